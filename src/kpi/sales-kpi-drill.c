/* sales-kpi-drill.c: the rows behind a KPI value
 *
 * Each condition selects, in one record table, the rows that entered a
 * value's numerator or denominator or were excluded from it. The
 * conditions restate the roll-up's rules (sales-kpi-cache.c) row by row,
 * so listing them gives the result's counts; the tests hold the two
 * together. Dates and names are embedded with %Q, so any text is safe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-kpi-private.h"

#define DEAL_LEAD(column)                                                  \
  "(SELECT l." column " FROM leads l"                                     \
  " WHERE l.external_id = opportunities.lead_ref)"
#define DEAL_OWNER                                                         \
  "coalesce (nullif (owner, ''), nullif (" DEAL_LEAD ("owner") ", ''), '')"
#define DEAL_SOURCE                                                        \
  "coalesce (nullif (source, ''), nullif (" DEAL_LEAD ("source") ", ''),"  \
  " '')"
#define DEAL_TIMED                                                         \
  "julianday (coalesce (nullif (created_at, ''), "                        \
  DEAL_LEAD ("created_at") ")) IS NOT NULL"

#define CUSTOMER_LEAD(column)                                              \
  "(SELECT l." column " FROM leads l"                                     \
  " WHERE l.external_id = customers.lead_ref)"
#define CUSTOMER_ACQUIRED                                                  \
  "coalesce (nullif (acquired_at, ''),"                                   \
  " (SELECT min (p.purchased_at) FROM purchases p"                        \
  "  WHERE p.customer_ref = customers.external_id"                        \
  "    AND date (p.purchased_at) IS NOT NULL),"                           \
  " (SELECT min (o.closed_at) FROM opportunities o"                       \
  "  WHERE o.customer_ref = customers.external_id AND o.outcome = 'won'"  \
  "    AND date (o.closed_at) IS NOT NULL))"

#define PURCHASE_LEAD(column)                                              \
  "coalesce ((SELECT nullif (l." column ", '') FROM customers c"          \
  " JOIN leads l ON l.external_id = c.lead_ref"                           \
  " WHERE c.external_id = purchases.customer_ref), '')"

typedef struct
{
  const char           *id;
  SalesDrillPart        part;
  const SalesPeriod    *period;
  const SalesKpiFilter *filter;
  const char           *variant;
  gboolean              deals_as_purchases;
  GString              *where;
  const char           *table;
  const char           *description;
} Drill;

/* Appends " AND " and a condition formatted by SQLite's printf, whose
 * %Q quotes and escapes text (so GCC cannot check these formats).
 */
static void
add (Drill      *drill,
     const char *format,
     ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = sqlite3_vmprintf (format, args);
  va_end (args);

  if (drill->where->len > 0)
    g_string_append (drill->where, " AND ");
  g_string_append (drill->where, text);
  sqlite3_free (text);
}

static void
add_in_period (Drill      *drill,
               const char *column,
               gboolean    from_start)
{
  if (from_start)
    add (drill, "date (%s) >= %Q", column, drill->period->from);
  else
    add (drill, "date (%s) IS NOT NULL", column);
  add (drill, "date (%s) < %Q", column, drill->period->to);
}

static void
add_filters (Drill      *drill,
             const char *owner,
             const char *source)
{
  if (drill->filter->owner != NULL && owner != NULL)
    add (drill, "%s = %Q", owner, drill->filter->owner);
  if (drill->filter->source != NULL && source != NULL)
    add (drill, "%s = %Q", source, drill->filter->source);
}

static void
deals (Drill      *drill,
       const char *outcomes,
       const char *date_column)
{
  drill->table = "opportunities";
  add (drill, "outcome IN (%s)", outcomes);
  add_in_period (drill, date_column, TRUE);
  add_filters (drill, DEAL_OWNER, DEAL_SOURCE);
}

static void
drill_cycle (Drill *drill)
{
  gboolean with_lost = g_str_equal (drill->variant, "won_and_lost");

  deals (drill, with_lost ? "'won', 'lost'" : "'won'", "closed_at");
  if (drill->part == SALES_DRILL_EXCLUDED)
    {
      add (drill, "NOT (%s)", DEAL_TIMED);
      drill->description = _("closed deals without a start date");
    }
  else
    {
      add (drill, "%s", DEAL_TIMED);
      drill->description = _("closed deals with a start date");
    }
}

static void
drill_win_rate (Drill *drill)
{
  gboolean created = g_str_equal (drill->variant, "all_created");
  gboolean numerator = drill->part == SALES_DRILL_NUMERATOR;

  if (created)
    deals (drill, numerator ? "'won'" : "'open', 'won', 'lost'",
           "created_at");
  else
    deals (drill, numerator ? "'won'" : "'won', 'lost'", "closed_at");
  drill->description = numerator ? _("won deals") : created
    ? _("deals created in the period") : _("deals closed in the period");
  if (drill->part == SALES_DRILL_EXCLUDED)
    add (drill, "0");
}

static void
drill_close_rate (Drill *drill)
{
  if (drill->part == SALES_DRILL_NUMERATOR)
    {
      deals (drill, "'won'", "closed_at");
      drill->description = _("won deals");
      return;
    }

  deals (drill, "'won', 'lost'", "closed_at");
  add (drill, "(outcome = 'won' OR nullif (qualified_at, '') IS NOT NULL)");
  drill->description = _("qualified deals closed in the period");
  if (drill->part == SALES_DRILL_EXCLUDED)
    add (drill, "0");
}

static void
leads (Drill *drill)
{
  drill->table = "leads";
  add_in_period (drill, "created_at", TRUE);
  add_filters (drill, "coalesce (nullif (owner, ''), '')",
               "coalesce (nullif (source, ''), '')");
  drill->description = _("leads created in the period");
}

static void
spend (Drill    *drill,
       gboolean  marketing_only)
{
  drill->table = "expenses";
  add_in_period (drill, "spent_on", TRUE);
  add (drill, marketing_only ? "lower (trim (category)) = 'marketing'"
       : "lower (trim (category)) IN ('marketing', 'sales')");
  add_filters (drill, NULL, "coalesce (nullif (channel, ''), '')");
  drill->description = marketing_only ? _("marketing spend")
                                      : _("marketing and sales spend");
}

static void
drill_cost_per_lead (Drill *drill)
{
  if (drill->part == SALES_DRILL_NUMERATOR)
    spend (drill, TRUE);
  else
    leads (drill);
  if (drill->part == SALES_DRILL_EXCLUDED)
    add (drill, "0");
}

static void
drill_lead_to_opportunity (Drill *drill)
{
  leads (drill);
  if (drill->part == SALES_DRILL_NUMERATOR)
    {
      add (drill, "(nullif (converted_at, '') IS NOT NULL OR EXISTS"
           " (SELECT 1 FROM opportunities x"
           "  WHERE x.lead_ref = leads.external_id))");
      drill->description = _("converted leads");
    }
  else if (drill->part == SALES_DRILL_EXCLUDED)
    add (drill, "0");
}

static void
drill_response (Drill *drill)
{
  leads (drill);
  if (drill->part == SALES_DRILL_EXCLUDED)
    {
      add (drill, "julianday (first_response_at) IS NULL");
      drill->description = _("leads without a response");
    }
  else
    {
      add (drill, "julianday (first_response_at) IS NOT NULL");
      drill->description = _("leads with a response");
    }
}

static void
customers (Drill *drill)
{
  drill->table = "customers";
  add_in_period (drill, CUSTOMER_ACQUIRED, TRUE);
  add_filters (drill, "coalesce (nullif (" CUSTOMER_LEAD ("owner") ", ''),"
               " '')", "coalesce (nullif (" CUSTOMER_LEAD ("source") ", ''),"
               " '')");
  drill->description = _("customers acquired in the period");
}

static void
drill_acquisition_cost (Drill *drill)
{
  if (drill->part == SALES_DRILL_NUMERATOR)
    spend (drill, FALSE);
  else
    customers (drill);
  if (drill->part == SALES_DRILL_EXCLUDED)
    add (drill, "0");
}

static void
drill_sales_time (Drill *drill)
{
  customers (drill);
  if (drill->part == SALES_DRILL_EXCLUDED)
    {
      add (drill, "julianday (%s) IS NULL", CUSTOMER_LEAD ("created_at"));
      drill->description = _("customers without an originating lead");
    }
  else
    add (drill, "julianday (%s) IS NOT NULL", CUSTOMER_LEAD ("created_at"));
}

/* Purchases, or the won deals standing in for them. */
static void
purchases (Drill    *drill,
           gboolean  from_start)
{
  if (drill->deals_as_purchases)
    {
      drill->table = "opportunities";
      add (drill, "outcome = 'won'");
      add_in_period (drill, "closed_at", from_start);
      add_filters (drill, DEAL_OWNER, DEAL_SOURCE);
      drill->description = _("won deals, counted as purchases");
      return;
    }

  drill->table = "purchases";
  add_in_period (drill, "purchased_at", from_start);
  add_filters (drill, PURCHASE_LEAD ("owner"), PURCHASE_LEAD ("source"));
  drill->description = _("purchases");
}

static void
drill_purchase_value (Drill *drill)
{
  purchases (drill, TRUE);
  add (drill, drill->part == SALES_DRILL_EXCLUDED ? "amount IS NULL"
                                                  : "amount IS NOT NULL");
}

static void
drill_lifetime_value (Drill *drill)
{
  gboolean from_start = g_str_equal (drill->variant, "predictive");
  g_autoptr(GString) rows = NULL;

  purchases (drill, from_start);
  add (drill, "amount IS NOT NULL");
  if (drill->part == SALES_DRILL_EXCLUDED)
    {
      add (drill, "nullif (customer_ref, '') IS NULL");
      drill->description = _("purchases without a customer");
      return;
    }
  add (drill, "nullif (customer_ref, '') IS NOT NULL");
  if (drill->part == SALES_DRILL_NUMERATOR)
    return;

  /* The customers those purchases belong to. */
  rows = g_string_new (NULL);
  g_string_printf (rows, "external_id IN (SELECT customer_ref FROM %s"
                   " WHERE %s)", drill->table, drill->where->str);
  g_string_assign (drill->where, rows->str);
  drill->table = "customers";
  drill->description = _("customers with a purchase");
}

static void
drill_won_amounts (Drill *drill)
{
  deals (drill, "'won'", "closed_at");
  add (drill, drill->part == SALES_DRILL_EXCLUDED ? "amount IS NULL"
                                                  : "amount IS NOT NULL");
  drill->description = drill->part == SALES_DRILL_EXCLUDED
    ? _("won deals without an amount") : _("won deals");
}

static void
drill_forecast (Drill *drill)
{
  if (drill->part != SALES_DRILL_NUMERATOR)
    {
      drill_won_amounts (drill);
      return;
    }

  drill->table = "forecasts";
  add_in_period (drill, "period_start", TRUE);
  add (drill, "amount IS NOT NULL");
  add_filters (drill, "coalesce (nullif (owner, ''), '')", NULL);
  drill->description = _("forecasts starting in the period");
}

static void
drill_efficiency (Drill *drill)
{
  if (drill->part == SALES_DRILL_DENOMINATOR)
    spend (drill, FALSE);
  else
    drill_won_amounts (drill);
}

static const struct
{
  const char *id;
  void      (*build) (Drill *drill);
  gboolean    spend_numerator;
  gboolean    spend_denominator;
  gboolean    marketing_only;
} builders[] = {
  { "sales_cycle_days", drill_cycle, FALSE, FALSE, FALSE },
  { "win_rate", drill_win_rate, FALSE, FALSE, FALSE },
  { "close_rate", drill_close_rate, FALSE, FALSE, FALSE },
  { "cost_per_lead", drill_cost_per_lead, TRUE, FALSE, TRUE },
  { "lead_to_opportunity", drill_lead_to_opportunity, FALSE, FALSE, FALSE },
  { "lead_response_hours", drill_response, FALSE, FALSE, FALSE },
  { "customer_acquisition_cost", drill_acquisition_cost, TRUE, FALSE,
    FALSE },
  { "average_purchase_value", drill_purchase_value, FALSE, FALSE, FALSE },
  { "sales_time_days", drill_sales_time, FALSE, FALSE, FALSE },
  { "customer_lifetime_value", drill_lifetime_value, FALSE, FALSE, FALSE },
  { "forecast_accuracy", drill_forecast, FALSE, FALSE, FALSE },
  { "sales_efficiency", drill_efficiency, FALSE, TRUE, FALSE },
};

/* Spend cannot be filtered by owner, nor sales spend by source. */
static gboolean
check_spend_filter (guint                 i,
                    SalesDrillPart        part,
                    const SalesKpiFilter *filter,
                    GError              **error)
{
  const char *reason;

  if (!((part == SALES_DRILL_NUMERATOR && builders[i].spend_numerator) ||
        (part == SALES_DRILL_DENOMINATOR && builders[i].spend_denominator)))
    return TRUE;

  reason = _sales_kpi_spend_filter_reason (filter,
                                           builders[i].marketing_only);
  if (reason == NULL)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID, "%s", reason);
  return FALSE;
}

/**
 * sales_kpi_drill_down_full:
 * @kpi_id: one of the twelve ids
 * @part: numerator, denominator or excluded rows
 * @period: the period P
 * @filter: (nullable): owner and source filters
 * @settings: (nullable): variants
 * @deals_as_purchases: whether the workspace has no purchases, so that
 *   won deals stand in for them (see sales_kpi_drill_down())
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the rows' table and condition
 */
SalesDrillDown *
sales_kpi_drill_down_full (const char              *kpi_id,
                           SalesDrillPart           part,
                           const SalesPeriod       *period,
                           const SalesKpiFilter    *filter,
                           const SalesKpiSettings  *settings,
                           gboolean                 deals_as_purchases,
                           GError                 **error)
{
  static const SalesKpiFilter no_filter = { NULL, NULL };
  SalesDrillDown *result;
  Drill drill = { 0 };

  g_return_val_if_fail (kpi_id != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!_sales_kpi_check_id (kpi_id, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    {
      if (!g_str_equal (builders[i].id, kpi_id))
        continue;
      if (!check_spend_filter (i, part, filter != NULL ? filter : &no_filter,
                               error))
        return NULL;

      drill.id = kpi_id;
      drill.part = part;
      drill.period = period;
      drill.filter = filter != NULL ? filter : &no_filter;
      drill.variant = _sales_kpi_variant (settings, kpi_id);
      drill.deals_as_purchases = deals_as_purchases;
      drill.where = g_string_new (NULL);
      builders[i].build (&drill);
    }

  result = g_new0 (SalesDrillDown, 1);
  result->table = g_strdup (drill.table);
  result->where = g_string_free (drill.where, FALSE);
  result->description = g_strdup (part == SALES_DRILL_EXCLUDED &&
                                  g_str_has_suffix (result->where, "AND 0")
                                  ? _("no rows are left out")
                                  : drill.description);
  return result;
}

/**
 * sales_kpi_drill_down:
 * @kpi_id: one of the twelve ids
 * @part: numerator, denominator or excluded rows
 * @period: the period P
 * @filter: (nullable): owner and source filters
 * @settings: (nullable): variants
 * @error: return location for a #GError
 *
 * The condition, on one record table, selecting the rows behind a value:
 * `SELECT * FROM table WHERE where`. For a workspace without purchases,
 * use sales_kpi_drill_down_full() so that the purchase KPIs list won
 * deals. A part without rows (nothing is ever excluded from a win rate)
 * gives a condition that selects none.
 *
 * Returns: (transfer full) (nullable): the drill-down, or %NULL with
 *   %SALES_ERROR_INVALID for an unknown id or a filter that the part
 *   cannot take (spend has no owner)
 */
SalesDrillDown *
sales_kpi_drill_down (const char              *kpi_id,
                      SalesDrillPart           part,
                      const SalesPeriod       *period,
                      const SalesKpiFilter    *filter,
                      const SalesKpiSettings  *settings,
                      GError                 **error)
{
  return sales_kpi_drill_down_full (kpi_id, part, period, filter, settings,
                                    FALSE, error);
}

void
sales_drill_down_free (SalesDrillDown *drill)
{
  if (drill == NULL)
    return;

  g_free (drill->table);
  g_free (drill->where);
  g_free (drill->description);
  g_free (drill);
}
