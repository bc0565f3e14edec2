/* test-imports-page.c: the Imports page lists an import, saves its
 * rejected rows as a CSV to fix, and reverts it only once confirmed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-error.h"
#include "sales-gui-test.h"
#include "sales-importer.h"
#include "sales-imports-page-export.h"
#include "sales-imports-page-private.h"
#include "salesops-test.h"

typedef struct
{
  char             *dir;
  SalesWorkspace   *workspace;
  gint64            import_id;
  SalesImportsPage *page;
  GtkWindow        *window;
} Fixture;

static void
import_deals (Fixture *f)
{
  g_autofree char *csv = g_build_filename (f->dir, "deals.csv", NULL);
  g_autoptr(SalesImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  sales_test_write_file (csv,
                         "Opportunity ID,Opportunity Name,Amount,Close Date\n"
                         "OPP-1,First,\"1,000.00\",2024-01-05\n"
                         "OPP-2,\"Second, with comma\",250.00,not a date\n"
                         "OPP-3,Third,300.00,2024-01-07\n"
                         "OPP-4,Fourth,lots,2024-01-08\n", -1);
  importer = sales_importer_new (f->workspace, csv);
  g_assert_true (sales_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  f->import_id = sales_importer_get_import_id (importer);
  g_assert_cmpint (sales_importer_get_counts (importer)->rejected, ==, 2);
  sales_workspace_emit_changed (f->workspace, "opportunities");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sales_test_make_tmpdir ();
  f->workspace = sales_gui_test_create_workspace (f->dir, "i.salesops");

  f->page = SALES_IMPORTS_PAGE (sales_imports_page_new (f->workspace));
  f->window = sales_gui_test_show (GTK_WIDGET (f->page), 800, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sales_gui_test_close (f->window);
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_lists_imports (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpuint (sales_imports_page_get_n_imports (f->page), ==, 0);

  /* The page follows the workspace. */
  import_deals (f);
  g_assert_cmpuint (sales_imports_page_get_n_imports (f->page), ==, 1);
  sales_gui_test_snapshot (GTK_WIDGET (f->window), "imports-page");
}

static void
test_export_rejects (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "rejected.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  import_deals (f);
  g_assert_true (sales_import_rejects_export (f->workspace, f->import_id, out,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));

  /* The header, then each rejected row's raw cells and its reason. */
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==,
                   "Opportunity ID,Opportunity Name,Amount,Close Date,Reason");
  g_assert_true (g_str_has_prefix (lines[1],
                                   "OPP-2,\"Second, with comma\",250.00,"
                                   "not a date,"));
  g_assert_true (g_str_has_prefix (lines[2], "OPP-4,Fourth,lots,2024-01-08,"));
  g_assert_cmpstr (lines[3], ==, "");

  g_assert_false (sales_import_rejects_export (f->workspace, 999, out, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND);
}

static void
test_revert_after_confirming (Fixture       *f,
                              gconstpointer  data)
{
  AdwMessageDialog *dialog;

  import_deals (f);
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, 2);

  /* Cancelling the question leaves everything. */
  dialog = sales_imports_page_revert (f->page, f->import_id);
  adw_message_dialog_response (dialog, "cancel");
  sales_gui_test_spin ();
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, 2);

  dialog = sales_imports_page_revert (f->page, f->import_id);
  adw_message_dialog_response (dialog, "revert");
  sales_gui_test_spin ();
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, 0);
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT reverted_at IS NOT NULL FROM imports"), ==, 1);
  g_assert_cmpuint (sales_imports_page_get_n_imports (f->page), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  sales_gui_test_init (&argc, &argv);

  g_test_add ("/imports-page/lists-imports", Fixture, NULL, fixture_set_up,
              test_lists_imports, fixture_tear_down);
  g_test_add ("/imports-page/export-rejects", Fixture, NULL, fixture_set_up,
              test_export_rejects, fixture_tear_down);
  g_test_add ("/imports-page/revert-after-confirming", Fixture, NULL,
              fixture_set_up, test_revert_after_confirming, fixture_tear_down);

  return g_test_run ();
}
