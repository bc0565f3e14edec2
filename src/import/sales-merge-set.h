/* sales-merge-set.h: merged ranges of a sheet, as its rows stream by
 *
 * A merged range reads as its top-left value in every cell it covers.
 * The set keeps the ranges in order of their first row and, for the row
 * being read, the few that cover it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint32  first_row;    /* 1-based sheet rows, 0-based columns */
  guint32  last_row;
  guint32  first_col;
  guint32  last_col;
  char    *value;        /* the top-left cell's text, once read */
} SalesMerge;

typedef struct
{
  GArray *merges;        /* SalesMerge, by first_row */
  guint   next;          /* the first merge not yet entered */
  GArray *active;        /* guint indices of merges covering the row */
} SalesMergeSet;

/* Takes @merges (sorted by first row; may be %NULL). */
void        sales_merge_set_init      (SalesMergeSet *set,
                                       GArray        *merges);
void        sales_merge_set_clear     (SalesMergeSet *set);
/* Forgets values read, to read the sheet again. */
void        sales_merge_set_restart   (SalesMergeSet *set);
/* Adds a range found while reading its first row, with its value. */
void        sales_merge_set_add       (SalesMergeSet *set,
                                       const SalesMerge *merge,
                                       const char    *value);
/* Makes @row the current row. */
void        sales_merge_set_enter_row (SalesMergeSet *set,
                                       guint32        row);
/* Keeps @text when (@row, @col) is the top-left cell of a range. */
void        sales_merge_set_capture   (SalesMergeSet *set,
                                       guint32        row,
                                       guint32        col,
                                       const char    *text);
/* The value a covered cell of the current row reads as, or %NULL. */
const char *sales_merge_set_value_at  (SalesMergeSet *set,
                                       guint32        row,
                                       guint32        col);
/* One past the last column of the current row a non-empty range
 * covers (at most SALES_MAX_ROW_CELLS), or 0.
 */
guint32     sales_merge_set_width     (SalesMergeSet *set);

/* The last row up to which the non-empty ranges covering the current
 * row all go on (rows until then read alike), or G_MAXUINT32.
 */
guint32     sales_merge_set_run_end   (SalesMergeSet *set);

G_END_DECLS
