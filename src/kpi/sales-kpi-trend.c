/* sales-kpi-trend.c: a KPI per week, month or quarter, or per owner or
 * source
 *
 * All buckets of a trend, and all groups of a breakdown, are computed
 * from one fetch of the roll-up with the same functions as a single
 * value: a bucket's result is exactly what sales_kpi_evaluate() returns
 * for the bucket's period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-kpi-private.h"

/* The first day of the bucket holding @day. */
static void
bucket_start (GDate       *day,
              SalesBucket  bucket,
              guint        fiscal_start_month)
{
  guint back;

  switch (bucket)
    {
    case SALES_BUCKET_WEEK:
      /* Weeks start on Monday (ISO 8601). */
      g_date_subtract_days (day, g_date_get_weekday (day) - G_DATE_MONDAY);
      break;
    case SALES_BUCKET_QUARTER:
      back = (g_date_get_month (day) + 12 - fiscal_start_month) % 3;
      g_date_set_day (day, 1);
      g_date_subtract_months (day, back);
      break;
    case SALES_BUCKET_MONTH:
    default:
      g_date_set_day (day, 1);
      break;
    }
}

static void
bucket_next (GDate       *day,
             SalesBucket  bucket)
{
  if (bucket == SALES_BUCKET_WEEK)
    g_date_add_days (day, 7);
  else
    g_date_add_months (day, bucket == SALES_BUCKET_QUARTER ? 3 : 1);
}

/**
 * sales_kpi_split_period:
 * @range: a period
 * @bucket: the bucket size
 * @fiscal_start_month: the month quarters are counted from, 1 to 12
 *
 * Splits @range at week starts (Monday), month starts or fiscal quarter
 * starts; the first and last buckets are cut to @range.
 *
 * Returns: (transfer full) (element-type SalesPeriod): consecutive
 *   periods covering @range
 */
GArray *
sales_kpi_split_period (const SalesPeriod *range,
                        SalesBucket        bucket,
                        guint              fiscal_start_month)
{
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (SalesPeriod));
  GDate from, to, start, end;

  g_return_val_if_fail (range != NULL, periods);
  g_return_val_if_fail (fiscal_start_month >= 1 && fiscal_start_month <= 12,
                        periods);

  sales_period_get_dates (range, &from, &to);
  start = from;
  bucket_start (&start, bucket, fiscal_start_month);

  while (g_date_compare (&start, &to) < 0)
    {
      SalesPeriod period;

      end = start;
      bucket_next (&end, bucket);
      sales_period_set_dates (&period,
                              g_date_compare (&start, &from) < 0 ? &from
                                                                 : &start,
                              g_date_compare (&end, &to) > 0 ? &to : &end);
      g_array_append_val (periods, period);
      start = end;
    }

  return periods;
}

static void
point_clear (gpointer data)
{
  SalesKpiPoint *point = data;

  g_clear_pointer (&point->result, sales_kpi_result_free);
}

static void
group_clear (gpointer data)
{
  SalesKpiGroup *group = data;

  g_clear_pointer (&group->label, g_free);
  g_clear_pointer (&group->result, sales_kpi_result_free);
}

typedef struct
{
  const char  *id;
  GArray      *buckets;
  const char  *by;
} TrendRequest;

static GArray *
points_from_results (GArray    *buckets,
                     GPtrArray *results)
{
  GArray *points = g_array_sized_new (FALSE, TRUE, sizeof (SalesKpiPoint),
                                      buckets->len);

  g_array_set_clear_func (points, point_clear);
  for (guint i = 0; i < buckets->len; i++)
    {
      SalesKpiPoint point;

      point.period = g_array_index (buckets, SalesPeriod, i);
      point.result = g_ptr_array_steal_index (results, 0);
      g_array_append_val (points, point);
    }

  return points;
}

static gpointer
trend_in_scope (SalesKpiScope  *scope,
                gpointer        data,
                GError        **error)
{
  TrendRequest *request = data;
  g_autoptr(GPtrArray) results = NULL;

  _sales_kpi_scope_set_buckets (scope, request->buckets);
  results = _sales_kpi_compute_groups (scope, request->id, error);
  if (results == NULL)
    return NULL;

  return points_from_results (request->buckets, results);
}

/**
 * sales_kpi_trend:
 * @db: a connection to a workspace, owned by the calling thread
 * @kpi_id: one of the twelve ids
 * @range: the periods the buckets cover
 * @bucket: week, month or (fiscal) quarter
 * @filter: (nullable): owner and source filters
 * @settings: (nullable): variants and settings
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SalesKpiPoint) (nullable): one
 *   point per bucket (see sales_kpi_split_period()), freed with the
 *   array; %NULL with an error for an unknown id or a failed read
 */
GArray *
sales_kpi_trend (sqlite3                 *db,
                 const char              *kpi_id,
                 const SalesPeriod       *range,
                 SalesBucket              bucket,
                 const SalesKpiFilter    *filter,
                 const SalesKpiSettings  *settings,
                 GError                 **error)
{
  g_autoptr(GArray) buckets = NULL;
  TrendRequest request = { kpi_id, NULL, NULL };

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);
  g_return_val_if_fail (range != NULL, NULL);

  if (!_sales_kpi_check_id (kpi_id, error))
    return NULL;

  buckets = sales_kpi_split_period (range, bucket, settings != NULL
                                    ? settings->fiscal_year_start : 1);
  request.buckets = buckets;
  return _sales_kpi_with_scope (db, range, filter, settings, trend_in_scope,
                                &request, error);
}

static gpointer
trend_all_in_scope (SalesKpiScope  *scope,
                    gpointer        data,
                    GError        **error)
{
  TrendRequest *request = data;
  g_autoptr(GPtrArray) trends = g_ptr_array_new_with_free_func (
    (GDestroyNotify)g_array_unref);
  guint n;
  const SalesKpiInfo *infos = sales_kpi_get_all (&n);

  _sales_kpi_scope_set_buckets (scope, request->buckets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) results = NULL;

      results = _sales_kpi_compute_groups (scope, infos[i].id, error);
      if (results == NULL)
        return NULL;
      g_ptr_array_add (trends, points_from_results (request->buckets,
                                                    results));
    }

  return g_steal_pointer (&trends);
}

/**
 * sales_kpi_trend_all:
 * @db: a connection to a workspace, owned by the calling thread
 * @range: the periods the buckets cover
 * @bucket: week, month or (fiscal) quarter
 * @filter: (nullable): owner and source filters
 * @settings: (nullable): variants and settings
 * @error: return location for a #GError
 *
 * The trends of all twelve KPIs from one read of the roll-up, as the
 * dashboard needs them.
 *
 * Returns: (transfer full) (element-type GArray) (nullable): twelve
 *   arrays as sales_kpi_trend() returns them, in registry order
 */
GPtrArray *
sales_kpi_trend_all (sqlite3                 *db,
                     const SalesPeriod       *range,
                     SalesBucket              bucket,
                     const SalesKpiFilter    *filter,
                     const SalesKpiSettings  *settings,
                     GError                 **error)
{
  g_autoptr(GArray) buckets = NULL;
  TrendRequest request = { NULL, NULL, NULL };

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (range != NULL, NULL);

  buckets = sales_kpi_split_period (range, bucket, settings != NULL
                                    ? settings->fiscal_year_start : 1);
  request.buckets = buckets;
  return _sales_kpi_with_scope (db, range, filter, settings,
                                trend_all_in_scope, &request, error);
}

static gpointer
breakdown_in_scope (SalesKpiScope  *scope,
                    gpointer        data,
                    GError        **error)
{
  TrendRequest *request = data;
  g_autoptr(GPtrArray) results = NULL;
  GArray *groups;

  if (!_sales_kpi_scope_set_breakdown (scope, request->by, error))
    return NULL;
  results = _sales_kpi_compute_groups (scope, request->id, error);
  if (results == NULL)
    return NULL;

  groups = g_array_sized_new (FALSE, TRUE, sizeof (SalesKpiGroup),
                              results->len);
  g_array_set_clear_func (groups, group_clear);
  for (guint i = 0; i < results->len; i++)
    {
      SalesKpiGroup group;

      group.label = g_strdup (_sales_kpi_scope_get_group (scope, i)->key);
      group.result = g_steal_pointer (&results->pdata[i]);
      g_array_append_val (groups, group);
    }

  return groups;
}

/**
 * sales_kpi_breakdown:
 * @db: a connection to a workspace, owned by the calling thread
 * @kpi_id: one of the twelve ids
 * @period: the period P
 * @by: "owner" or "source"
 * @filter: (nullable): filters; the one on @by is replaced per group
 * @settings: (nullable): variants and settings
 * @error: return location for a #GError
 *
 * One group per owner (or source) with data in P, sorted by name, "" for
 * rows without one. Each group's result is the KPI evaluated with that
 * owner (or source) as filter, inheritance rules included.
 *
 * Returns: (transfer full) (element-type SalesKpiGroup) (nullable): the
 *   groups, freed with the array; %NULL with %SALES_ERROR_INVALID for an
 *   unknown id or @by, or %SALES_ERROR_SQL
 */
GArray *
sales_kpi_breakdown (sqlite3                 *db,
                     const char              *kpi_id,
                     const SalesPeriod       *period,
                     const char              *by,
                     const SalesKpiFilter    *filter,
                     const SalesKpiSettings  *settings,
                     GError                 **error)
{
  TrendRequest request = { kpi_id, NULL, by };

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (by != NULL, NULL);

  if (!_sales_kpi_check_id (kpi_id, error))
    return NULL;
  if (!g_str_equal (by, "owner") && !g_str_equal (by, "source"))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("A breakdown is by “owner” or “source”, not “%s”"), by);
      return NULL;
    }

  return _sales_kpi_with_scope (db, period, filter, settings,
                                breakdown_in_scope, &request, error);
}
