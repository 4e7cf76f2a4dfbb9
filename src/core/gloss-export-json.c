/* gloss-export-json.c: doccano JSONL and Label Studio JSON
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules: formats.md §6. Both tools count UTF-16 code units in practice
 * (doccano#2290, label-studio#1347); Gloss writes and reads UTF-16 by
 * default and converts at this edge only. An offset that falls between the
 * two halves of a surrogate pair is an error, never rounded. */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-export-private.h"

static void
member_int (GlossJsonWriter *b,
            const char      *name,
            gint64           value)
{
  gloss_json_writer_set_member_name (b, name);
  gloss_json_writer_add_int_value (b, value);
}

static void
member_string (GlossJsonWriter *b,
               const char      *name,
               const char      *value)
{
  gloss_json_writer_set_member_name (b, name);
  gloss_json_writer_add_string_value (b, value);
}

static guint
out_offset (GlossTextIndex *index,
            gboolean        utf16,
            guint           offset)
{
  return utf16 ? gloss_text_index_offset_to_utf16 (index, offset) : offset;
}

/* doccano ----------------------------------------------------------------- */

static gboolean
doccano_export (GlossDocument      *document,
                GHashTable         *options,
                GlossExportResult  *result,
                GError            **error)
{
  GlossTextIndex *index = gloss_document_get_index (document);
  gboolean utf16 = g_str_equal (gloss_format_option_get (&gloss_format_doccano, options, "unit"), "utf16");
  const char *rel_option = gloss_format_option_get (&gloss_format_doccano, options, "relations");
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) relations = gloss_export_relations (document);
  GlossJsonWriter *b = gloss_json_writer_new (FALSE);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) bytes = NULL;
  gboolean with_relations = g_str_equal (rel_option, "yes") ||
                            (g_str_equal (rel_option, "auto") && relations->len > 0);
  guint notes = 0, attributes = 0;

  gloss_json_writer_begin_object (b);
  member_int (b, "id", 1);
  member_string (b, "text", gloss_document_get_text (document));
  gloss_json_writer_set_member_name (b, with_relations ? "entities" : "label");
  gloss_json_writer_begin_array (b);
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      guint s = out_offset (index, utf16, gloss_annotation_get_start (a));
      guint e = out_offset (index, utf16, gloss_annotation_get_end (a));

      if (gloss_annotation_get_note (a) != NULL)
        notes++;
      attributes += gloss_annotation_get_n_attributes (a);
      g_hash_table_insert (numbers, (gpointer) gloss_annotation_get_id (a), GUINT_TO_POINTER (i + 1));
      if (with_relations)
        {
          gloss_json_writer_begin_object (b);
          member_int (b, "id", i + 1);
          member_string (b, "label", gloss_annotation_get_label (a));
          member_int (b, "start_offset", s);
          member_int (b, "end_offset", e);
          gloss_json_writer_end_object (b);
        }
      else
        {
          gloss_json_writer_begin_array (b);
          gloss_json_writer_add_int_value (b, s);
          gloss_json_writer_add_int_value (b, e);
          gloss_json_writer_add_string_value (b, gloss_annotation_get_label (a));
          gloss_json_writer_end_array (b);
        }
    }
  gloss_json_writer_end_array (b);

  if (with_relations)
    {
      gloss_json_writer_set_member_name (b, "relations");
      gloss_json_writer_begin_array (b);
      for (guint i = 0; i < relations->len; i++)
        {
          GlossRelation *r = relations->pdata[i];

          gloss_json_writer_begin_object (b);
          member_int (b, "id", i + 1);
          member_int (b, "from_id", GPOINTER_TO_UINT (g_hash_table_lookup (numbers, gloss_relation_get_from (r))));
          member_int (b, "to_id", GPOINTER_TO_UINT (g_hash_table_lookup (numbers, gloss_relation_get_to (r))));
          member_string (b, "type", gloss_relation_get_kind (r));
          gloss_json_writer_end_object (b);
        }
      gloss_json_writer_end_array (b);
    }
  else if (relations->len > 0)
    gloss_export_result_add_loss (result, _("%u relations are not kept (relations are off)."), relations->len);

  gloss_json_writer_set_member_name (b, "Comments");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);

  if (notes > 0)
    gloss_export_result_add_loss (result, _("%u notes are not kept (doccano has no per-span notes)."), notes);
  if (attributes > 0)
    gloss_export_result_add_loss (result, _("%u attributes (verdicts, knowledge-base ids, …) are not kept."), attributes);
  gloss_export_note_common_losses (document, result, TRUE, TRUE, TRUE);
  gloss_export_metadata_losses (document, result, NULL);

  bytes = gloss_json_writer_finish (b);
  gloss_export_result_add_file (result, ".jsonl", bytes);
  return TRUE;
}

/* Shared import helpers ----------------------------------------------------- */

typedef struct
{
  GlossTextIndex *raw;
  guint          *map;
  guint           raw_length;
  gboolean        utf16;
} Offsets;

static gboolean
convert_offset (Offsets     *o,
                JsonNode    *node,
                const char  *where,
                guint       *out,
                GError     **error)
{
  guint v, cp;

  if (!gloss_json_node_uint (node, where, &v, error))
    return FALSE;
  if (o->utf16)
    {
      if (!gloss_text_index_utf16_to_offset (o->raw, v, &cp))
        {
          if (v > gloss_text_index_offset_to_utf16 (o->raw, o->raw_length))
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                         _("%s = %u is past the end of the text (%u UTF-16 units)"), where, v,
                         gloss_text_index_offset_to_utf16 (o->raw, o->raw_length));
          else
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("%s = %u splits a character outside the BMP (a UTF-16 surrogate pair)"), where, v);
          return FALSE;
        }
    }
  else
    cp = v;
  if (cp > o->raw_length)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   _("%s = %u is past the end of the text (%u characters)"), where, v, o->raw_length);
      return FALSE;
    }
  *out = o->map ? o->map[cp] : cp;
  return TRUE;
}

static GlossDocument *
new_document (const char  *text,
              Offsets     *o,
              GPtrArray   *reports,
              GError     **error)
{
  GlossDocument *document = gloss_import_new_document (text, strlen (text), &o->map, &o->raw_length, error);

  if (document == NULL)
    return NULL;
  o->raw = gloss_text_index_new (text, -1);
  if (o->map != NULL)
    gloss_import_report (reports, _("The text had a byte order mark or CR line endings; offsets were mapped to the normalised text."));
  return document;
}

static void
offsets_clear (Offsets *o)
{
  g_clear_pointer (&o->raw, gloss_text_index_unref);
  g_clear_pointer (&o->map, g_free);
}

static guint
record_option (const GlossFormatInfo *format,
               GHashTable            *options,
               GError               **error)
{
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (gloss_format_option_get (format, options, "record"), 10, 1,
                                   G_MAXINT32, &n, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The record number must be 1 or more"));
      return 0;
    }
  return (guint) n;
}

static gboolean
span_annotation (GlossDocument  *document,
                 Offsets        *o,
                 JsonNode       *start_node,
                 JsonNode       *end_node,
                 const char     *label,
                 const char     *id,
                 const char     *where,
                 GPtrArray      *annotations,
                 GError        **error)
{
  g_autofree char *ws = g_strdup_printf ("%s start", where);
  g_autofree char *we = g_strdup_printf ("%s end", where);
  GlossAnnotation *a;
  guint s, e;

  if (!convert_offset (o, start_node, ws, &s, error) ||
      !convert_offset (o, end_node, we, &e, error))
    return FALSE;
  if (s >= e)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   _("%s: the span is empty or reversed"), where);
      return FALSE;
    }
  if (label == NULL || *label == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s: the label must be a non-empty string"), where);
      return FALSE;
    }
  a = gloss_annotation_new (label, s, e);
  gloss_annotation_set_id (a, id);
  g_ptr_array_add (annotations, a);
  return TRUE;
}

/* Adds an entity label for every label of @annotations the document does
 * not have yet (reporting each), then loads them and @relations. */
static gboolean
finish_entities (GlossDocument  *document,
                 GPtrArray      *annotations,
                 GPtrArray      *relations,
                 GPtrArray      *reports,
                 GError        **error)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      const char *label = gloss_annotation_get_label (annotations->pdata[i]);

      if (gloss_import_ensure_label (document, label, GLOSS_LABEL_KIND_ENTITY))
        gloss_import_report (reports, _("New label “%s” added."), label);
    }

  return gloss_import_finish (document, annotations, relations, error);
}

/* doccano import ------------------------------------------------------------ */

static GlossDocument *
doccano_import (GBytes      *data,
                GBytes      *unused_text,
                GHashTable  *options,
                GPtrArray   *reports,
                GError     **error)
{
  gsize len;
  const char *p = g_bytes_get_data (data, &len);
  /* Empty bytes may have no data pointer, and NULL + 0 is undefined
   * (found by fuzz-import-doccano under UBSan). */
  const char *end = p != NULL ? p + len : NULL;
  const char *line = p;
  guint wanted = record_option (&gloss_format_doccano, options, error);
  guint n_records = 0;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Offsets o = { 0 };
  JsonObject *obj;
  JsonNode *labels;
  const char *text;
  gboolean ok = TRUE;

  if (wanted == 0)
    return NULL;
  o.utf16 = g_str_equal (gloss_format_option_get (&gloss_format_doccano, options, "unit"), "utf16");

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *stop = nl ? nl : end;
      const char *q = line;

      while (q < stop && g_ascii_isspace (*q))
        q++;
      if (q < stop)
        {
          g_autoptr(JsonNode) parsed = NULL;

          /* Every record is checked, so a broken file is never half read. */
          n_records++;
          parsed = gloss_import_parse_json (line, stop - line, error);
          if (parsed == NULL)
            {
              g_prefix_error (error, _("Record %u: "), n_records);
              return NULL;
            }
          if (n_records == wanted)
            record = g_steal_pointer (&parsed);
        }
      line = nl ? nl + 1 : end;
    }

  if (record == NULL)
    {
      g_set_error (error, GLOSS_ERROR, n_records == 0 ? GLOSS_ERROR_EMPTY : GLOSS_ERROR_NOT_FOUND,
                   _("The file has %u records; there is no record %u"), n_records, wanted);
      return NULL;
    }
  if (n_records > 1)
    gloss_import_report (reports, _("The file has %u records; record %u was imported."), n_records, wanted);

  if (!JSON_NODE_HOLDS_OBJECT (record))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("A doccano record must be a JSON object"));
      return NULL;
    }
  obj = json_node_get_object (record);
  text = gloss_json_string_member (obj, "text");
  if (text == NULL && (text = gloss_json_string_member (obj, "data")) != NULL)
    gloss_import_report (reports, _("The text is under “data” (doccano before 1.7)."));
  if (text == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The record has no string “text”"));
      return NULL;
    }

  document = new_document (text, &o, reports, error);
  if (document == NULL)
    return NULL;

  labels = json_object_get_member (obj, "label");
  if (labels == NULL)
    labels = json_object_get_member (obj, "entities");
  if (labels != NULL && !JSON_NODE_HOLDS_ARRAY (labels))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“label” must be an array"));
      ok = FALSE;
    }

  if (ok && labels != NULL)
    {
      JsonArray *array = json_node_get_array (labels);

      for (guint i = 0; ok && i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          g_autofree char *where = g_strdup_printf ("label[%u]", i);
          g_autofree char *id = g_strdup_printf ("doccano-%u", i + 1);

          if (JSON_NODE_HOLDS_ARRAY (item))
            {
              JsonArray *t = json_node_get_array (item);
              JsonNode *lab = json_array_get_length (t) == 3 ? json_array_get_element (t, 2) : NULL;

              if (lab == NULL || !JSON_NODE_HOLDS_VALUE (lab) || json_node_get_value_type (lab) != G_TYPE_STRING)
                {
                  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                               _("%s must be [start, end, \"label\"]"), where);
                  ok = FALSE;
                  break;
                }
              ok = span_annotation (document, &o, json_array_get_element (t, 0), json_array_get_element (t, 1),
                                    json_node_get_string (lab), id, where, annotations, error);
            }
          else if (JSON_NODE_HOLDS_OBJECT (item))
            {
              JsonObject *e = json_node_get_object (item);
              JsonNode *idn = json_object_get_member (e, "id");

              ok = span_annotation (document, &o, json_object_get_member (e, "start_offset"),
                                    json_object_get_member (e, "end_offset"),
                                    gloss_json_string_member (e, "label"), id, where, annotations, error);
              if (ok && idn != NULL && JSON_NODE_HOLDS_VALUE (idn))
                {
                  g_autofree char *key = json_node_get_value_type (idn) == G_TYPE_INT64
                    ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (idn))
                    : g_strdup (json_node_get_value_type (idn) == G_TYPE_STRING ? json_node_get_string (idn) : "");
                  g_hash_table_insert (by_number, g_steal_pointer (&key), g_strdup (id));
                }
            }
          else
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s must be an array or an object"), where);
              ok = FALSE;
            }
        }
    }

  if (ok && json_object_has_member (obj, "relations"))
    {
      JsonNode *rn = json_object_get_member (obj, "relations");
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (rn))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“relations” must be an array"));
          ok = FALSE;
        }
      array = ok ? json_node_get_array (rn) : NULL;
      for (guint i = 0; ok && i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *r;
          guint from = 0, to = 0;
          g_autofree char *where = g_strdup_printf ("relations[%u]", i);
          g_autofree char *fk = NULL, *tk = NULL, *rid = NULL;
          const char *type, *from_id, *to_id;
          GlossRelation *rel;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s must be an object"), where);
              ok = FALSE;
              break;
            }
          r = json_node_get_object (item);
          if (!gloss_json_uint_member (r, "from_id", where, &from, error) ||
              !gloss_json_uint_member (r, "to_id", where, &to, error))
            {
              ok = FALSE;
              break;
            }
          fk = g_strdup_printf ("%u", from);
          tk = g_strdup_printf ("%u", to);
          from_id = g_hash_table_lookup (by_number, fk);
          to_id = g_hash_table_lookup (by_number, tk);
          if (from_id == NULL || to_id == NULL)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                           _("%s refers to an entity id that does not exist"), where);
              ok = FALSE;
              break;
            }
          type = gloss_json_string_member (r, "type");
          rel = gloss_relation_new (type ? type : "related", from_id, to_id);
          rid = g_strdup_printf ("doccano-r%u", i + 1);
          gloss_relation_set_id (rel, rid);
          g_ptr_array_add (relations, rel);
        }
    }

  if (ok)
    ok = finish_entities (document, annotations, relations, reports, error);
  offsets_clear (&o);
  return ok ? g_steal_pointer (&document) : NULL;
}

/* Label Studio -------------------------------------------------------------- */

static void
ls_region_start (GlossJsonWriter *b,
                 GlossTextIndex  *index,
                 GlossAnnotation *a,
                 gboolean         utf16)
{
  gloss_json_writer_begin_object (b);
  gloss_json_writer_set_member_name (b, "value");
  gloss_json_writer_begin_object (b);
  member_int (b, "start", out_offset (index, utf16, gloss_annotation_get_start (a)));
  member_int (b, "end", out_offset (index, utf16, gloss_annotation_get_end (a)));
}

static void
ls_region_end (GlossJsonWriter *b,
               GlossAnnotation *a,
               const char      *from_name,
               const char      *type)
{
  gloss_json_writer_end_object (b);
  member_string (b, "id", gloss_annotation_get_id (a));
  member_string (b, "from_name", from_name);
  member_string (b, "to_name", "text");
  member_string (b, "type", type);
  member_string (b, "origin", "manual");
  gloss_json_writer_end_object (b);
}

static char *
xml_escape (const char *s)
{
  return g_markup_escape_text (s, -1);
}

static gboolean
label_studio_export (GlossDocument      *document,
                     GHashTable         *options,
                     GlossExportResult  *result,
                     GError            **error)
{
  GlossTextIndex *index = gloss_document_get_index (document);
  gboolean utf16 = g_str_equal (gloss_format_option_get (&gloss_format_label_studio, options, "unit"), "utf16");
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) relations = gloss_export_relations (document);
  GlossJsonWriter *b = gloss_json_writer_new (TRUE);
  g_autoptr(GBytes) bytes = NULL, config_bytes = NULL;
  g_autofree char *generated = gloss_export_generated_time (options);
  g_autoptr(GPtrArray) attr_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rel_types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) config = g_string_new ("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
  GlossLabelSet *labels = gloss_document_get_labels (document);
  guint typed_attributes = 0;

  gloss_json_writer_begin_array (b);
  gloss_json_writer_begin_object (b);
  member_int (b, "id", 1);
  gloss_json_writer_set_member_name (b, "data");
  gloss_json_writer_begin_object (b);
  member_string (b, "text", gloss_document_get_text (document));
  if (gloss_document_get_title (document))
    member_string (b, "title", gloss_document_get_title (document));
  if (gloss_document_get_source (document))
    member_string (b, "source", gloss_document_get_source (document));
  gloss_json_writer_end_object (b);
  gloss_json_writer_set_member_name (b, "annotations");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_begin_object (b);
  member_int (b, "id", 1);
  gloss_json_writer_set_member_name (b, "result");
  gloss_json_writer_begin_array (b);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      g_autofree char *quote = gloss_text_index_slice (index, gloss_annotation_get_start (a), gloss_annotation_get_end (a));
      g_auto(GStrv) keys = gloss_annotation_list_attributes (a);

      ls_region_start (b, index, a, utf16);
      member_string (b, "text", quote);
      gloss_json_writer_set_member_name (b, "labels");
      gloss_json_writer_begin_array (b);
      gloss_json_writer_add_string_value (b, gloss_annotation_get_label (a));
      gloss_json_writer_end_array (b);
      ls_region_end (b, a, "label", "labels");

      if (gloss_annotation_get_note (a) != NULL)
        {
          ls_region_start (b, index, a, utf16);
          gloss_json_writer_set_member_name (b, "text");
          gloss_json_writer_begin_array (b);
          gloss_json_writer_add_string_value (b, gloss_annotation_get_note (a));
          gloss_json_writer_end_array (b);
          ls_region_end (b, a, "note", "textarea");
        }

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          GVariant *value = gloss_annotation_get_attribute (a, keys[k]);
          g_autofree char *str = gloss_export_value_string (value);
          gboolean choice = g_str_equal (keys[k], "verdict");

          if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) && !g_str_equal (keys[k], "check_worthiness"))
            typed_attributes++;

          ls_region_start (b, index, a, utf16);
          gloss_json_writer_set_member_name (b, choice ? "choices" : "text");
          gloss_json_writer_begin_array (b);
          gloss_json_writer_add_string_value (b, str);
          gloss_json_writer_end_array (b);
          ls_region_end (b, a, keys[k], choice ? "choices" : "textarea");
          if (g_hash_table_add (seen_keys, g_strdup (keys[k])))
            g_ptr_array_add (attr_keys, g_strdup (keys[k]));
        }
    }

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];

      gloss_json_writer_begin_object (b);
      member_string (b, "from_id", gloss_relation_get_from (r));
      member_string (b, "to_id", gloss_relation_get_to (r));
      member_string (b, "type", "relation");
      member_string (b, "direction", "right");
      gloss_json_writer_set_member_name (b, "labels");
      gloss_json_writer_begin_array (b);
      gloss_json_writer_add_string_value (b, gloss_relation_get_kind (r));
      gloss_json_writer_end_array (b);
      gloss_json_writer_end_object (b);
      g_hash_table_add (rel_types, (gpointer) gloss_relation_get_kind (r));
      if (gloss_relation_get_note (r) != NULL)
        gloss_export_result_add_loss (result, _("The note of relation “%s” is not kept."), gloss_relation_get_kind (r));
    }

  gloss_json_writer_end_array (b);
  gloss_json_writer_set_member_name (b, "was_cancelled");
  gloss_json_writer_add_boolean_value (b, FALSE);
  gloss_json_writer_set_member_name (b, "ground_truth");
  gloss_json_writer_add_boolean_value (b, FALSE);
  member_string (b, "created_at", generated);
  member_string (b, "updated_at", generated);
  member_int (b, "task", 1);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_array (b);
  gloss_json_writer_set_member_name (b, "predictions");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_array (b);

  /* The labeling config that makes Label Studio show all of it. */
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *l = gloss_label_set_get_label (labels, i);
      g_autofree char *name = xml_escape (gloss_label_get_name (l));
      g_autofree char *color = xml_escape (gloss_label_get_color (l));

      g_string_append_printf (config, "    <Label value=\"%s\" background=\"%s\"/>\n", name, color);
    }
  g_string_append (config, "  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
  g_string_append (config, "  <TextArea name=\"note\" toName=\"text\" perRegion=\"true\"/>\n");
  for (guint i = 0; i < attr_keys->len; i++)
    {
      g_autofree char *key = xml_escape (attr_keys->pdata[i]);

      if (g_str_equal (attr_keys->pdata[i], "verdict"))
        g_string_append_printf (config, "  <Choices name=\"verdict\" toName=\"text\" perRegion=\"true\">\n"
                                "    <Choice value=\"true\"/><Choice value=\"mostly-true\"/><Choice value=\"mixed\"/>"
                                "<Choice value=\"mostly-false\"/><Choice value=\"false\"/><Choice value=\"unverifiable\"/>"
                                "<Choice value=\"not-checked\"/>\n  </Choices>\n");
      else
        g_string_append_printf (config, "  <TextArea name=\"%s\" toName=\"text\" perRegion=\"true\"/>\n", key);
    }
  g_string_append (config, "  <Relations>\n");
  /* The label set's own relation types, used or not (issue 3). */
  for (guint i = 0; i < gloss_label_set_get_n_relation_types (labels); i++)
    g_hash_table_add (rel_types,
                      (gpointer) gloss_relation_type_get_name (gloss_label_set_get_relation_type (labels, i)));
  {
    g_autofree const char **types = (const char **) g_hash_table_get_keys_as_array (rel_types, NULL);
    guint n = g_hash_table_size (rel_types);

    qsort (types, n, sizeof (char *), (GCompareFunc) gloss_compare_strv_items);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *t = xml_escape (types[i]);
        g_string_append_printf (config, "    <Relation value=\"%s\"/>\n", t);
      }
  }
  g_string_append (config, "  </Relations>\n</View>\n");

  if (typed_attributes > 0)
    gloss_export_result_add_loss (result, _("%u attributes that are not text (numbers, booleans) are written as text."),
                                  typed_attributes);
  gloss_export_note_common_losses (document, result, FALSE, TRUE, FALSE);
  gloss_export_metadata_losses (document, result, "title,source");

  bytes = gloss_json_writer_finish (b);
  config_bytes = g_bytes_new (config->str, config->len);
  gloss_export_result_add_file (result, ".json", bytes);
  gloss_export_result_add_file (result, ".label-config.xml", config_bytes);
  return TRUE;
}

static const char *
first_string (JsonNode *node)
{
  JsonNode *first;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return NULL;
  first = json_array_get_element (json_node_get_array (node), 0);
  if (!JSON_NODE_HOLDS_VALUE (first) || json_node_get_value_type (first) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (first);
}

static GlossDocument *
label_studio_import (GBytes      *data,
                     GBytes      *unused_text,
                     GHashTable  *options,
                     GPtrArray   *reports,
                     GError     **error)
{
  gsize len;
  const char *p = g_bytes_get_data (data, &len);
  guint wanted = record_option (&gloss_format_label_studio, options, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) extras = g_ptr_array_new ();
  Offsets o = { 0 };
  JsonObject *task, *data_obj;
  JsonNode *node, *result_node = NULL;
  const char *text;
  JsonArray *results;
  gboolean ok = TRUE;

  if (wanted == 0)
    return NULL;
  o.utf16 = g_str_equal (gloss_format_option_get (&gloss_format_label_studio, options, "unit"), "utf16");

  root = gloss_import_parse_json (p, len, error);
  if (root == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *tasks = json_node_get_array (root);

      if (json_array_get_length (tasks) < wanted)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("The file has %u tasks; there is no task %u"), json_array_get_length (tasks), wanted);
          return NULL;
        }
      if (json_array_get_length (tasks) > 1)
        gloss_import_report (reports, _("The file has %u tasks; task %u was imported."), json_array_get_length (tasks), wanted);
      node = json_array_get_element (tasks, wanted - 1);
    }
  else
    node = root;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("A Label Studio task must be a JSON object"));
      return NULL;
    }
  task = json_node_get_object (node);
  node = json_object_get_member (task, "data");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The task has no “data” object"));
      return NULL;
    }
  data_obj = json_node_get_object (node);
  text = gloss_json_string_member (data_obj, "text");
  if (text == NULL)
    {
      g_autoptr(GList) members = json_object_get_members (data_obj);

      for (GList *l = members; l && text == NULL; l = l->next)
        if ((text = gloss_json_string_member (data_obj, l->data)) != NULL)
          gloss_import_report (reports, _("The text was taken from data.%s."), (char *) l->data);
    }
  if (text == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The task data holds no text"));
      return NULL;
    }

  for (guint pass = 0; pass < 2 && result_node == NULL; pass++)
    {
      const char *key = pass == 0 ? "annotations" : "predictions";
      JsonNode *list = json_object_get_member (task, key);
      JsonArray *arr;
      JsonNode *first;

      if (list == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s” must be an array"), key);
          return NULL;
        }
      arr = json_node_get_array (list);
      if (json_array_get_length (arr) == 0)
        continue;
      if (json_array_get_length (arr) > 1)
        gloss_import_report (reports, _("The task has %u %s; the first was imported."), json_array_get_length (arr), key);
      if (pass == 1)
        gloss_import_report (reports, _("The task has no annotations; its predictions were imported."));
      first = json_array_get_element (arr, 0);
      if (!JSON_NODE_HOLDS_OBJECT (first) ||
          (result_node = json_object_get_member (json_node_get_object (first), "result")) == NULL ||
          !JSON_NODE_HOLDS_ARRAY (result_node))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s[0] has no “result” array"), key);
          return NULL;
        }
    }

  document = new_document (text, &o, reports, error);
  if (document == NULL)
    return NULL;

  results = result_node ? json_node_get_array (result_node) : NULL;
  for (guint i = 0; ok && results != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *item = json_array_get_element (results, i);
      g_autofree char *where = g_strdup_printf ("result[%u]", i);
      JsonObject *r, *value;
      const char *type, *id;
      JsonNode *vn;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s must be an object"), where);
          ok = FALSE;
          break;
        }
      r = json_node_get_object (item);
      type = gloss_json_string_member (r, "type");
      id = gloss_json_string_member (r, "id");
      if (g_strcmp0 (type, "relation") == 0)
        {
          g_ptr_array_add (extras, r);
          continue;
        }
      vn = json_object_get_member (r, "value");
      if (vn == NULL || !JSON_NODE_HOLDS_OBJECT (vn))
        {
          gloss_import_report (reports, _("%s (%s) has no value; skipped."), where, type ? type : "?");
          continue;
        }
      value = json_node_get_object (vn);
      if (g_strcmp0 (type, "labels") == 0)
        {
          JsonNode *labels = json_object_get_member (value, "labels");
          const char *label = first_string (labels);
          const char *vtext = gloss_json_string_member (value, "text");
          g_autofree char *fallback_id = g_strdup_printf ("ls-%u", i + 1);
          GlossAnnotation *a;

          if (label == NULL)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s: value.labels must hold a string"), where);
              ok = FALSE;
              break;
            }
          if (json_array_get_length (json_node_get_array (labels)) > 1)
            gloss_import_report (reports, _("%s has several labels; only “%s” is kept."), where, label);
          if (!span_annotation (document, &o, json_object_get_member (value, "start"),
                                json_object_get_member (value, "end"), label, id ? id : fallback_id,
                                where, annotations, error))
            {
              ok = FALSE;
              break;
            }
          a = annotations->pdata[annotations->len - 1];
          if (vtext != NULL &&
              !gloss_text_index_slice_equals (gloss_document_get_index (document),
                                              gloss_annotation_get_start (a), gloss_annotation_get_end (a), vtext))
            {
              g_autofree char *actual = gloss_document_slice (document, gloss_annotation_get_start (a), gloss_annotation_get_end (a));
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           _("%s: value.text “%s” does not match the text at its offsets (“%s”); the offsets may not be in %s"),
                           where, vtext, actual, o.utf16 ? _("UTF-16 units") : _("code points"));
              ok = FALSE;
              break;
            }
          if (id != NULL)
            g_hash_table_insert (regions, (gpointer) id, a);
        }
      else if (g_strcmp0 (type, "textarea") == 0 || g_strcmp0 (type, "choices") == 0)
        g_ptr_array_add (extras, r);
      else
        gloss_import_report (reports, _("%s of type “%s” is not supported; skipped."), where, type ? type : "?");
    }

  for (guint i = 0; ok && i < extras->len; i++)
    {
      JsonObject *r = extras->pdata[i];
      const char *type = gloss_json_string_member (r, "type");

      if (g_str_equal (type, "relation"))
        {
          GlossAnnotation *from = g_hash_table_lookup (regions, gloss_json_string_member (r, "from_id") ?: "");
          GlossAnnotation *to = g_hash_table_lookup (regions, gloss_json_string_member (r, "to_id") ?: "");
          const char *label = first_string (json_object_get_member (r, "labels"));
          g_autofree char *rid = g_strdup_printf ("ls-r%u", relations->len + 1);
          GlossRelation *rel;

          if (from == NULL || to == NULL)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                           _("A relation refers to a region that does not exist"));
              ok = FALSE;
              break;
            }
          if (g_strcmp0 (gloss_json_string_member (r, "direction"), "left") == 0)
            {
              GlossAnnotation *tmp = from;
              from = to;
              to = tmp;
            }
          rel = gloss_relation_new (label ? label : "related", gloss_annotation_get_id (from), gloss_annotation_get_id (to));
          gloss_relation_set_id (rel, rid);
          g_ptr_array_add (relations, rel);
        }
      else
        {
          const char *id = gloss_json_string_member (r, "id");
          const char *from_name = gloss_json_string_member (r, "from_name");
          GlossAnnotation *a = id ? g_hash_table_lookup (regions, id) : NULL;
          JsonObject *value = json_object_get_object_member (r, "value");
          const char *v = first_string (json_object_get_member (value, g_str_equal (type, "choices") ? "choices" : "text"));

          if (a == NULL || from_name == NULL || v == NULL)
            {
              gloss_import_report (reports, _("A %s result not attached to a labelled region was skipped."), type);
              continue;
            }
          if (g_str_equal (from_name, "note"))
            gloss_annotation_set_note (a, v);
          else
            gloss_annotation_set_attribute (a, from_name, gloss_import_attribute_value (from_name, v));
        }
    }

  if (ok)
    ok = finish_entities (document, annotations, relations, reports, error);
  offsets_clear (&o);
  return ok ? g_steal_pointer (&document) : NULL;
}

const GlossFormatInfo gloss_format_doccano = {
  .id = "doccano",
  .name = N_("doccano JSONL"),
  .description = N_("One JSON object per line with the text and its spans, as doccano exports sequence labelling"),
  .extension = "jsonl",
  .media_type = "application/jsonl",
  .offset_unit = N_("UTF-16 code units (doccano's default); code points as an option"),
  .keeps = N_("text, spans, labels, relations"),
  .loses = N_("notes, attributes, ids, authors, times, label colours, metadata"),
  .options = (const GlossFormatOption[]) {
    { "unit", GLOSS_FORMAT_OPTION_CHOICE, N_("Offset unit"), "utf16", "utf16|codepoints" },
    { "relations", GLOSS_FORMAT_OPTION_CHOICE, N_("Relation layout (export)"), "auto", "auto|yes|no" },
    { "record", GLOSS_FORMAT_OPTION_STRING, N_("Record to import (1 = first line)"), "1", NULL },
    { NULL }
  },
  .export_func = doccano_export,
  .import_func = doccano_import,
};

const GlossFormatInfo gloss_format_label_studio = {
  .id = "label-studio",
  .name = N_("Label Studio JSON"),
  .description = N_("A Label Studio task with NER regions, notes and attributes per region and relations, plus a matching labeling config"),
  .extension = "json",
  .media_type = "application/json",
  .offset_unit = N_("UTF-16 code units (what Label Studio counts); code points as an option"),
  .keeps = N_("text, spans, labels, region ids, notes, attributes (as text), relations, title and source"),
  .loses = N_("attribute types, relation notes, authors and times, label keys"),
  .options = (const GlossFormatOption[]) {
    { "unit", GLOSS_FORMAT_OPTION_CHOICE, N_("Offset unit"), "utf16", "utf16|codepoints" },
    { "record", GLOSS_FORMAT_OPTION_STRING, N_("Task to import (1 = first)"), "1", NULL },
    { NULL }
  },
  .export_func = label_studio_export,
  .import_func = label_studio_import,
};
