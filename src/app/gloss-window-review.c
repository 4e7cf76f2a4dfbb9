/* gloss-window-review.c: review a colleague's file (issue 5)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Review mode has two forms:
 *  - a merge: my open document against their file, placed on my text
 *    (GlossAnchor when the texts differ). The article view shows the
 *    merged document (a copy of mine that the decisions change) with
 *    their annotations as a second layer; the review panel replaces the
 *    sidebar. My document is never changed, and Undo/Redo go through the
 *    merge session. The result is saved with Save Merged File As.
 *  - on its own (no document open): their file becomes the window's
 *    document, without a file, so that it can only be saved under a new
 *    name; each annotation is marked accepted, rejected or needs-discussion.
 */

#define G_LOG_DOMAIN "gloss-window-review"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-anchor.h"
#include "gloss-application.h"
#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-format.h"
#include "gloss-review-panel.h"
#include "gloss-file-chooser.h"
#include "gloss-window-private.h"
#include "gloss-window-review.h"

#define NATIVE_SUFFIX      ".gloss.json"

typedef enum
{
  REVIEW_NONE,
  REVIEW_MERGE,
  REVIEW_ALONE,
} ReviewMode;

typedef struct
{
  GlossWindow       *window;        /* not owned */
  ReviewMode         mode;
  GFile             *their_file;
  char              *their_name;
  GlossDocument     *mine;
  GlossDocument     *theirs;        /* on my text */
  GlossAnchor       *anchor;        /* NULL when the texts are equal */
  GlossMergeSession *session;
  GtkWidget         *stack;         /* sidebar | review panel, in the flap */
  GlossReviewPanel  *panel;
  guint              changes;       /* decisions made or undone */
  guint              saved_changes;
  gboolean           switching;
  gboolean           close_anyway;
} Review;

static Review *
review_of (GlossWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "gloss-review");
}

static void
review_clear_session (Review *review)
{
  if (review->session != NULL)
    g_signal_handlers_disconnect_by_data (review->session, review->window);
  if (review->session != NULL)
    g_signal_handlers_disconnect_by_data (gloss_merge_session_get_log (review->session), review);
  g_clear_object (&review->session);
  g_clear_object (&review->anchor);
  g_clear_object (&review->theirs);
  g_clear_object (&review->mine);
  g_clear_object (&review->their_file);
  g_clear_pointer (&review->their_name, g_free);
  review->mode = REVIEW_NONE;
  review->changes = review->saved_changes = 0;
}

static void
review_free (Review *review)
{
  review_clear_session (review);
  g_free (review);
}

static char *
dup_reviewer (GlossWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (GLOSS_IS_APPLICATION (app))
    return gloss_application_dup_annotator (GLOSS_APPLICATION (app));

  return g_strdup (g_get_real_name ());
}

static gboolean
has_unsaved_decisions (Review *review)
{
  return review->mode == REVIEW_MERGE && review->changes != review->saved_changes &&
         g_list_model_get_n_items (gloss_merge_session_get_log (review->session)) > 0;
}

/* Leaving review mode ------------------------------------------------------ */

static void
leave_review (GlossWindow *self)
{
  Review *review = review_of (self);

  if (review == NULL || review->mode == REVIEW_NONE)
    return;

  gloss_review_panel_set_session (review->panel, NULL, NULL, NULL, NULL);
  gloss_review_panel_set_anchor (review->panel, NULL);
  gloss_article_view_set_secondary_document (self->article_view, NULL);
  gloss_article_view_set_emphasis (self->article_view, G_MAXUINT, 0, FALSE);
  if (gloss_article_view_get_document (self->article_view) != self->document)
    gloss_article_view_set_document (self->article_view, self->document);
  gtk_stack_set_visible_child_name (GTK_STACK (review->stack), "annotations");

  review_clear_session (review);
  _gloss_window_update_actions (self);
}

static void
finish_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  GlossWindow *self = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (self == NULL)
    return;

  if (g_strcmp0 (response, "discard") == 0)
    leave_review (self);
  else if (g_strcmp0 (response, "save") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.review-save", NULL);
}

static void
ask_unsaved (GlossWindow *self,
             GCallback    callback,
             const char  *discard_label)
{
  Review *review = review_of (self);
  AdwMessageDialog *dialog;
  guint n = g_list_model_get_n_items (gloss_merge_session_get_log (review->session));
  g_autofree char *body = NULL;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The merged file with %u decision is not saved. Your own file and theirs are not affected.",
                                       "The merged file with %u decisions is not saved. Your own file and theirs are not affected.",
                                       n), n);
  dialog = _gloss_window_message_dialog_new (self, _("Save the Merged File?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", discard_label,
                                    "save", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", callback, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);

  if (review == NULL || review->mode == REVIEW_NONE)
    return;

  if (has_unsaved_decisions (review))
    ask_unsaved (self, G_CALLBACK (finish_response_cb), _("_Discard Decisions"));
  else
    leave_review (self);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  GlossWindow *self = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  Review *review = self != NULL ? review_of (self) : NULL;

  if (review == NULL)
    return;

  if (g_strcmp0 (response, "discard") == 0)
    {
      /* Once the dialog has finished with its parent. */
      review->close_anyway = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.review-save", NULL);
}

static gboolean
close_request_cb (GlossWindow *self)
{
  Review *review = review_of (self);

  if (review == NULL || review->close_anyway || self->force_close || !has_unsaved_decisions (review))
    return FALSE;

  ask_unsaved (self, G_CALLBACK (close_response_cb), _("_Discard and Close"));
  return TRUE;
}

static void
document_notify_cb (GlossWindow *self)
{
  Review *review = review_of (self);

  /* Another document was opened: the review was about the old one. */
  if (review != NULL && !review->switching && review->mode != REVIEW_NONE)
    leave_review (self);
}

/* The current difference ------------------------------------------------- */

static void
current_changed_cb (GlossWindow *self)
{
  Review *review = review_of (self);
  GObject *item;

  if (review == NULL || review->mode == REVIEW_NONE)
    return;

  item = gloss_review_panel_get_current (review->panel);
  if (GLOSS_IS_DIFFERENCE (item))
    gloss_article_view_set_emphasis (self->article_view,
                                     gloss_difference_get_start (GLOSS_DIFFERENCE (item)),
                                     gloss_difference_get_end (GLOSS_DIFFERENCE (item)), TRUE);
  else if (GLOSS_IS_ANNOTATION (item))
    gloss_article_view_set_emphasis (self->article_view,
                                     gloss_annotation_get_start (GLOSS_ANNOTATION (item)),
                                     gloss_annotation_get_end (GLOSS_ANNOTATION (item)), TRUE);
  else
    gloss_article_view_set_emphasis (self->article_view, G_MAXUINT, 0, FALSE);

  _gloss_window_update_actions (self);
}

static void
annotation_activated_cb (GlossWindow     *self,
                         GlossAnnotation *annotation)
{
  Review *review = review_of (self);
  GlossDifference *difference;

  if (review == NULL || review->mode != REVIEW_MERGE || annotation == NULL)
    return;

  /* A click on one of mine (in the merged text) selects its difference. */
  difference = gloss_comparison_lookup (gloss_merge_session_get_comparison (review->session),
                                        gloss_annotation_get_id (annotation), FALSE);
  if (difference != NULL)
    {
      if (!gloss_difference_is_conflict (difference))
        gloss_review_panel_set_hide_agreements (review->panel, FALSE);
      gloss_review_panel_set_current (review->panel, G_OBJECT (difference));
    }
}

static void
log_changed_cb (Review *review)
{
  review->changes++;
}

/* Entering review mode ----------------------------------------------------- */

static void
show_panel (GlossWindow *self)
{
  Review *review = review_of (self);

  gtk_stack_set_visible_child_name (GTK_STACK (review->stack), "review");
  g_object_set (self, "show-sidebar", TRUE, NULL);
  if (!gloss_review_panel_select_next_undecided (review->panel))
    gloss_review_panel_select_relative (review->panel, 1);
  current_changed_cb (self);
  _gloss_window_update_actions (self);
}

static void
enter_merge (GlossWindow   *self,
             GFile         *file,
             GlossDocument *theirs,
             GlossAnchor   *anchor)
{
  Review *review = review_of (self);
  g_autofree char *reviewer = dup_reviewer (self);
  g_autofree char *message = NULL;
  GlossComparison *comparison;

  review->mode = REVIEW_MERGE;
  review->their_file = g_object_ref (file);
  review->mine = g_object_ref (self->document);

  if (anchor != NULL)
    {
      review->anchor = g_object_ref (anchor);
      review->theirs = g_object_ref (gloss_anchor_get_document (anchor));
    }
  else
    review->theirs = g_object_ref (theirs);

  review->session = gloss_merge_session_new (self->document, review->theirs);
  gloss_merge_session_set_reviewer (review->session, reviewer);
  g_signal_connect_object (review->session, "notify::can-undo",
                           G_CALLBACK (_gloss_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (review->session, "notify::can-redo",
                           G_CALLBACK (_gloss_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (gloss_merge_session_get_log (review->session), "items-changed",
                            G_CALLBACK (log_changed_cb), review);

  gloss_article_view_set_document (self->article_view, gloss_merge_session_get_merged (review->session));
  gloss_article_view_set_secondary_document (self->article_view, review->theirs);
  gloss_review_panel_set_session (review->panel, review->session, self->document, review->theirs,
                                  review->their_name);
  gloss_review_panel_set_anchor (review->panel, review->anchor);
  show_panel (self);

  comparison = gloss_merge_session_get_comparison (review->session);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Reviewing %s: %u difference to decide",
                                          "Reviewing %s: %u differences to decide",
                                          gloss_comparison_get_n_conflicts (comparison)),
                             review->their_name, gloss_comparison_get_n_conflicts (comparison));
  _gloss_window_show_toast (self, message);
}

static void
enter_alone (GlossWindow   *self,
             GFile         *file,
             GlossDocument *theirs)
{
  Review *review = review_of (self);

  review->mode = REVIEW_ALONE;
  review->their_file = g_object_ref (file);

  /* Their document without its file: it can only be saved under a new name. */
  review->switching = TRUE;
  _gloss_window_set_document (self, theirs, NULL, NULL, NULL);
  review->switching = FALSE;

  gloss_review_panel_set_reviewed_document (review->panel, theirs, review->their_name);
  show_panel (self);
}

/* Reading their file ------------------------------------------------------- */

static void start_review (GlossWindow    *self,
                          GFile          *file,
                          GlossLoadFlags  flags);

static void
recoverable_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  GFile *file = user_data;
  GlossWindow *self = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "review") == 0 && self != NULL)
    start_review (self, file, GLOSS_LOAD_ACCEPT_RECOVERABLE);
}

static char *
dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));

  return g_file_get_basename (file);
}

/* Read off the main thread: their file, and their annotations placed on
 * my text when the texts differ (GlossAnchor only reads my text, which
 * never changes, so the thread gets a copy of it). */
typedef struct
{
  GFile          *file;
  GlossLoadFlags  flags;
  char           *mine_text;     /* NULL: no document open */
  char           *mine_sha256;
  GlossDocument  *theirs;
  GlossAnchor    *anchor;
  GPtrArray      *problems;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_free (data->mine_text);
  g_free (data->mine_sha256);
  g_clear_object (&data->theirs);
  g_clear_object (&data->anchor);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(GError) error = NULL;

  data->theirs = gloss_format_read_file (data->file, data->flags, &data->problems, NULL, cancellable, &error);
  if (data->theirs == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->mine_text != NULL &&
      g_strcmp0 (gloss_document_get_sha256 (data->theirs), data->mine_sha256) != 0)
    {
      g_autoptr(GlossDocument) target = gloss_document_new (data->mine_text, -1);

      data->anchor = gloss_anchor_new (data->theirs, target);
    }

  g_task_return_boolean (task, TRUE);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  ReadData *data = g_task_get_task_data (G_TASK (result));
  Review *review = review_of (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_display_name (data->file);

  _gloss_window_set_busy (self, FALSE);
  if (self->document == NULL && review->mode == REVIEW_NONE)
    gtk_stack_set_visible_child_name (self->main_stack, "empty");

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *heading = NULL;

      _gloss_window_update_actions (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_RECOVERABLE))
        {
          AdwMessageDialog *dialog;
          g_autofree char *text = _gloss_window_problems_to_text (data->problems);

          heading = g_strdup_printf (_("Problems in “%s”"), name);
          dialog = _gloss_window_problems_dialog_new (self, heading,
                                                      _("Gloss can repair these problems for the review: quotes are taken again from the text, unknown labels are added and broken headings are left out. Their file itself is never changed."),
                                                      text[0] != '\0' ? text : error->message);
          adw_message_dialog_add_responses (dialog,
                                            "cancel", _("_Cancel"),
                                            "review", _("_Review Anyway"),
                                            NULL);
          adw_message_dialog_set_response_appearance (dialog, "review", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "cancel");
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_signal_connect_data (dialog, "response", G_CALLBACK (recoverable_response_cb),
                                 g_object_ref (data->file), (GClosureNotify) g_object_unref, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }

      heading = g_strdup_printf (_("Could Not Review “%s”"), name);
      _gloss_window_show_error (self, heading, error->message);
      return;
    }

  /* The document may have been closed or replaced meanwhile. */
  if ((data->mine_text != NULL) != (self->document != NULL) ||
      (self->document != NULL && g_strcmp0 (gloss_document_get_sha256 (self->document), data->mine_sha256) != 0))
    {
      _gloss_window_update_actions (self);
      _gloss_window_show_toast (self, _("The document changed while their file was read; review it again"));
      return;
    }

  leave_review (self);
  review->their_name = g_strdup (name);
  if (self->document != NULL)
    enter_merge (self, data->file, data->theirs, data->anchor);
  else
    enter_alone (self, data->file, data->theirs);
}

static void
start_review (GlossWindow    *self,
              GFile          *file,
              GlossLoadFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  if (self->file != NULL && g_file_equal (file, self->file))
    {
      _gloss_window_show_error (self, _("This Is Your Own File"),
                                _("Choose the file of the colleague whose annotations you want to review."));
      return;
    }

  data = g_new0 (ReadData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;
  if (self->document != NULL)
    {
      data->mine_text = g_strdup (gloss_document_get_text (self->document));
      data->mine_sha256 = g_strdup (gloss_document_get_sha256 (self->document));
    }

  if (self->document == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  _gloss_window_set_busy (self, TRUE);
  _gloss_window_update_actions (self);

  task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_source_tag (task, start_review);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

void
gloss_window_review_file (GlossWindow *self,
                          GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_review (self, file, GLOSS_LOAD_FLAGS_NONE);
}

static void
review_chosen_cb (GtkWidget *widget,
                  GFile     *file)
{
  if (file != NULL)
    gloss_window_review_file (GLOSS_WINDOW (widget), file);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) gloss_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (gloss_filter, _("Gloss Files"));
  gtk_file_filter_add_pattern (gloss_filter, "*.gloss.json");
  gtk_file_filter_add_pattern (gloss_filter, "*.json");
  gtk_file_chooser_add_filter (chooser, gloss_filter);
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (chooser, all_filter);
}

static void
review_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooser *chooser;

  chooser = gloss_file_chooser_new (GTK_WIDGET (self), _("Review a Colleague’s File"),
                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Review"),
                                    self->file, NULL, review_chosen_cb);
  add_filters (chooser);
  gloss_file_chooser_show (chooser);
}

/* Triage ------------------------------------------------------------------- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);
  int delta = g_str_equal (action_name, "win.review-next") ? 1 : -1;

  if (review == NULL || review->mode == REVIEW_NONE)
    return;

  if (!gloss_review_panel_select_relative (review->panel, delta))
    gtk_widget_error_bell (widget);
}

static void
after_decision (GlossWindow *self)
{
  Review *review = review_of (self);

  gloss_review_panel_clear_comment (review->panel);
  gloss_review_panel_update (review->panel);
  if (!gloss_review_panel_select_next_undecided (review->panel))
    {
      _gloss_window_show_toast (self, review->mode == REVIEW_MERGE
                                      ? _("Every difference is decided: save the merged file")
                                      : _("Every annotation is reviewed: save the reviewed copy"));
      current_changed_cb (self);
    }
}

static void
decide (GlossWindow       *self,
        GlossDecisionKind  kind,
        GlossAnnotation   *edited)
{
  Review *review = review_of (self);
  GObject *item;
  g_autoptr(GError) error = NULL;

  item = gloss_review_panel_get_current (review->panel);
  if (!GLOSS_IS_DIFFERENCE (item))
    {
      _gloss_window_show_toast (self, _("Choose a difference first (Alt+↓)"));
      return;
    }

  if (gloss_difference_get_decision (GLOSS_DIFFERENCE (item)) != NULL)
    {
      _gloss_window_show_toast (self, _("Already decided: undo it (Ctrl+Z) to decide again"));
      return;
    }

  if (!gloss_merge_session_decide (review->session, GLOSS_DIFFERENCE (item), kind, edited,
                                   gloss_review_panel_get_comment (review->panel), &error))
    {
      _gloss_window_show_toast (self, error->message);
      return;
    }

  after_decision (self);
}

static void
mark (GlossWindow       *self,
      GlossReviewStatus  status)
{
  Review *review = review_of (self);
  GObject *item = gloss_review_panel_get_current (review->panel);
  g_autofree char *reviewer = dup_reviewer (self);

  if (!GLOSS_IS_ANNOTATION (item) || self->document == NULL)
    {
      _gloss_window_show_toast (self, _("Choose an annotation first (Alt+↓)"));
      return;
    }

  gloss_review_mark (self->document, GLOSS_ANNOTATION (item), status,
                     gloss_review_panel_get_comment (review->panel), reviewer);
  after_decision (self);
}

static void
decision_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);

  if (review == NULL || review->mode == REVIEW_NONE)
    return;

  if (review->mode == REVIEW_ALONE)
    {
      if (g_str_equal (action_name, "win.review-accept"))
        mark (self, GLOSS_REVIEW_ACCEPTED);
      else if (g_str_equal (action_name, "win.review-reject"))
        mark (self, GLOSS_REVIEW_REJECTED);
      else if (g_str_equal (action_name, "win.review-discuss"))
        mark (self, GLOSS_REVIEW_NEEDS_DISCUSSION);
      return;
    }

  if (g_str_equal (action_name, "win.review-accept"))
    decide (self, GLOSS_DECISION_ACCEPT_THEIRS, NULL);
  else if (g_str_equal (action_name, "win.review-keep"))
    decide (self, GLOSS_DECISION_KEEP_MINE, NULL);
  else if (g_str_equal (action_name, "win.review-both"))
    decide (self, GLOSS_DECISION_TAKE_BOTH, NULL);
  else if (g_str_equal (action_name, "win.review-reject"))
    decide (self, GLOSS_DECISION_REJECT, NULL);
}

static void
comment_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  Review *review = review_of (GLOSS_WINDOW (widget));

  if (review != NULL && review->mode != REVIEW_NONE)
    {
      g_object_set (widget, "show-sidebar", TRUE, NULL);
      gloss_review_panel_show_comment (review->panel);
    }
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);
  GlossDocument *merged;
  GObject *item;
  GlossAnnotation *base;

  if (review == NULL || review->mode != REVIEW_MERGE)
    return;

  item = gloss_review_panel_get_current (review->panel);
  if (!GLOSS_IS_DIFFERENCE (item))
    {
      _gloss_window_show_toast (self, _("Choose a difference first (Alt+↓)"));
      return;
    }
  if (gloss_difference_get_decision (GLOSS_DIFFERENCE (item)) != NULL)
    {
      _gloss_window_show_toast (self, _("Already decided: undo it (Ctrl+Z) to decide again"));
      return;
    }

  base = gloss_difference_get_theirs (GLOSS_DIFFERENCE (item));
  if (base == NULL)
    base = gloss_difference_get_mine (GLOSS_DIFFERENCE (item));

  merged = gloss_merge_session_get_merged (review->session);
  g_object_set (self, "show-sidebar", TRUE, NULL);
  gloss_review_panel_begin_edit (review->panel, base, gloss_document_get_labels (merged),
                                 gloss_document_get_text (merged));
  gloss_article_view_select_range (self->article_view, gloss_annotation_get_start (base),
                                   gloss_annotation_get_end (base));
  _gloss_window_update_actions (self);
}

static void
edit_use_selection_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);
  guint start, end;

  if (review == NULL || !gloss_review_panel_is_editing (review->panel))
    return;

  if (!gloss_article_view_get_selection (self->article_view, &start, &end) || start >= end)
    {
      _gloss_window_show_toast (self, _("Select the extent in the text first"));
      return;
    }

  gloss_review_panel_set_edit_span (review->panel, start, end);
}

static void
edit_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);

  if (review != NULL)
    gloss_review_panel_end_edit (review->panel);
  _gloss_window_update_actions (self);
}

static void
edit_confirm_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);
  GlossDocument *merged;
  GObject *item;
  GlossAnnotation *base;
  g_autoptr(GlossAnnotation) edited = NULL;
  g_autofree char *label = NULL;
  g_autofree char *quote = NULL;
  guint start, end;

  if (review == NULL || review->mode != REVIEW_MERGE ||
      !gloss_review_panel_get_edit (review->panel, &label, &start, &end))
    return;

  item = gloss_review_panel_get_current (review->panel);
  merged = gloss_merge_session_get_merged (review->session);
  if (!GLOSS_IS_DIFFERENCE (item) || start >= end || end > gloss_document_get_length (merged))
    {
      _gloss_window_show_toast (self, _("The edited annotation needs a non-empty extent in the text"));
      return;
    }

  base = gloss_difference_get_theirs (GLOSS_DIFFERENCE (item));
  if (base == NULL)
    base = gloss_difference_get_mine (GLOSS_DIFFERENCE (item));

  /* Their version, adjusted: attributes (a claim's verdict…) are kept. */
  edited = gloss_annotation_copy (base);
  gloss_annotation_set_label (edited, label);
  gloss_annotation_set_span (edited, start, end);
  quote = g_utf8_substring (gloss_document_get_text (merged), start, end);
  gloss_annotation_set_quote (edited, quote);

  gloss_review_panel_end_edit (review->panel);
  decide (self, GLOSS_DECISION_EDIT, edited);
  _gloss_window_update_actions (self);
}

static void
agreement_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  Review *review = review_of (GLOSS_WINDOW (widget));

  if (review != NULL && review->mode == REVIEW_MERGE)
    {
      g_object_set (widget, "show-sidebar", TRUE, NULL);
      gloss_review_panel_show_agreement (review->panel, TRUE);
    }
}

/* Saving the result -------------------------------------------------------- */

typedef struct
{
  GlossWindow *window;
  GFile       *file;
  guint        changes;
} SaveData;

static void
save_merged_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveData *data = user_data;
  GlossWindow *self = data->window;
  Review *review = review_of (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_display_name (data->file);

  _gloss_window_set_busy (self, FALSE);
  _gloss_window_update_actions (self);

  if (!gloss_file_replace_finish (data->file, result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

          _gloss_window_show_error (self, heading, error->message);
        }
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Merged file saved as “%s”"), name);

      if (review != NULL && review->mode == REVIEW_MERGE)
        review->saved_changes = data->changes;
      _gloss_window_show_toast (self, message);
    }

  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

void
gloss_window_save_review_to_file (GlossWindow *self,
                                  GFile       *file)
{
  Review *review;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  review = review_of (self);
  if (review == NULL || review->mode == REVIEW_NONE)
    return;

  if (review->their_file != NULL && g_file_equal (file, review->their_file))
    {
      _gloss_window_show_error (self, _("This Is Your Colleague’s File"),
                                _("Gloss never writes the file under review. Choose another name."));
      return;
    }

  if (review->mode == REVIEW_ALONE)
    {
      gloss_window_save_to_file (self, file);
      return;
    }

  {
    SaveData *data = g_new0 (SaveData, 1);
    g_autoptr(GBytes) bytes = gloss_format_write (gloss_merge_session_get_merged (review->session));

    data->window = g_object_ref (self);
    data->file = g_object_ref (file);
    data->changes = review->changes;
    _gloss_window_set_busy (self, TRUE);
    _gloss_window_update_actions (self);
    gloss_file_replace_async (file, bytes, NULL, self->cancellable, save_merged_cb, data);
  }
}

static void
save_chosen_cb (GtkWidget *widget,
                GFile     *file)
{
  if (file != NULL)
    gloss_window_save_review_to_file (GLOSS_WINDOW (widget), file);
}

static char *
suggest_name (Review *review,
              GFile  *from)
{
  g_autofree char *base = from != NULL ? g_file_get_basename (from) : g_strdup (_("Untitled"));
  char *dot;

  if (g_str_has_suffix (base, NATIVE_SUFFIX))
    base[strlen (base) - strlen (NATIVE_SUFFIX)] = '\0';
  else if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';

  /* Translators: suggested file names; %s is the original name */
  return g_strdup_printf (review->mode == REVIEW_MERGE ? _("%s-merged.gloss.json") : _("%s-reviewed.gloss.json"),
                          base);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  Review *review = review_of (self);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  GFile *from;

  if (review == NULL || review->mode == REVIEW_NONE)
    return;

  from = review->mode == REVIEW_MERGE && self->file != NULL ? self->file
       : review->mode == REVIEW_MERGE && self->source_file != NULL ? self->source_file
       : review->their_file;

  name = suggest_name (review, from);
  chooser = gloss_file_chooser_new (GTK_WIDGET (self),
                                    review->mode == REVIEW_MERGE ? _("Save Merged File As") : _("Save Reviewed Copy As"),
                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), from, name, save_chosen_cb);
  gloss_file_chooser_show (chooser);
}

/* Window hooks ------------------------------------------------------------- */

/* Called by the window's Undo/Redo: in a merge they go through the session
 * (keep-mine decisions change no document). Returns TRUE if handled. */
static GlossDifference *
difference_of (Review        *review,
               GlossDecision *decision)
{
  GlossComparison *comparison = gloss_merge_session_get_comparison (review->session);
  GlossAnnotation *theirs = gloss_decision_get_theirs (decision);
  GlossAnnotation *mine = gloss_decision_get_mine (decision);

  if (theirs != NULL)
    return gloss_comparison_lookup (comparison, gloss_annotation_get_id (theirs), TRUE);
  if (mine != NULL)
    return gloss_comparison_lookup (comparison, gloss_annotation_get_id (mine), FALSE);

  return NULL;
}

/* Called by the window's Undo/Redo: in a merge they go through the session
 * (keep-mine decisions change no document). Returns TRUE if handled. */
gboolean
_gloss_window_review_undo_redo (GlossWindow *self,
                                gboolean     redo)
{
  Review *review = review_of (self);
  GListModel *log;
  g_autoptr(GlossDecision) decision = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (review == NULL || review->mode != REVIEW_MERGE)
    return FALSE;

  if (gloss_review_panel_is_editing (review->panel))
    gloss_review_panel_end_edit (review->panel);

  log = gloss_merge_session_get_log (review->session);
  if (!redo)
    {
      n = g_list_model_get_n_items (log);
      decision = n > 0 ? g_list_model_get_item (log, n - 1) : NULL;
      if (!gloss_merge_session_undo (review->session))
        return TRUE;
    }
  else
    {
      if (!gloss_merge_session_redo (review->session))
        return TRUE;
      n = g_list_model_get_n_items (log);
      decision = n > 0 ? g_list_model_get_item (log, n - 1) : NULL;
    }

  if (decision != NULL)
    {
      GlossDifference *difference = difference_of (review, decision);

      /* Translators: %s is a decision, e.g. "Undone: Accept theirs" */
      message = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"),
                                 gloss_decision_kind_get_title (gloss_decision_get_kind (decision)));
      /* Show the difference whose decision was withdrawn. */
      if (!redo && difference != NULL)
        {
          if (!gloss_difference_is_conflict (difference))
            gloss_review_panel_set_hide_agreements (review->panel, FALSE);
          gloss_review_panel_set_current (review->panel, G_OBJECT (difference));
        }
    }
  _gloss_window_show_toast (self, message != NULL ? message : redo ? _("Decision redone") : _("Decision undone"));
  gloss_review_panel_update (review->panel);
  current_changed_cb (self);

  return TRUE;
}

/* Called at the end of _gloss_window_update_actions(). */
void
_gloss_window_review_update_actions (GlossWindow *self)
{
  Review *review = review_of (self);
  ReviewMode mode = review != NULL ? review->mode : REVIEW_NONE;
  gboolean idle = self->busy == 0;
  gboolean editing = review != NULL && mode == REVIEW_MERGE && gloss_review_panel_is_editing (review->panel);

  _gloss_window_set_action_enabled (self, "win.review-file", idle && mode == REVIEW_NONE);
  _gloss_window_set_action_enabled (self, "win.review-next", mode != REVIEW_NONE);
  _gloss_window_set_action_enabled (self, "win.review-previous", mode != REVIEW_NONE);
  _gloss_window_set_action_enabled (self, "win.review-accept", mode != REVIEW_NONE);
  _gloss_window_set_action_enabled (self, "win.review-reject", mode != REVIEW_NONE);
  _gloss_window_set_action_enabled (self, "win.review-comment", mode != REVIEW_NONE);
  _gloss_window_set_action_enabled (self, "win.review-keep", mode == REVIEW_MERGE);
  _gloss_window_set_action_enabled (self, "win.review-both", mode == REVIEW_MERGE);
  _gloss_window_set_action_enabled (self, "win.review-edit", mode == REVIEW_MERGE && !editing);
  _gloss_window_set_action_enabled (self, "win.review-agreement", mode == REVIEW_MERGE);
  _gloss_window_set_action_enabled (self, "win.review-discuss", mode == REVIEW_ALONE);
  _gloss_window_set_action_enabled (self, "win.review-edit-use-selection", editing);
  _gloss_window_set_action_enabled (self, "win.review-edit-cancel", editing);
  _gloss_window_set_action_enabled (self, "win.review-edit-confirm", editing);
  _gloss_window_set_action_enabled (self, "win.review-save", mode != REVIEW_NONE && idle);
  _gloss_window_set_action_enabled (self, "win.review-finish", mode != REVIEW_NONE);

  if (mode == REVIEW_NONE)
    return;

  /* Alt+↓/↑ move between differences, not annotations. */
  _gloss_window_set_action_enabled (self, "win.next-annotation", FALSE);
  _gloss_window_set_action_enabled (self, "win.previous-annotation", FALSE);

  if (mode == REVIEW_MERGE)
    {
      /* My document is not edited while merging: the decisions are. */
      _gloss_window_set_action_enabled (self, "win.tag", FALSE);
      _gloss_window_set_action_enabled (self, "win.delete-annotation", FALSE);
      _gloss_window_set_action_enabled (self, "win.undo-deletion", FALSE);
      _gloss_window_set_action_enabled (self, "win.edit-note", FALSE);
      _gloss_window_set_action_enabled (self, "win.move-boundary", FALSE);
      _gloss_window_set_action_enabled (self, "win.annotate-all", FALSE);
      _gloss_window_set_action_enabled (self, "win.edit-labels", FALSE);
      _gloss_window_set_action_enabled (self, "win.start-link", FALSE);
      _gloss_window_set_action_enabled (self, "win.link", FALSE);
      _gloss_window_set_action_enabled (self, "win.export", FALSE);
      /* Open would replace the document under review; Save means the
       * merged file (Ctrl+S reaches win.review-save). Finish first. */
      _gloss_window_set_action_enabled (self, "win.open", FALSE);
      _gloss_window_set_action_enabled (self, "win.open-recent", FALSE);
      _gloss_window_set_action_enabled (self, "win.save", FALSE);
      _gloss_window_set_action_enabled (self, "win.save-as", FALSE);
      _gloss_window_set_action_enabled (self, "win.undo", gloss_merge_session_get_can_undo (review->session));
      _gloss_window_set_action_enabled (self, "win.redo", gloss_merge_session_get_can_redo (review->session));
    }
}

/* Dropping a file during a merge opens it in a new window rather than
 * replacing the document under review. */
static gboolean
drop_accept_cb (GtkDropTarget *target,
                GdkDrop       *drop,
                GlossWindow   *self)
{
  Review *review = review_of (self);

  return review != NULL && review->mode == REVIEW_MERGE &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), GDK_TYPE_FILE_LIST);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossWindow   *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  Review *review = review_of (self);
  GSList *files;
  gboolean opened;

  if (review == NULL || review->mode != REVIEW_MERGE || !GLOSS_IS_APPLICATION (app) ||
      !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GlossWindow *window = gloss_window_new (GLOSS_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      gloss_window_open_file (window, l->data);
    }
  opened = files != NULL;
  g_slist_free (files);

  return opened;
}

void
_gloss_window_init_review (GlossWindow *self)
{
  GtkDropTarget *drop;

  Review *review = g_new0 (Review, 1);
  GtkWidget *sidebar = GTK_WIDGET (self->sidebar);

  review->window = self;
  g_object_set_data_full (G_OBJECT (self), "gloss-review", review, (GDestroyNotify) review_free);

  /* The flap holds a stack: the annotations sidebar, or the review panel. */
  review->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (review->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_add_css_class (review->stack, "background");
  g_object_ref (sidebar);
  adw_flap_set_flap (self->flap, NULL);
  gtk_stack_add_named (GTK_STACK (review->stack), sidebar, "annotations");
  g_object_unref (sidebar);
  review->panel = GLOSS_REVIEW_PANEL (gloss_review_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (review->panel), 348, -1);
  gtk_stack_add_named (GTK_STACK (review->stack), GTK_WIDGET (review->panel), "review");
  gtk_stack_set_visible_child_name (GTK_STACK (review->stack), "annotations");
  adw_flap_set_flap (self->flap, review->stack);

  g_signal_connect_object (review->panel, "current-changed", G_CALLBACK (current_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "annotation-activated", G_CALLBACK (annotation_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (document_notify_cb), NULL);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (drop), "gloss-review-drop");
  g_signal_connect (drop, "accept", G_CALLBACK (drop_accept_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_gloss_window_class_init_review (GtkWidgetClass *klass)
{
  const char *decisions[] = {
    "win.review-accept", "win.review-keep", "win.review-both", "win.review-reject", "win.review-discuss",
  };

  gtk_widget_class_install_action (klass, "win.review-file", NULL, review_file_action);
  gtk_widget_class_install_action (klass, "win.review-next", NULL, move_action);
  gtk_widget_class_install_action (klass, "win.review-previous", NULL, move_action);
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    gtk_widget_class_install_action (klass, decisions[i], NULL, decision_action);
  gtk_widget_class_install_action (klass, "win.review-comment", NULL, comment_action);
  gtk_widget_class_install_action (klass, "win.review-edit", NULL, edit_action);
  gtk_widget_class_install_action (klass, "win.review-edit-use-selection", NULL, edit_use_selection_action);
  gtk_widget_class_install_action (klass, "win.review-edit-cancel", NULL, edit_cancel_action);
  gtk_widget_class_install_action (klass, "win.review-edit-confirm", NULL, edit_confirm_action);
  gtk_widget_class_install_action (klass, "win.review-agreement", NULL, agreement_action);
  gtk_widget_class_install_action (klass, "win.review-save", NULL, save_action);
  gtk_widget_class_install_action (klass, "win.review-finish", NULL, finish_action);

  gtk_widget_class_add_binding_action (klass, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.review-file", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.review-file", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Down, GDK_ALT_MASK, "win.review-next", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Up, GDK_ALT_MASK, "win.review-previous", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_a, GDK_ALT_MASK, "win.review-accept", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_m, GDK_ALT_MASK, "win.review-keep", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_b, GDK_ALT_MASK, "win.review-both", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_e, GDK_ALT_MASK, "win.review-edit", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_r, GDK_ALT_MASK, "win.review-reject", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_d, GDK_ALT_MASK, "win.review-discuss", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_c, GDK_ALT_MASK, "win.review-comment", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_g, GDK_ALT_MASK, "win.review-agreement", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Return, GDK_CONTROL_MASK, "win.review-edit-confirm", NULL);
  /* Only reached in a merge, where the window's Save and Save As are off. */
  gtk_widget_class_add_binding_action (klass, GDK_KEY_s, GDK_CONTROL_MASK, "win.review-save", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.review-save", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.review-save", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Escape, 0, "win.review-edit-cancel", NULL);
}

/* Public ------------------------------------------------------------------- */

gboolean
gloss_window_get_reviewing (GlossWindow *self)
{
  Review *review;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  review = review_of (self);
  return review != NULL && review->mode != REVIEW_NONE;
}

GlossMergeSession *
gloss_window_get_review_session (GlossWindow *self)
{
  Review *review;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  review = review_of (self);
  return review != NULL ? review->session : NULL;
}

GlossDocument *
gloss_window_get_review_theirs (GlossWindow *self)
{
  Review *review;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  review = review_of (self);
  if (review == NULL || review->mode == REVIEW_NONE)
    return NULL;

  return review->mode == REVIEW_MERGE ? review->theirs : self->document;
}

GtkWidget *
gloss_window_get_review_panel (GlossWindow *self)
{
  Review *review;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  review = review_of (self);
  return review != NULL ? GTK_WIDGET (review->panel) : NULL;
}
