/* gloss-scheme.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-scheme"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-scheme.h"

/**
 * gloss_scheme_check_annotation:
 *
 * Returns: (transfer container) (element-type GlossAttributeProblem): the
 *   problems
 */
GPtrArray *
gloss_scheme_check_annotation (GlossLabel      *label,
                               GlossAnnotation *annotation)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_attribute_problem_free);

  g_return_val_if_fail (GLOSS_IS_LABEL (label), problems);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), problems);

  for (guint i = 0; i < gloss_label_get_n_attributes (label); i++)
    {
      GlossAttributeDef *def = gloss_label_get_attribute (label, i);
      const char *name = gloss_attribute_def_get_name (def);
      GlossAttributeProblemKind kind;
      char *message = NULL;

      if (!gloss_attribute_def_check_value (def, gloss_annotation_get_attribute (annotation, name),
                                            &kind, &message))
        {
          GlossAttributeProblem *problem = g_new0 (GlossAttributeProblem, 1);

          problem->kind = kind;
          problem->attribute = g_strdup (name);
          problem->message = message;
          g_ptr_array_add (problems, problem);
        }
    }

  return problems;
}

static char *
describe_label (GlossLabel *label)
{
  if (label == NULL)
    return g_strdup (_("an unknown label"));

  /* Translators: a label and its kind, e.g. "PERSON (entity)" */
  return g_strdup_printf (_("%s (%s)"), gloss_label_get_name (label),
                          gloss_label_kind_to_string (gloss_label_get_kind (label)));
}

/**
 * gloss_scheme_check_link:
 * @from: (nullable): the label at the "from" end
 * @to: (nullable): the label at the "to" end
 */
gboolean
gloss_scheme_check_link (GlossRelationType  *type,
                         GlossLabel         *from,
                         GlossLabel         *to,
                         char              **message)
{
  g_autofree char *allowed = NULL;
  g_autofree char *label = NULL;
  gboolean from_ok, to_ok;

  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (type), FALSE);

  from_ok = gloss_relation_type_allows_from (type, from);
  to_ok = gloss_relation_type_allows_to (type, to);
  if (from_ok && to_ok)
    return TRUE;

  if (message == NULL)
    return FALSE;

  if (!from_ok)
    {
      allowed = g_strjoinv (_(" or "), (char **) gloss_relation_type_get_from (type));
      label = describe_label (from);
      /* Translators: a link of type 1 starts at 2, but must start at 3 */
      *message = g_strdup_printf (_("A “%s” link must start at %s, not at %s"),
                                  gloss_relation_type_get_name (type), allowed, label);
    }
  else
    {
      allowed = g_strjoinv (_(" or "), (char **) gloss_relation_type_get_to (type));
      label = describe_label (to);
      *message = g_strdup_printf (_("A “%s” link must end at %s, not at %s"),
                                  gloss_relation_type_get_name (type), allowed, label);
    }

  return FALSE;
}

static void
add_warning (GPtrArray  *problems,
             char       *where,
             char       *message)
{
  GlossProblem *problem = g_new0 (GlossProblem, 1);

  problem->where = where;
  problem->message = message;
  problem->recoverable = TRUE;
  problem->code = GLOSS_ERROR_INVALID;
  g_ptr_array_add (problems, problem);
}

static void
check_constraint_names (GlossLabelSet     *labels,
                        GlossRelationType *type,
                        guint              index,
                        const char        *end,
                        const char * const *list,
                        GPtrArray         *problems)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (!gloss_label_kind_from_string (list[i], NULL) &&
        gloss_label_set_lookup (labels, list[i]) == NULL)
      add_warning (problems,
                   g_strdup_printf ("relation_types[%u] (%s)", index, gloss_relation_type_get_name (type)),
                   g_strdup_printf (_("“%s” lists “%s”, which is neither a label nor a kind"), end, list[i]));
}

/**
 * gloss_scheme_check_document:
 *
 * Returns: (transfer container) (element-type GlossProblem): the warnings
 */
GPtrArray *
gloss_scheme_check_document (GlossDocument *document)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_problem_free);
  GlossLabelSet *labels;
  GlossAnnotationStore *store;
  GListModel *relations;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), problems);

  labels = gloss_document_get_labels (document);
  store = gloss_document_get_annotations (document);

  for (guint i = 0; i < gloss_label_set_get_n_relation_types (labels); i++)
    {
      GlossRelationType *type = gloss_label_set_get_relation_type (labels, i);

      check_constraint_names (labels, type, i, "from", gloss_relation_type_get_from (type), problems);
      check_constraint_names (labels, type, i, "to", gloss_relation_type_get_to (type), problems);
    }

  n = gloss_annotation_store_get_n_items (store);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      GlossLabel *label = gloss_label_set_lookup (labels, gloss_annotation_get_label (a));
      g_autoptr(GPtrArray) found = NULL;

      if (label == NULL || gloss_label_get_n_attributes (label) == 0)
        continue;

      found = gloss_scheme_check_annotation (label, a);
      for (guint j = 0; j < found->len; j++)
        {
          GlossAttributeProblem *p = found->pdata[j];

          add_warning (problems,
                       /* By id: the store is in text order, which need not be the file's. */
                       g_strdup_printf ("annotation %s", gloss_annotation_get_id (a)),
                       g_strdup (p->message));
        }
    }

  relations = gloss_document_get_relations (document);
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (relations, i);
      GlossRelationType *type = gloss_label_set_find_relation_type (labels, gloss_relation_get_kind (r));
      GlossAnnotation *from, *to;
      char *message = NULL;

      if (type == NULL)
        continue;

      from = gloss_annotation_store_lookup (store, gloss_relation_get_from (r));
      to = gloss_annotation_store_lookup (store, gloss_relation_get_to (r));
      if (from == NULL || to == NULL)
        continue;

      if (!gloss_scheme_check_link (type,
                                    gloss_label_set_lookup (labels, gloss_annotation_get_label (from)),
                                    gloss_label_set_lookup (labels, gloss_annotation_get_label (to)),
                                    &message))
        add_warning (problems,
                     g_strdup_printf ("relations[%u] (id %s)", i, gloss_relation_get_id (r)),
                     message);
    }

  return problems;
}
