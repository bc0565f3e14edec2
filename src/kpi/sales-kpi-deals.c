/* sales-kpi-deals.c: the KPIs of closed deals
 *
 * Average sales cycle, win rate, close rate, forecast accuracy and sales
 * efficiency, from the roll-up's deal columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sales-kpi-private.h"

#define MS_PER_DAY 86400000.0

static SalesKpiResult *
new_result (SalesKpiScope      *scope,
            const SalesKpiInfo *info)
{
  return _sales_kpi_result_new (info,
    _sales_kpi_variant (_sales_kpi_scope_get_settings (scope), info->id));
}

SalesKpiResult *
_sales_kpi_sales_cycle_days (SalesKpiScope      *scope,
                             guint               group,
                             const SalesKpiInfo *info)
{
  SalesKpiResult *result = new_result (scope, info);
  gboolean with_lost = g_str_equal (result->variant, "won_and_lost");
  SalesKpiSums s;
  gint64 closed, timed, untimed, ms;

  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  closed = s.won + (with_lost ? s.lost : 0);
  timed = s.won_timed + (with_lost ? s.lost_timed : 0);
  untimed = s.won_untimed + (with_lost ? s.lost_untimed : 0);
  ms = s.won_ms + (with_lost ? s.lost_ms : 0);

  _sales_kpi_result_exclude (result, untimed, g_strdup_printf (with_lost
    ? ngettext ("%lld closed deal has no start date",
                "%lld closed deals have no start date", untimed)
    : ngettext ("%lld won deal has no start date",
                "%lld won deals have no start date", untimed),
    (long long)untimed));

  if (closed == 0)
    _sales_kpi_result_null (result, with_lost
                            ? _("no deals were closed in this period")
                            : _("no deals were won in this period"));
  else if (timed == 0)
    _sales_kpi_result_null (result, _("no deal closed in this period has a "
                                      "start date"));
  else
    _sales_kpi_result_set (result, (double)ms / MS_PER_DAY, (double)timed,
                           timed);
  return result;
}

SalesKpiResult *
_sales_kpi_win_rate (SalesKpiScope      *scope,
                     guint               group,
                     const SalesKpiInfo *info)
{
  SalesKpiResult *result = new_result (scope, info);
  SalesKpiSums s;

  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  if (g_str_equal (result->variant, "all_created"))
    {
      if (s.created == 0)
        _sales_kpi_result_null (result,
                                _("no deals were created in this period"));
      else
        _sales_kpi_result_set (result, 100.0 * (double)s.created_won,
                               (double)s.created, s.created);
    }
  else if (s.won + s.lost == 0)
    _sales_kpi_result_null (result, _("no deals were closed in this period"));
  else
    _sales_kpi_result_set (result, 100.0 * (double)s.won,
                           (double)(s.won + s.lost), s.won + s.lost);

  /* Show the counts, not the percentage, as the numerator. */
  if (result->has_value)
    result->numerator /= 100.0;
  return result;
}

SalesKpiResult *
_sales_kpi_close_rate (SalesKpiScope      *scope,
                       guint               group,
                       const SalesKpiInfo *info)
{
  SalesKpiResult *result = new_result (scope, info);
  SalesKpiSums s;
  gint64 qualified;

  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  /* A won deal reached qualification whether or not it was recorded. */
  qualified = s.won + s.lost_qualified;
  if (qualified == 0)
    _sales_kpi_result_null (result, _("no qualified deals were closed in "
                                      "this period"));
  else
    {
      _sales_kpi_result_set (result, 100.0 * (double)s.won,
                             (double)qualified, qualified);
      result->numerator = (double)s.won;
    }
  return result;
}

static void
exclude_unpriced (SalesKpiResult     *result,
                  const SalesKpiSums *s)
{
  _sales_kpi_result_exclude (result, s->won_unpriced, g_strdup_printf (
    ngettext ("%lld won deal has no amount",
              "%lld won deals have no amount", s->won_unpriced),
    (long long)s->won_unpriced));
}

static void
set_bias (SalesKpiResult     *result,
          const SalesKpiSums *s)
{
  if (s->won_cents == 0 || s->forecasts == 0)
    return;

  result->has_bias = TRUE;
  result->bias = (double)s->forecast_cents / (double)s->won_cents - 1.0;
}

static void
forecast_mape (SalesKpiResult *result,
               SalesKpiScope  *scope,
               guint           group)
{
  g_autoptr(GArray) months = _sales_kpi_scope_months (scope, group);
  double errors = 0.0;
  gint64 used = 0;

  for (guint i = 0; i < months->len; i++)
    {
      SalesKpiMonth *m = &g_array_index (months, SalesKpiMonth, i);

      if (m->actual_cents == 0 || m->forecasts == 0)
        continue;
      errors += 100.0 * fabs ((double)(m->actual_cents - m->forecast_cents)) /
                (double)m->actual_cents;
      used++;
    }

  if (used < months->len)
    _sales_kpi_result_exclude (result, (gint64)months->len - used,
      g_strdup_printf (ngettext ("%lld month has no forecast or no won deals",
                                 "%lld months have no forecast or no won "
                                 "deals", (gint64)months->len - used),
                       (long long)((gint64)months->len - used)));

  if (used == 0)
    {
      _sales_kpi_result_null (result, _("no month of this period has both a "
                                        "forecast and won deals"));
      return;
    }

  _sales_kpi_result_set (result, errors, (double)used, used);
  result->value = 100.0 - errors / (double)used;
}

SalesKpiResult *
_sales_kpi_forecast_accuracy (SalesKpiScope      *scope,
                              guint               group,
                              const SalesKpiInfo *info)
{
  SalesKpiResult *result = new_result (scope, info);
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);
  SalesKpiSums s;
  double a, f;

  if (g->filter.source != NULL)
    {
      _sales_kpi_result_null (result, _("forecasts have no source; remove "
                                        "the source filter"));
      return result;
    }
  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  set_bias (result, &s);
  if (g_str_equal (result->variant, "mape"))
    {
      forecast_mape (result, scope, group);
      return result;
    }

  exclude_unpriced (result, &s);
  if (s.forecasts == 0)
    _sales_kpi_result_null (result, _("no forecast starts in this period"));
  else if (s.won_cents == 0)
    _sales_kpi_result_null (result, _("no revenue was won in this period"));
  else
    {
      a = _sales_kpi_cents_to_money (s.won_cents);
      f = _sales_kpi_cents_to_money (s.forecast_cents);
      _sales_kpi_result_set (result, fabs (a - f), a,
                             s.won - s.won_unpriced);
      result->value = 100.0 * MAX (0.0, 1.0 - result->value);
    }
  return result;
}

/**
 * _sales_kpi_spend_filter_reason:
 * @filter: the group's filter
 * @marketing_only: whether only marketing spend (which has a channel) is
 *   read
 *
 * Returns: (nullable): why spend cannot be filtered so, or %NULL
 */
const char *
_sales_kpi_spend_filter_reason (const SalesKpiFilter *filter,
                                gboolean              marketing_only)
{
  if (filter->owner != NULL)
    return _("spend has no owner; remove the owner filter");
  if (filter->source != NULL && !marketing_only)
    return _("sales spend has no channel; remove the source filter");
  return NULL;
}

/**
 * _sales_kpi_spend_sums:
 * @scope: the evaluation
 * @group: the group evaluated
 * @marketing_only: whether only marketing spend is read
 * @result: the result, set to null with the reason when spend cannot be
 *   filtered as the group asks
 * @s: (out): the group's sums
 *
 * The shared start of the KPIs that read spend.
 *
 * Returns: %TRUE when @s holds the sums; %FALSE when @result is decided
 */
gboolean
_sales_kpi_spend_sums (SalesKpiScope  *scope,
                       guint           group,
                       gboolean        marketing_only,
                       SalesKpiResult *result,
                       SalesKpiSums   *s)
{
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);
  const char *reason = _sales_kpi_spend_filter_reason (&g->filter,
                                                       marketing_only);

  if (reason != NULL)
    {
      _sales_kpi_result_null (result, reason);
      return FALSE;
    }

  return _sales_kpi_scope_sums (scope, group, s);
}

SalesKpiResult *
_sales_kpi_sales_efficiency (SalesKpiScope      *scope,
                             guint               group,
                             const SalesKpiInfo *info)
{
  SalesKpiResult *result = new_result (scope, info);
  SalesKpiSums s;

  if (!_sales_kpi_spend_sums (scope, group, FALSE, result, &s))
    return result;

  exclude_unpriced (result, &s);
  if (s.marketing_cents + s.sales_cents == 0)
    _sales_kpi_result_null (result, _("no marketing or sales spend was "
                                      "recorded in this period"));
  else
    _sales_kpi_result_set (result, _sales_kpi_cents_to_money (s.won_cents),
                           _sales_kpi_cents_to_money (s.marketing_cents +
                                                      s.sales_cents),
                           s.won - s.won_unpriced);
  return result;
}
