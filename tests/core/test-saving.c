/* test-saving.c: atomic replace under failure: full disk, conflicts,
 * permissions, read-only files, links, a vanished folder
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-file.h"

static const char original[] = "the original file\n";

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-saving-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autofree char *argv0 = g_find_program_in_path ("rm");
  const char *argv[] = { argv0, "-rf", path, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL));
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_temp_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".goutputstream-"))
      n++;
  return n;
}

static gboolean
save (const char  *path,
      const char  *contents,
      const char  *etag,
      char       **new_etag,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));

  return gloss_file_replace (file, bytes, etag, new_etag, NULL, error);
}

/* Full disk ---------------------------------------------------------------- */

static void
run_full_disk (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "article.gloss.json", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.gloss.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GError) error = NULL;
  FILE *f;
  char block[4096];

  if (mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    {
      g_autofree char *msg = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
      g_rmdir (dir);
      g_test_skip (msg);
      return;
    }

  write_file (path, original);

  /* Fill the file system to the last byte. */
  memset (block, 'x', sizeof block);
  f = fopen (filler, "w");
  g_assert_nonnull (f);
  setvbuf (f, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, f) == sizeof block)
    ;
  while (fwrite (block, 1, 1, f) == 1)
    ;
  fclose (f);

  big = g_strnfill (200 * 1024, 'n');
  g_assert_false (save (path, big, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, original);
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  /* Save As to a new name on the full disk: no truncated file is left. */
  g_clear_error (&error);
  g_assert_false (save (new_path, big, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_full_disk (void)
{
  g_autofree char *unshare = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (geteuid () == 0)
    {
      run_full_disk ();
      return;
    }

  /* Not root: a user namespace lets us mount a tmpfs (unshare -rm). */
  unshare = g_find_program_in_path ("unshare");
  if (unshare == NULL)
    {
      g_test_skip ("not root and no unshare(1) to mount a tmpfs");
      return;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  {
    const char *argv[] = { unshare, "-rm", self, "--full-disk-child", NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error))
      {
        g_test_skip (error->message);
        return;
      }
  }

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    g_test_skip ("unshare -rm is not permitted here");
  else
    g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Conflicts ---------------------------------------------------------------- */

static void
test_conflict (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.gloss.json", NULL);
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  write_file (path, original);
  loaded = gloss_file_load (file, 1024, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  /* Our own save with the etag works and gives a new etag. */
  g_assert_true (save (path, "mine 1\n", etag, &etag2, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag2);

  /* A colleague rewrites the file (with another mtime). */
  write_file (path, "theirs\n");
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  g_assert_false (save (path, "mine 2\n", etag2, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "theirs\n");
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  remove_tree (dir);
}

/* Permissions (never as root: root ignores them) ---------------------------- */

static gboolean
run_helper_unprivileged (const char  *path,
                         const char  *contents,
                         char       **output,
                         gboolean    *skipped)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = g_path_get_dirname (self);
  g_autofree char *helper = g_build_filename (bindir, "gloss-save-helper", NULL);
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  *skipped = FALSE;
  if (geteuid () != 0)
    {
      const char *argv[] = { helper, path, contents, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL,
                                   output, NULL, &status, &error));
      return g_spawn_check_wait_status (status, NULL);
    }

  if (setpriv == NULL)
    {
      *skipped = TRUE;
      return FALSE;
    }

  {
    const char *argv[] = { setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                           helper, path, contents, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL,
                                 output, &err, &status, &error));
  }

  /* setpriv itself failed (no CAP_SETUID, helper not reachable as nobody) */
  if (!g_str_has_prefix (*output, "ok") && !g_str_has_prefix (*output, "error"))
    {
      g_test_message ("setpriv failed: %s", err);
      *skipped = TRUE;
      return FALSE;
    }

  return g_spawn_check_wait_status (status, NULL);
}

static void
test_permission_denied (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.gloss.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output2 = NULL;
  g_autofree char *code = NULL;
  gboolean skipped;

  /* A folder the saving user may enter but not write, with a file it may
   * write: GIO would rewrite in place; Gloss refuses. And a file it may not
   * write at all. */
  write_file (path, original);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  g_assert_false (run_helper_unprivileged (path, "changed\n", &output, &skipped));
  if (skipped)
    {
      g_test_skip ("running as root, and cannot drop to uid 65534 with setpriv: "
                   "a permission test as root would pass vacuously");
      remove_tree (dir);
      return;
    }
  g_test_message ("%s", output);
  g_assert_true (g_str_has_prefix (output, "error g-io-error-quark"));
  code = g_strdup_printf (" %d ", G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (output, code));
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, original);

  /* Control: the same helper, same user, in a folder it may write, saves. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
    }
  g_assert_true (run_helper_unprivileged (path, "changed\n", &output2, &skipped));
  g_clear_pointer (&contents, g_free);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "changed\n");

  remove_tree (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.gloss.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* Refused even for root: the write bits are the owner's wish. */
  write_file (path, original);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_false (save (path, "changed\n", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, original);

  remove_tree (dir);
}

/* Links -------------------------------------------------------------------- */

static void
test_symlink (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *target = g_build_filename (dir, "real.gloss.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gloss.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.gloss.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (target, original);
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.gloss.json", link), ==, 0);

  loaded = gloss_file_load (link_file, 1024, &etag, NULL, &error);
  g_assert_no_error (error);

  /* Saving through the link replaces the target, keeps the link. */
  g_assert_true (save (link, "through the link\n", etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  contents = read_file (target);
  g_assert_cmpstr (contents, ==, "through the link\n");
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  /* A dangling link is refused with a clear error. */
  g_assert_cmpint (symlink ("nowhere.gloss.json", dangling), ==, 0);
  g_assert_false (save (dangling, "x", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere.gloss.json"));

  remove_tree (dir);
}

static void
test_hard_link (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.gloss.json", NULL);
  g_autofree char *other = g_build_filename (dir, "snapshot.gloss.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (path, original);
  g_assert_cmpint (g_chmod (path, 0604), ==, 0);
  g_assert_cmpint (link (path, other), ==, 0);

  /* Replaced atomically through a rename: this name gets the new content,
   * the other name keeps the old file, permissions are kept. */
  g_assert_true (save (path, "new\n", NULL, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "new\n");
  g_clear_pointer (&contents, g_free);
  contents = read_file (other);
  g_assert_cmpstr (contents, ==, original);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_nlink, ==, 1);
  g_assert_cmpint (st.st_mode & 0777, ==, 0604);
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  remove_tree (dir);
}

static void
test_vanished_directory (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "usb-stick", NULL);
  g_autofree char *path = g_build_filename (sub, "a.gloss.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file (path, original);
  remove_tree (sub);

  g_assert_false (save (path, "x", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 2 && g_str_equal (argv[1], "--full-disk-child"))
    {
      /* In a user namespace as mapped root (see test_full_disk). */
      g_autofree char *dir = g_dir_make_tmp ("gloss-saving-XXXXXX", NULL);

      if (dir == NULL || mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
        return 77;
      umount (dir);
      g_rmdir (dir);
      g_test_init (&argc, &argv, NULL);
      run_full_disk ();
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/saving/full-disk", test_full_disk);
  g_test_add_func ("/gloss/saving/conflict", test_conflict);
  g_test_add_func ("/gloss/saving/permission-denied", test_permission_denied);
  g_test_add_func ("/gloss/saving/read-only", test_read_only);
  g_test_add_func ("/gloss/saving/symlink", test_symlink);
  g_test_add_func ("/gloss/saving/hard-link", test_hard_link);
  g_test_add_func ("/gloss/saving/vanished-directory", test_vanished_directory);

  return g_test_run ();
}
