/* test-merge.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-merge.h"
#include "review-test-util.h"

typedef struct
{
  GlossDocument *mine;
  GlossDocument *theirs;
  GlossAnnotation *m_org, *m_claim, *m_per, *m_x, *m_only;
  GlossAnnotation *t_org, *t_claim, *t_per, *t_y, *t_only;
} Pair;

/* agree ORG[0,9); label differs CLAIM/PER [15,37); boundary differs
 * PER [39,47)/[39,43); both differ X[48,49)/Y[48,58); only mine
 * MISC[63,69); only theirs LOC[59,62). */
static void
pair_init (Pair *p)
{
  p->mine = gloss_document_new (ROCKET_TEXT, -1);
  p->theirs = gloss_document_new (ROCKET_TEXT, -1);
  p->m_org = add (p->mine, "ORG", 0, 9);
  p->m_claim = add (p->mine, "CLAIM", 15, 37);
  p->m_per = add (p->mine, "PER", 39, 47);
  p->m_x = add (p->mine, "X", 48, 49);
  p->m_only = add (p->mine, "MISC", 63, 69);
  p->t_org = add (p->theirs, "ORG", 0, 9);
  p->t_claim = add (p->theirs, "PER", 15, 37);
  p->t_per = add (p->theirs, "PER", 39, 43);
  p->t_y = add (p->theirs, "Y", 48, 58);
  p->t_only = add (p->theirs, "LOC", 59, 62);
}

static void
pair_clear (Pair *p)
{
  g_object_unref (p->mine);
  g_object_unref (p->theirs);
}

static GlossDifference *
diff_of (GlossMergeSession *s,
         GlossAnnotation   *a,
         gboolean           theirs)
{
  return gloss_comparison_lookup (gloss_merge_session_get_comparison (s), gloss_annotation_get_id (a), theirs);
}

/* A compact picture of the merged annotations: "LABEL[s,e) …" */
static char *
describe (GlossDocument *doc)
{
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);

      g_string_append_printf (s, "%s%s[%u,%u)", i ? " " : "", gloss_annotation_get_label (a),
                              gloss_annotation_get_start (a), gloss_annotation_get_end (a));
    }

  return g_string_free (s, FALSE);
}

#define assert_merged(session, expected) \
  G_STMT_START { \
    g_autofree char *_d = describe (gloss_merge_session_get_merged (session)); \
    g_assert_cmpstr (_d, ==, expected); \
  } G_STMT_END

static void
test_decisions_and_undo (void)
{
  Pair p;
  g_autoptr(GlossMergeSession) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) edited = NULL;
  GlossDecision *d;
  const char *original = "ORG[0,9) CLAIM[15,37) PER[39,47) X[48,49) MISC[63,69)";

  pair_init (&p);
  s = gloss_merge_session_new (p.mine, p.theirs);
  gloss_merge_session_set_reviewer (s, "Rita Reviewer");
  assert_merged (s, original);
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (s), ==, 5);

  g_assert_true (gloss_merge_session_decide (s, diff_of (s, p.m_claim, FALSE), GLOSS_DECISION_ACCEPT_THEIRS,
                                             NULL, "It is a person", &error));
  g_assert_no_error (error);
  assert_merged (s, "ORG[0,9) PER[15,37) PER[39,47) X[48,49) MISC[63,69)");

  g_assert_true (gloss_merge_session_decide (s, diff_of (s, p.m_per, FALSE), GLOSS_DECISION_KEEP_MINE,
                                             NULL, "Full name", &error));
  g_assert_true (gloss_merge_session_decide (s, diff_of (s, p.t_y, TRUE), GLOSS_DECISION_TAKE_BOTH,
                                             NULL, NULL, &error));
  /* Y is a label my document did not have: it is added */
  g_assert_nonnull (gloss_label_set_lookup (gloss_document_get_labels (gloss_merge_session_get_merged (s)), "Y"));
  assert_merged (s, "ORG[0,9) PER[15,37) PER[39,47) Y[48,58) X[48,49) MISC[63,69)");

  edited = gloss_annotation_copy (p.m_only);
  gloss_annotation_set_label (edited, "NORP");
  gloss_annotation_set_span (edited, 59, 69);
  g_assert_true (gloss_merge_session_decide (s, diff_of (s, p.m_only, FALSE), GLOSS_DECISION_EDIT,
                                             edited, "the figure", &error));
  g_assert_no_error (error);
  assert_merged (s, "ORG[0,9) PER[15,37) PER[39,47) Y[48,58) X[48,49) NORP[59,69)");

  g_assert_true (gloss_merge_session_decide (s, diff_of (s, p.t_only, TRUE), GLOSS_DECISION_REJECT,
                                             NULL, "not a place", &error));
  assert_merged (s, "ORG[0,9) PER[15,37) PER[39,47) Y[48,58) X[48,49) NORP[59,69)");
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (s), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (s)), ==, 5);
  g_assert_cmpuint (gloss_review_log_get (gloss_merge_session_get_merged (s))->len, ==, 5);

  /* The log entry says who, what, why and references both ids */
  d = g_list_model_get_item (gloss_merge_session_get_log (s), 0);
  g_assert_cmpint (gloss_decision_get_kind (d), ==, GLOSS_DECISION_ACCEPT_THEIRS);
  g_assert_cmpint (gloss_decision_get_category (d), ==, GLOSS_DIFFERENCE_LABEL_DIFFERS);
  g_assert_cmpstr (gloss_decision_get_reviewer (d), ==, "Rita Reviewer");
  g_assert_cmpstr (gloss_decision_get_comment (d), ==, "It is a person");
  g_assert_cmpstr (gloss_annotation_get_id (gloss_decision_get_mine (d)), ==, gloss_annotation_get_id (p.m_claim));
  g_assert_cmpstr (gloss_annotation_get_id (gloss_decision_get_theirs (d)), ==, gloss_annotation_get_id (p.t_claim));
  g_assert_true (gloss_timestamp_is_valid (gloss_decision_get_timestamp (d)));
  g_object_unref (d);

  /* Deciding twice is refused */
  g_assert_false (gloss_merge_session_decide (s, diff_of (s, p.m_claim, FALSE), GLOSS_DECISION_REJECT,
                                              NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Undo: the reject (no edit), then the edit */
  g_assert_true (gloss_merge_session_undo (s));
  g_assert_null (gloss_difference_get_decision (diff_of (s, p.t_only, TRUE)));
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (s), ==, 1);
  g_assert_true (gloss_merge_session_undo (s));
  assert_merged (s, "ORG[0,9) PER[15,37) PER[39,47) Y[48,58) X[48,49) MISC[63,69)");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (s)), ==, 3);

  /* Redo the edit */
  g_assert_true (gloss_merge_session_redo (s));
  assert_merged (s, "ORG[0,9) PER[15,37) PER[39,47) Y[48,58) X[48,49) NORP[59,69)");
  g_assert_nonnull (gloss_difference_get_decision (diff_of (s, p.m_only, FALSE)));

  /* Undo straight on the document (the GUI's Ctrl+Z) also withdraws it */
  g_assert_true (gloss_document_undo (gloss_merge_session_get_merged (s)));
  g_assert_null (gloss_difference_get_decision (diff_of (s, p.m_only, FALSE)));
  g_assert_true (gloss_document_undo (gloss_merge_session_get_merged (s)));   /* take both */
  g_assert_true (gloss_merge_session_undo (s));   /* keep mine: no edit */
  g_assert_true (gloss_merge_session_undo (s));   /* accept theirs */
  assert_merged (s, original);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (s)), ==, 0);
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (s), ==, 5);

  /* My own document is never touched */
  {
    g_autofree char *m = describe (p.mine);
    g_assert_cmpstr (m, ==, original);
  }
  pair_clear (&p);
}

static void
test_strategies (void)
{
  struct {
    GlossMergeStrategy strategy;
    const char *expected;
  } cases[] = {
    { GLOSS_MERGE_PREFER_MINE, "ORG[0,9) CLAIM[15,37) PER[39,47) X[48,49) LOC[59,62) MISC[63,69)" },
    { GLOSS_MERGE_PREFER_THEIRS, "ORG[0,9) PER[15,37) PER[39,43) Y[48,58) LOC[59,62) MISC[63,69)" },
    { GLOSS_MERGE_AGREED_ONLY, "ORG[0,9)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Pair p;
      g_autoptr(GlossMergeSession) s = NULL;

      pair_init (&p);
      s = gloss_merge_session_new (p.mine, p.theirs);
      g_assert_cmpuint (gloss_merge_session_apply_strategy (s, cases[i].strategy, "automatic"), ==, 6);
      assert_merged (s, cases[i].expected);
      g_assert_cmpuint (gloss_merge_session_get_n_undecided (s), ==, 0);
      pair_clear (&p);
    }
}

static void
test_log_round_trip (void)
{
  Pair p;
  g_autoptr(GlossMergeSession) s = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node2 = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json1 = NULL;
  g_autofree char *json2 = NULL;
  GPtrArray *log;
  GlossDecision *first;

  pair_init (&p);
  p.t_claim = gloss_document_set_attribute (p.theirs, p.t_claim, "verdict", g_variant_new_string ("false"));
  s = gloss_merge_session_new (p.mine, p.theirs);
  gloss_merge_session_set_reviewer (s, "R\xC3\xA9mi");
  gloss_merge_session_apply_strategy (s, GLOSS_MERGE_PREFER_THEIRS, "bulk \"prefer theirs\"");

  log = gloss_review_log_get (gloss_merge_session_get_merged (s));
  node = gloss_review_log_to_json (log);
  back = gloss_review_log_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, log->len);
  node2 = gloss_review_log_to_json (back);

  json_generator_set_root (generator, node);
  json1 = json_generator_to_data (generator, NULL);
  json_generator_set_root (generator, node2);
  json2 = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (json1, ==, json2);
  g_assert_nonnull (strstr (json1, "\"verdict\":\"false\""));
  g_assert_nonnull (strstr (json1, "\"reviewer\":\"R\xC3\xA9mi\""));

  first = back->pdata[0];
  g_assert_cmpint (gloss_decision_get_kind (first), ==, GLOSS_DECISION_KEEP_MINE);
  g_assert_cmpstr (gloss_annotation_get_id (gloss_decision_get_mine (first)), ==, gloss_annotation_get_id (p.m_org));

  /* A second session on the merged file continues its log */
  {
    g_autoptr(GlossMergeSession) s2 = gloss_merge_session_new (gloss_merge_session_get_merged (s), p.theirs);

    g_assert_cmpuint (gloss_review_log_get (gloss_merge_session_get_merged (s2))->len, ==, log->len);
  }

  /* Broken logs are refused with a clear error */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GPtrArray) bad = NULL;

    g_assert_true (json_parser_load_from_data (parser,
                   "{\"decisions\":[{\"action\":\"shrug\",\"category\":\"agree\",\"mine\":null,\"theirs\":null}]}",
                   -1, NULL));
    bad = gloss_review_log_from_json (json_parser_get_root (parser), &error);
    g_assert_null (bad);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "decisions[0]"));
  }
  pair_clear (&p);
}

/* The native file keeps the log as the top-level "review" object */
static void
test_file_round_trip (void)
{
  Pair p;
  g_autoptr(GlossMergeSession) s = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *log;
  const char *data;

  pair_init (&p);
  s = gloss_merge_session_new (p.mine, p.theirs);
  gloss_merge_session_set_reviewer (s, "Rita");
  gloss_merge_session_apply_strategy (s, GLOSS_MERGE_AGREED_ONLY, "only what we agree on");
  bytes = gloss_format_write (gloss_merge_session_get_merged (s));
  data = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (data, "\n  \"review\": {\"decisions\":[{\"action\":\"keep-mine\""));

  back = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  log = gloss_review_log_get (back);
  g_assert_nonnull (log);
  g_assert_cmpuint (log->len, ==, 6);
  g_assert_cmpstr (gloss_decision_get_comment (log->pdata[5]), ==, "only what we agree on");
  g_assert_cmpint (gloss_decision_get_kind (log->pdata[5]), ==, GLOSS_DECISION_REJECT);

  /* Stable: writing what was read gives the same bytes */
  bytes2 = gloss_format_write (back);
  g_assert_true (g_bytes_equal (bytes, bytes2));

  /* A file without decisions has no "review" key */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = gloss_format_write (p.mine);
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"review\""));
  pair_clear (&p);
}

/* A broken log is a specific error, not a crash or a silent loss */
static void
test_file_broken_log (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new ("abc", -1);
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *broken = NULL;
  g_autoptr(GBytes) broken_bytes = NULL;
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  char *end = strrchr (text, '}');

  *end = '\0';
  broken = g_strconcat (text, ", \"review\": {\"decisions\": 3}}\n", NULL);
  broken_bytes = g_bytes_new (broken, strlen (broken));
  back = gloss_format_read (broken_bytes, GLOSS_LOAD_ACCEPT_RECOVERABLE, &problems, &error);
  g_assert_null (back);
  g_assert_nonnull (error);
  g_assert_nonnull (problems);
  g_assert_cmpstr (((GlossProblem *) problems->pdata[0])->where, ==, "review");
}

/* Undo on the document under a decision that changed nothing: the edited
 * decision below it is the one withdrawn */
static void
test_document_undo_under_no_op (void)
{
  Pair p;
  g_autoptr(GlossMergeSession) s = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *merged;

  pair_init (&p);
  s = gloss_merge_session_new (p.mine, p.theirs);
  merged = gloss_merge_session_get_merged (s);
  g_assert_true (gloss_merge_session_decide (s, diff_of (s, p.m_claim, FALSE), GLOSS_DECISION_ACCEPT_THEIRS,
                                             NULL, NULL, &error));
  g_assert_true (gloss_merge_session_decide (s, diff_of (s, p.m_per, FALSE), GLOSS_DECISION_KEEP_MINE,
                                             NULL, NULL, &error));
  g_assert_true (gloss_document_undo (merged));
  g_assert_null (gloss_difference_get_decision (diff_of (s, p.m_claim, FALSE)));
  g_assert_nonnull (gloss_difference_get_decision (diff_of (s, p.m_per, FALSE)));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (s)), ==, 1);
  g_assert_true (gloss_document_redo (merged));
  g_assert_nonnull (gloss_difference_get_decision (diff_of (s, p.m_claim, FALSE)));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (s)), ==, 2);
  g_assert_true (gloss_merge_session_get_can_undo (s));
  g_assert_false (gloss_merge_session_get_can_redo (s));

  /* A hand edit after an undo discards what could be redone */
  g_assert_true (gloss_merge_session_undo (s));   /* keep mine */
  g_assert_true (gloss_merge_session_get_can_redo (s));
  add (merged, "ORG", 59, 62);
  g_assert_false (gloss_merge_session_get_can_redo (s));
  pair_clear (&p);
}

/* Accepting their claim and its claimant entity brings the relation along */
static void
test_relations_carried (void)
{
  g_autoptr(GlossDocument) mine = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossDocument) theirs = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossMergeSession) s = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *claim, *person, *m_person;
  GlossDocument *merged;
  GListModel *relations;
  g_autoptr(GlossRelation) r = NULL;
  GlossDecision *d;

  m_person = add (mine, "PER", 39, 47);
  person = add (theirs, "PER", 39, 47);          /* agrees with mine */
  claim = add (theirs, "Claim", 50, 69);         /* only theirs */
  g_assert_nonnull (gloss_document_relate (theirs, "claimant", claim, person, &error));

  s = gloss_merge_session_new (mine, theirs);
  merged = gloss_merge_session_get_merged (s);
  relations = gloss_document_get_relations (merged);
  g_assert_true (gloss_merge_session_decide (s, gloss_comparison_lookup (gloss_merge_session_get_comparison (s),
                                                                         gloss_annotation_get_id (claim), TRUE),
                                             GLOSS_DECISION_ACCEPT_THEIRS, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The claimant is my PER (their PER agrees with it) */
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  r = g_list_model_get_item (relations, 0);
  g_assert_cmpstr (gloss_relation_get_kind (r), ==, "claimant");
  g_assert_cmpstr (gloss_relation_get_to (r), ==, gloss_annotation_get_id (m_person));
  d = g_list_model_get_item (gloss_merge_session_get_log (s), 0);
  g_assert_cmpstr (gloss_relation_get_from (r), ==, gloss_decision_get_result_ids (d)[0]);
  g_object_unref (d);

  /* Undone with the decision */
  g_assert_true (gloss_merge_session_undo (s));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
}

/* A relation of a type only their scheme defines brings the definition
 * along, and the undo takes it back with the decision */
static void
test_relation_type_carried (void)
{
  g_autoptr(GlossDocument) mine = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossDocument) theirs = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossRelationType) type = gloss_relation_type_new ("paraphrases");
  g_autoptr(GlossMergeSession) s = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *claim, *person;
  GlossLabelSet *merged_labels;
  GlossRelationType *carried;

  add (mine, "PER", 39, 47);
  person = add (theirs, "PER", 39, 47);
  claim = add (theirs, "Claim", 50, 69);
  gloss_relation_type_set_title (type, "Paraphrases");
  gloss_relation_type_set_description (type, "The claim restates what the person said");
  g_assert_true (gloss_document_add_relation_type (theirs, type, &error));
  g_assert_nonnull (gloss_document_relate (theirs, "paraphrases", claim, person, &error));

  s = gloss_merge_session_new (mine, theirs);
  merged_labels = gloss_document_get_labels (gloss_merge_session_get_merged (s));
  g_assert_null (gloss_label_set_lookup_relation_type (merged_labels, "paraphrases"));
  g_assert_true (gloss_merge_session_decide (s, gloss_comparison_lookup (gloss_merge_session_get_comparison (s),
                                                                         gloss_annotation_get_id (claim), TRUE),
                                             GLOSS_DECISION_ACCEPT_THEIRS, NULL, NULL, &error));
  g_assert_no_error (error);

  carried = gloss_label_set_lookup_relation_type (merged_labels, "paraphrases");
  g_assert_nonnull (carried);
  g_assert_cmpstr (gloss_relation_type_get_title (carried), ==, "Paraphrases");
  g_assert_true (gloss_relation_type_equal (carried, type));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (gloss_merge_session_get_merged (s))), ==, 1);

  g_assert_true (gloss_merge_session_undo (s));
  g_assert_null (gloss_label_set_lookup_relation_type (merged_labels, "paraphrases"));
}

static void
test_review_alone (void)
{
  g_autoptr(GlossDocument) theirs = gloss_document_new (ROCKET_TEXT, -1);
  GlossAnnotation *a = add (theirs, "ORG", 0, 9);
  GlossAnnotation *b;

  b = gloss_review_mark (theirs, a, GLOSS_REVIEW_NEEDS_DISCUSSION, "Is it Acme Corp. or Acme Corp?", "Rita");
  g_assert_cmpint (gloss_review_get_status (b), ==, GLOSS_REVIEW_NEEDS_DISCUSSION);
  g_assert_cmpstr (gloss_annotation_get_attribute_string (b, "review_status"), ==, "needs-discussion");
  g_assert_cmpstr (gloss_annotation_get_attribute_string (b, "review_comment"), ==, "Is it Acme Corp. or Acme Corp?");
  g_assert_cmpstr (gloss_annotation_get_attribute_string (b, "reviewer"), ==, "Rita");
  g_assert_true (gloss_timestamp_is_valid (gloss_annotation_get_attribute_string (b, "reviewed")));

  /* One undo step takes the whole mark back */
  g_assert_true (gloss_document_undo (theirs));
  b = gloss_annotation_store_lookup (gloss_document_get_annotations (theirs), gloss_annotation_get_id (a));
  g_assert_cmpint (gloss_review_get_status (b), ==, GLOSS_REVIEW_NONE);
  g_assert_cmpuint (gloss_annotation_get_n_attributes (b), ==, 0);
}

/* The merged file keeps the headings of the text. */
static void
test_headings_carried (void)
{
  static const GlossHeading heading = { 0, 9, 2 };
  g_autoptr(GlossDocument) mine = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossDocument) theirs = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossMergeSession) s = NULL;
  const GlossHeading *merged;
  guint n;

  g_assert_true (gloss_document_set_headings (mine, &heading, 1, NULL));
  s = gloss_merge_session_new (mine, theirs);
  merged = gloss_document_get_headings (gloss_merge_session_get_merged (s), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpmem (merged, sizeof *merged, &heading, sizeof heading);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/merge/decisions-and-undo", test_decisions_and_undo);
  g_test_add_func ("/gloss/merge/strategies", test_strategies);
  g_test_add_func ("/gloss/merge/log-round-trip", test_log_round_trip);
  g_test_add_func ("/gloss/merge/file-round-trip", test_file_round_trip);
  g_test_add_func ("/gloss/merge/file-broken-log", test_file_broken_log);
  g_test_add_func ("/gloss/merge/document-undo-under-no-op", test_document_undo_under_no_op);
  g_test_add_func ("/gloss/merge/relations-carried", test_relations_carried);
  g_test_add_func ("/gloss/merge/relation-type-carried", test_relation_type_carried);
  g_test_add_func ("/gloss/merge/review-alone", test_review_alone);
  g_test_add_func ("/gloss/merge/headings-carried", test_headings_carried);

  return g_test_run ();
}
