/* sales-import-wizard-run.c: the review, progress and summary pages
 *
 * The review is a dry run: the importer does all its work and rolls back,
 * so its counts and rejects are exactly what the import will do. The
 * import runs in a thread with progress; Cancel rolls it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import-wizard"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-import-wizard-private.h"
#include "sales-imports-page-private.h"

/* Rejected rows listed on the review page and in the summary. */
#define SAMPLE_REJECTS 10
#define LISTED_REJECTS 200
/* Distinct reasons listed on the review page. */
#define LISTED_REASONS 10

static char *
count_text (guint64 count)
{
  return g_strdup_printf ("%" PRIu64, count);
}

static void
fill_counts (SalesImportWizard       *self,
             const SalesImportCounts *counts)
{
  struct { const char *title; guint64 count; } lines[] = {
    { _("New rows"), counts->inserted },
    { _("Updated rows"), counts->updated },
    { _("Unchanged rows"), counts->unchanged },
    { _("Rejected rows"), counts->rejected },
  };

  _sales_import_wizard_clear_list (self->counts_list);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *text = count_text (lines[i].count);

      _sales_import_wizard_add_row (self->counts_list, lines[i].title, NULL,
                                    text);
    }
}

static void
add_reject_row (GtkListBox              *list,
                const SalesImportReject *reject)
{
  g_autofree char *title = NULL;

  if (reject->column != NULL)
    title = g_strdup_printf (_("Line %" PRIu64 ", %s: “%s”"),
                             reject->line, reject->column,
                             reject->value != NULL ? reject->value : "");
  else
    title = g_strdup_printf (_("Line %" PRIu64), reject->line);

  _sales_import_wizard_add_row (list, title, reject->reason, NULL);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **)a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **)b));

  return ca < cb ? 1 : ca > cb ? -1 : g_strcmp0 (*(char **)a, *(char **)b);
}

/* The most frequent reasons first, each with how many rows it rejects. */
static void
fill_reasons (SalesImportWizard *self,
              const GPtrArray   *rejects)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  for (guint i = 0; i < rejects->len; i++)
    {
      const SalesImportReject *reject = rejects->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, reject->reason));

      if (n == 0)
        g_ptr_array_add (reasons, reject->reason);
      g_hash_table_insert (counts, reject->reason, GUINT_TO_POINTER (n + 1));
    }
  g_ptr_array_sort_with_data (reasons, compare_counts, counts);

  _sales_import_wizard_clear_list (self->reasons_list);
  for (guint i = 0; i < MIN (reasons->len, LISTED_REASONS); i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                       reasons->pdata[i]));
      g_autofree char *text = count_text (n);
      GtkWidget *row;

      row = _sales_import_wizard_add_row (self->reasons_list,
                                          reasons->pdata[i], NULL, text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
    }
}

static void
fill_review (SalesImportWizard *self)
{
  const GPtrArray *rejects = sales_importer_get_rejects (self->result);
  gboolean any = rejects != NULL && rejects->len > 0;

  fill_counts (self, sales_importer_get_counts (self->result));
  gtk_widget_set_visible (self->reasons_heading, any);
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_list), any);
  gtk_widget_set_visible (self->sample_heading, any);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_list), any);
  if (!any)
    return;

  fill_reasons (self, rejects);
  _sales_import_wizard_clear_list (self->sample_list);
  for (guint i = 0; i < MIN (rejects->len, SAMPLE_REJECTS); i++)
    add_reject_row (self->sample_list, rejects->pdata[i]);
}

static void
fill_summary (SalesImportWizard *self)
{
  const SalesImportCounts *counts = sales_importer_get_counts (self->result);
  g_autofree char *text = NULL;

  /* Translators: the counts of a finished import. */
  text = g_strdup_printf (_("%" PRIu64 " new, %" PRIu64
                            " updated, %" PRIu64 " unchanged, %"
                            PRIu64 " rejected"),
                          counts->inserted, counts->updated, counts->unchanged,
                          counts->rejected);
  adw_status_page_set_title (self->summary_page, _("Import Finished"));
  adw_status_page_set_icon_name (self->summary_page, "emblem-ok-symbolic");
  adw_status_page_set_description (self->summary_page, text);
  gtk_widget_set_visible (GTK_WIDGET (self->show_rejects_button),
                          counts->rejected > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->rejects_list), FALSE);
}

/* Ends a dry run (shows the review) or an import (shows the summary); a
 * failed or cancelled import goes back to the review.
 */
static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(SalesImportWizard) self = data;
  g_autoptr(GError) error = NULL;
  SalesImporter *importer = SALES_IMPORTER (source);
  gboolean ok = sales_importer_run_finish (importer, result, &error);
  gboolean imported = self->importing;

  /* The window may have closed meanwhile. */
  self->importing = FALSE;
  if (self->finished)
    return;

  _sales_import_wizard_set_busy (self, FALSE);
  if (!ok)
    {
      if (g_error_matches (error, SALES_ERROR, SALES_ERROR_CANCELLED))
        g_cancellable_reset (self->cancellable);
      if (imported)
        _sales_import_wizard_show_page (self, "review");
      _sales_import_wizard_toast (self, error->message);
      return;
    }

  g_set_object (&self->result, importer);
  if (imported)
    fill_summary (self);
  else
    fill_review (self);
  _sales_import_wizard_show_page (self, imported ? "summary" : "review");
}

/**
 * _sales_import_wizard_review:
 *
 * Runs the import as a dry run in a thread, then shows what it would do.
 */
void
_sales_import_wizard_review (SalesImportWizard *self)
{
  g_autoptr(SalesImporter) importer = NULL;

  if (self->scan == NULL)
    return;

  importer = _sales_import_wizard_new_importer (self, TRUE);
  _sales_import_wizard_set_busy (self, TRUE);
  sales_importer_run_async (importer, self->cancellable, run_done_cb,
                            g_object_ref (self));
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  SalesImportWizard *self = data;

  /* The rows are in: the bar stays full while the import is saved. */
  if (fraction == SALES_IMPORT_PROGRESS_FINISHING)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 1);
      gtk_progress_bar_set_text (self->progress_bar, _("Saving…"));
      return;
    }

  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}


/**
 * _sales_import_wizard_import:
 *
 * Imports the file in a thread, showing progress.
 */
void
_sales_import_wizard_import (SalesImportWizard *self)
{
  g_autoptr(SalesImporter) importer = NULL;

  if (self->scan == NULL)
    return;

  importer = _sales_import_wizard_new_importer (self, FALSE);
  sales_importer_set_progress_func (importer, progress_cb, self, NULL);
  adw_status_page_set_title (self->progress_page, _("Importing…"));
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stop_button), TRUE);
  self->importing = TRUE;
  _sales_import_wizard_set_busy (self, TRUE);
  _sales_import_wizard_show_page (self, "progress");
  sales_importer_run_async (importer, self->cancellable, run_done_cb,
                            g_object_ref (self));
}

/* Cancelling rolls the whole import back; the review page comes back. */
void
_sales_import_wizard_stop (SalesImportWizard *self)
{
  if (!self->importing)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->stop_button), FALSE);
  adw_status_page_set_title (self->progress_page, _("Cancelling…"));
  g_cancellable_cancel (self->cancellable);
}

static void
reverted_cb (gboolean      reverted,
             const GError *error,
             gpointer      data)
{
  SalesImportWizard *self = data;

  if (!reverted)
    {
      _sales_import_wizard_toast (self, error->message);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), FALSE);
  adw_status_page_set_icon_name (self->summary_page, "edit-undo-symbolic");
  adw_status_page_set_title (self->summary_page, _("Import Reverted"));
  adw_status_page_set_description (self->summary_page,
                                   _("The workspace is as it was before "
                                     "this import."));
}

/**
 * _sales_import_wizard_revert:
 *
 * Asks, then takes the finished import back: its new rows are deleted
 * and the rows it updated get their earlier values again.
 */
void
_sales_import_wizard_revert (SalesImportWizard *self)
{
  gint64 import_id;

  if (self->result == NULL ||
      (import_id = sales_importer_get_import_id (self->result)) <= 0)
    return;

  sales_revert_dialog_present (GTK_WINDOW (self), self->workspace, import_id,
                               reverted_cb, self);
}

/* Lists the rejected rows of the finished import below the summary. */
void
_sales_import_wizard_show_rejects (SalesImportWizard *self)
{
  const GPtrArray *rejects;

  if (self->result == NULL)
    return;

  rejects = sales_importer_get_rejects (self->result);
  _sales_import_wizard_clear_list (self->rejects_list);
  for (guint i = 0; rejects != NULL && i < MIN (rejects->len, LISTED_REJECTS);
       i++)
    add_reject_row (self->rejects_list, rejects->pdata[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->rejects_list), TRUE);
}
