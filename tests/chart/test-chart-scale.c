/* test-chart-scale.c: nice ticks, date ticks and label fitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-chart-scale.h"

static void
assert_ticks (double lo,
              double hi,
              guint  max_ticks,
              double min,
              double max,
              double step,
              guint  n_ticks)
{
  SalesChartTicks ticks;

  sales_chart_nice_ticks (lo, hi, max_ticks, &ticks);
  g_assert_cmpfloat_with_epsilon (ticks.min, min, 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.max, max, 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.step, step, 1e-9);
  g_assert_cmpuint (ticks.n_ticks, ==, n_ticks);
  g_assert_cmpuint (ticks.n_ticks, <=, max_ticks);
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (0.7), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (1), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (1.2), 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (2.1), 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (7), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (0.013), 0.02,
                                  1e-12);
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (150), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (sales_chart_nice_step (0), 1, 1e-12);
}

static void
test_nice_ticks (void)
{
  assert_ticks (0, 48.7, 6, 0, 50, 10, 6);
  assert_ticks (0, 249800, 6, 0, 250000, 50000, 6);
  assert_ticks (12, 12, 5, 10, 14, 1, 5);
  assert_ticks (-3, 7, 6, -5, 10, 5, 4);
  assert_ticks (0, 0, 5, 0, 1, 0.5, 3);
  assert_ticks (0.1, 0.3, 5, 0.1, 0.3, 0.05, 5);
  assert_ticks (7, 3, 3, 0, 10, 5, 3);
  assert_ticks (1790, 2710, 8, 1600, 2800, 200, 7);
}

static guint32
julian (int      year,
        GDateMonth month,
        int      day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
test_date_ticks (void)
{
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) quarters = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) years = NULL;
  SalesChartDateUnit unit;

  months = sales_chart_date_ticks (julian (2025, 1, 1), julian (2025, 12, 1),
                                   12, &unit);
  g_assert_cmpint (unit, ==, SALES_CHART_DATE_MONTH);
  g_assert_cmpuint (months->len, ==, 12);

  quarters = sales_chart_date_ticks (julian (2025, 1, 1),
                                     julian (2025, 12, 1), 5, &unit);
  g_assert_cmpint (unit, ==, SALES_CHART_DATE_QUARTER);
  g_assert_cmpuint (quarters->len, ==, 4);
  g_assert_cmpuint (g_array_index (quarters, guint32, 1), ==,
                    julian (2025, 4, 1));

  weeks = sales_chart_date_ticks (julian (2025, 1, 1), julian (2025, 1, 31),
                                  5, &unit);
  g_assert_cmpint (unit, ==, SALES_CHART_DATE_WEEK);
  g_assert_cmpuint (weeks->len, ==, 4);
  g_assert_cmpuint (g_array_index (weeks, guint32, 0), ==,
                    julian (2025, 1, 6));

  years = sales_chart_date_ticks (julian (2001, 3, 1), julian (2024, 6, 1),
                                  6, &unit);
  g_assert_cmpint (unit, ==, SALES_CHART_DATE_YEAR);
  g_assert_cmpuint (years->len, ==, 4);
  g_assert_cmpuint (g_array_index (years, guint32, 0), ==,
                    julian (2005, 1, 1));
}

static void
test_fit_labels (void)
{
  const double narrow[] = { 30, 30, 30 };
  double wide[10];
  SalesChartLabelFit fit;

  sales_chart_fit_labels (narrow, 3, 100, 12, 200, &fit);
  g_assert_cmpuint (fit.step, ==, 1);
  g_assert_false (fit.rotate);

  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    wide[i] = 150;
  sales_chart_fit_labels (wide, 10, 40, 12, 200, &fit);
  g_assert_cmpuint (fit.step, ==, 1);
  g_assert_true (fit.rotate);

  /* No room to turn: every fourth label, and none overlap. */
  sales_chart_fit_labels (wide, 10, 40, 12, 100, &fit);
  g_assert_false (fit.rotate);
  g_assert_cmpuint (fit.step, ==, 4);
  g_assert_cmpfloat (fit.step * 40, >=, 150);

  sales_chart_fit_labels (wide, 1, 10, 12, 100, &fit);
  g_assert_cmpuint (fit.step, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/scale/nice-step", test_nice_step);
  g_test_add_func ("/chart/scale/nice-ticks", test_nice_ticks);
  g_test_add_func ("/chart/scale/date-ticks", test_date_ticks);
  g_test_add_func ("/chart/scale/fit-labels", test_fit_labels);
  return g_test_run ();
}
