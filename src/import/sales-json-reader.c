/* sales-json-reader.c: a JSON array of objects as rows
 *
 * A CRM API dump is an array of objects, or an object with such an array
 * among its members (the first one is taken). json-glib parses the file
 * whole (hence SALES_MAX_JSON_BYTES). The first row is a header made of
 * the keys of all objects in first-seen order, with line 0 as it stands
 * on no line of its own; each object follows on the line its "{" is on.
 * Nested objects flatten to "a.b" keys, arrays keep their JSON text,
 * numbers keep their spelling in the file whatever their size (see
 * sales-json-literal.h), booleans read as TRUE or FALSE and null as an
 * empty cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-json"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sales-json-literal.h"
#include "sales-json-reader.h"
#include "sales-limits.h"
#include "sales-reader-private.h"
#include "sales-row-builder.h"
#include "sales-text-decoder.h"

struct _SalesJsonReader
{
  SalesReader      parent_instance;

  JsonParser      *parser;
  JsonArray       *records;
  GHashTable      *lines;        /* JsonObject * -> line of its "{" */
  GArray          *open_lines;   /* lines of the objects being parsed */
  GArray          *open_sizes;   /* and their member counts so far */
  char            *duplicate;    /* a key found twice in one object */
  guint            duplicate_line;
  GPtrArray       *keys;         /* the header */
  GHashTable      *columns;      /* key -> column + 1 */
  GPtrArray       *values;       /* char * per column, for one row */
  SalesRowBuilder  builder;
  guint            next;         /* 0: the header; i: record i - 1 */
};

G_DEFINE_FINAL_TYPE (SalesJsonReader, sales_json_reader, SALES_TYPE_READER)

static void
sales_json_reader_finalize (GObject *object)
{
  SalesJsonReader *self = SALES_JSON_READER (object);

  g_clear_object (&self->parser);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->open_lines, g_array_unref);
  g_clear_pointer (&self->open_sizes, g_array_unref);
  g_clear_pointer (&self->duplicate, g_free);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  sales_row_builder_clear (&self->builder);

  G_OBJECT_CLASS (sales_json_reader_parent_class)->finalize (object);
}

typedef void (*LeafFunc) (SalesJsonReader *self,
                          const char      *key,
                          JsonNode        *node);

/* Calls @func for each leaf of @object, nested objects as "a.b". */
static void
flatten (SalesJsonReader *self,
         JsonObject      *object,
         const char      *prefix,
         LeafFunc         func)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autofree char *key = prefix != NULL
                               ? g_strconcat (prefix, ".", l->data, NULL)
                               : g_strdup (l->data);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          json_object_get_size (json_node_get_object (node)) > 0)
        flatten (self, json_node_get_object (node), key, func);
      else
        func (self, key, node);
    }
}

static void
add_key (SalesJsonReader *self,
         const char      *key,
         JsonNode        *node)
{
  if (g_hash_table_contains (self->columns, key))
    return;

  g_ptr_array_add (self->keys, g_strdup (key));
  g_hash_table_insert (self->columns, g_strdup (key),
                       GUINT_TO_POINTER (self->keys->len));
}

static void
set_value (SalesJsonReader *self,
           const char      *key,
           JsonNode        *node)
{
  guint column = GPOINTER_TO_UINT (g_hash_table_lookup (self->columns, key));

  g_assert (column > 0);
  g_free (self->values->pdata[column - 1]);
  self->values->pdata[column - 1] = sales_json_literal_text (node);
}

/* An array whose elements are all objects, and that has some. */
static gboolean
is_records (JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static JsonArray *
find_records (JsonNode *root)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    return is_records (root) || json_array_get_length
                                  (json_node_get_array (root)) == 0
             ? json_node_get_array (root) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (is_records (json_object_get_member (object, l->data)))
      return json_node_get_array (json_object_get_member (object, l->data));

  return NULL;
}

static void
on_object_start (JsonParser      *parser,
                 SalesJsonReader *self)
{
  guint line = json_parser_get_current_line (parser);
  guint size = 0;

  g_array_append_val (self->open_lines, line);
  g_array_append_val (self->open_sizes, size);
}

/* json-glib keeps the last of two members with the same key: the first
 * value would be lost without a word, so the file is refused instead.
 * A member that does not make its object grow had a key already there.
 */
static void
on_object_member (JsonParser      *parser,
                  JsonObject      *object,
                  const char      *name,
                  SalesJsonReader *self)
{
  guint *size;
  guint now = json_object_get_size (object);

  if (self->open_sizes->len == 0)
    return;

  size = &g_array_index (self->open_sizes, guint, self->open_sizes->len - 1);
  if (now == *size && self->duplicate == NULL)
    {
      self->duplicate = g_strdup (name);
      self->duplicate_line = json_parser_get_current_line (parser);
    }
  *size = now;
}

static void
on_object_end (JsonParser      *parser,
               JsonObject      *object,
               SalesJsonReader *self)
{
  guint line;

  if (self->open_lines->len == 0)
    return;

  line = g_array_index (self->open_lines, guint, self->open_lines->len - 1);
  g_array_set_size (self->open_lines, self->open_lines->len - 1);
  g_array_set_size (self->open_sizes, self->open_sizes->len - 1);
  g_hash_table_insert (self->lines, object, GUINT_TO_POINTER (line));
}

static gboolean
emit_header (SalesJsonReader  *self,
             SalesRow        **row,
             GError          **error)
{
  if (self->keys->len > SALES_MAX_ROW_CELLS)
    {
      sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_LIMIT,
                              0, _("the objects have more than 16384 keys"));
      return FALSE;
    }

  sales_row_builder_reset (&self->builder);
  for (guint i = 0; i < self->keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->keys, i);

      sales_row_builder_add_cell (&self->builder, key, strlen (key));
    }
  *row = sales_row_builder_finish (&self->builder, 0);
  return TRUE;
}

static gboolean
sales_json_reader_next_row (SalesReader  *reader,
                            SalesRow    **row,
                            GError      **error)
{
  SalesJsonReader *self = SALES_JSON_READER (reader);
  guint n = self->records != NULL ? json_array_get_length (self->records) : 0;
  JsonObject *object;

  if (self->next > n || (n == 0 && self->keys->len == 0))
    return FALSE;
  if (self->next++ == 0)
    return emit_header (self, row, error);
  if (self->next % 4096 == 0 && sales_reader_cancelled (reader, error))
    return FALSE;

  object = json_array_get_object_element (self->records, self->next - 2);
  for (guint i = 0; i < self->values->len; i++)
    g_clear_pointer (&self->values->pdata[i], g_free);
  flatten (self, object, NULL, set_value);

  sales_row_builder_reset (&self->builder);
  for (guint i = 0; i < self->values->len; i++)
    {
      const char *text = self->values->pdata[i] ? self->values->pdata[i] : "";

      sales_row_builder_add_cell (&self->builder, text, strlen (text));
    }

  sales_reader_set_position (reader, sales_reader_get_size (reader) *
                                     (self->next - 1) / n);
  *row = sales_row_builder_finish (&self->builder,
                                   GPOINTER_TO_UINT (g_hash_table_lookup
                                                     (self->lines, object)));
  return TRUE;
}

static gboolean
sales_json_reader_rewind (SalesReader  *reader,
                          GError      **error)
{
  SALES_JSON_READER (reader)->next = 0;
  return TRUE;
}

static void
sales_json_reader_class_init (SalesJsonReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesReaderClass *reader_class = SALES_READER_CLASS (klass);

  object_class->finalize = sales_json_reader_finalize;
  reader_class->next_row = sales_json_reader_next_row;
  reader_class->rewind = sales_json_reader_rewind;
}

static void
sales_json_reader_init (SalesJsonReader *self)
{
  self->parser = json_parser_new ();
  self->lines = g_hash_table_new (NULL, NULL);
  self->open_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->open_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         NULL);
  self->values = g_ptr_array_new_with_free_func (g_free);
  sales_row_builder_init (&self->builder);

  g_signal_connect (self->parser, "object-start",
                    G_CALLBACK (on_object_start), self);
  g_signal_connect (self->parser, "object-member",
                    G_CALLBACK (on_object_member), self);
  g_signal_connect (self->parser, "object-end",
                    G_CALLBACK (on_object_end), self);
}

/* The file as UTF-8, whatever its encoding and byte order mark. */
static char *
load_text (SalesJsonReader  *self,
           const char       *path,
           gsize            *length,
           GError          **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  SalesTextEncoding encoding;
  const char *decoded;
  gsize size = 0, bom = 0, consumed = 0;

  if (!g_file_get_contents (path, &raw, &size, &local))
    {
      sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_IO, 0,
                              local->message);
      return NULL;
    }

  encoding = sales_text_sniff ((const guint8 *)raw, size, TRUE, &bom);
  sales_reader_set_encoding (SALES_READER (self),
                             sales_text_encoding_name (encoding));
  text = g_malloc (3 * size + 4);
  decoded = sales_text_decode (encoding, (const guint8 *)raw + bom, size - bom,
                               TRUE, text, length, &consumed);
  if (decoded != text)
    memcpy (text, decoded, *length);
  text[*length] = '\0';

  return g_steal_pointer (&text);
}

/* json-glib's complaint about the file as written: its line and column
 * are those of the file, not of the tagged text.
 */
static void
set_syntax_error (SalesJsonReader  *self,
                  const char       *text,
                  gsize             length,
                  const GError     *tagged_error,
                  GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;

  json_parser_load_from_data (parser, text, length, &local);
  sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_PARSE, 0,
                          local != NULL ? local->message
                                        : tagged_error->message);
}

/* Parses @text with every number kept as the file spells it. */
static gboolean
parse_text (SalesJsonReader  *self,
            const char       *text,
            gsize             length,
            GError          **error)
{
  SalesJsonLiteralError where = { 0 };
  g_autofree char *tagged = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GError) local = NULL;
  gsize tagged_length = 0;

  tagged = sales_json_literal_tag (text, length, &tagged_length, &where);
  if (tagged == NULL)
    {
      /* Translators: a column number, then the text found there */
      detail = where.bad_escape
        ? g_strdup_printf (_("column %u: “%s” is not a valid escape in a "
                             "JSON string; write \\uXXXX with four "
                             "hexadecimal digits, or \\\\ for a backslash"),
                           where.column, where.token)
        : g_strdup_printf (_("column %u: “%s” is not a JSON "
                             "number; write it as a number such as "
                             "-12.5e3, or quote it as text"),
                           where.column, where.token);
      sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_PARSE,
                              where.line, detail);
      sales_json_literal_error_clear (&where);
      return FALSE;
    }

  if (!json_parser_load_from_data (self->parser, tagged, tagged_length,
                                   &local))
    {
      set_syntax_error (self, text, length, local, error);
      return FALSE;
    }

  if (self->duplicate != NULL)
    {
      g_free (detail);
      detail = g_strdup_printf (_("the key “%s” appears twice in one "
                                  "object, and one of its values would be "
                                  "lost; keep one or rename the other"),
                                self->duplicate);
      sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_PARSE,
                              self->duplicate_line, detail);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_file (SalesJsonReader  *self,
            const char       *path,
            GError          **error)
{
  SalesReader *reader = SALES_READER (self);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      sales_reader_set_error (reader, error, SALES_ERROR_IO, 0,
                              local->message);
      return FALSE;
    }
  sales_reader_set_size (reader, g_file_info_get_size (info));
  if (g_file_info_get_size (info) > SALES_MAX_JSON_BYTES)
    {
      sales_reader_set_error (reader, error, SALES_ERROR_LIMIT, 0,
                              _("a JSON file larger than 128 MB is not "
                                "read: export it as CSV instead"));
      return FALSE;
    }

  text = load_text (self, path, &length, error);
  if (text == NULL)
    return FALSE;

  return parse_text (self, text, length, error);
}

/**
 * sales_json_reader_new:
 * @path: a JSON file
 * @cancellable: (nullable): checked between rows
 * @error: return location for a #GError
 *
 * Parses @path and finds its array of objects.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set: %SALES_ERROR_PARSE when the file is not JSON or holds no array
 *   of objects, %SALES_ERROR_LIMIT when it is too large
 */
SalesReader *
sales_json_reader_new (const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(SalesJsonReader) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SALES_TYPE_JSON_READER,
                       "path", path,
                       "format", "json",
                       "cancellable", cancellable,
                       NULL);

  if (!parse_file (self, path, error))
    return NULL;

  self->records = find_records (json_parser_get_root (self->parser));
  if (self->records == NULL)
    {
      sales_reader_set_error (SALES_READER (self), error, SALES_ERROR_PARSE,
                              0, _("no array of objects found: SalesOps "
                                   "reads a list of records such as "
                                   "[{\"id\": 1, \"name\": \"Acme\"}]"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (self->records); i++)
    flatten (self, json_array_get_object_element (self->records, i), NULL,
             add_key);
  g_ptr_array_set_size (self->values, self->keys->len);

  return SALES_READER (g_steal_pointer (&self));
}
