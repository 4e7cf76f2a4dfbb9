/* gloss-annotation-item.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_ITEM (gloss_annotation_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationItem, gloss_annotation_item, GLOSS, ANNOTATION_ITEM, GObject)

/* One annotation as a list shows it. Annotations are values, so every edit
 * replaces one with a copy; an item keeps its identity across those edits
 * (same id) and says so through notify::annotation, so that a list widget
 * updates one row in place instead of replacing it. See GlossAnnotationList. */
GlossAnnotationItem *gloss_annotation_item_new            (GlossAnnotation     *annotation);
GlossAnnotation     *gloss_annotation_item_get_annotation (GlossAnnotationItem *self);
void                 gloss_annotation_item_set_annotation (GlossAnnotationItem *self,
                                                           GlossAnnotation     *annotation);

G_END_DECLS
