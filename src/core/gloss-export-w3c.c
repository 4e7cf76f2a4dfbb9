/* gloss-export-w3c.c: W3C Web Annotation (JSON-LD) export and import
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules: formats.md §1 (data model), §1.7 (mapping), §1.9 and §2
 * (anchoring: position, verified by the quote, falling back to quote search). */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-export-private.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

static void
add_textual_body (GlossJsonWriter *b,
                  const char      *value,
                  const char      *purpose,
                  const char      *language)
{
  gloss_json_writer_begin_object (b);
  gloss_json_writer_set_member_name (b, "type");
  gloss_json_writer_add_string_value (b, "TextualBody");
  gloss_json_writer_set_member_name (b, "value");
  gloss_json_writer_add_string_value (b, value);
  gloss_json_writer_set_member_name (b, "format");
  gloss_json_writer_add_string_value (b, "text/plain");
  if (language != NULL && *language)
    {
      gloss_json_writer_set_member_name (b, "language");
      gloss_json_writer_add_string_value (b, language);
    }
  gloss_json_writer_set_member_name (b, "purpose");
  gloss_json_writer_add_string_value (b, purpose);
  gloss_json_writer_end_object (b);
}

static void
add_member_string (GlossJsonWriter *b,
                   const char      *name,
                   const char      *value)
{
  if (value == NULL)
    return;
  gloss_json_writer_set_member_name (b, name);
  gloss_json_writer_add_string_value (b, value);
}

static void
add_annotation (GlossJsonWriter   *b,
                GlossDocument     *document,
                GlossAnnotation   *a,
                const char        *source,
                GlossExportResult *result)
{
  GlossTextIndex *index = gloss_document_get_index (document);
  guint length = gloss_document_get_length (document);
  guint start = gloss_annotation_get_start (a);
  guint end = gloss_annotation_get_end (a);
  GlossLabelKind kind = gloss_export_label_kind (document, gloss_annotation_get_label (a));
  g_autofree char *iri = gloss_export_annotation_iri (gloss_annotation_get_id (a));
  guint before = start > GLOSS_CONTEXT_CHARS ? start - GLOSS_CONTEXT_CHARS : 0;
  guint after = MIN (length, end + GLOSS_CONTEXT_CHARS);
  /* prefix, exact and suffix in one walk from one index lookup */
  const char *p0 = gloss_text_index_get_text (index) + gloss_text_index_offset_to_byte (index, before);
  const char *p1 = g_utf8_offset_to_pointer (p0, start - before);
  const char *p2 = g_utf8_offset_to_pointer (p1, end - start);
  const char *p3 = g_utf8_offset_to_pointer (p2, after - end);
  g_autofree char *exact = g_strndup (p1, p2 - p1);
  g_autofree char *prefix = g_strndup (p0, p1 - p0);
  g_autofree char *suffix = g_strndup (p2, p3 - p2);
  g_auto(GStrv) keys = gloss_annotation_list_attributes (a);
  const char *note = gloss_annotation_get_note (a);
  const char *language = gloss_document_get_language (document);

  gloss_json_writer_begin_object (b);
  add_member_string (b, "id", iri);
  add_member_string (b, "type", "Annotation");
  add_member_string (b, "motivation", kind == GLOSS_LABEL_KIND_HIGHLIGHT ? "highlighting" : "classifying");
  add_member_string (b, "created", gloss_annotation_get_created (a));
  add_member_string (b, "modified", gloss_annotation_get_modified (a));
  if (gloss_annotation_get_author (a) != NULL && *gloss_annotation_get_author (a))
    {
      gloss_json_writer_set_member_name (b, "creator");
      gloss_json_writer_begin_object (b);
      add_member_string (b, "type", "Person");
      add_member_string (b, "name", gloss_annotation_get_author (a));
      gloss_json_writer_end_object (b);
    }

  gloss_json_writer_set_member_name (b, "body");
  gloss_json_writer_begin_array (b);
  add_textual_body (b, gloss_annotation_get_label (a),
                    kind == GLOSS_LABEL_KIND_HIGHLIGHT ? "tagging" : "classifying", NULL);
  if (note != NULL && *note)
    add_textual_body (b, note, "commenting", language);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      GVariant *value = gloss_annotation_get_attribute (a, keys[i]);
      g_autofree char *str = gloss_export_value_string (value);
      g_autofree char *kb = NULL;

      if (g_str_equal (keys[i], "kb_id") && (kb = gloss_export_kb_iri (str)) != NULL)
        {
          gloss_json_writer_begin_object (b);
          add_member_string (b, "type", "SpecificResource");
          add_member_string (b, "source", kb);
          add_member_string (b, "purpose", "identifying");
          gloss_json_writer_end_object (b);
        }
      else if (g_str_equal (keys[i], "verdict"))
        add_textual_body (b, str, "assessing", NULL);
      else
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", keys[i], str);

          add_textual_body (b, line, "describing", NULL);
          if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
              !g_str_equal (keys[i], "check_worthiness"))
            gloss_export_result_add_loss (result,
                                          _("Attribute “%s” of “%s” is written as text; its type (%s) is not kept."),
                                          keys[i], exact, g_variant_get_type_string (value));
        }
    }
  gloss_json_writer_end_array (b);

  gloss_json_writer_set_member_name (b, "target");
  gloss_json_writer_begin_object (b);
  add_member_string (b, "type", "SpecificResource");
  add_member_string (b, "source", source);
  gloss_json_writer_set_member_name (b, "selector");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_begin_object (b);
  add_member_string (b, "type", "TextPositionSelector");
  gloss_json_writer_set_member_name (b, "start");
  gloss_json_writer_add_int_value (b, start);
  gloss_json_writer_set_member_name (b, "end");
  gloss_json_writer_add_int_value (b, end);
  gloss_json_writer_end_object (b);
  gloss_json_writer_begin_object (b);
  add_member_string (b, "type", "TextQuoteSelector");
  add_member_string (b, "exact", exact);
  add_member_string (b, "prefix", prefix);
  add_member_string (b, "suffix", suffix);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);

  gloss_json_writer_end_object (b);
}

static void
add_relation (GlossJsonWriter *b,
              GlossRelation   *r)
{
  g_autofree char *iri = gloss_export_annotation_iri (gloss_relation_get_id (r));
  g_autofree char *from = gloss_export_annotation_iri (gloss_relation_get_from (r));
  g_autofree char *to = gloss_export_annotation_iri (gloss_relation_get_to (r));
  const char *note = gloss_relation_get_note (r);

  gloss_json_writer_begin_object (b);
  add_member_string (b, "id", iri);
  add_member_string (b, "type", "Annotation");
  add_member_string (b, "motivation", "linking");
  gloss_json_writer_set_member_name (b, "body");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_begin_object (b);
  add_member_string (b, "type", "SpecificResource");
  add_member_string (b, "source", to);
  add_member_string (b, "purpose", "linking");
  gloss_json_writer_end_object (b);
  add_textual_body (b, gloss_relation_get_kind (r), "tagging", NULL);
  if (note != NULL && *note)
    add_textual_body (b, note, "commenting", NULL);
  gloss_json_writer_end_array (b);
  add_member_string (b, "target", from);
  gloss_json_writer_end_object (b);
}

static gboolean
w3c_export (GlossDocument      *document,
            GHashTable         *options,
            GlossExportResult  *result,
            GError            **error)
{
  GlossJsonWriter *b = gloss_json_writer_new (TRUE);
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) relations = gloss_export_relations (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *generated = gloss_export_generated_time (options);
  g_autofree char *source = gloss_export_source_iri (document);
  g_autofree char *collection = g_strconcat ("urn:gloss:collection:", gloss_document_get_sha256 (document), NULL);
  g_autofree char *page = g_strconcat (collection, ":page1", NULL);
  const char *title = gloss_document_get_title (document);
  guint total = 0;

  for (guint i = 0; i < annotations->len; i++)
    if (gloss_annotation_get_end (annotations->pdata[i]) > gloss_annotation_get_start (annotations->pdata[i]))
      total++;
  total += relations->len;

  gloss_json_writer_begin_object (b);
  add_member_string (b, "@context", ANNO_CONTEXT);
  add_member_string (b, "id", collection);
  add_member_string (b, "type", "AnnotationCollection");
  add_member_string (b, "label", title && *title ? title : _("Annotations"));
  gloss_json_writer_set_member_name (b, "total");
  gloss_json_writer_add_int_value (b, total);
  gloss_json_writer_set_member_name (b, "generator");
  gloss_json_writer_begin_object (b);
  add_member_string (b, "id", "https://github.com/glossapp/gloss");
  add_member_string (b, "type", "Software");
  add_member_string (b, "name", "Gloss " PACKAGE_VERSION);
  gloss_json_writer_end_object (b);
  add_member_string (b, "generated", generated);

  if (total > 0)
    {
      gloss_json_writer_set_member_name (b, "first");
      gloss_json_writer_begin_object (b);
      add_member_string (b, "id", page);
      add_member_string (b, "type", "AnnotationPage");
      add_member_string (b, "partOf", collection);
      gloss_json_writer_set_member_name (b, "startIndex");
      gloss_json_writer_add_int_value (b, 0);
      gloss_json_writer_set_member_name (b, "items");
      gloss_json_writer_begin_array (b);
      for (guint i = 0; i < annotations->len; i++)
        {
          GlossAnnotation *a = annotations->pdata[i];

          if (gloss_annotation_get_end (a) == gloss_annotation_get_start (a))
            {
              gloss_export_result_add_loss (result, _("Empty annotation %s cannot be anchored and is left out."),
                                            gloss_annotation_get_id (a));
              continue;
            }
          add_annotation (b, document, a, source, result);
        }
      for (guint i = 0; i < relations->len; i++)
        add_relation (b, relations->pdata[i]);
      gloss_json_writer_end_array (b);
      gloss_json_writer_end_object (b);
      add_member_string (b, "last", page);
    }
  gloss_json_writer_end_object (b);

  gloss_export_metadata_losses (document, result, "title,source,language");
  gloss_export_result_add_loss (result, _("The article text is not included; keep the .txt (or the source) to import it again."));
  gloss_export_result_add_loss (result, _("Label colours, shortcut keys and kinds are not kept (kinds only as motivations)."));

  bytes = gloss_json_writer_finish (b);
  gloss_export_result_add_file (result, ".jsonld", bytes);
  return TRUE;
}

/* Import ------------------------------------------------------------------ */

typedef struct
{
  GlossDocument *document;
  GlossTextIndex *index;
  GPtrArray *reports;
  GPtrArray *annotations;
  GPtrArray *relations;
  GHashTable *iri_to_id;
  GPtrArray *pending_links;   /* JsonObject of linking annotations */
  gboolean utf16_reported;
  gboolean from_gloss;
  guint n;
} W3cImport;

static char *
id_from_iri (const char *iri)
{
  if (g_str_has_prefix (iri, "urn:uuid:") && g_uuid_string_is_valid (iri + 9))
    return g_strdup (iri + 9);
  return g_strdup (iri);
}

/* Returns the node as a list of nodes (a JSON array, or one value). */
static GList *
as_list (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_elements (json_node_get_array (node));
  return g_list_prepend (NULL, node);
}

static guint
common_suffix_len (const char *text_start,
                   const char *at,
                   const char *prefix)
{
  gsize plen = strlen (prefix);
  guint n = 0;

  while (plen > 0 && at > text_start && at[-1] == prefix[plen - 1])
    {
      at--;
      plen--;
      n++;
    }
  return n;
}

static guint
common_prefix_len (const char *at,
                   const char *suffix)
{
  guint n = 0;

  while (at[n] && suffix[n] && at[n] == suffix[n])
    n++;
  return n;
}

/* Finds @exact in the text, scoring candidates by prefix/suffix agreement
 * and by distance from @hint (formats.md §2: Hypothesis's order). */
static gboolean
quote_search (W3cImport  *ctx,
              const char *exact,
              const char *prefix,
              const char *suffix,
              guint       hint,
              guint      *start,
              guint      *end)
{
  const char *text = gloss_document_get_text (ctx->document);
  const char *p = text;
  gboolean found = FALSE;
  gint64 best_score = G_MININT64;
  gsize best_byte = 0;
  gsize hint_byte = gloss_text_index_offset_to_byte (ctx->index, MIN (hint, gloss_document_get_length (ctx->document)));

  if (exact == NULL || *exact == '\0')
    return FALSE;

  while ((p = strstr (p, exact)) != NULL)
    {
      gsize byte = p - text;
      gint64 score = 0;
      gint64 distance = (gint64) byte - (gint64) hint_byte;

      if (prefix)
        score += 1000 * (gint64) common_suffix_len (text, p, prefix);
      if (suffix)
        score += 1000 * (gint64) common_prefix_len (p + strlen (exact), suffix);
      score -= ABS (distance) / 1024;
      if (!found || score > best_score)
        {
          found = TRUE;
          best_score = score;
          best_byte = byte;
        }
      p = g_utf8_next_char (p);
    }

  if (!found)
    return FALSE;
  *start = gloss_text_index_byte_to_offset (ctx->index, best_byte);
  *end = gloss_text_index_byte_to_offset (ctx->index, best_byte + strlen (exact));
  return TRUE;
}

static gboolean
anchor_target (W3cImport   *ctx,
               JsonObject  *target,
               const char  *where,
               guint       *start,
               guint       *end,
               GError     **error)
{
  g_autoptr(GList) selectors = as_list (json_object_get_member (target, "selector"));
  JsonObject *position = NULL, *quote = NULL;
  guint length = gloss_document_get_length (ctx->document);
  const char *exact = NULL;
  guint hint = 0;

  for (GList *l = selectors; l; l = l->next)
    {
      JsonObject *sel;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (l->data))
        continue;
      sel = json_node_get_object (l->data);
      type = gloss_json_string_member (sel, "type");
      if (g_strcmp0 (type, "TextPositionSelector") == 0 && position == NULL)
        position = sel;
      else if (g_strcmp0 (type, "TextQuoteSelector") == 0 && quote == NULL)
        quote = sel;
    }

  if (position == NULL && quote == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s has neither a TextPositionSelector nor a TextQuoteSelector"), where);
      return FALSE;
    }

  if (quote != NULL)
    {
      exact = gloss_json_string_member (quote, "exact");
      if (exact == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("%s: the TextQuoteSelector has no “exact” string"), where);
          return FALSE;
        }
    }

  if (position != NULL)
    {
      guint s, e;

      if (!gloss_json_uint_member (position, "start", where, &s, error) ||
          !gloss_json_uint_member (position, "end", where, &e, error))
        return FALSE;
      hint = s;
      if (s < e && e <= length)
        {
          if (exact == NULL || gloss_text_index_slice_equals (ctx->index, s, e, exact))
            {
              *start = s;
              *end = e;
              return TRUE;
            }
        }
      else if (exact == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                       _("%s: the position %u–%u is outside the text (length %u)"),
                       where, s, e, length);
          return FALSE;
        }

      /* Producers such as Hypothesis count UTF-16 units (formats.md §2). */
      if (exact != NULL)
        {
          guint cs, ce;

          if (gloss_text_index_utf16_to_offset (ctx->index, s, &cs) &&
              gloss_text_index_utf16_to_offset (ctx->index, e, &ce) &&
              cs < ce && ce <= length && gloss_text_index_slice_equals (ctx->index, cs, ce, exact))
            {
              if (!ctx->utf16_reported)
                gloss_import_report (ctx->reports,
                                     _("Text positions are in UTF-16 units (as Hypothesis writes them); converted to characters."));
              ctx->utf16_reported = TRUE;
              *start = cs;
              *end = ce;
              return TRUE;
            }
        }
    }

  if (exact != NULL &&
      quote_search (ctx, exact, gloss_json_string_member (quote, "prefix"),
                    gloss_json_string_member (quote, "suffix"), hint, start, end))
    {
      if (position != NULL)
        gloss_import_report (ctx->reports,
                             _("%s: the position did not match the quote; anchored by the quote at %u–%u."),
                             where, *start, *end);
      return TRUE;
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
               _("%s: the quote “%s” is not in the text"), where, exact ? exact : "");
  return FALSE;
}

static gboolean
import_annotation (W3cImport   *ctx,
                   JsonObject  *obj,
                   GError     **error)
{
  g_autofree char *where = NULL;
  const char *iri = gloss_json_string_member (obj, "id");
  const char *motivation = gloss_json_string_member (obj, "motivation");
  g_autoptr(GList) targets = as_list (json_object_get_member (obj, "target"));
  g_autoptr(GList) bodies = as_list (json_object_get_member (obj, "body"));
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GString) note = NULL;
  g_autoptr(GString) extra_tags = NULL;
  g_autofree char *id = NULL;
  const char *label = NULL, *tag = NULL;
  JsonObject *target = NULL;
  guint start = 0, end = 0;
  JsonNode *creator;

  ctx->n++;
  where = g_strdup_printf (_("Annotation %u (%s)"), ctx->n, iri ? iri : _("no id"));

  if (targets == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s has no target"), where);
      return FALSE;
    }

  /* A linking annotation between two annotations is a relation. */
  if (g_strcmp0 (motivation, "linking") == 0 && JSON_NODE_HOLDS_VALUE (targets->data))
    {
      g_ptr_array_add (ctx->pending_links, json_object_ref (obj));
      return TRUE;
    }

  for (GList *l = targets; l; l = l->next)
    if (JSON_NODE_HOLDS_OBJECT (l->data) && target == NULL)
      target = json_node_get_object (l->data);
  if (target == NULL)
    {
      gloss_import_report (ctx->reports, _("%s targets a whole resource, not text; skipped."), where);
      return TRUE;
    }
  if (targets->next != NULL)
    gloss_import_report (ctx->reports, _("%s has several targets; only the first is imported."), where);

  if (!anchor_target (ctx, target, where, &start, &end, error))
    return FALSE;
  {
    const char *source = gloss_json_string_member (target, "source");

    if (source != NULL && gloss_document_get_source (ctx->document) == NULL &&
        !g_str_has_prefix (source, "urn:gloss:text:"))
      gloss_document_set_source (ctx->document, source);
  }

  id = iri ? id_from_iri (iri) : g_strdup_printf ("w3c-%u", ctx->n);
  a = gloss_annotation_new ("", start, end);
  gloss_annotation_set_id (a, id);

  if (gloss_json_string_member (obj, "bodyValue") != NULL)
    {
      note = g_string_new (gloss_json_string_member (obj, "bodyValue"));
    }

  for (GList *l = bodies; l; l = l->next)
    {
      JsonObject *body;
      const char *type, *purpose, *value;

      if (!JSON_NODE_HOLDS_OBJECT (l->data))
        {
          gloss_import_report (ctx->reports, _("%s: a body given only as an IRI is not kept."), where);
          continue;
        }
      body = json_node_get_object (l->data);
      type = gloss_json_string_member (body, "type");
      purpose = gloss_json_string_member (body, "purpose");
      value = gloss_json_string_member (body, "value");

      if (g_strcmp0 (type, "SpecificResource") == 0 || (type == NULL && value == NULL))
        {
          const char *source = gloss_json_string_member (body, "source");

          if (source != NULL && (purpose == NULL || g_str_equal (purpose, "identifying")))
            {
              g_autofree char *kb = gloss_export_kb_from_iri (source);
              gloss_annotation_set_attribute (a, "kb_id", g_variant_new_string (kb));
            }
          else
            gloss_import_report (ctx->reports, _("%s: a resource body with purpose “%s” is not kept."),
                                 where, purpose ? purpose : "");
          continue;
        }

      if (value == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("%s: a TextualBody has no string “value”"), where);
          return FALSE;
        }

      if (g_strcmp0 (purpose, "classifying") == 0 && label == NULL)
        label = value;
      else if (g_strcmp0 (purpose, "tagging") == 0 && tag == NULL)
        tag = value;
      else if (g_strcmp0 (purpose, "tagging") == 0 || g_strcmp0 (purpose, "classifying") == 0)
        {
          if (extra_tags == NULL)
            extra_tags = g_string_new (value);
          else
            g_string_append_printf (extra_tags, "\n%s", value);
        }
      else if (g_strcmp0 (purpose, "assessing") == 0)
        gloss_annotation_set_attribute (a, "verdict", g_variant_new_string (value));
      else if (ctx->from_gloss && g_strcmp0 (purpose, "describing") == 0 && strstr (value, ": ") != NULL &&
               strchr (value, ':') - value < 64)
        {
          const char *colon = strstr (value, ": ");
          g_autofree char *key = g_strndup (value, colon - value);

          gloss_annotation_set_attribute (a, key, gloss_import_attribute_value (key, colon + 2));
        }
      else
        {
          if (g_strcmp0 (purpose, "commenting") == 0 && gloss_json_string_member (body, "language") != NULL &&
              gloss_document_get_language (ctx->document) == NULL)
            gloss_document_set_language (ctx->document, gloss_json_string_member (body, "language"));
          if (note == NULL)
            note = g_string_new (value);
          else
            {
              g_string_append_c (note, '\n');
              g_string_append (note, value);
            }
          if (purpose != NULL && !g_str_equal (purpose, "commenting"))
            gloss_import_report (ctx->reports, _("%s: a “%s” body is kept as part of the note."), where, purpose);
        }
    }

  if (label == NULL)
    label = tag;
  else if (tag != NULL)
    {
      if (extra_tags == NULL)
        extra_tags = g_string_new (tag);
      else
        g_string_prepend (g_string_prepend_c (extra_tags, '\n'), tag);
    }
  if (extra_tags != NULL)
    {
      gloss_annotation_set_attribute (a, "tags", g_variant_new_string (extra_tags->str));
      gloss_import_report (ctx->reports, _("%s: more than one label or tag; the first is the label, the others are kept in the attribute “tags”."),
                           where);
    }
  if (label == NULL)
    {
      label = "Highlight";
      if (gloss_import_ensure_label (ctx->document, label, GLOSS_LABEL_KIND_HIGHLIGHT))
        gloss_import_report (ctx->reports, _("Annotations without a label get the new label “Highlight”."));
    }
  else if (g_strcmp0 (motivation, "highlighting") == 0)
    gloss_import_ensure_label (ctx->document, label, GLOSS_LABEL_KIND_HIGHLIGHT);
  else if (gloss_import_ensure_label (ctx->document, label, GLOSS_LABEL_KIND_ENTITY))
    gloss_import_report (ctx->reports, _("New label “%s” added (as an entity label)."), label);

  gloss_annotation_set_label (a, label);
  if (note != NULL)
    gloss_annotation_set_note (a, note->str);

  creator = json_object_get_member (obj, "creator");
  if (creator != NULL && JSON_NODE_HOLDS_OBJECT (creator))
    {
      const char *name = gloss_json_string_member (json_node_get_object (creator), "name");
      if (name != NULL)
        gloss_annotation_set_author (a, name);
    }
  else if (creator != NULL && JSON_NODE_HOLDS_VALUE (creator) &&
           json_node_get_value_type (creator) == G_TYPE_STRING)
    gloss_annotation_set_author (a, json_node_get_string (creator));

  if (gloss_json_string_member (obj, "created") && gloss_timestamp_is_valid (gloss_json_string_member (obj, "created")))
    gloss_annotation_set_created (a, gloss_json_string_member (obj, "created"));
  if (gloss_json_string_member (obj, "modified") && gloss_timestamp_is_valid (gloss_json_string_member (obj, "modified")))
    gloss_annotation_set_modified (a, gloss_json_string_member (obj, "modified"));

  if (iri != NULL)
    g_hash_table_insert (ctx->iri_to_id, g_strdup (iri), g_strdup (id));
  g_ptr_array_add (ctx->annotations, g_steal_pointer (&a));
  return TRUE;
}

static gboolean
import_link (W3cImport   *ctx,
             JsonObject  *obj,
             GError     **error)
{
  const char *iri = gloss_json_string_member (obj, "id");
  const char *target = gloss_json_string_member (obj, "target");
  g_autoptr(GList) bodies = as_list (json_object_get_member (obj, "body"));
  const char *to = NULL, *type = NULL, *note = NULL;
  const char *from_id, *to_id;
  g_autoptr(GlossRelation) r = NULL;

  for (GList *l = bodies; l; l = l->next)
    {
      JsonObject *body;
      const char *purpose;

      if (JSON_NODE_HOLDS_VALUE (l->data) && json_node_get_value_type (l->data) == G_TYPE_STRING)
        {
          to = json_node_get_string (l->data);
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (l->data))
        continue;
      body = json_node_get_object (l->data);
      purpose = gloss_json_string_member (body, "purpose");
      if (g_strcmp0 (gloss_json_string_member (body, "type"), "SpecificResource") == 0)
        to = gloss_json_string_member (body, "source");
      else if (g_strcmp0 (purpose, "tagging") == 0)
        type = gloss_json_string_member (body, "value");
      else if (g_strcmp0 (purpose, "commenting") == 0)
        note = gloss_json_string_member (body, "value");
    }

  from_id = target ? g_hash_table_lookup (ctx->iri_to_id, target) : NULL;
  to_id = to ? g_hash_table_lookup (ctx->iri_to_id, to) : NULL;
  if (from_id == NULL || to_id == NULL)
    {
      gloss_import_report (ctx->reports,
                           _("Linking annotation %s does not link two annotations of this collection; skipped."),
                           iri ? iri : "");
      return TRUE;
    }

  r = gloss_relation_new (type ? type : "related", from_id, to_id);
  if (iri != NULL)
    {
      g_autofree char *id = id_from_iri (iri);
      gloss_relation_set_id (r, id);
    }
  if (note != NULL)
    gloss_relation_set_note (r, note);
  g_ptr_array_add (ctx->relations, g_steal_pointer (&r));
  return TRUE;
}

static gboolean
collect_items (JsonNode   *node,
               GPtrArray  *items,
               GError    **error)
{
  JsonObject *obj;
  const char *type;
  guint pages = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GList) list = json_array_get_elements (json_node_get_array (node));
      for (GList *l = list; l; l = l->next)
        if (JSON_NODE_HOLDS_OBJECT (l->data))
          g_ptr_array_add (items, json_node_get_object (l->data));
        else
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("An annotation must be a JSON object"));
            return FALSE;
          }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A Web Annotation file must hold an object or an array"));
      return FALSE;
    }

  obj = json_node_get_object (node);
  type = gloss_json_string_member (obj, "type");
  if (g_strcmp0 (type, "Annotation") == 0)
    {
      g_ptr_array_add (items, obj);
      return TRUE;
    }
  if (g_strcmp0 (type, "AnnotationCollection") == 0)
    {
      JsonNode *first = json_object_get_member (obj, "first");

      if (first == NULL)
        return TRUE;
      if (!JSON_NODE_HOLDS_OBJECT (first))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                       _("The collection's pages are not embedded (“first” is a link); Gloss does not fetch them"));
          return FALSE;
        }
      node = first;
      obj = json_node_get_object (first);
      type = gloss_json_string_member (obj, "type");
    }
  while (g_strcmp0 (type, "AnnotationPage") == 0 && pages++ < 10000)
    {
      JsonNode *items_node = json_object_get_member (obj, "items");
      JsonNode *next = json_object_get_member (obj, "next");

      if (items_node == NULL || !JSON_NODE_HOLDS_ARRAY (items_node))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("An AnnotationPage has no “items” array"));
          return FALSE;
        }
      if (!collect_items (items_node, items, error))
        return FALSE;
      if (next == NULL)
        return TRUE;
      if (!JSON_NODE_HOLDS_OBJECT (next))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                       _("The next page is not embedded; Gloss does not fetch it"));
          return FALSE;
        }
      obj = json_node_get_object (next);
      type = gloss_json_string_member (obj, "type");
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
               _("Not a Web Annotation: expected an Annotation, AnnotationPage or AnnotationCollection"));
  return FALSE;
}

static GlossDocument *
w3c_import (GBytes      *data,
            GBytes      *text,
            GHashTable  *options,
            GPtrArray   *reports,
            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree guint *map = NULL;
  guint raw_length = 0;
  W3cImport ctx = { 0 };
  gsize len;
  const char *p = g_bytes_get_data (data, &len);
  const char *t;
  gsize tlen;
  gboolean ok = TRUE;

  root = gloss_import_parse_json (p, len, error);
  if (root == NULL)
    return NULL;
  if (!collect_items (root, items, error))
    return NULL;

  t = g_bytes_get_data (text, &tlen);
  document = gloss_import_new_document (t, tlen, &map, &raw_length, error);
  if (document == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      g_strcmp0 (gloss_json_string_member (json_node_get_object (root), "type"), "AnnotationCollection") == 0 &&
      gloss_json_string_member (json_node_get_object (root), "label") != NULL)
    gloss_document_set_title (document, gloss_json_string_member (json_node_get_object (root), "label"));
  if (map != NULL)
    gloss_import_report (reports, _("The text had a byte order mark or CR line endings; they were normalised and quotes are matched against the normalised text."));

  /* "key: value" describing bodies are attributes only in Gloss's own files. */
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *generator = json_object_get_member (json_node_get_object (root), "generator");

      if (generator != NULL && JSON_NODE_HOLDS_OBJECT (generator))
        {
          const char *name = gloss_json_string_member (json_node_get_object (generator), "name");
          ctx.from_gloss = name != NULL && g_str_has_prefix (name, "Gloss ");
        }
    }
  ctx.document = document;
  ctx.index = gloss_document_get_index (document);
  ctx.reports = reports;
  ctx.annotations = g_ptr_array_new_with_free_func (g_object_unref);
  ctx.relations = g_ptr_array_new_with_free_func (g_object_unref);
  ctx.iri_to_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.pending_links = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; ok && i < items->len; i++)
    ok = import_annotation (&ctx, items->pdata[i], error);
  for (guint i = 0; ok && i < ctx.pending_links->len; i++)
    ok = import_link (&ctx, ctx.pending_links->pdata[i], error);
  if (ok)
    ok = gloss_import_finish (document, ctx.annotations, ctx.relations, error);

  g_ptr_array_unref (ctx.annotations);
  g_ptr_array_unref (ctx.relations);
  g_hash_table_unref (ctx.iri_to_id);
  g_ptr_array_unref (ctx.pending_links);

  return ok ? g_steal_pointer (&document) : NULL;
}

const GlossFormatInfo gloss_format_w3c = {
  .id = "w3c",
  .name = N_("W3C Web Annotation"),
  .description = N_("JSON-LD AnnotationCollection, readable by Hypothesis-style clients and RDF tools"),
  .extension = "jsonld",
  .media_type = "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"",
  .offset_unit = N_("code points (TextPositionSelector), plus a TextQuoteSelector with 32 characters of context"),
  .keeps = N_("spans, labels, notes, knowledge-base ids, verdicts and other attributes, authors, times, ids, relations"),
  .loses = N_("the text itself, label colours and keys, document metadata except title and source"),
  .options = (const GlossFormatOption[]) { { NULL } },
  .export_func = w3c_export,
  .import_func = w3c_import,
  .needs_text = TRUE,
};
