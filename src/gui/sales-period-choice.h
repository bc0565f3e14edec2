/* sales-period-choice.h: the dashboard's named periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-period.h"

G_BEGIN_DECLS

/* In the order of the period drop-down. */
typedef enum
{
  SALES_PERIOD_THIS_MONTH,
  SALES_PERIOD_LAST_MONTH,
  SALES_PERIOD_THIS_QUARTER,
  SALES_PERIOD_LAST_QUARTER,
  SALES_PERIOD_THIS_YEAR,
  SALES_PERIOD_LAST_YEAR,
  SALES_PERIOD_CUSTOM,
} SalesPeriodChoice;

void  sales_period_choice_resolve (SalesPeriodChoice  choice,
                                   const GDate       *today,
                                   guint              fiscal_start_month,
                                   SalesPeriod       *period);
void  sales_period_set_days       (SalesPeriod       *period,
                                   const GDate       *first,
                                   const GDate       *last);

G_END_DECLS
