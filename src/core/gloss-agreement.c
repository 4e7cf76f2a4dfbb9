/* gloss-agreement.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <math.h>

#include "gloss-agreement.h"
#include "gloss-csv.h"

typedef struct
{
  char   *label;
  guint   correct, partial, missing, spurious;
  double  kappa;
  double  alpha_do, alpha_de;
  double  alpha;
} LabelStats;

struct _GlossAgreement
{
  GObject     parent_instance;

  char       *mine_name;
  char       *theirs_name;
  GPtrArray  *stats;      /* LabelStats, sorted by label */
  char      **labels;
  LabelStats  overall;
  double      kappa_observed;
  double      kappa_expected;
  guint       n_tokens;
};

G_DEFINE_FINAL_TYPE (GlossAgreement, gloss_agreement, G_TYPE_OBJECT)

static const char *measure_names[GLOSS_N_AGREEMENT_MEASURES] = {
  "precision_strict", "recall_strict", "f1_strict",
  "precision_lenient", "recall_lenient", "f1_lenient",
  "precision_average", "recall_average", "f1_average",
  "kappa", "alpha_u",
};

const char *
gloss_agreement_measure_to_string (GlossAgreementMeasure measure)
{
  g_return_val_if_fail (measure < GLOSS_N_AGREEMENT_MEASURES, NULL);

  return measure_names[measure];
}

static void
label_stats_free (LabelStats *s)
{
  g_free (s->label);
  g_free (s);
}

static void
gloss_agreement_finalize (GObject *object)
{
  GlossAgreement *self = GLOSS_AGREEMENT (object);

  g_free (self->mine_name);
  g_free (self->theirs_name);
  g_ptr_array_unref (self->stats);
  g_strfreev (self->labels);

  G_OBJECT_CLASS (gloss_agreement_parent_class)->finalize (object);
}

static void
gloss_agreement_class_init (GlossAgreementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_agreement_finalize;
}

static void
gloss_agreement_init (GlossAgreement *self)
{
  self->mine_name = g_strdup ("mine");
  self->theirs_name = g_strdup ("theirs");
  self->stats = g_ptr_array_new_with_free_func ((GDestroyNotify) label_stats_free);
}

/* Coding measures ----------------------------------------------------------- */

double
gloss_cohen_kappa (const guint *table,
                   guint        n,
                   double      *observed,
                   double      *expected)
{
  double total = 0, agree = 0, ae = 0, ao;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        total += table[i * n + j];
        if (i == j)
          agree += table[i * n + j];
      }

  if (observed)
    *observed = NAN;
  if (expected)
    *expected = NAN;
  if (total == 0)
    return NAN;

  for (guint k = 0; k < n; k++)
    {
      double row = 0, column = 0;

      for (guint x = 0; x < n; x++)
        {
          row += table[k * n + x];
          column += table[x * n + k];
        }
      ae += row * column;
    }
  ae /= total * total;
  ao = agree / total;

  if (observed)
    *observed = ao;
  if (expected)
    *expected = ae;
  if (ae >= 1.0)
    return NAN;

  return (ao - ae) / (1.0 - ae);
}

double
gloss_scott_pi (const guint *table,
                guint        n)
{
  double total = 0, agree = 0, ae = 0, ao;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        total += table[i * n + j];
        if (i == j)
          agree += table[i * n + j];
      }
  if (total == 0)
    return NAN;

  for (guint k = 0; k < n; k++)
    {
      double pooled = 0;

      for (guint x = 0; x < n; x++)
        pooled += table[k * n + x] + table[x * n + k];
      pooled /= 2 * total;
      ae += pooled * pooled;
    }
  ao = agree / total;
  if (ae >= 1.0)
    return NAN;

  return (ao - ae) / (1.0 - ae);
}

static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * gloss_agreement_tokenize:
 *
 * Returns: (transfer full) (element-type GlossToken): the tokens
 */
GArray *
gloss_agreement_tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GlossToken));
  GlossToken current = { 0, 0 };
  gboolean in_word = FALSE;
  guint offset = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        {
          if (!in_word)
            {
              current.start = offset;
              in_word = TRUE;
            }
          continue;
        }

      if (in_word)
        {
          current.end = offset;
          g_array_append_val (tokens, current);
          in_word = FALSE;
        }

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        {
          GlossToken single = { offset, offset + 1 };
          g_array_append_val (tokens, single);
        }
    }

  if (in_word)
    {
      current.end = offset;
      g_array_append_val (tokens, current);
    }

  return tokens;
}

/* The index of the first token ending after @offset (tokens are sorted
 * and do not overlap, so their ends are sorted too). */
static guint
first_token_after (GArray *tokens,
                   guint   offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (tokens, GlossToken, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Whether @a is a better label for a token than @best: the longest (the
 * outermost of a stack), then the earliest, then the smallest label name. */
static gboolean
label_beats (GlossAnnotation *a,
             GlossAnnotation *best)
{
  guint len = gloss_annotation_get_end (a) - gloss_annotation_get_start (a);
  guint best_len = gloss_annotation_get_end (best) - gloss_annotation_get_start (best);

  if (len != best_len)
    return len > best_len;
  if (gloss_annotation_get_start (a) != gloss_annotation_get_start (best))
    return gloss_annotation_get_start (a) < gloss_annotation_get_start (best);

  return g_strcmp0 (gloss_annotation_get_label (a), gloss_annotation_get_label (best)) < 0;
}

/* The label annotation of every token (NULL: outside), in one sweep over
 * the annotations: each one visits only the tokens it overlaps. */
static GlossAnnotation **
token_labels (GlossAnnotationStore *store,
              GArray               *tokens)
{
  GlossAnnotation **best = g_new0 (GlossAnnotation *, tokens->len + 1);
  guint n = gloss_annotation_store_get_n_items (store);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      if (start >= end)
        continue;
      for (guint k = first_token_after (tokens, start);
           k < tokens->len && g_array_index (tokens, GlossToken, k).start < end; k++)
        if (best[k] == NULL || label_beats (a, best[k]))
          best[k] = a;
    }

  return best;
}

/* Marks with @stamp the tokens overlapped by @annotations (all of one
 * label); returns how many tokens were newly marked, and counts in *@both
 * those among them that @other marks with @stamp too. */
static guint
mark_tokens (GPtrArray *annotations,
             GArray    *tokens,
             guint     *marks,
             guint      stamp,
             guint     *other,
             guint     *both)
{
  guint n_marked = 0;

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      if (start >= end)
        continue;
      for (guint k = first_token_after (tokens, start);
           k < tokens->len && g_array_index (tokens, GlossToken, k).start < end; k++)
        if (marks[k] != stamp)
          {
            marks[k] = stamp;
            n_marked++;
            if (other != NULL && other[k] == stamp)
              (*both)++;
          }
    }

  return n_marked;
}

/* The annotations of each class (1 + label index), in text order. */
static GPtrArray **
annotations_by_class (GlossAnnotationStore *store,
                      GHashTable           *classes,
                      guint                 n_classes)
{
  GPtrArray **of_class = g_new0 (GPtrArray *, n_classes);
  guint n = gloss_annotation_store_get_n_items (store);

  for (guint c = 0; c < n_classes; c++)
    of_class[c] = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      const char *label = gloss_annotation_get_label (a);
      guint c = label ? GPOINTER_TO_UINT (g_hash_table_lookup (classes, label)) : 0;

      g_ptr_array_add (of_class[c], a);
    }

  return of_class;
}

static void
free_by_class (GPtrArray **of_class,
               guint       n_classes)
{
  for (guint c = 0; c < n_classes; c++)
    g_ptr_array_unref (of_class[c]);
  g_free (of_class);
}

/* Krippendorff's alpha_u ------------------------------------------------------ */

typedef struct
{
  guint    start;
  guint    end;
  gboolean unit;
} Segment;

/* The units of @label of one rater, as alternating gaps and units over
 * [0, length). Overlapping units: the earliest-starting, longest one is
 * kept, the others skipped (as INCEpTION/DKPro). */
static GArray *
rater_segments (GPtrArray *annotations,
                guint      length)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Segment));
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint position = 0;

  /* @annotations are all of one label, in store order: sorted by start,
   * then longest first (gloss_annotation_compare) */
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      Segment u = { gloss_annotation_get_start (a), gloss_annotation_get_end (a), TRUE };

      if (u.start >= u.end)
        continue;
      if (units->len > 0 && u.start < g_array_index (units, Segment, units->len - 1).end)
        continue;
      g_array_append_val (units, u);
    }

  for (guint i = 0; i < units->len; i++)
    {
      Segment *u = &g_array_index (units, Segment, i);

      if (u->start > position)
        {
          Segment gap = { position, u->start, FALSE };
          g_array_append_val (segments, gap);
        }
      g_array_append_val (segments, *u);
      position = u->end;
    }
  if (position < length)
    {
      Segment gap = { position, length, FALSE };
      g_array_append_val (segments, gap);
    }

  return segments;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
sq (double x)
{
  return x * x;
}

static void
alpha_terms (GPtrArray *mine,
             GPtrArray *theirs,
             guint      text_length,
             double    *d_o,
             double    *d_e)
{
  double length = text_length;
  g_autoptr(GArray) a = rater_segments (mine, text_length);
  g_autoptr(GArray) b = rater_segments (theirs, text_length);
  double sum = 0, numerator = 0, denominator, n_units = 0, R = 2;
  guint i = 0, j = 0;
  GArray *raters[2] = { a, b };

  *d_o = NAN;
  *d_e = NAN;
  if (length == 0)
    return;

  /* Observed: all overlapping pairs of segments of the two raters */
  while (i < a->len && j < b->len)
    {
      Segment *g = &g_array_index (a, Segment, i);
      Segment *h = &g_array_index (b, Segment, j);

      if (MAX (g->start, h->start) < MIN (g->end, h->end))
        {
          if (g->unit && h->unit)
            sum += sq ((double) g->start - h->start) + sq ((double) g->end - h->end);
          else if (g->unit && !h->unit && h->start <= g->start && g->end <= h->end)
            sum += sq ((double) g->end - g->start);
          else if (h->unit && !g->unit && g->start <= h->start && h->end <= g->end)
            sum += sq ((double) h->end - h->start);
        }

      if (g->end < h->end)
        i++;
      else if (h->end < g->end)
        j++;
      else
        {
          i++;
          j++;
        }
    }
  *d_o = 2.0 / (R * (R - 1) * length * length) * sum;

  /* Expected */
  for (guint r = 0; r < 2; r++)
    for (guint k = 0; k < raters[r]->len; k++)
      if (g_array_index (raters[r], Segment, k).unit)
        n_units++;

  /* Σ over gaps g with |g| ≥ ℓ of (|g| − ℓ + 1), from the sorted gap
   * lengths and suffix sums of |g| + 1: O((U + G) log G) */
  {
    g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
    g_autofree double *suffix = NULL;
    guint n_gaps;

    for (guint r = 0; r < 2; r++)
      for (guint k = 0; k < raters[r]->len; k++)
        {
          Segment *g = &g_array_index (raters[r], Segment, k);
          double gl = g->end - g->start;

          if (!g->unit)
            g_array_append_val (gaps, gl);
        }
    g_array_sort (gaps, compare_doubles);
    n_gaps = gaps->len;
    suffix = g_new0 (double, n_gaps + 1);
    for (guint k = n_gaps; k-- > 0;)
      suffix[k] = suffix[k + 1] + g_array_index (gaps, double, k) + 1;

    denominator = R * length * (R * length - 1);
    for (guint r = 0; r < 2; r++)
      for (guint k = 0; k < raters[r]->len; k++)
        {
          Segment *u = &g_array_index (raters[r], Segment, k);
          double l, gap_sum;
          guint lo = 0, hi = n_gaps;

          if (!u->unit)
            continue;
          l = u->end - u->start;
          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;

              if (g_array_index (gaps, double, mid) < l)
                lo = mid + 1;
              else
                hi = mid;
            }
          gap_sum = suffix[lo] - (double) (n_gaps - lo) * l;
          numerator += (n_units - 1) * (2 * l * l * l - 3 * l * l + l) / 3.0 + l * l * gap_sum;
          denominator -= l * (l - 1);
        }
  }

  if (denominator <= 0)
    return;
  *d_e = (2.0 / length) * numerator / denominator;
}

static double
alpha_from_terms (double d_o,
                  double d_e)
{
  if (isnan (d_o) || isnan (d_e) || d_e == 0)
    return NAN;

  return 1.0 - d_o / d_e;
}

/* Computing ----------------------------------------------------------------- */

static int
stats_compare (gconstpointer a,
               gconstpointer b)
{
  const LabelStats *sa = *(LabelStats **) a;
  const LabelStats *sb = *(LabelStats **) b;

  return g_strcmp0 (sa->label, sb->label);
}

static LabelStats *
stats_for (GlossAgreement *self,
           GHashTable     *index,
           const char     *label)
{
  LabelStats *s = g_hash_table_lookup (index, label);

  if (s == NULL)
    {
      s = g_new0 (LabelStats, 1);
      s->label = g_strdup (label);
      g_ptr_array_add (self->stats, s);
      g_hash_table_insert (index, s->label, s);
    }

  return s;
}

GlossAgreement *
gloss_agreement_new_for_comparison (GlossComparison *comparison)
{
  GlossAgreement *self;
  GlossDocument *mine, *theirs;
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) tokens = NULL;
  g_autofree guint *table = NULL;
  g_autofree GlossAnnotation **mine_best = NULL;
  g_autofree GlossAnnotation **theirs_best = NULL;
  g_autofree guint *mine_marks = NULL;
  g_autofree guint *theirs_marks = NULL;
  GPtrArray **mine_of_class, **theirs_of_class;
  g_autoptr(GHashTable) classes = NULL;
  GlossAnnotationStore *ms, *ts;
  guint n_labels, n_classes;
  double sum_do = 0, sum_de = 0;
  guint n_alpha = 0;

  g_return_val_if_fail (GLOSS_IS_COMPARISON (comparison), NULL);

  self = g_object_new (GLOSS_TYPE_AGREEMENT, NULL);
  mine = gloss_comparison_get_mine (comparison);
  theirs = gloss_comparison_get_theirs (comparison);
  ms = gloss_document_get_annotations (mine);
  ts = gloss_document_get_annotations (theirs);

  /* Span counts, from the comparison's passes 1 and 2 */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      g_autoptr(GlossDifference) d = g_list_model_get_item (G_LIST_MODEL (comparison), i);
      GlossAnnotation *m = gloss_difference_get_mine (d);
      GlossAnnotation *t = gloss_difference_get_theirs (d);

      switch (gloss_difference_get_category (d))
        {
        case GLOSS_DIFFERENCE_AGREE:
          stats_for (self, index, gloss_annotation_get_label (m))->correct++;
          break;
        case GLOSS_DIFFERENCE_BOUNDARY_DIFFERS:
          stats_for (self, index, gloss_annotation_get_label (m))->partial++;
          break;
        default:
          if (m != NULL)
            stats_for (self, index, gloss_annotation_get_label (m))->missing++;
          if (t != NULL)
            stats_for (self, index, gloss_annotation_get_label (t))->spurious++;
          break;
        }
    }
  g_ptr_array_sort (self->stats, stats_compare);
  n_labels = self->stats->len;
  self->labels = g_new0 (char *, n_labels + 1);
  for (guint i = 0; i < n_labels; i++)
    {
      LabelStats *s = self->stats->pdata[i];

      self->labels[i] = g_strdup (s->label);
      self->overall.correct += s->correct;
      self->overall.partial += s->partial;
      self->overall.missing += s->missing;
      self->overall.spurious += s->spurious;
    }

  /* Token kappa: classes 0 = outside, 1 + i = label i */
  classes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_labels; i++)
    g_hash_table_insert (classes, self->labels[i], GUINT_TO_POINTER (i + 1));
  tokens = gloss_agreement_tokenize (gloss_document_get_text (mine));
  self->n_tokens = tokens->len;
  n_classes = n_labels + 1;
  table = g_new0 (guint, n_classes * n_classes);
  mine_best = token_labels (ms, tokens);
  theirs_best = token_labels (ts, tokens);
  for (guint k = 0; k < tokens->len; k++)
    {
      guint ca = 0, cb = 0;

      if (mine_best[k] != NULL && gloss_annotation_get_label (mine_best[k]) != NULL)
        ca = GPOINTER_TO_UINT (g_hash_table_lookup (classes, gloss_annotation_get_label (mine_best[k])));
      if (theirs_best[k] != NULL && gloss_annotation_get_label (theirs_best[k]) != NULL)
        cb = GPOINTER_TO_UINT (g_hash_table_lookup (classes, gloss_annotation_get_label (theirs_best[k])));
      table[ca * n_classes + cb]++;
    }
  self->overall.kappa = gloss_cohen_kappa (table, n_classes, &self->kappa_observed, &self->kappa_expected);

  /* Per label: binary kappa over the tokens, and alpha_u */
  mine_of_class = annotations_by_class (ms, classes, n_classes);
  theirs_of_class = annotations_by_class (ts, classes, n_classes);
  mine_marks = g_new0 (guint, tokens->len + 1);
  theirs_marks = g_new0 (guint, tokens->len + 1);
  for (guint i = 0; i < n_labels; i++)
    {
      LabelStats *s = self->stats->pdata[i];
      guint binary[4];
      guint n_mine, n_theirs, n_both = 0;

      n_mine = mark_tokens (mine_of_class[i + 1], tokens, mine_marks, i + 1, NULL, NULL);
      n_theirs = mark_tokens (theirs_of_class[i + 1], tokens, theirs_marks, i + 1, mine_marks, &n_both);
      binary[0] = tokens->len - n_mine - n_theirs + n_both;
      binary[1] = n_theirs - n_both;
      binary[2] = n_mine - n_both;
      binary[3] = n_both;
      s->kappa = gloss_cohen_kappa (binary, 2, NULL, NULL);

      alpha_terms (mine_of_class[i + 1], theirs_of_class[i + 1], gloss_document_get_length (mine),
                   &s->alpha_do, &s->alpha_de);
      s->alpha = alpha_from_terms (s->alpha_do, s->alpha_de);
      if (!isnan (s->alpha_do) && !isnan (s->alpha_de))
        {
          sum_do += s->alpha_do;
          sum_de += s->alpha_de;
          n_alpha++;
        }
    }
  free_by_class (mine_of_class, n_classes);
  free_by_class (theirs_of_class, n_classes);

  if (n_alpha > 0)
    {
      self->overall.alpha_do = sum_do / n_alpha;
      self->overall.alpha_de = sum_de / n_alpha;
    }
  else
    {
      self->overall.alpha_do = NAN;
      self->overall.alpha_de = NAN;
    }
  self->overall.alpha = alpha_from_terms (self->overall.alpha_do, self->overall.alpha_de);

  return self;
}

GlossAgreement *
gloss_agreement_new (GlossDocument *mine,
                     GlossDocument *theirs)
{
  g_autoptr(GlossComparison) comparison = gloss_comparison_new (mine, theirs);

  return gloss_agreement_new_for_comparison (comparison);
}

void
gloss_agreement_set_names (GlossAgreement *self,
                           const char     *mine,
                           const char     *theirs)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT (self));

  gloss_set_str (&self->mine_name, mine);
  gloss_set_str (&self->theirs_name, theirs);
}

const char *
gloss_agreement_get_mine_name (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);

  return self->mine_name;
}

const char *
gloss_agreement_get_theirs_name (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);

  return self->theirs_name;
}

const char * const *
gloss_agreement_get_labels (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);

  return (const char * const *) self->labels;
}

static LabelStats *
lookup_stats (GlossAgreement *self,
              const char     *label)
{
  if (label == NULL)
    return &self->overall;

  for (guint i = 0; i < self->stats->len; i++)
    if (g_strcmp0 (((LabelStats *) self->stats->pdata[i])->label, label) == 0)
      return self->stats->pdata[i];

  return NULL;
}

static double
ratio (double numerator,
       double denominator)
{
  return denominator > 0 ? numerator / denominator : NAN;
}

static double
f1 (double p,
    double r)
{
  if (isnan (p) || isnan (r))
    return NAN;
  if (p + r == 0)
    return 0;
  return 2 * p * r / (p + r);
}

double
gloss_agreement_get (GlossAgreement        *self,
                     const char            *label,
                     GlossAgreementMeasure  measure)
{
  LabelStats *s;
  double c, pa, pd, rd;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NAN);

  s = lookup_stats (self, label);
  if (s == NULL)
    return NAN;

  c = s->correct;
  pa = s->partial;
  pd = s->correct + s->spurious + s->partial;
  rd = s->correct + s->missing + s->partial;

  switch (measure)
    {
    case GLOSS_AGREEMENT_PRECISION_STRICT:
      return ratio (c, pd);
    case GLOSS_AGREEMENT_RECALL_STRICT:
      return ratio (c, rd);
    case GLOSS_AGREEMENT_F1_STRICT:
      return f1 (ratio (c, pd), ratio (c, rd));
    case GLOSS_AGREEMENT_PRECISION_LENIENT:
      return ratio (c + pa, pd);
    case GLOSS_AGREEMENT_RECALL_LENIENT:
      return ratio (c + pa, rd);
    case GLOSS_AGREEMENT_F1_LENIENT:
      return f1 (ratio (c + pa, pd), ratio (c + pa, rd));
    case GLOSS_AGREEMENT_PRECISION_AVERAGE:
      return ratio (c + pa / 2, pd);
    case GLOSS_AGREEMENT_RECALL_AVERAGE:
      return ratio (c + pa / 2, rd);
    case GLOSS_AGREEMENT_F1_AVERAGE:
      return f1 (ratio (c + pa / 2, pd), ratio (c + pa / 2, rd));
    case GLOSS_AGREEMENT_KAPPA:
      return s->kappa;
    case GLOSS_AGREEMENT_ALPHA_U:
      return s->alpha;
    default:
      g_return_val_if_reached (NAN);
    }
}

void
gloss_agreement_get_counts (GlossAgreement *self,
                            const char     *label,
                            guint          *correct,
                            guint          *partial,
                            guint          *missing,
                            guint          *spurious)
{
  LabelStats *s;
  LabelStats zero = { 0 };

  g_return_if_fail (GLOSS_IS_AGREEMENT (self));

  s = lookup_stats (self, label);
  if (s == NULL)
    s = &zero;
  if (correct)
    *correct = s->correct;
  if (partial)
    *partial = s->partial;
  if (missing)
    *missing = s->missing;
  if (spurious)
    *spurious = s->spurious;
}

void
gloss_agreement_get_alpha_terms (GlossAgreement *self,
                                 const char     *label,
                                 double         *observed,
                                 double         *expected)
{
  LabelStats *s;

  g_return_if_fail (GLOSS_IS_AGREEMENT (self));

  s = lookup_stats (self, label);
  if (observed)
    *observed = s ? s->alpha_do : NAN;
  if (expected)
    *expected = s ? s->alpha_de : NAN;
}

void
gloss_agreement_get_kappa_terms (GlossAgreement *self,
                                 double         *observed,
                                 double         *expected,
                                 guint          *n_tokens)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT (self));

  if (observed)
    *observed = self->kappa_observed;
  if (expected)
    *expected = self->kappa_expected;
  if (n_tokens)
    *n_tokens = self->n_tokens;
}

/* Export -------------------------------------------------------------------- */

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
build_row (GlossAgreement *self,
           JsonBuilder    *builder,
           const char     *label)
{
  guint c, pa, m, s;

  gloss_agreement_get_counts (self, label, &c, &pa, &m, &s);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  if (label)
    json_builder_add_string_value (builder, label);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "correct");
  json_builder_add_int_value (builder, c);
  json_builder_set_member_name (builder, "partial");
  json_builder_add_int_value (builder, pa);
  json_builder_set_member_name (builder, "missing");
  json_builder_add_int_value (builder, m);
  json_builder_set_member_name (builder, "spurious");
  json_builder_add_int_value (builder, s);
  for (guint k = 0; k < GLOSS_N_AGREEMENT_MEASURES; k++)
    add_number (builder, measure_names[k], gloss_agreement_get (self, label, k));
  json_builder_end_object (builder);
}

static void
build_agreement (GlossAgreement *self,
                 JsonBuilder    *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mine");
  json_builder_add_string_value (builder, self->mine_name);
  json_builder_set_member_name (builder, "theirs");
  json_builder_add_string_value (builder, self->theirs_name);
  json_builder_set_member_name (builder, "tokens");
  json_builder_add_int_value (builder, self->n_tokens);
  json_builder_set_member_name (builder, "overall");
  build_row (self, builder, NULL);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  for (guint i = 0; self->labels[i] != NULL; i++)
    build_row (self, builder, self->labels[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
gloss_agreement_to_json (GlossAgreement *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);

  build_agreement (self, builder);

  return json_builder_get_root (builder);
}

static void
csv_number (GString *out,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    g_string_append (out, "undefined");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

static void
csv_header (GString *out)
{
  g_string_append (out, "mine,theirs,label,correct,partial,missing,spurious");
  for (guint k = 0; k < GLOSS_N_AGREEMENT_MEASURES; k++)
    g_string_append_printf (out, ",%s", measure_names[k]);
  g_string_append (out, "\r\n");
}

static void
csv_rows (GlossAgreement *self,
          GString        *out)
{
  for (int i = -1; i < (int) self->stats->len; i++)
    {
      const char *label = i < 0 ? NULL : self->labels[i];
      guint c, pa, m, s;

      gloss_agreement_get_counts (self, label, &c, &pa, &m, &s);
      gloss_csv_append_text_field (out, self->mine_name);
      g_string_append_c (out, ',');
      gloss_csv_append_text_field (out, self->theirs_name);
      g_string_append_c (out, ',');
      gloss_csv_append_text_field (out, label ? label : "(overall)");
      g_string_append_printf (out, ",%u,%u,%u,%u", c, pa, m, s);
      for (guint k = 0; k < GLOSS_N_AGREEMENT_MEASURES; k++)
        {
          g_string_append_c (out, ',');
          csv_number (out, gloss_agreement_get (self, label, k));
        }
      g_string_append (out, "\r\n");
    }
}

char *
gloss_agreement_to_csv (GlossAgreement *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);

  csv_header (out);
  csv_rows (self, out);

  return g_string_free (out, FALSE);
}

double
gloss_agreement_mean (GPtrArray             *agreements,
                      const char            *label,
                      GlossAgreementMeasure  measure)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < agreements->len; i++)
    {
      double v = gloss_agreement_get (agreements->pdata[i], label, measure);

      if (!isnan (v))
        {
          sum += v;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

JsonNode *
gloss_agreement_pairwise_to_json (GPtrArray *agreements)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < agreements->len; i++)
    build_agreement (agreements->pdata[i], builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mean");
  json_builder_begin_object (builder);
  for (guint k = 0; k < GLOSS_N_AGREEMENT_MEASURES; k++)
    add_number (builder, measure_names[k], gloss_agreement_mean (agreements, NULL, k));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
gloss_agreement_pairwise_to_csv (GPtrArray *agreements)
{
  GString *out = g_string_new (NULL);

  csv_header (out);
  for (guint i = 0; i < agreements->len; i++)
    csv_rows (agreements->pdata[i], out);

  g_string_append (out, "(mean),(mean),(overall),,,,");
  for (guint k = 0; k < GLOSS_N_AGREEMENT_MEASURES; k++)
    {
      g_string_append_c (out, ',');
      csv_number (out, gloss_agreement_mean (agreements, NULL, k));
    }
  g_string_append (out, "\r\n");

  return g_string_free (out, FALSE);
}
