/* sales-chart-render.c: one drawing for the window and every export
 *
 * sales_chart_render() draws; sales_chart_hit_test() runs the very same
 * drawing on a one-pixel surface and looks at where each item landed, so
 * tooltips can never disagree with what is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-private.h"

/* The body text size grows with the chart, within readable bounds. */
static double
body_size (SalesChartKind kind,
           double         width,
           double         height)
{
  if (kind == SALES_CHART_TILE)
    return CLAMP (MIN (width / 17, height / 10), 8, 22);

  return CLAMP (MIN (width / 88, height / 48), 9, 20);
}

static void
ctx_init (SalesChartCtx         *ctx,
          SalesChart            *chart,
          const SalesChartTheme *theme,
          cairo_t               *cr,
          double                 width,
          double                 height,
          double                 scale)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  ctx->chart = chart;
  ctx->theme = theme;
  ctx->cr = cr;
  ctx->width = width;
  ctx->height = height;
  ctx->scale = scale > 0 ? scale : 1;
  ctx->em = body_size (chart->kind, width, height);
  ctx->marks = g_array_new (FALSE, FALSE, sizeof (SalesMark));
  sales_number_style_from_locale (&ctx->numbers);

  /* Unhinted metrics lay text out alike at every scale and on every
   * surface; greyscale antialiasing suits every background.
   */
  ctx->pango = pango_cairo_create_context (cr);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (ctx->pango, options);
  cairo_font_options_destroy (options);

  ctx->plot.x = 0;
  ctx->plot.y = 0;
  ctx->plot.width = width;
  ctx->plot.height = height;
}

static void
ctx_clear (SalesChartCtx *ctx)
{
  g_clear_object (&ctx->pango);
  g_clear_pointer (&ctx->marks, g_array_unref);
}

static void
draw_layout (SalesChartCtx *ctx)
{
  switch (ctx->chart->kind)
    {
    case SALES_CHART_LINE:
    case SALES_CHART_AREA:
      sales_chart_draw_line (ctx);
      break;
    case SALES_CHART_BAR:
      sales_chart_draw_bar (ctx);
      break;
    case SALES_CHART_HBAR:
      sales_chart_draw_hbar (ctx);
      break;
    case SALES_CHART_STACKED_BAR:
      sales_chart_draw_stacked (ctx);
      break;
    case SALES_CHART_FUNNEL:
      sales_chart_draw_funnel (ctx);
      break;
    case SALES_CHART_DONUT:
      sales_chart_draw_donut (ctx);
      break;
    case SALES_CHART_SPARKLINE:
    case SALES_CHART_TILE:
    default:
      g_assert_not_reached ();
    }
}

static void
draw (SalesChartCtx *ctx)
{
  SalesChart *chart = ctx->chart;

  cairo_save (ctx->cr);
  sales_chart_set_colour (ctx, ctx->theme->background, 1);
  cairo_rectangle (ctx->cr, 0, 0, ctx->width, ctx->height);
  cairo_fill (ctx->cr);

  if (chart->kind == SALES_CHART_TILE)
    sales_chart_draw_tile (ctx);
  else if (chart->kind == SALES_CHART_SPARKLINE)
    sales_chart_draw_sparkline (ctx, &ctx->plot);
  else
    {
      sales_chart_draw_chrome (ctx);
      if (sales_chart_is_empty (chart))
        sales_chart_draw_empty (ctx, &ctx->plot);
      else
        draw_layout (ctx);
    }

  cairo_restore (ctx->cr);
}

/**
 * sales_chart_render:
 * @self: a chart
 * @theme: the colours and type to draw with
 * @cr: where to draw; the chart fills (0, 0, @width, @height) in user units
 * @width: the width in user units (pixels for screens, points for PDF)
 * @height: the height likewise
 * @scale: the device-pixel ratio already applied to @cr; 1 for vectors
 *
 * Draws @self, its chrome (title, subtitle, legend, footer) and, when it
 * has no value, the empty state with its reason. A pure function of its
 * arguments: the same chart draws the same on every surface.
 */
void
sales_chart_render (SalesChart            *self,
                    const SalesChartTheme *theme,
                    cairo_t               *cr,
                    double                 width,
                    double                 height,
                    double                 scale)
{
  SalesChartCtx ctx = { 0 };

  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (theme != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);

  ctx_init (&ctx, self, theme, cr, width, height, scale);
  draw (&ctx);
  ctx_clear (&ctx);
}

static gboolean
mark_contains (const SalesMark *mark,
               double           x,
               double           y,
               double          *distance)
{
  const SalesRect *a = &mark->area;
  double dx, dy, r, angle;

  *distance = 0;
  if (mark->shape != SALES_MARK_WEDGE)
    {
      if (x < a->x || x > a->x + a->width || y < a->y ||
          y > a->y + a->height)
        return FALSE;
      if (mark->shape == SALES_MARK_COLUMN)
        *distance = fabs (y - mark->y);
      return TRUE;
    }

  dx = x - a->x;
  dy = y - a->y;
  r = hypot (dx, dy);
  if (r < a->width || r > a->height)
    return FALSE;
  angle = atan2 (dx, -dy);
  if (angle < 0)
    angle += 2 * G_PI;
  return angle >= mark->angle0 && angle < mark->angle1;
}

static char *
point_label (SalesChart *chart,
             guint       series,
             guint       index)
{
  SalesChartSeries *s = sales_chart_get_series (chart, series);

  if (s->labels != NULL && index < s->labels->len)
    return g_strdup (g_ptr_array_index (s->labels, index));

  return sales_chart_dup_category_label (chart, index);
}

static char *
tooltip_text (SalesChartCtx *ctx,
              guint          series,
              guint          index)
{
  SalesChart *chart = ctx->chart;
  g_autofree char *label = point_label (chart, series, index);
  g_autofree char *value = NULL;
  double v;

  if (sales_chart_get_value (chart, series, index, &v))
    value = sales_chart_format (ctx, v, FALSE);
  else
    value = g_strdup ("—");

  return g_strdup_printf ("%s\n%s: %s", label,
                          sales_chart_get_series (chart, series)->name,
                          value);
}

/**
 * sales_chart_hit_test:
 * @self: a chart
 * @theme: the theme it is drawn with
 * @width: the width it is drawn at
 * @height: the height it is drawn at
 * @x: a point in chart coordinates (0 .. @width)
 * @y: likewise (0 .. @height)
 * @hit: (out caller-allocates): the series and item under the point, and
 *   a tooltip; clear it with sales_chart_hit_clear()
 *
 * Returns: %TRUE when an item (a point, bar, stage or slice) is under the
 *   point; otherwise @hit holds -1, -1 and no tooltip
 */
gboolean
sales_chart_hit_test (SalesChart            *self,
                      const SalesChartTheme *theme,
                      double                 width,
                      double                 height,
                      double                 x,
                      double                 y,
                      SalesChartHit         *hit)
{
  SalesChartCtx ctx = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  double best = INFINITY;

  g_return_val_if_fail (SALES_IS_CHART (self), FALSE);
  g_return_val_if_fail (theme != NULL && hit != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  hit->series = hit->index = -1;
  hit->tooltip = NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  ctx_init (&ctx, self, theme, cr, width, height, 1);
  draw (&ctx);

  for (guint i = 0; i < ctx.marks->len; i++)
    {
      const SalesMark *mark = &g_array_index (ctx.marks, SalesMark, i);
      double distance;

      if (mark_contains (mark, x, y, &distance) && distance < best)
        {
          best = distance;
          hit->series = mark->series;
          hit->index = mark->index;
        }
    }
  if (hit->series >= 0)
    hit->tooltip = tooltip_text (&ctx, hit->series, hit->index);

  ctx_clear (&ctx);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return hit->series >= 0;
}

/**
 * sales_chart_hit_clear:
 * @hit: a hit filled by sales_chart_hit_test()
 *
 * Frees the tooltip; @hit can be reused.
 */
void
sales_chart_hit_clear (SalesChartHit *hit)
{
  g_return_if_fail (hit != NULL);

  g_clear_pointer (&hit->tooltip, g_free);
  hit->series = hit->index = -1;
}
