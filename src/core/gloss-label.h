/* gloss-label.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-attribute-def.h"
#include "gloss-compat.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL (gloss_label_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabel, gloss_label, GLOSS, LABEL, GObject)

/* A label is a value: once it belongs to a document, change it through
 * GlossDocument (which copies it and records the change for undo). */
GlossLabel     *gloss_label_new       (const char     *name,
                                       GlossLabelKind  kind,
                                       const char     *color,
                                       const char     *key);
GlossLabel     *gloss_label_copy      (GlossLabel     *self);
const char     *gloss_label_get_name  (GlossLabel     *self);
void            gloss_label_set_name  (GlossLabel     *self,
                                       const char     *name);
GlossLabelKind  gloss_label_get_kind  (GlossLabel     *self);
void            gloss_label_set_kind  (GlossLabel     *self,
                                       GlossLabelKind  kind);
const char     *gloss_label_get_color (GlossLabel     *self);
void            gloss_label_set_color (GlossLabel     *self,
                                       const char     *color);
const char     *gloss_label_get_key   (GlossLabel     *self);
void            gloss_label_set_key   (GlossLabel     *self,
                                       const char     *key);
void            gloss_label_get_rgb   (GlossLabel     *self,
                                       double         *red,
                                       double         *green,
                                       double         *blue);
gboolean        gloss_label_equal     (GlossLabel     *a,
                                       GlossLabel     *b);

/* The label's attribute definitions, in order (names unique). */
guint              gloss_label_get_n_attributes   (GlossLabel        *self);
GlossAttributeDef *gloss_label_get_attribute      (GlossLabel        *self,
                                                   guint              position);
GlossAttributeDef *gloss_label_lookup_attribute   (GlossLabel        *self,
                                                   const char        *name);
void               gloss_label_set_attributes     (GlossLabel        *self,
                                                   GPtrArray         *defs);
gboolean           gloss_label_check_attribute_defs (GlossLabel      *self,
                                                     GError         **error);

gboolean        gloss_color_is_valid  (const char     *color);
gboolean        gloss_label_key_is_valid (const char  *key);

G_END_DECLS
