/* test-annotation.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"

/* The search text holds the quote, note, label and author, folded, one
 * field apart from the next; it is kept, and made again after a change. */
static void
test_search_text (void)
{
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new ("PERSON", 0, 14);
  const char *text;

  gloss_annotation_set_quote (annotation, "Tomás FERREIRA");
  gloss_annotation_set_note (annotation, "Ça va");
  gloss_annotation_set_author (annotation, "Ana");
  g_assert_null (gloss_annotation_peek_search_text (annotation));
  text = gloss_annotation_get_search_text (annotation);
  g_assert_true (gloss_annotation_peek_search_text (annotation) == text);
  g_assert_cmpstr (text, ==, "tomas ferreira\x1f" "ca va\x1f" "person\x1f" "ana");
  g_assert_true (gloss_annotation_get_search_text (annotation) == text);

  /* A separator that typed text cannot hold: no match across fields. */
  g_assert_null (strstr (text, "ferreira ca"));

  gloss_annotation_set_label (annotation, "ORG");
  g_assert_null (gloss_annotation_peek_search_text (annotation));
  g_assert_cmpstr (gloss_annotation_get_search_text (annotation), ==, "tomas ferreira\x1f" "ca va\x1f" "org\x1f" "ana");
  gloss_annotation_set_note (annotation, NULL);
  g_assert_cmpstr (gloss_annotation_get_search_text (annotation), ==, "tomas ferreira\x1f\x1f" "org\x1f" "ana");
  gloss_annotation_set_quote (annotation, "Élan");
  gloss_annotation_set_author (annotation, NULL);
  g_assert_cmpstr (gloss_annotation_get_search_text (annotation), ==, "elan\x1f\x1f" "org\x1f");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/annotation/search-text", test_search_text);

  return g_test_run ();
}
