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
