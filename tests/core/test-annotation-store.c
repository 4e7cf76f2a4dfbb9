/* test-annotation-store.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-annotation-store.h"

static GlossAnnotation *
make (const char *label,
      guint       start,
      guint       end)
{
  return gloss_annotation_new (label, start, end);
}

static void
test_order (void)
{
  g_autoptr(GlossAnnotationStore) store = gloss_annotation_store_new ();
  g_autoptr(GlossAnnotation) a = make ("ORG", 10, 20);
  g_autoptr(GlossAnnotation) b = make ("Claim", 0, 40);
  g_autoptr(GlossAnnotation) c = make ("PERSON", 10, 12);
  g_autoptr(GlossAnnotation) d = make ("DATE", 30, 35);

  gloss_annotation_store_insert (store, a);
  gloss_annotation_store_insert (store, d);
  gloss_annotation_store_insert (store, c);
  gloss_annotation_store_insert (store, b);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);
  /* By start, then the longer (enclosing) span first. */
  g_assert_true (gloss_annotation_store_get (store, 0) == b);
  g_assert_true (gloss_annotation_store_get (store, 1) == a);
  g_assert_true (gloss_annotation_store_get (store, 2) == c);
  g_assert_true (gloss_annotation_store_get (store, 3) == d);

  g_assert_true (gloss_annotation_store_lookup (store, gloss_annotation_get_id (c)) == c);
  gloss_annotation_store_remove (store, a);
  g_assert_null (gloss_annotation_store_lookup (store, gloss_annotation_get_id (a)));
  g_assert_true (gloss_annotation_store_get (store, 1) == c);
}

static guint n_changes;
static guint last_pos, last_removed, last_added;

static void
items_changed_cb (GListModel *model,
                  guint       pos,
                  guint       removed,
                  guint       added)
{
  n_changes++;
  last_pos = pos;
  last_removed = removed;
  last_added = added;
}

static void
test_replace_signals (void)
{
  g_autoptr(GlossAnnotationStore) store = gloss_annotation_store_new ();
  g_autoptr(GlossAnnotation) a = make ("ORG", 10, 20);
  g_autoptr(GlossAnnotation) b = make ("PERSON", 30, 40);
  g_autoptr(GlossAnnotation) a2 = NULL;
  g_autoptr(GlossAnnotation) a3 = NULL;

  gloss_annotation_store_insert (store, a);
  gloss_annotation_store_insert (store, b);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), NULL);

  /* Same place in text order: one row changes. */
  a2 = gloss_annotation_copy (a);
  gloss_annotation_set_label (a2, "GPE");
  gloss_annotation_store_replace (store, a, a2);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (last_pos, ==, 0);
  g_assert_cmpuint (last_removed, ==, 1);
  g_assert_cmpuint (last_added, ==, 1);
  g_assert_true (gloss_annotation_store_lookup (store, gloss_annotation_get_id (a)) == a2);

  /* Moving past b reorders. */
  a3 = gloss_annotation_copy (a2);
  gloss_annotation_set_span (a3, 50, 60);
  gloss_annotation_store_replace (store, a2, a3);
  g_assert_true (gloss_annotation_store_get (store, 0) == b);
  g_assert_true (gloss_annotation_store_get (store, 1) == a3);
}

static void
test_query_random (void)
{
  g_autoptr(GlossAnnotationStore) store = gloss_annotation_store_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 3000; i++)
    {
      guint start = g_rand_int_range (rand, 0, 10000);
      guint len = g_rand_int_range (rand, 1, (i % 50 == 0) ? 3000 : 40);

      g_ptr_array_add (all, make ("X", start, start + len));
    }
  gloss_annotation_store_set_all (store, all);

  /* Remove and add some, to exercise stale block maxima. */
  for (guint i = 0; i < 200; i++)
    gloss_annotation_store_remove (store, all->pdata[i * 7]);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GlossAnnotation) a = make ("Y", i * 50, i * 50 + 5000);
      gloss_annotation_store_insert (store, a);
    }

  for (guint q = 0; q < 300; q++)
    {
      g_autoptr(GPtrArray) got = g_ptr_array_new ();
      guint qs = g_rand_int_range (rand, 0, 12000);
      guint qe = qs + g_rand_int_range (rand, 1, 500);
      guint expected = 0;
      guint n = gloss_annotation_store_get_n_items (store);

      gloss_annotation_store_query (store, qs, qe, got);
      for (guint i = 0; i < n; i++)
        if (gloss_annotation_overlaps (gloss_annotation_store_get (store, i), qs, qe))
          expected++;

      g_assert_cmpuint (got->len, ==, expected);
      for (guint i = 0; i < got->len; i++)
        {
          g_assert_true (gloss_annotation_overlaps (got->pdata[i], qs, qe));
          if (i > 0)
            g_assert_cmpint (gloss_annotation_compare (got->pdata[i - 1], got->pdata[i]), <, 0);
        }
    }

  g_rand_free (rand);
}

/* Queries right after each kind of change, against a scan of every item:
 * the store keeps each item's end beside it, and every change must keep
 * those in step. */
static void
check_queries (GlossAnnotationStore *store,
               GRand                *rand)
{
  guint n = gloss_annotation_store_get_n_items (store);

  for (guint q = 0; q < 12; q++)
    {
      g_autoptr(GPtrArray) got = g_ptr_array_new ();
      guint qs = g_rand_int_range (rand, 0, 6000);
      guint qe = qs + g_rand_int_range (rand, 1, 40);
      guint expected = 0;

      gloss_annotation_store_query (store, qs, qe, got);
      for (guint i = 0; i < n; i++)
        if (gloss_annotation_overlaps (gloss_annotation_store_get (store, i), qs, qe))
          expected++;
      g_assert_cmpuint (got->len, ==, expected);
    }
}

static void
test_query_interleaved (void)
{
  g_autoptr(GlossAnnotationStore) store = gloss_annotation_store_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (7);
  guint serial = 0;

  for (guint i = 0; i < 1500; i++)
    {
      guint start = g_rand_int_range (rand, 0, 5000);

      g_ptr_array_add (all, make ("X", start, start + g_rand_int_range (rand, 1, i % 40 == 0 ? 2000 : 30)));
    }
  gloss_annotation_store_set_all (store, all);
  check_queries (store, rand);

  for (guint step = 0; step < 600; step++)
    {
      guint n = gloss_annotation_store_get_n_items (store);
      GlossAnnotation *some = gloss_annotation_store_get (store, g_rand_int_range (rand, 0, n));
      guint start = g_rand_int_range (rand, 0, 5000);
      g_autofree char *id = g_strdup_printf ("new%u", serial++);

      switch (step % 5)
        {
        case 0: /* one in */
          {
            g_autoptr(GlossAnnotation) a = make ("Y", start, start + g_rand_int_range (rand, 1, 1500));

            gloss_annotation_set_id (a, id);
            gloss_annotation_store_insert (store, a);
          }
          break;

        case 1: /* one out */
          gloss_annotation_store_remove (store, some);
          break;

        case 2: /* replaced by a longer or shorter span, in place or moved */
          {
            guint s = step % 2 ? gloss_annotation_get_start (some) : start;
            g_autoptr(GlossAnnotation) a = make ("Z", s, s + g_rand_int_range (rand, 1, 2500));

            gloss_annotation_set_id (a, id);
            gloss_annotation_store_replace (store, some, a);
          }
          break;

        case 3: /* many in */
          {
            g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);

            for (guint k = 0; k < 5; k++)
              {
                g_autofree char *many_id = g_strdup_printf ("many%u", serial++);
                GlossAnnotation *a = make ("W", start + k * 3, start + k * 3 + g_rand_int_range (rand, 1, 900));

                gloss_annotation_set_id (a, many_id);
                g_ptr_array_add (many, a);
              }
            gloss_annotation_store_insert_many (store, many);
          }
          break;

        default: /* many out */
          {
            g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

            for (guint k = 0; k < 4 && k < n; k++)
              {
                GlossAnnotation *a = gloss_annotation_store_get (store, (k * 97 + step) % n);

                if (!g_ptr_array_find (doomed, a, NULL))
                  g_ptr_array_add (doomed, g_object_ref (a));
              }
            gloss_annotation_store_remove_many (store, doomed);
          }
          break;
        }

      check_queries (store, rand);
    }

  g_rand_free (rand);
}

static void
test_query_at (void)
{
  g_autoptr(GlossAnnotationStore) store = gloss_annotation_store_new ();
  g_autoptr(GlossAnnotation) claim = make ("Claim", 0, 40);
  g_autoptr(GlossAnnotation) person = make ("PERSON", 5, 10);
  g_autoptr(GlossAnnotation) org = make ("ORG", 8, 15);
  g_autoptr(GPtrArray) at9 = g_ptr_array_new ();
  g_autoptr(GPtrArray) at10 = g_ptr_array_new ();
  g_autoptr(GPtrArray) at40 = g_ptr_array_new ();

  gloss_annotation_store_insert (store, claim);
  gloss_annotation_store_insert (store, person);
  gloss_annotation_store_insert (store, org);

  gloss_annotation_store_query_at (store, 9, at9);
  g_assert_cmpuint (at9->len, ==, 3);
  gloss_annotation_store_query_at (store, 10, at10);   /* end is exclusive */
  g_assert_cmpuint (at10->len, ==, 2);
  gloss_annotation_store_query_at (store, 40, at40);
  g_assert_cmpuint (at40->len, ==, 0);
  g_assert_cmpuint (gloss_annotation_store_lower_bound (store, 6), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/annotation-store/order", test_order);
  g_test_add_func ("/gloss/annotation-store/replace-signals", test_replace_signals);
  g_test_add_func ("/gloss/annotation-store/query-random", test_query_random);
  g_test_add_func ("/gloss/annotation-store/query-at", test_query_at);
  g_test_add_func ("/gloss/annotation-store/query-interleaved", test_query_interleaved);

  return g_test_run ();
}
