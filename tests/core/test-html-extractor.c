/* test-html-extractor.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-html-extractor.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "web", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, len);
}

static GlossHtmlArticle *
extract_fixture (const char  *name,
                 const char  *http_charset,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return gloss_html_extract (data, len, http_charset, "https://courier.example/news/x", error);
}

static void
assert_paragraphs (const char         *text,
                   const char * const *expected)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; expected[i] != NULL || paragraphs[i] != NULL; i++)
    {
      if (expected[i] == NULL || paragraphs[i] == NULL)
        g_error ("paragraph %u: expected “%s”, got “%s”", i,
                 expected[i] ? expected[i] : "(end)", paragraphs[i] ? paragraphs[i] : "(end)");
      g_assert_cmpstr (paragraphs[i], ==, expected[i]);
    }
}

static void
test_news_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) article = extract_fixture ("news.html", NULL, &error);
  static const char * const expected[] = {
    "Residents of Port Ellis voted on Tuesday to rebuild the town\u2019s sea wall, which was "
    "breached twice during the winter storms, flooding more than 200 homes along the harbour front.",
    "The \u00a314m plan, put forward by the district council, passed with 61 per cent of the vote. "
    "Turnout was 48 per cent, the highest for a local ballot in two decades.",
    "A \u201conce in a generation\u201d decision",
    "\u201cThis is a once in a generation decision,\u201d said the council leader, Priya Natarajan. "
    "\u201cWe owe it to the families who lost everything in January.\u201d",
    "The sea does not negotiate, and neither can we.",
    "Opponents argued that the money would be better spent on moving homes further inland,\n"
    "and on restoring the salt marsh that once protected the bay.",
    "Work is expected to start in the autumn. The council said it would publish the "
    "contractor's timetable next month:",
    "a survey of the old foundations, over the summer;",
    "demolition of the breached sections, from October;",
    "the new wall, finished by the end of 2028.",
    NULL
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);
  assert_paragraphs (article->text, expected);

  g_assert_cmpstr (article->title, ==, "Harbour town votes to rebuild its flooded sea wall");
  g_assert_cmpstr (article->byline, ==, "Amara Okafor, Tom\u00e1s Ruiz");
  g_assert_cmpstr (article->published, ==, "2026-03-04T08:00:00Z");
  g_assert_cmpstr (article->modified, ==, "2026-03-04T11:30:00Z");
  g_assert_cmpstr (article->language, ==, "en-GB");
  g_assert_cmpstr (article->site_name, ==, "The Coastal Courier");
  g_assert_cmpstr (article->publisher, ==, "Coastal Courier Media Ltd");
  g_assert_cmpstr (article->canonical_url, ==, "https://courier.example/news/2026/03/sea-wall-vote");
  g_assert_cmpstr (article->charset, ==, "UTF-8");

  /* Nothing of the boilerplate leaks in. */
  for (guint i = 0; i < 12; i++)
    {
      static const char * const leaks[] = {
        "cookies", "Share", "Related", "Storm floods", "seaside_sam", "dithered", "Most read",
        "inbox", "rights reserved", "Subscribers", "Hidden teaser", "Screen-reader",
      };

      if (strstr (article->text, leaks[i]) != NULL)
        g_error ("boilerplate “%s” in the text", leaks[i]);
    }
}

/* Without JSON-LD, the metadata comes from meta tags and the page. */
static void
test_metadata_fallbacks (void)
{
  static const char html[] =
    "<html lang=\"de\"><head><title>Ein Titel mit vielen Worten | Zeitung</title>"
    "<meta property=\"article:published_time\" content=\"2025-12-01T10:00:00+01:00\">"
    "<meta property=\"og:site_name\" content=\"Die Zeitung\">"
    "<link rel=\"canonical\" href=\"https://zeitung.example/a/1\"></head><body>"
    "<article><h1>Ein Titel mit vielen Worten</h1>"
    "<div class=\"author\">Von Erika Muster</div>"
    "<p>Erster Absatz des Artikels, der lang genug ist, um als Absatz zu z\u00e4hlen, und ein Komma hat.</p>"
    "<p>Zweiter Absatz des Artikels, ebenfalls lang genug, mit Kommas, Punkten und allem.</p>"
    "<p>Dritter Absatz des Artikels, damit der Text die Mindestl\u00e4nge sicher \u00fcberschreitet.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) article = gloss_html_extract (html, strlen (html), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article->title, ==, "Ein Titel mit vielen Worten");
  g_assert_cmpstr (article->byline, ==, "Erika Muster");
  g_assert_cmpstr (article->published, ==, "2025-12-01T10:00:00+01:00");
  g_assert_cmpstr (article->language, ==, "de");
  g_assert_cmpstr (article->site_name, ==, "Die Zeitung");
  g_assert_cmpstr (article->canonical_url, ==, "https://zeitung.example/a/1");
  g_assert_null (article->publisher);
  /* Title heading and byline are metadata, not body text. */
  g_assert_true (g_str_has_prefix (article->text, "Erster Absatz"));
  g_assert_null (strstr (article->text, "Erika"));
}

/* Two other common layouts: every paragraph in its own wrapper (news
 * sites), and a blog whose comments hold more text than the post. */
static void
test_layouts (void)
{
  static const char * const expected[] = {
    "The committee met on Thursday to discuss the proposal, which has divided opinion in the "
    "town for months.",
    "Supporters say the new library will bring young people back to the high street, while "
    "critics point to the cost.",
    "The council has already spent, according to its own figures, more than 2 million pounds on "
    "the design stage alone.",
    "A final decision is expected in the spring, after a public consultation that will run until "
    "the end of February.",
    "Local businesses, many of which have struggled since the pandemic, have mostly welcomed the plan.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) wrapped = extract_fixture ("wrapped-paragraphs.html", NULL, &error);
  g_autoptr(GlossHtmlArticle) blog = NULL;

  g_assert_no_error (error);
  assert_paragraphs (wrapped->text, expected);
  g_assert_cmpstr (wrapped->title, ==, "Library plan divides town");
  g_assert_cmpstr (wrapped->byline, ==, "Sam Jones");

  blog = extract_fixture ("blog.html", NULL, &error);
  g_assert_no_error (error);
  assert_paragraphs (blog->text, expected);
  g_assert_cmpstr (blog->title, ==, "Ten years of the repair cafe");
  g_assert_cmpstr (blog->byline, ==, "Jo");
  g_assert_cmpstr (blog->published, ==, "2025-06-01T09:00:00+00:00");
}

static void
test_titles (void)
{
  static const struct { const char *head; const char *h1; const char *title; } cases[] = {
    { "<title>A headline of some length | Site</title>", "Other", "A headline of some length" },
    { "<title>Site | A headline of some length</title>", "Other", "A headline of some length" },
    { "<title>Covid-19 - Q&amp;A</title>", "Other", "Covid-19 - Q&A" },
    { "<meta property=\"og:title\" content=\"The real headline \u2014 Daily Site\">",
      "The real headline", "The real headline" },
    { "", "Only the heading", "Only the heading" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossHtmlArticle) article = NULL;
      g_autofree char *html = g_strdup_printf (
        "<html><head>%s</head><body><article><h1>%s</h1>"
        "<p>A first paragraph of the article, long enough to count, with a comma or two.</p>"
        "<p>A second paragraph of the article, long enough to count, with a comma or two.</p>"
        "<p>A third paragraph of the article, long enough to count, with a comma or two.</p>"
        "<p>A fourth paragraph of the article, long enough to count, with a comma or two.</p>"
        "</article></body></html>", cases[i].head, cases[i].h1);

      article = gloss_html_extract (html, strlen (html), NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (article->title, ==, cases[i].title);
      /* The heading is in the text only when it is not the title. */
      g_assert_cmpint (g_str_has_prefix (article->text, cases[i].h1), ==,
                       g_strcmp0 (cases[i].h1, cases[i].title) != 0);
    }
}

static void
test_charsets (void)
{
  struct {
    const char *file;
    const char *http_charset;
    const char *charset;
    const char *title;
    const char *needle;
  } cases[] = {
    { "windows-1252.html", NULL, "WINDOWS-1252", "Le prix du caf\u00e9 flambe \u00e0 Lyon",
      "2,40 \u20ac dans plusieurs caf\u00e9s" },
    { "windows-1252.html", "iso-8859-1", "WINDOWS-1252", "Le prix du caf\u00e9 flambe \u00e0 Lyon",
      "dollar \u2014 \u201cune temp\u00eate parfaite\u201d." },
    { "windows-1251.html", NULL, "WINDOWS-1251",
      "\u0412 \u041d\u043e\u0432\u043e\u0441\u0438\u0431\u0438\u0440\u0441\u043a\u0435 "
      "\u043e\u0442\u043a\u0440\u044b\u043b\u0438 \u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442",
      "\u00ab\u041c\u044b \u0436\u0434\u0430\u043b\u0438" },
    { "shift-jis.html", NULL, "CP932", "\u96a8\u7530\u5ddd\u306e\u5824\u9632\u3092\u5f37\u5316\u3078",
      "\u300c\u8fd1\u5e74\u306e\u8c6a\u96e8\u306f\u60f3\u5b9a\u3092\u8d85\u3048\u3066\u3044\u308b\u300d" },
    { "gb18030.html", NULL, "GB18030", "\u5e7f\u5dde\u65b0\u5efa\u81ea\u884c\u8f66\u9053",
      "\u53e4\u5b57\u201c\U00020000\u201d" },
    /* The HTTP header wins over the meta tag. */
    { "gb18030.html", "GBK", "GB18030", "\u5e7f\u5dde\u65b0\u5efa\u81ea\u884c\u8f66\u9053",
      "\u6211\u613f\u610f\u6bcf\u5929\u9a91\u8f66\u4e0a\u73ed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossHtmlArticle) article = extract_fixture (cases[i].file, cases[i].http_charset,
                                                             &error);

      g_test_message ("%s (%s)", cases[i].file, cases[i].http_charset);
      g_assert_no_error (error);
      g_assert_cmpstr (article->charset, ==, cases[i].charset);
      g_assert_cmpstr (article->title, ==, cases[i].title);
      g_assert_true (g_utf8_validate (article->text, -1, NULL));
      if (strstr (article->text, cases[i].needle) == NULL)
        g_error ("“%s” not in “%s”", cases[i].needle, article->text);
      g_assert_null (strstr (article->text, "\xEF\xBF\xBD"));
    }
}

static void
test_charset_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *charset = NULL;
  char *text;

  /* A wrong HTTP charset is used as given (the header is authoritative). */
  text = gloss_html_decode ("caf\xC3\xA9", 5, "windows-1252", &charset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "caf\u00c3\u00a9");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&charset, g_free);

  /* A BOM wins over everything. */
  text = gloss_html_decode ("\xEF\xBB\xBF" "caf\xC3\xA9", 8, "windows-1251", &charset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "caf\u00e9");
  g_assert_cmpstr (charset, ==, "UTF-8");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&charset, g_free);

  /* No label: valid UTF-8 is UTF-8, anything else windows-1252. */
  text = gloss_html_decode ("caf\xC3\xA9", 5, NULL, &charset, &error);
  g_assert_cmpstr (text, ==, "caf\u00e9");
  g_assert_cmpstr (charset, ==, "UTF-8");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&charset, g_free);
  text = gloss_html_decode ("caf\xE9 \x80", 6, NULL, &charset, &error);
  g_assert_cmpstr (text, ==, "caf\u00e9 \u20ac");
  g_assert_cmpstr (charset, ==, "WINDOWS-1252");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&charset, g_free);

  /* Invalid bytes become U+FFFD, never a failure. */
  text = gloss_html_decode ("ok\xFF\xFE?", 5, "utf-8", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "\xEF\xBF\xBD"));
  g_clear_pointer (&text, g_free);

  /* Meta charset in an http-equiv, quoted. */
  {
    static const char koi8[] =
      "<meta http-equiv='Content-Type' content='text/html; charset=\"koi8-r\"'>\xF0";

    text = gloss_html_decode (koi8, sizeof koi8 - 1, NULL, &charset, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (charset, ==, "KOI8-R");
  g_assert_true (g_str_has_suffix (text, "\u041f"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&charset, g_free);

  /* An unknown charset is named in the error. */
  text = gloss_html_decode ("<p>x</p>", 8, "x-klingon-9", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "x-klingon-9"));
  g_clear_error (&error);

  text = gloss_html_decode ("<meta charset=\"bogus-charset\"><p>x</p>", 38, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "bogus-charset"));
}

static void
test_broken_markup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) article = extract_fixture ("broken.html", NULL, &error);
  static const char * const expected[] = {
    "Power failed across the valley on Sunday night when a storm brought down two pylons, "
    "leaving about 9,000 homes without electricity for several hours.",
    "Engineers worked through the night & restored supply to most streets by 6 a.m., the "
    "network operator said. Prices rose 3 < 5 per cent",
    "A spokesperson said crews would remain on site until Tuesday, and asked residents to "
    "report any damaged lines to the emergency number rather than approach them.",
    "Schools in the area were expected to open as normal on Monday, although two village halls "
    "used as warm spaces will stay open for another day.",
    NULL
  };

  g_assert_no_error (error);
  assert_paragraphs (article->text, expected);
  g_assert_cmpstr (article->title, ==, "Lights go out across the valley");
  g_assert_cmpstr (article->byline, ==, "Kim Lee");
}

static void
test_whitespace (void)
{
  static const char html[] =
    "<body><div class=\"article\">"
    "<p>  Leading and   trailing\tspaces\n\n collapse  into\u00a0one, like a browser shows them. </p>"
    "<p>Line one<br>line two<br/><br>a new paragraph after two breaks, with enough text here.</p>"
    "<pre>\ncode  keeps   its\n  spacing\n</pre>"
    "<p>Soft\u00adhyphen and zero\u200bwidth characters are invisible; entities &lt;b&gt; &amp; &#x263A; &eacute; decode.</p>"
    "<p>Links inside sentences stay, like one to <a rel=\"author\" href=\"/a\">Ann Lee</a> on <time datetime=\"2020-01-01\">1 January</time>.</p>"
    "<p>A long enough closing paragraph, so that the page counts as an article and is extracted.</p>"
    "</div></body>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) article = gloss_html_extract (html, strlen (html), NULL, NULL, &error);
  static const char * const expected[] = {
    "Leading and trailing spaces collapse into one, like a browser shows them.",
    "Line one\nline two",
    "a new paragraph after two breaks, with enough text here.",
    "code  keeps   its\n  spacing",
    "Softhyphen and zerowidth characters are invisible; entities <b> & \u263a \u00e9 decode.",
    "Links inside sentences stay, like one to Ann Lee on 1 January.",
    "A long enough closing paragraph, so that the page counts as an article and is extracted.",
    NULL
  };

  g_assert_no_error (error);
  assert_paragraphs (article->text, expected);
}

static void
test_not_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) article = extract_fixture ("links-only.html", NULL, &error);
  static const char empty[] = "  \n\t ";
  static const char tiny[] = "<html><body><p>Hello.</p></body></html>";

  g_assert_null (article);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_ARTICLE);
  g_assert_nonnull (strstr (error->message, "no article"));
  g_clear_error (&error);

  g_assert_null (gloss_html_extract (empty, strlen (empty), NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_null (gloss_html_extract (tiny, strlen (tiny), NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_ARTICLE);
}

static void
test_bombs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) html = g_string_new ("<html><body>");
  gint64 start = g_get_monotonic_time ();

  /* Deep nesting. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "<p>deep</p>");
  g_assert_null (gloss_html_extract (html->str, html->len, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Moderately deep, but within libxml2's limit and over ours. */
  g_string_assign (html, "<html><body>");
  for (guint i = 0; i < GLOSS_HTML_MAX_DEPTH + 10; i++)
    g_string_append (html, "<span>");
  g_string_append (html, "x");
  g_assert_null (gloss_html_extract (html->str, html->len, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Millions of elements. */
  g_string_assign (html, "<html><body>");
  for (guint i = 0; i < 1000000; i++)
    g_string_append (html, "<b>x</b>");
  g_assert_null (gloss_html_extract (html->str, html->len, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too many elements"));
  g_clear_error (&error);

  /* A huge attribute. */
  g_string_assign (html, "<html><body><p title=\"");
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (html, 'a');
  g_string_append (html, "\">x</p>");
  g_assert_null (gloss_html_extract (html->str, html->len, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "tag longer"));
  g_clear_error (&error);

  /* Too many bytes overall. */
  g_string_set_size (html, GLOSS_HTML_MAX_BYTES + 1);
  memset (html->str, ' ', html->len);
  g_assert_null (gloss_html_extract (html->str, html->len, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* JSON-LD nested deep enough to crash json-glib is ignored, not parsed. */
  g_string_assign (html, "<html><head><script type=\"application/ld+json\">");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (html, '[');
  g_string_append (html, "</script></head><body><article>");
  for (guint i = 0; i < 5; i++)
    g_string_append (html, "<p>A paragraph of article text that is long enough, with a comma.</p>");
  g_string_append (html, "</article></body></html>");
  {
    g_autoptr(GlossHtmlArticle) article = gloss_html_extract (html->str, html->len, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (article);
  }

  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* Deep wrappers around many paragraphs: text sizes are computed once, not
 * per wrapper (this took 30 s when they were). */
static void
test_large_page (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(GlossHtmlArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < 190; i++)
    g_string_append (html, "<div>");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (html, "<p>Paragraph %u, with some words, and commas, that goes on for "
                            "a while to look real.</p>", i);
  for (guint i = 0; i < 190; i++)
    g_string_append (html, "</div>");

  start = g_get_monotonic_time ();
  article = gloss_html_extract (html->str, html->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (article->text, "Paragraph 0, with"));
  g_assert_true (g_str_has_suffix (article->text, "Paragraph 19999, with some words, and commas, "
                                                  "that goes on for a while to look real."));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_document (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("news.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  doc = gloss_html_document_new (data, len, NULL, "https://courier.example/news/2026/03/sea-wall-vote",
                                 "2026-03-04T12:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (doc), "Residents of Port Ellis"));
  g_assert_cmpstr (gloss_document_get_title (doc), ==,
                   "Harbour town votes to rebuild its flooded sea wall");
  g_assert_cmpstr (gloss_document_get_byline (doc), ==, "Amara Okafor, Tom\u00e1s Ruiz");
  g_assert_cmpstr (gloss_document_get_published (doc), ==, "2026-03-04T08:00:00Z");
  g_assert_cmpstr (gloss_document_get_language (doc), ==, "en-GB");
  g_assert_cmpstr (gloss_document_get_source (doc), ==,
                   "https://courier.example/news/2026/03/sea-wall-vote");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "retrieved"), ==, "2026-03-04T12:00:00Z");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "extractor"), ==,
                   "gloss-readability " GLOSS_HTML_EXTRACTOR_VERSION);
  g_assert_cmpstr (gloss_document_get_metadata (doc, "site_name"), ==, "The Coastal Courier");
  g_assert_cmpstr (gloss_document_get_metadata (doc, "canonical_url"), ==,
                   "https://courier.example/news/2026/03/sea-wall-vote");
  g_assert_false (gloss_document_get_modified (doc));

  /* A file path source: no retrieval time. */
  g_clear_object (&doc);
  doc = gloss_html_document_new (data, len, NULL, "/tmp/saved page.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_source (doc), ==, "/tmp/saved page.html");
  g_assert_null (gloss_document_get_metadata (doc, "retrieved"));
  /* The relative canonical cannot be resolved without a URL: og:url is used. */
  g_assert_cmpstr (gloss_document_get_metadata (doc, "canonical_url"), ==,
                   "https://courier.example/news/2026/03/sea-wall-vote");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_load_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "web", "broken.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/page.html");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  gloss_html_document_load_async (file, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  doc = gloss_html_document_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "Lights go out across the valley");
  g_assert_cmpstr (gloss_document_get_source (doc), ==, path);
  g_assert_null (gloss_document_get_metadata (doc, "retrieved"));
  g_clear_object (&result);

  gloss_html_document_load_async (missing, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (gloss_html_document_load_finish (result, &error));
  g_assert_nonnull (error);
}

/* Subheadings are recorded as headings of the text, in code points: the
 * 🌊 before them is one. The title heading is metadata, and a heading
 * holding blocks is not one paragraph, so neither is recorded; a heading
 * inside another has its own level. */
static void
test_headings (void)
{
  static const char html[] =
    "<html><head><title>Delta towns brace for water</title></head><body><article>"
    "<h1>Delta towns brace for water</h1>"
    "<p>A first paragraph of the article 🌊, long enough to count, with a comma or two.</p>"
    "<h2>A barrier <em>built</em> for another climate</h2>"
    "<p>A second paragraph of the article, long enough to count, with a comma or two.</p>"
    "<h3>What the models show</h3>"
    "<p>A third paragraph of the article, long enough to count, with a comma or two.</p>"
    "<h2><div>Two</div><div>blocks</div></h2>"
    "<p>A fourth paragraph of the article, long enough to count, with a comma or two.</p>"
    "<h2><div><h3>Nested heading</h3></div></h2>"
    "<p>A sixth paragraph of the article, long enough to count, with a comma or two.</p>"
    "<h6>Ζώνες</h6>"
    "<p>A fifth paragraph of the article, long enough to count, with a comma or two.</p>"
    "</article></body></html>";
  static const struct { const char *text; guint level; } expected[] = {
    { "A barrier built for another climate", 2 },
    { "What the models show", 3 },
    { "Nested heading", 3 },
    { "Ζώνες", 6 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) article = gloss_html_extract (html, strlen (html), NULL, NULL, &error);
  g_autoptr(GlossDocument) document = NULL;
  const GlossHeading *headings;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (article->headings->len, ==, G_N_ELEMENTS (expected));

  document = gloss_html_document_new (html, strlen (html), NULL, "page.html", NULL, &error);
  g_assert_no_error (error);
  headings = gloss_document_get_headings (document, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *slice = gloss_document_slice (document, headings[i].start, headings[i].end);

      g_assert_cmpstr (slice, ==, expected[i].text);
      g_assert_cmpuint (headings[i].level, ==, expected[i].level);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/html-extractor/news-page", test_news_page);
  g_test_add_func ("/gloss/html-extractor/metadata-fallbacks", test_metadata_fallbacks);
  g_test_add_func ("/gloss/html-extractor/layouts", test_layouts);
  g_test_add_func ("/gloss/html-extractor/titles", test_titles);
  g_test_add_func ("/gloss/html-extractor/charsets", test_charsets);
  g_test_add_func ("/gloss/html-extractor/charset-rules", test_charset_rules);
  g_test_add_func ("/gloss/html-extractor/broken-markup", test_broken_markup);
  g_test_add_func ("/gloss/html-extractor/whitespace", test_whitespace);
  g_test_add_func ("/gloss/html-extractor/not-article", test_not_article);
  g_test_add_func ("/gloss/html-extractor/bombs", test_bombs);
  g_test_add_func ("/gloss/html-extractor/large-page", test_large_page);
  g_test_add_func ("/gloss/html-extractor/document", test_document);
  g_test_add_func ("/gloss/html-extractor/headings", test_headings);
  g_test_add_func ("/gloss/html-extractor/load-async", test_load_async);

  return g_test_run ();
}
