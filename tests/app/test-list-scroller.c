/* test-list-scroller.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "gloss-list-scroller.h"

#define CONTENT_WIDTH  240
#define CONTENT_HEIGHT 5000

/* Content that counts how often GTK measures it, per orientation. */
#define TEST_TYPE_COUNTED (test_counted_get_type ())
G_DECLARE_FINAL_TYPE (TestCounted, test_counted, TEST, COUNTED, GtkWidget)

struct _TestCounted
{
  GtkWidget parent_instance;
  guint     measured[2];
};

G_DEFINE_FINAL_TYPE (TestCounted, test_counted, GTK_TYPE_WIDGET)

static void
test_counted_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  TEST_COUNTED (widget)->measured[orientation]++;
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? CONTENT_WIDTH : CONTENT_HEIGHT;
}

/* As a list's rows: its height depends on the width it gets. */
static GtkSizeRequestMode
test_counted_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_counted_class_init (TestCountedClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = test_counted_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_counted_get_request_mode;
}

static void
test_counted_init (TestCounted *self)
{
}

typedef struct
{
  GtkWidget   *window;
  GtkWidget   *scroller;
  GtkWidget   *scrolled;
  TestCounted *content;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->content = g_object_new (TEST_TYPE_COUNTED, NULL);
  fixture->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (fixture->content));
  fixture->scroller = gloss_list_scroller_new ();
  gloss_list_scroller_set_child (GLOSS_LIST_SCROLLER (fixture->scroller), fixture->scrolled);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->scroller);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

static void
run_until (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (fixture));
}

static gboolean
allocated (Fixture *fixture)
{
  return gtk_widget_get_height (fixture->scrolled) > 0;
}

/* The scroller's height request is the scrolled window's, told without
 * measuring the content's height: a change in a long list does not make
 * GTK go through every row to find it. */
static void
test_height (Fixture       *fixture,
             gconstpointer  data)
{
  int min, nat, scrolled_min, scrolled_nat;

  gtk_widget_measure (fixture->scrolled, GTK_ORIENTATION_VERTICAL, -1, &scrolled_min, &scrolled_nat, NULL, NULL);
  g_assert_cmpuint (fixture->content->measured[GTK_ORIENTATION_VERTICAL], >, 0);

  gtk_widget_queue_resize (GTK_WIDGET (fixture->content));
  fixture->content->measured[GTK_ORIENTATION_VERTICAL] = 0;
  gtk_widget_measure (fixture->scroller, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpuint (fixture->content->measured[GTK_ORIENTATION_VERTICAL], ==, 0);
  /* Room for what the scrolled window needs, and for a few rows. */
  g_assert_cmpint (min, >=, scrolled_min);
  g_assert_cmpint (min, >=, 96);
  g_assert_cmpint (nat, >=, min);
  g_assert_cmpint (nat, <, CONTENT_HEIGHT);

  /* Its width is the scrolled window's, which is the content's. */
  gtk_widget_measure (fixture->scroller, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (fixture->scrolled, GTK_ORIENTATION_HORIZONTAL, -1, &scrolled_min, &scrolled_nat, NULL, NULL);
  g_assert_cmpint (min, ==, scrolled_min);
  g_assert_cmpint (nat, ==, scrolled_nat);
  g_assert_cmpint (min, >=, CONTENT_WIDTH);
}

/* Shown, the scrolled window fills the scroller and scrolls the whole
 * content; when the content changes, GTK measures its height once, to
 * lay the scrolled window out, and not again for the window's size. */
static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (fixture->scrolled));
  GdkFrameClock *clock;
  gint64 frame;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 300);
  gtk_window_present (GTK_WINDOW (fixture->window));
  run_until (allocated, fixture);

  g_assert_cmpint (gtk_widget_get_width (fixture->scrolled), ==, gtk_widget_get_width (fixture->scroller));
  g_assert_cmpint (gtk_widget_get_height (fixture->scrolled), ==, gtk_widget_get_height (fixture->scroller));
  g_assert_cmpint (gtk_widget_get_height (fixture->scrolled), >=, 96);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), ==, CONTENT_HEIGHT);

  clock = gtk_widget_get_frame_clock (fixture->window);
  fixture->content->measured[GTK_ORIENTATION_VERTICAL] = 0;
  gtk_widget_queue_resize (GTK_WIDGET (fixture->content));
  frame = gdk_frame_clock_get_frame_counter (clock);
  while (gdk_frame_clock_get_frame_counter (clock) < frame + 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->content->measured[GTK_ORIENTATION_VERTICAL], ==, 1);
}

/* A scrolled window whose height does depend on its content is measured
 * as it is. */
static void
test_propagating (Fixture       *fixture,
                  gconstpointer  data)
{
  int min, nat;

  /* Asked the child's way: its height depends on its width. */
  g_assert_cmpint (gtk_widget_get_request_mode (fixture->scroller), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (fixture->scrolled), TRUE);
  gtk_widget_measure (fixture->scroller, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, CONTENT_HEIGHT);

  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (fixture->scrolled), FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_widget_measure (fixture->scroller, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, CONTENT_HEIGHT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gloss/list-scroller/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("height", test_height);
  ADD ("layout", test_layout);
  ADD ("propagating", test_propagating);
#undef ADD

  return g_test_run ();
}
