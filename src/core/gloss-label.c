/* gloss-label.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-label"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-label.h"

#define MAX_ATTRIBUTE_DEFS 100

struct _GlossLabel
{
  GObject         parent_instance;
  char           *name;
  char           *color;
  char           *key;
  GlossLabelKind  kind;
  GPtrArray      *attributes;  /* GlossAttributeDef, owned copies */
};

G_DEFINE_FINAL_TYPE (GlossLabel, gloss_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_COLOR,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = { "highlight", "entity", "claim" };

const char *
gloss_label_kind_to_string (GlossLabelKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
gloss_label_kind_from_string (const char     *str,
                              GlossLabelKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
gloss_color_is_valid (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/* A key is one printable, non-space character (any script). */
gboolean
gloss_label_key_is_valid (const char *key)
{
  gunichar c;

  if (key == NULL || *key == '\0' || !g_utf8_validate (key, -1, NULL))
    return FALSE;

  c = g_utf8_get_char (key);
  if (!g_unichar_isgraph (c))
    return FALSE;

  return *g_utf8_next_char (key) == '\0';
}

static void
gloss_label_finalize (GObject *object)
{
  GlossLabel *self = (GlossLabel *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_label_parent_class)->finalize (object);
}

static void
gloss_label_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      gloss_label_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      gloss_label_set_kind (self, g_value_get_uint (value));
      break;

    case PROP_COLOR:
      gloss_label_set_color (self, g_value_get_string (value));
      break;

    case PROP_KEY:
      gloss_label_set_key (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_class_init (GlossLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_label_finalize;
  object_class->get_property = gloss_label_get_property;
  object_class->set_property = gloss_label_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, GLOSS_N_LABEL_KINDS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, "#f6d32d",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_label_init (GlossLabel *self)
{
  self->name = g_strdup ("");
  self->color = g_strdup ("#f6d32d");
  self->key = g_strdup ("");
  self->attributes = g_ptr_array_new_with_free_func (g_object_unref);
}

GlossLabel *
gloss_label_new (const char     *name,
                 GlossLabelKind  kind,
                 const char     *color,
                 const char     *key)
{
  GlossLabel *self = g_object_new (GLOSS_TYPE_LABEL, NULL);

  gloss_label_set_name (self, name);
  gloss_label_set_kind (self, kind);
  if (color != NULL)
    gloss_label_set_color (self, color);
  gloss_label_set_key (self, key);

  return self;
}

GlossLabel *
gloss_label_copy (GlossLabel *self)
{
  GlossLabel *copy;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  copy = gloss_label_new (self->name, self->kind, self->color, self->key);
  gloss_label_set_attributes (copy, self->attributes);

  return copy;
}

const char *
gloss_label_get_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->name;
}

void
gloss_label_set_name (GlossLabel *self,
                      const char *name)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (name == NULL)
    name = "";
  if (gloss_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GlossLabelKind
gloss_label_get_kind (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), 0);

  return self->kind;
}

void
gloss_label_set_kind (GlossLabel     *self,
                      GlossLabelKind  kind)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  g_return_if_fail (kind < GLOSS_N_LABEL_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
gloss_label_get_color (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->color;
}

void
gloss_label_set_color (GlossLabel *self,
                       const char *color)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (GLOSS_IS_LABEL (self));
  g_return_if_fail (gloss_color_is_valid (color));

  lower = g_ascii_strdown (color, -1);
  if (gloss_set_str (&self->color, lower))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
gloss_label_get_key (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->key;
}

void
gloss_label_set_key (GlossLabel *self,
                     const char *key)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (key == NULL)
    key = "";
  if (gloss_set_str (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

void
gloss_label_get_rgb (GlossLabel *self,
                     double     *red,
                     double     *green,
                     double     *blue)
{
  guint64 v;

  g_return_if_fail (GLOSS_IS_LABEL (self));

  v = g_ascii_strtoull (self->color + 1, NULL, 16);
  *red = ((v >> 16) & 0xff) / 255.0;
  *green = ((v >> 8) & 0xff) / 255.0;
  *blue = (v & 0xff) / 255.0;
}

static gboolean
gloss_label_attributes_equal (GlossLabel *a,
                              GlossLabel *b)
{
  if (a->attributes->len != b->attributes->len)
    return FALSE;

  for (guint i = 0; i < a->attributes->len; i++)
    if (!gloss_attribute_def_equal (g_ptr_array_index (a->attributes, i),
                                    g_ptr_array_index (b->attributes, i)))
      return FALSE;

  return TRUE;
}

gboolean
gloss_label_equal (GlossLabel *a,
                   GlossLabel *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         a->kind == b->kind &&
         g_strcmp0 (a->color, b->color) == 0 &&
         g_strcmp0 (a->key, b->key) == 0 &&
         gloss_label_attributes_equal (a, b);
}

guint
gloss_label_get_n_attributes (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), 0);

  return self->attributes->len;
}

/**
 * gloss_label_get_attribute:
 *
 * Returns: (transfer none) (nullable): the definition at @position; do
 *   not modify it (copy the label and use gloss_label_set_attributes())
 */
GlossAttributeDef *
gloss_label_get_attribute (GlossLabel *self,
                           guint       position)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  if (position >= self->attributes->len)
    return NULL;

  return g_ptr_array_index (self->attributes, position);
}

/**
 * gloss_label_lookup_attribute:
 *
 * Returns: (transfer none) (nullable): the definition called @name
 */
GlossAttributeDef *
gloss_label_lookup_attribute (GlossLabel *self,
                              const char *name)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  for (guint i = 0; i < self->attributes->len; i++)
    if (g_strcmp0 (gloss_attribute_def_get_name (g_ptr_array_index (self->attributes, i)), name) == 0)
      return g_ptr_array_index (self->attributes, i);

  return NULL;
}

/**
 * gloss_label_set_attributes:
 * @defs: (nullable) (element-type GlossAttributeDef): the definitions
 *
 * Replaces the definitions by copies of @defs.
 */
void
gloss_label_set_attributes (GlossLabel *self,
                            GPtrArray  *defs)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GLOSS_IS_LABEL (self));

  for (guint i = 0; defs != NULL && i < defs->len; i++)
    g_ptr_array_add (copies, gloss_attribute_def_copy (g_ptr_array_index (defs, i)));

  g_ptr_array_unref (self->attributes);
  self->attributes = g_steal_pointer (&copies);
}

/**
 * gloss_label_check_attribute_defs:
 *
 * Checks every definition and that their names are unique.
 */
gboolean
gloss_label_check_attribute_defs (GlossLabel  *self,
                                  GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), FALSE);

  if (self->attributes->len > MAX_ATTRIBUTE_DEFS)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The label “%s” defines %u attributes; at most %u are supported"),
                   self->name, self->attributes->len, MAX_ATTRIBUTE_DEFS);
      return FALSE;
    }

  for (guint i = 0; i < self->attributes->len; i++)
    {
      GlossAttributeDef *def = g_ptr_array_index (self->attributes, i);

      if (!gloss_attribute_def_validate (def, error))
        return FALSE;

      for (guint j = 0; j < i; j++)
        if (g_str_equal (gloss_attribute_def_get_name (def),
                         gloss_attribute_def_get_name (g_ptr_array_index (self->attributes, j))))
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("The label “%s” defines the attribute “%s” twice"),
                         self->name, gloss_attribute_def_get_name (def));
            return FALSE;
          }
    }

  return TRUE;
}
