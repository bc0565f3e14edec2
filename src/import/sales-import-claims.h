/* sales-import-claims.h: the ids an import matched among stored rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _SalesImportClaims SalesImportClaims;

SalesImportClaims *_sales_import_claims_new      (sqlite3           *db);
void               _sales_import_claims_free     (SalesImportClaims *self);
int                _sales_import_claims_add      (SalesImportClaims *self,
                                                  const char        *key);
int                _sales_import_claims_contains (SalesImportClaims *self,
                                                  const char        *key,
                                                  gboolean          *found);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesImportClaims, _sales_import_claims_free)

G_END_DECLS
