/* sales-demo.h: a deterministic demo workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sales-workspace.h"

G_BEGIN_DECLS

/* The demo covers the two calendar years 2024 and 2025, whatever today
 * is, so that numbers, tests and screenshots never move.
 */
#define SALES_DEMO_FIRST_DAY "2024-01-01"
#define SALES_DEMO_END_DAY   "2026-01-01"

gboolean sales_demo_fill (SalesWorkspace  *workspace,
                          guint64          seed,
                          guint            scale,
                          GError         **error);

G_END_DECLS
