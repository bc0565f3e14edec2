/* sales-kpi-cache.c: the daily roll-up the KPIs read
 *
 * The rules for single rows live in the fact queries (sales-kpi-facts.c),
 * which a SalesKpiRollup adds up into day rows (sales-kpi-rollup.c). The
 * KPI formulas then only add day rows and divide.
 *
 * The roll-up lives in the workspace. The triggers of schema v3 record
 * what each write touched, and the next evaluation recomputes only those
 * days (sales-kpi-dirty.c), or rebuilds everything after a bulk load or
 * when the changes are many. A connection that may not write builds a
 * private copy in "temp" inside its read transaction instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-kpi-dirty.h"
#include "sales-kpi-facts.h"
#include "sales-kpi-private.h"
#include "sales-kpi-rollup.h"

#define SALES_KPI_NAME(name) #name,
static const char *const column_names[] = {
  SALES_KPI_COLUMNS (SALES_KPI_NAME)
  NULL
};
#undef SALES_KPI_NAME

const char *const *
_sales_kpi_column_names (void)
{
  return column_names;
}

void
_sales_kpi_sums_add (SalesKpiSums       *total,
                     const SalesKpiSums *part)
{
  gint64 *t = (gint64 *)total;
  const gint64 *p = (const gint64 *)part;

  for (guint i = 0; i < SALES_KPI_N_COLUMNS; i++)
    t[i] += p[i];
}

/* A private copy writes a million customer days into "temp": a larger
 * cache spills less of them to its file. (The workspace's own cache size
 * makes no difference to a rebuild, which reads each table once.)
 */
static const char prepare_build[] =
  "PRAGMA temp.cache_size = -32768;";

/* The private copy has the workspace's columns; it needs no keys. */
static const char prepare_temp[] =
  "CREATE TEMP TABLE IF NOT EXISTS kpi_daily AS"
  " SELECT * FROM main.kpi_daily WHERE 0;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_first AS"
  " SELECT * FROM main.kpi_first WHERE 0;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_lead_hours AS"
  " SELECT * FROM main.kpi_lead_hours WHERE 0;"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_customer_days AS"
  " SELECT * FROM main.kpi_customer_days WHERE 0;";

static const char clear_cache[] =
  "DELETE FROM @schema.kpi_daily; DELETE FROM @schema.kpi_first;"
  "DELETE FROM @schema.kpi_lead_hours; DELETE FROM @schema.kpi_customer_days;";

/* Runs @sql with "@schema" standing for the roll-up's schema. */
static gboolean
exec_in (sqlite3     *db,
         const char  *sql,
         const char  *schema,
         GError     **error)
{
  g_autoptr(GString) text = g_string_new (sql);

  g_string_replace (text, "@schema", schema, 0);
  return _sales_kpi_exec (db, text->str, error);
}

/**
 * _sales_kpi_deals_as_purchases:
 * @db: a connection inside a read transaction
 *
 * Returns: %TRUE when the workspace has no purchases at all, so that won
 *   deals count as purchases
 */
gboolean
_sales_kpi_deals_as_purchases (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean none = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT NOT EXISTS (SELECT 1 FROM"
                          " main.purchases)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    none = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return none;
}

/**
 * sales_kpi_has_purchases:
 * @db: a connection to a workspace
 *
 * Returns: %TRUE when the workspace has purchases; without any, the
 *   purchase KPIs read won deals (pass the opposite to
 *   sales_kpi_drill_down_full())
 */
gboolean
sales_kpi_has_purchases (sqlite3 *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return !_sales_kpi_deals_as_purchases (db);
}

/**
 * _sales_kpi_cache_build:
 * @db: a connection inside a transaction
 * @schema: "main" to rebuild the workspace's roll-up (the transaction
 *   must be able to write), "temp" for a private copy
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_kpi_cache_build (sqlite3     *db,
                        const char  *schema,
                        GError     **error)
{
  g_autoptr(SalesKpiRollup) rollup = _sales_kpi_rollup_new (NULL);
  gboolean deals_as_purchases = _sales_kpi_deals_as_purchases (db);
  g_auto(GStrv) queries = _sales_kpi_facts_queries (SALES_KPI_FACTS_ALL,
                                                    deals_as_purchases);
  g_autofree char *state = NULL;

  g_assert (g_str_equal (schema, "main") || g_str_equal (schema, "temp"));

  if (!_sales_kpi_exec (db, prepare_build, error) ||
      (g_str_equal (schema, "temp") &&
       !_sales_kpi_exec (db, prepare_temp, error)) ||
      !exec_in (db, clear_cache, schema, error) ||
      !_sales_kpi_rollup_add_queries (rollup, db,
                                      (const char *const *)queries, error))
    return FALSE;

  _sales_kpi_rollup_count_firsts (rollup,
                                  _sales_kpi_rollup_get_customer_days (rollup),
                                  1);
  if (!_sales_kpi_rollup_write (rollup, db, schema, FALSE, error))
    return FALSE;

  if (!g_str_equal (schema, "main"))
    return TRUE;

  state = g_strdup_printf ("DELETE FROM main.kpi_dirty;"
                           "UPDATE main.kpi_state SET stale = 0,"
                           " built_at = datetime ('now'),"
                           " deals_as_purchases = %d, irregular = %d",
                           deals_as_purchases ? 1 : 0,
                           _sales_kpi_rollup_is_irregular (rollup) ? 1 : 0);
  return _sales_kpi_exec (db, state, error);
}

/* kpi_state.stale: 0 current, 1 to rebuild, 2 to recompute what
 * kpi_dirty records.
 */
static gboolean
read_state (sqlite3  *db,
            int      *state,
            GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT stale FROM main.kpi_state", -1,
                           &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *state = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not compute the KPIs: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/**
 * sales_kpi_refresh:
 * @db: a writable connection to a workspace, outside any transaction
 * @error: return location for a #GError
 *
 * Brings the workspace's KPI roll-up up to date when a record table
 * changed since: by recomputing the days the changes touched (a fraction
 * of a second for a few edits), or by rebuilding it after a large import
 * or many changes (seconds on a million rows); otherwise does nothing.
 * Evaluations do this themselves, so calling it is only a way to pay the
 * cost early (after an import, in a worker thread). Holds the write lock
 * while it works.
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
sales_kpi_refresh (sqlite3  *db,
                   GError  **error)
{
  int state = 0;
  gboolean done = FALSE;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (db), FALSE);

  if (!_sales_kpi_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!read_state (db, &state, error) ||
      (state == 2 &&
       !_sales_kpi_dirty_refresh (db, _sales_kpi_deals_as_purchases (db),
                                  &done, error)) ||
      (state != 0 && !done && !_sales_kpi_cache_build (db, "main", error)))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (state != 0)
    g_debug ("%s the KPI roll-up in %.3f s", done ? "updated" : "rebuilt",
             (g_get_monotonic_time () - start) / 1e6);
  return _sales_kpi_exec (db, "COMMIT", error);
}

/**
 * _sales_kpi_cache_begin:
 * @db: a connection
 * @schema: (out): where the roll-up to read is, "main" or "temp"
 * @error: return location for a #GError
 *
 * Starts the read transaction of one evaluation (unless the caller has
 * one open) with an up-to-date roll-up: the workspace's, rebuilt first
 * when stale and the connection may write, else a private copy.
 *
 * Returns: %TRUE on success; end with _sales_kpi_cache_end()
 */
gboolean
_sales_kpi_cache_begin (sqlite3     *db,
                        const char **schema,
                        gboolean    *began,
                        GError     **error)
{
  int state = 0;

  *began = sqlite3_get_autocommit (db);
  if (*began)
    {
      g_autoptr(GError) refresh_error = NULL;

      /* Only an outdated roll-up needs the write lock; if another writer
       * holds it, the private copy below still gives the right numbers.
       */
      if (!sqlite3_db_readonly (db, "main") &&
          read_state (db, &state, NULL) && state != 0 &&
          !sales_kpi_refresh (db, &refresh_error))
        g_debug ("KPI roll-up not refreshed: %s", refresh_error->message);

      if (!_sales_kpi_exec (db, "BEGIN", error))
        return FALSE;
    }

  *schema = "main";
  if (read_state (db, &state, error) &&
      (state == 0 || _sales_kpi_cache_build (db, "temp", error)))
    {
      *schema = state != 0 ? "temp" : "main";
      return TRUE;
    }

  _sales_kpi_cache_end (db, *began);
  return FALSE;
}

/* Reading only, so ending the transaction cannot lose anything. */
void
_sales_kpi_cache_end (sqlite3  *db,
                      gboolean  began)
{
  if (began && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}
