/* sales-convert.c: one cell to the value its field stores
 *
 * Decisions, shown to the user in the import review:
 * - empty cells are NULL;
 * - an outcome is open, won or lost; a stage becomes an outcome as
 *   shared/KPIS.md says (Closed Won, Won, closedwon -> won; Closed Lost,
 *   Lost, closedlost -> lost; anything else open);
 * - expense categories are matched case-insensitively against the
 *   synonyms below; a category that is neither marketing nor sales is
 *   kept as written (shown, not counted by the spend KPIs). "Travel" on
 *   its own stays as written: it is not always a sales cost;
 * - a number written with a percent sign is a fraction ("40%" is 0.4);
 *   a bare number is kept as written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-column-evidence.h"
#include "sales-convert.h"

typedef struct
{
  const char *text;       /* lower case, words separated by one space */
  const char *category;
} CategorySynonym;

static const CategorySynonym category_synonyms[] = {
  { "marketing", "marketing" },
  { "mktg", "marketing" },
  { "advertising", "marketing" },
  { "advertisement", "marketing" },
  { "ads", "marketing" },
  { "ad spend", "marketing" },
  { "paid ads", "marketing" },
  { "paid media", "marketing" },
  { "paid search", "marketing" },
  { "paid social", "marketing" },
  { "ppc", "marketing" },
  { "sem", "marketing" },
  { "seo", "marketing" },
  { "lead generation", "marketing" },
  { "lead gen", "marketing" },
  { "demand generation", "marketing" },
  { "demand gen", "marketing" },
  { "campaigns", "marketing" },
  { "events", "marketing" },
  { "trade shows", "marketing" },
  { "sponsorship", "marketing" },
  { "content marketing", "marketing" },
  { "digital marketing", "marketing" },
  { "email marketing", "marketing" },
  { "social media", "marketing" },
  { "public relations", "marketing" },
  { "sales", "sales" },
  { "sales commissions", "sales" },
  { "sales commission", "sales" },
  { "commissions", "sales" },
  { "commission", "sales" },
  { "sales salaries", "sales" },
  { "sales payroll", "sales" },
  { "sales team", "sales" },
  { "sales travel", "sales" },
  { "sales tools", "sales" },
  { "sales software", "sales" },
  { "sales training", "sales" },
  { "sales bonuses", "sales" },
};

/* Lower case, runs of anything but letters and digits as one space. */
static void
normalize_words (const char *text,
                 char       *out,
                 gsize       size)
{
  gsize len = 0;
  gboolean space = FALSE;

  for (const char *p = text; *p && len + 2 < size; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && len > 0)
            out[len++] = ' ';
          out[len++] = g_ascii_tolower (*p);
          space = FALSE;
        }
      else
        space = TRUE;
    }

  out[len] = '\0';
}

/* Lower case letters and digits only: "Closed Won" is "closedwon". */
static void
squeeze (const char *text,
         char       *out,
         gsize       size)
{
  gsize len = 0;

  for (const char *p = text; *p && len + 1 < size; p++)
    if (g_ascii_isalnum (*p))
      out[len++] = g_ascii_tolower (*p);

  out[len] = '\0';
}

/**
 * sales_outcome_from_stage:
 * @stage: a stage as the CRM wrote it
 *
 * Returns: "won" for Closed Won, Won or closedwon; "lost" for Closed
 *   Lost, Lost or closedlost; "open" for anything else
 */
const char *
sales_outcome_from_stage (const char *stage)
{
  char key[32];

  g_return_val_if_fail (stage != NULL, "open");

  squeeze (stage, key, sizeof key);
  if (g_str_equal (key, "won") || g_str_equal (key, "closedwon"))
    return "won";
  if (g_str_equal (key, "lost") || g_str_equal (key, "closedlost"))
    return "lost";

  return "open";
}

/**
 * sales_outcome_parse:
 * @text: an explicit status such as "Won" or "open"
 * @outcome: (out): "open", "won" or "lost"
 *
 * Returns: %TRUE when @text names an outcome; a stage name that is not
 *   an outcome (for example "Negotiation") is refused here
 */
gboolean
sales_outcome_parse (const char  *text,
                     const char **outcome)
{
  char key[32];

  g_return_val_if_fail (text != NULL, FALSE);

  squeeze (text, key, sizeof key);
  if (g_str_equal (key, "open"))
    {
      *outcome = "open";
      return TRUE;
    }

  *outcome = sales_outcome_from_stage (text);
  return !g_str_equal (*outcome, "open");
}

/**
 * sales_category_normalize:
 * @text: an expense category as written
 *
 * Returns: (nullable): "marketing" or "sales" when @text is one of their
 *   synonyms (case, spaces and punctuation ignored), %NULL otherwise
 */
const char *
sales_category_normalize (const char *text)
{
  char key[64];

  g_return_val_if_fail (text != NULL, NULL);

  normalize_words (text, key, sizeof key);
  for (guint i = 0; i < G_N_ELEMENTS (category_synonyms); i++)
    if (g_str_equal (key, category_synonyms[i].text))
      return category_synonyms[i].category;

  return NULL;
}

/**
 * sales_boolean_parse:
 * @text: a cell
 * @value: (out): the truth value
 *
 * Returns: %TRUE for true, false, yes and no in any case
 */
gboolean
sales_boolean_parse (const char *text,
                     gboolean   *value)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "true") == 0 ||
      g_ascii_strcasecmp (text, "yes") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0 ||
           g_ascii_strcasecmp (text, "no") == 0)
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

static gboolean
fail (char       **reason,
      const char  *message)
{
  if (reason != NULL)
    *reason = g_strdup (message);

  return FALSE;
}

/* The cell is also evidence about its column, when the caller keeps it. */
typedef struct
{
  SalesColumnEvidence *evidence;
  guint64              line;
} Witness;

static gboolean
convert_date (const char              *text,
              const SalesColumnFormat *format,
              const Witness           *witness,
              SalesValue              *value,
              char                   **reason)
{
  SalesDateParts parts;

  if (!sales_date_parse (text, &parts))
    return fail (reason, _("not a date: write it as 2025-03-07, 3/7/2025, "
                           "Mar 7, 2025 or 7 Mar 2025"));
  if (witness->evidence != NULL)
    sales_column_evidence_add_date (witness->evidence, &parts, text,
                                    witness->line);

  if (!sales_date_resolve (&parts, format->date_order, value->buf, reason))
    return FALSE;

  value->kind = SALES_VALUE_TEXT;
  value->text = value->buf;
  return TRUE;
}

/* Parses a number cell and counts what it proves about its column. */
static gboolean
parse_number (const char       *text,
              const Witness    *witness,
              SalesNumberParts *parts)
{
  if (!sales_number_parse (text, parts))
    return FALSE;

  if (witness->evidence != NULL)
    sales_column_evidence_add_number (witness->evidence, parts, text,
                                      witness->line);
  return TRUE;
}

static gboolean
convert_money (const char              *text,
               const SalesColumnFormat *format,
               const Witness           *witness,
               SalesValue              *value,
               char                   **reason)
{
  SalesNumberParts parts;

  if (!parse_number (text, witness, &parts))
    return fail (reason, _("not an amount: write it as 1234.50, $1,234.50 "
                           "or 1.234,50 €"));

  value->kind = SALES_VALUE_INT;
  return sales_number_to_minor (&parts, format->decimal_mark, &value->i,
                                reason);
}

static gboolean
convert_number (const char              *text,
                const SalesColumnFormat *format,
                const Witness           *witness,
                SalesValue              *value,
                char                   **reason)
{
  SalesNumberParts parts;

  if (!parse_number (text, witness, &parts))
    return fail (reason, _("not a number: write it as 0.4, 40% or 0,4"));

  value->kind = SALES_VALUE_DOUBLE;
  return sales_number_to_double (&parts, format->decimal_mark, &value->d,
                                 reason);
}

static gboolean
convert_outcome (const char  *text,
                 SalesValue  *value,
                 char       **reason)
{
  if (!sales_outcome_parse (text, &value->text))
    return fail (reason, _("not an outcome: use open, won or lost"));

  value->kind = SALES_VALUE_TEXT;
  return TRUE;
}

static void
convert_category (const char *text,
                  SalesValue *value)
{
  const char *category = sales_category_normalize (text);

  value->kind = SALES_VALUE_TEXT;
  value->text = category != NULL ? category : text;
}

/**
 * sales_convert_cell:
 * @type: the field's type
 * @text: the cell, UTF-8
 * @format: the column's date order and decimal mark
 * @evidence: (nullable): the column's evidence, fed with what the cell
 *   proves about its date order or decimal mark
 * @line: where the cell is, for @evidence
 * @value: (out): the value; its text points into @text or @value->buf
 * @reason: (out) (optional): on failure, why, for the rejected row
 *
 * Converts one cell. An empty cell is %SALES_VALUE_NULL for every type.
 *
 * Returns: %TRUE on success; %FALSE with @reason set when @text cannot be
 *   a value of @type
 */
gboolean
sales_convert_cell (SalesFieldType            type,
                    const char               *text,
                    const SalesColumnFormat  *format,
                    SalesColumnEvidence      *evidence,
                    guint64                   line,
                    SalesValue               *value,
                    char                    **reason)
{
  Witness witness = { evidence, line };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  value->kind = SALES_VALUE_NULL;
  value->text = NULL;
  if (*text == '\0')
    return TRUE;

  switch (type)
    {
    case SALES_FIELD_DATE:
      return convert_date (text, format, &witness, value, reason);
    case SALES_FIELD_MONEY:
      return convert_money (text, format, &witness, value, reason);
    case SALES_FIELD_NUMBER:
      return convert_number (text, format, &witness, value, reason);
    case SALES_FIELD_OUTCOME:
      return convert_outcome (text, value, reason);
    case SALES_FIELD_CATEGORY:
      convert_category (text, value);
      return TRUE;
    case SALES_FIELD_TEXT:
    case SALES_FIELD_REF:
    default:
      value->kind = SALES_VALUE_TEXT;
      value->text = text;
      return TRUE;
    }
}

/**
 * sales_convert_value:
 * @type: the field's type
 * @text: the cell, UTF-8
 * @format: the column's date order and decimal mark
 * @value: (out): the value
 * @reason: (out) (optional): on failure, why
 *
 * sales_convert_cell() without evidence.
 *
 * Returns: %TRUE on success
 */
gboolean
sales_convert_value (SalesFieldType            type,
                     const char               *text,
                     const SalesColumnFormat  *format,
                     SalesValue               *value,
                     char                    **reason)
{
  return sales_convert_cell (type, text, format, NULL, 0, value, reason);
}
