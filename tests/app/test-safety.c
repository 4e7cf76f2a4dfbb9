/* test-safety.c: autosave drafts, crash recovery and changes on disk in
 * the window (issue 7). Runs under Xvfb (./run-tests).
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-draft-store.h"
#include "gloss-format.h"
#include "gloss-recovery-dialog.h"
#include "gloss-test-utils.h"

static GlossApplication *app;

static const char *article =
  "Ada Lovelace met Charles Babbage in London in 1833.\n\n"
  "Babbage showed her the Difference Engine; she later wrote the first program for his Analytical Engine.\n";

static GlossDraftStore *
store (void)
{
  return gloss_application_get_draft_store (app);
}

/* The draft file of @window's document (which may not exist yet). */
static char *
draft_path (GlossWindow *window)
{
  const char *id = gloss_draft_store_get_draft_id (store (), gloss_window_get_document (window));
  g_autofree char *name = NULL;

  g_assert_nonnull (id);
  name = g_strconcat (id, ".gloss.json", NULL);

  return g_build_filename (g_file_peek_path (gloss_draft_store_get_directory (store ())), name, NULL);
}

static gboolean
wait_for (gboolean (*condition) (gpointer),
          gpointer   data,
          guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      gloss_test_wait_ms (20);
    }

  return TRUE;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
file_missing (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
pointer_cleared (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static gboolean
notice_shown (gpointer window)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (gloss_window_get_file_notice (window)));
}

static gboolean
notice_revealed (gpointer window)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (gloss_window_get_file_notice (window)));
}

static void
tag (GlossWindow *window,
     const char  *needle,
     const char  *label)
{
  gloss_test_select_text (window, needle);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", label));
  gloss_test_iterate ();
}

static guint
n_annotations (GlossWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (gloss_window_get_document (window))));
}

/* A Gloss file with @n_tags annotations, open in a new window. */
static GlossWindow *
open_native (const char *name,
             GFile     **file_out)
{
  g_autofree char *text_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *native_name = g_strconcat (name, ".gloss.json", NULL);
  g_autofree char *path = g_build_filename (gloss_test_get_tmpdir (), native_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window = gloss_test_open_text (app, text_name, article);

  gloss_window_save_to_file (window, file);
  gloss_test_wait_idle (window);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  g_assert_true (g_file_equal (gloss_window_get_file (window), file));

  *file_out = g_steal_pointer (&file);

  return window;
}

static AdwMessageDialog *
find_message_dialog (GlossWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        (window == NULL || gtk_window_get_transient_for (l->data) == GTK_WINDOW (window)))
      return l->data;

  return NULL;
}

static GlossRecoveryDialog *
find_recovery_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GLOSS_IS_RECOVERY_DIALOG (l->data))
      return l->data;

  return NULL;
}

static void
set_delay_one_second (void)
{
  g_settings_set_uint (gloss_application_get_settings (app), "autosave-delay", 1);
  g_assert_cmpuint (gloss_draft_store_get_delay (store ()), ==, 1);
}

/* Edits reach a draft after the delay; Save removes it. */
static void
test_autosave_and_save (void)
{
  g_autoptr(GFile) file = NULL;
  GlossWindow *window = open_native ("autosave", &file);
  g_autofree char *draft = draft_path (window);
  g_autoptr(GlossDocument) from_draft = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  set_delay_one_second ();
  g_assert_false (file_exists (draft));

  tag (window, "Ada Lovelace", "PERSON");
  tag (window, "London", "GPE");
  /* Not at once: after the delay. */
  g_assert_false (file_exists (draft));
  g_assert_true (wait_for (file_exists, draft, 5));

  /* The draft holds the edits. */
  g_assert_true (wait_for (file_exists, draft, 1));
  gloss_test_wait_ms (200);
  g_assert_true (g_file_get_contents (draft, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  from_draft = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (from_draft))), ==, 2);

  /* Saving deletes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  g_assert_true (wait_for (file_missing, draft, 5));

  /* Unchanged after the save: no new draft. */
  gloss_test_wait_ms (1500);
  g_assert_false (file_exists (draft));

  gloss_test_destroy_window (window);
}

/* Closing with "Discard" deletes the draft. */
static void
test_close_discard (void)
{
  GlossWindow *window = gloss_test_open_text (app, "discard.txt", article);
  g_autofree char *draft = NULL;
  AdwMessageDialog *dialog;

  set_delay_one_second ();
  tag (window, "Charles Babbage", "PERSON");
  draft = draft_path (window);
  g_assert_true (wait_for (file_exists, draft, 5));

  gtk_window_close (GTK_WINDOW (window));
  gloss_test_iterate ();
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gloss_test_wait_ms (100);
  g_assert_false (file_exists (draft));
}

static gboolean
index_lists (gpointer ids)
{
  g_autofree char *path = g_build_filename (g_file_peek_path (gloss_draft_store_get_directory (store ())),
                                            "index.json", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  for (char **id = ids; *id != NULL; id++)
    if (strstr (contents, *id) == NULL)
      return FALSE;

  return TRUE;
}

/* Child 1: edits a saved file and a never-saved article, waits for their
 * drafts, makes one more edit and dies with SIGKILL, as in a crash. */
static void
crash_child_edit (void)
{
  if (!g_test_subprocess ())
    {
      g_test_skip ("Part of /gloss/safety/crash-recovery");
      return;
    }

  g_autoptr(GFile) file = NULL;
  GlossWindow *saved = open_native ("crashed", &file);
  GlossWindow *unsaved = gloss_test_open_text (app, "unsaved.txt", article);
  g_autofree char *saved_draft = NULL;
  g_autofree char *unsaved_draft = NULL;
  const char *ids[3];

  set_delay_one_second ();
  tag (saved, "Ada Lovelace", "PERSON");
  tag (saved, "Analytical Engine", "ORG");
  tag (unsaved, "1833", "DATE");

  saved_draft = draft_path (saved);
  unsaved_draft = draft_path (unsaved);
  ids[0] = gloss_draft_store_get_draft_id (store (), gloss_window_get_document (saved));
  ids[1] = gloss_draft_store_get_draft_id (store (), gloss_window_get_document (unsaved));
  ids[2] = NULL;
  g_assert_true (wait_for (file_exists, saved_draft, 5));
  g_assert_true (wait_for (file_exists, unsaved_draft, 5));
  g_assert_true (wait_for (index_lists, ids, 5));

  /* Dies before anything else can run: no shutdown, no close. */
  kill (getpid (), SIGKILL);
}

/* Child 2: a new instance of the app starts, offers both drafts, restores
 * the saved file's (annotations, original path, modified), discards the
 * other after confirmation, and saves. */
static void
crash_child_restore (void)
{
  g_autofree char *path = g_build_filename (gloss_test_get_tmpdir (), "crashed.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossRecoveryDialog *dialog;
  GlossWindow *window = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_id = NULL;
  g_autofree char *unsaved_id = NULL;
  AdwMessageDialog *confirm;
  g_autoptr(GlossDocument) on_disk = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Part of /gloss/safety/crash-recovery");
      return;
    }

  g_assert_true (gloss_draft_store_get_crashed (store ()));

  /* As at a normal start. */
  g_application_activate (G_APPLICATION (app));
  gloss_test_wait_ms (100);
  dialog = find_recovery_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gloss_recovery_dialog_get_crashed (dialog));
  g_assert_cmpuint (gloss_recovery_dialog_get_n_drafts (dialog), ==, 2);
  gloss_test_save_screenshot (GTK_WIDGET (dialog), "recovery-dialog");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *summary = gloss_recovery_dialog_dup_summary (dialog, i);

      g_test_message ("draft %u: %s", i, summary);
      if (strstr (summary, "crashed.gloss.json") != NULL)
        {
          g_assert_nonnull (strstr (summary, "2 annotations"));
          saved_id = g_strdup (gloss_recovery_dialog_get_draft_id (dialog, i));
        }
      else
        {
          g_assert_nonnull (strstr (summary, "Never saved"));
          g_assert_nonnull (strstr (summary, "1 annotation"));
          unsaved_id = g_strdup (gloss_recovery_dialog_get_draft_id (dialog, i));
        }
    }
  g_assert_nonnull (saved_id);
  g_assert_nonnull (unsaved_id);

  window = GLOSS_WINDOW (gloss_recovery_dialog_restore (dialog, saved_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (window);
  gloss_test_iterate ();
  g_assert_cmpuint (n_annotations (window), ==, 2);
  g_assert_true (gloss_document_get_modified (gloss_window_get_document (window)));
  g_assert_true (g_file_equal (gloss_window_get_file (window), file));
  g_assert_cmpuint (gloss_recovery_dialog_get_n_drafts (dialog), ==, 1);

  /* Discard asks first; Cancel keeps it. */
  confirm = gloss_recovery_dialog_ask_discard (dialog, unsaved_id);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  gloss_test_iterate ();
  g_assert_cmpuint (gloss_recovery_dialog_get_n_drafts (dialog), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  confirm = gloss_recovery_dialog_ask_discard (dialog, unsaved_id);
  adw_message_dialog_response (confirm, "discard");
  g_assert_true (wait_for (pointer_cleared, &dialog, 5));
  /* Nothing left: the dialog is gone, and so is the draft. */
  g_assert_null (dialog);
  {
    g_autoptr(GPtrArray) left = gloss_draft_store_list (store (), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
  }

  /* Save writes to the original file (its etag still matches). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);

    on_disk = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (on_disk))), ==, 2);
  }
}

static void
test_crash_recovery (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-crash-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("GLOSS_TEST_TMPDIR", dir, TRUE);

  g_test_trap_subprocess ("/gloss/safety/crash-child/edit", 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* Killed, as intended. */
  g_test_trap_assert_failed ();

  g_test_trap_subprocess ("/gloss/safety/crash-child/restore", 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_unsetenv ("GLOSS_TEST_TMPDIR");
}

/* Another program rewrites the file: a notice; Reload shows its version. */
static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = NULL;
  GlossWindow *window = open_native ("external", &file);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  AdwMessageDialog *dialog;

  set_delay_one_second ();

  /* "Their" version: one annotation more. */
  tag (window, "Charles Babbage", "PERSON");
  theirs = gloss_format_write (gloss_window_get_document (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_annotations (window), ==, 0);

  /* Our own save is not a change by someone else. */
  tag (window, "London", "GPE");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);
  gloss_test_wait_ms (1500);
  g_assert_false (notice_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);

  gloss_test_wait_ms (50);
  g_file_set_contents (g_file_peek_path (file), g_bytes_get_data (theirs, NULL),
                       g_bytes_get_size (theirs), &error);
  g_assert_no_error (error);
  g_assert_true (wait_for (notice_shown, window, 10));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "changed by another program"));
  g_assert_true (wait_for (notice_revealed, window, 2));
  gloss_test_save_screenshot (GTK_WIDGET (window), "changed-on-disk");

  /* Unmodified: Reload at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-from-disk", NULL));
  gloss_test_wait_idle (window);
  g_assert_cmpuint (n_annotations (window), ==, 1);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  g_assert_false (notice_shown (window));

  /* Modified: our edits are drafted; Reload asks, then loads theirs and
   * drops our draft. */
  tag (window, "Ada Lovelace", "PERSON");
  draft = draft_path (window);
  g_assert_true (wait_for (file_exists, draft, 5));
  gloss_test_wait_ms (50);
  /* Theirs again, newer. */
  g_file_set_contents (g_file_peek_path (file), g_bytes_get_data (theirs, NULL),
                       g_bytes_get_size (theirs), &error);
  g_assert_no_error (error);
  g_assert_true (wait_for (notice_shown, window, 10));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-from-disk", NULL));
  gloss_test_iterate ();
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "reload");
  gloss_test_wait_idle (window);
  g_assert_cmpuint (n_annotations (window), ==, 1);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  g_assert_true (wait_for (file_missing, draft, 5));

  /* Keep Mine: the next Save asks before overwriting theirs. */
  tag (window, "Ada Lovelace", "PERSON");
  gloss_test_wait_ms (50);
  g_file_set_contents (g_file_peek_path (file), g_bytes_get_data (theirs, NULL),
                       g_bytes_get_size (theirs), &error);
  g_assert_no_error (error);
  g_assert_true (wait_for (notice_shown, window, 10));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_false (notice_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (gloss_document_get_modified (gloss_window_get_document (window)));
  adw_message_dialog_response (dialog, "overwrite");
  gloss_test_wait_idle (window);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  gloss_test_wait_ms (1500);
  g_assert_false (notice_shown (window));

  gloss_test_destroy_window (window);
}

/* Another program deletes the file: a notice; Save writes it again. */
static void
test_deleted (void)
{
  g_autoptr(GFile) file = NULL;
  GlossWindow *window = open_native ("deleted", &file);

  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  g_assert_true (wait_for (notice_shown, window, 10));
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "deleted or moved"));
  g_assert_true (wait_for (notice_revealed, window, 2));
  gloss_test_save_screenshot (GTK_WIDGET (window), "deleted-on-disk");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_false (notice_shown (window));

  gloss_test_destroy_window (window);
}

/* A read-only file: a dialog that says so and offers Save As. */
static void
test_read_only (void)
{
  g_autoptr(GFile) file = NULL;
  GlossWindow *window = open_native ("read-only", &file);
  AdwMessageDialog *dialog;

  tag (window, "London", "GPE");
  g_assert_cmpint (g_chmod (g_file_peek_path (file), 0444), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);

  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“read-only.gloss.json” Is Read-Only");
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "recovery copy"));
  g_assert_true (gloss_document_get_modified (gloss_window_get_document (window)));
  adw_message_dialog_response (dialog, "cancel");
  gloss_test_iterate ();

  g_chmod (g_file_peek_path (file), 0644);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gloss_test_wait_idle (window);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (window)));
  gloss_test_destroy_window (window);
}

/* A draft that cannot be written (the store's own full-disk test is in
 * tests/core/test-draft-store.c) is reported once, without a dialog. */
static void
test_draft_failed (void)
{
  GlossWindow *window = gloss_test_open_text (app, "failing.txt", article);
  g_autoptr(GError) full = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  const char *id;

  tag (window, "London", "GPE");
  id = gloss_draft_store_get_draft_id (store (), gloss_window_get_document (window));
  g_assert_nonnull (id);

  g_signal_emit_by_name (store (), "draft-failed", id, full);
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "disk is full"));
  g_assert_null (find_message_dialog (window));

  /* Not again at the next failure. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (g_str_has_prefix (gloss_window_get_last_message (window), "Undone"));
  g_signal_emit_by_name (store (), "draft-failed", id, full);
  g_assert_true (g_str_has_prefix (gloss_window_get_last_message (window), "Undone"));

  /* Another document's failure is not this window's business. */
  g_signal_emit_by_name (store (), "draft-written", id);
  g_signal_emit_by_name (store (), "draft-failed", "00000000-0000-4000-8000-000000000000", full);
  g_assert_true (g_str_has_prefix (gloss_window_get_last_message (window), "Undone"));
  /* Once writing worked again, a new failure is reported again. */
  g_signal_emit_by_name (store (), "draft-failed", id, full);
  g_assert_nonnull (strstr (gloss_window_get_last_message (window), "disk is full"));

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = gloss_test_app_new (&argc, &argv);

  g_test_add_func ("/gloss/safety/autosave-and-save", test_autosave_and_save);
  g_test_add_func ("/gloss/safety/close-discard", test_close_discard);
  g_test_add_func ("/gloss/safety/crash-recovery", test_crash_recovery);
  g_test_add_func ("/gloss/safety/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/gloss/safety/deleted", test_deleted);
  g_test_add_func ("/gloss/safety/read-only", test_read_only);
  g_test_add_func ("/gloss/safety/draft-failed", test_draft_failed);
  /* Halves of crash-recovery, run only as its subprocesses. */
  g_test_add_func ("/gloss/safety/crash-child/edit", crash_child_edit);
  g_test_add_func ("/gloss/safety/crash-child/restore", crash_child_restore);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
