/* gloss-file-chooser.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-file-chooser.h"

static void
response_cb (GtkNativeDialog *native,
             int              response,
             GtkWidget       *owner)
{
  GlossFileChosenFunc chosen = g_object_get_data (G_OBJECT (native), "gloss-chosen");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  chosen (owner, file);

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (owner);
}

/**
 * gloss_file_chooser_new:
 * @owner: the widget whose window the chooser is modal to; kept alive
 *   until @chosen has run
 * @near: (nullable): a file whose folder the chooser opens in
 * @suggested_name: (nullable): the name proposed when saving
 *
 * A modal GtkFileChooserNative (portals when available). Add filters to
 * the returned chooser, then call gloss_file_chooser_show().
 *
 * Returns: (transfer none): the chooser
 */
GtkFileChooser *
gloss_file_chooser_new (GtkWidget            *owner,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept_label,
                        GFile                *near,
                        const char           *suggested_name,
                        GlossFileChosenFunc   chosen)
{
  GtkFileChooserNative *native;
  GtkRoot *root = gtk_widget_get_root (owner);

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  if (near != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (near);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent, NULL);
    }

  g_object_set_data (G_OBJECT (native), "gloss-chosen", chosen);
  g_signal_connect (native, "response", G_CALLBACK (response_cb), g_object_ref (owner));

  return GTK_FILE_CHOOSER (native);
}

void
gloss_file_chooser_show (GtkFileChooser *chooser)
{
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
