/* sales-importer.h: one file into one table, as one transaction
 *
 * Typical use: new, then the options (table, sheet, overrides,
 * constants), then prepare() to read a sample and guess the mapping
 * (the wizard shows and edits get_mapping()), then run() or run_async(),
 * possibly as a dry run first. Results are read from the importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sales-import-writer.h"
#include "sales-mapper.h"
#include "sales-sniffer.h"
#include "sales-workspace.h"

G_BEGIN_DECLS

#define SALES_TYPE_IMPORTER (sales_importer_get_type ())

G_DECLARE_FINAL_TYPE (SalesImporter, sales_importer, SALES, IMPORTER, GObject)

/* @fraction runs from 0 to 1 over the file. An import whose whole-column
 * date order turns out different from its sample's goes over the file a
 * second time, and @fraction starts again from 0. Once every row is
 * stored, @fraction is SALES_IMPORT_PROGRESS_FINISHING while the indexes
 * are built and the import is saved (a good part of a large import,
 * with no fraction to give), then 1 when the import is done.
 */
#define SALES_IMPORT_PROGRESS_FINISHING (-1.0)

typedef void (*SalesImportProgressFunc) (double   fraction,
                                         gpointer user_data);

SalesImporter   *sales_importer_new              (SalesWorkspace *workspace,
                                                  const char     *path);

void             sales_importer_set_table        (SalesImporter  *self,
                                                  const char     *table);
void             sales_importer_set_sheet        (SalesImporter  *self,
                                                  const char     *sheet);
void             sales_importer_add_override     (SalesImporter  *self,
                                                  const char     *spec);
void             sales_importer_add_constant     (SalesImporter  *self,
                                                  const char     *spec);
void             sales_importer_set_dry_run      (SalesImporter  *self,
                                                  gboolean        dry_run);
void             sales_importer_set_exclusive    (SalesImporter  *self,
                                                  gboolean        exclusive);
void             sales_importer_set_remember_mapping (SalesImporter *self,
                                                  gboolean        remember);
void             sales_importer_set_sniff_rows   (SalesImporter  *self,
                                                  guint64         rows);
void             sales_importer_set_progress_func (SalesImporter *self,
                                                  SalesImportProgressFunc func,
                                                  gpointer        user_data,
                                                  GDestroyNotify  destroy);

gboolean         sales_importer_prepare          (SalesImporter  *self,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
SalesMapping    *sales_importer_get_mapping      (SalesImporter  *self);
SalesSniffer    *sales_importer_get_sniffer      (SalesImporter  *self);

gboolean         sales_importer_run              (SalesImporter  *self,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
void             sales_importer_run_async        (SalesImporter  *self,
                                                  GCancellable   *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer        user_data);
gboolean         sales_importer_run_finish       (SalesImporter  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);

gint64           sales_importer_get_import_id    (SalesImporter  *self);
const char      *sales_importer_get_table        (SalesImporter  *self);
const SalesImportCounts *
                 sales_importer_get_counts       (SalesImporter  *self);
const GPtrArray *sales_importer_get_rejects      (SalesImporter  *self);
gboolean         sales_importer_get_redone       (SalesImporter  *self);
char            *sales_importer_dup_date_explanation (SalesImporter *self,
                                                  guint           column);

/* How to read the file when detection got it wrong. */
void             sales_importer_set_encoding     (SalesImporter  *self,
                                                  const char     *encoding);
void             sales_importer_set_delimiter    (SalesImporter  *self,
                                                  char            delimiter);
void             sales_importer_set_header_row   (SalesImporter  *self,
                                                  int             row);
void             sales_importer_set_date_order   (SalesImporter  *self,
                                                  guint           column,
                                                  SalesDateOrder  order);

gboolean         sales_import_revert             (SalesWorkspace *workspace,
                                                  gint64          import_id,
                                                  GError        **error);

G_END_DECLS
