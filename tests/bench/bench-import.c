/* bench-import.c: `salesops-cli import` against sqlite3's .import
 *
 * Generates an opportunities CSV (1,000,000 rows of 8 columns, about
 * 100 MB; SALESOPS_BENCH_ROWS sets another count), then in the same run
 * times `sqlite3 NEWDB '.import --csv FILE t'` into a plain table and
 * `salesops-cli import` of the same file into a fresh workspace, and
 * prints both times, their ratio (target: at most 1.0) and the import's
 * peak RSS (target: under 100 MB). Output lines start with '#' so that
 * meson's TAP parser accepts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
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
}

/* Runs @argv; returns the wall time in seconds and the peak RSS in KiB. */
static double
run (const char *const *argv,
     long              *max_rss_kib)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status = 0;
  pid_t pid = fork ();

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
  return (g_get_monotonic_time () - start) / 1e6;
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
  g_autofree char *ws = g_build_filename (dir, "bench.salesops", NULL);
  const char *plain[] = { "sqlite3", db, ".import --csv FILE t", NULL };
  g_autofree char *import_cmd = NULL;
  const char *create[] = { cli, "new", ws, NULL };
  const char *import[] = { cli, "import", ws, csv, NULL };
  double baseline, ours;
  long rss = 0;
  GStatBuf st;

  g_assert_nonnull (cli);
  printf ("1..1\n");
  write_csv (csv, n_rows);
  g_stat (csv, &st);
  printf ("# file: %u rows, %.1f MB\n", n_rows, st.st_size / 1e6);

  import_cmd = g_strdup_printf (".import --csv %s t", csv);
  plain[2] = import_cmd;
  baseline = run (plain, NULL);
  run (create, NULL);
  ours = run (import, &rss);

  printf ("# sqlite3 .import --csv: %.2f s\n", baseline);
  printf ("# salesops-cli import:   %.2f s\n", ours);
  printf ("# ratio: %.2f (target <= 1.0)\n", ours / baseline);
  printf ("# peak RSS of the import: %.1f MB (target < 100 MB)\n",
          rss / 1024.0);
  printf ("ok 1 - import of %u rows measured\n", n_rows);

  g_unlink (csv);
  g_unlink (db);
  g_unlink (ws);
  rmdir (dir);
  return 0;
}
