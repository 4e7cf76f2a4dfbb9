/* test-filtered-list.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-document.h"
#include "gloss-filtered-list.h"

/* What a view over the filtered list holds: its items as the
 * items-changed it heard say they are. */
typedef struct
{
  GPtrArray *items;  /* GlossAnnotationItem */
  guint      calls;
  guint      position, removed, added;
} Mirror;

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (model, position + i));

  mirror->calls++;
  mirror->position = position;
  mirror->removed = removed;
  mirror->added = added;
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (mirror->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_changed_cb), mirror);
}

static const char *wanted_label;
static guint n_asked;

static gboolean
has_label (GlossAnnotation *annotation,
           gpointer         user_data)
{
  n_asked++;
  return g_strcmp0 (gloss_annotation_get_label (annotation), wanted_label) == 0;
}

/* The model, the mirror of its changes and a filter computed from scratch
 * all show the same annotations. */
static void
assert_consistent (GlossFilteredList *filtered,
                   Mirror            *mirror,
                   GlossDocument     *doc,
                   gboolean           filtering)
{
  GListModel *store = G_LIST_MODEL (gloss_document_get_annotations (doc));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (filtered));
  guint k = 0;

  g_assert_cmpuint (mirror->items->len, ==, n);
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (store, i);
      g_autoptr(GlossAnnotationItem) item = NULL;

      if (filtering && g_strcmp0 (gloss_annotation_get_label (annotation), wanted_label) != 0)
        {
          g_assert_cmpuint (gloss_filtered_list_find (filtered, i), ==, G_MAXUINT);
          continue;
        }

      g_assert_cmpuint (k, <, n);
      item = g_list_model_get_item (G_LIST_MODEL (filtered), k);
      g_assert_true (gloss_annotation_item_get_annotation (item) == annotation);
      g_assert_true (mirror->items->pdata[k] == item);
      g_assert_cmpuint (gloss_filtered_list_find (filtered, i), ==, k);
      k++;
    }
  g_assert_cmpuint (k, ==, n);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (filtered), n));
}

static GlossDocument *
make_document (void)
{
  /* Ten words of five letters: annotation i spans word i. */
  GlossDocument *doc = gloss_document_new ("alpha bravo charl delta echoo foxtr golfo hotel india julie", -1);
  const char *labels[] = { "PERSON", "ORG", "PERSON", "GPE", "PERSON", "ORG", "ORG", "PERSON", "GPE", "PERSON" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_assert_nonnull (gloss_document_annotate (doc, labels[i], i * 6, i * 6 + 5, NULL));

  return doc;
}

static void
test_show_all (void)
{
  g_autoptr(GlossDocument) doc = make_document ();
  g_autoptr(GlossAnnotationList) list = gloss_annotation_list_new (gloss_document_get_annotations (doc));
  g_autoptr(GlossFilteredList) filtered = gloss_filtered_list_new (list);
  Mirror mirror = { 0 };

  mirror_init (&mirror, G_LIST_MODEL (filtered));
  g_assert_false (gloss_filtered_list_get_filtering (filtered));
  assert_consistent (filtered, &mirror, doc, FALSE);

  /* Changes pass through as they are: a shorter span sorts after the
   * longer one that starts with it. */
  g_assert_nonnull (gloss_document_annotate (doc, "GPE", 0, 3, NULL));
  g_assert_cmpuint (mirror.calls, ==, 1);
  g_assert_cmpuint (mirror.position, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 1);
  assert_consistent (filtered, &mirror, doc, FALSE);

  g_ptr_array_unref (mirror.items);
}

static void
test_filter (void)
{
  g_autoptr(GlossDocument) doc = make_document ();
  g_autoptr(GlossAnnotationList) list = gloss_annotation_list_new (gloss_document_get_annotations (doc));
  g_autoptr(GlossFilteredList) filtered = gloss_filtered_list_new (list);
  Mirror mirror = { 0 };

  mirror_init (&mirror, G_LIST_MODEL (filtered));

  /* PERSON: 0 2 4 7 9. The first item stays: the change starts after it,
   * and ends before the last, which stays too. */
  wanted_label = "PERSON";
  gloss_filtered_list_set_match_func (filtered, has_label, NULL, NULL);
  g_assert_true (gloss_filtered_list_get_filtering (filtered));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 5);
  g_assert_cmpuint (mirror.calls, ==, 1);
  g_assert_cmpuint (mirror.position, ==, 1);
  g_assert_cmpuint (mirror.removed, ==, 8);
  g_assert_cmpuint (mirror.added, ==, 3);
  assert_consistent (filtered, &mirror, doc, TRUE);

  /* ORG: 1 5 6; nothing in common. */
  wanted_label = "ORG";
  gloss_filtered_list_refilter (filtered, GLOSS_MATCH_DIFFERENT);
  g_assert_cmpuint (mirror.calls, ==, 2);
  g_assert_cmpuint (mirror.position, ==, 0);
  g_assert_cmpuint (mirror.removed, ==, 5);
  g_assert_cmpuint (mirror.added, ==, 3);
  assert_consistent (filtered, &mirror, doc, TRUE);

  /* The same answers again: no change to announce. */
  gloss_filtered_list_refilter (filtered, GLOSS_MATCH_DIFFERENT);
  g_assert_cmpuint (mirror.calls, ==, 2);

  /* Back to everything: the ORG items are the same objects. */
  {
    g_autoptr(GlossAnnotationItem) before = g_list_model_get_item (G_LIST_MODEL (filtered), 1);
    g_autoptr(GlossAnnotationItem) after = NULL;

    gloss_filtered_list_set_match_func (filtered, NULL, NULL, NULL);
    g_assert_false (gloss_filtered_list_get_filtering (filtered));
    after = g_list_model_get_item (G_LIST_MODEL (filtered), 5);
    g_assert_true (before == after);
  }
  assert_consistent (filtered, &mirror, doc, FALSE);

  g_ptr_array_unref (mirror.items);
}

static void
test_stricter_looser (void)
{
  g_autoptr(GlossDocument) doc = make_document ();
  g_autoptr(GlossAnnotationList) list = gloss_annotation_list_new (gloss_document_get_annotations (doc));
  g_autoptr(GlossFilteredList) filtered = gloss_filtered_list_new (list);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  Mirror mirror = { 0 };

  mirror_init (&mirror, G_LIST_MODEL (filtered));
  wanted_label = "PERSON";
  gloss_filtered_list_set_match_func (filtered, has_label, NULL, NULL);

  /* Relabel two PERSON to GPE behind the list's back (no announced edits),
   * then tell it the filter is stricter: it asks only about the 5 shown. */
  g_assert_nonnull (gloss_document_relabel (doc, gloss_annotation_store_get (store, 2), "GPE", NULL));
  g_assert_nonnull (gloss_document_relabel (doc, gloss_annotation_store_get (store, 7), "GPE", NULL));
  n_asked = 0;
  gloss_filtered_list_refilter (filtered, GLOSS_MATCH_STRICTER);
  g_assert_cmpuint (n_asked, ==, 5);
  assert_consistent (filtered, &mirror, doc, TRUE);

  /* Looser: it asks only about the 7 hidden ones. */
  g_assert_nonnull (gloss_document_relabel (doc, gloss_annotation_store_get (store, 8), "PERSON", NULL));
  n_asked = 0;
  gloss_filtered_list_refilter (filtered, GLOSS_MATCH_LOOSER);
  g_assert_cmpuint (n_asked, ==, 7);
  assert_consistent (filtered, &mirror, doc, TRUE);

  g_ptr_array_unref (mirror.items);
}

/* Edits to the document while a filter is on, checked against a filter
 * made from scratch after each: positions move, new annotations show or
 * not, an announced relabel hides or shows one. */
static void
test_list_changes (void)
{
  g_autoptr(GlossDocument) doc = make_document ();
  g_autoptr(GlossAnnotationList) list = gloss_annotation_list_new (gloss_document_get_annotations (doc));
  g_autoptr(GlossFilteredList) filtered = gloss_filtered_list_new (list);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  const char *labels[] = { "PERSON", "ORG", "GPE" };
  Mirror mirror = { 0 };

  mirror_init (&mirror, G_LIST_MODEL (filtered));
  gloss_annotation_list_set_announce_edits (list, TRUE);
  wanted_label = "PERSON";
  gloss_filtered_list_set_match_func (filtered, has_label, NULL, NULL);

  for (guint step = 0; step < 400; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint op = g_rand_int_range (rand, 0, 5);

      if (op == 0 || n < 3)
        {
          guint start = g_rand_int_range (rand, 0, 55);

          gloss_document_annotate (doc, labels[g_rand_int_range (rand, 0, 3)],
                                   start, start + g_rand_int_range (rand, 1, 5), NULL);
        }
      else if (op == 1)
        gloss_document_remove_annotation (doc, gloss_annotation_store_get (store, g_rand_int_range (rand, 0, n)));
      else if (op == 2)
        gloss_document_relabel (doc, gloss_annotation_store_get (store, g_rand_int_range (rand, 0, n)),
                                labels[g_rand_int_range (rand, 0, 3)], NULL);
      else if (op == 3)
        gloss_document_undo (doc);
      else
        {
          wanted_label = labels[g_rand_int_range (rand, 0, 3)];
          gloss_filtered_list_refilter (filtered, GLOSS_MATCH_DIFFERENT);
        }

      assert_consistent (filtered, &mirror, doc, TRUE);
    }

  g_ptr_array_unref (mirror.items);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filtered-list/show-all", test_show_all);
  g_test_add_func ("/filtered-list/filter", test_filter);
  g_test_add_func ("/filtered-list/stricter-looser", test_stricter_looser);
  g_test_add_func ("/filtered-list/list-changes", test_list_changes);

  return g_test_run ();
}
