/* sales-convert-number.c: numbers and money as people write them
 *
 * Accepted around the digits: a sign before or a minus after
 * ("1234.50-"), parentheses for negatives, currency signs and codes
 * before or after ($, €, £, US$, R$, USD, EUR...), a percent sign, and
 * thousands separators (comma, point, space, no-break space, apostrophe).
 * Which of comma and point is the decimal mark is decided by the cell
 * when it can tell (1.234,50) and by its column when it cannot (1,234).
 *
 * Money is exact: the digits become an integer of minor units (cents)
 * without a double in between. More than two decimals are rounded half
 * away from zero (10.005 is 1001 cents), since amounts converted from
 * other currencies often carry more decimals than the workspace keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sales-convert.h"

/* Currency signs, as UTF-8; letters codes (USD) are matched apart. */
static const char *const currency_signs[] = {
  "$", "€", "£", "¥", "₹", "₽", "₩", "₺", "₪", "₫", "฿", "₴", "₦", "₱",
  "kr", "zł", "Kč", "Fr.", "CHF",
};

/* The currencies of ISO 4217, in order, as letter codes may stand for
 * them; other capitals before digits are an id's prefix ("OPP00012").
 * Withdrawn codes that old exports still carry (HRK) are kept; funds,
 * metals and testing codes (XAU, XTS) are left out.
 */
static const char currency_codes[][4] = {
  "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
  "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL",
  "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY",
  "COP", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
  "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
  "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR",
  "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS",
  "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
  "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP",
  "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO",
  "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN",
  "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
  "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC",
  "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
  "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST",
  "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
};

static int
compare_codes (const void *key,
               const void *code)
{
  return strncmp (key, code, 3);
}

static gboolean
is_currency_code (const char *p)
{
  return bsearch (p, currency_codes, G_N_ELEMENTS (currency_codes),
                  sizeof currency_codes[0], compare_codes) != NULL;
}

/* Spaces that may stand around or inside a number. */
static gsize
space_length (const char *p)
{
  if (*p == ' ' || *p == '\t')
    return 1;
  /* U+00A0 no-break space, U+202F narrow no-break space, U+2009 thin. */
  if ((guchar)p[0] == 0xc2 && (guchar)p[1] == 0xa0)
    return 2;
  if ((guchar)p[0] == 0xe2 && (guchar)p[1] == 0x80 &&
      ((guchar)p[2] == 0xaf || (guchar)p[2] == 0x89))
    return 3;

  return 0;
}

static const char *
skip_spaces (const char *p)
{
  gsize n;

  while ((n = space_length (p)) > 0)
    p += n;

  return p;
}

/* A currency sign or code: "$", "US$", "USD", "€"... */
static gsize
currency_length (const char *p)
{
  gsize n = 0;

  /* The common case: a digit or a sign, no currency. */
  if (g_ascii_isdigit (*p) || *p == '-' || *p == '+' || *p == '.' ||
      *p == ',' || *p == '\0')
    return 0;

  while (n < 3 && g_ascii_isupper (p[n]))
    n++;
  if (n >= 1 && n <= 2 && p[n] == '$')
    return n + 1;
  if (n == 3 && !g_ascii_isalpha (p[3]) && is_currency_code (p))
    return 3;

  for (guint i = 0; i < G_N_ELEMENTS (currency_signs); i++)
    {
      gsize len = strlen (currency_signs[i]);

      if (strncmp (p, currency_signs[i], len) == 0)
        return len;
    }

  return 0;
}

typedef struct
{
  gboolean minus;
  gboolean paren;     /* an opening parenthesis was read */
  gboolean closed;    /* and its closing one */
  gboolean currency;
} Affixes;

/* Signs, parentheses and currency before the digits, in any order. */
static const char *
read_prefix (const char *p,
             Affixes    *a)
{
  for (;;)
    {
      gsize n;

      p = skip_spaces (p);
      if ((*p == '-' || *p == '+') && !a->minus)
        {
          a->minus = *p == '-';
          p++;
        }
      else if (*p == '(' && !a->paren)
        a->paren = TRUE, p++;
      else if (!a->currency && (n = currency_length (p)) > 0)
        a->currency = TRUE, p += n;
      else
        return p;
    }
}

static const char *
read_suffix (const char       *p,
             Affixes          *a,
             SalesNumberParts *parts)
{
  for (;;)
    {
      gsize n;

      p = skip_spaces (p);
      if (*p == '%' && !parts->has_percent)
        parts->has_percent = TRUE, p++;
      else if (*p == ')' && a->paren && !a->closed)
        a->closed = TRUE, p++;
      else if (*p == '-' && !a->minus)
        a->minus = TRUE, p++;
      else if (!a->currency && (n = currency_length (p)) > 0)
        a->currency = TRUE, p += n;
      else
        return p;
    }
}

/* Digits and marks into @parts->body, thousands spaces dropped. */
static const char *
read_body (const char       *p,
           SalesNumberParts *parts)
{
  gsize len = 0;

  for (;;)
    {
      gsize n;

      if (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
        {
          if (len >= SALES_NUMBER_MAX_DIGITS)
            return NULL;
          parts->body[len++] = *p++;
        }
      else if ((*p == '\'' || (n = space_length (p)) > 0) &&
               len > 0 && g_ascii_isdigit (p[*p == '\'' ? 1 : n]))
        p += *p == '\'' ? 1 : n;
      else
        break;
    }

  parts->body[len] = '\0';
  return p;
}

static const char *
read_exponent (const char       *p,
               SalesNumberParts *parts)
{
  int sign = 1;
  int value = 0;
  int n = 0;

  if (*p != 'e' && *p != 'E')
    return p;

  p++;
  if (*p == '+' || *p == '-')
    sign = *p++ == '-' ? -1 : 1;

  for (; g_ascii_isdigit (*p) && n < 3; p++, n++)
    value = value * 10 + (*p - '0');

  if (n == 0 || g_ascii_isdigit (*p))
    return NULL;

  parts->exponent = sign * value;
  return p;
}

/* Groups after a thousands mark have exactly three digits. */
static gboolean
groups_are_thousands (const char *body,
                      char        mark,
                      const char *end)
{
  const char *p = strchr (body, mark);

  if (p == body || p - body > 3)
    return FALSE;

  for (; p != NULL && p < end; p = strchr (p + 1, mark))
    {
      const char *q = p + 1;

      while (g_ascii_isdigit (*q))
        q++;
      if (q - p - 1 != 3)
        return FALSE;
    }

  return TRUE;
}

static gboolean
classify_single_mark (SalesNumberParts *parts)
{
  const char *body = parts->body;
  char mark = strchr (body, '.') != NULL ? '.' : ',';
  const char *at = strchr (body, mark);
  gsize before = at - body;
  gsize after = strlen (at + 1);

  if (strchr (at + 1, mark) != NULL)
    {
      /* Repeated: a thousands mark (1,234,567), so the other is decimal. */
      if (!groups_are_thousands (body, mark, body + strlen (body)))
        return FALSE;
      parts->proof = mark == ',' ? SALES_DECIMAL_PROOF_POINT
                                 : SALES_DECIMAL_PROOF_COMMA;
      return TRUE;
    }

  if (after == 3 && before >= 1 && before <= 3 && body[0] != '0' &&
      parts->exponent == 0)
    {
      parts->proof = SALES_DECIMAL_PROOF_AMBIGUOUS;
      parts->mark = mark;
      return TRUE;
    }

  parts->proof = mark == '.' ? SALES_DECIMAL_PROOF_POINT
                             : SALES_DECIMAL_PROOF_COMMA;
  return after > 0 || before > 0;
}

static gboolean
classify_marks (SalesNumberParts *parts)
{
  const char *body = parts->body;
  const char *dot = strrchr (body, '.');
  const char *comma = strrchr (body, ',');
  char decimal;
  guint n_decimal = 0;

  if (dot == NULL && comma == NULL)
    return TRUE;
  if (dot == NULL || comma == NULL)
    return classify_single_mark (parts);

  /* Both: the last one is the decimal mark and the other groups. */
  decimal = dot > comma ? '.' : ',';
  for (const char *p = body; *p; p++)
    n_decimal += *p == decimal;

  if (n_decimal != 1 ||
      !groups_are_thousands (body, decimal == '.' ? ',' : '.', MAX (dot, comma)))
    return FALSE;

  parts->proof = decimal == '.' ? SALES_DECIMAL_PROOF_POINT
                                : SALES_DECIMAL_PROOF_COMMA;
  return TRUE;
}

/**
 * sales_number_parse:
 * @text: a cell
 * @parts: (out): the sign, digits and marks of the number
 *
 * Reads a number, an amount or a percentage and says in @parts->proof
 * whether the cell settles its decimal mark.
 *
 * Returns: %TRUE when @text is a number in one of the accepted forms
 */
gboolean
sales_number_parse (const char       *text,
                    SalesNumberParts *parts)
{
  Affixes a = { FALSE, FALSE, FALSE, FALSE };
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (parts != NULL, FALSE);

  memset (parts, 0, sizeof *parts);
  p = read_prefix (text, &a);
  if (!g_ascii_isdigit (*p) && !((*p == '.' || *p == ',') &&
                                 g_ascii_isdigit (p[1])))
    return FALSE;

  if ((p = read_body (p, parts)) == NULL || (p = read_exponent (p, parts)) ==
      NULL)
    return FALSE;

  p = read_suffix (p, &a, parts);
  if (*p != '\0' || a.paren != a.closed)
    return FALSE;

  parts->negative = a.minus || a.paren;
  parts->has_currency = a.currency;
  return classify_marks (parts);
}

/* The value as digits (no leading zeros) times ten to @exponent. */
/* Significant digits of a number, without a heap allocation per cell. */
typedef struct
{
  gsize len;
  char  str[SALES_NUMBER_MAX_DIGITS + 1];
} Digits;

static void
digits_and_exponent (const SalesNumberParts *parts,
                     SalesDecimalMark        mark,
                     Digits                 *digits,
                     int                    *exponent)
{
  char decimal = 0;
  int fraction = -1;

  switch (parts->proof)
    {
    case SALES_DECIMAL_PROOF_POINT:
      decimal = '.';
      break;
    case SALES_DECIMAL_PROOF_COMMA:
      decimal = ',';
      break;
    case SALES_DECIMAL_PROOF_AMBIGUOUS:
      decimal = mark == SALES_DECIMAL_COMMA ? ',' : '.';
      break;
    case SALES_DECIMAL_PROOF_NONE:
    default:
      break;
    }

  for (const char *p = parts->body; *p; p++)
    {
      if (*p == decimal)
        fraction = 0;
      else if (g_ascii_isdigit (*p))
        {
          if (digits->len > 0 || *p != '0')
            digits->str[digits->len++] = *p;
          if (fraction >= 0)
            fraction++;
        }
    }

  digits->str[digits->len] = '\0';
  *exponent = parts->exponent - MAX (fraction, 0) -
              (parts->has_percent ? 2 : 0);
}

/**
 * sales_number_to_minor:
 * @parts: a parsed number
 * @mark: the column's decimal mark, for a cell that does not settle it
 * @minor: (out): the amount in minor units (hundredths)
 * @reason: (out) (optional): why it is not an amount
 *
 * Returns: %TRUE when @parts is an amount that fits in 64 bits
 */
gboolean
sales_number_to_minor (const SalesNumberParts  *parts,
                       SalesDecimalMark         mark,
                       gint64                  *minor,
                       char                   **reason)
{
  Digits digits = { 0 };
  guint64 value = 0;
  int exponent;
  gsize keep;

  g_return_val_if_fail (parts != NULL, FALSE);

  if (parts->has_percent)
    {
      if (reason != NULL)
        *reason = g_strdup (_("a percentage is not an amount"));
      return FALSE;
    }

  digits_and_exponent (parts, mark, &digits, &exponent);
  exponent += 2;

  /* Drop the digits below a cent, rounding half away from zero. */
  keep = exponent >= 0 ? digits.len
                      : (gsize)MAX (0, (int)digits.len + exponent);
  for (gsize i = 0; i < keep; i++)
    {
      guint digit = digits.str[i] - '0';

      if (value > ((guint64)G_MAXINT64 - digit) / 10)
        goto too_large;
      value = value * 10 + digit;
    }
  for (int i = 0; i < exponent; i++)
    {
      if (value > (guint64)G_MAXINT64 / 10)
        goto too_large;
      value *= 10;
    }
  if (keep < digits.len && digits.str[keep] >= '5')
    {
      if (value == (guint64)G_MAXINT64)
        goto too_large;
      value++;
    }

  *minor = parts->negative ? -(gint64)value : (gint64)value;
  return TRUE;

too_large:
  if (reason != NULL)
    *reason = g_strdup (_("the amount is too large"));
  return FALSE;
}

/**
 * sales_number_to_double:
 * @parts: a parsed number
 * @mark: the column's decimal mark, for a cell that does not settle it
 * @value: (out): the number; a percentage is divided by 100
 * @reason: (out) (optional): why it is not a number
 *
 * Returns: %TRUE when @parts is a finite number
 */
gboolean
sales_number_to_double (const SalesNumberParts  *parts,
                        SalesDecimalMark         mark,
                        double                  *value,
                        char                   **reason)
{
  Digits digits = { 0 };
  char text[SALES_NUMBER_MAX_DIGITS + 16];
  int exponent;

  g_return_val_if_fail (parts != NULL, FALSE);

  digits_and_exponent (parts, mark, &digits, &exponent);
  g_snprintf (text, sizeof text, "%se%d",
              digits.len > 0 ? digits.str : "0", exponent);

  *value = g_ascii_strtod (text, NULL);
  if (parts->negative)
    *value = -*value;

  if (!isfinite (*value))
    {
      if (reason != NULL)
        *reason = g_strdup (_("the number is too large"));
      return FALSE;
    }

  return TRUE;
}
