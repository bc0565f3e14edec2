/* sales-row-model.c: the rows of a record table as a lazy list model
 *
 * The model never holds every row. It knows the row count (SELECT
 * count(*)) and fetches fixed-size pages on demand, keeping a few in a
 * least-recently-used cache; items are made only for fetched pages.
 *
 * Two ways to find a page:
 *
 * - In id order without a filter (how a table opens), pages are keyset
 *   queries on the rowid ("id > last id of the previous page"). The start
 *   of a page nobody fetched yet is found with one OFFSET query on the
 *   rowid counted from the nearer end, which SQLite answers in tens of
 *   milliseconds even half way into a million rows; after that, scrolling
 *   continues by keyset.
 * - Sorted by a column, searched, or filtered, the matching ids are first
 *   listed in order (sales-row-order.c: one SELECT ... ORDER BY, kept as
 *   an array of 8 bytes a row); a page is then a slice of that array read
 *   back by id. This costs one sort per change of order or filter (about
 *   0.2 s for an indexed column over a million rows, 1.3 s for an
 *   unindexed one, 3 s for a search) instead of a sort per page that
 *   keyset queries on an unindexed column would cost, and it handles
 *   empty values, which row-value keyset comparisons do not.
 *
 * With sales_row_model_set_background(), that listing runs in a worker
 * thread: the model keeps its old order (and the view its rows) until the
 * new one arrives, and a newer request cancels an older one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-row-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-error.h"
#include "sales-row-model.h"
#include "sales-row-order.h"
#include "sales-schema.h"
#include "sales-workspace-private.h"

/* Rows per page: a screenful or two, so a view shows rows from at most a
 * few pages at a time.
 */
#define PAGE_SIZE 128

/* Pages kept: enough for what a view shows plus the way back. */
#define CACHED_PAGES 8

typedef struct
{
  guint      index;
  GPtrArray *items;
} Page;

struct _SalesRowModel
{
  GObject               parent_instance;

  SalesWorkspace       *workspace;
  const SalesTableInfo *info;
  gulong                changed_id;

  char                 *order_column;
  gboolean              descending;
  char                 *search;
  char                 *filter;

  /* Set when rows come from a list of ordered ids. */
  GArray               *order_ids;
  gboolean              background;
  GCancellable         *job;
  guint                 n_items;
  GQueue                pages;
  /* Page index -> the id just before that page, in id order. */
  GHashTable           *starts;
  /* When the ids run without gaps from first_id (no row deleted, as
   * after an import), a page's start is computed, not looked up.
   */
  gboolean              dense;
  gint64                first_id;

  guint64               rows_fetched;
  guint                 pages_fetched;
};

enum { PROP_0, PROP_BUSY, N_PROPS };
enum { FAILED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SalesRowModel, sales_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
drop_pages (SalesRowModel *self)
{
  Page *page;

  while ((page = g_queue_pop_head (&self->pages)) != NULL)
    page_free (page);
  g_hash_table_remove_all (self->starts);
}

static sqlite3 *
get_db (SalesRowModel *self)
{
  if (!sales_workspace_is_open (self->workspace))
    return NULL;

  return sales_workspace_get_db (self->workspace);
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return sales_sqlite_set_error (error, db, NULL, rc);

  return TRUE;
}

/* "SELECT id, field..., extra" with @prefix before every column. */
static void
append_columns (SalesRowModel *self,
                GString       *sql,
                const char    *prefix)
{
  for (guint i = 0; i < self->info->n_fields; i++)
    g_string_append_printf (sql, ", %s%s", prefix, self->info->fields[i].name);
  g_string_append_printf (sql, ", %sextra", prefix);
}

static void
drop_order_table (SalesRowModel *self)
{
  g_clear_pointer (&self->order_ids, g_array_unref);
}

static void
cancel_job (SalesRowModel *self)
{
  if (self->job == NULL)
    return;

  g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
sales_row_model_dispose (GObject *object)
{
  SalesRowModel *self = SALES_ROW_MODEL (object);

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->workspace);
      drop_order_table (self);
    }
  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  drop_pages (self);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sales_row_model_parent_class)->dispose (object);
}

static void
sales_row_model_finalize (GObject *object)
{
  SalesRowModel *self = SALES_ROW_MODEL (object);

  g_hash_table_unref (self->starts);
  g_free (self->order_column);
  g_free (self->search);
  g_free (self->filter);

  G_OBJECT_CLASS (sales_row_model_parent_class)->finalize (object);
}

static void
sales_row_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalesRowModel *self = SALES_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->job != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_row_model_class_init (SalesRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sales_row_model_dispose;
  object_class->finalize = sales_row_model_finalize;
  object_class->get_property = sales_row_model_get_property;

  /**
   * SalesRowModel:busy:
   *
   * Whether a new order or search is being worked out in the background;
   * the model shows the old rows meanwhile.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesRowModel::failed:
   * @error: what went wrong
   *
   * A background reload failed; the model is empty.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sales_row_model_init (SalesRowModel *self)
{
  g_queue_init (&self->pages);
  self->starts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static SalesRowItem *
item_from_row (SalesRowModel *self,
               sqlite3_stmt  *stmt)
{
  guint n_values = self->info->n_fields + 1;
  SalesRowItem *item;

  item = sales_row_item_new (sqlite3_column_int64 (stmt, 0), n_values);
  for (guint i = 0; i < n_values; i++)
    sales_row_item_set_value (item, i, _sales_column_variant (stmt, i + 1));

  return item;
}

static gboolean
read_rows (SalesRowModel *self,
           sqlite3_stmt  *stmt,
           GPtrArray     *items,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (self, stmt));

  self->rows_fetched += items->len;
  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, sqlite3_db_handle (stmt), NULL, rc);

  return TRUE;
}

static gint64
lookup_start (SalesRowModel *self,
              guint          page,
              gboolean      *found)
{
  gint64 *start = g_hash_table_lookup (self->starts, GUINT_TO_POINTER (page));
  gint64 skip = (gint64)page * PAGE_SIZE;

  if (self->dense && start == NULL)
    {
      *found = TRUE;
      return self->descending ? self->first_id + self->n_items - skip
                              : self->first_id + skip - 1;
    }

  *found = start != NULL || page == 0;
  if (start != NULL)
    return *start;

  return self->descending ? G_MAXINT64 : G_MININT64;
}

static void
remember_start (SalesRowModel *self,
                guint          page,
                gint64         before_id)
{
  g_hash_table_insert (self->starts, GUINT_TO_POINTER (page),
                       g_memdup2 (&before_id, sizeof before_id));
}

/* Finds the id just before @page with one OFFSET query from the nearer
 * end of the table; the rowid b-tree makes skipping cheap.
 */
static gboolean
locate_page (SalesRowModel *self,
             guint          page,
             gint64        *before_id,
             GError       **error)
{
  sqlite3 *db = get_db (self);
  guint position = page * PAGE_SIZE;
  gboolean from_end = position > self->n_items / 2;
  gboolean ascending = self->descending == from_end;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id %s LIMIT 1 OFFSET ?",
                         self->info->name, ascending ? "ASC" : "DESC");
  if (!prepare (db, sql, &stmt, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_end ? self->n_items - 1 - position
                                        : position);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 first = sqlite3_column_int64 (stmt, 0);

      *before_id = self->descending ? first + 1 : first - 1;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, NULL, rc);

  g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
               _("The %s table changed while it was read"), self->info->name);
  return FALSE;
}

static gboolean
fetch_keyset_page (SalesRowModel *self,
                   guint          page,
                   GPtrArray     *items,
                   GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  sqlite3 *db = get_db (self);
  sqlite3_stmt *stmt = NULL;
  gboolean found;
  gint64 before_id = lookup_start (self, page, &found);
  gboolean ok;

  if (!found && !locate_page (self, page, &before_id, error))
    return FALSE;

  append_columns (self, sql, "");
  g_string_append_printf (sql, " FROM %s WHERE id %s ? ORDER BY id %s LIMIT %d",
                          self->info->name, self->descending ? "<" : ">",
                          self->descending ? "DESC" : "ASC", PAGE_SIZE);
  if (!prepare (db, sql->str, &stmt, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, before_id);
  ok = read_rows (self, stmt, items, error);
  sqlite3_finalize (stmt);

  /* The next page starts after this one's last row. */
  if (ok && items->len > 0)
    remember_start (self, page + 1,
                    sales_row_item_get_id (g_ptr_array_index (items,
                                                              items->len - 1)));
  return ok;
}

/* Reads the rows of one slice of the ordered ids, by id, and puts them
 * in the slice's order; a row gone meanwhile leaves an empty item, which
 * keeps positions stable until the next reload.
 */
static gboolean
fetch_ordered_page (SalesRowModel *self,
                    guint          page,
                    GPtrArray     *items,
                    GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = get_db (self);
  sqlite3_stmt *stmt = NULL;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->order_ids->len - MIN (first,
                                                         self->order_ids->len));
  gboolean ok;

  if (n == 0)
    return TRUE;

  append_columns (self, sql, "");
  g_string_append_printf (sql, " FROM %s WHERE id IN (?", self->info->name);
  for (guint i = 1; i < n; i++)
    g_string_append (sql, ",?");
  g_string_append (sql, ")");
  if (!prepare (db, sql->str, &stmt, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, (int)i + 1,
                        g_array_index (self->order_ids, gint64, first + i));
  ok = read_rows (self, stmt, found, error);
  sqlite3_finalize (stmt);

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = sales_row_item_get_id (found->pdata[i]);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), found->pdata[i]);
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (self->order_ids, gint64, first + i);
      SalesRowItem *item = g_hash_table_lookup (by_id, &id);

      g_ptr_array_add (items, item != NULL
                                ? g_object_ref (item)
                                : sales_row_item_new (0, self->info->n_fields + 1));
    }

  return ok;
}

static Page *
fetch_page (SalesRowModel *self,
            guint          index)
{
  g_autoptr(GError) error = NULL;
  Page *page = g_new0 (Page, 1);
  gboolean ok;

  page->index = index;
  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->pages_fetched++;

  if (get_db (self) == NULL)
    ok = TRUE;
  else if (self->order_ids != NULL)
    ok = fetch_ordered_page (self, index, page->items, &error);
  else
    ok = fetch_keyset_page (self, index, page->items, &error);

  if (!ok)
    g_warning ("Could not read rows of %s: %s", self->info->name,
               error->message);
  return page;
}

static Page *
get_page (SalesRowModel *self,
          guint          index)
{
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index != index)
        continue;

      g_queue_unlink (&self->pages, l);
      g_queue_push_head_link (&self->pages, l);
      return page;
    }

  page = fetch_page (self, index);
  g_queue_push_head (&self->pages, page);
  if (g_queue_get_length (&self->pages) > CACHED_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

static GType
sales_row_model_get_item_type (GListModel *model)
{
  return SALES_TYPE_ROW_ITEM;
}

static guint
sales_row_model_get_n_items (GListModel *model)
{
  return SALES_ROW_MODEL (model)->n_items;
}

/* A row missing from its page (the table changed under a stale count)
 * still gets an empty item, so a view never receives NULL inside range.
 */
static gpointer
sales_row_model_get_item (GListModel *model,
                          guint       position)
{
  SalesRowModel *self = SALES_ROW_MODEL (model);
  Page *page;
  guint offset = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  if (offset >= page->items->len)
    return sales_row_item_new (0, self->info->n_fields + 1);

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sales_row_model_get_item_type;
  iface->get_n_items = sales_row_model_get_n_items;
  iface->get_item = sales_row_model_get_item;
}

static void
workspace_changed_cb (SalesRowModel  *self,
                      const char     *table,
                      SalesWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;

  if (table != NULL && !g_str_equal (table, self->info->name))
    return;

  if (!sales_row_model_reload (self, &error))
    g_warning ("Could not reload %s: %s", self->info->name, error->message);
}

/**
 * sales_row_model_new:
 * @workspace: an open workspace
 * @table: a record table
 *
 * Creates a model of every row of @table in id order. It follows the
 * workspace's #SalesWorkspace::changed signal by itself.
 *
 * Returns: (transfer full): a new model; %NULL when @table is not a table
 */
SalesRowModel *
sales_row_model_new (SalesWorkspace *workspace,
                     const char     *table)
{
  g_autoptr(GError) error = NULL;
  SalesRowModel *self;

  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (sales_schema_is_table (table), NULL);

  self = g_object_new (SALES_TYPE_ROW_MODEL, NULL);
  self->workspace = g_object_ref (workspace);
  self->info = sales_schema_lookup_table (table);
  self->changed_id = g_signal_connect_object (workspace, "changed",
                                              G_CALLBACK (workspace_changed_cb),
                                              self, G_CONNECT_SWAPPED);

  if (!sales_row_model_reload (self, &error))
    g_warning ("Could not count rows of %s: %s", table, error->message);

  return self;
}

const char *
sales_row_model_get_table (SalesRowModel *self)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), NULL);

  return self->info->name;
}

SalesWorkspace *
sales_row_model_get_workspace (SalesRowModel *self)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), NULL);

  return self->workspace;
}

static void
append_search (SalesRowModel *self,
               GString       *condition)
{
  g_autoptr(GString) pattern = g_string_new ("%");
  char *quoted;
  gboolean first = TRUE;

  /* LIKE wildcards typed by the user are matched literally. */
  for (const char *p = self->search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  quoted = sqlite3_mprintf ("%Q", pattern->str);

  g_string_append (condition, "(");
  for (guint i = 0; i < self->info->n_fields; i++)
    {
      const SalesField *field = &self->info->fields[i];

      if (field->type == SALES_FIELD_MONEY || field->type == SALES_FIELD_NUMBER)
        continue;
      g_string_append_printf (condition, "%s%s LIKE %s ESCAPE '\\'",
                              first ? "" : " OR ", field->name, quoted);
      first = FALSE;
    }
  g_string_append (condition, ")");
  sqlite3_free (quoted);
}

/**
 * sales_row_model_dup_condition:
 * @self: a model
 *
 * The SQL condition selecting the rows the model shows: the drill-down
 * filter and the search, with the search text quoted as a literal. It
 * can be passed to sales_table_export_to_file().
 *
 * Returns: (transfer full) (nullable): the condition, %NULL for all rows
 */
char *
sales_row_model_dup_condition (SalesRowModel *self)
{
  g_autoptr(GString) condition = g_string_new (NULL);

  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), NULL);

  if (self->filter != NULL)
    g_string_append_printf (condition, "(%s)", self->filter);
  if (self->filter != NULL && self->search != NULL)
    g_string_append (condition, " AND ");
  if (self->search != NULL)
    append_search (self, condition);

  if (condition->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&condition), FALSE);
}

static char *
order_sql (SalesRowModel *self)
{
  g_autofree char *condition = sales_row_model_dup_condition (self);

  return _sales_row_order_sql (self->info, condition, self->order_column,
                               self->descending);
}

static gboolean
build_order_table (SalesRowModel  *self,
                   GError        **error)
{
  g_autofree char *sql = order_sql (self);
  g_autoptr(GError) local_error = NULL;

  self->order_ids = _sales_row_order_collect (get_db (self), sql, NULL,
                                              &local_error);
  if (self->order_ids == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
                   _("Could not list the rows of %s: %s"), self->info->name,
                   local_error->message);
      return FALSE;
    }

  self->n_items = self->order_ids->len;
  return TRUE;
}

/* One query gives the count and whether the ids are dense: the rowid
 * b-tree answers min() and max() from its ends, in subqueries (next to
 * count(*) SQLite would scan for them).
 */
static gboolean
count_rows (SalesRowModel  *self,
            GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*),"
                                          " (SELECT min(id) FROM %s),"
                                          " (SELECT max(id) FROM %s) FROM %s",
                                          self->info->name, self->info->name,
                                          self->info->name);
  sqlite3 *db = get_db (self);
  sqlite3_stmt *stmt = NULL;
  gint64 count;
  int rc;

  if (!prepare (db, sql, &stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return sales_sqlite_set_error (error, db, NULL, rc);
    }

  count = sqlite3_column_int64 (stmt, 0);
  self->first_id = sqlite3_column_int64 (stmt, 1);
  self->dense = count > 0 && count <= G_MAXUINT &&
                sqlite3_column_int64 (stmt, 2) - self->first_id + 1 == count;
  sqlite3_finalize (stmt);

  self->n_items = (guint)MIN (count, (gint64)G_MAXUINT);
  return TRUE;
}

static void
announce_range (SalesRowModel *self,
                guint          first,
                guint          n)
{
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
}

/* Reads a page the view may be showing again. Rows still at the same
 * place keep their item, updated in place, so the view keeps its widgets
 * and scroll position; only the places that now hold another row are
 * announced as changed.
 */
static void
refresh_page (SalesRowModel *self,
              Page          *old)
{
  Page *page = get_page (self, old->index);
  guint first = old->index * PAGE_SIZE;
  guint run = 0;

  for (guint i = 0; i < page->items->len; i++)
    {
      SalesRowItem *item = i < old->items->len ? old->items->pdata[i] : NULL;

      if (item != NULL && sales_row_item_update (item, page->items->pdata[i]))
        {
          g_object_unref (page->items->pdata[i]);
          page->items->pdata[i] = g_object_ref (item);
          announce_range (self, first + i - run, run);
          run = 0;
        }
      else
        run++;
    }
  announce_range (self, first + page->items->len - run, run);
}

/* Points the items of a page the view may be showing at the rows now at
 * their positions, in place: the view keeps its row widgets (making them
 * anew for a screenful of rows costs a visible pause) and only the cells
 * whose values differ are drawn again.
 */
static void
retarget_page (SalesRowModel *self,
               Page          *old)
{
  Page *page;

  if ((guint64)old->index * PAGE_SIZE >= self->n_items)
    return;

  page = get_page (self, old->index);
  for (guint i = 0; i < MIN (page->items->len, old->items->len); i++)
    {
      SalesRowItem *item = old->items->pdata[i];

      sales_row_item_retarget (item, page->items->pdata[i]);
      g_object_unref (page->items->pdata[i]);
      page->items->pdata[i] = g_object_ref (item);
    }
}

/* Tells the view what changed. With the same count, the places of the
 * pages it can be showing (the cached ones) that hold another row. With
 * another count, the items it shows take the rows now at their places
 * and only the difference at the end is announced: announcing the whole
 * range would make GTK 4.8 ask for every new item to look for its old
 * widgets, reading the whole table (4 s for a million rows).
 */
static void
announce (SalesRowModel *self,
          guint          old_n_items,
          GQueue        *old_pages)
{
  if (old_n_items == self->n_items)
    {
      for (GList *l = old_pages->tail; l != NULL; l = l->prev)
        refresh_page (self, l->data);
      return;
    }

  for (GList *l = old_pages->tail; l != NULL; l = l->prev)
    retarget_page (self, l->data);
  if (old_n_items > self->n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items,
                                old_n_items - self->n_items, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0,
                                self->n_items - old_n_items);
}

static gboolean
needs_order (SalesRowModel *self)
{
  return self->order_column != NULL || self->search != NULL ||
         self->filter != NULL;
}

/* Puts a new order in place: the items the view shows take the rows now
 * at their places, in place, whether or not the count changed.
 */
static void
take_order (SalesRowModel *self,
            GArray        *ids)
{
  GQueue old_pages = self->pages;
  guint old_n_items = self->n_items;

  g_queue_init (&self->pages);
  g_hash_table_remove_all (self->starts);
  drop_order_table (self);
  self->order_ids = ids;
  self->n_items = ids != NULL ? ids->len : 0;

  /* Rows still at the same place keep their items as they are. */
  for (GList *l = old_pages.tail; l != NULL; l = l->prev)
    retarget_page (self, l->data);
  if (old_n_items != self->n_items)
    announce (self, old_n_items, &(GQueue) G_QUEUE_INIT);
  g_queue_clear_full (&old_pages, (GDestroyNotify)page_free);
}

static void
weak_ref_free (GWeakRef *weak)
{
  g_weak_ref_clear (weak);
  g_free (weak);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, weak_ref_free)

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GWeakRef) weak = data;
  g_autoptr(SalesRowModel) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  GArray *ids = _sales_row_order_collect_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self == NULL || self->job != g_task_get_cancellable (G_TASK (result)))
    {
      g_clear_pointer (&ids, g_array_unref);
      return;
    }

  g_clear_object (&self->job);
  if (ids == NULL)
    {
      g_warning ("Could not list the rows of %s: %s", self->info->name,
                 error->message);
      g_signal_emit (self, signals[FAILED], 0, error);
    }
  take_order (self, ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Lists the ids in a worker; meanwhile the cached pages are read again
 * in the old order, so an edit shows at once.
 */
static void
start_job (SalesRowModel *self)
{
  g_autofree char *sql = order_sql (self);
  GWeakRef *weak = g_new0 (GWeakRef, 1);
  GQueue old_pages = self->pages;

  g_weak_ref_init (weak, self);
  self->job = g_cancellable_new ();
  _sales_row_order_collect_async (self->workspace, sql, self->job,
                                  job_done_cb, weak);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  g_queue_init (&self->pages);
  announce (self, self->n_items, &old_pages);
  g_queue_clear_full (&old_pages, (GDestroyNotify)page_free);
}

/**
 * sales_row_model_reload:
 * @self: a model
 * @error: return location for a #GError
 *
 * Counts and orders the rows again and drops every cached page. Called
 * by itself when the workspace says the table changed.
 *
 * Returns: %TRUE on success; on error the model is empty
 */
gboolean
sales_row_model_reload (SalesRowModel  *self,
                        GError        **error)
{
  GQueue old_pages = G_QUEUE_INIT;
  guint old_n_items;
  gboolean ok = TRUE;

  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), FALSE);

  cancel_job (self);
  if (self->background && get_db (self) != NULL && needs_order (self))
    {
      start_job (self);
      return TRUE;
    }

  old_n_items = self->n_items;
  old_pages = self->pages;
  g_queue_init (&self->pages);
  drop_pages (self);
  drop_order_table (self);
  self->n_items = 0;
  self->dense = FALSE;

  if (get_db (self) == NULL)
    ok = TRUE;
  else if (needs_order (self))
    ok = build_order_table (self, error);
  else
    ok = count_rows (self, error);

  if (!ok)
    self->n_items = 0;
  announce (self, old_n_items, &old_pages);
  g_queue_clear_full (&old_pages, (GDestroyNotify)page_free);
  return ok;
}

/**
 * sales_row_model_set_order:
 * @self: a model
 * @column: (nullable): a field of the table, %NULL for id order
 * @descending: whether the order is reversed
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the rows were ordered; %FALSE with
 *   %SALES_ERROR_NOT_FOUND for an unknown column, or a SQLite error
 */
gboolean
sales_row_model_set_order (SalesRowModel  *self,
                           const char     *column,
                           gboolean        descending,
                           GError        **error)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), FALSE);

  if (column != NULL && sales_table_info_lookup (self->info, column) == NULL)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                   _("The %s table has no field “%s”"), self->info->name,
                   column);
      return FALSE;
    }

  g_free (self->order_column);
  self->order_column = g_strdup (column);
  self->descending = descending;
  return sales_row_model_reload (self, error);
}

/**
 * sales_row_model_set_search:
 * @self: a model
 * @text: (nullable): text to find in any text column; %NULL or "" for all
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sales_row_model_set_search (SalesRowModel  *self,
                            const char     *text,
                            GError        **error)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), FALSE);

  g_free (self->search);
  self->search = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  return sales_row_model_reload (self, error);
}

/**
 * sales_row_model_set_filter:
 * @self: a model
 * @where: (nullable): an SQL condition from the program (a drill-down),
 *   never text a user typed; %NULL for all rows
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on a condition SQLite refuses, %FALSE and
 *   the model is empty
 */
gboolean
sales_row_model_set_filter (SalesRowModel  *self,
                            const char     *where,
                            GError        **error)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), FALSE);

  g_free (self->filter);
  self->filter = where != NULL && *where != '\0' ? g_strdup (where) : NULL;
  return sales_row_model_reload (self, error);
}

/**
 * sales_row_model_refresh_item:
 * @self: a model
 * @position: a row position
 *
 * Reads the row at @position again (after an edit of one of its cells)
 * and tells the view, without reordering anything.
 */
void
sales_row_model_refresh_item (SalesRowModel *self,
                              guint          position)
{
  g_return_if_fail (SALES_IS_ROW_MODEL (self));
  g_return_if_fail (position < self->n_items);

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page->index == position / PAGE_SIZE)
        {
          g_queue_delete_link (&self->pages, l);
          page_free (page);
          break;
        }
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/**
 * sales_row_model_find_id:
 * @self: a model
 * @id: a row id
 * @position: (out): where the row is shown
 *
 * Returns: %TRUE when the model shows the row @id
 */
gboolean
sales_row_model_find_id (SalesRowModel *self,
                         gint64         id,
                         guint         *position)
{
  g_autofree char *sql = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  if ((db = get_db (self)) == NULL)
    return FALSE;

  if (self->order_ids != NULL)
    {
      for (guint i = 0; i < self->order_ids->len; i++)
        if (g_array_index (self->order_ids, gint64, i) == id)
          {
            *position = i;
            return TRUE;
          }
      return FALSE;
    }

  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s WHERE id %s ?1)"
                           " FROM %s WHERE id = ?1",
                           self->info->name, self->descending ? ">" : "<",
                           self->info->name);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *position = (guint)sqlite3_column_int64 (stmt, 0);
          found = *position < self->n_items;
        }
    }
  sqlite3_finalize (stmt);

  return found;
}

guint64
sales_row_model_get_rows_fetched (SalesRowModel *self)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), 0);

  return self->rows_fetched;
}

guint
sales_row_model_get_pages_fetched (SalesRowModel *self)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), 0);

  return self->pages_fetched;
}

/**
 * sales_row_model_set_background:
 * @self: a model
 * @background: whether to sort and search in a worker thread
 *
 * From now on, changes of order, search or filter (and reloads when the
 * table changes) list the matching ids in a worker thread, on a
 * connection of its own, while the model keeps showing the old rows;
 * #SalesRowModel:busy is set meanwhile, and #SalesRowModel::failed
 * reports an error. The setters then return %TRUE at once.
 */
void
sales_row_model_set_background (SalesRowModel *self,
                                gboolean       background)
{
  g_return_if_fail (SALES_IS_ROW_MODEL (self));

  self->background = background;
}

/**
 * sales_row_model_is_busy:
 * @self: a model
 *
 * Returns: whether an order or search is being worked out
 */
gboolean
sales_row_model_is_busy (SalesRowModel *self)
{
  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), FALSE);

  return self->job != NULL;
}

/**
 * sales_row_model_get_id:
 * @self: a model
 * @position: a row position
 *
 * The id of the row at @position, without making an item when the
 * model knows it (a sorted or searched list of ids, or ids without
 * gaps): selecting a million rows and deleting them reads no row.
 *
 * Returns: the id; 0 when @position is out of range or its row is gone
 */
gint64
sales_row_model_get_id (SalesRowModel *self,
                        guint          position)
{
  g_autoptr(SalesRowItem) item = NULL;

  g_return_val_if_fail (SALES_IS_ROW_MODEL (self), 0);

  if (position >= self->n_items)
    return 0;
  if (self->order_ids != NULL)
    return g_array_index (self->order_ids, gint64, position);
  if (self->dense)
    return self->descending ? self->first_id + self->n_items - 1 - position
                            : self->first_id + position;

  item = g_list_model_get_item (G_LIST_MODEL (self), position);
  return item != NULL ? sales_row_item_get_id (item) : 0;
}
