/* sales-import-writer-private.h: the writer's insides, for the files it
 * is split into (sales-import-writer.c, sales-import-writer-update.c,
 * sales-import-bulk.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-import-claims.h"
#include "sales-import-writer.h"

G_BEGIN_DECLS

struct _SalesImportWriter
{
  sqlite3              *db;
  char                 *path;
  const SalesMapping   *mapping;
  SalesImportConverter *converter;
  const SalesTableInfo *table;
  guint                 n_written;
  int                   id_index;       /* of external_id in written */

  /* The row being stored. */
  SalesValue           *values;
  const char           *extra;

  sqlite3_stmt         *insert;
  sqlite3_stmt         *select;
  GHashTable           *changes;        /* changed fields -> Change */
  sqlite3_stmt         *reject;
  SalesImportClaims    *claims;
  char                  key[64];        /* a repeated row's id */

  gboolean              began;
  gboolean              was_empty;
  gboolean              triggers_suspended;
  GPtrArray            *dropped_indexes;  /* their CREATE statements */
  GPtrArray            *dropped_triggers; /* likewise */
  gint64                import_id;
  SalesImportCounts     counts;
  GPtrArray            *rejects;
  GString              *cells;

  /* While _sales_import_writer_store_rest() runs. */
  SalesImportRowSource     source;
  gpointer                 source_data;
  const SalesPreparedRow  *pending;     /* handed to the INSERT last */
  sqlite3_int64            pending_rowid; /* the last rowid as it was */
};

gboolean      _sales_import_writer_sql_error (SalesImportWriter  *self,
                                             GError            **error);
sqlite3_stmt *_sales_import_writer_prepare   (SalesImportWriter  *self,
                                             const char         *sql,
                                             GError            **error);
void          _sales_import_writer_bind_row  (SalesImportWriter  *self,
                                             sqlite3_stmt       *stmt,
                                             gboolean            has_extra);
gboolean      _sales_import_writer_step_reset (sqlite3_stmt     *stmt);

/* sales-import-writer-update.c */
GHashTable *_sales_import_writer_changes_new    (void);
guint64     _sales_import_writer_changed_fields (SalesImportWriter  *self,
                                                 gboolean            has_extra);
gboolean    _sales_import_writer_update_row     (SalesImportWriter  *self,
                                                 gint64              id,
                                                 guint64             changed,
                                                 gboolean            has_extra,
                                                 GError            **error);

gboolean _sales_import_writer_add_reject     (SalesImportWriter       *self,
                                              const SalesRow          *row,
                                              int                      column,
                                              const char              *reason,
                                              GError                 **error);
gboolean _sales_import_writer_store_prepared (SalesImportWriter       *self,
                                              const SalesPreparedRow  *row,
                                              GError                 **error);

G_END_DECLS
