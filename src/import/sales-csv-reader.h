/* sales-csv-reader.h: CSV and TSV files as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-reader.h"

G_BEGIN_DECLS

#define SALES_TYPE_CSV_READER (sales_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (SalesCsvReader, sales_csv_reader, SALES, CSV_READER,
                      SalesReader)

SalesReader *sales_csv_reader_new (const char    *path,
                                   GCancellable  *cancellable,
                                   GError       **error);
SalesReader *sales_csv_reader_new_with_options (const char    *path,
                                                const char    *encoding,
                                                char           delimiter,
                                                GCancellable  *cancellable,
                                                GError       **error);

G_END_DECLS
