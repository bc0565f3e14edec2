/* test-demo.c: the demo generator is deterministic and complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "salesops-test.h"

static const char *const tables[] = {
  "leads", "opportunities", "customers", "purchases", "expenses",
  "forecasts", NULL
};

static char *
make_demo (const char *dir,
           const char *name,
           const char *seed)
{
  char *path = g_build_filename (dir, name, NULL);
  const char *args[] = { "demo", path, "--seed", seed, NULL };

  g_assert_cmpint (sales_test_run_cli (args, NULL, NULL), ==, 0);
  return path;
}

/* A checksum of every table as `salesops-cli export` writes it. */
static char *
export_checksum (const char *dir,
                 const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (tables[i], ".json", NULL);
      g_autofree char *out = g_build_filename (dir, name, NULL);
      const char *args[] = { "export", path, "--table", tables[i],
                             "--output", out, NULL };
      g_autoptr(GBytes) bytes = NULL;

      g_assert_cmpint (sales_test_run_cli (args, NULL, NULL), ==, 0);
      bytes = sales_test_read_bytes (out);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 10);
      g_checksum_update (checksum, g_bytes_get_data (bytes, NULL),
                         (gssize)g_bytes_get_size (bytes));
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_determinism (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *a = make_demo (dir, "a.salesops", "5");
  g_autofree char *b = make_demo (dir, "b.salesops", "5");
  g_autofree char *c = make_demo (dir, "c.salesops", "6");
  g_autofree char *sum_a = export_checksum (dir, a);
  g_autofree char *sum_b = export_checksum (dir, b);
  g_autofree char *sum_c = export_checksum (dir, c);

  g_assert_cmpstr (sum_a, ==, sum_b);
  g_assert_cmpstr (sum_a, !=, sum_c);
  sales_test_remove_tree (dir);
}

static void
test_contents (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = make_demo (dir, "w.salesops", "1");
  const char *again[] = { "demo", path, NULL };
  const char *zero[] = { "demo", path, "--scale", "0", NULL };
  g_autofree char *huge_path = g_build_filename (dir, "h.salesops", NULL);
  const char *huge[] = { "demo", huge_path, "--scale", "100000", NULL };
  g_autoptr(GBytes) before = NULL;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s",
                                              tables[i]);

      g_assert_cmpint (sales_test_query_int (path, sql), >, 0);
    }
  g_assert_cmpint (sales_test_query_int (path, "PRAGMA application_id"), ==,
                   0x536c4f70);

  /* Two fixed years, whatever today is; all three outcomes. */
  g_assert_cmpint (sales_test_query_int (path, "SELECT min (created_at) >= '2024-01-01'"
                              " AND max (created_at) < '2026-01-01'"
                              " FROM leads"), ==, 1);
  g_assert_cmpint (sales_test_query_int (path, "SELECT count (DISTINCT outcome)"
                              " FROM opportunities"), ==, 3);
  g_assert_cmpint (sales_test_query_int (path, "SELECT count (DISTINCT owner)"
                              " FROM forecasts"), >=, 4);
  /* Rows that exercise inheritance and fallbacks. */
  g_assert_cmpint (sales_test_query_int (path, "SELECT count (*) FROM opportunities"
                              " WHERE owner IS NULL AND lead_ref IS NOT NULL"),
                   >, 0);
  g_assert_cmpint (sales_test_query_int (path, "SELECT count (*) FROM customers"
                              " WHERE acquired_at IS NULL"), >, 0);

  /* A filled workspace is refused and left alone. */
  before = sales_test_read_bytes (path);
  g_assert_cmpint (sales_test_run_cli (again, NULL, NULL), ==, 1);
  sales_test_assert_unchanged (path, before);
  g_assert_cmpint (sales_test_run_cli (zero, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (huge, NULL, NULL), ==, 2);
  g_assert_false (g_file_test (huge_path, G_FILE_TEST_EXISTS));
  sales_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/determinism", test_determinism);
  g_test_add_func ("/demo/contents", test_contents);

  return g_test_run ();
}
