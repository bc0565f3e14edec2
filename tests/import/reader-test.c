/* reader-test.c: helpers the reader tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>

#include "reader-test.h"
#include "salesops-test.h"

static void
test_row_free (gpointer data)
{
  TestRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

GPtrArray *
reader_test_drain (SalesReader  *reader,
                   GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (test_row_free);
  SalesRow *row;

  while (sales_reader_next_row (reader, &row, error))
    {
      TestRow *copy = g_new0 (TestRow, 1);

      copy->line = row->line;
      copy->cells = g_new0 (char *, row->n_cells + 1);
      for (guint i = 0; i < row->n_cells; i++)
        {
          g_assert_nonnull (row->cells[i]);
          g_assert_true (g_utf8_validate (row->cells[i], -1, NULL));
          copy->cells[i] = g_strdup (row->cells[i]);
        }
      g_ptr_array_add (rows, copy);
    }

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
reader_test_read_all (const char  *path,
                      const char  *sheet,
                      GError     **error)
{
  g_autoptr(SalesReader) reader = sales_reader_open (path, sheet, NULL, error);

  if (reader == NULL)
    return NULL;
  return reader_test_drain (reader, error);
}

char *
reader_test_write (const char *dir,
                   const char *name,
                   const char *contents,
                   gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  sales_test_write_file (path, contents, length);
  return path;
}

void
reader_test_assert_row (GPtrArray *rows,
                        guint      index,
                        guint64    line,
                        ...)
{
  TestRow *row;
  va_list args;
  guint i = 0;

  g_assert_cmpuint (index, <, rows->len);
  row = g_ptr_array_index (rows, index);
  g_assert_cmpuint (row->line, ==, line);

  va_start (args, line);
  for (const char *cell = va_arg (args, const char *); cell != NULL;
       cell = va_arg (args, const char *), i++)
    {
      g_assert_cmpuint (i, <, g_strv_length (row->cells));
      g_assert_cmpstr (row->cells[i], ==, cell);
    }
  va_end (args);

  g_assert_cmpuint (g_strv_length (row->cells), ==, i);
}
