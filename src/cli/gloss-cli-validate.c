/* gloss-cli-validate.c: gloss-cli validate FILE…
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli.h"
#include "gloss-format.h"
#include "gloss-scheme.h"

static gboolean
validate_file (const char *path,
               gboolean    verbose,
               gboolean    accept_recoverable)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlossLoadFlags flags = accept_recoverable ? GLOSS_LOAD_ACCEPT_RECOVERABLE : GLOSS_LOAD_FLAGS_NONE;

  document = gloss_format_read_file (file, flags, &problems, NULL, NULL, &error);

  if (problems != NULL && problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          GlossProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *text = gloss_problem_to_string (problem);

          if (document != NULL && problem->recoverable)
            /* TRANSLATORS: a problem that was accepted and repaired */
            printf (_("%s: %s (repaired)\n"), path, text);
          else
            printf ("%s: %s\n", path, text);
        }
      if (error != NULL && problems->len >= 200)
        /* TRANSLATORS: the error message, which counts all problems */
        printf (_("%s: only the first %u problems are shown: %s\n"), path, problems->len, error->message);
    }
  else if (error != NULL)
    printf ("%s: %s\n", path, error->message);

  if (document == NULL)
    return FALSE;

  /* Values and links that do not fit the label set's attribute
   * definitions and relation types: warnings, the file stays valid. */
  {
    g_autoptr(GPtrArray) warnings = gloss_scheme_check_document (document);

    for (guint i = 0; i < warnings->len; i++)
      {
        g_autofree char *text = gloss_problem_to_string (g_ptr_array_index (warnings, i));

        /* TRANSLATORS: a problem that does not make the file invalid */
        printf (_("%s: warning: %s\n"), path, text);
      }
  }

  if (verbose)
    printf (_("%s: ok\n"), path);

  return TRUE;
}

int
gloss_cli_validate (int    argc,
                    char **argv)
{
  g_auto(GStrv) files = NULL;
  gboolean verbose = FALSE;
  gboolean accept_recoverable = FALSE;
  gboolean all_ok = TRUE;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Also print “ok” for valid files"), NULL },
    { "accept-recoverable", 'r', 0, G_OPTION_ARG_NONE, &accept_recoverable,
      N_("Count files with only recoverable problems (a stale quote, an unknown label) as valid"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  if (!gloss_cli_parse_args (_("Check Gloss files (.gloss.json) strictly and list every problem."),
                             entries, &argc, &argv))
    return 2;

  if (files == NULL || files[0] == NULL)
    {
      gloss_cli_printerr (NULL, "%s", _("validate: no FILE given"));
      return 2;
    }

  for (guint i = 0; files[i] != NULL; i++)
    all_ok &= validate_file (files[i], verbose, accept_recoverable);

  fflush (stdout);

  return all_ok ? 0 : 1;
}
