/* gloss-annotation-row.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-claim.h"

#define QUOTE_MAX_CHARS 120
#define NOTE_MAX_CHARS  140

struct _GlossAnnotationRow
{
  GtkWidget        parent_instance;

  GlossAnnotation *annotation;
  char            *chip_class;

  GtkLabel        *chip;
  GtkLabel        *meta_label;
  GtkLabel        *verdict_badge;
  GtkLabel        *id_label;
  char            *verdict_class;
  GtkLabel        *quote_label;
  GtkLabel        *note_label;

  GtkLayoutManager *layout;  /* lays the children out, not attached */
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

/* The author's name as the meta line's tooltip, asked for when shown:
 * gtk_widget_set_tooltip_text () on every bind made GTK query the pointer
 * (an X server round trip) for each of the ~200 rows GtkListView rebinds
 * when the list jumps. */
static gboolean
meta_query_tooltip_cb (GtkWidget          *widget,
                       int                 x,
                       int                 y,
                       gboolean            keyboard_mode,
                       GtkTooltip         *tooltip,
                       GlossAnnotationRow *self)
{
  const char *author = self->annotation != NULL ? gloss_annotation_get_author (self->annotation) : NULL;

  if (author == NULL || author[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, author);
  return TRUE;
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->annotation);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->verdict_class, g_free);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

/* Every part of a row ellipsizes or wraps, so a row fits any width from
 * a few characters up: its width request comes from its font alone, as
 * wide as the quote's max-width-chars at most (the widest a row asks
 * for). GtkListView 4.8 measures the width of each of the 200 rows it
 * keeps whenever its items change (a search, a filter), which for the
 * wrapping quote alone meant two more text layouts per row. */
#define ROW_MIN_CHARS 20  /* a chip, a verdict badge (not ellipsized) and a byline */

/* The width of a character in the quote's font: Pango shapes a sample
 * text to tell, so it is kept for the font (every row has the same). */
static int
quote_char_width (GlossAnnotationRow *self)
{
  static PangoFontDescription *font;
  static double resolution;
  static int width;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->quote_label));
  const PangoFontDescription *wanted = pango_context_get_font_description (context);
  PangoFontMetrics *metrics;

  if (font != NULL && pango_font_description_equal (font, wanted) &&
      resolution == pango_cairo_context_get_resolution (context))
    return width;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
               pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  g_clear_pointer (&font, pango_font_description_free);
  font = pango_font_description_copy (wanted);
  resolution = pango_cairo_context_get_resolution (context);

  return width;
}

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

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = quote_char_width (self);

      *minimum = PANGO_PIXELS_CEIL (char_width * ROW_MIN_CHARS);
      *natural = PANGO_PIXELS_CEIL (char_width * MAX (gtk_label_get_max_width_chars (self->quote_label), ROW_MIN_CHARS));
      return;
    }

  gtk_layout_manager_measure (self->layout, widget, orientation, for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
gloss_annotation_row_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);

  gtk_layout_manager_allocate (self->layout, widget, width, height, baseline);
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
  widget_class->get_request_mode = gloss_annotation_row_get_request_mode;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, chip);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, verdict_badge);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, note_label);
  gtk_widget_class_set_css_name (widget_class, "annotationrow");
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  self->layout = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (self->layout), 4);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->meta_label), TRUE);
  g_signal_connect_object (self->meta_label, "query-tooltip",
                           G_CALLBACK (meta_query_tooltip_cb), self, 0);
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

void
gloss_annotation_row_set_annotation (GlossAnnotationRow *self,
                                     GlossAnnotation    *annotation,
                                     GlossLabel         *label)
{
  g_autofree char *quote = NULL;
  g_autofree char *note = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  const char *chip_class;
  const char *author;

  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  /* GTK 4.8 binds a row again whenever its position or selection changes,
   * as for every row below one added or removed: the same annotation (an
   * edit makes a new one) in the same colour has nothing to update. */
  if (annotation != NULL && annotation == self->annotation &&
      gloss_label_css_class (label) == self->chip_class)
    return;

  g_set_object (&self->annotation, annotation);

  if (annotation == NULL)
    {
      if (self->chip_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->chip), self->chip_class);
      self->chip_class = NULL;
      return;
    }

  /* The same class again would still restyle the chip. */
  chip_class = gloss_label_css_class (label);
  if (chip_class != self->chip_class)
    {
      if (self->chip_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->chip), self->chip_class);
      self->chip_class = (char *) chip_class;
      gtk_widget_add_css_class (GTK_WIDGET (self->chip), self->chip_class);
    }
  gtk_label_set_text (self->chip, gloss_annotation_get_label (annotation));

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
  {
    const char *kb_id = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_KB_ID);
    const char *shown = kb_id;

    if (kb_id != NULL && (g_str_has_prefix (kb_id, "http://www.wikidata.org/") ||
                          g_str_has_prefix (kb_id, "https://www.wikidata.org/")))
      shown = strrchr (kb_id, '/') + 1;
    gtk_label_set_text (self->id_label, shown != NULL ? shown : "");
    gtk_widget_set_visible (GTK_WIDGET (self->id_label), shown != NULL && shown[0] != '\0');
  }

  quote = gloss_text_ellipsize (gloss_annotation_get_quote (annotation), QUOTE_MAX_CHARS);
  gtk_label_set_text (self->quote_label, quote);

  note = gloss_text_ellipsize (gloss_annotation_get_note (annotation), NOTE_MAX_CHARS);
  gtk_label_set_text (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && note[0] != '\0');

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

  gtk_label_set_text (self->meta_label, meta);
}
