/* sales-chart-funnel.c: stages from leads to won deals
 *
 * Each stage is a centred bar as wide as its share of the first stage;
 * between two stages a soft connector carries the stage-to-stage
 * conversion, the number a sales manager reads a funnel for.
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
  double label_width;
  double centre;          /* x of the bars' axis */
  double max_width;       /* the widest bar */
  double row;
  double bar;             /* bar thickness */
  double largest;
} FunnelLayout;

static void
funnel_layout (SalesChartCtx *ctx,
               FunnelLayout  *layout)
{
  SalesChart *chart = ctx->chart;
  guint n = chart->categories->len;
  double value_room = 0;

  layout->label_width = 0;
  layout->largest = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;
      double v;

      layout->label_width = MAX (layout->label_width, sales_chart_text_width (
                                   ctx, g_ptr_array_index (chart->categories,
                                                           i), ctx->em));
      if (!sales_chart_get_value (chart, 0, i, &v))
        continue;
      layout->largest = MAX (layout->largest, v);
      text = sales_chart_format (ctx, v, FALSE);
      value_room = MAX (value_room, sales_chart_text_width (ctx, text,
                                                            ctx->em * 1.1));
    }

  layout->label_width = MIN (layout->label_width, ctx->plot.width * 0.25);
  layout->max_width = ctx->plot.width - layout->label_width -
                      value_room * 2 - ctx->em * 3;
  layout->centre = ctx->plot.x + layout->label_width + ctx->em * 1.5 +
                   value_room + layout->max_width / 2;
  layout->row = MIN (ctx->plot.height / MAX (n, 1), ctx->em * 6);
  layout->bar = layout->row * 0.6;
}

static double
bar_width (const FunnelLayout *layout,
           double              value)
{
  if (layout->largest <= 0)
    return 0;
  return MAX (layout->max_width * MAX (value, 0) / layout->largest, 2);
}

static void
draw_connector (SalesChartCtx      *ctx,
                const FunnelLayout *layout,
                double              top,
                double              above,
                double              below,
                double              from,
                double              to)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) label = NULL;
  double gap = layout->row - layout->bar;
  double height;

  cairo_move_to (ctx->cr, layout->centre - above / 2, top);
  cairo_line_to (ctx->cr, layout->centre + above / 2, top);
  cairo_line_to (ctx->cr, layout->centre + below / 2, top + gap);
  cairo_line_to (ctx->cr, layout->centre - below / 2, top + gap);
  cairo_close_path (ctx->cr);
  sales_chart_set_colour (ctx, ctx->theme->track, 1);
  cairo_fill (ctx->cr);

  if (from > 0)
    {
      g_autofree char *share = sales_chart_format_value (
          100 * to / from, SALES_CHART_UNIT_PERCENT, NULL, FALSE,
          &ctx->numbers);

      /* Translators: the share of one funnel stage that reached the next. */
      text = g_strdup_printf (_("↓ %s"), share);
    }
  else
    text = g_strdup ("—");

  label = sales_chart_text_new (ctx, text, ctx->em * 0.9,
                                PANGO_WEIGHT_SEMIBOLD);
  sales_chart_text_extent (label, NULL, &height);
  sales_chart_text_draw (ctx, label, layout->centre, top + (gap - height) / 2,
                         0.5, ctx->theme->text_muted);
}

static void
draw_stage (SalesChartCtx      *ctx,
            const FunnelLayout *layout,
            guint               index,
            double              value,
            gboolean            present)
{
  SalesMark mark = { SALES_MARK_RECT, 0, index };
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *text = present ? sales_chart_format (ctx, value, FALSE)
                                  : g_strdup ("—");
  double top = ctx->plot.y + layout->row * index;
  double width = present ? bar_width (layout, value) : 0;
  double height;

  mark.area.x = layout->centre - width / 2;
  mark.area.y = top;
  mark.area.width = width;
  mark.area.height = layout->bar;
  sales_chart_set_colour (ctx, sales_chart_theme_series_colour (ctx->theme,
                                                                0),
                          1 - 0.12 * MIN (index, 4));
  sales_chart_rounded_rect (ctx->cr, &mark.area, ctx->em * 0.25);
  cairo_fill (ctx->cr);

  name = sales_chart_text_new (ctx, g_ptr_array_index (ctx->chart->categories,
                                                       index),
                               ctx->em, PANGO_WEIGHT_NORMAL);
  sales_chart_text_ellipsize (name, layout->label_width);
  sales_chart_text_extent (name, NULL, &height);
  sales_chart_text_draw (ctx, name, ctx->plot.x,
                         top + (layout->bar - height) / 2, 0,
                         ctx->theme->text);

  number = sales_chart_text_new (ctx, text, ctx->em * 1.1,
                                 PANGO_WEIGHT_SEMIBOLD);
  sales_chart_text_extent (number, NULL, &height);
  sales_chart_text_draw (ctx, number, mark.area.x + width + ctx->em * 0.6,
                         top + (layout->bar - height) / 2, 0,
                         ctx->theme->text);

  mark.area.x = ctx->plot.x;
  mark.area.width = ctx->plot.width;
  if (present)
    sales_chart_add_mark (ctx, &mark);
}

void
sales_chart_draw_funnel (SalesChartCtx *ctx)
{
  SalesChart *chart = ctx->chart;
  FunnelLayout layout = { 0 };
  double previous = 0;
  gboolean had_previous = FALSE;

  funnel_layout (ctx, &layout);

  for (guint i = 0; i < chart->categories->len; i++)
    {
      double v = 0;
      gboolean present = sales_chart_get_value (chart, 0, i, &v);

      if (i > 0)
        draw_connector (ctx, &layout,
                        ctx->plot.y + layout.row * (i - 1) + layout.bar,
                        had_previous ? bar_width (&layout, previous) : 0,
                        present ? bar_width (&layout, v) : 0,
                        had_previous ? previous : 0, present ? v : 0);
      draw_stage (ctx, &layout, i, v, present);
      previous = v;
      had_previous = present;
    }
}
