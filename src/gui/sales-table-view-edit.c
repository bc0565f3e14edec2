/* sales-table-view-edit.c: editing, adding, deleting, undo and redo
 *
 * Every change goes straight to the store through the workspace's record
 * API, which validates it, commits it and journals it in the file; the
 * model then re-reads what the view shows. Nothing is kept only in a row
 * item, since items are made again whenever their page is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include <inttypes.h>

#include "sales-cell-value.h"
#include "sales-limits.h"
#include "sales-table-view-private.h"

void
_sales_table_view_toast (SalesTableView *self,
                         const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
reference_exists (SalesTableView   *self,
                  const SalesField *field,
                  GVariant         *value)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = sales_workspace_get_db (self->workspace);
  sqlite3_stmt *stmt = NULL;
  gboolean exists = TRUE;

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE external_id = ?",
                         field->ref_table);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, g_variant_get_string (value, NULL), -1,
                         SQLITE_TRANSIENT);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);

  return exists;
}

/* A reference to a row not imported yet is kept (it may come with the
 * next import) but the user is told.
 */
static void
warn_unknown_reference (SalesTableView   *self,
                        const SalesField *field,
                        GVariant         *value)
{
  g_autofree char *message = NULL;
  const SalesTableInfo *other;

  if (field->type != SALES_FIELD_REF || value == NULL ||
      reference_exists (self, field, value))
    return;

  other = sales_schema_lookup_table (field->ref_table);
  message = g_strdup_printf (_("No row of %s has the ID “%s”; the value was "
                               "kept"),
                             _(other->label), g_variant_get_string (value, NULL));
  _sales_table_view_toast (self, message);
}

/**
 * _sales_table_view_cell_commit:
 *
 * Converts, validates and writes what was typed into @cell. A refused
 * value leaves the store as it was; the cell keeps showing the old value,
 * marked with the reason.
 */
void
_sales_table_view_cell_commit (SalesTableView *self,
                               const char     *text,
                               SalesCell      *cell)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = NULL;
  const SalesField *field = sales_cell_get_field (cell);
  SalesRowItem *item = sales_cell_get_item (cell);

  if (field == NULL || item == NULL)
    return;

  if (!sales_cell_value_parse (field, text, &value, &error) ||
      !sales_workspace_update_field (self->workspace, self->info->name,
                                     sales_row_item_get_id (item),
                                     field->name, value, &error))
    {
      sales_cell_set_error (cell, error->message);
      _sales_table_view_toast (self, error->message);
      return;
    }

  warn_unknown_reference (self, field, value);
}

typedef struct
{
  SalesTableView *self;
  guint           position;
  char           *column;
} PendingEdit;

static void
pending_edit_free (gpointer data)
{
  PendingEdit *pending = data;

  g_free (pending->column);
  g_free (pending);
}

static gboolean
start_pending_edit_cb (gpointer data)
{
  PendingEdit *pending = data;
  SalesCell *cell = sales_table_view_find_cell (pending->self,
                                                pending->position,
                                                pending->column);

  pending->self->edit_source = 0;
  if (cell != NULL)
    sales_cell_start_editing (cell);

  return G_SOURCE_REMOVE;
}

/**
 * sales_table_view_edit_cell:
 * @self: a table view
 * @position: a row
 * @column: a field name
 *
 * Opens the editor of a cell, scrolling to its row first when it is off
 * screen (the editor then opens once the row is drawn).
 *
 * Returns: %TRUE when the editor opened at once
 */
gboolean
sales_table_view_edit_cell (SalesTableView *self,
                            guint           position,
                            const char     *column)
{
  SalesCell *cell;
  PendingEdit *pending;

  g_return_val_if_fail (SALES_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  cell = sales_table_view_find_cell (self, position, column);
  if (cell != NULL)
    return sales_cell_start_editing (cell);

  sales_table_view_scroll_to (self, position);
  pending = g_new0 (PendingEdit, 1);
  pending->self = self;
  pending->position = position;
  pending->column = g_strdup (column);
  g_clear_handle_id (&self->edit_source, g_source_remove);
  self->edit_source = g_timeout_add_full (G_PRIORITY_LOW, 50,
                                          start_pending_edit_cb, pending,
                                          pending_edit_free);
  return FALSE;
}

static void
add_row_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  SalesTableView *self = SALES_TABLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  GVariant *empty = g_variant_new ("a{sv}", NULL);
  gint64 id;
  guint position;

  id = sales_workspace_insert_row (self->workspace, self->info->name, empty,
                                   &error);
  if (id == 0)
    {
      _sales_table_view_toast (self, error->message);
      return;
    }

  /* A search or filter may hide the new, empty row. */
  if (sales_row_model_find_id (self->model, id, &position))
    sales_table_view_edit_cell (self, position, self->info->fields[0].name);
  else
    _sales_table_view_toast (self, _("Row added; the search or filter hides it"));
}

static GArray *
selected_ids (SalesTableView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = sales_row_model_get_id (self->model, position);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

static void
delete_rows_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  SalesTableView *self = SALES_TABLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree char *message = NULL;
  guint64 n_selected;
  AdwToast *toast;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n_selected = gtk_bitset_get_size (selected);
  if (n_selected > SALES_MAX_UNDO_GROUP)
    {
      message = g_strdup_printf (_("%" PRIu64 " rows are selected; delete at "
                                   "most %u at once, narrowed with a search "
                                   "or in parts, so that it can be undone"),
                                 n_selected, (guint)SALES_MAX_UNDO_GROUP);
      _sales_table_view_toast (self, message);
      return;
    }

  ids = selected_ids (self);
  if (ids->len == 0)
    return;

  if (!sales_workspace_delete_rows (self->workspace, self->info->name,
                                    (const gint64 *)ids->data, ids->len,
                                    &error))
    {
      _sales_table_view_toast (self, error->message);
      return;
    }

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  message = g_strdup_printf (ngettext ("%u row deleted", "%u rows deleted",
                                       ids->len), ids->len);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "table.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  SalesTableView *self = SALES_TABLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action, "table.redo");

  /* Inside the application's window, its action undoes and says what. */
  if (gtk_widget_activate_action (widget, redo ? "win.redo" : "win.undo",
                                  NULL))
    return;

  if (!(redo ? sales_workspace_redo (self->workspace, &error)
             : sales_workspace_undo (self->workspace, &error)))
    _sales_table_view_toast (self, error->message);
}

void
_sales_table_view_update_actions (SalesTableView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkBitset) selected = NULL;
  gboolean open = sales_workspace_is_open (self->workspace);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gtk_widget_action_set_enabled (widget, "table.delete-rows",
                                 open && !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (widget, "table.add-row", open);
  gtk_widget_action_set_enabled (widget, "table.undo",
                                 open && sales_workspace_can_undo (self->workspace));
  gtk_widget_action_set_enabled (widget, "table.redo",
                                 open && sales_workspace_can_redo (self->workspace));
}

void
_sales_table_view_install_edit_actions (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "table.add-row", NULL, add_row_cb);
  gtk_widget_class_install_action (klass, "table.delete-rows", NULL,
                                   delete_rows_cb);
  gtk_widget_class_install_action (klass, "table.undo", NULL, undo_cb);
  gtk_widget_class_install_action (klass, "table.redo", NULL, undo_cb);

  gtk_widget_class_add_binding_action (klass, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "table.undo", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "table.redo", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "table.redo", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Delete, 0,
                                       "table.delete-rows", NULL);
}
