/* gloss-difference.h: one difference between two annotation sets
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gloss-annotation.h"

G_BEGIN_DECLS

/**
 * GlossDifferenceCategory:
 * @GLOSS_DIFFERENCE_AGREE: same span, same label
 * @GLOSS_DIFFERENCE_LABEL_DIFFERS: same span, different label
 * @GLOSS_DIFFERENCE_BOUNDARY_DIFFERS: overlapping (not identical) spans, same label
 * @GLOSS_DIFFERENCE_BOTH_DIFFER: overlapping (not identical) spans, different labels
 * @GLOSS_DIFFERENCE_ONLY_MINE: an annotation of mine matched by none of theirs
 * @GLOSS_DIFFERENCE_ONLY_THEIRS: an annotation of theirs matched by none of mine
 */
typedef enum
{
  GLOSS_DIFFERENCE_AGREE,
  GLOSS_DIFFERENCE_LABEL_DIFFERS,
  GLOSS_DIFFERENCE_BOUNDARY_DIFFERS,
  GLOSS_DIFFERENCE_BOTH_DIFFER,
  GLOSS_DIFFERENCE_ONLY_MINE,
  GLOSS_DIFFERENCE_ONLY_THEIRS,
} GlossDifferenceCategory;

#define GLOSS_N_DIFFERENCE_CATEGORIES 6

#define GLOSS_TYPE_DIFFERENCE_CATEGORY (gloss_difference_category_get_type ())
GType       gloss_difference_category_get_type      (void) G_GNUC_CONST;
/* Stable machine names: "agree", "label-differs", "boundary-differs",
 * "both-differ", "only-mine", "only-theirs". */
const char *gloss_difference_category_to_string     (GlossDifferenceCategory  category);
gboolean    gloss_difference_category_from_string   (const char              *str,
                                                     GlossDifferenceCategory *category);
/* Translated, for the UI ("Label differs"). */
const char *gloss_difference_category_get_title     (GlossDifferenceCategory  category);

#define GLOSS_TYPE_DIFFERENCE (gloss_difference_get_type ())

G_DECLARE_FINAL_TYPE (GlossDifference, gloss_difference, GLOSS, DIFFERENCE, GObject)

/* A pair (mine, theirs) or a singleton (one of them NULL) in exactly one
 * category, plus the claim attributes that differ between the two
 * ("verdict", "claimant": see gloss-comparison.h).
 *
 * Read-only properties: "category", "mine", "theirs", "start", "end"
 * (the union of both spans), "attribute-differences" (GStrv). The only
 * mutable property is "decision" (a GObject, the GlossDecision a merge
 * session recorded for it, or NULL), notified when it changes, so a
 * list row can show the state of its difference. */
GlossDifference         *gloss_difference_new                       (GlossDifferenceCategory  category,
                                                                     GlossAnnotation         *mine,
                                                                     GlossAnnotation         *theirs,
                                                                     const char * const      *attribute_differences);
GlossDifferenceCategory  gloss_difference_get_category              (GlossDifference         *self);
GlossAnnotation         *gloss_difference_get_mine                  (GlossDifference         *self);
GlossAnnotation         *gloss_difference_get_theirs                (GlossDifference         *self);
guint                    gloss_difference_get_start                 (GlossDifference         *self);
guint                    gloss_difference_get_end                   (GlossDifference         *self);
const char * const      *gloss_difference_get_attribute_differences (GlossDifference         *self);
gboolean                 gloss_difference_has_attribute_difference  (GlossDifference         *self,
                                                                     const char              *attribute);
/* TRUE unless the category is agree and no attribute differs. */
gboolean                 gloss_difference_is_conflict               (GlossDifference         *self);
GObject                 *gloss_difference_get_decision              (GlossDifference         *self);
void                     gloss_difference_set_decision              (GlossDifference         *self,
                                                                     GObject                 *decision);

G_END_DECLS
