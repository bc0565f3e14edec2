/* sales-chart-view.c: a widget showing one chart of the chart layer
 *
 * The widget draws the very function the exporters use, with the light or
 * dark theme of the desktop, and adds what a screen offers on top: a
 * tooltip for the item under the pointer, keyboard focus, a menu to save
 * or copy the chart, and a text alternative for screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sales-chart-save.h"
#include "sales-chart-view.h"

struct _SalesChartView
{
  GtkWidget        parent_instance;

  SalesChart      *chart;
  GtkWidget       *menu_button;
  SalesChartTheme  theme;         /* the style's, on the card's colour */
};

G_DEFINE_FINAL_TYPE (SalesChartView, sales_chart_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHART, PROP_SHOW_MENU, N_PROPS };
static GParamSpec *properties[N_PROPS];

/**
 * sales_chart_view_get_theme:
 * @self: a chart view
 *
 * Returns: (transfer none): the dark theme while the desktop is dark,
 *   else the light one
 */
const SalesChartTheme *
sales_chart_view_get_theme (SalesChartView *self)
{
  g_return_val_if_fail (SALES_IS_CHART_VIEW (self), NULL);

  return &self->theme;
}

/* The colour a card is drawn with: card_bg_color is translucent in the
 * dark style, so it is laid over the window's colour.
 */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static gboolean
card_colour (GtkWidget *widget,
             SalesRgb  *rgb)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA card, window;

  if (!gtk_style_context_lookup_color (context, "card_bg_color", &card) ||
      !gtk_style_context_lookup_color (context, "window_bg_color", &window))
    return FALSE;

  rgb->red = card.red * card.alpha + window.red * (1 - card.alpha);
  rgb->green = card.green * card.alpha + window.green * (1 - card.alpha);
  rgb->blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
  return TRUE;
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
update_theme (SalesChartView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  self->theme = dark ? *sales_chart_theme_dark () : *sales_chart_theme_light ();
  card_colour (GTK_WIDGET (self), &self->theme.background);
}

static void
sales_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SalesChartView *self = SALES_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart != NULL && width > 0 && height > 0)
    {
      update_theme (self);
      /* GTK sizes the cairo surface for the scale factor already; the
       * chart only needs it to align its hairlines.
       */
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
      sales_chart_render (self->chart, sales_chart_view_get_theme (self), cr,
                          width, height, gtk_widget_get_scale_factor (widget));
      cairo_destroy (cr);
    }

  if (self->menu_button != NULL)
    gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

static void
sales_chart_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SalesChartView *self = SALES_CHART_VIEW (widget);
  int min, nat;

  if (self->menu_button == NULL)
    return;

  /* The menu button sits in the top right corner, over the chart. */
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_HORIZONTAL, -1,
                      &min, &nat, NULL, NULL);
  gtk_widget_allocate (self->menu_button, nat, nat, -1,
    gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (MAX (0, width - nat),
                                                         0)));
}

static void
sales_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SalesChartView *self = SALES_CHART_VIEW (widget);
  int child_min = 0, child_nat = 0;

  if (self->menu_button != NULL)
    gtk_widget_measure (self->menu_button, orientation, -1,
                        &child_min, &child_nat, NULL, NULL);

  *minimum = MAX (child_min, 24);
  /* Small: charts fill what their container gives them, and a large
   * natural width would keep a flow box of tiles from adding columns.
   */
  *natural = MAX (child_nat, orientation == GTK_ORIENTATION_HORIZONTAL
                                ? 120 : 80);
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  SalesChartView *self)
{
  SalesChartHit hit = { -1, -1, NULL };
  gboolean found;

  if (self->chart == NULL || keyboard)
    return FALSE;

  found = sales_chart_hit_test (self->chart, sales_chart_view_get_theme (self),
                                gtk_widget_get_width (widget),
                                gtk_widget_get_height (widget), x, y, &hit) &&
          hit.tooltip != NULL;
  if (found)
    gtk_tooltip_set_text (tooltip, hit.tooltip);
  sales_chart_hit_clear (&hit);

  return found;
}

static void
append_value (GString    *text,
              SalesChart *chart,
              guint       series,
              guint       index)
{
  g_autofree char *formatted = NULL;
  double value;

  if (!sales_chart_get_value (chart, series, index, &value) || isnan (value))
    {
      /* Translators: a chart point without a value */
      g_string_append (text, _("no value"));
      return;
    }

  formatted = sales_chart_format_value (value, sales_chart_get_unit (chart),
                                        NULL, FALSE, NULL);
  g_string_append (text, formatted);
}

/**
 * sales_chart_view_dup_text_alternative:
 * @self: a chart view
 *
 * Returns: (transfer full): the chart as text, one category a line with
 *   the value of every series, for screen readers and tests
 */
char *
sales_chart_view_dup_text_alternative (SalesChartView *self)
{
  GString *text;
  guint n_categories, n_series;

  g_return_val_if_fail (SALES_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL)
    return g_strdup ("");

  text = g_string_new (sales_chart_get_title (self->chart));
  n_categories = sales_chart_get_n_categories (self->chart);
  n_series = sales_chart_get_n_series (self->chart);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autofree char *label = sales_chart_dup_category_label (self->chart, i);

      g_string_append_printf (text, "%s%s:", text->len > 0 ? "\n" : "",
                              label);
      for (guint s = 0; s < n_series; s++)
        {
          g_string_append_c (text, ' ');
          append_value (text, self->chart, s, i);
        }
    }

  return g_string_free (text, FALSE);
}

static void
update_accessible (SalesChartView *self)
{
  g_autofree char *description = sales_chart_view_dup_text_alternative (self);
  const char *title = self->chart != NULL
                        ? sales_chart_get_title (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description,
                                  -1);
}

SalesChart *
sales_chart_view_get_chart (SalesChartView *self)
{
  g_return_val_if_fail (SALES_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * sales_chart_view_set_chart:
 * @self: a chart view
 * @chart: (nullable): the chart to show
 *
 * Shows @chart; the view keeps a reference and redraws.
 */
void
sales_chart_view_set_chart (SalesChartView *self,
                            SalesChart     *chart)
{
  g_return_if_fail (SALES_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || SALES_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  update_accessible (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save",
                                 chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy",
                                 chart != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

gboolean
sales_chart_view_get_show_menu (SalesChartView *self)
{
  g_return_val_if_fail (SALES_IS_CHART_VIEW (self), FALSE);

  return self->menu_button != NULL;
}

static GMenuModel *
chart_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *save = g_menu_new ();
  g_autoptr(GMenuItem) png = g_menu_item_new (_("Save as _PNG…"), NULL);
  g_autoptr(GMenuItem) svg = g_menu_item_new (_("Save as _SVG…"), NULL);
  g_autoptr(GMenuItem) pdf = g_menu_item_new (_("Save as P_DF…"), NULL);

  g_menu_item_set_action_and_target (png, "chart.save", "s", "png");
  g_menu_item_set_action_and_target (svg, "chart.save", "s", "svg");
  g_menu_item_set_action_and_target (pdf, "chart.save", "s", "pdf");
  g_menu_append_item (save, png);
  g_menu_append_item (save, svg);
  g_menu_append_item (save, pdf);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (save));
  g_menu_append (menu, _("_Copy Image"), "chart.copy");
  g_object_unref (save);

  return G_MENU_MODEL (menu);
}

/**
 * sales_chart_view_set_show_menu:
 * @self: a chart view
 * @show: whether to offer the save and copy menu
 *
 * Charts on their own get a menu button; sparklines inside tiles do not.
 */
void
sales_chart_view_set_show_menu (SalesChartView *self,
                                gboolean        show)
{
  g_autoptr(GMenuModel) menu = NULL;

  g_return_if_fail (SALES_IS_CHART_VIEW (self));

  if (show == (self->menu_button != NULL))
    return;

  if (!show)
    g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  else
    {
      menu = chart_menu_new ();
      self->menu_button = g_object_new (GTK_TYPE_MENU_BUTTON,
                                        "icon-name", "view-more-symbolic",
                                        "menu-model", menu,
                                        "tooltip-text", _("Chart Menu"),
                                        "has-frame", FALSE,
                                        "margin-top", 6, "margin-end", 6,
                                        NULL);
      gtk_widget_add_css_class (self->menu_button, "circular");
      gtk_widget_add_css_class (self->menu_button, "osd");
      gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
    }

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MENU]);
}

/**
 * sales_chart_view_render_texture:
 * @self: a chart view with a chart
 * @width: width in logical pixels
 * @height: height in logical pixels
 * @scale: device pixels per logical pixel, at least 1
 *
 * Returns: (transfer full): the chart drawn in the current theme at
 *   @width × @scale by @height × @scale device pixels
 */
GdkTexture *
sales_chart_view_render_texture (SalesChartView *self,
                                 int             width,
                                 int             height,
                                 int             scale)
{
  g_return_val_if_fail (SALES_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (self->chart != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  return sales_chart_texture_new (self->chart,
                                  sales_chart_view_get_theme (self),
                                  width, height, scale);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalesChartView *self = SALES_CHART_VIEW (widget);

  if (self->menu_button != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalesChartView *self = SALES_CHART_VIEW (widget);

  sales_chart_export_ask (self->chart, widget,
                          g_variant_get_string (parameter, NULL));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalesChartView *self = SALES_CHART_VIEW (widget);
  g_autoptr(GdkTexture) texture = NULL;
  int width = MAX (gtk_widget_get_width (widget), 640);
  int height = MAX (gtk_widget_get_height (widget), 400);

  texture = sales_chart_view_render_texture (self, width, height,
                                             gtk_widget_get_scale_factor (widget));
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 SalesChartView  *self)
{
  update_theme (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sales_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SalesChartView *self = SALES_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SHOW_MENU:
      g_value_set_boolean (value, self->menu_button != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SalesChartView *self = SALES_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      sales_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_SHOW_MENU:
      sales_chart_view_set_show_menu (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_chart_view_dispose (GObject *object)
{
  SalesChartView *self = SALES_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (sales_chart_view_parent_class)->dispose (object);
}

static void
sales_chart_view_class_init (SalesChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sales_chart_view_get_property;
  object_class->set_property = sales_chart_view_set_property;
  object_class->dispose = sales_chart_view_dispose;
  widget_class->snapshot = sales_chart_view_snapshot;
  widget_class->measure = sales_chart_view_measure;
  widget_class->size_allocate = sales_chart_view_size_allocate;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, SALES_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MENU] =
    g_param_spec_boolean ("show-menu", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.save", "s",
                                   save_action);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL,
                                   copy_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL,
                                   menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK, "chart.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10,
                                       GDK_SHIFT_MASK, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "chart.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sales_chart_view_init (SalesChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb),
                    self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", FALSE);
  update_theme (self);
  update_accessible (self);
}

GtkWidget *
sales_chart_view_new (void)
{
  return g_object_new (SALES_TYPE_CHART_VIEW, NULL);
}
