/* test-fetcher.c: the fetcher against a SoupServer on 127.0.0.1
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "gloss-error.h"
#include "gloss-fetcher.h"
#include "gloss-html-extractor.h"

#if defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define GLOSS_TEST_ASAN 1
# endif
#endif
#if defined(__SANITIZE_ADDRESS__)
# define GLOSS_TEST_ASAN 1
#endif

#ifdef GLOSS_TEST_ASAN
/* LeakSanitizer's tracer crashes (signal 11) when this test exits, after
 * every case has passed: the test's SoupServer thread and GnuTLS state are
 * still being torn down. AddressSanitizer and UBSan stay on for the whole
 * run; only the exit-time leak scan is skipped for this one program (the
 * fetcher's own allocations were checked with valgrind, see the fuzz
 * README). */
int __lsan_is_turned_off (void);

int
__lsan_is_turned_off (void)
{
  return 1;
}
#endif

/* The server runs in its own thread with its own main context, so the
 * blocking gloss_fetcher_fetch_document() can be tested too. */
static SoupServer *server;
static GMainContext *server_context;
static GMainLoop *server_loop;
static char *base;      /* "http://127.0.0.1:PORT" */
static SoupServer *tls_server;
static char *tls_base;  /* "https://127.0.0.1:PORT", self-signed; NULL without TLS */
static GBytes *news;    /* tests/data/web/news.html */

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

static GBytes *
gzip_bytes (GBytes *input)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  gsize written;

  g_output_stream_write_all (out, g_bytes_get_data (input, NULL), g_bytes_get_size (input),
                             &written, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* ------------------------------------------------------------------ */
/* The server                                                          */

typedef struct
{
  SoupServerMessage *msg;
  guint              source;
  guint              n;
} Trickle;

static void
trickle_stop (Trickle *trickle)
{
  if (trickle->source != 0)
    {
      GSource *source = g_main_context_find_source_by_id (server_context, trickle->source);

      if (source != NULL)
        g_source_destroy (source);
      trickle->source = 0;
    }
}

static void
trickle_free (gpointer data)
{
  Trickle *trickle = data;

  trickle_stop (trickle);
  g_free (trickle);
}

static gboolean
trickle_cb (gpointer data)
{
  Trickle *trickle = data;
  SoupMessageBody *body = soup_server_message_get_response_body (trickle->msg);
  char chunk[64];

  g_snprintf (chunk, sizeof chunk, "<p>chunk %u of a page that never ends</p>\n", trickle->n++);
  soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, strlen (chunk));
  soup_server_message_unpause (trickle->msg);

  return G_SOURCE_CONTINUE;
}

static void
trickle_finished_cb (SoupServerMessage *msg,
                     Trickle           *trickle)
{
  trickle_stop (trickle);
}

static void
start_trickle (SoupServerMessage *msg,
               guint              interval_ms)
{
  Trickle *trickle = g_new0 (Trickle, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "text/html", NULL);
  trickle->msg = msg;
  {
    GSource *source = g_timeout_source_new (interval_ms);

    g_source_set_callback (source, trickle_cb, trickle, NULL);
    trickle->source = g_source_attach (source, server_context);
    g_source_unref (source);
  }
  g_object_set_data_full (G_OBJECT (msg), "trickle", trickle, trickle_free);
  g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished_cb), trickle);
  g_signal_connect (msg, "disconnected", G_CALLBACK (trickle_finished_cb), trickle);
  trickle_cb (trickle);
}

static void
redirect (SoupServerMessage *msg,
          guint              status,
          const char        *location)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                location);
}

static void
respond (SoupServerMessage *msg,
         const char        *content_type,
         GBytes            *body)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
handler (SoupServer        *srv,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *ua = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                 "User-Agent");

  /* Every request carries our User-Agent and no cookie. */
  g_assert_cmpstr (ua, ==, "Gloss/" PACKAGE_VERSION);
  g_assert_null (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                               "Cookie"));

  if (g_str_equal (path, "/article"))
    {
      soup_message_headers_append (headers, "Set-Cookie", "session=1; Path=/");
      respond (msg, "text/html; charset=utf-8", news);
    }
  else if (g_str_equal (path, "/cyrillic"))
    {
      g_autoptr(GBytes) page = load_fixture ("windows-1251.html");

      respond (msg, "text/html; charset=windows-1251", page);
    }
  else if (g_str_equal (path, "/r1"))
    redirect (msg, SOUP_STATUS_FOUND, "/r2");
  else if (g_str_equal (path, "/r2"))
    {
      g_autofree char *absolute = g_strconcat (base, "/r3", NULL);

      redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, absolute);
    }
  else if (g_str_equal (path, "/r3"))
    redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, "article");
  else if (g_str_equal (path, "/loop-a"))
    redirect (msg, SOUP_STATUS_FOUND, "/loop-b");
  else if (g_str_equal (path, "/loop-b"))
    redirect (msg, SOUP_STATUS_FOUND, "/loop-a");
  else if (g_str_has_prefix (path, "/chain/"))
    {
      g_autofree char *next = g_strdup_printf ("/chain/%u",
                                               (guint) g_ascii_strtoull (path + 7, NULL, 10) + 1);

      redirect (msg, SOUP_STATUS_FOUND, next);
    }
  else if (g_str_equal (path, "/to-file"))
    redirect (msg, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else if (g_str_equal (path, "/missing"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  else if (g_str_equal (path, "/broken"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/silent"))
    soup_server_message_pause (msg);   /* never answers */
  else if (g_str_equal (path, "/trickle"))
    start_trickle (msg, 100);
  else if (g_str_equal (path, "/big"))
    {
      g_autoptr(GBytes) body = g_bytes_new_take (g_malloc0 (2 * 1024 * 1024), 2 * 1024 * 1024);

      respond (msg, "text/html", body);
    }
  else if (g_str_equal (path, "/big-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);
      g_autofree char *block = g_strnfill (64 * 1024, 'x');

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      for (guint i = 0; i < 32; i++)
        soup_message_body_append (body, SOUP_MEMORY_COPY, block, strlen (block));
      soup_message_body_complete (body);
    }
  else if (g_str_equal (path, "/gzip"))
    {
      g_autoptr(GBytes) packed = gzip_bytes (news);

      respond (msg, "text/html; charset=utf-8", packed);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
    }
  else if (g_str_equal (path, "/gzip-bomb"))
    {
      gsize size = 8 * 1024 * 1024;
      g_autoptr(GBytes) plain = g_bytes_new_take (g_strnfill (size, ' '), size);
      g_autoptr(GBytes) packed = gzip_bytes (plain);

      g_assert_cmpuint (g_bytes_get_size (packed), <, 64 * 1024);
      respond (msg, "text/html", packed);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
    }
  else if (g_str_equal (path, "/image"))
    {
      g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);

      respond (msg, "image/png", png);
    }
  else if (g_str_equal (path, "/links"))
    {
      g_autoptr(GBytes) page = load_fixture ("links-only.html");

      respond (msg, "text/html", page);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef struct
{
  gboolean          done;
  GlossFetchResult *result;
  GlossDocument    *document;
  GError           *error;
  guint64           last_received;
  gint64            last_total;
  guint             n_progress;
  GCancellable     *cancel_on_progress;
} Wait;

static void
progress_cb (guint64  received,
             gint64   total,
             gpointer user_data)
{
  Wait *wait = user_data;

  g_assert_cmpuint (received, >=, wait->last_received);
  wait->last_received = received;
  wait->last_total = total;
  wait->n_progress++;
  if (received > 0 && wait->cancel_on_progress != NULL)
    g_cancellable_cancel (wait->cancel_on_progress);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = gloss_fetcher_fetch_finish (GLOSS_FETCHER (source), result, &wait->error);
  wait->done = TRUE;
}

static void
document_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->document = gloss_fetcher_fetch_document_finish (GLOSS_FETCHER (source), result,
                                                        &wait->error);
  wait->done = TRUE;
}

static void
wait_clear (Wait *wait)
{
  g_clear_pointer (&wait->result, gloss_fetch_result_free);
  g_clear_object (&wait->document);
  g_clear_error (&wait->error);
  wait->last_received = 0;
  wait->last_total = 0;
  wait->n_progress = 0;
}

static GlossFetcher *
short_fetcher (void)
{
  GlossFetcher *fetcher = gloss_fetcher_new ();

  gloss_fetcher_set_connect_timeout (fetcher, 2);
  gloss_fetcher_set_io_timeout (fetcher, 2);
  gloss_fetcher_set_deadline (fetcher, 5);
  gloss_fetcher_set_max_bytes (fetcher, 1024 * 1024);

  return fetcher;
}

static void
run_fetch (GlossFetcher *fetcher,
           const char   *path,
           GCancellable *cancellable,
           Wait         *wait)
{
  g_autofree char *url = g_str_has_prefix (path, "/") ? g_strconcat (base, path, NULL)
                                                       : g_strdup (path);

  wait->done = FALSE;
  gloss_fetcher_fetch_async (fetcher, url, cancellable, progress_cb, wait, NULL, fetched_cb, wait);
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_fetch_error (const char *path,
                    GQuark      domain,
                    int         code,
                    const char *needle)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  Wait wait = { 0, };

  run_fetch (fetcher, path, NULL, &wait);
  g_assert_null (wait.result);
  g_assert_error (wait.error, domain, code);
  if (strstr (wait.error->message, needle) == NULL)
    g_error ("%s: “%s” not in “%s”", path, needle, wait.error->message);
  wait_clear (&wait);
}

/* A resolver that knows no names, so a DNS failure needs no network. */
typedef struct { GResolver parent_instance; } FailResolver;
typedef struct { GResolverClass parent_class; } FailResolverClass;

static GType fail_resolver_get_type (void);
G_DEFINE_TYPE (FailResolver, fail_resolver, G_TYPE_RESOLVER)

static GList *
fail_lookup_by_name (GResolver     *resolver,
                     const char    *hostname,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
               "Error resolving “%s”: Name or service not known", hostname);
  return NULL;
}

static GList *
fail_lookup_by_name_with_flags (GResolver                 *resolver,
                                const char                *hostname,
                                GResolverNameLookupFlags   flags,
                                GCancellable              *cancellable,
                                GError                   **error)
{
  return fail_lookup_by_name (resolver, hostname, cancellable, error);
}

static void
fail_lookup_by_name_async (GResolver           *resolver,
                           const char          *hostname,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                           "Error resolving “%s”: Name or service not known", hostname);
}

static void
fail_lookup_by_name_with_flags_async (GResolver                *resolver,
                                      const char               *hostname,
                                      GResolverNameLookupFlags  flags,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data)
{
  fail_lookup_by_name_async (resolver, hostname, cancellable, callback, user_data);
}

static GList *
fail_lookup_by_name_finish (GResolver     *resolver,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fail_resolver_class_init (FailResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = fail_lookup_by_name;
  resolver_class->lookup_by_name_async = fail_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = fail_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags = fail_lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = fail_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = fail_lookup_by_name_finish;
}

static void
fail_resolver_init (FailResolver *self)
{
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_article (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  g_autofree char *url = g_strconcat (base, "/article", NULL);
  Wait wait = { 0, };

  run_fetch (fetcher, "/article", NULL, &wait);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.result->status, ==, 200);
  g_assert_cmpstr (wait.result->uri, ==, url);
  g_assert_cmpstr (wait.result->content_type, ==, "text/html");
  g_assert_cmpstr (wait.result->charset, ==, "utf-8");
  g_assert_nonnull (wait.result->retrieved);
  g_assert_true (g_bytes_equal (wait.result->body, news));
  g_assert_cmpuint (wait.n_progress, >=, 2);
  g_assert_cmpuint (wait.last_received, ==, g_bytes_get_size (news));
  g_assert_cmpint (wait.last_total, ==, (gint64) g_bytes_get_size (news));
  wait_clear (&wait);

  /* Fetch and extract: the GUI's call. */
  wait.done = FALSE;
  gloss_fetcher_fetch_document_async (fetcher, url, NULL, NULL, NULL, NULL, document_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (gloss_document_get_title (wait.document), ==,
                   "Harbour town votes to rebuild its flooded sea wall");
  g_assert_cmpstr (gloss_document_get_byline (wait.document), ==, "Amara Okafor, Tom\u00e1s Ruiz");
  g_assert_cmpstr (gloss_document_get_published (wait.document), ==, "2026-03-04T08:00:00Z");
  g_assert_cmpstr (gloss_document_get_source (wait.document), ==, url);
  g_assert_nonnull (gloss_document_get_metadata (wait.document, "retrieved"));
  g_assert_true (g_str_has_suffix (gloss_document_get_metadata (wait.document, "retrieved"), "Z"));
  g_assert_cmpstr (gloss_document_get_metadata (wait.document, "extractor"), ==, GLOSS_HTML_EXTRACTOR);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (wait.document), "Residents of Port Ellis"));
  wait_clear (&wait);

  /* The cookie set by /article is not sent back (the handler asserts). */
  run_fetch (fetcher, "/article", NULL, &wait);
  g_assert_no_error (wait.error);
  wait_clear (&wait);
}

static void
test_http_charset (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  g_autofree char *url = g_strconcat (base, "/cyrillic", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = NULL;

  /* The blocking wrapper the command line uses (own main context). */
  doc = gloss_fetcher_fetch_document (fetcher, url, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (doc),
                                   "\u0412 \u041d\u043e\u0432\u043e\u0441\u0438\u0431\u0438\u0440\u0441\u043a\u0435"));
}

static void
test_redirect_chain (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  g_autofree char *url = g_strconcat (base, "/article", NULL);
  g_autofree char *start = g_strconcat (base, "/r1", NULL);
  Wait wait = { 0, };

  run_fetch (fetcher, "/r1", NULL, &wait);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.result->n_redirects, ==, 3);
  g_assert_cmpstr (wait.result->uri, ==, url);
  wait_clear (&wait);

  /* Exactly at the limit is fine, one more is not. */
  gloss_fetcher_set_max_redirects (fetcher, 3);
  run_fetch (fetcher, "/r1", NULL, &wait);
  g_assert_no_error (wait.error);
  wait_clear (&wait);
  gloss_fetcher_set_max_redirects (fetcher, 2);
  run_fetch (fetcher, "/r1", NULL, &wait);
  g_assert_error (wait.error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (wait.error->message, "Too many redirects"));
  wait_clear (&wait);

  /* The document records where the text came from. */
  gloss_fetcher_set_max_redirects (fetcher, 10);
  wait.done = FALSE;
  gloss_fetcher_fetch_document_async (fetcher, start, NULL, NULL, NULL, NULL,
                                      document_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (gloss_document_get_source (wait.document), ==, start);
  g_assert_cmpstr (gloss_document_get_metadata (wait.document, "final_url"), ==, url);
  wait_clear (&wait);
}

static void
test_redirect_errors (void)
{
  assert_fetch_error ("/loop-a", GLOSS_ERROR, GLOSS_ERROR_NETWORK, "Redirect loop");
  assert_fetch_error ("/chain/0", GLOSS_ERROR, GLOSS_ERROR_NETWORK, "more than 10");
  assert_fetch_error ("/to-file", GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED, "only http and https");
}

static void
test_http_errors (void)
{
  assert_fetch_error ("/missing", GLOSS_ERROR, GLOSS_ERROR_NETWORK, "HTTP 404 Not Found");
  assert_fetch_error ("/broken", GLOSS_ERROR, GLOSS_ERROR_NETWORK, "HTTP 500 Internal Server Error");
  assert_fetch_error ("/image", GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED, "image/png");
  assert_fetch_error ("ftp://127.0.0.1/x", GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED, "only http and https");
  assert_fetch_error ("file:///etc/passwd", GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED, "not a web address");
  assert_fetch_error ("not a url", GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED, "not a web address");
}

static void
test_refused (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  /* A port that was free a moment ago and has no listener. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  any = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  assert_fetch_error (url, GLOSS_ERROR, GLOSS_ERROR_NETWORK, "refused the connection");
}

static void
test_dns (void)
{
  g_autoptr(GResolver) original = g_resolver_get_default ();
  g_autoptr(GResolver) failing = g_object_new (fail_resolver_get_type (), NULL);

  g_resolver_set_default (failing);
  assert_fetch_error ("http://no-such-host.invalid/article", GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                      "Could not find the server “no-such-host.invalid”");
  g_resolver_set_default (original);
}

static void
test_public_only (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  Wait wait = { 0, };

  g_assert_false (gloss_fetcher_get_public_only (fetcher));
  gloss_fetcher_set_public_only (fetcher, TRUE);
  run_fetch (fetcher, "/article", NULL, &wait);
  g_assert_null (wait.result);
  g_assert_error (wait.error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (wait.error->message, "local or private network (127.0.0.1)"));
  wait_clear (&wait);
}

static void
test_io_timeout (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;
  Wait wait = { 0, };

  gloss_fetcher_set_io_timeout (fetcher, 1);
  run_fetch (fetcher, "/silent", NULL, &wait);
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (wait.error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (wait.error->message, "Timed out"));
  g_assert_nonnull (strstr (wait.error->message, "sent nothing for 1 second"));
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC / 2);
  g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC);
  wait_clear (&wait);
}

static void
test_deadline (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;
  Wait wait = { 0, };

  /* Bytes keep coming (so no I/O timeout), but the page never ends. */
  gloss_fetcher_set_deadline (fetcher, 1);
  run_fetch (fetcher, "/trickle", NULL, &wait);
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (wait.error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (wait.error->message, "did not deliver the page within 1 second"));
  g_assert_cmpuint (wait.last_received, >, 0);
  g_assert_cmpint (wait.last_total, ==, -1);
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC * 9 / 10);
  g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC);
  wait_clear (&wait);
}

static void
test_too_large (void)
{
  /* Announced by Content-Length: refused before reading. */
  assert_fetch_error ("/big", GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE, "too large");
  /* Chunked: refused while reading. */
  assert_fetch_error ("/big-chunked", GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE, "too large");
  /* 8 MiB of spaces in a small gzip: the cap counts decompressed bytes. */
  assert_fetch_error ("/gzip-bomb", GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE, "too large");
}

static void
test_gzip (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  Wait wait = { 0, };

  run_fetch (fetcher, "/gzip", NULL, &wait);
  g_assert_no_error (wait.error);
  g_assert_true (g_bytes_equal (wait.result->body, news));
  g_assert_cmpint (wait.last_total, ==, -1);
  wait_clear (&wait);
}

static void
test_cancel (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 start = g_get_monotonic_time ();
  Wait wait = { 0, };

  /* Cancelled when the first bytes of a never-ending page arrive. */
  wait.cancel_on_progress = cancellable;
  run_fetch (fetcher, "/trickle", cancellable, &wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  wait_clear (&wait);

  /* Cancelled while waiting for a silent server. */
  g_cancellable_reset (cancellable);
  wait.cancel_on_progress = NULL;
  wait.done = FALSE;
  {
    g_autofree char *url = g_strconcat (base, "/silent", NULL);

    gloss_fetcher_fetch_document_async (fetcher, url, cancellable, NULL, NULL, NULL,
                                        document_cb, &wait);
    g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
    while (!wait.done)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  wait_clear (&wait);
}

static void
test_tls (void)
{
  g_autofree char *url = NULL;

  if (tls_base == NULL)
    {
      g_test_skip ("no TLS backend (glib-networking)");
      return;
    }

  /* A self-signed certificate is refused, and the message says why. */
  url = g_strconcat (tls_base, "/article", NULL);
  assert_fetch_error (url, GLOSS_ERROR, GLOSS_ERROR_NETWORK, "certificate is not trusted");
  assert_fetch_error (url, GLOSS_ERROR, GLOSS_ERROR_NETWORK, "not signed by a known authority");
}

static void
test_connect_timeout (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  gint64 start, elapsed;
  Wait wait = { 0, };

  if (tls_base == NULL)
    {
      g_test_skip ("no TLS backend (glib-networking)");
      return;
    }

  /* The kernel completes the TCP handshake for a listening socket that
   * never accepts, so the TLS handshake hangs: connecting never ends. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  any = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("https://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  gloss_fetcher_set_connect_timeout (fetcher, 1);
  gloss_fetcher_set_io_timeout (fetcher, 10);
  start = g_get_monotonic_time ();
  run_fetch (fetcher, url, NULL, &wait);
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (wait.error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (wait.error->message, "could not connect to 127.0.0.1 within 1 second"));
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC * 9 / 10);
  g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC);
  wait_clear (&wait);
  g_socket_close (socket, NULL);
}

static void
test_not_article (void)
{
  g_autoptr(GlossFetcher) fetcher = short_fetcher ();
  g_autofree char *url = g_strconcat (base, "/links", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_fetcher_fetch_document (fetcher, url, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_ARTICLE);
}

static void
test_defaults (void)
{
  g_autoptr(GlossFetcher) fetcher = gloss_fetcher_new ();

  g_assert_cmpuint (gloss_fetcher_get_connect_timeout (fetcher), ==, GLOSS_FETCHER_CONNECT_TIMEOUT);
  g_assert_cmpuint (gloss_fetcher_get_io_timeout (fetcher), ==, GLOSS_FETCHER_IO_TIMEOUT);
  g_assert_cmpuint (gloss_fetcher_get_deadline (fetcher), ==, GLOSS_FETCHER_DEADLINE);
  g_assert_cmpuint (gloss_fetcher_get_max_bytes (fetcher), ==, GLOSS_FETCHER_MAX_BYTES);
  g_assert_cmpuint (gloss_fetcher_get_max_redirects (fetcher), ==, GLOSS_FETCHER_MAX_REDIRECTS);
}

static GThread *server_thread;
static GMutex server_lock;
static GCond server_ready;

static gpointer
server_thread_func (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server_context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);

  if (g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_autofree char *cert_file = g_test_build_filename (G_TEST_DIST, "data", "web",
                                                          "selfsigned-cert.pem", NULL);
      g_autofree char *key_file = g_test_build_filename (G_TEST_DIST, "data", "web",
                                                         "selfsigned-key.pem", NULL);
      g_autoptr(GTlsCertificate) cert = g_tls_certificate_new_from_files (cert_file, key_file,
                                                                          &error);
      GSList *tls_uris;

      g_assert_no_error (error);
      tls_server = soup_server_new ("tls-certificate", cert, NULL);
      soup_server_add_handler (tls_server, NULL, handler, NULL, NULL);
      soup_server_listen_local (tls_server, 0,
                                SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
      g_assert_no_error (error);
      tls_uris = soup_server_get_uris (tls_server);
      tls_base = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (tls_uris->data));
      g_slist_free_full (tls_uris, (GDestroyNotify) g_uri_unref);
    }

  g_mutex_lock (&server_lock);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&server_ready);
  g_mutex_unlock (&server_lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (server_loop);

  soup_server_disconnect (server);
  g_clear_object (&server);
  if (tls_server != NULL)
    soup_server_disconnect (tls_server);
  g_clear_object (&tls_server);
  g_main_context_pop_thread_default (server_context);

  return NULL;
}

static void
start_server (void)
{
  server_context = g_main_context_new ();
  server_loop = g_main_loop_new (server_context, FALSE);
  g_mutex_lock (&server_lock);
  server_thread = g_thread_new ("server", server_thread_func, NULL);
  while (base == NULL)
    g_cond_wait (&server_ready, &server_lock);
  g_mutex_unlock (&server_lock);
}

static gboolean
quit_server_cb (gpointer data)
{
  g_main_loop_quit (server_loop);
  return G_SOURCE_REMOVE;
}

static void
stop_server (void)
{
  g_main_context_invoke (server_context, quit_server_cb, NULL);
  g_thread_join (server_thread);
  g_main_loop_unref (server_loop);
  g_main_context_unref (server_context);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("no_proxy");
  g_test_init (&argc, &argv, NULL);

  news = load_fixture ("news.html");
  start_server ();

  g_test_add_func ("/gloss/fetcher/defaults", test_defaults);
  g_test_add_func ("/gloss/fetcher/article", test_article);
  g_test_add_func ("/gloss/fetcher/http-charset", test_http_charset);
  g_test_add_func ("/gloss/fetcher/redirect-chain", test_redirect_chain);
  g_test_add_func ("/gloss/fetcher/redirect-errors", test_redirect_errors);
  g_test_add_func ("/gloss/fetcher/http-errors", test_http_errors);
  g_test_add_func ("/gloss/fetcher/refused", test_refused);
  g_test_add_func ("/gloss/fetcher/dns", test_dns);
  g_test_add_func ("/gloss/fetcher/public-only", test_public_only);
  g_test_add_func ("/gloss/fetcher/io-timeout", test_io_timeout);
  g_test_add_func ("/gloss/fetcher/deadline", test_deadline);
  g_test_add_func ("/gloss/fetcher/too-large", test_too_large);
  g_test_add_func ("/gloss/fetcher/gzip", test_gzip);
  g_test_add_func ("/gloss/fetcher/cancel", test_cancel);
  g_test_add_func ("/gloss/fetcher/tls", test_tls);
  g_test_add_func ("/gloss/fetcher/connect-timeout", test_connect_timeout);
  g_test_add_func ("/gloss/fetcher/not-article", test_not_article);

  status = g_test_run ();

  stop_server ();
  g_clear_pointer (&news, g_bytes_unref);
  g_free (base);
  g_free (tls_base);

  return status;
}
