/* sales-imports-page-export.c: the rejected rows of an import, as a CSV
 *
 * The file has the import's source columns, with the raw cells of each
 * rejected row as read, and a last "Reason" column. Fixed in a
 * spreadsheet and saved, it imports again with the same mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-imports-page"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sales-error.h"
#include "sales-imports-page-export.h"

/* Appends one RFC 4180 field; @first is set for the first of a line. */
static void
append_field (GString    *line,
              const char *text,
              gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');

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

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

/* The header line, from the mapping the import stored. */
static guint
append_header (GString    *csv,
               const char *mapping_json)
{
  g_autoptr(JsonNode) root = parse_json (mapping_json);
  JsonArray *columns = NULL;
  guint n = 0;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "columns"))
    columns = json_object_get_array_member (json_node_get_object (root),
                                            "columns");

  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    {
      JsonObject *column = json_array_get_object_element (columns, i);

      append_field (csv, json_object_get_string_member_with_default (column,
                                                                     "header",
                                                                     ""),
                    n == 0);
      n++;
    }
  /* Translators: the column of the rejected rows file saying why. */
  append_field (csv, _("Reason"), n == 0);
  g_string_append (csv, "\r\n");

  return n;
}

static void
append_reject (GString    *csv,
               const char *cells_json,
               guint       n_columns,
               const char *reason)
{
  g_autoptr(JsonNode) cells = parse_json (cells_json);
  JsonArray *array = cells != NULL && JSON_NODE_HOLDS_ARRAY (cells)
    ? json_node_get_array (cells) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 0;

  /* A row with fewer cells is padded so the reason stays in its column. */
  for (guint i = 0; i < MAX (n, n_columns); i++)
    {
      const char *text = i < n ? json_array_get_string_element (array, i) : "";

      append_field (csv, text != NULL ? text : "", i == 0);
    }
  append_field (csv, reason != NULL ? reason : "", MAX (n, n_columns) == 0);
  g_string_append (csv, "\r\n");
}

static char *
read_mapping (sqlite3 *db,
              gint64   import_id)
{
  sqlite3_stmt *stmt = NULL;
  char *mapping = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT mapping FROM imports WHERE id = ?", -1,
                          &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, import_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        mapping = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return mapping;
}

/**
 * sales_import_rejects_export:
 * @workspace: a workspace
 * @import_id: one of its imports
 * @path: the CSV file to write
 * @error: return location for a #GError
 *
 * Writes the rejected rows of @import_id (the raw cells and the reason),
 * in line order, as a CSV with the import's header.
 *
 * Returns: %TRUE on success; %SALES_ERROR_NOT_FOUND for an unknown
 *   import, %SALES_ERROR_IO when @path cannot be written
 */
gboolean
sales_import_rejects_export (SalesWorkspace  *workspace,
                             gint64           import_id,
                             const char      *path,
                             GError         **error)
{
  sqlite3 *db;
  g_autofree char *mapping = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_columns;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = sales_workspace_get_db (workspace);
  if (db == NULL || (mapping = read_mapping (db, import_id)) == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("There is no import %" PRId64), import_id);
      return FALSE;
    }

  n_columns = append_header (csv, mapping);
  if (sqlite3_prepare_v2 (db, "SELECT cells, reason FROM import_rejects"
                              " WHERE import_id = ? ORDER BY line, id", -1,
                          &stmt, NULL) != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, sqlite3_errcode (db));

  sqlite3_bind_int64 (stmt, 1, import_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    append_reject (csv, (const char *)sqlite3_column_text (stmt, 0), n_columns,
                   (const char *)sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  if (!g_file_set_contents (path, csv->str, (gssize)csv->len, &local))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_IO,
                   _("Could not write “%s”: %s"), path, local->message);
      return FALSE;
    }

  return TRUE;
}
