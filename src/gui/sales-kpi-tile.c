/* sales-kpi-tile.c: one KPI on the dashboard
 *
 * Value, change against the comparison period and a sparkline of the
 * last months. A KPI without a value says why instead of showing zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-view.h"
#include "sales-chart-kpi.h"
#include "sales-kpi-format.h"
#include "sales-kpi-tile.h"

struct _SalesKpiTile
{
  GtkFlowBoxChild     parent_instance;

  const SalesKpiInfo *info;

  GtkLabel           *title_label;
  GtkLabel           *value_label;
  GtkLabel           *change_label;
  GtkLabel           *reason_label;
  SalesChartView     *sparkline;
};

G_DEFINE_FINAL_TYPE (SalesKpiTile, sales_kpi_tile, GTK_TYPE_FLOW_BOX_CHILD)

const SalesKpiInfo *
sales_kpi_tile_get_info (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NULL);

  return self->info;
}

const char *
sales_kpi_tile_get_value_text (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->value_label);
}

const char *
sales_kpi_tile_get_reason_text (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->reason_label);
}

static void
show_change (SalesKpiTile         *self,
             const SalesKpiResult *result,
             const SalesKpiResult *previous,
             const char           *compare_label)
{
  GtkWidget *label = GTK_WIDGET (self->change_label);
  SalesNumberStyle style;
  g_autofree char *change = NULL;
  g_autofree char *text = NULL;
  gboolean better;

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_add_css_class (label, "dim-label");

  if (previous == NULL || !previous->has_value || !result->has_value)
    {
      /* Translators: the tile has no comparison value; %s is e.g.
       * "previous period"
       */
      text = g_strdup_printf (_("No value for the %s"), compare_label);
      gtk_label_set_label (self->change_label, text);
      return;
    }

  sales_number_style_from_locale (&style);
  change = sales_chart_format_change (result->value, previous->value,
                                      sales_chart_unit_for_kpi (self->info->unit),
                                      &style);
  /* Translators: "+4.2 pts vs previous period" */
  text = g_strdup_printf (_("%s vs %s"), change, compare_label);
  gtk_label_set_label (self->change_label, text);

  if (result->value == previous->value)
    return;

  better = (result->value > previous->value) == self->info->higher_is_better;
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, better ? "success" : "error");
}

static void
show_sparkline (SalesKpiTile *self,
                GArray       *trend)
{
  g_autoptr(SalesChart) chart = NULL;
  guint series;

  if (trend == NULL || trend->len == 0)
    {
      sales_chart_view_set_chart (self->sparkline, NULL);
      return;
    }

  chart = sales_chart_new (SALES_CHART_SPARKLINE);
  sales_chart_set_title (chart, _(self->info->label));
  sales_chart_set_unit (chart, sales_chart_unit_for_kpi (self->info->unit), NULL);
  series = sales_chart_add_series (chart, _(self->info->label),
                                   SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < trend->len; i++)
    {
      SalesKpiPoint *point = &g_array_index (trend, SalesKpiPoint, i);

      sales_chart_add_date (chart, point->period.from, SALES_CHART_DATE_MONTH);
      if (point->result != NULL && point->result->has_value)
        sales_chart_series_append (chart, series, point->result->value);
      else
        sales_chart_series_append_null (chart, series);
    }

  sales_chart_view_set_chart (self->sparkline, chart);
}

static void
update_accessible (SalesKpiTile *self)
{
  g_autofree char *text = g_strdup_printf ("%s: %s. %s",
    _(self->info->label), gtk_label_get_label (self->value_label),
    gtk_widget_get_visible (GTK_WIDGET (self->reason_label))
      ? gtk_label_get_label (self->reason_label)
      : gtk_label_get_label (self->change_label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/**
 * sales_kpi_tile_set_result:
 * @self: a tile
 * @result: (nullable): this period's result, %NULL while unknown
 * @previous: (nullable): the comparison period's result
 * @trend: (nullable) (element-type SalesKpiPoint): the sparkline's months
 * @currency: the workspace currency
 * @compare_label: what @previous is, e.g. "previous period"
 *
 * Shows @result; a result without a value shows its reason.
 */
void
sales_kpi_tile_set_result (SalesKpiTile         *self,
                           const SalesKpiResult *result,
                           const SalesKpiResult *previous,
                           GArray               *trend,
                           const char           *currency,
                           const char           *compare_label)
{
  g_autofree char *value = NULL;

  g_return_if_fail (SALES_IS_KPI_TILE (self));

  if (result == NULL)
    {
      gtk_label_set_label (self->value_label, "—");
      gtk_label_set_label (self->change_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->reason_label), FALSE);
      sales_chart_view_set_chart (self->sparkline, NULL);
      return;
    }

  value = sales_kpi_format_result (result, currency);
  gtk_label_set_label (self->value_label, value);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), !result->has_value);
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), result->has_value);
  gtk_label_set_label (self->reason_label,
                       result->reason != NULL ? result->reason : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), result->formula);

  show_change (self, result, previous, compare_label);
  show_sparkline (self, trend);
  update_accessible (self);
}

static void
sales_kpi_tile_class_init (SalesKpiTileClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SALES_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-kpi-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile,
                                        title_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile,
                                        value_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile,
                                        change_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile,
                                        reason_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile,
                                        sparkline);
}

static void
sales_kpi_tile_init (SalesKpiTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_kpi_tile_new:
 * @info: the KPI the tile shows
 *
 * Returns: (transfer floating): a tile without a value yet
 */
GtkWidget *
sales_kpi_tile_new (const SalesKpiInfo *info)
{
  SalesKpiTile *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (SALES_TYPE_KPI_TILE, NULL);
  self->info = info;
  gtk_label_set_label (self->title_label, _(info->label));
  gtk_widget_set_name (GTK_WIDGET (self), info->id);
  update_accessible (self);
  return GTK_WIDGET (self);
}
