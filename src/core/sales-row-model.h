/* sales-row-model.h: the rows of a record table as a lazy list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sales-row-item.h"
#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_ROW_MODEL (sales_row_model_get_type ())

G_DECLARE_FINAL_TYPE (SalesRowModel, sales_row_model, SALES, ROW_MODEL,
                      GObject)

SalesRowModel *sales_row_model_new            (SalesWorkspace *workspace,
                                               const char     *table);
const char    *sales_row_model_get_table      (SalesRowModel  *self);
SalesWorkspace *sales_row_model_get_workspace (SalesRowModel  *self);

gboolean       sales_row_model_set_order      (SalesRowModel  *self,
                                               const char     *column,
                                               gboolean        descending,
                                               GError        **error);
gboolean       sales_row_model_set_search     (SalesRowModel  *self,
                                               const char     *text,
                                               GError        **error);
gboolean       sales_row_model_set_filter     (SalesRowModel  *self,
                                               const char     *where,
                                               GError        **error);
char          *sales_row_model_dup_condition  (SalesRowModel  *self);

void           sales_row_model_set_background (SalesRowModel *self,
                                               gboolean       background);
gboolean       sales_row_model_is_busy        (SalesRowModel  *self);

gboolean       sales_row_model_reload         (SalesRowModel  *self,
                                               GError        **error);
void           sales_row_model_refresh_item   (SalesRowModel  *self,
                                               guint           position);
gint64         sales_row_model_get_id         (SalesRowModel  *self,
                                               guint           position);
gboolean       sales_row_model_find_id        (SalesRowModel  *self,
                                               gint64          id,
                                               guint          *position);

/* What the model asked SQLite for, so tests and benchmarks can check that
 * it reads only the pages a view shows.
 */
guint64        sales_row_model_get_rows_fetched  (SalesRowModel *self);
guint          sales_row_model_get_pages_fetched (SalesRowModel *self);

G_END_DECLS
