/* sales-application.c: the application object, one window per workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-application.h"
#include "sales-resources.h"
#include "sales-window.h"

struct _SalesApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SalesApplication, sales_application,
                     ADW_TYPE_APPLICATION)

/**
 * sales_gui_register_resources:
 *
 * Registers the UI templates. The resources live in a static library,
 * where an automatic constructor could be dropped by the linker, so they
 * are registered by hand; calling this twice is harmless.
 */
void
sales_gui_register_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      sales_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
sales_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (sales_window_new (SALES_APPLICATION (app)));

  gtk_window_present (window);
}

static void
sales_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      SalesWindow *window = sales_window_new (SALES_APPLICATION (app));

      sales_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
sales_application_startup (GApplication *app)
{
  sales_gui_register_resources ();

  G_APPLICATION_CLASS (sales_application_parent_class)->startup (app);
}

static void
sales_application_class_init (SalesApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = sales_application_activate;
  app_class->open = sales_application_open;
  app_class->startup = sales_application_startup;
}

static void
sales_application_init (SalesApplication *self)
{
}

SalesApplication *
sales_application_new (void)
{
  return g_object_new (SALES_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/com/example/SalesOps",
                       NULL);
}
