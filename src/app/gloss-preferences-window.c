/* gloss-preferences-window.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-preferences-window.h"

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *annotator_row;
  GtkSpinButton        *font_size_spin;
  GtkSwitch            *serif_switch;
  GtkSwitch            *snap_switch;
  AdwComboRow          *style_row;
  GtkSpinButton        *autosave_delay_spin;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *style_nicks[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_strcmp0 (nick, style_nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (style_nicks))
    return NULL;

  return g_variant_new_string (style_nicks[i]);
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, serif_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, autosave_delay_spin);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GlossPreferencesWindow *
gloss_preferences_window_new (GSettings *settings)
{
  GlossPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "annotator-name", self->annotator_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "article-font-size", self->font_size_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "article-serif", self->serif_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "snap-to-words", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind (settings, "autosave-delay", self->autosave_delay_spin, "value", G_SETTINGS_BIND_DEFAULT);

  return self;
}
