/* sales-workspace-private.h: shared by the sales-workspace-*.c files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-workspace.h"

G_BEGIN_DECLS

/* Journal rows written inside the caller's transaction. */
gint64   _sales_journal_next_group   (sqlite3     *db);
gboolean _sales_journal_add          (sqlite3     *db,
                                      gint64       group_id,
                                      const char  *table,
                                      gint64       row_id,
                                      const char  *action,
                                      const char  *column,
                                      GVariant    *old_value,
                                      GVariant    *new_value,
                                      const char  *row_json,
                                      GError     **error);
gboolean _sales_journal_forget_redo  (sqlite3     *db,
                                      GError     **error);

/* Row snapshots as JSON objects, for undoing inserts and deletes. */
char    *_sales_row_to_json          (sqlite3     *db,
                                      const char  *table,
                                      gint64       id,
                                      GError     **error);
gboolean _sales_row_from_json        (sqlite3     *db,
                                      const char  *table,
                                      const char  *json,
                                      GError     **error);
gboolean _sales_rows_restore_group   (sqlite3     *db,
                                     const char  *table,
                                     gint64       group,
                                     GError     **error);
gboolean _sales_rows_take_out_group  (sqlite3     *db,
                                     const char  *table,
                                     gint64       group,
                                     GError     **error);
gboolean _sales_delete_row           (sqlite3     *db,
                                      const char  *table,
                                      gint64       id,
                                      GError     **error);

/* GVariant <-> SQLite values. */
int      _sales_bind_variant         (sqlite3_stmt *stmt,
                                      int           index,
                                      GVariant     *value);
GVariant *_sales_column_variant      (sqlite3_stmt *stmt,
                                      int           index);

G_END_DECLS
