/* sales-table-view.h: one record table, paged from SQLite, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_TABLE_VIEW (sales_table_view_get_type ())

G_DECLARE_FINAL_TYPE (SalesTableView, sales_table_view, SALES, TABLE_VIEW,
                      GtkWidget)

GtkWidget  *sales_table_view_new        (SalesWorkspace *workspace,
                                         const char     *table);
const char *sales_table_view_get_table  (SalesTableView *self);
/* Drill-down: show only the rows matching @where (a condition from the
 * KPI engine, never user text), with @description shown above them;
 * %NULL shows every row again.
 */
void        sales_table_view_set_filter (SalesTableView *self,
                                         const char     *where,
                                         const char     *description);
guint       sales_table_view_get_n_rows (SalesTableView *self);
gboolean    sales_table_view_is_busy    (SalesTableView *self);

G_END_DECLS
