/* sales-window-pages.h: the table and import pages of a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-window.h"

G_BEGIN_DECLS

void       sales_window_pages_rebuild    (SalesWindow *self);
GtkWidget *sales_window_pages_ensure     (SalesWindow *self,
                                          const char  *name);
void       sales_window_pages_set_filter (SalesWindow *self,
                                          const char  *table,
                                          const char  *where,
                                          const char  *description);

G_END_DECLS
