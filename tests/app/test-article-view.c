/* test-article-view.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <dlfcn.h>
#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gloss-article-view.h"
#include "gloss-label-palette.h"
#include "gloss-occurrences.h"

#define TEXT \
  "Hello 👋 world! The Prime Minister of the 🇬🇧 United Kingdom met Angela Merkel " \
  "in Berlin on Tuesday, and both said the talks were “constructive”.\n" \
  "\n" \
  "Officials claimed that trade between the two countries grew by 12 % last year, " \
  "the fastest rise since 2010 😮, although independent economists dispute the figure " \
  "and say the real number is closer to 4 %.\n" \
  "\n" \
  "Критики говорят, что встреча была в основном символической. 会谈持续了两个小时。\n"

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *view;
  GlossDocument *document;
  GPtrArray     *tagged;
  GPtrArray     *activated;
} Fixture;

static guint
offset_of (const char *needle)
{
  const char *p = strstr (TEXT, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (TEXT, p);
}

static guint
end_of (const char *needle)
{
  return offset_of (needle) + g_utf8_strlen (needle, -1);
}

static GlossAnnotation *
annotate (GlossDocument *document,
          const char    *label,
          const char    *quote)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *a;

  a = gloss_document_annotate (document, label, offset_of (quote), end_of (quote), &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static void
flush_events (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
tag_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->tagged, g_variant_dup_string (parameter, NULL));
}

static void
annotation_activated_cb (GlossArticleView *view,
                         GlossAnnotation  *annotation,
                         Fixture          *fixture)
{
  g_ptr_array_add (fixture->activated, g_object_ref (annotation));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) tag = g_simple_action_new ("tag", G_VARIANT_TYPE_STRING);
  GtkWidget *scroller;

  fixture->tagged = g_ptr_array_new_with_free_func (g_free);
  fixture->activated = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->document = gloss_document_new (TEXT, -1);
  gloss_document_set_title (fixture->document, "Leaders meet in Berlin for trade talks");
  gloss_document_set_byline (fixture->document, "By Jane Doe");
  gloss_document_set_published (fixture->document, "2024-05-01");

  gloss_document_begin_edit (fixture->document, "test");
  annotate (fixture->document, "GPE", "the 🇬🇧 United Kingdom");
  annotate (fixture->document, "LOC", "United Kingdom");
  annotate (fixture->document, "PERSON", "Prime Minister of the 🇬🇧 United Kingdom");
  annotate (fixture->document, "PERSON", "Angela Merkel");
  annotate (fixture->document, "GPE", "Berlin");
  annotate (fixture->document, "DATE", "Tuesday");
  annotate (fixture->document, "Yellow", "the talks were “constructive”");
  annotate (fixture->document, "Claim",
            "trade between the two countries grew by 12 % last year, "
            "the fastest rise since 2010");
  annotate (fixture->document, "QUANTITY", "12 %");
  annotate (fixture->document, "DATE", "last year");
  annotate (fixture->document, "Pink", "independent economists dispute the figure");
  annotate (fixture->document, "GPE", "会谈");
  annotate (fixture->document, "Green", "closer to 4 %.\n\nКритики говорят");
  gloss_document_end_edit (fixture->document);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 820, 640);
  g_signal_connect (tag, "activate", G_CALLBACK (tag_activated_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (tag));
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));

  scroller = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);

  fixture->view = gloss_article_view_new ();
  g_signal_connect (fixture->view, "annotation-activated",
                    G_CALLBACK (annotation_activated_cb), fixture);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), fixture->view);
  gloss_article_view_set_document (GLOSS_ARTICLE_VIEW (fixture->view), fixture->document);

  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);
  flush_events ();
}

static void
wait_ms (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Let scroll animations finish: GTK 4.8 criticals when a window is
   * destroyed while a GtkAdjustment animation is running. */
  wait_ms (400);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  flush_events ();
  g_assert_finalize_object (fixture->document);
  g_ptr_array_unref (fixture->tagged);
  g_ptr_array_unref (fixture->activated);
}

static char *
buffer_selection (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter s, e;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return NULL;

  return gtk_text_buffer_get_text (buffer, &s, &e, TRUE);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), name) == 0)
        return c;
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
press_key (GtkWidget       *view,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = find_controller (view, "gloss-article-view-keys");
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static void
test_offsets (Fixture       *fixture,
              gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  guint start = 0, end = 0, length = g_utf8_strlen (TEXT, -1);
  g_autofree char *all = NULL;
  g_autofree char *selected = NULL;
  GtkTextIter s, e;

  g_assert_true (gloss_article_view_get_document (view) == fixture->document);

  /* The buffer is the header, then the text verbatim. */
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  all = gtk_text_buffer_get_text (buffer, &s, &e, TRUE);
  g_assert_true (g_str_has_prefix (all, "Leaders meet in Berlin for trade talks\n"));
  g_assert_nonnull (strstr (all, "By Jane Doe"));
  g_assert_true (g_str_has_suffix (all, "\n\n" TEXT));

  /* Nothing selected yet. */
  g_assert_false (gloss_article_view_get_selection (view, &start, &end));

  /* After an emoji: "world" follows 👋 (one code point, two UTF-16 units). */
  gloss_article_view_select_range (view, offset_of ("world"), end_of ("world"));
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, offset_of ("world"));
  g_assert_cmpuint (end, ==, end_of ("world"));
  selected = buffer_selection (fixture->view);
  g_assert_cmpstr (selected, ==, "world");
  g_clear_pointer (&selected, g_free);

  /* After a flag (two code points) and non-Latin text. */
  gloss_article_view_select_range (view, offset_of ("会谈"), end_of ("会谈"));
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, offset_of ("会谈"));
  selected = buffer_selection (fixture->view);
  g_assert_cmpstr (selected, ==, "会谈");
  g_clear_pointer (&selected, g_free);

  /* The whole body, and clamping past the end. */
  gloss_article_view_select_range (view, 0, G_MAXUINT);
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, length);

  /* A selection inside the header is not taggable. */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 2);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 8);
  gtk_text_buffer_select_range (buffer, &s, &e);
  g_assert_false (gloss_article_view_get_selection (view, &start, &end));

  /* One that starts in the header is clipped to the body. */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 2);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, g_utf8_strlen (all, -1) - length + 5);
  gtk_text_buffer_select_range (buffer, &s, &e);
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 5);

  /* Ctrl+A selects the body only; Escape clears the selection. */
  gtk_text_buffer_place_cursor (buffer, &s);
  g_assert_true (press_key (fixture->view, GDK_KEY_a, GDK_CONTROL_MASK));
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, length);
  g_assert_true (press_key (fixture->view, GDK_KEY_Escape, 0));
  g_assert_false (gloss_article_view_get_selection (view, NULL, NULL));
  g_assert_false (press_key (fixture->view, GDK_KEY_Escape, 0));

  /* The header follows the metadata; offsets stay document offsets. */
  gloss_article_view_select_range (view, offset_of ("Berlin"), end_of ("Berlin"));
  gloss_document_set_title (fixture->document, NULL);
  gloss_document_set_byline (fixture->document, NULL);
  gloss_document_set_published (fixture->document, NULL);
  g_clear_pointer (&all, g_free);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  all = gtk_text_buffer_get_text (buffer, &s, &e, TRUE);
  g_assert_cmpstr (all, ==, TEXT);
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, offset_of ("Berlin"));
  g_assert_cmpuint (end, ==, end_of ("Berlin"));
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  GlossLabelSet *labels = gloss_document_get_labels (fixture->document);
  g_autoptr(GlossLabel) custom = gloss_label_new ("Quote", GLOSS_LABEL_KIND_HIGHLIGHT, "#3584e4", "u");
  g_autoptr(GError) error = NULL;

  /* A label's own key (case-insensitive), then digits for the first nine. */
  g_assert_true (press_key (fixture->view, GDK_KEY_p, 0));
  g_assert_true (press_key (fixture->view, GDK_KEY_O, GDK_SHIFT_MASK));
  g_assert_true (press_key (fixture->view, GDK_KEY_3, 0));
  g_assert_true (press_key (fixture->view, GDK_KEY_c, 0));

  /* Modifiers and unknown keys go through untouched. */
  g_assert_false (press_key (fixture->view, GDK_KEY_p, GDK_CONTROL_MASK));
  g_assert_false (press_key (fixture->view, GDK_KEY_p, GDK_ALT_MASK));
  g_assert_false (press_key (fixture->view, GDK_KEY_z, 0));
  g_assert_false (press_key (fixture->view, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_false (press_key (fixture->view, GDK_KEY_space, 0));

  /* New labels work at once. */
  g_assert_true (gloss_document_add_label (fixture->document, custom, &error));
  g_assert_no_error (error);
  g_assert_true (press_key (fixture->view, GDK_KEY_u, 0));

  g_assert_cmpuint (fixture->tagged->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 0), ==, "PERSON");
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 1), ==, "ORG");
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 2), ==,
                   gloss_label_get_name (gloss_label_set_get_label (labels, 2)));
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 3), ==, "Claim");
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 4), ==, "Quote");
}

static GdkTexture *render (GtkWidget *widget);
static void save_png (GdkTexture *texture, const char *dir, const char *name);

static GtkWidget *
find_palette (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GLOSS_IS_LABEL_PALETTE (child))
      return child;

  return NULL;
}

static void
test_palette (Fixture       *fixture,
              gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  GtkWidget *palette = find_palette (fixture->view);
  GtkEventController *keys;
  gboolean handled = FALSE;

  g_assert_nonnull (palette);
  g_assert_true (gloss_label_palette_get_labels (GLOSS_LABEL_PALETTE (palette)) ==
                 G_LIST_MODEL (gloss_document_get_labels (fixture->document)));

  /* No selection: nothing to tag, no palette. */
  gloss_article_view_popup_palette (view);
  g_assert_false (gtk_widget_get_visible (palette));

  gloss_article_view_select_range (view, offset_of ("Merkel"), end_of ("Merkel"));
  gloss_article_view_popup_palette (view);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (palette));

  if (g_getenv ("GLOSS_TEST_SNAPSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = render (palette);

      save_png (texture, g_getenv ("GLOSS_TEST_SNAPSHOT_DIR"), "palette.png");
    }

  /* Typing a label key in the palette tags and closes it. */
  keys = find_controller (palette, "gloss-label-palette-keys");
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_e, 0, 0, &handled);
  g_assert_true (handled);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (palette));
  g_assert_cmpuint (fixture->tagged->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 0), ==, "EVENT");

  /* It does not take the keyboard: the view keeps handling label keys,
   * and the palette closes when the selection changes (Escape here). */
  gloss_article_view_popup_palette (view);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (palette));
  g_assert_false (gtk_popover_get_autohide (GTK_POPOVER (palette)));
  g_assert_true (press_key (fixture->view, GDK_KEY_g, 0));
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 1), ==, "GPE");
  g_assert_true (press_key (fixture->view, GDK_KEY_Escape, 0));
  flush_events ();
  g_assert_false (gtk_widget_get_visible (palette));

  gloss_article_view_select_range (view, offset_of ("Berlin"), end_of ("Berlin"));
  gloss_article_view_popup_palette (view);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (palette));
  gloss_article_view_select_range (view, offset_of ("Angela"), end_of ("Angela"));
  flush_events ();
  g_assert_false (gtk_widget_get_visible (palette));
}

/* Widget coordinates of the middle of the character at document offset
 * @offset. */
static void
char_point (GtkWidget *view,
            guint      offset,
            double    *x,
            double    *y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  int body = gtk_text_buffer_get_char_count (buffer) - g_utf8_strlen (TEXT, -1);
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, body + offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2,
                                         &wx, &wy);
  *x = wx;
  *y = wy;
}

static gboolean
query_tooltip (GtkWidget *view,
               double     x,
               double     y)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (view, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);

  return shown;
}

static void
test_hit (Fixture       *fixture,
          gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  g_autoptr(GPtrArray) under = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GlossAnnotation *a;
  double x, y;

  /* "United" is in LOC ⊂ GPE ⊂ PERSON. */
  char_point (fixture->view, offset_of ("United") + 2, &x, &y);
  under = gloss_article_view_annotations_at (view, x, y);
  g_assert_cmpuint (under->len, ==, 3);
  g_assert_cmpstr (gloss_annotation_get_label (g_ptr_array_index (under, 0)), ==, "LOC");
  g_assert_cmpstr (gloss_annotation_get_label (g_ptr_array_index (under, 1)), ==, "GPE");
  g_assert_cmpstr (gloss_annotation_get_label (g_ptr_array_index (under, 2)), ==, "PERSON");

  g_assert_true (query_tooltip (fixture->view, x, y));
  g_assert_true (gloss_article_view_activate_at (view, x, y));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  a = g_ptr_array_index (fixture->activated, 0);
  g_assert_cmpstr (gloss_annotation_get_label (a), ==, "LOC");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, offset_of ("United Kingdom"));

  /* Clicking again cycles outwards, following the selected annotation. */
  gloss_article_view_set_selected_annotation (view, a);
  g_assert_true (gloss_article_view_get_selected_annotation (view) == a);
  g_assert_true (gloss_article_view_activate_at (view, x, y));
  g_assert_cmpstr (gloss_annotation_get_label (g_ptr_array_index (fixture->activated, 1)), ==, "GPE");
  gloss_article_view_set_selected_annotation (view, g_ptr_array_index (fixture->activated, 1));
  g_assert_true (gloss_article_view_activate_at (view, x, y));
  g_assert_cmpstr (gloss_annotation_get_label (g_ptr_array_index (fixture->activated, 2)), ==, "PERSON");
  gloss_article_view_set_selected_annotation (view, g_ptr_array_index (fixture->activated, 2));
  g_assert_true (gloss_article_view_activate_at (view, x, y));
  g_assert_cmpstr (gloss_annotation_get_label (g_ptr_array_index (fixture->activated, 3)), ==, "LOC");

  /* "Prime" is only in PERSON; "Hello" in nothing; the margin is not text. */
  char_point (fixture->view, offset_of ("Prime"), &x, &y);
  gloss_article_view_set_selected_annotation (view, NULL);
  g_clear_pointer (&under, g_ptr_array_unref);
  under = gloss_article_view_annotations_at (view, x, y);
  g_assert_cmpuint (under->len, ==, 1);

  char_point (fixture->view, offset_of ("Hello"), &x, &y);
  g_assert_false (gloss_article_view_activate_at (view, x, y));
  g_assert_false (query_tooltip (fixture->view, x, y));
  none = gloss_article_view_annotations_at (view, 3, y);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (fixture->activated->len, ==, 4);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  int w, h;

  /* A widget waiting for a new layout (another font size) draws nothing
   * until its next frame. */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      gtk_widget_queue_draw (widget);
      gtk_test_widget_wait_for_draw (widget);
      flush_events ();

      w = gtk_widget_get_width (widget);
      h = gtk_widget_get_height (widget);
      g_clear_object (&paintable);
      paintable = gtk_widget_paintable_new (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static guchar *
pixels (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture);
  int h = gdk_texture_get_height (texture);
  guchar *data = g_malloc (w * h * 4);

  gdk_texture_download (texture, data, w * 4);
  return data;
}

static void
save_png (GdkTexture *texture,
          const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  const char *keep = g_getenv ("GLOSS_TEST_SNAPSHOT_DIR");
  g_autofree char *tmp = NULL;
  g_autoptr(GdkTexture) annotated = NULL;
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  GlossAnnotationStore *store = gloss_document_get_annotations (fixture->document);
  GlossAnnotation *selected = NULL;
  double tx, ty, hx, hy;
  guint diff_text = 0, diff_title = 0;
  int w, h;
  const char *ids[2] = { NULL, NULL };

  tmp = g_dir_make_tmp ("gloss-article-view-XXXXXX", NULL);
  g_assert_nonnull (tmp);

  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *ann = gloss_annotation_store_get (store, i);

      if (g_str_equal (gloss_annotation_get_label (ann), "Pink"))
        selected = ann;
      if (g_str_equal (gloss_annotation_get_label (ann), "DATE"))
        ids[0] = gloss_annotation_get_id (ann);
    }
  gloss_article_view_set_selected_annotation (view, selected);
  gloss_article_view_set_linked_ids (view, ids);

  annotated = render (fixture->view);
  save_png (annotated, keep != NULL ? keep : tmp, "view.png");

  /* Without annotations, only the annotated spans change. */
  gloss_article_view_set_selected_annotation (view, NULL);
  gloss_article_view_set_linked_ids (view, NULL);
  g_assert_true (gloss_document_undo (fixture->document));
  g_assert_cmpuint (gloss_annotation_store_get_n_items (store), ==, 0);
  plain = render (fixture->view);

  w = gdk_texture_get_width (annotated);
  h = gdk_texture_get_height (annotated);
  g_assert_cmpint (w, ==, gdk_texture_get_width (plain));
  a = pixels (annotated);
  b = pixels (plain);

  char_point (fixture->view, 0, &hx, &hy);       /* first body line */
  char_point (fixture->view, offset_of ("Tuesday") + 3, &tx, &ty);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        gsize i = ((gsize) y * w + x) * 4;

        if (memcmp (a + i, b + i, 4) == 0)
          continue;

        if (y < hy - 30)
          diff_title++;
        if (fabs (y - ty) < 20 && fabs (x - tx) < 30)
          diff_text++;
      }

  g_assert_cmpuint (diff_title, ==, 0);
  g_assert_cmpuint (diff_text, >, 100);

  /* Dark style, for looking at. */
  g_assert_true (gloss_document_redo (fixture->document));
  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *ann = gloss_annotation_store_get (store, i);

      if (g_str_equal (gloss_annotation_get_label (ann), "Claim"))
        gloss_article_view_set_selected_annotation (view, ann);
      if (g_str_equal (gloss_annotation_get_label (ann), "PERSON"))
        ids[0] = gloss_annotation_get_id (ann);
    }
  gloss_article_view_set_linked_ids (view, ids);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_article_view_set_serif (view, FALSE);
  gloss_article_view_set_font_size (view, 12);
  g_assert_false (gloss_article_view_get_serif (view));
  g_assert_cmpint (gloss_article_view_get_font_size (view), ==, 12);
  dark = render (fixture->view);
  save_png (dark, keep != NULL ? keep : tmp, "view-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  if (keep == NULL)
    {
      g_autofree char *p1 = g_build_filename (tmp, "view.png", NULL);
      g_autofree char *p2 = g_build_filename (tmp, "view-dark.png", NULL);

      g_unlink (p1);
      g_unlink (p2);
      g_rmdir (tmp);
    }
}

/* Whether two pixels differ visibly: a line's highlights drawn as one
 * group (see flush_lines in the view) blend in another order and may
 * round a channel one level differently. */
static gboolean
pixel_differs (const guchar *a,
               const guchar *b)
{
  for (guint c = 0; c < 4; c++)
    if (ABS ((int) a[c] - (int) b[c]) > 2)
      return TRUE;

  return FALSE;
}

static guint
count_differences (GdkTexture *a,
                   GdkTexture *b)
{
  g_autofree guchar *pa = pixels (a);
  g_autofree guchar *pb = pixels (b);
  gsize n = (gsize) gdk_texture_get_width (a) * gdk_texture_get_height (a);
  guint count = 0;

  g_assert_cmpint (gdk_texture_get_width (a), ==, gdk_texture_get_width (b));
  g_assert_cmpint (gdk_texture_get_height (a), ==, gdk_texture_get_height (b));

  for (gsize i = 0; i < n; i++)
    if (pixel_differs (pa + i * 4, pb + i * 4))
      count++;

  return count;
}

static void
test_flash (Fixture       *fixture,
            gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  GlossAnnotationStore *store = gloss_document_get_annotations (fixture->document);
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) during = NULL;
  g_autoptr(GdkTexture) after = NULL;
  GlossAnnotation *last;

  /* The last annotation (会谈) is on screen already: no scrolling. */
  last = gloss_annotation_store_get (store, gloss_annotation_store_get_n_items (store) - 1);
  g_assert_cmpuint (gloss_annotation_get_start (last), ==, offset_of ("会谈"));
  before = render (fixture->view);

  gloss_article_view_scroll_to_annotation (view, last, TRUE);
  wait_ms (250);
  during = render (fixture->view);
  if (g_getenv ("GLOSS_TEST_SNAPSHOT_DIR") != NULL)
    save_png (during, g_getenv ("GLOSS_TEST_SNAPSHOT_DIR"), "flash.png");

  /* The pulse ends by itself. */
  wait_ms (1500);
  after = render (fixture->view);

  /* (A blinking cursor may account for a few pixels.) */
  g_assert_cmpuint (count_differences (before, during), >, 200);
  g_assert_cmpuint (count_differences (before, after), <, 60);
}

static void
preview_activated_cb (GlossArticleView *view,
                      guint             index,
                      GArray           *indices)
{
  g_array_append_val (indices, index);
}

static void
add_occurrence (GArray     *occurrences,
                const char *needle,
                gboolean    selected)
{
  GlossOccurrence o = { 0 };

  o.start = offset_of (needle);
  o.end = end_of (needle);
  o.selected = selected;
  g_array_append_val (occurrences, o);
}

/* Pixels that differ within a box around the middle of @needle. */
static guint
differences_near (GtkWidget  *view,
                  GdkTexture *a,
                  GdkTexture *b,
                  const char *needle)
{
  g_autofree guchar *pa = pixels (a);
  g_autofree guchar *pb = pixels (b);
  int w = gdk_texture_get_width (a);
  int h = gdk_texture_get_height (a);
  guint middle = (offset_of (needle) + end_of (needle)) / 2;
  guint count = 0;
  double cx, cy;

  char_point (view, middle, &cx, &cy);
  for (int y = MAX (0, (int) cy - 14); y < MIN (h, (int) cy + 14); y++)
    for (int x = MAX (0, (int) cx - 40); x < MIN (w, (int) cx + 40); x++)
      {
        gsize i = ((gsize) y * w + x) * 4;

        if (pixel_differs (pa + i, pb + i))
          count++;
      }

  return count;
}

/* The tag-all dialog's matches: selected ones filled, others underlined;
 * a click on one is a preview activation, not an annotation's. */
static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  g_autoptr(GArray) occurrences = g_array_new (FALSE, TRUE, sizeof (GlossOccurrence));
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) shown = NULL;
  g_autoptr(GdkTexture) toggled = NULL;
  g_autoptr(GdkTexture) cleared = NULL;
  guint current = 0;
  double x, y;

  g_signal_connect (view, "preview-activated", G_CALLBACK (preview_activated_cb), indices);
  add_occurrence (occurrences, "Hello", TRUE);
  add_occurrence (occurrences, "trade", TRUE);
  add_occurrence (occurrences, "figure", FALSE);

  before = render (fixture->view);
  gloss_article_view_set_preview (view, occurrences, 1);
  g_assert_true (gloss_article_view_get_preview (view, &current) == occurrences);
  g_assert_cmpuint (current, ==, 1);
  shown = render (fixture->view);
  if (g_getenv ("GLOSS_TEST_SNAPSHOT_DIR") != NULL)
    save_png (shown, g_getenv ("GLOSS_TEST_SNAPSHOT_DIR"), "preview.png");

  /* Every match is marked, an unselected one more lightly. */
  g_assert_cmpuint (differences_near (fixture->view, before, shown, "Hello"), >, 150);
  g_assert_cmpuint (differences_near (fixture->view, before, shown, "trade"), >, 150);
  g_assert_cmpuint (differences_near (fixture->view, before, shown, "figure"), >, 20);
  g_assert_cmpuint (differences_near (fixture->view, before, shown, "figure"), <,
                    differences_near (fixture->view, before, shown, "Hello"));
  g_assert_cmpuint (differences_near (fixture->view, before, shown, "Berlin"), ==, 0);

  /* The view reads the shared selection at every frame. */
  g_array_index (occurrences, GlossOccurrence, 0).selected = FALSE;
  gloss_article_view_set_preview (view, occurrences, 1);
  toggled = render (fixture->view);
  g_assert_cmpuint (differences_near (fixture->view, shown, toggled, "Hello"), >, 100);

  /* A click on a match activates it; next to it, the annotations as usual. */
  char_point (fixture->view, offset_of ("figure") + 2, &x, &y);
  g_assert_true (gloss_article_view_activate_at (view, x, y));
  g_assert_cmpuint (indices->len, ==, 1);
  g_assert_cmpuint (g_array_index (indices, guint, 0), ==, 2);
  g_assert_cmpuint (fixture->activated->len, ==, 0);
  char_point (fixture->view, offset_of ("Berlin") + 2, &x, &y);
  g_assert_true (gloss_article_view_activate_at (view, x, y));
  g_assert_cmpuint (indices->len, ==, 1);
  g_assert_cmpuint (fixture->activated->len, ==, 1);

  /* Cleared, or with another document: nothing left of it. */
  gloss_article_view_set_preview (view, NULL, G_MAXUINT);
  g_assert_null (gloss_article_view_get_preview (view, &current));
  g_assert_cmpuint (current, ==, G_MAXUINT);
  cleared = render (fixture->view);
  g_assert_cmpuint (count_differences (before, cleared), <, 60);

  gloss_article_view_set_preview (view, occurrences, 0);
  gloss_article_view_set_document (view, NULL);
  g_assert_null (gloss_article_view_get_preview (view, NULL));
}

/* Review mode: their annotations are drawn as thin brackets above the
 * text, where ours are not. */
static void
test_secondary (Fixture       *fixture,
                gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  g_autoptr(GlossDocument) theirs = gloss_document_new (TEXT, -1);
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;

  annotate (theirs, "PERSON", "Hello");
  before = render (fixture->view);
  gloss_article_view_set_secondary_document (view, theirs);
  after = render (fixture->view);

  g_assert_cmpuint (differences_near (fixture->view, before, after, "Hello"), >, 20);
  g_assert_cmpuint (differences_near (fixture->view, before, after, "Berlin"), ==, 0);
  gloss_article_view_set_secondary_document (view, NULL);
}

/* Character locations are kept between frames: after the text moves
 * (another font size), the highlights move with it. */
static void
test_relayout (Fixture       *fixture,
               gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  int sizes[] = { 13, 19, 11 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GdkTexture) annotated = NULL;
      g_autoptr(GdkTexture) plain = NULL;

      gloss_article_view_set_font_size (view, sizes[i]);
      annotated = render (fixture->view);
      g_assert_true (gloss_document_undo (fixture->document));
      plain = render (fixture->view);
      g_assert_true (gloss_document_redo (fixture->document));
      g_test_message ("font size %d", sizes[i]);
      if (g_getenv ("GLOSS_TEST_SNAPSHOT_DIR") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("relayout-%d.png", sizes[i]);

          save_png (annotated, g_getenv ("GLOSS_TEST_SNAPSHOT_DIR"), name);
        }

      g_assert_cmpuint (differences_near (fixture->view, annotated, plain, "Tuesday"), >, 100);
      g_assert_cmpuint (differences_near (fixture->view, annotated, plain, "economists"), >, 100);
      g_assert_cmpuint (differences_near (fixture->view, annotated, plain, "Hello"), ==, 0);
    }
}

/* Far more annotations on screen than the view draws per frame, nested
 * deeper than there are lanes: the frame is capped, not slow, and sane. */
static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  g_autoptr(GlossDocument) document = gloss_document_new (TEXT, -1);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint length = g_utf8_strlen (TEXT, -1);
  gint64 start;

  for (guint i = 0; i < 20000; i++)
    {
      guint s = g_rand_int_range (rand, 0, length - 1);
      guint e = MIN (length, s + g_rand_int_range (rand, 1, 40));
      GlossAnnotation *a = gloss_annotation_new (i % 3 == 0 ? "Claim" : i % 3 == 1 ? "PERSON" : "Yellow", s, e);
      g_autofree char *id = g_strdup_printf ("a%u", i);

      gloss_annotation_set_id (a, id);
      g_ptr_array_add (annotations, a);
    }
  gloss_document_load_content (document, annotations, NULL);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (document)), ==, 20000);

  gloss_article_view_set_document (view, document);
  start = g_get_monotonic_time ();
  texture = render (fixture->view);
  g_test_message ("Rendered 20000 annotations (5000 drawn) in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_nonnull (texture);

  gloss_article_view_set_document (view, NULL);
  g_assert_null (gloss_article_view_get_document (view));
  g_assert_false (gloss_article_view_get_selection (view, NULL, NULL));
}

#ifdef GDK_WINDOWING_X11
/* Real pointer input through the XTEST extension (Xvfb has it), loaded at
 * run time so that the build needs nothing more than GTK. */
typedef struct
{
  Display *display;
  int    (*fake_motion) (Display *, int, int, int, unsigned long);
  int    (*fake_button) (Display *, unsigned int, int, unsigned long);
  int    (*translate) (Display *, Window, Window, int, int, int *, int *, Window *);
  int    (*flush) (Display *);
  Window (*root) (Display *);
} Pointer;

static gboolean
pointer_init (Pointer *pointer)
{
  GdkDisplay *display = gdk_display_get_default ();
  void *xtst;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;

  xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);
  if (xtst == NULL)
    return FALSE;

  pointer->display = gdk_x11_display_get_xdisplay (display);
  pointer->fake_motion = (gpointer) dlsym (xtst, "XTestFakeMotionEvent");
  pointer->fake_button = (gpointer) dlsym (xtst, "XTestFakeButtonEvent");
  pointer->translate = (gpointer) dlsym (RTLD_DEFAULT, "XTranslateCoordinates");
  pointer->flush = (gpointer) dlsym (RTLD_DEFAULT, "XFlush");
  pointer->root = (gpointer) dlsym (RTLD_DEFAULT, "XDefaultRootWindow");

  return pointer->fake_motion != NULL && pointer->fake_button != NULL &&
         pointer->translate != NULL && pointer->flush != NULL && pointer->root != NULL;
}

static void
pointer_move (Pointer   *pointer,
              GtkWidget *widget,
              double     x,
              double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double nx, ny;
  Window child;
  int rx, ry;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &nx, &ny);
  pointer->translate (pointer->display,
                      gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                      pointer->root (pointer->display),
                      (int) (point.x + nx), (int) (point.y + ny), &rx, &ry, &child);
  pointer->fake_motion (pointer->display, -1, rx, ry, 0);
  pointer->flush (pointer->display);
  wait_ms (60);
}

static void
pointer_button (Pointer  *pointer,
                gboolean  down)
{
  pointer->fake_button (pointer->display, 1, down, 0);
  pointer->flush (pointer->display);
  wait_ms (60);
}

#define WAIT_FOR(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 3 * G_TIME_SPAN_SECOND; \
    while (!(condition) && g_get_monotonic_time () < deadline_) \
      g_main_context_iteration (NULL, FALSE); \
  } G_STMT_END

static GtkWidget *
first_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}
#endif

/* The whole path with real pointer events: a click on a span activates
 * the innermost annotation, a drag selects and opens the palette, a click
 * on a palette button tags. */
static void
test_pointer (Fixture       *fixture,
              gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  GtkWidget *palette = find_palette (fixture->view);
  GtkWidget *button;
  Pointer pointer;
  double x, y, x2, y2;
  guint start = 0, end = 0;

  if (!pointer_init (&pointer))
    {
      g_test_skip ("Needs X11 with the XTEST extension");
      return;
    }

  char_point (fixture->view, offset_of ("United") + 2, &x, &y);
  pointer_move (&pointer, fixture->view, x, y);
  pointer_button (&pointer, TRUE);
  pointer_button (&pointer, FALSE);
  WAIT_FOR (fixture->activated->len > 0);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (gloss_annotation_get_label (g_ptr_array_index (fixture->activated, 0)), ==, "LOC");
  g_assert_false (gtk_widget_get_visible (palette));

  char_point (fixture->view, offset_of ("Angela"), &x, &y);
  char_point (fixture->view, end_of ("Merkel") - 1, &x2, &y2);
  pointer_move (&pointer, fixture->view, x - 3, y);
  pointer_button (&pointer, TRUE);
  pointer_move (&pointer, fixture->view, (x + x2) / 2, y);
  pointer_move (&pointer, fixture->view, x2 + 3, y2);
  pointer_button (&pointer, FALSE);
  WAIT_FOR (gtk_widget_get_visible (palette));
  g_assert_true (gtk_widget_get_visible (palette));
  g_assert_true (gloss_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, offset_of ("Angela"));
  g_assert_cmpuint (end, ==, end_of ("Merkel"));
  g_assert_cmpuint (fixture->activated->len, ==, 1);

  button = first_button (palette);
  g_assert_nonnull (button);

  /* The popover surface is mapped and placed asynchronously; on a busy
   * machine the first click can land before it is. Click again (up to
   * three times) until it lands, waiting for the button to be mapped. */
  for (guint attempt = 0; attempt < 3 && fixture->tagged->len == 0; attempt++)
    {
      WAIT_FOR (gtk_widget_get_mapped (button) && gtk_widget_get_width (button) > 0);
      wait_ms (200 + attempt * 300);
      pointer_move (&pointer, button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0);
      pointer_button (&pointer, TRUE);
      pointer_button (&pointer, FALSE);
      WAIT_FOR (fixture->tagged->len > 0);
    }
  g_assert_cmpuint (fixture->tagged->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->tagged, 0), ==, "PERSON");
  WAIT_FOR (!gtk_widget_get_visible (palette));
  g_assert_false (gtk_widget_get_visible (palette));
#else
  g_test_skip ("Needs X11");
#endif
}

#ifdef GDK_WINDOWING_X11
/* Drags from the middle of character @from to the middle of @to, waits
 * for the palette (the release handled) and returns the selection; the
 * palette is closed and the selection cleared again. */
static void
drag_select (Fixture *fixture,
             Pointer *pointer,
             guint    from,
             guint    to,
             guint   *start,
             guint   *end,
             gboolean *backwards)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *palette = find_palette (fixture->view);
  GtkTextIter insert, s, e;
  double x, y, x2, y2;

  char_point (fixture->view, from, &x, &y);
  char_point (fixture->view, to, &x2, &y2);
  pointer_move (pointer, fixture->view, x, y);
  pointer_button (pointer, TRUE);
  pointer_move (pointer, fixture->view, (x + x2) / 2, (y + y2) / 2);
  pointer_move (pointer, fixture->view, x2, y2);
  pointer_button (pointer, FALSE);
  WAIT_FOR (gtk_widget_get_visible (palette));

  g_assert_true (gloss_article_view_get_selection (view, start, end));
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_selection_bounds (buffer, &s, &e);
  *backwards = gtk_text_iter_equal (&insert, &s);

  gloss_article_view_hide_palette (view);
  gloss_article_view_select_range (view, 0, 0);
}
#endif

/* A drag grows to the edges of the words it starts and ends in, in any
 * script and across emoji; with the setting off it stays as made. */
static void
test_snap_words (Fixture       *fixture,
                 gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  Pointer pointer;
  guint start = 0, end = 0;
  gboolean backwards;

  if (!pointer_init (&pointer))
    {
      g_test_skip ("Needs X11 with the XTEST extension");
      return;
    }

  g_assert_true (gloss_article_view_get_snap_to_words (view));

  /* A release without a drag (a Shift+click extending a selection made
   * with the keyboard) leaves the selection as made. (First, before any
   * real pointer events that GtkTextView may still be handling.) */
  {
    double x, y;

    gloss_article_view_select_range (view, offset_of ("rime"), offset_of ("ted Kingdom"));
    char_point (fixture->view, offset_of ("ted Kingdom"), &x, &y);
    _gloss_article_view_click (view, x, y);
    WAIT_FOR (gtk_widget_get_visible (find_palette (fixture->view)));
    g_assert_true (gloss_article_view_get_selection (view, &start, &end));
    g_assert_cmpuint (start, ==, offset_of ("rime"));
    g_assert_cmpuint (end, ==, offset_of ("ted Kingdom"));
    gloss_article_view_hide_palette (view);
    gloss_article_view_select_range (view, 0, 0);
  }

  /* char_point () aims at the middle of a character, so a drag from
   * the "r" of "Prime" to the "t" of "United" ends next to the "t". */
  drag_select (fixture, &pointer, offset_of ("rime"), offset_of ("ted Kingdom"), &start, &end, &backwards);
  g_assert_cmpuint (start, ==, offset_of ("Prime"));
  g_assert_cmpuint (end, ==, end_of ("United"));
  g_assert_false (backwards);

  /* Backwards, in Cyrillic: the direction is kept. */
  drag_select (fixture, &pointer, offset_of ("ворят"), offset_of ("итики"), &start, &end, &backwards);
  g_assert_cmpuint (start, ==, offset_of ("Критики"));
  g_assert_cmpuint (end, ==, end_of ("говорят"));
  g_assert_true (backwards);

  /* An end between words stays: on the "!" after "world", the
   * selection does not run on into "The". */
  drag_select (fixture, &pointer, offset_of ("orld!"), offset_of ("! The"), &start, &end, &backwards);
  g_assert_cmpuint (start, ==, offset_of ("world"));
  g_assert_true (end == end_of ("world") || end == end_of ("world!"));

  /* Off: exactly what was dragged over (the middle of a character is
   * either side of it). */
  gloss_article_view_set_snap_to_words (view, FALSE);
  drag_select (fixture, &pointer, offset_of ("rime"), offset_of ("ted Kingdom"), &start, &end, &backwards);
  g_assert_cmpuint (start, >=, offset_of ("rime"));
  g_assert_cmpuint (start, <=, offset_of ("ime"));
  g_assert_cmpuint (end, >=, offset_of ("ted Kingdom"));
  g_assert_cmpuint (end, <=, offset_of ("ed Kingdom"));
#else
  g_test_skip ("Needs X11");
#endif
}

/* The color and cairo nodes in @node's tree: highlights are color nodes,
 * and a display line whose highlights changed in place is one cairo node. */
static void
collect_nodes (GskRenderNode *node,
               GPtrArray     *found)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
    case GSK_CAIRO_NODE:
      g_ptr_array_add (found, node);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_nodes (gsk_container_node_get_child (node, i), found);
      break;
    case GSK_TRANSFORM_NODE:
      collect_nodes (gsk_transform_node_get_child (node), found);
      break;
    case GSK_CLIP_NODE:
      collect_nodes (gsk_clip_node_get_child (node), found);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_nodes (gsk_rounded_clip_node_get_child (node), found);
      break;
    case GSK_OPACITY_NODE:
      collect_nodes (gsk_opacity_node_get_child (node), found);
      break;
    case GSK_DEBUG_NODE:
      collect_nodes (gsk_debug_node_get_child (node), found);
      break;
    default:
      break;
    }
}

static GskRenderNode *
snapshot_view (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;

  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  flush_events ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  return gtk_snapshot_free_to_node (snapshot);
}

static guint
count_kept (GPtrArray *before,
            GPtrArray *after)
{
  guint kept = 0;

  for (guint i = 0; i < after->len; i++)
    if (g_ptr_array_find (before, after->pdata[i], NULL))
      kept++;

  return kept;
}

/* A redraw hands GTK the very nodes of the last frame for every display
 * line whose highlights did not change, and a line changed in place as
 * one node: GTK then repaints a rectangle per changed line instead of
 * giving up on a frame with many small changes and repainting the whole
 * window. */
static void
test_line_nodes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GskRenderNode) before = NULL;
  g_autoptr(GskRenderNode) same = NULL;
  g_autoptr(GskRenderNode) after = NULL;
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) same_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  guint kept;

  before = snapshot_view (fixture->view);
  collect_nodes (before, old_nodes);
  g_assert_cmpuint (old_nodes->len, >=, 10);

  /* Nothing changed: every highlight is the same node (the view's own
   * background is drawn anew). */
  same = snapshot_view (fixture->view);
  collect_nodes (same, same_nodes);
  g_assert_cmpuint (same_nodes->len, ==, old_nodes->len);
  g_assert_cmpuint (count_kept (old_nodes, same_nodes), >=, old_nodes->len - 2);

  /* A new annotation on one display line leaves the others alone, and
   * that line is drawn anew. */
  annotate (fixture->document, "ORG", "Officials");
  after = snapshot_view (fixture->view);
  collect_nodes (after, new_nodes);
  kept = count_kept (same_nodes, new_nodes);
  g_assert_cmpuint (kept, >=, old_nodes->len / 2);
  g_assert_cmpuint (kept, <, new_nodes->len);
}

/* Until GtkTextView has laid out all of @view's text (the scroll range
 * stops growing) and the view is idle. */
static void
wait_laid_out (GtkWidget *view)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  for (double upper = -1; upper != gtk_adjustment_get_upper (vadjustment);)
    {
      upper = gtk_adjustment_get_upper (vadjustment);
      gtk_widget_queue_draw (view);
      gtk_test_widget_wait_for_draw (view);
      flush_events ();
    }
}

/* Shows @copies of TEXT in @view, with a nine-character annotation every
 * @step characters (labelled @even_label and @odd_label in turn), once
 * GtkTextView has laid it all out. */
static GlossDocument *
show_long_document (Fixture    *fixture,
                    guint       copies,
                    guint       step,
                    const char *even_label,
                    const char *odd_label)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  GlossDocument *document;
  guint length;

  for (guint i = 0; i < copies; i++)
    g_string_append (text, TEXT);
  length = g_utf8_strlen (text->str, -1);
  for (guint s = 0, i = 0; s + 9 < length; s += step, i++)
    {
      GlossAnnotation *a = gloss_annotation_new (i % 2 ? odd_label : even_label, s, s + 9);
      g_autofree char *id = g_strdup_printf ("a%u", i);

      gloss_annotation_set_id (a, id);
      g_ptr_array_add (annotations, a);
    }
  document = gloss_document_new (text->str, -1);
  gloss_document_load_content (document, annotations, NULL);
  gloss_article_view_set_document (GLOSS_ARTICLE_VIEW (fixture->view), document);
  wait_laid_out (fixture->view);

  return document;
}

/* While the main loop is idle the view lays out the page below the one
 * shown and finds where its highlights end, so that Page Down draws it
 * without asking GtkTextView for a single character's place; and a page
 * drawn from those places looks exactly like one drawn cold. */
static void
test_warm (Fixture       *fixture,
           gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  g_autoptr(GlossDocument) document = show_long_document (fixture, 40, 11, "Claim", "PERSON");
  g_autoptr(GdkTexture) warm = NULL;
  g_autoptr(GdkTexture) cold = NULL;
  g_autofree guchar *warm_pixels = NULL;
  g_autofree guchar *cold_pixels = NULL;
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint misses;
  int font_size = gloss_article_view_get_font_size (view);

  g_assert_true (gloss_article_view_get_document (view) == document);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 3 * gtk_adjustment_get_page_size (vadjustment));

  /* Page Down, and only the frame: what the frame clock draws. */
  misses = _gloss_article_view_get_location_misses (view);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_page_size (vadjustment));
  gtk_test_widget_wait_for_draw (fixture->view);
  g_assert_cmpuint (_gloss_article_view_get_location_misses (view), ==, misses);

  warm = render (fixture->view);

  /* The same page drawn cold: far away, the view forgets every place
   * (another font size and back), then comes back. */
  gtk_adjustment_set_value (vadjustment, 8 * gtk_adjustment_get_page_size (vadjustment));
  wait_laid_out (fixture->view);
  gloss_article_view_set_font_size (view, font_size + 2);
  wait_laid_out (fixture->view);
  gloss_article_view_set_font_size (view, font_size);
  wait_laid_out (fixture->view);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 4 * gtk_adjustment_get_page_size (vadjustment));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_page_size (vadjustment));
  misses = _gloss_article_view_get_location_misses (view);
  cold = render (fixture->view);
  g_assert_cmpuint (_gloss_article_view_get_location_misses (view), >, misses + 100);
  warm_pixels = pixels (warm);
  cold_pixels = pixels (cold);
  g_assert_cmpint (gdk_texture_get_width (warm), ==, gdk_texture_get_width (cold));
  g_assert_cmpint (gdk_texture_get_height (warm), ==, gdk_texture_get_height (cold));
  g_assert_true (memcmp (warm_pixels, cold_pixels,
                         gdk_texture_get_width (warm) * gdk_texture_get_height (warm) * 4) == 0);

  gloss_article_view_set_document (view, NULL);
}

/* Where @annotation's first character is, in the view's scroll range. */
static double
annotation_y (GlossArticleView *view,
              GlossAnnotation  *annotation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  guint body = gtk_text_buffer_get_char_count (buffer) -
               gloss_document_get_length (gloss_article_view_get_document (view));
  GtkTextIter iter;
  GdkRectangle location;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, body + gloss_annotation_get_start (annotation));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);

  return location.y + gtk_text_view_get_top_margin (GTK_TEXT_VIEW (view));
}

/* An annotation a screen or more away is jumped to at once, where
 * GtkTextView's slide would end (a third of the way down), instead of
 * sliding past a dozen screens of text; a near one still slides. */
static void
test_scroll_far (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (fixture->view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_autoptr(GlossDocument) document = show_long_document (fixture, 60, 97, "PERSON", "PERSON");
  GlossAnnotationStore *store;
  GlossAnnotation *far, *near;
  double page, jumped, y;
  guint position;

  page = gtk_adjustment_get_page_size (vadjustment);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 10 * page);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  /* Far: there before a frame is drawn, and it stays there. */
  store = gloss_document_get_annotations (document);
  far = gloss_annotation_store_get (store, gloss_annotation_store_get_n_items (store) * 2 / 3);
  y = annotation_y (view, far);
  g_assert_cmpfloat (y, >, 5 * page);
  gloss_article_view_scroll_to_annotation (view, far, FALSE);
  jumped = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (jumped, >, y - page / 2);
  g_assert_cmpfloat (jumped, <, y - page / 5);
  wait_ms (400);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, jumped);

  /* Near (below the view, within a screen): it slides, as before. */
  g_assert_true (gloss_annotation_store_find (store, far, &position));
  for (guint i = position + 1; (near = gloss_annotation_store_get (store, i)) != NULL; i++)
    if (annotation_y (view, near) > jumped + page * 1.2)
      break;
  g_assert_nonnull (near);
  g_assert_cmpfloat (annotation_y (view, near), <, jumped + 2 * page);
  gloss_article_view_scroll_to_annotation (view, near, FALSE);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, jumped);
  wait_ms (400);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, jumped + page / 2);

  gloss_article_view_set_document (view, NULL);
}

/* Whether the text at @iter is drawn as a heading: bold and larger. */
static gboolean
is_heading_at (GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      int weight;
      double scale;
      gboolean weight_set, scale_set;

      g_object_get (l->data, "weight", &weight, "weight-set", &weight_set,
                    "scale", &scale, "scale-set", &scale_set, NULL);
      if (weight_set && weight >= PANGO_WEIGHT_BOLD && scale_set && scale > 1.05)
        return TRUE;
    }

  return FALSE;
}

/* The document's headings stand out, over exactly their spans, below the
 * title and byline the view puts above the text. */
static void
test_headings (Fixture       *fixture,
               gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GlossHeading headings[] = {
    { offset_of ("Officials claimed"), end_of ("Officials claimed"), 2 },
    { offset_of ("会谈"), end_of ("会谈"), 4 },
  };
  g_autoptr(GlossDocument) document = gloss_document_new (TEXT, -1);
  g_autoptr(GError) error = NULL;

  gloss_document_set_title (document, "A title above the text");
  g_assert_true (gloss_document_set_headings (document, headings, G_N_ELEMENTS (headings), &error));
  gloss_article_view_set_document (GLOSS_ARTICLE_VIEW (fixture->view), document);
  flush_events ();

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      GtkTextIter start, end, before, last;

      gloss_article_view_select_range (GLOSS_ARTICLE_VIEW (fixture->view), headings[i].start, headings[i].end);
      g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
      before = start;
      last = end;
      gtk_text_iter_backward_char (&before);
      gtk_text_iter_backward_char (&last);
      g_assert_true (is_heading_at (&start));
      g_assert_true (is_heading_at (&last));
      g_assert_false (is_heading_at (&end));
      g_assert_false (is_heading_at (&before));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gloss/article-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("offsets", test_offsets);
  ADD ("keys", test_keys);
  ADD ("palette", test_palette);
  ADD ("hit", test_hit);
  ADD ("render", test_render);
  ADD ("flash", test_flash);
  ADD ("many", test_many);
  ADD ("pointer", test_pointer);
  ADD ("snap-words", test_snap_words);
  ADD ("preview", test_preview);
  ADD ("relayout", test_relayout);
  ADD ("secondary", test_secondary);
  ADD ("line-nodes", test_line_nodes);
  ADD ("warm", test_warm);
  ADD ("scroll-far", test_scroll_far);
  ADD ("headings", test_headings);
#undef ADD

  return g_test_run ();
}
