/* sales-importer-options.c: what an import is told before it runs
 *
 * The table, sheet, overrides and constants, the reading choices that
 * correct detection, a dry run, progress. All apply to the next
 * sales_importer_prepare() or sales_importer_run().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include "sales-importer-private.h"
#include "sales-limits.h"

/* Options apply to the next prepare; they are meant to be set first. */
void
sales_importer_set_table (SalesImporter *self,
                          const char    *table)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  g_free (self->table);
  self->table = g_strdup (table);
}

void
sales_importer_set_sheet (SalesImporter *self,
                          const char    *sheet)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
}

/**
 * sales_importer_add_override:
 * @self: an importer
 * @spec: "Source header=field", see sales_mapping_apply_override()
 */
void
sales_importer_add_override (SalesImporter *self,
                             const char    *spec)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));
  g_return_if_fail (spec != NULL);

  g_ptr_array_add (self->overrides, g_strdup (spec));
}

/**
 * sales_importer_add_constant:
 * @self: an importer
 * @spec: "field=value", see sales_mapping_set_constant()
 */
void
sales_importer_add_constant (SalesImporter *self,
                             const char    *spec)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));
  g_return_if_fail (spec != NULL);

  g_ptr_array_add (self->constants, g_strdup (spec));
}

/**
 * sales_importer_set_dry_run:
 * @self: an importer
 * @dry_run: whether to roll back at the end
 *
 * A dry run does all the work of an import (so its counts and rejects are
 * exactly those the import would have) and rolls it back.
 */
void
sales_importer_set_dry_run (SalesImporter *self,
                            gboolean       dry_run)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  self->dry_run = dry_run;
}

/**
 * sales_importer_set_exclusive:
 * @self: an importer not prepared yet
 * @exclusive: whether the caller leaves the workspace to the import
 *
 * An exclusive importer writes through the workspace's own connection, in
 * the thread that opened it, with sales_importer_run(); the command line
 * does so. The load then leaves WAL mode when nothing else has the file
 * open, which makes a large import about a third faster (see
 * sales-import-connection.c). A window, which reads the workspace while
 * an import runs in a thread, does not.
 */
void
sales_importer_set_exclusive (SalesImporter *self,
                              gboolean       exclusive)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));
  g_return_if_fail (self->connection.db == NULL);

  self->exclusive = exclusive;
}

/**
 * sales_importer_set_remember_mapping:
 * @self: an importer
 * @remember: whether the user confirmed the mapping
 *
 * A confirmed mapping is stored with the import, for the next file with
 * the same header row.
 */
void
sales_importer_set_remember_mapping (SalesImporter *self,
                                     gboolean       remember)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  self->remember = remember;
}

/**
 * sales_importer_set_sniff_rows:
 * @self: an importer
 * @rows: rows of the sample; 0 sniffs the whole file first
 */
void
sales_importer_set_sniff_rows (SalesImporter *self,
                               guint64        rows)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  self->sniff_rows = rows;
}

/**
 * sales_importer_set_progress_func:
 * @self: an importer
 * @func: (nullable): called with the fraction done; with run_async, on
 *   the thread-default main context of the caller of run_async
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data
 */
void
sales_importer_set_progress_func (SalesImporter           *self,
                                  SalesImportProgressFunc  func,
                                  gpointer                 user_data,
                                  GDestroyNotify           destroy)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/**
 * sales_importer_set_encoding:
 * @self: an importer not prepared yet
 * @encoding: (nullable): the encoding of a text file (see
 *   sales_text_encoding_from_name()), %NULL to detect it
 *
 * An unknown name makes sales_importer_prepare() fail with
 * %SALES_ERROR_INVALID. Workbooks and JSON ignore it.
 */
void
sales_importer_set_encoding (SalesImporter *self,
                             const char    *encoding)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  _sales_import_choices_set_encoding (self->choices, encoding);
}

/**
 * sales_importer_set_delimiter:
 * @self: an importer not prepared yet
 * @delimiter: ',', ';', '\t' or '|', or 0 to detect it
 *
 * Another character makes sales_importer_prepare() fail with
 * %SALES_ERROR_INVALID.
 */
void
sales_importer_set_delimiter (SalesImporter *self,
                              char           delimiter)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));

  _sales_import_choices_set_delimiter (self->choices, delimiter);
}

/**
 * sales_importer_set_header_row:
 * @self: an importer not prepared yet
 * @row: the row holding the column names, from 1 (at most
 *   %SALES_SNIFF_HEADER_ROWS), 0 for none, -1 to find it
 */
void
sales_importer_set_header_row (SalesImporter *self,
                               int            row)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));
  g_return_if_fail (row >= -1 && row <= SALES_SNIFF_HEADER_ROWS);

  _sales_import_choices_set_header_row (self->choices, row);
}

/**
 * sales_importer_set_date_order:
 * @self: an importer not prepared yet
 * @column: a source column, from 0
 * @order: how its numeric dates read; %SALES_DATE_ORDER_NONE detects
 *
 * The chosen order wins over the sample and over the whole column;
 * dates it cannot read (a 25th month) are rejected with their reason.
 */
void
sales_importer_set_date_order (SalesImporter  *self,
                               guint           column,
                               SalesDateOrder  order)
{
  g_return_if_fail (SALES_IS_IMPORTER (self));
  g_return_if_fail (column < SALES_MAX_ROW_CELLS);

  _sales_import_choices_set_date_order (self->choices, column, order);
}
