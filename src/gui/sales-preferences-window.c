/* sales-preferences-window.c: the settings stored in a workspace
 *
 * Every change is written at once, like every edit in SalesOps; the
 * workspace then emits "changed" and the dashboard recomputes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sales-preferences-window.h"

struct _SalesPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SalesWorkspace       *workspace;
  gboolean              loading;

  AdwEntryRow          *currency_row;
  AdwComboRow          *fiscal_row;
  GtkSpinButton        *margin_spin;
  GtkSpinButton        *lifespan_spin;
  AdwPreferencesGroup  *variants_group;
};

G_DEFINE_FINAL_TYPE (SalesPreferencesWindow, sales_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The KPI variants of KPIS.md; the first of each is the default. */
typedef struct
{
  const char *kpi_id;
  const char *title;
  const char *ids[2];
  const char *labels[2];
} VariantChoice;

static const VariantChoice variant_choices[] = {
  { "win_rate", N_("Win Rate"), { "default", "all_created" },
    { N_("Won of deals closed in the period"),
      N_("Won of deals created in the period") } },
  { "sales_cycle_days", N_("Average Sales Cycle"),
    { "default", "won_and_lost" },
    { N_("Won deals"), N_("Won and lost deals") } },
  { "customer_lifetime_value", N_("Customer Lifetime Value"),
    { "default", "predictive" },
    { N_("Historical revenue per customer"),
      N_("Predictive (purchase value × frequency × lifespan)") } },
  { "forecast_accuracy", N_("Forecast Accuracy"), { "default", "mape" },
    { N_("Against the won amount of the period"),
      N_("100 − mean absolute percentage error by month") } },
};

static void
save (SalesPreferencesWindow *self,
      const char             *key,
      const char             *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (!sales_workspace_set_setting (self->workspace, key, value, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static void
currency_apply_cb (AdwEntryRow            *row,
                   SalesPreferencesWindow *self)
{
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (
                                           GTK_EDITABLE (row)), -1);
  gboolean valid = strlen (code) == 3;

  for (guint i = 0; valid && i < 3; i++)
    valid = g_ascii_isalpha (code[i]);

  if (!valid)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
        adw_toast_new (_("A currency is a three-letter code such as EUR or "
                         "USD")));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), code);
  save (self, "currency", code);
}

static void
fiscal_selected_cb (AdwComboRow            *row,
                    GParamSpec             *pspec,
                    SalesPreferencesWindow *self)
{
  g_autofree char *month = g_strdup_printf ("%u",
                                            adw_combo_row_get_selected (row) + 1);

  save (self, "fiscal_year_start", month);
}

static void
save_number (SalesPreferencesWindow *self,
             const char             *key,
             double                  value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* Stored with a dot whatever the locale, as the CLI reads it. */
  save (self, key, g_ascii_formatd (text, sizeof text, "%.4g", value));
}

static void
margin_changed_cb (GtkSpinButton          *spin,
                   SalesPreferencesWindow *self)
{
  save_number (self, "gross_margin", gtk_spin_button_get_value (spin));
}

static void
lifespan_changed_cb (GtkSpinButton          *spin,
                     SalesPreferencesWindow *self)
{
  save_number (self, "lifespan_years", gtk_spin_button_get_value (spin));
}

static void
variant_selected_cb (AdwComboRow            *row,
                     GParamSpec             *pspec,
                     SalesPreferencesWindow *self)
{
  const VariantChoice *choice = g_object_get_data (G_OBJECT (row), "choice");
  g_autofree char *key = g_strdup_printf ("variant.%s", choice->kpi_id);
  guint selected = adw_combo_row_get_selected (row);

  save (self, key, selected == 0 ? NULL : choice->ids[selected]);
  if (g_str_equal (choice->kpi_id, "customer_lifetime_value"))
    gtk_widget_set_sensitive (GTK_WIDGET (self->lifespan_spin), selected == 1);
}

static GtkStringList *
month_names (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2001, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%B");

      gtk_string_list_append (list, name);
    }

  return list;
}

static void
add_variant_rows (SalesPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (variant_choices); i++)
    {
      const VariantChoice *choice = &variant_choices[i];
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autofree char *current = sales_workspace_dup_kpi_variant (
                                   self->workspace, choice->kpi_id);

      for (guint j = 0; j < G_N_ELEMENTS (choice->labels); j++)
        gtk_string_list_append (labels, _(choice->labels[j]));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _(choice->title));
      adw_combo_row_set_model (row, G_LIST_MODEL (labels));
      adw_combo_row_set_selected (row,
                                  g_strcmp0 (current, choice->ids[1]) == 0);
      g_object_set_data (G_OBJECT (row), "choice", (gpointer)choice);
      g_signal_connect (row, "notify::selected",
                        G_CALLBACK (variant_selected_cb), self);
      adw_preferences_group_add (self->variants_group, GTK_WIDGET (row));

      if (g_str_equal (choice->kpi_id, "customer_lifetime_value"))
        gtk_widget_set_sensitive (GTK_WIDGET (self->lifespan_spin),
                                  adw_combo_row_get_selected (row) == 1);
    }
}

static double
setting_number (SalesWorkspace *workspace,
                const char     *key,
                double          fallback)
{
  g_autofree char *text = sales_workspace_get_setting (workspace, key);

  return text != NULL ? g_ascii_strtod (text, NULL) : fallback;
}

static void
load (SalesPreferencesWindow *self)
{
  g_autofree char *currency = sales_workspace_dup_currency (self->workspace);
  g_autoptr(GtkStringList) months = month_names ();

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
  adw_combo_row_set_model (self->fiscal_row, G_LIST_MODEL (months));
  adw_combo_row_set_selected (self->fiscal_row,
    sales_workspace_get_fiscal_year_start (self->workspace) - 1);
  gtk_spin_button_set_value (self->margin_spin,
    100.0 * sales_workspace_get_gross_margin (self->workspace));
  gtk_spin_button_set_value (self->lifespan_spin,
    setting_number (self->workspace, "lifespan_years", 3.0));
  add_variant_rows (self);
  self->loading = FALSE;

  g_signal_connect (self->fiscal_row, "notify::selected",
                    G_CALLBACK (fiscal_selected_cb), self);
  g_signal_connect (self->margin_spin, "value-changed",
                    G_CALLBACK (margin_changed_cb), self);
  g_signal_connect (self->lifespan_spin, "value-changed",
                    G_CALLBACK (lifespan_changed_cb), self);
}

static void
sales_preferences_window_constructed (GObject *object)
{
  SalesPreferencesWindow *self = SALES_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (sales_preferences_window_parent_class)->constructed (object);

  load (self);
}

static void
sales_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SalesPreferencesWindow *self = SALES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_preferences_window_dispose (GObject *object)
{
  SalesPreferencesWindow *self = SALES_PREFERENCES_WINDOW (object);

  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sales_preferences_window_parent_class)->dispose (object);
}

static void
sales_preferences_window_class_init (SalesPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_preferences_window_constructed;
  object_class->set_property = sales_preferences_window_set_property;
  object_class->dispose = sales_preferences_window_dispose;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SALES_TYPE_WORKSPACE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/SalesOps/sales-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow,
                                        currency_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow,
                                        fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow,
                                        margin_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow,
                                        lifespan_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow,
                                        variants_group);
  gtk_widget_class_bind_template_callback (widget_class, currency_apply_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
sales_preferences_window_init (SalesPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_preferences_window_new:
 * @workspace: an open workspace
 *
 * Returns: (transfer floating): a window editing @workspace's settings;
 *   each change is saved at once
 */
GtkWidget *
sales_preferences_window_new (SalesWorkspace *workspace)
{
  g_return_val_if_fail (SALES_IS_WORKSPACE (workspace), NULL);

  return g_object_new (SALES_TYPE_PREFERENCES_WINDOW,
                       "workspace", workspace, NULL);
}
