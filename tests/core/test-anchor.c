/* test-anchor.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-anchor.h"
#include "review-test-util.h"

static const char *old_text =
  "The quick brown fox jumps over the lazy dog. Acme Corp said sales rose \xF0\x9F\x9A\x80 today.";

typedef struct
{
  GlossDocument   *theirs;
  GlossAnnotation *quick, *fox, *lazy, *acme, *sales;
} Fixture;

static void
fixture_setup (Fixture *f)
{
  f->theirs = gloss_document_new (old_text, -1);
  f->quick = add (f->theirs, "X", 4, 9);      /* quick */
  f->fox = add (f->theirs, "X", 16, 30);      /* fox jumps over */
  f->lazy = add (f->theirs, "X", 35, 43);     /* lazy dog */
  f->acme = add (f->theirs, "ORG", 45, 54);   /* Acme Corp */
  f->sales = add (f->theirs, "X", 60, 72);    /* sales rose 🚀 */
}

static void
fixture_teardown (Fixture *f)
{
  g_object_unref (f->theirs);
}

static void
assert_anchor (GlossAnchor       *anchor,
               GlossAnnotation   *a,
               GlossAnchorStatus  status,
               guint              start,
               guint              end,
               const char        *quote)
{
  GlossAnchorStatus s;
  guint ns, ne;
  GlossAnnotation *placed;

  g_assert_true (gloss_anchor_lookup (anchor, gloss_annotation_get_id (a), &s, NULL, NULL, &ns, &ne));
  g_assert_cmpstr (gloss_anchor_status_to_string (s), ==, gloss_anchor_status_to_string (status));
  placed = gloss_annotation_store_lookup (gloss_document_get_annotations (gloss_anchor_get_document (anchor)),
                                          gloss_annotation_get_id (a));
  if (status == GLOSS_ANCHOR_ORPHANED)
    {
      g_assert_null (placed);
      return;
    }
  g_assert_cmpuint (ns, ==, start);
  g_assert_cmpuint (ne, ==, end);
  g_assert_nonnull (placed);
  g_assert_cmpuint (gloss_annotation_get_start (placed), ==, start);
  g_assert_cmpstr (gloss_annotation_get_quote (placed), ==, quote);
}

static void
test_same_text (void)
{
  Fixture f;
  g_autoptr(GlossDocument) mine = gloss_document_new (old_text, -1);
  g_autoptr(GlossAnchor) anchor = NULL;

  fixture_setup (&f);
  anchor = gloss_anchor_new (f.theirs, mine);
  g_assert_cmpuint (gloss_anchor_get_count (anchor, GLOSS_ANCHOR_EXACT), ==, 5);
  assert_anchor (anchor, f.sales, GLOSS_ANCHOR_EXACT, 60, 72, "sales rose \xF0\x9F\x9A\x80");
  fixture_teardown (&f);
}

/* An insertion after every span: all exact */
static void
test_insert_after (void)
{
  Fixture f;
  g_autofree char *text = g_strconcat (old_text, " More later.", NULL);
  g_autoptr(GlossDocument) mine = gloss_document_new (text, -1);
  g_autoptr(GlossAnchor) anchor = NULL;

  fixture_setup (&f);
  anchor = gloss_anchor_new (f.theirs, mine);
  g_assert_cmpuint (gloss_anchor_get_count (anchor, GLOSS_ANCHOR_EXACT), ==, 5);
  fixture_teardown (&f);
}

/* "BREAKING: " (10 code points) before everything: all move by 10; an
 * emoji inserted before Acme moves the later spans by one code point more */
static void
test_insert_before (void)
{
  Fixture f;
  g_autoptr(GlossDocument) mine =
    gloss_document_new ("BREAKING: The quick brown fox jumps over the lazy dog. \xF0\x9F\x93\xB0"
                        "Acme Corp said sales rose \xF0\x9F\x9A\x80 today.", -1);
  g_autoptr(GlossAnchor) anchor = NULL;

  fixture_setup (&f);
  anchor = gloss_anchor_new (f.theirs, mine);
  g_assert_cmpuint (gloss_anchor_get_count (anchor, GLOSS_ANCHOR_MOVED), ==, 5);
  assert_anchor (anchor, f.quick, GLOSS_ANCHOR_MOVED, 14, 19, "quick");
  assert_anchor (anchor, f.acme, GLOSS_ANCHOR_MOVED, 56, 65, "Acme Corp");
  assert_anchor (anchor, f.sales, GLOSS_ANCHOR_MOVED, 71, 83, "sales rose \xF0\x9F\x9A\x80");
  fixture_teardown (&f);
}

/* Deletions before ("The " and "brown "), an insertion inside a span
 * ("fox jumps over" → "fox quickly jumps over"), a deletion inside one
 * ("sales rose 🚀" → "sales 🚀"), and an orphan: "lazy dog" replaced by
 * "sleeping cat" (its characters are gone and its quote is nowhere). */
static void
test_edits_inside_and_orphan (void)
{
  Fixture f;
  g_autoptr(GlossDocument) mine =
    gloss_document_new ("quick fox quickly jumps over the sleeping cat. Acme Corp said sales \xF0\x9F\x9A\x80 today.", -1);
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  guint mapped;

  fixture_setup (&f);
  anchor = gloss_anchor_new (f.theirs, mine);
  assert_anchor (anchor, f.quick, GLOSS_ANCHOR_MOVED, 0, 5, "quick");
  assert_anchor (anchor, f.fox, GLOSS_ANCHOR_MOVED, 6, 28, "fox quickly jumps over");
  assert_anchor (anchor, f.lazy, GLOSS_ANCHOR_ORPHANED, 0, 0, NULL);
  assert_anchor (anchor, f.acme, GLOSS_ANCHOR_MOVED, 47, 56, "Acme Corp");
  assert_anchor (anchor, f.sales, GLOSS_ANCHOR_MOVED, 62, 69, "sales \xF0\x9F\x9A\x80");
  g_assert_cmpuint (gloss_anchor_get_count (anchor, GLOSS_ANCHOR_ORPHANED), ==, 1);
  g_assert_true (gloss_anchor_get_orphans (anchor)->pdata[0] == f.lazy);
  g_assert_cmpstr (gloss_annotation_get_quote (f.lazy), ==, "lazy dog");

  /* The offset map: 'q' of quick (4 → 0); the removed "lazy" maps nowhere */
  g_assert_true (gloss_anchor_map_offset (anchor, 4, FALSE, &mapped));
  g_assert_cmpuint (mapped, ==, 0);
  g_assert_false (gloss_anchor_map_offset (anchor, 36, FALSE, &mapped));

  node = gloss_anchor_to_json (anchor);
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  g_assert_nonnull (strstr (json, "\"orphaned\":1"));
  g_assert_nonnull (strstr (json, "\"quote\":\"lazy dog\""));
  fixture_teardown (&f);
}

/* Relations survive when both ends are placed */
static void
test_relations (void)
{
  Fixture f;
  g_autoptr(GlossDocument) mine = gloss_document_new ("Hello. The quick brown fox jumps over the dog. Acme Corp said sales rose \xF0\x9F\x9A\x80 today.", -1);
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *relations;

  fixture_setup (&f);
  g_assert_nonnull (gloss_document_relate (f.theirs, "claimant", f.sales, f.acme, &error));
  g_assert_nonnull (gloss_document_relate (f.theirs, "about", f.lazy, f.fox, &error));
  anchor = gloss_anchor_new (f.theirs, mine);
  relations = gloss_document_get_relations (gloss_anchor_get_document (anchor));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  fixture_teardown (&f);
}

/* A rewrite too large for the diff bound: the quote search places the
 * annotation, the context picks the right one of two occurrences. */
static void
test_quote_search (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *a = g_string_new (NULL);
  GString *b = g_string_new (NULL);
  g_autoptr(GlossDocument) theirs = NULL;
  g_autoptr(GlossDocument) mine = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  GlossAnnotation *target;
  guint start, end, expected;

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (a, "w%u ", g_rand_int_range (rand, 0, 100000));
  start = g_utf8_strlen (a->str, -1);
  g_string_append (a, "said the minister on Monday");
  end = g_utf8_strlen (a->str, -1);
  g_string_append (a, " in Paris. ");

  g_string_append (b, "the minister on Monday in Rome. ");
  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (b, "v%u ", g_rand_int_range (rand, 0, 100000));
  g_string_append (b, "said ");
  expected = g_utf8_strlen (b->str, -1) - 5;
  g_string_append (b, "said the minister on Monday in Paris.");

  theirs = gloss_document_new (a->str, -1);
  mine = gloss_document_new (b->str, -1);
  target = add (theirs, "X", start + 5, end);   /* "the minister on Monday" */
  anchor = gloss_anchor_new (theirs, mine);
  assert_anchor (anchor, target, GLOSS_ANCHOR_MOVED, expected + 10, expected + 32, "the minister on Monday");
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

/* 100 000+ characters with a few edits: fast */
static void
test_large (void)
{
  GString *a = g_string_new (NULL);
  GString *b;
  g_autoptr(GlossDocument) theirs = NULL;
  g_autoptr(GlossDocument) mine = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 begin;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (a, "Sentence number %u is here. ", i);
  b = g_string_new (a->str);
  g_string_insert (b, 50000, "An inserted paragraph. ");
  g_string_erase (b, 120000, 40);
  g_string_insert (b, 3, "x");

  theirs = gloss_document_new (a->str, -1);
  mine = gloss_document_new (b->str, -1);
  ensure_label (theirs, "X");
  for (guint i = 0; i < 2000; i++)
    {
      GlossAnnotation *x = gloss_annotation_new ("X", i * 70 + 9, i * 70 + 15);
      g_autofree char *id = g_strdup_printf ("a%u", i);

      gloss_annotation_set_id (x, id);
      g_ptr_array_add (annotations, x);
    }
  gloss_document_load_content (theirs, annotations, NULL);

  begin = g_get_monotonic_time ();
  anchor = gloss_anchor_new (theirs, mine);
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (gloss_anchor_get_count (anchor, GLOSS_ANCHOR_EXACT) +
                    gloss_anchor_get_count (anchor, GLOSS_ANCHOR_MOVED), >=, 1999);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

/* Random texts and random edits: the offset map only ever maps a
 * character to an equal one, strictly increasing; every annotation is
 * placed on its own text or orphaned, never on other text. */
static void
test_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *alphabet[] = { "a", "b", "c", " ", ".", "\xC3\xA9", "\xF0\x9F\x9A\x80", "ab", "\n" };

  for (guint round = 0; round < 200; round++)
    {
      GString *a = g_string_new (NULL);
      GString *b = g_string_new (NULL);
      g_autoptr(GlossDocument) theirs = NULL;
      g_autoptr(GlossDocument) mine = NULL;
      g_autoptr(GlossAnchor) anchor = NULL;
      g_autofree gunichar *ua = NULL;
      g_autofree gunichar *ub = NULL;
      glong na, nb;
      guint previous = 0;
      gboolean first = TRUE;

      for (guint i = 0; i < 40 + round; i++)
        g_string_append (a, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
      ua = g_utf8_to_ucs4_fast (a->str, -1, &na);
      /* b: a with random deletions, insertions and substitutions */
      for (glong i = 0; i < na; i++)
        {
          guint op = g_rand_int_range (rand, 0, 10);

          if (op == 0)
            continue;                                   /* delete */
          if (op == 1)
            g_string_append (b, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);   /* insert */
          if (op == 2)
            {
              g_string_append (b, "Z");                 /* substitute */
              continue;
            }
          g_string_append_unichar (b, ua[i]);
        }
      ub = g_utf8_to_ucs4_fast (b->str, -1, &nb);

      theirs = gloss_document_new (a->str, -1);
      mine = gloss_document_new (b->str, -1);
      ensure_label (theirs, "X");
      for (guint k = 0; k < 5 && na > 2; k++)
        {
          guint s = g_rand_int_range (rand, 0, na - 1);
          guint e = g_rand_int_range (rand, s + 1, MIN (na, s + 8) + 1);
          GlossAnnotation *x = gloss_annotation_new ("X", s, e);
          g_autofree char *id = g_strdup_printf ("x%u", k);
          g_autoptr(GError) error = NULL;

          gloss_annotation_set_id (x, id);
          gloss_document_add_annotation (theirs, x, &error);
          g_assert_no_error (error);
          g_object_unref (x);
        }

      anchor = gloss_anchor_new (theirs, mine);
      for (glong i = 0; i < na; i++)
        {
          guint m;

          if (!gloss_anchor_map_offset (anchor, i, FALSE, &m))
            continue;
          g_assert_cmpuint (m, <, nb);
          g_assert_cmpuint (ua[i], ==, ub[m]);
          if (!first)
            g_assert_cmpuint (m, >, previous);
          previous = m;
          first = FALSE;
        }

      /* Placed annotations lie inside my text and have its quote */
      {
        GlossAnnotationStore *store = gloss_document_get_annotations (gloss_anchor_get_document (anchor));

        for (guint k = 0; k < gloss_annotation_store_get_n_items (store); k++)
          {
            GlossAnnotation *x = gloss_annotation_store_get (store, k);
            g_autofree char *slice = gloss_document_slice (mine, gloss_annotation_get_start (x),
                                                           gloss_annotation_get_end (x));

            g_assert_cmpuint (gloss_annotation_get_end (x), <=, nb);
            g_assert_cmpstr (slice, ==, gloss_annotation_get_quote (x));
          }
        g_assert_cmpuint (gloss_annotation_store_get_n_items (store) +
                          gloss_anchor_get_count (anchor, GLOSS_ANCHOR_ORPHANED), ==,
                          gloss_annotation_store_get_n_items (gloss_document_get_annotations (theirs)));
      }
      g_string_free (a, TRUE);
      g_string_free (b, TRUE);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/anchor/same-text", test_same_text);
  g_test_add_func ("/gloss/anchor/insert-after", test_insert_after);
  g_test_add_func ("/gloss/anchor/insert-before", test_insert_before);
  g_test_add_func ("/gloss/anchor/edits-inside-and-orphan", test_edits_inside_and_orphan);
  g_test_add_func ("/gloss/anchor/relations", test_relations);
  g_test_add_func ("/gloss/anchor/quote-search", test_quote_search);
  g_test_add_func ("/gloss/anchor/large", test_large);
  g_test_add_func ("/gloss/anchor/random-edits", test_random_edits);

  return g_test_run ();
}
