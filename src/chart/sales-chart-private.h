/* sales-chart-private.h: what the chart layouts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "sales-chart.h"
#include "sales-chart-scale.h"

G_BEGIN_DECLS

typedef struct
{
  char                 *name;
  SalesChartSeriesRole  role;
  GArray               *values;     /* double; NAN for a missing point */
  GPtrArray            *labels;     /* (nullable) own labels per point */
} SalesChartSeries;

struct _SalesChart
{
  GObject             parent_instance;

  SalesChartKind      kind;
  char               *title;
  char               *subtitle;
  GPtrArray          *footers;
  SalesChartUnit      unit;
  char               *currency;
  gboolean            higher_is_better;
  char               *empty_reason;

  GPtrArray          *categories;   /* full labels, "Mar 2025" for dates */
  GArray             *dates;        /* guint32 Julian days, or empty */
  SalesChartDateUnit  date_unit;
  GPtrArray          *series;       /* SalesChartSeries */

  gboolean            has_headline;
  double              headline;
  gboolean            has_comparison;
  double              comparison;
  char               *comparison_label;
};

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SalesRect;

typedef enum
{
  SALES_MARK_RECT,              /* a bar or a funnel stage */
  SALES_MARK_COLUMN,            /* a line point: its column, nearest y */
  SALES_MARK_WEDGE,             /* a donut slice */
} SalesMarkShape;

/* Where an item was drawn, for hit-testing. */
typedef struct
{
  SalesMarkShape shape;
  int            series;
  int            index;
  SalesRect      area;          /* wedges: centre x, y; radii w (in), h */
  double         y;             /* columns: the point's y */
  double         angle0;        /* wedges, radians clockwise from 12 */
  double         angle1;
} SalesMark;

typedef struct
{
  SalesChart            *chart;
  const SalesChartTheme *theme;
  cairo_t               *cr;
  PangoContext          *pango;
  double                 width;
  double                 height;
  double                 scale;
  double                 em;        /* body text size, user units */
  SalesNumberStyle       numbers;
  GArray                *marks;     /* SalesMark */
  SalesRect              plot;      /* what the layout may fill */
} SalesChartCtx;

/* Text (sales-chart-text.c). */
PangoLayout *sales_chart_text_new      (SalesChartCtx     *ctx,
                                        const char        *text,
                                        double             size,
                                        PangoWeight        weight);
void         sales_chart_text_extent   (PangoLayout       *layout,
                                        double            *width,
                                        double            *height);
double       sales_chart_text_width    (SalesChartCtx     *ctx,
                                        const char        *text,
                                        double             size);
void         sales_chart_text_draw     (SalesChartCtx     *ctx,
                                        PangoLayout       *layout,
                                        double             x,
                                        double             y,
                                        double             xalign,
                                        SalesRgb           colour);
void         sales_chart_text_ellipsize (PangoLayout      *layout,
                                         double            width);
void         sales_chart_set_colour    (SalesChartCtx     *ctx,
                                        SalesRgb           colour,
                                        double             alpha);
double       sales_chart_snap          (SalesChartCtx     *ctx,
                                        double             coordinate);
void         sales_chart_rounded_rect  (cairo_t           *cr,
                                        const SalesRect   *rect,
                                        double             radius);

/* Values (sales-chart.c). */
SalesChartSeries *sales_chart_get_series   (SalesChart    *self,
                                            guint          index);
gboolean     sales_chart_value_range   (SalesChart        *self,
                                        gboolean           stacked,
                                        double            *lo,
                                        double            *hi);
char        *sales_chart_format        (SalesChartCtx     *ctx,
                                        double             value,
                                        gboolean           compact);
char        *sales_chart_axis_label    (SalesChart        *self,
                                        guint              index,
                                        SalesChartDateUnit unit,
                                        gboolean           with_year);
SalesRgb     sales_chart_series_colour (SalesChartCtx     *ctx,
                                        guint              series);
void         sales_chart_add_mark      (SalesChartCtx     *ctx,
                                        const SalesMark   *mark);

/* Chrome (sales-chart-chrome.c). */
void         sales_chart_draw_chrome   (SalesChartCtx     *ctx);
void         sales_chart_draw_legend   (SalesChartCtx     *ctx);
void         sales_chart_draw_empty    (SalesChartCtx     *ctx,
                                        const SalesRect   *area);

/* Axes (sales-chart-axis.c): a value axis and a category axis. */
typedef struct
{
  SalesChartTicks     ticks;
  double              x0;          /* left of the plot, after labels */
  double              y0;          /* top of the plot */
  double              width;
  double              height;
  double              slot;        /* width of one category */
  SalesChartLabelFit  fit;
  GArray             *label_index; /* categories that get a label */
  SalesChartDateUnit  label_unit;
} SalesChartAxes;

void         sales_chart_axes_layout   (SalesChartCtx     *ctx,
                                        SalesChartAxes    *axes,
                                        gboolean           stacked,
                                        gboolean           from_zero);
void         sales_chart_axes_draw     (SalesChartCtx     *ctx,
                                        SalesChartAxes    *axes);
void         sales_chart_axes_clear    (SalesChartAxes    *axes);
double       sales_chart_axes_y        (const SalesChartAxes *axes,
                                        double             value);
double       sales_chart_axes_x        (const SalesChartAxes *axes,
                                        guint              index);

/* Layouts, one file each. */
void sales_chart_draw_line      (SalesChartCtx *ctx);
void sales_chart_draw_bar       (SalesChartCtx *ctx);
void sales_chart_draw_hbar      (SalesChartCtx *ctx);
void sales_chart_draw_stacked   (SalesChartCtx *ctx);
void sales_chart_draw_funnel    (SalesChartCtx *ctx);
void sales_chart_draw_donut     (SalesChartCtx *ctx);
void sales_chart_draw_sparkline (SalesChartCtx *ctx,
                                 const SalesRect *area);
void sales_chart_draw_tile      (SalesChartCtx *ctx);

G_END_DECLS
