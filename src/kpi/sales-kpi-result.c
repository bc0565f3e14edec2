/* sales-kpi-result.c: building and freeing KPI results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-kpi-private.h"

/**
 * _sales_kpi_result_new:
 * @info: the KPI
 * @variant: the variant computed
 *
 * Returns: (transfer full): a result without a value yet, carrying the
 *   variant's formula
 */
SalesKpiResult *
_sales_kpi_result_new (const SalesKpiInfo *info,
                       const char         *variant)
{
  SalesKpiResult *result = g_new0 (SalesKpiResult, 1);

  result->info = sales_kpi_lookup (info->id);
  result->variant = g_strdup (variant);
  result->formula = g_strdup (sales_kpi_get_formula (info->id, variant));
  return result;
}

/* A zero denominator never gives a value: the caller says why first. */
void
_sales_kpi_result_set (SalesKpiResult *result,
                       double          numerator,
                       double          denominator,
                       gint64          count)
{
  g_assert (denominator != 0.0);

  result->has_value = TRUE;
  result->numerator = numerator;
  result->denominator = denominator;
  result->value = numerator / denominator;
  result->count = count;
}

void
_sales_kpi_result_null (SalesKpiResult *result,
                        const char     *reason)
{
  result->has_value = FALSE;
  result->value = 0.0;
  g_free (result->reason);
  result->reason = g_strdup (reason);
}

/* Takes @reason; a count of zero leaves the result without exclusions. */
void
_sales_kpi_result_exclude (SalesKpiResult *result,
                           gint64          excluded,
                           char           *reason)
{
  result->excluded = excluded;
  g_free (result->excluded_reason);
  result->excluded_reason = excluded > 0 ? reason : NULL;
  if (excluded <= 0)
    g_free (reason);
}

/* Cents are summed as integers; only the result becomes a double. */
double
_sales_kpi_cents_to_money (gint64 cents)
{
  return (double)cents / 100.0;
}

void
sales_kpi_result_free (SalesKpiResult *result)
{
  if (result == NULL)
    return;

  g_free (result->excluded_reason);
  g_free (result->reason);
  g_free (result->formula);
  g_free (result->variant);
  g_free (result);
}

void
sales_kpi_report_free (SalesKpiReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->results, g_ptr_array_unref);
  g_free ((char *)report->filter.owner);
  g_free ((char *)report->filter.source);
  g_free (report);
}
