/* sales-chart-stacked.c: vertical bars with their series stacked
 *
 * Each category's series stack from zero (negative values below it), with
 * a hairline of background between segments so neighbouring colours stay
 * apart; the total sits above each stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-private.h"

#define BAR_FILL 0.62

static void
draw_total (SalesChartCtx        *ctx,
            const SalesChartAxes *axes,
            guint                 index,
            double                total,
            double                top)
{
  g_autofree char *text = sales_chart_format (ctx, total, TRUE);
  g_autoptr(PangoLayout) layout = NULL;
  double width, height;

  layout = sales_chart_text_new (ctx, text, ctx->em * 0.9,
                                 PANGO_WEIGHT_SEMIBOLD);
  sales_chart_text_extent (layout, &width, &height);
  if (width > axes->slot * 0.95)
    return;

  sales_chart_text_draw (ctx, layout, sales_chart_axes_x (axes, index),
                         top - height - ctx->em * 0.3, 0.5, ctx->theme->text);
}

static void
draw_stack (SalesChartCtx        *ctx,
            const SalesChartAxes *axes,
            guint                 index)
{
  SalesChart *chart = ctx->chart;
  double width = axes->slot * BAR_FILL;
  double pos = 0, neg = 0;
  gboolean any = FALSE;

  for (guint s = 0; s < chart->series->len; s++)
    {
      SalesMark mark = { SALES_MARK_RECT, s, index };
      double v, from, to;

      if (!sales_chart_get_value (chart, s, index, &v) || v == 0)
        continue;

      from = v >= 0 ? pos : neg;
      to = from + v;
      if (v >= 0)
        pos = to;
      else
        neg = to;
      any = TRUE;

      mark.area.x = sales_chart_axes_x (axes, index) - width / 2;
      mark.area.width = width;
      mark.area.y = sales_chart_axes_y (axes, MAX (from, to));
      mark.area.height = fabs (sales_chart_axes_y (axes, from) -
                               sales_chart_axes_y (axes, to));
      sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, s), 1);
      cairo_rectangle (ctx->cr, mark.area.x, mark.area.y, mark.area.width,
                       mark.area.height);
      cairo_fill_preserve (ctx->cr);
      sales_chart_set_colour (ctx, ctx->theme->background, 1);
      cairo_set_line_width (ctx->cr, MAX (ctx->em * 0.08, 1 / ctx->scale));
      cairo_stroke (ctx->cr);
      sales_chart_add_mark (ctx, &mark);
    }

  if (any)
    draw_total (ctx, axes, index, pos + neg, sales_chart_axes_y (axes, pos));
}

void
sales_chart_draw_stacked (SalesChartCtx *ctx)
{
  SalesChartAxes axes = { 0 };

  sales_chart_axes_layout (ctx, &axes, TRUE, TRUE);
  sales_chart_axes_draw (ctx, &axes);

  for (guint i = 0; i < ctx->chart->categories->len; i++)
    draw_stack (ctx, &axes, i);

  sales_chart_axes_clear (&axes);
}
