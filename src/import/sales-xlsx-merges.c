/* sales-xlsx-merges.c: merged ranges of an XLSX sheet
 *
 * Excel writes <mergeCells> after <sheetData>, but a merged range must be
 * known while its rows stream by. Rather than parse the sheet twice, the
 * inflated bytes are searched for "mergeCell" (a name that cannot occur
 * in text, where '<' is always escaped): about the cost of inflating,
 * a small part of parsing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-xlsx"
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-limits.h"
#include "sales-reader-private.h"
#include "sales-xlsx-merges.h"

#define SCAN_BLOCK (256 * 1024)
/* A hit closer to the end than this cannot be a whole element yet, so
 * these bytes are scanned again with the next block.
 */
#define KEEP 22
/* Longest <mergeCell ...> element looked at. */
#define MAX_ELEMENT 4096

static const char needle[] = "mergeCell";

gboolean
sales_xlsx_parse_reference (const char  *text,
                            const char **end,
                            guint32     *col,
                            guint32     *row)
{
  guint64 c = 0;
  guint64 r = 0;
  const char *p = text;

  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p) && c <= G_MAXUINT32 / 26; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (p == text || c == 0 || c > G_MAXUINT32)
    return FALSE;
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p) && r <= G_MAXUINT32; p++)
    r = r * 10 + (*p - '0');
  if (r > G_MAXUINT32)
    return FALSE;

  *col = c - 1;
  *row = r;
  if (end != NULL)
    *end = p;
  return TRUE;
}

static int
compare_merges (gconstpointer a,
                gconstpointer b)
{
  const SalesMerge *x = a;
  const SalesMerge *y = b;

  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

/* Reads ref="A1:C4" from the element text at @p..@end. */
static void
parse_element (const char *p,
               const char *end,
               GArray     *merges)
{
  SalesMerge merge = { 0 };
  const char *ref = g_strstr_len (p, end - p, "ref=");
  const char *after = NULL;

  if (ref == NULL || (ref[4] != '"' && ref[4] != '\''))
    return;
  if (!sales_xlsx_parse_reference (ref + 5, &after, &merge.first_col,
                                   &merge.first_row) ||
      *after != ':' ||
      !sales_xlsx_parse_reference (after + 1, NULL, &merge.last_col,
                                   &merge.last_row))
    return;
  if (merge.first_row == 0 || merge.last_row < merge.first_row ||
      merge.last_col < merge.first_col)
    return;

  g_array_append_val (merges, merge);
}

/* Scans @data; returns where the unscanned tail starts. */
static gsize
scan_block (const char *data,
            gsize       length,
            gboolean    eof,
            GArray     *merges)
{
  const char *end = data + length;
  const char *p = data;
  const char *hit;

  while ((hit = memmem (p, end - p, needle, sizeof needle - 1)) != NULL)
    {
      const char *after = hit + sizeof needle - 1;
      const char *close;

      if (after >= end)
        return eof ? length : (gsize)(hit - data);
      if (hit == data || (hit[-1] != '<' && hit[-1] != ':') ||
          !g_ascii_isspace (*after))
        {
          p = after;
          continue;
        }

      close = memchr (after, '>', MIN ((gsize)(end - after), MAX_ELEMENT));
      if (close == NULL)
        {
          if (!eof && end - after < MAX_ELEMENT)
            return hit - data;
          p = after;
          continue;
        }

      parse_element (after, close, merges);
      p = close + 1;
    }

  if (eof)
    return length;
  return MAX ((gsize)(p - data), length > KEEP ? length - KEEP : 0);
}

GArray *
sales_xlsx_merges_scan (SalesReader  *owner,
                        GsfInput     *sheet,
                        GError      **error)
{
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (SalesMerge));
  g_autofree char *buffer = g_malloc (2 * MAX_ELEMENT + SCAN_BLOCK);
  gsize kept = 0;

  for (;;)
    {
      gsize n = MIN ((gsf_off_t)SCAN_BLOCK, gsf_input_remaining (sheet));
      gboolean eof;
      gsize used;

      if (n > 0 && gsf_input_read (sheet, n, (guint8 *)buffer + kept) == NULL)
        {
          sales_reader_set_error (owner, error, SALES_ERROR_PARSE, 0,
                                  _("a sheet of the workbook cannot be "
                                    "unpacked (the zip is damaged)"));
          return NULL;
        }
      eof = gsf_input_remaining (sheet) == 0;

      used = scan_block (buffer, kept + n, eof, merges);
      if (merges->len > SALES_MAX_MERGED_RANGES)
        {
          sales_reader_set_error (owner, error, SALES_ERROR_LIMIT, 0,
                                  _("the sheet has more than 100000 merged "
                                    "ranges"));
          return NULL;
        }
      if (eof)
        break;

      kept = kept + n - used;
      g_assert (kept <= 2 * MAX_ELEMENT);
      memmove (buffer, buffer + used, kept);
    }

  g_array_sort (merges, compare_merges);
  return g_steal_pointer (&merges);
}
