/* test-chart-cli.c: `salesops-cli chart` and `salesops-cli report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libxml/parser.h>

#include "chart-fixtures.h"
#include "sales-chart-export.h"
#include "sales-chart-kpi.h"
#include "sales-workspace.h"
#include "salesops-test.h"

typedef struct
{
  char *dir;
  char *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *create[] = { "new", NULL, NULL };
  const char *demo[] = { "demo", NULL, NULL };

  f->dir = sales_test_make_tmpdir ();
  f->workspace = g_build_filename (f->dir, "demo.salesops", NULL);
  create[1] = demo[1] = f->workspace;
  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (demo, NULL, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sales_test_remove_tree (f->dir);
  g_free (f->workspace);
  g_free (f->dir);
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 |
         p[3];
}

static void
assert_png (const char *path,
            guint32     width,
            guint32     height)
{
  g_autoptr(GBytes) bytes = sales_test_read_bytes (path);
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 2000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (read_be32 (data + 16), ==, width);
  g_assert_cmpuint (read_be32 (data + 20), ==, height);
}

static int
chart (Fixture    *f,
       const char *kpi,
       const char *by,
       const char *output,
       char      **err)
{
  const char *args[] = { "chart", f->workspace, "--kpi", kpi, "--by", by,
                         "--output", output, NULL };

  return sales_test_run_cli (args, NULL, err);
}

static void
test_sizes (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "win.png", NULL);
  g_autofree char *big = g_build_filename (f->dir, "big.png", NULL);
  const char *scaled[] = { "chart", f->workspace, "--kpi", "win_rate",
                           "--output", big, "--width", "800", "--height",
                           "450", "--scale", "2", "--period", "2025-Q2",
                           NULL };

  g_assert_cmpint (chart (f, "win_rate", "month", png, NULL), ==, 0);
  assert_png (png, 1200, 675);
  g_assert_cmpint (sales_test_run_cli (scaled, NULL, NULL), ==, 0);
  assert_png (big, 1600, 900);
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *svg = g_build_filename (f->dir, "cac.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "funnel.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  xmlDocPtr doc;

  g_assert_cmpint (chart (f, "average_purchase_value", "owner", svg, NULL),
                   ==, 0);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *)xmlDocGetRootElement (doc)->name, ==,
                   "svg");
  xmlFreeDoc (doc);

  g_assert_cmpint (chart (f, "funnel", "month", pdf, NULL), ==, 0);
  info = chart_test_run_tool ("pdfinfo", pdf);
  if (info == NULL)
    return;
  g_assert_cmpint (chart_test_pdf_pages (info), ==, 1);
  text = chart_test_run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Pipeline funnel"));
  g_assert_nonnull (strstr (text, "Qualified"));
}

/* Every KPI charts by month and by owner from the demo workspace, in
 * process (one font set-up rather than one per chart).
 */
static void
test_every_kpi (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const SalesChartBy by[] = { SALES_CHART_BY_MONTH, SALES_CHART_BY_OWNER };
  SalesKpiSettings settings = { 0 };
  SalesChartKpiSource source = { 0 };
  const SalesKpiInfo *all;
  SalesPeriod period;
  guint n;

  workspace = sales_workspace_open (f->workspace, &error);
  g_assert_no_error (error);
  source.db = sales_workspace_get_db (workspace);
  sales_kpi_settings_load (&settings, source.db);
  source.settings = &settings;
  source.currency = "EUR";
  g_assert_true (sales_kpi_default_period (source.db, 1, &period, &error));

  all = sales_kpi_get_all (&n);
  g_assert_cmpuint (n, ==, 12);
  for (guint i = 0; i < n; i++)
    for (guint b = 0; b < G_N_ELEMENTS (by); b++)
      {
        g_autoptr(SalesChart) chart = NULL;
        g_autoptr(GBytes) png = NULL;

        chart = sales_chart_kpi_new (&source, all[i].id, by[b], &period,
                                     &error);
        g_assert_no_error (error);
        g_assert_cmpuint (sales_chart_get_n_footers (chart), ==, 2);
        g_assert_nonnull (strstr (sales_chart_get_footer (chart, 0), " = "));
        if (b == 0)
          g_assert_cmpuint (sales_chart_get_n_categories (chart), ==, 12);
        png = sales_chart_export_bytes (chart, sales_chart_theme_light (),
                                        SALES_CHART_FILE_PNG, 480, 270, 1,
                                        &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
      }

  /* A workspace-wide KPI is a chart with values, not the empty state. */
  {
    g_autoptr(SalesChart) chart = sales_chart_kpi_new (&source, "win_rate",
                                                       SALES_CHART_BY_OWNER,
                                                       &period, &error);

    g_assert_false (sales_chart_is_empty (chart));
  }
  sales_kpi_settings_clear (&settings);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "x.png", NULL);
  g_autofree char *gif = g_build_filename (f->dir, "x.gif", NULL);
  g_autofree char *text = g_build_filename (f->dir, "text.salesops", NULL);
  g_autofree char *err = NULL;
  const char *no_kpi[] = { "chart", f->workspace, "--output", png, NULL };
  const char *no_output[] = { "chart", f->workspace, "--kpi", "win_rate",
                              NULL };
  const char *huge[] = { "chart", f->workspace, "--kpi", "win_rate",
                         "--output", png, "--width", "90000", NULL };
  const char *bad_file[] = { "chart", text, "--kpi", "win_rate", "--output",
                             png, NULL };
  const char *missing[] = { "chart", "/nonexistent/w.salesops", "--kpi",
                            "win_rate", "--output", png, NULL };

  g_assert_cmpint (chart (f, "win_ratio", "month", png, &err), ==, 2);
  g_assert_nonnull (strstr (err, "unknown KPI “win_ratio”"));
  g_assert_nonnull (strstr (err, "win_rate"));
  g_assert_cmpint (chart (f, "win_rate", "month", gif, NULL), ==, 2);
  g_assert_cmpint (chart (f, "win_rate", "weekday", png, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (no_kpi, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (no_output, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (huge, NULL, NULL), ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));

  sales_test_write_file (text, "not a workspace\n", -1);
  g_assert_cmpint (sales_test_run_cli (bad_file, NULL, NULL), ==, 1);
  g_assert_cmpint (sales_test_run_cli (missing, NULL, NULL), ==, 1);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "report.png", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  const char *report[] = { "report", f->workspace, "--output", pdf, NULL };
  const char *quarter[] = { "report", f->workspace, "--period", "2025-Q2",
                            "--output", pdf, NULL };
  const char *wrong[] = { "report", f->workspace, "--output", png, NULL };

  g_assert_cmpint (sales_test_run_cli (wrong, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (report, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  info = chart_test_run_tool ("pdfinfo", pdf);
  if (info == NULL)
    {
      g_test_skip ("poppler's pdfinfo is not installed");
      return;
    }
  g_assert_cmpint (chart_test_pdf_pages (info), ==, 13);
  text = chart_test_run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Sales KPI report"));
  g_assert_nonnull (strstr (text, "Win rate by month"));
  g_assert_nonnull (strstr (text, "Forecast accuracy by owner"));
  g_assert_nonnull (strstr (text, "rows counted"));
  g_assert_nonnull (strstr (text, "Page 13 of 13"));

  g_assert_cmpint (sales_test_run_cli (quarter, NULL, NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  text = chart_test_run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Q2 2025"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart/cli/sizes", Fixture, NULL, fixture_set_up, test_sizes,
              fixture_tear_down);
  g_test_add ("/chart/cli/formats", Fixture, NULL, fixture_set_up,
              test_formats, fixture_tear_down);
  g_test_add ("/chart/cli/every-kpi", Fixture, NULL, fixture_set_up,
              test_every_kpi, fixture_tear_down);
  g_test_add ("/chart/cli/usage", Fixture, NULL, fixture_set_up, test_usage,
              fixture_tear_down);
  g_test_add ("/chart/cli/report", Fixture, NULL, fixture_set_up,
              test_report, fixture_tear_down);
  return g_test_run ();
}
