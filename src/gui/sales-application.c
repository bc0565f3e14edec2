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

/**
 * sales_gui_init_i18n:
 *
 * Binds the message catalogue. SALESOPS_LOCALEDIR, when set, points at
 * catalogues compiled into the build tree, so tests and the uninstalled
 * app speak the user's language too.
 */
void
sales_gui_init_i18n (void)
{
  const char *dir = g_getenv ("SALESOPS_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * sales_gui_settings_new:
 *
 * Run from the build tree without GSETTINGS_SCHEMA_DIR, the schema is not
 * installed; the app then works but forgets its window size, recent
 * workspaces and dashboard choices, instead of aborting in g_settings_new.
 *
 * Returns: (transfer full) (nullable): the application's settings, or
 *   %NULL when the schema is not installed
 */
GSettings *
sales_gui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("the settings schema %s is not installed", APP_ID);
      return NULL;
    }

  return g_settings_new (APP_ID);
}

/* A workspace goes to a window that shows none, else to a new one. */
static SalesWindow *
window_for_workspace (GApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (SALES_IS_WINDOW (l->data) &&
        sales_window_get_workspace (l->data) == NULL)
      return l->data;

  return sales_window_new (SALES_APPLICATION (app));
}

static void
sales_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (sales_window_new (SALES_APPLICATION (app)));

  /* The last workspace comes back, unless it has gone since. */
  settings = sales_gui_settings_new ();
  if (settings != NULL)
    last = g_settings_get_string (settings, "last-workspace");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      sales_window_open_file (SALES_WINDOW (window), file);
    }

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
      SalesWindow *window = window_for_workspace (app);

      sales_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  GtkApplication *app = data;
  const char *developers[] = { _("The SalesOps authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("SalesOps"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Import pipeline spreadsheets and read "
                                      "your sales KPIs, each with its formula "
                                      "and the rows behind it."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  /* Closing each window lets it save its size; a copy, as closing edits
   * the list.
   */
  windows = g_list_copy (windows);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

/* Registered on the application so menus show them; the window also binds
 * them for windows made without an application (tests).
 */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.export-report", { "<Control>e", NULL } },
  { "win.preferences", { "<Control>comma", NULL } },
  { "win.refresh", { "F5", "<Control>r", NULL } },
  { "win.close", { "<Control>w", NULL } },
};

static void
sales_application_startup (GApplication *app)
{
  sales_gui_register_resources ();

  G_APPLICATION_CLASS (sales_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action,
                                           accels[i].accels);
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
