/* sales-schema.c: the catalogue of record tables and fields
 *
 * The catalogue describes the current schema for the importer, the table
 * views and the exporter. The SQL that creates it lives in the migrations,
 * which never change once released.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-schema.h"

#define TEXT(n, l)  { n, SALES_FIELD_TEXT, l, NULL }
#define DATE(n, l)  { n, SALES_FIELD_DATE, l, NULL }
#define MONEY(n, l) { n, SALES_FIELD_MONEY, l, NULL }
#define REF(n, l, t) { n, SALES_FIELD_REF, l, t }

static const SalesField lead_fields[] = {
  TEXT ("external_id", N_("ID")),
  TEXT ("name", N_("Name")),
  TEXT ("company", N_("Company")),
  TEXT ("email", N_("Email")),
  TEXT ("owner", N_("Owner")),
  TEXT ("source", N_("Source")),
  TEXT ("status", N_("Status")),
  DATE ("created_at", N_("Created")),
  DATE ("first_response_at", N_("First Response")),
  DATE ("converted_at", N_("Converted")),
};

static const SalesField opportunity_fields[] = {
  TEXT ("external_id", N_("ID")),
  TEXT ("name", N_("Name")),
  REF ("lead_ref", N_("Lead"), "leads"),
  REF ("customer_ref", N_("Customer"), "customers"),
  TEXT ("owner", N_("Owner")),
  TEXT ("source", N_("Source")),
  TEXT ("stage", N_("Stage")),
  { "outcome", SALES_FIELD_OUTCOME, N_("Outcome"), NULL },
  MONEY ("amount", N_("Amount")),
  TEXT ("currency", N_("Currency")),
  { "probability", SALES_FIELD_NUMBER, N_("Probability"), NULL },
  DATE ("created_at", N_("Created")),
  DATE ("qualified_at", N_("Qualified")),
  DATE ("expected_close_at", N_("Expected Close")),
  DATE ("closed_at", N_("Closed")),
};

static const SalesField customer_fields[] = {
  TEXT ("external_id", N_("ID")),
  TEXT ("name", N_("Name")),
  REF ("lead_ref", N_("Lead"), "leads"),
  TEXT ("region", N_("Region")),
  TEXT ("segment", N_("Segment")),
  DATE ("acquired_at", N_("Acquired")),
};

static const SalesField purchase_fields[] = {
  TEXT ("external_id", N_("ID")),
  REF ("customer_ref", N_("Customer"), "customers"),
  DATE ("purchased_at", N_("Purchased")),
  MONEY ("amount", N_("Amount")),
};

static const SalesField expense_fields[] = {
  TEXT ("external_id", N_("ID")),
  DATE ("spent_on", N_("Spent On")),
  { "category", SALES_FIELD_CATEGORY, N_("Category"), NULL },
  TEXT ("channel", N_("Channel")),
  MONEY ("amount", N_("Amount")),
  TEXT ("description", N_("Description")),
};

static const SalesField forecast_fields[] = {
  TEXT ("external_id", N_("ID")),
  DATE ("period_start", N_("Period Start")),
  DATE ("period_end", N_("Period End")),
  TEXT ("owner", N_("Owner")),
  MONEY ("amount", N_("Amount")),
};

#define TABLE(n, l, f) { n, l, f, G_N_ELEMENTS (f) }

static const SalesTableInfo tables[] = {
  TABLE ("leads", N_("Leads"), lead_fields),
  TABLE ("opportunities", N_("Opportunities"), opportunity_fields),
  TABLE ("customers", N_("Customers"), customer_fields),
  TABLE ("purchases", N_("Purchases"), purchase_fields),
  TABLE ("expenses", N_("Expenses"), expense_fields),
  TABLE ("forecasts", N_("Forecasts"), forecast_fields),
};

/**
 * sales_schema_tables:
 * @n_tables: (out): the number of tables
 *
 * Returns: the six record tables, in the order the sidebar lists them.
 */
const SalesTableInfo *
sales_schema_tables (guint *n_tables)
{
  g_return_val_if_fail (n_tables != NULL, NULL);

  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

/**
 * sales_schema_lookup_table:
 * @name: a table name such as "leads"
 *
 * Returns: (nullable): the table, or %NULL when @name is not a record table
 */
const SalesTableInfo *
sales_schema_lookup_table (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (strcmp (tables[i].name, name) == 0)
        return &tables[i];
    }

  return NULL;
}

gboolean
sales_schema_is_table (const char *name)
{
  return name != NULL && sales_schema_lookup_table (name) != NULL;
}

/**
 * sales_table_info_lookup:
 * @table: a table
 * @field: a column name
 *
 * Returns: (nullable): the field, or %NULL when @table has no such field
 */
const SalesField *
sales_table_info_lookup (const SalesTableInfo *table,
                         const char           *field)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < table->n_fields; i++)
    {
      if (strcmp (table->fields[i].name, field) == 0)
        return &table->fields[i];
    }

  return NULL;
}

const char *
sales_field_type_sql (SalesFieldType type)
{
  switch (type)
    {
    case SALES_FIELD_MONEY:
      return "INTEGER";
    case SALES_FIELD_NUMBER:
      return "REAL";
    case SALES_FIELD_TEXT:
    case SALES_FIELD_DATE:
    case SALES_FIELD_OUTCOME:
    case SALES_FIELD_CATEGORY:
    case SALES_FIELD_REF:
    default:
      return "TEXT";
    }
}
