/* sales-imports-page-private.h: shared by the sales-imports-page-*.c files
 * and the import wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-imports-page.h"

G_BEGIN_DECLS

typedef void (*SalesRevertedFunc) (gboolean      reverted,
                                   const GError *error,
                                   gpointer      data);

AdwMessageDialog *sales_revert_dialog_present (GtkWindow         *parent,
                                               SalesWorkspace    *workspace,
                                               gint64             import_id,
                                               SalesRevertedFunc  done,
                                               gpointer           data);

/* For the page's tests. */
guint             sales_imports_page_get_n_imports (SalesImportsPage *self);
AdwMessageDialog *sales_imports_page_revert         (SalesImportsPage *self,
                                                     gint64            import_id);

G_END_DECLS
