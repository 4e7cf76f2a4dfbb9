/* fuzz-format.c: the native .gloss.json reader
 * Besides "no crash", checks that whatever the reader accepts, the writer
 * writes a file the reader accepts again, byte for byte stable.
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "gloss-format.h"

static void
check_round_trip (GlossDocument *document)
{
  g_autoptr(GBytes) written = gloss_format_write (document);
  g_autoptr(GlossDocument) again = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;

  again = gloss_format_read (written, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  if (again == NULL)
    g_error ("a written file does not read back: %s\n%.*s", error->message,
             (int) MIN (g_bytes_get_size (written), 4096), (const char *) g_bytes_get_data (written, NULL));

  rewritten = gloss_format_write (again);
  if (!g_bytes_equal (written, rewritten))
    g_error ("writing is not stable across a read");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;

  fuzz_set_logging_func ();

  bytes = g_bytes_new (data, size);
  gloss_format_sniff (bytes);

  for (guint i = 0; i < 2; i++)
    {
      GlossLoadFlags flags = i == 0 ? GLOSS_LOAD_FLAGS_NONE : GLOSS_LOAD_ACCEPT_RECOVERABLE;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = gloss_format_read (bytes, flags, &problems, &error);
      if (document == NULL)
        {
          if (error == NULL)
            g_error ("the reader failed without an error");
          continue;
        }

      check_round_trip (document);
    }

  return 0;
}
