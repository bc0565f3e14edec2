/* test-application.c: files given to the application open in windows
 *
 * This is what happens when the file manager or the command line hands
 * workspaces to SalesOps: each file gets a window, a file that is not a
 * workspace shows why, and activating again presents what is open.
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
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static char *
make_workspace (const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(SalesWorkspace) workspace = sales_workspace_create (path, &error);

  g_assert_no_error (error);
  return path;
}

static SalesWindow *
window_for_path (GtkApplication *app,
                 const char     *path)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      SalesWorkspace *workspace;

      if (!SALES_IS_WINDOW (l->data))
        continue;
      workspace = sales_window_get_workspace (l->data);
      if (workspace != NULL &&
          g_strcmp0 (sales_workspace_get_path (workspace), path) == 0)
        return l->data;
    }

  return NULL;
}

static guint
count_windows (GtkApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    n += SALES_IS_WINDOW (l->data);

  return n;
}

static void
test_open_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *first = make_workspace (dir, "north.salesops");
  g_autofree char *second = make_workspace (dir, "south.salesops");
  g_autofree char *notes = g_build_filename (dir, "notes.salesops", NULL);
  g_autoptr(SalesApplication) app = sales_application_new ();
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  GFile *files[3];
  GList *windows;

  sales_test_write_file (notes, "shopping list", -1);
  files[0] = g_file_new_for_path (first);
  files[1] = g_file_new_for_path (second);
  files[2] = g_file_new_for_path (notes);

  /* Non-unique: the test needs no session bus to own the name. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), files, 3, "");
  spin ();

  g_assert_nonnull (window_for_path (gtk_app, first));
  g_assert_nonnull (window_for_path (gtk_app, second));
  g_assert_true (window_for_path (gtk_app, first) !=
                 window_for_path (gtk_app, second));

  /* The refused file has a window that says why, and is left as it was. */
  g_assert_cmpuint (count_windows (gtk_app), ==, 3);
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));

  /* Activating again presents what is open instead of adding a window. */
  g_application_activate (G_APPLICATION (app));
  spin ();
  g_assert_cmpuint (count_windows (gtk_app), ==, 3);

  windows = g_list_copy (gtk_application_get_windows (gtk_app));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  spin ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
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

  g_test_add_func ("/application/open-files", test_open_files);

  return g_test_run ();
}
