/* sales-window.h: a window on one workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-application.h"
#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_WINDOW (sales_window_get_type ())

G_DECLARE_FINAL_TYPE (SalesWindow, sales_window, SALES, WINDOW,
                      AdwApplicationWindow)

SalesWindow    *sales_window_new           (SalesApplication *app);
gboolean        sales_window_open_file     (SalesWindow      *self,
                                            GFile            *file);
void            sales_window_open_file_in_background (SalesWindow *self,
                                                      GFile       *file);
SalesWorkspace *sales_window_get_workspace (SalesWindow      *self);
void            sales_window_add_toast     (SalesWindow      *self,
                                            AdwToast         *toast);
void            sales_window_toast_saved   (SalesWindow      *self,
                                            GFile            *file);
void            sales_window_show_rows     (SalesWindow      *self,
                                            const char       *table,
                                            const char       *where,
                                            const char       *description);
const char     *sales_window_get_visible_page (SalesWindow   *self);
GtkWidget      *sales_window_get_page      (SalesWindow      *self,
                                            const char       *name);

G_END_DECLS
