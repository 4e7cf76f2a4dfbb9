/* gloss-window.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-application.h"
#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow   *gloss_window_new                (GlossApplication *application);
GlossDocument *gloss_window_get_document       (GlossWindow      *self);
GFile         *gloss_window_get_file           (GlossWindow      *self);
gboolean       gloss_window_has_document       (GlossWindow      *self);
gboolean       gloss_window_get_busy           (GlossWindow      *self);
void           gloss_window_open_file          (GlossWindow      *self,
                                                GFile            *file);
void           gloss_window_save_to_file       (GlossWindow      *self,
                                                GFile            *file);
GtkWidget     *gloss_window_get_article_view   (GlossWindow      *self);
GtkWidget     *gloss_window_get_sidebar        (GlossWindow      *self);
const char    *gloss_window_get_last_message   (GlossWindow      *self);

/* Autosave, recovery, changes on disk (gloss-window-safety.c) */
void           gloss_window_set_restored_document (GlossWindow   *self,
                                                   GlossDocument *document,
                                                   GFile         *file,
                                                   const char    *etag);
GtkWidget     *gloss_window_get_file_notice       (GlossWindow   *self);

G_END_DECLS
