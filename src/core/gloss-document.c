/* gloss-document.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-error.h"

struct _GlossDocument
{
  GObject               parent_instance;

  GlossTextIndex       *index;
  char                 *sha256;
  GHashTable           *metadata;   /* key → value: title, byline, … */
  GArray               *headings;   /* GlossHeading, or NULL for none */
  char                 *author;

  GlossLabelSet        *labels;
  GlossAnnotationStore *annotations;
  GListStore           *relations;
  GHashTable           *relations_by_id;
  GlossHistory         *history;

  GlossEdit            *pending;    /* edit being built between begin/end */
  guint                 edit_depth;
  GlossAnnotation      *undo_subject;  /* see gloss_document_get_undo_subject () */
};

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LENGTH,
  PROP_TITLE,
  PROP_BYLINE,
  PROP_PUBLISHED,
  PROP_SOURCE,
  PROP_LANGUAGE,
  PROP_AUTHOR,
  PROP_LABELS,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
history_modified_cb (GlossDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
gloss_document_dispose (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_object (&self->labels);
  g_clear_object (&self->annotations);
  g_clear_object (&self->relations);
  g_clear_object (&self->history);
  g_clear_object (&self->undo_subject);

  G_OBJECT_CLASS (gloss_document_parent_class)->dispose (object);
}

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_pointer (&self->index, gloss_text_index_unref);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->metadata, g_hash_table_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->relations_by_id, g_hash_table_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->pending, gloss_edit_free);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_LENGTH:
      g_value_set_uint (value, gloss_document_get_length (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, gloss_document_get_title (self));
      break;

    case PROP_BYLINE:
      g_value_set_string (value, gloss_document_get_byline (self));
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, gloss_document_get_published (self));
      break;

    case PROP_SOURCE:
      g_value_set_string (value, gloss_document_get_source (self));
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, gloss_document_get_language (self));
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_LABELS:
      g_value_set_object (value, self->labels);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, gloss_document_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gloss_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_BYLINE:
      gloss_document_set_byline (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      gloss_document_set_published (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      gloss_document_set_source (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      gloss_document_set_language (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      gloss_document_set_author (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_document_dispose;
  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;
  object_class->set_property = gloss_document_set_property;

  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  STRING_PROP (PROP_TITLE, "title");
  STRING_PROP (PROP_BYLINE, "byline");
  STRING_PROP (PROP_PUBLISHED, "published");
  STRING_PROP (PROP_SOURCE, "source");
  STRING_PROP (PROP_LANGUAGE, "language");
  STRING_PROP (PROP_AUTHOR, "author");
#undef STRING_PROP
  properties[PROP_LABELS] =
    g_param_spec_object ("labels", NULL, NULL, GLOSS_TYPE_LABEL_SET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDocument::changed:
   *
   * Emitted once after each edit, undo or redo has been applied.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_document_init (GlossDocument *self)
{
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->labels = gloss_label_set_new_default ();
  self->annotations = gloss_annotation_store_new ();
  self->relations = g_list_store_new (GLOSS_TYPE_RELATION);
  self->relations_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->history = gloss_history_new ();
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);
}

/**
 * gloss_document_new:
 * @text: normalised, valid UTF-8 (see gloss_text_normalize())
 *
 * Creates a document with the default label set and no annotations.
 */
GlossDocument *
gloss_document_new (const char *text,
                    gssize      len)
{
  GlossDocument *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, len, NULL), NULL);

  self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);
  self->index = gloss_text_index_new (text, len);
  self->sha256 = gloss_text_sha256 (gloss_text_index_get_text (self->index),
                                    gloss_text_index_get_n_bytes (self->index));

  return self;
}

const char *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return gloss_text_index_get_text (self->index);
}

guint
gloss_document_get_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return gloss_text_index_get_length (self->index);
}

/**
 * gloss_document_get_index:
 *
 * Returns: (transfer none): the offset index of the text
 */
GlossTextIndex *
gloss_document_get_index (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->index;
}

const char *
gloss_document_get_sha256 (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->sha256;
}

/**
 * gloss_document_get_headings:
 * @n_headings: (out): how many there are
 *
 * Returns: (transfer none) (nullable): the headings of the text, in order
 */
const GlossHeading *
gloss_document_get_headings (GlossDocument *self,
                             guint         *n_headings)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_headings != NULL, NULL);

  *n_headings = self->headings != NULL ? self->headings->len : 0;
  return self->headings != NULL ? (const GlossHeading *) (gpointer) self->headings->data : NULL;
}

/**
 * gloss_document_set_headings:
 *
 * Sets which spans of the text are headings, replacing any. Like the text,
 * they are set when the document is made or read, and are not edits.
 * Fails with GLOSS_ERROR_OUT_OF_RANGE for a span outside the text, an
 * empty one or a level outside 1–6, and GLOSS_ERROR_INVALID for headings
 * out of order or overlapping; the headings are then unchanged.
 */
gboolean
gloss_document_set_headings (GlossDocument      *self,
                             const GlossHeading *headings,
                             guint               n_headings,
                             GError            **error)
{
  guint length;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (headings != NULL || n_headings == 0, FALSE);

  length = gloss_document_get_length (self);
  for (guint i = 0; i < n_headings; i++)
    {
      const GlossHeading *h = &headings[i];

      if (h->start >= h->end || h->end > length)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                       _("Heading %u: the span %u–%u is outside the text (length %u) or empty"),
                       i, h->start, h->end, length);
          return FALSE;
        }
      if (h->level < 1 || h->level > GLOSS_HEADING_MAX_LEVEL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                       _("Heading %u: level %u is not between 1 and %u"),
                       i, h->level, GLOSS_HEADING_MAX_LEVEL);
          return FALSE;
        }
      if (i > 0 && h->start < headings[i - 1].end)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Heading %u starts before heading %u ends: headings must be in text order and must not overlap"),
                       i, i - 1);
          return FALSE;
        }
    }

  g_clear_pointer (&self->headings, g_array_unref);
  if (n_headings > 0)
    {
      self->headings = g_array_sized_new (FALSE, FALSE, sizeof (GlossHeading), n_headings);
      g_array_append_vals (self->headings, headings, n_headings);
    }

  return TRUE;
}

char *
gloss_document_slice (GlossDocument *self,
                      guint          start,
                      guint          end)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return gloss_text_index_slice (self->index, start, end);
}

const char *
gloss_document_get_metadata (GlossDocument *self,
                             const char    *key)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return g_hash_table_lookup (self->metadata, key);
}

static void
notify_metadata (GlossDocument *self,
                 const char    *key)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), key);

  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * gloss_document_set_metadata:
 * @value: (nullable): the value, or %NULL (or "") to remove @key
 *
 * Document metadata: "title", "byline", "published", "source", "language"
 * and any other string a reader found ("site_name", "retrieved", …).
 */
void
gloss_document_set_metadata (GlossDocument *self,
                             const char    *key,
                             const char    *value)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (value == NULL || *value == '\0')
    {
      if (g_hash_table_remove (self->metadata, key))
        notify_metadata (self, key);
      return;
    }

  if (g_strcmp0 (g_hash_table_lookup (self->metadata, key), value) == 0)
    return;

  g_hash_table_insert (self->metadata, g_strdup (key), g_strdup (value));
  notify_metadata (self, key);
}

/**
 * gloss_document_list_metadata:
 *
 * Returns: (transfer full): the metadata keys, sorted
 */
char **
gloss_document_list_metadata (GlossDocument *self)
{
  g_autofree const char **keys = NULL;
  GPtrArray *out;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->metadata, &n);
  out = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_strdup (keys[i]));
  gloss_ptr_array_sort_strings (out);
  g_ptr_array_add (out, NULL);

  return (char **) g_ptr_array_free (out, FALSE);
}

#define DEFINE_METADATA(field)                                          \
  const char *                                                          \
  gloss_document_get_##field (GlossDocument *self)                      \
  {                                                                     \
    return gloss_document_get_metadata (self, #field);                  \
  }                                                                     \
  void                                                                  \
  gloss_document_set_##field (GlossDocument *self,                      \
                              const char    *value)                     \
  {                                                                     \
    gloss_document_set_metadata (self, #field, value);                  \
  }

DEFINE_METADATA (title)
DEFINE_METADATA (byline)
DEFINE_METADATA (published)
DEFINE_METADATA (source)
DEFINE_METADATA (language)

#undef DEFINE_METADATA

const char *
gloss_document_get_author (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->author;
}

/* The person annotating now; recorded on annotations they create or edit. */
void
gloss_document_set_author (GlossDocument *self,
                           const char    *author)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (gloss_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

/**
 * gloss_document_get_labels:
 *
 * Returns: (transfer none): the label set (edit it through the document)
 */
GlossLabelSet *
gloss_document_get_labels (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->labels;
}

/* Replaces the label set wholesale, for loading; not recorded. */
void
gloss_document_set_labels (GlossDocument *self,
                           GlossLabelSet *labels)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_LABEL_SET (labels));

  if (g_set_object (&self->labels, labels))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}

/**
 * gloss_document_get_annotations:
 *
 * Returns: (transfer none): the annotations in text order
 */
GlossAnnotationStore *
gloss_document_get_annotations (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->annotations;
}

/**
 * gloss_document_get_relations:
 *
 * Returns: (transfer none): a #GListModel of #GlossRelation
 */
GListModel *
gloss_document_get_relations (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->relations);
}

/**
 * gloss_document_lookup_relation:
 *
 * Returns: (transfer none) (nullable): the relation with id @id
 */
GlossRelation *
gloss_document_lookup_relation (GlossDocument *self,
                                const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return id ? g_hash_table_lookup (self->relations_by_id, id) : NULL;
}

/**
 * gloss_document_relations_of:
 *
 * Returns: (transfer container) (element-type GlossRelation): the relations
 *   that start or end at the annotation @annotation_id
 */
GPtrArray *
gloss_document_relations_of (GlossDocument *self,
                             const char    *annotation_id)
{
  GPtrArray *out = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), out);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

      if (g_strcmp0 (gloss_relation_get_from (r), annotation_id) == 0 ||
          g_strcmp0 (gloss_relation_get_to (r), annotation_id) == 0)
        g_ptr_array_add (out, r);
    }

  return out;
}

/**
 * gloss_document_get_history:
 *
 * Returns: (transfer none): the undo history
 */
GlossHistory *
gloss_document_get_history (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->history;
}

gboolean
gloss_document_get_modified (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  return gloss_history_get_modified (self->history);
}

/* Marks the current state as the one on disk. */
void
gloss_document_set_saved (GlossDocument *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  gloss_history_set_saved (self->history);
}

void
gloss_document_set_unsaved (GlossDocument *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  gloss_history_set_unsaved (self->history);
}

/**
 * gloss_document_load_content:
 * @annotations: (element-type GlossAnnotation): validated annotations
 * @relations: (nullable) (element-type GlossRelation): validated relations
 *
 * Sets the whole content at once, as a reader does; clears the history.
 */
void
gloss_document_load_content (GlossDocument *self,
                             GPtrArray     *annotations,
                             GPtrArray     *relations)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  gloss_annotation_store_set_all (self->annotations, annotations);

  g_hash_table_remove_all (self->relations_by_id);
  g_list_store_remove_all (self->relations);
  if (relations != NULL)
    {
      for (guint i = 0; i < relations->len; i++)
        g_hash_table_insert (self->relations_by_id,
                             g_strdup (gloss_relation_get_id (relations->pdata[i])),
                             relations->pdata[i]);
      g_list_store_splice (self->relations, 0, 0, relations->pdata, relations->len);
    }

  gloss_history_clear (self->history);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Applying ops ------------------------------------------------------------ */

static void
relations_remove (GlossDocument *self,
                  GlossRelation *relation)
{
  guint pos;

  if (g_list_store_find (self->relations, relation, &pos))
    g_list_store_remove (self->relations, pos);
  g_hash_table_remove (self->relations_by_id, gloss_relation_get_id (relation));
}

static void
relations_add (GlossDocument *self,
               GlossRelation *relation)
{
  g_list_store_append (self->relations, relation);
  g_hash_table_insert (self->relations_by_id,
                       g_strdup (gloss_relation_get_id (relation)), relation);
}

static void
swap (GlossDocument *self,
      GlossOpTarget  target,
      GObject       *out,
      GObject       *in,
      guint          position)
{
  switch (target)
    {
    case GLOSS_OP_ANNOTATION:
      if (out != NULL && in != NULL)
        gloss_annotation_store_replace (self->annotations, GLOSS_ANNOTATION (out), GLOSS_ANNOTATION (in));
      else if (out != NULL)
        gloss_annotation_store_remove (self->annotations, GLOSS_ANNOTATION (out));
      else if (in != NULL)
        gloss_annotation_store_insert (self->annotations, GLOSS_ANNOTATION (in));
      break;

    case GLOSS_OP_RELATION:
      if (out != NULL)
        relations_remove (self, GLOSS_RELATION (out));
      if (in != NULL)
        relations_add (self, GLOSS_RELATION (in));
      break;

    case GLOSS_OP_LABEL:
      if (out != NULL && in != NULL)
        {
          /* Replacement was validated when the edit was first made. */
          if (!gloss_label_set_replace (self->labels, position, GLOSS_LABEL (in), NULL))
            g_critical ("Could not restore label %s", gloss_label_get_name (GLOSS_LABEL (in)));
        }
      else if (out != NULL)
        gloss_label_set_remove (self->labels, position);
      else if (in != NULL)
        {
          if (!gloss_label_set_insert (self->labels, position, GLOSS_LABEL (in), NULL))
            g_critical ("Could not restore label %s", gloss_label_get_name (GLOSS_LABEL (in)));
        }
      break;

    case GLOSS_OP_RELATION_TYPE:
      if (out != NULL && in != NULL)
        {
          if (!gloss_label_set_replace_relation_type (self->labels, position, GLOSS_RELATION_TYPE (in), NULL))
            g_critical ("Could not restore relation type %s", gloss_relation_type_get_name (GLOSS_RELATION_TYPE (in)));
        }
      else if (out != NULL)
        gloss_label_set_remove_relation_type (self->labels, position);
      else if (in != NULL)
        {
          if (!gloss_label_set_insert_relation_type (self->labels, position, GLOSS_RELATION_TYPE (in), NULL))
            g_critical ("Could not restore relation type %s", gloss_relation_type_get_name (GLOSS_RELATION_TYPE (in)));
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
gloss_document_begin_edit (GlossDocument *self,
                           const char    *description)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (self->edit_depth++ == 0)
    {
      self->pending = gloss_edit_new (description);
      g_clear_object (&self->undo_subject);
    }
}

void
gloss_document_end_edit (GlossDocument *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (self->edit_depth > 0);

  if (--self->edit_depth > 0)
    return;

  if (gloss_edit_get_n_ops (self->pending) == 0)
    {
      g_clear_pointer (&self->pending, gloss_edit_free);
      return;
    }

  gloss_history_push (self->history, g_steal_pointer (&self->pending));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Applies one op and records it in the pending edit. */
static void
apply (GlossDocument *self,
       GlossOpTarget  target,
       gpointer       before,
       gpointer       after,
       guint          position)
{
  g_assert (self->pending != NULL);

  gloss_edit_add_op (self->pending, target, before, after, position);
  swap (self, target, before, after, position);
}

/* Applies the ops of @edit forwards (redo) or reverts them backwards
 * (undo). Runs of plain insertions or removals of annotations — what
 * annotate-all, merges and bulk deletes produce — go to the store in one
 * O(n + k log k) step instead of k O(n) ones. */
static void
run_edit (GlossDocument *self,
          GlossEdit     *edit,
          gboolean       forward)
{
  guint n = gloss_edit_get_n_ops (edit);
  guint i = 0;

#define OP_AT(k) gloss_edit_get_op (edit, forward ? (k) : n - 1 - (k))
#define OP_OUT(op) (forward ? (op)->before : (op)->after)
#define OP_IN(op) (forward ? (op)->after : (op)->before)

  while (i < n)
    {
      GlossOp *op = OP_AT (i);
      gboolean inserting = OP_IN (op) != NULL;
      g_autoptr(GPtrArray) batch = NULL;
      guint j = i;

      if (op->target != GLOSS_OP_ANNOTATION || (OP_OUT (op) == NULL) == (OP_IN (op) == NULL))
        {
          swap (self, op->target, OP_OUT (op), OP_IN (op), op->position);
          i++;
          continue;
        }

      batch = g_ptr_array_new ();
      while (j < n)
        {
          GlossOp *o = OP_AT (j);

          if (o->target != GLOSS_OP_ANNOTATION ||
              (OP_OUT (o) == NULL) == (OP_IN (o) == NULL) ||
              (OP_IN (o) != NULL) != inserting)
            break;

          g_ptr_array_add (batch, inserting ? OP_IN (o) : OP_OUT (o));
          j++;
        }

      if (inserting)
        gloss_annotation_store_insert_many (self->annotations, batch);
      else
        gloss_annotation_store_remove_many (self->annotations, batch);
      i = j;
    }

#undef OP_AT
#undef OP_OUT
#undef OP_IN
}

/* The one annotation @edit concerns, as it is once the edit has been
 * applied forwards or backwards; NULL if it concerns none or several, or
 * if that annotation is then gone. Other ops (the relations a deletion
 * takes along) do not count. */
static GlossAnnotation *
edit_subject (GlossEdit *edit,
              gboolean   forward)
{
  GlossAnnotation *subject = NULL;
  const char *id = NULL;

  for (guint k = 0; k < gloss_edit_get_n_ops (edit); k++)
    {
      /* The last op applied decides the annotation's final state. */
      GlossOp *op = gloss_edit_get_op (edit, forward ? k : gloss_edit_get_n_ops (edit) - 1 - k);
      GObject *any;
      const char *op_id;

      if (op->target != GLOSS_OP_ANNOTATION)
        continue;

      any = op->before != NULL ? op->before : op->after;
      op_id = gloss_annotation_get_id (GLOSS_ANNOTATION (any));
      if (id != NULL && g_strcmp0 (id, op_id) != 0)
        return NULL;
      id = op_id;
      subject = (GlossAnnotation *) (forward ? op->after : op->before);
    }

  return subject;
}

static gboolean
undo_redo (GlossDocument *self,
           gboolean       redo)
{
  GlossEdit *edit;

  g_clear_object (&self->undo_subject);
  if ((edit = redo ? gloss_history_begin_redo (self->history) :
                     gloss_history_begin_undo (self->history)) == NULL)
    return FALSE;

  run_edit (self, edit, redo);
  g_set_object (&self->undo_subject, edit_subject (edit, redo));
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
gloss_document_undo (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  return undo_redo (self, FALSE);
}

gboolean
gloss_document_redo (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  return undo_redo (self, TRUE);
}

/**
 * gloss_document_get_undo_subject:
 *
 * After gloss_document_undo () or gloss_document_redo (), the annotation
 * that step brought back or changed, for the view to show: a deletion
 * undone, a tag redone, a relabelling or a note undone. %NULL when the
 * step concerned no single annotation (a bulk edit, a label's colour) or
 * took it away (an undone tag), and after any other edit.
 *
 * Returns: (transfer none) (nullable): the annotation, as it is in the
 *   document now
 */
GlossAnnotation *
gloss_document_get_undo_subject (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->undo_subject;
}

/* Annotations ------------------------------------------------------------- */

static gboolean
check_span (GlossDocument *self,
            guint          start,
            guint          end,
            GError       **error)
{
  guint length = gloss_document_get_length (self);

  if (start >= end)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   _("An annotation must cover at least one character (start %u, end %u)"),
                   start, end);
      return FALSE;
    }

  if (end > length)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   _("The span %u–%u lies outside the text, which has %u characters"),
                   start, end, length);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_annotation (GlossDocument   *self,
                  GlossAnnotation *annotation,
                  GlossAnnotation *replacing,
                  GError         **error)
{
  const char *label = gloss_annotation_get_label (annotation);
  const char *id = gloss_annotation_get_id (annotation);
  GlossAnnotation *existing;

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The annotation has no id"));
      return FALSE;
    }

  existing = gloss_annotation_store_lookup (self->annotations, id);
  if (existing != NULL && existing != replacing)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("There is already an annotation with id %s"), id);
      return FALSE;
    }

  if (gloss_label_set_lookup (self->labels, label) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no label called “%s”"), label ? label : "");
      return FALSE;
    }

  return check_span (self,
                     gloss_annotation_get_start (annotation),
                     gloss_annotation_get_end (annotation),
                     error);
}

static void
refresh_quote (GlossDocument   *self,
               GlossAnnotation *annotation)
{
  g_autofree char *quote = gloss_text_index_slice (self->index,
                                                   gloss_annotation_get_start (annotation),
                                                   gloss_annotation_get_end (annotation));

  gloss_annotation_set_quote (annotation, quote);
}

/**
 * gloss_document_add_annotation:
 *
 * Adds a prepared annotation (its quote is taken from the text).
 */
gboolean
gloss_document_add_annotation (GlossDocument    *self,
                               GlossAnnotation  *annotation,
                               GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_annotation (self, annotation, NULL, error))
    return FALSE;

  refresh_quote (self, annotation);

  gloss_document_begin_edit (self, _("Add Annotation"));
  apply (self, GLOSS_OP_ANNOTATION, NULL, annotation, 0);
  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_add_annotations:
 * @annotations: (element-type GlossAnnotation): prepared annotations
 *
 * Adds many annotations as one undoable step, in O(n + k log k). Nothing
 * is added unless all of them are valid.
 */
gboolean
gloss_document_add_annotations (GlossDocument  *self,
                                GPtrArray      *annotations,
                                GError        **error)
{
  g_autoptr(GHashTable) ids = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];

      if (!check_annotation (self, a, NULL, error))
        return FALSE;
      if (!g_hash_table_add (ids, (gpointer) gloss_annotation_get_id (a)))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("There is already an annotation with id %s"), gloss_annotation_get_id (a));
          return FALSE;
        }
    }

  gloss_document_begin_edit (self, _("Add Annotations"));
  for (guint i = 0; i < annotations->len; i++)
    {
      refresh_quote (self, annotations->pdata[i]);
      gloss_edit_add_op (self->pending, GLOSS_OP_ANNOTATION, NULL, annotations->pdata[i], 0);
    }
  gloss_annotation_store_insert_many (self->annotations, annotations);
  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_remove_annotations:
 * @annotations: (element-type GlossAnnotation): annotations of the document
 *
 * Deletes many annotations, and their relations, as one undoable step.
 */
void
gloss_document_remove_annotations (GlossDocument *self,
                                   GPtrArray     *annotations)
{
  g_autoptr(GHashTable) doomed = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  guint n_relations;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (annotations != NULL);

  doomed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_add (doomed, (gpointer) gloss_annotation_get_id (annotations->pdata[i]));

  gloss_document_begin_edit (self, _("Delete Annotations"));

  relations = g_ptr_array_new_with_free_func (g_object_unref);
  n_relations = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (guint i = 0; i < n_relations; i++)
    {
      GlossRelation *r = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

      if (g_hash_table_contains (doomed, gloss_relation_get_from (r)) ||
          g_hash_table_contains (doomed, gloss_relation_get_to (r)))
        g_ptr_array_add (relations, r);
      else
        g_object_unref (r);
    }
  for (guint i = 0; i < relations->len; i++)
    apply (self, GLOSS_OP_RELATION, relations->pdata[i], NULL, 0);

  for (guint i = 0; i < annotations->len; i++)
    gloss_edit_add_op (self->pending, GLOSS_OP_ANNOTATION, annotations->pdata[i], NULL, 0);
  gloss_annotation_store_remove_many (self->annotations, annotations);

  gloss_document_end_edit (self);
}

/**
 * gloss_document_apply_attribute_defaults:
 *
 * Gives @annotation (not yet in the document) the default value of every
 * attribute its label defines and it does not have yet: what a new
 * annotation starts with.
 */
void
gloss_document_apply_attribute_defaults (GlossDocument   *self,
                                         GlossAnnotation *annotation)
{
  GlossLabel *label;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  label = gloss_label_set_lookup (self->labels, gloss_annotation_get_label (annotation));
  for (guint i = 0; label != NULL && i < gloss_label_get_n_attributes (label); i++)
    {
      GlossAttributeDef *def = gloss_label_get_attribute (label, i);
      const char *name = gloss_attribute_def_get_name (def);

      if (gloss_attribute_def_get_default (def) != NULL &&
          gloss_annotation_get_attribute (annotation, name) == NULL)
        gloss_annotation_set_attribute (annotation, name, gloss_attribute_def_get_default (def));
    }
}

/**
 * gloss_document_annotate:
 *
 * Tags [@start, @end) with @label, by the current author.
 *
 * Returns: (transfer none) (nullable): the new annotation
 */
GlossAnnotation *
gloss_document_annotate (GlossDocument  *self,
                         const char     *label,
                         guint           start,
                         guint           end,
                         GError        **error)
{
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  annotation = gloss_annotation_new (label, start, end);
  gloss_annotation_set_author (annotation, self->author);

  if (!check_annotation (self, annotation, NULL, error))
    return NULL;

  refresh_quote (self, annotation);
  gloss_document_apply_attribute_defaults (self, annotation);

  /* Translators: %s is a label name such as PERSON */
  description = g_strdup_printf (_("Tag as %s"), label);
  gloss_document_begin_edit (self, description);
  apply (self, GLOSS_OP_ANNOTATION, NULL, annotation, 0);
  gloss_document_end_edit (self);

  return annotation;
}

void
gloss_document_remove_annotation (GlossDocument   *self,
                                  GlossAnnotation *annotation)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (gloss_annotation_store_find (self->annotations, annotation, NULL));

  description = g_strdup_printf (_("Delete %s"), gloss_annotation_get_label (annotation));
  gloss_document_begin_edit (self, description);

  relations = gloss_document_relations_of (self, gloss_annotation_get_id (annotation));
  for (guint i = 0; i < relations->len; i++)
    apply (self, GLOSS_OP_RELATION, relations->pdata[i], NULL, 0);

  apply (self, GLOSS_OP_ANNOTATION, annotation, NULL, 0);
  gloss_document_end_edit (self);
}

/**
 * gloss_document_update_annotation:
 * @replacement: an edited copy of @annotation (same id, or a new unique id)
 *
 * Replaces @annotation with @replacement, stamping its modification time
 * and refreshing its quote.
 */
gboolean
gloss_document_update_annotation (GlossDocument    *self,
                                  GlossAnnotation  *annotation,
                                  GlossAnnotation  *replacement,
                                  GError          **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (replacement), FALSE);
  g_return_val_if_fail (annotation != replacement, FALSE);

  if (!gloss_annotation_store_find (self->annotations, annotation, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("The annotation %s is not in this document"),
                   gloss_annotation_get_id (annotation));
      return FALSE;
    }

  if (!check_annotation (self, replacement, annotation, error))
    return FALSE;

  if (g_strcmp0 (gloss_annotation_get_id (annotation), gloss_annotation_get_id (replacement)) != 0)
    {
      g_autoptr(GPtrArray) relations = gloss_document_relations_of (self, gloss_annotation_get_id (annotation));

      if (relations->len > 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("An annotation with relations cannot change its id"));
          return FALSE;
        }
    }

  now = gloss_timestamp_now ();
  gloss_annotation_set_modified (replacement, now);
  refresh_quote (self, replacement);

  gloss_document_begin_edit (self, _("Edit Annotation"));
  apply (self, GLOSS_OP_ANNOTATION, annotation, replacement, 0);
  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_relabel:
 *
 * Returns: (transfer none) (nullable): the relabelled annotation
 */
GlossAnnotation *
gloss_document_relabel (GlossDocument    *self,
                        GlossAnnotation  *annotation,
                        const char       *label,
                        GError          **error)
{
  g_autoptr(GlossAnnotation) copy = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  copy = gloss_annotation_copy (annotation);
  gloss_annotation_set_label (copy, label);

  description = g_strdup_printf (_("Relabel as %s"), label);
  gloss_document_begin_edit (self, description);
  if (!gloss_document_update_annotation (self, annotation, copy, error))
    {
      gloss_document_end_edit (self);
      return NULL;
    }
  gloss_document_end_edit (self);

  return copy;
}

/**
 * gloss_document_set_note:
 *
 * Returns: (transfer none): the annotation with its new note
 */
GlossAnnotation *
gloss_document_set_note (GlossDocument   *self,
                         GlossAnnotation *annotation,
                         const char      *note)
{
  g_autoptr(GlossAnnotation) copy = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (note, gloss_annotation_get_note (annotation)) == 0)
    return annotation;

  copy = gloss_annotation_copy (annotation);
  gloss_annotation_set_note (copy, note);

  gloss_document_begin_edit (self, _("Edit Note"));
  if (!gloss_document_update_annotation (self, annotation, copy, NULL))
    g_clear_object (&copy);
  gloss_document_end_edit (self);

  return copy ? copy : annotation;
}

/**
 * gloss_document_set_span:
 *
 * Moves the boundaries of @annotation.
 *
 * Returns: (transfer none) (nullable): the moved annotation
 */
GlossAnnotation *
gloss_document_set_span (GlossDocument    *self,
                         GlossAnnotation  *annotation,
                         guint             start,
                         guint             end,
                         GError          **error)
{
  g_autoptr(GlossAnnotation) copy = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  copy = gloss_annotation_copy (annotation);
  gloss_annotation_set_span (copy, start, end);

  gloss_document_begin_edit (self, _("Move Boundaries"));
  if (!gloss_document_update_annotation (self, annotation, copy, error))
    g_clear_object (&copy);
  gloss_document_end_edit (self);

  return copy;
}

/**
 * gloss_document_set_attribute:
 * @value: (nullable): the new value, or %NULL to remove the attribute
 *
 * Returns: (transfer none): the updated annotation
 */
GlossAnnotation *
gloss_document_set_attribute (GlossDocument   *self,
                              GlossAnnotation *annotation,
                              const char      *key,
                              GVariant        *value)
{
  g_autoptr(GlossAnnotation) copy = NULL;
  GVariant *old;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  old = gloss_annotation_get_attribute (annotation, key);
  if ((old == NULL && value == NULL) ||
      (old != NULL && value != NULL && g_variant_equal (old, value)))
    {
      if (value != NULL)
        g_variant_unref (g_variant_ref_sink (value));
      return annotation;
    }

  copy = gloss_annotation_copy (annotation);
  gloss_annotation_set_attribute (copy, key, value);

  gloss_document_begin_edit (self, _("Edit Attribute"));
  if (!gloss_document_update_annotation (self, annotation, copy, NULL))
    g_clear_object (&copy);
  gloss_document_end_edit (self);

  return copy ? copy : annotation;
}

/* Relations --------------------------------------------------------------- */

gboolean
gloss_document_add_relation (GlossDocument  *self,
                             GlossRelation  *relation,
                             GError        **error)
{
  const char *from;
  const char *to;
  const char *type;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  from = gloss_relation_get_from (relation);
  to = gloss_relation_get_to (relation);
  type = gloss_relation_get_kind (relation);

  if (type == NULL || *type == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("A relation needs a type"));
      return FALSE;
    }
  if (gloss_annotation_store_lookup (self->annotations, from) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("The relation starts at %s, which is not an annotation of this document"),
                   from ? from : "(none)");
      return FALSE;
    }
  if (gloss_annotation_store_lookup (self->annotations, to) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("The relation ends at %s, which is not an annotation of this document"),
                   to ? to : "(none)");
      return FALSE;
    }
  if (g_strcmp0 (from, to) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("An annotation cannot be linked to itself"));
      return FALSE;
    }
  if (g_hash_table_contains (self->relations_by_id, gloss_relation_get_id (relation)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("There is already a relation with id %s"), gloss_relation_get_id (relation));
      return FALSE;
    }

  gloss_document_begin_edit (self, _("Link Annotations"));
  apply (self, GLOSS_OP_RELATION, NULL, relation, 0);
  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_relate:
 *
 * Returns: (transfer none) (nullable): the new relation
 */
GlossRelation *
gloss_document_relate (GlossDocument    *self,
                       const char       *type,
                       GlossAnnotation  *from,
                       GlossAnnotation  *to,
                       GError          **error)
{
  g_autoptr(GlossRelation) relation = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (from), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (to), NULL);

  /* A second identical link would add nothing (and a second row). */
  {
    g_autoptr(GPtrArray) existing = gloss_document_relations_of (self, gloss_annotation_get_id (from));

    for (guint i = 0; i < existing->len; i++)
      {
        GlossRelation *r = existing->pdata[i];

        if (g_strcmp0 (gloss_relation_get_kind (r), type) == 0 &&
            g_strcmp0 (gloss_relation_get_from (r), gloss_annotation_get_id (from)) == 0 &&
            g_strcmp0 (gloss_relation_get_to (r), gloss_annotation_get_id (to)) == 0)
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("These annotations are already linked as “%s”"), type);
            return NULL;
          }
      }
  }

  relation = gloss_relation_new (type,
                                 gloss_annotation_get_id (from),
                                 gloss_annotation_get_id (to));
  if (!gloss_document_add_relation (self, relation, error))
    return NULL;

  return relation;
}

void
gloss_document_remove_relation (GlossDocument *self,
                                GlossRelation *relation)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));

  gloss_document_begin_edit (self, _("Remove Link"));
  apply (self, GLOSS_OP_RELATION, relation, NULL, 0);
  gloss_document_end_edit (self);
}

/* Labels ------------------------------------------------------------------ */

gboolean
gloss_document_add_label (GlossDocument  *self,
                          GlossLabel     *label,
                          GError        **error)
{
  g_autoptr(GlossLabelSet) probe = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  /* Validate without touching the real set. */
  probe = gloss_label_set_copy (self->labels);
  if (!gloss_label_set_append (probe, label, error))
    return FALSE;

  gloss_document_begin_edit (self, _("Add Label"));
  apply (self, GLOSS_OP_LABEL, NULL, label, gloss_label_set_get_n_labels (self->labels));
  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_replace_label:
 *
 * Changes the label called @name (its name, colour, key or kind). A new
 * name is carried over to every annotation that uses the label, in the same
 * undo step.
 */
gboolean
gloss_document_replace_label (GlossDocument  *self,
                              const char     *name,
                              GlossLabel     *replacement,
                              GError        **error)
{
  g_autoptr(GlossLabelSet) probe = NULL;
  GlossLabel *old;
  int pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (replacement), FALSE);

  pos = gloss_label_set_index_of (self->labels, name);
  if (pos < 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no label called “%s”"), name);
      return FALSE;
    }

  old = gloss_label_set_get_label (self->labels, pos);
  if (old == replacement || gloss_label_equal (old, replacement))
    return TRUE;

  probe = gloss_label_set_copy (self->labels);
  if (!gloss_label_set_replace (probe, pos, replacement, error))
    return FALSE;

  gloss_document_begin_edit (self, _("Edit Label"));

  /* Insert the renamed label first, so the annotations stay valid. */
  apply (self, GLOSS_OP_LABEL, old, replacement, pos);

  if (g_strcmp0 (name, gloss_label_get_name (replacement)) != 0)
    {
      g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *now = gloss_timestamp_now ();
      guint n = gloss_annotation_store_get_n_items (self->annotations);

      for (guint i = 0; i < n; i++)
        {
          GlossAnnotation *a = gloss_annotation_store_get (self->annotations, i);

          if (g_strcmp0 (gloss_annotation_get_label (a), name) == 0)
            g_ptr_array_add (users, g_object_ref (a));
        }

      for (guint i = 0; i < users->len; i++)
        {
          g_autoptr(GlossAnnotation) copy = gloss_annotation_copy (users->pdata[i]);

          gloss_annotation_set_label (copy, gloss_label_get_name (replacement));
          gloss_annotation_set_modified (copy, now);
          apply (self, GLOSS_OP_ANNOTATION, users->pdata[i], copy, 0);
        }

      /* Relation types that name the label in their constraints follow it. */
      for (guint i = 0; i < gloss_label_set_get_n_relation_types (self->labels); i++)
        {
          GlossRelationType *type = gloss_label_set_get_relation_type (self->labels, i);
          g_autoptr(GlossRelationType) renamed = gloss_relation_type_copy (type);

          if (gloss_relation_type_rename_label (renamed, name, gloss_label_get_name (replacement)))
            apply (self, GLOSS_OP_RELATION_TYPE, type, renamed, i);
        }
    }

  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_remove_label:
 * @remove_annotations: also delete the annotations that use the label;
 *   when %FALSE a label in use is not removed
 */
gboolean
gloss_document_remove_label (GlossDocument  *self,
                             const char     *name,
                             gboolean        remove_annotations,
                             GError        **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  int pos;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  pos = gloss_label_set_index_of (self->labels, name);
  if (pos < 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no label called “%s”"), name);
      return FALSE;
    }

  n = gloss_annotation_store_get_n_items (self->annotations);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (self->annotations, i);

      if (g_strcmp0 (gloss_annotation_get_label (a), name) == 0)
        g_ptr_array_add (users, g_object_ref (a));
    }

  if (users->len > 0 && !remove_annotations)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The label “%s” is used by %u annotation",
                                "The label “%s” is used by %u annotations",
                                users->len),
                   name, users->len);
      return FALSE;
    }

  gloss_document_begin_edit (self, _("Delete Label"));
  if (users->len > 0)
    gloss_document_remove_annotations (self, users);
  apply (self, GLOSS_OP_LABEL, gloss_label_set_get_label (self->labels, pos), NULL, pos);
  gloss_document_end_edit (self);

  return TRUE;
}

gboolean
gloss_document_move_label (GlossDocument  *self,
                           const char     *name,
                           guint           position,
                           GError        **error)
{
  g_autoptr(GlossLabel) label = NULL;
  int pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  pos = gloss_label_set_index_of (self->labels, name);
  if (pos < 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no label called “%s”"), name);
      return FALSE;
    }

  position = MIN (position, gloss_label_set_get_n_labels (self->labels) - 1);
  if ((guint) pos == position)
    return TRUE;

  label = g_object_ref (gloss_label_set_get_label (self->labels, pos));

  gloss_document_begin_edit (self, _("Move Label"));
  apply (self, GLOSS_OP_LABEL, label, NULL, pos);
  apply (self, GLOSS_OP_LABEL, NULL, label, position);
  gloss_document_end_edit (self);

  return TRUE;
}

/* Relation types ---------------------------------------------------------- */

/**
 * gloss_document_add_relation_type:
 *
 * Adds a user-defined relation type to the label set, undoably.
 */
gboolean
gloss_document_add_relation_type (GlossDocument      *self,
                                  GlossRelationType  *type,
                                  GError            **error)
{
  g_autoptr(GlossLabelSet) probe = NULL;
  g_autoptr(GlossRelationType) copy = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (type), FALSE);

  copy = gloss_relation_type_copy (type);
  probe = gloss_label_set_copy (self->labels);
  if (!gloss_label_set_insert_relation_type (probe, G_MAXUINT, copy, error))
    return FALSE;

  gloss_document_begin_edit (self, _("Add Relation Type"));
  apply (self, GLOSS_OP_RELATION_TYPE, NULL, copy,
         gloss_label_set_get_n_relation_types (self->labels));
  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_replace_relation_type:
 *
 * Changes the user-defined type called @name. A new name is carried over
 * to every relation of that type, in the same undo step.
 */
gboolean
gloss_document_replace_relation_type (GlossDocument      *self,
                                      const char         *name,
                                      GlossRelationType  *replacement,
                                      GError            **error)
{
  g_autoptr(GlossLabelSet) probe = NULL;
  g_autoptr(GlossRelationType) copy = NULL;
  GlossRelationType *old;
  int pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (replacement), FALSE);

  pos = gloss_label_set_relation_type_index (self->labels, name);
  if (pos < 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no relation type called “%s”"), name);
      return FALSE;
    }

  old = gloss_label_set_get_relation_type (self->labels, pos);
  if (gloss_relation_type_equal (old, replacement))
    return TRUE;

  copy = gloss_relation_type_copy (replacement);
  probe = gloss_label_set_copy (self->labels);
  if (!gloss_label_set_replace_relation_type (probe, pos, copy, error))
    return FALSE;

  gloss_document_begin_edit (self, _("Edit Relation Type"));
  apply (self, GLOSS_OP_RELATION_TYPE, old, copy, pos);

  if (g_strcmp0 (name, gloss_relation_type_get_name (copy)) != 0)
    {
      g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossRelation) r = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

          if (g_strcmp0 (gloss_relation_get_kind (r), name) == 0)
            g_ptr_array_add (users, g_object_ref (r));
        }

      for (guint i = 0; i < users->len; i++)
        {
          g_autoptr(GlossRelation) renamed = gloss_relation_copy (users->pdata[i]);

          gloss_relation_set_kind (renamed, gloss_relation_type_get_name (copy));
          apply (self, GLOSS_OP_RELATION, users->pdata[i], renamed, 0);
        }
    }

  gloss_document_end_edit (self);

  return TRUE;
}

/**
 * gloss_document_count_relations_of_type:
 *
 * Returns: how many relations have the type @name
 */
guint
gloss_document_count_relations_of_type (GlossDocument *self,
                                        const char    *name)
{
  guint n, count = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

      if (g_strcmp0 (gloss_relation_get_kind (r), name) == 0)
        count++;
    }

  return count;
}

/**
 * gloss_document_remove_relation_type:
 * @remove_relations: also delete the relations of that type; when %FALSE
 *   a type in use is not removed
 */
gboolean
gloss_document_remove_relation_type (GlossDocument  *self,
                                     const char     *name,
                                     gboolean        remove_relations,
                                     GError        **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;
  int pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  pos = gloss_label_set_relation_type_index (self->labels, name);
  if (pos < 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no relation type called “%s”"), name);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

      if (g_strcmp0 (gloss_relation_get_kind (r), name) == 0)
        g_ptr_array_add (users, g_object_ref (r));
    }

  if (users->len > 0 && !remove_relations)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The relation type “%s” is used by %u link",
                                "The relation type “%s” is used by %u links",
                                users->len),
                   name, users->len);
      return FALSE;
    }

  gloss_document_begin_edit (self, _("Delete Relation Type"));
  for (guint i = 0; i < users->len; i++)
    apply (self, GLOSS_OP_RELATION, users->pdata[i], NULL, 0);
  apply (self, GLOSS_OP_RELATION_TYPE, gloss_label_set_get_relation_type (self->labels, pos), NULL, pos);
  gloss_document_end_edit (self);

  return TRUE;
}
