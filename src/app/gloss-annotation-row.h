/* gloss-annotation-row.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_ROW (gloss_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GLOSS, ANNOTATION_ROW, GtkWidget)

/* One annotation in the sidebar list: label chip, verdict, identifier,
 * author and time, then the shortened quote and a note preview. */
GtkWidget       *gloss_annotation_row_new             (void);
GlossAnnotation *gloss_annotation_row_get_annotation  (GlossAnnotationRow *self);
void             gloss_annotation_row_set_annotation  (GlossAnnotationRow *self,
                                                       GlossAnnotation    *annotation,
                                                       GlossLabel         *label);
const char      *gloss_annotation_row_get_text        (GlossAnnotationRow *self,
                                                       const char         *part);
gboolean         gloss_annotation_row_get_part_bounds (GlossAnnotationRow *self,
                                                       const char         *part,
                                                       graphene_rect_t    *bounds);

/* Returns the name of a CSS class ("gloss-c-rrggbb") that gives a
 * .label-chip or .label-dot the colour of @label, registering it with the
 * display on first use. */
const char      *gloss_label_css_class                (GlossLabel         *label);
char            *gloss_format_timestamp               (const char         *timestamp);

/* For tests: rows measure their texts with Pango layouts only, without
 * the shortcut from font metrics. */
void             _gloss_annotation_row_set_measure_exactly (gboolean exactly);
/* For tests: estimates come out @pixels off, as with fonts they misjudge. */
void             _gloss_annotation_row_set_estimate_error  (int      pixels);

G_END_DECLS
