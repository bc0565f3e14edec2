/* sales-workspace-journal.c: undo and redo, kept in the workspace file
 *
 * Each user edit writes one group of journal rows in the same transaction
 * as the edit. Undone groups always form a suffix of the journal (a new
 * edit forgets them), so undo takes the newest group still done and redo
 * the oldest group undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-journal"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-workspace-private.h"

gint64
_sales_journal_next_group (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 next = 1;

  if (sqlite3_prepare_v2 (db, "SELECT coalesce(max(group_id), 0) + 1 "
                              "FROM edits", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return next;
}

gboolean
_sales_journal_add (sqlite3     *db,
                    gint64       group_id,
                    const char  *table,
                    gint64       row_id,
                    const char  *action,
                    const char  *column,
                    GVariant    *old_value,
                    GVariant    *new_value,
                    const char  *row_json,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO edits (group_id, table_name, row_id,"
                           " action, column_name, old_value, new_value,"
                           " row_json, made_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                           " ?, datetime('now', 'localtime'))",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, rc);

  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, column, -1, SQLITE_STATIC);
  _sales_bind_variant (stmt, 6, old_value);
  _sales_bind_variant (stmt, 7, new_value);
  sqlite3_bind_text (stmt, 8, row_json, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

gboolean
_sales_journal_forget_redo (sqlite3  *db,
                            GError  **error)
{
  int rc = sqlite3_exec (db, "DELETE FROM edits WHERE undone = 1",
                         NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

static gint64
find_group (sqlite3  *db,
            gboolean  for_undo)
{
  const char *sql = for_undo
    ? "SELECT max(group_id) FROM edits WHERE undone = 0"
    : "SELECT min(group_id) FROM edits WHERE undone = 1";
  sqlite3_stmt *stmt = NULL;
  gint64 group = 0;

  if (db != NULL &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    group = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return group;
}

gboolean
sales_workspace_can_undo (SalesWorkspace *self)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);

  return find_group (sales_workspace_get_db (self), TRUE) > 0;
}

gboolean
sales_workspace_can_redo (SalesWorkspace *self)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);

  return find_group (sales_workspace_get_db (self), FALSE) > 0;
}

static gboolean
set_field (sqlite3       *db,
           const char    *table,
           gint64         row_id,
           const char    *column,
           sqlite3_value *value,
           GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ?",
                                          table, column);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, rc);

  sqlite3_bind_value (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, row_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

static gboolean
remember_row (sqlite3     *db,
              gint64       edit_id,
              const char  *json,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "UPDATE edits SET row_json = ? WHERE id = ?",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, rc);

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, edit_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

/* Removes a row, keeping its snapshot in the journal so the opposite
 * direction can bring it back exactly.
 */
static gboolean
take_out_row (sqlite3     *db,
              gint64       edit_id,
              const char  *table,
              gint64       row_id,
              GError     **error)
{
  g_autofree char *json = _sales_row_to_json (db, table, row_id, error);

  return json != NULL &&
         remember_row (db, edit_id, json, error) &&
         _sales_delete_row (db, table, row_id, error);
}

/* Applies one journal row backwards (undo) or forwards (redo). */
static gboolean
replay_edit (sqlite3       *db,
             sqlite3_stmt  *edit,
             gboolean       backwards,
             GError       **error)
{
  gint64 edit_id = sqlite3_column_int64 (edit, 0);
  const char *table = (const char *)sqlite3_column_text (edit, 1);
  gint64 row_id = sqlite3_column_int64 (edit, 2);
  const char *action = (const char *)sqlite3_column_text (edit, 3);
  const char *column = (const char *)sqlite3_column_text (edit, 4);
  const char *json = (const char *)sqlite3_column_text (edit, 7);
  gboolean removes;

  if (g_str_equal (action, "update"))
    return set_field (db, table, row_id, column,
                      sqlite3_column_value (edit, backwards ? 5 : 6), error);

  /* Undoing an insert and redoing a delete both remove the row. */
  removes = g_str_equal (action, "insert") == backwards;
  if (removes)
    return take_out_row (db, edit_id, table, row_id, error);

  return _sales_row_from_json (db, table, json, error);
}

/* The table of a group that deletes rows and does nothing else, or NULL:
 * such a group (many rows deleted at once) is replayed in a statement or
 * two instead of row by row.
 */
static char *
deletion_group_table (sqlite3 *db,
                      gint64   group)
{
  sqlite3_stmt *stmt = NULL;
  char *table = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT min(table_name), count(*),"
                              " count(DISTINCT table_name),"
                              " sum(action = 'delete') FROM edits"
                              " WHERE group_id = ?", -1, &stmt,
                          NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, group);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          sqlite3_column_int64 (stmt, 1) > 1 &&
          sqlite3_column_int64 (stmt, 2) == 1 &&
          sqlite3_column_int64 (stmt, 3) == sqlite3_column_int64 (stmt, 1))
        table = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return table;
}

static gboolean
replay_rows (sqlite3       *db,
             gint64         group,
             gboolean       backwards,
             char         **table,
             GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *table = deletion_group_table (db, group);
  if (*table != NULL)
    return backwards ? _sales_rows_restore_group (db, *table, group, error)
                     : _sales_rows_take_out_group (db, *table, group, error);

  rc = sqlite3_prepare_v2 (db, backwards
    ? "SELECT id, table_name, row_id, action, column_name, old_value,"
      " new_value, row_json FROM edits WHERE group_id = ? ORDER BY id DESC"
    : "SELECT id, table_name, row_id, action, column_name, old_value,"
      " new_value, row_json FROM edits WHERE group_id = ? ORDER BY id",
    -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, rc);

  sqlite3_bind_int64 (stmt, 1, group);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (*table == NULL)
        *table = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      if (!replay_edit (db, stmt, backwards, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

static gboolean
replay_group (SalesWorkspace  *self,
              gboolean         backwards,
              GError         **error)
{
  sqlite3 *db = sales_workspace_get_db (self);
  g_autofree char *table = NULL;
  gint64 group;

  group = find_group (db, backwards);
  if (group == 0)
    {
      g_set_error_literal (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                           backwards ? _("There is nothing to undo")
                                     : _("There is nothing to redo"));
      return FALSE;
    }

  if (!sales_workspace_begin (self, error))
    return FALSE;

  if (!replay_rows (db, group, backwards, &table, error))
    goto failed;

  {
    g_autofree char *mark =
      g_strdup_printf ("UPDATE edits SET undone = %d WHERE group_id = %"
                       PRId64, backwards ? 1 : 0, group);

    if (!sales_workspace_exec (self, mark, error) ||
        !sales_workspace_commit (self, error))
      goto failed;
  }

  sales_workspace_emit_changed (self, table);
  return TRUE;

failed:
  sales_workspace_rollback (self);
  return FALSE;
}

/**
 * sales_workspace_undo:
 * @self: a workspace
 * @error: return location for a #GError
 *
 * Reverses the newest edit that is not undone yet (one cell change, one
 * added row, or one deletion of several rows), in one transaction.
 *
 * Returns: %TRUE on success; %SALES_ERROR_NOT_FOUND when there is nothing
 *   to undo
 */
gboolean
sales_workspace_undo (SalesWorkspace  *self,
                      GError         **error)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);

  return replay_group (self, TRUE, error);
}

/**
 * sales_workspace_redo:
 * @self: a workspace
 * @error: return location for a #GError
 *
 * Applies again the oldest undone edit. A new edit forgets what could be
 * redone.
 *
 * Returns: %TRUE on success; %SALES_ERROR_NOT_FOUND when there is nothing
 *   to redo
 */
gboolean
sales_workspace_redo (SalesWorkspace  *self,
                      GError         **error)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);

  return replay_group (self, FALSE, error);
}
