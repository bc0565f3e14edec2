/* sales-import-claims.c: the ids an import matched among stored rows
 *
 * A row without an id is stored under its fingerprint, and identical
 * rows of one file under "#2", "#3"... after it. When a file is imported
 * again, its first such row matches the stored one; the second must
 * match the next, not the same one again. Rows the import inserted say
 * so by their import_id; rows it matched without writing are remembered
 * here, in a temporary table of the import's connection, which keeps the
 * memory flat however many rows the file has. Only an import into a
 * table that has rows of an earlier import uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include "sales-import-claims.h"

struct _SalesImportClaims
{
  sqlite3      *db;
  sqlite3_stmt *add;
  sqlite3_stmt *lookup;
};

/* Created on first use: most imports never need the table. */
static int
prepare (SalesImportClaims *self)
{
  int rc;

  if (self->add != NULL)
    return SQLITE_OK;

  rc = sqlite3_exec (self->db, "CREATE TEMP TABLE IF NOT EXISTS "
                               "import_claims (key TEXT PRIMARY KEY) "
                               "WITHOUT ROWID; DELETE FROM "
                               "temp.import_claims", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, "INSERT OR IGNORE INTO "
                                       "temp.import_claims VALUES (?1)", -1,
                             &self->add, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, "SELECT 1 FROM temp.import_claims "
                                       "WHERE key = ?1", -1, &self->lookup,
                             NULL);
  if (rc != SQLITE_OK)
    g_clear_pointer (&self->add, sqlite3_finalize);

  return rc;
}

/**
 * _sales_import_claims_new:
 * @db: the import's connection, inside its transaction
 *
 * Returns: (transfer full): an empty set of claims
 */
SalesImportClaims *
_sales_import_claims_new (sqlite3 *db)
{
  SalesImportClaims *self = g_new0 (SalesImportClaims, 1);

  self->db = db;
  return self;
}

void
_sales_import_claims_free (SalesImportClaims *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->add);
  sqlite3_finalize (self->lookup);
  g_free (self);
}

/* Returns SQLITE_OK, or the error; sqlite3_errmsg() tells more. */
int
_sales_import_claims_add (SalesImportClaims *self,
                          const char        *key)
{
  int rc = prepare (self);

  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_text (self->add, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->add);
  sqlite3_reset (self->add);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Sets @found when @key was added; returns SQLITE_OK or the error. */
int
_sales_import_claims_contains (SalesImportClaims *self,
                               const char        *key,
                               gboolean          *found)
{
  int rc;

  *found = FALSE;
  if (self->add == NULL)
    return SQLITE_OK;

  sqlite3_bind_text (self->lookup, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->lookup);
  sqlite3_reset (self->lookup);
  *found = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}
