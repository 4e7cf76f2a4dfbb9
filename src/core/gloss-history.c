/* gloss-history.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-history"

#include "config.h"

#include "gloss-history.h"

struct _GlossEdit
{
  char    *description;
  GArray  *ops;
  guint64  serial;  /* set by gloss_history_push (), never 0 there */
};

struct _GlossHistory
{
  GObject    parent_instance;
  GPtrArray *undo;   /* GlossEdit, oldest first */
  GPtrArray *redo;   /* GlossEdit, next redo last */
  /* Depth of the undo stack when the document was last saved (or loaded);
   * -1 when that state can no longer be reached. */
  gssize     saved_depth;
  /* Names the state before the oldest undo step (gloss_history_get_state ()). */
  guint64    base_serial;
};

/* Step numbers are unique in the process, not only in one history: a
 * toast that outlives its document must not match a step of the next. */
static guint64 last_serial;
G_LOCK_DEFINE_STATIC (last_serial);

G_DEFINE_FINAL_TYPE (GlossHistory, gloss_history, G_TYPE_OBJECT)

static guint64
next_serial (void)
{
  guint64 serial;

  G_LOCK (last_serial);
  serial = ++last_serial;
  G_UNLOCK (last_serial);

  return serial;
}

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_DESCRIPTION,
  PROP_REDO_DESCRIPTION,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_op (gpointer data)
{
  GlossOp *op = data;

  g_clear_object (&op->before);
  g_clear_object (&op->after);
}

GlossEdit *
gloss_edit_new (const char *description)
{
  GlossEdit *edit = g_new0 (GlossEdit, 1);

  edit->description = g_strdup (description);
  edit->ops = g_array_new (FALSE, TRUE, sizeof (GlossOp));
  g_array_set_clear_func (edit->ops, clear_op);

  return edit;
}

void
gloss_edit_free (GlossEdit *edit)
{
  if (edit == NULL)
    return;

  g_free (edit->description);
  g_array_unref (edit->ops);
  g_free (edit);
}

void
gloss_edit_add_op (GlossEdit     *edit,
                   GlossOpTarget  target,
                   gpointer       before,
                   gpointer       after,
                   guint          position)
{
  GlossOp op = {
    target,
    before ? g_object_ref (before) : NULL,
    after ? g_object_ref (after) : NULL,
    position,
  };

  g_array_append_val (edit->ops, op);
}

guint
gloss_edit_get_n_ops (GlossEdit *edit)
{
  return edit->ops->len;
}

GlossOp *
gloss_edit_get_op (GlossEdit *edit,
                   guint      i)
{
  return &g_array_index (edit->ops, GlossOp, i);
}

const char *
gloss_edit_get_description (GlossEdit *edit)
{
  return edit->description;
}

static void
notify_all (GlossHistory *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
gloss_history_finalize (GObject *object)
{
  GlossHistory *self = (GlossHistory *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_history_parent_class)->finalize (object);
}

static void
gloss_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_history_get_can_redo (self));
      break;

    case PROP_UNDO_DESCRIPTION:
      g_value_set_string (value, gloss_history_get_undo_description (self));
      break;

    case PROP_REDO_DESCRIPTION:
      g_value_set_string (value, gloss_history_get_redo_description (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, gloss_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_history_class_init (GlossHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_history_finalize;
  object_class->get_property = gloss_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_DESCRIPTION] =
    g_param_spec_string ("undo-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_DESCRIPTION] =
    g_param_spec_string ("redo-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_history_init (GlossHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_edit_free);
  self->base_serial = next_serial ();
}

GlossHistory *
gloss_history_new (void)
{
  return g_object_new (GLOSS_TYPE_HISTORY, NULL);
}

gboolean
gloss_history_get_can_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
gloss_history_get_can_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
gloss_history_get_undo_description (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  return gloss_edit_get_description (g_ptr_array_index (self->undo, self->undo->len - 1));
}

const char *
gloss_history_get_redo_description (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  return gloss_edit_get_description (g_ptr_array_index (self->redo, self->redo->len - 1));
}

/**
 * gloss_history_get_serial:
 * @redo: the next redo step instead
 *
 * Names the newest undo step (or the next redo step) so that a caller can
 * tell later whether it is still that one: every step pushed gets a number
 * of its own in the process, kept while it moves between undo and redo.
 *
 * Returns: the step's number, or 0 if there is none
 */
guint64
gloss_history_get_serial (GlossHistory *self,
                          gboolean      redo)
{
  GPtrArray *stack;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), 0);

  stack = redo ? self->redo : self->undo;
  if (stack->len == 0)
    return 0;

  return ((GlossEdit *) g_ptr_array_index (stack, stack->len - 1))->serial;
}

/**
 * gloss_history_holds_serial:
 * @serial: a number from gloss_history_get_serial ()
 * @redo: look among the redo steps instead of the undo steps
 *
 * Returns: whether the step numbered @serial is among the undo (or redo)
 *   steps of this history
 */
gboolean
gloss_history_holds_serial (GlossHistory *self,
                            guint64       serial,
                            gboolean      redo)
{
  GPtrArray *stack;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  stack = redo ? self->redo : self->undo;
  for (guint i = 0; serial != 0 && i < stack->len; i++)
    if (((GlossEdit *) g_ptr_array_index (stack, i))->serial == serial)
      return TRUE;

  return FALSE;
}

gboolean
gloss_history_get_modified (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->saved_depth != (gssize) self->undo->len;
}

void
gloss_history_set_saved (GlossHistory *self)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  self->saved_depth = self->undo->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * gloss_history_get_state:
 *
 * Names the current state, to mark it saved later with
 * gloss_history_set_saved_state () once it is written, whatever was
 * done or undone meanwhile.
 *
 * Returns: the number of the newest undo step, or a number of the
 *   history's own for the state before any
 */
guint64
gloss_history_get_state (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), 0);

  if (self->undo->len == 0)
    return self->base_serial;

  return ((GlossEdit *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial;
}

/**
 * gloss_history_set_saved_state:
 * @state: a number from gloss_history_get_state ()
 *
 * Marks the state named @state as the saved one: the document is
 * unmodified when it is back in that state. If the history can no longer
 * reach it (it was cleared, or an edit made after undoing past the state
 * dropped it), no state is the saved one.
 *
 * Returns: whether the history can still reach that state
 */
gboolean
gloss_history_set_saved_state (GlossHistory *self,
                               guint64       state)
{
  gssize depth = -1;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  if (state == self->base_serial)
    depth = 0;
  for (guint i = 0; depth < 0 && i < self->undo->len; i++)
    if (((GlossEdit *) g_ptr_array_index (self->undo, i))->serial == state)
      depth = i + 1;
  /* The next redo step is last: redoing it leads to depth undo->len + 1. */
  for (guint i = 0; depth < 0 && i < self->redo->len; i++)
    if (((GlossEdit *) g_ptr_array_index (self->redo, i))->serial == state)
      depth = self->undo->len + (self->redo->len - i);

  /* No state of the history is the one written: every one differs from
   * the file now, even one that an older save wrote. */
  self->saved_depth = depth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  return depth >= 0;
}

/* Marks the current state as never saved, as for a restored draft. */
void
gloss_history_set_unsaved (GlossHistory *self)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  self->saved_depth = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
gloss_history_clear (GlossHistory *self)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = 0;
  self->base_serial = next_serial ();
  notify_all (self);
}

/**
 * gloss_history_push:
 * @edit: (transfer full): an edit that was just applied
 *
 * Records @edit as the newest undo step and forgets the redo steps.
 */
void
gloss_history_push (GlossHistory *self,
                    GlossEdit    *edit)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  if (self->saved_depth > (gssize) self->undo->len)
    self->saved_depth = -1;

  g_ptr_array_set_size (self->redo, 0);
  edit->serial = next_serial ();
  g_ptr_array_add (self->undo, edit);
  notify_all (self);
}

/**
 * gloss_history_begin_undo:
 *
 * Moves the newest undo step to the redo stack and returns it, so the
 * caller can revert its ops.
 *
 * Returns: (transfer none) (nullable): the edit to revert
 */
GlossEdit *
gloss_history_begin_undo (GlossHistory *self)
{
  GlossEdit *edit;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, edit);
  notify_all (self);

  return edit;
}

/**
 * gloss_history_begin_redo:
 *
 * Returns: (transfer none) (nullable): the edit to apply again
 */
GlossEdit *
gloss_history_begin_redo (GlossHistory *self)
{
  GlossEdit *edit;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  edit = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, edit);
  notify_all (self);

  return edit;
}
