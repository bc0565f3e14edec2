/* sales-import-connection.h: the connection an import writes through
 *
 * Private to the import layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  sqlite3  *db;
  gboolean  borrowed;      /* the workspace's own, given back on close */
  gboolean  journaled;     /* out of WAL mode for the load */
  int       cache_size;    /* the borrowed connection's settings */
  int       synchronous;
} SalesImportConnection;

gboolean _sales_import_connection_open          (SalesImportConnection *self,
                                                 SalesWorkspace        *workspace,
                                                 gboolean               exclusive,
                                                 GError               **error);
void     _sales_import_connection_leave_log     (SalesImportConnection *self);
void     _sales_import_connection_return_to_log (SalesImportConnection *self);
void     _sales_import_connection_close         (SalesImportConnection *self);

G_END_DECLS
