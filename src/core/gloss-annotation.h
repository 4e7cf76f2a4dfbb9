/* gloss-annotation.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-compat.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

/* An annotation is a value. Build one with the setters, then hand it to a
 * GlossDocument; from then on it is never modified in place: the document
 * replaces it with an edited copy, which is what makes every edit undoable.
 *
 * Offsets are Unicode code points into the document text, end exclusive.
 * Attribute values are GVariants of type s, b, x (int64) or d. */
GlossAnnotation *gloss_annotation_new            (const char       *label,
                                                  guint             start,
                                                  guint             end);
GlossAnnotation *gloss_annotation_copy           (GlossAnnotation  *self);
const char      *gloss_annotation_get_id         (GlossAnnotation  *self);
void             gloss_annotation_set_id         (GlossAnnotation  *self,
                                                  const char       *id);
const char      *gloss_annotation_get_label      (GlossAnnotation  *self);
void             gloss_annotation_set_label      (GlossAnnotation  *self,
                                                  const char       *label);
guint            gloss_annotation_get_start      (GlossAnnotation  *self);
guint            gloss_annotation_get_end        (GlossAnnotation  *self);
void             gloss_annotation_set_span       (GlossAnnotation  *self,
                                                  guint             start,
                                                  guint             end);
const char      *gloss_annotation_get_quote      (GlossAnnotation  *self);
void             gloss_annotation_set_quote      (GlossAnnotation  *self,
                                                  const char       *quote);
const char      *gloss_annotation_get_note       (GlossAnnotation  *self);
void             gloss_annotation_set_note       (GlossAnnotation  *self,
                                                  const char       *note);
const char      *gloss_annotation_get_search_text (GlossAnnotation *self);
const char      *gloss_annotation_peek_search_text (GlossAnnotation *self);
const char      *gloss_annotation_get_author     (GlossAnnotation  *self);
void             gloss_annotation_set_author     (GlossAnnotation  *self,
                                                  const char       *author);
const char      *gloss_annotation_get_created    (GlossAnnotation  *self);
void             gloss_annotation_set_created    (GlossAnnotation  *self,
                                                  const char       *created);
const char      *gloss_annotation_get_modified   (GlossAnnotation  *self);
void             gloss_annotation_set_modified   (GlossAnnotation  *self,
                                                  const char       *modified);
GVariant        *gloss_annotation_get_attribute  (GlossAnnotation  *self,
                                                  const char       *key);
const char      *gloss_annotation_get_attribute_string (GlossAnnotation *self,
                                                        const char      *key);
void             gloss_annotation_set_attribute  (GlossAnnotation  *self,
                                                  const char       *key,
                                                  GVariant         *value);
char           **gloss_annotation_list_attributes (GlossAnnotation *self);
guint            gloss_annotation_get_n_attributes (GlossAnnotation *self);
int              gloss_annotation_compare        (GlossAnnotation  *a,
                                                  GlossAnnotation  *b);
gboolean         gloss_annotation_contains       (GlossAnnotation  *self,
                                                  guint             offset);
gboolean         gloss_annotation_overlaps       (GlossAnnotation  *self,
                                                  guint             start,
                                                  guint             end);

char            *gloss_timestamp_now             (void);
gboolean         gloss_timestamp_is_valid        (const char       *timestamp);
char            *gloss_uuid_new                  (void);

G_END_DECLS
