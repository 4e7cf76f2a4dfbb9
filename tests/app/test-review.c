/* test-review.c: reviewing a colleague's file in the window, end to end
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <dlfcn.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gloss-agreement-view.h"
#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-decision.h"
#include "gloss-format.h"
#include "gloss-review-panel.h"
#include "gloss-sidebar.h"
#include "gloss-test-utils.h"
#include "gloss-window.h"
#include "gloss-window-review.h"

static GlossApplication *app;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "review", name, NULL);
}

/* A copy in the temporary directory, so that a test could never write the
 * fixtures; returns the copy. */
static GFile *
copy_fixture (const char *name,
              const char *as)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *contents = NULL;
  g_autofree char *target = g_build_filename (gloss_test_get_tmpdir (), as, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (target);
}

static GlossDocument *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_format_read_file (file, GLOSS_LOAD_FLAGS_NONE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
write_file (GlossDocument *document,
            GFile         *file)
{
  g_autoptr(GBytes) bytes = gloss_format_write (document);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
file_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
annotate (GlossDocument *document,
          const char    *label,
          guint          start,
          guint          end,
          const char    *verdict)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *a = gloss_document_annotate (document, label, start, end, &error);

  g_assert_no_error (error);
  if (verdict != NULL)
    gloss_document_set_attribute (document, a, "verdict", g_variant_new_string (verdict));
}

/* Mine: a.gloss.json (ORG[0,9), CLAIM[15,37) verdict false, PER[39,47))
 * plus LOC[33,37) "2023". Theirs, on the same text:
 *   ORG[0,4)              boundary differs with my ORG
 *   CLAIM[15,37) true     agree, but the verdict differs (a conflict)
 *   LOC[33,37)            agree
 *   LOC[39,47)            label differs with my PER
 *   LOC[63,69) "figure"   only theirs */
static void
make_pair (GFile **mine_file,
           GFile **theirs_file)
{
  g_autoptr(GlossDocument) mine = NULL;
  g_autoptr(GlossDocument) theirs = NULL;
  GlossAnnotationStore *store;

  *mine_file = copy_fixture ("a.gloss.json", "mine.gloss.json");
  mine = read_file (*mine_file);
  gloss_document_set_author (mine, "ana");
  annotate (mine, "LOC", 33, 37, NULL);
  write_file (mine, *mine_file);

  *theirs_file = copy_fixture ("a.gloss.json", "theirs.gloss.json");
  theirs = read_file (*theirs_file);
  store = gloss_document_get_annotations (theirs);
  while (gloss_annotation_store_get_n_items (store) > 0)
    gloss_document_remove_annotation (theirs, gloss_annotation_store_get (store, 0));
  gloss_document_set_author (theirs, "ben");
  annotate (theirs, "ORG", 0, 4, NULL);
  annotate (theirs, "CLAIM", 15, 37, "true");
  annotate (theirs, "LOC", 33, 37, NULL);
  annotate (theirs, "LOC", 39, 47, NULL);
  annotate (theirs, "LOC", 63, 69, NULL);
  write_file (theirs, *theirs_file);
}

/* The text of every visible label under @widget, one per line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
widget_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

/* Keys ---------------------------------------------------------------------- */

#ifdef GDK_WINDOWING_X11
/* Real key presses through XTEST (Xvfb has it), loaded at run time, so
 * that the window's own shortcuts are what is tested. */
typedef struct
{
  Display      *display;
  int         (*fake_key) (Display *, unsigned int, int, unsigned long);
  int         (*fake_motion) (Display *, int, int, int, unsigned long);
  unsigned char (*keycode) (Display *, unsigned long);
  int         (*flush) (Display *);
} Keyboard;

static Keyboard keyboard;
static gboolean have_keyboard;

static void
keyboard_init (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  void *xtst;

  if (!GDK_IS_X11_DISPLAY (display))
    return;
  xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);
  if (xtst == NULL)
    return;

  keyboard.display = gdk_x11_display_get_xdisplay (display);
  keyboard.fake_key = (gpointer) dlsym (xtst, "XTestFakeKeyEvent");
  keyboard.fake_motion = (gpointer) dlsym (xtst, "XTestFakeMotionEvent");
  keyboard.keycode = (gpointer) dlsym (RTLD_DEFAULT, "XKeysymToKeycode");
  keyboard.flush = (gpointer) dlsym (RTLD_DEFAULT, "XFlush");
  have_keyboard = keyboard.fake_key != NULL && keyboard.fake_motion != NULL &&
                  keyboard.keycode != NULL && keyboard.flush != NULL;
}
#endif

/* Presses @keyval with @mods in @window, as a user does. Without XTEST,
 * activates @action instead (the same action the shortcut names). */
static void
press (GlossWindow     *window,
       guint            keyval,
       GdkModifierType  mods,
       const char      *action)
{
#ifdef GDK_WINDOWING_X11
  if (have_keyboard)
    {
      unsigned int code = keyboard.keycode (keyboard.display, keyval);
      unsigned int alt = keyboard.keycode (keyboard.display, GDK_KEY_Alt_L);
      unsigned int ctrl = keyboard.keycode (keyboard.display, GDK_KEY_Control_L);

      g_assert_cmpuint (code, !=, 0);
      /* No window manager: the keyboard follows the pointer. */
      keyboard.fake_motion (keyboard.display, -1, 600, 400, 0);
      if (mods & GDK_ALT_MASK)
        keyboard.fake_key (keyboard.display, alt, True, 0);
      if (mods & GDK_CONTROL_MASK)
        keyboard.fake_key (keyboard.display, ctrl, True, 0);
      keyboard.fake_key (keyboard.display, code, True, 0);
      keyboard.fake_key (keyboard.display, code, False, 0);
      if (mods & GDK_CONTROL_MASK)
        keyboard.fake_key (keyboard.display, ctrl, False, 0);
      if (mods & GDK_ALT_MASK)
        keyboard.fake_key (keyboard.display, alt, False, 0);
      keyboard.flush (keyboard.display);
      gloss_test_wait_ms (120);
      gloss_test_iterate ();
      return;
    }
#endif

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  gloss_test_iterate ();
}

static GlossDifference *
current_difference (GlossReviewPanel *panel)
{
  GObject *item = gloss_review_panel_get_current (panel);

  g_assert_true (GLOSS_IS_DIFFERENCE (item));
  return GLOSS_DIFFERENCE (item);
}

static double
shown_f1 (GlossReviewPanel *panel)
{
  GlossAgreement *agreement = gloss_agreement_view_get_agreement (gloss_review_panel_get_agreement_view (panel));

  g_assert_nonnull (agreement);
  return gloss_agreement_get (agreement, NULL, GLOSS_AGREEMENT_F1_STRICT);
}

/* Tests --------------------------------------------------------------------- */

static void
test_merge (void)
{
  g_autoptr(GFile) mine_file = NULL;
  g_autoptr(GFile) theirs_file = NULL;
  g_autoptr(GFile) merged_file = NULL;
  g_autoptr(GlossDocument) merged_back = NULL;
  g_autofree char *mine_before = NULL;
  g_autofree char *theirs_before = NULL;
  g_autofree char *mine_after = NULL;
  g_autofree char *theirs_after = NULL;
  g_autofree char *merged_path = NULL;
  g_autofree char *text = NULL;
  GlossWindow *window;
  GlossReviewPanel *panel;
  GlossMergeSession *session;
  GlossComparison *comparison;
  GlossDocument *merged;
  GlossArticleView *view;
  GListModel *rows;
  GPtrArray *log;
  GtkWidget *entry;
  GlossDecision *decision;
  AdwStyleManager *style = adw_style_manager_get_default ();

  make_pair (&mine_file, &theirs_file);
  mine_before = file_contents (mine_file);
  theirs_before = file_contents (theirs_file);

  window = gloss_test_new_window_sized (app, 1200, 720);
  gloss_window_open_file (window, mine_file);
  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_window_get_document (window));

  g_assert_false (gloss_window_get_reviewing (window));
  /* Outside a review, Alt+↓ still moves between annotations. */
  {
    GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));

    gtk_widget_grab_focus (gloss_window_get_article_view (window));
    g_assert_null (gloss_sidebar_get_selected_annotation (sidebar));
    press (window, GDK_KEY_Down, GDK_ALT_MASK, "win.next-annotation");
    g_assert_nonnull (gloss_sidebar_get_selected_annotation (sidebar));
    gloss_sidebar_select_annotation (sidebar, NULL);
  }

  gloss_window_review_file (window, theirs_file);
  gloss_test_wait_idle (window);
  g_assert_true (gloss_window_get_reviewing (window));
  session = gloss_window_get_review_session (window);
  g_assert_nonnull (session);
  panel = GLOSS_REVIEW_PANEL (gloss_window_get_review_panel (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  merged = gloss_merge_session_get_merged (session);
  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  /* The article shows the merged document with theirs as a second layer. */
  g_assert_true (gloss_article_view_get_document (view) == merged);
  g_assert_true (gloss_article_view_get_secondary_document (view) == gloss_window_get_review_theirs (window));

  comparison = gloss_merge_session_get_comparison (session);
  g_assert_cmpuint (gloss_comparison_get_count (comparison, GLOSS_DIFFERENCE_AGREE), ==, 2);
  g_assert_cmpuint (gloss_comparison_get_count (comparison, GLOSS_DIFFERENCE_LABEL_DIFFERS), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (comparison, GLOSS_DIFFERENCE_BOUNDARY_DIFFERS), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_count (comparison, GLOSS_DIFFERENCE_ONLY_THEIRS), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_n_conflicts (comparison), ==, 4);

  /* Tagging is off during a merge: neither my document nor the merge changes. */
  gloss_article_view_select_range (view, 24, 27);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "ORG");
  gloss_test_iterate ();
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (gloss_window_get_document (window))), ==, 4);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (merged)), ==, 4);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  gloss_article_view_select_range (view, 0, 0);

  /* Grouped by category; the plain agreement is hidden until asked for. */
  rows = gloss_review_panel_get_model (panel);
  g_assert_true (gloss_review_panel_get_hide_agreements (panel));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  gloss_review_panel_set_hide_agreements (panel, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  gloss_review_panel_set_hide_agreements (panel, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  {
    GlossDifferenceCategory expected[] = {
      GLOSS_DIFFERENCE_AGREE, GLOSS_DIFFERENCE_LABEL_DIFFERS,
      GLOSS_DIFFERENCE_BOUNDARY_DIFFERS, GLOSS_DIFFERENCE_ONLY_THEIRS,
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(GlossDifference) d = g_list_model_get_item (rows, i);

        g_assert_cmpint (gloss_difference_get_category (d), ==, expected[i]);
      }
  }

  /* The first undecided difference is current: the claim whose verdict differs. */
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_AGREE);
  g_assert_true (gloss_difference_has_attribute_difference (current_difference (panel), "verdict"));
  text = widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Label differs · 1"));
  /* Only the agreement whose fields differ shows, and its heading says so. */
  g_assert_nonnull (strstr (text, "Agree, but fields differ · 1 of 2"));
  g_assert_nonnull (strstr (text, "Verdict: false (mine) · true (theirs)"));
  g_assert_nonnull (strstr (text, "4 of 4 differences to decide"));
  g_clear_pointer (&text, g_free);

  /* Agreement of the merged result (= mine for now) against theirs, strict:
   * C = 2 (CLAIM, LOC "2023"), Pa = 1 (ORG), M = 1 (my PER, label differs),
   * S = 2 (their LOC "Jane Doe" and LOC "figure").
   * P = 2/(2+2+1) = 0.4, R = 2/(2+1+1) = 0.5, F1 = 2·0.4·0.5/0.9 = 0.4444 */
  g_assert_cmpfloat_with_epsilon (shown_f1 (panel), 0.8 / 1.8, 1e-9);

  /* A click on my PER in the text selects its difference; back to the first. */
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();
    GObject *first = gloss_review_panel_get_current (panel);

    gloss_annotation_store_query (gloss_document_get_annotations (merged), 39, 47, found);
    g_assert_cmpuint (found->len, ==, 1);
    g_signal_emit_by_name (view, "annotation-activated", g_ptr_array_index (found, 0));
    g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_LABEL_DIFFERS);
    gloss_review_panel_set_current (panel, first);
  }

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gloss_test_wait_ms (400);
  gloss_test_save_screenshot (GTK_WIDGET (window), "review-start");

  /* Ctrl+S asks where to save the merged file (never my own file). */
  press (window, GDK_KEY_s, GDK_CONTROL_MASK, "win.review-save");
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *chooser = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
          chooser = toplevel;
      }
    g_assert_nonnull (chooser);
    g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Save Merged File As");
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    G_GNUC_END_IGNORE_DEPRECATIONS
    gloss_test_wait_ms (100);
  }
  g_assert_true (gloss_window_get_reviewing (window));
  gtk_widget_grab_focus (GTK_WIDGET (view));

  /* Alt+A: accept theirs (their claim, verdict "true"); the next
   * undecided one becomes current. */
  press (window, GDK_KEY_a, GDK_ALT_MASK, "win.review-accept");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (session)), ==, 1);
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (session), ==, 3);
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_LABEL_DIFFERS);
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();

    gloss_annotation_store_query (gloss_document_get_annotations (merged), 15, 37, found);
    for (guint i = 0; i < found->len; i++)
      if (g_str_equal (gloss_annotation_get_label (g_ptr_array_index (found, i)), "CLAIM"))
        g_assert_cmpstr (gloss_annotation_get_attribute_string (g_ptr_array_index (found, i), "verdict"), ==, "true");
  }

  /* Alt+C opens the comment; Alt+M keeps mine with it. */
  press (window, GDK_KEY_c, GDK_ALT_MASK, "win.review-comment");
  entry = gloss_test_find_descendant (GTK_WIDGET (panel), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Jane Doe is a person");
  press (window, GDK_KEY_m, GDK_ALT_MASK, "win.review-keep");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (session)), ==, 2);
  decision = g_list_model_get_item (gloss_merge_session_get_log (session), 1);
  g_assert_cmpint (gloss_decision_get_kind (decision), ==, GLOSS_DECISION_KEEP_MINE);
  g_assert_cmpstr (gloss_decision_get_comment (decision), ==, "Jane Doe is a person");
  g_assert_cmpstr (gloss_decision_get_reviewer (decision), ==, "Test Annotator");
  g_object_unref (decision);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Alt+B: take both ORGs; the agreement changes at once. */
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_BOUNDARY_DIFFERS);
  press (window, GDK_KEY_b, GDK_ALT_MASK, "win.review-both");
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (session), ==, 1);
  /* Now C = 3 (ORG[0,4) too), Pa = 0 (my ORG[0,9) is unmatched: M), M = 2, S = 2:
   * P = 3/5 = 0.6, R = 3/5 = 0.6, F1 = 0.6 */
  g_assert_cmpfloat_with_epsilon (shown_f1 (panel), 0.6, 1e-9);

  /* Ctrl+Z undoes the last decision, through the session. */
  press (window, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo");
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (session), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_merge_session_get_log (session)), ==, 2);
  g_assert_cmpfloat_with_epsilon (shown_f1 (panel), 0.8 / 1.8, 1e-9);
  /* …and did not touch my document. */
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));

  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "Undone: Take both");
  /* The undone difference is current again; Alt+↓ Alt+↑ come back to it;
   * Alt+R rejects both ORGs. */
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_BOUNDARY_DIFFERS);
  g_assert_null (gloss_difference_get_decision (current_difference (panel)));
  press (window, GDK_KEY_Down, GDK_ALT_MASK, "win.review-next");
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_ONLY_THEIRS);
  press (window, GDK_KEY_Up, GDK_ALT_MASK, "win.review-previous");
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_BOUNDARY_DIFFERS);
  press (window, GDK_KEY_r, GDK_ALT_MASK, "win.review-reject");
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_ONLY_THEIRS);
  press (window, GDK_KEY_Up, GDK_ALT_MASK, "win.review-previous");
  press (window, GDK_KEY_Down, GDK_ALT_MASK, "win.review-next");
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_ONLY_THEIRS);

  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (window), "review-triage");

  /* Alt+A on "only theirs" takes their LOC "figure". */
  press (window, GDK_KEY_a, GDK_ALT_MASK, "win.review-accept");
  g_assert_cmpuint (gloss_merge_session_get_n_undecided (session), ==, 0);
  /* Merged: CLAIM, LOC "2023", PER, LOC "figure" against theirs' five:
   * C = 3 (CLAIM, both LOCs), Pa = 0, M = 1 (PER), S = 2 (ORG, LOC "Jane Doe"):
   * P = 3/5 = 0.6, R = 3/4 = 0.75, F1 = 2·0.6·0.75/1.35 = 0.6667 */
  g_assert_cmpfloat_with_epsilon (shown_f1 (panel), 0.9 / 1.35, 1e-9);
  text = widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "All 4 differences decided"));
  g_assert_nonnull (strstr (text, "✓ Keep mine — Jane Doe is a person"));
  g_clear_pointer (&text, g_free);

  /* The agreement tab: overall and per label, "undefined" shown as such. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-agreement", NULL);
  gloss_test_wait_ms (400);
  text = widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Overall"));
  g_assert_nonnull (strstr (text, "0.667"));
  g_assert_nonnull (strstr (text, "undefined"));
  g_clear_pointer (&text, g_free);
  gloss_test_save_screenshot (GTK_WIDGET (window), "review-agreement");
  {
    g_autofree char *csv_path = g_build_filename (gloss_test_get_tmpdir (), "agreement.csv", NULL);
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_agreement_view_export (gloss_review_panel_get_agreement_view (panel), csv, FALSE, &error));
    g_assert_no_error (error);
    contents = file_contents (csv);
    g_assert_nonnull (strstr (contents, "(overall)"));
    g_assert_nonnull (strstr (contents, "undefined"));
  }
  /* Your original file against theirs does not move with the decisions. */
  gloss_agreement_view_set_show_merged (gloss_review_panel_get_agreement_view (panel), FALSE);
  g_assert_cmpfloat_with_epsilon (shown_f1 (panel), 0.8 / 1.8, 1e-9);
  gloss_agreement_view_set_show_merged (gloss_review_panel_get_agreement_view (panel), TRUE);
  g_assert_cmpfloat_with_epsilon (shown_f1 (panel), 0.9 / 1.35, 1e-9);
  gloss_review_panel_show_agreement (panel, FALSE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_test_wait_ms (500);
  gloss_test_save_screenshot (GTK_WIDGET (window), "review-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Their file can never be the target; the merged file is saved with its log. */
  gloss_window_save_review_to_file (window, theirs_file);
  gloss_test_iterate ();
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "never writes"));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          gtk_window_destroy (toplevel);
      }
  }

  merged_path = g_build_filename (gloss_test_get_tmpdir (), "merged.gloss.json", NULL);
  merged_file = g_file_new_for_path (merged_path);
  gloss_window_save_review_to_file (window, merged_file);
  gloss_test_wait_idle (window);
  merged_back = read_file (merged_file);
  log = gloss_review_log_get (merged_back);
  g_assert_nonnull (log);
  g_assert_cmpuint (log->len, ==, 4);
  g_assert_cmpint (gloss_decision_get_kind (g_ptr_array_index (log, 0)), ==, GLOSS_DECISION_ACCEPT_THEIRS);
  g_assert_cmpint (gloss_decision_get_kind (g_ptr_array_index (log, 1)), ==, GLOSS_DECISION_KEEP_MINE);
  g_assert_cmpstr (gloss_decision_get_comment (g_ptr_array_index (log, 1)), ==, "Jane Doe is a person");
  g_assert_cmpint (gloss_decision_get_kind (g_ptr_array_index (log, 2)), ==, GLOSS_DECISION_REJECT);
  g_assert_cmpint (gloss_decision_get_kind (g_ptr_array_index (log, 3)), ==, GLOSS_DECISION_ACCEPT_THEIRS);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (merged_back)), ==, 4);

  /* Neither input was written. */
  mine_after = file_contents (mine_file);
  theirs_after = file_contents (theirs_file);
  g_assert_cmpstr (mine_after, ==, mine_before);
  g_assert_cmpstr (theirs_after, ==, theirs_before);

  /* Saved: Finish leaves at once and shows my document again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-finish", NULL));
  gloss_test_iterate ();
  g_assert_false (gloss_window_get_reviewing (window));
  g_assert_true (gloss_article_view_get_document (view) == gloss_window_get_document (window));
  g_assert_null (gloss_article_view_get_secondary_document (view));

  gloss_test_destroy_window (window);
}

static void
test_undo_keep_mine (void)
{
  g_autoptr(GFile) mine_file = NULL;
  g_autoptr(GFile) theirs_file = NULL;
  GlossWindow *window;
  GlossMergeSession *session;
  GlossReviewPanel *panel;
  GlossDifference *first;

  make_pair (&mine_file, &theirs_file);
  window = gloss_test_new_window_sized (app, 1200, 720);
  gloss_window_open_file (window, mine_file);
  gloss_test_wait_idle (window);
  gloss_window_review_file (window, theirs_file);
  gloss_test_wait_idle (window);
  session = gloss_window_get_review_session (window);
  panel = GLOSS_REVIEW_PANEL (gloss_window_get_review_panel (window));

  /* "Keep mine" changes no document: only the session can undo it. */
  first = current_difference (panel);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-keep", NULL));
  g_assert_nonnull (gloss_difference_get_decision (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (gloss_difference_get_decision (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_nonnull (gloss_difference_get_decision (first));

  /* Deciding twice is refused with a message, not a crash. */
  gloss_review_panel_set_current (panel, G_OBJECT (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-accept", NULL));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "Already decided"));

  /* Edit: start from theirs, relabel, confirm. */
  gloss_review_panel_select_next_undecided (panel);
  g_assert_cmpint (gloss_difference_get_category (current_difference (panel)), ==, GLOSS_DIFFERENCE_LABEL_DIFFERS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-edit", NULL));
  g_assert_true (gloss_review_panel_is_editing (panel));
  gloss_review_panel_set_edit_label (panel, "PER");
  gloss_article_view_select_range (GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window)), 39, 43);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-edit-use-selection", NULL));
  gloss_test_wait_ms (400);
  gloss_test_save_screenshot (GTK_WIDGET (window), "review-edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-edit-confirm", NULL));
  g_assert_false (gloss_review_panel_is_editing (panel));
  {
    g_autoptr(GlossDecision) decision = g_list_model_get_item (gloss_merge_session_get_log (session), 1);
    const char * const *ids = gloss_decision_get_result_ids (decision);
    GlossAnnotation *edited;

    g_assert_cmpint (gloss_decision_get_kind (decision), ==, GLOSS_DECISION_EDIT);
    g_assert_nonnull (ids);
    edited = gloss_annotation_store_lookup (gloss_document_get_annotations (gloss_merge_session_get_merged (session)), ids[0]);
    g_assert_nonnull (edited);
    g_assert_cmpstr (gloss_annotation_get_label (edited), ==, "PER");
    g_assert_cmpstr (gloss_annotation_get_quote (edited), ==, "Jane");
  }

  /* Unsaved decisions: Finish asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-finish", NULL));
  gloss_test_iterate ();
  g_assert_true (gloss_window_get_reviewing (window));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "not saved"));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "discard");
    gtk_window_destroy (GTK_WINDOW (dialog));
    gloss_test_iterate ();
  }
  g_assert_false (gloss_window_get_reviewing (window));

  gloss_test_destroy_window (window);
}

static void
test_moved_and_orphaned (void)
{
  g_autoptr(GFile) mine_file = copy_fixture ("a.gloss.json", "mine-a.gloss.json");
  g_autoptr(GFile) longer_file = copy_fixture ("b-longer.gloss.json", "longer.gloss.json");
  g_autoptr(GFile) edited_file = copy_fixture ("b-edited.gloss.json", "edited.gloss.json");
  g_autofree char *text = NULL;
  GlossWindow *window = gloss_test_new_window_sized (app, 1200, 720);
  GtkWidget *panel;
  GlossDocument *theirs;

  gloss_window_open_file (window, mine_file);
  gloss_test_wait_idle (window);

  /* Their text has one more sentence: "The CEO" cannot be placed. */
  gloss_window_review_file (window, longer_file);
  gloss_test_wait_idle (window);
  g_assert_true (gloss_window_get_reviewing (window));
  panel = gloss_window_get_review_panel (window);
  text = widget_text (panel);
  g_assert_nonnull (strstr (text, "Their text differs from yours"));
  g_assert_nonnull (strstr (text, "placed on your text: 1 unchanged, 0 moved, 1 not placed"));
  g_assert_nonnull (strstr (text, "Not placed on your text (1)"));
  g_assert_nonnull (strstr (text, "“The CEO”"));
  g_clear_pointer (&text, g_free);
  theirs = gloss_window_get_review_theirs (window);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (theirs)), ==, 1);
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (window), "review-orphan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-finish", NULL));
  gloss_test_iterate ();

  /* An edited text: every annotation moved, none lost. */
  gloss_window_review_file (window, edited_file);
  gloss_test_wait_idle (window);
  text = widget_text (panel);
  g_assert_nonnull (strstr (text, "placed on your text: 0 unchanged, 4 moved, 0 not placed"));
  g_assert_null (strstr (text, "Not placed on your text"));
  theirs = gloss_window_get_review_theirs (window);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (theirs)), ==, 4);
  g_assert_cmpuint (gloss_document_get_length (theirs), ==,
                    gloss_document_get_length (gloss_window_get_document (window)));

  gloss_test_destroy_window (window);
}

static void
test_on_its_own (void)
{
  g_autoptr(GFile) theirs_file = copy_fixture ("b.gloss.json", "colleague.gloss.json");
  g_autoptr(GFile) copy_file = NULL;
  g_autoptr(GlossDocument) back = NULL;
  g_autofree char *before = file_contents (theirs_file);
  g_autofree char *after = NULL;
  g_autofree char *copy_path = g_build_filename (gloss_test_get_tmpdir (), "colleague-reviewed.gloss.json", NULL);
  GlossWindow *window = gloss_test_new_window_sized (app, 1200, 720);
  GlossReviewPanel *panel;
  GlossDocument *document;
  GlossAnnotationStore *store;
  GtkWidget *entry;

  gloss_window_review_file (window, theirs_file);
  gloss_test_wait_idle (window);
  g_assert_true (gloss_window_get_reviewing (window));
  g_assert_null (gloss_window_get_review_session (window));
  document = gloss_window_get_document (window);
  g_assert_nonnull (document);
  /* Their document, without their file: Save can only write elsewhere. */
  g_assert_null (gloss_window_get_file (window));
  panel = GLOSS_REVIEW_PANEL (gloss_window_get_review_panel (window));
  store = gloss_document_get_annotations (document);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_panel_get_model (panel)), ==, 4);
  g_assert_true (GLOSS_IS_ANNOTATION (gloss_review_panel_get_current (panel)));

  gtk_widget_grab_focus (gloss_window_get_article_view (window));
  press (window, GDK_KEY_a, GDK_ALT_MASK, "win.review-accept");
  g_assert_cmpint (gloss_review_get_status (gloss_annotation_store_get (store, 0)), ==, GLOSS_REVIEW_ACCEPTED);
  g_assert_cmpstr (gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_review_panel_get_current (panel))), ==,
                   gloss_annotation_get_id (gloss_annotation_store_get (store, 1)));

  entry = gloss_test_find_descendant (GTK_WIDGET (panel), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Is 12% the right figure?");
  press (window, GDK_KEY_d, GDK_ALT_MASK, "win.review-discuss");
  g_assert_cmpint (gloss_review_get_status (gloss_annotation_store_get (store, 1)), ==, GLOSS_REVIEW_NEEDS_DISCUSSION);
  g_assert_cmpstr (gloss_annotation_get_attribute_string (gloss_annotation_store_get (store, 1), "review_comment"), ==,
                   "Is 12% the right figure?");
  press (window, GDK_KEY_r, GDK_ALT_MASK, "win.review-reject");
  g_assert_cmpint (gloss_review_get_status (gloss_annotation_store_get (store, 2)), ==, GLOSS_REVIEW_REJECTED);

  /* Undo is the document's own here. */
  press (window, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo");
  g_assert_cmpint (gloss_review_get_status (gloss_annotation_store_get (store, 2)), ==, GLOSS_REVIEW_NONE);

  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (window), "review-alone");

  copy_file = g_file_new_for_path (copy_path);
  gloss_window_save_review_to_file (window, copy_file);
  gloss_test_wait_idle (window);
  back = read_file (copy_file);
  store = gloss_document_get_annotations (back);
  g_assert_cmpint (gloss_review_get_status (gloss_annotation_store_get (store, 0)), ==, GLOSS_REVIEW_ACCEPTED);
  g_assert_cmpint (gloss_review_get_status (gloss_annotation_store_get (store, 1)), ==, GLOSS_REVIEW_NEEDS_DISCUSSION);
  g_assert_cmpstr (gloss_annotation_get_attribute_string (gloss_annotation_store_get (store, 0), "reviewer"), ==,
                   "Test Annotator");
  after = file_contents (theirs_file);
  g_assert_cmpstr (after, ==, before);

  gloss_test_destroy_window (window);
}

static void
test_close_unsaved (void)
{
  g_autoptr(GFile) mine_file = NULL;
  g_autoptr(GFile) theirs_file = NULL;
  g_autoptr(GFile) other = copy_fixture ("c.gloss.json", "other.gloss.json");
  GlossWindow *window;
  GtkWindow *weak;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_windows;
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GFile *files[1];
  gboolean accepted = FALSE;

  make_pair (&mine_file, &theirs_file);
  window = gloss_test_new_window_sized (app, 1200, 720);
  gloss_window_open_file (window, mine_file);
  gloss_test_wait_idle (window);
  gloss_window_review_file (window, theirs_file);
  gloss_test_wait_idle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-reject", NULL));

  /* A file dropped during a merge opens in a new window. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "gloss-review-drop") == 0)
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  n_windows = g_list_model_get_n_items (toplevels);
  files[0] = other;
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
  g_assert_true (gloss_window_get_reviewing (window));
  {
    g_autoptr(GtkWindow) opened = g_list_model_get_item (toplevels, 0);
    GtkWindow *newest = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GLOSS_IS_WINDOW (toplevel) && toplevel != GTK_WINDOW (window))
          newest = toplevel;
      }
    g_assert_nonnull (newest);
    gloss_test_wait_idle (GLOSS_WINDOW (newest));
    g_assert_nonnull (gloss_window_get_document (GLOSS_WINDOW (newest)));
    gloss_test_destroy_window (GLOSS_WINDOW (newest));
    (void) opened;
  }

  /* Closing with unsaved decisions asks; Cancel keeps the window. */
  weak = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  gloss_test_iterate ();
  g_assert_nonnull (weak);
  g_assert_nonnull (gloss_test_find_message_dialog (window));
  gloss_test_respond (window, "cancel");
  g_assert_nonnull (weak);
  g_assert_true (gloss_window_get_reviewing (window));

  gtk_window_close (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_respond (window, "discard");
  gloss_test_wait_ms (50);
  g_assert_null (weak);
}

static void
test_recoverable (void)
{
  g_autoptr(GFile) mine_file = copy_fixture ("a.gloss.json", "mine-rec.gloss.json");
  g_autofree char *path = fixture_path ("b.gloss.json");
  g_autofree char *contents = NULL;
  g_autofree char *broken_path = g_build_filename (gloss_test_get_tmpdir (), "wrong-quote.gloss.json", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *quote;
  GlossWindow *window = gloss_test_new_window_sized (app, 1200, 720);

  /* A quote that does not match the text is a recoverable problem. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  quote = strstr (contents, "\"quote\": \"Acme\"");
  g_assert_nonnull (quote);
  memcpy (quote + strlen ("\"quote\": \""), "Acne", 4);
  g_assert_true (g_file_set_contents (broken_path, contents, -1, NULL));
  before = file_contents (broken);

  gloss_window_open_file (window, mine_file);
  gloss_test_wait_idle (window);
  gloss_window_review_file (window, broken);
  gloss_test_wait_idle (window);
  g_assert_false (gloss_window_get_reviewing (window));
  g_assert_nonnull (gloss_test_find_message_dialog (window));
  gloss_test_respond (window, "review");
  gloss_test_wait_idle (window);
  g_assert_true (gloss_window_get_reviewing (window));
  g_assert_nonnull (gloss_window_get_review_session (window));

  after = file_contents (broken);
  g_assert_cmpstr (after, ==, before);

  gloss_test_destroy_window (window);
}

static void
test_bad_file (void)
{
  g_autofree char *path = g_build_filename (gloss_test_get_tmpdir (), "broken.gloss.json", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(GFile) mine_file = copy_fixture ("a.gloss.json", "mine-bad.gloss.json");
  GlossWindow *window = gloss_test_new_window_sized (app, 1200, 720);
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (g_file_set_contents (path, "{\"format\": \"gloss\", \"version\": 1, ", -1, NULL));
  gloss_window_open_file (window, mine_file);
  gloss_test_wait_idle (window);
  gloss_window_review_file (window, broken);
  gloss_test_wait_idle (window);
  g_assert_false (gloss_window_get_reviewing (window));
  g_assert_nonnull (gloss_window_get_document (window));
  g_assert_nonnull (gloss_window_get_last_message (window));

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        gtk_window_destroy (toplevel);
    }

  /* My own file is not a colleague's. */
  gloss_window_review_file (window, mine_file);
  gloss_test_iterate ();
  g_assert_false (gloss_window_get_reviewing (window));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "Choose the file of the colleague"));

  gloss_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_app_new (&argc, &argv);
#ifdef GDK_WINDOWING_X11
  keyboard_init ();
  g_test_message ("Keys: %s", have_keyboard ? "real key presses through XTEST" : "actions (no XTEST)");
#endif

  g_test_add_func ("/gloss/review/merge", test_merge);
  g_test_add_func ("/gloss/review/undo-keep-mine-and-edit", test_undo_keep_mine);
  g_test_add_func ("/gloss/review/moved-and-orphaned", test_moved_and_orphaned);
  g_test_add_func ("/gloss/review/on-its-own", test_on_its_own);
  g_test_add_func ("/gloss/review/close-unsaved-and-drop", test_close_unsaved);
  g_test_add_func ("/gloss/review/recoverable", test_recoverable);
  g_test_add_func ("/gloss/review/bad-file", test_bad_file);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
