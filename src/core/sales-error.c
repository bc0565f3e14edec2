/* sales-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-error.h"

G_DEFINE_QUARK (sales-error-quark, sales_error)
