/* sales-xlsx-styles.h: which cell styles of an XLSX show dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>

#include "sales-reader.h"

G_BEGIN_DECLS

/* Loads @part (%NULL or absent: no styles) and returns the
 * SalesNumberKind of each cell format (cellXfs), as guint8.
 */
GArray *sales_xlsx_styles_load (SalesReader  *owner,
                                GsfInfile    *zip,
                                const char   *part,
                                GError      **error);

G_END_DECLS
