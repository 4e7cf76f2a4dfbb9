/* gloss-label-palette.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-label.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_PALETTE (gloss_label_palette_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelPalette, gloss_label_palette, GLOSS, LABEL_PALETTE, GtkPopover)

/* A small popover of label buttons. Clicking one (or typing its key, or a
 * digit 1–9) activates "win.tag" with the label name and closes. */
GtkWidget  *gloss_label_palette_new        (void);
GListModel *gloss_label_palette_get_labels (GlossLabelPalette *self);
void        gloss_label_palette_set_labels (GlossLabelPalette *self,
                                            GListModel        *labels);

/* The label a key press selects: the label whose key is the typed
 * character (case-insensitively), else digits 1–9 for the first nine labels.
 * Returns NULL when a Ctrl, Alt or Super modifier is held. */
GlossLabel *gloss_label_for_key            (GListModel        *labels,
                                            guint              keyval,
                                            GdkModifierType    state);

G_END_DECLS
