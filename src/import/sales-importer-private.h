/* sales-importer-private.h: SalesImporter's insides, for the files it is
 * split into (sales-importer.c, sales-importer-options.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-column-evidence.h"
#include "sales-import-choices.h"
#include "sales-import-connection.h"
#include "sales-importer.h"

G_BEGIN_DECLS

struct _SalesImporter
{
  GObject                  parent_instance;

  SalesWorkspace          *workspace;
  char                    *path;
  char                    *table;
  char                    *sheet;
  GPtrArray               *overrides;
  GPtrArray               *constants;
  gboolean                 dry_run;
  gboolean                 remember;
  guint64                  sniff_rows;
  SalesImportChoices      *choices;

  SalesImportProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;
  GMainContext            *progress_context;  /* set while run_async runs */
  double                   pending_fraction;
  gint                     progress_queued;

  gboolean                 exclusive;
  SalesImportConnection    connection;
  SalesReader             *reader;
  SalesSniffer            *sniffer;
  SalesMapping            *mapping;
  guint                    n_columns;
  SalesColumnEvidence     *evidence;

  gint64                   import_id;
  SalesImportCounts        counts;
  GPtrArray               *rejects;
  gboolean                 redone;
};

G_END_DECLS
