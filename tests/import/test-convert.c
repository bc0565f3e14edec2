/* test-convert.c: cell text to typed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sales-convert.h"

static const SalesColumnFormat month_first = {
  SALES_DATE_ORDER_MONTH_FIRST, SALES_DECIMAL_POINT
};
static const SalesColumnFormat day_first = {
  SALES_DATE_ORDER_DAY_FIRST, SALES_DECIMAL_COMMA
};

static void
assert_date (const char              *text,
             const SalesColumnFormat *format,
             const char              *expected)
{
  SalesValue value;
  g_autofree char *reason = NULL;

  if (!sales_convert_value (SALES_FIELD_DATE, text, format, &value, &reason))
    g_error ("“%s” was refused: %s", text, reason);
  g_assert_cmpint (value.kind, ==, SALES_VALUE_TEXT);
  g_assert_cmpstr (value.text, ==, expected);
}

static void
assert_refused (SalesFieldType           type,
                const char              *text,
                const SalesColumnFormat *format,
                const char              *reason_part)
{
  SalesValue value;
  g_autofree char *reason = NULL;

  g_assert_false (sales_convert_value (type, text, format, &value, &reason));
  g_assert_nonnull (reason);
  if (strstr (reason, reason_part) == NULL)
    g_error ("reason for “%s” is “%s”, expected “%s” in it", text, reason,
             reason_part);
}

static void
test_date_forms (void)
{
  assert_date ("2025-03-07", &month_first, "2025-03-07");
  assert_date ("2025/3/7", &day_first, "2025-03-07");
  assert_date ("2025.03.07", &day_first, "2025-03-07");
  assert_date ("2025-03-07T14:05:00", &day_first, "2025-03-07 14:05:00");
  assert_date ("2025-03-07T14:05:00Z", &day_first, "2025-03-07 14:05:00");
  assert_date ("2025-03-07T14:05:00.123+02:00", &day_first,
               "2025-03-07 14:05:00");
  assert_date ("2025-03-07 14:05:00-0500", &day_first,
               "2025-03-07 14:05:00");
  assert_date ("2025-03-07 14:05", &day_first, "2025-03-07 14:05:00");
  assert_date ("3/7/2025 2:05 PM", &month_first, "2025-03-07 14:05:00");
  assert_date ("3/7/2025 12:05 am", &month_first, "2025-03-07 00:05:00");
  assert_date ("3/7/2025 12:30 PM", &month_first, "2025-03-07 12:30:00");
  assert_date ("3/7/2025", &day_first, "2025-07-03");
  assert_date ("07-03-2025", &day_first, "2025-03-07");
  assert_date ("07-03-2025", &month_first, "2025-07-03");
  assert_date ("7.3.25", &day_first, "2025-03-07");
  assert_date ("1/2/99", &month_first, "1999-01-02");
  assert_date ("Mar 7, 2025", &day_first, "2025-03-07");
  assert_date ("March 7 2025", &day_first, "2025-03-07");
  assert_date ("7 Mar 2025", &month_first, "2025-03-07");
  assert_date ("07-Mar-2025", &month_first, "2025-03-07");
  assert_date ("7-Sept-25", &month_first, "2025-09-07");
  assert_date ("2025-03", &month_first, "2025-03-01");
  assert_date ("Mar 2025", &month_first, "2025-03-01");
  assert_date ("  2025-03-07 ", &month_first, "2025-03-07");
  assert_date ("1/31/2025 9:15", &month_first, "2025-01-31 09:15:00");
}

static void
test_date_refused (void)
{
  assert_refused (SALES_FIELD_DATE, "31/01/2025", &month_first,
                  "31 cannot be a month: this column is read month first");
  assert_refused (SALES_FIELD_DATE, "2/30/2025", &month_first,
                  "2025-02 has no day 30");
  assert_refused (SALES_FIELD_DATE, "2025-13-01", &month_first, "not a date");
  assert_refused (SALES_FIELD_DATE, "soon", &month_first, "not a date");
  assert_refused (SALES_FIELD_DATE, "3/7/2025 25:00", &month_first,
                  "not a date");
  assert_refused (SALES_FIELD_DATE, "13:05", &month_first, "not a date");
  assert_refused (SALES_FIELD_DATE, "20250307", &month_first, "not a date");
}

static void
test_date_proofs (void)
{
  SalesDateParts parts;

  g_assert_true (sales_date_parse ("31/01/2025", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DATE_PROOF_DAY_FIRST);
  g_assert_cmpint (parts.separator, ==, '/');
  g_assert_true (sales_date_parse ("1/31/2025", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DATE_PROOF_MONTH_FIRST);
  g_assert_true (sales_date_parse ("3/7/2025 2:05 PM", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DATE_PROOF_AMBIGUOUS);
  g_assert_true (parts.has_meridiem);
  g_assert_true (sales_date_parse ("2025-03-07", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DATE_PROOF_NONE);
  g_assert_false (sales_date_parse ("31/13/2025", &parts));
}

static gint64
money (const char       *text,
       SalesDecimalMark  mark)
{
  SalesColumnFormat format = { SALES_DATE_ORDER_NONE, mark };
  SalesValue value;
  g_autofree char *reason = NULL;

  if (!sales_convert_value (SALES_FIELD_MONEY, text, &format, &value,
                            &reason))
    g_error ("“%s” was refused: %s", text, reason);
  g_assert_cmpint (value.kind, ==, SALES_VALUE_INT);
  return value.i;
}

static void
test_money (void)
{
  g_assert_cmpint (money ("1234.50", SALES_DECIMAL_POINT), ==, 123450);
  g_assert_cmpint (money ("$1,234.50", SALES_DECIMAL_POINT), ==, 123450);
  g_assert_cmpint (money ("1.234,50 €", SALES_DECIMAL_POINT), ==, 123450);
  g_assert_cmpint (money ("€ 1.234,5", SALES_DECIMAL_NONE), ==, 123450);
  g_assert_cmpint (money ("USD 1,234", SALES_DECIMAL_POINT), ==, 123400);
  g_assert_cmpint (money ("1,234 EUR", SALES_DECIMAL_COMMA), ==, 123);
  g_assert_cmpint (money ("ZAR 99", SALES_DECIMAL_POINT), ==, 9900);
  g_assert_cmpint (money ("7 AED", SALES_DECIMAL_POINT), ==, 700);
  g_assert_cmpint (money ("1.234", SALES_DECIMAL_COMMA), ==, 123400);
  g_assert_cmpint (money ("£1,234,567", SALES_DECIMAL_COMMA), ==, 123456700);
  g_assert_cmpint (money ("1 234 567,89", SALES_DECIMAL_NONE), ==,
                   123456789);
  g_assert_cmpint (money ("1\u00a0234,50", SALES_DECIMAL_NONE), ==, 123450);
  g_assert_cmpint (money ("1'234.50", SALES_DECIMAL_NONE), ==, 123450);
  g_assert_cmpint (money ("(1,234.50)", SALES_DECIMAL_POINT), ==, -123450);
  g_assert_cmpint (money ("($12.00)", SALES_DECIMAL_POINT), ==, -1200);
  g_assert_cmpint (money ("1234.50-", SALES_DECIMAL_POINT), ==, -123450);
  g_assert_cmpint (money ("-$5", SALES_DECIMAL_POINT), ==, -500);
  g_assert_cmpint (money ("$-5", SALES_DECIMAL_POINT), ==, -500);
  g_assert_cmpint (money ("US$ 20", SALES_DECIMAL_POINT), ==, 2000);
  g_assert_cmpint (money ("R$ 20,5", SALES_DECIMAL_POINT), ==, 2050);
  g_assert_cmpint (money ("0", SALES_DECIMAL_NONE), ==, 0);
  g_assert_cmpint (money ("0.1", SALES_DECIMAL_NONE), ==, 10);
  g_assert_cmpint (money (".5", SALES_DECIMAL_NONE), ==, 50);
  g_assert_cmpint (money ("1.5E+06", SALES_DECIMAL_NONE), ==, 150000000);
  /* Beyond cents: half away from zero, exactly. */
  g_assert_cmpint (money ("10.005", SALES_DECIMAL_NONE), ==, 1001);
  g_assert_cmpint (money ("10.0049", SALES_DECIMAL_NONE), ==, 1000);
  g_assert_cmpint (money ("-10.005", SALES_DECIMAL_NONE), ==, -1001);
  g_assert_cmpint (money ("92233720368547758.07", SALES_DECIMAL_NONE), ==,
                   G_MAXINT64);
}

static void
test_money_refused (void)
{
  const SalesColumnFormat point = { SALES_DATE_ORDER_NONE,
                                    SALES_DECIMAL_POINT };

  assert_refused (SALES_FIELD_MONEY, "92233720368547758.08", &point,
                  "too large");
  assert_refused (SALES_FIELD_MONEY, "12%", &point, "percentage");
  assert_refused (SALES_FIELD_MONEY, "twelve", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "OPP00012", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "12 ABC", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "1.2.3", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "1,23,4", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "(12", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "12-5", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "1.234,5.6", &point, "not an amount");
  assert_refused (SALES_FIELD_MONEY, "123456789012345678901234567890123456789"
                  "01234", &point, "not an amount");
}

static void
test_decimal_proofs (void)
{
  SalesNumberParts parts;

  g_assert_true (sales_number_parse ("1,234", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DECIMAL_PROOF_AMBIGUOUS);
  g_assert_true (sales_number_parse ("12,5", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DECIMAL_PROOF_COMMA);
  g_assert_true (sales_number_parse ("1,234.5", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DECIMAL_PROOF_POINT);
  g_assert_true (sales_number_parse ("0,123", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DECIMAL_PROOF_COMMA);
  g_assert_true (sales_number_parse ("1234", &parts));
  g_assert_cmpint (parts.proof, ==, SALES_DECIMAL_PROOF_NONE);
  g_assert_true (sales_number_parse ("$12", &parts));
  g_assert_true (parts.has_currency);
}

static void
test_numbers (void)
{
  const SalesColumnFormat point = { SALES_DATE_ORDER_NONE,
                                    SALES_DECIMAL_POINT };
  SalesValue value;

  g_assert_true (sales_convert_value (SALES_FIELD_NUMBER, "40%", &point,
                                      &value, NULL));
  g_assert_cmpint (value.kind, ==, SALES_VALUE_DOUBLE);
  g_assert_cmpfloat (value.d, ==, 0.4);
  g_assert_true (sales_convert_value (SALES_FIELD_NUMBER, "0,25", &point,
                                      &value, NULL));
  g_assert_cmpfloat (value.d, ==, 0.25);
  g_assert_true (sales_convert_value (SALES_FIELD_NUMBER, "75", &point,
                                      &value, NULL));
  g_assert_cmpfloat (value.d, ==, 75.0);
  assert_refused (SALES_FIELD_NUMBER, "high", &point, "not a number");
}

static void
test_outcomes (void)
{
  const SalesColumnFormat none = { 0, 0 };
  SalesValue value;

  g_assert_cmpstr (sales_outcome_from_stage ("Closed Won"), ==, "won");
  g_assert_cmpstr (sales_outcome_from_stage ("Won"), ==, "won");
  g_assert_cmpstr (sales_outcome_from_stage ("closedwon"), ==, "won");
  g_assert_cmpstr (sales_outcome_from_stage ("CLOSED-LOST"), ==, "lost");
  g_assert_cmpstr (sales_outcome_from_stage ("Lost"), ==, "lost");
  g_assert_cmpstr (sales_outcome_from_stage ("closedlost"), ==, "lost");
  g_assert_cmpstr (sales_outcome_from_stage ("Engaging"), ==, "open");
  g_assert_cmpstr (sales_outcome_from_stage ("Won't close"), ==, "open");

  g_assert_true (sales_convert_value (SALES_FIELD_OUTCOME, "Open", &none,
                                      &value, NULL));
  g_assert_cmpstr (value.text, ==, "open");
  g_assert_true (sales_convert_value (SALES_FIELD_OUTCOME, "Closed Won",
                                      &none, &value, NULL));
  g_assert_cmpstr (value.text, ==, "won");
  assert_refused (SALES_FIELD_OUTCOME, "Negotiation", &none, "not an outcome");
}

static void
test_categories (void)
{
  const SalesColumnFormat none = { 0, 0 };
  SalesValue value;

  g_assert_cmpstr (sales_category_normalize ("MARKETING"), ==, "marketing");
  g_assert_cmpstr (sales_category_normalize ("Lead generation"), ==,
                   "marketing");
  g_assert_cmpstr (sales_category_normalize ("Advertising"), ==, "marketing");
  g_assert_cmpstr (sales_category_normalize ("ads"), ==, "marketing");
  g_assert_cmpstr (sales_category_normalize ("Sales commissions"), ==,
                   "sales");
  g_assert_cmpstr (sales_category_normalize ("Sales-Travel"), ==, "sales");
  g_assert_null (sales_category_normalize ("Travel"));
  g_assert_null (sales_category_normalize ("Office rent"));

  g_assert_true (sales_convert_value (SALES_FIELD_CATEGORY, "Office rent",
                                      &none, &value, NULL));
  g_assert_cmpstr (value.text, ==, "Office rent");
}

static void
test_empty_is_null (void)
{
  const SalesColumnFormat none = { 0, 0 };
  SalesFieldType types[] = { SALES_FIELD_TEXT, SALES_FIELD_DATE,
                             SALES_FIELD_MONEY, SALES_FIELD_NUMBER,
                             SALES_FIELD_OUTCOME, SALES_FIELD_CATEGORY,
                             SALES_FIELD_REF };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      SalesValue value;

      g_assert_true (sales_convert_value (types[i], "", &none, &value, NULL));
      g_assert_cmpint (value.kind, ==, SALES_VALUE_NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/convert/date/forms", test_date_forms);
  g_test_add_func ("/convert/date/refused", test_date_refused);
  g_test_add_func ("/convert/date/proofs", test_date_proofs);
  g_test_add_func ("/convert/money", test_money);
  g_test_add_func ("/convert/money/refused", test_money_refused);
  g_test_add_func ("/convert/decimal-proofs", test_decimal_proofs);
  g_test_add_func ("/convert/numbers", test_numbers);
  g_test_add_func ("/convert/outcomes", test_outcomes);
  g_test_add_func ("/convert/categories", test_categories);
  g_test_add_func ("/convert/empty-is-null", test_empty_is_null);

  return g_test_run ();
}
