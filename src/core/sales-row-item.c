/* sales-row-item.c: one row of a record table, as a list item
 *
 * Items are made on demand by the row model for the pages the view asks
 * for, and dropped with their page: they are a snapshot for display, the
 * store is the truth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sales-row-item.h"

struct _SalesRowItem
{
  GObject    parent_instance;

  gint64     id;
  guint      n_values;
  GVariant **values;
};

G_DEFINE_FINAL_TYPE (SalesRowItem, sales_row_item, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
sales_row_item_finalize (GObject *object)
{
  SalesRowItem *self = SALES_ROW_ITEM (object);

  for (guint i = 0; i < self->n_values; i++)
    g_clear_pointer (&self->values[i], g_variant_unref);
  g_free (self->values);

  G_OBJECT_CLASS (sales_row_item_parent_class)->finalize (object);
}

static void
sales_row_item_class_init (SalesRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_row_item_finalize;

  /**
   * SalesRowItem::changed:
   *
   * Emitted when the row was read again and a value differs, so what
   * shows the item can update without being made again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sales_row_item_init (SalesRowItem *self)
{
}

/**
 * sales_row_item_new:
 * @id: the row's id (its rowid)
 * @n_values: how many values the row holds, all empty at first
 *
 * Returns: (transfer full): a new item
 */
SalesRowItem *
sales_row_item_new (gint64 id,
                    guint  n_values)
{
  SalesRowItem *self = g_object_new (SALES_TYPE_ROW_ITEM, NULL);

  self->id = id;
  self->n_values = n_values;
  self->values = g_new0 (GVariant *, n_values);

  return self;
}

gint64
sales_row_item_get_id (SalesRowItem *self)
{
  g_return_val_if_fail (SALES_IS_ROW_ITEM (self), 0);

  return self->id;
}

guint
sales_row_item_get_n_values (SalesRowItem *self)
{
  g_return_val_if_fail (SALES_IS_ROW_ITEM (self), 0);

  return self->n_values;
}

/**
 * sales_row_item_get_value:
 * @self: an item
 * @index: a value index, below sales_row_item_get_n_values()
 *
 * Returns: (transfer none) (nullable): the value, %NULL when empty
 */
GVariant *
sales_row_item_get_value (SalesRowItem *self,
                          guint         index)
{
  g_return_val_if_fail (SALES_IS_ROW_ITEM (self), NULL);
  g_return_val_if_fail (index < self->n_values, NULL);

  return self->values[index];
}

/**
 * sales_row_item_set_value:
 * @self: an item
 * @index: a value index
 * @value: (nullable): the value, sunk if floating; %NULL for empty
 */
void
sales_row_item_set_value (SalesRowItem *self,
                          guint         index,
                          GVariant     *value)
{
  g_return_if_fail (SALES_IS_ROW_ITEM (self));
  g_return_if_fail (index < self->n_values);

  g_clear_pointer (&self->values[index], g_variant_unref);
  if (value != NULL)
    self->values[index] = g_variant_ref_sink (value);
}

static gboolean
same_value (GVariant *a,
            GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_variant_equal (a, b);
}

/**
 * sales_row_item_update:
 * @self: an item
 * @fresh: the same row read again
 *
 * Takes the values of @fresh and emits #SalesRowItem::changed when any
 * differs.
 *
 * Returns: %TRUE when @fresh is the same row (same id and size) and was
 *   taken; %FALSE leaves @self alone
 */
gboolean
sales_row_item_update (SalesRowItem *self,
                       SalesRowItem *fresh)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (SALES_IS_ROW_ITEM (self), FALSE);
  g_return_val_if_fail (SALES_IS_ROW_ITEM (fresh), FALSE);

  if (self->id != fresh->id || self->n_values != fresh->n_values)
    return FALSE;

  for (guint i = 0; i < self->n_values; i++)
    {
      if (same_value (self->values[i], fresh->values[i]))
        continue;

      sales_row_item_set_value (self, i, fresh->values[i]);
      changed = TRUE;
    }

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * sales_row_item_retarget:
 * @self: an item a view shows
 * @fresh: another row, read for the same position
 *
 * Makes @self show @fresh (its id and values) and emits
 * #SalesRowItem::changed, so that a view showing @self at a position
 * keeps its widgets when another row comes to that position (a new sort
 * order or search).
 */
void
sales_row_item_retarget (SalesRowItem *self,
                         SalesRowItem *fresh)
{
  g_return_if_fail (SALES_IS_ROW_ITEM (self));
  g_return_if_fail (SALES_IS_ROW_ITEM (fresh));
  g_return_if_fail (self->n_values == fresh->n_values);

  if (sales_row_item_update (self, fresh))
    return;

  self->id = fresh->id;
  for (guint i = 0; i < self->n_values; i++)
    sales_row_item_set_value (self, i, fresh->values[i]);
  g_signal_emit (self, signals[CHANGED], 0);
}
