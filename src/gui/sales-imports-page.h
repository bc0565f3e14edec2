/* sales-imports-page.h: every import of a workspace, its rejects, revert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_IMPORTS_PAGE (sales_imports_page_get_type ())

G_DECLARE_FINAL_TYPE (SalesImportsPage, sales_imports_page, SALES,
                      IMPORTS_PAGE, GtkWidget)

GtkWidget *sales_imports_page_new (SalesWorkspace *workspace);

G_END_DECLS
