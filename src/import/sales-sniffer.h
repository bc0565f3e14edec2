/* sales-sniffer.h: header row, column types, date order, decimal mark
 *
 * Rows are fed one by one (a whole file, or a bounded sample when the
 * caller says so); the decisions come from every row fed, not the first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-column-evidence.h"
#include "sales-reader.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_COLUMN_EMPTY,
  SALES_COLUMN_TEXT,
  SALES_COLUMN_INTEGER,
  SALES_COLUMN_DECIMAL,
  SALES_COLUMN_MONEY,
  SALES_COLUMN_DATE,
  SALES_COLUMN_DATETIME,
  SALES_COLUMN_BOOLEAN,
} SalesColumnType;

typedef struct _SalesSniffer SalesSniffer;

SalesSniffer    *sales_sniffer_new                (void);
void             sales_sniffer_free               (SalesSniffer  *self);
void             sales_sniffer_add_row            (SalesSniffer  *self,
                                                   const SalesRow *row);
void             sales_sniffer_finish             (SalesSniffer  *self);
gboolean         sales_sniffer_sniff_reader       (SalesSniffer  *self,
                                                   SalesReader   *reader,
                                                   guint64        max_rows,
                                                   GError       **error);

gboolean         sales_sniffer_has_header         (SalesSniffer  *self);
guint64          sales_sniffer_get_header_line    (SalesSniffer  *self);
guint            sales_sniffer_get_skip_rows      (SalesSniffer  *self);
guint64          sales_sniffer_get_n_data_rows    (SalesSniffer  *self);
guint            sales_sniffer_get_n_columns      (SalesSniffer  *self);
const char      *sales_sniffer_get_column_name    (SalesSniffer  *self,
                                                   guint          column);
SalesColumnType  sales_sniffer_get_column_type    (SalesSniffer  *self,
                                                   guint          column);
void             sales_sniffer_get_column_format  (SalesSniffer  *self,
                                                   guint          column,
                                                   SalesColumnFormat *format);
const SalesColumnEvidence *
                 sales_sniffer_get_evidence       (SalesSniffer  *self,
                                                   guint          column);
char            *sales_sniffer_dup_date_explanation (SalesSniffer *self,
                                                   guint          column,
                                                   SalesOrderRule *rule);

void             sales_sniffer_set_header_row     (SalesSniffer  *self,
                                                   int            row);
void             sales_sniffer_set_date_order     (SalesSniffer  *self,
                                                   guint          column,
                                                   SalesDateOrder order);
SalesDateOrder   sales_sniffer_get_chosen_date_order (SalesSniffer *self,
                                                   guint          column);

const char      *sales_column_type_to_string      (SalesColumnType type);
const char      *sales_date_order_to_string       (SalesDateOrder  order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesSniffer, sales_sniffer_free)

G_END_DECLS
