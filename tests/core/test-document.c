/* test-document.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-document.h"
#include "gloss-error.h"

static const char *text =
  "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure.";

static guint n_changed;

static void
changed_cb (void)
{
  n_changed++;
}

static void
test_annotate_undo_redo (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GError) error = NULL;
  GlossHistory *history;
  guint64 first, second;
  GlossAnnotation *a;

  n_changed = 0;
  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), NULL);
  gloss_document_set_author (doc, "Ana");

  g_assert_false (gloss_document_get_modified (doc));
  a = gloss_document_annotate (doc, "PERSON", 39, 47, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Jane Doe");
  g_assert_cmpstr (gloss_annotation_get_author (a), ==, "Ana");
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_cmpuint (n_changed, ==, 1);

  a = gloss_document_annotate (doc, "ORG", 0, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 2);

  history = gloss_document_get_history (doc);
  second = gloss_history_get_serial (history, FALSE);
  g_assert_cmpuint (second, !=, 0);
  g_assert_cmpuint (gloss_history_get_serial (history, TRUE), ==, 0);

  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 1);
  /* A step keeps its number from undo to redo; the one under it differs. */
  g_assert_cmpuint (gloss_history_get_serial (history, TRUE), ==, second);
  first = gloss_history_get_serial (history, FALSE);
  g_assert_cmpuint (first, !=, 0);
  g_assert_cmpuint (first, !=, second);
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 0);
  g_assert_false (gloss_document_get_modified (doc));
  g_assert_false (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_history_get_serial (history, FALSE), ==, 0);

  g_assert_true (gloss_document_redo (doc));
  g_assert_true (gloss_document_redo (doc));
  g_assert_cmpuint (gloss_history_get_serial (history, FALSE), ==, second);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 2);
  g_assert_false (gloss_document_redo (doc));
  g_assert_cmpuint (n_changed, ==, 6);

  /* A new step, even where an undone one was, gets a new number. */
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_history_holds_serial (history, second, TRUE));
  g_assert_true (gloss_history_holds_serial (history, first, FALSE));
  g_assert_false (gloss_history_holds_serial (history, second, FALSE));
  g_assert_nonnull (gloss_document_annotate (doc, "ORG", 0, 9, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_history_get_serial (history, FALSE), >, second);
  g_assert_false (gloss_history_holds_serial (history, second, TRUE));

  /* Numbers are not shared with another document's history. */
  {
    g_autoptr(GlossDocument) other = gloss_document_new (text, -1);

    g_assert_nonnull (gloss_document_annotate (other, "ORG", 0, 9, &error));
    g_assert_no_error (error);
    g_assert_false (gloss_history_holds_serial (history, gloss_history_get_serial (gloss_document_get_history (other), FALSE), FALSE));
  }
}

/* A state named when a save begins is the saved one when it ends, where
 * ever undo and redo went meanwhile. */
static void
test_saved_state (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossHistory *history = gloss_document_get_history (doc);
  g_autoptr(GError) error = NULL;
  guint64 empty, one, two;

  empty = gloss_history_get_state (history);
  g_assert_nonnull (gloss_document_annotate (doc, "PERSON", 39, 47, &error));
  one = gloss_history_get_state (history);
  g_assert_cmpuint (one, !=, empty);
  g_assert_nonnull (gloss_document_annotate (doc, "ORG", 0, 9, &error));
  two = gloss_history_get_state (history);
  g_assert_no_error (error);

  /* Saved at the first step while the second came. */
  g_assert_true (gloss_history_set_saved_state (history, one));
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_false (gloss_document_get_modified (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_cmpuint (gloss_history_get_state (history), ==, empty);

  /* A state on the redo side; and the state before any step. */
  g_assert_true (gloss_history_set_saved_state (history, two));
  g_assert_true (gloss_document_redo (doc));
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_true (gloss_document_redo (doc));
  g_assert_false (gloss_document_get_modified (doc));
  g_assert_true (gloss_history_set_saved_state (history, empty));
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_false (gloss_document_get_modified (doc));

  /* A new step drops the undone ones: their states are gone, and no
   * state is the saved one, not even that of an older save. */
  g_assert_nonnull (gloss_document_annotate (doc, "GPE", 0, 9, &error));
  g_assert_false (gloss_history_set_saved_state (history, two));
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_false (gloss_history_set_saved_state (history, 12345678));
  g_assert_true (gloss_document_redo (doc));
  g_assert_true (gloss_document_get_modified (doc));

  /* So is the state before any step, once the history is cleared. */
  gloss_history_clear (history);
  g_assert_false (gloss_history_set_saved_state (history, empty));
}

static void
test_invalid_edits (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GError) error = NULL;

  g_assert_null (gloss_document_annotate (doc, "PERSON", 5, 5, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_null (gloss_document_annotate (doc, "PERSON", 60, 71, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_null (gloss_document_annotate (doc, "NOPE", 0, 4, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (gloss_history_get_can_undo (gloss_document_get_history (doc)));
}

static void
test_relabel_note_span (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  GlossAnnotation *a;
  GlossAnnotation *b;
  g_autofree char *id = NULL;

  a = gloss_document_annotate (doc, "PERSON", 0, 9, NULL);
  id = g_strdup (gloss_annotation_get_id (a));

  b = gloss_document_relabel (doc, a, "ORG", NULL);
  g_assert_cmpstr (gloss_annotation_get_label (b), ==, "ORG");
  g_assert_cmpstr (gloss_annotation_get_id (b), ==, id);
  g_assert_true (gloss_annotation_store_lookup (store, id) == b);

  b = gloss_document_set_note (doc, b, "Parent company");
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "Parent company");

  b = gloss_document_set_span (doc, b, 0, 4, NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (b), ==, "Acme");

  b = gloss_document_set_attribute (doc, b, "kb_id", g_variant_new_string ("Q42"));
  g_assert_cmpstr (gloss_annotation_get_attribute_string (b, "kb_id"), ==, "Q42");

  gloss_document_undo (doc);
  gloss_document_undo (doc);
  b = gloss_annotation_store_lookup (store, id);
  g_assert_cmpstr (gloss_annotation_get_quote (b), ==, "Acme Corp");
  g_assert_null (gloss_annotation_get_attribute (b, "kb_id"));
  gloss_document_undo (doc);
  gloss_document_undo (doc);
  b = gloss_annotation_store_lookup (store, id);
  g_assert_cmpstr (gloss_annotation_get_label (b), ==, "PERSON");
  g_assert_null (gloss_annotation_get_note (b));
}

static void
test_relations_cascade (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GListModel *relations = gloss_document_get_relations (doc);
  g_autoptr(GError) error = NULL;
  GlossAnnotation *claim;
  GlossAnnotation *person;
  GlossRelation *r;

  claim = gloss_document_annotate (doc, "Claim", 15, 37, NULL);
  person = gloss_document_annotate (doc, "PERSON", 39, 47, NULL);

  g_assert_null (gloss_document_relate (doc, "claimant", claim, claim, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  r = gloss_document_relate (doc, "claimant", claim, person, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);

  /* Deleting an end deletes the relation, in one undo step. */
  gloss_document_remove_annotation (doc, person);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  gloss_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_nonnull (gloss_document_lookup_relation (doc, gloss_relation_get_id (r)));
}

/* What an undo or redo brings back or changes, for the view to show. */
static void
test_undo_subject (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  GlossAnnotation *claim, *person, *subject;
  g_autofree char *person_id = NULL;

  claim = gloss_document_annotate (doc, "Claim", 15, 37, NULL);
  person = gloss_document_annotate (doc, "PERSON", 39, 47, NULL);
  person_id = g_strdup (gloss_annotation_get_id (person));
  g_assert_null (gloss_document_get_undo_subject (doc));

  /* An undone tag is gone; redone, it is back. */
  g_assert_true (gloss_document_undo (doc));
  g_assert_null (gloss_document_get_undo_subject (doc));
  g_assert_true (gloss_document_redo (doc));
  subject = gloss_document_get_undo_subject (doc);
  g_assert_nonnull (subject);
  g_assert_cmpstr (gloss_annotation_get_id (subject), ==, person_id);
  g_assert_true (gloss_annotation_store_lookup (store, person_id) == subject);

  /* A deletion that takes a relation along: the annotation comes back. */
  g_assert_nonnull (gloss_document_relate (doc, "claimant", claim, subject, NULL));
  gloss_document_remove_annotation (doc, subject);
  g_assert_null (gloss_document_get_undo_subject (doc));
  g_assert_true (gloss_document_undo (doc));
  subject = gloss_document_get_undo_subject (doc);
  g_assert_nonnull (subject);
  g_assert_true (gloss_annotation_store_lookup (store, person_id) == subject);
  g_assert_true (gloss_document_redo (doc));
  g_assert_null (gloss_document_get_undo_subject (doc));
  g_assert_true (gloss_document_undo (doc));

  /* A relabelling, then a note: each undo gives the annotation as it is
   * after it, which is the copy in the store. */
  person = gloss_annotation_store_lookup (store, person_id);
  person = gloss_document_relabel (doc, person, "ORG", NULL);
  gloss_document_set_note (doc, person, "checked");
  g_assert_true (gloss_document_undo (doc));
  subject = gloss_document_get_undo_subject (doc);
  g_assert_cmpstr (gloss_annotation_get_label (subject), ==, "ORG");
  g_assert_cmpstr (gloss_annotation_get_note (subject), ==, NULL);
  g_assert_true (gloss_annotation_store_lookup (store, person_id) == subject);
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpstr (gloss_annotation_get_label (gloss_document_get_undo_subject (doc)), ==, "PERSON");

  /* A step over two annotations has none. */
  g_ptr_array_add (both, claim);
  g_ptr_array_add (both, gloss_annotation_store_lookup (store, person_id));
  gloss_document_remove_annotations (doc, both);
  g_assert_true (gloss_document_undo (doc));
  g_assert_null (gloss_document_get_undo_subject (doc));
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 2);
}

static void
test_label_rename_and_delete (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossLabelSet *labels = gloss_document_get_labels (doc);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GlossLabel) renamed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_labels = gloss_label_set_get_n_labels (labels);

  gloss_document_annotate (doc, "PERSON", 39, 47, NULL);
  gloss_document_annotate (doc, "ORG", 0, 9, NULL);

  renamed = gloss_label_copy (gloss_label_set_lookup (labels, "PERSON"));
  gloss_label_set_name (renamed, "PER");
  g_assert_true (gloss_document_replace_label (doc, "PERSON", renamed, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gloss_label_set_lookup (labels, "PER"));
  g_assert_null (gloss_label_set_lookup (labels, "PERSON"));
  g_assert_cmpuint (gloss_annotation_store_count_label (store, "PER"), ==, 1);

  gloss_document_undo (doc);
  g_assert_cmpuint (gloss_annotation_store_count_label (store, "PERSON"), ==, 1);
  g_assert_nonnull (gloss_label_set_lookup (labels, "PERSON"));

  /* A label in use is only deleted on explicit request. */
  g_assert_false (gloss_document_remove_label (doc, "ORG", FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gloss_document_remove_label (doc, "ORG", TRUE, &error));
  g_assert_cmpuint (gloss_label_set_get_n_labels (labels), ==, n_labels - 1);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 1);
  gloss_document_undo (doc);
  g_assert_cmpuint (gloss_label_set_get_n_labels (labels), ==, n_labels);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 2);
  g_assert_cmpint (gloss_label_set_index_of (labels, "ORG"), ==, 1);

  /* Duplicate keys are refused. */
  {
    g_autoptr(GlossLabel) clash = gloss_label_new ("NEW", GLOSS_LABEL_KIND_ENTITY, "#123456", "p");
    g_assert_false (gloss_document_add_label (doc, clash, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  }
}

static void
test_group_is_one_step (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);

  gloss_document_begin_edit (doc, "Tag all");
  gloss_document_annotate (doc, "ORG", 0, 4, NULL);
  gloss_document_annotate (doc, "ORG", 5, 9, NULL);
  gloss_document_annotate (doc, "DATE", 33, 37, NULL);
  gloss_document_end_edit (doc);

  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 3);
  g_assert_cmpstr (gloss_history_get_undo_description (gloss_document_get_history (doc)), ==, "Tag all");
  gloss_document_undo (doc);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 0);
}

static void
check_store_sorted (GlossAnnotationStore *store)
{
  guint n = gloss_annotation_store_get_n_items (store);

  for (guint i = 1; i < n; i++)
    g_assert_cmpint (gloss_annotation_compare (gloss_annotation_store_get (store, i - 1),
                                               gloss_annotation_store_get (store, i)), <, 0);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      g_assert_true (gloss_annotation_store_lookup (store, gloss_annotation_get_id (a)) == a);
    }
}

static void
test_bulk_add_remove (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GlossAnnotation *person;
  GlossAnnotation *claim;

  person = gloss_document_annotate (doc, "PERSON", 39, 47, NULL);
  claim = gloss_document_annotate (doc, "Claim", 15, 37, NULL);
  gloss_document_relate (doc, "claimant", claim, person, NULL);

  for (guint i = 0; i < 60; i++)
    g_ptr_array_add (batch, gloss_annotation_new ("ORG", i, i + 1 + (i % 5)));
  g_assert_true (gloss_document_add_annotations (doc, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 62);
  check_store_sorted (store);
  g_assert_cmpstr (gloss_annotation_get_quote (batch->pdata[10]), ==, "s");

  /* Interval queries see the bulk insert. */
  gloss_annotation_store_query (store, 40, 41, hits);
  /* PERSON [39,47) and the ORG spans [38,42), [39,44), [40,41). */
  g_assert_cmpuint (hits->len, ==, 4);

  /* One undo step takes the whole batch away, one redo brings it back. */
  gloss_document_undo (doc);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 2);
  gloss_document_redo (doc);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 62);
  check_store_sorted (store);

  /* All or nothing: an invalid member refuses the batch. */
  {
    g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_object_unref);
    g_ptr_array_add (bad, gloss_annotation_new ("ORG", 0, 3));
    g_ptr_array_add (bad, gloss_annotation_new ("ORG", 5, 500));
    g_assert_false (gloss_document_add_annotations (doc, bad, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);
    g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 62);
  }

  /* Bulk delete cascades to relations, in one step. */
  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (doomed, batch->pdata[i]);
  g_ptr_array_add (doomed, person);
  gloss_document_remove_annotations (doc, doomed);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 31);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (doc)), ==, 0);
  check_store_sorted (store);
  gloss_document_undo (doc);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 62);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (doc)), ==, 1);
  check_store_sorted (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/document/annotate-undo-redo", test_annotate_undo_redo);
  g_test_add_func ("/gloss/document/saved-state", test_saved_state);
  g_test_add_func ("/gloss/document/invalid-edits", test_invalid_edits);
  g_test_add_func ("/gloss/document/relabel-note-span", test_relabel_note_span);
  g_test_add_func ("/gloss/document/relations-cascade", test_relations_cascade);
  g_test_add_func ("/gloss/document/undo-subject", test_undo_subject);
  g_test_add_func ("/gloss/document/label-rename-delete", test_label_rename_and_delete);
  g_test_add_func ("/gloss/document/group", test_group_is_one_step);
  g_test_add_func ("/gloss/document/bulk", test_bulk_add_remove);

  return g_test_run ();
}
