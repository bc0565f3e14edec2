/* sales-chart-theme.c: colours and type for charts, light and dark
 *
 * Series colours follow Okabe and Ito's palette, which stays distinct
 * under the common colour-vision deficiencies; it is reordered per theme so
 * the first colours have the most contrast with the background. Text
 * colours, including the good/bad change colours, keep a WCAG contrast of
 * at least 4.5:1 (tests/chart/test-chart-theme.c checks it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sales-chart-theme.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0 }

/* Cantarell is GNOME's face; DejaVu Sans is on every Debian machine. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

static const SalesChartTheme light = {
  .name = "light",
  .font_family = FONT_FAMILY,
  .background = RGB (0xffffff),
  .text = RGB (0x1f2328),
  .text_muted = RGB (0x57606a),
  .grid = RGB (0xe8ebee),
  .axis = RGB (0xaeb6bf),
  .track = RGB (0xeef1f4),
  .good = RGB (0x00795a),
  .bad = RGB (0xb34700),
  .palette = {
    RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xcc79a7),
    RGB (0x56b4e9), RGB (0xd55e00), RGB (0xf0e442), RGB (0x6e7781),
  },
};

static const SalesChartTheme dark = {
  .name = "dark",
  .font_family = FONT_FAMILY,
  .background = RGB (0x1c1f24),
  .text = RGB (0xe8eaed),
  .text_muted = RGB (0xa8b0b8),
  .grid = RGB (0x2e333a),
  .axis = RGB (0x59616b),
  .track = RGB (0x2a2f36),
  .good = RGB (0x4fd1a5),
  .bad = RGB (0xff9466),
  .palette = {
    RGB (0x56b4e9), RGB (0xe69f00), RGB (0x2bc39a), RGB (0xcc79a7),
    RGB (0xf0e442), RGB (0xf07a3a), RGB (0x9aa4ae), RGB (0x0072b2),
  },
};

/**
 * sales_chart_theme_light:
 *
 * Returns: (transfer none): the light theme, for print and light windows
 */
const SalesChartTheme *
sales_chart_theme_light (void)
{
  return &light;
}

/**
 * sales_chart_theme_dark:
 *
 * Returns: (transfer none): the dark theme
 */
const SalesChartTheme *
sales_chart_theme_dark (void)
{
  return &dark;
}

/**
 * sales_chart_theme_lookup:
 * @name: "light" or "dark"
 *
 * Returns: (transfer none) (nullable): the theme, or %NULL for another name
 */
const SalesChartTheme *
sales_chart_theme_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (strcmp (name, "light") == 0)
    return &light;
  if (strcmp (name, "dark") == 0)
    return &dark;
  return NULL;
}

/**
 * sales_chart_theme_series_colour:
 * @theme: a theme
 * @index: the series or slice number
 *
 * Returns: the colour of series @index, repeating after the palette
 */
SalesRgb
sales_chart_theme_series_colour (const SalesChartTheme *theme,
                                 guint                  index)
{
  SalesRgb none = { 0, 0, 0 };

  g_return_val_if_fail (theme != NULL, none);

  return theme->palette[index % SALES_CHART_PALETTE_SIZE];
}

/**
 * sales_rgb_mix:
 * @a: a colour
 * @b: another
 * @t: 0 for @a, 1 for @b
 *
 * Returns: the blend of @a and @b, such as a lighter tint of a series
 *   colour (mixed with the background)
 */
SalesRgb
sales_rgb_mix (SalesRgb a,
               SalesRgb b,
               double   t)
{
  SalesRgb mix = {
    a.red + (b.red - a.red) * t,
    a.green + (b.green - a.green) * t,
    a.blue + (b.blue - a.blue) * t,
  };

  return mix;
}

static double
linear (double channel)
{
  return channel <= 0.03928 ? channel / 12.92
                            : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
luminance (SalesRgb c)
{
  return 0.2126 * linear (c.red) + 0.7152 * linear (c.green) +
         0.0722 * linear (c.blue);
}

/**
 * sales_rgb_contrast:
 * @a: a colour
 * @b: another
 *
 * Returns: the WCAG 2 contrast ratio of @a and @b, from 1 to 21
 */
double
sales_rgb_contrast (SalesRgb a,
                    SalesRgb b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
