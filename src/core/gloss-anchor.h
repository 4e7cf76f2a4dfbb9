/* gloss-anchor.h: placing a colleague's annotations onto my text
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-document.h"

G_BEGIN_DECLS

/**
 * GlossAnchorStatus:
 * @GLOSS_ANCHOR_EXACT: same offsets, same text
 * @GLOSS_ANCHOR_MOVED: placed at other offsets (or its text changed inside)
 * @GLOSS_ANCHOR_ORPHANED: could not be placed; kept with its old offsets and quote
 */
typedef enum
{
  GLOSS_ANCHOR_EXACT,
  GLOSS_ANCHOR_MOVED,
  GLOSS_ANCHOR_ORPHANED,
} GlossAnchorStatus;

const char *gloss_anchor_status_to_string (GlossAnchorStatus status);

#define GLOSS_TYPE_ANCHOR (gloss_anchor_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnchor, gloss_anchor, GLOSS, ANCHOR, GObject)

/* Re-anchors the annotations of @source (their file) onto the text of
 * @target (mine). When the sha256 are equal every annotation is exact.
 * Otherwise, in order:
 *  1. a diff of the two texts: common prefix and suffix, then a Myers
 *     diff (O((N+M)·D), D bounded) over word/punctuation/space tokens, then
 *     a character-level Myers diff inside each changed hunk of up to a few
 *     thousand characters. An annotation whose first and last characters
 *     fall in unchanged text is mapped through it (its text may have
 *     changed inside; its length must stay within half to double);
 *  2. otherwise, a search for its quote in my text; among several
 *     occurrences the one whose surrounding 32 characters best match the
 *     old context wins, then the one closest to where the diff puts it;
 *  3. otherwise it is orphaned: never dropped, it keeps its old offsets
 *     and quote and is listed by gloss_anchor_get_orphans().
 *
 * gloss_anchor_get_document() is a new document with my text, their
 * labels, metadata and author, the placed annotations (same ids, quotes
 * re-taken from my text) and the relations whose two ends were placed. */
GlossAnchor       *gloss_anchor_new             (GlossDocument *source,
                                                 GlossDocument *target);
GlossDocument     *gloss_anchor_get_document    (GlossAnchor   *self);
guint              gloss_anchor_get_count       (GlossAnchor   *self,
                                                 GlossAnchorStatus status);
/* Looks up an annotation of @source by id. The new offsets are those in
 * the anchored document (unset for orphans). Returns FALSE if unknown. */
gboolean           gloss_anchor_lookup          (GlossAnchor   *self,
                                                 const char    *id,
                                                 GlossAnchorStatus *status,
                                                 guint         *old_start,
                                                 guint         *old_end,
                                                 guint         *new_start,
                                                 guint         *new_end);
/* (element-type GlossAnnotation): the orphans, as they were in @source */
GPtrArray         *gloss_anchor_get_orphans     (GlossAnchor   *self);
JsonNode          *gloss_anchor_to_json         (GlossAnchor   *self);

/* The offset map of the diff, exposed for tests: maps a code point
 * offset of the old text to the new one; FALSE if it was in changed text.
 * @is_end maps an end offset (through the character before it). */
gboolean           gloss_anchor_map_offset      (GlossAnchor   *self,
                                                 guint          offset,
                                                 gboolean       is_end,
                                                 guint         *mapped);

G_END_DECLS
