/* sales-table-view-private.h: shared by the sales-table-view-*.c files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-cell.h"
#include "sales-row-model.h"
#include "sales-schema.h"
#include "sales-table-view.h"

G_BEGIN_DECLS

struct _SalesTableView
{
  GtkWidget             parent_instance;

  SalesWorkspace       *workspace;
  const SalesTableInfo *info;
  SalesRowModel        *model;
  GtkMultiSelection    *selection;
  GSettings            *settings;
  char                 *filter_description;
  GHashTable           *bound_cells;
  guint                 current_column;
  guint                 n_shown;
  int                   sort_probe;
  guint                 edit_source;
  gint64                edit_id;
  GtkNativeDialog      *export_chooser;
  GTask                *export_task;
  GCancellable         *export_cancellable;
  guint                 export_tick;
  guint                 export_total;
  gulong                changed_id;

  GtkWidget            *box;
  GtkSearchEntry       *search_entry;
  GtkColumnView        *column_view;
  GtkScrolledWindow    *scrolled_window;
  GtkRevealer          *filter_revealer;
  GtkLabel             *filter_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkLabel             *status_label;
  GtkSpinner           *busy_spinner;
  GtkBox               *export_box;
  GtkProgressBar       *export_progress;
  GtkMenuButton        *columns_button;
  GtkBox               *columns_box;
};

/* sales-table-view-columns.c */
void       _sales_table_view_add_columns  (SalesTableView *self);
void       _sales_table_view_sort_changed (SalesTableView *self);

/* sales-table-view-edit.c */
void       _sales_table_view_cell_commit  (SalesTableView *self,
                                           const char     *text,
                                           SalesCell      *cell);
void       _sales_table_view_install_edit_actions (GtkWidgetClass *klass);
void       _sales_table_view_update_actions (SalesTableView *self);
void       _sales_table_view_toast        (SalesTableView *self,
                                           const char     *message);

/* sales-table-view-export.c */
void       _sales_table_view_export       (SalesTableView *self);
void       _sales_table_view_export_start (SalesTableView *self,
                                           const char     *path);
void       _sales_table_view_export_cancel (SalesTableView *self);
void       _sales_table_view_export_dispose (SalesTableView *self);

/* For the table view's tests. */
SalesRowModel *sales_table_view_get_model (SalesTableView *self);
GtkSelectionModel *sales_table_view_get_selection (SalesTableView *self);
SalesCell *sales_table_view_find_cell     (SalesTableView *self,
                                           guint           position,
                                           const char     *column);
gboolean   sales_table_view_edit_cell     (SalesTableView *self,
                                           guint           position,
                                           const char     *column);
void       sales_table_view_scroll_to     (SalesTableView *self,
                                           guint           position);
void       sales_table_view_set_search    (SalesTableView *self,
                                           const char     *text);

G_END_DECLS
