/* salesops-test.c: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "sales-workspace.h"
#include "salesops-test.h"

char *
sales_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("salesops-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_file (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file,
                                                 g_file_info_get_name (info));

      remove_file (child);
      g_object_unref (info);
    }

  g_file_delete (file, NULL, NULL);
}

void
sales_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  remove_file (file);
}

GBytes *
sales_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
sales_test_write_file (const char *path,
                       const char *contents,
                       gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/**
 * sales_test_shared_dir:
 *
 * Returns: (nullable): ../shared beside the source tree, or %NULL when the
 *   checkout has none (the caller then skips)
 */
const char *
sales_test_shared_dir (void)
{
  const char *dir = g_getenv ("SALESOPS_SHARED_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;

  return dir;
}

char *
sales_test_data_path (const char *name)
{
  const char *dir = g_getenv ("SALESOPS_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Under TAP an exit code of 77 counts as an error, so a test that needs a
 * display prints an empty plan with a reason and exits 0.
 */
void
sales_test_skip_without_display (int    argc,
                                 char **argv)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return;

  printf ("1..0 # SKIP no display; run the tests under xvfb-run\n");
  exit (0);
}

/**
 * sales_test_run_cli:
 * @args: arguments after the program name, %NULL-terminated
 * @out: (out) (optional): standard output
 * @err: (out) (optional): standard error
 *
 * Returns: the exit status of salesops-cli
 */
int
sales_test_run_cli (const char *const  *args,
                    char              **out,
                    char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SALESOPS_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  /* Output nobody asked for must not reach the test's TAP stream. */
  g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0) |
                (err == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);

  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

void
sales_test_dir_set_up (SalesTestDir  *f,
                       gconstpointer  data)
{
  f->dir = sales_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "w.salesops", NULL);
}

void
sales_test_dir_tear_down (SalesTestDir  *f,
                          gconstpointer  data)
{
  sales_test_remove_tree (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

gint64
sales_test_query_int (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Bytes 18 and 19 of a SQLite file's header: 2 in WAL mode, 1 with a
 * rollback journal.
 */
int
sales_test_journal_mode (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpint (contents[18], ==, contents[19]);
  return contents[18];
}

void
sales_test_workspace_set_up (SalesTestWorkspace *f,
                             gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sales_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "w.salesops", NULL);
  f->workspace = sales_workspace_create (f->path, &error);
  g_assert_no_error (error);
}

void
sales_test_workspace_tear_down (SalesTestWorkspace *f,
                                gconstpointer       data)
{
  g_clear_object (&f->workspace);
  sales_test_remove_tree (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}
