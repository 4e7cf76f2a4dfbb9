/* gloss-statistics.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-statistics"

#include "config.h"

#include "gloss-claim.h"
#include "gloss-statistics.h"

static void
clear_count (gpointer data)
{
  GlossCount *c = data;

  g_free (c->name);
  g_free (c->color);
}

static GArray *
count_array_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (GlossCount));

  g_array_set_clear_func (a, clear_count);

  return a;
}

static void
add_count (GArray     *array,
           const char *name,
           const char *color)
{
  GlossCount c = { g_strdup (name), g_strdup (color), 0 };

  g_array_append_val (array, c);
}

/**
 * gloss_statistics_compute:
 *
 * One pass over the annotations.
 */
GlossStatistics *
gloss_statistics_compute (GlossDocument *document)
{
  GlossStatistics *stats = g_new0 (GlossStatistics, 1);
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  g_autoptr(GHashTable) label_index = g_hash_table_new (g_str_hash, g_str_equal);
  const GlossVerdict *verdicts;
  guint n_verdicts;
  guint n;

  stats->by_label = count_array_new ();
  stats->by_verdict = count_array_new ();

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      add_count (stats->by_label, gloss_label_get_name (label), gloss_label_get_color (label));
      g_hash_table_insert (label_index, (gpointer) gloss_label_get_name (label), GUINT_TO_POINTER (i + 1));
    }

  verdicts = gloss_verdicts_get_default (&n_verdicts);
  for (guint i = 0; i < n_verdicts; i++)
    add_count (stats->by_verdict, verdicts[i].id, NULL);
  add_count (stats->by_verdict, "other", NULL);

  n = gloss_annotation_store_get_n_items (store);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      guint li = GPOINTER_TO_UINT (g_hash_table_lookup (label_index, gloss_annotation_get_label (a)));
      GlossLabel *label;

      stats->total++;
      if (li == 0)
        continue;

      g_array_index (stats->by_label, GlossCount, li - 1).count++;
      label = gloss_label_set_get_label (labels, li - 1);
      stats->by_kind[gloss_label_get_kind (label)]++;

      if (gloss_label_get_kind (label) == GLOSS_LABEL_KIND_CLAIM)
        {
          /* A claim without a verdict is one not yet checked (as for F8,
           * gloss_claim_is_unchecked ()); a verdict off the scale, from
           * another tool's file, is "other". */
          const char *verdict = gloss_claim_is_unchecked (a) ? "not-checked" : gloss_claim_get_verdict (a);
          guint slot = n_verdicts;

          for (guint v = 0; v < n_verdicts; v++)
            if (g_strcmp0 (verdicts[v].id, verdict) == 0)
              slot = v;

          g_array_index (stats->by_verdict, GlossCount, slot).count++;
        }
    }

  stats->n_relations = g_list_model_get_n_items (gloss_document_get_relations (document));

  return stats;
}

void
gloss_statistics_free (GlossStatistics *stats)
{
  if (stats == NULL)
    return;

  g_array_unref (stats->by_label);
  g_array_unref (stats->by_verdict);
  g_free (stats);
}
