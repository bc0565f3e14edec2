/* test-cli.c: the salesops-cli contract for new and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "salesops-test.h"

typedef SalesTestDir Fixture;


/* One line on stderr naming the file, exit 1, the file untouched. */
static void
assert_export_refuses (Fixture *f)
{
  g_autoptr(GBytes) before = sales_test_read_bytes (f->path);
  g_autofree char *out_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "export", f->path, "--table", "leads",
                         "--output", out_path, NULL };

  g_assert_cmpint (sales_test_run_cli (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, f->path));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  sales_test_assert_unchanged (f->path, before);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

static void
test_new_and_export (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "leads.csv", NULL);
  g_autofree char *text = NULL;
  const char *create[] = { "new", f->path, NULL };
  const char *export[] = { "export", f->path, "--table", "leads",
                           "--output", csv, NULL };

  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (export, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "external_id,name,company,"));

  /* Creating over an existing file is refused. */
  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 1);
}

/* Scripts name workspaces relative to where they run. */
static void
test_relative_path (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  const char *create[] = { "new", "w.salesops", NULL };
  const char *export[] = { "export", "w.salesops", "--table", "leads",
                           "--output", "leads.json", NULL };

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (export, NULL, NULL), ==, 0);
  g_assert_true (g_file_test ("leads.json", G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *create[] = { "new", f->path, NULL };
  const char *no_table[] = { "export", f->path, "--output", "x.csv", NULL };
  const char *bad_table[] = { "export", f->path, "--table", "nope",
                              "--output", "x.csv", NULL };
  const char *bad_ext[] = { "export", f->path, "--table", "leads",
                            "--output", "x.txt", NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *nothing[] = { NULL };
  const char *help[] = { "--help", NULL };

  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (no_table, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (bad_table, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (bad_ext, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (unknown, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (nothing, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (help, NULL, NULL), ==, 0);
}

static void
test_export_refuses_text (Fixture       *f,
                          gconstpointer  data)
{
  sales_test_write_file (f->path, "just,some\ntext,here\n", -1);
  assert_export_refuses (f);
}

static void
test_export_refuses_foreign (Fixture       *f,
                             gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE leads (x)", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_export_refuses (f);
}

static void
test_export_refuses_truncated (Fixture       *f,
                               gconstpointer  data)
{
  const char *create[] = { "new", f->path, NULL };
  g_autoptr(GBytes) whole = NULL;

  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  whole = sales_test_read_bytes (f->path);
  sales_test_write_file (f->path, g_bytes_get_data (whole, NULL),
                         g_bytes_get_size (whole) - 1000);
  assert_export_refuses (f);
}

static void
test_export_refuses_newer (Fixture       *f,
                           gconstpointer  data)
{
  const char *create[] = { "new", f->path, NULL };
  sqlite3 *db = NULL;

  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_export_refuses (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, sales_test_dir_set_up, func, \
              sales_test_dir_tear_down)

  ADD ("new-and-export", test_new_and_export);
  ADD ("usage-errors", test_usage_errors);
  ADD ("relative-path", test_relative_path);
  ADD ("export-refuses/text", test_export_refuses_text);
  ADD ("export-refuses/foreign", test_export_refuses_foreign);
  ADD ("export-refuses/truncated", test_export_refuses_truncated);
  ADD ("export-refuses/newer", test_export_refuses_newer);

  return g_test_run ();
}
