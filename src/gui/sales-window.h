/* sales-window.h
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
void            sales_window_open_file     (SalesWindow      *self,
                                            GFile            *file);
SalesWorkspace *sales_window_get_workspace (SalesWindow      *self);

G_END_DECLS
