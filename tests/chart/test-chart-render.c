/* test-chart-render.c: every chart kind drawn on fixed data
 *
 * Each fixture is drawn to an image surface and checked for structure
 * (size, ink inside the plot, the empty state when there is no data), then
 * compared with a reference PNG in tests/data/chart/ with a per-pixel
 * tolerance: font rasterisation differs a little between machines, so a
 * small share of pixels may differ. After an intended change of the
 * drawing, regenerate the references with
 *
 *   SALESOPS_UPDATE_REFERENCES=1 meson test -C _build chart-render
 *
 * and look at them before committing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdlib.h>

#include "chart-fixtures.h"
#include "salesops-test.h"

#define WIDTH 640
#define HEIGHT 360

/* A channel may differ by this much before a pixel counts as different. */
#define CHANNEL_TOLERANCE 40
/* At most this share of pixels may differ from the reference. */
#define PIXEL_SHARE_TOLERANCE 0.01

typedef struct
{
  guint8 *data;
  int     stride;
  int     width;
  int     height;
} Pixels;

static void
size_of (SalesChart *chart,
         double     *width,
         double     *height)
{
  switch (sales_chart_get_kind (chart))
    {
    case SALES_CHART_TILE:
      *width = 300, *height = 180;
      break;
    case SALES_CHART_SPARKLINE:
      *width = 240, *height = 60;
      break;
    default:
      *width = WIDTH, *height = HEIGHT;
    }
}

static cairo_surface_t *
draw (SalesChart            *chart,
      const SalesChartTheme *theme,
      double                 scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  size_of (chart, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int)(width * scale),
                                        (int)(height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  sales_chart_render (chart, theme, cr, width, height, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Pixels
pixels_of (cairo_surface_t *surface)
{
  Pixels p = {
    cairo_image_surface_get_data (surface),
    cairo_image_surface_get_stride (surface),
    cairo_image_surface_get_width (surface),
    cairo_image_surface_get_height (surface),
  };

  return p;
}

static guint32
pixel (const Pixels *p,
       int           x,
       int           y)
{
  return *(guint32 *)(p->data + y * p->stride + x * 4) & 0xffffff;
}

static guint32
rgb_of (SalesRgb c)
{
  return (guint32)(c.red * 255 + 0.5) << 16 |
         (guint32)(c.green * 255 + 0.5) << 8 |
         (guint32)(c.blue * 255 + 0.5);
}

static gboolean
close_to (guint32 a,
          guint32 b,
          int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int)(a >> shift & 0xff) - (int)(b >> shift & 0xff)) >
        tolerance)
      return FALSE;
  return TRUE;
}

/* Pixels of @colour inside the middle of the image, where plots are. */
static guint
count_colour (const Pixels *p,
              guint32       colour)
{
  guint n = 0;

  for (int y = p->height / 5; y < p->height * 4 / 5; y++)
    for (int x = p->width / 10; x < p->width * 9 / 10; x++)
      n += close_to (pixel (p, x, y), colour, 12);
  return n;
}

static guint
count_ink (const Pixels *p,
           guint32       background)
{
  guint n = 0;

  for (int y = p->height / 5; y < p->height * 4 / 5; y++)
    for (int x = p->width / 10; x < p->width * 9 / 10; x++)
      n += !close_to (pixel (p, x, y), background, 8);
  return n;
}

static void
compare_with_reference (cairo_surface_t *surface,
                        const char      *name)
{
  g_autofree char *file = g_strdup_printf ("chart/%s.png", name);
  g_autofree char *path = sales_test_data_path (file);
  cairo_surface_t *reference;
  Pixels got = pixels_of (surface);
  Pixels want;
  guint differ = 0;

  if (g_getenv ("SALESOPS_UPDATE_REFERENCES") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==,
                       CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      return;
    }

  reference = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (reference), ==,
                   CAIRO_STATUS_SUCCESS);
  want = pixels_of (reference);
  g_assert_cmpint (want.width, ==, got.width);
  g_assert_cmpint (want.height, ==, got.height);

  for (int y = 0; y < got.height; y++)
    for (int x = 0; x < got.width; x++)
      differ += !close_to (pixel (&got, x, y), pixel (&want, x, y),
                           CHANNEL_TOLERANCE);

  g_test_message ("%s: %u of %d pixels differ", name, differ,
                  got.width * got.height);
  g_assert_cmpfloat ((double)differ / (got.width * got.height), <=,
                     PIXEL_SHARE_TOLERANCE);
  cairo_surface_destroy (reference);
}

static void
test_fixture (gconstpointer data)
{
  const ChartFixture *fixture = data;
  g_autoptr(SalesChart) chart = fixture->build ();
  const SalesChartTheme *theme = sales_chart_theme_light ();
  cairo_surface_t *surface = draw (chart, theme, 1);
  Pixels p = pixels_of (surface);
  guint32 primary = rgb_of (theme->palette[0]);
  double width, height;

  size_of (chart, &width, &height);
  g_assert_cmpint (p.width, ==, (int)width);
  g_assert_cmpint (p.height, ==, (int)height);
  g_assert_cmpuint (pixel (&p, 2, 2), ==, rgb_of (theme->background));

  if (sales_chart_is_empty (chart))
    {
      /* The empty state: a quiet panel and its message, no data ink. */
      g_assert_cmpuint (pixel (&p, p.width / 4, p.height / 2), ==,
                        rgb_of (theme->track));
      g_assert_cmpuint (count_colour (&p, primary), ==, 0);
      g_assert_cmpuint (count_colour (&p, rgb_of (theme->text)), >, 20);
    }
  else
    {
      g_assert_cmpuint (count_ink (&p, rgb_of (theme->background)), >,
                        (guint)(p.width * p.height / 100));
      g_assert_cmpuint (count_colour (&p, primary), >, 20);
    }

  compare_with_reference (surface, fixture->name);
  cairo_surface_destroy (surface);
}

static void
test_dark_and_scale (void)
{
  g_autoptr(SalesChart) chart = chart_fixture_build ("bar");
  const SalesChartTheme *dark = sales_chart_theme_dark ();
  cairo_surface_t *one = draw (chart, dark, 1);
  cairo_surface_t *two = draw (chart, dark, 2);
  Pixels p1 = pixels_of (one);
  Pixels p2 = pixels_of (two);

  g_assert_cmpuint (pixel (&p1, 2, 2), ==, rgb_of (dark->background));
  g_assert_cmpint (p2.width, ==, 2 * p1.width);
  g_assert_cmpint (p2.height, ==, 2 * p1.height);
  g_assert_cmpuint (count_colour (&p1, rgb_of (dark->palette[0])), >, 100);

  /* Scale 2 draws the same chart: a bar pixel at scale 1 is a bar pixel
   * at the matching place at scale 2.
   */
  for (int y = p1.height / 3; y < p1.height * 2 / 3; y += 7)
    for (int x = 0; x < p1.width; x += 7)
      if (pixel (&p1, x, y) == rgb_of (dark->palette[0]) &&
          pixel (&p1, x + 1, y) == rgb_of (dark->palette[0]) &&
          pixel (&p1, x, y + 1) == rgb_of (dark->palette[0]))
        g_assert_true (close_to (pixel (&p2, 2 * x + 1, 2 * y + 1),
                                 rgb_of (dark->palette[0]), 12));

  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
}

/* The first point (x, y) of @colour scanning right to left, or FALSE. */
static gboolean
find_rightmost (const Pixels *p,
                int           right,
                guint32       colour,
                int          *fx,
                int          *fy)
{
  for (int x = right - 1; x >= 0; x--)
    for (int y = 0; y < p->height; y++)
      if (pixel (p, x, y) == colour)
        {
          *fx = x, *fy = y;
          return TRUE;
        }
  return FALSE;
}

static void
assert_hit (const char *name,
            double      right,
            guint       palette_index,
            int         series,
            int         index,
            const char *tooltip)
{
  g_autoptr(SalesChart) chart = chart_fixture_build (name);
  const SalesChartTheme *theme = sales_chart_theme_light ();
  cairo_surface_t *surface = draw (chart, theme, 1);
  Pixels p = pixels_of (surface);
  SalesChartHit hit;
  double width, height;
  int x = 0, y = 0;

  size_of (chart, &width, &height);
  g_test_message ("hit-testing %s", name);
  g_assert_true (find_rightmost (&p, (int)(p.width * right),
                                 rgb_of (theme->palette[palette_index]),
                                 &x, &y));
  g_assert_true (sales_chart_hit_test (chart, theme, width, height, x - 1,
                                       y + 1, &hit));
  g_assert_cmpint (hit.series, ==, series);
  g_assert_cmpint (hit.index, ==, index);
  g_assert_cmpstr (hit.tooltip, ==, tooltip);
  sales_chart_hit_clear (&hit);
  g_assert_null (hit.tooltip);

  /* The margin holds nothing. */
  g_assert_false (sales_chart_hit_test (chart, theme, width, height, 1, 1,
                                        &hit));
  g_assert_cmpint (hit.series, ==, -1);
  g_assert_null (hit.tooltip);
  cairo_surface_destroy (surface);
}

static void
test_hit (void)
{
  g_autoptr(SalesChart) empty = chart_fixture_build ("empty");
  SalesChartHit hit;

  assert_hit ("line", 1, 0, 1, 11, "Dec 2025\nJan – Dec 2025: 48.7%");
  assert_hit ("bar", 1, 0, 0, 5, "Jun\n2025: €249,800");
  assert_hit ("hbar", 1, 0, 0, 0, "Farid Haddad\nCAC: £2,780");
  assert_hit ("donut", 0.3, 1, 0, 1, "Web\nRevenue: $298,500");
  assert_hit ("stacked", 1, 2, 2, 5, "Dec 2025\nOther: $7,300");
  assert_hit ("funnel", 1, 0, 0, 0, "Leads\nCount: 1,240");

  for (int x = 0; x < WIDTH; x += 20)
    for (int y = 0; y < HEIGHT; y += 20)
      g_assert_false (sales_chart_hit_test (empty, sales_chart_theme_light (),
                                            WIDTH, HEIGHT, x, y, &hit));
}

int
main (int    argc,
      char **argv)
{
  const ChartFixture *fixtures;
  guint n;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  fixtures = chart_fixtures_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/render/%s",
                                               fixtures[i].name);

      g_test_add_data_func (path, &fixtures[i], test_fixture);
    }
  g_test_add_func ("/chart/render/dark-and-scale", test_dark_and_scale);
  g_test_add_func ("/chart/render/hit", test_hit);
  return g_test_run ();
}
