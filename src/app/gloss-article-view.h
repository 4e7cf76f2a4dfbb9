/* gloss-article-view.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_VIEW (gloss_article_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossArticleView, gloss_article_view, GLOSS, ARTICLE_VIEW, GtkTextView)

/* The article reading surface: a read-only GtkTextView showing a header
 * (title, byline, date) and the document text, with annotations drawn in
 * snapshot_layer for the visible range only.
 *
 * Every offset taken or returned here is a document offset (code points
 * into gloss_document_get_text()), never a buffer offset. */
GtkWidget       *gloss_article_view_new                   (void);
GlossDocument   *gloss_article_view_get_document          (GlossArticleView  *self);
void             gloss_article_view_set_document          (GlossArticleView  *self,
                                                           GlossDocument     *document);
gboolean         gloss_article_view_get_selection         (GlossArticleView  *self,
                                                           guint             *start,
                                                           guint             *end);
void             gloss_article_view_select_range          (GlossArticleView  *self,
                                                           guint              start,
                                                           guint              end);
void             gloss_article_view_scroll_to_annotation  (GlossArticleView  *self,
                                                           GlossAnnotation   *annotation,
                                                           gboolean           flash);
GlossAnnotation *gloss_article_view_get_selected_annotation (GlossArticleView *self);
void             gloss_article_view_set_selected_annotation (GlossArticleView *self,
                                                             GlossAnnotation  *annotation);
void             gloss_article_view_set_linked_ids        (GlossArticleView  *self,
                                                           const char * const *ids);
int              gloss_article_view_get_font_size         (GlossArticleView  *self);
void             gloss_article_view_set_font_size         (GlossArticleView  *self,
                                                           int                font_size);
gboolean         gloss_article_view_get_serif             (GlossArticleView  *self);
void             gloss_article_view_set_serif             (GlossArticleView  *self,
                                                           gboolean           serif);
gboolean         gloss_article_view_get_snap_to_words     (GlossArticleView  *self);
void             gloss_article_view_set_snap_to_words     (GlossArticleView  *self,
                                                           gboolean           snap_to_words);
GPtrArray       *gloss_article_view_annotations_at        (GlossArticleView  *self,
                                                           double             x,
                                                           double             y);
gboolean         gloss_article_view_activate_at           (GlossArticleView  *self,
                                                           double             x,
                                                           double             y);
void             gloss_article_view_popup_palette         (GlossArticleView  *self);
void             gloss_article_view_hide_palette          (GlossArticleView  *self);
void             gloss_article_view_finish_click          (GlossArticleView  *self);

/* Tag-all preview (gloss-window-claims.c). */
void             gloss_article_view_set_preview           (GlossArticleView  *self,
                                                           GArray            *occurrences,
                                                           guint              current);
GArray          *gloss_article_view_get_preview           (GlossArticleView  *self,
                                                           guint             *current);
void             gloss_article_view_scroll_to_range       (GlossArticleView  *self,
                                                           guint              start);

/* Review mode (gloss-window-review.c): their annotations drawn above the
 * lines, and the current difference outlined. */
void             gloss_article_view_set_secondary_document (GlossArticleView *self,
                                                            GlossDocument    *secondary);
GlossDocument   *gloss_article_view_get_secondary_document (GlossArticleView *self);
void             gloss_article_view_set_emphasis          (GlossArticleView  *self,
                                                           guint              start,
                                                           guint              end,
                                                           gboolean           scroll);

/* For tests: how many times a character's place was asked of GtkTextView;
 * a click of the primary button at (x, y), as the pointer handler sees it. */
guint            _gloss_article_view_get_location_misses  (GlossArticleView  *self);
void             _gloss_article_view_click                (GlossArticleView  *self,
                                                           double             x,
                                                           double             y);

G_END_DECLS
