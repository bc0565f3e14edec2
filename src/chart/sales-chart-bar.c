/* sales-chart-bar.c: vertical bars, one group per category
 *
 * Bars grow from zero with slightly rounded ends; a comparison series
 * stands beside its primary in a lighter tone. Values sit above the bars
 * of the first series when there is room; a missing value shows a dash at
 * the baseline rather than a misleading empty gap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-private.h"

/* Share of a category's slot the bars fill; the rest is the gap. */
#define GROUP_FILL 0.68

static SalesRect
bar_rect (const SalesChartAxes *axes,
          guint                 n_series,
          guint                 series,
          guint                 index,
          double                value)
{
  double group = axes->slot * GROUP_FILL;
  double width = group / n_series;
  double zero = sales_chart_axes_y (axes, 0);
  double top = sales_chart_axes_y (axes, value);
  SalesRect rect;

  rect.x = sales_chart_axes_x (axes, index) - group / 2 + width * series;
  rect.width = n_series > 1 ? width * 0.9 : width;
  rect.y = MIN (zero, top);
  rect.height = fabs (zero - top);
  return rect;
}

static void
draw_value_label (SalesChartCtx   *ctx,
                  const SalesRect *rect,
                  double           value,
                  double           room)
{
  g_autofree char *text = sales_chart_format (ctx, value, TRUE);
  g_autoptr(PangoLayout) layout = NULL;
  double width, height, y;

  layout = sales_chart_text_new (ctx, text, ctx->em * 0.9,
                                 PANGO_WEIGHT_SEMIBOLD);
  sales_chart_text_extent (layout, &width, &height);
  if (width > room)
    return;

  y = value >= 0 ? rect->y - height - ctx->em * 0.3
                 : rect->y + rect->height + ctx->em * 0.3;
  sales_chart_text_draw (ctx, layout, rect->x + rect->width / 2, y, 0.5,
                         ctx->theme->text);
}

static void
draw_missing (SalesChartCtx        *ctx,
              const SalesChartAxes *axes,
              guint                 index)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  layout = sales_chart_text_new (ctx, "—", ctx->em * 0.9,
                                 PANGO_WEIGHT_NORMAL);
  sales_chart_text_extent (layout, NULL, &height);
  sales_chart_text_draw (ctx, layout, sales_chart_axes_x (axes, index),
                         sales_chart_axes_y (axes, 0) - height - ctx->em * 0.2,
                         0.5, ctx->theme->text_muted);
}

void
sales_chart_draw_bar (SalesChartCtx *ctx)
{
  SalesChart *chart = ctx->chart;
  SalesChartAxes axes = { 0 };
  guint n_series = MAX (chart->series->len, 1);

  sales_chart_axes_layout (ctx, &axes, FALSE, TRUE);
  sales_chart_axes_draw (ctx, &axes);

  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < chart->categories->len; i++)
      {
        SalesMark mark = { SALES_MARK_RECT, s, i };
        double v;

        if (!sales_chart_get_value (chart, s, i, &v))
          {
            if (s == 0)
              draw_missing (ctx, &axes, i);
            continue;
          }

        mark.area = bar_rect (&axes, n_series, s, i, v);
        sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, s), 1);
        sales_chart_rounded_rect (ctx->cr, &mark.area,
                                  MIN (ctx->em * 0.2, mark.area.width / 4));
        cairo_fill (ctx->cr);
        if (s == 0)
          draw_value_label (ctx, &mark.area, v, axes.slot * 0.95);

        /* The whole column answers, so short bars are easy to hover. */
        mark.area.y = axes.y0;
        mark.area.height = axes.height;
        sales_chart_add_mark (ctx, &mark);
      }

  sales_chart_axes_clear (&axes);
}
