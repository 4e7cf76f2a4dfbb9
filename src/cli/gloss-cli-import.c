/* gloss-cli-import.c: gloss-cli import [--format FORMAT] IN… [-o OUT.gloss.json]
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-article.h"
#include "gloss-cli.h"
#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-file.h"
#include "gloss-format.h"

static char *
output_for (const char *input,
            const char *output,
            gboolean    output_is_dir)
{
  g_autofree char *name = g_path_get_basename (input);
  g_autofree char *dir = g_path_get_dirname (input);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  if (output != NULL && !output_is_dir)
    return g_strdup (output);
  return g_strconcat (output ? output : dir, G_DIR_SEPARATOR_S, name, ".gloss.json", NULL);
}

/* Web pages: an http(s) address, or a saved .html/.htm page when no
 * --format says otherwise, go to the article extractor (issue 6). */
static gboolean
is_web_input (const char *input)
{
  g_autofree char *lower = g_ascii_strdown (input, -1);

  return g_str_has_prefix (lower, "http://") || g_str_has_prefix (lower, "https://") ||
         g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".xhtml");
}

static gboolean
import_web_one (const char *input,
                const char *output,
                gboolean    output_is_dir,
                gboolean    force,
                gboolean    quiet)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* Without -o, gloss_cli_import_web() derives the name (never overwriting). */
  if (output != NULL && g_strcmp0 (output, "-") != 0)
    {
      path = output_for (input, output, output_is_dir);
      if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          gloss_cli_printerr (input, _("%s exists; not overwritten (use --force)"), path);
          return FALSE;
        }
    }
  else if (output != NULL)
    path = g_strdup (output);

  if (!gloss_cli_import_web (input, path, &error))
    {
      gloss_cli_printerr (input, "%s", error->message);
      return FALSE;
    }

  if (!quiet && path != NULL && g_strcmp0 (path, "-") != 0)
    g_printerr ("%s → %s\n", input, path);
  return TRUE;
}

/* A plain-text article (.txt, when no --format says otherwise): opened
 * as the app opens it, title and byline from its first lines. A brat
 * .txt comes in with its .ann instead. */
static gboolean
is_text_input (const char *input)
{
  g_autofree char *lower = g_ascii_strdown (input, -1);

  return g_str_has_suffix (lower, ".txt");
}

static GlossDocument *
load_text (GFile   *file,
           GError **error)
{
  g_autoptr(GBytes) bytes = gloss_file_load (file, GLOSS_FORMAT_MAX_BYTES, NULL, NULL, error);
  g_autofree char *source = g_file_get_parse_name (file);
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  if (gloss_format_sniff (bytes))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("This is already a Gloss file; open it directly"));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);

  return gloss_article_new_from_text (data != NULL ? data : "", len, source, error);
}

static gboolean
import_one (const GlossFormatInfo *format,
            const char            *input,
            const char            *text_path,
            const char            *output,
            gboolean               output_is_dir,
            gboolean               force,
            GHashTable            *options,
            gboolean               quiet)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) text = text_path ? g_file_new_for_commandline_arg (text_path) : NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_for (input, output, output_is_dir);

  if (format == NULL && text == NULL && is_text_input (input))
    document = load_text (file, &error);
  else
    document = gloss_import_file (format, file, text, options, &reports, &error);
  if (document == NULL)
    {
      gloss_cli_printerr (input, "%s", error->message);
      return FALSE;
    }

  out = g_file_new_for_path (path);
  if (!force && g_file_query_exists (out, NULL))
    {
      gloss_cli_printerr (input, _("%s exists; not overwritten (use --force)"), path);
      return FALSE;
    }

  bytes = gloss_format_write (document);
  if (!gloss_file_replace (out, bytes, NULL, NULL, NULL, &error))
    {
      gloss_cli_printerr (input, _("writing %s: %s"), path, error->message);
      return FALSE;
    }

  if (!quiet)
    {
      g_printerr ("%s → %s (%u %s)\n", input, path,
                  gloss_annotation_store_get_n_items (gloss_document_get_annotations (document)),
                  _("annotations"));
      for (guint i = 0; reports != NULL && i < reports->len; i++)
        g_printerr ("%s: %s\n", input, (char *) reports->pdata[i]);
    }
  return TRUE;
}

int
gloss_cli_import (int    argc,
                  char **argv)
{
  g_autofree char *format_id = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text_path = NULL;
  g_auto(GStrv) option_pairs = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean quiet = FALSE, force = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_id, N_("Format to read (detected when left out)"), N_("FORMAT") },
    { "text", 't', 0, G_OPTION_ARG_FILENAME, &text_path, N_("Plain-text file for brat/W3C (default: IN with .txt)"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Output .gloss.json (one input) or directory (several)"), N_("OUT") },
    { "option", 0, 0, G_OPTION_ARG_STRING_ARRAY, &option_pairs, N_("A format option, e.g. unit=codepoints (repeatable)"), N_("KEY=VALUE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Overwrite existing output files"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not print what was done"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("IN…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("IN… — import annotations, articles (.txt, .html) or URLs into .gloss.json files"));
  g_autoptr(GHashTable) options = NULL;
  g_autoptr(GError) error = NULL;
  const GlossFormatInfo *format = NULL;
  gboolean output_is_dir = FALSE;
  guint n_inputs, failed = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      gloss_cli_printerr (NULL, "%s", error->message);
      return 2;
    }
  n_inputs = inputs ? g_strv_length (inputs) : 0;
  if (n_inputs == 0)
    {
      gloss_cli_printerr (NULL, "%s", _("usage: gloss-cli import [--format FORMAT] IN…|URL|FILE.html|FILE.txt [-o OUT.gloss.json]"));
      return 2;
    }
  if (format_id != NULL)
    {
      format = gloss_formats_lookup (format_id);
      if (format == NULL || format->import_func == NULL)
        {
          gloss_cli_printerr (NULL, _("unknown import format “%s” (see “gloss-cli formats”)"), format_id);
          return 2;
        }
    }
  if (text_path != NULL && n_inputs > 1)
    {
      gloss_cli_printerr (NULL, "%s", _("--text takes a single input"));
      return 2;
    }
  options = gloss_cli_parse_options (option_pairs, NULL, &error);
  if (options == NULL)
    {
      gloss_cli_printerr (NULL, "%s", error->message);
      return 2;
    }
  if (!gloss_cli_prepare_output (output, n_inputs, &output_is_dir))
    return 1;

  for (guint i = 0; i < n_inputs; i++)
    {
      gboolean ok;

      if (format == NULL && is_web_input (inputs[i]))
        ok = import_web_one (inputs[i], output, output_is_dir, force, quiet);
      else
        ok = import_one (format, inputs[i], text_path, output, output_is_dir, force, options, quiet);
      if (!ok)
        failed++;
    }

  return failed > 0 ? 1 : 0;
}
