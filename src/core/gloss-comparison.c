/* gloss-comparison.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-comparison"

#include "config.h"

#include "gloss-claim.h"
#include "gloss-comparison.h"

struct _GlossComparison
{
  GObject        parent_instance;

  GlossDocument *mine;
  GlossDocument *theirs;
  GPtrArray     *differences;   /* GlossDifference, text order */
  GHashTable    *by_mine_id;    /* id → GlossDifference */
  GHashTable    *by_theirs_id;
  GHashTable    *mine_claimants;    /* while comparing: see claimant_index () */
  GHashTable    *theirs_claimants;
  guint          counts[GLOSS_N_DIFFERENCE_CATEGORIES];
  guint          n_conflicts;
  guint          n_attribute_differences;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossComparison, gloss_comparison, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return GLOSS_TYPE_DIFFERENCE;
}

static guint
get_n_items (GListModel *model)
{
  return GLOSS_COMPARISON (model)->differences->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GlossComparison *self = GLOSS_COMPARISON (model);

  if (position >= self->differences->len)
    return NULL;

  return g_object_ref (self->differences->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
gloss_comparison_finalize (GObject *object)
{
  GlossComparison *self = GLOSS_COMPARISON (object);

  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_ptr_array_unref (self->differences);
  g_hash_table_unref (self->by_mine_id);
  g_hash_table_unref (self->by_theirs_id);

  G_OBJECT_CLASS (gloss_comparison_parent_class)->finalize (object);
}

static void
gloss_comparison_class_init (GlossComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_comparison_finalize;
}

static void
gloss_comparison_init (GlossComparison *self)
{
  self->differences = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_mine_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_theirs_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Matching ----------------------------------------------------------------- */

typedef struct
{
  guint overlap;
  guint i;   /* index in mine */
  guint j;   /* index in theirs */
} Candidate;

static int
candidate_compare (gconstpointer a,
                   gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->overlap != cb->overlap)
    return ca->overlap > cb->overlap ? -1 : 1;
  if (ca->i != cb->i)
    return ca->i < cb->i ? -1 : 1;
  if (ca->j != cb->j)
    return ca->j < cb->j ? -1 : 1;
  return 0;
}

static GPtrArray *
store_to_array (GlossDocument *document)
{
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  guint n = gloss_annotation_store_get_n_items (store);
  GPtrArray *array = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, gloss_annotation_store_get (store, i));

  return array;
}

/* The order of the stores (gloss_annotation_compare) up to the span, and
 * the label if @with_label: equal keys are contiguous in both arrays. */
static int
span_key_compare (GlossAnnotation *a,
                  GlossAnnotation *b,
                  gboolean         with_label)
{
  guint sa = gloss_annotation_get_start (a), sb = gloss_annotation_get_start (b);
  guint ea = gloss_annotation_get_end (a), eb = gloss_annotation_get_end (b);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ea != eb)
    return ea > eb ? -1 : 1;
  if (with_label)
    return g_strcmp0 (gloss_annotation_get_label (a), gloss_annotation_get_label (b));

  return 0;
}

/* Pairs mine[i] with theirs[j] of the same span (and label, if
 * @same_label), in text order: within a run of equal keys, the k-th
 * unmatched of mine with the k-th unmatched of theirs. Both arrays are in
 * store order, so this is one merge. */
static void
match_exact (GPtrArray *mine,
             GPtrArray *theirs,
             int       *mine_match,
             int       *theirs_match,
             gboolean   same_label)
{
  guint i = 0, j = 0;

  while (i < mine->len && j < theirs->len)
    {
      int c = span_key_compare (mine->pdata[i], theirs->pdata[j], same_label);
      guint i_end, j_end;

      if (c < 0)
        {
          i++;
          continue;
        }
      if (c > 0)
        {
          j++;
          continue;
        }

      for (i_end = i + 1; i_end < mine->len &&
           span_key_compare (mine->pdata[i_end], mine->pdata[i], same_label) == 0; i_end++)
        ;
      for (j_end = j + 1; j_end < theirs->len &&
           span_key_compare (theirs->pdata[j_end], theirs->pdata[j], same_label) == 0; j_end++)
        ;

      for (guint x = i, y = j; x < i_end; x++)
        {
          if (mine_match[x] >= 0)
            continue;
          while (y < j_end && theirs_match[y] >= 0)
            y++;
          if (y == j_end)
            break;
          mine_match[x] = y;
          theirs_match[y] = x;
        }
      i = i_end;
      j = j_end;
    }
}

/* A max-end tree over theirs (in store order, so sorted by start): finds
 * the annotations overlapping a span in O(k log n), where the store's
 * query walks every block before the span (O(n) per query). */
typedef struct
{
  GPtrArray *items;
  guint     *max_end;   /* heap layout, leaves padded with 0 */
  guint      n_leaves;
} EndTree;

static void
end_tree_init (EndTree   *tree,
               GPtrArray *items)
{
  tree->items = items;
  tree->n_leaves = 1;
  while (tree->n_leaves < items->len)
    tree->n_leaves *= 2;
  tree->max_end = g_new0 (guint, 2 * tree->n_leaves);
  for (guint j = 0; j < items->len; j++)
    tree->max_end[tree->n_leaves + j] = gloss_annotation_get_end (items->pdata[j]);
  for (guint k = tree->n_leaves; k-- > 1;)
    tree->max_end[k] = MAX (tree->max_end[2 * k], tree->max_end[2 * k + 1]);
}

/* Appends to @out the positions j < @limit whose end is after @start. */
static void
end_tree_query (EndTree *tree,
                guint    node,
                guint    lo,
                guint    hi,
                guint    limit,
                guint    start,
                GArray  *out)
{
  guint mid;

  if (lo >= limit || tree->max_end[node] <= start)
    return;
  if (hi - lo == 1)
    {
      g_array_append_val (out, lo);
      return;
    }
  mid = lo + (hi - lo) / 2;
  end_tree_query (tree, 2 * node, lo, mid, limit, start, out);
  end_tree_query (tree, 2 * node + 1, mid, hi, limit, start, out);
}

/* The number of items of theirs starting before @end */
static guint
starting_before (GPtrArray *items,
                 guint      end)
{
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (gloss_annotation_get_start (items->pdata[mid]) < end)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Pairs overlapping unmatched annotations (of the same label if
 * @same_label), largest overlap first. */
static void
match_overlaps (GPtrArray *mine,
                GPtrArray *theirs,
                EndTree   *tree,
                int       *mine_match,
                int       *theirs_match,
                gboolean   same_label)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < mine->len; i++)
    {
      GlossAnnotation *a = mine->pdata[i];
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      if (mine_match[i] >= 0 || start == end)
        continue;

      g_array_set_size (hits, 0);
      end_tree_query (tree, 1, 0, tree->n_leaves, starting_before (theirs, end), start, hits);
      for (guint k = 0; k < hits->len; k++)
        {
          Candidate c;
          GlossAnnotation *b;
          guint bs, be;

          c.j = g_array_index (hits, guint, k);
          b = theirs->pdata[c.j];
          bs = gloss_annotation_get_start (b);
          be = gloss_annotation_get_end (b);
          if (bs == be)
            continue;
          if (theirs_match[c.j] >= 0)
            continue;
          if (same_label && g_strcmp0 (gloss_annotation_get_label (a),
                                       gloss_annotation_get_label (b)) != 0)
            continue;
          if (MAX (start, bs) >= MIN (end, be))
            continue;
          c.overlap = MIN (end, be) - MAX (start, bs);
          c.i = i;
          g_array_append_val (candidates, c);
        }
    }

  g_array_sort (candidates, candidate_compare);

  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);

      if (mine_match[c->i] >= 0 || theirs_match[c->j] >= 0)
        continue;
      mine_match[c->i] = c->j;
      theirs_match[c->j] = c->i;
    }
}

/* Claim attributes ---------------------------------------------------------- */

/* Annotation id → its claimant relations (GPtrArray of borrowed
 * GlossRelation, in the document's order), built once per comparison
 * instead of scanning every relation for every matched pair. */
static GHashTable *
claimant_index (GlossDocument *document)
{
  GListModel *relations = gloss_document_get_relations (document);
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (relations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      const char *from = gloss_relation_get_from (relation);
      GPtrArray *list;

      if (from == NULL || g_strcmp0 (gloss_relation_get_kind (relation), GLOSS_RELATION_CLAIMANT) != 0)
        continue;
      list = g_hash_table_lookup (index, from);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index, (gpointer) from, list);
        }
      g_ptr_array_add (list, relation);
    }

  return index;
}

static char *
describe_claimant (GlossDocument   *document,
                   GHashTable      *claimants,
                   GlossAnnotation *annotation)
{
  const char *value = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTRIBUTE_CLAIMANT);
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  GPtrArray *relations;

  if (value != NULL && *value != '\0')
    return g_strdup (value);

  relations = gloss_annotation_get_id (annotation) ? g_hash_table_lookup (claimants, gloss_annotation_get_id (annotation)) : NULL;
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossRelation *relation = relations->pdata[i];
      GlossAnnotation *target;

      target = gloss_annotation_store_lookup (store, gloss_relation_get_to (relation));
      if (target == NULL)
        continue;
      return g_strdup_printf ("%s[%u,%u)", gloss_annotation_get_label (target),
                              gloss_annotation_get_start (target),
                              gloss_annotation_get_end (target));
    }

  return NULL;
}

static gboolean
variant_equal_or_empty (GVariant *a,
                        GVariant *b)
{
  gboolean a_empty = a == NULL ||
                     (g_variant_is_of_type (a, G_VARIANT_TYPE_STRING) &&
                      *g_variant_get_string (a, NULL) == '\0');
  gboolean b_empty = b == NULL ||
                     (g_variant_is_of_type (b, G_VARIANT_TYPE_STRING) &&
                      *g_variant_get_string (b, NULL) == '\0');

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return g_variant_equal (a, b);
}

static GStrv
attribute_differences (GlossComparison *self,
                       GlossAnnotation *a,
                       GlossAnnotation *b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;

  /* No verdict and "not-checked" say the same: nobody rated the claim. */
  if (!variant_equal_or_empty (gloss_claim_is_unchecked (a) ? NULL : gloss_annotation_get_attribute (a, GLOSS_ATTRIBUTE_VERDICT),
                               gloss_claim_is_unchecked (b) ? NULL : gloss_annotation_get_attribute (b, GLOSS_ATTRIBUTE_VERDICT)))
    g_strv_builder_add (builder, GLOSS_ATTRIBUTE_VERDICT);

  ca = describe_claimant (self->mine, self->mine_claimants, a);
  cb = describe_claimant (self->theirs, self->theirs_claimants, b);
  if (g_strcmp0 (ca, cb) != 0)
    g_strv_builder_add (builder, GLOSS_ATTRIBUTE_CLAIMANT);

  return g_strv_builder_end (builder);
}

/* A difference with its sort key read out once: sorting 100k GObjects
 * through their getters dominated the comparison. */
typedef struct
{
  guint                    start;
  guint                    end;
  GlossDifferenceCategory  category;
  GlossAnnotation         *annotation;   /* mine, else theirs */
  GlossDifference         *difference;
} SortEntry;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortEntry *da = a;
  const SortEntry *db = b;

  if (da->start != db->start)
    return da->start < db->start ? -1 : 1;
  if (da->end != db->end)
    return da->end > db->end ? -1 : 1;   /* outer first */
  if (da->category != db->category)
    return da->category < db->category ? -1 : 1;
  return gloss_annotation_compare (da->annotation, db->annotation);
}

/* Text order, outer first; stable like g_ptr_array_sort. */
static void
sort_differences (GPtrArray *differences)
{
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), differences->len);

  for (guint i = 0; i < differences->len; i++)
    {
      GlossDifference *d = differences->pdata[i];
      SortEntry e = {
        gloss_difference_get_start (d),
        gloss_difference_get_end (d),
        gloss_difference_get_category (d),
        gloss_difference_get_mine (d) ? gloss_difference_get_mine (d) : gloss_difference_get_theirs (d),
        d,
      };

      g_array_append_val (entries, e);
    }
  g_array_sort (entries, sort_entry_compare);
  for (guint i = 0; i < differences->len; i++)
    differences->pdata[i] = g_array_index (entries, SortEntry, i).difference;
}

static void
add_difference (GlossComparison         *self,
                GlossDifferenceCategory  category,
                GlossAnnotation         *mine,
                GlossAnnotation         *theirs)
{
  g_auto(GStrv) attributes = NULL;
  GlossDifference *difference;

  if (mine != NULL && theirs != NULL)
    attributes = attribute_differences (self, mine, theirs);

  difference = gloss_difference_new (category, mine, theirs, (const char * const *) attributes);
  g_ptr_array_add (self->differences, difference);
  self->counts[category]++;
  if (attributes != NULL && attributes[0] != NULL)
    self->n_attribute_differences++;
  if (gloss_difference_is_conflict (difference))
    self->n_conflicts++;
  if (mine != NULL)
    g_hash_table_insert (self->by_mine_id, (gpointer) gloss_annotation_get_id (mine), difference);
  if (theirs != NULL)
    g_hash_table_insert (self->by_theirs_id, (gpointer) gloss_annotation_get_id (theirs), difference);
}

GlossComparison *
gloss_comparison_new (GlossDocument *mine,
                      GlossDocument *theirs)
{
  GlossComparison *self;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree int *mine_match = NULL;
  g_autofree int *theirs_match = NULL;
  EndTree tree;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (mine), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (theirs), NULL);

  self = g_object_new (GLOSS_TYPE_COMPARISON, NULL);
  self->mine = g_object_ref (mine);
  self->theirs = g_object_ref (theirs);
  self->mine_claimants = claimant_index (mine);
  self->theirs_claimants = claimant_index (theirs);

  a = store_to_array (mine);
  b = store_to_array (theirs);
  end_tree_init (&tree, b);

  mine_match = g_new (int, a->len + 1);
  theirs_match = g_new (int, b->len + 1);
  for (guint i = 0; i < a->len; i++)
    mine_match[i] = -1;
  for (guint j = 0; j < b->len; j++)
    theirs_match[j] = -1;

  match_exact (a, b, mine_match, theirs_match, TRUE);
  match_overlaps (a, b, &tree, mine_match, theirs_match, TRUE);
  match_exact (a, b, mine_match, theirs_match, FALSE);
  match_overlaps (a, b, &tree, mine_match, theirs_match, FALSE);

  for (guint i = 0; i < a->len; i++)
    {
      GlossAnnotation *x = a->pdata[i];
      GlossAnnotation *y;
      gboolean same_span, same_label;
      GlossDifferenceCategory category;

      if (mine_match[i] < 0)
        {
          add_difference (self, GLOSS_DIFFERENCE_ONLY_MINE, x, NULL);
          continue;
        }

      y = b->pdata[mine_match[i]];
      same_span = gloss_annotation_get_start (x) == gloss_annotation_get_start (y) &&
                  gloss_annotation_get_end (x) == gloss_annotation_get_end (y);
      same_label = g_strcmp0 (gloss_annotation_get_label (x), gloss_annotation_get_label (y)) == 0;
      if (same_span)
        category = same_label ? GLOSS_DIFFERENCE_AGREE : GLOSS_DIFFERENCE_LABEL_DIFFERS;
      else
        category = same_label ? GLOSS_DIFFERENCE_BOUNDARY_DIFFERS : GLOSS_DIFFERENCE_BOTH_DIFFER;
      add_difference (self, category, x, y);
    }

  for (guint j = 0; j < b->len; j++)
    if (theirs_match[j] < 0)
      add_difference (self, GLOSS_DIFFERENCE_ONLY_THEIRS, NULL, b->pdata[j]);

  sort_differences (self->differences);
  g_clear_pointer (&self->mine_claimants, g_hash_table_unref);
  g_clear_pointer (&self->theirs_claimants, g_hash_table_unref);
  g_free (tree.max_end);

  return self;
}

/**
 * gloss_comparison_get_mine:
 *
 * Returns: (transfer none): my document
 */
GlossDocument *
gloss_comparison_get_mine (GlossComparison *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), NULL);

  return self->mine;
}

/**
 * gloss_comparison_get_theirs:
 *
 * Returns: (transfer none): their document (on my text)
 */
GlossDocument *
gloss_comparison_get_theirs (GlossComparison *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), NULL);

  return self->theirs;
}

guint
gloss_comparison_get_count (GlossComparison         *self,
                            GlossDifferenceCategory  category)
{
  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), 0);
  g_return_val_if_fail (category < GLOSS_N_DIFFERENCE_CATEGORIES, 0);

  return self->counts[category];
}

guint
gloss_comparison_get_n_conflicts (GlossComparison *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), 0);

  return self->n_conflicts;
}

guint
gloss_comparison_get_n_attribute_differences (GlossComparison *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), 0);

  return self->n_attribute_differences;
}

/**
 * gloss_comparison_lookup:
 * @theirs: whether @annotation_id is one of theirs
 *
 * Returns: (transfer none) (nullable): the difference holding that annotation
 */
GlossDifference *
gloss_comparison_lookup (GlossComparison *self,
                         const char      *annotation_id,
                         gboolean         theirs)
{
  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), NULL);

  return g_hash_table_lookup (theirs ? self->by_theirs_id : self->by_mine_id, annotation_id);
}

guint
gloss_comparison_next_conflict (GlossComparison *self,
                                guint            position)
{
  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), G_MAXUINT);

  for (guint i = position == G_MAXUINT ? 0 : position + 1; i < self->differences->len; i++)
    if (gloss_difference_is_conflict (self->differences->pdata[i]))
      return i;

  return G_MAXUINT;
}

guint
gloss_comparison_previous_conflict (GlossComparison *self,
                                    guint            position)
{
  guint i;

  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), G_MAXUINT);

  i = MIN (position, self->differences->len);
  while (i-- > 0)
    if (gloss_difference_is_conflict (self->differences->pdata[i]))
      return i;

  return G_MAXUINT;
}

JsonNode *
gloss_annotation_summary_to_json (GlossAnnotation *annotation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) keys = gloss_annotation_list_attributes (annotation);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, gloss_annotation_get_id (annotation));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, gloss_annotation_get_label (annotation));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, gloss_annotation_get_start (annotation));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, gloss_annotation_get_end (annotation));
  json_builder_set_member_name (builder, "quote");
  json_builder_add_string_value (builder, gloss_annotation_get_quote (annotation)
                                          ? gloss_annotation_get_quote (annotation) : "");
  if (keys != NULL && keys[0] != NULL)
    {
      json_builder_set_member_name (builder, "attributes");
      json_builder_begin_object (builder);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          json_builder_set_member_name (builder, keys[i]);
          json_builder_add_value (builder,
                                  json_gvariant_serialize (gloss_annotation_get_attribute (annotation, keys[i])));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
gloss_comparison_to_json (GlossComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (GLOSS_IS_COMPARISON (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint c = 0; c < GLOSS_N_DIFFERENCE_CATEGORIES; c++)
    {
      json_builder_set_member_name (builder, gloss_difference_category_to_string (c));
      json_builder_add_int_value (builder, self->counts[c]);
    }
  json_builder_set_member_name (builder, "attribute-differences");
  json_builder_add_int_value (builder, self->n_attribute_differences);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "differences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->differences->len; i++)
    {
      GlossDifference *d = self->differences->pdata[i];
      const char * const *attrs = gloss_difference_get_attribute_differences (d);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder,
                                     gloss_difference_category_to_string (gloss_difference_get_category (d)));
      json_builder_set_member_name (builder, "mine");
      if (gloss_difference_get_mine (d))
        json_builder_add_value (builder, gloss_annotation_summary_to_json (gloss_difference_get_mine (d)));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "theirs");
      if (gloss_difference_get_theirs (d))
        json_builder_add_value (builder, gloss_annotation_summary_to_json (gloss_difference_get_theirs (d)));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "attribute_differences");
      json_builder_begin_array (builder);
      for (guint k = 0; attrs[k] != NULL; k++)
        json_builder_add_string_value (builder, attrs[k]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
