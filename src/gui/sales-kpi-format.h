/* sales-kpi-format.h: KPI values as the dashboard writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-chart-format.h"
#include "sales-kpi.h"

G_BEGIN_DECLS

char          *sales_kpi_format_value     (const SalesKpiInfo    *info,
                                           double                 value,
                                           const char            *currency);
char          *sales_kpi_format_result    (const SalesKpiResult  *result,
                                           const char            *currency);
char          *sales_kpi_format_number    (double                 value);

G_END_DECLS
