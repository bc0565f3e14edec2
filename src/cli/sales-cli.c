/* sales-cli.c: salesops-cli, the headless front of SalesOps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sales-cli.h"

static const SalesCliCommand commands[] = {
  { "new", "WORKSPACE", N_("Create an empty workspace"), sales_cli_new },
  { "export", "WORKSPACE --table TABLE --output FILE.csv|FILE.json",
    N_("Write a table as CSV or JSON"), sales_cli_export },
  { "demo", "WORKSPACE [--seed N] [--scale N]",
    N_("Fill a workspace with two years of demo data"), sales_cli_demo },
  { "kpi", "WORKSPACE [--period P | --from DATE --to DATE] [--owner NAME]"
    " [--source NAME] [--compare previous|year] [--json]",
    N_("Print the twelve KPIs of a period"), sales_cli_kpi },
  { "chart", "WORKSPACE --kpi ID [--by month|quarter|owner|source]"
    " [--period P | --from DATE --to DATE] --output FILE.png|.svg|.pdf"
    " [--width PX] [--height PX] [--scale N]",
    N_("Draw a KPI as a chart"), sales_cli_chart },
  { "report", "WORKSPACE [--period P] --output FILE.pdf",
    N_("Write the dashboard report of the twelve KPIs as PDF"),
    sales_cli_report },
  { "preview", "FILE [--sheet S] [--rows N] [--json]",
    N_("Show how a file would be read"), sales_cli_preview },
  { "import", "WORKSPACE FILE [--table T] [--sheet S] [--map 'Header=field']... "
    "[--set field=value]... [--dry-run] [--json]",
    N_("Import a CSV, XLSX, ODS or JSON file"), sales_cli_import },
  { "revert", "WORKSPACE IMPORT_ID",
    N_("Take an import back"), sales_cli_revert },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: salesops-cli COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n           %s\n", commands[i].name,
             commands[i].synopsis, _(commands[i].summary));
  fprintf (out, "\n%s\n",
           _("Run “salesops-cli COMMAND --help” for a command's options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return SALES_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return SALES_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("salesops-cli %s\n", PACKAGE_VERSION);
      return SALES_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  g_printerr (_("salesops-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return SALES_CLI_USAGE;
}
