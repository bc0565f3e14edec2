/* bench-chart.c: how long charts and the report take to draw
 *
 * Renders every chart kind at 1600 × 900, scale 1 and 2, to PNG bytes,
 * and the whole dashboard report of the demo workspace to PDF. The
 * baseline, measured in the same run, is writing an empty surface of the
 * same size to PNG: what any PNG export costs before drawing anything.
 * Targets: a chart under 20 ms, the report under 1 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <locale.h>

#include "chart-fixtures.h"
#include "sales-chart-export.h"
#include "sales-chart-kpi.h"
#include "sales-demo.h"
#include "sales-report.h"
#include "salesops-test.h"

#define WIDTH 1600
#define HEIGHT 900
#define RUNS 7
#define CHART_TARGET_MS 20.0
#define REPORT_TARGET_MS 1000.0

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median of RUNS timings, in milliseconds. */
static double
median_ms (double *samples)
{
  qsort (samples, RUNS, sizeof *samples, compare_doubles);
  return samples[RUNS / 2] * 1000;
}

static double
time_baseline (double scale)
{
  double samples[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_surface_t *surface;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            WIDTH * scale, HEIGHT * scale);
      cairo_surface_write_to_png_stream (surface, discard, NULL);
      cairo_surface_destroy (surface);
      samples[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  return median_ms (samples);
}

/* Drawing alone, onto an image surface, without encoding. */
static double
time_draw (SalesChart *chart,
           double      scale)
{
  double samples[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_surface_t *surface;
      cairo_t *cr;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            WIDTH * scale, HEIGHT * scale);
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      sales_chart_render (chart, sales_chart_theme_light (), cr, WIDTH,
                          HEIGHT, scale);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      samples[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  return median_ms (samples);
}

static double
time_chart (SalesChart *chart,
            double      scale)
{
  double samples[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) png = NULL;

      png = sales_chart_export_bytes (chart, sales_chart_theme_light (),
                                      SALES_CHART_FILE_PNG, WIDTH, HEIGHT,
                                      scale, NULL);
      g_assert_nonnull (png);
      samples[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  return median_ms (samples);
}

static gboolean
bench_charts (void)
{
  const ChartFixture *fixtures;
  double base1 = time_baseline (1), base2 = time_baseline (2);
  gboolean ok = TRUE;
  guint n;

  g_print ("%dx%d, median of %d runs, in ms: drawing alone, and the whole "
           "PNG export (drawing and encoding)\n", WIDTH, HEIGHT, RUNS);
  g_print ("  %-12s %10s %10s %10s %10s\n", "kind", "draw x1", "PNG x1",
           "draw x2", "PNG x2");
  g_print ("  %-12s %10s %10.1f %10s %10.1f   (empty surface to PNG)\n",
           "baseline", "", base1, "", base2);

  fixtures = chart_fixtures_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SalesChart) chart = fixtures[i].build ();
      double draw1 = time_draw (chart, 1), draw2 = time_draw (chart, 2);
      double one = time_chart (chart, 1), two = time_chart (chart, 2);

      g_print ("  %-12s %10.1f %10.1f %10.1f %10.1f\n", fixtures[i].name,
               draw1, one, draw2, two);
      ok = ok && draw1 < CHART_TARGET_MS;
    }
  return ok;
}

static double
time_report (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench.salesops", NULL);
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  SalesKpiSettings settings = { 0 };
  SalesChartKpiSource source = { 0 };
  double samples[RUNS];
  SalesPeriod period;

  workspace = sales_workspace_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (sales_demo_fill (workspace, 1, 1, &error));
  source.db = sales_workspace_get_db (workspace);
  sales_kpi_settings_load (&settings, source.db);
  source.settings = &settings;
  source.currency = "USD";
  g_assert_true (sales_kpi_default_period (source.db, 1, &period, &error));

  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SalesReport) report = NULL;
      g_autoptr(GBytes) pdf = NULL;

      report = sales_report_new_for_kpis (&source, "Demo", &period, &error);
      g_assert_no_error (error);
      pdf = sales_report_to_pdf (report, sales_chart_theme_light (), &error);
      g_assert_no_error (error);
      samples[r] = (g_get_monotonic_time () - start) / 1e6;
    }

  sales_kpi_settings_clear (&settings);
  return median_ms (samples);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *load = NULL;
  gboolean charts_ok;
  double report;

  setlocale (LC_ALL, "C.UTF-8");
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_print ("Load average (timings stretch with it): %s", load);
  charts_ok = bench_charts ();

  dir = sales_test_make_tmpdir ();
  report = time_report (dir);
  sales_test_remove_tree (dir);
  g_print ("Report PDF of the demo workspace (13 pages): %.1f ms\n", report);

  g_print ("Targets: drawing a chart < %.0f ms at scale 1: %s; report < "
           "%.0f ms: %s\n",
           CHART_TARGET_MS, charts_ok ? "met" : "MISSED", REPORT_TARGET_MS,
           report < REPORT_TARGET_MS ? "met" : "MISSED");
  return 0;
}
