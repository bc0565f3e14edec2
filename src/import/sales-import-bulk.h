/* sales-import-bulk.h: many rows stored by one INSERT ... SELECT
 *
 * Private to the import layer (see sales-import-bulk.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sales-convert.h"

G_BEGIN_DECLS

/* Hands out the next row to insert: @values (@n_values of them, as given
 * to _sales_import_bulk_run()) and @extra (nullable), valid until the
 * next call. Sets @values to %NULL at the end. Returns %FALSE with @error
 * set to stop the statement.
 */
typedef gboolean (*SalesImportBulkNext) (gpointer            data,
                                         const SalesValue  **values,
                                         const char        **extra,
                                         GError            **error);

gboolean _sales_import_bulk_run (sqlite3              *db,
                                 const char           *path,
                                 const char           *insert,
                                 guint                 n_values,
                                 SalesImportBulkNext   next,
                                 gpointer              data,
                                 GError              **error);

G_END_DECLS
