/* sales-preferences-window.h: the settings stored in a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_PREFERENCES_WINDOW (sales_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SalesPreferencesWindow, sales_preferences_window,
                      SALES, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *sales_preferences_window_new (SalesWorkspace *workspace);

G_END_DECLS
