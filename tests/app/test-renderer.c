/* test-renderer.c: Gloss draws with cairo where GL is a software rasterizer
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-renderer.h"
#include "gloss-test-utils.h"

static GlossApplication *app;
static char *gl_renderer;  /* what GL says here, or NULL */

static void
test_software_names (void)
{
  static const char *const software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "softpipe",
    "Software Rasterizer",
    "Mesa DRI swrast",
    "SWR (LLVM 6.0, 256 bits)",
    "GDI Generic",
  };
  static const char *const hardware[] = {
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    /* Mesa's radeonsi compiles with LLVM too: not llvmpipe. */
    "AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)",
    "NVIDIA GeForce GTX 1080/PCIe/SSE2",
    "virgl (Apple M1)",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    g_assert_true (gloss_renderer_gl_is_software (software[i]));
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    g_assert_false (gloss_renderer_gl_is_software (hardware[i]));
  g_assert_false (gloss_renderer_gl_is_software (NULL));
}

/* A renderer asked for by name stays: only the default is Gloss's to pick. */
static void
test_respects_environment (void)
{
  g_autofree char *before = g_strdup (g_getenv ("GSK_RENDERER"));

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (gloss_renderer_choose (gdk_display_get_default ()));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");

  if (before != NULL)
    g_setenv ("GSK_RENDERER", before, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

/* The app's startup (gloss_test_app_new) ran without GSK_RENDERER: under
 * Xvfb, GL is Mesa's software one, and the window draws with cairo where
 * GTK 4.8 would have drawn with that GL. */
static void
test_window_renderer (void)
{
  GlossWindow *window;
  GskRenderer *renderer;

  if (gl_renderer == NULL)
    {
      g_test_skip ("no GL on this display: GTK draws with cairo by itself");
      return;
    }
  g_test_message ("GL renderer: %s", gl_renderer);

  window = gloss_test_new_window (app);
  gtk_widget_realize (GTK_WIDGET (window));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  if (gloss_renderer_gl_is_software (gl_renderer))
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  else
    g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));

  gloss_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* This test is about the default: run-tests asks for cairo. */
  g_unsetenv ("GSK_RENDERER");
  app = gloss_test_app_new (&argc, &argv);
  gl_renderer = gloss_renderer_probe_gl (gdk_display_get_default ());

  g_test_add_func ("/gloss/renderer/software-names", test_software_names);
  g_test_add_func ("/gloss/renderer/respects-environment", test_respects_environment);
  g_test_add_func ("/gloss/renderer/window", test_window_renderer);

  status = g_test_run ();
  g_object_unref (app);
  g_free (gl_renderer);

  return status;
}
