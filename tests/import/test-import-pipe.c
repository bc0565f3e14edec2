/* test-import-pipe.c: rows read and converted on the pipe's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sales-column-evidence.h"
#include "sales-error.h"
#include "sales-import-pipe.h"
#include "sales-limits.h"
#include "salesops-test.h"

#define N_COLUMNS 4

typedef struct
{
  char                 *dir;
  char                 *path;
  SalesReader          *reader;
  SalesMapping         *mapping;
  SalesImportConverter *converter;
  SalesColumnFormat     formats[N_COLUMNS];
  SalesColumnEvidence   evidence[N_COLUMNS];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *headers[N_COLUMNS] = { "Opportunity ID", "Amount",
                                     "Close Date", "Note" };

  f->dir = sales_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "deals.csv", NULL);
  f->mapping = sales_mapping_new ("opportunities", headers, N_COLUMNS);
  g_assert_true (sales_mapping_set_field (f->mapping, 0, "external_id",
                                          NULL));
  g_assert_true (sales_mapping_set_field (f->mapping, 1, "amount", NULL));
  g_assert_true (sales_mapping_set_field (f->mapping, 2, "closed_at", NULL));
  f->converter = _sales_import_converter_new (f->mapping, NULL);
  g_assert_nonnull (f->converter);
  for (guint i = 0; i < N_COLUMNS; i++)
    f->formats[i] = (SalesColumnFormat) { SALES_DATE_ORDER_NONE,
                                          SALES_DECIMAL_POINT };
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    sales_column_evidence_clear (&f->evidence[i]);
  g_clear_object (&f->reader);
  _sales_import_converter_free (f->converter);
  sales_mapping_free (f->mapping);
  sales_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
open_reader (Fixture    *f,
             const char *text)
{
  g_autoptr(GError) error = NULL;

  sales_test_write_file (f->path, text, -1);
  f->reader = sales_reader_open (f->path, NULL, NULL, &error);
  g_assert_no_error (error);
}

static SalesImportPipe *
new_pipe (Fixture *f)
{
  return _sales_import_pipe_new (f->reader, 1, f->converter, f->formats,
                                 f->evidence);
}

/* The index of @field among the values a row carries. */
static guint
value_index (Fixture    *f,
             const char *field)
{
  guint n = _sales_import_converter_get_n_written (f->converter);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (_sales_import_converter_get_field (f->converter,
                                                        i)->name, field))
      return i;

  g_assert_not_reached ();
}

/* Several batches of rows arrive whole, in order, with their lines,
 * values and extra; blank rows are passed over and a bad value rejects
 * its row with the column and the reason.
 */
static void
test_rows_in_order (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("Opportunity ID,Amount,"
                                         "Close Date,Note\n");
  g_autoptr(SalesImportPipe) pipe = NULL;
  g_autoptr(GError) error = NULL;
  guint id = value_index (f, "external_id");
  guint amount = value_index (f, "amount");
  guint closed = value_index (f, "closed_at");
  const SalesPreparedRow *row;
  guint n = 0;

  for (guint i = 0; i < 3000; i++)
    {
      if (i == 1234)
        g_string_append (csv, ",,,\n");
      if (i == 2000)
        g_string_append (csv, "D2000,lots,2025-01-01,\n");
      else
        g_string_append_printf (csv, "D%u,%u.50,2025-03-%02u,%s\n", i, i,
                                i % 28 + 1, i % 2 ? "note" : "");
    }
  open_reader (f, csv->str);
  pipe = new_pipe (f);

  while ((row = _sales_import_pipe_next (pipe, &error)) != NULL)
    {
      g_autofree char *ext = g_strdup_printf ("D%u", n);
      g_autofree char *day = g_strdup_printf ("2025-03-%02u", n % 28 + 1);

      g_assert_cmpuint (row->row.line, ==, n + 2 + (n >= 1234));
      g_assert_cmpstr (row->row.cells[0], ==, ext);
      if (n == 2000)
        {
          g_assert_cmpint (row->bad_column, ==, 1);
          g_assert_nonnull (row->reason);
          g_assert_cmpstr (row->row.cells[1], ==, "lots");
          n++;
          continue;
        }

      g_assert_null (row->reason);
      g_assert_cmpstr (row->values[id].text, ==, ext);
      g_assert_cmpuint (row->lengths[id], ==, strlen (ext));
      g_assert_cmpint (row->values[amount].i, ==, n * 100 + 50);
      g_assert_cmpstr (row->values[closed].text, ==, day);
      g_assert_cmpuint (row->lengths[closed], ==, 10);
      if (n % 2)
        g_assert_cmpstr (row->extra, ==, "{\"Note\":\"note\"}");
      else
        g_assert_null (row->extra);
      n++;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3000);
  g_assert_cmpuint (_sales_import_pipe_get_position (pipe), ==,
                    sales_reader_get_size (f->reader));
}

/* The reader's error comes after the rows before it. */
static void
test_reader_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("Opportunity ID,Amount,"
                                         "Close Date,Note\n");
  g_autoptr(SalesImportPipe) pipe = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (csv, "D%u,1,2025-01-01,\n", i);
  for (guint i = 0; i <= SALES_MAX_ROW_CELLS; i++)
    g_string_append_c (csv, ',');
  g_string_append (csv, "\nD9,1,2025-01-01,\n");
  open_reader (f, csv->str);
  pipe = new_pipe (f);

  while (_sales_import_pipe_next (pipe, &error) != NULL)
    n++;

  g_assert_cmpuint (n, ==, 1500);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_LIMIT);
  g_assert_null (_sales_import_pipe_next (pipe, NULL));
}

/* A caller that stops early gets its thread back at once, whether the
 * thread is still reading or waiting for room.
 */
static void
test_stop_early (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("Opportunity ID,Amount,"
                                         "Close Date,Note\n");

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (csv, "D%u,1,2025-01-01,x\n", i);
  open_reader (f, csv->str);

  for (guint taken = 0; taken < 3000; taken += 1000)
    {
      g_autoptr(SalesImportPipe) pipe = NULL;

      g_assert_true (sales_reader_rewind (f->reader, NULL));
      pipe = new_pipe (f);
      for (guint i = 0; i < taken; i++)
        g_assert_nonnull (_sales_import_pipe_next (pipe, NULL));
      if (taken == 2000)
        g_usleep (G_USEC_PER_SEC / 10);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-pipe/rows-in-order", Fixture, NULL, fixture_set_up,
              test_rows_in_order, fixture_tear_down);
  g_test_add ("/import-pipe/reader-error", Fixture, NULL, fixture_set_up,
              test_reader_error, fixture_tear_down);
  g_test_add ("/import-pipe/stop-early", Fixture, NULL, fixture_set_up,
              test_stop_early, fixture_tear_down);

  return g_test_run ();
}
