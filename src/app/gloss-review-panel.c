/* gloss-review-panel.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-review-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-annotation-row.h"
#include "gloss-decision.h"
#include "gloss-review-panel.h"

#define QUOTE_CHARS 60

struct _GlossReviewPanel
{
  GtkWidget            parent_instance;

  GlossMergeSession   *session;      /* merge mode */
  GlossDocument       *original;
  GlossDocument       *theirs;
  GlossDocument       *reviewed;     /* reviewing their file on its own */
  GListStore          *differences;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  gboolean             hide_agreements;
  guint                shown[GLOSS_N_DIFFERENCE_CATEGORIES];
  char                *current_id;   /* on its own: annotations are replaced by edits */
  guint                restoring;

  /* Edit decision */
  gboolean             editing;
  const char          *edit_text;
  guint                edit_start;
  guint                edit_end;
  GtkStringList       *edit_labels;

  GtkWidget           *subtitle;
  GtkWidget           *legend;
  GtkWidget           *switcher;
  GtkWidget           *stack;
  GtkWidget           *anchor_box;
  GtkWidget           *anchor_label;
  GtkWidget           *orphan_expander;
  GtkWidget           *orphan_box;
  GtkWidget           *show_agreements;
  GtkWidget           *list_view;
  GtkWidget           *detail_title;
  GtkWidget           *merge_buttons;
  GtkWidget           *alone_buttons;
  GtkWidget           *comment_revealer;
  GtkWidget           *comment_entry;
  GtkWidget           *edit_revealer;
  GtkWidget           *edit_dropdown;
  GtkWidget           *edit_quote;
  GtkWidget           *progress;
  GtkWidget           *save_button;
  GtkWidget           *agreement_view;
};

G_DEFINE_FINAL_TYPE (GlossReviewPanel, gloss_review_panel, GTK_TYPE_WIDGET)

enum {
  CURRENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers ------------------------------------------------------------------ */

static char *
short_quote (const char *quote)
{
  g_autofree char *flat = g_strdup (quote != NULL ? quote : "");

  g_strdelimit (flat, "\n\r\t", ' ');
  if (g_utf8_strlen (flat, -1) > QUOTE_CHARS)
    {
      g_autofree char *head = g_utf8_substring (flat, 0, QUOTE_CHARS - 1);

      return g_strdup_printf ("“%s…”", head);
    }

  return g_strdup_printf ("“%s”", flat);
}

static gboolean
is_decided (GObject *item)
{
  if (GLOSS_IS_DIFFERENCE (item))
    return gloss_difference_get_decision (GLOSS_DIFFERENCE (item)) != NULL ||
           !gloss_difference_is_conflict (GLOSS_DIFFERENCE (item));

  if (GLOSS_IS_ANNOTATION (item))
    return gloss_review_get_status (GLOSS_ANNOTATION (item)) != GLOSS_REVIEW_NONE;

  return TRUE;
}

static const char *
status_title (GlossReviewStatus status)
{
  switch (status)
    {
    case GLOSS_REVIEW_ACCEPTED:
      return _("Accepted");
    case GLOSS_REVIEW_REJECTED:
      return _("Rejected");
    case GLOSS_REVIEW_NEEDS_DISCUSSION:
      return _("Needs discussion");
    case GLOSS_REVIEW_NONE:
    default:
      return NULL;
    }
}

static void
set_chip (GtkWidget     *chip,
          GlossDocument *document,
          const char    *label)
{
  GlossLabel *def = document != NULL ? gloss_label_set_lookup (gloss_document_get_labels (document), label) : NULL;
  const char *old = g_object_get_data (G_OBJECT (chip), "color-class");

  if (old != NULL)
    gtk_widget_remove_css_class (chip, old);
  old = gloss_label_css_class (def);
  gtk_widget_add_css_class (chip, old);
  g_object_set_data (G_OBJECT (chip), "color-class", (gpointer) old);
  gtk_label_set_text (GTK_LABEL (chip), label);
}

/* Rows --------------------------------------------------------------------- */

typedef struct
{
  GtkWidget *header;
  GtkWidget *mine_line;
  GtkWidget *mine_who;
  GtkWidget *mine_chip;
  GtkWidget *mine_quote;
  GtkWidget *theirs_line;
  GtkWidget *theirs_chip;
  GtkWidget *theirs_quote;
  GtkWidget *attributes;
  GtkWidget *decision;
} RowWidgets;

static GtkWidget *
side_line (const char  *who,
           GtkWidget  **who_label,
           GtkWidget  **chip,
           GtkWidget  **quote)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *w = gtk_label_new (who);

  gtk_label_set_width_chars (GTK_LABEL (w), 6);
  gtk_label_set_xalign (GTK_LABEL (w), 0);
  gtk_widget_add_css_class (w, "dim-label");
  gtk_widget_add_css_class (w, "caption");
  gtk_box_append (GTK_BOX (line), w);

  *chip = gtk_label_new (NULL);
  gtk_widget_add_css_class (*chip, "label-chip");
  gtk_widget_set_valign (*chip, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), *chip);

  *quote = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*quote), 0);
  gtk_label_set_ellipsize (GTK_LABEL (*quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (*quote), 30);
  gtk_widget_set_hexpand (*quote, TRUE);
  gtk_widget_add_css_class (*quote, "quote");
  gtk_box_append (GTK_BOX (line), *quote);

  if (who_label != NULL)
    *who_label = w;

  return line;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          GlossReviewPanel         *self)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_widget_add_css_class (box, "review-row");

  /* The group heading sits outside the highlighted part of the row. */
  w->header = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->header), 0);
  gtk_widget_add_css_class (w->header, "review-group");
  gtk_box_append (GTK_BOX (box), w->header);

  gtk_widget_add_css_class (item, "review-item");
  gtk_box_append (GTK_BOX (box), item);

  w->mine_line = side_line (_("Mine"), &w->mine_who, &w->mine_chip, &w->mine_quote);
  gtk_box_append (GTK_BOX (item), w->mine_line);
  w->theirs_line = side_line (_("Theirs"), NULL, &w->theirs_chip, &w->theirs_quote);
  gtk_box_append (GTK_BOX (item), w->theirs_line);

  w->attributes = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->attributes), 0);
  gtk_label_set_wrap (GTK_LABEL (w->attributes), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (w->attributes), 36);
  gtk_widget_add_css_class (w->attributes, "caption");
  gtk_widget_add_css_class (w->attributes, "warning");
  gtk_box_append (GTK_BOX (item), w->attributes);

  w->decision = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->decision), 0);
  gtk_label_set_wrap (GTK_LABEL (w->decision), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (w->decision), 36);
  gtk_widget_add_css_class (w->decision, "caption");
  gtk_widget_add_css_class (w->decision, "review-decision");
  gtk_box_append (GTK_BOX (item), w->decision);

  g_object_set_data_full (G_OBJECT (box), "row-widgets", w, g_free);
  gtk_list_item_set_child (list_item, box);
}

static RowWidgets *
row_widgets (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return child != NULL ? g_object_get_data (G_OBJECT (child), "row-widgets") : NULL;
}

static void
fill_header (GlossReviewPanel *self,
             GtkListItem      *list_item)
{
  RowWidgets *w = row_widgets (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  GlossDifferenceCategory category;
  gboolean first = TRUE;
  g_autofree char *text = NULL;

  if (w == NULL)
    return;

  if (!GLOSS_IS_DIFFERENCE (item) || self->session == NULL || position == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_set_visible (w->header, FALSE);
      return;
    }

  category = gloss_difference_get_category (GLOSS_DIFFERENCE (item));
  if (position > 0)
    {
      g_autoptr(GlossDifference) previous = g_list_model_get_item (G_LIST_MODEL (self->filtered), position - 1);

      first = previous == NULL || gloss_difference_get_category (previous) != category;
    }

  gtk_widget_set_visible (w->header, first);
  if (first)
    {
      guint total = gloss_comparison_get_count (gloss_merge_session_get_comparison (self->session), category);

      if (category == GLOSS_DIFFERENCE_AGREE && self->shown[category] != total)
        /* Translators: a group heading in the review list: with agreements
         * hidden, those whose fields (verdict, claimant, note) differ still
         * show; the rows shown and all agreements */
        text = g_strdup_printf (_("Agree, but fields differ · %u of %u"), self->shown[category], total);
      else if (self->shown[category] != total)
        /* Translators: a group heading in the review list: a category, the rows shown and all of them */
        text = g_strdup_printf (_("%s · %u of %u"), gloss_difference_category_get_title (category),
                                self->shown[category], total);
      else
        /* Translators: a group heading in the review list: a category and its count */
        text = g_strdup_printf (_("%s · %u"), gloss_difference_category_get_title (category), total);
      gtk_label_set_text (GTK_LABEL (w->header), text);
    }
}

static void
fill_difference (GlossReviewPanel *self,
                 RowWidgets       *w,
                 GlossDifference  *difference)
{
  GlossAnnotation *mine = gloss_difference_get_mine (difference);
  GlossAnnotation *theirs = gloss_difference_get_theirs (difference);
  const char * const *attributes = gloss_difference_get_attribute_differences (difference);
  GlossDecision *decision = GLOSS_DECISION (gloss_difference_get_decision (difference));
  GString *text = g_string_new (NULL);

  gtk_widget_set_visible (w->mine_who, TRUE);
  gtk_widget_set_visible (w->mine_line, mine != NULL);
  if (mine != NULL)
    {
      g_autofree char *quote = short_quote (gloss_annotation_get_quote (mine));

      set_chip (w->mine_chip, self->original, gloss_annotation_get_label (mine));
      gtk_label_set_text (GTK_LABEL (w->mine_quote), quote);
      gtk_widget_set_tooltip_text (w->mine_quote, gloss_annotation_get_quote (mine));
    }

  gtk_widget_set_visible (w->theirs_line, theirs != NULL);
  if (theirs != NULL)
    {
      g_autofree char *quote = short_quote (gloss_annotation_get_quote (theirs));

      set_chip (w->theirs_chip, self->theirs, gloss_annotation_get_label (theirs));
      gtk_label_set_text (GTK_LABEL (w->theirs_quote), quote);
      gtk_widget_set_tooltip_text (w->theirs_quote, gloss_annotation_get_quote (theirs));
    }

  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i++)
    {
      const char *a = mine != NULL ? gloss_annotation_get_attribute_string (mine, attributes[i]) : NULL;
      const char *b = theirs != NULL ? gloss_annotation_get_attribute_string (theirs, attributes[i]) : NULL;
      const char *name = g_str_equal (attributes[i], "verdict") ? _("Verdict")
                       : g_str_equal (attributes[i], "claimant") ? _("Claimant")
                       : attributes[i];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if ((a == NULL || *a == '\0') && (b == NULL || *b == '\0'))
        /* Translators: a claim attribute that differs (a claimant given by a relation) */
        g_string_append_printf (text, _("%s differs"), name);
      else
        /* Translators: a claim attribute that differs: name, mine, theirs */
        g_string_append_printf (text, _("%s: %s (mine) · %s (theirs)"), name,
                                a != NULL && *a != '\0' ? a : "—",
                                b != NULL && *b != '\0' ? b : "—");
    }
  gtk_label_set_text (GTK_LABEL (w->attributes), text->str);
  gtk_widget_set_visible (w->attributes, text->len > 0);
  g_string_free (text, TRUE);

  gtk_widget_set_visible (w->decision, decision != NULL);
  if (decision != NULL)
    {
      const char *comment = gloss_decision_get_comment (decision);
      g_autofree char *line = NULL;

      if (comment != NULL && *comment != '\0')
        /* Translators: a decision and its comment, in a review row */
        line = g_strdup_printf (_("✓ %s — %s"), gloss_decision_kind_get_title (gloss_decision_get_kind (decision)), comment);
      else
        line = g_strdup_printf ("✓ %s", gloss_decision_kind_get_title (gloss_decision_get_kind (decision)));
      gtk_label_set_text (GTK_LABEL (w->decision), line);
    }
}

static void
fill_annotation (GlossReviewPanel *self,
                 RowWidgets       *w,
                 GlossAnnotation  *annotation)
{
  g_autofree char *quote = short_quote (gloss_annotation_get_quote (annotation));
  GlossReviewStatus status = gloss_review_get_status (annotation);
  const char *comment = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTRIBUTE_REVIEW_COMMENT);

  gtk_widget_set_visible (w->mine_line, TRUE);
  gtk_widget_set_visible (w->mine_who, FALSE);
  gtk_widget_set_visible (w->theirs_line, FALSE);
  gtk_widget_set_visible (w->attributes, FALSE);
  set_chip (w->mine_chip, self->reviewed, gloss_annotation_get_label (annotation));
  gtk_label_set_text (GTK_LABEL (w->mine_quote), quote);
  gtk_widget_set_tooltip_text (w->mine_quote, gloss_annotation_get_quote (annotation));

  gtk_widget_set_visible (w->decision, status != GLOSS_REVIEW_NONE);
  gtk_widget_remove_css_class (w->decision, "rejected");
  gtk_widget_remove_css_class (w->decision, "discuss");
  if (status != GLOSS_REVIEW_NONE)
    {
      const char *mark = status == GLOSS_REVIEW_ACCEPTED ? "✓" : status == GLOSS_REVIEW_REJECTED ? "✗" : "?";
      g_autofree char *line = NULL;

      if (comment != NULL && *comment != '\0')
        /* Translators: a mark (✓, ✗, ?), a review status and its comment */
        line = g_strdup_printf (_("%s %s — %s"), mark, status_title (status), comment);
      else
        line = g_strdup_printf ("%s %s", mark, status_title (status));
      gtk_label_set_text (GTK_LABEL (w->decision), line);
      if (status == GLOSS_REVIEW_REJECTED)
        gtk_widget_add_css_class (w->decision, "rejected");
      else if (status == GLOSS_REVIEW_NEEDS_DISCUSSION)
        gtk_widget_add_css_class (w->decision, "discuss");
    }
}

static void
fill_row (GlossReviewPanel *self,
          GtkListItem      *list_item)
{
  RowWidgets *w = row_widgets (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (w == NULL || item == NULL)
    return;

  if (GLOSS_IS_DIFFERENCE (item))
    fill_difference (self, w, GLOSS_DIFFERENCE (item));
  else if (GLOSS_IS_ANNOTATION (item))
    fill_annotation (self, w, GLOSS_ANNOTATION (item));

  if (is_decided (item))
    gtk_widget_add_css_class (child, "decided");
  else
    gtk_widget_remove_css_class (child, "decided");

  fill_header (self, list_item);
}

static void
decision_notify_cb (GObject     *item,
                    GParamSpec  *pspec,
                    GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GlossReviewPanel *self = child != NULL ? g_object_get_data (G_OBJECT (child), "panel") : NULL;

  if (self != NULL)
    fill_row (self, list_item);
}

static void
position_notify_cb (GtkListItem      *list_item,
                    GParamSpec       *pspec,
                    GlossReviewPanel *self)
{
  fill_header (self, list_item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         GlossReviewPanel         *self)
{
  GObject *item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "panel", self);
  if (GLOSS_IS_DIFFERENCE (item))
    g_signal_connect_object (item, "notify::decision", G_CALLBACK (decision_notify_cb), list_item, 0);
  g_signal_connect_object (list_item, "notify::position", G_CALLBACK (position_notify_cb), self, 0);
  fill_row (self, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           GlossReviewPanel         *self)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, decision_notify_cb, list_item);
  g_signal_handlers_disconnect_by_func (list_item, position_notify_cb, self);
}

/* Filtering and selection -------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GlossReviewPanel *self = user_data;

  if (self->hide_agreements && GLOSS_IS_DIFFERENCE (item))
    return gloss_difference_is_conflict (GLOSS_DIFFERENCE (item));

  return TRUE;
}

static gboolean filter_func (gpointer item,
                             gpointer user_data);

/* Rows per category under the current filter (before the filter model
 * updates, so that group headings bound meanwhile are right). */
static void
count_shown (GlossReviewPanel *self)
{
  GListModel *model = G_LIST_MODEL (self->differences);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  memset (self->shown, 0, sizeof self->shown);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDifference) d = g_list_model_get_item (model, i);

      if (filter_func (d, self))
        self->shown[gloss_difference_get_category (d)]++;
    }
}

static void
update_detail (GlossReviewPanel *self)
{
  GObject *item = gloss_review_panel_get_current (self);
  g_autofree char *text = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (item == NULL)
    text = g_strdup (n > 0 ? _("Choose a row, or press Alt+↓ for the next one") : _("Nothing to review"));
  else if (GLOSS_IS_DIFFERENCE (item))
    {
      GlossDecision *decision = GLOSS_DECISION (gloss_difference_get_decision (GLOSS_DIFFERENCE (item)));

      if (decision != NULL)
        /* Translators: position in the list, a category, the decision taken */
        text = g_strdup_printf (_("%u of %u · %s · decided: %s (Ctrl+Z undoes it)"), position + 1, n,
                                gloss_difference_category_get_title (gloss_difference_get_category (GLOSS_DIFFERENCE (item))),
                                gloss_decision_kind_get_title (gloss_decision_get_kind (decision)));
      else
        /* Translators: position in the list and a category */
        text = g_strdup_printf (_("%u of %u · %s"), position + 1, n,
                                gloss_difference_category_get_title (gloss_difference_get_category (GLOSS_DIFFERENCE (item))));
    }
  else
    {
      GlossReviewStatus status = gloss_review_get_status (GLOSS_ANNOTATION (item));

      if (status != GLOSS_REVIEW_NONE)
        text = g_strdup_printf (_("%u of %u · %s"), position + 1, n, status_title (status));
      else
        text = g_strdup_printf (_("%u of %u · not reviewed yet"), position + 1, n);
    }

  gtk_label_set_text (GTK_LABEL (self->detail_title), text);
}

void
gloss_review_panel_update (GlossReviewPanel *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  if (self->session != NULL)
    {
      GlossComparison *comparison = gloss_merge_session_get_comparison (self->session);
      guint conflicts = gloss_comparison_get_n_conflicts (comparison);
      guint undecided = gloss_merge_session_get_n_undecided (self->session);
      guint agree = gloss_comparison_get_count (comparison, GLOSS_DIFFERENCE_AGREE);
      g_autofree char *check = NULL;

      if (undecided == 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u difference decided", "All %u differences decided", conflicts),
                                conflicts);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u difference to decide", "%u of %u differences to decide", conflicts),
                                undecided, conflicts);

      check = g_strdup_printf (_("Show agreements (%u)"), agree);
      gtk_check_button_set_label (GTK_CHECK_BUTTON (self->show_agreements), check);
    }
  else if (self->reviewed != NULL)
    {
      GListModel *model = G_LIST_MODEL (gloss_document_get_annotations (self->reviewed));
      guint n = g_list_model_get_n_items (model), done = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

          if (gloss_review_get_status (a) != GLOSS_REVIEW_NONE)
            done++;
        }
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u annotation reviewed", "%u of %u annotations reviewed", n),
                              done, n);
    }

  gtk_label_set_text (GTK_LABEL (self->progress), text != NULL ? text : "");
  update_detail (self);
}

static void
selection_changed_cb (GlossReviewPanel *self)
{
  GObject *item;

  if (self->restoring > 0)
    return;

  item = gloss_review_panel_get_current (self);
  if (self->reviewed != NULL)
    {
      g_free (self->current_id);
      self->current_id = GLOSS_IS_ANNOTATION (item) ? g_strdup (gloss_annotation_get_id (GLOSS_ANNOTATION (item))) : NULL;
    }

  if (self->editing)
    gloss_review_panel_end_edit (self);

  update_detail (self);
  g_signal_emit (self, signals[CURRENT_CHANGED], 0);
}

static void
select_position (GlossReviewPanel *self,
                 guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_realized (self->list_view))
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

/* In review-on-its-own mode a mark replaces the annotation: keep the row. */
static void
reviewed_items_changed_cb (GlossReviewPanel *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  if (self->current_id != NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

          if (g_strcmp0 (gloss_annotation_get_id (a), self->current_id) == 0)
            {
              if (gtk_single_selection_get_selected (self->selection) != i)
                {
                  self->restoring++;
                  gtk_single_selection_set_selected (self->selection, i);
                  self->restoring--;
                }
              break;
            }
        }
    }

  gloss_review_panel_update (self);
  g_signal_emit (self, signals[CURRENT_CHANGED], 0);
}

static void
show_agreements_cb (GlossReviewPanel *self)
{
  gloss_review_panel_set_hide_agreements (self,
                                          !gtk_check_button_get_active (GTK_CHECK_BUTTON (self->show_agreements)));
}

static void
comment_stop_cb (GlossReviewPanel *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->comment_revealer), FALSE);
  gtk_widget_grab_focus (self->list_view);
}

/* Construction ------------------------------------------------------------- */

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_hexpand (button, TRUE);

  return button;
}

static GtkWidget *
button_row (GtkWidget *first,
            ...)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  va_list args;

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  va_start (args, first);
  for (GtkWidget *b = first; b != NULL; b = va_arg (args, GtkWidget *))
    gtk_box_append (GTK_BOX (box), b);
  va_end (args);

  return box;
}

static void
build (GlossReviewPanel *self)
{
  GtkWidget *root = GTK_WIDGET (self);
  GtkWidget *header, *title_box, *title, *done, *page, *scroller, *detail, *footer, *box, *label;
  GtkWidget *edit_box, *edit_buttons, *agreement_scroller;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  /* Header: what is being reviewed, and the way out */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "review-header");
  title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (title_box, TRUE);
  title = gtk_label_new (_("Review"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (title_box), title);
  self->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_widget_add_css_class (self->subtitle, "caption");
  gtk_box_append (GTK_BOX (title_box), self->subtitle);
  gtk_box_append (GTK_BOX (header), title_box);
  done = gtk_button_new_with_label (_("Finish"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "win.review-finish");
  gtk_widget_set_tooltip_text (done, _("Leave review mode"));
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), done);
  gtk_widget_set_parent (header, root);

  self->legend = gtk_label_new (_("In the text, yours are shaded and underlined; theirs are bracketed above the line."));
  gtk_label_set_wrap (GTK_LABEL (self->legend), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->legend), 36);
  gtk_label_set_xalign (GTK_LABEL (self->legend), 0);
  gtk_widget_add_css_class (self->legend, "dim-label");
  gtk_widget_add_css_class (self->legend, "caption");
  gtk_widget_add_css_class (self->legend, "review-legend");
  gtk_widget_set_parent (self->legend, root);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  self->switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (self->switcher), GTK_STACK (self->stack));
  gtk_widget_set_halign (self->switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (self->switcher, 6);
  gtk_widget_set_parent (self->switcher, root);
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_widget_set_parent (self->stack, root);

  /* Differences page */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->anchor_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->anchor_box, "review-anchor");
  gtk_widget_set_visible (self->anchor_box, FALSE);
  self->anchor_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->anchor_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->anchor_label), 36);
  gtk_label_set_xalign (GTK_LABEL (self->anchor_label), 0);
  gtk_box_append (GTK_BOX (self->anchor_box), self->anchor_label);
  self->orphan_expander = gtk_expander_new (NULL);
  self->orphan_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_expander_set_child (GTK_EXPANDER (self->orphan_expander), self->orphan_box);
  gtk_box_append (GTK_BOX (self->anchor_box), self->orphan_expander);
  gtk_box_append (GTK_BOX (page), self->anchor_box);

  self->show_agreements = gtk_check_button_new_with_label (_("Show agreements"));
  gtk_widget_add_css_class (self->show_agreements, "review-filter");
  g_signal_connect_swapped (self->show_agreements, "toggled", G_CALLBACK (show_agreements_cb), self);
  gtk_box_append (GTK_BOX (page), self->show_agreements);

  self->hide_agreements = TRUE;
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       g_object_ref (factory));
  gtk_widget_add_css_class (self->list_view, "review-list");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (page), scroller);

  /* The current row: decisions */
  detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (detail, "review-detail");
  self->detail_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->detail_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->detail_title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->detail_title), 36);
  gtk_widget_add_css_class (self->detail_title, "dim-label");
  gtk_widget_add_css_class (self->detail_title, "caption");
  gtk_box_append (GTK_BOX (detail), self->detail_title);

  self->merge_buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->merge_buttons),
                  button_row (action_button (_("Accept Theirs"), "win.review-accept", _("Take their annotation instead of mine (Alt+A)")),
                              action_button (_("Keep Mine"), "win.review-keep", _("Keep mine; theirs is not taken (Alt+M)")),
                              action_button (_("Take Both"), "win.review-both", _("Keep mine and add theirs (Alt+B)")),
                              NULL));
  gtk_box_append (GTK_BOX (self->merge_buttons),
                  button_row (action_button (_("Edit…"), "win.review-edit", _("Start from theirs, adjust label and extent, then confirm (Alt+E)")),
                              action_button (_("Reject"), "win.review-reject", _("Keep neither (Alt+R)")),
                              action_button (_("Comment…"), "win.review-comment", _("Add a comment to the next decision (Alt+C)")),
                              NULL));
  gtk_box_append (GTK_BOX (detail), self->merge_buttons);

  self->alone_buttons = button_row (action_button (_("Accept"), "win.review-accept", _("Mark as accepted (Alt+A)")),
                                    action_button (_("Reject"), "win.review-reject", _("Mark as rejected (Alt+R)")),
                                    action_button (_("Discuss"), "win.review-discuss", _("Mark as needing discussion (Alt+D)")),
                                    action_button (_("Comment…"), "win.review-comment", _("Add a comment to the next mark (Alt+C)")),
                                    NULL);
  gtk_box_set_homogeneous (GTK_BOX (self->alone_buttons), FALSE);
  gtk_widget_set_visible (self->alone_buttons, FALSE);
  gtk_box_append (GTK_BOX (detail), self->alone_buttons);

  self->comment_revealer = gtk_revealer_new ();
  self->comment_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->comment_entry), _("Comment for the next decision (optional)"));
  g_signal_connect_swapped (self->comment_entry, "activate", G_CALLBACK (comment_stop_cb), self);
  gtk_revealer_set_child (GTK_REVEALER (self->comment_revealer), self->comment_entry);
  gtk_box_append (GTK_BOX (detail), self->comment_revealer);

  self->edit_revealer = gtk_revealer_new ();
  edit_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (edit_box, "review-edit");
  label = gtk_label_new (_("Edit: choose the label; select the extent in the text and press Use Selection"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (edit_box), label);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->edit_labels = gtk_string_list_new (NULL);
  self->edit_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->edit_labels)), NULL);
  gtk_box_append (GTK_BOX (box), self->edit_dropdown);
  self->edit_quote = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->edit_quote), 0);
  gtk_label_set_wrap (GTK_LABEL (self->edit_quote), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->edit_quote), 36);
  gtk_widget_set_hexpand (self->edit_quote, TRUE);
  gtk_box_append (GTK_BOX (box), self->edit_quote);
  gtk_box_append (GTK_BOX (edit_box), box);
  edit_buttons = button_row (action_button (_("Use Selection"), "win.review-edit-use-selection", _("Take the extent from the text selection")),
                             action_button (_("Cancel"), "win.review-edit-cancel", _("Leave the difference undecided (Escape)")),
                             action_button (_("Confirm"), "win.review-edit-confirm", _("Decide with the edited annotation (Ctrl+Return)")),
                             NULL);
  gtk_widget_add_css_class (gtk_widget_get_last_child (edit_buttons), "suggested-action");
  gtk_box_append (GTK_BOX (edit_box), edit_buttons);
  gtk_revealer_set_child (GTK_REVEALER (self->edit_revealer), edit_box);
  gtk_box_append (GTK_BOX (detail), self->edit_revealer);
  gtk_box_append (GTK_BOX (page), detail);

  gtk_stack_add_titled (GTK_STACK (self->stack), page, "differences", _("Differences"));

  /* Agreement page */
  self->agreement_view = gloss_agreement_view_new ();
  gtk_widget_add_css_class (self->agreement_view, "review-agreement");
  agreement_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (agreement_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (agreement_scroller), self->agreement_view);
  gtk_stack_add_titled (GTK_STACK (self->stack), agreement_scroller, "agreement", _("Agreement"));

  /* Footer: progress and the result */
  footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (footer, "review-footer");
  self->progress = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->progress), 0);
  gtk_widget_add_css_class (self->progress, "caption");
  gtk_box_append (GTK_BOX (footer), self->progress);
  self->save_button = gtk_button_new_with_label (_("Save Merged File As…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "win.review-save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_box_append (GTK_BOX (footer), self->save_button);
  gtk_widget_set_parent (footer, root);
}

/* GObject ------------------------------------------------------------------ */

static void
disconnect_sources (GlossReviewPanel *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->reviewed != NULL)
    g_signal_handlers_disconnect_by_data (gloss_document_get_annotations (self->reviewed), self);
}

static void
gloss_review_panel_dispose (GObject *object)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (object);
  GtkWidget *child;

  disconnect_sources (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->session);
  g_clear_object (&self->original);
  g_clear_object (&self->theirs);
  g_clear_object (&self->reviewed);
  g_clear_object (&self->differences);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->edit_labels);

  G_OBJECT_CLASS (gloss_review_panel_parent_class)->dispose (object);
}

static void
gloss_review_panel_finalize (GObject *object)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (object);

  g_free (self->current_id);

  G_OBJECT_CLASS (gloss_review_panel_parent_class)->finalize (object);
}

static void
gloss_review_panel_class_init (GlossReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_review_panel_dispose;
  object_class->finalize = gloss_review_panel_finalize;

  /**
   * GlossReviewPanel::current-changed:
   *
   * The selected row changed, or its item was replaced.
   */
  signals[CURRENT_CHANGED] =
    g_signal_new ("current-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewpanel");
}

static void
gloss_review_panel_init (GlossReviewPanel *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  build (self);
}

GtkWidget *
gloss_review_panel_new (void)
{
  return g_object_new (GLOSS_TYPE_REVIEW_PANEL, NULL);
}

static void
reset (GlossReviewPanel *self)
{
  disconnect_sources (self);
  gloss_review_panel_end_edit (self);
  gloss_review_panel_clear_comment (self);
  g_clear_object (&self->session);
  g_clear_object (&self->original);
  g_clear_object (&self->theirs);
  g_clear_object (&self->reviewed);
  g_clear_pointer (&self->current_id, g_free);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->differences);
}

/**
 * gloss_review_panel_set_session:
 * @session: (nullable): the merge to present
 * @original: my document as opened
 * @theirs: their document on my text
 */
void
gloss_review_panel_set_session (GlossReviewPanel  *self,
                                GlossMergeSession *session,
                                GlossDocument     *original,
                                GlossDocument     *theirs,
                                const char        *their_name)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  reset (self);
  if (session == NULL)
    return;

  self->session = g_object_ref (session);
  self->original = g_object_ref (original);
  self->theirs = g_object_ref (theirs);

  /* Grouped by category, in text order within each. */
  self->differences = g_list_store_new (GLOSS_TYPE_DIFFERENCE);
  {
    GListModel *comparison = G_LIST_MODEL (gloss_merge_session_get_comparison (session));
    guint n = g_list_model_get_n_items (comparison);

    for (guint category = 0; category < GLOSS_N_DIFFERENCE_CATEGORIES; category++)
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossDifference) d = g_list_model_get_item (comparison, i);

          if (gloss_difference_get_category (d) == category)
            g_list_store_append (self->differences, d);
        }
  }

  {
    g_autofree char *subtitle = g_strdup_printf (_("Yours against %s"), their_name);

    gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
  }
  gtk_widget_set_visible (self->merge_buttons, TRUE);
  gtk_widget_set_visible (self->alone_buttons, FALSE);
  gtk_widget_set_visible (self->show_agreements, TRUE);
  gtk_widget_set_visible (self->switcher, TRUE);
  gtk_widget_set_visible (self->legend, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("Save Merged File As…"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->comment_entry), _("Comment for the next decision (optional)"));

  count_shown (self);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->differences));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_swapped (session, "notify::n-undecided", G_CALLBACK (gloss_review_panel_update), self);
  gloss_agreement_view_set_documents (GLOSS_AGREEMENT_VIEW (self->agreement_view), original,
                                      gloss_merge_session_get_merged (session), theirs,
                                      gloss_document_get_author (original), their_name);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "differences");
  gloss_review_panel_update (self);
}

/**
 * gloss_review_panel_set_reviewed_document:
 * @document: (nullable): their document, which the window edits (marks)
 */
void
gloss_review_panel_set_reviewed_document (GlossReviewPanel *self,
                                          GlossDocument    *document,
                                          const char       *their_name)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  reset (self);
  if (document == NULL)
    return;

  self->reviewed = g_object_ref (document);
  {
    g_autofree char *subtitle = g_strdup_printf (_("%s on its own"), their_name);

    gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
  }
  gtk_widget_set_visible (self->merge_buttons, FALSE);
  gtk_widget_set_visible (self->alone_buttons, TRUE);
  gtk_widget_set_visible (self->show_agreements, FALSE);
  gtk_widget_set_visible (self->switcher, FALSE);
  gtk_widget_set_visible (self->legend, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("Save Reviewed Copy As…"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->comment_entry), _("Comment for the next mark (optional)"));
  gloss_agreement_view_set_documents (GLOSS_AGREEMENT_VIEW (self->agreement_view), NULL, NULL, NULL, NULL, NULL);

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (gloss_document_get_annotations (document)));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (gloss_document_get_annotations (document), "items-changed",
                            G_CALLBACK (reviewed_items_changed_cb), self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "differences");
  gloss_review_panel_update (self);
}

/**
 * gloss_review_panel_set_anchor:
 * @anchor: (nullable): how their annotations were placed on my text
 */
void
gloss_review_panel_set_anchor (GlossReviewPanel *self,
                               GlossAnchor      *anchor)
{
  g_autofree char *summary = NULL;
  GPtrArray *orphans;
  GtkWidget *child;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  while ((child = gtk_widget_get_first_child (self->orphan_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->orphan_box), child);

  gtk_widget_set_visible (self->anchor_box, anchor != NULL);
  if (anchor == NULL)
    return;

  /* Translators: after placing a colleague's annotations on a text that changed */
  summary = g_strdup_printf (_("Their text differs from yours. Their annotations placed on your text: %u unchanged, %u moved, %u not placed."),
                             gloss_anchor_get_count (anchor, GLOSS_ANCHOR_EXACT),
                             gloss_anchor_get_count (anchor, GLOSS_ANCHOR_MOVED),
                             gloss_anchor_get_count (anchor, GLOSS_ANCHOR_ORPHANED));
  gtk_label_set_text (GTK_LABEL (self->anchor_label), summary);

  orphans = gloss_anchor_get_orphans (anchor);
  gtk_widget_set_visible (self->orphan_expander, orphans != NULL && orphans->len > 0);
  if (orphans != NULL && orphans->len > 0)
    {
      g_autofree char *title = g_strdup_printf (_("Not placed on your text (%u)"), orphans->len);

      gtk_expander_set_label (GTK_EXPANDER (self->orphan_expander), title);
      gtk_expander_set_expanded (GTK_EXPANDER (self->orphan_expander), TRUE);
      for (guint i = 0; i < orphans->len; i++)
        {
          GlossAnnotation *a = g_ptr_array_index (orphans, i);
          GtkWidget *line, *chip, *quote;
          g_autofree char *text = short_quote (gloss_annotation_get_quote (a));
          g_autofree char *where = g_strdup_printf (_("Their offsets %u–%u"), gloss_annotation_get_start (a),
                                                    gloss_annotation_get_end (a));

          line = side_line ("", NULL, &chip, &quote);
          gtk_widget_set_visible (gtk_widget_get_first_child (line), FALSE);
          set_chip (chip, self->theirs, gloss_annotation_get_label (a));
          gtk_label_set_text (GTK_LABEL (quote), text);
          gtk_widget_set_tooltip_text (line, where);
          gtk_box_append (GTK_BOX (self->orphan_box), line);
        }
    }
}

/**
 * gloss_review_panel_get_model:
 *
 * Returns: (transfer none): the rows as shown (filtered)
 */
GListModel *
gloss_review_panel_get_model (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * gloss_review_panel_get_current:
 *
 * Returns: (transfer none) (nullable): the selected GlossDifference or GlossAnnotation
 */
GObject *
gloss_review_panel_get_current (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
gloss_review_panel_set_current (GlossReviewPanel *self,
                                GObject          *item)
{
  GListModel *model;
  guint n;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  model = G_LIST_MODEL (self->filtered);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && item != NULL; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (model, i);

      if (x == item)
        {
          select_position (self, i);
          return;
        }
    }

  select_position (self, GTK_INVALID_LIST_POSITION);
}

gboolean
gloss_review_panel_select_relative (GlossReviewPanel *self,
                                    int               delta)
{
  guint n, position;
  gint64 next;

  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (n == 0)
    return FALSE;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : (gint64) n - 1;
  else
    next = (gint64) position + delta;

  if (next < 0 || next >= n)
    return FALSE;

  select_position (self, (guint) next);
  return TRUE;
}

gboolean
gloss_review_panel_select_next_undecided (GlossReviewPanel *self)
{
  GListModel *model;
  guint n, position;

  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  model = G_LIST_MODEL (self->filtered);
  n = g_list_model_get_n_items (model);
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = n - 1;

  for (guint k = 1; k <= n; k++)
    {
      guint i = (position + k) % n;
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!is_decided (item))
        {
          select_position (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
gloss_review_panel_get_hide_agreements (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  return self->hide_agreements;
}

void
gloss_review_panel_set_hide_agreements (GlossReviewPanel *self,
                                        gboolean          hide)
{
  GObject *current;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  hide = !!hide;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->show_agreements)) == hide)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->show_agreements), !hide);
  if (self->hide_agreements == hide)
    return;

  current = gloss_review_panel_get_current (self);
  if (current != NULL)
    g_object_ref (current);
  self->hide_agreements = hide;
  count_shown (self);
  gtk_filter_changed (GTK_FILTER (self->filter), hide ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  if (current != NULL)
    {
      gloss_review_panel_set_current (self, current);
      g_object_unref (current);
    }
  gloss_review_panel_update (self);
}

const char *
gloss_review_panel_get_comment (GlossReviewPanel *self)
{
  const char *text;

  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));
  return text != NULL && *text != '\0' ? text : NULL;
}

void
gloss_review_panel_clear_comment (GlossReviewPanel *self)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  /* Typing is over: keys go to the window's shortcuts again. */
  if (gtk_widget_has_focus (self->comment_entry) ||
      (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) != NULL &&
       gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))), self->comment_entry)))
    gtk_widget_grab_focus (self->list_view);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->comment_revealer), FALSE);
}

void
gloss_review_panel_show_comment (GlossReviewPanel *self)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "differences");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->comment_revealer), TRUE);
  gtk_widget_grab_focus (self->comment_entry);
}

static void
update_edit_quote (GlossReviewPanel *self)
{
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;

  if (self->edit_text != NULL)
    text = g_utf8_substring (self->edit_text, self->edit_start, self->edit_end);
  quote = short_quote (text);
  gtk_label_set_text (GTK_LABEL (self->edit_quote), quote);
}

/**
 * gloss_review_panel_begin_edit:
 * @base: the annotation to start from (theirs, or mine if there is none)
 * @labels: the labels to choose from
 * @text: the document text (kept, not copied: valid while editing)
 */
void
gloss_review_panel_begin_edit (GlossReviewPanel *self,
                               GlossAnnotation  *base,
                               GlossLabelSet    *labels,
                               const char       *text)
{
  guint n, selected = 0;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (base));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->edit_labels));
  gtk_string_list_splice (self->edit_labels, 0, n, NULL);
  n = gloss_label_set_get_n_labels (labels);
  for (guint i = 0; i < n; i++)
    {
      const char *name = gloss_label_get_name (gloss_label_set_get_label (labels, i));

      gtk_string_list_append (self->edit_labels, name);
      if (g_strcmp0 (name, gloss_annotation_get_label (base)) == 0)
        selected = i;
    }
  if (gloss_label_set_lookup (labels, gloss_annotation_get_label (base)) == NULL)
    {
      gtk_string_list_append (self->edit_labels, gloss_annotation_get_label (base));
      selected = n;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->edit_dropdown), selected);

  self->editing = TRUE;
  self->edit_text = text;
  self->edit_start = gloss_annotation_get_start (base);
  self->edit_end = gloss_annotation_get_end (base);
  update_edit_quote (self);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "differences");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->edit_revealer), TRUE);
  gtk_widget_grab_focus (self->edit_dropdown);
}

gboolean
gloss_review_panel_is_editing (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  return self->editing;
}

void
gloss_review_panel_set_edit_span (GlossReviewPanel *self,
                                  guint             start,
                                  guint             end)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  if (!self->editing)
    return;

  self->edit_start = start;
  self->edit_end = end;
  update_edit_quote (self);
}

void
gloss_review_panel_set_edit_label (GlossReviewPanel *self,
                                   const char       *label)
{
  guint n;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->edit_labels));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->edit_labels, i), label) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->edit_dropdown), i);
}

gboolean
gloss_review_panel_get_edit (GlossReviewPanel *self,
                             char            **label,
                             guint            *start,
                             guint            *end)
{
  guint selected;

  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  if (!self->editing)
    return FALSE;

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->edit_dropdown));
  if (selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (G_LIST_MODEL (self->edit_labels)))
    return FALSE;

  *label = g_strdup (gtk_string_list_get_string (self->edit_labels, selected));
  *start = self->edit_start;
  *end = self->edit_end;

  return TRUE;
}

void
gloss_review_panel_end_edit (GlossReviewPanel *self)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  self->editing = FALSE;
  self->edit_text = NULL;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->edit_revealer), FALSE);
}

void
gloss_review_panel_show_agreement (GlossReviewPanel *self,
                                   gboolean          show)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), show ? "agreement" : "differences");
}

/**
 * gloss_review_panel_get_agreement_view:
 *
 * Returns: (transfer none): the agreement tab
 */
GlossAgreementView *
gloss_review_panel_get_agreement_view (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);

  return GLOSS_AGREEMENT_VIEW (self->agreement_view);
}
