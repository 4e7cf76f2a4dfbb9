/* gloss-relation.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-relation"

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-relation.h"

struct _GlossRelation
{
  GObject  parent_instance;
  char    *id;
  char    *kind;
  char    *from;
  char    *to;
  char    *note;
};

G_DEFINE_FINAL_TYPE (GlossRelation, gloss_relation, G_TYPE_OBJECT)

static void
gloss_relation_finalize (GObject *object)
{
  GlossRelation *self = (GlossRelation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (gloss_relation_parent_class)->finalize (object);
}

static void
gloss_relation_class_init (GlossRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_relation_finalize;
}

static void
gloss_relation_init (GlossRelation *self)
{
}

GlossRelation *
gloss_relation_new (const char *type,
                    const char *from,
                    const char *to)
{
  GlossRelation *self = g_object_new (GLOSS_TYPE_RELATION, NULL);

  self->id = gloss_uuid_new ();
  self->kind = g_strdup (type);
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  return self;
}

GlossRelation *
gloss_relation_copy (GlossRelation *self)
{
  GlossRelation *copy;

  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  copy = gloss_relation_new (self->kind, self->from, self->to);
  gloss_relation_set_id (copy, self->id);
  gloss_relation_set_note (copy, self->note);

  return copy;
}

#define DEFINE_STRING_ACCESSORS(field)                                  \
  const char *                                                          \
  gloss_relation_get_##field (GlossRelation *self)                      \
  {                                                                     \
    g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);              \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  gloss_relation_set_##field (GlossRelation *self,                      \
                              const char    *value)                     \
  {                                                                     \
    g_return_if_fail (GLOSS_IS_RELATION (self));                        \
    gloss_set_str (&self->field, value);                                    \
  }

DEFINE_STRING_ACCESSORS (id)
DEFINE_STRING_ACCESSORS (kind)
DEFINE_STRING_ACCESSORS (from)
DEFINE_STRING_ACCESSORS (to)

#undef DEFINE_STRING_ACCESSORS

const char *
gloss_relation_get_note (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->note;
}

void
gloss_relation_set_note (GlossRelation *self,
                         const char    *note)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  gloss_set_str (&self->note, note);
}
