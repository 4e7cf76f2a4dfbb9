/* gloss-window-web.c: Open URL… and web pages given to the window
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-html-extractor.h"
#include "gloss-open-url-dialog.h"
#include "gloss-window-private.h"

static void
fetched_cb (GlossOpenUrlDialog *dialog,
            GlossDocument      *document,
            GlossWindow        *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GlossWindow *target = self;

  /* Unsaved work stays where it is: the article gets its own window. */
  if (self->document != NULL && gloss_document_get_modified (self->document) &&
      GLOSS_IS_APPLICATION (app))
    {
      target = gloss_window_new (GLOSS_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }

  /* A new, unsaved document: Save goes through Save As (named after the
   * title); the page's address stays in its "source" metadata. */
  _gloss_window_apply_default_labels (target, document);
  _gloss_window_set_document (target, document, NULL, NULL, NULL);
}

static void
dialog_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  g_autoptr(GlossWindow) self = data;

  _gloss_window_set_busy (self, FALSE);
  if (self->sidebar != NULL) /* not disposed */
    _gloss_window_update_actions (self);
}

/**
 * _gloss_window_open_url:
 * @url: (nullable): the address to fetch at once, or %NULL to ask for one
 *
 * Shows the Open Web Page dialog (which shows the progress, the Cancel
 * button and any failure); the fetched article becomes the document.
 */
void
_gloss_window_open_url (GlossWindow *self,
                        const char  *url)
{
  GlossOpenUrlDialog *dialog = gloss_open_url_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "fetched", G_CALLBACK (fetched_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  if (url != NULL)
    {
      /* Busy until the dialog is gone: gloss_window_has_document() then
       * keeps GlossApplication from giving this window a second URL. */
      _gloss_window_set_busy (self, TRUE);
      _gloss_window_update_actions (self);
      g_object_weak_ref (G_OBJECT (dialog), dialog_gone_cb, g_object_ref (self));
      gloss_open_url_dialog_set_url (dialog, url);
      gloss_open_url_dialog_start (dialog);
    }
}

/* Whether @file is a web address (http(s) GFiles come from
 * g_file_new_for_uri(): the command line, recent files, drops). */
gboolean
_gloss_window_file_is_web (GFile *file)
{
  return g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https");
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _gloss_window_open_url (GLOSS_WINDOW (widget), NULL);
}

void
_gloss_window_class_init_web (GtkWidgetClass *klass)
{
  /* libxml2 is initialised on the main thread before any extraction runs
   * in a worker thread (opening HTML files, fetching). */
  gloss_html_extractor_init ();

  gtk_widget_class_install_action (klass, "win.open-url", NULL, open_url_action);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-url", NULL);
}
