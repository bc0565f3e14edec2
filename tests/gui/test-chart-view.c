/* test-chart-view.c: the chart widget follows light and dark and the
 * scale factor, is focusable, and describes its values in text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "gui-test-util.h"
#include "sales-chart-view.h"

static SalesChart *
bar_chart_new (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_BAR);
  static const double values[] = { 12.5, 30, 18.25 };
  static const char *const names[] = { "North", "South", "West" };
  guint series;

  sales_chart_set_title (chart, "Won deals by region");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_NUMBER, NULL);
  series = sales_chart_add_series (chart, "Won", SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      sales_chart_add_category (chart, names[i]);
      sales_chart_series_append (chart, series, values[i]);
    }

  return chart;
}

static GtkWindow *
show_view (SalesChartView **view)
{
  g_autoptr(SalesChart) chart = bar_chart_new ();

  *view = SALES_CHART_VIEW (sales_chart_view_new ());
  sales_chart_view_set_chart (*view, chart);
  sales_chart_view_set_show_menu (*view, TRUE);
  return sales_gui_test_show (GTK_WIDGET (*view), 480, 320);
}

static gboolean
textures_equal (GdkTexture *a,
                GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = (gsize)width * 4;
  g_autofree guchar *pa = g_malloc (stride * height);
  g_autofree guchar *pb = g_malloc (stride * height);

  if (width != gdk_texture_get_width (b) ||
      height != gdk_texture_get_height (b))
    return FALSE;

  gdk_texture_download (a, pa, stride);
  gdk_texture_download (b, pb, stride);
  return memcmp (pa, pb, stride * height) == 0;
}

static void
test_light_and_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  SalesChartView *view;
  GtkWindow *window;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) light_again = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = show_view (&view);
  light = gui_test_render (GTK_WIDGET (view));
  g_assert_cmpstr (sales_chart_view_get_theme (view)->name, ==, "light");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gui_test_wait_ms (100);
  dark = gui_test_render (GTK_WIDGET (view));
  g_assert_cmpstr (sales_chart_view_get_theme (view)->name, ==, "dark");
  g_assert_false (textures_equal (light, dark));

  /* Back in light, the drawing is the same as before: nothing leaks. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gui_test_wait_ms (100);
  light_again = gui_test_render (GTK_WIDGET (view));
  g_assert_true (textures_equal (light, light_again));

  sales_gui_test_close (window);
}

static void
test_scale_factor (void)
{
  SalesChartView *view;
  GtkWindow *window = show_view (&view);
  g_autoptr(GdkTexture) one = NULL;
  g_autoptr(GdkTexture) two = NULL;

  one = sales_chart_view_render_texture (view, 300, 200, 1);
  two = sales_chart_view_render_texture (view, 300, 200, 2);
  g_assert_cmpint (gdk_texture_get_width (one), ==, 300);
  g_assert_cmpint (gdk_texture_get_height (one), ==, 200);
  g_assert_cmpint (gdk_texture_get_width (two), ==, 600);
  g_assert_cmpint (gdk_texture_get_height (two), ==, 400);

  sales_gui_test_close (window);
}

static void
test_focus_and_text_alternative (void)
{
  SalesChartView *view;
  GtkWindow *window = show_view (&view);
  g_autofree char *text = sales_chart_view_dup_text_alternative (view);

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  /* is_focus, not has_focus: the latter also needs the window to be the
   * active one, which Xvfb without a window manager decides late.
   */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));

  g_assert_nonnull (strstr (text, "Won deals by region"));
  for (guint i = 0; i < 3; i++)
    {
      static const char *const names[] = { "North", "South", "West" };
      static const double values[] = { 12.5, 30, 18.25 };
      g_autofree char *value = sales_chart_format_value (values[i],
        SALES_CHART_UNIT_NUMBER, NULL, FALSE, NULL);
      g_autofree char *line = g_strdup_printf ("\n%s: %s", names[i], value);

      g_assert_nonnull (strstr (text, line));
    }
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view),
                                   GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Won deals by region");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       text);

  sales_gui_test_close (window);
}

static void
test_tooltip_names_the_bar (void)
{
  SalesChartView *view;
  GtkWindow *window = show_view (&view);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  SalesChartHit hit = { -1, -1, NULL };
  gboolean found = FALSE;

  /* Somewhere along the middle of the plot lies the tallest bar. */
  for (int x = 0; x < width && !found; x += 4)
    {
      found = sales_chart_hit_test (sales_chart_view_get_chart (view),
                                    sales_chart_view_get_theme (view),
                                    width, height, x, height * 0.7, &hit) &&
              hit.index == 1;
      if (!found)
        sales_chart_hit_clear (&hit);
    }

  g_assert_true (found);
  g_assert_nonnull (strstr (hit.tooltip, "South"));
  sales_chart_hit_clear (&hit);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (view)));

  sales_gui_test_close (window);
}

int
main (int    argc,
      char **argv)
{
  /* GTK's test backend records accessible properties without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gui_test_init (&argc, &argv);

  g_test_add_func ("/chart-view/light-and-dark", test_light_and_dark);
  g_test_add_func ("/chart-view/scale-factor", test_scale_factor);
  g_test_add_func ("/chart-view/focus-and-text", test_focus_and_text_alternative);
  g_test_add_func ("/chart-view/tooltip", test_tooltip_names_the_bar);

  return g_test_run ();
}
