/* reader-test.h: helpers the reader tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-reader.h"

G_BEGIN_DECLS

/* One row copied out of a reader. */
typedef struct
{
  guint64  line;
  GStrv    cells;
} TestRow;

/* A temporary folder, and in it @path: a file named by the test data
 * (g_test_add's), or "in" when there is none.
 */
typedef struct
{
  char *dir;
  char *path;
} ReaderFixture;

void       reader_fixture_setup    (ReaderFixture *fixture,
                                    gconstpointer  file_name);
void       reader_fixture_teardown (ReaderFixture *fixture,
                                    gconstpointer  file_name);

/* The path of @relative under ../shared/testdata, or %NULL (the test is
 * then marked skipped) when there is no such folder.
 */
char      *reader_test_shared_file (const char   *relative);

/* Every row of @path (sheet @sheet), asserting it reads without error. */
GPtrArray *reader_test_read_ok     (const char   *path,
                                    const char   *sheet);
/* Every row of @path (sheet @sheet), or NULL with @error set. */
GPtrArray *reader_test_read_all    (const char   *path,
                                    const char   *sheet,
                                    GError      **error);
/* Every row of an open reader. */
GPtrArray *reader_test_drain       (SalesReader  *reader,
                                    GError      **error);
/* Asserts both hold the same cells row by row (not line by line),
 * trailing empty cells aside (workbook rows have none).
 */
void       reader_test_assert_same_rows (GPtrArray *a,
                                         GPtrArray *b);
/* TRUE for a row of formula_stress_test whose label names a volatile
 * function (RAND, NOW, INFO...), which every program that saved the file
 * computed anew, or one that depends on the platform's character set
 * (CHAR, CODE: Mac Excel and LibreOffice disagree), so its values differ
 * between copies of the workbook.
 */
gboolean   reader_test_volatile_row (TestRow *row);
/* Writes @length bytes (-1: a string) to @name inside @dir. */
char      *reader_test_write       (const char   *dir,
                                    const char   *name,
                                    const char   *contents,
                                    gssize        length);
/* @length bytes of varied text (digits, accents, the XML specials
 * & < > ' ") ending cleanly, for cells too long to spell out.
 */
char      *reader_test_long_text   (gsize         length);
/* Asserts @cell is @expected without printing either (both may be
 * megabytes long).
 */
void       reader_test_assert_long_cell (const char *cell,
                                         const char *expected);
/* Asserts @rows are the long-cell workbook of the reader tests: "id" on
 * line 1, then on line 2 @note twice and "7".
 */
void       reader_test_assert_long_rows (GPtrArray  *rows,
                                         const char *note);
/* Asserts reading @path fails with %SALES_ERROR @code and a message
 * holding each of the %NULL-terminated texts.
 */
void       reader_test_assert_refused (const char *path,
                                       int         code,
                                       ...) G_GNUC_NULL_TERMINATED;
/* Asserts row @index is at @line and holds the NULL-terminated cells. */
void       reader_test_assert_row  (GPtrArray    *rows,
                                    guint         index,
                                    guint64       line,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

G_BEGIN_DECLS

/* Writes a zip of (name, contents) pairs, %NULL-ended; names may hold
 * folders ("xl/worksheets/sheet1.xml"). A %NULL-named pair ends it.
 */
void       reader_test_write_zip   (const char   *path,
                                    const char   *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;
/* Same, from a NULL-terminated array of name, contents, name, ... */
void       reader_test_write_zipv  (const char   *path,
                                    const char  **pairs);

/* Writes a zip of stored (name, contents) @pairs plus @bomb_name: @prefix
 * then 2.1 GB of spaces deflated to about 2 MB, written by hand in
 * milliseconds (one compressed block repeated). The zip declares the
 * true size, or @declared when not 0 (a lying bomb).
 */
void       reader_test_write_zip_bomb (const char  *path,
                                       const char **pairs,
                                       const char  *bomb_name,
                                       const char  *prefix,
                                       guint32      declared);

/* One sheet of a generated workbook: its name, state attribute (or
 * NULL) and the XML inside <worksheet> (sheetData and mergeCells).
 */
typedef struct
{
  const char *name;
  const char *state;
  const char *body;
} TestSheet;

/* Writes a minimal XLSX. @strings is the inside of <sst> (NULL: none),
 * @styles the inside of <styleSheet> (NULL: none).
 */
void       reader_test_write_xlsx  (const char      *path,
                                    const TestSheet *sheets,
                                    guint            n_sheets,
                                    const char      *strings,
                                    const char      *styles,
                                    gboolean         date1904);

G_END_DECLS
