/* gloss-fetcher.h: fetching a web page with explicit limits (libsoup 3)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-document.h"

G_BEGIN_DECLS

/* Defaults of the limits (all can be changed per fetcher). */
#define GLOSS_FETCHER_CONNECT_TIMEOUT 15   /* s, DNS + TCP + TLS until the request is sent */
#define GLOSS_FETCHER_IO_TIMEOUT      20   /* s, silence on the socket (SoupSession:timeout) */
#define GLOSS_FETCHER_DEADLINE        60   /* s, the whole fetch, redirects included */
#define GLOSS_FETCHER_MAX_BYTES       (16 * 1024 * 1024) /* decompressed body */
#define GLOSS_FETCHER_MAX_REDIRECTS   10

#define GLOSS_TYPE_FETCHER (gloss_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (GlossFetcher, gloss_fetcher, GLOSS, FETCHER, GObject)

/* Called in the caller's main context as the body arrives. @total is the
 * announced (Content-Length) size, or -1 when unknown or compressed. */
typedef void (*GlossFetchProgress) (guint64  received,
                                    gint64   total,
                                    gpointer user_data);

/* The outcome of a successful fetch. */
typedef struct
{
  GBytes *body;          /* decompressed, at most max-bytes */
  char   *uri;           /* the final URI, after redirects */
  char   *content_type;  /* e.g. "text/html", lowercase, no parameters */
  char   *charset;       /* the Content-Type charset parameter, or NULL */
  char   *retrieved;     /* ISO 8601 UTC time the response arrived */
  guint   status;        /* the HTTP status (2xx) */
  guint   n_redirects;
} GlossFetchResult;

void              gloss_fetch_result_free           (GlossFetchResult    *result);

/* Each fetch uses its own SoupSession, without a cookie jar, with the
 * User-Agent "Gloss/<version>", following only http(s) redirects (counted,
 * loops refused) and never accepting a TLS certificate that fails
 * verification. Errors (GLOSS_ERROR domain unless said otherwise):
 *   GLOSS_ERROR_UNSUPPORTED   not an http(s) URL, or not an HTML content type
 *   GLOSS_ERROR_NETWORK       DNS, refused, timeout, TLS, HTTP 4xx/5xx,
 *                             too many redirects, a redirect loop
 *   GLOSS_ERROR_TOO_LARGE     the body exceeds max-bytes
 *   G_IO_ERROR_CANCELLED      @cancellable was cancelled (show nothing)
 * The messages say which, with the host, the status or the limit. */
GlossFetcher     *gloss_fetcher_new                 (void);

guint             gloss_fetcher_get_connect_timeout (GlossFetcher        *self);
void              gloss_fetcher_set_connect_timeout (GlossFetcher        *self,
                                                     guint                seconds);
guint             gloss_fetcher_get_io_timeout      (GlossFetcher        *self);
void              gloss_fetcher_set_io_timeout      (GlossFetcher        *self,
                                                     guint                seconds);
guint             gloss_fetcher_get_deadline        (GlossFetcher        *self);
void              gloss_fetcher_set_deadline        (GlossFetcher        *self,
                                                     guint                seconds);
guint64           gloss_fetcher_get_max_bytes       (GlossFetcher        *self);
void              gloss_fetcher_set_max_bytes       (GlossFetcher        *self,
                                                     guint64              max_bytes);
guint             gloss_fetcher_get_max_redirects   (GlossFetcher        *self);
void              gloss_fetcher_set_max_redirects   (GlossFetcher        *self,
                                                     guint                max_redirects);

/* When %TRUE (default %FALSE), servers on loopback, link-local or private
 * networks are refused (GLOSS_ERROR_NETWORK): use it for URLs that come
 * from someone else's file rather than from the user. Checked on the
 * connected address, so it holds for redirects and DNS tricks too. */
gboolean          gloss_fetcher_get_public_only     (GlossFetcher        *self);
void              gloss_fetcher_set_public_only     (GlossFetcher        *self,
                                                     gboolean             public_only);

/* Fetches @url (the body only; no extraction). @progress may be %NULL. */
void              gloss_fetcher_fetch_async         (GlossFetcher        *self,
                                                     const char          *url,
                                                     GCancellable        *cancellable,
                                                     GlossFetchProgress   progress,
                                                     gpointer             progress_data,
                                                     GDestroyNotify       progress_destroy,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GlossFetchResult *gloss_fetcher_fetch_finish        (GlossFetcher        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Fetches @url and extracts the article in a worker thread
 * (gloss_html_document_new(), with source = @url as typed and the
 * metadata "final_url" when redirected). What "Open URL…" calls. */
void              gloss_fetcher_fetch_document_async (GlossFetcher       *self,
                                                      const char         *url,
                                                      GCancellable       *cancellable,
                                                      GlossFetchProgress  progress,
                                                      gpointer            progress_data,
                                                      GDestroyNotify      progress_destroy,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
GlossDocument    *gloss_fetcher_fetch_document_finish (GlossFetcher      *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);

/* Blocking convenience for the command line: runs the async fetch on a
 * private main context. Do not call from the GTK main thread. */
GlossDocument    *gloss_fetcher_fetch_document      (GlossFetcher        *self,
                                                     const char          *url,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFetchResult, gloss_fetch_result_free)

G_END_DECLS
