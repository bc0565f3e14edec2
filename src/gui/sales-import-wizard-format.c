/* sales-import-wizard-format.c: correcting how the file is read
 *
 * The format page shows what detection decided as drop-downs: the
 * encoding and delimiter of a text file, the header row, and for each
 * column of numeric dates whether the day or the month comes first. The
 * first choice of each is "Automatic"; any other reads the file again
 * with that choice (the preview and the columns follow), and the dry run
 * and the import use the same choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import-wizard"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "sales-import-wizard-private.h"
#include "sales-limits.h"

/* The encodings offered, after "Automatic". */
static const struct
{
  const char *name;
  const char *label;
} encodings[] = {
  { "UTF-8", N_("UTF-8") },
  { "UTF-16LE", N_("UTF-16, little-endian") },
  { "UTF-16BE", N_("UTF-16, big-endian") },
  { "WINDOWS-1252", N_("Windows-1252 (Latin-1)") },
};

static const struct
{
  char        delimiter;
  const char *label;
} delimiters[] = {
  { ',', N_("Comma") },
  { ';', N_("Semicolon") },
  { '\t', N_("Tab") },
  { '|', N_("Vertical bar") },
};

static const struct
{
  SalesDateOrder  order;
  const char     *label;
} date_orders[] = {
  { SALES_DATE_ORDER_DAY_FIRST, N_("Day first (31/12)") },
  { SALES_DATE_ORDER_MONTH_FIRST, N_("Month first (12/31)") },
};

void
_sales_import_wizard_reading_init (SalesImportReading *reading)
{
  reading->encoding = NULL;
  reading->delimiter = 0;
  reading->header_row = -1;
  reading->date_orders = g_array_new (FALSE, TRUE, sizeof (SalesDateOrder));
}

void
_sales_import_wizard_reading_clear (SalesImportReading *reading)
{
  g_clear_pointer (&reading->encoding, g_free);
  g_clear_pointer (&reading->date_orders, g_array_unref);
}

void
_sales_import_wizard_reading_copy (const SalesImportReading *from,
                                   SalesImportReading       *to)
{
  _sales_import_wizard_reading_init (to);
  to->encoding = g_strdup (from->encoding);
  to->delimiter = from->delimiter;
  to->header_row = from->header_row;
  g_array_append_vals (to->date_orders, from->date_orders->data,
                       from->date_orders->len);
}

/**
 * _sales_import_wizard_reading_apply:
 * @reading: what the user chose
 * @importer: an importer not prepared yet
 *
 * Hands the choices to @importer, for the scan, the dry run and the
 * import alike.
 */
void
_sales_import_wizard_reading_apply (const SalesImportReading *reading,
                                    SalesImporter            *importer)
{
  sales_importer_set_encoding (importer, reading->encoding);
  sales_importer_set_delimiter (importer, reading->delimiter);
  sales_importer_set_header_row (importer, reading->header_row);
  for (guint i = 0; i < reading->date_orders->len; i++)
    sales_importer_set_date_order (importer, i,
                                   g_array_index (reading->date_orders,
                                                  SalesDateOrder, i));
}

static GtkWidget *
combo_row_new (const char  *title,
               const char  *subtitle,
               GtkStringList *choices,
               guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

/* "Automatic (UTF-8)" while detection decides, "Automatic" otherwise. */
static GtkStringList *
choices_new (gboolean    automatic,
             const char *detected)
{
  GtkStringList *choices = gtk_string_list_new (NULL);
  g_autofree char *first = NULL;

  /* Translators: a choice that lets detection decide; %s is its result */
  first = automatic && detected != NULL
    ? g_strdup_printf (_("Automatic (%s)"), detected)
    : g_strdup (_("Automatic"));
  gtk_string_list_append (choices, first);
  return choices;
}

static void
reading_changed (SalesImportWizard *self,
                 gboolean           columns_move)
{
  /* Another delimiter or header row can move or rename the columns. */
  if (columns_move)
    g_array_set_size (self->reading.date_orders, 0);
  _sales_import_wizard_scan (self);
}

static void
encoding_selected_cb (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      SalesImportWizard *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;

  g_free (self->reading.encoding);
  self->reading.encoding = selected > 0 && selected <= G_N_ELEMENTS (encodings)
    ? g_strdup (encodings[selected - 1].name) : NULL;
  reading_changed (self, FALSE);
}

static void
delimiter_selected_cb (AdwComboRow       *row,
                       GParamSpec        *pspec,
                       SalesImportWizard *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;

  self->reading.delimiter = selected > 0 && selected <= G_N_ELEMENTS (delimiters)
    ? delimiters[selected - 1].delimiter : 0;
  reading_changed (self, TRUE);
}

static void
header_selected_cb (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    SalesImportWizard *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;

  /* Automatic, None, Row 1, Row 2, ... */
  self->reading.header_row = selected == GTK_INVALID_LIST_POSITION
    ? -1 : (int)selected - 1;
  reading_changed (self, TRUE);
}

static void
add_encoding_row (SalesImportWizard *self)
{
  g_autoptr(GtkStringList) choices = NULL;
  guint selected = 0;

  choices = choices_new (self->reading.encoding == NULL, self->scan->encoding);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gtk_string_list_append (choices, _(encodings[i].label));
      if (g_strcmp0 (self->reading.encoding, encodings[i].name) == 0)
        selected = i + 1;
    }

  self->encoding_row = combo_row_new (_("Encoding"),
                                      _("Detected from the bytes of the "
                                        "file; change it when letters "
                                        "look wrong"),
                                      choices, selected);
  g_signal_connect (self->encoding_row, "notify::selected",
                    G_CALLBACK (encoding_selected_cb), self);
  gtk_list_box_append (self->facts_list, self->encoding_row);
}

static void
add_delimiter_row (SalesImportWizard *self,
                   const char        *detected)
{
  g_autoptr(GtkStringList) choices = NULL;
  guint selected = 0;

  choices = choices_new (self->reading.delimiter == 0, detected);
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      gtk_string_list_append (choices, _(delimiters[i].label));
      if (self->reading.delimiter == delimiters[i].delimiter)
        selected = i + 1;
    }

  self->delimiter_row = combo_row_new (_("Delimiter"),
                                       _("The character between columns"),
                                       choices, selected);
  g_signal_connect (self->delimiter_row, "notify::selected",
                    G_CALLBACK (delimiter_selected_cb), self);
  gtk_list_box_append (self->facts_list, self->delimiter_row);
}

static void
add_header_row (SalesImportWizard *self)
{
  SalesSniffer *sniffer = sales_importer_get_sniffer (self->scan->importer);
  g_autoptr(GtkStringList) choices = NULL;
  g_autofree char *detected = NULL;

  detected = sales_sniffer_has_header (sniffer)
    ? g_strdup_printf (_("line %" PRIu64),
                       sales_sniffer_get_header_line (sniffer))
    : g_strdup (_("none"));
  choices = choices_new (self->reading.header_row < 0, detected);
  gtk_string_list_append (choices, _("None; columns are numbered"));
  for (guint i = 1; i <= SALES_SNIFF_HEADER_ROWS; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Row %u"), i);

      gtk_string_list_append (choices, label);
    }

  self->header_row = combo_row_new (_("Header Row"),
                                    _("Found by comparing the first rows with "
                                      "the rest of each column; rows above "
                                      "it are skipped"),
                                    choices,
                                    (guint)(self->reading.header_row + 1));
  g_signal_connect (self->header_row, "notify::selected",
                    G_CALLBACK (header_selected_cb), self);
  gtk_list_box_append (self->facts_list, self->header_row);
}

/**
 * _sales_import_wizard_fill_reading:
 * @self: a wizard with a scan
 * @delimiter: (nullable): the name of the delimiter read, for text files
 *
 * Adds the drop-downs of encoding, delimiter (text files only) and
 * header row to the format page, showing the current choices.
 */
void
_sales_import_wizard_fill_reading (SalesImportWizard *self,
                                   const char        *delimiter)
{
  gboolean text = g_strcmp0 (self->scan->format, "csv") == 0;

  self->filling = TRUE;
  self->encoding_row = self->delimiter_row = NULL;
  if (text)
    {
      add_encoding_row (self);
      add_delimiter_row (self, delimiter);
    }
  add_header_row (self);
  self->filling = FALSE;
}

static SalesDateOrder
chosen_order (SalesImportWizard *self,
              guint              column)
{
  GArray *orders = self->reading.date_orders;

  return column < orders->len ? g_array_index (orders, SalesDateOrder, column)
                              : SALES_DATE_ORDER_NONE;
}

static void
date_order_selected_cb (AdwComboRow       *row,
                        GParamSpec        *pspec,
                        SalesImportWizard *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row),
                                                      "sales-column"));
  guint selected = adw_combo_row_get_selected (row);
  GArray *orders = self->reading.date_orders;

  if (self->filling)
    return;

  if (column >= orders->len)
    g_array_set_size (orders, column + 1);
  g_array_index (orders, SalesDateOrder, column) =
    selected > 0 && selected <= G_N_ELEMENTS (date_orders)
      ? date_orders[selected - 1].order : SALES_DATE_ORDER_NONE;
  reading_changed (self, FALSE);
}

/**
 * _sales_import_wizard_add_date_order:
 * @self: a wizard with a scan
 * @column: a column with numeric dates
 * @title: the column's name
 * @detected: what detection decided and why
 *
 * Adds a drop-down choosing the column's date order to the columns list.
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
_sales_import_wizard_add_date_order (SalesImportWizard *self,
                                     guint              column,
                                     const char        *title,
                                     const char        *detected)
{
  g_autoptr(GtkStringList) choices = choices_new (FALSE, NULL);
  SalesDateOrder chosen = chosen_order (self, column);
  guint selected = 0;
  GtkWidget *row;

  for (guint i = 0; i < G_N_ELEMENTS (date_orders); i++)
    {
      gtk_string_list_append (choices, _(date_orders[i].label));
      if (chosen == date_orders[i].order)
        selected = i + 1;
    }

  self->filling = TRUE;
  row = combo_row_new (title, detected, choices, selected);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data (G_OBJECT (row), "sales-column", GUINT_TO_POINTER (column));
  g_signal_connect (row, "notify::selected",
                    G_CALLBACK (date_order_selected_cb), self);
  gtk_list_box_append (self->columns_list, row);
  self->filling = FALSE;

  return row;
}
