/* test-import-cli.c: the salesops-cli contract for preview, import, revert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* posix_openpt () and its companions. */
#define _XOPEN_SOURCE 600

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "reader-test.h"
#include "salesops-test.h"

typedef struct
{
  char *dir;
  char *workspace;
  char *csv;
} Fixture;

static const char deals[] =
  "Deal ID,Deal owner,Stage,Amount,Close Date,Region\r\n"
  "D1,Ann,Closed Won,\"1.200,50\",31/01/2025,EU\r\n"
  "D2,Bob,Negotiation,300,,\r\n"
  "D3,Cy,Lost,lots,02/02/2025,US\r\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *create[] = { "new", NULL, NULL };

  f->dir = sales_test_make_tmpdir ();
  f->workspace = g_build_filename (f->dir, "w.salesops", NULL);
  f->csv = g_build_filename (f->dir, "deals.csv", NULL);
  sales_test_write_file (f->csv, deals, -1);
  create[1] = f->workspace;
  g_assert_cmpint (sales_test_run_cli (create, NULL, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sales_test_remove_tree (f->dir);
  g_free (f->workspace);
  g_free (f->csv);
  g_free (f->dir);
}

static JsonObject *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  const char *args[] = { "preview", f->csv, "--json", NULL };
  const char *two[] = { "preview", f->csv, "--rows", "1", "--json", NULL };
  const char *human[] = { "preview", f->csv, NULL };
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) root2 = NULL;
  JsonArray *columns;
  JsonObject *close;

  g_assert_cmpint (sales_test_run_cli (args, &out, NULL), ==, 0);
  root = parse (out);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "csv");
  g_assert_cmpstr (json_object_get_string_member (root, "encoding"), ==,
                   "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (root, "delimiter"), ==, ",");
  g_assert_true (json_object_get_null_member (root, "sheet"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      root, "sheets")), ==, 0);
  g_assert_true (json_object_get_boolean_member (root, "header"));
  columns = json_object_get_array_member (root, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 6);
  close = json_array_get_object_element (columns, 4);
  g_assert_cmpstr (json_object_get_string_member (close, "name"), ==,
                   "Close Date");
  g_assert_cmpstr (json_object_get_string_member (close, "type"), ==, "date");
  g_assert_cmpstr (json_object_get_string_member (close, "date_order"), ==,
                   "day-first");
  g_assert_cmpstr (json_object_get_string_member (close, "field"), ==,
                   "closed_at");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      root, "rows")), ==, 3);

  g_assert_cmpint (sales_test_run_cli (two, &out2, NULL), ==, 0);
  root2 = parse (out2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      root2, "rows")), ==, 1);

  g_assert_cmpint (sales_test_run_cli (human, &text, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (text, "Deal ID  Deal owner  Stage"));
}

static void
test_import_and_revert (Fixture       *f,
                        gconstpointer  data)
{
  const char *dry[] = { "import", f->workspace, f->csv, "--dry-run", "--json",
                        NULL };
  const char *args[] = { "import", f->workspace, f->csv, "--json", NULL };
  const char *revert[] = { "revert", f->workspace, "1", NULL };
  g_autofree char *out_dry = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) r_dry = NULL;
  g_autoptr(JsonObject) r = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *same_sum = NULL;
  JsonObject *reject;
  gsize length = 0;

  g_assert_cmpint (sales_test_run_cli (dry, &out_dry, NULL), ==, 0);
  r_dry = parse (out_dry);
  g_assert_true (json_object_get_null_member (r_dry, "import_id"));
  g_assert_cmpint (json_object_get_int_member (r_dry, "inserted"), ==, 2);

  g_assert_cmpint (sales_test_run_cli (args, &out, NULL), ==, 0);
  r = parse (out);
  g_assert_cmpint (json_object_get_int_member (r, "import_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (r, "table"), ==,
                   "opportunities");
  g_assert_cmpint (json_object_get_int_member (r, "rows_read"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (r, "inserted"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (r, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (r, "unchanged"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (r, "rejected"), ==, 1);
  reject = json_array_get_object_element (json_object_get_array_member
                                          (r, "rejects"), 0);
  g_assert_cmpint (json_object_get_int_member (reject, "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (reject, "column"), ==,
                   "Amount");
  g_assert_cmpstr (json_object_get_string_member (reject, "value"), ==,
                   "lots");
  g_assert_nonnull (json_object_get_string_member (reject, "reason"));

  /* The record holds the file's SHA-256. */
  g_assert_true (g_file_get_contents (f->csv, &contents, &length, NULL));
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *)contents,
                                     length);
  same_sum = g_strdup_printf ("SELECT count(*) FROM imports WHERE id = 1 "
                              "AND checksum = '%s'", sum);
  g_assert_cmpint (sales_test_query_int (f->workspace, same_sum), ==, 1);

  g_assert_cmpint (sales_test_run_cli (revert, NULL, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (revert, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "already reverted"));
}

static void
test_map_and_set (Fixture       *f,
                  gconstpointer  data)
{
  const char *args[] = { "import", f->workspace, f->csv, "--table",
                         "opportunities", "--map", "Region=source", "--set",
                         "currency=EUR", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *csv_out = g_build_filename (f->dir, "out.csv", NULL);
  const char *export[] = { "export", f->workspace, "--table",
                           "opportunities", "--output", csv_out, NULL };

  g_assert_cmpint (sales_test_run_cli (args, &out, NULL), ==, 0);
  g_assert_cmpint (sales_test_run_cli (export, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv_out, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "D1,,,,Ann,EU,Closed Won,won,1200.50,"
                                      "EUR,,,,,2025-01-31"));
}

/* A JSON id past 64 bits goes through preview and import digit for
 * digit, as does a decimal longer than a double holds.
 */
static void
test_json_exact_numbers (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "deals.json", NULL);
  g_autofree char *csv_out = g_build_filename (f->dir, "out.csv", NULL);
  const char *preview[] = { "preview", json, "--json", NULL };
  const char *args[] = { "import", f->workspace, json, "--json", NULL };
  const char *export[] = { "export", f->workspace, "--table",
                           "opportunities", "--output", csv_out, NULL };
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) r = NULL;
  JsonArray *row;

  sales_test_write_file (json, "[{\"Deal ID\": 123456789012345678901234567890,"
                         " \"Deal owner\": \"Ann\", \"Stage\": \"Won\","
                         " \"Amount\": 0.1234567890123456789},\n"
                         " {\"Deal ID\": -99999999999999999999,"
                         " \"Deal owner\": \"Bob\", \"Stage\": \"Won\"}]",
                         -1);

  g_assert_cmpint (sales_test_run_cli (preview, &out, NULL), ==, 0);
  root = parse (out);
  row = json_array_get_array_element (json_object_get_array_member
                                      (root, "rows"), 0);
  g_assert_cmpstr (json_array_get_string_element (row, 0), ==,
                   "123456789012345678901234567890");
  g_assert_cmpstr (json_array_get_string_element (row, 3), ==,
                   "0.1234567890123456789");

  g_assert_cmpint (sales_test_run_cli (args, &out2, NULL), ==, 0);
  r = parse (out2);
  g_assert_cmpint (json_object_get_int_member (r, "inserted"), ==, 2);
  g_assert_cmpint (sales_test_run_cli (export, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv_out, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\n123456789012345678901234567890,"));
  g_assert_nonnull (strstr (exported, "\n-99999999999999999999,"));
}

/* The rows of a report export above its header: a title, filter lines,
 * blank lines, a totals line and notes, 24 rows in all.
 */
static GPtrArray *
report_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                    g_strfreev);
  const char *tail[] = {
    "", "Grand total\t\t\t1510.50", "Generated by Ann Admin on 2025-03-31",
    "Confidential Information - Do Not Distribute", "",
    "Deal ID\tDeal owner\tStage\tAmount\tClose Date",
    "D1\tAnn\tClosed Won\t1200.50\t2025-01-31",
    "D2\tBob\tNegotiation\t300", "D3\tCy\tLost\tlots\t2025-02-02",
    "D4\tDi\tClosed Won\t10\t2025-02-03",
  };

  g_ptr_array_add (rows, g_strsplit ("Opportunity Pipeline - Q1 2025", "\t",
                                     -1));
  g_ptr_array_add (rows, g_strsplit ("Filtered By:", "\t", -1));
  for (guint i = 3; i < 20; i++)
    {
      g_autofree char *line = i % 2 != 0
        ? g_strdup_printf ("Filter %u\tAmount greater than %u", i, i * 100)
        : g_strdup ("    Close Date equals THIS QUARTER");

      g_ptr_array_add (rows, g_strsplit (line, "\t", -1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
    g_ptr_array_add (rows, g_strsplit (tail[i], "\t", -1));

  g_assert_cmpstr (((GStrv)g_ptr_array_index (rows, 24))[0], ==, "Deal ID");
  return rows;
}

static void
write_report_csv (const char *path,
                  GPtrArray  *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *line = g_strjoinv (",", g_ptr_array_index (rows, i));

      g_string_append_printf (text, "%s\r\n", line);
    }
  sales_test_write_file (path, text->str, -1);
}

/* The same rows as sheet rows 1-29 (blank ones left out, as Excel does),
 * numbers as numbers and text as shared strings.
 */
static void
write_report_xlsx (const char *path,
                   GPtrArray  *rows)
{
  g_autoptr(GString) body = g_string_new ("<sheetData>");
  g_autoptr(GString) strings = g_string_new (NULL);
  TestSheet sheet = { "Report", NULL, NULL };
  guint n_strings = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (rows, i);

      if (cells[0] == NULL || (cells[0][0] == '\0' && cells[1] == NULL))
        continue;
      g_string_append_printf (body, "<row r=\"%u\">", i + 1);
      for (guint j = 0; cells[j] != NULL; j++)
        {
          g_autofree char *text = g_markup_escape_text (cells[j], -1);
          char *end = NULL;

          if (cells[j][0] == '\0')
            continue;
          g_ascii_strtod (cells[j], &end);
          if (*end == '\0')
            {
              g_string_append_printf (body, "<c r=\"%c%u\"><v>%s</v></c>",
                                      'A' + j, i + 1, cells[j]);
              continue;
            }
          g_string_append_printf (body, "<c r=\"%c%u\" t=\"s\"><v>%u</v></c>",
                                  'A' + j, i + 1, n_strings++);
          g_string_append_printf (strings, "<si><t>%s</t></si>", text);
        }
      g_string_append (body, "</row>");
    }
  g_string_append (body, "</sheetData>");

  sheet.body = body->str;
  reader_test_write_xlsx (path, &sheet, 1, strings->str, NULL, FALSE);
}

/* A header on row 25 under a report's title block, in a CSV and in an
 * XLSX: preview shows it and the four rows below, and an import reads
 * those four, with a rejected row at its own line of the file.
 */
static void
test_deep_header (Fixture       *f,
                  gconstpointer  data)
{
  const char *names[] = { "Deal ID", "Deal owner", "Stage", "Amount",
                          "Close Date" };
  const char *files[] = { "report.csv", "report.xlsx" };
  g_autoptr(GPtrArray) rows = report_rows ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i], NULL);
      const char *preview[] = { "preview", path, "--json", NULL };
      const char *import[] = { "import", f->workspace, path, "--json", NULL };
      g_autofree char *out = NULL;
      g_autofree char *out2 = NULL;
      g_autoptr(JsonObject) root = NULL;
      g_autoptr(JsonObject) r = NULL;
      JsonArray *columns, *data_rows;
      JsonObject *reject;

      if (i == 0)
        write_report_csv (path, rows);
      else
        write_report_xlsx (path, rows);

      g_assert_cmpint (sales_test_run_cli (preview, &out, NULL), ==, 0);
      root = parse (out);
      g_assert_true (json_object_get_boolean_member (root, "header"));
      columns = json_object_get_array_member (root, "columns");
      g_assert_cmpuint (json_array_get_length (columns), ==, 5);
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        g_assert_cmpstr (json_object_get_string_member
                         (json_array_get_object_element (columns, j), "name"),
                         ==, names[j]);
      data_rows = json_object_get_array_member (root, "rows");
      g_assert_cmpuint (json_array_get_length (data_rows), ==, 4);
      g_assert_cmpstr (json_array_get_string_element
                       (json_array_get_array_element (data_rows, 0), 0), ==,
                       "D1");
      g_assert_cmpstr (json_array_get_string_element
                       (json_array_get_array_element (data_rows, 3), 1), ==,
                       "Di");

      g_assert_cmpint (sales_test_run_cli (import, &out2, NULL), ==, 0);
      r = parse (out2);
      g_assert_cmpint (json_object_get_int_member (r, "rows_read"), ==, 4);
      g_assert_cmpint (json_object_get_int_member (r, "inserted") +
                       json_object_get_int_member (r, "unchanged"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (r, "rejected"), ==, 1);
      reject = json_array_get_object_element (json_object_get_array_member
                                              (r, "rejects"), 0);
      g_assert_cmpint (json_object_get_int_member (reject, "line"), ==, 28);
      g_assert_cmpstr (json_object_get_string_member (reject, "value"), ==,
                       "lots");
    }
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nope.csv", NULL);
  const char *no_file[] = { "import", f->workspace, missing, NULL };
  const char *bad_map[] = { "import", f->workspace, f->csv, "--map",
                            "Nope=owner", NULL };
  const char *bad_table[] = { "import", f->workspace, f->csv, "--table",
                              "planets", NULL };
  const char *bad_set[] = { "import", f->workspace, f->csv, "--set",
                            "outcome=maybe", NULL };
  const char *no_args[] = { "import", f->workspace, NULL };
  const char *bad_id[] = { "revert", f->workspace, "x", NULL };
  const char *bad_rows[] = { "preview", f->csv, "--rows", "-1", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (sales_test_run_cli (no_file, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, missing));
  g_assert_cmpint (sales_test_run_cli (bad_map, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (bad_table, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (bad_set, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (no_args, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (bad_id, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (bad_rows, NULL, NULL), ==, 2);
}

/* --delimiter, --encoding and --header-row override detection. */
static void
test_reading_options (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "semi.csv", NULL);
  const char *preview[] = { "preview", csv, "--delimiter", "semicolon",
                            "--encoding", "windows-1252", "--header-row", "2",
                            "--json", NULL };
  const char *import[] = { "import", f->workspace, csv, "--delimiter", ";",
                           "--header-row", "2", "--json", NULL };
  const char *bad[] = { "import", f->workspace, csv, "--delimiter", "x",
                        NULL };
  const char *bad_row[] = { "preview", csv, "--header-row", "99", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) result = NULL;
  JsonArray *columns;

  /* A title line, then a header with a comma in it: detection would
   * take the comma and the title.
   */
  sales_test_write_file (csv, "Pipeline, all regions\r\n"
                              "Deal ID;Deal owner;Amount, EUR\r\n"
                              "D1;J\374rgen;1250,50\r\n"
                              "D2;Ann;300,00\r\n", -1);
  g_assert_cmpint (sales_test_run_cli (preview, &out, NULL), ==, 0);
  root = parse (out);
  g_assert_cmpstr (json_object_get_string_member (root, "delimiter"), ==, ";");
  g_assert_cmpstr (json_object_get_string_member (root, "encoding"), ==,
                   "WINDOWS-1252");
  columns = json_object_get_array_member (root, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (columns, 2), "name"), ==,
                   "Amount, EUR");

  g_assert_cmpint (sales_test_run_cli (import, &out2, NULL), ==, 0);
  result = parse (out2);
  g_assert_cmpint (json_object_get_int_member (result, "inserted"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (result, "rejected"), ==, 0);

  g_assert_cmpint (sales_test_run_cli (bad, NULL, NULL), ==, 2);
  g_assert_cmpint (sales_test_run_cli (bad_row, NULL, NULL), ==, 2);
}

/* Runs salesops-cli with @args and its standard error on a terminal of
 * its own; returns what that terminal received, and the exit status in
 * @status.
 */
static char *
run_cli_on_terminal (const char *const *args,
                     int               *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  int slave, null;
  char buffer[4096];
  ssize_t n;
  GPid pid;

  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  null = open ("/dev/null", O_WRONLY);
  g_assert_cmpint (slave, >=, 0);

  g_ptr_array_add (argv, (gpointer)g_getenv ("SALESOPS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_async_with_fds (NULL, (char **)argv->pdata, NULL,
                          G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, -1,
                          null, slave, &error);
  g_assert_no_error (error);
  close (slave);
  close (null);

  /* The terminal reads as an error once the program has closed it. */
  while ((n = read (master, buffer, sizeof buffer)) > 0)
    g_string_append_len (shown, buffer, n);
  close (master);
  g_assert_cmpint (waitpid (pid, status, 0), ==, pid);
  g_spawn_close_pid (pid);

  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* On a terminal, a long import says how far it is on one line that it
 * clears at the end; elsewhere standard error stays empty.
 */
static void
test_progress_on_terminal (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Deal ID,Amount\n");
  g_autofree char *path = g_build_filename (f->dir, "big.csv", NULL);
  const char *args[] = { "import", f->workspace, path, NULL };
  const char *again[] = { "import", f->workspace, path, "--json", NULL };
  g_autofree char *shown = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;
  int status = -1;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "P%u,%u\n", i, i);
  sales_test_write_file (path, text->str, -1);

  shown = run_cli_on_terminal (args, &status);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_str_has_suffix (shown, "\r\033[K"));
  shown[strlen (shown) - 4] = '\0';

  /* Each report replaces the last: percentages never going back, then
   * "finishing" while indexes are built and saved, then 100 %.
   */
  lines = g_strsplit (shown, "\r\033[KImporting “big.csv”: ", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpstr (lines[0], ==, "");
  g_assert_cmpstr (lines[1], ==, "0 %");
  g_assert_cmpstr (lines[n - 2], ==, "finishing");
  g_assert_cmpstr (lines[n - 1], ==, "100 %");
  for (guint i = 2; i < n - 2; i++)
    g_assert_cmpint (atoi (lines[i]), >, atoi (lines[i - 1]));

  g_assert_cmpint (sales_test_run_cli (again, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "\"unchanged\" : 20000"));
}

/* A workbook whose part is damaged is refused with one line naming the
 * file and the part, and nothing of the zip library's own reports.
 */
static void
test_damaged_workbook (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "damaged.ods", NULL);
  const char *args[] = { "preview", path, "--json", NULL };
  g_autofree char *bytes = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  gsize length, spoiled = 0;

  reader_test_write_zip (path,
                         "mimetype", "application/vnd.oasis.opendocument."
                         "spreadsheet",
                         "content.xml", "<office:document-content/>", NULL);

  /* Every member's local header but the first loses its signature; the
   * central directory still lists them.
   */
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  for (gsize i = 1; i + 4 <= length; i++)
    if (memcmp (bytes + i, "PK\3\4", 4) == 0)
      {
        bytes[i + 2] = 'X';
        spoiled++;
      }
  g_assert_cmpuint (spoiled, ==, 1);
  sales_test_write_file (path, bytes, length);

  g_assert_cmpint (sales_test_run_cli (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("salesops-cli: %s: the workbook has no part "
                              "content.xml: it is damaged or not a "
                              "spreadsheet\n", path);
  g_assert_cmpstr (err, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import-cli/preview", test_preview);
  ADD ("/import-cli/import-and-revert", test_import_and_revert);
  ADD ("/import-cli/map-and-set", test_map_and_set);
  ADD ("/import-cli/json-exact-numbers", test_json_exact_numbers);
  ADD ("/import-cli/deep-header", test_deep_header);
  ADD ("/import-cli/errors", test_errors);
  ADD ("/import-cli/reading-options", test_reading_options);
  ADD ("/import-cli/progress-on-terminal", test_progress_on_terminal);
  ADD ("/import-cli/damaged-workbook", test_damaged_workbook);

  return g_test_run ();
}
