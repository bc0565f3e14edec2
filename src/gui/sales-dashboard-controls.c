/* sales-dashboard-controls.c: period, filters and drill-down
 *
 * What the user picks in the dashboard's bar, and the entry points that
 * let tests and the window pick the same things.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-format.h"
#include "sales-dashboard-private.h"
#include "sales-kpi-tile.h"
#include "sales-window.h"

static void
date_from_calendar (GtkCalendar *calendar,
                    GDate       *date)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time),
                  g_date_time_get_month (time), g_date_time_get_year (time));
}

static void
calendar_select (GtkCalendar *calendar,
                 const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date),
                                                     12, 0, 0);

  gtk_calendar_select_day (calendar, time);
}

static void
show_range_labels (SalesDashboard *self)
{
  g_autofree char *from = sales_chart_format_date (&self->custom_first,
                                                   SALES_CHART_DATE_DAY, TRUE);
  g_autofree char *to = sales_chart_format_date (&self->custom_last,
                                                 SALES_CHART_DATE_DAY, TRUE);

  gtk_menu_button_set_label (self->from_button, from);
  gtk_menu_button_set_label (self->to_button, to);
}

/* Keeps first <= last whichever calendar moved. */
static void
range_changed (SalesDashboard *self,
               gboolean        first_moved)
{
  if (g_date_compare (&self->custom_first, &self->custom_last) > 0)
    {
      if (first_moved)
        self->custom_last = self->custom_first;
      else
        self->custom_first = self->custom_last;
    }

  self->updating = TRUE;
  calendar_select (self->from_calendar, &self->custom_first);
  calendar_select (self->to_calendar, &self->custom_last);
  self->updating = FALSE;
  show_range_labels (self);
}

static void
from_selected_cb (GtkCalendar    *calendar,
                  SalesDashboard *self)
{
  if (self->updating)
    return;

  date_from_calendar (calendar, &self->custom_first);
  range_changed (self, TRUE);
  gtk_menu_button_popdown (self->from_button);
  sales_dashboard_refresh (self);
}

static void
to_selected_cb (GtkCalendar    *calendar,
                SalesDashboard *self)
{
  if (self->updating)
    return;

  date_from_calendar (calendar, &self->custom_last);
  range_changed (self, FALSE);
  gtk_menu_button_popdown (self->to_button);
  sales_dashboard_refresh (self);
}

void
sales_dashboard_class_add_range_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, from_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_selected_cb);
}

/**
 * sales_dashboard_period_to_range:
 * @self: a dashboard
 *
 * Sets the custom range to the period shown, a starting point to edit.
 */
void
sales_dashboard_period_to_range (SalesDashboard *self)
{
  g_date_clear (&self->custom_first, 1);
  g_date_clear (&self->custom_last, 1);
  g_date_set_parse (&self->custom_first, self->period.from);
  g_date_set_parse (&self->custom_last, self->period.to);
  if (!g_date_valid (&self->custom_first) ||
      !g_date_valid (&self->custom_last))
    {
      self->custom_first = self->today;
      self->custom_last = self->today;
    }
  else
    g_date_subtract_days (&self->custom_last, 1);

  range_changed (self, TRUE);
}

/**
 * sales_dashboard_set_today:
 * @self: a dashboard
 * @today: the day "this month" and "last year" count from
 *
 * Defaults to the current day; tests and screenshots pin it.
 */
void
sales_dashboard_set_today (SalesDashboard *self,
                           const GDate    *today)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (g_date_valid (today));

  self->today = *today;
  sales_dashboard_refresh (self);
}

/**
 * sales_dashboard_set_period_choice:
 * @self: a dashboard
 * @choice: a named period
 *
 * Selects @choice in the period drop-down, which refreshes.
 */
void
sales_dashboard_set_period_choice (SalesDashboard    *self,
                                   SalesPeriodChoice  choice)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (choice <= SALES_PERIOD_CUSTOM);

  gtk_drop_down_set_selected (self->period_dropdown, choice);
}

/**
 * sales_dashboard_set_custom_range:
 * @self: a dashboard
 * @first: the first day
 * @last: the last day, included
 *
 * Shows the KPIs from @first to @last.
 */
void
sales_dashboard_set_custom_range (SalesDashboard *self,
                                  const GDate    *first,
                                  const GDate    *last)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (g_date_valid (first) && g_date_valid (last));

  self->custom_first = *first;
  self->custom_last = *last;
  range_changed (self, TRUE);

  /* Shown first so the drop-down does not reset the range. */
  gtk_widget_set_visible (self->custom_child, TRUE);
  if (gtk_drop_down_get_selected (self->period_dropdown) != SALES_PERIOD_CUSTOM)
    gtk_drop_down_set_selected (self->period_dropdown, SALES_PERIOD_CUSTOM);
  else
    sales_dashboard_refresh (self);
}

/**
 * sales_dashboard_bind_settings:
 * @self: a dashboard
 * @settings: the application's settings
 *
 * Keeps the period and comparison choices in @settings, so the next
 * window starts where this one left off.
 */
void
sales_dashboard_bind_settings (SalesDashboard *self,
                               GSettings      *settings)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "dashboard-period", self->period_dropdown,
                   "selected", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "dashboard-compare", self->compare_dropdown,
                   "selected", G_SETTINGS_BIND_DEFAULT);
}

/**
 * sales_dashboard_get_period:
 * @self: a dashboard
 * @period: (out) (optional): the period shown
 * @compare: (out) (optional): what it is compared with
 */
void
sales_dashboard_get_period (SalesDashboard *self,
                            SalesPeriod    *period,
                            SalesCompare   *compare)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));

  if (period != NULL)
    *period = self->period;
  if (compare != NULL)
    *compare = self->compare;
}

void
sales_dashboard_set_compare (SalesDashboard *self,
                             SalesCompare    compare)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));

  gtk_drop_down_set_selected (self->compare_dropdown,
                              compare == SALES_COMPARE_YEAR ? 1 : 0);
}

static gboolean
select_string (GtkDropDown *dropdown,
               const char  *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = g_list_model_get_n_items (model);

  if (value == NULL)
    {
      gtk_drop_down_set_selected (dropdown, 0);
      return TRUE;
    }

  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   value) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/**
 * sales_dashboard_set_owner:
 * @self: a dashboard
 * @owner: (nullable): an owner of the data, %NULL for all
 *
 * Returns: %FALSE when no row has @owner (nothing changes then)
 */
gboolean
sales_dashboard_set_owner (SalesDashboard *self,
                           const char     *owner)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), FALSE);

  return select_string (self->owner_dropdown, owner);
}

/**
 * sales_dashboard_set_source:
 * @self: a dashboard
 * @source: (nullable): a lead source, %NULL for all
 *
 * Returns: %FALSE when no row has @source (nothing changes then)
 */
gboolean
sales_dashboard_set_source (SalesDashboard *self,
                            const char     *source)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), FALSE);

  return select_string (self->source_dropdown, source);
}

/**
 * sales_dashboard_dup_owners:
 * @self: a dashboard
 *
 * Returns: (transfer full): the owners the filter offers
 */
GStrv
sales_dashboard_dup_owners (SalesDashboard *self)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), NULL);

  if (self->data == NULL || self->data->owners == NULL)
    return g_new0 (char *, 1);

  return g_strdupv (self->data->owners);
}

/**
 * sales_dashboard_get_tile:
 * @self: a dashboard
 * @kpi_id: a KPI id
 *
 * Returns: (transfer none) (nullable): the tile of @kpi_id
 */
GtkWidget *
sales_dashboard_get_tile (SalesDashboard *self,
                          const char     *kpi_id)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), NULL);

  for (guint i = 0; i < self->tiles_by_kpi->len; i++)
    {
      SalesKpiTile *tile = g_ptr_array_index (self->tiles_by_kpi, i);

      if (g_strcmp0 (sales_kpi_tile_get_info (tile)->id, kpi_id) == 0)
        return GTK_WIDGET (tile);
    }

  return NULL;
}

/**
 * sales_dashboard_select_kpi:
 * @self: a dashboard
 * @kpi_id: a KPI id
 *
 * Selects @kpi_id's tile and opens its detail, as a click does.
 */
void
sales_dashboard_select_kpi (SalesDashboard *self,
                            const char     *kpi_id)
{
  GtkWidget *tile;

  g_return_if_fail (SALES_IS_DASHBOARD (self));

  tile = sales_dashboard_get_tile (self, kpi_id);
  g_return_if_fail (tile != NULL);

  gtk_flow_box_select_child (self->tiles, GTK_FLOW_BOX_CHILD (tile));
  g_signal_emit_by_name (self->tiles, "child-activated", tile);
}

GtkWidget *
sales_dashboard_get_detail (SalesDashboard *self)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), NULL);

  return GTK_WIDGET (self->detail);
}

/**
 * sales_dashboard_show_rows:
 * @self: a dashboard inside a SalesWindow, with a KPI's detail open
 * @part: which rows: the numerator's, the denominator's or the excluded
 * @error: return location for a #GError
 *
 * Switches the window to the table holding the rows behind the open
 * KPI's value, filtered to exactly those rows.
 *
 * Returns: %TRUE when the rows are on screen
 */
gboolean
sales_dashboard_show_rows (SalesDashboard  *self,
                           SalesDrillPart   part,
                           GError         **error)
{
  const SalesKpiInfo *info;
  SalesKpiFilter filter;
  g_autoptr(SalesDrillDown) drill = NULL;
  GtkRoot *root;

  g_return_val_if_fail (SALES_IS_DASHBOARD (self), FALSE);

  info = sales_kpi_detail_get_kpi (self->detail);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  g_return_val_if_fail (info != NULL && self->data != NULL, FALSE);
  g_return_val_if_fail (SALES_IS_WINDOW (root), FALSE);

  filter.owner = self->owner;
  filter.source = self->source;
  drill = sales_kpi_drill_down (info->id, part, &self->period, &filter,
                                &self->data->settings, error);
  if (drill == NULL)
    return FALSE;

  sales_window_show_rows (SALES_WINDOW (root), drill->table, drill->where,
                          drill->description);
  return TRUE;
}
