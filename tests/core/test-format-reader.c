/* test-format-reader.c: the fast paths of the native format's reader and
 * writer give the answers of the plain ones
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-format.h"

#define TEXT "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure."

/* A small valid file whose annotation a1 has the note, created time and
 * attributes written as the placeholders NOTE, CREATED and ATTRS. */
static char *
template_file (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (TEXT, -1);
  g_autoptr(GlossAnnotation) a = gloss_annotation_new ("ORG", 0, 9);
  g_autoptr(GlossAnnotation) b = gloss_annotation_new ("PERSON", 39, 49);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  GString *s;
  char *at;

  gloss_annotation_set_id (a, "a1");
  gloss_annotation_set_author (a, "ana");
  gloss_annotation_set_note (a, "@NOTE@");
  gloss_annotation_set_created (a, "@CREATED@");
  gloss_annotation_set_modified (a, "2026-01-02T03:04:05Z");
  gloss_annotation_set_quote (a, "Acme Corp");
  gloss_annotation_set_id (b, "b1");
  gloss_annotation_set_author (b, "ana");
  gloss_annotation_set_created (b, "2026-01-02T03:04:05Z");
  gloss_annotation_set_modified (b, "2026-01-02T03:04:05Z");
  g_ptr_array_add (annotations, a);
  g_ptr_array_add (annotations, b);
  gloss_document_load_content (doc, annotations, NULL);

  bytes = gloss_format_write (doc);
  s = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  at = strstr (s->str, "\"author\": \"ana\", \"created\": \"@CREATED@\"");
  g_assert_nonnull (at);
  g_string_insert (s, at - s->str, "\"attributes\": @ATTRS@, ");

  return g_string_free (s, FALSE);
}

/* @template with each "@NAME@" placeholder (quotes included for NOTE and
 * CREATED, which are strings) replaced by the JSON text given. */
static GBytes *
fill (const char *template,
      const char *note_json,
      const char *created_json,
      const char *attrs_json)
{
  GString *s = g_string_new (template);

  g_assert_cmpuint (g_string_replace (s, "\"@NOTE@\"", note_json, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (s, "\"@CREATED@\"", created_json, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (s, "@ATTRS@", attrs_json, 1), ==, 1);

  return g_string_free_to_bytes (s);
}

static GlossAnnotation *
lookup (GlossDocument *doc,
        const char    *id)
{
  return gloss_annotation_store_lookup (gloss_document_get_annotations (doc), id);
}

/* Strings are scanned eight bytes at a time and decoded in place: every
 * escape at every position of strings of every length up to 40 decodes. */
static void
test_string_positions (void)
{
  static const struct { const char *json; const char *decoded; } escapes[] = {
    { "\\n", "\n" }, { "\\\"", "\"" }, { "\\\\", "\\" }, { "\\/", "/" }, { "\\t", "\t" },
    { "\\u00e9", "\xc3\xa9" }, { "\\ud83d\\ude80", "\xf0\x9f\x9a\x80" }, { "\xc3\xa9", "\xc3\xa9" },
    { "\\u007f", "\x7f" }, { "\\u0001", "\x01" },
  };
  g_autofree char *template = template_file ();

  for (guint len = 0; len <= 40; len++)
    for (guint pos = 0; pos <= len; pos++)
      for (guint e = 0; e < G_N_ELEMENTS (escapes); e++)
        {
          g_autoptr(GString) json = g_string_new ("\"");
          g_autoptr(GString) expected = g_string_new (NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GBytes) again = NULL;
          g_autoptr(GlossDocument) doc = NULL;
          g_autoptr(GlossDocument) back = NULL;
          g_autoptr(GError) error = NULL;

          for (guint i = 0; i < len; i++)
            {
              if (i == pos)
                {
                  g_string_append (json, escapes[e].json);
                  g_string_append (expected, escapes[e].decoded);
                }
              g_string_append_c (json, (char) ('a' + i % 26));
              g_string_append_c (expected, (char) ('a' + i % 26));
            }
          if (pos == len)
            {
              g_string_append (json, escapes[e].json);
              g_string_append (expected, escapes[e].decoded);
            }
          g_string_append_c (json, '"');

          bytes = fill (template, json->str, "\"2026-01-02T03:04:05Z\"", "{}");
          doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (gloss_annotation_get_note (lookup (doc, "a1")), ==, expected->str);

          /* and the writer's escaper gives it back */
          again = gloss_format_write (doc);
          back = gloss_format_read (again, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (gloss_annotation_get_note (lookup (back, "a1")), ==, expected->str);
        }
}

/* A raw control character ends a run at any position and is reported
 * where it is. */
static void
test_control_positions (void)
{
  g_autofree char *template = template_file ();

  for (guint len = 1; len <= 24; len++)
    for (guint pos = 0; pos < len; pos++)
      {
        g_autoptr(GString) json = g_string_new ("\"");
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GlossDocument) doc = NULL;
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < len; i++)
          g_string_append_c (json, i == pos ? '\x1f' : 'x');
        g_string_append_c (json, '"');

        bytes = fill (template, json->str, "\"2026-01-02T03:04:05Z\"", "{}");
        doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
        g_assert_null (doc);
        g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
        g_assert_nonnull (strstr (error->message, "control character U+001F must be escaped in a string"));
      }
}

/* Keys are compared one by one up to 16 per object, then hashed: a
 * duplicate is found either way. */
static void
test_many_keys (void)
{
  g_autofree char *template = template_file ();

  for (guint n = 1; n <= 40; n++)
    for (int dup = -1; dup < (int) n; dup++)
      {
        g_autoptr(GString) attrs = g_string_new ("{");
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GlossDocument) doc = NULL;
        g_autoptr(GError) error = NULL;

        for (guint k = 0; k < n; k++)
          g_string_append_printf (attrs, "%s\"k%u\": %u", k > 0 ? ", " : "", k, k);
        if (dup >= 0)
          g_string_append_printf (attrs, ", \"k%d\": 0", dup);
        g_string_append_c (attrs, '}');

        bytes = fill (template, "\"n\"", "\"2026-01-02T03:04:05Z\"", attrs->str);
        doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
        if (dup < 0)
          {
            g_autofree char *last = g_strdup_printf ("k%u", n - 1);

            g_assert_no_error (error);
            g_assert_cmpint (g_variant_get_int64 (gloss_annotation_get_attribute (lookup (doc, "a1"), last)), ==, n - 1);
          }
        else
          {
            g_autofree char *message = g_strdup_printf ("duplicate key “k%d” in an object", dup);

            g_assert_null (doc);
            g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
            g_assert_nonnull (strstr (error->message, message));
          }
      }
}

/* The form Gloss writes is recognised without GDateTime; every answer
 * must be gloss_timestamp_is_valid()'s. */
static void
test_timestamps (void)
{
  static const char *stamps[] = {
    "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.5Z", "2026-01-02T03:04:05.123456789Z",
    "2026-01-02T03:04:05.1234567890Z", "2026-01-02T03:04:05.Z", "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z", "2000-02-29T12:00:00Z", "1900-02-29T12:00:00Z", "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-01-31T12:00:60Z",
    "2026-01-31T12:00:61Z", "2026-01-31T12:60:00Z", "2026-01-31T24:00:00Z", "2026-04-31T00:00:00Z",
    "2026-04-30T00:00:00Z", "2026-00-10T00:00:00Z", "2026-13-10T00:00:00Z", "2026-12-00T00:00:00Z",
    "2026-1-31T12:00:00Z", "2026-01-31t12:00:00Z", "2026-01-31T12:00:00+00:00", "2026-01-31 12:00:00Z",
    "2026-01-31T12:00:00", "2026-01-31T12:00Z", "2026-01-31T12:00:00ZZ", "20260131T120000Z",
    "2026-01-31T12:00:00,5Z", "+2026-01-31T12:00:00Z", "2026-01-31T12:00:00.5z", "",
    "2026-01-31T12:00:0\xc3\xa9Z", "2026-01-31T12:00:00.\xd9\xa1Z",
  };
  g_autofree char *template = template_file ();

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      g_autofree char *json = g_strdup_printf ("\"%s\"", stamps[i]);
      g_autoptr(GBytes) bytes = fill (template, "\"n\"", json, "{}");
      g_autoptr(GlossDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", stamps[i]);
      doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
      if (gloss_timestamp_is_valid (stamps[i]))
        {
          g_assert_no_error (error);
          g_assert_cmpstr (gloss_annotation_get_created (lookup (doc, "a1")), ==, stamps[i]);
        }
      else
        {
          g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "is not an ISO 8601 UTC time"));
        }
    }
}

/* Problems within one object come in the order json-glib 1.6 visits its
 * members (as when json-glib parsed the files). */
static void
test_problem_order (void)
{
  static const char *values[] = { "null", "[1]", "{}", "2", "\"s\"" };
  g_autofree char *template = template_file ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) attrs = g_string_new ("{");
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GlossDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      guint n = g_rand_int_range (rand, 2, 12);
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      for (guint k = 0; k < n; k++)
        g_string_append_printf (attrs, "%s\"%c%u\": %s", k > 0 ? ", " : "",
                                'a' + g_rand_int_range (rand, 0, 26), k,
                                values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))]);
      g_string_append_c (attrs, '}');

      /* what json-glib's order gives */
      g_assert_true (json_parser_load_from_data (parser, attrs->str, -1, NULL));
      json_object_iter_init (&iter, json_node_get_object (json_parser_get_root (parser)));
      while (json_object_iter_next (&iter, &key, &value))
        if (!JSON_NODE_HOLDS_VALUE (value))
          g_ptr_array_add (expected, g_strdup_printf ("attribute “%s” must be", key));

      bytes = fill (template, "\"n\"", "\"2026-01-02T03:04:05Z\"", attrs->str);
      doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
      if (expected->len == 0)
        {
          g_assert_no_error (error);
          continue;
        }

      g_assert_null (doc);
      g_assert_cmpuint (problems->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          GlossProblem *p = g_ptr_array_index (problems, i);

          g_assert_nonnull (strstr (p->message, g_ptr_array_index (expected, i)));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/format-reader/string-positions", test_string_positions);
  g_test_add_func ("/gloss/format-reader/control-positions", test_control_positions);
  g_test_add_func ("/gloss/format-reader/many-keys", test_many_keys);
  g_test_add_func ("/gloss/format-reader/timestamps", test_timestamps);
  g_test_add_func ("/gloss/format-reader/problem-order", test_problem_order);

  return g_test_run ();
}
