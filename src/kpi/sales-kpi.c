/* sales-kpi.c: evaluating KPIs for a period and a filter
 *
 * Each public call is one read transaction over the roll-up (see
 * sales-kpi-cache.c), so the numbers of one evaluation always come from
 * one consistent snapshot of the workspace, even while another window
 * writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sales-error.h"
#include "sales-kpi-private.h"

static char *
read_setting (sqlite3    *db,
              const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM main.settings"
                          " WHERE key = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return value;
}

static char *
read_variant (sqlite3    *db,
              const char *id)
{
  g_autofree char *key = g_strconcat ("variant.", id, NULL);
  char *value = read_setting (db, key);

  return value != NULL ? value : g_strdup ("default");
}

/* A setting outside its range falls back to the default. */
static double
read_number (sqlite3    *db,
             const char *key,
             double      fallback,
             double      low,
             double      high)
{
  g_autofree char *text = read_setting (db, key);
  char *end = NULL;
  double value;

  if (text == NULL)
    return fallback;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(value >= low && value <= high))
    return fallback;
  return value;
}

/**
 * sales_kpi_settings_load:
 * @settings: (out caller-allocates): the settings to fill
 * @db: a connection to a workspace
 *
 * Reads the variants ("variant.KPI_ID"), "gross_margin" (percent),
 * "lifespan_years" and "fiscal_year_start" from the workspace's settings;
 * missing or invalid values give the defaults. Free with
 * sales_kpi_settings_clear().
 */
void
sales_kpi_settings_load (SalesKpiSettings *settings,
                         sqlite3          *db)
{
  g_return_if_fail (settings != NULL);
  g_return_if_fail (db != NULL);

  settings->win_rate = read_variant (db, "win_rate");
  settings->sales_cycle_days = read_variant (db, "sales_cycle_days");
  settings->customer_lifetime_value = read_variant (db,
                                                    "customer_lifetime_value");
  settings->forecast_accuracy = read_variant (db, "forecast_accuracy");
  settings->gross_margin = read_number (db, "gross_margin", 100.0, 0.0,
                                        100.0) / 100.0;
  settings->lifespan_years = read_number (db, "lifespan_years", 3.0, 0.0,
                                          1000.0);
  settings->fiscal_year_start = (guint)read_number (db, "fiscal_year_start",
                                                    1.0, 1.0, 12.0);
}

void
sales_kpi_settings_clear (SalesKpiSettings *settings)
{
  g_return_if_fail (settings != NULL);

  g_clear_pointer (&settings->win_rate, g_free);
  g_clear_pointer (&settings->sales_cycle_days, g_free);
  g_clear_pointer (&settings->customer_lifetime_value, g_free);
  g_clear_pointer (&settings->forecast_accuracy, g_free);
}

/**
 * _sales_kpi_compute_groups:
 * @scope: a scope
 * @id: a KPI id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): one result per group of @scope
 */
GPtrArray *
_sales_kpi_compute_groups (SalesKpiScope  *scope,
                           const char     *id,
                           GError        **error)
{
  const SalesKpiDefinition *definition = _sales_kpi_definition (id);
  g_autoptr(GPtrArray) results = NULL;
  guint n = _sales_kpi_scope_get_n_groups (scope);

  results = g_ptr_array_new_full (n, (GDestroyNotify)sales_kpi_result_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (results,
                     definition->compute (scope, i, &definition->info));

  if (!_sales_kpi_scope_take_error (scope, error))
    return NULL;
  return g_steal_pointer (&results);
}

/**
 * _sales_kpi_with_scope:
 *
 * Runs @func on a fresh scope over @range inside one read transaction.
 *
 * Returns: what @func returns
 */
gpointer
_sales_kpi_with_scope (sqlite3                *db,
                       const SalesPeriod      *range,
                       const SalesKpiFilter   *filter,
                       const SalesKpiSettings *settings,
                       SalesKpiScopeFunc       func,
                       gpointer                data,
                       GError                **error)
{
  g_autoptr(SalesKpiScope) scope = NULL;
  const char *schema;
  gboolean began;
  gpointer result;

  if (!_sales_kpi_cache_begin (db, &schema, &began, error))
    return NULL;

  scope = _sales_kpi_scope_new (db, schema, settings, range, filter);
  result = func (scope, data, error);
  _sales_kpi_cache_end (db, began);

  return result;
}

static gpointer
evaluate_one (SalesKpiScope  *scope,
              gpointer        data,
              GError        **error)
{
  g_autoptr(GPtrArray) results = _sales_kpi_compute_groups (scope, data,
                                                            error);

  return results != NULL ? g_ptr_array_steal_index (results, 0) : NULL;
}

/**
 * sales_kpi_evaluate:
 * @db: a connection to a workspace, owned by the calling thread
 * @kpi_id: one of the twelve ids
 * @period: the period P
 * @filter: (nullable): owner and source filters
 * @settings: (nullable): variants and settings; %NULL for the defaults
 * @error: return location for a #GError
 *
 * Computes one KPI in one read transaction. A KPI without a value is not
 * an error: its result has @has_value %FALSE and a reason.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with
 *   %SALES_ERROR_INVALID for an unknown id or %SALES_ERROR_SQL when the
 *   workspace could not be read
 */
SalesKpiResult *
sales_kpi_evaluate (sqlite3                 *db,
                    const char              *kpi_id,
                    const SalesPeriod       *period,
                    const SalesKpiFilter    *filter,
                    const SalesKpiSettings  *settings,
                    GError                 **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!_sales_kpi_check_id (kpi_id, error))
    return NULL;

  return _sales_kpi_with_scope (db, period, filter, settings, evaluate_one,
                                (gpointer)kpi_id, error);
}

static gpointer
evaluate_every (SalesKpiScope  *scope,
                gpointer        data,
                GError        **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (
    (GDestroyNotify)sales_kpi_result_free);
  guint n;
  const SalesKpiInfo *infos = sales_kpi_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      SalesKpiResult *result = evaluate_one (scope, (gpointer)infos[i].id,
                                             error);

      if (result == NULL)
        return NULL;
      g_ptr_array_add (all, result);
    }

  return g_steal_pointer (&all);
}

/**
 * sales_kpi_evaluate_all:
 * @db: a connection to a workspace, owned by the calling thread
 * @period: the period P
 * @filter: (nullable): owner and source filters
 * @settings: (nullable): variants and settings; %NULL for the defaults
 * @error: return location for a #GError
 *
 * Computes the twelve KPIs in one read transaction.
 *
 * Returns: (transfer full) (nullable): the report, results in registry
 *   order, or %NULL with %SALES_ERROR_SQL
 */
SalesKpiReport *
sales_kpi_evaluate_all (sqlite3                 *db,
                        const SalesPeriod       *period,
                        const SalesKpiFilter    *filter,
                        const SalesKpiSettings  *settings,
                        GError                 **error)
{
  SalesKpiReport *report;
  GPtrArray *results;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  results = _sales_kpi_with_scope (db, period, filter, settings,
                                   evaluate_every, NULL, error);
  if (results == NULL)
    return NULL;

  report = g_new0 (SalesKpiReport, 1);
  report->period = *period;
  report->filter.owner = g_strdup (filter != NULL ? filter->owner : NULL);
  report->filter.source = g_strdup (filter != NULL ? filter->source : NULL);
  report->results = results;
  return report;
}

static gpointer
latest_day (SalesKpiScope  *scope,
            gpointer        data,
            GError        **error)
{
  sqlite3 *db = data;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *day = NULL;

  /* Activity only: forecasts and budgets may lie in the future. */
  sql = g_strdup_printf ("SELECT max (day) FROM %s.kpi_daily WHERE"
                         " leads + won + lost + created + purchases"
                         " + customers > 0",
                         _sales_kpi_scope_get_schema (scope));
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    day = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (day == NULL)
    g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                 _("The workspace has no dated leads, deals, customers or "
                   "purchases, so there is no period to show; import data "
                   "or give a period"));
  return day;
}

/**
 * sales_kpi_default_period:
 * @db: a connection to a workspace
 * @fiscal_start_month: the month fiscal quarters start from, 1 to 12
 * @period: (out): the latest complete quarter that has data
 * @error: return location for a #GError
 *
 * "Complete" is relative to the data, not to today: the quarter before
 * the one holding the day after the latest dated activity.
 *
 * Returns: %TRUE on success; %FALSE with %SALES_ERROR_NOT_FOUND when the
 *   workspace has no dated activity
 */
gboolean
sales_kpi_default_period (sqlite3      *db,
                          guint         fiscal_start_month,
                          SalesPeriod  *period,
                          GError      **error)
{
  g_autofree char *day = NULL;
  SalesPeriod whole;
  GDate next, start;
  int months;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (fiscal_start_month >= 1 && fiscal_start_month <= 12,
                        FALSE);

  sales_period_from_dates ("0001-01-01", "9999-01-01", &whole, NULL);
  day = _sales_kpi_with_scope (db, &whole, NULL, NULL, latest_day, db,
                               error);
  if (day == NULL)
    return FALSE;

  g_date_clear (&next, 1);
  g_date_set_dmy (&next, (GDateDay)atoi (day + 8),
                  (GDateMonth)atoi (day + 5), (GDateYear)atoi (day));
  g_date_add_days (&next, 1);

  /* The start of the fiscal quarter holding @next, then one before. */
  months = ((int)g_date_get_month (&next) - (int)fiscal_start_month + 12) % 3;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, g_date_get_month (&next),
                  g_date_get_year (&next));
  g_date_subtract_months (&start, (guint)months + 3);

  next = start;
  g_date_add_months (&next, 3);
  sales_period_set_dates (period, &start, &next);
  return TRUE;
}
