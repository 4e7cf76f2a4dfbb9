/* gloss-article-view-private.h: what the article view's files share
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-article-view.h"
#include "gloss-label-palette.h"

G_BEGIN_DECLS

/* Underline bars of nested annotations stack in this many lanes. */
#define N_LANES          3

typedef struct
{
  double upper;
  int    width;
  int    left_margin;
  int    right_margin;
  int    char_count;
  guint  generation;
} LayoutKey;

struct _GlossArticleView
{
  GtkTextView        parent_instance;

  GlossDocument     *document;
  GSignalGroup      *document_signals;
  GSignalGroup      *store_signals;
  GSignalGroup      *label_signals;
  GSignalGroup      *adjustment_signals;

  /* Display line start (buffer offset + 1) → LineNodes of the last frame
   * (see flush_lines). */
  GHashTable        *line_nodes;

  GtkTextTag        *base_tag;
  GtkTextTag        *title_tag;
  GtkTextTag        *meta_tag;
  GtkTextTag        *heading_tags[2];  /* h1–h2, h3–h6 */
  GtkTextTag        *heading_gap_tag;  /* the blank line below a heading */
  GtkTextMark       *scroll_mark;
  guint              body_offset;

  GlossAnnotation   *selected;
  GHashTable        *linked_ids;

  /* Where characters are, in buffer coordinates, kept from frame to frame
   * (asking GtkTextView walks the whole paragraph's layout each time).
   * Dropped whenever anything that moves text may have changed. */
  GHashTable        *locations;
  guint              location_misses;
  LayoutKey          locations_key;
  guint              layout_generation;
  /* The display lines of the last frame's visible rectangle, reused while
   * it stays put and the layout does not change (edits, animations). */
  GArray            *lines;
  GdkRectangle       lines_visible;
  guint              lines_vis_start;
  guint              lines_vis_end;
  /* Warming the pages around the view while idle (see warm_cb). */
  guint              warm_idle;
  guint              warm_step;
  int                scroll_direction;
  GdkRectangle       warmed_visible;

  GlossLabelPalette *palette;

  int                font_size;
  gboolean           serif;
  gboolean           snap_to_words;
  gboolean           dark;
  int                char_width;
  int                lane_gap;
  gboolean           blank_line_paragraphs;
  float              fill_radius;

  /* Click tracking. */
  double             press_x;
  double             press_y;
  gboolean           press_moved;
  guint              release_idle;
  char              *last_activated_id;
  gint64             last_activated_time;

  /* Flash animation. */
  GlossAnnotation   *flash;
  gint64             flash_start;
  guint              flash_tick;
  double             flash_level;

  /* Review mode (gloss-window-review.c): a second annotation set (their
   * file), drawn as a thin bracket above the text, and one emphasised
   * range (the current difference). */
  GlossDocument     *secondary;
  gulong             secondary_changed;
  gboolean           has_emphasis;
  guint              emphasis_start;
  guint              emphasis_end;

  /* Tag-all preview (gloss-window-claims.c): the dialog's matches, shared
   * with it (GlossOccurrence, in text order), and the one it shows. */
  GArray            *preview;
  guint              preview_current;
};

/* gloss-article-view-highlights.c */
void  _gloss_article_view_snapshot_highlights     (GlossArticleView *self,
                                                   GtkSnapshot      *snapshot);
guint _gloss_article_view_first_occurrence_after (GArray           *occurrences,
                                                   guint             offset);

G_END_DECLS
