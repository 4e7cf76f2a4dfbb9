/* cli-test-utils.c: running the built gloss-cli in tests
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <sys/wait.h>

#include "cli-test-utils.h"

/* Runs $GLOSS_CLI with @args (NULL-terminated) in @cwd (NULL: this
 * folder) and returns its exit status; its output goes to @out and @err.
 * With @area, an argument "@NAME" names the fixture tests/data/@area/NAME.
 * The CLI must exit, not die of a signal. */
int
cli_test_run (const char         *cwd,
              const char         *area,
              const char * const *args,
              char              **out,
              char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("GLOSS_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, g_strdup (cli));
  for (guint i = 0; args[i] != NULL; i++)
    {
      if (area != NULL && g_str_has_prefix (args[i], "@"))
        g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "data", area, args[i] + 1, NULL));
      else
        g_ptr_array_add (argv, g_strdup (args[i]));
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout:\n%s\nstderr:\n%s", *out, *err);

  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}
