/* chart-fixtures.c: fixed charts of every kind, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart-fixtures.h"

static const double win_rate[12] = {
  31.5, 34.2, 29.8, NAN, 38.0, 41.2, 39.5, 44.1, 42.0, 46.3, 45.1, 48.7,
};
static const double win_rate_before[12] = {
  28.0, 30.1, 27.5, 29.9, 33.2, 32.0, 35.4, 34.8, 36.0, 37.5, 38.2, 39.0,
};

static void
add_months (SalesChart *chart,
            int         year,
            guint       n)
{
  for (guint m = 0; m < n; m++)
    {
      g_autofree char *date = g_strdup_printf ("%d-%02u-01", year, m + 1);

      sales_chart_add_date (chart, date, SALES_CHART_DATE_MONTH);
    }
}

static void
add_chrome (SalesChart *chart,
            const char *title,
            const char *subtitle)
{
  sales_chart_set_title (chart, title);
  sales_chart_set_subtitle (chart, subtitle);
  sales_chart_add_footer (chart, "Win rate = 100 × won ÷ (won + lost), "
                          "over opportunities closed in the period");
  sales_chart_add_footer (chart, "1,482 rows counted · 37 excluded (no "
                          "close date) · Data as of 2 Jan 2026 09:00");
}

static SalesChart *
build_line_kind (SalesChartKind kind)
{
  SalesChart *chart = sales_chart_new (kind);
  guint now, before;

  add_chrome (chart, "Win rate by month",
              "Jan – Dec 2025 · compared with Jan – Dec 2024 · "
              "all owners");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_PERCENT, NULL);
  add_months (chart, 2025, 12);
  before = sales_chart_add_series (chart, "Jan – Dec 2024",
                                   SALES_CHART_SERIES_COMPARISON);
  now = sales_chart_add_series (chart, "Jan – Dec 2025",
                                SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < 12; i++)
    {
      sales_chart_series_append (chart, now, win_rate[i]);
      sales_chart_series_append (chart, before, win_rate_before[i]);
    }
  return chart;
}

static SalesChart *
build_line (void)
{
  return build_line_kind (SALES_CHART_LINE);
}

static SalesChart *
build_area (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_AREA);
  guint s;

  add_chrome (chart, "Customer acquisition cost by month",
              "Jan 2024 – Dec 2025 · all owners");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_MONEY, "USD");
  add_months (chart, 2024, 12);
  add_months (chart, 2025, 12);
  s = sales_chart_add_series (chart, "CAC", SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < 24; i++)
    sales_chart_series_append (chart, s, 1800 + 420 * sin (i / 2.5) + 25 * i);
  return chart;
}

static SalesChart *
build_bar (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_BAR);
  const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun" };
  const double now[] = { 182400, 205100, 168900, NAN, 231500, 249800 };
  const double before[] = { 150200, 171000, 180400, 190000, 201300, 210900 };
  guint a, b;

  add_chrome (chart, "Average purchase value",
              "H1 2025 · compared with H1 2024");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_MONEY, "EUR");
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    sales_chart_add_category (chart, months[i]);
  a = sales_chart_add_series (chart, "2025", SALES_CHART_SERIES_PRIMARY);
  b = sales_chart_add_series (chart, "2024", SALES_CHART_SERIES_COMPARISON);
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      sales_chart_series_append (chart, a, now[i]);
      sales_chart_series_append (chart, b, before[i]);
    }
  return chart;
}

static SalesChart *
build_hbar (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_HBAR);
  const char *owners[] = {
    "Alice Martin", "Bob Okafor",
    "Maximiliane Oberhuber-Schwarzenegger (EMEA enterprise accounts)",
    "Chen Wei", "Dana Ivanova", "Eve Laurent", "Farid Haddad", "Grace Kim",
  };
  const double cac[] = { 1240, 2310, 1875, 960, NAN, 1530, 2780, 1410 };
  guint s;

  add_chrome (chart, "Customer acquisition cost by owner",
              "Q4 2025 · all sources");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_MONEY, "GBP");
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    sales_chart_add_category (chart, owners[i]);
  s = sales_chart_add_series (chart, "CAC", SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    sales_chart_series_append (chart, s, cac[i]);
  sales_chart_sort_by_value (chart);
  return chart;
}

static SalesChart *
build_stacked (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_STACKED_BAR);
  const char *names[] = { "Marketing", "Sales", "Other" };
  const double spend[3][6] = {
    { 42000, 45500, 39800, 51200, 48700, 55300 },
    { 31000, 30500, 33800, 35200, 36100, 37900 },
    { 6200, 5900, 7100, 6400, 8800, 7300 },
  };

  add_chrome (chart, "Spend by category", "H2 2025");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_MONEY, "USD");
  for (guint m = 7; m <= 12; m++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-01", m);

      sales_chart_add_date (chart, date, SALES_CHART_DATE_MONTH);
    }
  for (guint s = 0; s < 3; s++)
    {
      sales_chart_add_series (chart, names[s], SALES_CHART_SERIES_PRIMARY);
      for (guint m = 0; m < 6; m++)
        sales_chart_series_append (chart, s, spend[s][m]);
    }
  return chart;
}

static SalesChart *
build_funnel (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_FUNNEL);
  const char *stages[] = { "Leads", "Opportunities", "Qualified", "Won" };
  const double counts[] = { 1240, 486, 301, 112 };
  guint s;

  add_chrome (chart, "Pipeline funnel",
              "Q4 2025 · leads created in the quarter · 9.0% of leads won");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_NUMBER, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    sales_chart_add_category (chart, stages[i]);
  s = sales_chart_add_series (chart, "Count", SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    sales_chart_series_append (chart, s, counts[i]);
  return chart;
}

static SalesChart *
build_donut (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_DONUT);
  const char *sources[] = { "Referral", "Web", "Events", "Partners",
                            "Outbound" };
  const double revenue[] = { 412000, 298500, 151200, 97800, 40500 };
  guint s;

  add_chrome (chart, "Revenue by source", "2025");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_MONEY, "USD");
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    sales_chart_add_category (chart, sources[i]);
  s = sales_chart_add_series (chart, "Revenue", SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    sales_chart_series_append (chart, s, revenue[i]);
  return chart;
}

static SalesChart *
build_sparkline (void)
{
  SalesChart *chart = build_line_kind (SALES_CHART_SPARKLINE);

  return chart;
}

static SalesChart *
build_tile (void)
{
  SalesChart *chart = build_line_kind (SALES_CHART_TILE);

  sales_chart_set_title (chart, "Win rate");
  sales_chart_set_headline (chart, TRUE, 46.8);
  sales_chart_set_comparison (chart, TRUE, 41.2, "vs Q3 2025");
  return chart;
}

static SalesChart *
build_empty (void)
{
  SalesChart *chart = sales_chart_new (SALES_CHART_LINE);
  guint s;

  add_chrome (chart, "Forecast accuracy by month", "Jan – Jun 2025");
  sales_chart_set_unit (chart, SALES_CHART_UNIT_PERCENT, NULL);
  sales_chart_set_empty_reason (chart, "There is no forecast for this "
                                "period; import forecasts to see accuracy.");
  add_months (chart, 2025, 6);
  s = sales_chart_add_series (chart, "Accuracy", SALES_CHART_SERIES_PRIMARY);
  for (guint i = 0; i < 6; i++)
    sales_chart_series_append_null (chart, s);
  return chart;
}

static const ChartFixture fixtures[] = {
  { "line", build_line },
  { "area", build_area },
  { "bar", build_bar },
  { "hbar", build_hbar },
  { "stacked", build_stacked },
  { "funnel", build_funnel },
  { "donut", build_donut },
  { "sparkline", build_sparkline },
  { "tile", build_tile },
  { "empty", build_empty },
};

const ChartFixture *
chart_fixtures_get (guint *n_fixtures)
{
  *n_fixtures = G_N_ELEMENTS (fixtures);
  return fixtures;
}

SalesChart *
chart_fixture_build (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    if (strcmp (fixtures[i].name, name) == 0)
      return fixtures[i].build ();

  g_assert_not_reached ();
}

/**
 * chart_test_run_tool:
 * @tool: "pdfinfo" or "pdftotext"
 * @path: a PDF file
 *
 * Returns: (transfer full) (nullable): what the tool printed (pdftotext
 *   prints the text), or %NULL when it is not installed
 */
char *
chart_test_run_tool (const char *tool,
                     const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { program, path, "-", NULL };

  if (program == NULL)
    return NULL;
  if (g_str_has_suffix (program, "pdfinfo"))
    argv[2] = NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

int
chart_test_pdf_pages (const char *pdfinfo_output)
{
  const char *pages = strstr (pdfinfo_output, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}
