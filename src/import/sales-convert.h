/* sales-convert.h: cell text to the typed value of a workspace field
 *
 * Parsing is split in two steps so that a whole column can be looked at
 * before a value is fixed: *parse* reads the syntax of one cell and says
 * what it proves about the column (day or month first, decimal comma or
 * point); *resolve* applies the column's decision and yields the value.
 * Money never goes through a double: digits are read as integers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-limits.h"
#include "sales-schema.h"

G_BEGIN_DECLS

/* The order of day and month in numeric dates such as 3/7/2025. */
typedef enum
{
  SALES_DATE_ORDER_NONE,         /* no numeric day/month date in the column */
  SALES_DATE_ORDER_MONTH_FIRST,  /* 3/7/2025 is March 7 */
  SALES_DATE_ORDER_DAY_FIRST,    /* 3/7/2025 is July 3 */
} SalesDateOrder;

/* What one date cell proves about its column's order. */
typedef enum
{
  SALES_DATE_PROOF_NONE,         /* year first or month by name */
  SALES_DATE_PROOF_AMBIGUOUS,    /* both numbers are 12 or less */
  SALES_DATE_PROOF_DAY_FIRST,    /* the first number is above 12 */
  SALES_DATE_PROOF_MONTH_FIRST,  /* the second number is above 12 */
} SalesDateProof;

typedef struct
{
  int            year;
  int            month;       /* 0 while the order is undecided */
  int            day;
  int            first;       /* numeric day/month forms: the two numbers */
  int            second;      /*   before the year, as written */
  int            hour;
  int            minute;
  int            second_of_minute;
  gboolean       has_time;
  gboolean       has_meridiem;  /* written with AM or PM */
  char           separator;     /* '/', '-' or '.' of numeric forms, else 0 */
  SalesDateProof proof;
} SalesDateParts;

/* The decimal mark of a number column. */
typedef enum
{
  SALES_DECIMAL_NONE,   /* nothing in the column tells */
  SALES_DECIMAL_POINT,  /* 1,234.50 */
  SALES_DECIMAL_COMMA,  /* 1.234,50 */
} SalesDecimalMark;

typedef enum
{
  SALES_DECIMAL_PROOF_NONE,       /* no mark at all: 1234, 1 234 */
  SALES_DECIMAL_PROOF_AMBIGUOUS,  /* one mark and three digits: 1,234 */
  SALES_DECIMAL_PROOF_POINT,
  SALES_DECIMAL_PROOF_COMMA,
} SalesDecimalProof;

typedef struct
{
  gboolean          negative;
  gboolean          has_currency;
  gboolean          has_percent;
  char              mark;          /* the single '.' or ',' when ambiguous */
  char              body[SALES_NUMBER_MAX_DIGITS + 8];  /* digits and marks */
  int               exponent;      /* from 1.5E+06 */
  SalesDecimalProof proof;
} SalesNumberParts;

/* What a column's cells prove; see sales-column-evidence.h. */
typedef struct _SalesColumnEvidence SalesColumnEvidence;

/* How the cells of one column are read, as its evidence decided. */
typedef struct
{
  SalesDateOrder   date_order;
  SalesDecimalMark decimal_mark;
} SalesColumnFormat;

typedef enum
{
  SALES_VALUE_NULL,
  SALES_VALUE_TEXT,
  SALES_VALUE_INT,
  SALES_VALUE_DOUBLE,
} SalesValueKind;

/* A converted value. Text points into the cell or into @buf, so it lives
 * as long as both do; nothing is allocated on success.
 */
typedef struct
{
  SalesValueKind  kind;
  const char     *text;
  gint64          i;
  double          d;
  char            buf[40];      /* a date, or a row's fingerprint */
} SalesValue;

gboolean   sales_date_parse           (const char         *text,
                                       SalesDateParts     *parts);
gboolean   sales_date_resolve         (const SalesDateParts *parts,
                                       SalesDateOrder      order,
                                       char                iso[20],
                                       char              **reason);

gboolean   sales_number_parse         (const char         *text,
                                       SalesNumberParts   *parts);
gboolean   sales_number_to_minor      (const SalesNumberParts *parts,
                                       SalesDecimalMark    mark,
                                       gint64             *minor,
                                       char              **reason);
gboolean   sales_number_to_double     (const SalesNumberParts *parts,
                                       SalesDecimalMark    mark,
                                       double             *value,
                                       char              **reason);

gboolean   sales_boolean_parse        (const char         *text,
                                       gboolean           *value);

const char *sales_outcome_from_stage  (const char         *stage);
gboolean   sales_outcome_parse        (const char         *text,
                                       const char        **outcome);
const char *sales_category_normalize  (const char         *text);

gboolean   sales_convert_value        (SalesFieldType      type,
                                       const char         *text,
                                       const SalesColumnFormat *format,
                                       SalesValue         *value,
                                       char              **reason);
gboolean   sales_convert_cell         (SalesFieldType      type,
                                       const char         *text,
                                       const SalesColumnFormat *format,
                                       SalesColumnEvidence *evidence,
                                       guint64             line,
                                       SalesValue         *value,
                                       char              **reason);

G_END_DECLS
