/* sales-gui-test.c: helpers shared by the table and import GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sales-application.h"
#include "sales-gui-test.h"
#include "sales-table-view-private.h"
#include "salesops-test.h"

/**
 * sales_gui_test_init:
 *
 * Skips without a display (a TAP plan of zero), else sets up GTK,
 * libadwaita and the resources.
 */
void
sales_gui_test_init (int    *argc,
                     char ***argv)
{
  sales_test_skip_without_display (*argc, *argv);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  sales_gui_register_resources ();
}

void
sales_gui_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * sales_gui_test_wait_for:
 * @done: a condition
 * @data: its argument
 * @timeout_ms: how long to wait at most
 *
 * Runs the main loop until @done returns %TRUE.
 *
 * Returns: whether @done became true in time
 */
gboolean
sales_gui_test_wait_for (gboolean (*done) (gpointer),
                         gpointer   data,
                         guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);
  return done (data);
}

/**
 * sales_gui_test_add_opportunities:
 * @workspace: a workspace
 * @n_rows: how many rows to add
 *
 * Adds opportunities numbered 1..@n_rows with one SQL statement: row i
 * has external id "OPP-i", owner "Owner (i % 37)", source "Source (i %
 * 11)", outcome open, won or lost by i % 3, and amount (i * 7919) % 10^7
 * minor units.
 */
void
sales_gui_test_add_opportunities (SalesWorkspace *workspace,
                                  guint           n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf (
    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c"
    " WHERE i < %u)"
    " INSERT INTO opportunities (external_id, name, owner, source, stage,"
    " outcome, amount, created_at)"
    " SELECT 'OPP-' || i, 'Deal ' || i, 'Owner ' || (i %% 37),"
    " 'Source ' || (i %% 11), 'Stage ' || (i %% 6),"
    " CASE i %% 3 WHEN 0 THEN 'open' WHEN 1 THEN 'won' ELSE 'lost' END,"
    " (i * 7919) %% 10000000, date('2023-01-01', '+' || (i %% 700) || ' days')"
    " FROM c", n_rows);

  g_assert_true (sales_workspace_exec (workspace, "BEGIN", &error));
  g_assert_true (sales_workspace_exec (workspace, sql, &error));
  g_assert_true (sales_workspace_exec (workspace, "COMMIT", &error));
  g_assert_no_error (error);
}

gint64
sales_gui_test_query_int (SalesWorkspace *workspace,
                          const char     *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_workspace_get_db (workspace), sql,
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

char *
sales_gui_test_query_text (SalesWorkspace *workspace,
                           const char     *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_workspace_get_db (workspace), sql,
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/**
 * sales_gui_test_show:
 * @child: a widget
 * @width: window width
 * @height: window height
 *
 * Returns: (transfer none): a window showing @child, once it is mapped
 */
GtkWindow *
sales_gui_test_show (GtkWidget *child,
                     int        width,
                     int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sales_gui_test_wait_for (is_drawn, child, 5000));
  sales_gui_test_spin ();

  return GTK_WINDOW (window);
}

/* Focus is cleared first: GTK 4.8 can use freed memory when a window is
 * destroyed while an editable has focus.
 */
void
sales_gui_test_close (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  sales_gui_test_spin ();
  gtk_window_destroy (window);
  sales_gui_test_spin ();
}

/**
 * sales_gui_test_snapshot:
 * @widget: a drawn widget
 * @name: a file name without extension
 *
 * When SALESOPS_SNAPSHOT_DIR is set, saves what @widget shows there as
 * @name.png, to look at the views without a screen.
 */
void
sales_gui_test_snapshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("SALESOPS_SNAPSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean settled = FALSE;
  GskRenderer *renderer;

  if (dir == NULL || width == 0 || height == 0)
    return;

  /* The paintable takes its image at the next frame when the widget
   * waits for an allocation, and transitions take their time.
   */
  paintable = gtk_widget_paintable_new (widget);
  gtk_widget_queue_draw (widget);
  g_timeout_add (400, timeout_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("%s: nothing drawn", name);
      return;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width,
                                                              height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/**
 * sales_gui_test_create_workspace:
 * @dir: a folder
 * @name: a file name in it
 *
 * Returns: (transfer full): a new, empty workspace
 */
SalesWorkspace *
sales_gui_test_create_workspace (const char *dir,
                                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SalesWorkspace *workspace = sales_workspace_create (path, &error);

  g_assert_no_error (error);
  return workspace;
}

typedef struct
{
  SalesTableView *view;
  guint           position;
  const char     *column;
} CellWanted;

static gboolean
cell_shown (gpointer data)
{
  CellWanted *wanted = data;

  return sales_table_view_find_cell (wanted->view, wanted->position,
                                     wanted->column) != NULL;
}

/**
 * sales_gui_test_wait_for_cell:
 * @table_view: a #SalesTableView
 * @position: a row
 * @column: a field name
 *
 * Scrolls to the row and waits until its cell is drawn.
 *
 * Returns: (transfer none): the #SalesCell
 */
gpointer
sales_gui_test_wait_for_cell (gpointer    table_view,
                              guint       position,
                              const char *column)
{
  CellWanted wanted = { table_view, position, column };

  /* Asked again while waiting: a scroll requested while the view is
   * still laying out rows can be dropped.
   */
  for (guint i = 0; i < 50 && !cell_shown (&wanted); i++)
    {
      sales_table_view_scroll_to (table_view, position);
      sales_gui_test_spin ();
      sales_gui_test_wait_for (cell_shown, &wanted, 100);
    }
  g_assert_true (cell_shown (&wanted));
  return sales_table_view_find_cell (table_view, position, column);
}

/**
 * sales_gui_test_find_label:
 * @root: a widget
 * @text: text to look for
 *
 * Returns: whether a label under @root (a toast's, for example) shows
 *   @text as part of its text
 */
gboolean
sales_gui_test_find_label (GtkWidget  *root,
                           const char *text)
{
  if (GTK_IS_LABEL (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (sales_gui_test_find_label (child, text))
      return TRUE;

  return FALSE;
}
