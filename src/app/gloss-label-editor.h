/* gloss-label-editor.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_EDITOR (gloss_label_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelEditor, gloss_label_editor, GLOSS, LABEL_EDITOR, AdwWindow)

/* Edits a document's label set — add, rename (carried to every
 * annotation), recolour, rekey, change kind, reorder, delete — each an
 * undoable document edit; imports and exports label-set files and sets the
 * default set for new documents. */
GlossLabelEditor *gloss_label_editor_new              (GtkWindow        *parent,
                                                       GlossDocument    *document);
gboolean          gloss_label_editor_import_file      (GlossLabelEditor *self,
                                                       GFile            *file,
                                                       GError          **error);
GFile            *gloss_label_editor_get_default_file (void);
gboolean          gloss_label_editor_save_attribute   (GlossLabelEditor  *self,
                                                       const char        *label_name,
                                                       const char        *old_name,
                                                       GlossAttributeDef *def,
                                                       GError           **error);
gboolean          gloss_label_editor_add_relation_type (GlossLabelEditor *self,
                                                        const char       *text,
                                                        GError          **error);
guint             gloss_label_editor_import_identifiers (GlossLabelEditor *self,
                                                         GFile            *file,
                                                         GError          **error);

G_END_DECLS
