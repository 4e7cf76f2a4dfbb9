/* gloss-cli-export.c: gloss-cli export --format FORMAT IN.gloss.json… [-o OUT]
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli.h"
#include "gloss-export.h"
#include "gloss-format.h"

/* "--option key=value" pairs into a table (keys and values point into @pairs). */
GHashTable *
gloss_cli_parse_options (char       **pairs,
                         const char  *generated,
                         GError     **error)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');

      if (eq == NULL || eq == pairs[i])
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--option takes KEY=VALUE, not “%s”"), pairs[i]);
          return NULL;
        }
      *eq = '\0';
      g_hash_table_insert (options, pairs[i], eq + 1);
    }
  if (generated != NULL)
    g_hash_table_insert (options, "generated", (gpointer) generated);
  return g_steal_pointer (&options);
}

static char *
strip_input_suffix (const char *path)
{
  const char *suffixes[] = { ".gloss.json", ".json" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (path, suffixes[i]) && strlen (path) > strlen (suffixes[i]))
      return g_strndup (path, strlen (path) - strlen (suffixes[i]));
  return g_strdup (path);
}

static gboolean
export_one (const GlossFormatInfo *format,
            const char            *input,
            const char            *output,
            gboolean               output_is_dir,
            GHashTable            *options,
            gboolean               quiet)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossExportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  GPtrArray *losses;

  document = gloss_format_read_file (file, GLOSS_LOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      gloss_cli_printerr (input, "%s", error->message);
      return FALSE;
    }

  result = gloss_export_document (format, document, options, &error);
  if (result == NULL)
    {
      gloss_cli_printerr (input, "%s", error->message);
      return FALSE;
    }

  if (output != NULL && output_is_dir)
    {
      g_autofree char *name = g_path_get_basename (input);
      g_autofree char *stem = strip_input_suffix (name);

      base = g_build_filename (output, stem, NULL);
    }
  else if (output != NULL)
    {
      const char *main_suffix = gloss_export_result_get_name (result, 0);

      if (main_suffix[0] == '.' && g_str_has_suffix (output, main_suffix))
        base = g_strndup (output, strlen (output) - strlen (main_suffix));
      else
        base = g_strdup (output);
    }
  else
    base = strip_input_suffix (input);
  if (g_strcmp0 (output, "-") == 0)
    {
      if (gloss_export_result_get_n_files (result) != 1)
        {
          gloss_cli_printerr (input, _("%s writes several files; give -o a file name"), format->id);
          return FALSE;
        }
      fwrite (g_bytes_get_data (gloss_export_result_get_bytes (result, 0), NULL), 1,
              g_bytes_get_size (gloss_export_result_get_bytes (result, 0)), stdout);
    }
  else
    {
      g_auto(GStrv) written = gloss_export_result_write (result, base,
                                                         output != NULL && !output_is_dir ? output : NULL,
                                                         &error);

      if (written == NULL)
        {
          gloss_cli_printerr (input, "%s", error->message);
          return FALSE;
        }
      for (guint i = 0; !quiet && written[i] != NULL; i++)
        g_printerr ("%s → %s\n", input, written[i]);
    }

  losses = gloss_export_result_get_losses (result);
  for (guint i = 0; !quiet && i < losses->len; i++)
    g_printerr ("%s: %s %s\n", input, _("not kept:"), (char *) losses->pdata[i]);

  return TRUE;
}

int
gloss_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *format_id = NULL;
  g_autofree char *output = NULL;
  g_autofree char *generated = NULL;
  g_auto(GStrv) option_pairs = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_id, N_("Format to write (see “gloss-cli formats”)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Output file (one input), directory (several), or - for standard output"), N_("OUT") },
    { "option", 0, 0, G_OPTION_ARG_STRING_ARRAY, &option_pairs, N_("A format option, e.g. scheme=bioes (repeatable)"), N_("KEY=VALUE") },
    { "generated", 0, 0, G_OPTION_ARG_STRING, &generated, N_("Fixed “generated” time for reproducible output"), N_("TIME") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not list written files and losses"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("IN.gloss.json…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("IN.gloss.json… — export annotations to another format"));
  g_autoptr(GHashTable) options = NULL;
  g_autoptr(GError) error = NULL;
  const GlossFormatInfo *format;
  gboolean output_is_dir = FALSE;
  guint n_inputs, failed = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      gloss_cli_printerr (NULL, "%s", error->message);
      return 2;
    }
  n_inputs = inputs ? g_strv_length (inputs) : 0;
  if (format_id == NULL || n_inputs == 0)
    {
      gloss_cli_printerr (NULL, "%s", _("usage: gloss-cli export --format FORMAT IN.gloss.json… [-o OUT]"));
      return 2;
    }
  format = gloss_formats_lookup (format_id);
  if (format == NULL || format->export_func == NULL)
    {
      gloss_cli_printerr (NULL, _("unknown export format “%s” (see “gloss-cli formats”)"), format_id);
      return 2;
    }
  options = gloss_cli_parse_options (option_pairs, generated, &error);
  if (options == NULL)
    {
      gloss_cli_printerr (NULL, "%s", error->message);
      return 2;
    }

  if (output != NULL && n_inputs > 1 && g_str_equal (output, "-"))
    {
      gloss_cli_printerr (NULL, "%s", _("-o - takes a single input"));
      return 2;
    }
  if (!gloss_cli_prepare_output (output, n_inputs, &output_is_dir))
    return 1;

  for (guint i = 0; i < n_inputs; i++)
    if (!export_one (format, inputs[i], output, output_is_dir, options, quiet))
      failed++;

  return failed > 0 ? 1 : 0;
}
