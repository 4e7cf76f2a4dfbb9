/* gloss-statistics-view.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_STATISTICS_VIEW (gloss_statistics_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossStatisticsView, gloss_statistics_view, GLOSS, STATISTICS_VIEW, GtkWidget)

/* Bar charts of the annotations by kind, by label (in label colours) and
 * of the claims by verdict; follows the document as it changes. */
GtkWidget     *gloss_statistics_view_new          (void);
GlossDocument *gloss_statistics_view_get_document (GlossStatisticsView *self);
void           gloss_statistics_view_set_document (GlossStatisticsView *self,
                                                   GlossDocument       *document);

G_END_DECLS
