/* sales-imports-page-export.h: the rejected rows of an import, as a CSV to fix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-workspace.h"

G_BEGIN_DECLS

gboolean sales_import_rejects_export (SalesWorkspace  *workspace,
                                      gint64           import_id,
                                      const char      *path,
                                      GError         **error);

G_END_DECLS
