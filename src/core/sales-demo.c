/* sales-demo.c: a deterministic demo workspace
 *
 * Fills the six record tables with two years of plausible sales data:
 * seasonal leads from several sources with response times, deals that
 * are won, lost or still open, customers with repeat purchases, monthly
 * marketing and sales spend and monthly forecasts per owner. Some rows
 * lack an owner, a source or a date the way CRM exports do, so that the
 * KPIs' inheritance and fallback rules have work to do.
 *
 * Everything comes from one seeded generator (never rand()), and dates
 * from fixed years, so the same seed and scale give the same rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sales-demo.h"
#include "sales-error.h"
#include "sales-limits.h"

#define N_DAYS     731        /* 2024 (a leap year) and 2025 */
#define N_MONTHS   24
#define DAY_SECONDS 86400
#define DATE_DAYS  1500       /* dates past the end, for open deals */

static const char *const owners[] = {
  "Avery Chen", "Bianca Rossi", "Carlos Díaz", "Dana Okafor",
  "Elif Yılmaz", "Farid Haddad",
};
static const double owner_weights[] = { 1.3, 1.1, 1.0, 0.9, 0.8, 0.6 };

static const char *const sources[] = {
  "Website", "Referral", "Events", "Paid search", "Partners",
};
static const double source_weights[] = { 1.6, 0.7, 0.6, 1.2, 0.5 };
static const double source_conversion[] = { 0.40, 0.62, 0.45, 0.30, 0.52 };
static const double source_budget[] = { 9000, 2500, 14000, 16000, 4000 };

/* Quiet summers and a strong last quarter. */
static const double month_weights[] = {
  0.85, 0.95, 1.05, 1.0, 1.0, 0.9, 0.75, 0.7, 1.0, 1.1, 1.2, 1.15,
};

static const char *const companies[] = {
  "Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay",
  "Stark Supply", "Wayne Freight", "Acme Tools", "Blue Harbor",
};
static const char *const regions[] = { "North", "South", "East", "West" };
static const char *const segments[] = { "SMB", "Mid-market", "Enterprise" };

typedef struct
{
  guint64       state;
  sqlite3      *db;
  guint         scale;
  sqlite3_stmt *leads;
  sqlite3_stmt *deals;
  sqlite3_stmt *customers;
  sqlite3_stmt *purchases;
  sqlite3_stmt *expenses;
  sqlite3_stmt *forecasts;
  double        day_cdf[N_DAYS];
  char          dates[DATE_DAYS][11];
  guint         n_leads;
  guint         n_deals;
  guint         n_customers;
  guint         n_purchases;
  gint64        won_cents[G_N_ELEMENTS (owners)][N_MONTHS];
  GArray       *customer_days;     /* acquisition day of C1, C2, … */
} Demo;

/* splitmix64: tiny, fast and the same on every platform. */
static guint64
next_u64 (Demo *demo)
{
  guint64 z = (demo->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double
uniform (Demo *demo)
{
  return (double)(next_u64 (demo) >> 11) / 9007199254740992.0;
}

static guint
below (Demo  *demo,
       guint  n)
{
  return (guint)(uniform (demo) * n);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return uniform (demo) < p;
}

static double
exponential (Demo   *demo,
             double  mean)
{
  return -mean * log (1.0 - uniform (demo));
}

static guint
weighted (Demo         *demo,
          const double *weights,
          guint         n)
{
  double total = 0.0, pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = uniform (demo) * total;
  for (guint i = 0; i + 1 < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  return n - 1;
}

/* Days are weighted by month, weekday and a steady growth. */
static void
init_calendar (Demo *demo)
{
  GDate date;
  double total = 0.0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2024);
  for (guint i = 0; i < DATE_DAYS; i++)
    {
      g_snprintf (demo->dates[i], sizeof demo->dates[i], "%04u-%02u-%02u",
                  g_date_get_year (&date), g_date_get_month (&date),
                  g_date_get_day (&date));
      if (i < N_DAYS)
        {
          gboolean weekend = g_date_get_weekday (&date) >= G_DATE_SATURDAY;

          total += month_weights[g_date_get_month (&date) - 1] *
                   (weekend ? 0.25 : 1.0) * (1.0 + 0.3 * i / N_DAYS);
          demo->day_cdf[i] = total;
        }
      g_date_add_days (&date, 1);
    }

  for (guint i = 0; i < N_DAYS; i++)
    demo->day_cdf[i] /= total;
}

static guint
random_day (Demo *demo)
{
  double pick = uniform (demo);
  guint low = 0, high = N_DAYS - 1;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (demo->day_cdf[mid] < pick)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* Seconds since 2024-01-01 00:00:00 during office hours of @day. */
static gint64
office_time (Demo  *demo,
             guint  day)
{
  return (gint64)day * DAY_SECONDS + 8 * 3600 + below (demo, 10 * 3600);
}

static gboolean
in_range (gint64 t)
{
  return t >= 0 && t < (gint64)N_DAYS * DAY_SECONDS;
}

static guint
month_of (Demo   *demo,
          gint64  t)
{
  const char *date = demo->dates[t / DAY_SECONDS];

  return (guint)((date[3] - '4') * 12 + (date[5] - '0') * 10 +
                 (date[6] - '0') - 1);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           column,
           Demo         *demo,
           gint64        t)
{
  char text[20];
  gint64 seconds = t % DAY_SECONDS;

  g_snprintf (text, sizeof text, "%s %02d:%02d:%02d",
              demo->dates[t / DAY_SECONDS], (int)(seconds / 3600),
              (int)(seconds / 60 % 60), (int)(seconds % 60));
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static void
bind_day (sqlite3_stmt *stmt,
          int           column,
          Demo         *demo,
          gint64        t)
{
  sqlite3_bind_text (stmt, column, demo->dates[t / DAY_SECONDS], -1,
                     SQLITE_STATIC);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         char          prefix,
         guint         number)
{
  char text[16];

  g_snprintf (text, sizeof text, "%c%u", prefix, number);
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static gboolean
step (Demo          *demo,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not write the demo data: %s"),
               sqlite3_errmsg (demo->db));
  return FALSE;
}

/* A deal's value: log-normal around a median of 9,000 major units. */
static gint64
deal_cents (Demo *demo)
{
  double u1 = 1.0 - uniform (demo), u2 = uniform (demo);
  double normal = sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);

  return (gint64)(900000.0 * exp (0.8 * normal)) / 100 * 100;
}

static gboolean
add_purchases (Demo     *demo,
               guint     customer,
               gint64    t,
               gint64    cents,
               GError  **error)
{
  gint64 next = t;

  /* The deal itself, then repeat orders at a smaller size. */
  for (guint i = 0; in_range (next); i++)
    {
      gint64 amount = i == 0 ? cents : (gint64)(cents * (0.1 + 0.3 *
                                                uniform (demo)));

      bind_id (demo->purchases, 1, 'P', ++demo->n_purchases);
      bind_id (demo->purchases, 2, 'C', customer);
      bind_time (demo->purchases, 3, demo, next);
      sqlite3_bind_int64 (demo->purchases, 4, amount);
      if (!step (demo, demo->purchases, error))
        return FALSE;
      next += (gint64)((20.0 + exponential (demo, 100.0)) * DAY_SECONDS);
    }

  return TRUE;
}

/* A won deal makes a new customer, or now and then sells again to one. */
static gboolean
add_customer (Demo        *demo,
              guint       *customer,
              const char  *lead_ref,
              gint64       closed,
              GError     **error)
{
  guint day = (guint)(closed / DAY_SECONDS);
  sqlite3_stmt *stmt = demo->customers;

  if (demo->customer_days->len > 20 && chance (demo, 0.15))
    {
      *customer = 1 + below (demo, demo->customer_days->len);
      if (g_array_index (demo->customer_days, guint, *customer - 1) < day)
        return TRUE;
    }

  g_array_append_val (demo->customer_days, day);
  *customer = ++demo->n_customers;
  bind_id (stmt, 1, 'C', *customer);
  sqlite3_bind_text (stmt, 2, companies[below (demo,
                                               G_N_ELEMENTS (companies))],
                     -1, SQLITE_STATIC);
  if (lead_ref != NULL)
    sqlite3_bind_text (stmt, 3, lead_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, regions[below (demo, G_N_ELEMENTS (regions))],
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, segments[below (demo,
                                              G_N_ELEMENTS (segments))],
                     -1, SQLITE_STATIC);
  /* Some CRMs leave the acquisition date to be derived. */
  if (chance (demo, 0.8))
    bind_day (stmt, 6, demo, closed);
  return step (demo, stmt, error);
}

typedef struct
{
  const char *lead_ref;
  guint       owner;
  guint       source;
  gboolean    keep_owner;
  gboolean    keep_source;
  gboolean    keep_created;
  gint64      created;
} DealSeed;

static const char *
deal_stage (gboolean qualified,
            double   progress)
{
  if (!qualified)
    return "Discovery";
  return progress < 0.5 ? "Proposal" : "Negotiation";
}

static void
bind_outcome (Demo         *demo,
              sqlite3_stmt *stmt,
              gboolean      qualified,
              gint64        closes,
              const char  **outcome)
{
  if (!in_range (closes))
    {
      *outcome = "open";
      sqlite3_bind_text (stmt, 7, deal_stage (qualified, uniform (demo)), -1,
                         SQLITE_STATIC);
      bind_day (stmt, 14, demo, closes);
      return;
    }

  *outcome = chance (demo, qualified ? 0.42 : 0.07) ? "won" : "lost";
  sqlite3_bind_text (stmt, 7, g_str_equal (*outcome, "won") ? "Closed Won"
                                                            : "Closed Lost",
                     -1, SQLITE_STATIC);
  bind_time (stmt, 15, demo, closes);
}

static gboolean
add_deal (Demo            *demo,
          const DealSeed  *seed,
          GError         **error)
{
  sqlite3_stmt *stmt = demo->deals;
  gboolean qualified = chance (demo, 0.72);
  gint64 cents = deal_cents (demo);
  gint64 closes = seed->created + (gint64)((6.0 + exponential (demo, 38.0)) *
                                           DAY_SECONDS);
  const char *outcome;
  guint customer = 0;

  bind_id (stmt, 1, 'O', ++demo->n_deals);
  sqlite3_bind_text (stmt, 2, companies[below (demo,
                                               G_N_ELEMENTS (companies))],
                     -1, SQLITE_STATIC);
  if (seed->lead_ref != NULL)
    sqlite3_bind_text (stmt, 3, seed->lead_ref, -1, SQLITE_TRANSIENT);
  if (seed->keep_owner)
    sqlite3_bind_text (stmt, 5, owners[seed->owner], -1, SQLITE_STATIC);
  if (seed->keep_source)
    sqlite3_bind_text (stmt, 6, sources[seed->source], -1, SQLITE_STATIC);
  bind_outcome (demo, stmt, qualified, closes, &outcome);
  sqlite3_bind_text (stmt, 8, outcome, -1, SQLITE_STATIC);
  if (!chance (demo, 0.01))
    sqlite3_bind_int64 (stmt, 9, cents);
  sqlite3_bind_text (stmt, 10, "USD", -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 11, g_str_equal (outcome, "won") ? 1.0 :
                       g_str_equal (outcome, "lost") ? 0.0 :
                       qualified ? 0.5 : 0.2);
  if (seed->keep_created)
    bind_time (stmt, 12, demo, seed->created);
  if (qualified)
    bind_day (stmt, 13, demo, seed->created + (gint64)(2 + below (demo, 9)) *
              DAY_SECONDS);

  if (g_str_equal (outcome, "won"))
    {
      if (!add_customer (demo, &customer, seed->lead_ref, closes, error))
        return FALSE;
      bind_id (stmt, 4, 'C', customer);
      demo->won_cents[seed->owner][month_of (demo, closes)] += cents;
    }

  return step (demo, stmt, error) &&
         (customer == 0 || !g_str_equal (outcome, "won") ||
          add_purchases (demo, customer, closes, cents, error));
}

static gboolean
add_lead (Demo    *demo,
          GError **error)
{
  sqlite3_stmt *stmt = demo->leads;
  guint owner = weighted (demo, owner_weights, G_N_ELEMENTS (owners));
  guint source = weighted (demo, source_weights, G_N_ELEMENTS (sources));
  gint64 created = office_time (demo, random_day (demo));
  gboolean converted = chance (demo, source_conversion[source]);
  gint64 answered = created + (gint64)(chance (demo, 0.35)
    ? 120 + below (demo, 3300)
    : 3600 + exponential (demo, 9.0 * 3600));
  char ref[16];
  DealSeed seed = { ref, owner, source, TRUE, TRUE, TRUE, 0 };

  g_snprintf (ref, sizeof ref, "L%u", ++demo->n_leads);
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, companies[below (demo,
                                               G_N_ELEMENTS (companies))],
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, owners[owner], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sources[source], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, converted ? "converted" : "working", -1,
                     SQLITE_STATIC);
  bind_time (stmt, 6, demo, created);
  if (chance (demo, 0.88) && in_range (answered))
    bind_time (stmt, 7, demo, answered);
  /* Some conversions show only as an opportunity referring to the lead. */
  seed.created = answered + (gint64)(1 + below (demo, 14)) * DAY_SECONDS;
  if (converted && chance (demo, 0.85) && in_range (seed.created))
    bind_day (stmt, 8, demo, seed.created);
  if (!step (demo, stmt, error))
    return FALSE;

  if (!converted || !in_range (seed.created))
    return TRUE;
  seed.keep_owner = chance (demo, 0.9);
  seed.keep_source = chance (demo, 0.88);
  seed.keep_created = chance (demo, 0.94);
  return add_deal (demo, &seed, error);
}

/* Deals a salesperson found without a lead: outbound and renewals. */
static gboolean
add_direct_deal (Demo    *demo,
                 GError **error)
{
  DealSeed seed = { NULL, 0, 0, TRUE, TRUE, TRUE, 0 };

  seed.owner = weighted (demo, owner_weights, G_N_ELEMENTS (owners));
  seed.source = weighted (demo, source_weights, G_N_ELEMENTS (sources));
  seed.created = office_time (demo, random_day (demo));
  return add_deal (demo, &seed, error);
}

static gint64
month_start (guint month)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, 1, 1, 2024);
  g_date_set_dmy (&b, 1, month % 12 + 1, 2024 + month / 12);
  return (gint64)g_date_days_between (&a, &b) * DAY_SECONDS;
}

static gboolean
add_expense (Demo        *demo,
             guint        month,
             const char  *category,
             const char  *channel,
             double       amount,
             GError     **error)
{
  sqlite3_stmt *stmt = demo->expenses;
  gint64 day = month_start (month) + 14 * DAY_SECONDS;
  char id[48];

  g_snprintf (id, sizeof id, "E%.7s-%s", demo->dates[day / DAY_SECONDS],
              channel != NULL ? channel : category);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  bind_day (stmt, 2, demo, day);
  sqlite3_bind_text (stmt, 3, category, -1, SQLITE_STATIC);
  if (channel != NULL)
    sqlite3_bind_text (stmt, 4, channel, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, (gint64)(amount * 100.0));
  sqlite3_bind_text (stmt, 6, channel != NULL ? "Campaigns and tools"
                                              : "Salaries and commissions",
                     -1, SQLITE_STATIC);
  return step (demo, stmt, error);
}

/* Spend scales with volume so that cost per lead stays realistic. */
static gboolean
add_spend (Demo    *demo,
           GError **error)
{
  for (guint month = 0; month < N_MONTHS; month++)
    {
      double season = month_weights[month % 12] * demo->scale;

      for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
        if (!add_expense (demo, month, "Marketing", sources[s],
                          source_budget[s] * season *
                          (0.85 + 0.3 * uniform (demo)), error))
          return FALSE;

      if (!add_expense (demo, month, "Sales", NULL, 38000.0 * demo->scale *
                        (0.95 + 0.1 * uniform (demo)), error) ||
          !add_expense (demo, month, "Office", NULL, 6000.0 * demo->scale,
                        error))
        return FALSE;
    }

  return TRUE;
}

/* Each owner forecasts each month, within about a fifth of the result. */
static gboolean
add_forecasts (Demo    *demo,
               GError **error)
{
  guint number = 0;

  for (guint owner = 0; owner < G_N_ELEMENTS (owners); owner++)
    for (guint month = 0; month < N_MONTHS; month++)
      {
        sqlite3_stmt *stmt = demo->forecasts;
        gint64 actual = demo->won_cents[owner][month];
        double factor = 0.8 + 0.4 * uniform (demo);

        bind_id (stmt, 1, 'F', ++number);
        bind_day (stmt, 2, demo, month_start (month));
        bind_day (stmt, 3, demo, month_start (month + 1) - DAY_SECONDS);
        sqlite3_bind_text (stmt, 4, owners[owner], -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 5, (gint64)(MAX (actual, 1000000) *
                                              factor) / 100 * 100);
        if (!step (demo, stmt, error))
          return FALSE;
      }

  return TRUE;
}

static const char *const insert_sql[] = {
  "INSERT INTO leads (external_id, company, owner, source, status,"
  " created_at, first_response_at, converted_at, name, email)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Contact ' || ?1,"
  " lower (?1) || '@example.com')",
  "INSERT INTO opportunities (external_id, name, lead_ref, customer_ref,"
  " owner, source, stage, outcome, amount, currency, probability,"
  " created_at, qualified_at, expected_close_at, closed_at)"
  " VALUES (?1, ?2 || ' ' || ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
  " ?12, ?13, ?14, ?15)",
  "INSERT INTO customers (external_id, name, lead_ref, region, segment,"
  " acquired_at) VALUES (?1, ?2 || ' ' || ?1, ?3, ?4, ?5, ?6)",
  "INSERT INTO purchases (external_id, customer_ref, purchased_at, amount)"
  " VALUES (?1, ?2, ?3, ?4)",
  "INSERT INTO expenses (external_id, spent_on, category, channel, amount,"
  " description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  "INSERT INTO forecasts (external_id, period_start, period_end, owner,"
  " amount) VALUES (?1, ?2, ?3, ?4, ?5)",
};

static gboolean
prepare_statements (Demo    *demo,
                    GError **error)
{
  sqlite3_stmt **stmts[] = { &demo->leads, &demo->deals, &demo->customers,
                             &demo->purchases, &demo->expenses,
                             &demo->forecasts };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    if (sqlite3_prepare_v2 (demo->db, insert_sql[i], -1, stmts[i], NULL) !=
        SQLITE_OK)
      {
        g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
                     _("Could not write the demo data: %s"),
                     sqlite3_errmsg (demo->db));
        return FALSE;
      }

  return TRUE;
}

static void
demo_clear (Demo *demo)
{
  sqlite3_finalize (demo->leads);
  sqlite3_finalize (demo->deals);
  sqlite3_finalize (demo->customers);
  sqlite3_finalize (demo->purchases);
  sqlite3_finalize (demo->expenses);
  sqlite3_finalize (demo->forecasts);
  g_clear_pointer (&demo->customer_days, g_array_unref);
}

static gboolean
fill (Demo    *demo,
      GError **error)
{
  guint leads = 2000 * demo->scale, direct = 1100 * demo->scale;

  /* Interleave leads and direct deals so ids follow time loosely. */
  for (guint i = 0; i < leads || i < direct; i++)
    {
      if (i < leads && !add_lead (demo, error))
        return FALSE;
      if (i < direct && !add_direct_deal (demo, error))
        return FALSE;
    }

  return add_spend (demo, error) && add_forecasts (demo, error);
}

static gboolean
is_empty (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean empty = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT NOT EXISTS (SELECT 1 FROM leads)"
                          " AND NOT EXISTS (SELECT 1 FROM opportunities)"
                          " AND NOT EXISTS (SELECT 1 FROM customers)"
                          " AND NOT EXISTS (SELECT 1 FROM purchases)"
                          " AND NOT EXISTS (SELECT 1 FROM expenses)"
                          " AND NOT EXISTS (SELECT 1 FROM forecasts)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return empty;
}

/* Secondary indexes make a bulk load several times slower: they are
 * dropped inside the transaction and rebuilt afterwards from their own
 * SQL, so the demo never changes the schema.
 */
static GPtrArray *
drop_indexes (sqlite3 *db)
{
  GPtrArray *creates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema"
                          " WHERE type = 'index' AND sql IS NOT NULL AND"
                          " tbl_name IN ('leads', 'opportunities',"
                          " 'customers', 'purchases', 'expenses',"
                          " 'forecasts')", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (drops, g_strdup_printf ("DROP INDEX \"%s\"",
          (const char *)sqlite3_column_text (stmt, 0)));
        g_ptr_array_add (creates, g_strdup ((const char *)
                                            sqlite3_column_text (stmt, 1)));
      }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < drops->len; i++)
    sqlite3_exec (db, g_ptr_array_index (drops, i), NULL, NULL, NULL);

  return creates;
}

static gboolean
exec_all (sqlite3    *db,
          GPtrArray  *sqls,
          GError    **error)
{
  for (guint i = 0; i < sqls->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (sqls, i), NULL, NULL, NULL) !=
        SQLITE_OK)
      {
        g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
                     _("Could not write the demo data: %s"),
                     sqlite3_errmsg (db));
        return FALSE;
      }

  return TRUE;
}

/**
 * sales_demo_fill:
 * @workspace: an open workspace whose record tables are all empty
 * @seed: the generator's seed; the same seed and scale give the same rows
 * @scale: volume multiplier, 1 to %SALES_DEMO_MAX_SCALE (1 is about 2,000
 *   leads and as many opportunities)
 * @error: return location for a #GError
 *
 * Fills the six record tables with two years (2024 and 2025) of demo
 * data in one transaction.
 *
 * Returns: %TRUE on success; %FALSE with %SALES_ERROR_INVALID when the
 *   workspace already holds records, %SALES_ERROR_LIMIT for a scale out
 *   of range, or %SALES_ERROR_SQL, leaving the workspace unchanged
 */
gboolean
sales_demo_fill (SalesWorkspace  *workspace,
                 guint64          seed,
                 guint            scale,
                 GError         **error)
{
  g_autoptr(GPtrArray) indexes = NULL;
  Demo *demo;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (scale < 1 || scale > SALES_DEMO_MAX_SCALE)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_LIMIT,
                   _("The demo scale must be between 1 and %d, not %u"),
                   SALES_DEMO_MAX_SCALE, scale);
      return FALSE;
    }

  demo = g_new0 (Demo, 1);
  demo->state = seed;
  demo->scale = scale;
  demo->db = sales_workspace_get_db (workspace);
  demo->customer_days = g_array_new (FALSE, FALSE, sizeof (guint));
  init_calendar (demo);

  if (!is_empty (demo->db))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s” already holds records; the demo fills only an "
                     "empty workspace"), sales_workspace_get_path (workspace));
      demo_clear (demo);
      g_free (demo);
      return FALSE;
    }

  ok = sales_workspace_begin (workspace, error);
  if (ok)
    {
      indexes = drop_indexes (demo->db);
      ok = prepare_statements (demo, error) && fill (demo, error) &&
           exec_all (demo->db, indexes, error);
      demo_clear (demo);
      ok = ok && sales_workspace_commit (workspace, error);
      if (!ok)
        sales_workspace_rollback (workspace);
    }

  g_free (demo);
  return ok;
}
