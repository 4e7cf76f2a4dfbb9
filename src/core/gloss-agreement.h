/* gloss-agreement.h: inter-annotator agreement between two annotation sets
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-comparison.h"

G_BEGIN_DECLS

/**
 * GlossAgreementMeasure:
 *
 * Span measures follow GATE with mine as the key and theirs as the
 * response: C = agree, Pa = boundary differs (same label, overlapping),
 * M = my annotations of the label matched by neither, S = theirs.
 *   strict:  P = C/(C+S+Pa),        R = C/(C+M+Pa)
 *   lenient: P = (C+Pa)/(C+S+Pa),   R = (C+Pa)/(C+M+Pa)
 *   average: P = (C+Pa/2)/(C+S+Pa), R = (C+Pa/2)/(C+M+Pa)
 *   F1 = 2PR/(P+R). Overall = micro average (counts summed over labels).
 * KAPPA is Cohen's kappa over tokens (see docs/review.md); per label it is
 * the binary kappa "label X" vs "not X". ALPHA_U is Krippendorff's
 * unitizing alpha over code points (DKPro); overall it is
 * 1 - mean(D_o)/mean(D_e) over the labels either side used.
 */
typedef enum
{
  GLOSS_AGREEMENT_PRECISION_STRICT,
  GLOSS_AGREEMENT_RECALL_STRICT,
  GLOSS_AGREEMENT_F1_STRICT,
  GLOSS_AGREEMENT_PRECISION_LENIENT,
  GLOSS_AGREEMENT_RECALL_LENIENT,
  GLOSS_AGREEMENT_F1_LENIENT,
  GLOSS_AGREEMENT_PRECISION_AVERAGE,
  GLOSS_AGREEMENT_RECALL_AVERAGE,
  GLOSS_AGREEMENT_F1_AVERAGE,
  GLOSS_AGREEMENT_KAPPA,
  GLOSS_AGREEMENT_ALPHA_U,
} GlossAgreementMeasure;

#define GLOSS_N_AGREEMENT_MEASURES 11

/* Machine names: "precision_strict", …, "kappa", "alpha_u" */
const char *gloss_agreement_measure_to_string (GlossAgreementMeasure measure);

/* Cohen's kappa of a square contingency table (rows = rater 1, columns =
 * rater 2, row-major, n×n counts). Returns NAN (undefined) when there are
 * no items or when the expected agreement is 1. */
double      gloss_cohen_kappa                 (const guint          *table,
                                               guint                 n,
                                               double               *observed,
                                               double               *expected);
/* Scott's pi of the same table (pooled marginals). */
double      gloss_scott_pi                    (const guint          *table,
                                               guint                 n);

/* One token of the agreement tokenizer: maximal runs of letters, marks,
 * digits and connector punctuation are tokens; every other character that
 * is not white space is a token of its own. Offsets are code points. */
typedef struct
{
  guint start;
  guint end;
} GlossToken;

GArray     *gloss_agreement_tokenize          (const char           *text);

#define GLOSS_TYPE_AGREEMENT (gloss_agreement_get_type ())

G_DECLARE_FINAL_TYPE (GlossAgreement, gloss_agreement, GLOSS, AGREEMENT, GObject)

/* Computes every measure for mine vs theirs (same text). A value that
 * cannot be computed (a division by zero: nothing to compare) is NAN,
 * written "undefined" in CSV and null in JSON; check with isnan(). */
GlossAgreement *gloss_agreement_new               (GlossDocument   *mine,
                                                   GlossDocument   *theirs);
GlossAgreement *gloss_agreement_new_for_comparison (GlossComparison *comparison);
/* Names used in exports (file names, annotators); default "mine"/"theirs" */
void            gloss_agreement_set_names         (GlossAgreement  *self,
                                                   const char      *mine,
                                                   const char      *theirs);
const char     *gloss_agreement_get_mine_name     (GlossAgreement  *self);
const char     *gloss_agreement_get_theirs_name   (GlossAgreement  *self);
/* Labels used by either side, sorted */
const char * const *gloss_agreement_get_labels    (GlossAgreement  *self);
/* @label NULL: overall */
double          gloss_agreement_get               (GlossAgreement  *self,
                                                   const char      *label,
                                                   GlossAgreementMeasure measure);
void            gloss_agreement_get_counts        (GlossAgreement  *self,
                                                   const char      *label,
                                                   guint           *correct,
                                                   guint           *partial,
                                                   guint           *missing,
                                                   guint           *spurious);
/* Observed/expected disagreement of alpha_u (@label NULL: the means) */
void            gloss_agreement_get_alpha_terms   (GlossAgreement  *self,
                                                   const char      *label,
                                                   double          *observed,
                                                   double          *expected);
/* Observed/expected agreement of the overall token kappa and the number of tokens */
void            gloss_agreement_get_kappa_terms   (GlossAgreement  *self,
                                                   double          *observed,
                                                   double          *expected,
                                                   guint           *n_tokens);

JsonNode       *gloss_agreement_to_json           (GlossAgreement  *self);
char           *gloss_agreement_to_csv            (GlossAgreement  *self);

/* >2 annotators: @agreements holds one GlossAgreement per pair. The mean of
 * a measure ignores undefined pairs (NAN if all are undefined). */
double          gloss_agreement_mean              (GPtrArray       *agreements,
                                                   const char      *label,
                                                   GlossAgreementMeasure measure);
JsonNode       *gloss_agreement_pairwise_to_json  (GPtrArray       *agreements);
char           *gloss_agreement_pairwise_to_csv   (GPtrArray       *agreements);

G_END_DECLS
