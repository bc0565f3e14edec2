/* test-period.c: period shortcuts, comparisons and buckets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-error.h"
#include "sales-kpi.h"
#include "sales-period.h"
#include "salesops-test.h"

static void
assert_period (const SalesPeriod *period,
               const char        *from,
               const char        *to)
{
  g_assert_cmpstr (period->from, ==, from);
  g_assert_cmpstr (period->to, ==, to);
}

static void
assert_parses (const char *text,
               guint       fiscal_start,
               const char *from,
               const char *to)
{
  g_autoptr(GError) error = NULL;
  SalesPeriod period;

  g_assert_true (sales_period_parse (text, fiscal_start, &period, &error));
  g_assert_no_error (error);
  assert_period (&period, from, to);
}

static void
test_parse (void)
{
  assert_parses ("2025", 1, "2025-01-01", "2026-01-01");
  assert_parses ("2025-Q1", 1, "2025-01-01", "2025-04-01");
  assert_parses ("2025-Q2", 1, "2025-04-01", "2025-07-01");
  assert_parses ("2025-q4", 1, "2025-10-01", "2026-01-01");
  assert_parses ("2025-03", 1, "2025-03-01", "2025-04-01");
  assert_parses ("2024-02", 1, "2024-02-01", "2024-03-01");
  assert_parses ("2025-12", 1, "2025-12-01", "2026-01-01");
}

/* Fiscal year 2025 starts in the start month of calendar 2025. */
static void
test_parse_fiscal (void)
{
  assert_parses ("2025", 4, "2025-04-01", "2026-04-01");
  assert_parses ("2025-Q1", 4, "2025-04-01", "2025-07-01");
  assert_parses ("2025-Q2", 4, "2025-07-01", "2025-10-01");
  assert_parses ("2025-Q4", 4, "2026-01-01", "2026-04-01");
  assert_parses ("2025-Q2", 11, "2026-02-01", "2026-05-01");
  /* Months stay calendar months. */
  assert_parses ("2025-03", 4, "2025-03-01", "2025-04-01");
}

static void
test_parse_invalid (void)
{
  const char *bad[] = { "", "25", "2025-Q5", "2025-Q0", "2025-13", "2025-00",
                        "2025-1", "abcd", "2025-Q", "2025-03-01", "2025 ",
                        "20250", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      SalesPeriod period;

      g_assert_false (sales_period_parse (bad[i], 1, &period, &error));
      g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_from_dates (void)
{
  g_autoptr(GError) error = NULL;
  SalesPeriod period;

  g_assert_true (sales_period_from_dates ("2024-02-10", "2024-03-01", &period,
                                          &error));
  g_assert_no_error (error);
  assert_period (&period, "2024-02-10", "2024-03-01");
  g_assert_cmpint (sales_period_get_days (&period), ==, 20);

  g_assert_false (sales_period_from_dates ("2024-02-10", "2024-02-10",
                                           &period, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sales_period_from_dates ("2025-02-29", "2025-03-10",
                                           &period, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-02-29"));
  g_clear_error (&error);

  g_assert_false (sales_period_from_dates ("2025-01-01", "2025-1-9",
                                           &period, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
}

static void
assert_compare (const char   *from,
                const char   *to,
                SalesCompare  compare,
                const char   *expected_from,
                const char   *expected_to)
{
  SalesPeriod period, result;

  g_assert_true (sales_period_from_dates (from, to, &period, NULL));
  sales_period_compare (&period, compare, &result);
  assert_period (&result, expected_from, expected_to);
}

static void
test_compare_previous (void)
{
  /* A quarter across the year end, months of different lengths. */
  assert_compare ("2025-01-01", "2025-04-01", SALES_COMPARE_PREVIOUS,
                  "2024-10-01", "2025-01-01");
  assert_compare ("2024-03-01", "2024-04-01", SALES_COMPARE_PREVIOUS,
                  "2024-02-01", "2024-03-01");
  assert_compare ("2025-03-01", "2025-04-01", SALES_COMPARE_PREVIOUS,
                  "2025-02-01", "2025-03-01");
  assert_compare ("2025-01-01", "2025-02-01", SALES_COMPARE_PREVIOUS,
                  "2024-12-01", "2025-01-01");
  assert_compare ("2025-01-01", "2026-01-01", SALES_COMPARE_PREVIOUS,
                  "2024-01-01", "2025-01-01");
  /* A fiscal year. */
  assert_compare ("2025-04-01", "2026-04-01", SALES_COMPARE_PREVIOUS,
                  "2024-04-01", "2025-04-01");
  /* Custom ranges go back by their number of days. */
  assert_compare ("2025-01-10", "2025-01-20", SALES_COMPARE_PREVIOUS,
                  "2024-12-31", "2025-01-10");
  assert_compare ("2024-03-01", "2024-03-11", SALES_COMPARE_PREVIOUS,
                  "2024-02-20", "2024-03-01");
  /* 29 days in a leap February. */
  assert_compare ("2024-02-15", "2024-03-15", SALES_COMPARE_PREVIOUS,
                  "2024-01-17", "2024-02-15");
}

static void
test_compare_year (void)
{
  assert_compare ("2025-01-01", "2025-04-01", SALES_COMPARE_YEAR,
                  "2024-01-01", "2024-04-01");
  assert_compare ("2024-02-01", "2024-03-01", SALES_COMPARE_YEAR,
                  "2023-02-01", "2023-03-01");
  /* February 29 has no twin: it becomes February 28. */
  assert_compare ("2024-02-29", "2024-03-01", SALES_COMPARE_YEAR,
                  "2023-02-28", "2023-03-01");
  assert_compare ("2025-03-01", "2025-04-01", SALES_COMPARE_YEAR,
                  "2024-03-01", "2024-04-01");
  assert_compare ("2025-01-01", "2025-01-02", SALES_COMPARE_YEAR,
                  "2024-01-01", "2024-01-02");
  assert_compare ("2025-01-01", "2025-01-02", SALES_COMPARE_NONE,
                  "2025-01-01", "2025-01-02");
}

static void
assert_buckets (const char  *from,
                const char  *to,
                SalesBucket  bucket,
                guint        fiscal_start,
                const char  *expected)
{
  SalesPeriod range;
  g_autoptr(GArray) buckets = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (sales_period_from_dates (from, to, &range, NULL));
  buckets = sales_kpi_split_period (&range, bucket, fiscal_start);
  for (guint i = 0; i < buckets->len; i++)
    {
      SalesPeriod *p = &g_array_index (buckets, SalesPeriod, i);

      g_string_append_printf (text, "%s%s..%s", i > 0 ? " " : "", p->from,
                              p->to);
    }
  g_assert_cmpstr (text->str, ==, expected);
}

static void
test_split (void)
{
  assert_buckets ("2024-01-15", "2024-04-10", SALES_BUCKET_MONTH, 1,
                  "2024-01-15..2024-02-01 2024-02-01..2024-03-01 "
                  "2024-03-01..2024-04-01 2024-04-01..2024-04-10");
  /* 2025-01-01 is a Wednesday; weeks start on Monday. */
  assert_buckets ("2025-01-01", "2025-01-20", SALES_BUCKET_WEEK, 1,
                  "2025-01-01..2025-01-06 2025-01-06..2025-01-13 "
                  "2025-01-13..2025-01-20");
  assert_buckets ("2025-01-01", "2026-01-01", SALES_BUCKET_QUARTER, 1,
                  "2025-01-01..2025-04-01 2025-04-01..2025-07-01 "
                  "2025-07-01..2025-10-01 2025-10-01..2026-01-01");
  assert_buckets ("2025-01-01", "2025-07-01", SALES_BUCKET_QUARTER, 2,
                  "2025-01-01..2025-02-01 2025-02-01..2025-05-01 "
                  "2025-05-01..2025-07-01");
}

static void
test_to_string (void)
{
  SalesPeriod period;
  g_autofree char *text = NULL;

  g_assert_true (sales_period_parse ("2024-02", 1, &period, NULL));
  text = sales_period_to_string (&period);
  g_assert_cmpstr (text, ==, "2024-02-01 – 2024-02-29");
  g_assert_cmpint (sales_period_get_days (&period), ==, 29);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/parse-fiscal", test_parse_fiscal);
  g_test_add_func ("/period/parse-invalid", test_parse_invalid);
  g_test_add_func ("/period/from-dates", test_from_dates);
  g_test_add_func ("/period/compare-previous", test_compare_previous);
  g_test_add_func ("/period/compare-year", test_compare_year);
  g_test_add_func ("/period/split", test_split);
  g_test_add_func ("/period/to-string", test_to_string);

  return g_test_run ();
}
