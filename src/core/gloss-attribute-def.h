/* gloss-attribute-def.h: the definition of one attribute of a label
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-compat.h"
#include "gloss-types.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_ATTRIBUTE_TEXT,
  GLOSS_ATTRIBUTE_CHOICE,
  GLOSS_ATTRIBUTE_BOOLEAN,
  GLOSS_ATTRIBUTE_NUMBER,
  GLOSS_ATTRIBUTE_DATE,
  GLOSS_ATTRIBUTE_URL,
} GlossAttributeType;

#define GLOSS_N_ATTRIBUTE_TYPES 6

/* What can be wrong with an annotation's value for a defined attribute. */
typedef enum
{
  GLOSS_ATTRIBUTE_PROBLEM_MISSING,        /* required but absent */
  GLOSS_ATTRIBUTE_PROBLEM_NOT_A_CHOICE,   /* not one of the values */
  GLOSS_ATTRIBUTE_PROBLEM_NOT_A_NUMBER,
  GLOSS_ATTRIBUTE_PROBLEM_NOT_A_BOOLEAN,
  GLOSS_ATTRIBUTE_PROBLEM_BAD_DATE,       /* not YYYY-MM-DD */
  GLOSS_ATTRIBUTE_PROBLEM_BAD_URL,        /* not an absolute http(s) URL */
  GLOSS_ATTRIBUTE_PROBLEM_NOT_TEXT,       /* a number or boolean for a text type */
} GlossAttributeProblemKind;

typedef struct
{
  GlossAttributeProblemKind  kind;
  char                      *attribute;  /* the attribute's name */
  char                      *message;    /* translated, names the attribute */
} GlossAttributeProblem;

void gloss_attribute_problem_free (GlossAttributeProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAttributeProblem, gloss_attribute_problem_free)

#define GLOSS_TYPE_ATTRIBUTE_DEF (gloss_attribute_def_get_type ())

G_DECLARE_FINAL_TYPE (GlossAttributeDef, gloss_attribute_def, GLOSS, ATTRIBUTE_DEF, GObject)

/* A value object, like GlossLabel: a label owns copies of its
 * definitions; change them by replacing the label in the document. */
GlossAttributeDef  *gloss_attribute_def_new          (const char          *name,
                                                      GlossAttributeType   type);
GlossAttributeDef  *gloss_attribute_def_copy         (GlossAttributeDef   *self);
gboolean            gloss_attribute_def_equal        (GlossAttributeDef   *a,
                                                      GlossAttributeDef   *b);
const char         *gloss_attribute_def_get_name     (GlossAttributeDef   *self);
void                gloss_attribute_def_set_name     (GlossAttributeDef   *self,
                                                      const char          *name);
GlossAttributeType  gloss_attribute_def_get_value_type (GlossAttributeDef *self);
void                gloss_attribute_def_set_value_type (GlossAttributeDef *self,
                                                        GlossAttributeType type);
const char * const *gloss_attribute_def_get_values   (GlossAttributeDef   *self);
void                gloss_attribute_def_set_values   (GlossAttributeDef   *self,
                                                      const char * const  *values);
gboolean            gloss_attribute_def_get_required (GlossAttributeDef   *self);
void                gloss_attribute_def_set_required (GlossAttributeDef   *self,
                                                      gboolean             required);
GVariant           *gloss_attribute_def_get_default  (GlossAttributeDef   *self);
void                gloss_attribute_def_set_default  (GlossAttributeDef   *self,
                                                      GVariant            *value);

gboolean            gloss_attribute_def_validate     (GlossAttributeDef   *self,
                                                      GError             **error);
gboolean            gloss_attribute_def_check_value  (GlossAttributeDef   *self,
                                                      GVariant            *value,
                                                      GlossAttributeProblemKind *kind,
                                                      char               **message);
GVariant           *gloss_attribute_def_parse_value  (GlossAttributeDef   *self,
                                                      const char          *text,
                                                      GError             **error);

GlossAttributeDef  *gloss_attribute_def_new_from_json (JsonNode           *node,
                                                       GError            **error);
JsonNode           *gloss_attribute_def_to_json      (GlossAttributeDef   *self);

const char         *gloss_attribute_type_to_string   (GlossAttributeType   type);
gboolean            gloss_attribute_type_from_string (const char          *str,
                                                      GlossAttributeType  *type);
const char         *gloss_attribute_type_get_display_name (GlossAttributeType type);
gboolean            gloss_identifier_is_valid        (const char          *name);
gboolean            gloss_url_is_valid               (const char          *url);

G_END_DECLS
