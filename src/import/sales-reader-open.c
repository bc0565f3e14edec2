/* sales-reader-open.c: choosing the reader a file calls for
 *
 * The format is decided by the content first (a zip is a workbook, an OLE
 * file is an old .xls, a document starting with '[' or '{' is JSON) and
 * by the extension only when the content does not settle it, since CRM
 * exports are often named .csv whatever they hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-reader"
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sales-csv-reader.h"
#include "sales-error.h"
#include "sales-json-reader.h"
#include "sales-ods-reader.h"
#include "sales-xlsx-reader.h"

/* How much of the file the format is guessed from. */
#define SNIFF_BYTES 512

/* What the first bytes of a file say it is, or NULL when they say
 * nothing (then the extension decides).
 */
static const char *
format_from_content (const char *head,
                     gsize       length)
{
  static const char ods_mime[] = "application/vnd.oasis.opendocument."
                                 "spreadsheet";
  gsize i = 0;

  if (length >= 4 && memcmp (head, "PK\003\004", 4) == 0)
    {
      /* An ODS zip stores its MIME type uncompressed as the first entry;
       * a zip without says no more than "a workbook".
       */
      if (memmem (head, MIN (length, 128), ods_mime,
                  sizeof ods_mime - 1) != NULL)
        return "ods";
      return "zip";
    }
  if (length >= 4 && memcmp (head, "\320\317\021\340", 4) == 0)
    return "xls";

  if (length >= 3 && memcmp (head, "\357\273\277", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (head[i]))
    i++;
  if (i < length && (head[i] == '[' || head[i] == '{'))
    return "json";

  return NULL;
}

/* Extensions that say "delimited text" firmly enough to overrule a
 * first character of '[' or '{'.
 */
static gboolean
has_text_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
         g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".tab");
}

static const char *
format_from_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm"))
    return "xlsx";
  if (g_str_has_suffix (lower, ".ods"))
    return "ods";
  if (g_str_has_suffix (lower, ".json"))
    return "json";
  return "csv";
}

static gboolean
read_head (const char  *path,
           char        *head,
           gsize       *length,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SALES_ERROR, SALES_ERROR_IO,
                   _("Cannot open %s: %s"), path, g_strerror (saved));
      return FALSE;
    }

  do
    n = read (fd, head, SNIFF_BYTES);
  while (n < 0 && errno == EINTR);
  close (fd);

  if (n < 0)
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_IO,
                   _("Cannot read %s: %s"), path, g_strerror (errno));
      return FALSE;
    }

  *length = n;
  return TRUE;
}

/**
 * sales_reader_open:
 * @path: the file to read
 * @sheet: (nullable): a sheet name or 0-based index, for workbooks
 * @cancellable: (nullable): checked between blocks of rows
 * @error: return location for a #GError
 *
 * Opens @path with the reader its content, then its extension, calls
 * for. A file whose extension says workbook or JSON but whose content is
 * text is read as CSV only when the extension does not insist.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set (%SALES_ERROR_IO, %SALES_ERROR_PARSE, %SALES_ERROR_LIMIT,
 *   %SALES_ERROR_NOT_FOUND), the message naming the file
 */
SalesReader *
sales_reader_open (const char    *path,
                   const char    *sheet,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return sales_reader_open_with_options (path, sheet, NULL, cancellable,
                                         error);
}

/**
 * sales_reader_open_with_options:
 * @path: a file to import
 * @sheet: (nullable): as for sales_reader_open()
 * @options: (nullable): the encoding and delimiter of a text file, when
 *   the user chose them
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the reader, as sales_reader_open()
 */
SalesReader *
sales_reader_open_with_options (const char             *path,
                                const char             *sheet,
                                const SalesReadOptions *options,
                                GCancellable           *cancellable,
                                GError                **error)
{
  char head[SNIFF_BYTES];
  gsize length = 0;
  const char *format;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_head (path, head, &length, error))
    return NULL;

  format = format_from_content (head, length);
  if (format == NULL)
    format = format_from_extension (path);
  else if (g_str_equal (format, "json") && has_text_extension (path))
    format = "csv";
  else if (g_str_equal (format, "zip"))
    format = g_str_equal (format_from_extension (path), "ods") ? "ods"
                                                               : "xlsx";
  g_debug ("%s read as %s", path, format);

  if (g_str_equal (format, "xls"))
    {
      g_set_error (error, SALES_ERROR, SALES_ERROR_PARSE,
                   _("%s is an old Excel 97-2003 workbook: save it as .xlsx "
                     "or .csv and import that"), path);
      return NULL;
    }
  if (g_str_equal (format, "xlsx"))
    return sales_xlsx_reader_new (path, sheet, cancellable, error);
  if (g_str_equal (format, "ods"))
    return sales_ods_reader_new (path, sheet, cancellable, error);
  if (g_str_equal (format, "json"))
    return sales_json_reader_new (path, cancellable, error);

  if (options != NULL)
    return sales_csv_reader_new_with_options (path, options->encoding,
                                              options->delimiter, cancellable,
                                              error);
  return sales_csv_reader_new (path, cancellable, error);
}
