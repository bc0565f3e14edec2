/* sales-kpi-facts.h: the record tables as rows of roll-up facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SALES_KPI_FACTS_ALL,        /* every row */
  SALES_KPI_FACTS_DAYS,       /* the rows of the days in temp.kpi_days */
  SALES_KPI_FACTS_CUSTOMERS,  /* the customer days of temp.kpi_customers */
} SalesKpiFactsScope;

GStrv _sales_kpi_facts_queries (SalesKpiFactsScope scope,
                                gboolean           deals_as_purchases);

G_END_DECLS
