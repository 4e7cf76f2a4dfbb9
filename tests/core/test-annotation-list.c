/* test-annotation-list.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-annotation-list.h"
#include "gloss-document.h"

typedef struct
{
  guint calls;
  guint position, removed, added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

/* The last items-changed was the @calls-th and said (@position, @removed, @added). */
static void
assert_last_change (const Changes *changes,
                    guint          calls,
                    guint          position,
                    guint          removed,
                    guint          added)
{
  g_assert_cmpuint (changes->calls, ==, calls);
  g_assert_cmpuint (changes->position, ==, position);
  g_assert_cmpuint (changes->removed, ==, removed);
  g_assert_cmpuint (changes->added, ==, added);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static GlossDocument *
make_document (void)
{
  GlossDocument *doc = gloss_document_new ("Ada Lovelace met Charles Babbage in London in 1833.", -1);

  g_assert_nonnull (gloss_document_annotate (doc, "PERSON", 0, 12, NULL));
  g_assert_nonnull (gloss_document_annotate (doc, "PERSON", 17, 32, NULL));
  g_assert_nonnull (gloss_document_annotate (doc, "GPE", 36, 42, NULL));

  return doc;
}

static GlossAnnotationItem *
item_at (GlossAnnotationList *list,
         guint                position)
{
  GlossAnnotationItem *item = g_list_model_get_item (G_LIST_MODEL (list), position);

  /* The list keeps its own reference: a borrowed pointer is enough here. */
  g_object_unref (item);

  return item;
}

/* Every item shows the store's current version, in the store's order. */
static void
assert_mirrors (GlossAnnotationList  *list,
                GlossAnnotationStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (gloss_annotation_item_get_annotation (item_at (list, i)) ==
                   gloss_annotation_store_get (store, i));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
}

static void
test_edit_in_place (void)
{
  g_autoptr(GlossDocument) doc = make_document ();
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GlossAnnotationList) list = gloss_annotation_list_new (store);
  Changes changes = { 0 };
  GlossAnnotationItem *item;
  GlossAnnotation *edited;
  guint notified = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == GLOSS_TYPE_ANNOTATION_ITEM);
  assert_mirrors (list, store);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  item = item_at (list, 1);
  g_signal_connect (item, "notify::annotation", G_CALLBACK (count_notify_cb), &notified);

  /* A relabel replaces the annotation with a copy: the list does not change. */
  edited = gloss_document_relabel (doc, gloss_annotation_item_get_annotation (item), "ORG", NULL);
  g_assert_nonnull (edited);
  g_assert_cmpuint (changes.calls, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (item_at (list, 1) == item);
  g_assert_true (gloss_annotation_item_get_annotation (item) == edited);
  g_assert_cmpstr (gloss_annotation_get_label (gloss_annotation_item_get_annotation (item)), ==, "ORG");

  /* Undo is an edit in place too. */
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (changes.calls, ==, 0);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (gloss_annotation_get_label (gloss_annotation_item_get_annotation (item)), ==, "PERSON");
  assert_mirrors (list, store);

  /* With a filter above, the same edit is announced, with the same item. */
  gloss_annotation_list_set_announce_edits (list, TRUE);
  g_assert_true (gloss_annotation_list_get_announce_edits (list));
  g_assert_nonnull (gloss_document_set_note (doc, gloss_annotation_item_get_annotation (item), "a note"));
  assert_last_change (&changes, 1, 1, 1, 1);
  g_assert_true (item_at (list, 1) == item);
  g_assert_cmpstr (gloss_annotation_get_note (gloss_annotation_item_get_annotation (item)), ==, "a note");
}

static void
test_insert_remove (void)
{
  g_autoptr(GlossDocument) doc = make_document ();
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GlossAnnotationList) list = gloss_annotation_list_new (store);
  Changes changes = { 0 };
  GlossAnnotationItem *first, *last;
  GlossAnnotation *added;

  first = item_at (list, 0);
  last = item_at (list, 2);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* "met" goes between the two people. */
  added = gloss_document_annotate (doc, "Claim", 13, 16, NULL);
  g_assert_nonnull (added);
  assert_last_change (&changes, 1, 1, 0, 1);
  g_assert_true (item_at (list, 0) == first);
  g_assert_true (item_at (list, 3) == last);
  assert_mirrors (list, store);

  gloss_document_remove_annotation (doc, gloss_annotation_item_get_annotation (first));
  assert_last_change (&changes, 2, 0, 1, 0);
  g_assert_true (item_at (list, 2) == last);
  assert_mirrors (list, store);

  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (changes.calls, ==, 3);
  assert_mirrors (list, store);
}

static void
test_move_and_bulk (void)
{
  g_autoptr(GlossDocument) doc = make_document ();
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GlossAnnotationList) list = gloss_annotation_list_new (store);
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  Changes changes = { 0 };
  GlossAnnotationItem *ada, *london;
  GlossAnnotation *moved;

  ada = item_at (list, 0);
  london = item_at (list, 2);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Ada's span grows past Charles's start: she stays first. Then moved to
   * "1833", after London: a move is a removal and an insertion. */
  moved = gloss_document_set_span (doc, gloss_annotation_item_get_annotation (ada), 46, 50, NULL);
  g_assert_nonnull (moved);
  g_assert_cmpuint (changes.calls, >=, 1);
  assert_mirrors (list, store);
  g_assert_true (gloss_annotation_item_get_annotation (item_at (list, 2)) == moved);
  g_assert_true (item_at (list, 1) == london);

  /* A bulk insert spanning the whole list keeps the items it passes over. */
  g_ptr_array_add (many, gloss_annotation_new ("DATE", 0, 3));
  g_ptr_array_add (many, gloss_annotation_new ("DATE", 44, 45));
  g_assert_true (gloss_document_add_annotations (doc, many, NULL));
  assert_mirrors (list, store);
  g_assert_true (item_at (list, 2) == london);

  /* Another store, then none. */
  gloss_annotation_list_set_store (list, NULL);
  g_assert_null (gloss_annotation_list_get_store (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes.removed, ==, 5);
  g_assert_cmpuint (changes.added, ==, 0);
  gloss_annotation_list_set_store (list, store);
  g_assert_true (gloss_annotation_list_get_store (list) == store);
  g_assert_cmpuint (changes.added, ==, 5);
  assert_mirrors (list, store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation-list/edit-in-place", test_edit_in_place);
  g_test_add_func ("/annotation-list/insert-remove", test_insert_remove);
  g_test_add_func ("/annotation-list/move-and-bulk", test_move_and_bulk);

  return g_test_run ();
}
