/* test-workspace.c: creating, opening and refusing workspace files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sales-error.h"
#include "sales-limits.h"
#include "sales-workspace.h"
#include "salesops-test.h"

typedef SalesTestDir Fixture;


static void
test_create_open_reopen (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(GVariant) row = NULL;
  g_autofree char *title = NULL;
  GVariantDict dict;
  gint64 id;

  workspace = sales_workspace_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);

  title = sales_workspace_dup_title (workspace);
  g_assert_cmpstr (title, ==, "w");
  g_assert_cmpint (sales_workspace_count_rows (workspace, "leads", NULL), ==,
                   0);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "external_id", "s", "L-1");
  g_variant_dict_insert (&dict, "created_at", "s", "2025-03-07");
  id = sales_workspace_insert_row (workspace, "leads",
                                   g_variant_dict_end (&dict), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&workspace);

  g_assert_cmpint (sales_test_query_int (f->path, "PRAGMA application_id"), ==,
                   SALES_APPLICATION_ID);
  g_assert_cmpint (sales_test_query_int (f->path, "PRAGMA user_version"), ==,
                   SALES_SCHEMA_VERSION);

  workspace = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_workspace_count_rows (workspace, "leads", NULL), ==,
                   1);
  row = sales_workspace_get_row (workspace, "leads", id, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (row, "external_id", "&s", NULL));
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  SalesWorkspace *workspace;

  sales_test_write_file (f->path, "precious", -1);
  before = sales_test_read_bytes (f->path);

  workspace = sales_workspace_create (f->path, &error);
  g_assert_null (workspace);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  sales_test_assert_unchanged (f->path, before);
}

/* Opens @path expecting @code; the message names the file and the bytes
 * stay exactly as they were.
 */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = sales_test_read_bytes (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  SalesWorkspace *workspace;

  workspace = sales_workspace_open (path, &error);
  g_assert_null (workspace);
  g_assert_error (error, SALES_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  sales_test_assert_unchanged (path, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (Fixture       *f,
                       gconstpointer  data)
{
  sales_test_write_file (f->path, "name,amount\nAcme,100\n", -1);
  assert_refused (f->path, SALES_ERROR_NOT_WORKSPACE);

  sales_test_write_file (f->path, "", 0);
  assert_refused (f->path, SALES_ERROR_NOT_WORKSPACE);
}

static void
test_refuse_foreign_sqlite (Fixture       *f,
                            gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); "
                                     "INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f->path, SALES_ERROR_NOT_WORKSPACE);
}

static void
make_workspace_with_rows (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) workspace = sales_workspace_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (sales_workspace_exec (workspace,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
    " WHERE i < 2000)"
    " INSERT INTO leads (external_id, name, created_at)"
    " SELECT 'L' || i, printf('Lead %d with a longer name', i),"
    " date('2024-01-01', '+' || (i % 700) || ' days') FROM n", &error));
  g_assert_no_error (error);
}

static void
test_refuse_truncated (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  make_workspace_with_rows (f->path);
  whole = sales_test_read_bytes (f->path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >, 8192);

  /* Cut in the middle of a page, then at a page boundary. */
  sales_test_write_file (f->path, g_bytes_get_data (whole, NULL),
                         size / 2 + 100);
  assert_refused (f->path, SALES_ERROR_CORRUPT);

  sales_test_write_file (f->path, g_bytes_get_data (whole, NULL), 4096);
  assert_refused (f->path, SALES_ERROR_CORRUPT);

  sales_test_write_file (f->path, g_bytes_get_data (whole, NULL), 50);
  assert_refused (f->path, SALES_ERROR_CORRUPT);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guchar *copy = NULL;
  gsize size;

  make_workspace_with_rows (f->path);
  whole = sales_test_read_bytes (f->path);
  size = g_bytes_get_size (whole);
  copy = g_memdup2 (g_bytes_get_data (whole, NULL), size);

  /* Scribble over the second half of the file, headers left intact. */
  for (gsize i = size / 2; i < size; i++)
    copy[i] = (guchar)(i * 7);
  sales_test_write_file (f->path, (char *)copy, size);

  assert_refused (f->path, SALES_ERROR_CORRUPT);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SalesWorkspace) workspace = NULL;
  sqlite3 *db = NULL;

  workspace = sales_workspace_create (f->path, NULL);
  g_clear_object (&workspace);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f->path, SALES_ERROR_TOO_NEW);
}

static void
test_refuse_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sales_workspace_open (f->path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* A second connection writes while the first reads a snapshot, as a
 * second window or an import thread does.
 */
static void
test_two_connections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) first = NULL;
  g_autoptr(SalesWorkspace) second = NULL;
  sqlite3_stmt *stmt = NULL;
  guint changed = 0;
  GVariantDict dict;

  first = sales_workspace_create (f->path, &error);
  g_assert_no_error (error);
  second = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (g_atomic_int_inc),
                            &changed);

  g_assert_true (sales_workspace_exec (first, "BEGIN", &error));
  g_assert_cmpint (sqlite3_prepare_v2 (sales_workspace_get_db (first),
                                       "SELECT count(*) FROM leads", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "name", "s", "Written meanwhile");
  g_assert_cmpint (sales_workspace_insert_row (second, "leads",
                                               g_variant_dict_end (&dict),
                                               &error), >, 0);
  g_assert_no_error (error);

  /* The reader's snapshot does not move until its transaction ends. */
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
  g_assert_true (sales_workspace_commit (first, &error));

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  g_assert_true (sales_workspace_check_external_change (first));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (sales_workspace_check_external_change (first));
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *again = NULL;

  workspace = sales_workspace_create (f->path, &error);
  currency = sales_workspace_dup_currency (workspace);
  g_assert_cmpstr (currency, ==, "USD");
  g_assert_cmpuint (sales_workspace_get_fiscal_year_start (workspace), ==, 1);
  g_assert_cmpfloat (sales_workspace_get_gross_margin (workspace), ==, 1.0);

  g_assert_true (sales_workspace_set_setting (workspace, "gross_margin", "40",
                                              &error));
  g_assert_true (sales_workspace_set_setting (workspace, "fiscal_year_start",
                                              "4", &error));
  g_assert_true (sales_workspace_set_setting (workspace, "variant.win_rate",
                                              "all_created", &error));
  g_clear_object (&workspace);

  workspace = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sales_workspace_get_gross_margin (workspace), ==, 0.4);
  g_assert_cmpuint (sales_workspace_get_fiscal_year_start (workspace), ==, 4);
  variant = sales_workspace_dup_kpi_variant (workspace, "win_rate");
  g_assert_cmpstr (variant, ==, "all_created");

  g_assert_true (sales_workspace_set_setting (workspace, "variant.win_rate",
                                              NULL, &error));
  again = sales_workspace_dup_kpi_variant (workspace, "win_rate");
  g_assert_cmpstr (again, ==, "default");
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  GVariantDict dict;

  workspace = sales_workspace_create (f->path, &error);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "closed_at", "s", "2025-02-30");
  g_assert_cmpint (sales_workspace_insert_row (workspace, "opportunities",
                                               g_variant_dict_end (&dict),
                                               &error), ==, 0);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "outcome", "s", "maybe");
  g_assert_cmpint (sales_workspace_insert_row (workspace, "opportunities",
                                               g_variant_dict_end (&dict),
                                               &error), ==, 0);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "amount", "s", "12.50");
  g_assert_cmpint (sales_workspace_insert_row (workspace, "purchases",
                                               g_variant_dict_end (&dict),
                                               &error), ==, 0);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "nonsense", "s", "x");
  g_assert_cmpint (sales_workspace_insert_row (workspace, "purchases",
                                               g_variant_dict_end (&dict),
                                               &error), ==, 0);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (sales_workspace_count_rows (workspace, "opportunities",
                                               NULL), ==, 0);
  g_assert_cmpint (sales_workspace_count_rows (workspace, "purchases", NULL),
                   ==, 0);
  g_assert_cmpint (sales_workspace_count_rows (workspace, "bogus", &error),
                   ==, -1);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND);
}

/* A workspace left with a rollback journal, as an import from the command
 * line leaves it while it runs. @sql runs on it in a child process, in a
 * transaction that the child commits after @hold_ms, or never when
 * @hold_ms is negative: the child then dies with its pages half written,
 * as a killed import would. Returns once the child holds its write lock.
 */
static GPid
write_in_child (const char *path,
                const char *sql,
                int         hold_ms)
{
  int ready[2];
  char byte = 0;
  pid_t pid;

  g_assert_cmpint (pipe (ready), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      /* A cache of ten pages sends the transaction's pages to the file. */
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA journal_mode = DELETE;"
                            "PRAGMA cache_size = 10;"
                            "BEGIN EXCLUSIVE", NULL, NULL, NULL) !=
          SQLITE_OK ||
          sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready[1], "x", 1) != 1)
        _exit (1);
      if (hold_ms < 0)
        _exit (0);
      g_usleep (hold_ms * 1000);
      _exit (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK);
    }

  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

#define MANY_LEADS                                                        \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "      \
  "WHERE i < 20000) INSERT INTO leads (name, company) SELECT 'Lead ' || "  \
  "i, printf ('%0500d', i) FROM n"

static void
make_workspace_with_one_lead (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) workspace = sales_workspace_create (f->path,
                                                                &error);

  g_assert_no_error (error);
  g_assert_true (sales_workspace_exec (workspace, "INSERT INTO leads (name) "
                                       "VALUES ('Before')", &error));
}

/* The open rolls back what the dead writer left, from its journal. */
static void
test_journaled_rolled_back (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  make_workspace_with_one_lead (f);
  g_assert_cmpint (wait_child (write_in_child (f->path, MANY_LEADS, -1)), ==,
                   0);
  g_assert_cmpint (g_stat (journal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  g_assert_cmpint (sales_test_journal_mode (f->path), ==, 1);

  workspace = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_workspace_count_rows (workspace, "leads", NULL), ==,
                   1);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sales_test_journal_mode (f->path), ==, 2);
}

/* The open waits for a writer of the journaled file instead of reading
 * its pages half written, then sees what it committed.
 */
static void
test_journaled_waits_for_writer (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  GPid child;

  make_workspace_with_one_lead (f);
  child = write_in_child (f->path, MANY_LEADS, 300);

  workspace = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait_child (child), ==, 0);
  g_assert_cmpint (sales_workspace_count_rows (workspace, "leads", NULL), ==,
                   20001);
  g_assert_cmpint (sales_test_journal_mode (f->path), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/workspace/" name, Fixture, NULL, sales_test_dir_set_up, func, \
              sales_test_dir_tear_down)

  ADD ("create-open-reopen", test_create_open_reopen);
  ADD ("create-refuses-existing", test_create_refuses_existing);
  ADD ("refuse/text-file", test_refuse_text_file);
  ADD ("refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("refuse/truncated", test_refuse_truncated);
  ADD ("refuse/corrupt", test_refuse_corrupt);
  ADD ("refuse/newer", test_refuse_newer);
  ADD ("refuse/missing", test_refuse_missing);
  ADD ("two-connections", test_two_connections);
  ADD ("journaled/rolled-back", test_journaled_rolled_back);
  ADD ("journaled/waits-for-writer", test_journaled_waits_for_writer);
  ADD ("settings", test_settings);
  ADD ("validation", test_validation);

  return g_test_run ();
}
