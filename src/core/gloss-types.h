/* gloss-types.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _GlossAnnotation      GlossAnnotation;
typedef struct _GlossAnnotationStore GlossAnnotationStore;
typedef struct _GlossDocument        GlossDocument;
typedef struct _GlossHistory         GlossHistory;
typedef struct _GlossLabel           GlossLabel;
typedef struct _GlossLabelSet        GlossLabelSet;
typedef struct _GlossRelation        GlossRelation;

/**
 * GlossLabelKind:
 * @GLOSS_LABEL_KIND_HIGHLIGHT: a plain coloured highlight
 * @GLOSS_LABEL_KIND_ENTITY: a named entity (PERSON, ORG, …)
 * @GLOSS_LABEL_KIND_CLAIM: a factual assertion that can be checked
 */
typedef enum
{
  GLOSS_LABEL_KIND_HIGHLIGHT,
  GLOSS_LABEL_KIND_ENTITY,
  GLOSS_LABEL_KIND_CLAIM,
} GlossLabelKind;

#define GLOSS_N_LABEL_KINDS 3

const char *gloss_label_kind_to_string   (GlossLabelKind  kind);
gboolean    gloss_label_kind_from_string (const char     *str,
                                          GlossLabelKind *kind);

G_END_DECLS
