/* gloss-i18n.c: the locale and the message catalog
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "gloss-i18n.h"

/**
 * gloss_i18n_init:
 *
 * Takes the user's locale and binds Gloss's message catalog: the
 * installed one, or for a build run uninstalled (./run) the one in the
 * directory $GLOSS_LOCALEDIR names (build/po, laid out as
 * LANG/LC_MESSAGES/gloss.mo).
 */
void
gloss_i18n_init (void)
{
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
