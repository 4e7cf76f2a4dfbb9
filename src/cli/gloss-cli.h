/* gloss-cli.h: subcommands of gloss-cli
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* Each subcommand gets argv with argv[0] = the subcommand name and returns
 * the process exit status: 0 success, 1 a file failed, 2 usage error. */
typedef int (*GlossCliCommand) (int argc, char **argv);

/* Export and import (issue 4) */
int         gloss_cli_export        (int          argc,
                                     char       **argv);
int         gloss_cli_import        (int          argc,
                                     char       **argv);
int         gloss_cli_formats       (int          argc,
                                     char       **argv);
GHashTable *gloss_cli_parse_options (char       **pairs,
                                     const char  *generated,
                                     GError     **error);

gboolean gloss_cli_parse_args (const char         *summary,
                               const GOptionEntry *entries,
                               int                *argc,
                               char             ***argv);
gboolean gloss_cli_prepare_output (const char *output,
                                   guint       n_inputs,
                                   gboolean   *output_is_dir);
void gloss_cli_printerr (const char *file,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* Native format (issue 2) */
int gloss_cli_info     (int argc, char **argv);
int gloss_cli_validate (int argc, char **argv);

/* Compare, agreement, merge (issue 5); GlossAnchor is gloss-anchor.h's */
typedef struct _GlossAnchor GlossAnchor;
int            gloss_cli_compare      (int argc, char **argv);
int            gloss_cli_agree        (int argc, char **argv);
int            gloss_cli_merge        (int argc, char **argv);
GlossDocument *gloss_cli_review_load  (const char     *path,
                                       gboolean        accept_recoverable);
GlossDocument *gloss_cli_review_align (GlossDocument  *mine,
                                       GlossDocument  *theirs,
                                       const char     *theirs_path,
                                       GlossAnchor   **anchor);

/* HTML and the web (issue 6) */
int      gloss_cli_fetch      (int argc, char **argv);
/* Fetches (URL) or reads (.html/.htm) @input, extracts the article and
 * writes a native Gloss file to @output ("-": stdout; NULL: a name derived
 * from @input, never overwriting). What `import URL|FILE.html` runs. */
gboolean gloss_cli_import_web (const char  *input,
                               const char  *output,
                               GError     **error);

G_END_DECLS
