/* sales-report-kpi.c: the dashboard report of the twelve KPIs
 *
 * One evaluation of all twelve for the period and for the previous
 * period, one trend read for the year ending with the period and one for
 * the year before, and one breakdown by owner per KPI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-kpi.h"
#include "sales-report.h"

typedef struct
{
  const SalesChartKpiSource *source;
  SalesPeriod                period;
  SalesPeriod                before;
  SalesPeriod                range;
  SalesPeriod                range_before;
  SalesKpiReport            *now;
  SalesKpiReport            *previous;
  GPtrArray                 *trends;          /* GArray of SalesKpiPoint */
  GPtrArray                 *trends_before;
} ReportData;

static void
report_data_clear (ReportData *data)
{
  g_clear_pointer (&data->now, sales_kpi_report_free);
  g_clear_pointer (&data->previous, sales_kpi_report_free);
  g_clear_pointer (&data->trends, g_ptr_array_unref);
  g_clear_pointer (&data->trends_before, g_ptr_array_unref);
}

static gboolean
evaluate (ReportData  *data,
          GError     **error)
{
  const SalesChartKpiSource *s = data->source;

  sales_period_compare (&data->period, SALES_COMPARE_PREVIOUS, &data->before);
  sales_chart_kpi_trend_range (&data->period, SALES_BUCKET_MONTH,
                               &data->range);
  sales_period_compare (&data->range, SALES_COMPARE_PREVIOUS,
                        &data->range_before);

  data->now = sales_kpi_evaluate_all (s->db, &data->period, s->filter,
                                      s->settings, error);
  if (data->now != NULL)
    data->previous = sales_kpi_evaluate_all (s->db, &data->before, s->filter,
                                             s->settings, error);
  if (data->previous != NULL)
    data->trends = sales_kpi_trend_all (s->db, &data->range,
                                        SALES_BUCKET_MONTH, s->filter,
                                        s->settings, error);
  if (data->trends != NULL)
    data->trends_before = sales_kpi_trend_all (s->db, &data->range_before,
                                               SALES_BUCKET_MONTH, s->filter,
                                               s->settings, error);
  return data->trends_before != NULL;
}

static char *
value_line (ReportData           *data,
            const SalesKpiResult *r,
            const SalesKpiResult *p)
{
  SalesChartUnit unit = sales_chart_unit_for_kpi (r->info->unit);
  g_autofree char *before = sales_chart_period_label (&data->before);
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;

  value = r->has_value ? sales_chart_format_value (r->value, unit,
                                                   data->source->currency,
                                                   FALSE, NULL)
                       : g_strdup ("—");
  old = p->has_value ? sales_chart_format_value (p->value, unit,
                                                 data->source->currency,
                                                 FALSE, NULL)
                     : g_strdup ("—");
  return g_strdup_printf (_("Value %s · %s in %s"), value, old, before);
}

static GStrv
details_of (ReportData           *data,
            const SalesKpiResult *r,
            const SalesKpiResult *p)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autofree char *formula = NULL;
  g_autofree char *value = value_line (data, r, p);
  g_autofree char *counts = sales_chart_kpi_counts_text (r);

  formula = g_strdup_printf (_("%s = %s"), _(r->info->label),
                             r->formula != NULL ? r->formula : "");
  g_strv_builder_add (lines, formula);
  g_strv_builder_add (lines, value);
  g_strv_builder_add (lines, counts);
  if (!r->has_value && r->reason != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("No value: %s"), r->reason);

      g_strv_builder_add (lines, line);
    }
  if (r->variant != NULL && !g_str_equal (r->variant, "default"))
    {
      g_autofree char *line = g_strdup_printf (_("Definition: %s"),
                                               r->variant);

      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}

static gboolean
add_kpi_page (SalesReport  *report,
              ReportData   *data,
              guint         i,
              GError      **error)
{
  const SalesKpiResult *r = g_ptr_array_index (data->now->results, i);
  const SalesKpiResult *p = g_ptr_array_index (data->previous->results, i);
  GArray *trend = g_ptr_array_index (data->trends, i);
  g_autoptr(SalesChart) tile = NULL;
  g_autoptr(SalesChart) line = NULL;
  g_autoptr(SalesChart) bars = NULL;
  g_autoptr(GArray) groups = NULL;
  g_auto(GStrv) details = NULL;

  groups = sales_kpi_breakdown (data->source->db, r->info->id, &data->period,
                                "owner", data->source->filter,
                                data->source->settings, error);
  if (groups == NULL)
    return FALSE;

  tile = sales_chart_kpi_tile (data->source, r, p, &data->before, trend);
  line = sales_chart_kpi_trend_chart (data->source, r->info,
                                      SALES_BUCKET_MONTH, &data->range,
                                      &data->range_before, trend,
                                      g_ptr_array_index (data->trends_before,
                                                         i), r);
  bars = sales_chart_kpi_breakdown_chart (data->source, r->info, "owner",
                                          &data->period, groups, r);
  details = details_of (data, r, p);

  sales_report_add_tile (report, tile);
  sales_report_add_page (report, tile, line, bars,
                         (const char *const *)details);
  return TRUE;
}

/* "1 Oct – 31 Dec 2025": the first and last day, the end included. */
static char *
days_label (const SalesPeriod *period)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate from, to;

  sales_period_get_dates (period, &from, &to);
  g_date_subtract_days (&to, 1);
  first = sales_chart_format_date (&from, SALES_CHART_DATE_DAY,
                                   g_date_get_year (&from) !=
                                   g_date_get_year (&to));
  last = sales_chart_format_date (&to, SALES_CHART_DATE_DAY, TRUE);
  return g_strdup_printf ("%s – %s", first, last);
}

static SalesReport *
new_report (ReportData *data,
            const char *workspace)
{
  g_autofree char *span = sales_chart_period_label (&data->period);
  g_autofree char *before = sales_chart_period_label (&data->before);
  g_autofree char *filters = sales_chart_kpi_filter_text (data->source->filter);
  g_autofree char *as_of = sales_chart_kpi_as_of_text (data->source);
  g_autofree char *days = days_label (&data->period);
  g_autofree char *period = NULL;
  g_autofree char *line = NULL;

  period = g_strdup_printf (_("%s (%s) compared with %s"), span, days,
                            before);
  line = g_strdup_printf (_("Filters: %s · %s"), filters, as_of);
  return sales_report_new (_("Sales KPI report"), workspace, period, line);
}

/**
 * sales_report_new_for_kpis:
 * @source: the workspace connection, settings, filters and currency
 * @workspace: the workspace's name for the cover
 * @period: the period
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a report with a cover of twelve
 *   tiles and a page per KPI, or %NULL with the KPI engine's error
 */
SalesReport *
sales_report_new_for_kpis (const SalesChartKpiSource *source,
                           const char                *workspace,
                           const SalesPeriod         *period,
                           GError                   **error)
{
  g_autoptr(SalesReport) report = NULL;
  ReportData data = { source, *period };
  SalesChartKpiSource quiet = *source;
  gboolean ok;

  g_return_val_if_fail (source != NULL && source->db != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* The pages print the formula and counts once, beside the charts. */
  quiet.no_footer = TRUE;
  data.source = &quiet;

  ok = evaluate (&data, error);
  if (ok)
    report = new_report (&data, workspace);
  for (guint i = 0; ok && i < data.now->results->len; i++)
    ok = add_kpi_page (report, &data, i, error);

  report_data_clear (&data);
  return ok ? g_steal_pointer (&report) : NULL;
}
