/* sales-import-bulk.c: the rest of a large import in one INSERT ... SELECT
 *
 * Stepping a prepared INSERT once per row costs SQLite a statement start
 * and end each time: cursors opened and closed, a statement journal
 * begun and released. On a million rows that is more than the b-tree
 * work itself. Here the rows come from an eponymous virtual table,
 * `sales_import_rows`, whose cursor pulls them from a callback, so that
 * a single INSERT ... SELECT stores all of them in one run of its
 * program, as fast as SQLite copies one table into another.
 *
 * The module lives on the connection only while the statement runs, and
 * is direct-only: no view or trigger of a workspace can name it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "sales-error.h"
#include "sales-import-writer-private.h"

#define MODULE_NAME "sales_import_rows"

/* Hands out the next row's values, their texts' lengths and extra (both
 * nullable), valid until the next call; the values %NULL at the end.
 * %FALSE with @error set stops the statement.
 */
typedef gboolean (*NextRow) (gpointer            data,
                             const SalesValue  **values,
                             const guint       **lengths,
                             const char        **extra,
                             GError            **error);

typedef struct
{
  guint                n_values;
  NextRow              next;
  gpointer             data;
  GError              *error;
} Source;

typedef struct
{
  sqlite3_vtab  base;
  Source       *source;
} RowsTable;

typedef struct
{
  sqlite3_vtab_cursor  base;
  const SalesValue    *values;
  const guint         *lengths;
  const char          *extra;
  sqlite3_int64        rowid;
} RowsCursor;

static int
rows_connect (sqlite3             *db,
              void                *aux,
              int                  argc,
              const char *const   *argv,
              sqlite3_vtab       **vtab,
              char               **message)
{
  Source *source = aux;
  g_autoptr(GString) schema = g_string_new ("CREATE TABLE x (");
  RowsTable *table;
  int rc;

  for (guint i = 0; i < source->n_values; i++)
    g_string_append_printf (schema, "v%u, ", i);
  g_string_append (schema, "extra)");

  rc = sqlite3_declare_vtab (db, schema->str);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_vtab_config (db, SQLITE_VTAB_DIRECTONLY);

  table = sqlite3_malloc (sizeof *table);
  if (table == NULL)
    return SQLITE_NOMEM;
  memset (table, 0, sizeof *table);
  table->source = source;
  *vtab = &table->base;
  return SQLITE_OK;
}

static int
rows_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

/* One way to read it: every row, once, in order. */
static int
rows_best_index (sqlite3_vtab       *vtab,
                 sqlite3_index_info *info)
{
  info->estimatedCost = 1e9;
  info->estimatedRows = 1000000;
  return SQLITE_OK;
}

static int
rows_open (sqlite3_vtab         *vtab,
           sqlite3_vtab_cursor **cursor)
{
  RowsCursor *c = sqlite3_malloc (sizeof *c);

  if (c == NULL)
    return SQLITE_NOMEM;
  memset (c, 0, sizeof *c);
  *cursor = &c->base;
  return SQLITE_OK;
}

static int
rows_close (sqlite3_vtab_cursor *cursor)
{
  sqlite3_free (cursor);
  return SQLITE_OK;
}

static int
rows_next (sqlite3_vtab_cursor *cursor)
{
  RowsCursor *c = (RowsCursor *)cursor;
  RowsTable *table = (RowsTable *)cursor->pVtab;
  Source *source = table->source;

  if (!source->next (source->data, &c->values, &c->lengths, &c->extra,
                     &source->error))
    {
      sqlite3_free (table->base.zErrMsg);
      table->base.zErrMsg = sqlite3_mprintf ("%s", source->error != NULL ?
                                             source->error->message :
                                             "the rows could not be read");
      c->values = NULL;
      return SQLITE_ERROR;
    }

  c->rowid++;
  return SQLITE_OK;
}

/* A second scan would find the callback's rows gone: there is none. */
static int
rows_filter (sqlite3_vtab_cursor *cursor,
             int                  index_number,
             const char          *index_text,
             int                  argc,
             sqlite3_value      **argv)
{
  RowsCursor *c = (RowsCursor *)cursor;

  if (c->rowid > 0)
    return SQLITE_MISUSE;

  return rows_next (cursor);
}

static int
rows_eof (sqlite3_vtab_cursor *cursor)
{
  return ((RowsCursor *)cursor)->values == NULL;
}

static int
rows_column (sqlite3_vtab_cursor *cursor,
             sqlite3_context     *context,
             int                  column)
{
  RowsCursor *c = (RowsCursor *)cursor;
  guint n_values = ((RowsTable *)cursor->pVtab)->source->n_values;
  const SalesValue *v;

  /* The texts stay valid until the next row: SQLite copies them into
   * the record before it asks for that.
   */
  if ((guint)column == n_values)
    {
      sqlite3_result_text (context, c->extra, -1, SQLITE_STATIC);
      return SQLITE_OK;
    }

  v = &c->values[column];
  switch (v->kind)
    {
    case SALES_VALUE_TEXT:
      sqlite3_result_text (context, v->text,
                           c->lengths != NULL ? (int)c->lengths[column] : -1,
                           SQLITE_STATIC);
      break;
    case SALES_VALUE_INT:
      sqlite3_result_int64 (context, v->i);
      break;
    case SALES_VALUE_DOUBLE:
      sqlite3_result_double (context, v->d);
      break;
    case SALES_VALUE_NULL:
    default:
      sqlite3_result_null (context);
      break;
    }

  return SQLITE_OK;
}

static int
rows_rowid (sqlite3_vtab_cursor *cursor,
            sqlite3_int64       *rowid)
{
  *rowid = ((RowsCursor *)cursor)->rowid;
  return SQLITE_OK;
}

static const sqlite3_module rows_module = {
  .iVersion = 0,
  .xCreate = NULL,        /* eponymous only: never in a schema */
  .xConnect = rows_connect,
  .xBestIndex = rows_best_index,
  .xDisconnect = rows_disconnect,
  .xDestroy = rows_disconnect,
  .xOpen = rows_open,
  .xClose = rows_close,
  .xFilter = rows_filter,
  .xNext = rows_next,
  .xEof = rows_eof,
  .xColumn = rows_column,
  .xRowid = rows_rowid,
};

/* Runs @insert, which reads `sales_import_rows` (columns v0 to
 * v{n_values - 1} and extra), over every row @next hands out. Returns
 * %FALSE with @next's error, or %SALES_ERROR_SQL.
 */
static gboolean
run_insert (sqlite3       *db,
            const char    *path,
            const char    *insert,
            guint          n_values,
            NextRow        next,
            gpointer       data,
            GError       **error)
{
  Source source = { n_values, next, data, NULL };
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_create_module_v2 (db, MODULE_NAME, &rows_module, &source,
                                 NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, insert, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && source.error == NULL)
    g_set_error (&source.error, SALES_ERROR, SALES_ERROR_SQL,
                 _("Could not import “%s”: %s"), path, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  /* Dropping the module disconnects the table, which points at @source;
   * only once no statement uses it.
   */
  sqlite3_create_module_v2 (db, MODULE_NAME, NULL, NULL, NULL);

  if (source.error != NULL)
    {
      g_propagate_error (error, source.error);
      return FALSE;
    }

  return TRUE;
}

/* No insert gives a row this id. */
#define NOT_INSERTED G_MININT64

/* The bulk INSERT's source. It stores the rows it only hands over when
 * the INSERT skipped them for an id already taken (a re-import, or rows
 * of the file that share an id), row by row like any other, and keeps
 * the rejected ones.
 *
 * A row was skipped when the connection's last inserted rowid is still
 * the one noted as the row was handed over. After the INSERT stored the
 * row before, that is the rowid of a row in the table, which no row it
 * stores next can get. After anything else (the start, a row stored
 * aside, a reject), it may be any rowid, and the mark is set first;
 * setting it for every row, which takes the connection's mutex, cost 4 %
 * of the storing.
 */
static gboolean
next_for_insert (gpointer            data,
                 const SalesValue  **values,
                 const guint       **lengths,
                 const char        **extra,
                 GError            **error)
{
  SalesImportWriter *self = data;
  const SalesPreparedRow *row = g_steal_pointer (&self->pending);
  gboolean aside = row == NULL;

  if (row != NULL)
    {
      if (sqlite3_last_insert_rowid (self->db) != self->pending_rowid)
        self->counts.inserted++;
      else if (!_sales_import_writer_store_prepared (self, row, error))
        return FALSE;
      else
        aside = TRUE;
    }

  while ((row = self->source (self->source_data, error)) != NULL)
    {
      self->counts.rows_read++;
      if (row->reason == NULL)
        break;
      aside = TRUE;
      if (!_sales_import_writer_add_reject (self, &row->row, row->bad_column,
                                            row->reason, error))
        return FALSE;
    }

  *values = NULL;
  if (row == NULL)
    return *error == NULL;

  self->pending = row;
  *values = row->values;
  *lengths = row->lengths;
  *extra = row->extra;
  if (aside)
    sqlite3_set_last_insert_rowid (self->db, NOT_INSERTED);
  self->pending_rowid = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/**
 * _sales_import_writer_store_rest:
 * @self: a writer that began
 * @source: hands out the rest of the rows, %NULL at the end or with its
 *   error set
 * @data: for @source
 * @error: return location for a #GError
 *
 * Stores every row @source hands out as _sales_import_writer_store()
 * would, but through one INSERT ... SELECT (see the top of this file).
 *
 * Returns: %FALSE with @source's error or when the database failed
 */
gboolean
_sales_import_writer_store_rest (SalesImportWriter     *self,
                                 SalesImportRowSource   source,
                                 gpointer               data,
                                 GError               **error)
{
  g_autoptr(GString) insert = g_string_new (NULL);
  gboolean ok;

  g_string_printf (insert, "INSERT INTO %s (", self->table->name);
  for (guint i = 0; i < self->n_written; i++)
    g_string_append_printf (insert, "%s, ",
                            _sales_import_converter_get_field (self->converter,
                                                               i)->name);
  g_string_append (insert, "import_id, extra) SELECT ");
  for (guint i = 0; i < self->n_written; i++)
    g_string_append_printf (insert, "v%u, ", i);
  g_string_append_printf (insert, "%" PRId64 ", extra FROM sales_import_rows"
                          " WHERE true ON CONFLICT DO NOTHING",
                          self->import_id);

  self->source = source;
  self->source_data = data;
  ok = run_insert (self->db, self->path, insert->str, self->n_written,
                   next_for_insert, self, error);
  self->source = NULL;
  self->pending = NULL;
  return ok;
}
