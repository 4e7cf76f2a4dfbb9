/* gloss-draft-store.h: recovery drafts of unsaved documents
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_DRAFT_DEFAULT_DELAY 3
#define GLOSS_DRAFT_MAX_DELAY     300
#define GLOSS_DRAFT_INDEX_MAX_BYTES (1024 * 1024)

/* GlossDraftInfo: what a draft left on disk holds, for the recovery dialog. */
#define GLOSS_TYPE_DRAFT_INFO (gloss_draft_info_get_type ())

typedef struct _GlossDraftInfo GlossDraftInfo;

GType           gloss_draft_info_get_type          (void) G_GNUC_CONST;
GlossDraftInfo *gloss_draft_info_ref               (GlossDraftInfo *info);
void            gloss_draft_info_unref             (GlossDraftInfo *info);
const char     *gloss_draft_info_get_id            (GlossDraftInfo *info);
/* The document's own file, or %NULL for a document never saved. */
const char     *gloss_draft_info_get_path          (GlossDraftInfo *info);
/* The etag of that file when it was opened or last saved, or %NULL. */
const char     *gloss_draft_info_get_etag          (GlossDraftInfo *info);
const char     *gloss_draft_info_get_title         (GlossDraftInfo *info);
guint           gloss_draft_info_get_n_annotations (GlossDraftInfo *info);
/* Unix time (seconds) of the last change the draft holds. */
gint64          gloss_draft_info_get_changed       (GlossDraftInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDraftInfo, gloss_draft_info_unref)

#define GLOSS_TYPE_DRAFT_STORE (gloss_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (GlossDraftStore, gloss_draft_store, GLOSS, DRAFT_STORE, GObject)

/* Drafts live in @directory (by default g_get_user_data_dir()/gloss/drafts),
 * one <id>.gloss.json per document plus index.json. Creating a store marks
 * the session as running (clean_shutdown false) on the first write;
 * gloss_draft_store_shutdown() marks it clean again.
 *
 * Signals:
 *  "draft-written" (const char *id): a draft reached the disk.
 *  "draft-failed"  (const char *id, GError *error): a draft could not be
 *      written (full disk, …); the document is untouched, the store retries
 *      after the next change. */
GlossDraftStore *gloss_draft_store_new           (GFile            *directory);
GFile           *gloss_draft_store_get_directory (GlossDraftStore  *self);
/* Seconds between a change and the draft write (property "delay", 1–300). */
guint            gloss_draft_store_get_delay     (GlossDraftStore  *self);
void             gloss_draft_store_set_delay     (GlossDraftStore  *self,
                                                  guint             seconds);

/* TRUE when the index left by the previous run says it did not shut down
 * cleanly (a crash, a kill, a power cut). */
gboolean         gloss_draft_store_get_crashed   (GlossDraftStore  *self);

/* Drafts on disk that no document of this run is attached to, newest
 * first. Every such draft holds unsaved work, so the GUI should offer them
 * whenever the list is non-empty (after a crash or not).
 * Returns: (transfer container) (element-type GlossDraftInfo) */
GPtrArray       *gloss_draft_store_list          (GlossDraftStore  *self,
                                                  GError          **error);

/* Starts drafting @document: each "changed" schedules a draft write after
 * the delay. @file/@etag are the document's own file, if any. @draft_id
 * reuses a draft's id (after restore); %NULL makes a new one.
 * Returns: (transfer none): the draft id */
const char      *gloss_draft_store_attach        (GlossDraftStore  *self,
                                                  GlossDocument    *document,
                                                  GFile            *file,
                                                  const char       *etag,
                                                  const char       *draft_id);
/* Records a new file or etag after Save As or a save. */
void             gloss_draft_store_set_file      (GlossDraftStore  *self,
                                                  GlossDocument    *document,
                                                  GFile            *file,
                                                  const char       *etag);
const char      *gloss_draft_store_get_draft_id  (GlossDraftStore  *self,
                                                  GlossDocument    *document);
/* Stops drafting @document and keeps its draft (closing a window without
 * deciding). Use discard() after a save or an explicit discard. */
void             gloss_draft_store_detach        (GlossDraftStore  *self,
                                                  GlossDocument    *document);
/* Stops drafting @document and deletes its draft (after a successful save,
 * or when the user discards the changes). A document that keeps being
 * edited is drafted again under the same id. */
gboolean         gloss_draft_store_discard       (GlossDraftStore  *self,
                                                  GlossDocument    *document,
                                                  GError          **error);
/* Deletes a listed draft without restoring it. */
gboolean         gloss_draft_store_discard_id    (GlossDraftStore  *self,
                                                  const char       *draft_id,
                                                  GError          **error);

/* Writes every pending draft and the index now, waiting for writes in
 * flight (iterates the thread-default main context). */
gboolean         gloss_draft_store_flush         (GlossDraftStore  *self,
                                                  GError          **error);

/* Reads a draft into a new document marked modified, and attaches it under
 * the same id. @file/@etag: (out) (optional) (nullable): the document's
 * original file and the etag it had. */
GlossDocument   *gloss_draft_store_restore       (GlossDraftStore  *self,
                                                  const char       *draft_id,
                                                  GFile           **file,
                                                  char            **etag,
                                                  GError          **error);

/* Flushes and marks the session as cleanly shut down. */
gboolean         gloss_draft_store_shutdown      (GlossDraftStore  *self,
                                                  GError          **error);

/* Parses an index file (exposed for tests and fuzzing). @drafts: (out)
 * (element-type GlossDraftInfo) (transfer container) */
gboolean         gloss_draft_index_parse         (GBytes           *bytes,
                                                  gboolean         *clean_shutdown,
                                                  GPtrArray       **drafts,
                                                  GError          **error);

G_END_DECLS
