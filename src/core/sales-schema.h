/* sales-schema.h: the tables and fields of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a field's value is stored and validated. */
typedef enum
{
  SALES_FIELD_TEXT,      /* free text */
  SALES_FIELD_DATE,      /* ISO 8601 "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" */
  SALES_FIELD_MONEY,     /* integer minor units of the workspace currency */
  SALES_FIELD_NUMBER,    /* a real number (probability) */
  SALES_FIELD_OUTCOME,   /* "open", "won" or "lost" */
  SALES_FIELD_CATEGORY,  /* expense category: "marketing", "sales" or other */
  SALES_FIELD_REF,       /* the external_id of a row of another table */
} SalesFieldType;

typedef struct
{
  const char     *name;       /* column name, as the CLI and files use it */
  SalesFieldType  type;
  const char     *label;      /* N_() marked, translate with _() */
  const char     *ref_table;  /* for SALES_FIELD_REF, the table referred to */
} SalesField;

typedef struct
{
  const char       *name;        /* "leads", "opportunities", ... */
  const char       *label;       /* N_() marked */
  const SalesField *fields;      /* external_id first; excludes id, import_id, extra */
  guint             n_fields;
} SalesTableInfo;

/* The six record tables, in sidebar order. */
const SalesTableInfo *sales_schema_tables        (guint          *n_tables);
const SalesTableInfo *sales_schema_lookup_table  (const char     *name);
const SalesField     *sales_table_info_lookup    (const SalesTableInfo *table,
                                                  const char     *field);
gboolean              sales_schema_is_table      (const char     *name);

/* The SQL type affinity a field is stored with. */
const char           *sales_field_type_sql       (SalesFieldType  type);

G_END_DECLS
