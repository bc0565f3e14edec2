/* sales-cell-format.c: cell values of workbooks and JSON as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sales-cell-format.h"

/* The last day spreadsheets count: 9999-12-31 in the 1900 system. */
#define MAX_SERIAL 2958465.0

gsize
sales_format_double (double  value,
                     char   *buf)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  if (!isfinite (value))
    return g_strlcpy (buf, isnan (value) ? "NaN"
                                         : value > 0 ? "INF" : "-INF",
                      SALES_CELL_TEXT_SIZE);
  if (value == 0)
    return g_strlcpy (buf, "0", SALES_CELL_TEXT_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, SALES_CELL_TEXT_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return strlen (buf);
}

/* A plain decimal of at most 15 significant digits reads back to the
 * double nearest to it, so its shortest form is itself without the
 * zeros that say nothing: written out here, without strtod and printf.
 */
static gsize
short_decimal (const char *text,
               char       *buf)
{
  const char *p = text;
  const char *int_start, *int_end, *frac_start, *frac_end;
  guint significant = 0;
  char *o = buf;

  if (*p == '-')
    *o++ = *p++;
  int_start = p;
  while (g_ascii_isdigit (*p))
    p++;
  int_end = p;
  frac_start = frac_end = p;
  if (*p == '.')
    {
      frac_start = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      frac_end = p;
    }
  if (*p != '\0' || (int_end == int_start && frac_end == frac_start))
    return 0;

  while (int_start < int_end - 1 && *int_start == '0')
    int_start++;
  while (frac_end > frac_start && frac_end[-1] == '0')
    frac_end--;

  significant = (int_end - int_start) + (frac_end - frac_start);
  if (int_end - int_start == 1 && *int_start == '0')
    {
      significant = frac_end - frac_start;
      for (const char *q = frac_start; q < frac_end && *q == '0'; q++)
        significant--;
    }
  if (significant > 15 || (gsize)(p - text) >= SALES_CELL_TEXT_SIZE - 2)
    return 0;
  if (significant == 0)
    return g_strlcpy (buf, "0", SALES_CELL_TEXT_SIZE);

  if (int_end == int_start)
    *o++ = '0';
  memcpy (o, int_start, int_end - int_start);
  o += int_end - int_start;
  if (frac_end > frac_start)
    {
      *o++ = '.';
      memcpy (o, frac_start, frac_end - frac_start);
      o += frac_end - frac_start;
    }
  *o = '\0';
  return o - buf;
}

gsize
sales_format_number_text (const char *text,
                          char       *buf)
{
  char *end = NULL;
  double value;
  gsize n = short_decimal (text, buf);

  if (n > 0)
    return n;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || strlen (text) >= SALES_CELL_TEXT_SIZE)
    return 0;

  return sales_format_double (value, buf);
}

SalesNumberKind
sales_builtin_format_kind (guint id)
{
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) ||
      (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
    return SALES_NUMBER_DATE;
  if (id == 22)
    return SALES_NUMBER_DATETIME;
  if (id == 46)
    return SALES_NUMBER_DURATION;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || id == 45 ||
      id == 47)
    return SALES_NUMBER_TIME;
  return SALES_NUMBER_PLAIN;
}

/* Skips what a format code shows literally: "quoted text", \x, _x, *x,
 * and [brackets] except the elapsed-time ones [h] [m] [s].
 */
static const char *
skip_literal (const char *p,
              gboolean   *elapsed_time)
{
  const char *close;

  switch (*p)
    {
    case '"':
      close = strchr (p + 1, '"');
      return close != NULL ? close + 1 : p + strlen (p);

    case '\\':
    case '_':
    case '*':
      return p[1] != '\0' ? p + 2 : p + 1;

    case '[':
      close = strchr (p, ']');
      if (close == NULL)
        return p + strlen (p);
      if (strchr ("hHmMsS", p[1]) != NULL && p[1] != '\0')
        *elapsed_time = TRUE;
      return close + 1;

    default:
      return NULL;
    }
}

SalesNumberKind
sales_number_format_kind (const char *code)
{
  gboolean date = FALSE;
  gboolean time = FALSE;
  gboolean elapsed = FALSE;
  gboolean month_or_minute = FALSE;

  /* Only the first section (positive numbers) decides. */
  for (const char *p = code; *p != '\0' && *p != ';';)
    {
      const char *next = skip_literal (p, &elapsed);
      char c = g_ascii_tolower (*p);

      if (next != NULL)
        {
          p = next;
          continue;
        }

      if (g_ascii_strncasecmp (p, "AM/PM", 5) == 0)
        time = TRUE, p += 5;
      else if (g_ascii_strncasecmp (p, "A/P", 3) == 0)
        time = TRUE, p += 3;
      else
        {
          if (c == 'd' || c == 'y')
            date = TRUE;
          else if (c == 'h' || c == 's')
            time = TRUE;
          else if (c == 'm')
            month_or_minute = TRUE;
          p++;
        }
    }

  /* m is a minute beside hours or seconds, else a month. */
  if (month_or_minute && !time && !elapsed)
    date = TRUE;
  if (elapsed && !date)
    return SALES_NUMBER_DURATION;
  time = time || elapsed;

  if (date && time)
    return SALES_NUMBER_DATETIME;
  if (date)
    return SALES_NUMBER_DATE;
  if (time)
    return SALES_NUMBER_TIME;
  return SALES_NUMBER_PLAIN;
}

static char *
put_digits (char  *out,
            guint  value,
            guint  width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = '0' + value % 10;
      value /= 10;
    }
  return out + width;
}

/* Written by hand: a sheet may hold a date in every row. */
static gsize
format_date (guint32  julian,
             char    *buf)
{
  GDate date;
  char *o = buf;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  o = put_digits (o, g_date_get_year (&date), 4);
  *o++ = '-';
  o = put_digits (o, g_date_get_month (&date), 2);
  *o++ = '-';
  o = put_digits (o, g_date_get_day (&date), 2);
  *o = '\0';
  return o - buf;
}

/* Julian day numbers (GDate's: 0001-01-01 is 1) of the epochs. */
#define JULIAN_1899_12_30 693594
#define JULIAN_1899_12_31 693595
#define JULIAN_1904_01_01 695056

static gsize
format_time (gint64  seconds,
             char   *buf)
{
  gint64 hours = seconds / 3600;
  char *o = buf;

  if (hours >= 100)
    o += g_snprintf (o, SALES_CELL_TEXT_SIZE, "%" PRId64, hours);
  else
    o = put_digits (o, hours, 2);
  *o++ = ':';
  o = put_digits (o, seconds / 60 % 60, 2);
  *o++ = ':';
  o = put_digits (o, seconds % 60, 2);
  *o = '\0';
  return o - buf;
}

gsize
sales_format_serial (double           serial,
                     gboolean         date1904,
                     SalesNumberKind  kind,
                     char            *buf)
{
  double days;
  gint64 seconds;
  gsize n;

  if (!isfinite (serial) || serial < 0 || serial > MAX_SERIAL)
    return 0;

  /* Rounded to the second first, so 23:59:59.9 becomes the next day. */
  seconds = (gint64)llround (serial * 86400.0);
  days = (double)(seconds / 86400);
  seconds %= 86400;

  if (kind == SALES_NUMBER_DURATION)
    return format_time (seconds + (gint64)days * 86400, buf);
  if (kind == SALES_NUMBER_TIME)
    return format_time (seconds, buf);

  if (date1904)
    n = format_date (JULIAN_1904_01_01 + (guint32)days, buf);
  else if (days == 60)
    n = g_strlcpy (buf, "1900-02-29", SALES_CELL_TEXT_SIZE);
  else if (days < 60)
    n = format_date (JULIAN_1899_12_31 + (guint32)days, buf);
  else
    n = format_date (JULIAN_1899_12_30 + (guint32)days, buf);

  if (seconds != 0)
    {
      buf[n++] = ' ';
      n += format_time (seconds, buf + n);
    }

  return n;
}

static gboolean
digits (const char *p,
        guint       count)
{
  for (guint i = 0; i < count; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* Writes a date and a time of day (seconds past midnight, which may
 * reach 86400 after rounding) as ISO text, the time only when not 0.
 */
static gsize
format_date_time (guint    year,
                  guint    month,
                  guint    day,
                  gint64   seconds,
                  char    *buf)
{
  GDate date;
  gsize n;

  if (!g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (seconds >= 86400)
    {
      g_date_add_days (&date, 1);
      seconds -= 86400;
    }

  n = format_date (g_date_get_julian (&date), buf);
  if (seconds != 0)
    {
      buf[n++] = ' ';
      n += format_time (seconds, buf + n);
    }
  return n;
}

static guint
number_at (const char *p,
           guint       count)
{
  guint value = 0;

  for (guint i = 0; i < count; i++)
    value = value * 10 + (p[i] - '0');
  return value;
}

gsize
sales_format_iso_datetime (const char *text,
                           char       *buf)
{
  gint64 seconds = 0;
  gsize n;

  if (strlen (text) < 10 || !digits (text, 4) || text[4] != '-' ||
      !digits (text + 5, 2) || text[7] != '-' || !digits (text + 8, 2))
    return g_strlcpy (buf, text, SALES_CELL_TEXT_SIZE);

  /* hh:mm, then :ss, then a fraction rounded to the second. */
  if ((text[10] == 'T' || text[10] == ' ') && digits (text + 11, 2) &&
      text[13] == ':' && digits (text + 14, 2))
    {
      seconds = number_at (text + 11, 2) * 3600 + number_at (text + 14, 2) * 60;
      if (text[16] == ':' && digits (text + 17, 2))
        {
          seconds += number_at (text + 17, 2);
          if (text[19] == '.' && g_ascii_isdigit (text[20]) && text[20] >= '5')
            seconds++;
        }
    }

  n = format_date_time (number_at (text, 4), number_at (text + 5, 2),
                        number_at (text + 8, 2), seconds, buf);
  return n > 0 ? n : g_strlcpy (buf, text, SALES_CELL_TEXT_SIZE);
}

gsize
sales_format_iso_duration (const char *text,
                           char       *buf)
{
  double hours = 0, minutes = 0, seconds = 0, days = 0;
  const char *p = text;
  gboolean in_time = FALSE;

  if (*p == '-')
    p++;
  if (*p++ != 'P')
    return g_strlcpy (buf, text, SALES_CELL_TEXT_SIZE);

  while (*p != '\0')
    {
      char *end = NULL;
      double value;

      if (*p == 'T')
        {
          in_time = TRUE;
          p++;
          continue;
        }
      value = g_ascii_strtod (p, &end);
      if (end == p)
        return g_strlcpy (buf, text, SALES_CELL_TEXT_SIZE);
      if (*end == 'D')
        days = value;
      else if (*end == 'H' && in_time)
        hours = value;
      else if (*end == 'M' && in_time)
        minutes = value;
      else if (*end == 'S' && in_time)
        seconds = value;
      else
        return g_strlcpy (buf, text, SALES_CELL_TEXT_SIZE);
      p = end + 1;
    }

  return format_time (llround (((days * 24 + hours) * 60 + minutes) * 60 +
                               seconds), buf);
}

void
sales_ooxml_unescape (GString *text)
{
  gsize out = 0;

  if (strstr (text->str, "_x") == NULL)
    return;

  for (gsize i = 0; i < text->len;)
    {
      const char *p = text->str + i;

      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) &&
          g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]) &&
          g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = g_ascii_strtoull (p + 2, NULL, 16);
          char utf8[8];
          int n;

          /* A NUL or a surrogate cannot be kept; they read as U+FFFD. */
          if (c == 0 || (c >= 0xD800 && c < 0xE000))
            c = 0xFFFD;
          n = g_unichar_to_utf8 (c, utf8);
          memcpy (text->str + out, utf8, n);
          out += n;
          i += 7;
          continue;
        }
      text->str[out++] = text->str[i++];
    }

  g_string_truncate (text, out);
}
