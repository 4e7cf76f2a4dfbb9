/* gloss-window-claims.c: tagging all occurrences, links, labels, find,
 * statistics and claim navigation
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-window-claims"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotate-all-dialog.h"
#include "gloss-application.h"
#include "gloss-claim.h"
#include "gloss-label-editor.h"
#include "gloss-occurrences.h"
#include "gloss-scheme.h"
#include "gloss-statistics-view.h"
#include "gloss-window-private.h"

#define MAX_FIND_MATCHES 100000

static GlossAnnotation *
selected_annotation (GlossWindow *self)
{
  GlossAnnotation *annotation = gloss_sidebar_get_selected_annotation (self->sidebar);

  if (annotation == NULL)
    annotation = gloss_article_view_get_selected_annotation (self->article_view);

  return annotation;
}

static GlossLabelKind
kind_of (GlossWindow     *self,
         GlossAnnotation *annotation)
{
  GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (self->document),
                                              gloss_annotation_get_label (annotation));

  return label ? gloss_label_get_kind (label) : GLOSS_LABEL_KIND_HIGHLIGHT;
}

/* Tag all occurrences ------------------------------------------------------ */

static void
annotate_all_applied_cb (GlossAnnotateAllDialog *dialog,
                         guint                   added,
                         guint                   skipped,
                         GlossWindow            *self)
{
  g_autofree char *message = NULL;

  if (skipped > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Tagged %u occurrence, skipped %u already tagged",
                                            "Tagged %u occurrences, skipped %u already tagged",
                                            added),
                               added, skipped);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %u occurrence",
                                            "Tagged %u occurrences", added),
                               added);
  _gloss_window_show_toast (self, message);
}

static void
annotate_all_preview_cb (GlossAnnotateAllDialog *dialog,
                         GlossWindow            *self)
{
  gloss_article_view_set_preview (self->article_view,
                                  gloss_annotate_all_dialog_get_occurrences (dialog),
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "current")));
}

static void
annotate_all_show_cb (GlossAnnotateAllDialog *dialog,
                      guint                   index,
                      GlossWindow            *self)
{
  GArray *occurrences = gloss_annotate_all_dialog_get_occurrences (dialog);

  g_object_set_data (G_OBJECT (dialog), "current", GUINT_TO_POINTER (index));
  annotate_all_preview_cb (dialog, self);
  if (occurrences != NULL && index < occurrences->len)
    gloss_article_view_scroll_to_range (self->article_view,
                                        g_array_index (occurrences, GlossOccurrence, index).start);
}

static void
annotate_all_destroy_cb (GlossAnnotateAllDialog *dialog,
                         GlossWindow            *self)
{
  if (self->article_view != NULL)
    gloss_article_view_set_preview (self->article_view, NULL, G_MAXUINT);
}

/* A click on a previewed match in the article toggles it in the dialog. */
static void
preview_activated_cb (GlossArticleView *view,
                      guint             index,
                      GlossWindow      *self)
{
  if (self->annotate_all_dialog != NULL)
    gloss_annotate_all_dialog_toggle (GLOSS_ANNOTATE_ALL_DIALOG (self->annotate_all_dialog), index);
}

/* The dialog belongs to the document it searched. */
static void
article_document_changed_cb (GlossArticleView *view,
                             GParamSpec       *pspec,
                             GtkWindow        *dialog)
{
  gtk_window_close (dialog);
}

/**
 * _gloss_window_annotate_all:
 *
 * Opens the dialog that tags every occurrence of the selected text (or of
 * the selected annotation's text, copying its label and identifier).
 *
 * Returns: (transfer none) (nullable): the dialog
 */
struct _GlossAnnotateAllDialog *
_gloss_window_annotate_all (GlossWindow *self)
{
  GlossAnnotateAllDialog *dialog;
  GlossAnnotation *source = NULL;
  g_autofree char *text = NULL;
  const char *label = NULL;
  guint start, end;

  if (self->document == NULL)
    return NULL;

  /* One search at a time: a new one replaces the open dialog. */
  if (self->annotate_all_dialog != NULL)
    gtk_window_destroy (self->annotate_all_dialog);

  if (_gloss_window_get_text_selection (self, &start, &end))
    {
      g_autoptr(GPtrArray) hits = g_ptr_array_new ();

      text = gloss_document_slice (self->document, start, end);

      /* Selected exactly an annotation: propagate its label and fields. */
      gloss_annotation_store_query (gloss_document_get_annotations (self->document), start, end, hits);
      for (guint i = 0; i < hits->len && source == NULL; i++)
        if (gloss_annotation_get_start (hits->pdata[i]) == start &&
            gloss_annotation_get_end (hits->pdata[i]) == end)
          source = hits->pdata[i];
      if (source != NULL)
        label = gloss_annotation_get_label (source);
    }
  else if ((source = selected_annotation (self)) != NULL)
    {
      text = g_strdup (gloss_annotation_get_quote (source));
      label = gloss_annotation_get_label (source);
    }

  /* Otherwise the label the reader tagged with last, as with a label
   * key; else the first entity label. */
  if (label == NULL && self->last_tag_label != NULL &&
      gloss_label_set_lookup (gloss_document_get_labels (self->document), self->last_tag_label) != NULL)
    label = self->last_tag_label;
  if (label == NULL)
    {
      GlossLabelSet *labels = gloss_document_get_labels (self->document);

      for (guint i = 0; i < gloss_label_set_get_n_labels (labels) && label == NULL; i++)
        if (gloss_label_get_kind (gloss_label_set_get_label (labels, i)) == GLOSS_LABEL_KIND_ENTITY)
          label = gloss_label_get_name (gloss_label_set_get_label (labels, i));
    }

  /* The palette would cover the matches previewed in the article. */
  gloss_article_view_hide_palette (self->article_view);
  dialog = gloss_annotate_all_dialog_new (GTK_WINDOW (self), self->document, text, label, source);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (annotate_all_applied_cb), self, 0);
  g_object_set_data (G_OBJECT (dialog), "current", GUINT_TO_POINTER (G_MAXUINT));
  g_signal_connect_object (dialog, "preview-changed", G_CALLBACK (annotate_all_preview_cb), self, 0);
  g_signal_connect_object (dialog, "show-occurrence", G_CALLBACK (annotate_all_show_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (annotate_all_destroy_cb), self, 0);
  g_signal_connect_object (self->article_view, "notify::document",
                           G_CALLBACK (article_document_changed_cb), dialog, 0);
  g_set_weak_pointer (&self->annotate_all_dialog, GTK_WINDOW (dialog));
  annotate_all_preview_cb (dialog, self);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
annotate_all_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _gloss_window_annotate_all (GLOSS_WINDOW (widget));
}

/* Labels and statistics ---------------------------------------------------- */

static void
edit_labels_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (gloss_label_editor_new (GTK_WINDOW (self), self->document)));
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *window, *box, *header, *scroller, *view;
  GtkEventController *keys;

  if (self->document == NULL)
    return;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Statistics"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Statistics"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  view = gloss_statistics_view_new ();
  gloss_statistics_view_set_document (GLOSS_STATISTICS_VIEW (view), self->document);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);

  keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);

  gtk_window_present (GTK_WINDOW (window));
}

/* Links --------------------------------------------------------------------- */

/* Ends linking. @replaced: another toast follows at once (the result, or
 * a new prompt). The prompt has no timeout, and toasts queue behind it:
 * it goes as soon as that is safe (a Ctrl+K at once followed by Escape or
 * Enter crashed libadwaita 1.2, see GLOSS_TOAST_SETTLED_USEC). */
static void
end_link (GlossWindow *self,
          gboolean     replaced)
{
  g_clear_pointer (&self->link_source_id, g_free);
  g_clear_pointer (&self->link_type, g_free);
  if (self->link_toast != NULL)
    {
      _gloss_window_dismiss_toast (self, self->link_toast);
      if (!replaced)
        _gloss_window_show_toast (self, _("Linking cancelled"));
    }
  g_clear_object (&self->link_toast);
  _gloss_window_update_actions (self);
}

static void
cancel_link (GlossWindow *self)
{
  end_link (self, FALSE);
}

/* The toast's own button: libadwaita dismisses the toast itself. */
static void
link_toast_button_cb (GlossWindow *self)
{
  g_clear_object (&self->link_toast);
  end_link (self, TRUE);
}

/**
 * _gloss_window_start_link:
 * @type: (nullable): the relation type, or %NULL for the usual one (claimant
 *   for a claim, same-as otherwise)
 *
 * Starts choosing the other end of a link from the selected annotation:
 * click it in the article, or select it in the list and press Enter.
 */
gboolean
_gloss_window_start_link (GlossWindow *self,
                          const char  *type)
{
  GlossAnnotation *source = selected_annotation (self);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->document == NULL || source == NULL)
    {
      _gloss_window_show_toast (self, _("Select the annotation to link from first"));
      return FALSE;
    }

  /* The new link toast takes the place of the old one. */
  end_link (self, TRUE);

  if (type == NULL)
    type = kind_of (self, source) == GLOSS_LABEL_KIND_CLAIM ? GLOSS_RELATION_CLAIMANT : GLOSS_RELATION_SAME_AS;

  self->link_source_id = g_strdup (gloss_annotation_get_id (source));
  self->link_type = g_strdup (type);

  {
    GlossRelationType *relation_type = gloss_label_set_find_relation_type (gloss_document_get_labels (self->document), type);
    g_autofree char *shown = relation_type ? gloss_relation_type_dup_display_name (relation_type) : g_strdup (type);

    /* Translators: %s is a relation type such as "claimant" */
    message = g_strdup_printf (_("Link “%s”: click the other annotation, or select it and press Enter"), shown);
  }
  toast = _gloss_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Cancel"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (link_toast_button_cb), self, G_CONNECT_SWAPPED);
  self->link_toast = g_object_ref (toast);
  _gloss_window_add_toast (self, toast);
  gloss_set_str (&self->last_message, message);

  _gloss_window_update_actions (self);

  return TRUE;
}

/**
 * _gloss_window_finish_link:
 *
 * Links the annotation chosen by _gloss_window_start_link() to @target,
 * as one undoable edit. A claimant link always goes from the claim to the
 * entity, whichever end the user started from.
 */
gboolean
_gloss_window_finish_link (GlossWindow     *self,
                           GlossAnnotation *target)
{
  GlossAnnotationStore *store;
  GlossAnnotation *source;
  GlossAnnotation *from, *to;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *type = NULL;

  if (self->document == NULL || self->link_source_id == NULL || target == NULL)
    return FALSE;

  store = gloss_document_get_annotations (self->document);
  source = gloss_annotation_store_lookup (store, self->link_source_id);
  if (source == NULL)
    {
      cancel_link (self);
      return FALSE;
    }

  if (g_strcmp0 (gloss_annotation_get_id (source), gloss_annotation_get_id (target)) == 0)
    {
      _gloss_window_show_toast (self, _("Choose a different annotation to link to"));
      return FALSE;
    }

  type = g_strdup (self->link_type);
  from = source;
  to = target;

  if (g_strcmp0 (type, GLOSS_RELATION_CLAIMANT) == 0)
    {
      if (kind_of (self, source) != GLOSS_LABEL_KIND_CLAIM && kind_of (self, target) == GLOSS_LABEL_KIND_CLAIM)
        {
          from = target;
          to = source;
        }
      if (kind_of (self, from) != GLOSS_LABEL_KIND_CLAIM || kind_of (self, to) != GLOSS_LABEL_KIND_ENTITY)
        {
          _gloss_window_show_toast (self, _("A claimant link goes from a claim to an entity (the person or organisation making it)"));
          return FALSE;
        }
    }

  else
    {
      /* The label set's types say which annotations they may link. */
      GlossLabelSet *labels = gloss_document_get_labels (self->document);
      GlossRelationType *relation_type = gloss_label_set_find_relation_type (labels, type);
      g_autofree char *why = NULL;

      if (relation_type != NULL &&
          !gloss_scheme_check_link (relation_type,
                                    gloss_label_set_lookup (labels, gloss_annotation_get_label (from)),
                                    gloss_label_set_lookup (labels, gloss_annotation_get_label (to)),
                                    &why))
        {
          _gloss_window_show_toast (self, why);
          return FALSE;
        }
    }

  /* The result's toast follows and takes the link toast's place. */
  end_link (self, TRUE);

  if (g_strcmp0 (type, GLOSS_RELATION_CLAIMANT) == 0)
    {
      /* A claim has one claimant: a new one takes the old one's place. */
      GlossAnnotation *previous = gloss_claim_get_claimant (self->document, from);
      g_autofree char *was = previous != NULL ? gloss_text_ellipsize (gloss_annotation_get_quote (previous), 32) : NULL;

      if (gloss_claim_set_claimant (self->document, from, to, &error) == NULL)
        {
          _gloss_window_show_toast (self, error->message);
          return FALSE;
        }
      if (was != NULL)
        {
          quote = gloss_text_ellipsize (gloss_annotation_get_quote (to), 32);
          /* Translators: the claimant of a claim was replaced by another */
          message = g_strdup_printf (_("Claimant changed to “%s” (was “%s”)"), quote, was);
        }
    }
  else if (gloss_document_relate (self->document, type, from, to, &error) == NULL)
    {
      _gloss_window_show_toast (self, error->message);
      return FALSE;
    }

  if (message == NULL)
    {
      GlossRelationType *relation_type = gloss_label_set_find_relation_type (gloss_document_get_labels (self->document), type);
      g_autofree char *shown = relation_type ? gloss_relation_type_dup_display_name (relation_type) : g_strdup (type);

      quote = gloss_text_ellipsize (gloss_annotation_get_quote (to), 32);
      /* Translators: "Linked Claimant → “Jane Doe”"; the first %s is a
       * relation type, named as in the label set */
      message = g_strdup_printf (_("Linked %s → “%s”"), shown, quote);
    }
  _gloss_window_show_toast (self, message);

  /* Back to the annotation the link started from, which now shows it
   * (a claim its claimant); the text stays where the target was found. */
  self->syncing_selection++;
  _gloss_window_select_annotation (self, source);
  self->syncing_selection--;

  return TRUE;
}

static void
start_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *type = parameter ? g_variant_get_string (parameter, NULL) : NULL;

  _gloss_window_start_link (GLOSS_WINDOW (widget), type && *type ? type : NULL);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _gloss_window_start_link (GLOSS_WINDOW (widget), NULL);
}

static void
finish_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  _gloss_window_finish_link (self, gloss_sidebar_get_selected_annotation (self->sidebar));
}

static void
cancel_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cancel_link (GLOSS_WINDOW (widget));
}

static void
link_target_activated_cb (GlossWindow     *self,
                          GlossAnnotation *annotation)
{
  if (self->link_source_id != NULL)
    _gloss_window_finish_link (self, annotation);
}

/* GtkWindow binds Enter to "activate-default", before the window's own
 * Enter binding: while a link waits for its target, Enter picks the
 * annotation selected in the list instead. */
static void
activate_default_cb (GlossWindow *self)
{
  if (self->link_source_id == NULL)
    return;

  g_signal_stop_emission_by_name (self, "activate-default");
  _gloss_window_finish_link (self, gloss_sidebar_get_selected_annotation (self->sidebar));
}

/* Emphasise the annotations linked to the selected one. */
static void
update_linked (GlossWindow *self)
{
  GlossAnnotation *annotation = self->document ? selected_annotation (self) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (annotation != NULL)
    {
      g_autoptr(GPtrArray) relations = gloss_document_relations_of (self->document,
                                                                    gloss_annotation_get_id (annotation));

      for (guint i = 0; i < relations->len; i++)
        {
          GlossRelation *r = relations->pdata[i];
          const char *other = g_strcmp0 (gloss_relation_get_from (r), gloss_annotation_get_id (annotation)) == 0
                              ? gloss_relation_get_to (r) : gloss_relation_get_from (r);

          g_ptr_array_add (ids, (gpointer) other);
        }
    }
  g_ptr_array_add (ids, NULL);

  gloss_article_view_set_linked_ids (self->article_view, (const char * const *) ids->pdata);
}

/* Navigation ---------------------------------------------------------------- */

typedef gboolean (*Matcher) (GlossWindow     *self,
                             GlossAnnotation *candidate,
                             GlossAnnotation *current);

static gboolean
same_label (GlossWindow     *self,
            GlossAnnotation *candidate,
            GlossAnnotation *current)
{
  return current != NULL &&
         g_strcmp0 (gloss_annotation_get_label (candidate), gloss_annotation_get_label (current)) == 0;
}

static gboolean
unchecked_claim (GlossWindow     *self,
                 GlossAnnotation *candidate,
                 GlossAnnotation *current)
{
  return kind_of (self, candidate) == GLOSS_LABEL_KIND_CLAIM && gloss_claim_is_unchecked (candidate);
}

/* Selects the next (or previous) annotation after the selected one, or
 * after the cursor, that @matches; wraps around once. */
static gboolean
select_matching (GlossWindow *self,
                 int          direction,
                 Matcher      matches)
{
  GlossAnnotationStore *store;
  GlossAnnotation *current;
  guint n, pos;

  if (self->document == NULL)
    return FALSE;

  store = gloss_document_get_annotations (self->document);
  n = gloss_annotation_store_get_n_items (store);
  if (n == 0)
    return FALSE;

  current = selected_annotation (self);
  if (current == NULL || !gloss_annotation_store_find (store, current, &pos))
    {
      guint start = 0, end = 0;

      gloss_article_view_get_selection (self->article_view, &start, &end);
      pos = gloss_annotation_store_lower_bound (store, start);
      pos = direction > 0 ? (pos == 0 ? n - 1 : pos - 1) : pos % n;
    }

  for (guint step = 1; step <= n; step++)
    {
      guint i = direction > 0 ? (pos + step) % n : (pos + n - step % n) % n;
      GlossAnnotation *candidate = gloss_annotation_store_get (store, i);

      if (candidate != current && matches (self, candidate, current))
        {
          _gloss_window_select_annotation (self, candidate);
          return TRUE;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
  return FALSE;
}

static void
next_same_label_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (selected_annotation (self) == NULL)
    {
      _gloss_window_show_toast (self, _("Select an annotation first"));
      return;
    }
  select_matching (self, g_str_equal (action_name, "win.next-same-label") ? 1 : -1, same_label);
}

static void
next_unchecked_claim_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (!select_matching (self, g_str_equal (action_name, "win.next-unchecked-claim") ? 1 : -1, unchecked_claim))
    _gloss_window_show_toast (self, _("Every claim has a verdict"));
}

/* Find in article ------------------------------------------------------------ */

static void
show_match (GlossWindow *self)
{
  g_autofree char *count = NULL;

  if (self->find_matches == NULL || self->find_matches->len == 0)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

      gtk_label_set_text (self->find_count, *text ? _("No matches") : "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->find_previous), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->find_next), FALSE);
      return;
    }

  {
    GlossOccurrence *o = &g_array_index (self->find_matches, GlossOccurrence, self->find_current);

    gloss_article_view_select_range (self->article_view, o->start, o->end);
    /* A match off screen comes a third of the way down, with the text
     * around it, not at the very edge (as Text Editor does). */
    gloss_article_view_scroll_to_range (self->article_view, o->start);
  }

  /* Translators: "3 of 12" matches */
  count = g_strdup_printf (_("%u of %u"), self->find_current + 1, self->find_matches->len);
  gtk_label_set_text (self->find_count, count);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_previous), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_next), TRUE);
}

static void
find_changed_cb (GlossWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  guint start = 0, end = 0;

  g_clear_pointer (&self->find_matches, g_array_unref);
  self->find_current = 0;

  if (self->document != NULL && text != NULL && *text != '\0')
    {
      /* As a browser's find: any case, any accents ("Zurich", "Zürich"). */
      self->find_matches = gloss_find_occurrences (self->document, text, GLOSS_SEARCH_IGNORE_ACCENTS,
                                                   NULL, MAX_FIND_MATCHES, NULL);

      /* Start from the reading position. */
      gloss_article_view_get_selection (self->article_view, &start, &end);
      for (guint i = 0; self->find_matches != NULL && i < self->find_matches->len; i++)
        if (g_array_index (self->find_matches, GlossOccurrence, i).start >= start)
          {
            self->find_current = i;
            break;
          }
    }

  show_match (self);
}

static void
find_step (GlossWindow *self,
           int          delta)
{
  if (self->find_matches == NULL || self->find_matches->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->find_current = (self->find_current + self->find_matches->len + delta) % self->find_matches->len;
  show_match (self);
}

static void
find_next_cb (GlossWindow *self)
{
  find_step (self, 1);
}

static void
find_previous_cb (GlossWindow *self)
{
  find_step (self, -1);
}

static gboolean
find_previous_shortcut_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  find_step (user_data, -1);
  return TRUE;
}

static void
find_stop_cb (GlossWindow *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
find_in_article_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint start, end;

  if (self->document == NULL)
    return;

  /* Seed with a short selection, as text editors do. */
  if (_gloss_window_get_text_selection (self, &start, &end) && end - start <= 80)
    {
      g_autofree char *text = gloss_document_slice (self->document, start, end);

      if (strchr (text, '\n') == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
    }

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  find_step (GLOSS_WINDOW (widget), g_str_equal (action_name, "win.find-next") ? 1 : -1);
}

/* Setup ---------------------------------------------------------------------- */

/* What this part enables; called from _gloss_window_update_actions(). */
void
_gloss_window_update_actions_claims (GlossWindow *self)
{
  gboolean has_document = self->document != NULL;
  gboolean has_selection = has_document && selected_annotation (self) != NULL;

  _gloss_window_set_action_enabled (self, "win.annotate-all", has_document);
  _gloss_window_set_action_enabled (self, "win.edit-labels", has_document);
  _gloss_window_set_action_enabled (self, "win.statistics", has_document);
  _gloss_window_set_action_enabled (self, "win.find-in-article", has_document);
  _gloss_window_set_action_enabled (self, "win.start-link", has_selection);
  _gloss_window_set_action_enabled (self, "win.link", has_selection);
  _gloss_window_set_action_enabled (self, "win.finish-link", self->link_source_id != NULL);
  _gloss_window_set_action_enabled (self, "win.cancel-link", self->link_source_id != NULL);
  _gloss_window_set_action_enabled (self, "win.next-same-label", has_selection);
  _gloss_window_set_action_enabled (self, "win.previous-same-label", has_selection);
  _gloss_window_set_action_enabled (self, "win.next-unchecked-claim", has_document);
  _gloss_window_set_action_enabled (self, "win.previous-unchecked-claim", has_document);
}

void
_gloss_window_class_init_claims (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_count);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_previous);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_next);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);

  gtk_widget_class_install_action (widget_class, "win.annotate-all", NULL, annotate_all_action);
  gtk_widget_class_install_action (widget_class, "win.edit-labels", NULL, edit_labels_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.start-link", "s", start_link_action);
  gtk_widget_class_install_action (widget_class, "win.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "win.finish-link", NULL, finish_link_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-link", NULL, cancel_link_action);
  gtk_widget_class_install_action (widget_class, "win.next-same-label", NULL, next_same_label_action);
  gtk_widget_class_install_action (widget_class, "win.previous-same-label", NULL, next_same_label_action);
  gtk_widget_class_install_action (widget_class, "win.next-unchecked-claim", NULL, next_unchecked_claim_action);
  gtk_widget_class_install_action (widget_class, "win.previous-unchecked-claim", NULL, next_unchecked_claim_action);
  gtk_widget_class_install_action (widget_class, "win.find-in-article", NULL, find_in_article_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.annotate-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.annotate-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.edit-labels", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.edit-labels", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.statistics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "win.finish-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "win.finish-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.next-same-label", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.previous-same-label", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-unchecked-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "win.previous-unchecked-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find-in-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
}

void
_gloss_window_init_claims (GlossWindow *self)
{
  GtkEventController *keys;
  GApplication *app = g_application_get_default ();
  GtkShortcut *shortcut;

  g_signal_connect_object (self->article_view, "annotation-activated",
                           G_CALLBACK (link_target_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::selected-annotation",
                           G_CALLBACK (update_linked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "preview-activated",
                           G_CALLBACK (preview_activated_cb), self, 0);
  g_signal_connect (self, "activate-default", G_CALLBACK (activate_default_cb), NULL);

  if (GLOSS_IS_APPLICATION (app))
    gloss_sidebar_set_gazetteer (self->sidebar, gloss_application_get_gazetteer (GLOSS_APPLICATION (app)));

  /* Enter and Shift+Enter step through the matches. */
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK)),
                               gtk_callback_action_new ((GtkShortcutFunc) find_previous_shortcut_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  /* Ctrl+Shift+A tags all from anywhere in the window: entries, text
   * views and lists bind it to "unselect all", which would swallow it
   * while the user is in the identifier field or the list. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (keys, "gloss-window-claims-capture");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK)),
                               gtk_named_action_new ("win.annotate-all"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

void
_gloss_window_dispose_claims (GlossWindow *self)
{
  g_clear_pointer (&self->link_source_id, g_free);
  g_clear_pointer (&self->link_type, g_free);
  g_clear_object (&self->link_toast);
  g_clear_pointer (&self->find_matches, g_array_unref);
  if (self->annotate_all_dialog != NULL)
    gtk_window_destroy (self->annotate_all_dialog);
  g_clear_weak_pointer (&self->annotate_all_dialog);
}
