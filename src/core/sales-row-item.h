/* sales-row-item.h: one row of a record table, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SALES_TYPE_ROW_ITEM (sales_row_item_get_type ())

G_DECLARE_FINAL_TYPE (SalesRowItem, sales_row_item, SALES, ROW_ITEM, GObject)

SalesRowItem *sales_row_item_new          (gint64         id,
                                           guint          n_values);
gint64        sales_row_item_get_id       (SalesRowItem  *self);
guint         sales_row_item_get_n_values (SalesRowItem  *self);
GVariant     *sales_row_item_get_value    (SalesRowItem  *self,
                                           guint          index);
void          sales_row_item_set_value    (SalesRowItem  *self,
                                           guint          index,
                                           GVariant      *value);
gboolean      sales_row_item_update       (SalesRowItem  *self,
                                           SalesRowItem  *fresh);

void          sales_row_item_retarget     (SalesRowItem  *self,
                                           SalesRowItem  *fresh);

G_END_DECLS
