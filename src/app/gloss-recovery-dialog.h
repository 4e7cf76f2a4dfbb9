/* gloss-recovery-dialog.h: offers the drafts of unsaved work left on disk
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-application.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RECOVERY_DIALOG (gloss_recovery_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossRecoveryDialog, gloss_recovery_dialog, GLOSS, RECOVERY_DIALOG, AdwWindow)

/* @drafts: GlossDraftInfo from gloss_draft_store_list(). */
GlossRecoveryDialog *gloss_recovery_dialog_new         (GlossApplication    *application,
                                                        GPtrArray           *drafts,
                                                        gboolean             crashed);
gboolean             gloss_recovery_dialog_get_crashed (GlossRecoveryDialog *self);
guint                gloss_recovery_dialog_get_n_drafts (GlossRecoveryDialog *self);
const char          *gloss_recovery_dialog_get_draft_id (GlossRecoveryDialog *self,
                                                         guint                i);
/* The row as shown: "title\nsubtitle". */
char                *gloss_recovery_dialog_dup_summary  (GlossRecoveryDialog *self,
                                                         guint                i);
/* What the buttons do. */
GtkWindow           *gloss_recovery_dialog_restore      (GlossRecoveryDialog *self,
                                                         const char          *draft_id,
                                                         GError             **error);
void                 gloss_recovery_dialog_restore_all  (GlossRecoveryDialog *self);
AdwMessageDialog    *gloss_recovery_dialog_ask_discard  (GlossRecoveryDialog *self,
                                                         const char          *draft_id);

G_END_DECLS
