/* sales-import-pipe.c: rows read and converted on a thread of their own
 *
 * Reading a file (unquoting CSV, inflating and parsing a workbook's XML)
 * and converting its cells cost about as much as storing the rows in
 * SQLite. The pipe does the first two on a thread of its own while the
 * caller stores, so an import on two cores takes about the time of the
 * slower half instead of the sum.
 *
 * Rows travel in batches: a few preallocated ones go round between two
 * queues, full ones to the caller and used ones back, so the memory
 * stays that of BATCHES batches whatever the file's size, and a reader
 * faster than the database waits instead of running ahead. A batch owns
 * copies of its rows' cells (the reader reuses its own), the converted
 * values, which may point into those cells, and the extra JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <string.h>

#include "sales-import-pipe.h"

/* Rows per batch and batches in flight: enough to keep both threads
 * busy through the unevenness of rows, few enough to stay small.
 */
#define BATCH_ROWS 512
#define BATCHES 4

/* What one thread writes for every row lives on cache lines of its own:
 * a line it shared with what the other thread reads would travel between
 * the cores at each row. The caller's next_row beside a batch's fields,
 * which the reading thread reads for each row it adds, made loading the
 * caller's current batch a cache miss nearly every row (8 % of the
 * storing thread's time).
 */
#define CACHE_LINE 64
#define OWN_LINES __attribute__ ((aligned (CACHE_LINE)))

typedef struct OWN_LINES
{
  SalesPreparedRow *rows;
  guint             n_rows;
  SalesValue       *values;       /* BATCH_ROWS rows of n_written */
  guint            *lengths;      /* likewise: each text value's */
  GPtrArray        *cells;        /* every row's cells, one after another */
  guint            *first_cell;   /* per row, its first in cells */
  GStringChunk     *text;
  guint64           position;     /* of the reader after the batch */
  gboolean          last;
  GError           *error;        /* the reader's, on the last batch */
} Batch;

struct _SalesImportPipe
{
  SalesReader             *reader;
  guint                    skip_rows;
  SalesImportConverter    *converter;
  const SalesColumnFormat *formats;
  SalesColumnEvidence     *evidence;
  guint                    n_values;

  GThread                 *thread;
  GAsyncQueue             *full;
  GAsyncQueue             *used;
  gint                     stop;
  Batch                    batches[BATCHES];

  GString                 *extra;     /* the thread's scratch */

  /* The caller's */
  Batch                   *current OWN_LINES;
  guint                    next_row;
  gboolean                 ended;
  guint64                  position;
  char                     end OWN_LINES;
};

static void
batch_clear (Batch *batch)
{
  for (guint i = 0; i < batch->n_rows; i++)
    g_clear_pointer (&batch->rows[i].reason, g_free);
  batch->n_rows = 0;
  g_ptr_array_set_size (batch->cells, 0);
  g_string_chunk_clear (batch->text);
  batch->last = FALSE;
  g_clear_error (&batch->error);
}

static gboolean
is_blank (const SalesRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i][0] != '\0')
      return FALSE;

  return TRUE;
}

/* The length of each text value of a row to store. SQLite needs it for
 * every text it is given; counted here, on the reading thread, which
 * waits for the storing one anyway, it took 5 % off a large import.
 */
static const guint *
count_lengths (SalesImportPipe        *self,
               Batch                  *batch,
               const SalesPreparedRow *prepared)
{
  guint *lengths = batch->lengths + batch->n_rows * self->n_values;

  if (prepared->reason != NULL)
    return NULL;

  for (guint i = 0; i < self->n_values; i++)
    if (prepared->values[i].kind == SALES_VALUE_TEXT)
      lengths[i] = strlen (prepared->values[i].text);

  return lengths;
}

/* Copies @row into @batch and converts the copy, whose cells the values
 * may point into.
 */
static void
batch_add (SalesImportPipe *self,
           Batch           *batch,
           const SalesRow  *row)
{
  SalesPreparedRow *prepared = &batch->rows[batch->n_rows];
  guint first = batch->cells->len;

  for (guint i = 0; i < row->n_cells; i++)
    g_ptr_array_add (batch->cells,
                     g_string_chunk_insert (batch->text, row->cells[i]));

  batch->first_cell[batch->n_rows] = first;
  prepared->row.n_cells = row->n_cells;
  prepared->row.cells = (char **)batch->cells->pdata + first;
  prepared->row.line = row->line;
  prepared->values = batch->values + batch->n_rows * self->n_values;
  prepared->extra = NULL;
  prepared->fingerprinted = FALSE;
  prepared->bad_column = -1;

  if (_sales_import_converter_convert (self->converter, &prepared->row,
                                       self->formats, self->evidence,
                                       prepared->values,
                                       &prepared->fingerprinted,
                                       &prepared->bad_column,
                                       &prepared->reason) &&
      _sales_import_converter_build_extra (self->converter, &prepared->row,
                                           self->extra))
    prepared->extra = g_string_chunk_insert_len (batch->text,
                                                 self->extra->str,
                                                 self->extra->len);
  prepared->lengths = count_lengths (self, batch, prepared);
  batch->n_rows++;
}

/* The cell array may have moved while the batch filled. */
static void
batch_seal (Batch *batch)
{
  for (guint i = 0; i < batch->n_rows; i++)
    batch->rows[i].row.cells = (char **)batch->cells->pdata +
                               batch->first_cell[i];
}

/* Fills @batch; FALSE when the file (or the caller) is done. */
static gboolean
fill (SalesImportPipe *self,
      Batch           *batch,
      guint64         *index)
{
  SalesRow *row = NULL;

  while (batch->n_rows < BATCH_ROWS)
    {
      if (g_atomic_int_get (&self->stop) ||
          !sales_reader_next_row (self->reader, &row, &batch->error))
        return FALSE;

      if ((*index)++ < self->skip_rows || is_blank (row))
        continue;

      batch_add (self, batch, row);
    }

  return TRUE;
}

static gpointer
read_thread (gpointer data)
{
  SalesImportPipe *self = data;
  guint64 index = 0;
  Batch *batch;

  do
    {
      batch = g_async_queue_pop (self->used);
      batch_clear (batch);
      batch->last = !fill (self, batch, &index);
      batch->position = sales_reader_get_position (self->reader);
      batch_seal (batch);
      g_async_queue_push (self->full, batch);
    }
  while (!batch->last);

  return NULL;
}

/**
 * _sales_import_pipe_new:
 * @reader: a reader at the start of the file, used only by the pipe until
 *   it is freed
 * @skip_rows: rows to pass over first (the header and what is above it)
 * @converter: what each row becomes
 * @formats: per source column, how to read its dates and numbers
 * @evidence: per source column, fed by the pipe's thread with what the
 *   cells prove; read it only after freeing the pipe
 *
 * Starts reading. Blank rows are passed over.
 *
 * Returns: (transfer full): the pipe
 */
SalesImportPipe *
_sales_import_pipe_new (SalesReader             *reader,
                        guint                    skip_rows,
                        SalesImportConverter    *converter,
                        const SalesColumnFormat *formats,
                        SalesColumnEvidence     *evidence)
{
  SalesImportPipe *self = g_aligned_alloc0 (1, sizeof (SalesImportPipe),
                                            CACHE_LINE);

  self->reader = reader;
  self->skip_rows = skip_rows;
  self->converter = converter;
  self->formats = formats;
  self->evidence = evidence;
  self->n_values = MAX (_sales_import_converter_get_n_written (converter), 1);
  self->extra = g_string_new (NULL);
  self->full = g_async_queue_new ();
  self->used = g_async_queue_new ();

  for (guint b = 0; b < BATCHES; b++)
    {
      Batch *batch = &self->batches[b];

      batch->rows = g_new0 (SalesPreparedRow, BATCH_ROWS);
      batch->values = g_new0 (SalesValue, BATCH_ROWS * self->n_values);
      batch->lengths = g_new0 (guint, BATCH_ROWS * self->n_values);
      batch->cells = g_ptr_array_new ();
      batch->first_cell = g_new0 (guint, BATCH_ROWS);
      batch->text = g_string_chunk_new (64 * 1024);
      g_async_queue_push (self->used, batch);
    }

  /* Linux keeps 15 bytes of a thread's name and refuses a longer one. */
  self->thread = g_thread_new ("sales-read", read_thread, self);
  return self;
}

/**
 * _sales_import_pipe_next:
 * @self: a pipe
 * @error: return location for the reader's error
 *
 * Returns: (transfer none) (nullable): the next row, valid until the
 *   next call; %NULL at the end of the file, or with @error set when
 *   the reader failed there
 */
const SalesPreparedRow *
_sales_import_pipe_next (SalesImportPipe  *self,
                         GError          **error)
{
  while (self->current == NULL || self->next_row == self->current->n_rows)
    {
      if (self->current != NULL)
        {
          gboolean last = self->current->last;

          if (last && self->current->error != NULL)
            g_propagate_error (error, g_steal_pointer (&self->current->error));
          g_async_queue_push (self->used, g_steal_pointer (&self->current));
          if (last)
            {
              self->ended = TRUE;
              return NULL;
            }
        }

      if (self->ended)
        return NULL;

      self->current = g_async_queue_pop (self->full);
      self->next_row = 0;
      self->position = self->current->position;
    }

  return &self->current->rows[self->next_row++];
}

/* Bytes of the file read as far as the rows handed out, for progress. */
guint64
_sales_import_pipe_get_position (SalesImportPipe *self)
{
  return self->position;
}

/* Stops the thread, early when the caller gave up, and frees the pipe. */
void
_sales_import_pipe_free (SalesImportPipe *self)
{
  if (self == NULL)
    return;

  g_atomic_int_set (&self->stop, 1);
  if (self->current != NULL)
    {
      self->ended = self->current->last;
      g_async_queue_push (self->used, g_steal_pointer (&self->current));
    }
  while (!self->ended)
    {
      Batch *batch = g_async_queue_pop (self->full);

      self->ended = batch->last;
      g_async_queue_push (self->used, batch);
    }
  g_thread_join (self->thread);

  for (guint b = 0; b < BATCHES; b++)
    {
      Batch *batch = &self->batches[b];

      batch_clear (batch);
      g_free (batch->rows);
      g_free (batch->values);
      g_free (batch->lengths);
      g_ptr_array_unref (batch->cells);
      g_free (batch->first_cell);
      g_string_chunk_free (batch->text);
    }
  g_async_queue_unref (self->full);
  g_async_queue_unref (self->used);
  g_string_free (self->extra, TRUE);
  g_aligned_free (self);
}
