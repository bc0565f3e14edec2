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
#define SALES_SCHEMA_VERSION 1

/* PRAGMA application_id of every workspace: "SlOp" in ASCII. A SQLite file
 * with another id is refused as foreign (SALES_ERROR_NOT_WORKSPACE).
 */
#define SALES_APPLICATION_ID 0x536c4f70

/* The largest undo group: deleting more rows than this at once is still
 * journaled, but in several groups, so that one undo never rewrites an
 * unbounded number of rows inside the GUI thread.
 */
#define SALES_MAX_UNDO_GROUP 100000

/* How many leading rows the sniffer keeps to find the header row among
 * title lines. A header further down is not found: the file is then read
 * without a header and its columns named "Column N".
 */
#define SALES_SNIFF_HEADER_ROWS 10

/* How many rows the importer sniffs before it starts converting. Types
 * and a provisional date order and decimal mark come from these rows; the
 * final order and mark come from every row of the column, gathered while
 * converting, and the import is redone once in the rare case that they
 * differ from the provisional ones. A larger sample costs a longer first
 * pass on every import.
 */
#define SALES_IMPORT_SNIFF_ROWS 2000

/* The most digits a number or amount may have. Longer runs of digits are
 * not numbers (an IBAN, a phone number) and are refused as such.
 */
#define SALES_NUMBER_MAX_DIGITS 40

/* How many rejected rows an import keeps in memory for its summary (the
 * CLI's dry run, the wizard's review page). Every rejected row is still
 * counted, and a real import writes all of them to import_rejects.
 */
#define SALES_IMPORT_MAX_REPORTED_REJECTS 1000

/* An import into a table with fewer rows than this drops the table's
 * secondary indexes and builds them again after loading, inside the same
 * transaction: loading with indexes in place is several times slower,
 * while rebuilding them costs a sort of the whole table.
 */
#define SALES_IMPORT_REINDEX_MAX_ROWS 10000
