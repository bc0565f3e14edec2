/* sales-import-wizard.h: the import dialog, one file at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_IMPORT_WIZARD (sales_import_wizard_get_type ())

G_DECLARE_FINAL_TYPE (SalesImportWizard, sales_import_wizard, SALES,
                      IMPORT_WIZARD, AdwWindow)

/* Opens the wizard on @file (or on its first page to choose one when
 * @file is %NULL), modal to @parent. The wizard emits "finished" when it
 * closes, whatever the outcome, so a caller can queue several files.
 */
SalesImportWizard *sales_import_wizard_new (GtkWindow      *parent,
                                            SalesWorkspace *workspace,
                                            GFile          *file);

/* Opens the wizard on text pasted from the clipboard, written first to a
 * file in the user's cache directory.
 */
SalesImportWizard *sales_import_wizard_new_for_text (GtkWindow      *parent,
                                                     SalesWorkspace *workspace,
                                                     const char     *text,
                                                     GError        **error);

/* Whether the wizard can read @file, judged by its name. */
gboolean           sales_import_wizard_can_import (GFile *file);

G_END_DECLS
