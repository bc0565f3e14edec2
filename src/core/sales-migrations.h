/* sales-migrations.h: ordered schema upgrades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef gboolean (*SalesMigrationFunc) (sqlite3  *db,
                                        GError  **error);

/* One step brings a workspace to @version, by SQL, by code, or both. */
typedef struct
{
  int                 version;
  const char         *sql;
  SalesMigrationFunc  func;
} SalesMigration;

const SalesMigration *sales_migrations_get_default (guint  *n_steps);

gboolean              sales_migrations_run         (sqlite3              *db,
                                                    const char           *path,
                                                    const SalesMigration *steps,
                                                    guint                 n_steps,
                                                    GError              **error);

G_END_DECLS
