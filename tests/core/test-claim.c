/* test-claim.c: claim fields, statistics, label-set files
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-claim.h"
#include "gloss-error.h"
#include "gloss-statistics.h"

static const char *text =
  "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure.";

static void
test_claim_fields (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotation *claim = gloss_document_annotate (doc, "Claim", 15, 37, NULL);
  GlossAnnotation *org = gloss_document_annotate (doc, "ORG", 0, 9, NULL);
  g_autofree char *free_name = NULL;
  g_autofree char *linked_name = NULL;
  g_auto(GStrv) evidence = NULL;

  g_assert_true (gloss_claim_is_unchecked (claim));
  claim = gloss_document_set_attribute (doc, claim, GLOSS_ATTR_VERDICT, g_variant_new_string ("mostly-false"));
  claim = gloss_document_set_attribute (doc, claim, GLOSS_ATTR_CLAIMANT, g_variant_new_string ("A spokesperson"));
  claim = gloss_document_set_attribute (doc, claim, GLOSS_ATTR_EVIDENCE,
                                        g_variant_new_string ("https://example.org/report\n\n  Annual report 2023, p. 4  \n"));
  g_assert_false (gloss_claim_is_unchecked (claim));
  g_assert_cmpstr (gloss_claim_get_verdict (claim), ==, "mostly-false");
  g_assert_cmpint (gloss_verdict_lookup ("mostly-false")->rating, ==, 2);

  free_name = gloss_claim_dup_claimant_name (doc, claim);
  g_assert_cmpstr (free_name, ==, "A spokesperson");

  /* A claimant relation to an entity wins over the free text. */
  g_assert_nonnull (gloss_document_relate (doc, GLOSS_RELATION_CLAIMANT, claim, org, NULL));
  g_assert_true (gloss_claim_get_claimant (doc, claim) == org);
  linked_name = gloss_claim_dup_claimant_name (doc, claim);
  g_assert_cmpstr (linked_name, ==, "Acme Corp");

  evidence = gloss_claim_get_evidence (claim);
  g_assert_cmpuint (g_strv_length (evidence), ==, 2);
  g_assert_cmpstr (evidence[1], ==, "Annual report 2023, p. 4");

  g_assert_true (gloss_date_is_valid ("2026-11-29"));
  g_assert_false (gloss_date_is_valid ("2026-02-30"));
  g_assert_false (gloss_date_is_valid ("2026-1-29"));
}

static void
test_statistics (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GlossStatistics) stats = NULL;
  GlossAnnotation *claim;

  gloss_document_annotate (doc, "ORG", 0, 9, NULL);
  gloss_document_annotate (doc, "PERSON", 39, 47, NULL);
  gloss_document_annotate (doc, "Yellow", 63, 69, NULL);
  claim = gloss_document_annotate (doc, "Claim", 15, 37, NULL);
  gloss_document_set_attribute (doc, claim, GLOSS_ATTR_VERDICT, g_variant_new_string ("false"));
  gloss_document_annotate (doc, "Claim", 0, 37, NULL);

  stats = gloss_statistics_compute (doc);
  g_assert_cmpuint (stats->total, ==, 5);
  g_assert_cmpuint (stats->by_kind[GLOSS_LABEL_KIND_ENTITY], ==, 2);
  g_assert_cmpuint (stats->by_kind[GLOSS_LABEL_KIND_CLAIM], ==, 2);
  g_assert_cmpuint (stats->by_kind[GLOSS_LABEL_KIND_HIGHLIGHT], ==, 1);
  g_assert_cmpstr (g_array_index (stats->by_label, GlossCount, 0).name, ==, "PERSON");
  g_assert_cmpuint (g_array_index (stats->by_label, GlossCount, 0).count, ==, 1);
  g_assert_cmpstr (g_array_index (stats->by_verdict, GlossCount, 4).name, ==, "false");
  g_assert_cmpuint (g_array_index (stats->by_verdict, GlossCount, 4).count, ==, 1);
  /* The claim without a verdict is not yet checked; none is off the scale. */
  g_assert_cmpstr (g_array_index (stats->by_verdict, GlossCount, 6).name, ==, "not-checked");
  g_assert_cmpuint (g_array_index (stats->by_verdict, GlossCount, 6).count, ==, 1);
  g_assert_cmpstr (g_array_index (stats->by_verdict, GlossCount, stats->by_verdict->len - 1).name, ==, "other");
  g_assert_cmpuint (g_array_index (stats->by_verdict, GlossCount, stats->by_verdict->len - 1).count, ==, 0);

  /* A verdict from another tool's scale is "other". */
  claim = gloss_document_annotate (doc, "Claim", 15, 30, NULL);
  gloss_document_set_attribute (doc, claim, GLOSS_ATTR_VERDICT, g_variant_new_string ("pants-on-fire"));
  g_clear_pointer (&stats, gloss_statistics_free);
  stats = gloss_statistics_compute (doc);
  g_assert_cmpuint (g_array_index (stats->by_verdict, GlossCount, stats->by_verdict->len - 1).count, ==, 1);
  g_assert_cmpuint (g_array_index (stats->by_verdict, GlossCount, 6).count, ==, 1);
}

static void
test_label_set_json (void)
{
  g_autoptr(GlossLabelSet) defaults = gloss_label_set_new_default ();
  g_autofree char *json = gloss_label_set_to_json (defaults);
  g_autoptr(GlossLabelSet) back = NULL;
  g_autoptr(GlossLabelSet) bad = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  back = gloss_label_set_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_label_set_get_n_labels (back), ==, gloss_label_set_get_n_labels (defaults));
  again = gloss_label_set_to_json (back);
  g_assert_cmpstr (again, ==, json);

  {
    const char *dup = "{\"format\":\"gloss-labels\",\"labels\":["
                      "{\"name\":\"A\",\"kind\":\"entity\",\"color\":\"#112233\",\"key\":\"a\"},"
                      "{\"name\":\"B\",\"kind\":\"entity\",\"color\":\"#112233\",\"key\":\"a\"}]}";
    bad = gloss_label_set_new_from_json (dup, strlen (dup), &error);
    g_assert_null (bad);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "labels[1]"));
    g_clear_error (&error);
  }
  {
    const char *kind = "{\"format\":\"gloss-labels\",\"labels\":[{\"name\":\"A\",\"kind\":\"topic\",\"color\":\"#112233\"}]}";
    g_assert_null (gloss_label_set_new_from_json (kind, strlen (kind), &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    const char *color = "{\"format\":\"gloss-labels\",\"labels\":[{\"name\":\"A\",\"kind\":\"entity\",\"color\":\"red\"}]}";
    g_assert_null (gloss_label_set_new_from_json (color, strlen (color), &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  }
}

/* A claim has one claimant: setting another replaces the link, in one
 * undoable step; the same link twice is refused, for any type. */
static void
test_set_claimant (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotation *claim = gloss_document_annotate (doc, "Claim", 15, 37, NULL);
  GlossAnnotation *org = gloss_document_annotate (doc, "ORG", 0, 9, NULL);
  GlossAnnotation *person = gloss_document_annotate (doc, "PERSON", 39, 47, NULL);
  GListModel *relations = gloss_document_get_relations (doc);
  GlossHistory *history = gloss_document_get_history (doc);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gloss_claim_set_claimant (doc, claim, org, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_claim_get_claimant (doc, claim) == org);

  g_assert_nonnull (gloss_claim_set_claimant (doc, claim, person, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_claim_get_claimant (doc, claim) == person);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_cmpstr (gloss_history_get_undo_description (history), ==, "Change Claimant");

  /* The same claimant again changes nothing. */
  g_assert_null (gloss_claim_set_claimant (doc, claim, person, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_cmpstr (gloss_history_get_undo_description (history), ==, "Change Claimant");

  /* One undo brings the first claimant back. */
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_claim_get_claimant (doc, claim) == org);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);

  /* A file with two claimants: choosing one of them keeps it alone. */
  g_assert_nonnull (gloss_document_relate (doc, GLOSS_RELATION_CLAIMANT, claim, person, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  g_assert_nonnull (gloss_claim_set_claimant (doc, claim, person, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_true (gloss_claim_get_claimant (doc, claim) == person);
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_claim_get_claimant (doc, claim) == org);

  /* No second identical link of any type. */
  g_assert_nonnull (gloss_document_relate (doc, "same-as", org, person, NULL));
  g_assert_null (gloss_document_relate (doc, "same-as", org, person, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  /* The other way round is another link. */
  g_assert_nonnull (gloss_document_relate (doc, "same-as", person, org, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/claim/fields", test_claim_fields);
  g_test_add_func ("/gloss/claim/set-claimant", test_set_claimant);
  g_test_add_func ("/gloss/claim/statistics", test_statistics);
  g_test_add_func ("/gloss/claim/label-set-json", test_label_set_json);

  return g_test_run ();
}
