/* sales-chart-save.c: saving and copying charts from the window
 *
 * The files are written by the chart layer's exporters, the same drawing
 * as on screen; this file asks where (and, for PNG, how big) and confirms
 * with a toast that can open the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sales-chart-save.h"
#include "sales-chart-export.h"
#include "sales-window.h"

/* Points for SVG and PDF, logical pixels for PNG: a 3:2 slide area. */
#define DEFAULT_WIDTH 1200
#define DEFAULT_HEIGHT 800

/**
 * sales_chart_texture_new:
 * @chart: a chart
 * @theme: the theme to draw with
 * @width: width in logical pixels
 * @height: height in logical pixels
 * @scale: device pixels per logical pixel
 *
 * Returns: (transfer full): the chart as a texture of @width × @scale by
 *   @height × @scale pixels, for the clipboard
 */
GdkTexture *
sales_chart_texture_new (SalesChart            *chart,
                         const SalesChartTheme *theme,
                         int                    width,
                         int                    height,
                         int                    scale)
{
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;
  int stride;

  g_return_val_if_fail (SALES_IS_CHART (chart), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                        height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  sales_chart_render (chart, theme, cr, width, height, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* CAIRO_FORMAT_ARGB32 is premultiplied native-endian ARGB, which is
   * GDK_MEMORY_DEFAULT.
   */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)stride * height * scale,
                                      (GDestroyNotify)cairo_surface_destroy,
                                      surface);
  return gdk_memory_texture_new (width * scale, height * scale,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * sales_chart_export_write:
 * @chart: a chart
 * @path: the file to write; its extension (.png, .svg, .pdf) says how
 * @width: width in pixels (PNG) or points
 * @height: height in pixels (PNG) or points
 * @scale: device pixels per pixel for PNG, ignored otherwise
 * @error: return location for a #GError
 *
 * Writes @chart in the light theme, as documents are mostly read on white.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
sales_chart_export_write (SalesChart  *chart,
                          const char  *path,
                          int          width,
                          int          height,
                          int          scale,
                          GError     **error)
{
  g_return_val_if_fail (SALES_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return sales_chart_export (chart, sales_chart_theme_light (), path,
                             width, height, scale, error);
}

typedef struct
{
  GtkWidget         *parent;
  GtkNativeDialog   *chooser;
  char              *extension;
  SalesSaveCallback  callback;
  gpointer           data;
  GDestroyNotify     destroy;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_clear_object (&request->parent);
  g_clear_object (&request->chooser);
  g_free (request->extension);
  g_free (request);
}

static GFile *
with_extension (GFile      *file,
                const char *extension)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *suffix = g_strconcat (".", extension, NULL);
  g_autofree char *fixed = NULL;

  if (path == NULL || g_str_has_suffix (path, suffix))
    return g_object_ref (file);

  fixed = g_strconcat (path, suffix, NULL);
  return g_file_new_for_path (fixed);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SaveRequest     *request)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chosen != NULL)
    file = with_extension (chosen, request->extension);

  gtk_native_dialog_destroy (chooser);
  request->callback (file, request->data);
  save_request_free (request);
}

/**
 * sales_gui_choose_save_file:
 * @parent: a widget in the window the chooser belongs to
 * @title: the chooser's title
 * @suggested_name: the file name offered
 * @extension: "png", "svg", "pdf"...; added when the user leaves it out
 * @callback: called once with the file, or %NULL on cancel
 * @data: for @callback
 * @destroy: (nullable): frees @data after @callback
 *
 * Asks where to save with the desktop's native file chooser.
 */
void
sales_gui_choose_save_file (GtkWidget        *parent,
                            const char       *title,
                            const char       *suggested_name,
                            const char       *extension,
                            SalesSaveCallback callback,
                            gpointer          data,
                            GDestroyNotify    destroy)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", extension, NULL);
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (callback != NULL);

  chooser = gtk_file_chooser_native_new (title,
                                         GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     suggested_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  request->parent = g_object_ref (parent);
  request->chooser = GTK_NATIVE_DIALOG (chooser);
  request->extension = g_strdup (extension);
  request->callback = callback;
  request->data = data;
  request->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb),
                    request);
  gtk_native_dialog_show (request->chooser);
}

/**
 * sales_gui_report_saved:
 * @widget: a widget inside a SalesWindow
 * @file: the file written
 * @error: (nullable): why it was not written
 *
 * Confirms a save with a toast that can open the file, or shows @error.
 */
void
sales_gui_report_saved (GtkWidget    *widget,
                        GFile        *file,
                        const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (!SALES_IS_WINDOW (root))
    return;

  if (error == NULL)
    {
      sales_window_toast_saved (SALES_WINDOW (root), file);
      return;
    }

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  sales_window_add_toast (SALES_WINDOW (root), toast);
}

typedef struct
{
  SalesChart *chart;
  GtkWidget  *widget;
  char       *format;
  int         width;
  int         height;
  int         scale;
} ChartExport;

static void
chart_export_free (gpointer data)
{
  ChartExport *export = data;

  g_clear_object (&export->chart);
  g_clear_object (&export->widget);
  g_free (export->format);
  g_free (export);
}

static void
chart_file_chosen_cb (GFile    *file,
                      gpointer  data)
{
  ChartExport *export = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Charts can only be saved to local files"));
  else
    sales_chart_export_write (export->chart, path,
                              export->width, export->height, export->scale,
                              &error);

  sales_gui_report_saved (export->widget, file, error);
}

static char *
suggested_name (SalesChart *chart,
                const char *format)
{
  const char *title = sales_chart_get_title (chart);
  g_autofree char *base = g_strdup (title != NULL && *title != '\0'
                                      ? title : _("Chart"));

  /* Slashes would make a path of the title. */
  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s.%s", base, format);
}

static void
choose_file (ChartExport *export)
{
  g_autofree char *name = suggested_name (export->chart, export->format);
  g_autofree char *upper = g_ascii_strup (export->format, -1);
  g_autofree char *title = NULL;

  /* Translators: %s is PNG, SVG or PDF */
  title = g_strdup_printf (_("Save Chart as %s"), upper);
  sales_gui_choose_save_file (export->widget, title, name, export->format,
                              chart_file_chosen_cb, export,
                              chart_export_free);
}

static GtkWidget *
spin_row (GtkGrid    *grid,
          int         row,
          const char *label,
          double      lower,
          double      upper,
          double      value)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 10);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  return spin;
}

typedef struct
{
  ChartExport *export;
  GtkWidget   *width;
  GtkWidget   *height;
  GtkWidget   *scale;
} SizeDialog;

static void
size_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  SizeDialog       *size)
{
  ChartExport *export = g_steal_pointer (&size->export);

  if (g_strcmp0 (response, "save") == 0)
    {
      export->width = gtk_spin_button_get_value_as_int (
                        GTK_SPIN_BUTTON (size->width));
      export->height = gtk_spin_button_get_value_as_int (
                         GTK_SPIN_BUTTON (size->height));
      export->scale = (int)gtk_drop_down_get_selected (
                        GTK_DROP_DOWN (size->scale)) + 1;
      choose_file (export);
    }
  else
    chart_export_free (export);

  g_free (size);
}

/* PNG is the one format whose size is fixed in pixels, so it asks. */
static void
ask_png_size (ChartExport *export)
{
  static const char *const scales[] = { "1×", "2×", "3×", NULL };
  SizeDialog *size = g_new0 (SizeDialog, 1);
  GtkWidget *dialog, *grid, *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (
                                     export->widget)),
                                   _("Save as PNG"),
                                   _("Choose the image size in pixels; a "
                                     "scale of 2× suits high-resolution "
                                     "screens and print."));
  grid = g_object_new (GTK_TYPE_GRID, "row-spacing", 6, "column-spacing", 12,
                       "halign", GTK_ALIGN_CENTER, NULL);
  size->export = export;
  size->width = spin_row (GTK_GRID (grid), 0, _("_Width"), 100,
                          SALES_CHART_MAX_SIDE, export->width);
  size->height = spin_row (GTK_GRID (grid), 1, _("_Height"), 100,
                           SALES_CHART_MAX_SIDE, export->height);
  size->scale = gtk_drop_down_new_from_strings (scales);
  label = gtk_label_new_with_mnemonic (_("_Scale"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), size->scale);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), size->scale, 1, 2, 1, 1);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
    "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           "save");
  g_signal_connect (dialog, "response", G_CALLBACK (size_response_cb), size);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sales_chart_export_ask:
 * @chart: a chart
 * @parent: the widget showing it
 * @format: "png", "svg" or "pdf"
 *
 * Asks for the size (PNG only) and the file, writes @chart there and
 * confirms with a toast.
 */
void
sales_chart_export_ask (SalesChart *chart,
                        GtkWidget  *parent,
                        const char *format)
{
  ChartExport *export;

  g_return_if_fail (SALES_IS_CHART (chart));
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (format != NULL);

  export = g_new0 (ChartExport, 1);
  export->chart = g_object_ref (chart);
  export->widget = g_object_ref (parent);
  export->format = g_ascii_strdown (format, -1);
  export->width = DEFAULT_WIDTH;
  export->height = DEFAULT_HEIGHT;
  export->scale = 1;

  if (g_str_equal (export->format, "png"))
    ask_png_size (export);
  else
    choose_file (export);
}
