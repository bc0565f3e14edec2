/* sales-kpi-dirty.h: recomputing only the roll-up's days a write touched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean _sales_kpi_dirty_refresh (sqlite3   *db,
                                   gboolean   deals_as_purchases,
                                   gboolean  *done,
                                   GError   **error);

G_END_DECLS
