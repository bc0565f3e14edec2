/* sales-csv-sniff.c: which delimiter a CSV file uses
 *
 * The candidate that splits the most of the first lines into the same
 * number of fields (more than one) wins; delimiters inside quotes do not
 * count, so a decimal comma or a quoted "a;b" does not fool it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sales-csv-sniff.h"

/* How many lines the delimiter is sniffed on. */
#define SNIFF_LINES 50

/* Counts the fields of each line of @text split by @delimiter, outside
 * quotes, and returns how many lines share the most common count, or 0
 * when that count is 1 (the delimiter does not occur).
 */
static guint
delimiter_score (const char *text,
                 const char *end,
                 char        delimiter,
                 gboolean    whole)
{
  guint counts[SNIFF_LINES];
  guint n_lines = 0;
  guint fields = 1;
  gboolean quoted = FALSE;
  gboolean blank = TRUE;
  guint best = 0;
  guint best_fields = 0;

  for (const char *p = text; p < end && n_lines < SNIFF_LINES; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == delimiter)
        fields++;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          if (!blank)
            counts[n_lines++] = fields;
          fields = 1;
          blank = TRUE;
          continue;
        }
      blank = FALSE;
    }
  if (!blank && whole && n_lines < SNIFF_LINES)
    counts[n_lines++] = fields;

  for (guint i = 0; i < n_lines; i++)
    {
      guint same = 0;

      for (guint j = 0; j < n_lines; j++)
        same += counts[j] == counts[i];
      if (same > best || (same == best && counts[i] > best_fields))
        {
          best = same;
          best_fields = counts[i];
        }
    }

  return best_fields > 1 ? best : 0;
}

char
sales_csv_sniff_delimiter (const char *text,
                           const char *end,
                           gboolean    whole)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  char best = ',';
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint score = delimiter_score (text, end, candidates[i], whole);

      if (score > best_score)
        {
          best = candidates[i];
          best_score = score;
        }
    }

  return best;
}
