/* sales-import-schema.h: a table's indexes and triggers set aside
 *
 * Private to the import layer: the writer's and revert's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

int _sales_import_schema_drop    (sqlite3    *db,
                                  const char *table,
                                  const char *type,
                                  const char *glob,
                                  const char *written,
                                  GPtrArray  *dropped);
int _sales_import_schema_restore (sqlite3    *db,
                                  GPtrArray  *dropped);

G_END_DECLS
