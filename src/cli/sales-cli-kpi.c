/* sales-cli-kpi.c: `salesops-cli kpi`, the twelve KPIs of a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "sales-cli.h"
#include "sales-kpi.h"
#include "sales-limits.h"

typedef struct
{
  char          *period;
  char          *from;
  char          *to;
  char          *owner;
  char          *source;
  char          *compare;
  gboolean       json;
} KpiOptions;

static void
kpi_options_clear (KpiOptions *options)
{
  g_free (options->period);
  g_free (options->from);
  g_free (options->to);
  g_free (options->owner);
  g_free (options->source);
  g_free (options->compare);
}

static int
check_options (const KpiOptions *options,
               SalesCompare     *compare)
{
  if (options->period != NULL && (options->from != NULL ||
                                  options->to != NULL))
    return sales_cli_usage_error ("kpi", _("give --period or --from and "
                                           "--to, not both"));
  if ((options->from == NULL) != (options->to == NULL))
    return sales_cli_usage_error ("kpi", _("--from and --to go together"));

  *compare = SALES_COMPARE_NONE;
  if (g_strcmp0 (options->compare, "previous") == 0)
    *compare = SALES_COMPARE_PREVIOUS;
  else if (g_strcmp0 (options->compare, "year") == 0)
    *compare = SALES_COMPARE_YEAR;
  else if (options->compare != NULL)
    return sales_cli_usage_error ("kpi", _("--compare must be “previous” or "
                                           "“year”"));

  return SALES_CLI_OK;
}

static gboolean
choose_period (const KpiOptions        *options,
               sqlite3                 *db,
               const SalesKpiSettings  *settings,
               SalesPeriod             *period,
               GError                 **error)
{
  if (options->period != NULL)
    return sales_period_parse (options->period, settings->fiscal_year_start,
                               period, error);
  if (options->from != NULL)
    return sales_period_from_dates (options->from, options->to, period,
                                    error);
  return sales_kpi_default_period (db, settings->fiscal_year_start, period,
                                   error);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    gboolean     has_value,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (has_value && isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_extras (JsonBuilder          *builder,
            const SalesKpiResult *r)
{
  json_builder_set_member_name (builder, "extras");
  json_builder_begin_object (builder);
  if (r->has_median)
    add_number_or_null (builder, "median_hours", TRUE, r->median);
  if (r->has_share_within_hour)
    add_number_or_null (builder, "share_within_hour", TRUE,
                        r->share_within_hour);
  if (r->has_bias)
    add_number_or_null (builder, "bias", TRUE, r->bias);
  json_builder_end_object (builder);
}

static void
add_result (JsonBuilder          *builder,
            const SalesKpiResult *r,
            const SalesKpiResult *previous)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", r->info->id);
  add_string_or_null (builder, "label", _(r->info->label));
  add_string_or_null (builder, "unit",
                      sales_kpi_unit_to_string (r->info->unit));
  add_number_or_null (builder, "value", r->has_value, r->value);
  add_number_or_null (builder, "numerator", TRUE, r->numerator);
  add_number_or_null (builder, "denominator", TRUE, r->denominator);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, r->count);
  json_builder_set_member_name (builder, "excluded");
  json_builder_add_int_value (builder, r->excluded);
  add_string_or_null (builder, "reason", r->reason);
  add_string_or_null (builder, "formula", r->formula);
  add_number_or_null (builder, "previous",
                      previous != NULL && previous->has_value,
                      previous != NULL ? previous->value : 0.0);
  add_string_or_null (builder, "variant", r->variant);
  add_string_or_null (builder, "excluded_reason", r->excluded_reason);
  add_extras (builder, r);
  json_builder_end_object (builder);
}

static void
add_period (JsonBuilder       *builder,
            const SalesPeriod *period)
{
  add_string_or_null (builder, "from", period->from);
  add_string_or_null (builder, "to", period->to);
}

static char *
report_to_json (const SalesKpiReport *report,
                const SalesKpiReport *previous,
                const char           *compare)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_period (builder, &report->period);
  json_builder_set_member_name (builder, "filters");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "owner", report->filter.owner);
  add_string_or_null (builder, "source", report->filter.source);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "compare");
  if (previous != NULL)
    {
      json_builder_begin_object (builder);
      add_string_or_null (builder, "kind", compare);
      add_period (builder, &previous->period);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "kpis");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->results->len; i++)
    add_result (builder, g_ptr_array_index (report->results, i),
                previous != NULL ? g_ptr_array_index (previous->results, i)
                                 : NULL);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static char *
format_value (const SalesKpiResult *r,
              const char           *currency)
{
  if (!r->has_value)
    return g_strdup ("—");

  switch (r->info->unit)
    {
    case SALES_KPI_UNIT_DAYS:
      return g_strdup_printf (_("%.1f days"), r->value);
    case SALES_KPI_UNIT_HOURS:
      return g_strdup_printf (_("%.1f h"), r->value);
    case SALES_KPI_UNIT_PERCENT:
      return g_strdup_printf ("%.1f %%", r->value);
    case SALES_KPI_UNIT_MONEY:
      return g_strdup_printf ("%.2f %s", r->value, currency);
    case SALES_KPI_UNIT_RATIO:
    default:
      return g_strdup_printf ("%.2f×", r->value);
    }
}

/* Rates change by points, everything else by percent of the old value. */
static char *
format_change (const SalesKpiResult *r,
               const SalesKpiResult *previous)
{
  if (previous == NULL)
    return g_strdup ("");
  if (!r->has_value || !previous->has_value)
    return g_strdup ("—");
  if (r->info->unit == SALES_KPI_UNIT_PERCENT)
    return g_strdup_printf (_("%+.1f pts"), r->value - previous->value);
  if (previous->value == 0.0)
    return g_strdup ("—");
  return g_strdup_printf ("%+.1f %%", 100.0 * (r->value - previous->value) /
                          fabs (previous->value));
}

/* Pads to @width characters (not bytes): negative pads on the right. */
static char *
pad (const char *text,
     int         width)
{
  int length = (int)g_utf8_strlen (text, -1);
  int fill = MAX (ABS (width) - length, 0);
  g_autofree char *spaces = g_strnfill ((gsize)fill, ' ');

  return width < 0 ? g_strconcat (text, spaces, NULL)
                   : g_strconcat (spaces, text, NULL);
}

static void
print_table (const SalesKpiReport *report,
             const SalesKpiReport *previous,
             const char           *currency)
{
  g_autofree char *span = sales_period_to_string (&report->period);

  g_print ("%s\n", span);
  if (previous != NULL)
    {
      g_autofree char *before = sales_period_to_string (&previous->period);

      g_print (_("compared with %s\n"), before);
    }

  for (guint i = 0; i < report->results->len; i++)
    {
      const SalesKpiResult *r = g_ptr_array_index (report->results, i);
      g_autofree char *value = format_value (r, currency);
      g_autofree char *change = format_change (r, previous != NULL
        ? g_ptr_array_index (previous->results, i) : NULL);

      g_autofree char *label = pad (_(r->info->label), -30);
      g_autofree char *value_cell = pad (value, 18);
      g_autofree char *change_cell = pad (change, 10);

      g_print ("  %s %s %s %8" PRId64 "%s%s\n", label, value_cell,
               change_cell, r->count, r->has_value ? "" : "   ",
               r->has_value ? "" : r->reason);
    }
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) |
         ((guint32)p[2] << 8) | (guint32)p[3];
}

/* Whether @path is, by its header alone, a workspace of this schema
 * whose size matches its page count. Anything else (a foreign, truncated
 * or damaged file, an older schema) goes through the full open, which
 * checks, migrates and explains.
 */
static gboolean
is_clean_workspace (const char *path)
{
  guchar header[100];
  guint32 page_size;
  GStatBuf st;
  FILE *file;
  gboolean ok;

  /* Pages still in a -wal file are read from there; the main file's
   * header counts the pages of the last checkpoint, which it holds.
   */
  if (g_stat (path, &st) != 0 || (file = g_fopen (path, "rb")) == NULL)
    return FALSE;
  ok = fread (header, 1, sizeof header, file) == sizeof header;
  fclose (file);

  page_size = (guint32)header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  return ok && memcmp (header, "SQLite format 3", 16) == 0 &&
         read_be32 (header + 68) == SALES_APPLICATION_ID &&
         read_be32 (header + 60) == SALES_SCHEMA_VERSION &&
         (gint64)read_be32 (header + 28) * page_size == (gint64)st.st_size;
}

static gboolean
roll_up_is_fresh (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean fresh = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT stale = 0 FROM kpi_state", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    fresh = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return fresh;
}

/* The quick way in for a report: a read-only connection. The full open
 * runs quick_check over the whole file, which takes seconds on a large
 * workspace; a report reads a few thousand roll-up rows, and SQLite
 * still reports any damaged page it meets as an error.
 */
static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;

  if (!is_clean_workspace (path))
    return NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY |
                       SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      !sales_sqlite_configure (db, path, NULL) || !roll_up_is_fresh (db))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static char *
read_currency (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *currency = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM settings"
                          " WHERE key = 'currency' AND value IS NOT NULL",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    currency = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return currency != NULL ? currency : g_strdup ("USD");
}

static int
run_kpi (const KpiOptions *options,
         const char       *path,
         SalesCompare      compare)
{
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(SalesKpiReport) report = NULL;
  sqlite3 *reader = NULL;
  g_autoptr(SalesKpiReport) previous = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *absolute = NULL;
  SalesKpiSettings settings = { 0 };
  SalesKpiFilter filter = { options->owner, options->source };
  SalesPeriod period, before;
  GError *error = NULL;
  int status = SALES_CLI_OK;
  sqlite3 *db;

  /* The workspace layer wants an absolute name. */
  absolute = g_canonicalize_filename (path, NULL);
  reader = open_read_only (absolute);
  if (reader == NULL)
    {
      workspace = sales_cli_open_workspace (absolute, &status);
      if (workspace == NULL)
        return status;
    }
  db = reader != NULL ? reader : sales_workspace_get_db (workspace);
  sales_kpi_settings_load (&settings, db);
  currency = read_currency (db);

  if (!choose_period (options, db, &settings, &period, &error) ||
      (report = sales_kpi_evaluate_all (db, &period, &filter, &settings,
                                        &error)) == NULL)
    goto failed;

  if (compare != SALES_COMPARE_NONE)
    {
      sales_period_compare (&period, compare, &before);
      previous = sales_kpi_evaluate_all (db, &before, &filter, &settings,
                                         &error);
      if (previous == NULL)
        goto failed;
    }

  if (options->json)
    {
      g_autofree char *json = report_to_json (report, previous,
                                              options->compare);

      sales_cli_print_json (json);
    }
  else
    print_table (report, previous, currency);

  sales_kpi_settings_clear (&settings);
  sqlite3_close (reader);
  return SALES_CLI_OK;

failed:
  sales_kpi_settings_clear (&settings);
  sqlite3_close (reader);
  return sales_cli_fail (error);
}

int
sales_cli_kpi (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  KpiOptions options = { 0 };
  SalesCompare compare;
  int status = SALES_CLI_OK;
  const GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &options.period,
      N_("A year (2025), quarter (2025-Q2) or month (2025-03)"), "P" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("The first day, YYYY-MM-DD"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("The day after the last, YYYY-MM-DD (excluded)"), "DATE" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &options.owner,
      N_("Only this owner's leads, deals and forecasts"), "NAME" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &options.source,
      N_("Only this source (marketing channel)"), "NAME" },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &options.compare,
      N_("Compare with the previous period or the same period a year "
         "earlier"), "previous|year" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("WORKSPACE — the twelve KPIs of a "
                                    "period"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sales_cli_parse (context, "kpi", &argc, &argv, &status))
    goto out;

  if (argc != 2)
    status = sales_cli_usage_error ("kpi", _("expected one WORKSPACE file"));
  else if ((status = check_options (&options, &compare)) == SALES_CLI_OK)
    status = run_kpi (&options, argv[1], compare);

out:
  kpi_options_clear (&options);
  return status;
}
