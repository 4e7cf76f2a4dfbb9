/* gloss-save-helper.c: saves through gloss_file_replace() in a process of
 * its own, so test-saving can run it as an unprivileged user (root ignores
 * file permissions, and a permission test run as root proves nothing).
 * Usage: gloss-save-helper PATH CONTENT
 * Prints "ok" or "error <domain> <code> <message>"; exits 0 if it saved.
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gloss-file.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s PATH CONTENT\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  bytes = g_bytes_new (argv[2], strlen (argv[2]));
  if (!gloss_file_replace (file, bytes, NULL, NULL, NULL, &error))
    {
      printf ("error %s %d %s\n", g_quark_to_string (error->domain), error->code, error->message);
      return 1;
    }

  printf ("ok\n");
  return 0;
}
