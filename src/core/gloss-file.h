/* gloss-file.h: reading with limits, and saving that never destroys a file
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads at most @max_bytes (else GLOSS_ERROR_TOO_LARGE), returning the
 * file's etag for a later conflict-checked save. */
GBytes   *gloss_file_load           (GFile                *file,
                                     gsize                 max_bytes,
                                     char                **etag,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* Atomically replaces @file with @bytes. If @etag is not %NULL and the file
 * changed on disk since, fails with G_IO_ERROR_WRONG_ETAG. On any write
 * error (a full disk included) the original file is left intact. */
gboolean  gloss_file_replace        (GFile                *file,
                                     GBytes               *bytes,
                                     const char           *etag,
                                     char                **new_etag,
                                     GCancellable         *cancellable,
                                     GError              **error);
void      gloss_file_replace_async  (GFile                *file,
                                     GBytes               *bytes,
                                     const char           *etag,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  gloss_file_replace_finish (GFile                *file,
                                     GAsyncResult         *result,
                                     char                **new_etag,
                                     GError              **error);

G_END_DECLS
