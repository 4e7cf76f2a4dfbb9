/* test-text.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-text.h"

/* formats.md §0: 70 code points, 71 UTF-16 units, 73 bytes. */
static const char *rocket_doc =
  "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure.";

static void
test_rocket_offsets (void)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (rocket_doc, -1);
  g_autofree char *disputed = NULL;
  g_autofree char *rocket = NULL;
  g_autofree char *across = NULL;
  guint cp;

  g_assert_cmpuint (gloss_text_index_get_length (index), ==, 70);
  g_assert_cmpuint (gloss_text_index_get_n_bytes (index), ==, 73);
  g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, 70), ==, 71);

  disputed = gloss_text_index_slice (index, 50, 58);
  g_assert_cmpstr (disputed, ==, "disputed");
  rocket = gloss_text_index_slice (index, 48, 49);
  g_assert_cmpstr (rocket, ==, "\xF0\x9F\x9A\x80");
  across = gloss_text_index_slice (index, 33, 43);
  g_assert_cmpstr (across, ==, "2023.\nJane");

  /* Code points to UTF-16 and back, as the table in formats.md §0 says. */
  g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, 48), ==, 48);
  g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, 49), ==, 50);
  g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, 50), ==, 51);
  g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, 63), ==, 64);
  g_assert_true (gloss_text_index_utf16_to_offset (index, 51, &cp));
  g_assert_cmpuint (cp, ==, 50);
  g_assert_true (gloss_text_index_utf16_to_offset (index, 70, &cp));
  g_assert_cmpuint (cp, ==, 69);
  /* Between the two halves of the rocket's surrogate pair. */
  g_assert_false (gloss_text_index_utf16_to_offset (index, 49, &cp));

  /* Bytes. */
  g_assert_cmpuint (gloss_text_index_offset_to_byte (index, 50), ==, 53);
  g_assert_cmpuint (gloss_text_index_byte_to_offset (index, 53), ==, 50);
  g_assert_cmpuint (gloss_text_index_byte_to_offset (index, 50), ==, 48); /* inside 🚀 */

  g_assert_true (gloss_text_index_slice_equals (index, 63, 69, "figure"));
  g_assert_false (gloss_text_index_slice_equals (index, 63, 69, "figur"));
  g_assert_false (gloss_text_index_slice_equals (index, 63, 71, "figure."));
}

static void
test_combining_marks (void)
{
  /* "é" as e + U+0301 is two code points; the family emoji is seven. */
  const char *text = "Cafe\xCC\x81 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 ok";
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (text, -1);
  g_autofree char *cafe = gloss_text_index_slice (index, 0, 5);
  g_autofree char *ok = NULL;

  g_assert_cmpstr (cafe, ==, "Cafe\xCC\x81");
  g_assert_cmpuint (gloss_text_index_get_length (index), ==, 5 + 1 + 5 + 1 + 2);
  ok = gloss_text_index_slice (index, 12, 14);
  g_assert_cmpstr (ok, ==, "ok");
  g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, 12), ==, 15);
}

static void
test_long_text_index (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GlossTextIndex) index = NULL;

  /* Mixed widths across many checkpoints: compare against a naive walk. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (s, (i % 7 == 0) ? "\xF0\x9F\x98\x80" : (i % 5 == 0) ? "\xC3\xA9" : (i % 3 == 0) ? "\xE4\xB8\xAD" : "a");
  index = gloss_text_index_new (s->str, s->len);

  for (guint off = 0; off <= 5000; off += 37)
    {
      const char *p = g_utf8_offset_to_pointer (s->str, off);
      guint utf16 = 0;
      guint back;

      for (const char *q = s->str; q < p; q = g_utf8_next_char (q))
        utf16 += g_utf8_get_char (q) > 0xFFFF ? 2 : 1;

      g_assert_cmpuint (gloss_text_index_offset_to_byte (index, off), ==, p - s->str);
      g_assert_cmpuint (gloss_text_index_byte_to_offset (index, p - s->str), ==, off);
      g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, off), ==, utf16);
      g_assert_true (gloss_text_index_utf16_to_offset (index, utf16, &back));
      g_assert_cmpuint (back, ==, off);
    }

  g_string_free (s, TRUE);
}

static void
test_normalize (void)
{
  const char *in = "\xEF\xBB\xBFTitle\r\nBy Jane\r\rBody\rend\n";
  gsize len;
  g_autofree char *out = gloss_text_normalize (in, strlen (in), &len);

  g_assert_cmpstr (out, ==, "Title\nBy Jane\n\nBody\nend\n");
  g_assert_cmpuint (len, ==, strlen (out));
}

static void
test_check_bytes (void)
{
  g_autoptr(GError) error = NULL;
  const char binary[] = "PK\x03\x04\0\0\x14\0";
  const char *latin1 = "caf\xE9 au lait\nline two";

  g_assert_false (gloss_text_check_bytes ("", 0, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_false (gloss_text_check_bytes (" \n\t\n", 4, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_false (gloss_text_check_bytes (binary, sizeof binary - 1, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY);
  g_clear_error (&error);

  g_assert_false (gloss_text_check_bytes (latin1, strlen (latin1), &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "0xE9"));
  g_assert_nonnull (strstr (error->message, "position 3"));
  g_clear_error (&error);

  g_assert_true (gloss_text_check_bytes (rocket_doc, strlen (rocket_doc), &error));
  g_assert_no_error (error);
}

static void
test_ellipsize (void)
{
  g_autofree char *a = gloss_text_ellipsize ("short\n\ttext", 40);
  g_autofree char *b = gloss_text_ellipsize ("The quick brown fox jumps over the lazy dog again and again", 20);

  g_assert_cmpstr (a, ==, "short text");
  g_assert_cmpuint (g_utf8_strlen (b, -1), <=, 20);
  g_assert_true (g_str_has_prefix (b, "The quick"));
  g_assert_true (g_str_has_suffix (b, "again"));
  g_assert_nonnull (strstr (b, "…"));
}

static gboolean
folded_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = gloss_text_fold_for_search (haystack, -1);
  g_autofree char *n = gloss_text_fold_for_search (needle, -1);

  return strstr (h, n) != NULL;
}

/* Search ignores case everywhere, and accents in Latin and Greek. */
static void
test_fold_for_search (void)
{
  g_autofree char *ascii = gloss_text_fold_for_search ("Tomás Ferreira", 6);

  g_assert_cmpstr (ascii, ==, "tomas");
  g_assert_true (folded_contains ("Clara Jensen and Tomás Ferreira", "tomas ferreira"));
  g_assert_true (folded_contains ("Tomas Ferreira", "TOMÁS"));
  /* Precomposed or decomposed alike. */
  g_assert_true (folded_contains ("Zu\xcc\x88rich", "Zürich"));
  g_assert_true (folded_contains ("Zürich", "zurich"));
  g_assert_true (folded_contains ("Straße", "STRASSE"));
  g_assert_true (folded_contains ("Eleni Papadaki (Ελένη Παπαδάκη)", "ΕΛΕΝΗ"));
  g_assert_true (folded_contains ("Ελενη", "ελένη"));
  /* Other scripts keep their marks: й is another letter than и. */
  g_assert_true (folded_contains ("Критики говорят", "КРИТИКИ"));
  g_assert_false (folded_contains ("Иран", "йран"));
  g_assert_false (folded_contains ("かいだん", "が"));
  g_assert_true (folded_contains ("会谈持续了两个小时", "两个"));
  /* An emoji in the way changes nothing. */
  g_assert_true (folded_contains ("Hello 👋 Wörld", "👋 world"));
  g_assert_false (folded_contains ("Hello world", "wörlds"));
}

/* Text on one line: each run of white space is one space, ends kept. */
static void
test_collapse_space (void)
{
  g_autofree char *a = gloss_text_collapse_space ("would work.\n\nThe design ");
  g_autofree char *b = gloss_text_collapse_space ("\t Zürich 🎉\n");
  g_autofree char *c = gloss_text_collapse_space ("");

  g_assert_cmpstr (a, ==, "would work. The design ");
  g_assert_cmpstr (b, ==, " Zürich 🎉 ");
  g_assert_cmpstr (c, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/text/rocket-offsets", test_rocket_offsets);
  g_test_add_func ("/gloss/text/combining-marks", test_combining_marks);
  g_test_add_func ("/gloss/text/long-index", test_long_text_index);
  g_test_add_func ("/gloss/text/normalize", test_normalize);
  g_test_add_func ("/gloss/text/check-bytes", test_check_bytes);
  g_test_add_func ("/gloss/text/ellipsize", test_ellipsize);
  g_test_add_func ("/gloss/text/fold-for-search", test_fold_for_search);
  g_test_add_func ("/gloss/text/collapse-space", test_collapse_space);

  return g_test_run ();
}
