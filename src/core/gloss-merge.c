/* gloss-merge.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-merge.h"

typedef struct
{
  GlossDecision   *decision;
  GlossDifference *difference;
  char            *description;
  gboolean         edited;
} Entry;

struct _GlossMergeSession
{
  GObject          parent_instance;

  GlossDocument   *mine;
  GlossDocument   *theirs;
  GlossComparison *comparison;
  GlossDocument   *merged;
  GListStore      *log;          /* GlossDecision, the applied ones */
  GPtrArray       *applied;      /* Entry */
  GPtrArray       *redo;         /* Entry, last undone last */
  GPtrArray       *prior_log;    /* GlossDecision from my file */
  char            *reviewer;
  guint            serial;
  guint            n_undecided;
  gboolean         applying;
  gulong           changed_id;
};

G_DEFINE_FINAL_TYPE (GlossMergeSession, gloss_merge_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_MERGED,
  PROP_LOG,
  PROP_REVIEWER,
  PROP_N_UNDECIDED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
gloss_merge_strategy_from_string (const char         *str,
                                  GlossMergeStrategy *strategy)
{
  if (g_strcmp0 (str, "mine") == 0)
    *strategy = GLOSS_MERGE_PREFER_MINE;
  else if (g_strcmp0 (str, "theirs") == 0)
    *strategy = GLOSS_MERGE_PREFER_THEIRS;
  else if (g_strcmp0 (str, "agreed-only") == 0)
    *strategy = GLOSS_MERGE_AGREED_ONLY;
  else
    return FALSE;

  return TRUE;
}

static void
entry_free (Entry *e)
{
  g_object_unref (e->decision);
  g_object_unref (e->difference);
  g_free (e->description);
  g_free (e);
}

static void
gloss_merge_session_dispose (GObject *object)
{
  GlossMergeSession *self = GLOSS_MERGE_SESSION (object);

  if (self->merged != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->merged);

  G_OBJECT_CLASS (gloss_merge_session_parent_class)->dispose (object);
}

static void
gloss_merge_session_finalize (GObject *object)
{
  GlossMergeSession *self = GLOSS_MERGE_SESSION (object);

  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_clear_object (&self->comparison);
  g_clear_object (&self->merged);
  g_clear_object (&self->log);
  g_ptr_array_unref (self->applied);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->prior_log, g_ptr_array_unref);
  g_free (self->reviewer);

  G_OBJECT_CLASS (gloss_merge_session_parent_class)->finalize (object);
}

static void
gloss_merge_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossMergeSession *self = GLOSS_MERGE_SESSION (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_MERGED:
      g_value_set_object (value, self->merged);
      break;
    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;
    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;
    case PROP_N_UNDECIDED:
      g_value_set_uint (value, self->n_undecided);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_merge_session_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_merge_session_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_merge_session_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossMergeSession *self = GLOSS_MERGE_SESSION (object);

  switch (prop_id)
    {
    case PROP_REVIEWER:
      gloss_merge_session_set_reviewer (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_merge_session_class_init (GlossMergeSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_merge_session_dispose;
  object_class->finalize = gloss_merge_session_finalize;
  object_class->get_property = gloss_merge_session_get_property;
  object_class->set_property = gloss_merge_session_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, GLOSS_TYPE_COMPARISON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MERGED] =
    g_param_spec_object ("merged", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWER] =
    g_param_spec_string ("reviewer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_UNDECIDED] =
    g_param_spec_uint ("n-undecided", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_merge_session_init (GlossMergeSession *self)
{
  self->log = g_list_store_new (GLOSS_TYPE_DECISION);
  self->applied = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->reviewer = g_strdup (g_get_real_name ());
}

/* State ----------------------------------------------------------------------- */

static void
sync_log (GlossMergeSession *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->prior_log != NULL && i < self->prior_log->len; i++)
    g_ptr_array_add (all, g_object_ref (self->prior_log->pdata[i]));
  for (guint i = 0; i < self->applied->len; i++)
    g_ptr_array_add (all, g_object_ref (((Entry *) self->applied->pdata[i])->decision));
  gloss_review_log_set (self->merged, all);
}

static void
update_state (GlossMergeSession *self)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->comparison)); i++)
    {
      g_autoptr(GlossDifference) d = g_list_model_get_item (G_LIST_MODEL (self->comparison), i);

      if (gloss_difference_is_conflict (d) && gloss_difference_get_decision (d) == NULL)
        n++;
    }

  sync_log (self);

  if (n != self->n_undecided)
    {
      self->n_undecided = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNDECIDED]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
withdraw_at (GlossMergeSession *self,
             guint              index)
{
  Entry *e = g_ptr_array_steal_index (self->applied, index);

  g_list_store_remove (self->log, index);
  gloss_difference_set_decision (e->difference, NULL);
  g_ptr_array_add (self->redo, e);
  update_state (self);
}

static void
withdraw (GlossMergeSession *self)
{
  withdraw_at (self, self->applied->len - 1);
}

static void
restore_at (GlossMergeSession *self,
            guint              index)
{
  Entry *e = g_ptr_array_steal_index (self->redo, index);

  g_ptr_array_add (self->applied, e);
  g_list_store_append (self->log, e->decision);
  gloss_difference_set_decision (e->difference, G_OBJECT (e->decision));
  update_state (self);
}

static void
restore (GlossMergeSession *self)
{
  restore_at (self, self->redo->len - 1);
}

/* The index of the latest entry that edited the document, or -1 */
static int
last_edited (GPtrArray *array)
{
  for (guint i = array->len; i-- > 0;)
    if (((Entry *) array->pdata[i])->edited)
      return (int) i;

  return -1;
}

static Entry *
last (GPtrArray *array)
{
  return array->len > 0 ? array->pdata[array->len - 1] : NULL;
}

/* Follows undo/redo done on the merged document directly */
static void
merged_changed_cb (GlossMergeSession *self)
{
  GlossHistory *history = gloss_document_get_history (self->merged);
  const char *undo = gloss_history_get_undo_description (history);
  const char *redo = gloss_history_get_redo_description (history);
  int a = last_edited (self->applied);
  int r = last_edited (self->redo);

  if (self->applying)
    return;

  /* Decisions that changed nothing may sit above the edited one: the
   * document's undo only ever concerns the latest edited decision. */
  if (a >= 0 && gloss_history_get_can_redo (history) &&
      g_strcmp0 (redo, ((Entry *) self->applied->pdata[a])->description) == 0)
    withdraw_at (self, a);
  else if (r >= 0 && gloss_history_get_can_undo (history) &&
           g_strcmp0 (undo, ((Entry *) self->redo->pdata[r])->description) == 0)
    restore_at (self, r);
  else if (self->redo->len > 0 && !gloss_history_get_can_redo (history))
    {
      g_ptr_array_set_size (self->redo, 0);
      update_state (self);
    }
}

static GlossDocument *
copy_document (GlossDocument *source)
{
  GlossDocument *copy = gloss_document_new (gloss_document_get_text (source), -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (source);
  GListModel *relations = gloss_document_get_relations (source);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relation_copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossLabelSet) labels = gloss_label_set_copy (gloss_document_get_labels (source));
  g_auto(GStrv) keys = gloss_document_list_metadata (source);
  const GlossHeading *headings;
  guint n_headings;

  headings = gloss_document_get_headings (source, &n_headings);
  gloss_document_set_headings (copy, headings, n_headings, NULL);
  gloss_document_set_labels (copy, labels);
  gloss_document_set_title (copy, gloss_document_get_title (source));
  gloss_document_set_byline (copy, gloss_document_get_byline (source));
  gloss_document_set_published (copy, gloss_document_get_published (source));
  gloss_document_set_source (copy, gloss_document_get_source (source));
  gloss_document_set_language (copy, gloss_document_get_language (source));
  gloss_document_set_author (copy, gloss_document_get_author (source));
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    gloss_document_set_metadata (copy, keys[i], gloss_document_get_metadata (source, keys[i]));

  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    g_ptr_array_add (annotations, gloss_annotation_copy (gloss_annotation_store_get (store, i)));
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (relations, i);
      g_ptr_array_add (relation_copies, gloss_relation_copy (r));
    }
  gloss_document_load_content (copy, annotations, relation_copies);
  gloss_document_set_saved (copy);

  return copy;
}

GlossMergeSession *
gloss_merge_session_new (GlossDocument *mine,
                         GlossDocument *theirs)
{
  GlossMergeSession *self;
  GPtrArray *prior;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (mine), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (theirs), NULL);

  self = g_object_new (GLOSS_TYPE_MERGE_SESSION, NULL);
  self->mine = g_object_ref (mine);
  self->theirs = g_object_ref (theirs);
  self->comparison = gloss_comparison_new (mine, theirs);
  self->merged = copy_document (mine);
  prior = gloss_review_log_get (mine);
  if (prior != NULL)
    self->prior_log = g_ptr_array_ref (prior);
  self->n_undecided = gloss_comparison_get_n_conflicts (self->comparison);
  sync_log (self);
  self->changed_id = g_signal_connect_swapped (self->merged, "changed",
                                               G_CALLBACK (merged_changed_cb), self);

  return self;
}

/**
 * gloss_merge_session_get_comparison:
 *
 * Returns: (transfer none): the differences (a GListModel of GlossDifference)
 */
GlossComparison *
gloss_merge_session_get_comparison (GlossMergeSession *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), NULL);

  return self->comparison;
}

/**
 * gloss_merge_session_get_merged:
 *
 * Returns: (transfer none): the merged document
 */
GlossDocument *
gloss_merge_session_get_merged (GlossMergeSession *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), NULL);

  return self->merged;
}

/**
 * gloss_merge_session_get_log:
 *
 * Returns: (transfer none): the decisions of this session (GlossDecision)
 */
GListModel *
gloss_merge_session_get_log (GlossMergeSession *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), NULL);

  return G_LIST_MODEL (self->log);
}

const char *
gloss_merge_session_get_reviewer (GlossMergeSession *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), NULL);

  return self->reviewer;
}

void
gloss_merge_session_set_reviewer (GlossMergeSession *self,
                                  const char        *reviewer)
{
  g_return_if_fail (GLOSS_IS_MERGE_SESSION (self));

  if (gloss_set_str (&self->reviewer, reviewer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER]);
}

guint
gloss_merge_session_get_n_undecided (GlossMergeSession *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), 0);

  return self->n_undecided;
}

/* Deciding ------------------------------------------------------------------- */

static gboolean
ensure_label (GlossMergeSession  *self,
              const char         *name,
              GError            **error)
{
  GlossLabel *theirs;
  g_autoptr(GlossLabel) label = NULL;

  if (gloss_label_set_lookup (gloss_document_get_labels (self->merged), name) != NULL)
    return TRUE;

  theirs = gloss_label_set_lookup (gloss_document_get_labels (self->theirs), name);
  if (theirs != NULL)
    {
      label = gloss_label_copy (theirs);
      /* Their shortcut key may be taken here */
      if (gloss_label_get_key (label) != NULL &&
          gloss_label_set_lookup_key (gloss_document_get_labels (self->merged),
                                      gloss_label_get_key (label)) != NULL)
        gloss_label_set_key (label, NULL);
    }
  else
    label = gloss_label_new (name, GLOSS_LABEL_KIND_ENTITY, "#808080", NULL);

  return gloss_document_add_label (self->merged, label, error);
}

static gboolean
check_span (GlossMergeSession  *self,
            GlossAnnotation    *annotation,
            GError            **error)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);

  if (start < end && end <= gloss_document_get_length (self->merged))
    return TRUE;

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
               _("The annotation [%u, %u) does not fit the text (length %u)"),
               start, end, gloss_document_get_length (self->merged));
  return FALSE;
}

/* A copy of @annotation that can be added to the merged document */
static GlossAnnotation *
prepare (GlossMergeSession  *self,
         GlossAnnotation    *annotation,
         const char         *replacing_id,
         GError            **error)
{
  g_autoptr(GlossAnnotation) copy = NULL;
  const char *id;

  if (!check_span (self, annotation, error) ||
      !ensure_label (self, gloss_annotation_get_label (annotation), error))
    return NULL;

  copy = gloss_annotation_copy (annotation);
  id = gloss_annotation_get_id (copy);
  if (id == NULL || *id == '\0' ||
      (g_strcmp0 (id, replacing_id) != 0 &&
       gloss_annotation_store_lookup (gloss_document_get_annotations (self->merged), id) != NULL))
    {
      g_autofree char *uuid = gloss_uuid_new ();
      gloss_annotation_set_id (copy, uuid);
    }

  return g_steal_pointer (&copy);
}

/* Where an annotation of theirs is in the merged document now, if anywhere */
static GlossAnnotation *
resolve_theirs (GlossMergeSession *self,
                const char        *theirs_id)
{
  GlossAnnotationStore *store = gloss_document_get_annotations (self->merged);
  GlossDifference *d = gloss_comparison_lookup (self->comparison, theirs_id, TRUE);
  GlossDecision *decision;

  if (d == NULL)
    return NULL;

  decision = (GlossDecision *) gloss_difference_get_decision (d);
  if (decision != NULL)
    {
      GlossDecisionKind kind = gloss_decision_get_kind (decision);
      const char * const *results = gloss_decision_get_result_ids (decision);

      if ((kind == GLOSS_DECISION_ACCEPT_THEIRS || kind == GLOSS_DECISION_TAKE_BOTH ||
           kind == GLOSS_DECISION_EDIT) && results[0] != NULL)
        return gloss_annotation_store_lookup (store, results[0]);
      if (kind == GLOSS_DECISION_REJECT)
        return NULL;
    }

  if (gloss_difference_get_mine (d) != NULL)
    return gloss_annotation_store_lookup (store, gloss_annotation_get_id (gloss_difference_get_mine (d)));

  return NULL;
}

/* Their definition of the relation type @name (its title, description,
 * direction) comes along when the merged scheme has no type of that name:
 * their relation would otherwise be of a type the merged file does not
 * define. */
static void
ensure_relation_type (GlossMergeSession *self,
                      const char        *name)
{
  GlossRelationType *theirs;

  if (gloss_label_set_find_relation_type (gloss_document_get_labels (self->merged), name) != NULL)
    return;

  theirs = gloss_label_set_lookup_relation_type (gloss_document_get_labels (self->theirs), name);
  if (theirs != NULL)
    gloss_document_add_relation_type (self->merged, theirs, NULL);
}

/* Their relations of @theirs (a claimant, …), re-created on @added when
 * the other end is in the merged document. */
static void
carry_relations (GlossMergeSession *self,
                 GlossAnnotation   *theirs,
                 GlossAnnotation   *added)
{
  const char *theirs_id = gloss_annotation_get_id (theirs);
  g_autoptr(GPtrArray) relations = gloss_document_relations_of (self->theirs, theirs_id);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];
      gboolean outgoing = g_strcmp0 (gloss_relation_get_from (r), theirs_id) == 0;
      const char *other_id = outgoing ? gloss_relation_get_to (r) : gloss_relation_get_from (r);
      GlossAnnotation *other = resolve_theirs (self, other_id);
      GlossAnnotation *from, *to;

      if (other == NULL || other == added)
        continue;
      from = outgoing ? added : other;
      to = outgoing ? other : added;

      /* gloss_document_relate () refuses a link the merge already has. */
      ensure_relation_type (self, gloss_relation_get_kind (r));
      gloss_document_relate (self->merged, gloss_relation_get_kind (r), from, to, NULL);
    }
}

gboolean
gloss_merge_session_decide (GlossMergeSession  *self,
                            GlossDifference    *difference,
                            GlossDecisionKind   kind,
                            GlossAnnotation    *edited,
                            const char         *comment,
                            GError            **error)
{
  GlossAnnotationStore *store;
  GlossAnnotation *mine, *theirs, *current = NULL;
  g_autoptr(GStrvBuilder) results = g_strv_builder_new ();
  g_auto(GStrv) result_ids = NULL;
  g_autofree char *description = NULL;
  GlossHistory *history;
  gboolean ok = TRUE;
  Entry *e;

  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE (difference), FALSE);
  g_return_val_if_fail (kind < GLOSS_N_DECISION_KINDS, FALSE);

  if (gloss_difference_get_decision (difference) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CONFLICT,
                   _("This difference has already been decided; undo the decision first"));
      return FALSE;
    }
  if (kind == GLOSS_DECISION_EDIT && edited == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("An edit needs the edited annotation"));
      return FALSE;
    }

  store = gloss_document_get_annotations (self->merged);
  mine = gloss_difference_get_mine (difference);
  theirs = gloss_difference_get_theirs (difference);
  if (mine != NULL)
    current = gloss_annotation_store_lookup (store, gloss_annotation_get_id (mine));

  history = gloss_document_get_history (self->merged);

  description = g_strdup_printf (_("%s (review decision %u)"),
                                 gloss_decision_kind_get_title (kind), ++self->serial);

  self->applying = TRUE;
  gloss_document_begin_edit (self->merged, description);
  switch (kind)
    {
    case GLOSS_DECISION_ACCEPT_THEIRS:
    case GLOSS_DECISION_TAKE_BOTH:
      if (theirs != NULL)
        {
          g_autoptr(GlossAnnotation) copy = prepare (self, theirs, NULL, error);

          ok = copy != NULL && gloss_document_add_annotation (self->merged, copy, error);
          if (ok)
            {
              g_strv_builder_add (results, gloss_annotation_get_id (copy));
              carry_relations (self, theirs, copy);
            }
        }
      if (ok && current != NULL && kind == GLOSS_DECISION_ACCEPT_THEIRS)
        gloss_document_remove_annotation (self->merged, current);
      if (ok && current != NULL && kind == GLOSS_DECISION_TAKE_BOTH)
        g_strv_builder_add (results, gloss_annotation_get_id (current));
      break;

    case GLOSS_DECISION_KEEP_MINE:
      if (current != NULL)
        g_strv_builder_add (results, gloss_annotation_get_id (current));
      break;

    case GLOSS_DECISION_EDIT:
      {
        const char *current_id = current ? gloss_annotation_get_id (current) : NULL;
        g_autoptr(GlossAnnotation) copy = prepare (self, edited, current_id, error);

        ok = copy != NULL;
        if (ok && current != NULL && g_strcmp0 (gloss_annotation_get_id (copy), current_id) == 0)
          ok = gloss_document_update_annotation (self->merged, current, copy, error);
        else if (ok)
          {
            ok = gloss_document_add_annotation (self->merged, copy, error);
            if (ok && current != NULL)
              gloss_document_remove_annotation (self->merged, current);
          }
        if (ok)
          g_strv_builder_add (results, gloss_annotation_get_id (copy));
      }
      break;

    case GLOSS_DECISION_REJECT:
      if (current != NULL)
        gloss_document_remove_annotation (self->merged, current);
      break;

    default:
      g_assert_not_reached ();
    }
  gloss_document_end_edit (self->merged);
  self->applying = FALSE;

  if (!ok)
    {
      /* A label may have been added before the failure: take it back */
      if (g_strcmp0 (gloss_history_get_undo_description (history), description) == 0)
        {
          self->applying = TRUE;
          gloss_document_undo (self->merged);
          self->applying = FALSE;
        }
      return FALSE;
    }

  result_ids = g_strv_builder_end (results);
  e = g_new0 (Entry, 1);
  e->decision = gloss_decision_new (kind, gloss_difference_get_category (difference), mine, theirs,
                                    (const char * const *) result_ids, comment, self->reviewer, NULL);
  e->difference = g_object_ref (difference);
  e->description = g_steal_pointer (&description);
  e->edited = g_strcmp0 (gloss_history_get_undo_description (history), e->description) == 0;

  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->applied, e);
  g_list_store_append (self->log, e->decision);
  gloss_difference_set_decision (difference, G_OBJECT (e->decision));
  update_state (self);

  return TRUE;
}

guint
gloss_merge_session_apply_strategy (GlossMergeSession  *self,
                                    GlossMergeStrategy  strategy,
                                    const char         *comment)
{
  GListModel *model;
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), 0);

  model = G_LIST_MODEL (self->comparison);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossDifference) d = g_list_model_get_item (model, i);
      g_autoptr(GError) error = NULL;
      GlossDecisionKind kind;
      GlossDifferenceCategory category = gloss_difference_get_category (d);

      if (gloss_difference_get_decision (d) != NULL)
        continue;

      if (category == GLOSS_DIFFERENCE_AGREE)
        kind = strategy == GLOSS_MERGE_PREFER_THEIRS && gloss_difference_is_conflict (d)
               ? GLOSS_DECISION_ACCEPT_THEIRS : GLOSS_DECISION_KEEP_MINE;
      else if (strategy == GLOSS_MERGE_AGREED_ONLY)
        kind = GLOSS_DECISION_REJECT;
      else if (category == GLOSS_DIFFERENCE_ONLY_MINE)
        kind = GLOSS_DECISION_KEEP_MINE;
      else if (category == GLOSS_DIFFERENCE_ONLY_THEIRS)
        kind = GLOSS_DECISION_ACCEPT_THEIRS;
      else
        kind = strategy == GLOSS_MERGE_PREFER_MINE ? GLOSS_DECISION_KEEP_MINE : GLOSS_DECISION_ACCEPT_THEIRS;

      if (gloss_merge_session_decide (self, d, kind, NULL, comment, &error))
        n++;
      else
        g_warning ("Could not apply a decision: %s", error->message);
    }

  return n;
}

gboolean
gloss_merge_session_get_can_undo (GlossMergeSession *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), FALSE);

  return self->applied->len > 0 ||
         gloss_history_get_can_undo (gloss_document_get_history (self->merged));
}

gboolean
gloss_merge_session_get_can_redo (GlossMergeSession *self)
{
  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), FALSE);

  return self->redo->len > 0 ||
         gloss_history_get_can_redo (gloss_document_get_history (self->merged));
}

/* Undoes the latest decision (and its edit), or the latest edit of the
 * merged document if that was made after the latest decision by hand. */
gboolean
gloss_merge_session_undo (GlossMergeSession *self)
{
  Entry *a;

  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), FALSE);

  a = last (self->applied);
  if (a != NULL && !a->edited)
    {
      withdraw (self);
      return TRUE;
    }

  /* An edited decision is withdrawn by merged_changed_cb */
  return gloss_document_undo (self->merged);
}

gboolean
gloss_merge_session_redo (GlossMergeSession *self)
{
  Entry *r;

  g_return_val_if_fail (GLOSS_IS_MERGE_SESSION (self), FALSE);

  r = last (self->redo);
  if (r != NULL && !r->edited)
    {
      restore (self);
      return TRUE;
    }

  return gloss_document_redo (self->merged);
}
