/* sales-window-pages.c: the table and import pages of a window
 *
 * The pages are made for one workspace and replaced when the window
 * opens another, so no view ever holds a closed connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-schema.h"
#include "sales-window-pages.h"
#include "sales-window-private.h"

static void
replace_page (SalesWindow *self,
              const char  *name,
              GtkWidget   *page)
{
  GtkWidget *old = gtk_stack_get_child_by_name (self->content_stack, name);

  if (old != NULL)
    gtk_stack_remove (self->content_stack, old);
  gtk_stack_add_named (self->content_stack, page, name);
}

/**
 * sales_window_pages_rebuild:
 * @self: a window with a workspace
 *
 * Makes a table view for each record table and the imports page for the
 * window's current workspace, replacing those of the previous one.
 */
void
sales_window_pages_rebuild (SalesWindow *self)
{
  const SalesTableInfo *tables;
  guint n_tables;

  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (self->workspace != NULL);

  tables = sales_schema_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    replace_page (self, tables[i].name,
                  g_object_new (ADW_TYPE_STATUS_PAGE,
                                "title", _(tables[i].label),
                                "icon-name", "x-office-spreadsheet-symbolic",
                                NULL));

  replace_page (self, "imports", g_object_new (ADW_TYPE_STATUS_PAGE,
                                               "title", _("Imports"), NULL));
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

  page = gtk_stack_get_child_by_name (self->content_stack, table);
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
}
