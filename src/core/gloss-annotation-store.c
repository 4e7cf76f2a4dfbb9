/* gloss-annotation-store.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation-store"

#include "config.h"

#include "gloss-annotation-store.h"

#define BLOCK_SHIFT 6
#define BLOCK_SIZE  (1u << BLOCK_SHIFT)

struct _GlossAnnotationStore
{
  GObject     parent_instance;
  GPtrArray  *items;     /* sorted by gloss_annotation_compare */
  GHashTable *by_id;     /* id → annotation (borrowed from items) */
  GArray     *ends;      /* guint: each item's end, so that a block's maximum
                          * is found without visiting the annotations */
  GArray     *block_max; /* guint: max end in each block of BLOCK_SIZE items */
  guint       dirty_from; /* first block whose max is stale */
  /* A max-tree over block_max (leaves at tree_leaves + b), so a query skips
   * every run of blocks that ends before it in O(log n) instead of looking
   * at each block. */
  guint      *tree;
  guint       tree_leaves;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossAnnotationStore, gloss_annotation_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
gloss_annotation_store_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_ANNOTATION;
}

static guint
gloss_annotation_store_list_get_n_items (GListModel *model)
{
  return GLOSS_ANNOTATION_STORE (model)->items->len;
}

static gpointer
gloss_annotation_store_get_item (GListModel *model,
                                 guint       position)
{
  GlossAnnotationStore *self = GLOSS_ANNOTATION_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_annotation_store_get_item_type;
  iface->get_n_items = gloss_annotation_store_list_get_n_items;
  iface->get_item = gloss_annotation_store_get_item;
}

static void
mark_dirty (GlossAnnotationStore *self,
            guint                 position)
{
  self->dirty_from = MIN (self->dirty_from, position >> BLOCK_SHIFT);
}

static void
ensure_blocks (GlossAnnotationStore *self)
{
  guint n_blocks = (self->items->len + BLOCK_SIZE - 1) >> BLOCK_SHIFT;
  guint leaves;

  if (self->dirty_from >= n_blocks && self->block_max->len == n_blocks)
    return;

  g_array_set_size (self->block_max, n_blocks);
  for (guint b = MIN (self->dirty_from, n_blocks); b < n_blocks; b++)
    {
      guint max = 0;
      guint last = MIN ((b + 1) << BLOCK_SHIFT, self->items->len);

      for (guint i = b << BLOCK_SHIFT; i < last; i++)
        max = MAX (max, g_array_index (self->ends, guint, i));

      g_array_index (self->block_max, guint, b) = max;
    }

  self->dirty_from = G_MAXUINT;

  /* Rebuild the tree: a few thousand nodes even at 100k annotations. */
  for (leaves = 1; leaves < MAX (n_blocks, 1); leaves <<= 1)
    ;
  if (leaves != self->tree_leaves)
    {
      g_free (self->tree);
      self->tree = g_new0 (guint, 2 * leaves);
      self->tree_leaves = leaves;
    }
  for (guint b = 0; b < leaves; b++)
    self->tree[leaves + b] = b < n_blocks ? g_array_index (self->block_max, guint, b) : 0;
  for (guint node = leaves - 1; node > 0; node--)
    self->tree[node] = MAX (self->tree[2 * node], self->tree[2 * node + 1]);
}

/* Bulk changes: the ends from @from on are read again. */
static void
refresh_ends (GlossAnnotationStore *self,
              guint                 from)
{
  g_array_set_size (self->ends, self->items->len);
  for (guint i = from; i < self->items->len; i++)
    g_array_index (self->ends, guint, i) = gloss_annotation_get_end (g_ptr_array_index (self->items, i));
}

static void
notify_changed (GlossAnnotationStore *self,
                guint                 position,
                guint                 removed,
                guint                 added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
gloss_annotation_store_finalize (GObject *object)
{
  GlossAnnotationStore *self = (GlossAnnotationStore *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->block_max, g_array_unref);
  g_clear_pointer (&self->ends, g_array_unref);
  g_clear_pointer (&self->tree, g_free);

  G_OBJECT_CLASS (gloss_annotation_store_parent_class)->finalize (object);
}

static void
gloss_annotation_store_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossAnnotationStore *self = GLOSS_ANNOTATION_STORE (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_store_class_init (GlossAnnotationStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_annotation_store_finalize;
  object_class->get_property = gloss_annotation_store_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_store_init (GlossAnnotationStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->block_max = g_array_new (FALSE, TRUE, sizeof (guint));
  self->ends = g_array_new (FALSE, TRUE, sizeof (guint));
  self->dirty_from = G_MAXUINT;
}

GlossAnnotationStore *
gloss_annotation_store_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_STORE, NULL);
}

guint
gloss_annotation_store_get_n_items (GlossAnnotationStore *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_STORE (self), 0);

  return self->items->len;
}

/**
 * gloss_annotation_store_get:
 *
 * Returns: (transfer none) (nullable): the annotation at @position
 */
GlossAnnotation *
gloss_annotation_store_get (GlossAnnotationStore *self,
                            guint                 position)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_STORE (self), NULL);

  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

/**
 * gloss_annotation_store_lookup:
 *
 * Returns: (transfer none) (nullable): the annotation with id @id
 */
GlossAnnotation *
gloss_annotation_store_lookup (GlossAnnotationStore *self,
                               const char           *id)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_STORE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/* First position whose item sorts at or after @annotation. */
static guint
bisect (GlossAnnotationStore *self,
        GlossAnnotation      *annotation)
{
  guint lo = 0;
  guint hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_annotation_compare (g_ptr_array_index (self->items, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
gloss_annotation_store_find (GlossAnnotationStore *self,
                             GlossAnnotation      *annotation,
                             guint                *position)
{
  guint pos;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  pos = bisect (self, annotation);
  if (pos < self->items->len && g_ptr_array_index (self->items, pos) == annotation)
    {
      if (position != NULL)
        *position = pos;
      return TRUE;
    }

  return FALSE;
}

/**
 * gloss_annotation_store_insert:
 *
 * Adds @annotation (its id must be new) in text order.
 *
 * Returns: its position
 */
guint
gloss_annotation_store_insert (GlossAnnotationStore *self,
                               GlossAnnotation      *annotation)
{
  guint pos;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_STORE (self), 0);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), 0);
  g_return_val_if_fail (!g_hash_table_contains (self->by_id, gloss_annotation_get_id (annotation)), 0);

  pos = bisect (self, annotation);
  g_ptr_array_insert (self->items, pos, g_object_ref (annotation));
  g_array_insert_val (self->ends, pos, (guint) { gloss_annotation_get_end (annotation) });
  g_hash_table_insert (self->by_id, (gpointer) gloss_annotation_get_id (annotation), annotation);
  mark_dirty (self, pos);
  notify_changed (self, pos, 0, 1);

  return pos;
}

void
gloss_annotation_store_remove (GlossAnnotationStore *self,
                               GlossAnnotation      *annotation)
{
  guint pos;

  g_return_if_fail (GLOSS_IS_ANNOTATION_STORE (self));

  if (!gloss_annotation_store_find (self, annotation, &pos))
    {
      g_critical ("Annotation %s is not in the store", gloss_annotation_get_id (annotation));
      return;
    }

  g_hash_table_remove (self->by_id, gloss_annotation_get_id (annotation));
  g_ptr_array_remove_index (self->items, pos);
  g_array_remove_index (self->ends, pos);
  mark_dirty (self, pos);
  notify_changed (self, pos, 1, 0);
}

/**
 * gloss_annotation_store_replace:
 *
 * Replaces @old_annotation with @new_annotation (same id or not). If the
 * position in text order does not change, a single items-changed (pos, 1, 1)
 * is emitted, so list views rebind one row.
 */
void
gloss_annotation_store_replace (GlossAnnotationStore *self,
                                GlossAnnotation      *old_annotation,
                                GlossAnnotation      *new_annotation)
{
  guint pos;
  gboolean same_place;

  g_return_if_fail (GLOSS_IS_ANNOTATION_STORE (self));

  if (!gloss_annotation_store_find (self, old_annotation, &pos))
    {
      g_critical ("Annotation %s is not in the store", gloss_annotation_get_id (old_annotation));
      return;
    }

  same_place = (pos == 0 ||
                gloss_annotation_compare (g_ptr_array_index (self->items, pos - 1), new_annotation) < 0) &&
               (pos + 1 >= self->items->len ||
                gloss_annotation_compare (new_annotation, g_ptr_array_index (self->items, pos + 1)) < 0);

  if (!same_place)
    {
      gloss_annotation_store_remove (self, old_annotation);
      gloss_annotation_store_insert (self, new_annotation);
      return;
    }

  g_hash_table_remove (self->by_id, gloss_annotation_get_id (old_annotation));
  g_object_ref (new_annotation);
  g_object_unref (g_ptr_array_index (self->items, pos));
  g_ptr_array_index (self->items, pos) = new_annotation;
  g_array_index (self->ends, guint, pos) = gloss_annotation_get_end (new_annotation);
  g_hash_table_insert (self->by_id, (gpointer) gloss_annotation_get_id (new_annotation), new_annotation);
  mark_dirty (self, pos);
  notify_changed (self, pos, 1, 1);
}

static int
compare_ptrs (gconstpointer a,
              gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **) a, *(GlossAnnotation **) b);
}

/**
 * gloss_annotation_store_set_all:
 * @annotations: (element-type GlossAnnotation): annotations with unique ids
 *
 * Replaces the whole content in one step (one items-changed), for loading.
 */
void
gloss_annotation_store_set_all (GlossAnnotationStore *self,
                                GPtrArray            *annotations)
{
  guint old_len;

  g_return_if_fail (GLOSS_IS_ANNOTATION_STORE (self));

  old_len = self->items->len;
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (annotations, i);

      g_ptr_array_add (self->items, g_object_ref (a));
      g_hash_table_insert (self->by_id, (gpointer) gloss_annotation_get_id (a), a);
    }
  g_ptr_array_sort (self->items, compare_ptrs);
  refresh_ends (self, 0);

  self->dirty_from = 0;
  notify_changed (self, 0, old_len, self->items->len);
}

/**
 * gloss_annotation_store_insert_many:
 * @annotations: (element-type GlossAnnotation): new annotations, unique ids
 *
 * Adds many annotations in O(n + k log k), with a single items-changed
 * covering the changed range, for bulk edits (annotate all, merges, undo
 * of a bulk delete).
 */
void
gloss_annotation_store_insert_many (GlossAnnotationStore *self,
                                    GPtrArray            *annotations)
{
  g_autoptr(GPtrArray) added = NULL;
  GPtrArray *merged;
  guint old_len;
  guint i = 0, j = 0;
  guint first_change;

  g_return_if_fail (GLOSS_IS_ANNOTATION_STORE (self));

  if (annotations->len == 0)
    return;
  if (annotations->len == 1)
    {
      gloss_annotation_store_insert (self, annotations->pdata[0]);
      return;
    }

  /* Not g_ptr_array_copy(): that would inherit the caller's free func. */
  added = g_ptr_array_sized_new (annotations->len);
  for (guint k = 0; k < annotations->len; k++)
    g_ptr_array_add (added, annotations->pdata[k]);
  g_ptr_array_sort (added, compare_ptrs);

  old_len = self->items->len;
  merged = g_ptr_array_new_full (old_len + added->len, g_object_unref);
  first_change = bisect (self, added->pdata[0]);

  while (i < old_len || j < added->len)
    {
      GlossAnnotation *next;

      if (j >= added->len ||
          (i < old_len && gloss_annotation_compare (self->items->pdata[i], added->pdata[j]) < 0))
        next = g_object_ref (self->items->pdata[i++]);
      else
        {
          next = g_object_ref (added->pdata[j++]);
          g_hash_table_insert (self->by_id, (gpointer) gloss_annotation_get_id (next), next);
        }
      g_ptr_array_add (merged, next);
    }

  g_ptr_array_unref (self->items);
  self->items = merged;
  refresh_ends (self, first_change);
  mark_dirty (self, first_change);
  notify_changed (self, first_change, old_len - first_change, self->items->len - first_change);
}

/**
 * gloss_annotation_store_remove_many:
 * @annotations: (element-type GlossAnnotation): annotations in the store
 *
 * Removes many annotations in O(n + k), with a single items-changed.
 */
void
gloss_annotation_store_remove_many (GlossAnnotationStore *self,
                                    GPtrArray            *annotations)
{
  g_autoptr(GHashTable) doomed = NULL;
  GPtrArray *kept;
  guint old_len;
  guint first_change = G_MAXUINT;

  g_return_if_fail (GLOSS_IS_ANNOTATION_STORE (self));

  if (annotations->len == 0)
    return;
  if (annotations->len == 1)
    {
      gloss_annotation_store_remove (self, annotations->pdata[0]);
      return;
    }

  doomed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_add (doomed, annotations->pdata[i]);

  old_len = self->items->len;
  kept = g_ptr_array_new_full (old_len, g_object_unref);
  for (guint i = 0; i < old_len; i++)
    {
      GlossAnnotation *a = self->items->pdata[i];

      if (g_hash_table_contains (doomed, a))
        {
          first_change = MIN (first_change, i);
          g_hash_table_remove (self->by_id, gloss_annotation_get_id (a));
        }
      else
        g_ptr_array_add (kept, g_object_ref (a));
    }

  if (first_change == G_MAXUINT)
    {
      g_ptr_array_unref (kept);
      return;
    }

  g_ptr_array_unref (self->items);
  self->items = kept;
  refresh_ends (self, first_change);
  mark_dirty (self, first_change);
  notify_changed (self, first_change, old_len - first_change, self->items->len - first_change);
}

/**
 * gloss_annotation_store_lower_bound:
 *
 * Returns: the first position whose annotation starts at or after @offset
 */
guint
gloss_annotation_store_lower_bound (GlossAnnotationStore *self,
                                    guint                 offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_STORE (self), 0);

  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_annotation_get_start (g_ptr_array_index (self->items, mid)) < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * gloss_annotation_store_query:
 * @result: (element-type GlossAnnotation): receives borrowed pointers
 *
 * Appends, in text order, every annotation that overlaps [@start, @end).
 * An empty range (@start == @end) finds the annotations containing @start.
 */
void
gloss_annotation_store_query (GlossAnnotationStore *self,
                              guint                 start,
                              guint                 end,
                              GPtrArray            *result)
{
  guint limit;

  g_return_if_fail (GLOSS_IS_ANNOTATION_STORE (self));
  g_return_if_fail (result != NULL);

  if (end <= start)
    {
      gloss_annotation_store_query_at (self, start, result);
      return;
    }

  ensure_blocks (self);

  /* Items at positions >= limit start at or after @end. */
  limit = gloss_annotation_store_lower_bound (self, end);
  if (limit == 0)
    return;

  /* Depth-first over the max-tree, left to right (so results stay in text
   * order), into the blocks before @limit whose maximum end passes @start. */
  {
    guint last_block = (limit - 1) >> BLOCK_SHIFT;
    guint stack[64];
    guint depth = 0;

    stack[depth++] = 1;
    while (depth > 0)
      {
        guint node = stack[--depth];
        guint first;

        if (self->tree[node] <= start)
          continue;

        /* The first leaf under @node; skip subtrees past the last block. */
        for (first = node; first < self->tree_leaves; first *= 2)
          ;
        if (first - self->tree_leaves > last_block)
          continue;

        if (node >= self->tree_leaves)
          {
            guint b = node - self->tree_leaves;
            guint stop = MIN ((b + 1) << BLOCK_SHIFT, limit);

            for (guint i = b << BLOCK_SHIFT; i < stop; i++)
              {
                GlossAnnotation *a = g_ptr_array_index (self->items, i);

                if (gloss_annotation_get_end (a) > start)
                  g_ptr_array_add (result, a);
              }
            continue;
          }

        /* Right child first on the stack, so the left one is visited first. */
        stack[depth++] = 2 * node + 1;
        stack[depth++] = 2 * node;
      }
  }
}

void
gloss_annotation_store_query_at (GlossAnnotationStore *self,
                                 guint                 offset,
                                 GPtrArray            *result)
{
  gloss_annotation_store_query (self, offset, offset + 1, result);
}

guint
gloss_annotation_store_count_label (GlossAnnotationStore *self,
                                    const char           *label)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_STORE (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (gloss_annotation_get_label (g_ptr_array_index (self->items, i)), label) == 0)
      n++;

  return n;
}
