/* sales-csv-reader.c: CSV and TSV files as rows, streamed
 *
 * The file is read in blocks with read(2), decoded to UTF-8 block by
 * block (see sales-text-decoder.c) and cut into cells by a small state
 * machine that survives block boundaries, so memory holds one block and
 * the current row whatever the file size. Cells are copied span by span
 * into one reused row buffer; nothing is allocated per cell.
 *
 * Quoting follows RFC 4180 and is lenient where files are not: a quote
 * in the middle of an unquoted field is kept, text after a closing quote
 * is kept with that quote, rows keep as many cells as they have, and
 * line breaks inside quotes are kept exactly as written. Empty lines
 * hold no data and are skipped (their numbers still count).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-csv"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sales-csv-reader.h"
#include "sales-csv-sniff.h"
#include "sales-limits.h"
#include "sales-reader-private.h"
#include "sales-row-builder.h"
#include "sales-text-decoder.h"

/* Bytes read at once: large enough that system calls do not count, small
 * enough to stay in the cache while it is cut into cells.
 */
#define BLOCK_SIZE (128 * 1024)
/* Room kept before a block for the bytes of a character cut in two. */
#define CARRY_MAX 4

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTED_QUOTE,
} ParseState;

struct _SalesCsvReader
{
  SalesReader        parent_instance;

  int                fd;
  SalesTextEncoding  encoding;
  gsize              bom_length;
  char               delimiter;
  guint8             special[256];    /* ends an unquoted field */
  guint8             quoted_special[256];

  guint8            *raw;             /* CARRY_MAX + BLOCK_SIZE */
  gsize              carry;           /* bytes kept at carry_at */
  gsize              carry_at;
  char              *decoded;         /* 3 * (CARRY_MAX + BLOCK_SIZE) + 4 */
  const char        *cur;
  const char        *end;
  guint64            read_bytes;
  gboolean           eof;

  ParseState         state;
  gboolean           row_started;
  gboolean           skip_lf;
  guint64            line;
  guint64            row_line;
  SalesRowBuilder    builder;
};

G_DEFINE_FINAL_TYPE (SalesCsvReader, sales_csv_reader, SALES_TYPE_READER)

static void
sales_csv_reader_finalize (GObject *object)
{
  SalesCsvReader *self = SALES_CSV_READER (object);

  if (self->fd >= 0)
    close (self->fd);
  g_free (self->raw);
  g_free (self->decoded);
  sales_row_builder_clear (&self->builder);

  G_OBJECT_CLASS (sales_csv_reader_parent_class)->finalize (object);
}

static void
set_io_error (SalesCsvReader  *self,
              GError         **error,
              int              saved_errno)
{
  sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_IO, 0,
                          g_strerror (saved_errno));
}

/* Reads and decodes the next block into cur..end; sets eof when the file
 * is exhausted and every carried byte has been decoded.
 */
static gboolean
fill (SalesCsvReader  *self,
      GError         **error)
{
  gsize consumed = 0;
  gsize out_length = 0;
  gssize n;

  /* The previous block is used up: its cut character moves to the front. */
  memmove (self->raw, self->raw + self->carry_at, self->carry);

  do
    n = read (self->fd, self->raw + self->carry, BLOCK_SIZE);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      set_io_error (self, error, errno);
      return FALSE;
    }

  self->read_bytes += n;
  sales_reader_set_position (SALES_READER (self), self->read_bytes);
  self->eof = n == 0;

  n += self->carry;
  self->cur = sales_text_decode (self->encoding, self->raw, n, self->eof,
                                 self->decoded, &out_length, &consumed);
  self->end = self->cur + out_length;

  /* Keep the start of a character cut by the block end for next time. */
  self->carry = n - consumed;
  self->carry_at = consumed;
  g_assert (self->carry <= CARRY_MAX);

  return TRUE;
}

static gboolean
start_reading (SalesCsvReader  *self,
               GError         **error)
{
  if (lseek (self->fd, self->bom_length, SEEK_SET) < 0)
    {
      set_io_error (self, error, errno);
      return FALSE;
    }

  self->read_bytes = self->bom_length;
  self->carry = 0;
  self->carry_at = 0;
  self->eof = FALSE;
  self->cur = self->end = NULL;
  self->state = FIELD_START;
  self->row_started = FALSE;
  self->skip_lf = FALSE;
  self->line = 1;
  sales_row_builder_reset (&self->builder);

  return fill (self, error);
}

static void
set_delimiter (SalesCsvReader *self,
               char            delimiter)
{
  self->delimiter = delimiter;
  memset (self->special, 0, sizeof self->special);
  memset (self->quoted_special, 0, sizeof self->quoted_special);
  self->special[(guint8)delimiter] = 1;
  self->special['\r'] = self->special['\n'] = 1;
  self->quoted_special['"'] = 1;
  self->quoted_special['\r'] = self->quoted_special['\n'] = 1;
  sales_reader_set_delimiter (SALES_READER (self), delimiter);
}

static gboolean
limit_error (SalesCsvReader  *self,
             GError         **error,
             const char      *what)
{
  g_autofree char *detail = NULL;

  /* Translators: the first %s says what is too long */
  detail = g_strdup_printf (_("%s in column %u: is a quote left open "
                              "above?"), what, self->builder.n_cells + 1);
  sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_LIMIT,
                          self->row_line, detail);
  return FALSE;
}

static inline gboolean
check_lengths (SalesCsvReader  *self,
               GError         **error)
{
  /* The row is never shorter than its last cell. */
  if (G_LIKELY (sales_row_builder_row_length (&self->builder) <=
                SALES_MAX_CELL_BYTES))
    return TRUE;

  if (sales_row_builder_cell_length (&self->builder) > SALES_MAX_CELL_BYTES)
    return limit_error (self, error, _("a cell longer than 32 MB"));
  if (sales_row_builder_row_length (&self->builder) > SALES_MAX_ROW_BYTES)
    return limit_error (self, error, _("a row longer than 64 MB"));
  return TRUE;
}

static inline gboolean
end_cell (SalesCsvReader  *self,
          GError         **error)
{
  SalesRowBuilder *b = &self->builder;

  if (G_UNLIKELY (b->n_cells >= SALES_MAX_ROW_CELLS))
    return limit_error (self, error, _("more than 16384 cells in a row"));

  if (G_LIKELY (b->n_cells < b->alloc_cells && b->len < b->alloc))
    {
      b->data[b->len++] = '\0';
      b->offsets[b->n_cells++] = b->cell_start;
      b->cell_start = b->len;
      return TRUE;
    }

  sales_row_builder_end_cell (b);
  return TRUE;
}

/* The first byte at or after @p that ends an unquoted field: eight bytes
 * at a time while none of them is the delimiter, CR or LF.
 */
static inline const guint8 *
scan_unquoted (SalesCsvReader *self,
               const guint8   *p,
               const guint8   *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 delimiters = ones * (guint8)self->delimiter;
  const guint64 crs = ones * '\r';
  const guint64 lfs = ones * '\n';

  while (end - p >= 8)
    {
      guint64 v, a, b, c;

      memcpy (&v, p, 8);
      a = v ^ delimiters;
      b = v ^ crs;
      c = v ^ lfs;
      if ((((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c)) &
          highs)
        break;
      p += 8;
    }

  while (p < end && !self->special[*p])
    p++;
  return p;
}

/* Cuts cells from cur..end. Returns 1 when a row is complete, 0 when the
 * block is used up first, -1 on error.
 */
static int
parse (SalesCsvReader  *self,
       GError         **error)
{
  SalesRowBuilder *b = &self->builder;
  const guint8 *p = (const guint8 *)self->cur;
  const guint8 *end = (const guint8 *)self->end;
  const guint8 *start;
  int result = 0;
  guint8 c;

  while (p < end)
    {
      switch (self->state)
        {
        case FIELD_START:
          if (self->skip_lf)
            {
              self->skip_lf = FALSE;
              if (*p == '\n')
                {
                  p++;
                  continue;
                }
            }
          if (!self->row_started)
            self->row_line = self->line;

          c = *p;
          if (c == '"')
            {
              self->state = QUOTED;
              self->row_started = TRUE;
              p++;
              continue;
            }
          if (c == (guint8)self->delimiter)
            {
              self->row_started = TRUE;
              p++;
              if (!end_cell (self, error))
                goto failed;
              continue;
            }
          if (c == '\r' || c == '\n')
            {
              p++;
              self->line++;
              self->skip_lf = c == '\r';
              if (!self->row_started)
                continue;
              if (!end_cell (self, error))
                goto failed;
              result = 1;
              goto out;
            }
          self->row_started = TRUE;
          self->state = UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case UNQUOTED:
          start = p;
          p = scan_unquoted (self, p, end);
          sales_row_builder_append (b, (const char *)start, p - start);
          if (!check_lengths (self, error))
            goto failed;
          if (p == end)
            break;

          c = *p++;
          self->state = FIELD_START;
          if (!end_cell (self, error))
            goto failed;
          if (c == (guint8)self->delimiter)
            continue;
          self->line++;
          self->skip_lf = c == '\r';
          result = 1;
          goto out;

        case QUOTED:
          start = p;
          while (p < end && !self->quoted_special[*p])
            p++;
          sales_row_builder_append (b, (const char *)start, p - start);
          if (!check_lengths (self, error))
            goto failed;
          if (p == end)
            break;

          c = *p++;
          if (c == '"')
            {
              self->state = QUOTED_QUOTE;
              continue;
            }
          /* A line break inside quotes is data; CRLF counts as one line. */
          if (c == '\r' || sales_row_builder_cell_length (b) == 0 ||
              b->data[b->len - 1] != '\r')
            self->line++;
          sales_row_builder_append_c (b, c);
          continue;

        case QUOTED_QUOTE:
          c = *p;
          if (c == '"')
            {
              sales_row_builder_append_c (b, '"');
              self->state = QUOTED;
              p++;
              continue;
            }
          if (c == (guint8)self->delimiter || c == '\r' || c == '\n')
            {
              self->state = FIELD_START;
              continue;
            }
          /* "abc"def: keep the closing quote and what follows. */
          sales_row_builder_append_c (b, '"');
          self->state = UNQUOTED;
          continue;

        default:
          g_assert_not_reached ();
        }
    }

out:
  self->cur = (const char *)p;
  return result;

failed:
  self->cur = (const char *)p;
  return -1;
}

/* At the end of the file: the last row, unless nothing was left. */
static gboolean
finish_file (SalesCsvReader  *self,
             SalesRow       **row,
             GError         **error)
{
  if (self->state == QUOTED)
    {
      sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_PARSE,
                              self->row_line,
                              _("a quoted field is never closed: add the "
                                "missing \" or remove the stray one"));
      return FALSE;
    }

  if (!self->row_started)
    return FALSE;

  if (!end_cell (self, error))
    return FALSE;
  self->state = FIELD_START;
  *row = sales_row_builder_finish (&self->builder, self->row_line);
  return TRUE;
}

static gboolean
sales_csv_reader_next_row (SalesReader  *reader,
                           SalesRow    **row,
                           GError      **error)
{
  SalesCsvReader *self = SALES_CSV_READER (reader);

  if (self->row_started && self->state == FIELD_START)
    {
      sales_row_builder_reset (&self->builder);
      self->row_started = FALSE;
    }

  for (;;)
    {
      int result = parse (self, error);

      if (result < 0)
        return FALSE;
      if (result > 0)
        {
          *row = sales_row_builder_finish (&self->builder, self->row_line);
          return TRUE;
        }

      if (self->eof)
        return finish_file (self, row, error);
      if (sales_reader_cancelled (reader, error) || !fill (self, error))
        return FALSE;
    }
}

static gboolean
sales_csv_reader_rewind (SalesReader  *reader,
                         GError      **error)
{
  SalesCsvReader *self = SALES_CSV_READER (reader);

  return start_reading (self, error);
}

static void
sales_csv_reader_class_init (SalesCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesReaderClass *reader_class = SALES_READER_CLASS (klass);

  object_class->finalize = sales_csv_reader_finalize;
  reader_class->next_row = sales_csv_reader_next_row;
  reader_class->rewind = sales_csv_reader_rewind;
}

static void
sales_csv_reader_init (SalesCsvReader *self)
{
  self->fd = -1;
  self->raw = g_malloc (CARRY_MAX + BLOCK_SIZE);
  self->decoded = g_malloc (3 * (CARRY_MAX + BLOCK_SIZE) + 4);
  sales_row_builder_init (&self->builder);
}

/* A chosen encoding replaces the detected one; a byte order mark is
 * skipped only when it belongs to the chosen encoding.
 */
static void
choose_encoding (SalesCsvReader *self,
                 const char     *name)
{
  SalesTextEncoding chosen = self->encoding;

  sales_text_encoding_from_name (name, &chosen);
  if (chosen != self->encoding)
    self->bom_length = 0;
  self->encoding = chosen;
}

static gboolean
open_file (SalesCsvReader  *self,
           const char      *path,
           const char      *encoding,
           GError         **error)
{
  struct stat st;
  gssize n;

  self->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0 || fstat (self->fd, &st) < 0)
    {
      set_io_error (self, error, errno);
      return FALSE;
    }
  sales_reader_set_size (SALES_READER (self), st.st_size);

  /* The encoding is decided once, on the first block. */
  do
    n = pread (self->fd, self->raw, BLOCK_SIZE, 0);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      set_io_error (self, error, errno);
      return FALSE;
    }

  self->encoding = sales_text_sniff (self->raw, n, n < BLOCK_SIZE,
                                     &self->bom_length);
  if (encoding != NULL)
    choose_encoding (self, encoding);
  sales_reader_set_encoding (SALES_READER (self),
                             sales_text_encoding_name (self->encoding));
  return TRUE;
}

/**
 * sales_csv_reader_new:
 * @path: a CSV, TSV or other delimited text file
 * @cancellable: (nullable): checked between blocks
 * @error: return location for a #GError
 *
 * Opens @path, decides its encoding from its first block and its
 * delimiter from its first lines. Never fails for the encoding.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set when the file cannot be read
 */
SalesReader *
sales_csv_reader_new (const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return sales_csv_reader_new_with_options (path, NULL, 0, cancellable, error);
}

/**
 * sales_csv_reader_new_with_options:
 * @path: a CSV, TSV or other delimited text file
 * @encoding: (nullable): the encoding to read, %NULL to detect it
 * @delimiter: ',', ';', '\t' or '|', or 0 to detect it
 * @cancellable: (nullable): checked between blocks
 * @error: return location for a #GError
 *
 * As sales_csv_reader_new(), with what the user chose instead of what
 * detection would decide.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set: %SALES_ERROR_INVALID for an unknown encoding or delimiter
 */
SalesReader *
sales_csv_reader_new_with_options (const char    *path,
                                   const char    *encoding,
                                   char           delimiter,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(SalesCsvReader) self = NULL;
  SalesTextEncoding chosen;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (encoding != NULL && !sales_text_encoding_from_name (encoding, &chosen))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("%s: unknown encoding “%s”; use UTF-8, UTF-16LE, "
                     "UTF-16BE or WINDOWS-1252"), path, encoding);
      return NULL;
    }
  if (delimiter != 0 && strchr (",;\t|", delimiter) == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("%s: “%c” cannot separate columns; use a comma, a "
                     "semicolon, a tab or a vertical bar"), path, delimiter);
      return NULL;
    }

  self = g_object_new (SALES_TYPE_CSV_READER,
                       "path", path,
                       "format", "csv",
                       "cancellable", cancellable,
                       NULL);

  if (!open_file (self, path, encoding, error) || !start_reading (self, error))
    return NULL;

  set_delimiter (self, delimiter != 0
                         ? delimiter
                         : sales_csv_sniff_delimiter (self->cur, self->end,
                                                      self->eof));
  g_debug ("%s: %s, delimiter '%c'", path,
           sales_text_encoding_name (self->encoding), self->delimiter);

  return SALES_READER (g_steal_pointer (&self));
}
