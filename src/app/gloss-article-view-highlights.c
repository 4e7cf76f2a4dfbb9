/* gloss-article-view-highlights.c: the annotations, drawn under the text
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each frame asks the annotation store for the visible annotations and
 * draws their pieces display line by display line: a line's pieces become
 * one render node, kept while the line looks the same (flush_lines).
 * Where characters are on screen is asked of GtkTextView once and kept
 * (char_location), and the pages around the view are measured ahead while
 * the main loop is idle (warm_cb). */

#define G_LOG_DOMAIN "gloss-article-view"

#include "config.h"

#include <string.h>

#include "gloss-article-view-private.h"
#include "gloss-occurrences.h"

/* At most this many annotations are drawn per frame. */
#define MAX_DRAWN        5000
#define MAX_ROUNDED      100   /* annotations on screen with rounded ends */
#define BAR_HEIGHT       2
/* Character locations kept between frames (a few screens' worth). */
#define MAX_LOCATIONS    50000

typedef struct
{
  GlossLabelKind kind;
  GdkRGBA        fill;
  GdkRGBA        bar;
  GdkRGBA        solid;
} SpanStyle;

typedef enum
{
  PIECE_FILL,
  PIECE_OUTLINE,
  PIECE_LINKED,
  PIECE_FLASH,
  PIECE_PREVIEW,
  PIECE_PREVIEW_OFF,
  PIECE_SECONDARY,   /* review mode: their annotation, above the line */
} PieceMode;

typedef struct
{
  guint start;  /* buffer offset of the display line's first character */
} DisplayLine;

/* What one frame knows about the visible text: its display lines, and
 * what it draws on each of them so far (see flush_lines). */
typedef struct
{
  GArray       *lines;
  guint         vis_start;
  guint         vis_end;
  gboolean      measure_only;  /* warming the caches: nothing is drawn */
  GtkSnapshot **line_snapshots;
  int          *line_tops;
} Frame;

static void
label_style (GlossArticleView *self,
             GlossLabel       *label,
             SpanStyle        *style)
{
  double r = 0.5, g = 0.5, b = 0.5;
  GlossLabelKind kind = GLOSS_LABEL_KIND_ENTITY;
  double fill_alpha;

  if (label != NULL)
    {
      gloss_label_get_rgb (label, &r, &g, &b);
      kind = gloss_label_get_kind (label);
    }

  switch (kind)
    {
    case GLOSS_LABEL_KIND_HIGHLIGHT:
      fill_alpha = self->dark ? 0.34 : 0.40;
      break;

    case GLOSS_LABEL_KIND_CLAIM:
      fill_alpha = self->dark ? 0.12 : 0.07;
      break;

    case GLOSS_LABEL_KIND_ENTITY:
    default:
      fill_alpha = self->dark ? 0.22 : 0.14;
      break;
    }

  style->kind = kind;
  style->fill = (GdkRGBA) { r, g, b, fill_alpha };
  style->solid = (GdkRGBA) { r, g, b, 1.0 };

  /* Bars are lifted towards white on a dark background so that dark label
   * colours stay visible. */
  if (self->dark)
    style->bar = (GdkRGBA) { r + (1 - r) * 0.3, g + (1 - g) * 0.3, b + (1 - b) * 0.3, 0.95 };
  else
    style->bar = (GdkRGBA) { r, g, b, 0.9 };
}

static GHashTable *
build_styles (GlossArticleView *self)
{
  GHashTable *styles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  guint n = gloss_label_set_get_n_labels (labels);

  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);
      SpanStyle *style = g_new0 (SpanStyle, 1);

      label_style (self, label, style);
      g_hash_table_insert (styles, (gpointer) gloss_label_get_name (label), style);
    }

  return styles;
}

static const SpanStyle *
lookup_style (GHashTable      *styles,
              GlossAnnotation *annotation,
              const SpanStyle *fallback)
{
  const SpanStyle *style = g_hash_table_lookup (styles, gloss_annotation_get_label (annotation));

  return style != NULL ? style : fallback;
}

/* Drawing */

/* @rect with the corners of its real ends (start: left, end: right)
 * rounded by @radius. */
static void
round_ends (GskRoundedRect        *rounded,
            const graphene_rect_t *rect,
            gboolean               round_start,
            gboolean               round_end,
            float                  radius)
{
  graphene_size_t r = GRAPHENE_SIZE_INIT (radius, radius);
  graphene_size_t zero = GRAPHENE_SIZE_INIT (0, 0);

  gsk_rounded_rect_init (rounded, rect,
                         round_start ? &r : &zero,
                         round_end ? &r : &zero,
                         round_end ? &r : &zero,
                         round_start ? &r : &zero);
}

static void
append_rounded_fill (GtkSnapshot           *snapshot,
                     const graphene_rect_t *rect,
                     gboolean               round_start,
                     gboolean               round_end,
                     float                  radius,
                     const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  if (radius <= 0 || (!round_start && !round_end))
    {
      gtk_snapshot_append_color (snapshot, color, rect);
      return;
    }

  round_ends (&rounded, rect, round_start, round_end, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

/* A fill whose real ends are rounded by two pixel steps: plain colour
 * rectangles, which a software renderer fills many times faster than a
 * rounded clip. The pieces do not overlap, so a translucent colour stays
 * even. */
static void
append_stepped_fill (GtkSnapshot           *snapshot,
                     const graphene_rect_t *rect,
                     gboolean               round_start,
                     gboolean               round_end,
                     const GdkRGBA         *color)
{
  float x = rect->origin.x, y = rect->origin.y;
  float w = rect->size.width, h = rect->size.height;
  float inner_x = x + (round_start ? 2 : 0);
  float inner_w = w - (round_start ? 2 : 0) - (round_end ? 2 : 0);

  if (w < 6 || h < 6 || (!round_start && !round_end))
    {
      gtk_snapshot_append_color (snapshot, color, rect);
      return;
    }

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (inner_x, y, inner_w, h));
  if (round_start)
    {
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y + 2, 1, h - 4));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + 1, y + 1, 1, h - 2));
    }
  if (round_end)
    {
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + w - 2, y + 1, 1, h - 2));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + w - 1, y + 2, 1, h - 4));
    }
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                gboolean               round_start,
                gboolean               round_end,
                float                  radius,
                float                  width,
                const GdkRGBA         *color)
{
  float widths[4] = { width, round_end ? width : 0, width, round_start ? width : 0 };
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  GskRoundedRect rounded;

  round_ends (&rounded, rect, round_start, round_end, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
draw_secondary_piece (GtkSnapshot     *snapshot,
                      const GdkRGBA   *color,
                      guint            lane,
                      int              x0,
                      int              x1,
                      int              y,
                      gboolean         is_start,
                      gboolean         is_end)
{
  /* A thin bracket over the line: a bar with short ticks at the real ends. */
  float top = y - 1 - lane * 3;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x0, top, MAX (x1 - x0, 1), 1.5));
  if (is_start)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x0, top, 1.5, 5));
  if (is_end)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x1 - 1.5, top, 1.5, 5));
}

static void
draw_piece (GlossArticleView *self,
            GtkSnapshot      *snapshot,
            const SpanStyle  *style,
            PieceMode         mode,
            guint             lane,
            int               x0,
            int               x1,
            int               y,
            int               height,
            gboolean          is_start,
            gboolean          is_end)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x0 - 1, y, x1 - x0 + 2, height);
  float bar_y = y + height + 1 + lane * self->lane_gap;

  switch (mode)
    {
    case PIECE_FILL:
      if (self->fill_radius > 0)
        append_stepped_fill (snapshot, &rect, is_start, is_end, &style->fill);
      else
        gtk_snapshot_append_color (snapshot, &style->fill, &rect);

      if (style->kind == GLOSS_LABEL_KIND_ENTITY)
        {
          gtk_snapshot_append_color (snapshot, &style->bar,
                                     &GRAPHENE_RECT_INIT (x0, bar_y, x1 - x0, BAR_HEIGHT));
        }
      else if (style->kind == GLOSS_LABEL_KIND_CLAIM)
        {
          const int dash = 5, period = 8;
          int grid = x0 - (x0 % period);

          /* One repeat node per piece, not one node per dash; the dashes
           * sit on a fixed grid so that they line up between lines. */
          if (x1 > x0)
            {
              gtk_snapshot_push_repeat (snapshot,
                                        &GRAPHENE_RECT_INIT (x0, bar_y, x1 - x0, BAR_HEIGHT),
                                        &GRAPHENE_RECT_INIT (grid, bar_y, period, BAR_HEIGHT));
              gtk_snapshot_append_color (snapshot, &style->bar,
                                         &GRAPHENE_RECT_INIT (grid, bar_y, dash, BAR_HEIGHT));
              gtk_snapshot_pop (snapshot);
            }
        }
      break;

    case PIECE_OUTLINE:
      graphene_rect_inset (&rect, -2, -1);
      append_outline (snapshot, &rect, is_start, is_end, 4, 2, &style->solid);
      break;

    case PIECE_LINKED:
      {
        GdkRGBA color = style->solid;

        color.alpha = 0.7;
        graphene_rect_inset (&rect, -1, 0);
        append_rounded_fill (snapshot, &rect, is_start, is_end, 3, &style->fill);
        append_outline (snapshot, &rect, is_start, is_end, 3, 1, &color);
      }
      break;

    case PIECE_FLASH:
      {
        GdkRGBA fill = style->solid;
        GdkRGBA ring = style->solid;
        float grow = 1 + 3 * self->flash_level;

        fill.alpha = 0.45 * self->flash_level;
        ring.alpha = 0.8 * self->flash_level;
        graphene_rect_inset (&rect, -grow, -grow / 2);
        append_rounded_fill (snapshot, &rect, is_start, is_end, 4, &fill);
        append_outline (snapshot, &rect, is_start, is_end, 4, 2, &ring);
      }
      break;

    case PIECE_PREVIEW:
      {
        /* A light fill in a thin box: unlike any label's look, and plain
         * rectangles only, as a screen can hold hundreds of matches. */
        GdkRGBA fill = style->solid;
        float w = rect.size.width, h = rect.size.height;
        float left = rect.origin.x, top = rect.origin.y;

        fill.alpha = self->dark ? 0.28 : 0.18;
        gtk_snapshot_append_color (snapshot, &fill, &rect);
        gtk_snapshot_append_color (snapshot, &style->solid, &GRAPHENE_RECT_INIT (left, top, w, 1));
        gtk_snapshot_append_color (snapshot, &style->solid, &GRAPHENE_RECT_INIT (left, top + h - 1, w, 1));
        if (is_start)
          gtk_snapshot_append_color (snapshot, &style->solid, &GRAPHENE_RECT_INIT (left, top, 1, h));
        if (is_end)
          gtk_snapshot_append_color (snapshot, &style->solid, &GRAPHENE_RECT_INIT (left + w - 1, top, 1, h));
      }
      break;

    case PIECE_PREVIEW_OFF:
      {
        /* Deselected: a dotted line under it, so that it can be found
         * and selected again. */
        GdkRGBA line = style->solid;
        const int dot = 2, period = 4;
        int grid = x0 - (x0 % period);

        line.alpha = 0.7;
        if (x1 > x0)
          {
            gtk_snapshot_push_repeat (snapshot,
                                      &GRAPHENE_RECT_INIT (x0, y + height - 1, x1 - x0, 1),
                                      &GRAPHENE_RECT_INIT (grid, y + height - 1, period, 1));
            gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (grid, y + height - 1, dot, 1));
            gtk_snapshot_pop (snapshot);
          }
      }
      break;

    case PIECE_SECONDARY:
      draw_secondary_piece (snapshot, &style->bar, lane, x0, x1, y, is_start, is_end);
      break;

    default:
      g_assert_not_reached ();
    }
}

static const GdkRectangle *
char_location (GlossArticleView *self,
               Frame            *frame,
               guint             offset)
{
  GdkRectangle *rect = g_hash_table_lookup (self->locations, GUINT_TO_POINTER (offset + 1));

  if (rect == NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter iter;

      rect = g_new (GdkRectangle, 1);
      self->location_misses++;
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, rect);
      g_hash_table_insert (self->locations, GUINT_TO_POINTER (offset + 1), rect);
    }

  return rect;
}

static gboolean
is_newline (GlossArticleView *self,
            guint             offset)
{
  gunichar c;

  if (offset < self->body_offset)
    return FALSE;

  c = gloss_text_index_get_char (gloss_document_get_index (self->document),
                                 offset - self->body_offset);
  return c == '\n' || c == '\r' || c == 0x2029;
}

/* Index of the display line holding buffer offset @offset. */
static guint
find_line (Frame *frame,
           guint  offset)
{
  guint lo = 0, hi = frame->lines->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (frame->lines, DisplayLine, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* What is drawn on display line @line goes into a snapshot of its own,
 * which flush_lines turns into one node. */
static GtkSnapshot *
line_snapshot (Frame       *frame,
               guint        line,
               int          top,
               GtkSnapshot *fallback)
{
  if (frame->line_snapshots == NULL)
    return fallback;

  if (frame->line_snapshots[line] == NULL)
    {
      frame->line_snapshots[line] = gtk_snapshot_new ();
      frame->line_tops[line] = top;
    }

  return frame->line_snapshots[line];
}

/* Draws [from, to) (buffer offsets, clipped to the visible text) one
 * display line at a time; @span_start and @span_end are the annotation's
 * own bounds, so that only its real ends are rounded. */
static void
draw_span (GlossArticleView  *self,
           GtkSnapshot       *snapshot,
           Frame             *frame,
           guint              from,
           guint              to,
           guint              span_start,
           guint              span_end,
           const SpanStyle   *style,
           PieceMode          mode,
           guint              lane)
{
  guint line;

  if (frame->lines->len == 0)
    return;

  line = find_line (frame, from);

  while (from < to && line < frame->lines->len)
    {
      guint line_end = line + 1 < frame->lines->len
        ? g_array_index (frame->lines, DisplayLine, line + 1).start
        : frame->vis_end;
      guint seg_end = MIN (to, line_end);
      const GdkRectangle *r0, *r1;
      int x0, x1;

      if (seg_end <= from)
        break;

      r0 = char_location (self, frame, from);
      r1 = char_location (self, frame, seg_end - 1);
      if (frame->measure_only)
        {
          from = seg_end;
          line++;
          continue;
        }

      x0 = r0->x;
      if (is_newline (self, seg_end - 1))
        x1 = r1->x + (seg_end - 1 == from ? self->char_width / 2 : self->char_width / 3);
      else
        x1 = r1->x + r1->width;

      if (r1->y != r0->y)
        x1 = MAX (x1, x0 + self->char_width);

      if (x1 < x0)
        {
          int tmp = x0;

          x0 = x1;
          x1 = tmp;
        }

      /* A lone line break at the start of a line (a blank line inside a
       * span) is not worth a box. */
      if (!(seg_end - from == 1 && from != span_start && is_newline (self, from)))
        draw_piece (self, line_snapshot (frame, line, r0->y, snapshot), style, mode, lane,
                    x0, x1, r0->y, r0->height,
                    from == span_start, seg_end == span_end);

      from = seg_end;
      line++;
    }
}

/* Character locations stay valid while the text, the fonts, the width and
 * the height of every line stay the same; the last shows in the scroll
 * range, which GtkTextView grows as it lays out the text. */
static void
check_locations (GlossArticleView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  LayoutKey key = { 0 };

  key.upper = vadjustment != NULL ? gtk_adjustment_get_upper (vadjustment) : 0;
  key.width = gtk_widget_get_width (GTK_WIDGET (self));
  key.left_margin = gtk_text_view_get_left_margin (text_view);
  key.right_margin = gtk_text_view_get_right_margin (text_view);
  key.char_count = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (text_view));
  key.generation = self->layout_generation;

  if (memcmp (&key, &self->locations_key, sizeof key) != 0 ||
      g_hash_table_size (self->locations) > MAX_LOCATIONS)
    {
      g_hash_table_remove_all (self->locations);
      g_clear_pointer (&self->lines, g_array_unref);
      self->locations_key = key;
      /* What was warmed is gone too. */
      self->warmed_visible = (GdkRectangle) { 0 };
    }
}

/* The display lines covering @rect (buffer coordinates). */
static void
frame_walk_lines (GlossArticleView   *self,
                  Frame              *frame,
                  const GdkRectangle *rect)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextIter first, last, iter;

  frame->lines = g_array_new (FALSE, FALSE, sizeof (DisplayLine));
  gtk_text_view_get_iter_at_location (text_view, &first, rect->x, rect->y);
  gtk_text_view_backward_display_line_start (text_view, &first);
  gtk_text_view_get_iter_at_location (text_view, &last,
                                      rect->x + rect->width,
                                      rect->y + rect->height);
  gtk_text_view_forward_display_line_end (text_view, &last);
  gtk_text_iter_forward_char (&last);

  frame->vis_start = gtk_text_iter_get_offset (&first);
  frame->vis_end = gtk_text_iter_get_offset (&last);

  /* One walk over the visible display lines (a screenful, so ~50). */
  iter = first;
  for (guint guard = 0; guard < 2000; guard++)
    {
      DisplayLine line = { gtk_text_iter_get_offset (&iter) };

      if (line.start >= frame->vis_end)
        break;

      g_array_append_val (frame->lines, line);

      if (!gtk_text_view_forward_display_line (text_view, &iter) ||
          (guint) gtk_text_iter_get_offset (&iter) <= line.start)
        break;
    }
}

static void
frame_init (GlossArticleView *self,
            Frame            *frame)
{
  GdkRectangle visible;

  check_locations (self);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);

  if (self->lines != NULL && gdk_rectangle_equal (&visible, &self->lines_visible))
    {
      frame->lines = g_array_ref (self->lines);
      frame->vis_start = self->lines_vis_start;
      frame->vis_end = self->lines_vis_end;
      return;
    }

  frame_walk_lines (self, frame, &visible);

  if (visible.y != self->lines_visible.y)
    self->scroll_direction = visible.y > self->lines_visible.y ? 1 : -1;
  g_clear_pointer (&self->lines, g_array_unref);
  self->lines = g_array_ref (frame->lines);
  self->lines_visible = visible;
  self->lines_vis_start = frame->vis_start;
  self->lines_vis_end = frame->vis_end;
}

static void
frame_clear (Frame *frame)
{
  if (frame->line_snapshots != NULL)
    for (guint i = 0; i < frame->lines->len; i++)
      if (frame->line_snapshots[i] != NULL)
        g_object_unref (frame->line_snapshots[i]);
  g_clear_pointer (&frame->line_snapshots, g_free);
  g_clear_pointer (&frame->line_tops, g_free);
  g_clear_pointer (&frame->lines, g_array_unref);
}

/* Whether two nodes draw the same, for the kinds of node the pieces use;
 * any other kind counts as different. */
static gboolean
nodes_equal (GskRenderNode *a,
             GskRenderNode *b)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (a);
  graphene_rect_t bounds_a, bounds_b;

  if (a == b)
    return TRUE;
  if (type != gsk_render_node_get_node_type (b))
    return FALSE;

  gsk_render_node_get_bounds (a, &bounds_a);
  gsk_render_node_get_bounds (b, &bounds_b);
  if (!graphene_rect_equal (&bounds_a, &bounds_b))
    return FALSE;

  switch ((int) type)
    {
    case GSK_CONTAINER_NODE:
      {
        guint n = gsk_container_node_get_n_children (a);

        if (n != gsk_container_node_get_n_children (b))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!nodes_equal (gsk_container_node_get_child (a, i), gsk_container_node_get_child (b, i)))
            return FALSE;
        return TRUE;
      }

    case GSK_COLOR_NODE:
      return gdk_rgba_equal (gsk_color_node_get_color (a), gsk_color_node_get_color (b));

    case GSK_ROUNDED_CLIP_NODE:
      return memcmp (gsk_rounded_clip_node_get_clip (a), gsk_rounded_clip_node_get_clip (b),
                     sizeof (GskRoundedRect)) == 0 &&
             nodes_equal (gsk_rounded_clip_node_get_child (a), gsk_rounded_clip_node_get_child (b));

    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colors_a = gsk_border_node_get_colors (a);
        const GdkRGBA *colors_b = gsk_border_node_get_colors (b);

        for (guint i = 0; i < 4; i++)
          if (!gdk_rgba_equal (&colors_a[i], &colors_b[i]))
            return FALSE;
        return memcmp (gsk_border_node_get_outline (a), gsk_border_node_get_outline (b),
                       sizeof (GskRoundedRect)) == 0 &&
               memcmp (gsk_border_node_get_widths (a), gsk_border_node_get_widths (b),
                       4 * sizeof (float)) == 0;
      }

    case GSK_REPEAT_NODE:
      return graphene_rect_equal (gsk_repeat_node_get_child_bounds (a), gsk_repeat_node_get_child_bounds (b)) &&
             nodes_equal (gsk_repeat_node_get_child (a), gsk_repeat_node_get_child (b));

    default:
      return FALSE;
    }
}

/* More lines changed in place than this and the frame repaints most of
 * the view anyway: they go as they are. */
#define MAX_WRAPPED_LINES 6

typedef struct
{
  GskRenderNode *content;  /* what was drawn on the line */
  GskRenderNode *drawn;    /* what went to GTK: the same, or it as one node
                            * GSK does not look into */
  int            top;
} LineNodes;

static void
line_nodes_free (gpointer data)
{
  LineNodes *nodes = data;

  gsk_render_node_unref (nodes->content);
  gsk_render_node_unref (nodes->drawn);
  g_free (nodes);
}

/* Appends each display line's pieces as one node, the very node of the
 * last frame when the line looks the same. GTK 4.8 diffs frames node by
 * node and, once the changes make more than 30 rectangles, gives up and
 * repaints the whole window; highlights are many small nodes (fills,
 * lane bars, outlines), so an edit that moved a few lanes did that. Now
 * an unchanged line costs nothing and a line changed in place is one
 * rectangle: GSK does not look inside a cairo node. */
static void
flush_lines (GlossArticleView *self,
             Frame            *frame,
             GtkSnapshot      *snapshot)
{
  GHashTable *previous = self->line_nodes;
  g_autofree GskRenderNode **contents = g_new0 (GskRenderNode *, MAX (frame->lines->len, 1));
  g_autofree LineNodes **olds = g_new0 (LineNodes *, MAX (frame->lines->len, 1));
  g_autofree gboolean *same = g_new0 (gboolean, MAX (frame->lines->len, 1));
  guint n_changed = 0;

  self->line_nodes = g_hash_table_new_full (NULL, NULL, NULL, line_nodes_free);

  /* Which lines look the same as last frame, and how many changed where
   * they were. */
  for (guint i = 0; i < frame->lines->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (frame->lines, DisplayLine, i).start + 1);

      if (frame->line_snapshots[i] == NULL)
        continue;

      contents[i] = gtk_snapshot_free_to_node (g_steal_pointer (&frame->line_snapshots[i]));
      if (contents[i] == NULL)
        continue;

      olds[i] = previous != NULL ? g_hash_table_lookup (previous, key) : NULL;
      if (olds[i] != NULL && olds[i]->top == frame->line_tops[i])
        {
          same[i] = nodes_equal (olds[i]->content, contents[i]);
          if (!same[i])
            n_changed++;
        }
    }

  for (guint i = 0; i < frame->lines->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (frame->lines, DisplayLine, i).start + 1);
      LineNodes *nodes = olds[i];

      if (contents[i] == NULL)
        continue;

      if (same[i])
        {
          gsk_render_node_unref (contents[i]);
          g_hash_table_steal (previous, key);
        }
      else
        {
          /* A line new to the view or moved in it (scrolling) is drawn
           * afresh anyway, and so is a frame that changes many lines; a
           * cairo node costs more to draw. */
          gboolean wrap = nodes != NULL && nodes->top == frame->line_tops[i] &&
                          n_changed <= MAX_WRAPPED_LINES;

          if (nodes != NULL)
            g_hash_table_remove (previous, key);
          olds[i] = NULL;
          nodes = g_new (LineNodes, 1);
          nodes->content = contents[i];
          nodes->top = frame->line_tops[i];

          if (wrap)
            {
              g_autoptr(GtkSnapshot) wrapper = gtk_snapshot_new ();
              graphene_rect_t bounds;
              cairo_t *cr;

              gsk_render_node_get_bounds (contents[i], &bounds);
              cr = gtk_snapshot_append_cairo (wrapper, &bounds);
              gsk_render_node_draw (contents[i], cr);
              cairo_destroy (cr);
              nodes->drawn = gtk_snapshot_free_to_node (g_steal_pointer (&wrapper));
            }
          else
            nodes->drawn = gsk_render_node_ref (contents[i]);
        }

      gtk_snapshot_append_node (snapshot, nodes->drawn);
      g_hash_table_insert (self->line_nodes, key, nodes);
    }

  g_clear_pointer (&previous, g_hash_table_unref);
}

/* Draws the part of @annotation the frame shows, if any. */
static void
draw_annotation (GlossArticleView *self,
                 GtkSnapshot      *snapshot,
                 Frame            *frame,
                 GlossAnnotation  *annotation,
                 const SpanStyle  *style,
                 PieceMode         mode,
                 guint             lane)
{
  guint s = gloss_annotation_get_start (annotation) + self->body_offset;
  guint e = gloss_annotation_get_end (annotation) + self->body_offset;
  guint from = MAX (s, frame->vis_start);
  guint to = MIN (e, frame->vis_end);

  if (from < to)
    draw_span (self, snapshot, frame, from, to, s, e, style, mode, lane);
}

/* The document range @frame shows ([*doc_start, *doc_end)), the frame's
 * own range trimmed to the article's body, and the annotations in it into
 * @found; returns how many of them to draw. */
static guint
frame_query (GlossArticleView *self,
             Frame            *frame,
             guint            *doc_start,
             guint            *doc_end,
             GPtrArray        *found)
{
  *doc_start = frame->vis_start > self->body_offset ? frame->vis_start - self->body_offset : 0;
  *doc_end = MIN (frame->vis_end - self->body_offset, gloss_document_get_length (self->document));
  frame->vis_start = MAX (frame->vis_start, self->body_offset);

  gloss_annotation_store_query (gloss_document_get_annotations (self->document),
                                *doc_start, MAX (*doc_end, *doc_start + 1), found);
  return MIN (found->len, MAX_DRAWN);
}

static void
accent_style (GlossArticleView *self,
              SpanStyle        *style)
{
  *style = (SpanStyle) { 0 };
  style->solid = self->dark ? (GdkRGBA) { 0.47, 0.68, 0.93, 1.0 } : (GdkRGBA) { 0.11, 0.44, 0.85, 1.0 };
}

/* Review mode: their annotations and the current difference ------------- */

static void
draw_review_layer (GlossArticleView *self,
                   GtkSnapshot      *snapshot,
                   Frame            *frame,
                   guint             doc_start,
                   guint             doc_end)
{
  if (self->secondary != NULL &&
      gloss_document_get_length (self->secondary) == gloss_document_get_length (self->document))
    {
      GlossAnnotationStore *store = gloss_document_get_annotations (self->secondary);
      GlossLabelSet *labels = gloss_document_get_labels (self->secondary);
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      guint lane_end[N_LANES] = { 0 };
      guint n;

      gloss_annotation_store_query (store, doc_start, MAX (doc_end, doc_start + 1), found);
      n = MIN (found->len, MAX_DRAWN);

      for (guint i = 0; i < n; i++)
        {
          GlossAnnotation *a = g_ptr_array_index (found, i);
          GlossLabel *label = gloss_label_set_lookup (labels, gloss_annotation_get_label (a));
          guint s = gloss_annotation_get_start (a) + self->body_offset;
          guint e = gloss_annotation_get_end (a) + self->body_offset;
          guint from = MAX (s, frame->vis_start);
          guint to = MIN (e, frame->vis_end);
          guint lane = 0;
          SpanStyle style;

          while (lane < N_LANES && lane_end[lane] > gloss_annotation_get_start (a))
            lane++;
          if (lane == N_LANES)
            lane = N_LANES - 1;
          lane_end[lane] = MAX (lane_end[lane], gloss_annotation_get_end (a));

          if (from >= to)
            continue;

          label_style (self, label, &style);
          draw_span (self, snapshot, frame, from, to, s, e, &style, PIECE_SECONDARY, lane);
        }
    }

  if (self->has_emphasis)
    {
      guint s = MIN (self->emphasis_start, gloss_document_get_length (self->document)) + self->body_offset;
      guint e = MIN (self->emphasis_end, gloss_document_get_length (self->document)) + self->body_offset;
      guint from = MAX (s, frame->vis_start);
      guint to = MIN (e, frame->vis_end);
      SpanStyle style;

      accent_style (self, &style);
      if (from < to)
        draw_span (self, snapshot, frame, from, to, s, e, &style, PIECE_OUTLINE, 0);
    }
}

/* Tag-all preview ---------------------------------------------------------- */

/* Index of the first occurrence that ends after @offset (the matches are in
 * text order and do not overlap, so their ends are ordered too). */
guint
_gloss_article_view_first_occurrence_after (GArray *occurrences,
                                            guint   offset)
{
  guint lo = 0, hi = occurrences->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (occurrences, GlossOccurrence, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
draw_preview_layer (GlossArticleView *self,
                    GtkSnapshot      *snapshot,
                    Frame            *frame,
                    guint             doc_start,
                    guint             doc_end)
{
  guint length = gloss_document_get_length (self->document);
  SpanStyle style;
  guint drawn = 0;

  if (self->preview == NULL || self->preview->len == 0)
    return;

  accent_style (self, &style);

  for (guint i = _gloss_article_view_first_occurrence_after (self->preview, doc_start);
       i < self->preview->len && drawn < MAX_DRAWN;
       i++)
    {
      const GlossOccurrence *o = &g_array_index (self->preview, GlossOccurrence, i);
      guint s, e, from, to;

      if (o->start >= doc_end || o->start >= length)
        break;

      s = o->start + self->body_offset;
      e = MIN (o->end, length) + self->body_offset;
      from = MAX (s, frame->vis_start);
      to = MIN (e, frame->vis_end);
      if (from >= to)
        continue;

      draw_span (self, snapshot, frame, from, to, s, e, &style,
                 o->selected ? PIECE_PREVIEW : PIECE_PREVIEW_OFF, 0);
      if (i == self->preview_current)
        draw_span (self, snapshot, frame, from, to, s, e, &style, PIECE_OUTLINE, 0);
      drawn++;
    }
}

/* Warming the pages around the view ---------------------------------------- */

/* Measures, without drawing, the annotations of the page @direction (1:
 * below, -1: above) of the visible one: GtkTextView lays out (Pango
 * shapes) each of those paragraphs and keeps it, and the places of the
 * highlights' ends go to self->locations. */
static void
warm_page (GlossArticleView   *self,
           const GdkRectangle *visible,
           int                 direction)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  g_autoptr(GPtrArray) found = NULL;
  GdkRectangle rect = *visible;
  Frame frame = { .measure_only = TRUE };
  guint length, doc_start, doc_end, n;

  if (self->document == NULL || vadjustment == NULL)
    return;
  length = gloss_document_get_length (self->document);
  if ((guint) gtk_text_buffer_get_char_count (buffer) != self->body_offset + length)
    return;

  rect.y += direction * rect.height;
  if (rect.y + rect.height <= 0 ||
      (direction > 0 && gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment) >=
                        gtk_adjustment_get_upper (vadjustment)))
    return;

  check_locations (self);
  frame_walk_lines (self, &frame, &rect);
  if (frame.vis_end > self->body_offset)
    {
      found = g_ptr_array_new ();
      n = frame_query (self, &frame, &doc_start, &doc_end, found);
      for (guint i = 0; i < n; i++)
        draw_annotation (self, NULL, &frame, g_ptr_array_index (found, i), NULL, PIECE_FILL, 0);
    }

  frame_clear (&frame);
}

/* A frame that shows a new page (Page Down, a fling) lays out the lines
 * nobody has seen yet and finds where the highlights end on them; at 1 M
 * characters that is a third of it. While the main loop is idle, the
 * page further in the direction of the last scroll and then the page on
 * the other side are warmed, one per dispatch; GtkTextView keeps three
 * screens of laid-out lines. */
static gboolean
warm_cb (gpointer data)
{
  GlossArticleView *self = data;
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  if (!gdk_rectangle_equal (&visible, &self->warmed_visible))
    {
      self->warmed_visible = visible;
      self->warm_step = 0;
    }

  warm_page (self, &visible, self->warm_step == 0 ? self->scroll_direction : -self->scroll_direction);

  if (++self->warm_step < 2)
    return G_SOURCE_CONTINUE;

  self->warm_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_warm (GlossArticleView *self)
{
  if (self->warm_idle == 0 && !gdk_rectangle_equal (&self->lines_visible, &self->warmed_visible))
    {
      self->warm_idle = g_idle_add_full (G_PRIORITY_LOW, warm_cb, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->warm_idle),
                                "[gloss] warm pages");
    }
}

/* Draws the highlights of the visible annotations, under the text. */
void
_gloss_article_view_snapshot_highlights (GlossArticleView *self,
                                         GtkSnapshot      *snapshot)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) styles = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autofree guint8 *lanes = NULL;
  guint lane_end[N_LANES] = { 0 };
  GlossAnnotationStore *store;
  SpanStyle fallback;
  Frame frame = { 0 };
  guint doc_start, doc_end, length, n;
  const char *selected_id;

  if (self->document == NULL)
    return;

  length = gloss_document_get_length (self->document);
  if ((guint) gtk_text_buffer_get_char_count (buffer) != self->body_offset + length)
    return;

  frame_init (self, &frame);
  if (frame.vis_end <= self->body_offset)
    {
      frame_clear (&frame);
      return;
    }

  frame.line_snapshots = g_new0 (GtkSnapshot *, MAX (frame.lines->len, 1));
  frame.line_tops = g_new0 (int, MAX (frame.lines->len, 1));

  store = gloss_document_get_annotations (self->document);
  found = g_ptr_array_new ();
  n = frame_query (self, &frame, &doc_start, &doc_end, found);

  styles = build_styles (self);
  label_style (self, NULL, &fallback);
  linked = g_ptr_array_new ();

  lanes = g_new0 (guint8, MAX (n, 1));

  /* Rounded ends are four more nodes a piece, rebuilt every frame; on a
   * crowded screen they hardly show, where a frame pays for them (a
   * screen of the benchmark's densest text holds ~150). */
  self->fill_radius = n > MAX_ROUNDED ? 0 : 3;

  /* Lanes: greedy interval colouring in start order, so an annotation
   * nested in (or overlapping) another gets the next lane down. */
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);
      guint s = gloss_annotation_get_start (a);
      guint lane = 0;

      while (lane < N_LANES && lane_end[lane] > s)
        lane++;
      if (lane == N_LANES)
        lane = N_LANES - 1;

      lane_end[lane] = MAX (lane_end[lane], gloss_annotation_get_end (a));
      lanes[i] = lane;
    }

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);

      draw_annotation (self, snapshot, &frame, a, lookup_style (styles, a, &fallback), PIECE_FILL, lanes[i]);

      if (self->linked_ids != NULL &&
          g_hash_table_contains (self->linked_ids, gloss_annotation_get_id (a)))
        g_ptr_array_add (linked, a);
    }

  for (guint i = 0; i < linked->len; i++)
    draw_annotation (self, snapshot, &frame, linked->pdata[i],
                     lookup_style (styles, linked->pdata[i], &fallback), PIECE_LINKED, 0);

  draw_preview_layer (self, snapshot, &frame, doc_start, doc_end);
  draw_review_layer (self, snapshot, &frame, doc_start, doc_end);

  selected_id = self->selected != NULL ? gloss_annotation_get_id (self->selected) : NULL;
  if (selected_id != NULL)
    {
      GlossAnnotation *current = gloss_annotation_store_lookup (store, selected_id);

      if (current != NULL)
        draw_annotation (self, snapshot, &frame, current, lookup_style (styles, current, &fallback), PIECE_OUTLINE, 0);
    }

  if (self->flash != NULL && self->flash_level > 0)
    {
      GlossAnnotation *current = gloss_annotation_store_lookup (store, gloss_annotation_get_id (self->flash));

      if (current != NULL)
        draw_annotation (self, snapshot, &frame, current, lookup_style (styles, current, &fallback), PIECE_FLASH, 0);
    }

  flush_lines (self, &frame, snapshot);
  frame_clear (&frame);
  schedule_warm (self);
}
