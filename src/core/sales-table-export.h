/* sales-table-export.h: write a record table as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_EXPORT_CSV,
  SALES_EXPORT_JSON,
} SalesExportFormat;

gboolean sales_export_format_from_path (const char         *path,
                                        SalesExportFormat  *format);

gboolean sales_table_export_to_stream  (SalesWorkspace     *workspace,
                                        const char         *table,
                                        const char         *where,
                                        SalesExportFormat   format,
                                        GOutputStream      *out,
                                        GCancellable       *cancellable,
                                        GError            **error);

gboolean sales_table_export_to_file    (SalesWorkspace     *workspace,
                                        const char         *table,
                                        const char         *where,
                                        const char         *path,
                                        GCancellable       *cancellable,
                                        GError            **error);

gboolean sales_table_export_db_to_file (sqlite3            *db,
                                        const char         *table,
                                        const char         *where,
                                        const char         *path,
                                        gsize              *rows_written,
                                        GCancellable       *cancellable,
                                        GError            **error);

char    *sales_money_to_text           (gint64              minor_units);

G_END_DECLS
