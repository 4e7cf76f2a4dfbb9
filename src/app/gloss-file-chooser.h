/* gloss-file-chooser.h: one way to ask for a file
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called once with the chosen file, or with %NULL if the user cancelled. */
typedef void (*GlossFileChosenFunc) (GtkWidget *owner,
                                     GFile     *file);

GtkFileChooser *gloss_file_chooser_new  (GtkWidget            *owner,
                                         const char           *title,
                                         GtkFileChooserAction  action,
                                         const char           *accept_label,
                                         GFile                *near,
                                         const char           *suggested_name,
                                         GlossFileChosenFunc   chosen);
void            gloss_file_chooser_show (GtkFileChooser       *chooser);

G_END_DECLS
