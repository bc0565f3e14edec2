/* sales-chart-view.h: a widget showing one chart of the chart layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sales-chart.h"

G_BEGIN_DECLS

#define SALES_TYPE_CHART_VIEW (sales_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SalesChartView, sales_chart_view, SALES, CHART_VIEW,
                      GtkWidget)

GtkWidget             *sales_chart_view_new          (void);
SalesChart            *sales_chart_view_get_chart    (SalesChartView *self);
void                   sales_chart_view_set_chart    (SalesChartView *self,
                                                      SalesChart     *chart);
gboolean               sales_chart_view_get_show_menu (SalesChartView *self);
void                   sales_chart_view_set_show_menu (SalesChartView *self,
                                                       gboolean        show);
const SalesChartTheme *sales_chart_view_get_theme    (SalesChartView *self);
char                  *sales_chart_view_dup_text_alternative
                                                     (SalesChartView *self);
GdkTexture            *sales_chart_view_render_texture (SalesChartView *self,
                                                        int             width,
                                                        int             height,
                                                        int             scale);

G_END_DECLS
