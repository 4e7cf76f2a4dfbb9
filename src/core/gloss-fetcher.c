/* gloss-fetcher.c: fetching a web page with explicit limits (libsoup 3)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsoup 3.2 has no I/O timeout by default, no body-size limit and
 * follows up to 20 redirects by itself. Here every fetch gets its own
 * session with SoupSession:timeout set, redirects are followed by hand
 * (SOUP_MESSAGE_NO_REDIRECT) so each hop is counted and vetted, the body
 * is read in chunks after SoupContentDecoder (so the cap counts
 * decompressed bytes), and two timers cover what the socket timeout does
 * not: connecting (DNS, TCP, TLS) and the whole fetch. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "gloss-error.h"
#include "gloss-fetcher.h"
#include "gloss-html-extractor.h"

#define READ_CHUNK (64 * 1024)

struct _GlossFetcher
{
  GObject parent_instance;

  guint   connect_timeout;
  guint   io_timeout;
  guint   deadline;
  guint64 max_bytes;
  guint   max_redirects;
  gboolean public_only;
};

G_DEFINE_FINAL_TYPE (GlossFetcher, gloss_fetcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECT_TIMEOUT,
  PROP_IO_TIMEOUT,
  PROP_DEADLINE,
  PROP_MAX_BYTES,
  PROP_MAX_REDIRECTS,
  PROP_PUBLIC_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  STOP_NONE,
  STOP_USER,
  STOP_DEADLINE,
  STOP_CONNECT,
  STOP_PRIVATE,
} StopReason;

typedef struct
{
  SoupSession        *session;
  SoupMessage        *msg;
  GInputStream       *stream;
  GCancellable       *cancellable;      /* internal; cancelled for any stop */
  GCancellable       *user_cancellable;
  gulong              cancel_handler;
  GSource            *deadline_source;
  GSource            *connect_source;
  GMainContext       *context;

  GUri               *uri;
  GHashTable         *visited;
  guint               n_redirects;
  StopReason          stop;
  GTlsCertificateFlags tls_errors;

  /* Limits, copied at the start. */
  guint               connect_timeout;
  guint               io_timeout;
  guint               deadline;
  guint64             max_bytes;
  guint               max_redirects;
  gboolean            public_only;
  char               *private_address;

  GByteArray         *body;
  gint64              total;
  GlossFetchProgress  progress;
  gpointer            progress_data;
  GDestroyNotify      progress_destroy;

  char               *content_type;
  char               *charset;
  char               *retrieved;
  guint               status;
} Fetch;

void
gloss_fetch_result_free (GlossFetchResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->uri);
  g_free (result->content_type);
  g_free (result->charset);
  g_free (result->retrieved);
  g_free (result);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_source_unref (*source);
      *source = NULL;
    }
}

static void
fetch_drop_message (Fetch *fetch)
{
  if (fetch->msg != NULL)
    {
      g_signal_handlers_disconnect_by_data (fetch->msg, fetch);
      g_clear_object (&fetch->msg);
    }
  if (fetch->stream != NULL)
    {
      /* Closing would read the rest; dropping the stream ends the message. */
      g_clear_object (&fetch->stream);
    }
}

static void
fetch_free (Fetch *fetch)
{
  if (fetch->user_cancellable != NULL)
    {
      g_cancellable_disconnect (fetch->user_cancellable, fetch->cancel_handler);
      g_clear_object (&fetch->user_cancellable);
    }
  clear_source (&fetch->deadline_source);
  clear_source (&fetch->connect_source);
  fetch_drop_message (fetch);
  if (fetch->session != NULL)
    soup_session_abort (fetch->session);
  g_clear_object (&fetch->session);
  g_clear_object (&fetch->cancellable);
  g_clear_pointer (&fetch->context, g_main_context_unref);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_clear_pointer (&fetch->visited, g_hash_table_unref);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  if (fetch->progress_destroy != NULL)
    fetch->progress_destroy (fetch->progress_data);
  g_free (fetch->content_type);
  g_free (fetch->charset);
  g_free (fetch->retrieved);
  g_free (fetch->private_address);
  g_free (fetch);
}

static const char *
fetch_host (Fetch *fetch)
{
  const char *host = fetch->uri != NULL ? g_uri_get_host (fetch->uri) : NULL;

  return host != NULL ? host : "?";
}

static char *
describe_tls_errors (GTlsCertificateFlags flags)
{
  GString *out = g_string_new (NULL);
  static const struct { GTlsCertificateFlags flag; const char *text; } reasons[] = {
    { G_TLS_CERTIFICATE_UNKNOWN_CA, N_("it is not signed by a known authority") },
    { G_TLS_CERTIFICATE_BAD_IDENTITY, N_("it does not belong to this host name") },
    { G_TLS_CERTIFICATE_NOT_ACTIVATED, N_("it is not valid yet") },
    { G_TLS_CERTIFICATE_EXPIRED, N_("it has expired") },
    { G_TLS_CERTIFICATE_REVOKED, N_("it has been revoked") },
    { G_TLS_CERTIFICATE_INSECURE, N_("it uses an insecure algorithm") },
    { G_TLS_CERTIFICATE_GENERIC_ERROR, N_("it could not be verified") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (flags & reasons[i].flag)
      {
        if (out->len > 0)
          g_string_append (out, "; ");
        g_string_append (out, _(reasons[i].text));
      }

  if (out->len == 0)
    g_string_append (out, _("it could not be verified"));

  return g_string_free (out, FALSE);
}

/* Turns a libsoup/GIO error into one a user can act on. */
static GError *
fetch_map_error (Fetch  *fetch,
                 GError *error)
{
  const char *host = fetch_host (fetch);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      switch (fetch->stop)
        {
        case STOP_DEADLINE:
          return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                              ngettext ("Timed out: %s did not deliver the page within %u second",
                                        "Timed out: %s did not deliver the page within %u seconds",
                                        fetch->deadline),
                              host, fetch->deadline);
        case STOP_PRIVATE:
          return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                              _("%s is on a local or private network (%s); such addresses "
                                "are not fetched here"), host, fetch->private_address);
        case STOP_CONNECT:
          return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                              ngettext ("Timed out: could not connect to %s within %u second",
                                        "Timed out: could not connect to %s within %u seconds",
                                        fetch->connect_timeout),
                              host, fetch->connect_timeout);
        case STOP_USER:
        case STOP_NONE:
        default:
          return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
        }
    }

  if (fetch->tls_errors != 0 || error->domain == G_TLS_ERROR)
    {
      g_autofree char *why = describe_tls_errors (fetch->tls_errors);

      return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                          _("The secure connection to %s was refused: its certificate is not "
                            "trusted (%s)"), host, why);
    }

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                        _("Could not find the server “%s” (the name does not resolve)"), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                        _("The server %s refused the connection"), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                        ngettext ("Timed out: %s sent nothing for %u second",
                                  "Timed out: %s sent nothing for %u seconds", fetch->io_timeout),
                        host, fetch->io_timeout);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                        _("The server %s cannot be reached (%s)"), host, error->message);

  return g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                      _("Could not fetch the page from %s: %s"), host, error->message);
}

static void
fetch_fail (GTask  *task,
            GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  clear_source (&fetch->deadline_source);
  clear_source (&fetch->connect_source);
  g_task_return_error (task, error);
}

static void
fetch_fail_mapped (GTask  *task,
                   GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  fetch_fail (task, fetch_map_error (fetch, error));
  g_error_free (error);
}

static gboolean
deadline_cb (gpointer data)
{
  Fetch *fetch = data;

  fetch->stop = STOP_DEADLINE;
  g_cancellable_cancel (fetch->cancellable);
  g_clear_pointer (&fetch->deadline_source, g_source_unref);

  return G_SOURCE_REMOVE;
}

static gboolean
connect_timeout_cb (gpointer data)
{
  Fetch *fetch = data;

  if (fetch->stop == STOP_NONE)
    fetch->stop = STOP_CONNECT;
  g_cancellable_cancel (fetch->cancellable);
  g_clear_pointer (&fetch->connect_source, g_source_unref);

  return G_SOURCE_REMOVE;
}

static void
user_cancelled_cb (GCancellable *cancellable,
                   gpointer      data)
{
  Fetch *fetch = data;

  if (fetch->stop == STOP_NONE)
    fetch->stop = STOP_USER;
  g_cancellable_cancel (fetch->cancellable);
}

static GSource *
add_timeout (Fetch       *fetch,
             guint        seconds,
             GSourceFunc  func)
{
  /* Milliseconds: a seconds source may fire up to a second late. */
  GSource *source = g_timeout_source_new ((guint) MIN ((guint64) seconds * 1000, G_MAXUINT));

  g_source_set_callback (source, func, fetch, NULL);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_attach (source, fetch->context);

  return source;
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              data)
{
  Fetch *fetch = data;

  /* Never accepted; remembered to say why. */
  fetch->tls_errors = errors;

  return FALSE;
}

/* Loopback, link-local, private (RFC 1918, unique local), unspecified
 * or multicast, IPv4-mapped IPv6 included. */
static gboolean
is_private_address (GInetAddress *address)
{
  g_autoptr(GInetAddress) mapped = NULL;

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    {
      const guint8 *bytes = g_inet_address_to_bytes (address);
      static const guint8 prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

      if (memcmp (bytes, prefix, sizeof prefix) == 0)
        {
          mapped = g_inet_address_new_from_bytes (bytes + 12, G_SOCKET_FAMILY_IPV4);
          address = mapped;
        }
      else if ((bytes[0] & 0xfe) == 0xfc)
        return TRUE;
    }

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    {
      const guint8 *bytes = g_inet_address_to_bytes (address);

      /* 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8. */
      if ((bytes[0] == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0)
        return TRUE;
    }

  return g_inet_address_get_is_loopback (address) || g_inet_address_get_is_link_local (address) ||
         g_inet_address_get_is_site_local (address) || g_inet_address_get_is_any (address) ||
         g_inet_address_get_is_multicast (address);
}

static void
network_event_cb (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            data)
{
  Fetch *fetch = data;
  g_autoptr(GSocketAddress) remote = NULL;
  GInetAddress *address;

  if (!fetch->public_only || event != G_SOCKET_CLIENT_CONNECTED ||
      !G_IS_SOCKET_CONNECTION (connection))
    return;

  remote = g_socket_connection_get_remote_address (G_SOCKET_CONNECTION (connection), NULL);
  if (remote == NULL || !G_IS_INET_SOCKET_ADDRESS (remote))
    return;

  address = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote));
  if (is_private_address (address))
    {
      g_free (fetch->private_address);
      fetch->private_address = g_inet_address_to_string (address);
      fetch->stop = STOP_PRIVATE;
      g_cancellable_cancel (fetch->cancellable);
    }
}

static void
wrote_headers_cb (SoupMessage *msg,
                  gpointer     data)
{
  Fetch *fetch = data;

  /* Connected (and TLS done): from now on the I/O timeout applies. */
  clear_source (&fetch->connect_source);
}

static void send_request (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      fetch_fail_mapped (task, error);
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      GlossFetchResult *fetched = g_new0 (GlossFetchResult, 1);

      clear_source (&fetch->deadline_source);
      fetched->body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
      fetched->uri = g_uri_to_string (fetch->uri);
      fetched->content_type = g_steal_pointer (&fetch->content_type);
      fetched->charset = g_steal_pointer (&fetch->charset);
      fetched->retrieved = g_steal_pointer (&fetch->retrieved);
      fetched->status = fetch->status;
      fetched->n_redirects = fetch->n_redirects;
      g_task_return_pointer (task, fetched, (GDestroyNotify) gloss_fetch_result_free);
      return;
    }

  if (fetch->body->len + size > fetch->max_bytes)
    {
      g_autofree char *max = g_format_size (fetch->max_bytes);

      fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                                     _("The page at %s is too large (more than %s)"),
                                     fetch_host (fetch), max));
      return;
    }

  g_byte_array_append (fetch->body, g_bytes_get_data (bytes, NULL), size);
  if (fetch->progress != NULL)
    fetch->progress (fetch->body->len, fetch->total, fetch->progress_data);

  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, read_cb, g_steal_pointer (&task));
}

static gboolean
is_page_type (const char *type)
{
  return g_ascii_strcasecmp (type, "text/html") == 0 ||
         g_ascii_strcasecmp (type, "application/xhtml+xml") == 0;
}

static void
follow_redirect (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->msg);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  g_autofree char *target_string = NULL;
  const char *scheme;

  if (location == NULL)
    {
      fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                                     _("%s answered with a redirect (%u) but no address"),
                                     fetch_host (fetch), fetch->status));
      return;
    }

  target = g_uri_parse_relative (fetch->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = target != NULL ? g_uri_get_scheme (target) : NULL;
  if (scheme != NULL && g_ascii_strcasecmp (scheme, "http") != 0 &&
      g_ascii_strcasecmp (scheme, "https") != 0)
    {
      fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                                     _("%s redirected to “%s”; only http and https addresses "
                                       "are followed"), fetch_host (fetch), location));
      return;
    }
  if (target == NULL || g_uri_get_host (target) == NULL || *g_uri_get_host (target) == '\0')
    {
      fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                                     _("%s redirected to an invalid address “%s”"),
                                     fetch_host (fetch), location));
      return;
    }

  if (++fetch->n_redirects > fetch->max_redirects)
    {
      fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                                     _("Too many redirects (more than %u), last to %s"),
                                     fetch->max_redirects, location));
      return;
    }

  target_string = g_uri_to_string (target);
  if (g_hash_table_contains (fetch->visited, target_string))
    {
      fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                                     _("Redirect loop: %s leads back to an address already "
                                       "visited"), target_string));
      return;
    }
  g_hash_table_add (fetch->visited, g_steal_pointer (&target_string));

  fetch_drop_message (fetch);
  g_uri_unref (fetch->uri);
  fetch->uri = g_steal_pointer (&target);
  send_request (task);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autoptr(GHashTable) params = NULL;
  const char *type;
  GError *error = NULL;
  goffset length;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  clear_source (&fetch->connect_source);
  if (fetch->stream == NULL)
    {
      if (fetch->tls_errors == 0 && fetch->msg != NULL)
        fetch->tls_errors = soup_message_get_tls_peer_certificate_errors (fetch->msg);
      fetch_fail_mapped (task, error);
      return;
    }

  fetch->status = soup_message_get_status (fetch->msg);
  headers = soup_message_get_response_headers (fetch->msg);

  if (SOUP_STATUS_IS_REDIRECTION (fetch->status) && fetch->status != SOUP_STATUS_NOT_MODIFIED &&
      fetch->status != 300 && fetch->status != 305 && fetch->status != 306)
    {
      follow_redirect (task);
      return;
    }

  if (fetch->status < 200 || fetch->status >= 300)
    {
      const char *reason = soup_message_get_reason_phrase (fetch->msg);

      if (reason == NULL || *reason == '\0')
        reason = soup_status_get_phrase (fetch->status);
      if (reason == NULL)
        reason = "";

      if (fetch->status >= 500)
        fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                                       _("The server %s failed: HTTP %u %s"),
                                       fetch_host (fetch), fetch->status, reason));
      else
        fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                                       _("The server %s refused the page: HTTP %u %s"),
                                       fetch_host (fetch), fetch->status, reason));
      return;
    }

  type = soup_message_headers_get_content_type (headers, &params);
  if (type != NULL && !is_page_type (type))
    {
      fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                                     _("The address does not lead to a web page: its content "
                                       "type is “%s”"), type));
      return;
    }
  fetch->content_type = type != NULL ? g_ascii_strdown (type, -1) : NULL;
  if (params != NULL && g_hash_table_lookup (params, "charset") != NULL)
    fetch->charset = g_strdup (g_hash_table_lookup (params, "charset"));

  fetch->total = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    {
      const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");

      length = soup_message_headers_get_content_length (headers);
      if ((guint64) length > fetch->max_bytes)
        {
          g_autofree char *size = g_format_size (length);
          g_autofree char *max = g_format_size (fetch->max_bytes);

          fetch_fail (task, g_error_new (GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                                         _("The page at %s is too large (%s; at most %s)"),
                                         fetch_host (fetch), size, max));
          return;
        }
      if (coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0)
        fetch->total = length;
    }

  fetch->retrieved = gloss_html_now_iso8601 ();
  fetch->body = g_byte_array_new ();
  if (fetch->progress != NULL)
    fetch->progress (0, fetch->total, fetch->progress_data);

  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, read_cb, g_steal_pointer (&task));
}

static void
send_request (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  fetch->tls_errors = 0;
  fetch->msg = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->uri);
  soup_message_add_flags (fetch->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->msg);
  soup_message_headers_replace (headers, "Accept",
                                "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
  g_signal_connect (fetch->msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), fetch);
  g_signal_connect (fetch->msg, "wrote-headers", G_CALLBACK (wrote_headers_cb), fetch);
  g_signal_connect (fetch->msg, "network-event", G_CALLBACK (network_event_cb), fetch);

  clear_source (&fetch->connect_source);
  if (fetch->connect_timeout > 0)
    fetch->connect_source = add_timeout (fetch, fetch->connect_timeout, connect_timeout_cb);

  soup_session_send_async (fetch->session, fetch->msg, G_PRIORITY_DEFAULT, fetch->cancellable,
                           send_cb, g_object_ref (task));
}

void
gloss_fetcher_fetch_async (GlossFetcher        *self,
                           const char          *url,
                           GCancellable        *cancellable,
                           GlossFetchProgress   progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_destroy,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Fetch *fetch;
  const char *scheme;

  g_return_if_fail (GLOSS_IS_FETCHER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, gloss_fetcher_fetch_async);
  g_task_set_check_cancellable (task, FALSE);

  fetch = g_new0 (Fetch, 1);
  fetch->progress = progress;
  fetch->progress_data = progress_data;
  fetch->progress_destroy = progress_destroy;
  fetch->connect_timeout = self->connect_timeout;
  fetch->io_timeout = self->io_timeout;
  fetch->deadline = self->deadline;
  fetch->max_bytes = self->max_bytes;
  fetch->max_redirects = self->max_redirects;
  fetch->public_only = self->public_only;
  fetch->context = g_main_context_ref_thread_default ();
  fetch->cancellable = g_cancellable_new ();
  fetch->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  fetch->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  scheme = fetch->uri != NULL ? g_uri_get_scheme (fetch->uri) : NULL;
  if (fetch->uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                               _("“%s” is not a web address; only http and https addresses "
                                 "can be opened"), url);
      return;
    }
  if (g_uri_get_host (fetch->uri) == NULL || *g_uri_get_host (fetch->uri) == '\0')
    {
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                               _("“%s” has no host name"), url);
      return;
    }
  g_hash_table_add (fetch->visited, g_uri_to_string (fetch->uri));

  /* No cookie jar is added: nothing is kept between fetches. */
  fetch->session = soup_session_new_with_options ("timeout", self->io_timeout,
                                                  "idle-timeout", self->io_timeout,
                                                  "user-agent", "Gloss/" PACKAGE_VERSION,
                                                  "accept-language-auto", TRUE,
                                                  "max-conns-per-host", 2,
                                                  NULL);

  if (cancellable != NULL)
    {
      fetch->user_cancellable = g_object_ref (cancellable);
      fetch->cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (user_cancelled_cb),
                                                     fetch, NULL);
    }
  if (fetch->deadline > 0)
    fetch->deadline_source = add_timeout (fetch, fetch->deadline, deadline_cb);

  send_request (task);
}

GlossFetchResult *
gloss_fetcher_fetch_finish (GlossFetcher  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Fetch and extract                                                   */

typedef struct
{
  char             *url;
  GlossFetchResult *fetched;
} DocumentJob;

static void
document_job_free (DocumentJob *job)
{
  g_free (job->url);
  gloss_fetch_result_free (job->fetched);
  g_free (job);
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DocumentJob *job = task_data;
  GError *error = NULL;
  GlossDocument *document;
  gsize len;
  const char *data = g_bytes_get_data (job->fetched->body, &len);

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  document = gloss_html_document_new (data != NULL ? data : "", len, job->fetched->charset,
                                      job->url, job->fetched->retrieved, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_strcmp0 (job->fetched->uri, job->url) != 0)
    gloss_document_set_metadata (document, "final_url", job->fetched->uri);

  g_task_return_pointer (task, document, g_object_unref);
}

static void
fetched_for_document_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DocumentJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  job->fetched = gloss_fetcher_fetch_finish (GLOSS_FETCHER (source), result, &error);
  if (job->fetched == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, extract_thread);
}

void
gloss_fetcher_fetch_document_async (GlossFetcher        *self,
                                    const char          *url,
                                    GCancellable        *cancellable,
                                    GlossFetchProgress   progress,
                                    gpointer             progress_data,
                                    GDestroyNotify       progress_destroy,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  DocumentJob *job;

  g_return_if_fail (GLOSS_IS_FETCHER (self));
  g_return_if_fail (url != NULL);

  gloss_html_extractor_init ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_fetcher_fetch_document_async);
  job = g_new0 (DocumentJob, 1);
  job->url = g_strdup (url);
  g_task_set_task_data (task, job, (GDestroyNotify) document_job_free);

  gloss_fetcher_fetch_async (self, url, cancellable, progress, progress_data, progress_destroy,
                             fetched_for_document_cb, task);
}

GlossDocument *
gloss_fetcher_fetch_document_finish (GlossFetcher  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  gboolean       done;
  GlossDocument *document;
  GError        *error;
} SyncData;

static void
sync_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SyncData *data = user_data;

  data->document = gloss_fetcher_fetch_document_finish (GLOSS_FETCHER (source), result,
                                                        &data->error);
  data->done = TRUE;
}

GlossDocument *
gloss_fetcher_fetch_document (GlossFetcher  *self,
                              const char    *url,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  SyncData data = { FALSE, NULL, NULL };

  g_return_val_if_fail (GLOSS_IS_FETCHER (self), NULL);

  g_main_context_push_thread_default (context);
  gloss_fetcher_fetch_document_async (self, url, cancellable, NULL, NULL, NULL, sync_cb, &data);
  while (!data.done)
    g_main_context_iteration (context, TRUE);
  /* Let the finished task release its sources and session. */
  while (g_main_context_pending (context))
    g_main_context_iteration (context, FALSE);
  g_main_context_pop_thread_default (context);

  if (data.error != NULL)
    g_propagate_error (error, data.error);

  return data.document;
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

GlossFetcher *
gloss_fetcher_new (void)
{
  return g_object_new (GLOSS_TYPE_FETCHER, NULL);
}

#define DEFINE_LIMIT(type, field, PROP)                                  \
  type                                                                   \
  gloss_fetcher_get_##field (GlossFetcher *self)                         \
  {                                                                      \
    g_return_val_if_fail (GLOSS_IS_FETCHER (self), 0);                   \
    return self->field;                                                  \
  }                                                                      \
  void                                                                   \
  gloss_fetcher_set_##field (GlossFetcher *self,                         \
                             type          value)                        \
  {                                                                      \
    g_return_if_fail (GLOSS_IS_FETCHER (self));                          \
    if (self->field == value)                                            \
      return;                                                            \
    self->field = value;                                                 \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
  }

DEFINE_LIMIT (guint, connect_timeout, PROP_CONNECT_TIMEOUT)
DEFINE_LIMIT (guint, io_timeout, PROP_IO_TIMEOUT)
DEFINE_LIMIT (guint, deadline, PROP_DEADLINE)
DEFINE_LIMIT (guint64, max_bytes, PROP_MAX_BYTES)
DEFINE_LIMIT (guint, max_redirects, PROP_MAX_REDIRECTS)
DEFINE_LIMIT (gboolean, public_only, PROP_PUBLIC_ONLY)

static void
gloss_fetcher_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossFetcher *self = GLOSS_FETCHER (object);

  switch (prop_id)
    {
    case PROP_CONNECT_TIMEOUT:
      g_value_set_uint (value, self->connect_timeout);
      break;
    case PROP_IO_TIMEOUT:
      g_value_set_uint (value, self->io_timeout);
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;
    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, self->max_bytes);
      break;
    case PROP_MAX_REDIRECTS:
      g_value_set_uint (value, self->max_redirects);
      break;
    case PROP_PUBLIC_ONLY:
      g_value_set_boolean (value, self->public_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_fetcher_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossFetcher *self = GLOSS_FETCHER (object);

  switch (prop_id)
    {
    case PROP_CONNECT_TIMEOUT:
      gloss_fetcher_set_connect_timeout (self, g_value_get_uint (value));
      break;
    case PROP_IO_TIMEOUT:
      gloss_fetcher_set_io_timeout (self, g_value_get_uint (value));
      break;
    case PROP_DEADLINE:
      gloss_fetcher_set_deadline (self, g_value_get_uint (value));
      break;
    case PROP_MAX_BYTES:
      gloss_fetcher_set_max_bytes (self, g_value_get_uint64 (value));
      break;
    case PROP_MAX_REDIRECTS:
      gloss_fetcher_set_max_redirects (self, g_value_get_uint (value));
      break;
    case PROP_PUBLIC_ONLY:
      gloss_fetcher_set_public_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_fetcher_class_init (GlossFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = gloss_fetcher_get_property;
  object_class->set_property = gloss_fetcher_set_property;

  /* 0 disables a timeout (not recommended). */
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL, 0, 3600, GLOSS_FETCHER_CONNECT_TIMEOUT, flags);
  properties[PROP_IO_TIMEOUT] =
    g_param_spec_uint ("io-timeout", NULL, NULL, 0, 3600, GLOSS_FETCHER_IO_TIMEOUT, flags);
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 0, 3600, GLOSS_FETCHER_DEADLINE, flags);
  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, NULL, 1, G_MAXUINT32, GLOSS_FETCHER_MAX_BYTES, flags);
  properties[PROP_MAX_REDIRECTS] =
    g_param_spec_uint ("max-redirects", NULL, NULL, 0, 100, GLOSS_FETCHER_MAX_REDIRECTS, flags);

  /* Refuse servers on loopback, link-local and private networks: for
   * URLs that come from files rather than from the user. */
  properties[PROP_PUBLIC_ONLY] =
    g_param_spec_boolean ("public-only", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_fetcher_init (GlossFetcher *self)
{
  self->connect_timeout = GLOSS_FETCHER_CONNECT_TIMEOUT;
  self->io_timeout = GLOSS_FETCHER_IO_TIMEOUT;
  self->deadline = GLOSS_FETCHER_DEADLINE;
  self->max_bytes = GLOSS_FETCHER_MAX_BYTES;
  self->max_redirects = GLOSS_FETCHER_MAX_REDIRECTS;
}
