/* sales-column-evidence.c: deciding day/month order and decimal mark
 *
 * A date such as 31/01/2025 settles its column: 31 cannot be a month, so
 * the column is day first. When no value settles it, month first is
 * assumed for dates written with '/' or with AM/PM (as US exports write
 * them) and day first for '.' and '-', and the column is flagged. When
 * values prove both orders, the majority decides and the others are
 * rejected on import, each with its reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sales-column-evidence.h"

/**
 * sales_column_evidence_clear:
 * @self: evidence
 *
 * Frees what @self holds and empties it; it can be fed again.
 */
void
sales_column_evidence_clear (SalesColumnEvidence *self)
{
  g_return_if_fail (self != NULL);

  g_free (self->day_first.text);
  g_free (self->month_first.text);
  g_free (self->point.text);
  g_free (self->comma.text);
  memset (self, 0, sizeof *self);
}

static void
add_proof (SalesProof *proof,
           const char *text,
           guint64     line,
           int         number)
{
  if (proof->count++ > 0)
    return;

  proof->text = g_strdup (text);
  proof->line = line;
  proof->number = number;
}

/**
 * sales_column_evidence_add_date:
 * @self: evidence
 * @parts: a parsed date cell
 * @text: the cell, to quote it
 * @line: where the cell is
 *
 * Counts what @parts proves about the column's day/month order.
 */
void
sales_column_evidence_add_date (SalesColumnEvidence  *self,
                                const SalesDateParts *parts,
                                const char           *text,
                                guint64               line)
{
  g_return_if_fail (self != NULL && parts != NULL);

  self->n_dates++;
  self->meridiem |= parts->has_meridiem;
  if (parts->separator != 0 && self->separator == 0)
    self->separator = parts->separator;

  switch (parts->proof)
    {
    case SALES_DATE_PROOF_AMBIGUOUS:
      self->n_ambiguous_dates++;
      break;
    case SALES_DATE_PROOF_DAY_FIRST:
      add_proof (&self->day_first, text, line, parts->first);
      break;
    case SALES_DATE_PROOF_MONTH_FIRST:
      add_proof (&self->month_first, text, line, parts->second);
      break;
    case SALES_DATE_PROOF_NONE:
    default:
      break;
    }
}

/**
 * sales_column_evidence_add_number:
 * @self: evidence
 * @parts: a parsed number cell
 * @text: the cell, to quote it
 * @line: where the cell is
 *
 * Counts what @parts proves about the column's decimal mark.
 */
void
sales_column_evidence_add_number (SalesColumnEvidence    *self,
                                  const SalesNumberParts *parts,
                                  const char             *text,
                                  guint64                 line)
{
  g_return_if_fail (self != NULL && parts != NULL);

  switch (parts->proof)
    {
    case SALES_DECIMAL_PROOF_AMBIGUOUS:
      self->n_ambiguous_marks++;
      break;
    case SALES_DECIMAL_PROOF_POINT:
      add_proof (&self->point, text, line, 0);
      break;
    case SALES_DECIMAL_PROOF_COMMA:
      add_proof (&self->comma, text, line, 0);
      break;
    case SALES_DECIMAL_PROOF_NONE:
    default:
      break;
    }
}

static char *
explain_default (const SalesColumnEvidence *self,
                 SalesDateOrder             order)
{
  if (order == SALES_DATE_ORDER_MONTH_FIRST)
    return g_strdup_printf (ngettext ("ambiguous: no date has a number "
                                      "above 12 before the year (%"
                                      PRIu64 " value); read month "
                                      "first, as US exports write dates "
                                      "with “/” or AM/PM",
                                      "ambiguous: no date has a number "
                                      "above 12 before the year (%"
                                      PRIu64 " values); read "
                                      "month first, as US exports write "
                                      "dates with “/” or AM/PM",
                                      self->n_ambiguous_dates),
                            self->n_ambiguous_dates);

  return g_strdup_printf (ngettext ("ambiguous: no date has a number above "
                                    "12 before the year (%" PRIu64
                                    " value); read day first, as dates "
                                    "written with “.” or “-” usually are",
                                    "ambiguous: no date has a number above "
                                    "12 before the year (%" PRIu64
                                    " values); read day first, as dates "
                                    "written with “.” or “-” usually are",
                                    self->n_ambiguous_dates),
                          self->n_ambiguous_dates);
}

static char *
explain_proof (SalesDateOrder    order,
               const SalesProof *proof)
{
  if (order == SALES_DATE_ORDER_DAY_FIRST)
    return g_strdup_printf (_("day first: %s on line %" PRIu64
                              " has %d in the first position"),
                            proof->text, proof->line, proof->number);

  return g_strdup_printf (_("month first: %s on line %" PRIu64
                            " has %d in the second position"),
                          proof->text, proof->line, proof->number);
}

static char *
explain_mixed (const SalesColumnEvidence *self,
               SalesDateOrder             order)
{
  g_autofree char *day = explain_proof (SALES_DATE_ORDER_DAY_FIRST,
                                        &self->day_first);
  g_autofree char *month = explain_proof (SALES_DATE_ORDER_MONTH_FIRST,
                                          &self->month_first);

  return g_strdup_printf (_("mixed: %" PRIu64 " dates read day "
                            "first (%s) and %" PRIu64 " month "
                            "first (%s); the column is read %s and the "
                            "others are rejected"),
                          self->day_first.count, day,
                          self->month_first.count, month,
                          order == SALES_DATE_ORDER_DAY_FIRST ?
                          _("day first") : _("month first"));
}

/**
 * sales_column_evidence_date_order:
 * @self: evidence
 * @rule: (out) (optional): which rule decided
 * @explanation: (out) (optional) (transfer full): the rule as a sentence,
 *   %NULL when the column has no numeric day/month date
 *
 * Returns: the order the whole column is read in
 */
SalesDateOrder
sales_column_evidence_date_order (const SalesColumnEvidence  *self,
                                  SalesOrderRule             *rule,
                                  char                      **explanation)
{
  guint64 day = self->day_first.count;
  guint64 month = self->month_first.count;
  SalesOrderRule r;
  SalesDateOrder order;
  char *text;

  g_return_val_if_fail (self != NULL, SALES_DATE_ORDER_NONE);

  if (day == 0 && month == 0 && self->n_ambiguous_dates == 0)
    {
      r = SALES_ORDER_RULE_NONE;
      order = SALES_DATE_ORDER_NONE;
      text = NULL;
    }
  else if (day == 0 && month == 0)
    {
      r = SALES_ORDER_RULE_DEFAULT;
      order = self->separator == '/' || self->meridiem ?
              SALES_DATE_ORDER_MONTH_FIRST : SALES_DATE_ORDER_DAY_FIRST;
      text = explain_default (self, order);
    }
  else if (day == 0 || month == 0)
    {
      r = SALES_ORDER_RULE_PROVEN;
      order = day > 0 ? SALES_DATE_ORDER_DAY_FIRST
                      : SALES_DATE_ORDER_MONTH_FIRST;
      text = explain_proof (order, day > 0 ? &self->day_first
                                           : &self->month_first);
    }
  else
    {
      r = SALES_ORDER_RULE_MIXED;
      order = day > month ? SALES_DATE_ORDER_DAY_FIRST
                          : SALES_DATE_ORDER_MONTH_FIRST;
      text = explain_mixed (self, order);
    }

  if (rule != NULL)
    *rule = r;
  if (explanation != NULL)
    *explanation = text;
  else
    g_free (text);

  return order;
}

/**
 * sales_column_evidence_decimal_mark:
 * @self: evidence
 * @explanation: (out) (optional) (transfer full): why, or %NULL when no
 *   value had a mark
 *
 * Returns: the decimal mark of the column: the one its values prove (the
 *   majority when they disagree), else the point
 */
SalesDecimalMark
sales_column_evidence_decimal_mark (const SalesColumnEvidence  *self,
                                    char                      **explanation)
{
  const SalesProof *point = &self->point;
  const SalesProof *comma = &self->comma;
  SalesDecimalMark mark;
  char *text = NULL;

  g_return_val_if_fail (self != NULL, SALES_DECIMAL_NONE);

  if (point->count == 0 && comma->count == 0)
    {
      mark = self->n_ambiguous_marks > 0 ? SALES_DECIMAL_POINT
                                         : SALES_DECIMAL_NONE;
      if (mark != SALES_DECIMAL_NONE)
        text = g_strdup (_("decimal point assumed: no value shows its "
                           "decimal mark, so 1,234 reads as 1234"));
    }
  else if (comma->count > point->count)
    {
      mark = SALES_DECIMAL_COMMA;
      text = g_strdup_printf (_("decimal comma: %s on line %"
                                PRIu64), comma->text,
                              comma->line);
    }
  else
    {
      mark = SALES_DECIMAL_POINT;
      text = g_strdup_printf (_("decimal point: %s on line %"
                                PRIu64), point->text,
                              point->line);
    }

  if (explanation != NULL)
    *explanation = text;
  else
    g_free (text);

  return mark;
}

/**
 * sales_column_evidence_decide:
 * @self: evidence
 * @format: (out): the date order and decimal mark to read the column with
 */
void
sales_column_evidence_decide (const SalesColumnEvidence *self,
                              SalesColumnFormat         *format)
{
  g_return_if_fail (self != NULL && format != NULL);

  format->date_order = sales_column_evidence_date_order (self, NULL, NULL);
  format->decimal_mark = sales_column_evidence_decimal_mark (self, NULL);
}
