/* sales-kpi-rollup.c: summing row facts into the KPI roll-up
 *
 * Rows of facts are added into level 0 (day, owner and source) only; the
 * coarser levels are sums of level 0 made once at the end, as are their
 * lists of response times. Strings are kept once in a pool and compared
 * by rank, so sorting a million customer days compares integers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-error.h"
#include "sales-kpi-private.h"
#include "sales-kpi-rollup.h"

typedef struct
{
  guint32 level;
  guint32 day;
  guint32 owner;
  guint32 source;
} GroupKey;

typedef struct
{
  GroupKey      key;
  SalesKpiSums  sums;
  gint64        answered;
  GString      *ms;          /* response times, comma-separated */
} Group;

typedef struct
{
  GroupKey key;
  gint64   customers;
} FirstCount;

/* What a fact row's day, owner and source stand for, looked up once per
 * distinct triple.
 */
typedef struct
{
  const char *text[3];       /* day, owner, source; owned when stored */
  GroupKey  key;
  gboolean  kept;            /* its day is one of the roll-up's days */
  Group    *group;           /* level 0, made by the first row summed */
} RowKey;

struct _SalesKpiRollup
{
  GHashTable *days;          /* day texts to keep; NULL keeps every day */
  GHashTable *pool;          /* text -> id + 1 */
  GPtrArray  *texts;         /* id -> text */
  guint32    *ranks;         /* id -> rank of its text in byte order */
  guint       n_ranked;
  GHashTable *keys;          /* RowKey -> itself */
  GHashTable *groups;        /* GroupKey -> Group */
  GHashTable *firsts;        /* GroupKey -> FirstCount */
  GArray     *customer_days; /* SalesKpiCustomerDay */
  gboolean    irregular;
};

/* Where a fact column goes: a roll-up column or one of these. */
enum
{
  FACT_IRREGULAR = -1,
  FACT_CUSTOMER = -2,
  FACT_MS_LIST = -3,
};

/**
 * _sales_kpi_sql_error:
 * @db: the connection that failed
 * @error: return location for a #GError
 *
 * Sets @error from the connection's last error.
 *
 * Returns: %FALSE, for returning it
 */
gboolean
_sales_kpi_sql_error (sqlite3  *db,
                      GError  **error)
{
  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not compute the KPIs: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/**
 * _sales_kpi_exec:
 * @db: a connection
 * @sql: statements
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every statement of @sql ran
 */
gboolean
_sales_kpi_exec (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_SQL,
               _("Could not compute the KPIs: %s"),
               message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

static guint
group_key_hash (gconstpointer data)
{
  const GroupKey *k = data;

  return ((k->day * 31u + k->owner) * 31u + k->source) * 4u + k->level;
}

static gboolean
group_key_equal (gconstpointer a,
                 gconstpointer b)
{
  return memcmp (a, b, sizeof (GroupKey)) == 0;
}

static void
group_free (gpointer data)
{
  Group *group = data;

  if (group->ms != NULL)
    g_string_free (group->ms, TRUE);
  g_free (group);
}

static guint
row_key_hash (gconstpointer data)
{
  const RowKey *k = data;

  return (g_str_hash (k->text[0]) * 31u + g_str_hash (k->text[1])) * 31u +
         g_str_hash (k->text[2]);
}

static gboolean
row_key_equal (gconstpointer a,
               gconstpointer b)
{
  const RowKey *x = a, *y = b;

  return strcmp (x->text[0], y->text[0]) == 0 &&
         strcmp (x->text[1], y->text[1]) == 0 &&
         strcmp (x->text[2], y->text[2]) == 0;
}

static void
row_key_free (gpointer data)
{
  RowKey *key = data;

  for (guint i = 0; i < G_N_ELEMENTS (key->text); i++)
    g_free ((char *)key->text[i]);
  g_free (key);
}

/**
 * _sales_kpi_rollup_new:
 * @days: (nullable): the day texts whose rows are summed, or %NULL for
 *   every day; not copied, must outlive the roll-up
 *
 * Returns: (transfer full): an empty roll-up
 */
SalesKpiRollup *
_sales_kpi_rollup_new (GHashTable *days)
{
  SalesKpiRollup *rollup = g_new0 (SalesKpiRollup, 1);

  rollup->days = days;
  rollup->pool = g_hash_table_new (g_str_hash, g_str_equal);
  rollup->texts = g_ptr_array_new_with_free_func (g_free);
  rollup->keys = g_hash_table_new_full (row_key_hash, row_key_equal,
                                        row_key_free, NULL);
  rollup->groups = g_hash_table_new_full (group_key_hash, group_key_equal,
                                          NULL, group_free);
  rollup->firsts = g_hash_table_new_full (group_key_hash, group_key_equal,
                                          NULL, g_free);
  rollup->customer_days = g_array_new (FALSE, FALSE,
                                       sizeof (SalesKpiCustomerDay));
  _sales_kpi_rollup_intern (rollup, "");
  return rollup;
}

void
_sales_kpi_rollup_free (SalesKpiRollup *rollup)
{
  if (rollup == NULL)
    return;

  g_hash_table_unref (rollup->pool);
  g_ptr_array_unref (rollup->texts);
  g_free (rollup->ranks);
  g_hash_table_unref (rollup->keys);
  g_hash_table_unref (rollup->groups);
  g_hash_table_unref (rollup->firsts);
  g_array_unref (rollup->customer_days);
  g_free (rollup);
}

/**
 * _sales_kpi_rollup_intern:
 * @rollup: a roll-up
 * @text: a day, owner, source or customer
 *
 * Returns: the id of @text in the roll-up's pool; "" is 0
 */
guint32
_sales_kpi_rollup_intern (SalesKpiRollup *rollup,
                          const char     *text)
{
  gpointer found = g_hash_table_lookup (rollup->pool, text);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  copy = g_strdup (text);
  g_ptr_array_add (rollup->texts, copy);
  g_hash_table_insert (rollup->pool, copy,
                       GUINT_TO_POINTER (rollup->texts->len));
  return rollup->texts->len - 1;
}

const char *
_sales_kpi_rollup_text (SalesKpiRollup *rollup,
                        guint32         id)
{
  return g_ptr_array_index (rollup->texts, id);
}

static int
compare_texts (gconstpointer a,
               gconstpointer b,
               gpointer      texts)
{
  return strcmp (g_ptr_array_index ((GPtrArray *)texts, *(const guint32 *)a),
                 g_ptr_array_index ((GPtrArray *)texts, *(const guint32 *)b));
}

/* Ranks follow byte order, which is the order of SQLite's BINARY keys
 * and, for ISO days, the order of time.
 */
static void
ensure_ranks (SalesKpiRollup *rollup)
{
  guint n = rollup->texts->len;
  g_autofree guint32 *order = g_new (guint32, n);

  if (rollup->n_ranked == n)
    return;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint)n, sizeof (guint32), compare_texts,
                     rollup->texts);
  g_free (rollup->ranks);
  rollup->ranks = g_new (guint32, n);
  for (guint i = 0; i < n; i++)
    rollup->ranks[order[i]] = i;
  rollup->n_ranked = n;
}

static Group *
lookup_group (SalesKpiRollup *rollup,
              const GroupKey *key)
{
  Group *group = g_hash_table_lookup (rollup->groups, key);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->key = *key;
      g_hash_table_insert (rollup->groups, &group->key, group);
    }

  return group;
}

static void
append_ms (Group   *group,
           gint64   answered,
           const char *list)
{
  if (group->ms == NULL)
    group->ms = g_string_new (list);
  else
    {
      g_string_append_c (group->ms, ',');
      g_string_append (group->ms, list);
    }
  group->answered += answered;
}

/* Maps each column after day, owner and source to its destination. */
static int *
map_columns (sqlite3_stmt *stmt)
{
  const char *const *names = _sales_kpi_column_names ();
  int n = sqlite3_column_count (stmt);
  int *map = g_new (int, n);

  for (int i = 3; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      map[i] = g_str_equal (name, "irregular") ? FACT_IRREGULAR
        : g_str_equal (name, "customer") ? FACT_CUSTOMER
        : g_str_equal (name, "ms_list") ? FACT_MS_LIST : G_MININT;
      for (int j = 0; map[i] == G_MININT && names[j] != NULL; j++)
        if (g_str_equal (name, names[j]))
          map[i] = j;
      g_assert (map[i] != G_MININT);
    }

  return map;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* The key of the row @stmt is on; a million rows have a few thousand
 * keys, so their parts are interned once per key, not once per row.
 */
static RowKey *
lookup_key (SalesKpiRollup *rollup,
            sqlite3_stmt   *stmt)
{
  RowKey probe = { { column_text (stmt, 0), column_text (stmt, 1),
                     column_text (stmt, 2) } };
  RowKey *key = g_hash_table_lookup (rollup->keys, &probe);

  if (key != NULL)
    return key;

  key = g_new0 (RowKey, 1);
  for (guint i = 0; i < G_N_ELEMENTS (key->text); i++)
    key->text[i] = g_strdup (probe.text[i]);
  key->key.day = _sales_kpi_rollup_intern (rollup, key->text[0]);
  key->key.owner = _sales_kpi_rollup_intern (rollup, key->text[1]);
  key->key.source = _sales_kpi_rollup_intern (rollup, key->text[2]);
  key->kept = rollup->days == NULL ||
              g_hash_table_contains (rollup->days, key->text[0]);
  g_hash_table_add (rollup->keys, key);
  return key;
}

static void
add_customer (SalesKpiRollup *rollup,
              const RowKey   *key,
              const char     *customer,
              GArray         *customers)
{
  SalesKpiCustomerDay row = { 0, key->key.day, key->key.owner,
                              key->key.source };

  row.customer = _sales_kpi_rollup_intern (rollup, customer);
  g_array_append_val (customers, row);
}

/* Sums one row; a NULL adds 0, as SQL's sum does. */
static void
add_row (SalesKpiRollup *rollup,
         sqlite3_stmt   *stmt,
         const int      *map,
         RowKey         *key)
{
  int n = sqlite3_column_count (stmt);
  gint64 *sums;

  if (key->group == NULL)
    key->group = lookup_group (rollup, &key->key);
  sums = (gint64 *)&key->group->sums;

  for (int i = 3; i < n; i++)
    if (map[i] >= 0)
      sums[map[i]] += sqlite3_column_int64 (stmt, i);
    else if (map[i] == FACT_IRREGULAR)
      rollup->irregular |= sqlite3_column_int (stmt, i) != 0;
    else if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
      continue;
    else if (map[i] == FACT_MS_LIST)
      append_ms (key->group, 1, column_text (stmt, i));
    else
      add_customer (rollup, key, column_text (stmt, i),
                    rollup->customer_days);
}

static void
add_customer_only (SalesKpiRollup *rollup,
                   sqlite3_stmt   *stmt,
                   const int      *map,
                   GArray         *customers)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 3; i < n; i++)
    if (map[i] == FACT_CUSTOMER &&
        sqlite3_column_type (stmt, i) != SQLITE_NULL)
      add_customer (rollup, lookup_key (rollup, stmt),
                    column_text (stmt, i), customers);
}

/**
 * _sales_kpi_rollup_add_facts:
 * @rollup: a roll-up
 * @db: the connection, inside the build's transaction
 * @sql: a query whose rows are facts: day, owner and source, then columns
 *   named after roll-up columns (added up), "customer" (a customer day),
 *   "ms_list" (a response time) and "irregular" (a date the roll-up
 *   cannot find by index, see sales-kpi-dirty.c)
 * @customers: (nullable): when given, only the customer days are read,
 *   into this array, whatever their day
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_kpi_rollup_add_facts (SalesKpiRollup  *rollup,
                             sqlite3         *db,
                             const char      *sql,
                             GArray          *customers,
                             GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree int *map = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return _sales_kpi_sql_error (db, error);

  map = map_columns (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RowKey *key;

      if (customers != NULL)
        {
          add_customer_only (rollup, stmt, map, customers);
          continue;
        }

      key = lookup_key (rollup, stmt);
      if (key->kept)
        add_row (rollup, stmt, map, key);
    }

  if (rc != SQLITE_DONE)
    _sales_kpi_sql_error (db, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/**
 * _sales_kpi_rollup_add_queries:
 * @rollup: a roll-up
 * @db: the connection, inside the build's transaction
 * @queries: fact queries (see _sales_kpi_rollup_add_facts())
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every query was read
 */
gboolean
_sales_kpi_rollup_add_queries (SalesKpiRollup     *rollup,
                               sqlite3            *db,
                               const char *const  *queries,
                               GError            **error)
{
  for (guint i = 0; queries[i] != NULL; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!_sales_kpi_rollup_add_facts (rollup, db, queries[i], NULL, error))
        return FALSE;
      g_debug ("roll-up facts %u: %.3f s", i,
               (g_get_monotonic_time () - start) / 1e6);
    }

  return TRUE;
}

/**
 * _sales_kpi_rollup_is_irregular:
 * @rollup: a roll-up
 *
 * Returns: %TRUE when a fact row flagged a date stored in a form whose
 *   day is not its first ten characters
 */
gboolean
_sales_kpi_rollup_is_irregular (SalesKpiRollup *rollup)
{
  return rollup->irregular;
}

/**
 * _sales_kpi_rollup_get_customer_days:
 * @rollup: a roll-up
 *
 * Returns: (transfer none): the customer days read so far, in no order
 */
GArray *
_sales_kpi_rollup_get_customer_days (SalesKpiRollup *rollup)
{
  return rollup->customer_days;
}

static int compare_keys (const GroupKey *x,
                         const GroupKey *y,
                         const guint32  *rank);

static int
compare_by_customer (gconstpointer a,
                     gconstpointer b,
                     gpointer      ranks)
{
  const SalesKpiCustomerDay *x = a, *y = b;
  const guint32 *rank = ranks;
  GroupKey kx = { 0, x->day, x->owner, x->source };
  GroupKey ky = { 0, y->day, y->owner, y->source };

  if (x->customer != y->customer)
    return rank[x->customer] < rank[y->customer] ? -1 : 1;
  return compare_keys (&kx, &ky, rank);
}

static void
count_first (SalesKpiRollup *rollup,
             GroupKey        key,
             int             sign)
{
  FirstCount *count = g_hash_table_lookup (rollup->firsts, &key);

  if (count == NULL)
    {
      count = g_new0 (FirstCount, 1);
      count->key = key;
      g_hash_table_insert (rollup->firsts, &count->key, count);
    }
  count->customers += sign;
}

/* The levels at which @row is its customer's first under the owner and
 * source the level keeps, given the pairs @seen earlier (rows come in
 * day order). A bit per level; 0 when the pair itself was seen.
 */
static guint
first_levels (GArray                    *seen,
              const SalesKpiCustomerDay *row)
{
  const SalesKpiCustomerDay *pair = (const SalesKpiCustomerDay *)seen->data;
  guint levels = 0xf;

  for (guint j = 0; j < seen->len; j++)
    {
      if (pair[j].owner == row->owner && pair[j].source == row->source)
        return 0;
      if (pair[j].source == row->source)
        levels &= ~(1u << 1);
      if (pair[j].owner == row->owner)
        levels &= ~(1u << 2);
      levels &= ~(1u << 3);
    }

  return levels;
}

/**
 * _sales_kpi_rollup_count_firsts:
 * @rollup: a roll-up
 * @rows: customer days, reordered by this call
 * @sign: 1 to count each customer's first days, -1 to take them back
 *
 * Adds to kpi_first's counts, at each level, the first day each customer
 * of @rows bought under each owner and source that level keeps.
 */
void
_sales_kpi_rollup_count_firsts (SalesKpiRollup *rollup,
                                GArray         *rows,
                                int             sign)
{
  const SalesKpiCustomerDay *row = (const SalesKpiCustomerDay *)rows->data;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE,
                                        sizeof (SalesKpiCustomerDay));

  ensure_ranks (rollup);
  g_array_sort_with_data (rows, compare_by_customer, rollup->ranks);

  for (guint i = 0; i < rows->len; i++)
    {
      guint levels;

      if (i > 0 && row[i].customer != row[i - 1].customer)
        g_array_set_size (seen, 0);

      levels = first_levels (seen, &row[i]);
      for (guint level = 0; level < 4; level++)
        if (levels & (1u << level))
          {
            GroupKey key = { level, row[i].day,
                             (level & 1) ? 0 : row[i].owner,
                             (level & 2) ? 0 : row[i].source };

            count_first (rollup, key, sign);
          }
      if (levels != 0)
        g_array_append_val (seen, row[i]);
    }
}

static GPtrArray *
values_of (GHashTable *table)
{
  GPtrArray *values = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (values, value);

  return values;
}

/* Levels 1 to 3 from level 0: sums of its rows and their joined lists. */
static void
add_coarse_levels (SalesKpiRollup *rollup)
{
  g_autoptr(GPtrArray) level0 = values_of (rollup->groups);

  for (guint i = 0; i < level0->len; i++)
    {
      const Group *fine = g_ptr_array_index (level0, i);

      for (guint level = 1; level < 4; level++)
        {
          GroupKey key = { level, fine->key.day,
                           (level & 1) ? 0 : fine->key.owner,
                           (level & 2) ? 0 : fine->key.source };
          Group *coarse = lookup_group (rollup, &key);

          _sales_kpi_sums_add (&coarse->sums, &fine->sums);
          if (fine->ms != NULL)
            append_ms (coarse, fine->answered, fine->ms->str);
        }
    }
}

static int
compare_keys (const GroupKey *x,
              const GroupKey *y,
              const guint32  *rank)
{
  if (x->level != y->level)
    return x->level < y->level ? -1 : 1;
  if (x->day != y->day)
    return rank[x->day] < rank[y->day] ? -1 : 1;
  if (x->owner != y->owner)
    return rank[x->owner] < rank[y->owner] ? -1 : 1;
  return x->source == y->source ? 0
    : rank[x->source] < rank[y->source] ? -1 : 1;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      ranks)
{
  return compare_keys (*(GroupKey *const *)a, *(GroupKey *const *)b, ranks);
}

static int
compare_customer_days (gconstpointer a,
                       gconstpointer b,
                       gpointer      ranks)
{
  const SalesKpiCustomerDay *x = a, *y = b;
  GroupKey kx = { 0, x->day, x->owner, x->source };
  GroupKey ky = { 0, y->day, y->owner, y->source };
  const guint32 *rank = ranks;
  int order = compare_keys (&kx, &ky, rank);

  if (order != 0 || x->customer == y->customer)
    return order;
  return rank[x->customer] < rank[y->customer] ? -1 : 1;
}

/* Sorted values of @table, so that inserting appends to the keys. */
static GPtrArray *
sorted_values (SalesKpiRollup *rollup,
               GHashTable     *table)
{
  GPtrArray *values = values_of (table);

  ensure_ranks (rollup);
  g_ptr_array_sort_with_data (values, compare_groups, rollup->ranks);
  return values;
}

static sqlite3_stmt *
prepare_insert (sqlite3     *db,
                const char  *schema,
                const char  *table,
                int          n_values,
                const char  *tail,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_string_printf (sql, "INSERT INTO %s.%s VALUES (?", schema, table);
  for (int i = 1; i < n_values; i++)
    g_string_append (sql, ", ?");
  g_string_append_printf (sql, ")%s", tail);

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    _sales_kpi_sql_error (db, error);
  return stmt;
}

static void
bind_key (SalesKpiRollup *rollup,
          sqlite3_stmt   *stmt,
          int             first,
          guint32         day,
          guint32         owner,
          guint32         source)
{
  sqlite3_bind_text (stmt, first, _sales_kpi_rollup_text (rollup, day), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, _sales_kpi_rollup_text (rollup, owner),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2,
                     _sales_kpi_rollup_text (rollup, source), -1,
                     SQLITE_STATIC);
}

/* Steps and resets @stmt; on failure sets @error once. */
static gboolean
step_insert (sqlite3       *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _sales_kpi_sql_error (db, error);
}

static gboolean
write_groups (SalesKpiRollup  *rollup,
              sqlite3         *db,
              const char      *schema,
              GError         **error)
{
  g_autoptr(GPtrArray) groups = sorted_values (rollup, rollup->groups);
  sqlite3_stmt *daily, *hours;
  gboolean ok = TRUE;

  daily = prepare_insert (db, schema, "kpi_daily",
                          4 + (int)SALES_KPI_N_COLUMNS, "", error);
  hours = daily == NULL ? NULL
    : prepare_insert (db, schema, "kpi_lead_hours", 6, "", error);

  for (guint i = 0; hours != NULL && ok && i < groups->len; i++)
    {
      const Group *group = g_ptr_array_index (groups, i);
      const gint64 *sums = (const gint64 *)&group->sums;

      sqlite3_bind_int (daily, 1, (int)group->key.level);
      bind_key (rollup, daily, 2, group->key.day, group->key.owner,
                group->key.source);
      for (guint c = 0; c < SALES_KPI_N_COLUMNS; c++)
        sqlite3_bind_int64 (daily, 5 + (int)c, sums[c]);
      ok = step_insert (db, daily, error);
      if (!ok || group->ms == NULL)
        continue;

      sqlite3_bind_int (hours, 1, (int)group->key.level);
      bind_key (rollup, hours, 2, group->key.day, group->key.owner,
                group->key.source);
      sqlite3_bind_int64 (hours, 5, group->answered);
      sqlite3_bind_text (hours, 6, group->ms->str, (int)group->ms->len,
                         SQLITE_STATIC);
      ok = step_insert (db, hours, error);
    }

  sqlite3_finalize (daily);
  sqlite3_finalize (hours);
  return hours != NULL && ok;
}

static gboolean
write_customer_days (SalesKpiRollup  *rollup,
                     sqlite3         *db,
                     const char      *schema,
                     GError         **error)
{
  GArray *rows = rollup->customer_days;
  const SalesKpiCustomerDay *row = (const SalesKpiCustomerDay *)rows->data;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if ((stmt = prepare_insert (db, schema, "kpi_customer_days", 4, "",
                              error)) == NULL)
    return FALSE;

  ensure_ranks (rollup);
  g_array_sort_with_data (rows, compare_customer_days, rollup->ranks);
  for (guint i = 0; ok && i < rows->len; i++)
    {
      if (i > 0 && compare_customer_days (&row[i - 1], &row[i],
                                          rollup->ranks) == 0)
        continue;

      bind_key (rollup, stmt, 1, row[i].day, row[i].owner, row[i].source);
      sqlite3_bind_text (stmt, 4, _sales_kpi_rollup_text (rollup,
                                                          row[i].customer),
                         -1, SQLITE_STATIC);
      ok = step_insert (db, stmt, error);
    }

  sqlite3_finalize (stmt);
  return ok;
}

/* In the workspace the counts are changes to add to the stored ones. */
static gboolean
write_firsts (SalesKpiRollup  *rollup,
              sqlite3         *db,
              const char      *schema,
              gboolean         add,
              GError         **error)
{
  g_autoptr(GPtrArray) counts = sorted_values (rollup, rollup->firsts);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = prepare_insert (db, schema, "kpi_first", 5, add
                         ? " ON CONFLICT DO UPDATE SET customers ="
                           " customers + excluded.customers" : "", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && i < counts->len; i++)
    {
      const FirstCount *count = g_ptr_array_index (counts, i);

      if (count->customers == 0)
        continue;

      sqlite3_bind_int (stmt, 1, (int)count->key.level);
      bind_key (rollup, stmt, 2, count->key.day, count->key.owner,
                count->key.source);
      sqlite3_bind_int64 (stmt, 5, count->customers);
      ok = step_insert (db, stmt, error);
    }
  sqlite3_finalize (stmt);

  if (!ok || !add)
    return ok;
  return _sales_kpi_exec (db, "DELETE FROM main.kpi_first"
                          " WHERE customers = 0", error);
}

/**
 * _sales_kpi_rollup_write:
 * @rollup: a roll-up holding every fact of its days
 * @db: the connection, inside the build's transaction
 * @schema: "main" or "temp"
 * @add_firsts: %TRUE to add the first-day counts to those stored
 *   (incremental refresh), %FALSE to insert them into an empty table
 * @error: return location for a #GError
 *
 * Inserts the roll-up's rows of kpi_daily, kpi_lead_hours and
 * kpi_customer_days (whose rows for these days must be gone), and the
 * first-day counts.
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_kpi_rollup_write (SalesKpiRollup  *rollup,
                         sqlite3         *db,
                         const char      *schema,
                         gboolean         add_firsts,
                         GError         **error)
{
  add_coarse_levels (rollup);

  return write_groups (rollup, db, schema, error) &&
         write_customer_days (rollup, db, schema, error) &&
         write_firsts (rollup, db, schema, add_firsts, error);
}
