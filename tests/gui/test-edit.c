/* test-edit.c: editing a cell writes the store and survives scrolling
 * away and back; an invalid value is refused and the old one kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-gui-test.h"
#include "sales-table-view-private.h"
#include "salesops-test.h"

#define N_ROWS 2000

typedef struct
{
  char           *dir;
  SalesWorkspace *workspace;
  SalesTableView *view;
  GtkWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sales_test_make_tmpdir ();
  f->workspace = sales_gui_test_create_workspace (f->dir, "e.salesops");
  sales_gui_test_add_opportunities (f->workspace, N_ROWS);

  f->view = SALES_TABLE_VIEW (sales_table_view_new (f->workspace,
                                                    "opportunities"));
  f->window = sales_gui_test_show (GTK_WIDGET (f->view), 1000, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sales_gui_test_close (f->window);
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_free (f->dir);
}

static SalesCell *
wait_for_cell (SalesTableView *view,
               guint           position,
               const char     *column)
{
  return sales_gui_test_wait_for_cell (view, position, column);
}

/* Types @text into the cell's entry and presses Enter. */
static void
type_into (Fixture    *f,
           guint       position,
           const char *column,
           const char *text)
{
  SalesCell *cell = wait_for_cell (f->view, position, column);
  GtkWidget *entry;

  g_assert_true (sales_table_view_edit_cell (f->view, position, column));
  entry = sales_cell_get_editor (cell);
  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  sales_gui_test_spin ();
}

static char *
stored (Fixture    *f,
        const char *column,
        gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(%s, '') FROM"
                                          " opportunities WHERE id = %"
                                          G_GINT64_FORMAT, column, id);

  return sales_gui_test_query_text (f->workspace, sql);
}

static void
test_edit_survives_scrolling (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *name = NULL;

  type_into (f, 5, "name", "Renamed deal");
  name = stored (f, "name", 6);
  g_assert_cmpstr (name, ==, "Renamed deal");

  /* Far enough that the row's page and widgets are recycled. */
  g_assert_cmpstr (sales_cell_get_text (wait_for_cell (f->view, N_ROWS - 1,
                                                       "external_id")),
                   ==, "OPP-2000");
  g_assert_cmpstr (sales_cell_get_text (wait_for_cell (f->view, 5, "name")),
                   ==, "Renamed deal");
}

static void
test_typed_values (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *amount = NULL;
  g_autofree char *probability = NULL;
  g_autofree char *date = NULL;
  g_autofree char *outcome = NULL;
  SalesCell *cell;

  type_into (f, 0, "amount", "1,234.50");
  amount = stored (f, "amount", 1);
  g_assert_cmpstr (amount, ==, "123450");
  g_assert_cmpstr (sales_cell_get_text (wait_for_cell (f->view, 0, "amount")),
                   ==, "1,234.50");

  type_into (f, 0, "probability", "40%");
  probability = stored (f, "probability", 1);
  g_assert_cmpstr (probability, ==, "0.4");

  type_into (f, 0, "closed_at", "2024-02-29");
  date = stored (f, "closed_at", 1);
  g_assert_cmpstr (date, ==, "2024-02-29");

  /* The outcome is chosen from a list, not typed. */
  cell = wait_for_cell (f->view, 0, "outcome");
  g_assert_true (sales_cell_start_editing (cell));
  g_assert_true (GTK_IS_POPOVER (sales_cell_get_editor (cell)));
  g_assert_true (sales_gui_test_wait_for ((gboolean (*) (gpointer))
                                          gtk_widget_get_mapped,
                                          sales_cell_get_editor (cell), 5000));
  sales_gui_test_snapshot (GTK_WIDGET (f->window), "table-outcome-choices");
  g_assert_true (sales_cell_choose (cell, "lost"));
  sales_gui_test_spin ();
  outcome = stored (f, "outcome", 1);
  g_assert_cmpstr (outcome, ==, "lost");
}

static void
test_invalid_edit_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *before_date = stored (f, "created_at", 3);
  g_autofree char *before_amount = stored (f, "amount", 3);
  g_autofree char *after_date = NULL;
  g_autofree char *after_amount = NULL;
  g_autofree char *shown = NULL;
  SalesCell *cell;

  type_into (f, 2, "created_at", "2024-02-30");
  after_date = stored (f, "created_at", 3);
  g_assert_cmpstr (after_date, ==, before_date);
  sales_gui_test_snapshot (GTK_WIDGET (f->window), "table-refused-edit");

  /* The cell keeps the old value and says why. */
  cell = wait_for_cell (f->view, 2, "created_at");
  g_assert_cmpstr (sales_cell_get_text (cell), ==, before_date);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)),
                            "2024-02-30"));

  type_into (f, 2, "amount", "twelve");
  after_amount = stored (f, "amount", 3);
  g_assert_cmpstr (after_amount, ==, before_amount);
  shown = g_strdup (sales_cell_get_text (wait_for_cell (f->view, 2, "amount")));
  g_assert_cmpstr (shown, !=, "twelve");

  /* Escape leaves the store alone. */
  cell = wait_for_cell (f->view, 2, "name");
  g_assert_true (sales_cell_start_editing (cell));
  gtk_editable_set_text (GTK_EDITABLE (sales_cell_get_editor (cell)), "Nope");
  sales_cell_finish_editing (cell, FALSE);
  sales_gui_test_spin ();
  g_clear_pointer (&shown, g_free);
  shown = stored (f, "name", 3);
  g_assert_cmpstr (shown, ==, "Deal 3");
}

static void
test_unknown_reference_kept (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *ref = NULL;

  /* No customer has this ID: the value is kept, with a warning. */
  type_into (f, 1, "customer_ref", "CUST-404");
  ref = stored (f, "customer_ref", 2);
  g_assert_cmpstr (ref, ==, "CUST-404");
}

int
main (int    argc,
      char **argv)
{
  sales_gui_test_init (&argc, &argv);

  g_test_add ("/edit/survives-scrolling", Fixture, NULL, fixture_set_up,
              test_edit_survives_scrolling, fixture_tear_down);
  g_test_add ("/edit/typed-values", Fixture, NULL, fixture_set_up,
              test_typed_values, fixture_tear_down);
  g_test_add ("/edit/invalid-refused", Fixture, NULL, fixture_set_up,
              test_invalid_edit_refused, fixture_tear_down);
  g_test_add ("/edit/unknown-reference-kept", Fixture, NULL, fixture_set_up,
              test_unknown_reference_kept, fixture_tear_down);

  return g_test_run ();
}
