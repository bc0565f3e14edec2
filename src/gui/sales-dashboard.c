/* sales-dashboard.c: twelve KPIs for a period, with their details
 *
 * The dashboard never computes on the main thread: each refresh is a
 * SalesDashboardJob with its own connection, a newer refresh cancels the
 * older one, and a spinner shows while one runs. Workspace changes are
 * coalesced so an import of six tables refreshes once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-kpi.h"
#include "sales-dashboard-job.h"
#include "sales-dashboard-private.h"
#include "sales-kpi-detail.h"
#include "sales-kpi-tile.h"
#include "sales-window.h"

/* Long enough to merge the "changed" signals of one import or undo,
 * short enough to feel immediate.
 */
#define REFRESH_DELAY_MS 250

G_DEFINE_FINAL_TYPE (SalesDashboard, sales_dashboard, ADW_TYPE_BIN)

enum { PROP_0, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { REFRESHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void refresh_detail (SalesDashboard *self);

static const char *
compare_label (SalesDashboard *self)
{
  return self->compare == SALES_COMPARE_YEAR
           ? _("same period last year") : _("previous period");
}

static void
set_busy (SalesDashboard *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
sales_dashboard_is_busy (SalesDashboard *self)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), FALSE);

  return self->busy || self->detail_busy;
}

static void
show_error (SalesDashboard *self,
            const GError   *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* The period of the drop-down, or of the two calendars for a range. */
static void
resolve_period (SalesDashboard *self)
{
  guint choice = gtk_drop_down_get_selected (self->period_dropdown);
  guint fiscal = self->workspace != NULL
                   ? sales_workspace_get_fiscal_year_start (self->workspace)
                   : 1;

  if (choice == SALES_PERIOD_CUSTOM)
    sales_period_set_days (&self->period, &self->custom_first,
                            &self->custom_last);
  else
    sales_period_choice_resolve (choice, &self->today, fiscal, &self->period);

  self->compare = gtk_drop_down_get_selected (self->compare_dropdown) == 1
                    ? SALES_COMPARE_YEAR : SALES_COMPARE_PREVIOUS;
}

static void
show_period (SalesDashboard *self)
{
  SalesPeriod previous;
  g_autofree char *range = sales_chart_period_label (&self->period);
  g_autofree char *previous_range = NULL;
  g_autofree char *text = NULL;

  sales_period_compare (&self->period, self->compare, &previous);
  previous_range = sales_chart_period_label (&previous);
  /* Translators: %s is a date range */
  text = g_strdup_printf (_("Compared with %s"), previous_range);

  gtk_label_set_label (self->period_label, range);
  gtk_label_set_label (self->compare_label, text);
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first entry is "All owners" or "All sources". */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;

  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static void
update_tiles (SalesDashboard *self)
{
  SalesDashboardData *data = self->data;

  for (guint i = 0; i < self->tiles_by_kpi->len; i++)
    {
      SalesKpiTile *tile = g_ptr_array_index (self->tiles_by_kpi, i);

      sales_kpi_tile_set_result (tile,
        data != NULL ? g_ptr_array_index (data->current->results, i) : NULL,
        data != NULL ? g_ptr_array_index (data->previous->results, i) : NULL,
        data != NULL ? g_ptr_array_index (data->sparklines, i) : NULL,
        self->currency, compare_label (self));
    }
}

/* Rebuilds a filter's choices from the data, keeping the selection. */
static void
fill_filter (SalesDashboard *self,
             GtkDropDown    *dropdown,
             const char     *all_label,
             GStrv           values,
             char          **selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint position = 0;

  gtk_string_list_append (list, all_label);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (list, values[i]);
      if (g_strcmp0 (values[i], *selected) == 0)
        position = i + 1;
    }

  /* A filter on a value that no longer exists falls back to all. */
  if (position == 0)
    g_clear_pointer (selected, g_free);

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, position);
  self->updating = FALSE;
}

static const SalesKpiResult *
current_result (SalesDashboard     *self,
                const SalesKpiInfo *info)
{
  const SalesKpiInfo *all;
  guint n;

  if (self->data == NULL)
    return NULL;

  all = sales_kpi_get_all (&n);
  return g_ptr_array_index (self->data->current->results, info - all);
}

static void
show_detail_result (SalesDashboard *self)
{
  const SalesKpiInfo *info = sales_kpi_detail_get_kpi (self->detail);
  const SalesKpiResult *result;
  g_autofree char *range = NULL;

  if (info == NULL || (result = current_result (self, info)) == NULL)
    return;

  range = sales_chart_period_label (&self->period);
  sales_kpi_detail_set_result (self->detail, result, self->currency, range);
}

static void
tiles_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SalesDashboard) self = user_data;
  g_autoptr(GError) error = NULL;
  SalesDashboardData *data = sales_dashboard_job_finish (result, &error);

  /* A newer refresh replaced this one; it reports in its turn. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->tiles_cancellable);
  set_busy (self, FALSE);
  show_error (self, error);
  if (data == NULL)
    {
      g_signal_emit (self, signals[REFRESHED], 0);
      return;
    }

  g_clear_pointer (&self->data, sales_dashboard_data_free);
  self->data = data;

  fill_filter (self, self->owner_dropdown, _("All Owners"), data->owners,
               &self->owner);
  fill_filter (self, self->source_dropdown, _("All Sources"), data->sources,
               &self->source);
  update_tiles (self);
  show_detail_result (self);
  g_signal_emit (self, signals[REFRESHED], 0);
}

static SalesDashboardQuery *
query_new (SalesDashboard *self,
           GError        **error)
{
  SalesDashboardQuery *query;

  query = sales_dashboard_query_new (self->workspace, error);
  if (query == NULL)
    return NULL;

  query->period = self->period;
  query->compare = self->compare;
  query->owner = g_strdup (self->owner);
  query->source = g_strdup (self->source);
  return query;
}

/**
 * sales_dashboard_refresh:
 * @self: a dashboard
 *
 * Recomputes the tiles (and the open detail) now, cancelling a refresh
 * still running; "refreshed" is emitted when the new values are shown.
 */
void
sales_dashboard_refresh (SalesDashboard *self)
{
  g_autoptr(GError) error = NULL;
  SalesDashboardQuery *query;

  g_return_if_fail (SALES_IS_DASHBOARD (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->workspace == NULL || !sales_workspace_is_open (self->workspace))
    return;

  g_free (self->currency);
  self->currency = sales_workspace_dup_currency (self->workspace);
  resolve_period (self);
  show_period (self);

  g_cancellable_cancel (self->tiles_cancellable);
  g_clear_object (&self->tiles_cancellable);

  if ((query = query_new (self, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }

  query->want_tiles = TRUE;
  self->tiles_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  sales_dashboard_job_run_async (query, self->tiles_cancellable,
                                 tiles_done_cb, g_object_ref (self));

  if (gtk_revealer_get_reveal_child (self->detail_revealer))
    refresh_detail (self);
}

static void
detail_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SalesDashboard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDashboardData) data = NULL;

  data = sales_dashboard_job_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->detail_cancellable);
  self->detail_busy = FALSE;
  sales_kpi_detail_set_busy (self->detail, FALSE);
  show_error (self, error);
  if (data != NULL)
    {
      SalesKpiFilter filter = { self->owner, self->source };
      SalesChartKpiSource chart_source = { NULL, &data->settings, &filter,
                                           self->currency, NULL, FALSE };

      sales_kpi_detail_set_data (self->detail, data, &chart_source,
                                 &self->period);
    }
  g_signal_emit (self, signals[REFRESHED], 0);
}

static void
refresh_detail (SalesDashboard *self)
{
  const SalesKpiInfo *info = sales_kpi_detail_get_kpi (self->detail);
  g_autoptr(GError) error = NULL;
  SalesDashboardQuery *query;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  if (info == NULL || (query = query_new (self, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }

  query->detail_kpi = g_strdup (info->id);
  self->detail_cancellable = g_cancellable_new ();
  self->detail_busy = TRUE;
  sales_kpi_detail_set_busy (self->detail, TRUE);
  show_detail_result (self);
  sales_dashboard_job_run_async (query, self->detail_cancellable,
                                 detail_done_cb, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  SalesDashboard *self = data;

  self->refresh_id = 0;
  sales_dashboard_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
workspace_changed_cb (SalesWorkspace *workspace,
                      const char     *table,
                      SalesDashboard *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb,
                                      self);
}

/**
 * sales_dashboard_set_workspace:
 * @self: a dashboard
 * @workspace: (nullable): the workspace to show
 *
 * Shows @workspace's KPIs and follows its changes.
 */
void
sales_dashboard_set_workspace (SalesDashboard *self,
                               SalesWorkspace *workspace)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (workspace == NULL || SALES_IS_WORKSPACE (workspace));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->data, sales_dashboard_data_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->source, g_free);
  gtk_revealer_set_reveal_child (self->detail_revealer, FALSE);
  update_tiles (self);

  if (workspace == NULL)
    return;

  g_signal_connect_object (workspace, "changed",
                           G_CALLBACK (workspace_changed_cb), self, 0);
  sales_dashboard_refresh (self);
}

static void
period_changed_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   SalesDashboard *self)
{
  gboolean custom = gtk_drop_down_get_selected (dropdown) == SALES_PERIOD_CUSTOM;

  /* A custom range starts as the period shown before it. */
  if (custom && !gtk_widget_get_visible (self->custom_child))
    sales_dashboard_period_to_range (self);
  gtk_widget_set_visible (self->custom_child, custom);

  if (!self->updating)
    sales_dashboard_refresh (self);
}

static void
filter_changed_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   SalesDashboard *self)
{
  if (self->updating)
    return;

  g_free (self->owner);
  self->owner = g_strdup (selected_string (self->owner_dropdown));
  g_free (self->source);
  self->source = g_strdup (selected_string (self->source_dropdown));
  sales_dashboard_refresh (self);
}

/* Brings the detail's top into view once the revealer has opened. */
static gboolean
scroll_to_detail_cb (gpointer data)
{
  SalesDashboard *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
                                self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;

  self->scroll_id = 0;
  if (gtk_widget_compute_point (GTK_WIDGET (self->detail_revealer), content,
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y);

  return G_SOURCE_REMOVE;
}

static void
tile_activated_cb (GtkFlowBox      *box,
                   GtkFlowBoxChild *child,
                   SalesDashboard  *self)
{
  const SalesKpiInfo *info = sales_kpi_tile_get_info (SALES_KPI_TILE (child));

  sales_kpi_detail_set_kpi (self->detail, info);
  gtk_revealer_set_reveal_child (self->detail_revealer, TRUE);
  refresh_detail (self);

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  self->scroll_id = g_timeout_add (
    gtk_revealer_get_transition_duration (self->detail_revealer) + 50,
    scroll_to_detail_cb, self);
}

static void
detail_closed_cb (SalesKpiDetail *detail,
                  SalesDashboard *self)
{
  gtk_revealer_set_reveal_child (self->detail_revealer, FALSE);
  gtk_flow_box_unselect_all (self->tiles);
}

static void
detail_show_rows_cb (SalesKpiDetail *detail,
                     int             part,
                     SalesDashboard *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (sales_dashboard_show_rows (self, part, &error))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (SALES_IS_WINDOW (root))
    sales_window_add_toast (SALES_WINDOW (root), adw_toast_new (error->message));
}

static void
add_tiles (SalesDashboard *self)
{
  const SalesKpiInfo *kpis;
  guint n_kpis;

  kpis = sales_kpi_get_all (&n_kpis);
  self->tiles_by_kpi = g_ptr_array_new ();
  for (guint i = 0; i < n_kpis; i++)
    {
      GtkWidget *tile = sales_kpi_tile_new (&kpis[i]);

      gtk_flow_box_append (self->tiles, tile);
      g_ptr_array_add (self->tiles_by_kpi, tile);
    }
}

static void
sales_dashboard_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalesDashboard *self = SALES_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sales_dashboard_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_dashboard_dispose (GObject *object)
{
  SalesDashboard *self = SALES_DASHBOARD (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_cancellable_cancel (self->tiles_cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->tiles_cancellable);
  g_clear_object (&self->detail_cancellable);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);

  /* AdwBin unparents its child itself; the template must not too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_DASHBOARD);

  G_OBJECT_CLASS (sales_dashboard_parent_class)->dispose (object);
}

static void
sales_dashboard_finalize (GObject *object)
{
  SalesDashboard *self = SALES_DASHBOARD (object);

  g_clear_pointer (&self->data, sales_dashboard_data_free);
  g_clear_pointer (&self->tiles_by_kpi, g_ptr_array_unref);
  g_free (self->owner);
  g_free (self->source);
  g_free (self->currency);

  G_OBJECT_CLASS (sales_dashboard_parent_class)->finalize (object);
}

static void
sales_dashboard_class_init (SalesDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sales_dashboard_get_property;
  object_class->dispose = sales_dashboard_dispose;
  object_class->finalize = sales_dashboard_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesDashboard::refreshed:
   *
   * New values (or an error) are on screen.
   */
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SALES_TYPE_KPI_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, scroller);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, period_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, compare_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, spinner);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, custom_child);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, from_button);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, to_button);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, error_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, tiles);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, detail_revealer);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, detail);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tile_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_show_rows_cb);
  sales_dashboard_class_add_range_callbacks (widget_class);
}

static void
sales_dashboard_init (SalesDashboard *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown,
                              SALES_PERIOD_LAST_QUARTER);
  self->updating = FALSE;
  fill_filter (self, self->owner_dropdown, _("All Owners"), NULL, &self->owner);
  fill_filter (self, self->source_dropdown, _("All Sources"), NULL,
               &self->source);
  set_busy (self, FALSE);
  add_tiles (self);
  resolve_period (self);
  show_period (self);
}

GtkWidget *
sales_dashboard_new (void)
{
  return g_object_new (SALES_TYPE_DASHBOARD, NULL);
}
