/* sales-workspace-records.c: validated, journaled edits of record rows
 *
 * Every edit is its own transaction, written together with its journal
 * entry, so that there is never unsaved state and undo survives a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-records"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sales-error.h"
#include "sales-schema.h"
#include "sales-workspace-private.h"

static const SalesTableInfo *
lookup_table (const char  *table,
              GError     **error)
{
  const SalesTableInfo *info = sales_schema_lookup_table (table);

  if (info == NULL)
    g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                 _("“%s” is not a table; use one of leads, opportunities, "
                   "customers, purchases, expenses, forecasts"), table);

  return info;
}

static gboolean
is_iso_date (const char *s)
{
  int y, mo, d, h = 0, mi = 0, se = 0, n = 0;
  gsize len = strlen (s);

  if (len == 10)
    {
      if (sscanf (s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        return FALSE;
    }
  else if (len == 19)
    {
      if (sscanf (s, "%4d-%2d-%2d %2d:%2d:%2d%n",
                  &y, &mo, &d, &h, &mi, &se, &n) != 6 || n != 19)
        return FALSE;
    }
  else
    return FALSE;

  return g_date_valid_dmy (d, mo, y) && h < 24 && mi < 60 && se < 60 &&
         h >= 0 && mi >= 0 && se >= 0;
}

/**
 * sales_workspace_validate_value:
 * @table: a record table
 * @column: one of its fields
 * @value: (nullable): the value, %NULL for empty
 * @error: return location for a #GError
 *
 * Checks that @value has the type and form @column stores: text for text,
 * dates and references; an int64 of minor units for money; a double for
 * numbers; "open", "won" or "lost" for an outcome.
 *
 * Returns: %TRUE when @value may be written
 */
gboolean
sales_workspace_validate_value (const char  *table,
                                const char  *column,
                                GVariant    *value,
                                GError     **error)
{
  const SalesTableInfo *info;
  const SalesField *field;
  const char *type;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  if ((info = lookup_table (table, error)) == NULL)
    return FALSE;

  field = sales_table_info_lookup (info, column);
  if (field == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("The %s table has no field “%s”"), table, column);
      return FALSE;
    }

  if (value == NULL)
    {
      if (field->type != SALES_FIELD_OUTCOME)
        return TRUE;
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("The outcome cannot be empty; use open, won or lost"));
      return FALSE;
    }

  type = g_variant_get_type_string (value);

  switch (field->type)
    {
    case SALES_FIELD_MONEY:
      if (g_str_equal (type, "x"))
        return TRUE;
      break;

    case SALES_FIELD_NUMBER:
      if (g_str_equal (type, "d"))
        return TRUE;
      break;

    case SALES_FIELD_DATE:
      if (g_str_equal (type, "s") &&
          is_iso_date (g_variant_get_string (value, NULL)))
        return TRUE;
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD or "
                     "YYYY-MM-DD HH:MM:SS"),
                   g_str_equal (type, "s") ?
                   g_variant_get_string (value, NULL) : type);
      return FALSE;

    case SALES_FIELD_OUTCOME:
      if (g_str_equal (type, "s"))
        {
          const char *s = g_variant_get_string (value, NULL);

          if (g_str_equal (s, "open") || g_str_equal (s, "won") ||
              g_str_equal (s, "lost"))
            return TRUE;
        }
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("The outcome must be open, won or lost"));
      return FALSE;

    case SALES_FIELD_TEXT:
    case SALES_FIELD_CATEGORY:
    case SALES_FIELD_REF:
    default:
      if (g_str_equal (type, "s"))
        return TRUE;
      break;
    }

  g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
               _("The value for %s.%s has the wrong type (%s)"),
               table, column, type);
  return FALSE;
}

int
_sales_bind_variant (sqlite3_stmt *stmt,
                     int           index,
                     GVariant     *value)
{
  if (value == NULL)
    return sqlite3_bind_null (stmt, index);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return sqlite3_bind_double (stmt, index, g_variant_get_double (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL),
                              -1, SQLITE_TRANSIENT);

  g_assert_not_reached ();
  return SQLITE_MISUSE;
}

GVariant *
_sales_column_variant (sqlite3_stmt *stmt,
                       int           index)
{
  switch (sqlite3_column_type (stmt, index))
    {
    case SQLITE_INTEGER:
      return g_variant_new_int64 (sqlite3_column_int64 (stmt, index));
    case SQLITE_FLOAT:
      return g_variant_new_double (sqlite3_column_double (stmt, index));
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return g_variant_new_string ((const char *)
                                   sqlite3_column_text (stmt, index));
    case SQLITE_NULL:
    default:
      return NULL;
    }
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sales_sqlite_set_error (error, db, NULL, rc);
      return NULL;
    }

  return stmt;
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

/* "json_object('id', id, 'field', field, ..., 'extra', extra)": a row's
 * snapshot, built by SQLite so that the types of the values survive.
 */
static void
append_snapshot (GString              *sql,
                 const SalesTableInfo *info)
{
  g_string_append (sql, "json_object('id', id");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", '%s', %s",
                            info->fields[i].name, info->fields[i].name);
  g_string_append (sql, ", 'import_id', import_id, 'extra', extra)");
}

/* "INSERT INTO table (id, fields..., import_id, extra) SELECT" the values
 * of the snapshot @source (an SQL expression).
 */
static void
append_restore (GString              *sql,
                const SalesTableInfo *info,
                const char           *source)
{
  g_string_append_printf (sql, "INSERT INTO %s (id", info->name);
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", %s", info->fields[i].name);
  g_string_append_printf (sql, ", import_id, extra) SELECT json_extract(%s,"
                               " '$.id')", source);
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", json_extract(%s, '$.%s')", source,
                            info->fields[i].name);
  g_string_append_printf (sql, ", json_extract(%s, '$.import_id'),"
                               " json_extract(%s, '$.extra')", source, source);
}

/**
 * _sales_row_to_json:
 *
 * Snapshots a row (all columns, id included) as a JSON object built by
 * SQLite, so the types of the values survive a round trip.
 */
char *
_sales_row_to_json (sqlite3     *db,
                    const char  *table,
                    gint64       id,
                    GError     **error)
{
  const SalesTableInfo *info = lookup_table (table, error);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  char *json = NULL;

  if (info == NULL)
    return NULL;

  append_snapshot (sql, info);
  g_string_append_printf (sql, " FROM %s WHERE id = ?", table);

  if ((stmt = prepare (db, sql->str, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                 _("There is no row %" PRId64 " in %s"), id, table);
  sqlite3_finalize (stmt);

  return json;
}

gboolean
_sales_row_from_json (sqlite3     *db,
                      const char  *table,
                      const char  *json,
                      GError     **error)
{
  const SalesTableInfo *info = lookup_table (table, error);
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  if (info == NULL)
    return FALSE;

  sql = g_string_new (NULL);
  append_restore (sql, info, "?1");

  if ((stmt = prepare (db, sql->str, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  return step_done (db, stmt, error);
}

gboolean
_sales_delete_row (sqlite3     *db,
                   const char  *table,
                   gint64       id,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?",
                                          table);
  sqlite3_stmt *stmt;

  if ((stmt = prepare (db, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (db, stmt, error);
}

static gboolean
check_open (SalesWorkspace  *self,
            GError         **error)
{
  if (sales_workspace_get_db (self) != NULL)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_FAILED,
               _("The workspace “%s” is closed"),
               sales_workspace_get_path (self));
  return FALSE;
}

/* A row's value is a plain variant, or "mv" where nothing means empty. */
static GVariant *
unwrap_value (GVariant *value)
{
  g_autoptr(GVariant) maybe = NULL;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("mv")))
    return g_variant_ref (value);

  maybe = g_variant_get_maybe (value);
  return maybe != NULL ? g_variant_get_variant (maybe) : NULL;
}

static gboolean
validate_row (const char  *table,
              GVariant    *row,
              GError     **error)
{
  GVariantIter iter;
  const char *column;
  GVariant *value;

  g_variant_iter_init (&iter, row);
  while (g_variant_iter_next (&iter, "{&sv}", &column, &value))
    {
      g_autoptr(GVariant) owned = value;
      g_autoptr(GVariant) inner = unwrap_value (value);

      if (!sales_workspace_validate_value (table, column, inner, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
insert_validated (sqlite3     *db,
                  const char  *table,
                  GVariant    *row,
                  GError     **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autofree char *sql = NULL;
  GVariantIter iter;
  const char *column;
  GVariant *value;
  sqlite3_stmt *stmt;
  int index = 1;

  g_variant_iter_init (&iter, row);
  while (g_variant_iter_next (&iter, "{&sv}", &column, NULL))
    {
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "",
                              column);
      g_string_append_printf (params, "%s?", params->len ? ", " : "");
    }

  if (columns->len == 0)
    sql = g_strdup_printf ("INSERT INTO %s DEFAULT VALUES", table);
  else
    sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table,
                           columns->str, params->str);

  if ((stmt = prepare (db, sql, error)) == NULL)
    return 0;

  g_variant_iter_init (&iter, row);
  while (g_variant_iter_next (&iter, "{&sv}", &column, &value))
    {
      g_autoptr(GVariant) owned = value;
      g_autoptr(GVariant) inner = unwrap_value (value);

      _sales_bind_variant (stmt, index++, inner);
    }

  if (!step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (db);
}

/**
 * sales_workspace_insert_row:
 * @self: a workspace
 * @table: a record table
 * @row: an "a{sv}" dictionary of field values; a "mv" nothing is empty
 * @error: return location for a #GError
 *
 * Validates and inserts one row, and journals it so it can be undone.
 *
 * Returns: the id of the new row, or 0 on error
 */
gint64
sales_workspace_insert_row (SalesWorkspace  *self,
                            const char      *table,
                            GVariant        *row,
                            GError         **error)
{
  g_autoptr(GVariant) owned = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row != NULL, 0);
  g_return_val_if_fail (g_variant_is_of_type (row, G_VARIANT_TYPE ("a{sv}")),
                        0);

  owned = g_variant_ref_sink (row);
  if (!check_open (self, error) || lookup_table (table, error) == NULL ||
      !validate_row (table, row, error))
    return 0;

  db = sales_workspace_get_db (self);
  if (!sales_workspace_begin (self, error))
    return 0;

  if ((id = insert_validated (db, table, row, error)) == 0 ||
      !_sales_journal_forget_redo (db, error) ||
      !_sales_journal_add (db, _sales_journal_next_group (db), table, id,
                           "insert", NULL, NULL, NULL, NULL, error) ||
      !sales_workspace_commit (self, error))
    {
      sales_workspace_rollback (self);
      return 0;
    }

  sales_workspace_emit_changed (self, table);
  return id;
}

static gboolean
read_field (sqlite3      *db,
            const char   *table,
            gint64        id,
            const char   *column,
            GVariant    **out_value,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?",
                                          column, table);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = prepare (db, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      GVariant *v = _sales_column_variant (stmt, 0);

      *out_value = v != NULL ? g_variant_ref_sink (v) : NULL;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                 _("There is no row %" PRId64 " in %s"), id, table);
  else
    sales_sqlite_set_error (error, db, NULL, rc);

  return FALSE;
}

static gboolean
write_field (sqlite3     *db,
             const char  *table,
             gint64       id,
             const char  *column,
             GVariant    *value,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ?",
                                          table, column);
  sqlite3_stmt *stmt;

  if ((stmt = prepare (db, sql, error)) == NULL)
    return FALSE;

  _sales_bind_variant (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  return step_done (db, stmt, error);
}

/**
 * sales_workspace_update_field:
 * @self: a workspace
 * @table: a record table
 * @id: the row's id
 * @column: the field to change
 * @value: (nullable): the new value, %NULL for empty
 * @error: return location for a #GError
 *
 * Validates and writes one value, journaled for undo. A value that does not
 * validate leaves the row as it was and sets %SALES_ERROR_INVALID.
 *
 * Returns: %TRUE on success
 */
gboolean
sales_workspace_update_field (SalesWorkspace  *self,
                              const char      *table,
                              gint64           id,
                              const char      *column,
                              GVariant        *value,
                              GError         **error)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) old_value = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  if (value != NULL)
    owned = g_variant_ref_sink (value);

  if (!check_open (self, error) ||
      !sales_workspace_validate_value (table, column, value, error))
    return FALSE;

  db = sales_workspace_get_db (self);
  if (!sales_workspace_begin (self, error))
    return FALSE;

  if (!read_field (db, table, id, column, &old_value, error) ||
      !write_field (db, table, id, column, value, error) ||
      !_sales_journal_forget_redo (db, error) ||
      !_sales_journal_add (db, _sales_journal_next_group (db), table, id,
                           "update", column, old_value, value, NULL, error) ||
      !sales_workspace_commit (self, error))
    {
      sales_workspace_rollback (self);
      return FALSE;
    }

  sales_workspace_emit_changed (self, table);
  return TRUE;
}

static gboolean
fill_id_table (sqlite3       *db,
               const gint64  *ids,
               guint          n_ids,
               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (sqlite3_exec (db, "CREATE TEMP TABLE IF NOT EXISTS sales_doomed"
                        " (id INTEGER PRIMARY KEY);"
                        "DELETE FROM temp.sales_doomed", NULL, NULL,
                    NULL) != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, sqlite3_errcode (db));

  stmt = prepare (db, "INSERT OR IGNORE INTO temp.sales_doomed (id)"
                      " VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids && rc == SQLITE_DONE; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

static gint64
count_doomed (sqlite3  *db,
              GError  **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT count(*) FROM temp.sales_doomed",
                                error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    sales_sqlite_set_error (error, db, NULL, sqlite3_errcode (db));
  sqlite3_finalize (stmt);

  return n;
}

/* Journals and deletes the rows listed in temp.sales_doomed with two
 * statements, whatever their number: each row's snapshot is the same
 * json_object() _sales_row_to_json() builds.
 */
static gboolean
journal_and_delete (sqlite3       *db,
                    const char    *table,
                    gint64         group,
                    const gint64  *ids,
                    guint          n_ids,
                    GError       **error)
{
  const SalesTableInfo *info = lookup_table (table, error);
  g_autoptr(GString) sql = g_string_new (NULL);
  gint64 n_doomed;

  if (info == NULL || !fill_id_table (db, ids, n_ids, error) ||
      (n_doomed = count_doomed (db, error)) < 0)
    return FALSE;

  g_string_append_printf (sql, "INSERT INTO edits (group_id, table_name,"
                               " row_id, action, row_json, made_at)"
                               " SELECT %" PRId64 ", '%s', id, 'delete', ",
                          group, table);
  append_snapshot (sql, info);
  g_string_append_printf (sql, ", datetime('now', 'localtime') FROM %s"
                               " WHERE id IN temp.sales_doomed ORDER BY id;"
                               "DELETE FROM %s WHERE id IN temp.sales_doomed;",
                          table, table);

  if (sqlite3_exec (db, sql->str, NULL, NULL, NULL) != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, sqlite3_errcode (db));

  /* Every id must have been a row, as when they were deleted one by one. */
  if (sqlite3_changes (db) != n_doomed)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("Some of the rows to delete are no longer in %s"), table);
      return FALSE;
    }

  return sqlite3_exec (db, "DELETE FROM temp.sales_doomed", NULL, NULL,
                       NULL) == SQLITE_OK ||
         sales_sqlite_set_error (error, db, NULL, sqlite3_errcode (db));
}

/**
 * sales_workspace_delete_rows:
 * @self: a workspace
 * @table: a record table
 * @ids: (array length=n_ids): the rows to delete
 * @n_ids: how many
 * @error: return location for a #GError
 *
 * Deletes rows in one transaction and one undo step: a single undo brings
 * them all back with their ids.
 *
 * Returns: %TRUE on success; on error no row is deleted
 */
gboolean
sales_workspace_delete_rows (SalesWorkspace  *self,
                             const char      *table,
                             const gint64    *ids,
                             guint            n_ids,
                             GError         **error)
{
  sqlite3 *db;
  gint64 group;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!check_open (self, error) || lookup_table (table, error) == NULL)
    return FALSE;
  if (n_ids == 0)
    return TRUE;

  db = sales_workspace_get_db (self);
  if (!sales_workspace_begin (self, error))
    return FALSE;

  group = _sales_journal_next_group (db);
  if (!_sales_journal_forget_redo (db, error) ||
      !journal_and_delete (db, table, group, ids, n_ids, error))
    goto failed;

  if (!sales_workspace_commit (self, error))
    goto failed;

  sales_workspace_emit_changed (self, table);
  return TRUE;

failed:
  sales_workspace_rollback (self);
  return FALSE;
}

/**
 * sales_workspace_get_row:
 * @self: a workspace
 * @table: a record table
 * @id: the row's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): an "a{sv}" of the row's non-empty
 *   values, with "id", "import_id" and "extra"; %NULL when there is no
 *   such row (%SALES_ERROR_NOT_FOUND)
 */
GVariant *
sales_workspace_get_row (SalesWorkspace  *self,
                         const char      *table,
                         gint64           id,
                         GError         **error)
{
  g_autofree char *sql = NULL;
  GVariantBuilder builder;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (!check_open (self, error) || lookup_table (table, error) == NULL)
    return NULL;

  sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);
  if ((stmt = prepare (sales_workspace_get_db (self), sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("There is no row %" PRId64 " in %s"), id, table);
      return NULL;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      GVariant *value = _sales_column_variant (stmt, i);

      if (value != NULL)
        g_variant_builder_add (&builder, "{sv}",
                               sqlite3_column_name (stmt, i), value);
    }
  sqlite3_finalize (stmt);

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * sales_workspace_count_rows:
 * @self: a workspace
 * @table: a record table
 * @error: return location for a #GError
 *
 * Returns: the number of rows, or -1 on error
 */
gint64
sales_workspace_count_rows (SalesWorkspace  *self,
                            const char      *table,
                            GError         **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  if (!check_open (self, error) || lookup_table (table, error) == NULL)
    return -1;

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  if ((stmt = prepare (sales_workspace_get_db (self), sql, error)) == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    sales_sqlite_set_error (error, sales_workspace_get_db (self), NULL,
                            sqlite3_errcode (sales_workspace_get_db (self)));
  sqlite3_finalize (stmt);

  return count;
}

/**
 * _sales_rows_restore_group:
 *
 * Puts back, in one statement, every row a deletion group of the journal
 * took out (undoing a deletion of many rows).
 */
gboolean
_sales_rows_restore_group (sqlite3     *db,
                           const char  *table,
                           gint64       group,
                           GError     **error)
{
  const SalesTableInfo *info = lookup_table (table, error);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (info == NULL)
    return FALSE;

  append_restore (sql, info, "row_json");
  g_string_append (sql, " FROM edits WHERE group_id = ? ORDER BY id");
  if ((stmt = prepare (db, sql->str, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, group);
  return step_done (db, stmt, error);
}

static gint64
group_size (sqlite3 *db,
            gint64   group)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT count(*) FROM edits"
                                    " WHERE group_id = ?", NULL);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, group);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/**
 * _sales_rows_take_out_group:
 *
 * Deletes again, in two statements, every row of a deletion group of the
 * journal, refreshing their snapshots first (redoing a deletion).
 */
gboolean
_sales_rows_take_out_group (sqlite3     *db,
                            const char  *table,
                            gint64       group,
                            GError     **error)
{
  const SalesTableInfo *info = lookup_table (table, error);
  g_autoptr(GString) sql = g_string_new ("UPDATE edits SET row_json = (SELECT ");

  if (info == NULL)
    return FALSE;

  append_snapshot (sql, info);
  g_string_append_printf (sql, " FROM %s WHERE %s.id = edits.row_id)"
                               " WHERE group_id = %" PRId64 ";"
                               "DELETE FROM %s WHERE id IN (SELECT row_id"
                               " FROM edits WHERE group_id = %" PRId64 ")",
                          table, table, group, table, group);

  if (sqlite3_exec (db, sql->str, NULL, NULL, NULL) != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, sqlite3_errcode (db));

  /* A row gone meanwhile (another process) fails the redo, as it would
   * row by row: its snapshot would be empty.
   */
  if (sqlite3_changes (db) != group_size (db, group))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("Some of the rows to delete are no longer in %s"), table);
      return FALSE;
    }

  return TRUE;
}
