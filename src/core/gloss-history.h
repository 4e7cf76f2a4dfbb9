/* gloss-history.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-compat.h"
#include "gloss-types.h"

G_BEGIN_DECLS

/* What one undo step changes. Each op swaps @before for @after (either may
 * be NULL, for an insertion or a removal) in one of the document's
 * collections; @position is the index in the label set for label ops. */
typedef enum
{
  GLOSS_OP_ANNOTATION,
  GLOSS_OP_RELATION,
  GLOSS_OP_LABEL,
  GLOSS_OP_RELATION_TYPE,  /* a user-defined type of the label set */
} GlossOpTarget;

typedef struct
{
  GlossOpTarget  target;
  GObject       *before;
  GObject       *after;
  guint          position;
} GlossOp;

typedef struct _GlossEdit GlossEdit;

GlossEdit  *gloss_edit_new             (const char *description);
void        gloss_edit_free            (GlossEdit  *edit);
void        gloss_edit_add_op          (GlossEdit  *edit,
                                        GlossOpTarget target,
                                        gpointer    before,
                                        gpointer    after,
                                        guint       position);
guint       gloss_edit_get_n_ops       (GlossEdit  *edit);
GlossOp    *gloss_edit_get_op          (GlossEdit  *edit,
                                        guint       i);
const char *gloss_edit_get_description (GlossEdit  *edit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossEdit, gloss_edit_free)

#define GLOSS_TYPE_HISTORY (gloss_history_get_type ())

G_DECLARE_FINAL_TYPE (GlossHistory, gloss_history, GLOSS, HISTORY, GObject)

GlossHistory *gloss_history_new                   (void);
gboolean      gloss_history_get_can_undo          (GlossHistory *self);
gboolean      gloss_history_get_can_redo          (GlossHistory *self);
const char   *gloss_history_get_undo_description  (GlossHistory *self);
const char   *gloss_history_get_redo_description  (GlossHistory *self);
guint64       gloss_history_get_serial            (GlossHistory *self,
                                                   gboolean      redo);
gboolean      gloss_history_holds_serial          (GlossHistory *self,
                                                   guint64       serial,
                                                   gboolean      redo);
guint64       gloss_history_get_state             (GlossHistory *self);
gboolean      gloss_history_set_saved_state       (GlossHistory *self,
                                                   guint64       state);
gboolean      gloss_history_get_modified          (GlossHistory *self);
void          gloss_history_set_saved             (GlossHistory *self);
void          gloss_history_set_unsaved           (GlossHistory *self);
void          gloss_history_clear                 (GlossHistory *self);
void          gloss_history_push                  (GlossHistory *self,
                                                   GlossEdit    *edit);
GlossEdit    *gloss_history_begin_undo            (GlossHistory *self);
GlossEdit    *gloss_history_begin_redo            (GlossHistory *self);

G_END_DECLS
