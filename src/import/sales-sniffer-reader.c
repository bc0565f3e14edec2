/* sales-sniffer-reader.c: sniffing straight from a reader
 *
 * Kept apart from the sniffer so that the sniffer itself works on rows
 * from anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sales-sniffer.h"

/**
 * sales_sniffer_sniff_reader:
 * @self: a fresh sniffer
 * @reader: a reader at its first row
 * @max_rows: how many rows to look at; 0 for all
 * @error: return location for a #GError
 *
 * Feeds @reader's rows, finishes, and rewinds @reader for the next pass.
 *
 * Returns: %TRUE on success; %FALSE with the reader's error
 */
gboolean
sales_sniffer_sniff_reader (SalesSniffer  *self,
                            SalesReader   *reader,
                            guint64        max_rows,
                            GError       **error)
{
  SalesRow *row = NULL;
  g_autoptr(GError) local = NULL;
  guint64 n = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SALES_IS_READER (reader), FALSE);

  while ((max_rows == 0 || n < max_rows) &&
         sales_reader_next_row (reader, &row, &local))
    {
      sales_sniffer_add_row (self, row);
      n++;
    }

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  sales_sniffer_finish (self);
  return sales_reader_rewind (reader, error);
}
