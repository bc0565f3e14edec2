/* sales-import-choices.h: how the user chose to read a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-reader.h"
#include "sales-sniffer.h"

G_BEGIN_DECLS

typedef struct _SalesImportChoices SalesImportChoices;

SalesImportChoices *_sales_import_choices_new  (void);
void                _sales_import_choices_free (SalesImportChoices *self);

void _sales_import_choices_set_encoding   (SalesImportChoices *self,
                                           const char         *encoding);
void _sales_import_choices_set_delimiter  (SalesImportChoices *self,
                                           char                delimiter);
void _sales_import_choices_set_header_row (SalesImportChoices *self,
                                           int                 row);
void _sales_import_choices_set_date_order (SalesImportChoices *self,
                                           guint               column,
                                           SalesDateOrder      order);

SalesReader *_sales_import_choices_open_reader (SalesImportChoices  *self,
                                                const char          *path,
                                                const char          *sheet,
                                                GCancellable        *cancellable,
                                                GError             **error);
void         _sales_import_choices_apply       (SalesImportChoices  *self,
                                                SalesSniffer        *sniffer);

G_END_DECLS
