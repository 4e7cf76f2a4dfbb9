/* gloss-window-private.h: what the parts of GlossWindow share
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GlossWindow is split by feature (gloss-window-<feature>.c), each file
 * installing its actions from a _gloss_window_class_init_<feature> ()
 * called by gloss_window_class_init (), in the style of GNOME Text Editor.
 */

#pragma once

#include "gloss-article-view.h"
#include "gloss-draft-store.h"
#include "gloss-file-watch.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_FILE_NOTICE_NONE,
  GLOSS_FILE_NOTICE_CHANGED,
  GLOSS_FILE_NOTICE_DELETED,
} GlossFileNoticeKind;

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  GHashTable           *action_enabled;  /* action name (static) → enabled + 1 */

  GlossDocument        *document;
  GFile                *file;         /* the native file Save writes, or NULL */
  GFile                *source_file;  /* the file the article came from */
  char                 *etag;
  char                 *last_message;
  char                 *last_tag_label;  /* what Tag All offers when the selection has no label */

  /* Toasts come in the frame after the one that shows what they are
   * about (_gloss_window_add_toast ()). */
  GPtrArray            *pending_toasts;
  GPtrArray            *deletion_toasts;      /* "Annotation deleted", up or queued */
  GPtrArray            *settling_toasts;      /* to dismiss once settled */
  AdwToast             *status_toast;         /* the last message shown, while up or queued */
  GPtrArray            *superseded_toasts;    /* older messages, dismissed after settling_toasts */
  guint                 settle_tick;
  gint64                toasts_moved;         /* last toast shown or gone */
  guint                 settled_frames;
  guint                 pending_toast_tick;
  gint64                pending_toast_frame;

  guint                 busy;
  guint                 syncing_selection;
  guint                 undoing;  /* an undo or redo is under way: show what it changes */
  gboolean              show_sidebar;
  gboolean              close_after_save;
  gboolean              saving;       /* a save is being serialised or written */
  gboolean              force_close;

  /* Template children */
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwFlap              *flap;
  GlossArticleView     *article_view;
  GlossSidebar         *sidebar;

  /* Claims, links, find (gloss-window-claims.c) */
  char                 *link_source_id;
  char                 *link_type;
  AdwToast             *link_toast;
  GArray               *find_matches;
  guint                 find_current;
  GtkSearchBar         *find_bar;
  GtkSearchEntry       *find_entry;
  GtkLabel             *find_count;
  GtkButton            *find_previous;
  GtkButton            *find_next;
  GtkWindow            *annotate_all_dialog;  /* weak; previews in the article */

  /* Autosave, recovery, changes on disk (gloss-window-safety.c) */
  GlossDraftStore      *draft_store;
  GlossDocument        *drafted_document;    /* attached to draft_store */
  GlossDocument        *reloading_document;  /* its draft goes once a reload replaces it */
  gboolean              draft_warning_shown;
  GlossFileWatch       *file_watch;
  gboolean              file_watch_paused;
  GlossFileNoticeKind   file_notice_kind;
  GtkRevealer          *file_notice;
  GtkLabel             *file_notice_label;
  GtkWidget            *file_notice_reload;
  GtkWidget            *file_notice_keep;
  GtkWidget            *file_notice_save;
};

/* libadwaita 1.2 crashes when a toast is dismissed while a toast is
 * still sliding in or out: a toast is only dismissed once no toast came or
 * went for this long (its longest animation is 500 ms). */
#define GLOSS_TOAST_SETTLED_USEC (600 * G_TIME_SPAN_MILLISECOND)

/* gloss-window-toasts.c */
AdwToast         *_gloss_toast_new                 (const char    *text);
void              _gloss_window_init_toasts        (GlossWindow   *self);
void              _gloss_window_dispose_toasts     (GlossWindow   *self);
void              _gloss_window_add_toast          (GlossWindow   *self,
                                                    AdwToast      *toast);
gboolean          _gloss_window_withdraw_toast     (GlossWindow   *self,
                                                    AdwToast      *toast);
void              _gloss_window_dismiss_toast      (GlossWindow   *self,
                                                    AdwToast      *toast);
void              _gloss_window_show_toast         (GlossWindow   *self,
                                                    const char    *message);

AdwMessageDialog *_gloss_window_message_dialog_new (GlossWindow   *self,
                                                    const char    *heading,
                                                    const char    *body);
void              _gloss_window_show_error         (GlossWindow   *self,
                                                    const char    *heading,
                                                    const char    *body);
char             *_gloss_window_problems_to_text   (GPtrArray     *problems);
AdwMessageDialog *_gloss_window_problems_dialog_new (GlossWindow  *self,
                                                     const char   *heading,
                                                     const char   *body,
                                                     const char   *list);
void              _gloss_window_set_busy           (GlossWindow   *self,
                                                    gboolean       busy);
void              _gloss_window_update_actions     (GlossWindow   *self);
void              _gloss_window_set_action_enabled (GlossWindow   *self,
                                                    const char    *name,
                                                    gboolean       enabled);
void              _gloss_window_update_title       (GlossWindow   *self);
void              _gloss_window_set_document       (GlossWindow   *self,
                                                    GlossDocument *document,
                                                    GFile         *file,
                                                    GFile         *source_file,
                                                    const char    *etag);
gboolean          _gloss_window_get_text_selection (GlossWindow   *self,
                                                    guint         *start,
                                                    guint         *end);
void              _gloss_window_select_annotation  (GlossWindow   *self,
                                                    GlossAnnotation *annotation);
void              _gloss_window_load_file          (GlossWindow   *self,
                                                    GFile         *file);

void              _gloss_window_apply_default_labels (GlossWindow   *self,
                                                      GlossDocument *document);

/* Feature parts: each installs its actions and shortcuts. */

/* gloss-window-claims.c */
void                    _gloss_window_class_init_claims     (GtkWidgetClass  *widget_class);
void                    _gloss_window_init_claims           (GlossWindow     *self);

void                    _gloss_window_dispose_claims        (GlossWindow     *self);
void                    _gloss_window_update_actions_claims (GlossWindow     *self);
gboolean                _gloss_window_start_link            (GlossWindow     *self,
                                                             const char      *type);
gboolean                _gloss_window_finish_link           (GlossWindow     *self,
                                                             GlossAnnotation *target);
struct _GlossAnnotateAllDialog *_gloss_window_annotate_all  (GlossWindow     *self);

/* Web pages and other tools' files (issues 6 and 4):
 * gloss-window-web.c, gloss-window-export.c */
void              _gloss_window_class_init_web       (GtkWidgetClass *klass);
void              _gloss_window_class_init_export    (GtkWidgetClass *klass);
void              _gloss_window_open_url             (GlossWindow    *self,
                                                      const char     *url);
gboolean          _gloss_window_file_is_web          (GFile          *file);
GlossDocument    *_gloss_window_load_foreign         (GFile          *file,
                                                      GBytes         *bytes,
                                                      char          **kind,
                                                      GPtrArray     **reports,
                                                      gboolean       *handled,
                                                      GError        **error);
void              _gloss_window_show_import_reports  (GlossWindow    *self,
                                                      const char     *kind,
                                                      GPtrArray      *reports);
/* Review a colleague's file (gloss-window-review.c, issue 5) */
void              _gloss_window_class_init_review  (GtkWidgetClass *klass);
void              _gloss_window_init_review        (GlossWindow   *self);
gboolean          _gloss_window_review_undo_redo   (GlossWindow   *self,
                                                    gboolean       redo);
void              _gloss_window_review_update_actions (GlossWindow *self);
/* gloss-window-safety.c */
void                    _gloss_window_class_init_safety     (GtkWidgetClass  *widget_class);
void                    _gloss_window_init_safety           (GlossWindow     *self);
void                    _gloss_window_dispose_safety        (GlossWindow     *self);
void                    _gloss_window_safety_document_set   (GlossWindow     *self);
void                    _gloss_window_safety_save_started   (GlossWindow     *self,
                                                             GFile           *file);
void                    _gloss_window_safety_save_finished  (GlossWindow     *self,
                                                             GFile           *file,
                                                             const char      *new_etag);
void                    _gloss_window_safety_discard        (GlossWindow     *self);
void                    _gloss_window_safety_show_save_error (GlossWindow    *self,
                                                             GFile           *file,
                                                             const GError    *error);

G_END_DECLS
