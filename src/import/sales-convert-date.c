/* sales-convert-date.c: dates as CRMs and spreadsheets write them
 *
 * Accepted: year first (2025-03-07, 2025/03/07, 2025.03.07, 2025-03 for a
 * month), numeric day and month in either order (3/7/2025, 07-03-2025,
 * 7.3.25), month names (Mar 7, 2025; 7 Mar 2025; 07-Mar-2025; Mar 2025),
 * each optionally followed by a time (14:05, 14:05:07, 2:05 PM, with a
 * 'T' and a zone such as Z or +02:00). The wall-clock time is kept as
 * written and the zone dropped: the workspace stores local dates without
 * a zone, and the KPIs work by day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-convert.h"

typedef struct
{
  const char *p;
} Cursor;

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

/* Reads up to @max digits; returns how many were read. */
static int
read_number (Cursor *c,
             int     max,
             int    *value)
{
  int n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (c->p[n]))
    {
      *value = *value * 10 + (c->p[n] - '0');
      n++;
    }

  /* A longer run of digits is not a date part. */
  if (g_ascii_isdigit (c->p[n]))
    return 0;

  c->p += n;
  return n;
}

static void
skip_spaces (Cursor *c)
{
  while (*c->p == ' ')
    c->p++;
}

/* Matches an English month name, full or abbreviated to three letters or
 * more ("Sept"), case-insensitively; returns 1 to 12 or 0.
 */
static int
read_month_name (Cursor *c)
{
  gsize len = 0;

  while (g_ascii_isalpha (c->p[len]))
    len++;

  if (len < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (len <= strlen (month_names[i]) &&
          g_ascii_strncasecmp (c->p, month_names[i], len) == 0)
        {
          c->p += len;
          if (*c->p == '.')
            c->p++;
          return i + 1;
        }
    }

  if (len == 4 && g_ascii_strncasecmp (c->p, "sept", 4) == 0)
    {
      c->p += len;
      return 9;
    }

  return 0;
}

static int
expand_year (int year,
             int n_digits)
{
  if (n_digits == 4)
    return year;

  /* Two-digit years: 00-69 are this century, 70-99 the last. */
  return year < 70 ? 2000 + year : 1900 + year;
}

static gboolean
read_year (Cursor *c,
           int    *year)
{
  int n = read_number (c, 4, year);

  if (n != 2 && n != 4)
    return FALSE;

  *year = expand_year (*year, n);
  return *year >= 1000;
}

static gboolean
read_meridiem (Cursor         *c,
               SalesDateParts *parts)
{
  gboolean pm;

  skip_spaces (c);
  if (g_ascii_tolower (c->p[0]) != 'a' && g_ascii_tolower (c->p[0]) != 'p')
    return TRUE;

  pm = g_ascii_tolower (c->p[0]) == 'p';
  if (g_ascii_tolower (c->p[1]) == 'm')
    c->p += 2;
  else if (c->p[1] == '.' && g_ascii_tolower (c->p[2]) == 'm' &&
           c->p[3] == '.')
    c->p += 4;
  else
    return FALSE;

  if (parts->hour < 1 || parts->hour > 12)
    return FALSE;

  parts->has_meridiem = TRUE;
  parts->hour = parts->hour % 12 + (pm ? 12 : 0);
  return TRUE;
}

/* Two digits exactly, whatever follows. */
static gboolean
read_two_digits (Cursor *c,
                 int    *value)
{
  if (!g_ascii_isdigit (c->p[0]) || !g_ascii_isdigit (c->p[1]))
    return FALSE;

  *value = (c->p[0] - '0') * 10 + (c->p[1] - '0');
  c->p += 2;
  return TRUE;
}

/* Z, +02:00, -0500, +02: offsets are read and dropped. */
static gboolean
read_zone (Cursor *c)
{
  int value;

  if (*c->p == 'Z' || *c->p == 'z')
    {
      c->p++;
      return TRUE;
    }

  if (*c->p != '+' && *c->p != '-')
    return TRUE;

  c->p++;
  if (!read_two_digits (c, &value) || value > 14)
    return FALSE;

  if (*c->p == ':')
    c->p++;
  if (g_ascii_isdigit (*c->p) && (!read_two_digits (c, &value) ||
                                  value > 59))
    return FALSE;

  return TRUE;
}

static gboolean
read_time (Cursor         *c,
           SalesDateParts *parts)
{
  int n;

  if (*c->p == 'T' || *c->p == 't')
    c->p++;
  else
    skip_spaces (c);

  if (*c->p == '\0')
    return TRUE;

  n = read_number (c, 2, &parts->hour);
  if (n == 0 || *c->p != ':')
    return FALSE;
  c->p++;
  if (read_number (c, 2, &parts->minute) != 2)
    return FALSE;

  if (*c->p == ':')
    {
      c->p++;
      if (read_number (c, 2, &parts->second_of_minute) != 2)
        return FALSE;
      /* Fractions of a second are dropped: the workspace keeps seconds. */
      if (*c->p == '.' || *c->p == ',')
        for (c->p++; g_ascii_isdigit (*c->p); c->p++)
          ;
    }

  if (!read_meridiem (c, parts) || !read_zone (c))
    return FALSE;

  parts->has_time = TRUE;
  return parts->hour < 24 && parts->minute < 60 &&
         parts->second_of_minute < 60;
}

static gboolean
is_date_separator (char c)
{
  return c == '-' || c == '/' || c == '.';
}

/* 2025-03-07, 2025/3/7, 2025.03.07, 2025-03 */
static gboolean
read_year_first (Cursor         *c,
                 SalesDateParts *parts)
{
  char sep;

  if (read_number (c, 4, &parts->year) != 4 || !is_date_separator (*c->p))
    return FALSE;

  sep = *c->p++;
  if (read_number (c, 2, &parts->month) == 0)
    return FALSE;

  if (*c->p != sep)
    {
      /* A month such as 2025-03 means its first day. */
      parts->day = 1;
      return sep == '-' && *c->p == '\0';
    }

  c->p++;
  return read_number (c, 2, &parts->day) > 0;
}

/* 7 Mar 2025, 07-Mar-2025, 7-Mar-25; @c is past the day. */
static gboolean
read_day_month_name (Cursor         *c,
                     SalesDateParts *parts)
{
  if (*c->p == '-' || *c->p == ' ' || *c->p == '.')
    c->p++;
  skip_spaces (c);

  if ((parts->month = read_month_name (c)) == 0)
    return FALSE;

  if (*c->p == '-' || *c->p == ',')
    c->p++;
  skip_spaces (c);
  return read_year (c, &parts->year);
}

/* 3/7/2025, 07-03-2025, 7.3.25; @c is past the first number. */
static gboolean
read_numeric (Cursor         *c,
              SalesDateParts *parts)
{
  char sep = *c->p;

  if (!is_date_separator (sep))
    return FALSE;

  c->p++;
  if (read_number (c, 2, &parts->second) == 0 || *c->p != sep)
    return FALSE;

  c->p++;
  if (!read_year (c, &parts->year))
    return FALSE;

  parts->separator = sep;
  return TRUE;
}

/* Mar 7, 2025; March 7 2025; Mar 2025 */
static gboolean
read_month_name_first (Cursor         *c,
                       SalesDateParts *parts)
{
  Cursor save;
  int n;

  if ((parts->month = read_month_name (c)) == 0)
    return FALSE;

  if (*c->p == '-')
    c->p++;
  skip_spaces (c);

  save = *c;
  n = read_number (c, 4, &parts->day);
  if (n == 4)
    {
      /* Mar 2025 means its first day. */
      parts->year = parts->day;
      parts->day = 1;
      return TRUE;
    }

  if (n == 0 || n > 2)
    {
      *c = save;
      return FALSE;
    }

  if (*c->p == ',')
    c->p++;
  skip_spaces (c);
  return read_year (c, &parts->year);
}

/* After a day: "-Mar", " Mar", ".Mar" or "Mar". */
static gboolean
month_name_follows (const char *p)
{
  if (*p == '-' || *p == '.')
    p++;
  while (*p == ' ')
    p++;

  return g_ascii_isalpha (*p);
}

static gboolean
read_date (Cursor         *c,
           SalesDateParts *parts)
{
  Cursor start = *c;
  int n;

  if (g_ascii_isalpha (*c->p))
    return read_month_name_first (c, parts);

  if (read_year_first (c, parts))
    return TRUE;

  *c = start;
  memset (parts, 0, sizeof *parts);
  n = read_number (c, 2, &parts->first);
  if (n == 0)
    return FALSE;

  if (month_name_follows (c->p))
    {
      parts->day = parts->first;
      parts->first = 0;
      return read_day_month_name (c, parts);
    }

  return read_numeric (c, parts);
}

static SalesDateProof
numeric_proof (int first,
               int second)
{
  if (first < 1 || second < 1 || first > 31 || second > 31)
    return SALES_DATE_PROOF_NONE;
  if (first > 12 && second > 12)
    return SALES_DATE_PROOF_NONE;
  if (first > 12)
    return SALES_DATE_PROOF_DAY_FIRST;
  if (second > 12)
    return SALES_DATE_PROOF_MONTH_FIRST;

  return SALES_DATE_PROOF_AMBIGUOUS;
}

/**
 * sales_date_parse:
 * @text: a cell
 * @parts: (out): what the cell says
 *
 * Reads the syntax of a date or date-time. Year-first and month-name forms
 * are complete and checked; numeric day/month forms leave month and day
 * at 0 and set @parts->proof to what the two numbers prove about the
 * column's order (day first when the first is above 12, and so on).
 *
 * Returns: %TRUE when @text is a date in one of the accepted forms
 */
gboolean
sales_date_parse (const char     *text,
                  SalesDateParts *parts)
{
  Cursor c = { text };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (parts != NULL, FALSE);

  memset (parts, 0, sizeof *parts);
  skip_spaces (&c);
  if (!read_date (&c, parts) || !read_time (&c, parts))
    return FALSE;

  skip_spaces (&c);
  if (*c.p != '\0')
    return FALSE;

  if (parts->separator != 0)
    {
      parts->proof = numeric_proof (parts->first, parts->second);
      return parts->proof != SALES_DATE_PROOF_NONE;
    }

  return g_date_valid_dmy (parts->day, parts->month, parts->year);
}

static gboolean
order_reason (char     **reason,
              int        month,
              gboolean   day_first)
{
  if (reason == NULL)
    return FALSE;

  if (day_first)
    *reason = g_strdup_printf (_("%d cannot be a month: this column is "
                                 "read day first"), month);
  else
    *reason = g_strdup_printf (_("%d cannot be a month: this column is "
                                 "read month first"), month);
  return FALSE;
}

static char *
put_digits (char *out,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    out[i] = '0' + value % 10;

  return out + width;
}

/* By hand: printf costs more than the rest of a date's conversion. */
static void
write_iso (char                  iso[20],
           const SalesDateParts *parts,
           int                   month,
           int                   day)
{
  char *p = put_digits (iso, parts->year, 4);

  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  if (parts->has_time)
    {
      *p++ = ' ';
      p = put_digits (p, parts->hour, 2);
      *p++ = ':';
      p = put_digits (p, parts->minute, 2);
      *p++ = ':';
      p = put_digits (p, parts->second_of_minute, 2);
    }
  *p = '\0';
}

/**
 * sales_date_resolve:
 * @parts: a parsed date
 * @order: the column's order, for numeric day/month forms;
 *   %SALES_DATE_ORDER_NONE reads an ambiguous date month first
 * @iso: (out): "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"
 * @reason: (out) (optional): why the date does not fit @order
 *
 * Returns: %TRUE when @parts is a valid date under @order
 */
gboolean
sales_date_resolve (const SalesDateParts  *parts,
                    SalesDateOrder         order,
                    char                   iso[20],
                    char                 **reason)
{
  int month = parts->month;
  int day = parts->day;
  gboolean day_first;

  g_return_val_if_fail (parts != NULL, FALSE);

  if (parts->separator != 0)
    {
      day_first = order == SALES_DATE_ORDER_DAY_FIRST ||
                  (order == SALES_DATE_ORDER_NONE &&
                   parts->proof == SALES_DATE_PROOF_DAY_FIRST);
      month = day_first ? parts->second : parts->first;
      day = day_first ? parts->first : parts->second;
      if (month > 12)
        return order_reason (reason, month, day_first);
    }

  if (!g_date_valid_dmy (day, month, parts->year))
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("%04d-%02d has no day %d"),
                                   parts->year, month, day);
      return FALSE;
    }

  write_iso (iso, parts, month, day);
  return TRUE;
}
