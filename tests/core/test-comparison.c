/* test-comparison.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-comparison.h"
#include "review-test-util.h"

static GlossDifference *
item (GlossComparison *comparison,
      guint            i)
{
  GlossDifference *d = g_list_model_get_item (G_LIST_MODEL (comparison), i);

  g_object_unref (d);   /* the comparison keeps it alive */
  return d;
}

static void
assert_difference (GlossDifference         *d,
                   GlossDifferenceCategory  category,
                   GlossAnnotation         *mine,
                   GlossAnnotation         *theirs)
{
  g_assert_cmpstr (gloss_difference_category_to_string (gloss_difference_get_category (d)), ==,
                   gloss_difference_category_to_string (category));
  g_assert_true (gloss_difference_get_mine (d) == mine);
  g_assert_true (gloss_difference_get_theirs (d) == theirs);
}

/* Every category once, on the 🚀 document (offsets are code points:
 * 🚀 is [48,49), "disputed" [50,58)); a DATE nested in the claim. */
static void
test_categories (void)
{
  g_autoptr(GlossDocument) mine = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossDocument) theirs = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossComparison) c = NULL;
  GlossAnnotation *m_org, *m_claim, *m_date, *m_per, *m_rocket, *m_disputed;
  GlossAnnotation *t_org, *t_claim, *t_date, *t_per, *t_y, *t_loc;

  m_org = add (mine, "ORG", 0, 9);
  m_claim = add (mine, "CLAIM", 15, 37);
  m_date = add (mine, "DATE", 33, 37);
  m_per = add (mine, "PER", 39, 47);
  m_rocket = add (mine, "X", 48, 49);
  m_disputed = add (mine, "MISC", 50, 58);

  t_org = add (theirs, "ORG", 0, 9);         /* agree */
  t_claim = add (theirs, "PER", 15, 37);     /* label differs */
  t_date = add (theirs, "DATE", 33, 37);     /* agree, nested */
  t_per = add (theirs, "PER", 39, 43);       /* boundary differs */
  t_y = add (theirs, "Y", 48, 58);           /* both differ: overlaps 🚀 by 1 and disputed by 8 */
  t_loc = add (theirs, "LOC", 63, 69);       /* only theirs */

  c = gloss_comparison_new (mine, theirs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (c)), ==, 7);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_AGREE), ==, 2);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_LABEL_DIFFERS), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_BOUNDARY_DIFFERS), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_BOTH_DIFFER), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_ONLY_MINE), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_ONLY_THEIRS), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_n_conflicts (c), ==, 5);

  /* Text order: by start, outer first */
  assert_difference (item (c, 0), GLOSS_DIFFERENCE_AGREE, m_org, t_org);
  assert_difference (item (c, 1), GLOSS_DIFFERENCE_LABEL_DIFFERS, m_claim, t_claim);
  assert_difference (item (c, 2), GLOSS_DIFFERENCE_AGREE, m_date, t_date);
  assert_difference (item (c, 3), GLOSS_DIFFERENCE_BOUNDARY_DIFFERS, m_per, t_per);
  assert_difference (item (c, 4), GLOSS_DIFFERENCE_BOTH_DIFFER, m_disputed, t_y);
  g_assert_cmpuint (gloss_difference_get_start (item (c, 4)), ==, 48);
  g_assert_cmpuint (gloss_difference_get_end (item (c, 4)), ==, 58);
  assert_difference (item (c, 5), GLOSS_DIFFERENCE_ONLY_MINE, m_rocket, NULL);
  assert_difference (item (c, 6), GLOSS_DIFFERENCE_ONLY_THEIRS, NULL, t_loc);

  g_assert_true (gloss_comparison_lookup (c, gloss_annotation_get_id (t_y), TRUE) == item (c, 4));
  g_assert_true (gloss_comparison_lookup (c, gloss_annotation_get_id (m_rocket), FALSE) == item (c, 5));

  /* Keyboard navigation skips agreements */
  g_assert_cmpuint (gloss_comparison_next_conflict (c, G_MAXUINT), ==, 1);
  g_assert_cmpuint (gloss_comparison_next_conflict (c, 1), ==, 3);
  g_assert_cmpuint (gloss_comparison_previous_conflict (c, 3), ==, 1);
  g_assert_cmpuint (gloss_comparison_previous_conflict (c, 1), ==, G_MAXUINT);
  g_assert_cmpuint (gloss_comparison_next_conflict (c, 6), ==, G_MAXUINT);
}

/* Ties and pass order: mine X[0,10) against theirs X[0,5) and X[5,10):
 * both overlap by 5; the tie goes to the earlier theirs. A same-label
 * overlap (pass 2) beats a same-span different label (pass 3). */
static void
test_matching_order (void)
{
  g_autoptr(GlossDocument) mine = gloss_document_new ("abcdefghijklmnopqrst", -1);
  g_autoptr(GlossDocument) theirs = gloss_document_new ("abcdefghijklmnopqrst", -1);
  g_autoptr(GlossComparison) c = NULL;
  GlossAnnotation *m1, *m2, *t1, *t2, *t3;

  m1 = add (mine, "X", 0, 10);
  t1 = add (theirs, "X", 0, 5);
  t2 = add (theirs, "X", 5, 10);
  m2 = add (mine, "A", 12, 18);
  t3 = add (theirs, "A", 13, 18);
  add (theirs, "B", 12, 18);

  c = gloss_comparison_new (mine, theirs);
  g_assert_true (gloss_difference_get_theirs (gloss_comparison_lookup (c, gloss_annotation_get_id (m1), FALSE)) == t1);
  g_assert_cmpint (gloss_difference_get_category (gloss_comparison_lookup (c, gloss_annotation_get_id (t2), TRUE)), ==,
                   GLOSS_DIFFERENCE_ONLY_THEIRS);
  g_assert_true (gloss_difference_get_theirs (gloss_comparison_lookup (c, gloss_annotation_get_id (m2), FALSE)) == t3);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_BOUNDARY_DIFFERS), ==, 2);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_ONLY_THEIRS), ==, 2);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_LABEL_DIFFERS), ==, 0);
}

/* Identical stacked duplicates pair up one to one (documents refuse empty spans) */
static void
test_duplicates_and_empty (void)
{
  g_autoptr(GlossDocument) mine = gloss_document_new ("abcdefghij", -1);
  g_autoptr(GlossDocument) theirs = gloss_document_new ("abcdefghij", -1);
  g_autoptr(GlossComparison) c = NULL;

  add (mine, "X", 0, 4);
  add (mine, "X", 0, 4);
  add (theirs, "X", 0, 4);
  add (theirs, "Y", 5, 8);

  c = gloss_comparison_new (mine, theirs);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_AGREE), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_ONLY_MINE), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_ONLY_THEIRS), ==, 1);
}

/* Claims compare the verdict and the claimant (attribute or relation) */
static void
test_claim_attributes (void)
{
  g_autoptr(GlossDocument) mine = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossDocument) theirs = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *m_claim, *t_claim, *m_per, *t_org, *m2, *t2;
  GlossDifference *d;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  m_claim = add (mine, "Claim", 15, 37);
  m_claim = gloss_document_set_attribute (mine, m_claim, "verdict", g_variant_new_string ("false"));
  m_per = add (mine, "PER", 39, 47);
  g_assert_nonnull (gloss_document_relate (mine, "claimant", m_claim, m_per, &error));
  g_assert_no_error (error);

  t_claim = add (theirs, "Claim", 15, 37);
  t_claim = gloss_document_set_attribute (theirs, t_claim, "verdict", g_variant_new_string ("true"));
  t_org = add (theirs, "PER", 39, 47);
  g_assert_nonnull (gloss_document_relate (theirs, "claimant", t_claim, t_org, &error));

  /* Same verdict, the claimant as an attribute; "" equals missing, and
   * both equal "not-checked" (nobody rated the claim) */
  m2 = add (mine, "Claim", 50, 69);
  m2 = gloss_document_set_attribute (mine, m2, "claimant", g_variant_new_string ("Jane Doe"));
  m2 = gloss_document_set_attribute (mine, m2, "verdict", g_variant_new_string (""));
  t2 = add (theirs, "Claim", 50, 69);
  t2 = gloss_document_set_attribute (theirs, t2, "claimant", g_variant_new_string ("Acme"));
  t2 = gloss_document_set_attribute (theirs, t2, "verdict", g_variant_new_string ("not-checked"));

  c = gloss_comparison_new (mine, theirs);
  d = gloss_comparison_lookup (c, gloss_annotation_get_id (m_claim), FALSE);
  g_assert_cmpint (gloss_difference_get_category (d), ==, GLOSS_DIFFERENCE_AGREE);
  g_assert_true (gloss_difference_has_attribute_difference (d, "verdict"));
  g_assert_false (gloss_difference_has_attribute_difference (d, "claimant"));   /* both PER[39,47) */
  g_assert_true (gloss_difference_is_conflict (d));

  d = gloss_comparison_lookup (c, gloss_annotation_get_id (m2), FALSE);
  g_assert_cmpstrv (gloss_difference_get_attribute_differences (d), ((const char *[]) { "claimant", NULL }));
  g_assert_cmpuint (gloss_comparison_get_n_attribute_differences (c), ==, 2);

  node = gloss_comparison_to_json (c);
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  g_assert_nonnull (strstr (json, "\"agree\":3"));
  g_assert_nonnull (strstr (json, "\"attribute_differences\":[\"claimant\"]"));
}

static void
test_large (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GlossDocument) mine = NULL;
  g_autoptr(GlossDocument) theirs = NULL;
  g_autoptr(GlossComparison) c = NULL;
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();
  g_autoptr(GlossLabel) x = gloss_label_new ("X", GLOSS_LABEL_KIND_ENTITY, "#808080", NULL);
  gint64 begin;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "word ");
  mine = gloss_document_new (text->str, -1);
  theirs = gloss_document_new (text->str, -1);
  gloss_label_set_append (labels, x, NULL);
  gloss_document_set_labels (mine, labels);
  gloss_document_set_labels (theirs, labels);
  for (guint i = 0; i < 5000; i++)
    {
      GlossAnnotation *m = gloss_annotation_new ("X", i * 20, i * 20 + 4);
      GlossAnnotation *t = gloss_annotation_new ("X", i * 20 + (i % 3), i * 20 + 4);
      g_autofree char *id1 = g_strdup_printf ("m%u", i);
      g_autofree char *id2 = g_strdup_printf ("t%u", i);

      gloss_annotation_set_id (m, id1);
      gloss_annotation_set_id (t, id2);
      g_ptr_array_add (a, m);
      g_ptr_array_add (b, t);
    }
  gloss_document_load_content (mine, a, NULL);
  gloss_document_load_content (theirs, b, NULL);

  begin = g_get_monotonic_time ();
  c = gloss_comparison_new (mine, theirs);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_AGREE), ==, 1667);
  g_assert_cmpuint (gloss_comparison_get_count (c, GLOSS_DIFFERENCE_BOUNDARY_DIFFERS), ==, 3333);
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 2 * G_USEC_PER_SEC);
  g_string_free (text, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/comparison/categories", test_categories);
  g_test_add_func ("/gloss/comparison/matching-order", test_matching_order);
  g_test_add_func ("/gloss/comparison/duplicates-and-empty", test_duplicates_and_empty);
  g_test_add_func ("/gloss/comparison/claim-attributes", test_claim_attributes);
  g_test_add_func ("/gloss/comparison/large", test_large);

  return g_test_run ();
}
