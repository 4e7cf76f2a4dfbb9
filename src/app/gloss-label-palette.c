/* gloss-label-palette.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-label-palette"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-label-palette.h"

struct _GlossLabelPalette
{
  GtkPopover  parent_instance;

  GtkFlowBox *flow_box;
  GListModel *labels;
};

G_DEFINE_FINAL_TYPE (GlossLabelPalette, gloss_label_palette, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_LABELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * gloss_label_for_key:
 * @labels: a #GListModel of #GlossLabel
 *
 * Returns: (transfer full) (nullable): the label selected by the key press
 */
GlossLabel *
gloss_label_for_key (GListModel      *labels,
                     guint            keyval,
                     GdkModifierType  state)
{
  g_autofree char *folded = NULL;
  char typed[8];
  gunichar c;
  guint n;

  if (labels == NULL)
    return NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK |
                GDK_META_MASK | GDK_HYPER_MASK)) != 0)
    return NULL;

  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || !g_unichar_isgraph (c))
    return NULL;

  typed[g_unichar_to_utf8 (c, typed)] = '\0';
  folded = g_utf8_casefold (typed, -1);
  n = g_list_model_get_n_items (labels);

  /* An exact match wins over a case-insensitive one. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);
          const char *key = gloss_label_get_key (label);

          if (key == NULL || *key == '\0')
            continue;

          if (pass == 0 && strcmp (key, typed) == 0)
            return g_steal_pointer (&label);

          if (pass == 1)
            {
              g_autofree char *key_folded = g_utf8_casefold (key, -1);

              if (strcmp (key_folded, folded) == 0)
                return g_steal_pointer (&label);
            }
        }
    }

  if (c >= '1' && c <= '9' && c - '1' < n)
    return g_list_model_get_item (labels, c - '1');

  return NULL;
}

static void
draw_chip (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  GlossLabel *label = user_data;
  double r, g, b;
  double size = MIN (width, height);
  double x = (width - size) / 2.0;
  double y = (height - size) / 2.0;
  double radius = size / 3.0;

  gloss_label_get_rgb (label, &r, &g, &b);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + size - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + size - radius, y + size - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + size - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static void
button_clicked_cb (GlossLabelPalette *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static GtkWidget *
create_label_button (gpointer item,
                     gpointer user_data)
{
  GlossLabelPalette *self = user_data;
  GlossLabel *label = item;
  const char *name = gloss_label_get_name (label);
  const char *key = gloss_label_get_key (label);
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *chip;
  GtkWidget *text;
  g_autofree char *tooltip = NULL;

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "flat");
  /* Styled like the sidebar's label buttons by the application's CSS. */
  gtk_widget_add_css_class (button, "label-button");
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb),
                           self, G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_button_set_child (GTK_BUTTON (button), box);

  chip = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (chip), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (chip), 12);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chip), draw_chip,
                                  g_object_ref (label), g_object_unref);
  gtk_box_append (GTK_BOX (box), chip);

  text = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 14);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  if (key != NULL && *key != '\0')
    {
      GtkWidget *keycap = gtk_label_new (key);

      gtk_widget_add_css_class (keycap, "dim-label");
      gtk_widget_add_css_class (keycap, "monospace");
      gtk_widget_add_css_class (keycap, "key");
      gtk_box_append (GTK_BOX (box), keycap);
      /* Translators: a tooltip; %s are a label name and its key */
      tooltip = g_strdup_printf (_("Tag as %s (%s)"), name, key);
    }
  else
    {
      /* Translators: a tooltip; %s is a label name */
      tooltip = g_strdup_printf (_("Tag as %s"), name);
    }

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  return button;
}

static gboolean
key_pressed_cb (GlossLabelPalette     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  g_autoptr(GlossLabel) label = gloss_label_for_key (self->labels, keyval, state);

  if (label == NULL)
    return FALSE;

  /* Typing a label key while the palette is open tags, exactly as it does
   * in the article view. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", "s",
                              gloss_label_get_name (label));
  gtk_popover_popdown (GTK_POPOVER (self));

  return TRUE;
}

static void
gloss_label_palette_dispose (GObject *object)
{
  GlossLabelPalette *self = (GlossLabelPalette *)object;

  if (self->flow_box != NULL)
    gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LABEL_PALETTE);
  self->flow_box = NULL;
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (gloss_label_palette_parent_class)->dispose (object);
}

static void
gloss_label_palette_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossLabelPalette *self = GLOSS_LABEL_PALETTE (object);

  switch (prop_id)
    {
    case PROP_LABELS:
      g_value_set_object (value, self->labels);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_palette_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossLabelPalette *self = GLOSS_LABEL_PALETTE (object);

  switch (prop_id)
    {
    case PROP_LABELS:
      gloss_label_palette_set_labels (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_palette_class_init (GlossLabelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_label_palette_dispose;
  object_class->get_property = gloss_label_palette_get_property;
  object_class->set_property = gloss_label_palette_set_property;

  properties[PROP_LABELS] =
    g_param_spec_object ("labels", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-label-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelPalette, flow_box);
}

static void
gloss_label_palette_init (GlossLabelPalette *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "gloss-label-palette-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
gloss_label_palette_new (void)
{
  return g_object_new (GLOSS_TYPE_LABEL_PALETTE, NULL);
}

/**
 * gloss_label_palette_get_labels:
 *
 * Returns: (transfer none) (nullable): the labels shown
 */
GListModel *
gloss_label_palette_get_labels (GlossLabelPalette *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_PALETTE (self), NULL);

  return self->labels;
}

/**
 * gloss_label_palette_set_labels:
 * @labels: (nullable): a #GListModel of #GlossLabel, usually the document's
 *   #GlossLabelSet; the palette follows its changes
 */
void
gloss_label_palette_set_labels (GlossLabelPalette *self,
                                GListModel        *labels)
{
  g_return_if_fail (GLOSS_IS_LABEL_PALETTE (self));
  g_return_if_fail (labels == NULL || G_IS_LIST_MODEL (labels));

  if (!g_set_object (&self->labels, labels))
    return;

  gtk_flow_box_bind_model (self->flow_box, labels, create_label_button, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}
