/* gloss-cli-formats.c: gloss-cli formats — what each format keeps or loses
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli.h"
#include "gloss-export.h"

int
gloss_cli_formats (int    argc,
                   char **argv)
{
  const GlossFormatInfo * const *formats = gloss_formats_get_all (NULL);

  if (argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: gloss-cli formats"));
      printf ("%s\n", _("Lists the export and import formats, their offset units and what each keeps or loses."));
      return 0;
    }
  if (argc > 1)
    {
      gloss_cli_printerr (NULL, _("formats takes no arguments"));
      return 2;
    }

  for (guint i = 0; formats[i] != NULL; i++)
    {
      const GlossFormatInfo *f = formats[i];

      printf ("%s — %s (%s%s%s)\n", f->id, _(f->name),
              f->export_func ? _("export") : "",
              f->export_func && f->import_func ? ", " : "",
              f->import_func ? _("import") : "");
      printf ("  %s\n", _(f->description));
      printf ("  %-8s .%s  %s\n", _("file:"), f->extension, f->media_type);
      printf ("  %-8s %s\n", _("offsets:"), _(f->offset_unit));
      printf ("  %-8s %s\n", _("keeps:"), _(f->keeps));
      printf ("  %-8s %s\n", _("loses:"), _(f->loses));
      for (guint k = 0; f->options != NULL && f->options[k].key != NULL; k++)
        printf ("  %-8s %s=%s  %s%s%s\n", k == 0 ? _("options:") : "", f->options[k].key,
                f->options[k].choices ? f->options[k].choices
                : f->options[k].type == GLOSS_FORMAT_OPTION_BOOLEAN ? "true|false" : "…",
                _(f->options[k].label),
                f->options[k].default_value ? _(", default ") : "",
                f->options[k].default_value ? f->options[k].default_value : "");
      printf ("\n");
    }
  return 0;
}
