/* sales-import-converter.h: what each row of an import becomes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-convert.h"
#include "sales-mapper.h"
#include "sales-reader.h"
#include "sales-schema.h"

G_BEGIN_DECLS

/* A row converted and ready to store, or the reason it is rejected. The
 * values and texts belong to whoever prepared the row.
 */
typedef struct
{
  SalesRow     row;           /* the cells as read, for a reject */
  SalesValue  *values;        /* one per written field */
  const guint *lengths;       /* per value, a text's length, or NULL */
  gboolean     fingerprinted; /* the id is the fingerprint of the cells */
  const char  *extra;         /* the unmapped cells as JSON, or NULL */
  int          bad_column;    /* the source column rejected, or -1 */
  char        *reason;        /* why it is rejected, or NULL */
} SalesPreparedRow;

typedef struct _SalesImportConverter SalesImportConverter;

SalesImportConverter *
_sales_import_converter_new (const SalesMapping  *mapping,
                             GError             **error);
void _sales_import_converter_free (SalesImportConverter *self);

const SalesTableInfo *
_sales_import_converter_get_table (SalesImportConverter *self);
guint _sales_import_converter_get_n_written (SalesImportConverter *self);
const SalesField *
_sales_import_converter_get_field (SalesImportConverter *self,
                                   guint                 index);
int   _sales_import_converter_get_id_index (SalesImportConverter *self);
char *_sales_import_converter_column_name (SalesImportConverter *self,
                                           guint                 column);

gboolean _sales_import_converter_convert (SalesImportConverter     *self,
                                          const SalesRow           *row,
                                          const SalesColumnFormat  *formats,
                                          SalesColumnEvidence      *evidence,
                                          SalesValue               *values,
                                          gboolean                 *fingerprinted,
                                          int                      *bad_column,
                                          char                    **reason);
gboolean _sales_import_converter_build_extra (SalesImportConverter *self,
                                              const SalesRow       *row,
                                              GString              *extra);

void _sales_json_append_string (GString    *out,
                                const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesImportConverter, _sales_import_converter_free)

G_END_DECLS
