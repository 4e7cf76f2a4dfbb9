/* bench-cases.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bench-cases.h"
#include "bench-data.h"
#include "gloss-agreement.h"
#include "gloss-comparison.h"
#include "gloss-export.h"
#include "gloss-statistics.h"

static void
emit_one (GString    *json,
          const char *name,
          double      seconds)
{
  g_string_append_printf (json, "\"%s\":{\"median_ms\":%.3f,\"worst_ms\":%.3f,\"n\":1},",
                          name, seconds * 1e3, seconds * 1e3);
}

/* A colleague's version of the same article: 10% relabelled, 10% with a
 * boundary moved, 5% missing, 5% of their own. */
static GlossDocument *
make_colleague (GlossDocument *mine)
{
  GlossDocument *theirs = gloss_document_new (gloss_document_get_text (mine), -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (mine);
  g_autoptr(GPtrArray) anns = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = gloss_annotation_store_get_n_items (store);
  guint length = gloss_document_get_length (mine);
  GRand *rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_copy (gloss_annotation_store_get (store, i));
      int roll = g_rand_int_range (rand, 0, 100);

      if (roll < 10)
        gloss_annotation_set_label (a, "MISC");
      else if (roll < 20 && gloss_annotation_get_end (a) < length)
        gloss_annotation_set_span (a, gloss_annotation_get_start (a), gloss_annotation_get_end (a) + 1);
      else if (roll < 25)
        {
          g_object_unref (a);
          continue;
        }
      g_ptr_array_add (anns, a);
    }

  for (guint i = 0; i < n / 20; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 20);
      GlossAnnotation *a = gloss_annotation_new ("DATE", start, start + 10);

      g_ptr_array_add (anns, a);
    }

  /* Quotes are re-taken from the text by the document. */
  for (guint i = 0; i < anns->len; i++)
    {
      g_autofree char *quote = gloss_document_slice (theirs, gloss_annotation_get_start (anns->pdata[i]),
                                                     gloss_annotation_get_end (anns->pdata[i]));
      gloss_annotation_set_quote (anns->pdata[i], quote);
    }

  gloss_document_load_content (theirs, anns, NULL);
  g_rand_free (rand);

  return theirs;
}

void
bench_cases_run (GlossDocument *document,
                 GString       *json)
{
  g_autoptr(GlossStatistics) stats = NULL;
  g_autoptr(GlossDocument) theirs = make_colleague (document);
  g_autoptr(GlossComparison) comparison = NULL;
  g_autoptr(GlossAgreement) agreement = NULL;
  const GlossFormatInfo * const *formats;
  double slowest = 0;
  guint n_formats;
  double t0;

  t0 = bench_now ();
  stats = gloss_statistics_compute (document);
  emit_one (json, "statistics", bench_now () - t0);
  g_assert (stats->total == gloss_annotation_store_get_n_items (gloss_document_get_annotations (document)));

  t0 = bench_now ();
  comparison = gloss_comparison_new (document, theirs);
  emit_one (json, "compare", bench_now () - t0);

  t0 = bench_now ();
  agreement = gloss_agreement_new_for_comparison (comparison);
  (void) gloss_agreement_get (agreement, NULL, GLOSS_AGREEMENT_F1_STRICT);
  (void) gloss_agreement_get (agreement, NULL, GLOSS_AGREEMENT_KAPPA);
  (void) gloss_agreement_get (agreement, NULL, GLOSS_AGREEMENT_ALPHA_U);
  emit_one (json, "agreement", bench_now () - t0);

  formats = gloss_formats_get_all (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    {
      GlossExportResult *result;
      g_autofree char *name = NULL;
      double dt;

      if (formats[i]->export_func == NULL)
        continue;

      t0 = bench_now ();
      result = gloss_export_document (formats[i], document, NULL, NULL);
      dt = bench_now () - t0;
      g_clear_pointer (&result, gloss_export_result_free);

      name = g_strdup_printf ("export_%s", formats[i]->id);
      emit_one (json, name, dt);
      slowest = MAX (slowest, dt);
    }
  emit_one (json, "export_slowest", slowest);
}
