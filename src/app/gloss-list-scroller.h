/* gloss-list-scroller.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LIST_SCROLLER (gloss_list_scroller_get_type ())

G_DECLARE_FINAL_TYPE (GlossListScroller, gloss_list_scroller, GLOSS, LIST_SCROLLER, GtkWidget)

/* Holds a GtkScrolledWindow that scrolls vertically and does not
 * propagate its content's height, and asks for the height the scrolled
 * window would ask for without measuring that content: a long list's
 * changes then do not make GTK measure every row again to find a height
 * that does not depend on them. */
GtkWidget *gloss_list_scroller_new       (void);
GtkWidget *gloss_list_scroller_get_child (GlossListScroller *self);
void       gloss_list_scroller_set_child (GlossListScroller *self,
                                          GtkWidget         *child);

G_END_DECLS
