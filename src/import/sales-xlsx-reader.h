/* sales-xlsx-reader.h: one sheet of an XLSX or XLSM workbook as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-reader.h"

G_BEGIN_DECLS

#define SALES_TYPE_XLSX_READER (sales_xlsx_reader_get_type ())

G_DECLARE_FINAL_TYPE (SalesXlsxReader, sales_xlsx_reader, SALES, XLSX_READER,
                      SalesReader)

SalesReader *sales_xlsx_reader_new (const char    *path,
                                    const char    *sheet,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
