/* gloss-window-review.h: reviewing a colleague's file in a GlossWindow
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-merge.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* Reads @file (their .gloss.json, never written) off the main thread and
 * enters review mode: a merge against the open document (re-anchored if
 * the texts differ), or, with no document open, a review of their file on
 * its own. Problems are reported in dialogs, as for opening. */
void               gloss_window_review_file          (GlossWindow *self,
                                                      GFile       *file);
gboolean           gloss_window_get_reviewing        (GlossWindow *self);
/* (nullable): the merge of review mode (NULL on its own or not reviewing) */
GlossMergeSession *gloss_window_get_review_session   (GlossWindow *self);
/* (nullable): their document as shown (on my text) */
GlossDocument     *gloss_window_get_review_theirs    (GlossWindow *self);
GtkWidget         *gloss_window_get_review_panel     (GlossWindow *self);
/* Writes the merged document (with its decision log) to @file, or in review
 * on its own the reviewed copy, as "Save … As" does after the chooser;
 * asynchronous (the window is busy meanwhile). */
void               gloss_window_save_review_to_file  (GlossWindow *self,
                                                      GFile       *file);

G_END_DECLS
