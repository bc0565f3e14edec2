/* sales-cli.h: salesops-cli subcommands and their shared helpers
 *
 * Exit status: 0 on success, 1 on bad input (one line on stderr naming
 * the file and what is wrong), 2 on usage errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_CLI_OK          0
#define SALES_CLI_BAD_INPUT   1
#define SALES_CLI_USAGE       2

typedef int (*SalesCliCommandFunc) (int    argc,
                                    char **argv);

typedef struct
{
  const char          *name;
  const char          *synopsis;
  const char          *summary;
  SalesCliCommandFunc  run;
} SalesCliCommand;

/* Subcommands, each in its own sales-cli-*.c file. */
int             sales_cli_new             (int          argc,
                                           char       **argv);
int             sales_cli_export          (int          argc,
                                           char       **argv);
int             sales_cli_demo            (int          argc,
                                           char       **argv);
int             sales_cli_kpi             (int          argc,
                                           char       **argv);
int             sales_cli_chart           (int          argc,
                                           char       **argv);
int             sales_cli_report          (int          argc,
                                           char       **argv);
int             sales_cli_preview         (int          argc,
                                           char       **argv);
int             sales_cli_import          (int          argc,
                                           char       **argv);
int             sales_cli_revert          (int          argc,
                                           char       **argv);

/* Helpers. */
int             sales_cli_usage_error     (const char  *command,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);
int             sales_cli_fail            (GError      *error);
gboolean        sales_cli_parse           (GOptionContext *context,
                                           const char  *command,
                                           int         *argc,
                                           char      ***argv,
                                           int         *status);
SalesWorkspace *sales_cli_open_workspace  (const char  *path,
                                           int         *status);
void            sales_cli_print_json      (const char  *json);

G_END_DECLS
