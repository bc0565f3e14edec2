/* sales-kpi-detail.c: one KPI explained: trend, breakdowns, formula
 *
 * Every number on the dashboard can be traced here: the formula, the
 * numerator and denominator it divides, the rows it counted and left out
 * (with the reason), and buttons that open those rows in their table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-view.h"
#include "sales-kpi-detail.h"
#include "sales-kpi-format.h"

struct _SalesKpiDetail
{
  AdwBin              parent_instance;

  const SalesKpiInfo *info;

  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkSpinner         *spinner;
  GtkWidget          *show_rows_button;
  SalesChartView     *trend_view;
  SalesChartView     *owner_view;
  SalesChartView     *source_view;
  AdwActionRow       *formula_row;
  AdwActionRow       *numerator_row;
  AdwActionRow       *denominator_row;
  AdwActionRow       *count_row;
  AdwActionRow       *excluded_row;
  GtkWidget          *excluded_button;
};

G_DEFINE_FINAL_TYPE (SalesKpiDetail, sales_kpi_detail, ADW_TYPE_BIN)

enum { SHOW_ROWS, CLOSED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_rows_clicked_cb (GtkButton      *button,
                      SalesKpiDetail *self)
{
  g_signal_emit (self, signals[SHOW_ROWS], 0, SALES_DRILL_DENOMINATOR);
}

static void
numerator_clicked_cb (GtkButton      *button,
                      SalesKpiDetail *self)
{
  g_signal_emit (self, signals[SHOW_ROWS], 0, SALES_DRILL_NUMERATOR);
}

static void
denominator_clicked_cb (GtkButton      *button,
                        SalesKpiDetail *self)
{
  g_signal_emit (self, signals[SHOW_ROWS], 0, SALES_DRILL_DENOMINATOR);
}

static void
excluded_clicked_cb (GtkButton      *button,
                     SalesKpiDetail *self)
{
  g_signal_emit (self, signals[SHOW_ROWS], 0, SALES_DRILL_EXCLUDED);
}

static void
close_clicked_cb (GtkButton      *button,
                  SalesKpiDetail *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

const SalesKpiInfo *
sales_kpi_detail_get_kpi (SalesKpiDetail *self)
{
  g_return_val_if_fail (SALES_IS_KPI_DETAIL (self), NULL);

  return self->info;
}

GtkWidget *
sales_kpi_detail_get_trend_view (SalesKpiDetail *self)
{
  g_return_val_if_fail (SALES_IS_KPI_DETAIL (self), NULL);

  return GTK_WIDGET (self->trend_view);
}

/**
 * sales_kpi_detail_set_kpi:
 * @self: a detail pane
 * @info: the KPI to explain
 *
 * Switches to @info; its numbers follow with set_result and set_data.
 */
void
sales_kpi_detail_set_kpi (SalesKpiDetail     *self,
                          const SalesKpiInfo *info)
{
  g_return_if_fail (SALES_IS_KPI_DETAIL (self));
  g_return_if_fail (info != NULL);

  self->info = info;
  gtk_label_set_label (self->title_label, _(info->label));
  sales_chart_view_set_chart (self->trend_view, NULL);
  sales_chart_view_set_chart (self->owner_view, NULL);
  sales_chart_view_set_chart (self->source_view, NULL);
}

void
sales_kpi_detail_set_busy (SalesKpiDetail *self,
                           gboolean        busy)
{
  g_return_if_fail (SALES_IS_KPI_DETAIL (self));

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
set_number_row (AdwActionRow *row,
                double        value)
{
  g_autofree char *text = sales_kpi_format_number (value);

  adw_action_row_set_subtitle (row, text);
}

/**
 * sales_kpi_detail_set_result:
 * @self: a detail pane showing @result's KPI
 * @result: the KPI's result for the period
 * @currency: the workspace currency
 * @period_text: the period, as shown above the tiles
 *
 * Shows the value, formula, numerator, denominator and counts.
 */
void
sales_kpi_detail_set_result (SalesKpiDetail       *self,
                             const SalesKpiResult *result,
                             const char           *currency,
                             const char           *period_text)
{
  g_autofree char *value = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *excluded = NULL;

  g_return_if_fail (SALES_IS_KPI_DETAIL (self));
  g_return_if_fail (result != NULL);

  value = sales_kpi_format_result (result, currency);
  if (result->has_value)
    subtitle = g_strdup_printf ("%s · %s", value, period_text);
  else
    subtitle = g_strdup_printf ("%s · %s", result->reason != NULL
                                             ? result->reason : value,
                                period_text);
  gtk_label_set_label (self->subtitle_label, subtitle);

  adw_action_row_set_subtitle (self->formula_row,
                               result->formula != NULL ? result->formula : "");
  set_number_row (self->numerator_row, result->numerator);
  set_number_row (self->denominator_row, result->denominator);
  set_number_row (self->count_row, (double)result->count);

  excluded = sales_kpi_format_number ((double)result->excluded);
  if (result->excluded > 0 && result->excluded_reason != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", excluded,
                                               result->excluded_reason);

      adw_action_row_set_subtitle (self->excluded_row, text);
    }
  else
    adw_action_row_set_subtitle (self->excluded_row, excluded);
  gtk_widget_set_sensitive (self->excluded_button, result->excluded > 0);
}

/**
 * sales_kpi_detail_set_data:
 * @self: a detail pane
 * @data: a refresh that computed this KPI's detail
 * @source: currency, settings and filters, for the charts' text
 * @period: the period of the breakdowns
 *
 * Shows the trend with its comparison and the breakdowns, drawn by the
 * chart layer's KPI charts, as the CLI and the report draw them.
 */
void
sales_kpi_detail_set_data (SalesKpiDetail            *self,
                           const SalesDashboardData  *data,
                           const SalesChartKpiSource *source,
                           const SalesPeriod         *period)
{
  g_autoptr(SalesChart) trend = NULL;
  g_autoptr(SalesChart) owners = NULL;
  g_autoptr(SalesChart) sources = NULL;

  g_return_if_fail (SALES_IS_KPI_DETAIL (self));
  g_return_if_fail (data != NULL && data->whole != NULL);
  g_return_if_fail (self->info != NULL);

  trend = sales_chart_kpi_trend_chart (source, self->info, SALES_BUCKET_MONTH,
                                       &data->trend_range,
                                       &data->compare_range, data->trend,
                                       data->compare_trend, data->whole);
  owners = sales_chart_kpi_breakdown_chart (source, self->info, "owner",
                                            period, data->by_owner,
                                            data->whole);
  sources = sales_chart_kpi_breakdown_chart (source, self->info, "source",
                                             period, data->by_source,
                                             data->whole);

  sales_chart_view_set_chart (self->trend_view, trend);
  sales_chart_view_set_chart (self->owner_view, owners);
  sales_chart_view_set_chart (self->source_view, sources);
}

static void
sales_kpi_detail_class_init (SalesKpiDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * SalesKpiDetail::show-rows:
   * @part: a #SalesDrillPart
   *
   * The user asked for the rows behind part of the value.
   */
  signals[SHOW_ROWS] =
    g_signal_new ("show-rows", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SALES_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-kpi-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, spinner);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, show_rows_button);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, trend_view);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, owner_view);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, source_view);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, formula_row);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, numerator_row);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, denominator_row);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, count_row);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, excluded_row);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiDetail, excluded_button);
  gtk_widget_class_bind_template_callback (widget_class, show_rows_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, numerator_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, denominator_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, excluded_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
sales_kpi_detail_init (SalesKpiDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sales_kpi_detail_set_busy (self, FALSE);
}

GtkWidget *
sales_kpi_detail_new (void)
{
  return g_object_new (SALES_TYPE_KPI_DETAIL, NULL);
}
