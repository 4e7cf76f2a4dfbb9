/* gloss-export-brat.c: brat standoff (.txt + .ann + annotation.conf)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules: formats.md §3. A span crossing a newline is split the way brat's
 * annotator does (§3.3): split on "\n", drop empty pieces, trim white space
 * around each piece. Import of a discontinuous annotation ("s e;s e") gives
 * ONE annotation over the covering span (first start to last end), and says
 * so in the report: that is exactly what Gloss exported. */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-export-private.h"

#define BRAT_MAX_LINE (1024 * 1024)

static const char *verdicts = "true|mostly-true|mixed|mostly-false|false|unverifiable|not-checked";

/* brat types and attribute names: letters, digits, '_', '-' (no spaces). */
static char *
brat_name (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_' || c == '-' || c == '.')
        g_string_append_unichar (s, c);
      else
        g_string_append_c (s, '_');
    }
  if (s->len == 0)
    g_string_append_c (s, '_');
  return g_string_free (s, FALSE);
}

/* The brat entity types a relation type's constraint allows ("PERSON|ORG"),
 * or NULL for any (<ENTITY>). */
static char *
brat_relation_arg (GlossLabelSet      *labels,
                   const char * const *allowed)
{
  g_autoptr(GString) arg = NULL;

  if (allowed == NULL || allowed[0] == NULL)
    return NULL;

  arg = g_string_new (NULL);
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      if (g_strv_contains (allowed, gloss_label_get_name (label)) ||
          g_strv_contains (allowed, gloss_label_kind_to_string (gloss_label_get_kind (label))))
        {
          g_autofree char *name = brat_name (gloss_label_get_name (label));

          if (arg->len > 0)
            g_string_append_c (arg, '|');
          g_string_append (arg, name);
        }
    }

  /* Nothing in the label set fits: brat needs some type, keep it open. */
  if (arg->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&arg), FALSE);
}

static gboolean
is_token_value (const char *v)
{
  return *v != '\0' && strpbrk (v, " \t\n\r") == NULL;
}

typedef struct
{
  guint start;
  guint end;
} Fragment;

/* brat's rule for a selection containing newlines (formats.md §3.3).
 * The span's characters are decoded once, in one walk. */
static GArray *
fragments_of (GlossTextIndex *index,
              guint           start,
              guint           end)
{
  GArray *frags = g_array_new (FALSE, FALSE, sizeof (Fragment));
  const char *p = gloss_text_index_get_text (index) + gloss_text_index_offset_to_byte (index, start);
  g_autofree gunichar *chars = g_new (gunichar, end - start + 1);
  guint s = start;

  for (guint i = 0; i < end - start; i++, p = g_utf8_next_char (p))
    chars[i] = g_utf8_get_char (p);

  for (guint i = start; i <= end; i++)
    {
      if (i == end || chars[i - start] == '\n')
        {
          guint fs = s, fe = i;

          while (fs < fe && g_unichar_isspace (chars[fs - start]))
            fs++;
          while (fe > fs && g_unichar_isspace (chars[fe - 1 - start]))
            fe--;
          if (fs < fe)
            {
              Fragment f = { fs, fe };
              g_array_append_val (frags, f);
            }
          s = i + 1;
        }
    }
  return frags;
}

static void
append_note_lines (GString    *ann,
                   guint      *n_notes,
                   const char *type,
                   const char *target,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\t\r", ' ');
      g_string_append_printf (ann, "#%u\t%s %s\t%s\n", ++*n_notes, type, target, lines[i]);
    }
}

static gboolean
brat_export (GlossDocument      *document,
             GHashTable         *options,
             GlossExportResult  *result,
             GError            **error)
{
  GlossTextIndex *index = gloss_document_get_index (document);
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) relations = gloss_export_relations (document);
  g_autoptr(GHashTable) tids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) attr_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) rel_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) ann = g_string_new (NULL);
  g_autoptr(GString) conf = g_string_new (NULL);
  g_autoptr(GBytes) txt = NULL, ann_bytes = NULL, conf_bytes = NULL;
  GlossLabelSet *labels = gloss_document_get_labels (document);
  guint n_t = 0, n_a = 0, n_n = 0, n_notes = 0, n_r = 0;
  g_autoptr(GPtrArray) attr_names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      g_autoptr(GArray) frags = fragments_of (index, gloss_annotation_get_start (a), gloss_annotation_get_end (a));
      g_autofree char *type = brat_name (gloss_annotation_get_label (a));
      g_autofree char *tid = NULL;
      g_autofree char *quote = gloss_text_index_slice (index, gloss_annotation_get_start (a), gloss_annotation_get_end (a));
      g_auto(GStrv) keys = gloss_annotation_list_attributes (a);
      const char *note = gloss_annotation_get_note (a);
      GString *text;

      if (frags->len == 0)
        {
          gloss_export_result_add_loss (result, _("“%s” (%s) holds only white space; brat cannot mark it, left out."),
                                        quote, gloss_annotation_get_label (a));
          continue;
        }
      if (!g_str_equal (type, gloss_annotation_get_label (a)))
        gloss_export_result_add_loss (result, _("Label “%s” is written as the brat type “%s”."),
                                      gloss_annotation_get_label (a), type);

      tid = g_strdup_printf ("T%u", ++n_t);
      g_string_append_printf (ann, "%s\t%s ", tid, type);
      text = g_string_new (NULL);
      for (guint f = 0; f < frags->len; f++)
        {
          Fragment *fr = &g_array_index (frags, Fragment, f);
          g_autofree char *piece = gloss_text_index_slice (index, fr->start, fr->end);

          g_string_append_printf (ann, "%s%u %u", f ? ";" : "", fr->start, fr->end);
          if (f)
            g_string_append_c (text, ' ');
          g_string_append (text, piece);
        }
      g_string_append_printf (ann, "\t%s\n", text->str);
      g_string_free (text, TRUE);

      {
        Fragment *first = &g_array_index (frags, Fragment, 0);
        Fragment *last = &g_array_index (frags, Fragment, frags->len - 1);

        if (first->start != gloss_annotation_get_start (a) || last->end != gloss_annotation_get_end (a))
          gloss_export_result_add_loss (result, _("%s “%s”: white space at the ends of the span is not kept."),
                                        tid, quote);
      }

      g_hash_table_insert (tids, (gpointer) gloss_annotation_get_id (a), g_strdup (tid));

      if (note != NULL && *note)
        append_note_lines (ann, &n_notes, "AnnotatorNotes", tid, note);

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          GVariant *value = gloss_annotation_get_attribute (a, keys[k]);
          g_autofree char *str = gloss_export_value_string (value);
          g_autofree char *name = brat_name (keys[k]);
          GHashTable *values;

          if (g_str_equal (keys[k], "kb_id"))
            {
              const char *canonical = gloss_annotation_get_attribute_string (a, "canonical_name");
              g_autofree char *kb = gloss_export_kb_from_iri (str);
              g_autofree char *shown = NULL;

              shown = g_strdup (canonical != NULL ? canonical : quote);
              g_strdelimit (shown, "\t\n\r", ' ');
              if (strpbrk (kb, " \t\n") != NULL)
                {
                  gloss_export_result_add_loss (result, _("Knowledge-base id “%s” contains spaces; not written."), str);
                  continue;
                }
              g_string_append_printf (ann, "N%u\tReference %s %s:%s\t%s\n", ++n_n, tid,
                                      g_str_has_prefix (kb, "Q") && strchr (kb, ':') == NULL ? "Wikidata" : "URI",
                                      kb, shown);
              continue;
            }
          if (g_str_equal (keys[k], "canonical_name") &&
              gloss_annotation_get_attribute_string (a, "kb_id") != NULL)
            continue;  /* written as the text of the N line */

          if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
            {
              if (g_variant_get_boolean (value))
                g_string_append_printf (ann, "A%u\t%s %s\n", ++n_a, name, tid);
              else
                gloss_export_result_add_loss (result, _("Attribute “%s” = false of %s is not written (brat attributes are present or absent)."),
                                              keys[k], tid);
            }
          else if (is_token_value (str))
            g_string_append_printf (ann, "A%u\t%s %s %s\n", ++n_a, name, tid, str);
          else
            {
              /* Free text cannot be an attribute value: a note line typed by
               * the attribute name, one per line of the value. */
              append_note_lines (ann, &n_notes, name, tid, str);
              continue;
            }

          if (!g_str_equal (name, keys[k]))
            gloss_export_result_add_loss (result, _("Attribute “%s” is written as “%s”."), keys[k], name);
          values = g_hash_table_lookup (attr_values, name);
          if (values == NULL)
            {
              values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (attr_values, g_strdup (name), values);
              g_ptr_array_add (attr_names, g_strdup (name));
            }
          if (!g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
            g_hash_table_add (values, g_strdup (str));
        }
    }

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];
      const char *from = g_hash_table_lookup (tids, gloss_relation_get_from (r));
      const char *to = g_hash_table_lookup (tids, gloss_relation_get_to (r));
      g_autofree char *type = brat_name (gloss_relation_get_kind (r));
      g_autofree char *rid = NULL;

      if (from == NULL || to == NULL)
        {
          gloss_export_result_add_loss (result, _("Relation “%s” links an annotation that was left out; not written."),
                                        gloss_relation_get_kind (r));
          continue;
        }
      rid = g_strdup_printf ("R%u", ++n_r);
      g_string_append_printf (ann, "%s\t%s Arg1:%s Arg2:%s\n", rid, type, from, to);
      g_hash_table_add (rel_types, g_strdup (type));
      if (gloss_relation_get_note (r) != NULL && *gloss_relation_get_note (r))
        append_note_lines (ann, &n_notes, "AnnotatorNotes", rid, gloss_relation_get_note (r));
    }

  /* The label set's choice and yes/no attributes are declared even when
   * no annotation uses them yet, with every choice (issue 3). */
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      for (guint d = 0; d < gloss_label_get_n_attributes (label); d++)
        {
          GlossAttributeDef *def = gloss_label_get_attribute (label, d);
          GlossAttributeType type = gloss_attribute_def_get_value_type (def);
          const char * const *choices = gloss_attribute_def_get_values (def);
          g_autofree char *name = brat_name (gloss_attribute_def_get_name (def));
          GHashTable *values;

          if (type != GLOSS_ATTRIBUTE_CHOICE && type != GLOSS_ATTRIBUTE_BOOLEAN)
            continue;

          values = g_hash_table_lookup (attr_values, name);
          if (values == NULL)
            {
              values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (attr_values, g_strdup (name), values);
              g_ptr_array_add (attr_names, g_strdup (name));
            }
          for (guint v = 0; choices[v] != NULL; v++)
            if (is_token_value (choices[v]))
              g_hash_table_add (values, g_strdup (choices[v]));
        }
    }

  /* annotation.conf for the label set (formats.md §3.4). */
  g_string_append (conf, "# Generated by Gloss for this document's labels\n[entities]\n");
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      g_autofree char *name = brat_name (gloss_label_get_name (gloss_label_set_get_label (labels, i)));
      g_string_append_printf (conf, "%s\n", name);
    }
  g_string_append (conf, "[relations]\n");
  g_hash_table_add (rel_types, g_strdup ("claimant"));
  g_hash_table_add (rel_types, g_strdup ("same-as"));
  /* The label set's own relation types, used or not (issue 3). */
  for (guint i = 0; i < gloss_label_set_get_n_relation_types (labels); i++)
    g_hash_table_add (rel_types,
                      brat_name (gloss_relation_type_get_name (gloss_label_set_get_relation_type (labels, i))));
  {
    g_autofree const char **types = (const char **) g_hash_table_get_keys_as_array (rel_types, NULL);
    guint n = g_hash_table_size (rel_types);

    qsort (types, n, sizeof (char *), (GCompareFunc) gloss_compare_strv_items);
    for (guint i = 0; i < n; i++)
      {
        GlossRelationType *type = gloss_label_set_lookup_relation_type (labels, types[i]);
        g_autofree char *arg1 = type ? brat_relation_arg (labels, gloss_relation_type_get_from (type)) : NULL;
        g_autofree char *arg2 = type ? brat_relation_arg (labels, gloss_relation_type_get_to (type)) : NULL;

        g_string_append_printf (conf, "%s\tArg1:%s, Arg2:%s\n", types[i],
                                arg1 ? arg1 : "<ENTITY>", arg2 ? arg2 : "<ENTITY>");
      }
  }
  g_string_append (conf, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
  g_string_append (conf, "[events]\n[attributes]\n");
  gloss_ptr_array_sort_strings (attr_names);
  for (guint i = 0; i < attr_names->len; i++)
    {
      const char *name = attr_names->pdata[i];
      GHashTable *values = g_hash_table_lookup (attr_values, name);
      g_autofree const char **vals = (const char **) g_hash_table_get_keys_as_array (values, NULL);
      guint n = g_hash_table_size (values);

      if (g_str_equal (name, "verdict"))
        {
          g_autofree char *list = g_strdup (verdicts);
          g_string_append_printf (conf, "%s\tArg:<ENTITY>, Value:%s\n", name, list);
          continue;
        }
      qsort (vals, n, sizeof (char *), (GCompareFunc) gloss_compare_strv_items);
      g_string_append_printf (conf, "%s\tArg:<ENTITY>", name);
      for (guint v = 0; v < n; v++)
        g_string_append_printf (conf, "%s%s", v ? "|" : ", Value:", vals[v]);
      g_string_append_c (conf, '\n');
    }

  gloss_export_note_common_losses (document, result, TRUE, TRUE, TRUE);
  gloss_export_metadata_losses (document, result, NULL);

  txt = g_bytes_new (gloss_document_get_text (document),
                     gloss_text_index_get_n_bytes (index));
  ann_bytes = g_bytes_new (ann->str, ann->len);
  conf_bytes = g_bytes_new (conf->str, conf->len);
  gloss_export_result_add_file (result, ".ann", ann_bytes);
  gloss_export_result_add_file (result, ".txt", txt);
  gloss_export_result_add_file (result, "annotation.conf", conf_bytes);
  return TRUE;
}

/* Import ------------------------------------------------------------------ */

typedef struct
{
  GlossAnnotation *annotation;
  GString *note;
} TextBound;

static void
text_bound_free (TextBound *tb)
{
  g_object_unref (tb->annotation);
  if (tb->note)
    g_string_free (tb->note, TRUE);
  g_free (tb);
}

static gboolean
parse_uint (const char  *s,
            guint       *out)
{
  guint64 v;

  if (s == NULL || *s == '\0' || !g_ascii_isdigit (*s))
    return FALSE;
  if (!g_ascii_string_to_unsigned (s, 10, 0, G_MAXINT32, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static gboolean
fail (GError    **error,
      GlossError  code,
      guint       line,
      const char *message)
{
  g_set_error (error, GLOSS_ERROR, code, _("Line %u: %s"), line, message);
  return FALSE;
}

/* g_string_free() takes two arguments: cast to a GDestroyNotify it frees
 * the text or not at random (a leak found by fuzz-import-brat). */
static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static GlossDocument *
brat_import (GBytes      *data,
             GBytes      *text_bytes,
             GHashTable  *options,
             GPtrArray   *reports,
             GError     **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autofree guint *map = NULL;
  g_autoptr(GHashTable) tbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) text_bound_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rel_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_object_unref);
  g_autoptr(GHashTable) multi_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autofree char *ann = NULL;
  g_auto(GStrv) lines = NULL;
  guint raw_length = 0;
  gsize len, tlen;
  const char *p = g_bytes_get_data (data, &len);
  const char *t = g_bytes_get_data (text_bytes, &tlen);
  g_autoptr(GlossTextIndex) raw_index = NULL;

  if (!g_utf8_validate_len (p, len, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8, _("The .ann file is not valid UTF-8"));
      return NULL;
    }
  if (len > 0 && memchr (p, '\0', len) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY, _("The .ann file contains NUL bytes"));
      return NULL;
    }

  document = gloss_import_new_document (t, tlen, &map, &raw_length, error);
  if (document == NULL)
    return NULL;
  raw_index = gloss_text_index_new (t, tlen);
  if (map != NULL)
    gloss_import_report (reports, _("The .txt had a byte order mark or CR line endings; brat counts them, Gloss normalises them and the offsets were mapped."));

  ann = len > 0 ? g_strndup (p, len) : g_strdup ("");
  lines = g_strsplit (ann, "\n", -1);

  /* Pass 1: text-bound annotations. Pass 2: everything that refers to them. */
  for (guint pass = 1; pass <= 2; pass++)
    for (guint ln = 0; lines[ln] != NULL; ln++)
      {
        char *line = lines[ln];
        guint lineno = ln + 1;
        g_auto(GStrv) cols = NULL;
        g_auto(GStrv) fields = NULL;
        const char *id;

        if (line[0] != '\0' && line[strlen (line) - 1] == '\r')
          line[strlen (line) - 1] = '\0';
        if (*line == '\0')
          continue;
        if (strlen (line) > BRAT_MAX_LINE)
          return fail (error, GLOSS_ERROR_TOO_LARGE, lineno, _("the line is too long")), NULL;

        cols = g_strsplit (line, "\t", 3);
        id = cols[0];
        if (cols[1] == NULL)
          return fail (error, GLOSS_ERROR_PARSE, lineno, _("expected an id, a TAB and the annotation")), NULL;
        fields = g_strsplit (cols[1], " ", -1);
        /* An empty annotation column: no fields[0], and fields[1] would be
         * read past the end (found by fuzz-import-brat). */
        if (fields[0] == NULL)
          return fail (error, GLOSS_ERROR_PARSE, lineno, _("expected an id, a TAB and the annotation")), NULL;

        if (id[0] == 'T' && pass == 1)
          {
            g_auto(GStrv) spans = NULL;
            g_autoptr(GString) joined = g_string_new (NULL);
            g_autofree char *rest = NULL;
            guint first = G_MAXUINT, last = 0, prev_end = 0;
            TextBound *tb;
            const char *space = strchr (cols[1], ' ');

            if (!g_hash_table_add (ids, g_strdup (id)))
              return fail (error, GLOSS_ERROR_INVALID, lineno, _("the id is used twice")), NULL;
            if (space == NULL)
              return fail (error, GLOSS_ERROR_PARSE, lineno, _("expected “TYPE START END”")), NULL;
            spans = g_strsplit (space + 1, ";", -1);
            /* "T1\tTYPE " has no span at all: first would stay
             * G_MAXUINT and index the offset map (found by fuzz-import-brat). */
            if (spans[0] == NULL)
              return fail (error, GLOSS_ERROR_PARSE, lineno, _("a span must be two whole numbers “START END”")), NULL;
            for (guint s = 0; spans[s] != NULL; s++)
              {
                g_auto(GStrv) se = g_strsplit (spans[s], " ", -1);
                guint start, end;
                g_autofree char *piece = NULL;

                if (g_strv_length (se) != 2 || !parse_uint (se[0], &start) || !parse_uint (se[1], &end))
                  return fail (error, GLOSS_ERROR_PARSE, lineno, _("a span must be two whole numbers “START END”")), NULL;
                if (start > end || end > raw_length)
                  {
                    g_autofree char *msg = g_strdup_printf (_("the span %u %u is outside the text (length %u)"), start, end, raw_length);
                    return fail (error, GLOSS_ERROR_OUT_OF_RANGE, lineno, msg), NULL;
                  }
                if (s > 0 && start < prev_end)
                  return fail (error, GLOSS_ERROR_INVALID, lineno, _("the fragments overlap or are out of order")), NULL;
                prev_end = end;
                piece = gloss_text_index_slice (raw_index, start, end);
                if (s > 0)
                  g_string_append_c (joined, ' ');
                g_string_append (joined, piece);
                first = MIN (first, start);
                last = MAX (last, end);
              }
            if (cols[2] != NULL && *cols[2] != '\0')
              {
                /* brat takes the text by length, so a TAB inside is fine. */
                const char *given = line + strlen (cols[0]) + 1 + strlen (cols[1]) + 1;

                if (!g_str_equal (given, joined->str))
                  {
                    g_autofree char *msg = g_strdup_printf (_("the text “%s” does not match the marked span(s) “%s”"),
                                                            given, joined->str);
                    return fail (error, GLOSS_ERROR_INVALID, lineno, msg), NULL;
                  }
              }
            if (map != NULL)
              {
                first = map[first];
                last = map[last];
              }
            if (first >= last)
              {
                gloss_import_report (reports, _("Line %u: %s is empty; skipped."), lineno, id);
                continue;
              }
            if (g_strv_length (spans) > 1)
              gloss_import_report (reports, _("%s: the discontinuous fragments %s were imported as one annotation over the covering span %u–%u."),
                                   id, space + 1, first, last);

            tb = g_new0 (TextBound, 1);
            rest = g_strndup (cols[1], space - cols[1]);
            tb->annotation = gloss_annotation_new (rest, first, last);
            gloss_annotation_set_id (tb->annotation, id);
            g_hash_table_insert (tbs, g_strdup (id), tb);
            g_ptr_array_add (order, g_strdup (id));
          }
        else if (pass == 1)
          continue;
        else if (id[0] == 'T')
          continue;
        else if (id[0] == 'R')
          {
            g_autoptr(GlossRelation) r = NULL;

            if (g_strv_length (fields) < 3 || !g_str_has_prefix (fields[1], "Arg1:") ||
                !g_str_has_prefix (fields[2], "Arg2:"))
              {
                if (g_strv_length (fields) >= 3 && strchr (fields[1], ':') && strchr (fields[2], ':'))
                  gloss_import_report (reports, _("Line %u: role names other than Arg1/Arg2 are read in order."), lineno);
                else
                  return fail (error, GLOSS_ERROR_PARSE, lineno, _("expected “TYPE Arg1:ID Arg2:ID”")), NULL;
              }
            {
              const char *from = strchr (fields[1], ':') + 1;
              const char *to = strchr (fields[2], ':') + 1;

              if (!g_hash_table_contains (tbs, from) || !g_hash_table_contains (tbs, to))
                return fail (error, GLOSS_ERROR_NOT_FOUND, lineno, _("the relation refers to an annotation that does not exist")), NULL;
              r = gloss_relation_new (fields[0], from, to);
              gloss_relation_set_id (r, id);
              g_hash_table_insert (rel_notes, g_strdup (id), g_object_ref (r));
              g_ptr_array_add (relations, g_steal_pointer (&r));
            }
          }
        else if (id[0] == 'A' || id[0] == 'M')
          {
            TextBound *tb;
            guint nf = g_strv_length (fields);

            /* An empty name (a doubled space) would make an attribute
             * the native format rejects: found by fuzz-import-brat. */
            if (nf < 2 || nf > 3 || fields[0][0] == '\0')
              return fail (error, GLOSS_ERROR_PARSE, lineno, _("expected “NAME ID [VALUE]”")), NULL;
            tb = g_hash_table_lookup (tbs, fields[1]);
            if (tb == NULL)
              {
                gloss_import_report (reports, _("Line %u: attribute of %s, which is not a text annotation; skipped."), lineno, fields[1]);
                continue;
              }
            gloss_annotation_set_attribute (tb->annotation, fields[0],
                                            nf == 2 ? g_variant_new_boolean (TRUE)
                                                    : gloss_import_attribute_value (fields[0], fields[2]));
          }
        else if (id[0] == 'N')
          {
            TextBound *tb;
            const char *colon;
            const char *shown = cols[2];

            if (g_strv_length (fields) != 3 || !strchr (fields[2], ':'))
              return fail (error, GLOSS_ERROR_PARSE, lineno, _("expected “Reference ID DB:ENTRY”")), NULL;
            tb = g_hash_table_lookup (tbs, fields[1]);
            if (tb == NULL)
              return fail (error, GLOSS_ERROR_NOT_FOUND, lineno, _("the normalization refers to an annotation that does not exist")), NULL;
            colon = strchr (fields[2], ':');
            gloss_annotation_set_attribute (tb->annotation, "kb_id", g_variant_new_string (colon + 1));
            /* brat itself may write two TABs before the text (§3.2). */
            while (shown != NULL && *shown == '\t')
              shown++;
            if (shown != NULL && *shown)
              {
                g_autofree char *quote = gloss_document_slice (document, gloss_annotation_get_start (tb->annotation),
                                                               gloss_annotation_get_end (tb->annotation));
                g_strdelimit (quote, "\t\n", ' ');
                if (!g_str_equal (shown, quote))
                  gloss_annotation_set_attribute (tb->annotation, "canonical_name", g_variant_new_string (shown));
              }
          }
        else if (id[0] == '#')
          {
            const char *target = fields[1];
            const char *type = fields[0];
            const char *textv = cols[2] ? cols[2] : "";
            GHashTable *per_target;
            GString *acc;

            if (target == NULL || type[0] == '\0')
              return fail (error, GLOSS_ERROR_PARSE, lineno, _("expected “NoteType ID”")), NULL;
            if (!g_hash_table_contains (tbs, target) && !g_hash_table_contains (rel_notes, target))
              {
                gloss_import_report (reports, _("Line %u: note on %s, which was not imported; skipped."), lineno, target);
                continue;
              }
            per_target = g_hash_table_lookup (multi_notes, target);
            if (per_target == NULL)
              {
                per_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
                g_hash_table_insert (multi_notes, g_strdup (target), per_target);
              }
            acc = g_hash_table_lookup (per_target, type);
            if (acc == NULL)
              g_hash_table_insert (per_target, g_strdup (type), g_string_new (textv));
            else
              {
                g_string_append_c (acc, '\n');
                g_string_append (acc, textv);
              }
          }
        else if (id[0] == 'E' || id[0] == '*')
          gloss_import_report (reports, _("Line %u: brat events and equivalences are not supported; skipped."), lineno);
        else
          return fail (error, GLOSS_ERROR_PARSE, lineno, _("unknown annotation id")), NULL;
      }

  /* Notes: AnnotatorNotes become the note; other note types attributes. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, multi_notes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        TextBound *tb = g_hash_table_lookup (tbs, key);
        GlossRelation *r = g_hash_table_lookup (rel_notes, key);
        GHashTableIter it2;
        gpointer type, acc;

        g_hash_table_iter_init (&it2, value);
        while (g_hash_table_iter_next (&it2, &type, &acc))
          {
            const char *s = ((GString *) acc)->str;

            if (g_str_equal (type, "AnnotatorNotes"))
              {
                if (tb)
                  gloss_annotation_set_note (tb->annotation, s);
                else
                  gloss_relation_set_note (r, s);
              }
            else if (tb)
              gloss_annotation_set_attribute (tb->annotation, type, gloss_import_attribute_value (type, s));
            else
              gloss_import_report (reports, _("A “%s” note on relation %s is not kept."), (char *) type, (char *) key);
          }
      }
  }

  for (guint i = 0; i < order->len; i++)
    {
      TextBound *tb = g_hash_table_lookup (tbs, order->pdata[i]);
      const char *label = gloss_annotation_get_label (tb->annotation);
      GlossLabelKind kind = g_ascii_strcasecmp (label, "Claim") == 0 ? GLOSS_LABEL_KIND_CLAIM
                          : gloss_annotation_get_attribute_string (tb->annotation, "verdict") != NULL ? GLOSS_LABEL_KIND_CLAIM
                          : GLOSS_LABEL_KIND_ENTITY;

      if (gloss_import_ensure_label (document, label, kind))
        gloss_import_report (reports, _("New label “%s” added."), label);
      g_ptr_array_add (annotations, g_object_ref (tb->annotation));
    }

  if (!gloss_import_finish (document, annotations, relations, error))
    return NULL;
  return g_steal_pointer (&document);
}

const GlossFormatInfo gloss_format_brat = {
  .id = "brat",
  .name = N_("brat standoff"),
  .description = N_("The .txt and .ann files of the brat annotation tool, with an annotation.conf for the labels"),
  .extension = "ann",
  .media_type = "text/plain",
  .offset_unit = N_("code points"),
  .keeps = N_("text, spans, labels, notes (AnnotatorNotes), attributes (A lines, free text as typed notes), knowledge-base ids (N lines), relations (R lines)"),
  .loses = N_("ids, authors, times, label colours and keys, document metadata, white space at span ends; a span crossing a newline becomes fragments"),
  .options = (const GlossFormatOption[]) { { NULL } },
  .export_func = brat_export,
  .import_func = brat_import,
  .needs_text = TRUE,
};
