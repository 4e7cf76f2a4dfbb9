/* gloss-test-utils.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-test-utils.h"

static char *tmpdir;

/* gtk_test_init, an isolated temporary folder and a registered app. */
GlossApplication *
gloss_test_app_new (int    *argc,
                    char ***argv)
{
  GlossApplication *app;
  g_autoptr(GError) error = NULL;

  gtk_test_init (argc, argv, NULL);

  /* A subprocess (g_test_trap_subprocess) shares its parent's folder, and
   * so its data dir (recovery drafts), when the parent names it. */
  if (g_test_subprocess () && g_getenv ("GLOSS_TEST_TMPDIR") != NULL)
    tmpdir = g_strdup (g_getenv ("GLOSS_TEST_TMPDIR"));
  else
    {
      tmpdir = g_dir_make_tmp ("gloss-ui-test-XXXXXX", &error);
      g_assert_no_error (error);
    }
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Test Annotator");

  return app;
}

/* The test's temporary folder (also its XDG_DATA_HOME). */
const char *
gloss_test_get_tmpdir (void)
{
  return tmpdir;
}

void
gloss_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
gloss_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits for the window's background work (opening, saving). */
void
gloss_test_wait_idle (GlossWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gloss_test_iterate ();
  while (gloss_window_get_busy (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  gloss_test_iterate ();
}

/* A new window of @width x @height, shown. */
GlossWindow *
gloss_test_new_window_sized (GlossApplication *app,
                             int               width,
                             int               height)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_wait_ms (50);

  return window;
}

GlossWindow *
gloss_test_new_window (GlossApplication *app)
{
  return gloss_test_new_window_sized (app, 1200, 800);
}

void
gloss_test_destroy_window (GlossWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
}

GFile *
gloss_test_write_temp (const char *name,
                       const char *contents,
                       gssize      len)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Opens @text as a plain-text article in a new window. */
GlossWindow *
gloss_test_open_text (GlossApplication *app,
                      const char       *name,
                      const char       *text)
{
  g_autoptr(GFile) file = gloss_test_write_temp (name, text, -1);
  GlossWindow *window = gloss_test_new_window (app);

  gloss_window_open_file (window, file);
  gloss_test_wait_idle (window);
  g_assert_nonnull (gloss_window_get_document (window));

  return window;
}

guint
gloss_test_offset_of (GlossDocument *document,
                      const char    *needle)
{
  const char *text = gloss_document_get_text (document);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);

  return (guint) g_utf8_pointer_to_offset (text, found);
}

void
gloss_test_select_text (GlossWindow *window,
                        const char  *needle)
{
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  GlossDocument *document = gloss_window_get_document (window);
  guint start = gloss_test_offset_of (document, needle);
  guint end = start + (guint) g_utf8_strlen (needle, -1);
  guint got_start = 0, got_end = 0;

  /* A selection claims PRIMARY on X11, stamped with the server's time
   * in milliseconds. When the app's last claim (its own selection just
   * before) has the same stamp, the server's notice that it was lost
   * can be taken by GTK 4.8 for the loss of this one, and it then takes
   * the text selection back as if another program had claimed PRIMARY:
   * this claim comes a few milliseconds later. */
  g_usleep (3000);
  gloss_article_view_select_range (view, start, end);
  g_assert_true (gloss_article_view_get_selection (view, &got_start, &got_end));
  g_assert_cmpuint (got_start, ==, start);
  g_assert_cmpuint (got_end, ==, end);
}

/* The first widget under @widget (depth first, @widget excluded) that
 * @match accepts. */
GtkWidget *
gloss_test_find_widget (GtkWidget      *widget,
                        GlossTestMatch  match,
                        gconstpointer   data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = gloss_test_find_widget (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
gloss_test_find_descendant (GtkWidget *widget,
                            GType      type)
{
  return gloss_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* Whether @node draws a rectangle of @color. */
gboolean
gloss_test_node_has_color (GskRenderNode *node,
                           const GdkRGBA *color)
{
  const GdkRGBA *c;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      c = gsk_color_node_get_color (node);
      return G_APPROX_VALUE (c->red, color->red, 0.002) && G_APPROX_VALUE (c->green, color->green, 0.002) &&
             G_APPROX_VALUE (c->blue, color->blue, 0.002) && G_APPROX_VALUE (c->alpha, color->alpha, 0.002);
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (gloss_test_node_has_color (gsk_container_node_get_child (node, i), color))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return gloss_test_node_has_color (gsk_transform_node_get_child (node), color);
    case GSK_ROUNDED_CLIP_NODE:
      return gloss_test_node_has_color (gsk_rounded_clip_node_get_child (node), color);
    case GSK_CLIP_NODE:
      return gloss_test_node_has_color (gsk_clip_node_get_child (node), color);
    default:
      return FALSE;
    }
}

/* Selects the first @text in the article and tags it with @label, as
 * the label's key would; returns the new annotation. */
GlossAnnotation *
gloss_test_tag (GlossWindow *window,
                const char  *text,
                const char  *label)
{
  GlossDocument *document = gloss_window_get_document (window);
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  guint start = gloss_test_offset_of (document, text);
  guint end = start + g_utf8_strlen (text, -1);

  gloss_test_select_text (window, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", label));

  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);

      if (gloss_annotation_get_start (a) == start && gloss_annotation_get_end (a) == end &&
          g_strcmp0 (gloss_annotation_get_label (a), label) == 0)
        return a;
    }

  g_assert_not_reached ();
}

/* The first preferences row under @widget of @type titled @title. */
typedef struct
{
  GType       type;
  const char *title;
} RowWanted;

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  const RowWanted *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), wanted->title) == 0;
}

GtkWidget *
gloss_test_find_row (GtkWidget  *widget,
                     GType       type,
                     const char *title)
{
  return gloss_test_find_widget (widget, is_row, &(RowWanted) { type, title });
}

/* The document's current version of @annotation (edits replace it). */
GlossAnnotation *
gloss_test_current (GlossWindow     *window,
                    GlossAnnotation *annotation)
{
  return gloss_annotation_store_lookup (gloss_document_get_annotations (gloss_window_get_document (window)),
                                        gloss_annotation_get_id (annotation));
}

/* Renders @widget to /tmp/gloss-<name>.png (not part of the repository)
 * so a person can look at it. */
void
gloss_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/gloss-%s.png", g_get_tmp_dir (), name);
  GskRenderer *renderer;
  int width, height;

  gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  /* A widget with a pending relayout (a toast coming in) draws nothing
   * until the next frame. */
  for (guint attempt = 0; attempt < 40 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        gloss_test_wait_ms (50);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* The visible message dialog transient for @window, or NULL. */
AdwMessageDialog *
gloss_test_find_message_dialog (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* Answers @window's message dialog with @response, as a click does:
 * respond, then close. */
void
gloss_test_respond (GlossWindow *window,
                    const char  *response)
{
  AdwMessageDialog *dialog = gloss_test_find_message_dialog (window);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gloss_test_iterate ();
}

/* Keys ---------------------------------------------------------------------- */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);

  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval) &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;

  return FALSE;
}

/* What one controller of @widget does with the key; TRUE if handled. */
static gboolean
controller_handles_key (GtkEventController *controller,
                        GtkWidget          *widget,
                        guint               keyval,
                        GdkModifierType     mods)
{
  if (!gtk_widget_is_sensitive (widget))
    return FALSE;

  if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
      return handled;
    }

  if (GTK_IS_SHORTCUT_CONTROLLER (controller))
    {
      GListModel *shortcuts = G_LIST_MODEL (controller);

      for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (action != NULL &&
              trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods) &&
              gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
widget_handles_key (GtkWidget       *widget,
                    GtkPropagationPhase phase,
                    guint            keyval,
                    GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) == phase &&
          controller_handles_key (controller, widget, keyval, mods))
        return TRUE;
    }

  return FALSE;
}

/**
 * gloss_test_press_key:
 * @mods: the modifiers held (GDK_CONTROL_MASK, GDK_SHIFT_MASK, GDK_ALT_MASK)
 *
 * Presses @keyval in @window as GTK delivers a key press: to its focus
 * widget (the window itself when nothing has focus), through the key and
 * shortcut controllers of the widget and its ancestors, capture phase from
 * the window down, then target and bubble phases back up. So a test runs
 * the real key bindings (widget and window shortcuts, the application's
 * accelerators) without depending on an X server's keyboard. Text typed
 * into entries goes through an input method instead: see
 * gloss_test_type_text().
 *
 * Returns: whether a controller handled the key
 */
gboolean
gloss_test_press_key (GtkWindow       *window,
                      guint            keyval,
                      GdkModifierType  mods)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  gboolean handled = FALSE;

  if (focus == NULL)
    focus = GTK_WIDGET (window);

  /* Hold references: a shortcut may destroy widgets of the chain. */
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, g_object_ref (w));

  for (guint i = chain->len; i > 0 && !handled; i--)
    handled = widget_handles_key (chain->pdata[i - 1], GTK_PHASE_CAPTURE, keyval, mods);
  if (!handled)
    handled = widget_handles_key (chain->pdata[0], GTK_PHASE_TARGET, keyval, mods);
  for (guint i = 0; i < chain->len && !handled; i++)
    handled = widget_handles_key (chain->pdata[i], GTK_PHASE_BUBBLE, keyval, mods);

  gloss_test_iterate ();

  return handled;
}

/* Types @text at the cursor of @widget (a GtkEditable or GtkTextView, or
 * a widget containing one: the first found), as an input method does. */
void
gloss_test_type_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                                    text, -1, TRUE);
    }
  else if (GTK_IS_EDITABLE (widget))
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (widget));

      gtk_editable_delete_selection (GTK_EDITABLE (widget));
      position = gtk_editable_get_position (GTK_EDITABLE (widget));
      gtk_editable_insert_text (GTK_EDITABLE (widget), text, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (widget), position);
    }
  else
    g_assert_not_reached ();

  gloss_test_iterate ();
}

/* Windows ------------------------------------------------------------------- */

/* The visible toplevel of @type transient for @transient_for (any when
 * %NULL), or NULL. */
GtkWindow *
gloss_test_find_toplevel (GtkWindow *transient_for,
                          GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          (transient_for == NULL || gtk_window_get_transient_for (toplevel) == transient_for) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

/* Answers the file chooser open over @window (GtkFileChooserNative shows
 * a GtkFileChooserDialog without portals) with @file, as a user who types
 * the name and presses Enter. */
void
gloss_test_choose_file (GtkWindow *window,
                        GFile     *file)
{
  GtkWindow *dialog = gloss_test_find_toplevel (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dialog);
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error);
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, &error);
      g_assert_no_error (error);

      /* The file is selected once its folder has loaded. */
      for (;;)
        {
          g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

          if (chosen != NULL && g_file_equal (chosen, file))
            break;
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          gloss_test_wait_ms (20);
        }
    }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  /* Saving, it first checks the folder and the name, asynchronously. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (gloss_test_find_toplevel (window, GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  gloss_test_iterate ();
}
