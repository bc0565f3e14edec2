/* sales-migrations.c: ordered schema upgrades in one transaction
 *
 * A released step never changes: a workspace written by an older build
 * must upgrade to exactly the schema a new workspace gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-migrations.h"

static const char schema_v1[] =
  "CREATE TABLE leads ("
  "  id INTEGER PRIMARY KEY,"
  "  external_id TEXT UNIQUE,"
  "  name TEXT, company TEXT, email TEXT, owner TEXT, source TEXT,"
  "  status TEXT, created_at TEXT, first_response_at TEXT,"
  "  converted_at TEXT,"
  "  import_id INTEGER, extra TEXT);"
  "CREATE TABLE opportunities ("
  "  id INTEGER PRIMARY KEY,"
  "  external_id TEXT UNIQUE,"
  "  name TEXT, lead_ref TEXT, customer_ref TEXT, owner TEXT, source TEXT,"
  "  stage TEXT,"
  "  outcome TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (outcome IN ('open', 'won', 'lost')),"
  "  amount INTEGER, currency TEXT, probability REAL,"
  "  created_at TEXT, qualified_at TEXT, expected_close_at TEXT,"
  "  closed_at TEXT,"
  "  import_id INTEGER, extra TEXT);"
  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  external_id TEXT UNIQUE,"
  "  name TEXT, lead_ref TEXT, region TEXT, segment TEXT, acquired_at TEXT,"
  "  import_id INTEGER, extra TEXT);"
  "CREATE TABLE purchases ("
  "  id INTEGER PRIMARY KEY,"
  "  external_id TEXT UNIQUE,"
  "  customer_ref TEXT, purchased_at TEXT, amount INTEGER,"
  "  import_id INTEGER, extra TEXT);"
  "CREATE TABLE expenses ("
  "  id INTEGER PRIMARY KEY,"
  "  external_id TEXT UNIQUE,"
  "  spent_on TEXT, category TEXT, channel TEXT, amount INTEGER,"
  "  description TEXT,"
  "  import_id INTEGER, extra TEXT);"
  "CREATE TABLE forecasts ("
  "  id INTEGER PRIMARY KEY,"
  "  external_id TEXT UNIQUE,"
  "  period_start TEXT, period_end TEXT, owner TEXT, amount INTEGER,"
  "  import_id INTEGER, extra TEXT);"

  /* The columns the KPIs filter and join on. */
  "CREATE INDEX leads_created ON leads (created_at);"
  "CREATE INDEX leads_owner ON leads (owner);"
  "CREATE INDEX leads_source ON leads (source);"
  "CREATE INDEX opportunities_created ON opportunities (created_at);"
  "CREATE INDEX opportunities_closed ON opportunities (closed_at);"
  "CREATE INDEX opportunities_owner ON opportunities (owner);"
  "CREATE INDEX opportunities_source ON opportunities (source);"
  "CREATE INDEX opportunities_lead ON opportunities (lead_ref);"
  "CREATE INDEX opportunities_customer ON opportunities (customer_ref);"
  "CREATE INDEX customers_acquired ON customers (acquired_at);"
  "CREATE INDEX customers_lead ON customers (lead_ref);"
  "CREATE INDEX purchases_date ON purchases (purchased_at);"
  "CREATE INDEX purchases_customer ON purchases (customer_ref);"
  "CREATE INDEX expenses_date ON expenses (spent_on);"
  "CREATE INDEX forecasts_start ON forecasts (period_start);"

  "CREATE TABLE imports ("
  "  id INTEGER PRIMARY KEY,"
  "  file_name TEXT NOT NULL, checksum TEXT, table_name TEXT NOT NULL,"
  "  sheet TEXT, mapping TEXT,"
  "  started_at TEXT NOT NULL, finished_at TEXT,"
  "  rows_read INTEGER NOT NULL DEFAULT 0,"
  "  inserted INTEGER NOT NULL DEFAULT 0,"
  "  updated INTEGER NOT NULL DEFAULT 0,"
  "  unchanged INTEGER NOT NULL DEFAULT 0,"
  "  rejected INTEGER NOT NULL DEFAULT 0,"
  "  reverted_at TEXT);"
  "CREATE TABLE import_rejects ("
  "  id INTEGER PRIMARY KEY,"
  "  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,"
  "  line INTEGER, column_name TEXT, value TEXT, reason TEXT NOT NULL,"
  "  cells TEXT);"
  "CREATE INDEX import_rejects_import ON import_rejects (import_id);"
  "CREATE TABLE import_changes ("
  "  id INTEGER PRIMARY KEY,"
  "  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,"
  "  table_name TEXT NOT NULL, row_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update')),"
  "  before TEXT);"
  "CREATE INDEX import_changes_import ON import_changes (import_id);"

  /* The undo journal. Values keep their SQLite type (no affinity). */
  "CREATE TABLE edits ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL,"
  "  table_name TEXT NOT NULL, row_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
  "  column_name TEXT, old_value ANY, new_value ANY, row_json TEXT,"
  "  undone INTEGER NOT NULL DEFAULT 0,"
  "  made_at TEXT NOT NULL);"
  "CREATE INDEX edits_group ON edits (group_id);"

  "CREATE TABLE mappings ("
  "  signature TEXT PRIMARY KEY,"
  "  table_name TEXT NOT NULL, mapping TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT);";

/* The KPI roll-up (src/kpi/sales-kpi-cache.c): per day, owner and source,
 * every count and sum the KPIs read, so that a dashboard over a million
 * rows reads thousands. It is derived data: rebuilt whenever a record
 * table changed since the last build, which these triggers record at the
 * cost of one comparison per written row.
 */
#define KPI_STALE_TRIGGERS(table)                                          \
  "CREATE TRIGGER " table "_kpi_insert AFTER INSERT ON " table             \
  "  WHEN (SELECT stale FROM kpi_state) = 0"                              \
  "  BEGIN UPDATE kpi_state SET stale = 1; END;"                          \
  "CREATE TRIGGER " table "_kpi_update AFTER UPDATE ON " table             \
  "  WHEN (SELECT stale FROM kpi_state) = 0"                              \
  "  BEGIN UPDATE kpi_state SET stale = 1; END;"                          \
  "CREATE TRIGGER " table "_kpi_delete AFTER DELETE ON " table             \
  "  WHEN (SELECT stale FROM kpi_state) = 0"                              \
  "  BEGIN UPDATE kpi_state SET stale = 1; END;"

static const char schema_v2[] =
  "CREATE TABLE kpi_state ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  stale INTEGER NOT NULL,"
  "  built_at TEXT);"
  "INSERT INTO kpi_state (id, stale) VALUES (1, 1);"
  /* Levels of grouping, in kpi_daily as in kpi_first: 0 by owner and
   * source, 1 by source only (owner ''), 2 by owner only (source ''),
   * 3 by neither, so that a report without filters reads one row a day.
   */
  "CREATE TABLE kpi_daily ("
  "  level INTEGER NOT NULL,"
  "  day TEXT NOT NULL, owner TEXT NOT NULL, source TEXT NOT NULL,"
  "  won INTEGER, lost INTEGER, won_timed INTEGER, won_ms INTEGER,"
  "  won_untimed INTEGER, lost_timed INTEGER, lost_ms INTEGER,"
  "  lost_untimed INTEGER, lost_qualified INTEGER, won_cents INTEGER,"
  "  won_unpriced INTEGER, created INTEGER, created_won INTEGER,"
  "  leads INTEGER, converted INTEGER, answered INTEGER,"
  "  answer_ms INTEGER, answered_in_hour INTEGER,"
  "  marketing_cents INTEGER, sales_cents INTEGER, customers INTEGER,"
  "  customers_led INTEGER, lead_ms INTEGER, customers_unled INTEGER,"
  "  purchases INTEGER, purchase_cents INTEGER,"
  "  purchases_unpriced INTEGER, owned_cents INTEGER, owned INTEGER,"
  "  purchases_unowned INTEGER, forecasts INTEGER,"
  "  forecast_cents INTEGER,"
  "  PRIMARY KEY (level, day, owner, source)) WITHOUT ROWID;"
  /* First day each customer bought, per level of grouping. */
  "CREATE TABLE kpi_first ("
  "  level INTEGER NOT NULL, day TEXT NOT NULL, owner TEXT NOT NULL,"
  "  source TEXT NOT NULL, customers INTEGER NOT NULL,"
  "  PRIMARY KEY (level, day, owner, source)) WITHOUT ROWID;"
  /* Each day's lead response times as a list of milliseconds, so that
   * an exact median reads one row a day instead of one row a lead.
   */
  "CREATE TABLE kpi_lead_hours ("
  "  level INTEGER NOT NULL, day TEXT NOT NULL, owner TEXT NOT NULL,"
  "  source TEXT NOT NULL, answered INTEGER NOT NULL, ms TEXT NOT NULL,"
  "  PRIMARY KEY (level, day, owner, source)) WITHOUT ROWID;"
  "CREATE TABLE kpi_customer_days ("
  "  day TEXT NOT NULL, owner TEXT NOT NULL, source TEXT NOT NULL,"
  "  customer TEXT NOT NULL,"
  "  PRIMARY KEY (day, owner, source, customer)) WITHOUT ROWID;"
  KPI_STALE_TRIGGERS ("leads")
  KPI_STALE_TRIGGERS ("opportunities")
  KPI_STALE_TRIGGERS ("customers")
  KPI_STALE_TRIGGERS ("purchases")
  KPI_STALE_TRIGGERS ("expenses")
  KPI_STALE_TRIGGERS ("forecasts");

/* From v3 the triggers record what a write touched instead of marking
 * the whole roll-up stale, so that the next evaluation recomputes only
 * those days (src/kpi/sales-kpi-dirty.c). kpi_dirty holds days (kind 0),
 * lead external ids (1) and customer external ids (2); stale is 0 when
 * the roll-up is current, 2 when kpi_dirty says what to recompute and 1
 * when everything must be rebuilt. A date stored in a form whose day is
 * not its first ten characters cannot be found by an index range, so it
 * asks for a full rebuild (which then keeps rebuilding fully while such
 * a date exists, see kpi_state.irregular).
 */
#define KPI_DIRTY_WHEN                                                     \
  " WHEN (SELECT stale FROM kpi_state) <> 1 BEGIN"                        \
  " INSERT OR IGNORE INTO kpi_dirty (kind, key) VALUES "
#define KPI_DIRTY_END(irregular)                                           \
  "; UPDATE kpi_state SET stale = CASE WHEN " irregular " THEN 1 ELSE 2"  \
  " END WHERE stale = 0 OR " irregular "; END;"
#define KPI_IRREGULAR(column)                                              \
  "coalesce (date (" column ") <> substr (" column ", 1, 10), 0)"
#define KPI_DIRTY_TRIGGERS(table, columns, marks_new, marks_old, irregular) \
  "CREATE TRIGGER " table "_kpi_insert AFTER INSERT ON " table             \
  KPI_DIRTY_WHEN marks_new KPI_DIRTY_END (irregular)                      \
  "CREATE TRIGGER " table "_kpi_update AFTER UPDATE OF " columns " ON "   \
  table KPI_DIRTY_WHEN marks_new ", " marks_old KPI_DIRTY_END (irregular) \
  "CREATE TRIGGER " table "_kpi_delete AFTER DELETE ON " table             \
  KPI_DIRTY_WHEN marks_old KPI_DIRTY_END ("0")
#define KPI_DROP_TRIGGERS(table)                                           \
  "DROP TRIGGER " table "_kpi_insert; DROP TRIGGER " table "_kpi_update;"  \
  "DROP TRIGGER " table "_kpi_delete;"

static const char schema_v3[] =
  KPI_DROP_TRIGGERS ("leads")
  KPI_DROP_TRIGGERS ("opportunities")
  KPI_DROP_TRIGGERS ("customers")
  KPI_DROP_TRIGGERS ("purchases")
  KPI_DROP_TRIGGERS ("expenses")
  KPI_DROP_TRIGGERS ("forecasts")
  "CREATE TABLE kpi_dirty ("
  "  kind INTEGER NOT NULL, key TEXT NOT NULL,"
  "  PRIMARY KEY (kind, key)) WITHOUT ROWID;"
  /* How the roll-up was built: whether won deals stood in for purchases
   * and whether a date was irregular; either changing needs a rebuild.
   */
  "ALTER TABLE kpi_state ADD COLUMN deals_as_purchases INTEGER;"
  "ALTER TABLE kpi_state ADD COLUMN irregular INTEGER;"
  "UPDATE kpi_state SET stale = 1;"
  /* References are only ever looked up by value, and many rows have
   * none (a deal without a lead): leaving NULLs out of these indexes
   * makes them free to build for a file without the column.
   */
  "DROP INDEX opportunities_lead; DROP INDEX opportunities_customer;"
  "DROP INDEX customers_lead; DROP INDEX purchases_customer;"
  "CREATE INDEX opportunities_lead ON opportunities (lead_ref)"
  "  WHERE lead_ref IS NOT NULL;"
  "CREATE INDEX opportunities_customer ON opportunities (customer_ref)"
  "  WHERE customer_ref IS NOT NULL;"
  "CREATE INDEX customers_lead ON customers (lead_ref)"
  "  WHERE lead_ref IS NOT NULL;"
  "CREATE INDEX purchases_customer ON purchases (customer_ref)"
  "  WHERE customer_ref IS NOT NULL;"
  KPI_DIRTY_TRIGGERS ("leads",
                      "external_id, owner, source, created_at,"
                      " first_response_at, converted_at",
                      "(0, date (NEW.created_at)), (1, NEW.external_id)",
                      "(0, date (OLD.created_at)), (1, OLD.external_id)",
                      KPI_IRREGULAR ("NEW.created_at"))
  KPI_DIRTY_TRIGGERS ("opportunities",
                      "lead_ref, customer_ref, owner, source, outcome,"
                      " amount, created_at, qualified_at, closed_at",
                      "(0, date (NEW.closed_at)), (0, date (NEW.created_at)),"
                      " (1, NEW.lead_ref), (2, NEW.customer_ref)",
                      "(0, date (OLD.closed_at)), (0, date (OLD.created_at)),"
                      " (1, OLD.lead_ref), (2, OLD.customer_ref)",
                      KPI_IRREGULAR ("NEW.closed_at") " OR "
                      KPI_IRREGULAR ("NEW.created_at"))
  KPI_DIRTY_TRIGGERS ("customers", "external_id, lead_ref, acquired_at",
                      "(0, date (NEW.acquired_at)), (2, NEW.external_id)",
                      "(0, date (OLD.acquired_at)), (2, OLD.external_id)",
                      KPI_IRREGULAR ("NEW.acquired_at"))
  KPI_DIRTY_TRIGGERS ("purchases", "customer_ref, purchased_at, amount",
                      "(0, date (NEW.purchased_at)), (2, NEW.customer_ref)",
                      "(0, date (OLD.purchased_at)), (2, OLD.customer_ref)",
                      KPI_IRREGULAR ("NEW.purchased_at"))
  KPI_DIRTY_TRIGGERS ("expenses", "spent_on, category, channel, amount",
                      "(0, date (NEW.spent_on))", "(0, date (OLD.spent_on))",
                      KPI_IRREGULAR ("NEW.spent_on"))
  KPI_DIRTY_TRIGGERS ("forecasts", "period_start, owner, amount",
                      "(0, date (NEW.period_start))",
                      "(0, date (OLD.period_start))",
                      KPI_IRREGULAR ("NEW.period_start"));

/* Owner and source have a handful of values each: no query looks rows up
 * by them (the KPIs filter the roll-up, whose rows are few), yet their
 * indexes cost every insert and a third of a large import's time.
 */
static const char schema_v4[] =
  "DROP INDEX leads_owner; DROP INDEX leads_source;"
  "DROP INDEX opportunities_owner; DROP INDEX opportunities_source;";

static const SalesMigration default_steps[] = {
  { 1, schema_v1, NULL },
  { 2, schema_v2, NULL },
  { 3, schema_v3, NULL },
  { 4, schema_v4, NULL },
};

/**
 * sales_migrations_get_default:
 * @n_steps: (out): the number of steps
 *
 * Returns: the migrations of this build, in ascending version order.
 */
const SalesMigration *
sales_migrations_get_default (guint *n_steps)
{
  g_return_val_if_fail (n_steps != NULL, NULL);

  *n_steps = G_N_ELEMENTS (default_steps);
  return default_steps;
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) ==
      SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);

  sqlite3_finalize (stmt);
  return version;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *path,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not upgrade “%s”: %s"), path,
               message ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

/* The copy is taken before any step runs, so a user can always go back to
 * the file exactly as the older build left it.
 */
static gboolean
backup_before_upgrade (sqlite3     *db,
                       const char  *path,
                       int          from_version,
                       GError     **error)
{
  g_autofree char *backup = NULL;
  char *sql;
  gboolean ok;

  if (from_version == 0 || path == NULL || g_str_equal (path, ":memory:"))
    return TRUE;

  backup = g_strdup_printf ("%s.v%d.bak", path, from_version);
  if (g_file_test (backup, G_FILE_TEST_EXISTS))
    return TRUE;

  sql = sqlite3_mprintf ("VACUUM INTO %Q", backup);
  ok = exec_sql (db, sql, path, error);
  sqlite3_free (sql);
  if (!ok)
    return FALSE;

  g_debug ("backed up %s to %s", path, backup);
  return TRUE;
}

static gboolean
apply_steps (sqlite3               *db,
             const char            *path,
             const SalesMigration  *steps,
             guint                  n_steps,
             int                    from_version,
             GError               **error)
{
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;

      if (steps[i].version <= from_version)
        continue;

      if (steps[i].sql != NULL && !exec_sql (db, steps[i].sql, path, error))
        return FALSE;

      if (steps[i].func != NULL && !steps[i].func (db, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                     steps[i].version);
      if (!exec_sql (db, set_version, path, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sales_migrations_run:
 * @db: an open connection, not inside a transaction
 * @path: the file name, for messages and the backup copy
 * @steps: the steps, in ascending version order
 * @n_steps: the number of steps
 * @error: return location for a #GError
 *
 * Brings @db from its user_version to the last step's version. An existing
 * workspace is first copied to "PATH.vN.bak". All steps run in one
 * transaction: when one fails, none is applied and @error says which.
 *
 * Returns: %TRUE on success
 */
gboolean
sales_migrations_run (sqlite3               *db,
                      const char            *path,
                      const SalesMigration  *steps,
                      guint                  n_steps,
                      GError               **error)
{
  int from_version;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (steps != NULL || n_steps == 0, FALSE);

  from_version = read_user_version (db);
  if (from_version < 0)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
                   _("Could not read the schema version of “%s”: %s"),
                   path, sqlite3_errmsg (db));
      return FALSE;
    }

  if (n_steps == 0 || steps[n_steps - 1].version <= from_version)
    return TRUE;

  if (!backup_before_upgrade (db, path, from_version, error))
    return FALSE;

  if (!exec_sql (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;

  if (!apply_steps (db, path, steps, n_steps, from_version, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return exec_sql (db, "COMMIT", path, error);
}
