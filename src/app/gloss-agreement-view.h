/* gloss-agreement-view.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-agreement.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_AGREEMENT_VIEW (gloss_agreement_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossAgreementView, gloss_agreement_view, GLOSS, AGREEMENT_VIEW, GtkWidget)

/* The live agreement figures of a review: span P/R/F1 (exact and lenient),
 * Cohen's kappa over tokens and Krippendorff's alpha_u, overall and per
 * label, for theirs against either my original file or the merged result
 * so far (recomputed when the merged document changes). Exports the shown
 * figures as CSV or JSON. */
GtkWidget      *gloss_agreement_view_new            (void);
void            gloss_agreement_view_set_documents  (GlossAgreementView *self,
                                                     GlossDocument      *original,
                                                     GlossDocument      *merged,
                                                     GlossDocument      *theirs,
                                                     const char         *mine_name,
                                                     const char         *theirs_name);
gboolean        gloss_agreement_view_get_show_merged (GlossAgreementView *self);
void            gloss_agreement_view_set_show_merged (GlossAgreementView *self,
                                                     gboolean            show_merged);
/* The figures shown now (recomputed first if a change is pending) */
GlossAgreement *gloss_agreement_view_get_agreement  (GlossAgreementView *self);
gboolean        gloss_agreement_view_export         (GlossAgreementView *self,
                                                     GFile              *file,
                                                     gboolean            json,
                                                     GError            **error);

G_END_DECLS
