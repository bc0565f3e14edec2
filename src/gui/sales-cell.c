/* sales-cell.c: one cell of a table view, shown and edited in place
 *
 * A cell shows its text in a GtkInscription, which (unlike a label) sizes
 * itself from the font rather than from its text, so binding a new row
 * while scrolling lays out each text once, to draw it. A double-click (or
 * the view, on Enter) swaps in an entry, or pops up a list of choices for
 * outcomes and categories. Enter or
 * leaving the entry commits, Escape cancels. The cell only reports the
 * typed text through "commit": the view converts, validates and writes it
 * to the store, since cells are reused for other rows as the view scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-cell.h"
#include "sales-cell-value.h"

struct _SalesCell
{
  GtkWidget         parent_instance;

  const SalesField *field;
  guint             index;
  SalesRowItem     *item;
  gulong            item_changed_id;
  guint             position;

  GtkWidget        *label;
  GtkWidget        *entry;
  GtkWidget        *popover;
  char             *edit_start;
  char             *tooltip;
  gboolean          editing;
  gboolean          has_error;
};

G_DEFINE_FINAL_TYPE (SalesCell, sales_cell, GTK_TYPE_WIDGET)

enum { COMMIT, PRESSED, N_SIGNALS };

static guint signals[N_SIGNALS];

static const char *
shown_text (SalesCell *self)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (self->label));

  return text != NULL ? text : "";
}

static GtkWidget *
shown_child (SalesCell *self)
{
  return self->entry != NULL ? self->entry : self->label;
}

static void
sales_cell_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  SalesCell *self = SALES_CELL (widget);

  gtk_widget_measure (shown_child (self), orientation, for_size, minimum,
                      natural, minimum_baseline, natural_baseline);
}

static void
sales_cell_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  SalesCell *self = SALES_CELL (widget);

  gtk_widget_allocate (shown_child (self), width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
unparent_later_cb (gpointer data)
{
  GtkWidget *widget = data;

  if (gtk_widget_get_parent (widget) != NULL)
    gtk_widget_unparent (widget);
  g_object_unref (widget);

  return G_SOURCE_REMOVE;
}

/* The popover goes away from an idle callback: this may run inside one of
 * its own signals (a row activated in it, or its closing).
 */
/* Setting a tooltip costs a round trip to the display server even when
 * nothing changes; binding hundreds of cells per scroll step must not.
 */
static void
set_tooltip (SalesCell  *self,
             const char *text)
{
  if (g_strcmp0 (text, self->tooltip) == 0)
    return;

  g_free (self->tooltip);
  self->tooltip = g_strdup (text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

/* Focus goes to the row before a focused entry is removed: GTK 4.8 can
 * otherwise keep pointing at the freed entry from the focus chain.
 */
static void
focus_row (SalesCell *self)
{
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self));
       w != NULL;
       w = gtk_widget_get_parent (w))
    if (gtk_widget_grab_focus (w))
      return;
}

static void
clear_editor (SalesCell *self)
{
  if (self->entry != NULL &&
      (gtk_widget_has_focus (self->entry) ||
       gtk_widget_get_focus_child (self->entry) != NULL))
    focus_row (self);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  if (self->popover != NULL)
    {
      GtkWidget *popover = g_steal_pointer (&self->popover);

      gtk_popover_popdown (GTK_POPOVER (popover));
      g_idle_add (unparent_later_cb, g_object_ref (popover));
    }
  gtk_widget_set_visible (self->label, TRUE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
release_item (SalesCell *self)
{
  if (self->item != NULL)
    g_clear_signal_handler (&self->item_changed_id, self->item);
  g_clear_object (&self->item);
}

static void
sales_cell_dispose (GObject *object)
{
  SalesCell *self = SALES_CELL (object);

  GtkWidget *child;

  self->editing = FALSE;
  clear_editor (self);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  /* A popover whose removal was deferred goes now. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  release_item (self);
  g_clear_pointer (&self->edit_start, g_free);
  g_clear_pointer (&self->tooltip, g_free);

  G_OBJECT_CLASS (sales_cell_parent_class)->dispose (object);
}

static void
sales_cell_class_init (SalesCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_cell_dispose;
  widget_class->measure = sales_cell_measure;
  widget_class->size_allocate = sales_cell_size_allocate;

  /**
   * SalesCell::commit:
   * @text: what the user typed or chose
   *
   * Emitted when an edit ends with a changed text.
   */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Emitted on a click, so the view knows which column Enter edits. */
  signals[PRESSED] =
    g_signal_new ("pressed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "salescell");
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SalesCell       *self)
{
  g_signal_emit (self, signals[PRESSED], 0);

  if (n_press == 2 && sales_cell_start_editing (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
sales_cell_init (SalesCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->label = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->label), 0.0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (self->label), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (self->label), 1);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * sales_cell_new:
 * @field: (nullable): the field shown, %NULL for the read-only extra
 *   values an import kept
 * @index: the value index in a #SalesRowItem
 *
 * Returns: (transfer floating): a new cell
 */
GtkWidget *
sales_cell_new (const SalesField *field,
                guint             index)
{
  SalesCell *self = g_object_new (SALES_TYPE_CELL, NULL);

  self->field = field;
  self->index = index;

  if (field != NULL &&
      (field->type == SALES_FIELD_MONEY || field->type == SALES_FIELD_NUMBER))
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (self->label), 1.0);
      gtk_widget_add_css_class (self->label, "numeric");
    }
  if (field == NULL)
    gtk_widget_add_css_class (self->label, "dim-label");

  /* Room for a typical value before the label ellipsizes. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->label), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->label),
                                 field == NULL ? 24 :
                                 field->type == SALES_FIELD_TEXT ? 12 : 10);

  return GTK_WIDGET (self);
}

static void
show_value (SalesCell *self)
{
  g_autofree char *text = NULL;
  GVariant *value;

  value = self->index < sales_row_item_get_n_values (self->item)
    ? sales_row_item_get_value (self->item, self->index) : NULL;
  text = sales_cell_value_format (self->field, value);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->label), text);
  sales_cell_set_error (self, NULL);
  if (self->field == NULL)
    set_tooltip (self, *text != '\0' ? text : NULL);
}

/**
 * sales_cell_bind:
 * @self: a cell
 * @item: the row shown
 * @position: its position in the view
 *
 * Shows @item's value; ends any edit the cell still had open.
 */
void
sales_cell_bind (SalesCell    *self,
                 SalesRowItem *item,
                 guint         position)
{
  g_return_if_fail (SALES_IS_CELL (self));
  g_return_if_fail (SALES_IS_ROW_ITEM (item));

  sales_cell_finish_editing (self, FALSE);
  release_item (self);
  self->item = g_object_ref (item);
  self->position = position;

  /* The model updates items of rows still shown in place. */
  self->item_changed_id = g_signal_connect_swapped (item, "changed",
                                                    G_CALLBACK (show_value),
                                                    self);
  show_value (self);
}

void
sales_cell_unbind (SalesCell *self)
{
  g_return_if_fail (SALES_IS_CELL (self));

  sales_cell_finish_editing (self, FALSE);
  release_item (self);
}

SalesRowItem *
sales_cell_get_item (SalesCell *self)
{
  g_return_val_if_fail (SALES_IS_CELL (self), NULL);

  return self->item;
}

guint
sales_cell_get_position (SalesCell *self)
{
  g_return_val_if_fail (SALES_IS_CELL (self), 0);

  return self->position;
}

guint
sales_cell_get_index (SalesCell *self)
{
  g_return_val_if_fail (SALES_IS_CELL (self), 0);

  return self->index;
}

const SalesField *
sales_cell_get_field (SalesCell *self)
{
  g_return_val_if_fail (SALES_IS_CELL (self), NULL);

  return self->field;
}

const char *
sales_cell_get_text (SalesCell *self)
{
  g_return_val_if_fail (SALES_IS_CELL (self), NULL);

  return shown_text (self);
}

gboolean
sales_cell_is_editing (SalesCell *self)
{
  g_return_val_if_fail (SALES_IS_CELL (self), FALSE);

  return self->editing;
}

/**
 * sales_cell_get_editor:
 * @self: a cell
 *
 * Returns: (transfer none) (nullable): the entry or the popover of
 *   choices while the cell is being edited
 */
GtkWidget *
sales_cell_get_editor (SalesCell *self)
{
  g_return_val_if_fail (SALES_IS_CELL (self), NULL);

  return self->entry != NULL ? self->entry : self->popover;
}

/**
 * sales_cell_finish_editing:
 * @self: a cell
 * @commit: whether to keep what was typed
 *
 * Ends an edit; emits #SalesCell::commit when @commit is set and the
 * text differs from what the edit started with. Does nothing when the
 * cell is not being edited.
 */
void
sales_cell_finish_editing (SalesCell *self,
                           gboolean   commit)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SALES_IS_CELL (self));

  if (!self->editing)
    return;

  /* Cleared first: removing a focused entry re-enters through focus-out. */
  self->editing = FALSE;
  if (self->entry != NULL)
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  clear_editor (self);

  if (commit && text != NULL && g_strcmp0 (text, self->edit_start) != 0)
    g_signal_emit (self, signals[COMMIT], 0, text);
  g_clear_pointer (&self->edit_start, g_free);
}

/**
 * sales_cell_choose:
 * @self: a cell showing its choices
 * @choice: one of them
 *
 * Ends the edit with @choice, as a click on it in the list would.
 *
 * Returns: %TRUE when the cell was offering choices
 */
gboolean
sales_cell_choose (SalesCell  *self,
                   const char *choice)
{
  g_autofree char *start = NULL;

  g_return_val_if_fail (SALES_IS_CELL (self), FALSE);
  g_return_val_if_fail (choice != NULL, FALSE);

  if (!self->editing || self->popover == NULL)
    return FALSE;

  self->editing = FALSE;
  start = g_steal_pointer (&self->edit_start);
  clear_editor (self);

  if (g_strcmp0 (choice, start) != 0)
    g_signal_emit (self, signals[COMMIT], 0, choice);
  return TRUE;
}

static void
choice_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     SalesCell     *self)
{
  const char *choice = g_object_get_data (G_OBJECT (row), "sales-choice");

  sales_cell_choose (self, choice);
}

static void
popover_closed_cb (GtkPopover *popover,
                   SalesCell  *self)
{
  if (self->editing && GTK_WIDGET (popover) == self->popover)
    sales_cell_finish_editing (self, FALSE);
}

static void
show_choices (SalesCell         *self,
              const char *const *choices)
{
  GtkWidget *list = gtk_list_box_new ();
  const char *current = shown_text (self);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "menu");
  for (guint i = 0; choices[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (choices[i]);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_opacity (check, g_str_equal (current, choices[i]) ? 1 : 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "sales-choice",
                              g_strdup (choices[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (choice_activated_cb),
                    self);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), list);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect (self->popover, "closed", G_CALLBACK (popover_closed_cb),
                    self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
entry_activate_cb (GtkEntry  *entry,
                   SalesCell *self)
{
  sales_cell_finish_editing (self, TRUE);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      SalesCell             *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  sales_cell_finish_editing (self, FALSE);
  return TRUE;
}

static void
entry_leave_cb (GtkEventControllerFocus *controller,
                SalesCell               *self)
{
  sales_cell_finish_editing (self, TRUE);
}

static void
show_entry (SalesCell *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->edit_start);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 4);
  if (gtk_inscription_get_xalign (GTK_INSCRIPTION (self->label)) > 0.5)
    gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1.0);
  if (self->field->type == SALES_FIELD_DATE)
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));

  /* Tied to the cell's life: a window can still send focus-out to an
   * entry it had focused after the cell is gone.
   */
  g_signal_connect_object (self->entry, "activate",
                           G_CALLBACK (entry_activate_cb), self, 0);
  g_signal_connect_object (key, "key-pressed",
                           G_CALLBACK (entry_key_pressed_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (entry_leave_cb), self, 0);
  gtk_widget_add_controller (self->entry, key);
  gtk_widget_add_controller (self->entry, focus);

  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/**
 * sales_cell_start_editing:
 * @self: a cell
 *
 * Opens the editor of a bound, editable cell: an entry, or a list of
 * choices for outcomes and categories.
 *
 * Returns: %TRUE when editing started (or was already going on); %FALSE
 *   for a read-only or unbound cell
 */
gboolean
sales_cell_start_editing (SalesCell *self)
{
  const char *const *choices;

  g_return_val_if_fail (SALES_IS_CELL (self), FALSE);

  if (self->editing)
    return TRUE;
  if (self->field == NULL || self->item == NULL)
    return FALSE;

  self->editing = TRUE;
  self->edit_start = g_strdup (shown_text (self));
  sales_cell_set_error (self, NULL);

  choices = sales_cell_value_choices (self->field);
  if (choices != NULL)
    show_choices (self, choices);
  else
    show_entry (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  return TRUE;
}

/**
 * sales_cell_set_error:
 * @self: a cell
 * @message: (nullable): why the last edit was refused, %NULL to clear
 *
 * Marks the cell with the error style and the reason as its tooltip.
 */
void
sales_cell_set_error (SalesCell  *self,
                      const char *message)
{
  g_return_if_fail (SALES_IS_CELL (self));

  if (message == NULL && !self->has_error)
    return;

  self->has_error = message != NULL;
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  set_tooltip (self, message);
}
