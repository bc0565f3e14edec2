/* sales-kpi-private.h: shared by the sales-kpi-*.c files
 *
 * The engine reads a daily roll-up (sales-kpi-cache.c) rather than the
 * record tables: one row per day, owner and source with every count and
 * sum the twelve definitions need. A single value, each trend bucket and
 * each breakdown group are all sums of the same day rows, so they follow
 * one definition by construction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-kpi.h"

G_BEGIN_DECLS

/* The roll-up's columns: counts, sums of cents and sums of durations in
 * milliseconds, all integers so that sums are exact in any order.
 */
#define SALES_KPI_COLUMNS(X) \
  X (won)              /* won deals closed on the day */            \
  X (lost)             /* lost deals closed on the day */           \
  X (won_timed)        /* won deals with a start */                 \
  X (won_ms)           /* sum of their cycles */                    \
  X (won_untimed)      /* won deals without a start */              \
  X (lost_timed)                                                    \
  X (lost_ms)                                                       \
  X (lost_untimed)                                                  \
  X (lost_qualified)   /* lost deals that reached qualification */  \
  X (won_cents)        /* amount of won deals */                    \
  X (won_unpriced)     /* won deals without an amount */            \
  X (created)          /* deals created on the day */               \
  X (created_won)      /* of which won */                           \
  X (leads)            /* leads created on the day */               \
  X (converted)                                                     \
  X (answered)                                                      \
  X (answer_ms)                                                     \
  X (answered_in_hour)                                              \
  X (marketing_cents)  /* spend; owner is always "" */              \
  X (sales_cents)                                                   \
  X (customers)        /* customers acquired on the day */          \
  X (customers_led)    /* with an originating lead */               \
  X (lead_ms)          /* sum of their sales times */               \
  X (customers_unled)                                               \
  X (purchases)        /* purchases with an amount */               \
  X (purchase_cents)                                                \
  X (purchases_unpriced)                                            \
  X (owned_cents)      /* amount of purchases with a customer */    \
  X (owned)            /* purchases with an amount and a customer */\
  X (purchases_unowned)                                             \
  X (forecasts)        /* forecasts whose period starts on the day */\
  X (forecast_cents)

#define SALES_KPI_FIELD(name) gint64 name;
typedef struct
{
  SALES_KPI_COLUMNS (SALES_KPI_FIELD)
} SalesKpiSums;
#undef SALES_KPI_FIELD

#define SALES_KPI_N_COLUMNS (sizeof (SalesKpiSums) / sizeof (gint64))

const char *const *_sales_kpi_column_names (void);
void     _sales_kpi_sums_add        (SalesKpiSums       *total,
                                     const SalesKpiSums *part);

/* The roll-up: built in "main" when the connection may write, else in
 * "temp" for the length of one read transaction.
 */
gboolean _sales_kpi_cache_begin     (sqlite3            *db,
                                     const char        **schema,
                                     gboolean           *began,
                                     GError            **error);
void     _sales_kpi_cache_end       (sqlite3            *db,
                                     gboolean            began);
gboolean _sales_kpi_cache_build     (sqlite3            *db,
                                     const char         *schema,
                                     GError            **error);
gboolean _sales_kpi_deals_as_purchases (sqlite3         *db);

/* What one evaluation reads: groups (one for a single value, one per
 * bucket for a trend, one per owner or source for a breakdown), each a
 * period and a filter, with the data fetched once for all of them.
 */
typedef struct _SalesKpiScope SalesKpiScope;

typedef struct
{
  SalesPeriod     period;
  SalesKpiFilter  filter;
  char           *key;        /* breakdown: the owner or source */
} SalesKpiGroup_;

SalesKpiScope *_sales_kpi_scope_new      (sqlite3              *db,
                                          const char           *schema,
                                          const SalesKpiSettings *settings,
                                          const SalesPeriod    *range,
                                          const SalesKpiFilter *filter);
void           _sales_kpi_scope_free     (SalesKpiScope        *scope);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesKpiScope, _sales_kpi_scope_free)

void           _sales_kpi_scope_set_buckets (SalesKpiScope     *scope,
                                             GArray            *periods);
gboolean       _sales_kpi_scope_set_breakdown (SalesKpiScope   *scope,
                                               const char      *by,
                                               GError         **error);
guint          _sales_kpi_scope_get_n_groups (SalesKpiScope    *scope);
const SalesKpiGroup_ *_sales_kpi_scope_get_group (SalesKpiScope *scope,
                                                  guint          group);
const SalesKpiSettings *_sales_kpi_scope_get_settings (SalesKpiScope *scope);
const char    *_sales_kpi_scope_get_schema (SalesKpiScope    *scope);

typedef gpointer (*SalesKpiScopeFunc) (SalesKpiScope *scope,
                                       gpointer       data,
                                       GError       **error);
gpointer       _sales_kpi_with_scope     (sqlite3                *db,
                                          const SalesPeriod      *range,
                                          const SalesKpiFilter   *filter,
                                          const SalesKpiSettings *settings,
                                          SalesKpiScopeFunc       func,
                                          gpointer                data,
                                          GError                **error);
gboolean       _sales_kpi_scope_deals_as_purchases (SalesKpiScope *scope);

/* Data for one group; a failed query leaves its GError in the scope. */
gboolean       _sales_kpi_scope_sums      (SalesKpiScope *scope,
                                           guint          group,
                                           SalesKpiSums  *sums);
gboolean       _sales_kpi_scope_sums_before (SalesKpiScope *scope,
                                             guint          group,
                                             SalesKpiSums  *sums);
gboolean       _sales_kpi_scope_first_before (SalesKpiScope *scope,
                                              guint          group,
                                              gint64        *customers);
gboolean       _sales_kpi_scope_median_ms (SalesKpiScope *scope,
                                           guint          group,
                                           double        *median);
gboolean       _sales_kpi_scope_customers (SalesKpiScope *scope,
                                           guint          group,
                                           gint64        *customers);
GArray        *_sales_kpi_scope_months    (SalesKpiScope *scope,
                                           guint          group);
gboolean       _sales_kpi_scope_take_error (SalesKpiScope *scope,
                                            GError       **error);

/* One month of forecast_accuracy's mape variant. */
typedef struct
{
  gint64 actual_cents;
  gint64 forecast_cents;
  gint64 forecasts;
} SalesKpiMonth;

/* Results. */
SalesKpiResult *_sales_kpi_result_new      (const SalesKpiInfo *info,
                                            const char         *variant);
void            _sales_kpi_result_set      (SalesKpiResult     *result,
                                            double              numerator,
                                            double              denominator,
                                            gint64              count);
void            _sales_kpi_result_null     (SalesKpiResult     *result,
                                            const char         *reason);
void            _sales_kpi_result_exclude  (SalesKpiResult     *result,
                                            gint64              excluded,
                                            char               *reason);
double          _sales_kpi_cents_to_money  (gint64              cents);

/* The computations, one per KPI, by group of related KPIs. */
typedef SalesKpiResult *(*SalesKpiComputeFunc) (SalesKpiScope *scope,
                                                guint          group,
                                                const SalesKpiInfo *info);

typedef struct
{
  SalesKpiInfo         info;
  SalesKpiComputeFunc  compute;
  const char          *variants[3];   /* "default" first */
  const char          *formulas[3];   /* N_() marked, one per variant */
} SalesKpiDefinition;

const SalesKpiDefinition *_sales_kpi_definition (const char *id);
gboolean        _sales_kpi_check_id       (const char             *id,
                                           GError                **error);
const char     *_sales_kpi_variant        (const SalesKpiSettings *settings,
                                           const char             *id);

#define SALES_KPI_DECLARE_COMPUTE(name)                               \
  SalesKpiResult *_sales_kpi_##name (SalesKpiScope      *scope,        \
                                     guint               group,        \
                                     const SalesKpiInfo *info);
SALES_KPI_DECLARE_COMPUTE (sales_cycle_days)
SALES_KPI_DECLARE_COMPUTE (win_rate)
SALES_KPI_DECLARE_COMPUTE (close_rate)
SALES_KPI_DECLARE_COMPUTE (forecast_accuracy)
SALES_KPI_DECLARE_COMPUTE (sales_efficiency)
SALES_KPI_DECLARE_COMPUTE (cost_per_lead)
SALES_KPI_DECLARE_COMPUTE (lead_to_opportunity)
SALES_KPI_DECLARE_COMPUTE (lead_response_hours)
SALES_KPI_DECLARE_COMPUTE (customer_acquisition_cost)
SALES_KPI_DECLARE_COMPUTE (average_purchase_value)
SALES_KPI_DECLARE_COMPUTE (sales_time_days)
SALES_KPI_DECLARE_COMPUTE (customer_lifetime_value)

const char     *_sales_kpi_spend_filter_reason (const SalesKpiFilter *filter,
                                                gboolean        marketing_only);
gboolean        _sales_kpi_spend_sums      (SalesKpiScope  *scope,
                                            guint           group,
                                            gboolean        marketing_only,
                                            SalesKpiResult *result,
                                            SalesKpiSums   *s);

/* Evaluates @id for every group of @scope, in group order. */
GPtrArray      *_sales_kpi_compute_groups (SalesKpiScope *scope,
                                           const char    *id,
                                           GError       **error);

G_END_DECLS
