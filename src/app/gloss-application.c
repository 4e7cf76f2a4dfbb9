/* gloss-application.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-renderer.h"
#include "gloss-recovery-dialog.h"
#include "gloss-window.h"

struct _GlossApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GlossGazetteer *gazetteer;

  /* Autosave and recovery (issue 7) */
  GlossDraftStore *drafts;
  gboolean         recovery_offered;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static GtkWindow *
get_active_window (GlossApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
apply_color_scheme (GlossApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;
    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;
    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (manager, scheme);
}

static GlossWindow *
create_window (GlossApplication *self)
{
  GlossWindow *window = gloss_window_new (self);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  create_window (GLOSS_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GlossApplication *self = user_data;
  GList *windows;

  /* Closing each window lets it ask about its unsaved work; the
   * application quits once the last one is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GlossApplication *self = user_data;
  static const char *developers[] = { "The Gloss authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_active_window (self),
                        "application-name", _("Gloss"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Gloss authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Annotate articles: entities, claims, highlights and notes"),
                        "website", "https://github.com/glossapp/gloss",
                        "issue-url", "https://github.com/glossapp/gloss/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "copyright", "© 2026 The Gloss authors",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GlossApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  builder = gtk_builder_new_from_resource ("/io/github/glossapp/Gloss/ui/gloss-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, get_active_window (self));
  gtk_window_present (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *window;

  window = GTK_WINDOW (gloss_preferences_window_new (self->settings));
  gtk_window_set_transient_for (window, get_active_window (self));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "preferences", preferences_action },
};

static void
gloss_application_startup (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (application);

  /* Before any window is realized: a software GL draws slower than cairo. */
  if (gdk_display_get_default () != NULL)
    gloss_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  /* Every document of every window is drafted here (gloss-window-safety.c). */
  self->drafts = gloss_draft_store_new (NULL);
  g_settings_bind (self->settings, "autosave-delay", self->drafts, "delay", G_SETTINGS_BIND_GET);
}

static void
gloss_application_shutdown (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  /* Windows still open (quit while a save dialog was up) keep their drafts;
   * the index records that this run ended cleanly. */
  if (self->drafts != NULL && !gloss_draft_store_shutdown (self->drafts, &error))
    g_warning ("Could not write the recovery drafts: %s", error->message);

  G_APPLICATION_CLASS (gloss_application_parent_class)->shutdown (application);
}

/* Offers the drafts left by an earlier run, once per run: at the first
 * activate or open. */
static void
maybe_offer_recovery (GlossApplication *self)
{
  if (self->recovery_offered)
    return;

  gloss_application_offer_recovery (self);
}

static void
gloss_application_activate (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);
  GtkWindow *window = get_active_window (self);

  if (window == NULL)
    create_window (self);
  else
    gtk_window_present (window);

  maybe_offer_recovery (self);
}

static void
gloss_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = get_active_window (self);
      GlossWindow *window;

      /* Reuse an empty window; every other file gets its own. */
      if (GLOSS_IS_WINDOW (active) && !gloss_window_has_document (GLOSS_WINDOW (active)))
        {
          window = GLOSS_WINDOW (active);
          gtk_window_present (active);
        }
      else
        window = create_window (self);

      gloss_window_open_file (window, files[i]);
    }

  maybe_offer_recovery (self);
}

static void
gloss_application_dispose (GObject *object)
{
  GlossApplication *self = GLOSS_APPLICATION (object);

  g_clear_object (&self->settings);

  g_clear_object (&self->gazetteer);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (gloss_application_parent_class)->dispose (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gloss_application_dispose;

  app_class->startup = gloss_application_startup;
  app_class->shutdown = gloss_application_shutdown;
  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
}

static void
gloss_application_init (GlossApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glossapp/Gloss",
                       NULL);
}

GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * gloss_application_dup_annotator:
 *
 * Returns: the name recorded as the author of new annotations: the
 *   "annotator-name" setting, else the user's real name.
 */
char *
gloss_application_dup_annotator (GlossApplication *self)
{
  g_autofree char *name = NULL;
  const char *real_name;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  name = g_strstrip (g_settings_get_string (self->settings, "annotator-name"));
  if (name[0] != '\0')
    return g_steal_pointer (&name);

  real_name = g_get_real_name ();
  if (real_name == NULL || real_name[0] == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    return g_strdup (g_get_user_name ());

  return g_strdup (real_name);
}

/**
 * gloss_application_get_gazetteer:
 *
 * The user's gazetteer of entity identifiers, loaded on first use from the
 * user data dir. A damaged file is moved aside (gazetteer.json.damaged-…),
 * never overwritten, and Gloss starts a new one.
 *
 * Returns: (transfer none): the gazetteer
 */
GlossGazetteer *
gloss_application_get_gazetteer (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  if (self->gazetteer == NULL)
    {
      g_autoptr(GFile) file = gloss_gazetteer_get_default_file ();
      g_autoptr(GError) error = NULL;

      self->gazetteer = gloss_gazetteer_new ();
      if (!gloss_gazetteer_load (self->gazetteer, file, &error))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
          g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", g_file_peek_path (file), stamp);
          g_autoptr(GFile) aside_file = g_file_new_for_path (aside);

          g_warning ("Could not read the gazetteer %s (%s); moved it to %s",
                     g_file_peek_path (file), error->message, aside);
          g_file_move (file, aside_file, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
        }
    }

  return self->gazetteer;
}

/**
 * gloss_application_get_draft_store:
 *
 * The recovery drafts of every open document (created at startup, its
 * "delay" bound to the "autosave-delay" setting).
 *
 * Returns: (transfer none) (nullable): the draft store
 */
GlossDraftStore *
gloss_application_get_draft_store (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->drafts;
}

/**
 * gloss_application_offer_recovery:
 *
 * Shows the recovery dialog if drafts of unsaved work are left on disk
 * (by a crash, or by quitting without deciding).
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL if there is
 *   nothing to recover
 */
GtkWindow *
gloss_application_offer_recovery (GlossApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  GlossRecoveryDialog *dialog;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  self->recovery_offered = TRUE;
  if (self->drafts == NULL)
    return NULL;

  drafts = gloss_draft_store_list (self->drafts, &error);
  if (drafts == NULL)
    {
      g_warning ("Could not list the recovery drafts: %s", error->message);
      return NULL;
    }
  if (drafts->len == 0)
    return NULL;

  dialog = gloss_recovery_dialog_new (self, drafts, gloss_draft_store_get_crashed (self->drafts));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_active_window (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/**
 * gloss_application_restore_draft:
 *
 * Opens the draft @draft_id in a window (the active one if it is empty,
 * else a new one): the document is marked modified and keeps its original
 * file and that file's etag, so Save writes there and notices a change
 * made meanwhile.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL with @error set
 */
GtkWindow *
gloss_application_restore_draft (GlossApplication  *self,
                                 const char        *draft_id,
                                 GError           **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *etag = NULL;
  GtkWindow *active;
  GlossWindow *window;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  document = gloss_draft_store_restore (self->drafts, draft_id, &file, &etag, error);
  if (document == NULL)
    return NULL;

  active = get_active_window (self);
  if (GLOSS_IS_WINDOW (active) && !gloss_window_has_document (GLOSS_WINDOW (active)))
    window = GLOSS_WINDOW (active);
  else
    window = gloss_window_new (self);

  gloss_window_set_restored_document (window, document, file, etag);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
