/* make-screenshots.c: renders the main views of SalesOps to PNG
 *
 * Run by build-aux/make-screenshots on a demo workspace; the images go to
 * data/screenshots/ for the README and the AppStream metainfo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "salesops-test.h"

#define WIDTH 1280
#define HEIGHT 860

static SalesDashboard *
dashboard_of (SalesWindow *window)
{
  return SALES_DASHBOARD (sales_window_get_page (window, "dashboard"));
}

static void
shoot (GtkWidget  *widget,
       const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gui_test_wait_ms (400);
  gui_test_save_png (widget, path);
  g_message ("wrote %s", path);
}

static void
shoot_dashboard (const char *workspace,
                 const char *dir)
{
  SalesWindow *window = gui_test_open_window (workspace, WIDTH, HEIGHT);
  SalesDashboard *dashboard = dashboard_of (window);
  AdwStyleManager *style = adw_style_manager_get_default ();

  gui_test_pin_today (dashboard, sales_window_get_workspace (window));
  sales_dashboard_set_period_choice (dashboard, SALES_PERIOD_LAST_QUARTER);
  gui_test_wait_refreshed (dashboard);
  shoot (GTK_WIDGET (window), dir, "dashboard.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot (GTK_WIDGET (window), dir, "dashboard-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, 1500);
  sales_dashboard_select_kpi (dashboard, "win_rate");
  gui_test_wait_refreshed (dashboard);
  shoot (GTK_WIDGET (window), dir, "kpi-detail.png");

  gui_test_close_window (window);
}

/* The empty workspace goes beside the demo and is removed afterwards. */
static void
shoot_empty (const char *demo,
             const char *dir)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *folder = g_path_get_dirname (demo);
  g_autofree char *path = g_build_filename (folder, _("Sales.salesops"),
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) created = sales_workspace_create (path, &error);
  SalesWindow *window;

  g_assert_no_error (error);
  sales_workspace_close (created);
  window = gui_test_open_window (path, WIDTH, HEIGHT);
  shoot (GTK_WIDGET (window), dir, "empty-workspace.png");
  gui_test_close_window (window);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  if (argc != 3)
    {
      g_printerr ("Usage: %s WORKSPACE OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }

  g_mkdir_with_parents (argv[2], 0755);
  shoot_dashboard (argv[1], argv[2]);
  shoot_empty (argv[1], argv[2]);
  return 0;
}
