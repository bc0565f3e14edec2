/* sales-kpi-leads.c: the KPIs of leads
 *
 * Cost per lead, lead-to-opportunity rate and lead response time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-kpi-private.h"

#define MS_PER_HOUR 3600000.0

static const char *
no_leads (void)
{
  return _("no leads were created in this period");
}

SalesKpiResult *
_sales_kpi_cost_per_lead (SalesKpiScope      *scope,
                          guint               group,
                          const SalesKpiInfo *info)
{
  SalesKpiResult *result = _sales_kpi_result_new (info, "default");
  SalesKpiSums s;

  /* Marketing spend has a channel, so a source filter applies to both. */
  if (!_sales_kpi_spend_sums (scope, group, TRUE, result, &s))
    return result;

  if (s.leads == 0)
    _sales_kpi_result_null (result, no_leads ());
  else if (s.marketing_cents == 0)
    _sales_kpi_result_null (result, _("no marketing spend was recorded in "
                                      "this period"));
  else
    _sales_kpi_result_set (result,
                           _sales_kpi_cents_to_money (s.marketing_cents),
                           (double)s.leads, s.leads);
  return result;
}

SalesKpiResult *
_sales_kpi_lead_to_opportunity (SalesKpiScope      *scope,
                                guint               group,
                                const SalesKpiInfo *info)
{
  SalesKpiResult *result = _sales_kpi_result_new (info, "default");
  SalesKpiSums s;

  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  if (s.leads == 0)
    _sales_kpi_result_null (result, no_leads ());
  else
    {
      _sales_kpi_result_set (result, 100.0 * (double)s.converted,
                             (double)s.leads, s.leads);
      result->numerator = (double)s.converted;
    }
  return result;
}

SalesKpiResult *
_sales_kpi_lead_response_hours (SalesKpiScope      *scope,
                                guint               group,
                                const SalesKpiInfo *info)
{
  SalesKpiResult *result = _sales_kpi_result_new (info, "default");
  SalesKpiSums s;
  double median;
  gint64 unanswered;

  if (!_sales_kpi_scope_sums (scope, group, &s))
    return result;

  unanswered = s.leads - s.answered;
  _sales_kpi_result_exclude (result, unanswered, g_strdup_printf (
    ngettext ("%lld lead has no response", "%lld leads have no response",
              unanswered), (long long)unanswered));

  if (s.leads == 0)
    {
      _sales_kpi_result_null (result, no_leads ());
      return result;
    }
  if (s.answered == 0)
    {
      _sales_kpi_result_null (result, _("no lead created in this period has "
                                        "a response"));
      return result;
    }

  _sales_kpi_result_set (result, (double)s.answer_ms / MS_PER_HOUR,
                         (double)s.answered, s.answered);
  result->has_share_within_hour = TRUE;
  result->share_within_hour = 100.0 * (double)s.answered_in_hour /
                              (double)s.answered;
  if (_sales_kpi_scope_median_ms (scope, group, &median))
    {
      result->has_median = TRUE;
      result->median = median / MS_PER_HOUR;
    }
  return result;
}
