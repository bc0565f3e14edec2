/* importer-test.h: what the importer's tests share
 *
 * Helpers over a SalesTestWorkspace fixture, inline so that each test
 * program takes what it uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-error.h"
#include "sales-importer.h"
#include "sales-kpi.h"
#include "salesops-test.h"

typedef SalesTestWorkspace Fixture;

/* Adds @func as the test @name, run on a fresh workspace. */
#define IMPORT_TEST_ADD(name, func)                                       \
  g_test_add (name, Fixture, NULL, sales_test_workspace_set_up, func,     \
              sales_test_workspace_tear_down)

static inline char *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  sales_test_write_file (path, text, -1);
  return path;
}

static inline char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = sales_workspace_get_db (f->workspace);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static inline gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autofree char *text = query_text (f, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static inline SalesImporter *
import (Fixture     *f,
        const char  *file,
        const char  *table,
        GError     **error)
{
  SalesImporter *importer = sales_importer_new (f->workspace, file);

  sales_importer_set_table (importer, table);
  sales_importer_run (importer, NULL, error);
  return importer;
}

static inline void
assert_counts (SalesImporter *importer,
               guint64        inserted,
               guint64        updated,
               guint64        unchanged,
               guint64        rejected)
{
  const SalesImportCounts *c = sales_importer_get_counts (importer);

  g_assert_cmpuint (c->inserted, ==, inserted);
  g_assert_cmpuint (c->updated, ==, updated);
  g_assert_cmpuint (c->unchanged, ==, unchanged);
  g_assert_cmpuint (c->rejected, ==, rejected);
  g_assert_cmpuint (c->rows_read, ==, inserted + updated + unchanged +
                    rejected);
}

static const char deals_v1[] G_GNUC_UNUSED =
  "Deal ID,Deal Name,Deal owner,Stage,Amount,Create Date,Close Date,Region\n"
  "D1,Alpha,Ann,Closed Won,\"$1,200.50\",2025-01-05,2025-02-01,EU\n"
  "D2,Beta,Bob,Negotiation,300,2025-01-06,,\n"
  "D3,Gamma,Ann,Closed Lost,(20.00),2025-01-07,2025-02-03,US\n"
  "D4,Delta,Cy,Won,lots,2025-01-08,2025-02-04,US\n";

static const char deals_v2[] G_GNUC_UNUSED =
  "Deal ID,Deal Name,Deal owner,Stage,Amount,Create Date,Close Date,Region\n"
  "D1,Alpha,Ann,Closed Won,\"$1,200.50\",2025-01-05,2025-02-01,EU\n"
  "D2,Beta,Bob,Closed Won,350,2025-01-06,2025-03-01,\n"
  "D3,Gamma,Ann,Closed Lost,(20.00),2025-01-07,2025-02-03,US\n"
  "D5,Epsilon,Di,Prospecting,,2025-01-09,,\n";

static inline void
cancel_cb (double   fraction,
           gpointer user_data)
{
  if (fraction > 0.0 && fraction < 1.0)
    g_cancellable_cancel (user_data);
}

/* An import of @path cancelled at its first progress report. */
static inline SalesImporter *
run_cancelled (Fixture    *f,
               const char *path)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SalesImporter *importer = sales_importer_new (f->workspace, path);

  sales_importer_set_progress_func (importer, cancel_cb,
                                    g_object_ref (cancellable),
                                    g_object_unref);
  g_assert_false (sales_importer_run (importer, cancellable, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_CANCELLED);
  return importer;
}

static inline char *
big_deals_csv (Fixture *f,
               guint    n_rows)
{
  g_autoptr(GString) big = g_string_new ("opportunity_id,owner,stage,"
                                         "amount,created_at,close_date\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (big, "B%u,Owner %u,%s,%u,2025-01-%02u,"
                            "2025-03-%02u\n", i, i % 7,
                            i % 3 ? "Closed Won" : "Closed Lost", 100 + i,
                            1 + i % 28, 1 + i % 31);
  return write_csv (f, "big-deals.csv", big->str);
}

/* The roll-up as it is, then as a rebuild makes it: equal. */
static inline void
assert_roll_up_current (Fixture *f)
{
  sqlite3 *db = sales_workspace_get_db (f->workspace);
  const char *dump_sql = "SELECT group_concat (day || owner || won || lost"
                         " || won_cents || created, ';') FROM (SELECT * FROM"
                         " kpi_daily ORDER BY level, day, owner, source)";
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = NULL, *rebuilt = NULL;

  g_assert_true (sales_kpi_refresh (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT stale FROM kpi_state"), ==, 0);
  updated = query_text (f, dump_sql);

  g_assert_true (sales_workspace_exec (f->workspace, "UPDATE kpi_state SET"
                                       " stale = 1", &error));
  g_assert_true (sales_kpi_refresh (db, &error));
  g_assert_no_error (error);
  rebuilt = query_text (f, dump_sql);
  g_assert_nonnull (updated);
  g_assert_cmpstr (updated, ==, rebuilt);
}
