/* gui-test-util.h: helpers for the GUI tests and the screenshot tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-dashboard.h"
#include "sales-gui-test.h"
#include "sales-window.h"

G_BEGIN_DECLS

void         gui_test_init              (int          *argc,
                                         char       ***argv);
void         gui_test_wait_ms           (guint         ms);
void         gui_test_wait_refreshed    (SalesDashboard *dashboard);
SalesWindow *gui_test_open_window       (const char   *path,
                                         int           width,
                                         int           height);
void         gui_test_close_window      (SalesWindow  *window);
GdkTexture  *gui_test_render            (GtkWidget    *widget);
void         gui_test_save_png          (GtkWidget    *widget,
                                         const char   *path);
char        *gui_test_make_demo         (const char   *dir);
void         gui_test_pin_today         (SalesDashboard *dashboard,
                                         SalesWorkspace *workspace);

G_END_DECLS
