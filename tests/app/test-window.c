/* test-window.c: the main window, end to end
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gloss-annotation-item.h"
#include "gloss-annotation-row.h"
#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-format.h"
#include "gloss-test-utils.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"

#define ARTICLE \
  "Council Approves Budget\n" \
  "By Jane Doe\n" \
  "29 November 2026\n" \
  "\n" \
  "Mayor Ada Lovelace said on Tuesday that the Analytical Engine Company " \
  "will build a new library in Zürich — the city’s first since 1990. 🎉\n" \
  "The council approved 4.2 million euros for the project, a figure the " \
  "opposition called “wildly optimistic”.\n"

static GlossApplication *app;

static guint
n_annotations (GlossWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (gloss_window_get_document (window))));
}

static GlossAnnotation *
annotation_at (GlossWindow *window,
               guint        position)
{
  return gloss_annotation_store_get (gloss_document_get_annotations (gloss_window_get_document (window)), position);
}

typedef struct
{
  GType       type;
  const char *css_class;
} ClassWanted;

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  const ClassWanted *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) && gtk_widget_has_css_class (widget, wanted->css_class);
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  return gloss_test_find_widget (widget, has_class, &(ClassWanted) { type, css_class });
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  /* Sends the key through the view's own key controllers. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }

  return handled;
}

static void
assert_same_annotations (GlossDocument *a,
                         GlossDocument *b)
{
  GListModel *la = G_LIST_MODEL (gloss_document_get_annotations (a));
  GListModel *lb = G_LIST_MODEL (gloss_document_get_annotations (b));

  g_assert_cmpstr (gloss_document_get_text (a), ==, gloss_document_get_text (b));
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));

  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(GlossAnnotation) x = g_list_model_get_item (la, i);
      g_autoptr(GlossAnnotation) y = g_list_model_get_item (lb, i);

      g_assert_cmpstr (gloss_annotation_get_id (x), ==, gloss_annotation_get_id (y));
      g_assert_cmpstr (gloss_annotation_get_label (x), ==, gloss_annotation_get_label (y));
      g_assert_cmpuint (gloss_annotation_get_start (x), ==, gloss_annotation_get_start (y));
      g_assert_cmpuint (gloss_annotation_get_end (x), ==, gloss_annotation_get_end (y));
      g_assert_cmpstr (gloss_annotation_get_quote (x), ==, gloss_annotation_get_quote (y));
      g_assert_cmpstr (gloss_annotation_get_note (x), ==, gloss_annotation_get_note (y));
      g_assert_cmpstr (gloss_annotation_get_author (x), ==, gloss_annotation_get_author (y));
    }
}

static GlossWindow *
open_article (void)
{
  g_autoptr(GFile) file = gloss_test_write_temp ("council.txt", ARTICLE, -1);
  GlossWindow *window = gloss_test_new_window (app);

  gloss_window_open_file (window, file);
  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_window_get_document (window));
  /* A plain-text article has no Gloss file until Save As. */
  g_assert_null (gloss_window_get_file (window));

  return window;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_annotate_and_save (void)
{
  GlossWindow *window = open_article ();
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GListModel *list = gloss_sidebar_get_model (sidebar);
  GtkWidget *view = gloss_window_get_article_view (window);
  g_autoptr(GFile) saved = NULL;
  g_autofree char *saved_path = NULL;
  GlossWindow *reopened;
  GlossAnnotation *annotation;
  GtkTextView *note_view;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpstr (gloss_document_get_title (document), ==, "Council Approves Budget");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Council Approves Budget");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* Tag through the action. */
  gloss_test_select_text (window, "Ada Lovelace");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "PERSON"));
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 1);
  annotation = annotation_at (window, 0);
  g_assert_cmpstr (gloss_annotation_get_label (annotation), ==, "PERSON");
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, "Ada Lovelace");
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, gloss_test_offset_of (document, "Ada Lovelace"));
  g_assert_nonnull (gloss_annotation_get_author (annotation));
  g_assert_true (gloss_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* The sidebar lists it and selects it. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(GlossAnnotationItem) item = g_list_model_get_item (list, 0);
    g_assert_true (gloss_annotation_item_get_annotation (item) == annotation);
  }
  g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == annotation);

  /* Tag through a key press in the view: "g" is GPE. */
  gloss_test_select_text (window, "Zürich");
  g_assert_true (press_key (view, GDK_KEY_g));
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 2);
  annotation = annotation_at (window, 1);
  g_assert_cmpstr (gloss_annotation_get_label (annotation), ==, "GPE");
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, "Zürich");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  gloss_test_select_text (window, "“wildly optimistic”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "Claim"));
  g_assert_cmpuint (n_annotations (window), ==, 3);
  annotation = annotation_at (window, 2);
  g_assert_cmpuint (gloss_annotation_get_end (annotation) - gloss_annotation_get_start (annotation), ==, 19);

  /* Undo and redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (g_str_has_prefix (gloss_window_get_last_message (window), "Undone"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 3);
  g_assert_true (g_str_has_prefix (gloss_window_get_last_message (window), "Redone"));

  /* No text selection: tagging relabels the selected annotation. */
  g_assert_true (gloss_sidebar_select_annotation (sidebar, annotation_at (window, 1)));
  gloss_article_view_select_range (GLOSS_ARTICLE_VIEW (view), 0, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "LOC"));
  gloss_test_iterate ();
  g_assert_cmpstr (gloss_annotation_get_label (annotation_at (window, 1)), ==, "LOC");
  /* The selection follows the edited copy. */
  g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == annotation_at (window, 1));

  /* A label key typed in the list relabels the selected row. */
  {
    GtkWidget *list_view = find_with_class (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, "navigation-sidebar");

    g_assert_nonnull (list_view);
    g_assert_true (press_key (list_view, GDK_KEY_e));
    g_assert_cmpstr (gloss_annotation_get_label (annotation_at (window, 1)), ==, "EVENT");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpstr (gloss_annotation_get_label (annotation_at (window, 1)), ==, "LOC");
    g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == annotation_at (window, 1));
  }

  /* A note, committed as one undoable edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", NULL));
  note_view = GTK_TEXT_VIEW (gloss_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (note_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), "Check the spelling: Zurich?", -1);
  g_assert_true (gloss_sidebar_commit_note (sidebar));
  g_assert_cmpstr (gloss_annotation_get_note (annotation_at (window, 1)), ==, "Check the spelling: Zurich?");

  /* The Delete key in the article deletes the selected annotation... */
  gtk_widget_grab_focus (view);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Delete));
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_annotations (window), ==, 3);
  /* ...but not while typing in the search entry. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 1));
  gloss_sidebar_focus_search (sidebar);
  g_assert_false (press_key (GTK_WIDGET (window), GDK_KEY_Delete));
  g_assert_cmpuint (n_annotations (window), ==, 3);

  /* Delete through the action and undo the deletion. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL));
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "Annotation deleted");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 3);

  /* Set to Selection moves the selected annotation onto the selected text. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  gloss_test_select_text (window, "Mayor Ada Lovelace");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-boundary", NULL));
  g_assert_cmpstr (gloss_annotation_get_quote (annotation_at (window, 0)), ==, "Mayor Ada Lovelace");
  g_assert_cmpstr (gloss_annotation_get_label (annotation_at (window, 0)), ==, "PERSON");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation_at (window, 0)), ==, "Ada Lovelace");

  /* Search filters the list, not the document. */
  gloss_sidebar_set_search_text (sidebar, "zür");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  /* A new search text is one search: the list does not show everything
   * in between, which would rebuild its rows twice. */
  {
    guint n_changes = 0;
    gulong id = g_signal_connect_swapped (list, "items-changed", G_CALLBACK (count_cb), &n_changes);

    gloss_sidebar_set_search_text (sidebar, "Lovelace");
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    g_assert_cmpuint (n_changes, ==, 1);
    g_signal_handler_disconnect (list, id);
  }
  gloss_sidebar_set_search_text (sidebar, "");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  /* It looks in the quote, note, label and author, whatever the case;
   * typing on narrows what it shows, deleting widens it. */
  {
    const struct { const char *text; guint n; } steps[] = {
      { "zür", 1 }, { "ZUR", 1 }, { "zuric", 1 }, { "lovelace", 1 }, { "LOVE", 1 },
      { "lo", 2 }, { "annotator", 3 }, { "loc", 1 },
      /* Label then author: a match never spans two fields. */
      { "loc test", 0 }, { "loc", 1 }, { "", 3 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        gloss_sidebar_set_search_text (sidebar, steps[i].text);
        if (g_list_model_get_n_items (list) != steps[i].n)
          g_error ("Searching “%s” shows %u rows, not %u", steps[i].text,
                   g_list_model_get_n_items (list), steps[i].n);
      }
  }

  /* Next/previous walk the list. */
  gloss_sidebar_select_annotation (sidebar, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL);
  g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == annotation_at (window, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL);
  g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == annotation_at (window, 1));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-annotation", NULL);
  g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == annotation_at (window, 0));

  /* Save, then reopen and compare. */
  saved_path = g_build_filename (gloss_test_get_tmpdir (), "council.gloss.json", NULL);
  saved = g_file_new_for_path (saved_path);
  gloss_window_save_to_file (window, saved);
  gloss_test_wait_idle (window);
  g_assert_false (gloss_document_get_modified (document));
  g_assert_true (g_file_equal (gloss_window_get_file (window), saved));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  {
    g_autofree char *uri = g_file_get_uri (saved);

    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  reopened = gloss_test_new_window (app);
  gloss_window_open_file (reopened, saved);
  gloss_test_wait_idle (reopened);
  g_assert_nonnull (gloss_window_get_document (reopened));
  g_assert_true (g_file_equal (gloss_window_get_file (reopened), saved));
  assert_same_annotations (document, gloss_window_get_document (reopened));
  g_assert_cmpstr (gloss_document_get_title (gloss_window_get_document (reopened)), ==, "Council Approves Budget");
  gloss_test_destroy_window (reopened);

  /* An edit made while the file is written is not saved, and undoing it
   * is back to what was. */
  g_assert_nonnull (gloss_document_relabel (document, annotation_at (window, 0), "EVENT", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (gloss_window_get_busy (window));
  g_assert_nonnull (gloss_document_relabel (document, annotation_at (window, 0), "ORG", NULL));
  gloss_test_wait_idle (window);
  g_assert_true (gloss_document_get_modified (document));
  {
    g_autoptr(GlossDocument) written = gloss_format_read_file (saved, GLOSS_LOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
    GlossAnnotation *mine = annotation_at (window, 0);

    /* The file has the state when Save was pressed. */
    g_assert_no_error (error);
    g_assert_cmpstr (gloss_annotation_get_label (mine), ==, "ORG");
    g_assert_cmpstr (gloss_annotation_get_label (gloss_annotation_store_lookup (gloss_document_get_annotations (written),
                                                                               gloss_annotation_get_id (mine))), ==, "EVENT");
  }
  g_assert_true (gloss_document_undo (document));
  g_assert_false (gloss_document_get_modified (document));
  g_assert_true (gloss_document_redo (document));
  g_assert_true (gloss_document_get_modified (document));
  g_assert_true (gloss_document_undo (document));
  g_assert_true (gloss_document_undo (document));

  /* Someone else changes the file: Save must not overwrite it. */
  gloss_test_wait_ms (20);
  g_file_get_contents (saved_path, &contents, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *changed = g_strconcat (contents, " ", NULL);

    g_file_set_contents (saved_path, changed, -1, &error);
    g_assert_no_error (error);
    g_free (contents);
    contents = g_steal_pointer (&changed);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_test_find_message_dialog (window));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "changed by another program"));
  {
    g_autofree char *now = NULL;

    g_file_get_contents (saved_path, &now, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (now, ==, contents);
  }
  g_assert_true (gloss_document_get_modified (document));

  /* Overwrite is an explicit choice. */
  gloss_test_respond (window, "overwrite");
  gloss_test_wait_idle (window);
  g_assert_false (gloss_document_get_modified (document));

  /* Nothing unsaved: another file replaces this one in the same window,
   * with an annotation selected. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 1));
  {
    g_autoptr(GFile) other = gloss_test_write_temp ("other.txt", "Another article about Grace Hopper.\n", -1);

    gloss_window_open_file (window, other);
    gloss_test_wait_idle (window);
    g_assert_true (gloss_window_get_document (window) != document);
    g_assert_cmpuint (n_annotations (window), ==, 0);
    g_assert_null (gloss_sidebar_get_selected_annotation (sidebar));
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }

  gloss_test_destroy_window (window);
}

static void
test_open_errors (void)
{
  GlossWindow *window = open_article ();
  GlossDocument *document = gloss_window_get_document (window);
  g_autoptr(GFile) broken = gloss_test_write_temp ("broken.gloss.json", "{\"format\":\"gloss\",\"version\":1,", -1);
  g_autoptr(GFile) binary = gloss_test_write_temp ("binary.txt", "\x7f" "ELF\0\0\0\1\2\3", 10);
  g_autoptr(GFile) missing = NULL;
  g_autofree char *missing_path = g_build_filename (gloss_test_get_tmpdir (), "does-not-exist.txt", NULL);

  /* Failures leave the open document alone and say what went wrong. */
  gloss_window_open_file (window, broken);
  gloss_test_wait_idle (window);
  g_assert_true (gloss_window_get_document (window) == document);
  g_assert_nonnull (gloss_test_find_message_dialog (window));
  g_assert_nonnull (gloss_window_get_last_message (window));
  gloss_test_respond (window, "close");

  gloss_window_open_file (window, binary);
  gloss_test_wait_idle (window);
  g_assert_true (gloss_window_get_document (window) == document);
  gloss_test_respond (window, "close");

  missing = g_file_new_for_path (missing_path);
  gloss_window_open_file (window, missing);
  gloss_test_wait_idle (window);
  g_assert_true (gloss_window_get_document (window) == document);
  gloss_test_respond (window, "close");

  gloss_test_destroy_window (window);
}

static void
test_open_recoverable (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format", "broken", "quote-mismatch.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window = gloss_test_new_window (app);
  GlossDocument *document;

  /* The problems are listed; nothing opens until the user accepts them. */
  gloss_window_open_file (window, file);
  gloss_test_wait_idle (window);
  g_assert_null (gloss_window_get_document (window));
  g_assert_nonnull (gloss_test_find_message_dialog (window));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "does not match the text"));
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (gloss_test_find_message_dialog (window)), "recoverable");
  gloss_test_respond (window, "cancel");
  g_assert_null (gloss_window_get_document (window));

  gloss_window_open_file (window, file);
  gloss_test_wait_idle (window);
  gloss_test_respond (window, "open");
  gloss_test_wait_idle (window);
  document = gloss_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation_at (window, 0)), ==, "Acme Corp");
  /* A repaired file is saved under a new name, never over the original. */
  g_assert_null (gloss_window_get_file (window));

  gloss_test_destroy_window (window);
}

static void
test_close_unsaved (void)
{
  GlossWindow *window = open_article ();
  GtkWindow *weak = GTK_WINDOW (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);

  gloss_test_select_text (window, "Tuesday");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "DATE");
  g_assert_cmpuint (n_annotations (window), ==, 1);

  /* Closing asks; Cancel keeps the window and the work. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  gloss_test_iterate ();
  g_assert_nonnull (weak);
  gloss_test_respond (window, "cancel");
  g_assert_nonnull (weak);
  g_assert_cmpuint (n_annotations (window), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  gloss_test_iterate ();
  gloss_test_respond (window, "discard");
  gloss_test_iterate ();
  g_assert_null (weak);

  /* Closed while a save is under way, it closes once the file is
   * written, without asking (before, it asked, and a Save there raced the
   * first one). */
  {
    g_autofree char *path = g_build_filename (gloss_test_get_tmpdir (), "closing.gloss.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GlossDocument) written = NULL;
    g_autoptr(GError) error = NULL;
    gint64 deadline;

    window = open_article ();
    weak = GTK_WINDOW (window);
    g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
    gloss_test_tag (window, "Tuesday", "DATE");
    gloss_window_save_to_file (window, file);
    gloss_test_wait_idle (window);
    gloss_test_tag (window, "Ada Lovelace", "PERSON");

    gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
    g_assert_true (gloss_window_get_busy (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
    g_assert_null (gloss_test_find_message_dialog (window));
    deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (weak != NULL)
      {
        g_assert_null (gloss_test_find_message_dialog (GLOSS_WINDOW (weak)));
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }

    written = gloss_format_read_file (file, GLOSS_LOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (written)), ==, 2);
  }
}

static void
test_drop_file (void)
{
  g_autoptr(GFile) file = gloss_test_write_temp ("dropped.txt", "Dropped onto the window.\n", -1);
  g_autoptr(GListModel) controllers = NULL;
  GlossWindow *window = gloss_test_new_window (app);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_window_get_document (window));
  g_assert_cmpstr (gloss_document_get_text (gloss_window_get_document (window)), ==,
                   "Dropped onto the window.\n");

  gloss_test_destroy_window (window);
}

static void
test_app_open_and_quit (void)
{
  g_autoptr(GFile) file = gloss_test_write_temp ("opened.txt", "Opened from the command line.\n", -1);
  GFile *files[] = { file };
  GlossWindow *window;
  GtkWindow *weak;

  /* `gloss FILE` opens the file in a window of its own. */
  g_application_open (G_APPLICATION (app), files, 1, "");
  window = GLOSS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_window_get_document (window));
  g_assert_cmpstr (gloss_document_get_text (gloss_window_get_document (window)), ==,
                   "Opened from the command line.\n");

  /* Quitting asks about unsaved work instead of dropping it. */
  gloss_test_select_text (window, "command line");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "Yellow");
  weak = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gloss_test_iterate ();
  g_assert_nonnull (weak);
  g_assert_nonnull (gloss_test_find_message_dialog (window));
  gloss_test_respond (window, "discard");
  gloss_test_iterate ();
  g_assert_null (weak);
}

static void
test_screenshot (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  AdwStyleManager *style = adw_style_manager_get_default ();
  GlossWindow *empty = gloss_test_new_window (app);

  gloss_test_select_text (window, "Ada Lovelace");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "PERSON");
  gloss_test_select_text (window, "Analytical Engine Company");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "ORG");
  gloss_test_select_text (window, "Zürich");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "GPE");
  gloss_test_select_text (window, "4.2 million euros");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "MONEY");
  gloss_test_select_text (window, "the opposition called “wildly optimistic”");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "Claim");
  gloss_test_select_text (window, "on Tuesday");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "Yellow");
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 1));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_TEXT_VIEW))),
                            "Registered name? Check the companies register.", -1);
  gloss_sidebar_commit_note (sidebar);
  gtk_widget_grab_focus (gloss_window_get_article_view (window));

  gloss_test_wait_ms (600);
  gloss_test_save_screenshot (GTK_WIDGET (window), "window-light");
  gloss_test_save_screenshot (GTK_WIDGET (empty), "window-empty");

  /* Dark, with an annotation without a note selected. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_test_wait_ms (600);
  gloss_test_save_screenshot (GTK_WIDGET (window), "window-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (gloss_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_FLAP))));

  gloss_test_destroy_window (empty);
  gloss_test_destroy_window (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

/* Counts a signal's emissions; connected swapped, with the count. */
/* A window with nothing to animate draws no frames: nothing hidden (the
 * loading page's spinner, say) keeps the frame clock ticking, which would
 * burn CPU while the user reads and slow every edit. */
static void
test_idle_frames (void)
{
  GlossWindow *window = open_article ();
  GtkWidget *empty_window = GTK_WIDGET (gloss_test_new_window (app));
  GdkFrameClock *clock;
  guint n_frames = 0, n_empty_frames = 0;
  gulong id, empty_id;

  gloss_test_select_text (window, "Ada Lovelace");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "PERSON");
  gtk_widget_grab_focus (GTK_WIDGET (gloss_window_get_sidebar (window)));
  gloss_test_wait_ms (1500); /* toasts, transitions and scrollbars settle */

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect_swapped (clock, "paint", G_CALLBACK (count_cb), &n_frames);
  empty_id = g_signal_connect_swapped (gtk_widget_get_frame_clock (empty_window), "paint",
                                       G_CALLBACK (count_cb), &n_empty_frames);
  gloss_test_wait_ms (500);
  g_signal_handler_disconnect (clock, id);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (empty_window), empty_id);

  /* A ticking clock paints about 30 frames in this time. */
  g_assert_cmpuint (n_frames, <=, 2);
  g_assert_cmpuint (n_empty_frames, <=, 2);

  gloss_test_destroy_window (GLOSS_WINDOW (empty_window));
  gloss_test_destroy_window (window);
}

static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

/* Deletes the selected annotation; returns its step in the history, as
 * its toast's Undo names it. */
static guint64
delete_selected (GlossWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL));

  return gloss_history_get_serial (gloss_document_get_history (gloss_window_get_document (window)), FALSE);
}

/* The toast of a deletion comes a frame after the deletion is drawn, and
 * its Undo undoes that deletion, never another edit. */
static void
test_delete_toast (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GType toast_type = g_type_from_name ("AdwToastWidget");
  GtkWidget *undo = NULL;
  guint64 first, second;
  guint n_frames = 0;
  gulong id;
  gint64 deadline;

  g_assert_true (toast_type != G_TYPE_INVALID);
  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_tag (window, "Zürich", "GPE");
  gloss_test_wait_ms (100);
  g_assert_null (gloss_test_find_descendant (GTK_WIDGET (window), toast_type));

  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  id = g_signal_connect_swapped (clock, "paint", G_CALLBACK (count_cb), &n_frames);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL));
  g_assert_cmpuint (n_annotations (window), ==, 1);
  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "Annotation deleted");
  g_assert_null (gloss_test_find_descendant (GTK_WIDGET (window), toast_type));
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while ((undo = gloss_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  /* The deletion's own frame came first. */
  g_assert_cmpuint (n_frames, >=, 1);

  /* The button of a settled toast undoes the deletion, and the toast
   * gives way to the undo's own. */
  gloss_test_wait_ms (900);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpuint (n_annotations (window), ==, 2);
  gloss_test_wait_ms (1200);
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (window), is_label_text, "Undone: Delete PERSON"));

  /* Ctrl+Z takes a settled toast away with its deletion. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  delete_selected (window);
  gloss_test_wait_ms (900);
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_annotations (window), ==, 2);
  gloss_test_wait_ms (900);
  g_assert_null (gloss_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL));

  /* A young one goes once it has settled. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  delete_selected (window);
  gloss_test_wait_ms (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gloss_test_wait_ms (100);
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL));
  gloss_test_wait_ms (1500);
  g_assert_null (gloss_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL));

  /* Undone with Ctrl+Z, the toast's Undo does nothing more... */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  first = delete_selected (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_annotations (window), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-deletion", "t", first));
  g_assert_cmpuint (n_annotations (window), ==, 2);
  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "The deletion is already undone");

  /* ...nor once another edit came after the deletion... */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  first = delete_selected (window);
  gloss_test_tag (window, "Analytical Engine Company", "ORG");
  g_assert_cmpuint (n_annotations (window), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-deletion", "t", first);
  g_assert_cmpuint (n_annotations (window), ==, 2);
  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "Edits came after the deletion: undo them first");

  /* ...and a toast that comes back after a later deletion's undoes its
   * own deletion only. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  first = delete_selected (window);
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  second = delete_selected (window);
  g_assert_cmpuint (second, !=, first);
  g_assert_cmpuint (n_annotations (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-deletion", "t", first);
  g_assert_cmpuint (n_annotations (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-deletion", "t", second);
  g_assert_cmpuint (n_annotations (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-deletion", "t", first);
  g_assert_cmpuint (n_annotations (window), ==, 2);

  gloss_test_wait_ms (100);
  gloss_test_destroy_window (window);
}

static guint
count_toasts (GtkWidget *widget)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name ("AdwToastWidget"));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_toasts (child);

  return n;
}

/* Runs the main loop until @window shows @n toasts (and an Undo button
 * or not, as @undo says), or fails after 5 s. */
static void
wait_toasts (GlossWindow *window,
             guint        n,
             gboolean     undo)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (count_toasts (GTK_WIDGET (window)) != n ||
         (gloss_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL) != NULL) != undo)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%u toasts up, not %u", count_toasts (GTK_WIDGET (window)), n);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A long block of the main loop (a big list rebuilt, a large file read)
 * holds the toasts' animations back while timers run on: taking a toast
 * away right after it must not crash libadwaita 1.2, which shows the
 * toast waiting behind it while that one is still sliding out. */
static void
test_toast_stall (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));

  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_tag (window, "Zürich", "GPE");
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  delete_selected (window);
  wait_toasts (window, 1, TRUE);
  gloss_test_wait_ms (900);

  /* The second deletion's toast pushes the first one's aside, which
   * slides out; Ctrl+Z asks for the second one to go; the window stalls
   * before the next frame. */
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  delete_selected (window);
  wait_toasts (window, 2, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_usleep (1200 * 1000);
  gloss_test_wait_ms (100);
  g_assert_cmpuint (n_annotations (window), ==, 1);
  /* The first deletion's toast comes back, alone. */
  wait_toasts (window, 1, TRUE);

  /* Ctrl+Z takes that one away too, stall or not. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_annotations (window), ==, 2);
  g_usleep (1200 * 1000);
  /* The undos' own toasts ("Undone: …") follow, one at a time. */
  wait_toasts (window, 1, FALSE);

  gloss_test_destroy_window (window);
}

/* Once the search entry has the focus, the annotations' texts are folded
 * for the search in the background, before the first keystroke. */
static void
test_search_ahead (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));

  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_tag (window, "Zürich", "GPE");
  gloss_test_iterate ();
  g_assert_null (gloss_annotation_peek_search_text (annotation_at (window, 1)));

  gloss_sidebar_focus_search (sidebar);
  gloss_test_wait_ms (200);
  for (guint i = 0; i < 2; i++)
    g_assert_nonnull (gloss_annotation_peek_search_text (annotation_at (window, i)));
  g_assert_true (g_str_has_prefix (gloss_annotation_peek_search_text (annotation_at (window, 1)), "zurich\x1f"));

  /* A search uses them, and ignores case and accents (Latin, Greek). */
  gloss_sidebar_set_search_text (sidebar, "ZÜRICH");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_model (sidebar)), ==, 1);
  gloss_sidebar_set_search_text (sidebar, "zurich");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_model (sidebar)), ==, 1);
  gloss_sidebar_set_search_text (sidebar, "zurichs");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_model (sidebar)), ==, 0);

  gloss_test_destroy_window (window);
}

static gboolean
is_row_for (GtkWidget     *widget,
            gconstpointer  data)
{
  return GLOSS_IS_ANNOTATION_ROW (widget) &&
         g_strcmp0 (gloss_annotation_row_get_text (GLOSS_ANNOTATION_ROW (widget), "label"), data) == 0;
}

/* Whether @row's chip is drawn in @color (#rrggbb), a fifth of it. */
static gboolean
chip_has_color (GtkWidget  *row,
                const char *color)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, color));
  rgba.alpha = 0.2;
  GTK_WIDGET_GET_CLASS (row)->snapshot (row, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  return node != NULL && gloss_test_node_has_color (node, &rgba);
}

/* A row shows its label's colour, and a new colour at once. */
static void
test_chip_colour (void)
{
  GlossWindow *window = open_article ();
  GlossDocument *document = gloss_window_get_document (window);
  GtkWidget *sidebar = gloss_window_get_sidebar (window);
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autofree char *color = NULL;
  GtkWidget *row;

  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_wait_ms (100);
  row = gloss_test_find_widget (sidebar, is_row_for, "PERSON");
  g_assert_nonnull (row);
  color = g_strdup (gloss_label_get_color (gloss_label_set_lookup (gloss_document_get_labels (document), "PERSON")));
  g_assert_true (chip_has_color (row, color));
  g_assert_false (chip_has_color (row, "#123456"));

  labels = gloss_label_set_copy (gloss_document_get_labels (document));
  gloss_label_set_color (gloss_label_set_lookup (labels, "PERSON"), "#123456");
  gloss_document_set_labels (document, labels);
  gloss_test_wait_ms (100);
  row = gloss_test_find_widget (sidebar, is_row_for, "PERSON");
  g_assert_nonnull (row);
  g_assert_true (chip_has_color (row, "#123456"));
  g_assert_false (chip_has_color (row, color));

  gloss_test_destroy_window (window);
}

/* Rows below a deleted one only move: GTK 4.8 binds each of them again,
 * and the same row widgets keep showing their annotations. */
static void
test_rows_move (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *org, *gpe;

  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_tag (window, "Analytical Engine Company", "ORG");
  gloss_test_tag (window, "Zürich", "GPE");
  gloss_test_wait_ms (100);
  org = gloss_test_find_widget (GTK_WIDGET (sidebar), is_row_for, "ORG");
  gpe = gloss_test_find_widget (GTK_WIDGET (sidebar), is_row_for, "GPE");
  g_assert_nonnull (org);
  g_assert_nonnull (gpe);

  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gloss_test_wait_ms (100);

  g_assert_cmpuint (n_annotations (window), ==, 3);
  g_assert_true (gloss_test_find_widget (GTK_WIDGET (sidebar), is_row_for, "ORG") == org);
  g_assert_true (gloss_test_find_widget (GTK_WIDGET (sidebar), is_row_for, "GPE") == gpe);

  gloss_test_destroy_window (window);
}

/* A label key pressed right after a double click on an annotated word,
 * before the click's idle has run, tags the word and leaves the new
 * annotation selected: the click is handled first, not after the edit
 * (where it picked the next annotation under the pointer, and Delete
 * then removed that one). */
static void
test_click_then_key (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  GlossDocument *document = gloss_window_get_document (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(GlossAnnotation) first = NULL;
  GlossAnnotation *second = NULL;
  GtkTextIter start, end;
  GdkRectangle rect;
  int x, y;

  first = g_object_ref (gloss_test_tag (window, "Ada Lovelace", "PERSON"));
  gloss_sidebar_select_annotation (sidebar, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gloss_test_wait_ms (50);

  /* The double click's last release: the word is selected, the idle
   * that follows a release is pending. */
  gloss_test_select_text (window, "Ada Lovelace");
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &start, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + 2, rect.y + rect.height / 2, &x, &y);
  _gloss_article_view_click (view, x, y);
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_p, 0));

  g_assert_cmpuint (n_annotations (window), ==, 2);
  for (guint i = 0; i < 2; i++)
    if (annotation_at (window, i) != first)
      second = annotation_at (window, i);
  g_assert_nonnull (second);
  gloss_test_wait_ms (100);
  g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == second);

  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_annotations (window), ==, 1);
  g_assert_true (gloss_annotation_store_lookup (gloss_document_get_annotations (document),
                                                gloss_annotation_get_id (first)) == first);

  gloss_test_destroy_window (window);
}

/* Tagging the selection, or relabelling the selected annotation, leaves
 * the text where it is, even near the bottom edge; choosing another
 * annotation still brings it into view. */
static void
test_edits_keep_scroll (void)
{
  g_autoptr(GString) text = g_string_new ("A long article\n\n");
  g_autoptr(GFile) file = NULL;
  GlossWindow *window = gloss_test_new_window (app);
  GlossArticleView *view;
  GlossSidebar *sidebar;
  GtkTextBuffer *buffer;
  GtkAdjustment *vadj;
  GlossAnnotation *first, *near_edge;
  GdkRectangle visible;
  GtkTextIter iter;
  g_autoptr(GError) error = NULL;
  guint body, start;
  double value;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "Paragraph %u tells of the harbour, the barrier and the council vote.\n\n", i);
  file = gloss_test_write_temp ("long.txt", text->str, -1);
  gloss_window_open_file (window, file);
  gloss_test_wait_idle (window);
  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  body = gtk_text_buffer_get_char_count (buffer) -
         gloss_document_get_length (gloss_window_get_document (window));

  first = gloss_document_annotate (gloss_window_get_document (window), "ORG",
                                   gloss_test_offset_of (gloss_window_get_document (window), "council"),
                                   gloss_test_offset_of (gloss_window_get_document (window), "council") + 7,
                                   &error);
  g_assert_no_error (error);

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) / 2);
  gloss_test_wait_ms (300);
  value = gtk_adjustment_get_value (vadj);

  /* A word on the last lines of the view. */
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (view), &iter, visible.x + visible.width / 4,
                                      visible.y + visible.height * 19 / 20);
  if (!gtk_text_iter_starts_word (&iter))
    gtk_text_iter_backward_word_start (&iter);
  start = gtk_text_iter_get_offset (&iter) - body;
  gloss_article_view_select_range (view, start, start + 4);
  gloss_test_wait_ms (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "PERSON"));
  near_edge = gloss_sidebar_get_selected_annotation (sidebar);
  g_assert_nonnull (near_edge);
  g_assert_cmpuint (gloss_annotation_get_start (near_edge), ==, start);
  gloss_test_wait_ms (600);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "GPE"));
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sidebar_get_selected_annotation (sidebar)), ==, "GPE");
  gloss_test_wait_ms (600);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);

  /* Undone from far away, the relabel is shown where it happens. */
  gtk_adjustment_set_value (vadj, 0);
  gloss_test_wait_ms (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sidebar_get_selected_annotation (sidebar)), ==, "PERSON");
  gloss_test_wait_ms (800);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, value / 2);

  /* Another annotation, far above: the text goes to it. */
  gloss_sidebar_select_annotation (sidebar, first);
  gloss_test_wait_ms (800);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), <, value / 2);

  gloss_test_destroy_window (window);
}

/* With the keyboard in the annotation list, Alt+Down moves the focus
 * with the selection, so the arrows go on from the selected row. */
static void
test_list_focus_follows (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *list = find_with_class (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, "navigation-sidebar");
  GtkWidget *focus;

  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_tag (window, "Analytical Engine Company", "ORG");
  gloss_test_tag (window, "Zürich", "GPE");
  gloss_sidebar_select_annotation (sidebar, annotation_at (window, 0));
  gloss_test_wait_ms (100);
  g_assert_nonnull (list);
  /* Tab into the list: the keyboard is on a row. */
  g_assert_true (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD));
  gloss_test_wait_ms (50);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));

  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, GDK_ALT_MASK));
  gloss_test_wait_ms (100);
  g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == annotation_at (window, 2));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list));
  g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED);

  gloss_test_destroy_window (window);
}

/* A message supersedes the one before it: a redo's toast replaces the
 * undo's, which used to stay up for its five seconds. */
static void
test_toast_supersedes (void)
{
  GlossWindow *window = open_article ();

  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_wait_ms (900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gloss_test_wait_ms (900);
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (window), is_label_text, "Undone: Tag as PERSON"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  gloss_test_wait_ms (2000);
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (window), is_label_text, "Redone: Tag as PERSON"));
  g_assert_null (gloss_test_find_widget (GTK_WIDGET (window), is_label_text, "Undone: Tag as PERSON"));

  gloss_test_destroy_window (window);
}

/* Undo and redo show what they bring back: a deletion undone, a tag
 * redone. Both used to leave nothing selected, the list scrolled past a
 * restored first row. */
static void
test_undo_selects (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  g_autofree char *ada = NULL;
  g_autofree char *zurich = NULL;

  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  ada = g_strdup (gloss_annotation_get_id (gloss_sidebar_get_selected_annotation (sidebar)));
  gloss_test_tag (window, "Zürich", "GPE");
  zurich = g_strdup (gloss_annotation_get_id (gloss_sidebar_get_selected_annotation (sidebar)));
  gloss_test_wait_ms (100);

  gloss_sidebar_select_annotation (sidebar, gloss_annotation_store_lookup (gloss_document_get_annotations (gloss_window_get_document (window)), ada));
  delete_selected (window);
  g_assert_null (gloss_sidebar_get_selected_annotation (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gloss_test_wait_ms (100);
  g_assert_nonnull (gloss_sidebar_get_selected_annotation (sidebar));
  g_assert_cmpstr (gloss_annotation_get_id (gloss_sidebar_get_selected_annotation (sidebar)), ==, ada);
  g_assert_cmpstr (gloss_annotation_get_id (gloss_article_view_get_selected_annotation (view)), ==, ada);

  /* Undoing the tag of Zürich takes it away; redoing it shows it. */
  gloss_sidebar_select_annotation (sidebar, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gloss_test_wait_ms (100);
  g_assert_cmpuint (n_annotations (window), ==, 1);
  g_assert_null (gloss_sidebar_get_selected_annotation (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  gloss_test_wait_ms (100);
  g_assert_nonnull (gloss_sidebar_get_selected_annotation (sidebar));
  g_assert_cmpstr (gloss_annotation_get_id (gloss_sidebar_get_selected_annotation (sidebar)), ==, zurich);

  gloss_test_destroy_window (window);
}

/* Relabelling an annotation as a twin of another one (the same words, and
 * now the same label) keeps it selected, so that Delete or a note goes to
 * it. Ids are random, so the twin sorts before the copy as often as after:
 * several rounds. */
static void
test_relabel_twin (void)
{
  GlossWindow *window = open_article ();
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));

  for (guint round = 0; round < 8; round++)
    {
      GlossAnnotation *twin = gloss_test_tag (window, "Ada Lovelace", "ORG");
      g_autofree char *twin_id = g_strdup (gloss_annotation_get_id (twin));
      GlossAnnotation *person = gloss_test_tag (window, "Ada Lovelace", "PERSON");
      g_autofree char *id = g_strdup (gloss_annotation_get_id (person));
      GlossAnnotation *selected;

      gloss_test_wait_ms (50);
      g_assert_true (gloss_sidebar_get_selected_annotation (sidebar) == person);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "ORG"));
      gloss_test_wait_ms (50);

      selected = gloss_sidebar_get_selected_annotation (sidebar);
      g_assert_nonnull (selected);
      g_assert_cmpstr (gloss_annotation_get_id (selected), ==, id);
      g_assert_cmpstr (gloss_annotation_get_label (selected), ==, "ORG");
      g_assert_true (gloss_article_view_get_selected_annotation (GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window))) == selected);

      /* Both go, for the next round. */
      delete_selected (window);
      gloss_sidebar_select_annotation (sidebar, gloss_annotation_store_lookup (gloss_document_get_annotations (gloss_window_get_document (window)), twin_id));
      delete_selected (window);
      g_assert_cmpuint (n_annotations (window), ==, 0);
    }

  gloss_test_destroy_window (window);
}

static void
test_settings (void)
{
  GlossWindow *window = open_article ();
  GSettings *settings = gloss_application_get_settings (app);
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  GtkWindow *preferences;
  GLogLevelFlags old_fatal;

  g_assert_cmpstr (gloss_document_get_author (gloss_window_get_document (window)), ==, "Test Annotator");
  g_settings_set_string (settings, "annotator-name", "Grace");
  g_assert_cmpstr (gloss_document_get_author (gloss_window_get_document (window)), ==, "Grace");
  g_settings_set_string (settings, "annotator-name", "Test Annotator");

  g_settings_set_int (settings, "article-font-size", 18);
  g_assert_cmpint (gloss_article_view_get_font_size (view), ==, 18);
  g_settings_set_boolean (settings, "article-serif", FALSE);
  g_assert_false (gloss_article_view_get_serif (view));
  g_settings_reset (settings, "article-font-size");
  g_settings_reset (settings, "article-serif");

  /* The label legend folds away (on a short screen), and stays folded:
   * the list gets its room, the label keys still tag. */
  {
    GtkWidget *sidebar = gloss_window_get_sidebar (window);
    GtkWidget *expander = gloss_test_find_descendant (sidebar, GTK_TYPE_EXPANDER);
    GtkWidget *legend = gtk_expander_get_child (GTK_EXPANDER (expander));
    gboolean expanded = TRUE;

    gloss_test_iterate ();
    g_assert_true (gtk_widget_get_mapped (legend));
    gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
    gloss_test_iterate ();
    g_assert_false (g_settings_get_boolean (settings, "labels-expanded"));
    g_object_get (sidebar, "labels-expanded", &expanded, NULL);
    g_assert_false (expanded);
    g_assert_false (gtk_widget_get_mapped (legend));
    g_settings_reset (settings, "labels-expanded");
    g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  gloss_test_iterate ();
  preferences = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (preferences), "preferences");
  gtk_window_destroy (preferences);

  /* GTK 4.8's GtkShortcutsWindow measures one of its own labels at -3 px
   * ("reported min width -3"): warnings are not fatal while it is shown. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  gloss_test_iterate ();
  preferences = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (preferences);
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (preferences), "shortcuts");
  gtk_window_destroy (preferences);
  gloss_test_iterate ();
  g_log_set_always_fatal (old_fatal);

  gloss_test_destroy_window (window);
}

/* The sidebar paints a background only when it slides over the article;
 * beside it, the window's shows through (one fill less per frame). */
static void
test_sidebar_background (void)
{
  GlossWindow *window = open_article ();
  GtkWidget *sidebar = gloss_window_get_sidebar (window);
  AdwFlap *flap = ADW_FLAP (gloss_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_FLAP));

  adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_NEVER);
  gloss_test_iterate ();
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_false (gtk_widget_has_css_class (sidebar, "background"));

  adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
  gloss_test_iterate ();
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_true (gtk_widget_has_css_class (sidebar, "background"));

  gloss_test_destroy_window (window);
}

static gboolean
is_annotation_list (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) &&
         gtk_widget_has_css_class (gtk_widget_get_parent (widget), "annotation-scroller");
}

/* On a laptop-sized window with the labels legend open, the detail pane of
 * a selected annotation used to take its natural height and leave the
 * list two and a half rows. */
static void
test_sidebar_room (void)
{
  GlossWindow *window = open_article ();
  GtkWidget *sidebar = gloss_window_get_sidebar (window);
  GtkWidget *list_view = gloss_test_find_widget (sidebar, is_annotation_list, NULL);
  GtkWidget *detail = gloss_test_find_descendant (sidebar, GTK_TYPE_REVEALER);
  int list_height, detail_height;

  GlossDocument *document = gloss_window_get_document (window);
  const char *text = gloss_document_get_text (document);
  int rows_height;
  gboolean expanded;

  g_object_get (sidebar, "labels-expanded", &expanded, NULL);
  g_assert_true (expanded);

  /* Two annotations: the list keeps what its rows need, the detail pane
   * the rest, up to all it needs. */
  gloss_test_tag (window, "Ada Lovelace", "PERSON");
  gloss_test_tag (window, "Zürich", "GPE");
  gloss_test_wait_ms (500);
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (detail)));
  gtk_widget_measure (list_view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (list_view),
                      NULL, &rows_height, NULL, NULL);
  list_height = gtk_widget_get_height (list_view);
  detail_height = gtk_widget_get_height (detail);
  g_test_message ("2 rows: list %d px (rows %d px), detail %d px", list_height, rows_height, detail_height);
  g_assert_cmpint (list_height, >=, rows_height);
  g_assert_cmpint (list_height, <, 0.4 * (list_height + detail_height));

  /* Twenty more: the list keeps 45 % of the room below the search bar, and
   * the detail pane still shows its label, note and more. */
  gloss_document_begin_edit (document, "words");
  for (guint i = 0, n = 0; text[i] != '\0' && n < 20; i++)
    if (g_ascii_isalpha (text[i]) && (i == 0 || text[i - 1] == ' ') && text[i + 1] != '\0')
      {
        g_autoptr(GError) error = NULL;
        guint start = (guint) g_utf8_pointer_to_offset (text, text + i);

        if (gloss_document_annotate (document, "Yellow", start, start + 2, &error) != NULL)
          n++;
      }
  gloss_document_end_edit (document);
  gloss_test_wait_ms (500);
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (detail)));
  list_height = gtk_widget_get_height (list_view);
  detail_height = gtk_widget_get_height (detail);
  g_test_message ("22 rows: list %d px, detail %d px", list_height, detail_height);
  g_assert_cmpint (list_height, >=, 0.4 * (list_height + detail_height));
  g_assert_cmpint (detail_height, >=, 200);

  /* Without a selection, the list has all of it. */
  gloss_sidebar_select_annotation (GLOSS_SIDEBAR (sidebar), NULL);
  gloss_test_wait_ms (500);
  g_assert_false (gtk_revealer_get_child_revealed (GTK_REVEALER (detail)));
  g_assert_cmpint (gtk_widget_get_height (list_view), >=, list_height + detail_height - 1);

  gloss_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Its own XDG_DATA_HOME keeps the recent-files list of the test out of
   * the user's. */
  app = gloss_test_app_new (&argc, &argv);

  g_test_add_func ("/gloss/window/annotate-and-save", test_annotate_and_save);
  g_test_add_func ("/gloss/window/open-errors", test_open_errors);
  g_test_add_func ("/gloss/window/open-recoverable", test_open_recoverable);
  g_test_add_func ("/gloss/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/gloss/window/screenshot", test_screenshot);
  g_test_add_func ("/gloss/window/settings", test_settings);
  g_test_add_func ("/gloss/window/idle-frames", test_idle_frames);
  g_test_add_func ("/gloss/window/delete-toast", test_delete_toast);
  g_test_add_func ("/gloss/window/toast-stall", test_toast_stall);
  g_test_add_func ("/gloss/window/search-ahead", test_search_ahead);
  g_test_add_func ("/gloss/window/chip-colour", test_chip_colour);
  g_test_add_func ("/gloss/window/rows-move", test_rows_move);
  g_test_add_func ("/gloss/window/click-then-key", test_click_then_key);
  g_test_add_func ("/gloss/window/edits-keep-scroll", test_edits_keep_scroll);
  g_test_add_func ("/gloss/window/list-focus-follows", test_list_focus_follows);
  g_test_add_func ("/gloss/window/toast-supersedes", test_toast_supersedes);
  g_test_add_func ("/gloss/window/undo-selects", test_undo_selects);
  g_test_add_func ("/gloss/window/relabel-twin", test_relabel_twin);
  g_test_add_func ("/gloss/window/drop-file", test_drop_file);
  g_test_add_func ("/gloss/window/app-open-and-quit", test_app_open_and_quit);
  g_test_add_func ("/gloss/window/sidebar-background", test_sidebar_background);
  g_test_add_func ("/gloss/window/sidebar-room", test_sidebar_room);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
