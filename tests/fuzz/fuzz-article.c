/* fuzz-article.c: the plain-text article reader
 * An accepted article must also save and load again.
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fuzz.h"
#include "gloss-article.h"
#include "gloss-format.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_set_logging_func ();

  document = gloss_article_new_from_text ((const char *) data, size, "fuzz", &error);
  if (document == NULL)
    {
      if (error == NULL)
        g_error ("the reader failed without an error");
      return 0;
    }

  if (!g_utf8_validate (gloss_document_get_text (document), -1, NULL))
    g_error ("the document text is not valid UTF-8");

  written = gloss_format_write (document);
  again = gloss_format_read (written, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  if (again == NULL)
    g_error ("an article does not save and load again: %s", error->message);

  return 0;
}
