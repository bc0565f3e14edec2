/* sales-chart-tile.c: a KPI tile
 *
 * The KPI's name, its value in large type with its unit, the change
 * against the comparison period with an arrow (coloured by whether the
 * change is good news for this KPI, not merely by its direction), and a
 * sparkline of the trend. An undefined value shows a dash and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sales-chart-private.h"

static double
draw_text (SalesChartCtx *ctx,
           const char    *text,
           double         y,
           double         size,
           PangoWeight    weight,
           SalesRgb       colour)
{
  g_autoptr(PangoLayout) layout = NULL;
  double pad = ctx->em * 1.1;
  double height;

  layout = sales_chart_text_new (ctx, text, size, weight);
  sales_chart_text_ellipsize (layout, ctx->width - 2 * pad);
  sales_chart_text_extent (layout, NULL, &height);
  sales_chart_text_draw (ctx, layout, pad, y, 0, colour);
  return height;
}

/* Why there is no value, on up to three lines. */
static double
draw_reason (SalesChartCtx *ctx,
             const char    *text,
             double         y,
             double         size)
{
  g_autoptr(PangoLayout) layout = NULL;
  double pad = ctx->em * 1.1;
  double height;

  layout = sales_chart_text_new (ctx, text, size, PANGO_WEIGHT_NORMAL);
  sales_chart_text_ellipsize (layout, ctx->width - 2 * pad);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -3);
  sales_chart_text_extent (layout, NULL, &height);
  sales_chart_text_draw (ctx, layout, pad, y, 0, ctx->theme->text_muted);
  return height;
}

static char *
change_markup (SalesChartCtx *ctx,
               SalesRgb      *colour)
{
  SalesChart *chart = ctx->chart;
  g_autofree char *change = NULL;
  const char *arrow;
  gboolean rose;

  change = sales_chart_format_change (chart->headline, chart->comparison,
                                      chart->unit, &ctx->numbers);
  if (change == NULL || chart->headline == chart->comparison)
    {
      *colour = ctx->theme->text_muted;
      return change != NULL ? g_strdup_printf ("= %s", change)
                            : g_strdup (_("new"));
    }

  rose = chart->headline > chart->comparison;
  arrow = rose ? "▲" : "▼";
  *colour = rose == chart->higher_is_better ? ctx->theme->good
                                            : ctx->theme->bad;
  return g_strdup_printf ("%s %s", arrow, change);
}

/* "▲ +12.5%" in the good or bad colour, then "vs Q1 2025", muted. */
static double
draw_change (SalesChartCtx *ctx,
             double         y)
{
  SalesChart *chart = ctx->chart;
  g_autoptr(PangoLayout) change = NULL;
  g_autofree char *text = NULL;
  double size = ctx->em * 0.95;
  double pad = ctx->em * 1.1;
  SalesRgb colour;
  double width, height;

  if (chart->has_headline && !chart->has_comparison)
    return draw_text (ctx, _("No comparison value"), y, size,
                      PANGO_WEIGHT_NORMAL, ctx->theme->text_muted);
  if (!chart->has_headline)
    return draw_reason (ctx, chart->empty_reason != NULL
                             ? chart->empty_reason
                             : _("No data for this period"), y, size);

  text = change_markup (ctx, &colour);
  change = sales_chart_text_new (ctx, text, size, PANGO_WEIGHT_SEMIBOLD);
  sales_chart_text_extent (change, &width, &height);
  sales_chart_text_draw (ctx, change, pad, y, 0, colour);

  if (chart->comparison_label != NULL)
    {
      g_autoptr(PangoLayout) label = NULL;

      label = sales_chart_text_new (ctx, chart->comparison_label, size,
                                    PANGO_WEIGHT_NORMAL);
      sales_chart_text_ellipsize (label, ctx->width - 2 * pad - width -
                                  size * 0.5);
      sales_chart_text_draw (ctx, label, pad + width + size * 0.5, y, 0,
                             ctx->theme->text_muted);
    }
  return height;
}

void
sales_chart_draw_tile (SalesChartCtx *ctx)
{
  SalesChart *chart = ctx->chart;
  SalesRect card = { 0.5, 0.5, ctx->width - 1, ctx->height - 1 };
  SalesRect spark;
  g_autofree char *value = NULL;
  double em = ctx->em;
  double y = em * 1.0;

  /* A hairline card edge groups the tile's parts on a dashboard page. */
  sales_chart_rounded_rect (ctx->cr, &card, em * 0.6);
  cairo_set_line_width (ctx->cr, 1 / ctx->scale);
  sales_chart_set_colour (ctx, ctx->theme->grid, 1);
  cairo_stroke (ctx->cr);

  y += draw_text (ctx, chart->title != NULL ? chart->title : "", y,
                  em * 0.95, PANGO_WEIGHT_SEMIBOLD, ctx->theme->text_muted);
  value = chart->has_headline ? sales_chart_format (ctx, chart->headline,
                                                    FALSE)
                              : g_strdup ("—");
  y += em * 0.2 + draw_text (ctx, value, y + em * 0.2, em * 2.3,
                             PANGO_WEIGHT_SEMIBOLD, ctx->theme->text);
  y += em * 0.15 + draw_change (ctx, y + em * 0.15);

  spark.x = em * 1.1;
  spark.width = ctx->width - em * 2.2;
  spark.y = y + em * 0.5;
  spark.height = ctx->height - spark.y - em * 0.8;
  if (spark.height > em * 1.2 && !sales_chart_is_empty (chart))
    sales_chart_draw_sparkline (ctx, &spark);
}
