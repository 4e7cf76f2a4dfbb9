/* test-article.c: plain-text articles and their headers
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-article.h"
#include "gloss-error.h"

#define BODY "The council approved the budget on Tuesday.\nIt will cost 4.2 million euros.\n"

typedef struct
{
  const char *name;
  const char *input;
  const char *title;
  const char *byline;
  const char *published;
  const char *published_iso;
  const char *body;       /* the document text; NULL means the input itself */
} HeaderCase;

static const HeaderCase header_cases[] = {
  { "by-date",
    "Council Approves Budget\nBy Jane Doe\n29 November 2026\n\n" BODY,
    "Council Approves Budget", "Jane Doe", "29 November 2026", "2026-11-29", BODY },
  { "caps-byline-us-date",
    "Council Approves Budget\n\nBY JANE DOE AND JOHN ROE\nNovember 29, 2026\n\n" BODY,
    "Council Approves Budget", "JANE DOE AND JOHN ROE", "November 29, 2026", "2026-11-29", BODY },
  { "author-key-iso-date",
    "Council approves budget\nAuthor: Reuters\n2026-11-29\n\n" BODY,
    "Council approves budget", "Reuters", "2026-11-29", "2026-11-29", BODY },
  { "written-by-timestamp",
    "Council approves budget\nWritten by Jane Doe\n2026-11-29T10:30:00Z\n" BODY,
    "Council approves budget", "Jane Doe", "2026-11-29T10:30:00Z", "2026-11-29", BODY },
  { "published-key-am-et",
    "Council approves budget\nBy Jane Doe\nPublished: Nov. 29, 2026 10:30 a.m. ET\n\n" BODY,
    "Council approves budget", "Jane Doe", "Nov. 29, 2026 10:30 a.m. ET", "2026-11-29", BODY },
  { "combined-pipe",
    "Council approves budget\nBy Jane Doe | 29 Nov 2026\n\n" BODY,
    "Council approves budget", "Jane Doe", "29 Nov 2026", "2026-11-29", BODY },
  { "combined-comma",
    "Council approves budget\nBy Jane Doe, 29 November 2026\n\n" BODY,
    "Council approves budget", "Jane Doe", "29 November 2026", "2026-11-29", BODY },
  { "dash-staff-reporter",
    "Council approves budget\n— Staff reporter\nSunday, 29 November 2026\n\n" BODY,
    "Council approves budget", "Staff reporter", "Sunday, 29 November 2026", "2026-11-29", BODY },
  { "name-org",
    "Council approves budget\nJane Doe, Reuters\n\n" BODY,
    "Council approves budget", "Jane Doe, Reuters", NULL, NULL, BODY },
  { "date-key",
    "Council approves budget\n\nDate: 29.11.2026\n\n" BODY,
    "Council approves budget", NULL, "29.11.2026", "2026-11-29", BODY },
  { "updated-only",
    "Council approves budget\nBy Jane Doe\nUpdated 29 Nov 2026, 14:05 GMT\n\n" BODY,
    "Council approves budget", "Jane Doe", NULL, NULL, BODY },
  { "no-title-byline-first",
    "By Jane Doe\nNovember 29, 2026\n\n" BODY,
    NULL, "Jane Doe", "November 29, 2026", "2026-11-29", BODY },
  { "greek-title-bare-name",
    "Το συμβούλιο ενέκρινε τον προϋπολογισμό\nΓιάννης Παπαδόπουλος\n2026-11-29\n\n" BODY,
    "Το συμβούλιο ενέκρινε τον προϋπολογισμό", "Γιάννης Παπαδόπουλος", "2026-11-29",
    "2026-11-29", BODY },
  { "arabic-title-by",
    "المجلس يوافق على الميزانية\nBy محمد العلي\n29 November 2026\n\n" BODY,
    "المجلس يوافق على الميزانية", "محمد العلي", "29 November 2026", "2026-11-29", BODY },
  { "japanese-title-byline",
    "市議会が予算を承認 🏛️\nBy 山田 太郎\n2026-11-29\n\n" BODY,
    "市議会が予算を承認 🏛️", "山田 太郎", "2026-11-29", "2026-11-29", BODY },
  { "bare-name-with-date",
    "Council approves budget\nJane Doe\n29 November 2026\n\n" BODY,
    "Council approves budget", "Jane Doe", "29 November 2026", "2026-11-29", BODY },
  { "underlined-title",
    "Council approves budget\n=======================\nBy Jane Doe\n\n" BODY,
    "Council approves budget", "Jane Doe", NULL, NULL, BODY },
  { "weekday-time-at",
    "Council approves budget\nBy Jane Doe\nTue 1 Dec 2026 at 09:15 CET\n" BODY,
    "Council approves budget", "Jane Doe", "Tue 1 Dec 2026 at 09:15 CET", "2026-12-01", BODY },
  { "date-then-by",
    "Council approves budget\nPosted on November 29, 2026 by Jane Doe\n\n" BODY,
    "Council approves budget", "Jane Doe", "November 29, 2026", "2026-11-29", BODY },
  { "guardian-style",
    "Council approves budget\nJane Doe\nSun 29 Nov 2026 10.30 GMT\n\n" BODY,
    "Council approves budget", "Jane Doe", "Sun 29 Nov 2026 10.30 GMT", "2026-11-29", BODY },
  { "us-slashes",
    "Council approves budget\nBy Jane Doe\n11/29/2026\n\n" BODY,
    "Council approves budget", "Jane Doe", "11/29/2026", "2026-11-29", BODY },
  { "ambiguous-slashes",
    "Council approves budget\nBy Jane Doe\n03/04/2026\n\n" BODY,
    "Council approves budget", "Jane Doe", "03/04/2026", NULL, BODY },
  { "byline-then-updated",
    "Council approves budget\nBy Jane Doe updated 29 Nov 2026\n\n" BODY,
    "Council approves budget", "Jane Doe", NULL, NULL, BODY },
  { "title-only",
    "Council approves budget\n\n" BODY,
    "Council approves budget", NULL, NULL, NULL, BODY },
  { "invalid-date-kept-as-written",
    "Council approves budget\nBy Jane Doe\n31 February 2026\n\n" BODY,
    "Council approves budget", "Jane Doe", "31 February 2026", NULL, BODY },
  /* No header: the text stays as it is. */
  { "one-line",
    "Council approves budget\n",
    NULL, NULL, NULL, NULL, NULL },
  { "paragraph-first",
    "The council approved the budget on Tuesday,\nafter a long debate.\n\nBy then the mayor had left.\n",
    NULL, NULL, NULL, NULL, NULL },
  { "sentence-first-line",
    "The council approved the budget.\n\n" BODY,
    NULL, NULL, NULL, NULL, NULL },
  { "by-in-sentence",
    "By Friday, the council had approved the budget.\n\n" BODY,
    NULL, NULL, NULL, NULL, NULL },
  { "header-without-body",
    "Council approves budget\nBy Jane Doe\n",
    NULL, NULL, NULL, NULL, NULL },
  { "greek-date-not-understood",
    "Το συμβούλιο ενέκρινε τον προϋπολογισμό\nΓιάννης Παπαδόπουλος\n29 Νοε 2026\n\n" BODY,
    NULL, NULL, NULL, NULL, NULL },
  { "bare-name-without-date",
    "Council approves budget\nJane Doe\nsaid the vote was close.\n",
    NULL, NULL, NULL, NULL, NULL },
};

static void
test_header (gconstpointer data)
{
  const HeaderCase *c = data;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gloss_article_new_from_text (c->input, strlen (c->input), "test.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  g_assert_cmpstr (gloss_document_get_title (doc), ==, c->title);
  g_assert_cmpstr (gloss_document_get_byline (doc), ==, c->byline);
  g_assert_cmpstr (gloss_document_get_published (doc), ==, c->published);
  g_assert_cmpstr (gloss_document_get_metadata (doc, "published_iso"), ==, c->published_iso);
  g_assert_cmpstr (gloss_document_get_text (doc), ==, c->body != NULL ? c->body : c->input);
  g_assert_cmpstr (gloss_document_get_source (doc), ==, "test.txt");
  g_assert_false (gloss_document_get_modified (doc));
}

static void
test_updated (void)
{
  const char *input =
    "Council approves budget\nBy Jane Doe\nPublished: 28 Nov 2026\nUpdated: 29 Nov 2026 10:30\n\n" BODY;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gloss_article_new_from_text (input, strlen (input), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_published (doc), ==, "28 Nov 2026");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "published_iso"), ==, "2026-11-28");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "updated"), ==, "29 Nov 2026 10:30");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "updated_iso"), ==, "2026-11-29");
  g_assert_cmpstr (gloss_document_get_text (doc), ==, BODY);
  g_assert_null (gloss_document_get_source (doc));
}

static void
test_crlf_bom (void)
{
  const char *input =
    "\xEF\xBB\xBF" "Council approves budget\r\nBy Jane Doe\r\n29 November 2026\r\n\r\n"
    "The council approved the budget on Tuesday.\r\nIt will cost 4.2 million euros.\r\n";
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gloss_article_new_from_text (input, strlen (input), "crlf.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "Council approves budget");
  g_assert_cmpstr (gloss_document_get_byline (doc), ==, "Jane Doe");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "published_iso"), ==, "2026-11-29");
  g_assert_cmpstr (gloss_document_get_text (doc), ==, BODY);
}

static void
test_offsets_are_body_offsets (void)
{
  const char *input = "Ελληνικά νέα 🗞️\nBy Jane Doe\n2026-11-29\n\nΗ Άννα είπε 👍 ναι.\n";
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slice = NULL;

  doc = gloss_article_new_from_text (input, strlen (input), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "Ελληνικά νέα 🗞️");
  g_assert_cmpstr (gloss_document_get_text (doc), ==, "Η Άννα είπε 👍 ναι.\n");
  g_assert_cmpuint (gloss_document_get_length (doc), ==, 19);
  slice = gloss_document_slice (doc, 2, 6);
  g_assert_cmpstr (slice, ==, "Άννα");
}

static void
test_no_header_keeps_leading_blank_lines (void)
{
  const char *input = "\n\nthe text starts in lower case and goes on,\nand on.\n";
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gloss_article_new_from_text (input, strlen (input), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gloss_document_get_title (doc));
  g_assert_cmpstr (gloss_document_get_text (doc), ==, input);
}

static void
test_long_first_line (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append (input, "Word ");
  g_string_append (input, "\n\nBody.\n");

  doc = gloss_article_new_from_text (input->str, input->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gloss_document_get_title (doc));
  g_assert_cmpstr (gloss_document_get_text (doc), ==, input->str);
}

/* Random headers built from fragments: whatever is recognised, the text
 * kept is an unchanged suffix of the input and the metadata comes from the
 * part removed. */
static void
test_random_fragments (void)
{
  static const char * const fragments[] = {
    "Council approves budget", "By Jane Doe", "BY JANE DOE AND JOHN ROE", "Author: Reuters",
    "29 November 2026", "Published: Nov. 29, 2026 10:30 a.m. ET", "2026-11-29T10:30:00Z",
    "Jane Doe, Reuters", "Jane Doe", "— Staff reporter", "By Jane Doe | 29 Nov 2026", "",
    "", "The council met.", "by the way, nothing", "=====", "Updated 30 Nov 2026",
    "東京で会議 🎌", "Date: 31/12/2026", "Mon, 30 Nov 2026 08:00 +0100", "10:30", "By",
    "Published:", "— ", "99/99/2026", "By 2030, half of it", "Nov 2026", "\t",
  };
  GRand *rand = g_rand_new_with_seed (20261129);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      g_autoptr(GlossDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      guint n = g_rand_int_range (rand, 1, 8);
      const char *text;
      gsize text_len;
      const char *title;

      for (guint i = 0; i < n; i++)
        {
          g_string_append (input, fragments[g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments))]);
          g_string_append (input, g_rand_boolean (rand) ? "\n" : "\r\n");
        }
      g_string_append (input, "Body text.\n");

      doc = gloss_article_new_from_text (input->str, input->len, NULL, &error);
      g_assert_no_error (error);

      /* The input without CR: the kept text must be its suffix. */
      g_string_replace (input, "\r", "", 0);
      text = gloss_document_get_text (doc);
      text_len = strlen (text);
      g_assert_cmpuint (text_len, <=, input->len);
      g_assert_cmpstr (text, ==, input->str + input->len - text_len);
      g_assert_true (g_str_has_suffix (text, "Body text.\n"));

      title = gloss_document_get_title (doc);
      if (title != NULL)
        g_assert_nonnull (g_strstr_len (input->str, input->len - text_len, title));
      if (gloss_document_get_byline (doc) != NULL)
        g_assert_nonnull (g_strstr_len (input->str, input->len - text_len,
                                        gloss_document_get_byline (doc)));
      if (gloss_document_get_published (doc) != NULL)
        g_assert_nonnull (g_strstr_len (input->str, input->len - text_len,
                                        gloss_document_get_published (doc)));
    }

  g_rand_free (rand);
}

/* The sample article that ships with Gloss (data/samples) reads cleanly. */
static void
test_sample_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-article.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  doc = gloss_article_new_from_text (contents, len, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==,
                   "Harwick approves €48 million sea barrier after record November storm");
  g_assert_cmpstr (gloss_document_get_byline (doc), ==, "Clara Jensen and Tomás Ferreira");
  g_assert_cmpstr (gloss_document_get_published (doc), ==, "29 November 2026, 10:30 CET");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "published_iso"), ==, "2026-11-29");

  text = gloss_document_get_text (doc);
  g_assert_true (g_str_has_prefix (text, "HARWICK — The town council"));
  g_assert_nonnull (strstr (text, "Ελένη Παπαδάκη"));
  g_assert_nonnull (strstr (text, "森田健二"));
  g_assert_nonnull (strstr (text, "😳🌊"));
}

typedef struct
{
  const char *name;
  const char *input;
  gsize       len;
  int         code;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "empty", "", 0, GLOSS_ERROR_EMPTY },
  { "whitespace", " \n\t\r\n  \n", 8, GLOSS_ERROR_EMPTY },
  { "bom-whitespace", "\xEF\xBB\xBF  \n", 6, GLOSS_ERROR_EMPTY },
  { "binary-nul", "PK\x03\x04\0\0\x14\0", 8, GLOSS_ERROR_BINARY },
  { "binary-controls", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", 10, GLOSS_ERROR_BINARY },
  { "latin1", "Caf\xe9 au lait\n\nThe text goes on.\n", 32, GLOSS_ERROR_INVALID_UTF8 },
  { "truncated-utf8", "Title\n\nBody \xE2\x82", 14, GLOSS_ERROR_INVALID_UTF8 },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = gloss_article_new_from_text (c->input, c->len, "bad.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, GLOSS_ERROR, c->code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/article/header/%s", header_cases[i].name);
      g_test_add_data_func (path, &header_cases[i], test_header);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/article/error/%s", error_cases[i].name);
      g_test_add_data_func (path, &error_cases[i], test_error);
    }
  g_test_add_func ("/gloss/article/updated", test_updated);
  g_test_add_func ("/gloss/article/crlf-bom", test_crlf_bom);
  g_test_add_func ("/gloss/article/offsets-are-body-offsets", test_offsets_are_body_offsets);
  g_test_add_func ("/gloss/article/no-header-keeps-leading-blank-lines",
                   test_no_header_keeps_leading_blank_lines);
  g_test_add_func ("/gloss/article/long-first-line", test_long_first_line);
  g_test_add_func ("/gloss/article/sample-article", test_sample_article);
  g_test_add_func ("/gloss/article/random-fragments", test_random_fragments);

  return g_test_run ();
}
