/* sales-mapper.c: source columns to workspace fields
 *
 * A guess comes from the synonym table; a mapping the user confirmed for
 * the same header row (its signature) comes back as it was; explicit
 * "Header=field" overrides and "field=value" constants apply last. A field
 * is filled by one column at most: giving it to another column, or a
 * constant, sends the previous column to extra.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-mapper"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sales-error.h"
#include "sales-mapper-private.h"
#include "sales-mapper.h"
#include "sales-schema.h"

struct _SalesMapping
{
  const SalesTableInfo *table;
  GPtrArray            *headers;    /* char * */
  GPtrArray            *fields;     /* const char * from the schema, or NULL */
  GArray               *mapped_by;  /* SalesMappedBy */
  GPtrArray            *constant_fields;  /* const char * */
  GPtrArray            *constant_values;  /* char * */
  gboolean              remembered;
};

/**
 * sales_mapper_normalize_header:
 * @header: a column header as written
 *
 * Returns: (transfer full): @header in lower case with camelCase split
 *   and every run of other characters as one space: "Deal - Owner" is
 *   "deal owner", "closeDate" is "close date"
 */
char *
sales_mapper_normalize_header (const char *header)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (header != NULL, NULL);

  for (const char *p = header; *p; p++)
    {
      gboolean word_break = p > header && g_ascii_isupper (*p) &&
                            g_ascii_islower (p[-1]);

      if (!g_ascii_isalnum (*p))
        {
          space = TRUE;
          continue;
        }

      if ((space || word_break) && out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, g_ascii_tolower (*p));
      space = FALSE;
    }

  return g_string_free (out, FALSE);
}

static int
table_index (const char *table)
{
  guint n_tables;
  const SalesTableInfo *tables = sales_schema_tables (&n_tables);

  for (guint i = 0; i < n_tables; i++)
    if (g_str_equal (tables[i].name, table))
      return i;

  return -1;
}

/* A JSON export flattened as "properties.dealname" is looked up by its
 * last part when the whole does not match.
 */
static const SalesSynonym *
lookup (guint       index,
        const char *header)
{
  g_autofree char *key = sales_mapper_normalize_header (header);
  const SalesSynonym *found = _sales_synonym_lookup (index, key);
  const char *dot = strrchr (header, '.');

  if (found == NULL && dot != NULL && dot[1] != '\0')
    {
      g_autofree char *last = sales_mapper_normalize_header (dot + 1);

      found = _sales_synonym_lookup (index, last);
    }

  return found;
}

/**
 * sales_mapper_guess_field:
 * @table: a record table
 * @header: a column header
 *
 * Returns: (nullable): the field of @table that @header names in common
 *   exports, or %NULL
 */
const char *
sales_mapper_guess_field (const char *table,
                          const char *header)
{
  const SalesSynonym *synonym;
  int index;

  g_return_val_if_fail (table != NULL && header != NULL, NULL);

  if ((index = table_index (table)) < 0)
    return NULL;

  synonym = lookup (index, header);
  return synonym != NULL ? synonym->field : NULL;
}

/* The table whose fields the headers name most strongly, or NULL when
 * none names any or when several tie for the most (a sheet of owners
 * alone fits leads, deals and forecasts alike); @tied, if given, then
 * receives the tables that tie.
 */
static const char *
guess_table (const char *const *headers,
             guint              n_headers,
             GPtrArray         *tied)
{
  guint n_tables;
  const SalesTableInfo *tables = sales_schema_tables (&n_tables);
  g_autoptr(GPtrArray) best = g_ptr_array_new ();
  guint best_score = 0;

  for (guint t = 0; t < n_tables; t++)
    {
      guint score = 0;

      for (guint i = 0; i < n_headers; i++)
        {
          const SalesSynonym *synonym = lookup (t, headers[i]);

          if (synonym != NULL)
            score += synonym->strength;
        }

      if (score > 0 && score > best_score)
        g_ptr_array_set_size (best, 0);
      if (score > 0 && score >= best_score)
        {
          best_score = score;
          g_ptr_array_add (best, (gpointer)tables[t].name);
        }
    }

  if (best->len == 1)
    return g_ptr_array_index (best, 0);

  for (guint i = 0; tied != NULL && best->len > 1 && i < best->len; i++)
    g_ptr_array_add (tied, g_ptr_array_index (best, i));
  return NULL;
}

/**
 * sales_mapper_guess_table:
 * @headers: the header row
 * @n_headers: its length
 *
 * Weighs each table by the headers that name its fields, its own id and
 * the fields only it has counting most.
 *
 * Returns: (nullable): the likeliest table, or %NULL when no header names
 *   a field of any table, or when two or more tables fit equally well
 */
const char *
sales_mapper_guess_table (const char *const *headers,
                          guint              n_headers)
{
  g_return_val_if_fail (headers != NULL || n_headers == 0, NULL);

  return guess_table (headers, n_headers, NULL);
}

/**
 * sales_mapper_signature:
 * @headers: the header row
 * @n_headers: its length
 *
 * Returns: (transfer full): the key a confirmed mapping is remembered
 *   under: a SHA-256 of the exact header texts
 */
char *
sales_mapper_signature (const char *const *headers,
                        guint              n_headers)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < n_headers; i++)
    {
      /* The terminating NUL separates the headers unambiguously. */
      g_checksum_update (sum, (const guchar *)headers[i],
                         strlen (headers[i]) + 1);
    }

  return g_strdup (g_checksum_get_string (sum));
}

/**
 * sales_mapping_new:
 * @table: a record table
 * @headers: the source columns' names
 * @n_headers: how many
 *
 * Returns: (transfer full): a mapping of @table where every column goes
 *   to extra
 */
SalesMapping *
sales_mapping_new (const char        *table,
                   const char *const *headers,
                   guint              n_headers)
{
  SalesMapping *self;
  SalesMappedBy none = SALES_MAPPED_NONE;

  g_return_val_if_fail (sales_schema_is_table (table), NULL);

  self = g_new0 (SalesMapping, 1);
  self->table = sales_schema_lookup_table (table);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_ptr_array_new ();
  self->mapped_by = g_array_new (FALSE, TRUE, sizeof (SalesMappedBy));
  self->constant_fields = g_ptr_array_new ();
  self->constant_values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_headers; i++)
    {
      g_ptr_array_add (self->headers, g_strdup (headers[i]));
      g_ptr_array_add (self->fields, NULL);
      g_array_append_val (self->mapped_by, none);
    }

  return self;
}

void
sales_mapping_free (SalesMapping *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->headers);
  g_ptr_array_unref (self->fields);
  g_array_unref (self->mapped_by);
  g_ptr_array_unref (self->constant_fields);
  g_ptr_array_unref (self->constant_values);
  g_free (self);
}

static void
assign (SalesMapping  *self,
        guint          column,
        const char    *field,
        SalesMappedBy  by)
{
  g_ptr_array_index (self->fields, column) = (gpointer)field;
  g_array_index (self->mapped_by, SalesMappedBy, column) =
    field != NULL ? by : SALES_MAPPED_NONE;
}

static void
drop_constant (SalesMapping *self,
               const char   *field)
{
  for (guint i = 0; i < self->constant_fields->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->constant_fields, i), field))
        {
          g_ptr_array_remove_index (self->constant_fields, i);
          g_ptr_array_remove_index (self->constant_values, i);
          return;
        }
    }
}

static const char *
check_field (const SalesMapping  *self,
             const char          *field,
             GError             **error)
{
  const SalesField *f = sales_table_info_lookup (self->table, field);
  g_autoptr(GString) names = NULL;

  if (f != NULL)
    return f->name;

  names = g_string_new (NULL);
  for (guint i = 0; i < self->table->n_fields; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            self->table->fields[i].name);
  g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
               _("The %s table has no field “%s”; its fields are %s"),
               self->table->name, field, names->str);
  return NULL;
}

static gboolean
set_field_by (SalesMapping   *self,
              guint           column,
              const char     *field,
              SalesMappedBy   by,
              GError        **error)
{
  const char *name = NULL;
  int previous;

  if (field != NULL && (name = check_field (self, field, error)) == NULL)
    return FALSE;

  if (name != NULL)
    {
      previous = sales_mapping_find_field (self, name);
      if (previous >= 0 && (guint)previous != column)
        assign (self, previous, NULL, SALES_MAPPED_NONE);
      drop_constant (self, name);
    }

  assign (self, column, name, by);
  return TRUE;
}

/**
 * sales_mapping_set_field:
 * @self: a mapping
 * @column: a source column
 * @field: (nullable): a field of the mapping's table, or %NULL for extra
 * @error: return location for a #GError
 *
 * Maps @column to @field as the user chose. A column that had @field
 * before goes to extra, and a constant for @field is dropped.
 *
 * Returns: %FALSE with %SALES_ERROR_INVALID when the table has no @field
 */
gboolean
sales_mapping_set_field (SalesMapping  *self,
                         guint          column,
                         const char    *field,
                         GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (column < self->headers->len, FALSE);

  return set_field_by (self, column, field, SALES_MAPPED_USER, error);
}

static void
guess_fields (SalesMapping *self)
{
  int index = table_index (self->table->name);

  for (guint i = 0; i < self->headers->len; i++)
    {
      const SalesSynonym *synonym = lookup (index,
                                            g_ptr_array_index (self->headers,
                                                               i));

      /* The first column naming a field keeps it. */
      if (synonym != NULL && sales_mapping_find_field (self,
                                                       synonym->field) < 0)
        assign (self, i, sales_table_info_lookup (self->table,
                                                  synonym->field)->name,
                SALES_MAPPED_GUESS);
    }
}

static gboolean
apply_json_columns (SalesMapping *self,
                    JsonArray    *columns)
{
  if (json_array_get_length (columns) != self->headers->len)
    return FALSE;

  for (guint i = 0; i < self->headers->len; i++)
    {
      JsonObject *column = json_array_get_object_element (columns, i);
      const char *field;

      if (column == NULL)
        return FALSE;
      field = json_object_get_string_member_with_default (column, "field",
                                                          NULL);
      if (field != NULL &&
          !set_field_by (self, i, field, SALES_MAPPED_REMEMBERED, NULL))
        return FALSE;
    }

  return TRUE;
}

static void
apply_json_constants (SalesMapping *self,
                      JsonObject   *constants)
{
  g_autoptr(GList) members = json_object_get_members (constants);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = json_object_get_string_member_with_default (
        constants, l->data, NULL);
      const SalesField *f = sales_table_info_lookup (self->table, l->data);

      if (value != NULL && f != NULL)
        {
          g_ptr_array_add (self->constant_fields, (gpointer)f->name);
          g_ptr_array_add (self->constant_values, g_strdup (value));
        }
    }
}

/* A mapping confirmed before for this exact header row, if any. */
static SalesMapping *
load_remembered (sqlite3           *db,
                 const char        *table,
                 const char *const *headers,
                 guint              n_headers)
{
  g_autofree char *signature = sales_mapper_signature (headers, n_headers);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SalesMapping) mapping = NULL;
  sqlite3_stmt *stmt = NULL;
  JsonObject *root;

  if (sqlite3_prepare_v2 (db, "SELECT table_name, mapping FROM mappings "
                              "WHERE signature = ?", -1, &stmt, NULL) !=
      SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      sales_schema_is_table ((const char *)sqlite3_column_text (stmt, 0)) &&
      (table == NULL ||
       g_str_equal (table, (const char *)sqlite3_column_text (stmt, 0))) &&
      json_parser_load_from_data (parser,
                                  (const char *)sqlite3_column_text (stmt, 1),
                                  -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      mapping = sales_mapping_new ((const char *)sqlite3_column_text (stmt, 0),
                                   headers, n_headers);
      root = json_node_get_object (json_parser_get_root (parser));
      if (!json_object_has_member (root, "columns") ||
          !apply_json_columns (mapping, json_object_get_array_member (root,
                                                                 "columns")))
        g_clear_pointer (&mapping, sales_mapping_free);
      else if (json_object_has_member (root, "set"))
        apply_json_constants (mapping, json_object_get_object_member (root,
                                                                      "set"));
    }
  sqlite3_finalize (stmt);

  if (mapping != NULL)
    mapping->remembered = TRUE;
  return g_steal_pointer (&mapping);
}

/**
 * sales_mapping_guess:
 * @db: (nullable): a workspace connection, to reuse a remembered mapping
 * @table: (nullable): the target table, or %NULL to guess it
 * @headers: the source columns' names
 * @n_headers: how many
 * @error: return location for a #GError
 *
 * Builds the mapping an import starts from: the one confirmed before for
 * this header row when there is one (and it is for @table), else a guess
 * from the synonym table.
 *
 * Returns: (transfer full) (nullable): the mapping, or %NULL with
 *   %SALES_ERROR_INVALID when @table is unknown or cannot be guessed
 */
SalesMapping *
sales_mapping_guess (sqlite3           *db,
                     const char        *table,
                     const char *const *headers,
                     guint              n_headers,
                     GError           **error)
{
  g_autoptr(GPtrArray) tied = g_ptr_array_new ();
  g_autofree char *names = NULL;
  SalesMapping *mapping;

  g_return_val_if_fail (headers != NULL || n_headers == 0, NULL);

  if (table != NULL && !sales_schema_is_table (table))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s” is not a table; use one of leads, opportunities, "
                     "customers, purchases, expenses, forecasts"), table);
      return NULL;
    }

  if (db != NULL &&
      (mapping = load_remembered (db, table, headers, n_headers)) != NULL)
    return mapping;

  if (table == NULL &&
      (table = guess_table (headers, n_headers, tied)) == NULL &&
      tied->len > 0)
    {
      g_ptr_array_add (tied, NULL);
      names = g_strjoinv (", ", (char **)tied->pdata);
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("The column headers fit these tables equally well: "
                     "%s; choose the table"), names);
      return NULL;
    }
  if (table == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("No column header names a field SalesOps knows, so the "
                     "table cannot be guessed; choose the table (leads, "
                     "opportunities, customers, purchases, expenses or "
                     "forecasts)"));
      return NULL;
    }

  mapping = sales_mapping_new (table, headers, n_headers);
  guess_fields (mapping);
  return mapping;
}

const char *
sales_mapping_get_table (const SalesMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->table->name;
}

guint
sales_mapping_get_n_columns (const SalesMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->headers->len;
}

const char *
sales_mapping_get_header (const SalesMapping *self,
                          guint               column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

/**
 * sales_mapping_get_field:
 * @self: a mapping
 * @column: a source column
 *
 * Returns: (nullable): the field @column fills, %NULL when its cells go
 *   to extra (also for a column beyond the mapping, as in a ragged row)
 */
const char *
sales_mapping_get_field (const SalesMapping *self,
                         guint               column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (column >= self->fields->len)
    return NULL;

  return g_ptr_array_index (self->fields, column);
}

SalesMappedBy
sales_mapping_get_mapped_by (const SalesMapping *self,
                             guint               column)
{
  g_return_val_if_fail (self != NULL, SALES_MAPPED_NONE);
  g_return_val_if_fail (column < self->headers->len, SALES_MAPPED_NONE);

  return g_array_index (self->mapped_by, SalesMappedBy, column);
}

/**
 * sales_mapping_find_field:
 * @self: a mapping
 * @field: a field name
 *
 * Returns: the column that fills @field, or -1
 */
int
sales_mapping_find_field (const SalesMapping *self,
                          const char         *field)
{
  g_return_val_if_fail (self != NULL && field != NULL, -1);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *f = g_ptr_array_index (self->fields, i);

      if (f != NULL && g_str_equal (f, field))
        return i;
    }

  return -1;
}

static int
find_header (const SalesMapping *self,
             const char         *header)
{
  g_autofree char *key = sales_mapper_normalize_header (header);

  for (guint i = 0; i < self->headers->len; i++)
    if (g_str_equal (g_ptr_array_index (self->headers, i), header))
      return i;

  /* Then ignoring case, spaces and punctuation. */
  for (guint i = 0; i < self->headers->len; i++)
    {
      g_autofree char *other =
        sales_mapper_normalize_header (g_ptr_array_index (self->headers, i));

      if (g_str_equal (key, other))
        return i;
    }

  return -1;
}

/**
 * sales_mapping_apply_override:
 * @self: a mapping
 * @spec: "Source header=field"; an empty field, "-" or "extra" sends the
 *   column to extra
 * @error: return location for a #GError
 *
 * Returns: %FALSE with %SALES_ERROR_INVALID when @spec is malformed, names
 *   no column of the file, or a field the table does not have
 */
gboolean
sales_mapping_apply_override (SalesMapping  *self,
                              const char    *spec,
                              GError       **error)
{
  const char *eq;
  g_autofree char *header = NULL;
  const char *field;
  int column;

  g_return_val_if_fail (self != NULL && spec != NULL, FALSE);

  if ((eq = strrchr (spec, '=')) == NULL || eq == spec)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s” is not a mapping; write it as "
                     "'Source header=field'"), spec);
      return FALSE;
    }

  header = g_strndup (spec, eq - spec);
  field = eq + 1;
  if ((column = find_header (self, header)) < 0)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("The file has no column “%s”"), header);
      return FALSE;
    }

  if (*field == '\0' || g_str_equal (field, "-") ||
      g_str_equal (field, "extra"))
    field = NULL;

  return sales_mapping_set_field (self, column, field, error);
}

/**
 * sales_mapping_set_constant:
 * @self: a mapping
 * @spec: "field=value"
 * @error: return location for a #GError
 *
 * Gives @field the same value on every row. A column mapped to @field
 * goes to extra. The value is converted and checked by the importer.
 *
 * Returns: %FALSE with %SALES_ERROR_INVALID when @spec is malformed or
 *   the table has no such field
 */
gboolean
sales_mapping_set_constant (SalesMapping  *self,
                            const char    *spec,
                            GError       **error)
{
  const char *eq;
  g_autofree char *field = NULL;
  const char *name;
  int column;

  g_return_val_if_fail (self != NULL && spec != NULL, FALSE);

  if ((eq = strchr (spec, '=')) == NULL || eq == spec)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s” is not a constant; write it as field=value"),
                   spec);
      return FALSE;
    }

  field = g_strndup (spec, eq - spec);
  if ((name = check_field (self, field, error)) == NULL)
    return FALSE;

  if ((column = sales_mapping_find_field (self, name)) >= 0)
    assign (self, column, NULL, SALES_MAPPED_NONE);
  drop_constant (self, name);
  g_ptr_array_add (self->constant_fields, (gpointer)name);
  g_ptr_array_add (self->constant_values, g_strdup (eq + 1));
  return TRUE;
}

guint
sales_mapping_get_n_constants (const SalesMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->constant_fields->len;
}

/**
 * sales_mapping_get_constant:
 * @self: a mapping
 * @index: which constant
 * @value: (out): its value as written
 *
 * Returns: the field the constant fills
 */
const char *
sales_mapping_get_constant (const SalesMapping  *self,
                            guint                index,
                            const char         **value)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->constant_fields->len, NULL);

  *value = g_ptr_array_index (self->constant_values, index);
  return g_ptr_array_index (self->constant_fields, index);
}

gboolean
sales_mapping_is_remembered (const SalesMapping *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->remembered;
}

/**
 * sales_mapping_to_json:
 * @self: a mapping
 *
 * Returns: (transfer full): `{"table", "columns": [{"header", "field"}],
 *   "set": {field: value}}`, as imports and remembered mappings store it
 */
char *
sales_mapping_to_json (const SalesMapping *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "table");
  json_builder_add_string_value (b, self->table->name);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->headers->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, g_ptr_array_index (self->headers, i));
      json_builder_set_member_name (b, "field");
      if (g_ptr_array_index (self->fields, i) != NULL)
        json_builder_add_string_value (b, g_ptr_array_index (self->fields, i));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "set");
  json_builder_begin_object (b);
  for (guint i = 0; i < self->constant_fields->len; i++)
    {
      json_builder_set_member_name (b, g_ptr_array_index (self->constant_fields,
                                                          i));
      json_builder_add_string_value (b, g_ptr_array_index (self->constant_values,
                                                           i));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/**
 * sales_mapping_remember:
 * @self: a mapping the user confirmed
 * @db: a workspace connection, inside the caller's transaction or not
 * @error: return location for a #GError
 *
 * Stores @self under its header signature, replacing what was there, so
 * the next import of the same header row starts from it.
 *
 * Returns: %FALSE with %SALES_ERROR_SQL when the write failed
 */
gboolean
sales_mapping_remember (const SalesMapping  *self,
                        sqlite3             *db,
                        GError             **error)
{
  g_autofree char *signature = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && db != NULL, FALSE);

  signature = sales_mapper_signature ((const char *const *)self->headers->pdata,
                                      self->headers->len);
  json = sales_mapping_to_json (self);
  rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO mappings "
                               "(signature, table_name, mapping, updated_at) "
                               "VALUES (?, ?, ?, datetime('now'))",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, self->table->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
                   _("Could not remember the mapping: %s"),
                   sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}
