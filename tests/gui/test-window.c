/* test-window.c: the window opens a workspace and closes cleanly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "sales-application.h"
#include "sales-preferences-window.h"
#include "sales-window-private.h"
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

static const char *
main_page (SalesWindow *window)
{
  return gtk_stack_get_visible_child_name (window->main_stack);
}

static SalesWindow *
open_new_workspace (const char *dir,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(SalesWorkspace) created = sales_workspace_create (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SalesWindow *window = g_object_new (SALES_TYPE_WINDOW, NULL);

  g_assert_no_error (error);
  sales_workspace_close (created);
  g_assert_true (sales_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* An empty workspace invites a drop; its first row brings the dashboard. */
static void
test_empty_workspace_invites_drop (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  SalesWindow *window = open_new_workspace (dir, "empty.salesops");
  SalesWorkspace *workspace = sales_window_get_workspace (window);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sales_window_get_visible_page (window), ==, "empty");

  g_assert_true (sales_workspace_exec (workspace,
    "INSERT INTO leads (external_id, name, created_at)"
    " VALUES ('L1', 'Ada', '2025-03-01')", &error));
  g_assert_no_error (error);
  sales_workspace_emit_changed (workspace, "leads");
  wait_ms (50);
  g_assert_cmpstr (sales_window_get_visible_page (window), ==, "dashboard");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  sales_test_remove_tree (dir);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static guint
count_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += SALES_IS_WINDOW (toplevel);
    }

  return n;
}

static void
destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SALES_IS_WINDOW (toplevel))
        g_ptr_array_add (windows, toplevel);
    }
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));
  spin ();
}

/* A workspace dropped on a window that shows another opens beside it; a
 * file SalesOps cannot read leaves everything as it was.
 */
static void
test_drop_opens_workspace_in_new_window (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  SalesWindow *window = open_new_workspace (dir, "first.salesops");
  g_autofree char *second = g_build_filename (dir, "second.salesops", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(SalesWorkspace) created = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  created = sales_workspace_create (second, &error);
  g_assert_no_error (error);
  sales_workspace_close (created);
  sales_test_write_file (notes, "not a spreadsheet", -1);
  g_assert_nonnull (target);
  g_assert_cmpuint (count_windows (), ==, 1);

  files = g_slist_append (files, g_file_new_for_path (notes));
  files = g_slist_append (files, g_file_new_for_path (second));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  spin ();

  g_assert_true (accepted);
  g_assert_cmpuint (count_windows (), ==, 2);
  g_assert_true (g_str_has_suffix (sales_workspace_get_path (
                   sales_window_get_workspace (window)), "first.salesops"));

  g_value_unset (&value);
  g_slist_free_full (files, g_object_unref);
  destroy_windows ();
  sales_test_remove_tree (dir);
}

/* Files copied in a file manager arrive as a file list on the clipboard;
 * pasting a workspace opens it like a drop does.
 */
static void
test_paste_workspace (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  SalesWindow *window = open_new_workspace (dir, "first.salesops");
  g_autofree char *second = g_build_filename (dir, "second.salesops", NULL);
  g_autoptr(SalesWorkspace) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) files = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (second);
  GdkFileList *list;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  created = sales_workspace_create (second, &error);
  g_assert_no_error (error);
  sales_workspace_close (created);

  files = g_slist_append (files, file);
  list = gdk_file_list_new_from_list (files);
  gdk_clipboard_set (clipboard, GDK_TYPE_FILE_LIST, list);
  g_boxed_free (GDK_TYPE_FILE_LIST, list);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste",
                                             NULL));
  wait_ms (100);

  g_assert_cmpuint (count_windows (), ==, 2);
  destroy_windows ();
  sales_test_remove_tree (dir);
}

/* The shortcuts window GtkApplication shows for Ctrl+? builds. */
static void
test_shortcuts_window_builds (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (
    "/com/example/SalesOps/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SALES_IS_PREFERENCES_WINDOW (toplevel))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
}

/* Preferences write each change into the workspace at once. */
static void
test_preferences_save (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  SalesWindow *window = open_new_workspace (dir, "prefs.salesops");
  SalesWorkspace *workspace = sales_window_get_workspace (window);
  GtkWidget *prefs, *fiscal, *margin;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.preferences", NULL));
  spin ();
  prefs = find_preferences ();
  g_assert_nonnull (prefs);

  /* The first combo row is the fiscal year start, the first spin button
   * the gross margin.
   */
  fiscal = find_first (prefs, ADW_TYPE_COMBO_ROW);
  margin = find_first (prefs, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (fiscal)), ==,
                    0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (fiscal), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (margin), 40);

  g_assert_cmpuint (sales_workspace_get_fiscal_year_start (workspace), ==, 4);
  g_assert_cmpfloat_with_epsilon (sales_workspace_get_gross_margin (workspace),
                                  0.4, 1e-9);

  gtk_window_destroy (GTK_WINDOW (prefs));
  destroy_windows ();
  sales_test_remove_tree (dir);
}

/* A large workspace opens in a worker thread: the window says it is
 * opening at once and shows the workspace when the checks are done; a
 * refused file ends on the page that says why.
 */
static void
test_open_in_background (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.salesops", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.salesops", NULL);
  g_autoptr(SalesWorkspace) created = sales_workspace_create (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  SalesWindow *window;

  g_assert_no_error (error);
  sales_workspace_close (created);
  sales_test_write_file (bad_path, "not a workspace", -1);
  window = g_object_new (SALES_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));

  sales_window_open_file_in_background (window, file);
  g_assert_cmpstr (main_page (window), ==, "opening");
  g_assert_null (sales_window_get_workspace (window));
  while (g_strcmp0 (main_page (window), "opening") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (sales_window_get_workspace (window));
  g_assert_cmpstr (main_page (window), ==, "workspace");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "big");

  /* A refusal keeps the workspace on screen, with a toast. */
  sales_window_open_file_in_background (window, bad);
  g_assert_cmpstr (main_page (window), ==, "opening");
  while (g_strcmp0 (main_page (window), "opening") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (main_page (window), ==, "workspace");
  g_assert_cmpstr (sales_workspace_get_path (
    sales_window_get_workspace (window)), ==, path);

  /* Closing the window while it opens drops the opening. */
  sales_window_open_file_in_background (window, file);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (200);
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
  g_test_add_func ("/window/open-in-background", test_open_in_background);
  g_test_add_func ("/window/empty-workspace", test_empty_workspace_invites_drop);
  g_test_add_func ("/window/drop-workspace",
                   test_drop_opens_workspace_in_new_window);
  g_test_add_func ("/window/paste-workspace", test_paste_workspace);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window_builds);
  g_test_add_func ("/window/preferences", test_preferences_save);

  return g_test_run ();
}
