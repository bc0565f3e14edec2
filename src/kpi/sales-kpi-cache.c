/* sales-kpi-cache.c: the daily roll-up the KPIs read
 *
 * Every rule of shared/KPIS.md that concerns single rows lives here, in
 * the SQL that turns the record tables into day rows: which date puts a
 * row in a period, the start of a deal and its inherited owner and source,
 * a customer's acquisition date, purchases standing in for won deals, and
 * exact durations in integer milliseconds. The KPI formulas then only add
 * day rows and divide.
 *
 * The roll-up lives in the workspace (schema v2) and is rebuilt when the
 * triggers there mark it stale. A connection that may not write builds a
 * private copy in "temp" inside its read transaction instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-kpi-private.h"

#define SALES_KPI_NAME(name) #name,
static const char *const column_names[] = {
  SALES_KPI_COLUMNS (SALES_KPI_NAME)
  NULL
};
#undef SALES_KPI_NAME

const char *const *
_sales_kpi_column_names (void)
{
  return column_names;
}

void
_sales_kpi_sums_add (SalesKpiSums       *total,
                     const SalesKpiSums *part)
{
  gint64 *t = (gint64 *)total;
  const gint64 *p = (const gint64 *)part;

  for (guint i = 0; i < SALES_KPI_N_COLUMNS; i++)
    t[i] += p[i];
}

/* Durations in whole milliseconds: julianday keeps milliseconds exactly,
 * so rounding the difference recovers them and integer sums stay exact.
 */
#define MS(later, earlier)                                                 \
  "CAST (round ((julianday (" later ") - julianday (" earlier "))"        \
  " * 86400000) AS INTEGER)"

/* An opportunity with its start, owner and source inherited from its lead
 * where it has none.
 */
#define DEALS                                                              \
  "SELECT o.id AS id, o.outcome AS outcome,"                              \
  "  nullif (o.customer_ref, '') AS customer,"                            \
  "  date (o.closed_at) AS closed_day, date (o.created_at) AS created_day,"\
  "  coalesce (nullif (o.owner, ''), nullif (l.owner, ''), '') AS owner," \
  "  coalesce (nullif (o.source, ''), nullif (l.source, ''), '')"         \
  "    AS source,"                                                        \
  "  " MS ("o.closed_at", "coalesce (nullif (o.created_at, ''),"          \
           " l.created_at)") " AS ms,"                                    \
  "  nullif (o.qualified_at, '') IS NOT NULL AS qualified,"              \
  "  o.amount AS amount"                                                  \
  " FROM main.opportunities o"                                            \
  " LEFT JOIN main.leads l ON l.external_id = o.lead_ref"

static const char build_deals[] =
  "INSERT INTO temp.kpi_stage (day, owner, source, won, lost, won_timed,"
  "  won_ms, won_untimed, lost_timed, lost_ms, lost_untimed,"
  "  lost_qualified, won_cents, won_unpriced)"
  " SELECT closed_day, owner, source,"
  "  sum (outcome = 'won'), sum (outcome = 'lost'),"
  "  sum (outcome = 'won' AND ms IS NOT NULL),"
  "  coalesce (sum (CASE WHEN outcome = 'won' THEN ms END), 0),"
  "  sum (outcome = 'won' AND ms IS NULL),"
  "  sum (outcome = 'lost' AND ms IS NOT NULL),"
  "  coalesce (sum (CASE WHEN outcome = 'lost' THEN ms END), 0),"
  "  sum (outcome = 'lost' AND ms IS NULL),"
  "  sum (outcome = 'lost' AND qualified),"
  "  coalesce (sum (CASE WHEN outcome = 'won' THEN amount END), 0),"
  "  sum (outcome = 'won' AND amount IS NULL)"
  " FROM (" DEALS ")"
  " WHERE closed_day IS NOT NULL AND outcome IN ('won', 'lost')"
  " GROUP BY 1, 2, 3;"
  "INSERT INTO temp.kpi_stage (day, owner, source, created, created_won)"
  " SELECT created_day, owner, source, count (*), sum (outcome = 'won')"
  " FROM (" DEALS ") WHERE created_day IS NOT NULL GROUP BY 1, 2, 3;";

/* A lead is converted when it says so or an opportunity refers to it. */
static const char build_leads[] =
  "INSERT INTO temp.kpi_leads"
  " SELECT l.id, date (l.created_at), coalesce (nullif (l.owner, ''), ''),"
  "  coalesce (nullif (l.source, ''), ''),"
  "  nullif (l.converted_at, '') IS NOT NULL OR EXISTS (SELECT 1"
  "    FROM main.opportunities x WHERE x.lead_ref = l.external_id),"
  "  " MS ("l.first_response_at", "l.created_at")
  " FROM main.leads l WHERE date (l.created_at) IS NOT NULL;"
  "INSERT INTO temp.kpi_stage (day, owner, source, leads, converted,"
  "  answered, answer_ms, answered_in_hour)"
  " SELECT day, owner, source, count (*), sum (converted),"
  "  sum (ms IS NOT NULL), coalesce (sum (ms), 0), sum (ms <= 3600000)"
  " FROM temp.kpi_leads GROUP BY 1, 2, 3;"
  "INSERT INTO @schema.kpi_lead_hours"
  " SELECT 0, day, owner, source, count (*), group_concat (ms)"
  " FROM temp.kpi_leads WHERE ms IS NOT NULL GROUP BY day, owner, source;"
  /* Joining level 0's lists with commas gives the coarser lists. */
  "INSERT INTO @schema.kpi_lead_hours"
  " SELECT 1, day, '', source, sum (answered), group_concat (ms)"
  " FROM @schema.kpi_lead_hours WHERE level = 0 GROUP BY day, source;"
  "INSERT INTO @schema.kpi_lead_hours"
  " SELECT 2, day, owner, '', sum (answered), group_concat (ms)"
  " FROM @schema.kpi_lead_hours WHERE level = 0 GROUP BY day, owner;"
  "INSERT INTO @schema.kpi_lead_hours"
  " SELECT 3, day, '', '', sum (answered), group_concat (ms)"
  " FROM @schema.kpi_lead_hours WHERE level = 0 GROUP BY day;";

/* Category text is matched without case; other categories stay out. */
static const char build_spend[] =
  "INSERT INTO temp.kpi_stage (day, owner, source, marketing_cents,"
  "  sales_cents)"
  " SELECT date (spent_on), '', coalesce (nullif (channel, ''), ''),"
  "  coalesce (sum (CASE WHEN lower (trim (category)) = 'marketing'"
  "    THEN amount END), 0),"
  "  coalesce (sum (CASE WHEN lower (trim (category)) = 'sales'"
  "    THEN amount END), 0)"
  " FROM main.expenses WHERE date (spent_on) IS NOT NULL GROUP BY 1, 3;"
  "INSERT INTO temp.kpi_stage (day, owner, source, forecasts,"
  "  forecast_cents)"
  " SELECT date (period_start), coalesce (nullif (owner, ''), ''), '',"
  "  sum (amount IS NOT NULL), coalesce (sum (amount), 0)"
  " FROM main.forecasts WHERE date (period_start) IS NOT NULL"
  " GROUP BY 1, 2;";

/* acquired_at, else the first purchase, else the first won deal; owner
 * and source are the originating lead's.
 */
static const char build_customers[] =
  "INSERT INTO temp.kpi_stage (day, owner, source, customers,"
  "  customers_led, lead_ms, customers_unled)"
  " SELECT date (acquired), owner, source, count (*), sum (ms IS NOT NULL),"
  "  coalesce (sum (ms), 0), sum (ms IS NULL)"
  " FROM (SELECT acquired, owner, source,"
  "    " MS ("acquired", "lead_created") " AS ms"
  "  FROM (SELECT coalesce (nullif (c.acquired_at, ''),"
  "      (SELECT min (p.purchased_at) FROM main.purchases p"
  "       WHERE p.customer_ref = c.external_id"
  "         AND date (p.purchased_at) IS NOT NULL),"
  "      (SELECT min (o.closed_at) FROM main.opportunities o"
  "       WHERE o.customer_ref = c.external_id AND o.outcome = 'won'"
  "         AND date (o.closed_at) IS NOT NULL)) AS acquired,"
  "    coalesce (nullif (l.owner, ''), '') AS owner,"
  "    coalesce (nullif (l.source, ''), '') AS source,"
  "    l.created_at AS lead_created"
  "   FROM main.customers c"
  "   LEFT JOIN main.leads l ON l.external_id = c.lead_ref))"
  " WHERE date (acquired) IS NOT NULL GROUP BY 1, 2, 3;";

/* Purchases take owner and source from their customer's lead. */
static const char build_purchases[] =
  "INSERT INTO temp.kpi_buys"
  " SELECT date (p.purchased_at), coalesce (nullif (l.owner, ''), ''),"
  "  coalesce (nullif (l.source, ''), ''), nullif (p.customer_ref, ''),"
  "  p.amount"
  " FROM main.purchases p"
  " LEFT JOIN main.customers c ON c.external_id = p.customer_ref"
  " LEFT JOIN main.leads l ON l.external_id = c.lead_ref"
  " WHERE date (p.purchased_at) IS NOT NULL;";

/* A workspace without purchases counts each won deal as one. */
static const char build_deal_purchases[] =
  "INSERT INTO temp.kpi_buys"
  " SELECT closed_day, owner, source, customer, amount FROM (" DEALS ")"
  " WHERE outcome = 'won' AND closed_day IS NOT NULL;";

static const char build_buys[] =
  "INSERT INTO temp.kpi_stage (day, owner, source, purchases,"
  "  purchase_cents, purchases_unpriced, owned_cents, owned,"
  "  purchases_unowned)"
  " SELECT day, owner, source, sum (amount IS NOT NULL),"
  "  coalesce (sum (amount), 0), sum (amount IS NULL),"
  "  coalesce (sum (CASE WHEN customer IS NOT NULL THEN amount END), 0),"
  "  sum (customer IS NOT NULL AND amount IS NOT NULL),"
  "  sum (customer IS NULL AND amount IS NOT NULL)"
  " FROM temp.kpi_buys GROUP BY 1, 2, 3;"
  "INSERT INTO @schema.kpi_customer_days"
  " SELECT DISTINCT day, owner, source, customer FROM temp.kpi_buys"
  " WHERE customer IS NOT NULL AND amount IS NOT NULL;"
  "INSERT INTO @schema.kpi_first"
  " SELECT 0, day, owner, source, count (*) FROM (SELECT min (day) AS day,"
  "   owner, source FROM @schema.kpi_customer_days"
  "   GROUP BY customer, owner, source) GROUP BY 2, 3, 4;"
  "INSERT INTO @schema.kpi_first"
  " SELECT 1, day, '', source, count (*) FROM (SELECT min (day) AS day,"
  "   source FROM @schema.kpi_customer_days GROUP BY customer, source)"
  " GROUP BY 2, 4;"
  "INSERT INTO @schema.kpi_first"
  " SELECT 2, day, owner, '', count (*) FROM (SELECT min (day) AS day,"
  "   owner FROM @schema.kpi_customer_days GROUP BY customer, owner)"
  " GROUP BY 2, 3;"
  "INSERT INTO @schema.kpi_first"
  " SELECT 3, day, '', '', count (*) FROM (SELECT min (day) AS day"
  "   FROM @schema.kpi_customer_days GROUP BY customer) GROUP BY 2;";

/* Sorting a million rows spills less with a larger temp cache. */
static const char prepare_tables[] =
  "PRAGMA temp.cache_size = -32768;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_stage AS"
  " SELECT * FROM main.kpi_daily WHERE 0;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_leads (id, day, owner, source,"
  "  converted, ms);"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_buys (day, owner, source, customer,"
  "  amount);"
  "DELETE FROM temp.kpi_stage; DELETE FROM temp.kpi_leads;"
  "DELETE FROM temp.kpi_buys;";

/* The private copy has the workspace's columns; it needs no keys. */
static const char prepare_temp[] =
  "CREATE TEMP TABLE IF NOT EXISTS kpi_daily AS"
  " SELECT * FROM main.kpi_daily WHERE 0;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_first AS"
  " SELECT * FROM main.kpi_first WHERE 0;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_lead_hours AS"
  " SELECT * FROM main.kpi_lead_hours WHERE 0;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_customer_days AS"
  " SELECT * FROM main.kpi_customer_days WHERE 0;";

static const char clear_cache[] =
  "DELETE FROM @schema.kpi_daily; DELETE FROM @schema.kpi_first;"
  "DELETE FROM @schema.kpi_lead_hours; DELETE FROM @schema.kpi_customer_days;";

static const char drop_work_tables[] =
  "DELETE FROM temp.kpi_stage; DELETE FROM temp.kpi_leads;"
  "DELETE FROM temp.kpi_buys;";

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not compute the KPIs: %s"),
               message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

/* Runs @sql with "@schema" standing for the roll-up's schema. */
static gboolean
exec_in (sqlite3     *db,
         const char  *sql,
         const char  *schema,
         GError     **error)
{
  g_autoptr(GString) text = g_string_new (sql);

  g_string_replace (text, "@schema", schema, 0);
  return exec (db, text->str, error);
}

/* The stage summed by day, owner and source (level 0), then level 0
 * summed into the coarser levels, reading it in key order.
 */
static char *
merge_sql (const char *schema)
{
  static const char *const levels[] = {
    "1, day, '', source", "2, day, owner, ''", "3, day, '', ''",
  };
  static const char *const groups[] = { "day, source", "day, owner", "day" };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) sums = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; column_names[i] != NULL; i++)
    {
      g_string_append_printf (names, ", %s", column_names[i]);
      g_string_append_printf (sums, ", coalesce (sum (%s), 0)",
                              column_names[i]);
    }

  g_string_append_printf (sql, "INSERT INTO %s.kpi_daily (level, day, owner,"
                          " source%s) SELECT 0, day, owner, source%s FROM"
                          " temp.kpi_stage GROUP BY day, owner, source;",
                          schema, names->str, sums->str);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_string_append_printf (sql, "INSERT INTO %s.kpi_daily (level, day,"
                            " owner, source%s) SELECT %s%s FROM"
                            " %s.kpi_daily WHERE level = 0 GROUP BY %s;",
                            schema, names->str, levels[i], sums->str,
                            schema, groups[i]);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/**
 * _sales_kpi_deals_as_purchases:
 * @db: a connection inside a read transaction
 *
 * Returns: %TRUE when the workspace has no purchases at all, so that won
 *   deals count as purchases
 */
gboolean
_sales_kpi_deals_as_purchases (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean none = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT NOT EXISTS (SELECT 1 FROM"
                          " main.purchases)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    none = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return none;
}

/**
 * sales_kpi_has_purchases:
 * @db: a connection to a workspace
 *
 * Returns: %TRUE when the workspace has purchases; without any, the
 *   purchase KPIs read won deals (pass the opposite to
 *   sales_kpi_drill_down_full())
 */
gboolean
sales_kpi_has_purchases (sqlite3 *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return !_sales_kpi_deals_as_purchases (db);
}

/**
 * _sales_kpi_cache_build:
 * @db: a connection inside a transaction
 * @schema: "main" to rebuild the workspace's roll-up (the transaction
 *   must be able to write), "temp" for a private copy
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_kpi_cache_build (sqlite3     *db,
                        const char  *schema,
                        GError     **error)
{
  g_autofree char *merge = merge_sql (schema);
  gboolean deals_as_purchases = _sales_kpi_deals_as_purchases (db);
  const char *steps[] = { NULL, build_leads, NULL, NULL, NULL, build_buys,
                          NULL, drop_work_tables };

  g_assert (g_str_equal (schema, "main") || g_str_equal (schema, "temp"));

  if (!exec (db, prepare_tables, error) ||
      (g_str_equal (schema, "temp") && !exec (db, prepare_temp, error)) ||
      !exec_in (db, clear_cache, schema, error))
    return FALSE;

  steps[0] = build_deals;
  steps[2] = build_spend;
  steps[3] = build_customers;
  steps[4] = deals_as_purchases ? build_deal_purchases : build_purchases;
  steps[6] = merge;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!exec_in (db, steps[i], schema, error))
        return FALSE;
      g_debug ("roll-up step %u: %.3f s", i,
               (g_get_monotonic_time () - start) / 1e6);
    }

  if (g_str_equal (schema, "main"))
    return exec (db, "UPDATE main.kpi_state SET stale = 0,"
                 " built_at = datetime ('now')", error);

  return TRUE;
}

static gboolean
read_stale (sqlite3  *db,
            gboolean *stale,
            GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT stale FROM main.kpi_state", -1,
                           &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *stale = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not compute the KPIs: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/**
 * sales_kpi_refresh:
 * @db: a writable connection to a workspace, outside any transaction
 * @error: return location for a #GError
 *
 * Rebuilds the workspace's KPI roll-up when a record table changed since
 * it was last built; otherwise does nothing. Evaluations do this
 * themselves, so calling it is only a way to pay the cost early (after
 * an import, in a worker thread).
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
sales_kpi_refresh (sqlite3  *db,
                   GError  **error)
{
  gboolean stale = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (db), FALSE);

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!read_stale (db, &stale, error) ||
      (stale && !_sales_kpi_cache_build (db, "main", error)))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (stale)
    g_debug ("rebuilt the KPI roll-up");
  return exec (db, "COMMIT", error);
}

/**
 * _sales_kpi_cache_begin:
 * @db: a connection
 * @schema: (out): where the roll-up to read is, "main" or "temp"
 * @error: return location for a #GError
 *
 * Starts the read transaction of one evaluation (unless the caller has
 * one open) with an up-to-date roll-up: the workspace's, rebuilt first
 * when stale and the connection may write, else a private copy.
 *
 * Returns: %TRUE on success; end with _sales_kpi_cache_end()
 */
gboolean
_sales_kpi_cache_begin (sqlite3     *db,
                        const char **schema,
                        gboolean    *began,
                        GError     **error)
{
  gboolean stale = FALSE;

  *began = sqlite3_get_autocommit (db);
  if (*began)
    {
      g_autoptr(GError) refresh_error = NULL;

      /* Only a stale roll-up needs the write lock; if another writer
       * holds it, the private copy below still gives the right numbers.
       */
      if (!sqlite3_db_readonly (db, "main") &&
          read_stale (db, &stale, NULL) && stale &&
          !sales_kpi_refresh (db, &refresh_error))
        g_debug ("KPI roll-up not refreshed: %s", refresh_error->message);

      if (!exec (db, "BEGIN", error))
        return FALSE;
    }

  *schema = "main";
  if (read_stale (db, &stale, error) &&
      (!stale || _sales_kpi_cache_build (db, "temp", error)))
    {
      *schema = stale ? "temp" : "main";
      return TRUE;
    }

  _sales_kpi_cache_end (db, *began);
  return FALSE;
}

/* Reading only, so ending the transaction cannot lose anything. */
void
_sales_kpi_cache_end (sqlite3  *db,
                      gboolean  began)
{
  if (began && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}
