/* sales-cell.h: one cell of a table view, shown and edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sales-row-item.h"
#include "sales-schema.h"

G_BEGIN_DECLS

#define SALES_TYPE_CELL (sales_cell_get_type ())

G_DECLARE_FINAL_TYPE (SalesCell, sales_cell, SALES, CELL, GtkWidget)

GtkWidget        *sales_cell_new           (const SalesField *field,
                                            guint             index);
void              sales_cell_bind          (SalesCell        *self,
                                            SalesRowItem     *item,
                                            guint             position);
void              sales_cell_unbind        (SalesCell        *self);

SalesRowItem     *sales_cell_get_item      (SalesCell        *self);
guint             sales_cell_get_position  (SalesCell        *self);
guint             sales_cell_get_index     (SalesCell        *self);
const SalesField *sales_cell_get_field     (SalesCell        *self);
const char       *sales_cell_get_text      (SalesCell        *self);

gboolean          sales_cell_start_editing (SalesCell        *self);
gboolean          sales_cell_is_editing    (SalesCell        *self);
void              sales_cell_finish_editing (SalesCell       *self,
                                             gboolean         commit);
GtkWidget        *sales_cell_get_editor    (SalesCell        *self);
gboolean          sales_cell_choose        (SalesCell        *self,
                                            const char       *choice);
void              sales_cell_set_error     (SalesCell        *self,
                                            const char       *message);

G_END_DECLS
