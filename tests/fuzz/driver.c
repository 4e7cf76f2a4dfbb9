/* driver.c: runs a fuzz target over its seed corpus without libFuzzer, so
 * every target is an ordinary test in CI and never bit-rots.
 * Usage: fuzz-TARGET FILE-OR-DIRECTORY…
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "fuzz.h"
#include "gloss-compat.h"

static gboolean
run_file (const char *path,
          guint      *n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }

  printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  (*n)++;

  return TRUE;
}

static gboolean
run_path (const char *path,
          guint      *n)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return run_file (path, n);

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return FALSE;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  gloss_ptr_array_sort_strings (names);

  for (guint i = 0; i < names->len; i++)
    if (!run_path (names->pdata[i], n))
      return FALSE;

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    if (!run_path (argv[i], &n))
      return 1;

  /* An empty corpus would make this test pass without testing anything. */
  if (n == 0)
    {
      fprintf (stderr, "no inputs\n");
      return 1;
    }

  printf ("ran %u inputs, no crash\n", n);
  return 0;
}
