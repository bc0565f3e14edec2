/* sales-file-checksum.c: a file's SHA-256, computed on a thread of its own
 *
 * An import records the checksum of the file it read. Hashing 100 MB
 * costs about half a second, so it runs beside the import on a thread of
 * its own and costs no time on a machine with a core to spare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <stdio.h>

#include "sales-file-checksum.h"

#define BLOCK (1 << 20)

struct _SalesFileChecksum
{
  char    *path;
  gint     stop;
  GThread *thread;
};

static gpointer
checksum_thread (gpointer data)
{
  SalesFileChecksum *self = data;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (BLOCK);
  FILE *file = fopen (self->path, "rb");
  size_t n;

  if (file == NULL)
    return NULL;

  while (!g_atomic_int_get (&self->stop) &&
         (n = fread (buffer, 1, BLOCK, file)) > 0)
    g_checksum_update (sum, buffer, n);
  fclose (file);

  if (g_atomic_int_get (&self->stop))
    return NULL;

  return g_strdup (g_checksum_get_string (sum));
}

/**
 * sales_file_checksum_start:
 * @path: a file
 *
 * Starts hashing @path. End with sales_file_checksum_finish() or
 * sales_file_checksum_cancel().
 *
 * Returns: (transfer full): the checksum under way
 */
SalesFileChecksum *
sales_file_checksum_start (const char *path)
{
  SalesFileChecksum *self = g_new0 (SalesFileChecksum, 1);

  self->path = g_strdup (path);
  self->thread = g_thread_new ("sales-checksum", checksum_thread, self);
  return self;
}

/**
 * sales_file_checksum_finish:
 * @self: (transfer full): a checksum under way
 *
 * Waits for the end of the file and frees @self.
 *
 * Returns: (transfer full) (nullable): the SHA-256 in hexadecimal, or
 *   %NULL when the file could not be read
 */
char *
sales_file_checksum_finish (SalesFileChecksum *self)
{
  char *checksum = g_thread_join (self->thread);

  g_free (self->path);
  g_free (self);
  return checksum;
}

/* Stops hashing early and frees @self (nullable). */
void
sales_file_checksum_cancel (SalesFileChecksum *self)
{
  if (self == NULL)
    return;

  g_atomic_int_set (&self->stop, 1);
  g_free (sales_file_checksum_finish (self));
}
