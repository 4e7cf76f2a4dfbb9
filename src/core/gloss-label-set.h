/* gloss-label-set.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-label.h"
#include "gloss-relation-type.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_SET (gloss_label_set_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelSet, gloss_label_set, GLOSS, LABEL_SET, GObject)

/* An ordered GListModel of GlossLabel with unique names and keys. */
GlossLabelSet *gloss_label_set_new           (void);
GlossLabelSet *gloss_label_set_new_default   (void);
GlossLabelSet *gloss_label_set_copy          (GlossLabelSet *self);
guint          gloss_label_set_get_n_labels  (GlossLabelSet *self);
GlossLabel    *gloss_label_set_get_label     (GlossLabelSet *self,
                                              guint          position);
GlossLabel    *gloss_label_set_lookup        (GlossLabelSet *self,
                                              const char    *name);
GlossLabel    *gloss_label_set_lookup_key    (GlossLabelSet *self,
                                              const char    *key);
int            gloss_label_set_index_of      (GlossLabelSet *self,
                                              const char    *name);
gboolean       gloss_label_set_append        (GlossLabelSet *self,
                                              GlossLabel    *label,
                                              GError       **error);
gboolean       gloss_label_set_insert        (GlossLabelSet *self,
                                              guint          position,
                                              GlossLabel    *label,
                                              GError       **error);
void           gloss_label_set_remove        (GlossLabelSet *self,
                                              guint          position);
gboolean       gloss_label_set_replace       (GlossLabelSet *self,
                                              guint          position,
                                              GlossLabel    *label,
                                              GError       **error);
char          *gloss_label_set_suggest_key   (GlossLabelSet *self,
                                              const char    *name);
GlossLabelSet *gloss_label_set_new_from_json (const char    *data,
                                              gsize          len,
                                              GError       **error);
char          *gloss_label_set_to_json       (GlossLabelSet *self);

/* User-defined relation types (names unique, never a built-in's), in
 * order; "relation-types-changed" is emitted after each change. */
guint              gloss_label_set_get_n_relation_types  (GlossLabelSet     *self);
GlossRelationType *gloss_label_set_get_relation_type     (GlossLabelSet     *self,
                                                          guint              position);
int                gloss_label_set_relation_type_index   (GlossLabelSet     *self,
                                                          const char        *name);
GlossRelationType *gloss_label_set_lookup_relation_type  (GlossLabelSet     *self,
                                                          const char        *name);
gboolean           gloss_label_set_insert_relation_type  (GlossLabelSet     *self,
                                                          guint              position,
                                                          GlossRelationType *type,
                                                          GError           **error);
gboolean           gloss_label_set_replace_relation_type (GlossLabelSet     *self,
                                                          guint              position,
                                                          GlossRelationType *type,
                                                          GError           **error);
void               gloss_label_set_remove_relation_type  (GlossLabelSet     *self,
                                                          guint              position);
GPtrArray         *gloss_label_set_list_relation_types   (GlossLabelSet     *self);
GlossRelationType *gloss_label_set_find_relation_type    (GlossLabelSet     *self,
                                                          const char        *name);
gboolean           gloss_label_set_read_relation_types   (GlossLabelSet     *self,
                                                          JsonNode          *array,
                                                          GError           **error);
JsonNode          *gloss_label_set_relation_types_to_json (GlossLabelSet    *self);
gboolean           gloss_label_read_attribute_defs       (GlossLabel        *label,
                                                          JsonNode          *array,
                                                          GError           **error);
JsonNode          *gloss_label_attribute_defs_to_json    (GlossLabel        *label);

G_END_DECLS
