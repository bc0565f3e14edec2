/* sales-row-order.h: the ids of a table's rows in a chosen order
 *
 * Private to SalesRowModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "sales-schema.h"
#include "sales-workspace.h"

G_BEGIN_DECLS

char   *_sales_row_order_sql            (const SalesTableInfo *info,
                                         const char           *condition,
                                         const char           *column,
                                         gboolean              descending);
GArray *_sales_row_order_collect        (sqlite3              *db,
                                         const char           *sql,
                                         GCancellable         *cancellable,
                                         GError              **error);
void    _sales_row_order_collect_async  (SalesWorkspace       *workspace,
                                         const char           *sql,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GArray *_sales_row_order_collect_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
