/* test-sniffer.c: header row, column types and date order over a column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sales-limits.h"
#include "sales-sniffer.h"

/* Feeds rows written as "a;b;c" strings (no quoting needed here). */
static SalesSniffer *
sniff_lines (const char *const *lines)
{
  SalesSniffer *sniffer = sales_sniffer_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ";", -1);
      SalesRow row = { g_strv_length (cells), cells, i + 1 };

      sales_sniffer_add_row (sniffer, &row);
    }

  sales_sniffer_finish (sniffer);
  return sniffer;
}

static void
test_header_and_types (void)
{
  const char *lines[] = {
    "id;name;amount;closed;created;won;score;empty",
    "1;Acme;$1,200.50;2025-03-07;3/7/2025 2:05 PM;true;1.5;",
    "2;Globex;(300.00);2025-03-08;3/8/2025 9:00 AM;false;2;",
    "3;Initech;USD 12;2025-03;4/1/2025 10:00 AM;yes;3;",
    NULL
  };
  g_autoptr(SalesSniffer) s = sniff_lines (lines);

  g_assert_true (sales_sniffer_has_header (s));
  g_assert_cmpuint (sales_sniffer_get_header_line (s), ==, 1);
  g_assert_cmpuint (sales_sniffer_get_skip_rows (s), ==, 1);
  g_assert_cmpuint (sales_sniffer_get_n_data_rows (s), ==, 3);
  g_assert_cmpuint (sales_sniffer_get_n_columns (s), ==, 8);
  g_assert_cmpstr (sales_sniffer_get_column_name (s, 3), ==, "closed");
  g_assert_cmpint (sales_sniffer_get_column_type (s, 0), ==,
                   SALES_COLUMN_INTEGER);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 1), ==,
                   SALES_COLUMN_TEXT);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 2), ==,
                   SALES_COLUMN_MONEY);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 3), ==,
                   SALES_COLUMN_DATE);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 4), ==,
                   SALES_COLUMN_DATETIME);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 5), ==,
                   SALES_COLUMN_BOOLEAN);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 6), ==,
                   SALES_COLUMN_DECIMAL);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 7), ==,
                   SALES_COLUMN_EMPTY);
  g_assert_cmpstr (sales_column_type_to_string (SALES_COLUMN_DATETIME), ==,
                   "datetime");
}

/* Capitals before digits are a currency only when they name one: an
 * id's prefix does not make its column money.
 */
static void
test_ids_are_not_money (void)
{
  const char *lines[] = {
    "ref;price",
    "OPP00000001;12 EUR",
    "INV00000002;GBP 3.50",
    "ABC123;CHF 4",
    NULL
  };
  g_autoptr(SalesSniffer) s = sniff_lines (lines);

  g_assert_cmpint (sales_sniffer_get_column_type (s, 0), ==,
                   SALES_COLUMN_TEXT);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 1), ==,
                   SALES_COLUMN_MONEY);
}

static void
test_title_rows_and_no_header (void)
{
  const char *titled[] = {
    "Pipeline report;;",
    "",
    "Deal;Value;Close",
    "A;10;2025-01-01",
    NULL
  };
  const char *bare[] = {
    "A;10;2025-01-01",
    "B;20;2025-01-02",
    NULL
  };
  g_autoptr(SalesSniffer) t = sniff_lines (titled);
  g_autoptr(SalesSniffer) b = sniff_lines (bare);

  g_assert_true (sales_sniffer_has_header (t));
  g_assert_cmpuint (sales_sniffer_get_header_line (t), ==, 3);
  g_assert_cmpuint (sales_sniffer_get_skip_rows (t), ==, 3);
  g_assert_cmpstr (sales_sniffer_get_column_name (t, 1), ==, "Value");
  g_assert_cmpuint (sales_sniffer_get_n_data_rows (t), ==, 1);

  g_assert_false (sales_sniffer_has_header (b));
  g_assert_cmpuint (sales_sniffer_get_skip_rows (b), ==, 0);
  g_assert_cmpstr (sales_sniffer_get_column_name (b, 0), ==, "Column 1");
  g_assert_cmpuint (sales_sniffer_get_n_data_rows (b), ==, 2);
}

/* The row that settles the order is far below any sample a reader of
 * the first rows would take.
 */
static void
test_date_order_whole_column (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SalesSniffer) s = NULL;
  g_autofree char *why = NULL;
  SalesColumnFormat format;
  SalesOrderRule rule;

  g_ptr_array_add (lines, g_strdup ("date;amount"));
  for (guint i = 0; i < 5000; i++)
    g_ptr_array_add (lines, g_strdup_printf ("%u/%u/2025;1,234",
                                             i % 12 + 1, i % 7 + 1));
  g_ptr_array_add (lines, g_strdup ("31/01/2025;1,5"));
  g_ptr_array_add (lines, NULL);

  s = sniff_lines ((const char *const *)lines->pdata);
  sales_sniffer_get_column_format (s, 0, &format);
  g_assert_cmpint (format.date_order, ==, SALES_DATE_ORDER_DAY_FIRST);
  why = sales_sniffer_dup_date_explanation (s, 0, &rule);
  g_assert_cmpint (rule, ==, SALES_ORDER_RULE_PROVEN);
  g_assert_cmpstr (why, ==, "day first: 31/01/2025 on line 5002 has 31 in "
                   "the first position");

  sales_sniffer_get_column_format (s, 1, &format);
  g_assert_cmpint (format.decimal_mark, ==, SALES_DECIMAL_COMMA);
  g_assert_cmpstr (sales_date_order_to_string (SALES_DATE_ORDER_DAY_FIRST),
                   ==, "day-first");
}

static void
test_date_order_ambiguous (void)
{
  const char *us[] = { "when", "3/7/2025", "4/8/2025", NULL };
  const char *eu[] = { "when", "03.07.2025", "04.08.2025", NULL };
  const char *mixed[] = { "when", "31/1/2025", "1/31/2025", "1/30/2025",
                          NULL };
  const char *iso[] = { "when", "2025-03-07", "Mar 8, 2025", NULL };
  g_autoptr(SalesSniffer) a = sniff_lines (us);
  g_autoptr(SalesSniffer) b = sniff_lines (eu);
  g_autoptr(SalesSniffer) c = sniff_lines (mixed);
  g_autoptr(SalesSniffer) d = sniff_lines (iso);
  g_autofree char *why_a = NULL;
  g_autofree char *why_c = NULL;
  g_autofree char *why_d = NULL;
  SalesColumnFormat format;
  SalesOrderRule rule;

  sales_sniffer_get_column_format (a, 0, &format);
  g_assert_cmpint (format.date_order, ==, SALES_DATE_ORDER_MONTH_FIRST);
  why_a = sales_sniffer_dup_date_explanation (a, 0, &rule);
  g_assert_cmpint (rule, ==, SALES_ORDER_RULE_DEFAULT);
  g_assert_true (g_str_has_prefix (why_a, "ambiguous: "));
  g_assert_nonnull (strstr (why_a, "month first"));

  sales_sniffer_get_column_format (b, 0, &format);
  g_assert_cmpint (format.date_order, ==, SALES_DATE_ORDER_DAY_FIRST);

  sales_sniffer_get_column_format (c, 0, &format);
  g_assert_cmpint (format.date_order, ==, SALES_DATE_ORDER_MONTH_FIRST);
  why_c = sales_sniffer_dup_date_explanation (c, 0, &rule);
  g_assert_cmpint (rule, ==, SALES_ORDER_RULE_MIXED);
  g_assert_true (g_str_has_prefix (why_c, "mixed: 1 dates read day first"));

  sales_sniffer_get_column_format (d, 0, &format);
  g_assert_cmpint (format.date_order, ==, SALES_DATE_ORDER_NONE);
  why_d = sales_sniffer_dup_date_explanation (d, 0, &rule);
  g_assert_null (why_d);
  g_assert_cmpint (rule, ==, SALES_ORDER_RULE_NONE);
  g_assert_cmpint (sales_sniffer_get_column_type (d, 0), ==,
                   SALES_COLUMN_DATE);
}

/* Feeds @n_above lines of a report's title block (title, filter lines,
 * blank lines, a totals line), then a header and four deals.
 */
static SalesSniffer *
sniff_report (guint       n_above,
              const char *filler)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *tail[] = {
    "Deal ID;Deal owner;Stage;Amount;Close Date",
    "D1;Ann;Won;1200.50;2025-01-31", "D2;Bob;Open;300;",
    "D3;Cy;Lost;lots;2025-02-02", "D4;Di;Won;10;2025-02-03",
  };

  g_ptr_array_add (lines, g_strdup ("Opportunity Pipeline, Q1 2025"));
  for (guint i = 1; i + 1 < n_above; i++)
    {
      if (filler != NULL)
        g_ptr_array_add (lines, g_strdup (filler));
      else if (i % 7 == 0)
        g_ptr_array_add (lines, g_strdup (""));
      else
        g_ptr_array_add (lines, g_strdup_printf ("Filter %u;Amount "
                                                 "greater than %u", i, i));
    }
  g_ptr_array_add (lines, g_strdup ("Grand total;;;1510.50;"));
  for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
    g_ptr_array_add (lines, g_strdup (tail[i]));
  g_ptr_array_add (lines, NULL);

  return sniff_lines ((const char *const *)lines->pdata);
}

/* A header on row 25 under a report's title block is found; a header
 * below the bounds of the search is not, and the file reads without one.
 */
static void
test_deep_header (void)
{
  g_autofree char *long_note = g_strnfill (SALES_SNIFF_HEADER_BYTES / 20,
                                           'n');
  g_autoptr(SalesSniffer) s = sniff_report (24, NULL);
  g_autoptr(SalesSniffer) too_deep = sniff_report (SALES_SNIFF_HEADER_ROWS,
                                                   "Internal use only");
  g_autoptr(SalesSniffer) too_long = sniff_report (24, long_note);

  g_assert_true (sales_sniffer_has_header (s));
  g_assert_cmpuint (sales_sniffer_get_header_line (s), ==, 25);
  g_assert_cmpuint (sales_sniffer_get_skip_rows (s), ==, 25);
  g_assert_cmpuint (sales_sniffer_get_n_data_rows (s), ==, 4);
  g_assert_cmpuint (sales_sniffer_get_n_columns (s), ==, 5);
  g_assert_cmpstr (sales_sniffer_get_column_name (s, 4), ==, "Close Date");
  g_assert_cmpint (sales_sniffer_get_column_type (s, 4), ==,
                   SALES_COLUMN_DATE);
  g_assert_cmpint (sales_sniffer_get_column_type (s, 0), ==,
                   SALES_COLUMN_TEXT);

  g_assert_false (sales_sniffer_has_header (too_deep));
  g_assert_cmpuint (sales_sniffer_get_skip_rows (too_deep), ==, 0);
  /* The rows held stop at SALES_SNIFF_HEADER_BYTES, above row 25. */
  g_assert_cmpuint (sales_sniffer_get_header_line (too_long), !=, 25);
}

/* Rows of data above an all-text row are not a title block: a file
 * without a header keeps every row, however deep the search goes.
 */
static void
test_no_header_among_data (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SalesSniffer) s = NULL;

  for (guint i = 1; i <= 40; i++)
    g_ptr_array_add (lines, i == 30 ? g_strdup ("D30;Ann;pending")
                                    : g_strdup_printf ("D%u;Ann;%u", i, i));
  g_ptr_array_add (lines, NULL);
  s = sniff_lines ((const char *const *)lines->pdata);

  g_assert_false (sales_sniffer_has_header (s));
  g_assert_cmpuint (sales_sniffer_get_n_data_rows (s), ==, 40);
}

static void
test_ragged_rows (void)
{
  const char *lines[] = { "a;b;c", "1;2;3;4", "5", NULL };
  g_autoptr(SalesSniffer) s = sniff_lines (lines);

  g_assert_cmpuint (sales_sniffer_get_n_columns (s), ==, 4);
  g_assert_cmpstr (sales_sniffer_get_column_name (s, 3), ==, "Column 4");
  g_assert_cmpint (sales_sniffer_get_column_type (s, 0), ==,
                   SALES_COLUMN_INTEGER);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sniffer/header-and-types", test_header_and_types);
  g_test_add_func ("/sniffer/ids-are-not-money", test_ids_are_not_money);
  g_test_add_func ("/sniffer/title-rows-and-no-header",
                   test_title_rows_and_no_header);
  g_test_add_func ("/sniffer/date-order/whole-column",
                   test_date_order_whole_column);
  g_test_add_func ("/sniffer/date-order/ambiguous",
                   test_date_order_ambiguous);
  g_test_add_func ("/sniffer/ragged-rows", test_ragged_rows);
  g_test_add_func ("/sniffer/deep-header", test_deep_header);
  g_test_add_func ("/sniffer/no-header-among-data",
                   test_no_header_among_data);

  return g_test_run ();
}
