/* test-scheme-editor.c: user relation types and attribute definitions
 * through the label editor, the link menu and the fields pane
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-annotation-fields.h"
#include "gloss-format.h"
#include "gloss-label-editor.h"
#include "gloss-test-utils.h"
#include "gloss-window-private.h"

#define ARTICLE \
  "Harbour Barrier Approved\n" \
  "\n" \
  "Mayor Ana Ruiz of the Harbour Council said the barrier will protect 640 homes. " \
  "Yuki Tanaka (田中由紀) of Tide Watch disagreed 🌊.\n"

static GlossApplication *app;

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  return gloss_test_find_widget (widget, has_tooltip, tooltip);
}

static GtkWindow *
find_toplevel (const char *title)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), title) == 0 && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static GlossLabelEditor *
open_label_editor (GlossWindow *window)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-labels", NULL));
  gloss_test_wait_ms (50);
  editor = find_toplevel ("Labels");
  g_assert_nonnull (editor);
  g_assert_true (GLOSS_IS_LABEL_EDITOR (editor));

  return GLOSS_LABEL_EDITOR (editor);
}

/* Whether @menu (with sections) has an item for win.start-link @type; its
 * label in @label. */
static gboolean
menu_offers (GMenuModel  *menu,
             const char  *type,
             char       **label)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GVariant) target = NULL;

      if (section != NULL)
        {
          if (menu_offers (section, type, label))
            return TRUE;
          continue;
        }

      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), type))
        {
          if (label != NULL)
            g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
          return TRUE;
        }
    }

  return FALSE;
}

static void
apply_entry (GtkWidget  *root,
             const char *title,
             const char *text)
{
  GtkWidget *row = gloss_test_find_row (root, ADW_TYPE_ENTRY_ROW, title);

  if (row == NULL)
    g_error ("no entry row “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  gloss_test_iterate ();
}

static gboolean
is_link_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "list-add-symbolic") == 0;
}

/* The link button makes its menu when it opens, not at each selection of
 * an annotation (a popover took over a millisecond of the frame). (That
 * it opens the fields' menu is not tested here: GDK 4.8 criticals when a
 * popover's button lies outside Xvfb's screen, as it does once the
 * detail pane has slid in.) */
static void
test_link_menu (void)
{
  GlossWindow *window = gloss_test_open_text (app, "links.txt", ARTICLE);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GlossAnnotationFields *fields = GLOSS_ANNOTATION_FIELDS (gloss_sidebar_get_fields (sidebar));
  GtkMenuButton *button = GTK_MENU_BUTTON (gloss_test_find_widget (GTK_WIDGET (fields), is_link_button, NULL));
  GlossAnnotation *mayor, *council;

  mayor = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  council = gloss_test_tag (window, "Harbour Council", "ORG");
  gloss_sidebar_select_annotation (sidebar, mayor);
  gloss_test_iterate ();
  gloss_sidebar_select_annotation (sidebar, council);
  gloss_test_iterate ();
  g_assert_true (menu_offers (gloss_annotation_fields_get_link_menu (fields), "same-as", NULL));
  g_assert_null (gtk_menu_button_get_popover (button));

  gloss_test_destroy_window (window);
}

static void
test_relation_type (void)
{
  GlossWindow *window = gloss_test_open_text (app, "types.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *view = gloss_window_get_article_view (window);
  GlossAnnotationFields *fields = GLOSS_ANNOTATION_FIELDS (gloss_sidebar_get_fields (sidebar));
  GListModel *relations = gloss_document_get_relations (document);
  GlossAnnotation *mayor, *council;
  GlossRelationType *type;
  GlossLabelEditor *editor;
  GtkWidget *expander;
  g_autofree char *item_label = NULL;

  mayor = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  council = gloss_test_tag (window, "Harbour Council", "ORG");

  /* Before: no such type in the menu. */
  gloss_sidebar_select_annotation (sidebar, mayor);
  gloss_test_iterate ();
  g_assert_true (menu_offers (gloss_annotation_fields_get_link_menu (fields), "same-as", NULL));
  g_assert_false (menu_offers (gloss_annotation_fields_get_link_menu (fields), "works-for", NULL));

  /* Typed as a title in the editor: the name is derived, the title kept.
   * The editor opens with the keyboard in the new label's name. */
  editor = open_label_editor (window);
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (editor))));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), ADW_TYPE_ENTRY_ROW))), ==, "Name");
  apply_entry (GTK_WIDGET (editor), "New relation type, e.g. works-for", "Works For");
  type = gloss_label_set_lookup_relation_type (labels, "works-for");
  g_assert_nonnull (type);
  g_assert_cmpstr (gloss_relation_type_get_title (type), ==, "Works For");

  /* Constraints: from PERSON to ORG. A name that is no label is refused. */
  expander = gloss_test_find_row (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "Works For");
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  apply_entry (GTK_WIDGET (editor), "From: labels or kinds, separated by commas (empty: any)", "PERSON");
  apply_entry (GTK_WIDGET (editor), "To: labels or kinds, separated by commas (empty: any)", "ORG, NOPE");
  type = gloss_label_set_lookup_relation_type (labels, "works-for");
  g_assert_cmpstr (gloss_relation_type_get_from (type)[0], ==, "PERSON");
  g_assert_null (gloss_relation_type_get_to (type)[0]);
  apply_entry (GTK_WIDGET (editor), "To: labels or kinds, separated by commas (empty: any)", "ORG, GPE");
  type = gloss_label_set_lookup_relation_type (labels, "works-for");
  g_assert_cmpuint (g_strv_length ((char **) gloss_relation_type_get_to (type)), ==, 2);

  /* The row stayed open across the rebuilds. */
  expander = gloss_test_find_row (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "Works For");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  gloss_test_save_screenshot (gtk_widget_get_ancestor (expander, ADW_TYPE_PREFERENCES_GROUP),
                              "label-editor-relation-types");

  /* Undo takes back the last constraint edit, redo restores it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  type = gloss_label_set_lookup_relation_type (labels, "works-for");
  g_assert_cmpuint (g_strv_length ((char **) gloss_relation_type_get_to (type)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  type = gloss_label_set_lookup_relation_type (labels, "works-for");
  g_assert_cmpuint (g_strv_length ((char **) gloss_relation_type_get_to (type)), ==, 2);

  /* A colleague's label set brings its own types: merged in one step. */
  {
    g_autoptr(GFile) team = gloss_test_write_temp ("team-labels.json",
      "{\"format\": \"gloss-labels\", \"version\": 1, \"labels\": [],"
      " \"relation_types\": [{\"name\": \"quotes\", \"title\": \"Quotes\", \"from\": [\"entity\"]},"
      " {\"name\": \"works-for\", \"title\": \"Employed By\", \"from\": [\"PERSON\"], \"to\": [\"ORG\"]}]}", -1);
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_label_editor_import_file (editor, team, &error));
    g_assert_no_error (error);
    g_assert_nonnull (gloss_label_set_lookup_relation_type (labels, "quotes"));
    g_assert_cmpstr (gloss_relation_type_get_title (gloss_label_set_lookup_relation_type (labels, "works-for")), ==,
                     "Employed By");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_null (gloss_label_set_lookup_relation_type (labels, "quotes"));
    g_assert_cmpstr (gloss_relation_type_get_title (gloss_label_set_lookup_relation_type (labels, "works-for")), ==,
                     "Works For");
  }

  /* "Use as Default": a new article starts with the types. */
  {
    GlossWindow *next;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.make-default", NULL));
    next = gloss_test_open_text (app, "next.txt", ARTICLE);
    type = gloss_label_set_lookup_relation_type (gloss_document_get_labels (gloss_window_get_document (next)),
                                                 "works-for");
    g_assert_nonnull (type);
    g_assert_cmpuint (g_strv_length ((char **) gloss_relation_type_get_to (type)), ==, 2);
    gloss_test_destroy_window (next);
    g_settings_set_string (gloss_application_get_settings (app), "default-label-set", "");
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The link menu of the person offers it, under its title; the
   * organisation's does not (it cannot be the "from" end). */
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, mayor));
  gloss_test_iterate ();
  g_assert_true (menu_offers (gloss_annotation_fields_get_link_menu (fields), "works-for", &item_label));
  g_assert_cmpstr (item_label, ==, "Works For…");
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, council));
  gloss_test_iterate ();
  g_assert_false (menu_offers (gloss_annotation_fields_get_link_menu (fields), "works-for", NULL));
  g_assert_true (menu_offers (gloss_annotation_fields_get_link_menu (fields), "related-to", NULL));

  /* Linking with it, as the menu item does. */
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, mayor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-link", "s", "works-for"));
  g_signal_emit_by_name (view, "annotation-activated", gloss_test_current (window, council));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  {
    g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, 0);

    g_assert_cmpstr (gloss_relation_get_kind (relation), ==, "works-for");
    g_assert_cmpstr (gloss_relation_get_from (relation), ==, gloss_annotation_get_id (mayor));
    g_assert_cmpstr (gloss_relation_get_to (relation), ==, gloss_annotation_get_id (council));
  }

  /* The links list shows the title. */
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, mayor));
  gloss_test_iterate ();
  g_assert_nonnull (gloss_test_find_row (GTK_WIDGET (fields), ADW_TYPE_ACTION_ROW, "Works For →"));

  /* The other way round breaks the constraint: refused, with the reason. */
  gloss_sidebar_select_annotation (sidebar, gloss_test_current (window, council));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-link", "s", "works-for");
  g_signal_emit_by_name (view, "annotation-activated", gloss_test_current (window, mayor));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "must start at PERSON"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-link", NULL);

  /* Saved and read back, the type and the link survive. */
  {
    g_autoptr(GBytes) bytes = gloss_format_write (document);
    g_autoptr(GlossDocument) back = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, NULL);

    g_assert_nonnull (back);
    g_assert_nonnull (gloss_label_set_lookup_relation_type (gloss_document_get_labels (back), "works-for"));
  }

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

static void
test_attribute_fields (void)
{
  GlossWindow *window = gloss_test_open_text (app, "attributes.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (window);
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  GtkWidget *fields = gloss_sidebar_get_fields (sidebar);
  g_autoptr(GlossAttributeDef) age = gloss_attribute_def_new ("age", GLOSS_ATTRIBUTE_NUMBER);
  g_autoptr(GError) error = NULL;
  GlossLabelEditor *editor;
  GtkWindow *dialog;
  GtkWidget *expander, *add_row, *type_row, *role, *age_row, *quoted;
  GlossAnnotation *mayor;
  GlossAttributeDef *def;

  editor = open_label_editor (window);

  /* "Add Attribute…" in the PERSON label opens the dialog. */
  expander = gloss_test_find_row (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "PERSON");
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  add_row = gloss_test_find_row (expander, ADW_TYPE_ACTION_ROW, "Add Attribute…");
  g_assert_nonnull (add_row);
  g_signal_emit_by_name (add_row, "activated");
  gloss_test_wait_ms (50);
  dialog = find_toplevel ("New Attribute");
  g_assert_nonnull (dialog);

  /* A choice without choices is refused in the dialog, which stays open. */
  gtk_editable_set_text (GTK_EDITABLE (gloss_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Name (letters, digits, - and _)")), "role");
  type_row = gloss_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Type");
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), GLOSS_ATTRIBUTE_CHOICE);
  g_signal_emit_by_name (gloss_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name (letters, digits, - and _)"),
                         "entry-activated");
  gloss_test_iterate ();
  g_assert_nonnull (find_toplevel ("New Attribute"));
  g_assert_null (gloss_label_lookup_attribute (gloss_label_set_lookup (labels, "PERSON"), "role"));

  gtk_editable_set_text (GTK_EDITABLE (gloss_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Choices, separated by commas")), "source, subject, bystander");
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "attribute-dialog");
  g_signal_emit_by_name (gloss_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name (letters, digits, - and _)"),
                         "entry-activated");
  gloss_test_wait_ms (50);
  if (find_toplevel ("New Attribute") != NULL)
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (dialog), "error-label");
      g_error ("the dialog stayed open: %s", label ? gtk_label_get_text (GTK_LABEL (label)) : "?");
    }
  def = gloss_label_lookup_attribute (gloss_label_set_lookup (labels, "PERSON"), "role");
  g_assert_nonnull (def);
  g_assert_cmpint (gloss_attribute_def_get_value_type (def), ==, GLOSS_ATTRIBUTE_CHOICE);
  g_assert_cmpstr (gloss_attribute_def_get_values (def)[2], ==, "bystander");

  /* Two more through the editor's API: a number and a yes/no. */
  g_assert_true (gloss_label_editor_save_attribute (editor, "PERSON", NULL, age, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GlossAttributeDef) flag = gloss_attribute_def_new ("quoted", GLOSS_ATTRIBUTE_BOOLEAN);
    g_assert_true (gloss_label_editor_save_attribute (editor, "PERSON", NULL, flag, &error));
  }
  g_assert_cmpuint (gloss_label_get_n_attributes (gloss_label_set_lookup (labels, "PERSON")), ==, 3);
  gloss_test_iterate ();
  expander = gloss_test_find_row (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "PERSON");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_nonnull (gloss_test_find_row (expander, ADW_TYPE_ACTION_ROW, "Attribute “age”"));
  gloss_test_save_screenshot (GTK_WIDGET (editor), "label-editor-attributes");

  /* Reorder and remove, each one undoable step. */
  g_signal_emit_by_name (find_button (gloss_test_find_row (expander, ADW_TYPE_ACTION_ROW, "Attribute “role”"), "Move Attribute Down"), "clicked");
  g_assert_cmpstr (gloss_attribute_def_get_name (gloss_label_get_attribute (gloss_label_set_lookup (labels, "PERSON"), 1)), ==,
                   "role");
  gloss_test_iterate ();
  expander = gloss_test_find_row (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "PERSON");
  g_signal_emit_by_name (find_button (gloss_test_find_row (expander, ADW_TYPE_ACTION_ROW, "Attribute “quoted”"), "Remove Attribute"), "clicked");
  g_assert_null (gloss_label_lookup_attribute (gloss_label_set_lookup (labels, "PERSON"), "quoted"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (gloss_label_lookup_attribute (gloss_label_set_lookup (labels, "PERSON"), "quoted"));
  g_assert_cmpstr (gloss_attribute_def_get_name (gloss_label_get_attribute (gloss_label_set_lookup (labels, "PERSON"), 0)), ==,
                   "role");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A person shows one field per definition. */
  mayor = gloss_test_tag (window, "Mayor Ana Ruiz", "PERSON");
  gloss_sidebar_select_annotation (sidebar, mayor);
  gloss_test_iterate ();
  role = gloss_test_find_row (fields, ADW_TYPE_COMBO_ROW, "role");
  age_row = gloss_test_find_row (fields, ADW_TYPE_ENTRY_ROW, "age (number)");
  quoted = gloss_test_find_row (fields, ADW_TYPE_ACTION_ROW, "quoted");
  g_assert_nonnull (role);
  g_assert_nonnull (age_row);
  g_assert_nonnull (quoted);
  g_assert_true (gtk_widget_is_visible (role));

  /* Choosing sets the attribute; undo reverts it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), 2);
  g_assert_cmpstr (gloss_annotation_get_attribute_string (gloss_test_current (window, mayor), "role"), ==, "subject");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gloss_test_iterate ();
  g_assert_null (gloss_annotation_get_attribute (gloss_test_current (window, mayor), "role"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role)), ==, 0);

  /* A number: bad text is marked and not saved; a good one is a number. */
  gtk_editable_set_text (GTK_EDITABLE (age_row), "forty");
  g_assert_true (gtk_widget_has_css_class (age_row, "error"));
  g_signal_emit_by_name (age_row, "apply");
  g_assert_null (gloss_annotation_get_attribute (gloss_test_current (window, mayor), "age"));
  gtk_editable_set_text (GTK_EDITABLE (age_row), "41");
  g_assert_false (gtk_widget_has_css_class (age_row, "error"));
  g_signal_emit_by_name (age_row, "apply");
  {
    GVariant *value = gloss_annotation_get_attribute (gloss_test_current (window, mayor), "age");

    g_assert_nonnull (value);
    g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64));
    g_assert_cmpint (g_variant_get_int64 (value), ==, 41);
  }

  /* The switch. */
  gtk_switch_set_active (GTK_SWITCH (gloss_test_find_descendant (quoted, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (g_variant_get_boolean (gloss_annotation_get_attribute (gloss_test_current (window, mayor), "quoted")));
  gloss_test_save_screenshot (GTK_WIDGET (window), "attribute-fields");
  gloss_test_save_screenshot (fields, "attribute-fields-pane");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gloss_test_iterate ();
  g_assert_null (gloss_annotation_get_attribute (gloss_test_current (window, mayor), "age"));
  g_assert_null (gloss_annotation_get_attribute (gloss_test_current (window, mayor), "quoted"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age_row)), ==, "");

  /* An organisation has no definitions: no attribute rows. */
  gloss_sidebar_select_annotation (sidebar, gloss_test_tag (window, "Harbour Council", "ORG"));
  gloss_test_iterate ();
  g_assert_null (gloss_test_find_row (fields, ADW_TYPE_COMBO_ROW, "role"));

  gloss_document_set_saved (document);
  gloss_test_destroy_window (window);
}

/* A file made under another label set opens, with a word about what does
 * not fit; a file that fits says nothing. */
static void
test_open_stale (void)
{
  g_autofree char *stale = g_test_build_filename (G_TEST_DIST, "data", "format", "good", "stale-scheme.gloss.json", NULL);
  g_autofree char *fits = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "sample-article.gloss.json", NULL);
  g_autoptr(GFile) stale_file = g_file_new_for_path (stale);
  g_autoptr(GFile) fits_file = g_file_new_for_path (fits);
  GlossWindow *window = gloss_test_new_window (app);
  const char *message;

  gloss_window_open_file (window, stale_file);
  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_window_get_document (window));
  message = gloss_window_get_last_message (window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "do not fit the label set"));
  gloss_test_destroy_window (window);

  window = gloss_test_new_window (app);
  gloss_window_open_file (window, fits_file);
  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_window_get_document (window));
  message = gloss_window_get_last_message (window);
  g_assert_true (message == NULL || strstr (message, "fit the label set") == NULL);
  gloss_test_destroy_window (window);
}

static gboolean
is_apply_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  /* libadwaita 1.2 has no name for it: the round check button. */
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action") &&
         gtk_widget_has_css_class (widget, "circular");
}

/* Whether the apply button of the entry row titled @title shows. */
static gboolean
apply_button_shown (GtkWidget  *root,
                    const char *title)
{
  GtkWidget *row = gloss_test_find_row (root, ADW_TYPE_ENTRY_ROW, title);
  GtkWidget *button = gloss_test_find_widget (row, is_apply_button, NULL);

  g_assert_nonnull (button);
  gloss_test_iterate ();

  return gtk_widget_get_visible (button);
}

/* Adding a label or a relation type leaves the row empty, and without its
 * apply button, for the next one. */
static void
test_add_rows_reset (void)
{
  GlossWindow *window = gloss_test_open_text (app, "types.txt", ARTICLE);
  GlossLabelSet *labels = gloss_document_get_labels (gloss_window_get_document (window));
  GlossLabelEditor *editor = open_label_editor (window);
  GtkWidget *name = gloss_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name");

  g_assert_false (apply_button_shown (GTK_WIDGET (editor), "Name"));
  gtk_editable_set_text (GTK_EDITABLE (name), "SOURCE");
  g_assert_true (apply_button_shown (GTK_WIDGET (editor), "Name"));
  g_signal_emit_by_name (name, "apply");
  g_assert_nonnull (gloss_label_set_lookup (labels, "SOURCE"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");
  g_assert_false (apply_button_shown (GTK_WIDGET (editor), "Name"));

  apply_entry (GTK_WIDGET (editor), "New relation type, e.g. works-for", "cites");
  g_assert_nonnull (gloss_label_set_lookup_relation_type (labels, "cites"));
  g_assert_false (apply_button_shown (GTK_WIDGET (editor), "New relation type, e.g. works-for"));

  gtk_window_destroy (GTK_WINDOW (editor));
  gloss_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = gloss_test_app_new (&argc, &argv);

  g_test_add_func ("/gloss/app/label-scheme/relation-type", test_relation_type);
  g_test_add_func ("/gloss/app/label-scheme/link-menu", test_link_menu);
  g_test_add_func ("/gloss/app/label-scheme/attribute-fields", test_attribute_fields);
  g_test_add_func ("/gloss/app/label-scheme/open-stale", test_open_stale);
  g_test_add_func ("/gloss/app/label-scheme/add-rows-reset", test_add_rows_reset);

  return g_test_run ();
}
