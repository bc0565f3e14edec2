/* sales-cli-common.c: what every salesops-cli subcommand shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sales-cli.h"

/**
 * sales_cli_usage_error:
 * @command: the subcommand, for the hint
 * @format: printf-style message
 *
 * Prints a usage error and a pointer to --help.
 *
 * Returns: %SALES_CLI_USAGE
 */
int
sales_cli_usage_error (const char *command,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("salesops-cli %s: %s\n", command, message);
  g_printerr (_("Try “salesops-cli %s --help”.\n"), command);
  return SALES_CLI_USAGE;
}

/**
 * sales_cli_fail:
 * @error: (transfer full): what went wrong
 *
 * Prints @error as the one line a script can show its user, and frees it.
 *
 * Returns: %SALES_CLI_BAD_INPUT
 */
int
sales_cli_fail (GError *error)
{
  g_printerr ("salesops-cli: %s\n", error->message);
  g_error_free (error);
  return SALES_CLI_BAD_INPUT;
}

/**
 * sales_cli_parse:
 * @context: the subcommand's options
 * @command: the subcommand's name
 * @argc: (inout): arguments after the subcommand name
 * @argv: (inout): likewise
 * @status: (out): the exit status when parsing fails
 *
 * Returns: %TRUE when the arguments parsed
 */
gboolean
sales_cli_parse (GOptionContext   *context,
                 const char       *command,
                 int              *argc,
                 char           ***argv,
                 int              *status)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  *status = sales_cli_usage_error (command, "%s", error->message);
  return FALSE;
}

/**
 * sales_cli_open_workspace:
 * @path: a .salesops file
 * @status: (out): %SALES_CLI_BAD_INPUT when it could not be opened
 *
 * Returns: (transfer full) (nullable): the workspace; on failure the reason
 *   has been printed
 */
SalesWorkspace *
sales_cli_open_workspace (const char *path,
                          int        *status)
{
  GError *error = NULL;
  SalesWorkspace *workspace = sales_workspace_open (path, &error);

  if (workspace == NULL)
    *status = sales_cli_fail (error);

  return workspace;
}

void
sales_cli_print_json (const char *json)
{
  fputs (json, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}
