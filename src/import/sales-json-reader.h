/* sales-json-reader.h: a JSON array of objects as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-reader.h"

G_BEGIN_DECLS

#define SALES_TYPE_JSON_READER (sales_json_reader_get_type ())

G_DECLARE_FINAL_TYPE (SalesJsonReader, sales_json_reader, SALES, JSON_READER,
                      SalesReader)

SalesReader *sales_json_reader_new (const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
