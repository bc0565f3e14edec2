/* sales-cli-demo.c: `salesops-cli demo`, a workspace full of demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sales-cli.h"
#include "sales-demo.h"
#include "sales-kpi.h"
#include "sales-limits.h"

/* A new file is created; an existing one must be an empty workspace. */
static SalesWorkspace *
open_or_create (const char *path,
                int        *status)
{
  GError *error = NULL;
  SalesWorkspace *workspace;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return sales_cli_open_workspace (path, status);

  workspace = sales_workspace_create (path, &error);
  if (workspace == NULL)
    *status = sales_cli_fail (error);
  return workspace;
}

int
sales_cli_demo (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autofree char *path = NULL;
  gint64 seed = 1;
  int scale = 1;
  GError *error = NULL;
  int status = SALES_CLI_OK;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("The generator's seed (default 1); the same seed gives the same "
         "rows"), "N" },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale,
      N_("Volume multiplier (default 1, about 2,000 leads and as many "
         "deals)"), "N" },
    { NULL }
  };

  context = g_option_context_new (_("WORKSPACE — fill a workspace with "
                                    "demo data"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sales_cli_parse (context, "demo", &argc, &argv, &status))
    return status;

  if (argc != 2)
    return sales_cli_usage_error ("demo", _("expected one WORKSPACE file"));
  if (scale < 1 || scale > SALES_DEMO_MAX_SCALE)
    return sales_cli_usage_error ("demo", _("--scale must be between 1 and "
                                            "%d"), SALES_DEMO_MAX_SCALE);

  path = g_canonicalize_filename (argv[1], NULL);
  workspace = open_or_create (path, &status);
  if (workspace == NULL)
    return status;

  /* Building the KPI roll-up now makes the first `kpi` instant. */
  if (!sales_demo_fill (workspace, (guint64)seed, (guint)scale, &error) ||
      !sales_kpi_refresh (sales_workspace_get_db (workspace), &error))
    return sales_cli_fail (error);

  return SALES_CLI_OK;
}
