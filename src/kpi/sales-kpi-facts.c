/* sales-kpi-facts.c: the record tables as rows of roll-up facts
 *
 * Every rule of shared/KPIS.md that concerns single rows lives here: which
 * date puts a row in a period, the start of a deal and its inherited owner
 * and source, a customer's acquisition date, purchases standing in for won
 * deals, and exact durations in integer milliseconds. Each query yields
 * one row per record: its day, owner and source, then the roll-up columns
 * it adds to (see sales-kpi-rollup.c for the special columns).
 *
 * A query reads every row (a full build), only the rows of the days in
 * temp.kpi_days (day, next), found by index ranges, or only the customer
 * days of the customers in temp.kpi_customers (customer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include "sales-kpi-facts.h"

/* Durations in whole milliseconds: julianday keeps milliseconds exactly,
 * so rounding the difference recovers them and integer sums stay exact.
 */
#define MS(later, earlier)                                                 \
  "CAST (round ((julianday (" later ") - julianday (" earlier "))"        \
  " * 86400000) AS INTEGER)"

/* A day that an index range on the column cannot find; @day is the
 * column's date, computed once in an inner query.
 */
#define IRREGULAR(column)                                                  \
  "date (" column ") <> substr (" column ", 1, 10) AS irregular"
#define IRREGULAR_DAY(raw) "day <> substr (" raw ", 1, 10) AS irregular"

/* An OFFSET keeps SQLite from copying a subquery's expressions into the
 * outer query, where each use of a duration would compute it again.
 */
#define ONCE " LIMIT -1 OFFSET 0"

/* An opportunity with its owner and source inherited from its lead where
 * it has none.
 */
#define DEAL_OWNER_SOURCE                                                  \
  "coalesce (nullif (o.owner, ''), nullif (l.owner, ''), '') AS owner,"   \
  "coalesce (nullif (o.source, ''), nullif (l.source, ''), '') AS source,"
#define DEAL_LEAD " LEFT JOIN main.leads l ON l.external_id = o.lead_ref"

static const char closed_deals[] =
  "SELECT day, owner, source, outcome = 'won' AS won,"
  "  outcome = 'lost' AS lost,"
  "  outcome = 'won' AND ms IS NOT NULL AS won_timed,"
  "  CASE WHEN outcome = 'won' THEN ms END AS won_ms,"
  "  outcome = 'won' AND ms IS NULL AS won_untimed,"
  "  outcome = 'lost' AND ms IS NOT NULL AS lost_timed,"
  "  CASE WHEN outcome = 'lost' THEN ms END AS lost_ms,"
  "  outcome = 'lost' AND ms IS NULL AS lost_untimed,"
  "  outcome = 'lost' AND qualified AS lost_qualified,"
  "  CASE WHEN outcome = 'won' THEN amount END AS won_cents,"
  "  outcome = 'won' AND amount IS NULL AS won_unpriced, "
  IRREGULAR_DAY ("raw")
  " FROM (SELECT date (o.closed_at) AS day, o.closed_at AS raw, "
  DEAL_OWNER_SOURCE "   o.outcome AS outcome,"
  "   " MS ("o.closed_at", "coalesce (nullif (o.created_at, ''),"
            " l.created_at)") " AS ms,"
  "   nullif (o.qualified_at, '') IS NOT NULL AS qualified,"
  "   o.amount AS amount"
  "  FROM %s" DEAL_LEAD " WHERE o.outcome IN ('won', 'lost')" ONCE ")"
  " WHERE day IS NOT NULL";

static const char created_deals[] =
  "SELECT day, owner, source, 1 AS created, won AS created_won, "
  IRREGULAR_DAY ("raw")
  " FROM (SELECT date (o.created_at) AS day, o.created_at AS raw, "
  DEAL_OWNER_SOURCE " o.outcome = 'won' AS won"
  "  FROM %s" DEAL_LEAD ONCE ") WHERE day IS NOT NULL";

/* A lead is converted when it says so or an opportunity refers to it. */
static const char leads[] =
  "SELECT day, owner, source, 1 AS leads, converted,"
  "  ms IS NOT NULL AS answered, ms AS answer_ms,"
  "  ms <= 3600000 AS answered_in_hour, ms AS ms_list, "
  IRREGULAR_DAY ("raw")
  " FROM (SELECT date (l.created_at) AS day, l.created_at AS raw,"
  "   coalesce (nullif (l.owner, ''), '') AS owner,"
  "   coalesce (nullif (l.source, ''), '') AS source,"
  "   nullif (l.converted_at, '') IS NOT NULL OR EXISTS (SELECT 1"
  "     FROM main.opportunities x WHERE x.lead_ref = l.external_id)"
  "     AS converted,"
  "   " MS ("l.first_response_at", "l.created_at") " AS ms"
  "  FROM %s" ONCE ") WHERE day IS NOT NULL";

/* Category text is matched without case; other categories stay out. */
static const char spend[] =
  "SELECT date (e.spent_on) AS day, '' AS owner,"
  "  coalesce (nullif (e.channel, ''), '') AS source,"
  "  CASE WHEN lower (trim (e.category)) = 'marketing' THEN e.amount END"
  "    AS marketing_cents,"
  "  CASE WHEN lower (trim (e.category)) = 'sales' THEN e.amount END"
  "    AS sales_cents, " IRREGULAR ("e.spent_on")
  " FROM %s WHERE date (e.spent_on) IS NOT NULL";

static const char forecasts[] =
  "SELECT date (f.period_start) AS day,"
  "  coalesce (nullif (f.owner, ''), '') AS owner, '' AS source,"
  "  f.amount IS NOT NULL AS forecasts, f.amount AS forecast_cents, "
  IRREGULAR ("f.period_start")
  " FROM %s WHERE date (f.period_start) IS NOT NULL";

/* acquired_at, else the first purchase, else the first won deal; owner
 * and source are the originating lead's.
 */
static const char customers[] =
  "SELECT date (acquired) AS day, owner, source, 1 AS customers,"
  "  ms IS NOT NULL AS customers_led, ms AS lead_ms,"
  "  ms IS NULL AS customers_unled, irregular"
  " FROM (SELECT acquired, owner, source, irregular,"
  "   " MS ("acquired", "lead_created") " AS ms"
  "  FROM (SELECT coalesce (nullif (c.acquired_at, ''),"
  "      (SELECT min (p.purchased_at) FROM main.purchases p"
  "       WHERE p.customer_ref = c.external_id"
  "         AND date (p.purchased_at) IS NOT NULL),"
  "      (SELECT min (o.closed_at) FROM main.opportunities o"
  "       WHERE o.customer_ref = c.external_id AND o.outcome = 'won'"
  "         AND date (o.closed_at) IS NOT NULL)) AS acquired,"
  "    coalesce (nullif (l.owner, ''), '') AS owner,"
  "    coalesce (nullif (l.source, ''), '') AS source,"
  "    l.created_at AS lead_created, " IRREGULAR ("c.acquired_at")
  "   FROM main.customers c"
  "   LEFT JOIN main.leads l ON l.external_id = c.lead_ref WHERE %s"
  ONCE ")" ONCE ")"
  " WHERE date (acquired) IS NOT NULL";

/* The customers that may have been acquired on one of the days: by
 * acquired_at, or, for those without one, by a purchase or a won deal on
 * that day.
 */
static const char customers_of_days[] =
  "c.rowid IN (SELECT x.rowid FROM temp.kpi_days d"
  "   CROSS JOIN main.customers x"
  "   ON x.acquired_at >= d.day AND x.acquired_at < d.next"
  " UNION SELECT x.rowid FROM temp.kpi_days d CROSS JOIN main.purchases p"
  "   ON p.purchased_at >= d.day AND p.purchased_at < d.next"
  "   JOIN main.customers x ON x.external_id = p.customer_ref"
  "   WHERE nullif (x.acquired_at, '') IS NULL"
  " UNION SELECT x.rowid FROM temp.kpi_days d"
  "   CROSS JOIN main.opportunities o"
  "   ON o.closed_at >= d.day AND o.closed_at < d.next"
  "   JOIN main.customers x ON x.external_id = o.customer_ref"
  /* Without the +, SQLite indexes the whole table on outcome first. */
  "   WHERE +o.outcome = 'won' AND nullif (x.acquired_at, '') IS NULL)";

/* Purchases, or won deals in a workspace without any; a customer day
 * is a purchase with an amount and a customer.
 */
#define BUYS(inner)                                                        \
  "SELECT day, owner, source, amount IS NOT NULL AS purchases,"           \
  "  amount AS purchase_cents, amount IS NULL AS purchases_unpriced,"     \
  "  CASE WHEN customer IS NOT NULL THEN amount END AS owned_cents,"      \
  "  customer IS NOT NULL AND amount IS NOT NULL AS owned,"               \
  "  customer IS NULL AND amount IS NOT NULL AS purchases_unowned,"       \
  "  CASE WHEN amount IS NOT NULL THEN customer END AS customer, "        \
  IRREGULAR_DAY ("raw") " FROM (" inner ONCE ") WHERE day IS NOT NULL"

/* Purchases take owner and source from their customer's lead. */
static const char purchases[] =
  BUYS ("SELECT date (p.purchased_at) AS day,"
        "  coalesce (nullif (l.owner, ''), '') AS owner,"
        "  coalesce (nullif (l.source, ''), '') AS source,"
        "  nullif (p.customer_ref, '') AS customer, p.amount AS amount,"
        "  p.purchased_at AS raw FROM %s"
        " LEFT JOIN main.customers c ON c.external_id = p.customer_ref"
        " LEFT JOIN main.leads l ON l.external_id = c.lead_ref");

static const char deal_purchases[] =
  BUYS ("SELECT date (o.closed_at) AS day, " DEAL_OWNER_SOURCE
        "  nullif (o.customer_ref, '') AS customer, o.amount AS amount,"
        "  o.closed_at AS raw FROM %s" DEAL_LEAD " WHERE o.outcome = 'won'");

/* The rows of a table whose @column falls on one of the days. */
static char *
days_range (const char *table,
            const char *alias,
            const char *column)
{
  return g_strdup_printf ("temp.kpi_days d CROSS JOIN main.%s %s"
                          " ON %s.%s >= d.day AND %s.%s < d.next",
                          table, alias, alias, column, alias, column);
}

static char *
from_clause (SalesKpiFactsScope  scope,
             const char         *table,
             const char         *alias,
             const char         *column)
{
  if (scope == SALES_KPI_FACTS_DAYS)
    return days_range (table, alias, column);
  return g_strdup_printf ("main.%s %s", table, alias);
}

/**
 * _sales_kpi_facts_queries:
 * @scope: which rows to read
 * @deals_as_purchases: whether won deals stand in for purchases
 *
 * Returns: (transfer full): the fact queries; for
 *   %SALES_KPI_FACTS_CUSTOMERS only the one yielding customer days
 */
GStrv
_sales_kpi_facts_queries (SalesKpiFactsScope scope,
                          gboolean           deals_as_purchases)
{
  GPtrArray *queries = g_ptr_array_new ();
  g_autofree char *buy_from = NULL;

  if (scope == SALES_KPI_FACTS_CUSTOMERS)
    buy_from = g_strdup_printf ("temp.kpi_customers s CROSS JOIN main.%s"
                                " ON %s.customer_ref = s.customer",
                                deals_as_purchases ? "opportunities o"
                                                   : "purchases p",
                                deals_as_purchases ? "o" : "p");
  else
    {
      g_autofree char *closed = from_clause (scope, "opportunities", "o",
                                             "closed_at");
      g_autofree char *created = from_clause (scope, "opportunities", "o",
                                              "created_at");
      g_autofree char *lead = from_clause (scope, "leads", "l",
                                           "created_at");
      g_autofree char *spent = from_clause (scope, "expenses", "e",
                                            "spent_on");
      g_autofree char *forecast = from_clause (scope, "forecasts", "f",
                                               "period_start");

      g_ptr_array_add (queries, g_strdup_printf (closed_deals, closed));
      g_ptr_array_add (queries, g_strdup_printf (created_deals,
                                                     created));
      g_ptr_array_add (queries, g_strdup_printf (leads, lead));
      g_ptr_array_add (queries, g_strdup_printf (spend, spent));
      g_ptr_array_add (queries, g_strdup_printf (forecasts, forecast));
      g_ptr_array_add (queries, g_strdup_printf (
        customers, scope == SALES_KPI_FACTS_DAYS ? customers_of_days : "1"));
      buy_from = deals_as_purchases
        ? from_clause (scope, "opportunities", "o", "closed_at")
        : from_clause (scope, "purchases", "p", "purchased_at");
    }

  g_ptr_array_add (queries, deals_as_purchases
                   ? g_strdup_printf (deal_purchases, buy_from)
                   : g_strdup_printf (purchases, buy_from));
  g_ptr_array_add (queries, NULL);
  return (GStrv)g_ptr_array_free (queries, FALSE);
}
