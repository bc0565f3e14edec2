/* sales-column-evidence.h: what the cells of one column prove
 *
 * The sniffer and the importer both feed every date and number cell of a
 * column here, so that the day/month order and the decimal mark are
 * decided by the whole column, with the rule that fired kept as a
 * sentence the user can read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-convert.h"

G_BEGIN_DECLS

/* Why a column's date order is what it is. */
typedef enum
{
  SALES_ORDER_RULE_NONE,     /* no numeric day/month dates: nothing to decide */
  SALES_ORDER_RULE_PROVEN,   /* some value settles it, none contradicts */
  SALES_ORDER_RULE_DEFAULT,  /* every value is ambiguous: a default applies */
  SALES_ORDER_RULE_MIXED,    /* values prove both orders: the majority wins */
} SalesOrderRule;

/* The first value that proved something, to quote it. */
typedef struct
{
  guint64  count;
  guint64  line;
  int      number;    /* the number above 12 */
  char    *text;
} SalesProof;

struct _SalesColumnEvidence
{
  guint64    n_dates;
  guint64    n_ambiguous_dates;
  SalesProof day_first;
  SalesProof month_first;
  char       separator;       /* of the first numeric date */
  gboolean   meridiem;        /* some time is written with AM/PM */

  guint64    n_ambiguous_marks;
  SalesProof point;
  SalesProof comma;
};

void             sales_column_evidence_clear       (SalesColumnEvidence *self);
void             sales_column_evidence_add_date    (SalesColumnEvidence *self,
                                                    const SalesDateParts *parts,
                                                    const char         *text,
                                                    guint64             line);
void             sales_column_evidence_add_number  (SalesColumnEvidence *self,
                                                    const SalesNumberParts *parts,
                                                    const char         *text,
                                                    guint64             line);
SalesDateOrder   sales_column_evidence_date_order  (const SalesColumnEvidence *self,
                                                    SalesOrderRule     *rule,
                                                    char              **explanation);
SalesDecimalMark sales_column_evidence_decimal_mark (const SalesColumnEvidence *self,
                                                    char              **explanation);
void             sales_column_evidence_decide      (const SalesColumnEvidence *self,
                                                    SalesColumnFormat  *format);

G_END_DECLS
