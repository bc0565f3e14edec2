/* sales-ods-reader.h: one sheet of an OpenDocument spreadsheet as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-reader.h"

G_BEGIN_DECLS

#define SALES_TYPE_ODS_READER (sales_ods_reader_get_type ())

G_DECLARE_FINAL_TYPE (SalesOdsReader, sales_ods_reader, SALES, ODS_READER,
                      SalesReader)

SalesReader *sales_ods_reader_new (const char    *path,
                                   const char    *sheet,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
