/* gloss-gazetteer.h: remembered entity identifiers, across documents
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_GAZETTEER_MAX_BYTES (32 * 1024 * 1024)

typedef struct
{
  char *surface;         /* as first tagged */
  char *label;           /* entity label, e.g. ORG */
  char *kb_id;           /* Q7747 or a URI */
  char *canonical_name;  /* nullable */
} GlossGazetteerEntry;

#define GLOSS_TYPE_GAZETTEER (gloss_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (GlossGazetteer, gloss_gazetteer, GLOSS, GAZETTEER, GObject)

GlossGazetteer            *gloss_gazetteer_new              (void);
GFile                     *gloss_gazetteer_get_default_file (void);
gboolean                   gloss_gazetteer_load             (GlossGazetteer  *self,
                                                             GFile           *file,
                                                             GError         **error);
gboolean                   gloss_gazetteer_save             (GlossGazetteer  *self,
                                                             GFile           *file,
                                                             GError         **error);
guint                      gloss_gazetteer_import           (GlossGazetteer  *self,
                                                             GFile           *file,
                                                             GError         **error);
guint                      gloss_gazetteer_get_n_entries    (GlossGazetteer  *self);
const GlossGazetteerEntry *gloss_gazetteer_lookup           (GlossGazetteer  *self,
                                                             const char      *surface,
                                                             const char      *label);
void                       gloss_gazetteer_remember         (GlossGazetteer  *self,
                                                             const char      *surface,
                                                             const char      *label,
                                                             const char      *kb_id,
                                                             const char      *canonical_name);
gboolean                   gloss_gazetteer_forget           (GlossGazetteer  *self,
                                                             const char      *surface,
                                                             const char      *label);
gboolean                   gloss_kb_id_is_valid             (const char      *kb_id);

G_END_DECLS
