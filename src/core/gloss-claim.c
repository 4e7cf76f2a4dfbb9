/* gloss-claim.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-claim"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-claim.h"
#include "gloss-error.h"

static const GlossVerdict default_verdicts[] = {
  { "true",         N_("True"),            5 },
  { "mostly-true",  N_("Mostly true"),     4 },
  { "mixed",        N_("Mixed"),           3 },
  { "mostly-false", N_("Mostly false"),    2 },
  { "false",        N_("False"),           1 },
  { "unverifiable", N_("Unverifiable"),    0 },
  { "not-checked",  N_("Not yet checked"), 0 },
};

/**
 * gloss_verdicts_get_default:
 *
 * The default verdict scale. Names are untranslated (use _() to show them).
 */
const GlossVerdict *
gloss_verdicts_get_default (guint *n_verdicts)
{
  if (n_verdicts != NULL)
    *n_verdicts = G_N_ELEMENTS (default_verdicts);

  return default_verdicts;
}

const GlossVerdict *
gloss_verdict_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_verdicts); i++)
    if (g_strcmp0 (default_verdicts[i].id, id) == 0)
      return &default_verdicts[i];

  return NULL;
}

int
gloss_verdict_best_rating (void)
{
  return 5;
}

const char *
gloss_claim_get_verdict (GlossAnnotation *claim)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), NULL);

  return gloss_annotation_get_attribute_string (claim, GLOSS_ATTR_VERDICT);
}

/* A claim nobody has rated yet: no verdict, or "not-checked". */
gboolean
gloss_claim_is_unchecked (GlossAnnotation *claim)
{
  const char *verdict = gloss_claim_get_verdict (claim);

  return verdict == NULL || g_strcmp0 (verdict, "not-checked") == 0;
}

/* The "claimant" relations from @claim (one, unless a file has more). */
static GPtrArray *
claimant_relations (GlossDocument   *document,
                    GlossAnnotation *claim)
{
  g_autoptr(GPtrArray) relations = gloss_document_relations_of (document, gloss_annotation_get_id (claim));
  GPtrArray *claimant = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];

      if (g_strcmp0 (gloss_relation_get_kind (r), GLOSS_RELATION_CLAIMANT) == 0 &&
          g_strcmp0 (gloss_relation_get_from (r), gloss_annotation_get_id (claim)) == 0)
        g_ptr_array_add (claimant, g_object_ref (r));
    }

  return claimant;
}

/**
 * gloss_claim_get_claimant:
 *
 * Returns: (transfer none) (nullable): the entity linked to @claim by a
 *   "claimant" relation
 */
GlossAnnotation *
gloss_claim_get_claimant (GlossDocument   *document,
                          GlossAnnotation *claim)
{
  g_autoptr(GPtrArray) relations = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), NULL);

  relations = claimant_relations (document, claim);
  if (relations->len == 0)
    return NULL;

  return gloss_annotation_store_lookup (gloss_document_get_annotations (document),
                                        gloss_relation_get_to (relations->pdata[0]));
}

/**
 * gloss_claim_set_claimant:
 * @claim: a claim annotation
 * @entity: the person or organisation making it
 *
 * Links @claim to @entity as its claimant, in one undoable step that also
 * removes the link to a previous claimant: a claim has one.
 *
 * Returns: (transfer none) (nullable): the new relation, or %NULL with
 *   @error set (e.g. @entity is already the claimant)
 */
GlossRelation *
gloss_claim_set_claimant (GlossDocument    *document,
                          GlossAnnotation  *claim,
                          GlossAnnotation  *entity,
                          GError          **error)
{
  g_autoptr(GPtrArray) previous = NULL;
  GlossRelation *relation;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (entity), NULL);

  previous = claimant_relations (document, claim);

  /* What would make the link fail, checked before anything changes. */
  if (g_strcmp0 (gloss_annotation_get_id (entity), gloss_annotation_get_id (claim)) == 0 ||
      gloss_annotation_store_lookup (gloss_document_get_annotations (document), gloss_annotation_get_id (entity)) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("The claimant must be another annotation of this document"));
      return NULL;
    }
  if (previous->len == 0)
    return gloss_document_relate (document, GLOSS_RELATION_CLAIMANT, claim, entity, error);

  /* Already a claimant, beside others (a file may have several): the
   * others go, this link stays. */
  relation = NULL;
  for (guint i = 0; i < previous->len; i++)
    if (g_strcmp0 (gloss_relation_get_to (previous->pdata[i]), gloss_annotation_get_id (entity)) == 0)
      relation = previous->pdata[i];
  if (relation != NULL && previous->len == 1)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” is already the claimant"), gloss_annotation_get_quote (entity));
      return NULL;
    }

  gloss_document_begin_edit (document, _("Change Claimant"));
  for (guint i = 0; i < previous->len; i++)
    if (previous->pdata[i] != relation)
      gloss_document_remove_relation (document, previous->pdata[i]);
  if (relation == NULL)
    relation = gloss_document_relate (document, GLOSS_RELATION_CLAIMANT, claim, entity, error);
  gloss_document_end_edit (document);

  return relation;
}

/**
 * gloss_claim_dup_claimant_name:
 *
 * The claimant as a reader would name them: the linked entity's canonical
 * name or quote, else the free-text "claimant" attribute.
 *
 * Returns: (transfer full) (nullable): the name
 */
char *
gloss_claim_dup_claimant_name (GlossDocument   *document,
                               GlossAnnotation *claim)
{
  GlossAnnotation *entity = gloss_claim_get_claimant (document, claim);
  const char *text;

  if (entity != NULL)
    {
      text = gloss_annotation_get_attribute_string (entity, GLOSS_ATTR_CANONICAL_NAME);
      return g_strdup (text ? text : gloss_annotation_get_quote (entity));
    }

  text = gloss_annotation_get_attribute_string (claim, GLOSS_ATTR_CLAIMANT);

  return (text && *text) ? g_strdup (text) : NULL;
}

/**
 * gloss_claim_get_evidence:
 *
 * Returns: (transfer full): the evidence items (URLs or citations), one per
 *   non-empty line of the "evidence" attribute
 */
char **
gloss_claim_get_evidence (GlossAnnotation *claim)
{
  const char *evidence = gloss_annotation_get_attribute_string (claim, GLOSS_ATTR_EVIDENCE);
  g_auto(GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new ();

  if (evidence != NULL)
    {
      lines = g_strsplit (evidence, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (*lines[i] != '\0')
            g_ptr_array_add (out, g_strdup (lines[i]));
        }
    }
  g_ptr_array_add (out, NULL);

  return (char **) g_ptr_array_free (out, FALSE);
}

/* YYYY-MM-DD, a real calendar date. */
gboolean
gloss_date_is_valid (const char *date)
{
  int y, m, d;
  char tail;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (g_utf8_strlen (date, -1) != 10)
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}
