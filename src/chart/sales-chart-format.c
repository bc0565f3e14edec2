/* sales-chart-format.c: numbers, money, percentages and dates for charts
 *
 * Charts round for display only; the numbers they are given stay exact.
 * Separators come from the C library's LC_NUMERIC, so "1.234,5" in a German
 * session; the C locale has no grouping separator, and a chart without one
 * reads badly, so a comma (or a narrow space after a decimal comma) stands
 * in for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sales-chart-format.h"

/* U+2212 MINUS SIGN: the width of a plus sign, unlike the hyphen. */
#define MINUS "\xe2\x88\x92"

/**
 * sales_number_style_init:
 * @style: the style to fill
 * @decimal: the decimal separator, such as "." or ","
 * @group: the thousands separator, possibly ""
 *
 * Fills @style with explicit separators (each at most 7 bytes).
 */
void
sales_number_style_init (SalesNumberStyle *style,
                         const char       *decimal,
                         const char       *group)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (decimal != NULL && group != NULL);

  g_strlcpy (style->decimal, decimal, sizeof style->decimal);
  g_strlcpy (style->group, group, sizeof style->group);
}

/**
 * sales_number_style_from_locale:
 * @style: the style to fill
 *
 * Fills @style from the current LC_NUMERIC locale, with a grouping
 * separator even where the locale has none.
 */
void
sales_number_style_from_locale (SalesNumberStyle *style)
{
  const struct lconv *conv = localeconv ();
  const char *decimal = conv->decimal_point;
  const char *group = conv->thousands_sep;

  g_return_if_fail (style != NULL);

  if (decimal == NULL || *decimal == '\0')
    decimal = ".";
  if (group == NULL || *group == '\0')
    group = strcmp (decimal, ",") == 0 ? "\xe2\x80\xaf" : ",";

  sales_number_style_init (style, decimal, group);
}

static const SalesNumberStyle *
resolve_style (const SalesNumberStyle *style,
               SalesNumberStyle       *storage)
{
  if (style != NULL)
    return style;

  sales_number_style_from_locale (storage);
  return storage;
}

/**
 * sales_chart_currency_symbol:
 * @code: an ISO 4217 code such as "USD", or %NULL
 *
 * Returns: "$", "€" or "£" for USD, EUR and GBP; the code itself for any
 *   other currency; "" for %NULL
 */
const char *
sales_chart_currency_symbol (const char *code)
{
  if (code == NULL)
    return "";
  if (g_ascii_strcasecmp (code, "USD") == 0)
    return "$";
  if (g_ascii_strcasecmp (code, "EUR") == 0)
    return "€";
  if (g_ascii_strcasecmp (code, "GBP") == 0)
    return "£";

  return code;
}

/* Inserts the group separator every three digits of the integer part. */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *group)
{
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * sales_chart_format_number:
 * @value: a finite number
 * @decimals: digits after the decimal separator (at most 6)
 * @style: (nullable): separators; %NULL for the current locale
 *
 * Returns: (transfer full): @value rounded to @decimals, grouped by
 *   thousands, with a minus sign (U+2212) when negative: "1,234.5"
 */
char *
sales_chart_format_number (double                  value,
                           guint                   decimals,
                           const SalesNumberStyle *style)
{
  SalesNumberStyle storage;
  char text[G_ASCII_DTOSTR_BUF_SIZE + 320];
  char format[8];
  GString *out;
  char *point;

  g_return_val_if_fail (decimals <= 6, NULL);
  g_return_val_if_fail (isfinite (value), NULL);
  style = resolve_style (style, &storage);

  /* Halves round away from zero, as people round money, not to even. */
  value = round (value * pow (10, decimals)) / pow (10, decimals);

  /* Printing with '.' whatever the locale keeps the separators ours. */
  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  g_ascii_formatd (text, sizeof text, format, fabs (value));
  out = g_string_new (NULL);
  if (value < 0 && strspn (text, "0.") != strlen (text))
    g_string_append (out, MINUS);

  point = strchr (text, '.');
  if (point != NULL)
    *point = '\0';
  append_grouped (out, text, style->group);
  if (point != NULL)
    {
      g_string_append (out, style->decimal);
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}

/* GLib 2.74 has no g_string_new_take. */
static GString *
string_take (char *text)
{
  GString *out = g_string_new (text);

  g_free (text);
  return out;
}

/* Drops trailing zeros after the decimal separator, and the separator. */
static void
trim_zeros (GString    *text,
            const char *decimal)
{
  char *point = strstr (text->str, decimal);
  gsize end;

  if (point == NULL)
    return;

  end = text->len;
  while (end > 0 && text->str[end - 1] == '0')
    end--;
  if (end == (gsize)(point - text->str) + strlen (decimal))
    end = point - text->str;
  g_string_truncate (text, end);
}

typedef struct
{
  double      divisor;
  const char *suffix;
} Magnitude;

/* Translators: the suffixes of thousands, millions and billions. */
static const Magnitude magnitudes[] = {
  { 1e9, N_("B") },
  { 1e6, N_("M") },
  { 1e3, N_("k") },
  { 1, "" },
};

static guint
compact_decimals (double scaled)
{
  scaled = fabs (scaled);
  if (scaled >= 100 || scaled == 0)
    return 0;
  if (scaled >= 1)
    return 1;
  return 2;
}

/**
 * sales_chart_format_compact:
 * @value: a finite number
 * @style: (nullable): separators; %NULL for the current locale
 *
 * Returns: (transfer full): @value in at most about three significant
 *   digits with a k, M or B suffix: "950", "1.2k", "12.3k", "3.4M"
 */
char *
sales_chart_format_compact (double                  value,
                            const SalesNumberStyle *style)
{
  SalesNumberStyle storage;
  GString *out;
  guint m = G_N_ELEMENTS (magnitudes) - 1;
  double scaled;
  guint decimals;

  style = resolve_style (style, &storage);

  for (guint i = 0; i < G_N_ELEMENTS (magnitudes); i++)
    if (fabs (value) >= magnitudes[i].divisor)
      {
        m = i;
        break;
      }

  /* 999,960 rounds to "1000k": move up a magnitude instead. */
  scaled = value / magnitudes[m].divisor;
  decimals = compact_decimals (scaled);
  if (m > 0 && fabs (round (scaled * pow (10, decimals))) >=
      1000 * pow (10, decimals))
    {
      m--;
      scaled = value / magnitudes[m].divisor;
      decimals = compact_decimals (scaled);
    }

  out = string_take (sales_chart_format_number (scaled, decimals, style));
  trim_zeros (out, style->decimal);
  if (*magnitudes[m].suffix != '\0')
    g_string_append (out, _(magnitudes[m].suffix));

  return g_string_free (out, FALSE);
}

/* Puts the currency symbol before the number, after any minus sign:
 * "−$1.2k"; a code that has no symbol is separated by a space.
 */
static char *
with_currency (char       *number,
               const char *currency)
{
  const char *symbol = sales_chart_currency_symbol (currency);
  gboolean negative = g_str_has_prefix (number, MINUS);
  const char *digits = negative ? number + strlen (MINUS) : number;
  const char *space = g_utf8_strlen (symbol, -1) > 1 ? " " : "";
  char *text;

  text = g_strconcat (negative ? MINUS : "", symbol, space, digits, NULL);
  g_free (number);
  return text;
}

static char *
with_suffix (char       *number,
             const char *suffix)
{
  char *text = g_strconcat (number, suffix, NULL);

  g_free (number);
  return text;
}

static char *
full_number (double                  value,
             guint                   decimals,
             const SalesNumberStyle *style)
{
  GString *out = string_take (sales_chart_format_number (value, decimals,
                                                         style));

  trim_zeros (out, style->decimal);
  return g_string_free (out, FALSE);
}

/* Whole amounts for large money values, cents for small ones. */
static guint
money_decimals (double value)
{
  return fabs (value) >= 100 ? 0 : 2;
}

static char *
format_duration (char       *number,
                 double      value,
                 gboolean    compact,
                 gboolean    days)
{
  gulong n = fabs (value) == 1 ? 1 : 2;
  char *text;

  if (compact)
    /* Translators: compact durations, "12.5d" and "4.2h". */
    return with_suffix (number, days ? _("d") : _("h"));

  text = days ? g_strdup_printf (ngettext ("%s day", "%s days", n), number)
              : g_strdup_printf (ngettext ("%s hour", "%s hours", n), number);
  g_free (number);
  return text;
}

/* Dresses a formatted number in its unit; takes @number over. */
static char *
with_unit (char          *number,
           double         value,
           SalesChartUnit unit,
           const char    *currency,
           gboolean       compact)
{
  switch (unit)
    {
    case SALES_CHART_UNIT_MONEY:
      return with_currency (number, currency);
    case SALES_CHART_UNIT_PERCENT:
      return with_suffix (number, "%");
    case SALES_CHART_UNIT_DAYS:
    case SALES_CHART_UNIT_HOURS:
      return format_duration (number, value, compact,
                              unit == SALES_CHART_UNIT_DAYS);
    case SALES_CHART_UNIT_RATIO:
      return with_suffix (number, "×");
    case SALES_CHART_UNIT_NUMBER:
    default:
      return number;
    }
}

/**
 * sales_chart_format_value:
 * @value: a finite number
 * @unit: what @value measures
 * @currency: (nullable): the ISO 4217 code for %SALES_CHART_UNIT_MONEY
 * @compact: %TRUE for the short form of axes and labels ("$1.2k"),
 *   %FALSE for the full form of tooltips and headlines ("$1,234")
 * @style: (nullable): separators; %NULL for the current locale
 *
 * Returns: (transfer full): the text to show
 */
char *
sales_chart_format_value (double                  value,
                          SalesChartUnit          unit,
                          const char             *currency,
                          gboolean                compact,
                          const SalesNumberStyle *style)
{
  SalesNumberStyle storage;
  char *number;

  style = resolve_style (style, &storage);

  if (compact)
    number = unit == SALES_CHART_UNIT_PERCENT && fabs (value) < 1000
             ? sales_chart_format_number (value, 1, style)
             : sales_chart_format_compact (value, style);
  else if (unit == SALES_CHART_UNIT_MONEY)
    number = sales_chart_format_number (value, money_decimals (value), style);
  else if (unit == SALES_CHART_UNIT_RATIO)
    number = sales_chart_format_number (value, 2, style);
  else if (unit == SALES_CHART_UNIT_PERCENT)
    number = sales_chart_format_number (value, 1, style);
  else
    number = full_number (value, fabs (value) >= 1000 ? 0 : 1, style);

  return with_unit (number, value, unit, currency, compact);
}

/* The magnitude every tick of an axis shares, from its largest tick. */
static const Magnitude *
axis_magnitude (double largest)
{
  for (guint i = 0; i < G_N_ELEMENTS (magnitudes); i++)
    if (fabs (largest) >= magnitudes[i].divisor)
      return &magnitudes[i];

  return &magnitudes[G_N_ELEMENTS (magnitudes) - 1];
}

/**
 * sales_chart_format_tick:
 * @value: the tick
 * @step: the distance between ticks, > 0
 * @largest: the largest absolute tick of the axis
 * @unit: what the axis measures
 * @currency: (nullable): for money axes
 * @style: (nullable): separators; %NULL for the current locale
 *
 * Every tick of an axis uses the same magnitude (k, M) and enough decimals
 * to tell neighbours apart: 0, 2.5k, 5k, 7.5k.
 *
 * Returns: (transfer full): the label
 */
char *
sales_chart_format_tick (double                  value,
                         double                  step,
                         double                  largest,
                         SalesChartUnit          unit,
                         const char             *currency,
                         const SalesNumberStyle *style)
{
  SalesNumberStyle storage;
  const Magnitude *m = axis_magnitude (largest);
  double scaled_step = step / m->divisor;
  guint decimals = 0;
  char *number;

  g_return_val_if_fail (step > 0, NULL);
  style = resolve_style (style, &storage);

  if (unit == SALES_CHART_UNIT_PERCENT)
    m = &magnitudes[G_N_ELEMENTS (magnitudes) - 1], scaled_step = step;
  while (decimals < 6 && scaled_step * pow (10, decimals) -
         floor (scaled_step * pow (10, decimals) + 1e-9) > 1e-6)
    decimals++;

  number = full_number (value / m->divisor, decimals, style);
  if (*m->suffix != '\0' && value != 0)
    number = with_suffix (number, _(m->suffix));

  return with_unit (number, value, unit, currency, TRUE);
}

/**
 * sales_chart_format_change:
 * @value: the value for the period
 * @previous: the value for the comparison period
 * @unit: what both measure
 * @style: (nullable): separators; %NULL for the current locale
 *
 * Percentages change by points ("+3.2 pp"), everything else by a relative
 * change ("+12.5%").
 *
 * Returns: (transfer full) (nullable): the signed change, or %NULL when a
 *   relative change is undefined because @previous is 0
 */
char *
sales_chart_format_change (double                  value,
                           double                  previous,
                           SalesChartUnit          unit,
                           const SalesNumberStyle *style)
{
  SalesNumberStyle storage;
  g_autofree char *number = NULL;
  double change;

  style = resolve_style (style, &storage);

  if (unit == SALES_CHART_UNIT_PERCENT)
    change = value - previous;
  else if (previous != 0)
    change = 100 * (value - previous) / fabs (previous);
  else
    return NULL;

  number = sales_chart_format_number (change, 1, style);
  if (unit == SALES_CHART_UNIT_PERCENT)
    /* Translators: a change in percentage points. */
    return g_strdup_printf (_("%s%s pp"), change > 0 ? "+" : "", number);

  return g_strdup_printf ("%s%s%%", change > 0 ? "+" : "", number);
}

/**
 * sales_chart_format_date:
 * @date: a valid date
 * @unit: the granularity to show
 * @with_year: %TRUE to add the year (first label, or a new year)
 *
 * Returns: (transfer full): "6 Jan", "Jan", "Jan 2025", "Q1 2025", "2025",
 *   with month names from the LC_TIME locale
 */
char *
sales_chart_format_date (const GDate        *date,
                         SalesChartDateUnit  unit,
                         gboolean            with_year)
{
  char buffer[64] = "";
  const char *format;
  guint quarter;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  switch (unit)
    {
    case SALES_CHART_DATE_QUARTER:
      quarter = (g_date_get_month (date) - 1) / 3 + 1;
      if (with_year)
        /* Translators: a quarter and its year, "Q1 2025". */
        return g_strdup_printf (_("Q%u %u"), quarter,
                                (guint)g_date_get_year (date));
      /* Translators: a quarter, "Q1". */
      return g_strdup_printf (_("Q%u"), quarter);
    case SALES_CHART_DATE_YEAR:
      return g_strdup_printf ("%u", (guint)g_date_get_year (date));
    case SALES_CHART_DATE_MONTH:
      /* Translators: strftime formats of month labels, "Jan 2025", "Jan". */
      format = with_year ? _("%b %Y") : _("%b");
      break;
    case SALES_CHART_DATE_DAY:
    case SALES_CHART_DATE_WEEK:
    default:
      /* Translators: strftime formats of day labels, "6 Jan 2025", "6 Jan". */
      format = with_year ? _("%-d %b %Y") : _("%-d %b");
      break;
    }

  g_date_strftime (buffer, sizeof buffer, format, date);
  return g_strdup (buffer);
}
