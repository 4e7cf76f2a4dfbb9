/* bench-data.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bench-data.h"

static const char * const words[] = {
  "the", "minister", "said", "council", "harbour", "bridge", "funding", "report",
  "million", "residents", "according", "to", "data", "from", "agency", "in", "2024",
  "percent", "rose", "fell", "Acme", "Corporation", "Lisbon", "Athens", "Ναυσικά",
  "東京", "budget", "claimed", "that", "was", "not", "true", "📈", "crédit", "naïve",
  "schools", "hospital", "of", "and", "a", "spokesperson", "announced", "Tuesday",
};

double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
bench_compare_double (gconstpointer a,
                      gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Paragraphs of 40–120 words with sentence punctuation, exactly @n_chars
 * code points long. */
char *
bench_make_text (guint   n_chars,
                 guint32 seed)
{
  GRand *rand = g_rand_new_with_seed (seed);
  GString *out = g_string_sized_new (n_chars * 2);
  guint length = 0;
  guint in_paragraph = 0;
  guint paragraph_len = g_rand_int_range (rand, 40, 120);

  while (length < n_chars)
    {
      const char *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (in_paragraph == paragraph_len)
        {
          g_string_append (out, ".\n\n");
          length += 3;
          in_paragraph = 0;
          paragraph_len = g_rand_int_range (rand, 40, 120);
          continue;
        }
      if (in_paragraph > 0)
        {
          g_string_append_c (out, (in_paragraph % 17 == 0) ? ',' : ' ');
          length++;
          if (in_paragraph % 17 == 0)
            {
              g_string_append_c (out, ' ');
              length++;
            }
        }
      g_string_append (out, w);
      length += g_utf8_strlen (w, -1);
      in_paragraph++;
    }

  /* Trim to exactly n_chars code points. */
  g_string_truncate (out, g_utf8_offset_to_pointer (out->str, n_chars) - out->str);
  g_rand_free (rand);

  return g_string_free (out, FALSE);
}

/* Annotations of every label with realistic lengths: mostly 1–4 words,
 * some sentence-long claims, 2% crossing paragraphs, overlaps and nesting
 * arising naturally from random placement. */
GlossDocument *
bench_make_document (guint   n_chars,
                     guint   n_annotations,
                     guint32 seed)
{
  g_autofree char *text = bench_make_text (n_chars, seed);
  GlossDocument *doc = gloss_document_new (text, -1);
  GlossLabelSet *labels = gloss_document_get_labels (doc);
  guint n_labels = gloss_label_set_get_n_labels (labels);
  g_autoptr(GPtrArray) anns = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (seed + 1);

  for (guint i = 0; i < n_annotations; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, g_rand_int_range (rand, 0, n_labels));
      guint len;
      guint start;
      GlossAnnotation *a;
      g_autofree char *quote = NULL;
      char id[40];

      switch (g_rand_int_range (rand, 0, 50))
        {
        case 0:
          len = g_rand_int_range (rand, 300, 1500);   /* crosses paragraphs */
          break;
        case 1: case 2: case 3: case 4: case 5:
          len = g_rand_int_range (rand, 60, 250);     /* a claim-like sentence */
          break;
        default:
          len = g_rand_int_range (rand, 3, 30);       /* an entity */
        }

      len = MIN (len, n_chars - 1);
      start = g_rand_int_range (rand, 0, n_chars - len);
      g_snprintf (id, sizeof id, "00000000-0000-4000-8000-%012x", i);

      a = gloss_annotation_new (gloss_label_get_name (label), start, start + len);
      gloss_annotation_set_id (a, id);
      gloss_annotation_set_author (a, "bench");
      gloss_annotation_set_created (a, "2026-11-29T00:00:00Z");
      gloss_annotation_set_modified (a, "2026-11-29T00:00:00Z");
      quote = gloss_document_slice (doc, start, start + len);
      gloss_annotation_set_quote (a, quote);
      if (i % 10 == 0)
        gloss_annotation_set_note (a, "Checked against the agency's report.");
      g_ptr_array_add (anns, a);
    }

  gloss_document_load_content (doc, anns, NULL);
  gloss_document_set_title (doc, "Benchmark article");
  g_rand_free (rand);

  return doc;
}
