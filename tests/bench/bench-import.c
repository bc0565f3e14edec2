/* bench-import.c: `salesops-cli import` against sqlite3's .import
 *
 * Generates an opportunities CSV (1,000,000 rows of 8 columns, about
 * 100 MB; SALESOPS_BENCH_ROWS sets another count), then in the same run
 * times `sqlite3 NEWDB '.import --csv FILE t'` into a plain table and
 * `salesops-cli import` of the same file into a fresh workspace, and
 * prints both times, their ratio (target: at most 1.0) and the import's
 * peak RSS (target: under 100 MB). Beside them: sqlite3 loading the same
 * CSV into a table with the workspace's indexes, and SQLite alone
 * storing the rows in the workspace's schema without reading the file,
 * the floor under any import into that schema. Each is the median of
 * five runs taken in turns. Then it imports a 100,000-row XLSX of the
 * same columns (target: at most 1 s, under 100 MB). Output lines start
 * with '#' so that meson's TAP parser accepts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <sqlite3.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const owners[] = {
  "Moses Frase", "Darcel Schlecht", "Zane Levy", "Anna Snelling",
  "Vicki Laflamme", "Maureen Marcano", "Corliss Cosme", "Gladys Colclough",
};
static const char *const sources[] = {
  "web", "referral", "paid_search", "social", "email", "event",
};
static const char *const stages[] = {
  "Won", "Lost", "Engaging", "Prospecting", "Closed Won", "Closed Lost",
};

static void
write_csv (const char *path,
           guint       n_rows)
{
  FILE *out = fopen (path, "w");
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_nonnull (out);
  fputs ("opportunity_id,name,owner,source,stage,amount,created_at,"
         "close_date\n", out);
  for (guint i = 0; i < n_rows; i++)
    {
      guint day = g_rand_int_range (rand, 1, 28);
      guint month = g_rand_int_range (rand, 1, 12);

      fprintf (out, "OPP%08u,Deal %u for Account %u,%s,%s,%s,%u.%02u,"
               "2024-%02u-%02u,%u/%u/2025\n", i, i,
               g_rand_int_range (rand, 0, 5000),
               owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))],
               sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))],
               stages[g_rand_int_range (rand, 0, G_N_ELEMENTS (stages))],
               g_rand_int_range (rand, 100, 500000),
               g_rand_int_range (rand, 0, 100), month, day, month + 1,
               day + 1);
    }

  fclose (out);
  g_rand_free (rand);

  /* Written back now, not while the first load is being timed. */
  sync ();
}

#define XLSX_ROWS 100000
#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
               "relationships"

static void
write_part (GsfOutfile *dir,
            const char *name,
            const char *text)
{
  GsfOutput *part = gsf_outfile_new_child (dir, name, FALSE);

  g_assert_true (gsf_output_puts (part, text));
  gsf_output_close (part);
  g_object_unref (part);
}

/* Inline strings and plain numbers: the columns of the CSV above. */
static char *
sheet_xml (void)
{
  GString *xml = g_string_new ("<worksheet xmlns=\"" MAIN_NS "\"><sheetData>");
  const char *header[] = { "opportunity_id", "name", "owner", "source",
                           "stage", "amount", "created_at", "close_date" };

  g_string_append (xml, "<row r=\"1\">");
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_string_append_printf (xml, "<c t=\"inlineStr\"><is><t>%s</t></is></c>",
                            header[c]);
  g_string_append (xml, "</row>");

  for (guint i = 0; i < XLSX_ROWS; i++)
    g_string_append_printf (xml, "<row r=\"%u\">"
                            "<c t=\"inlineStr\"><is><t>OPP%08u</t></is></c>"
                            "<c t=\"inlineStr\"><is><t>Deal %u</t></is></c>"
                            "<c t=\"inlineStr\"><is><t>%s</t></is></c>"
                            "<c t=\"inlineStr\"><is><t>%s</t></is></c>"
                            "<c t=\"inlineStr\"><is><t>%s</t></is></c>"
                            "<c><v>%u.%02u</v></c>"
                            "<c t=\"inlineStr\"><is><t>2024-%02u-%02u</t></is></c>"
                            "<c t=\"inlineStr\"><is><t>2025-%02u-%02u</t></is></c>"
                            "</row>", i + 2, i, i, owners[i % G_N_ELEMENTS (owners)],
                            sources[i % G_N_ELEMENTS (sources)],
                            stages[i % G_N_ELEMENTS (stages)], i % 500000,
                            i % 100, i % 12 + 1, i % 28 + 1, i % 12 + 1,
                            i % 27 + 2);
  g_string_append (xml, "</sheetData></worksheet>");
  return g_string_free (xml, FALSE);
}

static void
write_xlsx (const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip = gsf_outfile_zip_new (sink, &error);
  GsfOutfile *root_rels = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels",
                                                              TRUE));
  GsfOutfile *xl = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  GsfOutfile *xl_rels = GSF_OUTFILE (gsf_outfile_new_child (xl, "_rels", TRUE));
  GsfOutfile *sheets = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets",
                                                           TRUE));
  g_autofree char *sheet = sheet_xml ();
  GsfOutfile *dirs[] = { sheets, xl_rels, xl, root_rels, zip };

  g_assert_no_error (error);
  write_part (root_rels, ".rels",
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
              "package/2006/relationships\"><Relationship Id=\"r1\" Type=\""
              REL_NS "/officeDocument\" Target=\"xl/workbook.xml\"/>"
              "</Relationships>");
  write_part (xl, "workbook.xml",
              "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
              "<sheets><sheet name=\"Deals\" sheetId=\"1\" r:id=\"r1\"/>"
              "</sheets></workbook>");
  write_part (xl_rels, "workbook.xml.rels",
              "<Relationships><Relationship Id=\"r1\" Type=\"" REL_NS
              "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              "</Relationships>");
  write_part (sheets, "sheet1.xml", sheet);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      gsf_output_close (GSF_OUTPUT (dirs[i]));
      g_object_unref (dirs[i]);
    }
  gsf_output_close (sink);
  g_object_unref (sink);
}

/* CPU seconds of the last run, less noisy than wall time on a busy
 * machine; printed beside it.
 */
static double last_cpu;

/* Runs @argv; returns the wall time in seconds and the peak RSS in KiB.
 * What the runs before it wrote is on disk first, so that no run pays
 * for another's writeback.
 */
static double
run (const char *const *argv,
     long              *max_rss_kib)
{
  gint64 start;
  struct rusage usage;
  int status = 0;
  pid_t pid;

  sync ();
  start = g_get_monotonic_time ();
  pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execvp (argv[0], (char **)argv);
      _exit (127);
    }

  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed with status %d", argv[0], status);

  if (max_rss_kib != NULL)
    *max_rss_kib = usage.ru_maxrss;
  last_cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
             (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The opportunities table of the workspace @ws and its indexes, as
 * CREATE statements: the table and its partial indexes first (a load
 * that does not write their columns keeps them), then the others.
 */
static char *
workspace_schema (const char *ws)
{
  GString *schema = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (ws, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema "
                                       "WHERE tbl_name = 'opportunities' AND "
                                       "type IN ('table', 'index') AND sql "
                                       "NOT NULL ORDER BY type = 'index', "
                                       "sql NOT LIKE '% WHERE %'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (schema, "%s;\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (schema, FALSE);
}

/* What SQLite alone takes to store the rows of @plain_db (loaded by
 * sqlite3 .import) in the workspace's schema as an import does: into a
 * new file with the workspace's page size, the rollback journal of a
 * load from the command line, one transaction, one INSERT ... SELECT,
 * the date indexes built after it, the same caches and sorter thread. No
 * reading, no conversion: the least any import into this schema can
 * cost on this machine.
 */
static double
storage_floor (const char *dir,
               const char *plain_db,
               const char *ws)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  g_autofree char *schema = workspace_schema (ws);
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS p", plain_db);
  char **statements = g_strsplit (schema, ";\n", -1);
  sqlite3 *db = NULL;
  guint first;
  gint64 start;
  double seconds;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA page_size = 16384; PRAGMA journal_mode = DELETE;"
                "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384;"
                "PRAGMA ignore_check_constraints = ON");
  /* The table, then the partial indexes, which the load keeps. */
  exec_sql (db, statements[0]);
  for (first = 1; strstr (statements[first], " WHERE ") != NULL; first++)
    exec_sql (db, statements[first]);
  exec_sql (db, attach);

  sync ();
  start = g_get_monotonic_time ();
  exec_sql (db, "BEGIN; INSERT INTO opportunities (external_id, name, "
                "owner, source, stage, outcome, amount, created_at, "
                "closed_at, import_id) SELECT opportunity_id, name, owner, "
                "source, stage, 'open', CAST (amount * 100 AS INTEGER), "
                "created_at, close_date, 1 FROM p.t; PRAGMA threads = 4;"
                "PRAGMA cache_size = -2048");
  for (guint i = first; statements[i] != NULL && statements[i][0] != '\0';
       i++)
    exec_sql (db, statements[i]);
  exec_sql (db, "COMMIT");
  seconds = (g_get_monotonic_time () - start) / 1e6;

  sqlite3_close (db);
  g_strfreev (statements);
  g_unlink (path);
  return seconds;
}

/* The peak RSS of importing @n_rows rows like the others. */
static long
import_rss (const char *cli,
             const char *dir,
             guint       n_rows)
{
  g_autofree char *csv = g_build_filename (dir, "more.csv", NULL);
  g_autofree char *ws = g_build_filename (dir, "more.salesops", NULL);
  const char *create[] = { cli, "new", ws, NULL };
  const char *import[] = { cli, "import", ws, csv, NULL };
  long rss = 0;

  write_csv (csv, n_rows);
  run (create, NULL);
  run (import, &rss);
  g_unlink (csv);
  g_unlink (ws);
  return rss;
}

/* Each figure is the median of this many runs, taken in turns. */
#define ROUNDS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The runs' figures, for the log: "2.10 2.16 2.31". */
static char *
runs_text (double values[ROUNDS])
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < ROUNDS; r++)
    g_string_append_printf (text, "%s%.2f", r > 0 ? " " : "", values[r]);
  return g_string_free (text, FALSE);
}

static double
median (double values[ROUNDS])
{
  double sorted[ROUNDS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, ROUNDS, sizeof sorted[0], compare_doubles);
  return sorted[ROUNDS / 2];
}

/* Removes a database and what SQLite keeps beside it. */
static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
bench_xlsx (const char *cli,
            const char *dir)
{
  g_autofree char *xlsx = g_build_filename (dir, "opportunities.xlsx", NULL);
  g_autofree char *ws = g_build_filename (dir, "xlsx.salesops", NULL);
  const char *create[] = { cli, "new", ws, NULL };
  const char *import[] = { cli, "import", ws, xlsx, NULL };
  double seconds[ROUNDS];
  long rss = 0;
  GStatBuf st;

  write_xlsx (xlsx);
  g_stat (xlsx, &st);
  for (guint r = 0; r < ROUNDS; r++)
    {
      remove_db (ws);
      run (create, NULL);
      seconds[r] = run (import, &rss);
    }

  printf ("# XLSX: %u rows, %.1f MB: import %.2f s (target <= 1 s), "
          "peak RSS %.1f MB (target < 100 MB)\n", XLSX_ROWS,
          st.st_size / 1e6, median (seconds), rss / 1024.0);
  printf ("ok 2 - import of a %u-row XLSX measured\n", XLSX_ROWS);
  g_unlink (xlsx);
  remove_db (ws);
}

int
main (int    argc,
      char **argv)
{
  const char *cli = g_getenv ("SALESOPS_CLI");
  const char *rows_env = g_getenv ("SALESOPS_BENCH_ROWS");
  guint n_rows = rows_env != NULL ? atoi (rows_env) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("salesops-bench-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "opportunities.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *indexed_db = g_build_filename (dir, "indexed.db", NULL);
  g_autofree char *ws = g_build_filename (dir, "bench.salesops", NULL);
  g_autofree char *import_cmd = g_strdup_printf (".import --csv %s t", csv);
  g_autofree char *skip_cmd = g_strdup_printf (".import --csv --skip 1 %s t",
                                               csv);
  const char *plain[] = { "sqlite3", db, import_cmd, NULL };
  const char *create[] = { cli, "new", ws, NULL };
  const char *import[] = { cli, "import", ws, csv, NULL };
  double baseline[ROUNDS], baseline_cpu[ROUNDS], indexed[ROUNDS];
  double floor[ROUNDS], ours[ROUNDS], ours_cpu[ROUNDS];
  /* The same load into what a workspace keeps: WAL, a UNIQUE id and the
   * indexes on the dates built after loading, still through sqlite3's
   * own CSV reader.
   */
  const char *with_indexes[] = {
    "sqlite3", indexed_db,
    "PRAGMA journal_mode = WAL",
    "CREATE TABLE t (opportunity_id TEXT UNIQUE, name TEXT, owner TEXT, "
    "source TEXT, stage TEXT, amount TEXT, created_at TEXT, close_date TEXT)",
    skip_cmd,
    "CREATE INDEX t_created ON t (created_at); "
    "CREATE INDEX t_closed ON t (close_date)",
    NULL
  };
  g_autofree char *baseline_runs = NULL, *ours_runs = NULL;
  long rss = 0;
  GStatBuf st;

  g_assert_nonnull (cli);
  printf ("1..2\n");
  write_csv (csv, n_rows);
  g_stat (csv, &st);
  printf ("# file: %u rows, %.1f MB; each figure the median of %d runs\n",
          n_rows, st.st_size / 1e6, ROUNDS);

  for (guint r = 0; r < ROUNDS; r++)
    {
      remove_db (db);
      remove_db (indexed_db);
      remove_db (ws);
      baseline[r] = run (plain, NULL);
      baseline_cpu[r] = last_cpu;
      indexed[r] = run (with_indexes, NULL);
      run (create, NULL);
      floor[r] = storage_floor (dir, db, ws);
      ours[r] = run (import, &rss);
      ours_cpu[r] = last_cpu;
    }

  baseline_runs = runs_text (baseline);
  ours_runs = runs_text (ours);
  printf ("# sqlite3 .import --csv into a plain table: %.2f s (CPU %.2f s; "
          "runs %s)\n", median (baseline), median (baseline_cpu),
          baseline_runs);
  printf ("# sqlite3 .import in WAL into a UNIQUE id column, then the 2 "
          "date indexes: %.2f s\n", median (indexed));
  printf ("# SQLite alone storing those rows in the workspace's schema, "
          "as an import does: %.2f s (%.2f of the plain .import)\n",
          median (floor), median (floor) / median (baseline));
  printf ("# salesops-cli import: %.2f s (CPU %.2f s; runs %s)\n",
          median (ours), median (ours_cpu), ours_runs);
  printf ("# ratio: %.2f wall, %.2f CPU (target <= 1.0); %.2f of the "
          "indexed load, %.2f of SQLite's storing alone\n",
          median (ours) / median (baseline),
          median (ours_cpu) / median (baseline_cpu),
          median (ours) / median (indexed), median (ours) / median (floor));
  printf ("# peak RSS of the import: %.1f MB (target < 100 MB)\n",
          rss / 1024.0);
  printf ("# peak RSS importing twice the rows: %.1f MB (the same when "
          "memory does not grow with the file)\n",
          import_rss (cli, dir, n_rows * 2) / 1024.0);
  printf ("ok 1 - import of %u rows measured\n", n_rows);

  bench_xlsx (cli, dir);

  g_unlink (csv);
  remove_db (db);
  remove_db (indexed_db);
  remove_db (ws);
  rmdir (dir);
  return 0;
}
