/* test-kpi.c: the twelve KPIs on a fixture computed by hand
 *
 * The fixture below is small enough to compute every KPI on paper; the
 * expected numbers in the tests are those computations, written out in
 * the comments next to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "sales-demo.h"
#include "sales-error.h"
#include "sales-kpi.h"
#include "sales-workspace.h"
#include "salesops-test.h"

/* Leads (owner, source, created, first response, converted):
 *   L1 ann web 2025-01-05 09:00:00, 09:30:00 (0.5 h),
 *      not marked converted but O1 refers to it
 *   L2 bob event 2025-02-10 (date only: midnight), 03:00:00 (3 h),
 *      converted 2025-02-12
 *   L3 ann web 2025-03-01 10:00:00, no response, not converted
 *   L4 bob web 2025-03-31 23:00:00, 2025-04-01 00:00:00 (exactly 1 h)
 *   L5 ann event 2025-04-01 00:00:00 (midnight on Q1's end: in Q2), 2 h
 *   L6 ann web 2024-12-20 08:00:00, 10:00:00 (2 h), converted 2024-12-28
 *   L7 no creation date: in no period
 *
 * Opportunities (lead, customer, owner, source, outcome, amount, created,
 * qualified, closed):
 *   O1 L1 C1 -   -     won  1000.00 -          01-10 2025-02-04 09:00:00
 *      owner ann, source web and start 2025-01-05 09:00 from L1: 30 days
 *   O2 -  -  bob event lost  500.00 2025-01-01 01-15 2025-03-31 23:59:59
 *      89 days 23:59:59 = 89 + 86399/86400 days, inside Q1
 *   O3 -  -  bob event won   200.00 2025-02-01 -     2025-04-01 00:00:00
 *      midnight on Q1's end: closed in Q2, not Q1
 *   O4 L6 C2 -   event won   300.00 -          -     2025-03-10 08:00:00
 *      owner ann from L6, own source event, start 2024-12-20 08:00 from
 *      L6: 80 days
 *   O5 -  -  ann web   won   (none) -          -     2025-03-15
 *      no start (no created_at, no lead), no amount
 *   O6 -  -  bob web   lost  100.00 2025-02-20 -     2025-03-01
 *      9 days, never qualified
 *   O7 -  -  ann web   open         2025-03-05
 *   O8 -  C3 bob event won   400.00 2024-11-15 -     2024-12-15: 30 days
 *
 * Customers (lead, acquired_at):
 *   C1 L1 -          first purchase P1 2025-02-05 10:00:00
 *      sales time from L1 2025-01-05 09:00: 31 days 1 h = 31 + 1/24
 *   C2 L6 2025-03-12 sales time from 2024-12-20 08:00: 81 days 16 h
 *   C3 -  -          no purchase: first won deal O8, 2024-12-15
 *   C4 L99 2025-03-20 its lead does not exist: no originating lead
 *   C5 -  -          first purchase P5 2024-12-15
 *   C6 -  -          nothing: in no period
 *
 * Purchases: P1 C1 2025-02-05 10:00:00 1000.00; P2 C1 2025-03-20 200.00;
 *   P3 C2 2025-03-12 300.00; P4 (no customer) 2025-01-20 50.00;
 *   P5 C5 2024-12-15 400.00; P6 C2 2025-02-01 (no amount)
 *
 * Expenses: 2025-01-15 Marketing web 300.00; 2025-02-15 MARKETING event
 *   200.00; 2025-02-20 Sales 500.00; 2025-03-01 Office 999.99 (neither);
 *   2025-04-01 marketing web 700.00 (Q2)
 *
 * Forecasts: ann 2025-01-01 600.00; bob 2025-02-01 500.00; ann 2025-03-01
 *   100.00; bob 2025-04-01 999.99 (Q2)
 */
static const char fixture_sql[] =
  "INSERT INTO leads (external_id, owner, source, created_at,"
  " first_response_at, converted_at) VALUES"
  " ('L1', 'ann', 'web', '2025-01-05 09:00:00', '2025-01-05 09:30:00', NULL),"
  " ('L2', 'bob', 'event', '2025-02-10', '2025-02-10 03:00:00',"
  "  '2025-02-12'),"
  " ('L3', 'ann', 'web', '2025-03-01 10:00:00', NULL, NULL),"
  " ('L4', 'bob', 'web', '2025-03-31 23:00:00', '2025-04-01 00:00:00', NULL),"
  " ('L5', 'ann', 'event', '2025-04-01 00:00:00', '2025-04-01 02:00:00',"
  "  NULL),"
  " ('L6', 'ann', 'web', '2024-12-20 08:00:00', '2024-12-20 10:00:00',"
  "  '2024-12-28'),"
  " ('L7', 'bob', 'web', NULL, NULL, NULL);"
  "INSERT INTO opportunities (external_id, lead_ref, customer_ref, owner,"
  " source, outcome, amount, created_at, qualified_at, closed_at) VALUES"
  " ('O1', 'L1', 'C1', NULL, NULL, 'won', 100000, NULL, '2025-01-10',"
  "  '2025-02-04 09:00:00'),"
  " ('O2', NULL, NULL, 'bob', 'event', 'lost', 50000, '2025-01-01',"
  "  '2025-01-15', '2025-03-31 23:59:59'),"
  " ('O3', NULL, NULL, 'bob', 'event', 'won', 20000, '2025-02-01', NULL,"
  "  '2025-04-01 00:00:00'),"
  " ('O4', 'L6', 'C2', '', 'event', 'won', 30000, NULL, NULL,"
  "  '2025-03-10 08:00:00'),"
  " ('O5', NULL, NULL, 'ann', 'web', 'won', NULL, NULL, NULL, '2025-03-15'),"
  " ('O6', NULL, NULL, 'bob', 'web', 'lost', 10000, '2025-02-20', NULL,"
  "  '2025-03-01'),"
  " ('O7', NULL, NULL, 'ann', 'web', 'open', 5000, '2025-03-05', NULL,"
  "  NULL),"
  " ('O8', NULL, 'C3', 'bob', 'event', 'won', 40000, '2024-11-15', NULL,"
  "  '2024-12-15');"
  "INSERT INTO customers (external_id, lead_ref, acquired_at) VALUES"
  " ('C1', 'L1', NULL), ('C2', 'L6', '2025-03-12'), ('C3', NULL, ''),"
  " ('C4', 'L99', '2025-03-20'), ('C5', NULL, NULL), ('C6', NULL, NULL);"
  "INSERT INTO purchases (external_id, customer_ref, purchased_at, amount)"
  " VALUES ('P1', 'C1', '2025-02-05 10:00:00', 100000),"
  " ('P2', 'C1', '2025-03-20', 20000), ('P3', 'C2', '2025-03-12', 30000),"
  " ('P4', NULL, '2025-01-20', 5000), ('P5', 'C5', '2024-12-15', 40000),"
  " ('P6', 'C2', '2025-02-01', NULL);"
  "INSERT INTO expenses (external_id, spent_on, category, channel, amount)"
  " VALUES ('E1', '2025-01-15', 'Marketing', 'web', 30000),"
  " ('E2', '2025-02-15', 'MARKETING', 'event', 20000),"
  " ('E3', '2025-02-20', 'Sales', NULL, 50000),"
  " ('E4', '2025-03-01', 'Office', NULL, 99999),"
  " ('E5', '2025-04-01', 'marketing', 'web', 70000);"
  "INSERT INTO forecasts (external_id, period_start, period_end, owner,"
  " amount) VALUES ('F1', '2025-01-01', '2025-01-31', 'ann', 60000),"
  " ('F2', '2025-02-01', '2025-02-28', 'bob', 50000),"
  " ('F3', '2025-03-01', '2025-03-31', 'ann', 10000),"
  " ('F4', '2025-04-01', '2025-04-30', 'bob', 99999);";

typedef struct
{
  char           *dir;
  char           *path;
  SalesWorkspace *workspace;
  sqlite3        *db;
  SalesKpiSettings settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sales_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "w.salesops", NULL);
  f->workspace = sales_workspace_create (f->path, &error);
  g_assert_no_error (error);
  f->db = sales_workspace_get_db (f->workspace);
  if (data != NULL)
    {
      g_assert_true (sales_workspace_exec (f->workspace, data, &error));
      g_assert_no_error (error);
    }
  sales_kpi_settings_load (&f->settings, f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sales_kpi_settings_clear (&f->settings);
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
set_variant (Fixture    *f,
             const char *id,
             const char *variant)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strconcat ("variant.", id, NULL);

  g_assert_true (sales_workspace_set_setting (f->workspace, key, variant,
                                              &error));
  g_assert_no_error (error);
  sales_kpi_settings_clear (&f->settings);
  sales_kpi_settings_load (&f->settings, f->db);
}

static SalesPeriod
period_of (const char *text)
{
  SalesPeriod period;

  g_assert_true (sales_period_parse (text, 1, &period, NULL));
  return period;
}

static SalesKpiResult *
eval_filtered (Fixture    *f,
               const char *id,
               const char *period_text,
               const char *owner,
               const char *source)
{
  g_autoptr(GError) error = NULL;
  SalesPeriod period = period_of (period_text);
  SalesKpiFilter filter = { owner, source };
  SalesKpiResult *result;

  result = sales_kpi_evaluate (f->db, id, &period, &filter, &f->settings,
                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->info->id, ==, id);
  g_assert_nonnull (result->formula);
  return result;
}

static SalesKpiResult *
eval (Fixture    *f,
      const char *id,
      const char *period_text)
{
  return eval_filtered (f, id, period_text, NULL, NULL);
}

static void
assert_close (double value,
              double expected)
{
  g_assert_cmpfloat_with_epsilon (value, expected,
                                  1e-9 * MAX (1.0, fabs (expected)));
}

static void
assert_value (SalesKpiResult *r,
              double          expected,
              gint64          count)
{
  if (!r->has_value)
    g_test_message ("%s has no value: %s", r->info->id, r->reason);
  g_assert_true (r->has_value);
  g_assert_null (r->reason);
  assert_close (r->value, expected);
  g_assert_cmpint (r->count, ==, count);
}

static void
assert_null (SalesKpiResult *r,
             const char     *reason)
{
  g_assert_false (r->has_value);
  g_assert_cmpfloat (r->value, ==, 0.0);
  g_assert_nonnull (r->reason);
  if (strstr (r->reason, reason) == NULL)
    g_test_message ("%s: “%s” lacks “%s”", r->info->id, r->reason, reason);
  g_assert_nonnull (strstr (r->reason, reason));
}

static void
assert_excluded (SalesKpiResult *r,
                 gint64          excluded,
                 const char     *reason)
{
  g_assert_cmpint (r->excluded, ==, excluded);
  if (excluded == 0)
    g_assert_null (r->excluded_reason);
  else
    g_assert_cmpstr (r->excluded_reason, ==, reason);
}

/* Q1 2025 deals closed: won O1, O4, O5; lost O2, O6. */
static void
test_deals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SalesKpiResult) cycle = eval (f, "sales_cycle_days", "2025-Q1");
  g_autoptr(SalesKpiResult) win = eval (f, "win_rate", "2025-Q1");
  g_autoptr(SalesKpiResult) close = eval (f, "close_rate", "2025-Q1");
  g_autoptr(SalesKpiResult) forecast = eval (f, "forecast_accuracy",
                                             "2025-Q1");
  g_autoptr(SalesKpiResult) efficiency = eval (f, "sales_efficiency",
                                               "2025-Q1");

  /* (30 + 80) / 2; O5 has no start. */
  assert_value (cycle, 55.0, 2);
  assert_close (cycle->numerator, 110.0);
  assert_excluded (cycle, 1, "1 won deal has no start date");
  g_assert_cmpstr (cycle->variant, ==, "default");

  /* 3 won / (3 won + 2 lost). */
  assert_value (win, 60.0, 5);
  assert_close (win->numerator, 3.0);
  assert_close (win->denominator, 5.0);
  assert_excluded (win, 0, NULL);

  /* Qualified: the 3 won and O2 (O6 never qualified): 3 / 4. */
  assert_value (close, 75.0, 4);

  /* A = 1000 + 300 (O5 has no amount), F = 600 + 500 + 100 = 1200:
   * 100 × (1 − 100 / 1300); bias 1200 / 1300 − 1.
   */
  assert_value (forecast, 100.0 * (1.0 - 100.0 / 1300.0), 2);
  assert_close (forecast->numerator, 100.0);
  assert_close (forecast->denominator, 1300.0);
  g_assert_true (forecast->has_bias);
  assert_close (forecast->bias, 1200.0 / 1300.0 - 1.0);
  assert_excluded (forecast, 1, "1 won deal has no amount");

  /* 1300 / (300 + 200 marketing + 500 sales); Office is neither. */
  assert_value (efficiency, 1.3, 2);
  assert_close (efficiency->denominator, 1000.0);
}

/* Q1 2025 leads: L1, L2, L3, L4 (L5 starts Q2 at midnight). */
static void
test_leads (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SalesKpiResult) cpl = eval (f, "cost_per_lead", "2025-Q1");
  g_autoptr(SalesKpiResult) l2o = eval (f, "lead_to_opportunity", "2025-Q1");
  g_autoptr(SalesKpiResult) response = eval (f, "lead_response_hours",
                                             "2025-Q1");

  /* Marketing 300 + 200 over 4 leads. */
  assert_value (cpl, 125.0, 4);
  assert_close (cpl->numerator, 500.0);

  /* L1 (O1 refers to it) and L2 (converted_at): 2 of 4. */
  assert_value (l2o, 50.0, 4);
  assert_close (l2o->numerator, 2.0);

  /* 0.5 h, 3 h and exactly 1 h: mean 1.5, median 1; within the hour
   * L1 and L4 (one hour counts): 2 of 3. L3 has no response.
   */
  assert_value (response, 1.5, 3);
  g_assert_true (response->has_median);
  assert_close (response->median, 1.0);
  g_assert_true (response->has_share_within_hour);
  assert_close (response->share_within_hour, 200.0 / 3.0);
  assert_excluded (response, 1, "1 lead has no response");
}

/* Q1 2025 customers: C1 (first purchase 02-05), C2 (03-12), C4 (03-20). */
static void
test_customers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SalesKpiResult) cac = eval (f, "customer_acquisition_cost",
                                        "2025-Q1");
  g_autoptr(SalesKpiResult) apv = eval (f, "average_purchase_value",
                                        "2025-Q1");
  g_autoptr(SalesKpiResult) time = eval (f, "sales_time_days", "2025-Q1");
  g_autoptr(SalesKpiResult) clv = eval (f, "customer_lifetime_value",
                                        "2025-Q1");
  g_autoptr(SalesKpiResult) clv_q4 = eval (f, "customer_lifetime_value",
                                           "2024-Q4");

  /* (300 + 200 + 500) / 3. */
  assert_value (cac, 1000.0 / 3.0, 3);

  /* P1 1000, P2 200, P3 300, P4 50 over 4; P6 has no amount. */
  assert_value (apv, 387.5, 4);
  assert_excluded (apv, 1, "1 purchase has no amount");

  /* C1 31 + 1/24 days, C2 81 + 16/24 days; C4's lead does not exist. */
  assert_value (time, (112.0 + 17.0 / 24.0) / 2.0, 2);
  assert_excluded (time, 1, "1 customer has no originating lead with a "
                            "creation date");

  /* Before 2025-04-01, with a customer: P1, P2, P3, P5 = 1900 over C1,
   * C2, C5; P4 has no customer.
   */
  assert_value (clv, 1900.0 / 3.0, 3);
  assert_excluded (clv, 1, "1 purchase has no customer");

  /* Before 2025-01-01: P5 400 over C5. */
  assert_value (clv_q4, 400.0, 1);
}

/* Owner and source filters, with deals inheriting from their leads. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SalesKpiResult) win_ann = eval_filtered (f, "win_rate",
                                                     "2025-Q1", "ann", NULL);
  g_autoptr(SalesKpiResult) win_bob = eval_filtered (f, "win_rate",
                                                     "2025-Q1", "bob", NULL);
  g_autoptr(SalesKpiResult) win_web = eval_filtered (f, "win_rate",
                                                     "2025-Q1", NULL, "web");
  g_autoptr(SalesKpiResult) win_event = eval_filtered (f, "win_rate",
                                                       "2025-Q1", NULL,
                                                       "event");
  g_autoptr(SalesKpiResult) cycle_ann = eval_filtered (f, "sales_cycle_days",
                                                       "2025-Q1", "ann",
                                                       NULL);
  g_autoptr(SalesKpiResult) cycle_bob = eval_filtered (f, "sales_cycle_days",
                                                       "2025-Q1", "bob",
                                                       NULL);
  g_autoptr(SalesKpiResult) cpl_web = eval_filtered (f, "cost_per_lead",
                                                     "2025-Q1", NULL, "web");
  g_autoptr(SalesKpiResult) l2o_ann = eval_filtered (f, "lead_to_opportunity",
                                                     "2025-Q1", "ann", NULL);
  g_autoptr(SalesKpiResult) apv_ann = eval_filtered (f,
                                                     "average_purchase_value",
                                                     "2025-Q1", "ann", NULL);
  g_autoptr(SalesKpiResult) apv_bob = eval_filtered (f,
                                                     "average_purchase_value",
                                                     "2025-Q1", "bob", NULL);
  g_autoptr(SalesKpiResult) forecast_ann = eval_filtered (f,
    "forecast_accuracy", "2025-Q1", "ann", NULL);
  g_autoptr(SalesKpiResult) time_ann = eval_filtered (f, "sales_time_days",
                                                      "2025-Q1", "ann", NULL);

  /* ann: O1 (owner from L1), O4 (owner from L6), O5; no lost deal. */
  assert_value (win_ann, 100.0, 3);
  /* bob: O2 and O6 lost: a real 0 %, not a missing value. */
  assert_value (win_bob, 0.0, 2);
  /* web: O1 (source from L1), O5 won, O6 lost; O4 keeps its own event. */
  assert_value (win_web, 200.0 / 3.0, 3);
  /* event: O4 won, O2 lost. */
  assert_value (win_event, 50.0, 2);

  assert_value (cycle_ann, 55.0, 2);
  assert_null (cycle_bob, "no deals were won");

  /* web: marketing 300 over L1, L3, L4. */
  assert_value (cpl_web, 100.0, 3);
  /* ann: L1 converted, L3 not. */
  assert_value (l2o_ann, 50.0, 2);

  /* Purchases follow their customer's lead: P1, P2 (C1, L1) and P3
   * (C2, L6) are ann's: 1500 / 3; P6 (C2) has no amount.
   */
  assert_value (apv_ann, 500.0, 3);
  assert_excluded (apv_ann, 1, "1 purchase has no amount");
  assert_null (apv_bob, "no purchases");

  /* ann: A = 1000 + 300, F = 600 + 100: 100 × (1 − 600 / 1300). */
  assert_value (forecast_ann, 100.0 * (1.0 - 600.0 / 1300.0), 2);
  assert_value (time_ann, (112.0 + 17.0 / 24.0) / 2.0, 2);
}

static void
test_null_cases (Fixture       *f,
                 gconstpointer  data)
{
  guint n;
  const SalesKpiInfo *all = sales_kpi_get_all (&n);

  /* 2023 holds nothing at all: every KPI is null with a reason. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SalesKpiResult) r = eval (f, all[i].id, "2023");

      g_assert_false (r->has_value);
      g_assert_nonnull (r->reason);
      g_assert_cmpint (r->count, ==, 0);
    }

  {
    /* Q4 2024 has one lead (L6) but no spend, and no forecast. */
    g_autoptr(SalesKpiResult) cpl = eval (f, "cost_per_lead", "2024-Q4");
    g_autoptr(SalesKpiResult) eff = eval (f, "sales_efficiency", "2024-Q4");
    g_autoptr(SalesKpiResult) cac = eval (f, "customer_acquisition_cost",
                                          "2024-Q4");
    g_autoptr(SalesKpiResult) fa = eval (f, "forecast_accuracy", "2024-Q4");
    g_autoptr(SalesKpiResult) st = eval (f, "sales_time_days", "2024-Q4");
    g_autoptr(SalesKpiResult) cycle = eval (f, "sales_cycle_days",
                                            "2024-Q4");

    assert_null (cpl, "no marketing spend");
    assert_null (eff, "no marketing or sales spend");
    assert_null (cac, "no marketing or sales spend");
    assert_null (fa, "no forecast");
    /* C3 (by its won deal O8) and C5 (by P5) came without a lead. */
    assert_null (st, "originating lead");
    assert_excluded (st, 2, "2 customers have no originating lead with a "
                            "creation date");
    /* O8: 2024-11-15 to 2024-12-15. */
    assert_value (cycle, 30.0, 1);
  }

  {
    /* bob forecast 500 in Q1 but won nothing: zero actual revenue. */
    g_autoptr(SalesKpiResult) fa = eval_filtered (f, "forecast_accuracy",
                                                  "2025-Q1", "bob", NULL);
    g_autoptr(SalesKpiResult) fa_web = eval_filtered (f, "forecast_accuracy",
                                                      "2025-Q1", NULL, "web");

    assert_null (fa, "no revenue was won");
    assert_null (fa_web, "forecasts have no source");
  }

  {
    /* Spend has no owner; sales spend has no channel. */
    const char *spend[] = { "cost_per_lead", "customer_acquisition_cost",
                            "sales_efficiency", NULL };

    for (guint i = 0; spend[i] != NULL; i++)
      {
        g_autoptr(SalesKpiResult) r = eval_filtered (f, spend[i], "2025-Q1",
                                                     "ann", NULL);

        assert_null (r, "spend has no owner");
      }
  }

  {
    g_autoptr(SalesKpiResult) cac = eval_filtered (f,
      "customer_acquisition_cost", "2025-Q1", NULL, "web");
    g_autoptr(SalesKpiResult) eff = eval_filtered (f, "sales_efficiency",
                                                   "2025-Q1", NULL, "web");

    assert_null (cac, "sales spend has no channel");
    assert_null (eff, "sales spend has no channel");
  }
}

/* Half-open periods: a deal closed at midnight on `to` is outside. */
static void
test_boundaries (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SalesKpiResult) march = eval (f, "win_rate", "2025-03");
  g_autoptr(SalesKpiResult) april = eval (f, "win_rate", "2025-04");
  g_autoptr(SalesKpiResult) leads_march = eval (f, "lead_to_opportunity",
                                                "2025-03");
  g_autoptr(SalesKpiResult) leads_april = eval (f, "lead_to_opportunity",
                                                "2025-04");
  g_autoptr(SalesKpiResult) one_day = NULL;
  g_autoptr(GError) error = NULL;
  SalesPeriod period;

  /* March: O4, O5 won; O2 (23:59:59 on the 31st), O6 lost. */
  assert_value (march, 50.0, 4);
  /* April: only O3, closed at 00:00:00 on April 1. */
  assert_value (april, 100.0, 1);
  /* L3, L4 (23:00 on the 31st) in March; L5 (00:00 April 1) in April. */
  assert_value (leads_march, 0.0, 2);
  assert_value (leads_april, 0.0, 1);

  /* A custom one-day range: 2025-03-31 holds O2 only. */
  g_assert_true (sales_period_from_dates ("2025-03-31", "2025-04-01",
                                          &period, NULL));
  one_day = sales_kpi_evaluate (f->db, "win_rate", &period, NULL, NULL,
                                &error);
  g_assert_no_error (error);
  assert_value (one_day, 0.0, 1);
}

static void
test_variants (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SalesKpiResult) cycle = NULL;
  g_autoptr(SalesKpiResult) win = NULL;
  g_autoptr(SalesKpiResult) clv = NULL;
  g_autoptr(SalesKpiResult) clv_margin = NULL;
  g_autoptr(SalesKpiResult) mape = NULL;
  g_autoptr(SalesKpiResult) historical = NULL;
  g_autoptr(GError) error = NULL;

  /* O1 30, O4 80, O2 89 + 86399/86400, O6 9 over 4; O5 has no start. */
  set_variant (f, "sales_cycle_days", "won_and_lost");
  cycle = eval (f, "sales_cycle_days", "2025-Q1");
  assert_value (cycle, (208.0 + 86399.0 / 86400.0) / 4.0, 4);
  assert_excluded (cycle, 1, "1 closed deal has no start date");
  g_assert_cmpstr (cycle->variant, ==, "won_and_lost");
  g_assert_nonnull (strstr (cycle->formula, "won and lost"));

  /* Created in Q1 by their own date: O2, O3, O6, O7; won: O3. */
  set_variant (f, "win_rate", "all_created");
  win = eval (f, "win_rate", "2025-Q1");
  assert_value (win, 25.0, 4);

  /* Revenue in Q1 with a customer: 1500 over C1 and C2 per 90 days,
   * times 365.25 / 90 years⁻¹, times the default lifespan 3.
   */
  set_variant (f, "customer_lifetime_value", "predictive");
  clv = eval (f, "customer_lifetime_value", "2025-Q1");
  assert_value (clv, 750.0 * 365.25 / 90.0 * 3.0, 2);

  /* Gross margin 50 % and lifespan 2 halve and scale it. */
  g_assert_true (sales_workspace_set_setting (f->workspace, "gross_margin",
                                              "50", &error));
  g_assert_true (sales_workspace_set_setting (f->workspace, "lifespan_years",
                                              "2", &error));
  g_assert_no_error (error);
  sales_kpi_settings_clear (&f->settings);
  sales_kpi_settings_load (&f->settings, f->db);
  clv_margin = eval (f, "customer_lifetime_value", "2025-Q1");
  assert_value (clv_margin, 750.0 * 365.25 / 90.0 * 2.0 * 0.5, 2);

  /* Historical with the margin: 1900 / 3 × 0.5. */
  set_variant (f, "customer_lifetime_value", "default");
  historical = eval (f, "customer_lifetime_value", "2025-Q1");
  assert_value (historical, 1900.0 / 3.0 * 0.5, 3);

  /* January: no won deal, skipped. February: A 1000, F 500: 50 %.
   * March: A 300, F 100: 66.67 %. 100 − (50 + 66.67) / 2.
   */
  set_variant (f, "forecast_accuracy", "mape");
  mape = eval (f, "forecast_accuracy", "2025-Q1");
  assert_value (mape, 100.0 - (50.0 + 200.0 / 3.0) / 2.0, 2);
  assert_excluded (mape, 1, "1 month has no forecast or no won deals");
}

/* Unknown variants fall back to the default definition. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SalesKpiResult) win = NULL;

  set_variant (f, "win_rate", "no_such_variant");
  win = eval (f, "win_rate", "2025-Q1");
  g_assert_cmpstr (win->variant, ==, "default");
  assert_value (win, 60.0, 5);
  g_assert_cmpfloat (f->settings.gross_margin, ==, 1.0);
  g_assert_cmpfloat (f->settings.lifespan_years, ==, 3.0);
  g_assert_cmpuint (f->settings.fiscal_year_start, ==, 1);
}

/* Without any purchase, each won deal counts as one. Deals: W1 C1 won
 * 2025-02-04 1000.00; W2 C1 won 2025-03-10 300.00; W3 won 2025-03-11 no
 * amount, no customer; W4 won 2025-03-12 200.00 no customer.
 */
static const char no_purchases_sql[] =
  "INSERT INTO opportunities (external_id, customer_ref, owner, outcome,"
  " amount, created_at, closed_at) VALUES"
  " ('W1', 'C1', 'ann', 'won', 100000, '2025-01-04', '2025-02-04'),"
  " ('W2', 'C1', 'ann', 'won', 30000, '2025-01-10', '2025-03-10'),"
  " ('W3', NULL, 'bob', 'won', NULL, '2025-01-11', '2025-03-11'),"
  " ('W4', NULL, 'bob', 'won', 20000, '2025-01-12', '2025-03-12');"
  "INSERT INTO customers (external_id, acquired_at) VALUES ('C1', NULL);";

static void
test_purchases_fallback (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SalesKpiResult) apv = eval (f, "average_purchase_value",
                                        "2025-Q1");
  g_autoptr(SalesKpiResult) clv = eval (f, "customer_lifetime_value",
                                        "2025-Q1");
  g_autoptr(SalesKpiResult) apv_bob = eval_filtered (f,
    "average_purchase_value", "2025-Q1", "bob", NULL);
  g_autoptr(SalesKpiResult) cac = eval (f, "customer_acquisition_cost",
                                        "2025-02");

  /* (1000 + 300 + 200) / 3; W3 has no amount. */
  assert_value (apv, 500.0, 3);
  assert_excluded (apv, 1, "1 won deal has no amount");
  g_assert_nonnull (strstr (apv->formula, "won deals"));

  /* W1 + W2 over C1; W4 has no customer. */
  assert_value (clv, 1300.0, 1);
  assert_excluded (clv, 1, "1 won deal has no customer");

  /* A deal's own owner: W4 only. */
  assert_value (apv_bob, 200.0, 1);

  /* C1 acquired at its first won deal, in February; no spend. */
  assert_null (cac, "no marketing or sales spend");
  g_assert_false (sales_kpi_has_purchases (f->db));
}

static void
assert_same (const SalesKpiResult *a,
             const SalesKpiResult *b)
{
  g_assert_cmpint (a->has_value, ==, b->has_value);
  g_assert_cmpfloat (a->value, ==, b->value);
  g_assert_cmpfloat (a->numerator, ==, b->numerator);
  g_assert_cmpfloat (a->denominator, ==, b->denominator);
  g_assert_cmpint (a->count, ==, b->count);
  g_assert_cmpint (a->excluded, ==, b->excluded);
  g_assert_cmpstr (a->reason, ==, b->reason);
  g_assert_cmpstr (a->excluded_reason, ==, b->excluded_reason);
  g_assert_cmpint (a->has_median, ==, b->has_median);
  g_assert_cmpfloat (a->median, ==, b->median);
  g_assert_cmpfloat (a->share_within_hour, ==, b->share_within_hour);
  g_assert_cmpfloat (a->bias, ==, b->bias);
}

/* Every bucket of a trend and every group of a breakdown equals the
 * single evaluation of its period and filter.
 */
static void
check_buckets (sqlite3                *db,
               const SalesPeriod      *range,
               SalesBucket             bucket,
               const SalesKpiSettings *settings)
{
  guint n;
  const SalesKpiInfo *all = sales_kpi_get_all (&n);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) points = sales_kpi_trend (db, all[k].id, range,
                                                  bucket, NULL, settings,
                                                  &error);

      g_assert_no_error (error);
      g_assert_cmpuint (points->len, >, 0);
      for (guint i = 0; i < points->len; i++)
        {
          SalesKpiPoint *point = &g_array_index (points, SalesKpiPoint, i);
          g_autoptr(SalesKpiResult) single = sales_kpi_evaluate (
            db, all[k].id, &point->period, NULL, settings, &error);

          g_assert_no_error (error);
          assert_same (point->result, single);
        }
    }
}

static void
check_breakdowns (sqlite3                *db,
                  const SalesPeriod      *period,
                  const char             *by,
                  const SalesKpiSettings *settings)
{
  guint n;
  const SalesKpiInfo *all = sales_kpi_get_all (&n);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) groups = sales_kpi_breakdown (db, all[k].id, period,
                                                      by, NULL, settings,
                                                      &error);

      g_assert_no_error (error);
      for (guint i = 0; i < groups->len; i++)
        {
          SalesKpiGroup *group = &g_array_index (groups, SalesKpiGroup, i);
          SalesKpiFilter filter = { NULL, NULL };
          g_autoptr(SalesKpiResult) single = NULL;

          if (g_str_equal (by, "owner"))
            filter.owner = group->label;
          else
            filter.source = group->label;
          single = sales_kpi_evaluate (db, all[k].id, period, &filter,
                                       settings, &error);
          g_assert_no_error (error);
          assert_same (group->result, single);
        }
    }
}

static void
test_trend_equals_single (Fixture       *f,
                          gconstpointer  data)
{
  SalesPeriod range;

  g_assert_true (sales_period_from_dates ("2024-10-01", "2025-07-01", &range,
                                          NULL));
  check_buckets (f->db, &range, SALES_BUCKET_MONTH, &f->settings);
  check_buckets (f->db, &range, SALES_BUCKET_WEEK, &f->settings);
  check_buckets (f->db, &range, SALES_BUCKET_QUARTER, &f->settings);
  range = period_of ("2025-Q1");
  check_breakdowns (f->db, &range, "owner", &f->settings);
  check_breakdowns (f->db, &range, "source", &f->settings);

  set_variant (f, "customer_lifetime_value", "predictive");
  set_variant (f, "forecast_accuracy", "mape");
  set_variant (f, "win_rate", "all_created");
  g_assert_true (sales_period_from_dates ("2024-10-01", "2025-07-01", &range,
                                          NULL));
  check_buckets (f->db, &range, SALES_BUCKET_MONTH, &f->settings);
  range = period_of ("2025-Q1");
  check_breakdowns (f->db, &range, "owner", &f->settings);
}

static void
test_breakdown_groups (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesPeriod q1 = period_of ("2025-Q1");
  g_autoptr(GArray) groups = sales_kpi_breakdown (f->db, "win_rate", &q1,
                                                  "owner", NULL, NULL,
                                                  &error);
  g_autoptr(GArray) bad = NULL;

  g_assert_no_error (error);
  /* "" holds the spend and the customers without a lead. */
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpstr (g_array_index (groups, SalesKpiGroup, 0).label, ==, "");
  g_assert_cmpstr (g_array_index (groups, SalesKpiGroup, 1).label, ==, "ann");
  g_assert_cmpstr (g_array_index (groups, SalesKpiGroup, 2).label, ==, "bob");
  assert_value (g_array_index (groups, SalesKpiGroup, 1).result, 100.0, 3);
  assert_value (g_array_index (groups, SalesKpiGroup, 2).result, 0.0, 2);

  bad = sales_kpi_breakdown (f->db, "win_rate", &q1, "region", NULL, NULL,
                             &error);
  g_assert_null (bad);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
}

static gint64
count_rows (sqlite3              *db,
            const SalesDrillDown *drill)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE %s",
                                          drill->table, drill->where);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
drill_count (sqlite3                *db,
             const char             *id,
             SalesDrillPart          part,
             const SalesPeriod      *period,
             const SalesKpiFilter   *filter,
             const SalesKpiSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDrillDown) drill = sales_kpi_drill_down_full (
    id, part, period, filter, settings, !sales_kpi_has_purchases (db),
    &error);

  g_assert_no_error (error);
  g_assert_nonnull (drill->description);
  return count_rows (db, drill);
}

/* The part whose rows are the result's count. */
static SalesDrillPart
counted_part (const char *id)
{
  return g_str_equal (id, "sales_efficiency") ? SALES_DRILL_NUMERATOR
                                              : SALES_DRILL_DENOMINATOR;
}

static void
check_drill (sqlite3                *db,
             const SalesPeriod      *period,
             const SalesKpiFilter   *filter,
             const SalesKpiSettings *settings)
{
  guint n;
  const SalesKpiInfo *all = sales_kpi_get_all (&n);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SalesKpiResult) r = sales_kpi_evaluate (db, all[k].id, period,
                                                        filter, settings,
                                                        &error);

      g_assert_no_error (error);
      if (!r->has_value)
        continue;
      g_assert_cmpint (drill_count (db, all[k].id, counted_part (all[k].id),
                                    period, filter, settings), ==, r->count);
      if (!g_str_equal (r->variant, "mape"))
        g_assert_cmpint (drill_count (db, all[k].id, SALES_DRILL_EXCLUDED,
                                      period, filter, settings), ==,
                         r->excluded);
    }
}

static void
test_drill_down (Fixture       *f,
                 gconstpointer  data)
{
  SalesPeriod q1 = period_of ("2025-Q1");
  SalesKpiFilter ann = { "ann", NULL };
  SalesKpiFilter web = { NULL, "web" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDrillDown) spend = NULL;
  g_autoptr(SalesDrillDown) quoted = NULL;
  SalesKpiFilter odd = { "O'Brien \"x\"; DROP TABLE leads", NULL };

  check_drill (f->db, &q1, NULL, &f->settings);
  check_drill (f->db, &q1, &ann, &f->settings);
  check_drill (f->db, &q1, &web, &f->settings);

  /* Numerators that are rows: won deals, converted leads. */
  g_assert_cmpint (drill_count (f->db, "win_rate", SALES_DRILL_NUMERATOR, &q1,
                                NULL, NULL), ==, 3);
  g_assert_cmpint (drill_count (f->db, "lead_to_opportunity",
                                SALES_DRILL_NUMERATOR, &q1, NULL, NULL), ==,
                   2);

  /* Spend cannot be drilled by owner. */
  spend = sales_kpi_drill_down ("cost_per_lead", SALES_DRILL_NUMERATOR, &q1,
                                &ann, NULL, &error);
  g_assert_null (spend);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);

  /* Names are quoted, never spliced. */
  quoted = sales_kpi_drill_down ("win_rate", SALES_DRILL_DENOMINATOR, &q1,
                                 &odd, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, quoted), ==, 0);
}

static void
test_drill_variants (Fixture       *f,
                     gconstpointer  data)
{
  SalesPeriod q1 = period_of ("2025-Q1");

  set_variant (f, "sales_cycle_days", "won_and_lost");
  set_variant (f, "win_rate", "all_created");
  set_variant (f, "customer_lifetime_value", "predictive");
  check_drill (f->db, &q1, NULL, &f->settings);
}

static void
test_drill_fallback (Fixture       *f,
                     gconstpointer  data)
{
  SalesPeriod q1 = period_of ("2025-Q1");

  check_drill (f->db, &q1, NULL, &f->settings);
}

static void
test_evaluate_all (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesPeriod q1 = period_of ("2025-Q1");
  SalesKpiFilter filter = { "ann", NULL };
  g_autoptr(SalesKpiReport) report = NULL;
  g_autoptr(GPtrArray) trends = NULL;
  guint n;
  const SalesKpiInfo *all = sales_kpi_get_all (&n);
  SalesPeriod latest;

  report = sales_kpi_evaluate_all (f->db, &q1, &filter, &f->settings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->results->len, ==, 12);
  g_assert_cmpstr (report->filter.owner, ==, "ann");
  for (guint i = 0; i < n; i++)
    {
      SalesKpiResult *r = g_ptr_array_index (report->results, i);
      g_autoptr(SalesKpiResult) single = eval_filtered (f, all[i].id,
                                                        "2025-Q1", "ann",
                                                        NULL);

      g_assert_true (r->info == &all[i]);
      assert_same (r, single);
    }

  trends = sales_kpi_trend_all (f->db, &q1, SALES_BUCKET_MONTH, NULL,
                                &f->settings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trends->len, ==, 12);
  g_assert_cmpuint (((GArray *)g_ptr_array_index (trends, 0))->len, ==, 3);

  /* The latest activity is 2025-04-01 (O3, L5): the last complete
   * quarter is the first of 2025.
   */
  g_assert_true (sales_kpi_default_period (f->db, 1, &latest, &error));
  g_assert_cmpstr (latest.from, ==, "2025-01-01");
  g_assert_cmpstr (latest.to, ==, "2025-04-01");
  /* With fiscal quarters from February, 2025-04-02 lies in February to
   * April: the one before runs from November.
   */
  g_assert_true (sales_kpi_default_period (f->db, 2, &latest, &error));
  g_assert_cmpstr (latest.from, ==, "2024-11-01");
  g_assert_cmpstr (latest.to, ==, "2025-02-01");

  g_assert_null (sales_kpi_evaluate (f->db, "no_such_kpi", &q1, NULL, NULL,
                                     &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
}

static void
test_empty_workspace (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesPeriod period;

  g_assert_false (sales_kpi_default_period (f->db, 1, &period, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND);
}

/* The roll-up follows every write, on this and on other connections,
 * and a read-only connection reads a stale one through a private copy.
 */
static void
test_roll_up_follows_writes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesKpiResult) before = eval (f, "win_rate", "2025-Q1");
  g_autoptr(SalesKpiResult) after = NULL;
  g_autoptr(SalesKpiResult) reader_view = NULL;
  SalesPeriod q1 = period_of ("2025-Q1");
  sqlite3 *reader;

  assert_value (before, 60.0, 5);
  reader = sales_workspace_open_connection (f->workspace, TRUE, &error);
  g_assert_no_error (error);

  /* O6 lost becomes won: 4 of 5. */
  g_assert_true (sales_workspace_exec (f->workspace, "UPDATE opportunities"
                                       " SET outcome = 'won'"
                                       " WHERE external_id = 'O6'", &error));
  reader_view = sales_kpi_evaluate (reader, "win_rate", &q1, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  assert_value (reader_view, 80.0, 5);

  after = eval (f, "win_rate", "2025-Q1");
  assert_value (after, 80.0, 5);
  sqlite3_close (reader);
}

/* The median by selection equals the middle of the sorted responses. */
static void
check_median (Fixture    *f,
              const char *period_text,
              const char *owner)
{
  g_autoptr(SalesKpiResult) r = eval_filtered (f, "lead_response_hours",
                                               period_text, owner, NULL);
  SalesPeriod period = period_of (period_text);
  char *sql = sqlite3_mprintf (
    "SELECT avg (h) FROM (SELECT h FROM (SELECT (julianday"
    " (first_response_at) - julianday (created_at)) * 24 AS h FROM leads"
    " WHERE created_at >= %Q AND created_at < %Q AND (%Q IS NULL OR"
    " owner = %Q) AND first_response_at IS NOT NULL) ORDER BY h"
    " LIMIT 2 - (SELECT count (*) FROM leads WHERE created_at >= %Q AND"
    " created_at < %Q AND (%Q IS NULL OR owner = %Q) AND first_response_at"
    " IS NOT NULL) %% 2 OFFSET ((SELECT count (*) FROM leads WHERE"
    " created_at >= %Q AND created_at < %Q AND (%Q IS NULL OR owner = %Q)"
    " AND first_response_at IS NOT NULL) - 1) / 2)",
    period.from, period.to, owner, owner, period.from, period.to, owner,
    owner, period.from, period.to, owner, owner);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (r->has_median);
  g_assert_cmpfloat_with_epsilon (r->median,
                                  sqlite3_column_double (stmt, 0), 1e-6);
  sqlite3_finalize (stmt);
  sqlite3_free (sql);
}

/* Invariants over the demo workspace. */
static void
test_demo_invariants (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesPeriod year;
  guint n = 12;
  const char *additive[] = { "sales_cycle_days", "win_rate", "close_rate",
                             "cost_per_lead", "lead_to_opportunity",
                             "lead_response_hours",
                             "customer_acquisition_cost",
                             "average_purchase_value", "sales_time_days",
                             "sales_efficiency", NULL };

  g_assert_true (sales_demo_fill (f->workspace, 7, 1, &error));
  g_assert_no_error (error);
  year = period_of ("2025");

  for (guint q = 1; q <= 8; q++)
    {
      g_autofree char *text = g_strdup_printf ("%u-Q%u", 2023 + (q + 3) / 4,
                                               (q - 1) % 4 + 1);
      g_autoptr(SalesKpiReport) report = NULL;
      SalesPeriod quarter = period_of (text);

      report = sales_kpi_evaluate_all (f->db, &quarter, NULL, &f->settings,
                                       &error);
      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        {
          SalesKpiResult *r = g_ptr_array_index (report->results, i);

          /* Every KPI has a value in every quarter of the demo. */
          if (!r->has_value)
            g_test_message ("%s %s: %s", text, r->info->id, r->reason);
          g_assert_true (r->has_value);
          g_assert_true (isfinite (r->value));
          if (r->info->unit == SALES_KPI_UNIT_PERCENT)
            {
              g_assert_cmpfloat (r->value, >=, 0.0);
              g_assert_cmpfloat (r->value, <=, 100.0);
            }
        }
    }

  for (guint i = 0; additive[i] != NULL; i++)
    {
      g_autoptr(GArray) points = sales_kpi_trend (f->db, additive[i], &year,
                                                  SALES_BUCKET_MONTH, NULL,
                                                  &f->settings, &error);
      g_autoptr(SalesKpiResult) whole = eval (f, additive[i], "2025");
      double numerator = 0.0, denominator = 0.0;
      gint64 count = 0, excluded = 0;

      g_assert_no_error (error);
      for (guint p = 0; p < points->len; p++)
        {
          SalesKpiResult *r = g_array_index (points, SalesKpiPoint,
                                             p).result;

          numerator += r->numerator;
          denominator += r->denominator;
          count += r->count;
          excluded += r->excluded;
        }
      g_assert_cmpint (count, ==, whole->count);
      g_assert_cmpint (excluded, ==, whole->excluded);
      assert_close (numerator, whole->numerator);
      assert_close (denominator, whole->denominator);
    }

  check_buckets (f->db, &year, SALES_BUCKET_QUARTER, &f->settings);
  check_breakdowns (f->db, &year, "owner", &f->settings);
  check_drill (f->db, &year, NULL, &f->settings);
  check_median (f, "2025", NULL);
  check_median (f, "2024-Q3", "Avery Chen");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data)                                              \
  g_test_add ("/kpi/" path, Fixture, data, fixture_set_up, func,           \
              fixture_tear_down)

  ADD ("deals", test_deals, fixture_sql);
  ADD ("leads", test_leads, fixture_sql);
  ADD ("customers", test_customers, fixture_sql);
  ADD ("filters", test_filters, fixture_sql);
  ADD ("null-cases", test_null_cases, fixture_sql);
  ADD ("boundaries", test_boundaries, fixture_sql);
  ADD ("variants", test_variants, fixture_sql);
  ADD ("settings", test_settings, fixture_sql);
  ADD ("purchases-fallback", test_purchases_fallback, no_purchases_sql);
  ADD ("trend-equals-single", test_trend_equals_single, fixture_sql);
  ADD ("breakdown-groups", test_breakdown_groups, fixture_sql);
  ADD ("drill-down", test_drill_down, fixture_sql);
  ADD ("drill-down-variants", test_drill_variants, fixture_sql);
  ADD ("drill-down-fallback", test_drill_fallback, no_purchases_sql);
  ADD ("evaluate-all", test_evaluate_all, fixture_sql);
  ADD ("empty-workspace", test_empty_workspace, NULL);
  ADD ("roll-up-follows-writes", test_roll_up_follows_writes, fixture_sql);
  ADD ("demo-invariants", test_demo_invariants, NULL);

#undef ADD

  return g_test_run ();
}
