/* sales-import-connection.c: the connection an import writes through
 *
 * An import usually writes through a connection of its own, in WAL mode
 * like every other, so that a window keeps reading the workspace while
 * the import runs in a thread. WAL costs a bulk load dearly, though:
 * every new page is written to the log, then copied into the database by
 * the checkpoint, and the index builds read the table back through the
 * log. A rollback journal only keeps the pages that held data before the
 * import, and a new table's pages held none; a million rows went in
 * 2.2-2.4 s against 3.1-3.4 s in WAL (tests/bench/bench-import.c).
 *
 * So an exclusive import (the command line's: nothing else of the process
 * uses the workspace meanwhile) borrows the workspace's own connection
 * and leaves WAL mode for the load, when no other connection has the file
 * open, and comes back to it afterwards. Other programs that open the
 * workspace meanwhile wait on its locks, as they would on any writer.
 * A killed import leaves its journal, and the next open rolls it back
 * (src/core/sales-workspace.c); the open sets WAL mode again too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include "sales-import-connection.h"
#include "sales-limits.h"

/**
 * _sales_import_connection_open:
 * @self: where to keep the connection
 * @workspace: the workspace
 * @exclusive: whether to borrow the workspace's own connection, which
 *   the caller leaves alone until _sales_import_connection_close()
 * @error: return location for a #GError
 *
 * Gets the connection and sets it up for a load: see
 * SALES_IMPORT_CACHE_KIB for the page cache. CHECK constraints are off
 * because every value was checked by the converter, and the outcome's IN
 * list costs a temporary table per row.
 *
 * Returns: %FALSE when a connection of its own could not be opened
 */
gboolean
_sales_import_connection_open (SalesImportConnection  *self,
                               SalesWorkspace         *workspace,
                               gboolean                exclusive,
                               GError                **error)
{
  *self = (SalesImportConnection) { NULL, };

  if (exclusive && sales_workspace_get_db (workspace) != NULL)
    {
      self->db = sales_workspace_get_db (workspace);
      self->borrowed = TRUE;
      self->cache_size = sales_sqlite_query_int (self->db,
                                                 "PRAGMA cache_size", -2000);
      self->synchronous = sales_sqlite_query_int (self->db,
                                                  "PRAGMA synchronous", 2);
    }
  else if ((self->db = sales_workspace_open_connection (workspace, FALSE,
                                                        error)) == NULL)
    return FALSE;

  sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = ON;"
                          "PRAGMA cache_size = -"
                          G_STRINGIFY (SALES_IMPORT_CACHE_KIB) ";"
                          "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  return TRUE;
}

/**
 * _sales_import_connection_leave_log:
 * @self: an open connection
 *
 * Takes a borrowed connection out of WAL mode for a load, with a rollback
 * journal synced as fully as SQLite can. Any other connection to the file
 * keeps it in WAL mode: SQLite refuses the change at once (no busy wait)
 * and the load goes through the log as it would in a thread.
 */
void
_sales_import_connection_leave_log (SalesImportConnection *self)
{
  sqlite3_stmt *stmt = NULL;

  if (!self->borrowed || self->journaled)
    return;

  sqlite3_busy_timeout (self->db, 0);
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = DELETE", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    self->journaled = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0),
                                 "delete") == 0;
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (self->db, SALES_BUSY_TIMEOUT_MS);

  if (self->journaled)
    sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  else
    g_debug ("the workspace is open elsewhere; loading through the log");
}

/**
 * _sales_import_connection_return_to_log:
 * @self: an open connection, outside any transaction
 *
 * Puts the workspace back in WAL mode after a load. Should another
 * program hold the file past the busy timeout, it stays with its journal,
 * which works as well, until the next open sets WAL mode again.
 */
void
_sales_import_connection_return_to_log (SalesImportConnection *self)
{
  if (!self->journaled)
    return;

  self->journaled = FALSE;
  if (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("could not go back to WAL mode: %s", sqlite3_errmsg (self->db));
}

/**
 * _sales_import_connection_close:
 * @self: a connection, open or not
 *
 * Closes a connection of the import's own; gives a borrowed one back with
 * its settings as they were. A load has already returned to WAL mode:
 * sales_importer_run() does so on every way out.
 */
void
_sales_import_connection_close (SalesImportConnection *self)
{
  g_autofree char *restore = NULL;

  if (self->db == NULL)
    return;

  g_warn_if_fail (!self->journaled);
  if (!self->borrowed)
    {
      g_clear_pointer (&self->db, sqlite3_close);
      return;
    }

  restore = g_strdup_printf ("PRAGMA ignore_check_constraints = OFF;"
                             "PRAGMA cache_size = %d;"
                             "PRAGMA synchronous = %d",
                             self->cache_size, self->synchronous);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  sqlite3_exec (self->db, restore, NULL, NULL, NULL);
  self->db = NULL;
}
