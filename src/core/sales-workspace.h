/* sales-workspace.h: one .salesops file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SALES_TYPE_WORKSPACE (sales_workspace_get_type ())

G_DECLARE_FINAL_TYPE (SalesWorkspace, sales_workspace, SALES, WORKSPACE, GObject)

SalesWorkspace *sales_workspace_create          (const char      *path,
                                                 GError         **error);
SalesWorkspace *sales_workspace_open            (const char      *path,
                                                 GError         **error);
void            sales_workspace_open_async      (const char      *path,
                                                 GCancellable    *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer         user_data);
SalesWorkspace *sales_workspace_open_finish     (GAsyncResult    *result,
                                                 GError         **error);
void            sales_workspace_close           (SalesWorkspace  *self);
gboolean        sales_workspace_is_open         (SalesWorkspace  *self);

const char     *sales_workspace_get_path        (SalesWorkspace  *self);
char           *sales_workspace_dup_title       (SalesWorkspace  *self);
sqlite3        *sales_workspace_get_db          (SalesWorkspace  *self);
sqlite3        *sales_workspace_open_connection (SalesWorkspace  *self,
                                                 gboolean         read_only,
                                                 GError         **error);

gboolean        sales_workspace_exec            (SalesWorkspace  *self,
                                                 const char      *sql,
                                                 GError         **error);
gboolean        sales_workspace_begin           (SalesWorkspace  *self,
                                                 GError         **error);
gboolean        sales_workspace_commit          (SalesWorkspace  *self,
                                                 GError         **error);
void            sales_workspace_rollback        (SalesWorkspace  *self);

void            sales_workspace_emit_changed    (SalesWorkspace  *self,
                                                 const char      *table);
gboolean        sales_workspace_check_external_change
                                                (SalesWorkspace  *self);

/* Helpers for the layers above: errors in the SalesOps domain. */
gboolean        sales_sqlite_set_error          (GError         **error,
                                                 sqlite3         *db,
                                                 const char      *path,
                                                 int              rc);
gboolean        sales_sqlite_configure          (sqlite3         *db,
                                                 const char      *path,
                                                 GError         **error);
gint64          sales_sqlite_query_int          (sqlite3         *db,
                                                 const char      *sql,
                                                 gint64           otherwise);

/* Records: values are GVariants of type "s" (text and dates), "x" (money
 * in minor units), "d" (numbers) or %NULL for an empty value.
 */
gint64          sales_workspace_insert_row      (SalesWorkspace  *self,
                                                 const char      *table,
                                                 GVariant        *row,
                                                 GError         **error);
gboolean        sales_workspace_update_field    (SalesWorkspace  *self,
                                                 const char      *table,
                                                 gint64           id,
                                                 const char      *column,
                                                 GVariant        *value,
                                                 GError         **error);
gboolean        sales_workspace_delete_rows     (SalesWorkspace  *self,
                                                 const char      *table,
                                                 const gint64    *ids,
                                                 guint            n_ids,
                                                 GError         **error);
GVariant       *sales_workspace_get_row         (SalesWorkspace  *self,
                                                 const char      *table,
                                                 gint64           id,
                                                 GError         **error);
gint64          sales_workspace_count_rows      (SalesWorkspace  *self,
                                                 const char      *table,
                                                 GError         **error);
gboolean        sales_workspace_validate_value  (const char      *table,
                                                 const char      *column,
                                                 GVariant        *value,
                                                 GError         **error);

/* The undo journal, kept in the file so it survives a restart. */
gboolean        sales_workspace_can_undo        (SalesWorkspace  *self);
gboolean        sales_workspace_can_redo        (SalesWorkspace  *self);
gboolean        sales_workspace_undo            (SalesWorkspace  *self,
                                                 GError         **error);
gboolean        sales_workspace_redo            (SalesWorkspace  *self,
                                                 GError         **error);

/* Settings, stored as text in the workspace. */
char           *sales_workspace_get_setting     (SalesWorkspace  *self,
                                                 const char      *key);
gboolean        sales_workspace_set_setting     (SalesWorkspace  *self,
                                                 const char      *key,
                                                 const char      *value,
                                                 GError         **error);
char           *sales_workspace_dup_currency    (SalesWorkspace  *self);
guint           sales_workspace_get_fiscal_year_start
                                                (SalesWorkspace  *self);
double          sales_workspace_get_gross_margin
                                                (SalesWorkspace  *self);
char           *sales_workspace_dup_kpi_variant (SalesWorkspace  *self,
                                                 const char      *kpi_id);

G_END_DECLS
