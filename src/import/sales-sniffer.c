/* sales-sniffer.c: how to read a file's rows
 *
 * The header is looked for among the first rows (title lines above it
 * are skipped): the first row that fills most of the width with distinct
 * text, and more cells than any row above it (titles, filter lines and
 * totals are narrower than the header; a data row is not), while the
 * rows below hold numbers or dates, or the first row when everything is
 * text. Column types and the date and decimal decisions
 * come from every data row fed; a type holds only if every non-empty cell
 * of the column fits it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-error.h"
#include "sales-limits.h"
#include "sales-sniffer.h"

typedef struct
{
  guint64             n_values;
  gboolean            all_boolean;
  gboolean            all_number;
  gboolean            all_integer;
  gboolean            any_currency;
  gboolean            all_date;
  gboolean            any_time;
  SalesColumnEvidence evidence;
} Column;

typedef struct
{
  char    **cells;
  guint     n_cells;
  guint64   line;
} HeadRow;

struct _SalesSniffer
{
  GPtrArray *head;          /* HeadRow, until the header is decided */
  gsize      head_bytes;    /* the text they hold */
  gboolean   decided;
  int        header_index;  /* among the rows fed, or -1 */
  guint64    header_line;
  char     **header;        /* NULL-terminated, or NULL */
  GArray    *columns;       /* Column */
  GPtrArray *names;
  guint64    n_data_rows;
  int        chosen_header;  /* 1-based row, 0 for none, -1 to detect */
  GArray    *chosen_orders;  /* SalesDateOrder by column; NONE detects */
};

/* What a cell could be. */
enum
{
  CELL_BOOLEAN = 1 << 0,
  CELL_NUMBER  = 1 << 1,
  CELL_DATE    = 1 << 2,
};

static void
head_row_free (gpointer data)
{
  HeadRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

/**
 * sales_sniffer_new:
 *
 * Returns: (transfer full): a sniffer to feed rows to
 */
SalesSniffer *
sales_sniffer_new (void)
{
  SalesSniffer *self = g_new0 (SalesSniffer, 1);

  self->head = g_ptr_array_new_with_free_func (head_row_free);
  self->header_index = -1;
  self->chosen_header = -1;
  self->chosen_orders = g_array_new (FALSE, TRUE, sizeof (SalesDateOrder));
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  self->names = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
sales_sniffer_free (SalesSniffer *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->columns->len; i++)
    sales_column_evidence_clear (&g_array_index (self->columns, Column,
                                                 i).evidence);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->head);
  g_ptr_array_unref (self->names);
  g_strfreev (self->header);
  g_array_unref (self->chosen_orders);
  g_free (self);
}

static guint
classify_cell (const char       *text,
               SalesDateParts   *date,
               SalesNumberParts *number)
{
  gboolean truth;
  guint kinds = 0;

  if (sales_boolean_parse (text, &truth))
    kinds |= CELL_BOOLEAN;
  if (sales_date_parse (text, date))
    kinds |= CELL_DATE;
  else if (sales_number_parse (text, number))
    kinds |= CELL_NUMBER;

  return kinds;
}

static Column *
get_column (SalesSniffer *self,
            guint         index)
{
  if (index >= self->columns->len)
    {
      guint old = self->columns->len;

      g_array_set_size (self->columns, index + 1);
      for (guint i = old; i <= index; i++)
        {
          Column *c = &g_array_index (self->columns, Column, i);

          c->all_boolean = c->all_number = c->all_integer = TRUE;
          c->all_date = TRUE;
        }
    }

  return &g_array_index (self->columns, Column, index);
}

static void
add_cell (Column     *c,
          const char *text,
          guint64     line)
{
  SalesDateParts date;
  SalesNumberParts number;
  guint kinds = classify_cell (text, &date, &number);

  c->n_values++;
  c->all_boolean &= (kinds & CELL_BOOLEAN) != 0;
  c->all_date &= (kinds & CELL_DATE) != 0;
  c->all_number &= (kinds & CELL_NUMBER) != 0;

  if (kinds & CELL_DATE)
    {
      c->any_time |= date.has_time;
      sales_column_evidence_add_date (&c->evidence, &date, text, line);
    }

  if (kinds & CELL_NUMBER)
    {
      c->any_currency |= number.has_currency;
      c->all_integer &= number.proof == SALES_DECIMAL_PROOF_NONE &&
                        !number.has_currency && !number.has_percent &&
                        number.exponent == 0;
      sales_column_evidence_add_number (&c->evidence, &number, text, line);
    }
}

static void
add_data_row (SalesSniffer      *self,
              const char *const *cells,
              guint              n_cells,
              guint64            line)
{
  self->n_data_rows++;

  for (guint i = 0; i < n_cells; i++)
    {
      Column *c = get_column (self, i);

      if (cells[i][0] != '\0')
        add_cell (c, cells[i], line);
    }
}

static guint
count_filled (const HeadRow *row)
{
  guint n = 0;

  for (guint i = 0; i < row->n_cells; i++)
    n += row->cells[i][0] != '\0';

  return n;
}

/* Distinct non-empty text cells filling more than half of @width. */
static gboolean
could_be_header (const HeadRow *row,
                 guint          width)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (count_filled (row) * 2 <= width && width > 1)
    return FALSE;

  for (guint i = 0; i < row->n_cells; i++)
    {
      SalesDateParts date;
      SalesNumberParts number;
      const char *cell = row->cells[i];

      if (cell[0] == '\0')
        continue;
      if (classify_cell (cell, &date, &number) != 0 ||
          !g_hash_table_add (seen, (gpointer)cell))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_typed_cell (const HeadRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      SalesDateParts date;
      SalesNumberParts number;

      if (row->cells[i][0] != '\0' &&
          classify_cell (row->cells[i], &date, &number) != 0)
        return TRUE;
    }

  return FALSE;
}

static int
find_header (GPtrArray *head)
{
  g_autofree gboolean *typed_from = g_new0 (gboolean, head->len + 1);
  guint width = 0;
  guint widest_above = 0;

  for (guint i = 0; i < head->len; i++)
    width = MAX (width, count_filled (g_ptr_array_index (head, i)));

  /* typed_from[i]: some row from i down holds a number or a date. */
  for (guint i = head->len; i-- > 0;)
    typed_from[i] = typed_from[i + 1] ||
                    has_typed_cell (g_ptr_array_index (head, i));

  for (guint i = 0; i < head->len; i++)
    {
      const HeadRow *row = g_ptr_array_index (head, i);
      guint filled = count_filled (row);

      if ((i == 0 || (filled > widest_above && typed_from[i + 1])) &&
          could_be_header (row, width))
        return i;
      widest_above = MAX (widest_above, filled);
    }

  return -1;
}

static void
decide_header (SalesSniffer *self)
{
  self->decided = TRUE;
  if (self->chosen_header < 0)
    self->header_index = find_header (self->head);
  else if ((guint)self->chosen_header <= self->head->len)
    self->header_index = self->chosen_header - 1;
  else
    self->header_index = -1;

  if (self->header_index >= 0)
    {
      HeadRow *header = g_ptr_array_index (self->head, self->header_index);

      self->header = g_strdupv (header->cells);
      self->header_line = header->line;
      get_column (self, MAX (header->n_cells, 1) - 1);
    }

  for (guint i = self->header_index + 1; i < self->head->len; i++)
    {
      HeadRow *row = g_ptr_array_index (self->head, i);

      add_data_row (self, (const char *const *)row->cells, row->n_cells,
                    row->line);
    }

  g_ptr_array_set_size (self->head, 0);
  self->head_bytes = 0;
}

/* TRUE once enough leading rows are held to decide the header: the
 * chosen header row itself, or SALES_SNIFF_HEADER_ROWS rows or
 * SALES_SNIFF_HEADER_BYTES bytes of them when it is to be found.
 */
static gboolean
head_is_full (SalesSniffer *self)
{
  if (self->chosen_header >= 0)
    return self->head->len >= (guint)MAX (self->chosen_header, 1);

  return self->head->len >= SALES_SNIFF_HEADER_ROWS ||
         self->head_bytes >= SALES_SNIFF_HEADER_BYTES;
}

/**
 * sales_sniffer_add_row:
 * @self: a sniffer
 * @row: the next row of the file
 *
 * Feeds one row. The first rows (%SALES_SNIFF_HEADER_ROWS at most, and
 * %SALES_SNIFF_HEADER_BYTES of text) are kept until the header is found;
 * later rows only update the column statistics.
 */
void
sales_sniffer_add_row (SalesSniffer   *self,
                       const SalesRow *row)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row != NULL);

  if (self->decided)
    {
      add_data_row (self, (const char *const *)row->cells, row->n_cells,
                    row->line);
      return;
    }

  {
    HeadRow *copy = g_new0 (HeadRow, 1);

    copy->cells = g_new0 (char *, row->n_cells + 1);
    for (guint i = 0; i < row->n_cells; i++)
      {
        copy->cells[i] = g_strdup (row->cells[i]);
        self->head_bytes += strlen (row->cells[i]) + 1;
      }
    copy->n_cells = row->n_cells;
    copy->line = row->line;
    g_ptr_array_add (self->head, copy);
  }

  if (head_is_full (self))
    decide_header (self);
}

/**
 * sales_sniffer_finish:
 * @self: a sniffer
 *
 * Ends the feeding: decides the header if fewer rows than it needs were
 * fed and names every column (the header's text, or "Column N").
 */
void
sales_sniffer_finish (SalesSniffer *self)
{
  guint n_header;

  g_return_if_fail (self != NULL);

  if (!self->decided)
    decide_header (self);

  n_header = self->header != NULL ? g_strv_length (self->header) : 0;
  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; i < self->columns->len; i++)
    {
      if (i < n_header && self->header[i][0] != '\0')
        g_ptr_array_add (self->names, g_strdup (self->header[i]));
      else
        g_ptr_array_add (self->names, g_strdup_printf (_("Column %u"),
                                                       i + 1));
    }
}

gboolean
sales_sniffer_has_header (SalesSniffer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->header_index >= 0;
}

guint64
sales_sniffer_get_header_line (SalesSniffer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header_line;
}

/**
 * sales_sniffer_get_skip_rows:
 * @self: a finished sniffer
 *
 * Returns: how many rows come before the first data row: title rows and
 *   the header
 */
guint
sales_sniffer_get_skip_rows (SalesSniffer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header_index + 1;
}

guint64
sales_sniffer_get_n_data_rows (SalesSniffer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_data_rows;
}

guint
sales_sniffer_get_n_columns (SalesSniffer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

const char *
sales_sniffer_get_column_name (SalesSniffer *self,
                               guint         column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->names->len, NULL);

  return g_ptr_array_index (self->names, column);
}

/**
 * sales_sniffer_get_column_type:
 * @self: a finished sniffer
 * @column: a column index
 *
 * Returns: the narrowest type every non-empty cell of @column fits
 */
SalesColumnType
sales_sniffer_get_column_type (SalesSniffer *self,
                               guint         column)
{
  const Column *c;

  g_return_val_if_fail (self != NULL, SALES_COLUMN_TEXT);
  g_return_val_if_fail (column < self->columns->len, SALES_COLUMN_TEXT);

  c = &g_array_index (self->columns, Column, column);
  if (c->n_values == 0)
    return SALES_COLUMN_EMPTY;
  if (c->all_boolean)
    return SALES_COLUMN_BOOLEAN;
  if (c->all_date)
    return c->any_time ? SALES_COLUMN_DATETIME : SALES_COLUMN_DATE;
  if (!c->all_number)
    return SALES_COLUMN_TEXT;
  if (c->any_currency)
    return SALES_COLUMN_MONEY;

  return c->all_integer ? SALES_COLUMN_INTEGER : SALES_COLUMN_DECIMAL;
}

const SalesColumnEvidence *
sales_sniffer_get_evidence (SalesSniffer *self,
                            guint         column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, Column, column).evidence;
}

/**
 * sales_sniffer_get_column_format:
 * @self: a finished sniffer
 * @column: a column index
 * @format: (out): how to read the column's dates and numbers
 */
void
sales_sniffer_get_column_format (SalesSniffer      *self,
                                 guint              column,
                                 SalesColumnFormat *format)
{
  g_return_if_fail (self != NULL && format != NULL);

  if (column >= self->columns->len)
    {
      format->date_order = SALES_DATE_ORDER_NONE;
      format->decimal_mark = SALES_DECIMAL_NONE;
      return;
    }

  sales_column_evidence_decide (sales_sniffer_get_evidence (self, column),
                                format);
  if (column < self->chosen_orders->len &&
      g_array_index (self->chosen_orders, SalesDateOrder, column) !=
        SALES_DATE_ORDER_NONE)
    format->date_order = g_array_index (self->chosen_orders, SalesDateOrder,
                                        column);
}

/**
 * sales_sniffer_set_header_row:
 * @self: a sniffer not fed yet
 * @row: which row holds the column names, counted from 1 among the rows
 *   the reader yields (at most %SALES_SNIFF_HEADER_ROWS); 0 when none
 *   does; -1 to find it (the default)
 *
 * The rows above the header are skipped; without a header the columns
 * are numbered and every row is data.
 */
void
sales_sniffer_set_header_row (SalesSniffer *self,
                              int           row)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row >= -1 && row <= SALES_SNIFF_HEADER_ROWS);

  self->chosen_header = row;
}

/**
 * sales_sniffer_set_date_order:
 * @self: a sniffer
 * @column: a column index
 * @order: how its numeric dates are read; %SALES_DATE_ORDER_NONE lets
 *   the evidence decide again
 *
 * What the user chose wins over the evidence in
 * sales_sniffer_get_column_format().
 */
void
sales_sniffer_set_date_order (SalesSniffer   *self,
                              guint           column,
                              SalesDateOrder  order)
{
  g_return_if_fail (self != NULL);

  if (column >= self->chosen_orders->len)
    g_array_set_size (self->chosen_orders, column + 1);
  g_array_index (self->chosen_orders, SalesDateOrder, column) = order;
}

/**
 * sales_sniffer_get_chosen_date_order:
 * @self: a sniffer
 * @column: a column index
 *
 * Returns: the order set with sales_sniffer_set_date_order(), or
 *   %SALES_DATE_ORDER_NONE when the evidence decides
 */
SalesDateOrder
sales_sniffer_get_chosen_date_order (SalesSniffer *self,
                                     guint         column)
{
  g_return_val_if_fail (self != NULL, SALES_DATE_ORDER_NONE);

  if (column >= self->chosen_orders->len)
    return SALES_DATE_ORDER_NONE;

  return g_array_index (self->chosen_orders, SalesDateOrder, column);
}

/**
 * sales_sniffer_dup_date_explanation:
 * @self: a finished sniffer
 * @column: a column index
 * @rule: (out) (optional): the rule that decided the order
 *
 * Returns: (transfer full) (nullable): which rule decided the column's
 *   date order, as a sentence; %NULL when the column has no numeric dates
 */
char *
sales_sniffer_dup_date_explanation (SalesSniffer   *self,
                                    guint           column,
                                    SalesOrderRule *rule)
{
  char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  sales_column_evidence_date_order (sales_sniffer_get_evidence (self, column),
                                    rule, &text);
  return text;
}

const char *
sales_column_type_to_string (SalesColumnType type)
{
  static const char *const names[] = {
    "empty", "text", "integer", "decimal", "money", "date", "datetime",
    "boolean",
  };

  g_return_val_if_fail (type < G_N_ELEMENTS (names), "text");

  return names[type];
}

/**
 * sales_date_order_to_string:
 * @order: a date order
 *
 * Returns: (nullable): "month-first", "day-first", or %NULL for none
 */
const char *
sales_date_order_to_string (SalesDateOrder order)
{
  switch (order)
    {
    case SALES_DATE_ORDER_MONTH_FIRST:
      return "month-first";
    case SALES_DATE_ORDER_DAY_FIRST:
      return "day-first";
    case SALES_DATE_ORDER_NONE:
    default:
      return NULL;
    }
}
