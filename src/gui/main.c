/* main.c: the SalesOps application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "sales-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SalesApplication) app = NULL;

  setlocale (LC_ALL, "");
  sales_gui_init_i18n ();

  app = sales_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
