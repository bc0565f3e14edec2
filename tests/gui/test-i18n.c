/* test-i18n.c: the German catalogue built into the build tree is used
 * with LANGUAGE=de, and numbers follow the locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui-test-util.h"
#include "sales-kpi-format.h"
#include "salesops-test.h"

static const char *
label_of_row (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *label = gtk_widget_get_last_child (box);

  return gtk_label_get_label (GTK_LABEL (label));
}

static GtkWidget *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) &&
      gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_german_window (void)
{
  g_autofree char *dir = sales_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Vertrieb.salesops", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) created = sales_workspace_create (path, &error);
  SalesWindow *window;
  GtkWidget *sidebar;

  g_assert_no_error (error);
  sales_workspace_close (created);

  /* Code, .ui templates and static tables all come out in German. */
  g_assert_cmpstr (_("Dashboard"), ==, "Übersicht");
  window = gui_test_open_window (path, 900, 600);
  sidebar = find_sidebar (GTK_WIDGET (window));
  g_assert_nonnull (sidebar);
  g_assert_cmpstr (label_of_row (gtk_widget_get_first_child (sidebar)), ==,
                   "Übersicht");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Vertrieb");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Drop a Spreadsheet Here"),
                   ==, "Tabelle hier ablegen");

  gui_test_close_window (window);
  sales_test_remove_tree (dir);
}

static void
test_numbers_follow_locale (void)
{
  g_autofree char *number = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  /* Build machines generate no locales; without de_DE there is nothing
   * to check.
   */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }

  number = sales_kpi_format_number (1234567.25);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (number, ==, "1.234.567,25");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  gui_test_init (&argc, &argv);

  g_test_add_func ("/i18n/german-window", test_german_window);
  g_test_add_func ("/i18n/numbers-follow-locale", test_numbers_follow_locale);

  return g_test_run ();
}
