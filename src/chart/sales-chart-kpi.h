/* sales-chart-kpi.h: charts of the KPI engine's results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-chart.h"
#include "sales-kpi.h"

G_BEGIN_DECLS

/* Where the numbers come from: a connection the caller owns, the
 * workspace's settings and currency, the filters, and the "data as of"
 * text of every footer.
 */
typedef struct
{
  sqlite3                *db;
  const SalesKpiSettings *settings;
  const SalesKpiFilter   *filter;
  const char             *currency;
  const char             *as_of;       /* (nullable): now when %NULL */
  gboolean                no_footer;   /* the report prints it instead */
} SalesChartKpiSource;

typedef enum
{
  SALES_CHART_BY_MONTH,
  SALES_CHART_BY_QUARTER,
  SALES_CHART_BY_OWNER,
  SALES_CHART_BY_SOURCE,
} SalesChartBy;

gboolean     sales_chart_by_from_string   (const char                *text,
                                           SalesChartBy              *by);
SalesChartUnit sales_chart_unit_for_kpi   (SalesKpiUnit               unit);
char        *sales_chart_period_label     (const SalesPeriod         *period);
char        *sales_chart_kpi_counts_text  (const SalesKpiResult      *result);
char        *sales_chart_kpi_as_of_text   (const SalesChartKpiSource *source);
char        *sales_chart_kpi_filter_text  (const SalesKpiFilter      *filter);

SalesChart  *sales_chart_kpi_new          (const SalesChartKpiSource *source,
                                           const char                *kpi_id,
                                           SalesChartBy               by,
                                           const SalesPeriod         *period,
                                           GError                   **error);
SalesChart  *sales_chart_kpi_tile         (const SalesChartKpiSource *source,
                                           const SalesKpiResult      *result,
                                           const SalesKpiResult      *previous,
                                           const SalesPeriod         *before,
                                           GArray                    *trend);
void         sales_chart_kpi_trend_range  (const SalesPeriod         *period,
                                           SalesBucket                bucket,
                                           SalesPeriod               *range);
SalesChart  *sales_chart_kpi_trend_chart  (const SalesChartKpiSource *source,
                                           const SalesKpiInfo        *info,
                                           SalesBucket                bucket,
                                           const SalesPeriod         *range,
                                           const SalesPeriod         *previous,
                                           GArray                    *now,
                                           GArray                    *before,
                                           const SalesKpiResult      *whole);
SalesChart  *sales_chart_kpi_breakdown_chart (const SalesChartKpiSource *source,
                                              const SalesKpiInfo     *info,
                                              const char             *by,
                                              const SalesPeriod      *period,
                                              GArray                 *groups,
                                              const SalesKpiResult   *whole);
SalesChart  *sales_chart_kpi_funnel       (const SalesChartKpiSource *source,
                                           const SalesPeriod         *period,
                                           GError                   **error);

/* The dashboard report of all twelve KPIs (sales-report-kpi.c). */
typedef struct _SalesReport SalesReport;

SalesReport *sales_report_new_for_kpis    (const SalesChartKpiSource *source,
                                           const char                *workspace,
                                           const SalesPeriod         *period,
                                           GError                   **error);

G_END_DECLS
