/* sales-import-schema.c: a table's indexes and triggers set aside
 *
 * A bulk write is several times faster without the secondary indexes in
 * place (they are built again after it) and without the KPI triggers,
 * which record each row's days when the roll-up is to be rebuilt anyway.
 * Both are dropped and made again inside the transaction of the import
 * or the revert, so a failure or a crash leaves them as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include "sales-import-schema.h"

/**
 * _sales_import_schema_drop:
 * @db: a connection inside a write transaction
 * @table: the table
 * @type: "index" or "trigger"
 * @glob: which of them, by name
 * @written: (nullable): the columns the bulk write sets, as a JSON array
 *   of names, or %NULL for any
 * @dropped: receives their CREATE statements, for
 *   _sales_import_schema_restore()
 *
 * Drops @table's schema objects of @type whose name matches @glob; the
 * automatic indexes of UNIQUE columns, which have no statement, stay.
 *
 * So does a partial index on columns outside @written: the rows written
 * leave their NULL there, outside such an index as the schema's are
 * (`WHERE lead_ref IS NOT NULL`), and building it again would cost a scan
 * of the whole table to find it as it was (0.06 s per index for a million
 * opportunities).
 *
 * Returns: an SQLite result code
 */
int
_sales_import_schema_drop (sqlite3    *db,
                           const char *table,
                           const char *type,
                           const char *glob,
                           const char *written,
                           GPtrArray  *dropped)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema AS s "
                               "WHERE type = ?1 AND tbl_name = ?2 AND sql IS "
                               "NOT NULL AND name GLOB ?3 AND NOT (?4 NOT "
                               "NULL AND EXISTS (SELECT 1 FROM "
                               "pragma_index_list (?2) AS l WHERE l.name = "
                               "s.name AND l.partial) AND NOT EXISTS (SELECT "
                               "1 FROM pragma_index_info (s.name) AS i, "
                               "json_each (?4) AS w WHERE i.name = w.value))",
                          -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, glob, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, written, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names,
                       g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (dropped,
                       g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", type,
                                               (char *)names->pdata[i]);

      if ((rc = sqlite3_exec (db, drop, NULL, NULL, NULL)) != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

/**
 * _sales_import_schema_restore:
 * @db: the connection that dropped them, in the same transaction
 * @dropped: CREATE statements from _sales_import_schema_drop(), emptied
 *
 * Returns: an SQLite result code
 */
int
_sales_import_schema_restore (sqlite3   *db,
                              GPtrArray *dropped)
{
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < dropped->len; i++)
    rc = sqlite3_exec (db, g_ptr_array_index (dropped, i), NULL, NULL, NULL);
  g_ptr_array_set_size (dropped, 0);

  return rc;
}
