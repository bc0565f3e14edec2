/* sales-chart-format.h: numbers, money, percentages and dates for charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SALES_CHART_UNIT_NUMBER,    /* a plain count or quantity */
  SALES_CHART_UNIT_MONEY,     /* major units of a currency */
  SALES_CHART_UNIT_PERCENT,   /* 0-100 */
  SALES_CHART_UNIT_DAYS,
  SALES_CHART_UNIT_HOURS,
  SALES_CHART_UNIT_RATIO,     /* "3.4×" */
} SalesChartUnit;

/* The granularity of a date label or axis. */
typedef enum
{
  SALES_CHART_DATE_DAY,
  SALES_CHART_DATE_WEEK,
  SALES_CHART_DATE_MONTH,
  SALES_CHART_DATE_QUARTER,
  SALES_CHART_DATE_YEAR,
} SalesChartDateUnit;

/* The decimal and grouping separators numbers are written with. */
typedef struct
{
  char decimal[8];
  char group[8];
} SalesNumberStyle;

void        sales_number_style_init        (SalesNumberStyle       *style,
                                            const char             *decimal,
                                            const char             *group);
void        sales_number_style_from_locale (SalesNumberStyle       *style);

const char *sales_chart_currency_symbol    (const char             *code);

char       *sales_chart_format_number      (double                  value,
                                            guint                   decimals,
                                            const SalesNumberStyle *style);
char       *sales_chart_format_compact     (double                  value,
                                            const SalesNumberStyle *style);
char       *sales_chart_format_value       (double                  value,
                                            SalesChartUnit          unit,
                                            const char             *currency,
                                            gboolean                compact,
                                            const SalesNumberStyle *style);
char       *sales_chart_format_tick        (double                  value,
                                            double                  step,
                                            double                  largest,
                                            SalesChartUnit          unit,
                                            const char             *currency,
                                            const SalesNumberStyle *style);
char       *sales_chart_format_change      (double                  value,
                                            double                  previous,
                                            SalesChartUnit          unit,
                                            const SalesNumberStyle *style);
char       *sales_chart_format_date        (const GDate            *date,
                                            SalesChartDateUnit      unit,
                                            gboolean                with_year);

G_END_DECLS
