/* sales-importer.c: reader -> sniffer -> mapper -> converter -> writer
 *
 * One read pass. The sniffer looks at a bounded sample for the header,
 * the types and a provisional date order and decimal mark per column;
 * while converting, every cell of those columns is also evidence, so the
 * final decision is taken over the whole column. When it differs from
 * the provisional one (the sample was all ambiguous and a later row
 * settles the other way), the transaction is rolled back and the file is
 * read once more with the final decision. Reading the file twice on every
 * import would cost as much as the conversion itself; this costs a second
 * pass only on the files that need it.
 *
 * The rows are read and converted on a thread of their own
 * (sales-import-pipe.c); once they are stored, the file's SHA-256 is
 * computed on another while the indexes are built (sales-file-checksum.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-column-evidence.h"
#include "sales-error.h"
#include "sales-file-checksum.h"
#include "sales-import-choices.h"
#include "sales-import-pipe.h"
#include "sales-importer-private.h"
#include "sales-limits.h"
#include "sales-schema.h"

/* Rows between two looks at the cancellable and the progress. */
#define CHECK_EVERY 4096

G_DEFINE_FINAL_TYPE (SalesImporter, sales_importer, G_TYPE_OBJECT)

static void
clear_evidence (SalesImporter *self)
{
  for (guint i = 0; self->evidence != NULL && i < self->n_columns; i++)
    sales_column_evidence_clear (&self->evidence[i]);
}

static void
sales_importer_finalize (GObject *object)
{
  SalesImporter *self = SALES_IMPORTER (object);

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  clear_evidence (self);
  g_free (self->evidence);
  g_clear_pointer (&self->mapping, sales_mapping_free);
  g_clear_pointer (&self->sniffer, sales_sniffer_free);
  g_clear_object (&self->reader);
  _sales_import_connection_close (&self->connection);
  g_clear_pointer (&self->rejects, g_ptr_array_unref);
  g_ptr_array_unref (self->overrides);
  g_ptr_array_unref (self->constants);
  _sales_import_choices_free (self->choices);
  g_free (self->path);
  g_free (self->table);
  g_free (self->sheet);
  g_object_unref (self->workspace);

  G_OBJECT_CLASS (sales_importer_parent_class)->finalize (object);
}

static void
sales_importer_class_init (SalesImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_importer_finalize;
}

static void
sales_importer_init (SalesImporter *self)
{
  self->overrides = g_ptr_array_new_with_free_func (g_free);
  self->constants = g_ptr_array_new_with_free_func (g_free);
  self->sniff_rows = SALES_IMPORT_SNIFF_ROWS;
  self->rejects = g_ptr_array_new ();
  self->choices = _sales_import_choices_new ();
}

/**
 * sales_importer_new:
 * @workspace: the workspace to import into
 * @path: the file to import
 *
 * Returns: (transfer full): an importer; nothing is read before
 *   sales_importer_prepare() or sales_importer_run()
 */
SalesImporter *
sales_importer_new (SalesWorkspace *workspace,
                    const char     *path)
{
  SalesImporter *self;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SALES_TYPE_IMPORTER, NULL);
  self->workspace = g_object_ref (workspace);
  self->path = g_strdup (path);
  return self;
}

static gboolean
apply_options (SalesImporter  *self,
               GError        **error)
{
  for (guint i = 0; i < self->overrides->len; i++)
    if (!sales_mapping_apply_override (self->mapping,
                                       g_ptr_array_index (self->overrides, i),
                                       error))
      return FALSE;

  for (guint i = 0; i < self->constants->len; i++)
    if (!sales_mapping_set_constant (self->mapping,
                                     g_ptr_array_index (self->constants, i),
                                     error))
      return FALSE;

  return TRUE;
}

static gboolean
build_mapping (SalesImporter  *self,
               GError        **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  self->n_columns = sales_sniffer_get_n_columns (self->sniffer);
  if (self->n_columns == 0 &&
      sales_reader_get_sheet (self->reader) != NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("The sheet “%s” of “%s” has no rows to import; choose "
                     "another sheet"),
                   sales_reader_get_sheet (self->reader), self->path);
      return FALSE;
    }
  if (self->n_columns == 0)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_INVALID,
                   _("“%s” has no rows to import"), self->path);
      return FALSE;
    }

  for (guint i = 0; i < self->n_columns; i++)
    g_ptr_array_add (names,
                     (gpointer)sales_sniffer_get_column_name (self->sniffer, i));

  self->mapping = sales_mapping_guess (self->connection.db, self->table,
                                       (const char *const *)names->pdata,
                                       names->len, error);
  if (self->mapping == NULL)
    {
      g_prefix_error (error, "%s: ", self->path);
      return FALSE;
    }

  if (!apply_options (self, error))
    {
      g_prefix_error (error, "%s: ", self->path);
      return FALSE;
    }

  self->evidence = g_new0 (SalesColumnEvidence, self->n_columns);
  return TRUE;
}

/**
 * sales_importer_prepare:
 * @self: an importer
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens the file and a connection to the workspace (its own, or the
 * workspace's when exclusive), sniffs a sample and builds the mapping
 * (remembered, else guessed, then the overrides and constants). Calling
 * it again does nothing.
 *
 * Returns: %FALSE with the reader's error, %SALES_ERROR_INVALID when the
 *   table cannot be guessed or an override or constant is wrong
 */
gboolean
sales_importer_prepare (SalesImporter  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), FALSE);

  if (self->mapping != NULL)
    return TRUE;

  if (self->connection.db == NULL &&
      !_sales_import_connection_open (&self->connection, self->workspace,
                                      self->exclusive, error))
    return FALSE;

  g_clear_object (&self->reader);
  self->reader = _sales_import_choices_open_reader (self->choices, self->path,
                                                    self->sheet, cancellable,
                                                    error);
  if (self->reader == NULL)
    return FALSE;

  g_clear_pointer (&self->sniffer, sales_sniffer_free);
  self->sniffer = sales_sniffer_new ();
  _sales_import_choices_apply (self->choices, self->sniffer);
  if (!sales_sniffer_sniff_reader (self->sniffer, self->reader,
                                   self->sniff_rows, error))
    return FALSE;

  return build_mapping (self, error);
}

SalesMapping *
sales_importer_get_mapping (SalesImporter *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), NULL);

  return self->mapping;
}

SalesSniffer *
sales_importer_get_sniffer (SalesImporter *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), NULL);

  return self->sniffer;
}

static gboolean
progress_idle_cb (gpointer data)
{
  SalesImporter *self = data;

  g_atomic_int_set (&self->progress_queued, 0);
  if (self->progress != NULL)
    self->progress (self->pending_fraction, self->progress_data);

  return G_SOURCE_REMOVE;
}

/* From run_async's thread, progress goes to the caller's context; the
 * latest fraction wins when the context is busy.
 */
static void
deliver_progress (SalesImporter *self,
                  double         fraction)
{
  if (self->progress == NULL)
    return;

  if (self->progress_context == NULL)
    {
      self->progress (fraction, self->progress_data);
      return;
    }

  self->pending_fraction = fraction;
  if (g_atomic_int_compare_and_exchange (&self->progress_queued, 0, 1))
    g_main_context_invoke_full (self->progress_context, G_PRIORITY_DEFAULT,
                                progress_idle_cb, g_object_ref (self),
                                g_object_unref);
}

static gboolean
check_cancelled (SalesImporter  *self,
                 GCancellable   *cancellable,
                 GError        **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_CANCELLED,
               _("The import of “%s” was cancelled; the workspace is "
                 "unchanged"), self->path);
  return TRUE;
}

/* The rows of one pass, with a look at the progress and the cancellable
 * every CHECK_EVERY rows.
 */
typedef struct
{
  SalesImporter   *self;
  SalesImportPipe *pipe;
  GCancellable    *cancellable;
  guint64          size;
  guint64          index;
} RowFeed;

static const SalesPreparedRow *
feed_next (gpointer   data,
           GError   **error)
{
  RowFeed *feed = data;
  const SalesPreparedRow *row = _sales_import_pipe_next (feed->pipe, error);

  if (row == NULL || ++feed->index % CHECK_EVERY != 0)
    return row;

  if (feed->size > 0)
    deliver_progress (feed->self, (double)_sales_import_pipe_get_position
                      (feed->pipe) / feed->size);
  if (check_cancelled (feed->self, feed->cancellable, error))
    return NULL;

  return row;
}

/* One pass over the data rows into @writer, read and converted by a pipe
 * on another thread: row by row until the load is large, then the rest
 * in one statement.
 */
static gboolean
write_rows (SalesImporter            *self,
            SalesImportConverter     *converter,
            SalesImportWriter        *writer,
            const SalesColumnFormat  *formats,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(SalesImportPipe) pipe = NULL;
  g_autoptr(GError) local = NULL;
  const SalesPreparedRow *row;
  RowFeed feed = { self, NULL, cancellable, 0, 0 };

  if (!sales_reader_rewind (self->reader, error))
    return FALSE;

  deliver_progress (self, 0.0);
  pipe = _sales_import_pipe_new (self->reader,
                                 sales_sniffer_get_skip_rows (self->sniffer),
                                 converter, formats, self->evidence);
  feed.pipe = pipe;
  feed.size = sales_reader_get_size (self->reader);
  while ((row = feed_next (&feed, &local)) != NULL)
    {
      if (!_sales_import_writer_store (writer, row, error))
        return FALSE;

      /* The rest in one statement; a failure leaves its error in local. */
      if (_sales_import_writer_can_store_rest (writer))
        {
          _sales_import_writer_store_rest (writer, feed_next, &feed, &local);
          break;
        }
    }

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  return !check_cancelled (self, cancellable, error);
}

static gboolean
column_is_typed (SalesImporter *self,
                 guint          column)
{
  const SalesTableInfo *table =
    sales_schema_lookup_table (sales_mapping_get_table (self->mapping));
  const char *name = sales_mapping_get_field (self->mapping, column);
  const SalesField *field;

  if (name == NULL || (field = sales_table_info_lookup (table, name)) == NULL)
    return FALSE;

  return field->type == SALES_FIELD_DATE || field->type == SALES_FIELD_MONEY ||
         field->type == SALES_FIELD_NUMBER;
}

/* A date order the user chose wins over the whole column's evidence. */
static void
apply_chosen_order (SalesImporter     *self,
                    guint              column,
                    SalesColumnFormat *format)
{
  SalesDateOrder order = sales_sniffer_get_chosen_date_order (self->sniffer,
                                                              column);

  if (order != SALES_DATE_ORDER_NONE)
    format->date_order = order;
}

/* TRUE when the whole columns decide otherwise than @formats did. */
static gboolean
decide_formats (SalesImporter     *self,
                SalesColumnFormat *formats)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->n_columns; i++)
    {
      SalesColumnFormat final;

      if (!column_is_typed (self, i))
        continue;

      sales_column_evidence_decide (&self->evidence[i], &final);
      apply_chosen_order (self, i, &final);
      if (final.date_order != formats[i].date_order ||
          final.decimal_mark != formats[i].decimal_mark)
        changed = TRUE;
      formats[i] = final;
    }

  return changed;
}

/* A cancel up to here rolls the import back; from here it is saved. */
static gboolean
commit (SalesImporter      *self,
        SalesImportWriter  *writer,
        SalesFileChecksum **file_checksum,
        GCancellable       *cancellable,
        GError            **error)
{
  g_autofree char *checksum = NULL;

  if (!_sales_import_writer_restore (writer, error))
    return FALSE;

  checksum = sales_file_checksum_finish (g_steal_pointer (file_checksum));
  if (!_sales_import_writer_finish (writer, checksum, error))
    return FALSE;

  if (self->remember && !self->dry_run &&
      !sales_mapping_remember (self->mapping, self->connection.db, error))
    return FALSE;

  if (self->dry_run)
    {
      _sales_import_writer_rollback (writer);
      return TRUE;
    }

  sqlite3_progress_handler (self->connection.db, 0, NULL, NULL);
  if (check_cancelled (self, cancellable, error))
    return FALSE;

  if (sqlite3_exec (self->connection.db, "COMMIT", NULL, NULL, NULL) !=
      SQLITE_OK)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
                   _("Could not import “%s”: %s"), self->path,
                   sqlite3_errmsg (self->connection.db));
      return FALSE;
    }

  return TRUE;
}

static void
keep_results (SalesImporter     *self,
              SalesImportWriter *writer)
{
  self->import_id = self->dry_run ? 0
                                  : _sales_import_writer_get_import_id (writer);
  self->counts = *_sales_import_writer_get_counts (writer);
  g_clear_pointer (&self->rejects, g_ptr_array_unref);
  self->rejects = _sales_import_writer_steal_rejects (writer);
}

/* Returns FALSE on error; sets @redo when the file must be read again. */
static gboolean
run_pass (SalesImporter      *self,
          SalesColumnFormat  *formats,
          gboolean            final,
          SalesFileChecksum **file_checksum,
          gboolean           *redo,
          GCancellable       *cancellable,
          GError            **error)
{
  g_autoptr(SalesImportConverter) converter = NULL;
  g_autoptr(SalesImportWriter) writer = NULL;

  clear_evidence (self);
  converter = _sales_import_converter_new (self->mapping, error);
  if (converter == NULL)
    return FALSE;
  writer = _sales_import_writer_new (self->connection.db, self->mapping,
                                     converter, self->path, error);
  if (writer == NULL || !_sales_import_writer_begin (writer, self->sheet,
                                                     error) ||
      !write_rows (self, converter, writer, formats, cancellable, error))
    return FALSE;

  *redo = decide_formats (self, formats) && !final;
  if (*redo)
    return TRUE;

  /* The checksum reads the file once more. Beside the reading thread it
   * took the core that thread needs, and the storing thread waited on
   * the rows; while the indexes are built, that core is half idle.
   */
  *file_checksum = sales_file_checksum_start (self->path);
  deliver_progress (self, SALES_IMPORT_PROGRESS_FINISHING);
  if (!commit (self, writer, file_checksum, cancellable, error))
    return FALSE;

  deliver_progress (self, 1.0);
  keep_results (self, writer);
  return TRUE;
}

/* SQLite calls this every INTERRUPT_STEPS steps of a statement: a cancel
 * stops the one under way (the rest of a large load, an index build),
 * which fails, and the import rolls back, instead of waiting for its end.
 */
#define INTERRUPT_STEPS 10000

static int
interrupt_cb (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/**
 * sales_importer_run:
 * @self: an importer
 * @cancellable: (nullable): cancels the import, which is then rolled back
 * @error: return location for a #GError
 *
 * Imports the file as one transaction (see the file's comment), or, as a
 * dry run, computes the same counts and rejects and rolls back. Progress
 * goes to the progress function. Unless the importer is exclusive, the
 * workspace's own connection is not used, so this may run in a thread;
 * the caller emits the workspace's "changed" signal
 * (sales_importer_run_finish() does).
 *
 * Returns: %TRUE when every row was accounted for and committed; %FALSE
 *   with %SALES_ERROR_CANCELLED, a reader error or %SALES_ERROR_SQL, the
 *   workspace then being unchanged
 */
gboolean
sales_importer_run (SalesImporter  *self,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autofree SalesColumnFormat *formats = NULL;
  g_autoptr(GError) local = NULL;
  SalesFileChecksum *checksum = NULL;
  gboolean redo = FALSE;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_IMPORTER (self), FALSE);

  if (!sales_importer_prepare (self, cancellable, error))
    return FALSE;

  if (cancellable != NULL)
    sqlite3_progress_handler (self->connection.db, INTERRUPT_STEPS,
                              interrupt_cb, cancellable);

  formats = g_new0 (SalesColumnFormat, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    sales_sniffer_get_column_format (self->sniffer, i, &formats[i]);

  if (!self->dry_run)
    _sales_import_connection_leave_log (&self->connection);

  self->redone = FALSE;
  ok = run_pass (self, formats, FALSE, &checksum, &redo, cancellable,
                 &local);
  if (ok && redo)
    {
      g_debug ("%s: the whole columns overrule the sample; reading again",
               self->path);
      self->redone = TRUE;
      ok = run_pass (self, formats, TRUE, &checksum, &redo, cancellable,
                     &local);
    }

  sales_file_checksum_cancel (checksum);
  sqlite3_progress_handler (self->connection.db, 0, NULL, NULL);
  _sales_import_connection_return_to_log (&self->connection);

  /* A statement the cancel interrupted fails as SQL; say what it was. */
  if (!ok && !g_error_matches (local, SALES_ERROR, SALES_ERROR_CANCELLED) &&
      g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&local);
      check_cancelled (self, cancellable, &local);
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local));

  return ok;
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SalesImporter *self = source;
  GError *error = NULL;

  if (sales_importer_run (self, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sales_importer_run_async:
 * @self: an importer, not touched by the caller until the callback
 * @cancellable: (nullable): cancels and rolls back
 * @callback: called on the caller's thread-default context at the end
 * @user_data: for @callback
 *
 * Runs sales_importer_run() in a thread. Progress is delivered on the
 * caller's context. Not for an exclusive importer, whose connection
 * belongs to the caller's thread.
 */
void
sales_importer_run_async (SalesImporter       *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SALES_IS_IMPORTER (self));
  g_return_if_fail (!self->exclusive);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sales_importer_run_async);
  g_task_set_check_cancellable (task, FALSE);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * sales_importer_run_finish:
 * @self: an importer
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Ends sales_importer_run_async() and, after a committed import, emits
 * the workspace's "changed" signal for the table.
 *
 * Returns: as sales_importer_run()
 */
gboolean
sales_importer_run_finish (SalesImporter  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  g_clear_pointer (&self->progress_context, g_main_context_unref);
  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (ok && !self->dry_run)
    sales_workspace_emit_changed (self->workspace,
                                  sales_importer_get_table (self));

  return ok;
}

/**
 * sales_importer_get_import_id:
 * @self: an importer that ran
 *
 * Returns: the id of the `imports` row, 0 after a dry run
 */
gint64
sales_importer_get_import_id (SalesImporter *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), 0);

  return self->import_id;
}

const char *
sales_importer_get_table (SalesImporter *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), NULL);

  return self->mapping != NULL ? sales_mapping_get_table (self->mapping)
                               : self->table;
}

/**
 * sales_importer_get_counts:
 * @self: an importer that ran
 *
 * Returns: rows read, and how each ended: rows_read is always the sum of
 *   the four others
 */
const SalesImportCounts *
sales_importer_get_counts (SalesImporter *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), NULL);

  return &self->counts;
}

/**
 * sales_importer_get_rejects:
 * @self: an importer that ran
 *
 * Returns: (element-type SalesImportReject): the first
 *   %SALES_IMPORT_MAX_REPORTED_REJECTS rejected rows, in file order
 */
const GPtrArray *
sales_importer_get_rejects (SalesImporter *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), NULL);

  return self->rejects;
}

/**
 * sales_importer_get_redone:
 * @self: an importer that ran
 *
 * Returns: whether the file was read a second time because the whole
 *   columns decided a date order or decimal mark other than the sample
 */
gboolean
sales_importer_get_redone (SalesImporter *self)
{
  g_return_val_if_fail (SALES_IS_IMPORTER (self), FALSE);

  return self->redone;
}

/**
 * sales_importer_dup_date_explanation:
 * @self: an importer that ran
 * @column: a source column
 *
 * Returns: (transfer full) (nullable): the rule that decided the date
 *   order of @column over all its rows, or %NULL
 */
char *
sales_importer_dup_date_explanation (SalesImporter *self,
                                     guint          column)
{
  char *text = NULL;

  g_return_val_if_fail (SALES_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  sales_column_evidence_date_order (&self->evidence[column], NULL, &text);
  return text;
}
