/* test-import-exclusive.c: an import on the workspace's own connection
 *
 * An exclusive importer (the command line's) borrows the workspace's
 * connection and, alone on the file, loads with a rollback journal: the
 * file must be out of WAL mode during the load and back in it after, on
 * success, cancel and dry run alike, with the connection's settings as
 * they were; beside another connection it stays in WAL mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "importer-test.h"

#define ROWS 5000

/* Opportunities past the row count where a load goes in one statement,
 * with a lead for each when @with_leads.
 */
static char *
write_deals (Fixture    *f,
             const char *name,
             guint       first,
             gboolean    with_leads)
{
  g_autoptr(GString) csv = g_string_new (with_leads ? "Deal ID,Lead ID,"
                                                      "Amount,Close Date\n"
                                                    : "Deal ID,Amount,"
                                                      "Close Date\n");

  for (guint i = first; i < first + ROWS; i++)
    {
      g_string_append_printf (csv, "D%u,", i);
      if (with_leads)
        g_string_append_printf (csv, "L%u,", i);
      g_string_append_printf (csv, "%u.00,2025-03-%02u\n", i, i % 28 + 1);
    }
  return write_csv (f, name, csv->str);
}

typedef struct
{
  Fixture      *f;
  int           mode;        /* the header's, at the last report */
  GCancellable *cancel;      /* cancelled at the first report, if set */
} Watch;

static void
watch_progress (double   fraction,
                gpointer data)
{
  Watch *watch = data;

  watch->mode = sales_test_journal_mode (watch->f->path);
  if (watch->cancel != NULL)
    g_cancellable_cancel (watch->cancel);
}

static gboolean
run_exclusive (Fixture       *f,
               const char    *csv,
               gboolean       dry_run,
               Watch         *watch,
               GError       **error)
{
  g_autoptr(SalesImporter) importer = sales_importer_new (f->workspace, csv);

  sales_importer_set_exclusive (importer, TRUE);
  sales_importer_set_table (importer, "opportunities");
  sales_importer_set_dry_run (importer, dry_run);
  sales_importer_set_progress_func (importer, watch_progress, watch, NULL);
  return sales_importer_run (importer, watch->cancel, error);
}

static void
test_journaled_load (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = write_deals (f, "deals.csv", 0, TRUE);
  gint64 cache_size = query_int (f, "PRAGMA cache_size");
  Watch watch = { f, 0, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (run_exclusive (f, csv, FALSE, &watch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (watch.mode, ==, 1);
  g_assert_cmpint (sales_test_journal_mode (f->path), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   ROWS);

  /* The connection is given back as it was lent. */
  g_assert_cmpint (query_int (f, "PRAGMA cache_size"), ==, cache_size);
  g_assert_cmpint (query_int (f, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_false (sales_workspace_exec (f->workspace,
                                        "INSERT INTO opportunities (outcome) "
                                        "VALUES ('bogus')", &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_SQL);
}

static void
test_cancelled_and_dry_run (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *csv = write_deals (f, "deals.csv", 0, TRUE);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  Watch watch = { f, 0, cancel };
  g_autoptr(GError) error = NULL;

  g_assert_false (run_exclusive (f, csv, FALSE, &watch, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (watch.mode, ==, 1);
  g_assert_cmpint (sales_test_journal_mode (f->path), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   0);

  /* A dry run rolls back anyway: it stays in WAL mode. */
  watch.cancel = NULL;
  g_assert_true (run_exclusive (f, csv, TRUE, &watch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (watch.mode, ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   0);
}

static void
test_beside_another_connection (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *csv = write_deals (f, "deals.csv", 0, TRUE);
  Watch watch = { f, 0, NULL };
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = sales_workspace_open_connection (f->workspace, TRUE,
                                                     &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (reader, "SELECT count(*) FROM leads", NULL,
                                 NULL, NULL), ==, SQLITE_OK);

  g_assert_true (run_exclusive (f, csv, FALSE, &watch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (watch.mode, ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   ROWS);
  sqlite3_close (reader);
}

/* A load that writes no lead keeps the partial index on leads in place
 * instead of building it again: it must still find the earlier rows'.
 */
static void
test_partial_index_kept (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *with_leads = write_deals (f, "leads.csv", 0, TRUE);
  g_autofree char *without = write_deals (f, "more.csv", ROWS, FALSE);
  Watch watch = { f, 0, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (run_exclusive (f, with_leads, FALSE, &watch, &error));
  g_assert_true (run_exclusive (f, without, FALSE, &watch, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   2 * ROWS);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities "
                                 "INDEXED BY opportunities_lead WHERE "
                                 "lead_ref IS NOT NULL"), ==, ROWS);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities "
                                 "INDEXED BY opportunities_lead WHERE "
                                 "lead_ref = 'L42'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities "
                                 "INDEXED BY opportunities_closed WHERE "
                                 "closed_at >= '2025-03-01'"), ==, 2 * ROWS);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pragma_integrity_check "
                                 "WHERE integrity_check <> 'ok'"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  IMPORT_TEST_ADD ("/import-exclusive/journaled-load", test_journaled_load);
  IMPORT_TEST_ADD ("/import-exclusive/cancelled-and-dry-run",
                   test_cancelled_and_dry_run);
  IMPORT_TEST_ADD ("/import-exclusive/beside-another-connection",
                   test_beside_another_connection);
  IMPORT_TEST_ADD ("/import-exclusive/partial-index-kept",
                   test_partial_index_kept);

  return g_test_run ();
}
