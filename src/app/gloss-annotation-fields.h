/* gloss-annotation-fields.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"
#include "gloss-gazetteer.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_FIELDS (gloss_annotation_fields_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationFields, gloss_annotation_fields, GLOSS, ANNOTATION_FIELDS, GtkWidget)

/* The structured fields of the selected annotation, for the sidebar's
 * detail pane: claim fields (verdict, claimant, check-worthiness,
 * evidence, reviewed on) for claims, the knowledge-base identifier for
 * entities (with gazetteer suggestions), and the links of any annotation.
 * Every edit is an undoable document edit. */
GtkWidget *gloss_annotation_fields_new            (void);
void       gloss_annotation_fields_set_gazetteer  (GlossAnnotationFields *self,
                                                   GlossGazetteer        *gazetteer);
void       gloss_annotation_fields_set_annotation (GlossAnnotationFields *self,
                                                   GlossDocument         *document,
                                                   GlossAnnotation       *annotation);
void       gloss_annotation_fields_commit         (GlossAnnotationFields *self);
GMenuModel *gloss_annotation_fields_get_link_menu (GlossAnnotationFields *self);

G_END_DECLS
