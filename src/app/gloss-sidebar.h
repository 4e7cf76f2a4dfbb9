/* gloss-sidebar.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"
#include "gloss-gazetteer.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SIDEBAR (gloss_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GLOSS, SIDEBAR, GtkWidget)

/* The annotation sidebar: label buttons (win.tag), a search and filter,
 * the list of the document's annotations and a detail editor for the
 * selected one. Edits go straight to the document (undoable). */
GtkWidget       *gloss_sidebar_new                     (void);
GlossDocument   *gloss_sidebar_get_document            (GlossSidebar    *self);
void             gloss_sidebar_set_document            (GlossSidebar    *self,
                                                        GlossDocument   *document);
GlossAnnotation *gloss_sidebar_get_selected_annotation (GlossSidebar    *self);
gboolean         gloss_sidebar_select_annotation       (GlossSidebar    *self,
                                                        GlossAnnotation *annotation);
gboolean         gloss_sidebar_select_relative         (GlossSidebar    *self,
                                                        int              delta);
GListModel      *gloss_sidebar_get_model               (GlossSidebar    *self);
void             gloss_sidebar_set_search_text         (GlossSidebar    *self,
                                                        const char      *text);
void             gloss_sidebar_focus_search            (GlossSidebar    *self);
void             gloss_sidebar_edit_note               (GlossSidebar    *self);
gboolean         gloss_sidebar_commit_note             (GlossSidebar    *self);
void             gloss_sidebar_set_gazetteer           (GlossSidebar    *self,
                                                        GlossGazetteer  *gazetteer);
GtkWidget       *gloss_sidebar_get_fields              (GlossSidebar    *self);

G_END_DECLS
