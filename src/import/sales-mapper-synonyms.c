/* sales-mapper-synonyms.c: header names of common exports, per field
 *
 * Headers are compared after normalising (lower case, camelCase split,
 * punctuation as spaces), so "Close Date", "close_date" and "closeDate"
 * are one entry. A header that matches nothing is tried again without a
 * leading object word, as Pipedrive writes "Deal - Won time".
 *
 * Sources of the names: Salesforce reports (Opportunity Owner, Close
 * Date, Lead Source), HubSpot exports (Deal owner, Create Date, Record
 * ID, Deal Stage), Pipedrive (Deal - Owner, Won time, Deal - Value), Zoho
 * (Deal Owner, Closing Date, Created Time) and hand-made sheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sales-mapper-private.h"

enum
{
  LEADS         = 1 << 0,
  OPPORTUNITIES = 1 << 1,
  CUSTOMERS     = 1 << 2,
  PURCHASES     = 1 << 3,
  EXPENSES      = 1 << 4,
  FORECASTS     = 1 << 5,
  ALL           = 0x3f,
};

#define LEAD_IDS "lead id|mql id|lead|lead number|prospect id|contact id"
#define CUSTOMER_IDS "customer id|account id|client id|company id|" \
                     "customer number|account number"

/* Earlier entries win: ids first, then fields. Strength weighs the entry
 * when guessing the table: 3 for a table's own id and fields only that
 * table has, 1 for fields many tables share, 0 for a bare "id".
 */
static const SalesSynonym synonyms[] = {
  { LEADS, "external_id", 3, LEAD_IDS },
  { OPPORTUNITIES | CUSTOMERS, "lead_ref", 1, LEAD_IDS },
  { OPPORTUNITIES, "external_id", 3,
    "opportunity id|opportunity|deal id|opp id|deal number|"
    "opportunity number" },
  { CUSTOMERS, "external_id", 3,
    CUSTOMER_IDS "|account|customer|client" },
  { OPPORTUNITIES | PURCHASES, "customer_ref", 1,
    CUSTOMER_IDS "|account|account name|customer|customer name|company|"
    "client|organization|organization name" },
  { PURCHASES, "external_id", 3,
    "purchase id|order id|invoice id|transaction id|order number|"
    "invoice number|purchase number|order|invoice" },
  { EXPENSES, "external_id", 3, "expense id|expense number|entry id" },
  { FORECASTS, "external_id", 3, "forecast id" },
  { ALL, "external_id", 0,
    "id|record id|external id|crm id|uuid|key|hs object id" },

  { LEADS, "name", 1,
    "name|full name|lead name|contact name|contact|person|person name" },
  { OPPORTUNITIES, "name", 1,
    "name|opportunity name|deal name|dealname|deal title|title|deal|"
    "subject" },
  { CUSTOMERS, "name", 1,
    "name|customer name|account name|company name|company|client name|"
    "organization|organization name" },
  { LEADS, "company", 2,
    "company|company name|account|account name|organization|organisation|"
    "organization name" },
  { LEADS, "email", 2, "email|e mail|email address|mail" },
  { LEADS | OPPORTUNITIES | FORECASTS, "owner", 1,
    "owner|opportunity owner|deal owner|lead owner|contact owner|"
    "account owner|owner name|sales rep|sales representative|rep|"
    "sales agent|agent|assigned to|salesperson|sales person|sales owner|"
    "hubspot owner|hubspot owner id|user|responsible|assigned user|"
    "forecast owner" },
  { LEADS | OPPORTUNITIES, "source", 1,
    "source|lead source|origin|lead origin|original source|deal source|"
    "source channel|utm source|channel|acquisition channel|"
    "marketing source|campaign source" },
  { LEADS, "status", 2, "status|lead status|stage|lead stage" },
  { OPPORTUNITIES, "outcome", 3,
    "outcome|status|deal status|result|opportunity status|won lost" },
  { OPPORTUNITIES, "stage", 3,
    "stage|deal stage|sales stage|pipeline stage|opportunity stage|"
    "dealstage|phase" },
  { OPPORTUNITIES, "amount", 1,
    "amount|deal value|value|close value|deal amount|opportunity amount|"
    "revenue|total|price|sale amount|deal size|contract value|arr" },
  { PURCHASES, "amount", 1,
    "amount|total|order total|revenue|price|value|order value|"
    "sale amount|purchase amount|total amount|invoice amount|net amount" },
  { EXPENSES, "amount", 1,
    "amount|cost|spend|spent|total|expense|expense amount|value" },
  { FORECASTS, "amount", 2,
    "amount|forecast|forecast amount|forecast value|target|quota|commit" },
  { OPPORTUNITIES, "currency", 2,
    "currency|currency code|deal currency|amount currency|"
    "opportunity currency" },
  { OPPORTUNITIES, "probability", 3,
    "probability|win probability|deal probability|probability percent|"
    "likelihood|confidence" },
  { LEADS | OPPORTUNITIES, "created_at", 1,
    "created|created at|created on|create date|created date|"
    "creation date|date created|createdate|created time|add time|"
    "deal created|lead created|engage date|engaged|engaged on|"
    "first contact|first contact date|date added|added on|entered at|"
    "open date|opened|opened on" },
  { LEADS, "first_response_at", 3,
    "first response|first response at|first response date|responded at|"
    "responded on|first reply|first reply at|first contacted|"
    "first touch date" },
  { LEADS, "converted_at", 3,
    "converted|converted at|converted on|converted date|conversion date|"
    "date converted" },
  { OPPORTUNITIES, "qualified_at", 3,
    "qualified|qualified at|qualified on|qualified date|"
    "qualification date|date qualified|sql date|"
    "became a sales qualified lead date" },
  { OPPORTUNITIES, "expected_close_at", 3,
    "expected close|expected close date|expected close at|"
    "estimated close date|forecast close date|target close date|close by" },
  { OPPORTUNITIES, "closed_at", 3,
    "closed|closed at|closed on|close date|closed date|closing date|"
    "date closed|close time|actual close date|won time|won date|won on|"
    "won at|lost time|lost date|deal closed|deal close date|close|"
    "closedate" },
  { CUSTOMERS, "region", 2,
    "region|territory|country|state|area|sales region|market" },
  { CUSTOMERS, "segment", 2,
    "segment|business segment|customer segment|industry|vertical|tier|"
    "customer type" },
  { CUSTOMERS, "acquired_at", 3,
    "acquired|acquired at|acquired on|acquisition date|customer since|"
    "became customer|became a customer date|become a customer date|"
    "first purchase|first purchase date|signup date|sign up date" },
  { PURCHASES, "purchased_at", 3,
    "date|purchased|purchased at|purchased on|purchase date|order date|"
    "invoice date|transaction date|payment date|sale date|paid at|"
    "paid on|order created" },
  { EXPENSES, "spent_on", 3,
    "date|spent on|spent at|expense date|transaction date|payment date|"
    "month|period|day|booked on|posting date" },
  { EXPENSES, "category", 3,
    "category|expense category|type|expense type|cost category|cost type|"
    "cost center|department" },
  { EXPENSES, "channel", 2,
    "channel|marketing channel|source|campaign|platform|medium" },
  { EXPENSES, "description", 2,
    "description|memo|note|notes|details|item|vendor|supplier|payee" },
  { FORECASTS, "period_start", 3,
    "period start|start|period|month|quarter|forecast period|start date|"
    "period begin|from" },
  { FORECASTS, "period_end", 3,
    "period end|end|end date|to|period finish" },
};

/* Words an export puts before a field's name: "Deal - Owner". */
static const char *const object_words[] = {
  "deal", "opportunity", "opp", "lead", "contact", "person",
  "organization", "organisation", "customer", "expense", "purchase",
  "forecast",
};

/* Currency codes an export appends to an amount's name. */
static const char *const unit_words[] = { "usd", "eur", "gbp", "percent" };

static gboolean
list_contains (const char *list,
               const char *key)
{
  gsize len = strlen (key);

  for (const char *p = list; p != NULL; p = strchr (p, '|'))
    {
      if (*p == '|')
        p++;
      if (strncmp (p, key, len) == 0 && (p[len] == '|' || p[len] == '\0'))
        return TRUE;
    }

  return FALSE;
}

static const SalesSynonym *
lookup_exact (guint       table_bit,
              const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      if ((synonyms[i].tables & table_bit) != 0 &&
          list_contains (synonyms[i].phrases, key))
        return &synonyms[i];
    }

  return NULL;
}

static const char *
strip_word (const char        *key,
            const char *const *words,
            guint              n_words,
            gboolean           leading)
{
  gsize len = strlen (key);

  for (guint i = 0; i < n_words; i++)
    {
      gsize wlen = strlen (words[i]);

      if (len <= wlen + 1)
        continue;
      if (leading && strncmp (key, words[i], wlen) == 0 && key[wlen] == ' ')
        return key + wlen + 1;
      if (!leading && key[len - wlen - 1] == ' ' &&
          strcmp (key + len - wlen, words[i]) == 0)
        return words[i];
    }

  return NULL;
}

/**
 * _sales_synonym_lookup:
 * @table_index: the table's index in sales_schema_tables()
 * @key: a normalised header
 *
 * Returns: (nullable): the entry @key matches for that table
 */
const SalesSynonym *
_sales_synonym_lookup (guint       table_index,
                       const char *key)
{
  guint bit = 1u << table_index;
  const SalesSynonym *found;
  const char *rest;
  const char *unit;

  if ((found = lookup_exact (bit, key)) != NULL)
    return found;

  rest = strip_word (key, object_words, G_N_ELEMENTS (object_words), TRUE);
  if (rest != NULL && (found = lookup_exact (bit, rest)) != NULL)
    return found;

  unit = strip_word (key, unit_words, G_N_ELEMENTS (unit_words), FALSE);
  if (unit != NULL)
    {
      g_autofree char *shorter = g_strndup (key, strlen (key) -
                                            strlen (unit) - 1);

      return _sales_synonym_lookup (table_index, shorter);
    }

  return NULL;
}
