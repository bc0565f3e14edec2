/* test-drop.c: files dropped on the window's own drop target: a file
 * list opens the wizard on each importable file, refuses the rest by name
 * and opens a dropped workspace beside the one shown; pasted tabular text
 * opens the wizard too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sales-error.h"
#include "sales-gui-test.h"
#include "sales-import-wizard-private.h"
#include "sales-window.h"
#include "salesops-test.h"

typedef struct
{
  char           *dir;
  SalesWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sales_test_make_tmpdir ();
  f->workspace = sales_gui_test_create_workspace (f->dir, "d.salesops");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GFile *
file_in (Fixture    *f,
         const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
test_can_import_by_extension (Fixture       *f,
                              gconstpointer  data)
{
  const char *accepted[] = { "a.csv", "b.TSV", "c.txt", "d.xlsx", "e.XLSM",
                             "f.ods", "g.Json" };
  const char *refused[] = { "h.pdf", "i.xls", "j.salesops", "csv", "k.csv.gz" };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GFile) file = file_in (f, accepted[i]);

      g_assert_true (sales_import_wizard_can_import (file));
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GFile) file = file_in (f, refused[i]);

      g_assert_false (sales_import_wizard_can_import (file));
    }
}

static gboolean
is_idle (gpointer wizard)
{
  return !sales_import_wizard_is_busy (wizard);
}

static GtkDropTarget *
window_drop_target (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* What a drag delivers: the window's own drop target gets a GValue
 * holding a GdkFileList.
 */
static gboolean
drop_on (GtkWidget *window,
         GSList    *files)
{
  GtkDropTarget *target = window_drop_target (window);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  sales_gui_test_spin ();

  return accepted;
}

/* The toplevel of @type other than @except, if one is shown. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && window != except)
        return window;
    }

  return NULL;
}

static SalesWindow *
window_on (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (
    sales_workspace_get_path (f->workspace));
  SalesWindow *window = g_object_new (SALES_TYPE_WINDOW, NULL);

  g_assert_true (sales_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  sales_gui_test_spin ();
  return window;
}

static void
test_dropped_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) csv = file_in (f, "Deals.CSV");
  g_autoptr(GFile) pdf = file_in (f, "notes.pdf");
  g_autoptr(GSList) files = NULL;
  SalesWindow *window = window_on (f);
  SalesImportWizard *wizard;

  sales_test_write_file (g_file_peek_path (csv),
                         "Deal ID,Deal Name,Amount\nD-1,One,10.00\n", -1);
  sales_test_write_file (g_file_peek_path (pdf), "%PDF-1.4", -1);
  files = g_slist_append (g_slist_append (NULL, csv), pdf);
  g_assert_true (drop_on (GTK_WIDGET (window), files));

  /* The PDF is refused by name; the CSV opens the wizard. */
  g_assert_true (sales_gui_test_find_label (GTK_WIDGET (window),
                                        "“notes.pdf” was not opened"));
  wizard = (SalesImportWizard *)find_toplevel (SALES_TYPE_IMPORT_WIZARD, NULL);
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) ==
                 GTK_WINDOW (window));
  g_assert_true (sales_gui_test_wait_for (is_idle, wizard, 30000));
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, "file");
  g_assert_null (sales_import_wizard_get_result (wizard));

  sales_gui_test_close (GTK_WINDOW (wizard));
  sales_gui_test_close (GTK_WINDOW (window));
}

/* A workspace dropped on a window showing another opens beside it. */
static void
test_dropped_workspace (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SalesWorkspace) other = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSList) files = NULL;
  SalesWindow *window = window_on (f);
  SalesWindow *opened;

  other = sales_gui_test_create_workspace (f->dir, "Other.salesops");
  file = g_file_new_for_path (sales_workspace_get_path (other));
  g_clear_object (&other);
  files = g_slist_append (NULL, file);
  g_assert_true (drop_on (GTK_WIDGET (window), files));

  opened = (SalesWindow *)find_toplevel (SALES_TYPE_WINDOW,
                                         GTK_WINDOW (window));
  g_assert_nonnull (opened);
  g_assert_nonnull (sales_window_get_workspace (opened));
  g_assert_cmpstr (sales_workspace_get_path (sales_window_get_workspace (opened)),
                   ==, g_file_peek_path (file));
  g_assert_cmpstr (sales_workspace_get_path (sales_window_get_workspace (window)),
                   ==, sales_workspace_get_path (f->workspace));
  g_assert_null (find_toplevel (SALES_TYPE_IMPORT_WIZARD, NULL));

  sales_gui_test_close (GTK_WINDOW (opened));
  sales_gui_test_close (GTK_WINDOW (window));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_pasted_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesImportWizard *wizard;
  guint finished = 0;

  /* Copied cells of a spreadsheet arrive tab-separated. */
  wizard = sales_import_wizard_new_for_text (NULL, f->workspace,
                                             "Deal ID\tDeal Name\tAmount\n"
                                             "D-1\tOne\t10.00\n"
                                             "D-2\tTwo\t20.00\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (wizard);
  g_signal_connect_swapped (wizard, "finished", G_CALLBACK (count_cb),
                            &finished);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (sales_gui_test_wait_for (is_idle, wizard, 30000));

  sales_import_wizard_go_next (wizard);
  g_assert_cmpstr (sales_import_wizard_get_page (wizard), ==, "format");
  g_assert_cmpuint (g_list_model_get_n_items (
    gtk_column_view_get_columns (wizard->preview_view)), ==, 3);

  /* Closing says so, once, whatever the page. */
  sales_gui_test_close (GTK_WINDOW (wizard));
  g_assert_cmpuint (finished, ==, 1);

  g_assert_null (sales_import_wizard_new_for_text (NULL, f->workspace, "",
                                                   &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = NULL;
  int status;

  sales_gui_test_init (&argc, &argv);

  /* Pasted text is written to the cache folder: a private one here. */
  cache = sales_test_make_tmpdir ();
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_add ("/drop/can-import-by-extension", Fixture, NULL, fixture_set_up,
              test_can_import_by_extension, fixture_tear_down);
  g_test_add ("/drop/dropped-files", Fixture, NULL, fixture_set_up,
              test_dropped_files, fixture_tear_down);
  g_test_add ("/drop/dropped-workspace", Fixture, NULL, fixture_set_up,
              test_dropped_workspace, fixture_tear_down);
  g_test_add ("/drop/pasted-text", Fixture, NULL, fixture_set_up,
              test_pasted_text, fixture_tear_down);

  status = g_test_run ();
  sales_test_remove_tree (cache);
  return status;
}
