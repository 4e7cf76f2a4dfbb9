/* gloss-cli-agree.c: gloss-cli agree FILE FILE… [--json|--csv]
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "gloss-agreement.h"
#include "gloss-anchor.h"
#include "gloss-cli.h"

static void
print_number (double value)
{
  if (isnan (value))
    printf (" %9s", _("undefined"));
  else
    printf (" %9.4f", value);
}

static void
print_row (GlossAgreement *agreement,
           const char     *label)
{
  static const GlossAgreementMeasure measures[] = {
    GLOSS_AGREEMENT_PRECISION_STRICT, GLOSS_AGREEMENT_RECALL_STRICT, GLOSS_AGREEMENT_F1_STRICT,
    GLOSS_AGREEMENT_F1_LENIENT, GLOSS_AGREEMENT_F1_AVERAGE, GLOSS_AGREEMENT_KAPPA, GLOSS_AGREEMENT_ALPHA_U,
  };
  guint c, pa, m, s;

  gloss_agreement_get_counts (agreement, label, &c, &pa, &m, &s);
  printf ("%-14s %5u %5u %5u %5u", label ? label : _("(overall)"), c, pa, m, s);
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    print_number (gloss_agreement_get (agreement, label, measures[i]));
  printf ("\n");
}

static void
print_pair (GlossAgreement *agreement)
{
  const char * const *labels = gloss_agreement_get_labels (agreement);
  double ao, ae;
  guint n;

  printf (_("Key (mine): %s\nResponse (theirs): %s\n\n"),
          gloss_agreement_get_mine_name (agreement), gloss_agreement_get_theirs_name (agreement));
  printf ("%-14s %5s %5s %5s %5s %9s %9s %9s %9s %9s %9s %9s\n", _("label"),
          "C", "Pa", "M", "S", "P", "R", "F1", "F1-len", "F1-avg", "kappa", "alpha_u");
  for (guint i = 0; labels[i] != NULL; i++)
    print_row (agreement, labels[i]);
  print_row (agreement, NULL);

  gloss_agreement_get_kappa_terms (agreement, &ao, &ae, &n);
  printf ("\n");
  printf (_("C correct, Pa partial (same label, overlapping), M only mine, S only theirs; "
            "P/R/F1 strict (exact spans), F1 lenient (overlaps count), F1 average (overlaps count half).\n"));
  printf (_("kappa: Cohen's kappa over %u tokens (outside = O); observed %.4f, expected %.4f. "
            "alpha_u: Krippendorff's unitizing alpha over code points.\n"), n, ao, ae);
}

static void
print_matrix (GPtrArray  *agreements,
              char      **files,
              guint       n_files,
              GlossAgreementMeasure measure,
              const char *title)
{
  guint k = 0;
  g_autofree double *matrix = g_new (double, n_files * n_files);

  for (guint i = 0; i < n_files * n_files; i++)
    matrix[i] = NAN;
  for (guint i = 0; i < n_files; i++)
    for (guint j = i + 1; j < n_files; j++, k++)
      {
        double v = gloss_agreement_get (agreements->pdata[k], NULL, measure);
        matrix[i * n_files + j] = v;
        matrix[j * n_files + i] = v;
      }

  printf ("%s\n%6s", title, "");
  for (guint j = 0; j < n_files; j++)
    printf (" %9u", j + 1);
  printf ("\n");
  for (guint i = 0; i < n_files; i++)
    {
      printf ("%6u", i + 1);
      for (guint j = 0; j < n_files; j++)
        if (i == j)
          printf (" %9s", "—");
        else
          print_number (matrix[i * n_files + j]);
      printf ("\n");
    }
  printf ("%s", _("mean"));
  print_number (gloss_agreement_mean (agreements, NULL, measure));
  printf ("\n\n");
}

int
gloss_cli_agree (int    argc,
                 char **argv)
{
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE, csv = FALSE, accept_recoverable = FALSE;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) agreements = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_files;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV"), NULL },
    { "accept-recoverable", 'r', 0, G_OPTION_ARG_NONE, &accept_recoverable,
      N_("Accept files with recoverable problems"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE FILE…") },
    { NULL }
  };

  if (!gloss_cli_parse_args (_("Inter-annotator agreement between annotation files of the same article: "
                               "span precision/recall/F1, Cohen's kappa over tokens, Krippendorff's alpha_u. "
                               "With more than two files, a pairwise matrix and the mean."),
                             entries, &argc, &argv))
    return 2;
  if (files == NULL || g_strv_length (files) < 2)
    {
      gloss_cli_printerr (NULL, "%s", _("agree: give at least two files"));
      return 2;
    }
  if (json && csv)
    {
      gloss_cli_printerr (NULL, "%s", _("agree: --json and --csv exclude each other"));
      return 2;
    }

  n_files = g_strv_length (files);
  for (guint i = 0; i < n_files; i++)
    {
      GlossDocument *document = gloss_cli_review_load (files[i], accept_recoverable);

      if (document == NULL)
        return 1;
      g_ptr_array_add (documents, document);
    }

  for (guint i = 0; i < n_files; i++)
    for (guint j = i + 1; j < n_files; j++)
      {
        g_autoptr(GlossAnchor) anchor = NULL;
        g_autoptr(GlossDocument) aligned = gloss_cli_review_align (documents->pdata[i], documents->pdata[j],
                                                                   files[j], &anchor);
        GlossAgreement *agreement = gloss_agreement_new (documents->pdata[i], aligned);

        gloss_agreement_set_names (agreement, files[i], files[j]);
        g_ptr_array_add (agreements, agreement);
      }

  if (json)
    {
      g_autoptr(JsonNode) root = n_files == 2 ? gloss_agreement_to_json (agreements->pdata[0])
                                              : gloss_agreement_pairwise_to_json (agreements);
      g_autofree char *text = json_to_string (root, TRUE);

      printf ("%s\n", text);
    }
  else if (csv)
    {
      g_autofree char *text = n_files == 2 ? gloss_agreement_to_csv (agreements->pdata[0])
                                           : gloss_agreement_pairwise_to_csv (agreements);

      fputs (text, stdout);
    }
  else if (n_files == 2)
    print_pair (agreements->pdata[0]);
  else
    {
      for (guint i = 0; i < n_files; i++)
        printf ("%u  %s\n", i + 1, files[i]);
      printf ("\n");
      print_matrix (agreements, files, n_files, GLOSS_AGREEMENT_F1_STRICT, _("Span F1, strict (exact match)"));
      print_matrix (agreements, files, n_files, GLOSS_AGREEMENT_F1_LENIENT, _("Span F1, lenient (overlap)"));
      print_matrix (agreements, files, n_files, GLOSS_AGREEMENT_KAPPA, _("Cohen's kappa over tokens"));
      print_matrix (agreements, files, n_files, GLOSS_AGREEMENT_ALPHA_U, _("Krippendorff's alpha_u"));
    }

  fflush (stdout);

  return 0;
}
