/* test-kpi-cli.c: the `salesops-cli kpi` contract (JSON and exit codes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sales-workspace.h"
#include "salesops-test.h"

static const char *const contract_keys[] = {
  "id", "label", "unit", "value", "numerator", "denominator", "count",
  "excluded", "reason", "formula", "previous", NULL
};

static const char *const kpi_ids[] = {
  "sales_cycle_days", "win_rate", "close_rate", "cost_per_lead",
  "lead_to_opportunity", "lead_response_hours", "customer_acquisition_cost",
  "average_purchase_value", "sales_time_days", "customer_lifetime_value",
  "forecast_accuracy", "sales_efficiency", NULL
};

typedef SalesTestDir Fixture;

/* One demo workspace for all tests: it never changes. */
static char *demo_dir;
static char *demo_path;


static JsonObject *
run_json (const char *const *args,
          JsonParser        *parser)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpint (sales_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static gboolean
is_number (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  return JSON_NODE_HOLDS_VALUE (node) &&
         (type == G_TYPE_DOUBLE || type == G_TYPE_INT64);
}

static gboolean
is_number_or_null (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) || is_number (node);
}

static gboolean
is_string_or_null (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ||
         (JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING);
}

static void
check_kpi (JsonObject *kpi,
           guint       index,
           gboolean    compared)
{
  JsonNode *value = json_object_get_member (kpi, "value");

  for (guint i = 0; contract_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (kpi, contract_keys[i]));

  g_assert_cmpstr (json_object_get_string_member (kpi, "id"), ==,
                   kpi_ids[index]);
  g_assert_nonnull (json_object_get_string_member (kpi, "label"));
  g_assert_nonnull (json_object_get_string_member (kpi, "formula"));
  g_assert_true (g_strv_contains ((const char *[]) { "days", "hours",
                                    "percent", "money", "ratio", NULL },
                                  json_object_get_string_member (kpi,
                                                                 "unit")));
  g_assert_true (is_number_or_null (value));
  g_assert_true (is_number (json_object_get_member (kpi, "numerator")));
  g_assert_true (is_number (json_object_get_member (kpi, "denominator")));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (kpi,
                   "count")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (kpi,
                   "excluded")), ==, G_TYPE_INT64);
  g_assert_true (is_string_or_null (json_object_get_member (kpi, "reason")));
  /* A value or a reason, never both and never neither. */
  g_assert_cmpint (JSON_NODE_HOLDS_NULL (value), !=,
                   JSON_NODE_HOLDS_NULL (json_object_get_member (kpi,
                                                                 "reason")));
  if (!compared)
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (kpi,
                                                                 "previous")));
  else
    g_assert_true (is_number_or_null (json_object_get_member (kpi,
                                                              "previous")));
}

static JsonArray *
check_report (JsonObject *root,
              gboolean    compared)
{
  JsonArray *kpis = json_object_get_array_member (root, "kpis");
  JsonObject *filters = json_object_get_object_member (root, "filters");

  g_assert_nonnull (json_object_get_string_member (root, "from"));
  g_assert_nonnull (json_object_get_string_member (root, "to"));
  g_assert_nonnull (filters);
  g_assert_true (json_object_has_member (filters, "owner"));
  g_assert_true (json_object_has_member (filters, "source"));
  g_assert_cmpuint (json_array_get_length (kpis), ==, 12);
  for (guint i = 0; i < 12; i++)
    check_kpi (json_array_get_object_element (kpis, i), i, compared);
  return kpis;
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "kpi", demo_path, "--period", "2025-Q2", "--json",
                         NULL };
  JsonObject *root = run_json (args, parser);
  JsonArray *kpis = check_report (root, FALSE);

  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==,
                   "2025-04-01");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==,
                   "2025-07-01");
  g_assert_true (json_object_get_null_member (
    json_object_get_object_member (root, "filters"), "owner"));

  /* The demo has every KPI in every quarter. */
  for (guint i = 0; i < 12; i++)
    g_assert_false (json_object_get_null_member (
      json_array_get_object_element (kpis, i), "value"));
}

static void
test_json_compare (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "kpi", demo_path, "--period", "2025-Q1",
                         "--compare", "year", "--json", NULL };
  JsonObject *root = run_json (args, parser);
  JsonArray *kpis = check_report (root, TRUE);
  JsonObject *compare = json_object_get_object_member (root, "compare");

  g_assert_cmpstr (json_object_get_string_member (compare, "from"), ==,
                   "2024-01-01");
  g_assert_cmpstr (json_object_get_string_member (compare, "to"), ==,
                   "2024-04-01");
  for (guint i = 0; i < 12; i++)
    g_assert_false (json_object_get_null_member (
      json_array_get_object_element (kpis, i), "previous"));
}

/* Spend has no owner: those KPIs are null with a reason. */
static void
test_json_owner (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "kpi", demo_path, "--from", "2025-01-01", "--to",
                         "2025-03-01", "--owner", "Avery Chen", "--json",
                         NULL };
  JsonObject *root = run_json (args, parser);
  JsonArray *kpis = check_report (root, FALSE);
  JsonObject *cpl = json_array_get_object_element (kpis, 3);

  g_assert_cmpstr (json_object_get_string_member (
    json_object_get_object_member (root, "filters"), "owner"), ==,
    "Avery Chen");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==,
                   "2025-03-01");
  g_assert_true (json_object_get_null_member (cpl, "value"));
  g_assert_nonnull (strstr (json_object_get_string_member (cpl, "reason"),
                            "owner"));
}

/* Without a period: the latest complete quarter with data. */
static void
test_default_period (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "kpi", demo_path, "--json", NULL };
  JsonObject *root = run_json (args, parser);

  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==,
                   "2025-10-01");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==,
                   "2026-01-01");
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  const char *args[] = { "kpi", demo_path, "--period", "2025",
                         "--compare", "previous", NULL };

  g_assert_cmpint (sales_test_run_cli (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Win rate"));
  g_assert_nonnull (strstr (out, "compared with 2024-01-01 – 2024-12-31"));
  g_assert_nonnull (strstr (out, " %"));
}

static void
assert_status (const char *const *args,
               int                status)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (sales_test_run_cli (args, NULL, &err), ==, status);
  g_assert_cmpstr (err, !=, "");
}

static void
test_exit_codes (Fixture       *f,
                 gconstpointer  data)
{
  const char *both[] = { "kpi", demo_path, "--period", "2025", "--from",
                         "2025-01-01", "--to", "2025-02-01", NULL };
  const char *half[] = { "kpi", demo_path, "--from", "2025-01-01", NULL };
  const char *compare[] = { "kpi", demo_path, "--compare", "later", NULL };
  const char *none[] = { "kpi", NULL };
  const char *option[] = { "kpi", demo_path, "--bogus", NULL };
  const char *period[] = { "kpi", demo_path, "--period", "2025-Q9", NULL };
  const char *dates[] = { "kpi", demo_path, "--from", "2025-02-01", "--to",
                          "2025-01-01", NULL };
  const char *missing[] = { "kpi", f->path, NULL };
  const char *text[] = { "kpi", f->path, "--period", "2025", NULL };
  const char *empty[] = { "kpi", f->path, NULL };
  const char *create[] = { "new", f->path, NULL };
  g_autoptr(GBytes) before = NULL;

  assert_status (both, 2);
  assert_status (half, 2);
  assert_status (compare, 2);
  assert_status (none, 2);
  assert_status (option, 2);
  assert_status (period, 1);
  assert_status (dates, 1);
  assert_status (missing, 1);

  /* A text file is refused and left as it was. */
  sales_test_write_file (f->path, "not a workspace\n", -1);
  before = sales_test_read_bytes (f->path);
  assert_status (text, 1);
  sales_test_assert_unchanged (f->path, before);
  g_unlink (f->path);

  /* An empty workspace has no period to default to. */
  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
  assert_status (empty, 1);
}

/* Won deals without an amount are left out of the purchase value, and
 * the reason says so instead of claiming that nothing was won.
 */
static void
test_unpriced_deals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "kpi", f->path, "--period", "2025-Q1", "--json",
                         NULL };
  JsonArray *kpis;
  JsonObject *win_rate, *purchase;

  workspace = sales_workspace_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sales_workspace_exec (workspace,
    "INSERT INTO opportunities (external_id, outcome, created_at, closed_at)"
    " VALUES ('D1', 'won', '2025-01-02', '2025-02-01'),"
    "        ('D2', 'won', '2025-01-05', '2025-03-01')", &error));
  g_assert_no_error (error);
  g_clear_object (&workspace);

  kpis = json_object_get_array_member (run_json (args, parser), "kpis");
  win_rate = json_array_get_object_element (kpis, 1);
  purchase = json_array_get_object_element (kpis, 7);
  g_assert_cmpstr (json_object_get_string_member (purchase, "id"), ==,
                   "average_purchase_value");
  g_assert_cmpfloat (json_object_get_double_member (win_rate, "value"), ==,
                     100.0);
  g_assert_true (json_object_get_null_member (purchase, "value"));
  g_assert_cmpint (json_object_get_int_member (purchase, "excluded"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (purchase, "reason"), ==,
                   "no deal won in this period has an amount");
}

int
main (int    argc,
      char **argv)
{
  const char *create[3] = { "demo", NULL, NULL };
  int status;

  g_test_init (&argc, &argv, NULL);

  demo_dir = sales_test_make_tmpdir ();
  demo_path = g_build_filename (demo_dir, "demo.salesops", NULL);
  create[1] = demo_path;
  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);

#define ADD(path, func)                                                    \
  g_test_add ("/kpi-cli/" path, Fixture, NULL, sales_test_dir_set_up,      \
              func, sales_test_dir_tear_down)

  ADD ("json", test_json);
  ADD ("json-compare", test_json_compare);
  ADD ("json-owner", test_json_owner);
  ADD ("default-period", test_default_period);
  ADD ("table", test_table);
  ADD ("exit-codes", test_exit_codes);
  ADD ("unpriced-deals", test_unpriced_deals);

#undef ADD

  status = g_test_run ();
  sales_test_remove_tree (demo_dir);
  g_free (demo_path);
  g_free (demo_dir);
  return status;
}
