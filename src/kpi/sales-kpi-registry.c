/* sales-kpi-registry.c: the twelve KPIs, their units, variants, formulas
 *
 * The order and ids are those of shared/KPIS.md. A formula is the text a
 * user reads next to a number, so it names the selected variant's rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-kpi-private.h"

static const SalesKpiDefinition definitions[] = {
  { { "sales_cycle_days", N_("Average sales cycle"), SALES_KPI_UNIT_DAYS,
      FALSE },
    _sales_kpi_sales_cycle_days, { "default", "won_and_lost" },
    { N_("mean of (closed − start) over won deals closed in the period"),
      N_("mean of (closed − start) over won and lost deals closed in the "
         "period") } },
  { { "win_rate", N_("Win rate"), SALES_KPI_UNIT_PERCENT, TRUE },
    _sales_kpi_win_rate, { "default", "all_created" },
    { N_("100 × won ÷ (won + lost), deals closed in the period"),
      N_("100 × won ÷ all, deals created in the period") } },
  { { "close_rate", N_("Close rate"), SALES_KPI_UNIT_PERCENT, TRUE },
    _sales_kpi_close_rate, { "default" },
    { N_("100 × won ÷ qualified, deals closed in the period that reached "
         "qualification") } },
  { { "cost_per_lead", N_("Cost per lead"), SALES_KPI_UNIT_MONEY, FALSE },
    _sales_kpi_cost_per_lead, { "default" },
    { N_("marketing spend in the period ÷ leads created in the period") } },
  { { "lead_to_opportunity", N_("Lead-to-opportunity rate"),
      SALES_KPI_UNIT_PERCENT, TRUE },
    _sales_kpi_lead_to_opportunity, { "default" },
    { N_("100 × converted ÷ leads created in the period") } },
  { { "lead_response_hours", N_("Lead response time"), SALES_KPI_UNIT_HOURS,
      FALSE },
    _sales_kpi_lead_response_hours, { "default" },
    { N_("mean of (first response − created) over leads created in the "
         "period that have a response") } },
  { { "customer_acquisition_cost", N_("Customer acquisition cost"),
      SALES_KPI_UNIT_MONEY, FALSE },
    _sales_kpi_customer_acquisition_cost, { "default" },
    { N_("(marketing + sales spend in the period) ÷ customers acquired in "
         "the period") } },
  { { "average_purchase_value", N_("Average purchase value"),
      SALES_KPI_UNIT_MONEY, TRUE },
    _sales_kpi_average_purchase_value, { "default" },
    { N_("sum ÷ count of purchases made in the period") } },
  { { "sales_time_days", N_("Average sales time"), SALES_KPI_UNIT_DAYS,
      FALSE },
    _sales_kpi_sales_time_days, { "default" },
    { N_("mean of (acquired − lead created) over customers acquired in the "
         "period that have an originating lead") } },
  { { "customer_lifetime_value", N_("Customer lifetime value"),
      SALES_KPI_UNIT_MONEY, TRUE },
    _sales_kpi_customer_lifetime_value, { "default", "predictive" },
    { N_("revenue of all purchases before the end of the period ÷ "
         "customers with such a purchase × gross margin"),
      N_("average purchase value × purchases per customer per year × "
         "lifespan in years × gross margin") } },
  { { "forecast_accuracy", N_("Forecast accuracy"), SALES_KPI_UNIT_PERCENT,
      TRUE },
    _sales_kpi_forecast_accuracy, { "default", "mape" },
    { N_("100 × max(0, 1 − |A − F| ÷ A), A = won in the period, "
         "F = forecasts starting in the period"),
      N_("100 − mean over the months of the period of 100 × |A − F| ÷ A") } },
  { { "sales_efficiency", N_("Sales efficiency"), SALES_KPI_UNIT_RATIO,
      TRUE },
    _sales_kpi_sales_efficiency, { "default" },
    { N_("won in the period ÷ (marketing + sales spend in the period)") } },
};

static SalesKpiInfo infos[G_N_ELEMENTS (definitions)];

static gpointer
init_infos (gpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (definitions); i++)
    infos[i] = definitions[i].info;
  return NULL;
}

/**
 * sales_kpi_get_all:
 * @n_kpis: (out): the number of KPIs, twelve
 *
 * Returns: (array length=n_kpis): the KPIs in the order of KPIS.md; labels
 *   are untranslated (translate with _())
 */
const SalesKpiInfo *
sales_kpi_get_all (guint *n_kpis)
{
  static GOnce once = G_ONCE_INIT;

  g_return_val_if_fail (n_kpis != NULL, NULL);

  g_once (&once, init_infos, NULL);
  *n_kpis = G_N_ELEMENTS (definitions);
  return infos;
}

/**
 * sales_kpi_lookup:
 * @id: a KPI id such as "win_rate"
 *
 * Returns: (nullable): the KPI, or %NULL when @id is not one of the twelve
 */
const SalesKpiInfo *
sales_kpi_lookup (const char *id)
{
  guint n;
  const SalesKpiInfo *all = sales_kpi_get_all (&n);

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (all[i].id, id))
      return &all[i];

  return NULL;
}

const SalesKpiDefinition *
_sales_kpi_definition (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (definitions); i++)
    if (g_str_equal (definitions[i].info.id, id))
      return &definitions[i];

  return NULL;
}

/**
 * _sales_kpi_check_id:
 * @id: a KPI id
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @id is one of the twelve, else %FALSE with
 *   %SALES_ERROR_INVALID
 */
gboolean
_sales_kpi_check_id (const char  *id,
                     GError     **error)
{
  if (_sales_kpi_definition (id) != NULL)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
               _("“%s” is not a KPI; see the KPI list for the ids"), id);
  return FALSE;
}

/**
 * sales_kpi_get_variants:
 * @id: a KPI id
 *
 * Returns: (array zero-terminated=1) (nullable): the variant ids of @id,
 *   "default" first; %NULL for an unknown id
 */
const char *const *
sales_kpi_get_variants (const char *id)
{
  const SalesKpiDefinition *definition;

  g_return_val_if_fail (id != NULL, NULL);

  definition = _sales_kpi_definition (id);
  return definition != NULL ? definition->variants : NULL;
}

/**
 * sales_kpi_get_formula:
 * @id: a KPI id
 * @variant: (nullable): a variant id, %NULL for "default"
 *
 * Returns: (nullable): the translated formula text, %NULL when @id or
 *   @variant is unknown
 */
const char *
sales_kpi_get_formula (const char *id,
                       const char *variant)
{
  const SalesKpiDefinition *definition;

  g_return_val_if_fail (id != NULL, NULL);

  definition = _sales_kpi_definition (id);
  for (guint i = 0; definition != NULL && definition->variants[i] != NULL;
       i++)
    if (g_str_equal (definition->variants[i],
                     variant != NULL ? variant : "default"))
      return _(definition->formulas[i]);

  return NULL;
}

/**
 * sales_kpi_unit_to_string:
 * @unit: a unit
 *
 * Returns: the unit's id as the CLI's JSON writes it: "days", "hours",
 *   "percent", "money" or "ratio"
 */
const char *
sales_kpi_unit_to_string (SalesKpiUnit unit)
{
  switch (unit)
    {
    case SALES_KPI_UNIT_DAYS:
      return "days";
    case SALES_KPI_UNIT_HOURS:
      return "hours";
    case SALES_KPI_UNIT_PERCENT:
      return "percent";
    case SALES_KPI_UNIT_MONEY:
      return "money";
    case SALES_KPI_UNIT_RATIO:
      return "ratio";
    default:
      g_return_val_if_reached ("ratio");
    }
}

/**
 * _sales_kpi_variant:
 * @settings: (nullable): settings
 * @id: a KPI id
 *
 * Returns: the variant @settings select for @id, when it is one of its
 *   variants; otherwise "default"
 */
const char *
_sales_kpi_variant (const SalesKpiSettings *settings,
                    const char             *id)
{
  const SalesKpiDefinition *definition = _sales_kpi_definition (id);
  const char *selected = NULL;

  if (settings != NULL && g_str_equal (id, "win_rate"))
    selected = settings->win_rate;
  else if (settings != NULL && g_str_equal (id, "sales_cycle_days"))
    selected = settings->sales_cycle_days;
  else if (settings != NULL && g_str_equal (id, "customer_lifetime_value"))
    selected = settings->customer_lifetime_value;
  else if (settings != NULL && g_str_equal (id, "forecast_accuracy"))
    selected = settings->forecast_accuracy;

  for (guint i = 1; selected != NULL && definition->variants[i] != NULL; i++)
    if (g_str_equal (definition->variants[i], selected))
      return definition->variants[i];

  return "default";
}
