/* test-import-crash.c: an import killed half way loses nothing
 *
 * `salesops-cli import` of a large file is killed with SIGKILL once it
 * is writing: the workspace must then open as before (its integrity
 * check passing), hold no row and no record of the import, be back in
 * WAL mode, and take the same file whole on the next try. Alone on the
 * file, the import writes its pages into the workspace itself, with a
 * rollback journal beside it that the next open plays back; with a
 * reader holding the file open, it writes them to the write-ahead log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>

#include "sales-workspace.h"
#include "salesops-test.h"

#define ROWS 300000

static void
write_deals (const char *path)
{
  g_autoptr(GString) csv = g_string_new ("Deal ID,Deal Name,Deal owner,"
                                         "Stage,Amount,Close Date\n");

  for (guint i = 0; i < ROWS; i++)
    g_string_append_printf (csv, "D%u,Deal %u,Owner %u,%s,%u.50,"
                            "2025-%02u-%02u\n", i, i, i % 7,
                            i % 3 ? "Closed Won" : "Closed Lost", i % 9000,
                            i % 12 + 1, i % 28 + 1);
  sales_test_write_file (path, csv->str, csv->len);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64)st.st_size : 0;
}

/* Starts the import and kills it once its uncommitted rows reach the
 * workspace file or the write-ahead log; FALSE when it finished first.
 */
static gboolean
kill_while_writing (const char *workspace,
                    const char *csv)
{
  const char *argv[] = { g_getenv ("SALESOPS_CLI"), "import", workspace, csv,
                         NULL };
  g_autofree char *wal = g_strconcat (workspace, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gint64 before = file_size (workspace);
  int status = 0;
  GPid pid;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_async (NULL, (char **)argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  while (file_size (wal) < 4 * 1024 * 1024 &&
         file_size (workspace) < before + 4 * 1024 * 1024 &&
         waitpid (pid, &status, WNOHANG) == 0 &&
         g_get_monotonic_time () < deadline)
    g_usleep (2000);

  if (kill (pid, SIGKILL) != 0)
    return FALSE;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
}

static void
check_killed_import (gboolean with_reader)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "w.salesops", NULL);
  g_autofree char *journal = g_strconcat (workspace, "-journal", NULL);
  g_autofree char *csv = g_build_filename (dir, "deals.csv", NULL);
  const char *create[] = { "new", workspace, NULL };
  const char *import[] = { "import", workspace, csv, NULL };
  g_autoptr(SalesWorkspace) opened = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;
  gboolean killed;

  write_deals (csv);
  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  if (with_reader)
    {
      g_assert_cmpint (sqlite3_open (workspace, &reader), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (reader, "SELECT count(*) FROM leads",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }

  killed = kill_while_writing (workspace, csv);
  g_clear_pointer (&reader, sqlite3_close);
  if (!killed)
    {
      g_test_skip ("the import finished before it could be killed");
      sales_test_remove_tree (dir);
      return;
    }

  /* Alone, the import left WAL mode, and a journal of what to undo. */
  g_assert_cmpint (sales_test_journal_mode (workspace), ==,
                   with_reader ? 2 : 1);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS) != with_reader);

  opened = sales_workspace_open (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_workspace_count_rows (opened, "opportunities",
                                               NULL), ==, 0);
  g_clear_object (&opened);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sales_test_journal_mode (workspace), ==, 2);
  g_assert_cmpint (sales_test_query_int (workspace,
                                         "SELECT count(*) FROM imports"),
                   ==, 0);

  g_assert_cmpint (sales_test_run_cli (import, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_query_int (workspace, "SELECT count(*) FROM "
                                                    "opportunities"), ==,
                   ROWS);
  g_assert_cmpint (sales_test_journal_mode (workspace), ==, 2);
  sales_test_remove_tree (dir);
}

static void
test_killed_import (void)
{
  check_killed_import (FALSE);
}

static void
test_killed_import_beside_reader (void)
{
  check_killed_import (TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-crash/killed-import", test_killed_import);
  g_test_add_func ("/import-crash/killed-import-beside-reader",
                   test_killed_import_beside_reader);

  return g_test_run ();
}
