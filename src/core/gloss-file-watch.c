/* gloss-file-watch.c: notices when an open document's file changes on disk
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-file-watch"

#include "config.h"

#include "gloss-compat.h"
#include "gloss-file-watch.h"

#define RATE_LIMIT_MS 500
#define DEBOUNCE_MS   100

struct _GlossFileWatch
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  GCancellable *cancellable;   /* the etag query in flight */

  char         *etag;          /* known: from our load or save */
  char         *reported;      /* last etag announced as changed on disk */
  gboolean      deleted;       /* "deleted" was announced */

  guint         paused;
  gboolean      missed;        /* events arrived while paused */
  guint         debounce_id;
};

G_DEFINE_FINAL_TYPE (GlossFileWatch, gloss_file_watch, G_TYPE_OBJECT)

enum {
  CHANGED_ON_DISK,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GlossFileWatch) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *etag;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Our own save may have run meanwhile: its result is not news. */
  if (self->paused > 0)
    {
      self->missed = TRUE;
      return;
    }

  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && !self->deleted)
        {
          self->deleted = TRUE;
          g_clear_pointer (&self->reported, g_free);
          g_signal_emit (self, signals[DELETED], 0);
        }
      else if (!self->deleted)
        g_debug ("Cannot check %s: %s", g_file_peek_path (self->file), error->message);
      return;
    }

  etag = g_file_info_get_etag (info);
  self->deleted = FALSE;

  if (g_strcmp0 (etag, self->etag) == 0)
    {
      g_clear_pointer (&self->reported, g_free);
      return;
    }

  if (g_strcmp0 (etag, self->reported) == 0)
    return;

  gloss_set_str (&self->reported, etag);
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0, etag);
}

void
gloss_file_watch_check (GlossFileWatch *self)
{
  g_return_if_fail (GLOSS_IS_FILE_WATCH (self));

  g_clear_handle_id (&self->debounce_id, g_source_remove);

  if (self->paused > 0)
    {
      self->missed = TRUE;
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_file_query_info_async (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, query_cb, g_object_ref (self));
}

static gboolean
debounce_cb (gpointer user_data)
{
  GlossFileWatch *self = user_data;

  self->debounce_id = 0;
  gloss_file_watch_check (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GlossFileWatch    *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_MOVED:
      break;

    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      return;
    }

  if (self->paused > 0)
    {
      self->missed = TRUE;
      return;
    }

  /* Debounce: a burst of events (write, close, rename) gives one check. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
gloss_file_watch_dispose (GObject *object)
{
  GlossFileWatch *self = (GlossFileWatch *)object;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (gloss_file_watch_parent_class)->dispose (object);
}

static void
gloss_file_watch_finalize (GObject *object)
{
  GlossFileWatch *self = (GlossFileWatch *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->reported, g_free);

  G_OBJECT_CLASS (gloss_file_watch_parent_class)->finalize (object);
}

static void
gloss_file_watch_class_init (GlossFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_file_watch_dispose;
  object_class->finalize = gloss_file_watch_finalize;

  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gloss_file_watch_init (GlossFileWatch *self)
{
}

GlossFileWatch *
gloss_file_watch_new (GFile      *file,
                      const char *etag)
{
  GlossFileWatch *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (GLOSS_TYPE_FILE_WATCH, NULL);
  self->file = g_object_ref (file);
  self->etag = g_strdup (etag);

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    g_debug ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
  else
    {
      g_file_monitor_set_rate_limit (self->monitor, RATE_LIMIT_MS);
      g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
    }

  return self;
}

GFile *
gloss_file_watch_get_file (GlossFileWatch *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_WATCH (self), NULL);

  return self->file;
}

const char *
gloss_file_watch_get_etag (GlossFileWatch *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_WATCH (self), NULL);

  return self->etag;
}

void
gloss_file_watch_set_etag (GlossFileWatch *self,
                           const char     *etag)
{
  g_return_if_fail (GLOSS_IS_FILE_WATCH (self));

  gloss_set_str (&self->etag, etag);
  g_clear_pointer (&self->reported, g_free);
  self->deleted = FALSE;
}

void
gloss_file_watch_pause (GlossFileWatch *self)
{
  g_return_if_fail (GLOSS_IS_FILE_WATCH (self));

  self->paused++;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
}

void
gloss_file_watch_unpause (GlossFileWatch *self,
                          const char     *new_etag)
{
  g_return_if_fail (GLOSS_IS_FILE_WATCH (self));
  g_return_if_fail (self->paused > 0);

  if (new_etag != NULL)
    gloss_file_watch_set_etag (self, new_etag);

  if (--self->paused == 0 && self->missed)
    {
      self->missed = FALSE;
      /* Something happened meanwhile, perhaps not only our save. */
      self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
    }
}
