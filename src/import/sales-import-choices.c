/* sales-import-choices.c: how the user chose to read a file
 *
 * Detection decides the encoding, the delimiter, the header row and each
 * column's date order; the wizard and the command line may overrule any
 * of them. The choices are kept here until the importer opens the file
 * and sniffs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include "sales-import-choices.h"

struct _SalesImportChoices
{
  char    *encoding;      /* NULL detects */
  char     delimiter;     /* 0 detects */
  int      header_row;    /* -1 finds it */
  GArray  *date_orders;   /* SalesDateOrder by column */
};

SalesImportChoices *
_sales_import_choices_new (void)
{
  SalesImportChoices *self = g_new0 (SalesImportChoices, 1);

  self->header_row = -1;
  self->date_orders = g_array_new (FALSE, TRUE, sizeof (SalesDateOrder));
  return self;
}

void
_sales_import_choices_free (SalesImportChoices *self)
{
  if (self == NULL)
    return;

  g_free (self->encoding);
  g_array_unref (self->date_orders);
  g_free (self);
}

void
_sales_import_choices_set_encoding (SalesImportChoices *self,
                                    const char         *encoding)
{
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

void
_sales_import_choices_set_delimiter (SalesImportChoices *self,
                                     char                delimiter)
{
  self->delimiter = delimiter;
}

void
_sales_import_choices_set_header_row (SalesImportChoices *self,
                                      int                 row)
{
  self->header_row = row;
}

void
_sales_import_choices_set_date_order (SalesImportChoices *self,
                                      guint               column,
                                      SalesDateOrder      order)
{
  if (column >= self->date_orders->len)
    g_array_set_size (self->date_orders, column + 1);
  g_array_index (self->date_orders, SalesDateOrder, column) = order;
}

/* Opens @path as chosen; %SALES_ERROR_INVALID for an unknown encoding or
 * delimiter, else as sales_reader_open_with_options().
 */
SalesReader *
_sales_import_choices_open_reader (SalesImportChoices  *self,
                                   const char          *path,
                                   const char          *sheet,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  SalesReadOptions options = { self->encoding, self->delimiter };

  return sales_reader_open_with_options (path, sheet, &options, cancellable,
                                         error);
}

/* Tells a fresh @sniffer the header row and date orders chosen. */
void
_sales_import_choices_apply (SalesImportChoices *self,
                             SalesSniffer       *sniffer)
{
  sales_sniffer_set_header_row (sniffer, self->header_row);
  for (guint i = 0; i < self->date_orders->len; i++)
    sales_sniffer_set_date_order (sniffer, i,
                                  g_array_index (self->date_orders,
                                                 SalesDateOrder, i));
}
