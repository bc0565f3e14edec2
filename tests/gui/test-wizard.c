/* test-wizard.c: a CSV goes through every page of the import wizard to a
 * finished import whose counts match `salesops-cli import --json`, and
 * cancelling an import half way leaves the workspace unchanged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "sales-gui-test.h"
#include "sales-import-wizard-private.h"
#include "salesops-test.h"

typedef struct
{
  char           *dir;
  char           *csv;
  SalesWorkspace *workspace;
} Fixture;

/* Forty deals, three of them unreadable, one listed twice. */
static void
write_deals (const char *path)
{
  g_autoptr(GString) csv = g_string_new ("Opportunity ID,Opportunity Name,"
                                         "Stage,Amount,Close Date,"
                                         "Opportunity Owner,Region\n");

  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (csv, "OPP-%u,Deal %u,%s,\"%u,250.00\","
                                 "2024-03-%02u,Owner %u,North\n",
                            i, i, i % 2 ? "Closed Won" : "Closed Lost",
                            i, 1 + i % 28, i % 4);
  g_string_append (csv, "OPP-7,Deal 7 again,Closed Won,\"7,250.00\","
                        "2024-03-08,Owner 3,North\n");
  g_string_append (csv, "OPP-90,Bad date,Closed Won,100.00,2024-13-45,"
                        "Owner 1,North\n");
  g_string_append (csv, "OPP-91,Bad amount,Closed Won,lots,2024-03-01,"
                        "Owner 1,North\n");
  g_string_append (csv, "OPP-92,Bad date too,Closed Lost,5.00,someday,"
                        "Owner 2,North\n");
  sales_test_write_file (path, csv->str, -1);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sales_test_make_tmpdir ();
  f->csv = g_build_filename (f->dir, "deals.csv", NULL);
  f->workspace = sales_gui_test_create_workspace (f->dir, "w.salesops");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_free (f->csv);
  g_free (f->dir);
}

static gboolean
is_idle (gpointer wizard)
{
  return !sales_import_wizard_is_busy (wizard);
}

static void
wait_idle (SalesImportWizard *wizard)
{
  g_assert_true (sales_gui_test_wait_for (is_idle, wizard, 60000));
  sales_gui_test_spin ();
}

static void
next_page (SalesImportWizard *wizard,
           const char        *expected)
{
  sales_import_wizard_go_next (wizard);
  wait_idle (wizard);
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, expected);
}

static SalesImportWizard *
open_wizard (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->csv);
  SalesImportWizard *wizard = sales_import_wizard_new (NULL, f->workspace,
                                                       file);

  gtk_window_present (GTK_WINDOW (wizard));
  wait_idle (wizard);
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, "file");
  return wizard;
}

static JsonObject *
cli_import (Fixture *f)
{
  g_autofree char *fresh = g_build_filename (f->dir, "cli.salesops", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *create[] = { "new", fresh, NULL };
  const char *import[] = { "import", fresh, f->csv, "--json", NULL };

  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (import, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_counts_match (const SalesImportCounts *counts,
                     JsonObject              *cli)
{
  g_assert_cmpint (counts->rows_read, ==,
                   json_object_get_int_member (cli, "rows_read"));
  g_assert_cmpint (counts->inserted, ==,
                   json_object_get_int_member (cli, "inserted"));
  g_assert_cmpint (counts->updated, ==,
                   json_object_get_int_member (cli, "updated"));
  g_assert_cmpint (counts->unchanged, ==,
                   json_object_get_int_member (cli, "unchanged"));
  g_assert_cmpint (counts->rejected, ==,
                   json_object_get_int_member (cli, "rejected"));
}

static void
assert_note_says (SalesImportWizard *wizard,
                  const char        *part)
{
  const char *note = gtk_label_get_text (wizard->mapping_note);

  if (strstr (note, part) == NULL)
    g_error ("the mapping note “%s” does not say “%s”", note, part);
}

static void
test_every_page_to_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) cli = NULL;
  SalesImportWizard *wizard;
  const SalesImportCounts *counts;
  AdwComboRow *id_row;
  guint id_field;

  write_deals (f->csv);
  wizard = open_wizard (f);
  sales_gui_test_snapshot (GTK_WIDGET (wizard), "wizard-file");

  next_page (wizard, "format");
  g_assert_cmpuint (g_list_model_get_n_items (
    gtk_column_view_get_columns (wizard->preview_view)), ==, 7);
  sales_gui_test_snapshot (GTK_WIDGET (wizard), "wizard-format");

  next_page (wizard, "mapping");
  g_assert_cmpstr (adw_combo_row_get_selected_item (wizard->table_row) != NULL
                   ? gtk_string_object_get_string (
                       adw_combo_row_get_selected_item (wizard->table_row))
                   : NULL, ==, "Opportunities");
  assert_note_says (wizard, "by their ID");
  sales_gui_test_snapshot (GTK_WIDGET (wizard), "wizard-mapping");

  /* Without an id column, rows are known by their content. */
  id_row = g_ptr_array_index (wizard->column_rows, 0);
  id_field = adw_combo_row_get_selected (id_row);
  adw_combo_row_set_selected (id_row, 0);
  assert_note_says (wizard, "No column holds an ID");
  adw_combo_row_set_selected (id_row, id_field);
  assert_note_says (wizard, "by their ID");

  /* The review is a dry run: nothing is written yet. */
  next_page (wizard, "review");
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, 0);
  counts = sales_importer_get_counts (sales_import_wizard_get_result (wizard));
  g_assert_cmpuint (counts->rejected, >, 0);
  sales_gui_test_snapshot (GTK_WIDGET (wizard), "wizard-review");

  next_page (wizard, "summary");
  sales_gui_test_snapshot (GTK_WIDGET (wizard), "wizard-summary");
  counts = sales_importer_get_counts (sales_import_wizard_get_result (wizard));
  cli = cli_import (f);
  assert_counts_match (counts, cli);
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==,
                   counts->inserted);
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM import_rejects"), ==,
                   counts->rejected);

  sales_gui_test_close (GTK_WINDOW (wizard));
}

static void
write_many_deals (const char *path,
                  guint       n_rows)
{
  g_autoptr(GString) csv = g_string_new ("Opportunity ID,Opportunity Name,"
                                         "Stage,Amount,Close Date\n");

  for (guint i = 1; i <= n_rows; i++)
    g_string_append_printf (csv, "OPP-%u,Deal %u,Closed Won,%u.50,"
                                 "2024-%02u-%02u\n",
                            i, i, i % 9000, 1 + i % 12, 1 + i % 28);
  sales_test_write_file (path, csv->str, -1);
}

static gboolean
import_under_way (gpointer data)
{
  SalesImportWizard *wizard = data;

  return gtk_progress_bar_get_fraction (wizard->progress_bar) > 0.05 ||
         !sales_import_wizard_is_busy (wizard);
}

static void
test_cancel_rolls_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  SalesImportWizard *wizard;

  write_many_deals (f->csv, 300000);
  wizard = open_wizard (f);
  next_page (wizard, "format");
  next_page (wizard, "mapping");
  next_page (wizard, "review");

  sales_import_wizard_go_next (wizard);
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, "progress");
  g_assert_true (sales_gui_test_wait_for (import_under_way, wizard, 60000));
  g_assert_true (sales_import_wizard_is_busy (wizard));
  sales_import_wizard_cancel_import (wizard);
  wait_idle (wizard);

  /* Back on the review page, with nothing written. */
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, "review");
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, 0);
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM imports"), ==, 0);

  /* Importing again starts afresh, and this time runs to its end. */
  sales_import_wizard_go_next (wizard);
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, "progress");
  g_assert_cmpstr (adw_status_page_get_title (wizard->progress_page), ==,
                   "Importing…");
  wait_idle (wizard);
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, "summary");
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, 300000);

  sales_gui_test_close (GTK_WINDOW (wizard));
}

/* A European export: semicolons, Windows-1252, decimal commas, day-first
 * dates all ambiguous, and a comma in one header, so that detection
 * takes the comma for the delimiter and the dates for month first.
 */
static void
write_european_deals (const char *path)
{
  g_autoptr(GString) csv = g_string_new ("Opportunity ID;Opportunity Name;"
                                         "Amount, EUR;Close Date;Stage\r\n");

  for (guint i = 1; i <= 12; i++)
    g_string_append_printf (csv, "OPP-%u;Caf\351 Z\374rich %u;1250,%02u;"
                                 "%02u/%02u/2024;Closed Won\r\n",
                            i, i, i, i, i % 12 + 1);
  sales_test_write_file (path, csv->str, -1);
}

static guint
n_preview_columns (SalesImportWizard *wizard)
{
  return g_list_model_get_n_items (
    gtk_column_view_get_columns (wizard->preview_view));
}

/* Picks @choice in a drop-down and waits for the file to be read again. */
static void
choose (SalesImportWizard *wizard,
        GtkWidget         *combo,
        guint              choice)
{
  g_assert_nonnull (combo);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), choice);
  wait_idle (wizard);
}

static GtkWidget *
date_order_row (SalesImportWizard *wizard,
                const char        *column)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (wizard->columns_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_COMBO_ROW (row) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     column))
      return row;

  return NULL;
}

static char *
stored (Fixture    *f,
        const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM opportunities"
                                          " WHERE external_id = 'OPP-1'",
                                          column);

  return sales_gui_test_query_text (f->workspace, sql);
}

static void
test_corrected_format (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *closed = NULL;
  SalesImportWizard *wizard;
  GtkStringList *first_row;

  write_european_deals (f->csv);
  wizard = open_wizard (f);
  next_page (wizard, "format");
  g_assert_cmpuint (n_preview_columns (wizard), ==, 2);

  /* Encoding: Windows-1252 (the fourth after Automatic); delimiter:
   * semicolon (the second); header: row 1 (after Automatic and None).
   */
  choose (wizard, wizard->encoding_row, 4);
  choose (wizard, wizard->delimiter_row, 2);
  g_assert_cmpuint (n_preview_columns (wizard), ==, 5);
  choose (wizard, wizard->header_row, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (wizard->header_row)),
                    ==, 2);
  first_row = g_list_model_get_item (G_LIST_MODEL (
    gtk_column_view_get_model (wizard->preview_view)), 0);
  g_assert_cmpstr (gtk_string_list_get_string (first_row, 1), ==,
                   "Caf\303\251 Z\303\274rich 1");
  g_object_unref (first_row);

  /* The dates are all ambiguous: the user says day first. */
  choose (wizard, date_order_row (wizard, "Close Date"), 1);
  g_assert_cmpuint (adw_combo_row_get_selected (
    ADW_COMBO_ROW (date_order_row (wizard, "Close Date"))), ==, 1);

  next_page (wizard, "mapping");
  next_page (wizard, "review");
  g_assert_cmpuint (sales_importer_get_counts (
    sales_import_wizard_get_result (wizard))->rejected, ==, 0);
  next_page (wizard, "summary");

  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, 12);
  name = stored (f, "name");
  amount = stored (f, "amount");
  closed = stored (f, "closed_at");
  g_assert_cmpstr (name, ==, "Caf\303\251 Z\303\274rich 1");
  g_assert_cmpstr (amount, ==, "125001");
  g_assert_cmpstr (closed, ==, "2024-02-01");

  sales_gui_test_close (GTK_WINDOW (wizard));
}

int
main (int    argc,
      char **argv)
{
  sales_gui_test_init (&argc, &argv);

  g_test_add ("/wizard/every-page-to-import", Fixture, NULL, fixture_set_up,
              test_every_page_to_import, fixture_tear_down);
  g_test_add ("/wizard/corrected-format", Fixture, NULL, fixture_set_up,
              test_corrected_format, fixture_tear_down);
  g_test_add ("/wizard/cancel-rolls-back", Fixture, NULL, fixture_set_up,
              test_cancel_rolls_back, fixture_tear_down);

  return g_test_run ();
}
