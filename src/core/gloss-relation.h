/* gloss-relation.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-compat.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION (gloss_relation_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelation, gloss_relation, GLOSS, RELATION, GObject)

/* A typed, directed link between two annotations (by id). Like
 * GlossAnnotation it is a value: documents replace, never mutate, it. */
GlossRelation *gloss_relation_new      (const char    *type,
                                        const char    *from,
                                        const char    *to);
GlossRelation *gloss_relation_copy     (GlossRelation *self);
const char    *gloss_relation_get_id   (GlossRelation *self);
void           gloss_relation_set_id   (GlossRelation *self,
                                        const char    *id);
const char    *gloss_relation_get_kind (GlossRelation *self);
void           gloss_relation_set_kind (GlossRelation *self,
                                        const char    *type);
const char    *gloss_relation_get_from (GlossRelation *self);
void           gloss_relation_set_from (GlossRelation *self,
                                        const char    *from);
const char    *gloss_relation_get_to   (GlossRelation *self);
void           gloss_relation_set_to   (GlossRelation *self,
                                        const char    *to);
const char    *gloss_relation_get_note (GlossRelation *self);
void           gloss_relation_set_note (GlossRelation *self,
                                        const char    *note);

G_END_DECLS
