/* gloss-filtered-list.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-filtered-list"

#include "config.h"

#include "gloss-filtered-list.h"

struct _GlossFilteredList
{
  GObject              parent_instance;
  GlossAnnotationList *list;
  GlossMatchFunc       func;
  gpointer             user_data;
  GDestroyNotify       destroy;
  GArray              *positions;  /* guint: the list positions shown, ascending; NULL when all are */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossFilteredList, gloss_filtered_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
gloss_filtered_list_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_ANNOTATION_ITEM;
}

static guint
gloss_filtered_list_get_n_items (GListModel *model)
{
  GlossFilteredList *self = GLOSS_FILTERED_LIST (model);

  if (self->positions == NULL)
    return g_list_model_get_n_items (G_LIST_MODEL (self->list));

  return self->positions->len;
}

static gpointer
gloss_filtered_list_get_item (GListModel *model,
                              guint       position)
{
  GlossFilteredList *self = GLOSS_FILTERED_LIST (model);

  if (self->positions == NULL)
    return g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (position >= self->positions->len)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->list),
                                g_array_index (self->positions, guint, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_filtered_list_get_item_type;
  iface->get_n_items = gloss_filtered_list_get_n_items;
  iface->get_item = gloss_filtered_list_get_item;
}

static gboolean
matches (GlossFilteredList *self,
         guint              list_position)
{
  GlossAnnotationStore *store = gloss_annotation_list_get_store (self->list);

  return self->func (gloss_annotation_store_get (store, list_position), self->user_data);
}

/* The first index of @positions whose list position is @list_position or later. */
static guint
lower_bound (GArray *positions,
             guint   list_position)
{
  guint lo = 0, hi = positions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (positions, guint, mid) < list_position)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The list position shown at @index: NULL @positions shows them all. */
static inline guint
shown_at (GArray *positions,
          guint   index)
{
  return positions == NULL ? index : g_array_index (positions, guint, index);
}

static void
list_items_changed_cb (GlossFilteredList *self,
                       guint              position,
                       guint              removed,
                       guint              added,
                       GListModel        *list)
{
  g_autoptr(GArray) inserted = NULL;
  guint lo, hi;

  if (self->positions == NULL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  lo = lower_bound (self->positions, position);
  hi = lower_bound (self->positions, position + removed);

  inserted = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = position; i < position + added; i++)
    if (matches (self, i))
      g_array_append_val (inserted, i);

  /* What follows the change moves with it. */
  if (added != removed)
    for (guint k = hi; k < self->positions->len; k++)
      g_array_index (self->positions, guint, k) += added - removed;

  g_array_remove_range (self->positions, lo, hi - lo);
  g_array_insert_vals (self->positions, lo, inserted->data, inserted->len);

  if (hi > lo || inserted->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), lo, hi - lo, inserted->len);
}

static void
gloss_filtered_list_dispose (GObject *object)
{
  GlossFilteredList *self = GLOSS_FILTERED_LIST (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, list_items_changed_cb, self);
  g_clear_object (&self->list);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  self->func = NULL;
  self->destroy = NULL;
  g_clear_pointer (&self->positions, g_array_unref);

  G_OBJECT_CLASS (gloss_filtered_list_parent_class)->dispose (object);
}

static void
gloss_filtered_list_class_init (GlossFilteredListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_filtered_list_dispose;
}

static void
gloss_filtered_list_init (GlossFilteredList *self)
{
}

/**
 * gloss_filtered_list_new:
 * @list: the list to filter
 *
 * Returns: (transfer full): a list that shows all of @list until a match
 *   function is set
 */
GlossFilteredList *
gloss_filtered_list_new (GlossAnnotationList *list)
{
  GlossFilteredList *self;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (list), NULL);

  self = g_object_new (GLOSS_TYPE_FILTERED_LIST, NULL);
  self->list = g_object_ref (list);
  g_signal_connect_object (list, "items-changed",
                           G_CALLBACK (list_items_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

GlossAnnotationList *
gloss_filtered_list_get_list (GlossFilteredList *self)
{
  g_return_val_if_fail (GLOSS_IS_FILTERED_LIST (self), NULL);

  return self->list;
}

/* Shows @positions (NULL: all) instead of what was shown, announced as
 * the one range between the first and last that differ. */
static void
show (GlossFilteredList *self,
      GArray            *positions)
{
  guint n_list = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint old_len = self->positions != NULL ? self->positions->len : n_list;
  guint new_len = positions != NULL ? positions->len : n_list;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < new_len &&
         shown_at (self->positions, prefix) == shown_at (positions, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         shown_at (self->positions, old_len - 1 - suffix) == shown_at (positions, new_len - 1 - suffix))
    suffix++;

  g_clear_pointer (&self->positions, g_array_unref);
  self->positions = positions;

  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);
}

/**
 * gloss_filtered_list_refilter:
 * @change: how the match function changed
 *
 * Asks the match function again: a search text or a filter changed.
 */
void
gloss_filtered_list_refilter (GlossFilteredList *self,
                              GlossMatchChange   change)
{
  guint n_list;
  GArray *positions;

  g_return_if_fail (GLOSS_IS_FILTERED_LIST (self));

  if (self->func == NULL)
    {
      if (self->positions != NULL)
        show (self, NULL);
      return;
    }

  n_list = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (change == GLOSS_MATCH_STRICTER)
    {
      /* Only what was shown can still be. */
      guint old_len = self->positions != NULL ? self->positions->len : n_list;

      for (guint k = 0; k < old_len; k++)
        {
          guint p = shown_at (self->positions, k);

          if (matches (self, p))
            g_array_append_val (positions, p);
        }
    }
  else if (change == GLOSS_MATCH_LOOSER && self->positions != NULL)
    {
      /* What was shown still is: ask about the rest. */
      guint k = 0;

      for (guint p = 0; p < n_list; p++)
        {
          if (k < self->positions->len && g_array_index (self->positions, guint, k) == p)
            {
              g_array_append_val (positions, p);
              k++;
            }
          else if (matches (self, p))
            g_array_append_val (positions, p);
        }
    }
  else
    {
      for (guint p = 0; p < n_list; p++)
        if (matches (self, p))
          g_array_append_val (positions, p);
    }

  show (self, positions);
}

/**
 * gloss_filtered_list_set_match_func:
 * @func: (nullable): what to show, or %NULL for everything
 *
 * Sets what the list shows, and filters it again.
 */
void
gloss_filtered_list_set_match_func (GlossFilteredList *self,
                                    GlossMatchFunc     func,
                                    gpointer           user_data,
                                    GDestroyNotify     destroy)
{
  gboolean was_filtering;

  g_return_if_fail (GLOSS_IS_FILTERED_LIST (self));

  was_filtering = self->func != NULL;
  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;

  /* From showing everything, any filter is stricter. */
  gloss_filtered_list_refilter (self, was_filtering ? GLOSS_MATCH_DIFFERENT : GLOSS_MATCH_STRICTER);
}

/**
 * gloss_filtered_list_get_filtering:
 *
 * Returns: whether a match function is set (the list may hide items)
 */
gboolean
gloss_filtered_list_get_filtering (GlossFilteredList *self)
{
  g_return_val_if_fail (GLOSS_IS_FILTERED_LIST (self), FALSE);

  return self->func != NULL;
}

/**
 * gloss_filtered_list_find:
 * @list_position: a position in the filtered list's list
 *
 * Returns: where the item at @list_position is shown, or %G_MAXUINT if
 *   it is not
 */
guint
gloss_filtered_list_find (GlossFilteredList *self,
                          guint              list_position)
{
  guint k;

  g_return_val_if_fail (GLOSS_IS_FILTERED_LIST (self), G_MAXUINT);

  if (self->positions == NULL)
    return list_position < g_list_model_get_n_items (G_LIST_MODEL (self->list)) ? list_position : G_MAXUINT;

  k = lower_bound (self->positions, list_position);
  if (k < self->positions->len && g_array_index (self->positions, guint, k) == list_position)
    return k;

  return G_MAXUINT;
}
