/* sales-table-view.c: one record table, paged from SQLite, editable
 *
 * The view is a GtkColumnView straight over a SalesRowModel (through a
 * GtkMultiSelection, which keeps only a bitset): no sort or filter list
 * model sits in between, since those would read every row. Sorting,
 * searching and drill-down filters are handed to the model, which runs
 * them in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-table-view-private.h"

G_DEFINE_FINAL_TYPE (SalesTableView, sales_table_view, GTK_TYPE_WIDGET)

static void
show_status (SalesTableView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  text = g_strdup_printf (ngettext ("%u row", "%u rows", n), n);
  gtk_label_set_text (self->status_label, text);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "rows" : "empty");
  if (*search != '\0' || self->filter_description != NULL)
    adw_status_page_set_description (self->empty_page,
                                     _("No row matches the search or filter."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Add a row, or drop a spreadsheet on the "
                                       "window to import one."));
}

/* The model keeps the items on screen when rows come or go (see
 * sales-row-model.c), so a selection would stay on places that now hold
 * other rows: it goes.
 */
static void
items_changed_cb (SalesTableView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (n != self->n_shown)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->n_shown = n;
  show_status (self);
}

/* The old rows stay on screen, usable, while a new order is worked out;
 * the spinner says that one is coming.
 */
static void
busy_changed_cb (SalesTableView *self)
{
  gboolean busy = sales_row_model_is_busy (self->model);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
}

static void
model_failed_cb (SalesTableView *self,
                 const GError   *error)
{
  _sales_table_view_toast (self, error->message);
}

static void
workspace_changed_cb (SalesTableView *self)
{
  _sales_table_view_update_actions (self);
}

static void
search_changed_cb (SalesTableView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Other rows come to the selected places. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (!sales_row_model_set_search (self->model, text, &error))
    _sales_table_view_toast (self, error->message);
}

static void
stop_search_cb (SalesTableView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
row_activate_cb (SalesTableView *self,
                 guint           position)
{
  const char *column = self->info->fields[MIN (self->current_column,
                                               self->info->n_fields - 1)].name;

  sales_table_view_edit_cell (self, position, column);
}

static void
focus_search_cb (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  SalesTableView *self = SALES_TABLE_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filter_cb (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  sales_table_view_set_filter (SALES_TABLE_VIEW (widget), NULL, NULL);
}

static void
export_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  _sales_table_view_export (SALES_TABLE_VIEW (widget));
}

static void
cancel_export_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  _sales_table_view_export_cancel (SALES_TABLE_VIEW (widget));
}

static void
sales_table_view_dispose (GObject *object)
{
  SalesTableView *self = SALES_TABLE_VIEW (object);

  g_clear_handle_id (&self->edit_source, g_source_remove);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (self->export_chooser);
  g_clear_object (&self->export_chooser);
  _sales_table_view_export_dispose (self);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);

  G_OBJECT_CLASS (sales_table_view_parent_class)->dispose (object);
}

static void
sales_table_view_finalize (GObject *object)
{
  SalesTableView *self = SALES_TABLE_VIEW (object);

  g_free (self->filter_description);

  G_OBJECT_CLASS (sales_table_view_parent_class)->finalize (object);
}

static void
sales_table_view_class_init (SalesTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_table_view_dispose;
  object_class->finalize = sales_table_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, box);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, stack);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, export_box);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, export_progress);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, columns_button);
  gtk_widget_class_bind_template_child (widget_class, SalesTableView, columns_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_install_action (widget_class, "table.search", NULL,
                                   focus_search_cb);
  gtk_widget_class_install_action (widget_class, "table.clear-filter", NULL,
                                   clear_filter_cb);
  gtk_widget_class_install_action (widget_class, "table.export", NULL,
                                   export_cb);
  gtk_widget_class_install_action (widget_class, "table.cancel-export", NULL,
                                   cancel_export_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK, "table.search", NULL);
  _sales_table_view_install_edit_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "salestableview");
}

static void
sales_table_view_init (SalesTableView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->sort_probe = -1;
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build tree without compiled schemas, widths and hidden
   * columns are simply not remembered.
   */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "hidden-columns"))
    return NULL;

  return g_settings_new (APP_ID);
}

/**
 * sales_table_view_new:
 * @workspace: an open workspace
 * @table: one of its record tables
 *
 * Returns: (transfer floating): a view of every row of @table; %NULL
 *   when @table is not a record table
 */
GtkWidget *
sales_table_view_new (SalesWorkspace *workspace,
                      const char     *table)
{
  SalesTableView *self;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (sales_schema_is_table (table), NULL);

  self = g_object_new (SALES_TYPE_TABLE_VIEW, NULL);
  self->workspace = g_object_ref (workspace);
  self->info = sales_schema_lookup_table (table);
  self->settings = open_settings ();
  self->model = sales_row_model_new (workspace, table);
  sales_row_model_set_background (self->model, TRUE);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));

  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::busy",
                           G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "failed",
                           G_CALLBACK (model_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (_sales_table_view_update_actions), self,
                           G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_object (workspace, "changed",
                                              G_CALLBACK (workspace_changed_cb),
                                              self, G_CONNECT_SWAPPED);

  _sales_table_view_add_columns (self);
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view),
                           "changed",
                           G_CALLBACK (_sales_table_view_sort_changed), self,
                           G_CONNECT_SWAPPED);

  self->n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  show_status (self);
  _sales_table_view_update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.cancel-export",
                                 FALSE);
  return GTK_WIDGET (self);
}

const char *
sales_table_view_get_table (SalesTableView *self)
{
  g_return_val_if_fail (SALES_IS_TABLE_VIEW (self), NULL);

  return self->info->name;
}

/**
 * sales_table_view_set_filter:
 * @self: a table view
 * @where: (nullable): an SQL condition from the KPI engine, never user
 *   text; %NULL shows every row
 * @description: (nullable): what the condition means, shown above rows
 *
 * A condition SQLite refuses leaves the view empty and says why in a
 * toast.
 */
void
sales_table_view_set_filter (SalesTableView *self,
                             const char     *where,
                             const char     *description)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SALES_IS_TABLE_VIEW (self));

  g_free (self->filter_description);
  self->filter_description = where != NULL
    ? g_strdup (description != NULL ? description : _("Filtered rows"))
    : NULL;

  gtk_label_set_text (self->filter_label, self->filter_description);
  gtk_revealer_set_reveal_child (self->filter_revealer, where != NULL);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));

  if (!sales_row_model_set_filter (self->model, where, &error))
    _sales_table_view_toast (self, error->message);
  show_status (self);
}

/**
 * sales_table_view_get_n_rows:
 * @self: a table view
 *
 * Returns: how many rows the view shows, after search and filter
 */
guint
sales_table_view_get_n_rows (SalesTableView *self)
{
  g_return_val_if_fail (SALES_IS_TABLE_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

SalesRowModel *
sales_table_view_get_model (SalesTableView *self)
{
  g_return_val_if_fail (SALES_IS_TABLE_VIEW (self), NULL);

  return self->model;
}

GtkSelectionModel *
sales_table_view_get_selection (SalesTableView *self)
{
  g_return_val_if_fail (SALES_IS_TABLE_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * sales_table_view_set_search:
 * @self: a table view
 * @text: what to search for in the text columns; "" for every row
 *
 * Does what typing in the search entry does, without waiting for a
 * pause in typing; the rows arrive when sales_table_view_is_busy() turns
 * %FALSE.
 */
void
sales_table_view_set_search (SalesTableView *self,
                             const char     *text)
{
  g_return_if_fail (SALES_IS_TABLE_VIEW (self));
  g_return_if_fail (text != NULL);

  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_changed_cb (self);
}

static GtkWidget *
find_list_view (GtkColumnView *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/**
 * sales_table_view_scroll_to:
 * @self: a table view
 * @position: a row
 *
 * Scrolls so that the row at @position is shown.
 */
void
sales_table_view_scroll_to (SalesTableView *self,
                            guint           position)
{
  GtkWidget *list_view;

  g_return_if_fail (SALES_IS_TABLE_VIEW (self));

  /* GTK 4.8 has no gtk_column_view_scroll_to(); its inner list view has
   * the action.
   */
  list_view = find_list_view (self->column_view);
  if (list_view != NULL && position < sales_table_view_get_n_rows (self))
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u",
                                position);
}

/**
 * sales_table_view_find_cell:
 * @self: a table view
 * @position: a row
 * @column: a field name, or "extra"
 *
 * Returns: (transfer none) (nullable): the cell showing that value, when
 *   the row is on screen
 */
SalesCell *
sales_table_view_find_cell (SalesTableView *self,
                            guint           position,
                            const char     *column)
{
  GHashTableIter iter;
  gpointer cell;
  guint index = self->info->n_fields;

  g_return_val_if_fail (SALES_IS_TABLE_VIEW (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < self->info->n_fields; i++)
    if (g_str_equal (self->info->fields[i].name, column))
      index = i;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      if (sales_cell_get_position (cell) == position &&
          sales_cell_get_index (cell) == index)
        return cell;
    }

  return NULL;
}

/**
 * sales_table_view_is_busy:
 * @self: a table view
 *
 * Returns: whether a new order or search is being worked out; the view
 *   shows the old rows meanwhile
 */
gboolean
sales_table_view_is_busy (SalesTableView *self)
{
  g_return_val_if_fail (SALES_IS_TABLE_VIEW (self), FALSE);

  return sales_row_model_is_busy (self->model);
}
