/* sales-import-wizard-mapping.c: the target table and the mapping page
 *
 * Each source column gets a drop-down of the table's fields with the
 * importer's choice (remembered, else guessed) selected; fields no column
 * fills can take a constant. What the page shows is turned into the same
 * overrides and constants `salesops-cli import --map --set` takes, so
 * the dry run and the import read the file exactly as the command would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-import-wizard-private.h"
#include "sales-schema.h"

static const SalesTableInfo *
mapped_table (SalesImportWizard *self)
{
  SalesMapping *mapping = sales_importer_get_mapping (self->scan->importer);

  return sales_schema_lookup_table (sales_mapping_get_table (mapping));
}

static void
fill_tables (SalesImportWizard *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const SalesTableInfo *tables;
  const SalesTableInfo *current = mapped_table (self);
  guint n_tables;

  tables = sales_schema_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    gtk_string_list_append (labels, _(tables[i].label));

  self->filling = TRUE;
  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->table_row,
                              (guint)(current - tables));
  self->filling = FALSE;
}

static GListModel *
field_choices (const SalesTableInfo *table)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  /* Translators: a source column that fills no field is kept with the
   * row as an extra value.
   */
  gtk_string_list_append (labels, _("Keep as Extra Value"));
  for (guint i = 0; i < table->n_fields; i++)
    gtk_string_list_append (labels, _(table->fields[i].label));

  return G_LIST_MODEL (labels);
}

static char *
column_subtitle (SalesImportWizard *self,
                 SalesMapping      *mapping,
                 guint              column)
{
  const char *how = NULL;
  const char *sample = NULL;

  switch (sales_mapping_get_mapped_by (mapping, column))
    {
    case SALES_MAPPED_GUESS:
      how = _("guessed from the name");
      break;
    case SALES_MAPPED_REMEMBERED:
      how = _("as last time");
      break;
    case SALES_MAPPED_USER:
    case SALES_MAPPED_NONE:
    default:
      break;
    }

  for (guint r = 0; r < self->scan->rows->len && sample == NULL; r++)
    {
      char **cells = self->scan->rows->pdata[r];

      if (g_strv_length (cells) > column && *cells[column] != '\0')
        sample = cells[column];
    }

  if (sample == NULL)
    return g_strdup (how);
  if (how == NULL)
    return g_strdup_printf (_("e.g. “%s”"), sample);

  /* Translators: a sample value, then how the field was chosen. */
  return g_strdup_printf (_("e.g. “%s”, %s"), sample, how);
}

/* Whether a column is mapped to the record's id, as the rows now say. */
static gboolean
has_id_column (SalesImportWizard *self)
{
  const SalesTableInfo *table = mapped_table (self);

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (self->column_rows->pdata[i]);

      if (selected > 0 && selected <= table->n_fields &&
          g_str_equal (table->fields[selected - 1].name, "external_id"))
        return TRUE;
    }

  return FALSE;
}

static void
update_note (SalesImportWizard *self)
{
  SalesMapping *mapping = sales_importer_get_mapping (self->scan->importer);
  const char *how = sales_mapping_is_remembered (mapping)
    ? _("These columns were mapped like this when a file with the same "
        "columns was imported before.")
    : _("Fields were guessed from the column names; check each one. Columns "
        "kept as extra values stay with their rows, read-only.");
  g_autofree char *text = NULL;

  /* Translators: what the mapping is, then how rows are matched. */
  text = g_strdup_printf (_("%s %s"), how,
                          has_id_column (self)
                          ? _("Rows are matched to stored ones by their ID, "
                              "so importing a file again updates them.")
                          : _("No column holds an ID: each row is known by "
                              "its content, so importing the file again "
                              "adds nothing."));
  gtk_label_set_text (self->mapping_note, text);
}

static void
column_changed_cb (SalesImportWizard *self)
{
  update_note (self);
}

static void
fill_columns (SalesImportWizard *self)
{
  SalesMapping *mapping = sales_importer_get_mapping (self->scan->importer);
  const SalesTableInfo *table = mapped_table (self);

  _sales_import_wizard_clear_list (self->mapping_list);
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint i = 0; i < sales_mapping_get_n_columns (mapping); i++)
    {
      g_autoptr(GListModel) choices = field_choices (table);
      g_autofree char *subtitle = column_subtitle (self, mapping, i);
      const char *field = sales_mapping_get_field (mapping, i);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      for (guint f = 0; field != NULL && f < table->n_fields; f++)
        if (g_str_equal (table->fields[f].name, field))
          selected = f + 1;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sales_mapping_get_header (mapping, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_signal_connect_swapped (row, "notify::selected",
                                G_CALLBACK (column_changed_cb), self);
      gtk_list_box_append (self->mapping_list, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
fill_constants (SalesImportWizard *self)
{
  SalesMapping *mapping = sales_importer_get_mapping (self->scan->importer);
  const SalesTableInfo *table = mapped_table (self);

  _sales_import_wizard_clear_list (self->constants_list);
  g_ptr_array_set_size (self->constant_rows, 0);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const SalesField *field = &table->fields[i];
      GtkWidget *row;

      if (sales_mapping_find_field (mapping, field->name) >= 0 ||
          g_str_equal (field->name, "external_id"))
        continue;

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _(field->label));
      g_object_set_data (G_OBJECT (row), "sales-field", (gpointer)field->name);
      gtk_list_box_append (self->constants_list, row);
      g_ptr_array_add (self->constant_rows, row);
    }
}

/**
 * _sales_import_wizard_fill_mapping:
 *
 * Fills the mapping page from the importer the last reading prepared.
 */
void
_sales_import_wizard_fill_mapping (SalesImportWizard *self)
{
  if (self->scan == NULL)
    return;

  if (self->column_rows == NULL)
    {
      self->column_rows = g_ptr_array_new ();
      self->constant_rows = g_ptr_array_new ();
    }

  fill_tables (self);
  fill_columns (self);
  fill_constants (self);
  update_note (self);
}

/* A different table means a different mapping: read the file again. */
void
_sales_import_wizard_table_changed (SalesImportWizard *self)
{
  const SalesTableInfo *tables;
  guint n_tables;
  guint selected = adw_combo_row_get_selected (self->table_row);

  tables = sales_schema_tables (&n_tables);
  if (self->scan == NULL || selected >= n_tables ||
      g_str_equal (tables[selected].name, mapped_table (self)->name))
    return;

  g_free (self->table);
  self->table = g_strdup (tables[selected].name);
  _sales_import_wizard_scan (self);
}

static void
add_overrides (SalesImportWizard *self,
               SalesImporter     *importer)
{
  SalesMapping *mapping = sales_importer_get_mapping (self->scan->importer);
  const SalesTableInfo *table = mapped_table (self);

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (self->column_rows->pdata[i]);
      g_autofree char *spec = NULL;

      spec = g_strdup_printf ("%s=%s", sales_mapping_get_header (mapping, i),
                              selected > 0 && selected <= table->n_fields
                              ? table->fields[selected - 1].name : "-");
      sales_importer_add_override (importer, spec);
    }
}

static void
add_constants (SalesImportWizard *self,
               SalesImporter     *importer)
{
  for (guint i = 0; i < self->constant_rows->len; i++)
    {
      GtkEditable *row = self->constant_rows->pdata[i];
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));
      g_autofree char *spec = NULL;

      if (*text == '\0')
        continue;

      spec = g_strdup_printf ("%s=%s",
                              (const char *)g_object_get_data (G_OBJECT (row),
                                                               "sales-field"),
                              text);
      sales_importer_add_constant (importer, spec);
    }
}

/**
 * _sales_import_wizard_new_importer:
 *
 * Returns: (transfer full): an importer of the file with the table,
 *   sheet, mapping and constants the pages show
 */
SalesImporter *
_sales_import_wizard_new_importer (SalesImportWizard *self,
                                   gboolean           dry_run)
{
  g_autofree char *path = g_file_get_path (self->file);
  SalesImporter *importer = sales_importer_new (self->workspace, path);

  sales_importer_set_table (importer, mapped_table (self)->name);
  sales_importer_set_sheet (importer, self->scan->sheet);
  sales_importer_set_dry_run (importer, dry_run);
  sales_importer_set_remember_mapping (importer, !dry_run);
  _sales_import_wizard_reading_apply (&self->reading, importer);
  add_overrides (self, importer);
  add_constants (self, importer);

  return importer;
}
