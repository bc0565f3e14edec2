/* test-journal.c: undo and redo of edits, also after reopening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-error.h"
#include "sales-workspace.h"
#include "salesops-test.h"

typedef SalesTestWorkspace Fixture;

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->workspace);
  f->workspace = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
}

static gint64
add_deal (Fixture    *f,
          const char *name,
          gint64      amount)
{
  g_autoptr(GError) error = NULL;
  GVariantDict dict;
  gint64 id;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "name", "s", name);
  g_variant_dict_insert (&dict, "amount", "x", amount);
  g_variant_dict_insert (&dict, "outcome", "s", "open");
  id = sales_workspace_insert_row (f->workspace, "opportunities",
                                   g_variant_dict_end (&dict), &error);
  g_assert_no_error (error);

  return id;
}

/* The amount of a deal, or -1 when the row does not exist. */
static gint64
amount_of (Fixture *f,
           gint64   id)
{
  g_autoptr(GVariant) row = NULL;
  gint64 amount = -2;

  row = sales_workspace_get_row (f->workspace, "opportunities", id, NULL);
  if (row == NULL)
    return -1;
  if (!g_variant_lookup (row, "amount", "x", &amount))
    return 0;

  return amount;
}

static void
undo_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_workspace_undo (f->workspace, &error));
  g_assert_no_error (error);
}

static void
redo_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_workspace_redo (f->workspace, &error));
  g_assert_no_error (error);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_deal (f, "Acme", 1000);

  g_assert_true (sales_workspace_update_field (f->workspace, "opportunities",
                                               id, "amount",
                                               g_variant_new_int64 (2500),
                                               &error));
  g_assert_true (sales_workspace_update_field (f->workspace, "opportunities",
                                               id, "amount", NULL, &error));
  g_assert_cmpint (amount_of (f, id), ==, 0);

  undo_ok (f);
  g_assert_cmpint (amount_of (f, id), ==, 2500);
  undo_ok (f);
  g_assert_cmpint (amount_of (f, id), ==, 1000);
  redo_ok (f);
  g_assert_cmpint (amount_of (f, id), ==, 2500);
  g_assert_true (sales_workspace_can_redo (f->workspace));

  /* A new edit forgets what could be redone. */
  g_assert_true (sales_workspace_update_field (f->workspace, "opportunities",
                                               id, "amount",
                                               g_variant_new_int64 (7),
                                               &error));
  g_assert_false (sales_workspace_can_redo (f->workspace));
  g_assert_false (sales_workspace_redo (f->workspace, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND);
}

static void
test_invalid_edit_keeps_value (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_deal (f, "Acme", 1000);

  g_assert_false (sales_workspace_update_field (f->workspace, "opportunities",
                                                id, "closed_at",
                                                g_variant_new_string ("soon"),
                                                &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_assert_cmpint (amount_of (f, id), ==, 1000);

  /* Only the insert is in the journal. */
  undo_ok (f);
  g_assert_cmpint (amount_of (f, id), ==, -1);
  g_assert_false (sales_workspace_can_undo (f->workspace));
}

static void
test_insert_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  ids[0] = add_deal (f, "A", 100);
  ids[1] = add_deal (f, "B", 200);
  ids[2] = add_deal (f, "C", 300);

  g_assert_true (sales_workspace_delete_rows (f->workspace, "opportunities",
                                              ids, 2, &error));
  g_assert_cmpint (sales_workspace_count_rows (f->workspace, "opportunities",
                                               NULL), ==, 1);

  /* One undo brings both rows back with their ids and values. */
  undo_ok (f);
  g_assert_cmpint (amount_of (f, ids[0]), ==, 100);
  g_assert_cmpint (amount_of (f, ids[1]), ==, 200);

  redo_ok (f);
  g_assert_cmpint (amount_of (f, ids[0]), ==, -1);
  g_assert_cmpint (amount_of (f, ids[1]), ==, -1);
  undo_ok (f);

  /* Undo the three inserts, then redo the last one undone. */
  undo_ok (f);
  undo_ok (f);
  undo_ok (f);
  g_assert_cmpint (sales_workspace_count_rows (f->workspace, "opportunities",
                                               NULL), ==, 0);
  g_assert_false (sales_workspace_can_undo (f->workspace));
  redo_ok (f);
  g_assert_cmpint (amount_of (f, ids[0]), ==, 100);
  g_assert_cmpint (amount_of (f, ids[1]), ==, -1);
}

static void
test_after_reopen (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_deal (f, "Acme", 1000);

  g_assert_true (sales_workspace_update_field (f->workspace, "opportunities",
                                               id, "name",
                                               g_variant_new_string ("Acme 2"),
                                               &error));
  g_assert_true (sales_workspace_update_field (f->workspace, "opportunities",
                                               id, "amount",
                                               g_variant_new_int64 (42),
                                               &error));
  reopen (f);

  g_assert_true (sales_workspace_can_undo (f->workspace));
  undo_ok (f);
  g_assert_cmpint (amount_of (f, id), ==, 1000);
  reopen (f);

  g_assert_true (sales_workspace_can_redo (f->workspace));
  redo_ok (f);
  g_assert_cmpint (amount_of (f, id), ==, 42);
}

static void
remember_table_cb (SalesWorkspace *workspace,
                   const char     *table,
                   GPtrArray      *tables)
{
  g_ptr_array_add (tables, g_strdup (table));
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  gint64 id;

  g_signal_connect (f->workspace, "changed", G_CALLBACK (remember_table_cb),
                    tables);
  id = add_deal (f, "Acme", 1);
  g_assert_true (sales_workspace_delete_rows (f->workspace, "opportunities",
                                              &id, 1, &error));
  undo_ok (f);
  g_signal_handlers_disconnect_by_data (f->workspace, tables);

  g_assert_cmpuint (tables->len, ==, 3);
  for (guint i = 0; i < tables->len; i++)
    g_assert_cmpstr (g_ptr_array_index (tables, i), ==, "opportunities");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/journal/" name, Fixture, NULL,                       \
              sales_test_workspace_set_up, func,                       \
              sales_test_workspace_tear_down)

  ADD ("update", test_update);
  ADD ("invalid-edit", test_invalid_edit_keeps_value);
  ADD ("insert-and-delete", test_insert_and_delete);
  ADD ("after-reopen", test_after_reopen);
  ADD ("changed-signal", test_changed_signal);

  return g_test_run ();
}
