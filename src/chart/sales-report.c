/* sales-report.c: a multi-page dashboard report as PDF
 *
 * A4 landscape. The cover holds the title, the workspace, the period and
 * comparison, the filters and a grid of KPI tiles; then one page per KPI
 * with its tile, formula and counts, its trend and its breakdown. Every
 * chart is drawn by sales_chart_render(), as on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sales-chart-export.h"
#include "sales-error.h"
#include "sales-report.h"

/* A4 landscape in points, and its margin. */
#define PAGE_WIDTH 842.0
#define PAGE_HEIGHT 595.0
#define MARGIN 36.0
#define GAP 12.0
#define TILE_COLUMNS 4

typedef struct
{
  SalesChart *tile;
  SalesChart *trend;
  SalesChart *breakdown;
  GStrv       details;
} ReportPage;

struct _SalesReport
{
  char      *title;
  char      *workspace;
  char      *period;
  char      *filters;
  GPtrArray *tiles;     /* SalesChart */
  GArray    *pages;     /* ReportPage */
};

static void
page_clear (gpointer data)
{
  ReportPage *page = data;

  g_clear_object (&page->tile);
  g_clear_object (&page->trend);
  g_clear_object (&page->breakdown);
  g_strfreev (page->details);
}

/**
 * sales_report_new:
 * @title: the report's title
 * @workspace: the workspace's name
 * @period: the period and its comparison, "Q4 2025 compared with Q3 2025"
 * @filters: the filters, "all owners and sources"
 *
 * Returns: (transfer full): an empty report; add tiles and pages
 */
SalesReport *
sales_report_new (const char *title,
                  const char *workspace,
                  const char *period,
                  const char *filters)
{
  SalesReport *report = g_new0 (SalesReport, 1);

  g_return_val_if_fail (title != NULL, report);

  report->title = g_strdup (title);
  report->workspace = g_strdup (workspace);
  report->period = g_strdup (period);
  report->filters = g_strdup (filters);
  report->tiles = g_ptr_array_new_with_free_func (g_object_unref);
  report->pages = g_array_new (FALSE, TRUE, sizeof (ReportPage));
  g_array_set_clear_func (report->pages, page_clear);
  return report;
}

void
sales_report_free (SalesReport *report)
{
  if (report == NULL)
    return;

  g_free (report->title);
  g_free (report->workspace);
  g_free (report->period);
  g_free (report->filters);
  g_ptr_array_unref (report->tiles);
  g_array_unref (report->pages);
  g_free (report);
}

/**
 * sales_report_add_tile:
 * @report: a report
 * @tile: a KPI tile for the cover (12 fit)
 */
void
sales_report_add_tile (SalesReport *report,
                       SalesChart  *tile)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (SALES_IS_CHART (tile));

  g_ptr_array_add (report->tiles, g_object_ref (tile));
}

/**
 * sales_report_add_page:
 * @report: a report
 * @tile: (nullable): the KPI's tile
 * @trend: (nullable): its trend with the comparison
 * @breakdown: (nullable): its breakdown
 * @details: (nullable): lines of text: formula, counts, exclusions
 */
void
sales_report_add_page (SalesReport       *report,
                       SalesChart        *tile,
                       SalesChart        *trend,
                       SalesChart        *breakdown,
                       const char *const *details)
{
  ReportPage page = { 0 };

  g_return_if_fail (report != NULL);

  page.tile = tile != NULL ? g_object_ref (tile) : NULL;
  page.trend = trend != NULL ? g_object_ref (trend) : NULL;
  page.breakdown = breakdown != NULL ? g_object_ref (breakdown) : NULL;
  page.details = g_strdupv ((char **)details);
  g_array_append_val (report->pages, page);
}

/**
 * sales_report_get_n_pages:
 * @report: a report
 *
 * Returns: the number of PDF pages: the cover and one per added page
 */
guint
sales_report_get_n_pages (SalesReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return 1 + report->pages->len;
}

/* Draws wrapped text at (x, y) and returns its height. */
static double
draw_text (cairo_t               *cr,
           const SalesChartTheme *theme,
           const char            *text,
           double                 x,
           double                 y,
           double                 width,
           double                 size,
           PangoWeight            weight,
           SalesRgb               colour)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = NULL;
  int w, h;

  font = pango_font_description_from_string (theme->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return (double)h / PANGO_SCALE;
}

static void
draw_chart (cairo_t               *cr,
            const SalesChartTheme *theme,
            SalesChart            *chart,
            double                 x,
            double                 y,
            double                 width,
            double                 height)
{
  if (chart == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  sales_chart_render (chart, theme, cr, width, height, 1);
  cairo_restore (cr);
}

static void
draw_page_number (cairo_t               *cr,
                  const SalesChartTheme *theme,
                  guint                  page,
                  guint                  n_pages)
{
  /* Translators: the page footer of a report, "Page 2 of 13". */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page,
                                           n_pages);

  draw_text (cr, theme, text, PAGE_WIDTH - MARGIN - 120,
             PAGE_HEIGHT - MARGIN * 0.7, 120, 8, PANGO_WEIGHT_NORMAL,
             theme->text_muted);
}

static void
draw_background (cairo_t               *cr,
                 const SalesChartTheme *theme)
{
  cairo_set_source_rgb (cr, theme->background.red, theme->background.green,
                        theme->background.blue);
  cairo_paint (cr);
}

static void
draw_cover (SalesReport           *report,
            cairo_t               *cr,
            const SalesChartTheme *theme)
{
  double width = PAGE_WIDTH - 2 * MARGIN;
  double y = MARGIN;
  double top, tile_width, tile_height;
  guint rows = MAX ((report->tiles->len + TILE_COLUMNS - 1) / TILE_COLUMNS,
                    1);

  draw_background (cr, theme);
  y += draw_text (cr, theme, report->title, MARGIN, y, width, 22,
                  PANGO_WEIGHT_SEMIBOLD, theme->text);
  if (report->workspace != NULL)
    y += 4 + draw_text (cr, theme, report->workspace, MARGIN, y + 4, width,
                        12, PANGO_WEIGHT_NORMAL, theme->text);
  if (report->period != NULL)
    y += 2 + draw_text (cr, theme, report->period, MARGIN, y + 2, width, 11,
                        PANGO_WEIGHT_NORMAL, theme->text_muted);
  if (report->filters != NULL)
    y += 2 + draw_text (cr, theme, report->filters, MARGIN, y + 2, width,
                        11, PANGO_WEIGHT_NORMAL, theme->text_muted);

  top = y + 20;
  tile_width = (width - GAP * (TILE_COLUMNS - 1)) / TILE_COLUMNS;
  tile_height = (PAGE_HEIGHT - MARGIN - top - GAP * (rows - 1)) / rows;
  for (guint i = 0; i < report->tiles->len; i++)
    draw_chart (cr, theme, g_ptr_array_index (report->tiles, i),
                MARGIN + (i % TILE_COLUMNS) * (tile_width + GAP),
                top + (i / TILE_COLUMNS) * (tile_height + GAP),
                tile_width, tile_height);
}

static void
draw_kpi_page (const ReportPage      *page,
               cairo_t               *cr,
               const SalesChartTheme *theme)
{
  double width = PAGE_WIDTH - 2 * MARGIN;
  double tile_width = 260, tile_height = 150;
  double x = MARGIN + tile_width + 24;
  double y = MARGIN + 8;
  double charts = MARGIN + tile_height + GAP;
  double trend_width = width * 0.6 - GAP / 2;

  draw_background (cr, theme);
  draw_chart (cr, theme, page->tile, MARGIN, MARGIN, tile_width,
              tile_height);

  for (guint i = 0; page->details != NULL && page->details[i] != NULL; i++)
    y += 6 + draw_text (cr, theme, page->details[i], x, y,
                        PAGE_WIDTH - MARGIN - x, i == 0 ? 11 : 9.5,
                        i == 0 ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL,
                        i == 0 ? theme->text : theme->text_muted);

  draw_chart (cr, theme, page->trend, MARGIN, charts, trend_width,
              PAGE_HEIGHT - MARGIN - charts - 10);
  draw_chart (cr, theme, page->breakdown, MARGIN + trend_width + GAP, charts,
              width - trend_width - GAP, PAGE_HEIGHT - MARGIN - charts - 10);
}

/**
 * sales_report_to_pdf:
 * @report: a report
 * @theme: the theme (light suits print)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL with
 *   %SALES_ERROR_FAILED when cairo could not write it
 */
GBytes *
sales_report_to_pdf (SalesReport           *report,
                     const SalesChartTheme *theme,
                     GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;
  cairo_t *cr;

  g_return_val_if_fail (report != NULL && theme != NULL, NULL);

  n_pages = sales_report_get_n_pages (report);
  surface = cairo_pdf_surface_create_for_stream (sales_chart_write_bytes,
                                                 bytes, PAGE_WIDTH,
                                                 PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  report->title);
  cr = cairo_create (surface);

  draw_cover (report, cr, theme);
  draw_page_number (cr, theme, 1, n_pages);
  for (guint i = 0; i < report->pages->len; i++)
    {
      cairo_show_page (cr);
      draw_kpi_page (&g_array_index (report->pages, ReportPage, i), cr,
                     theme);
      draw_page_number (cr, theme, i + 2, n_pages);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_FAILED,
                   _("The report could not be drawn: %s."),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * sales_report_write_pdf:
 * @report: a report
 * @theme: the theme
 * @path: the PDF file to write, replaced whole or not at all
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %SALES_ERROR_IO naming @path
 */
gboolean
sales_report_write_pdf (SalesReport           *report,
                        const SalesChartTheme *theme,
                        const char            *path,
                        GError               **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  pdf = sales_report_to_pdf (report, theme, error);
  if (pdf == NULL)
    return FALSE;

  bytes = g_bytes_unref_to_array (g_steal_pointer (&pdf));
  return sales_chart_save_bytes (bytes, path, error);
}
