/* sales-row-builder.h: the reused buffer a reader builds its rows in
 *
 * Cells are appended one after the other into one growing block, each
 * ended by a NUL; the row's cell pointers are set only when the row is
 * finished, so the block may move while it grows. Nothing is freed
 * between rows: a reader allocates only while its rows get longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "sales-reader.h"

G_BEGIN_DECLS

typedef struct
{
  char     *data;
  gsize     len;
  gsize     alloc;
  gsize     cell_start;     /* where the cell being built starts */
  gsize    *offsets;        /* start of each finished cell */
  guint     n_cells;
  guint     alloc_cells;
  char    **pointers;
  guint     alloc_pointers;
  SalesRow  row;
} SalesRowBuilder;

void      sales_row_builder_init     (SalesRowBuilder *b);
void      sales_row_builder_clear    (SalesRowBuilder *b);
void      sales_row_builder_grow     (SalesRowBuilder *b,
                                      gsize            extra);
void      sales_row_builder_end_cell (SalesRowBuilder *b);
void      sales_row_builder_add_cell (SalesRowBuilder *b,
                                      const char      *text,
                                      gsize            length);
SalesRow *sales_row_builder_finish   (SalesRowBuilder *b,
                                      guint64          line);

/* Forgets the row being built, keeping the memory. */
static inline void
sales_row_builder_reset (SalesRowBuilder *b)
{
  b->len = 0;
  b->cell_start = 0;
  b->n_cells = 0;
}

static inline void
sales_row_builder_append (SalesRowBuilder *b,
                          const char      *text,
                          gsize            length)
{
  if (b->alloc - b->len < length + 1)
    sales_row_builder_grow (b, length + 1);
  memcpy (b->data + b->len, text, length);
  b->len += length;
}

static inline void
sales_row_builder_append_c (SalesRowBuilder *b,
                            char             c)
{
  if (b->alloc - b->len < 2)
    sales_row_builder_grow (b, 2);
  b->data[b->len++] = c;
}

/* Bytes in the cell being built so far. */
static inline gsize
sales_row_builder_cell_length (const SalesRowBuilder *b)
{
  return b->len - b->cell_start;
}

/* Bytes in the row so far. */
static inline gsize
sales_row_builder_row_length (const SalesRowBuilder *b)
{
  return b->len;
}

G_END_DECLS

G_BEGIN_DECLS

/* Rows finished faster than they are asked for (a push parser completes
 * several per block): copied out of the builder, handed out in order.
 * A handed-out row stays valid until the queue is next pushed to.
 */
typedef struct
{
  GByteArray *data;
  GArray     *rows;          /* QueuedRow */
  guint       head;
  char      **pointers;
  guint       alloc_pointers;
  SalesRow    row;
} SalesRowQueue;

void      sales_row_queue_init  (SalesRowQueue   *queue);
void      sales_row_queue_clear (SalesRowQueue   *queue);
void      sales_row_queue_reset (SalesRowQueue   *queue);
void      sales_row_queue_push  (SalesRowQueue   *queue,
                                 SalesRowBuilder *builder,
                                 guint64          line);
/* Queues the row @count times, on lines @line, @line + 1, ..., holding
 * it once (ODS repeats a row a million times in one element).
 */
void      sales_row_queue_push_repeated (SalesRowQueue   *queue,
                                         SalesRowBuilder *builder,
                                         guint64          line,
                                         guint64          count);
/* The oldest row not handed out yet, or %NULL. */
SalesRow *sales_row_queue_pop   (SalesRowQueue   *queue);

G_END_DECLS
