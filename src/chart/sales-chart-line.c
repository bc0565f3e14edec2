/* sales-chart-line.c: line and area charts over time
 *
 * The primary series is a solid line (and, for areas, a soft fill); a
 * comparison series is a thinner, lighter, dashed line behind it. A
 * missing point breaks the line rather than pretending to be zero; a point
 * with no neighbours is drawn as a dot. The last value is labelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-private.h"

/* Points get markers while they are far enough apart to read. */
#define MAX_MARKED_POINTS 24

static gboolean
value_at (SalesChart *chart,
          guint       series,
          int         index,
          double     *value)
{
  return index >= 0 && sales_chart_get_value (chart, series, index, value);
}

static void
trace (SalesChartCtx        *ctx,
       const SalesChartAxes *axes,
       guint                 series)
{
  SalesChart *chart = ctx->chart;
  gboolean drawing = FALSE;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      double v;

      if (!sales_chart_get_value (chart, series, i, &v))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (ctx->cr, sales_chart_axes_x (axes, i),
                       sales_chart_axes_y (axes, v));
      else
        cairo_move_to (ctx->cr, sales_chart_axes_x (axes, i),
                       sales_chart_axes_y (axes, v));
      drawing = TRUE;
    }
}

/* The soft fill under each unbroken run of the primary line. */
static void
fill_area (SalesChartCtx        *ctx,
           const SalesChartAxes *axes,
           guint                 series)
{
  SalesChart *chart = ctx->chart;
  double base = sales_chart_axes_y (axes, MAX (axes->ticks.min, 0));
  SalesRgb colour = sales_chart_series_colour (ctx, series);
  cairo_pattern_t *fade;
  int start = -1;

  fade = cairo_pattern_create_linear (0, axes->y0, 0, axes->y0 + axes->height);
  cairo_pattern_add_color_stop_rgba (fade, 0, colour.red, colour.green,
                                     colour.blue, 0.28);
  cairo_pattern_add_color_stop_rgba (fade, 1, colour.red, colour.green,
                                     colour.blue, 0.04);

  for (guint i = 0; i <= chart->categories->len; i++)
    {
      double v;
      gboolean present = i < chart->categories->len &&
                         sales_chart_get_value (chart, series, i, &v);

      if (present && start < 0)
        {
          start = i;
          cairo_move_to (ctx->cr, sales_chart_axes_x (axes, i), base);
        }
      if (present)
        cairo_line_to (ctx->cr, sales_chart_axes_x (axes, i),
                       sales_chart_axes_y (axes, v));
      else if (start >= 0)
        {
          cairo_line_to (ctx->cr, sales_chart_axes_x (axes, i - 1), base);
          cairo_close_path (ctx->cr);
          start = -1;
        }
    }

  cairo_set_source (ctx->cr, fade);
  cairo_fill (ctx->cr);
  cairo_pattern_destroy (fade);
}

static void
draw_points (SalesChartCtx        *ctx,
             const SalesChartAxes *axes,
             guint                 series,
             double                width)
{
  SalesChart *chart = ctx->chart;
  gboolean marked = chart->categories->len <= MAX_MARKED_POINTS;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      double v, unused;
      gboolean alone;

      if (!sales_chart_get_value (chart, series, i, &v))
        continue;
      alone = !value_at (chart, series, (int)i - 1, &unused) &&
              !value_at (chart, series, (int)i + 1, &unused);
      if (!marked && !alone)
        continue;

      /* A ring in the background colour lifts the dot off the line. */
      cairo_arc (ctx->cr, sales_chart_axes_x (axes, i),
                 sales_chart_axes_y (axes, v), width * 1.6, 0, 2 * G_PI);
      sales_chart_set_colour (ctx, ctx->theme->background, 1);
      cairo_fill_preserve (ctx->cr);
      sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, series),
                              1);
      cairo_set_line_width (ctx->cr, width);
      cairo_stroke (ctx->cr);
    }
}

static void
draw_series (SalesChartCtx        *ctx,
             const SalesChartAxes *axes,
             guint                 series)
{
  SalesChartSeries *s = sales_chart_get_series (ctx->chart, series);
  gboolean comparison = s->role == SALES_CHART_SERIES_COMPARISON;
  double width = ctx->em * (comparison ? 0.13 : 0.2);
  double dash[] = { ctx->em * 0.45, ctx->em * 0.3 };

  cairo_save (ctx->cr);
  if (ctx->chart->kind == SALES_CHART_AREA && !comparison)
    fill_area (ctx, axes, series);

  cairo_set_line_width (ctx->cr, width);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_ROUND);
  if (comparison)
    cairo_set_dash (ctx->cr, dash, 2, 0);
  trace (ctx, axes, series);
  sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, series), 1);
  cairo_stroke (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0);

  if (!comparison)
    draw_points (ctx, axes, series, width);
  cairo_restore (ctx->cr);
}

/* Labels the last value of the first primary series above its point. */
static void
label_last (SalesChartCtx        *ctx,
            const SalesChartAxes *axes)
{
  SalesChart *chart = ctx->chart;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  double v, width, height, x, y;
  int last = (int)chart->categories->len - 1;
  guint primary = 0;

  while (primary < chart->series->len &&
         sales_chart_get_series (chart, primary)->role ==
         SALES_CHART_SERIES_COMPARISON)
    primary++;
  if (primary == chart->series->len)
    return;

  while (last >= 0 && !sales_chart_get_value (chart, primary, last, &v))
    last--;
  if (last < 0)
    return;

  text = sales_chart_format (ctx, v, TRUE);
  layout = sales_chart_text_new (ctx, text, ctx->em, PANGO_WEIGHT_SEMIBOLD);
  sales_chart_text_extent (layout, &width, &height);
  x = sales_chart_axes_x (axes, last);
  y = sales_chart_axes_y (axes, v) - height - ctx->em * 0.55;
  x = MIN (x, axes->x0 + axes->width - width / 2);
  sales_chart_text_draw (ctx, layout, x, MAX (y, ctx->plot.y - height / 2),
                         0.5, ctx->theme->text);
}

static void
add_marks (SalesChartCtx        *ctx,
           const SalesChartAxes *axes)
{
  SalesChart *chart = ctx->chart;

  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < chart->categories->len; i++)
      {
        SalesMark mark = { SALES_MARK_COLUMN, s, i };
        double v;

        if (!sales_chart_get_value (chart, s, i, &v))
          continue;
        mark.area.x = sales_chart_axes_x (axes, i) - axes->slot / 2;
        mark.area.y = axes->y0;
        mark.area.width = axes->slot;
        mark.area.height = axes->height;
        mark.y = sales_chart_axes_y (axes, v);
        sales_chart_add_mark (ctx, &mark);
      }
}

/* Lines start at zero unless that would squash the data into a sliver.
 * A flat line has nothing to zoom into: an axis from 80 % to 100 % under
 * a constant 100 % would only make it look like a peak.
 */
static gboolean
wants_zero (SalesChart *chart)
{
  double lo, hi;

  if (chart->kind == SALES_CHART_AREA)
    return TRUE;
  if (!sales_chart_value_range (chart, FALSE, &lo, &hi))
    return TRUE;
  return lo >= 0 && (lo <= hi * 0.6 || lo == hi);
}

void
sales_chart_draw_line (SalesChartCtx *ctx)
{
  SalesChartAxes axes = { 0 };
  SalesChart *chart = ctx->chart;

  sales_chart_axes_layout (ctx, &axes, FALSE, wants_zero (chart));
  sales_chart_axes_draw (ctx, &axes);

  /* Comparisons first, so the current period is on top. */
  for (guint s = 0; s < chart->series->len; s++)
    if (sales_chart_get_series (chart, s)->role ==
        SALES_CHART_SERIES_COMPARISON)
      draw_series (ctx, &axes, s);
  for (guint s = 0; s < chart->series->len; s++)
    if (sales_chart_get_series (chart, s)->role !=
        SALES_CHART_SERIES_COMPARISON)
      draw_series (ctx, &axes, s);

  label_last (ctx, &axes);
  add_marks (ctx, &axes);
  sales_chart_axes_clear (&axes);
}
