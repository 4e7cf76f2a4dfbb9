/* gloss-cli-info.c: gloss-cli info FILE [--json]
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gloss-cli.h"
#include "gloss-format.h"

static const char * const metadata_keys[] = { "title", "byline", "published", "source", "language" };

static void
count_annotations (GlossDocument *document,
                   guint         *by_label,
                   guint         *by_kind,
                   guint         *unlabelled)
{
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GListModel *store = G_LIST_MODEL (gloss_document_get_annotations (document));
  guint n = g_list_model_get_n_items (store);

  *unlabelled = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (store, i);
      int position = gloss_label_set_index_of (labels, gloss_annotation_get_label (a));

      if (position < 0)
        {
          (*unlabelled)++;
          continue;
        }
      by_label[position]++;
      by_kind[gloss_label_get_kind (gloss_label_set_get_label (labels, position))]++;
    }
}

static guint
count_headings (GlossDocument *document)
{
  guint n_headings = 0;

  gloss_document_get_headings (document, &n_headings);
  return n_headings;
}

static void
print_text (GlossDocument *document)
{
  static const char * const titles[] = { N_("Title"), N_("Byline"), N_("Published"), N_("Source"), N_("Language") };
  GlossLabelSet *labels = gloss_document_get_labels (document);
  guint n_labels = gloss_label_set_get_n_labels (labels);
  g_autofree guint *by_label = g_new0 (guint, n_labels + 1);
  guint by_kind[GLOSS_N_LABEL_KINDS] = { 0 };
  guint unlabelled;

  count_annotations (document, by_label, by_kind, &unlabelled);

  for (guint i = 0; i < G_N_ELEMENTS (metadata_keys); i++)
    {
      const char *value = gloss_document_get_metadata (document, metadata_keys[i]);

      printf ("%s:%s%s\n", _(titles[i]), value != NULL ? " " : "", value != NULL ? value : "");
    }
  printf ("%s: %u\n", _("Length"), gloss_document_get_length (document));
  printf ("%s: %s\n", _("SHA-256"), gloss_document_get_sha256 (document));
  printf ("%s: %u\n", _("Annotations"),
          g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (document))));
  printf ("%s:\n", _("By label"));
  for (guint i = 0; i < n_labels; i++)
    printf ("  %s: %u\n", gloss_label_get_name (gloss_label_set_get_label (labels, i)), by_label[i]);
  printf ("%s:\n", _("By kind"));
  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    printf ("  %s: %u\n", gloss_label_kind_to_string (k), by_kind[k]);
  printf ("%s: %u\n", _("Relations"), g_list_model_get_n_items (gloss_document_get_relations (document)));
  printf ("%s: %u\n", _("Headings"), count_headings (document));
}

static void
print_json (GlossDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GlossLabelSet *labels = gloss_document_get_labels (document);
  guint n_labels = gloss_label_set_get_n_labels (labels);
  g_autofree guint *by_label = g_new0 (guint, n_labels + 1);
  guint by_kind[GLOSS_N_LABEL_KINDS] = { 0 };
  guint unlabelled;

  count_annotations (document, by_label, by_kind, &unlabelled);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (metadata_keys); i++)
    {
      const char *value = gloss_document_get_metadata (document, metadata_keys[i]);

      json_builder_set_member_name (builder, metadata_keys[i]);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "length");
  json_builder_add_int_value (builder, gloss_document_get_length (document));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, gloss_document_get_sha256 (document));
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_int_value (builder, g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (document))));
  json_builder_set_member_name (builder, "by_label");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_labels; i++)
    {
      json_builder_set_member_name (builder, gloss_label_get_name (gloss_label_set_get_label (labels, i)));
      json_builder_add_int_value (builder, by_label[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "by_kind");
  json_builder_begin_object (builder);
  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      json_builder_set_member_name (builder, gloss_label_kind_to_string (k));
      json_builder_add_int_value (builder, by_kind[k]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "relations");
  json_builder_add_int_value (builder, g_list_model_get_n_items (gloss_document_get_relations (document)));
  json_builder_set_member_name (builder, "headings");
  json_builder_add_int_value (builder, count_headings (document));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  printf ("%s\n", json);
}

int
gloss_cli_info (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GlossDocument) document = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the summary as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  if (!gloss_cli_parse_args (_("Summarize a Gloss file: metadata, length, checksum, annotation and heading counts."),
                             entries, &argc, &argv))
    return 2;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      gloss_cli_printerr (NULL, "%s", _("info: give exactly one FILE"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  document = gloss_format_read_file (file, GLOSS_LOAD_ACCEPT_RECOVERABLE, &problems, NULL, NULL, &error);
  if (document == NULL)
    {
      gloss_cli_printerr (files[0], "%s", error->message);
      return 1;
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = gloss_problem_to_string (g_ptr_array_index (problems, i));

      gloss_cli_printerr (files[0], _("%s (repaired)"), text);
    }

  if (as_json)
    print_json (document);
  else
    print_text (document);

  fflush (stdout);

  return 0;
}
