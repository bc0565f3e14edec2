/* sales-kpi-dirty.c: recomputing only the roll-up's days a write touched
 *
 * The triggers of schema v3 record in kpi_dirty the days a written row had
 * and has, and the leads and customers it refers to. Other rows depend on
 * those: a lead lends its owner, source and start to its deals and to its
 * customers, whose purchases and acquisition follow; so a dirty lead makes
 * its customers dirty, and both make the days of every row referring to
 * them dirty. Those days' rows are then recomputed from the record tables,
 * found by index ranges on the date columns.
 *
 * kpi_first counts customers on the first day they bought, which depends
 * on all their days: for each customer whose customer days on the dirty
 * days changed, its first days before the change are taken back and the
 * new ones added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <string.h>

#include "sales-kpi-dirty.h"
#include "sales-kpi-facts.h"
#include "sales-kpi-private.h"
#include "sales-kpi-rollup.h"
#include "sales-limits.h"
#include "sales-workspace.h"

enum { DIRTY_DAY, DIRTY_LEAD, DIRTY_CUSTOMER };

/* Leads to their customers, then both to the days of the rows that
 * refer to them (the rows as they are now: a row that changed recorded
 * its own old days).
 */
static const char expand[] =
  "INSERT OR IGNORE INTO main.kpi_dirty SELECT 2, c.external_id"
  " FROM main.kpi_dirty k JOIN main.customers c ON c.lead_ref = k.key"
  " WHERE k.kind = 1;"
  "INSERT OR IGNORE INTO main.kpi_dirty SELECT 0, date (l.created_at)"
  " FROM main.kpi_dirty k JOIN main.leads l ON l.external_id = k.key"
  " WHERE k.kind = 1;"
  "INSERT OR IGNORE INTO main.kpi_dirty SELECT 0, date (o.closed_at)"
  " FROM main.kpi_dirty k JOIN main.opportunities o ON o.lead_ref = k.key"
  " WHERE k.kind = 1;"
  "INSERT OR IGNORE INTO main.kpi_dirty SELECT 0, date (o.created_at)"
  " FROM main.kpi_dirty k JOIN main.opportunities o ON o.lead_ref = k.key"
  " WHERE k.kind = 1;"
  "INSERT OR IGNORE INTO main.kpi_dirty SELECT 0, date (c.acquired_at)"
  " FROM main.kpi_dirty k JOIN main.customers c ON c.external_id = k.key"
  " WHERE k.kind = 2;"
  "INSERT OR IGNORE INTO main.kpi_dirty SELECT 0, date (p.purchased_at)"
  " FROM main.kpi_dirty k JOIN main.purchases p ON p.customer_ref = k.key"
  " WHERE k.kind = 2;"
  "INSERT OR IGNORE INTO main.kpi_dirty SELECT 0, date (o.closed_at)"
  " FROM main.kpi_dirty k"
  " JOIN main.opportunities o ON o.customer_ref = k.key"
  " WHERE k.kind = 2 AND o.outcome = 'won';";

static const char prepare_days[] =
  "CREATE TEMP TABLE IF NOT EXISTS kpi_days (day TEXT PRIMARY KEY,"
  "  next TEXT);"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_customers (customer TEXT"
  "  PRIMARY KEY);"
  "DELETE FROM temp.kpi_days; DELETE FROM temp.kpi_customers;"
  "INSERT INTO temp.kpi_days SELECT key, date (key, '+1 day')"
  " FROM main.kpi_dirty WHERE kind = 0;";

static const char clear_days[] =
  "DELETE FROM main.kpi_daily WHERE level IN (0, 1, 2, 3)"
  " AND day IN (SELECT day FROM temp.kpi_days);"
  "DELETE FROM main.kpi_lead_hours WHERE level IN (0, 1, 2, 3)"
  " AND day IN (SELECT day FROM temp.kpi_days);"
  "DELETE FROM main.kpi_customer_days"
  " WHERE day IN (SELECT day FROM temp.kpi_days);";

/* Whether the recorded changes are few enough to recompute by day: the
 * roll-up must have been built the way it would be built now, and the
 * keys and days must stay below the limits past which a rebuild, which
 * reads each table once, is faster than looking rows up.
 */
static gboolean
worth_it (sqlite3 *db,
          gboolean deals_as_purchases)
{
  g_autofree char *same_build = g_strdup_printf (
    "SELECT coalesce (irregular = 0 AND deals_as_purchases = %d, 0)"
    " FROM main.kpi_state", deals_as_purchases ? 1 : 0);
  gint64 keys = sales_sqlite_query_int (db, "SELECT count (*) FROM "
                                        "main.kpi_dirty WHERE kind <> 0", -1);

  return sales_sqlite_query_int (db, same_build, -1) == 1 && keys >= 0 &&
         keys <= SALES_KPI_MAX_DIRTY_KEYS;
}

static GHashTable *
read_days (sqlite3 *db)
{
  GHashTable *days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT day FROM temp.kpi_days", -1, &stmt,
                          NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_add (days, g_strdup ((const char *)
                                        sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  return days;
}

static guint
customer_day_hash (gconstpointer data)
{
  const SalesKpiCustomerDay *row = data;

  return ((row->customer * 31u + row->day) * 31u + row->owner) * 31u +
         row->source;
}

static gboolean
customer_day_equal (gconstpointer a,
                    gconstpointer b)
{
  return memcmp (a, b, sizeof (SalesKpiCustomerDay)) == 0;
}

/* The customers whose customer days on the dirty days changed: only
 * their first days can have moved.
 */
static GHashTable *
changed_customers (GArray *old_rows,
                   GArray *new_rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (customer_day_hash,
                                                 customer_day_equal);
  GHashTable *customers = g_hash_table_new (NULL, NULL);
  GArray *rows[] = { old_rows, new_rows };
  GHashTableIter iter;
  gpointer key, value;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint i = 0; i < rows[r]->len; i++)
      {
        gpointer row = &g_array_index (rows[r], SalesKpiCustomerDay, i);
        guint sides = GPOINTER_TO_UINT (g_hash_table_lookup (seen, row));

        g_hash_table_insert (seen, row, GUINT_TO_POINTER (sides | (1u << r)));
      }

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) != 3)
      g_hash_table_add (customers, GUINT_TO_POINTER (
        ((SalesKpiCustomerDay *)key)->customer));

  return customers;
}

static gboolean
store_customers (SalesKpiRollup  *rollup,
                 sqlite3         *db,
                 GHashTable      *customers,
                 GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer customer;
  gboolean ok = sqlite3_prepare_v2 (db, "INSERT INTO temp.kpi_customers"
                                    " VALUES (?)", -1, &stmt, NULL) ==
                SQLITE_OK;

  g_hash_table_iter_init (&iter, customers);
  while (ok && g_hash_table_iter_next (&iter, &customer, NULL))
    {
      sqlite3_bind_text (stmt, 1, _sales_kpi_rollup_text (
                           rollup, GPOINTER_TO_UINT (customer)), -1,
                         SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return ok || _sales_kpi_sql_error (db, error);
}

/* Keeps the rows of @customers only. */
static void
filter_customers (GArray     *rows,
                  GHashTable *customers)
{
  guint kept = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      SalesKpiCustomerDay *row = &g_array_index (rows, SalesKpiCustomerDay,
                                                 i);

      if (g_hash_table_contains (customers,
                                 GUINT_TO_POINTER (row->customer)))
        g_array_index (rows, SalesKpiCustomerDay, kept++) = *row;
    }
  g_array_set_size (rows, kept);
}

/* The first days of the customers whose customer days on the dirty days
 * changed, before the change (@old_rows: their stored rows of those
 * days, plus their other days, which did not change) and after it.
 */
static gboolean
count_first_days (SalesKpiRollup  *rollup,
                  sqlite3         *db,
                  GHashTable      *days,
                  GArray          *old_rows,
                  gboolean         deals_as_purchases,
                  GError         **error)
{
  g_auto(GStrv) queries = _sales_kpi_facts_queries (
    SALES_KPI_FACTS_CUSTOMERS, deals_as_purchases);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE,
                                        sizeof (SalesKpiCustomerDay));
  g_autoptr(GHashTable) customers = changed_customers (
    old_rows, _sales_kpi_rollup_get_customer_days (rollup));

  if (g_hash_table_size (customers) == 0)
    return TRUE;

  filter_customers (old_rows, customers);
  if (!store_customers (rollup, db, customers, error) ||
      !_sales_kpi_rollup_add_facts (rollup, db, queries[0], rows, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const SalesKpiCustomerDay *row =
        &g_array_index (rows, SalesKpiCustomerDay, i);

      if (!g_hash_table_contains (days, _sales_kpi_rollup_text (rollup,
                                                                row->day)))
        g_array_append_val (old_rows, *row);
    }

  _sales_kpi_rollup_count_firsts (rollup, old_rows, -1);
  _sales_kpi_rollup_count_firsts (rollup, rows, 1);
  return TRUE;
}

static gboolean
recompute_days (sqlite3     *db,
                gboolean     deals_as_purchases,
                gboolean    *done,
                GError     **error)
{
  g_autoptr(GHashTable) days = read_days (db);
  g_autoptr(SalesKpiRollup) rollup = _sales_kpi_rollup_new (days);
  g_autoptr(GArray) old_rows = g_array_new (FALSE, FALSE,
                                            sizeof (SalesKpiCustomerDay));
  g_auto(GStrv) queries = _sales_kpi_facts_queries (SALES_KPI_FACTS_DAYS,
                                                    deals_as_purchases);

  if (!_sales_kpi_rollup_add_queries (rollup, db,
                                      (const char *const *)queries, error))
    return FALSE;
  if (_sales_kpi_rollup_is_irregular (rollup))
    return TRUE;

  if (!_sales_kpi_rollup_add_facts (rollup, db, "SELECT day, owner, source,"
                                    " customer FROM main.kpi_customer_days"
                                    " WHERE day IN (SELECT day FROM"
                                    " temp.kpi_days)", old_rows, error) ||
      !count_first_days (rollup, db, days, old_rows, deals_as_purchases,
                         error) ||
      !_sales_kpi_exec (db, clear_days, error) ||
      !_sales_kpi_rollup_write (rollup, db, "main", TRUE, error))
    return FALSE;

  g_debug ("recomputed %u days of the KPI roll-up", g_hash_table_size (days));
  *done = TRUE;
  return TRUE;
}

/**
 * _sales_kpi_dirty_refresh:
 * @db: a connection inside a write transaction, the roll-up marked
 *   incomplete (kpi_state.stale = 2)
 * @deals_as_purchases: whether won deals stand in for purchases now
 * @done: (out): %TRUE when the roll-up is now current; %FALSE when the
 *   changes are too many, or of a kind, that only a rebuild handles
 * @error: return location for a #GError
 *
 * Recomputes the roll-up rows of the days that kpi_dirty records,
 * directly or through the leads and customers it names, and empties it.
 *
 * Returns: %FALSE on an SQL error (the caller rolls back)
 */
gboolean
_sales_kpi_dirty_refresh (sqlite3   *db,
                          gboolean   deals_as_purchases,
                          gboolean  *done,
                          GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  *done = FALSE;
  if (!worth_it (db, deals_as_purchases))
    return TRUE;

  if (!_sales_kpi_exec (db, expand, error) ||
      !_sales_kpi_exec (db, prepare_days, error))
    return FALSE;
  if (sales_sqlite_query_int (db, "SELECT count (*) FROM temp.kpi_days",
                              -1) > SALES_KPI_MAX_DIRTY_DAYS)
    return TRUE;

  if (!recompute_days (db, deals_as_purchases, done, error))
    return FALSE;
  if (!*done)
    return TRUE;

  return _sales_kpi_exec (db, "DELETE FROM main.kpi_dirty;"
               "UPDATE main.kpi_state SET stale = 0,"
               " built_at = datetime ('now');", error);
}
