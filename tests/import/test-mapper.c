/* test-mapper.c: synonyms, table guesses, overrides, constants, memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sales-error.h"
#include "sales-mapper.h"
#include "sales-workspace.h"
#include "salesops-test.h"

typedef struct
{
  const char *table;
  const char *header;
  const char *field;   /* NULL: no field */
} Case;

static const Case cases[] = {
  { "opportunities", "Opportunity Owner", "owner" },
  { "opportunities", "Deal owner", "owner" },
  { "opportunities", "Deal - Owner", "owner" },
  { "opportunities", "Sales Rep", "owner" },
  { "opportunities", "sales_agent", "owner" },
  { "opportunities", "Close Date", "closed_at" },
  { "opportunities", "Won time", "closed_at" },
  { "opportunities", "Deal - Won time", "closed_at" },
  { "opportunities", "Closed On", "closed_at" },
  { "opportunities", "close_date", "closed_at" },
  { "opportunities", "won_date", "closed_at" },
  { "opportunities", "closeDate", "closed_at" },
  { "opportunities", "Create Date", "created_at" },
  { "opportunities", "Created", "created_at" },
  { "opportunities", "Engage Date", "created_at" },
  { "opportunities", "engage_date", "created_at" },
  { "leads", "First contact", "created_at" },
  { "leads", "first_contact_date", "created_at" },
  { "opportunities", "Amount", "amount" },
  { "opportunities", "Deal value", "amount" },
  { "opportunities", "Deal - Value", "amount" },
  { "opportunities", "close_value", "amount" },
  { "opportunities", "Amount (USD)", "amount" },
  { "opportunities", "Stage", "stage" },
  { "opportunities", "Deal Stage", "stage" },
  { "opportunities", "deal_stage", "stage" },
  { "leads", "origin", "source" },
  { "opportunities", "Lead Source", "source" },
  { "opportunities", "opportunity_id", "external_id" },
  { "opportunities", "Deal ID", "external_id" },
  { "opportunities", "Record ID", "external_id" },
  { "leads", "mql_id", "external_id" },
  { "opportunities", "mql_id", "lead_ref" },
  { "opportunities", "Account Name", "customer_ref" },
  { "customers", "account", "external_id" },
  { "customers", "Account Name", "name" },
  { "purchases", "Order ID", "external_id" },
  { "purchases", "Customer ID", "customer_ref" },
  { "expenses", "Expense Category", "category" },
  { "expenses", "Date", "spent_on" },
  { "forecasts", "Period Start", "period_start" },
  { "opportunities", "Probability (%)", "probability" },
  { "opportunities", "product", NULL },
  { "leads", "Stage", "status" },
  { "opportunities", "properties.dealname", "name" },
  { "opportunities", "properties.closedate", "closed_at" },
  { "opportunities", "properties.hubspot_owner_id", "owner" },
};

static void
test_synonyms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *field = sales_mapper_guess_field (cases[i].table,
                                                    cases[i].header);

      if (g_strcmp0 (field, cases[i].field) != 0)
        g_error ("%s: “%s” maps to %s, expected %s", cases[i].table,
                 cases[i].header, field, cases[i].field);
    }
}

static void
test_normalize (void)
{
  g_autofree char *a = sales_mapper_normalize_header ("Deal - Owner");
  g_autofree char *b = sales_mapper_normalize_header ("closeDate");
  g_autofree char *c = sales_mapper_normalize_header ("  First_Contact  Date ");

  g_assert_cmpstr (a, ==, "deal owner");
  g_assert_cmpstr (b, ==, "close date");
  g_assert_cmpstr (c, ==, "first contact date");
}

static void
test_guess_table (void)
{
  const char *maven[] = { "opportunity_id", "sales_agent", "product",
                          "account", "deal_stage", "engage_date",
                          "close_date", "close_value" };
  const char *leads[] = { "mql_id", "first_contact_date", "origin" };
  const char *deals[] = { "mql_id", "seller_id", "sdr_id", "sr_id",
                          "won_date", "business_segment", "lead_type" };
  const char *spend[] = { "Date", "Category", "Channel", "Amount" };
  const char *nothing[] = { "foo", "bar" };
  /* Maven's sales_teams.csv: an owner names a field of three tables. */
  const char *teams[] = { "sales_agent", "manager", "regional_office" };
  g_autoptr(GError) error = NULL;
  SalesMapping *mapping;

  g_assert_cmpstr (sales_mapper_guess_table (maven, G_N_ELEMENTS (maven)),
                   ==, "opportunities");
  g_assert_cmpstr (sales_mapper_guess_table (leads, G_N_ELEMENTS (leads)),
                   ==, "leads");
  g_assert_cmpstr (sales_mapper_guess_table (deals, G_N_ELEMENTS (deals)),
                   ==, "opportunities");
  g_assert_cmpstr (sales_mapper_guess_table (spend, G_N_ELEMENTS (spend)),
                   ==, "expenses");
  g_assert_null (sales_mapper_guess_table (nothing, G_N_ELEMENTS (nothing)));

  g_assert_null (sales_mapper_guess_table (teams, G_N_ELEMENTS (teams)));
  mapping = sales_mapping_guess (NULL, NULL, teams, G_N_ELEMENTS (teams),
                                 &error);
  g_assert_null (mapping);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The column headers fit these tables "
                   "equally well: leads, opportunities, forecasts; choose the "
                   "table");
}

static void
test_overrides_and_constants (void)
{
  const char *headers[] = { "Deal ID", "Owner", "Rep", "Status" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesMapping) m = sales_mapping_guess (NULL, NULL, headers, 4,
                                                   &error);
  g_autofree char *json = NULL;
  const char *value;

  g_assert_no_error (error);
  g_assert_cmpstr (sales_mapping_get_table (m), ==, "opportunities");
  /* The first column naming a field keeps it. */
  g_assert_cmpstr (sales_mapping_get_field (m, 1), ==, "owner");
  g_assert_null (sales_mapping_get_field (m, 2));
  g_assert_cmpint (sales_mapping_get_mapped_by (m, 1), ==, SALES_MAPPED_GUESS);

  g_assert_true (sales_mapping_apply_override (m, "rep=owner", &error));
  g_assert_cmpstr (sales_mapping_get_field (m, 2), ==, "owner");
  g_assert_null (sales_mapping_get_field (m, 1));
  g_assert_cmpint (sales_mapping_get_mapped_by (m, 2), ==, SALES_MAPPED_USER);

  g_assert_true (sales_mapping_set_constant (m, "outcome=won", &error));
  g_assert_null (sales_mapping_get_field (m, 3));
  g_assert_cmpuint (sales_mapping_get_n_constants (m), ==, 1);
  g_assert_cmpstr (sales_mapping_get_constant (m, 0, &value), ==, "outcome");
  g_assert_cmpstr (value, ==, "won");

  json = sales_mapping_to_json (m);
  g_assert_cmpstr (json, ==, "{\"table\":\"opportunities\",\"columns\":["
                   "{\"header\":\"Deal ID\",\"field\":\"external_id\"},"
                   "{\"header\":\"Owner\",\"field\":null},"
                   "{\"header\":\"Rep\",\"field\":\"owner\"},"
                   "{\"header\":\"Status\",\"field\":null}],"
                   "\"set\":{\"outcome\":\"won\"}}");

  g_assert_false (sales_mapping_apply_override (m, "Nope=owner", &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sales_mapping_apply_override (m, "Rep=colour", &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "closed_at"));
  g_clear_error (&error);
  g_assert_false (sales_mapping_set_constant (m, "nothing", &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sales_mapping_apply_override (m, "Deal ID=", &error));
  g_assert_null (sales_mapping_get_field (m, 0));
}

static void
test_remember (void)
{
  const char *headers[] = { "Ref", "Who" };
  const char *other[] = { "Ref", "Who", "More" };
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.salesops", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) ws = sales_workspace_create (path, &error);
  g_autoptr(SalesMapping) m = sales_mapping_new ("forecasts", headers, 2);
  g_autoptr(SalesMapping) again = NULL;
  g_autoptr(SalesMapping) different = NULL;
  sqlite3 *db = sales_workspace_get_db (ws);

  g_assert_no_error (error);
  g_assert_true (sales_mapping_set_field (m, 0, "external_id", &error));
  g_assert_true (sales_mapping_set_field (m, 1, "owner", &error));
  g_assert_true (sales_mapping_remember (m, db, &error));
  g_assert_no_error (error);

  again = sales_mapping_guess (db, NULL, headers, 2, &error);
  g_assert_no_error (error);
  g_assert_true (sales_mapping_is_remembered (again));
  g_assert_cmpstr (sales_mapping_get_table (again), ==, "forecasts");
  g_assert_cmpstr (sales_mapping_get_field (again, 1), ==, "owner");
  g_assert_cmpint (sales_mapping_get_mapped_by (again, 1), ==,
                   SALES_MAPPED_REMEMBERED);

  /* Another header row, or another table asked for, is a fresh guess. */
  different = sales_mapping_guess (db, NULL, other, 3, &error);
  g_assert_null (different);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&again, sales_mapping_free);
  again = sales_mapping_guess (db, "leads", headers, 2, &error);
  g_assert_no_error (error);
  g_assert_false (sales_mapping_is_remembered (again));

  g_clear_object (&ws);
  sales_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mapper/synonyms", test_synonyms);
  g_test_add_func ("/mapper/normalize", test_normalize);
  g_test_add_func ("/mapper/guess-table", test_guess_table);
  g_test_add_func ("/mapper/overrides-and-constants",
                   test_overrides_and_constants);
  g_test_add_func ("/mapper/remember", test_remember);

  return g_test_run ();
}
