/* sales-chart-kpi-funnel.c: the pipeline funnel of a period
 *
 * Leads created in the period, then the opportunities created in it, those
 * of them that reached qualification (qualified_at set, or won) and those
 * won. Counting both stages by the period keeps the funnel meaningful when
 * opportunities are not linked to their leads. An opportunity's creation
 * date, owner and source fall back to its lead's, as in KPIS.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-kpi.h"
#include "sales-error.h"
#include "sales-workspace.h"

static const char funnel_sql[] =
  "WITH o AS ("
  "  SELECT COALESCE (NULLIF (opp.created_at, ''), l.created_at) AS created,"
  "         COALESCE (NULLIF (opp.owner, ''), l.owner) AS owner,"
  "         COALESCE (NULLIF (opp.source, ''), l.source) AS source,"
  "         opp.qualified_at AS qualified_at, opp.outcome AS outcome"
  "  FROM opportunities AS opp"
  "  LEFT JOIN leads AS l ON l.external_id = opp.lead_ref)"
  " SELECT"
  "  (SELECT count(*) FROM leads WHERE created_at >= ?1 AND created_at < ?2"
  "     AND (?3 IS NULL OR owner = ?3) AND (?4 IS NULL OR source = ?4)),"
  "  count(*),"
  "  count(*) FILTER (WHERE NULLIF (qualified_at, '') IS NOT NULL"
  "                      OR outcome = 'won'),"
  "  count(*) FILTER (WHERE outcome = 'won')"
  " FROM o WHERE created >= ?1 AND created < ?2"
  "  AND (?3 IS NULL OR owner = ?3) AND (?4 IS NULL OR source = ?4)";

static gboolean
count_stages (sqlite3               *db,
              const SalesPeriod     *period,
              const SalesKpiFilter  *filter,
              gint64                 counts[4],
              GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, funnel_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, period->from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, period->to, -1, SQLITE_STATIC);
      if (filter != NULL && filter->owner != NULL)
        sqlite3_bind_text (stmt, 3, filter->owner, -1, SQLITE_STATIC);
      if (filter != NULL && filter->source != NULL)
        sqlite3_bind_text (stmt, 4, filter->source, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }

  if (rc == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      counts[i] = sqlite3_column_int64 (stmt, i);
  else
    sales_sqlite_set_error (error, db, sqlite3_db_filename (db, "main"), rc);

  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/**
 * sales_chart_kpi_funnel:
 * @source: the workspace connection, filters and footer settings
 * @period: the period
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a funnel of leads, opportunities,
 *   qualified and won for @period, or %NULL with %SALES_ERROR_SQL
 */
SalesChart *
sales_chart_kpi_funnel (const SalesChartKpiSource *source,
                        const SalesPeriod         *period,
                        GError                   **error)
{
  const char *stages[] = { N_("Leads"), N_("Opportunities"),
                           N_("Qualified"), N_("Won") };
  g_autoptr(SalesChart) chart = NULL;
  g_autofree char *span = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *subtitle = NULL;
  gint64 counts[4] = { 0 };
  guint series;

  g_return_val_if_fail (source != NULL && source->db != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!count_stages (source->db, period, source->filter, counts, error))
    return NULL;

  chart = sales_chart_new (SALES_CHART_FUNNEL);
  sales_chart_set_unit (chart, SALES_CHART_UNIT_NUMBER, NULL);
  sales_chart_set_title (chart, _("Pipeline funnel"));
  span = sales_chart_period_label (period);
  filters = sales_chart_kpi_filter_text (source->filter);
  subtitle = g_strdup_printf (_("%s · leads and opportunities created in "
                                "the period · %s"), span, filters);
  sales_chart_set_subtitle (chart, subtitle);
  sales_chart_set_empty_reason (chart, _("No leads or opportunities were "
                                         "created in this period."));

  series = sales_chart_add_series (chart, _("Count"),
                                   SALES_CHART_SERIES_PRIMARY);
  /* A funnel of zeros says nothing; it draws the empty state instead. */
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      sales_chart_add_category (chart, _(stages[i]));
      if (counts[0] == 0 && counts[1] == 0)
        sales_chart_series_append_null (chart, series);
      else
        sales_chart_series_append (chart, series, (double)counts[i]);
    }

  if (!source->no_footer)
    sales_chart_add_footer (chart, _("Opportunities: created in the period "
                                     "(or their lead's creation date); "
                                     "qualified: qualification date set or "
                                     "won; won: outcome won"));
  return g_steal_pointer (&chart);
}
