/* gloss-claim.h: the structured fields of claims and entities
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* Attribute names, shared by the file format, the UI and the exporters. */
#define GLOSS_ATTR_VERDICT          "verdict"
#define GLOSS_ATTR_CLAIMANT         "claimant"
#define GLOSS_ATTR_CHECK_WORTHINESS "check_worthiness"
#define GLOSS_ATTR_EVIDENCE         "evidence"
#define GLOSS_ATTR_REVIEWED_ON      "reviewed_on"
#define GLOSS_ATTR_KB_ID            "kb_id"
#define GLOSS_ATTR_CANONICAL_NAME   "canonical_name"

#define GLOSS_RELATION_CLAIMANT "claimant"
#define GLOSS_RELATION_SAME_AS  "same-as"

/* One step of a verdict scale: a stable id (saved in files), a display
 * name, and a rating from 1 (worst, false) up; 0 for verdicts outside the
 * scale (unverifiable, not yet checked). */
typedef struct
{
  const char *id;
  const char *name;
  int         rating;
} GlossVerdict;

const GlossVerdict *gloss_verdicts_get_default   (guint            *n_verdicts);
const GlossVerdict *gloss_verdict_lookup         (const char       *id);
int                 gloss_verdict_best_rating    (void);

const char         *gloss_claim_get_verdict      (GlossAnnotation  *claim);
GlossAnnotation    *gloss_claim_get_claimant     (GlossDocument    *document,
                                                  GlossAnnotation  *claim);
GlossRelation      *gloss_claim_set_claimant     (GlossDocument    *document,
                                                  GlossAnnotation  *claim,
                                                  GlossAnnotation  *entity,
                                                  GError          **error);
char               *gloss_claim_dup_claimant_name (GlossDocument   *document,
                                                   GlossAnnotation *claim);
char              **gloss_claim_get_evidence     (GlossAnnotation  *claim);
gboolean            gloss_claim_is_unchecked     (GlossAnnotation  *claim);
gboolean            gloss_date_is_valid          (const char       *date);

G_END_DECLS
