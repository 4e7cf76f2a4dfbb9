/* gloss-csv.c: writing CSV fields (RFC 4180)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-csv.h"

/* Appends @value as one CSV field: quoted when it holds a comma, a double
 * quote, CR or LF, with its quotes doubled (RFC 4180 §2). */
void
gloss_csv_append_field (GString    *out,
                        const char *value)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

/* A spreadsheet runs a cell starting with = + - @ (or TAB/CR) as a formula. */
gboolean
gloss_csv_is_formula (const char *value)
{
  return value != NULL && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* Appends untrusted text (a file or label name) as a field that no
 * spreadsheet will run: a cell that would be a formula gets a leading '. */
void
gloss_csv_append_text_field (GString    *out,
                             const char *value)
{
  g_autofree char *guarded = NULL;

  if (gloss_csv_is_formula (value))
    value = guarded = g_strconcat ("'", value, NULL);

  gloss_csv_append_field (out, value ? value : "");
}
