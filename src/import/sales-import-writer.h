/* sales-import-writer.h: one pass of an import inside one transaction
 *
 * Private to the import layer: the importer drives it, row by row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sales-import-converter.h"

G_BEGIN_DECLS

/* A rejected row, as the summary and the CLI show it. */
typedef struct
{
  guint64  line;
  char    *column;
  char    *value;
  char    *reason;
} SalesImportReject;

void sales_import_reject_free (SalesImportReject *reject);

typedef struct
{
  guint64 rows_read;
  guint64 inserted;
  guint64 updated;
  guint64 unchanged;
  guint64 rejected;
} SalesImportCounts;

typedef struct _SalesImportWriter SalesImportWriter;

/* Hands out the next row, valid until the next call; %NULL at the end,
 * or with @error set when the rows cannot be read.
 */
typedef const SalesPreparedRow *(*SalesImportRowSource) (gpointer   data,
                                                         GError   **error);

SalesImportWriter *_sales_import_writer_new    (sqlite3             *db,
                                                const SalesMapping  *mapping,
                                                SalesImportConverter *converter,
                                                const char          *path,
                                                GError             **error);
void               _sales_import_writer_free   (SalesImportWriter   *self);
gboolean           _sales_import_writer_begin  (SalesImportWriter   *self,
                                                const char          *sheet,
                                                GError             **error);
gboolean           _sales_import_writer_store  (SalesImportWriter   *self,
                                                const SalesPreparedRow *row,
                                                GError             **error);
gboolean           _sales_import_writer_can_store_rest
                                               (SalesImportWriter   *self);
gboolean           _sales_import_writer_store_rest
                                               (SalesImportWriter   *self,
                                                SalesImportRowSource source,
                                                gpointer             data,
                                                GError             **error);
gboolean           _sales_import_writer_restore (SalesImportWriter  *self,
                                                GError             **error);
gboolean           _sales_import_writer_finish (SalesImportWriter   *self,
                                                const char          *checksum,
                                                GError             **error);
void               _sales_import_writer_rollback (SalesImportWriter *self);
gint64             _sales_import_writer_get_import_id (SalesImportWriter *self);
const SalesImportCounts *
                   _sales_import_writer_get_counts (SalesImportWriter *self);
GPtrArray         *_sales_import_writer_steal_rejects (SalesImportWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesImportWriter, _sales_import_writer_free)

G_END_DECLS
