/* sales-imports-page.c: every import of a workspace, its rejects, revert
 *
 * One expandable row per import, newest first: file, time, table and
 * counts; expanded, the mapping used and the first rejected rows. Each
 * row can save all its rejected rows as a CSV to fix and import again,
 * and revert the import after asking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-imports-page"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sales-imports-page-export.h"
#include "sales-imports-page-private.h"
#include "sales-schema.h"

/* Rejected rows listed under an import; the CSV export has them all. */
#define LISTED_REJECTS 50

struct _SalesImportsPage
{
  GtkWidget             parent_instance;

  SalesWorkspace       *workspace;
  guint                 n_imports;
  gint64                export_id;
  GtkNativeDialog      *chooser;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *imports_list;
};

G_DEFINE_FINAL_TYPE (SalesImportsPage, sales_imports_page, GTK_TYPE_WIDGET)

static void
toast (SalesImportsPage *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
describe_mapping (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *root;
  JsonArray *columns;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (_("Not recorded"));

  root = json_node_get_object (json_parser_get_root (parser));
  columns = json_object_has_member (root, "columns")
    ? json_object_get_array_member (root, "columns") : NULL;
  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    {
      JsonObject *column = json_array_get_object_element (columns, i);
      const char *field = json_object_get_string_member_with_default (column,
                                                                      "field",
                                                                      NULL);

      /* Translators: a source column and the field it filled. */
      g_string_append_printf (text, _("%s → %s\n"),
                              json_object_get_string_member_with_default (column,
                                                                          "header",
                                                                          ""),
                              field != NULL ? field : _("extra"));
    }

  g_strchomp (text->str);
  return g_strdup (text->str);
}

static void
add_rejects (GtkWidget *expander,
             sqlite3   *db,
             gint64     import_id,
             gint64     n_rejected)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT line, column_name, value, reason"
                              " FROM import_rejects WHERE import_id = ?"
                              " ORDER BY line, id LIMIT ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    return;

  sqlite3_bind_int64 (stmt, 1, import_id);
  sqlite3_bind_int (stmt, 2, LISTED_REJECTS);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GtkWidget *row = adw_action_row_new ();
      const char *column = (const char *)sqlite3_column_text (stmt, 1);
      const char *value = (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *title = NULL;

      title = g_strdup_printf (_("Line %" PRId64 ", %s: “%s”"),
                               (gint64)sqlite3_column_int64 (stmt, 0),
                               column != NULL ? column : _("row"),
                               value != NULL ? value : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   (const char *)sqlite3_column_text (stmt, 3));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  sqlite3_finalize (stmt);

  if (n_rejected > LISTED_REJECTS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("%" PRId64 " more; "
                                                 "export them to see all"),
                                               n_rejected - LISTED_REJECTS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

static void export_clicked_cb (GtkButton        *button,
                               SalesImportsPage *self);
static void revert_clicked_cb (GtkButton        *button,
                               SalesImportsPage *self);

static GtkWidget *
action_button (SalesImportsPage *self,
               const char       *icon,
               const char       *tooltip,
               gint64            import_id,
               GCallback         callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "sales-import-id",
                          g_memdup2 (&import_id, sizeof import_id), g_free);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static char *
summary_text (sqlite3_stmt *stmt)
{
  const char *table = (const char *)sqlite3_column_text (stmt, 2);
  const char *reverted = (const char *)sqlite3_column_text (stmt, 8);
  const SalesTableInfo *info = sales_schema_lookup_table (table);
  g_autofree char *counts = NULL;

  /* Translators: time, table, then the counts of an import. */
  counts = g_strdup_printf (_("%s · %s · %" PRId64 " new, %"
                              PRId64 " updated, %" PRId64
                              " unchanged, %" PRId64 " rejected"),
                            (const char *)sqlite3_column_text (stmt, 3),
                            info != NULL ? _(info->label) : table,
                            (gint64)sqlite3_column_int64 (stmt, 4),
                            (gint64)sqlite3_column_int64 (stmt, 5),
                            (gint64)sqlite3_column_int64 (stmt, 6),
                            (gint64)sqlite3_column_int64 (stmt, 7));
  if (reverted == NULL)
    return g_steal_pointer (&counts);

  /* Translators: an import's counts, then when it was reverted. */
  return g_strdup_printf (_("%s · reverted %s"), counts, reverted);
}

static void
add_import (SalesImportsPage *self,
            sqlite3_stmt     *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 n_rejected = sqlite3_column_int64 (stmt, 7);
  gboolean reverted = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  g_autofree char *name = g_path_get_basename ((const char *)
                                               sqlite3_column_text (stmt, 1));
  g_autofree char *subtitle = summary_text (stmt);
  g_autofree char *mapping = describe_mapping ((const char *)
                                               sqlite3_column_text (stmt, 9));
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *mapping_row = adw_action_row_new ();
  GtkWidget *revert;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  if (n_rejected > 0)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                 action_button (self, "document-save-symbolic",
                                                _("Save Rejected Rows as CSV…"),
                                                id,
                                                G_CALLBACK (export_clicked_cb)));
  revert = action_button (self, "edit-undo-symbolic", _("Revert Import…"), id,
                          G_CALLBACK (revert_clicked_cb));
  gtk_widget_set_sensitive (revert, !reverted);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), revert);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mapping_row),
                                 _("Mapping"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (mapping_row), mapping);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (mapping_row), 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mapping_row);
  add_rejects (expander, sales_workspace_get_db (self->workspace), id,
               n_rejected);

  gtk_list_box_append (self->imports_list, expander);
}

static void
reload (SalesImportsPage *self)
{
  sqlite3 *db = sales_workspace_get_db (self->workspace);
  sqlite3_stmt *stmt = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->imports_list))))
    gtk_list_box_remove (self->imports_list, child);
  self->n_imports = 0;

  if (db != NULL &&
      sqlite3_prepare_v2 (db, "SELECT id, file_name, table_name, started_at,"
                              " inserted, updated, unchanged, rejected,"
                              " reverted_at, mapping FROM imports"
                              " ORDER BY id DESC", -1, &stmt,
                          NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          add_import (self, stmt);
          self->n_imports++;
        }
    }
  sqlite3_finalize (stmt);

  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_imports > 0 ? "list" : "empty");
}

static gint64
button_import_id (GtkButton *button)
{
  return *(gint64 *)g_object_get_data (G_OBJECT (button), "sales-import-id");
}

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    SalesImportsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!sales_import_rejects_export (self->workspace, self->export_id, path,
                                    &error))
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Saved the rejected rows to %s"), path);
  toast (self, message);
}

static void
export_clicked_cb (GtkButton        *button,
                   SalesImportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  self->export_id = button_import_id (button);
  chooser = gtk_file_chooser_native_new (_("Save Rejected Rows"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                              : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     _("rejected-rows.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
reverted_cb (gboolean      reverted,
             const GError *error,
             gpointer      data)
{
  SalesImportsPage *self = data;

  toast (self, reverted ? _("Import reverted") : error->message);
}

static void
revert_clicked_cb (GtkButton        *button,
                   SalesImportsPage *self)
{
  sales_imports_page_revert (self, button_import_id (button));
}

/**
 * sales_imports_page_revert:
 * @self: an imports page
 * @import_id: an import
 *
 * Asks whether to revert @import_id, and does when confirmed.
 *
 * Returns: (transfer none): the question, presented
 */
AdwMessageDialog *
sales_imports_page_revert (SalesImportsPage *self,
                           gint64            import_id)
{
  GtkRoot *root;

  g_return_val_if_fail (SALES_IS_IMPORTS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return sales_revert_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                           : NULL,
                                      self->workspace, import_id,
                                      reverted_cb, self);
}

guint
sales_imports_page_get_n_imports (SalesImportsPage *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTS_PAGE (self), 0);

  return self->n_imports;
}

static void
sales_imports_page_dispose (GObject *object)
{
  SalesImportsPage *self = SALES_IMPORTS_PAGE (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sales_imports_page_parent_class)->dispose (object);
}

static void
sales_imports_page_class_init (SalesImportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_imports_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-imports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesImportsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesImportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SalesImportsPage, imports_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sales_imports_page_init (SalesImportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_imports_page_new:
 * @workspace: an open workspace
 *
 * Returns: (transfer floating): a page listing the imports of @workspace,
 *   kept up to date as the workspace changes
 */
GtkWidget *
sales_imports_page_new (SalesWorkspace *workspace)
{
  SalesImportsPage *self;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SALES_TYPE_IMPORTS_PAGE, NULL);
  self->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}
