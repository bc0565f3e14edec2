/* sales-workspace.c: opening, checking and closing a workspace file
 *
 * Files arrive by e-mail, so nothing is trusted: the header is read by hand
 * before SQLite sees the file, the integrity check runs on a read-only
 * connection, and only a file that passes is opened for writing. A refused
 * file is never written to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-workspace"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sales-error.h"
#include "sales-limits.h"
#include "sales-migrations.h"
#include "sales-workspace-private.h"

struct _SalesWorkspace
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  gint64   data_version;
};

G_DEFINE_FINAL_TYPE (SalesWorkspace, sales_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean refresh_data_version (SalesWorkspace *self);

/* The first 100 bytes of a SQLite file, as the file format documents them. */
#define HEADER_SIZE 100
static const char sqlite_magic[16] = "SQLite format 3";

static void
sales_workspace_finalize (GObject *object)
{
  SalesWorkspace *self = (SalesWorkspace *)object;

  sales_workspace_close (self);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sales_workspace_parent_class)->finalize (object);
}

static void
sales_workspace_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalesWorkspace *self = SALES_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_workspace_class_init (SalesWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_workspace_finalize;
  object_class->get_property = sales_workspace_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesWorkspace::changed:
   * @table: (nullable): the table that changed, or %NULL for several
   *
   * Emitted on the main context's thread after a write has committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sales_workspace_init (SalesWorkspace *self)
{
}

/**
 * sales_sqlite_set_error:
 * @error: return location for a #GError
 * @db: the connection that failed
 * @path: (nullable): the file, for the message
 * @rc: the SQLite result code
 *
 * Sets @error from a failed SQLite call, mapping corruption and
 * not-a-database results to their own codes.
 *
 * Returns: %FALSE, so callers can `return sales_sqlite_set_error (...)`
 */
gboolean
sales_sqlite_set_error (GError     **error,
                        sqlite3     *db,
                        const char  *path,
                        int          rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code = SALES_ERROR_SQL;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      code = SALES_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      code = SALES_ERROR_NOT_WORKSPACE;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_FULL:
      code = SALES_ERROR_IO;
      break;
    default:
      break;
    }

  if (path != NULL)
    g_set_error (error, SALES_ERROR, code, "%s: %s", path, detail);
  else
    g_set_error_literal (error, SALES_ERROR, code, detail);

  return FALSE;
}

/**
 * sales_sqlite_configure:
 * @db: a fresh connection
 * @path: the file, for messages
 * @error: return location for a #GError
 *
 * Applies the defensive settings every connection to a workspace uses:
 * no writes to the schema by SQL, no extension loading, no functions from
 * the schema with side effects, and a busy timeout instead of SQLITE_BUSY.
 *
 * Returns: %TRUE on success
 */
gboolean
sales_sqlite_configure (sqlite3     *db,
                        const char  *path,
                        GError     **error)
{
  int rc;

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_busy_timeout (db, SALES_BUSY_TIMEOUT_MS);

  rc = sqlite3_exec (db, "PRAGMA trusted_schema = OFF;"
                         "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, path, rc);

  return TRUE;
}

/**
 * sales_sqlite_query_int:
 * @db: a connection
 * @sql: a statement whose first column of its first row is a number
 * @otherwise: what to return when it fails or gives no row
 *
 * For counts and pragmas, where a failure has a sensible default.
 *
 * Returns: the number, or @otherwise
 */
gint64
sales_sqlite_query_int (sqlite3    *db,
                        const char *sql,
                        gint64      otherwise)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = otherwise;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) |
         ((guint32)p[2] << 8) | (guint32)p[3];
}

/* Reads the header with plain stdio, so that a foreign file is refused
 * before SQLite could touch it (a hot journal would be rolled back, a WAL
 * database would grow -wal and -shm files).
 *
 * A workspace is kept in WAL mode, except while a large import from the
 * command line runs with a rollback journal (see sales-import-connection.c)
 * or when such an import was killed: @journaled is then set. Such a file
 * may be in the middle of a transaction, its header ahead of its pages,
 * so its layout is left to quick_check once SQLite's locks and journal
 * have made it whole.
 */
static gboolean
check_header (const char  *path,
              gboolean    *journaled,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guchar header[HEADER_SIZE];
  gsize n_read = 0;
  guint32 page_size, page_count, change_counter, valid_for;
  guint32 application_id, user_version;
  goffset size;

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    {
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return FALSE;
    }

  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         NULL, error);
  if (info == NULL)
    return FALSE;
  size = g_file_info_get_size (info);

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header,
                                &n_read, NULL, error))
    return FALSE;

  if (n_read < 16 || memcmp (header, sqlite_magic, 16) != 0)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a SalesOps workspace: it is not a "
                     "database file"), path);
      return FALSE;
    }

  if (n_read < HEADER_SIZE)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is truncated"), path);
      return FALSE;
    }

  application_id = read_be32 (header + 68);
  user_version = read_be32 (header + 60);

  if (application_id != SALES_APPLICATION_ID)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a SalesOps workspace: it is a database "
                     "of another application"), path);
      return FALSE;
    }

  if (user_version > SALES_SCHEMA_VERSION)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of SalesOps "
                     "(workspace format %u, this version reads up to %d); "
                     "update SalesOps to open it"),
                   path, user_version, SALES_SCHEMA_VERSION);
      return FALSE;
    }

  /* Bytes 18 and 19 are 2 in WAL mode, 1 with a rollback journal. */
  *journaled = header[18] == 1;
  if (*journaled)
    return TRUE;

  /* A page size of 1 stands for 65536 in the file format. */
  page_size = ((guint32)header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  change_counter = read_be32 (header + 24);
  valid_for = read_be32 (header + 92);

  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      size % page_size != 0 ||
      (valid_for == change_counter &&
       (guint64)size < (guint64)page_size * page_count))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is truncated or its header "
                     "is invalid"), path);
      return FALSE;
    }

  return TRUE;
}

/* @name is what SQLite opens (a path or a URI), @path what messages say. */
static sqlite3 *
open_connection (const char  *name,
                 const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (name, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      sales_sqlite_set_error (error, db, path, rc);
      sqlite3_close (db);
      return NULL;
    }

  if (!sales_sqlite_configure (db, path, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* A WAL workspace is checked on an immutable read-only connection: it
 * takes no locks, creates no -wal or -shm file and never checkpoints, so
 * a refused file is left exactly as it was, with nothing beside it.
 *
 * A @journaled one, on an ordinary connection: its locks make the check
 * wait for an import under way to end (up to the busy timeout) instead of
 * reading pages half written, and its first read rolls back what a killed
 * import left, from the journal beside the file. That is the one change
 * made to a file before it is checked, and it only puts back what the
 * file held before the import.
 */
static sqlite3 *
open_for_check (const char  *path,
                gboolean     journaled,
                GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;

  if (journaled)
    return open_connection (path, path, SQLITE_OPEN_READWRITE, error);

  /* A URI needs an absolute path; the message keeps the user's own. */
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return NULL;
  immutable = g_strconcat (uri, "?immutable=1", NULL);

  return open_connection (immutable, path,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

/* Runs quick_check on the connection open_for_check() chooses. */
static gboolean
check_integrity (const char  *path,
                 gboolean     journaled,
                 GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc;

  if ((db = open_for_check (path, journaled, error)) == NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    first = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if ((rc & 0xff) == SQLITE_BUSY)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_IO,
                   _("“%s” is being written by another program, such as an "
                     "import from the command line; try again when it has "
                     "finished"), path);
      sqlite3_close (db);
      return FALSE;
    }

  if (rc != SQLITE_ROW || g_strcmp0 (first, "ok") != 0)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), path,
                   first != NULL ? first : sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);
  return TRUE;
}

static SalesWorkspace *
workspace_new (const char *path,
               sqlite3    *db)
{
  SalesWorkspace *self = g_object_new (SALES_TYPE_WORKSPACE, NULL);

  self->path = g_strdup (path);
  self->db = db;
  refresh_data_version (self);

  return self;
}

/**
 * sales_workspace_open:
 * @path: a .salesops file
 * @error: return location for a #GError
 *
 * Opens an existing workspace after checking that it is one: a file that
 * is not a SQLite database, a database of another application, a damaged
 * or truncated file, or a workspace written by a newer version is refused
 * with an error in %SALES_ERROR that names the file, and is not modified.
 * An older workspace is upgraded, after a backup copy "PATH.vN.bak".
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL on error
 */
SalesWorkspace *
sales_workspace_open (const char  *path,
                      GError     **error)
{
  const SalesMigration *steps;
  gboolean journaled = FALSE;
  guint n_steps;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_header (path, &journaled, error) ||
      !check_integrity (path, journaled, error))
    return NULL;

  db = open_connection (path, path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  steps = sales_migrations_get_default (&n_steps);
  if (!sales_migrations_run (db, path, steps, n_steps, error) ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) !=
      SQLITE_OK)
    {
      if (error != NULL && *error == NULL)
        sales_sqlite_set_error (error, db, path, sqlite3_errcode (db));
      sqlite3_close (db);
      return NULL;
    }

  g_debug ("opened %s", path);
  return workspace_new (path, db);
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  SalesWorkspace *workspace = sales_workspace_open (task_data, &error);

  if (workspace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workspace, g_object_unref);
}

/**
 * sales_workspace_open_async:
 * @path: a .salesops file
 * @cancellable: (nullable): drops the result when cancelled; the checks
 *   run to their end, and a workspace opened meanwhile is closed
 * @callback: called in the thread-default main context when done
 * @user_data: for @callback
 *
 * Does what sales_workspace_open() does in a worker thread: checking a
 * large file's integrity, or upgrading it after a backup copy, takes
 * seconds.
 */
void
sales_workspace_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sales_workspace_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * sales_workspace_open_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL with the
 *   error of sales_workspace_open() or %G_IO_ERROR_CANCELLED
 */
SalesWorkspace *
sales_workspace_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sales_workspace_create:
 * @path: where to create the file; it must not exist yet
 * @error: return location for a #GError
 *
 * Creates an empty workspace with the current schema. An existing file is
 * never overwritten (%G_IO_ERROR_EXISTS).
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL on error
 */
SalesWorkspace *
sales_workspace_create (const char  *path,
                        GError     **error)
{
  const SalesMigration *steps;
  g_autofree char *set_id = NULL;
  guint n_steps;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), path);
      return NULL;
    }

  db = open_connection (path, path,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return NULL;

  set_id = g_strdup_printf ("PRAGMA page_size = %d;"
                            "PRAGMA application_id = %d;"
                            "PRAGMA journal_mode = WAL;",
                            SALES_WORKSPACE_PAGE_SIZE, SALES_APPLICATION_ID);
  steps = sales_migrations_get_default (&n_steps);

  if (sqlite3_exec (db, set_id, NULL, NULL, NULL) != SQLITE_OK)
    {
      sales_sqlite_set_error (error, db, path, sqlite3_errcode (db));
      goto failed;
    }

  if (!sales_migrations_run (db, path, steps, n_steps, error))
    goto failed;

  g_debug ("created %s", path);
  return workspace_new (path, db);

failed:
  sqlite3_close (db);
  g_unlink (path);
  return NULL;
}

/**
 * sales_workspace_close:
 * @self: a workspace
 *
 * Closes the connection. Every edit was committed when it was made, so
 * nothing is lost. Safe to call twice; finalize calls it too.
 */
void
sales_workspace_close (SalesWorkspace *self)
{
  g_return_if_fail (SALES_IS_WORKSPACE (self));

  if (self->db == NULL)
    return;

  /* sqlite3_close_v2 defers the close while statements are alive. */
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  g_debug ("closed %s", self->path);
}

gboolean
sales_workspace_is_open (SalesWorkspace *self)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);

  return self->db != NULL;
}

const char *
sales_workspace_get_path (SalesWorkspace *self)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), NULL);

  return self->path;
}

/**
 * sales_workspace_dup_title:
 * @self: a workspace
 *
 * Returns: (transfer full): the file name without its extension, for
 *   window titles
 */
char *
sales_workspace_dup_title (SalesWorkspace *self)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), NULL);

  base = g_path_get_basename (self->path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/**
 * sales_workspace_get_db:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the connection of the thread that
 *   opened the workspace, %NULL after close
 */
sqlite3 *
sales_workspace_get_db (SalesWorkspace *self)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), NULL);

  return self->db;
}

/**
 * sales_workspace_open_connection:
 * @self: a workspace
 * @read_only: whether the connection only reads
 * @error: return location for a #GError
 *
 * Opens another connection to the same file, configured like the first,
 * for a worker thread (a KPI refresh, an import). In WAL mode readers see
 * a consistent snapshot while the window keeps writing.
 *
 * Returns: (transfer full) (nullable): a connection to close with
 *   sqlite3_close(), or %NULL on error
 */
sqlite3 *
sales_workspace_open_connection (SalesWorkspace  *self,
                                 gboolean         read_only,
                                 GError         **error)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), NULL);

  return open_connection (self->path, self->path,
                          read_only ? SQLITE_OPEN_READONLY
                                    : SQLITE_OPEN_READWRITE,
                          error);
}

gboolean
sales_workspace_exec (SalesWorkspace  *self,
                      const char      *sql,
                      GError         **error)
{
  int rc;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, self->db, self->path, rc);

  return TRUE;
}

/* BEGIN IMMEDIATE takes the write lock at once, so a second writer waits
 * on the busy timeout here rather than failing halfway through.
 */
gboolean
sales_workspace_begin (SalesWorkspace  *self,
                       GError         **error)
{
  return sales_workspace_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
sales_workspace_commit (SalesWorkspace  *self,
                        GError         **error)
{
  return sales_workspace_exec (self, "COMMIT", error);
}

void
sales_workspace_rollback (SalesWorkspace *self)
{
  g_return_if_fail (SALES_IS_WORKSPACE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * sales_workspace_emit_changed:
 * @self: a workspace
 * @table: (nullable): the table written, or %NULL for several
 *
 * Tells views and the dashboard that committed data changed. Writers on
 * other connections (an import thread) call this from the main thread once
 * they have committed.
 */
void
sales_workspace_emit_changed (SalesWorkspace *self,
                              const char     *table)
{
  g_return_if_fail (SALES_IS_WORKSPACE (self));

  refresh_data_version (self);
  g_signal_emit (self, signals[CHANGED], 0, table);
}

static gboolean
refresh_data_version (SalesWorkspace *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0;
  gboolean changed;

  if (self->db == NULL)
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  changed = self->data_version != 0 && version != self->data_version;
  self->data_version = version;

  return changed;
}

/**
 * sales_workspace_check_external_change:
 * @self: a workspace
 *
 * Asks SQLite whether another connection (another window, another process)
 * has committed since the last call; emits #SalesWorkspace::changed if so.
 *
 * Returns: %TRUE when something changed
 */
gboolean
sales_workspace_check_external_change (SalesWorkspace *self)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);

  if (!refresh_data_version (self))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  return TRUE;
}
