/* gloss-renderer.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    gloss_renderer_gl_is_software (const char *gl_renderer);
char       *gloss_renderer_probe_gl       (GdkDisplay *display);
const char *gloss_renderer_choose         (GdkDisplay *display);

G_END_DECLS
