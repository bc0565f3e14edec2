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
#define SALES_SCHEMA_VERSION 4

/* A write marks the KPI roll-up's days it touched, directly and through
 * the leads and customers it refers to (src/kpi/sales-kpi-dirty.c). Past
 * this many marked leads and customers, or this many days once those are
 * followed, the next evaluation rebuilds the whole roll-up instead: a
 * day costs a few thousand index lookups, a rebuild reads each table once
 * (about a hundred days' worth of lookups on a 2-core machine).
 */
#define SALES_KPI_MAX_DIRTY_KEYS 2000
#define SALES_KPI_MAX_DIRTY_DAYS 60

/* PRAGMA application_id of every workspace: "SlOp" in ASCII. A SQLite file
 * with another id is refused as foreign (SALES_ERROR_NOT_WORKSPACE).
 */
#define SALES_APPLICATION_ID 0x536c4f70

/* The page size of a new workspace. A large import is mostly b-tree
 * work per page (balancing, the index sorts' merges, the WAL's frames):
 * 16 KiB pages make a million-row load about a fifth faster than
 * SQLite's default 4 KiB (8 KiB: a tenth), and a full scan of a table
 * about a third faster. Lookups of a few rows read more bytes: the KPI
 * update after a one-row edit of a million-row workspace went from 0.66
 * to 0.75 s. Older workspaces keep the size they were made with.
 */
#define SALES_WORKSPACE_PAGE_SIZE 16384

/* The largest undo group: the most rows a table view deletes at once.
 * Deleting, undoing and redoing are each a statement or two whatever the
 * count, but they run in the GUI thread and cost about 0.7 s per 20,000
 * rows of a million-row table (its indexes and the journal's snapshots),
 * so a larger selection is refused with a message asking to narrow it.
 */
#define SALES_MAX_UNDO_GROUP 20000

/* How many workspaces the Open Recent menu lists. Older entries drop off
 * the end of the list kept in GSettings.
 */
#define SALES_MAX_RECENT_WORKSPACES 10

/* The largest `salesops-cli demo --scale`. Scale 1 is about 2,000 leads
 * and 2,000 opportunities; 500 gives the million-row benchmark workspace.
 * The cap keeps a typo from filling a disk (scale 5000 is about 10 GB).
 */
#define SALES_DEMO_MAX_SCALE 5000

/* The longest cell an import reads, in bytes of UTF-8. Far above any real
 * CRM field (a 10 MB note still reads), low enough that a runaway quote in
 * a CSV or a hostile workbook cannot exhaust memory: past it the reader
 * stops with SALES_ERROR_LIMIT naming the file and line.
 */
#define SALES_MAX_CELL_BYTES (32u * 1024 * 1024)

/* The most bytes of a workbook part (XLSX, ODS) the XML parser may hold
 * unparsed while it waits for the end of one tag. Text between tags
 * streams through in blocks, but a tag is parsed whole, and an ODS cell
 * can carry its text in an attribute (office:string-value): this leaves
 * room for a cell at SALES_MAX_CELL_BYTES even with most of its
 * characters escaped (an "&quot;" is six bytes for one). libxml2's own
 * 10 MB bound on a tag is lifted (XML_PARSE_HUGE) for this one; a longer
 * tag is refused with SALES_ERROR_LIMIT.
 */
#define SALES_MAX_XML_TAG_BYTES (4u * SALES_MAX_CELL_BYTES)

/* The most cells one row may hold. Excel's own column limit; a row with
 * more is refused with SALES_ERROR_LIMIT rather than held in memory.
 */
#define SALES_MAX_ROW_CELLS 16384

/* The longest row, in bytes of UTF-8 over all its cells, for the same
 * reason as SALES_MAX_CELL_BYTES.
 */
#define SALES_MAX_ROW_BYTES (64u * 1024 * 1024)

/* The decompressed size of one part (XML file) of an XLSX or ODS zip. A
 * full 1,048,576-row sheet of eight columns is about 250 MB; a part that
 * says it is larger is a zip bomb and is refused (SALES_ERROR_LIMIT)
 * before a byte of it is inflated.
 */
#define SALES_MAX_ZIP_PART_BYTES (1024u * 1024 * 1024)

/* The most cells a sheet may hold, counting the empty cells that gaps and
 * ODS repeats stand for. Excel's 1,048,576 rows of 64 columns; past it the
 * reader stops with SALES_ERROR_LIMIT instead of running for minutes.
 */
#define SALES_MAX_SHEET_CELLS (64u * 1024 * 1024)

/* The shared-string table of an XLSX is the only thing a reader holds in
 * memory: at most this many strings of at most this many bytes in all.
 */
#define SALES_MAX_SHARED_STRINGS (16u * 1024 * 1024)
#define SALES_MAX_SHARED_STRING_BYTES (512u * 1024 * 1024)

/* The most merged ranges of a sheet that are honoured. Each is a few bytes;
 * a sheet with more is refused with SALES_ERROR_LIMIT.
 */
#define SALES_MAX_MERGED_RANGES 100000

/* A JSON file is parsed whole by json-glib, whose tree takes several
 * times the file's size, so the file is bounded; past it the reader
 * refuses it with SALES_ERROR_LIMIT and suggests a CSV export.
 */
#define SALES_MAX_JSON_BYTES (128u * 1024 * 1024)

/* The most sheets listed for one workbook. */
#define SALES_MAX_SHEETS 4096

/* How many leading rows the sniffer keeps to find the header row among
 * the lines above it. Report exports put a block there: Salesforce's
 * formatted report export writes the report name, one line per filter
 * (up to 20 field filters, the filter logic and the standard filters:
 * scope, date field, range), a generated-by line and blank lines, about
 * 30 rows at most; hand-made sheets add a title, notes and a totals
 * block. 50 covers these with room to spare. A header further down is
 * not found: the file is then read without a header and its columns
 * named "Column N" (--header-row and the wizard pick one within this
 * depth). The rows are held in memory until the header is decided, and
 * finding it costs one look at each row, so the depth costs little.
 */
#define SALES_SNIFF_HEADER_ROWS 50

/* The most bytes of text those leading rows may hold: title and filter
 * lines are short, so past this (a long note in the first data rows)
 * the header is decided from the rows already seen instead of holding
 * up to SALES_SNIFF_HEADER_ROWS rows of SALES_MAX_ROW_BYTES each.
 */
#define SALES_SNIFF_HEADER_BYTES (1024u * 1024)

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

/* The page cache of an import's connection, in KiB. An import that
 * updates rows all over a large table dirties pages faster than it can
 * keep them, and each page pushed out is written to the WAL again when
 * it is dirtied again: a million changed rows took 30 s with 8 MB and
 * 25 s with 16 MB. The cache is most of an import's memory; index builds
 * use a smaller one (src/import/sales-import-writer.c).
 */
#define SALES_IMPORT_CACHE_KIB 16384

/* An import that has written this many rows stops recording, row by row,
 * which KPI roll-up days it touched (src/import/sales-import-writer.c)
 * and marks the roll-up for a rebuild: past SALES_KPI_MAX_DIRTY_KEYS the
 * next evaluation would rebuild it anyway.
 */
#define SALES_IMPORT_TRIGGER_MAX_ROWS SALES_KPI_MAX_DIRTY_KEYS
