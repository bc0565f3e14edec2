/* sales-window-actions.c: the window's menu actions and their dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-dashboard.h"
#include "sales-limits.h"
#include "sales-preferences-window.h"
#include "sales-window-private.h"

/* Actions that need a workspace; the rest work on an empty window. */
static const char *const workspace_actions[] = {
  "win.import", "win.export-report", "win.preferences", "win.refresh",
};

/**
 * sales_window_update_actions:
 * @self: a window
 *
 * Enables the actions that need a workspace when one is open.
 */
void
sales_window_update_actions (SalesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (workspace_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), workspace_actions[i],
                                   self->workspace != NULL);
  sales_window_update_undo (self);
}

/**
 * sales_window_load_recent_menu:
 * @self: a window
 *
 * Fills Open Recent from the list kept in GSettings.
 */
void
sales_window_load_recent_menu (SalesWindow *self)
{
  g_auto(GStrv) paths = NULL;

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;

  paths = g_settings_get_strv (self->settings, "recent-workspaces");
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      g_autofree char *name = g_filename_display_name (base);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         paths[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

/**
 * sales_window_remember_workspace:
 * @self: a window
 * @path: the workspace just opened
 *
 * Puts @path first in Open Recent and remembers it for the next start.
 */
void
sales_window_remember_workspace (SalesWindow *self,
                                 const char  *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < SALES_MAX_RECENT_WORKSPACES; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }

  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces",
                       (const char *const *)paths);
  g_settings_set_string (self->settings, "last-workspace", path);
}

static void
add_workspace_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("SalesOps Workspaces"));
  gtk_file_filter_add_pattern (filter, "*.salesops");
  gtk_file_filter_add_mime_type (filter, "application/x-salesops-workspace");
  gtk_file_chooser_add_filter (chooser, filter);
}

static GFile *
chooser_take_file (SalesWindow *self,
                   int          response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));

  gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  return file;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SalesWindow     *self)
{
  g_autoptr(GFile) file = chooser_take_file (self, response);

  if (file != NULL)
    sales_window_open_file (sales_window_for_new_workspace (self), file);
}

static void
show_chooser (SalesWindow          *self,
              GtkFileChooserNative *chooser,
              GCallback             response_cb)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  add_workspace_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response_cb, self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);

  show_chooser (self,
                gtk_file_chooser_native_new (_("Open Workspace"),
                                             GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_OPEN,
                                             _("_Open"), _("_Cancel")),
                G_CALLBACK (open_response_cb));
}

static char *
path_with_extension (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || g_str_has_suffix (path, ".salesops"))
    return g_steal_pointer (&path);

  return g_strconcat (path, ".salesops", NULL);
}

static void
new_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 SalesWindow     *self)
{
  g_autoptr(GFile) chosen = chooser_take_file (self, response);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) created = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (chosen == NULL)
    return;

  path = path_with_extension (chosen);
  created = path != NULL ? sales_workspace_create (path, &error) : NULL;
  if (created == NULL)
    {
      AdwToast *toast = adw_toast_new (error != NULL ? error->message
        : _("Only local files can be workspaces"));

      adw_toast_set_timeout (toast, 0);
      sales_window_add_toast (self, toast);
      return;
    }

  /* The window opens its own connection; this one only made the file. */
  sales_workspace_close (created);
  file = g_file_new_for_path (path);
  sales_window_open_file (sales_window_for_new_workspace (self), file);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Workspace"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("C_reate"), _("_Cancel"));
  /* Translators: the suggested file name of a new workspace */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     _("Sales.salesops"));
  show_chooser (self, chooser, G_CALLBACK (new_response_cb));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (self->workspace != NULL &&
      g_strcmp0 (sales_workspace_get_path (self->workspace), path) == 0)
    return;

  sales_window_open_file (sales_window_for_new_workspace (self), file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sales_window_import (SALES_WINDOW (widget), NULL);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);

  sales_dashboard_export_report (SALES_DASHBOARD (self->dashboard));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);
  GtkWidget *prefs = sales_preferences_window_new (self->workspace);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* F5 also picks up what another process wrote, which the window would
 * otherwise notice only when it regains focus.
 */
static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);

  sales_workspace_emit_changed (self->workspace, NULL);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sales_window_paste (SALES_WINDOW (widget));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (display));
  if (!g_app_info_launch_default_for_uri (uri, context, &error))
    sales_window_add_toast (SALES_WINDOW (widget),
                            adw_toast_new (error->message));
}

/**
 * sales_window_toast_saved:
 * @self: a window
 * @file: a file just written
 *
 * Confirms a save with a toast that can open @file.
 */
void
sales_window_toast_saved (SalesWindow *self,
                          GFile       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Saved “%s”"), display);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  sales_window_add_toast (self, toast);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/**
 * sales_window_class_add_actions:
 * @widget_class: SalesWindow's class
 *
 * Installs the window actions with their keyboard shortcuts.
 */
void
sales_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL,
                                   open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   import_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL,
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL,
                                   preferences_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL,
                                   refresh_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL,
                                   paste_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s",
                                   open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL,
                                   close_action);
  sales_window_class_add_undo (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i,
                                       GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK, "win.export-report",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma,
                                       GDK_CONTROL_MASK, "win.preferences",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r,
                                       GDK_CONTROL_MASK, "win.refresh", NULL);
  /* A focused text field handles its own Ctrl+V first (bubble phase). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK, "win.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w,
                                       GDK_CONTROL_MASK, "win.close", NULL);
}
