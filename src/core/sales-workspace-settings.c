/* sales-workspace-settings.c: settings stored in the workspace
 *
 * Settings travel with the file (a colleague who opens it sees the same
 * currency and KPI variants), so they live in the settings table, not in
 * GSettings.
 *
 * Keys: "currency" (ISO 4217 code, default USD), "fiscal_year_start"
 * (month 1-12, default 1), "gross_margin" (percent, default 100),
 * "lifespan_years" (default 3), "variant.KPI_ID" (default "default").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-settings"

#include "config.h"

#include <stdlib.h>

#include "sales-error.h"
#include "sales-workspace-private.h"

/**
 * sales_workspace_get_setting:
 * @self: a workspace
 * @key: a setting name
 *
 * Returns: (transfer full) (nullable): the stored text, or %NULL when the
 *   setting was never set
 */
char *
sales_workspace_get_setting (SalesWorkspace *self,
                             const char     *key)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((db = sales_workspace_get_db (self)) == NULL)
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM settings WHERE key = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return value;
}

/**
 * sales_workspace_set_setting:
 * @self: a workspace
 * @key: a setting name
 * @value: (nullable): the text to store, %NULL to go back to the default
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sales_workspace_set_setting (SalesWorkspace  *self,
                             const char      *key,
                             const char      *value,
                             GError         **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SALES_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  db = sales_workspace_get_db (self);
  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db, value != NULL
    ? "INSERT INTO settings (key, value) VALUES (?1, ?2)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    : "DELETE FROM settings WHERE key = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (value != NULL)
        sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return sales_sqlite_set_error (error, db, sales_workspace_get_path (self),
                                   rc);

  sales_workspace_emit_changed (self, "settings");
  return TRUE;
}

char *
sales_workspace_dup_currency (SalesWorkspace *self)
{
  char *value = sales_workspace_get_setting (self, "currency");

  return value != NULL ? value : g_strdup ("USD");
}

guint
sales_workspace_get_fiscal_year_start (SalesWorkspace *self)
{
  g_autofree char *value = sales_workspace_get_setting (self,
                                                        "fiscal_year_start");
  int month = value != NULL ? atoi (value) : 1;

  return month >= 1 && month <= 12 ? (guint)month : 1;
}

/**
 * sales_workspace_get_gross_margin:
 * @self: a workspace
 *
 * Returns: the gross margin as a fraction (1.0 for the default 100 %)
 */
double
sales_workspace_get_gross_margin (SalesWorkspace *self)
{
  g_autofree char *value = sales_workspace_get_setting (self,
                                                        "gross_margin");
  double percent = value != NULL ? g_ascii_strtod (value, NULL) : 100.0;

  if (!(percent >= 0.0 && percent <= 100.0))
    percent = 100.0;

  return percent / 100.0;
}

/**
 * sales_workspace_dup_kpi_variant:
 * @self: a workspace
 * @kpi_id: a KPI id such as "win_rate"
 *
 * Returns: (transfer full): the selected variant, "default" when none is
 */
char *
sales_workspace_dup_kpi_variant (SalesWorkspace *self,
                                 const char     *kpi_id)
{
  g_autofree char *key = g_strdup_printf ("variant.%s", kpi_id);
  char *value = sales_workspace_get_setting (self, key);

  return value != NULL ? value : g_strdup ("default");
}
