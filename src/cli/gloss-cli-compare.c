/* gloss-cli-compare.c: gloss-cli compare MINE THEIRS [--json]
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gloss-anchor.h"
#include "gloss-cli.h"
#include "gloss-comparison.h"
#include "gloss-format.h"

/**
 * gloss_cli_review_load:
 *
 * Reads a native file for compare/agree/merge, printing the error.
 */
GlossDocument *
gloss_cli_review_load (const char *path,
                       gboolean    accept_recoverable)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GlossDocument *document;

  document = gloss_format_read_file (file,
                                     accept_recoverable ? GLOSS_LOAD_ACCEPT_RECOVERABLE : GLOSS_LOAD_FLAGS_NONE,
                                     &problems, NULL, NULL, &error);
  if (document == NULL)
    {
      gloss_cli_printerr (path, "%s", error->message);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *line = gloss_problem_to_string (problems->pdata[i]);
          gloss_cli_printerr (path, "  %s", line);
        }
    }

  return document;
}

/**
 * gloss_cli_review_align:
 * @anchor: (out) (nullable): the re-anchoring, if the texts differ
 *
 * Returns: (transfer full): @theirs on the text of @mine
 */
GlossDocument *
gloss_cli_review_align (GlossDocument  *mine,
                        GlossDocument  *theirs,
                        const char     *theirs_path,
                        GlossAnchor   **anchor)
{
  GlossAnchor *a;

  *anchor = NULL;
  if (g_strcmp0 (gloss_document_get_sha256 (mine), gloss_document_get_sha256 (theirs)) == 0)
    return g_object_ref (theirs);

  a = gloss_anchor_new (theirs, mine);
  gloss_cli_printerr (theirs_path,
                      _("the text differs; annotations re-anchored: %u exact, %u moved, %u could not be placed"),
                      gloss_anchor_get_count (a, GLOSS_ANCHOR_EXACT),
                      gloss_anchor_get_count (a, GLOSS_ANCHOR_MOVED),
                      gloss_anchor_get_count (a, GLOSS_ANCHOR_ORPHANED));
  *anchor = a;

  return g_object_ref (gloss_anchor_get_document (a));
}

static char *
short_quote (GlossAnnotation *a)
{
  const char *quote = gloss_annotation_get_quote (a);
  g_autofree char *flat = NULL;

  if (quote == NULL)
    return g_strdup ("");
  flat = g_strdup (quote);
  g_strdelimit (flat, "\n\r\t", ' ');
  if (g_utf8_strlen (flat, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, 39);
      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&flat);
}

static void
print_side (const char      *side,
            GlossAnnotation *a)
{
  g_autofree char *quote = NULL;

  if (a == NULL)
    return;
  quote = short_quote (a);
  printf ("    %-7s %-12s [%u, %u) “%s”\n", side, gloss_annotation_get_label (a),
          gloss_annotation_get_start (a), gloss_annotation_get_end (a), quote);
}

static void
print_table (GlossComparison *comparison,
             GlossAnchor     *anchor)
{
  GListModel *model = G_LIST_MODEL (comparison);

  for (guint c = 0; c < GLOSS_N_DIFFERENCE_CATEGORIES; c++)
    printf ("%-18s %6u\n", gloss_difference_category_get_title (c), gloss_comparison_get_count (comparison, c));
  printf ("%-18s %6u\n", _("Claim attributes"), gloss_comparison_get_n_attribute_differences (comparison));

  for (guint c = 0; c < GLOSS_N_DIFFERENCE_CATEGORIES; c++)
    {
      gboolean header = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GlossDifference) d = g_list_model_get_item (model, i);
          const char * const *attributes = gloss_difference_get_attribute_differences (d);

          if (gloss_difference_get_category (d) != c || !gloss_difference_is_conflict (d))
            continue;
          if (!header)
            {
              printf ("\n%s (%u)\n", gloss_difference_category_get_title (c),
                      gloss_comparison_get_count (comparison, c));
              header = TRUE;
            }
          printf ("  [%u, %u)\n", gloss_difference_get_start (d), gloss_difference_get_end (d));
          print_side (_("mine"), gloss_difference_get_mine (d));
          print_side (_("theirs"), gloss_difference_get_theirs (d));
          if (attributes[0] != NULL)
            {
              g_autofree char *list = g_strjoinv (", ", (char **) attributes);
              printf ("    %s: %s\n", _("differs"), list);
            }
        }
    }

  if (anchor != NULL && gloss_anchor_get_count (anchor, GLOSS_ANCHOR_ORPHANED) > 0)
    {
      GPtrArray *orphans = gloss_anchor_get_orphans (anchor);

      printf ("\n%s (%u)\n", _("Theirs, not placed on my text"), orphans->len);
      for (guint i = 0; i < orphans->len; i++)
        print_side (_("theirs"), orphans->pdata[i]);
    }
}

int
gloss_cli_compare (int    argc,
                   char **argv)
{
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE;
  gboolean accept_recoverable = FALSE;
  g_autoptr(GlossDocument) mine = NULL;
  g_autoptr(GlossDocument) theirs = NULL;
  g_autoptr(GlossDocument) aligned = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossComparison) comparison = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { "accept-recoverable", 'r', 0, G_OPTION_ARG_NONE, &accept_recoverable,
      N_("Accept files with recoverable problems"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("MINE THEIRS") },
    { NULL }
  };

  if (!gloss_cli_parse_args (_("List the differences between two annotation files of the same article, by category."),
                             entries, &argc, &argv))
    return 2;
  if (files == NULL || g_strv_length (files) != 2)
    {
      gloss_cli_printerr (NULL, "%s", _("compare: give exactly two files, MINE and THEIRS"));
      return 2;
    }

  mine = gloss_cli_review_load (files[0], accept_recoverable);
  theirs = gloss_cli_review_load (files[1], accept_recoverable);
  if (mine == NULL || theirs == NULL)
    return 1;

  aligned = gloss_cli_review_align (mine, theirs, files[1], &anchor);
  comparison = gloss_comparison_new (mine, aligned);

  if (json)
    {
      g_autoptr(JsonNode) root = gloss_comparison_to_json (comparison);
      g_autofree char *text = NULL;

      json_object_set_string_member (json_node_get_object (root), "mine", files[0]);
      json_object_set_string_member (json_node_get_object (root), "theirs", files[1]);
      if (anchor != NULL)
        json_object_set_member (json_node_get_object (root), "anchoring", gloss_anchor_to_json (anchor));
      text = json_to_string (root, TRUE);
      printf ("%s\n", text);
    }
  else
    print_table (comparison, anchor);

  fflush (stdout);

  return 0;
}
