/* fuzz-import.h: one import format fed with fuzzed bytes (included by
 * each fuzz-import-<format>.c, which defines FUZZ_IMPORT_FORMAT).
 * Formats that need the companion text (brat, W3C) get it from the input:
 * the bytes before the first NUL are the text, the rest the annotations;
 * without a NUL the whole input is the annotations and the text is empty.
 * An accepted document must also save and load again.
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <string.h>

#include "fuzz.h"
#include "gloss-export.h"
#include "gloss-format.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const GlossFormatInfo *format;
  g_autoptr(GBytes) annotations = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_set_logging_func ();

  format = gloss_formats_lookup (FUZZ_IMPORT_FORMAT);
  if (format == NULL || format->import_func == NULL)
    g_error ("no importer for %s", FUZZ_IMPORT_FORMAT);

  if (format->needs_text)
    {
      const uint8_t *nul = memchr (data, '\0', size);

      if (nul != NULL)
        {
          text = g_bytes_new (data, (gsize) (nul - data));
          annotations = g_bytes_new (nul + 1, size - (gsize) (nul - data) - 1);
        }
      else
        {
          text = g_bytes_new ("", 0);
          annotations = g_bytes_new (data, size);
        }
    }
  else
    annotations = g_bytes_new (data, size);

  document = gloss_import_bytes (format, annotations, text, NULL, &reports, &error);
  if (document == NULL)
    {
      if (error == NULL)
        g_error ("the importer failed without an error");
      return 0;
    }

  if (!g_utf8_validate (gloss_document_get_text (document), -1, NULL))
    g_error ("the imported text is not valid UTF-8");

  written = gloss_format_write (document);
  again = gloss_format_read (written, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  if (again == NULL)
    g_error ("an imported document does not save and load again: %s", error->message);

  return 0;
}
