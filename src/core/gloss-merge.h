/* gloss-merge.h: curating two annotation sets into a merged document
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-comparison.h"
#include "gloss-decision.h"

G_BEGIN_DECLS

/**
 * GlossMergeStrategy:
 * @GLOSS_MERGE_PREFER_MINE: the union; where the two differ, mine wins
 * @GLOSS_MERGE_PREFER_THEIRS: the union; where the two differ, theirs wins
 * @GLOSS_MERGE_AGREED_ONLY: only the annotations both made identically
 */
typedef enum
{
  GLOSS_MERGE_PREFER_MINE,
  GLOSS_MERGE_PREFER_THEIRS,
  GLOSS_MERGE_AGREED_ONLY,
} GlossMergeStrategy;

/* "mine", "theirs", "agreed-only" */
gboolean gloss_merge_strategy_from_string (const char         *str,
                                           GlossMergeStrategy *strategy);

#define GLOSS_TYPE_MERGE_SESSION (gloss_merge_session_get_type ())

G_DECLARE_FINAL_TYPE (GlossMergeSession, gloss_merge_session, GLOSS, MERGE_SESSION, GObject)

/* A merge session over my document and theirs (on my text: re-anchor
 * theirs first if the texts differ). The merged document starts as a copy
 * of mine (same ids, labels, metadata, relations, and the decision log my
 * file already had); neither input is ever modified.
 *
 * Every decision is applied to the merged document as ONE undoable edit
 * (if it changes anything) whose description names the decision, and is
 * recorded in the log (a GListModel of GlossDecision, in order) and on its
 * GlossDifference ("decision" property). Undoing that edit, through
 * gloss_merge_session_undo() or directly with gloss_document_undo() on the
 * merged document, withdraws the decision; redoing it restores it.
 * Decisions that change nothing (keep mine; reject an only-theirs) are
 * undone by gloss_merge_session_undo() only: a GUI in review mode should
 * route Undo/Redo through the session.
 *
 * Taking one of theirs (accept theirs, take both) also re-creates its
 * relations (a claim's claimant, …) when the other end is in the merged
 * document: as their own earlier accepted copy, or as my annotation
 * paired with it.
 *
 * The merged document carries the whole log (gloss_review_log_get), which
 * the native writer saves as the top-level "review" object.
 *
 * Properties: "comparison", "merged", "log" (read-only), "reviewer",
 * "n-undecided" (conflicts without a decision), "can-undo", "can-redo",
 * all notified. */
GlossMergeSession *gloss_merge_session_new           (GlossDocument      *mine,
                                                      GlossDocument      *theirs);
GlossComparison   *gloss_merge_session_get_comparison (GlossMergeSession *self);
GlossDocument     *gloss_merge_session_get_merged    (GlossMergeSession  *self);
GListModel        *gloss_merge_session_get_log       (GlossMergeSession  *self);
const char        *gloss_merge_session_get_reviewer  (GlossMergeSession  *self);
void               gloss_merge_session_set_reviewer  (GlossMergeSession  *self,
                                                      const char         *reviewer);
guint              gloss_merge_session_get_n_undecided (GlossMergeSession *self);

/* Decides @difference (of this session's comparison). @edited is the
 * replacement for GLOSS_DECISION_EDIT (ignored otherwise): its label may
 * be new, its id is replaced if it clashes. Fails with GLOSS_ERROR_CONFLICT
 * if the difference already has a decision (undo it first). */
gboolean           gloss_merge_session_decide        (GlossMergeSession  *self,
                                                      GlossDifference    *difference,
                                                      GlossDecisionKind   kind,
                                                      GlossAnnotation    *edited,
                                                      const char         *comment,
                                                      GError            **error);
/* Decides every difference without a decision, including agreements
 * (kept). Returns the number of decisions made. */
guint              gloss_merge_session_apply_strategy (GlossMergeSession *self,
                                                      GlossMergeStrategy  strategy,
                                                      const char         *comment);
gboolean           gloss_merge_session_get_can_undo  (GlossMergeSession  *self);
gboolean           gloss_merge_session_get_can_redo  (GlossMergeSession  *self);
gboolean           gloss_merge_session_undo          (GlossMergeSession  *self);
gboolean           gloss_merge_session_redo          (GlossMergeSession  *self);

G_END_DECLS
