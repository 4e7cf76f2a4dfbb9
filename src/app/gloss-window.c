/* gloss-window.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-article.h"
#include "gloss-article-view.h"
#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-file-chooser.h"
#include "gloss-format.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"
#include "gloss-scheme.h"
#include "gloss-window-private.h"

#define MAX_RECENT_FILES  10
#define MAX_SHOWN_PROBLEMS 12
#define NATIVE_SUFFIX     ".gloss.json"


G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_SIDEBAR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_as (GlossWindow *self);
static void load_file (GlossWindow    *self,
                       GFile          *file,
                       GlossLoadFlags  flags);

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  GFile          *file;
  GlossLoadFlags  flags;
  GlossDocument  *document;
  GPtrArray      *problems;
  char           *etag;
  gboolean        native;
  char           *kind;     /* HTML page or imported format, else NULL */
  GPtrArray      *reports;  /* what an import approximated */
  guint           n_scheme_warnings;  /* values and links that do not fit the labels */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->document);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data->etag);
  g_free (data->kind);
  g_clear_pointer (&data->reports, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = gloss_file_load (data->file, GLOSS_FORMAT_MAX_BYTES, &data->etag, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Decide by content, not by the name. */
  if (gloss_format_sniff (bytes))
    {
      data->native = TRUE;
      data->document = gloss_format_read (bytes, data->flags, &data->problems, &error);
      if (data->document != NULL)
        {
          g_autoptr(GPtrArray) warnings = gloss_scheme_check_document (data->document);

          data->n_scheme_warnings = warnings->len;
        }
    }
  else
    {
      g_autofree char *source = g_file_get_parse_name (data->file);
      gsize len;
      const char *text = g_bytes_get_data (bytes, &len);
      gboolean handled = FALSE;

      /* HTML pages and other tools' files (gloss-window-export.c) */
      data->document = _gloss_window_load_foreign (data->file, bytes, &data->kind, &data->reports,
                                                   &handled, &error);
      if (!handled)
        data->document = gloss_article_new_from_text (text != NULL ? text : "", len, source, &error);
    }

  if (data->document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Helpers ------------------------------------------------------------------ */

static char *
dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return g_strdup (_("Untitled"));

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));

  return g_file_get_basename (file);
}

/* The path for a subtitle: "~/News/a.txt" rather than "/home/jo/News/a.txt". */
static char *
dup_display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();
  gsize home_len = home != NULL ? strlen (home) : 0;

  if (path != NULL && home_len > 1 &&
      g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + home_len, NULL);

  return g_file_get_parse_name (file);
}

static char *
dup_document_name (GlossWindow *self)
{
  const char *title = self->document != NULL ? gloss_document_get_title (self->document) : NULL;

  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  return dup_display_name (self->file != NULL ? self->file : self->source_file);
}

AdwMessageDialog *
_gloss_window_message_dialog_new (GlossWindow *self,
                    const char  *heading,
                    const char  *body)
{
  AdwMessageDialog *dialog;

  gloss_set_str (&self->last_message, body);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  /* Its response handlers use the window. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  return dialog;
}

void
_gloss_window_show_error (GlossWindow *self,
                   const char  *heading,
                   const char  *body)
{
  AdwMessageDialog *dialog = _gloss_window_message_dialog_new (self, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_window_set_busy (GlossWindow *self,
          gboolean     busy)
{
  if (busy)
    self->busy++;
  else
    {
      g_return_if_fail (self->busy > 0);
      self->busy--;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_gloss_window_update_title (GlossWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Gloss"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Gloss"));
      return;
    }

  name = dup_document_name (self);
  if (gloss_document_get_modified (self->document))
    /* Translators: window title of a document with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (self->file != NULL)
    subtitle = dup_display_path (self->file);
  else if (self->source_file != NULL)
    {
      g_autofree char *path = dup_display_path (self->source_file);

      /* Translators: subtitle of an article that has not been saved as a Gloss file */
      subtitle = g_strdup_printf (_("%s — not saved yet"), path);
    }
  else
    {
      /* A page from the web: its address (webexport-ui) */
      const char *source = gloss_document_get_source (self->document);
      g_autoptr(GUri) uri = source != NULL ? g_uri_parse (source, G_URI_FLAGS_NONE, NULL) : NULL;

      if (uri != NULL && g_uri_get_host (uri) != NULL &&
          (g_str_equal (g_uri_get_scheme (uri), "http") || g_str_equal (g_uri_get_scheme (uri), "https")))
        /* Translators: subtitle of a web article; %s is the web site, e.g. "example.com" */
        subtitle = g_strdup_printf (_("%s — not saved yet"), g_uri_get_host (uri));
      else
        subtitle = g_strdup (_("Not saved yet"));
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Called on every edit: the same title would still go to the server. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), title);
}

/* gtk_widget_action_set_enabled () tells every observer of the action
 * (buttons, menu items, shortcuts) even when nothing changed, and each
 * edit updates some fifty actions several times: in a profile of the
 * edits that was a quarter of their own time. @name must be static. */
void
_gloss_window_set_action_enabled (GlossWindow *self,
                                  const char  *name,
                                  gboolean     enabled)
{
  gpointer state = GINT_TO_POINTER (enabled ? 2 : 1);

  if (g_hash_table_lookup (self->action_enabled, name) == state)
    return;

  g_hash_table_insert (self->action_enabled, (gpointer) name, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

void
_gloss_window_update_actions (GlossWindow *self)
{
  gboolean has_document = self->document != NULL;
  GlossAnnotation *selected = gloss_sidebar_get_selected_annotation (self->sidebar);
  GlossHistory *history = has_document ? gloss_document_get_history (self->document) : NULL;
  gboolean idle = self->busy == 0;

  _gloss_window_set_action_enabled (self, "win.save", has_document && idle);
  _gloss_window_set_action_enabled (self, "win.save-as", has_document && idle);
  _gloss_window_set_action_enabled (self, "win.tag", has_document);
  _gloss_window_set_action_enabled (self, "win.delete-annotation", selected != NULL);
  _gloss_window_set_action_enabled (self, "win.edit-note", selected != NULL);
  _gloss_window_set_action_enabled (self, "win.move-boundary", selected != NULL);
  _gloss_window_set_action_enabled (self, "win.undo", history != NULL && gloss_history_get_can_undo (history));
  _gloss_window_set_action_enabled (self, "win.undo-deletion", history != NULL);
  _gloss_window_set_action_enabled (self, "win.redo", history != NULL && gloss_history_get_can_redo (history));
  _gloss_window_set_action_enabled (self, "win.next-annotation", has_document);
  _gloss_window_set_action_enabled (self, "win.previous-annotation", has_document);
  _gloss_window_set_action_enabled (self, "win.find", has_document);
  _gloss_window_set_action_enabled (self, "win.toggle-sidebar", has_document);

  _gloss_window_update_actions_claims (self);
  _gloss_window_set_action_enabled (self, "win.export", has_document && idle);
  _gloss_window_review_update_actions (self);
}

static void
add_recent (GlossWindow *self,
            GFile       *file,
            gboolean     native)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) (native ? "application/json" : "text/plain"),
    .app_name = (char *) "Gloss",
    .app_exec = (char *) "gloss %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return -g_date_time_compare (gtk_recent_info_get_modified (info_a),
                               gtk_recent_info_get_modified (info_b));
}

static void
rebuild_recent_menu (GlossWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, "Gloss") && gtk_recent_info_exists (info))
        g_ptr_array_add (mine, info);
    }
  g_ptr_array_sort (mine, compare_recent);

  for (guint i = 0; i < mine->len && i < MAX_RECENT_FILES; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (mine, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (section, item);
    }

  if (mine->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Files"), "win.no-recent");

      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, _("Recent Files"), G_MENU_MODEL (section));
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (menu));

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
apply_author (GlossWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *author = NULL;

  if (self->document == NULL)
    return;

  if (GLOSS_IS_APPLICATION (app))
    author = gloss_application_dup_annotator (GLOSS_APPLICATION (app));
  else
    author = g_strdup (g_get_real_name ());

  gloss_document_set_author (self->document, author);
}

static void
document_changed_cb (GlossWindow *self)
{
  _gloss_window_update_actions (self);
  _gloss_window_update_title (self);
}

void
_gloss_window_set_document (GlossWindow   *self,
              GlossDocument *document,
              GFile         *file,
              GFile         *source_file,
              const char    *etag)
{
  if (self->document != NULL)
    {
      gloss_sidebar_commit_note (self->sidebar);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_history (self->document), self);
    }

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_set_object (&self->source_file, source_file);
  gloss_set_str (&self->etag, etag);

  if (document != NULL)
    {
      apply_author (self);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (_gloss_window_update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::title",
                               G_CALLBACK (_gloss_window_update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_document_get_history (document), "notify::can-undo",
                               G_CALLBACK (_gloss_window_update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_document_get_history (document), "notify::can-redo",
                               G_CALLBACK (_gloss_window_update_actions), self, G_CONNECT_SWAPPED);
    }

  gloss_sidebar_set_document (self->sidebar, document);
  gloss_article_view_set_document (self->article_view, document);
  gtk_stack_set_visible_child_name (self->main_stack, document != NULL ? "document" : "empty");
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));

  _gloss_window_safety_document_set (self);
  _gloss_window_update_title (self);
  _gloss_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * _gloss_window_apply_default_labels:
 *
 * Gives a new, unannotated @document the label set chosen with "Use as
 * Default for New Documents" (GSettings "default-label-set"). If that file
 * is gone or damaged, the built-in set stays and the user is told why.
 */
void
_gloss_window_apply_default_labels (GlossWindow   *self,
                                    GlossDocument *document)
{
  g_autofree char *path = g_settings_get_string (self->settings, "default-label-set");
  g_autofree char *data = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  if (path == NULL || *path == '\0' ||
      gloss_annotation_store_get_n_items (gloss_document_get_annotations (document)) > 0)
    return;

  if (!g_file_get_contents (path, &data, &len, &error) ||
      (labels = gloss_label_set_new_from_json (data, len, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Using the built-in labels: the default label set %s could not be read (%s)"),
                                                  path, error->message);
      _gloss_window_show_toast (self, message);
      return;
    }

  gloss_document_set_labels (document, labels);
}

/* Opening ------------------------------------------------------------------ */

/* @problems (GlossProblems), one bullet a line, the first
 * MAX_SHOWN_PROBLEMS of them. */
char *
_gloss_window_problems_to_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len && i < MAX_SHOWN_PROBLEMS; i++)
    {
      g_autofree char *line = gloss_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "• %s\n", line);
    }

  if (problems != NULL && problems->len > MAX_SHOWN_PROBLEMS)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "…and %u more problem", "…and %u more problems",
                                         problems->len - MAX_SHOWN_PROBLEMS),
                            problems->len - MAX_SHOWN_PROBLEMS);

  return g_strstrip (g_string_free (text, FALSE));
}

/* A message dialog with @list (selectable, scrolled when long) in a card
 * under @body; the caller adds the responses. */
AdwMessageDialog *
_gloss_window_problems_dialog_new (GlossWindow *self,
                                   const char  *heading,
                                   const char  *body,
                                   const char  *list)
{
  AdwMessageDialog *dialog = _gloss_window_message_dialog_new (self, heading, body);
  GtkWidget *label = gtk_label_new (list);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "problem-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (dialog, scroller);

  return dialog;
}

static void
recoverable_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  GFile *file = user_data;
  GlossWindow *self = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "open") == 0 && self != NULL)
    load_file (self, file, GLOSS_LOAD_ACCEPT_RECOVERABLE);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_display_name (data->file);

  _gloss_window_set_busy (self, FALSE);
  _gloss_window_update_actions (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (self->document == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "empty");

      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_RECOVERABLE))
        {
          AdwMessageDialog *dialog;
          g_autofree char *problems = _gloss_window_problems_to_text (data->problems);
          const char *shown = problems[0] != '\0' ? problems : error->message;

          /* Translators: heading of a dialog; %s is a file name */
          heading = g_strdup_printf (_("Problems in “%s”"), name);
          dialog = _gloss_window_problems_dialog_new (self, heading,
                                                      _("Gloss can repair these problems: quotes are taken again from the text, unknown labels are added and broken headings are left out. Save the result under a new name to keep the original."),
                                                      shown);
          gloss_set_str (&self->last_message, shown);
          adw_message_dialog_add_responses (dialog,
                                            "cancel", _("_Cancel"),
                                            "open", _("_Open Anyway"),
                                            NULL);
          adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "cancel");
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_signal_connect_data (dialog, "response", G_CALLBACK (recoverable_response_cb),
                                 g_object_ref (data->file), (GClosureNotify) g_object_unref, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }

      /* Translators: heading of an error dialog; %s is a file name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      _gloss_window_show_error (self, heading, error->message);
      return;
    }

  if (data->native)
    {
      /* A repaired file is saved under a new name: the original stays. */
      gboolean repaired = (data->flags & GLOSS_LOAD_ACCEPT_RECOVERABLE) != 0 &&
                          data->problems != NULL && data->problems->len > 0;

      _gloss_window_set_document (self, data->document, repaired ? NULL : data->file, data->file,
                    repaired ? NULL : data->etag);
      if (repaired)
        _gloss_window_show_toast (self, _("The file was repaired; save it under a new name"));
      else if (data->n_scheme_warnings > 0)
        {
          g_autofree char *message = NULL;

          /* A colleague's file, or one made under an older label set:
           * the values are kept, and marked in the annotations' fields. */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u value or link does not fit the label set; it is marked in the annotation’s fields",
                                                  "%u values or links do not fit the label set; they are marked in the annotations’ fields",
                                                  data->n_scheme_warnings),
                                     data->n_scheme_warnings);
          _gloss_window_show_toast (self, message);
        }
    }
  else
    {
      /* A new article (text or HTML) starts from the user's default label
       * set; imports keep the labels their file names. */
      if (data->reports == NULL)
        _gloss_window_apply_default_labels (self, data->document);
      _gloss_window_set_document (self, data->document, NULL, data->file, NULL);
    }

  if (data->reports != NULL)
    _gloss_window_show_import_reports (self, data->kind, data->reports);

  add_recent (self, data->file, data->native);
}

static void
load_file (GlossWindow    *self,
           GFile          *file,
           GlossLoadFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  if (_gloss_window_file_is_web (file))
    {
      g_autofree char *uri = g_file_get_uri (file);

      _gloss_window_open_url (self, uri);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;

  if (self->document == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");

  _gloss_window_set_busy (self, TRUE);
  _gloss_window_update_actions (self);

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, load_file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

void
_gloss_window_load_file (GlossWindow *self,
                         GFile       *file)
{
  load_file (self, file, GLOSS_LOAD_FLAGS_NONE);
}

/**
 * gloss_window_open_file:
 *
 * Opens @file (a Gloss file or a plain-text article, told apart by their
 * content) in this window, or in a new one if this window holds unsaved
 * work. A failure is reported and leaves the open document alone.
 */
void
gloss_window_open_file (GlossWindow *self,
                        GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document != NULL && gloss_document_get_modified (self->document))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (GLOSS_IS_APPLICATION (app))
        {
          GlossWindow *window = gloss_window_new (GLOSS_APPLICATION (app));

          gtk_window_present (GTK_WINDOW (window));
          load_file (window, file, GLOSS_LOAD_FLAGS_NONE);
          return;
        }
    }

  load_file (self, file, GLOSS_LOAD_FLAGS_NONE);
}

static void
open_chosen_cb (GtkWidget *widget,
                GFile     *file)
{
  if (file != NULL)
    gloss_window_open_file (GLOSS_WINDOW (widget), file);
}

static void
add_filters (GtkFileChooser *chooser,
             gboolean        open)
{
  g_autoptr(GtkFileFilter) gloss_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (gloss_filter, open ? _("Articles and Gloss Files") : _("Gloss Files"));
  gtk_file_filter_add_pattern (gloss_filter, "*.gloss.json");
  if (open)
    {
      gtk_file_filter_add_pattern (gloss_filter, "*.json");
      gtk_file_filter_add_mime_type (gloss_filter, "text/plain");
      /* Saved web pages and other tools' files (webexport-ui) */
      gtk_file_filter_add_mime_type (gloss_filter, "text/html");
      gtk_file_filter_add_pattern (gloss_filter, "*.html");
      gtk_file_filter_add_pattern (gloss_filter, "*.htm");
      gtk_file_filter_add_pattern (gloss_filter, "*.ann");
      gtk_file_filter_add_pattern (gloss_filter, "*.jsonl");
      gtk_file_filter_add_pattern (gloss_filter, "*.jsonld");
    }
  gtk_file_chooser_add_filter (chooser, gloss_filter);

  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (chooser, all_filter);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooser *chooser;

  chooser = gloss_file_chooser_new (GTK_WIDGET (self), _("Open"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                    _("_Open"), NULL, NULL, open_chosen_cb);
  add_filters (chooser, TRUE);
  gloss_file_chooser_show (chooser);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gloss_window_open_file (GLOSS_WINDOW (widget), file);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GlossWindow *self = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files = NULL;
  gboolean first = TRUE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_slist_copy (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));

  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (first || !GLOSS_IS_APPLICATION (app))
        gloss_window_open_file (self, l->data);
      else
        {
          GlossWindow *window = gloss_window_new (GLOSS_APPLICATION (app));

          gtk_window_present (GTK_WINDOW (window));
          gloss_window_open_file (window, l->data);
        }
      first = FALSE;
    }

  g_slist_free (files);

  return TRUE;
}

/* Saving ------------------------------------------------------------------- */

typedef struct
{
  GlossWindow   *window;
  GFile         *file;
  GlossDocument *document;
  guint64        state;  /* of its history, when the save began */
  char          *etag;   /* the file's as Gloss knows it, or NULL */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_clear_object (&data->document);
  g_free (data->etag);
  g_free (data);
}

static void close_later (GlossWindow *self);
static void write_file (GlossWindow *self,
                        GFile       *file,
                        gboolean     check_etag);

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  GFile *file = user_data;
  GlossWindow *self = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "overwrite") == 0)
    write_file (self, file, FALSE);
  else if (g_strcmp0 (response, "save-as") == 0)
    save_as (self);
  else
    self->close_after_save = FALSE;
}

/* The window takes edits and saves again (written or not). */
static void
save_ended (GlossWindow *self)
{
  self->saving = FALSE;
  _gloss_window_set_busy (self, FALSE);
  _gloss_window_update_actions (self);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveData *data = user_data;
  GlossWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *name = dup_display_name (data->file);

  save_ended (self);

  if (!gloss_file_replace_finish (data->file, result, &new_etag, &error))
    {
      _gloss_window_safety_save_finished (self, data->file, NULL);

      /* Cancelled by closing the window: the file on disk is untouched. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          save_data_free (data);
          return;
        }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) ||
          g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_CONFLICT))
        {
          AdwMessageDialog *dialog;
          g_autofree char *body = NULL;

          body = g_strdup_printf (_("“%s” was changed by another program since Gloss opened it. Overwriting it discards those changes."),
                                  name);
          dialog = _gloss_window_message_dialog_new (self, _("File Changed on Disk"), body);
          adw_message_dialog_add_responses (dialog,
                                            "cancel", _("_Cancel"),
                                            "save-as", _("_Save As…"),
                                            "overwrite", _("_Overwrite"),
                                            NULL);
          adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "save-as");
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_signal_connect_data (dialog, "response", G_CALLBACK (conflict_response_cb),
                                 g_object_ref (data->file), (GClosureNotify) g_object_unref, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        {
          self->close_after_save = FALSE;
          _gloss_window_safety_show_save_error (self, data->file, error);
        }

      save_data_free (data);
      return;
    }

  /* Edits may have come while writing: what was written is saved. */
  if (self->document == data->document)
    gloss_history_set_saved_state (gloss_document_get_history (self->document), data->state);

  g_set_object (&self->file, data->file);
  gloss_set_str (&self->etag, new_etag);
  add_recent (self, data->file, TRUE);
  _gloss_window_update_title (self);
  _gloss_window_safety_save_finished (self, data->file, new_etag);

  if (self->close_after_save)
    close_later (self);

  save_data_free (data);
}

static void
serialized_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveData *data = user_data;
  GlossWindow *self = data->window;
  g_autoptr(GBytes) bytes = gloss_format_write_finish (result, NULL);

  if (bytes == NULL)
    {
      /* Cancelled by closing the window: nothing was written. */
      save_ended (self);
      _gloss_window_safety_save_finished (self, data->file, NULL);
      save_data_free (data);
      return;
    }

  gloss_file_replace_async (data->file, bytes, data->etag, self->cancellable, write_cb, data);
}

static void
write_file (GlossWindow *self,
            GFile       *file,
            gboolean     check_etag)
{
  SaveData *data;

  g_assert (GLOSS_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  gloss_sidebar_commit_note (self->sidebar);

  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->document = g_object_ref (self->document);
  data->state = gloss_history_get_state (gloss_document_get_history (self->document));
  data->etag = check_etag ? g_strdup (self->etag) : NULL;
  self->saving = TRUE;

  _gloss_window_set_busy (self, TRUE);
  _gloss_window_update_actions (self);

  _gloss_window_safety_save_started (self, file);
  gloss_format_write_async (self->document, self->cancellable, serialized_cb, data);
}

/**
 * gloss_window_save_to_file:
 *
 * Saves the document as a Gloss file to @file (as Save As does, after the
 * file chooser confirmed any overwrite), which becomes the document's file.
 */
void
gloss_window_save_to_file (GlossWindow *self,
                           GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  write_file (self, file, FALSE);
}

static char *
suggest_file_name (GlossWindow *self)
{
  g_autofree char *base = NULL;
  GFile *from = self->file != NULL ? self->file : self->source_file;
  char *dot;

  if (from != NULL)
    {
      base = g_file_get_basename (from);
      if (g_str_has_suffix (base, NATIVE_SUFFIX))
        base[strlen (base) - strlen (NATIVE_SUFFIX)] = '\0';
      else if ((dot = strrchr (base, '.')) != NULL && dot != base)
        *dot = '\0';
    }
  else
    {
      const char *title = self->document != NULL ? gloss_document_get_title (self->document) : NULL;

      base = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled"));
      g_strdelimit (base, "/\\:", '-');
    }

  return g_strconcat (base, NATIVE_SUFFIX, NULL);
}

static void
save_as_chosen_cb (GtkWidget *widget,
                   GFile     *file)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (file != NULL)
    write_file (self, file, FALSE);
  else
    self->close_after_save = FALSE;
}

static void
save_as (GlossWindow *self)
{
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  GFile *from = self->file != NULL ? self->file : self->source_file;

  if (self->document == NULL)
    return;

  name = suggest_file_name (self);
  chooser = gloss_file_chooser_new (GTK_WIDGET (self), _("Save As"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                    _("_Save"), from, name, save_as_chosen_cb);
  add_filters (chooser, FALSE);
  gloss_file_chooser_show (chooser);
}

static void
save (GlossWindow *self)
{
  if (self->document == NULL)
    return;

  /* Plain-text articles become Gloss files through Save As. */
  if (self->file == NULL)
    save_as (self);
  else
    write_file (self, self->file, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (GLOSS_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (GLOSS_WINDOW (widget));
}

/* Closing ------------------------------------------------------------------ */

static gboolean
close_idle_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has finished with its parent. */
static void
close_later (GlossWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  GlossWindow *self = user_data;

  if (g_strcmp0 (response, "discard") == 0)
    {
      _gloss_window_safety_discard (self);
      close_later (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

static void
save_window_state (GlossWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  /* Closed while saving: close once the file is written, and ask then
   * if edits came meanwhile (a save failing keeps the window). */
  if (!self->force_close && self->saving)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }

  if (!self->force_close && self->document != NULL)
    {
      gloss_sidebar_commit_note (self->sidebar);

      if (gloss_document_get_modified (self->document))
        {
          name = dup_document_name (self);
          body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  name);
          dialog = _gloss_window_message_dialog_new (self, _("Save Changes?"), body);
          adw_message_dialog_add_responses (dialog,
                                            "cancel", _("_Cancel"),
                                            "discard", _("_Discard"),
                                            "save", self->file != NULL ? _("_Save") : _("_Save As…"),
                                            NULL);
          adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "save");
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
          gtk_window_present (GTK_WINDOW (dialog));

          return TRUE;
        }
    }

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);

  if (GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);

  return FALSE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Annotating --------------------------------------------------------------- */

gboolean
_gloss_window_get_text_selection (GlossWindow *self,
                                  guint       *start,
                                  guint       *end)
{
  GlossTextIndex *index;

  if (self->document == NULL ||
      !gloss_article_view_get_selection (self->article_view, start, end))
    return FALSE;

  /* A drag often catches the space before or after a word: what gets
   * tagged is the selection without surrounding white space. */
  index = gloss_document_get_index (self->document);
  while (*start < *end && g_unichar_isspace (gloss_text_index_get_char (index, *start)))
    (*start)++;
  while (*end > *start && g_unichar_isspace (gloss_text_index_get_char (index, *end - 1)))
    (*end)--;

  return *start < *end;
}

void
_gloss_window_select_annotation (GlossWindow     *self,
                   GlossAnnotation *annotation)
{
  gloss_sidebar_select_annotation (self->sidebar, annotation);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  const char *label = g_variant_get_string (parameter, NULL);
  GlossAnnotation *selected;
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (self->document == NULL)
    return;

  if (_gloss_window_get_text_selection (self, &start, &end))
    {
      GlossAnnotation *annotation;

      annotation = gloss_document_annotate (self->document, label, start, end, &error);
      if (annotation == NULL)
        {
          _gloss_window_show_toast (self, error->message);
          return;
        }
      gloss_set_str (&self->last_tag_label, label);

      gloss_article_view_select_range (self->article_view, end, end);
      /* It is where the reader is looking: the text stays put (near an
       * edge, it used to scroll the new annotation to a third down). */
      self->syncing_selection++;
      _gloss_window_select_annotation (self, annotation);
      self->syncing_selection--;
      return;
    }

  selected = gloss_sidebar_get_selected_annotation (self->sidebar);
  if (selected != NULL)
    {
      if (g_strcmp0 (gloss_annotation_get_label (selected), label) == 0)
        return;
      if (gloss_document_relabel (self->document, selected, label, &error) == NULL)
        _gloss_window_show_toast (self, error->message);
      else
        gloss_set_str (&self->last_tag_label, label);
      return;
    }

  _gloss_window_show_toast (self, _("Select some text to tag first"));
}

static void
deletion_toast_dismissed_cb (GlossWindow *self,
                             AdwToast    *toast)
{
  if (self->deletion_toasts != NULL)
    g_ptr_array_remove (self->deletion_toasts, toast);
}

/* Once its deletion is undone with Ctrl+Z, the deletion's toast goes,
 * whether it is up or queued behind another: its Undo would do nothing. */
static void
forget_deletion_toast (GlossWindow *self)
{
  guint64 undone = gloss_history_get_serial (gloss_document_get_history (self->document), TRUE);

  for (guint i = 0; self->deletion_toasts != NULL && i < self->deletion_toasts->len; i++)
    {
      AdwToast *toast = g_ptr_array_index (self->deletion_toasts, i);
      GVariant *target = adw_toast_get_action_target_value (toast);

      if (target != NULL && g_variant_get_uint64 (target) == undone)
        {
          _gloss_window_dismiss_toast (self, toast);
          g_ptr_array_remove_index (self->deletion_toasts, i);
          return;
        }
    }
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *selected = gloss_sidebar_get_selected_annotation (self->sidebar);
  g_autoptr(GlossAnnotation) annotation = NULL;
  AdwToast *toast;

  if (self->document == NULL || selected == NULL)
    return;

  annotation = g_object_ref (selected);
  gloss_sidebar_select_annotation (self->sidebar, NULL);
  gloss_document_remove_annotation (self->document, annotation);

  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-deletion");
  /* Its own deletion: a toast can come back after a later one's. */
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (gloss_history_get_serial (gloss_document_get_history (self->document), FALSE)));
  g_ptr_array_add (self->deletion_toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (deletion_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  gloss_set_str (&self->last_message, _("Annotation deleted"));
  _gloss_window_add_toast (self, toast);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_sidebar_get_selected_annotation (self->sidebar) == NULL)
    return;

  g_object_set (self, "show-sidebar", TRUE, NULL);
  gloss_sidebar_edit_note (self->sidebar);
}

static void
move_boundary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *selected = gloss_sidebar_get_selected_annotation (self->sidebar);
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (selected == NULL)
    return;

  if (!_gloss_window_get_text_selection (self, &start, &end))
    {
      _gloss_window_show_toast (self, _("Select the new extent of the annotation in the text first"));
      return;
    }

  if (gloss_document_set_span (self->document, selected, start, end, &error) == NULL)
    _gloss_window_show_toast (self, error->message);
}

static void
document_undo_redo (GlossWindow *self,
                    gboolean     redo)
{
  GlossHistory *history;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  gboolean done;

  if (self->document == NULL)
    return;

  gloss_sidebar_commit_note (self->sidebar);

  history = gloss_document_get_history (self->document);
  description = g_strdup (redo ? gloss_history_get_redo_description (history) :
                                 gloss_history_get_undo_description (history));
  self->undoing++;
  done = redo ? gloss_document_redo (self->document) : gloss_document_undo (self->document);
  /* Show what came back or changed: a deletion undone, a tag redone. */
  if (done && gloss_document_get_undo_subject (self->document) != NULL)
    _gloss_window_select_annotation (self, gloss_document_get_undo_subject (self->document));
  self->undoing--;
  if (!done)
    return;

  if (description != NULL && description[0] != '\0')
    /* Translators: %s describes an edit, e.g. "Undone: Tag PERSON" */
    message = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), description);
  else
    message = g_strdup (redo ? _("Redone") : _("Undone"));

  _gloss_window_show_toast (self, message);
}

static void
undo_redo (GlossWindow *self,
           gboolean     redo)
{
  if (_gloss_window_review_undo_redo (self, redo))
    return;

  document_undo_redo (self, redo);
  /* Not from the toast's own Undo: libadwaita dismisses that toast. */
  if (!redo && self->document != NULL)
    forget_deletion_toast (self);
}

/* The Undo of an "Annotation deleted" toast undoes that deletion (its
 * step number is the parameter), and nothing else: the toast stays up for
 * seconds, while Ctrl+Z may already have undone the deletion or other
 * edits may have come after it. */
static void
undo_deletion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint64 serial = g_variant_get_uint64 (parameter);
  GlossHistory *history;

  if (self->document == NULL)
    return;

  /* A note being typed becomes an edit of its own first. */
  gloss_sidebar_commit_note (self->sidebar);

  history = gloss_document_get_history (self->document);
  if (serial != 0 && gloss_history_get_serial (history, FALSE) == serial)
    document_undo_redo (self, FALSE);
  else if (gloss_history_holds_serial (history, serial, TRUE))
    _gloss_window_show_toast (self, _("The deletion is already undone"));
  else if (gloss_history_holds_serial (history, serial, FALSE))
    _gloss_window_show_toast (self, _("Edits came after the deletion: undo them first"));
  else
    _gloss_window_show_toast (self, _("The deletion can no longer be undone"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (GLOSS_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (GLOSS_WINDOW (widget), TRUE);
}

static void
next_annotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_sidebar_select_relative (self->sidebar,
                                 g_str_equal (action_name, "win.next-annotation") ? 1 : -1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  g_object_set (self, "show-sidebar", TRUE, NULL);
  gloss_sidebar_focus_search (self->sidebar);
}

/* The loading page's spinner turns only while it is on screen: a spinning
 * GtkSpinner is a CSS animation, and an animated style keeps the frame
 * clock ticking (and the window restyling every frame) even on a page of
 * the stack that is not shown. */
static void
loading_spinner_map_cb (GtkSpinner *spinner)
{
  gtk_spinner_start (spinner);
}

static void
loading_spinner_unmap_cb (GtkSpinner *spinner)
{
  gtk_spinner_stop (spinner);
}

/* Selection sync ------------------------------------------------------------ */

static void
sidebar_selection_cb (GlossWindow *self)
{
  GlossAnnotation *annotation = gloss_sidebar_get_selected_annotation (self->sidebar);
  GlossAnnotation *before = gloss_article_view_get_selected_annotation (self->article_view);
  /* An edit of the selected annotation (a relabel, a note) replaces it
   * with a copy of the same id: the reader is already looking at it,
   * unless an undo or redo changed it, perhaps far away. */
  gboolean same = annotation != NULL && before != NULL &&
                  g_strcmp0 (gloss_annotation_get_id (annotation), gloss_annotation_get_id (before)) == 0;

  gloss_article_view_set_selected_annotation (self->article_view, annotation);
  if (annotation != NULL && (!same || self->undoing > 0) && self->syncing_selection == 0)
    gloss_article_view_scroll_to_annotation (self->article_view, annotation, TRUE);

  _gloss_window_update_actions (self);
}

static void
annotation_activated_cb (GlossWindow     *self,
                         GlossAnnotation *annotation)
{
  self->syncing_selection++;
  gloss_sidebar_select_annotation (self->sidebar, annotation);
  self->syncing_selection--;
}

static gboolean
key_capture_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  GlossWindow *self = user_data;
  GtkWidget *focus;

  /* A key acts after the click before it, as pressed. */
  gloss_article_view_finish_click (self->article_view);

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  /* Delete removes the selected annotation unless typing somewhere. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && focus != GTK_WIDGET (self->article_view) &&
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    return FALSE;
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)) &&
      focus != GTK_WIDGET (self->article_view))
    return FALSE;
  if (gloss_sidebar_get_selected_annotation (self->sidebar) == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-annotation", NULL);
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_history (self->document), self);
    }

  _gloss_window_dispose_toasts (self);
  _gloss_window_dispose_claims (self);
  _gloss_window_dispose_safety (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->source_file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_finalize (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  g_free (self->etag);
  g_free (self->last_message);
  g_free (self->last_tag_label);
  g_clear_pointer (&self->action_enabled, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_window_parent_class)->finalize (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      if (self->show_sidebar != g_value_get_boolean (value))
        {
          self->show_sidebar = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->finalize = gloss_window_finalize;
  object_class->get_property = gloss_window_get_property;
  object_class->set_property = gloss_window_set_property;

  window_class->close_request = gloss_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_ARTICLE_VIEW);
  g_type_ensure (GLOSS_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, loading_spinner_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, loading_spinner_unmap_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.move-boundary", NULL, move_boundary_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-deletion", "t", undo_deletion_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.next-annotation", NULL, next_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.previous-annotation", NULL, next_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "win.move-boundary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);

  _gloss_window_class_init_claims (widget_class);
  _gloss_window_class_init_web (widget_class);
  _gloss_window_class_init_export (widget_class);
  _gloss_window_class_init_review (widget_class);
  _gloss_window_class_init_safety (widget_class);
}

/* The sidebar needs a background of its own only when it slides over
 * the article: beside it, the window's shows through, and a second one
 * is a second fill of the whole sidebar in every frame that redraws the
 * list (an edit moves its rows). */
static void
flap_folded_cb (GlossWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    gtk_widget_add_css_class (GTK_WIDGET (self->sidebar), "background");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sidebar), "background");
}

static void
gloss_window_init (GlossWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *keys;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  self->action_enabled = g_hash_table_new (g_str_hash, g_str_equal);
  _gloss_window_init_toasts (self);
  self->cancellable = g_cancellable_new ();
  self->show_sidebar = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  _gloss_window_init_claims (self);
  _gloss_window_init_review (self);
  _gloss_window_init_safety (self);

  g_object_bind_property (self, "show-sidebar", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self, G_CONNECT_SWAPPED);
  flap_folded_cb (self);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_capture_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  _gloss_window_set_action_enabled (self, "win.no-recent", FALSE);
  _gloss_window_update_title (self);
  _gloss_window_update_actions (self);
}

GlossWindow *
gloss_window_new (GlossApplication *application)
{
  GlossWindow *self;
  GSettings *settings;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (application), NULL);

  self = g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);

  settings = gloss_application_get_settings (application);
  self->settings = g_object_ref (settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (settings, "article-font-size", self->article_view, "font-size", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "article-serif", self->article_view, "serif", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "snap-to-words", self->article_view, "snap-to-words", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "labels-expanded", self->sidebar, "labels-expanded", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::annotator-name",
                           G_CALLBACK (apply_author), self, G_CONNECT_SWAPPED);

  return self;
}

GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
gloss_window_get_file (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
gloss_window_has_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->document != NULL || self->busy > 0;
}

gboolean
gloss_window_get_busy (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->busy > 0;
}

GtkWidget *
gloss_window_get_article_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->article_view);
}

GtkWidget *
gloss_window_get_sidebar (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->sidebar);
}

/**
 * gloss_window_get_last_message:
 *
 * Returns: (nullable): the text of the last toast or dialog shown
 */
const char *
gloss_window_get_last_message (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->last_message;
}
