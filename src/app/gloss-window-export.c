/* gloss-window-export.c: Export… and opening HTML pages and other tools' files
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-export-dialog.h"
#include "gloss-html-extractor.h"
#include "gloss-window-private.h"

#define HTML_SNIFF_BYTES   1024
#define MAX_SHOWN_REPORTS  12
#define NATIVE_SUFFIX      ".gloss.json"

/* Opening ------------------------------------------------------------------ */

static gboolean
has_suffix_nocase (const char *name,
                   const char *suffix)
{
  gsize len = strlen (name), slen = strlen (suffix);

  return len >= slen && g_ascii_strcasecmp (name + len - slen, suffix) == 0;
}

/* An HTML page, by its name or by markup at its start. */
static gboolean
looks_like_html (const char *name,
                 GBytes     *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *head = NULL;

  if (has_suffix_nocase (name, ".html") || has_suffix_nocase (name, ".htm") ||
      has_suffix_nocase (name, ".xhtml"))
    return TRUE;

  if (data == NULL)
    return FALSE;

  head = g_ascii_strdown (data, MIN (len, HTML_SNIFF_BYTES));
  /* g_ascii_strdown stops at a NUL; that is fine for a sniff. */
  return strstr (head, "<!doctype html") != NULL || strstr (head, "<html") != NULL ||
         strstr (head, "<head") != NULL || strstr (head, "<body") != NULL;
}

/* JSON starts with { or [ after white space (and maybe a BOM). */
static gboolean
looks_like_json (GBytes *bytes)
{
  gsize len;
  const guchar *p = g_bytes_get_data (bytes, &len);
  gsize i = 0;

  if (p == NULL)
    return FALSE;
  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    i = 3;
  while (i < len && g_ascii_isspace (p[i]))
    i++;

  return i < len && (p[i] == '{' || p[i] == '[');
}

static GFile *
sibling_with_suffix (GFile      *file,
                     const char *suffix)
{
  g_autofree char *path = g_file_get_path (file);
  char *dot, *slash;

  if (path == NULL)
    return NULL;

  dot = strrchr (path, '.');
  slash = strrchr (path, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    return NULL;

  *dot = '\0';
  {
    g_autofree char *other = g_strconcat (path, suffix, NULL);

    return g_file_new_for_path (other);
  }
}

/**
 * _gloss_window_load_foreign:
 * @file: the file being opened
 * @bytes: its contents (not a Gloss file)
 * @kind: (out): the name of what it was read as ("HTML page", a format name)
 * @reports: (out): what an import approximated or dropped, or %NULL
 * @handled: (out): %FALSE when it is none of these (a plain-text article)
 *
 * Reads a saved HTML page (by content or name) or a file of another tool
 * (brat .ann, or its .txt when the .ann is beside it; W3C, doccano and
 * Label Studio JSON, detected by gloss_formats_detect()). Runs in the
 * window's load thread.
 */
GlossDocument *
_gloss_window_load_foreign (GFile       *file,
                            GBytes      *bytes,
                            char       **kind,
                            GPtrArray  **reports,
                            gboolean    *handled,
                            GError     **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *source = g_file_get_parse_name (file);
  const GlossFormatInfo *format = NULL;
  g_autoptr(GFile) ann = NULL;

  *handled = FALSE;
  *kind = NULL;
  *reports = NULL;

  if (name == NULL)
    return NULL;

  if (looks_like_html (name, bytes))
    {
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      *handled = TRUE;
      *kind = g_strdup (_("HTML page"));
      return gloss_html_document_new (data != NULL ? data : "", len, NULL, source, NULL, error);
    }

  /* brat: the .ann, or the .txt when its .ann is beside it. */
  if (has_suffix_nocase (name, ".ann"))
    ann = g_object_ref (file);
  else if (has_suffix_nocase (name, ".txt") && (ann = sibling_with_suffix (file, ".ann")) != NULL &&
           !g_file_query_exists (ann, NULL))
    g_clear_object (&ann);

  if (ann != NULL)
    format = gloss_formats_lookup ("brat");
  else if (looks_like_json (bytes) || has_suffix_nocase (name, ".jsonl"))
    format = gloss_formats_detect (name, bytes);

  if (format == NULL || format->import_func == NULL)
    return NULL;

  *handled = TRUE;
  *kind = g_strdup (_(format->name));
  if (ann != NULL)
    return gloss_import_file (format, ann, ann == file ? NULL : file, NULL, reports, error);
  if (format->needs_text)
    return gloss_import_file (format, file, NULL, NULL, reports, error);
  return gloss_import_bytes (format, bytes, NULL, NULL, reports, error);
}

/**
 * _gloss_window_show_import_reports:
 *
 * Tells what an import approximated or dropped (a dialog with the list),
 * or just that the file was imported.
 */
void
_gloss_window_show_import_reports (GlossWindow *self,
                                   const char  *kind,
                                   GPtrArray   *reports)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GString *text;
  GtkWidget *scroller, *label;

  if (reports == NULL || reports->len == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a format name, e.g. "brat standoff" */
      message = g_strdup_printf (_("Imported from %s; save it as a Gloss file to keep it"), kind);
      _gloss_window_show_toast (self, message);
      return;
    }

  text = g_string_new (NULL);
  for (guint i = 0; i < reports->len && i < MAX_SHOWN_REPORTS; i++)
    g_string_append_printf (text, "• %s\n", (const char *) reports->pdata[i]);
  if (reports->len > MAX_SHOWN_REPORTS)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more",
                                         reports->len - MAX_SHOWN_REPORTS),
                            reports->len - MAX_SHOWN_REPORTS);
  g_strstrip (text->str);

  /* Translators: %s is a format name, e.g. "brat standoff" */
  heading = g_strdup_printf (_("Imported From %s"), kind);
  body = g_strdup (_("The article is open as a new, unsaved Gloss document. Check these points before relying on it:"));
  dialog = _gloss_window_message_dialog_new (self, heading, body);
  gloss_set_str (&self->last_message, text->str);

  label = gtk_label_new (text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "problem-list");
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), MIN (48 * reports->len, 160));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));

  g_string_free (text, TRUE);
}

/* Exporting ---------------------------------------------------------------- */

static char *
dup_base_name (GlossWindow *self)
{
  GFile *from = self->file != NULL ? self->file : self->source_file;
  const char *title = gloss_document_get_title (self->document);
  char *base = NULL;

  if (from != NULL && (base = g_file_get_basename (from)) != NULL)
    {
      char *dot;

      if (g_str_has_suffix (base, NATIVE_SUFFIX))
        base[strlen (base) - strlen (NATIVE_SUFFIX)] = '\0';
      else if ((dot = strrchr (base, '.')) != NULL && dot != base)
        *dot = '\0';
    }
  else
    {
      base = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled"));
      g_strdelimit (base, "/\\:", '-');
    }

  return base;
}

static char *
dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = home != NULL ? strlen (home) : 0;

  if (home_len > 1 && g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + home_len, NULL);

  return g_filename_display_name (path);
}

static void
exported_cb (GlossExportDialog *dialog,
             GStrv              paths,
             GlossWindow       *self)
{
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  guint n = paths != NULL ? g_strv_length (paths) : 0;

  if (n == 0)
    return;

  shown = dup_display_path (paths[0]);
  if (n == 1)
    /* Translators: %s is a file path */
    message = g_strdup_printf (_("Exported to %s"), shown);
  else
    /* Translators: %s is a file path, %u the number of other files written beside it */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported to %s and %u more file",
                                            "Exported to %s and %u more files", n - 1),
                               shown, n - 1);
  _gloss_window_show_toast (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossExportDialog *dialog;
  g_autofree char *base = NULL;
  g_autoptr(GFile) folder = NULL;
  GFile *from;

  if (self->document == NULL)
    return;

  gloss_sidebar_commit_note (self->sidebar);

  base = dup_base_name (self);
  from = self->file != NULL ? self->file : self->source_file;
  if (from != NULL && g_file_is_native (from))
    folder = g_file_get_parent (from);

  dialog = gloss_export_dialog_new (GTK_WINDOW (self), self->document, base, folder, self->settings);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_window_class_init_export (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
