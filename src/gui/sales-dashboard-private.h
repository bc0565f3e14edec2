/* sales-dashboard-private.h: state shared by the files of SalesDashboard
 *
 * sales-dashboard.c refreshes and shows; sales-dashboard-controls.c holds
 * the period, filter and drill-down entry points; sales-dashboard-report.c
 * the PDF report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-dashboard-job.h"
#include "sales-dashboard.h"
#include "sales-kpi-detail.h"

G_BEGIN_DECLS

struct _SalesDashboard
{
  AdwBin              parent_instance;

  SalesWorkspace     *workspace;
  SalesDashboardData *data;           /* the values on screen */
  GCancellable       *tiles_cancellable;
  GCancellable       *detail_cancellable;
  guint               refresh_id;
  guint               scroll_id;
  gboolean            busy;
  gboolean            detail_busy;
  gboolean            updating;       /* models being refilled: no refresh */

  GDate               today;
  GDate               custom_first;
  GDate               custom_last;
  SalesPeriod         period;
  SalesCompare        compare;
  char               *owner;
  char               *source;
  char               *currency;
  GPtrArray          *tiles_by_kpi;   /* SalesKpiTile, in registry order */

  GtkScrolledWindow  *scroller;
  GtkLabel           *period_label;
  GtkLabel           *compare_label;
  GtkSpinner         *spinner;
  GtkDropDown        *period_dropdown;
  GtkWidget          *custom_child;
  GtkMenuButton      *from_button;
  GtkMenuButton      *to_button;
  GtkCalendar        *from_calendar;
  GtkCalendar        *to_calendar;
  GtkDropDown        *compare_dropdown;
  GtkDropDown        *owner_dropdown;
  GtkDropDown        *source_dropdown;
  GtkLabel           *error_label;
  GtkFlowBox         *tiles;
  GtkRevealer        *detail_revealer;
  SalesKpiDetail     *detail;
};

/* sales-dashboard-controls.c */
void sales_dashboard_class_add_range_callbacks (GtkWidgetClass *widget_class);
void sales_dashboard_period_to_range           (SalesDashboard *self);

G_END_DECLS
