/* fuzz-gazetteer.c: the gazetteer reader (gloss_gazetteer_import, which
 * takes a file: the bytes go to a temporary file first).
 * What is accepted must save and load again with as many entries.
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "gloss-gazetteer.h"

static char *input_path;
static char *output_path;

static void
make_paths (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autofree char *dir = g_dir_make_tmp ("gloss-fuzz-gazetteer-XXXXXX", NULL);

      if (dir == NULL)
        g_error ("cannot make a temporary folder");
      input_path = g_build_filename (dir, "input.json", NULL);
      output_path = g_build_filename (dir, "output.json", NULL);
      g_once_init_leave (&once, 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GlossGazetteer) gazetteer = NULL;
  g_autoptr(GlossGazetteer) again = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  fuzz_set_logging_func ();
  make_paths ();

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("cannot write the input: %s", error->message);

  input = g_file_new_for_path (input_path);
  output = g_file_new_for_path (output_path);
  gazetteer = gloss_gazetteer_new ();
  n = gloss_gazetteer_import (gazetteer, input, &error);
  if (n == 0)
    {
      if (error == NULL && gloss_gazetteer_get_n_entries (gazetteer) != 0)
        g_error ("nothing read, yet entries were added");
      return 0;
    }

  if (!gloss_gazetteer_save (gazetteer, output, &error))
    g_error ("an imported gazetteer does not save: %s", error->message);

  again = gloss_gazetteer_new ();
  if (!gloss_gazetteer_load (again, output, &error))
    g_error ("a saved gazetteer does not load: %s", error->message);
  if (gloss_gazetteer_get_n_entries (again) != gloss_gazetteer_get_n_entries (gazetteer))
    g_error ("the gazetteer lost entries on the way: %u != %u",
             gloss_gazetteer_get_n_entries (again), gloss_gazetteer_get_n_entries (gazetteer));

  return 0;
}
