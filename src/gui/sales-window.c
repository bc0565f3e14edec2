/* sales-window.c: a window on one workspace
 *
 * This file opens the workspace and keeps the sidebar and the content
 * stack in step; actions live in sales-window-actions.c and dropped files
 * in sales-window-dnd.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sales-dashboard.h"
#include "sales-schema.h"
#include "sales-window-pages.h"
#include "sales-window-private.h"

G_DEFINE_FINAL_TYPE (SalesWindow, sales_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  const char *name;
  const char *label;
  const char *icon;
} SidebarEntry;

/* Sidebar order; the six tables keep the order of sales-schema. */
static const SidebarEntry sidebar_entries[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic" },
  { "leads", N_("Leads"), "contact-new-symbolic" },
  { "opportunities", N_("Opportunities"), "starred-symbolic" },
  { "customers", N_("Customers"), "system-users-symbolic" },
  { "purchases", N_("Purchases"), "send-to-symbolic" },
  { "expenses", N_("Expenses"), "x-office-spreadsheet-symbolic" },
  { "forecasts", N_("Forecasts"), "x-office-calendar-symbolic" },
  { "imports", N_("Imports"), "folder-download-symbolic" },
};

static GtkWidget *
sidebar_row_new (const SidebarEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(entry->label));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (entry->icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, entry->name);

  return row;
}

static void
sidebar_row_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         SalesWindow   *self)
{
  const char *name;

  if (row == NULL)
    return;

  name = gtk_widget_get_name (GTK_WIDGET (row));
  if (self->workspace != NULL && !g_str_equal (name, "dashboard"))
    sales_window_pages_ensure (self, name);
  if (gtk_stack_get_child_by_name (self->content_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, name);
}

static void
sidebar_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          SalesWindow   *self)
{
  adw_leaflet_set_visible_child (self->leaflet,
                                 gtk_widget_get_parent (
                                   GTK_WIDGET (self->content_stack)));
}

static void
back_clicked_cb (GtkButton   *button,
                 SalesWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * sales_window_show_page:
 * @self: a window
 * @name: a sidebar entry ("dashboard", a table name, "imports")
 *
 * Selects @name in the sidebar, which shows its page.
 */
void
sales_window_show_page (SalesWindow *self,
                        const char  *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sidebar_entries); i++)
    {
      GtkListBoxRow *row;

      if (g_strcmp0 (sidebar_entries[i].name, name) != 0)
        continue;

      row = gtk_list_box_get_row_at_index (self->sidebar, (int)i);
      gtk_list_box_select_row (self->sidebar, row);
      sidebar_row_activated_cb (self->sidebar, row, self);
      return;
    }
}

/* An empty workspace invites a drop instead of showing twelve blanks. */
static gboolean
workspace_is_empty (SalesWorkspace *workspace)
{
  const SalesTableInfo *tables;
  guint n_tables;

  tables = sales_schema_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    if (sales_workspace_count_rows (workspace, tables[i].name, NULL) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
check_empty_cb (gpointer data)
{
  SalesWindow *self = data;

  self->empty_check_id = 0;
  if (self->workspace == NULL || !sales_workspace_is_open (self->workspace))
    return G_SOURCE_REMOVE;

  gtk_stack_set_visible_child_name (self->dashboard_stack,
                                    workspace_is_empty (self->workspace)
                                      ? "empty" : "dashboard");
  return G_SOURCE_REMOVE;
}

/* An import emits "changed" once per table; count rows once after all. */
static void
workspace_changed_cb (SalesWorkspace *workspace,
                      const char     *table,
                      SalesWindow    *self)
{
  sales_window_update_undo (self);
  if (self->empty_check_id == 0)
    self->empty_check_id = g_idle_add (check_empty_cb, self);
}

static void
show_error (SalesWindow  *self,
            const GError *error)
{
  g_autoptr(AdwToast) toast = NULL;

  /* With a workspace on screen the window keeps it and says why not. */
  if (self->workspace != NULL)
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      sales_window_add_toast (self, g_steal_pointer (&toast));
      return;
    }

  adw_status_page_set_icon_name (self->welcome_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->welcome_page,
                             _("The Workspace Could Not Be Opened"));
  adw_status_page_set_description (self->welcome_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

static void
set_titles (SalesWindow *self)
{
  g_autofree char *title = sales_workspace_dup_title (self->workspace);
  g_autofree char *dir = g_path_get_dirname (
    sales_workspace_get_path (self->workspace));
  const char *home = g_get_home_dir ();
  g_autofree char *shown = NULL;

  /* Like Files and Text Editor, the folder is shown relative to home. */
  if (g_str_has_prefix (dir, home) && home[1] != '\0')
    shown = g_strconcat ("~", dir + strlen (home), NULL);
  else
    shown = g_strdup (dir);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, shown);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
show_workspace (SalesWindow *self)
{
  const char *current = gtk_stack_get_visible_child_name (self->content_stack);
  g_autofree char *keep = g_strdup (current != NULL ? current : "dashboard");

  set_titles (self);
  sales_window_pages_rebuild (self);
  sales_dashboard_set_workspace (SALES_DASHBOARD (self->dashboard),
                                 self->workspace);
  check_empty_cb (self);

  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  sales_window_show_page (self, keep);
  sales_window_update_actions (self);
}

/* Below this size the checks take milliseconds, and a page shown while
 * they run would only flash; above it, the integrity check (about a
 * second per 250 MB) or an upgrade's backup copy would freeze the window.
 */
#define OPEN_IN_THREAD_BYTES (64 * 1024 * 1024)

static void
adopt_workspace (SalesWindow    *self,
                 SalesWorkspace *workspace,
                 const char     *path)
{
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  sales_window_clear_imports (self);
  g_set_object (&self->workspace, workspace);

  g_signal_connect_object (workspace, "changed",
                           G_CALLBACK (workspace_changed_cb), self, 0);
  show_workspace (self);
  sales_window_remember_workspace (self, path);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SalesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;

  workspace = sales_workspace_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->opening);
  gtk_spinner_stop (self->opening_spinner);
  if (workspace == NULL)
    {
      if (self->workspace != NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "workspace");
      show_error (self, error);
      return;
    }

  adopt_workspace (self, workspace, sales_workspace_get_path (workspace));
}

/**
 * sales_window_open_file_in_background:
 * @self: a window
 * @file: a .salesops workspace
 *
 * Opens @file as sales_window_open_file() does, with its checks in a
 * worker thread while the window shows that it is opening. Another
 * opening or closing the window drops this one.
 */
void
sales_window_open_file_in_background (SalesWindow *self,
                                      GFile       *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      sales_window_open_file (self, file);
      return;
    }

  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();

  name = g_path_get_basename (path);
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->opening_page, title);
  gtk_spinner_start (self->opening_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "opening");

  sales_workspace_open_async (path, self->opening, opened_cb,
                              g_object_ref (self));
}

static gboolean
is_large (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size >= OPEN_IN_THREAD_BYTES;
}

/**
 * sales_window_open_file:
 * @self: a window
 * @file: a .salesops workspace
 *
 * Opens @file in this window instead of the workspace it showed. When it
 * cannot be opened the window says why (on its page, or in a toast when a
 * workspace stays on screen), never only in a log. A large file is
 * opened in the background (see sales_window_open_file_in_background()).
 *
 * Returns: %TRUE when @file is now open in @self, or being opened in the
 *   background
 */
gboolean
sales_window_open_file (SalesWindow *self,
                        GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;

  g_return_val_if_fail (SALES_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL && is_large (path))
    {
      sales_window_open_file_in_background (self, file);
      return TRUE;
    }

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Only local files can be opened as workspaces"));
  workspace = path != NULL ? sales_workspace_open (path, &error) : NULL;
  if (workspace == NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  adopt_workspace (self, workspace, path);
  return TRUE;
}

SalesWorkspace *
sales_window_get_workspace (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  return self->workspace;
}

/**
 * sales_window_for_new_workspace:
 * @self: a window
 *
 * Returns: (transfer none): @self when it shows no workspace, otherwise a
 *   new window of the same application, so a workspace never replaces
 *   another one behind the user's back
 */
SalesWindow *
sales_window_for_new_workspace (SalesWindow *self)
{
  GtkApplication *app;
  SalesWindow *window;

  if (self->workspace == NULL)
    return self;

  app = gtk_window_get_application (GTK_WINDOW (self));
  window = sales_window_new (SALES_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * sales_window_add_toast:
 * @self: a window
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
sales_window_add_toast (SalesWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sales_window_show_rows:
 * @self: a window with a workspace
 * @table: a record table
 * @where: (nullable): a condition from the KPI engine, %NULL for all rows
 * @description: (nullable): what the rows are, shown above them
 *
 * Switches to @table's view, showing only the rows matching @where.
 */
void
sales_window_show_rows (SalesWindow *self,
                        const char  *table,
                        const char  *where,
                        const char  *description)
{
  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (sales_schema_is_table (table));

  if (self->workspace == NULL)
    return;

  sales_window_pages_set_filter (self, table, where, description);
  sales_window_show_page (self, table);
}

/**
 * sales_window_get_visible_page:
 * @self: a window
 *
 * Returns: (nullable): the name of the page on screen ("dashboard", a
 *   table, "imports", or "empty" for the invitation to drop a file that
 *   an empty workspace shows instead of the dashboard), %NULL when no
 *   workspace is open
 */
const char *
sales_window_get_visible_page (SalesWindow *self)
{
  const char *name;

  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  if (self->workspace == NULL)
    return NULL;

  name = gtk_stack_get_visible_child_name (self->content_stack);
  if (g_strcmp0 (name, "dashboard") == 0)
    return gtk_stack_get_visible_child_name (self->dashboard_stack);

  return name;
}

/**
 * sales_window_get_page:
 * @self: a window
 * @name: a page name
 *
 * Returns: (transfer none) (nullable): the widget of page @name, made
 *   if needed; the dashboard for "dashboard"; %NULL without a workspace
 */
GtkWidget *
sales_window_get_page (SalesWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "dashboard"))
    return self->dashboard;

  if (self->workspace == NULL)
    return NULL;

  return sales_window_pages_ensure (self, name);
}

static void
restore_size (SalesWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
    g_settings_get_int (self->settings, "window-width"),
    g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Another window or process may have written the file while this window
 * was in the background; SQLite's data_version tells, cheaply.
 */
static void
is_active_cb (SalesWindow *self,
              GParamSpec  *pspec,
              gpointer     data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->workspace != NULL &&
      sales_workspace_is_open (self->workspace))
    sales_workspace_check_external_change (self->workspace);
}

static gboolean
sales_window_close_request (GtkWindow *window)
{
  SalesWindow *self = SALES_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  /* An editable cell with focus must let go before its row is freed. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (sales_window_parent_class)->close_request (window);
}

static void
sales_window_dispose (GObject *object)
{
  SalesWindow *self = SALES_WINDOW (object);

  sales_window_clear_imports (self);
  g_clear_handle_id (&self->empty_check_id, g_source_remove);
  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->undo_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_WINDOW);

  G_OBJECT_CLASS (sales_window_parent_class)->dispose (object);
}

static void
sales_window_class_init (SalesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sales_window_dispose;
  window_class->close_request = sales_window_close_request;

  g_type_ensure (SALES_TYPE_DASHBOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow,
                                        opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, dashboard_stack);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, dashboard);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  sales_window_class_add_actions (widget_class);
}

static void
sales_window_init (SalesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_queue_init (&self->import_queue);
  for (guint i = 0; i < G_N_ELEMENTS (sidebar_entries); i++)
    gtk_list_box_append (self->sidebar, sidebar_row_new (&sidebar_entries[i]));

  self->settings = sales_gui_settings_new ();
  restore_size (self);
  if (self->settings != NULL)
    sales_dashboard_bind_settings (SALES_DASHBOARD (self->dashboard),
                                   self->settings);
  sales_window_load_recent_menu (self);
  sales_window_setup_drop (self);
  sales_window_update_actions (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb),
                    NULL);
}

SalesWindow *
sales_window_new (SalesApplication *app)
{
  return g_object_new (SALES_TYPE_WINDOW, "application", app, NULL);
}
