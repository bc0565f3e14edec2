/* sales-chart-donut.c: shares of a whole
 *
 * Slices run clockwise from twelve o'clock in palette order, separated by
 * a thin gap; the total sits in the hole and a legend at the right names
 * each slice with its value and share, so no reader has to judge angles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sales-chart-private.h"

#define HOLE 0.62

static double
total_of (SalesChart *chart)
{
  double total = 0;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      double v;

      if (sales_chart_get_value (chart, 0, i, &v) && v > 0)
        total += v;
    }
  return total;
}

static void
draw_centre (SalesChartCtx *ctx,
             double         cx,
             double         cy,
             double         radius,
             double         total)
{
  g_autofree char *text = sales_chart_format (ctx, total, TRUE);
  g_autoptr(PangoLayout) value = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  double vh, ch;

  value = sales_chart_text_new (ctx, text, MIN (ctx->em * 2, radius * 0.5),
                                PANGO_WEIGHT_SEMIBOLD);
  caption = sales_chart_text_new (ctx, _("Total"), ctx->em * 0.9,
                                  PANGO_WEIGHT_NORMAL);
  sales_chart_text_extent (value, NULL, &vh);
  sales_chart_text_extent (caption, NULL, &ch);
  sales_chart_text_draw (ctx, value, cx, cy - (vh + ch) / 2, 0.5,
                         ctx->theme->text);
  sales_chart_text_draw (ctx, caption, cx, cy - (vh + ch) / 2 + vh, 0.5,
                         ctx->theme->text_muted);
}

static void
draw_legend_row (SalesChartCtx *ctx,
                 guint          index,
                 double         x,
                 double         y,
                 double         width,
                 double         value,
                 double         total)
{
  g_autofree char *number = sales_chart_format (ctx, value, TRUE);
  g_autofree char *share = sales_chart_format_value (100 * value / total,
                                                     SALES_CHART_UNIT_PERCENT,
                                                     NULL, FALSE,
                                                     &ctx->numbers);
  g_autofree char *figures = g_strdup_printf ("%s · %s", number, share);
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) numbers = NULL;
  SalesRect swatch = { x, y + ctx->em * 0.3, ctx->em * 0.8, ctx->em * 0.8 };
  double fw;

  sales_chart_set_colour (ctx, sales_chart_theme_series_colour (ctx->theme,
                                                                index), 1);
  sales_chart_rounded_rect (ctx->cr, &swatch, ctx->em * 0.15);
  cairo_fill (ctx->cr);

  numbers = sales_chart_text_new (ctx, figures, ctx->em, PANGO_WEIGHT_NORMAL);
  sales_chart_text_extent (numbers, &fw, NULL);
  sales_chart_text_draw (ctx, numbers, x + width, y, 1,
                         ctx->theme->text_muted);

  name = sales_chart_text_new (ctx, g_ptr_array_index (ctx->chart->categories,
                                                       index),
                               ctx->em, PANGO_WEIGHT_NORMAL);
  sales_chart_text_ellipsize (name, width - fw - ctx->em * 2.4);
  sales_chart_text_draw (ctx, name, x + ctx->em * 1.3, y, 0,
                         ctx->theme->text);
}

void
sales_chart_draw_donut (SalesChartCtx *ctx)
{
  SalesChart *chart = ctx->chart;
  double total = total_of (chart);
  double legend = MIN (ctx->plot.width * 0.45, ctx->em * 26);
  double radius = MIN (ctx->plot.height, ctx->plot.width - legend -
                       ctx->em * 2) / 2;
  double cx = ctx->plot.x + radius;
  double legend_x = MIN (cx + radius + ctx->em * 3,
                         ctx->plot.x + ctx->plot.width - legend);
  double cy = ctx->plot.y + ctx->plot.height / 2;
  double angle = 0;
  double row = ctx->em * 1.9;
  double y = cy - MIN (chart->categories->len * row, ctx->plot.height) / 2;

  for (guint i = 0; i < chart->categories->len && total > 0; i++)
    {
      SalesMark mark = { SALES_MARK_WEDGE, 0, i };
      double v;

      if (!sales_chart_get_value (chart, 0, i, &v) || v <= 0)
        continue;

      mark.area = (SalesRect) { cx, cy, radius * HOLE, radius };
      mark.angle0 = angle;
      mark.angle1 = angle + 2 * G_PI * v / total;
      angle = mark.angle1;
      cairo_new_path (ctx->cr);
      cairo_arc (ctx->cr, cx, cy, radius, mark.angle0 - G_PI / 2,
                 mark.angle1 - G_PI / 2);
      cairo_arc_negative (ctx->cr, cx, cy, radius * HOLE,
                          mark.angle1 - G_PI / 2, mark.angle0 - G_PI / 2);
      cairo_close_path (ctx->cr);
      sales_chart_set_colour (ctx, sales_chart_theme_series_colour (
                                ctx->theme, i), 1);
      cairo_fill_preserve (ctx->cr);
      sales_chart_set_colour (ctx, ctx->theme->background, 1);
      cairo_set_line_width (ctx->cr, MAX (ctx->em * 0.15, 1 / ctx->scale));
      cairo_stroke (ctx->cr);
      sales_chart_add_mark (ctx, &mark);

      if (y + row <= ctx->plot.y + ctx->plot.height + 0.5)
        draw_legend_row (ctx, i, legend_x, y, legend, v, total);
      y += row;
    }

  draw_centre (ctx, cx, cy, radius, total);
}
