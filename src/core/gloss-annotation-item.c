/* gloss-annotation-item.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation-item"

#include "config.h"

#include "gloss-annotation-item.h"

struct _GlossAnnotationItem
{
  GObject          parent_instance;
  GlossAnnotation *annotation;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationItem, gloss_annotation_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANNOTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_annotation_item_dispose (GObject *object)
{
  GlossAnnotationItem *self = GLOSS_ANNOTATION_ITEM (object);

  g_clear_object (&self->annotation);

  G_OBJECT_CLASS (gloss_annotation_item_parent_class)->dispose (object);
}

static void
gloss_annotation_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossAnnotationItem *self = GLOSS_ANNOTATION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_item_class_init (GlossAnnotationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_annotation_item_dispose;
  object_class->get_property = gloss_annotation_item_get_property;

  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL,
                         GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_item_init (GlossAnnotationItem *self)
{
}

GlossAnnotationItem *
gloss_annotation_item_new (GlossAnnotation *annotation)
{
  GlossAnnotationItem *self;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION_ITEM, NULL);
  self->annotation = g_object_ref (annotation);

  return self;
}

/**
 * gloss_annotation_item_get_annotation:
 *
 * Returns: (transfer none): the current version of the annotation
 */
GlossAnnotation *
gloss_annotation_item_get_annotation (GlossAnnotationItem *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ITEM (self), NULL);

  return self->annotation;
}

/* For GlossAnnotationList: @annotation is an edited copy of the same id. */
void
gloss_annotation_item_set_annotation (GlossAnnotationItem *self,
                                      GlossAnnotation     *annotation)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ITEM (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  if (g_set_object (&self->annotation, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}
