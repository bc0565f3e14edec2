/* sales-gui-test.h: helpers shared by the table and import GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

void            sales_gui_test_init            (int          *argc,
                                                char       ***argv);
void            sales_gui_test_spin            (void);
gboolean        sales_gui_test_wait_for        (gboolean    (*done) (gpointer),
                                                gpointer      data,
                                                guint         timeout_ms);
void            sales_gui_test_add_opportunities (SalesWorkspace *workspace,
                                                  guint           n_rows);
gint64          sales_gui_test_query_int       (SalesWorkspace *workspace,
                                                const char     *sql);
char           *sales_gui_test_query_text      (SalesWorkspace *workspace,
                                                const char     *sql);
GtkWindow      *sales_gui_test_show            (GtkWidget      *child,
                                                int             width,
                                                int             height);
SalesWorkspace *sales_gui_test_create_workspace (const char     *dir,
                                                const char     *name);
gpointer        sales_gui_test_wait_for_cell   (gpointer        table_view,
                                                guint           position,
                                                const char     *column);
void            sales_gui_test_snapshot        (GtkWidget      *widget,
                                                const char     *name);
void            sales_gui_test_close           (GtkWindow      *window);
gboolean        sales_gui_test_find_label      (GtkWidget      *root,
                                                const char     *text);

G_END_DECLS
