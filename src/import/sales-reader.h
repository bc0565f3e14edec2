/* sales-reader.h: a file read as a stream of rows of text cells
 *
 * Every reader (CSV/TSV, XLSX/XLSM, ODS, JSON) yields rows of UTF-8 text
 * cells with the place each row came from, one row at a time, so memory
 * stays flat whatever the file size. The sniffer, mapper and writer work
 * on these rows only and never see the file format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One row. The reader owns it and reuses it on the next call. */
typedef struct
{
  guint     n_cells;
  char    **cells;      /* UTF-8, never NULL; "" for an empty cell */
  guint64   line;       /* 1-based line where the row starts (CSV, JSON:
                           the object's line), or the sheet row number */
} SalesRow;

/* A sheet of a workbook, as the file lists it. */
typedef struct
{
  char     *name;
  gboolean  hidden;
} SalesSheetInfo;

#define SALES_TYPE_READER (sales_reader_get_type ())

G_DECLARE_DERIVABLE_TYPE (SalesReader, sales_reader, SALES, READER, GObject)

struct _SalesReaderClass
{
  GObjectClass parent_class;

  /* Returns TRUE and fills @row, or FALSE at the end (no error) or on
   * error (@error set, naming the file and where).
   */
  gboolean     (*next_row) (SalesReader  *self,
                            SalesRow    **row,
                            GError      **error);
  /* Goes back to the first row, for a second pass after sniffing. */
  gboolean     (*rewind)   (SalesReader  *self,
                            GError      **error);
};

/* Opens @path with the reader its content (and then its extension)
 * calls for. @sheet chooses a sheet of a workbook by name or by 0-based
 * index ("0", "2"); %NULL is the first visible sheet. Errors name the
 * file: %SALES_ERROR_PARSE for unreadable content, %SALES_ERROR_LIMIT for
 * hostile sizes, %SALES_ERROR_NOT_FOUND for an unknown sheet.
 */
SalesReader *sales_reader_open          (const char   *path,
                                         const char   *sheet,
                                         GCancellable *cancellable,
                                         GError      **error);

/* How to read a text file when the user knows better than detection;
 * workbooks and JSON ignore it.
 */
typedef struct
{
  const char *encoding;   /* NULL detects; see sales_text_encoding_from_name() */
  char        delimiter;  /* 0 detects; ',', ';', '\t' or '|' */
} SalesReadOptions;

/* As sales_reader_open(), with @options (nullable) overriding detection;
 * %SALES_ERROR_INVALID for an unknown encoding or delimiter.
 */
SalesReader *sales_reader_open_with_options (const char             *path,
                                             const char             *sheet,
                                             const SalesReadOptions *options,
                                             GCancellable           *cancellable,
                                             GError                **error);

/* The text of @column in @row, "" when the row is shorter or @column is
 * negative.
 */
const char  *sales_row_get_cell         (const SalesRow *row,
                                         int           column);

gboolean     sales_reader_next_row      (SalesReader  *self,
                                         SalesRow    **row,
                                         GError      **error);
gboolean     sales_reader_rewind        (SalesReader  *self,
                                         GError      **error);

const char  *sales_reader_get_path      (SalesReader  *self);
/* "csv", "xlsx", "ods" or "json". */
const char  *sales_reader_get_format    (SalesReader  *self);
/* "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252"; NULL for workbooks. */
const char  *sales_reader_get_encoding  (SalesReader  *self);
/* ',', ';', '\t' or '|' for CSV; 0 otherwise. */
char         sales_reader_get_delimiter (SalesReader  *self);
/* The sheets of a workbook (empty for CSV and JSON), and the chosen one. */
const GPtrArray *sales_reader_get_sheets (SalesReader *self);
const char  *sales_reader_get_sheet     (SalesReader  *self);
/* Bytes read so far and the file size, for progress. */
guint64      sales_reader_get_position  (SalesReader  *self);
guint64      sales_reader_get_size      (SalesReader  *self);

G_END_DECLS
