/* test-workflow.c: issue 3's "done when", end to end, from the keyboard:
 * a fact-checker tags the people and organisations of the bundled sample
 * article with identifiers (tag all), marks a claim with its claimant,
 * verdict and evidence, saves, and everything survives a reopen
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-annotate-all-dialog.h"
#include "gloss-annotation-fields.h"
#include "gloss-claim.h"
#include "gloss-format.h"
#include "gloss-test-utils.h"

#define PERSON_ID   "Q98765401"
#define ORG_ID      "https://www.wikidata.org/wiki/Q98765402"
#define EVIDENCE    "https://example.org/harwick-water-board-2024.pdf"
#define CLAIM_TEXT  "For €16 million we could raise four kilometres of quay wall by half a metre"

static GlossApplication *app;

/* The actions the workflow used, for the shortcuts window check. */
static GPtrArray *used_actions;

static void
use (const char *action)
{
  if (!g_ptr_array_find_with_equal_func (used_actions, action, g_str_equal, NULL))
    g_ptr_array_add (used_actions, g_strdup (action));
}

/* Presses a key bound to @action in @window's focus widget. */
static void
press (GtkWindow       *window,
       guint            keyval,
       GdkModifierType  mods,
       const char      *action)
{
  if (action != NULL)
    use (action);
  g_assert_true (gloss_test_press_key (window, keyval, mods));
}

static GtkWidget *
focus_of (GlossWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_is_in (GlossWindow *window,
             GtkWidget   *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GlossAnnotation *
selected (GlossWindow *window)
{
  return gloss_sidebar_get_selected_annotation (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
}

/* The annotations of @label whose text is @quote. */
static GPtrArray *
annotations_of (GlossDocument *document,
                const char    *label,
                const char    *quote)
{
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);

      if (g_strcmp0 (gloss_annotation_get_label (a), label) == 0 &&
          g_strcmp0 (gloss_annotation_get_quote (a), quote) == 0)
        g_ptr_array_add (found, a);
    }

  return found;
}

static guint
count_occurrences (GlossDocument *document,
                   const char    *needle)
{
  guint n = 0;

  for (const char *p = strstr (gloss_document_get_text (document), needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Selects @needle in the article (as a drag or Shift+arrows does), focuses
 * the article and presses @key: the label's own key. */
static GlossAnnotation *
tag_with_key (GlossWindow *window,
              const char  *needle,
              guint        key,
              const char  *label)
{
  GlossDocument *document = gloss_window_get_document (window);
  guint start = gloss_test_offset_of (document, needle);
  GlossAnnotation *annotation;

  gtk_widget_grab_focus (gloss_window_get_article_view (window));
  gloss_test_select_text (window, needle);
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), key, 0));

  /* The detail pane slides in (on a loaded machine, slowly). */
  {
    GtkWidget *fields = gloss_sidebar_get_fields (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
    GtkWidget *revealer = gtk_widget_get_ancestor (fields, GTK_TYPE_REVEALER);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_assert_nonnull (revealer);
    while (!gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) || !gtk_widget_get_mapped (fields))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        gloss_test_wait_ms (20);
      }
    gloss_test_wait_ms (50);
  }

  /* The new annotation is selected, ready for its fields. */
  annotation = selected (window);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_annotation_get_label (annotation), ==, label);
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, start);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, needle);

  return annotation;
}

/* F2 goes to the note; Tab moves on from there to the first field. */
static void
tab_to (GlossWindow *window,
        GtkWidget   *row)
{
  press (GTK_WINDOW (window), GDK_KEY_F2, 0, "win.edit-note");
  for (guint i = 0; i < 6 && !focus_is_in (window, row); i++)
    g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_true (focus_is_in (window, row));
}

/* Whether @row shows its apply button, which asks to confirm the text. */
static gboolean
shows_apply_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "adw-entry-apply-symbolic") == 0)
        return gtk_widget_is_visible (child);
      if (shows_apply_button (child))
        return TRUE;
    }

  return FALSE;
}

/* Types an identifier into the focused entry and confirms it with Enter. */
static void
enter_identifier (GlossWindow *window,
                  const char  *kb_id)
{
  GtkWidget *fields = gloss_sidebar_get_fields (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
  GtkWidget *kb_row = gloss_test_find_row (fields, ADW_TYPE_ENTRY_ROW, "Wikidata ID or URI");
  GlossAnnotation *annotation = selected (window);

  g_assert_nonnull (kb_row);
  tab_to (window, kb_row);
  gloss_test_type_text (focus_of (window), kb_id);
  g_assert_true (shows_apply_button (kb_row));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));

  annotation = gloss_annotation_store_lookup (gloss_document_get_annotations (gloss_window_get_document (window)),
                                              gloss_annotation_get_id (annotation));
  g_assert_cmpstr (gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_KB_ID), ==, kb_id);
  /* The focus stays in the field (not lost to the sidebar's scroller). */
  gloss_test_wait_ms (50);
  g_assert_true (focus_is_in (window, kb_row));
  g_assert_true (GTK_IS_TEXT (focus_of (window)));

  /* The field still shows what was entered, as done. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kb_row)), ==, kb_id);
  g_assert_false (shows_apply_button (kb_row));
}

/* Ctrl+Shift+A on the selected annotation, Enter in the dialog: every
 * other occurrence gets the label and the identifier. */
static void
tag_all (GlossWindow *window,
         const char  *quote,
         const char  *label,
         const char  *kb_id)
{
  GlossDocument *document = gloss_window_get_document (window);
  g_autoptr(GPtrArray) tagged = NULL;
  GtkWindow *dialog;
  guint expected = count_occurrences (document, quote);

  g_assert_cmpuint (expected, >, 1);

  /* Straight from the identifier field, where entries take Ctrl+Shift+A
   * for "unselect all". */
  press (GTK_WINDOW (window), GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.annotate-all");
  dialog = gloss_test_find_toplevel (GTK_WINDOW (window), GLOSS_TYPE_ANNOTATE_ALL_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (gloss_annotate_all_dialog_get_occurrences (GLOSS_ANNOTATE_ALL_DIALOG (dialog))->len, ==, expected);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "workflow-tag-all");

  /* Enter tags them: the dialog opens with the focus in its search text. */
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (dialog)));
  g_assert_true (GTK_IS_SEARCH_ENTRY (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), GTK_TYPE_SEARCH_ENTRY)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gloss_test_press_key (dialog, GDK_KEY_Return, 0));
  g_assert_null (dialog);

  tagged = annotations_of (document, label, quote);
  g_assert_cmpuint (tagged->len, ==, expected);
  for (guint i = 0; i < tagged->len; i++)
    g_assert_cmpstr (gloss_annotation_get_attribute_string (tagged->pdata[i], GLOSS_ATTR_KB_ID), ==, kb_id);
}

static void
save_with_ctrl_s (GlossWindow *window,
                  GFile       *file)
{
  press (GTK_WINDOW (window), GDK_KEY_s, GDK_CONTROL_MASK, "win.save");
  /* A plain-text article is saved as a Gloss file: the chooser asks where. */
  gloss_test_choose_file (GTK_WINDOW (window), file);
  gloss_test_wait_idle (window);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_nonnull (gloss_window_get_file (window));
  g_assert_true (g_file_equal (gloss_window_get_file (window), file));
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
}

/* Every annotation and relation of @expected, field by field, in @got. */
static void
assert_same_annotations (GlossDocument *expected,
                         GlossDocument *got)
{
  GlossAnnotationStore *a = gloss_document_get_annotations (expected);
  GlossAnnotationStore *b = gloss_document_get_annotations (got);
  GListModel *ra = gloss_document_get_relations (expected);
  GListModel *rb = gloss_document_get_relations (got);

  g_assert_cmpuint (gloss_annotation_store_get_n_items (b), ==, gloss_annotation_store_get_n_items (a));
  for (guint i = 0; i < gloss_annotation_store_get_n_items (a); i++)
    {
      GlossAnnotation *x = gloss_annotation_store_get (a, i);
      GlossAnnotation *y = gloss_annotation_store_lookup (b, gloss_annotation_get_id (x));
      g_auto(GStrv) keys = gloss_annotation_list_attributes (x);

      g_assert_nonnull (y);
      g_assert_cmpstr (gloss_annotation_get_label (y), ==, gloss_annotation_get_label (x));
      g_assert_cmpuint (gloss_annotation_get_start (y), ==, gloss_annotation_get_start (x));
      g_assert_cmpuint (gloss_annotation_get_end (y), ==, gloss_annotation_get_end (x));
      g_assert_cmpstr (gloss_annotation_get_quote (y), ==, gloss_annotation_get_quote (x));
      g_assert_cmpstr (gloss_annotation_get_note (y), ==, gloss_annotation_get_note (x));
      g_assert_cmpuint (gloss_annotation_get_n_attributes (y), ==, gloss_annotation_get_n_attributes (x));
      for (guint k = 0; keys[k] != NULL; k++)
        {
          GVariant *vy = gloss_annotation_get_attribute (y, keys[k]);

          g_assert_nonnull (vy);
          g_assert_true (g_variant_equal (vy, gloss_annotation_get_attribute (x, keys[k])));
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (rb), ==, g_list_model_get_n_items (ra));
  for (guint i = 0; i < g_list_model_get_n_items (ra); i++)
    {
      g_autoptr(GlossRelation) x = g_list_model_get_item (ra, i);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (rb) && !found; j++)
        {
          g_autoptr(GlossRelation) y = g_list_model_get_item (rb, j);

          found = g_strcmp0 (gloss_relation_get_kind (x), gloss_relation_get_kind (y)) == 0 &&
                  g_strcmp0 (gloss_relation_get_from (x), gloss_relation_get_from (y)) == 0 &&
                  g_strcmp0 (gloss_relation_get_to (x), gloss_relation_get_to (y)) == 0;
        }
      g_assert_true (found);
    }
}

/* The shortcuts window ----------------------------------------------------- */

typedef struct
{
  guint           keyval;
  GdkModifierType mods;
} Accel;

/* Every accelerator the shortcuts window lists. */
static GArray *
listed_accelerators (gboolean *lists_label_keys)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/glossapp/Gloss/ui/gloss-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GArray *accels = g_array_new (FALSE, FALSE, sizeof (Accel));
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  *lists_label_keys = FALSE;
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator == NULL)
        continue;
      parts = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          Accel accel = { 0, 0 };

          /* "a...z": the label keys. */
          if (strstr (parts[i], "...") != NULL)
            {
              *lists_label_keys = TRUE;
              continue;
            }
          if (gtk_accelerator_parse (parts[i], &accel.keyval, &accel.mods))
            {
              accel.keyval = gdk_keyval_to_lower (accel.keyval);
              g_array_append_val (accels, accel);
            }
        }
    }
  gtk_window_destroy (window);

  return accels;
}

static gboolean
is_listed (GArray          *listed,
           guint            keyval,
           GdkModifierType  mods)
{
  for (guint i = 0; i < listed->len; i++)
    {
      Accel *a = &g_array_index (listed, Accel, i);

      if (a->keyval == gdk_keyval_to_lower (keyval) && a->mods == mods)
        return TRUE;
    }

  return FALSE;
}

static gboolean
trigger_is_listed (GtkShortcutTrigger *trigger,
                   GArray             *listed)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is_listed (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), listed) ||
           trigger_is_listed (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), listed);
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return is_listed (listed,
                      gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                      gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
  return FALSE;
}

/* Whether one of the keys bound to @action in @window (its shortcut
 * controllers: the class bindings and the application's accelerators) is
 * in the shortcuts window; also whether any key is bound at all. */
static gboolean
action_is_listed (GlossWindow *window,
                  const char  *action,
                  GArray      *listed,
                  gboolean    *bound)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GStrv) app_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  *bound = FALSE;
  for (guint i = 0; app_accels[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType mods;

      *bound = TRUE;
      if (gtk_accelerator_parse (app_accels[i], &keyval, &mods) && is_listed (listed, keyval, mods))
        return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *a = gtk_shortcut_get_action (shortcut);

          if (!GTK_IS_NAMED_ACTION (a) || g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)), action) != 0)
            continue;
          *bound = TRUE;
          if (trigger_is_listed (gtk_shortcut_get_trigger (shortcut), listed))
            return TRUE;
        }
    }

  return FALSE;
}

/* The link buttons of the fields pane name the key that links, Ctrl+K
 * (win.link), and not a label key, which would relabel the annotation. */
static void
assert_link_tooltips (GtkWidget *widget,
                      guint     *n_found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (child);

      if (tooltip != NULL && g_str_has_prefix (tooltip, "Link to "))
        {
          g_assert_true (g_str_has_suffix (tooltip, "(Ctrl+K)"));
          (*n_found)++;
        }
      assert_link_tooltips (child, n_found);
    }
}

/* The test ----------------------------------------------------------------- */

static void
test_fact_check_sample_article (void)
{
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "sample-article.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *saved_path = g_build_filename (gloss_test_get_tmpdir (), "harwick.gloss.json", NULL);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GlossDocument) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autofree char *claimant_id = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  GlossWindow *window, *reopened;
  GlossDocument *document;
  GlossAnnotation *person, *org, *claim, *claimant;
  GtkWidget *fields, *verdict_row, *evidence;
  const GlossVerdict *verdicts;
  guint n_verdicts, verdict_index = 0;
  gboolean lists_label_keys;

  /* A copy of the bundled article, as a user opens it. */
  g_assert_true (g_file_get_contents (source_path, &contents, NULL, &error));
  g_assert_no_error (error);
  article = gloss_test_write_temp ("sample-article.txt", contents, -1);

  window = gloss_test_new_window_sized (app, 1400, 900);
  gloss_window_open_file (window, article);
  gloss_test_wait_idle (window);
  document = gloss_window_get_document (window);
  g_assert_nonnull (document);
  fields = gloss_sidebar_get_fields (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));

  /* A person: its key, an identifier, then all its other mentions. */
  person = tag_with_key (window, "Abernathy", GDK_KEY_p, "PERSON");
  enter_identifier (window, PERSON_ID);
  tag_all (window, "Abernathy", "PERSON", PERSON_ID);

  /* An organisation, the same way. */
  org = tag_with_key (window, "Vanderhoek & Partners", GDK_KEY_o, "ORG");
  enter_identifier (window, ORG_ID);
  tag_all (window, "Vanderhoek & Partners", "ORG", ORG_ID);
  (void) org;

  /* A claim: its key, then Ctrl+K and the claimant picked from the
   * keyboard: Alt+Down to the next annotation (Abernathy, who said it),
   * Enter to link. */
  claim = tag_with_key (window, CLAIM_TEXT, GDK_KEY_c, "Claim");
  press (GTK_WINDOW (window), GDK_KEY_k, GDK_CONTROL_MASK, "win.link");
  press (GTK_WINDOW (window), GDK_KEY_Down, GDK_ALT_MASK, "win.next-annotation");
  g_assert_cmpstr (gloss_annotation_get_quote (selected (window)), ==, "Abernathy");
  claimant = selected (window);
  claimant_id = g_strdup (gloss_annotation_get_id (claimant));
  g_assert_cmpstr (gloss_annotation_get_id (claimant), !=, gloss_annotation_get_id (person));
  /* Enter, with the focus still in the article (GtkWindow's own Enter
   * binding, activate-default, comes first). */
  g_assert_true (focus_is_in (window, gloss_window_get_article_view (window)));
  press (GTK_WINDOW (window), GDK_KEY_Return, 0, "win.finish-link");
  /* The type is named as when linking started, not by its identifier. */
  g_assert_cmpstr (gloss_window_get_last_message (window), ==, "Linked Claimant → “Abernathy”");
  claim = gloss_annotation_store_lookup (gloss_document_get_annotations (document), gloss_annotation_get_id (claim));
  g_assert_true (gloss_claim_get_claimant (document, claim) == claimant);

  /* Linking leads back to the claim, its claimant and verdict in the
   * fields pane (it used to stay on the claimant: Alt+Up came back). */
  g_assert_cmpstr (gloss_annotation_get_id (selected (window)), ==, gloss_annotation_get_id (claim));
  {
    guint n_found = 0;

    assert_link_tooltips (fields, &n_found);
    g_assert_cmpuint (n_found, ==, 2);   /* the claimant's and the links' */
  }
  verdict_row = gloss_test_find_row (fields, ADW_TYPE_COMBO_ROW, "_Verdict");
  g_assert_nonnull (verdict_row);
  tab_to (window, verdict_row);
  verdicts = gloss_verdicts_get_default (&n_verdicts);
  for (guint i = 0; i < n_verdicts; i++)
    if (g_strcmp0 (verdicts[i].id, "mostly-false") == 0)
      verdict_index = i + 1;      /* after "No verdict" */
  g_assert_cmpuint (verdict_index, >, 0);
  /* Picked from the row's list: Space opens it, arrows and Enter pick;
   * then the focus is back on the row, to go on with Tab. */
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_space, 0));
  gloss_test_wait_ms (100);
  g_assert_false (focus_is_in (window, gloss_window_get_article_view (window)));
  for (guint i = 0; i < verdict_index; i++)
    g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  gloss_test_wait_ms (100);
  g_assert_true (focus_of (window) == verdict_row);
  claim = gloss_annotation_store_lookup (gloss_document_get_annotations (document), gloss_annotation_get_id (claim));
  g_assert_cmpstr (gloss_claim_get_verdict (claim), ==, "mostly-false");

  /* The evidence: Tab on to its text, type a URL, and save straight away
   * with Ctrl+S, without leaving the field first. */
  evidence = gloss_test_find_descendant (fields, GTK_TYPE_TEXT_VIEW);
  for (guint i = 0; i < 8 && !focus_is_in (window, evidence); i++)
    g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_true (focus_is_in (window, evidence));
  gloss_test_type_text (evidence, EVIDENCE);
  gloss_test_save_screenshot (GTK_WIDGET (window), "workflow-claim");

  save_with_ctrl_s (window, saved);
  claim = gloss_annotation_store_lookup (gloss_document_get_annotations (document), gloss_annotation_get_id (claim));
  g_assert_cmpstr (gloss_annotation_get_attribute_string (claim, GLOSS_ATTR_EVIDENCE), ==, EVIDENCE);

  /* What was made, checked against the scenario. */
  people = annotations_of (document, "PERSON", "Abernathy");
  orgs = annotations_of (document, "ORG", "Vanderhoek & Partners");
  g_assert_cmpuint (people->len, ==, count_occurrences (document, "Abernathy"));
  g_assert_cmpuint (orgs->len, ==, count_occurrences (document, "Vanderhoek & Partners"));
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (document)), ==,
                    people->len + orgs->len + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (document)), ==, 1);

  /* A snapshot to compare the reopened file with. */
  {
    g_autoptr(GBytes) bytes = gloss_format_write (document);

    before = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
    g_assert_no_error (error);
  }

  /* Close with Ctrl+W: nothing unsaved, nothing asked. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press (GTK_WINDOW (window), GDK_KEY_w, GDK_CONTROL_MASK, "win.close");
  gloss_test_wait_ms (100);
  g_assert_null (window);

  /* Reopen in a new window, with Ctrl+O: everything is there. */
  reopened = gloss_test_new_window (app);
  press (GTK_WINDOW (reopened), GDK_KEY_o, GDK_CONTROL_MASK, "win.open");
  gloss_test_choose_file (GTK_WINDOW (reopened), saved);
  gloss_test_wait_idle (reopened);
  g_assert_nonnull (gloss_window_get_file (reopened));
  g_assert_true (g_file_equal (gloss_window_get_file (reopened), saved));
  document = gloss_window_get_document (reopened);
  g_assert_nonnull (document);
  assert_same_annotations (before, document);

  g_ptr_array_unref (people);
  people = annotations_of (document, "PERSON", "Abernathy");
  g_assert_cmpuint (people->len, ==, count_occurrences (document, "Abernathy"));
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpstr (gloss_annotation_get_attribute_string (people->pdata[i], GLOSS_ATTR_KB_ID), ==, PERSON_ID);
  g_ptr_array_unref (orgs);
  orgs = annotations_of (document, "ORG", "Vanderhoek & Partners");
  for (guint i = 0; i < orgs->len; i++)
    g_assert_cmpstr (gloss_annotation_get_attribute_string (orgs->pdata[i], GLOSS_ATTR_KB_ID), ==, ORG_ID);
  {
    g_autoptr(GPtrArray) claims = annotations_of (document, "Claim", CLAIM_TEXT);

    g_assert_cmpuint (claims->len, ==, 1);
    claim = claims->pdata[0];
  }
  g_assert_cmpstr (gloss_claim_get_verdict (claim), ==, "mostly-false");
  g_assert_cmpstr (gloss_annotation_get_attribute_string (claim, GLOSS_ATTR_EVIDENCE), ==, EVIDENCE);
  g_assert_nonnull (gloss_claim_get_claimant (document, claim));
  g_assert_cmpstr (gloss_annotation_get_id (gloss_claim_get_claimant (document, claim)), ==, claimant_id);

  /* Every key used is in the shortcuts window. */
  listed = listed_accelerators (&lists_label_keys);
  g_assert_true (lists_label_keys);
  for (guint i = 0; i < used_actions->len; i++)
    {
      gboolean bound = FALSE;
      gboolean ok = action_is_listed (reopened, used_actions->pdata[i], listed, &bound);

      if (!ok)
        g_test_message ("Not in the shortcuts window: %s", (char *) used_actions->pdata[i]);
      g_assert_true (bound);
      g_assert_true (ok);
    }

  gloss_test_destroy_window (reopened);
}

/* In a long article the claimant is far from the claim: Ctrl+K, then
 * Ctrl+Shift+F to search the annotations, Down to the match, Enter. */
static void
test_link_from_search (void)
{
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "sample-article.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) article = NULL;
  GlossWindow *window;
  GlossDocument *document;
  GlossAnnotation *person, *claim;
  g_autofree char *person_id = NULL;
  g_autofree char *claim_id = NULL;

  g_assert_true (g_file_get_contents (source_path, &contents, NULL, NULL));
  article = gloss_test_write_temp ("sample-article-2.txt", contents, -1);
  window = gloss_test_new_window_sized (app, 1400, 900);
  gloss_window_open_file (window, article);
  gloss_test_wait_idle (window);
  document = gloss_window_get_document (window);

  person = tag_with_key (window, "Ingrid Solberg", GDK_KEY_p, "PERSON");
  person_id = g_strdup (gloss_annotation_get_id (person));
  claim = tag_with_key (window, CLAIM_TEXT, GDK_KEY_c, "Claim");
  claim_id = g_strdup (gloss_annotation_get_id (claim));

  press (GTK_WINDOW (window), GDK_KEY_k, GDK_CONTROL_MASK, "win.link");
  press (GTK_WINDOW (window), GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find");
  gloss_test_type_text (focus_of (window), "Solberg");
  gloss_test_wait_ms (100);
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0));
  g_assert_true (GTK_IS_LIST_VIEW (gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_LIST_VIEW)));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));

  claim = gloss_annotation_store_lookup (gloss_document_get_annotations (document), claim_id);
  g_assert_nonnull (gloss_claim_get_claimant (document, claim));
  g_assert_cmpstr (gloss_annotation_get_id (gloss_claim_get_claimant (document, claim)), ==, person_id);

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

/* The label legend is one Tab stop: arrows move in it, Enter tags. */
static void
test_legend_keyboard (void)
{
  GlossWindow *window = gloss_test_open_text (app, "legend.txt", "Ingrid Solberg met the council.\n");
  GlossDocument *document = gloss_window_get_document (window);
  GtkWidget *sidebar = gloss_window_get_sidebar (window);
  GtkWidget *legend = gloss_test_find_descendant (sidebar, GTK_TYPE_FLOW_BOX);
  GtkWidget *first, *second;

  g_assert_nonnull (legend);
  first = gtk_widget_get_first_child (legend);
  second = gtk_widget_get_next_sibling (first);
  g_assert_true (GTK_IS_FLOW_BOX_CHILD (first));

  gloss_test_select_text (window, "Ingrid Solberg");
  /* As Tab arriving from the widget before it. */
  g_assert_true (gtk_widget_child_focus (legend, GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_is_in (window, first));

  /* Right moves to the next label; Enter tags the selection with it. */
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Right, 0));
  g_assert_true (focus_is_in (window, second));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  gloss_test_iterate ();
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (document)), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_label (gloss_annotation_store_get (gloss_document_get_annotations (document), 0)),
                   ==, gloss_label_get_name (gloss_label_set_get_label (gloss_document_get_labels (document), 1)));

  /* Tab leaves the legend at once, for the search; Shift+Tab back into
   * it, and out again backwards. */
  g_assert_true (focus_is_in (window, legend));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_nonnull (focus_of (window));
  g_assert_false (focus_is_in (window, legend));
  g_assert_true (GTK_IS_SEARCH_ENTRY (gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_SEARCH_ENTRY)));
  g_assert_true (gtk_widget_grab_focus (second));
  g_assert_true (gloss_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_nonnull (focus_of (window));
  g_assert_false (focus_is_in (window, legend));

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_app_new (&argc, &argv);
  used_actions = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/gloss/workflow/link-from-search", test_link_from_search);
  g_test_add_func ("/gloss/workflow/legend-keyboard", test_legend_keyboard);
  g_test_add_func ("/gloss/workflow/fact-check-sample-article", test_fact_check_sample_article);

  ret = g_test_run ();

  g_ptr_array_unref (used_actions);
  g_clear_object (&app);

  return ret;
}
