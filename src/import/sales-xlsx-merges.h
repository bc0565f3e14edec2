/* sales-xlsx-merges.h: merged ranges of an XLSX sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>

#include "sales-merge-set.h"
#include "sales-reader.h"

G_BEGIN_DECLS

/* Finds the <mergeCell ref="A1:B2"/> elements of a sheet part, sorted by
 * first row. %SALES_ERROR_LIMIT past SALES_MAX_MERGED_RANGES.
 */
GArray  *sales_xlsx_merges_scan      (SalesReader  *owner,
                                      GsfInput     *sheet,
                                      GError      **error);

/* Parses "B3" as a 0-based column and 1-based row; FALSE if not one. */
gboolean sales_xlsx_parse_reference  (const char   *text,
                                      const char  **end,
                                      guint32      *col,
                                      guint32      *row);

G_END_DECLS
