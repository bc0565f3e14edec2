/* sales-kpi.h: the twelve KPIs of shared/KPIS.md
 *
 * This header is the contract between the KPI engine and its users (the
 * CLI, the charts, the dashboard). The engine may grow it; it must not
 * change the meaning of what is here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "sales-period.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_KPI_UNIT_DAYS,
  SALES_KPI_UNIT_HOURS,
  SALES_KPI_UNIT_PERCENT,
  SALES_KPI_UNIT_MONEY,     /* major units of the workspace currency */
  SALES_KPI_UNIT_RATIO,
} SalesKpiUnit;

typedef struct
{
  const char   *id;               /* "win_rate", as in KPIS.md */
  const char   *label;            /* N_() marked: translate with _() */
  SalesKpiUnit  unit;
  gboolean      higher_is_better;
} SalesKpiInfo;

/* The twelve, in the order of KPIS.md. */
const SalesKpiInfo *sales_kpi_get_all     (guint       *n_kpis);
const SalesKpiInfo *sales_kpi_lookup      (const char  *id);
const char         *sales_kpi_unit_to_string (SalesKpiUnit unit);

/* Owner and source filters; %NULL means all. */
typedef struct
{
  const char *owner;
  const char *source;
} SalesKpiFilter;

/* Settings that change definitions, read from the workspace settings. */
typedef struct
{
  char   *win_rate;               /* "default" or "all_created" */
  char   *sales_cycle_days;       /* "default" or "won_and_lost" */
  char   *customer_lifetime_value;/* "default" or "predictive" */
  char   *forecast_accuracy;      /* "default" or "mape" */
  double  gross_margin;           /* fraction, 1.0 = 100 % */
  double  lifespan_years;         /* for the predictive CLV, default 3 */
  guint   fiscal_year_start;      /* month 1-12, for quarter buckets */
} SalesKpiSettings;

typedef struct _SalesKpiResult SalesKpiResult;

/* One KPI for one period and filter. Numbers are exact (no rounding);
 * when @has_value is FALSE, @value is 0 and @reason says why.
 */
struct _SalesKpiResult
{
  const SalesKpiInfo *info;
  gboolean            has_value;
  double              value;
  double              numerator;
  double              denominator;
  gint64              count;          /* rows that entered the value */
  gint64              excluded;       /* rows in scope left out */
  char               *excluded_reason;/* (nullable) e.g. "37 won deals ..." */
  char               *reason;         /* (nullable) why there is no value */
  char               *formula;        /* the formula text shown to users */
  char               *variant;        /* "default" or the variant's id */

  /* Extras that KPIS.md names; has_* says whether each applies. */
  gboolean            has_median;
  double              median;         /* lead_response_hours */
  gboolean            has_share_within_hour;
  double              share_within_hour; /* percent, lead_response_hours */
  gboolean            has_bias;
  double              bias;           /* forecast_accuracy: F / A - 1 */
};

void            sales_kpi_result_free      (SalesKpiResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesKpiResult, sales_kpi_result_free)

/* A whole evaluation: all twelve for one period, in registry order. */
typedef struct
{
  SalesPeriod      period;
  SalesKpiFilter   filter;
  GPtrArray       *results;           /* of SalesKpiResult */
} SalesKpiReport;

void            sales_kpi_report_free      (SalesKpiReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesKpiReport, sales_kpi_report_free)

/* Evaluation on a connection the caller owns (a worker thread's, or the
 * workspace's); each call runs in one read transaction.
 */
void            sales_kpi_settings_load    (SalesKpiSettings *settings,
                                            sqlite3          *db);
void            sales_kpi_settings_clear   (SalesKpiSettings *settings);

SalesKpiResult *sales_kpi_evaluate         (sqlite3                *db,
                                            const char             *kpi_id,
                                            const SalesPeriod      *period,
                                            const SalesKpiFilter   *filter,
                                            const SalesKpiSettings *settings,
                                            GError                **error);
SalesKpiReport *sales_kpi_evaluate_all     (sqlite3                *db,
                                            const SalesPeriod      *period,
                                            const SalesKpiFilter   *filter,
                                            const SalesKpiSettings *settings,
                                            GError                **error);

/* Trend: one result per bucket (week, month or quarter) across @range. */
typedef enum
{
  SALES_BUCKET_WEEK,
  SALES_BUCKET_MONTH,
  SALES_BUCKET_QUARTER,
} SalesBucket;

typedef struct
{
  SalesPeriod     period;
  SalesKpiResult *result;
} SalesKpiPoint;

typedef struct
{
  char  *label;                       /* owner or source name; "" for none */
  SalesKpiResult *result;
} SalesKpiGroup;

GArray         *sales_kpi_trend            (sqlite3                *db,
                                            const char             *kpi_id,
                                            const SalesPeriod      *range,
                                            SalesBucket             bucket,
                                            const SalesKpiFilter   *filter,
                                            const SalesKpiSettings *settings,
                                            GError                **error);
GArray         *sales_kpi_breakdown        (sqlite3                *db,
                                            const char             *kpi_id,
                                            const SalesPeriod      *period,
                                            const char             *by,
                                            const SalesKpiFilter   *filter,
                                            const SalesKpiSettings *settings,
                                            GError                **error);

/* Trend buckets and a breakdown's groups are freed with the array. */
GPtrArray      *sales_kpi_trend_all        (sqlite3                *db,
                                            const SalesPeriod      *range,
                                            SalesBucket             bucket,
                                            const SalesKpiFilter   *filter,
                                            const SalesKpiSettings *settings,
                                            GError                **error);
GArray         *sales_kpi_split_period     (const SalesPeriod      *range,
                                            SalesBucket             bucket,
                                            guint                   fiscal_start_month);

/* Variants and formulas of the registry. */
const char *const *sales_kpi_get_variants  (const char             *id);
const char     *sales_kpi_get_formula      (const char             *id,
                                            const char             *variant);

/* The roll-up the engine reads, and the period the CLI shows by default.
 * Evaluations on a writable connection first bring a stale roll-up up to
 * date in a write transaction: the days an edit touched (well under a
 * second), or everything after a large change (about 15 s on a million
 * rows). On a read-only connection they build a private copy each time,
 * so a worker thread should use a writable connection, or call
 * sales_kpi_refresh() once after a change.
 */
gboolean        sales_kpi_refresh          (sqlite3                *db,
                                            GError                **error);
gboolean        sales_kpi_default_period   (sqlite3                *db,
                                            guint                   fiscal_start_month,
                                            SalesPeriod            *period,
                                            GError                **error);

/* Drill-down: SQL conditions (for the table views and export) selecting
 * the rows behind a value.
 */
typedef enum
{
  SALES_DRILL_NUMERATOR,
  SALES_DRILL_DENOMINATOR,
  SALES_DRILL_EXCLUDED,
} SalesDrillPart;

typedef struct
{
  char *table;                        /* the table the rows are in */
  char *where;                        /* a condition on that table */
  char *description;                  /* what the rows are, translated */
} SalesDrillDown;

SalesDrillDown *sales_kpi_drill_down       (const char             *kpi_id,
                                            SalesDrillPart          part,
                                            const SalesPeriod      *period,
                                            const SalesKpiFilter   *filter,
                                            const SalesKpiSettings *settings,
                                            GError                **error);
SalesDrillDown *sales_kpi_drill_down_full  (const char             *kpi_id,
                                            SalesDrillPart          part,
                                            const SalesPeriod      *period,
                                            const SalesKpiFilter   *filter,
                                            const SalesKpiSettings *settings,
                                            gboolean                deals_as_purchases,
                                            GError                **error);
gboolean        sales_kpi_has_purchases    (sqlite3                *db);
void            sales_drill_down_free      (SalesDrillDown *drill);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesDrillDown, sales_drill_down_free)

G_END_DECLS
