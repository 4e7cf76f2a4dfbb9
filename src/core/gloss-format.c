/* gloss-format.c: the native .gloss.json file format, version 1
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing is done by hand so that the output is stable and diff-friendly:
 * fixed key order, one label / annotation / relation per line.
 *
 * Reading does not use json-glib 1.6 (it overflows the stack on deep
 * nesting, wraps big integers, accepts comments, keeps the last of duplicate
 * keys, truncates at \u0000, and takes seconds and ~200 MB for a file with
 * 100,000 annotations): the bytes are capped, checked to be UTF-8 and run
 * through a strict RFC 8259 lexer that builds a compact tree as it goes.
 * The tree is validated field by field and freed as soon as the model
 * objects exist. Other strict JSON (gloss_format_check_json()) is only
 * checked by the same lexer, for json-glib to parse afterwards. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-decision.h"
#include "gloss-format.h"

#define MAX_PROBLEMS      200
#define MAX_ID_CHARS      128
#define MAX_SAFE_INTEGER  G_GUINT64_CONSTANT (9007199254740992) /* 2^53 */
#define RECOVERED_COLOR   "#9a9996"

/* Problems ----------------------------------------------------------------- */

void
gloss_problem_free (GlossProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->where);
  g_free (problem->message);
  g_free (problem);
}

/**
 * gloss_problem_to_string:
 *
 * Returns: (transfer full): "where: message"
 */
char *
gloss_problem_to_string (GlossProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->where == NULL || *problem->where == '\0')
    return g_strdup (problem->message);

  return g_strdup_printf ("%s: %s", problem->where, problem->message);
}

static GlossProblem *
problem_new (int         code,
             gboolean    recoverable,
             const char *where,
             const char *message)
{
  GlossProblem *problem = g_new0 (GlossProblem, 1);

  problem->code = code;
  problem->recoverable = recoverable;
  problem->where = g_strdup (where != NULL ? where : "");
  problem->message = g_strdup (message);

  return problem;
}

/* Text positions ----------------------------------------------------------- */

/* Annotations come in text order, so the byte where one starts is found by
 * walking on from the previous one rather than from an index checkpoint.
 * Long jumps (and going back) ask the index. */
typedef struct
{
  const GlossTextIndex *index;
  const char           *text;
  gsize                 n_bytes;
  guint                 length;
  guint                 offset;
  gsize                 byte;
} TextCursor;

#define TEXT_CURSOR_MAX_WALK 256

static void
text_cursor_init (TextCursor           *cursor,
                  const GlossTextIndex *index)
{
  cursor->index = index;
  cursor->text = gloss_text_index_get_text (index);
  cursor->n_bytes = gloss_text_index_get_n_bytes (index);
  cursor->length = gloss_text_index_get_length (index);
  cursor->offset = 0;
  cursor->byte = 0;
}

/* Moves to code point @offset (at most the length) and returns its byte. */
static gsize
text_cursor_seek (TextCursor *cursor,
                  guint       offset)
{
  g_assert (offset <= cursor->length);

  if (offset < cursor->offset || offset - cursor->offset > TEXT_CURSOR_MAX_WALK)
    {
      cursor->byte = gloss_text_index_offset_to_byte (cursor->index, offset);
    }
  else
    {
      const char *p = cursor->text + cursor->byte;
      guint n = offset - cursor->offset;

      while (n > 0)
        {
          /* n characters left means at least n bytes left */
          if (n >= 8)
            {
              guint64 word;

              memcpy (&word, p, sizeof word);
              if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
                {
                  p += 8;
                  n -= 8;
                  continue;
                }
            }
          p = g_utf8_next_char (p);
          n--;
        }
      cursor->byte = p - cursor->text;
    }
  cursor->offset = offset;

  return cursor->byte;
}

/* What gloss_text_index_slice_equals() says, for @start <= @end <= the
 * length and valid UTF-8 @quote, without finding the byte of @end: the
 * text at @start has the bytes of @quote, which has end - start characters. */
static gboolean
text_cursor_matches (TextCursor *cursor,
                     guint       start,
                     guint       end,
                     const char *quote)
{
  gsize byte = text_cursor_seek (cursor, start);
  gsize n = strlen (quote);
  guint n_chars = 0;

  if (n > cursor->n_bytes - byte || memcmp (cursor->text + byte, quote, n) != 0)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    n_chars += ((guchar) quote[i] & 0xC0) != 0x80; /* not a continuation byte */

  return n_chars == end - start;
}

/* Writing ------------------------------------------------------------------ */

/* g_string_append_len() for the writer's hot path: GString's public
 * fields allow copying in place while there is room. */
static inline void
append_len (GString    *out,
            const char *str,
            gsize       len)
{
  if (len < out->allocated_len - out->len)
    {
      memcpy (out->str + out->len, str, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, str, len);
}

#define append_literal(out, literal) append_len ((out), "" literal, sizeof (literal) - 1)

/* JSON needs \" \\ and the control characters escaped; DEL is escaped too
 * so that no invisible byte hides in the file. */
static inline gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\' || c == 0x7f;
}

/* needs_escape() for any of the 8 bytes at @p, with the zero-byte test
 * explained at word_ends_run() */
static inline gboolean
word_needs_escape (const guchar *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 x, quote, backslash, del;

  memcpy (&x, p, sizeof x);
  quote = x ^ (ones * '"');
  backslash = x ^ (ones * '\\');
  del = x ^ (ones * 0x7f);

  return ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
           ((del - ones) & ~del) | ((x - ones * 0x20) & ~x)) & highs) != 0;
}

/* Appends @len bytes of @str as a JSON string: runs of bytes that need no
 * escape are copied at once. */
static void
append_string_len (GString    *out,
                   const char *str,
                   gsize       len)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;

  g_string_append_c (out, '"');

  while (p < end)
    {
      const guchar *run = p;

      while (end - p >= 8 && !word_needs_escape (p))
        p += 8;
      while (p < end && !needs_escape (*p))
        p++;
      if (p > run)
        append_len (out, (const char *) run, p - run);
      if (p == end)
        break;

      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          g_string_append_printf (out, "\\u%04x", *p);
          break;
        }
      p++;
    }

  g_string_append_c (out, '"');
}

static void
append_string (GString    *out,
               const char *str)
{
  if (str == NULL)
    str = "";

  append_string_len (out, str, strlen (str));
}

static void
append_uint (GString *out,
             guint    value)
{
  char buf[16];
  char *p = buf + sizeof buf;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);

  append_len (out, p, buf + sizeof buf - p);
}

static void
append_key (GString    *out,
            const char *key)
{
  append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_double (GString *out,
               double   value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back as the same double (0.1, not
   * 0.10000000000000001); %.17g always does. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  /* Keep it a double when read back ("3" would become an integer). */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

/* A small JSON tree (attribute definitions, relation types) in the
 * writer's style: {"key": value, …} and ["a", "b"] on one line. */
static void
append_json_node (GString  *out,
                  JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (l != members)
              g_string_append (out, ", ");
            append_key (out, l->data);
            append_json_node (out, json_object_get_member (object, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            append_json_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* Returns FALSE for values JSON cannot hold (NaN, infinities): those
 * attributes are not written. */
static gboolean
attribute_is_writable (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return isfinite (g_variant_get_double (value));

  return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
         g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) ||
         g_variant_is_of_type (value, G_VARIANT_TYPE_INT64);
}

static void
append_attribute (GString  *out,
                  GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    append_string (out, g_variant_get_string (value, NULL));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      gint64 v = g_variant_get_int64 (value);

      /* Integers beyond ±2^53 are not safe in JSON; a reader would reject
       * them, so they are written as doubles. */
      if (v > (gint64) MAX_SAFE_INTEGER || v < -(gint64) MAX_SAFE_INTEGER)
        append_double (out, (double) v);
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, v);
    }
  else
    append_double (out, g_variant_get_double (value));
}

static gboolean
is_reserved_document_key (const char *key)
{
  return g_str_equal (key, "text") || g_str_equal (key, "sha256") ||
         g_str_equal (key, "length");
}

static void
append_annotation (GString         *out,
                   TextCursor      *cursor,
                   GlossAnnotation *annotation)
{
  g_auto(GStrv) keys = NULL;
  TextCursor at_end;
  const char *note;
  const char *created;
  const char *modified;
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  gsize start_byte, end_byte;
  gboolean first = TRUE;

  append_literal (out, "{\"id\": ");
  append_string (out, gloss_annotation_get_id (annotation));
  append_literal (out, ", \"label\": ");
  append_string (out, gloss_annotation_get_label (annotation));
  append_literal (out, ", \"start\": ");
  append_uint (out, start);
  append_literal (out, ", \"end\": ");
  append_uint (out, end);

  /* The quote is the text itself, as gloss_text_index_slice() cuts it. */
  end = MIN (end, cursor->length);
  start = MIN (start, end);
  start_byte = text_cursor_seek (cursor, start);
  at_end = *cursor;
  end_byte = text_cursor_seek (&at_end, end);
  append_literal (out, ", \"quote\": ");
  append_string_len (out, cursor->text + start_byte, end_byte - start_byte);

  note = gloss_annotation_get_note (annotation);
  if (note != NULL && *note != '\0')
    {
      append_literal (out, ", \"note\": ");
      append_string (out, note);
    }

  keys = gloss_annotation_list_attributes (annotation);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GVariant *value = gloss_annotation_get_attribute (annotation, keys[i]);

      if (value == NULL || !attribute_is_writable (value))
        continue;

      g_string_append (out, first ? ", \"attributes\": {" : ", ");
      first = FALSE;
      append_key (out, keys[i]);
      append_attribute (out, value);
    }
  if (!first)
    g_string_append_c (out, '}');

  created = gloss_annotation_get_created (annotation);
  modified = gloss_annotation_get_modified (annotation);
  if (created == NULL)
    created = "1970-01-01T00:00:00Z";
  if (modified == NULL)
    modified = created;

  append_literal (out, ", \"author\": ");
  append_string (out, gloss_annotation_get_author (annotation));
  append_literal (out, ", \"created\": ");
  append_string (out, created);
  append_literal (out, ", \"modified\": ");
  append_string (out, modified);
  g_string_append_c (out, '}');
}

struct _GlossFormatSnapshot
{
  GlossTextIndex *index;
  char           *sha256;
  GPtrArray      *meta;         /* key, value, key, value, … */
  GlossLabelSet  *labels;       /* a copy */
  GPtrArray      *annotations;  /* references: annotations are values */
  GPtrArray      *relations;    /* likewise */
  char           *review;       /* the decision log as JSON, or NULL */
  GArray         *headings;     /* GlossHeading */
};

/**
 * gloss_format_snapshot_new:
 *
 * Captures what gloss_format_snapshot_write() needs of @document, cheaply
 * (references to its values, a copy of its labels), so that the writing
 * itself can run in another thread while the document goes on changing.
 *
 * Returns: (transfer full): the snapshot
 */
GlossFormatSnapshot *
gloss_format_snapshot_new (GlossDocument *document)
{
  GlossFormatSnapshot *snapshot;
  GListModel *model;
  g_auto(GStrv) meta = NULL;
  const GlossHeading *headings;
  GPtrArray *log;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  snapshot = g_new0 (GlossFormatSnapshot, 1);
  snapshot->index = gloss_text_index_ref (gloss_document_get_index (document));
  snapshot->sha256 = g_strdup (gloss_document_get_sha256 (document));
  snapshot->labels = gloss_label_set_copy (gloss_document_get_labels (document));

  headings = gloss_document_get_headings (document, &n);
  snapshot->headings = g_array_sized_new (FALSE, FALSE, sizeof (GlossHeading), n);
  g_array_append_vals (snapshot->headings, headings, n);

  snapshot->meta = g_ptr_array_new_with_free_func (g_free);
  meta = gloss_document_list_metadata (document);
  for (guint i = 0; meta[i] != NULL; i++)
    {
      const char *value = gloss_document_get_metadata (document, meta[i]);

      if (value == NULL || is_reserved_document_key (meta[i]))
        continue;
      g_ptr_array_add (snapshot->meta, g_strdup (meta[i]));
      g_ptr_array_add (snapshot->meta, g_strdup (value));
    }

  model = G_LIST_MODEL (gloss_document_get_annotations (document));
  n = g_list_model_get_n_items (model);
  snapshot->annotations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (snapshot->annotations, g_list_model_get_item (model, i));

  model = gloss_document_get_relations (document);
  n = g_list_model_get_n_items (model);
  snapshot->relations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (snapshot->relations, g_list_model_get_item (model, i));

  log = gloss_review_log_get (document);
  if (log != NULL && log->len > 0)
    {
      g_autoptr(JsonNode) node = gloss_review_log_to_json (log);

      snapshot->review = json_to_string (node, FALSE);
    }

  return snapshot;
}

void
gloss_format_snapshot_free (GlossFormatSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->index, gloss_text_index_unref);
  g_clear_pointer (&snapshot->sha256, g_free);
  g_clear_pointer (&snapshot->meta, g_ptr_array_unref);
  g_clear_object (&snapshot->labels);
  g_clear_pointer (&snapshot->annotations, g_ptr_array_unref);
  g_clear_pointer (&snapshot->relations, g_ptr_array_unref);
  g_clear_pointer (&snapshot->review, g_free);
  g_clear_pointer (&snapshot->headings, g_array_unref);
  g_free (snapshot);
}

/**
 * gloss_format_snapshot_write:
 *
 * Serializes a snapshot as gloss_format_write() does; safe to call from
 * any thread (the snapshot holds only values nobody changes).
 *
 * Returns: (transfer full): the UTF-8 JSON
 */
GBytes *
gloss_format_snapshot_write (GlossFormatSnapshot *snapshot)
{
  GString *out;
  GlossLabelSet *labels;
  TextCursor cursor = { 0 };
  guint n;

  g_return_val_if_fail (snapshot != NULL, NULL);

  out = g_string_sized_new (gloss_text_index_get_n_bytes (snapshot->index) + 4096);

  g_string_append (out, "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"generator\": ");
  append_string (out, "Gloss " PACKAGE_VERSION);
  g_string_append (out, ",\n  \"document\": {\n    \"text\": ");
  append_string (out, gloss_text_index_get_text (snapshot->index));
  g_string_append (out, ",\n    \"sha256\": ");
  append_string (out, snapshot->sha256);
  g_string_append (out, ",\n    \"length\": ");
  append_uint (out, gloss_text_index_get_length (snapshot->index));

  for (guint i = 0; i + 1 < snapshot->meta->len; i += 2)
    {
      g_string_append (out, ",\n    ");
      append_key (out, snapshot->meta->pdata[i]);
      append_string (out, snapshot->meta->pdata[i + 1]);
    }
  g_string_append (out, "\n  },");

  /* The headings of the text, only when there are some */
  for (guint i = 0; i < snapshot->headings->len; i++)
    {
      const GlossHeading *h = &g_array_index (snapshot->headings, GlossHeading, i);

      g_string_append (out, i == 0 ? "\n  \"headings\": [\n    {" : ",\n    {");
      append_key (out, "start");
      append_uint (out, h->start);
      g_string_append (out, ", ");
      append_key (out, "end");
      append_uint (out, h->end);
      g_string_append (out, ", ");
      append_key (out, "level");
      append_uint (out, h->level);
      g_string_append_c (out, '}');
    }
  if (snapshot->headings->len > 0)
    g_string_append (out, "\n  ],");
  g_string_append (out, "\n  \"labels\": [");

  labels = snapshot->labels;
  n = gloss_label_set_get_n_labels (labels);
  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      append_key (out, "name");
      append_string (out, gloss_label_get_name (label));
      g_string_append (out, ", ");
      append_key (out, "kind");
      append_string (out, gloss_label_kind_to_string (gloss_label_get_kind (label)));
      g_string_append (out, ", ");
      append_key (out, "color");
      append_string (out, gloss_label_get_color (label));
      g_string_append (out, ", ");
      append_key (out, "key");
      append_string (out, gloss_label_get_key (label));
      if (gloss_label_get_n_attributes (label) > 0)
        {
          g_autoptr(JsonNode) defs = gloss_label_attribute_defs_to_json (label);

          g_string_append (out, ", ");
          append_key (out, "attributes");
          append_json_node (out, defs);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n  ]," : "],");

  /* User-defined relation types (issue 3), only when there are some */
  n = gloss_label_set_get_n_relation_types (labels);
  if (n > 0)
    {
      g_string_append (out, "\n  \"relation_types\": [");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JsonNode) type = gloss_relation_type_to_json (gloss_label_set_get_relation_type (labels, i));

          g_string_append (out, i == 0 ? "\n    " : ",\n    ");
          append_json_node (out, type);
        }
      g_string_append (out, "\n  ],");
    }
  g_string_append (out, "\n  \"annotations\": [");

  n = snapshot->annotations->len;
  text_cursor_init (&cursor, snapshot->index);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = snapshot->annotations->pdata[i];

      if (i > 0)
        append_literal (out, ",");
      append_literal (out, "\n    ");
      append_annotation (out, &cursor, annotation);
    }
  g_string_append (out, n > 0 ? "\n  ],\n  \"relations\": [" : "],\n  \"relations\": [");

  n = snapshot->relations->len;
  for (guint i = 0; i < n; i++)
    {
      GlossRelation *relation = snapshot->relations->pdata[i];
      const char *note = gloss_relation_get_note (relation);

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      append_key (out, "id");
      append_string (out, gloss_relation_get_id (relation));
      g_string_append (out, ", ");
      append_key (out, "type");
      append_string (out, gloss_relation_get_kind (relation));
      g_string_append (out, ", ");
      append_key (out, "from");
      append_string (out, gloss_relation_get_from (relation));
      g_string_append (out, ", ");
      append_key (out, "to");
      append_string (out, gloss_relation_get_to (relation));
      if (note != NULL && *note != '\0')
        {
          g_string_append (out, ", ");
          append_key (out, "note");
          append_string (out, note);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");

  /* The review decision log (issue 5), only when there is one */
  if (snapshot->review != NULL)
    {
      g_string_append (out, ",\n  \"review\": ");
      g_string_append (out, snapshot->review);
    }
  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}


/**
 * gloss_format_write:
 *
 * Serializes @document as a version 1 .gloss.json file. The output only
 * depends on the document's content: writing what was read gives the same
 * bytes.
 *
 * Returns: (transfer full): the UTF-8 JSON bytes
 */
GBytes *
gloss_format_write (GlossDocument *document)
{
  GlossFormatSnapshot *snapshot;
  GBytes *bytes;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  snapshot = gloss_format_snapshot_new (document);
  bytes = gloss_format_snapshot_write (snapshot);
  gloss_format_snapshot_free (snapshot);

  return bytes;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_pointer (task, gloss_format_snapshot_write (task_data), (GDestroyNotify) g_bytes_unref);
}

/**
 * gloss_format_write_async:
 *
 * Serialises @document as gloss_format_write () does, in a worker thread:
 * the document is captured now (references to its annotations, which are
 * values), so edits made meanwhile are not in the result. Serialising a
 * million characters takes 100-200 ms, which would stall a window.
 */
void
gloss_format_write_async (GlossDocument       *document,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_format_write_async);
  g_task_set_task_data (task, gloss_format_snapshot_new (document),
                        (GDestroyNotify) gloss_format_snapshot_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * gloss_format_write_finish:
 *
 * Returns: (transfer full) (nullable): the serialised document, or %NULL
 *   with @error set if the write was cancelled
 */
GBytes *
gloss_format_write_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The strict lexer --------------------------------------------------------- */

/* gloss_format_read() does not hand the bytes to json-glib: the strict
 * lexer builds a small tree of its own as it checks them, in one pass, with
 * the strings decoded in place in a private copy of the data and one
 * allocation for all the members of a closed object or array. */

typedef enum
{
  VALUE_NULL,
  VALUE_BOOLEAN,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_STRING,
  VALUE_OBJECT,
  VALUE_ARRAY,
} ValueKind;

typedef struct _Member Member;

typedef struct
{
  ValueKind kind;
  guint     n;              /* how many members an object or array has */
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
    Member     *members;    /* the elements of an array have no key */
  } v;
} Value;

struct _Member
{
  const char *key;
  Value       value;
};

typedef struct
{
  char      *buf;           /* the decoded strings point here */
  GPtrArray *chunks;        /* the members */
  Value      root;
} Tree;

/* Keys of an object are compared one by one up to this many, then hashed */
#define KEYS_SCANNED 16
#define CHUNK_SIZE   (256 * 1024)

typedef struct
{
  const char  *data;
  gsize        len;
  gsize        pos;
  guint        max_depth;
  const char  *source;      /* the data as given, for error positions */
  GHashTable **keys;        /* one set of keys per open object, by depth */
  GString     *key;
  GError     **error;
  gboolean     allow_array_root;  /* import formats: JSONL lines, arrays */

  /* When building a tree, @data is @buf, a writable copy of @source */
  char        *buf;
  Value        value;       /* the value just scanned */
  Member      *stack;       /* the members of the open objects and arrays */
  gsize        stack_len;
  gsize        stack_size;
  GPtrArray   *chunks;
  char        *chunk_pos;
  gsize        chunk_left;
} Lexer;

static void
lexer_position (Lexer *lex,
                gsize  pos,
                guint *line,
                guint *column)
{
  const char *data = lex->source;
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < pos && i < lex->len; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }

  *column = 1 + (guint) g_utf8_strlen (line_start, data + MIN (pos, lex->len) - line_start);
}

static gboolean lexer_fail (Lexer      *lex,
                            gsize       pos,
                            int         code,
                            const char *format,
                            ...) G_GNUC_PRINTF (4, 5);

static gboolean
lexer_fail (Lexer      *lex,
            gsize       pos,
            int         code,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  lexer_position (lex, pos, &line, &column);
  /* TRANSLATORS: "line:column: message" */
  g_set_error (lex->error, GLOSS_ERROR, code, _("%u:%u: %s"), line, column, message);

  return FALSE;
}

static void
lexer_skip_ws (Lexer *lex)
{
  gsize pos = lex->pos;

  while (pos < lex->len &&
         (lex->data[pos] == ' ' || lex->data[pos] == '\n' || lex->data[pos] == '\t' || lex->data[pos] == '\r'))
    pos++;
  lex->pos = pos;
}

/* Adds the value just scanned to the open object or array. */
static void
lexer_push (Lexer      *lex,
            const char *key)
{
  if (lex->stack_len == lex->stack_size)
    {
      lex->stack_size = MAX (64, lex->stack_size * 2);
      lex->stack = g_renew (Member, lex->stack, lex->stack_size);
    }

  lex->stack[lex->stack_len].key = key;
  lex->stack[lex->stack_len].value = lex->value;
  lex->stack_len++;
}

/* Closes the object or array whose members start at @base on the stack. */
static void
lexer_close (Lexer     *lex,
             ValueKind  kind,
             gsize      base)
{
  gsize n = lex->stack_len - base;
  gsize size = n * sizeof (Member);

  lex->value.kind = kind;
  lex->value.n = (guint) n;
  lex->value.v.members = NULL;
  if (n == 0)
    return;

  if (size > lex->chunk_left)
    {
      gsize chunk = MAX (size, CHUNK_SIZE);

      lex->chunk_pos = g_malloc (chunk);
      lex->chunk_left = chunk;
      g_ptr_array_add (lex->chunks, lex->chunk_pos);
    }

  lex->value.v.members = (Member *) (gpointer) lex->chunk_pos;
  memcpy (lex->chunk_pos, lex->stack + base, size);
  lex->chunk_pos += size;
  lex->chunk_left -= size;
  lex->stack_len = base;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
lexer_read_hex4 (Lexer   *lex,
                 gsize    at,
                 guint   *value)
{
  guint v = 0;

  if (at + 4 > lex->len)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (lex->data[at + i]);

      if (h < 0)
        return FALSE;
      v = v * 16 + (guint) h;
    }

  *value = v;
  return TRUE;
}

/* Puts @n decoded bytes into @decoded, or at @w when building (@w never
 * gets ahead of what was read). */
static inline void
string_put (GString     *decoded,
            char       **w,
            const char  *bytes,
            gsize        n)
{
  if (decoded != NULL)
    g_string_append_len (decoded, bytes, n);
  if (*w != NULL)
    {
      if (*w != bytes)
        memmove (*w, bytes, n);
      *w += n;
    }
}

/* Whether any of the 8 bytes at @p is a quote, a backslash or a control
 * character: (x - 0x01..) & ~x & 0x80.. is nonzero exactly when a byte of
 * x is zero, (x - 0x20..) & ~x & 0x80.. when one is below 0x20. */
static inline gboolean
word_ends_run (const guchar *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 x, quote, backslash;

  memcpy (&x, p, sizeof x);
  quote = x ^ (ones * '"');
  backslash = x ^ (ones * '\\');

  return ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
           ((x - ones * 0x20) & ~x)) & highs) != 0;
}

/* Scans a string starting at the opening quote. If @decoded is not NULL the
 * decoded value is stored there (for duplicate key detection). When
 * building, the string is decoded in place and becomes lex->value. */
static gboolean
lexer_string (Lexer   *lex,
              GString *decoded)
{
  gsize start = lex->pos;
  char *w = lex->buf != NULL ? lex->buf + start + 1 : NULL;

  lex->pos++; /* " */
  if (decoded != NULL)
    g_string_truncate (decoded, 0);

  while (TRUE)
    {
      const guchar *p = (const guchar *) lex->data + lex->pos;
      const guchar *end = (const guchar *) lex->data + lex->len;
      gsize run = lex->pos;
      guchar c;
      char bytes[8];

      while (end - p >= 8 && !word_ends_run (p))
        p += 8;
      while (p < end && *p != '"' && *p != '\\' && *p >= 0x20)
        p++;
      lex->pos = p - (const guchar *) lex->data;
      if (lex->pos > run)
        string_put (decoded, &w, lex->data + run, lex->pos - run);

      if (lex->pos >= lex->len)
        return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("unterminated string (the file is truncated)"));

      c = (guchar) lex->data[lex->pos];
      if (c == '"')
        {
          lex->pos++;
          if (w != NULL)
            {
              *w = '\0';
              lex->value.kind = VALUE_STRING;
              lex->value.v.string = lex->buf + start + 1;
            }
          return TRUE;
        }

      if (c < 0x20)
        return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                           _("control character U+%04X must be escaped in a string"), c);

      /* a backslash */
      if (lex->pos + 1 >= lex->len)
        return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("unterminated string (the file is truncated)"));

      c = (guchar) lex->data[lex->pos + 1];
      switch (c)
        {
        case '"': case '\\': case '/':
          bytes[0] = (char) c;
          lex->pos += 2;
          string_put (decoded, &w, bytes, 1);
          break;

        case 'b': case 'f': case 'n': case 'r': case 't':
          bytes[0] = c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' : c == 'r' ? '\r' : '\t';
          lex->pos += 2;
          string_put (decoded, &w, bytes, 1);
          break;

        case 'u':
          {
            guint u;
            gunichar ch;

            if (!lexer_read_hex4 (lex, lex->pos + 2, &u))
              return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                                 _("\\u must be followed by four hexadecimal digits"));
            if (u == 0)
              return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                                 _("\\u0000 (a NUL character) is not allowed in a string"));
            if (u >= 0xDC00 && u <= 0xDFFF)
              return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                                 _("lone low surrogate \\u%04X"), u);
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                guint low;

                if (lex->pos + 12 > lex->len ||
                    lex->data[lex->pos + 6] != '\\' || lex->data[lex->pos + 7] != 'u' ||
                    !lexer_read_hex4 (lex, lex->pos + 8, &low) ||
                    low < 0xDC00 || low > 0xDFFF)
                  return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                                     _("lone high surrogate \\u%04X"), u);
                ch = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                lex->pos += 12;
              }
            else
              {
                ch = u;
                lex->pos += 6;
              }
            string_put (decoded, &w, bytes, g_unichar_to_utf8 (ch, bytes));
          }
          break;

        default:
          if (c == '\'')
            return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                               _("invalid escape \\' (single quotes need no escape in JSON)"));
          return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                             _("invalid escape sequence in a string"));
        }
    }
}

static gboolean
is_digit (Lexer *lex,
          gsize  at)
{
  return at < lex->len && lex->data[at] >= '0' && lex->data[at] <= '9';
}

static gboolean
lexer_number (Lexer *lex)
{
  gsize start = lex->pos;
  gsize int_start;
  gboolean is_integer = TRUE;

  if (lex->data[lex->pos] == '-')
    lex->pos++;

  int_start = lex->pos;
  if (!is_digit (lex, lex->pos))
    {
      if (lex->pos < lex->len && (lex->data[lex->pos] == 'I' || lex->data[lex->pos] == 'N'))
        return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("Infinity and NaN are not JSON numbers"));
      return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("a number must have digits"));
    }

  if (lex->data[lex->pos] == '0')
    {
      lex->pos++;
      if (lex->pos < lex->len && (lex->data[lex->pos] == 'x' || lex->data[lex->pos] == 'X'))
        return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("hexadecimal numbers are not allowed in JSON"));
      if (is_digit (lex, lex->pos))
        return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("numbers must not have leading zeros"));
    }
  else
    {
      while (is_digit (lex, lex->pos))
        lex->pos++;
    }

  if (lex->pos < lex->len && lex->data[lex->pos] == '.')
    {
      is_integer = FALSE;
      lex->pos++;
      if (!is_digit (lex, lex->pos))
        return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("a decimal point must be followed by digits"));
      while (is_digit (lex, lex->pos))
        lex->pos++;
    }

  if (lex->pos < lex->len && (lex->data[lex->pos] == 'e' || lex->data[lex->pos] == 'E'))
    {
      is_integer = FALSE;
      lex->pos++;
      if (lex->pos < lex->len && (lex->data[lex->pos] == '+' || lex->data[lex->pos] == '-'))
        lex->pos++;
      if (!is_digit (lex, lex->pos))
        return lexer_fail (lex, start, GLOSS_ERROR_PARSE, _("an exponent must have digits"));
      while (is_digit (lex, lex->pos))
        lex->pos++;
    }

  if (is_integer)
    {
      gsize digits = lex->pos - int_start;
      guint64 v = 0;

      if (digits > 16)
        goto int_range;
      for (gsize i = int_start; i < lex->pos; i++)
        v = v * 10 + (guint64) (lex->data[i] - '0');
      if (v > MAX_SAFE_INTEGER)
        goto int_range;

      lex->value.kind = VALUE_INT;
      lex->value.v.integer = int_start > start ? -(gint64) v : (gint64) v;
    }
  else
    {
      g_autofree char *copy = g_strndup (lex->data + start, lex->pos - start);
      double v;

      v = g_ascii_strtod (copy, NULL);
      if (!isfinite (v))
        return lexer_fail (lex, start, GLOSS_ERROR_OUT_OF_RANGE,
                           _("the number %s is too large"), copy);

      lex->value.kind = VALUE_DOUBLE;
      lex->value.v.number = v;
    }

  return TRUE;

int_range:
  {
    g_autofree char *copy = g_strndup (lex->data + start, MIN (lex->pos - start, 40));

    return lexer_fail (lex, start, GLOSS_ERROR_OUT_OF_RANGE,
                       _("the integer %s%s is outside the safe range ±2^53"),
                       copy, lex->pos - start > 40 ? "…" : "");
  }
}

static gboolean
lexer_literal (Lexer      *lex,
               const char *word)
{
  gsize n = strlen (word);

  if (lex->pos + n <= lex->len && memcmp (lex->data + lex->pos, word, n) == 0)
    {
      lex->pos += n;
      lex->value.kind = word[0] == 'n' ? VALUE_NULL : VALUE_BOOLEAN;
      lex->value.v.boolean = word[0] == 't';
      return TRUE;
    }

  return FALSE;
}

static gboolean
lexer_unexpected (Lexer *lex)
{
  char c;

  if (lex->pos >= lex->len)
    return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("unexpected end of data (the file is truncated)"));

  c = lex->data[lex->pos];
  if (c == '/')
    return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("comments are not allowed in JSON"));
  if (c == '\'')
    return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("single quotes are not allowed in JSON; strings use double quotes"));
  if ((guchar) c >= 0x20 && (guchar) c < 0x7f)
    return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("unexpected character “%c”"), c);

  return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("unexpected character"));
}

static gboolean lexer_value (Lexer *lex,
                             guint  depth);

/* Whether @key (decoded) was already seen in the object being scanned at
 * @depth; if not, it is remembered. When building, the keys seen are the
 * ones on the stack since @base. */
static gboolean
lexer_key_seen (Lexer      *lex,
                guint       depth,
                gsize       base,
                const char *key)
{
  GHashTable *keys = lex->keys[depth];
  gsize n = lex->stack_len - base;

  if (lex->buf == NULL)
    return !g_hash_table_add (keys, g_strndup (lex->key->str, lex->key->len));

  if (n < KEYS_SCANNED)
    {
      for (gsize i = base; i < lex->stack_len; i++)
        if (lex->stack[i].key[0] == key[0] && strcmp (lex->stack[i].key, key) == 0)
          return TRUE;
      return FALSE;
    }

  if (n == KEYS_SCANNED)
    {
      if (keys == NULL)
        keys = lex->keys[depth] = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_remove_all (keys);
      for (gsize i = base; i < lex->stack_len; i++)
        g_hash_table_add (keys, (gpointer) lex->stack[i].key);
    }

  return !g_hash_table_add (keys, (gpointer) key);
}

static gboolean
lexer_object (Lexer *lex,
              guint  depth)
{
  gsize base = lex->stack_len;

  if (lex->buf == NULL)
    {
      if (lex->keys[depth] == NULL)
        lex->keys[depth] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_remove_all (lex->keys[depth]);
    }

  lex->pos++; /* { */
  lexer_skip_ws (lex);
  if (lex->pos < lex->len && lex->data[lex->pos] == '}')
    {
      lex->pos++;
      lexer_close (lex, VALUE_OBJECT, base);
      return TRUE;
    }

  while (TRUE)
    {
      const char *key;
      gsize key_pos;

      lexer_skip_ws (lex);
      if (lex->pos >= lex->len || lex->data[lex->pos] != '"')
        {
          if (lex->pos < lex->len && lex->data[lex->pos] == '}')
            return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("trailing comma before “}”"));
          if (lex->pos < lex->len && lex->data[lex->pos] != '\'' && lex->data[lex->pos] != '/')
            return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("expected a key in double quotes"));
          return lexer_unexpected (lex);
        }

      key_pos = lex->pos;
      if (!lexer_string (lex, lex->buf == NULL ? lex->key : NULL))
        return FALSE;
      key = lex->buf == NULL ? lex->key->str : lex->value.v.string;

      if (lexer_key_seen (lex, depth, base, key))
        return lexer_fail (lex, key_pos, GLOSS_ERROR_PARSE,
                           _("duplicate key “%s” in an object"), key);

      lexer_skip_ws (lex);
      if (lex->pos >= lex->len || lex->data[lex->pos] != ':')
        {
          if (lex->pos >= lex->len)
            return lexer_unexpected (lex);
          return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("expected “:” after a key"));
        }
      lex->pos++;

      if (!lexer_value (lex, depth))
        return FALSE;
      if (lex->buf != NULL)
        lexer_push (lex, key);

      lexer_skip_ws (lex);
      if (lex->pos >= lex->len)
        return lexer_unexpected (lex);
      if (lex->data[lex->pos] == '}')
        {
          lex->pos++;
          lexer_close (lex, VALUE_OBJECT, base);
          return TRUE;
        }
      if (lex->data[lex->pos] != ',')
        return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("expected “,” or “}”"));
      lex->pos++;
    }
}

static gboolean
lexer_array (Lexer *lex,
             guint  depth)
{
  gsize base = lex->stack_len;

  lex->pos++; /* [ */
  lexer_skip_ws (lex);
  if (lex->pos < lex->len && lex->data[lex->pos] == ']')
    {
      lex->pos++;
      lexer_close (lex, VALUE_ARRAY, base);
      return TRUE;
    }

  while (TRUE)
    {
      lexer_skip_ws (lex);
      if (lex->pos < lex->len && lex->data[lex->pos] == ']')
        return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("trailing comma before “]”"));

      if (!lexer_value (lex, depth))
        return FALSE;
      if (lex->buf != NULL)
        lexer_push (lex, NULL);

      lexer_skip_ws (lex);
      if (lex->pos >= lex->len)
        return lexer_unexpected (lex);
      if (lex->data[lex->pos] == ']')
        {
          lex->pos++;
          lexer_close (lex, VALUE_ARRAY, base);
          return TRUE;
        }
      if (lex->data[lex->pos] != ',')
        return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("expected “,” or “]”"));
      lex->pos++;
    }
}

/* @depth is the nesting depth of the container holding this value. */
static gboolean
lexer_value (Lexer *lex,
             guint  depth)
{
  char c;

  lexer_skip_ws (lex);
  if (lex->pos >= lex->len)
    return lexer_unexpected (lex);

  c = lex->data[lex->pos];
  switch (c)
    {
    case '{':
    case '[':
      if (depth + 1 > lex->max_depth)
        return lexer_fail (lex, lex->pos, GLOSS_ERROR_TOO_DEEP,
                           _("nesting is deeper than %u levels"), lex->max_depth);
      return c == '{' ? lexer_object (lex, depth + 1) : lexer_array (lex, depth + 1);

    case '"':
      return lexer_string (lex, NULL);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return lexer_number (lex);

    case 't':
      if (lexer_literal (lex, "true"))
        return TRUE;
      break;

    case 'f':
      if (lexer_literal (lex, "false"))
        return TRUE;
      break;

    case 'n':
      if (lexer_literal (lex, "null"))
        return TRUE;
      break;

    case 'N':
    case 'I':
      return lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE, _("Infinity and NaN are not JSON numbers"));

    default:
      break;
    }

  return lexer_unexpected (lex);
}

static void
lexer_init (Lexer       *lex,
            const char  *data,
            gsize        len,
            guint        max_depth,
            GError     **error)
{
  memset (lex, 0, sizeof *lex);
  lex->data = data;
  lex->source = data;
  lex->len = len;
  lex->max_depth = max_depth;
  lex->error = error;
  lex->keys = g_new0 (GHashTable *, max_depth + 2);
  lex->key = g_string_new (NULL);
}

static void
lexer_clear (Lexer *lex)
{
  for (guint i = 0; i < lex->max_depth + 2; i++)
    g_clear_pointer (&lex->keys[i], g_hash_table_unref);
  g_free (lex->keys);
  g_string_free (lex->key, TRUE);
  g_free (lex->stack);
}

/* Exactly one strict JSON value, which must be an object */
static gboolean
lexer_run (Lexer *lex)
{
  gboolean ok;
  char first;

  if (lex->len >= 3 && memcmp (lex->data, "\xef\xbb\xbf", 3) == 0)
    lex->pos = 3;

  lexer_skip_ws (lex);
  if (lex->pos >= lex->len)
    {
      g_set_error (lex->error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }

  first = lex->data[lex->pos];

  ok = lexer_value (lex, 0);
  if (ok)
    {
      lexer_skip_ws (lex);
      if (lex->pos < lex->len)
        ok = lexer_fail (lex, lex->pos, GLOSS_ERROR_PARSE,
                         _("unexpected data after the end of the JSON value (only one value is allowed)"));
    }

  if (ok && first != '{' && !(lex->allow_array_root && first == '['))
    {
      g_set_error (lex->error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   first == '[' ? _("The top-level value is an array; a Gloss file is a JSON object")
                                : _("The top-level value is not a JSON object"));
      ok = FALSE;
    }

  return ok;
}

/**
 * gloss_format_check_json:
 * @data: valid UTF-8 (a leading byte order mark is skipped)
 *
 * Returns: %TRUE if @data is exactly one strict RFC 8259 JSON object that
 *   json-glib 1.6 can parse faithfully
 */
gboolean
gloss_format_check_json (const char  *data,
                         gsize        len,
                         guint        max_depth,
                         GError     **error)
{
  Lexer lex;
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);

  lexer_init (&lex, data, len, max_depth, error);
  ok = lexer_run (&lex);
  lexer_clear (&lex);

  return ok;
}

/**
 * gloss_format_check_json_value:
 *
 * Like gloss_format_check_json(), for readers of other tools' files,
 * whose top-level value may also be an array (Label Studio, W3C pages).
 *
 * Returns: %TRUE if @data is one strict JSON object or array
 */
gboolean
gloss_format_check_json_value (const char  *data,
                               gsize        len,
                               guint        max_depth,
                               GError     **error)
{
  Lexer lex;
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);

  lexer_init (&lex, data, len, max_depth, error);
  lex.allow_array_root = TRUE;
  ok = lexer_run (&lex);
  lexer_clear (&lex);

  return ok;
}

static void
tree_clear (Tree *tree)
{
  g_clear_pointer (&tree->buf, g_free);
  g_clear_pointer (&tree->chunks, g_ptr_array_unref);
}

/* Checks @data as gloss_format_check_json() does and builds its tree. */
static gboolean
tree_parse (Tree        *tree,
            const char  *data,
            gsize        len,
            guint        max_depth,
            GError     **error)
{
  Lexer lex;
  gboolean ok;

  lexer_init (&lex, data, len, max_depth, error);
  lex.buf = tree->buf = g_malloc (len + 1);
  memcpy (lex.buf, data, len);
  lex.buf[len] = '\0';
  lex.data = lex.buf;
  lex.chunks = tree->chunks = g_ptr_array_new_with_free_func (g_free);

  ok = lexer_run (&lex);
  if (ok)
    tree->root = lex.value;
  lexer_clear (&lex);

  return ok;
}

/* Validation --------------------------------------------------------------- */

typedef struct
{
  GPtrArray      *problems;
  guint           n_problems;
  guint           n_recoverable;
  GlossLoadFlags  flags;
  /* While checking annotations: a problem with where == NULL is placed at
   * annotations[ctx_index] (id ctx_id). */
  gboolean        ctx_array;
  guint           ctx_index;
  const char     *ctx_id;
} Checker;

static char *
item_where (const char *array,
            guint       index,
            const char *id)
{
  if (id != NULL)
    {
      g_autofree char *shown = NULL;

      if (g_utf8_strlen (id, 200) > 40)
        id = shown = gloss_text_ellipsize (id, 40);

      return g_strdup_printf ("%s[%u] (id %s)", array, index, id);
    }

  return g_strdup_printf ("%s[%u]", array, index);
}

static char *
annotation_where (guint       index,
                  const char *id)
{
  return item_where ("annotations", index, id);
}

static void check_problem (Checker    *ck,
                           int         code,
                           gboolean    recoverable,
                           const char *where,
                           const char *format,
                           ...) G_GNUC_PRINTF (5, 6);

static void
check_problem (Checker    *ck,
               int         code,
               gboolean    recoverable,
               const char *where,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  g_autofree char *place = NULL;
  va_list args;

  ck->n_problems++;
  if (recoverable)
    ck->n_recoverable++;

  if (ck->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where == NULL && ck->ctx_array)
    where = place = annotation_where (ck->ctx_index, ck->ctx_id);

  g_ptr_array_add (ck->problems, problem_new (code, recoverable, where, message));
}

static const char *
node_type_name (const Value *node)
{
  if (node == NULL)
    return _("null");

  switch (node->kind)
    {
    case VALUE_NULL:
      return _("null");
    case VALUE_OBJECT:
      return _("an object");
    case VALUE_ARRAY:
      return _("an array");
    case VALUE_STRING:
      return _("a string");
    case VALUE_BOOLEAN:
      return _("a boolean");
    case VALUE_INT:
      return _("an integer");
    case VALUE_DOUBLE:
      return _("a number with a fraction");
    default:
      return _("an unknown value");
    }
}

static gboolean
node_is_string (const Value *node)
{
  return node != NULL && node->kind == VALUE_STRING;
}

static gboolean
node_is_int (const Value *node)
{
  return node != NULL && node->kind == VALUE_INT;
}

/* The member @key of @object, or NULL */
static const Value *
object_get (const Value *object,
            const char  *key)
{
  for (guint i = 0; i < object->n; i++)
    {
      const Member *m = &object->v.members[i];

      if (m->key[0] == key[0] && strcmp (m->key, key) == 0)
        return &m->value;
    }

  return NULL;
}

/* json-glib 1.6 visited the members of an object in the order of its hash
 * table, and the problems found in them were reported in that order: where
 * there are problems to report, the members are visited in that order. */
static const Member **
members_in_json_glib_order (const Value *object)
{
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  const Member **order = g_new (const Member *, object->n + 1);
  GHashTableIter iter;
  gpointer member;
  guint n = 0;

  for (guint i = 0; i < object->n; i++)
    g_hash_table_insert (table, (gpointer) object->v.members[i].key, &object->v.members[i]);

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &member))
    order[n++] = member;
  order[n] = NULL;

  return order;
}

/* Returns the string member @key of @object, or NULL after recording a
 * problem (unless @optional and absent). */
static const char *
get_string (Checker    *ck,
            const Value *object,
            const char *key,
            gboolean    optional,
            const char *where)
{
  const Value *node = object_get (object, key);

  if (node == NULL)
    {
      if (!optional)
        check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, _("“%s” is missing"), key);
      return NULL;
    }

  if (!node_is_string (node))
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                     _("“%s” must be a string, not %s"), key, node_type_name (node));
      return NULL;
    }

  return node->v.string;
}

static gboolean
get_int (Checker     *ck,
         const Value *object,
         const char *key,
         const char *where,
         gint64     *value)
{
  const Value *node = object_get (object, key);

  if (node == NULL)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, _("“%s” is missing"), key);
      return FALSE;
    }

  if (!node_is_int (node))
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                     _("“%s” must be an integer, not %s"), key, node_type_name (node));
      return FALSE;
    }

  *value = node->v.integer;
  return TRUE;
}

static const Value *
get_array (Checker     *ck,
           const Value *object,
           const char  *key)
{
  const Value *node = object_get (object, key);

  if (node == NULL)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, key, _("“%s” is missing"), key);
      return NULL;
    }

  if (node->kind != VALUE_ARRAY)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, key,
                     _("“%s” must be an array, not %s"), key, node_type_name (node));
      return NULL;
    }

  return node;
}

static char *
quote_excerpt (const char *text)
{
  return gloss_text_ellipsize (text, 40);
}

static JsonNode *value_to_json_node (const Value *value);

/* The optional "attributes" of a label: its attribute definitions
 * (issue 3). Each bad definition is a problem; the label is rejected. */
static gboolean
check_attribute_defs (Checker     *ck,
                      const Value *object,
                      GlossLabel  *label,
                      const char  *where)
{
  const Value *array = object_get (object, "attributes");
  g_autoptr(GPtrArray) defs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (array == NULL)
    return TRUE;

  if (array->kind != VALUE_ARRAY)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                     _("“attributes” must be an array, not %s"), node_type_name (array));
      return FALSE;
    }

  for (guint i = 0; i < array->n; i++)
    {
      g_autoptr(JsonNode) node = value_to_json_node (&array->v.members[i].value);
      g_autoptr(GError) local_error = NULL;
      GlossAttributeDef *def = gloss_attribute_def_new_from_json (node, &local_error);

      if (def == NULL)
        {
          g_autofree char *place = g_strdup_printf ("%s.attributes[%u]", where, i);

          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, place, "%s", local_error->message);
          ok = FALSE;
          continue;
        }
      g_ptr_array_add (defs, def);
    }

  if (!ok)
    return FALSE;

  gloss_label_set_attributes (label, defs);
  if (!gloss_label_check_attribute_defs (label, &error))
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* The optional top-level "headings". They are presentation: a file whose
 * headings are wrong opens (with GLOSS_LOAD_ACCEPT_RECOVERABLE) as plain
 * paragraphs, and loses nothing else. */
static void
check_headings (Checker       *ck,
                const Value   *root,
                GlossDocument *document)
{
  const Value *array = object_get (root, "headings");
  g_autoptr(GArray) headings = NULL;
  g_autoptr(GError) local_error = NULL;

  if (array == NULL || document == NULL)
    return;

  if (array->kind != VALUE_ARRAY)
    {
      check_problem (ck, GLOSS_ERROR_RECOVERABLE, TRUE, "headings",
                     _("“headings” must be an array, not %s; the text will show without headings"),
                     node_type_name (array));
      return;
    }

  headings = g_array_sized_new (FALSE, FALSE, sizeof (GlossHeading), array->n);
  for (guint i = 0; i < array->n; i++)
    {
      const Value *item = &array->v.members[i].value;
      const char *keys[] = { "start", "end", "level" };
      gint64 values[G_N_ELEMENTS (keys)];

      if (item->kind != VALUE_OBJECT)
        {
          g_autofree char *where = g_strdup_printf ("headings[%u]", i);

          check_problem (ck, GLOSS_ERROR_RECOVERABLE, TRUE, where,
                         _("a heading must be an object, not %s; the text will show without headings"),
                         node_type_name (item));
          return;
        }
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const Value *node = object_get (item, keys[k]);

          if (node == NULL || !node_is_int (node) || node->v.integer < 0 || node->v.integer > G_MAXINT32)
            {
              g_autofree char *where = g_strdup_printf ("headings[%u]", i);

              check_problem (ck, GLOSS_ERROR_RECOVERABLE, TRUE, where,
                             _("“%s” must be a whole number; the text will show without headings"),
                             keys[k]);
              return;
            }
          values[k] = node->v.integer;
        }
      g_array_append_val (headings, ((GlossHeading) { (guint) values[0], (guint) values[1], (guint) values[2] }));
    }

  if (!gloss_document_set_headings (document, (const GlossHeading *) (gpointer) headings->data,
                                    headings->len, &local_error))
    check_problem (ck, GLOSS_ERROR_RECOVERABLE, TRUE, "headings",
                   _("%s; the text will show without headings"), local_error->message);
}

/* The optional top-level "relation_types": user-defined relation types
 * (issue 3). A label name in a constraint that is not among the labels is
 * not a problem here (gloss_scheme_check_document() warns about it). */
static void
check_relation_types (Checker       *ck,
                      const Value   *root,
                      GlossLabelSet *labels)
{
  const Value *array = object_get (root, "relation_types");

  if (array == NULL)
    return;

  if (array->kind != VALUE_ARRAY)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, "relation_types",
                     _("“relation_types” must be an array, not %s"), node_type_name (array));
      return;
    }

  for (guint i = 0; i < array->n; i++)
    {
      const Value *item = &array->v.members[i].value;
      g_autoptr(JsonNode) node = value_to_json_node (item);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GlossRelationType) type = NULL;
      g_autofree char *where = NULL;
      const Value *name = item->kind == VALUE_OBJECT ? object_get (item, "name") : NULL;

      if (node_is_string (name))
        where = g_strdup_printf ("relation_types[%u] (%s)", i, name->v.string);
      else
        where = g_strdup_printf ("relation_types[%u]", i);

      type = gloss_relation_type_new_from_json (node, &local_error);
      if (type == NULL ||
          !gloss_label_set_insert_relation_type (labels, G_MAXUINT, type, &local_error))
        check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, "%s", local_error->message);
    }
}

/* @rejected collects the names of labels that were present but invalid:
 * annotations using them are not reported a second time. */
static GlossLabelSet *
check_labels (Checker     *ck,
              const Value *root,
              GHashTable  *rejected)
{
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();
  const Value *array = get_array (ck, root, "labels");
  guint n;

  if (array == NULL)
    return g_steal_pointer (&labels);

  n = array->n;
  for (guint i = 0; i < n; i++)
    {
      const Value *node = &array->v.members[i].value;
      g_autofree char *where = g_strdup_printf ("labels[%u]", i);
      g_autoptr(GlossLabel) label = NULL;
      const Value *object;
      const char *name, *kind_str, *color, *key;
      GlossLabelKind kind = GLOSS_LABEL_KIND_HIGHLIGHT;
      gboolean ok = TRUE;

      if (node->kind != VALUE_OBJECT)
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("a label must be an object, not %s"), node_type_name (node));
          continue;
        }
      object = node;

      name = get_string (ck, object, "name", FALSE, where);
      if (name != NULL)
        {
          g_free (where);
          where = g_strdup_printf ("labels[%u] (%s)", i, name);
        }
      kind_str = get_string (ck, object, "kind", FALSE, where);
      color = get_string (ck, object, "color", FALSE, where);
      key = get_string (ck, object, "key", FALSE, where);
      if (name == NULL || kind_str == NULL || color == NULL || key == NULL)
        continue;

      if (*name == '\0')
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, _("the label name is empty"));
          ok = FALSE;
        }
      else if (gloss_label_set_lookup (labels, name) != NULL)
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("duplicate label name “%s”"), name);
          ok = FALSE;
        }

      if (!gloss_label_kind_from_string (kind_str, &kind))
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("unknown kind “%s” (expected “highlight”, “entity” or “claim”)"), kind_str);
          ok = FALSE;
        }

      if (!gloss_color_is_valid (color))
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("invalid color “%s” (expected #rrggbb)"), color);
          ok = FALSE;
        }

      if (*key != '\0')
        {
          if (!gloss_label_key_is_valid (key))
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                             _("invalid key “%s” (expected one printable character or \"\")"), key);
              ok = FALSE;
            }
          else if (gloss_label_set_lookup_key (labels, key) != NULL)
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                             _("duplicate key “%s” (already used by label “%s”)"), key,
                             gloss_label_get_name (gloss_label_set_lookup_key (labels, key)));
              ok = FALSE;
            }
        }

      if (!ok)
        {
          g_hash_table_add (rejected, g_strdup (name));
          continue;
        }

      label = gloss_label_new (name, kind, color, key);
      if (!check_attribute_defs (ck, object, label, where))
        {
          g_hash_table_add (rejected, g_strdup (name));
          continue;
        }
      if (!gloss_label_set_append (labels, label, NULL))
        check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, _("the label cannot be added"));
    }

  return g_steal_pointer (&labels);
}


/* gloss_timestamp_is_valid() parses a GDateTime. The form Gloss writes,
 * 2026-01-31T12:00:00Z with at most 9 digits of fractional seconds, is
 * recognised here without one when every field is plainly in range; any
 * other string is left to gloss_timestamp_is_valid(). */
static gboolean
timestamp_is_valid (const char *s)
{
  static const guint8 days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  static const char form[] = "0000-00-00T00:00:00";
  guint year, month, day, hour, minute, second, days;
  guint i;

  /* A NUL fails the test before anything beyond it is read */
  for (i = 0; i < 19; i++)
    if (form[i] == '0' ? (guint) (s[i] - '0') > 9 : s[i] != form[i])
      return gloss_timestamp_is_valid (s);

  if (s[i] == '.')
    {
      guint digits = 0;

      for (i++; g_ascii_isdigit (s[i]); i++)
        digits++;
      if (digits == 0 || digits > 9)
        return gloss_timestamp_is_valid (s);
    }
  if (s[i] != 'Z' || s[i + 1] != '\0')
    return gloss_timestamp_is_valid (s);

#define DIGITS2(at) ((guint) (s[at] - '0') * 10 + (guint) (s[(at) + 1] - '0'))
  year = DIGITS2 (0) * 100 + DIGITS2 (2);
  month = DIGITS2 (5);
  day = DIGITS2 (8);
  hour = DIGITS2 (11);
  minute = DIGITS2 (14);
  second = DIGITS2 (17);
#undef DIGITS2

  if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59)
    return gloss_timestamp_is_valid (s);

  days = days_in_month[month - 1];
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
    days++;
  if (day < 1 || day > days)
    return gloss_timestamp_is_valid (s);

  return TRUE;
}

static gboolean
check_timestamp (Checker     *ck,
                 const Value *object,
                 const char *key,
                 const char *where,
                 const char **out)
{
  const char *value = get_string (ck, object, key, FALSE, where);

  if (value == NULL)
    return FALSE;

  if (!timestamp_is_valid (value))
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                     _("“%s” is not an ISO 8601 UTC time like 2026-01-31T12:00:00Z: “%s”"),
                     key, value);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
check_attributes (Checker         *ck,
                  const Value     *object,
                  const char      *where,
                  GlossAnnotation *annotation)
{
  const Value *node = object_get (object, "attributes");
  g_autofree const Member **order = NULL;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;

  if (node->kind != VALUE_OBJECT)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                     _("“attributes” must be an object, not %s"), node_type_name (node));
      return FALSE;
    }

  for (guint i = 0; i < node->n && order == NULL; i++)
    {
      const Member *m = &node->v.members[i];

      if (*m->key == '\0' || m->value.kind == VALUE_NULL || m->value.kind == VALUE_OBJECT ||
          m->value.kind == VALUE_ARRAY)
        order = members_in_json_glib_order (node);
    }

  for (guint i = 0; i < node->n; i++)
    {
      const Member *m = order != NULL ? order[i] : &node->v.members[i];
      const char *key = m->key;
      const Value *value = &m->value;
      GVariant *variant = NULL;

      if (*key == '\0')
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, _("an attribute has an empty name"));
          ok = FALSE;
          continue;
        }

      switch (value->kind)
        {
        case VALUE_STRING:
          variant = g_variant_new_string (value->v.string);
          break;
        case VALUE_BOOLEAN:
          variant = g_variant_new_boolean (value->v.boolean);
          break;
        case VALUE_INT:
          variant = g_variant_new_int64 (value->v.integer);
          break;
        case VALUE_DOUBLE:
          variant = g_variant_new_double (value->v.number);
          break;
        default:
          break;
        }

      if (variant == NULL)
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("attribute “%s” must be a string, number or boolean, not %s"),
                         key, node_type_name (value));
          ok = FALSE;
          continue;
        }

      gloss_annotation_set_attribute (annotation, key, variant);
    }

  return ok;
}

static GPtrArray *
check_annotations (Checker        *ck,
                   const Value    *root,
                   GlossDocument  *document,
                   GlossLabelSet  *labels,
                   GHashTable     *rejected_labels,
                   GHashTable     *ids)
{
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  GlossTextIndex *index = document != NULL ? gloss_document_get_index (document) : NULL;
  guint length = index != NULL ? gloss_text_index_get_length (index) : 0;
  TextCursor cursor = { 0 };
  const Value *array = get_array (ck, root, "annotations");
  guint n;

  if (array == NULL)
    return g_steal_pointer (&annotations);

  if (index != NULL)
    text_cursor_init (&cursor, index);

  n = array->n;
  ck->ctx_array = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const Value *node = &array->v.members[i].value;
      g_autofree char *where = NULL;
      g_autoptr(GlossAnnotation) annotation = NULL;
      const Value *object;
      const char *id, *label, *quote, *note, *author, *created = NULL, *modified = NULL;
      gint64 start = 0, end = 0;
      gboolean ok = TRUE;
      gboolean offsets_ok;
      guint before = ck->n_problems - ck->n_recoverable;

      if (node->kind != VALUE_OBJECT)
        {
          where = annotation_where (i, NULL);
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("an annotation must be an object, not %s"), node_type_name (node));
          continue;
        }
      object = node;

      /* The place ("annotations[i] (id x)") is only formatted when there
       * is a problem to report: check_problem() builds it from these. */
      ck->ctx_index = i;
      ck->ctx_id = NULL;
      id = get_string (ck, object, "id", FALSE, NULL);
      if (id != NULL)
        {
          ck->ctx_id = id;

          if (*id == '\0')
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, NULL, _("the id is empty"));
              ok = FALSE;
            }
          else if (strlen (id) > MAX_ID_CHARS && g_utf8_strlen (id, -1) > MAX_ID_CHARS)
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, NULL,
                             _("the id is longer than %u characters"), MAX_ID_CHARS);
              ok = FALSE;
            }
          else if (g_hash_table_contains (ids, id))
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, NULL,
                             _("duplicate id “%s” (also used by annotations[%u])"), id,
                             GPOINTER_TO_UINT (g_hash_table_lookup (ids, id)) - 1);
              ok = FALSE;
            }
          else
            g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (i + 1));
        }

      label = get_string (ck, object, "label", FALSE, NULL);
      if (label != NULL && *label == '\0')
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, NULL, _("the label is empty"));
          label = NULL;
        }
      else if (label != NULL && g_hash_table_size (rejected_labels) > 0 &&
               g_hash_table_contains (rejected_labels, label))
        {
          /* Already reported under "labels"; the file fails anyway. */
          label = NULL;
        }
      else if (label != NULL && gloss_label_set_lookup (labels, label) == NULL)
        {
          g_autofree char *key = gloss_label_set_suggest_key (labels, label);
          g_autoptr(GlossLabel) added = gloss_label_new (label, GLOSS_LABEL_KIND_HIGHLIGHT,
                                                         RECOVERED_COLOR, key);

          check_problem (ck, GLOSS_ERROR_RECOVERABLE, TRUE, NULL,
                         _("label “%s” is not among the labels; it will be added"), label);
          if (!gloss_label_set_append (labels, added, NULL))
            label = NULL;
        }

      offsets_ok = get_int (ck, object, "start", NULL, &start);
      offsets_ok = get_int (ck, object, "end", NULL, &end) && offsets_ok;
      if (offsets_ok)
        {
          if (start < 0)
            {
              check_problem (ck, GLOSS_ERROR_OUT_OF_RANGE, FALSE, NULL,
                             _("start %lld is negative"), (long long) start);
              offsets_ok = FALSE;
            }
          if (end < 0)
            {
              check_problem (ck, GLOSS_ERROR_OUT_OF_RANGE, FALSE, NULL,
                             _("end %lld is negative"), (long long) end);
              offsets_ok = FALSE;
            }
          if (offsets_ok && index != NULL && end > length)
            {
              check_problem (ck, GLOSS_ERROR_OUT_OF_RANGE, FALSE, NULL,
                             _("end %lld is past the end of the text (%u characters)"),
                             (long long) end, length);
              offsets_ok = FALSE;
            }
          if (offsets_ok && start >= end)
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, NULL,
                             _("start %lld must be less than end %lld"),
                             (long long) start, (long long) end);
              offsets_ok = FALSE;
            }
        }

      quote = get_string (ck, object, "quote", FALSE, NULL);
      note = get_string (ck, object, "note", TRUE, NULL);
      if (object_get (object, "note") != NULL && note == NULL)
        ok = FALSE;
      author = get_string (ck, object, "author", FALSE, NULL);
      check_timestamp (ck, object, "created", NULL, &created);
      check_timestamp (ck, object, "modified", NULL, &modified);

      if (index == NULL || id == NULL || label == NULL || !offsets_ok || quote == NULL ||
          author == NULL || created == NULL || modified == NULL)
        ok = FALSE;

      /* Not gloss_annotation_new(): no random id and clock reading that
       * would be overwritten anyway. */
      annotation = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);
      gloss_annotation_set_label (annotation, label);
      if (ok)
        gloss_annotation_set_span (annotation, (guint) start, (guint) end);
      if (!check_attributes (ck, object, NULL, annotation))
        ok = FALSE;

      if (!ok || ck->n_problems - ck->n_recoverable != before)
        continue;

      if (!text_cursor_matches (&cursor, (guint) start, (guint) end, quote))
        {
          g_autofree char *slice = gloss_text_index_slice (index, (guint) start, (guint) end);
          g_autofree char *short_quote = quote_excerpt (quote);
          g_autofree char *short_slice = quote_excerpt (slice);

          check_problem (ck, GLOSS_ERROR_RECOVERABLE, TRUE, NULL,
                         _("quote “%s” does not match the text at [%lld, %lld) “%s”; the text wins"),
                         short_quote, (long long) start, (long long) end, short_slice);
          gloss_annotation_set_quote (annotation, slice);
        }
      else
        gloss_annotation_set_quote (annotation, quote);

      gloss_annotation_set_id (annotation, id);
      gloss_annotation_set_note (annotation, note);
      gloss_annotation_set_author (annotation, author);
      gloss_annotation_set_created (annotation, created);
      gloss_annotation_set_modified (annotation, modified);

      g_ptr_array_add (annotations, g_steal_pointer (&annotation));
    }

  ck->ctx_array = FALSE;

  return g_steal_pointer (&annotations);
}

/* The "review" member goes to gloss_review_log_from_json() as json-glib
 * would have built it. */
static JsonNode *
value_to_json_node (const Value *value)
{
  JsonNode *node;

  switch (value->kind)
    {
    case VALUE_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < value->n; i++)
          json_object_set_member (object, value->v.members[i].key,
                                  value_to_json_node (&value->v.members[i].value));
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
      }
      break;

    case VALUE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->n);

        for (guint i = 0; i < value->n; i++)
          json_array_add_element (array, value_to_json_node (&value->v.members[i].value));
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
      }
      break;

    case VALUE_STRING:
      node = json_node_init_string (json_node_alloc (), value->v.string);
      break;

    case VALUE_INT:
      node = json_node_init_int (json_node_alloc (), value->v.integer);
      break;

    case VALUE_DOUBLE:
      node = json_node_init_double (json_node_alloc (), value->v.number);
      break;

    case VALUE_BOOLEAN:
      node = json_node_init_boolean (json_node_alloc (), value->v.boolean);
      break;

    case VALUE_NULL:
    default:
      node = json_node_init_null (json_node_alloc ());
      break;
    }

  return node;
}

/* The optional top-level "review" object: the decision log (issue 5) */
static GPtrArray *
check_review (Checker     *ck,
              const Value *root)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const Value *review = object_get (root, "review");
  GPtrArray *log;

  if (review == NULL)
    return NULL;

  node = value_to_json_node (review);
  log = gloss_review_log_from_json (node, &local_error);
  if (log == NULL)
    check_problem (ck, GLOSS_ERROR_INVALID, FALSE, "review", "%s", local_error->message);

  return log;
}

static GPtrArray *
check_relations (Checker     *ck,
                 const Value *root,
                 GHashTable  *annotation_ids)
{
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const Value *array = get_array (ck, root, "relations");
  guint n;

  if (array == NULL)
    return g_steal_pointer (&relations);

  n = array->n;
  for (guint i = 0; i < n; i++)
    {
      const Value *node = &array->v.members[i].value;
      g_autofree char *where = g_strdup_printf ("relations[%u]", i);
      g_autoptr(GlossRelation) relation = NULL;
      const Value *object;
      const char *id, *type, *from, *to, *note;
      gboolean ok = TRUE;

      if (node->kind != VALUE_OBJECT)
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("a relation must be an object, not %s"), node_type_name (node));
          continue;
        }
      object = node;

      id = get_string (ck, object, "id", FALSE, where);
      if (id != NULL)
        {
          g_free (where);
          where = item_where ("relations", i, id);
          if (*id == '\0')
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, _("the id is empty"));
              ok = FALSE;
            }
          else if (g_utf8_strlen (id, -1) > MAX_ID_CHARS)
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                             _("the id is longer than %u characters"), MAX_ID_CHARS);
              ok = FALSE;
            }
          else if (!g_hash_table_add (ids, (gpointer) id))
            {
              check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                             _("duplicate relation id “%s”"), id);
              ok = FALSE;
            }
        }
      else
        ok = FALSE;

      type = get_string (ck, object, "type", FALSE, where);
      if (type != NULL && *type == '\0')
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where, _("the type is empty"));
          ok = FALSE;
        }

      from = get_string (ck, object, "from", FALSE, where);
      to = get_string (ck, object, "to", FALSE, where);
      if (from != NULL && !g_hash_table_contains (annotation_ids, from))
        {
          check_problem (ck, GLOSS_ERROR_NOT_FOUND, FALSE, where,
                         _("“from” refers to a missing annotation “%s”"), from);
          ok = FALSE;
        }
      if (to != NULL && !g_hash_table_contains (annotation_ids, to))
        {
          check_problem (ck, GLOSS_ERROR_NOT_FOUND, FALSE, where,
                         _("“to” refers to a missing annotation “%s”"), to);
          ok = FALSE;
        }
      if (from != NULL && to != NULL && g_str_equal (from, to))
        {
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("a relation cannot link annotation “%s” to itself"), from);
          ok = FALSE;
        }

      note = get_string (ck, object, "note", TRUE, where);
      if (object_get (object, "note") != NULL && note == NULL)
        ok = FALSE;

      if (!ok || type == NULL || from == NULL || to == NULL)
        continue;

      relation = gloss_relation_new (type, from, to);
      gloss_relation_set_id (relation, id);
      gloss_relation_set_note (relation, note);
      g_ptr_array_add (relations, g_steal_pointer (&relation));
    }

  return g_steal_pointer (&relations);
}

static GlossDocument *
check_document (Checker     *ck,
                const Value *root)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autofree const Member **order = NULL;
  const Value *node = object_get (root, "document");
  const Value *object;
  const char *text;
  const char *sha256;
  gint64 length;
  gboolean ok = TRUE;

  if (node == NULL)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, "document", _("“document” is missing"));
      return NULL;
    }
  if (node->kind != VALUE_OBJECT)
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, "document",
                     _("“document” must be an object, not %s"), node_type_name (node));
      return NULL;
    }
  object = node;

  text = get_string (ck, object, "text", FALSE, "document");
  sha256 = get_string (ck, object, "sha256", FALSE, "document");
  ok = get_int (ck, object, "length", "document", &length);
  if (text == NULL)
    return NULL;

  document = gloss_document_new (text, -1);

  if (sha256 != NULL && !g_str_equal (sha256, gloss_document_get_sha256 (document)))
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, "document.sha256",
                     _("the SHA-256 checksum does not match the text (the text was changed or damaged)"));
      ok = FALSE;
    }
  if (ok && length != gloss_document_get_length (document))
    {
      check_problem (ck, GLOSS_ERROR_INVALID, FALSE, "document.length",
                     _("the length %lld does not match the text (%u characters)"),
                     (long long) length, gloss_document_get_length (document));
      ok = FALSE;
    }

  for (guint i = 0; i < object->n && order == NULL; i++)
    {
      const Member *m = &object->v.members[i];

      if (!is_reserved_document_key (m->key) && !node_is_string (&m->value))
        order = members_in_json_glib_order (object);
    }

  for (guint i = 0; i < object->n; i++)
    {
      const Member *m = order != NULL ? order[i] : &object->v.members[i];
      const char *key = m->key;
      const Value *value = &m->value;
      g_autofree char *where = NULL;

      if (is_reserved_document_key (key))
        continue;

      if (!node_is_string (value))
        {
          where = g_strdup_printf ("document.%s", key);
          check_problem (ck, GLOSS_ERROR_INVALID, FALSE, where,
                         _("metadata “%s” must be a string, not %s"), key, node_type_name (value));
          ok = FALSE;
          continue;
        }

      gloss_document_set_metadata (document, key, value->v.string);
    }

  if (sha256 == NULL)
    ok = FALSE;

  return ok ? g_steal_pointer (&document) : NULL;
}

static gboolean
check_header (Checker     *ck,
              const Value *root,
              GError     **error)
{
  const Value *format = object_get (root, "format");
  const Value *version = object_get (root, "version");
  const Value *generator = object_get (root, "generator");
  gint64 v;

  if (format == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("This is not a Gloss file (“format” is missing)"));
      return FALSE;
    }
  if (!node_is_string (format) || !g_str_equal (format->v.string, "gloss"))
    {
      g_autofree char *shown = node_is_string (format) ? gloss_text_ellipsize (format->v.string, 40)
                                                       : g_strdup (node_type_name (format));

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("This is not a Gloss file (“format” is “%s”, expected “gloss”)"), shown);
      return FALSE;
    }

  if (version == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("version: “version” is missing"));
      return FALSE;
    }
  if (!node_is_int (version))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("version: “version” must be an integer, not %s"), node_type_name (version));
      return FALSE;
    }
  v = version->v.integer;
  if (v > GLOSS_FORMAT_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED_VERSION,
                   _("This file uses format version %lld, written by a newer Gloss; this Gloss reads version %d. Please update Gloss."),
                   (long long) v, GLOSS_FORMAT_VERSION);
      return FALSE;
    }
  if (v < 1)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("version: %lld is not a valid format version"), (long long) v);
      return FALSE;
    }

  if (generator != NULL && !node_is_string (generator))
    check_problem (ck, GLOSS_ERROR_INVALID, FALSE, "generator",
                   _("“generator” must be a string, not %s"), node_type_name (generator));

  return TRUE;
}

static void
set_problems_error (Checker  *ck,
                    gboolean  recoverable_only,
                    GError  **error)
{
  GlossProblem *first = NULL;
  g_autofree char *text = NULL;
  guint more;

  for (guint i = 0; i < ck->problems->len && first == NULL; i++)
    {
      GlossProblem *p = g_ptr_array_index (ck->problems, i);

      if (p->recoverable == recoverable_only)
        first = p;
    }
  g_assert (first != NULL);

  text = gloss_problem_to_string (first);
  more = ck->n_problems - 1;
  if (more == 0)
    g_set_error_literal (error, GLOSS_ERROR, recoverable_only ? GLOSS_ERROR_RECOVERABLE : first->code, text);
  else
    g_set_error (error, GLOSS_ERROR, recoverable_only ? GLOSS_ERROR_RECOVERABLE : first->code,
                 g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)", "%s (and %u more problems)", more),
                 text, more);
}

static void
add_error_problem (GPtrArray    *problems,
                   const GError *error)
{
  if (problems != NULL && error != NULL && error->domain == GLOSS_ERROR)
    g_ptr_array_add (problems, problem_new (error->code, FALSE, "", error->message));
}

/* g_utf8_validate_len(), with the ASCII that makes up most of a file
 * skipped eight bytes at a time. A valid multibyte character contains no
 * ASCII byte, so each run of non-ASCII bytes is validated on its own and
 * the first invalid character found is the one the whole would give. */
static gboolean
utf8_validate (const char  *data,
               gsize        len,
               const char **invalid)
{
  const char *p = data;
  const char *end = data + len;

  while (p < end)
    {
      const char *run;

      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      while (p < end && (guchar) *p < 0x80)
        p++;
      if (p == end)
        break;

      run = p;
      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, invalid))
        return FALSE;
    }

  return TRUE;
}

/**
 * gloss_format_read:
 * @problems: (out) (optional) (element-type GlossProblem): every problem
 *   found, also on success (the recoverable ones that were accepted)
 *
 * Reads a .gloss.json file strictly. Fails with GLOSS_ERROR_TOO_LARGE,
 * _EMPTY, _BINARY, _INVALID_UTF8, _TOO_DEEP, _PARSE, _OUT_OF_RANGE,
 * _UNSUPPORTED (not a Gloss file), _UNSUPPORTED_VERSION, _INVALID or
 * _NOT_FOUND (the first problem's code) and, when only recoverable
 * problems were found and GLOSS_LOAD_ACCEPT_RECOVERABLE was not given,
 * GLOSS_ERROR_RECOVERABLE.
 *
 * Returns: (transfer full): the document, with no undo history
 */
GlossDocument *
gloss_format_read (GBytes          *bytes,
                   GlossLoadFlags   flags,
                   GPtrArray      **problems,
                   GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_problem_free);
  Tree tree = { 0 };
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) review_log = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) rejected_labels = NULL;
  g_autoptr(GError) local_error = NULL;
  Checker ck = { 0 };
  const char *data;
  const char *invalid = NULL;
  const Value *root;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  data = g_bytes_get_data (bytes, &len);

  if (len > GLOSS_FORMAT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (len, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (GLOSS_FORMAT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      if (g_str_equal (size, limit))
        {
          g_free (size);
          g_free (limit);
          size = g_format_size_full (len, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
          limit = g_format_size_full (GLOSS_FORMAT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
        }

      g_set_error (&local_error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The file is too large (%s; the limit is %s)"), size, limit);
      goto fail;
    }

  if (len == 0)
    {
      g_set_error (&local_error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, _("The file is empty"));
      goto fail;
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (&local_error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                   _("This is a binary file, not a Gloss file (it contains NUL bytes)"));
      goto fail;
    }

  if (!utf8_validate (data, len, &invalid))
    {
      gsize pos = invalid - data;
      guint line = 1;
      gsize line_start = 0;

      for (gsize i = 0; i < pos; i++)
        if (data[i] == '\n')
          {
            line++;
            line_start = i + 1;
          }

      g_set_error (&local_error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8,
                   _("%u:%u: the file is not valid UTF-8 (byte 0x%02x at offset %zu)"),
                   line, 1 + (guint) g_utf8_strlen (data + line_start, pos - line_start),
                   (guchar) *invalid, pos);
      goto fail;
    }

  if (!tree_parse (&tree, data, len, GLOSS_FORMAT_MAX_DEPTH, &local_error))
    goto fail;
  root = &tree.root;

  ck.problems = list;
  ck.flags = flags;

  if (!check_header (&ck, root, &local_error))
    goto fail;

  document = check_document (&ck, root);
  check_headings (&ck, root, document);
  rejected_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  labels = check_labels (&ck, root, rejected_labels);
  check_relation_types (&ck, root, labels);
  ids = g_hash_table_new (g_str_hash, g_str_equal); /* ids point into the tree */
  annotations = check_annotations (&ck, root, document, labels, rejected_labels, ids);
  relations = check_relations (&ck, root, ids);
  review_log = check_review (&ck, root);

  /* The model is built: the tree is no longer needed. */
  g_clear_pointer (&ids, g_hash_table_unref);
  tree_clear (&tree);

  if (ck.n_problems > ck.n_recoverable || document == NULL)
    {
      if (ck.n_problems > ck.n_recoverable)
        set_problems_error (&ck, FALSE, error);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The document is invalid"));
      if (problems != NULL)
        *problems = g_steal_pointer (&list);
      return NULL;
    }

  if (ck.n_recoverable > 0 && !(flags & GLOSS_LOAD_ACCEPT_RECOVERABLE))
    {
      set_problems_error (&ck, TRUE, error);
      if (problems != NULL)
        *problems = g_steal_pointer (&list);
      return NULL;
    }

  gloss_document_set_labels (document, labels);
  gloss_document_load_content (document, annotations, relations);
  gloss_review_log_set (document, review_log);
  gloss_document_set_saved (document);

  if (problems != NULL)
    *problems = g_steal_pointer (&list);

  return g_steal_pointer (&document);

fail:
  tree_clear (&tree);
  add_error_problem (list, local_error);
  if (problems != NULL)
    *problems = g_steal_pointer (&list);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

/**
 * gloss_format_sniff:
 *
 * Returns: %TRUE if @bytes looks like a Gloss file (a JSON object whose
 *   "format" is "gloss" near the start); cheap, does not validate
 */
gboolean
gloss_format_sniff (GBytes *bytes)
{
  const char *data;
  const char *end;
  const char *p;
  gsize len;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    return FALSE;
  end = data + MIN (len, 4096);

  p = data;
  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end || *p != '{')
    return FALSE;

  for (; p + 8 <= end; p++)
    {
      if (memcmp (p, "\"format\"", 8) != 0)
        continue;

      p += 8;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != ':')
        return FALSE;
      p++;
      while (p < end && g_ascii_isspace (*p))
        p++;

      return end - p >= 7 && memcmp (p, "\"gloss\"", 7) == 0;
    }

  return FALSE;
}

/* Files -------------------------------------------------------------------- */

/**
 * gloss_format_read_file:
 * @etag: (out) (optional): the etag to pass to gloss_file_replace()
 *
 * Reads @file (at most GLOSS_FORMAT_MAX_BYTES) and parses it.
 */
GlossDocument *
gloss_format_read_file (GFile           *file,
                        GlossLoadFlags   flags,
                        GPtrArray      **problems,
                        char           **etag,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *tag = NULL;
  GlossDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems != NULL)
    *problems = NULL;
  if (etag != NULL)
    *etag = NULL;

  bytes = gloss_file_load (file, GLOSS_FORMAT_MAX_BYTES, &tag, cancellable, error);
  if (bytes == NULL)
    return NULL;

  document = gloss_format_read (bytes, flags, problems, error);
  if (document != NULL && etag != NULL)
    *etag = g_steal_pointer (&tag);

  return document;
}

typedef struct
{
  GlossLoadFlags  flags;
  GPtrArray      *problems;
  char           *etag;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data->etag);
  g_free (data);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  GlossDocument *document;

  document = gloss_format_read_file (G_FILE (source_object), data->flags, &data->problems,
                                     &data->etag, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
gloss_format_read_file_async (GFile               *file,
                              GlossLoadFlags       flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ReadData, 1);
  data->flags = flags;

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_format_read_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_file_thread);
}

/**
 * gloss_format_read_file_finish:
 * @problems: (out) (optional) (element-type GlossProblem): also set on failure
 */
GlossDocument *
gloss_format_read_file_finish (GAsyncResult  *result,
                               GPtrArray    **problems,
                               char         **etag,
                               GError       **error)
{
  ReadData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_format_read_file_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = g_steal_pointer (&data->problems);
  if (etag != NULL)
    *etag = g_steal_pointer (&data->etag);

  return g_task_propagate_pointer (G_TASK (result), error);
}
