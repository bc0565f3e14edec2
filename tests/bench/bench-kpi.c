/* bench-kpi.c: KPI speed on a demo workspace of a million deals
 *
 * Builds (once, cached in the build folder) a demo workspace scaled to
 * about 1,000,000 opportunities and as many leads, then measures:
 *
 *   - a baseline in the same run: one full scan of the opportunities
 *     table (SELECT count (*), sum (amount)), the cost of reading the
 *     raw data once;
 *   - the whole process `salesops-cli kpi W --period 2025 --compare
 *     previous --json` (target 0.3 s);
 *   - a dashboard refresh on one connection: the twelve KPIs of 2025 and
 *     of 2024, 24-month trends of all twelve, breakdowns by owner of all
 *     twelve (target 1 s);
 *   - after a one-row edit, the same command (which brings the roll-up
 *     up to date by recomputing the days the edit touched) and, on a
 *     writable connection, the evaluation of 2025 and 2024 with that
 *     update (target well under 1 s);
 *   - with SALESOPS_BENCH_REBUILD set, a rebuild of the whole roll-up,
 *     which follows a bulk import (target a few seconds).
 *
 * Environment: SALESOPS_BENCH_SCALE (default 500), SALESOPS_BENCH_DIR
 * (default the current directory, which meson sets to the build folder).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "sales-demo.h"
#include "sales-kpi.h"
#include "sales-workspace.h"

#define RUNS 5

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
cpu_now (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median_of (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static char *
ensure_workspace (guint scale)
{
  const char *dir = g_getenv ("SALESOPS_BENCH_DIR");
  g_autofree char *name = g_strdup_printf ("bench-kpi-%u.salesops", scale);
  char *path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  double start = now ();

  if (!g_path_is_absolute (path))
    {
      char *absolute = g_canonicalize_filename (path, NULL);

      g_free (path);
      path = absolute;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  printf ("# creating %s (scale %u), once; later runs reuse it\n", path,
          scale);
  workspace = sales_workspace_create (path, &error);
  if (workspace == NULL ||
      !sales_demo_fill (workspace, 1, scale, &error) ||
      !sales_kpi_refresh (sales_workspace_get_db (workspace), &error))
    {
      fprintf (stderr, "bench-kpi: %s\n", error->message);
      g_unlink (path);
      exit (1);
    }
  printf ("demo workspace created in %.1f s\n", now () - start);
  return path;
}

static double
baseline (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  double start = now ();

  sqlite3_prepare_v2 (db, "SELECT count (*), sum (amount)"
                      " FROM opportunities", -1, &stmt, NULL);
  sqlite3_step (stmt);
  printf ("# %lld opportunities\n", (long long)sqlite3_column_int64 (stmt,
                                                                    0));
  sqlite3_finalize (stmt);
  return now () - start;
}

static double
run_cli (const char *path)
{
  const char *cli = g_getenv ("SALESOPS_CLI");
  const char *argv[] = { cli, "kpi", path, "--period", "2025", "--compare",
                         "previous", "--json", NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = now ();

  if (!g_spawn_sync (NULL, (char **)argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status,
                                                                   &error))
    {
      fprintf (stderr, "bench-kpi: %s\n", error->message);
      exit (1);
    }
  return now () - start;
}

static void
check (gpointer    result,
       GError     *error)
{
  if (result != NULL)
    return;
  fprintf (stderr, "bench-kpi: %s\n", error->message);
  exit (1);
}

static double
dashboard (sqlite3                *db,
           const SalesKpiSettings *settings)
{
  GError *error = NULL;
  SalesPeriod year, before, range;
  guint n;
  const SalesKpiInfo *all = sales_kpi_get_all (&n);
  double start = now (), parts[2];
  SalesKpiReport *report, *previous;
  GPtrArray *trends;

  sales_period_parse ("2025", 1, &year, NULL);
  sales_period_compare (&year, SALES_COMPARE_PREVIOUS, &before);
  sales_period_from_dates ("2024-01-01", "2026-01-01", &range, NULL);

  check (report = sales_kpi_evaluate_all (db, &year, NULL, settings, &error),
         error);
  check (previous = sales_kpi_evaluate_all (db, &before, NULL, settings,
                                            &error), error);
  parts[0] = now ();
  check (trends = sales_kpi_trend_all (db, &range, SALES_BUCKET_MONTH, NULL,
                                       settings, &error), error);
  parts[1] = now ();
  for (guint i = 0; i < n; i++)
    {
      GArray *groups = sales_kpi_breakdown (db, all[i].id, &year, "owner",
                                            NULL, settings, &error);

      check (groups, error);
      g_array_unref (groups);
    }

  printf ("# dashboard: two evaluations %.3f s, trends %.3f s, breakdowns"
          " %.3f s\n", parts[0] - start, parts[1] - parts[0],
          now () - parts[1]);
  sales_kpi_report_free (report);
  sales_kpi_report_free (previous);
  g_ptr_array_unref (trends);
  return now () - start;
}

static double
rebuild (const char *path,
         double     *cpu)
{
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  double start, cpu_start;

  workspace = sales_workspace_open (path, &error);
  if (workspace == NULL ||
      !sales_workspace_exec (workspace, "UPDATE kpi_state SET stale = 1",
                             &error))
    check (NULL, error);
  start = now ();
  cpu_start = cpu_now ();
  if (!sales_kpi_refresh (sales_workspace_get_db (workspace), &error))
    check (NULL, error);
  *cpu = cpu_now () - cpu_start;
  return now () - start;
}

/* One deal's amount moves by @sign cents: alternating signs leave the
 * cached workspace as it was generated.
 */
static void
edit_one_row (sqlite3 *db,
              int      sign)
{
  char *sql = sqlite3_mprintf ("UPDATE opportunities SET amount = amount +"
                               " %d WHERE id = (SELECT min (id) FROM"
                               " opportunities WHERE outcome = 'won')",
                               sign);

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-kpi: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_free (sql);
}

/* The evaluation a CLI call makes, on a connection that may write. */
static double
evaluate_after_edit (sqlite3                *db,
                     const SalesKpiSettings *settings,
                     double                 *cpu)
{
  GError *error = NULL;
  SalesPeriod year, before;
  double start = now (), cpu_start = cpu_now ();
  SalesKpiReport *report, *previous;

  sales_period_parse ("2025", 1, &year, NULL);
  sales_period_compare (&year, SALES_COMPARE_PREVIOUS, &before);
  check (report = sales_kpi_evaluate_all (db, &year, NULL, settings, &error),
         error);
  check (previous = sales_kpi_evaluate_all (db, &before, NULL, settings,
                                            &error), error);
  sales_kpi_report_free (report);
  sales_kpi_report_free (previous);
  *cpu = cpu_now () - cpu_start;
  return now () - start;
}

static void
measure_edits (const char             *path,
               const SalesKpiSettings *settings)
{
  double cli[RUNS], lib[RUNS], lib_cpu[RUNS];
  sqlite3 *db = NULL;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_busy_timeout (db, 10000);
  for (guint i = 0; i < RUNS; i++)
    {
      edit_one_row (db, i % 2 ? -1 : 1);
      cli[i] = run_cli (path);
      edit_one_row (db, i % 2 ? 1 : -1);
      lib[i] = evaluate_after_edit (db, settings, &lib_cpu[i]);
    }
  sqlite3_close (db);

  printf ("after a one-row edit: salesops-cli kpi --period 2025 --compare"
          " previous --json: %.3f s\n", median_of (cli));
  printf ("after a one-row edit: evaluation of 2025 and 2024 with the"
          " roll-up update: %.3f s (CPU %.3f s; target well under 1 s)\n",
          median_of (lib), median_of (lib_cpu));
}

int
main (int    argc,
      char **argv)
{
  const char *scale_text = g_getenv ("SALESOPS_BENCH_SCALE");
  guint scale = scale_text != NULL ? (guint)atoi (scale_text) : 500;
  g_autofree char *path = ensure_workspace (MAX (scale, 1));
  double base[RUNS], cli[RUNS], dash[RUNS], b, c, d;
  SalesKpiSettings settings = { 0 };
  sqlite3 *db = NULL;

  /* Warm the page cache the way a second run of the app finds it (the
   * first run after a change also rebuilds the roll-up).
   */
  run_cli (path);
  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sales_kpi_settings_load (&settings, db);
  dashboard (db, &settings);
  for (guint i = 0; i < RUNS; i++)
    {
      base[i] = baseline (db);
      cli[i] = run_cli (path);
      dash[i] = dashboard (db, &settings);
    }

  b = median_of (base);
  c = median_of (cli);
  d = median_of (dash);
  printf ("# median of %d runs\n", RUNS);
  printf ("baseline full scan of opportunities: %.3f s\n", b);
  printf ("salesops-cli kpi --period 2025 --compare previous --json: "
          "%.3f s (target 0.3 s, %.2f x baseline)\n", c, c / b);
  printf ("dashboard refresh (12 KPIs, comparison, 24-month trends, owner "
          "breakdowns): %.3f s (target 1 s, %.2f x baseline)\n", d, d / b);
  printf ("command: %s kpi %s --period 2025 --compare previous --json\n",
          g_getenv ("SALESOPS_CLI"), path);

  sqlite3_close (db);
  measure_edits (path, &settings);
  sales_kpi_settings_clear (&settings);
  if (g_getenv ("SALESOPS_BENCH_REBUILD") != NULL)
    {
      double cpu, seconds = rebuild (path, &cpu);
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      printf ("roll-up rebuild (as after a bulk import): %.1f s (CPU"
              " %.1f s), peak RSS of this process %.0f MB\n", seconds, cpu,
              usage.ru_maxrss / 1024.0);
    }
  return 0;
}
