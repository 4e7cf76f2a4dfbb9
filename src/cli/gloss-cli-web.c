/* gloss-cli-web.c: gloss-cli fetch URL|FILE.html [-o OUT.gloss.json]
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-error.h"
#include "gloss-fetcher.h"
#include "gloss-file.h"
#include "gloss-format.h"
#include "gloss-html-extractor.h"

static gboolean
is_web_address (const char *input)
{
  return g_ascii_strncasecmp (input, "http://", 7) == 0 ||
         g_ascii_strncasecmp (input, "https://", 8) == 0;
}

static gboolean
is_html_path (const char *input)
{
  g_autofree char *lower = g_ascii_strdown (input, -1);

  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".xhtml");
}

/* "page.html" → "page.gloss.json" beside it; a URL → its last path
 * segment (or host) in the current directory. */
static char *
default_output (const char *input)
{
  g_autofree char *stem = NULL;

  if (is_web_address (input))
    {
      g_autoptr(GUri) uri = g_uri_parse (input, G_URI_FLAGS_NONE, NULL);
      const char *path = uri != NULL ? g_uri_get_path (uri) : NULL;
      g_auto(GStrv) segments = g_strsplit (path != NULL ? path : "", "/", -1);

      for (int i = (int) g_strv_length (segments) - 1; i >= 0 && stem == NULL; i--)
        if (segments[i][0] != '\0')
          stem = g_uri_unescape_string (segments[i], "/");
      if (stem == NULL && uri != NULL && g_uri_get_host (uri) != NULL)
        stem = g_strdup (g_uri_get_host (uri));
      if (stem == NULL)
        stem = g_strdup ("page");
      g_strdelimit (stem, "/\\:*?\"<>|", '_');
      if (stem[0] == '.')
        stem[0] = '_';
    }
  else
    stem = g_strdup (input);

  {
    char *dot = strrchr (stem, '.');
    char *slash = strrchr (stem, '/');

    if (dot != NULL && dot != stem && (slash == NULL || dot > slash) &&
        (g_ascii_strcasecmp (dot, ".html") == 0 || g_ascii_strcasecmp (dot, ".htm") == 0 ||
         g_ascii_strcasecmp (dot, ".xhtml") == 0 || g_ascii_strcasecmp (dot, ".php") == 0 ||
         g_ascii_strcasecmp (dot, ".aspx") == 0))
      *dot = '\0';
  }

  return g_strconcat (stem, ".gloss.json", NULL);
}

/**
 * gloss_cli_import_web:
 * @input: an http(s) URL or the path of a saved .html/.htm page
 * @output: (nullable): the .gloss.json to write, "-" for standard output;
 *   %NULL derives a name (and then refuses to overwrite an existing file)
 *
 * Fetches or reads the page, extracts the article and writes a native
 * Gloss file (atomically).
 */
gboolean
gloss_cli_import_web (const char  *input,
                      const char  *output,
                      GError     **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *derived = NULL;
  g_autoptr(GFile) out_file = NULL;

  g_return_val_if_fail (input != NULL, FALSE);

  if (is_web_address (input))
    {
      g_autoptr(GlossFetcher) fetcher = gloss_fetcher_new ();

      document = gloss_fetcher_fetch_document (fetcher, input, NULL, error);
    }
  else if (is_html_path (input))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);

      document = gloss_html_document_load (file, NULL, error);
    }
  else
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("“%s” is neither an http(s) address nor an .html file"), input);
      return FALSE;
    }

  if (document == NULL)
    return FALSE;

  bytes = gloss_format_write (document);

  if (g_strcmp0 (output, "-") == 0)
    {
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  if (output == NULL)
    {
      derived = default_output (input);
      out_file = g_file_new_for_commandline_arg (derived);
      if (g_file_query_exists (out_file, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("%s already exists; name the output with -o to replace it"), derived);
          return FALSE;
        }
    }
  else
    out_file = g_file_new_for_commandline_arg (output);

  return gloss_file_replace (out_file, bytes, NULL, NULL, NULL, error);
}

int
gloss_cli_fetch (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the Gloss file to OUT (“-” for standard output)"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &inputs, NULL, N_("URL|FILE.html") },
    { NULL }
  };

  if (!gloss_cli_parse_args (_("Open a web page or a saved HTML page, extract the article "
                               "(without menus, ads and comments) and save it as a Gloss file."),
                             entries, &argc, &argv))
    return 2;

  if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
    {
      gloss_cli_printerr (NULL, "%s", _("fetch: give exactly one URL or HTML file"));
      return 2;
    }

  if (!gloss_cli_import_web (inputs[0], output, &error))
    {
      gloss_cli_printerr (inputs[0], "%s", error->message);
      return 1;
    }

  return 0;
}
