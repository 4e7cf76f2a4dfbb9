/* gloss-article-view.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-article-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-article-view-private.h"
#include "gloss-claim.h"
#include "gloss-label-palette.h"
#include "gloss-occurrences.h"

#define FLASH_DURATION   (600 * G_TIME_SPAN_MILLISECOND)
/* Scrolling to an annotation puts it a third of the way down the view,
 * within a margin of 5 % of its height. */
#define SCROLL_MARGIN    0.05
#define SCROLL_YALIGN    0.3
/* The text column is at most this many average characters wide. */
#define COLUMN_CHARS     68
#define MIN_SIDE_MARGIN  24
#define ACTIVATE_CYCLE_TIME (2 * G_TIME_SPAN_SECOND)

G_DEFINE_FINAL_TYPE (GlossArticleView, gloss_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ANNOTATION,
  PROP_FONT_SIZE,
  PROP_SERIF,
  PROP_SNAP_TO_WORDS,
  N_PROPS
};

enum {
  ANNOTATION_ACTIVATED,
  PREVIEW_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Text and header */

static char *
format_published (const char *published)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (published == NULL || *published == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (published, utc);
  if (dt == NULL && strlen (published) == 10)
    {
      g_autofree char *midnight = g_strconcat (published, "T00:00:00Z", NULL);

      dt = g_date_time_new_from_iso8601 (midnight, utc);
    }

  if (dt == NULL)
    return g_strdup (published);

  /* Translators: the date an article was published, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* Where a web article came from: "example.com · The Site · retrieved
 * 29 November 2026", or NULL for other documents (webexport-ui). */
static char *
dup_source_line (GlossDocument *document)
{
  const char *source = gloss_document_get_source (document);
  const char *site = gloss_document_get_metadata (document, "site_name");
  const char *retrieved = gloss_document_get_metadata (document, "retrieved");
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;

  if (source != NULL && (g_ascii_strncasecmp (source, "http://", 7) == 0 ||
                         g_ascii_strncasecmp (source, "https://", 8) == 0))
    uri = g_uri_parse (source, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL && (site == NULL || *site == '\0'))
    return NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    {
      const char *host = g_uri_get_host (uri);

      g_string_append (line, g_str_has_prefix (host, "www.") ? host + 4 : host);
    }
  if (site != NULL && *site != '\0' && g_ascii_strcasecmp (site, line->str) != 0)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, site);
    }
  if (retrieved != NULL && *retrieved != '\0')
    {
      g_autofree char *date = format_published (retrieved);

      if (line->len > 0)
        g_string_append (line, " · ");
      /* Translators: %s is a date: when the web page was downloaded */
      g_string_append_printf (line, _("retrieved %s"), date);
    }

  return line->len > 0 ? g_strdelimit (g_string_free (g_steal_pointer (&line), FALSE), "\r\n", ' ') : NULL;
}

static void
insert_header (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const char *title = gloss_document_get_title (self->document);
  const char *byline = gloss_document_get_byline (self->document);
  g_autofree char *date = format_published (gloss_document_get_published (self->document));
  g_autoptr(GString) meta = g_string_new (NULL);
  GtkTextIter iter;
  gboolean any = FALSE;

  gtk_text_buffer_get_start_iter (buffer, &iter);

  if (title != NULL && *title != '\0')
    {
      g_autofree char *line = g_strdelimit (g_strdup (title), "\r\n", ' ');

      gtk_text_buffer_insert_with_tags (buffer, &iter, line, -1, self->title_tag, NULL);
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
      any = TRUE;
    }

  if (byline != NULL && *byline != '\0')
    g_string_append (meta, byline);
  if (date != NULL && *date != '\0')
    {
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, g_strstrip (date));
    }

  if (meta->len > 0)
    {
      g_strdelimit (meta->str, "\r\n", ' ');
      gtk_text_buffer_insert_with_tags (buffer, &iter, meta->str, -1, self->meta_tag, NULL);
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
      any = TRUE;
    }

  {
    g_autofree char *source_line = dup_source_line (self->document);

    if (source_line != NULL)
      {
        gtk_text_buffer_insert_with_tags (buffer, &iter, source_line, -1, self->meta_tag, NULL);
        gtk_text_buffer_insert (buffer, &iter, "\n", 1);
        any = TRUE;
      }
  }

  if (any)
    gtk_text_buffer_insert (buffer, &iter, "\n", 1);

  self->body_offset = gtk_text_iter_get_offset (&iter);
}

static void
apply_base_tag (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->base_tag, &start, &end);
}

/* The document's headings (h1–h6 of a web page) stand out from the
 * paragraphs, as on the page. */
static void
apply_heading_tags (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const GlossHeading *headings;
  guint n;

  headings = gloss_document_get_headings (self->document, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, self->body_offset + headings[i].start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, self->body_offset + headings[i].end);
      gtk_text_buffer_apply_tag (buffer, self->heading_tags[headings[i].level <= 2 ? 0 : 1], &start, &end);

      /* A heading sits closer to the paragraph it heads than to the one
       * before: the blank line after it is 0.4 times as tall. */
      if (gtk_text_iter_get_char (&end) == '\n' && gtk_text_iter_forward_char (&end) &&
          gtk_text_iter_get_char (&end) == '\n')
        {
          start = end;
          gtk_text_iter_forward_char (&end);
          gtk_text_buffer_apply_tag (buffer, self->heading_gap_tag, &start, &end);
        }
    }
}

static void update_fonts (GlossArticleView *self);

/* Whether most line breaks in @text come in pairs (paragraphs separated by
 * blank lines) rather than alone. */
static gboolean
uses_blank_lines (const char *text)
{
  guint singles = 0, doubles = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p, '\n'))
    {
      if (p[1] == '\n')
        {
          doubles++;
          while (*p == '\n')
            p++;
        }
      else
        {
          singles++;
          p++;
        }
    }

  return doubles > singles;
}

static void
rebuild_text (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  self->layout_generation++;
  gtk_text_buffer_set_text (buffer, "", 0);
  self->body_offset = 0;

  if (self->document == NULL)
    return;

  insert_header (self);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, gloss_document_get_text (self->document), -1);

  if (self->blank_line_paragraphs != uses_blank_lines (gloss_document_get_text (self->document)))
    {
      self->blank_line_paragraphs = !self->blank_line_paragraphs;
      update_fonts (self);
    }
  apply_base_tag (self);
  apply_heading_tags (self);

  if ((guint) gtk_text_buffer_get_char_count (buffer) !=
      self->body_offset + gloss_document_get_length (self->document))
    g_warning ("Article text has %d characters in the view but %u in the document",
               gtk_text_buffer_get_char_count (buffer) - (int) self->body_offset,
               gloss_document_get_length (self->document));

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->body_offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
rebuild_header (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  guint sel_start = 0, sel_end = 0;
  gboolean had_selection;

  self->layout_generation++;
  if (self->document == NULL)
    return;

  had_selection = gloss_article_view_get_selection (self, &sel_start, &sel_end);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->body_offset);
  gtk_text_buffer_delete (buffer, &start, &end);
  insert_header (self);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->body_offset);
  gtk_text_buffer_apply_tag (buffer, self->base_tag, &start, &end);

  if (had_selection)
    gloss_article_view_select_range (self, sel_start, sel_end);
}

/* Styles */

static void
update_meta_color (GlossArticleView *self)
{
  GdkRGBA dim = self->dark ? (GdkRGBA) { 1, 1, 1, 0.6 } : (GdkRGBA) { 0, 0, 0, 0.55 };

  g_object_set (self->meta_tag, "foreground-rgba", &dim, NULL);
}

static void
update_fonts (GlossArticleView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  const char *family = self->serif ? "Serif" : "Sans";
  PangoFontDescription *desc;
  PangoFontMetrics *metrics;
  double px = self->font_size * 96.0 / 72.0;
  int inside;

  self->layout_generation++;
  g_object_set (self->base_tag,
                "family", family,
                "size-points", (double) self->font_size,
                NULL);

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, family);
  pango_font_description_set_size (desc, self->font_size * PANGO_SCALE);
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), desc, NULL);
  self->char_width = MAX (4, pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE);
  pango_font_metrics_unref (metrics);
  pango_font_description_free (desc);

  /* Room below every display line for the stacked underline lanes, plus
   * some leading so long articles stay comfortable to read. */
  self->lane_gap = px >= 22 ? 4 : 3;
  inside = 2 + N_LANES * self->lane_gap + (int) round (px * 0.12);
  gtk_text_view_set_pixels_inside_wrap (text_view, inside);
  /* Paragraphs already separated by blank lines need no extra gap. */
  gtk_text_view_set_pixels_below_lines (text_view,
                                        inside + (self->blank_line_paragraphs ? 0 : (int) round (px * 0.5)));
  gtk_text_view_set_pixels_above_lines (text_view, 0);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
dark_changed_cb (GlossArticleView *self,
                 GParamSpec       *pspec,
                 AdwStyleManager  *manager)
{
  self->dark = adw_style_manager_get_dark (manager);
  update_meta_color (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Highlights (gloss-article-view-highlights.c) */

static void
gloss_article_view_snapshot_layer (GtkTextView      *text_view,
                                   GtkTextViewLayer  layer,
                                   GtkSnapshot      *snapshot)
{
  if (GTK_TEXT_VIEW_CLASS (gloss_article_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (gloss_article_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    _gloss_article_view_snapshot_highlights (GLOSS_ARTICLE_VIEW (text_view), snapshot);
}

/* Flash */

static gboolean
flash_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t;

  if (self->flash_start == 0)
    self->flash_start = now;

  t = (double) (now - self->flash_start) / FLASH_DURATION;
  gtk_widget_queue_draw (widget);

  if (t >= 1.0)
    {
      self->flash_level = 0;
      self->flash_tick = 0;
      g_clear_object (&self->flash);
      return G_SOURCE_REMOVE;
    }

  self->flash_level = sin (G_PI * t);
  return G_SOURCE_CONTINUE;
}

static void
stop_flash (GlossArticleView *self)
{
  if (self->flash_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->flash_tick);
  self->flash_tick = 0;
  self->flash_level = 0;
  g_clear_object (&self->flash);
}

/* Hit testing */

static int
compare_innermost (gconstpointer a,
                   gconstpointer b)
{
  GlossAnnotation *x = *(GlossAnnotation * const *) a;
  GlossAnnotation *y = *(GlossAnnotation * const *) b;
  guint lx = gloss_annotation_get_end (x) - gloss_annotation_get_start (x);
  guint ly = gloss_annotation_get_end (y) - gloss_annotation_get_start (y);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  if (gloss_annotation_get_start (x) != gloss_annotation_get_start (y))
    return gloss_annotation_get_start (x) > gloss_annotation_get_start (y) ? -1 : 1;

  return gloss_annotation_compare (x, y);
}

static gboolean
doc_offset_at (GlossArticleView *self,
               double            x,
               double            y,
               guint            *offset)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  GdkRectangle rect;
  int bx, by, trailing;

  if (self->document == NULL)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_position (text_view, &iter, &trailing, bx, by);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);

  /* The pointer must be on the character (or on its underline lanes), not
   * beside a short line or in the margins. */
  if (bx < rect.x - 1 || bx > rect.x + MAX (rect.width, 2) + 1)
    return FALSE;
  if (by < rect.y || by > rect.y + rect.height + 1 + N_LANES * self->lane_gap)
    return FALSE;
  if (gtk_text_iter_ends_line (&iter))
    return FALSE;
  if ((guint) gtk_text_iter_get_offset (&iter) < self->body_offset)
    return FALSE;

  *offset = gtk_text_iter_get_offset (&iter) - self->body_offset;
  return *offset < gloss_document_get_length (self->document);
}

static gboolean
preview_at (GlossArticleView *self,
            double            x,
            double            y,
            guint            *index)
{
  guint offset, i;

  if (self->preview == NULL || !doc_offset_at (self, x, y, &offset))
    return FALSE;

  /* A match already tagged cannot be toggled: the click goes to its
   * annotation. */
  i = _gloss_article_view_first_occurrence_after (self->preview, offset);
  if (i >= self->preview->len ||
      g_array_index (self->preview, GlossOccurrence, i).start > offset ||
      g_array_index (self->preview, GlossOccurrence, i).covered)
    return FALSE;

  *index = i;
  return TRUE;
}

/**
 * gloss_article_view_annotations_at:
 * @x: a widget x coordinate
 * @y: a widget y coordinate
 *
 * Returns: (transfer container) (element-type GlossAnnotation): the
 *   annotations under the point, innermost first (possibly empty)
 */
GPtrArray *
gloss_article_view_annotations_at (GlossArticleView *self,
                                   double            x,
                                   double            y)
{
  GPtrArray *result;
  guint offset;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (!doc_offset_at (self, x, y, &offset))
    return result;

  gloss_annotation_store_query_at (gloss_document_get_annotations (self->document), offset, result);
  for (guint i = 0; i < result->len; i++)
    g_object_ref (g_ptr_array_index (result, i));
  g_ptr_array_sort (result, compare_innermost);

  return result;
}

/**
 * gloss_article_view_activate_at:
 *
 * Emits #GlossArticleView::annotation-activated for the innermost
 * annotation under the point (x, y), in widget coordinates. Activating
 * again where the selected (or just activated) annotation is, cycles
 * outwards through the annotations under the point. While a tag-all
 * preview is shown, a previewed match under the point is activated
 * instead (#GlossArticleView::preview-activated).
 *
 * Returns: whether an annotation or a match was activated
 */
gboolean
gloss_article_view_activate_at (GlossArticleView *self,
                                double            x,
                                double            y)
{
  g_autoptr(GPtrArray) under = NULL;
  const char *current = NULL;
  GlossAnnotation *chosen;
  guint pick = 0;
  gint64 now = g_get_monotonic_time ();
  guint index;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  if (preview_at (self, x, y, &index))
    {
      g_signal_emit (self, signals[PREVIEW_ACTIVATED], 0, index);
      return TRUE;
    }

  under = gloss_article_view_annotations_at (self, x, y);
  if (under->len == 0)
    return FALSE;

  if (self->selected != NULL)
    current = gloss_annotation_get_id (self->selected);
  else if (now - self->last_activated_time < ACTIVATE_CYCLE_TIME)
    current = self->last_activated_id;

  for (guint i = 0; current != NULL && i < under->len; i++)
    if (g_strcmp0 (gloss_annotation_get_id (g_ptr_array_index (under, i)), current) == 0)
      {
        pick = (i + 1) % under->len;
        break;
      }

  chosen = g_ptr_array_index (under, pick);
  gloss_set_str (&self->last_activated_id, gloss_annotation_get_id (chosen));
  self->last_activated_time = now;
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, chosen);

  return TRUE;
}

static gboolean
query_tooltip_cb (GlossArticleView *self,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip)
{
  g_autoptr(GPtrArray) under = NULL;
  g_autoptr(GString) markup = NULL;
  guint shown;

  if (keyboard_mode)
    return FALSE;

  under = gloss_article_view_annotations_at (self, x, y);
  if (under->len == 0)
    return FALSE;

  markup = g_string_new (NULL);
  shown = MIN (under->len, 4);

  for (guint i = 0; i < shown; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (under, i);
      g_autofree char *quote = NULL;
      const char *note = gloss_annotation_get_note (a);

      if (i > 0)
        g_string_append (markup, "\n\n");

      quote = gloss_document_slice (self->document,
                                    gloss_annotation_get_start (a),
                                    gloss_annotation_get_end (a));
      g_autofree char *short_quote = gloss_text_ellipsize (quote, 60);
      g_autofree char *label = g_markup_escape_text (gloss_annotation_get_label (a), -1);
      g_autofree char *escaped = g_markup_escape_text (short_quote, -1);

      g_string_append_printf (markup, "<b>%s</b>  “%s”", label, escaped);

      /* Claims: the verdict and who made the claim. */
      {
        const GlossVerdict *verdict = gloss_verdict_lookup (gloss_claim_get_verdict (a));
        g_autofree char *claimant = gloss_claim_dup_claimant_name (self->document, a);

        if (verdict != NULL)
          {
            g_autofree char *v = g_markup_escape_text (_(verdict->name), -1);
            /* Translators: in the tooltip of a claim */
            g_string_append_printf (markup, "\n%s <b>%s</b>", _("Verdict:"), v);
          }
        if (claimant != NULL)
          {
            g_autofree char *c = g_markup_escape_text (claimant, -1);
            g_string_append_printf (markup, "\n%s %s", _("Claimant:"), c);
          }
      }

      if (note != NULL && *note != '\0')
        {
          g_autofree char *short_note = gloss_text_ellipsize (note, 160);
          g_autofree char *escaped_note = g_markup_escape_text (short_note, -1);

          g_string_append_printf (markup, "\n<i>%s</i>", escaped_note);
        }
    }

  if (under->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more annotation",
                                                            "and %u more annotations",
                                                            under->len - shown),
                                               under->len - shown);
      g_string_append_printf (markup, "\n\n<small>%s</small>", more);
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

/* Palette */

static void
hide_palette (GlossArticleView *self)
{
  if (self->palette != NULL && gtk_widget_get_visible (GTK_WIDGET (self->palette)))
    gtk_popover_popdown (GTK_POPOVER (self->palette));
}

/* The palette does not take the keyboard (so label keys, Shift+arrows and
 * Escape keep working in the view); it goes away as soon as the selection
 * changes; it follows the selection when the text scrolls. */
static void
mark_set_cb (GlossArticleView *self,
             GtkTextIter      *location,
             GtkTextMark      *mark,
             GtkTextBuffer    *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) ||
      mark == gtk_text_buffer_get_selection_bound (buffer))
    hide_palette (self);
}

/* The rectangle (widget coordinates) the palette points at: the end of
 * the body selection. FALSE if nothing is selected or it is off screen. */
static gboolean
selection_area (GlossArticleView *self,
                GdkRectangle     *area)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter s, last;
  GdkRectangle rs, re, visible;
  guint start, end;
  int wx, wy;

  if (!gloss_article_view_get_selection (self, &start, &end))
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start + self->body_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &last, end - 1 + self->body_offset);
  gtk_text_view_get_iter_location (text_view, &s, &rs);
  gtk_text_view_get_iter_location (text_view, &last, &re);

  if (rs.y == re.y)
    {
      area->x = MIN (rs.x, re.x);
      area->width = MAX (rs.x + rs.width, re.x + re.width) - area->x;
    }
  else
    {
      area->x = re.x;
      area->width = MAX (re.width, 1);
    }
  area->y = re.y;
  area->height = re.height;

  gtk_text_view_get_visible_rect (text_view, &visible);
  if (area->y + area->height <= visible.y || area->y >= visible.y + visible.height)
    return FALSE;

  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         area->x, area->y, &wx, &wy);
  area->x = wx;
  area->y = wy;

  return TRUE;
}

/* Scrolling moves the selection: follow it, or go when it leaves. */
static void
scrolled_cb (GlossArticleView *self)
{
  GdkRectangle area;

  if (self->palette == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->palette)))
    return;

  if (selection_area (self, &area))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->palette), &area);
  else
    hide_palette (self);
}

static void
vadjustment_changed_cb (GlossArticleView *self)
{
  g_signal_group_set_target (self->adjustment_signals,
                             gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)));
}

/* Input */

static void
select_body (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->body_offset);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static gboolean
key_pressed_cb (GlossArticleView      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autoptr(GlossLabel) label = NULL;

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_a || keyval == GDK_KEY_A))
    {
      select_body (self);
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape && mods == 0)
    {
      GtkTextIter insert;

      if (!gtk_text_buffer_get_has_selection (buffer))
        return FALSE;

      gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_place_cursor (buffer, &insert);
      return TRUE;
    }

  if (self->document == NULL)
    return FALSE;

  label = gloss_label_for_key (G_LIST_MODEL (gloss_document_get_labels (self->document)),
                               keyval, state);
  if (label == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", "s",
                                     gloss_label_get_name (label));
}

/* A drag that starts or ends inside a word grows to its edges (words as
 * Pango breaks them, in any script), keeping the direction it was made
 * in, so that Shift+arrows then move the end the mouse left. Double and
 * triple clicks already select whole words; a Shift+click that extends
 * a keyboard selection leaves it as made. */
static void
snap_selection_to_words (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end, insert;
  gboolean backwards;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  backwards = gtk_text_iter_equal (&insert, &start);

  if (gtk_text_iter_inside_word (&start) && !gtk_text_iter_starts_word (&start))
    gtk_text_iter_backward_word_start (&start);
  if (gtk_text_iter_inside_word (&end) && !gtk_text_iter_starts_word (&end))
    gtk_text_iter_forward_word_end (&end);

  if (backwards)
    gtk_text_buffer_select_range (buffer, &start, &end);
  else
    gtk_text_buffer_select_range (buffer, &end, &start);
}

/* A drag snaps to words and opens the palette; a click selects the
 * annotation under it. @palette is FALSE when another press follows at
 * once (it would close the palette again). */
static void
handle_release (GlossArticleView *self,
                gboolean          palette)
{
  guint start, end;

  if (self->snap_to_words && self->press_moved)
    snap_selection_to_words (self);

  if (gloss_article_view_get_selection (self, &start, &end))
    {
      if (palette)
        gloss_article_view_popup_palette (self);
    }
  else if (!self->press_moved)
    gloss_article_view_activate_at (self, self->press_x, self->press_y);
}

static gboolean
after_release_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;

  self->release_idle = 0;
  handle_release (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
finish_release (GlossArticleView *self,
                gboolean          palette)
{
  if (self->release_idle == 0)
    return;

  g_clear_handle_id (&self->release_idle, g_source_remove);
  handle_release (self, palette);
}

static void
pointer_pressed (GlossArticleView *self,
                 double            x,
                 double            y)
{
  /* The click before comes first (the first of a double click). */
  finish_release (self, FALSE);
  self->press_x = x;
  self->press_y = y;
  self->press_moved = FALSE;
}

/* A release is handled once GtkTextView has finished the selection, in an
 * idle that frames cannot hold back (GTK 4.8 fades the text cursor with a
 * frame per refresh). */
static void
pointer_released (GlossArticleView *self,
                  double            x,
                  double            y)
{
  if (fabs (x - self->press_x) > 4 || fabs (y - self->press_y) > 4)
    self->press_moved = TRUE;

  g_clear_handle_id (&self->release_idle, g_source_remove);
  self->release_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, after_release_cb, self, NULL);
}

void
_gloss_article_view_click (GlossArticleView *self,
                           double            x,
                           double            y)
{
  pointer_pressed (self, x, y);
  pointer_released (self, x, y);
}

/**
 * gloss_article_view_finish_click:
 *
 * Handles a click whose release is still waiting for its idle. Input is
 * dispatched before idles, so a key pressed right after a click (a
 * label key after a double click) could otherwise act first, and the
 * click then select an annotation under the pointer after the key's
 * edit: the window calls this before it handles a key.
 */
void
gloss_article_view_finish_click (GlossArticleView *self)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  finish_release (self, TRUE);
}

static gboolean
event_to_widget (GlossArticleView *self,
                 GdkEvent         *event,
                 double           *x,
                 double           *y)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  graphene_point_t point;
  double ex, ey, nx, ny;

  if (native == NULL || !gdk_event_get_position (event, &ex, &ey))
    return FALSE;

  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (ex - nx, ey - ny), &point))
    return FALSE;

  *x = point.x;
  *y = point.y;
  return TRUE;
}

/* A legacy controller sees presses and releases even when GtkTextView's
 * own gestures claim them; it never consumes anything. */
static gboolean
pointer_event_cb (GlossArticleView         *self,
                  GdkEvent                 *event,
                  GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  double x, y;

  /* Events in the palette (a popover, so its own surface) propagate
   * through the view too: leave them to the palette. */
  if (native == NULL || gdk_event_get_surface (event) != gtk_native_get_surface (native))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS && gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
    {
      if (event_to_widget (self, event, &x, &y))
        pointer_pressed (self, x, y);
      else
        finish_release (self, FALSE);

      hide_palette (self);
    }
  else if (type == GDK_BUTTON_RELEASE && gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
    {
      if (!event_to_widget (self, event, &x, &y))
        {
          x = self->press_x;
          y = self->press_y;
        }
      pointer_released (self, x, y);
    }

  return GDK_EVENT_PROPAGATE;
}

/* GObject */

static void
buffer_changed_cb (GlossArticleView *self)
{
  self->layout_generation++;
}

static void
document_changed_cb (GlossArticleView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
labels_changed_cb (GlossArticleView *self)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);

  g_signal_group_set_target (self->label_signals, labels);
  gloss_label_palette_set_labels (self->palette, G_LIST_MODEL (labels));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gloss_article_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  GtkTextView *text_view = GTK_TEXT_VIEW (widget);
  int column = COLUMN_CHARS * self->char_width;
  int side = MIN_SIDE_MARGIN;

  if (width < 500)
    side = 12;
  if (width - 2 * side > column)
    side = (width - column) / 2;

  /* Only when it changes, so this does not loop. */
  if (gtk_text_view_get_left_margin (text_view) != side)
    gtk_text_view_set_left_margin (text_view, side);
  if (gtk_text_view_get_right_margin (text_view) != side)
    gtk_text_view_set_right_margin (text_view, side);

  GTK_WIDGET_CLASS (gloss_article_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->palette != NULL && gtk_widget_get_visible (GTK_WIDGET (self->palette)))
    gtk_popover_present (GTK_POPOVER (self->palette));
}

static void
gloss_article_view_dispose (GObject *object)
{
  GlossArticleView *self = (GlossArticleView *)object;

  g_clear_handle_id (&self->release_idle, g_source_remove);
  g_clear_handle_id (&self->warm_idle, g_source_remove);
  stop_flash (self);

  if (self->palette != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->palette));
      self->palette = NULL;
    }

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  if (self->label_signals != NULL)
    g_signal_group_set_target (self->label_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->label_signals);
  if (self->adjustment_signals != NULL)
    g_signal_group_set_target (self->adjustment_signals, NULL);
  g_clear_object (&self->adjustment_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);
  gloss_article_view_set_secondary_document (self, NULL);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->dispose (object);
}

static void
gloss_article_view_finalize (GObject *object)
{
  GlossArticleView *self = (GlossArticleView *)object;

  g_clear_pointer (&self->linked_ids, g_hash_table_unref);
  g_clear_pointer (&self->preview, g_array_unref);
  g_clear_pointer (&self->locations, g_hash_table_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->line_nodes, g_hash_table_unref);
  g_clear_pointer (&self->last_activated_id, g_free);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->finalize (object);
}

static void
gloss_article_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, self->selected);
      break;

    case PROP_FONT_SIZE:
      g_value_set_int (value, self->font_size);
      break;

    case PROP_SERIF:
      g_value_set_boolean (value, self->serif);
      break;

    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gloss_article_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ANNOTATION:
      gloss_article_view_set_selected_annotation (self, g_value_get_object (value));
      break;

    case PROP_FONT_SIZE:
      gloss_article_view_set_font_size (self, g_value_get_int (value));
      break;

    case PROP_SERIF:
      gloss_article_view_set_serif (self, g_value_get_boolean (value));
      break;

    case PROP_SNAP_TO_WORDS:
      gloss_article_view_set_snap_to_words (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_view_class_init (GlossArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_article_view_dispose;
  object_class->finalize = gloss_article_view_finalize;
  object_class->get_property = gloss_article_view_get_property;
  object_class->set_property = gloss_article_view_set_property;

  widget_class->size_allocate = gloss_article_view_size_allocate;

  text_view_class->snapshot_layer = gloss_article_view_snapshot_layer;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SIZE] =
    g_param_spec_int ("font-size", NULL, NULL, 6, 72, 13,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERIF] =
    g_param_spec_boolean ("serif", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossArticleView:snap-to-words:
   *
   * Whether a selection made with the mouse grows to the edges of the
   * words it starts and ends in. Keyboard selections stay as made.
   */
  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossArticleView::annotation-activated:
   * @annotation: the annotation clicked
   *
   * Emitted when the user clicks (without dragging) on an annotated span.
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  /**
   * GlossArticleView::preview-activated:
   * @index: the index of the clicked match in the preview array
   */
  signals[PREVIEW_ACTIVATED] =
    g_signal_new ("preview-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
gloss_article_view_init (GlossArticleView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;
  GtkTextIter start;

  self->font_size = 13;
  self->serif = TRUE;
  self->snap_to_words = TRUE;
  self->lane_gap = 3;
  self->preview_current = G_MAXUINT;
  self->locations = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->scroll_direction = 1;
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  self->fill_radius = 3;
  self->char_width = 8;

  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  self->base_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  self->title_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                                "scale", 1.75,
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "pixels-below-lines", 8,
                                                "pixels-inside-wrap", 2,
                                                NULL);
  self->meta_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                               "scale", 0.9,
                                               NULL);
  self->heading_tags[0] = gtk_text_buffer_create_tag (buffer, NULL,
                                                      "scale", 1.3,
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      "pixels-above-lines", 12,
                                                      NULL);
  self->heading_tags[1] = gtk_text_buffer_create_tag (buffer, NULL,
                                                      "scale", 1.1,
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      "pixels-above-lines", 8,
                                                      NULL);
  self->heading_gap_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                                      "scale", 0.4,
                                                      NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);

  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, TRUE);
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (text_view, 40);
  gtk_text_view_set_bottom_margin (text_view, 80);
  gtk_text_view_set_left_margin (text_view, MIN_SIDE_MARGIN);
  gtk_text_view_set_right_margin (text_view, MIN_SIDE_MARGIN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-article-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);

  self->dark = adw_style_manager_get_dark (manager);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_meta_color (self);
  update_fonts (self);

  self->document_signals = g_signal_group_new (GLOSS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::labels",
                                  G_CALLBACK (labels_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (rebuild_header), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::byline",
                                  G_CALLBACK (rebuild_header), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::published",
                                  G_CALLBACK (rebuild_header), self);

  self->store_signals = g_signal_group_new (GLOSS_TYPE_ANNOTATION_STORE);
  g_signal_group_connect_swapped (self->store_signals, "items-changed",
                                  G_CALLBACK (document_changed_cb), self);

  self->label_signals = g_signal_group_new (GLOSS_TYPE_LABEL_SET);
  g_signal_group_connect_swapped (self->label_signals, "items-changed",
                                  G_CALLBACK (document_changed_cb), self);

  self->adjustment_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  g_signal_group_connect_swapped (self->adjustment_signals, "value-changed",
                                  G_CALLBACK (scrolled_cb), self);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_changed_cb), NULL);

  self->palette = GLOSS_LABEL_PALETTE (gloss_label_palette_new ());
  gtk_popover_set_autohide (GTK_POPOVER (self->palette), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->palette), GTK_WIDGET (self));
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "gloss-article-view-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "event", G_CALLBACK (pointer_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Public API */

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
}

/**
 * gloss_article_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
GlossDocument *
gloss_article_view_get_document (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

void
gloss_article_view_set_document (GlossArticleView *self,
                                 GlossDocument    *document)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  stop_flash (self);
  gloss_article_view_set_selected_annotation (self, NULL);
  g_clear_pointer (&self->last_activated_id, g_free);
  g_clear_pointer (&self->preview, g_array_unref);
  self->preview_current = G_MAXUINT;

  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->store_signals,
                             document != NULL ? gloss_document_get_annotations (document) : NULL);
  g_signal_group_set_target (self->label_signals,
                             document != NULL ? gloss_document_get_labels (document) : NULL);
  gloss_label_palette_set_labels (self->palette,
                                  document != NULL ? G_LIST_MODEL (gloss_document_get_labels (document)) : NULL);

  rebuild_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * gloss_article_view_get_selection:
 * @start: (out) (optional): document offset of the selection start
 * @end: (out) (optional): document offset of the selection end
 *
 * The part of the selection inside the article body; the header cannot be
 * tagged.
 *
 * Returns: %FALSE if no body text is selected
 */
gboolean
gloss_article_view_get_selection (GlossArticleView *self,
                                  guint            *start,
                                  guint            *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  guint so, eo, length;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;

  length = gloss_document_get_length (self->document);
  so = MAX ((guint) gtk_text_iter_get_offset (&s), self->body_offset) - self->body_offset;
  eo = MAX ((guint) gtk_text_iter_get_offset (&e), self->body_offset) - self->body_offset;
  so = MIN (so, length);
  eo = MIN (eo, length);

  if (eo <= so)
    return FALSE;

  if (start != NULL)
    *start = so;
  if (end != NULL)
    *end = eo;

  return TRUE;
}

/**
 * gloss_article_view_select_range:
 *
 * Selects [@start, @end) (document offsets, clamped to the text) and
 * scrolls it into view.
 */
void
gloss_article_view_select_range (GlossArticleView *self,
                                 guint             start,
                                 guint             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  guint length;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->document == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  length = gloss_document_get_length (self->document);
  start = MIN (start, length);
  end = CLAMP (end, start, length);

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start + self->body_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end + self->body_offset);
  gtk_text_buffer_select_range (buffer, &e, &s);
  /* Scroll only as far as needed to show the start, if it is off screen. */
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &s);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), self->scroll_mark);
}

/**
 * gloss_article_view_scroll_to_annotation:
 * @flash: whether to pulse the annotation briefly so the eye finds it
 */
void
gloss_article_view_scroll_to_annotation (GlossArticleView *self,
                                         GlossAnnotation  *annotation,
                                         gboolean          flash)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  if (self->document == NULL)
    return;

  gloss_article_view_scroll_to_range (self, gloss_annotation_get_start (annotation));

  if (flash)
    {
      g_set_object (&self->flash, annotation);
      self->flash_start = 0;
      self->flash_level = 0;
      if (self->flash_tick == 0)
        self->flash_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), flash_tick_cb, NULL, NULL);
    }
}

/**
 * gloss_article_view_get_selected_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation drawn as selected
 */
GlossAnnotation *
gloss_article_view_get_selected_annotation (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  return self->selected;
}

/**
 * gloss_article_view_set_selected_annotation:
 * @annotation: (nullable): the annotation to outline; matched by id, so a
 *   replacement made by an edit stays outlined
 */
void
gloss_article_view_set_selected_annotation (GlossArticleView *self,
                                            GlossAnnotation  *annotation)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  if (!g_set_object (&self->selected, annotation))
    return;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

/**
 * gloss_article_view_set_linked_ids:
 * @ids: (nullable) (array zero-terminated=1): ids of annotations to emphasise
 */
void
gloss_article_view_set_linked_ids (GlossArticleView   *self,
                                   const char * const *ids)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->linked_ids, g_hash_table_unref);

  if (ids != NULL && ids[0] != NULL)
    {
      self->linked_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; ids[i] != NULL; i++)
        g_hash_table_add (self->linked_ids, g_strdup (ids[i]));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
gloss_article_view_get_font_size (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  return self->font_size;
}

void
gloss_article_view_set_font_size (GlossArticleView *self,
                                  int               font_size)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  font_size = CLAMP (font_size, 6, 72);
  if (self->font_size == font_size)
    return;

  self->font_size = font_size;
  update_fonts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

gboolean
gloss_article_view_get_serif (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  return self->serif;
}

void
gloss_article_view_set_serif (GlossArticleView *self,
                              gboolean          serif)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  serif = !!serif;
  if (self->serif == serif)
    return;

  self->serif = serif;
  update_fonts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIF]);
}

gboolean
gloss_article_view_get_snap_to_words (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  return self->snap_to_words;
}

void
gloss_article_view_set_snap_to_words (GlossArticleView *self,
                                      gboolean          snap_to_words)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  snap_to_words = !!snap_to_words;
  if (self->snap_to_words == snap_to_words)
    return;

  self->snap_to_words = snap_to_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
}

/**
 * gloss_article_view_popup_palette:
 *
 * Opens the label palette pointing at the selection, if body text is
 * selected. Called after a mouse selection; the app may bind it to a key.
 */
void
gloss_article_view_popup_palette (GlossArticleView *self)
{
  GdkRectangle area;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (!selection_area (self, &area))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->palette), &area);
  gtk_popover_popup (GTK_POPOVER (self->palette));
}

/* Review mode (gloss-window-review.c) ------------------------------------ */

/**
 * gloss_article_view_set_secondary_document:
 * @secondary: (nullable): a document over the same text (their file,
 *   re-anchored on mine), whose annotations are drawn as thin brackets
 *   above the lines, in their label colours, next to the main ones
 */
void
gloss_article_view_set_secondary_document (GlossArticleView *self,
                                           GlossDocument    *secondary)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (secondary == NULL || GLOSS_IS_DOCUMENT (secondary));

  if (self->secondary == secondary)
    return;

  if (self->secondary != NULL)
    g_clear_signal_handler (&self->secondary_changed, self->secondary);
  g_set_object (&self->secondary, secondary);
  if (secondary != NULL)
    self->secondary_changed = g_signal_connect_object (secondary, "changed",
                                                       G_CALLBACK (gtk_widget_queue_draw), self,
                                                       G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GlossDocument *
gloss_article_view_get_secondary_document (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  return self->secondary;
}

/**
 * gloss_article_view_set_emphasis:
 * @start: document offset, or G_MAXUINT for none
 * @end: document offset (exclusive)
 * @scroll: whether to bring the range into view
 *
 * Outlines one range in the accent colour (the difference under review).
 */
void
gloss_article_view_set_emphasis (GlossArticleView *self,
                                 guint             start,
                                 guint             end,
                                 gboolean          scroll)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  self->has_emphasis = start != G_MAXUINT && start <= end;
  self->emphasis_start = start;
  self->emphasis_end = end;

  if (self->has_emphasis && scroll && self->document != NULL)
    {
      g_autoptr(GlossAnnotation) probe = gloss_annotation_new ("", start, MAX (end, start));

      gloss_article_view_scroll_to_annotation (self, probe, FALSE);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gloss_article_view_set_preview:
 * @occurrences: (nullable) (element-type GlossOccurrence): matches in text
 *   order, not overlapping; the view keeps a reference and reads their
 *   selection at every frame, so call again after changing them
 * @current: the index of the match to outline, or %G_MAXUINT
 *
 * Highlights the tag-all dialog's matches: selected ones filled, the
 * others underlined. A click on one emits
 * #GlossArticleView::preview-activated.
 */
void
gloss_article_view_set_preview (GlossArticleView *self,
                                GArray           *occurrences,
                                guint             current)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (occurrences != self->preview)
    {
      g_clear_pointer (&self->preview, g_array_unref);
      if (occurrences != NULL)
        self->preview = g_array_ref (occurrences);
    }
  self->preview_current = current;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gloss_article_view_get_preview:
 * @current: (out) (optional): the outlined match, or %G_MAXUINT
 *
 * Returns: (transfer none) (nullable) (element-type GlossOccurrence): the
 *   previewed matches
 */
GArray *
gloss_article_view_get_preview (GlossArticleView *self,
                                guint            *current)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  if (current != NULL)
    *current = self->preview_current;

  return self->preview;
}

/* Where GtkTextView's own scrolling puts @location (buffer coordinates)
 * with SCROLL_MARGIN and SCROLL_YALIGN, for a view showing @visible: the
 * vertical adjustment's value, worked out as it does. */
static double
scroll_destination (GlossArticleView   *self,
                    const GdkRectangle *location,
                    const GdkRectangle *visible)
{
  int margin = visible->height * SCROLL_MARGIN;
  int height = MAX (visible->height - 2 * margin, 1);
  int offset = location->height * SCROLL_YALIGN - height * SCROLL_YALIGN;

  return location->y + offset - margin + gtk_text_view_get_top_margin (GTK_TEXT_VIEW (self));
}

/**
 * gloss_article_view_scroll_to_range:
 *
 * Scrolls so that the document range starting at @start is comfortably in
 * view (a third of the way down), unless it already is.
 */
void
gloss_article_view_scroll_to_range (GlossArticleView *self,
                                    guint             start)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GdkRectangle visible, location;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->document == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  start = MIN (start, gloss_document_get_length (self->document));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start + self->body_offset);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      location.y < visible.y + visible.height / 10 ||
      location.y + location.height > visible.y + visible.height * 9 / 10)
    {
      /* GtkTextView slides to the mark over 200 ms. Sliding to a place
       * more than a screen away draws a dozen screens of text on the
       * way, too fast to read: it only costs frames, and the flash shows
       * where the eye should go. So a far place is jumped to, where the
       * slide would end, and the slide below has nothing left to do. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
          (location.y + location.height < visible.y - visible.height ||
           location.y > visible.y + 2 * visible.height))
        {
          GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

          gtk_adjustment_set_value (vadjustment, scroll_destination (self, &location, &visible));
        }
      gtk_text_buffer_move_mark (buffer, self->scroll_mark, &iter);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->scroll_mark, SCROLL_MARGIN, TRUE, 0.0, SCROLL_YALIGN);
    }
}

/**
 * gloss_article_view_hide_palette:
 *
 * Closes the label palette if it is shown (another window, such as the
 * tag-all dialog, takes over the selection).
 */
void
gloss_article_view_hide_palette (GlossArticleView *self)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  hide_palette (self);
}

guint
_gloss_article_view_get_location_misses (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  return self->location_misses;
}
