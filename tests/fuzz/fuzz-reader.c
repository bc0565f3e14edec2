/* fuzz-reader.c: one libFuzzer input through one reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-reader.h"

static void
drain (SalesReader *reader)
{
  g_autoptr(GError) error = NULL;
  SalesRow *row;
  gsize total = 0;

  while (sales_reader_next_row (reader, &row, &error))
    for (guint i = 0; i < row->n_cells; i++)
      {
        /* Every cell is a valid, NUL-ended UTF-8 string. */
        g_assert (g_utf8_validate (row->cells[i], -1, NULL));
        total += strlen (row->cells[i]);
      }

  g_assert (total < G_MAXSIZE);
}

int
fuzz_reader_run (const guint8 *data,
                 size_t        size,
                 const char   *suffix,
                 FuzzOpenFunc  open)
{
  static char *path;
  g_autoptr(SalesReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_strdup_printf ("%s/salesops-fuzz-%d%s", g_get_tmp_dir (),
                            (int)getpid (), suffix);
  /* Plainly: g_file_set_contents would sync the disk every time. */
  {
    FILE *file = fopen (path, "wb");

    if (file == NULL)
      return 0;
    fwrite (data, 1, size, file);
    fclose (file);
  }

  reader = open (path, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  g_assert (sales_reader_get_sheets (reader) != NULL);
  drain (reader);
  if (sales_reader_rewind (reader, NULL))
    drain (reader);
  return 0;
}
