/* sales-window-undo.c: undo and redo from anywhere in the window
 *
 * The journal lives in the workspace, so undo is the workspace's, not a
 * table view's: Ctrl+Z works whatever has the focus (a focused text field
 * still undoes its own typing first), and a toast says what was undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-schema.h"
#include "sales-window-private.h"

typedef struct
{
  char  *table;
  char  *action;
  char  *column;
  guint  n_rows;
} StepSummary;

static void
step_summary_clear (StepSummary *step)
{
  g_free (step->table);
  g_free (step->action);
  g_free (step->column);
}

/* Reads the journal group undo (or redo) would take next; FALSE when
 * there is none or the journal cannot be read.
 */
static gboolean
read_next_step (SalesWindow *self,
                gboolean     redo,
                StepSummary *step)
{
  const char *sql = redo
    ? "SELECT table_name, action, max(column_name), count(*) FROM edits"
      " WHERE group_id = (SELECT min(group_id) FROM edits WHERE undone = 1)"
    : "SELECT table_name, action, max(column_name), count(*) FROM edits"
      " WHERE group_id = (SELECT max(group_id) FROM edits WHERE undone = 0)";
  sqlite3 *db = sales_workspace_get_db (self->workspace);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (db != NULL && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 3) > 0)
    {
      step->table = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      step->action = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      step->column = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      step->n_rows = (guint)sqlite3_column_int (stmt, 3);
      found = step->table != NULL && step->action != NULL;
    }
  sqlite3_finalize (stmt);

  return found;
}

static const char *
field_label (const SalesTableInfo *info,
             const char           *column)
{
  const SalesField *field = column != NULL
    ? sales_table_info_lookup (info, column) : NULL;

  return field != NULL ? _(field->label) : column;
}

/* "Undone: change of Name in Opportunities" and the like. */
static char *
describe_step (const StepSummary *step,
               gboolean           redo)
{
  const SalesTableInfo *info = sales_schema_lookup_table (step->table);
  const char *table = info != NULL ? _(info->label) : step->table;
  g_autofree char *what = NULL;

  if (g_str_equal (step->action, "update") && info != NULL)
    /* Translators: "change of <field> in <table>" */
    what = g_strdup_printf (_("change of %s in %s"),
                            field_label (info, step->column), table);
  else if (g_str_equal (step->action, "delete"))
    what = g_strdup_printf (ngettext ("deletion of %u row in %s",
                                      "deletion of %u rows in %s",
                                      step->n_rows), step->n_rows, table);
  else
    what = g_strdup_printf (ngettext ("%u new row in %s",
                                      "%u new rows in %s",
                                      step->n_rows), step->n_rows, table);

  /* Translators: %s is what was undone, e.g. "change of Name in Leads" */
  return g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), what);
}

/* Repeated Ctrl+Z replaces the toast instead of queueing one per step. */
static void
show_undo_toast (SalesWindow *self,
                 const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  sales_window_add_toast (self, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalesWindow *self = SALES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");
  StepSummary step = { 0 };
  gboolean described;
  g_autofree char *message = NULL;

  if (self->workspace == NULL)
    return;

  described = read_next_step (self, redo, &step);
  if (!(redo ? sales_workspace_redo (self->workspace, &error)
             : sales_workspace_undo (self->workspace, &error)))
    message = g_strdup (error->message);
  else if (described)
    message = describe_step (&step, redo);
  step_summary_clear (&step);

  sales_window_update_undo (self);
  if (message != NULL)
    show_undo_toast (self, message);
}

/**
 * sales_window_update_undo:
 * @self: a window
 *
 * Enables Undo and Redo when the workspace's journal has a step to take.
 */
void
sales_window_update_undo (SalesWindow *self)
{
  gboolean open = self->workspace != NULL &&
                  sales_workspace_is_open (self->workspace);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 open && sales_workspace_can_undo (self->workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 open && sales_workspace_can_redo (self->workspace));
}

/**
 * sales_window_class_add_undo:
 * @widget_class: SalesWindow's class
 *
 * Installs win.undo and win.redo with Ctrl+Z and Ctrl+Shift+Z (and
 * Ctrl+Y, which spreadsheet users expect).
 */
void
sales_window_class_add_undo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL,
                                   undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL,
                                   undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y,
                                       GDK_CONTROL_MASK, "win.redo", NULL);
}
