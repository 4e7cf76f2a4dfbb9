/* gloss-file-policy.h: what saving does with links and read-only files
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Decides how gloss_file_replace() writes @file (see docs/saving.md):
 *  - a symbolic link is followed: its final target is replaced atomically
 *    and the link is kept; a dangling link is refused (G_IO_ERROR_NOT_FOUND);
 *  - a read-only file (no write bit at all) is refused with
 *    G_IO_ERROR_READ_ONLY, even for root: the user offers Save As;
 *  - a file with several hard links, or owned by another user, would make
 *    GIO rewrite it in place (not atomic, destroyed by a full disk): it is
 *    replaced through a temporary file and a rename instead
 *    (@flags gets G_FILE_CREATE_REPLACE_DESTINATION), which detaches this
 *    name from the other links; @mode gets the permissions to restore.
 * Returns: (transfer full): the file to write, or %NULL with @error set */
GFile *gloss_file_policy_resolve (GFile             *file,
                                  GFileCreateFlags  *flags,
                                  guint32           *mode,
                                  GError           **error);

G_END_DECLS
