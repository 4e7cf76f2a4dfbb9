/* gloss-document.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"
#include "gloss-annotation-store.h"
#include "gloss-history.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-text.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

/* An article's text (immutable once created), its metadata, its label set,
 * its annotations and relations, and the undo history of every edit.
 *
 * Every edit goes through the functions below, which validate it, apply it
 * and record it; group several into one undo step with begin_edit/end_edit.
 * "changed" is emitted once after each applied edit, undo or redo. */
GlossDocument        *gloss_document_new                (const char      *text,
                                                         gssize           len);
const char           *gloss_document_get_text           (GlossDocument   *self);
guint                 gloss_document_get_length         (GlossDocument   *self);
GlossTextIndex       *gloss_document_get_index          (GlossDocument   *self);
const char           *gloss_document_get_sha256         (GlossDocument   *self);
char                 *gloss_document_slice              (GlossDocument   *self,
                                                         guint            start,
                                                         guint            end);

/* A heading of the article's text (h1–h6 of a web page): presentation,
 * not an annotation. Headings are sorted, do not overlap, and level is
 * 1 to 6. */
typedef struct
{
  guint start;
  guint end;
  guint level;
} GlossHeading;

#define GLOSS_HEADING_MAX_LEVEL 6

const GlossHeading   *gloss_document_get_headings       (GlossDocument   *self,
                                                         guint           *n_headings);
gboolean              gloss_document_set_headings       (GlossDocument   *self,
                                                         const GlossHeading *headings,
                                                         guint            n_headings,
                                                         GError         **error);

const char           *gloss_document_get_title          (GlossDocument   *self);
void                  gloss_document_set_title          (GlossDocument   *self,
                                                         const char      *title);
const char           *gloss_document_get_byline         (GlossDocument   *self);
void                  gloss_document_set_byline         (GlossDocument   *self,
                                                         const char      *byline);
const char           *gloss_document_get_published      (GlossDocument   *self);
void                  gloss_document_set_published      (GlossDocument   *self,
                                                         const char      *published);
const char           *gloss_document_get_source         (GlossDocument   *self);
void                  gloss_document_set_source         (GlossDocument   *self,
                                                         const char      *source);
const char           *gloss_document_get_language       (GlossDocument   *self);
void                  gloss_document_set_language       (GlossDocument   *self,
                                                         const char      *language);
const char           *gloss_document_get_metadata       (GlossDocument   *self,
                                                         const char      *key);
void                  gloss_document_set_metadata       (GlossDocument   *self,
                                                         const char      *key,
                                                         const char      *value);
char                **gloss_document_list_metadata      (GlossDocument   *self);

const char           *gloss_document_get_author         (GlossDocument   *self);
void                  gloss_document_set_author         (GlossDocument   *self,
                                                         const char      *author);

GlossLabelSet        *gloss_document_get_labels         (GlossDocument   *self);
void                  gloss_document_set_labels         (GlossDocument   *self,
                                                         GlossLabelSet   *labels);
GlossAnnotationStore *gloss_document_get_annotations    (GlossDocument   *self);
GListModel           *gloss_document_get_relations      (GlossDocument   *self);
GlossRelation        *gloss_document_lookup_relation    (GlossDocument   *self,
                                                         const char      *id);
GPtrArray            *gloss_document_relations_of       (GlossDocument   *self,
                                                         const char      *annotation_id);
GlossHistory         *gloss_document_get_history        (GlossDocument   *self);
gboolean              gloss_document_get_modified       (GlossDocument   *self);
void                  gloss_document_set_saved          (GlossDocument   *self);
/* Marks the document as having unsaved changes (a restored draft). */
void                  gloss_document_set_unsaved        (GlossDocument   *self);

/* Loading (not recorded in the history). */
void                  gloss_document_load_content       (GlossDocument   *self,
                                                         GPtrArray       *annotations,
                                                         GPtrArray       *relations);

/* Editing (recorded, undoable). */
void                  gloss_document_begin_edit         (GlossDocument   *self,
                                                         const char      *description);
void                  gloss_document_end_edit           (GlossDocument   *self);
void                  gloss_document_apply_attribute_defaults (GlossDocument   *self,
                                                               GlossAnnotation *annotation);
GlossAnnotation      *gloss_document_annotate           (GlossDocument   *self,
                                                         const char      *label,
                                                         guint            start,
                                                         guint            end,
                                                         GError         **error);
gboolean              gloss_document_add_annotation     (GlossDocument   *self,
                                                         GlossAnnotation *annotation,
                                                         GError         **error);
gboolean              gloss_document_add_annotations    (GlossDocument   *self,
                                                         GPtrArray       *annotations,
                                                         GError         **error);
void                  gloss_document_remove_annotation  (GlossDocument   *self,
                                                         GlossAnnotation *annotation);
void                  gloss_document_remove_annotations (GlossDocument   *self,
                                                         GPtrArray       *annotations);
gboolean              gloss_document_update_annotation  (GlossDocument   *self,
                                                         GlossAnnotation *annotation,
                                                         GlossAnnotation *replacement,
                                                         GError         **error);
GlossAnnotation      *gloss_document_relabel            (GlossDocument   *self,
                                                         GlossAnnotation *annotation,
                                                         const char      *label,
                                                         GError         **error);
GlossAnnotation      *gloss_document_set_note           (GlossDocument   *self,
                                                         GlossAnnotation *annotation,
                                                         const char      *note);
GlossAnnotation      *gloss_document_set_span           (GlossDocument   *self,
                                                         GlossAnnotation *annotation,
                                                         guint            start,
                                                         guint            end,
                                                         GError         **error);
GlossAnnotation      *gloss_document_set_attribute      (GlossDocument   *self,
                                                         GlossAnnotation *annotation,
                                                         const char      *key,
                                                         GVariant        *value);
GlossRelation        *gloss_document_relate             (GlossDocument   *self,
                                                         const char      *type,
                                                         GlossAnnotation *from,
                                                         GlossAnnotation *to,
                                                         GError         **error);
gboolean              gloss_document_add_relation       (GlossDocument   *self,
                                                         GlossRelation   *relation,
                                                         GError         **error);
void                  gloss_document_remove_relation    (GlossDocument   *self,
                                                         GlossRelation   *relation);
gboolean              gloss_document_add_label          (GlossDocument   *self,
                                                         GlossLabel      *label,
                                                         GError         **error);
gboolean              gloss_document_replace_label      (GlossDocument   *self,
                                                         const char      *name,
                                                         GlossLabel      *replacement,
                                                         GError         **error);
gboolean              gloss_document_remove_label       (GlossDocument   *self,
                                                         const char      *name,
                                                         gboolean         remove_annotations,
                                                         GError         **error);
gboolean              gloss_document_move_label         (GlossDocument   *self,
                                                         const char      *name,
                                                         guint            position,
                                                         GError         **error);
gboolean              gloss_document_add_relation_type  (GlossDocument   *self,
                                                         GlossRelationType *type,
                                                         GError         **error);
gboolean              gloss_document_replace_relation_type (GlossDocument *self,
                                                         const char      *name,
                                                         GlossRelationType *replacement,
                                                         GError         **error);
gboolean              gloss_document_remove_relation_type (GlossDocument *self,
                                                         const char      *name,
                                                         gboolean         remove_relations,
                                                         GError         **error);
guint                 gloss_document_count_relations_of_type (GlossDocument *self,
                                                         const char      *name);
gboolean              gloss_document_undo               (GlossDocument   *self);
gboolean              gloss_document_redo               (GlossDocument   *self);
GlossAnnotation      *gloss_document_get_undo_subject   (GlossDocument   *self);

G_END_DECLS
