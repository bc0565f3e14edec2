/* test-chart-theme.c: contrast and palette of both themes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-chart-theme.h"

static void
test_contrast_formula (void)
{
  SalesRgb black = { 0, 0, 0 };
  SalesRgb white = { 1, 1, 1 };

  g_assert_cmpfloat_with_epsilon (sales_rgb_contrast (black, white), 21,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (sales_rgb_contrast (white, white), 1,
                                  1e-9);
}

static void
assert_theme (const SalesChartTheme *theme)
{
  const SalesRgb text[] = { theme->text, theme->text_muted, theme->good,
                            theme->bad };

  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    g_assert_cmpfloat (sales_rgb_contrast (text[i], theme->background), >=,
                       4.5);

  /* Gridlines stay quiet, below any text. */
  g_assert_cmpfloat (sales_rgb_contrast (theme->grid, theme->background), <,
                     1.5);

  /* The first series colours stand out from the page as graphics do. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (sales_rgb_contrast (theme->palette[i],
                                           theme->background), >=, 2.2);

  for (guint i = 0; i < SALES_CHART_PALETTE_SIZE; i++)
    for (guint j = i + 1; j < SALES_CHART_PALETTE_SIZE; j++)
      g_assert_false (theme->palette[i].red == theme->palette[j].red &&
                      theme->palette[i].green == theme->palette[j].green &&
                      theme->palette[i].blue == theme->palette[j].blue);
}

static void
test_themes (void)
{
  assert_theme (sales_chart_theme_light ());
  assert_theme (sales_chart_theme_dark ());
  g_assert_true (sales_chart_theme_lookup ("dark") ==
                 sales_chart_theme_dark ());
  g_assert_null (sales_chart_theme_lookup ("sepia"));
  g_assert_nonnull (strstr (sales_chart_theme_light ()->font_family,
                            "DejaVu Sans"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/theme/contrast-formula", test_contrast_formula);
  g_test_add_func ("/chart/theme/themes", test_themes);
  return g_test_run ();
}
