/* sales-import-writer-update.c: how the writer updates a stored row
 *
 * A row the file holds again with other values is updated in the fields
 * that differ only, after their old values are saved in import_changes
 * for revert (sales-import-revert.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <string.h>

#include "sales-import-writer-private.h"

/* A row's update: what it overwrites, saved for revert from the values
 * the lookup read (?3 on, one a changed field), then the new values;
 * both of the changed fields only.
 */
typedef struct
{
  sqlite3_stmt *save;
  sqlite3_stmt *update;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  sqlite3_finalize (change->save);
  sqlite3_finalize (change->update);
  g_free (change);
}

/* The statements of each kind of change, by the bits of
 * _sales_import_writer_changed_fields().
 */
GHashTable *
_sales_import_writer_changes_new (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                change_free);
}

static gboolean
same_value (sqlite3_stmt     *stmt,
            int               column,
            const SalesValue *v)
{
  int type = sqlite3_column_type (stmt, column);

  switch (v->kind)
    {
    case SALES_VALUE_TEXT:
      return type == SQLITE_TEXT &&
             strcmp ((const char *)sqlite3_column_text (stmt, column),
                     v->text) == 0;
    case SALES_VALUE_INT:
      return type == SQLITE_INTEGER && sqlite3_column_int64 (stmt, column) ==
                                       v->i;
    case SALES_VALUE_DOUBLE:
      return type == SQLITE_FLOAT && sqlite3_column_double (stmt, column) ==
                                     v->d;
    case SALES_VALUE_NULL:
    default:
      return type == SQLITE_NULL;
    }
}

/* What the stored row @self->select points at differs in: bit i for
 * written field i, bit n_written for extra; 0 when it is unchanged.
 */
guint64
_sales_import_writer_changed_fields (SalesImportWriter *self,
                                     gboolean           has_extra)
{
  guint n = self->n_written;
  int extra_type = sqlite3_column_type (self->select, n + 1);
  guint64 changed = 0;

  for (guint i = 0; i < n; i++)
    if (!same_value (self->select, i + 1, &self->values[i]))
      changed |= G_GUINT64_CONSTANT (1) << i;

  if (has_extra ? extra_type != SQLITE_TEXT ||
                  !g_str_equal ((const char *)sqlite3_column_text
                                (self->select, n + 1), self->extra)
                : extra_type != SQLITE_NULL)
    changed |= G_GUINT64_CONSTANT (1) << n;

  return changed;
}

/* The statements of an update of the @changed fields only. Setting a
 * date to the value it has still moves the row's entry in that date's
 * index, and a re-import mostly changes amounts and stages; saving only
 * what changes keeps import_changes small. Past MAX_CHANGES kinds of
 * change, those of every field serve.
 */
#define MAX_CHANGES 64

static const Change *
change_statements (SalesImportWriter  *self,
                   guint64             changed,
                   GError            **error)
{
  guint n = self->n_written;
  guint64 every = (G_GUINT64_CONSTANT (1) << (n + 1)) - 1;
  g_autoptr(GString) save = g_string_new (NULL);
  guint k = 3;
  g_autoptr(GString) update = g_string_new (NULL);
  g_autofree Change *change = NULL;
  const Change *known;

  if (g_hash_table_size (self->changes) >= MAX_CHANGES &&
      !g_hash_table_contains (self->changes, GSIZE_TO_POINTER (changed)))
    changed = every;
  known = g_hash_table_lookup (self->changes, GSIZE_TO_POINTER (changed));
  if (known != NULL)
    return known;

  /* VALUES, not INSERT ... SELECT, which keeps a statement journal of
   * every page it touches, for each row.
   */
  g_string_printf (save, "INSERT INTO import_changes (import_id, "
                         "table_name, row_id, action, before) VALUES (?1, "
                         "'%s', ?2, 'update', json_object (",
                   self->table->name);
  g_string_printf (update, "UPDATE %s SET ", self->table->name);
  for (guint i = 0; i <= n; i++)
    {
      const char *name = i < n ? _sales_import_converter_get_field
                                 (self->converter, i)->name : "extra";

      if (!(changed & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      g_string_append_printf (save, "'%s', ?%u, ", name, k++);
      g_string_append_printf (update, "%s = ?%u, ", name,
                              i < n ? i + 1 : n + 2);
    }
  g_string_truncate (save, save->len - 2);
  g_string_append (save, "))");
  g_string_truncate (update, update->len - 2);
  g_string_append_printf (update, " WHERE id = ?%u", n + 3);

  change = g_new0 (Change, 1);
  change->save = _sales_import_writer_prepare (self, save->str, error);
  change->update = change->save == NULL ? NULL :
    _sales_import_writer_prepare (self, update->str, error);
  if (change->update == NULL)
    {
      sqlite3_finalize (change->save);
      return NULL;
    }

  known = change;
  g_hash_table_insert (self->changes, GSIZE_TO_POINTER (changed),
                       g_steal_pointer (&change));
  return known;
}

/* Saves what the @changed fields of row @id hold, as self->select has
 * just read them (it is still on the row), then sets them.
 */
gboolean
_sales_import_writer_update_row (SalesImportWriter  *self,
                                 gint64              id,
                                 guint64             changed,
                                 gboolean            has_extra,
                                 GError            **error)
{
  const Change *change = change_statements (self, changed, error);
  guint n = self->n_written;

  if (change == NULL)
    return FALSE;

  sqlite3_bind_int64 (change->save, 1, self->import_id);
  sqlite3_bind_int64 (change->save, 2, id);
  for (guint i = 0, k = 3; i <= n; i++)
    if (changed & (G_GUINT64_CONSTANT (1) << i))
      sqlite3_bind_value (change->save, k++,
                          sqlite3_column_value (self->select,
                                                i < n ? i + 1 : n + 1));
  if (!_sales_import_writer_step_reset (change->save))
    return _sales_import_writer_sql_error (self, error);

  _sales_import_writer_bind_row (self, change->update, has_extra);
  sqlite3_bind_int64 (change->update, self->n_written + 3, id);
  if (!_sales_import_writer_step_reset (change->update))
    return _sales_import_writer_sql_error (self, error);

  self->counts.updated++;
  return TRUE;
}
