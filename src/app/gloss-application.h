/* gloss-application.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-draft-store.h"
#include "gloss-gazetteer.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_APPLICATION (gloss_application_get_type ())

G_DECLARE_FINAL_TYPE (GlossApplication, gloss_application, GLOSS, APPLICATION, AdwApplication)

GlossApplication *gloss_application_new           (void);
GSettings        *gloss_application_get_settings  (GlossApplication *self);
char             *gloss_application_dup_annotator (GlossApplication *self);
GlossGazetteer   *gloss_application_get_gazetteer (GlossApplication *self);

/* Autosave and recovery (issue 7) */
GlossDraftStore  *gloss_application_get_draft_store (GlossApplication *self);
GtkWindow        *gloss_application_offer_recovery  (GlossApplication *self);
GtkWindow        *gloss_application_restore_draft   (GlossApplication *self,
                                                     const char       *draft_id,
                                                     GError          **error);

G_END_DECLS
