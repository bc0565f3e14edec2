/* test-importer.c: upsert, rejects, extra, revert, cancel, dry run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "importer-test.h"

static void
test_upsert_and_revert (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *v1 = write_csv (f, "v1.csv", deals_v1);
  g_autofree char *v2 = write_csv (f, "v2.csv", deals_v2);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImporter) first = import (f, v1, NULL, &error);
  g_autoptr(SalesImporter) again = NULL;
  g_autoptr(SalesImporter) second = NULL;
  const SalesImportReject *reject;
  g_autofree char *extra = NULL;
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sales_importer_get_table (first), ==, "opportunities");
  assert_counts (first, 3, 0, 0, 1);
  reject = g_ptr_array_index (sales_importer_get_rejects (first), 0);
  g_assert_cmpuint (reject->line, ==, 5);
  g_assert_cmpstr (reject->column, ==, "Amount");
  g_assert_cmpstr (reject->value, ==, "lots");
  g_assert_nonnull (strstr (reject->reason, "not an amount"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM import_rejects WHERE "
                                 "line = 5 AND cells LIKE '[\"D4\",%'"), ==, 1);

  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'D1'"), ==, 120050);
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'D3'"), ==, -2000);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "external_id = 'D2' AND outcome = 'open' AND "
                                 "closed_at IS NULL"), ==, 1);
  extra = query_text (f, "SELECT extra FROM opportunities WHERE "
                         "external_id = 'D1'");
  g_assert_cmpstr (extra, ==, "{\"Region\":\"EU\"}");

  /* The same file again changes nothing. */
  again = import (f, v1, NULL, &error);
  g_assert_no_error (error);
  assert_counts (again, 0, 0, 3, 1);

  second = import (f, v2, NULL, &error);
  g_assert_no_error (error);
  assert_counts (second, 1, 1, 2, 0);
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'D2'"), ==, 35000);
  before = query_text (f, "SELECT before FROM import_changes WHERE "
                          "action = 'update'");
  g_assert_nonnull (strstr (before, "\"amount\":30000"));

  /* Revert restores D2 and deletes D5; a second revert is refused. */
  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (second),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'D2'"), ==, 30000);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "external_id = 'D5'"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "external_id = 'D2' AND closed_at IS NULL AND "
                                 "outcome = 'open'"), ==, 1);
  g_assert_false (sales_import_revert (f->workspace,
                                       sales_importer_get_import_id (second),
                                       &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sales_import_revert (f->workspace, 999, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND);
}

static void
test_revert_refused_under_later_import (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *v1 = write_csv (f, "v1.csv", deals_v1);
  g_autofree char *v2 = write_csv (f, "v2.csv", deals_v2);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImporter) first = import (f, v1, NULL, &error);
  g_autoptr(SalesImporter) second = import (f, v2, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (sales_import_revert (f->workspace,
                                       sales_importer_get_import_id (first),
                                       &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (second),
                                      NULL));
  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (first),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==, 0);
}

static char *
dump (Fixture *f)
{
  return query_text (f, "SELECT group_concat(external_id || amount, ',') FROM "
                        "opportunities");
}

static void
test_cancel_and_dry_run (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("opportunity_id,amount\n");
  g_autofree char *v1 = write_csv (f, "v1.csv", deals_v1);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SalesImporter) seed = import (f, v1, NULL, NULL);
  g_autoptr(SalesImporter) cancelled = NULL;
  g_autoptr(SalesImporter) dry = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (big, "X%u,%u\n", i, i);
  g_string_append (big, "D1,5\n");
  path = write_csv (f, "big.csv", big->str);
  before = dump (f);

  cancelled = run_cancelled (f, path);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM imports"), ==, 1);

  dry = sales_importer_new (f->workspace, path);
  sales_importer_set_dry_run (dry, TRUE);
  g_assert_true (sales_importer_run (dry, NULL, &error));
  g_assert_no_error (error);
  assert_counts (dry, 20000, 1, 0, 0);
  g_assert_cmpint (sales_importer_get_import_id (dry), ==, 0);
  g_free (after);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM imports"), ==, 1);
}

/* The rows that settle the order come after the sample. */
static void
test_date_order_decided_late (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("lead id,created\n");
  g_autofree char *path = NULL;
  g_autoptr(SalesImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *recorded = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "L%u,%u/%u/2025\n", i, i % 12 + 1,
                            i % 9 + 1);
  g_string_append (text, "L300,25/12/2025\n");
  path = write_csv (f, "late.csv", text->str);

  importer = sales_importer_new (f->workspace, path);
  sales_importer_set_sniff_rows (importer, 50);
  g_assert_true (sales_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sales_importer_get_redone (importer));
  assert_counts (importer, 301, 0, 0, 0);
  why = sales_importer_dup_date_explanation (importer, 1);
  g_assert_cmpstr (why, ==, "day first: 25/12/2025 on line 302 has 25 in "
                   "the first position");
  /* L13 is 2/5/2025: read day first, May 2. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM leads WHERE "
                                 "external_id = 'L13' AND "
                                 "created_at = '2025-05-02'"), ==, 1);

  /* The checksum of the file, though it was read twice. */
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);
  recorded = query_text (f, "SELECT checksum FROM imports");
  g_assert_cmpstr (recorded, ==, sum);
}

static void
test_remembered_mapping (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = write_csv (f, "a.csv", "Ref,Who,Money\nR1,Ann,10\n");
  g_autofree char *b = write_csv (f, "b.csv", "Ref,Who,Money\nR2,Bob,20\n");
  g_autoptr(SalesImporter) first = sales_importer_new (f->workspace, a);
  g_autoptr(SalesImporter) second = sales_importer_new (f->workspace, b);
  g_autoptr(GError) error = NULL;
  SalesMapping *mapping;

  sales_importer_set_table (first, "opportunities");
  sales_importer_add_override (first, "Ref=external_id");
  sales_importer_add_override (first, "who=owner");
  sales_importer_add_override (first, "Money=amount");
  sales_importer_set_remember_mapping (first, TRUE);
  g_assert_true (sales_importer_run (first, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (sales_importer_prepare (second, NULL, &error));
  mapping = sales_importer_get_mapping (second);
  g_assert_true (sales_mapping_is_remembered (mapping));
  g_assert_cmpstr (sales_mapping_get_table (mapping), ==, "opportunities");
  g_assert_cmpstr (sales_mapping_get_field (mapping, 1), ==, "owner");
  g_assert_true (sales_importer_run (second, NULL, &error));
  g_assert_cmpint (query_int (f, "SELECT amount FROM opportunities WHERE "
                                 "external_id = 'R2' AND owner = 'Bob'"), ==,
                   2000);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_true ((fraction >= 0.0 && fraction <= 1.0) ||
                 fraction == SALES_IMPORT_PROGRESS_FINISHING);
  *last = fraction;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *ok = user_data;

  *ok = sales_importer_run_finish (SALES_IMPORTER (source), result, NULL);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *v1 = write_csv (f, "v1.csv", deals_v1);
  g_autoptr(SalesImporter) importer = sales_importer_new (f->workspace, v1);
  gboolean ok = FALSE;
  double last = -1;

  sales_importer_set_progress_func (importer, progress_cb, &last, NULL);
  sales_importer_run_async (importer, NULL, done_cb, &ok);
  while (!ok)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpfloat (last, ==, 1.0);
  assert_counts (importer, 3, 0, 0, 1);
}

/* A CRM API dump: nested properties flattened by the reader. */
static void
test_json_dump (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "deals.json",
    "[{\"id\": \"H1\", \"properties\": {\"dealname\": \"Alpha\", "
    "\"amount\": \"1200.5\", \"dealstage\": \"closedwon\", "
    "\"closedate\": \"2025-03-07T14:05:00Z\", \"color\": \"red\"}},"
    " {\"id\": \"H2\", \"properties\": {\"dealname\": \"Beta\", "
    "\"amount\": \"\", \"dealstage\": \"appointmentscheduled\"}}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImporter) importer = import (f, path, NULL, &error);
  g_autofree char *row = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sales_importer_get_table (importer), ==, "opportunities");
  assert_counts (importer, 2, 0, 0, 0);
  row = query_text (f, "SELECT name || '|' || outcome || '|' || amount || "
                       "'|' || closed_at || '|' || extra FROM opportunities "
                       "WHERE external_id = 'H1'");
  g_assert_cmpstr (row, ==, "Alpha|won|120050|2025-03-07 14:05:00|"
                   "{\"properties.color\":\"red\"}");
}

static char *
shared_file (const char *relative)
{
  const char *dir = sales_test_shared_dir ();
  char *path;

  if (dir == NULL)
    return NULL;

  path = g_build_filename (dir, "testdata", relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

static void
test_maven_pipeline (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = shared_file ("maven-crm-sample/"
                                       "sales_pipeline_first400.csv");
  g_autoptr(SalesImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("../shared/testdata is absent");
      return;
    }

  importer = import (f, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sales_importer_get_table (importer), ==, "opportunities");
  assert_counts (importer, 400, 0, 0, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "outcome = 'won' AND stage = 'Won'"), ==,
                   query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "stage = 'Won'"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "stage IN ('Engaging', 'Prospecting') AND "
                                 "(outcome != 'open' OR closed_at IS NOT NULL "
                                 "OR amount IS NOT NULL)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "stage = 'Lost' AND outcome = 'lost' AND "
                                 "amount = 0"), ==,
                   query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "stage = 'Lost'"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "json_extract(extra, '$.product') IS NULL"),
                   ==, 0);
}

static void
test_olist (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *leads = shared_file ("olist-us-dates/"
                                        "olist_marketing_qualified_leads_"
                                        "dataset.csv");
  g_autofree char *deals = shared_file ("olist-us-dates/"
                                        "olist_closed_deals_dataset.csv");
  g_autoptr(SalesImporter) lead_import = NULL;
  g_autoptr(SalesImporter) deal_import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;

  if (leads == NULL || deals == NULL)
    {
      g_test_skip ("../shared/testdata is absent");
      return;
    }

  lead_import = import (f, leads, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sales_importer_get_table (lead_import), ==, "leads");
  assert_counts (lead_import, 8000, 0, 0, 0);
  why = sales_importer_dup_date_explanation (lead_import, 1);
  g_assert_true (g_str_has_prefix (why, "month first: "));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM leads WHERE "
                                 "source IS NULL"), ==, 60);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM leads WHERE "
                                 "created_at NOT LIKE '20__-__-__'"), ==, 0);

  deal_import = sales_importer_new (f->workspace, deals);
  sales_importer_add_constant (deal_import, "outcome=won");
  g_assert_true (sales_importer_run (deal_import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sales_importer_get_table (deal_import), ==,
                   "opportunities");
  assert_counts (deal_import, 380, 0, 0, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities o JOIN "
                                 "leads l ON l.external_id = o.lead_ref "
                                 "WHERE o.outcome = 'won' AND "
                                 "o.closed_at LIKE '20__-__-__ __:__:00'"),
                   ==, 380);
}

/* Rows without an id are known by their cells: importing the same file
 * again adds nothing, identical rows of one file are each kept, and a
 * spreadsheet's dropped trailing empty columns do not make rows new.
 */
static void
test_reimport_without_ids (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *v1 = write_csv (f, "spend.csv",
    "Date,Category,Amount,Description\n"
    "2025-01-03,Marketing,50.00,Coffee\n"
    "2025-01-03,Marketing,50.00,Coffee\n"
    "2025-01-04,Sales,20.00,Taxi\n");
  g_autofree char *v2 = write_csv (f, "spend-more.csv",
    "Date,Category,Amount,Description,Note\n"
    "2025-01-03,Marketing,50.00,Coffee,\n"
    "2025-01-04,Sales,20.00,Taxi,\n"
    "2025-01-03,Marketing,50.00,Coffee,\n"
    "2025-01-03,Marketing,50.00,Coffee,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImporter) first = import (f, v1, NULL, &error);
  g_autoptr(SalesImporter) again = NULL;
  g_autoptr(SalesImporter) more = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sales_importer_get_table (first), ==, "expenses");
  assert_counts (first, 3, 0, 0, 0);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT external_id) FROM "
                                 "expenses WHERE external_id LIKE 'row:%'"),
                   ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM expenses WHERE "
                                 "external_id LIKE 'row:%#2'"), ==, 1);

  again = import (f, v1, NULL, &error);
  g_assert_no_error (error);
  assert_counts (again, 0, 0, 3, 0);

  more = import (f, v2, NULL, &error);
  g_assert_no_error (error);
  assert_counts (more, 1, 0, 3, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM expenses WHERE "
                                 "description = 'Coffee'"), ==, 3);

  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (more),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM expenses"), ==, 3);
}

/* A file with an id column where some rows have none: those rows are
 * known by their cells, the others by their id.
 */
static void
test_reimport_some_ids_missing (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "deals.csv",
    "Deal ID,Deal Name,Amount\n"
    "D1,Alpha,100\n"
    ",Beta,200\n"
    ",Beta,200\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImporter) first = import (f, path, "opportunities", &error);
  g_autoptr(SalesImporter) again = NULL;

  g_assert_no_error (error);
  assert_counts (first, 3, 0, 0, 0);
  again = import (f, path, "opportunities", &error);
  g_assert_no_error (error);
  assert_counts (again, 0, 0, 3, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities WHERE "
                                 "external_id = 'D1'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM opportunities"), ==,
                   3);
}

/* An update writes only the fields that changed (sales-import-writer.c):
 * each kind of change, on its own and together, leaves the other fields
 * as they were, and revert restores every one.
 */
static void
test_update_changed_fields (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *v1 = write_csv (f, "v1.csv", deals_v1);
  g_autofree char *v3 = write_csv (f, "v3.csv",
    "Deal ID,Deal Name,Deal owner,Stage,Amount,Create Date,Close Date,Region\n"
    "D1,Alpha,Ann,Closed Won,\"$1,200.50\",2025-01-05,2025-02-01,US\n"
    "D2,Beta,Bob,Negotiation,301,2025-01-06,,\n"
    "D3,Gamma,,Closed Won,(20.00),2025-01-07,2025-02-09,US\n");
  const char *row_sql = "SELECT group_concat (external_id || '|' || name ||"
                        " '|' || ifnull (owner, '-') || '|' || outcome ||"
                        " '|' || amount || '|' || ifnull (closed_at, '-') ||"
                        " '|' || ifnull (extra, '-'), ';') FROM (SELECT *"
                        " FROM opportunities ORDER BY external_id)";
  g_autofree char *v4 = write_csv (f, "v4.csv",
    "Deal ID,Deal Name,Deal owner,Stage,Amount,Create Date,Close Date,Region\n"
    "D1,Alpha,Ann,Closed Won,5,2025-01-05,2025-02-01,EU\n"
    "D1,Alef,Ann,Closed Won,5,2025-01-05,2025-02-01,EU\n");
  g_autoptr(SalesImporter) first = import (f, v1, NULL, NULL);
  g_autoptr(SalesImporter) second = NULL;
  g_autoptr(SalesImporter) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = query_text (f, row_sql);
  g_autofree char *after = NULL;
  g_autofree char *reverted = NULL;

  second = import (f, v3, NULL, &error);
  g_assert_no_error (error);
  assert_counts (second, 0, 3, 0, 0);
  after = query_text (f, row_sql);
  g_assert_cmpstr (after, ==,
                   "D1|Alpha|Ann|won|120050|2025-02-01|{\"Region\":\"US\"};"
                   "D2|Beta|Bob|open|30100|-|-;"
                   "D3|Gamma|-|won|-2000|2025-02-09|{\"Region\":\"US\"}");

  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (second),
                                      &error));
  g_assert_no_error (error);
  reverted = query_text (f, row_sql);
  g_assert_cmpstr (reverted, ==, before);

  /* D1 twice: the first row changes its amount, the second its name;
   * revert restores both, each from the save that has it.
   */
  third = import (f, v4, NULL, &error);
  g_assert_no_error (error);
  assert_counts (third, 0, 2, 0, 0);
  g_free (after);
  after = query_text (f, "SELECT name || '|' || amount FROM opportunities "
                         "WHERE external_id = 'D1'");
  g_assert_cmpstr (after, ==, "Alef|500");
  g_assert_true (sales_import_revert (f->workspace,
                                      sales_importer_get_import_id (third),
                                      &error));
  g_assert_no_error (error);
  g_free (reverted);
  reverted = query_text (f, row_sql);
  g_assert_cmpstr (reverted, ==, before);

  /* A save naming a field the table lacks (a file written by something
   * else) is refused, and nothing is restored.
   */
  g_clear_object (&third);
  third = import (f, v4, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sales_workspace_exec (f->workspace, "UPDATE import_changes"
                                       " SET before = json_set (before,"
                                       " '$.bogus', 1) WHERE import_id = 4",
                                       &error));
  g_free (after);
  after = query_text (f, row_sql);
  g_assert_false (sales_import_revert (f->workspace,
                                       sales_importer_get_import_id (third),
                                       &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bogus"));
  g_clear_error (&error);
  g_free (reverted);
  reverted = query_text (f, row_sql);
  g_assert_cmpstr (reverted, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  IMPORT_TEST_ADD ("/importer/upsert-and-revert", test_upsert_and_revert);
  IMPORT_TEST_ADD ("/importer/revert-refused-under-later-import",
                   test_revert_refused_under_later_import);
  IMPORT_TEST_ADD ("/importer/cancel-and-dry-run", test_cancel_and_dry_run);
  IMPORT_TEST_ADD ("/importer/reimport-without-ids", test_reimport_without_ids);
  IMPORT_TEST_ADD ("/importer/reimport-some-ids-missing",
                   test_reimport_some_ids_missing);
  IMPORT_TEST_ADD ("/importer/update-changed-fields",
                   test_update_changed_fields);
  IMPORT_TEST_ADD ("/importer/date-order-decided-late",
                   test_date_order_decided_late);
  IMPORT_TEST_ADD ("/importer/remembered-mapping", test_remembered_mapping);
  IMPORT_TEST_ADD ("/importer/async", test_async);
  IMPORT_TEST_ADD ("/importer/json-dump", test_json_dump);
  IMPORT_TEST_ADD ("/importer/shared/maven-pipeline", test_maven_pipeline);
  IMPORT_TEST_ADD ("/importer/shared/olist", test_olist);

  return g_test_run ();
}
