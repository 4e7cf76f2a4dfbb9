/* gloss-cli.h: subcommands of gloss-cli
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each subcommand gets argv with argv[0] = the subcommand name and returns
 * the process exit status: 0 success, 1 a file failed, 2 usage error. */
typedef int (*GlossCliCommand) (int argc, char **argv);

void gloss_cli_printerr (const char *file,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* Native format (issue 2) */
int gloss_cli_info     (int argc, char **argv);
int gloss_cli_validate (int argc, char **argv);

G_END_DECLS
