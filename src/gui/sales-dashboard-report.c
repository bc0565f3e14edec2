/* sales-dashboard-report.c: the dashboard as a PDF report
 *
 * The chart layer lays the report out (a cover of twelve tiles, a page per
 * KPI); computing it reads every KPI, its trend and breakdowns, so it runs
 * in a thread on its own connection like a refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-chart-kpi.h"
#include "sales-chart-save.h"
#include "sales-dashboard-private.h"
#include "sales-report.h"

typedef struct
{
  sqlite3     *db;
  char        *workspace;
  char        *currency;
  char        *owner;
  char        *source;
  char        *path;
  SalesPeriod  period;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  if (job->db != NULL)
    sqlite3_close (job->db);
  g_free (job->workspace);
  g_free (job->currency);
  g_free (job->owner);
  g_free (job->source);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportJob, report_job_free)

static gboolean
report_job_run (ReportJob  *job,
                GError    **error)
{
  SalesKpiSettings settings = { 0 };
  SalesKpiFilter filter = { job->owner, job->source };
  SalesChartKpiSource source = { job->db, &settings, &filter, job->currency,
                                 NULL, TRUE };
  g_autoptr(SalesReport) report = NULL;
  gboolean written;

  sales_kpi_settings_load (&settings, job->db);
  report = sales_report_new_for_kpis (&source, job->workspace, &job->period,
                                      error);
  written = report != NULL &&
            sales_report_write_pdf (report, sales_chart_theme_light (),
                                    job->path, error);
  sales_kpi_settings_clear (&settings);
  return written;
}

static void
report_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (report_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static ReportJob *
report_job_new (SalesDashboard  *self,
                const char      *path,
                GError         **error)
{
  g_autoptr(ReportJob) job = g_new0 (ReportJob, 1);

  job->db = sales_workspace_open_connection (self->workspace, TRUE, error);
  if (job->db == NULL)
    return NULL;

  job->workspace = sales_workspace_dup_title (self->workspace);
  job->currency = sales_workspace_dup_currency (self->workspace);
  job->owner = g_strdup (self->owner);
  job->source = g_strdup (self->source);
  job->path = g_strdup (path);
  job->period = self->period;
  return g_steal_pointer (&job);
}

/**
 * sales_dashboard_write_report:
 * @self: a dashboard with a workspace
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the report of the period and filters on screen, synchronously.
 *
 * Returns: %TRUE when @path was written
 */
gboolean
sales_dashboard_write_report (SalesDashboard  *self,
                              const char      *path,
                              GError         **error)
{
  g_autoptr(ReportJob) job = NULL;

  g_return_val_if_fail (SALES_IS_DASHBOARD (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = report_job_new (self, path, error);
  return job != NULL && report_job_run (job, error);
}

static void
report_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GFile) file = data;
  g_autoptr(GError) error = NULL;
  GtkWidget *widget = GTK_WIDGET (source);

  g_task_propagate_boolean (G_TASK (result), &error);
  sales_gui_report_saved (widget, file, error);
}

static void
report_file_chosen_cb (GFile    *file,
                       gpointer  data)
{
  SalesDashboard *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GTask) task = NULL;
  ReportJob *job;

  if (file == NULL || self->workspace == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Reports can only be saved to local files"));
  job = path != NULL ? report_job_new (self, path, &error) : NULL;
  if (job == NULL)
    {
      sales_gui_report_saved (GTK_WIDGET (self), file, error);
      return;
    }

  task = g_task_new (self, NULL, report_done_cb, g_object_ref (file));
  g_task_set_task_data (task, job, (GDestroyNotify)report_job_free);
  g_task_run_in_thread (task, report_thread);
}

/**
 * sales_dashboard_export_report:
 * @self: a dashboard with a workspace
 *
 * Asks where to save the PDF report of the period and filters on screen,
 * writes it in a thread and confirms with a toast.
 */
void
sales_dashboard_export_report (SalesDashboard *self)
{
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (SALES_IS_DASHBOARD (self));

  if (self->workspace == NULL)
    return;

  title = sales_workspace_dup_title (self->workspace);
  period = sales_chart_period_label (&self->period);
  /* Translators: a file name: workspace, then period */
  name = g_strdup_printf (_("%s report %s.pdf"), title, period);
  g_strdelimit (name, "/\\:", '-');
  sales_gui_choose_save_file (GTK_WIDGET (self), _("Export Report"), name,
                              "pdf", report_file_chosen_cb,
                              g_object_ref (self), g_object_unref);
}
