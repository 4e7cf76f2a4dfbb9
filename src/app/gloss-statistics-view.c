/* gloss-statistics-view.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-statistics-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-claim.h"
#include "gloss-statistics.h"
#include "gloss-statistics-view.h"

#define ROW_HEIGHT     26
#define BAR_HEIGHT     14
#define SECTION_GAP    22
#define NAME_WIDTH     130
#define COUNT_WIDTH    56
#define PADDING        18

struct _GlossStatisticsView
{
  GtkWidget        parent_instance;
  GlossDocument   *document;
  GlossStatistics *stats;
  gulong           changed_id;
};

G_DEFINE_FINAL_TYPE (GlossStatisticsView, gloss_statistics_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *title;
  GArray     *rows;   /* GlossCount */
} Section;

static const char * const kind_titles[] = { N_("Highlights"), N_("Entities"), N_("Claims") };
static const char * const kind_colors[] = { "#f5c211", "#0072b2", "#7b3fbf" };

static void
document_changed_cb (GlossStatisticsView *self)
{
  g_clear_pointer (&self->stats, gloss_statistics_free);
  if (self->document != NULL)
    self->stats = gloss_statistics_compute (self->document);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GArray *
kind_rows (GlossStatistics *stats)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (GlossCount));

  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      GlossCount c = { (char *) _(kind_titles[k]), (char *) kind_colors[k], stats->by_kind[k] };
      g_array_append_val (rows, c);
    }

  return rows;
}

static GArray *
verdict_rows (GlossStatistics *stats)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (GlossCount));
  static const char * const verdict_colors[] = {
    "#2ec27e", "#8ff0a4", "#f6d32d", "#ffa348", "#e01b24", "#9a9996", "#c0bfbc", "#deddda",
  };

  for (guint i = 0; i < stats->by_verdict->len; i++)
    {
      GlossCount *src = &g_array_index (stats->by_verdict, GlossCount, i);
      const GlossVerdict *v = gloss_verdict_lookup (src->name);
      GlossCount c;

      /* Only files from other tools have verdicts off the scale. */
      if (v == NULL && src->count == 0)
        continue;

      /* Translators: claims whose verdict is not on Gloss's scale (from another tool) */
      c.name = (char *) (v ? _(v->name) : _("Other verdict"));
      c.color = (char *) verdict_colors[MIN (i, G_N_ELEMENTS (verdict_colors) - 1)];
      c.count = src->count;
      g_array_append_val (rows, c);
    }

  return rows;
}

static int
section_height (GArray *rows)
{
  return ROW_HEIGHT + rows->len * ROW_HEIGHT;
}

static void
gloss_statistics_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  GlossStatisticsView *self = GLOSS_STATISTICS_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_WIDTH + COUNT_WIDTH + 120 + 2 * PADDING;
      *natural = *minimum + 200;
    }
  else
    {
      int h = 2 * PADDING;

      if (self->stats != NULL)
        {
          g_autoptr(GArray) kinds = kind_rows (self->stats);
          g_autoptr(GArray) verdicts = verdict_rows (self->stats);

          h += ROW_HEIGHT; /* total line */
          h += section_height (kinds) + SECTION_GAP;
          h += section_height (self->stats->by_label) + SECTION_GAP;
          h += section_height (verdicts);
        }

      *minimum = *natural = h;
    }
}

static void
draw_text (GtkSnapshot  *snapshot,
           GtkWidget    *widget,
           const char   *text,
           float         x,
           float         y,
           float         width,
           gboolean      bold,
           gboolean      right,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  int lw, lh;

  if (bold)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);
      pango_layout_set_markup (layout, markup, -1);
    }
  else
    pango_layout_set_text (layout, text, -1);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &lw, &lh);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (right ? x + width - lw : x, y + (ROW_HEIGHT - lh) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static float
draw_section (GtkSnapshot   *snapshot,
              GtkWidget     *widget,
              const char    *title,
              GArray        *rows,
              float          y,
              float          width,
              const GdkRGBA *fg)
{
  GdkRGBA dim = *fg;
  guint max = 1;
  float bar_x = PADDING + NAME_WIDTH;
  float bar_w = width - bar_x - COUNT_WIDTH - PADDING;

  dim.alpha *= 0.1f;

  draw_text (snapshot, widget, title, PADDING, y, width - 2 * PADDING, TRUE, FALSE, fg);
  y += ROW_HEIGHT;

  for (guint i = 0; i < rows->len; i++)
    max = MAX (max, g_array_index (rows, GlossCount, i).count);

  for (guint i = 0; i < rows->len; i++)
    {
      GlossCount *c = &g_array_index (rows, GlossCount, i);
      g_autofree char *count = g_strdup_printf ("%u", c->count);
      GdkRGBA color;
      GskRoundedRect track, bar;
      float len = c->count == 0 ? 0 : MAX (4.0f, bar_w * c->count / (float) max);

      if (c->color == NULL || !gdk_rgba_parse (&color, c->color))
        color = *fg;

      draw_text (snapshot, widget, c->name, PADDING, y, NAME_WIDTH - 10, FALSE, FALSE, fg);

      gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (bar_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f, bar_w, BAR_HEIGHT), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &track);
      gtk_snapshot_append_color (snapshot, &dim, &track.bounds);
      gtk_snapshot_pop (snapshot);

      if (len > 0)
        {
          gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (bar_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f, len, BAR_HEIGHT), 4);
          gtk_snapshot_push_rounded_clip (snapshot, &bar);
          gtk_snapshot_append_color (snapshot, &color, &bar.bounds);
          gtk_snapshot_pop (snapshot);
        }

      draw_text (snapshot, widget, count, bar_x + bar_w, y, COUNT_WIDTH, FALSE, TRUE, fg);
      y += ROW_HEIGHT;
    }

  return y;
}

static void
gloss_statistics_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  GlossStatisticsView *self = GLOSS_STATISTICS_VIEW (widget);
  float width = gtk_widget_get_width (widget);
  g_autoptr(GArray) kinds = NULL;
  g_autoptr(GArray) verdicts = NULL;
  g_autofree char *total = NULL;
  g_autofree char *n_annotations = NULL;
  g_autofree char *n_relations = NULL;
  GdkRGBA fg;
  float y = PADDING;

  if (self->stats == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  /* Each count has its own plural form. */
  n_annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                                self->stats->total), self->stats->total);
  n_relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                              self->stats->n_relations), self->stats->n_relations);
  /* Translators: the annotations and relations counted, as in
   * "30 annotations, 5 relations". */
  total = g_strdup_printf (C_("statistics total", "%s, %s"), n_annotations, n_relations);
  draw_text (snapshot, widget, total, PADDING, y, width - 2 * PADDING, FALSE, FALSE, &fg);
  y += ROW_HEIGHT;

  kinds = kind_rows (self->stats);
  y = draw_section (snapshot, widget, _("By kind"), kinds, y, width, &fg) + SECTION_GAP;
  y = draw_section (snapshot, widget, _("By label"), self->stats->by_label, y, width, &fg) + SECTION_GAP;
  verdicts = verdict_rows (self->stats);
  draw_section (snapshot, widget, _("Claims by verdict"), verdicts, y, width, &fg);
}

static void
gloss_statistics_view_dispose (GObject *object)
{
  GlossStatisticsView *self = (GlossStatisticsView *)object;

  gloss_statistics_view_set_document (self, NULL);

  G_OBJECT_CLASS (gloss_statistics_view_parent_class)->dispose (object);
}

static void
gloss_statistics_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossStatisticsView *self = GLOSS_STATISTICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_statistics_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossStatisticsView *self = GLOSS_STATISTICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gloss_statistics_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_statistics_view_class_init (GlossStatisticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_statistics_view_dispose;
  object_class->get_property = gloss_statistics_view_get_property;
  object_class->set_property = gloss_statistics_view_set_property;

  widget_class->measure = gloss_statistics_view_measure;
  widget_class->snapshot = gloss_statistics_view_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "statisticsview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gloss_statistics_view_init (GlossStatisticsView *self)
{
}

GtkWidget *
gloss_statistics_view_new (void)
{
  return g_object_new (GLOSS_TYPE_STATISTICS_VIEW, NULL);
}

GlossDocument *
gloss_statistics_view_get_document (GlossStatisticsView *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_VIEW (self), NULL);

  return self->document;
}

void
gloss_statistics_view_set_document (GlossStatisticsView *self,
                                    GlossDocument       *document)
{
  g_return_if_fail (GLOSS_IS_STATISTICS_VIEW (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect_object (document, "changed",
                                                G_CALLBACK (document_changed_cb), self,
                                                G_CONNECT_SWAPPED);

  document_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
