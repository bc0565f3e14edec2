/* sales-chart-text.c: text and small drawing helpers for the layouts
 *
 * Sizes are absolute, in user units, so a chart lays out the same at any
 * device scale; metrics hinting is off for the same reason, which also
 * keeps rendered references stable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>

#include "sales-chart-private.h"

PangoLayout *
sales_chart_text_new (SalesChartCtx *ctx,
                      const char    *text,
                      double         size,
                      PangoWeight    weight)
{
  PangoLayout *layout = pango_layout_new (ctx->pango);
  g_autoptr(PangoFontDescription) font = NULL;

  font = pango_font_description_from_string (ctx->theme->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
sales_chart_text_extent (PangoLayout *layout,
                         double      *width,
                         double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double)w / PANGO_SCALE;
  if (height != NULL)
    *height = (double)h / PANGO_SCALE;
}

double
sales_chart_text_width (SalesChartCtx *ctx,
                        const char    *text,
                        double         size)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  layout = sales_chart_text_new (ctx, text, size, PANGO_WEIGHT_NORMAL);
  sales_chart_text_extent (layout, &width, NULL);
  return width;
}

/* Long names end in "…" rather than running into the bars. */
void
sales_chart_text_ellipsize (PangoLayout *layout,
                            double       width)
{
  pango_layout_set_width (layout, (int)(MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

void
sales_chart_set_colour (SalesChartCtx *ctx,
                        SalesRgb       colour,
                        double         alpha)
{
  cairo_set_source_rgba (ctx->cr, colour.red, colour.green, colour.blue,
                         alpha);
}

/* @xalign: 0 puts @x at the left edge of the text, 0.5 at its centre, 1
 * at its right edge; @y is the top.
 */
void
sales_chart_text_draw (SalesChartCtx *ctx,
                       PangoLayout   *layout,
                       double         x,
                       double         y,
                       double         xalign,
                       SalesRgb       colour)
{
  double width;

  sales_chart_text_extent (layout, &width, NULL);
  if (pango_layout_get_width (layout) > 0)
    width = MIN (width, (double)pango_layout_get_width (layout) /
                 PANGO_SCALE);

  cairo_save (ctx->cr);
  sales_chart_set_colour (ctx, colour, 1);
  cairo_move_to (ctx->cr, x - width * xalign, y);
  pango_cairo_show_layout (ctx->cr, layout);
  cairo_restore (ctx->cr);
}

/* Hairlines on pixel centres, so 1-pixel grid lines stay sharp. */
double
sales_chart_snap (SalesChartCtx *ctx,
                  double         coordinate)
{
  double device = coordinate * ctx->scale;

  return (floor (device) + 0.5) / ctx->scale;
}

void
sales_chart_rounded_rect (cairo_t         *cr,
                          const SalesRect *rect,
                          double           radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN (radius, MIN (fabs (w), fabs (h)) / 2);
  if (radius <= 0.1)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}
