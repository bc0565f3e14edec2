/* sales-cell-value.h: cell values shown and typed as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-schema.h"

G_BEGIN_DECLS

char     *sales_cell_value_format      (const SalesField  *field,
                                        GVariant          *value);
gboolean  sales_cell_value_parse       (const SalesField  *field,
                                        const char        *text,
                                        GVariant         **value,
                                        GError           **error);
gboolean  sales_cell_value_parse_money (const char        *text,
                                        gint64            *minor_units);
const char *const *sales_cell_value_choices (const SalesField *field);

G_END_DECLS
