/* sales-table-export.c: write a record table as CSV or JSON
 *
 * CSV follows RFC 4180 (a header row, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break), so the file imports back
 * unchanged here and opens in any spreadsheet. Money is written in major
 * units with two decimals, exactly, from the stored minor units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-export"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sales-error.h"
#include "sales-schema.h"
#include "sales-table-export.h"

/**
 * sales_money_to_text:
 * @minor_units: an amount in cents
 *
 * Returns: (transfer full): the amount in major units, "-1234.05" style,
 *   computed with integers so that no rounding can creep in
 */
char *
sales_money_to_text (gint64 minor_units)
{
  guint64 magnitude = minor_units < 0 ? -(guint64)minor_units
                                      : (guint64)minor_units;

  return g_strdup_printf ("%s%" PRIu64 ".%02u",
                          minor_units < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}

/**
 * sales_export_format_from_path:
 * @path: an output file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE when the extension is .csv or .json (any case)
 */
gboolean
sales_export_format_from_path (const char        *path,
                               SalesExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = SALES_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".json"))
    *format = SALES_EXPORT_JSON;
  else
    return FALSE;

  return TRUE;
}

static void
append_csv_field (GString    *line,
                  const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* The text of one cell as CSV shows it: money in major units. */
static char *
cell_text (sqlite3_stmt     *stmt,
           int               column,
           const SalesField *field)
{
  int type = sqlite3_column_type (stmt, column);

  if (type == SQLITE_NULL)
    return NULL;

  if (field != NULL && field->type == SALES_FIELD_MONEY &&
      type == SQLITE_INTEGER)
    return sales_money_to_text (sqlite3_column_int64 (stmt, column));

  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static JsonNode *
cell_json (sqlite3_stmt     *stmt,
           int               column,
           const SalesField *field)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      json_node_init_null (node);
      break;

    case SQLITE_INTEGER:
      if (field != NULL && field->type == SALES_FIELD_MONEY)
        json_node_set_double (node,
                              sqlite3_column_int64 (stmt, column) / 100.0);
      else
        json_node_set_int (node, sqlite3_column_int64 (stmt, column));
      break;

    case SQLITE_FLOAT:
      json_node_set_double (node, sqlite3_column_double (stmt, column));
      break;

    default:
      json_node_set_string (node,
                            (const char *)sqlite3_column_text (stmt, column));
      break;
    }

  return node;
}

static gboolean
write_text (GOutputStream  *out,
            GString        *text,
            GCancellable   *cancellable,
            GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, text->str, text->len, NULL,
                                           cancellable, error);

  g_string_truncate (text, 0);
  return ok;
}

static char *
select_sql (const SalesTableInfo *info,
            const char           *where)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", info->fields[i].name);
  g_string_append_printf (sql, ", extra FROM %s", info->name);
  if (where != NULL && *where != '\0')
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY id");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
write_csv_row (sqlite3_stmt         *stmt,
               const SalesTableInfo *info,
               GString              *buffer)
{
  for (guint i = 0; i <= info->n_fields; i++)
    {
      g_autofree char *text =
        cell_text (stmt, i, i < info->n_fields ? &info->fields[i] : NULL);

      if (i > 0)
        g_string_append_c (buffer, ',');
      append_csv_field (buffer, text);
    }
  g_string_append (buffer, "\r\n");

  return TRUE;
}

static void
write_json_row (sqlite3_stmt         *stmt,
                const SalesTableInfo *info,
                GString              *buffer,
                gboolean              first)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  for (guint i = 0; i <= info->n_fields; i++)
    {
      const SalesField *field = i < info->n_fields ? &info->fields[i] : NULL;

      json_object_set_member (object, field ? field->name : "extra",
                              cell_json (stmt, i, field));
    }

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  g_string_append_printf (buffer, "%s\n  %s", first ? "" : ",", text);
}

/* Writes from @db, any connection to a workspace; counts the rows
 * written in @rows_written (atomically, for a thread that watches).
 */
static gboolean
export_from_db (sqlite3            *db,
                const char         *table,
                const char         *where,
                SalesExportFormat   format,
                GOutputStream      *out,
                gsize              *rows_written,
                GCancellable       *cancellable,
                GError            **error)
{
  const SalesTableInfo *info;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;
  int rc;

  if ((info = sales_schema_lookup_table (table)) == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("“%s” is not a table; use one of leads, opportunities, "
                     "customers, purchases, expenses, forecasts"), table);
      return FALSE;
    }

  sql = select_sql (info, where);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, rc);

  if (format == SALES_EXPORT_CSV)
    {
      for (guint i = 0; i < info->n_fields; i++)
        g_string_append_printf (buffer, "%s,", info->fields[i].name);
      g_string_append (buffer, "extra\r\n");
    }
  else
    g_string_append_c (buffer, '[');

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (format == SALES_EXPORT_CSV)
        write_csv_row (stmt, info, buffer);
      else
        write_json_row (stmt, info, buffer, first);
      first = FALSE;
      if (rows_written != NULL)
        g_atomic_pointer_add (rows_written, 1);

      if (buffer->len > 65536 &&
          !write_text (out, buffer, cancellable, error))
        goto failed;
    }

  if (rc != SQLITE_DONE)
    {
      sales_sqlite_set_error (error, db, NULL, rc);
      goto failed;
    }

  if (format == SALES_EXPORT_JSON)
    g_string_append (buffer, first ? "]\n" : "\n]\n");

  sqlite3_finalize (stmt);
  return write_text (out, buffer, cancellable, error);

failed:
  sqlite3_finalize (stmt);
  return FALSE;
}

/**
 * sales_table_export_to_stream:
 * @workspace: a workspace
 * @table: a record table
 * @where: (nullable): an SQL condition on the table's columns, from the
 *   program (never from user text), selecting the rows to write
 * @format: CSV or JSON
 * @out: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the table's fields (and the "extra" column of source columns an
 * import kept) in id order, a row at a time, so memory stays flat.
 *
 * Returns: %TRUE on success
 */
gboolean
sales_table_export_to_stream (SalesWorkspace     *workspace,
                              const char         *table,
                              const char         *where,
                              SalesExportFormat   format,
                              GOutputStream      *out,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return export_from_db (sales_workspace_get_db (workspace), table, where,
                         format, out, NULL, cancellable, error);
}

/**
 * sales_table_export_to_file:
 * @workspace: a workspace
 * @table: a record table
 * @where: (nullable): as for sales_table_export_to_stream()
 * @path: a .csv or .json file, replaced atomically
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure @path is left as it was
 */
gboolean
sales_table_export_to_file (SalesWorkspace  *workspace,
                            const char      *table,
                            const char      *where,
                            const char      *path,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), FALSE);

  return sales_table_export_db_to_file (sales_workspace_get_db (workspace),
                                        table, where, path, NULL, cancellable,
                                        error);
}

/**
 * sales_table_export_db_to_file:
 * @db: a connection to a workspace, for example a worker thread's from
 *   sales_workspace_open_connection()
 * @table: a record table
 * @where: (nullable): as for sales_table_export_to_stream()
 * @path: a .csv or .json file, replaced atomically
 * @rows_written: (nullable): counts the rows written, updated atomically
 *   so that another thread can show progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure or cancel @path is left as it was
 */
gboolean
sales_table_export_db_to_file (sqlite3         *db,
                               const char      *table,
                               const char      *where,
                               const char      *path,
                               gsize           *rows_written,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  SalesExportFormat format;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sales_export_format_from_path (path, &format))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s”: the file name must end in .csv or .json"), path);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  if (out == NULL)
    return FALSE;

  if (!export_from_db (db, table, where, format, G_OUTPUT_STREAM (out),
                       rows_written, cancellable, error))
    {
      /* Closing after a cancel discards the temporary file. */
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}
