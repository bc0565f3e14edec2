/* sales-dashboard-job.h: one dashboard refresh, computed in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sales-kpi.h"
#include "sales-workspace.h"

G_BEGIN_DECLS

/* What to compute. The job owns @db (a connection of its own, opened with
 * sales_workspace_open_connection) and closes it when done.
 */
typedef struct
{
  sqlite3      *db;
  SalesPeriod   period;
  SalesCompare  compare;
  char         *owner;            /* nullable: all owners */
  char         *source;           /* nullable: all sources */
  gboolean      want_tiles;       /* all twelve, comparison, sparklines */
  char         *detail_kpi;       /* nullable: trend and breakdowns of one */
} SalesDashboardQuery;

typedef struct
{
  SalesKpiSettings  settings;
  SalesPeriod       compare_period;
  SalesKpiReport   *current;      /* want_tiles only */
  SalesKpiReport   *previous;     /* want_tiles only */
  GPtrArray        *sparklines;   /* of GArray of SalesKpiPoint, per KPI */
  GStrv             owners;       /* want_tiles only: for the filters */
  GStrv             sources;
  SalesPeriod       trend_range;  /* the detail's trend, and its shifted */
  SalesPeriod       compare_range;/* comparison range */
  SalesKpiResult   *whole;        /* detail only: the KPI for the period */
  GArray           *trend;        /* detail only, of SalesKpiPoint */
  GArray           *compare_trend;
  GArray           *by_owner;     /* of SalesKpiGroup */
  GArray           *by_source;
} SalesDashboardData;

SalesDashboardQuery *sales_dashboard_query_new  (SalesWorkspace      *workspace,
                                                 GError             **error);
void                 sales_dashboard_query_free (SalesDashboardQuery *query);
void                 sales_dashboard_data_free  (SalesDashboardData  *data);

void                 sales_dashboard_job_run_async  (SalesDashboardQuery *query,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             data);
SalesDashboardData  *sales_dashboard_job_finish     (GAsyncResult        *result,
                                                     GError             **error);
SalesDashboardData  *sales_dashboard_job_run        (SalesDashboardQuery *query,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesDashboardQuery, sales_dashboard_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesDashboardData, sales_dashboard_data_free)

G_END_DECLS
