/* test-file-watch.c: changes on disk by others are noticed, ours are not
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "gloss-file.h"
#include "gloss-file-watch.h"

typedef struct
{
  guint  changed;
  guint  deleted;
  char  *etag;
} Counts;

static void
changed_cb (GlossFileWatch *watch,
            const char     *etag,
            Counts         *counts)
{
  counts->changed++;
  g_free (counts->etag);
  counts->etag = g_strdup (etag);
}

static void
deleted_cb (GlossFileWatch *watch,
            Counts         *counts)
{
  counts->deleted++;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Spins until *@value > @before, at most 5 s. */
static void
wait_for (guint *value,
          guint  before)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*value <= before && g_get_monotonic_time () < end)
    spin (20);
  g_assert_cmpuint (*value, >, before);
}

static void
set_mtime (const char *path,
           gint64      seconds)
{
  struct timespec times[2] = { { seconds, 0 }, { seconds, 0 } };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_external_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-watch-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossFileWatch) watch = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) mine = g_bytes_new_static ("mine\n", 5);
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  Counts counts = { 0 };

  g_assert_true (g_file_set_contents (path, "original\n", -1, &error));
  bytes = gloss_file_load (file, 1024, &etag, NULL, &error);
  g_assert_no_error (error);

  watch = gloss_file_watch_new (file, etag);
  g_signal_connect (watch, "changed-on-disk", G_CALLBACK (changed_cb), &counts);
  g_signal_connect (watch, "deleted", G_CALLBACK (deleted_cb), &counts);
  spin (200);

  /* Our own save, paused: nothing is reported. */
  gloss_file_watch_pause (watch);
  g_assert_true (gloss_file_replace (file, mine, etag, &new_etag, NULL, &error));
  g_assert_no_error (error);
  spin (300);
  gloss_file_watch_unpause (watch, new_etag);
  spin (800);
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpstr (gloss_file_watch_get_etag (watch), ==, new_etag);

  /* A colleague rewrites it (another mtime): reported once. */
  g_assert_true (g_file_set_contents (path, "theirs\n", -1, &error));
  set_mtime (path, 1000000000);
  wait_for (&counts.changed, 0);
  g_assert_cmpstr (counts.etag, !=, new_etag);
  spin (800);
  g_assert_cmpuint (counts.changed, ==, 1);

  /* The save with the old etag is refused. */
  g_assert_false (gloss_file_replace (file, mine, new_etag, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);

  /* Deleted. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for (&counts.deleted, 0);
  spin (300);
  g_assert_cmpuint (counts.deleted, ==, 1);

  /* An explicit check of an unchanged file reports nothing. */
  g_assert_true (g_file_set_contents (path, "back\n", -1, &error));
  set_mtime (path, 1100000000);
  wait_for (&counts.changed, 1);
  g_clear_pointer (&new_etag, g_free);
  gloss_file_watch_set_etag (watch, counts.etag);
  gloss_file_watch_check (watch);
  spin (300);
  g_assert_cmpuint (counts.changed, ==, 2);

  g_clear_object (&watch);
  g_unlink (path);
  g_rmdir (dir);
  g_free (counts.etag);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/file-watch/external-change", test_external_change);

  return g_test_run ();
}
