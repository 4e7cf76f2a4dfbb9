/* gloss-preferences-window.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES_WINDOW (gloss_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GLOSS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GlossPreferencesWindow *gloss_preferences_window_new (GSettings *settings);

G_END_DECLS
