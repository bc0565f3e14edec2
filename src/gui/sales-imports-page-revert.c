/* sales-imports-page-revert.c: asking before an import is reverted
 *
 * Shared by the Imports page and the wizard's summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-imports-page"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "sales-importer.h"
#include "sales-imports-page-private.h"

typedef struct
{
  SalesWorkspace    *workspace;
  gint64             import_id;
  SalesRevertedFunc  done;
  gpointer           data;
} RevertJob;

static void
revert_job_free (gpointer data)
{
  RevertJob *job = data;

  g_clear_object (&job->workspace);
  g_free (job);
}

static void
revert_job_notify (gpointer  data,
                   GClosure *closure)
{
  revert_job_free (data);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             RevertJob        *job)
{
  g_autoptr(GError) error = NULL;
  gboolean reverted;

  if (!g_str_equal (response, "revert"))
    return;

  reverted = sales_import_revert (job->workspace, job->import_id, &error);
  job->done (reverted, error, job->data);
}

static char *
describe_import (SalesWorkspace *workspace,
                 gint64          import_id)
{
  sqlite3 *db = sales_workspace_get_db (workspace);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT inserted, updated FROM imports"
                              " WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, import_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 inserted = sqlite3_column_int64 (stmt, 0);
          gint64 updated = sqlite3_column_int64 (stmt, 1);

          /* Translators: what reverting an import does. */
          text = g_strdup_printf (_("The %" PRId64 " rows it added "
                                    "will be deleted and the %"
                                    PRId64 " rows it updated get "
                                    "their earlier values back."),
                                  inserted, updated);
        }
    }
  sqlite3_finalize (stmt);

  return text;
}

/**
 * sales_revert_dialog_present:
 * @parent: the window to be modal to
 * @workspace: the workspace
 * @import_id: the import to revert
 * @done: called after a confirmed revert, with its outcome
 * @data: for @done
 *
 * Asks whether to revert @import_id, saying what it will do, and reverts
 * it when the user confirms. Nothing happens when they cancel.
 *
 * Returns: (transfer none): the dialog, already presented
 */
AdwMessageDialog *
sales_revert_dialog_present (GtkWindow         *parent,
                             SalesWorkspace    *workspace,
                             gint64             import_id,
                             SalesRevertedFunc  done,
                             gpointer           data)
{
  g_autofree char *body = describe_import (workspace, import_id);
  RevertJob *job = g_new0 (RevertJob, 1);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Revert Import?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revert", _("_Revert"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "revert",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog),
                                         "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  job->workspace = g_object_ref (workspace);
  job->import_id = import_id;
  job->done = done;
  job->data = data;
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), job,
                         revert_job_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}
