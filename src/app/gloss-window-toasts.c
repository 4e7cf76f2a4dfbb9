/* gloss-window-toasts.c: toasts that come a frame after what they are
 * about, and go only when libadwaita 1.2 can take it
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-window-toasts"

#include "config.h"

#include "gloss-window-private.h"

/* Toasts come and go with animations: a toast is dismissed by us only
 * once they have run (GLOSS_TOAST_SETTLED_USEC). */
static void
toasts_moved (GlossWindow *self)
{
  self->toasts_moved = g_get_monotonic_time ();
}

static void
toast_dismissed_cb (GlossWindow *self,
                    AdwToast    *toast)
{
  toasts_moved (self);
  if (self->settling_toasts != NULL)
    g_ptr_array_remove (self->settling_toasts, toast);
  if (self->superseded_toasts != NULL)
    g_ptr_array_remove (self->superseded_toasts, toast);
}

static void
show_toast_now (GlossWindow *self,
                AdwToast    *toast)
{
  toasts_moved (self);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
add_pending_toasts (GlossWindow *self)
{
  g_autoptr(GPtrArray) toasts = g_steal_pointer (&self->pending_toasts);

  for (guint i = 0; toasts != NULL && i < toasts->len; i++)
    show_toast_now (self, g_object_ref (g_ptr_array_index (toasts, i)));
}

/**
 * _gloss_window_withdraw_toast:
 *
 * Takes @toast back if it is still waiting for its frame: dismissing it
 * then would do nothing, and it would come up afterwards.
 *
 * Returns: whether @toast was waiting
 */
gboolean
_gloss_window_withdraw_toast (GlossWindow *self,
                              AdwToast    *toast)
{
  return self->pending_toasts != NULL && g_ptr_array_remove (self->pending_toasts, toast);
}

/* Whether a toast is sliding out (a toast pushed aside by an important
 * one, or one dismissed): its widget stays until it is gone. */
static gboolean
toast_leaving (GlossWindow *self)
{
  GtkWidget *content = adw_toast_overlay_get_child (self->toast_overlay);
  guint n_toasts = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      n_toasts++;

  return n_toasts > 1;
}

/* Animations run in frames, timers do not: after a long block of the main
 * loop a timer fires before the animations that should have ended have
 * had their frame. So the toasts are dismissed from a frame, the second
 * one after the animations may have ended, one at a time. */
static gboolean
settle_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  g_autoptr(AdwToast) toast = NULL;

  if (toast_leaving (self))
    self->toasts_moved = MAX (self->toasts_moved, now);
  if (now - self->toasts_moved < GLOSS_TOAST_SETTLED_USEC)
    self->settled_frames = 0;
  else if (++self->settled_frames >= 2 && self->settling_toasts->len > 0)
    {
      self->settled_frames = 0;
      toast = g_ptr_array_steal_index (self->settling_toasts, 0);
      adw_toast_dismiss (toast);
    }
  /* Superseded messages last: an Undo that must go goes first. */
  else if (self->settled_frames >= 2 && self->superseded_toasts->len > 0)
    {
      self->settled_frames = 0;
      toast = g_ptr_array_steal_index (self->superseded_toasts, 0);
      adw_toast_dismiss (toast);
    }

  if (self->settling_toasts->len > 0 || self->superseded_toasts->len > 0)
    return G_SOURCE_CONTINUE;

  self->settle_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Takes @toast away at once if it is still waiting for its frame, else
 * adds it to @list (settling_toasts or superseded_toasts) for the
 * settle tick. */
static void
dismiss_settled (GlossWindow *self,
                 AdwToast    *toast,
                 GPtrArray   *list)
{
  if (_gloss_window_withdraw_toast (self, toast) || list == NULL /* disposed */ ||
      g_ptr_array_find (self->settling_toasts, toast, NULL) ||
      g_ptr_array_find (self->superseded_toasts, toast, NULL))
    return;

  g_ptr_array_add (list, g_object_ref (toast));
  if (self->settle_tick == 0)
    {
      self->settled_frames = 0;
      self->settle_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), settle_tick_cb, NULL, NULL);
    }
}

/**
 * _gloss_window_dismiss_toast:
 *
 * Takes @toast away as soon as that is safe: at once if it is still
 * waiting for its frame, else once the toasts have settled.
 */
void
_gloss_window_dismiss_toast (GlossWindow *self,
                             AdwToast    *toast)
{
  dismiss_settled (self, toast, self->settling_toasts);
}

static gboolean
pending_toasts_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gdk_frame_clock_get_frame_counter (clock) <= self->pending_toast_frame)
    return G_SOURCE_CONTINUE;

  self->pending_toast_tick = 0;
  add_pending_toasts (self);

  return G_SOURCE_REMOVE;
}

/**
 * _gloss_window_add_toast:
 * @toast: (transfer full): a new toast
 *
 * Adds @toast in the frame after the next one, after any toast still
 * waiting. An edit shows in the next frame, and a new toast is a new
 * widget, whose styles and layout (and the overlay's) cost about 6 ms in
 * GTK 4.8: a third of a frame. A toast slides in anyway; a frame later is
 * not seen.
 */
void
_gloss_window_add_toast (GlossWindow *self,
                         AdwToast    *toast)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      add_pending_toasts (self);
      show_toast_now (self, toast);
      return;
    }

  if (self->pending_toasts == NULL)
    self->pending_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->pending_toasts, toast);
  self->pending_toast_frame = gdk_frame_clock_get_frame_counter (clock) + 1;
  if (self->pending_toast_tick == 0)
    self->pending_toast_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_toasts_tick_cb, NULL, NULL);
}

static void
status_toast_dismissed_cb (GlossWindow *self,
                           AdwToast    *toast)
{
  if (self->status_toast == toast)
    g_clear_object (&self->status_toast);
}

/**
 * _gloss_toast_new:
 *
 * A toast that shows @text as it is. AdwToast reads its title as Pango
 * markup, and the texts of toasts hold quotes, names and file paths:
 * "Smith & Sons" would show as an empty toast.
 */
AdwToast *
_gloss_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
_gloss_window_show_toast (GlossWindow *self,
            const char  *message)
{
  AdwToast *toast = _gloss_toast_new (message);

  gloss_set_str (&self->last_message, message);
  adw_toast_set_timeout (toast, 5);

  g_signal_connect_object (toast, "dismissed", G_CALLBACK (status_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  _gloss_window_add_toast (self, g_object_ref (toast));

  /* A message supersedes the one before it: after "Undone: …" then
   * "Redone: …", the first goes instead of staying up for its five
   * seconds with the second queued behind it. (Dismissed after the new
   * one is added, so the settle tick runs after the new toast's own
   * frame tick, as for any other toast it takes away.) */
  if (self->status_toast != NULL)
    dismiss_settled (self, self->status_toast, self->superseded_toasts);
  g_clear_object (&self->status_toast);
  self->status_toast = toast;
}

void
_gloss_window_init_toasts (GlossWindow *self)
{
  self->settling_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->superseded_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->deletion_toasts = g_ptr_array_new_with_free_func (g_object_unref);
}

void
_gloss_window_dispose_toasts (GlossWindow *self)
{
  if (self->pending_toast_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_toast_tick);
  self->pending_toast_tick = 0;
  g_clear_pointer (&self->pending_toasts, g_ptr_array_unref);
  g_clear_pointer (&self->deletion_toasts, g_ptr_array_unref);
  if (self->settle_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->settle_tick);
  self->settle_tick = 0;
  g_clear_pointer (&self->settling_toasts, g_ptr_array_unref);
  g_clear_pointer (&self->superseded_toasts, g_ptr_array_unref);
  g_clear_object (&self->status_toast);
}
