/* sales-import-bulk.c: many rows stored by one INSERT ... SELECT
 *
 * Stepping a prepared INSERT once per row costs SQLite a statement start
 * and end each time: cursors opened and closed, a statement journal
 * begun and released. On a million rows that is more than the b-tree
 * work itself. Here the rows come from an eponymous virtual table,
 * `sales_import_rows`, whose cursor pulls them from a callback, so that
 * a single INSERT ... SELECT stores all of them in one run of its
 * program, as fast as SQLite copies one table into another.
 *
 * The module lives on the connection only while _sales_import_bulk_run()
 * runs, and is direct-only: no view or trigger of a workspace can name
 * it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-error.h"
#include "sales-import-bulk.h"

#define MODULE_NAME "sales_import_rows"

typedef struct
{
  guint                n_values;
  SalesImportBulkNext  next;
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

  if (!source->next (source->data, &c->values, &c->extra, &source->error))
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
      sqlite3_result_text (context, v->text, -1, SQLITE_STATIC);
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

/**
 * _sales_import_bulk_run:
 * @db: a connection inside a write transaction
 * @path: the file imported, for messages
 * @insert: a statement that reads `sales_import_rows`, whose columns are
 *   `v0` to `v{n_values - 1}` and `extra`
 * @n_values: values per row
 * @next: hands out the rows; it may run other statements on @db
 * @data: for @next
 * @error: return location for a #GError
 *
 * Runs @insert once over every row @next hands out.
 *
 * Returns: %TRUE when the statement ran to its end; %FALSE with @next's
 *   error, or %SALES_ERROR_SQL
 */
gboolean
_sales_import_bulk_run (sqlite3              *db,
                        const char           *path,
                        const char           *insert,
                        guint                 n_values,
                        SalesImportBulkNext   next,
                        gpointer              data,
                        GError              **error)
{
  Source source = { n_values, next, data, NULL };
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (insert != NULL, FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

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
