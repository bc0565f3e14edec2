/* test-dashboard.c: the dashboard shows what salesops-cli computes, for
 * the period and filters picked, and a tile's detail drills down to the
 * right rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "gui-test-util.h"
#include "sales-gui-test.h"
#include "sales-chart-view.h"
#include "sales-kpi-detail.h"
#include "sales-kpi-format.h"
#include "sales-kpi-tile.h"
#include "sales-table-view.h"
#include "salesops-test.h"

typedef struct
{
  const char     *path;
  SalesWindow    *window;
  SalesDashboard *dashboard;
} Fixture;

/* The tests only read the data, so they share one demo workspace. */
static char *demo_path;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->path = demo_path;
  f->window = gui_test_open_window (f->path, 1200, 800);
  f->dashboard = SALES_DASHBOARD (sales_window_get_page (f->window,
                                                         "dashboard"));
  gui_test_pin_today (f->dashboard, sales_window_get_workspace (f->window));
  sales_dashboard_set_period_choice (f->dashboard, SALES_PERIOD_LAST_QUARTER);
  gui_test_wait_refreshed (f->dashboard);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gui_test_close_window (f->window);
}

/* salesops-cli kpi --json for the dashboard's period and filters. */
static JsonArray *
cli_kpis (Fixture    *f,
          const char *owner,
          JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  SalesPeriod period;
  const char *args[10] = { "kpi", f->path, "--from", NULL, "--to", NULL,
                           "--json", NULL, NULL, NULL };

  sales_dashboard_get_period (f->dashboard, &period, NULL);
  args[3] = period.from;
  args[5] = period.to;
  if (owner != NULL)
    {
      args[7] = "--owner";
      args[8] = owner;
    }

  g_assert_cmpint (sales_test_run_cli (args, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_get_array_member (
           json_node_get_object (json_parser_get_root (parser)), "kpis");
}

/* Every tile shows the CLI's value, formatted the dashboard's way, or
 * the CLI's reason when there is no value.
 */
static guint
assert_tiles_match_cli (Fixture    *f,
                        const char *owner)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *kpis = cli_kpis (f, owner, parser);
  g_autofree char *currency = sales_workspace_dup_currency (
                                sales_window_get_workspace (f->window));
  guint n_values = 0;

  g_assert_cmpuint (json_array_get_length (kpis), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      JsonObject *kpi = json_array_get_object_element (kpis, i);
      const char *id = json_object_get_string_member (kpi, "id");
      SalesKpiTile *tile = SALES_KPI_TILE (sales_dashboard_get_tile (
                                             f->dashboard, id));
      g_autofree char *expected = NULL;

      g_assert_nonnull (tile);
      if (json_object_get_null_member (kpi, "value"))
        {
          g_assert_cmpstr (sales_kpi_tile_get_value_text (tile), ==, "—");
          g_assert_cmpstr (sales_kpi_tile_get_reason_text (tile), ==,
                           json_object_get_string_member (kpi, "reason"));
          continue;
        }

      expected = sales_kpi_format_value (sales_kpi_lookup (id),
        json_object_get_double_member (kpi, "value"), currency);
      g_assert_cmpstr (sales_kpi_tile_get_value_text (tile), ==, expected);
      n_values++;
    }

  return n_values;
}

static void
test_tiles_match_cli (Fixture       *f,
                      gconstpointer  data)
{
  GtkFlowBox *tiles;
  guint n_tiles = 0;

  tiles = GTK_FLOW_BOX (gtk_widget_get_parent (
                          sales_dashboard_get_tile (f->dashboard, "win_rate")));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tiles));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n_tiles += SALES_IS_KPI_TILE (child);

  g_assert_cmpuint (n_tiles, ==, 12);
  /* The demo data gives every KPI a value in a full quarter. */
  g_assert_cmpuint (assert_tiles_match_cli (f, NULL), ==, 12);
}

static void
test_period_and_filter_update (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(GStrv) owners = sales_dashboard_dup_owners (f->dashboard);
  SalesKpiTile *tile = SALES_KPI_TILE (sales_dashboard_get_tile (
                                         f->dashboard, "win_rate"));
  g_autofree char *quarter = g_strdup (sales_kpi_tile_get_value_text (tile));
  SalesPeriod before, after;

  sales_dashboard_get_period (f->dashboard, &before, NULL);
  sales_dashboard_set_period_choice (f->dashboard, SALES_PERIOD_LAST_YEAR);
  gui_test_wait_refreshed (f->dashboard);
  sales_dashboard_get_period (f->dashboard, &after, NULL);

  g_assert_cmpstr (before.from, !=, after.from);
  assert_tiles_match_cli (f, NULL);
  g_assert_cmpstr (quarter, !=, sales_kpi_tile_get_value_text (tile));

  g_assert_nonnull (owners[0]);
  g_assert_true (sales_dashboard_set_owner (f->dashboard, owners[0]));
  gui_test_wait_refreshed (f->dashboard);
  assert_tiles_match_cli (f, owners[0]);
}

static void
test_custom_range (Fixture       *f,
                   gconstpointer  data)
{
  SalesPeriod period;
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 15, G_DATE_FEBRUARY, 2025);
  g_date_set_dmy (&last, 20, G_DATE_AUGUST, 2025);
  sales_dashboard_set_custom_range (f->dashboard, &first, &last);
  gui_test_wait_refreshed (f->dashboard);

  sales_dashboard_get_period (f->dashboard, &period, NULL);
  g_assert_cmpstr (period.from, ==, "2025-02-15");
  g_assert_cmpstr (period.to, ==, "2025-08-21");
  assert_tiles_match_cli (f, NULL);
}

/* The detail is mapped once the window has laid it out, which a loaded
 * machine can take a few frames to do.
 */
static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* The view filters in a worker thread. */
static gboolean
table_is_idle (gpointer view)
{
  return !sales_table_view_is_busy (SALES_TABLE_VIEW (view));
}

static void
test_detail_and_show_rows (Fixture       *f,
                           gconstpointer  data)
{
  SalesKpiDetail *detail;
  SalesWorkspace *workspace = sales_window_get_workspace (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  SalesChart *trend;
  GtkWidget *view;
  SalesPeriod period;
  gint64 expected;

  sales_dashboard_select_kpi (f->dashboard, "win_rate");
  gui_test_wait_refreshed (f->dashboard);
  detail = SALES_KPI_DETAIL (sales_dashboard_get_detail (f->dashboard));
  g_assert_true (sales_gui_test_wait_for (is_mapped, detail, 10000));
  g_assert_cmpstr (sales_kpi_detail_get_kpi (detail)->id, ==, "win_rate");

  /* Twelve months, with the comparison as a second series. */
  trend = sales_chart_view_get_chart (SALES_CHART_VIEW (
            sales_kpi_detail_get_trend_view (detail)));
  g_assert_nonnull (trend);
  g_assert_cmpuint (sales_chart_get_n_categories (trend), ==, 12);
  g_assert_cmpuint (sales_chart_get_n_series (trend), ==, 2);

  g_assert_true (sales_dashboard_show_rows (f->dashboard,
                                            SALES_DRILL_DENOMINATOR, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sales_window_get_visible_page (f->window), ==,
                   "opportunities");

  /* The view holds exactly the deals closed (won or lost) in the period. */
  sales_dashboard_get_period (f->dashboard, &period, NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM opportunities"
                         " WHERE outcome IN ('won', 'lost')"
                         " AND closed_at >= '%s' AND closed_at < '%s'",
                         period.from, period.to);
  view = sales_window_get_page (f->window, "opportunities");
  g_assert_true (sales_gui_test_wait_for (table_is_idle, view, 30000));
  expected = sales_gui_test_query_int (workspace, sql);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpuint (sales_table_view_get_n_rows (SALES_TABLE_VIEW (view)), ==,
                    (guint)expected);
}

/* Another process closes won deals as lost; the window notices through
 * SQLite's data_version (as it does on focus) and refreshes.
 */
static void
test_follows_external_change (Fixture       *f,
                              gconstpointer  data)
{
  SalesWorkspace *workspace = sales_window_get_workspace (f->window);
  SalesKpiTile *tile = SALES_KPI_TILE (sales_dashboard_get_tile (
                                         f->dashboard, "win_rate"));
  g_autofree char *before = g_strdup (sales_kpi_tile_get_value_text (tile));
  g_autoptr(SalesWorkspace) other = NULL;
  g_autoptr(GError) error = NULL;
  SalesPeriod period;
  g_autofree char *sql = NULL;

  sales_workspace_check_external_change (workspace);
  sales_dashboard_get_period (f->dashboard, &period, NULL);
  sql = g_strdup_printf ("UPDATE opportunities SET outcome = 'lost'"
                         " WHERE outcome = 'won' AND closed_at >= '%s'"
                         " AND closed_at < '%s' AND id %% 2 = 0",
                         period.from, period.to);
  other = sales_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sales_workspace_exec (other, sql, &error));
  g_assert_no_error (error);
  sales_workspace_close (other);

  g_assert_true (sales_workspace_check_external_change (workspace));
  gui_test_wait_ms (400);
  gui_test_wait_refreshed (f->dashboard);

  g_assert_cmpstr (before, !=, sales_kpi_tile_get_value_text (tile));
  assert_tiles_match_cli (f, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  gui_test_init (&argc, &argv);
  dir = sales_test_make_tmpdir ();
  demo_path = gui_test_make_demo (dir);

  g_test_add ("/dashboard/tiles-match-cli", Fixture, NULL, fixture_set_up,
              test_tiles_match_cli, fixture_tear_down);
  g_test_add ("/dashboard/period-and-filter", Fixture, NULL, fixture_set_up,
              test_period_and_filter_update, fixture_tear_down);
  g_test_add ("/dashboard/custom-range", Fixture, NULL, fixture_set_up,
              test_custom_range, fixture_tear_down);
  g_test_add ("/dashboard/detail-and-show-rows", Fixture, NULL,
              fixture_set_up, test_detail_and_show_rows, fixture_tear_down);
  /* Last: it changes the shared workspace. */
  g_test_add ("/dashboard/external-change", Fixture, NULL, fixture_set_up,
              test_follows_external_change, fixture_tear_down);

  status = g_test_run ();
  sales_test_remove_tree (dir);
  g_free (demo_path);
  return status;
}
