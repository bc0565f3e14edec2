/* sales-period.h: half-open date ranges and their comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* [from, to): dates as "YYYY-MM-DD", midnight; @to is excluded. */
typedef struct
{
  char from[11];
  char to[11];
} SalesPeriod;

typedef enum
{
  SALES_COMPARE_NONE,
  SALES_COMPARE_PREVIOUS,     /* equal length, ending where P starts */
  SALES_COMPARE_YEAR,         /* P shifted back one year */
} SalesCompare;

/* "2025", "2025-Q2", "2025-03", with @fiscal_start_month for years and
 * quarters (1 = calendar year). Errors are %SALES_ERROR_INVALID.
 */
gboolean sales_period_parse     (const char        *text,
                                 guint              fiscal_start_month,
                                 SalesPeriod       *period,
                                 GError           **error);
gboolean sales_period_from_dates (const char       *from,
                                  const char       *to,
                                  SalesPeriod      *period,
                                  GError          **error);
void     sales_period_compare   (const SalesPeriod *period,
                                 SalesCompare       compare,
                                 SalesPeriod       *result);
char    *sales_period_to_string (const SalesPeriod *period);

/* Conversions for the engine and the charts. */
void     sales_period_set_dates (SalesPeriod       *period,
                                 const GDate       *from,
                                 const GDate       *to);
void     sales_period_get_dates (const SalesPeriod *period,
                                 GDate             *from,
                                 GDate             *to);
int      sales_period_get_days  (const SalesPeriod *period);

G_END_DECLS
