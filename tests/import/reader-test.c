/* reader-test.c: helpers the reader tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gsf/gsf.h>
#include <stdarg.h>
#include <string.h>
#include <zlib.h>

#include "reader-test.h"
#include "sales-error.h"
#include "salesops-test.h"

static void
test_row_free (gpointer data)
{
  TestRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

GPtrArray *
reader_test_drain (SalesReader  *reader,
                   GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (test_row_free);
  SalesRow *row;

  while (sales_reader_next_row (reader, &row, error))
    {
      TestRow *copy = g_new0 (TestRow, 1);

      copy->line = row->line;
      copy->cells = g_new0 (char *, row->n_cells + 1);
      for (guint i = 0; i < row->n_cells; i++)
        {
          g_assert_nonnull (row->cells[i]);
          g_assert_true (g_utf8_validate (row->cells[i], -1, NULL));
          copy->cells[i] = g_strdup (row->cells[i]);
        }
      g_ptr_array_add (rows, copy);
    }

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&rows);
}

void
reader_fixture_setup (ReaderFixture *fixture,
                      gconstpointer  file_name)
{
  fixture->dir = sales_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir,
                                    file_name != NULL ? file_name : "in",
                                    NULL);
}

void
reader_fixture_teardown (ReaderFixture *fixture,
                         gconstpointer  file_name)
{
  sales_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

char *
reader_test_shared_file (const char *relative)
{
  const char *shared = sales_test_shared_dir ();

  if (shared == NULL)
    {
      g_test_skip ("../shared/testdata is absent");
      return NULL;
    }
  return g_build_filename (shared, "testdata", relative, NULL);
}

GPtrArray *
reader_test_read_ok (const char *path,
                     const char *sheet)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = reader_test_read_all (path, sheet, &error);

  g_assert_no_error (error);
  return rows;
}

GPtrArray *
reader_test_read_all (const char  *path,
                      const char  *sheet,
                      GError     **error)
{
  g_autoptr(SalesReader) reader = sales_reader_open (path, sheet, NULL, error);

  if (reader == NULL)
    return NULL;
  return reader_test_drain (reader, error);
}

char *
reader_test_write (const char *dir,
                   const char *name,
                   const char *contents,
                   gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  sales_test_write_file (path, contents, length);
  return path;
}

char *
reader_test_long_text (gsize length)
{
  GString *text = g_string_sized_new (length + 64);
  guint n = 0;

  while (text->len < length)
    g_string_append_printf (text, "note %07u: caf\xc3\xa9 & <b> 'x' \"y\"; ",
                            n++);

  /* Cut back to the last whole piece, then pad with ASCII. */
  while (text->len > length || (text->len > 0 &&
                                text->str[text->len - 1] != ' '))
    g_string_truncate (text, text->len - 1);
  while (text->len < length)
    g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

void
reader_test_assert_long_cell (const char *cell,
                              const char *expected)
{
  gsize length = strlen (expected);
  gsize i = 0;

  g_assert_nonnull (cell);
  g_assert_cmpuint (strlen (cell), ==, length);
  while (i < length && cell[i] == expected[i])
    i++;
  /* The offset of the first difference, if any. */
  g_assert_cmpuint (i, ==, length);
}

void
reader_test_assert_long_rows (GPtrArray  *rows,
                              const char *note)
{
  TestRow *row;

  g_assert_cmpuint (rows->len, ==, 2);
  reader_test_assert_row (rows, 0, 1, "id", NULL);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpuint (g_strv_length (row->cells), ==, 3);
  reader_test_assert_long_cell (row->cells[0], note);
  reader_test_assert_long_cell (row->cells[1], note);
  g_assert_cmpstr (row->cells[2], ==, "7");
}

void
reader_test_assert_refused (const char *path,
                            int         code,
                            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = reader_test_read_all (path, NULL, &error);
  va_list args;

  g_assert_error (error, SALES_ERROR, code);
  g_assert_null (rows);

  va_start (args, code);
  for (const char *text = va_arg (args, const char *); text != NULL;
       text = va_arg (args, const char *))
    {
      if (strstr (error->message, text) == NULL)
        g_error ("“%s” is not in “%s”", text, error->message);
    }
  va_end (args);
}

void
reader_test_assert_row (GPtrArray *rows,
                        guint      index,
                        guint64    line,
                        ...)
{
  TestRow *row;
  va_list args;
  guint i = 0;

  g_assert_cmpuint (index, <, rows->len);
  row = g_ptr_array_index (rows, index);
  g_assert_cmpuint (row->line, ==, line);

  va_start (args, line);
  for (const char *cell = va_arg (args, const char *); cell != NULL;
       cell = va_arg (args, const char *), i++)
    {
      g_assert_cmpuint (i, <, g_strv_length (row->cells));
      g_assert_cmpstr (row->cells[i], ==, cell);
    }
  va_end (args);

  g_assert_cmpuint (g_strv_length (row->cells), ==, i);
}

/* Creates (once) the folders of @name inside @zip, returning the last. */
static GsfOutfile *
zip_folder (GsfOutfile *zip,
            GHashTable *folders,
            const char *name)
{
  g_autofree char *folder = g_path_get_dirname (name);
  GsfOutfile *parent;
  GsfOutfile *dir;

  if (g_str_equal (folder, "."))
    return zip;

  dir = g_hash_table_lookup (folders, folder);
  if (dir != NULL)
    return dir;

  parent = zip_folder (zip, folders, folder);
  {
    g_autofree char *base = g_path_get_basename (folder);

    dir = GSF_OUTFILE (gsf_outfile_new_child (parent, base, TRUE));
  }
  g_hash_table_insert (folders, g_strdup (folder), dir);
  return dir;
}

void
reader_test_write_zipv (const char  *path,
                        const char **pairs)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;
  g_autoptr(GHashTable) folders = NULL;
  g_autoptr(GList) dirs = NULL;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_autofree char *base = g_path_get_basename (pairs[i]);
      GsfOutfile *dir = zip_folder (zip, folders, pairs[i]);
      GsfOutput *child = gsf_outfile_new_child (dir, base, FALSE);

      g_assert_true (gsf_output_write (child, strlen (pairs[i + 1]),
                                       (const guint8 *)pairs[i + 1]));
      gsf_output_close (child);
      g_object_unref (child);
    }

  /* Deepest folders first, then the zip, then the file. */
  dirs = g_hash_table_get_keys (folders);
  dirs = g_list_sort (dirs, (GCompareFunc)g_strcmp0);
  for (GList *l = g_list_last (dirs); l != NULL; l = l->prev)
    {
      GsfOutput *dir = g_hash_table_lookup (folders, l->data);

      gsf_output_close (dir);
      g_object_unref (dir);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  gsf_output_close (sink);
  g_object_unref (sink);
}

void
reader_test_write_zip (const char *path,
                       const char *first_name,
                       ...)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL;
       name = va_arg (args, const char *))
    {
      g_ptr_array_add (pairs, (gpointer)name);
      g_ptr_array_add (pairs, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (pairs, NULL);

  reader_test_write_zipv (path, (const char **)pairs->pdata);
}

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/" \
               "relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

void
reader_test_write_xlsx (const char      *path,
                        const TestSheet *sheets,
                        guint            n_sheets,
                        const char      *strings,
                        const char      *styles,
                        gboolean         date1904)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) workbook = g_string_new (NULL);
  g_autoptr(GString) rels = g_string_new (NULL);

  g_string_append_printf (workbook, "<?xml version=\"1.0\"?>\n"
                          "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\""
                          NS_REL "\"><workbookPr date1904=\"%s\"/><sheets>",
                          date1904 ? "1" : "false");
  g_string_append (rels, "<?xml version=\"1.0\"?>\n<Relationships xmlns=\""
                   NS_PKG "\">");

  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *name = g_markup_escape_text (sheets[i].name, -1);

      g_string_append_printf (workbook, "<sheet name=\"%s\" sheetId=\"%u\" "
                              "%s%s%s r:id=\"rId%u\"/>", name, i + 1,
                              sheets[i].state ? "state=\"" : "",
                              sheets[i].state ? sheets[i].state : "",
                              sheets[i].state ? "\"" : "", i + 1);
      g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Type=\""
                              NS_REL "/worksheet\" Target=\"worksheets/"
                              "sheet%u.xml\"/>", i + 1, i + 1);
      g_ptr_array_add (pairs, g_strdup_printf ("xl/worksheets/sheet%u.xml",
                                               i + 1));
      g_ptr_array_add (pairs, g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                               "<worksheet xmlns=\"" NS_MAIN
                                               "\">%s</worksheet>",
                                               sheets[i].body));
    }
  g_string_append (workbook, "</sheets></workbook>");

  if (strings != NULL)
    {
      g_string_append (rels, "<Relationship Id=\"rIdS\" Type=\"" NS_REL
                       "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
      g_ptr_array_add (pairs, g_strdup ("xl/sharedStrings.xml"));
      g_ptr_array_add (pairs, g_strdup_printf ("<sst xmlns=\"" NS_MAIN
                                               "\">%s</sst>", strings));
    }
  if (styles != NULL)
    {
      g_string_append (rels, "<Relationship Id=\"rIdT\" Type=\"" NS_REL
                       "/styles\" Target=\"/xl/styles.xml\"/>");
      g_ptr_array_add (pairs, g_strdup ("xl/styles.xml"));
      g_ptr_array_add (pairs, g_strdup_printf ("<styleSheet xmlns=\""
                                               NS_MAIN "\">%s</styleSheet>",
                                               styles));
    }
  g_string_append (rels, "</Relationships>");

  g_ptr_array_add (pairs, g_strdup ("_rels/.rels"));
  g_ptr_array_add (pairs, g_strdup ("<Relationships xmlns=\"" NS_PKG "\">"
                                    "<Relationship Id=\"rId1\" Type=\""
                                    NS_REL "/officeDocument\" "
                                    "Target=\"xl/workbook.xml\"/>"
                                    "</Relationships>"));
  g_ptr_array_add (pairs, g_strdup ("xl/workbook.xml"));
  g_ptr_array_add (pairs, g_string_free (g_steal_pointer (&workbook), FALSE));
  g_ptr_array_add (pairs, g_strdup ("xl/_rels/workbook.xml.rels"));
  g_ptr_array_add (pairs, g_string_free (g_steal_pointer (&rels), FALSE));
  g_ptr_array_add (pairs, NULL);

  reader_test_write_zipv (path, (const char **)pairs->pdata);
}

static guint
width_without_trailing_empties (GStrv cells)
{
  guint n = g_strv_length (cells);

  while (n > 0 && cells[n - 1][0] == '\0')
    n--;
  return n;
}

void
reader_test_assert_same_rows (GPtrArray *a,
                              GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      GStrv x = ((TestRow *)a->pdata[i])->cells;
      GStrv y = ((TestRow *)b->pdata[i])->cells;
      guint n = width_without_trailing_empties (x);

      g_assert_cmpuint (n, ==, width_without_trailing_empties (y));
      for (guint j = 0; j < n; j++)
        g_assert_cmpstr (x[j], ==, y[j]);
    }
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, bytes, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

typedef struct
{
  const char *name;
  const guint8 *data;
  gsize length;
  guint32 crc;
  guint32 size;        /* the uncompressed size the zip declares */
  gboolean deflated;
} ZipEntry;

/* A zip written by hand, so that an entry can be a hostile stream. */
static void
write_raw_zip (const char     *path,
               const ZipEntry *entries,
               guint           n)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();
  guint32 offsets[8];

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (offsets));
  for (guint i = 0; i < n; i++)
    {
      const ZipEntry *e = &entries[i];
      GByteArray *parts[2] = { out, directory };

      offsets[i] = out->len;
      for (guint p = 0; p < 2; p++)
        {
          put32 (parts[p], p == 0 ? 0x04034b50 : 0x02014b50);
          if (p == 1)
            put16 (parts[p], 20);
          put16 (parts[p], 20);
          put16 (parts[p], 0);
          put16 (parts[p], e->deflated ? 8 : 0);
          put32 (parts[p], 0);
          put32 (parts[p], e->crc);
          put32 (parts[p], e->length);
          put32 (parts[p], e->size);
          put16 (parts[p], strlen (e->name));
          put16 (parts[p], 0);
          if (p == 1)
            {
              put16 (parts[p], 0);
              put16 (parts[p], 0);
              put16 (parts[p], 0);
              put32 (parts[p], 0);
              put32 (parts[p], offsets[i]);
            }
          g_byte_array_append (parts[p], (const guint8 *)e->name,
                               strlen (e->name));
        }
      g_byte_array_append (out, e->data, e->length);
    }

  {
    guint32 start = out->len;

    g_byte_array_append (out, directory->data, directory->len);
    put32 (out, 0x06054b50);
    put16 (out, 0);
    put16 (out, 0);
    put16 (out, n);
    put16 (out, n);
    put32 (out, directory->len);
    put32 (out, start);
    put16 (out, 0);
  }

  sales_test_write_file (path, (const char *)out->data, out->len);
}

static ZipEntry
stored (const char *name,
        const char *text)
{
  ZipEntry e = { name, (const guint8 *)text, strlen (text), 0,
                 strlen (text), FALSE };

  e.crc = crc32 (0, e.data, e.length);
  return e;
}

/* Raw deflate of @prefix then @repeat copies of a 1 MiB block of spaces:
 * each block is compressed once after a full flush, which makes its bytes
 * independent of what came before, and then repeated.
 */
static GByteArray *
deflate_bomb (const char *prefix,
              guint       repeat,
              guint32    *crc,
              guint64    *size)
{
  const gsize block = 1024 * 1024;
  g_autofree guint8 *spaces = g_malloc (block);
  g_autofree guint8 *buf = g_malloc (block);
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GByteArray) unit = g_byte_array_new ();
  guint32 block_crc;
  z_stream z = { 0 };

  memset (spaces, ' ', block);
  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, -15, 9,
                                 Z_DEFAULT_STRATEGY), ==, Z_OK);

  z.next_in = (Bytef *)prefix;
  z.avail_in = strlen (prefix);
  z.next_out = buf;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  g_byte_array_append (out, buf, block - z.avail_out);

  z.next_in = spaces;
  z.avail_in = block;
  z.next_out = buf;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  g_byte_array_append (unit, buf, block - z.avail_out);
  for (guint i = 0; i < repeat; i++)
    g_byte_array_append (out, unit->data, unit->len);

  z.next_in = NULL;
  z.avail_in = 0;
  z.next_out = buf;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_byte_array_append (out, buf, block - z.avail_out);
  deflateEnd (&z);

  *crc = crc32 (0, (const guint8 *)prefix, strlen (prefix));
  block_crc = crc32 (0, spaces, block);
  for (guint i = 0; i < repeat; i++)
    *crc = crc32_combine (*crc, block_crc, block);
  *size = strlen (prefix) + (guint64)repeat * block;
  return out;
}

void
reader_test_write_zip_bomb (const char  *path,
                            const char **pairs,
                            const char  *bomb_name,
                            const char  *prefix,
                            guint32      declared)
{
  ZipEntry entries[8];
  guint n = 0;
  guint32 crc;
  guint64 size;
  g_autoptr(GByteArray) bomb = deflate_bomb (prefix, 2100, &crc, &size);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (entries) - 1);
      entries[n++] = stored (pairs[i], pairs[i + 1]);
    }

  g_assert_cmpuint (size, <, G_MAXUINT32);
  entries[n++] = (ZipEntry) { bomb_name, bomb->data, bomb->len, crc,
                              declared != 0 ? declared : (guint32)size,
                              TRUE };
  write_raw_zip (path, entries, n);
}

gboolean
reader_test_volatile_row (TestRow *row)
{
  static const char *names[] = {
    "RAND", "RANDBETWEEN", "NOW", "TODAY", "INFO", "CELL", "OFFSET",
    "INDIRECT", "CHAR", "CODE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (row->cells[0] != NULL && g_str_equal (row->cells[0], names[i]))
      return TRUE;
  return FALSE;
}
