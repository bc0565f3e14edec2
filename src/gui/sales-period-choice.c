/* sales-period-choice.c: the dashboard's named periods
 *
 * Quarters and years follow the workspace's fiscal year start; they are
 * computed as date ranges so that no fiscal-year naming convention is
 * needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-period-choice.h"

/* The first month of the block of @length months, counted from the fiscal
 * start, that holds @today.
 */
static void
block_start (const GDate *today,
             guint        fiscal_start_month,
             guint        length,
             GDate       *start)
{
  guint into = (g_date_get_month (today) + 12 - fiscal_start_month) % 12;

  *start = *today;
  g_date_set_day (start, 1);
  g_date_subtract_months (start, into % length);
}

/**
 * sales_period_choice_resolve:
 * @choice: a named period, not %SALES_PERIOD_CUSTOM
 * @today: the day the dashboard counts from
 * @fiscal_start_month: 1 for calendar years
 * @period: (out): the dates of @choice
 *
 * Resolves "this quarter", "last year"... relative to @today.
 */
void
sales_period_choice_resolve (SalesPeriodChoice  choice,
                             const GDate       *today,
                             guint              fiscal_start_month,
                             SalesPeriod       *period)
{
  static const guint lengths[] = { 1, 1, 3, 3, 12, 12 };
  GDate start, end;
  guint length;

  g_return_if_fail (choice < SALES_PERIOD_CUSTOM);
  g_return_if_fail (g_date_valid (today));

  length = lengths[choice];
  block_start (today, length == 1 ? 1 : fiscal_start_month, length, &start);

  /* The odd choices are the block before the current one. */
  if (choice % 2 == 1)
    g_date_subtract_months (&start, length);

  end = start;
  g_date_add_months (&end, length);
  sales_period_set_dates (period, &start, &end);
}

/**
 * sales_period_set_days:
 * @period: (out): the period
 * @first: its first day
 * @last: its last day, included (as calendars show ranges)
 */
void
sales_period_set_days (SalesPeriod *period,
                       const GDate *first,
                       const GDate *last)
{
  GDate end = *last;

  g_date_add_days (&end, 1);
  sales_period_set_dates (period, first, &end);
}
