/* bench-readers.c: how fast the readers read, against a raw read
 *
 * Generates a 1,000,000-row, 8-column opportunities CSV (about 100 MB)
 * and a 100,000-row XLSX of the same columns (shared strings, a date
 * column), then reads each in a child process of its own so that its
 * peak RSS is its own:
 *   - raw: the same bytes read in 128 KiB blocks counting newlines (for
 *     the XLSX, the sheet part inflated), the floor any reader sits on;
 *   - reader: sales_reader_open and every row through next_row.
 * Prints wall and CPU seconds, rows and peak RSS for each, and the
 * ratios. CPU time is the figure to trust on a busy machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <gsf/gsf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sales-reader.h"
#include "salesops-test.h"

#define CSV_ROWS 1000000
#define XLSX_ROWS 100000

static const char *stages[] = { "Won", "Lost", "Engaging", "Prospecting" };
static const char *owners[] = {
  "Darcel Schlecht", "Vicki Laflamme", "Anna Snelling", "Kary Hendrixson",
  "Cecily Lampkin", "Versie Hillebrand", "Moses Frase", "Zane Levy",
};

static void
write_csv (const char *path)
{
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("opportunity_id,sales_agent,product,account,deal_stage,"
         "engage_date,close_date,close_value\n", out);
  for (guint i = 0; i < CSV_ROWS; i++)
    fprintf (out, "OPP%07u,%s,\"GTX Pro, rev %u\",Account %u Holdings,%s,"
             "2024-%02u-%02u,2025-%02u-%02u,%u.%02u\n", i, owners[i % 8],
             i % 7, i % 997, stages[i % 4], 1 + i % 12, 1 + i % 28,
             1 + (i / 3) % 12, 1 + (i / 5) % 28, (i * 7919) % 100000,
             i % 100);
  g_assert_cmpint (fclose (out), ==, 0);
}

static GsfOutput *
zip_child (GsfOutfile *dir,
           const char *name)
{
  return gsf_outfile_new_child (dir, name, FALSE);
}

static void
put (GsfOutput  *out,
     const char *text)
{
  g_assert_true (gsf_output_write (out, strlen (text), (const guint8 *)text));
}

static void
write_sheet (GsfOutput *sheet)
{
  g_autoptr(GString) row = g_string_new (NULL);

  put (sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet "
       "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
       "<sheetData>");
  for (guint i = 0; i < XLSX_ROWS; i++)
    {
      guint r = i + 1;

      g_string_printf (row, "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is>"
                       "<t>OPP%07u</t></is></c><c r=\"B%u\" t=\"s\"><v>%u</v>"
                       "</c><c r=\"C%u\" t=\"s\"><v>%u</v></c><c r=\"D%u\" "
                       "t=\"s\"><v>%u</v></c><c r=\"E%u\" t=\"s\"><v>%u</v>"
                       "</c><c r=\"F%u\" s=\"1\"><v>%u</v></c><c r=\"G%u\" "
                       "s=\"1\"><v>%u.5</v></c><c r=\"H%u\"><v>%u.%02u</v>"
                       "</c></row>", r, r, i, r, i % 8, r, 8 + i % 7, r,
                       15 + i % 997, r, 1012 + i % 4, r, 45000 + i % 700, r,
                       45100 + i % 700, r, (i * 7919) % 100000, i % 100);
      put (sheet, row->str);
    }
  put (sheet, "</sheetData></worksheet>");
}

static char *
shared_strings (void)
{
  GString *xml = g_string_new ("<sst xmlns=\"http://schemas.openxmlformats."
                               "org/spreadsheetml/2006/main\">");

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (xml, "<si><t>%s</t></si>", owners[i]);
  for (guint i = 0; i < 7; i++)
    g_string_append_printf (xml, "<si><t>GTX Pro, rev %u</t></si>", i);
  for (guint i = 0; i < 997; i++)
    g_string_append_printf (xml, "<si><t>Account %u Holdings</t></si>", i);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (xml, "<si><t>%s</t></si>", stages[i]);
  g_string_append (xml, "</sst>");

  return g_string_free (xml, FALSE);
}

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/" \
               "relationships"

static void
write_xlsx (const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip = gsf_outfile_zip_new (sink, &error);
  GsfOutfile *rels_dir = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels",
                                                             TRUE));
  GsfOutfile *xl = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  GsfOutfile *xl_rels = GSF_OUTFILE (gsf_outfile_new_child (xl, "_rels",
                                                            TRUE));
  GsfOutfile *sheets = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets",
                                                           TRUE));
  g_autofree char *sst = shared_strings ();
  struct { GsfOutfile *dir; const char *name; const char *text; } parts[] = {
    { rels_dir, ".rels", "<Relationships xmlns=\"http://schemas."
      "openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/"
      "workbook.xml\"/></Relationships>" },
    { xl, "workbook.xml", "<workbook xmlns:r=\"" NS_REL "\"><sheets><sheet "
      "name=\"Opportunities\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
      "</workbook>" },
    { xl_rels, "workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" "
      "Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"" NS_REL "/sharedStrings\" "
      "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\""
      NS_REL "/styles\" Target=\"styles.xml\"/></Relationships>" },
    { xl, "styles.xml", "<styleSheet><cellXfs><xf numFmtId=\"0\"/>"
      "<xf numFmtId=\"14\"/></cellXfs></styleSheet>" },
    { xl, "sharedStrings.xml", sst },
  };
  GsfOutput *sheet;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GsfOutput *child = zip_child (parts[i].dir, parts[i].name);

      put (child, parts[i].text);
      gsf_output_close (child);
      g_object_unref (child);
    }
  sheet = zip_child (sheets, "sheet1.xml");
  write_sheet (sheet);
  gsf_output_close (sheet);
  g_object_unref (sheet);

  for (GsfOutfile **d = (GsfOutfile *[]){ sheets, xl_rels, xl, rels_dir, zip,
                                          NULL }; *d != NULL; d++)
    {
      gsf_output_close (GSF_OUTPUT (*d));
      g_object_unref (*d);
    }
  gsf_output_close (sink);
  g_object_unref (sink);
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* User and system CPU seconds so far: unlike the wall clock, not
 * inflated when other work shares the machine.
 */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* The floor: the bytes read and their newlines counted. */
static guint64
raw_read (const char *path)
{
  g_autofree char *buf = g_malloc (128 * 1024);
  int fd = open (path, O_RDONLY);
  guint64 lines = 0;
  ssize_t n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, 128 * 1024)) > 0)
    for (char *p = buf; (p = memchr (p, '\n', buf + n - p)) != NULL; p++)
      lines++;
  close (fd);
  return lines;
}

/* The XLSX floor: the sheet part inflated. */
static guint64
raw_inflate (const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip = gsf_infile_zip_new (input, &error);
  GsfInput *sheet = gsf_infile_child_by_vname (zip, "xl", "worksheets",
                                               "sheet1.xml", NULL);
  guint64 bytes = 0;
  guint8 buf[65536];

  g_assert_nonnull (sheet);
  while (gsf_input_remaining (sheet) > 0)
    {
      gsize n = MIN ((gsf_off_t)sizeof buf, gsf_input_remaining (sheet));

      g_assert_nonnull (gsf_input_read (sheet, n, buf));
      bytes += n;
    }
  g_object_unref (sheet);
  g_object_unref (zip);
  g_object_unref (input);
  return bytes;
}

static guint64
reader_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesReader) reader = sales_reader_open (path, NULL, NULL,
                                                     &error);
  SalesRow *row;
  guint64 rows = 0;
  guint64 bytes = 0;

  g_assert_no_error (error);
  while (sales_reader_next_row (reader, &row, &error))
    {
      rows++;
      for (guint i = 0; i < row->n_cells; i++)
        bytes += row->cells[i][0] != '\0';
    }
  g_assert_no_error (error);
  g_assert_cmpuint (bytes, >, 0);
  return rows;
}

/* Child mode: one measurement, printed as "count wall cpu peak_kb". */
static int
measure (const char *what,
         const char *path)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds ();
  guint64 count;

  if (g_str_equal (what, "raw"))
    count = raw_read (path);
  else if (g_str_equal (what, "inflate"))
    count = raw_inflate (path);
  else
    count = reader_read (path);

  printf ("%" G_GUINT64_FORMAT " %.3f %.3f %ld\n", count,
          (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu_start,
          peak_rss_kb ());
  return 0;
}

typedef struct
{
  double  seconds;
  double  cpu;
  long    peak_kb;
  guint64 count;
} Figure;

static Figure
run_child (const char *self,
           const char *what,
           const char *path)
{
  const char *argv[] = { self, "--measure", what, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Figure figure = { 0 };
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%" G_GUINT64_FORMAT " %lf %lf %ld",
                           &figure.count, &figure.seconds, &figure.cpu,
                           &figure.peak_kb), ==, 4);
  return figure;
}

static void
report (const char *name,
        Figure      base,
        Figure      reader,
        const char *base_name)
{
  printf ("%s %s: %.3f s wall, %.3f s CPU, %ld MB peak RSS (%" G_GUINT64_FORMAT
          ")\n", name, base_name, base.seconds, base.cpu, base.peak_kb / 1024,
          base.count);
  printf ("%s reader: %.3f s wall, %.3f s CPU, %ld MB peak RSS (%"
          G_GUINT64_FORMAT " rows)\n", name, reader.seconds, reader.cpu,
          reader.peak_kb / 1024, reader.count);
  printf ("%s reader / %s: %.1f wall, %.1f CPU\n", name, base_name,
          reader.seconds / MAX (base.seconds, 0.001),
          reader.cpu / MAX (base.cpu, 0.001));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *self = NULL;
  Figure base, reader;
  struct stat st;

  if (argc == 4 && g_str_equal (argv[1], "--measure"))
    return measure (argv[2], argv[3]);

  self = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("salesops-bench-XXXXXX", NULL);
  csv = g_build_filename (dir, "opportunities.csv", NULL);
  xlsx = g_build_filename (dir, "opportunities.xlsx", NULL);

  write_csv (csv);
  g_assert_cmpint (stat (csv, &st), ==, 0);
  printf ("CSV: %d rows, %.1f MB\n", CSV_ROWS, st.st_size / 1e6);
  base = run_child (self, "raw", csv);
  reader = run_child (self, "reader", csv);
  g_assert_cmpuint (reader.count, ==, CSV_ROWS + 1);
  report ("CSV", base, reader, "raw read");

  write_xlsx (xlsx);
  g_assert_cmpint (stat (xlsx, &st), ==, 0);
  printf ("XLSX: %d rows, %.1f MB zipped\n", XLSX_ROWS, st.st_size / 1e6);
  base = run_child (self, "inflate", xlsx);
  reader = run_child (self, "reader", xlsx);
  g_assert_cmpuint (reader.count, ==, XLSX_ROWS);
  report ("XLSX", base, reader, "inflate");

  sales_test_remove_tree (dir);
  return 0;
}
