/* sales-kpi-scope.c: the day rows one evaluation reads, split in groups
 *
 * A scope fetches the roll-up once for a whole range and hands each group
 * (the single period, a trend bucket, a breakdown's owner or source) the
 * sum of its own day rows. Groups never query on their own, so a trend of
 * 24 months costs one query, not 24 evaluations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-kpi"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sales-error.h"
#include "sales-kpi-private.h"

typedef struct
{
  char          day[11];
  guint         key;          /* index into keys; 0 without a breakdown */
  SalesKpiSums  sums;
} DayRow;

struct _SalesKpiScope
{
  sqlite3                *db;
  const char             *schema;
  const SalesKpiSettings *settings;
  SalesPeriod             range;
  char                   *owner;
  char                   *source;
  char                   *by;           /* NULL, "owner" or "source" */
  gboolean                deals_as_purchases;

  GArray                 *groups;       /* of SalesKpiGroup_ */
  GPtrArray              *keys;         /* breakdown values, "" first */
  GHashTable             *key_index;    /* value -> index + 1 */

  GArray                 *rows;         /* of DayRow, day < range.to */
  GArray                 *firsts;       /* of DayRow, customers only */
  GPtrArray              *responses;    /* per group, GArray of ms */
  int                     first_level;
  GError                 *error;
};

static void
group_clear (gpointer data)
{
  SalesKpiGroup_ *group = data;

  g_free (group->key);
}

/**
 * _sales_kpi_scope_new:
 * @db: a connection inside the evaluation's read transaction
 * @schema: where the roll-up is ("main" or "temp")
 * @settings: the definitions' settings
 * @range: the period all groups lie in
 * @filter: (nullable): owner and source filters
 *
 * Returns: (transfer full): a scope with one group, @range itself
 */
SalesKpiScope *
_sales_kpi_scope_new (sqlite3                *db,
                      const char             *schema,
                      const SalesKpiSettings *settings,
                      const SalesPeriod      *range,
                      const SalesKpiFilter   *filter)
{
  SalesKpiScope *scope = g_new0 (SalesKpiScope, 1);
  SalesKpiGroup_ whole = { 0 };

  scope->db = db;
  scope->schema = schema;
  scope->settings = settings;
  scope->range = *range;
  scope->owner = g_strdup (filter != NULL ? filter->owner : NULL);
  scope->source = g_strdup (filter != NULL ? filter->source : NULL);
  scope->deals_as_purchases = _sales_kpi_deals_as_purchases (db);
  scope->first_level = -1;

  scope->groups = g_array_new (FALSE, TRUE, sizeof (SalesKpiGroup_));
  g_array_set_clear_func (scope->groups, group_clear);
  whole.period = *range;
  whole.filter.owner = scope->owner;
  whole.filter.source = scope->source;
  g_array_append_val (scope->groups, whole);

  scope->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (scope->keys, g_strdup (""));
  scope->key_index = g_hash_table_new (g_str_hash, g_str_equal);

  return scope;
}

void
_sales_kpi_scope_free (SalesKpiScope *scope)
{
  if (scope == NULL)
    return;

  g_clear_pointer (&scope->rows, g_array_unref);
  g_clear_pointer (&scope->firsts, g_array_unref);
  g_clear_pointer (&scope->responses, g_ptr_array_unref);
  g_array_unref (scope->groups);
  g_hash_table_unref (scope->key_index);
  g_ptr_array_unref (scope->keys);
  g_clear_error (&scope->error);
  g_free (scope->owner);
  g_free (scope->source);
  g_free (scope->by);
  g_free (scope);
}

/**
 * _sales_kpi_scope_set_buckets:
 * @scope: a scope with its single group
 * @periods: consecutive periods covering the scope's range
 *
 * Replaces the groups by @periods, keeping the filter.
 */
void
_sales_kpi_scope_set_buckets (SalesKpiScope *scope,
                              GArray        *periods)
{
  g_array_set_size (scope->groups, 0);
  for (guint i = 0; i < periods->len; i++)
    {
      SalesKpiGroup_ group = { 0 };

      group.period = g_array_index (periods, SalesPeriod, i);
      group.filter.owner = scope->owner;
      group.filter.source = scope->source;
      g_array_append_val (scope->groups, group);
    }
}

static gboolean
set_sql_error (SalesKpiScope *scope)
{
  if (scope->error == NULL)
    g_set_error (&scope->error, SALES_ERROR, SALES_ERROR_SQL,
                 _("Could not compute the KPIs: %s"),
                 sqlite3_errmsg (scope->db));
  return FALSE;
}

/* The filters in SQL, with parameters ?3 (owner) and ?4 (source); the
 * breakdown column is grouped, not filtered.
 */
static void
append_filters (SalesKpiScope *scope,
                GString       *sql)
{
  if (scope->owner != NULL && g_strcmp0 (scope->by, "owner") != 0)
    g_string_append (sql, " AND owner = ?3");
  if (scope->source != NULL && g_strcmp0 (scope->by, "source") != 0)
    g_string_append (sql, " AND source = ?4");
}

static sqlite3_stmt *
prepare (SalesKpiScope *scope,
         GString       *sql,
         const char    *lower,
         const char    *upper)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (scope->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (scope);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
  if (scope->owner != NULL)
    sqlite3_bind_text (stmt, 3, scope->owner, -1, SQLITE_TRANSIENT);
  if (scope->source != NULL)
    sqlite3_bind_text (stmt, 4, scope->source, -1, SQLITE_TRANSIENT);
  return stmt;
}

static const char *
key_column (SalesKpiScope *scope)
{
  return scope->by != NULL ? scope->by : "''";
}

static guint
lookup_key (SalesKpiScope *scope,
            const char    *value)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (scope->key_index,
                                                       value));

  if (index == 0 && *value != '\0')
    {
      g_ptr_array_add (scope->keys, g_strdup (value));
      index = scope->keys->len;
      g_hash_table_insert (scope->key_index,
                           g_ptr_array_index (scope->keys, index - 1),
                           GUINT_TO_POINTER (index));
    }

  return index == 0 ? 0 : index - 1;
}

/* Day rows of @table before the end of the range, reading @columns
 * (NULL-terminated) into DayRow.sums. The level in @extra_condition keeps
 * exactly the filtered and broken-down columns, so after filtering each
 * day and breakdown key has one row: no SQL aggregation is needed, which
 * matters, as summing some thirty columns costs more than reading them.
 */
static GArray *
fetch_days (SalesKpiScope     *scope,
            const char        *table,
            const char *const *columns,
            const char        *extra_condition)
{
  g_autoptr(GString) sql = g_string_new ("SELECT day, ");
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (DayRow));
  sqlite3_stmt *stmt;
  int rc;

  g_string_append (sql, key_column (scope));
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, ", %s", columns[i]);
  g_string_append_printf (sql, " FROM %s.%s WHERE day >= ?1 AND day < ?2",
                          scope->schema, table);
  if (extra_condition != NULL)
    g_string_append_printf (sql, " AND %s", extra_condition);
  append_filters (scope, sql);
  g_string_append (sql, " ORDER BY day");

  if ((stmt = prepare (scope, sql, "", scope->range.to)) == NULL)
    return rows;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DayRow row = { { 0 } };
      gint64 *sums = (gint64 *)&row.sums;

      g_strlcpy (row.day, (const char *)sqlite3_column_text (stmt, 0),
                 sizeof row.day);
      row.key = lookup_key (scope,
                            (const char *)sqlite3_column_text (stmt, 1));
      for (guint i = 0; columns[i] != NULL; i++)
        sums[i] = sqlite3_column_int64 (stmt, 2 + (int)i);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    set_sql_error (scope);
  sqlite3_finalize (stmt);

  return rows;
}

static int first_level (SalesKpiScope *scope);

static void
ensure_rows (SalesKpiScope *scope)
{
  g_autofree char *condition = NULL;

  if (scope->rows != NULL)
    return;

  condition = g_strdup_printf ("level = %d", first_level (scope));
  scope->rows = fetch_days (scope, "kpi_daily", _sales_kpi_column_names (),
                            condition);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/**
 * _sales_kpi_scope_set_breakdown:
 * @scope: a scope with its single group
 * @by: "owner" or "source"
 * @error: return location for a #GError
 *
 * Replaces the single group by one group per value of @by found in the
 * range ("" for rows without one), sorted by value.
 *
 * Returns: %TRUE on success
 */
gboolean
_sales_kpi_scope_set_breakdown (SalesKpiScope  *scope,
                                const char     *by,
                                GError        **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  SalesPeriod period = scope->range;

  g_assert (g_str_equal (by, "owner") || g_str_equal (by, "source"));

  scope->by = g_strdup (by);
  ensure_rows (scope);
  if (scope->error != NULL)
    return _sales_kpi_scope_take_error (scope, error);

  /* Only values with rows inside the period make a group. */
  for (guint i = 0; i < scope->rows->len; i++)
    {
      DayRow *row = &g_array_index (scope->rows, DayRow, i);
      char *value = g_ptr_array_index (scope->keys, row->key);

      if (strcmp (row->day, period.from) >= 0 &&
          !g_ptr_array_find (values, value, NULL))
        g_ptr_array_add (values, value);
    }
  g_ptr_array_sort (values, compare_strings);

  g_array_set_size (scope->groups, 0);
  for (guint i = 0; i < values->len; i++)
    {
      SalesKpiGroup_ group = { 0 };

      group.period = period;
      group.key = g_strdup (g_ptr_array_index (values, i));
      group.filter.owner = g_str_equal (by, "owner") ? group.key
                                                     : scope->owner;
      group.filter.source = g_str_equal (by, "source") ? group.key
                                                       : scope->source;
      g_array_append_val (scope->groups, group);
    }

  return TRUE;
}

guint
_sales_kpi_scope_get_n_groups (SalesKpiScope *scope)
{
  return scope->groups->len;
}

const SalesKpiGroup_ *
_sales_kpi_scope_get_group (SalesKpiScope *scope,
                            guint          group)
{
  return &g_array_index (scope->groups, SalesKpiGroup_, group);
}

const SalesKpiSettings *
_sales_kpi_scope_get_settings (SalesKpiScope *scope)
{
  return scope->settings;
}

const char *
_sales_kpi_scope_get_schema (SalesKpiScope *scope)
{
  return scope->schema;
}

gboolean
_sales_kpi_scope_deals_as_purchases (SalesKpiScope *scope)
{
  return scope->deals_as_purchases;
}

gboolean
_sales_kpi_scope_take_error (SalesKpiScope  *scope,
                             GError        **error)
{
  if (scope->error == NULL)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&scope->error));
  return FALSE;
}

/* Whether @row belongs to @group's breakdown value. */
static gboolean
row_has_key (SalesKpiScope        *scope,
             const DayRow         *row,
             const SalesKpiGroup_ *group)
{
  return group->key == NULL ||
         g_str_equal (g_ptr_array_index (scope->keys, row->key), group->key);
}

static void
sum_rows (SalesKpiScope        *scope,
          GArray               *rows,
          const SalesKpiGroup_ *group,
          const char           *from,
          SalesKpiSums         *sums)
{
  memset (sums, 0, sizeof *sums);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const DayRow *row = &g_array_index (rows, DayRow, i);

      if (strcmp (row->day, from) >= 0 &&
          strcmp (row->day, group->period.to) < 0 &&
          row_has_key (scope, row, group))
        _sales_kpi_sums_add (sums, &row->sums);
    }
}

/**
 * _sales_kpi_scope_sums:
 * @scope: a scope
 * @group: a group index
 * @sums: (out): the sums of the group's day rows
 *
 * Returns: %FALSE when the query failed (the error stays in @scope)
 */
gboolean
_sales_kpi_scope_sums (SalesKpiScope *scope,
                       guint          group,
                       SalesKpiSums  *sums)
{
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);

  ensure_rows (scope);
  sum_rows (scope, scope->rows, g, g->period.from, sums);
  return scope->error == NULL;
}

/* Everything before the end of the group's period, for cumulative KPIs. */
gboolean
_sales_kpi_scope_sums_before (SalesKpiScope *scope,
                              guint          group,
                              SalesKpiSums  *sums)
{
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);

  ensure_rows (scope);
  sum_rows (scope, scope->rows, g, "", sums);
  return scope->error == NULL;
}

/* The level of grouping (kpi_daily, kpi_first) that matches the filters
 * and the breakdown.
 */
static int
first_level (SalesKpiScope *scope)
{
  gboolean by_owner = scope->owner != NULL ||
                      g_strcmp0 (scope->by, "owner") == 0;
  gboolean by_source = scope->source != NULL ||
                       g_strcmp0 (scope->by, "source") == 0;

  return (by_owner ? 0 : 1) + (by_source ? 0 : 2);
}

/**
 * _sales_kpi_scope_first_before:
 * @scope: a scope
 * @group: a group index
 * @customers: (out): distinct customers with a purchase (with an amount)
 *   before the end of the group's period, under its filter
 *
 * Returns: %FALSE when the query failed
 */
gboolean
_sales_kpi_scope_first_before (SalesKpiScope *scope,
                               guint          group,
                               gint64        *customers)
{
  static const char *const columns[] = { "customers", NULL };
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);
  SalesKpiSums sums;

  if (scope->firsts == NULL)
    {
      g_autofree char *condition = NULL;

      scope->first_level = first_level (scope);
      condition = g_strdup_printf ("level = %d", scope->first_level);
      scope->firsts = fetch_days (scope, "kpi_first", columns, condition);
    }

  /* The first column of the sums holds the customers. */
  sum_rows (scope, scope->firsts, g, "", &sums);
  *customers = sums.won;
  return scope->error == NULL;
}

/* The @k-th smallest of @values (Hoare's selection, which reorders
 * them): linear on average, where sorting a year of leads is not.
 */
static gint64
select_kth (gint64 *values,
            gsize   n,
            gsize   k)
{
  gsize low = 0, high = n - 1;

  while (low < high)
    {
      gint64 pivot = values[low + (high - low) / 2];
      gsize i = low, j = high;

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              gint64 swap = values[i];

              values[i++] = values[j];
              values[j] = swap;
              if (j == 0)
                break;
              j--;
            }
        }

      if (k <= j)
        high = j;
      else if (k >= i)
        low = i;
      else
        return values[k];
    }

  return values[k];
}

/* The group a day row of the range belongs to, or -1. Trend buckets are
 * consecutive, so a binary search finds the day's bucket.
 */
static int
group_of_row (SalesKpiScope *scope,
              const char    *day,
              const char    *key)
{
  guint low = 0, high = scope->groups->len;

  if (scope->by != NULL)
    {
      for (guint i = 0; i < scope->groups->len; i++)
        if (g_str_equal (_sales_kpi_scope_get_group (scope, i)->key, key))
          return (int)i;
      return -1;
    }

  while (high - low > 1)
    {
      guint mid = (low + high) / 2;

      if (strcmp (day, _sales_kpi_scope_get_group (scope, mid)->period.from)
          >= 0)
        low = mid;
      else
        high = mid;
    }

  return strcmp (day, _sales_kpi_scope_get_group (scope, low)->period.to) < 0
         ? (int)low : -1;
}

static void
append_milliseconds (GArray     *values,
                     const char *list)
{
  for (const char *p = list; *p != '\0'; )
    {
      char *end = NULL;
      gint64 ms = g_ascii_strtoll (p, &end, 10);

      if (end == p)
        break;
      g_array_append_val (values, ms);
      p = *end == ',' ? end + 1 : end;
    }
}

/* The response times of every group, from one read of the range. */
static GPtrArray *
fetch_responses (SalesKpiScope *scope)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func (
    (GDestroyNotify)g_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < scope->groups->len; i++)
    g_ptr_array_add (groups, g_array_new (FALSE, FALSE, sizeof (gint64)));

  g_string_printf (sql, "SELECT day, %s, ms FROM %s.kpi_lead_hours"
                   " WHERE level = %d AND day >= ?1 AND day < ?2",
                   key_column (scope), scope->schema, first_level (scope));
  append_filters (scope, sql);
  if ((stmt = prepare (scope, sql, scope->range.from, scope->range.to)) ==
      NULL)
    return groups;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int group = group_of_row (scope,
                                (const char *)sqlite3_column_text (stmt, 0),
                                (const char *)sqlite3_column_text (stmt, 1));

      if (group >= 0)
        append_milliseconds (g_ptr_array_index (groups, (guint)group),
                             (const char *)sqlite3_column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    set_sql_error (scope);
  sqlite3_finalize (stmt);

  return groups;
}

/**
 * _sales_kpi_scope_median_ms:
 * @scope: a scope
 * @group: a group index
 * @median: (out): the median lead response in milliseconds
 *
 * Returns: %FALSE when the group has no answered lead or the query
 *   failed
 */
gboolean
_sales_kpi_scope_median_ms (SalesKpiScope *scope,
                            guint          group,
                            double        *median)
{
  GArray *values;
  gint64 *data, upper;

  if (scope->responses == NULL)
    scope->responses = fetch_responses (scope);

  values = g_ptr_array_index (scope->responses, group);
  if (values->len == 0)
    return FALSE;

  data = (gint64 *)(gpointer)values->data;
  upper = select_kth (data, values->len, values->len / 2);
  *median = values->len % 2 == 1
    ? (double)upper
    : ((double)select_kth (data, values->len, values->len / 2 - 1) +
       (double)upper) / 2.0;
  return TRUE;
}

/**
 * _sales_kpi_scope_customers:
 * @scope: a scope
 * @group: a group index
 * @customers: (out): distinct customers with a purchase (with an amount)
 *   in the group's period
 *
 * Returns: %FALSE when the query failed
 */
gboolean
_sales_kpi_scope_customers (SalesKpiScope *scope,
                            guint          group,
                            gint64        *customers)
{
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_string_printf (sql, "SELECT count (DISTINCT customer)"
                   " FROM %s.kpi_customer_days WHERE day >= ?1 AND day < ?2",
                   scope->schema);
  if (g->filter.owner != NULL)
    g_string_append (sql, " AND owner = ?3");
  if (g->filter.source != NULL)
    g_string_append (sql, " AND source = ?4");

  if (sqlite3_prepare_v2 (scope->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return set_sql_error (scope);
  sqlite3_bind_text (stmt, 1, g->period.from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g->period.to, -1, SQLITE_TRANSIENT);
  if (g->filter.owner != NULL)
    sqlite3_bind_text (stmt, 3, g->filter.owner, -1, SQLITE_TRANSIENT);
  if (g->filter.source != NULL)
    sqlite3_bind_text (stmt, 4, g->filter.source, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *customers = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW ? TRUE : set_sql_error (scope);
}

static int
month_number (const char *day)
{
  return atoi (day) * 12 + atoi (day + 5) - 1;
}

/**
 * _sales_kpi_scope_months:
 * @scope: a scope
 * @group: a group index
 *
 * Returns: (transfer full): one SalesKpiMonth per calendar month that
 *   overlaps the group's period, each summing the days of the month that
 *   lie in the period
 */
GArray *
_sales_kpi_scope_months (SalesKpiScope *scope,
                         guint          group)
{
  const SalesKpiGroup_ *g = _sales_kpi_scope_get_group (scope, group);
  GArray *months = g_array_new (FALSE, TRUE, sizeof (SalesKpiMonth));
  int first = month_number (g->period.from);
  GDate from, to;

  sales_period_get_dates (&g->period, &from, &to);
  g_date_subtract_days (&to, 1);
  g_array_set_size (months, (guint)(g_date_get_year (&to) * 12 +
                                    g_date_get_month (&to) - 1 - first + 1));

  ensure_rows (scope);
  for (guint i = 0; i < scope->rows->len; i++)
    {
      const DayRow *row = &g_array_index (scope->rows, DayRow, i);
      SalesKpiMonth *month;

      if (strcmp (row->day, g->period.from) < 0 ||
          strcmp (row->day, g->period.to) >= 0 ||
          !row_has_key (scope, row, g))
        continue;

      month = &g_array_index (months, SalesKpiMonth,
                              month_number (row->day) - first);
      month->actual_cents += row->sums.won_cents;
      month->forecast_cents += row->sums.forecast_cents;
      month->forecasts += row->sums.forecasts;
    }

  return months;
}
