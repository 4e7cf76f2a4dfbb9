/* test-occurrences.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-error.h"
#include "gloss-occurrences.h"

static const char *text =
  "Acme said ACME grew. Acmes and acme-like firms \xF0\x9F\x9A\x80 copied Acme.\nAcme again.";

static guint
count_selected (GArray *occ)
{
  guint n = 0;

  for (guint i = 0; i < occ->len; i++)
    n += g_array_index (occ, GlossOccurrence, i).selected;

  return n;
}

static void
test_case_and_words (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GArray) any = NULL;
  g_autoptr(GArray) exact = NULL;
  g_autoptr(GArray) words = NULL;
  GlossOccurrence *o;

  any = gloss_find_occurrences (doc, "acme", GLOSS_SEARCH_FLAGS_NONE, NULL, 0, NULL);
  g_assert_cmpuint (any->len, ==, 6);   /* Acme ACME Acme(s) acme(-like) Acme Acme */

  exact = gloss_find_occurrences (doc, "Acme", GLOSS_SEARCH_MATCH_CASE, NULL, 0, NULL);
  g_assert_cmpuint (exact->len, ==, 4);

  words = gloss_find_occurrences (doc, "acme", GLOSS_SEARCH_WHOLE_WORD, NULL, 0, NULL);
  g_assert_cmpuint (words->len, ==, 5); /* not "Acmes"; "acme-like" is a word boundary */

  /* Offsets are code points: the match after the rocket is not shifted. */
  o = &g_array_index (exact, GlossOccurrence, 2);
  g_assert_cmpuint (o->end - o->start, ==, 4);
  {
    g_autofree char *slice = gloss_document_slice (doc, o->start, o->end);
    g_assert_cmpstr (slice, ==, "Acme");
    g_assert_cmpuint (o->start, ==, 56);
  }
}

static void
test_regex (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GArray) occ = NULL;
  g_autoptr(GError) error = NULL;

  occ = gloss_find_occurrences (doc, "^Acme", GLOSS_SEARCH_REGEX | GLOSS_SEARCH_MATCH_CASE, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ->len, ==, 2);   /* start of each line */

  g_assert_null (gloss_find_occurrences (doc, "(unclosed", GLOSS_SEARCH_REGEX, NULL, 0, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  /* A pattern that only matches the empty string finds nothing. */
  g_clear_pointer (&occ, g_array_unref);
  occ = gloss_find_occurrences (doc, "x*", GLOSS_SEARCH_REGEX, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ->len, ==, 0);
}

static void
test_annotate_all_one_step (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GArray) occ = NULL;
  g_autoptr(GlossAnnotation) model = gloss_annotation_new ("ORG", 0, 1);
  guint skipped = 99;
  guint added;

  /* One occurrence is already tagged ORG, another one PERSON (not the same label). */
  gloss_document_annotate (doc, "ORG", 0, 4, NULL);
  gloss_document_annotate (doc, "PERSON", 10, 14, NULL);

  occ = gloss_find_occurrences (doc, "acme", GLOSS_SEARCH_WHOLE_WORD, "ORG", 0, NULL);
  g_assert_cmpuint (occ->len, ==, 5);
  g_assert_true (g_array_index (occ, GlossOccurrence, 0).covered);
  g_assert_false (g_array_index (occ, GlossOccurrence, 1).covered);
  g_assert_cmpuint (count_selected (occ), ==, 4);

  /* The user deselects one. */
  g_array_index (occ, GlossOccurrence, 4).selected = FALSE;

  gloss_annotation_set_attribute (model, "kb_id", g_variant_new_string ("Q123"));
  added = gloss_annotate_occurrences (doc, occ, model, &skipped, NULL);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 5);
  g_assert_cmpuint (gloss_annotation_store_count_label (store, "ORG"), ==, 4);
  g_assert_cmpstr (gloss_annotation_get_attribute_string (gloss_annotation_store_get (store, 1), "kb_id"), ==, "Q123");

  /* Applying again skips what is now covered, and counts it. */
  g_array_index (occ, GlossOccurrence, 0).selected = TRUE;
  added = gloss_annotate_occurrences (doc, occ, model, &skipped, NULL);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 4);

  /* One undo removes the whole batch. */
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 2);
}

/* Tag all gives each new annotation its label's defaults, without
 * overriding what the model (the annotation it started from) carries. */
static void
test_annotate_all_defaults (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GlossLabel) org = NULL;
  g_autoptr(GPtrArray) defs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAttributeDef) status = gloss_attribute_def_new ("status", GLOSS_ATTRIBUTE_TEXT);
  g_autoptr(GlossAttributeDef) listed = gloss_attribute_def_new ("listed", GLOSS_ATTRIBUTE_BOOLEAN);
  g_autoptr(GlossAnnotation) model = gloss_annotation_new ("ORG", 0, 1);
  g_autoptr(GArray) occ = NULL;
  GlossAnnotation *first;

  gloss_attribute_def_set_default (status, g_variant_new_string ("unchecked"));
  gloss_attribute_def_set_default (listed, g_variant_new_boolean (TRUE));
  g_ptr_array_add (defs, g_object_ref (status));
  g_ptr_array_add (defs, g_object_ref (listed));
  org = gloss_label_copy (gloss_label_set_lookup (gloss_document_get_labels (doc), "ORG"));
  gloss_label_set_attributes (org, defs);
  g_assert_true (gloss_document_replace_label (doc, "ORG", org, NULL));

  gloss_annotation_set_attribute (model, "status", g_variant_new_string ("checked"));
  occ = gloss_find_occurrences (doc, "acme", GLOSS_SEARCH_WHOLE_WORD, "ORG", 0, NULL);
  g_assert_cmpuint (gloss_annotate_occurrences (doc, occ, model, NULL, NULL), ==, 5);

  first = gloss_annotation_store_get (store, 0);
  g_assert_cmpstr (gloss_annotation_get_attribute_string (first, "status"), ==, "checked");
  g_assert_nonnull (gloss_annotation_get_attribute (first, "listed"));
  g_assert_true (g_variant_get_boolean (gloss_annotation_get_attribute (first, "listed")));
}

/* Accents of Latin and Greek letters, precomposed or decomposed in the
 * text, do not stop a match; offsets are the text's own. */
static void
test_ignore_accents (void)
{
  /* "Zürich" precomposed, "Zu\u0308rich" decomposed, "ZURICH", "Zurich",
   * then Greek, then Cyrillic й, which is not и. */
  g_autoptr(GlossDocument) doc = gloss_document_new ("Z\xc3\xbcrich, Zu\xcc\x88rich, ZURICH and Zurich. "
                                                     "\xce\x95\xce\xbb\xce\xad\xce\xbd\xce\xb7 \xe2\x80\x94 "
                                                     "\xd0\x98\xd1\x80\xd0\xb0\xd0\xbd \xf0\x9f\x9a\x80 Tom\xc3\xa1s.", -1);
  g_autoptr(GArray) plain = NULL;
  g_autoptr(GArray) zurich = NULL;
  g_autoptr(GArray) umlaut = NULL;
  g_autoptr(GArray) eleni = NULL;
  g_autoptr(GArray) iran = NULL;
  g_autoptr(GArray) tomas = NULL;

  plain = gloss_find_occurrences (doc, "zurich", GLOSS_SEARCH_FLAGS_NONE, NULL, 0, NULL);
  g_assert_cmpuint (plain->len, ==, 2);

  zurich = gloss_find_occurrences (doc, "zurich", GLOSS_SEARCH_IGNORE_ACCENTS, NULL, 0, NULL);
  g_assert_cmpuint (zurich->len, ==, 4);
  /* Offsets in code points: the decomposed one is a character longer. */
  g_assert_cmpuint (g_array_index (zurich, GlossOccurrence, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (zurich, GlossOccurrence, 0).end, ==, 6);
  g_assert_cmpuint (g_array_index (zurich, GlossOccurrence, 1).start, ==, 8);
  g_assert_cmpuint (g_array_index (zurich, GlossOccurrence, 1).end, ==, 15);

  umlaut = gloss_find_occurrences (doc, "ZÜRICH", GLOSS_SEARCH_IGNORE_ACCENTS, NULL, 0, NULL);
  g_assert_cmpuint (umlaut->len, ==, 4);

  eleni = gloss_find_occurrences (doc, "ελενη", GLOSS_SEARCH_IGNORE_ACCENTS, NULL, 0, NULL);
  g_assert_cmpuint (eleni->len, ==, 1);

  /* Other scripts match as typed, composed: й finds й, not и. */
  iran = gloss_find_occurrences (doc, "йран", GLOSS_SEARCH_IGNORE_ACCENTS, NULL, 0, NULL);
  g_assert_cmpuint (iran->len, ==, 0);
  g_clear_pointer (&iran, g_array_unref);
  iran = gloss_find_occurrences (doc, "иран", GLOSS_SEARCH_IGNORE_ACCENTS, NULL, 0, NULL);
  g_assert_cmpuint (iran->len, ==, 1);
  {
    g_autoptr(GlossDocument) other = gloss_document_new ("Йорк, ёлка, 한국어, かいだん.", -1);
    const char *needles[] = { "йорк", "Ёлка", "한국", "だん" };

    for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
      {
        g_autoptr(GArray) found = gloss_find_occurrences (other, needles[i], GLOSS_SEARCH_IGNORE_ACCENTS, NULL, 0, NULL);

        g_assert_cmpuint (found->len, ==, 1);
      }
  }

  tomas = gloss_find_occurrences (doc, "tomas.", GLOSS_SEARCH_IGNORE_ACCENTS | GLOSS_SEARCH_WHOLE_WORD, NULL, 0, NULL);
  g_assert_cmpuint (tomas->len, ==, 1);

  /* ß reads as "ss", as the sidebar's search folds it: "strasse" finds
   * "Straße" and "STRASSE", "straße" finds both, with their own offsets. */
  {
    g_autoptr(GlossDocument) street = gloss_document_new ("Straße, STRASSE, Strase.", -1);
    const char *needles[] = { "strasse", "straße", "STRAẞE" };

    for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
      {
        g_autoptr(GArray) found = gloss_find_occurrences (street, needles[i], GLOSS_SEARCH_IGNORE_ACCENTS, NULL, 0, NULL);

        g_assert_cmpuint (found->len, ==, 2);
        g_assert_cmpuint (g_array_index (found, GlossOccurrence, 0).start, ==, 0);
        g_assert_cmpuint (g_array_index (found, GlossOccurrence, 0).end, ==, 6);
        g_assert_cmpuint (g_array_index (found, GlossOccurrence, 1).start, ==, 8);
        g_assert_cmpuint (g_array_index (found, GlossOccurrence, 1).end, ==, 15);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/occurrences/case-and-words", test_case_and_words);
  g_test_add_func ("/gloss/occurrences/regex", test_regex);
  g_test_add_func ("/gloss/occurrences/ignore-accents", test_ignore_accents);
  g_test_add_func ("/gloss/occurrences/annotate-all", test_annotate_all_one_step);
  g_test_add_func ("/gloss/occurrences/annotate-all-defaults", test_annotate_all_defaults);

  return g_test_run ();
}
