/* gloss-annotation-row.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation-row"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-claim.h"
#include "gloss-text.h"

#define QUOTE_MAX_CHARS 120
#define NOTE_MAX_CHARS  140

/* The texts a row draws itself (a GtkLabel each cost a widget, a CSS
 * node, a measure and an allocation, for each of the 200 rows GtkListView
 * 4.8 keeps bound, and a chip's colour class restyled it on every bind),
 * in the order they are laid out. */
typedef enum
{
  TEXT_LABEL,  /* the label's name, in its coloured chip */
  TEXT_ID,     /* an entity's identifier, after the chip */
  TEXT_META,   /* author · time, at the end of the first line */
  TEXT_QUOTE,  /* up to three lines */
  TEXT_NOTE,   /* up to two lines, in italics */
  N_TEXTS
} RowText;

struct _GlossAnnotationRow
{
  GtkWidget        parent_instance;

  GlossAnnotation *annotation;
  GdkRGBA          chip_rgb;          /* the label's colour, opaque */
  char            *verdict_class;

  /* Styled by CSS (a verdict's colour from the theme), so a widget. */
  GtkLabel        *verdict_badge;
  graphene_rect_t  chip_box;          /* the chip, border included */

  char            *texts[N_TEXTS];    /* NULL or non-empty */
  PangoLayout     *layouts[N_TEXTS];  /* made when first needed */
  graphene_rect_t  boxes[N_TEXTS];    /* where they are drawn */
  int              widths[N_TEXTS];   /* and how wide they are laid out (-1: unbounded) */
  int              naturals[N_TEXTS]; /* unbounded widths of the first line's texts (-1: not known) */
  guint            naturals_serial;   /* of the Pango context they are for */
  gboolean         estimated;         /* the last height came from font metrics */
  gboolean         exactly;           /* measure with layouts: an estimate was wrong */
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_WIDGET)

static GtkCssProvider *color_provider;
static GHashTable *color_classes;   /* class name → itself */
static GString *color_css;

const char *
gloss_label_css_class (GlossLabel *label)
{
  g_autofree char *name = NULL;
  double r = 0.5, g = 0.5, b = 0.5;
  const char *existing;
  guint ir, ig, ib;

  if (label != NULL)
    gloss_label_get_rgb (label, &r, &g, &b);

  ir = (guint) CLAMP (r * 255.0 + 0.5, 0, 255);
  ig = (guint) CLAMP (g * 255.0 + 0.5, 0, 255);
  ib = (guint) CLAMP (b * 255.0 + 0.5, 0, 255);
  name = g_strdup_printf ("gloss-c-%02x%02x%02x", ir, ig, ib);

  if (color_classes == NULL)
    color_classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  existing = g_hash_table_lookup (color_classes, name);
  if (existing != NULL)
    return existing;

  if (color_provider == NULL)
    {
      GdkDisplay *display = gdk_display_get_default ();

      color_provider = gtk_css_provider_new ();
      color_css = g_string_new (NULL);
      if (display != NULL)
        gtk_style_context_add_provider_for_display (display,
                                                    GTK_STYLE_PROVIDER (color_provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* Built from the parsed numbers, never from the file's string. */
  g_string_append_printf (color_css,
                          ".label-chip.%s { background-color: rgba(%u,%u,%u,0.2); "
                          "border-color: rgba(%u,%u,%u,0.55); }\n"
                          ".label-dot.%s { background-color: rgb(%u,%u,%u); }\n",
                          name, ir, ig, ib, ir, ig, ib,
                          name, ir, ig, ib);
  gtk_css_provider_load_from_data (color_provider, color_css->str, color_css->len);

  g_hash_table_add (color_classes, name);

  return g_steal_pointer (&name);
}

/* The local time zone, looked up again once a minute: asking GLib for it
 * on every row bind cost half of a jump's list update. */
static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;
  static gint64 looked_up;
  gint64 now = g_get_monotonic_time ();

  if (zone == NULL || now - looked_up > 60 * G_TIME_SPAN_SECOND)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      looked_up = now;
    }

  return zone;
}

/**
 * gloss_format_timestamp:
 * @timestamp: (nullable): an ISO 8601 timestamp
 *
 * Returns: a short local time for display: the time of day for today,
 *   else the date.
 */
char *
gloss_format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (timestamp == NULL || timestamp[0] == '\0')
    return NULL;

  when = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (when == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_timezone (when, local_zone ());
  now = g_date_time_new_now (local_zone ());

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a date in the current year, see strftime(3) */
    return g_date_time_format (local, _("%-d %b"));

  /* Translators: a date in another year, see strftime(3) */
  return g_date_time_format (local, _("%-d %b %Y"));
}

#define HEADER_SPACING 8  /* between the parts of the first line */
#define LINE_SPACING   4  /* between the first line, the quote and the note */
#define ROW_MIN_CHARS  20 /* a chip, a verdict badge (not ellipsized) and a byline */
#define QUOTE_MAX_WIDTH_CHARS 30
#define ID_MAX_WIDTH_CHARS    14
#define LABEL_MAX_WIDTH_CHARS 16
#define CHIP_PADDING          6   /* .label-chip: padding 0 6px, a 1px border, 4px corners */
#define CHIP_BORDER           1
#define CHIP_RADIUS           4

static gboolean
is_rtl (GlossAnnotationRow *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* A layout of @text styled as @which is. */
static PangoLayout *
new_text_layout (GlossAnnotationRow *self,
                 RowText             which,
                 const char         *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  switch (which)
    {
    case TEXT_LABEL:  /* .label-chip */
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.78));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      break;
    case TEXT_ID:  /* .caption .monospace */
      pango_attr_list_insert (attrs, pango_attr_family_new ("monospace"));
      G_GNUC_FALLTHROUGH;
    case TEXT_META:  /* .caption */
      pango_attr_list_insert (attrs, pango_attr_size_new (9 * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, which == TEXT_ID ? PANGO_ELLIPSIZE_MIDDLE : PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      break;
    case TEXT_QUOTE:
    case TEXT_NOTE:
      pango_attr_list_insert (attrs, pango_attr_scale_new (which == TEXT_QUOTE ? 0.95 : 0.9));
      if (which == TEXT_NOTE)
        pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, which == TEXT_QUOTE ? -3 : -2);  /* lines */
      break;
    case N_TEXTS:
    default:
      g_assert_not_reached ();
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The layout of one text, made with its font when first needed; Pango
 * follows the widget's font (its context's serial) by itself. */
static PangoLayout *
text_layout (GlossAnnotationRow *self,
             RowText             which)
{
  if (self->texts[which] == NULL)
    return NULL;
  if (self->layouts[which] == NULL)
    self->layouts[which] = new_text_layout (self, which, self->texts[which]);

  return self->layouts[which];
}

/* The size of @which laid out @width pixels wide (-1: unbounded). A
 * measure may leave the layout at another width than the allocation's:
 * the snapshot sets that again. */
static void
text_size (GlossAnnotationRow *self,
           RowText             which,
           int                 width,
           int                *out_width,
           int                *out_height)
{
  PangoLayout *layout = text_layout (self, which);

  *out_width = *out_height = 0;
  if (layout == NULL)
    return;

  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, out_width, out_height);
}

/* Lays @which out @width wide (-1: unbounded) for drawing at @x, @y
 * from the start of the first line, centred on a line @line high (0:
 * not centred); returns its size. */
static void
place_text (GlossAnnotationRow *self,
            RowText             which,
            int                 row_width,
            int                 x,
            int                 y,
            int                 width,
            int                 line,
            int                *out_width,
            int                *out_height)
{
  text_size (self, which, width, out_width, out_height);
  self->widths[which] = width;
  if (line > 0)
    y += (line - *out_height) / 2;
  if (which == TEXT_QUOTE || which == TEXT_NOTE)
    {
      pango_layout_set_alignment (self->layouts[which], is_rtl (self) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      graphene_rect_init (&self->boxes[which], 0, y, row_width, *out_height);
    }
  else
    graphene_rect_init (&self->boxes[which], is_rtl (self) ? row_width - x - *out_width : x, y,
                        *out_width, *out_height);
}

/* The font that sizes learnt from Pango hold for: its description,
 * resolution and options. */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  gulong                options;
} FontKey;

/* Whether @key is @widget's font; if not, it becomes so. */
static gboolean
font_key_holds (FontKey   *key,
                GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  gulong options_hash = options != NULL ? cairo_font_options_hash (options) : 0;

  if (key->font != NULL &&
      pango_font_description_equal (key->font, pango_context_get_font_description (context)) &&
      key->resolution == pango_cairo_context_get_resolution (context) &&
      key->options == options_hash)
    return TRUE;

  g_clear_pointer (&key->font, pango_font_description_free);
  key->font = pango_font_description_copy (pango_context_get_font_description (context));
  key->resolution = pango_cairo_context_get_resolution (context);
  key->options = options_hash;

  return FALSE;
}

/* A size worked out for the row's font, kept while the font stays: every
 * row has the same, and Pango shapes a sample text to tell. */
typedef struct
{
  FontKey key;
  int     value;
} FontSize;

/* The width of a character in the row's font, in Pango units. */
static int
char_width (GlossAnnotationRow *self)
{
  static FontSize size;
  PangoFontMetrics *metrics;
  int width;

  if (font_key_holds (&size.key, GTK_WIDGET (self)))
    return size.value;

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
               pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  return size.value = width;
}

/* The widest an identifier is shown: 14 characters of its own font
 * (caption, monospace), as for the label it used to be. */
static int
id_max_width (GlossAnnotationRow *self)
{
  static FontSize size;
  PangoLayout *sample;
  int width;

  if (font_key_holds (&size.key, GTK_WIDGET (self)))
    return size.value;

  sample = pango_layout_copy (text_layout (self, TEXT_ID));
  pango_layout_set_text (sample, "00000000000000", ID_MAX_WIDTH_CHARS);
  pango_layout_set_width (sample, -1);
  pango_layout_get_pixel_size (sample, &width, NULL);
  g_object_unref (sample);

  return size.value = width;
}

/* The widest a label's name is shown in its chip, in Pango units: 16
 * characters of its font, as GtkLabel's max-width-chars counts them. */
static int
label_max_width (GlossAnnotationRow *self)
{
  static FontSize size;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font;
  PangoFontMetrics *metrics;
  int chars;

  if (font_key_holds (&size.key, GTK_WIDGET (self)))
    return size.value;

  font = pango_font_description_copy (pango_context_get_font_description (context));
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, pango_font_description_get_size (font) * 0.78);
  else
    pango_font_description_set_size (font, pango_font_description_get_size (font) * 0.78);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  metrics = pango_context_get_metrics (context, font, NULL);
  chars = MAX (pango_font_metrics_get_approximate_char_width (metrics),
               pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  pango_font_description_free (font);

  return size.value = chars * LABEL_MAX_WIDTH_CHARS;
}

/* How the texts of one kind set in the row's font, learnt a character at
 * a time. GtkListView 4.8 measures the height of all 200 rows it keeps
 * bound, though it allocates and draws only the twenty or so near the
 * screen: after a jump in a long list it rebinds every one of them, and
 * laying out four texts for each took most of that frame. A text of
 * characters that each set alone the same as in company (no marks,
 * joining scripts or emoji sequences) is as wide as their advances,
 * kerning aside, and a line of it as tall as the tallest of their fonts:
 * the identifier, the byline and the chip keep to one line; the quote
 * and the note take as many lines as their breaks surely give (see
 * estimate_height ()). Anything else (Arabic, a flag, a break too close
 * to call) is laid out by Pango. */
typedef struct
{
  int advance;   /* in Pango units; -1: not learnt yet; -2: not alone */
  int ascent;    /* of its font, in Pango units */
  int descent;
} CharMetrics;

typedef struct
{
  FontKey               key;
  int                   empty;       /* the height of a line without text, in pixels */
  int                   ellipsis;    /* the width of "…", in Pango units */
  CharMetrics           ascii[128];
  GHashTable           *others;      /* gunichar → CharMetrics, beyond ASCII */
} TextMetrics;

static TextMetrics text_metrics[N_TEXTS];
static gboolean measure_exactly;
static int estimate_error;
static int rows_width;  /* the width the last row was allocated */

void
_gloss_annotation_row_set_measure_exactly (gboolean exactly)
{
  measure_exactly = exactly;
}

void
_gloss_annotation_row_set_estimate_error (int pixels)
{
  estimate_error = pixels;
}

static TextMetrics *
get_metrics (GlossAnnotationRow *self,
             RowText             which)
{
  TextMetrics *m = &text_metrics[which];
  g_autoptr(PangoLayout) sample = NULL;

  if (font_key_holds (&m->key, GTK_WIDGET (self)))
    return m;

  g_clear_pointer (&m->others, g_hash_table_unref);
  m->others = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint c = 0; c < G_N_ELEMENTS (m->ascii); c++)
    m->ascii[c].advance = -1;

  sample = new_text_layout (self, which, "");
  pango_layout_get_pixel_size (sample, NULL, &m->empty);
  pango_layout_set_text (sample, "…", -1);
  pango_layout_get_size (sample, &m->ellipsis, NULL);

  return m;
}

/* Whether @c sets the same alone as among other characters: no mark,
 * control, joining script, flag or skin tone. */
static gboolean
sets_alone (gunichar c)
{
  if (c == ' ')
    return TRUE;
  if (!g_unichar_isgraph (c) || g_unichar_ismark (c) ||
      (c >= 0x1F1E6 && c <= 0x1F1FF) ||  /* regional indicators, in pairs */
      (c >= 0x1F3FB && c <= 0x1F3FF))    /* skin tones, after an emoji */
    return FALSE;

  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_LATIN:
    case G_UNICODE_SCRIPT_GREEK:
    case G_UNICODE_SCRIPT_CYRILLIC:
    case G_UNICODE_SCRIPT_ARMENIAN:
    case G_UNICODE_SCRIPT_GEORGIAN:
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      return FALSE;
    }
}

/* How @c sets, alone in one run of one font; NULL if it may set
 * otherwise among others. */
static const CharMetrics *
char_metrics (GlossAnnotationRow *self,
              TextMetrics        *m,
              RowText             which,
              gunichar            c)
{
  CharMetrics *cm = c < G_N_ELEMENTS (m->ascii) ? &m->ascii[c] : g_hash_table_lookup (m->others, GUINT_TO_POINTER (c));

  if (cm == NULL)
    {
      cm = g_new (CharMetrics, 1);
      cm->advance = -1;
      g_hash_table_insert (m->others, GUINT_TO_POINTER (c), cm);
    }

  if (cm->advance == -1)
    {
      cm->advance = -2;
      if (sets_alone (c))
        {
          char utf8[8] = { 0 };
          g_autoptr(PangoLayout) layout = NULL;
          PangoLayoutLine *line;
          PangoRectangle logical;

          g_unichar_to_utf8 (c, utf8);
          layout = new_text_layout (self, which, utf8);
          line = pango_layout_get_line_readonly (layout, 0);
          if (pango_layout_get_line_count (layout) == 1 && line->runs != NULL && line->runs->next == NULL)
            {
              pango_layout_line_get_extents (line, NULL, &logical);
              cm->advance = logical.width;
              cm->ascent = -logical.y;
              cm->descent = logical.height + logical.y;
            }
        }
    }

  return cm->advance >= 0 ? cm : NULL;
}

/* How @text sets, kerning aside, from its characters: in Pango units. */
typedef struct
{
  int      width;     /* on one line */
  int      longest;   /* the widest two words and the space between, where a line can break */
  int      ascent;    /* the tallest of its fonts' */
  int      descent;
  gboolean uniform;   /* every character's font as tall */
} TextExtents;

/* FALSE if @text must be laid out to tell. */
static gboolean
text_extents (GlossAnnotationRow *self,
              TextMetrics        *m,
              RowText             which,
              const char         *text,
              TextExtents        *e)
{
  int word = 0, previous = 0;

  *e = (TextExtents) { 0, 0, 0, 0, TRUE };
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const CharMetrics *cm = char_metrics (self, m, which, c);

      if (cm == NULL)
        return FALSE;
      if (p != text && (cm->ascent != e->ascent || cm->descent != e->descent))
        e->uniform = FALSE;
      e->width += cm->advance;
      e->ascent = MAX (e->ascent, cm->ascent);
      e->descent = MAX (e->descent, cm->descent);
      /* Lines break at spaces (and elsewhere, which only helps), but not
       * at every one ("word !"): two words at a time are kept together. */
      word += cm->advance;
      e->longest = MAX (e->longest, previous + word);
      if (c == ' ')
        {
          previous = word;
          word = 0;
        }
    }

  return TRUE;
}

/* How much wider or narrower @width Pango units of text may set than
 * its characters' advances: kerning and rounding at font changes, a 64th
 * and 2 px (kerned pairs are rare enough; a row laid out taller than
 * measured is measured again with layouts). */
static int
kerning_error (int width)
{
  return width / 64 + 2 * PANGO_SCALE;
}

/* The tallest ascent and descent of @chars from @start to @end. */
static int
range_height (const CharMetrics **chars,
              int                 start,
              int                 end,
              const CharMetrics  *also)
{
  int ascent = also != NULL ? also->ascent : 0;
  int descent = also != NULL ? also->descent : 0;

  for (int i = start; i < end; i++)
    {
      ascent = MAX (ascent, chars[i]->ascent);
      descent = MAX (descent, chars[i]->descent);
    }

  return ascent + descent;
}

/* The height of @text set on lines @room Pango units wide, up to
 * @max_lines (the last one the rest of the text, shortened with an
 * ellipsis), in Pango units, when where each line breaks is sure from
 * its characters' advances: each line is as tall as the fonts of its
 * characters. -1 if unsure. */
static int
wrapped_height (GlossAnnotationRow *self,
                TextMetrics        *m,
                RowText             which,
                const char         *text,
                int                 room,
                int                 max_lines)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  int n = g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = g_new (PangoLogAttr, n + 1);
  g_autofree const CharMetrics **chars = g_new (const CharMetrics *, n);
  const CharMetrics *ellipsis = char_metrics (self, m, which, 0x2026);
  const char *p = text;
  int start = 0, height = 0;

  for (int i = 0; i < n; i++, p = g_utf8_next_char (p))
    if ((chars[i] = char_metrics (self, m, which, g_utf8_get_char (p))) == NULL)
      return -1;
  pango_get_log_attrs (text, -1, -1, pango_context_get_language (context), attrs, n + 1);

  for (int lines = 1; start < n; lines++)
    {
      int end = -1, width = 0, content = 0;

      /* The furthest break where the line surely fits (white space at
       * its end may stick out), the next one surely past its end. */
      for (int i = start; i < n; i++)
        {
          width += chars[i]->advance;
          if (!attrs[i].is_white)
            content = width;
          if (i + 1 < n && !attrs[i + 1].is_line_break)
            continue;
          if (content + kerning_error (content) <= room)
            end = i + 1;
          else if (content - kerning_error (content) > room)
            break;
          else
            return -1;
        }

      if (lines == max_lines && end < n)
        {
          /* The rest, shortened at the line's end to an ellipsis: the
           * characters kept must be as tall whichever are. */
          int fits = room - (ellipsis != NULL ? ellipsis->advance : 0);
          int surely = start, maybe = start;

          if (ellipsis == NULL || content - kerning_error (content) <= room)
            return -1;
          for (width = 0; maybe < n; maybe++)
            {
              width += chars[maybe]->advance;
              if (width - kerning_error (width) > fits)
                break;
              if (width + kerning_error (width) <= fits)
                surely = maybe + 1;
            }
          if (range_height (chars, start, surely, ellipsis) != range_height (chars, start, maybe, ellipsis))
            return -1;
          return height + range_height (chars, start, surely, ellipsis);
        }
      if (end < 0)
        return -1;  /* a word wider than the line, broken anywhere */

      height += range_height (chars, start, end, NULL);
      start = end;
    }

  return height;
}

/* The height of @which laid out @width pixels wide (-1: unbounded), from
 * its characters' sizes when the number of lines it takes is sure; -1 if
 * it must be laid out to tell. */
static int
estimate_height (GlossAnnotationRow *self,
                 RowText             which,
                 int                 width)
{
  TextMetrics *m = get_metrics (self, which);
  const char *text = self->texts[which];
  int max_lines = which == TEXT_QUOTE ? 3 : which == TEXT_NOTE ? 2 : 1;
  int room = width * PANGO_SCALE;
  int line, slack, low, high, longest, fewest, most;
  const CharMetrics *ellipsis;
  TextExtents e;

  if (text[0] == '\0')
    return m->empty;
  if (!text_extents (self, m, which, text, &e))
    return -1;

  /* The identifier and the byline keep to one line at any width. */
  line = e.ascent + e.descent;
  if (max_lines == 1 || width < 0)
    return PANGO_PIXELS_CEIL (line);

  /* The quote and the note take as many lines as their width needs: at
   * least as many as full lines hold (white space may stick out of a
   * line: a line's height, about two characters), and at most as many as
   * lines that each leave out the longest word pair. */
  slack = line;
  low = MAX (e.width - kerning_error (e.width), 0);
  high = e.width + kerning_error (e.width);
  if (high <= room)
    return PANGO_PIXELS_CEIL (line);

  longest = e.longest + kerning_error (e.longest);
  fewest = MIN ((low + room + slack - 1) / (room + slack), max_lines);
  most = longest < room ? MIN ((high + room - longest - 1) / (room - longest), max_lines) : -1;
  fewest = MAX (fewest, 1);
  ellipsis = char_metrics (self, m, which, 0x2026);

  /* Every line as tall: the count of lines is enough. A shortened last
   * line ends in an ellipsis, which may come from another font. */
  if (e.uniform && fewest == most &&
      (most < max_lines || (ellipsis != NULL && ellipsis->ascent == e.ascent && ellipsis->descent == e.descent)))
    return PANGO_PIXELS_CEIL (most * line);

  /* Else where each line breaks, if that is sure. */
  line = wrapped_height (self, m, which, text, room, max_lines);
  return line < 0 ? -1 : PANGO_PIXELS_CEIL (line);
}

/* The height of @which laid out @width pixels wide (-1: unbounded). */
static int
text_height (GlossAnnotationRow *self,
             RowText             which,
             int                 width)
{
  int w, h;

  if (self->texts[which] == NULL)
    return 0;

  if (!measure_exactly && !self->exactly && (h = estimate_height (self, which, width)) >= 0)
    {
      self->estimated = TRUE;
      return h + estimate_error;
    }

  text_size (self, which, width, &w, &h);
  return h;
}

/* The unbounded width of the identifier or the byline, kept: the layout
 * is laid out again only when it has to be shortened. */
static int
natural_width (GlossAnnotationRow *self,
               RowText             which)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  int h;

  if (self->naturals_serial != serial)
    {
      for (RowText t = 0; t < N_TEXTS; t++)
        self->naturals[t] = -1;
      self->naturals_serial = serial;
    }
  if (self->naturals[which] < 0)
    text_size (self, which, -1, &self->naturals[which], &h);

  return self->naturals[which];
}

/* The heights of verdict badges by their text, while their font and
 * theme stay: GtkLabel lays a new text out to measure it, and all the
 * badges that show one verdict are as tall. */
typedef struct
{
  FontKey     key;
  gboolean    high_contrast;
  GHashTable *heights;  /* text → height + 1 */
} BadgeHeights;

static int
badge_height (GtkLabel     *badge,
              BadgeHeights *cache)
{
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  const char *text = gtk_label_get_text (badge);
  int height;

  if (!font_key_holds (&cache->key, GTK_WIDGET (badge)) || cache->high_contrast != high_contrast)
    {
      g_clear_pointer (&cache->heights, g_hash_table_unref);
      cache->high_contrast = high_contrast;
      cache->heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  height = measure_exactly ? 0 : GPOINTER_TO_INT (g_hash_table_lookup (cache->heights, text));
  if (height > 0)
    return height - 1;

  gtk_widget_measure (GTK_WIDGET (badge), GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_hash_table_insert (cache->heights, g_strdup (text), GINT_TO_POINTER (height + 1));

  return height;
}

/* The height of the first line: the chip, the badge and the captions. */
static int
header_height (GlossAnnotationRow *self)
{
  static BadgeHeights badges;
  int height;

  height = text_height (self, TEXT_LABEL, -1) + 2 * CHIP_BORDER;
  if (gtk_widget_get_visible (GTK_WIDGET (self->verdict_badge)))
    height = MAX (height, badge_height (self->verdict_badge, &badges));
  for (RowText t = TEXT_ID; t <= TEXT_META; t++)
    height = MAX (height, text_height (self, t, -1));  /* one line at any width */

  return height;
}

/* Every part of a row ellipsizes or wraps, so a row fits any width from
 * a few characters up: its width request comes from its font alone, as
 * wide as the quote's max-width-chars at most (the widest a row asks
 * for). GtkListView 4.8 measures the width of each of the 200 rows it
 * keeps whenever its items change (a search, a filter). */
static void
gloss_annotation_row_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);
  int width, height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (char_width (self) * ROW_MIN_CHARS);
      *natural = PANGO_PIXELS_CEIL (char_width (self) * QUOTE_MAX_WIDTH_CHARS);
      return;
    }

  /* No width: GtkScrolledWindow asks so for the list's height, before it
   * asks again at the list's width. The width rows last had is that one,
   * which spares laying a quote out at a second width. */
  width = for_size >= 0 ? for_size : rows_width > 0 ? rows_width : PANGO_PIXELS_CEIL (char_width (self) * QUOTE_MAX_WIDTH_CHARS);
  self->estimated = FALSE;
  height = header_height (self);
  for (RowText t = TEXT_QUOTE; t <= TEXT_NOTE; t++)
    if (self->texts[t] != NULL)
      height += LINE_SPACING + text_height (self, t, width);

  *minimum = *natural = height;
}

/* Places a box @x from the start of the line (mirrored right to left). */
static void
place (GlossAnnotationRow *self,
       graphene_rect_t    *box,
       int                 row_width,
       int                 x,
       int                 y,
       int                 width,
       int                 height)
{
  graphene_rect_init (box, is_rtl (self) ? row_width - x - width : x, y, width, height);
}

static void
allocate_child (GtkWidget             *child,
                const graphene_rect_t *box)
{
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { box->origin.x, box->origin.y, box->size.width, box->size.height },
                            -1);
}

static gboolean
queue_resize_cb (gpointer data)
{
  gtk_widget_queue_resize (data);
  return G_SOURCE_REMOVE;
}

static void
gloss_annotation_row_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);
  enum { CHIP, BADGE, ID, META, N_PARTS };
  GtkRequestedSize sizes[N_PARTS] = { 0 };
  gboolean shown[N_PARTS];
  int line = header_height (self);
  int x = 0, y, w, h, extra = width;

  rows_width = width;

  /* The first line, shared as a GtkBox would: each part gets its minimum
   * (the badge, not ellipsized, all of it), what is left goes towards
   * their natural widths in turn, and the byline takes the rest, at
   * the end of the line. */
  shown[CHIP] = TRUE;
  shown[BADGE] = gtk_widget_get_visible (GTK_WIDGET (self->verdict_badge));
  shown[ID] = self->texts[TEXT_ID] != NULL;
  shown[META] = self->texts[TEXT_META] != NULL;
  /* The chip as its label measured: the name up to 16 characters wide,
   * down to an ellipsis. */
  sizes[CHIP].natural_size = natural_width (self, TEXT_LABEL);
  if (sizes[CHIP].natural_size * PANGO_SCALE > label_max_width (self))
    text_size (self, TEXT_LABEL, label_max_width (self) / PANGO_SCALE, &sizes[CHIP].natural_size, &h);
  sizes[CHIP].minimum_size = MIN (sizes[CHIP].natural_size, PANGO_PIXELS_CEIL (get_metrics (self, TEXT_LABEL)->ellipsis));
  sizes[CHIP].minimum_size += 2 * (CHIP_PADDING + CHIP_BORDER);
  sizes[CHIP].natural_size += 2 * (CHIP_PADDING + CHIP_BORDER);
  if (shown[BADGE])
    gtk_widget_measure (GTK_WIDGET (self->verdict_badge), GTK_ORIENTATION_HORIZONTAL, -1,
                        &sizes[BADGE].minimum_size, &sizes[BADGE].natural_size, NULL, NULL);
  for (int part = ID; part <= META; part++)
    if (shown[part])
      {
        RowText t = part == ID ? TEXT_ID : TEXT_META;

        sizes[part].natural_size = natural_width (self, t);
        if (measure_exactly || self->exactly)
          text_size (self, t, 0, &sizes[part].minimum_size, &h);  /* just the ellipsis */
        else
          sizes[part].minimum_size = MIN (sizes[part].natural_size,
                                          PANGO_PIXELS_CEIL (get_metrics (self, t)->ellipsis));
        if (part == ID)
          sizes[part].natural_size = MIN (sizes[part].natural_size, id_max_width (self));
        sizes[part].natural_size = MAX (sizes[part].natural_size, sizes[part].minimum_size);
      }
  for (int part = 0; part < N_PARTS; part++)
    if (shown[part])
      extra -= sizes[part].minimum_size + (part > 0 ? HEADER_SPACING : 0);
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), N_PARTS, sizes);

  for (int part = 0; part < N_PARTS; part++)
    {
      graphene_rect_t box;

      if (!shown[part])
        continue;
      w = sizes[part].minimum_size;
      if (part == CHIP)
        {
          /* As tall as the line, its name centred in it (as a label,
           * at the start of its padding). */
          int inner = w - 2 * (CHIP_PADDING + CHIP_BORDER);

          place (self, &self->chip_box, width, x, 0, w, line);
          text_size (self, TEXT_LABEL, inner < natural_width (self, TEXT_LABEL) ? inner : -1, &w, &h);
          self->widths[TEXT_LABEL] = inner < natural_width (self, TEXT_LABEL) ? inner : -1;
          graphene_rect_init (&self->boxes[TEXT_LABEL],
                              self->chip_box.origin.x + CHIP_PADDING + CHIP_BORDER + (is_rtl (self) ? inner - w : 0),
                              CHIP_BORDER + floor ((line - 2 * CHIP_BORDER - h) * 0.5), w, h);
          w = self->chip_box.size.width;
        }
      else if (part == META)
        {
          /* At the end of the line: placed once its width is known. */
          w += extra;
          place_text (self, TEXT_META, width, 0, 0, w < natural_width (self, TEXT_META) ? w : -1, line, &w, &h);
          self->boxes[TEXT_META].origin.x = is_rtl (self) ? 0 : width - w;
        }
      else if (part == ID)
        place_text (self, TEXT_ID, width, x, 0, w < natural_width (self, TEXT_ID) ? w : -1, line, &w, &h);
      else
        {
          /* As tall as the line, as in a box. */
          place (self, &box, width, x, 0, w, line);
          allocate_child (GTK_WIDGET (self->verdict_badge), &box);
        }
      x += w + HEADER_SPACING;
    }

  /* The quote and the note below, as wide as the row. */
  y = line;
  for (RowText t = TEXT_QUOTE; t <= TEXT_NOTE; t++)
    if (self->texts[t] != NULL)
      {
        y += LINE_SPACING;
        place_text (self, t, width, 0, y, width, 0, &w, &h);
        y += h;
      }

  /* Laid out, the texts are taller than measured: measure this row with
   * layouts from now on. */
  if (self->estimated && !self->exactly && y > height)
    {
      g_debug ("A row's height was estimated %d px short", y - height);
      self->exactly = TRUE;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, queue_resize_cb, g_object_ref (self), g_object_unref);
    }
}

static void
gloss_annotation_row_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);
  GdkRGBA color, dim;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* As .dim-label, by colour: an opacity would be a group of its own to
   * draw, for every row below one added or removed. High contrast dims
   * less. */
  dim = color;
  dim.alpha *= adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) ? 0.9 : 0.55;

  /* The chip, as .label-chip with the label's colour class drew it. */
  {
    GskRoundedRect outline;
    GdkRGBA fill = self->chip_rgb, border = self->chip_rgb;

    fill.alpha = 0.2;
    border.alpha = 0.55;
    gsk_rounded_rect_init_from_rect (&outline, &self->chip_box, CHIP_RADIUS);
    gtk_snapshot_push_rounded_clip (snapshot, &outline);
    gtk_snapshot_append_color (snapshot, &fill, &self->chip_box);
    gtk_snapshot_pop (snapshot);
    gtk_snapshot_append_border (snapshot, &outline,
                                (float[4]) { CHIP_BORDER, CHIP_BORDER, CHIP_BORDER, CHIP_BORDER },
                                (GdkRGBA[4]) { border, border, border, border });
  }
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->verdict_badge), snapshot);

  for (RowText t = 0; t < N_TEXTS; t++)
    {
      if (self->layouts[t] == NULL || self->texts[t] == NULL)
        continue;

      pango_layout_set_width (self->layouts[t], self->widths[t] < 0 ? -1 : self->widths[t] * PANGO_SCALE);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &self->boxes[t].origin);
      gtk_snapshot_append_layout (snapshot, self->layouts[t], t == TEXT_QUOTE || t == TEXT_LABEL ? &color : &dim);
      gtk_snapshot_restore (snapshot);
    }
}

/* The author's name as the byline's tooltip, asked for when shown:
 * gtk_widget_set_tooltip_text () on every bind made GTK query the pointer
 * (an X server round trip) for each of the ~200 rows GtkListView rebinds
 * when the list jumps. */
static gboolean
gloss_annotation_row_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);
  const char *author = self->annotation != NULL ? gloss_annotation_get_author (self->annotation) : NULL;

  if (author == NULL || author[0] == '\0' || self->texts[TEXT_META] == NULL ||
      (!keyboard_mode && !graphene_rect_contains_point (&self->boxes[TEXT_META], &GRAPHENE_POINT_INIT (x, y))))
    return GTK_WIDGET_CLASS (gloss_annotation_row_parent_class)->query_tooltip (widget, x, y, keyboard_mode, tooltip);

  gtk_tooltip_set_text (tooltip, author);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { self->boxes[TEXT_META].origin.x, self->boxes[TEXT_META].origin.y,
                                                        self->boxes[TEXT_META].size.width, self->boxes[TEXT_META].size.height });
  return TRUE;
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  g_clear_object (&self->annotation);
  if (self->verdict_badge != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->verdict_badge));
  self->verdict_badge = NULL;
  for (RowText t = 0; t < N_TEXTS; t++)
    {
      g_clear_pointer (&self->texts[t], g_free);
      g_clear_object (&self->layouts[t]);
    }
  g_clear_pointer (&self->verdict_class, g_free);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static GtkSizeRequestMode
gloss_annotation_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;
  widget_class->measure = gloss_annotation_row_measure;
  widget_class->size_allocate = gloss_annotation_row_size_allocate;
  widget_class->snapshot = gloss_annotation_row_snapshot;
  widget_class->get_request_mode = gloss_annotation_row_get_request_mode;
  widget_class->query_tooltip = gloss_annotation_row_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "annotationrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkLabel *
add_badge (GlossAnnotationRow *self,
           const char         *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return GTK_LABEL (label);
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  /* Built here rather than from a template: a search makes up to 200
   * rows at once, and GtkBuilder took a tenth of it. */
  self->verdict_badge = add_badge (self, "verdict-badge");
  for (RowText t = 0; t < N_TEXTS; t++)
    self->naturals[t] = -1;
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_badge), FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* High contrast dims less (see the snapshot): no CSS change says so. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gloss_annotation_row_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_ROW, NULL);
}

GlossAnnotation *
gloss_annotation_row_get_annotation (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);

  return self->annotation;
}

/* The text named @part ("label", "id", "meta", "quote" or "note"). */
static RowText
part_text (const char *part)
{
  static const char * const names[N_TEXTS] = { "label", "id", "meta", "quote", "note" };

  for (RowText t = 0; t < N_TEXTS; t++)
    if (g_strcmp0 (names[t], part) == 0)
      return t;

  return N_TEXTS;
}

/**
 * gloss_annotation_row_get_text:
 * @part: "label", "id", "meta", "quote" or "note"
 *
 * Returns: (nullable): the text the row shows there, if any
 */
const char *
gloss_annotation_row_get_text (GlossAnnotationRow *self,
                               const char         *part)
{
  RowText t = part_text (part);

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);
  g_return_val_if_fail (t < N_TEXTS, NULL);

  return self->texts[t];
}

/**
 * gloss_annotation_row_get_part_bounds:
 * @part: "label" (the chip), "id", "meta", "quote" or "note"
 * @bounds: (out): where the row draws it, in its own coordinates
 *
 * Returns: whether the row shows that part
 */
gboolean
gloss_annotation_row_get_part_bounds (GlossAnnotationRow *self,
                                      const char         *part,
                                      graphene_rect_t    *bounds)
{
  RowText t = part_text (part);

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), FALSE);
  g_return_val_if_fail (t < N_TEXTS, FALSE);

  if (self->texts[t] == NULL)
    return FALSE;
  *bounds = t == TEXT_LABEL ? self->chip_box : self->boxes[t];

  return TRUE;
}

/* Takes @text (NULL or empty: nothing) for @which; a change asks for a
 * new size. */
static gboolean
set_text (GlossAnnotationRow *self,
          RowText             which,
          char               *text)
{
  /* The quote and the chip keep their lines even when empty, as their
   * labels did. */
  if ((which == TEXT_QUOTE || which == TEXT_LABEL) && text == NULL)
    text = g_strdup ("");
  else if (which != TEXT_QUOTE && which != TEXT_LABEL && text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);

  if (g_strcmp0 (text, self->texts[which]) == 0)
    {
      g_free (text);
      return FALSE;
    }

  g_free (self->texts[which]);
  self->texts[which] = text;
  self->naturals[which] = -1;
  if (self->layouts[which] != NULL && text != NULL)
    pango_layout_set_text (self->layouts[which], text, -1);
  else if (text == NULL)
    g_clear_object (&self->layouts[which]);

  return TRUE;
}

void
gloss_annotation_row_set_annotation (GlossAnnotationRow *self,
                                     GlossAnnotation    *annotation,
                                     GlossLabel         *label)
{
  g_autofree char *when = NULL;
  GdkRGBA chip_rgb = { 0.5, 0.5, 0.5, 1 };
  const char *author;
  const char *kb_id;
  char *meta;
  gboolean changed = FALSE;

  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  /* GTK 4.8 binds a row again whenever its position or selection changes,
   * as for every row below one added or removed: the same annotation (an
   * edit makes a new one) in the same colour has nothing to update. */
  if (label != NULL)
    {
      double r, g, b;

      gloss_label_get_rgb (label, &r, &g, &b);
      chip_rgb = (GdkRGBA) { r, g, b, 1 };
    }
  if (annotation != NULL && annotation == self->annotation && gdk_rgba_equal (&chip_rgb, &self->chip_rgb))
    return;

  g_set_object (&self->annotation, annotation);

  if (annotation == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  if (!gdk_rgba_equal (&chip_rgb, &self->chip_rgb))
    {
      self->chip_rgb = chip_rgb;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  changed |= set_text (self, TEXT_LABEL, g_strdup (gloss_annotation_get_label (annotation)));

  /* A claim's verdict as a badge, coloured by how true it is. */
  {
    const GlossVerdict *verdict = gloss_verdict_lookup (gloss_claim_get_verdict (annotation));
    g_autofree char *verdict_class = verdict ? g_strdup_printf ("verdict-%s", verdict->id) : NULL;

    if (g_strcmp0 (verdict_class, self->verdict_class) != 0)
      {
        if (self->verdict_class != NULL)
          gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_badge), self->verdict_class);
        g_free (self->verdict_class);
        self->verdict_class = g_steal_pointer (&verdict_class);
        if (self->verdict_class != NULL)
          gtk_widget_add_css_class (GTK_WIDGET (self->verdict_badge), self->verdict_class);
      }
    gtk_label_set_text (self->verdict_badge, verdict ? _(verdict->name) : "");
    gtk_widget_set_visible (GTK_WIDGET (self->verdict_badge), verdict != NULL);
  }

  /* An entity's identifier, so that the list shows which mentions still
   * lack one: a Wikidata item by its id, any other URI as it is. */
  kb_id = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_KB_ID);
  if (kb_id != NULL && (g_str_has_prefix (kb_id, "http://www.wikidata.org/") ||
                        g_str_has_prefix (kb_id, "https://www.wikidata.org/")))
    kb_id = strrchr (kb_id, '/') + 1;
  changed |= set_text (self, TEXT_ID, g_strdup (kb_id));

  changed |= set_text (self, TEXT_QUOTE, gloss_text_ellipsize (gloss_annotation_get_quote (annotation), QUOTE_MAX_CHARS));
  changed |= set_text (self, TEXT_NOTE, gloss_text_ellipsize (gloss_annotation_get_note (annotation), NOTE_MAX_CHARS));

  author = gloss_annotation_get_author (annotation);
  when = gloss_format_timestamp (gloss_annotation_get_modified (annotation) != NULL ?
                                 gloss_annotation_get_modified (annotation) :
                                 gloss_annotation_get_created (annotation));
  if (author != NULL && author[0] != '\0' && when != NULL)
    /* Translators: annotation author and time, e.g. "Ada · 14:05" */
    meta = g_strdup_printf (_("%s · %s"), author, when);
  else if (author != NULL && author[0] != '\0')
    meta = g_strdup (author);
  else
    meta = g_strdup (when);
  changed |= set_text (self, TEXT_META, meta);

  if (changed)
    {
      self->exactly = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }

  /* What a screen reader says for the row, whose drawn texts are no
   * labels (the badge is, and speaks for itself): the quote and the
   * note, then the label, the identifier and the byline. */
  {
    const char *quote = self->texts[TEXT_QUOTE];
    const char *note = self->texts[TEXT_NOTE];
    g_autofree char *name = note == NULL ? g_strdup (quote) : quote[0] == '\0' ? g_strdup (note) :
                            g_strconcat (quote, ". ", note, NULL);
    GString *description = g_string_new (self->texts[TEXT_LABEL]);

    for (RowText t = TEXT_ID; t <= TEXT_META; t++)
      if (self->texts[t] != NULL)
        g_string_append_printf (description, " · %s", self->texts[t]);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                    -1);
    g_string_free (description, TRUE);
  }
}
