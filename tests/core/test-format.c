/* test-format.c: the native .gloss.json format
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gloss-error.h"
#include "gloss-format.h"

#include "format-samples.h"

static GlossDocument *
read_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GlossDocument *doc;

  doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);

  return doc;
}

static void
assert_round_trip (GlossDocument *doc)
{
  g_autoptr(GBytes) first = gloss_format_write (doc);
  g_autoptr(GlossDocument) again = read_ok (first);
  g_autoptr(GBytes) second = gloss_format_write (again);

  if (!g_bytes_equal (first, second))
    {
      g_test_message ("first:\n%.*s", (int) g_bytes_get_size (first),
                      (const char *) g_bytes_get_data (first, NULL));
      g_test_message ("second:\n%.*s", (int) g_bytes_get_size (second),
                      (const char *) g_bytes_get_data (second, NULL));
    }
  g_assert_true (g_bytes_equal (first, second));
  g_assert_false (gloss_document_get_modified (again));
  g_assert_true (gloss_format_sniff (first));
}

static void
test_round_trip_rocket (void)
{
  g_autoptr(GlossDocument) doc = sample_rocket_document ();
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autoptr(GlossDocument) back = read_ok (bytes);
  g_autoptr(GlossAnnotation) rocket = NULL;
  GVariant *v;
  GlossAnnotationStore *store;
  GlossAnnotation *a2;
  GlossLabel *label;
  const char *json = g_bytes_get_data (bytes, NULL);

  assert_round_trip (doc);

  /* Layout: stable key order, one annotation per line, offsets as ints. */
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"generator\": \"Gloss " PACKAGE_VERSION "\",\n  \"document\": {\n    \"text\": \"Acme Corp said sales rose 12% in 2023.\\nJane Doe \xf0\x9f\x9a\x80 disputed the figure.\",\n    \"sha256\": \""));
  g_assert_nonnull (strstr (json, "\"length\": 70,\n    \"byline\": \"Jane Doe\",\n    \"language\": \"en\",\n    \"published\": \"2026-01-01\",\n    \"site_name\""));
  g_assert_nonnull (strstr (json, "\n    {\"id\": \"a6\", \"label\": \"ORG\", \"start\": 48, \"end\": 49, \"quote\": \"\xf0\x9f\x9a\x80\", \"author\": \"ana\", \"created\": \"2026-01-02T03:04:05Z\", \"modified\": \"2026-01-02T03:04:05.250Z\"}"));
  g_assert_nonnull (strstr (json, "\"title\": \"Sales \\\"up\\\"\\tagain\"\n  },"));
  g_assert_nonnull (strstr (json, "\"note\": \"check the \\\"annual\\\" report\\nline two \\\\ \\u0001 end\""));
  g_assert_nonnull (strstr (json, "\"attributes\": {\"checked\": true, \"claimant\": \"Acme \xf0\x9f\x9a\x80 \xe2\x80\xa8\", \"confidence\": 0.1, \"max\": 9007199254740992, \"retracted\": false, \"sources\": -2, \"tiny\": 1e-300, \"verdict\": \"false\", \"whole\": 3.0}"));
  g_assert_nonnull (strstr (json, "{\"name\": \"Wichtig \\\"!\\\"\", \"kind\": \"highlight\", \"color\": \"#33d17a\", \"key\": \"\"}"));
  g_assert_nonnull (strstr (json, "{\"id\": \"r1\", \"type\": \"claimant\", \"from\": \"a2\", \"to\": \"a1\", \"note\": \"said by\"},\n    {\"id\": \"r2\", \"type\": \"evidence\", \"from\": \"a7\", \"to\": \"a6\"}\n  ]\n}\n"));

  /* The model read back. */
  g_assert_cmpstr (gloss_document_get_text (back), ==, SAMPLE_ROCKET_TEXT);
  g_assert_cmpuint (gloss_document_get_length (back), ==, 70);
  g_assert_cmpstr (gloss_document_get_title (back), ==, "Sales \"up\"\tagain");
  g_assert_cmpstr (gloss_document_get_metadata (back, "site_name"), ==, "Example \xe2\x80\x94 News");
  g_assert_cmpuint (gloss_label_set_get_n_labels (gloss_document_get_labels (back)), ==, 4);
  label = gloss_label_set_lookup (gloss_document_get_labels (back), "CLAIM");
  g_assert_nonnull (label);
  g_assert_cmpint (gloss_label_get_kind (label), ==, GLOSS_LABEL_KIND_CLAIM);
  g_assert_cmpstr (gloss_label_get_key (label), ==, "c");

  store = gloss_document_get_annotations (back);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 8);
  rocket = g_list_model_get_item (G_LIST_MODEL (store), 7);
  g_assert_cmpstr (gloss_annotation_get_id (rocket), ==, "a6");
  g_assert_cmpstr (gloss_annotation_get_quote (rocket), ==, "\xf0\x9f\x9a\x80");
  g_assert_cmpuint (gloss_annotation_get_start (rocket), ==, 48);

  a2 = gloss_annotation_store_lookup (store, "a2");
  g_assert_nonnull (a2);
  g_assert_cmpstr (gloss_annotation_get_quote (a2), ==, "sales rose 12% in 2023");
  g_assert_cmpstr (gloss_annotation_get_note (a2), ==, "check the \"annual\" report\nline two \\ \x01 end");
  v = gloss_annotation_get_attribute (a2, "whole");
  g_assert_true (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE));
  g_assert_cmpfloat (g_variant_get_double (v), ==, 3.0);
  v = gloss_annotation_get_attribute (a2, "sources");
  g_assert_true (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64));
  g_assert_cmpint (g_variant_get_int64 (v), ==, -2);
  v = gloss_annotation_get_attribute (a2, "tiny");
  g_assert_cmpfloat (g_variant_get_double (v), ==, 1e-300);
  v = gloss_annotation_get_attribute (a2, "checked");
  g_assert_true (g_variant_get_boolean (v));

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (back)), ==, 2);
  g_assert_cmpstr (gloss_relation_get_note (gloss_document_lookup_relation (back, "r1")), ==, "said by");
  g_assert_null (gloss_relation_get_note (gloss_document_lookup_relation (back, "r2")));
  g_assert_false (gloss_history_get_can_undo (gloss_document_get_history (back)));
}

static void
test_round_trip_combining (void)
{
  g_autoptr(GlossDocument) doc = sample_combining_document ();
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autoptr(GlossDocument) back = read_ok (bytes);
  GlossAnnotation *a;

  assert_round_trip (doc);

  a = gloss_annotation_store_lookup (gloss_document_get_annotations (back), "c1");
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Cafe\xcc\x81");
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (back), "c2");
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "e");
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (back), "c3");
  g_assert_nonnull (strstr (gloss_annotation_get_quote (a), "\n\n"));
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (back), "c4");
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "\xf0\x9f\x91\xa8\xf0\x9f\x8f\xbb\xe2\x80\x8d\xf0\x9f\x9a\x92");
}

static void
test_round_trip_empty (void)
{
  g_autoptr(GlossDocument) doc = sample_empty_document ();
  g_autoptr(GBytes) bytes = gloss_format_write (doc);

  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==,
                   "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"generator\": \"Gloss " PACKAGE_VERSION "\",\n"
                   "  \"document\": {\n    \"text\": \"\",\n"
                   "    \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\n"
                   "    \"length\": 0\n  },\n  \"labels\": [],\n  \"annotations\": [],\n  \"relations\": []\n}\n");
  assert_round_trip (doc);
}

static GBytes *
load_fixture (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format", dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, len);
}

static void
test_good_fixtures (void)
{
  static const char *names[] = {
    "example.gloss.json", "empty-lists.gloss.json", "bom.gloss.json", "extra-keys.gloss.json",
    "escapes.gloss.json", "label-scheme.gloss.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = load_fixture ("good", names[i]);
      g_autoptr(GlossDocument) doc = NULL;

      g_test_message ("%s", names[i]);
      g_assert_true (gloss_format_sniff (bytes));
      doc = read_ok (bytes);
      assert_round_trip (doc);
    }
}

/* Every escape and number form the pre-scan accepts is decoded faithfully
 * by json-glib. */
static void
test_escapes (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("good", "escapes.gloss.json");
  g_autoptr(GlossDocument) doc = read_ok (bytes);
  GlossAnnotation *a = gloss_annotation_store_lookup (gloss_document_get_annotations (doc), "e1");
  GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (doc), "A");
  GVariant *v;

  g_assert_cmpstr (gloss_document_get_text (doc), ==, "Caf\xc3\xa9 \xf0\x9f\x9a\x80 / \" \\ \b\f\n\r\t end");
  g_assert_cmpuint (gloss_document_get_length (doc), ==, 22);
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#aabbcc");
  g_assert_cmpstr (gloss_label_get_key (label), ==, "\xc3\xa9");
  g_assert_nonnull (a);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "\xf0\x9f\x9a\x80");
  g_assert_cmpstr (gloss_annotation_get_author (a), ==, "A");

  v = gloss_annotation_get_attribute (a, "big");
  g_assert_true (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE));
  g_assert_cmpfloat (g_variant_get_double (v), ==, 100.0);
  v = gloss_annotation_get_attribute (a, "neg0");
  g_assert_true (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64));
  g_assert_cmpint (g_variant_get_int64 (v), ==, 0);
  v = gloss_annotation_get_attribute (a, "tiny");
  g_assert_cmpfloat (g_variant_get_double (v), ==, 0.0);
  v = gloss_annotation_get_attribute (a, "frac");
  g_assert_cmpfloat (g_variant_get_double (v), ==, 5.0);
  v = gloss_annotation_get_attribute (a, "int");
  g_assert_cmpint (g_variant_get_int64 (v), ==, -12);
  v = gloss_annotation_get_attribute (a, "max");
  g_assert_cmpint (g_variant_get_int64 (v), ==, -G_GINT64_CONSTANT (9007199254740992));
}

typedef struct
{
  const char *file;
  int         code;
  const char *substring;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "truncated.json", GLOSS_ERROR_PARSE, "truncated" },
  { "not-utf8.json", GLOSS_ERROR_INVALID_UTF8, "not valid UTF-8 (byte 0xff" },
  { "nul-byte.json", GLOSS_ERROR_BINARY, "NUL bytes" },
  { "deep-nesting.json", GLOSS_ERROR_TOO_DEEP, "1:65: nesting is deeper than 64 levels" },
  { "deep-object.json", GLOSS_ERROR_TOO_DEEP, "deeper than 64" },
  { "huge-integer.json", GLOSS_ERROR_OUT_OF_RANGE, "1:32: the integer 99999999999999999999 is outside the safe range" },
  { "huge-negative-integer.json", GLOSS_ERROR_OUT_OF_RANGE, "the integer -99999999999999999999 is outside" },
  { "huge-float.json", GLOSS_ERROR_OUT_OF_RANGE, "the number 1e400 is too large" },
  { "duplicate-key.json", GLOSS_ERROR_PARSE, "3:2: duplicate key “format”" },
  { "nul-escape.json", GLOSS_ERROR_PARSE, "\\u0000 (a NUL character) is not allowed" },
  { "lone-surrogate.json", GLOSS_ERROR_PARSE, "lone high surrogate \\uD83D" },
  { "comment.json", GLOSS_ERROR_PARSE, "2:2: comments are not allowed" },
  { "single-quotes.json", GLOSS_ERROR_PARSE, "single quotes are not allowed" },
  { "hex-number.json", GLOSS_ERROR_PARSE, "hexadecimal numbers are not allowed" },
  { "trailing-comma.json", GLOSS_ERROR_PARSE, "expected a key in double quotes" },
  { "trailing-garbage.json", GLOSS_ERROR_PARSE, "only one value is allowed" },
  { "root-array.json", GLOSS_ERROR_INVALID, "top-level value is an array" },
  { "empty.json", GLOSS_ERROR_EMPTY, "empty" },
  { "whitespace-only.json", GLOSS_ERROR_EMPTY, "empty" },
  { "version-2.json", GLOSS_ERROR_UNSUPPORTED_VERSION, "format version 2, written by a newer Gloss" },
  { "version-string.json", GLOSS_ERROR_INVALID, "“version” must be an integer, not a string" },
  { "wrong-format.json", GLOSS_ERROR_UNSUPPORTED, "not a Gloss file (“format” is “brat”" },
  { "missing-text.json", GLOSS_ERROR_INVALID, "document: “text” is missing" },
  { "text-not-string.json", GLOSS_ERROR_INVALID, "document: “text” must be a string, not an integer" },
  { "sha256-mismatch.json", GLOSS_ERROR_INVALID, "document.sha256: the SHA-256 checksum does not match" },
  { "length-mismatch.json", GLOSS_ERROR_INVALID, "document.length: the length 71 does not match the text (70 characters)" },
  { "missing-annotations.json", GLOSS_ERROR_INVALID, "annotations: “annotations” is missing" },
  { "start-ge-end.json", GLOSS_ERROR_INVALID, "annotations[0] (id a1): start 9 must be less than end 9" },
  { "end-past-text.json", GLOSS_ERROR_OUT_OF_RANGE, "annotations[0] (id a1): end 71 is past the end of the text (70 characters)" },
  { "negative-start.json", GLOSS_ERROR_OUT_OF_RANGE, "annotations[0] (id a1): start -1 is negative" },
  { "float-offset.json", GLOSS_ERROR_INVALID, "annotations[0] (id a1): “start” must be an integer, not a number with a fraction" },
  { "quote-mismatch.json", GLOSS_ERROR_RECOVERABLE, "annotations[0] (id a1): quote “Acme Inc.” does not match the text at [0, 9) “Acme Corp”" },
  { "unknown-label.json", GLOSS_ERROR_RECOVERABLE, "annotations[2] (id a3): label “PLACE” is not among the labels" },
  { "duplicate-ids.json", GLOSS_ERROR_INVALID, "annotations[2] (id a1): duplicate id “a1” (also used by annotations[0])" },
  { "long-id.json", GLOSS_ERROR_INVALID, "the id is longer than 128 characters" },
  { "bad-color.json", GLOSS_ERROR_INVALID, "labels[0] (ORG): invalid color “blue”" },
  { "bad-kind.json", GLOSS_ERROR_INVALID, "labels[0] (ORG): unknown kind “person”" },
  { "duplicate-label-key.json", GLOSS_ERROR_INVALID, "labels[1] (PERSON): duplicate key “o” (already used by label “ORG”)" },
  { "duplicate-label-name.json", GLOSS_ERROR_INVALID, "labels[1] (ORG): duplicate label name “ORG”" },
  { "relation-missing-id.json", GLOSS_ERROR_NOT_FOUND, "relations[0] (id r1): “to” refers to a missing annotation “a9”" },
  { "self-relation.json", GLOSS_ERROR_INVALID, "relations[0] (id r1): a relation cannot link annotation “a2” to itself" },
  { "nested-attribute.json", GLOSS_ERROR_INVALID, "annotations[1] (id a2): attribute “source” must be a string, number or boolean, not an object" },
  { "bad-timestamp.json", GLOSS_ERROR_INVALID, "annotations[0] (id a1): “created” is not an ISO 8601 UTC time" },
  { "many-problems.json", GLOSS_ERROR_OUT_OF_RANGE, "annotations[0] (id a1): start -1 is negative (and 2 more problems)" },
  { "bad-attribute-type.json", GLOSS_ERROR_INVALID, "labels[1] (PERSON).attributes[1]: “age”: unknown type “integer” (expected text, choice, boolean, number, date or url)" },
  { "bad-relation-type-name.json", GLOSS_ERROR_INVALID, "relation_types[1] (has space): “has space” is not a valid relation type name" },
};

static void
test_broken_fixtures (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format", "broken", NULL);
  const char *name;
  guint n_files = 0;
  guint n_failed = 0;

  /* Every file in the corpus is in the table. */
  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
        found |= g_str_equal (broken_cases[i].file, name);
      if (!found)
        g_error ("%s is not in the table", name);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (broken_cases));
  g_assert_cmpuint (n_files, >=, 25);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      const BrokenCase *c = &broken_cases[i];
      g_autoptr(GBytes) bytes = load_fixture ("broken", c->file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GlossDocument) doc = NULL;

      doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
      g_test_message ("%s: %s", c->file, error != NULL ? error->message : "(no error)");
      g_assert_null (doc);
      g_assert_nonnull (error);
      if (error->domain != GLOSS_ERROR || error->code != c->code ||
          strstr (error->message, c->substring) == NULL)
        {
          g_printerr ("%s: got code %d “%s”, expected code %d and “%s”\n",
                      c->file, error->code, error->message, c->code, c->substring);
          n_failed++;
        }
      g_assert_nonnull (problems);
      g_assert_cmpuint (problems->len, >=, 1);
    }
  g_assert_cmpuint (n_failed, ==, 0);
}

static void
test_recoverable (void)
{
  g_autoptr(GBytes) quote = load_fixture ("broken", "quote-mismatch.json");
  g_autoptr(GBytes) label = load_fixture ("broken", "unknown-label.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  GlossProblem *problem;
  GlossLabel *added;
  GlossAnnotation *a;

  doc = gloss_format_read (quote, GLOSS_LOAD_ACCEPT_RECOVERABLE, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = problems->pdata[0];
  g_assert_true (problem->recoverable);
  g_assert_cmpint (problem->code, ==, GLOSS_ERROR_RECOVERABLE);
  g_assert_cmpstr (problem->where, ==, "annotations[0] (id a1)");
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (doc), "a1");
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Acme Corp");
  g_clear_object (&doc);
  g_clear_pointer (&problems, g_ptr_array_unref);

  doc = gloss_format_read (label, GLOSS_LOAD_ACCEPT_RECOVERABLE, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (problems->len, ==, 1);
  added = gloss_label_set_lookup (gloss_document_get_labels (doc), "PLACE");
  g_assert_nonnull (added);
  g_assert_cmpstr (gloss_label_get_color (added), ==, "#9a9996");
  g_assert_true (gloss_label_key_is_valid (gloss_label_get_key (added)));
  g_assert_cmpuint (gloss_label_set_get_n_labels (gloss_document_get_labels (doc)), ==, 4);
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (doc), "a3");
  g_assert_cmpstr (gloss_annotation_get_label (a), ==, "PLACE");
}

/* Headings are written after the document, one per line, only when there
 * are some, and read back. Wrong ones are a recoverable problem: the
 * text opens without them. */
static void
test_headings (void)
{
  static const char text[] = "Storm 🌊 season\n\nThe barrier closed twice.\n\nWhat comes next\n\nMore storms.";
  static const GlossHeading headings[] = { { 0, 14, 2 }, { 43, 58, 3 } };
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GlossDocument) plain = gloss_document_new (text, -1);
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *slice = NULL;
  const GlossHeading *read;
  const char *json;
  guint n;

  g_assert_true (gloss_document_set_headings (doc, headings, G_N_ELEMENTS (headings), &error));
  g_assert_no_error (error);
  slice = gloss_document_slice (doc, 43, 58);
  g_assert_cmpstr (slice, ==, "What comes next");

  bytes = gloss_format_write (doc);
  json = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (json, "\n  },\n  \"headings\": [\n    {\"start\": 0, \"end\": 14, \"level\": 2},\n"
                                  "    {\"start\": 43, \"end\": 58, \"level\": 3}\n  ],\n  \"labels\": ["));
  assert_round_trip (doc);
  back = read_ok (bytes);
  read = gloss_document_get_headings (back, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpmem (read, n * sizeof *read, headings, sizeof headings);

  plain_bytes = gloss_format_write (plain);
  g_assert_null (strstr (g_bytes_get_data (plain_bytes, NULL), "headings"));

  /* Broken headings: out of range, overlapping, a level of 7, not numbers,
   * not an object, not an array. */
  {
    static const char *broken[] = {
      "{\"start\": 43, \"end\": 99, \"level\": 3}",
      "{\"start\": 10, \"end\": 58, \"level\": 3}",
      "{\"start\": 43, \"end\": 58, \"level\": 7}",
      "{\"start\": \"43\", \"end\": 58, \"level\": 3}",
      "[43, 58, 3]",
    };
    const char *good = "{\"start\": 43, \"end\": 58, \"level\": 3}";

    for (guint i = 0; i <= G_N_ELEMENTS (broken); i++)
      {
        g_autoptr(GString) mutated = g_string_new (json);
        g_autoptr(GBytes) mutated_bytes = NULL;
        g_autoptr(GlossDocument) opened = NULL;

        if (i < G_N_ELEMENTS (broken))
          g_string_replace (mutated, good, broken[i], 1);
        else
          g_string_replace (mutated, "\"headings\": [", "\"headings\": {\"x\": [", 1),
          g_string_replace (mutated, "3}\n  ],", "3}\n  ]},", 1);
        mutated_bytes = g_string_free_to_bytes (g_steal_pointer (&mutated));

        g_clear_error (&error);
        g_assert_null (gloss_format_read (mutated_bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error));
        g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_RECOVERABLE);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, "without headings"));
        g_clear_error (&error);

        g_clear_pointer (&problems, g_ptr_array_unref);
        opened = gloss_format_read (mutated_bytes, GLOSS_LOAD_ACCEPT_RECOVERABLE, &problems, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (problems->len, ==, 1);
        gloss_document_get_headings (opened, &n);
        g_assert_cmpuint (n, ==, 0);
        g_assert_cmpstr (gloss_document_get_text (opened), ==, text);
      }
  }
}

static void
test_check_json (void)
{
  static const struct { const char *json; gboolean ok; int code; } cases[] = {
    { "{}", TRUE, 0 },
    { " {\"a\": [1, -0, 0.5, 1E+2, true, false, null, \"\\ud83d\\ude80\\n\\/\"]} ", TRUE, 0 },
    { "{\"a\": 9007199254740992, \"b\": -9007199254740992}", TRUE, 0 },
    { "{\"a\": 9007199254740993}", FALSE, GLOSS_ERROR_OUT_OF_RANGE },
    { "{\"a\": 1e309}", FALSE, GLOSS_ERROR_OUT_OF_RANGE },
    { "{\"a\": 1e-400}", TRUE, 0 },
    { "{\"a\": 01}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": .5}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": 1.}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": NaN}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": True}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": \"\\udc00\"}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": \"\\x41\"}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": \"tab\there\"}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": 1,}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\" 1}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": [1 2]}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"\\u0061\": 1, \"a\": 2}", FALSE, GLOSS_ERROR_PARSE },
    { "{\"a\": {\"a\": 1}, \"b\": {\"a\": 1}}", TRUE, 0 },
    { "{} {}", FALSE, GLOSS_ERROR_PARSE },
    { "\"text\"", FALSE, GLOSS_ERROR_INVALID },
    { "", FALSE, GLOSS_ERROR_EMPTY },
    { "{\"a\": [[[[1]]]]}", FALSE, GLOSS_ERROR_TOO_DEEP }, /* depth 5 > 4 */
    { "{\"a\": [[[1]]]}", TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = gloss_format_check_json (cases[i].json, strlen (cases[i].json), 4, &error);

      g_test_message ("%s → %s", cases[i].json, error ? error->message : "ok");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_error (error, GLOSS_ERROR, cases[i].code);
    }
}

static void
test_too_large_bytes (void)
{
  /* calloc'd through mmap: the pages are never touched. */
  gsize len = GLOSS_FORMAT_MAX_BYTES + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (len), len);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = NULL;

  doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
  g_assert_null (doc);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "(256.0\xc2\xa0MiB (268435457 bytes); the limit is 256.0\xc2\xa0MiB (268435456 bytes))"));
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) good = g_bytes_new_static ("  {\"format\" : \"gloss\"}", 22);
  g_autoptr(GBytes) other = g_bytes_new_static ("{\"format\": \"brat\"}", 18);
  g_autoptr(GBytes) text = g_bytes_new_static ("Hello", 5);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_true (gloss_format_sniff (good));
  g_assert_false (gloss_format_sniff (other));
  g_assert_false (gloss_format_sniff (text));
  g_assert_false (gloss_format_sniff (empty));
}

static void
test_problem_cap (void)
{
  GString *json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GlossDocument) doc = NULL;

  g_string_append (json, "{\"format\": \"gloss\", \"version\": 1, \"document\": {\"text\": \"abc\", "
                         "\"sha256\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\", \"length\": 3}, "
                         "\"labels\": [], \"relations\": [], \"annotations\": [");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s{\"id\": \"x%u\"}", i ? "," : "", i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);

  doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
  g_assert_null (doc);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 200);
  g_assert_nonnull (strstr (error->message, "annotations[0] (id x0): “label” is missing (and 6999 more problems)"));
}

static void
test_many_annotations (void)
{
  const guint n = 100000;
  GString *text = g_string_new (NULL);
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GlossLabelSet) labels = sample_labels ();
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  gint64 t0, t1;
  clock_t c0, c1;

  for (guint i = 0; i < n; i++)
    g_string_append (text, i % 7 == 0 ? "\xf0\x9f\x9a\x80 r\xc3\xa9sum\xc3\xa9 " : "word \xd0\xb4\xd0\xb0 ");
  doc = gloss_document_new (text->str, text->len);
  g_string_free (text, TRUE);
  gloss_document_set_labels (doc, labels);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      g_ptr_array_add (annotations, sample_annotation (id, i % 3 ? "ORG" : "PERSON", i * 5, i * 5 + 4));
    }
  gloss_document_load_content (doc, annotations, NULL);

  t0 = g_get_monotonic_time ();
  bytes = gloss_format_write (doc);
  t1 = g_get_monotonic_time ();
  g_test_message ("write %u annotations (%" G_GSIZE_FORMAT " bytes): %.2f s", n,
                  g_bytes_get_size (bytes), (t1 - t0) / 1e6);

  t0 = g_get_monotonic_time ();
  c0 = clock ();
  back = read_ok (bytes);
  c1 = clock ();
  t1 = g_get_monotonic_time ();
  g_test_message ("read %u annotations: %.2f s (%.2f s CPU)", n, (t1 - t0) / 1e6,
                  (double) (c1 - c0) / CLOCKS_PER_SEC);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (back))), ==, n);
  /* Generous bound on CPU time (not wall time, which a loaded machine
   * stretches): catches accidental quadratic work, which takes minutes. */
  g_assert_cmpfloat ((double) (c1 - c0) / CLOCKS_PER_SEC, <, 20.0);

  again = gloss_format_write (back);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* Mutated copies of good files (flipped bytes, cut ranges, inserted JSON
 * tokens, duplicated chunks, truncation): the reader never crashes, every
 * failure has an error and a problem, and every accepted file writes back
 * identically after a second read. */
static void
test_mutations (void)
{
  static const char *seeds[] = { "example.gloss.json", "escapes.gloss.json", "extra-keys.gloss.json" };
  static const char *tokens[] = {
    "{", "}", "[", "]", "\"", ",", ":", "\\u0000", "\\ud800", "1e999", "-", "0", "0.5",
    "99999999999999999999", "null", "true", "\\", "\n", "\xff", "\xc3", "/*", "'",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint n_loaded = 0;

  for (guint iteration = 0; iteration < 10000; iteration++)
    {
      g_autoptr(GBytes) seed = load_fixture ("good", seeds[iteration % G_N_ELEMENTS (seeds)]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossDocument) doc = NULL;
      GString *s;
      guint n_mutations = g_rand_int_range (rand, 1, 4);

      s = g_string_new_len (g_bytes_get_data (seed, NULL), g_bytes_get_size (seed));
      for (guint m = 0; m < n_mutations && s->len > 2; m++)
        {
          gsize pos = g_rand_int_range (rand, 0, s->len);

          switch (g_rand_int_range (rand, 0, 5))
            {
            case 0:
              s->str[pos] = (char) g_rand_int_range (rand, 1, 256);
              break;
            case 1:
              {
                gsize len = (gsize) g_rand_int_range (rand, 1, 20);

                g_string_erase (s, pos, MIN (len, s->len - pos));
              }
              break;
            case 2:
              g_string_insert (s, pos, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
              break;
            case 3:
              {
                gsize len = (gsize) g_rand_int_range (rand, 1, 200);
                g_autofree char *chunk = g_strndup (s->str + pos, MIN (len, s->len - pos));

                g_string_insert (s, g_rand_int_range (rand, 0, s->len), chunk);
              }
              break;
            default:
              g_string_truncate (s, pos);
              break;
            }
        }
      bytes = g_string_free_to_bytes (s);

      doc = gloss_format_read (bytes, g_rand_boolean (rand) ? GLOSS_LOAD_ACCEPT_RECOVERABLE : 0,
                               &problems, &error);
      g_assert_nonnull (problems);
      if (doc == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == GLOSS_ERROR);
          g_assert_cmpuint (problems->len, >=, 1);
        }
      else
        {
          g_autoptr(GBytes) first = gloss_format_write (doc);
          g_autoptr(GlossDocument) again = read_ok (first);
          g_autoptr(GBytes) second = gloss_format_write (again);

          g_assert_no_error (error);
          g_assert_true (g_bytes_equal (first, second));
          n_loaded++;
        }
    }

  g_test_message ("%u of 10000 mutated files loaded", n_loaded);
}

static void
read_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_read_file (void)
{
  g_autoptr(GlossDocument) doc = sample_rocket_document ();
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autofree char *dir = g_dir_make_tmp ("gloss-format-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.gloss.json", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  back = gloss_format_read_file (file, GLOSS_LOAD_FLAGS_NONE, &problems, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_nonnull (etag);
  g_clear_object (&back);
  g_clear_pointer (&problems, g_ptr_array_unref);

  gloss_format_read_file_async (file, GLOSS_LOAD_FLAGS_NONE, NULL, read_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  back = gloss_format_read_file_finish (result, &problems, &etag2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (etag, ==, etag2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (back))), ==, 8);
  g_clear_object (&result);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A (sparse) 300 MB file is refused before reading it. */
  g_assert_true (g_file_set_contents (big_path, "{", 1, NULL));
  g_assert_cmpint (truncate (big_path, 300 * 1024 * 1024), ==, 0);
  g_clear_object (&back);
  back = gloss_format_read_file (big, GLOSS_LOAD_FLAGS_NONE, &problems, NULL, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  gloss_format_read_file_async (big, GLOSS_LOAD_FLAGS_NONE, NULL, read_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  back = gloss_format_read_file_finish (result, NULL, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);

  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled before it starts. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    gloss_format_read_file_async (file, GLOSS_LOAD_FLAGS_NONE, cancellable, read_async_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    back = gloss_format_read_file_finish (result, NULL, NULL, &error);
    g_assert_null (back);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  g_unlink (big_path);
  g_unlink (path);
  g_rmdir (dir);
}

static gpointer
write_snapshot_thread (gpointer data)
{
  return gloss_format_snapshot_write (data);
}

/* A snapshot writes the document as it was when it was taken, from another
 * thread, while the document goes on changing. */
static void
test_snapshot (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("Ana Ruiz met 🌊 the council in Lisbon.", -1);
  g_autoptr(GlossFormatSnapshot) snapshot = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) after = NULL;
  GlossAnnotation *ana, *council;
  GThread *thread;

  gloss_document_set_title (document, "Before");
  ana = gloss_document_annotate (document, "PERSON", 0, 8, NULL);
  council = gloss_document_annotate (document, "ORG", 17, 24, NULL);
  {
    g_autoptr(GlossRelation) relation = gloss_relation_new ("same-as", gloss_annotation_get_id (ana),
                                                            gloss_annotation_get_id (council));

    g_assert_true (gloss_document_add_relation (document, relation, NULL));
  }
  before = gloss_format_write (document);
  snapshot = gloss_format_snapshot_new (document);

  /* Change everything the file holds. */
  gloss_document_set_title (document, "After");
  g_assert_nonnull (gloss_document_relabel (document, ana, "GPE", NULL));
  g_assert_nonnull (gloss_document_annotate (document, "GPE", 28, 34, NULL));
  gloss_document_remove_annotation (document, council);

  thread = g_thread_new ("write", write_snapshot_thread, snapshot);
  written = g_thread_join (thread);
  after = gloss_format_write (document);

  g_assert_true (g_bytes_equal (written, before));
  g_assert_false (g_bytes_equal (after, before));
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Written in a thread, the document is as it was when the write began;
 * a cancelled write gives nothing. */
static void
test_write_async (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("Ana Ruiz met the council in Lisbon.", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gloss_document_annotate (document, "PERSON", 0, 8, NULL));
  before = gloss_format_write (document);
  gloss_format_write_async (document, NULL, store_result_cb, &result);
  g_assert_nonnull (gloss_document_annotate (document, "GPE", 28, 34, NULL));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  written = gloss_format_write_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, before));

  g_clear_object (&result);
  g_cancellable_cancel (cancellable);
  gloss_format_write_async (document, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (gloss_format_write_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/format/round-trip/rocket", test_round_trip_rocket);
  g_test_add_func ("/gloss/format/write-async", test_write_async);
  g_test_add_func ("/gloss/format/round-trip/combining", test_round_trip_combining);
  g_test_add_func ("/gloss/format/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/gloss/format/good-fixtures", test_good_fixtures);
  g_test_add_func ("/gloss/format/escapes", test_escapes);
  g_test_add_func ("/gloss/format/broken-fixtures", test_broken_fixtures);
  g_test_add_func ("/gloss/format/recoverable", test_recoverable);
  g_test_add_func ("/gloss/format/headings", test_headings);
  g_test_add_func ("/gloss/format/check-json", test_check_json);
  g_test_add_func ("/gloss/format/sniff", test_sniff);
  g_test_add_func ("/gloss/format/too-large-bytes", test_too_large_bytes);
  g_test_add_func ("/gloss/format/problem-cap", test_problem_cap);
  g_test_add_func ("/gloss/format/mutations", test_mutations);
  g_test_add_func ("/gloss/format/many-annotations", test_many_annotations);
  g_test_add_func ("/gloss/format/read-file", test_read_file);
  g_test_add_func ("/gloss/format/snapshot", test_snapshot);

  return g_test_run ();
}
