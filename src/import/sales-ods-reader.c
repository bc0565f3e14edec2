/* sales-ods-reader.c: one sheet of an OpenDocument spreadsheet as rows
 *
 * content.xml is read twice with the SAX2 push parser: once to list the
 * tables (sales-ods-sheets.c), then to stream the chosen one. Repeated
 * cells and rows are expanded only when they hold a value: LibreOffice
 * ends every sheet with a million repeated empty rows of a thousand
 * empty cells, which cost nothing here, and a repeated row is queued
 * once with its count. Covered cells of a merged range read as its
 * top-left value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-ods"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-cell-format.h"
#include "sales-limits.h"
#include "sales-merge-set.h"
#include "sales-ods-reader.h"
#include "sales-ods-sheets.h"
#include "sales-reader-private.h"
#include "sales-row-builder.h"
#include "sales-zip-xml.h"

typedef enum
{
  VALUE_TEXT,       /* the text:p paragraphs */
  VALUE_NUMBER,     /* office:value */
  VALUE_DATE,       /* office:date-value */
  VALUE_TIME,       /* office:time-value */
  VALUE_BOOLEAN,    /* office:boolean-value */
  VALUE_STRING,     /* office:string-value */
} ValueKind;

struct _SalesOdsReader
{
  SalesReader      parent_instance;

  GsfInfile       *zip;
  guint            sheet_index;
  SalesXmlPush    *push;
  xmlSAXHandler    sax;
  SalesRowBuilder  builder;
  SalesRowQueue    queue;
  SalesMergeSet    merges;
  GString         *text;
  GString         *value;
  GError          *error;

  guint            table_depth;
  guint            table_count;
  gboolean         in_table;
  guint64          next_row;
  guint64          row;
  guint64          row_repeat;
  gboolean         in_row;
  gboolean         row_has_value;
  guint64          col;
  guint64          sheet_cells;

  gboolean         in_cell;
  gboolean         covered;
  ValueKind        kind;
  guint64          cell_repeat;
  guint32          span_cols;
  guint32          span_rows;
  guint            paragraphs;
  guint            paragraph_depth;
  guint            annotation_depth;
};

G_DEFINE_FINAL_TYPE (SalesOdsReader, sales_ods_reader, SALES_TYPE_READER)

static void
sales_ods_reader_finalize (GObject *object)
{
  SalesOdsReader *self = SALES_ODS_READER (object);

  g_clear_pointer (&self->push, sales_xml_push_free);
  g_clear_object (&self->zip);
  g_clear_error (&self->error);
  sales_row_builder_clear (&self->builder);
  sales_row_queue_clear (&self->queue);
  sales_merge_set_clear (&self->merges);
  g_string_free (self->text, TRUE);
  g_string_free (self->value, TRUE);

  G_OBJECT_CLASS (sales_ods_reader_parent_class)->finalize (object);
}

static void
fail (SalesOdsReader *self,
      const char     *detail)
{
  if (self->error == NULL)
    sales_reader_set_error (SALES_READER (self), &self->error,
                            SALES_ERROR_LIMIT, self->row, detail);
  sales_xml_push_stop (self->push);
}

static void
begin_row (SalesOdsReader  *self,
           const xmlChar  **attributes,
           int              n_attributes)
{
  sales_row_builder_reset (&self->builder);
  self->row = self->next_row;
  self->row_repeat = sales_ods_attribute_uint (attributes, n_attributes,
                                               SALES_ODS_NS_TABLE,
                                               "number-rows-repeated", 1);
  self->row_repeat = MAX (self->row_repeat, 1);
  self->col = 0;
  self->row_has_value = FALSE;
  self->in_row = TRUE;
  sales_merge_set_enter_row (&self->merges, self->row);
}

static void
end_row (SalesOdsReader *self)
{
  self->in_row = FALSE;
  self->next_row = self->row + self->row_repeat;
  if (!self->row_has_value)
    return;

  self->sheet_cells += self->builder.n_cells * self->row_repeat;
  if (self->sheet_cells > SALES_MAX_SHEET_CELLS)
    {
      fail (self, _("the sheet has more than 64 million cells"));
      return;
    }
  sales_row_queue_push_repeated (&self->queue, &self->builder, self->row,
                                 self->row_repeat);
}

static ValueKind
value_kind (const xmlChar **attributes,
            int             n_attributes,
            GString        *value)
{
  static const struct { const char *type, *attribute; ValueKind kind; }
  kinds[] = {
    { "float", "value", VALUE_NUMBER },
    { "percentage", "value", VALUE_NUMBER },
    { "currency", "value", VALUE_NUMBER },
    { "date", "date-value", VALUE_DATE },
    { "time", "time-value", VALUE_TIME },
    { "boolean", "boolean-value", VALUE_BOOLEAN },
    { "string", "string-value", VALUE_STRING },
  };
  SalesOdsValue type;

  if (!sales_ods_attribute (attributes, n_attributes, SALES_ODS_NS_OFFICE,
                            "value-type", &type))
    return VALUE_TEXT;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if ((gsize)(type.end - type.value) == strlen (kinds[i].type) &&
        memcmp (type.value, kinds[i].type, type.end - type.value) == 0 &&
        sales_ods_attribute_text (attributes, n_attributes,
                                  SALES_ODS_NS_OFFICE, kinds[i].attribute,
                                  value))
      return kinds[i].kind;

  return VALUE_TEXT;
}

static void
begin_cell (SalesOdsReader  *self,
            gboolean         covered,
            const xmlChar  **attributes,
            int              n_attributes)
{
  g_string_truncate (self->text, 0);
  g_string_truncate (self->value, 0);
  self->in_cell = TRUE;
  self->covered = covered;
  self->kind = value_kind (attributes, n_attributes, self->value);
  if (self->value->len > SALES_MAX_CELL_BYTES)
    fail (self, _("a cell is longer than 32 MB"));
  self->cell_repeat = MAX (1, sales_ods_attribute_uint (attributes,
                                                        n_attributes,
                                                        SALES_ODS_NS_TABLE,
                                                        "number-columns-"
                                                        "repeated", 1));
  self->span_cols = sales_ods_attribute_uint (attributes, n_attributes,
                                              SALES_ODS_NS_TABLE,
                                              "number-columns-spanned", 1);
  self->span_rows = sales_ods_attribute_uint (attributes, n_attributes,
                                              SALES_ODS_NS_TABLE,
                                              "number-rows-spanned", 1);
  self->paragraphs = self->paragraph_depth = self->annotation_depth = 0;
}

/* The cell's text as ISO dates, shortest numbers, TRUE/FALSE. */
static const char *
cell_text (SalesOdsReader *self,
           char           *buf,
           gsize          *length)
{
  const char *value = self->value->str;
  gsize n = 0;

  switch (self->kind)
    {
    case VALUE_NUMBER:
      n = sales_format_number_text (value, buf);
      break;
    case VALUE_DATE:
      n = sales_format_iso_datetime (value, buf);
      break;
    case VALUE_TIME:
      n = sales_format_iso_duration (value, buf);
      break;
    case VALUE_BOOLEAN:
      n = g_strlcpy (buf, g_ascii_strcasecmp (value, "true") == 0
                            ? "TRUE" : "FALSE", SALES_CELL_TEXT_SIZE);
      break;
    case VALUE_STRING:
      *length = self->value->len;
      return value;
    case VALUE_TEXT:
    default:
      break;
    }

  if (n > 0)
    {
      *length = n;
      return buf;
    }
  *length = self->text->len;
  return self->text->str;
}

static void
fill_to (SalesOdsReader *self,
         guint64         col)
{
  while (self->builder.n_cells < col)
    sales_row_builder_add_cell (&self->builder, "", 0);
}

/* Covered cells, one by one: each may lie under another range. */
static void
place_covered (SalesOdsReader *self)
{
  guint64 last = MIN (self->col + self->cell_repeat, SALES_MAX_ROW_CELLS);

  if (self->merges.active->len == 0)
    return;

  for (guint64 c = self->col; c < last; c++)
    {
      const char *value = sales_merge_set_value_at (&self->merges, self->row,
                                                    c);

      if (value == NULL || value[0] == '\0')
        continue;
      fill_to (self, c);
      sales_row_builder_add_cell (&self->builder, value, strlen (value));
      self->row_has_value = TRUE;
    }
}

static void
finish_cell (SalesOdsReader *self)
{
  char buf[SALES_CELL_TEXT_SIZE];
  gsize length = 0;
  const char *value = cell_text (self, buf, &length);

  self->in_cell = FALSE;
  if (self->span_cols > 1 || self->span_rows > 1)
    {
      SalesMerge merge = {
        self->row, self->row + MAX (self->span_rows, 1) - 1,
        self->col, self->col + MAX (self->span_cols, 1) - 1, NULL
      };

      if (self->merges.merges->len < SALES_MAX_MERGED_RANGES)
        sales_merge_set_add (&self->merges, &merge, value);
    }

  if (length == 0 && self->covered)
    place_covered (self);
  else if (length > 0)
    {
      if (self->col + self->cell_repeat > SALES_MAX_ROW_CELLS)
        {
          fail (self, _("a row has more than 16384 cells"));
          return;
        }
      fill_to (self, self->col);
      for (guint64 i = 0; i < self->cell_repeat; i++)
        sales_row_builder_add_cell (&self->builder, value, length);
      self->row_has_value = TRUE;
    }

  self->col = MIN (self->col + self->cell_repeat, (guint64)G_MAXUINT32);
}

static void
append_text (SalesOdsReader *self,
             const char     *text,
             gsize           length)
{
  if (self->paragraph_depth == 0 || self->annotation_depth > 0)
    return;

  g_string_append_len (self->text, text, length);
  if (self->text->len > SALES_MAX_CELL_BYTES)
    fail (self, _("a cell is longer than 32 MB"));
}

static void
on_cell_child (SalesOdsReader  *self,
               const xmlChar   *local_name,
               const xmlChar   *uri,
               const xmlChar  **attributes,
               int              n_attributes)
{
  if (sales_ods_is (uri, local_name, SALES_ODS_NS_OFFICE, "annotation"))
    self->annotation_depth++;
  else if (self->annotation_depth > 0)
    return;
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TEXT, "p"))
    {
      if (self->paragraphs++ > 0)
        g_string_append_c (self->text, '\n');
      self->paragraph_depth++;
    }
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TEXT, "s"))
    {
      guint64 spaces = sales_ods_attribute_uint (attributes, n_attributes,
                                                 SALES_ODS_NS_TEXT, "c", 1);

      for (guint64 i = 0; i < spaces && self->error == NULL; i++)
        append_text (self, " ", 1);
    }
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TEXT, "tab"))
    append_text (self, "\t", 1);
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TEXT, "line-break"))
    append_text (self, "\n", 1);
}

static void
on_start (void           *user_data,
          const xmlChar  *local_name,
          const xmlChar  *prefix,
          const xmlChar  *uri,
          int             n_namespaces,
          const xmlChar **namespaces,
          int             n_attributes,
          int             n_defaulted,
          const xmlChar **attributes)
{
  SalesOdsReader *self = user_data;

  if (self->in_cell)
    on_cell_child (self, local_name, uri, attributes, n_attributes);
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE, "table"))
    {
      if (self->table_depth++ == 0)
        self->in_table = self->table_count++ == self->sheet_index;
    }
  else if (!self->in_table || self->table_depth != 1)
    return;
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE, "table-row"))
    begin_row (self, attributes, n_attributes);
  else if (self->in_row &&
           sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE, "table-cell"))
    begin_cell (self, FALSE, attributes, n_attributes);
  else if (self->in_row &&
           sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE,
                         "covered-table-cell"))
    begin_cell (self, TRUE, attributes, n_attributes);
}

static void
on_end (void          *user_data,
        const xmlChar *local_name,
        const xmlChar *prefix,
        const xmlChar *uri)
{
  SalesOdsReader *self = user_data;

  if (self->in_cell)
    {
      if (sales_ods_is (uri, local_name, SALES_ODS_NS_OFFICE, "annotation"))
        self->annotation_depth--;
      else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TEXT, "p") &&
               self->paragraph_depth > 0 && self->annotation_depth == 0)
        self->paragraph_depth--;
      else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE,
                             "table-cell") ||
               sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE,
                             "covered-table-cell"))
        finish_cell (self);
    }
  else if (self->in_row &&
           sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE, "table-row"))
    end_row (self);
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE, "table") &&
           self->table_depth > 0 && --self->table_depth == 0 &&
           self->in_table)
    {
      /* The rest of the workbook is not needed. */
      self->in_table = FALSE;
      sales_xml_push_stop (self->push);
    }
}

static void
on_text (void          *user_data,
         const xmlChar *text,
         int            length)
{
  SalesOdsReader *self = user_data;

  if (self->in_cell)
    append_text (self, (const char *)text, length);
}

static gboolean
sales_ods_reader_next_row (SalesReader  *reader,
                          SalesRow    **row,
                          GError      **error)
{
  SalesOdsReader *self = SALES_ODS_READER (reader);

  return sales_xml_push_next_row (self->push, reader, &self->queue,
                                  &self->error, row, error);
}

static gboolean
start_sheet (SalesOdsReader  *self,
             GError         **error)
{
  SalesReader *reader = SALES_READER (self);
  g_autoptr(GsfInput) input = NULL;

  g_clear_pointer (&self->push, sales_xml_push_free);
  g_clear_error (&self->error);
  sales_merge_set_clear (&self->merges);
  sales_merge_set_init (&self->merges, NULL);
  sales_row_queue_reset (&self->queue);
  self->table_depth = self->table_count = 0;
  self->in_table = self->in_row = self->in_cell = FALSE;
  self->next_row = 1;
  self->row = 0;
  self->sheet_cells = 0;

  input = sales_zip_open_part (reader, self->zip, "content.xml", TRUE, error);
  if (input == NULL)
    return FALSE;

  sales_reader_set_size (reader, gsf_input_size (input));
  self->push = sales_xml_push_new (input, "content.xml", &self->sax, self);
  return TRUE;
}

static gboolean
sales_ods_reader_rewind (SalesReader  *reader,
                         GError      **error)
{
  return start_sheet (SALES_ODS_READER (reader), error);
}

static void
sales_ods_reader_class_init (SalesOdsReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesReaderClass *reader_class = SALES_READER_CLASS (klass);

  object_class->finalize = sales_ods_reader_finalize;
  reader_class->next_row = sales_ods_reader_next_row;
  reader_class->rewind = sales_ods_reader_rewind;
}

static void
sales_ods_reader_init (SalesOdsReader *self)
{
  sales_xml_sax_init (&self->sax, on_start, on_end, on_text);

  sales_row_builder_init (&self->builder);
  sales_row_queue_init (&self->queue);
  sales_merge_set_init (&self->merges, NULL);
  self->text = g_string_new (NULL);
  self->value = g_string_new (NULL);
}

/**
 * sales_ods_reader_new:
 * @path: an ODS file
 * @sheet: (nullable): a sheet name or 0-based index; %NULL for the first
 *   visible sheet
 * @cancellable: (nullable): checked between blocks
 * @error: return location for a #GError
 *
 * Opens the spreadsheet and lists its tables.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set: %SALES_ERROR_PARSE for a damaged file, %SALES_ERROR_LIMIT for
 *   hostile sizes, %SALES_ERROR_NOT_FOUND for an unknown sheet
 */
SalesReader *
sales_ods_reader_new (const char    *path,
                      const char    *sheet,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(SalesOdsReader) self = NULL;
  SalesReader *reader;
  int index;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SALES_TYPE_ODS_READER,
                       "path", path,
                       "format", "ods",
                       "cancellable", cancellable,
                       NULL);
  reader = SALES_READER (self);

  self->zip = sales_zip_open (reader, error);
  if (self->zip == NULL || !sales_ods_list_sheets (reader, self->zip, error))
    return NULL;

  index = sales_reader_choose_sheet (reader, sheet, error);
  if (index < 0)
    return NULL;
  self->sheet_index = index;
  sales_reader_set_sheet (reader,
                          ((SalesSheetInfo *)sales_reader_get_sheets (reader)
                             ->pdata[index])->name);

  if (!start_sheet (self, error))
    return NULL;
  return SALES_READER (g_steal_pointer (&self));
}
