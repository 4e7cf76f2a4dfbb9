/* gloss-file-watch.h: notices when an open document's file changes on disk
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_FILE_WATCH (gloss_file_watch_get_type ())

G_DECLARE_FINAL_TYPE (GlossFileWatch, gloss_file_watch, GLOSS, FILE_WATCH, GObject)

/* Watches @file, known to have @etag (from the load or the last save).
 * Events are rate limited (500 ms) and debounced (100 ms); then the etag on
 * disk is compared with the known one, so touching the file without a
 * change of mtime, or our own save, emits nothing.
 *
 * Signals (each emitted once per distinct state on disk):
 *  "changed-on-disk" (const char *etag): someone else wrote the file; the
 *      GUI offers reload / save elsewhere / overwrite.
 *  "deleted": the file is gone (deleted or moved away). */
GlossFileWatch *gloss_file_watch_new      (GFile          *file,
                                           const char     *etag);
GFile          *gloss_file_watch_get_file (GlossFileWatch *self);
const char     *gloss_file_watch_get_etag (GlossFileWatch *self);
/* Sets the known etag (after a reload, or an overwrite the user chose). */
void            gloss_file_watch_set_etag (GlossFileWatch *self,
                                           const char     *etag);
/* Pause around our own save; unpause with the new etag the save returned
 * (%NULL if the save failed: the known etag is kept). Pauses nest. */
void            gloss_file_watch_pause    (GlossFileWatch *self);
void            gloss_file_watch_unpause  (GlossFileWatch *self,
                                           const char     *new_etag);
/* Compares the file on disk with the known etag now (for example when the
 * window gets the focus). */
void            gloss_file_watch_check    (GlossFileWatch *self);

G_END_DECLS
