/* gloss-comparison.h: the differences between two annotation sets
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-difference.h"
#include "gloss-document.h"

G_BEGIN_DECLS

/* Claim attributes (shared with the claims area) */
#define GLOSS_ATTRIBUTE_VERDICT          "verdict"
#define GLOSS_ATTRIBUTE_CLAIMANT         "claimant"
#define GLOSS_ATTRIBUTE_CHECK_WORTHINESS "check_worthiness"
#define GLOSS_ATTRIBUTE_EVIDENCE         "evidence"
#define GLOSS_ATTRIBUTE_REVIEWED_ON      "reviewed_on"
#define GLOSS_RELATION_CLAIMANT          "claimant"

#define GLOSS_TYPE_COMPARISON (gloss_comparison_get_type ())

G_DECLARE_FINAL_TYPE (GlossComparison, gloss_comparison, GLOSS, COMPARISON, GObject)

/* Compares the annotations of @mine and @theirs, which must be over the
 * same text (if the texts differ, re-anchor theirs first with
 * gloss_anchor_document()). Every annotation of either side ends up in
 * exactly one GlossDifference. The matching is deterministic and greedy,
 * in four passes over the annotations still unmatched (both lists in text
 * order):
 *   1. same span and same label (agree), in text order;
 *   2. same label, overlapping spans, largest overlap first (boundary differs);
 *   3. same span, different label (label differs), in text order;
 *   4. overlapping spans, largest overlap first (both differ);
 * the rest are only-mine / only-theirs. Ties in passes 2 and 4 go to the
 * pair whose mine, then theirs, comes first in text order. Empty spans
 * only match in passes 1 and 3.
 *
 * Matched pairs also compare the "verdict" attribute and the claimant
 * (the "claimant" attribute, or the target of a "claimant" relation,
 * compared by its label and span); a value that is missing and one that
 * is "" are equal.
 *
 * The comparison is a GListModel of GlossDifference in text order (by
 * start, then end). It is a snapshot: it does not follow later edits. */
GlossComparison  *gloss_comparison_new                      (GlossDocument           *mine,
                                                             GlossDocument           *theirs);
GlossDocument    *gloss_comparison_get_mine                 (GlossComparison         *self);
GlossDocument    *gloss_comparison_get_theirs               (GlossComparison         *self);
guint             gloss_comparison_get_count                (GlossComparison         *self,
                                                             GlossDifferenceCategory  category);
/* The number of differences that are conflicts (gloss_difference_is_conflict) */
guint             gloss_comparison_get_n_conflicts          (GlossComparison         *self);
/* Matched pairs whose claim attributes differ */
guint             gloss_comparison_get_n_attribute_differences (GlossComparison      *self);
GlossDifference  *gloss_comparison_lookup                   (GlossComparison         *self,
                                                             const char              *annotation_id,
                                                             gboolean                 theirs);
/* Position of the next/previous conflict after/before @position
 * (G_MAXUINT to start from an end); returns G_MAXUINT if there is none. */
guint             gloss_comparison_next_conflict            (GlossComparison         *self,
                                                             guint                    position);
guint             gloss_comparison_previous_conflict        (GlossComparison         *self,
                                                             guint                    position);
JsonNode         *gloss_comparison_to_json                  (GlossComparison         *self);

/* Serialises an annotation for reports and decision logs:
 * {"id","label","start","end","quote","attributes"?} */
JsonNode         *gloss_annotation_summary_to_json          (GlossAnnotation         *annotation);

G_END_DECLS
