/* sales-row-order.c: the ids of a table's rows in a chosen order
 *
 * Sorting or searching a million rows takes SQLite a second or more, so a
 * view asks for the ordered ids from a worker thread on a connection of
 * its own and keeps showing the old order meanwhile. The result is a
 * plain array of ids, 8 bytes a row (8 MB for a million rows): the rows
 * themselves are still read a page at a time. An array rather than a
 * temporary table, because a temporary table belongs to the connection
 * that made it and the view reads on another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-row-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-row-order.h"
#include "sales-workspace-private.h"

/* SQLite calls back every this many virtual machine steps, so that a
 * cancelled sort stops within milliseconds.
 */
#define PROGRESS_STEPS 10000

/**
 * _sales_row_order_sql:
 * @info: a table
 * @condition: (nullable): which rows, an SQL condition from the model
 * @column: (nullable): the field to order by, %NULL for id order
 * @descending: whether to reverse the order
 *
 * Returns: (transfer full): the query listing the ids; ties and empty
 *   values keep id order
 */
char *
_sales_row_order_sql (const SalesTableInfo *info,
                      const char           *condition,
                      const char           *column,
                      gboolean              descending)
{
  GString *sql = g_string_new (NULL);
  const char *direction = descending ? "DESC" : "ASC";

  g_string_append_printf (sql, "SELECT id FROM %s", info->name);
  if (condition != NULL)
    g_string_append_printf (sql, " WHERE %s", condition);
  g_string_append (sql, " ORDER BY ");
  if (column != NULL)
    g_string_append_printf (sql, "%s %s, ", column, direction);
  g_string_append_printf (sql, "id %s", direction);

  return g_string_free (sql, FALSE);
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/**
 * _sales_row_order_collect:
 * @db: a connection
 * @sql: a query from _sales_row_order_sql()
 * @cancellable: (nullable): stops the query
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ids in order, %NULL on error
 *   or with %G_IO_ERROR_CANCELLED
 */
GArray *
_sales_row_order_collect (sqlite3       *db,
                          const char    *sql,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, PROGRESS_STEPS, progress_cb, cancellable);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  sqlite3_progress_handler (db, 0, NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      sales_sqlite_set_error (error, db, NULL, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

typedef struct
{
  sqlite3 *db;
  char    *sql;
} Job;

static void
job_free (Job *job)
{
  sqlite3_close (job->db);
  g_free (job->sql);
  g_free (job);
}

static void
collect_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  GArray *ids = _sales_row_order_collect (job->db, job->sql, cancellable,
                                          &error);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify)g_array_unref);
}

/**
 * _sales_row_order_collect_async:
 * @workspace: an open workspace
 * @sql: a query from _sales_row_order_sql()
 * @cancellable: (nullable): stops the query
 * @callback: called in the calling thread's main context
 * @user_data: for @callback
 *
 * Runs the query in a worker thread on its own read-only connection. A
 * connection that cannot be opened is reported through @callback.
 */
void
_sales_row_order_collect_async (SalesWorkspace      *workspace,
                                const char          *sql,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;
  Job *job = g_new0 (Job, 1);

  g_task_set_source_tag (task, _sales_row_order_collect_async);
  job->sql = g_strdup (sql);
  job->db = sales_workspace_open_connection (workspace, TRUE, &error);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  if (job->db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, collect_thread);
}

GArray *
_sales_row_order_collect_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
