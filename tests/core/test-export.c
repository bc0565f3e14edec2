/* test-export.c: tables written as CSV and JSON read back unchanged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "sales-error.h"
#include "sales-table-export.h"
#include "sales-workspace.h"
#include "salesops-test.h"

static SalesWorkspace *
make_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  SalesWorkspace *workspace = sales_workspace_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (sales_workspace_exec (workspace,
    "INSERT INTO purchases (external_id, customer_ref, purchased_at, amount,"
    " extra) VALUES"
    " ('P1', 'C1', '2025-01-02', 123456, NULL),"
    " ('P2', 'C \"Big\", Inc', '2025-01-03 10:00:00', -5, '{\"note\":1}'),"
    " ('P3', 'two\r\nlines', NULL, 0, NULL),"
    " ('P4', NULL, '2025-02-01', 7, NULL)", &error));
  g_assert_no_error (error);

  return workspace;
}

/* A small RFC 4180 reader, enough to check the writer independently. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else
        g_string_append_c (field, *p);
    }

  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);

  return rows;
}

#define CELL(rows, r, c) \
  ((const char *)g_ptr_array_index ((GPtrArray *)g_ptr_array_index (rows, r), c))

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "e.salesops", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(SalesWorkspace) workspace = make_workspace (path);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (sales_table_export_to_file (workspace, "purchases", NULL,
                                             csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));

  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (CELL (rows, 0, 0), ==, "external_id");
  g_assert_cmpstr (CELL (rows, 0, 3), ==, "amount");
  g_assert_cmpstr (CELL (rows, 0, 4), ==, "extra");
  g_assert_cmpstr (CELL (rows, 1, 3), ==, "1234.56");
  g_assert_cmpstr (CELL (rows, 2, 1), ==, "C \"Big\", Inc");
  g_assert_cmpstr (CELL (rows, 2, 3), ==, "-0.05");
  g_assert_cmpstr (CELL (rows, 2, 4), ==, "{\"note\":1}");
  g_assert_cmpstr (CELL (rows, 3, 1), ==, "two\r\nlines");
  g_assert_cmpstr (CELL (rows, 3, 2), ==, "");
  g_assert_cmpstr (CELL (rows, 3, 3), ==, "0.00");

  /* A condition from the program selects rows. */
  g_assert_true (sales_table_export_to_file (workspace, "purchases",
                                             "amount > 100", csv, NULL,
                                             &error));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 2);

  sales_test_remove_tree (dir);
}

/* A cancelled export leaves no file, and an existing one as it was. */
static void
test_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "e.salesops", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(SalesWorkspace) workspace = make_workspace (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *text = NULL;
  sqlite3 *db = sales_workspace_open_connection (workspace, TRUE, &error);
  gsize written = 0;

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (sales_table_export_db_to_file (db, "purchases", NULL, csv,
                                                 &written, cancellable,
                                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  /* Uncancelled, on the worker's connection, it counts what it wrote. */
  g_clear_error (&error);
  g_assert_true (sales_table_export_db_to_file (db, "purchases", NULL, csv,
                                                &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 4);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "external_id,"));

  sqlite3_close (db);
  sales_test_remove_tree (dir);
}

static void
test_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "e.salesops", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autoptr(SalesWorkspace) workspace = make_workspace (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *second;

  g_assert_true (sales_table_export_to_file (workspace, "purchases", NULL,
                                             json, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);

  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  second = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "customer_ref"), ==,
                   "C \"Big\", Inc");
  g_assert_cmpfloat (json_object_get_double_member (second, "amount"), ==,
                     -0.05);
  g_assert_true (json_object_get_null_member (
                   json_array_get_object_element (array, 3),
                   "customer_ref"));

  /* An empty table is an empty array. */
  g_assert_true (sales_table_export_to_file (workspace, "leads", NULL, json,
                                             NULL, &error));
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 0);

  sales_test_remove_tree (dir);
}

static void
test_money_text (void)
{
  const struct { gint64 cents; const char *text; } cases[] = {
    { 0, "0.00" }, { 5, "0.05" }, { -5, "-0.05" }, { 123456, "1234.56" },
    { -100, "-1.00" }, { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sales_money_to_text (cases[i].cents);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/cancelled", test_cancelled);
  g_test_add_func ("/export/json", test_json);
  g_test_add_func ("/export/money-text", test_money_text);

  return g_test_run ();
}
