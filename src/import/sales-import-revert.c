/* sales-import-revert.c: taking an import back
 *
 * The rows an import inserted carry its import_id and are deleted; the
 * rows it updated get back the values saved in import_changes (field by
 * field, the earliest save, should the file have held a row twice). An import
 * is reverted once, and not while a later import that changed the same
 * rows still stands: reverting under it would silently undo that later
 * import's work too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-import-schema.h"
#include "sales-importer.h"
#include "sales-limits.h"
#include "sales-schema.h"

typedef struct
{
  sqlite3    *db;
  const char *path;
  gint64      id;
  char       *table;
} Revert;

static gboolean
sql_error (Revert  *r,
           GError **error)
{
  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not revert import %" PRId64 " of “%s”: %s"),
               r->id, r->path, sqlite3_errmsg (r->db));
  return FALSE;
}

/* @sql with ?1 bound to the import id and ?2, if any, to its table. */
static sqlite3_stmt *
prepare_bound (Revert      *r,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (r->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (r, error);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, r->id);
  if (r->table != NULL && sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, r->table, -1, SQLITE_STATIC);
  return stmt;
}

static gboolean
run (Revert      *r,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = prepare_bound (r, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || sql_error (r, error);
}

/* The first row's first column, and its second if asked for. */
static gboolean
query (Revert      *r,
       const char  *sql,
       char       **text,
       char       **second,
       GError     **error)
{
  sqlite3_stmt *stmt = prepare_bound (r, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      if (second != NULL)
        *second = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE || sql_error (r, error);
}

static gboolean
check_revertible (Revert  *r,
                  GError **error)
{
  g_autofree char *reverted = NULL;
  g_autofree char *later = NULL;
  g_autofree char *sql = NULL;

  if (!query (r, "SELECT table_name, reverted_at FROM imports WHERE id = ?1",
              &r->table, &reverted, error))
    return FALSE;

  if (r->table == NULL || !sales_schema_is_table (r->table))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("“%s” has no import %" PRId64), r->path, r->id);
      return FALSE;
    }

  if (reverted != NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("Import %" PRId64 " of “%s” was already "
                     "reverted on %s"), r->id, r->path, reverted);
      return FALSE;
    }

  sql = g_strdup_printf ("SELECT c.import_id FROM import_changes c "
                         "JOIN imports i ON i.id = c.import_id "
                         "WHERE c.import_id > ?1 AND i.reverted_at IS NULL "
                         "AND c.table_name = ?2 AND (c.row_id IN "
                         "(SELECT id FROM %s WHERE import_id = ?1) OR "
                         "c.row_id IN (SELECT row_id FROM import_changes "
                         "WHERE import_id = ?1)) LIMIT 1", r->table);
  if (!query (r, sql, &later, NULL, error))
    return FALSE;

  if (later != NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("Import %" PRId64 " of “%s” cannot be "
                     "reverted: import %s changed the same rows later; "
                     "revert that one first"), r->id, r->path, later);
      return FALSE;
    }

  return TRUE;
}

/* The UPDATE of the rows whose saves hold the fields @keys ("amount" or
 * "amount,stage"), or NULL when a key is no field of the table (a
 * workspace written by something else).
 */
static char *
restore_statement (Revert     *r,
                   const char *keys)
{
  const SalesTableInfo *info = sales_schema_lookup_table (r->table);
  g_auto(GStrv) names = g_strsplit (keys, ",", -1);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_printf (sql, "UPDATE %s SET ", r->table);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!g_str_equal (names[i], "extra") &&
          sales_table_info_lookup (info, names[i]) == NULL)
        return NULL;
      g_string_append_printf (sql, "%s%s = json_extract (c.before, '$.%s')",
                              i > 0 ? ", " : "", names[i], names[i]);
    }
  g_string_append_printf (sql, " FROM temp.reverted c WHERE c.keys = ?2 "
                               "AND %s.id = c.row_id", r->table);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* An update saved only the fields it changed; a row the file held twice
 * may have had other fields changed by its second update. Each field
 * gets back the value of the earliest save that has it. The rows are
 * then restored by the fields they need, one UPDATE for each set of
 * fields (a re-import has a few): an UPDATE naming every field would move
 * every row's entries in the date indexes.
 */
static gboolean
restore_updated (Revert  *r,
                 GError **error)
{
  g_autoptr(GPtrArray) key_sets = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (!run (r, "CREATE TEMP TABLE reverted AS SELECT row_id, "
               "json_group_object (key, value) AS before, group_concat "
               "(key) AS keys FROM (SELECT c.row_id, j.key, j.value, min "
               "(c.id) FROM import_changes c, json_each (c.before) j WHERE "
               "c.import_id = ?1 AND c.action = 'update' GROUP BY c.row_id, "
               "j.key) GROUP BY row_id", error) ||
      (stmt = prepare_bound (r, "SELECT DISTINCT keys FROM temp.reverted",
                             error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (key_sets,
                     g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; ok && i < key_sets->len; i++)
    {
      const char *keys = g_ptr_array_index (key_sets, i);
      g_autofree char *sql = restore_statement (r, keys);

      if (sql == NULL)
        {
          g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                       _("Import %" PRId64 " of “%s” cannot be reverted: "
                         "what it changed names fields the table does not "
                         "have (%s)"), r->id, r->path, keys);
          ok = FALSE;
          break;
        }
      if ((stmt = prepare_bound (r, sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 2, keys, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE || sql_error (r, error);
      sqlite3_finalize (stmt);
    }

  return run (r, "DROP TABLE temp.reverted", ok ? error : NULL) && ok;
}

/* The first column of @sql's first row as a number, -1 on error. */
static gint64
query_int (Revert      *r,
           const char  *sql,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (!query (r, sql, &text, NULL, error))
    return -1;

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* Taking back a large import writes as many rows as it did: like the
 * import, it then sets the KPI triggers aside and marks the roll-up for
 * a rebuild, and when it deletes most of the table, its secondary
 * indexes too, to build them again over what is left (a million rows:
 * 20 s with both in place).
 */
static gboolean
set_aside (Revert     *r,
           GPtrArray  *triggers,
           GPtrArray  *indexes,
           GError    **error)
{
  g_autofree char *count = g_strdup_printf ("SELECT count (*) FROM %s",
                                            r->table);
  g_autofree char *inserted_text = NULL, *updated_text = NULL;
  gint64 inserted, updated, rows;

  if (!query (r, "SELECT inserted, updated FROM imports WHERE id = ?1",
              &inserted_text, &updated_text, error) ||
      (rows = query_int (r, count, error)) < 0)
    return FALSE;
  inserted = inserted_text != NULL ? g_ascii_strtoll (inserted_text, NULL, 10)
                                   : 0;
  updated = updated_text != NULL ? g_ascii_strtoll (updated_text, NULL, 10)
                                 : 0;

  if (inserted + updated >= SALES_IMPORT_TRIGGER_MAX_ROWS &&
      (_sales_import_schema_drop (r->db, r->table, "trigger", "*_kpi_*",
                                  NULL, triggers) != SQLITE_OK ||
       !run (r, "UPDATE kpi_state SET stale = 1", error)))
    return sql_error (r, error);

  if (inserted > rows / 2 &&
      _sales_import_schema_drop (r->db, r->table, "index", "*", NULL,
                                 indexes) != SQLITE_OK)
    return sql_error (r, error);

  return TRUE;
}

static gboolean
revert_in_transaction (Revert  *r,
                       GError **error)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *delete = NULL;

  if (!check_revertible (r, error) ||
      !set_aside (r, triggers, indexes, error) ||
      !restore_updated (r, error))
    return FALSE;

  delete = g_strdup_printf ("DELETE FROM %s WHERE import_id = ?1", r->table);
  if (!run (r, delete, error) ||
      !run (r, "UPDATE imports SET reverted_at = datetime('now') "
               "WHERE id = ?1", error))
    return FALSE;

  if (_sales_import_schema_restore (r->db, indexes) != SQLITE_OK ||
      _sales_import_schema_restore (r->db, triggers) != SQLITE_OK)
    return sql_error (r, error);

  return TRUE;
}

/**
 * sales_import_revert:
 * @workspace: a workspace
 * @import_id: an import of it
 * @error: return location for a #GError
 *
 * Deletes the rows the import inserted, restores the rows it updated and
 * marks it reverted, in one transaction on a connection of its own, then
 * emits the workspace's "changed" signal.
 *
 * Returns: %TRUE on success; %FALSE with %SALES_ERROR_NOT_FOUND for an
 *   unknown import, %SALES_ERROR_INVALID for one already reverted or
 *   overtaken by a later import of the same rows, and the workspace
 *   unchanged
 */
gboolean
sales_import_revert (SalesWorkspace  *workspace,
                     gint64           import_id,
                     GError         **error)
{
  Revert r = { NULL, NULL, import_id, NULL };
  gboolean ok;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), FALSE);

  r.path = sales_workspace_get_path (workspace);
  r.db = sales_workspace_open_connection (workspace, FALSE, error);
  if (r.db == NULL)
    return FALSE;

  /* Deleting and restoring rows all over a large table: as an import. */
  sqlite3_exec (r.db, "PRAGMA cache_size = -"
                      G_STRINGIFY (SALES_IMPORT_CACHE_KIB), NULL, NULL, NULL);

  ok = sqlite3_exec (r.db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK ||
       sql_error (&r, error);
  ok = ok && revert_in_transaction (&r, error);
  if (ok && sqlite3_exec (r.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    ok = sql_error (&r, error);
  if (!ok && !sqlite3_get_autocommit (r.db))
    sqlite3_exec (r.db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (r.db);

  if (ok)
    sales_workspace_emit_changed (workspace, r.table);
  g_free (r.table);
  return ok;
}
