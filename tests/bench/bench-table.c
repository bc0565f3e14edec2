/* bench-table.c: a million-row table in a table view, against a baseline
 *
 * Opens the opportunities table of a generated workspace in a
 * SalesTableView under the display (Xvfb in CI) and prints: time to the
 * first drawn frame, time to jump to the last row, a scroll from top to
 * bottom in screen-sized steps (mean and worst frame), sorting and
 * searching in SQL, rows read from SQLite, and the resident memory. The
 * same is measured on a 1,000-row table in the same run as the baseline.
 *
 * Usage: bench-table [N_ROWS]   (default 1000000)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "sales-application.h"
#include "sales-gui-test.h"
#include "sales-limits.h"
#include "sales-table-view-private.h"
#include "salesops-test.h"

/* Screen-sized steps of the scroll from top to bottom. */
#define SCROLL_STEPS 200

typedef struct
{
  double model_ms;
  double open_ms;
  double end_ms;
  double scroll_mean_ms;
  double scroll_worst_ms;
  double sort_indexed_ms;
  double sort_unindexed_ms;
  double search_ms;
  double stall_ms;
  guint  n_deleted;
  double delete_ms;
  double undo_ms;
  guint64 rows_read;
  long rss_kb;
} Figures;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return strtol (line + 6, NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget's window has painted a frame. */
static void
wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                         &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

typedef struct
{
  SalesTableView *view;
  guint           position;
} Wanted;

static gboolean
row_shown (gpointer data)
{
  Wanted *wanted = data;

  return sales_table_view_find_cell (wanted->view, wanted->position,
                                     "external_id") != NULL;
}

static gboolean
window_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_frame_clock (data);
}

static void
measure_scroll (SalesTableView *view,
                Figures        *figures)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (view->scrolled_window);
  double worst = 0, total = 0;

  for (guint i = 1; i <= SCROLL_STEPS; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) -
                     gtk_adjustment_get_page_size (adjustment);
      double start = now_ms ();
      double took;

      gtk_adjustment_set_value (adjustment, upper * i / SCROLL_STEPS);
      wait_frame (GTK_WIDGET (view));
      took = now_ms () - start;
      total += took;
      worst = MAX (worst, took);
    }

  figures->scroll_mean_ms = total / SCROLL_STEPS;
  figures->scroll_worst_ms = worst;
}

/* Runs the main loop until the view has its new order, keeping the
 * longest time one iteration of the loop took: how long the window was
 * unresponsive while the worker sorted or searched.
 */
static void
wait_settled (SalesTableView *view,
              Figures        *figures)
{
  while (sales_table_view_is_busy (view))
    {
      double start = now_ms ();

      g_main_context_iteration (NULL, TRUE);
      figures->stall_ms = MAX (figures->stall_ms, now_ms () - start);
    }
  wait_frame (GTK_WIDGET (view));
}

static double
time_sort (SalesTableView *view,
           const char     *column,
           Figures        *figures)
{
  SalesRowModel *model = sales_table_view_get_model (view);
  double start = now_ms ();

  g_assert_true (sales_row_model_set_order (model, column, TRUE, NULL));
  wait_settled (view, figures);
  return now_ms () - start;
}

/* The model alone: count, then the items a first screen asks for. */
static double
time_model (SalesWorkspace *workspace)
{
  double start = now_ms ();
  g_autoptr(SalesRowModel) model = sales_row_model_new (workspace,
                                                        "opportunities");

  guint n = MIN (200, g_list_model_get_n_items (G_LIST_MODEL (model)));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));

  return now_ms () - start;
}

/* Deletes the largest selection a view deletes at once (or every row of
 * a smaller table) and undoes it: both journal every row.
 */
static void
measure_delete (SalesTableView *view,
                Figures        *figures)
{
  GtkSelectionModel *selection = sales_table_view_get_selection (view);
  SalesRowModel *model = sales_table_view_get_model (view);
  double start;

  sales_table_view_set_search (view, "");
  g_assert_true (sales_row_model_set_order (model, NULL, FALSE, NULL));
  wait_settled (view, figures);
  figures->n_deleted = MIN (sales_table_view_get_n_rows (view),
                            SALES_MAX_UNDO_GROUP);
  gtk_selection_model_select_range (selection, 0, figures->n_deleted, TRUE);

  start = now_ms ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view),
                                             "table.delete-rows", NULL));
  wait_frame (GTK_WIDGET (view));
  figures->delete_ms = now_ms () - start;

  start = now_ms ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "table.undo",
                                             NULL));
  wait_frame (GTK_WIDGET (view));
  figures->undo_ms = now_ms () - start;
}

static void
measure (SalesWorkspace *workspace,
         Figures        *figures)
{
  SalesTableView *view;
  GtkWidget *window = gtk_window_new ();
  guint n;
  double start;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  sales_gui_test_wait_for (window_drawn, window, 5000);
  sales_gui_test_spin ();

  figures->model_ms = time_model (workspace);
  start = now_ms ();
  view = SALES_TABLE_VIEW (sales_table_view_new (workspace, "opportunities"));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  sales_gui_test_wait_for (row_shown, &(Wanted) { view, 0 }, 10000);
  wait_frame (GTK_WIDGET (view));
  figures->open_ms = now_ms () - start;

  n = sales_table_view_get_n_rows (view);
  start = now_ms ();
  sales_table_view_scroll_to (view, n - 1);
  sales_gui_test_wait_for (row_shown, &(Wanted) { view, n - 1 }, 10000);
  wait_frame (GTK_WIDGET (view));
  figures->end_ms = now_ms () - start;

  sales_table_view_scroll_to (view, 0);
  sales_gui_test_wait_for (row_shown, &(Wanted) { view, 0 }, 10000);
  measure_scroll (view, figures);
  figures->rows_read = sales_row_model_get_rows_fetched (
    sales_table_view_get_model (view));
  figures->rss_kb = rss_kb ();

  figures->sort_indexed_ms = time_sort (view, "created_at", figures);
  figures->sort_unindexed_ms = time_sort (view, "amount", figures);
  start = now_ms ();
  sales_table_view_set_search (view, "Owner 7");
  wait_settled (view, figures);
  figures->search_ms = now_ms () - start;

  measure_delete (view, figures);
  sales_gui_test_close (GTK_WINDOW (window));
}

static SalesWorkspace *
make_workspace (const char *dir,
                const char *name,
                guint       n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SalesWorkspace *workspace = sales_workspace_create (path, &error);

  g_assert_no_error (error);
  sales_gui_test_add_opportunities (workspace, n_rows);

  /* Opened again, as a user finds it: closing checkpoints the WAL. */
  g_object_unref (workspace);
  workspace = sales_workspace_open (path, &error);
  g_assert_no_error (error);
  return workspace;
}

static void
print_figures (const char    *label,
               guint          n_rows,
               const Figures *f)
{
  printf ("%-9s %8u rows: model and 200 items %6.1f ms, first frame %7.1f ms, "
          "to last row %6.1f ms, "
          "scroll %5.1f ms/frame (worst %6.1f), sort indexed %7.1f ms, "
          "unindexed %7.1f ms, search %7.1f ms (in a worker; longest "
          "main loop stall meanwhile %5.1f ms), rows read %" G_GUINT64_FORMAT
          ", RSS %ld KB, delete %u selected rows %7.1f ms, undo %7.1f ms\n",
          label, n_rows, f->model_ms, f->open_ms, f->end_ms, f->scroll_mean_ms,
          f->scroll_worst_ms, f->sort_indexed_ms, f->sort_unindexed_ms,
          f->search_ms, f->stall_ms, f->rows_read, f->rss_kb, f->n_deleted,
          f->delete_ms, f->undo_ms);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(SalesWorkspace) small = NULL;
  g_autoptr(SalesWorkspace) large = NULL;
  guint n_rows = argc > 1 ? (guint)strtoul (argv[1], NULL, 10) : 1000000;
  Figures baseline = { 0 }, figures = { 0 };
  struct rusage usage;
  double start;

  if (g_getenv ("DISPLAY") == NULL)
    {
      printf ("bench-table: no display; run it under xvfb-run\n");
      return 0;
    }

  gtk_init ();
  adw_init ();
  sales_gui_register_resources ();
  dir = sales_test_make_tmpdir ();

  small = make_workspace (dir, "small.salesops", 1000);
  start = now_ms ();
  large = make_workspace (dir, "large.salesops", n_rows);
  printf ("generated %u rows in %.0f ms\n", n_rows, now_ms () - start);

  /* The baseline first, so the large table's pages cannot help it. */
  measure (small, &baseline);
  print_figures ("baseline", 1000, &baseline);
  measure (large, &figures);
  print_figures ("large", n_rows, &figures);

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS %ld KB; large minus baseline: first frame %+.1f ms, "
          "RSS %+ld KB\n", usage.ru_maxrss,
          figures.open_ms - baseline.open_ms, figures.rss_kb - baseline.rss_kb);

  g_clear_object (&small);
  g_clear_object (&large);
  sales_test_remove_tree (dir);
  return 0;
}
