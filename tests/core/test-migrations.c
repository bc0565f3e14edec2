/* test-migrations.c: ordered upgrades, backups and rollback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>

#include <string.h>

#include "sales-error.h"
#include "sales-limits.h"
#include "sales-migrations.h"
#include "salesops-test.h"

static GPtrArray *calls;

static gboolean
record_step_2 (sqlite3  *db,
               GError  **error)
{
  g_ptr_array_add (calls, g_strdup ("step 2"));
  return sqlite3_exec (db, "INSERT INTO t VALUES (2)", NULL, NULL, NULL) ==
         SQLITE_OK;
}

static gboolean
failing_step (sqlite3  *db,
              GError  **error)
{
  g_ptr_array_add (calls, g_strdup ("failing step"));
  g_set_error_literal (error, SALES_ERROR, SALES_ERROR_FAILED, "step failed");
  return FALSE;
}

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version;

  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

static int
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static void
test_ordering (void)
{
  const SalesMigration steps[] = {
    { 1, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL },
    { 2, NULL, record_step_2 },
    { 3, "INSERT INTO t SELECT max(x) + 1 FROM t;", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "m.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  sqlite3 *db = NULL;

  calls = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);

  /* Up to version 1 only, as an older build would have left it. */
  g_assert_true (sales_migrations_run (db, path, steps, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user_version (db), ==, 1);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_true (sales_migrations_run (db, path, steps, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user_version (db), ==, 3);
  g_assert_cmpint (count_rows (db, "SELECT group_concat(x, '') FROM t"), ==,
                   123);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Nothing to do the second time. */
  g_assert_true (sales_migrations_run (db, path, steps, 3, &error));
  g_assert_cmpuint (calls->len, ==, 1);

  sqlite3_close (db);
  sales_test_remove_tree (dir);
  g_clear_pointer (&calls, g_ptr_array_unref);
}

static void
test_rollback (void)
{
  const SalesMigration steps[] = {
    { 1, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL },
    { 2, "INSERT INTO t VALUES (2); CREATE TABLE u (y);", NULL },
    { 3, NULL, failing_step },
    { 4, "INSERT INTO t VALUES (4);", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "m.db", NULL);
  sqlite3 *db = NULL;

  calls = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sales_migrations_run (db, path, steps, 1, &error));

  g_assert_false (sales_migrations_run (db, path, steps, 4, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_FAILED);
  g_assert_cmpuint (calls->len, ==, 1);

  /* Step 2 ran but was rolled back with the failing step 3. */
  g_assert_cmpint (user_version (db), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM t"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sqlite_schema "
                                   "WHERE name = 'u'"), ==, 0);

  sqlite3_close (db);
  sales_test_remove_tree (dir);
  g_clear_pointer (&calls, g_ptr_array_unref);
}

static void
test_bad_sql_rolls_back (void)
{
  const SalesMigration steps[] = {
    { 1, "CREATE TABLE t (x);", NULL },
    { 2, "INSERT INTO t VALUES (2); INSERT INTO nowhere VALUES (1);", NULL },
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_false (sales_migrations_run (db, ":memory:", steps, 2, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_assert_cmpint (user_version (db), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sqlite_schema"), ==,
                   0);
  sqlite3_close (db);
}

static char *
schema_of (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM "
                                           "sqlite_schema ORDER BY name", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A workspace left at each older version by an older build upgrades to
 * exactly the schema a new one gets, its rows kept.
 */
static void
test_upgrade_matches_new (void)
{
  guint n_steps = 0;
  const SalesMigration *steps = sales_migrations_get_default (&n_steps);
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *fresh_path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *fresh_schema = NULL;
  sqlite3 *fresh = NULL;

  g_assert_cmpint (n_steps, ==, SALES_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_open (fresh_path, &fresh), ==, SQLITE_OK);
  g_assert_true (sales_migrations_run (fresh, fresh_path, steps, n_steps,
                                       NULL));
  fresh_schema = schema_of (fresh);
  g_assert_null (strstr (fresh_schema, "opportunities_owner"));
  g_assert_nonnull (strstr (fresh_schema, "opportunities_closed"));
  sqlite3_close (fresh);

  for (guint old = 1; old < n_steps; old++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("v%u.db", old);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *schema = NULL;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_true (sales_migrations_run (db, path, steps, old, NULL));
      g_assert_cmpint (sqlite3_exec (db, "INSERT INTO opportunities "
                                         "(external_id, owner) VALUES "
                                         "('D-1', 'Ann')", NULL, NULL, NULL),
                       ==, SQLITE_OK);

      g_assert_true (sales_migrations_run (db, path, steps, n_steps, &error));
      g_assert_no_error (error);
      g_assert_cmpint (user_version (db), ==, SALES_SCHEMA_VERSION);
      schema = schema_of (db);
      g_assert_cmpstr (schema, ==, fresh_schema);
      g_assert_cmpint (count_rows (db, "SELECT count(*) FROM opportunities "
                                       "WHERE owner = 'Ann'"), ==, 1);
      sqlite3_close (db);
    }

  sales_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/ordering", test_ordering);
  g_test_add_func ("/migrations/upgrade-matches-new",
                   test_upgrade_matches_new);
  g_test_add_func ("/migrations/rollback", test_rollback);
  g_test_add_func ("/migrations/bad-sql", test_bad_sql_rolls_back);

  return g_test_run ();
}
