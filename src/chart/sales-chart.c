/* sales-chart.c: SalesChart, a chart as data
 *
 * The builder API fills categories and series; nothing here draws. The
 * layouts read the fields through sales-chart-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sales-chart-private.h"

G_DEFINE_FINAL_TYPE (SalesChart, sales_chart, G_TYPE_OBJECT)

static void
series_free (gpointer data)
{
  SalesChartSeries *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_clear_pointer (&series->labels, g_ptr_array_unref);
  g_free (series);
}

static void
sales_chart_finalize (GObject *object)
{
  SalesChart *self = SALES_CHART (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_ptr_array_unref (self->footers);
  g_free (self->currency);
  g_free (self->empty_reason);
  g_ptr_array_unref (self->categories);
  g_array_unref (self->dates);
  g_ptr_array_unref (self->series);
  g_free (self->comparison_label);

  G_OBJECT_CLASS (sales_chart_parent_class)->finalize (object);
}

static void
sales_chart_class_init (SalesChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_chart_finalize;
}

static void
sales_chart_init (SalesChart *self)
{
  self->footers = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->dates = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->higher_is_better = TRUE;
}

/**
 * sales_chart_new:
 * @kind: the layout
 *
 * Returns: (transfer full): an empty chart; it draws the empty state until
 *   it has values
 */
SalesChart *
sales_chart_new (SalesChartKind kind)
{
  SalesChart *self = g_object_new (SALES_TYPE_CHART, NULL);

  self->kind = kind;
  return self;
}

SalesChartKind
sales_chart_get_kind (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), SALES_CHART_LINE);

  return self->kind;
}

/**
 * sales_chart_set_kind:
 * @self: a chart
 * @kind: another layout for the same data (a line as bars, say)
 */
void
sales_chart_set_kind (SalesChart     *self,
                      SalesChartKind  kind)
{
  g_return_if_fail (SALES_IS_CHART (self));

  self->kind = kind;
}

/**
 * sales_chart_set_title:
 * @self: a chart
 * @title: (nullable): what the chart shows, "Win rate by month"
 */
void
sales_chart_set_title (SalesChart *self,
                       const char *title)
{
  g_return_if_fail (SALES_IS_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
sales_chart_get_title (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), NULL);

  return self->title;
}

/**
 * sales_chart_set_subtitle:
 * @self: a chart
 * @subtitle: (nullable): the period, comparison and filters
 */
void
sales_chart_set_subtitle (SalesChart *self,
                          const char *subtitle)
{
  g_return_if_fail (SALES_IS_CHART (self));

  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

const char *
sales_chart_get_subtitle (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), NULL);

  return self->subtitle;
}

/**
 * sales_chart_add_footer:
 * @self: a chart
 * @line: one footer line: the formula, the row counts, "Data as of …"
 */
void
sales_chart_add_footer (SalesChart *self,
                        const char *line)
{
  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (line != NULL);

  g_ptr_array_add (self->footers, g_strdup (line));
}

guint
sales_chart_get_n_footers (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), 0);

  return self->footers->len;
}

const char *
sales_chart_get_footer (SalesChart *self,
                        guint       index)
{
  g_return_val_if_fail (SALES_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->footers->len, NULL);

  return g_ptr_array_index (self->footers, index);
}

/**
 * sales_chart_set_unit:
 * @self: a chart
 * @unit: what the values measure
 * @currency: (nullable): the ISO 4217 code, for money
 */
void
sales_chart_set_unit (SalesChart     *self,
                      SalesChartUnit  unit,
                      const char     *currency)
{
  g_return_if_fail (SALES_IS_CHART (self));

  self->unit = unit;
  g_free (self->currency);
  self->currency = g_strdup (currency);
}

SalesChartUnit
sales_chart_get_unit (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), SALES_CHART_UNIT_NUMBER);

  return self->unit;
}

/**
 * sales_chart_set_higher_is_better:
 * @self: a chart
 * @better: %FALSE for costs and durations, whose rise is bad news
 */
void
sales_chart_set_higher_is_better (SalesChart *self,
                                  gboolean    better)
{
  g_return_if_fail (SALES_IS_CHART (self));

  self->higher_is_better = better;
}

/**
 * sales_chart_set_empty_reason:
 * @self: a chart
 * @reason: (nullable): why there is no data, shown under "No data for this
 *   period" when the chart has nothing to draw
 */
void
sales_chart_set_empty_reason (SalesChart *self,
                              const char *reason)
{
  g_return_if_fail (SALES_IS_CHART (self));

  g_free (self->empty_reason);
  self->empty_reason = g_strdup (reason);
}

/**
 * sales_chart_add_category:
 * @self: a chart without dates
 * @label: the category, such as an owner's name
 */
void
sales_chart_add_category (SalesChart *self,
                          const char *label)
{
  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (self->dates->len == 0);

  g_ptr_array_add (self->categories, g_strdup (label));
}

/**
 * sales_chart_add_date:
 * @self: a chart whose categories are all dates
 * @iso_date: "YYYY-MM-DD", the start of the bucket
 * @unit: the bucket's length; the same for every date of a chart
 *
 * Returns: %TRUE, or %FALSE when @iso_date is not a valid date (nothing is
 *   added)
 */
gboolean
sales_chart_add_date (SalesChart         *self,
                      const char         *iso_date,
                      SalesChartDateUnit  unit)
{
  GDate date;
  guint32 julian;
  unsigned int y, m, d;

  g_return_val_if_fail (SALES_IS_CHART (self), FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);
  g_return_val_if_fail (self->dates->len == self->categories->len, FALSE);

  if (sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  julian = g_date_get_julian (&date);
  self->date_unit = unit;
  g_array_append_val (self->dates, julian);
  g_ptr_array_add (self->categories,
                   sales_chart_format_date (&date, unit, TRUE));
  return TRUE;
}

guint
sales_chart_get_n_categories (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), 0);

  return self->categories->len;
}

/**
 * sales_chart_dup_category_label:
 * @self: a chart
 * @index: a category
 *
 * Returns: (transfer full): the category's full label ("Mar 2025" for a
 *   month)
 */
char *
sales_chart_dup_category_label (SalesChart *self,
                                guint       index)
{
  g_return_val_if_fail (SALES_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->categories->len, NULL);

  return g_strdup (g_ptr_array_index (self->categories, index));
}

/**
 * sales_chart_add_series:
 * @self: a chart
 * @name: what the series is, for the legend and tooltips
 * @role: primary, or the comparison period
 *
 * Returns: the new series' index
 */
guint
sales_chart_add_series (SalesChart           *self,
                        const char           *name,
                        SalesChartSeriesRole  role)
{
  SalesChartSeries *series;

  g_return_val_if_fail (SALES_IS_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  series = g_new0 (SalesChartSeries, 1);
  series->name = g_strdup (name);
  series->role = role;
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (self->series, series);
  return self->series->len - 1;
}

SalesChartSeries *
sales_chart_get_series (SalesChart *self,
                        guint       index)
{
  g_assert (index < self->series->len);

  return g_ptr_array_index (self->series, index);
}

/**
 * sales_chart_series_append:
 * @self: a chart
 * @series: a series index
 * @value: the next point; NAN for a missing one
 */
void
sales_chart_series_append (SalesChart *self,
                           guint       series,
                           double      value)
{
  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (series < self->series->len);

  if (!isfinite (value))
    value = NAN;
  g_array_append_val (sales_chart_get_series (self, series)->values, value);
}

/**
 * sales_chart_series_append_null:
 * @self: a chart
 * @series: a series index
 *
 * Appends a missing point (a bucket whose value is undefined); lines break
 * there and bars are left out.
 */
void
sales_chart_series_append_null (SalesChart *self,
                                guint       series)
{
  sales_chart_series_append (self, series, NAN);
}

/**
 * sales_chart_series_set_labels:
 * @self: a chart
 * @series: a series index
 * @labels: one label per point, for tooltips: a comparison series shows
 *   its own dates ("Mar 2024") rather than the category's
 */
void
sales_chart_series_set_labels (SalesChart        *self,
                               guint              series,
                               const char *const *labels)
{
  SalesChartSeries *s;

  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (labels != NULL);

  s = sales_chart_get_series (self, series);
  g_clear_pointer (&s->labels, g_ptr_array_unref);
  s->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; labels[i] != NULL; i++)
    g_ptr_array_add (s->labels, g_strdup (labels[i]));
}

guint
sales_chart_get_n_series (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), 0);

  return self->series->len;
}

/**
 * sales_chart_get_value:
 * @self: a chart
 * @series: a series index
 * @index: a category index
 * @value: (out) (optional): the value
 *
 * Returns: %TRUE when the point exists and is not missing
 */
gboolean
sales_chart_get_value (SalesChart *self,
                       guint       series,
                       guint       index,
                       double     *value)
{
  SalesChartSeries *s;
  double v;

  g_return_val_if_fail (SALES_IS_CHART (self), FALSE);

  if (series >= self->series->len)
    return FALSE;
  s = sales_chart_get_series (self, series);
  if (index >= s->values->len || index >= self->categories->len)
    return FALSE;

  v = g_array_index (s->values, double, index);
  if (isnan (v))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

/**
 * sales_chart_is_empty:
 * @self: a chart
 *
 * Returns: %TRUE when there is nothing to draw but the empty state: no
 *   category with a value (and, for a tile, no headline either)
 */
gboolean
sales_chart_is_empty (SalesChart *self)
{
  g_return_val_if_fail (SALES_IS_CHART (self), TRUE);

  if (self->kind == SALES_CHART_TILE && self->has_headline)
    return FALSE;

  for (guint s = 0; s < self->series->len; s++)
    for (guint i = 0; i < self->categories->len; i++)
      if (sales_chart_get_value (self, s, i, NULL))
        return FALSE;

  return TRUE;
}

/**
 * sales_chart_value_range:
 * @self: a chart
 * @stacked: sum the positive and negative values of each category
 * @lo: (out): the smallest value
 * @hi: (out): the largest value
 *
 * Returns: %FALSE when there is no value at all
 */
gboolean
sales_chart_value_range (SalesChart *self,
                         gboolean    stacked,
                         double     *lo,
                         double     *hi)
{
  gboolean any = FALSE;

  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint i = 0; i < self->categories->len; i++)
    {
      double pos = 0, neg = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v;

          if (!sales_chart_get_value (self, s, i, &v))
            continue;
          any = TRUE;
          if (!stacked)
            pos = MAX (pos, v), neg = MIN (neg, v);
          else if (v >= 0)
            pos += v;
          else
            neg += v;
          *lo = MIN (*lo, stacked ? neg : v);
          *hi = MAX (*hi, stacked ? pos : v);
        }
    }

  return any;
}

typedef struct
{
  guint  index;
  double value;
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  if (isnan (ka->value) != isnan (kb->value))
    return isnan (ka->value) ? 1 : -1;
  if (ka->value != kb->value && !isnan (ka->value))
    return ka->value > kb->value ? -1 : 1;
  return (int)ka->index - (int)kb->index;
}

static GPtrArray *
permute_strings (GPtrArray     *strings,
                 const SortKey *keys)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (sorted, g_strdup (g_ptr_array_index (strings,
                                                          keys[i].index)));
  g_ptr_array_unref (strings);
  return sorted;
}

static void
permute_series (SalesChartSeries *series,
                const SortKey    *keys,
                guint             n)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      double v = keys[i].index < series->values->len
                 ? g_array_index (series->values, double, keys[i].index)
                 : NAN;

      g_array_append_val (values, v);
    }
  g_array_unref (series->values);
  series->values = values;
  if (series->labels != NULL && series->labels->len == n)
    series->labels = permute_strings (series->labels, keys);
}

void
sales_chart_sort_by_value (SalesChart *self)
{
  g_autofree SortKey *keys = NULL;
  guint n;

  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (self->dates->len == 0);

  n = self->categories->len;
  if (self->series->len == 0 || n < 2)
    return;

  keys = g_new (SortKey, n);
  for (guint i = 0; i < n; i++)
    {
      keys[i].index = i;
      if (!sales_chart_get_value (self, 0, i, &keys[i].value))
        keys[i].value = NAN;
    }
  qsort (keys, n, sizeof *keys, compare_keys);

  self->categories = permute_strings (self->categories, keys);
  for (guint s = 0; s < self->series->len; s++)
    permute_series (sales_chart_get_series (self, s), keys, n);
}

/**
 * sales_chart_set_headline:
 * @self: a KPI tile
 * @has_value: %FALSE when the KPI is undefined for the period
 * @value: the KPI's value
 */
void
sales_chart_set_headline (SalesChart *self,
                          gboolean    has_value,
                          double      value)
{
  g_return_if_fail (SALES_IS_CHART (self));

  self->has_headline = has_value && isfinite (value);
  self->headline = self->has_headline ? value : 0;
}

/**
 * sales_chart_set_comparison:
 * @self: a KPI tile
 * @has_value: %FALSE when the comparison period has no value
 * @value: the KPI's value for the comparison period
 * @label: (nullable): what it is, "vs Q1 2025"
 */
void
sales_chart_set_comparison (SalesChart *self,
                            gboolean    has_value,
                            double      value,
                            const char *label)
{
  g_return_if_fail (SALES_IS_CHART (self));

  self->has_comparison = has_value && isfinite (value);
  self->comparison = self->has_comparison ? value : 0;
  g_free (self->comparison_label);
  self->comparison_label = g_strdup (label);
}

/* The short label of a date category on an axis: "Jan", or "Jan 2025" at
 * the first label and at a new year.
 */
char *
sales_chart_axis_label (SalesChart         *self,
                        guint               index,
                        SalesChartDateUnit  unit,
                        gboolean            with_year)
{
  GDate date;

  if (self->dates->len != self->categories->len)
    return g_strdup (g_ptr_array_index (self->categories, index));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, g_array_index (self->dates, guint32, index));
  return sales_chart_format_date (&date, unit, with_year);
}

char *
sales_chart_format (SalesChartCtx *ctx,
                    double         value,
                    gboolean       compact)
{
  return sales_chart_format_value (value, ctx->chart->unit,
                                   ctx->chart->currency, compact,
                                   &ctx->numbers);
}

/* Comparison series take a lighter tint of the primary colour. */
SalesRgb
sales_chart_series_colour (SalesChartCtx *ctx,
                           guint          series)
{
  SalesChartSeries *s = sales_chart_get_series (ctx->chart, series);
  guint primary = 0;

  if (s->role != SALES_CHART_SERIES_COMPARISON)
    {
      for (guint i = 0; i < series; i++)
        if (sales_chart_get_series (ctx->chart, i)->role !=
            SALES_CHART_SERIES_COMPARISON)
          primary++;
      return sales_chart_theme_series_colour (ctx->theme, primary);
    }

  return sales_rgb_mix (ctx->theme->text_muted, ctx->theme->background,
                        0.25);
}

void
sales_chart_add_mark (SalesChartCtx   *ctx,
                      const SalesMark *mark)
{
  g_array_append_val (ctx->marks, *mark);
}
