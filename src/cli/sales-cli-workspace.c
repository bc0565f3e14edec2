/* sales-cli-workspace.c: `salesops-cli new` and `salesops-cli export`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sales-cli.h"
#include "sales-schema.h"
#include "sales-table-export.h"

int
sales_cli_new (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  GError *error = NULL;
  int status = SALES_CLI_OK;

  context = g_option_context_new (_("WORKSPACE — create an empty workspace"));
  if (!sales_cli_parse (context, "new", &argc, &argv, &status))
    return status;

  if (argc != 2)
    return sales_cli_usage_error ("new", _("expected one WORKSPACE file"));

  workspace = sales_workspace_create (argv[1], &error);
  if (workspace == NULL)
    return sales_cli_fail (error);

  return SALES_CLI_OK;
}

int
sales_cli_export (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autofree char *table = NULL;
  g_autofree char *output = NULL;
  SalesExportFormat format;
  GError *error = NULL;
  int status = SALES_CLI_OK;
  const GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table,
      N_("The table to write"), "TABLE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, .csv or .json"), "FILE" },
    { NULL }
  };

  context = g_option_context_new (_("WORKSPACE — write a table as CSV or "
                                    "JSON"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sales_cli_parse (context, "export", &argc, &argv, &status))
    return status;

  if (argc != 2)
    return sales_cli_usage_error ("export", _("expected one WORKSPACE file"));
  if (table == NULL || !sales_schema_is_table (table))
    return sales_cli_usage_error ("export",
                                  _("--table must be one of leads, "
                                    "opportunities, customers, purchases, "
                                    "expenses, forecasts"));
  if (output == NULL || !sales_export_format_from_path (output, &format))
    return sales_cli_usage_error ("export",
                                  _("--output must name a .csv or .json "
                                    "file"));

  workspace = sales_cli_open_workspace (argv[1], &status);
  if (workspace == NULL)
    return status;

  if (!sales_table_export_to_file (workspace, table, NULL, output, NULL,
                                   &error))
    return sales_cli_fail (error);

  return SALES_CLI_OK;
}
