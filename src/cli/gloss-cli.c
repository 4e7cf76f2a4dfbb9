/* gloss-cli.c: the command-line tool, over the same core as the app
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>

#include "gloss-cli.h"
#include "gloss-i18n.h"

typedef struct
{
  const char      *name;
  GlossCliCommand  run;
  const char      *summary;
} Command;

static const Command commands[] = {
  /* Entries are added per area; keep one per line. */
  { "export", gloss_cli_export, N_("Export annotations to W3C, brat, CoNLL, doccano, … (batch)") },
  { "formats", gloss_cli_formats, N_("List export/import formats and what each keeps or loses") },
  { "import", gloss_cli_import, N_("Import brat, W3C, doccano or Label Studio files, HTML pages or URLs") },
  { "info", gloss_cli_info, N_("Summarize a Gloss file") },
  { "validate", gloss_cli_validate, N_("Check Gloss files and list every problem") },
  { "compare", gloss_cli_compare, N_("List the differences between two annotation files") },
  { "agree", gloss_cli_agree, N_("Inter-annotator agreement between annotation files") },
  { "merge", gloss_cli_merge, N_("Merge two annotation files, with a decision log") },
  { "fetch", gloss_cli_fetch, N_("Same as import, for a URL or HTML file") },
  { NULL, NULL, NULL }
};

void
gloss_cli_printerr (const char *file,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (file != NULL)
    g_printerr ("%s: %s\n", file, message);
  else
    g_printerr ("gloss-cli: %s\n", message);
}

/* Parses a subcommand's options (@entries, translated) with @summary for
 * --help; prints the error and returns FALSE on a usage error (the caller
 * then exits with 2). */
gboolean
gloss_cli_parse_args (const char         *summary,
                      const GOptionEntry *entries,
                      int                *argc,
                      char             ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      gloss_cli_printerr (NULL, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Whether -o @output names a directory for @n_inputs inputs: it does for
 * several inputs (then it is made when missing) or when it already is
 * one; NULL and "-" (standard output) do not. Prints the error and
 * returns FALSE when the directory cannot be made (the caller exits 1). */
gboolean
gloss_cli_prepare_output (const char *output,
                          guint       n_inputs,
                          gboolean   *output_is_dir)
{
  *output_is_dir = FALSE;
  if (output == NULL || g_str_equal (output, "-"))
    return TRUE;

  *output_is_dir = n_inputs > 1 || g_file_test (output, G_FILE_TEST_IS_DIR);
  if (n_inputs > 1 && g_mkdir_with_parents (output, 0755) != 0)
    {
      gloss_cli_printerr (output, "%s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: gloss-cli COMMAND [OPTION…] FILE…"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “gloss-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  gloss_i18n_init ();

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("gloss-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  gloss_cli_printerr (NULL, _("unknown command “%s”"), argv[1]);
  usage (stderr);

  return 2;
}
