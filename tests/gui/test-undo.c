/* test-undo.c: undo and redo from a table view restore values and
 * deleted rows, also after the workspace is closed and opened again; the
 * window's Undo works whatever has the focus and says what it undid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-gui-test.h"
#include "sales-table-view-private.h"
#include "sales-window.h"
#include "salesops-test.h"

#define N_ROWS 500

typedef struct
{
  char           *dir;
  char           *path;
  SalesWorkspace *workspace;
  SalesTableView *view;
  GtkWindow      *window;
} Fixture;

static void
open_view (Fixture *f)
{
  f->view = SALES_TABLE_VIEW (sales_table_view_new (f->workspace,
                                                    "opportunities"));
  f->window = sales_gui_test_show (GTK_WIDGET (f->view), 1000, 600);
}

static void
close_view (Fixture *f)
{
  g_clear_pointer (&f->window, sales_gui_test_close);
  f->view = NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sales_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "u.salesops", NULL);
  f->workspace = sales_workspace_create (f->path, &error);
  g_assert_no_error (error);
  sales_gui_test_add_opportunities (f->workspace, N_ROWS);
  open_view (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_view (f);
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static const char *
shown (Fixture    *f,
       guint       position,
       const char *column)
{
  return sales_cell_get_text (sales_gui_test_wait_for_cell (f->view, position,
                                                            column));
}

static void
type_into (Fixture    *f,
           guint       position,
           const char *column,
           const char *text)
{
  GtkWidget *entry;

  shown (f, position, column);
  g_assert_true (sales_table_view_edit_cell (f->view, position, column));
  entry = sales_cell_get_editor (sales_table_view_find_cell (f->view, position,
                                                             column));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  sales_gui_test_spin ();
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action,
                                             NULL));
  sales_gui_test_spin ();
}

static char *
stored_name (Fixture *f,
             gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM opportunities"
                                          " WHERE id = %" G_GINT64_FORMAT, id);

  return sales_gui_test_query_text (f->workspace, sql);
}

static void
assert_name (Fixture    *f,
             gint64      id,
             const char *expected)
{
  g_autofree char *name = stored_name (f, id);

  g_assert_cmpstr (name, ==, expected);
  g_assert_cmpstr (shown (f, (guint)id - 1, "name"), ==, expected);
}

static void
test_undo_redo_edit (Fixture       *f,
                     gconstpointer  data)
{
  type_into (f, 9, "name", "First");
  type_into (f, 9, "name", "Second");
  assert_name (f, 10, "Second");

  activate (f, "table.undo");
  assert_name (f, 10, "First");
  activate (f, "table.undo");
  assert_name (f, 10, "Deal 10");

  activate (f, "table.redo");
  assert_name (f, 10, "First");
  activate (f, "table.redo");
  assert_name (f, 10, "Second");

  g_assert_false (sales_workspace_can_redo (f->workspace));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  GtkSelectionModel *selection = sales_table_view_get_selection (f->view);

  g_assert_cmpstr (shown (f, 0, "external_id"), ==, "OPP-1");
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  gtk_selection_model_select_item (selection, 10, FALSE);
  activate (f, "table.delete-rows");

  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, N_ROWS - 4);
  g_assert_cmpuint (sales_table_view_get_n_rows (f->view), ==, N_ROWS - 4);
  g_assert_cmpstr (shown (f, 0, "external_id"), ==, "OPP-4");

  /* One undo brings all four back, with their ids and values. */
  activate (f, "table.undo");
  g_assert_cmpuint (sales_table_view_get_n_rows (f->view), ==, N_ROWS);
  g_assert_cmpstr (shown (f, 0, "external_id"), ==, "OPP-1");
  assert_name (f, 11, "Deal 11");

  activate (f, "table.redo");
  g_assert_cmpuint (sales_table_view_get_n_rows (f->view), ==, N_ROWS - 4);
}

static void
test_undo_after_reopening (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  type_into (f, 4, "name", "Kept in the journal");
  close_view (f);
  g_clear_object (&f->workspace);

  f->workspace = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
  open_view (f);
  assert_name (f, 5, "Kept in the journal");

  activate (f, "table.undo");
  assert_name (f, 5, "Deal 5");
  activate (f, "table.redo");
  assert_name (f, 5, "Kept in the journal");
}

static gboolean
is_idle (gpointer view)
{
  return !sales_table_view_is_busy (view);
}

/* In a sorted view the selected places name rows by the sorted ids. */
static void
test_delete_sorted_and_undo (Fixture       *f,
                             gconstpointer  data)
{
  GtkSelectionModel *selection = sales_table_view_get_selection (f->view);
  g_autofree char *doomed = sales_gui_test_query_text (f->workspace,
    "SELECT group_concat(id) FROM (SELECT id FROM opportunities"
    " ORDER BY name DESC, id DESC LIMIT 3)");
  g_autofree char *left = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (sales_row_model_set_order (sales_table_view_get_model (f->view),
                                            "name", TRUE, NULL));
  g_assert_true (sales_gui_test_wait_for (is_idle, f->view, 30000));
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  activate (f, "table.delete-rows");
  g_assert_true (sales_gui_test_wait_for (is_idle, f->view, 30000));

  sql = g_strdup_printf ("SELECT count(*) FROM opportunities WHERE id IN (%s)",
                         doomed);
  g_assert_cmpint (sales_gui_test_query_int (f->workspace, sql), ==, 0);
  g_assert_cmpint (sales_gui_test_query_int (f->workspace,
                     "SELECT count(*) FROM opportunities"), ==, N_ROWS - 3);

  activate (f, "table.undo");
  g_assert_true (sales_gui_test_wait_for (is_idle, f->view, 30000));
  g_assert_cmpint (sales_gui_test_query_int (f->workspace, sql), ==, 3);
  left = sales_gui_test_query_text (f->workspace,
    "SELECT group_concat(id) FROM (SELECT id FROM opportunities"
    " ORDER BY name DESC, id DESC LIMIT 3)");
  g_assert_cmpstr (left, ==, doomed);
  g_assert_cmpuint (sales_table_view_get_n_rows (f->view), ==, N_ROWS);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                 action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The header bar's button follows whether the action is enabled. */
static gboolean
action_enabled (GtkWidget  *window,
                const char *name)
{
  g_autofree char *action = g_strconcat ("win.", name, NULL);
  GtkWidget *button = find_action_button (window, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
test_window_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string ("Fixed"));
  GtkWidget *window = g_object_new (SALES_TYPE_WINDOW, NULL);
  g_autofree char *name = NULL;

  close_view (f);
  g_assert_true (sales_window_open_file (SALES_WINDOW (window), file));
  gtk_window_present (GTK_WINDOW (window));
  sales_gui_test_spin ();
  g_assert_false (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));

  /* An edit from elsewhere (another connection, as a table view makes
   * through the window's workspace) reaches the window through "changed".
   */
  g_assert_true (sales_workspace_update_field (
    sales_window_get_workspace (SALES_WINDOW (window)), "opportunities", 7,
    "name", value, &error));
  g_assert_no_error (error);
  sales_gui_test_spin ();
  g_assert_true (action_enabled (window, "undo"));

  /* The dashboard has the focus, not a table view. */
  g_assert_cmpstr (sales_window_get_visible_page (SALES_WINDOW (window)), !=,
                   "opportunities");
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  sales_gui_test_spin ();
  name = sales_gui_test_query_text (f->workspace, "SELECT name FROM "
                                    "opportunities WHERE id = 7");
  g_assert_cmpstr (name, ==, "Deal 7");
  g_assert_true (sales_gui_test_find_label (window, "Undone: change of Name in "));
  g_assert_false (action_enabled (window, "undo"));
  g_assert_true (action_enabled (window, "redo"));

  g_assert_true (gtk_widget_activate_action (window, "win.redo", NULL));
  sales_gui_test_spin ();
  g_clear_pointer (&name, g_free);
  name = sales_gui_test_query_text (f->workspace, "SELECT name FROM "
                                    "opportunities WHERE id = 7");
  g_assert_cmpstr (name, ==, "Fixed");
  g_assert_true (sales_gui_test_find_label (window, "Redone: change of Name in "));

  sales_gui_test_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  sales_gui_test_init (&argc, &argv);

  g_test_add ("/undo/edit", Fixture, NULL, fixture_set_up,
              test_undo_redo_edit, fixture_tear_down);
  g_test_add ("/undo/delete-rows", Fixture, NULL, fixture_set_up,
              test_delete_and_undo, fixture_tear_down);
  g_test_add ("/undo/after-reopening", Fixture, NULL, fixture_set_up,
              test_undo_after_reopening, fixture_tear_down);
  g_test_add ("/undo/delete-sorted", Fixture, NULL, fixture_set_up,
              test_delete_sorted_and_undo, fixture_tear_down);
  g_test_add ("/undo/window", Fixture, NULL, fixture_set_up,
              test_window_undo, fixture_tear_down);

  return g_test_run ();
}
