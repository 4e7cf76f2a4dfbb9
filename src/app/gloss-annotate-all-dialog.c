/* gloss-annotate-all-dialog.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotate-all-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotate-all-dialog.h"
#include "gloss-text.h"

#define CONTEXT_CHARS 40
#define MAX_MATCHES   100000

struct _GlossAnnotateAllDialog
{
  AdwWindow        parent_instance;

  GlossDocument   *document;
  GlossAnnotation *source;
  GArray          *occurrences;
  char            *searched;       /* the search behind occurrences: */
  char            *searched_label; /* text, label and flags */
  GlossSearchFlags searched_flags;
  GtkStringList   *items;
  GtkStringList   *label_names;

  AdwWindowTitle  *window_title;
  GtkButton       *apply_button;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *label_dropdown;
  GtkToggleButton *case_toggle;
  GtkToggleButton *word_toggle;
  GtkToggleButton *regex_toggle;
  GtkLabel        *status_label;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (GlossAnnotateAllDialog, gloss_annotate_all_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  PREVIEW_CHANGED,
  SHOW_OCCURRENCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_label (GlossAnnotateAllDialog *self)
{
  guint pos = gtk_drop_down_get_selected (self->label_dropdown);

  if (pos == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->label_names, pos);
}

static GlossSearchFlags
current_flags (GlossAnnotateAllDialog *self)
{
  GlossSearchFlags flags = GLOSS_SEARCH_FLAGS_NONE;

  if (gtk_toggle_button_get_active (self->case_toggle))
    flags |= GLOSS_SEARCH_MATCH_CASE;
  if (gtk_toggle_button_get_active (self->word_toggle))
    flags |= GLOSS_SEARCH_WHOLE_WORD;
  if (gtk_toggle_button_get_active (self->regex_toggle))
    flags |= GLOSS_SEARCH_REGEX;

  return flags;
}

static void
update_status (GlossAnnotateAllDialog *self)
{
  guint n_selected = 0;
  guint n_covered = 0;
  g_autofree char *status = NULL;
  g_autofree char *button = NULL;

  if (self->occurrences != NULL)
    for (guint i = 0; i < self->occurrences->len; i++)
      {
        GlossOccurrence *o = &g_array_index (self->occurrences, GlossOccurrence, i);

        n_selected += o->selected;
        n_covered += o->covered;
      }

  if (self->occurrences == NULL)
    ;
  else if (self->occurrences->len == 0)
    status = g_strdup (_("No matches"));
  else if (n_covered > 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u match, %u already tagged with this label",
                                           "%u matches, %u already tagged with this label",
                                           self->occurrences->len),
                              self->occurrences->len, n_covered);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                           self->occurrences->len),
                              self->occurrences->len);

  if (status != NULL)
    {
      gtk_label_set_text (self->status_label, status);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
    }

  button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Tag %u", "_Tag %u", n_selected), n_selected);
  gtk_button_set_label (self->apply_button, button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), n_selected > 0);
  adw_window_title_set_subtitle (self->window_title, selected_label (self));

  g_signal_emit (self, signals[PREVIEW_CHANGED], 0);
}

/* GtkSearchEntry takes Escape for itself: it closes the dialog here too. */
static void
search_stop_cb (GlossAnnotateAllDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
search_changed_cb (GlossAnnotateAllDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GPtrArray) strings = NULL;

  /* The entry reports its text again after a delay: the same search must
   * not throw away the user's choices. */
  if (self->searched != NULL &&
      g_strcmp0 (self->searched, text) == 0 &&
      g_strcmp0 (self->searched_label, selected_label (self)) == 0 &&
      self->searched_flags == current_flags (self))
    return;

  gloss_set_str (&self->searched, text);
  gloss_set_str (&self->searched_label, selected_label (self));
  self->searched_flags = current_flags (self);
  g_clear_pointer (&self->occurrences, g_array_unref);

  if (text != NULL && *text != '\0')
    {
      self->occurrences = gloss_find_occurrences (self->document, text, current_flags (self),
                                                  selected_label (self), MAX_MATCHES, &error);
      if (self->occurrences == NULL)
        {
          gtk_label_set_text (self->status_label, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
        }
    }

  strings = g_ptr_array_new_with_free_func (g_free);
  if (self->occurrences != NULL)
    for (guint i = 0; i < self->occurrences->len; i++)
      g_ptr_array_add (strings, g_strdup_printf ("%u", i));
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (self->items, 0, old_n, (const char * const *) strings->pdata);
  update_status (self);
}

static char *
context_markup (GlossAnnotateAllDialog *self,
                GlossOccurrence        *o)
{
  guint length = gloss_document_get_length (self->document);
  guint a = o->start > CONTEXT_CHARS ? o->start - CONTEXT_CHARS : 0;
  guint b = MIN (length, o->end + CONTEXT_CHARS);
  g_autofree char *before = gloss_document_slice (self->document, a, o->start);
  g_autofree char *match = gloss_document_slice (self->document, o->start, o->end);
  g_autofree char *after = gloss_document_slice (self->document, o->end, b);
  /* On one line: a paragraph break is one space, not two. */
  g_autofree char *before_flat = gloss_text_collapse_space (before);
  g_autofree char *match_flat = gloss_text_collapse_space (match);
  g_autofree char *after_flat = gloss_text_collapse_space (after);

  return g_markup_printf_escaped ("%s%s<b>%s</b>%s%s",
                                  a > 0 ? "…" : "", before_flat, match_flat, after_flat,
                                  b < length ? "…" : "");
}

static void
check_toggled_cb (GtkCheckButton         *check,
                  GlossAnnotateAllDialog *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index"));

  if (self->occurrences == NULL || i >= self->occurrences->len)
    return;

  g_array_index (self->occurrences, GlossOccurrence, i).selected = gtk_check_button_get_active (check);
  update_status (self);
}

static void
show_clicked_cb (GtkButton              *button,
                 GlossAnnotateAllDialog *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (self->occurrences != NULL && i < self->occurrences->len)
    g_signal_emit (self, signals[SHOW_OCCURRENCE], 0, i);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GlossAnnotateAllDialog   *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *show = gtk_button_new_from_icon_name ("find-location-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_widget_add_css_class (show, "flat");
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (show, _("Show in Article"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (show),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show in Article"),
                                  -1);
  g_signal_connect (show, "clicked", G_CALLBACK (show_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), show);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GlossAnnotateAllDialog   *self)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (check);
  GtkWidget *show = gtk_widget_get_next_sibling (label);
  guint i = (guint) g_ascii_strtoull (gtk_string_object_get_string (string), NULL, 10);
  GlossOccurrence *o;
  g_autofree char *markup = NULL;

  if (self->occurrences == NULL || i >= self->occurrences->len)
    return;

  o = &g_array_index (self->occurrences, GlossOccurrence, i);
  markup = context_markup (self, o);
  gtk_label_set_markup (GTK_LABEL (label), markup);

  g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (show), "index", GUINT_TO_POINTER (i));
  g_signal_handlers_block_by_func (check, check_toggled_cb, self);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), o->selected);
  g_signal_handlers_unblock_by_func (check, check_toggled_cb, self);
  gtk_widget_set_sensitive (check, !o->covered);
  gtk_widget_set_tooltip_text (box, o->covered ? _("Already tagged with this label") : NULL);
  gtk_widget_set_opacity (label, o->covered ? 0.55 : 1.0);
}

/**
 * gloss_annotate_all_dialog_toggle:
 * @index: a match's index in gloss_annotate_all_dialog_get_occurrences()
 *
 * Selects or deselects one match (what clicking its row, or the match in
 * the article, does); matches already tagged stay as they are.
 */
void
gloss_annotate_all_dialog_toggle (GlossAnnotateAllDialog *self,
                                  guint                   index)
{
  GlossOccurrence *o;

  g_return_if_fail (GLOSS_IS_ANNOTATE_ALL_DIALOG (self));

  if (self->occurrences == NULL || index >= self->occurrences->len)
    return;

  o = &g_array_index (self->occurrences, GlossOccurrence, index);
  if (o->covered)
    return;

  o->selected = !o->selected;
  g_list_model_items_changed (G_LIST_MODEL (self->items), index, 1, 1);
  update_status (self);
}

static void
row_activated_cb (GlossAnnotateAllDialog *self,
                  guint                   position)
{
  gloss_annotate_all_dialog_toggle (self, position);
}

static void
set_all (GlossAnnotateAllDialog *self,
         gboolean                selected)
{
  guint n;

  if (self->occurrences == NULL)
    return;

  for (guint i = 0; i < self->occurrences->len; i++)
    {
      GlossOccurrence *o = &g_array_index (self->occurrences, GlossOccurrence, i);

      o->selected = selected && !o->covered;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_list_model_items_changed (G_LIST_MODEL (self->items), 0, n, n);
  update_status (self);
}

static void
select_all_cb (GlossAnnotateAllDialog *self)
{
  set_all (self, TRUE);
}

static void
select_none_cb (GlossAnnotateAllDialog *self)
{
  set_all (self, FALSE);
}

/**
 * gloss_annotate_all_dialog_apply:
 *
 * Tags the selected occurrences (what the Tag button does), emits
 * "applied" (added, skipped) and closes.
 */
gboolean
gloss_annotate_all_dialog_apply (GlossAnnotateAllDialog *self)
{
  g_autoptr(GlossAnnotation) model = NULL;
  g_autoptr(GError) error = NULL;
  const char *label = selected_label (self);
  guint skipped = 0;
  guint added;

  g_return_val_if_fail (GLOSS_IS_ANNOTATE_ALL_DIALOG (self), FALSE);

  if (self->occurrences == NULL || label == NULL)
    return FALSE;

  if (self->source != NULL)
    {
      model = gloss_annotation_copy (self->source);
      gloss_annotation_set_label (model, label);
      gloss_annotation_set_note (model, NULL);
    }
  else
    model = gloss_annotation_new (label, 0, 1);

  added = gloss_annotate_occurrences (self->document, self->occurrences, model, &skipped, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      return FALSE;
    }

  g_signal_emit (self, signals[APPLIED], 0, added, skipped);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
apply_clicked_cb (GlossAnnotateAllDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->apply_button)))
    gloss_annotate_all_dialog_apply (self);
}

static void
gloss_annotate_all_dialog_dispose (GObject *object)
{
  GlossAnnotateAllDialog *self = (GlossAnnotateAllDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATE_ALL_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->source);
  g_clear_object (&self->items);
  g_clear_object (&self->label_names);
  g_clear_pointer (&self->occurrences, g_array_unref);
  g_clear_pointer (&self->searched, g_free);
  g_clear_pointer (&self->searched_label, g_free);

  G_OBJECT_CLASS (gloss_annotate_all_dialog_parent_class)->dispose (object);
}

static void
gloss_annotate_all_dialog_class_init (GlossAnnotateAllDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotate_all_dialog_dispose;

  /**
   * GlossAnnotateAllDialog::applied:
   * @added: annotations created
   * @skipped: selected matches skipped as already tagged
   */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * GlossAnnotateAllDialog::preview-changed:
   *
   * The matches or their selection changed: the article redraws them.
   */
  signals[PREVIEW_CHANGED] =
    g_signal_new ("preview-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GlossAnnotateAllDialog::show-occurrence:
   * @index: the match the user wants to see in the article
   */
  signals[SHOW_OCCURRENCE] =
    g_signal_new ("show-occurrence",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gloss-annotate-all-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, case_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, word_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, regex_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotateAllDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_none_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_annotate_all_dialog_init (GlossAnnotateAllDialog *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = gtk_string_list_new (NULL);
  self->label_names = gtk_string_list_new (NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)))));
}

GlossAnnotateAllDialog *
gloss_annotate_all_dialog_new (GtkWindow       *parent,
                               GlossDocument   *document,
                               const char      *text,
                               const char      *label,
                               GlossAnnotation *source)
{
  GlossAnnotateAllDialog *self;
  GlossLabelSet *labels;
  guint selected = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATE_ALL_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  g_set_object (&self->source, source);

  labels = gloss_document_get_labels (document);
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      const char *name = gloss_label_get_name (gloss_label_set_get_label (labels, i));

      gtk_string_list_append (self->label_names, name);
      if (g_strcmp0 (name, label) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (self->label_names));
  gtk_drop_down_set_selected (self->label_dropdown, selected);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_changed_cb (self);

  /* Enter tags: the dialog opens in the search text, not on Cancel. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->apply_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));

  return self;
}

/**
 * gloss_annotate_all_dialog_get_occurrences:
 *
 * Returns: (transfer none) (nullable) (element-type GlossOccurrence): the
 *   current matches and their selection
 */
GArray *
gloss_annotate_all_dialog_get_occurrences (GlossAnnotateAllDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATE_ALL_DIALOG (self), NULL);

  return self->occurrences;
}

/**
 * gloss_annotate_all_dialog_get_label:
 *
 * Returns: (nullable): the label the matches are to be tagged with
 */
const char *
gloss_annotate_all_dialog_get_label (GlossAnnotateAllDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATE_ALL_DIALOG (self), NULL);

  return selected_label (self);
}

void
gloss_annotate_all_dialog_set_options (GlossAnnotateAllDialog *self,
                                       GlossSearchFlags        flags)
{
  g_return_if_fail (GLOSS_IS_ANNOTATE_ALL_DIALOG (self));

  gtk_toggle_button_set_active (self->case_toggle, (flags & GLOSS_SEARCH_MATCH_CASE) != 0);
  gtk_toggle_button_set_active (self->word_toggle, (flags & GLOSS_SEARCH_WHOLE_WORD) != 0);
  gtk_toggle_button_set_active (self->regex_toggle, (flags & GLOSS_SEARCH_REGEX) != 0);
  search_changed_cb (self);
}
