/* sales-cell-value.c: cell values shown and typed as text
 *
 * Money is shown and typed as "1,234.50" (major units, a comma between
 * thousands, a point before the cents) and stored as integer minor units,
 * converted with integers only so no cent is ever lost to rounding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-cell"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sales-cell-value.h"
#include "sales-error.h"

static const char *const outcome_choices[] = { "open", "won", "lost", NULL };
static const char *const category_choices[] = { "marketing", "sales", "other",
                                                NULL };

/**
 * sales_cell_value_choices:
 * @field: a field
 *
 * Returns: (nullable): the values a drop-down offers for @field, or %NULL
 *   when it is typed freely
 */
const char *const *
sales_cell_value_choices (const SalesField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->type == SALES_FIELD_OUTCOME)
    return outcome_choices;
  if (field->type == SALES_FIELD_CATEGORY)
    return category_choices;

  return NULL;
}

static char *
format_money (gint64 minor_units)
{
  guint64 magnitude = minor_units < 0 ? -(guint64)minor_units
                                      : (guint64)minor_units;
  g_autofree char *digits = g_strdup_printf ("%" PRIu64,
                                             magnitude / 100);
  GString *text = g_string_new (minor_units < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append_printf (text, ".%02u", (guint)(magnitude % 100));

  return g_string_free (text, FALSE);
}

/**
 * sales_cell_value_format:
 * @field: (nullable): the field, %NULL for the "extra" JSON column
 * @value: (nullable): a stored value
 *
 * Returns: (transfer full): the text a cell shows; "" when empty
 */
char *
sales_cell_value_format (const SalesField *field,
                         GVariant         *value)
{
  if (value == NULL)
    return g_strdup ("");

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      gint64 n = g_variant_get_int64 (value);

      if (field != NULL && field->type == SALES_FIELD_MONEY)
        return format_money (n);
      return g_strdup_printf ("%" PRId64, n);
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_strdup_printf ("%g", g_variant_get_double (value));

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup (g_variant_get_string (value, NULL));

  return g_variant_print (value, FALSE);
}

static gboolean
take_digits (const char **p,
             guint64     *number,
             guint       *n_digits)
{
  while (g_ascii_isdigit (**p))
    {
      if (*number > (G_MAXINT64 / 1000))
        return FALSE;
      *number = *number * 10 + (guint64)(**p - '0');
      (*n_digits)++;
      (*p)++;
    }

  return TRUE;
}

/* Splits "1,234.50" into whole and cents; a comma followed by one or two
 * digits at the end is read as a decimal comma ("12,5").
 */
static gboolean
parse_magnitude (const char *s,
                 guint64    *minor_units)
{
  g_autofree char *plain = g_strdup (s);
  char *decimal = NULL;
  guint64 whole = 0, cents = 0;
  guint n_digits = 0, n_cents = 0;
  const char *p;
  char *last_comma = strrchr (plain, ',');

  if (strchr (plain, '.') == NULL && last_comma != NULL &&
      strlen (last_comma + 1) >= 1 && strlen (last_comma + 1) <= 2)
    *last_comma = '.';

  decimal = strchr (plain, '.');
  if (decimal != NULL)
    *decimal = '\0';

  for (p = plain; *p != '\0'; p++)
    {
      if (*p == ',')
        continue;
      if (!take_digits (&p, &whole, &n_digits))
        return FALSE;
      if (*p != ',')
        break;
    }
  if (*p != '\0' || n_digits == 0)
    return FALSE;

  if (decimal != NULL)
    {
      p = decimal + 1;
      if (!take_digits (&p, &cents, &n_cents) || *p != '\0' || n_cents > 2)
        return FALSE;
      if (n_cents == 1)
        cents *= 10;
    }

  *minor_units = whole * 100 + cents;
  return TRUE;
}

/**
 * sales_cell_value_parse_money:
 * @text: an amount as typed: "1,234.50", "-12", "(40.00)", "$ 7.5"
 * @minor_units: (out): the amount in minor units
 *
 * Returns: %TRUE when @text is an amount
 */
gboolean
sales_cell_value_parse_money (const char *text,
                              gint64     *minor_units)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  gboolean negative = FALSE;
  guint64 magnitude;
  char *p = s;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  len = strlen (p);
  if (len > 1 && p[0] == '(' && p[len - 1] == ')')
    {
      negative = TRUE;
      p[len - 1] = '\0';
      p++;
    }
  if (*p == '-')
    {
      negative = !negative;
      p++;
    }

  /* A currency sign or code before or after the digits is ignored. */
  while (*p != '\0' && !g_ascii_isdigit (*p) && *p != '.' && *p != ',')
    p++;
  len = strlen (p);
  while (len > 0 && !g_ascii_isdigit (p[len - 1]))
    p[--len] = '\0';

  if (!parse_magnitude (p, &magnitude))
    return FALSE;

  *minor_units = negative ? -(gint64)magnitude : (gint64)magnitude;
  return TRUE;
}

static gboolean
parse_number (const char *text,
              double     *number)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  gsize len = strlen (s);
  gboolean percent = len > 0 && s[len - 1] == '%';
  char *end = NULL;

  if (percent)
    s[len - 1] = '\0';

  *number = g_ascii_strtod (s, &end);
  if (end == s || *g_strstrip (end) != '\0')
    return FALSE;

  if (percent)
    *number /= 100.0;
  return TRUE;
}

/**
 * sales_cell_value_parse:
 * @field: the field edited
 * @text: what the user typed
 * @value: (out) (transfer full) (nullable): the value to store; %NULL for
 *   an empty cell
 * @error: return location for a #GError
 *
 * Converts typed text to the stored type of @field. Dates, outcomes and
 * the rest are checked afterwards by sales_workspace_validate_value().
 *
 * Returns: %TRUE on success; %FALSE with %SALES_ERROR_INVALID saying how
 *   to write the value
 */
gboolean
sales_cell_value_parse (const SalesField  *field,
                        const char        *text,
                        GVariant         **value,
                        GError           **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 money;
  double number;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  if (*trimmed == '\0')
    return TRUE;

  switch (field->type)
    {
    case SALES_FIELD_MONEY:
      if (!sales_cell_value_parse_money (trimmed, &money))
        {
          g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                       _("“%s” is not an amount; write it like 1,234.50"),
                       trimmed);
          return FALSE;
        }
      *value = g_variant_ref_sink (g_variant_new_int64 (money));
      return TRUE;

    case SALES_FIELD_NUMBER:
      if (!parse_number (trimmed, &number))
        {
          g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                       _("“%s” is not a number; write it like 0.25 or 25%%"),
                       trimmed);
          return FALSE;
        }
      *value = g_variant_ref_sink (g_variant_new_double (number));
      return TRUE;

    case SALES_FIELD_TEXT:
    case SALES_FIELD_DATE:
    case SALES_FIELD_OUTCOME:
    case SALES_FIELD_CATEGORY:
    case SALES_FIELD_REF:
    default:
      *value = g_variant_ref_sink (g_variant_new_string (trimmed));
      return TRUE;
    }
}
