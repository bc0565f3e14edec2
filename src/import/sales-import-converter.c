/* sales-import-converter.c: what each row of an import becomes
 *
 * The converter plans, from the mapping, which fields an import writes
 * (mapped columns, constants, the outcome derived from the stage) and
 * turns a row of text cells into their typed values, or says which cell
 * rejects the row and why. It touches no database, so rows can be
 * converted on one thread while another stores them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-column-evidence.h"
#include "sales-error.h"
#include "sales-import-converter.h"

typedef struct
{
  const SalesField *field;
  int               column;        /* source column, or -1 */
  gboolean          has_constant;
  SalesValue        constant;
  gboolean          derive_outcome;  /* from the stage when empty */
  gboolean          fingerprint;     /* the row's, when it has no id */
} Written;

struct _SalesImportConverter
{
  const SalesMapping   *mapping;
  const SalesTableInfo *table;

  Written              *written;
  guint                 n_written;
  int                   id_index;       /* of external_id in written */
  int                   stage_column;   /* source column of the stage */
  const char           *stage_constant;
  GPtrArray            *constant_texts;
  GChecksum            *checksum;       /* for fingerprints */
};

/**
 * _sales_json_append_string:
 * @out: where to append
 * @text: UTF-8 text
 *
 * Appends @text as a JSON string literal, quotes included.
 */
void
_sales_json_append_string (GString    *out,
                           const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      if (c == '"' || c == '\\')
        g_string_append_c (out, '\\'), g_string_append_c (out, c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = p + 1;
    }

  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static gboolean
add_constant (SalesImportConverter  *self,
              Written               *w,
              const char            *text,
              GError               **error)
{
  const SalesColumnFormat none = { SALES_DATE_ORDER_NONE,
                                   SALES_DECIMAL_NONE };
  g_autofree char *reason = NULL;
  char *copy = g_strdup (text);

  /* The value may point into the copy or into w->constant.buf; both stay
   * put as long as the writer.
   */
  g_ptr_array_add (self->constant_texts, copy);
  if (sales_convert_value (w->field->type, copy, &none, &w->constant,
                           &reason))
    {
      w->has_constant = TRUE;
      return TRUE;
    }

  g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
               _("The value “%s” for %s cannot be used: %s"), text,
               w->field->name, reason);
  return FALSE;
}

/* The fields the import writes, in table order: mapped columns,
 * constants, the outcome derived from the stage, and external_id, which a
 * row without one takes from its fingerprint.
 */
static gboolean
plan_fields (SalesImportConverter  *self,
             GError               **error)
{
  const SalesMapping *m = self->mapping;

  self->written = g_new0 (Written, self->table->n_fields);
  self->id_index = -1;
  self->stage_column = sales_mapping_find_field (m, "stage");

  for (guint i = 0; i < sales_mapping_get_n_constants (m); i++)
    {
      const char *value;

      if (g_str_equal (sales_mapping_get_constant (m, i, &value), "stage"))
        self->stage_constant = value;
    }

  for (guint f = 0; f < self->table->n_fields; f++)
    {
      const SalesField *field = &self->table->fields[f];
      Written *w = &self->written[self->n_written];
      gboolean stage = self->stage_column >= 0 ||
                       self->stage_constant != NULL;

      w->field = field;
      w->column = sales_mapping_find_field (m, field->name);
      for (guint i = 0; i < sales_mapping_get_n_constants (m); i++)
        {
          const char *value;

          if (g_str_equal (sales_mapping_get_constant (m, i, &value),
                           field->name) &&
              !add_constant (self, w, value, error))
            return FALSE;
        }
      w->derive_outcome = field->type == SALES_FIELD_OUTCOME && stage;
      w->fingerprint = g_str_equal (field->name, "external_id") &&
                       !w->has_constant;

      if (w->column < 0 && !w->has_constant && !w->derive_outcome &&
          !w->fingerprint)
        continue;
      if (g_str_equal (field->name, "external_id"))
        self->id_index = self->n_written;
      self->n_written++;
    }

  return TRUE;
}

/**
 * _sales_import_converter_new:
 * @mapping: the mapping, alive as long as the converter
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a converter, or %NULL when a
 *   constant of @mapping is not a valid value (%SALES_ERROR_INVALID)
 */
SalesImportConverter *
_sales_import_converter_new (const SalesMapping  *mapping,
                             GError             **error)
{
  g_autoptr(SalesImportConverter) self = g_new0 (SalesImportConverter, 1);

  self->mapping = mapping;
  self->table = sales_schema_lookup_table (sales_mapping_get_table (mapping));
  self->constant_texts = g_ptr_array_new_with_free_func (g_free);
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);

  if (!plan_fields (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
_sales_import_converter_free (SalesImportConverter *self)
{
  if (self == NULL)
    return;

  g_free (self->written);
  g_ptr_array_unref (self->constant_texts);
  g_checksum_free (self->checksum);
  g_free (self);
}

const SalesTableInfo *
_sales_import_converter_get_table (SalesImportConverter *self)
{
  return self->table;
}

/* The fields written, in table order; a prepared row has one value each. */
guint
_sales_import_converter_get_n_written (SalesImportConverter *self)
{
  return self->n_written;
}

const SalesField *
_sales_import_converter_get_field (SalesImportConverter *self,
                                   guint                 index)
{
  g_return_val_if_fail (index < self->n_written, NULL);

  return self->written[index].field;
}

/* The index of external_id among the written fields, or -1. */
int
_sales_import_converter_get_id_index (SalesImportConverter *self)
{
  return self->id_index;
}

/* The header of a source column, for a reject. */
char *
_sales_import_converter_column_name (SalesImportConverter *self,
                                     guint                 column)
{
  if (column < sales_mapping_get_n_columns (self->mapping))
    return g_strdup (sales_mapping_get_header (self->mapping, column));

  return g_strdup_printf (_("Column %u"), column + 1);
}

/* Unmapped non-empty cells as a JSON object in @extra; FALSE when there
 * are none.
 */
gboolean
_sales_import_converter_build_extra (SalesImportConverter *self,
                                     const SalesRow       *row,
                                     GString              *extra)
{
  g_string_truncate (extra, 0);

  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autofree char *name = NULL;

      if (row->cells[i][0] == '\0' ||
          sales_mapping_get_field (self->mapping, i) != NULL)
        continue;

      g_string_append_c (extra, extra->len == 0 ? '{' : ',');
      name = _sales_import_converter_column_name (self, i);
      _sales_json_append_string (extra, name);
      g_string_append_c (extra, ':');
      _sales_json_append_string (extra, row->cells[i]);
    }

  if (extra->len == 0)
    return FALSE;

  g_string_append_c (extra, '}');
  return TRUE;
}

/* A row without an id is known by its cells, so that importing the same
 * file again finds the row instead of adding it twice: "row:" and 96
 * bits of the SHA-256 of the cells up to the last non-empty one (so that
 * trailing empty columns, which spreadsheets drop, do not count). The
 * writer tells identical rows of one file apart. 96 bits keep a chance
 * collision out of reach (below 1e-15 for ten million rows) while the
 * keys stay short: their unique index is a third of a large id-less
 * import's time, and shorter keys fit more to a page.
 */
#define FINGERPRINT_BYTES 12

static void
fingerprint (SalesImportConverter *self,
             const SalesRow       *row,
             SalesValue           *value)
{
  static const char hex[] = "0123456789abcdef";
  guint8 digest[32];
  gsize length = sizeof digest;
  guint n = row->n_cells;

  while (n > 0 && row->cells[n - 1][0] == '\0')
    n--;

  g_checksum_reset (self->checksum);
  for (guint i = 0; i < n; i++)
    {
      guint32 size = strlen (row->cells[i]);
      guint32 le = GUINT32_TO_LE (size);

      g_checksum_update (self->checksum, (const guchar *)&le, sizeof le);
      g_checksum_update (self->checksum, (const guchar *)row->cells[i], size);
    }
  g_checksum_get_digest (self->checksum, digest, &length);

  memcpy (value->buf, "row:", 4);
  for (guint i = 0; i < FINGERPRINT_BYTES; i++)
    {
      value->buf[4 + 2 * i] = hex[digest[i] >> 4];
      value->buf[5 + 2 * i] = hex[digest[i] & 0xf];
    }
  value->buf[4 + 2 * FINGERPRINT_BYTES] = '\0';
  value->kind = SALES_VALUE_TEXT;
  value->text = value->buf;
}

/* Converts every written field into @values; on the first bad one, says
 * which. A text value points into @row's cells, into its own value or
 * into the converter, so all three must outlive @values' use. Sets
 * @fingerprinted when the row had no id and got its fingerprint instead.
 * Not thread-safe: one thread converts.
 */
gboolean
_sales_import_converter_convert (SalesImportConverter     *self,
                                 const SalesRow           *row,
                                 const SalesColumnFormat  *formats,
                                 SalesColumnEvidence      *evidence,
                                 SalesValue               *values,
                                 gboolean                 *fingerprinted,
                                 int                      *bad_column,
                                 char                    **reason)
{
  for (guint i = 0; i < self->n_written; i++)
    {
      const Written *w = &self->written[i];
      SalesValue *v = &values[i];
      int c = w->column;

      if (w->has_constant)
        *v = w->constant;
      else if (c >= 0 &&
               !sales_convert_cell (w->field->type, sales_row_get_cell (row, c),
                                    &formats[c], &evidence[c], row->line, v,
                                    reason))
        {
          *bad_column = c;
          return FALSE;
        }
      else if (c < 0)
        v->kind = SALES_VALUE_NULL;

      if (w->derive_outcome && v->kind == SALES_VALUE_NULL)
        {
          const char *stage = self->stage_constant != NULL ?
                              self->stage_constant :
                              sales_row_get_cell (row, self->stage_column);

          v->kind = SALES_VALUE_TEXT;
          v->text = sales_outcome_from_stage (stage);
        }

      if (w->fingerprint && v->kind == SALES_VALUE_NULL)
        {
          fingerprint (self, row, v);
          *fingerprinted = TRUE;
        }
    }

  return TRUE;
}
