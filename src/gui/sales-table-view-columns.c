/* sales-table-view-columns.c: the columns of a table view
 *
 * One column per field plus "Extra", the values an import kept for
 * source columns that map to no field, shown read-only as the compact
 * JSON object they are stored as (the keys differ from row to row, so
 * one column keeps the view's width predictable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-table-view-private.h"

typedef struct
{
  SalesTableView *self;
  guint           index;
} ColumnData;

static const SalesField *
column_field (SalesTableView *self,
              guint           index)
{
  return index < self->info->n_fields ? &self->info->fields[index] : NULL;
}

static const char *
column_name (SalesTableView *self,
             guint           index)
{
  const SalesField *field = column_field (self, index);

  return field != NULL ? field->name : "extra";
}

static void
cell_pressed_cb (SalesCell      *cell,
                 SalesTableView *self)
{
  self->current_column = sales_cell_get_index (cell);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *data)
{
  GtkWidget *cell = sales_cell_new (column_field (data->self, data->index),
                                    data->index);

  g_signal_connect_swapped (cell, "commit",
                            G_CALLBACK (_sales_table_view_cell_commit),
                            data->self);
  g_signal_connect (cell, "pressed", G_CALLBACK (cell_pressed_cb), data->self);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnData               *data)
{
  SalesCell *cell = SALES_CELL (gtk_list_item_get_child (list_item));

  sales_cell_bind (cell, gtk_list_item_get_item (list_item),
                   gtk_list_item_get_position (list_item));
  g_hash_table_add (data->self->bound_cells, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnData               *data)
{
  SalesCell *cell = SALES_CELL (gtk_list_item_get_child (list_item));

  if (data->self->bound_cells != NULL)
    g_hash_table_remove (data->self->bound_cells, cell);
  sales_cell_unbind (cell);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnData               *data)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (cell != NULL && data->self->bound_cells != NULL)
    g_hash_table_remove (data->self->bound_cells, cell);
}

/* The column view's sorter tells nothing but an ordering in GTK 4.8. Each
 * column's sorter records its own index when asked to compare, so asking
 * the view's sorter to compare two items reveals the primary column, and
 * the sign of the answer its direction.
 */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnData *data = user_data;

  data->self->sort_probe = (int)data->index;
  return GTK_ORDERING_SMALLER;
}

void
_sales_table_view_sort_changed (SalesTableView *self)
{
  g_autoptr(GError) error = NULL;
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;
  const char *column = NULL;

  self->sort_probe = -1;
  order = gtk_sorter_compare (sorter, self->model, self->selection);
  if (self->sort_probe >= 0)
    column = column_name (self, (guint)self->sort_probe);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (!sales_row_model_set_order (self->model, column,
                                  order == GTK_ORDERING_LARGER, &error))
    _sales_table_view_toast (self, error->message);
}

static char *
settings_key (SalesTableView *self,
              guint           index)
{
  return g_strdup_printf ("%s.%s", self->info->name, column_name (self, index));
}

static void
save_visibility_cb (GtkColumnViewColumn *column,
                    GParamSpec          *pspec,
                    ColumnData          *data)
{
  g_autofree char *key = settings_key (data->self, data->index);
  g_auto(GStrv) hidden = g_settings_get_strv (data->self->settings,
                                              "hidden-columns");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  for (guint i = 0; hidden[i] != NULL; i++)
    if (!g_str_equal (hidden[i], key))
      g_strv_builder_add (builder, hidden[i]);
  if (!gtk_column_view_column_get_visible (column))
    g_strv_builder_add (builder, key);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (data->self->settings, "hidden-columns",
                       (const char *const *)updated);
}

static void
save_width_cb (GtkColumnViewColumn *column,
               GParamSpec          *pspec,
               ColumnData          *data)
{
  g_autofree char *key = settings_key (data->self, data->index);
  g_autoptr(GVariant) widths = g_settings_get_value (data->self->settings,
                                                     "column-widths");
  GVariantDict dict;

  g_variant_dict_init (&dict, widths);
  g_variant_dict_insert (&dict, key, "i",
                         gtk_column_view_column_get_fixed_width (column));
  g_settings_set_value (data->self->settings, "column-widths",
                        g_variant_dict_end (&dict));
}

/* A fixed width spares the view measuring every shown cell of a column
 * to size it on each scroll step; the user can still resize.
 */
static int
default_width (const SalesField *field)
{
  if (field == NULL)
    return 260;

  switch (field->type)
    {
    case SALES_FIELD_TEXT:
      return 140;
    case SALES_FIELD_NUMBER:
    case SALES_FIELD_OUTCOME:
      return 100;
    case SALES_FIELD_DATE:
    case SALES_FIELD_MONEY:
    case SALES_FIELD_CATEGORY:
    case SALES_FIELD_REF:
    default:
      return 120;
    }
}

/* Applies what was remembered, then remembers what the user changes. */
static void
remember_layout (SalesTableView      *self,
                 GtkColumnViewColumn *column,
                 ColumnData          *data)
{
  g_autofree char *key = settings_key (self, data->index);
  g_auto(GStrv) hidden = NULL;
  g_autoptr(GVariant) widths = NULL;
  int width;

  gtk_column_view_column_set_fixed_width (column,
                                          default_width (column_field (self,
                                                                       data->index)));
  if (self->settings == NULL)
    return;

  hidden = g_settings_get_strv (self->settings, "hidden-columns");
  gtk_column_view_column_set_visible (column,
                                      !g_strv_contains ((const char *const *)hidden,
                                                        key));
  widths = g_settings_get_value (self->settings, "column-widths");
  if (g_variant_lookup (widths, key, "i", &width) && width > 0)
    gtk_column_view_column_set_fixed_width (column, width);

  g_signal_connect (column, "notify::visible",
                    G_CALLBACK (save_visibility_cb), data);
  g_signal_connect (column, "notify::fixed-width",
                    G_CALLBACK (save_width_cb), data);
}

static void
add_visibility_toggle (SalesTableView      *self,
                       GtkColumnViewColumn *column)
{
  GtkWidget *check = gtk_check_button_new_with_label (
    gtk_column_view_column_get_title (column));

  g_object_bind_property (column, "visible", check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (self->columns_box, check);
}

static void
add_column (SalesTableView *self,
            guint           index)
{
  const SalesField *field = column_field (self, index);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  ColumnData *data = g_new0 (ColumnData, 1);

  data->self = self;
  data->index = index;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), data);
  g_object_set_data_full (G_OBJECT (factory), "sales-column", data, g_free);

  column = gtk_column_view_column_new (field != NULL ? _(field->label)
                                                     : _("Extra"),
                                       factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (field != NULL)
    gtk_column_view_column_set_sorter (column,
      GTK_SORTER (gtk_custom_sorter_new (probe_compare, data, NULL)));
  else
    gtk_column_view_column_set_expand (column, TRUE);

  remember_layout (self, column, data);
  add_visibility_toggle (self, column);
  gtk_column_view_append_column (self->column_view, column);
}

void
_sales_table_view_add_columns (SalesTableView *self)
{
  gtk_widget_set_margin_top (GTK_WIDGET (self->columns_box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->columns_box), 6);

  for (guint i = 0; i <= self->info->n_fields; i++)
    add_column (self, i);
}
