/* sales-period.c: half-open date ranges and their comparisons
 *
 * Periods are whole days: [from, to) with both ends at midnight. Working
 * on GDate keeps the calendar (month lengths, leap years) in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-period"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sales-error.h"
#include "sales-period.h"

/* Reads exactly "YYYY-MM-DD" into @date; anything else is refused. */
static gboolean
read_date (const char *text,
           GDate      *date)
{
  unsigned year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (year < 1 || year > 9998 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static void
write_date (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/**
 * sales_period_set_dates:
 * @period: the period to fill
 * @from: the first day
 * @to: the first day after the period
 *
 * Fills @period from two valid #GDate values.
 */
void
sales_period_set_dates (SalesPeriod *period,
                        const GDate *from,
                        const GDate *to)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (g_date_valid (from) && g_date_valid (to));

  write_date (from, period->from);
  write_date (to, period->to);
}

/**
 * sales_period_get_dates:
 * @period: a valid period
 * @from: (out): its first day
 * @to: (out): the first day after it
 */
void
sales_period_get_dates (const SalesPeriod *period,
                        GDate             *from,
                        GDate             *to)
{
  gboolean ok;

  g_return_if_fail (period != NULL);

  ok = read_date (period->from, from) && read_date (period->to, to);
  g_return_if_fail (ok);
}

/* A fiscal year named Y starts in month @start of calendar year Y. */
static void
set_months (SalesPeriod *period,
            guint        year,
            guint        month,
            guint        n_months)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, month, year);
  to = from;
  g_date_add_months (&to, n_months);
  sales_period_set_dates (period, &from, &to);
}

static gboolean
parse_shortcut (const char  *text,
                guint        fiscal_start_month,
                SalesPeriod *period)
{
  unsigned year, part;
  char tail;
  size_t length = strlen (text);

  if (length == 4 && sscanf (text, "%4u%c", &year, &tail) == 1)
    {
      set_months (period, year, fiscal_start_month, 12);
      return year >= 1 && year < 9998;
    }

  if (length == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') &&
      sscanf (text, "%4u-%*c%1u%c", &year, &part, &tail) == 2)
    {
      GDate from;

      if (part < 1 || part > 4 || year < 1 || year >= 9998)
        return FALSE;
      g_date_clear (&from, 1);
      g_date_set_dmy (&from, 1, fiscal_start_month, year);
      g_date_add_months (&from, 3 * (part - 1));
      set_months (period, g_date_get_year (&from), g_date_get_month (&from),
                  3);
      return TRUE;
    }

  if (length == 7 && text[4] == '-' && g_ascii_isdigit (text[5]) &&
      sscanf (text, "%4u-%2u%c", &year, &part, &tail) == 2)
    {
      if (part < 1 || part > 12 || year < 1 || year >= 9998)
        return FALSE;
      set_months (period, year, part, 1);
      return TRUE;
    }

  return FALSE;
}

/**
 * sales_period_parse:
 * @text: "2025" (a fiscal year), "2025-Q2" (a fiscal quarter) or
 *   "2025-03" (a calendar month)
 * @fiscal_start_month: the month the fiscal year starts in, 1 to 12;
 *   fiscal year 2025 starts in that month of 2025
 * @period: (out): the period
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; otherwise @error (%SALES_ERROR_INVALID) says
 *   which forms are accepted
 */
gboolean
sales_period_parse (const char   *text,
                    guint         fiscal_start_month,
                    SalesPeriod  *period,
                    GError      **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (fiscal_start_month >= 1 && fiscal_start_month <= 12,
                        FALSE);

  if (parse_shortcut (text, fiscal_start_month, period))
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
               _("“%s” is not a period; use a year (2025), a quarter "
                 "(2025-Q2) or a month (2025-03)"), text);
  return FALSE;
}

/**
 * sales_period_from_dates:
 * @from: the first day, "YYYY-MM-DD"
 * @to: the first day after the period, "YYYY-MM-DD" (excluded)
 * @period: (out): the period
 * @error: return location for a #GError
 *
 * Returns: %TRUE when both are valid dates and @from is before @to;
 *   otherwise %FALSE with %SALES_ERROR_INVALID
 */
gboolean
sales_period_from_dates (const char   *from,
                         const char   *to,
                         SalesPeriod  *period,
                         GError      **error)
{
  GDate a, b;

  g_return_val_if_fail (period != NULL, FALSE);

  if (!read_date (from, &a) || !read_date (to, &b))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s” is not a date; write dates as YYYY-MM-DD"),
                   read_date (from, &a) ? to : from);
      return FALSE;
    }

  if (g_date_compare (&a, &b) >= 0)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("The period from %s to %s is empty; the end date is "
                     "excluded and must come after the start"), from, to);
      return FALSE;
    }

  sales_period_set_dates (period, &a, &b);
  return TRUE;
}

/* Whole months from @from to @to when both are the first of a month. */
static int
whole_months (const GDate *from,
              const GDate *to)
{
  if (g_date_get_day (from) != 1 || g_date_get_day (to) != 1)
    return 0;

  return ((int)g_date_get_year (to) - (int)g_date_get_year (from)) * 12 +
         (int)g_date_get_month (to) - (int)g_date_get_month (from);
}

static void
shift_back_one_year (GDate *from,
                     GDate *to)
{
  /* Shift the last day, not the excluded end, so that Feb 1 to 29 of a
   * leap year becomes Feb 1 to 28, ending before March 1.
   */
  g_date_subtract_days (to, 1);
  g_date_subtract_years (from, 1);
  g_date_subtract_years (to, 1);
  g_date_add_days (to, 1);
}

/**
 * sales_period_compare:
 * @period: a valid period P
 * @compare: which comparison
 * @result: (out): the period to compare P with
 *
 * %SALES_COMPARE_PREVIOUS gives the period of equal length ending where P
 * starts: the same number of whole months when P runs from the first of a
 * month to the first of a month (a quarter compares with the quarter
 * before, February with January), else the same number of days.
 * %SALES_COMPARE_YEAR shifts P back one year (February 29 becomes
 * February 28). %SALES_COMPARE_NONE copies P.
 */
void
sales_period_compare (const SalesPeriod *period,
                      SalesCompare       compare,
                      SalesPeriod       *result)
{
  GDate from, to;

  g_return_if_fail (period != NULL);
  g_return_if_fail (result != NULL);

  sales_period_get_dates (period, &from, &to);

  if (compare == SALES_COMPARE_PREVIOUS)
    {
      int months = whole_months (&from, &to);
      guint days = (guint)g_date_days_between (&from, &to);

      to = from;
      if (months > 0)
        g_date_subtract_months (&from, (guint)months);
      else
        g_date_subtract_days (&from, days);
    }
  else if (compare == SALES_COMPARE_YEAR)
    {
      shift_back_one_year (&from, &to);
    }

  sales_period_set_dates (result, &from, &to);
}

/**
 * sales_period_get_days:
 * @period: a valid period
 *
 * Returns: the number of days in @period
 */
int
sales_period_get_days (const SalesPeriod *period)
{
  GDate from, to;

  g_return_val_if_fail (period != NULL, 0);

  sales_period_get_dates (period, &from, &to);
  return g_date_days_between (&from, &to);
}

/**
 * sales_period_to_string:
 * @period: a period
 *
 * Returns: (transfer full): "YYYY-MM-DD – YYYY-MM-DD" with the last day
 *   included, for people
 */
char *
sales_period_to_string (const SalesPeriod *period)
{
  GDate from, to;
  char last[11];

  g_return_val_if_fail (period != NULL, NULL);

  sales_period_get_dates (period, &from, &to);
  g_date_subtract_days (&to, 1);
  write_date (&to, last);

  return g_strdup_printf ("%s – %s", period->from, last);
}
