/* sales-row-builder.c: the reused buffer a reader builds its rows in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-row-builder.h"

void
sales_row_builder_init (SalesRowBuilder *b)
{
  memset (b, 0, sizeof *b);
}

void
sales_row_builder_clear (SalesRowBuilder *b)
{
  g_free (b->data);
  g_free (b->offsets);
  g_free (b->pointers);
  memset (b, 0, sizeof *b);
}

void
sales_row_builder_grow (SalesRowBuilder *b,
                        gsize            extra)
{
  gsize wanted = b->len + extra;
  gsize alloc = MAX (b->alloc, 256);

  while (alloc < wanted)
    alloc *= 2;
  b->data = g_realloc (b->data, alloc);
  b->alloc = alloc;
}

void
sales_row_builder_end_cell (SalesRowBuilder *b)
{
  if (b->n_cells == b->alloc_cells)
    {
      b->alloc_cells = MAX (16, b->alloc_cells * 2);
      b->offsets = g_renew (gsize, b->offsets, b->alloc_cells);
    }

  sales_row_builder_append_c (b, '\0');
  b->offsets[b->n_cells++] = b->cell_start;
  b->cell_start = b->len;
}

void
sales_row_builder_add_cell (SalesRowBuilder *b,
                            const char      *text,
                            gsize            length)
{
  sales_row_builder_append (b, text, length);
  sales_row_builder_end_cell (b);
}

/* The pointers are set here, once the block no longer moves. */
SalesRow *
sales_row_builder_finish (SalesRowBuilder *b,
                          guint64          line)
{
  if (b->alloc_pointers < MAX (b->n_cells, 1))
    {
      b->alloc_pointers = MAX (b->alloc_cells, 1);
      b->pointers = g_renew (char *, b->pointers, b->alloc_pointers);
    }

  for (guint i = 0; i < b->n_cells; i++)
    b->pointers[i] = b->data + b->offsets[i];

  b->row.n_cells = b->n_cells;
  b->row.cells = b->pointers;
  b->row.line = line;
  return &b->row;
}

typedef struct
{
  guint64 line;
  guint64 count;      /* times the row is still to be handed out */
  gsize   offset;
  guint   n_cells;
} QueuedRow;

void
sales_row_queue_init (SalesRowQueue *queue)
{
  memset (queue, 0, sizeof *queue);
  queue->data = g_byte_array_new ();
  queue->rows = g_array_new (FALSE, FALSE, sizeof (QueuedRow));
}

void
sales_row_queue_clear (SalesRowQueue *queue)
{
  g_clear_pointer (&queue->data, g_byte_array_unref);
  g_clear_pointer (&queue->rows, g_array_unref);
  g_clear_pointer (&queue->pointers, g_free);
}

void
sales_row_queue_reset (SalesRowQueue *queue)
{
  g_byte_array_set_size (queue->data, 0);
  g_array_set_size (queue->rows, 0);
  queue->head = 0;
}

void
sales_row_queue_push (SalesRowQueue   *queue,
                      SalesRowBuilder *builder,
                      guint64          line)
{
  sales_row_queue_push_repeated (queue, builder, line, 1);
}

void
sales_row_queue_push_repeated (SalesRowQueue   *queue,
                               SalesRowBuilder *builder,
                               guint64          line,
                               guint64          count)
{
  QueuedRow row = { line, count, queue->data->len, builder->n_cells };

  if (count == 0)
    return;

  /* Everything was handed out: start over at the front. */
  if (queue->head > 0 && queue->head == queue->rows->len)
    {
      sales_row_queue_reset (queue);
      row.offset = 0;
    }

  g_byte_array_append (queue->data, (const guint8 *)builder->data,
                       builder->len);
  g_array_append_val (queue->rows, row);
}

SalesRow *
sales_row_queue_pop (SalesRowQueue *queue)
{
  QueuedRow *row;
  const char *p;

  if (queue->head >= queue->rows->len)
    return NULL;

  row = &g_array_index (queue->rows, QueuedRow, queue->head);
  row->count--;
  if (row->count == 0)
    queue->head++;
  if (queue->alloc_pointers < MAX (row->n_cells, 1))
    {
      queue->alloc_pointers = MAX (row->n_cells, 16);
      queue->pointers = g_renew (char *, queue->pointers,
                                 queue->alloc_pointers);
    }

  p = (const char *)queue->data->data + row->offset;
  for (guint i = 0; i < row->n_cells; i++)
    {
      queue->pointers[i] = (char *)p;
      p += strlen (p) + 1;
    }

  queue->row.n_cells = row->n_cells;
  queue->row.cells = queue->pointers;
  queue->row.line = row->line++;
  return &queue->row;
}
