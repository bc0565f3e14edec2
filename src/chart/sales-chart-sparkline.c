/* sales-chart-sparkline.c: a word-sized line, no axes
 *
 * Used alone and inside KPI tiles. The scale is the data's own range, so
 * the shape shows the movement; the last point is marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-private.h"

typedef struct
{
  SalesRect area;
  double    lo;
  double    hi;
  guint     n;
} Spark;

static double
spark_x (const Spark *spark,
         guint        index)
{
  if (spark->n <= 1)
    return spark->area.x + spark->area.width / 2;
  return spark->area.x + spark->area.width * index / (spark->n - 1);
}

static double
spark_y (const Spark *spark,
         double       value)
{
  double span = spark->hi - spark->lo;

  if (span <= 0)
    return spark->area.y + spark->area.height / 2;
  return spark->area.y + spark->area.height * (1 - (value - spark->lo) / span);
}

static void
trace (SalesChartCtx *ctx,
       const Spark   *spark,
       guint          series)
{
  gboolean drawing = FALSE;

  for (guint i = 0; i < spark->n; i++)
    {
      double v;

      if (!sales_chart_get_value (ctx->chart, series, i, &v))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (ctx->cr, spark_x (spark, i), spark_y (spark, v));
      else
        cairo_move_to (ctx->cr, spark_x (spark, i), spark_y (spark, v));
      drawing = TRUE;
    }
}

static void
draw_last_point (SalesChartCtx *ctx,
                 const Spark   *spark,
                 double         width)
{
  for (int i = (int)spark->n - 1; i >= 0; i--)
    {
      double v;

      if (!sales_chart_get_value (ctx->chart, 0, i, &v))
        continue;
      cairo_arc (ctx->cr, spark_x (spark, i), spark_y (spark, v), width * 1.8,
                 0, 2 * G_PI);
      sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, 0), 1);
      cairo_fill (ctx->cr);
      return;
    }
}

static void
add_marks (SalesChartCtx *ctx,
           const Spark   *spark)
{
  double column = spark->area.width / MAX (spark->n, 1);

  for (guint i = 0; i < spark->n; i++)
    {
      SalesMark mark = { SALES_MARK_COLUMN, 0, i };
      double v;

      if (!sales_chart_get_value (ctx->chart, 0, i, &v))
        continue;
      mark.area = (SalesRect) { spark_x (spark, i) - column / 2,
                                spark->area.y, column, spark->area.height };
      mark.y = spark_y (spark, v);
      sales_chart_add_mark (ctx, &mark);
    }
}

/**
 * sales_chart_draw_sparkline:
 * @ctx: a render
 * @area: where the line goes; a tenth of its height is kept as padding
 *
 * Draws the chart's series (the comparison dashed and faint) scaled to
 * their own range; nothing when there is no value.
 */
void
sales_chart_draw_sparkline (SalesChartCtx   *ctx,
                            const SalesRect *area)
{
  SalesChart *chart = ctx->chart;
  double width = MAX (MIN (area->height / 22, ctx->em * 0.2), 1 / ctx->scale);
  double dash[] = { width * 3, width * 2 };
  Spark spark;

  spark.n = chart->categories->len;
  spark.area = *area;
  spark.area.y += area->height * 0.1 + width * 2;
  spark.area.height -= area->height * 0.2 + width * 4;
  spark.area.x += width * 2;
  spark.area.width -= width * 4;
  if (!sales_chart_value_range (chart, FALSE, &spark.lo, &spark.hi))
    return;

  cairo_save (ctx->cr);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_ROUND);
  for (int s = (int)chart->series->len - 1; s >= 0; s--)
    {
      gboolean comparison = sales_chart_get_series (chart, s)->role ==
                            SALES_CHART_SERIES_COMPARISON;

      cairo_set_line_width (ctx->cr, comparison ? width * 0.7 : width);
      cairo_set_dash (ctx->cr, dash, comparison ? 2 : 0, 0);
      trace (ctx, &spark, s);
      sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, s), 1);
      cairo_stroke (ctx->cr);
    }
  draw_last_point (ctx, &spark, width);
  cairo_restore (ctx->cr);

  add_marks (ctx, &spark);
}
