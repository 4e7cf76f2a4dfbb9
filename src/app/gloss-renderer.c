/* gloss-renderer.c: which GSK renderer draws Gloss's windows
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 draws with OpenGL on X11 and Wayland whenever a GL context can
 * be made, and Mesa makes one without a GPU too: llvmpipe rasterizes in
 * software. There it is the slowest way to draw a frame. Opening a
 * million-character article with 100,000 annotations under such a GL
 * (a virtual machine, a remote session, a desktop without a GPU driver),
 * each edit took 41-47 ms of the main thread and 75-79 ms of CPU in all;
 * with GTK's cairo renderer, 3-5 ms. So when the GL renderer is a
 * software one, Gloss asks for cairo, unless GSK_RENDERER says otherwise.
 *
 * GDK does not tell which GL implementation it got, so this asks GL
 * itself (glGetString, through libepoxy, as GTK does). */

#define G_LOG_DOMAIN "gloss-renderer"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "gloss-renderer.h"

/**
 * gloss_renderer_gl_is_software:
 * @gl_renderer: (nullable): what `glGetString (GL_RENDERER)` said
 *
 * Whether @gl_renderer names a GL that rasterizes on the CPU: Mesa's
 * llvmpipe, softpipe, swrast and "Software Rasterizer", OpenSWR, or
 * Microsoft's GDI Generic.
 */
gboolean
gloss_renderer_gl_is_software (const char *gl_renderer)
{
  static const char *const software[] = {
    "llvmpipe", "softpipe", "swrast", "software rasterizer", "swr (", "gdi generic",
  };
  g_autofree char *lower = NULL;

  if (gl_renderer == NULL)
    return FALSE;

  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (lower, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * gloss_renderer_probe_gl:
 * @display: the display the windows will be on
 *
 * Makes a GL context on @display, as GTK's GL renderer would, and asks
 * which GL it is.
 *
 * Returns: (transfer full) (nullable): the GL_RENDERER string, or %NULL
 *   if GL cannot be used there (GTK then draws with cairo by itself)
 */
char *
gloss_renderer_probe_gl (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  char *result;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No GL: %s", error != NULL ? error->message : "no context");
      return NULL;
    }

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (renderer);
  gdk_gl_context_clear_current ();

  return result;
}

/**
 * gloss_renderer_choose:
 * @display: the display the windows will be on
 *
 * Sets GSK_RENDERER to "cairo" when the GL that GTK would draw with is a
 * software one. Call before the first window is realized: GSK reads the
 * variable once. A GSK_RENDERER already set is left alone, so that anyone
 * can still ask for the GL renderer.
 *
 * Returns: the renderer chosen ("cairo"), or %NULL if GTK's own choice stands
 */
const char *
gloss_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  gl_renderer = gloss_renderer_probe_gl (display);
  if (!gloss_renderer_gl_is_software (gl_renderer))
    return NULL;

  g_debug ("GL is %s, a software rasterizer: drawing with cairo", gl_renderer);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  return "cairo";
}
