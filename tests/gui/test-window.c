/* test-window.c: the window opens a workspace and closes cleanly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "sales-application.h"
#include "sales-window.h"
#include "salesops-test.h"

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_open_and_close (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "gui.salesops", NULL);
  g_autoptr(SalesWorkspace) created = sales_workspace_create (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SalesWindow *window;

  g_assert_no_error (error);
  g_clear_object (&created);

  window = g_object_new (SALES_TYPE_WINDOW, NULL);
  sales_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_assert_nonnull (sales_window_get_workspace (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "gui");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  sales_test_remove_tree (dir);
}

static void
test_refused_file_shows_reason (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.salesops", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SalesWindow *window;

  sales_test_write_file (path, "not a workspace", -1);
  window = g_object_new (SALES_TYPE_WINDOW, NULL);
  sales_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_assert_null (sales_window_get_workspace (window));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  sales_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  sales_test_skip_without_display (argc, argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sales_gui_register_resources ();

  g_test_add_func ("/window/open-and-close", test_open_and_close);
  g_test_add_func ("/window/refused-file", test_refused_file_shows_reason);

  return g_test_run ();
}
