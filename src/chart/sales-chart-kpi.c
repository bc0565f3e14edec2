/* sales-chart-kpi.c: charts of the KPI engine's results
 *
 * Turns trends, breakdowns and single results into SalesCharts with the
 * chrome every export carries: what is shown, for which period and
 * filters, the formula, the row counts and "data as of".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "sales-chart-kpi.h"
#include "sales-error.h"

/* A trend shows at least this many months, ending with the period. */
#define TREND_MONTHS 12
#define TREND_QUARTERS 8

/**
 * sales_chart_by_from_string:
 * @text: "month", "quarter", "owner" or "source"
 * @by: (out): the grouping
 *
 * Returns: %FALSE for any other text
 */
gboolean
sales_chart_by_from_string (const char   *text,
                            SalesChartBy *by)
{
  static const char *const names[] = { "month", "quarter", "owner",
                                       "source" };

  g_return_val_if_fail (text != NULL && by != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *by = (SalesChartBy)i;
        return TRUE;
      }
  return FALSE;
}

SalesChartUnit
sales_chart_unit_for_kpi (SalesKpiUnit unit)
{
  switch (unit)
    {
    case SALES_KPI_UNIT_DAYS:
      return SALES_CHART_UNIT_DAYS;
    case SALES_KPI_UNIT_HOURS:
      return SALES_CHART_UNIT_HOURS;
    case SALES_KPI_UNIT_PERCENT:
      return SALES_CHART_UNIT_PERCENT;
    case SALES_KPI_UNIT_MONEY:
      return SALES_CHART_UNIT_MONEY;
    case SALES_KPI_UNIT_RATIO:
    default:
      return SALES_CHART_UNIT_RATIO;
    }
}

static gboolean
is_month_start (const GDate *date)
{
  return g_date_get_day (date) == 1;
}

/**
 * sales_chart_period_label:
 * @period: a period
 *
 * Returns: (transfer full): "2025", "Q2 2025", "Mar 2025", "Jan – Jun
 *   2025", "Nov 2024 – Jan 2025" or, for other ranges, "3 – 17 Mar 2025"
 */
char *
sales_chart_period_label (const SalesPeriod *period)
{
  g_autofree char *first = NULL;
  g_autofree char *last_text = NULL;
  GDate from, to, last;
  int months;
  gboolean same_year;

  g_return_val_if_fail (period != NULL, NULL);

  sales_period_get_dates (period, &from, &to);
  last = to;
  g_date_subtract_days (&last, 1);
  same_year = g_date_get_year (&from) == g_date_get_year (&last);
  months = ((int)g_date_get_year (&to) - (int)g_date_get_year (&from)) * 12 +
           (int)g_date_get_month (&to) - (int)g_date_get_month (&from);

  if (is_month_start (&from) && is_month_start (&to))
    {
      if (months == 12 && g_date_get_month (&from) == G_DATE_JANUARY)
        return sales_chart_format_date (&from, SALES_CHART_DATE_YEAR, TRUE);
      if (months == 3 && (g_date_get_month (&from) - 1) % 3 == 0)
        return sales_chart_format_date (&from, SALES_CHART_DATE_QUARTER,
                                        TRUE);
      if (months == 1)
        return sales_chart_format_date (&from, SALES_CHART_DATE_MONTH, TRUE);

      first = sales_chart_format_date (&from, SALES_CHART_DATE_MONTH,
                                       !same_year);
      last_text = sales_chart_format_date (&last, SALES_CHART_DATE_MONTH,
                                           TRUE);
    }
  else
    {
      first = sales_chart_format_date (&from, SALES_CHART_DATE_DAY,
                                       !same_year);
      last_text = sales_chart_format_date (&last, SALES_CHART_DATE_DAY, TRUE);
    }

  return g_strdup_printf ("%s – %s", first, last_text);
}

/**
 * sales_chart_kpi_filter_text:
 * @filter: (nullable): owner and source filters
 *
 * Returns: (transfer full): "all owners and sources", "owner: Ada", ...
 */
char *
sales_chart_kpi_filter_text (const SalesKpiFilter *filter)
{
  if (filter == NULL || (filter->owner == NULL && filter->source == NULL))
    return g_strdup (_("all owners and sources"));
  if (filter->source == NULL)
    return g_strdup_printf (_("owner: %s"), filter->owner);
  if (filter->owner == NULL)
    return g_strdup_printf (_("source: %s"), filter->source);
  return g_strdup_printf (_("owner: %s · source: %s"), filter->owner,
                          filter->source);
}

/**
 * sales_chart_kpi_counts_text:
 * @result: a KPI result
 *
 * Returns: (transfer full): "Numerator 52 · denominator 131 · 131 rows
 *   counted · 4 excluded (no close date)"
 */
char *
sales_chart_kpi_counts_text (const SalesKpiResult *result)
{
  g_autofree char *numerator = NULL;
  g_autofree char *denominator = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (result != NULL, NULL);

  numerator = sales_chart_format_number (result->numerator,
                                         result->numerator ==
                                         (gint64)result->numerator ? 0 : 2,
                                         NULL);
  denominator = sales_chart_format_number (result->denominator,
                                           result->denominator ==
                                           (gint64)result->denominator ? 0
                                                                       : 2,
                                           NULL);
  g_string_append_printf (text, _("Numerator %s · denominator %s · "),
                          numerator, denominator);
  g_string_append_printf (text, ngettext ("%" PRId64 " row counted",
                                          "%" PRId64 " rows counted",
                                          (gulong)MIN (result->count, 2)),
                          result->count);
  g_string_append_printf (text, _(" · %" PRId64 " excluded"),
                          result->excluded);
  if (result->excluded > 0 && result->excluded_reason != NULL)
    g_string_append_printf (text, " (%s)", result->excluded_reason);

  return g_string_free (text, FALSE);
}

/**
 * sales_chart_kpi_as_of_text:
 * @source: a source
 *
 * Returns: (transfer full): "Data as of 3 Dec 2026 17:20", from
 *   @source->as_of or the current time
 */
char *
sales_chart_kpi_as_of_text (const SalesChartKpiSource *source)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;

  if (source->as_of != NULL)
    return g_strdup_printf (_("Data as of %s"), source->as_of);

  now = g_date_time_new_now_local ();
  /* Translators: a strftime format for "data as of" footers. */
  stamp = g_date_time_format (now, _("%-d %b %Y %H:%M"));
  return g_strdup_printf (_("Data as of %s"), stamp);
}

/* The formula, the counts of the whole period and "data as of". */
static void
add_footer (SalesChart                *chart,
            const SalesChartKpiSource *source,
            const SalesKpiResult      *result)
{
  g_autofree char *formula = NULL;
  g_autofree char *counts = sales_chart_kpi_counts_text (result);
  g_autofree char *as_of = sales_chart_kpi_as_of_text (source);
  g_autofree char *line = NULL;

  if (source->no_footer)
    return;

  formula = g_strdup_printf (_("%s = %s"), _(result->info->label),
                             result->formula != NULL ? result->formula : "");
  line = g_strdup_printf ("%s · %s", counts, as_of);
  sales_chart_add_footer (chart, formula);
  sales_chart_add_footer (chart, line);
}

static SalesChart *
new_chart (SalesChartKind             kind,
           const SalesChartKpiSource *source,
           const SalesKpiInfo        *info)
{
  SalesChart *chart = sales_chart_new (kind);

  sales_chart_set_unit (chart, sales_chart_unit_for_kpi (info->unit),
                        source->currency);
  sales_chart_set_higher_is_better (chart, info->higher_is_better);
  return chart;
}

static void
append_result (SalesChart           *chart,
               guint                 series,
               const SalesKpiResult *result)
{
  if (result != NULL && result->has_value)
    sales_chart_series_append (chart, series, result->value);
  else
    sales_chart_series_append_null (chart, series);
}

/* The trend range: at least a year of months (or two of quarters)
 * ending with @period, or @period itself when it is longer.
 */
/**
 * sales_chart_kpi_trend_range:
 * @period: the period a trend ends with
 * @bucket: months or quarters
 * @range: (out): the range the trend covers
 */
void
sales_chart_kpi_trend_range (const SalesPeriod *period,
                             SalesBucket        bucket,
                             SalesPeriod       *range)
{
  GDate from, to, start;

  sales_period_get_dates (period, &from, &to);
  start = to;
  g_date_set_day (&start, 1);
  if (g_date_get_day (&to) != 1)
    g_date_add_months (&start, 1);
  g_date_subtract_months (&start, bucket == SALES_BUCKET_QUARTER
                                  ? TREND_QUARTERS * 3 : TREND_MONTHS);
  if (g_date_compare (&from, &start) < 0)
    start = from;
  sales_period_set_dates (range, &start, &to);
}

static SalesChartDateUnit
date_unit_of (SalesBucket bucket)
{
  switch (bucket)
    {
    case SALES_BUCKET_WEEK:
      return SALES_CHART_DATE_WEEK;
    case SALES_BUCKET_QUARTER:
      return SALES_CHART_DATE_QUARTER;
    case SALES_BUCKET_MONTH:
    default:
      return SALES_CHART_DATE_MONTH;
    }
}

static void
set_trend_labels (SalesChart *chart,
                  guint       series,
                  GArray     *points,
                  SalesBucket bucket)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < points->len; i++)
    {
      const SalesKpiPoint *p = &g_array_index (points, SalesKpiPoint, i);
      GDate from, to;

      sales_period_get_dates (&p->period, &from, &to);
      g_ptr_array_add (labels, sales_chart_format_date (&from,
                                                        date_unit_of (bucket),
                                                        TRUE));
    }
  g_ptr_array_add (labels, NULL);
  sales_chart_series_set_labels (chart, series,
                                 (const char *const *)labels->pdata);
}

static void
set_titles (SalesChart           *chart,
            const SalesKpiInfo   *info,
            const char           *by_text,
            const SalesPeriod    *shown,
            const SalesPeriod    *compared,
            const SalesKpiFilter *filter)
{
  g_autofree char *title = g_strdup_printf ("%s %s", _(info->label), by_text);
  g_autofree char *span = sales_chart_period_label (shown);
  g_autofree char *filters = sales_chart_kpi_filter_text (filter);
  g_autofree char *subtitle = NULL;

  if (compared != NULL)
    {
      g_autofree char *before = sales_chart_period_label (compared);

      subtitle = g_strdup_printf (_("%s · compared with %s · %s"), span,
                                  before, filters);
    }
  else
    subtitle = g_strdup_printf ("%s · %s", span, filters);

  sales_chart_set_title (chart, title);
  sales_chart_set_subtitle (chart, subtitle);
}

/**
 * sales_chart_kpi_trend_chart:
 * @source: currency and footer settings
 * @info: the KPI
 * @bucket: months or quarters
 * @range: the range of @now
 * @previous: the range of @before
 * @now: (element-type SalesKpiPoint): the trend
 * @before: (element-type SalesKpiPoint): the comparison trend
 * @whole: the KPI over the whole period, for the footer and empty reason
 *
 * Returns: (transfer full): a line chart, the comparison dashed
 */
SalesChart *
sales_chart_kpi_trend_chart (const SalesChartKpiSource *source,
                             const SalesKpiInfo        *info,
                             SalesBucket                bucket,
                             const SalesPeriod         *range,
                             const SalesPeriod         *previous,
                             GArray                    *now,
                             GArray                    *before,
                             const SalesKpiResult      *whole)
{
  SalesChart *chart;
  g_autofree char *now_label = sales_chart_period_label (range);
  g_autofree char *before_label = sales_chart_period_label (previous);
  guint current, compared;

  g_return_val_if_fail (source != NULL && info != NULL, NULL);
  g_return_val_if_fail (now != NULL && before != NULL && whole != NULL, NULL);

  chart = new_chart (SALES_CHART_LINE, source, info);
  set_titles (chart, info, bucket == SALES_BUCKET_QUARTER ? _("by quarter")
                                                         : _("by month"),
              range, previous, source->filter);
  current = sales_chart_add_series (chart, now_label,
                                    SALES_CHART_SERIES_PRIMARY);
  compared = sales_chart_add_series (chart, before_label,
                                     SALES_CHART_SERIES_COMPARISON);
  for (guint i = 0; i < now->len; i++)
    {
      const SalesKpiPoint *p = &g_array_index (now, SalesKpiPoint, i);

      sales_chart_add_date (chart, p->period.from, date_unit_of (bucket));
      append_result (chart, current, p->result);
      append_result (chart, compared, i < before->len
                     ? g_array_index (before, SalesKpiPoint, i).result
                     : NULL);
    }
  set_trend_labels (chart, compared, before, bucket);
  sales_chart_set_empty_reason (chart, whole->reason);
  add_footer (chart, source, whole);
  return chart;
}

static SalesChart *
trend_chart (const SalesChartKpiSource *source,
             const SalesKpiInfo        *info,
             SalesBucket                bucket,
             const SalesPeriod         *period,
             const SalesKpiResult      *whole,
             GError                   **error)
{
  g_autoptr(GArray) now = NULL;
  g_autoptr(GArray) before = NULL;
  SalesPeriod range, previous;

  sales_chart_kpi_trend_range (period, bucket, &range);
  sales_period_compare (&range, SALES_COMPARE_PREVIOUS, &previous);
  now = sales_kpi_trend (source->db, info->id, &range, bucket, source->filter,
                         source->settings, error);
  if (now == NULL)
    return NULL;
  before = sales_kpi_trend (source->db, info->id, &previous, bucket,
                            source->filter, source->settings, error);
  if (before == NULL)
    return NULL;

  return sales_chart_kpi_trend_chart (source, info, bucket, &range,
                                      &previous, now, before, whole);
}

/**
 * sales_chart_kpi_breakdown_chart:
 * @source: currency and footer settings
 * @info: the KPI
 * @by: "owner" or "source"
 * @period: the period of @groups
 * @groups: (element-type SalesKpiGroup): the breakdown
 * @whole: the KPI over the whole period, for the footer and empty reason
 *
 * Returns: (transfer full): horizontal bars, largest first
 */
SalesChart *
sales_chart_kpi_breakdown_chart (const SalesChartKpiSource *source,
                                 const SalesKpiInfo        *info,
                                 const char                *by,
                                 const SalesPeriod         *period,
                                 GArray                    *groups,
                                 const SalesKpiResult      *whole)
{
  SalesChart *chart;
  guint series;

  g_return_val_if_fail (source != NULL && info != NULL && by != NULL, NULL);
  g_return_val_if_fail (groups != NULL && whole != NULL, NULL);

  chart = new_chart (SALES_CHART_HBAR, source, info);
  set_titles (chart, info, g_str_equal (by, "owner") ? _("by owner")
                                                     : _("by source"),
              period, NULL, source->filter);
  series = sales_chart_add_series (chart, _(info->label),
                                   SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < groups->len; i++)
    {
      const SalesKpiGroup *g = &g_array_index (groups, SalesKpiGroup, i);

      sales_chart_add_category (chart, *g->label != '\0' ? g->label
                                                         : _("(none)"));
      append_result (chart, series, g->result);
    }
  sales_chart_sort_by_value (chart);
  sales_chart_set_empty_reason (chart, whole->reason);
  for (guint i = 0; whole->reason == NULL && i < groups->len; i++)
    {
      const SalesKpiGroup *g = &g_array_index (groups, SalesKpiGroup, i);

      /* Why each group is empty, when the whole has a value. */
      if (g->result != NULL && g->result->reason != NULL)
        {
          sales_chart_set_empty_reason (chart, g->result->reason);
          break;
        }
    }
  add_footer (chart, source, whole);
  return chart;
}

static SalesChart *
breakdown_chart (const SalesChartKpiSource *source,
                 const SalesKpiInfo        *info,
                 const char                *by,
                 const SalesPeriod         *period,
                 const SalesKpiResult      *whole,
                 GError                   **error)
{
  g_autoptr(GArray) groups = NULL;

  groups = sales_kpi_breakdown (source->db, info->id, period, by,
                                source->filter, source->settings, error);
  if (groups == NULL)
    return NULL;

  return sales_chart_kpi_breakdown_chart (source, info, by, period, groups,
                                          whole);
}

/**
 * sales_chart_kpi_new:
 * @source: the workspace connection, settings, filters and currency
 * @kpi_id: a KPI id of KPIS.md
 * @by: a trend by month or quarter (over at least a year ending with
 *   @period, with the previous period dashed), or a breakdown by owner or
 *   source for @period (sorted, largest first)
 * @period: the period
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the chart, with title, subtitle
 *   and footer; %NULL with %SALES_ERROR_NOT_FOUND for an unknown KPI, or
 *   the engine's error
 */
SalesChart *
sales_chart_kpi_new (const SalesChartKpiSource *source,
                     const char                *kpi_id,
                     SalesChartBy               by,
                     const SalesPeriod         *period,
                     GError                   **error)
{
  g_autoptr(SalesKpiResult) whole = NULL;
  const SalesKpiInfo *info;

  g_return_val_if_fail (source != NULL && source->db != NULL, NULL);
  g_return_val_if_fail (kpi_id != NULL && period != NULL, NULL);

  info = sales_kpi_lookup (kpi_id);
  if (info == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("There is no KPI “%s”."), kpi_id);
      return NULL;
    }

  whole = sales_kpi_evaluate (source->db, kpi_id, period, source->filter,
                              source->settings, error);
  if (whole == NULL)
    return NULL;

  switch (by)
    {
    case SALES_CHART_BY_OWNER:
    case SALES_CHART_BY_SOURCE:
      return breakdown_chart (source, info, by == SALES_CHART_BY_OWNER
                                            ? "owner" : "source",
                              period, whole, error);
    case SALES_CHART_BY_QUARTER:
      return trend_chart (source, info, SALES_BUCKET_QUARTER, period, whole,
                          error);
    case SALES_CHART_BY_MONTH:
    default:
      return trend_chart (source, info, SALES_BUCKET_MONTH, period, whole,
                          error);
    }
}

/**
 * sales_chart_kpi_tile:
 * @source: for the currency
 * @result: the KPI for the period
 * @previous: (nullable): the KPI for the comparison period
 * @before: (nullable): the comparison period, for "vs Q3 2025"
 * @trend: (nullable) (element-type SalesKpiPoint): the sparkline
 *
 * Returns: (transfer full): a KPI tile
 */
SalesChart *
sales_chart_kpi_tile (const SalesChartKpiSource *source,
                      const SalesKpiResult      *result,
                      const SalesKpiResult      *previous,
                      const SalesPeriod         *before,
                      GArray                    *trend)
{
  SalesChart *chart;
  g_autofree char *label = NULL;
  guint series;

  g_return_val_if_fail (source != NULL && result != NULL, NULL);

  chart = new_chart (SALES_CHART_TILE, source, result->info);
  sales_chart_set_title (chart, _(result->info->label));
  sales_chart_set_headline (chart, result->has_value, result->value);
  sales_chart_set_empty_reason (chart, result->reason);
  if (before != NULL)
    {
      g_autofree char *span = sales_chart_period_label (before);

      label = g_strdup_printf (_("vs %s"), span);
    }
  sales_chart_set_comparison (chart, previous != NULL && previous->has_value,
                              previous != NULL ? previous->value : 0, label);

  series = sales_chart_add_series (chart, _(result->info->label),
                                   SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; trend != NULL && i < trend->len; i++)
    {
      const SalesKpiPoint *p = &g_array_index (trend, SalesKpiPoint, i);

      sales_chart_add_date (chart, p->period.from, SALES_CHART_DATE_MONTH);
      append_result (chart, series, p->result);
    }
  return chart;
}
