/* gloss-review-panel.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-agreement-view.h"
#include "gloss-anchor.h"
#include "gloss-merge.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REVIEW_PANEL (gloss_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (GlossReviewPanel, gloss_review_panel, GLOSS, REVIEW_PANEL, GtkWidget)

/* The side panel of review mode. In a merge it lists the differences of
 * the session's comparison grouped by category (with counts, agreements
 * hidden on demand), each row showing mine against theirs and its
 * decision; below, the decision buttons, an optional comment, the editor
 * of an "edit" decision, and a tab with the live agreement figures. When
 * reviewing a colleague's file on its own, it lists their annotations
 * with their review status instead.
 *
 * The buttons activate the window's "win.review-*" actions; the panel
 * only presents. "current" is the selected row's item: a GlossDifference
 * (merge) or a GlossAnnotation (on its own). */
GtkWidget          *gloss_review_panel_new                 (void);
void                gloss_review_panel_set_session         (GlossReviewPanel  *self,
                                                            GlossMergeSession *session,
                                                            GlossDocument     *original,
                                                            GlossDocument     *theirs,
                                                            const char        *their_name);
void                gloss_review_panel_set_reviewed_document (GlossReviewPanel *self,
                                                            GlossDocument     *document,
                                                            const char        *their_name);
/* Shows how their annotations were placed on my text (NULL: same text) */
void                gloss_review_panel_set_anchor          (GlossReviewPanel  *self,
                                                            GlossAnchor       *anchor);
GListModel         *gloss_review_panel_get_model           (GlossReviewPanel  *self);
GObject            *gloss_review_panel_get_current         (GlossReviewPanel  *self);
void                gloss_review_panel_set_current         (GlossReviewPanel  *self,
                                                            GObject           *item);
/* Moves the selection by @delta rows (wrapping off); FALSE at an end */
gboolean            gloss_review_panel_select_relative     (GlossReviewPanel  *self,
                                                            int                delta);
/* Selects the first undecided row after the current one (then from the
 * top); FALSE if every row is decided */
gboolean            gloss_review_panel_select_next_undecided (GlossReviewPanel *self);
gboolean            gloss_review_panel_get_hide_agreements (GlossReviewPanel  *self);
void                gloss_review_panel_set_hide_agreements (GlossReviewPanel  *self,
                                                            gboolean           hide);
/* The optional comment for the next decision */
const char         *gloss_review_panel_get_comment         (GlossReviewPanel  *self);
void                gloss_review_panel_clear_comment       (GlossReviewPanel  *self);
void                gloss_review_panel_show_comment        (GlossReviewPanel  *self);
/* The editor of an "edit" decision */
void                gloss_review_panel_begin_edit          (GlossReviewPanel  *self,
                                                            GlossAnnotation   *base,
                                                            GlossLabelSet     *labels,
                                                            const char        *text);
gboolean            gloss_review_panel_is_editing          (GlossReviewPanel  *self);
void                gloss_review_panel_set_edit_span       (GlossReviewPanel  *self,
                                                            guint              start,
                                                            guint              end);
void                gloss_review_panel_set_edit_label      (GlossReviewPanel  *self,
                                                            const char        *label);
gboolean            gloss_review_panel_get_edit            (GlossReviewPanel  *self,
                                                            char             **label,
                                                            guint             *start,
                                                            guint             *end);
void                gloss_review_panel_end_edit            (GlossReviewPanel  *self);
void                gloss_review_panel_show_agreement      (GlossReviewPanel  *self,
                                                            gboolean           show);
GlossAgreementView *gloss_review_panel_get_agreement_view  (GlossReviewPanel  *self);
/* Refreshes the progress line (after a decision or an undo) */
void                gloss_review_panel_update              (GlossReviewPanel  *self);

G_END_DECLS
