/* sales-chart-hbar.c: horizontal bars, for owners, sources and stages
 *
 * Category names read left of their bars (ellipsized past a third of the
 * width), values at the bar ends; there is no value axis because every
 * bar is labelled. Rows that do not fit are summarised in a last line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sales-chart-private.h"

typedef struct
{
  double   label_width;   /* room for category names */
  double   value_room;    /* room right of the longest bar */
  double   x0;            /* zero */
  double   scale;         /* user units per value unit */
  double   row;           /* height of one category */
  guint    n_rows;        /* categories drawn */
  double   lo;
} HbarLayout;

static double
widest_value (SalesChartCtx *ctx)
{
  SalesChart *chart = ctx->chart;
  double widest = 0;

  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < chart->categories->len; i++)
      {
        g_autofree char *text = NULL;
        double v;

        if (!sales_chart_get_value (chart, s, i, &v))
          continue;
        text = sales_chart_format (ctx, v, TRUE);
        widest = MAX (widest, sales_chart_text_width (ctx, text, ctx->em));
      }

  return widest;
}

static double
widest_category (SalesChartCtx *ctx)
{
  double widest = 0;

  for (guint i = 0; i < ctx->chart->categories->len; i++)
    widest = MAX (widest, sales_chart_text_width (
                    ctx, g_ptr_array_index (ctx->chart->categories, i),
                    ctx->em));
  return widest;
}

static void
hbar_layout (SalesChartCtx *ctx,
             HbarLayout    *layout)
{
  SalesChart *chart = ctx->chart;
  guint n = chart->categories->len;
  guint max_rows = (guint)MAX (ctx->plot.height / (ctx->em * 1.9), 1);
  guint rows;
  double lo, hi, span;

  layout->label_width = MIN (widest_category (ctx), ctx->plot.width * 0.32);
  layout->value_room = widest_value (ctx) + ctx->em * 0.6;
  layout->n_rows = n <= max_rows ? n : max_rows - 1;
  rows = layout->n_rows + (n > max_rows ? 1 : 0);
  layout->row = MIN (ctx->plot.height / MAX (rows, 1), ctx->em * 3.4);

  if (!sales_chart_value_range (chart, FALSE, &lo, &hi))
    lo = hi = 0;
  layout->lo = lo = MIN (lo, 0);
  hi = MAX (hi, 0);
  span = hi - lo > 0 ? hi - lo : 1;
  layout->scale = (ctx->plot.width - layout->label_width - ctx->em -
                   layout->value_room) / span;
  layout->x0 = ctx->plot.x + layout->label_width + ctx->em -
               lo * layout->scale;
}

static void
draw_name (SalesChartCtx    *ctx,
           const HbarLayout *layout,
           guint             index,
           double            centre)
{
  g_autoptr(PangoLayout) text = NULL;
  double height;

  text = sales_chart_text_new (ctx,
                               g_ptr_array_index (ctx->chart->categories,
                                                  index),
                               ctx->em, PANGO_WEIGHT_NORMAL);
  sales_chart_text_ellipsize (text, layout->label_width);
  pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
  sales_chart_text_extent (text, NULL, &height);
  sales_chart_text_draw (ctx, text, ctx->plot.x, centre - height / 2, 0,
                         ctx->theme->text);
}

static void
draw_value (SalesChartCtx   *ctx,
            const SalesRect *bar,
            gboolean         present,
            double           value,
            gboolean         primary)
{
  g_autofree char *text = present ? sales_chart_format (ctx, value, TRUE)
                                  : g_strdup ("—");
  g_autoptr(PangoLayout) layout = NULL;
  double height;
  double x = value < 0 ? bar->x - ctx->em * 0.45
                       : bar->x + bar->width + ctx->em * 0.45;

  layout = sales_chart_text_new (ctx, text, ctx->em,
                                 primary ? PANGO_WEIGHT_SEMIBOLD
                                         : PANGO_WEIGHT_NORMAL);
  sales_chart_text_extent (layout, NULL, &height);
  sales_chart_text_draw (ctx, layout, x, bar->y + (bar->height - height) / 2,
                         value < 0 ? 1 : 0,
                         primary ? ctx->theme->text : ctx->theme->text_muted);
}

static void
draw_row (SalesChartCtx    *ctx,
          const HbarLayout *layout,
          guint             index)
{
  SalesChart *chart = ctx->chart;
  guint n_series = MAX (chart->series->len, 1);
  double top = ctx->plot.y + layout->row * index;
  double band = layout->row * (n_series > 1 ? 0.76 : 0.62);
  double thickness = band / n_series;

  draw_name (ctx, layout, index, top + layout->row / 2);
  for (guint s = 0; s < chart->series->len; s++)
    {
      SalesMark mark = { SALES_MARK_RECT, s, index };
      gboolean present;
      double v = 0;

      present = sales_chart_get_value (chart, s, index, &v);
      mark.area.y = top + (layout->row - band) / 2 + thickness * s;
      mark.area.height = n_series > 1 ? thickness * 0.88 : thickness;
      mark.area.x = MIN (layout->x0, layout->x0 + v * layout->scale);
      mark.area.width = fabs (v * layout->scale);

      sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, s), 1);
      sales_chart_rounded_rect (ctx->cr, &mark.area,
                                MIN (ctx->em * 0.2, mark.area.height / 4));
      cairo_fill (ctx->cr);
      draw_value (ctx, &mark.area, present, v, s == 0);

      mark.area.x = ctx->plot.x;
      mark.area.width = ctx->plot.width;
      if (present)
        sales_chart_add_mark (ctx, &mark);
    }
}

static void
draw_rest (SalesChartCtx    *ctx,
           const HbarLayout *layout)
{
  guint rest = ctx->chart->categories->len - layout->n_rows;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) line = NULL;

  if (rest == 0)
    return;

  text = g_strdup_printf (ngettext ("and %u more", "and %u more", rest), rest);
  line = sales_chart_text_new (ctx, text, ctx->em * 0.9, PANGO_WEIGHT_NORMAL);
  sales_chart_text_draw (ctx, line, ctx->plot.x + layout->label_width,
                         ctx->plot.y + layout->row * layout->n_rows +
                         ctx->em * 0.3, 1, ctx->theme->text_muted);
}

void
sales_chart_draw_hbar (SalesChartCtx *ctx)
{
  HbarLayout layout = { 0 };
  double x;

  hbar_layout (ctx, &layout);

  /* A quiet zero line anchors the bars. */
  x = sales_chart_snap (ctx, layout.x0);
  cairo_set_line_width (ctx->cr, 1 / ctx->scale);
  sales_chart_set_colour (ctx, ctx->theme->axis, 1);
  cairo_move_to (ctx->cr, x, ctx->plot.y);
  cairo_line_to (ctx->cr, x, ctx->plot.y + layout.row * layout.n_rows);
  cairo_stroke (ctx->cr);

  for (guint i = 0; i < layout.n_rows; i++)
    draw_row (ctx, &layout, i);
  draw_rest (ctx, &layout);
}
