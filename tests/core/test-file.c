/* test-file.c: bounded loading and conflict-checked atomic saving
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "gloss-error.h"
#include "gloss-file.h"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("gloss-file-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "doc.gloss.json", NULL);
  f->file = g_file_new_for_path (f->path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  /* No temp file may be left behind. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_false (g_str_has_prefix (name, ".goutputstream"));
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_clear_object (&f->file);
  g_free (f->path);
  g_free (f->dir);
}

static char *
read_all (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) one = g_bytes_new_static ("first version\n", 14);
  g_autoptr(GBytes) two = g_bytes_new_static ("second, longer version \xf0\x9f\x9a\x80\n", 28);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *etag3 = NULL;

  /* Creating a new file (no etag). */
  g_assert_true (gloss_file_replace (f->file, one, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  loaded = gloss_file_load (f->file, 1024, &etag2, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, one));
  g_assert_cmpstr (etag, ==, etag2);

  /* Replacing with the etag of the last save. */
  g_assert_true (gloss_file_replace (f->file, two, etag2, &etag3, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, g_bytes_unref);
  g_clear_pointer (&etag2, g_free);
  loaded = gloss_file_load (f->file, 1024, &etag2, NULL, &error);
  g_assert_true (g_bytes_equal (loaded, two));
  g_assert_cmpstr (etag3, ==, etag2);
}

static void
test_wrong_etag (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) mine = g_bytes_new_static ("mine\n", 5);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint64 mtime;

  g_assert_true (g_file_set_contents (f->path, "original\n", -1, NULL));
  loaded = gloss_file_load (f->file, 1024, &etag, NULL, &error);
  g_assert_no_error (error);

  /* A colleague rewrites the file; make sure the mtime really differs. */
  g_assert_true (g_file_set_contents (f->path, "theirs\n", -1, NULL));
  info = g_file_query_info (f->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  g_assert_true (g_file_set_attribute_uint64 (f->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime + 10,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));

  g_assert_false (gloss_file_replace (f->file, mine, etag, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);

  contents = read_all (f->path);
  g_assert_cmpstr (contents, ==, "theirs\n");
}

static void
test_size_cap (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_assert_true (g_file_set_contents (f->path, "0123456789", 10, NULL));

  loaded = gloss_file_load (f->file, 9, &etag, NULL, &error);
  g_assert_null (loaded);
  g_assert_null (etag);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  loaded = gloss_file_load (f->file, 10, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (loaded), ==, 10);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = gloss_file_load (f->file, 1024, NULL, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A write that fails halfway (here: the file size limit, as on a full
 * disk) must leave the original byte for byte and no temp file. Runs in a
 * subprocess because it lowers RLIMIT_FSIZE. */
static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      gsize len = 4 * 1024 * 1024;
      g_autoptr(GBytes) big = g_bytes_new_take (g_malloc0 (len), len);
      g_autoptr(GError) error = NULL;
      g_autofree char *etag = NULL;
      g_autofree char *new_etag = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) loaded = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      g_assert_true (g_file_set_contents (f->path, "original content\n", -1, NULL));
      loaded = gloss_file_load (f->file, 1024, &etag, NULL, &error);
      g_assert_no_error (error);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (gloss_file_replace (f->file, big, etag, &new_etag, NULL, &error));
      g_assert_nonnull (error);
      g_assert_null (new_etag);
      g_test_message ("write error: %s", error->message);

      contents = read_all (f->path);
      g_assert_cmpstr (contents, ==, "original content\n");
      return; /* the teardown checks that no temp file is left */
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
replace_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("async\n", 6);
  g_autoptr(GBytes) other = g_bytes_new_static ("other\n", 6);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *contents = NULL;

  gloss_file_replace_async (f->file, bytes, NULL, NULL, replace_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gloss_file_replace_finish (f->file, result, &etag, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  contents = read_all (f->path);
  g_assert_cmpstr (contents, ==, "async\n");
  g_clear_object (&result);

  gloss_file_replace_async (f->file, other, "1:2:3", NULL, replace_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gloss_file_replace_finish (f->file, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_free (contents);
  contents = read_all (f->path);
  g_assert_cmpstr (contents, ==, "async\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/gloss/file/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("round-trip", test_round_trip);
  ADD ("wrong-etag", test_wrong_etag);
  ADD ("size-cap", test_size_cap);
  ADD ("missing", test_missing);
  ADD ("async", test_async);
  ADD ("write-error", test_write_error);
#undef ADD

  return g_test_run ();
}
