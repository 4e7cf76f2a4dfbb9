/* gloss-decision.h: one reviewer decision, and the decision log
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-difference.h"
#include "gloss-document.h"

G_BEGIN_DECLS

/**
 * GlossDecisionKind:
 * @GLOSS_DECISION_ACCEPT_THEIRS: their annotation replaces mine (mine dropped if any)
 * @GLOSS_DECISION_KEEP_MINE: mine stays as it is, theirs is not taken
 * @GLOSS_DECISION_TAKE_BOTH: both are kept
 * @GLOSS_DECISION_EDIT: both replaced by an edited annotation
 * @GLOSS_DECISION_REJECT: neither is kept
 */
typedef enum
{
  GLOSS_DECISION_ACCEPT_THEIRS,
  GLOSS_DECISION_KEEP_MINE,
  GLOSS_DECISION_TAKE_BOTH,
  GLOSS_DECISION_EDIT,
  GLOSS_DECISION_REJECT,
} GlossDecisionKind;

#define GLOSS_N_DECISION_KINDS 5

/* "accept-theirs", "keep-mine", "take-both", "edit", "reject" */
const char *gloss_decision_kind_to_string   (GlossDecisionKind  kind);
gboolean    gloss_decision_kind_from_string (const char        *str,
                                             GlossDecisionKind *kind);
const char *gloss_decision_kind_get_title   (GlossDecisionKind  kind);

#define GLOSS_TYPE_DECISION (gloss_decision_get_type ())

G_DECLARE_FINAL_TYPE (GlossDecision, gloss_decision, GLOSS, DECISION, GObject)

/* An immutable record: what was decided about a difference, by whom,
 * when and why, and which annotations of the merged document resulted. */
GlossDecision           *gloss_decision_new            (GlossDecisionKind        kind,
                                                        GlossDifferenceCategory  category,
                                                        GlossAnnotation         *mine,
                                                        GlossAnnotation         *theirs,
                                                        const char * const      *result_ids,
                                                        const char              *comment,
                                                        const char              *reviewer,
                                                        const char              *timestamp);
GlossDecisionKind        gloss_decision_get_kind       (GlossDecision *self);
GlossDifferenceCategory  gloss_decision_get_category   (GlossDecision *self);
GlossAnnotation         *gloss_decision_get_mine       (GlossDecision *self);
GlossAnnotation         *gloss_decision_get_theirs     (GlossDecision *self);
const char * const      *gloss_decision_get_result_ids (GlossDecision *self);
const char              *gloss_decision_get_comment    (GlossDecision *self);
const char              *gloss_decision_get_reviewer   (GlossDecision *self);
const char              *gloss_decision_get_timestamp  (GlossDecision *self);

/* {"action","category","mine","theirs","result","comment","reviewer","time"};
 * mine/theirs are annotation summaries (id, label, start, end, quote,
 * attributes) or null. */
JsonNode                *gloss_decision_to_json        (GlossDecision *self);
GlossDecision           *gloss_decision_new_from_json  (JsonNode      *node,
                                                        GError       **error);

/* The decision log of a document: the value of the top-level "review"
 * object of the native file, {"decisions": [decision…]}. The native
 * reader attaches it to the document it returns, the writer writes it
 * back; (element-type GlossDecision). */
GPtrArray               *gloss_review_log_get          (GlossDocument *document);
void                     gloss_review_log_set          (GlossDocument *document,
                                                        GPtrArray     *decisions);
JsonNode                *gloss_review_log_to_json      (GPtrArray     *decisions);
GPtrArray               *gloss_review_log_from_json    (JsonNode      *node,
                                                        GError       **error);

/* Reviewing a colleague's file on its own: the status of each of their
 * annotations is kept in its attributes "review_status" ("accepted",
 * "rejected", "needs-discussion"), "review_comment", "reviewer" and
 * "reviewed" (timestamp), set in one undoable edit. */
typedef enum
{
  GLOSS_REVIEW_NONE,
  GLOSS_REVIEW_ACCEPTED,
  GLOSS_REVIEW_REJECTED,
  GLOSS_REVIEW_NEEDS_DISCUSSION,
} GlossReviewStatus;

#define GLOSS_ATTRIBUTE_REVIEW_STATUS  "review_status"
#define GLOSS_ATTRIBUTE_REVIEW_COMMENT "review_comment"
#define GLOSS_ATTRIBUTE_REVIEWER       "reviewer"
#define GLOSS_ATTRIBUTE_REVIEWED       "reviewed"

const char        *gloss_review_status_to_string (GlossReviewStatus status);
GlossReviewStatus  gloss_review_get_status       (GlossAnnotation  *annotation);
GlossAnnotation   *gloss_review_mark             (GlossDocument    *document,
                                                  GlossAnnotation  *annotation,
                                                  GlossReviewStatus status,
                                                  const char       *comment,
                                                  const char       *reviewer);

G_END_DECLS
