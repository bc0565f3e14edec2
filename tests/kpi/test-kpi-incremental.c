/* test-kpi-incremental.c: the roll-up kept up to date equals a rebuild
 *
 * After random edits, inserts and deletes in every record table of the
 * demo workspace, the roll-up that the next evaluation updates by day
 * must hold exactly the rows a rebuild from scratch gives, and every KPI
 * of every month must be the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sales-demo.h"
#include "sales-kpi.h"
#include "sales-workspace.h"
#include "salesops-test.h"

typedef struct
{
  char           *dir;
  SalesWorkspace *workspace;
  sqlite3        *db;
  GRand          *rand;
  gboolean        changed;   /* a write since the last check changed rows */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint32 seed = g_test_rand_int ();

  f->dir = sales_test_make_tmpdir ();
  path = g_build_filename (f->dir, "w.salesops", NULL);
  f->workspace = sales_workspace_create (path, &error);
  g_assert_no_error (error);
  f->db = sales_workspace_get_db (f->workspace);
  g_assert_true (sales_demo_fill (f->workspace, 3, 1, &error));
  g_assert_no_error (error);
  g_assert_true (sales_kpi_refresh (f->db, &error));
  g_assert_no_error (error);

  g_test_message ("edit seed %u", seed);
  f->rand = g_rand_new_with_seed (seed);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_rand_free (f->rand);
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (f->db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  f->changed |= sqlite3_changes (f->db) > 0;
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = g_ascii_strtoll (*(char *const *)a, NULL, 10);
  gint64 y = g_ascii_strtoll (*(char *const *)b, NULL, 10);

  return x < y ? -1 : x > y;
}

/* A response list in ascending order: the order of its elements follows
 * the order rows were read in, which does not matter to the KPIs.
 */
static char *
sorted_list (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);

  qsort (parts, g_strv_length (parts), sizeof (char *), compare_numbers);
  return g_strjoinv (",", parts);
}

/* The response lists, one line per row; the other roll-up tables are
 * compared in SQL (see snapshot_roll_up()).
 */
static char *
dump_lead_hours (Fixture *f)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, "SELECT level, day, owner,"
                                       " source, answered, ms FROM"
                                       " main.kpi_lead_hours ORDER BY 1, 2,"
                                       " 3, 4", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sorted = sorted_list ((const char *)
                                             sqlite3_column_text (stmt, 5));

      for (int i = 0; i < 5; i++)
        {
          g_string_append (text, (const char *)sqlite3_column_text (stmt, i));
          g_string_append_c (text, '|');
        }
      g_string_append (text, sorted);
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (text, FALSE);
}

static const char *const summed_tables[] = {
  "kpi_daily", "kpi_first", "kpi_customer_days",
};

static void
snapshot_roll_up (Fixture *f)
{
  for (guint t = 0; t < G_N_ELEMENTS (summed_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf (
        "DROP TABLE IF EXISTS temp.before_%s;"
        "CREATE TEMP TABLE before_%s AS SELECT * FROM main.%s",
        summed_tables[t], summed_tables[t], summed_tables[t]);

      exec (f, sql);
    }
}

/* The rows of the snapshot and of the roll-up are the same. */
static void
assert_same_as_snapshot (Fixture *f)
{
  for (guint t = 0; t < G_N_ELEMENTS (summed_tables); t++)
    {
      const char *table = summed_tables[t];
      g_autofree char *missing = g_strdup_printf (
        "SELECT count (*) FROM (SELECT * FROM temp.before_%s EXCEPT"
        " SELECT * FROM main.%s)", table, table);
      g_autofree char *extra = g_strdup_printf (
        "SELECT count (*) FROM (SELECT * FROM main.%s EXCEPT"
        " SELECT * FROM temp.before_%s)", table, table);

      g_test_message ("comparing %s", table);
      g_assert_cmpint (query_int (f, missing), ==, 0);
      g_assert_cmpint (query_int (f, extra), ==, 0);
    }
}

/* Every KPI of every month, in full. */
static char *
dump_months (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trends = NULL;
  SalesKpiSettings settings = { 0 };
  SalesPeriod range;
  GString *text = g_string_new (NULL);

  sales_kpi_settings_load (&settings, f->db);
  g_assert_true (sales_period_from_dates ("2023-12-01", "2026-02-01",
                                          &range, &error));
  trends = sales_kpi_trend_all (f->db, &range, SALES_BUCKET_MONTH, NULL,
                                &settings, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < trends->len; i++)
    {
      GArray *buckets = g_ptr_array_index (trends, i);

      for (guint b = 0; b < buckets->len; b++)
        {
          const SalesKpiResult *r =
            g_array_index (buckets, SalesKpiPoint, b).result;

          g_string_append_printf (text, "%s %u %d %.17g %.17g %.17g %"
                                  G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                  " %.17g %.17g %.17g\n", r->info->id, b,
                                  r->has_value, r->value, r->numerator,
                                  r->denominator, r->count, r->excluded,
                                  r->median, r->share_within_hour, r->bias);
        }
    }

  sales_kpi_settings_clear (&settings);
  return g_string_free (text, FALSE);
}

static void
assert_same_lines (const char *updated,
                   const char *rebuilt)
{
  g_auto(GStrv) a = g_strsplit (updated, "\n", -1);
  g_auto(GStrv) b = g_strsplit (rebuilt, "\n", -1);

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    {
      if (a[i] == NULL || b[i] == NULL || !g_str_equal (a[i], b[i]))
        g_error ("line %u: updated “%s”, rebuilt “%s”", i,
                 a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
      if (a[i] == NULL || b[i] == NULL)
        break;
    }
}

/* Brings the roll-up up to date, expecting it to be by day unless
 * @expect_rebuild (or current when no write changed a row), then
 * compares it with a rebuild, and with @months every KPI of every month
 * too (the KPIs only read the roll-up, so this is the slower check of
 * the same thing).
 */
static void
check_against_rebuild (Fixture  *f,
                       gboolean  expect_rebuild,
                       gboolean  months_too)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = NULL, *hours_rebuilt = NULL;
  g_autofree char *months = NULL, *months_rebuilt = NULL;

  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==,
                   !f->changed ? 0 : expect_rebuild ? 1 : 2);
  f->changed = FALSE;
  if (months_too)
    months = dump_months (f);
  else
    g_assert_true (sales_kpi_refresh (f->db, &error));
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM kpi_dirty"), ==, 0);
  snapshot_roll_up (f);
  hours = dump_lead_hours (f);

  exec (f, "UPDATE kpi_state SET stale = 1");
  f->changed = FALSE;
  g_assert_true (sales_kpi_refresh (f->db, &error));
  g_assert_no_error (error);
  assert_same_as_snapshot (f);
  hours_rebuilt = dump_lead_hours (f);
  assert_same_lines (hours, hours_rebuilt);

  if (!months_too)
    return;
  months_rebuilt = dump_months (f);
  assert_same_lines (months, months_rebuilt);
}

static gint64
random_id (Fixture    *f,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max (id) FROM %s", table);

  return g_rand_int_range (f->rand, 1, (gint32)query_int (f, sql) + 1);
}

/* A random date in the demo's two years, as a day or a date and time. */
static char *
random_date (Fixture *f)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_seconds (
    start, g_rand_double_range (f->rand, 0, 731.0 * 86400));

  return g_date_time_format (date, g_rand_boolean (f->rand)
                             ? "%Y-%m-%d" : "%Y-%m-%d %H:%M:%S");
}

/* One random write; @v stands for a random date or, with ref_table, an
 * external id of that table; @id for a row id of the table written.
 */
typedef struct
{
  const char *sql;
  const char *ref_table;    /* the table of the external id, or NULL */
} Edit;

static const Edit edits[] = {
  { "UPDATE opportunities SET closed_at = '@v' WHERE id = @id",
    NULL },
  { "UPDATE opportunities SET outcome = CASE outcome WHEN 'won' THEN 'lost'"
    " WHEN 'lost' THEN 'open' ELSE 'won' END, created_at = '@v'"
    " WHERE id = @id", NULL },
  { "UPDATE opportunities SET owner = NULL, source = NULL,"
    " created_at = NULL, closed_at = '@v' WHERE id = @id",
    NULL },
  { "UPDATE opportunities SET lead_ref = '@v' WHERE id = @id", "leads" },
  { "UPDATE opportunities SET customer_ref = '@v', outcome = 'won'"
    " WHERE id = @id", "customers" },
  { "INSERT INTO opportunities (external_id, lead_ref, customer_ref,"
    " outcome, amount, created_at, closed_at) SELECT 'new-' || id,"
    " lead_ref, customer_ref, 'won', 1234, created_at, '@v'"
    " FROM opportunities WHERE id = @id", NULL },
  { "DELETE FROM opportunities WHERE '@v' <> '' AND id = @id", NULL },
  { "UPDATE leads SET created_at = '@v', owner = 'Zoe' WHERE id = @id",
    NULL },
  { "UPDATE leads SET external_id = external_id || '-renamed',"
    " first_response_at = '@v' WHERE id = @id", NULL },
  { "DELETE FROM leads WHERE '@v' <> '' AND id = @id", NULL },
  { "UPDATE customers SET acquired_at = NULLIF ('@v', '')"
    " WHERE id = @id", NULL },
  { "UPDATE customers SET acquired_at = NULL, lead_ref = '@v'"
    " WHERE id = @id", "leads" },
  { "DELETE FROM customers WHERE '@v' <> '' AND id = @id", NULL },
  { "UPDATE purchases SET purchased_at = '@v' WHERE id = @id", NULL },
  { "UPDATE purchases SET customer_ref = '@v', amount = NULL"
    " WHERE id = @id", "customers" },
  { "INSERT INTO purchases (external_id, customer_ref, purchased_at,"
    " amount) SELECT 'new-' || id, customer_ref, '@v', 999 FROM purchases"
    " WHERE id = @id", NULL },
  { "DELETE FROM purchases WHERE '@v' <> '' AND id = @id", NULL },
  { "UPDATE expenses SET spent_on = '@v', channel = 'Events'"
    " WHERE id = @id", NULL },
  { "UPDATE forecasts SET period_start = '@v', amount = 1"
    " WHERE id = @id", NULL },
};

static const char *
edit_table (const Edit *edit)
{
  const char *sql = edit->sql;

  sql += g_str_has_prefix (sql, "INSERT INTO ") ? strlen ("INSERT INTO ")
    : g_str_has_prefix (sql, "DELETE FROM ") ? strlen ("DELETE FROM ")
    : strlen ("UPDATE ");
  return g_str_has_prefix (sql, "opportunities") ? "opportunities"
    : g_str_has_prefix (sql, "leads") ? "leads"
    : g_str_has_prefix (sql, "customers") ? "customers"
    : g_str_has_prefix (sql, "purchases") ? "purchases"
    : g_str_has_prefix (sql, "expenses") ? "expenses" : "forecasts";
}

static char *
edit_sql (const Edit *edit,
          const char *value,
          gint64      id)
{
  GString *sql = g_string_new (edit->sql);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_string_replace (sql, "@v", value, 0);
  g_string_replace (sql, "@id", id_text, 0);
  return g_string_free (sql, FALSE);
}

static void
random_edit (Fixture *f)
{
  const Edit *edit = &edits[g_rand_int_range (f->rand, 0,
                                              G_N_ELEMENTS (edits))];
  g_autofree char *value = NULL;
  g_autofree char *sql = NULL;

  if (edit->ref_table != NULL)
    {
      g_autofree char *ref = g_strdup_printf (
        "SELECT external_id FROM %s WHERE id >= %" G_GINT64_FORMAT
        " ORDER BY id LIMIT 1", edit->ref_table,
        random_id (f, edit->ref_table));
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (f->db, ref, -1, &stmt, NULL), ==,
                       SQLITE_OK);
      value = g_strdup (sqlite3_step (stmt) == SQLITE_ROW
                        ? (const char *)sqlite3_column_text (stmt, 0) : "");
      sqlite3_finalize (stmt);
    }
  else
    value = random_date (f);

  sql = edit_sql (edit, value, random_id (f, edit_table (edit)));
  exec (f, sql);
}

/* Rounds of a few random writes each, compared after each round. */
static void
test_random_edits (Fixture       *f,
                   gconstpointer  data)
{
  guint rounds = g_test_slow () ? 40 : 4;

  for (guint round = 0; round < rounds; round++)
    {
      guint n = g_rand_int_range (f->rand, 1, 6);

      for (guint i = 0; i < n; i++)
        random_edit (f);
      check_against_rebuild (f, FALSE, TRUE);
    }
}

/* Every kind of write, three at a time, each logged so that a failure
 * can be traced to it.
 */
static void
test_each_edit (Fixture       *f,
                gconstpointer  data)
{
  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autofree char *value = random_date (f);
      g_autofree char *sql = NULL;

      if (edits[e].ref_table != NULL)
        {
          g_free (value);
          value = g_strdup (g_str_equal (edits[e].ref_table, "leads")
                            ? "L7" : "C5");
        }
      sql = edit_sql (&edits[e], value, (gint64)(e * 37 + 11));
      g_test_message ("%s", sql);
      exec (f, sql);
      if (e % 3 == 2 || e + 1 == G_N_ELEMENTS (edits))
        check_against_rebuild (f, FALSE, FALSE);
    }
}

/* Losing the last purchase makes won deals count as purchases, which
 * changes every day: that takes a rebuild, and so does a date whose day
 * is not its first ten characters, for as long as one is stored.
 */
static void
test_rebuild_cases (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  exec (f, "DELETE FROM purchases");
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 2);
  g_assert_true (sales_kpi_refresh (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT deals_as_purchases FROM"
                              " kpi_state"), ==, 1);
  exec (f, "UPDATE opportunities SET closed_at = '2025-02-03' WHERE id = 5");
  check_against_rebuild (f, FALSE, TRUE);

  /* 2025-03-04 23:00 at UTC-5 is 2025-03-05 04:00 UTC. */
  exec (f, "UPDATE opportunities SET closed_at ="
        " '2025-03-04T23:00:00-05:00', outcome = 'won' WHERE id = 9");
  check_against_rebuild (f, TRUE, TRUE);
  g_assert_cmpint (query_int (f, "SELECT irregular FROM kpi_state"), ==, 1);
  exec (f, "UPDATE leads SET owner = 'Zoe' WHERE id = 3");
  check_against_rebuild (f, FALSE, FALSE);
}

/* Many changed rows: a rebuild rather than thousands of lookups. */
static void
test_large_change (Fixture       *f,
                   gconstpointer  data)
{
  exec (f, "UPDATE leads SET owner = 'Zoe' WHERE id % 3 = 0");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM kpi_dirty"), >,
                   100);
  check_against_rebuild (f, FALSE, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                    \
  g_test_add ("/kpi-incremental/" path, Fixture, NULL, fixture_set_up,     \
              func, fixture_tear_down)

  ADD ("each-edit", test_each_edit);
  ADD ("random-edits", test_random_edits);
  ADD ("rebuild-cases", test_rebuild_cases);
  ADD ("large-change", test_large_change);

  return g_test_run ();
}
