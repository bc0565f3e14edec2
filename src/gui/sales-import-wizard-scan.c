/* sales-import-wizard-scan.c: the file, sheet, format and preview pages
 *
 * Reading a file (opening it, sniffing every row, guessing the table and
 * the mapping, taking the first rows for the preview) runs in a worker
 * thread; the pages are filled when it is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-import-wizard-private.h"
#include "sales-schema.h"

/* Data rows shown in the preview table. */
#define PREVIEW_ROWS 20

typedef struct
{
  SalesWorkspace *workspace;
  char           *path;
  char           *sheet;
  char           *table;
  SalesImportReading reading;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_clear_object (&job->workspace);
  g_free (job->path);
  g_free (job->sheet);
  g_free (job->table);
  _sales_import_wizard_reading_clear (&job->reading);
  g_free (job);
}

static gboolean
read_preview (SalesImportScan  *scan,
              ScanJob          *job,
              GCancellable     *cancellable,
              GError          **error)
{
  SalesReadOptions options = { job->reading.encoding, job->reading.delimiter };
  SalesSniffer *sniffer = sales_importer_get_sniffer (scan->importer);
  guint skip = sales_sniffer_get_skip_rows (sniffer);
  g_autoptr(SalesReader) reader = NULL;
  g_autoptr(GError) local = NULL;
  const GPtrArray *sheets;
  SalesRow *row = NULL;

  reader = sales_reader_open_with_options (job->path, job->sheet, &options,
                                           cancellable, error);
  if (reader == NULL)
    return FALSE;

  scan->format = g_strdup (sales_reader_get_format (reader));
  scan->encoding = g_strdup (sales_reader_get_encoding (reader));
  scan->delimiter = sales_reader_get_delimiter (reader);
  scan->sheet = g_strdup (sales_reader_get_sheet (reader));
  sheets = sales_reader_get_sheets (reader);
  for (guint i = 0; sheets != NULL && i < sheets->len; i++)
    {
      const SalesSheetInfo *info = g_ptr_array_index (sheets, i);

      g_ptr_array_add (scan->sheet_names, g_strdup (info->name));
      g_array_append_val (scan->sheet_hidden, info->hidden);
    }

  for (guint i = 0; scan->rows->len < PREVIEW_ROWS &&
                    sales_reader_next_row (reader, &row, &local); i++)
    {
      char **cells;

      if (i < skip)
        continue;
      cells = g_new0 (char *, row->n_cells + 1);
      for (guint c = 0; c < row->n_cells; c++)
        cells[c] = g_strdup (row->cells[c]);
      g_ptr_array_add (scan->rows, cells);
    }

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  return TRUE;
}

static SalesImporter *
new_importer (ScanJob    *job,
              const char *table)
{
  SalesImporter *importer = sales_importer_new (job->workspace, job->path);

  sales_importer_set_sheet (importer, job->sheet);
  sales_importer_set_table (importer, table);
  _sales_import_wizard_reading_apply (&job->reading, importer);
  return importer;
}

/* A file read with the wrong delimiter or header row has headers no
 * table knows; its format page must still show, so that the user can
 * correct the reading. The first table stands in until then.
 */
static gboolean
prepare (SalesImportScan  *scan,
         ScanJob          *job,
         GCancellable     *cancellable,
         GError          **error)
{
  g_autoptr(GError) local = NULL;
  guint n_tables;

  scan->importer = new_importer (job, job->table);
  if (sales_importer_prepare (scan->importer, cancellable, &local))
    return TRUE;

  if (job->table != NULL ||
      !g_error_matches (local, SALES_ERROR, SALES_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  scan->note = g_strdup (local->message);
  g_clear_object (&scan->importer);
  scan->importer = new_importer (job, sales_schema_tables (&n_tables)[0].name);
  return sales_importer_prepare (scan->importer, cancellable, error);
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  ScanJob *job = data;
  g_autoptr(SalesImportScan) scan = g_new0 (SalesImportScan, 1);
  GError *error = NULL;

  scan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  scan->sheet_names = g_ptr_array_new_with_free_func (g_free);
  scan->sheet_hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!prepare (scan, job, cancellable, &error) ||
      !read_preview (scan, job, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&scan),
                         (GDestroyNotify)sales_import_scan_free);
}

static void
fill_sheets (SalesImportWizard *self)
{
  GPtrArray *names = self->scan->sheet_names;
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *label = NULL;

      /* Translators: a sheet of a workbook that Excel does not show. */
      label = g_array_index (self->scan->sheet_hidden, gboolean, i)
        ? g_strdup_printf (_("%s (hidden)"), name) : g_strdup (name);
      gtk_string_list_append (list, label);
      if (g_strcmp0 (name, self->scan->sheet) == 0)
        selected = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->sheet_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), names->len > 0);
  self->filling = FALSE;
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  SalesImportWizard *self = SALES_IMPORT_WIZARD (source);
  g_autoptr(GError) error = NULL;
  SalesImportScan *scan;

  scan = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->finished || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&scan, sales_import_scan_free);
      return;
    }

  g_clear_pointer (&self->scan, sales_import_scan_free);
  self->scan = scan;
  _sales_import_wizard_set_busy (self, FALSE);
  if (scan == NULL)
    {
      adw_action_row_set_subtitle (self->file_row, error->message);
      _sales_import_wizard_toast (self, error->message);
      return;
    }

  fill_sheets (self);
  _sales_import_wizard_fill_format (self);
  _sales_import_wizard_fill_mapping (self);
  if (scan->note != NULL)
    _sales_import_wizard_toast (self, scan->note);
}

/**
 * _sales_import_wizard_scan:
 *
 * Reads the file again (after a change of file, sheet or table) in a
 * worker thread; the pages are refilled when it is done.
 */
void
_sales_import_wizard_scan (SalesImportWizard *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  ScanJob *job = g_new0 (ScanJob, 1);

  adw_window_title_set_subtitle (self->window_title, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, _("Reading…"));
  g_clear_pointer (&self->scan, sales_import_scan_free);
  _sales_import_wizard_set_busy (self, TRUE);

  job->workspace = g_object_ref (self->workspace);
  job->path = g_file_get_path (self->file);
  job->sheet = g_strdup (self->sheet);
  job->table = g_strdup (self->table);
  _sales_import_wizard_reading_copy (&self->reading, &job->reading);

  task = g_task_new (self, self->cancellable, scan_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)scan_job_free);
  g_task_run_in_thread (task, scan_thread);
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     SalesImportWizard *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->table, g_free);
  _sales_import_wizard_scan (self);
}

void
_sales_import_wizard_choose_file (SalesImportWizard *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *const patterns[] = { "*.csv", "*.tsv", "*.txt", "*.xlsx",
                                   "*.xlsm", "*.ods", "*.json" };

  if (self->chooser != NULL || self->busy)
    return;

  gtk_file_filter_set_name (filter, _("Spreadsheets and exports"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_suffix (filter, patterns[i] + 2);

  chooser = gtk_file_chooser_native_new (_("Choose a File to Import"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb),
                    self);
  gtk_native_dialog_show (self->chooser);
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("Comma");
    case ';':
      return _("Semicolon");
    case '\t':
      return _("Tab");
    case '|':
      return _("Vertical bar");
    default:
      return NULL;
    }
}

static void
fill_facts (SalesImportWizard *self)
{
  g_autofree char *upper = g_ascii_strup (self->scan->format, -1);

  _sales_import_wizard_clear_list (self->facts_list);
  _sales_import_wizard_add_row (self->facts_list, _("Format"), NULL, upper);
  _sales_import_wizard_fill_reading (self,
                                     delimiter_name (self->scan->delimiter));
}

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                      "sales-column"));
  GtkStringList *row = gtk_list_item_get_item (item);
  const char *text = gtk_string_list_get_string (row, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      text != NULL ? text : "");
}

static void
fill_preview (SalesImportWizard *self)
{
  SalesSniffer *sniffer = sales_importer_get_sniffer (self->scan->importer);
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }

  for (guint i = 0; i < sales_sniffer_get_n_columns (sniffer); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "sales-column",
                         GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), NULL);
      column = gtk_column_view_column_new (sales_sniffer_get_column_name (sniffer,
                                                                          i),
                                           factory);
      gtk_column_view_append_column (self->preview_view, column);
    }

  for (guint i = 0; i < self->scan->rows->len; i++)
    {
      g_autoptr(GtkStringList) row =
        gtk_string_list_new ((const char *const *)self->scan->rows->pdata[i]);

      g_list_store_append (rows, row);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview_view,
                             GTK_SELECTION_MODEL (selection));
}

static char *
describe_column (SalesSniffer *sniffer,
                 guint         column)
{
  SalesDateOrder chosen = sales_sniffer_get_chosen_date_order (sniffer, column);
  SalesColumnType type = sales_sniffer_get_column_type (sniffer, column);
  g_autofree char *rule = NULL;
  SalesOrderRule order_rule = SALES_ORDER_RULE_NONE;
  SalesColumnFormat format;

  sales_sniffer_get_column_format (sniffer, column, &format);
  rule = sales_sniffer_dup_date_explanation (sniffer, column, &order_rule);
  if (chosen != SALES_DATE_ORDER_NONE)
    /* Translators: column type, then the date order the user chose */
    return g_strdup_printf (_("%s, %s: chosen here"),
                            sales_column_type_to_string (type),
                            sales_date_order_to_string (chosen));
  if (format.date_order == SALES_DATE_ORDER_NONE || rule == NULL)
    return g_strdup (sales_column_type_to_string (type));

  /* Translators: column type, date order, and the rule that decided it. */
  return g_strdup_printf (_("%s, %s: %s"), sales_column_type_to_string (type),
                          sales_date_order_to_string (format.date_order),
                          rule);
}

static void
fill_columns (SalesImportWizard *self)
{
  SalesSniffer *sniffer = sales_importer_get_sniffer (self->scan->importer);

  _sales_import_wizard_clear_list (self->columns_list);
  for (guint i = 0; i < sales_sniffer_get_n_columns (sniffer); i++)
    {
      g_autofree char *text = describe_column (sniffer, i);
      const char *name = sales_sniffer_get_column_name (sniffer, i);
      SalesColumnFormat format;
      GtkWidget *row;

      /* Numeric dates can be read either way: the user may choose. */
      sales_sniffer_get_column_format (sniffer, i, &format);
      if (format.date_order != SALES_DATE_ORDER_NONE)
        {
          _sales_import_wizard_add_date_order (self, i, name, text);
          continue;
        }
      row = _sales_import_wizard_add_row (self->columns_list, name, text, NULL);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
}

/**
 * _sales_import_wizard_fill_format:
 *
 * Fills the format page from the last reading of the file.
 */
void
_sales_import_wizard_fill_format (SalesImportWizard *self)
{
  g_autofree char *path = NULL;

  if (self->scan == NULL)
    return;

  path = g_file_get_path (self->file);
  adw_action_row_set_subtitle (self->file_row, path);
  fill_facts (self);
  fill_preview (self);
  fill_columns (self);
}
