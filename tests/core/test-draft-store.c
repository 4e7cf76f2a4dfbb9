/* test-draft-store.c: drafts, discard, restore, crash recovery
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-draft-store.h"
#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-format.h"

static const char *text =
  "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure.";

static GFile *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("gloss-drafts-XXXXXX", &error);

  g_assert_no_error (error);
  return g_file_new_build_filename (path, "drafts", NULL);
}

static void
remove_tree (GFile *dir)
{
  g_autofree char *parent = g_path_get_dirname (g_file_peek_path (dir));
  const char *argv[] = { "/bin/rm", "-rf", parent, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL));
}

static void
written_cb (GlossDraftStore *store,
            const char      *id,
            guint           *n)
{
  (*n)++;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@n > @before or @seconds pass. */
static void
wait_for_write (guint *n,
                guint  before,
                guint  seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (*n <= before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (*n, >, before);
}

static void
annotate (GlossDocument *doc,
          const char    *label,
          guint          start,
          guint          end)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gloss_document_annotate (doc, label, start, end, &error));
  g_assert_no_error (error);
}

static GFile *
draft_path (GFile      *dir,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, ".gloss.json", NULL);

  return g_file_get_child (dir, name);
}

static void
test_draft_written_private (void)
{
  g_autoptr(GFile) dir = make_dir ();
  g_autoptr(GlossDraftStore) store = gloss_draft_store_new (dir);
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDocument) copy = NULL;
  const char *id;
  guint n = 0;
  gint64 start;

  g_assert_false (gloss_draft_store_get_crashed (store));
  gloss_draft_store_set_delay (store, 1);
  g_signal_connect (store, "draft-written", G_CALLBACK (written_cb), &n);
  id = gloss_draft_store_attach (store, doc, NULL, NULL, NULL);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (gloss_draft_store_get_draft_id (store, doc), ==, id);

  start = g_get_monotonic_time ();
  annotate (doc, "PERSON", 39, 47);
  annotate (doc, "ORG", 0, 9);
  wait_for_write (&n, 0, 5);
  /* Debounced: a burst of edits gives one write, after about the delay. */
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);

  draft = draft_path (dir, id);
  info = g_file_query_info (draft, G_FILE_ATTRIBUTE_UNIX_MODE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777, ==, 0600);
  g_clear_object (&info);
  info = g_file_query_info (dir, G_FILE_ATTRIBUTE_UNIX_MODE, 0, NULL, &error);
  g_assert_cmpuint (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777, ==, 0700);

  bytes = gloss_file_load (draft, GLOSS_FORMAT_MAX_BYTES, NULL, NULL, &error);
  g_assert_no_error (error);
  copy = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (copy)), ==, 2);

  g_assert_true (gloss_draft_store_shutdown (store, &error));
  g_assert_no_error (error);
  gloss_draft_store_detach (store, doc);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_discard_after_save (void)
{
  g_autoptr(GFile) dir = make_dir ();
  g_autoptr(GlossDraftStore) store = gloss_draft_store_new (dir);
  g_autoptr(GlossDraftStore) store2 = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autofree char *parent = g_path_get_dirname (g_file_peek_path (dir));
  g_autofree char *saved_path = g_build_filename (parent, "saved.gloss.json", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  const char *id;
  guint n = 0;

  gloss_draft_store_set_delay (store, 1);
  g_signal_connect (store, "draft-written", G_CALLBACK (written_cb), &n);
  id = gloss_draft_store_attach (store, doc, NULL, NULL, NULL);
  draft = draft_path (dir, id);

  annotate (doc, "PERSON", 39, 47);
  wait_for_write (&n, 0, 5);
  g_assert_true (g_file_query_exists (draft, NULL));

  /* A real save succeeds: the draft goes. */
  bytes = gloss_format_write (doc);
  g_assert_true (gloss_file_replace (saved, bytes, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  gloss_document_set_saved (doc);
  g_assert_true (gloss_draft_store_discard (store, doc, &error));
  g_assert_no_error (error);
  gloss_draft_store_set_file (store, doc, saved, etag);
  g_assert_false (g_file_query_exists (draft, NULL));

  /* Editing again drafts again, under the same id. */
  annotate (doc, "ORG", 0, 9);
  wait_for_write (&n, 1, 5);
  g_assert_true (g_file_query_exists (draft, NULL));

  /* Undo back to the saved state: the draft is no longer needed. */
  g_assert_true (gloss_document_undo (doc));
  g_assert_false (gloss_document_get_modified (doc));
  g_assert_true (gloss_draft_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (draft, NULL));

  /* Nothing to recover at the next start. */
  g_assert_true (gloss_draft_store_shutdown (store, &error));
  gloss_draft_store_detach (store, doc);
  store2 = gloss_draft_store_new (dir);
  g_assert_false (gloss_draft_store_get_crashed (store2));
  drafts = gloss_draft_store_list (store2, &error);
  g_assert_cmpuint (drafts->len, ==, 0);

  g_clear_object (&store);
  g_clear_object (&store2);
  g_unlink (saved_path);
  remove_tree (dir);
}

static void
test_detach_keeps_draft (void)
{
  g_autoptr(GFile) dir = make_dir ();
  g_autoptr(GlossDraftStore) store = gloss_draft_store_new (dir);
  g_autoptr(GlossDraftStore) store2 = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GlossDocument) restored = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *etag = NULL;

  gloss_document_set_title (doc, "Sales");
  id = g_strdup (gloss_draft_store_attach (store, doc, NULL, NULL, NULL));
  annotate (doc, "PERSON", 39, 47);
  /* Closing the window before the delay: the pending work is written. */
  gloss_draft_store_detach (store, doc);
  g_assert_true (gloss_draft_store_shutdown (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Cleanly shut down, but unsaved work is still offered. */
  store2 = gloss_draft_store_new (dir);
  g_assert_false (gloss_draft_store_get_crashed (store2));
  drafts = gloss_draft_store_list (store2, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (gloss_draft_info_get_id (drafts->pdata[0]), ==, id);
  g_assert_cmpstr (gloss_draft_info_get_title (drafts->pdata[0]), ==, "Sales");
  g_assert_null (gloss_draft_info_get_path (drafts->pdata[0]));
  g_assert_cmpuint (gloss_draft_info_get_n_annotations (drafts->pdata[0]), ==, 1);

  restored = gloss_draft_store_restore (store2, id, &file, &etag, &error);
  g_assert_no_error (error);
  g_assert_null (file);
  g_assert_true (gloss_document_get_modified (restored));
  g_assert_cmpstr (gloss_draft_store_get_draft_id (store2, restored), ==, id);

  /* Discarding a listed draft without restoring it. */
  g_assert_true (gloss_draft_store_discard (store2, restored, &error));
  g_assert_false (gloss_draft_store_restore (store2, id, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  gloss_draft_store_detach (store2, restored);
  /* Let the index write started by the discard land before cleaning up. */
  g_assert_true (gloss_draft_store_shutdown (store2, &error));
  g_assert_no_error (error);
  g_clear_object (&store2);
  remove_tree (dir);
}

/* Crash recovery: a child edits, drafts, edits again and is killed. */

#define CHILD_PATH "/home/someone/articles/acme.gloss.json"

G_GNUC_NORETURN static void
crash_child (const char *dir_path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GFile) original = g_file_new_for_path (CHILD_PATH);
  GlossDraftStore *store = gloss_draft_store_new (dir);
  GlossDocument *doc = gloss_document_new (text, -1);
  guint n = 0;

  gloss_draft_store_set_delay (store, 1);
  g_signal_connect (store, "draft-written", G_CALLBACK (written_cb), &n);
  gloss_document_set_title (doc, "Acme");
  gloss_draft_store_attach (store, doc, original, "1795929021:726204:726204145", NULL);

  annotate (doc, "PERSON", 39, 47);
  wait_for_write (&n, 0, 10);
  annotate (doc, "ORG", 0, 9);
  wait_for_write (&n, 1, 10);
  /* Wait for the index too. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (10 * 1000);

  /* This last edit is within the delay when the kill comes: it is lost. */
  annotate (doc, "GPE", 10, 14);
  printf ("ready\n");
  fflush (stdout);

  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_crash_recovery (void)
{
  g_autoptr(GFile) dir = make_dir ();
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--crash-child", g_file_peek_path (dir), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDraftStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *etag = NULL;
  GlossDraftInfo *info;
  GlossAnnotationStore *annotations;
  GPid pid;
  int out_fd;
  char buf[16] = { 0 };
  ssize_t len;
  int status;
  gint64 killed_at;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  len = read (out_fd, buf, sizeof buf - 1);
  close (out_fd);
  g_assert_cmpint (len, >, 0);
  g_assert_cmpstr (buf, ==, "ready\n");

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  killed_at = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);

  store = gloss_draft_store_new (dir);
  g_assert_true (gloss_draft_store_get_crashed (store));
  drafts = gloss_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  info = drafts->pdata[0];
  g_assert_cmpstr (gloss_draft_info_get_title (info), ==, "Acme");
  g_assert_cmpstr (gloss_draft_info_get_path (info), ==, CHILD_PATH);
  g_assert_cmpuint (gloss_draft_info_get_n_annotations (info), ==, 2);
  /* At most the delay (1 s) plus scheduling was lost. */
  g_assert_cmpint (killed_at - gloss_draft_info_get_changed (info), <=, 3);

  doc = gloss_draft_store_restore (store, gloss_draft_info_get_id (info), &file, &etag, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (g_file_peek_path (file), ==, CHILD_PATH);
  g_assert_cmpstr (etag, ==, "1795929021:726204:726204145");
  g_assert_true (gloss_document_get_modified (doc));
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "Acme");
  annotations = gloss_document_get_annotations (doc);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (annotations), ==, 2);
  {
    g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (annotations), 0);
    g_autoptr(GlossAnnotation) b = g_list_model_get_item (G_LIST_MODEL (annotations), 1);

    g_assert_cmpstr (gloss_annotation_get_label (a), ==, "ORG");
    g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Acme Corp");
    g_assert_cmpstr (gloss_annotation_get_label (b), ==, "PERSON");
    g_assert_cmpstr (gloss_annotation_get_quote (b), ==, "Jane Doe");
  }

  /* After a clean shutdown the next run sees no crash, and the restored
   * draft, still unsaved, is still offered. */
  g_assert_true (gloss_draft_store_shutdown (store, &error));
  gloss_draft_store_detach (store, doc);
  g_clear_object (&store);
  store = gloss_draft_store_new (dir);
  g_assert_false (gloss_draft_store_get_crashed (store));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = gloss_draft_store_list (store, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_true (gloss_draft_store_discard_id (store, gloss_draft_info_get_id (drafts->pdata[0]), &error));
  g_assert_no_error (error);
  g_assert_true (gloss_draft_store_shutdown (store, &error));
  g_clear_object (&store);
  store = gloss_draft_store_new (dir);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = gloss_draft_store_list (store, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);

  g_clear_object (&store);
  remove_tree (dir);
}

/* The index parser is strict: a damaged index never crashes the start. */
static void
test_index_parse (void)
{
  static const struct { const char *json; int code; } bad[] = {
    { "", GLOSS_ERROR_EMPTY },
    { "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", GLOSS_ERROR_TOO_DEEP },
    { "{", GLOSS_ERROR_PARSE },
    { "[]", GLOSS_ERROR_INVALID },
    { "{\"format\":\"x\",\"version\":1,\"clean_shutdown\":true,\"drafts\":[]}", GLOSS_ERROR_INVALID },
    { "{\"format\":\"gloss-drafts\",\"version\":2,\"clean_shutdown\":true,\"drafts\":[]}", GLOSS_ERROR_UNSUPPORTED_VERSION },
    { "{\"format\":\"gloss-drafts\",\"version\":1,\"drafts\":[]}", GLOSS_ERROR_INVALID },
    { "{\"format\":\"gloss-drafts\",\"version\":1,\"clean_shutdown\":false,\"drafts\":[{\"id\":\"../../etc/passwd\"}]}", GLOSS_ERROR_INVALID },
    { "{\"format\":\"gloss-drafts\",\"version\":1,\"clean_shutdown\":false,\"drafts\":[{\"id\":\"0f8a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b\",\"annotations\":99999999999999999999}]}", GLOSS_ERROR_OUT_OF_RANGE },
    { "{\"format\":\"gloss-drafts\",\"version\":1,\"clean_shutdown\":false,\"drafts\":[{\"id\":\"0f8a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b\",\"annotations\":1e300}]}", GLOSS_ERROR_INVALID },
    { "{\"format\":\"gloss-drafts\",\"version\":1,\"clean_shutdown\":false,\"drafts\":[{\"id\":\"0f8a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b\",\"path\":\"relative\"}]}", GLOSS_ERROR_INVALID },
    { "{\"format\":\"gloss-drafts\",\"version\":1,\"clean_shutdown\":false,\"drafts\":[{\"id\":\"0f8a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b\"},{\"id\":\"0f8a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b\"}]}", GLOSS_ERROR_INVALID },
  };
  const char *good = "{\"format\":\"gloss-drafts\",\"version\":1,\"clean_shutdown\":false,\"drafts\":"
                     "[{\"id\":\"0f8a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b\",\"path\":\"/a/b.gloss.json\","
                     "\"title\":\"T\",\"annotations\":7,\"changed\":1795929021}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean clean = TRUE;

  g_assert_true (gloss_draft_index_parse (bytes, &clean, &drafts, &error));
  g_assert_no_error (error);
  g_assert_false (clean);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpuint (gloss_draft_info_get_n_annotations (drafts->pdata[0]), ==, 7);
  g_assert_cmpint (gloss_draft_info_get_changed (drafts->pdata[0]), ==, 1795929021);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) b = g_bytes_new_static (bad[i].json, strlen (bad[i].json));
      g_autoptr(GPtrArray) d = NULL;
      g_autoptr(GError) e = NULL;

      g_test_message ("case %u: %s", i, bad[i].json);
      g_assert_false (gloss_draft_index_parse (b, NULL, &d, &e));
      g_assert_error (e, GLOSS_ERROR, bad[i].code);
      g_assert_null (d);
    }
}

static void
test_damaged_index_keeps_drafts (void)
{
  g_autoptr(GFile) dir = make_dir ();
  g_autoptr(GlossDraftStore) store = gloss_draft_store_new (dir);
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GFile) index = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = g_strdup (gloss_draft_store_attach (store, doc, NULL, NULL, NULL));
  annotate (doc, "PERSON", 39, 47);
  g_assert_true (gloss_draft_store_flush (store, &error));
  g_assert_no_error (error);
  gloss_draft_store_detach (store, doc);
  g_clear_object (&store);

  index = g_file_get_child (dir, "index.json");
  g_assert_true (g_file_replace_contents (index, "{\"garbage", 9, NULL, FALSE, 0, NULL, NULL, &error));

  g_test_expect_message ("gloss-draft-store", G_LOG_LEVEL_WARNING, "*damaged*");
  store = gloss_draft_store_new (dir);
  g_test_assert_expected_messages ();
  g_assert_true (gloss_draft_store_get_crashed (store));
  drafts = gloss_draft_store_list (store, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (gloss_draft_info_get_id (drafts->pdata[0]), ==, id);

  g_clear_object (&store);
  remove_tree (dir);
}

/* A full disk: the draft write fails with a signal, the previous draft stays
 * intact (atomic replace), the document is untouched. */
static void
failed_cb (GlossDraftStore *store,
           const char      *id,
           GError          *error,
           GError         **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
test_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mnt = g_dir_make_tmp ("gloss-drafts-full-XXXXXX", &error);
  g_autofree char *filler = g_build_filename (mnt, "filler", NULL);
  g_autoptr(GFile) dir = g_file_new_build_filename (mnt, "drafts", NULL);
  g_autoptr(GlossDraftStore) store = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GError) failure = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *note = NULL;
  GlossAnnotation *a;
  FILE *f;
  char block[4096];
  guint n = 0;

  if (mount ("tmpfs", mnt, "tmpfs", 0, "size=512k") != 0)
    {
      g_autofree char *msg = g_strdup_printf ("cannot mount a tmpfs (needs root): %s",
                                              g_strerror (errno));
      g_rmdir (mnt);
      g_test_skip (msg);
      return;
    }

  store = gloss_draft_store_new (dir);
  gloss_draft_store_set_delay (store, 1);
  g_signal_connect (store, "draft-written", G_CALLBACK (written_cb), &n);
  g_signal_connect (store, "draft-failed", G_CALLBACK (failed_cb), &failure);
  draft = draft_path (dir, gloss_draft_store_attach (store, doc, NULL, NULL, NULL));
  a = gloss_document_annotate (doc, "PERSON", 39, 47, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_draft_store_flush (store, &error));
  g_assert_no_error (error);
  before = gloss_file_load (draft, GLOSS_FORMAT_MAX_BYTES, NULL, NULL, &error);
  g_assert_no_error (error);

  memset (block, 'x', sizeof block);
  f = fopen (filler, "w");
  g_assert_nonnull (f);
  setvbuf (f, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, f) == sizeof block)
    ;
  while (fwrite (block, 1, 1, f) == 1)
    ;
  fclose (f);

  /* A long note makes the draft larger than the space left. */
  note = g_strnfill (100 * 1024, 'n');
  gloss_document_set_note (doc, a, note);
  g_assert_false (gloss_draft_store_flush (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_error (failure, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  after = gloss_file_load (draft, GLOSS_FORMAT_MAX_BYTES, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (gloss_document_get_modified (doc));

  /* Space again: the next flush writes the pending change. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (gloss_draft_store_shutdown (store, &error));
  g_assert_no_error (error);
  gloss_draft_store_detach (store, doc);
  g_clear_object (&store);
  g_clear_pointer (&after, g_bytes_unref);
  after = gloss_file_load (draft, GLOSS_FORMAT_MAX_BYTES, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (after), >, 100 * 1024);

  g_assert_cmpint (umount (mnt), ==, 0);
  g_rmdir (mnt);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-child"))
    crash_child (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/draft-store/written-private", test_draft_written_private);
  g_test_add_func ("/gloss/draft-store/discard-after-save", test_discard_after_save);
  g_test_add_func ("/gloss/draft-store/detach-keeps-draft", test_detach_keeps_draft);
  g_test_add_func ("/gloss/draft-store/crash-recovery", test_crash_recovery);
  g_test_add_func ("/gloss/draft-store/index-parse", test_index_parse);
  g_test_add_func ("/gloss/draft-store/damaged-index", test_damaged_index_keeps_drafts);
  g_test_add_func ("/gloss/draft-store/full-disk", test_full_disk);

  return g_test_run ();
}
