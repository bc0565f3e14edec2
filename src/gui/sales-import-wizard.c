/* sales-import-wizard.c: the import dialog, one file at a time
 *
 * A stack of pages: file and sheet, format and preview, target table and
 * mapping, review (a dry run: nothing written), progress with cancel, and
 * a summary with revert. Reading, sniffing, the dry run and the import run
 * in worker threads through the importer; the window only shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-error.h"
#include "sales-import-wizard-private.h"

G_DEFINE_FINAL_TYPE (SalesImportWizard, sales_import_wizard, ADW_TYPE_WINDOW)

enum { FINISHED, SHOW_REJECTS, N_SIGNALS };

static guint signals[N_SIGNALS];

static const char *const page_order[] = {
  "file", "format", "mapping", "review", "progress", "summary",
};

void
sales_import_scan_free (SalesImportScan *scan)
{
  g_clear_object (&scan->importer);
  g_clear_pointer (&scan->rows, g_ptr_array_unref);
  g_free (scan->format);
  g_free (scan->encoding);
  g_free (scan->sheet);
  g_clear_pointer (&scan->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&scan->sheet_hidden, g_array_unref);
  g_free (scan->note);
  g_free (scan);
}

void
_sales_import_wizard_toast (SalesImportWizard *self,
                            const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_sales_import_wizard_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/**
 * _sales_import_wizard_add_row:
 *
 * Appends a read-only row with @value (if any) at its end.
 */
GtkWidget *
_sales_import_wizard_add_row (GtkListBox *list,
                              const char *title,
                              const char *subtitle,
                              const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (list, row);

  return row;
}

static int
page_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_order); i++)
    if (g_str_equal (page_order[i], name))
      return (int)i;

  g_assert_not_reached ();
  return 0;
}

/* The header bar's buttons follow the page and whether work runs. */
static void
update_buttons (SalesImportWizard *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  int index = page_index (page);
  const char *next = _("_Next");

  if (g_str_equal (page, "mapping"))
    next = _("_Review");
  else if (g_str_equal (page, "review"))
    next = _("_Import");
  else if (g_str_equal (page, "summary"))
    next = _("_Done");

  gtk_button_set_label (self->next_button, next);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button),
                          !g_str_equal (page, "progress"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            !self->busy && self->scan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          index > 0 && index < page_index ("progress"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button),
                          index < page_index ("progress"));
}

void
_sales_import_wizard_set_busy (SalesImportWizard *self,
                               gboolean           busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  update_buttons (self);
}

void
_sales_import_wizard_show_page (SalesImportWizard *self,
                                const char        *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_buttons (self);
}

static void
next_clicked_cb (SalesImportWizard *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->busy)
    return;

  if (g_str_equal (page, "file"))
    _sales_import_wizard_show_page (self, "format");
  else if (g_str_equal (page, "format"))
    _sales_import_wizard_show_page (self, "mapping");
  else if (g_str_equal (page, "mapping"))
    _sales_import_wizard_review (self);
  else if (g_str_equal (page, "review"))
    _sales_import_wizard_import (self);
  else if (g_str_equal (page, "summary"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_clicked_cb (SalesImportWizard *self)
{
  int index = page_index (gtk_stack_get_visible_child_name (self->stack));

  if (!self->busy && index > 0)
    _sales_import_wizard_show_page (self, page_order[index - 1]);
}

static void
cancel_clicked_cb (SalesImportWizard *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
stop_clicked_cb (SalesImportWizard *self)
{
  _sales_import_wizard_stop (self);
}

static void
choose_clicked_cb (SalesImportWizard *self)
{
  _sales_import_wizard_choose_file (self);
}

static void
show_rejects_clicked_cb (SalesImportWizard *self)
{
  _sales_import_wizard_show_rejects (self);
  if (self->result != NULL)
    g_signal_emit (self, signals[SHOW_REJECTS], 0,
                   sales_importer_get_import_id (self->result));
}

static void
revert_clicked_cb (SalesImportWizard *self)
{
  _sales_import_wizard_revert (self);
}

static void
sheet_selected_cb (SalesImportWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (self->filling || self->scan == NULL ||
      selected >= self->scan->sheet_names->len)
    return;

  g_free (self->sheet);
  self->sheet = g_strdup (g_ptr_array_index (self->scan->sheet_names,
                                             selected));
  _sales_import_wizard_scan (self);
}

static void
table_selected_cb (SalesImportWizard *self)
{
  if (!self->filling)
    _sales_import_wizard_table_changed (self);
}

/* A running read or import is cancelled (and rolled back) first. Also
 * reached from dispose: a wizard destroyed with its parent finishes too.
 */
static void
finish (SalesImportWizard *self)
{
  if (self->finished)
    return;

  self->finished = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_hide (self->chooser);
  g_signal_emit (self, signals[FINISHED], 0);
}

static gboolean
sales_import_wizard_close_request (GtkWindow *window)
{
  finish (SALES_IMPORT_WIZARD (window));

  return GTK_WINDOW_CLASS (sales_import_wizard_parent_class)->close_request (window);
}

static void
sales_import_wizard_dispose (GObject *object)
{
  SalesImportWizard *self = SALES_IMPORT_WIZARD (object);

  if (self->cancellable != NULL)
    finish (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scan, sales_import_scan_free);
  g_clear_object (&self->result);
  g_clear_object (&self->workspace);
  g_clear_object (&self->file);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->constant_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sales_import_wizard_parent_class)->dispose (object);
}

static void
sales_import_wizard_finalize (GObject *object)
{
  SalesImportWizard *self = SALES_IMPORT_WIZARD (object);

  g_free (self->sheet);
  g_free (self->table);
  _sales_import_wizard_reading_clear (&self->reading);

  G_OBJECT_CLASS (sales_import_wizard_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, spinner);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, file_row);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, facts_list);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, preview_view);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, columns_list);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, table_row);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, mapping_note);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, constants_list);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, counts_list);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, reasons_heading);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, sample_heading);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, sample_list);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, progress_page);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, summary_page);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, show_rejects_button);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, revert_button);
  gtk_widget_class_bind_template_child (widget_class, SalesImportWizard, rejects_list);
}

static void
sales_import_wizard_class_init (SalesImportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sales_import_wizard_dispose;
  object_class->finalize = sales_import_wizard_finalize;
  window_class->close_request = sales_import_wizard_close_request;

  /**
   * SalesImportWizard::finished:
   *
   * Emitted once when the wizard closes, whatever the outcome.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SalesImportWizard::show-rejects:
   * @import_id: the import whose rejected rows the user asked for
   *
   * Lets the window open the Imports page on that import.
   */
  signals[SHOW_REJECTS] =
    g_signal_new ("show-rejects", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-import-wizard.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_rejects_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
sales_import_wizard_init (SalesImportWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  _sales_import_wizard_reading_init (&self->reading);

  g_signal_connect_swapped (self->sheet_row, "notify::selected",
                            G_CALLBACK (sheet_selected_cb), self);
  g_signal_connect_swapped (self->table_row, "notify::selected",
                            G_CALLBACK (table_selected_cb), self);
  update_buttons (self);
}

/**
 * sales_import_wizard_new:
 * @parent: (nullable): the window the wizard is modal to
 * @workspace: the workspace to import into
 * @file: (nullable): the file, or %NULL to choose one on the first page
 *
 * Creates the wizard and, for @file, starts reading it in a thread.
 * Present it with gtk_window_present().
 *
 * Returns: (transfer none): the wizard, owned by GTK until it closes
 */
SalesImportWizard *
sales_import_wizard_new (GtkWindow      *parent,
                         SalesWorkspace *workspace,
                         GFile          *file)
{
  SalesImportWizard *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (SALES_TYPE_IMPORT_WIZARD, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->workspace = g_object_ref (workspace);
  if (file != NULL)
    {
      self->file = g_object_ref (file);
      _sales_import_wizard_scan (self);
    }

  return self;
}

static const char *const importable[] = {
  ".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods", ".json",
};

/**
 * sales_import_wizard_can_import:
 * @file: a file
 *
 * Returns: whether the wizard reads @file, judged by its extension (any
 *   case): CSV, TSV, TXT, XLSX, XLSM, ODS or JSON
 */
gboolean
sales_import_wizard_can_import (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  if (name == NULL)
    return FALSE;

  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (importable); i++)
    if (g_str_has_suffix (lower, importable[i]))
      return TRUE;

  return FALSE;
}

/* Pasted text is tab-separated when copied from a spreadsheet. */
static const char *
pasted_extension (const char *text)
{
  const char *end = strchr (text, '\n');
  gsize first_line = end != NULL ? (gsize)(end - text) : strlen (text);

  return memchr (text, '\t', first_line) != NULL ? ".tsv" : ".csv";
}

/**
 * sales_import_wizard_new_for_text:
 * @parent: (nullable): the window the wizard is modal to
 * @workspace: the workspace to import into
 * @text: tabular text from the clipboard (tab- or comma-separated)
 * @error: return location for a #GError
 *
 * Writes @text to a new file in the user's cache directory (as .tsv when
 * its first line holds a tab, else .csv) and opens the wizard on it.
 *
 * Returns: (transfer none) (nullable): the wizard; %NULL with
 *   %SALES_ERROR_IO when the file could not be written, or
 *   %SALES_ERROR_INVALID for empty text
 */
SalesImportWizard *
sales_import_wizard_new_for_text (GtkWindow       *parent,
                                  SalesWorkspace  *workspace,
                                  const char      *text,
                                  GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    {
      g_set_error_literal (error, SALES_ERROR, SALES_ERROR_INVALID,
                           _("The clipboard holds no text to import"));
      return NULL;
    }

  dir = g_build_filename (g_get_user_cache_dir (), "salesops", "pasted", NULL);
  name = g_date_time_format (now, "pasted-%Y%m%d-%H%M%S");
  path = g_strconcat (dir, G_DIR_SEPARATOR_S, name, pasted_extension (text),
                      NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, text, -1, NULL))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_IO,
                   _("Could not write the pasted text to “%s”; check that "
                     "the cache folder is writable"), path);
      return NULL;
    }

  file = g_file_new_for_path (path);
  return sales_import_wizard_new (parent, workspace, file);
}

const char *
sales_import_wizard_get_page (SalesImportWizard *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_WIZARD (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
sales_import_wizard_is_busy (SalesImportWizard *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_WIZARD (self), FALSE);

  return self->busy;
}

/* Does what the Next button does. */
void
sales_import_wizard_go_next (SalesImportWizard *self)
{
  g_return_if_fail (SALES_IS_IMPORT_WIZARD (self));

  next_clicked_cb (self);
}

void
sales_import_wizard_cancel_import (SalesImportWizard *self)
{
  g_return_if_fail (SALES_IS_IMPORT_WIZARD (self));

  _sales_import_wizard_stop (self);
}

/**
 * sales_import_wizard_get_result:
 * @self: a wizard
 *
 * Returns: (transfer none) (nullable): the importer of the finished
 *   import, or of the dry run on the review page
 */
SalesImporter *
sales_import_wizard_get_result (SalesImportWizard *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_WIZARD (self), NULL);

  return self->result;
}
