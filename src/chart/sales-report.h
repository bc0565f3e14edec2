/* sales-report.h: a multi-page dashboard report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sales-chart.h"

G_BEGIN_DECLS

typedef struct _SalesReport SalesReport;

SalesReport *sales_report_new        (const char            *title,
                                      const char            *workspace,
                                      const char            *period,
                                      const char            *filters);
void         sales_report_free       (SalesReport           *report);
void         sales_report_add_tile   (SalesReport           *report,
                                      SalesChart            *tile);
void         sales_report_add_page   (SalesReport           *report,
                                      SalesChart            *tile,
                                      SalesChart            *trend,
                                      SalesChart            *breakdown,
                                      const char *const     *details);
guint        sales_report_get_n_pages (SalesReport          *report);
GBytes      *sales_report_to_pdf     (SalesReport           *report,
                                      const SalesChartTheme *theme,
                                      GError               **error);
gboolean     sales_report_write_pdf  (SalesReport           *report,
                                      const SalesChartTheme *theme,
                                      const char            *path,
                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesReport, sales_report_free)

G_END_DECLS
