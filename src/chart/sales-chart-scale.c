/* sales-chart-scale.c: nice axis ticks, date ticks and label fitting
 *
 * Ticks step by 1, 2 or 5 times a power of ten, so every label is a round
 * number a reader can interpolate between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-scale.h"

/* Floating-point slack when snapping a domain to multiples of a step. */
#define EPSILON 1e-9

/**
 * sales_chart_nice_step:
 * @raw_step: a positive distance
 *
 * Returns: the smallest 1, 2 or 5 times a power of ten that is at least
 *   @raw_step (1 for anything not positive and finite)
 */
double
sales_chart_nice_step (double raw_step)
{
  double power;
  double fraction;

  if (!(raw_step > 0) || !isfinite (raw_step))
    return 1;

  power = pow (10, floor (log10 (raw_step)));
  fraction = raw_step / power;

  if (fraction <= 1 + EPSILON)
    return power;
  if (fraction <= 2 + EPSILON)
    return 2 * power;
  if (fraction <= 5 + EPSILON)
    return 5 * power;
  return 10 * power;
}

/* Cleans the -0 and the 0.30000000000000004 that float arithmetic leaves. */
static double
snap (double value,
      double step)
{
  double snapped = round (value / step) * step;

  return snapped == 0 ? 0 : snapped;
}

/**
 * sales_chart_nice_ticks:
 * @lo: the smallest value to show
 * @hi: the largest value to show
 * @max_ticks: at most this many ticks (2 or more)
 * @ticks: (out): the domain and its ticks
 *
 * Widens [@lo, @hi] to multiples of a 1-2-5 step with at most @max_ticks
 * ticks. A flat range is widened around its value so it still has an axis.
 */
void
sales_chart_nice_ticks (double           lo,
                        double           hi,
                        guint            max_ticks,
                        SalesChartTicks *ticks)
{
  double step;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (lo > hi)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  if (hi - lo < EPSILON)
    {
      double pad = fabs (hi) > EPSILON ? fabs (hi) * 0.1 : 1;

      lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
      hi = hi + pad;
    }
  max_ticks = MAX (max_ticks, 2);

  step = sales_chart_nice_step ((hi - lo) / (max_ticks - 1));
  for (;;)
    {
      ticks->min = snap (floor (lo / step + EPSILON) * step, step);
      ticks->max = snap (ceil (hi / step - EPSILON) * step, step);
      ticks->n_ticks = (guint)round ((ticks->max - ticks->min) / step) + 1;
      ticks->step = step;
      if (ticks->n_ticks <= max_ticks)
        break;
      step = sales_chart_nice_step (step * (1 + 1e-6));
    }
}

typedef struct
{
  SalesChartDateUnit unit;
  guint              step;      /* days for DAY/WEEK, months otherwise */
} DateStep;

static const DateStep date_steps[] = {
  { SALES_CHART_DATE_DAY, 1 },
  { SALES_CHART_DATE_DAY, 2 },
  { SALES_CHART_DATE_WEEK, 7 },
  { SALES_CHART_DATE_WEEK, 14 },
  { SALES_CHART_DATE_MONTH, 1 },
  { SALES_CHART_DATE_MONTH, 2 },
  { SALES_CHART_DATE_QUARTER, 3 },
  { SALES_CHART_DATE_QUARTER, 6 },
  { SALES_CHART_DATE_YEAR, 12 },
  { SALES_CHART_DATE_YEAR, 24 },
  { SALES_CHART_DATE_YEAR, 60 },
  { SALES_CHART_DATE_YEAR, 120 },
};

/* The first boundary of @step at or after @first. */
static void
align_date (GDate          *date,
            const DateStep *step)
{
  guint months;

  if (step->unit == SALES_CHART_DATE_DAY)
    return;
  if (step->unit == SALES_CHART_DATE_WEEK)
    {
      while (g_date_get_weekday (date) != G_DATE_MONDAY)
        g_date_add_days (date, 1);
      return;
    }

  if (g_date_get_day (date) != 1)
    {
      g_date_set_day (date, 1);
      g_date_add_months (date, 1);
    }
  months = MIN (step->step, 12);
  while ((g_date_get_month (date) - 1) % months != 0)
    g_date_add_months (date, 1);
  while (step->step > 12 && g_date_get_year (date) % (step->step / 12) != 0)
    g_date_add_years (date, 1);
}

static GArray *
ticks_for_step (guint32         first,
                guint32         last,
                const DateStep *step,
                guint           max_ticks)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (guint32));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  align_date (&date, step);

  while (g_date_get_julian (&date) <= last && ticks->len <= max_ticks)
    {
      guint32 julian = g_date_get_julian (&date);

      g_array_append_val (ticks, julian);
      if (step->unit == SALES_CHART_DATE_DAY ||
          step->unit == SALES_CHART_DATE_WEEK)
        g_date_add_days (&date, step->step);
      else
        g_date_add_months (&date, step->step);
    }

  return ticks;
}

/**
 * sales_chart_date_ticks:
 * @first: the first day shown, as a Julian day (g_date_get_julian)
 * @last: the last day shown, >= @first
 * @max_ticks: at most this many ticks (1 or more)
 * @unit: (out): the granularity the ticks are labelled at
 *
 * Picks the finest calendar step (1 or 2 days, 1 or 2 weeks starting on
 * Mondays, 1 or 2 months, quarters, half years, 1, 2, 5 or 10 years) that
 * gives at most @max_ticks ticks inside [@first, @last].
 *
 * Returns: (transfer full) (element-type guint32): the ticks, ascending;
 *   possibly empty when no boundary falls inside a short range
 */
GArray *
sales_chart_date_ticks (guint32             first,
                        guint32             last,
                        guint               max_ticks,
                        SalesChartDateUnit *unit)
{
  g_return_val_if_fail (first >= 1 && last >= first, NULL);
  g_return_val_if_fail (unit != NULL, NULL);

  max_ticks = MAX (max_ticks, 1);
  for (guint i = 0; i < G_N_ELEMENTS (date_steps); i++)
    {
      GArray *ticks = ticks_for_step (first, last, &date_steps[i], max_ticks);

      if (ticks->len <= max_ticks || i == G_N_ELEMENTS (date_steps) - 1)
        {
          *unit = date_steps[i].unit;
          return ticks;
        }
      g_array_unref (ticks);
    }

  g_assert_not_reached ();
}

/**
 * sales_chart_fit_labels:
 * @widths: the width of each label
 * @n_labels: how many
 * @slot: the distance between the centres of neighbouring labels
 * @line_height: the height of one line of label text
 * @max_rotated_width: the longest label that may be rotated (the room
 *   below the axis)
 * @fit: (out): how to show them
 *
 * Labels stay horizontal when they fit; otherwise they turn 45 degrees
 * when that makes them fit and the room below the axis allows; otherwise
 * only every step-th label is shown, horizontal, so none overlap.
 */
void
sales_chart_fit_labels (const double       *widths,
                        guint               n_labels,
                        double              slot,
                        double              line_height,
                        double              max_rotated_width,
                        SalesChartLabelFit *fit)
{
  double widest = 0;
  double gap = line_height * 0.75;

  g_return_if_fail (fit != NULL);
  g_return_if_fail (n_labels == 0 || widths != NULL);

  fit->step = 1;
  fit->rotate = FALSE;
  for (guint i = 0; i < n_labels; i++)
    widest = MAX (widest, widths[i]);

  if (n_labels <= 1 || widest + gap <= slot)
    return;

  if (line_height * G_SQRT2 + gap <= slot && widest <= max_rotated_width)
    {
      fit->rotate = TRUE;
      return;
    }

  fit->step = slot > 0 ? (guint)ceil ((widest + gap) / slot) : n_labels;
  fit->step = CLAMP (fit->step, 1, n_labels);
}
