/* test-table-view.c: a table view reads only the pages it shows, and
 * sorts, searches and filters in SQL with the right rows and counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sales-gui-test.h"
#include "sales-limits.h"
#include "sales-row-model.h"
#include "sales-table-view-private.h"
#include "salesops-test.h"

#define N_ROWS 100000

typedef struct
{
  SalesWorkspace *workspace;
  SalesTableView *view;
  GtkWindow      *window;
} Fixture;

/* The tests only read, so they share one workspace, made once. */
static SalesWorkspace *shared_workspace;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->workspace = shared_workspace;
  f->view = SALES_TABLE_VIEW (sales_table_view_new (f->workspace,
                                                    "opportunities"));
  f->window = sales_gui_test_show (GTK_WIDGET (f->view), 900, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sales_gui_test_close (f->window);
}

static const char *
wait_for_cell (SalesTableView *view,
               guint           position,
               const char     *column)
{
  return sales_cell_get_text (sales_gui_test_wait_for_cell (view, position,
                                                            column));
}

static char *
first_value (SalesTableView *view,
             const char     *column)
{
  return g_strdup (wait_for_cell (view, 0, column));
}

static void
test_reads_only_visible_pages (Fixture       *f,
                               gconstpointer  data)
{
  SalesRowModel *model = sales_table_view_get_model (f->view);
  guint64 fetched;

  g_assert_cmpuint (sales_table_view_get_n_rows (f->view), ==, N_ROWS);
  g_assert_cmpstr (wait_for_cell (f->view, 0, "external_id"), ==, "OPP-1");

  /* A screenful of a 100,000-row table reads a few pages, not the table. */
  fetched = sales_row_model_get_rows_fetched (model);
  g_test_message ("rows read to show the first screen: %" G_GUINT64_FORMAT,
                  fetched);
  g_assert_cmpuint (fetched, >, 0);
  g_assert_cmpuint (fetched, <=, 4 * 128);

  /* Jumping to the end reads the pages there, not those in between. */
  sales_table_view_scroll_to (f->view, N_ROWS - 1);
  g_assert_cmpstr (wait_for_cell (f->view, N_ROWS - 1, "external_id"), ==,
                   "OPP-100000");
  g_test_message ("rows read after jumping to the end: %" G_GUINT64_FORMAT,
                  sales_row_model_get_rows_fetched (model));
  g_assert_cmpuint (sales_row_model_get_rows_fetched (model), <=,
                    fetched + 6 * 128);

  /* And back to the middle, by position. */
  sales_table_view_scroll_to (f->view, N_ROWS / 2);
  g_assert_cmpstr (wait_for_cell (f->view, N_ROWS / 2, "external_id"), ==,
                   "OPP-50001");
  g_assert_cmpuint (sales_row_model_get_rows_fetched (model), <=,
                    fetched + 12 * 128);
}

static GtkColumnViewColumn *
column_titled (SalesTableView *view,
               const char     *title)
{
  GListModel *columns = gtk_column_view_get_columns (view->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
is_idle (gpointer view)
{
  return !sales_table_view_is_busy (view);
}

/* Sorting and searching run in a worker; the rows arrive after. */
static guint
settled_rows (SalesTableView *view)
{
  g_assert_true (sales_gui_test_wait_for (is_idle, view, 30000));
  return sales_table_view_get_n_rows (view);
}

static void
test_sort_by_header (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *highest = NULL;
  g_autofree char *lowest_owner = NULL;
  g_autofree char *shown = NULL;

  /* The same sort a click on the header makes, read back through the
   * view's sorter.
   */
  gtk_column_view_sort_by_column (f->view->column_view,
                                  column_titled (f->view, "Amount"),
                                  GTK_SORT_DESCENDING);
  highest = sales_gui_test_query_text (f->workspace,
    "SELECT external_id FROM opportunities ORDER BY amount DESC, id DESC"
    " LIMIT 1");
  settled_rows (f->view);
  sales_table_view_scroll_to (f->view, 0);
  shown = first_value (f->view, "external_id");
  g_assert_cmpstr (shown, ==, highest);
  g_assert_cmpuint (sales_table_view_get_n_rows (f->view), ==, N_ROWS);

  gtk_column_view_sort_by_column (f->view->column_view,
                                  column_titled (f->view, "Owner"),
                                  GTK_SORT_ASCENDING);
  lowest_owner = sales_gui_test_query_text (f->workspace,
    "SELECT external_id FROM opportunities ORDER BY owner, id LIMIT 1");
  settled_rows (f->view);
  g_clear_pointer (&shown, g_free);
  shown = first_value (f->view, "external_id");
  g_assert_cmpstr (shown, ==, lowest_owner);

  /* No sort column: back to id order. */
  gtk_column_view_sort_by_column (f->view->column_view, NULL,
                                  GTK_SORT_ASCENDING);
  settled_rows (f->view);
  g_clear_pointer (&shown, g_free);
  shown = first_value (f->view, "external_id");
  g_assert_cmpstr (shown, ==, "OPP-1");
}

static void
test_search_and_filter (Fixture       *f,
                        gconstpointer  data)
{
  guint expected = 0;
  gint64 won;

  /* "Source 3" appears only in the source of rows with i % 11 == 3. */
  for (guint i = 1; i <= N_ROWS; i++)
    expected += i % 11 == 3;

  sales_table_view_set_search (f->view, "Source 3");
  g_assert_cmpuint (settled_rows (f->view), ==, expected);
  g_assert_cmpstr (wait_for_cell (f->view, 0, "external_id"), ==, "OPP-3");

  /* Wildcards typed by the user are taken literally. */
  sales_table_view_set_search (f->view, "Source_3");
  g_assert_cmpuint (settled_rows (f->view), ==, 0);

  sales_table_view_set_search (f->view, "");
  g_assert_cmpuint (settled_rows (f->view), ==, N_ROWS);

  won = sales_gui_test_query_int (f->workspace,
    "SELECT count(*) FROM opportunities WHERE outcome = 'won'");
  sales_table_view_set_filter (f->view, "outcome = 'won'", "Won deals");
  g_assert_cmpuint (settled_rows (f->view), ==, won);
  g_assert_true (gtk_revealer_get_reveal_child (f->view->filter_revealer));

  /* The search narrows the drill-down further. */
  sales_table_view_set_search (f->view, "Owner 1");
  g_assert_cmpuint (settled_rows (f->view), ==,
                    sales_gui_test_query_int (f->workspace,
                      "SELECT count(*) FROM opportunities WHERE outcome = 'won'"
                      " AND (name LIKE '%Owner 1%' OR owner LIKE '%Owner 1%')"));

  sales_table_view_set_filter (f->view, NULL, NULL);
  sales_table_view_set_search (f->view, "");
  g_assert_cmpuint (settled_rows (f->view), ==, N_ROWS);
}

/* While a search is worked out the old rows stay; a newer search
 * replaces an older one that has not finished.
 */
static void
test_search_in_background (Fixture       *f,
                           gconstpointer  data)
{
  guint expected = 0;

  for (guint i = 1; i <= N_ROWS; i++)
    expected += i % 11 == 4;

  sales_table_view_set_search (f->view, "Source 3");
  g_assert_true (sales_table_view_is_busy (f->view));
  g_assert_cmpuint (sales_table_view_get_n_rows (f->view), ==, N_ROWS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->view->busy_spinner)));

  sales_table_view_set_search (f->view, "Source 4");
  g_assert_cmpuint (settled_rows (f->view), ==, expected);
  g_assert_cmpstr (wait_for_cell (f->view, 0, "external_id"), ==, "OPP-4");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->view->busy_spinner)));

  sales_table_view_set_search (f->view, "");
  g_assert_cmpuint (settled_rows (f->view), ==, N_ROWS);
}

static gboolean
export_finished (gpointer view)
{
  return SALES_TABLE_VIEW (view)->export_task == NULL;
}

/* The rows shown are written in a worker while the header shows the
 * progress; the file holds exactly the searched rows.
 */
static void
test_export_in_background (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rows.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint shown;

  sales_table_view_set_search (f->view, "Source 3");
  shown = settled_rows (f->view);
  _sales_table_view_export_start (f->view, path);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->view->export_box)));
  g_assert_true (sales_gui_test_wait_for (export_finished, f->view, 60000));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->view->export_box)));

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  /* The header, the rows, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, shown + 2);
  g_assert_nonnull (strstr (lines[1], "Source 3"));

  sales_test_remove_tree (dir);
}

/* Ctrl+A, Delete on more rows than one deletion takes is refused with a
 * message, and nothing is deleted.
 */
static void
test_delete_too_many (Fixture       *f,
                      gconstpointer  data)
{
  GtkSelectionModel *selection = sales_table_view_get_selection (f->view);

  g_assert_cmpuint (N_ROWS, >, SALES_MAX_UNDO_GROUP);
  gtk_selection_model_select_all (selection);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view),
                                             "table.delete-rows", NULL));
  sales_gui_test_spin ();

  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, N_ROWS);
  g_assert_true (sales_gui_test_find_label (GTK_WIDGET (f->view),
                                        "rows are selected; delete at most"));
  gtk_selection_model_unselect_all (selection);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int status;

  sales_gui_test_init (&argc, &argv);
  dir = sales_test_make_tmpdir ();
  path = g_build_filename (dir, "t.salesops", NULL);
  shared_workspace = sales_workspace_create (path, &error);
  g_assert_no_error (error);
  sales_gui_test_add_opportunities (shared_workspace, N_ROWS);

  g_test_add ("/table-view/reads-only-visible-pages", Fixture, NULL,
              fixture_set_up, test_reads_only_visible_pages,
              fixture_tear_down);
  g_test_add ("/table-view/sort-by-header", Fixture, NULL,
              fixture_set_up, test_sort_by_header, fixture_tear_down);
  g_test_add ("/table-view/search-and-filter", Fixture, NULL,
              fixture_set_up, test_search_and_filter, fixture_tear_down);
  g_test_add ("/table-view/export-in-background", Fixture, NULL,
              fixture_set_up, test_export_in_background, fixture_tear_down);
  g_test_add ("/table-view/delete-too-many", Fixture, NULL,
              fixture_set_up, test_delete_too_many, fixture_tear_down);
  g_test_add ("/table-view/search-in-background", Fixture, NULL,
              fixture_set_up, test_search_in_background, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_workspace);
  sales_test_remove_tree (dir);
  return status;
}
