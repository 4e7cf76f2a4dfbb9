/* main.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-application.h"
#include "gloss-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlossApplication) app = NULL;

  gloss_i18n_init ();

  app = gloss_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
