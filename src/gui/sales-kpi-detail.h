/* sales-kpi-detail.h: one KPI explained: trend, breakdowns, formula
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-chart-kpi.h"
#include "sales-dashboard-job.h"

G_BEGIN_DECLS

#define SALES_TYPE_KPI_DETAIL (sales_kpi_detail_get_type ())

G_DECLARE_FINAL_TYPE (SalesKpiDetail, sales_kpi_detail, SALES, KPI_DETAIL,
                      AdwBin)

GtkWidget          *sales_kpi_detail_new        (void);
void                sales_kpi_detail_set_kpi    (SalesKpiDetail       *self,
                                                 const SalesKpiInfo   *info);
const SalesKpiInfo *sales_kpi_detail_get_kpi    (SalesKpiDetail       *self);
void                sales_kpi_detail_set_result (SalesKpiDetail       *self,
                                                 const SalesKpiResult *result,
                                                 const char           *currency,
                                                 const char           *period_text);
void                sales_kpi_detail_set_data   (SalesKpiDetail       *self,
                                                 const SalesDashboardData *data,
                                                 const SalesChartKpiSource *source,
                                                 const SalesPeriod    *period);
void                sales_kpi_detail_set_busy   (SalesKpiDetail       *self,
                                                 gboolean              busy);
GtkWidget          *sales_kpi_detail_get_trend_view (SalesKpiDetail   *self);

G_END_DECLS
