/* fuzz-draft-index.c: the recovery draft index read at every start
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fuzz.h"
#include "gloss-draft-store.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean clean = FALSE;

  fuzz_set_logging_func ();

  bytes = g_bytes_new (data, size);
  if (!gloss_draft_index_parse (bytes, &clean, &drafts, &error))
    {
      if (error == NULL || drafts != NULL)
        g_error ("the index parser failed without an error, or with a result");
      return 0;
    }

  for (guint i = 0; i < drafts->len; i++)
    if (!g_uuid_string_is_valid (gloss_draft_info_get_id (drafts->pdata[i])))
      g_error ("an index entry has an id that is not a UUID");

  return 0;
}
