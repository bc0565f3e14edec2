/* sales-cell-format.h: cell values of workbooks and JSON as text
 *
 * Numbers print as the shortest text that reads back to the same double;
 * dates and times as ISO 8601 (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, HH:MM:SS),
 * whatever format the workbook showed them in. A date shows its time only
 * when the time is not midnight (rounded to the second), whatever the
 * format, so that the same value reads the same from XLSX, ODS and t="d".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Big enough for any number or date this file writes. */
#define SALES_CELL_TEXT_SIZE 40

/* What a number format shows: a plain number, a date, a date and time,
 * or a time of day (or a duration).
 */
typedef enum
{
  SALES_NUMBER_PLAIN,
  SALES_NUMBER_DATE,
  SALES_NUMBER_DATETIME,
  SALES_NUMBER_TIME,
  SALES_NUMBER_DURATION,   /* [h]:mm:ss: hours past 24 are kept */
} SalesNumberKind;

/* Writes @value in @buf (SALES_CELL_TEXT_SIZE) and returns its length. */
gsize            sales_format_double       (double       value,
                                            char        *buf);

/* Rewrites the numeric text of a cell (as a workbook stores it) in its
 * shortest form; text that is not a number is copied as it is.
 */
gsize            sales_format_number_text  (const char  *text,
                                            char        *buf);

/* The kind of an Excel format code, or of a built-in format id. */
SalesNumberKind  sales_number_format_kind  (const char  *code);
SalesNumberKind  sales_builtin_format_kind (guint        id);

/* A spreadsheet serial date as ISO text, in the 1900 system (with its
 * fictitious 1900-02-29 at serial 60) or the 1904 one. Returns 0 (and
 * writes nothing) when the serial is out of the range of dates.
 */
gsize            sales_format_serial       (double           serial,
                                            gboolean         date1904,
                                            SalesNumberKind  kind,
                                            char            *buf);

/* An ISO 8601 date or date-time ("2025-03-07T14:05:00Z", fractions and
 * zones dropped) as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS; text that is not
 * one is copied as it is.
 */
gsize            sales_format_iso_datetime (const char  *text,
                                            char        *buf);

/* An ISO 8601 duration of ODS ("PT13H05M00S") as HH:MM:SS. */
gsize            sales_format_iso_duration (const char  *text,
                                            char        *buf);

/* Decodes the _xHHHH_ escapes that OOXML uses for control characters. */
void             sales_ooxml_unescape      (GString     *text);

G_END_DECLS
