/* test-agreement.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "gloss-agreement.h"
#include "review-test-util.h"

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 5e-5)

/* GATE user guide: rows = annotator 1, columns = annotator 2:
 * cat1/cat1 = 1, cat1/cat2 = 2, cat2/cat1 = 3, cat2/cat2 = 4; N = 10.
 * A_o = (1 + 4)/10 = 0.5
 * Cohen A_e = (3/10)(4/10) + (7/10)(6/10) = 0.12 + 0.42 = 0.54
 *   kappa = (0.5 - 0.54)/(1 - 0.54) = -0.04/0.46 = -0.0870
 * Scott A_e = (7/20)^2 + (13/20)^2 = 0.1225 + 0.4225 = 0.545
 *   pi = (0.5 - 0.545)/0.455 = -0.0989 */
static void
test_gate_kappa (void)
{
  const guint table[4] = { 1, 2, 3, 4 };
  const guint empty[4] = { 0, 0, 0, 0 };
  const guint constant[4] = { 5, 0, 0, 0 };
  double ao, ae;

  assert_close (gloss_cohen_kappa (table, 2, &ao, &ae), -0.0870);
  assert_close (ao, 0.5);
  assert_close (ae, 0.54);
  assert_close (gloss_scott_pi (table, 2), -0.0989);

  /* No items, or one category only (A_e = 1): undefined, not a division by zero */
  g_assert_true (isnan (gloss_cohen_kappa (empty, 2, NULL, NULL)));
  g_assert_true (isnan (gloss_cohen_kappa (constant, 2, &ao, &ae)));
  assert_close (ao, 1.0);
  assert_close (ae, 1.0);
}

static GlossDocument *
rocket_key (void)
{
  GlossDocument *doc = gloss_document_new (ROCKET_TEXT, -1);

  add (doc, "ORG", 0, 9);
  add (doc, "CLAIM", 15, 37);
  add (doc, "PER", 39, 47);
  return doc;
}

/* formats.md §7.3: key A = {ORG[0,9), CLAIM[15,37), PER[39,47)},
 * response B = {ORG[0,4), CLAIM[15,37), PER[39,47), LOC[63,69)}:
 * C = 2, Pa = 1, M = 0, S = 1. */
static void
test_gate_span_f1 (void)
{
  g_autoptr(GlossDocument) a = rocket_key ();
  g_autoptr(GlossDocument) b = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossAgreement) ag = NULL;
  g_autoptr(GlossAgreement) swapped = NULL;
  guint c, pa, m, s;

  add (b, "ORG", 0, 4);
  add (b, "CLAIM", 15, 37);
  add (b, "PER", 39, 47);
  add (b, "LOC", 63, 69);
  ag = gloss_agreement_new (a, b);

  gloss_agreement_get_counts (ag, NULL, &c, &pa, &m, &s);
  g_assert_cmpuint (c, ==, 2);
  g_assert_cmpuint (pa, ==, 1);
  g_assert_cmpuint (m, ==, 0);
  g_assert_cmpuint (s, ==, 1);

  /* strict: P = 2/4, R = 2/3, F = 2·0.5·0.6667/1.1667 = 0.5714 */
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_PRECISION_STRICT), 0.5);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_RECALL_STRICT), 2.0 / 3);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_F1_STRICT), 4.0 / 7);
  /* lenient: P = 3/4, R = 3/3, F = 1.5/1.75 = 0.8571 */
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_PRECISION_LENIENT), 0.75);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_RECALL_LENIENT), 1.0);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_F1_LENIENT), 6.0 / 7);
  /* average: P = 2.5/4, R = 2.5/3, F = 0.7143 */
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_PRECISION_AVERAGE), 0.625);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_RECALL_AVERAGE), 2.5 / 3);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_F1_AVERAGE), 5.0 / 7);

  /* Per label: LOC is only theirs: P = 0/1 = 0, R = 0/0 undefined, F undefined */
  assert_close (gloss_agreement_get (ag, "LOC", GLOSS_AGREEMENT_PRECISION_STRICT), 0.0);
  g_assert_true (isnan (gloss_agreement_get (ag, "LOC", GLOSS_AGREEMENT_RECALL_STRICT)));
  g_assert_true (isnan (gloss_agreement_get (ag, "LOC", GLOSS_AGREEMENT_F1_STRICT)));
  /* ORG: C = 0, Pa = 1: strict 0, lenient 1 */
  assert_close (gloss_agreement_get (ag, "ORG", GLOSS_AGREEMENT_F1_STRICT), 0.0);
  assert_close (gloss_agreement_get (ag, "ORG", GLOSS_AGREEMENT_F1_LENIENT), 1.0);

  /* Swapping swaps P and R; F1 unchanged */
  swapped = gloss_agreement_new (b, a);
  assert_close (gloss_agreement_get (swapped, NULL, GLOSS_AGREEMENT_PRECISION_STRICT), 2.0 / 3);
  assert_close (gloss_agreement_get (swapped, NULL, GLOSS_AGREEMENT_RECALL_STRICT), 0.5);
  assert_close (gloss_agreement_get (swapped, NULL, GLOSS_AGREEMENT_F1_AVERAGE), 5.0 / 7);
}

/* formats.md §7.2: L = 20, A [2,8), B [3,8):
 * D_o = 2/(2·1·400) · ((2-3)^2 + (8-8)^2) = 1/400
 * units: ℓ=6 and ℓ=5, N_c = 2; gaps 2, 12 (A) and 3, 12 (B)
 * ℓ=6: (1)(432-108+6)/3 = 110, + 36·(7+7) = 504 → 614
 * ℓ=5: (1)(250-75+5)/3 = 60, + 25·(8+8) = 400 → 460
 * D_e = (2/20)·1074 / (40·39 - 30 - 20) = 107.4/1510 = 537/7550
 * alpha = 1 - 0.0025/0.0711258 = 0.964851 */
static void
test_alpha_l20 (void)
{
  g_autoptr(GlossDocument) a = gloss_document_new ("abcdefghijklmnopqrst", -1);
  g_autoptr(GlossDocument) b = gloss_document_new ("abcdefghijklmnopqrst", -1);
  g_autoptr(GlossDocument) c = gloss_document_new ("abcdefghijklmnopqrst", -1);
  g_autoptr(GlossAgreement) ag = NULL;
  g_autoptr(GlossAgreement) same = NULL;
  double d_o, d_e;

  add (a, "X", 2, 8);
  add (b, "X", 3, 8);
  add (c, "X", 2, 8);
  ag = gloss_agreement_new (a, b);
  gloss_agreement_get_alpha_terms (ag, "X", &d_o, &d_e);
  g_assert_cmpfloat_with_epsilon (d_o, 1.0 / 400, 1e-12);
  g_assert_cmpfloat_with_epsilon (d_e, 537.0 / 7550, 1e-12);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get (ag, "X", GLOSS_AGREEMENT_ALPHA_U), 0.964851, 1e-6);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_ALPHA_U), 0.964851, 1e-6);

  same = gloss_agreement_new (a, c);
  g_assert_cmpfloat (gloss_agreement_get (same, NULL, GLOSS_AGREEMENT_ALPHA_U), ==, 1.0);
}

/* formats.md §7.2: the §0 document, B = A except ORG[0,4):
 * D_o(ORG) = 2/(2·4900) · (0 + (9-4)^2) = 25/4900; D_o(CLAIM) = D_o(PER) = 0
 * mean D_o = 25/14700 = 0.0017007; mean D_e = 0.0306509; alpha = 0.944514 */
static void
test_alpha_rocket (void)
{
  g_autoptr(GlossDocument) a = rocket_key ();
  g_autoptr(GlossDocument) b = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GlossAgreement) ag = NULL;
  double d_o, d_e;

  add (b, "ORG", 0, 4);
  add (b, "CLAIM", 15, 37);
  add (b, "PER", 39, 47);
  ag = gloss_agreement_new (a, b);

  gloss_agreement_get_alpha_terms (ag, "ORG", &d_o, &d_e);
  g_assert_cmpfloat_with_epsilon (d_o, 25.0 / 4900, 1e-12);
  gloss_agreement_get_alpha_terms (ag, NULL, &d_o, &d_e);
  g_assert_cmpfloat_with_epsilon (d_o, 0.0017007, 1e-7);
  g_assert_cmpfloat_with_epsilon (d_e, 0.0306509, 1e-7);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_ALPHA_U), 0.944514, 1e-6);
}

/* Text "a b c d": 4 tokens. Mine X on a, b; theirs X on a.
 * table (rows mine, columns theirs; O, X): O/O = 2, O/X = 0, X/O = 1, X/X = 1
 * A_o = 3/4; marginals mine O 2 X 2, theirs O 3 X 1
 * A_e = (2·3 + 2·1)/16 = 0.5; kappa = (0.75 - 0.5)/0.5 = 0.5 */
static void
test_token_kappa (void)
{
  g_autoptr(GlossDocument) a = gloss_document_new ("a b c d", -1);
  g_autoptr(GlossDocument) b = gloss_document_new ("a b c d", -1);
  g_autoptr(GlossAgreement) ag = NULL;
  double ao, ae;
  guint n;

  add (a, "X", 0, 1);
  add (a, "X", 2, 3);
  add (b, "X", 0, 1);
  ag = gloss_agreement_new (a, b);
  gloss_agreement_get_kappa_terms (ag, &ao, &ae, &n);
  g_assert_cmpuint (n, ==, 4);
  assert_close (ao, 0.75);
  assert_close (ae, 0.5);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_KAPPA), 0.5);
  /* One label: the binary kappa is the same table */
  assert_close (gloss_agreement_get (ag, "X", GLOSS_AGREEMENT_KAPPA), 0.5);
}

static void
test_tokenizer (void)
{
  g_autoptr(GArray) tokens = gloss_agreement_tokenize (ROCKET_TEXT);
  GlossToken *t = (GlossToken *) tokens->data;

  /* Acme Corp said sales rose 12 % in 2023 . Jane Doe 🚀 disputed the figure . */
  g_assert_cmpuint (tokens->len, ==, 17);
  g_assert_cmpuint (t[5].start, ==, 26);   /* 12 */
  g_assert_cmpuint (t[5].end, ==, 28);
  g_assert_cmpuint (t[6].start, ==, 28);   /* % */
  g_assert_cmpuint (t[12].start, ==, 48);  /* 🚀, a code point offset */
  g_assert_cmpuint (t[12].end, ==, 49);
  g_assert_cmpuint (t[13].start, ==, 50);  /* disputed */
  g_assert_cmpuint (t[16].start, ==, 69);
}

/* Stacked labels: "New York City." Mine LOC[0,13) and GPE[0,8) inside it;
 * theirs LOC[0,13). Tokens New York City . → the overall kappa takes the
 * longest (outermost) annotation: mine LOC LOC LOC O, theirs the same:
 * A_o = 1, A_e = (3·3 + 1·1)/16 = 10/16, kappa = 1.
 * Per label GPE (binary): mine yes yes no no, theirs no ×4:
 * A_o = 2/4, A_e = (2·4 + 2·0)/16 = 0.5 → kappa = 0. */
static void
test_stacked (void)
{
  g_autoptr(GlossDocument) a = gloss_document_new ("New York City.", -1);
  g_autoptr(GlossDocument) b = gloss_document_new ("New York City.", -1);
  g_autoptr(GlossAgreement) ag = NULL;

  add (a, "LOC", 0, 13);
  add (a, "GPE", 0, 8);
  add (b, "LOC", 0, 13);
  ag = gloss_agreement_new (a, b);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_KAPPA), 1.0);
  assert_close (gloss_agreement_get (ag, "GPE", GLOSS_AGREEMENT_KAPPA), 0.0);
  assert_close (gloss_agreement_get (ag, "LOC", GLOSS_AGREEMENT_KAPPA), 1.0);
  /* Spans: LOC agrees, GPE is only mine: overall C = 1, M = 1 */
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_PRECISION_STRICT), 1.0);
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_RECALL_STRICT), 0.5);
}

/* Only one annotator has a span: "a b", mine X[0,1), theirs nothing.
 * P = 0/0 undefined, R = 0/1 = 0.
 * alpha_u: A = unit [0,1) + gap [1,3); B = gap [0,3), which contains the unit:
 * D_o = 2/(2·9) · 1^2 = 1/9
 * D_e = (2/3) · (0 + 1·((2-1+1) + (3-1+1))) / (2·3·5 - 0) = (10/3)/30 = 1/9
 * alpha = 1 - 1 = 0 */
static void
test_only_one_side (void)
{
  g_autoptr(GlossDocument) a = gloss_document_new ("a b", -1);
  g_autoptr(GlossDocument) b = gloss_document_new ("a b", -1);
  g_autoptr(GlossAgreement) ag = NULL;
  double d_o, d_e;

  add (a, "X", 0, 1);
  ag = gloss_agreement_new (a, b);
  g_assert_true (isnan (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_PRECISION_STRICT)));
  assert_close (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_RECALL_STRICT), 0.0);
  g_assert_true (isnan (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_F1_STRICT)));
  gloss_agreement_get_alpha_terms (ag, "X", &d_o, &d_e);
  g_assert_cmpfloat_with_epsilon (d_o, 1.0 / 9, 1e-12);
  g_assert_cmpfloat_with_epsilon (d_e, 1.0 / 9, 1e-12);
  assert_close (gloss_agreement_get (ag, "X", GLOSS_AGREEMENT_ALPHA_U), 0.0);
}

/* Empty documents and documents without annotations: everything undefined */
static void
test_empty (void)
{
  g_autoptr(GlossDocument) a = gloss_document_new ("", -1);
  g_autoptr(GlossDocument) b = gloss_document_new ("", -1);
  g_autoptr(GlossDocument) c = gloss_document_new ("some text", -1);
  g_autoptr(GlossDocument) d = gloss_document_new ("some text", -1);
  g_autoptr(GlossAgreement) ag = gloss_agreement_new (a, b);
  g_autoptr(GlossAgreement) ag2 = gloss_agreement_new (c, d);
  g_autofree char *csv = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  for (guint k = 0; k < GLOSS_N_AGREEMENT_MEASURES; k++)
    {
      g_assert_true (isnan (gloss_agreement_get (ag, NULL, k)));
      g_assert_true (isnan (gloss_agreement_get (ag2, NULL, k)));
    }
  g_assert_cmpstrv (gloss_agreement_get_labels (ag), ((const char *[]) { NULL }));

  csv = gloss_agreement_to_csv (ag2);
  g_assert_true (g_str_has_prefix (csv, "mine,theirs,label,correct,partial,missing,spurious,precision_strict,"));
  g_assert_nonnull (strstr (csv, "mine,theirs,(overall),0,0,0,0,undefined,undefined"));

  /* Names come from file names: a spreadsheet must not run them. */
  gloss_agreement_set_names (ag2, "=HYPERLINK(\"x\")", "+theirs");
  g_free (csv);
  csv = gloss_agreement_to_csv (ag2);
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"x\"\")\",'+theirs,(overall)"));

  node = gloss_agreement_to_json (ag2);
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  g_assert_nonnull (strstr (json, "\"kappa\":null"));
}

static void
test_export_and_pairwise (void)
{
  g_autoptr(GlossDocument) a = rocket_key ();
  g_autoptr(GlossDocument) b = rocket_key ();
  g_autoptr(GlossDocument) c = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *csv = NULL;
  g_autofree char *pairwise = NULL;

  add (c, "ORG", 0, 4);
  g_ptr_array_add (pairs, gloss_agreement_new (a, b));   /* F1 strict 1 */
  g_ptr_array_add (pairs, gloss_agreement_new (a, c));   /* C 0 Pa 1 M 2 S 0: P 0, R 0 → F 0 */
  g_ptr_array_add (pairs, gloss_agreement_new (b, c));   /* same: 0 */
  gloss_agreement_set_names (pairs->pdata[0], "a.gloss.json", "b, the second.gloss.json");
  assert_close (gloss_agreement_mean (pairs, NULL, GLOSS_AGREEMENT_F1_STRICT), 1.0 / 3);
  /* lenient: pair 2: P = 1/1, R = 1/3 → F = 0.5; mean (1 + 0.5 + 0.5)/3 */
  assert_close (gloss_agreement_mean (pairs, NULL, GLOSS_AGREEMENT_F1_LENIENT), 2.0 / 3);

  csv = gloss_agreement_to_csv (pairs->pdata[0]);
  g_assert_nonnull (strstr (csv, "a.gloss.json,\"b, the second.gloss.json\",(overall),3,0,0,0,1.000000"));
  pairwise = gloss_agreement_pairwise_to_csv (pairs);
  g_assert_nonnull (strstr (pairwise, "(mean),(mean),(overall),,,,,"));
}

/* 100 000 characters, 4 000 annotations: every measure in well under 2 s */
static void
test_large (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GlossDocument) a = NULL;
  g_autoptr(GlossDocument) b = NULL;
  g_autoptr(GlossAgreement) ag = NULL;
  g_autoptr(GPtrArray) x = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) y = g_ptr_array_new_with_free_func (g_object_unref);
  const char *labels[] = { "A", "B", "C", "D" };
  gint64 begin;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "word ");
  a = gloss_document_new (text->str, -1);
  b = gloss_document_new (text->str, -1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      ensure_label (a, labels[i]);
      ensure_label (b, labels[i]);
    }
  for (guint i = 0; i < 2000; i++)
    {
      GlossAnnotation *m = gloss_annotation_new (labels[i % 4], i * 50, i * 50 + 4);
      GlossAnnotation *t = gloss_annotation_new (labels[(i / 3) % 4], i * 50 + (i % 2), i * 50 + 9);
      g_autofree char *id1 = g_strdup_printf ("m%u", i);
      g_autofree char *id2 = g_strdup_printf ("t%u", i);

      gloss_annotation_set_id (m, id1);
      gloss_annotation_set_id (t, id2);
      g_ptr_array_add (x, m);
      g_ptr_array_add (y, t);
    }
  gloss_document_load_content (a, x, NULL);
  gloss_document_load_content (b, y, NULL);

  begin = g_get_monotonic_time ();
  ag = gloss_agreement_new (a, b);
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 2 * G_USEC_PER_SEC);
  g_assert_false (isnan (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_ALPHA_U)));
  g_assert_false (isnan (gloss_agreement_get (ag, NULL, GLOSS_AGREEMENT_KAPPA)));
  g_string_free (text, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/agreement/gate-kappa", test_gate_kappa);
  g_test_add_func ("/gloss/agreement/gate-span-f1", test_gate_span_f1);
  g_test_add_func ("/gloss/agreement/alpha-l20", test_alpha_l20);
  g_test_add_func ("/gloss/agreement/alpha-rocket", test_alpha_rocket);
  g_test_add_func ("/gloss/agreement/token-kappa", test_token_kappa);
  g_test_add_func ("/gloss/agreement/tokenizer", test_tokenizer);
  g_test_add_func ("/gloss/agreement/stacked", test_stacked);
  g_test_add_func ("/gloss/agreement/only-one-side", test_only_one_side);
  g_test_add_func ("/gloss/agreement/empty", test_empty);
  g_test_add_func ("/gloss/agreement/export-pairwise", test_export_and_pairwise);
  g_test_add_func ("/gloss/agreement/large", test_large);

  return g_test_run ();
}
