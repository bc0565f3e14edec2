/* salesops-test.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

char       *sales_test_make_tmpdir      (void);
void        sales_test_remove_tree      (const char         *path);
GBytes     *sales_test_read_bytes       (const char         *path);
void        sales_test_write_file       (const char         *path,
                                         const char         *contents,
                                         gssize              length);
const char *sales_test_shared_dir       (void);
char       *sales_test_data_path        (const char         *name);
void        sales_test_skip_without_display (int            argc,
                                             char         **argv);
int         sales_test_run_cli          (const char *const  *args,
                                         char              **out,
                                         char              **err);

/* A fresh folder per test, with @path naming "w.salesops" inside it (not
 * created). Use with g_test_add (..., SalesTestDir, NULL,
 * sales_test_dir_set_up, test, sales_test_dir_tear_down).
 */
typedef struct
{
  char *dir;
  char *path;
} SalesTestDir;

void        sales_test_dir_set_up       (SalesTestDir       *f,
                                         gconstpointer       data);
void        sales_test_dir_tear_down    (SalesTestDir       *f,
                                         gconstpointer       data);

/* Likewise, with a new workspace created at @path and kept open. */
typedef struct
{
  char                  *dir;
  char                  *path;
  SalesWorkspace        *workspace;
} SalesTestWorkspace;

void        sales_test_workspace_set_up    (SalesTestWorkspace *f,
                                            gconstpointer       data);
void        sales_test_workspace_tear_down (SalesTestWorkspace *f,
                                            gconstpointer       data);

/* The first column of the first row of @sql on a read-only connection. */
gint64      sales_test_query_int        (const char         *path,
                                         const char         *sql);

/* 2 when the SQLite file @path is in WAL mode, 1 with a rollback journal. */
int         sales_test_journal_mode     (const char         *path);

/* Asserts that @path still holds exactly @before. */
#define sales_test_assert_unchanged(path, before)                          \
  G_STMT_START {                                                           \
    g_autoptr(GBytes) _after = sales_test_read_bytes (path);               \
    g_assert_true (g_bytes_equal ((before), _after));                      \
  } G_STMT_END

G_END_DECLS
