/* gloss-recovery-dialog.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown at start-up when drafts of unsaved work are left on disk (issue 7):
 * one row per draft saying what it holds, with Restore and Discard (after
 * a confirmation) for each, Restore All, and Decide Later, which keeps the
 * drafts for the next start.
 */

#define G_LOG_DOMAIN "gloss-recovery-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-recovery-dialog.h"

typedef struct
{
  GlossDraftInfo *info;
  GtkWidget      *row;
} Draft;

struct _GlossRecoveryDialog
{
  AdwWindow         parent_instance;

  GlossApplication *application;
  GPtrArray        *drafts;   /* of Draft */
  gboolean          crashed;

  GtkWidget        *list;
  GtkWidget        *restore_all_button;
};

G_DEFINE_FINAL_TYPE (GlossRecoveryDialog, gloss_recovery_dialog, ADW_TYPE_WINDOW)

static void
draft_free (Draft *draft)
{
  gloss_draft_info_unref (draft->info);
  g_free (draft);
}

static Draft *
find_draft (GlossRecoveryDialog *self,
            const char          *draft_id,
            guint               *index)
{
  for (guint i = 0; i < self->drafts->len; i++)
    {
      Draft *draft = g_ptr_array_index (self->drafts, i);

      if (g_strcmp0 (gloss_draft_info_get_id (draft->info), draft_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return draft;
        }
    }

  return NULL;
}

static char *
dup_title (GlossDraftInfo *info)
{
  const char *title = gloss_draft_info_get_title (info);
  const char *path = gloss_draft_info_get_path (info);

  if (title != NULL && title[0] != '\0')
    return g_strdup (title);
  if (path != NULL)
    return g_path_get_basename (path);

  return g_strdup (_("Untitled"));
}

static char *
dup_subtitle (GlossDraftInfo *info)
{
  const char *path = gloss_draft_info_get_path (info);
  g_autofree char *where = NULL;
  g_autofree char *count = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) changed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n = gloss_draft_info_get_n_annotations (info);

  if (path != NULL)
    {
      const char *home = g_get_home_dir ();
      gsize home_len = home != NULL ? strlen (home) : 0;

      if (home_len > 1 && g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
        where = g_strconcat ("~", path + home_len, NULL);
      else
        where = g_strdup (path);
    }
  else
    where = g_strdup (_("Never saved"));

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n), n);

  changed = g_date_time_new_from_unix_local (gloss_draft_info_get_changed (info));
  if (changed == NULL)
    when = g_strdup (_("changed at an unknown time"));
  else if (g_date_time_get_year (changed) == g_date_time_get_year (now) &&
           g_date_time_get_day_of_year (changed) == g_date_time_get_day_of_year (now))
    {
      /* Translators: strftime format of a time today */
      g_autofree char *time = g_date_time_format (changed, _("%H:%M:%S"));

      /* Translators: %s is a time, e.g. 14:02:11 */
      when = g_strdup_printf (_("last changed today at %s"), time);
    }
  else
    {
      /* Translators: strftime format of a date and time */
      g_autofree char *time = g_date_time_format (changed, _("%e %B %Y, %H:%M"));

      /* Translators: %s is a date and time */
      when = g_strdup_printf (_("last changed %s"), g_strstrip (time));
    }

  /* Translators: a draft's file, annotation count and time of the last
   * change, e.g. "~/a.gloss.json\n12 annotations, last changed today at 14:02" */
  return g_strdup_printf (_("%s\n%s, %s"), where, count, when);
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
remove_draft (GlossRecoveryDialog *self,
              const char          *draft_id)
{
  Draft *draft;
  guint index;

  if ((draft = find_draft (self, draft_id, &index)) == NULL)
    return;

  gtk_list_box_remove (GTK_LIST_BOX (self->list), draft->row);
  g_ptr_array_remove_index (self->drafts, index);

  /* Nothing left to decide: close, once the confirmation dialog that may
   * have asked (transient for this one) is gone. */
  if (self->drafts->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
show_error (GlossRecoveryDialog *self,
            const char          *heading,
            const char          *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
gloss_recovery_dialog_restore (GlossRecoveryDialog  *self,
                               const char           *draft_id,
                               GError              **error)
{
  g_autofree char *id = g_strdup (draft_id);
  GtkWindow *window;

  g_return_val_if_fail (GLOSS_IS_RECOVERY_DIALOG (self), NULL);

  window = gloss_application_restore_draft (self->application, id, error);
  if (window != NULL)
    remove_draft (self, id);

  return window;
}

static void
restore_clicked_cb (GtkButton           *button,
                    GlossRecoveryDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "draft-id");
  Draft *draft = find_draft (self, id, NULL);
  g_autofree char *title = draft != NULL ? dup_title (draft->info) : NULL;
  g_autoptr(GError) error = NULL;

  g_object_ref (self);
  if (gloss_recovery_dialog_restore (self, id, &error) == NULL)
    {
      /* Translators: %s is a document title */
      g_autofree char *heading = g_strdup_printf (_("Could Not Restore “%s”"), title);

      show_error (self, heading, error->message);
    }
  g_object_unref (self);
}

void
gloss_recovery_dialog_restore_all (GlossRecoveryDialog *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) failures = g_string_new (NULL);

  g_return_if_fail (GLOSS_IS_RECOVERY_DIALOG (self));

  for (guint i = 0; i < self->drafts->len; i++)
    {
      Draft *draft = g_ptr_array_index (self->drafts, i);

      g_ptr_array_add (ids, g_strdup (gloss_draft_info_get_id (draft->info)));
    }

  g_object_ref (self);
  for (guint i = 0; i < ids->len; i++)
    {
      Draft *draft = find_draft (self, ids->pdata[i], NULL);
      g_autofree char *title = draft != NULL ? dup_title (draft->info) : NULL;
      g_autoptr(GError) error = NULL;

      if (draft == NULL)
        continue;
      if (gloss_recovery_dialog_restore (self, ids->pdata[i], &error) == NULL)
        g_string_append_printf (failures, "%s: %s\n", title, error->message);
    }

  if (failures->len > 0)
    show_error (self, _("Some Drafts Could Not Be Restored"), g_strstrip (failures->str));
  g_object_unref (self);
}

static void
restore_all_clicked_cb (GlossRecoveryDialog *self)
{
  gloss_recovery_dialog_restore_all (self);
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     GlossRecoveryDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "draft-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  if (!gloss_draft_store_discard_id (gloss_application_get_draft_store (self->application), id, &error))
    {
      show_error (self, _("Could Not Discard the Draft"), error->message);
      return;
    }

  remove_draft (self, id);
}

AdwMessageDialog *
gloss_recovery_dialog_ask_discard (GlossRecoveryDialog *self,
                                   const char          *draft_id)
{
  Draft *draft;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GLOSS_IS_RECOVERY_DIALOG (self), NULL);

  if ((draft = find_draft (self, draft_id, NULL)) == NULL)
    return NULL;

  title = dup_title (draft->info);
  /* Translators: %s is a document title */
  heading = g_strdup_printf (_("Discard “%s”?"), title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The unsaved changes kept in this draft will be permanently lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "draft-id", g_strdup (draft_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
discard_clicked_cb (GtkButton           *button,
                    GlossRecoveryDialog *self)
{
  gloss_recovery_dialog_ask_discard (self, g_object_get_data (G_OBJECT (button), "draft-id"));
}

static GtkWidget *
make_row (GlossRecoveryDialog *self,
          GlossDraftInfo      *info)
{
  g_autofree char *title = dup_title (info);
  g_autofree char *subtitle = dup_subtitle (info);
  const char *id = gloss_draft_info_get_id (info);
  GtkWidget *row, *restore, *discard;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

  discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (discard, _("Discard…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"),
                                  -1);
  gtk_widget_add_css_class (discard, "flat");
  g_object_set_data_full (G_OBJECT (discard), "draft-id", g_strdup (id), g_free);
  g_signal_connect_object (discard, "clicked", G_CALLBACK (discard_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);

  restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (restore), "draft-id", g_strdup (id), g_free);
  g_signal_connect_object (restore, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

  return row;
}

static void
gloss_recovery_dialog_dispose (GObject *object)
{
  GlossRecoveryDialog *self = GLOSS_RECOVERY_DIALOG (object);

  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (gloss_recovery_dialog_parent_class)->dispose (object);
}

static void
gloss_recovery_dialog_class_init (GlossRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_recovery_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_recovery_dialog_init (GlossRecoveryDialog *self)
{
  self->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_free);
}

GlossRecoveryDialog *
gloss_recovery_dialog_new (GlossApplication *application,
                           GPtrArray        *drafts,
                           gboolean          crashed)
{
  GlossRecoveryDialog *self;
  GtkWidget *box, *header, *heading, *body, *scroller, *clamp, *content, *buttons, *later;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (drafts != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_RECOVERY_DIALOG,
                       "modal", TRUE,
                       "title", _("Recover Unsaved Work"),
                       "default-width", 600,
                       "destroy-with-parent", FALSE,
                       NULL);
  self->application = g_object_ref (application);
  self->crashed = crashed;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), gtk_label_new (NULL));
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_bottom (content, 18);

  heading = gtk_label_new (crashed ? _("Gloss Did Not Shut Down Properly") : _("Unsaved Work Found"));
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_justify (GTK_LABEL (heading), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (content), heading);

  body = gtk_label_new (crashed ?
                        g_dngettext (GETTEXT_PACKAGE,
                                     "Gloss kept a recovery copy of a document with unsaved changes. Restore it to go on where you left off.",
                                     "Gloss kept recovery copies of documents with unsaved changes. Restore them to go on where you left off.",
                                     drafts->len) :
                        g_dngettext (GETTEXT_PACKAGE,
                                     "This document has changes that were neither saved nor discarded.",
                                     "These documents have changes that were neither saved nor discarded.",
                                     drafts->len));
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (content), body);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_margin_top (self->list, 6);
  for (guint i = 0; i < drafts->len; i++)
    {
      Draft *draft = g_new0 (Draft, 1);

      draft->info = gloss_draft_info_ref (g_ptr_array_index (drafts, i));
      draft->row = make_row (self, draft->info);
      gtk_list_box_append (GTK_LIST_BOX (self->list), draft->row);
      g_ptr_array_add (self->drafts, draft);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (buttons, 6);
  later = gtk_button_new_with_mnemonic (_("Decide _Later"));
  gtk_widget_set_tooltip_text (later, _("Keep the drafts and ask again at the next start"));
  g_signal_connect_swapped (later, "clicked", G_CALLBACK (gtk_window_close), self);
  gtk_widget_add_css_class (later, "pill");
  gtk_box_append (GTK_BOX (buttons), later);
  self->restore_all_button = gtk_button_new_with_mnemonic (drafts->len == 1 ? _("_Restore") : _("Restore _All"));
  gtk_widget_add_css_class (self->restore_all_button, "suggested-action");
  gtk_widget_add_css_class (self->restore_all_button, "pill");
  g_signal_connect_swapped (self->restore_all_button, "clicked", G_CALLBACK (restore_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->restore_all_button);
  gtk_box_append (GTK_BOX (content), buttons);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_box_append (GTK_BOX (box), clamp);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->restore_all_button);

  return self;
}

gboolean
gloss_recovery_dialog_get_crashed (GlossRecoveryDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY_DIALOG (self), FALSE);

  return self->crashed;
}

guint
gloss_recovery_dialog_get_n_drafts (GlossRecoveryDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY_DIALOG (self), 0);

  return self->drafts->len;
}

const char *
gloss_recovery_dialog_get_draft_id (GlossRecoveryDialog *self,
                                    guint                i)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY_DIALOG (self), NULL);
  g_return_val_if_fail (i < self->drafts->len, NULL);

  return gloss_draft_info_get_id (((Draft *) g_ptr_array_index (self->drafts, i))->info);
}

char *
gloss_recovery_dialog_dup_summary (GlossRecoveryDialog *self,
                                   guint                i)
{
  Draft *draft;

  g_return_val_if_fail (GLOSS_IS_RECOVERY_DIALOG (self), NULL);
  g_return_val_if_fail (i < self->drafts->len, NULL);

  draft = g_ptr_array_index (self->drafts, i);

  return g_strdup_printf ("%s\n%s",
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (draft->row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (draft->row)));
}
