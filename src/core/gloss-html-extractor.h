/* gloss-html-extractor.h: the article inside an HTML page, as plain text
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* Recorded as the "extractor" metadata of every document made from HTML.
 * Bump the version whenever a heuristic changes what text is extracted:
 * offsets of annotations made on an older extraction may no longer fit. */
#define GLOSS_HTML_EXTRACTOR_NAME    "gloss-readability"
#define GLOSS_HTML_EXTRACTOR_VERSION "1"
#define GLOSS_HTML_EXTRACTOR         GLOSS_HTML_EXTRACTOR_NAME " " GLOSS_HTML_EXTRACTOR_VERSION

/* Limits; input beyond them fails fast with a specific error. */
#define GLOSS_HTML_MAX_BYTES         (16 * 1024 * 1024) /* GLOSS_ERROR_TOO_LARGE */
#define GLOSS_HTML_MAX_ELEMENTS      200000             /* GLOSS_ERROR_TOO_LARGE */
#define GLOSS_HTML_MAX_TAG_BYTES     (1024 * 1024)      /* GLOSS_ERROR_TOO_LARGE (one tag with its attributes) */
#define GLOSS_HTML_MAX_DEPTH         200                /* GLOSS_ERROR_TOO_DEEP */
#define GLOSS_HTML_MIN_ARTICLE_CHARS 250                /* else GLOSS_ERROR_NOT_ARTICLE (wide CJK characters count 2) */

/* What was extracted. Strings are UTF-8 or %NULL when not found. */
typedef struct
{
  char *text;          /* paragraphs separated by one blank line */
  char *title;
  char *byline;
  char *published;
  char *modified;
  char *language;
  char *site_name;
  char *publisher;
  char *canonical_url;
  char *charset;       /* the charset the bytes were decoded from */
  GArray *headings;    /* GlossHeading: the h1–h6 written out, in code points */
} GlossHtmlArticle;

void              gloss_html_article_free    (GlossHtmlArticle *article);

/* Decodes @data to UTF-8. The charset is taken from, in order: a byte order
 * mark, @http_charset (the Content-Type charset parameter), a <meta charset>
 * or <meta http-equiv="Content-Type"> in the first 4 KiB, and finally a
 * sniff (valid UTF-8, else windows-1252). ISO-8859-1 and US-ASCII labels
 * decode as windows-1252, GBK/GB2312 as GB18030 and Shift_JIS as
 * windows-31J, as browsers do. Undecodable bytes become U+FFFD. An unknown
 * charset fails with GLOSS_ERROR_UNSUPPORTED naming it. */
char             *gloss_html_decode          (const char  *data,
                                              gsize        len,
                                              const char  *http_charset,
                                              char       **charset_used,
                                              GError     **error);

/* Parses (libxml2, no network), finds the main content and the metadata.
 * @base_url (nullable) resolves a relative canonical link.
 * Errors: GLOSS_ERROR_TOO_LARGE / GLOSS_ERROR_TOO_DEEP for HTML bombs,
 * GLOSS_ERROR_EMPTY, GLOSS_ERROR_UNSUPPORTED (charset),
 * GLOSS_ERROR_NOT_ARTICLE when no readable article is found. */
GlossHtmlArticle *gloss_html_extract         (const char  *data,
                                              gsize        len,
                                              const char  *http_charset,
                                              const char  *base_url,
                                              GError     **error);

/* gloss_html_extract() made into a document, with its headings. Metadata set: title, byline,
 * published, modified, language, site_name, publisher, canonical_url,
 * source (@source: the URL or file path), retrieved (@retrieved, an ISO
 * 8601 UTC time; nullable) and extractor (GLOSS_HTML_EXTRACTOR).
 *
 * The title and byline are metadata and not repeated in the text: a
 * heading equal to the title and byline/dateline elements are left out
 * of the body. Safe to call from a worker thread. */
GlossDocument    *gloss_html_document_new    (const char  *data,
                                              gsize        len,
                                              const char  *http_charset,
                                              const char  *source,
                                              const char  *retrieved,
                                              GError     **error);

/* Reads a saved page (at most GLOSS_HTML_MAX_BYTES) and makes a document
 * of it; source = the file's path (or URI), no "retrieved". The async
 * variant reads and extracts in a worker thread. */
GlossDocument    *gloss_html_document_load        (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void              gloss_html_document_load_async  (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GlossDocument    *gloss_html_document_load_finish (GAsyncResult        *result,
                                                   GError             **error);

/* Initialises libxml2 once; called by every entry point above, and to be
 * called from the main thread before extraction runs in worker threads
 * (the async functions here and in GlossFetcher do so). */
void              gloss_html_extractor_init       (void);

/* The current time as "2026-11-29T05:30:00Z". */
char             *gloss_html_now_iso8601     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossHtmlArticle, gloss_html_article_free)

G_END_DECLS
