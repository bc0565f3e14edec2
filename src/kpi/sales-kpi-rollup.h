/* sales-kpi-rollup.h: summing row facts into the KPI roll-up
 *
 * The SQL in sales-kpi-facts.c turns each record into one row of facts
 * (its day, owner, source and the roll-up columns it adds to); a
 * SalesKpiRollup adds those rows up in hash tables and writes the
 * roll-up's rows in key order. SQLite's GROUP BY would sort a million
 * rows per statement, which was most of a rebuild's time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _SalesKpiRollup SalesKpiRollup;

gboolean        _sales_kpi_exec                (sqlite3         *db,
                                                const char      *sql,
                                                GError         **error);
gboolean        _sales_kpi_sql_error           (sqlite3         *db,
                                                GError         **error);

/* A customer's purchase day under an owner and source: a row of
 * kpi_customer_days, in ids of the roll-up's string pool.
 */
typedef struct
{
  guint32 customer;
  guint32 day;
  guint32 owner;
  guint32 source;
} SalesKpiCustomerDay;

SalesKpiRollup *_sales_kpi_rollup_new          (GHashTable      *days);
void            _sales_kpi_rollup_free         (SalesKpiRollup  *rollup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesKpiRollup, _sales_kpi_rollup_free)

gboolean        _sales_kpi_rollup_add_facts    (SalesKpiRollup  *rollup,
                                                sqlite3         *db,
                                                const char      *sql,
                                                GArray          *customers,
                                                GError         **error);
gboolean        _sales_kpi_rollup_add_queries  (SalesKpiRollup  *rollup,
                                                sqlite3         *db,
                                                const char *const *queries,
                                                GError         **error);
gboolean        _sales_kpi_rollup_is_irregular (SalesKpiRollup  *rollup);
GArray         *_sales_kpi_rollup_get_customer_days (SalesKpiRollup *rollup);
void            _sales_kpi_rollup_count_firsts (SalesKpiRollup  *rollup,
                                                GArray          *rows,
                                                int              sign);
guint32         _sales_kpi_rollup_intern       (SalesKpiRollup  *rollup,
                                                const char      *text);
const char     *_sales_kpi_rollup_text         (SalesKpiRollup  *rollup,
                                                guint32          id);
gboolean        _sales_kpi_rollup_write        (SalesKpiRollup  *rollup,
                                                sqlite3         *db,
                                                const char      *schema,
                                                gboolean         add_firsts,
                                                GError         **error);

G_END_DECLS
