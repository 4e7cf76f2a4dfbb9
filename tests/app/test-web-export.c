/* test-web-export.c: HTML pages, Open Web Page…, Export… and imports in the window
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-export-dialog.h"
#include "gloss-open-url-dialog.h"
#include "gloss-test-utils.h"
#include "gloss-window.h"

#define NEWS_TITLE "Harbour town votes to rebuild its flooded sea wall"

static GlossApplication *app;
static SoupServer *server;
static char *base_url;
static char *news_page;
static gsize news_len;
static GPtrArray *stalled;  /* SoupServerMessages of /slow, kept paused */

/* Helpers ------------------------------------------------------------------ */

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gloss_test_iterate ();
  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  gloss_test_iterate ();
}

static gboolean
window_idle (gpointer data)
{
  return !gloss_window_get_busy (data);
}

static gboolean
not_fetching (gpointer data)
{
  return !gloss_open_url_dialog_get_fetching (data);
}

static gboolean
export_idle (gpointer data)
{
  return !gloss_export_dialog_get_busy (data);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          (parent == NULL || gtk_window_get_transient_for (toplevel) == parent) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static void
close_message_dialogs (GlossWindow *window)
{
  GtkWindow *dialog;

  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window))) != NULL)
    gtk_window_destroy (dialog);
  gloss_test_iterate ();
}

static char *
fixture (const char *area,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", area, name, NULL);
}

static GlossWindow *
open_in_new_window (GFile *file)
{
  GlossWindow *window = gloss_test_new_window_sized (app, 1000, 700);

  gloss_window_open_file (window, file);
  wait_until (window_idle, window);

  return window;
}

static char *
article_view_text (GlossWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_article_view (window)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The server ----------------------------------------------------------------- */

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/news/sea-wall-vote.html"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                        news_page, news_len);
    }
  else if (g_str_equal (path, "/slow"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      /* Announces 1 MB, sends 64 KB and then nothing: the dialog shows the
       * progress until the test cancels. */
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CONTENT_LENGTH);
      soup_message_headers_set_content_length (headers, 1024 * 1024);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      {
        g_autofree char *chunk = g_strnfill (64 * 1024, ' ');

        soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, 64 * 1024);
      }
      g_ptr_array_add (stalled, g_object_ref (msg));
    }
  else if (g_str_equal (path, "/data.bin"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_STATIC,
                                        "\x01\x02\x03", 3);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen (server, address, 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

/* HTML files ------------------------------------------------------------------ */

static void
test_html_file (void)
{
  g_autofree char *path = fixture ("web", "news.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *links_path = fixture ("web", "links-only.html");
  g_autoptr(GFile) links = g_file_new_for_path (links_path);
  g_autofree char *sniffed_path = g_build_filename (gloss_test_get_tmpdir (), "saved-page.txt", NULL);
  g_autoptr(GFile) sniffed = g_file_new_for_path (sniffed_path);
  GlossWindow *window;
  GlossDocument *document;
  g_autofree char *shown = NULL;

  window = open_in_new_window (file);
  document = gloss_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (gloss_document_get_title (document), ==, NEWS_TITLE);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (document), "Residents of Port Ellis"));
  g_assert_null (strstr (gloss_document_get_text (document), "cookies"));
  g_assert_true (g_str_has_prefix (gloss_document_get_metadata (document, "extractor"), "gloss-readability"));
  /* Unsaved: Save goes through Save As. */
  g_assert_null (gloss_window_get_file (window));
  shown = article_view_text (window);
  g_assert_true (g_str_has_prefix (shown, NEWS_TITLE "\n"));
  gloss_test_destroy_window (window);

  /* By content: a page saved with another extension. */
  g_file_set_contents (sniffed_path, news_page, news_len, NULL);
  window = open_in_new_window (sniffed);
  g_assert_cmpstr (gloss_document_get_title (gloss_window_get_document (window)), ==, NEWS_TITLE);
  gloss_test_destroy_window (window);

  /* Not an article: a clear error, no document. */
  window = open_in_new_window (links);
  g_assert_null (gloss_window_get_document (window));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "article"));
  close_message_dialogs (window);
  gloss_test_destroy_window (window);
  g_remove (sniffed_path);
}

/* Open Web Page… ---------------------------------------------------------- */

static GlossOpenUrlDialog *
open_url_dialog (GlossWindow *window)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-url", NULL);
  gloss_test_iterate ();
  dialog = find_toplevel (GLOSS_TYPE_OPEN_URL_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);

  return GLOSS_OPEN_URL_DIALOG (dialog);
}

static void
test_open_url (void)
{
  g_autofree char *news_url = g_strconcat (base_url, "/news/sea-wall-vote.html", NULL);
  g_autofree char *missing_url = g_strconcat (base_url, "/gone.html", NULL);
  g_autofree char *slow_url = g_strconcat (base_url, "/slow", NULL);
  g_autofree char *shown = NULL;
  GlossWindow *window = gloss_test_new_window_sized (app, 1000, 700);
  GlossOpenUrlDialog *dialog;
  GlossDocument *document;

  /* Validation: only http(s) with a host. */
  g_assert_true (gloss_open_url_is_valid ("https://example.com/a"));
  g_assert_false (gloss_open_url_is_valid ("ftp://example.com/a"));
  g_assert_false (gloss_open_url_is_valid ("file:///etc/passwd"));
  g_assert_false (gloss_open_url_is_valid ("http://"));

  dialog = open_url_dialog (window);
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "open-url-empty");

  /* The address entry has the keyboard. */
  {
    GtkWidget *row = gloss_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

    g_assert_nonnull (row);
    g_assert_nonnull (focus);
    g_assert_true (GTK_IS_TEXT (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, row));
  }

  /* A 404: the message says so, the dialog stays for another try. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gloss_open_url_dialog_set_url (dialog, missing_url);
  gloss_open_url_dialog_start (dialog);
  g_assert_true (gloss_open_url_dialog_get_fetching (dialog));
  /* While it loads, Cancel has the keyboard (the address is hidden). */
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (dialog))));
  g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (dialog))));
  wait_until (not_fetching, dialog);
  g_assert_nonnull (dialog);
  g_assert_nonnull (gloss_open_url_dialog_get_error (dialog));
  g_assert_nonnull (strstr (gloss_open_url_dialog_get_error (dialog), "404"));
  g_assert_null (gloss_window_get_document (window));
  gloss_test_wait_ms (200);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "open-url-error");

  /* Not a web page: said so, nothing opened. */
  {
    g_autofree char *binary_url = g_strconcat (base_url, "/data.bin", NULL);
    g_autofree char *first_error = g_strdup (gloss_open_url_dialog_get_error (dialog));

    gloss_open_url_dialog_set_url (dialog, binary_url);
    gloss_open_url_dialog_start (dialog);
    /* A new fetch clears the old message. */
    g_assert_null (gloss_open_url_dialog_get_error (dialog));
    wait_until (not_fetching, dialog);
    g_assert_nonnull (dialog);
    g_assert_nonnull (gloss_open_url_dialog_get_error (dialog));
    g_assert_cmpstr (gloss_open_url_dialog_get_error (dialog), !=, first_error);
    g_test_message ("not HTML: %s", gloss_open_url_dialog_get_error (dialog));
    g_assert_null (gloss_window_get_document (window));
  }

  /* Success: the article becomes the (unsaved) document; the dialog closes. */
  gloss_open_url_dialog_set_url (dialog, news_url);
  gloss_open_url_dialog_start (dialog);
  wait_until (pointer_cleared, &dialog);
  document = gloss_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (gloss_document_get_title (document), ==, NEWS_TITLE);
  g_assert_cmpstr (gloss_document_get_source (document), ==, news_url);
  g_assert_nonnull (gloss_document_get_metadata (document, "retrieved"));
  g_assert_null (gloss_window_get_file (window));
  /* The source shows in the article header. */
  shown = article_view_text (window);
  g_assert_nonnull (strstr (shown, "127.0.0.1"));
  g_assert_nonnull (strstr (shown, "retrieved"));
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (window), "open-url-article");

  /* Cancel in the middle: the old document stays, nothing is shown. */
  g_ptr_array_set_size (stalled, 0);
  dialog = open_url_dialog (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gloss_open_url_dialog_set_url (dialog, slow_url);
  gloss_open_url_dialog_start (dialog);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (stalled->len == 0)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  gloss_test_wait_ms (400);
  g_assert_true (gloss_open_url_dialog_get_fetching (dialog));
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "open-url-progress");
  gloss_open_url_dialog_cancel (dialog);
  gloss_test_iterate ();
  g_assert_null (dialog);
  gloss_test_wait_ms (100);
  g_assert_true (gloss_window_get_document (window) == document);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));

  gloss_test_destroy_window (window);

  /* An http(s) GFile (the command line) goes to the fetcher. */
  {
    g_autoptr(GFile) web = g_file_new_for_uri (news_url);
    GtkWindow *found;

    window = gloss_test_new_window_sized (app, 1000, 700);
    gloss_window_open_file (window, web);
    /* (Looked up at once: the local server answers within one iteration.) */
    found = find_toplevel (GLOSS_TYPE_OPEN_URL_DIALOG, GTK_WINDOW (window));
    g_assert_nonnull (found);
    /* Taken: GlossApplication gives a second URL its own window. */
    g_assert_true (gloss_window_has_document (window));
    g_object_add_weak_pointer (G_OBJECT (found), (gpointer *) &found);
    wait_until (pointer_cleared, &found);
    g_assert_nonnull (gloss_window_get_document (window));
    g_assert_cmpstr (gloss_document_get_title (gloss_window_get_document (window)), ==, NEWS_TITLE);
    gloss_test_destroy_window (window);
  }
}

/* Export… ------------------------------------------------------------------- */

static GlossExportDialog *
export_dialog (GlossWindow *window)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  gloss_test_iterate ();
  dialog = find_toplevel (GLOSS_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  wait_until (export_idle, dialog);

  return GLOSS_EXPORT_DIALOG (dialog);
}

static void
export_to (GlossExportDialog *dialog,
           const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gloss_export_dialog_export_to_file (dialog, file);
  wait_until (pointer_cleared, &dialog);
}

static JsonNode *
parse_json_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
losses_contain (GPtrArray  *losses,
                const char *needle)
{
  for (guint i = 0; losses != NULL && i < losses->len; i++)
    if (strstr (losses->pdata[i], needle) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_export (void)
{
  g_autofree char *path = fixture ("export/golden", "fixture.gloss.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *w3c_path = g_build_filename (gloss_test_get_tmpdir (), "out.jsonld", NULL);
  g_autofree char *ann_path = g_build_filename (gloss_test_get_tmpdir (), "out.ann", NULL);
  g_autofree char *txt_path = g_build_filename (gloss_test_get_tmpdir (), "out.txt", NULL);
  g_autofree char *conf_path = g_build_filename (gloss_test_get_tmpdir (), "annotation.conf", NULL);
  g_autofree char *claims_path = g_build_filename (gloss_test_get_tmpdir (), "claims.jsonld", NULL);
  g_autofree char *claims_json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) ann = NULL;
  GSettings *settings = gloss_application_get_settings (app);
  GlossWindow *window, *imported;
  GlossExportDialog *dialog;
  GlossDocument *document;
  guint n_annotations;

  window = open_in_new_window (file);
  document = gloss_window_get_document (window);
  g_assert_nonnull (document);
  n_annotations = g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (document)));
  g_assert_cmpuint (n_annotations, >, 0);

  /* W3C: the losses preview is this document's; the file is JSON-LD.
   * The keyboard starts on the chosen format. */
  dialog = export_dialog (window);
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (dialog))));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (dialog)))));
  g_assert_true (gloss_export_dialog_set_format (dialog, "w3c"));
  g_assert_cmpstr (gloss_export_dialog_get_format (dialog), ==, "w3c");
  wait_until (export_idle, dialog);
  g_assert_nonnull (gloss_export_dialog_get_losses (dialog));
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "export-w3c");
  /* Activating the format (Enter on it, or a double click) exports in
   * it: the chooser asks where. */
  {
    g_autoptr(GFile) w3c_file = g_file_new_for_path (w3c_path);

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (dialog))));
    gloss_test_iterate ();
    gloss_test_choose_file (GTK_WINDOW (dialog), w3c_file);
    wait_until (pointer_cleared, &dialog);
  }
  root = parse_json_file (w3c_path);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "type"), ==, "AnnotationCollection");
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "out.jsonld"));

  /* CoNLL: overlapping and non-entity spans are reported before exporting;
   * options change what is lost. */
  dialog = export_dialog (window);
  g_assert_true (gloss_export_dialog_set_format (dialog, "conll"));
  wait_until (export_idle, dialog);
  g_assert_cmpuint (gloss_export_dialog_get_losses (dialog)->len, >, 0);
  g_assert_true (losses_contain (gloss_export_dialog_get_losses (dialog), "not in the exported layer"));
  gloss_export_dialog_set_option (dialog, "layer", "all");
  wait_until (export_idle, dialog);
  g_assert_false (losses_contain (gloss_export_dialog_get_losses (dialog), "not in the exported layer"));
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "export-conll");

  /* A name with an extension of its own is kept (CoNLL as .txt)... */
  {
    g_autofree char *corpus_txt = g_build_filename (gloss_test_get_tmpdir (), "corpus.txt", NULL);
    g_autofree char *corpus = g_build_filename (gloss_test_get_tmpdir (), "corpus", NULL);
    g_autofree char *corpus_conll = g_build_filename (gloss_test_get_tmpdir (), "corpus.conll", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GFile) bare = g_file_new_for_path (corpus);
    AdwMessageDialog *confirm;

    export_to (dialog, corpus_txt);
    g_assert_true (g_file_get_contents (corpus_txt, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "-DOCSTART-"));
    g_assert_false (g_file_test (corpus_conll, G_FILE_TEST_EXISTS));

    /* ...one without gets .conll, and a file of that name is not
     * replaced unasked. */
    g_file_set_contents (corpus_conll, "keep me", -1, NULL);
    dialog = export_dialog (window);
    g_assert_true (gloss_export_dialog_set_format (dialog, "conll"));
    wait_until (export_idle, dialog);
    gloss_export_dialog_export_to_file (dialog, bare);
    gloss_test_iterate ();
    confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (dialog)));
    g_assert_nonnull (confirm);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "corpus.conll"));
    adw_message_dialog_response (confirm, "cancel");
    gtk_window_destroy (GTK_WINDOW (confirm));
    gloss_test_iterate ();
    g_clear_pointer (&contents, g_free);
    g_file_get_contents (corpus_conll, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "keep me");
    g_assert_false (g_file_test (corpus, G_FILE_TEST_EXISTS));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_iterate ();

  /* brat: three files beside each other, and a loss preview. */
  dialog = export_dialog (window);
  g_assert_true (gloss_export_dialog_set_format (dialog, "brat"));
  wait_until (export_idle, dialog);
  g_assert_cmpuint (gloss_export_dialog_get_losses (dialog)->len, >, 0);
  export_to (dialog, ann_path);
  g_assert_true (g_file_test (ann_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (txt_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (conf_path, G_FILE_TEST_IS_REGULAR));

  /* Again: the files beside the chosen one are not replaced unasked. */
  g_file_set_contents (txt_path, "keep me", -1, NULL);
  dialog = export_dialog (window);
  g_assert_true (gloss_export_dialog_set_format (dialog, "brat"));
  wait_until (export_idle, dialog);
  {
    g_autoptr(GFile) again = g_file_new_for_path (ann_path);
    g_autofree char *kept = NULL;
    AdwMessageDialog *confirm;

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gloss_export_dialog_export_to_file (dialog, again);
    gloss_test_iterate ();
    confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (dialog)));
    g_assert_nonnull (confirm);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "annotation.conf"));
    gloss_test_wait_ms (300);
    gloss_test_save_screenshot (GTK_WIDGET (confirm), "export-replace");
    adw_message_dialog_response (confirm, "cancel");
    gtk_window_destroy (GTK_WINDOW (confirm));
    gloss_test_iterate ();
    g_file_get_contents (txt_path, &kept, NULL, NULL);
    g_assert_cmpstr (kept, ==, "keep me");
    g_assert_nonnull (dialog);

    gloss_export_dialog_export_to_file (dialog, again);
    gloss_test_iterate ();
    confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (dialog)));
    g_assert_nonnull (confirm);
    adw_message_dialog_response (confirm, "replace");
    wait_until (pointer_cleared, &dialog);
    g_clear_pointer (&kept, g_free);
    g_file_get_contents (txt_path, &kept, NULL, NULL);
    g_assert_cmpstr (kept, ==, gloss_document_get_text (document));
  }

  /* Exported before the preview has come: a name typed with another
   * extension still gets brat's, so its .txt beside it cannot land on
   * the .ann itself. */
  {
    g_autofree char *typed = g_build_filename (gloss_test_get_tmpdir (), "early.txt", NULL);
    g_autofree char *early_ann = g_build_filename (gloss_test_get_tmpdir (), "early.txt.ann", NULL);
    g_autofree char *beside = g_build_filename (gloss_test_get_tmpdir (), "early.txt.txt", NULL);
    g_autofree char *contents = NULL;

    dialog = export_dialog (window);
    g_assert_true (gloss_export_dialog_set_format (dialog, "brat"));
    export_to (dialog, typed);
    g_assert_true (g_file_get_contents (early_ann, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "T1\t"));
    g_assert_true (g_file_test (beside, G_FILE_TEST_IS_REGULAR));
  }

  /* ClaimReview: the reviewer comes from the preferences. */
  g_settings_set_string (settings, "reviewer-organization", "Harbour Fact Check");
  dialog = export_dialog (window);
  g_assert_true (gloss_export_dialog_set_format (dialog, "claimreview"));
  wait_until (export_idle, dialog);
  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "export-claimreview");
  export_to (dialog, claims_path);
  g_file_get_contents (claims_path, &claims_json, NULL, NULL);
  g_assert_nonnull (claims_json);
  g_assert_nonnull (strstr (claims_json, "Harbour Fact Check"));
  g_clear_pointer (&root, json_node_unref);
  root = parse_json_file (claims_path);
  g_settings_reset (settings, "reviewer-organization");

  /* The brat files open through the window's open path as an import:
   * same text, every span, and a note of what was approximated. */
  ann = g_file_new_for_path (ann_path);
  imported = open_in_new_window (ann);
  g_assert_nonnull (gloss_window_get_document (imported));
  g_assert_cmpstr (gloss_document_get_text (gloss_window_get_document (imported)), ==,
                   gloss_document_get_text (document));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (gloss_window_get_document (imported)))),
                    ==, n_annotations);
  g_assert_null (gloss_window_get_file (imported));
  g_assert_nonnull (gloss_window_get_last_message (imported));
  gloss_test_wait_ms (300);
  {
    GtkWindow *reports = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (imported));

    if (reports != NULL)
      gloss_test_save_screenshot (GTK_WIDGET (reports), "import-reports");
  }
  close_message_dialogs (imported);
  gloss_test_destroy_window (imported);

  gloss_test_destroy_window (window);

  g_remove (w3c_path);
  g_remove (ann_path);
  g_remove (txt_path);
  g_remove (conf_path);
  g_remove (claims_path);
}

/* Other tools' files through Open ---------------------------------------- */

static void
test_import_open (void)
{
  g_autofree char *ls_path = fixture ("export/ref", "label-studio-example.json");
  g_autofree char *doccano_path = fixture ("export/ref", "doccano-example.jsonl");
  g_autoptr(GFile) ls = g_file_new_for_path (ls_path);
  g_autoptr(GFile) doccano = g_file_new_for_path (doccano_path);
  GlossWindow *window;

  window = open_in_new_window (ls);
  g_assert_nonnull (gloss_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (gloss_window_get_document (window)))), >, 0);
  g_assert_null (gloss_window_get_file (window));
  close_message_dialogs (window);
  gloss_test_destroy_window (window);

  window = open_in_new_window (doccano);
  g_assert_nonnull (gloss_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (gloss_window_get_document (window)))), >, 0);
  close_message_dialogs (window);
  gloss_test_destroy_window (window);
}

static void
test_empty_state (void)
{
  GlossWindow *window = gloss_test_new_window_sized (app, 1000, 700);

  gloss_test_wait_ms (300);
  gloss_test_save_screenshot (GTK_WIDGET (window), "empty-web");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-url", NULL));
  gloss_test_iterate ();
  g_assert_nonnull (find_toplevel (GLOSS_TYPE_OPEN_URL_DIALOG, GTK_WINDOW (window)));
  gtk_window_destroy (find_toplevel (GLOSS_TYPE_OPEN_URL_DIALOG, GTK_WINDOW (window)));
  gloss_test_iterate ();
  /* Export needs a document. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL) &&
                  find_toplevel (GLOSS_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)) != NULL);
  gloss_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *news = NULL;
  int ret;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("http_proxy");

  app = gloss_test_app_new (&argc, &argv);

  news = fixture ("web", "news.html");
  g_file_get_contents (news, &news_page, &news_len, &error);
  g_assert_no_error (error);
  stalled = g_ptr_array_new_with_free_func (g_object_unref);
  start_server ();

  g_test_add_func ("/gloss/web-export/html-file", test_html_file);
  g_test_add_func ("/gloss/web-export/open-url", test_open_url);
  g_test_add_func ("/gloss/web-export/export", test_export);
  g_test_add_func ("/gloss/web-export/import-open", test_import_open);
  g_test_add_func ("/gloss/web-export/empty-state", test_empty_state);

  ret = g_test_run ();

  g_clear_object (&app);
  g_clear_object (&server);

  return ret;
}
