/* gloss-open-url-dialog.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-open-url"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-compat.h"
#include "gloss-fetcher.h"
#include "gloss-open-url-dialog.h"

#define PULSE_INTERVAL_MS 120

struct _GlossOpenUrlDialog
{
  AdwWindow       parent_instance;

  GlossFetcher   *fetcher;
  GCancellable   *cancellable;
  char           *error_message;
  gint64          total;
  guint           pulse_id;

  /* Template children */
  GtkButton      *cancel_button;
  GtkButton      *open_button;
  GtkStack       *stack;
  AdwEntryRow    *url_row;
  GtkLabel       *error_label;
  GtkLabel       *host_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
};

G_DEFINE_FINAL_TYPE (GlossOpenUrlDialog, gloss_open_url_dialog, ADW_TYPE_WINDOW)

enum {
  FETCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
gloss_open_url_is_valid (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (text == NULL)
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

/* "example.com/news" → "https://example.com/news": people type addresses
 * without the scheme. */
static char *
dup_typed_url (GlossOpenUrlDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));

  if (text[0] != '\0' && strstr (text, "://") == NULL && strchr (text, ' ') == NULL &&
      strchr (text, '.') != NULL)
    return g_strconcat ("https://", text, NULL);

  return g_steal_pointer (&text);
}

static void
show_error (GlossOpenUrlDialog *self,
            const char         *message)
{
  gloss_set_str (&self->error_message, message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
url_changed_cb (GlossOpenUrlDialog *self)
{
  g_autofree char *url = dup_typed_url (self);
  gboolean valid = gloss_open_url_is_valid (url);

  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), valid && self->cancellable == NULL);
  if (valid || url[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
}

static gboolean
pulse_cb (gpointer user_data)
{
  GlossOpenUrlDialog *self = user_data;

  if (self->total < 0)
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
stop_fetching (GlossOpenUrlDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_stack_set_visible_child_name (self->stack, "address");
  url_changed_cb (self);
}

static void
progress_cb (guint64  received,
             gint64   total,
             gpointer user_data)
{
  GlossOpenUrlDialog *self = user_data;
  g_autofree char *got = g_format_size (received);
  g_autofree char *text = NULL;

  if (self->cancellable == NULL)
    return;

  self->total = total;
  if (total > 0)
    {
      g_autofree char *all = g_format_size ((guint64) total);

      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) received / (double) total));
      /* Translators: e.g. "1.2 MB of 3.4 MB received" */
      text = g_strdup_printf (_("%s of %s received"), got, all);
    }
  else
    /* Translators: e.g. "1.2 MB received" */
    text = g_strdup_printf (_("%s received"), got);

  gtk_label_set_text (self->progress_label, text);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GlossOpenUrlDialog) self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_fetcher_fetch_document_finish (GLOSS_FETCHER (object), result, &error);

  /* Cancelled: the dialog is closing (or closed); show nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_fetching (self);

  if (document == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[FETCHED], 0, document);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
gloss_open_url_dialog_start (GlossOpenUrlDialog *self)
{
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *fetching = NULL;

  g_return_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self));

  if (self->cancellable != NULL)
    return;

  url = dup_typed_url (self);
  if (!gloss_open_url_is_valid (url))
    {
      show_error (self, _("Type a web address starting with http:// or https://"));
      return;
    }

  show_error (self, NULL);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  /* Translators: %s is a host name, e.g. "Fetching example.com…" */
  fetching = g_strdup_printf (_("Fetching %s…"), g_uri_get_host (uri));
  gtk_label_set_text (self->host_label, fetching);
  gtk_label_set_text (self->progress_label, _("Connecting…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), FALSE);
  /* The address row is hidden: Cancel has the keyboard while it loads. */
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));

  self->total = -1;
  self->cancellable = g_cancellable_new ();
  self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);

  gloss_fetcher_fetch_document_async (self->fetcher, url, self->cancellable,
                                      progress_cb, g_object_ref (self), g_object_unref,
                                      fetch_cb, g_object_ref (self));
}

void
gloss_open_url_dialog_cancel (GlossOpenUrlDialog *self)
{
  g_return_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      stop_fetching (self);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_clicked_cb (GlossOpenUrlDialog *self)
{
  gloss_open_url_dialog_start (self);
}

static void
cancel_clicked_cb (GlossOpenUrlDialog *self)
{
  gloss_open_url_dialog_cancel (self);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  gloss_open_url_dialog_cancel (GLOSS_OPEN_URL_DIALOG (widget));

  return TRUE;
}

static gboolean
gloss_open_url_dialog_close_request (GtkWindow *window)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (window);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      stop_fetching (self);
    }

  return GTK_WINDOW_CLASS (gloss_open_url_dialog_parent_class)->close_request (window);
}

static void
gloss_open_url_dialog_dispose (GObject *object)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetcher);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_OPEN_URL_DIALOG);

  G_OBJECT_CLASS (gloss_open_url_dialog_parent_class)->dispose (object);
}

static void
gloss_open_url_dialog_finalize (GObject *object)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (object);

  g_free (self->error_message);

  G_OBJECT_CLASS (gloss_open_url_dialog_parent_class)->finalize (object);
}

/* The address is what the dialog is for: it has the keyboard at once
 * (the Cancel button had it, so typing went nowhere and Enter cancelled). */
static void
gloss_open_url_dialog_map (GtkWidget *widget)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (widget);

  GTK_WIDGET_CLASS (gloss_open_url_dialog_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

static void
gloss_open_url_dialog_class_init (GlossOpenUrlDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_open_url_dialog_dispose;
  object_class->finalize = gloss_open_url_dialog_finalize;
  window_class->close_request = gloss_open_url_dialog_close_request;
  widget_class->map = gloss_open_url_dialog_map;

  /**
   * GlossOpenUrlDialog::fetched:
   * @document: the article extracted from the page
   */
  signals[FETCHED] =
    g_signal_new ("fetched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-open-url-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, host_label);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
gloss_open_url_dialog_init (GlossOpenUrlDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fetcher = gloss_fetcher_new ();
  self->total = -1;
}

GlossOpenUrlDialog *
gloss_open_url_dialog_new (GtkWindow *parent)
{
  return g_object_new (GLOSS_TYPE_OPEN_URL_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

void
gloss_open_url_dialog_set_url (GlossOpenUrlDialog *self,
                               const char         *url)
{
  g_return_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
}

const char *
gloss_open_url_dialog_get_url (GlossOpenUrlDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

gboolean
gloss_open_url_dialog_get_fetching (GlossOpenUrlDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const char *
gloss_open_url_dialog_get_error (GlossOpenUrlDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self), NULL);

  return self->error_message;
}
