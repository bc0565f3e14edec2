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

/* Every row of @path (sheet @sheet), or NULL with @error set. */
GPtrArray *reader_test_read_all    (const char   *path,
                                    const char   *sheet,
                                    GError      **error);
/* Every row of an open reader. */
GPtrArray *reader_test_drain       (SalesReader  *reader,
                                    GError      **error);
/* Writes @length bytes (-1: a string) to @name inside @dir. */
char      *reader_test_write       (const char   *dir,
                                    const char   *name,
                                    const char   *contents,
                                    gssize        length);
/* Asserts row @index is at @line and holds the NULL-terminated cells. */
void       reader_test_assert_row  (GPtrArray    *rows,
                                    guint         index,
                                    guint64       line,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
