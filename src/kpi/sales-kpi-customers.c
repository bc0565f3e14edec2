/* sales-kpi-customers.c: the KPIs of customers and purchases
 *
 * Customer acquisition cost, average purchase value, average sales time
 * and customer lifetime value. Customers and purchases take owner and
 * source from the customer's originating lead; in a workspace without
 * purchases, won deals stand in for them with the deal's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-kpi-private.h"

#define MS_PER_DAY 86400000.0
#define DAYS_PER_YEAR 365.25

SalesKpiResult *
_sales_kpi_customer_acquisition_cost (SalesKpiScope      *scope,
                                      guint               group,
                                      const SalesKpiInfo *info)
{
  SalesKpiResult *result = _sales_kpi_result_new (info, "default");
  SalesKpiSums s;
  gint64 spend;

  if (!_sales_kpi_spend_sums (scope, group, FALSE, result, &s))
    return result;

  spend = s.marketing_cents + s.sales_cents;
  if (s.customers == 0)
    _sales_kpi_result_null (result, _("no customers were acquired in this "
                                      "period"));
  else if (spend == 0)
    _sales_kpi_result_null (result, _("no marketing or sales spend was "
                                      "recorded in this period"));
  else
    _sales_kpi_result_set (result, _sales_kpi_cents_to_money (spend),
                           (double)s.customers, s.customers);
  return result;
}

static const char *
purchases_formula (SalesKpiScope *scope)
{
  return _sales_kpi_scope_deals_as_purchases (scope)
    ? _("sum ÷ count of won deals closed in the period (the workspace has no "
        "purchases, so each won deal counts as one)")
    : NULL;
}

static void
exclude_unpriced (SalesKpiResult *result,
                  SalesKpiScope  *scope,
                  gint64          unpriced)
{
  _sales_kpi_result_exclude (result, unpriced, g_strdup_printf (
    _sales_kpi_scope_deals_as_purchases (scope)
      ? ngettext ("%lld won deal has no amount",
                  "%lld won deals have no amount", unpriced)
      : ngettext ("%lld purchase has no amount",
                  "%lld purchases have no amount", unpriced),
    (long long)unpriced));
}

/* Says whether there was nothing at all, or only nothing with an amount:
 * "no deals were won" next to a win rate of 100 % would be wrong.
 */
static const char *
purchase_null_reason (SalesKpiScope     *scope,
                      const SalesKpiSums *s)
{
  gboolean deals = _sales_kpi_scope_deals_as_purchases (scope);

  if (s->purchases_unpriced > 0)
    return deals ? _("no deal won in this period has an amount")
                 : _("no purchase made in this period has an amount");

  return deals ? _("no deals were won in this period")
               : _("no purchases were made in this period");
}

SalesKpiResult *
_sales_kpi_average_purchase_value (SalesKpiScope      *scope,
                                   guint               group,
                                   const SalesKpiInfo *info)
{
  SalesKpiResult *result = _sales_kpi_result_new (info, "default");
  SalesKpiSums s;

  if (purchases_formula (scope) != NULL)
    {
      g_free (result->formula);
      result->formula = g_strdup (purchases_formula (scope));
    }
  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  exclude_unpriced (result, scope, s.purchases_unpriced);
  if (s.purchases == 0)
    _sales_kpi_result_null (result, purchase_null_reason (scope, &s));
  else
    _sales_kpi_result_set (result,
                           _sales_kpi_cents_to_money (s.purchase_cents),
                           (double)s.purchases, s.purchases);
  return result;
}

SalesKpiResult *
_sales_kpi_sales_time_days (SalesKpiScope      *scope,
                            guint               group,
                            const SalesKpiInfo *info)
{
  SalesKpiResult *result = _sales_kpi_result_new (info, "default");
  SalesKpiSums s;

  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  _sales_kpi_result_exclude (result, s.customers_unled, g_strdup_printf (
    ngettext ("%lld customer has no originating lead with a creation date",
              "%lld customers have no originating lead with a creation date",
              s.customers_unled), (long long)s.customers_unled));

  if (s.customers == 0)
    _sales_kpi_result_null (result, _("no customers were acquired in this "
                                      "period"));
  else if (s.customers_led == 0)
    _sales_kpi_result_null (result, _("no customer acquired in this period "
                                      "has an originating lead"));
  else
    _sales_kpi_result_set (result, (double)s.lead_ms / MS_PER_DAY,
                           (double)s.customers_led, s.customers_led);
  return result;
}

static double
gross_margin (SalesKpiScope *scope)
{
  const SalesKpiSettings *settings = _sales_kpi_scope_get_settings (scope);

  return settings != NULL ? settings->gross_margin : 1.0;
}

static void
exclude_unowned (SalesKpiResult *result,
                 SalesKpiScope  *scope,
                 gint64          unowned)
{
  _sales_kpi_result_exclude (result, unowned, g_strdup_printf (
    _sales_kpi_scope_deals_as_purchases (scope)
      ? ngettext ("%lld won deal has no customer",
                  "%lld won deals have no customer", unowned)
      : ngettext ("%lld purchase has no customer",
                  "%lld purchases have no customer", unowned),
    (long long)unowned));
}

/* Revenue up to the end of P over the customers who bought by then. */
static void
historical_value (SalesKpiResult *result,
                  SalesKpiScope  *scope,
                  guint           group)
{
  SalesKpiSums s;
  gint64 customers = 0;

  if (!_sales_kpi_scope_sums_before (scope, group, &s) ||
      !_sales_kpi_scope_first_before (scope, group, &customers))
    return;

  exclude_unowned (result, scope, s.purchases_unowned);
  if (customers == 0)
    _sales_kpi_result_null (result, _("no customer made a purchase before "
                                      "the end of this period"));
  else
    _sales_kpi_result_set (result, _sales_kpi_cents_to_money (s.owned_cents) *
                           gross_margin (scope), (double)customers,
                           customers);
}

/* Average purchase value × purchases per customer per year × lifespan
 * simplifies to revenue per customer per year × lifespan.
 */
static void
predictive_value (SalesKpiResult *result,
                  SalesKpiScope  *scope,
                  guint           group)
{
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);
  const SalesKpiSettings *settings = _sales_kpi_scope_get_settings (scope);
  double lifespan = settings != NULL ? settings->lifespan_years : 3.0;
  double years = sales_period_get_days (&g->period) / DAYS_PER_YEAR;
  SalesKpiSums s;
  gint64 customers = 0;

  if (!_sales_kpi_scope_sums (scope, group, &s) ||
      !_sales_kpi_scope_customers (scope, group, &customers))
    return;

  exclude_unowned (result, scope, s.purchases_unowned);
  if (customers == 0)
    _sales_kpi_result_null (result, _("no customer made a purchase in this "
                                      "period"));
  else
    _sales_kpi_result_set (result, _sales_kpi_cents_to_money (s.owned_cents) *
                           gross_margin (scope) * lifespan / years,
                           (double)customers, customers);
}

SalesKpiResult *
_sales_kpi_customer_lifetime_value (SalesKpiScope      *scope,
                                    guint               group,
                                    const SalesKpiInfo *info)
{
  const char *variant = _sales_kpi_variant (
    _sales_kpi_scope_get_settings (scope), info->id);
  SalesKpiResult *result = _sales_kpi_result_new (info, variant);

  if (g_str_equal (variant, "predictive"))
    predictive_value (result, scope, group);
  else
    historical_value (result, scope, group);
  return result;
}
