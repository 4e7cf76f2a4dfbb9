/* fuzz-label-set.c: label-set JSON files
 * An accepted label set must write JSON that reads back to the same JSON.
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "gloss-label-set.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GlossLabelSet) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  fuzz_set_logging_func ();

  labels = gloss_label_set_new_from_json ((const char *) data, size, &error);
  if (labels == NULL)
    {
      if (error == NULL)
        g_error ("the reader failed without an error");
      return 0;
    }

  json = gloss_label_set_to_json (labels);
  again = gloss_label_set_new_from_json (json, strlen (json), &error);
  if (again == NULL)
    g_error ("a label set does not write and read again: %s", error->message);

  json_again = gloss_label_set_to_json (again);
  if (g_strcmp0 (json, json_again) != 0)
    g_error ("writing a label set is not stable");

  return 0;
}
