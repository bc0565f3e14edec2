/* sales-chart-axis.c: the value axis and category axis of line and bars
 *
 * Gridlines are hairlines in a quiet colour, the zero line a shade
 * stronger; there are no tick marks or axis boxes. Category labels that
 * would collide turn 45 degrees or are thinned (sales_chart_fit_labels),
 * and long date axes label calendar boundaries (sales_chart_date_ticks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-private.h"

#define LABEL_SIZE 0.9

static double
label_size (SalesChartCtx *ctx)
{
  return ctx->em * LABEL_SIZE;
}

static double
line_height (SalesChartCtx *ctx)
{
  return label_size (ctx) * 1.3;
}

static char *
tick_label (SalesChartCtx        *ctx,
            const SalesChartTicks *ticks,
            guint                  i)
{
  double largest = MAX (fabs (ticks->min), fabs (ticks->max));

  return sales_chart_format_tick (ticks->min + i * ticks->step, ticks->step,
                                  largest, ctx->chart->unit,
                                  ctx->chart->currency, &ctx->numbers);
}

/* Fits the value axis into @height and returns its widest label. */
static double
layout_values (SalesChartCtx  *ctx,
               SalesChartAxes *axes,
               double          lo,
               double          hi,
               double          height)
{
  guint max_ticks = (guint)CLAMP (height / (ctx->em * 2.8), 2, 9);
  double widest = 0;

  sales_chart_nice_ticks (lo, hi, max_ticks, &axes->ticks);
  for (guint i = 0; i < axes->ticks.n_ticks; i++)
    {
      g_autofree char *label = tick_label (ctx, &axes->ticks, i);

      widest = MAX (widest, sales_chart_text_width (ctx, label,
                                                    label_size (ctx)));
    }

  return widest;
}

static gboolean
has_dates (SalesChart *chart)
{
  return chart->dates->len > 0 && chart->dates->len == chart->categories->len;
}

/* With a new year, or on the first label, a date label names its year. */
static gboolean
label_needs_year (SalesChart *chart,
                  GArray     *shown,
                  guint       position,
                  SalesChartDateUnit unit)
{
  GDate a, b;

  if (unit == SALES_CHART_DATE_YEAR)
    return FALSE;
  if (position == 0)
    return TRUE;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, g_array_index (chart->dates, guint32,
                     g_array_index (shown, guint, position - 1)));
  g_date_set_julian (&b, g_array_index (chart->dates, guint32,
                     g_array_index (shown, guint, position)));
  return g_date_get_year (&a) != g_date_get_year (&b);
}

static char *
category_label (SalesChartCtx  *ctx,
                SalesChartAxes *axes,
                guint           position)
{
  guint index = g_array_index (axes->label_index, guint, position);
  gboolean year = has_dates (ctx->chart) &&
                  label_needs_year (ctx->chart, axes->label_index, position,
                                    axes->label_unit);

  return sales_chart_axis_label (ctx->chart, index, axes->label_unit, year);
}

/* Long date axes label calendar boundaries rather than every bucket. */
static void
choose_date_labels (SalesChartCtx  *ctx,
                    SalesChartAxes *axes)
{
  SalesChart *chart = ctx->chart;
  double sample = sales_chart_text_width (ctx, "Sep 2025", label_size (ctx));
  guint fit = (guint)MAX (axes->width / (sample + ctx->em * 1.5), 1);
  guint n = chart->dates->len;
  g_autoptr(GArray) ticks = NULL;
  guint next = 0;

  if (n <= fit)
    return;

  ticks = sales_chart_date_ticks (g_array_index (chart->dates, guint32, 0),
                                  g_array_index (chart->dates, guint32, n - 1),
                                  fit, &axes->label_unit);
  axes->label_unit = MAX (axes->label_unit, chart->date_unit);
  g_array_set_size (axes->label_index, 0);
  for (guint t = 0; t < ticks->len; t++)
    {
      guint32 tick = g_array_index (ticks, guint32, t);

      while (next < n && g_array_index (chart->dates, guint32, next) < tick)
        next++;
      if (next < n)
        {
          g_array_append_val (axes->label_index, next);
          next++;
        }
    }
}

static void
fit_categories (SalesChartCtx  *ctx,
                SalesChartAxes *axes,
                double          room)
{
  guint n = axes->label_index->len;
  g_autofree double *widths = g_new0 (double, MAX (n, 1));
  double slot = axes->slot;
  g_autoptr(GArray) all = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = category_label (ctx, axes, i);

      widths[i] = sales_chart_text_width (ctx, label, label_size (ctx));
    }

  /* Thinned date labels are already further apart than one slot. */
  if (n >= 2)
    slot = axes->width / n;
  sales_chart_fit_labels (widths, n, slot, line_height (ctx), room,
                          &axes->fit);

  if (axes->fit.step > 1)
    {
      all = g_steal_pointer (&axes->label_index);
      axes->label_index = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < all->len; i += axes->fit.step)
        g_array_append_val (axes->label_index,
                            g_array_index (all, guint, i));
      axes->fit.step = 1;
    }
}

static double
widest_category (SalesChartCtx  *ctx,
                 SalesChartAxes *axes)
{
  double widest = 0;

  for (guint i = 0; i < axes->label_index->len; i++)
    {
      g_autofree char *label = category_label (ctx, axes, i);

      widest = MAX (widest, sales_chart_text_width (ctx, label,
                                                    label_size (ctx)));
    }
  return widest;
}

/**
 * sales_chart_axes_layout:
 * @ctx: a render whose plot rectangle is set
 * @axes: (out): the axes to fill; clear with sales_chart_axes_clear()
 * @stacked: the values stack per category
 * @from_zero: the value axis includes zero (bars always do)
 */
void
sales_chart_axes_layout (SalesChartCtx  *ctx,
                         SalesChartAxes *axes,
                         gboolean        stacked,
                         gboolean        from_zero)
{
  SalesChart *chart = ctx->chart;
  guint n = MAX (chart->categories->len, 1);
  double lo, hi, widest, bottom;

  if (!sales_chart_value_range (chart, stacked, &lo, &hi))
    lo = hi = 0;
  if (from_zero)
    lo = MIN (lo, 0), hi = MAX (hi, 0);

  axes->label_index = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < chart->categories->len; i++)
    g_array_append_val (axes->label_index, i);
  axes->label_unit = chart->date_unit;

  /* First pass with one line of labels; a second when they turn. */
  bottom = line_height (ctx) + ctx->em * 0.7;
  widest = layout_values (ctx, axes, lo, hi, ctx->plot.height - bottom);
  axes->x0 = ctx->plot.x + widest + ctx->em * 0.9;
  axes->width = ctx->plot.x + ctx->plot.width - axes->x0;
  axes->slot = axes->width / n;
  if (has_dates (chart))
    choose_date_labels (ctx, axes);
  fit_categories (ctx, axes, ctx->plot.height * 0.3);

  if (axes->fit.rotate)
    {
      bottom = (widest_category (ctx, axes) + line_height (ctx)) * G_SQRT2 / 2
               + ctx->em * 0.7;
      widest = layout_values (ctx, axes, lo, hi, ctx->plot.height - bottom);
      axes->x0 = ctx->plot.x + widest + ctx->em * 0.9;
      axes->width = ctx->plot.x + ctx->plot.width - axes->x0;
      axes->slot = axes->width / n;
    }

  axes->y0 = ctx->plot.y + label_size (ctx) * 0.6;
  axes->height = MAX (ctx->plot.y + ctx->plot.height - bottom - axes->y0, 1);
}

void
sales_chart_axes_clear (SalesChartAxes *axes)
{
  g_clear_pointer (&axes->label_index, g_array_unref);
}

double
sales_chart_axes_y (const SalesChartAxes *axes,
                    double                value)
{
  double span = axes->ticks.max - axes->ticks.min;

  return axes->y0 + axes->height * (1 - (value - axes->ticks.min) / span);
}

double
sales_chart_axes_x (const SalesChartAxes *axes,
                    guint                 index)
{
  return axes->x0 + axes->slot * (index + 0.5);
}

static void
draw_grid (SalesChartCtx  *ctx,
           SalesChartAxes *axes)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_set_line_width (cr, 1 / ctx->scale);
  for (guint i = 0; i < axes->ticks.n_ticks; i++)
    {
      double value = axes->ticks.min + i * axes->ticks.step;
      double y = sales_chart_snap (ctx, sales_chart_axes_y (axes, value));
      g_autofree char *label = tick_label (ctx, &axes->ticks, i);
      g_autoptr(PangoLayout) layout = NULL;
      double height;

      sales_chart_set_colour (ctx, fabs (value) < axes->ticks.step / 1e6
                                   ? ctx->theme->axis : ctx->theme->grid, 1);
      cairo_move_to (cr, axes->x0, y);
      cairo_line_to (cr, axes->x0 + axes->width, y);
      cairo_stroke (cr);

      layout = sales_chart_text_new (ctx, label, label_size (ctx),
                                     PANGO_WEIGHT_NORMAL);
      sales_chart_text_extent (layout, NULL, &height);
      sales_chart_text_draw (ctx, layout, axes->x0 - ctx->em * 0.9,
                             y - height / 2, 1, ctx->theme->text_muted);
    }
  cairo_restore (cr);
}

static void
draw_category (SalesChartCtx  *ctx,
               SalesChartAxes *axes,
               guint           position)
{
  guint index = g_array_index (axes->label_index, guint, position);
  g_autofree char *label = category_label (ctx, axes, position);
  g_autoptr(PangoLayout) layout = NULL;
  double x = sales_chart_axes_x (axes, index);
  double y = axes->y0 + axes->height + ctx->em * 0.55;
  double width, height;

  layout = sales_chart_text_new (ctx, label, label_size (ctx),
                                 PANGO_WEIGHT_NORMAL);
  if (!axes->fit.rotate)
    {
      sales_chart_text_draw (ctx, layout, x, y, 0.5, ctx->theme->text_muted);
      return;
    }

  /* Turned labels end at their category, reading up to the right. */
  sales_chart_text_extent (layout, &width, &height);
  cairo_save (ctx->cr);
  cairo_translate (ctx->cr, x, y);
  cairo_rotate (ctx->cr, -G_PI / 4);
  sales_chart_text_draw (ctx, layout, 0, -height / 2, 1,
                         ctx->theme->text_muted);
  cairo_restore (ctx->cr);
}

/**
 * sales_chart_axes_draw:
 * @ctx: a render
 * @axes: axes laid out by sales_chart_axes_layout()
 *
 * Draws the gridlines with their value labels and the category labels.
 */
void
sales_chart_axes_draw (SalesChartCtx  *ctx,
                       SalesChartAxes *axes)
{
  draw_grid (ctx, axes);
  for (guint i = 0; i < axes->label_index->len; i++)
    draw_category (ctx, axes, i);
}
