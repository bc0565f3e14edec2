/* sales-dashboard-job.c: one dashboard refresh, computed in a thread
 *
 * The thread has its own connection, so the window keeps writing while it
 * reads a consistent snapshot (WAL). Cancelling
 * interrupts the running statement, so a stale refresh stops at once
 * when the user picks another period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-kpi.h"
#include "sales-dashboard-job.h"
#include "sales-error.h"

/**
 * sales_dashboard_query_new:
 * @workspace: an open workspace
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a query with its own connection
 *   and the whole workspace as period, or %NULL when no connection opens
 */
SalesDashboardQuery *
sales_dashboard_query_new (SalesWorkspace  *workspace,
                           GError         **error)
{
  g_autoptr(SalesDashboardQuery) query = g_new0 (SalesDashboardQuery, 1);

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);

  /* Writable, so the job can store the KPI roll-up for later refreshes. */
  query->db = sales_workspace_open_connection (workspace, FALSE, error);
  if (query->db == NULL)
    return NULL;

  query->compare = SALES_COMPARE_PREVIOUS;
  return g_steal_pointer (&query);
}

void
sales_dashboard_query_free (SalesDashboardQuery *query)
{
  if (query == NULL)
    return;

  if (query->db != NULL)
    sqlite3_close (query->db);
  g_free (query->owner);
  g_free (query->source);
  g_free (query->detail_kpi);
  g_free (query);
}

void
sales_dashboard_data_free (SalesDashboardData *data)
{
  if (data == NULL)
    return;

  sales_kpi_settings_clear (&data->settings);
  g_clear_pointer (&data->current, sales_kpi_report_free);
  g_clear_pointer (&data->previous, sales_kpi_report_free);
  g_clear_pointer (&data->sparklines, g_ptr_array_unref);
  g_clear_pointer (&data->owners, g_strfreev);
  g_clear_pointer (&data->sources, g_strfreev);
  g_clear_pointer (&data->whole, sales_kpi_result_free);
  g_clear_pointer (&data->trend, g_array_unref);
  g_clear_pointer (&data->compare_trend, g_array_unref);
  g_clear_pointer (&data->by_owner, g_array_unref);
  g_clear_pointer (&data->by_source, g_array_unref);
  g_free (data);
}

static GStrv
distinct_values (sqlite3    *db,
                 const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_strv_builder_add (builder,
                          (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return g_strv_builder_end (builder);
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
compute_tiles (SalesDashboardQuery *query,
               SalesDashboardData  *data,
               const SalesKpiFilter *filter,
               GCancellable        *cancellable,
               GError             **error)
{
  SalesPeriod range;

  data->current = sales_kpi_evaluate_all (query->db, &query->period, filter,
                                          &data->settings, error);
  if (data->current == NULL || check_cancelled (cancellable, error))
    return FALSE;

  data->previous = sales_kpi_evaluate_all (query->db, &data->compare_period,
                                           filter, &data->settings, error);
  if (data->previous == NULL || check_cancelled (cancellable, error))
    return FALSE;

  sales_chart_kpi_trend_range (&query->period, SALES_BUCKET_MONTH, &range);
  data->sparklines = sales_kpi_trend_all (query->db, &range,
                                          SALES_BUCKET_MONTH, filter,
                                          &data->settings, error);
  if (data->sparklines == NULL || check_cancelled (cancellable, error))
    return FALSE;

  data->owners = distinct_values (query->db,
    "SELECT owner FROM leads WHERE owner <> ''"
    " UNION SELECT owner FROM opportunities WHERE owner <> ''"
    " UNION SELECT owner FROM forecasts WHERE owner <> '' ORDER BY 1");
  data->sources = distinct_values (query->db,
    "SELECT source FROM leads WHERE source <> ''"
    " UNION SELECT source FROM opportunities WHERE source <> ''"
    " ORDER BY 1");
  return TRUE;
}

static gboolean
compute_detail (SalesDashboardQuery  *query,
                SalesDashboardData   *data,
                const SalesKpiFilter *filter,
                GCancellable         *cancellable,
                GError              **error)
{
  const char *id = query->detail_kpi;

  sales_chart_kpi_trend_range (&query->period, SALES_BUCKET_MONTH,
                               &data->trend_range);
  sales_period_compare (&data->trend_range, query->compare,
                        &data->compare_range);

  data->whole = sales_kpi_evaluate (query->db, id, &query->period, filter,
                                    &data->settings, error);
  if (data->whole == NULL || check_cancelled (cancellable, error))
    return FALSE;

  data->trend = sales_kpi_trend (query->db, id, &data->trend_range,
                                 SALES_BUCKET_MONTH, filter, &data->settings,
                                 error);
  if (data->trend == NULL || check_cancelled (cancellable, error))
    return FALSE;

  data->compare_trend = sales_kpi_trend (query->db, id, &data->compare_range,
                                         SALES_BUCKET_MONTH, filter,
                                         &data->settings, error);
  if (data->compare_trend == NULL || check_cancelled (cancellable, error))
    return FALSE;

  data->by_owner = sales_kpi_breakdown (query->db, id, &query->period,
                                        "owner", filter, &data->settings,
                                        error);
  if (data->by_owner == NULL || check_cancelled (cancellable, error))
    return FALSE;

  data->by_source = sales_kpi_breakdown (query->db, id, &query->period,
                                         "source", filter, &data->settings,
                                         error);
  return data->by_source != NULL && !check_cancelled (cancellable, error);
}

/**
 * sales_dashboard_job_run:
 * @query: what to compute
 * @cancellable: (nullable): stops the job between and inside queries
 * @error: return location for a #GError
 *
 * Computes synchronously what @query asks, on @query's connection.
 *
 * Returns: (transfer full) (nullable): the results, or %NULL on error
 */
SalesDashboardData *
sales_dashboard_job_run (SalesDashboardQuery  *query,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(SalesDashboardData) data = g_new0 (SalesDashboardData, 1);
  SalesKpiFilter filter = { query->owner, query->source };

  g_return_val_if_fail (query != NULL && query->db != NULL, NULL);

  /* Building the roll-up once here spares every evaluation below a
   * private rebuild; a file that cannot be written still evaluates.
   */
  if (!sales_kpi_refresh (query->db, NULL))
    g_debug ("the KPI roll-up could not be stored; computing without it");
  sales_kpi_settings_load (&data->settings, query->db);
  sales_period_compare (&query->period, query->compare, &data->compare_period);

  if (query->want_tiles &&
      !compute_tiles (query, data, &filter, cancellable, error))
    return NULL;

  if (query->detail_kpi != NULL &&
      !compute_detail (query, data, &filter, cancellable, error))
    return NULL;

  return g_steal_pointer (&data);
}

static void
interrupt_cb (GCancellable *cancellable,
              sqlite3      *db)
{
  /* sqlite3_interrupt is safe from any thread while db is open. */
  sqlite3_interrupt (db);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SalesDashboardQuery *query = task_data;
  GError *error = NULL;
  SalesDashboardData *data;
  gulong handler = 0;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb),
                                     query->db, NULL);
  data = sales_dashboard_job_run (query, cancellable, &error);
  g_cancellable_disconnect (cancellable, handler);

  /* An interrupted statement reports itself as an SQL error. */
  if (data == NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&error);
      g_cancellable_set_error_if_cancelled (cancellable, &error);
    }

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data,
                           (GDestroyNotify)sales_dashboard_data_free);
}

/**
 * sales_dashboard_job_run_async:
 * @query: (transfer full): what to compute
 * @cancellable: (nullable): cancels the job
 * @callback: called in the caller's main context when done
 * @data: for @callback
 *
 * Runs sales_dashboard_job_run() in a worker thread.
 */
void
sales_dashboard_job_run_async (SalesDashboardQuery *query,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (query != NULL && query->db != NULL);

  task = g_task_new (NULL, cancellable, callback, data);
  g_task_set_source_tag (task, sales_dashboard_job_run_async);
  g_task_set_task_data (task, query,
                        (GDestroyNotify)sales_dashboard_query_free);
  g_task_run_in_thread (task, job_thread);
}

/**
 * sales_dashboard_job_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError (%G_IO_ERROR_CANCELLED when
 *   cancelled)
 *
 * Returns: (transfer full) (nullable): the results, or %NULL on error
 */
SalesDashboardData *
sales_dashboard_job_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
