/* gloss-scheme.h: checking annotations and links against the label set's
 * attribute definitions and relation types
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"
#include "gloss-format.h"

G_BEGIN_DECLS

/* Problems with @annotation's attribute values under @label's
 * definitions (GlossAttributeProblem), in definition order; empty when
 * all is well. Attributes the label does not define are not checked. */
GPtrArray *gloss_scheme_check_annotation (GlossLabel        *label,
                                          GlossAnnotation   *annotation);

/* Whether a link of @type may go from an annotation labelled @from to one
 * labelled @to; if not, @message (optional) says why. */
gboolean   gloss_scheme_check_link       (GlossRelationType *type,
                                          GlossLabel        *from,
                                          GlossLabel        *to,
                                          char             **message);

/* Warnings (GlossProblem, recoverable = TRUE, code GLOSS_ERROR_INVALID)
 * for a loaded document: attribute values that do not fit their
 * definitions, links whose ends do not fit their type's constraints, and
 * constraints naming labels that do not exist. They never stop a file from
 * loading: a colleague's file written under an older scheme must open. */
GPtrArray *gloss_scheme_check_document   (GlossDocument     *document);

G_END_DECLS
