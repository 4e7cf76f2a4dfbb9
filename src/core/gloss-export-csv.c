/* gloss-export-csv.c: CSV, one row per annotation (RFC 4180, UTF-8)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields containing a comma, a double quote, CR or LF are quoted, quotes are
 * doubled, records end in CRLF (RFC 4180 §2). Attributes are one column
 * holding a JSON object; relations leaving the annotation are one column
 * "type→id" separated by "; ". Offsets are given in code points and in
 * UTF-16 units. */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-csv.h"
#include "gloss-export-private.h"

typedef struct
{
  gboolean protect_formulas;
  guint    protected_fields;
} CsvState;

static void
field (CsvState   *st,
       GString    *out,
       const char *value,
       gboolean    last)
{
  g_autofree char *guarded = NULL;

  if (value == NULL)
    value = "";
  /* A spreadsheet runs a cell starting with = + - @ (or TAB/CR) as a
   * formula; article text is untrusted, so such cells get a leading '. */
  if (st->protect_formulas && gloss_csv_is_formula (value))
    {
      guarded = g_strconcat ("'", value, NULL);
      value = guarded;
      st->protected_fields++;
    }
  gloss_csv_append_field (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
field_uint (GString *out,
            guint    value)
{
  g_string_append_printf (out, "%u,", value);
}

static char *
attributes_json (GlossAnnotation *a)
{
  g_auto(GStrv) keys = gloss_annotation_list_attributes (a);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonGenerator) gen = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (keys == NULL || keys[0] == NULL)
    return g_strdup ("");
  b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GVariant *v = gloss_annotation_get_attribute (a, keys[i]);

      json_builder_set_member_name (b, keys[i]);
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        json_builder_add_string_value (b, g_variant_get_string (v, NULL));
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
        json_builder_add_boolean_value (b, g_variant_get_boolean (v));
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        json_builder_add_int_value (b, g_variant_get_int64 (v));
      else
        json_builder_add_double_value (b, g_variant_get_double (v));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  gen = json_generator_new ();
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
csv_export (GlossDocument      *document,
            GHashTable         *options,
            GlossExportResult  *result,
            GError            **error)
{
  GlossTextIndex *index = gloss_document_get_index (document);
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) relations = gloss_export_relations (document);
  g_autoptr(GHashTable) outgoing = gloss_export_relations_by_source (relations);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  CsvState st = { gloss_export_option_true (&gloss_format_csv, options, "protect-formulas"), 0 };

  g_string_append (out, "id,label,kind,start,end,start_utf16,end_utf16,quote,note,"
                        "attributes,relations,author,created,modified\r\n");

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      guint s = gloss_annotation_get_start (a), e = gloss_annotation_get_end (a);
      g_autofree char *quote = gloss_text_index_slice (index, s, e);
      g_autofree char *attrs = attributes_json (a);
      GPtrArray *rels = g_hash_table_lookup (outgoing, gloss_annotation_get_id (a));
      g_autoptr(GString) rel = g_string_new (NULL);

      for (guint r = 0; rels != NULL && r < rels->len; r++)
        {
          GlossRelation *relation = rels->pdata[r];

          g_string_append_printf (rel, "%s%s→%s", rel->len ? "; " : "",
                                  gloss_relation_get_kind (relation), gloss_relation_get_to (relation));
        }

      field (&st, out, gloss_annotation_get_id (a), FALSE);
      field (&st, out, gloss_annotation_get_label (a), FALSE);
      field (&st, out, gloss_label_kind_to_string (gloss_export_label_kind (document, gloss_annotation_get_label (a))), FALSE);
      field_uint (out, s);
      field_uint (out, e);
      field_uint (out, gloss_text_index_offset_to_utf16 (index, s));
      field_uint (out, gloss_text_index_offset_to_utf16 (index, e));
      field (&st, out, quote, FALSE);
      field (&st, out, gloss_annotation_get_note (a), FALSE);
      field (&st, out, attrs, FALSE);
      field (&st, out, rel->str, FALSE);
      field (&st, out, gloss_annotation_get_author (a), FALSE);
      field (&st, out, gloss_annotation_get_created (a), FALSE);
      field (&st, out, gloss_annotation_get_modified (a), TRUE);
    }

  gloss_export_result_add_loss (result, _("The article text and document metadata are not kept; relation notes are not kept."));
  if (st.protected_fields > 0)
    gloss_export_result_add_loss (result, _("%u fields start with = + - @, TAB or CR and were prefixed with ' so spreadsheets do not run them as formulas (option protect-formulas)."),
                                  st.protected_fields);
  bytes = g_bytes_new (out->str, out->len);
  gloss_export_result_add_file (result, ".csv", bytes);
  return TRUE;
}

const GlossFormatInfo gloss_format_csv = {
  .id = "csv",
  .name = N_("CSV"),
  .description = N_("A spreadsheet table with one row per annotation and every field"),
  .extension = "csv",
  .media_type = "text/csv;charset=utf-8;header=present",
  .offset_unit = N_("code points and UTF-16 units (both columns)"),
  .keeps = N_("ids, labels, kinds, spans, quotes, notes, attributes (JSON), outgoing relations, authors, times"),
  .loses = N_("the text, document metadata, label colours, relation notes"),
  .options = (const GlossFormatOption[]) {
    { "protect-formulas", GLOSS_FORMAT_OPTION_BOOLEAN, N_("Prefix cells that start like a formula with '"), "true", NULL },
    { NULL }
  },
  .export_func = csv_export,
};
