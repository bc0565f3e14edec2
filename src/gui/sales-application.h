/* sales-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SALES_TYPE_APPLICATION (sales_application_get_type ())

G_DECLARE_FINAL_TYPE (SalesApplication, sales_application, SALES, APPLICATION,
                      AdwApplication)

SalesApplication *sales_application_new (void);

void              sales_gui_register_resources (void);
void              sales_gui_init_i18n          (void);
GSettings        *sales_gui_settings_new       (void);

G_END_DECLS
