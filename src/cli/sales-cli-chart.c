/* sales-cli-chart.c: `salesops-cli chart` and `salesops-cli report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-export.h"
#include "sales-chart-kpi.h"
#include "sales-cli.h"
#include "sales-report.h"

/* The extra chart besides the twelve KPIs. */
#define FUNNEL_ID "funnel"

typedef struct
{
  char     *kpi;
  char     *by;
  char     *period;
  char     *from;
  char     *to;
  char     *owner;
  char     *source;
  char     *output;
  char     *theme;
  int       width;
  int       height;
  double    scale;
} ChartOptions;

/* What a subcommand has open while it draws. */
typedef struct
{
  SalesWorkspace      *workspace;
  SalesKpiSettings     settings;
  SalesKpiFilter       filter;
  char                *currency;
  SalesChartKpiSource  source;
  SalesPeriod          period;
} ChartRun;

static void
chart_options_clear (ChartOptions *o)
{
  g_free (o->kpi);
  g_free (o->by);
  g_free (o->period);
  g_free (o->from);
  g_free (o->to);
  g_free (o->owner);
  g_free (o->source);
  g_free (o->output);
  g_free (o->theme);
}

static void
chart_run_clear (ChartRun *run)
{
  sales_kpi_settings_clear (&run->settings);
  g_clear_pointer (&run->currency, g_free);
  g_clear_object (&run->workspace);
}

static char *
kpi_ids (void)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  const SalesKpiInfo *all;
  guint n;

  all = sales_kpi_get_all (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s, ", all[i].id);
  g_string_append (ids, FUNNEL_ID);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static int
check_period_options (const char         *command,
                      const ChartOptions *o)
{
  if (o->period != NULL && (o->from != NULL || o->to != NULL))
    return sales_cli_usage_error (command, _("give --period or --from and "
                                             "--to, not both"));
  if ((o->from == NULL) != (o->to == NULL))
    return sales_cli_usage_error (command, _("--from and --to go together"));
  if (o->theme != NULL && sales_chart_theme_lookup (o->theme) == NULL)
    return sales_cli_usage_error (command, _("--theme must be “light” or "
                                             "“dark”"));
  return SALES_CLI_OK;
}

static int
check_chart_options (const ChartOptions    *o,
                     SalesChartBy          *by,
                     SalesChartFileFormat  *format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = kpi_ids ();
  int status = check_period_options ("chart", o);

  if (status != SALES_CLI_OK)
    return status;
  if (o->kpi == NULL)
    return sales_cli_usage_error ("chart", _("--kpi is required; one of %s"),
                                  ids);
  if (!g_str_equal (o->kpi, FUNNEL_ID) && sales_kpi_lookup (o->kpi) == NULL)
    return sales_cli_usage_error ("chart", _("unknown KPI “%s”; use one of "
                                             "%s"), o->kpi, ids);
  if (!sales_chart_by_from_string (o->by != NULL ? o->by : "month", by))
    return sales_cli_usage_error ("chart", _("--by must be month, quarter, "
                                             "owner or source"));
  if (o->output == NULL || !sales_chart_file_format_from_path (o->output,
                                                                format))
    return sales_cli_usage_error ("chart", _("--output must name a .png, "
                                             ".svg or .pdf file"));
  if (!sales_chart_check_size (o->width, o->height, o->scale, &error))
    return sales_cli_usage_error ("chart", "%s", error->message);

  return SALES_CLI_OK;
}

static gboolean
choose_period (const ChartOptions  *o,
               ChartRun            *run,
               GError             **error)
{
  sqlite3 *db = sales_workspace_get_db (run->workspace);

  if (o->period != NULL)
    return sales_period_parse (o->period, run->settings.fiscal_year_start,
                               &run->period, error);
  if (o->from != NULL)
    return sales_period_from_dates (o->from, o->to, &run->period, error);
  return sales_kpi_default_period (db, run->settings.fiscal_year_start,
                                   &run->period, error);
}

/* Opens the workspace and settles the period; on failure the reason has
 * been printed and @status says how to exit.
 */
static gboolean
chart_run_open (ChartRun           *run,
                const ChartOptions *o,
                const char         *path,
                int                *status)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  GError *error = NULL;
  sqlite3 *db;

  run->workspace = sales_cli_open_workspace (absolute, status);
  if (run->workspace == NULL)
    return FALSE;

  db = sales_workspace_get_db (run->workspace);
  sales_kpi_settings_load (&run->settings, db);
  run->currency = sales_workspace_dup_currency (run->workspace);
  run->filter.owner = o->owner;
  run->filter.source = o->source;
  run->source.db = db;
  run->source.settings = &run->settings;
  run->source.filter = &run->filter;
  run->source.currency = run->currency;

  if (!choose_period (o, run, &error))
    {
      *status = sales_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

static const SalesChartTheme *
theme_of (const ChartOptions *o)
{
  return sales_chart_theme_lookup (o->theme != NULL ? o->theme : "light");
}

static int
run_chart (const ChartOptions *o,
           const char         *path,
           SalesChartBy        by)
{
  ChartRun run = { 0 };
  g_autoptr(SalesChart) chart = NULL;
  GError *error = NULL;
  int status = SALES_CLI_OK;

  if (!chart_run_open (&run, o, path, &status))
    goto out;

  if (g_str_equal (o->kpi, FUNNEL_ID))
    chart = sales_chart_kpi_funnel (&run.source, &run.period, &error);
  else
    chart = sales_chart_kpi_new (&run.source, o->kpi, by, &run.period,
                                 &error);

  if (chart == NULL ||
      !sales_chart_export (chart, theme_of (o), o->output, o->width,
                           o->height, o->scale, &error))
    status = sales_cli_fail (error);

out:
  chart_run_clear (&run);
  return status;
}

static void
add_common_entries (GOptionContext *context,
                    ChartOptions   *o)
{
  const GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &o->period,
      N_("A year (2025), quarter (2025-Q2) or month (2025-03); by default "
         "the last complete quarter with data"), "P" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from,
      N_("The first day, YYYY-MM-DD"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o->to,
      N_("The day after the last, YYYY-MM-DD (excluded)"), "DATE" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &o->owner,
      N_("Only this owner's leads, deals and forecasts"), "NAME" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &o->source,
      N_("Only this source (marketing channel)"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
      N_("The file to write"), "FILE" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &o->theme,
      N_("light (default) or dark"), "THEME" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

int
sales_cli_chart (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  ChartOptions o = { .width = 1200, .height = 675, .scale = 1 };
  SalesChartFileFormat format;
  SalesChartBy by;
  int status = SALES_CLI_OK;
  const GOptionEntry entries[] = {
    { "kpi", 'k', 0, G_OPTION_ARG_STRING, &o.kpi,
      N_("The KPI to draw (an id of `salesops-cli kpi --json`), or "
         "“funnel”"), "ID" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by,
      N_("month (default) or quarter for a trend over the year ending with "
         "the period; owner or source for a breakdown of the period"),
      "month|quarter|owner|source" },
    { "width", 'W', 0, G_OPTION_ARG_INT, &o.width,
      N_("Width in pixels (points for SVG and PDF), default 1200"), "PX" },
    { "height", 'H', 0, G_OPTION_ARG_INT, &o.height,
      N_("Height, default 675"), "PX" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &o.scale,
      N_("Device-pixel ratio of a PNG, default 1"), "N" },
    { NULL }
  };

  context = g_option_context_new (_("WORKSPACE — draw a KPI as a PNG, SVG "
                                    "or PDF chart"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_common_entries (context, &o);
  if (!sales_cli_parse (context, "chart", &argc, &argv, &status))
    goto out;

  if (argc != 2)
    status = sales_cli_usage_error ("chart", _("expected one WORKSPACE "
                                               "file"));
  else if ((status = check_chart_options (&o, &by, &format)) == SALES_CLI_OK)
    status = run_chart (&o, argv[1], by);

out:
  chart_options_clear (&o);
  return status;
}

static int
run_report (const ChartOptions *o,
            const char         *path)
{
  ChartRun run = { 0 };
  g_autoptr(SalesReport) report = NULL;
  g_autofree char *title = NULL;
  GError *error = NULL;
  int status = SALES_CLI_OK;

  if (!chart_run_open (&run, o, path, &status))
    goto out;

  title = sales_workspace_dup_title (run.workspace);
  report = sales_report_new_for_kpis (&run.source, title, &run.period,
                                      &error);
  if (report == NULL ||
      !sales_report_write_pdf (report, theme_of (o), o->output, &error))
    status = sales_cli_fail (error);

out:
  chart_run_clear (&run);
  return status;
}

int
sales_cli_report (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  ChartOptions o = { 0 };
  SalesChartFileFormat format;
  int status = SALES_CLI_OK;

  context = g_option_context_new (_("WORKSPACE — write the dashboard report "
                                    "of the twelve KPIs as PDF"));
  add_common_entries (context, &o);
  if (!sales_cli_parse (context, "report", &argc, &argv, &status))
    goto out;

  if (argc != 2)
    status = sales_cli_usage_error ("report", _("expected one WORKSPACE "
                                                "file"));
  else if ((status = check_period_options ("report", &o)) != SALES_CLI_OK)
    goto out;
  else if (o.output == NULL ||
           !sales_chart_file_format_from_path (o.output, &format) ||
           format != SALES_CHART_FILE_PDF)
    status = sales_cli_usage_error ("report", _("--output must name a .pdf "
                                                "file"));
  else
    status = run_report (&o, argv[1]);

out:
  chart_options_clear (&o);
  return status;
}
