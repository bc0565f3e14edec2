/* sales-window-private.h: state shared by the files of SalesWindow
 *
 * The window splits by concern: sales-window.c (opening a workspace and
 * the sidebar), sales-window-actions.c (menu actions and dialogs) and
 * sales-window-dnd.c (dropped and pasted files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-window.h"

G_BEGIN_DECLS

struct _SalesWindow
{
  AdwApplicationWindow  parent_instance;

  SalesWorkspace       *workspace;
  GSettings            *settings;
  GtkNativeDialog      *chooser;
  GQueue                import_queue;   /* of GFile, waiting for the wizard */
  GtkWindow            *wizard;         /* the wizard on screen, if any */
  guint                 empty_check_id;
  AdwToast             *undo_toast;     /* weak: the last undo's toast */

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *opening_page;
  GtkSpinner           *opening_spinner;
  GCancellable         *opening;         /* a workspace being opened */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *content_stack;
  GtkStack             *dashboard_stack;
  AdwStatusPage        *empty_page;
  GMenu                *recent_menu;
  GtkWidget            *dashboard;
};

/* sales-window.c */
void     sales_window_show_page          (SalesWindow  *self,
                                          const char   *name);
SalesWindow *sales_window_for_new_workspace (SalesWindow *self);

/* sales-window-actions.c */
void     sales_window_class_add_actions  (GtkWidgetClass *widget_class);
void     sales_window_update_actions     (SalesWindow    *self);
void     sales_window_remember_workspace (SalesWindow    *self,
                                          const char     *path);
void     sales_window_load_recent_menu   (SalesWindow    *self);

/* sales-window-dnd.c */
void     sales_window_setup_drop         (SalesWindow    *self);
void     sales_window_handle_files       (SalesWindow    *self,
                                          GSList         *files);
void     sales_window_paste              (SalesWindow    *self);
void     sales_window_import             (SalesWindow    *self,
                                          GFile          *file);
void     sales_window_clear_imports      (SalesWindow    *self);

/* sales-window-undo.c */
void     sales_window_class_add_undo     (GtkWidgetClass *widget_class);
void     sales_window_update_undo        (SalesWindow    *self);

G_END_DECLS
