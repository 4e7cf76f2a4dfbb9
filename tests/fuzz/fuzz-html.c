/* fuzz-html.c: the HTML article extractor
 * An input starting with a line "#charset=NAME" passes NAME as the HTTP
 * charset (as a server's Content-Type would); the rest is the page.
 * An accepted article must have valid UTF-8 text and save and load again.
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "gloss-format.h"
#include "gloss-html-extractor.h"

#define CHARSET_PREFIX "#charset="

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *charset = NULL;
  const char *page = (const char *) data;
  gsize len = size;

  fuzz_set_logging_func ();

  if (size > strlen (CHARSET_PREFIX) && memcmp (data, CHARSET_PREFIX, strlen (CHARSET_PREFIX)) == 0)
    {
      const char *name = page + strlen (CHARSET_PREFIX);
      const char *eol = memchr (name, '\n', size - strlen (CHARSET_PREFIX));

      if (eol != NULL)
        {
          charset = g_strndup (name, (gsize) (eol - name));
          len = size - (gsize) (eol + 1 - page);
          page = eol + 1;
        }
    }

  document = gloss_html_document_new (page, len, charset, "https://example.org/fuzz",
                                      "2026-01-01T00:00:00Z", &error);
  if (document == NULL)
    {
      if (error == NULL)
        g_error ("the extractor failed without an error");
      return 0;
    }

  if (!g_utf8_validate (gloss_document_get_text (document), -1, NULL))
    g_error ("the extracted text is not valid UTF-8");

  written = gloss_format_write (document);
  again = gloss_format_read (written, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  if (again == NULL)
    g_error ("an extracted article does not save and load again: %s", error->message);

  return 0;
}
