/* sales-kpi-tile.h: one KPI on the dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sales-kpi.h"

G_BEGIN_DECLS

#define SALES_TYPE_KPI_TILE (sales_kpi_tile_get_type ())

G_DECLARE_FINAL_TYPE (SalesKpiTile, sales_kpi_tile, SALES, KPI_TILE,
                      GtkFlowBoxChild)

GtkWidget          *sales_kpi_tile_new        (const SalesKpiInfo   *info);
const SalesKpiInfo *sales_kpi_tile_get_info   (SalesKpiTile         *self);
void                sales_kpi_tile_set_result (SalesKpiTile         *self,
                                               const SalesKpiResult *result,
                                               const SalesKpiResult *previous,
                                               GArray               *trend,
                                               const char           *currency,
                                               const char           *compare_label);
const char         *sales_kpi_tile_get_value_text (SalesKpiTile     *self);
const char         *sales_kpi_tile_get_reason_text (SalesKpiTile    *self);

G_END_DECLS
