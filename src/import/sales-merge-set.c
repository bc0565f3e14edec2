/* sales-merge-set.c: merged ranges of a sheet, as its rows stream by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-limits.h"
#include "sales-merge-set.h"

#define MERGE(set, i) (&g_array_index ((set)->merges, SalesMerge, (i)))

void
sales_merge_set_init (SalesMergeSet *set,
                      GArray        *merges)
{
  set->merges = merges != NULL ? merges
                               : g_array_new (FALSE, FALSE, sizeof (SalesMerge));
  set->next = 0;
  set->active = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
sales_merge_set_restart (SalesMergeSet *set)
{
  for (guint i = 0; i < set->merges->len; i++)
    g_clear_pointer (&MERGE (set, i)->value, g_free);
  set->next = 0;
  g_array_set_size (set->active, 0);
}

void
sales_merge_set_clear (SalesMergeSet *set)
{
  if (set->merges == NULL)
    return;

  sales_merge_set_restart (set);
  g_clear_pointer (&set->merges, g_array_unref);
  g_clear_pointer (&set->active, g_array_unref);
}

void
sales_merge_set_add (SalesMergeSet    *set,
                     const SalesMerge *merge,
                     const char       *value)
{
  SalesMerge copy = *merge;
  guint index = set->merges->len;

  copy.value = g_strdup (value);
  g_array_append_val (set->merges, copy);
  g_array_append_val (set->active, index);
  set->next = set->merges->len;
}

void
sales_merge_set_enter_row (SalesMergeSet *set,
                           guint32        row)
{
  guint kept = 0;

  for (guint i = 0; i < set->active->len; i++)
    {
      guint index = g_array_index (set->active, guint, i);

      if (MERGE (set, index)->last_row >= row)
        g_array_index (set->active, guint, kept++) = index;
    }
  g_array_set_size (set->active, kept);

  for (; set->next < set->merges->len &&
         MERGE (set, set->next)->first_row <= row; set->next++)
    if (MERGE (set, set->next)->last_row >= row)
      g_array_append_val (set->active, set->next);
}

void
sales_merge_set_capture (SalesMergeSet *set,
                         guint32        row,
                         guint32        col,
                         const char    *text)
{
  for (guint i = 0; i < set->active->len; i++)
    {
      SalesMerge *merge = MERGE (set, g_array_index (set->active, guint, i));

      if (merge->first_row == row && merge->first_col == col &&
          merge->value == NULL)
        merge->value = g_strdup (text);
    }
}

const char *
sales_merge_set_value_at (SalesMergeSet *set,
                          guint32        row,
                          guint32        col)
{
  for (guint i = 0; i < set->active->len; i++)
    {
      SalesMerge *merge = MERGE (set, g_array_index (set->active, guint, i));

      if (col >= merge->first_col && col <= merge->last_col &&
          (row != merge->first_row || col != merge->first_col))
        return merge->value;
    }

  return NULL;
}

guint32
sales_merge_set_width (SalesMergeSet *set)
{
  guint32 width = 0;

  for (guint i = 0; i < set->active->len; i++)
    {
      SalesMerge *merge = MERGE (set, g_array_index (set->active, guint, i));

      if (merge->value != NULL && merge->value[0] != '\0')
        width = MAX (width, MIN (merge->last_col, G_MAXUINT32 - 1) + 1);
    }

  /* A range may claim any column; a row holds no more than the cap. */
  return MIN (width, SALES_MAX_ROW_CELLS);
}

guint32
sales_merge_set_run_end (SalesMergeSet *set)
{
  guint32 end = G_MAXUINT32;

  for (guint i = 0; i < set->active->len; i++)
    {
      SalesMerge *merge = MERGE (set, g_array_index (set->active, guint, i));

      if (merge->value != NULL && merge->value[0] != '\0')
        end = MIN (end, merge->last_row);
    }

  return end;
}
