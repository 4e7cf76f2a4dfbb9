/* gloss-annotate-all-dialog.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-document.h"
#include "gloss-occurrences.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATE_ALL_DIALOG (gloss_annotate_all_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotateAllDialog, gloss_annotate_all_dialog, GLOSS, ANNOTATE_ALL_DIALOG, AdwWindow)

/* Finds every occurrence of a text in the article, previews them with a
 * count, lets the user deselect some and tags the rest in one undoable
 * step. @source (nullable) is the annotation the search started from:
 * its label and attributes (identifier, claim fields) are copied. */
GlossAnnotateAllDialog *gloss_annotate_all_dialog_new            (GtkWindow              *parent,
                                                                  GlossDocument          *document,
                                                                  const char             *text,
                                                                  const char             *label,
                                                                  GlossAnnotation        *source);
GArray                 *gloss_annotate_all_dialog_get_occurrences (GlossAnnotateAllDialog *self);
const char             *gloss_annotate_all_dialog_get_label       (GlossAnnotateAllDialog *self);
void                    gloss_annotate_all_dialog_set_options     (GlossAnnotateAllDialog *self,
                                                                   GlossSearchFlags        flags);
gboolean                gloss_annotate_all_dialog_apply           (GlossAnnotateAllDialog *self);
void                    gloss_annotate_all_dialog_toggle          (GlossAnnotateAllDialog *self,
                                                                   guint                   index);

G_END_DECLS
