/* test-chart-export.c: PNG, SVG and PDF files of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <locale.h>

#include "chart-fixtures.h"
#include "sales-chart-export.h"
#include "sales-error.h"
#include "salesops-test.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sales_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sales_test_remove_tree (f->dir);
  g_free (f->dir);
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 |
         p[3];
}

/**
 * Asserts @path is a PNG of @width × @height pixels (from its IHDR).
 */
static void
assert_png_size (const char *path,
                 guint32     width,
                 guint32     height)
{
  g_autoptr(GBytes) bytes = sales_test_read_bytes (path);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 (data + 16), ==, width);
  g_assert_cmpuint (read_be32 (data + 20), ==, height);
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* The PNG encoder round-trips every pixel, translucent ones included. */
static void
test_png_encoder (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         37, 23);
  cairo_surface_t *decoded;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  cairo_t *cr = cairo_create (surface);
  Reader reader;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0.45, 0.7, 0.5);
  cairo_arc (cr, 18, 11, 9, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_rectangle (cr, 0, 0, 5, 5);
  cairo_fill (cr);
  cairo_destroy (cr);

  png = sales_chart_encode_png (surface, &error);
  g_assert_no_error (error);
  reader.data = g_bytes_get_data (png, &reader.left);
  decoded = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, 37);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, 23);

  for (int y = 0; y < 23; y++)
    for (int x = 0; x < 37; x++)
      {
        guint32 a = ((guint32 *)(cairo_image_surface_get_data (surface) +
                                 y * cairo_image_surface_get_stride (
                                   surface)))[x];
        guint32 b = ((guint32 *)(cairo_image_surface_get_data (decoded) +
                                 y * cairo_image_surface_get_stride (
                                   decoded)))[x];

        for (int shift = 0; shift < 32; shift += 8)
          g_assert_cmpint (ABS ((int)(a >> shift & 0xff) -
                                (int)(b >> shift & 0xff)), <=, 1);
      }

  cairo_surface_destroy (decoded);
  cairo_surface_destroy (surface);
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(SalesChart) chart = chart_fixture_build ("line");
  g_autofree char *one = g_build_filename (f->dir, "one.png", NULL);
  g_autofree char *two = g_build_filename (f->dir, "two.PNG", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_chart_export (chart, sales_chart_theme_light (), one,
                                     800, 450, 1, &error));
  g_assert_no_error (error);
  assert_png_size (one, 800, 450);

  g_assert_true (sales_chart_export (chart, sales_chart_theme_dark (), two,
                                     800, 450, 2, &error));
  g_assert_no_error (error);
  assert_png_size (two, 1600, 900);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(SalesChart) chart = chart_fixture_build ("hbar");
  g_autofree char *path = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlChar *width;

  g_assert_true (sales_chart_export (chart, sales_chart_theme_light (), path,
                                     900, 500, 1, &error));
  g_assert_no_error (error);

  text = read_text (path);
  doc = xmlReadMemory (text, strlen (text), path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *)root->name, ==, "svg");
  width = xmlGetProp (root, (const xmlChar *)"width");
  g_assert_cmpstr ((const char *)width, ==, "900pt");
  g_assert_nonnull (root->children);
  xmlFree (width);
  xmlFreeDoc (doc);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(SalesChart) chart = chart_fixture_build ("line");
  g_autofree char *path = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_chart_export (chart, sales_chart_theme_light (), path,
                                     1200, 675, 1, &error));
  g_assert_no_error (error);
  head = read_text (path);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  info = chart_test_run_tool ("pdfinfo", path);
  if (info == NULL)
    {
      g_test_skip ("poppler's pdfinfo is not installed");
      return;
    }
  g_assert_cmpint (chart_test_pdf_pages (info), ==, 1);
  g_assert_nonnull (strstr (info, "1200 x 675 pts"));

  /* Vector text: the words are in the file, not only their pixels. */
  text = chart_test_run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Win rate by month"));
  g_assert_nonnull (strstr (text, "48.7%"));
  g_assert_nonnull (strstr (text, "Data as of"));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SalesChart) chart = chart_fixture_build ("bar");
  const SalesChartTheme *theme = sales_chart_theme_light ();
  g_autofree char *txt = g_build_filename (f->dir, "chart.txt", NULL);
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such",
                                               "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sales_chart_export (chart, theme, txt, 800, 450, 1,
                                      &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, txt));
  g_clear_error (&error);

  g_assert_false (sales_chart_export (chart, theme, png, 12000, 450, 2,
                                      &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_LIMIT);
  g_clear_error (&error);
  g_assert_false (sales_chart_export (chart, theme, png, 800, 450, 0,
                                      &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_LIMIT);
  g_clear_error (&error);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_false (sales_chart_export (chart, theme, missing, 800, 450, 1,
                                      &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/export/png-encoder", test_png_encoder);
  g_test_add ("/chart/export/png", Fixture, NULL, fixture_set_up, test_png,
              fixture_tear_down);
  g_test_add ("/chart/export/svg", Fixture, NULL, fixture_set_up, test_svg,
              fixture_tear_down);
  g_test_add ("/chart/export/pdf", Fixture, NULL, fixture_set_up, test_pdf,
              fixture_tear_down);
  g_test_add ("/chart/export/errors", Fixture, NULL, fixture_set_up,
              test_errors, fixture_tear_down);
  return g_test_run ();
}
