/* gloss-difference.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-difference"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-difference.h"

struct _GlossDifference
{
  GObject                  parent_instance;

  GlossDifferenceCategory  category;
  GlossAnnotation         *mine;
  GlossAnnotation         *theirs;
  char                   **attribute_differences;
  GObject                 *decision;
};

G_DEFINE_FINAL_TYPE (GlossDifference, gloss_difference, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATEGORY,
  PROP_MINE,
  PROP_THEIRS,
  PROP_START,
  PROP_END,
  PROP_ATTRIBUTE_DIFFERENCES,
  PROP_DECISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue category_values[] = {
  { GLOSS_DIFFERENCE_AGREE, "GLOSS_DIFFERENCE_AGREE", "agree" },
  { GLOSS_DIFFERENCE_LABEL_DIFFERS, "GLOSS_DIFFERENCE_LABEL_DIFFERS", "label-differs" },
  { GLOSS_DIFFERENCE_BOUNDARY_DIFFERS, "GLOSS_DIFFERENCE_BOUNDARY_DIFFERS", "boundary-differs" },
  { GLOSS_DIFFERENCE_BOTH_DIFFER, "GLOSS_DIFFERENCE_BOTH_DIFFER", "both-differ" },
  { GLOSS_DIFFERENCE_ONLY_MINE, "GLOSS_DIFFERENCE_ONLY_MINE", "only-mine" },
  { GLOSS_DIFFERENCE_ONLY_THEIRS, "GLOSS_DIFFERENCE_ONLY_THEIRS", "only-theirs" },
  { 0, NULL, NULL }
};

GType
gloss_difference_category_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static ("GlossDifferenceCategory", category_values);
      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

const char *
gloss_difference_category_to_string (GlossDifferenceCategory category)
{
  g_return_val_if_fail (category < GLOSS_N_DIFFERENCE_CATEGORIES, NULL);

  return category_values[category].value_nick;
}

gboolean
gloss_difference_category_from_string (const char              *str,
                                       GlossDifferenceCategory *category)
{
  for (guint i = 0; i < GLOSS_N_DIFFERENCE_CATEGORIES; i++)
    if (g_strcmp0 (str, category_values[i].value_nick) == 0)
      {
        *category = (GlossDifferenceCategory) i;
        return TRUE;
      }

  return FALSE;
}

const char *
gloss_difference_category_get_title (GlossDifferenceCategory category)
{
  switch (category)
    {
    case GLOSS_DIFFERENCE_AGREE:
      return _("Agree");
    case GLOSS_DIFFERENCE_LABEL_DIFFERS:
      return _("Label differs");
    case GLOSS_DIFFERENCE_BOUNDARY_DIFFERS:
      return _("Boundary differs");
    case GLOSS_DIFFERENCE_BOTH_DIFFER:
      return _("Both differ");
    case GLOSS_DIFFERENCE_ONLY_MINE:
      return _("Only mine");
    case GLOSS_DIFFERENCE_ONLY_THEIRS:
      return _("Only theirs");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
gloss_difference_finalize (GObject *object)
{
  GlossDifference *self = GLOSS_DIFFERENCE (object);

  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_clear_object (&self->decision);
  g_strfreev (self->attribute_differences);

  G_OBJECT_CLASS (gloss_difference_parent_class)->finalize (object);
}

static void
gloss_difference_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossDifference *self = GLOSS_DIFFERENCE (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_MINE:
      g_value_set_object (value, self->mine);
      break;
    case PROP_THEIRS:
      g_value_set_object (value, self->theirs);
      break;
    case PROP_START:
      g_value_set_uint (value, gloss_difference_get_start (self));
      break;
    case PROP_END:
      g_value_set_uint (value, gloss_difference_get_end (self));
      break;
    case PROP_ATTRIBUTE_DIFFERENCES:
      g_value_set_boxed (value, self->attribute_differences);
      break;
    case PROP_DECISION:
      g_value_set_object (value, self->decision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_difference_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossDifference *self = GLOSS_DIFFERENCE (object);

  switch (prop_id)
    {
    case PROP_DECISION:
      gloss_difference_set_decision (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_difference_class_init (GlossDifferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_difference_finalize;
  object_class->get_property = gloss_difference_get_property;
  object_class->set_property = gloss_difference_set_property;

  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       GLOSS_TYPE_DIFFERENCE_CATEGORY, GLOSS_DIFFERENCE_AGREE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINE] =
    g_param_spec_object ("mine", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEIRS] =
    g_param_spec_object ("theirs", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTRIBUTE_DIFFERENCES] =
    g_param_spec_boxed ("attribute-differences", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISION] =
    g_param_spec_object ("decision", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_difference_init (GlossDifference *self)
{
}

/**
 * gloss_difference_new:
 * @mine: (nullable): my annotation
 * @theirs: (nullable): theirs
 * @attribute_differences: (nullable): names of the attributes that differ
 */
GlossDifference *
gloss_difference_new (GlossDifferenceCategory  category,
                      GlossAnnotation         *mine,
                      GlossAnnotation         *theirs,
                      const char * const      *attribute_differences)
{
  GlossDifference *self;

  g_return_val_if_fail (category < GLOSS_N_DIFFERENCE_CATEGORIES, NULL);
  g_return_val_if_fail (mine != NULL || theirs != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_DIFFERENCE, NULL);
  self->category = category;
  self->mine = mine ? g_object_ref (mine) : NULL;
  self->theirs = theirs ? g_object_ref (theirs) : NULL;
  self->attribute_differences = attribute_differences
                                ? g_strdupv ((char **) attribute_differences)
                                : g_new0 (char *, 1);

  return self;
}

GlossDifferenceCategory
gloss_difference_get_category (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), GLOSS_DIFFERENCE_AGREE);

  return self->category;
}

/**
 * gloss_difference_get_mine:
 *
 * Returns: (transfer none) (nullable): my annotation
 */
GlossAnnotation *
gloss_difference_get_mine (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), NULL);

  return self->mine;
}

/**
 * gloss_difference_get_theirs:
 *
 * Returns: (transfer none) (nullable): their annotation
 */
GlossAnnotation *
gloss_difference_get_theirs (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), NULL);

  return self->theirs;
}

guint
gloss_difference_get_start (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), 0);

  if (self->mine == NULL)
    return gloss_annotation_get_start (self->theirs);
  if (self->theirs == NULL)
    return gloss_annotation_get_start (self->mine);

  return MIN (gloss_annotation_get_start (self->mine),
              gloss_annotation_get_start (self->theirs));
}

guint
gloss_difference_get_end (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), 0);

  if (self->mine == NULL)
    return gloss_annotation_get_end (self->theirs);
  if (self->theirs == NULL)
    return gloss_annotation_get_end (self->mine);

  return MAX (gloss_annotation_get_end (self->mine),
              gloss_annotation_get_end (self->theirs));
}

const char * const *
gloss_difference_get_attribute_differences (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), NULL);

  return (const char * const *) self->attribute_differences;
}

gboolean
gloss_difference_has_attribute_difference (GlossDifference *self,
                                           const char      *attribute)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), FALSE);

  return g_strv_contains ((const char * const *) self->attribute_differences, attribute);
}

gboolean
gloss_difference_is_conflict (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), FALSE);

  return self->category != GLOSS_DIFFERENCE_AGREE || self->attribute_differences[0] != NULL;
}

/**
 * gloss_difference_get_decision:
 *
 * Returns: (transfer none) (nullable): the decision recorded for it
 */
GObject *
gloss_difference_get_decision (GlossDifference *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (self), NULL);

  return self->decision;
}

void
gloss_difference_set_decision (GlossDifference *self,
                               GObject         *decision)
{
  g_return_if_fail (GLOSS_IS_DIFFERENCE (self));

  if (g_set_object (&self->decision, decision))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
}
