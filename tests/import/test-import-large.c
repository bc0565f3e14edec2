/* test-import-large.c: imports past the row count of a bulk load
 *
 * Past SALES_IMPORT_TRIGGER_MAX_ROWS a load sets the KPI triggers aside,
 * stores the rest of its rows in one statement and builds its indexes at
 * the end: the roll-up, a cancel while finishing, every kind of row after
 * the switch, and the same in a thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "importer-test.h"
#include "sales-limits.h"

/* A small import leaves what it touched for the roll-up to recompute;
 * a large one drops the KPI triggers for the rest of its load, marks
 * the roll-up for a rebuild and makes the triggers again, and one
 * cancelled after dropping them (progress comes every 4096 rows) leaves
 * triggers and roll-up as they were.
 */
static void
test_kpi_roll_up (Fixture       *f,
                  gconstpointer  data)
{
  const char *triggers = "SELECT count (*) FROM sqlite_schema WHERE"
                         " type = 'trigger' AND name GLOB '*_kpi_*'";
  g_autofree char *v1 = write_csv (f, "v1.csv", deals_v1);
  g_autofree char *v2 = write_csv (f, "v2.csv", deals_v2);
  g_autofree char *big = big_deals_csv (f, SALES_IMPORT_TRIGGER_MAX_ROWS +
                                        8000);
  g_autoptr(SalesImporter) first = import (f, v1, NULL, NULL);
  g_autoptr(SalesImporter) second = NULL;
  g_autoptr(SalesImporter) large = NULL;
  g_autoptr(SalesImporter) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_triggers = query_int (f, triggers);

  g_assert_cmpint (n_triggers, ==, 18);
  assert_roll_up_current (f);

  second = import (f, v2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM kpi_dirty"), >, 0);
  assert_roll_up_current (f);

  cancelled = run_cancelled (f, big);
  g_assert_cmpint (query_int (f, triggers), ==, n_triggers);
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 0);

  large = import (f, big, NULL, &error);
  g_assert_no_error (error);
  assert_counts (large, SALES_IMPORT_TRIGGER_MAX_ROWS + 8000, 0, 0, 0);
  g_assert_cmpint (query_int (f, triggers), ==, n_triggers);
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 1);
  assert_roll_up_current (f);

  /* The triggers made again record the next write. */
  g_assert_true (sales_workspace_exec (f->workspace, "UPDATE opportunities"
                                       " SET amount = 1 WHERE external_id ="
                                       " 'B7'", &error));
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 2);
  assert_roll_up_current (f);
}

static void
cancel_finishing_cb (double   fraction,
                     gpointer user_data)
{
  if (fraction == SALES_IMPORT_PROGRESS_FINISHING)
    g_cancellable_cancel (user_data);
}

/* Cancelled once every row is stored, while its indexes are built: the
 * index build stops, and the import rolls back whole.
 */
static void
test_cancel_while_finishing (Fixture       *f,
                             gconstpointer  data)
{
  const char *schema = "SELECT group_concat (name) FROM (SELECT name FROM"
                       " sqlite_schema WHERE tbl_name = 'opportunities'"
                       " ORDER BY name)";
  g_autofree char *big = big_deals_csv (f, SALES_IMPORT_TRIGGER_MAX_ROWS +
                                        8000);
  g_autofree char *before = query_text (f, schema);
  g_autofree char *after = NULL;
  gint64 stale = query_int (f, "SELECT stale FROM kpi_state");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SalesImporter) importer = sales_importer_new (f->workspace, big);
  g_autoptr(GError) error = NULL;

  sales_importer_set_progress_func (importer, cancel_finishing_cb,
                                    g_object_ref (cancellable),
                                    g_object_unref);
  g_assert_false (sales_importer_run (importer, cancellable, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_CANCELLED);

  after = query_text (f, schema);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, stale);
}

/* Past SALES_IMPORT_TRIGGER_MAX_ROWS the rest of a file is stored by one
 * statement (sales-import-bulk.c); these rows come after that point and
 * must end as they would row by row: a bad amount rejected on its line,
 * an id the table already has updated, an id repeated in the file with
 * the same cells unchanged and with others updated, rows without an id
 * kept apart by their cells, and the whole file again left unchanged.
 */
static void
test_large_file_every_row (Fixture       *f,
                           gconstpointer  data)
{
  guint n = SALES_IMPORT_TRIGGER_MAX_ROWS + 3000;
  g_autoptr(GString) text = g_string_new ("Deal ID,Deal Name,Amount,"
                                          "Region\n");
  g_autofree char *v1 = write_csv (f, "v1.csv", deals_v1);
  g_autofree char *path = NULL;
  g_autoptr(SalesImporter) seed = import (f, v1, NULL, NULL);
  g_autoptr(SalesImporter) large = NULL;
  g_autoptr(SalesImporter) again = NULL;
  g_autoptr(GError) error = NULL;
  const SalesImportReject *reject;
  gint64 n_objects = query_int (f, "SELECT count(*) FROM sqlite_schema WHERE"
                                   " tbl_name = 'opportunities' AND type IN"
                                   " ('index', 'trigger')");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "L%u,Deal %u,%u,R%u\n", i, i, i + 1, i);
  g_string_append (text, "L5,Deal 5,6,R5\n");        /* line n + 2 */
  g_string_append (text, "L6,Deal 6,600,R6\n");
  g_string_append (text, "L7,Deal 7,seven,R7\n");
  g_string_append (text, "D1,Alpha,99,EU\n");
  g_string_append (text, ",Blank,1,\n,Blank,1,\n");
  g_string_append (text, "L9999999,Last,1,\n");
  path = write_csv (f, "large.csv", text->str);

  large = import (f, path, "opportunities", &error);
  g_assert_no_error (error);
  assert_counts (large, n + 3, 2, 1, 1);
  reject = g_ptr_array_index (sales_importer_get_rejects (large), 0);
  g_assert_cmpuint (reject->line, ==, n + 4);
  g_assert_cmpstr (reject->value, ==, "seven");
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'L6'"), ==, 60000);
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'D1'"), ==, 9900);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "name = 'Blank'"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "external_id = 'L9999999' AND extra IS "
                                 "NULL"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "extra = '{\"Region\":\"R4999\"}' AND "
                                 "external_id = 'L4999' AND import_id = 2"),
                   ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM import_rejects WHERE "
                                 "import_id = 2"), ==, 1);

  again = import (f, path, "opportunities", &error);
  g_assert_no_error (error);
  /* Only L6 changes: its two rows disagree, so each one overwrites the
   * other, and the table ends as it was.
   */
  assert_counts (again, 0, 2, n + 4, 1);
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'L6'"), ==, 60000);

  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (again),
                                      &error));
  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (large),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   3);
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'D1'"), ==, 120050);

  /* That large revert set the indexes and triggers aside: all are back,
   * and the roll-up, marked for a rebuild, matches the rows left.
   */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM sqlite_schema WHERE "
                                 "tbl_name = 'opportunities' AND type IN "
                                 "('index', 'trigger')"), ==, n_objects);
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 1);
  assert_roll_up_current (f);
}

/* The one statement tells a row it stored from one it skipped by the
 * connection's last inserted rowid. A reject, stored just before, leaves
 * its own there, which here is the rowid the next deal gets: import_rejects
 * and opportunities have both given out 2,600 ids by then. That deal is
 * still counted inserted, and nothing unchanged.
 */
static void
test_large_file_reject_rowid (Fixture       *f,
                              gconstpointer  data)
{
  guint n = SALES_IMPORT_TRIGGER_MAX_ROWS + 600;
  g_autoptr(GString) bad = g_string_new ("Deal ID,Deal Name,Amount\n");
  g_autoptr(GString) good = g_string_new ("Deal ID,Deal Name,Amount\n");
  g_autofree char *bad_path = NULL;
  g_autofree char *good_path = NULL;
  g_autoptr(SalesImporter) rejected = NULL;
  g_autoptr(SalesImporter) large = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (bad, "X%u,Bad %u,lots\n", i, i);
      g_string_append_printf (good, "L%u,Deal %u,%u\n", i, i, i + 1);
    }
  g_string_append (good, "L-bad,Bad,seven\nL-next,Next,5\n");
  bad_path = write_csv (f, "bad.csv", bad->str);
  good_path = write_csv (f, "good.csv", good->str);

  rejected = import (f, bad_path, "opportunities", &error);
  g_assert_no_error (error);
  assert_counts (rejected, 0, 0, 0, n);
  g_assert_cmpint (query_int (f, "SELECT max (id) FROM import_rejects"), ==,
                   n);

  large = import (f, good_path, "opportunities", &error);
  g_assert_no_error (error);
  assert_counts (large, n + 1, 0, 0, 1);
  g_assert_cmpint (query_int (f, "SELECT id FROM import_rejects WHERE "
                                 "value = 'seven'"), ==, n + 1);
  g_assert_cmpint (query_int (f, "SELECT id FROM opportunities WHERE "
                                 "external_id = 'L-next'"), ==, n + 1);
}

/* What a run reported: how often it was under way, whether it said it
 * was finishing, and last.
 */
typedef struct
{
  guint    under_way;
  gboolean finishing;
  double   last;
} Reports;


static void
count_progress_cb (double   fraction,
                   gpointer user_data)
{
  Reports *reports = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (fraction > 0.0 && fraction < 1.0)
    reports->under_way++;
  if (fraction == SALES_IMPORT_PROGRESS_FINISHING)
    reports->finishing = TRUE;
  reports->last = fraction;
}

typedef struct
{
  gboolean  finished;
  GError   *error;
} Run;


static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  sales_importer_run_finish (SALES_IMPORTER (source), result, &run->error);
  run->finished = TRUE;
}

/* A large file in the GUI's way: in a thread, the rest of its rows in
 * one statement there, progress on the caller's context.
 */
static void
test_async_large (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *big = big_deals_csv (f, 20000);
  g_autoptr(SalesImporter) importer = sales_importer_new (f->workspace, big);
  Run run = { FALSE, NULL };
  Reports reports = { 0, FALSE, -1 };

  sales_importer_set_progress_func (importer, count_progress_cb, &reports,
                                    NULL);
  sales_importer_run_async (importer, NULL, finished_cb, &run);
  while (!run.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (run.error);
  assert_counts (importer, 20000, 0, 0, 0);
  g_assert_cmpuint (reports.under_way, >, 0);
  g_assert_true (reports.finishing);
  g_assert_cmpfloat (reports.last, ==, 1.0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   20000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  IMPORT_TEST_ADD ("/import-large/kpi-roll-up", test_kpi_roll_up);
  IMPORT_TEST_ADD ("/import-large/cancel-while-finishing",
                   test_cancel_while_finishing);
  IMPORT_TEST_ADD ("/import-large/large-file-every-row",
                   test_large_file_every_row);
  IMPORT_TEST_ADD ("/import-large/large-file-reject-rowid",
                   test_large_file_reject_rowid);
  IMPORT_TEST_ADD ("/import-large/async-large", test_async_large);

  return g_test_run ();
}
