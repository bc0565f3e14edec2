/* sales-import-pipe.h: rows read and converted on a thread of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-import-converter.h"

G_BEGIN_DECLS

typedef struct _SalesImportPipe SalesImportPipe;

SalesImportPipe *_sales_import_pipe_new (SalesReader             *reader,
                                         guint                    skip_rows,
                                         SalesImportConverter    *converter,
                                         const SalesColumnFormat *formats,
                                         SalesColumnEvidence     *evidence);
const SalesPreparedRow *
                 _sales_import_pipe_next (SalesImportPipe  *self,
                                          GError          **error);
guint64          _sales_import_pipe_get_position (SalesImportPipe *self);
void             _sales_import_pipe_free (SalesImportPipe *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesImportPipe, _sales_import_pipe_free)

G_END_DECLS
