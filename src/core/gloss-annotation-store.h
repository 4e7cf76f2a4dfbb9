/* gloss-annotation-store.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_STORE (gloss_annotation_store_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationStore, gloss_annotation_store, GLOSS, ANNOTATION_STORE, GObject)

/* A GListModel of GlossAnnotation in text order (gloss_annotation_compare)
 * with an id index and an interval index: overlap queries cost
 * O(n/64 + k) and never walk the text. Edit it through GlossDocument. */
GlossAnnotationStore *gloss_annotation_store_new          (void);
guint                 gloss_annotation_store_get_n_items  (GlossAnnotationStore *self);
GlossAnnotation      *gloss_annotation_store_get          (GlossAnnotationStore *self,
                                                           guint                 position);
GlossAnnotation      *gloss_annotation_store_lookup       (GlossAnnotationStore *self,
                                                           const char           *id);
gboolean              gloss_annotation_store_find         (GlossAnnotationStore *self,
                                                           GlossAnnotation      *annotation,
                                                           guint                *position);
guint                 gloss_annotation_store_insert       (GlossAnnotationStore *self,
                                                           GlossAnnotation      *annotation);
void                  gloss_annotation_store_remove       (GlossAnnotationStore *self,
                                                           GlossAnnotation      *annotation);
void                  gloss_annotation_store_replace      (GlossAnnotationStore *self,
                                                           GlossAnnotation      *old_annotation,
                                                           GlossAnnotation      *new_annotation);
void                  gloss_annotation_store_set_all      (GlossAnnotationStore *self,
                                                           GPtrArray            *annotations);
void                  gloss_annotation_store_insert_many  (GlossAnnotationStore *self,
                                                           GPtrArray            *annotations);
void                  gloss_annotation_store_remove_many  (GlossAnnotationStore *self,
                                                           GPtrArray            *annotations);
void                  gloss_annotation_store_query        (GlossAnnotationStore *self,
                                                           guint                 start,
                                                           guint                 end,
                                                           GPtrArray            *result);
void                  gloss_annotation_store_query_at     (GlossAnnotationStore *self,
                                                           guint                 offset,
                                                           GPtrArray            *result);
guint                 gloss_annotation_store_lower_bound  (GlossAnnotationStore *self,
                                                           guint                 offset);
guint                 gloss_annotation_store_count_label  (GlossAnnotationStore *self,
                                                           const char           *label);

G_END_DECLS
