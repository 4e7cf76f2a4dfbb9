/* gloss-relation-type.h: a kind of link between two annotations
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-compat.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_TYPE (gloss_relation_type_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationType, gloss_relation_type, GLOSS, RELATION_TYPE, GObject)

/* A relation type: a @name (an identifier, saved in each relation's
 * "type"), an optional human @title and @description, and optional
 * constraints on the annotations at each end. A constraint is a list of
 * label kinds ("highlight", "entity", "claim") and label names; an end
 * matches when its label's name or kind is listed. An empty list allows
 * anything.
 *
 * Five types are built in (claimant, same-as, related-to, supports,
 * contradicts); a label set adds its own (gloss_label_set_*_relation_type).
 * Like GlossLabel it is a value: change it through GlossDocument. */
GlossRelationType  *gloss_relation_type_new             (const char         *name);
GlossRelationType  *gloss_relation_type_copy            (GlossRelationType  *self);
gboolean            gloss_relation_type_equal           (GlossRelationType  *a,
                                                         GlossRelationType  *b);
const char         *gloss_relation_type_get_name        (GlossRelationType  *self);
void                gloss_relation_type_set_name        (GlossRelationType  *self,
                                                         const char         *name);
const char         *gloss_relation_type_get_title       (GlossRelationType  *self);
void                gloss_relation_type_set_title       (GlossRelationType  *self,
                                                         const char         *title);
const char         *gloss_relation_type_get_description (GlossRelationType  *self);
void                gloss_relation_type_set_description (GlossRelationType  *self,
                                                         const char         *description);
const char * const *gloss_relation_type_get_from        (GlossRelationType  *self);
void                gloss_relation_type_set_from        (GlossRelationType  *self,
                                                         const char * const *from);
const char * const *gloss_relation_type_get_to          (GlossRelationType  *self);
void                gloss_relation_type_set_to          (GlossRelationType  *self,
                                                         const char * const *to);
gboolean            gloss_relation_type_is_builtin      (GlossRelationType  *self);
char               *gloss_relation_type_dup_display_name (GlossRelationType *self);
char               *gloss_relation_type_describe_constraints (GlossRelationType *self);

gboolean            gloss_relation_type_allows_from     (GlossRelationType  *self,
                                                         GlossLabel         *label);
gboolean            gloss_relation_type_allows_to       (GlossRelationType  *self,
                                                         GlossLabel         *label);
gboolean            gloss_relation_type_rename_label    (GlossRelationType  *self,
                                                         const char         *old_name,
                                                         const char         *new_name);
gboolean            gloss_relation_type_validate        (GlossRelationType  *self,
                                                         GError            **error);

GlossRelationType  *gloss_relation_type_new_from_json   (JsonNode           *node,
                                                         GError            **error);
JsonNode           *gloss_relation_type_to_json         (GlossRelationType  *self);

/* The built-in types, in menu order (transfer none). */
GlossRelationType  *gloss_relation_type_get_builtin     (guint               i);
guint               gloss_relation_type_get_n_builtins  (void);
GlossRelationType  *gloss_relation_type_lookup_builtin  (const char         *name);

G_END_DECLS
