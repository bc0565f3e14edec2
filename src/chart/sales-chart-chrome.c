/* sales-chart-chrome.c: title, subtitle, legend, footer and empty state
 *
 * One type scale for every chart: the title at 1.6 em, the subtitle and
 * legend at about 1 em, the footer at 0.82 em; generous margins of 2 em.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-private.h"

#define TITLE_SIZE 1.6
#define SUBTITLE_SIZE 1.0
#define LEGEND_SIZE 0.92
#define FOOTER_SIZE 0.82

/* Draws one line of text ellipsized to @width; returns its height. */
static double
draw_line (SalesChartCtx *ctx,
           const char    *text,
           double         x,
           double         y,
           double         width,
           double         size,
           PangoWeight    weight,
           SalesRgb       colour)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  layout = sales_chart_text_new (ctx, text, size, weight);
  sales_chart_text_ellipsize (layout, width);
  sales_chart_text_extent (layout, NULL, &height);
  sales_chart_text_draw (ctx, layout, x, y, 0, colour);
  return height;
}

static gboolean
has_legend (SalesChart *chart)
{
  return chart->series->len > 1 && chart->kind != SALES_CHART_DONUT &&
         chart->kind != SALES_CHART_FUNNEL;
}

static gboolean
is_line (SalesChart *chart)
{
  return chart->kind == SALES_CHART_LINE || chart->kind == SALES_CHART_AREA;
}

static void
draw_swatch (SalesChartCtx *ctx,
             guint          series,
             double         x,
             double         y,
             double         size)
{
  cairo_t *cr = ctx->cr;
  SalesChartSeries *s = sales_chart_get_series (ctx->chart, series);
  SalesRect square = { x, y + size * 0.15, size * 0.7, size * 0.7 };
  double dash = size * 0.28;

  cairo_save (cr);
  sales_chart_set_colour (ctx, sales_chart_series_colour (ctx, series), 1);
  if (is_line (ctx->chart))
    {
      cairo_set_line_width (cr, s->role == SALES_CHART_SERIES_COMPARISON
                                ? size * 0.12 : size * 0.2);
      if (s->role == SALES_CHART_SERIES_COMPARISON)
        cairo_set_dash (cr, &dash, 1, 0);
      cairo_move_to (cr, x, y + size / 2);
      cairo_line_to (cr, x + size * 1.4, y + size / 2);
      cairo_stroke (cr);
    }
  else
    {
      sales_chart_rounded_rect (cr, &square, size * 0.15);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static gboolean
series_has_values (SalesChart *chart,
                   guint       series)
{
  for (guint i = 0; i < chart->categories->len; i++)
    if (sales_chart_get_value (chart, series, i, NULL))
      return TRUE;
  return FALSE;
}

/* The legend: one swatch and name per series with values, in a row. */
void
sales_chart_draw_legend (SalesChartCtx *ctx)
{
  double size = ctx->em * LEGEND_SIZE;
  double x = ctx->plot.x;
  double y = ctx->plot.y;

  /* The current period first, then what it is compared with. */
  for (guint k = 0; k < ctx->chart->series->len * 2; k++)
    {
      guint n = ctx->chart->series->len;
      guint i = k % n;
      SalesChartSeries *s = sales_chart_get_series (ctx->chart, i);
      g_autoptr(PangoLayout) layout = NULL;
      double swatch = is_line (ctx->chart) ? size * 1.4 : size * 0.7;
      double width, height;

      if ((s->role == SALES_CHART_SERIES_COMPARISON) != (k >= n) ||
          !series_has_values (ctx->chart, i))
        continue;
      layout = sales_chart_text_new (ctx, s->name, size, PANGO_WEIGHT_NORMAL);
      sales_chart_text_extent (layout, &width, &height);
      if (x + swatch + width > ctx->plot.x + ctx->plot.width && k > 0)
        break;

      draw_swatch (ctx, i, x, y + (height - size) / 2, size);
      sales_chart_text_draw (ctx, layout, x + swatch + size * 0.45, y, 0,
                             ctx->theme->text_muted);
      x += swatch + size * 0.45 + width + size * 1.6;
    }
}

static double
footer_height (SalesChartCtx *ctx)
{
  double line = ctx->em * FOOTER_SIZE * 1.35;

  return ctx->chart->footers->len * line;
}

static void
draw_footer (SalesChartCtx *ctx,
             double         x,
             double         bottom,
             double         width)
{
  double line = ctx->em * FOOTER_SIZE * 1.35;
  double y = bottom - footer_height (ctx);

  for (guint i = 0; i < ctx->chart->footers->len; i++)
    draw_line (ctx, g_ptr_array_index (ctx->chart->footers, i), x,
               y + i * line, width, ctx->em * FOOTER_SIZE,
               PANGO_WEIGHT_NORMAL, ctx->theme->text_muted);
}

/**
 * sales_chart_draw_chrome:
 * @ctx: a render
 *
 * Draws the title, subtitle, legend and footer, and leaves in @ctx->plot
 * the rectangle the layout may fill.
 */
void
sales_chart_draw_chrome (SalesChartCtx *ctx)
{
  SalesChart *chart = ctx->chart;
  double em = ctx->em;
  double x = em * 2;
  double width = ctx->width - em * 4;
  double y = em * 1.6;
  double bottom = ctx->height - em * 1.4;

  if (chart->title != NULL)
    y += draw_line (ctx, chart->title, x, y, width, em * TITLE_SIZE,
                    PANGO_WEIGHT_SEMIBOLD, ctx->theme->text);
  if (chart->subtitle != NULL)
    y += em * 0.25 + draw_line (ctx, chart->subtitle, x, y + em * 0.25,
                                width, em * SUBTITLE_SIZE,
                                PANGO_WEIGHT_NORMAL, ctx->theme->text_muted);
  if (chart->title != NULL || chart->subtitle != NULL)
    y += em * 1.1;

  ctx->plot.x = x;
  ctx->plot.y = y;
  ctx->plot.width = width;
  if (has_legend (chart) && !sales_chart_is_empty (chart))
    {
      sales_chart_draw_legend (ctx);
      y += em * LEGEND_SIZE * 1.4 + em * 0.9;
    }

  if (chart->footers->len > 0)
    {
      draw_footer (ctx, x, bottom, width);
      bottom -= footer_height (ctx) + em * 1.4;
    }

  ctx->plot.y = y;
  ctx->plot.height = MAX (bottom - y, em);
}

/* Reasons come from the engine in lower case, to fit inside sentences. */
static char *
capitalized (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char head[8] = "";

  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  return g_strconcat (head, g_utf8_next_char (text), NULL);
}

/**
 * sales_chart_draw_empty:
 * @ctx: a render
 * @area: where the chart would have been
 *
 * Draws "No data for this period" and the chart's reason, centred on a
 * quiet panel, so an empty period reads as a fact rather than a fault.
 */
void
sales_chart_draw_empty (SalesChartCtx   *ctx,
                        const SalesRect *area)
{
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) reason = NULL;
  g_autofree char *sentence = NULL;
  const char *why = ctx->chart->empty_reason;
  double em = ctx->em;
  double hw, hh, rh = 0;
  double y;

  sales_chart_set_colour (ctx, ctx->theme->track, 1);
  sales_chart_rounded_rect (ctx->cr, area, em * 0.6);
  cairo_fill (ctx->cr);

  heading = sales_chart_text_new (ctx, _("No data for this period"),
                                  em * 1.25, PANGO_WEIGHT_SEMIBOLD);
  sales_chart_text_extent (heading, &hw, &hh);
  if (why == NULL)
    why = _("There are no rows in this period for this chart.");
  sentence = capitalized (why);
  reason = sales_chart_text_new (ctx, sentence, em, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (reason, (int)(MAX (area->width - em * 4, em) *
                                        PANGO_SCALE));
  pango_layout_set_alignment (reason, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (reason, PANGO_WRAP_WORD);
  sales_chart_text_extent (reason, NULL, &rh);

  y = area->y + (area->height - hh - em * 0.4 - rh) / 2;
  sales_chart_text_draw (ctx, heading, area->x + area->width / 2, y, 0.5,
                         ctx->theme->text);
  sales_chart_text_draw (ctx, reason, area->x + em * 2, y + hh + em * 0.4,
                         0, ctx->theme->text_muted);
}
