/* gloss-list-scroller.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why: whenever a row changes, GTK re-measures the whole window for its
 * minimum and default size, twice per frame on X11, and GtkScrolledWindow
 * measures its content's height each time even though its own height
 * request does not depend on it (it does not propagate it and can
 * scroll). For a GtkListView that is a pass over every row it holds. */

#define G_LOG_DOMAIN "gloss-list-scroller"

#include "config.h"

#include "gloss-list-scroller.h"

#define MIN_HEIGHT 96

struct _GlossListScroller
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gloss_list_scroller_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossListScroller, gloss_list_scroller, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, gloss_list_scroller_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* Whether @child's height request can be told without its content's. */
static gboolean
height_ignores_content (GtkWidget *child)
{
  GtkScrolledWindow *scrolled;
  GtkPolicyType hpolicy, vpolicy;

  if (!GTK_IS_SCROLLED_WINDOW (child))
    return FALSE;

  scrolled = GTK_SCROLLED_WINDOW (child);
  gtk_scrolled_window_get_policy (scrolled, &hpolicy, &vpolicy);

  return hpolicy == GTK_POLICY_NEVER &&
         (vpolicy == GTK_POLICY_AUTOMATIC || vpolicy == GTK_POLICY_ALWAYS) &&
         !gtk_scrolled_window_get_propagate_natural_height (scrolled) &&
         gtk_scrolled_window_get_min_content_height (scrolled) < 0 &&
         gtk_scrolled_window_get_overlay_scrolling (scrolled);
}

static void
gloss_list_scroller_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GlossListScroller *self = GLOSS_LIST_SCROLLER (widget);

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  if (orientation == GTK_ORIENTATION_VERTICAL && height_ignores_content (self->child))
    {
      GtkWidget *vscrollbar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (self->child));

      /* GtkScrolledWindow asks for its scrollbar's height (overlaid: not
       * the other one's), plus its CSS box, which the minimum here leaves
       * ample room for; a list is no use any shorter anyway. */
      gtk_widget_measure (vscrollbar, GTK_ORIENTATION_VERTICAL, -1, minimum, natural, NULL, NULL);
      *minimum = MAX (*minimum, MIN_HEIGHT) +
                 gtk_widget_get_margin_top (self->child) + gtk_widget_get_margin_bottom (self->child);
      *natural = *minimum;
      return;
    }

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
gloss_list_scroller_get_request_mode (GtkWidget *widget)
{
  GlossListScroller *self = GLOSS_LIST_SCROLLER (widget);

  return self->child != NULL ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
gloss_list_scroller_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  GlossListScroller *self = GLOSS_LIST_SCROLLER (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
gloss_list_scroller_compute_expand (GtkWidget *widget,
                                    gboolean  *hexpand,
                                    gboolean  *vexpand)
{
  GlossListScroller *self = GLOSS_LIST_SCROLLER (widget);

  *hexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_VERTICAL);
}

static void
gloss_list_scroller_dispose (GObject *object)
{
  GlossListScroller *self = GLOSS_LIST_SCROLLER (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (gloss_list_scroller_parent_class)->dispose (object);
}

static void
gloss_list_scroller_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossListScroller *self = GLOSS_LIST_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_list_scroller_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossListScroller *self = GLOSS_LIST_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      gloss_list_scroller_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_list_scroller_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  if (GTK_IS_WIDGET (child) && type == NULL)
    gloss_list_scroller_set_child (GLOSS_LIST_SCROLLER (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
gloss_list_scroller_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = gloss_list_scroller_add_child;
}

static void
gloss_list_scroller_class_init (GlossListScrollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_list_scroller_dispose;
  object_class->get_property = gloss_list_scroller_get_property;
  object_class->set_property = gloss_list_scroller_set_property;
  widget_class->measure = gloss_list_scroller_measure;
  widget_class->size_allocate = gloss_list_scroller_size_allocate;
  widget_class->get_request_mode = gloss_list_scroller_get_request_mode;
  widget_class->compute_expand = gloss_list_scroller_compute_expand;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_list_scroller_init (GlossListScroller *self)
{
}

GtkWidget *
gloss_list_scroller_new (void)
{
  return g_object_new (GLOSS_TYPE_LIST_SCROLLER, NULL);
}

GtkWidget *
gloss_list_scroller_get_child (GlossListScroller *self)
{
  g_return_val_if_fail (GLOSS_IS_LIST_SCROLLER (self), NULL);

  return self->child;
}

void
gloss_list_scroller_set_child (GlossListScroller *self,
                               GtkWidget         *child)
{
  g_return_if_fail (GLOSS_IS_LIST_SCROLLER (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
