/* gloss-export-dialog.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-compat.h"
#include "gloss-export.h"
#include "gloss-export-dialog.h"

#define MAX_SHOWN_LOSSES   40
#define PREVIEW_DELAY_MS   250

struct _GlossExportDialog
{
  AdwWindow              parent_instance;

  GlossDocument         *document;
  GSettings             *settings;
  char                  *base_name;
  GFile                 *folder;

  const GlossFormatInfo *format;
  GHashTable            *options;     /* key → value of the current format */
  GPtrArray             *option_rows; /* rows in options_group */
  GPtrArray             *loss_rows;   /* rows in losses_group */
  GPtrArray             *losses;      /* of the last preview, or NULL */
  GStrv                  file_names;  /* files of the last preview (gloss_export_result_get_name) */
  char                  *error_message;
  GCancellable          *preview_cancellable;
  guint                  preview_id;
  guint                  previews_running;
  gboolean               exporting;
  gboolean               updating;

  /* Template children */
  AdwWindowTitle        *window_title;
  GtkButton             *cancel_button;
  GtkButton             *export_button;
  GtkSpinner            *spinner;
  GtkListBox            *format_list;
  AdwPreferencesGroup   *format_group;
  AdwPreferencesGroup   *options_group;
  AdwPreferencesGroup   *losses_group;
  AdwActionRow          *keeps_row;
  AdwActionRow          *loses_row;
  AdwActionRow          *offsets_row;
};

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_busy (GlossExportDialog *self)
{
  gboolean busy = self->previews_running > 0 || self->exporting;

  if (self->spinner == NULL) /* disposed */
    return;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->format != NULL && !self->exporting);
  /* The files are being written: closing would hide the outcome. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !self->exporting);
  gtk_window_set_deletable (GTK_WINDOW (self), !self->exporting);
}

/* Options are shown unless they only make sense when importing. */
static gboolean
option_is_for_export (const GlossFormatOption *option)
{
  return !g_str_equal (option->key, "record");
}

/* Losses ------------------------------------------------------------------ */

static void
clear_loss_rows (GlossExportDialog *self)
{
  for (guint i = 0; i < self->loss_rows->len; i++)
    adw_preferences_group_remove (self->losses_group, self->loss_rows->pdata[i]);
  g_ptr_array_set_size (self->loss_rows, 0);
}

static void
add_loss_row (GlossExportDialog *self,
              const char        *text,
              const char        *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  adw_preferences_group_add (self->losses_group, row);
  g_ptr_array_add (self->loss_rows, row);
}

static void
show_losses (GlossExportDialog *self)
{
  clear_loss_rows (self);

  if (self->error_message != NULL)
    {
      add_loss_row (self, self->error_message, "dialog-error-symbolic");
      adw_preferences_group_set_description (self->losses_group, NULL);
      return;
    }

  if (self->losses == NULL)
    {
      adw_preferences_group_set_description (self->losses_group, _("Checking this article…"));
      return;
    }

  if (self->losses->len == 0)
    {
      adw_preferences_group_set_description (self->losses_group, NULL);
      add_loss_row (self, _("Nothing: every annotation is exported as it is"), "emblem-ok-symbolic");
      return;
    }

  adw_preferences_group_set_description (self->losses_group,
                                         _("The export goes ahead without these; keep the Gloss file for them."));
  for (guint i = 0; i < self->losses->len && i < MAX_SHOWN_LOSSES; i++)
    add_loss_row (self, self->losses->pdata[i], "dialog-warning-symbolic");

  if (self->losses->len > MAX_SHOWN_LOSSES)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more",
                                                            self->losses->len - MAX_SHOWN_LOSSES),
                                               self->losses->len - MAX_SHOWN_LOSSES);

      add_loss_row (self, more, NULL);
    }
}

/* Exporting runs on a copy of the options; the dialog is modal, so the
 * document does not change meanwhile. */
typedef struct
{
  const GlossFormatInfo *format;
  GlossDocument         *document;
  GHashTable            *options;
  char                  *base;
  char                  *main_path;
  GStrv                  names;       /* set by the preview thread */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->document);
  g_clear_pointer (&job->options, g_hash_table_unref);
  g_free (job->base);
  g_free (job->main_path);
  g_strfreev (job->names);
  g_free (job);
}

static GHashTable *
copy_options (GHashTable *options)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, options);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

static ExportJob *
export_job_new (GlossExportDialog *self)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->format = self->format;
  job->document = g_object_ref (self->document);
  job->options = copy_options (self->options);

  return job;
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GlossExportResult) result = NULL;
  GError *error = NULL;

  result = gloss_export_document (job->format, job->document, job->options, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    {
      GPtrArray *losses = gloss_export_result_get_losses (result);
      /* A copy: the result frees its strings. */
      GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

      for (guint i = 0; i < gloss_export_result_get_n_files (result); i++)
        g_strv_builder_add (names, gloss_export_result_get_name (result, i));
      job->names = g_strv_builder_end (names);

      for (guint i = 0; losses != NULL && i < losses->len; i++)
        g_ptr_array_add (copy, g_strdup (losses->pdata[i]));
      g_task_return_pointer (task, copy, (GDestroyNotify) g_ptr_array_unref);
    }
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);
  g_autoptr(GPtrArray) losses = NULL;
  g_autoptr(GError) error = NULL;

  self->previews_running--;
  update_busy (self);

  losses = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->document == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->preview_cancellable)
    return;

  g_clear_pointer (&self->losses, g_ptr_array_unref);
  self->losses = g_steal_pointer (&losses);
  g_clear_pointer (&self->file_names, g_strfreev);
  self->file_names = g_strdupv (((ExportJob *) g_task_get_task_data (G_TASK (result)))->names);
  gloss_set_str (&self->error_message, error != NULL ? error->message : NULL);
  show_losses (self);
}

static gboolean
run_preview (gpointer user_data)
{
  GlossExportDialog *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->preview_id = 0;
  if (self->format == NULL)
    return G_SOURCE_REMOVE;

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  self->previews_running++;
  update_busy (self);

  task = g_task_new (self, self->preview_cancellable, preview_cb, NULL);
  g_task_set_source_tag (task, run_preview);
  g_task_set_task_data (task, export_job_new (self), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, preview_thread);

  return G_SOURCE_REMOVE;
}

static void
queue_preview (GlossExportDialog *self,
               gboolean           now)
{
  g_clear_pointer (&self->losses, g_ptr_array_unref);
  g_clear_pointer (&self->file_names, g_strfreev);
  gloss_set_str (&self->error_message, NULL);
  show_losses (self);

  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (now)
    run_preview (self);
  else
    self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, run_preview, self);
}

/* Options ----------------------------------------------------------------- */

static void
set_option_value (GlossExportDialog *self,
                  const char        *key,
                  const char        *value,
                  gboolean           now)
{
  g_hash_table_insert (self->options, g_strdup (key), g_strdup (value != NULL ? value : ""));
  if (!self->updating)
    queue_preview (self, now);
}

static void
switch_changed_cb (GtkSwitch         *widget,
                   GParamSpec        *pspec,
                   GlossExportDialog *self)
{
  set_option_value (self, g_object_get_data (G_OBJECT (widget), "option-key"),
                    gtk_switch_get_active (widget) ? "true" : "false", TRUE);
}

static void
combo_changed_cb (AdwComboRow       *row,
                  GParamSpec        *pspec,
                  GlossExportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  if (item != NULL)
    set_option_value (self, g_object_get_data (G_OBJECT (row), "option-key"),
                      gtk_string_object_get_string (item), TRUE);
}

static void
entry_changed_cb (GtkEditable       *editable,
                  GlossExportDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  set_option_value (self, g_object_get_data (G_OBJECT (editable), "option-key"), text, FALSE);
}

static const char *
initial_value (GlossExportDialog       *self,
               const GlossFormatOption *option,
               char                   **owned)
{
  if (self->settings != NULL && g_str_equal (self->format->id, "claimreview") &&
      g_str_equal (option->key, "reviewer"))
    {
      *owned = g_settings_get_string (self->settings, "reviewer-organization");
      if (*owned != NULL && (*owned)[0] != '\0')
        return *owned;
    }

  return option->default_value;
}

static void
rebuild_options (GlossExportDialog *self)
{
  guint shown = 0;

  for (guint i = 0; i < self->option_rows->len; i++)
    adw_preferences_group_remove (self->options_group, self->option_rows->pdata[i]);
  g_ptr_array_set_size (self->option_rows, 0);
  g_hash_table_remove_all (self->options);

  self->updating = TRUE;

  for (guint i = 0; self->format->options != NULL && self->format->options[i].key != NULL; i++)
    {
      const GlossFormatOption *option = &self->format->options[i];
      g_autofree char *owned = NULL;
      const char *value = initial_value (self, option, &owned);
      GtkWidget *row = NULL;

      if (!option_is_for_export (option))
        continue;

      switch (option->type)
        {
        case GLOSS_FORMAT_OPTION_BOOLEAN:
          {
            GtkWidget *toggle = gtk_switch_new ();

            row = adw_action_row_new ();
            gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
            gtk_switch_set_active (GTK_SWITCH (toggle), g_strcmp0 (value, "true") == 0);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
            g_object_set_data_full (G_OBJECT (toggle), "option-key", g_strdup (option->key), g_free);
            g_object_set_data (G_OBJECT (row), "option-widget", toggle);
            g_signal_connect (toggle, "notify::active", G_CALLBACK (switch_changed_cb), self);
          }
          break;

        case GLOSS_FORMAT_OPTION_CHOICE:
          {
            g_auto(GStrv) choices = g_strsplit (option->choices != NULL ? option->choices : "", "|", -1);
            g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) choices);
            guint selected = 0;

            for (guint c = 0; choices[c] != NULL; c++)
              if (g_strcmp0 (choices[c], value) == 0)
                selected = c;

            row = adw_combo_row_new ();
            adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
            g_object_set_data_full (G_OBJECT (row), "option-key", g_strdup (option->key), g_free);
            g_object_set_data (G_OBJECT (row), "option-widget", row);
            g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
            /* @choices is freed at the end of this block. */
            g_free (owned);
            owned = g_strdup (choices[selected]);
            value = owned;
          }
          break;

        case GLOSS_FORMAT_OPTION_STRING:
        default:
          row = adw_entry_row_new ();
          gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
          g_object_set_data_full (G_OBJECT (row), "option-key", g_strdup (option->key), g_free);
          g_object_set_data (G_OBJECT (row), "option-widget", row);
          g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
          break;
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(option->label));
      g_object_set_data_full (G_OBJECT (row), "option-key", g_strdup (option->key), g_free);
      if (value != NULL)
        g_hash_table_insert (self->options, g_strdup (option->key), g_strdup (value));
      adw_preferences_group_add (self->options_group, row);
      g_ptr_array_add (self->option_rows, row);
      shown++;
    }

  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->options_group), shown > 0);
}

/* Formats ----------------------------------------------------------------- */

static void
select_format (GlossExportDialog     *self,
               const GlossFormatInfo *format)
{
  if (format == self->format)
    return;

  self->format = format;
  adw_window_title_set_subtitle (self->window_title, _(format->name));
  adw_preferences_group_set_title (self->format_group, _(format->name));
  adw_preferences_group_set_description (self->format_group, _(format->description));
  adw_action_row_set_subtitle (self->keeps_row, format->keeps != NULL ? _(format->keeps) : "");
  adw_action_row_set_subtitle (self->loses_row, format->loses != NULL ? _(format->loses) : "");
  adw_action_row_set_subtitle (self->offsets_row, format->offset_unit != NULL ? _(format->offset_unit) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->loses_row), format->loses != NULL && format->loses[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->offsets_row), format->offset_unit != NULL && format->offset_unit[0] != '\0');

  rebuild_options (self);
  update_busy (self);
  queue_preview (self, TRUE);
}

static void
format_selected_cb (GlossExportDialog *self,
                    GtkListBoxRow     *row)
{
  if (row != NULL)
    select_format (self, g_object_get_data (G_OBJECT (row), "format"));
}

static void
build_format_rows (GlossExportDialog *self)
{
  guint n_formats = 0;
  const GlossFormatInfo * const *formats = gloss_formats_get_all (&n_formats);

  for (guint i = 0; i < n_formats; i++)
    {
      const GlossFormatInfo *format = formats[i];
      GtkWidget *row, *box, *name, *description;

      if (format->export_func == NULL)
        continue;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      name = gtk_label_new (_(format->name));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      description = gtk_label_new (_(format->description));
      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_widget_add_css_class (description, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), description);

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, _(format->description));
      gtk_widget_set_name (row, format->id);
      g_object_set_data (G_OBJECT (row), "format", (gpointer) format);
      gtk_list_box_append (self->format_list, row);
    }
}

static GtkListBoxRow *
find_format_row (GlossExportDialog *self,
                 const char        *format_id)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->format_list, i);
      const GlossFormatInfo *format;

      if (row == NULL)
        return NULL;
      format = g_object_get_data (G_OBJECT (row), "format");
      if (format != NULL && g_str_equal (format->id, format_id))
        return row;
    }
}

/* Exporting --------------------------------------------------------------- */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GlossExportResult) result = NULL;
  GError *error = NULL;
  GStrv written;

  result = gloss_export_document (job->format, job->document, job->options, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  written = gloss_export_result_write (result, job->base, job->main_path, &error);
  if (written == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, written, (GDestroyNotify) g_strfreev);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);
  g_auto(GStrv) written = NULL;
  g_autoptr(GError) error = NULL;

  self->exporting = FALSE;
  update_busy (self);

  written = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->document == NULL) /* closed meanwhile */
    return;
  if (written == NULL)
    {
      GtkWidget *dialog;

      gloss_set_str (&self->error_message, error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, written);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void start_export (GlossExportDialog *self,
                          const char        *path);

/* The other files of the export that exist already, as a list for a
 * dialog, or NULL. */
static char *
existing_companions (GlossExportDialog *self,
                     const char        *path,
                     const char        *suffix)
{
  g_autofree char *base = g_strndup (path, strlen (path) - strlen (suffix));
  g_autofree char *dir = g_path_get_dirname (path);
  GString *list = NULL;

  for (guint i = 1; self->file_names != NULL && self->file_names[i - 1] != NULL && self->file_names[i] != NULL; i++)
    {
      const char *name = self->file_names[i];
      g_autofree char *other = name[0] == '.' ? g_strconcat (base, name, NULL)
                                              : g_build_filename (dir, name, NULL);

      if (g_strcmp0 (other, path) != 0 && g_file_test (other, G_FILE_TEST_EXISTS))
        {
          g_autofree char *basename = g_path_get_basename (other);

          if (list == NULL)
            list = g_string_new (NULL);
          g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", basename);
        }
    }

  return list != NULL ? g_string_free (list, FALSE) : NULL;
}

static void
companions_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (self != NULL && g_strcmp0 (response, "replace") == 0)
    start_export (self, user_data);
}

static void
confirm_companions (GlossExportDialog *self,
                    const char        *path,
                    const char        *existing)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_basename (dir);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s are file names, then the folder, e.g. "doc.txt, annotation.conf already exist in “News”…" */
  body = g_strdup_printf (strchr (existing, ',') != NULL
                          ? _("%s already exist in “%s”. Replacing them overwrites their contents.")
                          : _("%s already exists in “%s”. Replacing it overwrites its contents."),
                          existing, dir_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Existing Files?"), body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (companions_response_cb),
                         g_strdup (path), (GClosureNotify) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gloss_export_dialog_export_to_file (GlossExportDialog *self,
                                    GFile             *file)
{
  g_autofree char *path = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *existing = NULL;
  gboolean appended = FALSE;

  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->format == NULL || self->exporting)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      GtkWidget *dialog;
      g_autofree char *body = g_strdup_printf (_("%s is not a local file; choose a folder on this computer."), uri);

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* A name typed with an extension of its own (a CoNLL file as .txt) is
   * kept as typed; one without gets the format's, as do formats that
   * write files beside the main one (brat's .ann names its .txt). */
  suffix = g_strconcat (".", self->format->extension, NULL);
  if (!g_str_has_suffix (path, suffix))
    {
      g_autofree char *name = g_path_get_basename (path);
      /* The preview tells which files the format writes; until it has
       * come (or if it failed), a format that reads its text from a file
       * beside the main one (brat) may write one there: the extension
       * is added, so that the two never share a path. */
      gboolean companions = self->file_names != NULL ?
                            self->file_names[0] != NULL && self->file_names[1] != NULL :
                            self->format->needs_text;

      if (companions || strrchr (name, '.') == NULL || strrchr (name, '.') == name)
        {
          char *with = g_strconcat (path, suffix, NULL);

          g_free (path);
          path = with;
          appended = TRUE;
        }
    }

  /* The chooser confirmed replacing the name it was given; a file under
   * the name with the extension added, and the files written beside it
   * (brat's .txt and annotation.conf), are asked about here. */
  existing = g_str_has_suffix (path, suffix) ? existing_companions (self, path, suffix) : NULL;
  if (appended && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (path);
      char *with = existing != NULL ? g_strconcat (name, ", ", existing, NULL) : g_strdup (name);

      g_free (existing);
      existing = with;
    }
  if (existing != NULL)
    {
      confirm_companions (self, path, existing);
      return;
    }

  start_export (self, path);
}

static void
start_export (GlossExportDialog *self,
              const char        *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *suffix = g_strconcat (".", self->format->extension, NULL);
  ExportJob *job;

  job = export_job_new (self);
  job->main_path = g_strdup (path);
  /* Files beside the main one are named from it without its extension. */
  if (g_str_has_suffix (path, suffix))
    job->base = g_strndup (path, strlen (path) - strlen (suffix));
  else
    {
      const char *slash = strrchr (path, G_DIR_SEPARATOR);
      const char *dot = strrchr (path, '.');

      job->base = dot != NULL && (slash == NULL || dot > slash + 1) ? g_strndup (path, dot - path)
                                                                    : g_strdup (path);
    }

  self->exporting = TRUE;
  update_busy (self);

  task = g_task_new (self, NULL, export_cb, NULL);
  g_task_set_source_tag (task, gloss_export_dialog_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GlossExportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gloss_export_dialog_export_to_file (self, file);
    }

  g_object_unref (chooser);
}

static void
export_clicked_cb (GlossExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->format == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _(self->format->name));
  pattern = g_strconcat ("*.", self->format->extension, NULL);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = g_strconcat (self->base_name != NULL ? self->base_name : _("Untitled"), ".",
                      self->format->extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_handle_id (&self->preview_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->losses, g_ptr_array_unref);
  g_clear_pointer (&self->file_names, g_strfreev);
  g_clear_pointer (&self->options, g_hash_table_unref);
  g_clear_pointer (&self->option_rows, g_ptr_array_unref);
  g_clear_pointer (&self->loss_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_finalize (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  g_free (self->base_name);
  g_free (self->error_message);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->finalize (object);
}

static gboolean
gloss_export_dialog_close_request (GtkWindow *window)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (window);

  if (self->exporting)
    return TRUE;

  return GTK_WINDOW_CLASS (gloss_export_dialog_parent_class)->close_request (window);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));

  return TRUE;
}

/* The keyboard starts on the chosen format, so arrows choose another and
 * Tab reaches Export (Cancel had it: Enter cancelled). */
/* Enter (or a double click) on a format exports in it, as the Export
 * button does when it can. */
static void
format_activated_cb (GlossExportDialog *self)
{
  if (gtk_widget_is_sensitive (GTK_WIDGET (self->export_button)))
    export_clicked_cb (self);
}

static void
gloss_export_dialog_map (GtkWidget *widget)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->format_list);

  GTK_WIDGET_CLASS (gloss_export_dialog_parent_class)->map (widget);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_export_dialog_dispose;
  object_class->finalize = gloss_export_dialog_finalize;
  widget_class->map = gloss_export_dialog_map;
  GTK_WINDOW_CLASS (klass)->close_request = gloss_export_dialog_close_request;

  /**
   * GlossExportDialog::exported:
   * @paths: (array zero-terminated=1): the files written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_list);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_group);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, losses_group);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, keeps_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, loses_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, offsets_row);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_activated_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->option_rows = g_ptr_array_new ();
  self->loss_rows = g_ptr_array_new ();
  build_format_rows (self);
}

GlossExportDialog *
gloss_export_dialog_new (GtkWindow     *parent,
                         GlossDocument *document,
                         const char    *base_name,
                         GFile         *folder,
                         GSettings     *settings)
{
  GlossExportDialog *self;
  guint n_formats = 0;
  const GlossFormatInfo * const *formats = gloss_formats_get_all (&n_formats);

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->base_name = g_strdup (base_name);
  self->folder = folder != NULL ? g_object_ref (folder) : NULL;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  for (guint i = 0; i < n_formats; i++)
    if (formats[i]->export_func != NULL)
      {
        gloss_export_dialog_set_format (self, formats[i]->id);
        break;
      }

  return self;
}

gboolean
gloss_export_dialog_set_format (GlossExportDialog *self,
                                const char        *format_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (format_id != NULL, FALSE);

  row = find_format_row (self, format_id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->format_list, row);
  select_format (self, g_object_get_data (G_OBJECT (row), "format"));

  return TRUE;
}

const char *
gloss_export_dialog_get_format (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  return self->format != NULL ? self->format->id : NULL;
}

void
gloss_export_dialog_set_option (GlossExportDialog *self,
                                const char        *key,
                                const char        *value)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (key != NULL);

  for (guint i = 0; i < self->option_rows->len; i++)
    {
      GObject *row = self->option_rows->pdata[i];
      GObject *widget = g_object_get_data (row, "option-widget");

      if (g_strcmp0 (g_object_get_data (row, "option-key"), key) != 0)
        continue;

      if (GTK_IS_SWITCH (widget))
        gtk_switch_set_active (GTK_SWITCH (widget), g_strcmp0 (value, "true") == 0);
      else if (ADW_IS_COMBO_ROW (widget))
        {
          GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));

          for (guint c = 0; c < g_list_model_get_n_items (model); c++)
            if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), c), value) == 0)
              adw_combo_row_set_selected (ADW_COMBO_ROW (widget), c);
        }
      else if (GTK_IS_EDITABLE (widget))
        gtk_editable_set_text (GTK_EDITABLE (widget), value != NULL ? value : "");
      return;
    }

  /* An option without a widget (e.g. import-only): set it all the same. */
  set_option_value (self, key, value, TRUE);
}

GPtrArray *
gloss_export_dialog_get_losses (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  return self->losses;
}

const char *
gloss_export_dialog_get_error (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  return self->error_message;
}

gboolean
gloss_export_dialog_get_busy (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), FALSE);

  return self->previews_running > 0 || self->preview_id != 0 || self->exporting;
}
