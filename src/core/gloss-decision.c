/* gloss-decision.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-decision"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-comparison.h"
#include "gloss-decision.h"
#include "gloss-error.h"

#define REVIEW_LOG_KEY "gloss-review-log"

struct _GlossDecision
{
  GObject                  parent_instance;

  GlossDecisionKind        kind;
  GlossDifferenceCategory  category;
  GlossAnnotation         *mine;
  GlossAnnotation         *theirs;
  char                   **result_ids;
  char                    *comment;
  char                    *reviewer;
  char                    *timestamp;
};

G_DEFINE_FINAL_TYPE (GlossDecision, gloss_decision, G_TYPE_OBJECT)

static const char *kind_names[GLOSS_N_DECISION_KINDS] = {
  "accept-theirs", "keep-mine", "take-both", "edit", "reject",
};

const char *
gloss_decision_kind_to_string (GlossDecisionKind kind)
{
  g_return_val_if_fail (kind < GLOSS_N_DECISION_KINDS, NULL);

  return kind_names[kind];
}

gboolean
gloss_decision_kind_from_string (const char        *str,
                                 GlossDecisionKind *kind)
{
  for (guint i = 0; i < GLOSS_N_DECISION_KINDS; i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = (GlossDecisionKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
gloss_decision_kind_get_title (GlossDecisionKind kind)
{
  switch (kind)
    {
    case GLOSS_DECISION_ACCEPT_THEIRS:
      return _("Accept theirs");
    case GLOSS_DECISION_KEEP_MINE:
      return _("Keep mine");
    case GLOSS_DECISION_TAKE_BOTH:
      return _("Take both");
    case GLOSS_DECISION_EDIT:
      return _("Edit");
    case GLOSS_DECISION_REJECT:
      return _("Reject");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
gloss_decision_finalize (GObject *object)
{
  GlossDecision *self = GLOSS_DECISION (object);

  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_strfreev (self->result_ids);
  g_free (self->comment);
  g_free (self->reviewer);
  g_free (self->timestamp);

  G_OBJECT_CLASS (gloss_decision_parent_class)->finalize (object);
}

static void
gloss_decision_class_init (GlossDecisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_decision_finalize;
}

static void
gloss_decision_init (GlossDecision *self)
{
}

/**
 * gloss_decision_new:
 * @mine: (nullable): my annotation, as it was compared
 * @theirs: (nullable): theirs
 * @result_ids: (nullable): ids of the annotations the decision added to the merged document
 * @timestamp: (nullable): RFC 3339; NULL for now
 */
GlossDecision *
gloss_decision_new (GlossDecisionKind        kind,
                    GlossDifferenceCategory  category,
                    GlossAnnotation         *mine,
                    GlossAnnotation         *theirs,
                    const char * const      *result_ids,
                    const char              *comment,
                    const char              *reviewer,
                    const char              *timestamp)
{
  GlossDecision *self;

  g_return_val_if_fail (kind < GLOSS_N_DECISION_KINDS, NULL);
  g_return_val_if_fail (category < GLOSS_N_DIFFERENCE_CATEGORIES, NULL);

  self = g_object_new (GLOSS_TYPE_DECISION, NULL);
  self->kind = kind;
  self->category = category;
  self->mine = mine ? g_object_ref (mine) : NULL;
  self->theirs = theirs ? g_object_ref (theirs) : NULL;
  self->result_ids = result_ids ? g_strdupv ((char **) result_ids) : g_new0 (char *, 1);
  self->comment = g_strdup (comment ? comment : "");
  self->reviewer = g_strdup (reviewer ? reviewer : "");
  self->timestamp = timestamp ? g_strdup (timestamp) : gloss_timestamp_now ();

  return self;
}

GlossDecisionKind
gloss_decision_get_kind (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), 0);
  return self->kind;
}

GlossDifferenceCategory
gloss_decision_get_category (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), 0);
  return self->category;
}

/**
 * gloss_decision_get_mine:
 *
 * Returns: (transfer none) (nullable): my annotation as compared
 */
GlossAnnotation *
gloss_decision_get_mine (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), NULL);
  return self->mine;
}

/**
 * gloss_decision_get_theirs:
 *
 * Returns: (transfer none) (nullable): their annotation as compared
 */
GlossAnnotation *
gloss_decision_get_theirs (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), NULL);
  return self->theirs;
}

const char * const *
gloss_decision_get_result_ids (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), NULL);
  return (const char * const *) self->result_ids;
}

const char *
gloss_decision_get_comment (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), NULL);
  return self->comment;
}

const char *
gloss_decision_get_reviewer (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), NULL);
  return self->reviewer;
}

const char *
gloss_decision_get_timestamp (GlossDecision *self)
{
  g_return_val_if_fail (GLOSS_IS_DECISION (self), NULL);
  return self->timestamp;
}

JsonNode *
gloss_decision_to_json (GlossDecision *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (GLOSS_IS_DECISION (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, kind_names[self->kind]);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, gloss_difference_category_to_string (self->category));
  json_builder_set_member_name (builder, "mine");
  if (self->mine)
    json_builder_add_value (builder, gloss_annotation_summary_to_json (self->mine));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "theirs");
  if (self->theirs)
    json_builder_add_value (builder, gloss_annotation_summary_to_json (self->theirs));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (guint i = 0; self->result_ids[i] != NULL; i++)
    json_builder_add_string_value (builder, self->result_ids[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "comment");
  json_builder_add_string_value (builder, self->comment);
  json_builder_set_member_name (builder, "reviewer");
  json_builder_add_string_value (builder, self->reviewer);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, self->timestamp);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
               _("Invalid review decision: %s"), what);
  return FALSE;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_offset (JsonObject *object,
            const char *name,
            guint      *value)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXINT32)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static gboolean
summary_from_json (JsonObject       *parent,
                   const char       *name,
                   GlossAnnotation **out,
                   GError          **error)
{
  JsonNode *node = json_object_get_member (parent, name);
  JsonObject *object;
  g_autoptr(GlossAnnotation) a = NULL;
  const char *id, *label;
  guint start, end;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, name);

  object = json_node_get_object (node);
  id = get_string (object, "id");
  label = get_string (object, "label");
  if (id == NULL || label == NULL ||
      !get_offset (object, "start", &start) || !get_offset (object, "end", &end) || end < start)
    return invalid (error, name);

  a = gloss_annotation_new (label, start, end);
  gloss_annotation_set_id (a, id);
  gloss_annotation_set_quote (a, get_string (object, "quote"));
  if (json_object_has_member (object, "attributes") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "attributes")))
    {
      JsonObject *attributes = json_object_get_object_member (object, "attributes");
      g_autoptr(GList) members = json_object_get_members (attributes);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (attributes, l->data);
          GVariant *variant;

          if (!JSON_NODE_HOLDS_VALUE (value))
            continue;
          variant = json_gvariant_deserialize (value, NULL, NULL);
          if (variant == NULL)
            continue;
          g_variant_ref_sink (variant);
          if (g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING) ||
              g_variant_is_of_type (variant, G_VARIANT_TYPE_BOOLEAN) ||
              g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64) ||
              g_variant_is_of_type (variant, G_VARIANT_TYPE_DOUBLE))
            gloss_annotation_set_attribute (a, l->data, variant);
          g_variant_unref (variant);
        }
    }

  *out = g_steal_pointer (&a);
  return TRUE;
}

/**
 * gloss_decision_new_from_json:
 *
 * Returns: (transfer full) (nullable): the decision, or NULL with @error set
 */
GlossDecision *
gloss_decision_new_from_json (JsonNode  *node,
                              GError   **error)
{
  JsonObject *object;
  GlossDecisionKind kind;
  GlossDifferenceCategory category;
  g_autoptr(GlossAnnotation) mine = NULL;
  g_autoptr(GlossAnnotation) theirs = NULL;
  g_autoptr(GStrvBuilder) results = g_strv_builder_new ();
  g_auto(GStrv) result_ids = NULL;
  const char *time;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("not an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!gloss_decision_kind_from_string (get_string (object, "action"), &kind))
    {
      invalid (error, "action");
      return NULL;
    }
  if (!gloss_difference_category_from_string (get_string (object, "category"), &category))
    {
      invalid (error, "category");
      return NULL;
    }
  if (!summary_from_json (object, "mine", &mine, error) ||
      !summary_from_json (object, "theirs", &theirs, error))
    return NULL;
  if (mine == NULL && theirs == NULL)
    {
      invalid (error, _("neither mine nor theirs"));
      return NULL;
    }

  if (json_object_has_member (object, "result") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "result")))
    {
      JsonArray *array = json_object_get_array_member (object, "result");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (results, json_node_get_string (element));
        }
    }
  result_ids = g_strv_builder_end (results);

  time = get_string (object, "time");
  if (time != NULL && !gloss_timestamp_is_valid (time))
    {
      invalid (error, "time");
      return NULL;
    }

  return gloss_decision_new (kind, category, mine, theirs, (const char * const *) result_ids,
                             get_string (object, "comment"), get_string (object, "reviewer"),
                             time ? time : "1970-01-01T00:00:00Z");
}

/* The decision log ------------------------------------------------------------- */

/**
 * gloss_review_log_get:
 *
 * Returns: (transfer none) (nullable) (element-type GlossDecision): the log
 */
GPtrArray *
gloss_review_log_get (GlossDocument *document)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  return g_object_get_data (G_OBJECT (document), REVIEW_LOG_KEY);
}

/**
 * gloss_review_log_set:
 * @decisions: (nullable) (element-type GlossDecision): the log, or NULL
 */
void
gloss_review_log_set (GlossDocument *document,
                      GPtrArray     *decisions)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  g_object_set_data_full (G_OBJECT (document), REVIEW_LOG_KEY,
                          decisions ? g_ptr_array_ref (decisions) : NULL,
                          (GDestroyNotify) g_ptr_array_unref);
}

JsonNode *
gloss_review_log_to_json (GPtrArray *decisions)
{
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    json_array_add_element (array, gloss_decision_to_json (decisions->pdata[i]));
  json_object_set_array_member (object, "decisions", array);
  json_node_take_object (node, object);

  return node;
}

/**
 * gloss_review_log_from_json:
 *
 * Returns: (transfer full) (element-type GlossDecision) (nullable): the log
 */
GPtrArray *
gloss_review_log_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“review” must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "decisions"))
    return g_steal_pointer (&decisions);
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "decisions")))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“review.decisions” must be an array"));
      return NULL;
    }

  array = json_object_get_array_member (object, "decisions");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      GlossDecision *decision = gloss_decision_new_from_json (json_array_get_element (array, i), &local_error);

      if (decision == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       "review.decisions[%u]: %s", i, local_error->message);
          return NULL;
        }
      g_ptr_array_add (decisions, decision);
    }

  return g_steal_pointer (&decisions);
}

/* Reviewing a file on its own ------------------------------------------------- */

const char *
gloss_review_status_to_string (GlossReviewStatus status)
{
  switch (status)
    {
    case GLOSS_REVIEW_NONE:
      return NULL;
    case GLOSS_REVIEW_ACCEPTED:
      return "accepted";
    case GLOSS_REVIEW_REJECTED:
      return "rejected";
    case GLOSS_REVIEW_NEEDS_DISCUSSION:
      return "needs-discussion";
    default:
      g_return_val_if_reached (NULL);
    }
}

GlossReviewStatus
gloss_review_get_status (GlossAnnotation *annotation)
{
  const char *value = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTRIBUTE_REVIEW_STATUS);

  for (GlossReviewStatus s = GLOSS_REVIEW_ACCEPTED; s <= GLOSS_REVIEW_NEEDS_DISCUSSION; s++)
    if (g_strcmp0 (value, gloss_review_status_to_string (s)) == 0)
      return s;

  return GLOSS_REVIEW_NONE;
}

/**
 * gloss_review_mark:
 * @status: GLOSS_REVIEW_NONE clears the review attributes
 *
 * Returns: (transfer none): the annotation now in @document
 */
GlossAnnotation *
gloss_review_mark (GlossDocument     *document,
                   GlossAnnotation   *annotation,
                   GlossReviewStatus  status,
                   const char        *comment,
                   const char        *reviewer)
{
  g_autofree char *now = NULL;
  gboolean clear = status == GLOSS_REVIEW_NONE;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  now = gloss_timestamp_now ();
  gloss_document_begin_edit (document, _("Review Annotation"));
  annotation = gloss_document_set_attribute (document, annotation, GLOSS_ATTRIBUTE_REVIEW_STATUS,
                                             clear ? NULL : g_variant_new_string (gloss_review_status_to_string (status)));
  annotation = gloss_document_set_attribute (document, annotation, GLOSS_ATTRIBUTE_REVIEW_COMMENT,
                                             clear || comment == NULL || *comment == '\0'
                                             ? NULL : g_variant_new_string (comment));
  annotation = gloss_document_set_attribute (document, annotation, GLOSS_ATTRIBUTE_REVIEWER,
                                             clear || reviewer == NULL || *reviewer == '\0'
                                             ? NULL : g_variant_new_string (reviewer));
  annotation = gloss_document_set_attribute (document, annotation, GLOSS_ATTRIBUTE_REVIEWED,
                                             clear ? NULL : g_variant_new_string (now));
  gloss_document_end_edit (document);

  return annotation;
}
