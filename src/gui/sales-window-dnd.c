/* sales-window-dnd.c: files dropped on or pasted into the window
 *
 * A workspace opens (in a new window when this one shows another), each
 * importable file goes to the import wizard in turn, and anything else is
 * named in a toast with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-import-wizard.h"
#include "sales-window-private.h"

static void start_next_import (SalesWindow *self);

static char *
display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return g_filename_display_name (base != NULL ? base : "?");
}

static void
toast_refused (SalesWindow *self,
               GFile       *file,
               const char  *why)
{
  g_autofree char *name = display_name (file);
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: the first %s is a file name, the second the reason */
  text = g_strdup_printf (_("“%s” was not opened: %s"), name, why);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  sales_window_add_toast (self, toast);
}

static void
wizard_finished_cb (GtkWindow   *wizard,
                    SalesWindow *self)
{
  g_signal_handlers_disconnect_by_data (wizard, self);
  self->wizard = NULL;
  start_next_import (self);
}

static void
show_wizard (SalesWindow       *self,
             SalesImportWizard *wizard)
{
  self->wizard = GTK_WINDOW (wizard);
  g_signal_connect (wizard, "finished", G_CALLBACK (wizard_finished_cb), self);
  gtk_window_present (self->wizard);
}

/* The wizard handles one file; the next waits until it closes, so the
 * user reviews each mapping in turn rather than a stack of dialogs.
 */
static void
start_next_import (SalesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->wizard != NULL || self->workspace == NULL)
    return;

  if ((file = g_queue_pop_head (&self->import_queue)) == NULL)
    return;

  show_wizard (self, sales_import_wizard_new (GTK_WINDOW (self),
                                              self->workspace, file));
}

/**
 * sales_window_import:
 * @self: a window with a workspace
 * @file: (nullable): a file to import, %NULL to let the wizard ask
 *
 * Queues @file for the import wizard, which opens at once unless another
 * import is on screen.
 */
void
sales_window_import (SalesWindow *self,
                     GFile       *file)
{
  if (self->workspace == NULL)
    {
      if (file != NULL)
        toast_refused (self, file, _("open or create a workspace first"));
      return;
    }

  if (file == NULL && self->wizard != NULL)
    {
      gtk_window_present (self->wizard);
      return;
    }

  if (file == NULL)
    {
      show_wizard (self, sales_import_wizard_new (GTK_WINDOW (self),
                                                  self->workspace, NULL));
      return;
    }

  g_queue_push_tail (&self->import_queue, g_object_ref (file));
  start_next_import (self);
}

/**
 * sales_window_clear_imports:
 * @self: a window
 *
 * Forgets the files waiting for the wizard, before the window closes or
 * opens another workspace.
 */
void
sales_window_clear_imports (SalesWindow *self)
{
  g_queue_clear_full (&self->import_queue, g_object_unref);
  if (self->wizard != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->wizard, self);
      self->wizard = NULL;
    }
}

static gboolean
is_workspace_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return base != NULL && g_str_has_suffix (base, ".salesops");
}

static void
open_workspace_file (SalesWindow *self,
                     GFile       *file)
{
  g_autoptr(GFile) current = NULL;

  if (self->workspace != NULL)
    current = g_file_new_for_path (sales_workspace_get_path (self->workspace));
  if (current != NULL && g_file_equal (file, current))
    return;

  sales_window_open_file (sales_window_for_new_workspace (self), file);
}

/**
 * sales_window_handle_files:
 * @self: a window
 * @files: (element-type GFile): dropped or pasted files
 *
 * Opens workspaces, queues importable files for the wizard, and names in
 * a toast every other file with the reason it was left alone.
 */
void
sales_window_handle_files (SalesWindow *self,
                           GSList      *files)
{
  g_return_if_fail (SALES_IS_WINDOW (self));

  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      if (is_workspace_file (file))
        open_workspace_file (self, file);
      else if (sales_import_wizard_can_import (file))
        sales_window_import (self, file);
      else
        toast_refused (self, file,
                       _("it is neither a workspace nor a CSV, Excel, "
                         "OpenDocument or JSON file"));
    }
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SalesWindow   *self)
{
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  sales_window_handle_files (self, files);
  return TRUE;
}

/**
 * sales_window_setup_drop:
 * @self: a window
 *
 * Accepts files dropped anywhere on the window.
 */
void
sales_window_setup_drop (SalesWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST,
                                               GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self),
                             GTK_EVENT_CONTROLLER (target));
}

static void
paste_files_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(SalesWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) files = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result,
                                           &error);
  if (value == NULL)
    {
      sales_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  sales_window_handle_files (self, files);
}

static void
open_wizard_for_text (SalesWindow *self,
                      const char  *text)
{
  g_autoptr(GError) error = NULL;
  SalesImportWizard *wizard;

  wizard = sales_import_wizard_new_for_text (GTK_WINDOW (self),
                                             self->workspace, text, &error);
  if (wizard == NULL)
    {
      sales_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  show_wizard (self, wizard);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(SalesWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result,
                                         &error);
  if (text == NULL)
    sales_window_add_toast (self, adw_toast_new (error->message));
  else if (self->workspace == NULL || self->wizard != NULL)
    sales_window_add_toast (self, adw_toast_new (
      _("Open a workspace and finish the import on screen before pasting "
        "rows")));
  else
    open_wizard_for_text (self, text);
}

/**
 * sales_window_paste:
 * @self: a window
 *
 * Treats files on the clipboard as if they were dropped; rows copied from
 * a spreadsheet (text) go to the import wizard.
 */
void
sales_window_paste (SalesWindow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  /* Other applications offer MIME types; this one offers GTypes. */
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST) ||
      gdk_content_formats_contain_mime_type (formats, "text/uri-list"))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST,
                                    G_PRIORITY_DEFAULT, NULL, paste_files_cb,
                                    g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING) ||
           gdk_content_formats_contain_mime_type (formats, "text/plain") ||
           gdk_content_formats_contain_mime_type (formats,
                                                  "text/plain;charset=utf-8"))
    gdk_clipboard_read_text_async (clipboard, NULL, paste_text_cb,
                                   g_object_ref (self));
  else
    sales_window_add_toast (self, adw_toast_new (
      _("The clipboard holds neither files nor rows to import")));
}
