/* sales-chart-export.c: charts as PNG, SVG and PDF files
 *
 * Every format draws through sales_chart_render(). The file is written
 * from memory in one step (g_file_set_contents), so a failed export never
 * leaves half a file behind and an existing file is only replaced whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sales-chart-export.h"
#include "sales-error.h"

/**
 * sales_chart_file_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE for .png, .svg and .pdf (in any case); %FALSE otherwise
 */
gboolean
sales_chart_file_format_from_path (const char           *path,
                                   SalesChartFileFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = SALES_CHART_FILE_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = SALES_CHART_FILE_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = SALES_CHART_FILE_PDF;
  else
    return FALSE;

  return TRUE;
}

/**
 * sales_chart_check_size:
 * @width: in user units
 * @height: in user units
 * @scale: the device-pixel ratio
 * @error: return location for a #GError
 *
 * Returns: %TRUE when an export of this size is allowed; otherwise
 *   %SALES_ERROR_LIMIT saying which bound was crossed
 */
gboolean
sales_chart_check_size (double   width,
                        double   height,
                        double   scale,
                        GError **error)
{
  if (!(scale > 0) || scale > SALES_CHART_MAX_SCALE)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_LIMIT,
                   _("The scale %g is out of range; use a scale above 0 and "
                     "at most %d."), scale, SALES_CHART_MAX_SCALE);
      return FALSE;
    }

  if (!(width >= SALES_CHART_MIN_SIDE && height >= SALES_CHART_MIN_SIDE) ||
      width * scale > SALES_CHART_MAX_SIDE ||
      height * scale > SALES_CHART_MAX_SIDE)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_LIMIT,
                   _("A chart of %g × %g at scale %g is out of range; each "
                     "side must be at least %d and, times the scale, at "
                     "most %d pixels."), width, height, scale,
                   SALES_CHART_MIN_SIDE, SALES_CHART_MAX_SIDE);
      return FALSE;
    }

  return TRUE;
}

cairo_status_t
sales_chart_write_bytes (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (SalesChartFileFormat  format,
                GByteArray           *bytes,
                double                width,
                double                height,
                double                scale)
{
  switch (format)
    {
    case SALES_CHART_FILE_SVG:
      return cairo_svg_surface_create_for_stream (sales_chart_write_bytes,
                                                  bytes, width, height);
    case SALES_CHART_FILE_PDF:
      return cairo_pdf_surface_create_for_stream (sales_chart_write_bytes,
                                                  bytes, width, height);
    case SALES_CHART_FILE_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                         (int)ceil (width * scale),
                                         (int)ceil (height * scale));
    }
}

static gboolean
surface_failed (cairo_surface_t  *surface,
                GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_FAILED,
               _("The chart could not be drawn: %s."),
               cairo_status_to_string (status));
  return TRUE;
}

/**
 * sales_chart_export_bytes:
 * @chart: a chart
 * @theme: the theme to draw with
 * @format: PNG, SVG or PDF
 * @width: the width in pixels (PNG) or points (SVG, PDF)
 * @height: the height likewise
 * @scale: the device-pixel ratio of a PNG (its pixels are @width × @scale
 *   by @height × @scale); vector formats ignore it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file's contents, or %NULL with
 *   %SALES_ERROR_LIMIT for a size out of range
 */
GBytes *
sales_chart_export_bytes (SalesChart            *chart,
                          const SalesChartTheme *theme,
                          SalesChartFileFormat   format,
                          double                 width,
                          double                 height,
                          double                 scale,
                          GError               **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GBytes) png = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean failed;

  g_return_val_if_fail (SALES_IS_CHART (chart), NULL);
  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sales_chart_check_size (width, height, scale, error))
    return NULL;

  bytes = g_byte_array_new ();
  if (format != SALES_CHART_FILE_PNG)
    scale = 1;
  surface = create_surface (format, bytes, width, height, scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  sales_chart_render (chart, theme, cr, width, height, scale);
  cairo_destroy (cr);

  failed = surface_failed (surface, error);
  if (format == SALES_CHART_FILE_PNG && !failed)
    png = sales_chart_encode_png (surface, error);
  cairo_surface_finish (surface);
  failed = failed || surface_failed (surface, error);
  cairo_surface_destroy (surface);

  if (failed || (format == SALES_CHART_FILE_PNG && png == NULL))
    return NULL;
  if (png != NULL)
    return g_steal_pointer (&png);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * sales_chart_save_bytes:
 * @bytes: a whole file
 * @path: where to write it
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %SALES_ERROR_IO naming @path
 */
gboolean
sales_chart_save_bytes (GByteArray  *bytes,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (g_file_set_contents (path, (const char *)bytes->data, bytes->len,
                           &local))
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_IO,
               _("%s could not be written: %s. Check that the folder exists "
                 "and is writable."), path, local->message);
  return FALSE;
}

/**
 * sales_chart_export:
 * @chart: a chart
 * @theme: the theme to draw with
 * @path: the file to write; .png, .svg or .pdf picks the format
 * @width: as for sales_chart_export_bytes()
 * @height: likewise
 * @scale: likewise
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %SALES_ERROR_INVALID for an unknown
 *   extension, %SALES_ERROR_LIMIT for a size out of range, or
 *   %SALES_ERROR_IO when @path cannot be written (nothing is left behind)
 */
gboolean
sales_chart_export (SalesChart            *chart,
                    const SalesChartTheme *theme,
                    const char            *path,
                    double                 width,
                    double                 height,
                    double                 scale,
                    GError               **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  SalesChartFileFormat format;

  g_return_val_if_fail (SALES_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sales_chart_file_format_from_path (path, &format))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("%s: charts export as .png, .svg or .pdf; choose one "
                     "of these extensions."), path);
      return FALSE;
    }

  contents = sales_chart_export_bytes (chart, theme, format, width, height,
                                       scale, error);
  if (contents == NULL)
    return FALSE;

  bytes = g_bytes_unref_to_array (g_steal_pointer (&contents));
  return sales_chart_save_bytes (bytes, path, error);
}
