/* test-export.c: charts saved from the window have the asked size and
 * format, copying puts an image on the clipboard, and the dashboard
 * report is a PDF of the period on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem */

#include <string.h>

#include "gui-test-util.h"
#include "sales-chart-save.h"
#include "sales-chart-view.h"
#include "salesops-test.h"

static SalesChart *
line_chart_new (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_LINE);
  guint series;

  sales_chart_set_title (chart, "Win rate by month");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_PERCENT, NULL);
  series = sales_chart_add_series (chart, "2025", SALES_CHART_SERIES_PRIMARY);
  for (guint month = 1; month <= 6; month++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-01", month);

      sales_chart_add_date (chart, date, SALES_CHART_DATE_MONTH);
      sales_chart_series_append (chart, series, 20.0 + 3 * month);
    }

  return chart;
}

static void
test_png_size_and_scale (void)
{
  g_autoptr(SalesChart) chart = line_chart_new ();
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (sales_chart_export_write (chart, path, 400, 300, 2, &error));
  g_assert_no_error (error);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);
  sales_test_remove_tree (dir);
}

/* Binary files hold NUL bytes, so search with lengths, not strstr. */
static gboolean
file_contains (GBytes     *bytes,
               const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return memmem (data, length, needle, strlen (needle)) != NULL;
}

static void
test_svg_and_pdf (void)
{
  g_autoptr(SalesChart) chart = line_chart_new ();
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg_bytes = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;

  g_assert_true (sales_chart_export_write (chart, svg, 500, 250, 1, &error));
  g_assert_true (sales_chart_export_write (chart, pdf, 500, 250, 1, &error));
  g_assert_no_error (error);

  svg_bytes = sales_test_read_bytes (svg);
  g_assert_true (file_contains (svg_bytes, "<svg"));
  g_assert_true (file_contains (svg_bytes, "width=\"500"));
  g_assert_true (file_contains (svg_bytes, "height=\"250"));

  pdf_bytes = sales_test_read_bytes (pdf);
  g_assert_true (file_contains (pdf_bytes, "%PDF-"));
  g_assert_true (file_contains (pdf_bytes, "/MediaBox [ 0 0 500 250 ]"));
  sales_test_remove_tree (dir);
}

static void
test_refuses_bad_size (void)
{
  g_autoptr(SalesChart) chart = line_chart_new ();
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sales_chart_export_write (chart, path, 100000, 300, 1,
                                            &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  sales_test_remove_tree (dir);
}

static void
texture_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  GdkTexture **texture = data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source),
                                                result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static void
test_copy_to_clipboard (void)
{
  g_autoptr(SalesChart) chart = line_chart_new ();
  SalesChartView *view = SALES_CHART_VIEW (sales_chart_view_new ());
  GtkWindow *window;
  GdkClipboard *clipboard;
  g_autoptr(GdkTexture) texture = NULL;
  int scale;

  sales_chart_view_set_chart (view, chart);
  window = sales_gui_test_show (GTK_WIDGET (view), 700, 450);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.copy",
                                             NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb,
                                    &texture);
  g_assert_true (sales_gui_test_wait_for (is_set, &texture, 5000));

  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (view)) * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (GTK_WIDGET (view)) * scale);
  sales_gui_test_close (window);
}

/* Counts the page objects of a PDF, not the page tree (/Type /Pages). */
static guint
count_pages (GBytes *pdf)
{
  static const char key[] = "/Type /Page";
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *end = data + length;
  const char *p = data;
  guint n = 0;

  while ((p = memmem (p, end - p, key, strlen (key))) != NULL)
    {
      p += strlen (key);
      n += p < end && *p != 's';
    }

  return n;
}

static void
test_dashboard_report (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *demo = gui_test_make_demo (dir);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  SalesWindow *window = gui_test_open_window (demo, 1000, 700);
  SalesDashboard *dashboard = SALES_DASHBOARD (
    sales_window_get_page (window, "dashboard"));

  gui_test_pin_today (dashboard, sales_window_get_workspace (window));
  sales_dashboard_set_period_choice (dashboard, SALES_PERIOD_LAST_QUARTER);
  gui_test_wait_refreshed (dashboard);

  g_assert_true (sales_dashboard_write_report (dashboard, path, &error));
  g_assert_no_error (error);
  pdf = sales_test_read_bytes (path);
  g_assert_true (file_contains (pdf, "%PDF-"));
  /* A cover and a page per KPI. */
  g_assert_cmpuint (count_pages (pdf), >=, 13);

  gui_test_close_window (window);
  sales_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/export/png-size-and-scale", test_png_size_and_scale);
  g_test_add_func ("/export/svg-and-pdf", test_svg_and_pdf);
  g_test_add_func ("/export/refuses-bad-size", test_refuses_bad_size);
  g_test_add_func ("/export/copy-to-clipboard", test_copy_to_clipboard);
  g_test_add_func ("/export/dashboard-report", test_dashboard_report);

  return g_test_run ();
}
