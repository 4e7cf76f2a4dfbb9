/* gloss-annotation.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation"

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-text.h"

struct _GlossAnnotation
{
  GObject     parent_instance;
  char       *id;
  char       *label;
  char       *quote;
  char       *note;
  char       *author;
  char       *created;
  char       *modified;
  GHashTable *attributes;
  char       *search_text;  /* made by the first search, NULL after a change */
  guint       start;
  guint       end;
};

G_DEFINE_FINAL_TYPE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotation *self = (GlossAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->attributes, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_annotation_finalize;
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
}

char *
gloss_uuid_new (void)
{
  return g_uuid_string_random ();
}

char *
gloss_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ISO 8601 in UTC, as Gloss writes it: 2026-11-29T10:00:00Z, with optional
 * fractional seconds. */
gboolean
gloss_timestamp_is_valid (const char *timestamp)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len;

  if (timestamp == NULL)
    return FALSE;

  len = strlen (timestamp);
  if (len < 20 || len > 40 || timestamp[len - 1] != 'Z' || timestamp[10] != 'T')
    return FALSE;

  dt = g_date_time_new_from_iso8601 (timestamp, NULL);

  return dt != NULL;
}

GlossAnnotation *
gloss_annotation_new (const char *label,
                      guint       start,
                      guint       end)
{
  GlossAnnotation *self = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);

  self->id = gloss_uuid_new ();
  self->label = g_strdup (label);
  self->start = start;
  self->end = end;
  self->created = gloss_timestamp_now ();
  self->modified = g_strdup (self->created);

  return self;
}

GlossAnnotation *
gloss_annotation_copy (GlossAnnotation *self)
{
  GlossAnnotation *copy;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  copy = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);
  copy->id = g_strdup (self->id);
  copy->label = g_strdup (self->label);
  copy->quote = g_strdup (self->quote);
  copy->note = g_strdup (self->note);
  copy->author = g_strdup (self->author);
  copy->created = g_strdup (self->created);
  copy->modified = g_strdup (self->modified);
  copy->start = self->start;
  copy->end = self->end;

  if (self->attributes != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->attributes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        gloss_annotation_set_attribute (copy, key, value);
    }

  return copy;
}

#define DEFINE_STRING_ACCESSORS(field)                                  \
  const char *                                                          \
  gloss_annotation_get_##field (GlossAnnotation *self)                  \
  {                                                                     \
    g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);            \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  gloss_annotation_set_##field (GlossAnnotation *self,                  \
                                const char      *value)                 \
  {                                                                     \
    g_return_if_fail (GLOSS_IS_ANNOTATION (self));                      \
    gloss_set_str (&self->field, value);                                \
    g_clear_pointer (&self->search_text, g_free);                       \
  }

DEFINE_STRING_ACCESSORS (id)
DEFINE_STRING_ACCESSORS (label)
DEFINE_STRING_ACCESSORS (quote)
DEFINE_STRING_ACCESSORS (author)
DEFINE_STRING_ACCESSORS (created)
DEFINE_STRING_ACCESSORS (modified)

#undef DEFINE_STRING_ACCESSORS

const char *
gloss_annotation_get_note (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->note;
}

/* An empty note is no note. */
void
gloss_annotation_set_note (GlossAnnotation *self,
                           const char      *note)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  gloss_set_str (&self->note, note);
  g_clear_pointer (&self->search_text, g_free);
}

/**
 * gloss_annotation_peek_search_text:
 *
 * The search text if it has been made, without making it: whether a
 * search has already paid for this annotation.
 *
 * Returns: (nullable): the folded text, or %NULL
 */
const char *
gloss_annotation_peek_search_text (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->search_text;
}

/**
 * gloss_annotation_get_search_text:
 *
 * What a search of annotations looks in: the quote, note, label and
 * author, folded by gloss_text_fold_for_search (), with a separator no
 * typed text holds between them, so that a match never spans two.
 *
 * Folding 100,000 quotes takes ~250 ms, so the text is made on the first
 * call and kept until one of those fields changes; a search then reads
 * it from the annotation itself (at every keystroke, for each one).
 *
 * Returns: the folded text
 */
const char *
gloss_annotation_get_search_text (GlossAnnotation *self)
{
  const char *fields[4];
  g_autoptr(GString) joined = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  if (self->search_text != NULL)
    return self->search_text;

  fields[0] = self->quote;
  fields[1] = self->note;
  fields[2] = self->label;
  fields[3] = self->author;
  joined = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (joined, '\x1f');
      if (fields[i] != NULL)
        g_string_append (joined, fields[i]);
    }
  self->search_text = gloss_text_fold_for_search (joined->str, joined->len);

  return self->search_text;
}

guint
gloss_annotation_get_start (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->start;
}

guint
gloss_annotation_get_end (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->end;
}

void
gloss_annotation_set_span (GlossAnnotation *self,
                           guint            start,
                           guint            end)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  self->start = start;
  self->end = end;
}

/**
 * gloss_annotation_get_attribute:
 *
 * Returns: (transfer none) (nullable): the value of attribute @key
 */
GVariant *
gloss_annotation_get_attribute (GlossAnnotation *self,
                                const char      *key)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  if (self->attributes == NULL)
    return NULL;

  return g_hash_table_lookup (self->attributes, key);
}

const char *
gloss_annotation_get_attribute_string (GlossAnnotation *self,
                                       const char      *key)
{
  GVariant *value = gloss_annotation_get_attribute (self, key);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;

  return g_variant_get_string (value, NULL);
}

/**
 * gloss_annotation_set_attribute:
 * @value: (nullable): a string, boolean, int64 or double variant, or %NULL
 *   to remove the attribute
 */
void
gloss_annotation_set_attribute (GlossAnnotation *self,
                                const char      *key,
                                GVariant        *value)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    {
      if (self->attributes != NULL)
        g_hash_table_remove (self->attributes, key);
      return;
    }

  g_return_if_fail (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
                    g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) ||
                    g_variant_is_of_type (value, G_VARIANT_TYPE_INT64) ||
                    g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE));

  if (self->attributes == NULL)
    self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal,
                                              g_free, (GDestroyNotify) g_variant_unref);

  g_hash_table_insert (self->attributes, g_strdup (key), g_variant_ref_sink (value));
}

/**
 * gloss_annotation_list_attributes:
 *
 * Returns: (transfer full): the attribute names, sorted
 */
char **
gloss_annotation_list_attributes (GlossAnnotation *self)
{
  GPtrArray *keys = g_ptr_array_new ();

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  if (self->attributes != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->attributes);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, g_strdup (key));
    }

  gloss_ptr_array_sort_strings (keys);
  g_ptr_array_add (keys, NULL);

  return (char **) g_ptr_array_free (keys, FALSE);
}

guint
gloss_annotation_get_n_attributes (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->attributes ? g_hash_table_size (self->attributes) : 0;
}

/* Text order: by start, then longer spans first (so an enclosing span comes
 * before what it contains), then by label and id for a stable total order. */
int
gloss_annotation_compare (GlossAnnotation *a,
                          GlossAnnotation *b)
{
  int r;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  if ((r = g_strcmp0 (a->label, b->label)) != 0)
    return r;

  return g_strcmp0 (a->id, b->id);
}

gboolean
gloss_annotation_contains (GlossAnnotation *self,
                           guint            offset)
{
  return self->start <= offset && offset < self->end;
}

gboolean
gloss_annotation_overlaps (GlossAnnotation *self,
                           guint            start,
                           guint            end)
{
  return self->start < end && start < self->end;
}
