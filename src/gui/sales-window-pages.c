/* sales-window-pages.c: the table and import pages of a window
 *
 * The pages are made for one workspace, when first shown, and dropped
 * when the window opens another, so no view holds a closed connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-imports-page.h"
#include "sales-schema.h"
#include "sales-table-view.h"
#include "sales-window-pages.h"
#include "sales-window-private.h"

static GtkWidget *
page_new (SalesWindow *self,
          const char  *name)
{
  if (sales_schema_is_table (name))
    return sales_table_view_new (self->workspace, name);

  return sales_imports_page_new (self->workspace);
}

/**
 * sales_window_pages_rebuild:
 * @self: a window with a workspace
 *
 * Drops the table and import pages of the previous workspace. Pages are
 * made when first shown: a column view builds its rows even while
 * hidden, and most sessions look at a few tables only.
 */
void
sales_window_pages_rebuild (SalesWindow *self)
{
  const SalesTableInfo *tables;
  guint n_tables;
  GtkWidget *page;

  g_return_if_fail (SALES_IS_WINDOW (self));

  tables = sales_schema_tables (&n_tables);
  for (guint i = 0; i <= n_tables; i++)
    {
      const char *name = i < n_tables ? tables[i].name : "imports";

      if ((page = gtk_stack_get_child_by_name (self->content_stack, name)))
        gtk_stack_remove (self->content_stack, page);
    }
}

/**
 * sales_window_pages_ensure:
 * @self: a window with a workspace
 * @name: a table name or "imports"
 *
 * Returns: (transfer none): the page @name, made now if it was not yet
 */
GtkWidget *
sales_window_pages_ensure (SalesWindow *self,
                           const char  *name)
{
  GtkWidget *page;

  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->workspace != NULL, NULL);

  page = gtk_stack_get_child_by_name (self->content_stack, name);
  if (page == NULL)
    {
      page = page_new (self, name);
      gtk_stack_add_named (self->content_stack, page, name);
    }

  return page;
}

/**
 * sales_window_pages_set_filter:
 * @self: a window with a workspace
 * @table: a record table
 * @where: (nullable): a condition from the KPI engine
 * @description: (nullable): what the rows are
 *
 * Restricts @table's view to the rows matching @where (drill-down).
 */
void
sales_window_pages_set_filter (SalesWindow *self,
                               const char  *table,
                               const char  *where,
                               const char  *description)
{
  GtkWidget *page;

  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (sales_schema_is_table (table));

  page = sales_window_pages_ensure (self, table);
  sales_table_view_set_filter (SALES_TABLE_VIEW (page), where, description);
}
