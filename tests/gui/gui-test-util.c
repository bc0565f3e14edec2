/* gui-test-util.c: helpers for the GUI tests and the screenshot tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "sales-application.h"
#include "sales-gui-test.h"
#include "sales-kpi.h"
#include "salesops-test.h"

void
gui_test_init (int    *argc,
               char ***argv)
{
  sales_gui_test_init (argc, argv);
  sales_gui_init_i18n ();
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
gui_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits until no refresh runs; gives up (failing) after 60 s. */
void
gui_test_wait_refreshed (SalesDashboard *dashboard)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  sales_gui_test_spin ();
  while (sales_dashboard_is_busy (dashboard))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  sales_gui_test_spin ();
}

/* Pins "today" two weeks after the data's latest complete quarter, so
 * that "Last Quarter" is that quarter whatever the real date: the tests
 * and the screenshots stay reproducible.
 */
void
gui_test_pin_today (SalesDashboard *dashboard,
                    SalesWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sales_workspace_get_db (workspace);
  SalesPeriod period;
  GDate from, today;

  g_assert_true (sales_kpi_default_period (db, 1, &period, &error));
  g_assert_no_error (error);
  sales_period_get_dates (&period, &from, &today);
  g_date_add_days (&today, 14);
  sales_dashboard_set_today (dashboard, &today);
}

/**
 * gui_test_open_window:
 * @path: (nullable): a workspace to open
 * @width: window width
 * @height: window height
 *
 * Returns: (transfer none): a window shown on screen with @path open
 */
SalesWindow *
gui_test_open_window (const char *path,
                      int         width,
                      int         height)
{
  SalesWindow *window = g_object_new (SALES_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      sales_window_open_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
  sales_gui_test_spin ();
  return window;
}

void
gui_test_close_window (SalesWindow *window)
{
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  sales_gui_test_spin ();
  gtk_window_destroy (GTK_WINDOW (window));
  sales_gui_test_spin ();
}

/**
 * gui_test_render:
 * @widget: a mapped widget
 *
 * Returns: (transfer full): what @widget shows, rendered by its window's
 *   renderer
 */
GdkTexture *
gui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width,
                                                           height));
}

void
gui_test_save_png (GtkWidget  *widget,
                   const char *path)
{
  g_autoptr(GdkTexture) texture = gui_test_render (widget);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/**
 * gui_test_make_demo:
 * @dir: a folder
 *
 * Returns: (transfer full): a demo workspace made in @dir by salesops-cli
 */
char *
gui_test_make_demo (const char *dir)
{
  char *path = g_build_filename (dir, "demo.salesops", NULL);
  const char *new_args[] = { "new", path, NULL };
  const char *demo_args[] = { "demo", path, NULL };

  g_assert_cmpint (sales_test_run_cli (new_args, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (demo_args, NULL, NULL), ==, 0);
  return path;
}
