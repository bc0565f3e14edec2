/* sales-kpi-format.c: KPI values as the dashboard writes them
 *
 * One formatter for tiles, details and tests, built on the chart layer's
 * so a value reads the same on screen, in a tooltip and in a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-kpi.h"
#include "sales-kpi-format.h"

/**
 * sales_kpi_format_value:
 * @info: the KPI
 * @value: a value in the KPI's unit
 * @currency: the workspace currency, for money
 *
 * Returns: (transfer full): @value in the user's locale, with its unit
 */
char *
sales_kpi_format_value (const SalesKpiInfo *info,
                        double              value,
                        const char         *currency)
{
  SalesNumberStyle style;

  g_return_val_if_fail (info != NULL, NULL);

  sales_number_style_from_locale (&style);
  return sales_chart_format_value (value, sales_chart_unit_for_kpi (info->unit),
                                   currency, FALSE, &style);
}

/**
 * sales_kpi_format_result:
 * @result: a KPI result
 * @currency: the workspace currency
 *
 * Returns: (transfer full): the value, or an em dash when there is none
 */
char *
sales_kpi_format_result (const SalesKpiResult *result,
                         const char           *currency)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (!result->has_value)
    return g_strdup ("—");

  return sales_kpi_format_value (result->info, result->value, currency);
}

/**
 * sales_kpi_format_number:
 * @value: a numerator, denominator or count
 *
 * Returns: (transfer full): @value with the locale's separators and at
 *   most two decimals
 */
char *
sales_kpi_format_number (double value)
{
  SalesNumberStyle style;
  double whole = (double)(gint64)value;

  sales_number_style_from_locale (&style);
  return sales_chart_format_number (value, value == whole ? 0 : 2, &style);
}
