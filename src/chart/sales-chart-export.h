/* sales-chart-export.h: charts as PNG, SVG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sales-chart.h"

G_BEGIN_DECLS

/* The largest PNG side in device pixels (width or height times scale).
 * 16384 is the most cairo's image surfaces and most viewers accept; past
 * it an export fails with SALES_ERROR_LIMIT instead of allocating
 * gigabytes. Vector sizes are bounded the same way.
 */
#define SALES_CHART_MAX_SIDE 16384

/* The smallest chart side in user units that still leaves room for text. */
#define SALES_CHART_MIN_SIDE 16

/* The largest device-pixel ratio an export accepts. */
#define SALES_CHART_MAX_SCALE 8

typedef enum
{
  SALES_CHART_FILE_PNG,
  SALES_CHART_FILE_SVG,
  SALES_CHART_FILE_PDF,
} SalesChartFileFormat;

gboolean  sales_chart_file_format_from_path (const char            *path,
                                             SalesChartFileFormat  *format);
gboolean  sales_chart_check_size            (double                 width,
                                             double                 height,
                                             double                 scale,
                                             GError               **error);
GBytes   *sales_chart_export_bytes          (SalesChart            *chart,
                                             const SalesChartTheme *theme,
                                             SalesChartFileFormat   format,
                                             double                 width,
                                             double                 height,
                                             double                 scale,
                                             GError               **error);
gboolean  sales_chart_export                (SalesChart            *chart,
                                             const SalesChartTheme *theme,
                                             const char            *path,
                                             double                 width,
                                             double                 height,
                                             double                 scale,
                                             GError               **error);

GBytes   *sales_chart_encode_png            (cairo_surface_t       *surface,
                                             GError               **error);

/* For sales-report.c: streams a cairo surface into memory. */
cairo_status_t sales_chart_write_bytes      (void                  *closure,
                                             const unsigned char   *data,
                                             unsigned int           length);
gboolean  sales_chart_save_bytes            (GByteArray            *bytes,
                                             const char            *path,
                                             GError               **error);

G_END_DECLS
