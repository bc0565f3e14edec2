/* sales-limits.h: every hard limit of SalesOps in one place
 *
 * Each limit says what it bounds, why, and what happens past it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* How long a connection waits on a lock held by another window or process
 * before giving up with SALES_ERROR_SQL. Long enough to outlast an import's
 * final commit, short enough that a stuck writer is reported.
 */
#define SALES_BUSY_TIMEOUT_MS 10000

/* The schema version this build writes. A workspace with a higher
 * user_version is refused (SALES_ERROR_TOO_NEW) and left untouched.
 */
#define SALES_SCHEMA_VERSION 2

/* PRAGMA application_id of every workspace: "SlOp" in ASCII. A SQLite file
 * with another id is refused as foreign (SALES_ERROR_NOT_WORKSPACE).
 */
#define SALES_APPLICATION_ID 0x536c4f70

/* The largest undo group: deleting more rows than this at once is still
 * journaled, but in several groups, so that one undo never rewrites an
 * unbounded number of rows inside the GUI thread.
 */
#define SALES_MAX_UNDO_GROUP 100000

/* The largest `salesops-cli demo --scale`. Scale 1 is about 2,000 leads
 * and 2,000 opportunities; 500 gives the million-row benchmark workspace.
 * The cap keeps a typo from filling a disk (scale 5000 is about 10 GB).
 */
#define SALES_DEMO_MAX_SCALE 5000
