/* sales-table-view-export.c: the rows a table view shows, as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-table-export.h"
#include "sales-table-view-private.h"

static char *
path_with_extension (GtkFileChooser *chooser,
                     GFile          *file)
{
  g_autofree char *path = g_file_get_path (file);
  SalesExportFormat format;
  GtkFileFilter *filter;
  const char *name;

  if (path == NULL || sales_export_format_from_path (path, &format))
    return g_steal_pointer (&path);

  /* No known extension typed: the chosen filter decides. */
  filter = gtk_file_chooser_get_filter (chooser);
  name = filter != NULL ? gtk_file_filter_get_name (filter) : NULL;
  if (name != NULL && g_str_equal (name, "JSON"))
    return g_strconcat (path, ".json", NULL);

  return g_strconcat (path, ".csv", NULL);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SalesTableView  *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->export_chooser);
  if (file == NULL)
    return;

  path = path_with_extension (GTK_FILE_CHOOSER (chooser), file);
  condition = sales_row_model_dup_condition (self->model);
  if (!sales_table_export_to_file (self->workspace, self->info->name,
                                   condition, path, NULL, &error))
    {
      _sales_table_view_toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Exported to %s"), path);
  _sales_table_view_toast (self, message);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/**
 * _sales_table_view_export:
 *
 * Asks where to save the rows the view shows (with its search and
 * filter applied), in the format the file name's extension names.
 */
void
_sales_table_view_export (SalesTableView *self)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->export_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Rows"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                              : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), "CSV", "*.csv");
  add_filter (GTK_FILE_CHOOSER (chooser), "JSON", "*.json");
  name = g_strdup_printf ("%s.csv", self->info->name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  self->export_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (self->export_chooser);
}
