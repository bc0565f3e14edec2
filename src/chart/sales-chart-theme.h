/* sales-chart-theme.h: colours and type for charts, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} SalesRgb;

#define SALES_CHART_PALETTE_SIZE 8

typedef struct
{
  const char *name;               /* "light" or "dark" */
  const char *font_family;        /* a Pango family list */
  SalesRgb    background;
  SalesRgb    text;               /* titles, values: >= 4.5:1 */
  SalesRgb    text_muted;         /* axes, subtitles, footers: >= 4.5:1 */
  SalesRgb    grid;               /* hairlines behind the data */
  SalesRgb    axis;               /* the baseline */
  SalesRgb    track;              /* empty part of tiles and donuts */
  SalesRgb    good;               /* a change for the better: >= 4.5:1 */
  SalesRgb    bad;                /* a change for the worse: >= 4.5:1 */
  SalesRgb    palette[SALES_CHART_PALETTE_SIZE]; /* colour-blind safe */
} SalesChartTheme;

const SalesChartTheme *sales_chart_theme_light   (void);
const SalesChartTheme *sales_chart_theme_dark    (void);
const SalesChartTheme *sales_chart_theme_lookup  (const char     *name);

SalesRgb sales_chart_theme_series_colour (const SalesChartTheme *theme,
                                          guint                  index);
SalesRgb sales_rgb_mix                   (SalesRgb               a,
                                          SalesRgb               b,
                                          double                 t);
double   sales_rgb_contrast              (SalesRgb               a,
                                          SalesRgb               b);

G_END_DECLS
