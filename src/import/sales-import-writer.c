/* sales-import-writer.c: rows into a record table, one transaction
 *
 * Every row read ends as exactly one of inserted, updated, unchanged or
 * rejected. A row is converted whole (sales-import-converter.c) before
 * anything is written, so a row with one bad value is rejected, never
 * half-written. Rows are matched by external_id: a row whose values all
 * equal the stored ones is unchanged; a changed row is updated after its
 * previous values are saved in import_changes. A row inserted by an
 * import carries its import_id, which is what a revert deletes.
 *
 * Speed: statements are prepared once; into a table that was empty the
 * insert is tried first (no lookup per row) and a duplicate id falls back
 * to the lookup; the table's secondary indexes are dropped while loading
 * into a small table and rebuilt before the commit, in the same
 * transaction, and so are its KPI triggers once a load is large enough
 * to rebuild the KPI roll-up anyway. From that point on, the rest of the
 * rows go through one INSERT ... SELECT (sales-import-bulk.c), which
 * skips a row whose id is taken; that row is then stored row by row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sales-error.h"
#include "sales-import-schema.h"
#include "sales-import-writer-private.h"
#include "sales-limits.h"
#include "sales-schema.h"

/* The sorter's threads and page cache while the indexes are built: see
 * _sales_import_writer_restore().
 */
#define SORT_THREADS 4
#define SORT_CACHE_KIB 2048

void
sales_import_reject_free (SalesImportReject *reject)
{
  if (reject == NULL)
    return;

  g_free (reject->column);
  g_free (reject->value);
  g_free (reject->reason);
  g_free (reject);
}

gboolean
_sales_import_writer_sql_error (SalesImportWriter  *self,
                                GError            **error)
{
  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not import “%s”: %s"), self->path,
               sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3_stmt *
_sales_import_writer_prepare (SalesImportWriter  *self,
                              const char         *sql,
                              GError            **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sales_import_writer_sql_error (self, error);
      return NULL;
    }

  return stmt;
}

static gboolean
exec (SalesImportWriter  *self,
      const char         *sql,
      GError            **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _sales_import_writer_sql_error (self, error);

  return TRUE;
}


static const char *
table_name (SalesImportWriter *self)
{
  return self->table->name;
}

/* Parameters: ?1..?n the written fields, ?n+1 import_id, ?n+2 extra;
 * an update's (change_statements) ?n+3 the row id.
 */
static gboolean
prepare_statements (SalesImportWriter  *self,
                    GError            **error)
{
  const char *table = table_name (self);
  guint n = self->n_written;
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new ("SELECT id");

  g_string_printf (insert, "INSERT INTO %s (", table);
  for (guint i = 0; i < n; i++)
    {
      const char *name =
        _sales_import_converter_get_field (self->converter, i)->name;

      g_string_append_printf (insert, "%s, ", name);
      g_string_append_printf (select, ", %s", name);
    }
  g_string_append (insert, "import_id, extra) VALUES (");
  for (guint i = 0; i < n + 2; i++)
    g_string_append_printf (insert, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (insert, ')');
  g_string_append_printf (select, ", extra, import_id FROM %s"
                          " WHERE external_id = ?1", table);

  self->insert = _sales_import_writer_prepare (self, insert->str, error);
  if (self->insert == NULL)
    return FALSE;
  self->select = _sales_import_writer_prepare (self, select->str, error);
  if (self->select == NULL)
    return FALSE;
  self->reject = _sales_import_writer_prepare (self,
                                               "INSERT INTO import_rejects "
                                               "(import_id, line, "
                                               "column_name, value, reason, "
                                               "cells) VALUES (?, ?, ?, ?, "
                                               "?, ?)", error);
  return self->reject != NULL;
}

/**
 * _sales_import_writer_new:
 * @db: a connection of its own, outside any transaction
 * @mapping: the mapping, alive as long as the writer
 * @converter: what the rows become, alive as long as the writer
 * @path: the file, for records and messages
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL when a
 *   statement cannot be prepared (%SALES_ERROR_SQL)
 */
SalesImportWriter *
_sales_import_writer_new (sqlite3               *db,
                          const SalesMapping    *mapping,
                          SalesImportConverter  *converter,
                          const char            *path,
                          GError               **error)
{
  g_autoptr(SalesImportWriter) self = g_new0 (SalesImportWriter, 1);

  self->db = db;
  self->path = g_strdup (path);
  self->mapping = mapping;
  self->converter = converter;
  self->table = _sales_import_converter_get_table (converter);
  self->n_written = _sales_import_converter_get_n_written (converter);
  self->id_index = _sales_import_converter_get_id_index (converter);
  self->dropped_indexes = g_ptr_array_new_with_free_func (g_free);
  self->dropped_triggers = g_ptr_array_new_with_free_func (g_free);
  self->rejects = g_ptr_array_new_with_free_func (
    (GDestroyNotify)sales_import_reject_free);
  self->cells = g_string_new (NULL);
  self->claims = _sales_import_claims_new (db);
  self->changes = _sales_import_writer_changes_new ();
  /* A bit per written field and one for extra (changed_fields). */
  g_assert (self->n_written < 64);

  if (!prepare_statements (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
_sales_import_writer_free (SalesImportWriter *self)
{
  if (self == NULL)
    return;

  _sales_import_writer_rollback (self);
  sqlite3_finalize (self->insert);
  sqlite3_finalize (self->select);
  g_hash_table_unref (self->changes);
  sqlite3_finalize (self->reject);
  _sales_import_claims_free (self->claims);
  g_free (self->path);
  g_ptr_array_unref (self->dropped_indexes);
  g_ptr_array_unref (self->dropped_triggers);
  g_ptr_array_unref (self->rejects);
  g_string_free (self->cells, TRUE);
  g_free (self);
}

static gint64
count_rows_up_to (SalesImportWriter  *self,
                  gint64              limit,
                  GError            **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 rows = 0;

  sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT %"
                         PRId64 ")", table_name (self), limit);
  if ((stmt = _sales_import_writer_prepare (self, sql, error)) == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rows = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return rows;
}

/* Sets aside the table's schema objects of @type named like @glob, but
 * the partial indexes on columns outside @written, a JSON array or NULL
 * (sales-import-schema.c); finish makes them again.
 */
static gboolean
drop_schema_objects (SalesImportWriter  *self,
                     const char         *type,
                     const char         *glob,
                     const char         *written,
                     GPtrArray          *dropped,
                     GError            **error)
{
  if (_sales_import_schema_drop (self->db, table_name (self), type, glob,
                                 written, dropped) != SQLITE_OK)
    return _sales_import_writer_sql_error (self, error);

  return TRUE;
}

/* Loading with indexes in place is several times slower than building
 * them after, as long as the table is small to begin with.
 */
static gboolean
drop_indexes (SalesImportWriter  *self,
              GError            **error)
{
  gint64 rows = count_rows_up_to (self, SALES_IMPORT_REINDEX_MAX_ROWS, error);
  g_autoptr(GString) written = NULL;

  if (rows < 0)
    return FALSE;
  self->was_empty = rows == 0;
  if (rows >= SALES_IMPORT_REINDEX_MAX_ROWS)
    return TRUE;

  written = g_string_new ("[\"import_id\", \"extra\"");
  for (guint i = 0; i < self->n_written; i++)
    {
      g_string_append_c (written, ',');
      _sales_json_append_string (written,
          _sales_import_converter_get_field (self->converter, i)->name);
    }
  g_string_append_c (written, ']');

  return drop_schema_objects (self, "index", "*", written->str,
                              self->dropped_indexes, error);
}

/* The KPI triggers record what each written row touches, so that the
 * next evaluation recomputes only those days. Past a few thousand rows
 * the roll-up will be rebuilt anyway: the triggers are dropped for the
 * rest of the load, which costs them nothing per row, and the roll-up is
 * marked for a rebuild once.
 */
static gboolean
suspend_kpi_triggers (SalesImportWriter  *self,
                      GError            **error)
{
  self->triggers_suspended = TRUE;
  return drop_schema_objects (self, "trigger", "*_kpi_*", NULL,
                              self->dropped_triggers, error) &&
         exec (self, "UPDATE kpi_state SET stale = 1", error);
}

/**
 * _sales_import_writer_begin:
 * @self: a writer
 * @sheet: (nullable): the sheet read, for the record
 * @error: return location for a #GError
 *
 * Starts the transaction (waiting on another writer up to the busy
 * timeout) and records the import.
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_import_writer_begin (SalesImportWriter  *self,
                            const char         *sheet,
                            GError            **error)
{
  g_autofree char *name = g_path_get_basename (self->path);
  g_autofree char *mapping = sales_mapping_to_json (self->mapping);
  sqlite3_stmt *stmt;
  int rc;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->began = TRUE;

  stmt = _sales_import_writer_prepare (self, "INSERT INTO imports "
                                       "(file_name, table_name, sheet, "
                                       "mapping, started_at) VALUES (?, ?, "
                                       "?, ?, datetime('now'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table_name (self), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sheet, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, mapping, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sales_import_writer_sql_error (self, error);

  self->import_id = sqlite3_last_insert_rowid (self->db);
  return drop_indexes (self, error);
}

gboolean
_sales_import_writer_add_reject (SalesImportWriter  *self,
                                 const SalesRow     *row,
                                 int                 column,
                                 const char         *reason,
                                 GError            **error)
{
  g_autofree char *name = column >= 0 ?
    _sales_import_converter_column_name (self->converter, column) : NULL;
  sqlite3_stmt *s = self->reject;
  int rc;

  self->counts.rejected++;
  g_string_assign (self->cells, "[");
  for (guint i = 0; i < row->n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (self->cells, ',');
      _sales_json_append_string (self->cells, row->cells[i]);
    }
  g_string_append_c (self->cells, ']');

  sqlite3_bind_int64 (s, 1, self->import_id);
  sqlite3_bind_int64 (s, 2, row->line);
  sqlite3_bind_text (s, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, sales_row_get_cell (row, column), -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 6, self->cells->str, -1, SQLITE_STATIC);
  rc = sqlite3_step (s);
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    return _sales_import_writer_sql_error (self, error);

  if (self->rejects->len < SALES_IMPORT_MAX_REPORTED_REJECTS)
    {
      SalesImportReject *r = g_new0 (SalesImportReject, 1);

      r->line = row->line;
      r->column = g_steal_pointer (&name);
      r->value = g_strdup (sales_row_get_cell (row, column));
      r->reason = g_strdup (reason);
      g_ptr_array_add (self->rejects, r);
    }

  return TRUE;
}


static void
bind_value (sqlite3_stmt     *stmt,
            int               index,
            const SalesValue *v)
{
  switch (v->kind)
    {
    case SALES_VALUE_TEXT:
      sqlite3_bind_text (stmt, index, v->text, -1, SQLITE_STATIC);
      break;
    case SALES_VALUE_INT:
      sqlite3_bind_int64 (stmt, index, v->i);
      break;
    case SALES_VALUE_DOUBLE:
      sqlite3_bind_double (stmt, index, v->d);
      break;
    case SALES_VALUE_NULL:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

void
_sales_import_writer_bind_row (SalesImportWriter *self,
                               sqlite3_stmt      *stmt,
                               gboolean           has_extra)
{
  guint n = self->n_written;

  for (guint i = 0; i < n; i++)
    bind_value (stmt, i + 1, &self->values[i]);

  if (has_extra)
    sqlite3_bind_text (stmt, n + 2, self->extra, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, n + 2);
}

gboolean
_sales_import_writer_step_reset (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* For a row known by its fingerprint: whether an earlier row of this
 * file took the stored row @s points at, which it then inserted, or
 * matched and claimed.
 */
static gboolean
is_claimed (SalesImportWriter  *self,
            sqlite3_stmt       *s,
            gboolean           *claimed,
            GError            **error)
{
  const char *key = self->values[self->id_index].text;

  *claimed = sqlite3_column_int64 (s, self->n_written + 2) ==
             self->import_id;
  if (*claimed)
    return TRUE;

  if (_sales_import_claims_contains (self->claims, key, claimed) !=
      SQLITE_OK)
    return _sales_import_writer_sql_error (self, error);
  if (*claimed)
    return TRUE;

  return _sales_import_claims_add (self->claims, key) == SQLITE_OK ||
         _sales_import_writer_sql_error (self, error);
}

/* Returns FALSE on error; sets @found when the id is already stored, and
 * leaves a row known by its @fingerprint alone when another row of the
 * file took it (@claimed).
 */
static gboolean
match_existing (SalesImportWriter  *self,
                gboolean            has_extra,
                gboolean            fingerprint,
                gboolean           *found,
                gboolean           *claimed,
                GError            **error)
{
  sqlite3_stmt *s = self->select;
  guint64 changed;
  gboolean ok;
  gint64 id;
  int rc;

  *claimed = FALSE;
  bind_value (s, 1, &self->values[self->id_index]);
  rc = sqlite3_step (s);
  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (s);
      return rc == SQLITE_DONE || _sales_import_writer_sql_error (self, error);
    }

  if (fingerprint && (!is_claimed (self, s, claimed, error) || *claimed))
    {
      sqlite3_reset (s);
      return *claimed;
    }

  id = sqlite3_column_int64 (s, 0);
  changed = _sales_import_writer_changed_fields (self, has_extra);
  if (changed == 0)
    {
      sqlite3_reset (s);
      self->counts.unchanged++;
      return TRUE;
    }

  /* The old values are saved from the row @s is on. */
  ok = _sales_import_writer_update_row (self, id, changed, has_extra, error);
  sqlite3_reset (s);
  return ok;
}

static gboolean
insert_row (SalesImportWriter  *self,
            gboolean            has_extra,
            gboolean           *duplicate,
            GError            **error)
{
  int rc;

  _sales_import_writer_bind_row (self, self->insert, has_extra);
  sqlite3_bind_int64 (self->insert, self->n_written + 1, self->import_id);
  rc = sqlite3_step (self->insert);
  sqlite3_reset (self->insert);

  *duplicate = rc == SQLITE_CONSTRAINT;
  if (rc == SQLITE_DONE)
    {
      self->counts.inserted++;
      return TRUE;
    }

  return *duplicate || _sales_import_writer_sql_error (self, error);
}

static gboolean
store_row (SalesImportWriter  *self,
           gboolean            has_extra,
           GError            **error)
{
  gboolean has_id = self->id_index >= 0 &&
                    self->values[self->id_index].kind != SALES_VALUE_NULL;
  gboolean found = FALSE;
  gboolean claimed = FALSE;
  gboolean duplicate = FALSE;

  /* Into a table that was empty, a lookup would almost always miss. */
  if (!has_id || self->was_empty)
    {
      if (!insert_row (self, has_extra, &duplicate, error))
        return FALSE;
      if (!duplicate)
        return TRUE;
      if (!has_id)
        return _sales_import_writer_sql_error (self, error);
    }

  if (!match_existing (self, has_extra, FALSE, &found, &claimed, error))
    return FALSE;
  if (found)
    return TRUE;

  return insert_row (self, has_extra, &duplicate, error) &&
         (!duplicate || _sales_import_writer_sql_error (self, error));
}

/* Stores a row known by its fingerprint under the first of "KEY",
 * "KEY#2", "KEY#3"... that no earlier row of this file took, so that
 * identical rows of a file are each kept and importing the file again
 * finds each of them.
 */
static gboolean
store_fingerprinted (SalesImportWriter  *self,
                     gboolean            has_extra,
                     GError            **error)
{
  SalesValue *id = &self->values[self->id_index];
  char base[sizeof id->buf];

  g_strlcpy (base, id->text, sizeof base);
  for (gint64 n = 2; ; n++)
    {
      gboolean found = FALSE;
      gboolean claimed = FALSE;
      gboolean duplicate = FALSE;

      /* Into a table that was empty, every stored row is this file's. */
      if (self->was_empty)
        {
          if (!insert_row (self, has_extra, &duplicate, error))
            return FALSE;
          if (!duplicate)
            return TRUE;
        }
      else
        {
          if (!match_existing (self, has_extra, TRUE, &found, &claimed,
                               error))
            return FALSE;
          if (!found)
            return insert_row (self, has_extra, &duplicate, error) &&
                   (!duplicate || _sales_import_writer_sql_error (self, error));
          if (!claimed)
            return TRUE;
        }

      g_snprintf (self->key, sizeof self->key, "%s#%" PRId64, base, n);
      id->text = self->key;
    }
}

/* Stores one converted row by itself: matched by its id, or its cells. */
gboolean
_sales_import_writer_store_prepared (SalesImportWriter       *self,
                                     const SalesPreparedRow  *row,
                                     GError                 **error)
{
  self->values = row->values;
  self->extra = row->extra;
  if (row->fingerprinted)
    return store_fingerprinted (self, row->extra != NULL, error);

  return store_row (self, row->extra != NULL, error);
}

/**
 * _sales_import_writer_store:
 * @self: a writer that began
 * @row: a row the converter prepared
 * @error: return location for a #GError
 *
 * Stores one converted row, or keeps a rejected one with its reason.
 *
 * Returns: %FALSE only when the database failed; a bad value is a
 *   rejected row, not an error
 */
gboolean
_sales_import_writer_store (SalesImportWriter       *self,
                            const SalesPreparedRow  *row,
                            GError                 **error)
{
  self->counts.rows_read++;
  if (row->reason != NULL)
    return _sales_import_writer_add_reject (self, &row->row, row->bad_column,
                                            row->reason, error);

  if (!_sales_import_writer_store_prepared (self, row, error))
    return FALSE;

  if (self->counts.inserted + self->counts.updated ==
      SALES_IMPORT_TRIGGER_MAX_ROWS)
    return suspend_kpi_triggers (self, error);
  return TRUE;
}

/**
 * _sales_import_writer_can_store_rest:
 * @self: a writer that began
 *
 * Returns: whether the rest of the rows should go to
 *   _sales_import_writer_store_rest(): once the load is large enough to
 *   have suspended the KPI triggers, which record each row's days
 */
gboolean
_sales_import_writer_can_store_rest (SalesImportWriter *self)
{
  return self->triggers_suspended;
}

static gboolean
record_counts (SalesImportWriter  *self,
               const char         *checksum,
               GError            **error)
{
  const SalesImportCounts *c = &self->counts;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sales_import_writer_prepare (self, "UPDATE imports SET "
                                       "checksum = ?, rows_read = ?, "
                                       "inserted = ?, updated = ?, "
                                       "unchanged = ?, rejected = ?, "
                                       "finished_at = datetime('now') "
                                       "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, c->rows_read);
  sqlite3_bind_int64 (stmt, 3, c->inserted);
  sqlite3_bind_int64 (stmt, 4, c->updated);
  sqlite3_bind_int64 (stmt, 5, c->unchanged);
  sqlite3_bind_int64 (stmt, 6, c->rejected);
  sqlite3_bind_int64 (stmt, 7, self->import_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || _sales_import_writer_sql_error (self, error);
}

/**
 * _sales_import_writer_restore:
 * @self: a writer that stored every row
 * @error: return location for a #GError
 *
 * Builds again the indexes and triggers dropped for loading.
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_import_writer_restore (SalesImportWriter  *self,
                              GError            **error)
{
  GPtrArray *dropped[] = { self->dropped_indexes, self->dropped_triggers };

  /* By now the reading thread is done and a core idle. SQLite's sorter
   * gathers a run as large as the page cache, then hands it to a helper
   * thread that is free, or sorts it itself when none is; at the end a
   * helper merges each one's runs while the connection's thread merges
   * theirs. With one helper, the connection's thread sorted every other
   * run instead of reading the table; with four, it keeps reading while
   * the helpers share the other core, and four merges run beside the
   * last. A million rows' two date indexes, with a rollback journal:
   * 0.86 s with one helper and 4 MB runs, 0.75 s with two, 0.68 s with
   * four (1, 2 or 3 MB alike), 0.81 s with eight. The helpers' memory is
   * bounded by the runs in flight, not by the table: with 2 MB runs an
   * import's peak stays between 42 and 52 MB from one to eight million
   * rows (36 to 41 MB with one helper).
   */
  if (!exec (self, "PRAGMA threads = " G_STRINGIFY (SORT_THREADS) ";"
                   "PRAGMA cache_size = -" G_STRINGIFY (SORT_CACHE_KIB),
             error))
    return FALSE;
  for (guint d = 0; d < G_N_ELEMENTS (dropped); d++)
    if (_sales_import_schema_restore (self->db, dropped[d]) != SQLITE_OK)
      return _sales_import_writer_sql_error (self, error);
  return exec (self, "PRAGMA threads = 0; PRAGMA cache_size = -"
                     G_STRINGIFY (SALES_IMPORT_CACHE_KIB), error);
}

/**
 * _sales_import_writer_finish:
 * @self: a writer that was restored
 * @checksum: (nullable): the file's SHA-256, for the record
 * @error: return location for a #GError
 *
 * Records the counts. The transaction stays open: the caller commits, or
 * rolls back a dry run.
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_import_writer_finish (SalesImportWriter  *self,
                             const char         *checksum,
                             GError            **error)
{
  return record_counts (self, checksum, error);
}

/**
 * _sales_import_writer_rollback:
 * @self: a writer
 *
 * Undoes everything since begin; the workspace is as it was.
 */
void
_sales_import_writer_rollback (SalesImportWriter *self)
{
  if (!self->began)
    return;

  self->began = FALSE;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
_sales_import_writer_get_import_id (SalesImportWriter *self)
{
  return self->import_id;
}

const SalesImportCounts *
_sales_import_writer_get_counts (SalesImportWriter *self)
{
  return &self->counts;
}

GPtrArray *
_sales_import_writer_steal_rejects (SalesImportWriter *self)
{
  GPtrArray *rejects = self->rejects;

  self->rejects = g_ptr_array_new_with_free_func (
    (GDestroyNotify)sales_import_reject_free);
  return rejects;
}
