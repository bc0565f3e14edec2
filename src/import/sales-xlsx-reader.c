/* sales-xlsx-reader.c: one sheet of an XLSX or XLSM workbook as rows
 *
 * The sheet part is streamed with xmlTextReader straight out of the zip;
 * only the shared-string table, the date kind of each cell style and the
 * merged ranges are held in memory. Empty cells are not materialised
 * until a value follows them, so rows carry no trailing empty cells, and
 * rows without a value are skipped (each row keeps its sheet row number).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-cell-format.h"
#include "sales-limits.h"
#include "sales-merge-set.h"
#include "sales-reader-private.h"
#include "sales-row-builder.h"
#include "sales-xlsx-merges.h"
#include "sales-xlsx-reader.h"
#include "sales-xlsx-strings.h"
#include "sales-xlsx-styles.h"
#include "sales-xlsx-workbook.h"
#include "sales-zip-xml.h"

typedef enum
{
  COLLECT_NONE,
  COLLECT_VALUE,
  COLLECT_TEXT,
} Collect;

struct _SalesXlsxReader
{
  SalesReader          parent_instance;

  GsfInfile           *zip;
  char                *sheet_part;
  gboolean             date1904;
  GArray              *styles;          /* guint8 SalesNumberKind per xf */
  SalesSharedStrings  *strings;
  SalesMergeSet        merges;
  SalesXmlPush        *push;
  xmlSAXHandler        sax;
  SalesRowBuilder      builder;
  SalesRowQueue        queue;
  GString             *text;
  GError              *error;           /* set inside a SAX callback */

  gboolean             in_sheet_data;
  gboolean             in_row;
  gboolean             row_has_value;
  guint32              row;
  guint32              last_row;
  guint32              next_col;
  guint64              sheet_cells;

  gboolean             in_cell;
  guint32              cell_col;
  char                 cell_type;
  guint                cell_style;
  Collect              collect;
  gboolean             in_inline;
  guint                phonetic_depth;
};

G_DEFINE_FINAL_TYPE (SalesXlsxReader, sales_xlsx_reader, SALES_TYPE_READER)

static void
sales_xlsx_reader_finalize (GObject *object)
{
  SalesXlsxReader *self = SALES_XLSX_READER (object);

  g_clear_pointer (&self->push, sales_xml_push_free);
  g_clear_object (&self->zip);
  g_clear_pointer (&self->sheet_part, g_free);
  g_clear_pointer (&self->styles, g_array_unref);
  g_clear_pointer (&self->strings, sales_shared_strings_free);
  g_clear_error (&self->error);
  sales_merge_set_clear (&self->merges);
  sales_row_builder_clear (&self->builder);
  sales_row_queue_clear (&self->queue);
  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (sales_xlsx_reader_parent_class)->finalize (object);
}

/* Stops the parse with a limit error, from inside a callback. */
static void
fail (SalesXlsxReader *self,
      const char      *detail)
{
  if (self->error == NULL)
    sales_reader_set_error (SALES_READER (self), &self->error,
                            SALES_ERROR_LIMIT, self->row, detail);
  sales_xml_push_stop (self->push);
}

static void
begin_row (SalesXlsxReader *self,
           guint32          row)
{
  sales_row_builder_reset (&self->builder);
  self->row = row;
  self->next_col = 0;
  self->row_has_value = FALSE;
  self->in_row = TRUE;
  sales_merge_set_enter_row (&self->merges, row);
}

/* Adds empty cells, or what merged ranges put there, up to @col. */
static void
fill_to (SalesXlsxReader *self,
         guint32          col)
{
  SalesRowBuilder *b = &self->builder;

  while (b->n_cells < col)
    {
      const char *value = sales_merge_set_value_at (&self->merges, self->row,
                                                    b->n_cells);

      if (value == NULL)
        value = "";
      else if (value[0] != '\0')
        self->row_has_value = TRUE;
      sales_row_builder_add_cell (b, value, strlen (value));
    }
}

static void
place_cell (SalesXlsxReader *self,
            guint32          col,
            const char      *value,
            gsize            length)
{
  SalesRowBuilder *b = &self->builder;

  col = MAX (col, b->n_cells);
  if (col >= SALES_MAX_ROW_CELLS)
    {
      fail (self, _("a row has more than 16384 cells"));
      return;
    }

  if (self->merges.active->len > 0)
    {
      sales_merge_set_capture (&self->merges, self->row, col, value);
      if (length == 0)
        {
          value = sales_merge_set_value_at (&self->merges, self->row, col);
          length = value != NULL ? strlen (value) : 0;
        }
    }
  if (length == 0)
    return;

  fill_to (self, col);
  sales_row_builder_add_cell (b, value, length);
  self->row_has_value = TRUE;
}

static guint
parse_uint (const char *p,
            const char *end)
{
  guint value = 0;

  for (; p < end && g_ascii_isdigit (*p) && value < G_MAXUINT / 10; p++)
    value = value * 10 + (*p - '0');
  return value;
}

/* The text a number cell shows: ISO for a date style, else the number. */
static gsize
number_text (SalesXlsxReader *self,
             const char      *text,
             char            *buf)
{
  SalesNumberKind kind = SALES_NUMBER_PLAIN;
  gsize n = 0;

  if (self->cell_style < self->styles->len)
    kind = g_array_index (self->styles, guint8, self->cell_style);
  if (kind != SALES_NUMBER_PLAIN)
    n = sales_format_serial (g_ascii_strtod (text, NULL), self->date1904,
                             kind, buf);
  if (n == 0)
    n = sales_format_number_text (text, buf);
  return n;
}

static void
finish_cell (SalesXlsxReader *self)
{
  char buf[SALES_CELL_TEXT_SIZE];
  const char *value = self->text->str;
  gsize length = self->text->len;
  gsize n;

  self->in_cell = FALSE;
  self->collect = COLLECT_NONE;
  if (length == 0)
    {
      place_cell (self, self->cell_col, "", 0);
      return;
    }

  switch (self->cell_type)
    {
    case 's':
      value = sales_shared_strings_get (self->strings,
                                        parse_uint (value, value + length),
                                        &length);
      /* A damaged index keeps its text rather than vanish. */
      if (value == NULL)
        value = self->text->str, length = self->text->len;
      break;

    case 'b':
      value = g_str_equal (value, "0") ? "FALSE" : "TRUE";
      length = strlen (value);
      break;

    case 'd':
      length = sales_format_iso_datetime (value, buf);
      value = buf;
      break;

    case 'n':
      n = number_text (self, value, buf);
      if (n > 0)
        value = buf, length = n;
      break;

    default:
      sales_ooxml_unescape (self->text);
      value = self->text->str;
      length = self->text->len;
      break;
    }

  place_cell (self, self->cell_col, value, length);
}

static char
cell_type_of (const char *t,
              gsize       length)
{
  if (length == 1 && (t[0] == 's' || t[0] == 'b' || t[0] == 'd' ||
                      t[0] == 'n'))
    return t[0];
  if (length == 9 && memcmp (t, "inlineStr", 9) == 0)
    return 'i';
  return 'S';    /* "str", "e": the cached text as it is */
}

/* Reads r, t and s in one pass: this runs for every cell. */
static void
begin_cell (SalesXlsxReader  *self,
            const xmlChar   **attributes,
            int               n_attributes)
{
  guint32 col = self->next_col;
  guint32 row;

  self->cell_type = 'n';
  self->cell_style = 0;
  g_string_truncate (self->text, 0);

  for (int i = 0; i < n_attributes; i++)
    {
      const char *name = (const char *)attributes[5 * i];
      const char *value = (const char *)attributes[5 * i + 3];
      const char *end = (const char *)attributes[5 * i + 4];

      if (name[0] == '\0' || name[1] != '\0')
        continue;
      if (name[0] == 'r')
        {
          char ref[24];
          gsize length = MIN ((gsize)(end - value), sizeof ref - 1);

          memcpy (ref, value, length);
          ref[length] = '\0';
          sales_xlsx_parse_reference (ref, NULL, &col, &row);
        }
      else if (name[0] == 't')
        self->cell_type = cell_type_of (value, end - value);
      else if (name[0] == 's')
        self->cell_style = parse_uint (value, end);
    }

  self->cell_col = col;
  self->next_col = col + 1;
  self->in_cell = TRUE;
  self->in_inline = FALSE;
  self->phonetic_depth = 0;
}

/* Ends the current row and queues it @count times when it holds a
 * value.
 */
static void
end_rows (SalesXlsxReader *self,
          guint32          count)
{
  fill_to (self, sales_merge_set_width (&self->merges));
  self->last_row = self->row + count - 1;
  self->in_row = FALSE;

  if (!self->row_has_value)
    return;

  self->sheet_cells += (guint64)self->builder.n_cells * count;
  if (self->sheet_cells > SALES_MAX_SHEET_CELLS)
    {
      fail (self, _("the sheet has more than 64 million cells"));
      return;
    }
  sales_row_queue_push_repeated (&self->queue, &self->builder, self->row,
                                 count);
}

/* Queues the rows before @before that the XML leaves out but a merged
 * range above covers: alike until a range ends, so queued once each run.
 */
static void
gap_rows (SalesXlsxReader *self,
          guint32          before)
{
  while (self->merges.merges->len > 0 && self->last_row + 1 < before &&
         self->error == NULL)
    {
      guint32 row = self->last_row + 1;
      guint32 end;

      sales_merge_set_enter_row (&self->merges, row);
      if (sales_merge_set_width (&self->merges) == 0)
        return;

      end = MIN (before - 1, sales_merge_set_run_end (&self->merges));
      begin_row (self, row);
      end_rows (self, end - row + 1);
    }
}

static void
begin_row_element (SalesXlsxReader  *self,
                   const xmlChar   **attributes,
                   int               n_attributes)
{
  char buf[32];
  guint64 row = 0;

  if (sales_xml_sax_attribute (attributes, n_attributes, "r", buf,
                               sizeof buf) == NULL ||
      !g_ascii_string_to_unsigned (buf, 10, 1, G_MAXUINT32 - 1, &row, NULL))
    row = self->last_row + 1;

  gap_rows (self, row);
  begin_row (self, row);
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
  SalesXlsxReader *self = user_data;
  const char *name = (const char *)local_name;

  if (self->in_cell)
    {
      if (g_str_equal (name, "v"))
        self->collect = COLLECT_VALUE;
      else if (g_str_equal (name, "is"))
        self->in_inline = TRUE;
      else if (g_str_equal (name, "rPh"))
        self->phonetic_depth++;
      else if (g_str_equal (name, "t") && self->in_inline &&
               self->phonetic_depth == 0)
        self->collect = COLLECT_TEXT;
    }
  else if (self->in_row && g_str_equal (name, "c"))
    begin_cell (self, attributes, n_attributes);
  else if (self->in_sheet_data && g_str_equal (name, "row"))
    begin_row_element (self, attributes, n_attributes);
  else if (g_str_equal (name, "sheetData"))
    self->in_sheet_data = TRUE;
}

static void
on_end (void          *user_data,
        const xmlChar *local_name,
        const xmlChar *prefix,
        const xmlChar *uri)
{
  SalesXlsxReader *self = user_data;
  const char *name = (const char *)local_name;

  if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    self->collect = COLLECT_NONE;
  else if (g_str_equal (name, "rPh") && self->phonetic_depth > 0)
    self->phonetic_depth--;
  else if (self->in_cell && g_str_equal (name, "c"))
    finish_cell (self);
  else if (self->in_row && g_str_equal (name, "row"))
    end_rows (self, 1);
  else if (self->in_sheet_data && g_str_equal (name, "sheetData"))
    {
      self->in_sheet_data = FALSE;
      gap_rows (self, G_MAXUINT32);
    }
}

static void
on_text (void          *user_data,
         const xmlChar *text,
         int            length)
{
  SalesXlsxReader *self = user_data;

  if (self->collect == COLLECT_NONE)
    return;

  g_string_append_len (self->text, (const char *)text, length);
  if (self->text->len > SALES_MAX_CELL_BYTES)
    fail (self, _("a cell is longer than 32 MB"));
}

static gboolean
sales_xlsx_reader_next_row (SalesReader  *reader,
                          SalesRow    **row,
                          GError      **error)
{
  SalesXlsxReader *self = SALES_XLSX_READER (reader);

  return sales_xml_push_next_row (self->push, reader, &self->queue,
                                  &self->error, row, error);
}

static gboolean
start_sheet (SalesXlsxReader  *self,
             GError          **error)
{
  SalesReader *reader = SALES_READER (self);
  g_autoptr(GsfInput) input = NULL;

  g_clear_pointer (&self->push, sales_xml_push_free);
  g_clear_error (&self->error);
  sales_merge_set_restart (&self->merges);
  sales_row_queue_reset (&self->queue);
  self->in_sheet_data = self->in_row = self->in_cell = FALSE;
  self->row = self->last_row = 0;
  self->sheet_cells = 0;
  self->collect = COLLECT_NONE;

  input = sales_zip_open_part (reader, self->zip, self->sheet_part, TRUE,
                               error);
  if (input == NULL)
    return FALSE;

  sales_reader_set_size (reader, gsf_input_size (input));
  self->push = sales_xml_push_new (input, self->sheet_part, &self->sax, self);
  return TRUE;
}

static gboolean
sales_xlsx_reader_rewind (SalesReader  *reader,
                          GError      **error)
{
  return start_sheet (SALES_XLSX_READER (reader), error);
}

static void
sales_xlsx_reader_class_init (SalesXlsxReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesReaderClass *reader_class = SALES_READER_CLASS (klass);

  object_class->finalize = sales_xlsx_reader_finalize;
  reader_class->next_row = sales_xlsx_reader_next_row;
  reader_class->rewind = sales_xlsx_reader_rewind;
}

static void
sales_xlsx_reader_init (SalesXlsxReader *self)
{
  sales_xml_sax_init (&self->sax, on_start, on_end, on_text);

  sales_row_builder_init (&self->builder);
  sales_row_queue_init (&self->queue);
  sales_merge_set_init (&self->merges, NULL);
  self->text = g_string_new (NULL);
}

/* Lists the sheets and picks the one asked for. */
static gboolean
choose_sheet (SalesXlsxReader    *self,
              SalesXlsxWorkbook  *workbook,
              const char         *sheet,
              GError            **error)
{
  SalesReader *reader = SALES_READER (self);
  const char *part;
  int index;

  for (guint i = 0; i < workbook->names->len; i++)
    sales_reader_add_sheet (reader, g_ptr_array_index (workbook->names, i),
                            g_array_index (workbook->hidden, gboolean, i));

  index = sales_reader_choose_sheet (reader, sheet, error);
  if (index < 0)
    return FALSE;

  part = g_ptr_array_index (workbook->parts, index);
  if (part == NULL)
    {
      sales_reader_set_error (reader, error, SALES_ERROR_PARSE, 0,
                              _("the sheet has no data in the workbook "
                                "(a broken relationship)"));
      return FALSE;
    }

  self->sheet_part = g_strdup (part);
  sales_reader_set_sheet (reader, g_ptr_array_index (workbook->names, index));
  return TRUE;
}

static gboolean
load_merges (SalesXlsxReader  *self,
             GError          **error)
{
  SalesReader *reader = SALES_READER (self);
  g_autoptr(GsfInput) input = NULL;
  GArray *merges;

  input = sales_zip_open_part (reader, self->zip, self->sheet_part, TRUE,
                               error);
  if (input == NULL)
    return FALSE;

  merges = sales_xlsx_merges_scan (reader, input, error);
  if (merges == NULL)
    return FALSE;

  sales_merge_set_clear (&self->merges);
  sales_merge_set_init (&self->merges, merges);
  return TRUE;
}

/**
 * sales_xlsx_reader_new:
 * @path: an XLSX or XLSM file
 * @sheet: (nullable): a sheet name or 0-based index; %NULL for the first
 *   visible sheet
 * @cancellable: (nullable): checked between blocks
 * @error: return location for a #GError
 *
 * Opens the workbook, lists its sheets and reads what the chosen sheet
 * needs (shared strings, styles, merged ranges).
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set: %SALES_ERROR_PARSE for a damaged file, %SALES_ERROR_LIMIT for
 *   hostile sizes, %SALES_ERROR_NOT_FOUND for an unknown sheet
 */
SalesReader *
sales_xlsx_reader_new (const char    *path,
                       const char    *sheet,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(SalesXlsxReader) self = NULL;
  g_autoptr(SalesXlsxWorkbook) workbook = NULL;
  SalesReader *reader;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SALES_TYPE_XLSX_READER,
                       "path", path,
                       "format", "xlsx",
                       "cancellable", cancellable,
                       NULL);
  reader = SALES_READER (self);

  self->zip = sales_zip_open (reader, error);
  if (self->zip == NULL)
    return NULL;
  workbook = sales_xlsx_workbook_load (reader, self->zip, error);
  if (workbook == NULL || !choose_sheet (self, workbook, sheet, error))
    return NULL;

  self->date1904 = workbook->date1904;
  self->styles = sales_xlsx_styles_load (reader, self->zip, workbook->styles,
                                         error);
  if (self->styles == NULL)
    return NULL;
  self->strings = sales_shared_strings_load (reader, self->zip,
                                             workbook->shared_strings, error);
  if (self->strings == NULL || !load_merges (self, error) ||
      !start_sheet (self, error))
    return NULL;

  return SALES_READER (g_steal_pointer (&self));
}
