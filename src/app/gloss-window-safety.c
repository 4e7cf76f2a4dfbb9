/* gloss-window-safety.c: autosave drafts, changes on disk, save errors
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7 in the window (docs/saving.md has the core):
 * - the document is attached to the application's GlossDraftStore, so a
 *   recovery draft is written a few seconds after each change; a save
 *   deletes it, "Discard" on close deletes it, anything else keeps it;
 * - a draft that cannot be written (full disk) is reported once, in a
 *   toast that stays until dismissed;
 * - a GlossFileWatch watches the document's file (paused around our own
 *   saves); a change or deletion by another program shows a notice bar at
 *   the top of the article with Reload / Save As… / Keep Mine, or
 *   Save / Save As…;
 * - save failures get dialogs that say what happened and offer Save As….
 */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-draft-store.h"
#include "gloss-error.h"
#include "gloss-file-watch.h"
#include "gloss-window-private.h"

static char *
dup_name (GlossWindow *self,
          GFile       *file)
{
  const char *title = self->document != NULL ? gloss_document_get_title (self->document) : NULL;

  if (file != NULL)
    return g_file_get_basename (file);
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  return g_strdup (_("Untitled"));
}

static GlossDraftStore *
get_store (GlossWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!GLOSS_IS_APPLICATION (app))
    return NULL;

  return gloss_application_get_draft_store (GLOSS_APPLICATION (app));
}

/* The notice bar ----------------------------------------------------------- */

static void
hide_notice (GlossWindow *self)
{
  self->file_notice_kind = GLOSS_FILE_NOTICE_NONE;
  gtk_revealer_set_reveal_child (self->file_notice, FALSE);
  _gloss_window_set_action_enabled (self, "win.reload-from-disk", FALSE);
  _gloss_window_set_action_enabled (self, "win.keep-mine", FALSE);
}

static void
show_notice (GlossWindow         *self,
             GlossFileNoticeKind  kind)
{
  g_autofree char *name = dup_name (self, self->file);
  g_autofree char *text = NULL;
  gboolean changed = kind == GLOSS_FILE_NOTICE_CHANGED;
  gboolean modified = self->document != NULL && gloss_document_get_modified (self->document);

  self->file_notice_kind = kind;

  if (changed && modified)
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("“%s” was changed by another program. Reload it to see those changes (yours are lost), or keep your version."), name);
  else if (changed)
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("“%s” was changed by another program. Reload it to see those changes."), name);
  else
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("“%s” was deleted or moved by another program. Save to keep your work."), name);

  gtk_label_set_text (self->file_notice_label, text);
  gloss_set_str (&self->last_message, text);
  gtk_widget_set_visible (self->file_notice_reload, changed);
  gtk_widget_set_visible (self->file_notice_keep, changed);
  gtk_widget_set_visible (self->file_notice_save, !changed);
  _gloss_window_set_action_enabled (self, "win.reload-from-disk", changed);
  _gloss_window_set_action_enabled (self, "win.keep-mine", changed);
  gtk_revealer_set_reveal_child (self->file_notice, TRUE);
}

static void
changed_on_disk_cb (GlossFileWatch *watch,
                    const char     *etag,
                    GlossWindow    *self)
{
  show_notice (self, GLOSS_FILE_NOTICE_CHANGED);
}

static void
deleted_cb (GlossFileWatch *watch,
            GlossWindow    *self)
{
  show_notice (self, GLOSS_FILE_NOTICE_DELETED);
}

static void
set_watch (GlossWindow *self,
           GFile       *file,
           const char  *etag)
{
  if (self->file_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->file_watch, self);
  g_clear_object (&self->file_watch);
  self->file_watch_paused = FALSE;

  if (file == NULL)
    return;

  self->file_watch = gloss_file_watch_new (file, etag);
  g_signal_connect_object (self->file_watch, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), self, 0);
  g_signal_connect_object (self->file_watch, "deleted", G_CALLBACK (deleted_cb), self, 0);
}

static void
active_cb (GlossWindow *self)
{
  /* Back from another program: look now rather than wait for the monitor. */
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->file_watch != NULL && !self->file_watch_paused)
    gloss_file_watch_check (self->file_watch);
}

static void
reload (GlossWindow *self)
{
  if (self->file == NULL)
    return;

  /* The draft of the edits given up goes when the new version replaces
   * the document; if the reload fails, both stay. */
  self->reloading_document = self->document;
  hide_notice (self);
  _gloss_window_load_file (self, self->file);
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GlossWindow      *self)
{
  if (g_strcmp0 (response, "reload") == 0)
    reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL || self->file == NULL)
    return;

  if (!gloss_document_get_modified (self->document))
    {
      reload (self);
      return;
    }

  name = dup_name (self, self->file);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Reload “%s”?"), name);
  dialog = _gloss_window_message_dialog_new (self, heading,
                                             _("Your unsaved changes will be lost and the version on disk opened instead."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  /* The known etag stays the old one, so the next Save fails with
   * WRONG_ETAG and asks before overwriting (gloss-window.c). */
  hide_notice (self);
  _gloss_window_show_toast (self, _("Your version is kept; saving will ask before overwriting the other one"));
}

static GtkWidget *
notice_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static void
build_notice (GlossWindow *self)
{
  GtkWidget *box, *icon, *label, *parent;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "file-notice");

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A small natural width: a long message must not make the flap fold
   * the sidebar away; it wraps instead. */
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  self->file_notice_label = GTK_LABEL (label);

  self->file_notice_keep = notice_button (_("_Keep Mine"), "win.keep-mine");
  gtk_box_append (GTK_BOX (box), self->file_notice_keep);
  gtk_box_append (GTK_BOX (box), notice_button (_("Save _As…"), "win.save-as"));
  self->file_notice_save = notice_button (_("_Save"), "win.save");
  gtk_widget_add_css_class (self->file_notice_save, "suggested-action");
  gtk_box_append (GTK_BOX (box), self->file_notice_save);
  self->file_notice_reload = notice_button (_("_Reload"), "win.reload-from-disk");
  gtk_widget_add_css_class (self->file_notice_reload, "suggested-action");
  gtk_box_append (GTK_BOX (box), self->file_notice_reload);

  self->file_notice = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->file_notice, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->file_notice, box);

  /* Above the find bar, at the top of the article (no .ui edit needed). */
  parent = gtk_widget_get_parent (GTK_WIDGET (self->find_bar));
  g_assert (GTK_IS_BOX (parent));
  gtk_box_prepend (GTK_BOX (parent), GTK_WIDGET (self->file_notice));
}

/* Drafts ------------------------------------------------------------------- */

static gboolean
is_own_draft (GlossWindow *self,
              const char  *draft_id)
{
  const char *own;

  if (self->draft_store == NULL || self->drafted_document == NULL)
    return FALSE;

  own = gloss_draft_store_get_draft_id (self->draft_store, self->drafted_document);

  return own != NULL && g_strcmp0 (own, draft_id) == 0;
}

static void
draft_failed_cb (GlossDraftStore *store,
                 const char      *draft_id,
                 const GError    *error,
                 GlossWindow     *self)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!is_own_draft (self, draft_id) || self->draft_warning_shown)
    return;

  self->draft_warning_shown = TRUE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    message = g_strdup (_("The disk is full: Gloss cannot keep a recovery copy of your unsaved work. Free some space or save now."));
  else
    /* Translators: %s is an error message */
    message = g_strdup_printf (_("Gloss cannot keep a recovery copy of your unsaved work (%s). Save now."),
                               error->message);

  gloss_set_str (&self->last_message, message);
  toast = _gloss_toast_new (message);
  /* Stays until dismissed: it matters. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _gloss_window_add_toast (self, toast);
}

static void
draft_written_cb (GlossDraftStore *store,
                  const char      *draft_id,
                  GlossWindow     *self)
{
  /* Writing works again: warn again if it stops. */
  if (is_own_draft (self, draft_id))
    self->draft_warning_shown = FALSE;
}

static void
release_document (GlossWindow *self,
                  gboolean     discard)
{
  g_autoptr(GError) error = NULL;

  if (self->drafted_document == NULL || self->draft_store == NULL)
    {
      g_clear_object (&self->drafted_document);
      return;
    }

  if (discard && !gloss_draft_store_discard (self->draft_store, self->drafted_document, &error))
    g_warning ("Could not delete a recovery draft: %s", error->message);
  gloss_draft_store_detach (self->draft_store, self->drafted_document);
  g_clear_object (&self->drafted_document);
}

/* Hooks called by gloss-window.c --------------------------------------------- */

void
_gloss_window_safety_document_set (GlossWindow *self)
{
  if (self->drafted_document != self->document)
    {
      release_document (self, self->drafted_document != NULL &&
                               self->drafted_document == self->reloading_document);
      self->reloading_document = NULL;

      if (self->draft_store == NULL && (self->draft_store = get_store (self)) != NULL)
        {
          g_object_ref (self->draft_store);
          g_signal_connect_object (self->draft_store, "draft-failed", G_CALLBACK (draft_failed_cb), self, 0);
          g_signal_connect_object (self->draft_store, "draft-written", G_CALLBACK (draft_written_cb), self, 0);
        }

      if (self->document != NULL && self->draft_store != NULL)
        {
          /* A restored document is attached already: this keeps its id. */
          gloss_draft_store_attach (self->draft_store, self->document, self->file, self->etag, NULL);
          self->drafted_document = g_object_ref (self->document);
        }
      self->draft_warning_shown = FALSE;
    }

  hide_notice (self);
  set_watch (self, self->document != NULL ? self->file : NULL, self->etag);
}

void
_gloss_window_safety_save_started (GlossWindow *self,
                                   GFile       *file)
{
  if (self->file_watch != NULL && !self->file_watch_paused &&
      g_file_equal (gloss_file_watch_get_file (self->file_watch), file))
    {
      gloss_file_watch_pause (self->file_watch);
      self->file_watch_paused = TRUE;
    }
}

void
_gloss_window_safety_save_finished (GlossWindow *self,
                                    GFile       *file,
                                    const char  *new_etag)
{
  g_autoptr(GError) error = NULL;

  if (new_etag == NULL)
    {
      /* Failed: nothing was written, the draft stays. */
      if (self->file_watch_paused)
        {
          self->file_watch_paused = FALSE;
          gloss_file_watch_unpause (self->file_watch, gloss_file_watch_get_etag (self->file_watch));
        }
      return;
    }

  if (self->draft_store != NULL && self->drafted_document != NULL)
    {
      /* A change made during the write keeps the draft (and the document
       * modified); else the work is in the file now. */
      if (!gloss_document_get_modified (self->drafted_document) &&
          !gloss_draft_store_discard (self->draft_store, self->drafted_document, &error))
        g_warning ("Could not delete a recovery draft: %s", error->message);
      gloss_draft_store_set_file (self->draft_store, self->drafted_document, file, new_etag);
    }

  if (self->file_watch != NULL && g_file_equal (gloss_file_watch_get_file (self->file_watch), file))
    {
      if (self->file_watch_paused)
        gloss_file_watch_unpause (self->file_watch, new_etag);
      else
        gloss_file_watch_set_etag (self->file_watch, new_etag);
      self->file_watch_paused = FALSE;
    }
  else
    set_watch (self, file, new_etag);

  hide_notice (self);
}

void
_gloss_window_safety_discard (GlossWindow *self)
{
  release_document (self, TRUE);
}

static void
save_as_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossWindow      *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

void
_gloss_window_safety_show_save_error (GlossWindow  *self,
                                      GFile        *file,
                                      const GError *error)
{
  g_autofree char *name = dup_name (self, file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  const char *kept = _("Nothing was written: the file on disk is unchanged, and your work is kept in a recovery copy until you save it.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      heading = g_strdup (_("The Disk Is Full"));
      /* Translators: %s is a file name, the second %s says the work is safe */
      body = g_strdup_printf (_("There is not enough space to save “%s”. %s Free some space, or save to another disk."),
                              name, kept);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    {
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("“%s” Is Read-Only"), name);
      body = g_strdup_printf ("%s\n\n%s %s", error->message,
                              _("Save your work under another name, or make the file writable first."), kept);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      heading = g_strdup (_("No Permission to Save Here"));
      body = g_strdup_printf ("%s\n\n%s %s", error->message,
                              _("Save your work somewhere you can write to."), kept);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      body = g_strdup_printf ("%s\n\n%s %s", error->message,
                              _("The folder may be on a disk or network share that is gone."), kept);
    }
  else
    {
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      body = g_strdup_printf ("%s\n\n%s", error->message, kept);
    }

  dialog = _gloss_window_message_dialog_new (self, heading, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response::save-as", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Set up ---------------------------------------------------------------------- */

void
_gloss_window_class_init_safety (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reload-from-disk", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
}

void
_gloss_window_init_safety (GlossWindow *self)
{
  build_notice (self);
  hide_notice (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_cb), NULL);
}

void
_gloss_window_dispose_safety (GlossWindow *self)
{
  /* Closing with unsaved changes that were not discarded keeps the draft. */
  release_document (self, FALSE);
  set_watch (self, NULL, NULL);
  if (self->draft_store != NULL)
    g_signal_handlers_disconnect_by_data (self->draft_store, self);
  g_clear_object (&self->draft_store);
}

/**
 * gloss_window_set_restored_document:
 *
 * Shows @document, restored from a recovery draft (already attached to the
 * draft store): it stays modified, Save writes to @file (%NULL: Save As)
 * with @etag, so a change made to the file meanwhile is noticed.
 */
void
gloss_window_set_restored_document (GlossWindow   *self,
                                    GlossDocument *document,
                                    GFile         *file,
                                    const char    *etag)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  _gloss_window_set_document (self, document, file, file, etag);
  if (self->file_watch != NULL)
    gloss_file_watch_check (self->file_watch);
}

/**
 * gloss_window_get_file_notice:
 *
 * Returns: (transfer none): the revealer of the changed-on-disk and
 *   deleted notice
 */
GtkWidget *
gloss_window_get_file_notice (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->file_notice);
}
