/* sales-chart-scale.h: nice axis ticks, date ticks and label fitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-chart-format.h"

G_BEGIN_DECLS

/* An axis domain [min, max] cut by @step into @n_ticks ticks, min and max
 * included.
 */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
} SalesChartTicks;

double   sales_chart_nice_step   (double              raw_step);
void     sales_chart_nice_ticks  (double              lo,
                                  double              hi,
                                  guint               max_ticks,
                                  SalesChartTicks    *ticks);

/* Ticks of a date axis, as Julian days, aligned to calendar boundaries
 * (Mondays, first of month, quarters, years).
 */
GArray  *sales_chart_date_ticks  (guint32             first,
                                  guint32             last,
                                  guint               max_ticks,
                                  SalesChartDateUnit *unit);

/* How to show category labels that may collide: every @step-th one,
 * horizontal or rotated by 45 degrees.
 */
typedef struct
{
  guint    step;
  gboolean rotate;
} SalesChartLabelFit;

void     sales_chart_fit_labels  (const double       *widths,
                                  guint               n_labels,
                                  double              slot,
                                  double              line_height,
                                  double              max_rotated_width,
                                  SalesChartLabelFit *fit);

G_END_DECLS
