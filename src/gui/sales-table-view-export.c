/* sales-table-view-export.c: the rows a table view shows, as CSV or JSON
 *
 * The rows are written in a worker thread on a connection of its own, so
 * a million rows never freeze the window; the view's header shows how
 * many are written and offers to cancel, which leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-table-view"

#include "config.h"

#include <inttypes.h>
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

typedef struct
{
  sqlite3 *db;
  char    *table;
  char    *condition;
  char    *path;
  gsize    rows_written;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  sqlite3_close (job->db);
  g_free (job->table);
  g_free (job->condition);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;

  if (sales_table_export_db_to_file (job->db, job->table, job->condition,
                                     job->path, &job->rows_written,
                                     cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_export_progress (SalesTableView *self,
                      gboolean        running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->export_box), running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.export", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.cancel-export",
                                 running);
}

static gboolean
export_tick_cb (gpointer data)
{
  SalesTableView *self = data;
  ExportJob *job = g_task_get_task_data (self->export_task);
  gsize done = (gsize)g_atomic_pointer_get (&job->rows_written);
  guint total = MAX (self->export_total, 1);
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("%" PRIu64 " of %u row written",
                                    "%" PRIu64 " of %u rows written",
                                    total), (guint64)done, self->export_total);
  gtk_progress_bar_set_fraction (self->export_progress,
                                 MIN (1.0, (double)done / total));
  gtk_progress_bar_set_text (self->export_progress, text);
  return G_SOURCE_CONTINUE;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SalesTableView *self = SALES_TABLE_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ExportJob *job = g_task_get_task_data (G_TASK (result));

  /* A view closed meanwhile has let go of its export. */
  if (self->export_task != G_TASK (result))
    return;

  g_clear_handle_id (&self->export_tick, g_source_remove);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);
  show_export_progress (self, FALSE);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Exported to %s"), job->path);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Export cancelled; no file was written"));
  else
    message = g_strdup (error->message);
  _sales_table_view_toast (self, message);
}

/**
 * _sales_table_view_export_start:
 * @self: a table view
 * @path: a .csv or .json file
 *
 * Writes the rows the view shows to @path in a worker thread. Does
 * nothing while another export runs.
 */
void
_sales_table_view_export_start (SalesTableView *self,
                                const char     *path)
{
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  if (self->export_task != NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->db = sales_workspace_open_connection (self->workspace, TRUE, &error);
  if (job->db == NULL)
    {
      export_job_free (job);
      _sales_table_view_toast (self, error->message);
      return;
    }
  job->table = g_strdup (self->info->name);
  job->condition = sales_row_model_dup_condition (self->model);
  job->path = g_strdup (path);

  self->export_total = sales_table_view_get_n_rows (self);
  self->export_cancellable = g_cancellable_new ();
  self->export_task = g_task_new (self, self->export_cancellable,
                                  export_done_cb, NULL);
  g_task_set_task_data (self->export_task, job,
                        (GDestroyNotify)export_job_free);
  g_task_run_in_thread (self->export_task, export_thread);

  export_tick_cb (self);
  self->export_tick = g_timeout_add (100, export_tick_cb, self);
  show_export_progress (self, TRUE);
}

/**
 * _sales_table_view_export_cancel:
 * @self: a table view
 *
 * Stops a running export; the file it was writing is not created.
 */
void
_sales_table_view_export_cancel (SalesTableView *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/**
 * _sales_table_view_export_dispose:
 * @self: a table view going away
 */
void
_sales_table_view_export_dispose (SalesTableView *self)
{
  _sales_table_view_export_cancel (self);
  g_clear_handle_id (&self->export_tick, g_source_remove);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SalesTableView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->export_chooser);
  if (file == NULL)
    return;

  path = path_with_extension (GTK_FILE_CHOOSER (chooser), file);
  _sales_table_view_export_start (self, path);
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
