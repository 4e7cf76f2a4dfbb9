/* test-claims.c: links, claim and entity fields, tag all, find,
 * navigation, labels and statistics through the window
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-annotate-all-dialog.h"
#include "gloss-annotation-fields.h"
#include "gloss-annotation-item.h"
#include "gloss-annotation-row.h"
#include "gloss-claim.h"
#include "gloss-label-editor.h"
#include "gloss-label-palette.h"
#include "gloss-test-utils.h"
#include "gloss-window-private.h"

#define ARTICLE \
  "Harbour Barrier Approved\n" \
  "By Clara Jensen\n" \
  "29 November 2026\n" \
  "\n" \
  "The council voted on Friday. Mayor Ana Ruiz said the council had saved " \
  "€4 million. Ana Ruiz also said the barrier “will protect 640 homes”.\n" \
  "The council’s critics, led by Yuki Tanaka (田中由紀), disagreed 🌊.\n"

static GlossApplication *app;

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class) &&
         gtk_widget_get_visible (widget);
}

static gboolean
is_link_prompt (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "Link “");
}

/* The text of the first visible label of @css_class under @widget, or
 * NULL. */
static const char *
visible_label_text (GtkWidget  *widget,
                    const char *css_class)
{
  GtkWidget *label = gloss_test_find_widget (widget, is_visible_label, css_class);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The list row showing the annotation with id @data. */
static gboolean
is_annotation_row (GtkWidget     *widget,
                   gconstpointer  data)
{
  GlossAnnotation *shown;

  if (!GLOSS_IS_ANNOTATION_ROW (widget))
    return FALSE;
  shown = gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (widget));

  return shown != NULL && g_strcmp0 (gloss_annotation_get_id (shown), data) == 0;
}

static GlossAnnotationRow *
find_annotation_row (GtkWidget  *widget,
                     const char *id)
{
  return (GlossAnnotationRow *) gloss_test_find_widget (widget, is_annotation_row, id);
}

static void
test_link (void)
{
  GlossWindow *window = gloss_test_open_text (app, "link.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *view = gloss_window_get_article_view (window);
  GListModel *relations = gloss_document_get_relations (document);
  GlossAnnotation *claim, *person, *other;
  GlossRelation *relation;

  person = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  claim = gloss_test_tag (window, "the council had saved €4 million", "Claim");
  other = gloss_test_tag (window, "Ana Ruiz also", "PERSON");

  /* From the claim: Ctrl+K starts a claimant link, a click picks the entity. */
  gloss_sidebar_select_annotation (sidebar, claim);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.link", NULL));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  gloss_test_wait_ms (700);
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (window), is_link_prompt, NULL));
  g_signal_emit_by_name (view, "annotation-activated", person);
  /* The prompt has no timeout, and the result's toast waits behind it:
   * it goes. */
  gloss_test_wait_ms (1000);
  g_assert_null (gloss_test_find_widget (GTK_WIDGET (window), is_link_prompt, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  relation = g_list_model_get_item (relations, 0);
  g_assert_cmpstr (gloss_relation_get_kind (relation), ==, GLOSS_RELATION_CLAIMANT);
  g_assert_cmpstr (gloss_relation_get_from (relation), ==, gloss_annotation_get_id (claim));
  g_assert_cmpstr (gloss_relation_get_to (relation), ==, gloss_annotation_get_id (person));
  g_object_unref (relation);
  g_assert_true (gloss_claim_get_claimant (document, gloss_test_current (window, claim)) == person);

  /* Undo removes the link. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);

  /* From the entity, a claimant link is still oriented claim → entity. */
  gloss_sidebar_select_annotation (sidebar, person);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-link", "s", GLOSS_RELATION_CLAIMANT);
  g_signal_emit_by_name (view, "annotation-activated", claim);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  relation = g_list_model_get_item (relations, 0);
  g_assert_cmpstr (gloss_relation_get_from (relation), ==, gloss_annotation_get_id (claim));
  g_object_unref (relation);

  /* Another claimant takes the place of the first (it used to be added
   * beside it, unseen), and the claim is selected again to show it; one
   * undo brings the first back. */
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, claim));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link", NULL);
  g_signal_emit_by_name (view, "annotation-activated", other);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_true (gloss_claim_get_claimant (document, gloss_test_current (window, claim)) == other);
  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "Claimant changed to “Ana Ruiz also” (was “Mayor Ana Ruiz”)");
  g_assert_cmpstr (gloss_annotation_get_id (gloss_sidebar_get_selected_annotation (sidebar)), ==, gloss_annotation_get_id (claim));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_true (gloss_claim_get_claimant (document, gloss_test_current (window, claim)) == person);

  /* Same-as between two mentions, chosen with the keyboard: select the
   * target in the list and confirm with Enter (win.finish-link). */
  gloss_sidebar_select_annotation (sidebar, person);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link", NULL);
  gloss_sidebar_select_annotation (sidebar, other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.finish-link", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);

  /* A claimant link between two people is refused, and self-links too. */
  gloss_sidebar_select_annotation (sidebar, person);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-link", "s", GLOSS_RELATION_CLAIMANT);
  g_signal_emit_by_name (view, "annotation-activated", other);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "claim"));
  g_signal_emit_by_name (view, "annotation-activated", person);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-link", NULL);
  g_signal_emit_by_name (view, "annotation-activated", claim);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);

  /* Ctrl+K then Escape at once: the link toast is still coming in, and
   * libadwaita 1.2 crashes on dismissing it then; it is replaced. */
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, person));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-link", NULL);
  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "Linking cancelled");
  gloss_test_wait_ms (700);
  /* The prompt, still waiting for its frame, never comes up. */
  g_assert_null (gloss_test_find_widget (GTK_WIDGET (window), is_link_prompt, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link", NULL);
  gloss_test_wait_ms (700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-link", NULL);
  gloss_test_wait_ms (500);

  /* Deleting an end deletes its links, in one undo step. */
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, person));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

static void
test_fields (void)
{
  GlossWindow *window = gloss_test_open_text (app, "fields.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *fields = gloss_sidebar_get_fields (sidebar);
  GtkWidget *verdict, *kb_id, *suggestion;
  GlossAnnotation *claim, *person, *again;

  claim = gloss_test_tag (window, "the barrier “will protect 640 homes”", "Claim");
  gloss_sidebar_select_annotation (sidebar, claim);
  gloss_test_iterate ();

  /* Verdict: an undoable attribute edit. */
  verdict = gloss_test_find_row (fields, ADW_TYPE_COMBO_ROW, "_Verdict");
  g_assert_nonnull (verdict);
  g_assert_true (gtk_widget_is_visible (verdict));
  adw_combo_row_set_selected (ADW_COMBO_ROW (verdict), 4);   /* Not yet checked, True, Mostly true, Mixed, Mostly false */
  g_assert_cmpstr (gloss_claim_get_verdict (gloss_test_current (window, claim)), ==, "mostly-false");
  gloss_test_wait_ms (50);
  g_assert_cmpstr (visible_label_text (GTK_WIDGET (sidebar), "verdict-badge"), ==, "Mostly false");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (gloss_claim_get_verdict (gloss_test_current (window, claim)));

  /* No verdict and "not-checked" are one choice, "Not yet checked". */
  {
    GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (verdict));
    guint n_unchecked = 0;

    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 7);
    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      {
        const char *name = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

        g_assert_cmpstr (name, !=, "No verdict");
        n_unchecked += g_strcmp0 (name, "Not yet checked") == 0;
      }
    g_assert_cmpuint (n_unchecked, ==, 1);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (verdict)), ==, 0);

    gloss_document_set_attribute (document, gloss_test_current (window, claim), "verdict",
                                  g_variant_new_string ("not-checked"));
    gloss_test_iterate ();
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (verdict)), ==, 0);

    /* A verdict from another tool's scale shows as it is, and stays
     * until another is chosen. */
    gloss_document_set_attribute (document, gloss_test_current (window, claim), "verdict",
                                  g_variant_new_string ("pants-on-fire"));
    gloss_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 8);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (verdict)), ==, 7);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 7), ==, "pants-on-fire");
    g_assert_cmpstr (gloss_claim_get_verdict (gloss_test_current (window, claim)), ==, "pants-on-fire");
    adw_combo_row_set_selected (ADW_COMBO_ROW (verdict), 1);
    g_assert_cmpstr (gloss_claim_get_verdict (gloss_test_current (window, claim)), ==, "true");
    gloss_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 7);
    adw_combo_row_set_selected (ADW_COMBO_ROW (verdict), 0);
    g_assert_null (gloss_claim_get_verdict (gloss_test_current (window, claim)));
    for (guint i = 0; i < 4; i++)
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_null (gloss_claim_get_verdict (gloss_test_current (window, claim)));
  }
  gloss_test_save_screenshot (GTK_WIDGET (window), "claim-fields");

  /* Entity identifier: remembered in the gazetteer, proposed next time. */
  person = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_sidebar_select_annotation (sidebar, person);
  gloss_test_iterate ();
  kb_id = gloss_test_find_row (fields, ADW_TYPE_ENTRY_ROW, "Wikidata ID or URI");
  g_assert_nonnull (kb_id);
  g_assert_true (gtk_widget_is_visible (kb_id));
  g_assert_false (gtk_widget_is_visible (verdict));
  /* Something else is marked, and the tooltip says what is expected. */
  gtk_editable_set_text (GTK_EDITABLE (kb_id), "not an id");
  g_assert_true (gtk_widget_has_css_class (kb_id, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (kb_id));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (kb_id), "Q7747"));
  gtk_editable_set_text (GTK_EDITABLE (kb_id), "Q123456");
  g_assert_false (gtk_widget_has_css_class (kb_id, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (kb_id));
  g_signal_emit_by_name (kb_id, "apply");
  g_assert_cmpstr (gloss_annotation_get_attribute_string (gloss_test_current (window, person), GLOSS_ATTR_KB_ID), ==, "Q123456");
  /* The list shows it, so that mentions without one stand out. */
  gloss_test_wait_ms (50);
  g_assert_cmpstr (gloss_annotation_row_get_text (find_annotation_row (GTK_WIDGET (sidebar), gloss_annotation_get_id (person)), "id"),
                   ==, "Q123456");
  g_assert_nonnull (gloss_gazetteer_lookup (gloss_application_get_gazetteer (app), "mayor ana ruiz", "PERSON"));

  {
    g_autoptr(GFile) file = gloss_gazetteer_get_default_file ();
    g_assert_true (g_file_query_exists (file, NULL));
  }

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);

  /* The same words in another article: a suggestion one click away. */
  window = gloss_test_open_text (app, "fields2.txt",
                                 "Second Story\n\nLater, Mayor Ana Ruiz denied it, and nothing else happened at all that day in the town.\n");
  sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  fields = gloss_sidebar_get_fields (sidebar);
  again = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_sidebar_select_annotation (sidebar, again);
  gloss_test_iterate ();
  suggestion = gloss_test_find_row (fields, ADW_TYPE_ACTION_ROW, "From your gazetteer");
  g_assert_nonnull (suggestion);
  g_assert_true (gtk_widget_get_visible (suggestion));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (suggestion)), "Q123456"));

  gloss_document_set_saved (gloss_window_get_document (window));
  gloss_test_destroy_window (window);
}

/* A row of the links list: its title has an arrow. */
static gboolean
is_link_row (GtkWidget     *widget,
             gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "→") != NULL ||
          strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "←") != NULL);
}

static AdwActionRow *
find_link_row (GtkWidget *widget)
{
  return (AdwActionRow *) gloss_test_find_widget (widget, is_link_row, NULL);
}

/* Links @from to @to as the reader does (Ctrl+K on @from, a click on
 * @to), then selects @from again to show its links. */
static void
link_and_show (GlossWindow     *window,
               GlossAnnotation *from,
               GlossAnnotation *to)
{
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));

  gloss_sidebar_select_annotation (sidebar, from);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link", NULL);
  g_signal_emit_by_name (gloss_window_get_article_view (window), "annotation-activated", to);
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, from));
  gloss_test_iterate ();
}

/* The detail pane refreshes at every document change only what changed:
 * an edit elsewhere keeps its rows, a change at the other end of a link
 * shows. */
static void
test_fields_follow_changes (void)
{
  GlossWindow *window = gloss_test_open_text (app, "fresh.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *fields = gloss_sidebar_get_fields (sidebar);
  GlossAnnotation *claim, *person;
  AdwActionRow *row;

  person = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  claim = gloss_test_tag (window, "the council had saved €4 million", "Claim");
  link_and_show (window, claim, person);

  row = find_link_row (fields);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "PERSON"));

  /* Tagging elsewhere leaves the list alone. */
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_assert_nonnull (gloss_document_annotate (document, "ORG", gloss_test_offset_of (document, "council’s"),
                                             gloss_test_offset_of (document, "council’s") + 7, NULL));
  gloss_test_iterate ();
  g_assert_nonnull (row);
  g_assert_true (find_link_row (fields) == row);

  /* Relabelling the claimant shows in the claim's links. */
  g_assert_nonnull (gloss_document_relabel (document, gloss_test_current (window, person), "ORG", NULL));
  gloss_test_iterate ();
  g_assert_null (row);
  row = find_link_row (fields);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "ORG"));

  /* Undo, from the claim's pane, shows the person again. */
  g_assert_true (gloss_document_undo (document));
  gloss_test_iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_link_row (fields)), "PERSON"));

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* An annotation without links shows the list's placeholder, not a row:
 * the links list holds link rows only, and the placeholder comes back
 * when the last link goes. */
static void
test_links_placeholder (void)
{
  GlossWindow *window = gloss_test_open_text (app, "placeholder.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *fields = gloss_sidebar_get_fields (sidebar);
  GtkWidget *placeholder;
  GtkListBox *links;
  GlossAnnotation *claim, *person;

  person = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_sidebar_select_annotation (sidebar, person);
  gloss_test_iterate ();
  placeholder = gloss_test_find_widget (fields, is_label_with_text, "No links");
  g_assert_nonnull (placeholder);
  links = GTK_LIST_BOX (gtk_widget_get_ancestor (placeholder, GTK_TYPE_LIST_BOX));
  g_assert_null (gtk_list_box_get_row_at_index (links, 0));
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (placeholder)));
  gloss_test_wait_ms (400);
  g_assert_true (gtk_widget_get_mapped (placeholder));

  claim = gloss_test_tag (window, "the council had saved €4 million", "Claim");
  link_and_show (window, claim, person);
  g_assert_nonnull (find_link_row (fields));
  g_assert_nonnull (gtk_list_box_get_row_at_index (links, 0));
  g_assert_null (gtk_list_box_get_row_at_index (links, 1));
  g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_parent (placeholder)));

  g_assert_true (gloss_document_undo (document));
  gloss_test_iterate ();
  g_assert_null (find_link_row (fields));
  g_assert_null (gtk_list_box_get_row_at_index (links, 0));
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (placeholder)));

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

/* Whether some label under @widget shows @text exactly. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  return gloss_test_find_widget (widget, is_label_with_text, text) != NULL;
}

/* Quotes are text, not markup: a link to "Smith & Sons" shows the name
 * in the link's row, the claimant row and the toast that confirms it
 * (they used to be empty, with a warning from Pango). */
static void
test_links_plain_text (void)
{
  GlossWindow *window = gloss_test_open_text (app, "ampersand.txt",
                                              "Smith & Sons <Ltd> said the council had saved €4 million.\n");
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *fields = gloss_sidebar_get_fields (sidebar);
  GlossAnnotation *claim, *company;

  company = gloss_test_tag (window, "Smith & Sons <Ltd>", "ORG");
  claim = gloss_test_tag (window, "the council had saved €4 million", "Claim");
  link_and_show (window, claim, company);
  gloss_test_wait_ms (100);

  g_assert_true (shows_text (fields, "ORG · “Smith & Sons <Ltd>”"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Linked Claimant → “Smith & Sons <Ltd>”"));

  gloss_document_set_saved (gloss_window_get_document (window));
  gloss_test_destroy_window (window);
}

static void
test_annotate_all (void)
{
  GlossWindow *window = gloss_test_open_text (app, "all.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  GlossAnnotateAllDialog *dialog;
  GArray *occurrences;
  GtkWidget *palette;
  guint current = 0;

  gloss_test_tag (window, "council", "ORG");
  gloss_test_select_text (window, "council");
  gloss_article_view_popup_palette (window->article_view);
  gloss_test_iterate ();
  palette = gloss_test_find_descendant (GTK_WIDGET (window->article_view), GLOSS_TYPE_LABEL_PALETTE);
  g_assert_nonnull (palette);
  g_assert_true (gtk_widget_get_visible (palette));
  dialog = _gloss_window_annotate_all (window);
  g_assert_false (gtk_widget_get_visible (palette));
  g_assert_nonnull (dialog);
  gloss_test_iterate ();

  /* "council" three times as a whole word (the apostrophe of "council’s"
   * is a word boundary), the first already tagged ORG. */
  occurrences = gloss_annotate_all_dialog_get_occurrences (dialog);
  g_assert_cmpuint (occurrences->len, ==, 3);
  g_assert_true (g_array_index (occurrences, GlossOccurrence, 0).covered);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "annotate-all");

  /* The article previews the same matches; a click on one there
   * deselects it in the dialog, and "show" outlines one. */
  g_assert_true (gloss_article_view_get_preview (window->article_view, &current) == occurrences);
  g_assert_cmpuint (current, ==, G_MAXUINT);
  g_assert_true (g_array_index (occurrences, GlossOccurrence, 2).selected);
  g_signal_emit_by_name (window->article_view, "preview-activated", 2);
  g_assert_false (g_array_index (occurrences, GlossOccurrence, 2).selected);
  g_signal_emit_by_name (dialog, "show-occurrence", 1);
  gloss_article_view_get_preview (window->article_view, &current);
  g_assert_cmpuint (current, ==, 1);
  gloss_test_save_screenshot (GTK_WIDGET (window), "annotate-all-preview");

  g_assert_true (gloss_annotate_all_dialog_apply (dialog));
  gloss_test_iterate ();
  g_assert_null (gloss_article_view_get_preview (window->article_view, NULL));
  g_assert_cmpuint (gloss_annotation_store_count_label (store, "ORG"), ==, 2);
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "Tagged 1"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (gloss_annotation_store_count_label (store, "ORG"), ==, 1);

  /* The dialog does not block the window, so it closes (and its preview
   * goes) when the window shows another document. */
  dialog = _gloss_window_annotate_all (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gloss_test_iterate ();
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_nonnull (gloss_article_view_get_preview (window->article_view, NULL));
  gloss_document_set_saved (document);
  {
    g_autoptr(GlossDocument) other = gloss_document_new ("Another council.", -1);

    _gloss_window_set_document (window, other, NULL, NULL, NULL);
  }
  gloss_test_iterate ();
  g_assert_null (dialog);
  g_assert_null (gloss_article_view_get_preview (window->article_view, NULL));

  /* A selection that is no annotation gets the label tagged with last
   * (not the first entity label, PERSON). */
  gloss_test_tag (window, "Another", "GPE");
  gloss_test_select_text (window, "council");
  dialog = _gloss_window_annotate_all (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gloss_annotate_all_dialog_get_label (dialog), ==, "GPE");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_iterate ();
  g_assert_null (dialog);

  /* Escape closes it, with the keyboard in its search text (where
   * GtkSearchEntry takes Escape for itself). */
  gloss_test_select_text (window, "council");
  dialog = _gloss_window_annotate_all (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gloss_test_iterate ();
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (dialog))));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Escape, 0));
  gloss_test_iterate ();
  g_assert_null (dialog);
  g_assert_null (gloss_article_view_get_preview (window->article_view, NULL));

  gloss_test_destroy_window (window);
}

/* A match found off screen comes with the text around it: a third of the
 * way down, not at the edge. */
static void
test_find_placement (void)
{
  g_autoptr(GString) text = g_string_new ("Long article\n\n");
  GlossWindow *window;
  GlossArticleView *view;
  GdkRectangle visible, location;
  GtkTextIter iter;
  guint start = 0, end = 0;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Paragraph %u says little of note, and goes on for a while.\n\n", i);
  g_string_append (text, "The needle is here.\n\n");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Afterword %u.\n\n", i);

  window = gloss_test_open_text (app, "long.txt", text->str);
  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  gloss_article_view_select_range (view, 0, 0);
  gloss_test_wait_ms (300);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-in-article", NULL);
  gtk_editable_set_text (GTK_EDITABLE (window->find_entry), "needle");
  g_signal_emit_by_name (window->find_entry, "search-changed");
  gloss_test_wait_ms (600);
  g_assert_cmpstr (gtk_label_get_text (window->find_count), ==, "1 of 1");
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));

  gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter, NULL);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
  if (location.y < visible.y + visible.height / 5 || location.y > visible.y + visible.height / 2)
    g_error ("The match is at %d in a view from %d to %d", location.y, visible.y, visible.y + visible.height);

  gloss_test_destroy_window (window);
}

static void
test_find_and_navigate (void)
{
  GlossWindow *window = gloss_test_open_text (app, "find.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  GlossAnnotation *first, *claim_a, *claim_b;
  guint start = 0, end = 0;

  /* Find: Ctrl+F, type, the match is selected; tag it directly. */
  gloss_article_view_select_range (view, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-in-article", NULL);
  gtk_editable_set_text (GTK_EDITABLE (window->find_entry), "ana ruiz");
  g_signal_emit_by_name (window->find_entry, "search-changed");
  gloss_test_iterate ();
  g_assert_cmpstr (gtk_label_get_text (window->find_count), ==, "1 of 2");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_cmpstr (gtk_label_get_text (window->find_count), ==, "2 of 2");
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, gloss_test_offset_of (document, "Ana Ruiz also"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "PERSON");
  g_assert_cmpuint (gloss_annotation_store_count_label (gloss_document_get_annotations (document), "PERSON"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_cmpstr (gtk_label_get_text (window->find_count), ==, "1 of 2");

  /* Accents typed or not, as in a browser: "RUÍZ" finds "Ruiz". */
  gtk_editable_set_text (GTK_EDITABLE (window->find_entry), "ANA RUÍZ");
  g_signal_emit_by_name (window->find_entry, "search-changed");
  gloss_test_iterate ();
  g_assert_cmpstr (gtk_label_get_text (window->find_count), ==, "1 of 2");

  /* Navigation by label and to the next unchecked claim. */
  first = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_test_tag (window, "Yuki Tanaka", "PERSON");
  claim_a = gloss_test_tag (window, "the council had saved €4 million", "Claim");
  claim_b = gloss_test_tag (window, "the barrier “will protect 640 homes”", "Claim");
  gloss_document_set_attribute (document, claim_a, GLOSS_ATTR_VERDICT, g_variant_new_string ("false"));

  gloss_sidebar_select_annotation (sidebar, first);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-same-label", NULL);
  g_assert_cmpuint (gloss_annotation_get_start (gloss_sidebar_get_selected_annotation (sidebar)), ==,
                    gloss_test_offset_of (document, "Ana Ruiz also"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-same-label", NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (gloss_sidebar_get_selected_annotation (sidebar)), ==, "Yuki Tanaka");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-same-label", NULL);   /* wraps */
  g_assert_cmpstr (gloss_annotation_get_quote (gloss_sidebar_get_selected_annotation (sidebar)), ==, "Mayor Ana Ruiz");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-same-label", NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (gloss_sidebar_get_selected_annotation (sidebar)), ==, "Yuki Tanaka");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-unchecked-claim", NULL);
  g_assert_cmpstr (gloss_annotation_get_id (gloss_sidebar_get_selected_annotation (sidebar)), ==,
                   gloss_annotation_get_id (claim_b));

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

static void
test_labels_and_statistics (void)
{
  GlossWindow *window = gloss_test_open_text (app, "labels.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GList *toplevels;
  guint before = g_list_model_get_n_items (gtk_window_get_toplevels ());

  gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_test_tag (window, "the council had saved €4 million", "Claim");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-labels", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
  gloss_test_wait_ms (100);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, before + 2);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      const char *title = gtk_window_get_title (l->data);

      if (g_strcmp0 (title, "Labels") == 0)
        {
          g_autoptr(GFile) team = gloss_test_write_temp ("team-ids.json",
            "{\"format\":\"gloss-gazetteer\",\"version\":1,\"entries\":["
            "{\"surface\":\"Harwick\",\"label\":\"GPE\",\"kb_id\":\"Q99999\"}]}", -1);
          g_autoptr(GFile) broken = gloss_test_write_temp ("broken-ids.json", "{\"format\":", -1);
          g_autoptr(GError) error = NULL;

          /* Identifiers shared by a colleague become the user's own. */
          g_assert_cmpuint (gloss_label_editor_import_identifiers (l->data, team, &error), ==, 1);
          g_assert_no_error (error);
          g_assert_nonnull (gloss_gazetteer_lookup (gloss_application_get_gazetteer (app), "harwick", "GPE"));
          g_assert_cmpuint (gloss_label_editor_import_identifiers (l->data, broken, &error), ==, 0);
          g_assert_nonnull (error);

          /* "Use as Default": the set is written atomically and named in
           * the settings, for new documents. */
          {
            g_autoptr(GFile) file = gloss_label_editor_get_default_file ();
            g_autofree char *path = NULL;
            g_autofree char *contents = NULL;

            g_assert_true (gtk_widget_activate_action (l->data, "labels.make-default", NULL));
            path = g_settings_get_string (gloss_application_get_settings (app), "default-label-set");
            g_assert_cmpstr (path, ==, g_file_peek_path (file));
            g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
            g_assert_nonnull (strstr (contents, "\"gloss-labels\""));
          }

          gloss_test_save_screenshot (l->data, "label-editor");
        }
      else if (g_strcmp0 (title, "Statistics") == 0)
        gloss_test_save_screenshot (l->data, "statistics");
    }
  g_list_free (toplevels);

  /* A new article starts from the default set: rename a label, make the
   * set the default, open another article. */
  {
    g_autoptr(GlossLabel) renamed = gloss_label_copy (gloss_label_set_lookup (gloss_document_get_labels (document), "PERSON"));
    g_autoptr(GFile) file = gloss_label_editor_get_default_file ();
    g_autofree char *json = NULL;
    GlossWindow *next;

    gloss_label_set_name (renamed, "PER");
    g_assert_true (gloss_document_replace_label (document, "PERSON", renamed, NULL));
    json = gloss_label_set_to_json (gloss_document_get_labels (document));
    g_assert_true (g_file_set_contents (g_file_peek_path (file), json, -1, NULL));

    next = gloss_test_open_text (app, "next.txt", ARTICLE);
    g_assert_nonnull (gloss_label_set_lookup (gloss_document_get_labels (gloss_window_get_document (next)), "PER"));
    g_assert_null (gloss_label_set_lookup (gloss_document_get_labels (gloss_window_get_document (next)), "PERSON"));
    gloss_test_destroy_window (next);
    g_settings_set_string (gloss_application_get_settings (app), "default-label-set", "");
  }

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

/* Tagging a selection that caught spaces tags the words only. */
static void
test_trim_selection (void)
{
  GlossWindow *window = gloss_test_open_text (app, "trim.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  guint start = gloss_test_offset_of (document, "Mayor Ana Ruiz");
  GlossAnnotation *a;

  gloss_article_view_select_range (view, start - 1, start + 15);   /* " Mayor Ana Ruiz " */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "PERSON");
  a = gloss_annotation_store_get (gloss_document_get_annotations (document), 0);
  g_assert_nonnull (a);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Mayor Ana Ruiz");

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

static gboolean
is_annotation_list (GtkWidget     *widget,
                    gconstpointer  data)
{
  GListModel *model;
  g_autoptr(GObject) first = NULL;

  if (!GTK_IS_LIST_VIEW (widget))
    return FALSE;
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
  first = model != NULL ? g_list_model_get_item (model, 0) : NULL;

  return GLOSS_IS_ANNOTATION_ITEM (first);
}

/* The list view whose items are annotations. */
static GtkListView *
find_annotation_list (GtkWidget *widget)
{
  return (GtkListView *) gloss_test_find_widget (widget, is_annotation_list, NULL);
}

static void
count_null_cb (GlossSidebar *sidebar,
               GParamSpec   *pspec,
               guint        *n_null)
{
  if (gloss_sidebar_get_selected_annotation (sidebar) == NULL)
    (*n_null)++;
}

/* An edit of the selected annotation keeps it selected throughout (the
 * detail pane is not emptied and refilled); deselecting in the list still
 * empties it. */
static void
test_selection_follows_edits (void)
{
  GlossWindow *window = gloss_test_open_text (app, "follow.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkListView *list;
  GlossAnnotation *person;
  guint n_null = 0;

  person = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_sidebar_select_annotation (sidebar, person);
  gloss_test_iterate ();
  g_signal_connect (sidebar, "notify::selected-annotation", G_CALLBACK (count_null_cb), &n_null);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "ORG");
  gloss_test_iterate ();
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sidebar_get_selected_annotation (sidebar)), ==, "ORG");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gloss_test_iterate ();
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sidebar_get_selected_annotation (sidebar)), ==, "PERSON");
  g_assert_cmpuint (n_null, ==, 0);

  /* As a Ctrl+click in the list does. */
  list = find_annotation_list (GTK_WIDGET (sidebar));
  g_assert_nonnull (list);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)),
                                     GTK_INVALID_LIST_POSITION);
  gloss_test_iterate ();
  g_assert_null (gloss_sidebar_get_selected_annotation (sidebar));
  g_assert_cmpuint (n_null, ==, 1);

  g_signal_handlers_disconnect_by_func (sidebar, count_null_cb, &n_null);
  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* An edit that leaves an annotation in its place updates its row where it
 * is: no row is replaced (on a long article, replacing one restyled and
 * measured every row the list keeps). A filter still sees such edits. */
static void
test_list_edits_in_place (void)
{
  GlossWindow *window = gloss_test_open_text (app, "in-place.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GListModel *list = gloss_sidebar_get_model (sidebar);
  GlossAnnotation *person, *edited;
  GlossAnnotationRow *row;
  guint n_changes = 0;

  person = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_test_tag (window, "Yuki Tanaka", "PERSON");
  gloss_test_iterate ();
  row = find_annotation_row (GTK_WIDGET (sidebar), gloss_annotation_get_id (person));
  g_assert_nonnull (row);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &n_changes);

  edited = gloss_document_relabel (document, gloss_test_current (window, person), "GPE", NULL);
  g_assert_nonnull (edited);
  gloss_test_iterate ();
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_true (find_annotation_row (GTK_WIDGET (sidebar), gloss_annotation_get_id (person)) == row);
  g_assert_true (gloss_annotation_row_get_annotation (row) == edited);

  /* Searching "gpe" shows it alone; undoing the relabel hides it. */
  gloss_sidebar_set_search_text (sidebar, "gpe");
  gloss_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (gloss_document_undo (document));
  gloss_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  gloss_sidebar_set_search_text (sidebar, NULL);
  gloss_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_signal_handlers_disconnect_by_func (list, count_items_changed_cb, &n_changes);
  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = gloss_test_app_new (&argc, &argv);

  g_test_add_func ("/gloss/claims/link", test_link);
  g_test_add_func ("/gloss/claims/fields", test_fields);
  g_test_add_func ("/gloss/claims/annotate-all", test_annotate_all);
  g_test_add_func ("/gloss/claims/fields-follow-changes", test_fields_follow_changes);
  g_test_add_func ("/gloss/claims/links-placeholder", test_links_placeholder);
  g_test_add_func ("/gloss/claims/links-plain-text", test_links_plain_text);
  g_test_add_func ("/gloss/claims/find-navigate", test_find_and_navigate);
  g_test_add_func ("/gloss/claims/find-placement", test_find_placement);
  g_test_add_func ("/gloss/claims/selection-follows-edits", test_selection_follows_edits);
  g_test_add_func ("/gloss/claims/list-edits-in-place", test_list_edits_in_place);
  g_test_add_func ("/gloss/claims/labels-statistics", test_labels_and_statistics);
  g_test_add_func ("/gloss/claims/trim-selection", test_trim_selection);

  return g_test_run ();
}
