/* test-cli-web.c: gloss-cli fetch URL|FILE.html
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-utils.h"

/* A minimal HTTP/1.1 server on 127.0.0.1 in a thread: answers every
 * request with the news fixture. */
static GSocket *listener;
static GCancellable *stop;
static GThread *server_thread;
static char *page;
static gsize page_len;
static char *base;
static guint n_served;

static gpointer
serve (gpointer data)
{
  for (;;)
    {
      g_autoptr(GSocket) client = g_socket_accept (listener, stop, NULL);
      g_autoptr(GString) request = g_string_new (NULL);
      g_autofree char *head = NULL;
      char buf[4096];

      if (client == NULL)
        return NULL;

      while (strstr (request->str, "\r\n\r\n") == NULL)
        {
          gssize n = g_socket_receive (client, buf, sizeof buf, stop, NULL);

          if (n <= 0)
            break;
          g_string_append_len (request, buf, n);
        }

      head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                              "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                              page_len);
      g_socket_send (client, head, strlen (head), stop, NULL);
      g_socket_send (client, page, page_len, stop, NULL);
      g_socket_close (client, NULL);
      g_atomic_int_inc (&n_served);
    }
}

static void
start_server (void)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                           &error);
  g_assert_no_error (error);
  g_socket_bind (listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  base = g_strdup_printf ("http://127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  stop = g_cancellable_new ();
  server_thread = g_thread_new ("server", serve, NULL);
}

static void
stop_server (void)
{
  g_cancellable_cancel (stop);
  g_thread_join (server_thread);
  g_clear_object (&listener);
  g_clear_object (&stop);
  g_free (base);
}

static int
run_cli (const char  *cwd,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cli_test_run (cwd, NULL, (const char * const *) args->pdata, out, err);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "web", name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-cli-web-XXXXXX", &error);
  g_autofree char *out_path = g_build_filename (dir, "news.gloss.json", NULL);
  g_autofree char *input = fixture ("news.html");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (run_cli (NULL, &out, &err, "fetch", input, "-o", out_path, NULL), ==, 0);
  json = read_text (out_path);
  assert_contains (json, "\"format\": \"gloss\"");
  assert_contains (json, "\"title\": \"Harbour town votes to rebuild its flooded sea wall\"");
  assert_contains (json, "\"byline\": \"Amara Okafor, Tom\u00e1s Ruiz\"");
  assert_contains (json, "\"published\": \"2026-03-04T08:00:00Z\"");
  assert_contains (json, "\"extractor\": \"gloss-readability ");
  assert_contains (json, "\"text\": \"Residents of Port Ellis");
  assert_contains (json, "news.html\"");
  g_assert_null (strstr (json, "cookies"));

  /* The native reader accepts what was written. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "validate", out_path, NULL), ==, 0);

  /* Standard output. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "fetch", input, "-o", "-", NULL), ==, 0);
  assert_contains (out, "\"text\": \"Residents of Port Ellis");

  g_remove (out_path);
  g_rmdir (dir);
}

static void
test_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-cli-web-XXXXXX", &error);
  g_autofree char *url = g_strconcat (base, "/news/sea-wall-vote.html", NULL);
  g_autofree char *derived = g_build_filename (dir, "sea-wall-vote.gloss.json", NULL);
  g_autofree char *source = g_strdup_printf ("\"source\": \"%s\"", url);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);

  /* No -o: the name comes from the URL, in the current directory. */
  g_assert_cmpint (run_cli (dir, &out, &err, "fetch", url, NULL), ==, 0);
  json = read_text (derived);
  assert_contains (json, source);
  assert_contains (json, "\"retrieved\": \"20");
  assert_contains (json, "\"title\": \"Harbour town votes to rebuild its flooded sea wall\"");

  /* A derived name is never overwritten. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (dir, &out, &err, "fetch", url, NULL), ==, 1);
  assert_contains (err, "already exists");

  g_remove (derived);
  g_rmdir (dir);
}

/* `import` takes URLs and HTML pages too (fetch is its alias). */
static void
test_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-cli-web-XXXXXX", &error);
  g_autofree char *url = g_strconcat (base, "/news/sea-wall-vote.html", NULL);
  g_autofree char *derived = g_build_filename (dir, "sea-wall-vote.gloss.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "page.gloss.json", NULL);
  g_autofree char *input = fixture ("news.html");
  g_autofree char *links = fixture ("links-only.html");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);

  g_assert_cmpint (run_cli (dir, &out, &err, "import", url, NULL), ==, 0);
  json = read_text (derived);
  assert_contains (json, "\"retrieved\": \"20");
  assert_contains (json, "\"title\": \"Harbour town votes to rebuild its flooded sea wall\"");
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "import", input, "-o", out_path, NULL), ==, 0);
  json = read_text (out_path);
  assert_contains (json, "\"text\": \"Residents of Port Ellis");
  assert_contains (json, "\"extractor\": \"gloss-readability ");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An existing output is kept unless --force. */
  g_assert_cmpint (run_cli (NULL, &out, &err, "import", input, "-o", out_path, NULL), ==, 1);
  assert_contains (err, "not overwritten");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "import", "--force", input, "-o", out_path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not an article: a clear error and a non-zero exit. */
  g_assert_cmpint (run_cli (NULL, &out, &err, "import", links, "-o", "-", NULL), ==, 1);
  assert_contains (err, "no article");

  g_remove (derived);
  g_remove (out_path);
  g_rmdir (dir);
}

static void
test_errors (void)
{
  g_autofree char *links = fixture ("links-only.html");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, &out, &err, "fetch", links, "-o", "-", NULL), ==, 1);
  assert_contains (err, "no article");
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "fetch", "notes.txt", NULL), ==, 1);
  assert_contains (err, "neither an http(s) address nor an .html file");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "fetch", "/nonexistent/page.html", NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "fetch", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "fetch", "a.html", "b.html", NULL), ==, 2);
}

/* `import` takes a plain-text article as the app opens it: BOM and CRLF
 * gone, the title from its first line. A binary file is refused. */
static void
test_import_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-cli-text-XXXXXX", &error);
  g_autofree char *txt = g_build_filename (dir, "council.txt", NULL);
  g_autofree char *derived = g_build_filename (dir, "council.gloss.json", NULL);
  g_autofree char *binary = g_build_filename (dir, "blob.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (txt, "\xef\xbb\xbf" "Council Approves Budget\r\n\r\n"
                                      "The caf\xc3\xa9 stays open \xf0\x9f\x8e\x89.\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (binary, "\x00\x01\x02 not text", 12, NULL));

  g_assert_cmpint (run_cli (dir, &out, &err, "import", "council.txt", NULL), ==, 0);
  json = read_text (derived);
  assert_contains (json, "\"title\": \"Council Approves Budget\"");
  assert_contains (json, "\"text\": \"The café stays open 🎉.\\n\"");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (dir, &out, &err, "import", "blob.txt", "-o", "-", NULL), ==, 1);
  assert_contains (err, "binary");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A Gloss file saved as .txt is not taken for an article. */
  g_assert_true (g_file_set_contents (binary, json, -1, NULL));
  g_assert_cmpint (run_cli (dir, &out, &err, "import", "blob.txt", "-o", "-", NULL), ==, 1);
  assert_contains (err, "already a Gloss file");

  g_remove (derived);
  g_remove (txt);
  g_remove (binary);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *news = NULL;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("http_proxy");
  g_test_init (&argc, &argv, NULL);

  news = fixture ("news.html");
  g_file_get_contents (news, &page, &page_len, &error);
  g_assert_no_error (error);
  start_server ();

  g_test_add_func ("/gloss/cli/fetch/file", test_file);
  g_test_add_func ("/gloss/cli/fetch/url", test_url);
  g_test_add_func ("/gloss/cli/fetch/errors", test_errors);
  g_test_add_func ("/gloss/cli/fetch/import", test_import);
  g_test_add_func ("/gloss/cli/fetch/import-text", test_import_text);

  status = g_test_run ();

  stop_server ();
  g_free (page);

  return status;
}
