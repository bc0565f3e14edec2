/* sales-dashboard.h: twelve KPIs for a period, with their details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sales-kpi.h"
#include "sales-period-choice.h"
#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_DASHBOARD (sales_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (SalesDashboard, sales_dashboard, SALES, DASHBOARD,
                      AdwBin)

GtkWidget  *sales_dashboard_new              (void);
void        sales_dashboard_set_workspace    (SalesDashboard   *self,
                                              SalesWorkspace   *workspace);
void        sales_dashboard_refresh          (SalesDashboard   *self);
void        sales_dashboard_bind_settings    (SalesDashboard   *self,
                                              GSettings        *settings);
gboolean    sales_dashboard_is_busy          (SalesDashboard   *self);

void        sales_dashboard_set_today        (SalesDashboard   *self,
                                              const GDate      *today);
void        sales_dashboard_set_period_choice (SalesDashboard  *self,
                                               SalesPeriodChoice choice);
void        sales_dashboard_set_custom_range (SalesDashboard   *self,
                                              const GDate      *first,
                                              const GDate      *last);
void        sales_dashboard_get_period       (SalesDashboard   *self,
                                              SalesPeriod      *period,
                                              SalesCompare     *compare);
void        sales_dashboard_set_compare      (SalesDashboard   *self,
                                              SalesCompare      compare);
gboolean    sales_dashboard_set_owner        (SalesDashboard   *self,
                                              const char       *owner);
gboolean    sales_dashboard_set_source       (SalesDashboard   *self,
                                              const char       *source);
GStrv       sales_dashboard_dup_owners       (SalesDashboard   *self);

GtkWidget  *sales_dashboard_get_tile         (SalesDashboard   *self,
                                              const char       *kpi_id);
void        sales_dashboard_select_kpi       (SalesDashboard   *self,
                                              const char       *kpi_id);
GtkWidget  *sales_dashboard_get_detail       (SalesDashboard   *self);
gboolean    sales_dashboard_show_rows        (SalesDashboard   *self,
                                              SalesDrillPart    part,
                                              GError          **error);

void        sales_dashboard_export_report    (SalesDashboard   *self);
gboolean    sales_dashboard_write_report     (SalesDashboard   *self,
                                              const char       *path,
                                              GError          **error);

G_END_DECLS
