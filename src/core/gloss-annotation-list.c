/* gloss-annotation-list.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation-list"

#include "config.h"

#include <string.h>

#include "gloss-annotation-list.h"

struct _GlossAnnotationList
{
  GObject               parent_instance;
  GlossAnnotationStore *store;
  GPtrArray            *items;   /* GlossAnnotationItem or NULL (not made yet), one per store position */
  gboolean              announce_edits;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossAnnotationList, gloss_annotation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
gloss_annotation_list_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_ANNOTATION_ITEM;
}

static guint
gloss_annotation_list_get_n_items (GListModel *model)
{
  return GLOSS_ANNOTATION_LIST (model)->items->len;
}

static gpointer
gloss_annotation_list_get_item (GListModel *model,
                                guint       position)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (model);

  if (position >= self->items->len)
    return NULL;

  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] =
      gloss_annotation_item_new (gloss_annotation_store_get (self->store, position));

  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_annotation_list_get_item_type;
  iface->get_n_items = gloss_annotation_list_get_n_items;
  iface->get_item = gloss_annotation_list_get_item;
}

static void
clear_range (GlossAnnotationList *self,
             guint                position,
             guint                n)
{
  for (guint i = position; i < position + n; i++)
    g_clear_object ((GlossAnnotationItem **) &self->items->pdata[i]);
}

/* Replaces @removed slots at @position by @added empty ones. */
static void
splice (GlossAnnotationList *self,
        guint                position,
        guint                removed,
        guint                added)
{
  guint old_len = self->items->len;
  guint tail = old_len - position - removed;

  clear_range (self, position, removed);
  if (added > removed)
    g_ptr_array_set_size (self->items, old_len + added - removed);
  memmove (self->items->pdata + position + added,
           self->items->pdata + position + removed,
           tail * sizeof (gpointer));
  if (added < removed)
    g_ptr_array_set_size (self->items, old_len + added - removed);
  memset (self->items->pdata + position, 0, added * sizeof (gpointer));
}

static gboolean
same_id (GlossAnnotationItem *item,
         GlossAnnotation     *annotation)
{
  return g_str_equal (gloss_annotation_get_id (gloss_annotation_item_get_annotation (item)),
                      gloss_annotation_get_id (annotation));
}

static void
store_items_changed_cb (GlossAnnotationList *self,
                        guint                position,
                        guint                removed,
                        guint                added,
                        GListModel          *store)
{
  g_autoptr(GHashTable) kept = NULL;
  gboolean in_place = removed == added;

  /* An edit in place: the same ids at the same positions. A slot nobody
   * asked for yet has no item whose identity could matter. */
  for (guint i = 0; in_place && i < added; i++)
    {
      GlossAnnotationItem *item = self->items->pdata[position + i];

      if (item != NULL && !same_id (item, gloss_annotation_store_get (self->store, position + i)))
        in_place = FALSE;
    }

  if (in_place)
    {
      for (guint i = 0; i < added; i++)
        {
          GlossAnnotationItem *item = self->items->pdata[position + i];

          if (item != NULL)
            gloss_annotation_item_set_annotation (item, gloss_annotation_store_get (self->store, position + i));
        }
      if (self->announce_edits && added > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* Annotations that stay within the changed range keep their items. */
  kept = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = position; i < position + removed; i++)
    {
      GlossAnnotationItem *item = self->items->pdata[i];

      if (item != NULL)
        g_hash_table_insert (kept,
                             (gpointer) gloss_annotation_get_id (gloss_annotation_item_get_annotation (item)),
                             g_object_ref (item));
    }

  splice (self, position, removed, added);

  if (g_hash_table_size (kept) > 0)
    for (guint i = position; i < position + added; i++)
      {
        GlossAnnotation *annotation = gloss_annotation_store_get (self->store, i);
        gpointer key, item;

        if (g_hash_table_steal_extended (kept, gloss_annotation_get_id (annotation), &key, &item))
          {
            self->items->pdata[i] = item;
            gloss_annotation_item_set_annotation (item, annotation);
          }
      }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
gloss_annotation_list_dispose (GObject *object)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->items != NULL)
    clear_range (self, 0, self->items->len);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_annotation_list_parent_class)->dispose (object);
}

static void
gloss_annotation_list_class_init (GlossAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_annotation_list_dispose;
}

static void
gloss_annotation_list_init (GlossAnnotationList *self)
{
  self->items = g_ptr_array_new ();
}

GlossAnnotationList *
gloss_annotation_list_new (GlossAnnotationStore *store)
{
  GlossAnnotationList *self;

  g_return_val_if_fail (store == NULL || GLOSS_IS_ANNOTATION_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION_LIST, NULL);
  gloss_annotation_list_set_store (self, store);

  return self;
}

/**
 * gloss_annotation_list_get_store:
 *
 * Returns: (transfer none) (nullable): the store the list shows
 */
GlossAnnotationStore *
gloss_annotation_list_get_store (GlossAnnotationList *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);

  return self->store;
}

void
gloss_annotation_list_set_store (GlossAnnotationList  *self,
                                 GlossAnnotationStore *store)
{
  guint removed;

  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (store == NULL || GLOSS_IS_ANNOTATION_STORE (store));

  if (store == self->store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  removed = self->items->len;
  clear_range (self, 0, removed);
  g_ptr_array_set_size (self->items, store != NULL ? gloss_annotation_store_get_n_items (store) : 0);

  if (store != NULL)
    g_signal_connect_object (store, "items-changed",
                             G_CALLBACK (store_items_changed_cb), self, G_CONNECT_SWAPPED);

  if (removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

gboolean
gloss_annotation_list_get_announce_edits (GlossAnnotationList *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), FALSE);

  return self->announce_edits;
}

/**
 * gloss_annotation_list_set_announce_edits:
 * @announce: whether an edit in place is also an items-changed
 *
 * A filter over the list must see edits in place (a relabelled annotation
 * may no longer pass it): turn this on while one is active. The items
 * stay the same objects either way, so a selection or a bound row keeps
 * them.
 */
void
gloss_annotation_list_set_announce_edits (GlossAnnotationList *self,
                                          gboolean             announce)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));

  self->announce_edits = !!announce;
}
