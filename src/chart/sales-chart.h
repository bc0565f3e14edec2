/* sales-chart.h: a chart as data, drawn by one function onto any cairo_t
 *
 * A SalesChart holds what to show (categories or dates, series of values
 * with missing points, a unit, a title, a subtitle, footer lines) and a
 * layout kind. Drawing is a pure function of (chart, theme, width, height,
 * scale), so the window and every export (PNG, SVG, PDF) share one drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "sales-chart-format.h"
#include "sales-chart-theme.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_CHART_LINE,         /* values over time; comparison dashed */
  SALES_CHART_AREA,         /* a line with its area filled */
  SALES_CHART_BAR,          /* vertical bars, one group per category */
  SALES_CHART_HBAR,         /* horizontal bars, long names ellipsized */
  SALES_CHART_STACKED_BAR,  /* vertical bars, series stacked */
  SALES_CHART_FUNNEL,       /* stages with stage-to-stage conversion */
  SALES_CHART_DONUT,        /* shares of a whole */
  SALES_CHART_SPARKLINE,    /* a bare line, no axes, no chrome */
  SALES_CHART_TILE,         /* a KPI tile: value, change, sparkline */
} SalesChartKind;

typedef enum
{
  SALES_CHART_SERIES_PRIMARY,
  SALES_CHART_SERIES_COMPARISON, /* lighter, dashed: the previous period */
} SalesChartSeriesRole;

#define SALES_TYPE_CHART (sales_chart_get_type ())

G_DECLARE_FINAL_TYPE (SalesChart, sales_chart, SALES, CHART, GObject)

SalesChart     *sales_chart_new                (SalesChartKind     kind);
SalesChartKind  sales_chart_get_kind           (SalesChart        *self);
void            sales_chart_set_kind           (SalesChart        *self,
                                                SalesChartKind     kind);

void            sales_chart_set_title          (SalesChart        *self,
                                                const char        *title);
const char     *sales_chart_get_title          (SalesChart        *self);
void            sales_chart_set_subtitle       (SalesChart        *self,
                                                const char        *subtitle);
const char     *sales_chart_get_subtitle       (SalesChart        *self);
void            sales_chart_add_footer         (SalesChart        *self,
                                                const char        *line);
guint           sales_chart_get_n_footers      (SalesChart        *self);
const char     *sales_chart_get_footer         (SalesChart        *self,
                                                guint              index);

void            sales_chart_set_unit           (SalesChart        *self,
                                                SalesChartUnit     unit,
                                                const char        *currency);
SalesChartUnit  sales_chart_get_unit           (SalesChart        *self);
void            sales_chart_set_higher_is_better (SalesChart      *self,
                                                  gboolean         better);
void            sales_chart_set_empty_reason   (SalesChart        *self,
                                                const char        *reason);

/* Categories: plain labels, or dates ("YYYY-MM-DD") of one granularity. */
void            sales_chart_add_category       (SalesChart        *self,
                                                const char        *label);
gboolean        sales_chart_add_date           (SalesChart        *self,
                                                const char        *iso_date,
                                                SalesChartDateUnit unit);
guint           sales_chart_get_n_categories   (SalesChart        *self);
char           *sales_chart_dup_category_label (SalesChart        *self,
                                                guint              index);

/* Series: values per category, NAN (or sales_chart_series_set_null) for a
 * missing point. Returns the series index.
 */
guint           sales_chart_add_series         (SalesChart        *self,
                                                const char        *name,
                                                SalesChartSeriesRole role);
void            sales_chart_series_append      (SalesChart        *self,
                                                guint              series,
                                                double             value);
void            sales_chart_series_append_null (SalesChart        *self,
                                                guint              series);
void            sales_chart_series_set_labels  (SalesChart        *self,
                                                guint              series,
                                                const char *const *labels);
guint           sales_chart_get_n_series       (SalesChart        *self);
gboolean        sales_chart_get_value          (SalesChart        *self,
                                                guint              series,
                                                guint              index,
                                                double            *value);
gboolean        sales_chart_is_empty           (SalesChart        *self);

/* Orders the categories (and every series with them) by the first
 * series' values, largest first; missing values go last.
 */
void            sales_chart_sort_by_value      (SalesChart        *self);

/* A KPI tile's headline: the value for the period, and the comparison. */
void            sales_chart_set_headline       (SalesChart        *self,
                                                gboolean           has_value,
                                                double             value);
void            sales_chart_set_comparison     (SalesChart        *self,
                                                gboolean           has_value,
                                                double             value,
                                                const char        *label);

/* Drawing. @scale is the device-pixel ratio the caller already applied
 * with cairo_scale (1 for vector output); it only aligns hairlines.
 */
void            sales_chart_render             (SalesChart        *self,
                                                const SalesChartTheme *theme,
                                                cairo_t           *cr,
                                                double             width,
                                                double             height,
                                                double             scale);

typedef struct
{
  int   series;        /* -1 when nothing is under the point */
  int   index;         /* the category, or -1 */
  char *tooltip;       /* "label\nseries: value", or %NULL */
} SalesChartHit;

gboolean        sales_chart_hit_test           (SalesChart        *self,
                                                const SalesChartTheme *theme,
                                                double             width,
                                                double             height,
                                                double             x,
                                                double             y,
                                                SalesChartHit     *hit);
void            sales_chart_hit_clear          (SalesChartHit     *hit);

G_END_DECLS
