/* gloss-text.h: checking, normalising and indexing article text
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every offset inside Gloss is a Unicode code point offset, end exclusive.
 * GlossTextIndex converts between code points, UTF-8 bytes and UTF-16 code
 * units in O(log n + 1024) without walking the whole text. */
typedef struct _GlossTextIndex GlossTextIndex;

#define GLOSS_TYPE_TEXT_INDEX (gloss_text_index_get_type ())

GType           gloss_text_index_get_type       (void) G_GNUC_CONST;
GlossTextIndex *gloss_text_index_new            (const char           *text,
                                                 gssize                len);
GlossTextIndex *gloss_text_index_ref            (GlossTextIndex       *self);
void            gloss_text_index_unref          (GlossTextIndex       *self);
const char     *gloss_text_index_get_text       (const GlossTextIndex *self);
gsize           gloss_text_index_get_n_bytes    (const GlossTextIndex *self);
guint           gloss_text_index_get_length     (const GlossTextIndex *self);
gsize           gloss_text_index_offset_to_byte (const GlossTextIndex *self,
                                                 guint                 offset);
guint           gloss_text_index_byte_to_offset (const GlossTextIndex *self,
                                                 gsize                 byte);
guint           gloss_text_index_offset_to_utf16 (const GlossTextIndex *self,
                                                  guint                 offset);
gboolean        gloss_text_index_utf16_to_offset (const GlossTextIndex *self,
                                                  guint                 utf16,
                                                  guint                *offset);
char           *gloss_text_index_slice          (const GlossTextIndex *self,
                                                 guint                 start,
                                                 guint                 end);
gboolean        gloss_text_index_slice_equals   (const GlossTextIndex *self,
                                                 guint                 start,
                                                 guint                 end,
                                                 const char           *quote);
gunichar        gloss_text_index_get_char       (const GlossTextIndex *self,
                                                 guint                 offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTextIndex, gloss_text_index_unref)

gboolean gloss_text_check_bytes    (const char  *data,
                                    gsize        len,
                                    GError     **error);
char    *gloss_text_normalize      (const char  *data,
                                    gsize        len,
                                    gsize       *out_len);
char    *gloss_text_sha256         (const char  *text,
                                    gssize       len);
char    *gloss_text_ellipsize      (const char  *text,
                                    guint        max_chars);
char    *gloss_text_collapse_space (const char *text);
char    *gloss_text_fold_for_search (const char *text,
                                     gssize      len);

G_END_DECLS
