/* gloss-annotation-list.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation-item.h"
#include "gloss-annotation-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_LIST (gloss_annotation_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationList, gloss_annotation_list, GLOSS, ANNOTATION_LIST, GObject)

/* A GListModel of GlossAnnotationItem over a GlossAnnotationStore, in the
 * same order. An edit that leaves an annotation in its place (relabel,
 * note, attribute, verdict, link) does not change the list: the item at
 * that place gets the new version and notifies ::annotation. Insertions,
 * removals and moves are passed on as items-changed, and an annotation
 * that stays within a changed range keeps its item. Items are made when
 * first asked for, so a list of 100,000 annotations costs nothing until
 * it is looked at. */
GlossAnnotationList  *gloss_annotation_list_new                (GlossAnnotationStore *store);
GlossAnnotationStore *gloss_annotation_list_get_store          (GlossAnnotationList  *self);
void                  gloss_annotation_list_set_store          (GlossAnnotationList  *self,
                                                                GlossAnnotationStore *store);
gboolean              gloss_annotation_list_get_announce_edits (GlossAnnotationList  *self);
void                  gloss_annotation_list_set_announce_edits (GlossAnnotationList  *self,
                                                                gboolean              announce);

G_END_DECLS
