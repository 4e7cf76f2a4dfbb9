/* gloss-cli-merge.c: gloss-cli merge A B --prefer mine|theirs|agreed-only -o OUT
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-anchor.h"
#include "gloss-cli.h"
#include "gloss-file.h"
#include "gloss-format.h"
#include "gloss-merge.h"

int
gloss_cli_merge (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *prefer = NULL;
  g_autofree char *output = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *comment = NULL;
  gboolean force = FALSE, accept_recoverable = FALSE;
  GlossMergeStrategy strategy;
  g_autoptr(GlossDocument) mine = NULL;
  g_autoptr(GlossDocument) theirs = NULL;
  g_autoptr(GlossDocument) aligned = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossMergeSession) session = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossAnnotationStore *store;
  guint n;
  GOptionEntry entries[] = {
    { "prefer", 'p', 0, G_OPTION_ARG_STRING, &prefer,
      N_("Where the files differ: keep “mine” (A), take “theirs” (B), or keep only what both agree on (“agreed-only”)"),
      N_("mine|theirs|agreed-only") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the merged file to OUT"), N_("OUT") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("Name recorded in the decision log"), N_("NAME") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("Comment recorded with each decision"), N_("TEXT") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Overwrite OUT if it exists"), NULL },
    { "accept-recoverable", 'r', 0, G_OPTION_ARG_NONE, &accept_recoverable,
      N_("Accept files with recoverable problems"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("A B") },
    { NULL }
  };

  if (!gloss_cli_parse_args (_("Merge annotation file B into A (a copy: neither is changed) and record "
                               "every decision in the merged file's decision log."),
                             entries, &argc, &argv))
    return 2;
  if (files == NULL || g_strv_length (files) != 2)
    {
      gloss_cli_printerr (NULL, "%s", _("merge: give exactly two files, A and B"));
      return 2;
    }
  if (prefer == NULL || !gloss_merge_strategy_from_string (prefer, &strategy))
    {
      gloss_cli_printerr (NULL, "%s", _("merge: --prefer must be mine, theirs or agreed-only"));
      return 2;
    }
  if (output == NULL)
    {
      gloss_cli_printerr (NULL, "%s", _("merge: -o OUT is required"));
      return 2;
    }

  out_file = g_file_new_for_commandline_arg (output);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) input = g_file_new_for_commandline_arg (files[i]);

      if (g_file_equal (input, out_file))
        {
          gloss_cli_printerr (output, "%s", _("refusing to overwrite an input file; choose another OUT"));
          return 2;
        }
    }
  if (!force && g_file_query_exists (out_file, NULL))
    {
      gloss_cli_printerr (output, "%s", _("already exists; use --force to replace it"));
      return 2;
    }

  mine = gloss_cli_review_load (files[0], accept_recoverable);
  theirs = gloss_cli_review_load (files[1], accept_recoverable);
  if (mine == NULL || theirs == NULL)
    return 1;

  aligned = gloss_cli_review_align (mine, theirs, files[1], &anchor);
  session = gloss_merge_session_new (mine, aligned);
  if (reviewer != NULL)
    gloss_merge_session_set_reviewer (session, reviewer);
  if (comment == NULL)
    comment = g_strdup_printf ("gloss-cli merge --prefer %s", prefer);
  n = gloss_merge_session_apply_strategy (session, strategy, comment);

  bytes = gloss_format_write (gloss_merge_session_get_merged (session));
  if (!gloss_file_replace (out_file, bytes, NULL, NULL, NULL, &error))
    {
      gloss_cli_printerr (output, "%s", error->message);
      return 1;
    }

  store = gloss_document_get_annotations (gloss_merge_session_get_merged (session));
  printf (_("%s: %u annotations, %u decisions recorded\n"), output,
          gloss_annotation_store_get_n_items (store), n);
  if (anchor != NULL && gloss_anchor_get_count (anchor, GLOSS_ANCHOR_ORPHANED) > 0)
    {
      GPtrArray *orphans = gloss_anchor_get_orphans (anchor);

      gloss_cli_printerr (files[1],
                          ngettext ("%u annotation could not be placed on the text of %s and was not merged:",
                                    "%u annotations could not be placed on the text of %s and were not merged:",
                                    orphans->len),
                          orphans->len, files[0]);
      for (guint i = 0; i < orphans->len; i++)
        gloss_cli_printerr (files[1], "  %s [%u, %u) “%s” (id %s)",
                            gloss_annotation_get_label (orphans->pdata[i]),
                            gloss_annotation_get_start (orphans->pdata[i]),
                            gloss_annotation_get_end (orphans->pdata[i]),
                            gloss_annotation_get_quote (orphans->pdata[i]),
                            gloss_annotation_get_id (orphans->pdata[i]));
    }
  fflush (stdout);

  return 0;
}
