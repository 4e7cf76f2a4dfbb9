/* gloss-format.h: the native .gloss.json file format, version 1
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_FORMAT_VERSION   1
#define GLOSS_FORMAT_MAX_BYTES (256 * 1024 * 1024)
#define GLOSS_FORMAT_MAX_DEPTH 64

typedef enum
{
  GLOSS_LOAD_FLAGS_NONE         = 0,
  /* Accept recoverable problems instead of failing with
   * GLOSS_ERROR_RECOVERABLE: a quote that does not match the text is
   * re-taken from the text, an unknown label is added to the label set. */
  GLOSS_LOAD_ACCEPT_RECOVERABLE = 1 << 0,
} GlossLoadFlags;

/* One problem found in a file. @where names the place ("annotations[3]
 * (id 0f…)", "document.sha256"), @message says what is wrong. */
typedef struct
{
  char     *where;
  char     *message;
  gboolean  recoverable;
  int       code;        /* a GlossError code */
} GlossProblem;

void           gloss_problem_free            (GlossProblem   *problem);
char          *gloss_problem_to_string       (GlossProblem   *problem);

GlossDocument *gloss_format_read             (GBytes         *bytes,
                                              GlossLoadFlags  flags,
                                              GPtrArray     **problems,
                                              GError        **error);
GBytes        *gloss_format_write            (GlossDocument  *document);
void           gloss_format_write_async      (GlossDocument       *document,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GBytes        *gloss_format_write_finish     (GAsyncResult   *result,
                                              GError        **error);

/* Writing in another thread: capture on the document's thread, write
 * anywhere. */
typedef struct _GlossFormatSnapshot GlossFormatSnapshot;

GlossFormatSnapshot *gloss_format_snapshot_new   (GlossDocument       *document);
GBytes              *gloss_format_snapshot_write (GlossFormatSnapshot *snapshot);
void                 gloss_format_snapshot_free  (GlossFormatSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFormatSnapshot, gloss_format_snapshot_free)

GlossDocument *gloss_format_read_file        (GFile          *file,
                                              GlossLoadFlags  flags,
                                              GPtrArray     **problems,
                                              char          **etag,
                                              GCancellable   *cancellable,
                                              GError        **error);
void           gloss_format_read_file_async  (GFile          *file,
                                              GlossLoadFlags  flags,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
GlossDocument *gloss_format_read_file_finish (GAsyncResult   *result,
                                              GPtrArray     **problems,
                                              char          **etag,
                                              GError        **error);
gboolean       gloss_format_sniff            (GBytes         *bytes);

/* The strict RFC 8259 pre-scan the reader runs before json-glib 1.6 sees
 * any data: rejects nesting deeper than @max_depth, integers outside
 * ±2^53, numbers that overflow a double, duplicate keys, \u0000, lone
 * surrogates, comments, single quotes, hex numbers, trailing data, a
 * non-object root and empty input, with line:column in the message.
 * @data must already be valid UTF-8. Usable by any JSON reader of Gloss. */
gboolean       gloss_format_check_json       (const char     *data,
                                              gsize           len,
                                              guint           max_depth,
                                              GError        **error);

gboolean       gloss_format_check_json_value (const char     *data,
                                              gsize           len,
                                              guint           max_depth,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProblem, gloss_problem_free)

G_END_DECLS
