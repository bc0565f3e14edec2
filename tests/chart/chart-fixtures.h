/* chart-fixtures.h: fixed charts of every kind, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;                 /* "line", used in file names */
  SalesChart *(*build) (void);
} ChartFixture;

const ChartFixture *chart_fixtures_get (guint *n_fixtures);
SalesChart         *chart_fixture_build (const char *name);

/* Poppler's tools, when installed: %NULL when @tool is missing. */
char               *chart_test_run_tool (const char *tool,
                                         const char *path);
int                 chart_test_pdf_pages (const char *pdfinfo_output);

G_END_DECLS
