/* gloss-anchor.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-anchor"

#include "config.h"

#include "gloss-anchor.h"
#include "gloss-comparison.h"

#define TOKEN_MAX_D 2000   /* edit script bound of the token diff */
#define CHAR_MAX_D  600    /* … and of the character diff inside a hunk */
#define CHAR_HUNK   4000   /* largest hunk diffed character by character */
#define CONTEXT     32

typedef struct
{
  guint old_start;
  guint new_start;
  guint length;
} Block;

typedef struct
{
  GlossAnnotation   *annotation;   /* as in the source */
  GlossAnchorStatus  status;
  guint              new_start;
  guint              new_end;
} Entry;

struct _GlossAnchor
{
  GObject        parent_instance;

  GlossDocument *document;
  GArray        *blocks;     /* Block, increasing in both texts */
  GArray        *entries;    /* Entry */
  GHashTable    *by_id;      /* id → index + 1 */
  GPtrArray     *orphans;
  guint          counts[3];
};

G_DEFINE_FINAL_TYPE (GlossAnchor, gloss_anchor, G_TYPE_OBJECT)

const char *
gloss_anchor_status_to_string (GlossAnchorStatus status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_EXACT:
      return "exact";
    case GLOSS_ANCHOR_MOVED:
      return "moved";
    case GLOSS_ANCHOR_ORPHANED:
      return "orphaned";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
entry_clear (gpointer data)
{
  g_clear_object (&((Entry *) data)->annotation);
}

static void
gloss_anchor_finalize (GObject *object)
{
  GlossAnchor *self = GLOSS_ANCHOR (object);

  g_clear_object (&self->document);
  g_array_unref (self->blocks);
  g_array_unref (self->entries);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->orphans);

  G_OBJECT_CLASS (gloss_anchor_parent_class)->finalize (object);
}

static void
gloss_anchor_class_init (GlossAnchorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_anchor_finalize;
}

static void
gloss_anchor_init (GlossAnchor *self)
{
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->orphans = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Myers' greedy diff ------------------------------------------------------------
 * Appends to @matches the index pairs (i, j) with a[i] == b[j] of a
 * shortest edit script, in increasing order. Returns FALSE (and adds
 * nothing) if the script needs more than @max_d edits. Memory O(D²). */
static gboolean
myers (const guint32 *a,
       int            n,
       const guint32 *b,
       int            m,
       int            max_d,
       GArray        *matches)
{
  int off = max_d + 1;
  g_autofree int *v = g_new0 (int, 2 * max_d + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  int x = 0, y = 0, d_found = -1;

  max_d = MIN (max_d, n + m);
  v[off + 1] = 0;
  for (int d = 0; d <= max_d && d_found < 0; d++)
    {
      int *saved;

      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
            x = v[off + k + 1];
          else
            x = v[off + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[x] == b[y])
            {
              x++;
              y++;
            }
          v[off + k] = x;
          if (x >= n && y >= m)
            {
              d_found = d;
              break;
            }
        }
      saved = g_new (int, 2 * d + 1);
      for (int k = -d; k <= d; k++)
        saved[k + d] = v[off + k];
      g_ptr_array_add (trace, saved);
    }

  if (d_found < 0)
    return FALSE;

  x = n;
  y = m;
  for (int d = d_found; d > 0; d--)
    {
      int *prev = trace->pdata[d - 1];
      int k = x - y, prev_k, prev_x, prev_y, mid_x, mid_y;

#define PREV(kk) prev[(kk) + d - 1]
      if (k == -d || (k != d && PREV (k - 1) < PREV (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = PREV (prev_k);
#undef PREV
      prev_y = prev_x - prev_k;
      if (prev_k == k + 1)
        {
          mid_x = prev_x;
          mid_y = prev_y + 1;
        }
      else
        {
          mid_x = prev_x + 1;
          mid_y = prev_y;
        }
      while (x > mid_x && y > mid_y)
        {
          guint pair[2] = { x - 1, y - 1 };

          g_array_append_val (reversed, pair);
          x--;
          y--;
        }
      x = prev_x;
      y = prev_y;
    }
  while (x > 0 && y > 0)
    {
      guint pair[2] = { x - 1, y - 1 };

      g_array_append_val (reversed, pair);
      x--;
      y--;
    }

  for (guint i = reversed->len; i-- > 0;)
    g_array_append_vals (matches, &g_array_index (reversed, guint, i * 2), 1);

  return TRUE;
}

/* Tokens: runs of letters/digits, or single other characters */
typedef struct
{
  guint start;
  guint length;
} Token;

static void
tokenize (const gunichar *text,
          guint           start,
          guint           end,
          GHashTable     *ids,
          GArray         *tokens,
          GArray         *token_ids)
{
  guint i = start;

  while (i < end)
    {
      guint j = i + 1;
      Token t;
      GString *key;
      gpointer id;

      if (g_unichar_isalnum (text[i]))
        while (j < end && g_unichar_isalnum (text[j]))
          j++;
      t.start = i;
      t.length = j - i;
      g_array_append_val (tokens, t);

      key = g_string_sized_new ((j - i) * 4);
      for (guint k = i; k < j; k++)
        g_string_append_unichar (key, text[k]);
      id = g_hash_table_lookup (ids, key->str);
      if (id == NULL)
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
          g_hash_table_insert (ids, g_string_free (key, FALSE), id);
        }
      else
        g_string_free (key, TRUE);
      {
        guint32 value = GPOINTER_TO_UINT (id);
        g_array_append_val (token_ids, value);
      }
      i = j;
    }
}

static void
add_block (GArray *blocks,
           guint   old_start,
           guint   new_start,
           guint   length)
{
  if (length == 0)
    return;

  if (blocks->len > 0)
    {
      Block *last = &g_array_index (blocks, Block, blocks->len - 1);

      if (last->old_start + last->length == old_start &&
          last->new_start + last->length == new_start)
        {
          last->length += length;
          return;
        }
    }

  {
    Block b = { old_start, new_start, length };
    g_array_append_val (blocks, b);
  }
}

/* Character diff of one changed hunk, appending its equal blocks */
static void
diff_hunk (const gunichar *o,
           guint           os,
           guint           oe,
           const gunichar *nw,
           guint           ns,
           guint           ne,
           GArray         *blocks)
{
  g_autoptr(GArray) matches = NULL;

  if (os == oe || ns == ne || oe - os > CHAR_HUNK || ne - ns > CHAR_HUNK)
    return;

  matches = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  if (!myers ((const guint32 *) o + os, oe - os, (const guint32 *) nw + ns, ne - ns, CHAR_MAX_D, matches))
    return;

  for (guint k = 0; k < matches->len; k++)
    {
      guint *pair = &g_array_index (matches, guint, k * 2);

      add_block (blocks, os + pair[0], ns + pair[1], 1);
    }
}

static void
compute_blocks (GlossAnchor    *self,
                const gunichar *o,
                guint           n,
                const gunichar *nw,
                guint           m)
{
  guint prefix = 0, suffix = 0;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ot = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) nt = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) oid = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) nid = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint po, pn;

  while (prefix < n && prefix < m && o[prefix] == nw[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && o[n - 1 - suffix] == nw[m - 1 - suffix])
    suffix++;

  add_block (self->blocks, 0, 0, prefix);

  tokenize (o, prefix, n - suffix, ids, ot, oid);
  tokenize (nw, prefix, m - suffix, ids, nt, nid);

  po = prefix;
  pn = prefix;
  if (myers ((guint32 *) oid->data, oid->len, (guint32 *) nid->data, nid->len, TOKEN_MAX_D, matches))
    {
      for (guint k = 0; k < matches->len; k++)
        {
          guint *pair = &g_array_index (matches, guint, k * 2);
          Token *a = &g_array_index (ot, Token, pair[0]);
          Token *b = &g_array_index (nt, Token, pair[1]);

          if (a->start > po || b->start > pn)
            diff_hunk (o, po, a->start, nw, pn, b->start, self->blocks);
          add_block (self->blocks, a->start, b->start, a->length);
          po = a->start + a->length;
          pn = b->start + b->length;
        }
    }
  diff_hunk (o, po, n - suffix, nw, pn, m - suffix, self->blocks);

  add_block (self->blocks, n - suffix, m - suffix, suffix);
}

static gboolean
map_char (GlossAnchor *self,
          guint        offset,
          guint       *mapped)
{
  guint lo = 0, hi = self->blocks->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Block *b = &g_array_index (self->blocks, Block, mid);

      if (offset < b->old_start)
        hi = mid;
      else if (offset >= b->old_start + b->length)
        lo = mid + 1;
      else
        {
          *mapped = b->new_start + (offset - b->old_start);
          return TRUE;
        }
    }

  return FALSE;
}

/* Where the diff would put @offset, even in changed text */
static guint
approximate (GlossAnchor *self,
             guint        offset,
             guint        new_length)
{
  guint best = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);

      if (b->old_start > offset)
        break;
      best = b->new_start + MIN (offset - b->old_start, b->length);
    }

  return MIN (best, new_length);
}

gboolean
gloss_anchor_map_offset (GlossAnchor *self,
                         guint        offset,
                         gboolean     is_end,
                         guint       *mapped)
{
  guint value;

  g_return_val_if_fail (GLOSS_IS_ANCHOR (self), FALSE);

  if (is_end)
    {
      if (offset == 0 || !map_char (self, offset - 1, &value))
        return FALSE;
      *mapped = value + 1;
      return TRUE;
    }

  if (!map_char (self, offset, &value))
    return FALSE;
  *mapped = value;
  return TRUE;
}

/* Quote search ----------------------------------------------------------------- */

static guint
context_score (const gunichar *o,
               guint           n,
               guint           old_start,
               guint           old_end,
               const gunichar *nw,
               guint           m,
               guint           new_start,
               guint           new_end)
{
  guint score = 0;

  for (guint k = 1; k <= CONTEXT && k <= old_start && k <= new_start; k++, score++)
    if (o[old_start - k] != nw[new_start - k])
      break;
  for (guint k = 0; k < CONTEXT && old_end + k < n && new_end + k < m; k++, score++)
    if (o[old_end + k] != nw[new_end + k])
      break;

  return score;
}

static gboolean
search_quote (const gunichar *o,
              guint           n,
              guint           old_start,
              guint           old_end,
              const gunichar *nw,
              guint           m,
              guint           expected,
              guint          *found)
{
  guint q = old_end - old_start;
  gboolean any = FALSE;
  guint best_score = 0, best_distance = 0;

  if (q == 0 || q > m)
    return FALSE;

  for (guint i = 0; i + q <= m; i++)
    {
      guint score, distance;

      if (nw[i] != o[old_start] || memcmp (nw + i, o + old_start, q * sizeof (gunichar)) != 0)
        continue;
      score = context_score (o, n, old_start, old_end, nw, m, i, i + q);
      distance = i > expected ? i - expected : expected - i;
      if (!any || score > best_score || (score == best_score && distance < best_distance))
        {
          any = TRUE;
          best_score = score;
          best_distance = distance;
          *found = i;
        }
    }

  return any;
}

static void
add_entry (GlossAnchor       *self,
           GlossAnnotation   *annotation,
           GlossAnchorStatus  status,
           guint              new_start,
           guint              new_end)
{
  Entry e = { g_object_ref (annotation), status, new_start, new_end };

  g_array_append_val (self->entries, e);
  g_hash_table_insert (self->by_id, (gpointer) gloss_annotation_get_id (annotation),
                       GUINT_TO_POINTER (self->entries->len));
  self->counts[status]++;
  if (status == GLOSS_ANCHOR_ORPHANED)
    g_ptr_array_add (self->orphans, g_object_ref (annotation));
}

GlossAnchor *
gloss_anchor_new (GlossDocument *source,
                  GlossDocument *target)
{
  GlossAnchor *self;
  GlossAnnotationStore *store;
  g_autofree gunichar *o = NULL;
  g_autofree gunichar *nw = NULL;
  glong n = 0, m = 0;
  gboolean same;
  g_autoptr(GPtrArray) placed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *source_relations;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_auto(GStrv) keys = NULL;
  GlossTextIndex *target_index;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (source), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (target), NULL);

  self = g_object_new (GLOSS_TYPE_ANCHOR, NULL);
  same = g_strcmp0 (gloss_document_get_sha256 (source), gloss_document_get_sha256 (target)) == 0;
  o = g_utf8_to_ucs4_fast (gloss_document_get_text (source), -1, &n);
  nw = g_utf8_to_ucs4_fast (gloss_document_get_text (target), -1, &m);
  if (same)
    add_block (self->blocks, 0, 0, n);
  else
    compute_blocks (self, o, n, nw, m);

  store = gloss_document_get_annotations (source);
  target_index = gloss_document_get_index (target);
  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      guint os = gloss_annotation_get_start (a), oe = gloss_annotation_get_end (a);
      guint ns = 0, ne = 0;
      gboolean placed_ok = FALSE;
      GlossAnnotation *copy;
      g_autofree char *quote = NULL;

      if (os < oe && oe <= (guint) n &&
          gloss_anchor_map_offset (self, os, FALSE, &ns) &&
          gloss_anchor_map_offset (self, oe, TRUE, &ne) &&
          ns < ne)
        {
          guint ol = oe - os, nl = ne - ns;

          placed_ok = (nl == ol && memcmp (o + os, nw + ns, ol * sizeof (gunichar)) == 0) ||
                      (nl * 2 >= ol && nl <= ol * 2);
        }

      if (!placed_ok && os < oe && oe <= (guint) n)
        {
          guint found;

          if (search_quote (o, n, os, oe, nw, m, approximate (self, os, m), &found))
            {
              ns = found;
              ne = found + (oe - os);
              placed_ok = TRUE;
            }
        }

      if (!placed_ok)
        {
          add_entry (self, a, GLOSS_ANCHOR_ORPHANED, 0, 0);
          continue;
        }

      quote = gloss_text_index_slice (target_index, ns, ne);
      add_entry (self, a,
                 ns == os && ne == oe && g_strcmp0 (quote, gloss_annotation_get_quote (a)) == 0
                 ? GLOSS_ANCHOR_EXACT : GLOSS_ANCHOR_MOVED,
                 ns, ne);
      copy = gloss_annotation_copy (a);
      gloss_annotation_set_span (copy, ns, ne);
      gloss_annotation_set_quote (copy, quote);
      g_ptr_array_add (placed, copy);
    }

  /* The anchored document */
  self->document = gloss_document_new (gloss_document_get_text (target), -1);
  {
    /* The text is the target's, and so are its headings. */
    guint n_headings;
    const GlossHeading *headings = gloss_document_get_headings (target, &n_headings);

    gloss_document_set_headings (self->document, headings, n_headings, NULL);
  }
  labels = gloss_label_set_copy (gloss_document_get_labels (source));
  gloss_document_set_labels (self->document, labels);
  gloss_document_set_title (self->document, gloss_document_get_title (source));
  gloss_document_set_author (self->document, gloss_document_get_author (source));
  keys = gloss_document_list_metadata (source);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    gloss_document_set_metadata (self->document, keys[i], gloss_document_get_metadata (source, keys[i]));

  source_relations = gloss_document_get_relations (source);
  for (guint i = 0; i < g_list_model_get_n_items (source_relations); i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (source_relations, i);
      gpointer from = g_hash_table_lookup (self->by_id, gloss_relation_get_from (r));
      gpointer to = g_hash_table_lookup (self->by_id, gloss_relation_get_to (r));

      if (from == NULL || to == NULL ||
          g_array_index (self->entries, Entry, GPOINTER_TO_UINT (from) - 1).status == GLOSS_ANCHOR_ORPHANED ||
          g_array_index (self->entries, Entry, GPOINTER_TO_UINT (to) - 1).status == GLOSS_ANCHOR_ORPHANED)
        continue;
      g_ptr_array_add (relations, gloss_relation_copy (r));
    }

  gloss_document_load_content (self->document, placed, relations);

  return self;
}

/**
 * gloss_anchor_get_document:
 *
 * Returns: (transfer none): their annotations on my text
 */
GlossDocument *
gloss_anchor_get_document (GlossAnchor *self)
{
  g_return_val_if_fail (GLOSS_IS_ANCHOR (self), NULL);

  return self->document;
}

guint
gloss_anchor_get_count (GlossAnchor       *self,
                        GlossAnchorStatus  status)
{
  g_return_val_if_fail (GLOSS_IS_ANCHOR (self), 0);
  g_return_val_if_fail (status <= GLOSS_ANCHOR_ORPHANED, 0);

  return self->counts[status];
}

gboolean
gloss_anchor_lookup (GlossAnchor       *self,
                     const char        *id,
                     GlossAnchorStatus *status,
                     guint             *old_start,
                     guint             *old_end,
                     guint             *new_start,
                     guint             *new_end)
{
  guint index;
  Entry *e;

  g_return_val_if_fail (GLOSS_IS_ANCHOR (self), FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));
  if (index == 0)
    return FALSE;
  e = &g_array_index (self->entries, Entry, index - 1);
  if (status)
    *status = e->status;
  if (old_start)
    *old_start = gloss_annotation_get_start (e->annotation);
  if (old_end)
    *old_end = gloss_annotation_get_end (e->annotation);
  if (new_start)
    *new_start = e->new_start;
  if (new_end)
    *new_end = e->new_end;

  return TRUE;
}

/**
 * gloss_anchor_get_orphans:
 *
 * Returns: (transfer none) (element-type GlossAnnotation): the orphans
 */
GPtrArray *
gloss_anchor_get_orphans (GlossAnchor *self)
{
  g_return_val_if_fail (GLOSS_IS_ANCHOR (self), NULL);

  return self->orphans;
}

JsonNode *
gloss_anchor_to_json (GlossAnchor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (GLOSS_IS_ANCHOR (self), NULL);

  json_builder_begin_object (builder);
  for (guint s = 0; s <= GLOSS_ANCHOR_ORPHANED; s++)
    {
      json_builder_set_member_name (builder, gloss_anchor_status_to_string (s));
      json_builder_add_int_value (builder, self->counts[s]);
    }
  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);

      if (e->status == GLOSS_ANCHOR_EXACT)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, gloss_anchor_status_to_string (e->status));
      json_builder_set_member_name (builder, "annotation");
      json_builder_add_value (builder, gloss_annotation_summary_to_json (e->annotation));
      if (e->status == GLOSS_ANCHOR_MOVED)
        {
          json_builder_set_member_name (builder, "new_start");
          json_builder_add_int_value (builder, e->new_start);
          json_builder_set_member_name (builder, "new_end");
          json_builder_add_int_value (builder, e->new_end);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
