/* test-chart-format.c: numbers, money, percentages and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <math.h>

#include "sales-chart-format.h"

static SalesNumberStyle english;
static SalesNumberStyle german;

#define assert_text(expr, expected)                                        \
  G_STMT_START {                                                           \
    g_autofree char *_text = (expr);                                       \
    g_assert_cmpstr (_text, ==, (expected));                               \
  } G_STMT_END

static void
test_number (void)
{
  assert_text (sales_chart_format_number (1234567.891, 2, &english),
               "1,234,567.89");
  assert_text (sales_chart_format_number (1234567.891, 2, &german),
               "1.234.567,89");
  assert_text (sales_chart_format_number (999, 0, &english), "999");
  assert_text (sales_chart_format_number (-1234, 0, &english), "−1,234");
  assert_text (sales_chart_format_number (-0.001, 1, &english), "0.0");
  assert_text (sales_chart_format_number (0, 0, &english), "0");
}

static void
test_compact (void)
{
  assert_text (sales_chart_format_compact (0, &english), "0");
  assert_text (sales_chart_format_compact (950, &english), "950");
  assert_text (sales_chart_format_compact (1234, &english), "1.2k");
  assert_text (sales_chart_format_compact (1000, &english), "1k");
  assert_text (sales_chart_format_compact (12345, &english), "12.3k");
  assert_text (sales_chart_format_compact (123456, &english), "123k");
  assert_text (sales_chart_format_compact (999960, &english), "1M");
  assert_text (sales_chart_format_compact (3400000, &english), "3.4M");
  assert_text (sales_chart_format_compact (2.5e9, &english), "2.5B");
  assert_text (sales_chart_format_compact (12.34, &english), "12.3");
  assert_text (sales_chart_format_compact (0.256, &english), "0.26");
  assert_text (sales_chart_format_compact (-1500, &english), "−1.5k");
  assert_text (sales_chart_format_compact (1234, &german), "1,2k");
}

static void
test_money (void)
{
  assert_text (sales_chart_format_value (1234.5, SALES_CHART_UNIT_MONEY,
                                         "USD", FALSE, &english), "$1,235");
  assert_text (sales_chart_format_value (42.5, SALES_CHART_UNIT_MONEY,
                                         "EUR", FALSE, &english), "€42.50");
  assert_text (sales_chart_format_value (1234, SALES_CHART_UNIT_MONEY,
                                         "GBP", FALSE, &english), "£1,234");
  assert_text (sales_chart_format_value (1234, SALES_CHART_UNIT_MONEY,
                                         "CHF", FALSE, &english),
               "CHF 1,234");
  assert_text (sales_chart_format_value (-1234, SALES_CHART_UNIT_MONEY,
                                         "USD", FALSE, &english), "−$1,234");
  assert_text (sales_chart_format_value (1234, SALES_CHART_UNIT_MONEY,
                                         "USD", TRUE, &english), "$1.2k");
  assert_text (sales_chart_format_value (2500000, SALES_CHART_UNIT_MONEY,
                                         "EUR", TRUE, &german), "€2,5M");
  g_assert_cmpstr (sales_chart_currency_symbol ("usd"), ==, "$");
  g_assert_cmpstr (sales_chart_currency_symbol ("JPY"), ==, "JPY");
  g_assert_cmpstr (sales_chart_currency_symbol (NULL), ==, "");
}

static void
test_units (void)
{
  assert_text (sales_chart_format_value (42.26, SALES_CHART_UNIT_PERCENT,
                                         NULL, FALSE, &english), "42.3%");
  assert_text (sales_chart_format_value (4, SALES_CHART_UNIT_PERCENT,
                                         NULL, FALSE, &english), "4.0%");
  assert_text (sales_chart_format_value (40, SALES_CHART_UNIT_PERCENT,
                                         NULL, TRUE, &english), "40.0%");
  assert_text (sales_chart_format_value (12.34, SALES_CHART_UNIT_DAYS,
                                         NULL, FALSE, &english),
               "12.3 days");
  assert_text (sales_chart_format_value (1, SALES_CHART_UNIT_DAYS,
                                         NULL, FALSE, &english), "1 day");
  assert_text (sales_chart_format_value (12.34, SALES_CHART_UNIT_DAYS,
                                         NULL, TRUE, &english), "12.3d");
  assert_text (sales_chart_format_value (4.26, SALES_CHART_UNIT_HOURS,
                                         NULL, FALSE, &english),
               "4.3 hours");
  assert_text (sales_chart_format_value (3.4, SALES_CHART_UNIT_RATIO,
                                         NULL, FALSE, &english), "3.40×");
  assert_text (sales_chart_format_value (3.4, SALES_CHART_UNIT_RATIO,
                                         NULL, TRUE, &german), "3,4×");
  assert_text (sales_chart_format_value (1500, SALES_CHART_UNIT_NUMBER,
                                         NULL, FALSE, &english), "1,500");
}

static void
test_ticks (void)
{
  assert_text (sales_chart_format_tick (2500, 2500, 10000,
                                        SALES_CHART_UNIT_NUMBER, NULL,
                                        &english), "2.5k");
  assert_text (sales_chart_format_tick (5000, 2500, 10000,
                                        SALES_CHART_UNIT_NUMBER, NULL,
                                        &english), "5k");
  assert_text (sales_chart_format_tick (0, 2500, 10000,
                                        SALES_CHART_UNIT_NUMBER, NULL,
                                        &english), "0");
  assert_text (sales_chart_format_tick (0, 500, 3000, SALES_CHART_UNIT_MONEY,
                                        "USD", &english), "$0");
  assert_text (sales_chart_format_tick (500, 500, 3000,
                                        SALES_CHART_UNIT_MONEY, "USD",
                                        &english), "$0.5k");
  assert_text (sales_chart_format_tick (12.5, 2.5, 50,
                                        SALES_CHART_UNIT_PERCENT, NULL,
                                        &english), "12.5%");
  assert_text (sales_chart_format_tick (20, 10, 50, SALES_CHART_UNIT_PERCENT,
                                        NULL, &english), "20%");
  assert_text (sales_chart_format_tick (0.4, 0.2, 1, SALES_CHART_UNIT_RATIO,
                                        NULL, &german), "0,4×");
  assert_text (sales_chart_format_tick (15, 5, 30, SALES_CHART_UNIT_DAYS,
                                        NULL, &english), "15d");
}

static void
test_change (void)
{
  assert_text (sales_chart_format_change (46.8, 41.2,
                                          SALES_CHART_UNIT_PERCENT,
                                          &english), "+5.6 pp");
  assert_text (sales_chart_format_change (110, 100, SALES_CHART_UNIT_MONEY,
                                          &english), "+10.0%");
  assert_text (sales_chart_format_change (90, 100, SALES_CHART_UNIT_DAYS,
                                          &english), "−10.0%");
  g_assert_null (sales_chart_format_change (5, 0, SALES_CHART_UNIT_MONEY,
                                            &english));
}

static void
test_dates (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_MARCH, 2025);
  assert_text (sales_chart_format_date (&date, SALES_CHART_DATE_MONTH,
                                        FALSE), "Mar");
  assert_text (sales_chart_format_date (&date, SALES_CHART_DATE_MONTH,
                                        TRUE), "Mar 2025");
  g_date_set_dmy (&date, 1, G_DATE_APRIL, 2025);
  assert_text (sales_chart_format_date (&date, SALES_CHART_DATE_QUARTER,
                                        FALSE), "Q2");
  assert_text (sales_chart_format_date (&date, SALES_CHART_DATE_QUARTER,
                                        TRUE), "Q2 2025");
  assert_text (sales_chart_format_date (&date, SALES_CHART_DATE_YEAR,
                                        TRUE), "2025");
  g_date_set_dmy (&date, 6, G_DATE_JANUARY, 2025);
  assert_text (sales_chart_format_date (&date, SALES_CHART_DATE_DAY,
                                        FALSE), "6 Jan");
  assert_text (sales_chart_format_date (&date, SALES_CHART_DATE_WEEK,
                                        TRUE), "6 Jan 2025");
}

/* The C library's locale decides the separators when none are given. */
static void
test_locale (void)
{
  SalesNumberStyle style;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *names[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8" };
  const char *found = NULL;

  sales_number_style_from_locale (&style);
  g_assert_cmpstr (style.decimal, ==, ".");
  g_assert_cmpstr (style.group, ==, ",");

  for (guint i = 0; i < G_N_ELEMENTS (names) && found == NULL; i++)
    found = setlocale (LC_NUMERIC, names[i]);
  if (found == NULL)
    {
      g_test_skip ("no German or French locale is installed");
      return;
    }

  sales_number_style_from_locale (&style);
  g_assert_cmpstr (style.decimal, ==, ",");
  {
    g_autofree char *text = sales_chart_format_value (
        1234.5, SALES_CHART_UNIT_RATIO, NULL, FALSE, NULL);

    g_assert_true (g_str_has_suffix (text, "234,50×"));
  }
  setlocale (LC_NUMERIC, saved);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  sales_number_style_init (&english, ".", ",");
  sales_number_style_init (&german, ",", ".");

  g_test_add_func ("/chart/format/number", test_number);
  g_test_add_func ("/chart/format/compact", test_compact);
  g_test_add_func ("/chart/format/money", test_money);
  g_test_add_func ("/chart/format/units", test_units);
  g_test_add_func ("/chart/format/ticks", test_ticks);
  g_test_add_func ("/chart/format/change", test_change);
  g_test_add_func ("/chart/format/dates", test_dates);
  g_test_add_func ("/chart/format/locale", test_locale);
  return g_test_run ();
}
