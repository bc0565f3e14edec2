/* sales-chart-save.h: saving and copying charts from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sales-chart.h"

G_BEGIN_DECLS

GdkTexture *sales_chart_texture_new  (SalesChart            *chart,
                                      const SalesChartTheme *theme,
                                      int                    width,
                                      int                    height,
                                      int                    scale);
gboolean    sales_chart_export_write (SalesChart            *chart,
                                      const char            *path,
                                      int                    width,
                                      int                    height,
                                      int                    scale,
                                      GError               **error);
void        sales_chart_export_ask   (SalesChart            *chart,
                                      GtkWidget             *parent,
                                      const char            *format);

G_END_DECLS

G_BEGIN_DECLS

/* Called with the chosen file, or %NULL when the user cancelled. */
typedef void (*SalesSaveCallback) (GFile    *file,
                                   gpointer  data);

void        sales_gui_choose_save_file (GtkWidget        *parent,
                                        const char       *title,
                                        const char       *suggested_name,
                                        const char       *extension,
                                        SalesSaveCallback callback,
                                        gpointer          data,
                                        GDestroyNotify    destroy);
void        sales_gui_report_saved     (GtkWidget        *widget,
                                        GFile            *file,
                                        const GError     *error);

G_END_DECLS
