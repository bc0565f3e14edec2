/* test-ods-reader.c: the ODS reader on generated and real spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reader-test.h"
#include "sales-error.h"
#include "sales-limits.h"
#include "salesops-test.h"

typedef ReaderFixture Fixture;

#define MIME "application/vnd.oasis.opendocument.spreadsheet"

/* Writes an ODS whose body holds @tables (table:table elements). */
static void
write_ods (const char *path,
           const char *tables)
{
  g_autofree char *content = g_strconcat (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-content "
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">"
    "<office:automatic-styles>"
    "<style:style style:name=\"ta1\" style:family=\"table\">"
    "<style:table-properties table:display=\"true\"/></style:style>"
    "<style:style style:name=\"ta2\" style:family=\"table\">"
    "<style:table-properties table:display=\"false\"/></style:style>"
    "</office:automatic-styles><office:body><office:spreadsheet>",
    tables, "</office:spreadsheet></office:body></office:document-content>",
    NULL);

  reader_test_write_zip (path, "mimetype", MIME, "content.xml", content,
                         NULL);
}

static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  write_ods (fixture->path,
    "<table:table table:name=\"Deals\" table:style-name=\"ta1\">"
    "<table:table-column table:number-columns-repeated=\"1024\"/>"
    "<table:table-row>"
    "<table:table-cell office:value-type=\"float\" office:value=\"1250.50\">"
    "<text:p>1 250,50</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"percentage\" office:value=\"0.25\">"
    "<text:p>25%</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"currency\" "
    "office:currency=\"EUR\" office:value=\"-3\"><text:p>-3 \342\202\254"
    "</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" "
    "office:date-value=\"2025-03-07\"><text:p>07/03/25</text:p>"
    "</table:table-cell>"
    "<table:table-cell office:value-type=\"date\" "
    "office:date-value=\"2025-03-07T14:05:09.25\"><text:p>x</text:p>"
    "</table:table-cell>"
    "<table:table-cell office:value-type=\"time\" "
    "office:time-value=\"PT13H05M00S\"><text:p>13:05</text:p>"
    "</table:table-cell>"
    "<table:table-cell office:value-type=\"boolean\" "
    "office:boolean-value=\"true\"><text:p>TRUE</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"boolean\" "
    "office:boolean-value=\"false\"/>"
    "</table:table-row>"
    "<table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>a<text:s "
    "text:c=\"3\"/>b<text:s/>c<text:tab/>d<text:line-break/>e</text:p>"
    "<text:p><text:span>second</text:span> <text:a>link</text:a></text:p>"
    "<office:annotation><text:p>a comment</text:p></office:annotation>"
    "</table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"2\"/>"
    "<table:table-cell office:value-type=\"string\"><text:p>&lt;&amp;&gt;"
    "</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"1019\"/>"
    "</table:table-row>"
    "<table:table-row table:number-rows-repeated=\"3\">"
    "<table:table-cell table:number-columns-repeated=\"1024\"/>"
    "</table:table-row>"
    "<table:table-row table:number-rows-repeated=\"2\">"
    "<table:table-cell office:value-type=\"string\" "
    "table:number-columns-repeated=\"2\"><text:p>rep</text:p>"
    "</table:table-cell></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1048570\">"
    "<table:table-cell table:number-columns-repeated=\"1024\"/>"
    "</table:table-row>"
    "</table:table>");

  rows = reader_test_read_ok (fixture->path, NULL);
  g_assert_cmpuint (rows->len, ==, 4);
  reader_test_assert_row (rows, 0, 1, "1250.5", "0.25", "-3", "2025-03-07",
                          "2025-03-07 14:05:09", "13:05:00", "TRUE", "FALSE",
                          NULL);
  reader_test_assert_row (rows, 1, 2, "a   b c\td\ne\nsecond link", "", "",
                          "<&>", NULL);
  /* Three empty rows (3-5), then a row repeated twice. */
  reader_test_assert_row (rows, 2, 6, "rep", "rep", NULL);
  reader_test_assert_row (rows, 3, 7, "rep", "rep", NULL);
}

static void
test_sheets_and_merges (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SalesReader) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const GPtrArray *sheets;

  write_ods (fixture->path,
    "<table:table table:name=\"Hidden\" table:style-name=\"ta2\">"
    "<table:table-row><table:table-cell office:value-type=\"string\">"
    "<text:p>h</text:p></table:table-cell></table:table-row></table:table>"
    "<table:table table:name=\"M &amp; A\" table:style-name=\"ta1\">"
    "<table:table-row>"
    "<table:table-cell office:value-type=\"string\" "
    "table:number-columns-spanned=\"2\" table:number-rows-spanned=\"2\">"
    "<text:p>Region</text:p></table:table-cell>"
    "<table:covered-table-cell/>"
    "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
    "</table:table-row>"
    "<table:table-row><table:covered-table-cell "
    "table:number-columns-repeated=\"2\"/>"
    "<table:table-cell office:value-type=\"float\" office:value=\"2\"/>"
    "</table:table-row>"
    "<table:table-row><table:covered-table-cell/>"
    "<table:table-cell office:value-type=\"float\" office:value=\"3\"/>"
    "</table:table-row>"
    "</table:table>");

  reader = sales_reader_open (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sales_reader_get_format (reader), ==, "ods");
  sheets = sales_reader_get_sheets (reader);
  g_assert_cmpuint (sheets->len, ==, 2);
  g_assert_true (((SalesSheetInfo *)sheets->pdata[0])->hidden);
  g_assert_false (((SalesSheetInfo *)sheets->pdata[1])->hidden);
  g_assert_cmpstr (sales_reader_get_sheet (reader), ==, "M & A");

  rows = reader_test_drain (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  reader_test_assert_row (rows, 0, 1, "Region", "Region", "1", NULL);
  reader_test_assert_row (rows, 1, 2, "Region", "Region", "2", NULL);
  /* A covered cell outside any range stays empty. */
  reader_test_assert_row (rows, 2, 3, "", "3", NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (sales_reader_rewind (reader, &error));
  rows = reader_test_drain (reader, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = reader_test_read_ok (fixture->path, "0");
  reader_test_assert_row (rows, 0, 1, "h", NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = reader_test_read_ok (fixture->path, "Hidden");
  g_assert_cmpuint (rows->len, ==, 1);

  g_clear_object (&reader);
  reader = sales_reader_open (fixture->path, "Other", NULL, &error);
  g_assert_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND);
}

/* A 12 MB note, past libxml2's default 10 MB text node, read exactly as
 * a paragraph and as the string value of a formula.
 */
static void
test_long_cells (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *note = reader_test_long_text (12 * 1024 * 1024);
  g_autofree char *escaped = g_markup_escape_text (note, -1);
  g_autofree char *table = g_strconcat (
    "<table:table table:name=\"Notes\"><table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>id</text:p>"
    "</table:table-cell></table:table-row><table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>", escaped,
    "</text:p></table:table-cell>"
    "<table:table-cell table:formula=\"of:=[.A2]\" "
    "office:value-type=\"string\" office:string-value=\"", escaped,
    "\"><text:p>shown</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"float\" office:value=\"7\">"
    "<text:p>7</text:p></table:table-cell>"
    "</table:table-row></table:table>", NULL);
  g_autoptr(GPtrArray) rows = NULL;

  write_ods (fixture->path, table);
  rows = reader_test_read_ok (fixture->path, NULL);
  reader_test_assert_long_rows (rows, note);
}

/* A cell one byte over the cap, as a paragraph and as a string value,
 * and a tag longer than the parser may hold (a lying zip bomb whose
 * 150 MB of spaces sit inside an attribute): each refused with the limit
 * error.
 */
static void
test_cell_over_limit (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *pairs[] = { "mimetype", MIME, NULL };
  gsize size = SALES_MAX_CELL_BYTES + 1;
  g_autofree char *text = g_malloc (size + 1);
  g_autofree char *table = NULL;
  g_autoptr(GError) error = NULL;

  memset (text, 'x', size);
  text[size] = '\0';

  table = g_strconcat ("<table:table table:name=\"T\"><table:table-row/>"
                       "<table:table-row><table:table-cell><text:p>", text,
                       "</text:p></table:table-cell></table:table-row>"
                       "</table:table>", NULL);
  write_ods (fixture->path, table);
  reader_test_assert_refused (fixture->path, SALES_ERROR_LIMIT,
                              "book.ods, line 2", "longer than 32 MB", NULL);
  g_free (table);

  table = g_strconcat ("<table:table table:name=\"T\"><table:table-row>"
                       "<table:table-cell office:value-type=\"string\" "
                       "office:string-value=\"", text, "\"/>"
                       "</table:table-row></table:table>", NULL);
  write_ods (fixture->path, table);
  reader_test_assert_refused (fixture->path, SALES_ERROR_LIMIT,
                              "book.ods, line 1", "longer than 32 MB", NULL);

  reader_test_write_zip_bomb (fixture->path, pairs, "content.xml",
                              "<office:document-content a=\"",
                              150 * 1024 * 1024);
  g_assert_null (sales_reader_open (fixture->path, NULL, NULL, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "XML tag longer than"));
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  const char *pairs[] = { "mimetype", MIME, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>"
                                            "<!DOCTYPE d [<!ENTITY a "
                                            "\"aaaaaaaaaa\">");
  gint64 start = g_get_monotonic_time ();

  /* A 2 GB content.xml: refused before inflating. */
  reader_test_write_zip_bomb (fixture->path, pairs, "content.xml",
                              "<office:document-content>", 0);
  g_assert_null (sales_reader_open (fixture->path, NULL, NULL, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_LIMIT);
  g_clear_error (&error);

  /* Billion laughs in content.xml. */
  for (char c = 'b'; c <= 'j'; c++)
    {
      g_string_append_printf (laughs, "<!ENTITY %c \"", c);
      for (guint i = 0; i < 10; i++)
        g_string_append_printf (laughs, "&%c;", c - 1);
      g_string_append (laughs, "\">");
    }
  g_string_append (laughs, "]><d>&j;</d>");
  reader_test_write_zip (fixture->path, "mimetype", MIME,
                         "content.xml", laughs->str, NULL);
  g_assert_null (sales_reader_open (fixture->path, NULL, NULL, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "DTD"));
  g_clear_error (&error);

  /* Cut in the middle of the table. */
  write_ods (fixture->path, "<table:table table:name=\"T\">");
  g_assert_null (reader_test_read_all (fixture->path, NULL, &error));
  g_assert_error (error, SALES_ERROR, SALES_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "book.ods"));

  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

typedef enum
{
  CELL_TEXT,
  CELL_NUMBER,
  CELL_DATE,
  CELL_TIME,
} CellClass;

/* What a cell text is, and its value in seconds or as a number. */
static CellClass
classify (const char *text,
          double     *value)
{
  char *end = NULL;
  int y, mo, d, h = 0, mi = 0, sec = 0, consumed = 0;

  *value = g_ascii_strtod (text, &end);
  if (*text != '\0' && *end == '\0')
    return CELL_NUMBER;

  if (sscanf (text, "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) == 3 &&
      (text[consumed] == '\0' ||
       sscanf (text + consumed, " %d:%2d:%2d", &h, &mi, &sec) == 3))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, d, mo, y);
      *value = g_date_get_julian (&date) * 86400.0 + h * 3600 + mi * 60 + sec;
      return CELL_DATE;
    }
  if (sscanf (text, "%d:%2d:%2d", &h, &mi, &sec) == 3)
    {
      *value = h * 3600 + mi * 60 + sec;
      return CELL_TIME;
    }
  return CELL_TEXT;
}

/* Compares a cell of the ODS with the same cell of the XLSX when both
 * hold the same kind of value: text exactly, numbers to 1e-9, dates to
 * the second. Sets @comparable to FALSE when the kinds differ (a macro
 * LibreOffice does not run, a format it applies to the text) and for
 * times past 24 hours, which ODS keeps as durations where an XLSX time
 * format shows the time of day.
 */
static gboolean
same_value (const char *a,
            const char *b,
            gboolean   *comparable)
{
  double x, y;
  CellClass kind = classify (a, &x);

  *comparable = TRUE;
  if (g_str_equal (a, b))
    return TRUE;
  if (kind != classify (b, &y) || (kind == CELL_TIME && MAX (x, y) >= 86400))
    {
      *comparable = FALSE;
      return TRUE;
    }

  switch (kind)
    {
    case CELL_NUMBER:
      return fabs (x - y) <= 1e-9 * MAX (fabs (x), 1);
    case CELL_DATE:
    case CELL_TIME:
      return fabs (x - y) <= 1;
    case CELL_TEXT:
    default:
      return FALSE;
    }
}

/* number_format fills its "VBA Fmt" and "Macro" columns by VBA macros,
 * which LibreOffice does not run (it saved 0 there).
 */
static gboolean
macro_column (GPtrArray *rows,
              guint      col)
{
  TestRow *header = rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL;

  return header != NULL && col < g_strv_length (header->cells) &&
         (strstr (header->cells[col], "VBA") != NULL ||
          strstr (header->cells[col], "Macro") != NULL);
}

/* Every sheet of the ODS against the XLSX, row by row. */
static void
compare_books (const char *ods,
               const char *xlsx,
               guint      *compared,
               guint      *skipped)
{
  g_autoptr(SalesReader) reader = sales_reader_open (ods, NULL, NULL, NULL);
  guint n_sheets = sales_reader_get_sheets (reader)->len;

  for (guint s = 0; s < n_sheets; s++)
    {
      g_autofree char *index = g_strdup_printf ("%u", s);
      g_autoptr(GPtrArray) a = reader_test_read_ok (ods, index);
      g_autoptr(GPtrArray) b = reader_test_read_ok (xlsx, index);

      for (guint i = 0; i < MIN (a->len, b->len); i++)
        {
          TestRow *x = g_ptr_array_index (a, i);
          TestRow *y = g_ptr_array_index (b, i);
          guint n = MIN (g_strv_length (x->cells), g_strv_length (y->cells));

          g_assert_cmpuint (x->line, ==, y->line);
          for (guint j = 0; j < n; j++)
            {
              gboolean comparable;

              if (macro_column (b, j) || reader_test_volatile_row (y))
                {
                  *skipped += 1;
                  continue;
                }
              if (!same_value (x->cells[j], y->cells[j], &comparable))
                g_error ("%s sheet %u line %" G_GUINT64_FORMAT " column %u: "
                         "\"%s\" where the XLSX has \"%s\"", ods, s,
                         x->line, j + 1, x->cells[j], y->cells[j]);
              *(comparable ? compared : skipped) += 1;
            }
        }
    }
}

static void
test_sheetjs_against_xlsx (void)
{
  g_autofree char *root = reader_test_shared_file ("sheetjs");
  const char *pairs[][2] = {
    { "merge_cells.ods", "merge_cells.xlsx" },
    { "sheet_visibility.ods", "sheet_visibility.xlsx" },
    { "sushi.ods", "sushi.xlsx" },
    { "number_format.ods", "number_format.xlsm" },
    { "formula_stress_test.ods", "formula_stress_test.xlsx" },
  };
  guint compared = 0;
  guint skipped = 0;

  if (root == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *ods = g_build_filename (root, pairs[i][0], NULL);
      g_autofree char *xlsx = g_build_filename (root, pairs[i][1], NULL);

      compare_books (ods, xlsx, &compared, &skipped);
    }

  g_test_message ("%u cells agree, %u hold values of another kind",
                  compared, skipped);
  g_assert_cmpuint (compared, >, 2500);
}

/* The ODS of crlf holds "Def" where the CSV has "def" (LibreOffice
 * capitalised the second paragraph when it was typed).
 */
static void
test_sheetjs_crlf (void)
{
  g_autofree char *ods = reader_test_shared_file ("sheetjs/crlf/crlf.ods");
  g_autofree char *csv = reader_test_shared_file ("sheetjs/crlf/crlf.csv");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  if (ods == NULL)
    return;

  a = reader_test_read_ok (ods, NULL);
  b = reader_test_read_ok (csv, NULL);

  g_assert_cmpstr (((TestRow *)a->pdata[0])->cells[1], ==, "abc\nDef");
  g_free (((TestRow *)a->pdata[0])->cells[1]);
  ((TestRow *)a->pdata[0])->cells[1] = g_strdup ("abc\ndef");
  reader_test_assert_same_rows (a, b);
}

#define ADD(name, func) \
  g_test_add ("/ods-reader/" name, Fixture, "book.ods", reader_fixture_setup, \
              func, reader_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("values", test_values);
  ADD ("sheets-and-merges", test_sheets_and_merges);
  ADD ("long-cells", test_long_cells);
  ADD ("cell-over-limit", test_cell_over_limit);
  ADD ("hostile", test_hostile);
  g_test_add_func ("/ods-reader/sheetjs-against-xlsx",
                   test_sheetjs_against_xlsx);
  g_test_add_func ("/ods-reader/sheetjs-crlf", test_sheetjs_crlf);

  return g_test_run ();
}
