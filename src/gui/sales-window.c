/* sales-window.c: a window on one workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-schema.h"
#include "sales-window.h"

struct _SalesWindow
{
  AdwApplicationWindow  parent_instance;

  SalesWorkspace       *workspace;
  GtkNativeDialog      *chooser;

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  AdwPreferencesGroup  *tables_group;
  GPtrArray            *table_rows;
};

G_DEFINE_FINAL_TYPE (SalesWindow, sales_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_counts (SalesWindow *self)
{
  const SalesTableInfo *tables;
  guint n_tables;

  tables = sales_schema_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      GError *error = NULL;
      gint64 count = sales_workspace_count_rows (self->workspace,
                                                 tables[i].name, &error);
      g_autofree char *text = NULL;

      if (count < 0)
        {
          text = g_strdup (error->message);
          g_clear_error (&error);
        }
      else
        text = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " row",
                                          "%" G_GINT64_FORMAT " rows",
                                          (gulong)count), count);

      adw_action_row_set_subtitle (g_ptr_array_index (self->table_rows, i),
                                   text);
    }
}

static void
show_error (SalesWindow  *self,
            const GError *error)
{
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page,
                             _("The Workspace Could Not Be Opened"));
  adw_status_page_set_description (self->status_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * sales_window_open_file:
 * @self: a window
 * @file: a .salesops workspace
 *
 * Opens @file in this window. When it cannot be opened the window says why
 * (not only a log line) and keeps what it showed before closed.
 */
void
sales_window_open_file (SalesWindow *self,
                        GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  SalesWorkspace *workspace;

  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  workspace = path != NULL ? sales_workspace_open (path, &error) : NULL;
  if (workspace == NULL)
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Only local files can be opened"));
      show_error (self, error);
      return;
    }

  g_set_object (&self->workspace, workspace);
  g_object_unref (workspace);

  title = sales_workspace_dup_title (workspace);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, path);
  gtk_window_set_title (GTK_WINDOW (self), title);

  g_signal_connect_object (workspace, "changed", G_CALLBACK (show_counts),
                           self, G_CONNECT_SWAPPED);
  show_counts (self);
  gtk_stack_set_visible_child_name (self->stack, "tables");
}

SalesWorkspace *
sales_window_get_workspace (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  return self->workspace;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SalesWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file =
        gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      sales_window_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Workspace"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("SalesOps Workspaces"));
  gtk_file_filter_add_pattern (filter, "*.salesops");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb),
                    self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
sales_window_dispose (GObject *object)
{
  SalesWindow *self = SALES_WINDOW (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->table_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sales_window_parent_class)->dispose (object);
}

static void
sales_window_class_init (SalesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesWindow,
                                        window_title);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow,
                                        toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow,
                                        status_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow,
                                        tables_group);

  gtk_widget_class_install_action (widget_class, "win.open", NULL,
                                   open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK, "win.open", NULL);
}

static void
sales_window_init (SalesWindow *self)
{
  const SalesTableInfo *tables;
  guint n_tables;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->table_rows = g_ptr_array_new ();
  tables = sales_schema_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _(tables[i].label));
      adw_preferences_group_add (self->tables_group, row);
      g_ptr_array_add (self->table_rows, row);
    }
}

SalesWindow *
sales_window_new (SalesApplication *app)
{
  return g_object_new (SALES_TYPE_WINDOW, "application", app, NULL);
}
