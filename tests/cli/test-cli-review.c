/* test-cli-review.c: gloss-cli compare, agree and merge
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-utils.h"

/* "@NAME" names a fixture in tests/data/review. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  return cli_test_run (NULL, "review", args, out, err);
}

static JsonObject *
parse (JsonParser *parser,
       const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_compare_table (void)
{
  const char *args[] = { "compare", "@a.gloss.json", "@b.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Agree                   2\n"));
  g_assert_nonnull (strstr (out, "Boundary differs        1\n"));
  g_assert_nonnull (strstr (out, "Only theirs             1\n"));
  g_assert_nonnull (strstr (out, "    theirs  ORG          [0, 4) “Acme”\n"));
  g_assert_nonnull (strstr (out, "    differs: verdict\n"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_compare_json (void)
{
  const char *args[] = { "compare", "--json", "@a.gloss.json", "@b.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *counts;
  JsonArray *differences;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  root = parse (parser, out);
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "agree"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "boundary-differs"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "only-theirs"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "only-mine"), ==, 0);
  differences = json_object_get_array_member (root, "differences");
  g_assert_cmpuint (json_array_get_length (differences), ==, 4);
  g_assert_false (json_object_has_member (root, "anchoring"));
}

/* b-edited has "Update: " before and "new " inside: their annotations are
 * re-anchored and the comparison is the same as against b */
static void
test_compare_edited_text (void)
{
  const char *args[] = { "compare", "--json", "@a.gloss.json", "@b-edited.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *anchoring;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "re-anchored: 0 exact, 4 moved, 0 could not be placed"));
  root = parse (parser, out);
  anchoring = json_object_get_object_member (root, "anchoring");
  g_assert_cmpint (json_object_get_int_member (anchoring, "moved"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "agree"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "only-theirs"), ==, 1);
}

/* An annotation whose text is not in mine is listed, never silently lost */
static void
test_orphan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.gloss.json", NULL);
  const char *compare[] = { "compare", "@a.gloss.json", "@b-longer.gloss.json", NULL };
  const char *merge[] = { "merge", "@a.gloss.json", "@b-longer.gloss.json", "--prefer", "theirs", "-o", path, NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run_cli (compare, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "1 exact, 0 moved, 1 could not be placed"));
  g_assert_nonnull (strstr (out, "Theirs, not placed on my text (1)\n    theirs  PER          [71, 78) “The CEO”\n"));

  g_assert_cmpint (run_cli (merge, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (err2, "1 annotation could not be placed on the text of"));
  g_assert_nonnull (strstr (err2, "PER [71, 78) “The CEO” (id e2)"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_agree_pair (void)
{
  const char *args[] = { "agree", "--json", "@a.gloss.json", "@b.gloss.json", NULL };
  const char *table_args[] = { "agree", "@a.gloss.json", "@b.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *table = NULL, *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *overall;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  overall = json_object_get_object_member (parse (parser, out), "overall");
  /* formats.md §7.3: strict 0.5/0.667/0.571, lenient F 0.857, average F 0.714 */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "precision_strict"), 0.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "f1_strict"), 4.0 / 7, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "f1_lenient"), 6.0 / 7, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "f1_average"), 5.0 / 7, 1e-6);

  g_assert_cmpint (run_cli (table_args, &table, &err2), ==, 0);
  g_assert_nonnull (strstr (table, "(overall)          2     1     0     1    0.5000    0.6667    0.5714    0.8571    0.7143"));
  g_assert_nonnull (strstr (table, "LOC                0     0     0     1    0.0000 undefined undefined"));
}

static void
test_agree_matrix (void)
{
  const char *args[] = { "agree", "@a.gloss.json", "@b.gloss.json", "@c.gloss.json", NULL };
  const char *json_args[] = { "agree", "--json", "@a.gloss.json", "@b.gloss.json", "@c.gloss.json", NULL };
  const char *csv_args[] = { "agree", "--csv", "@a.gloss.json", "@b.gloss.json", "@c.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *json = NULL, *err2 = NULL;
  g_autofree char *csv = NULL, *err3 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  /* strict F1: a–b 4/7; a–c: C 2 (ORG, PER), M 1, S 1 → P = R = 2/3 → 0.6667;
   * b–c: C 1 (PER), Pa 0, M 3, S 2 → P 1/3, R 1/4 → 0.2857; mean 0.5079 */
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "     1       —    0.5714    0.6667\n"));
  g_assert_nonnull (strstr (out, "     3    0.6667    0.2857       —\n"));
  g_assert_nonnull (strstr (out, "mean    0.5079\n"));

  g_assert_cmpint (run_cli (json_args, &json, &err2), ==, 0);
  root = parse (parser, json);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pairs")), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (root, "mean"), "f1_strict"),
                                  (4.0 / 7 + 2.0 / 3 + 2.0 / 7) / 3, 1e-6);

  g_assert_cmpint (run_cli (csv_args, &csv, &err3), ==, 0);
  g_assert_true (g_str_has_prefix (csv, "mine,theirs,label,"));
  g_assert_nonnull (strstr (csv, "(mean),(mean),(overall),,,,,"));
}

static void
test_merge (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.gloss.json", NULL);
  const char *args[] = { "merge", "@a.gloss.json", "@b.gloss.json", "--prefer", "theirs",
                         "--reviewer", "Rita", "-o", path, NULL };
  const char *again[] = { "merge", "@a.gloss.json", "@b.gloss.json", "--prefer", "mine", "-o", path, NULL };
  const char *validate[] = { "validate", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *annotations, *decisions;
  JsonObject *first_boundary = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "4 annotations, 4 decisions recorded"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  root = parse (parser, contents);
  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 4);
  /* theirs wins: ORG is [0,4), the claim's verdict is theirs */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (annotations, 0), "end"), ==, 4);
  decisions = json_object_get_array_member (json_object_get_object_member (root, "review"), "decisions");
  g_assert_cmpuint (json_array_get_length (decisions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *d = json_array_get_object_element (decisions, i);

      g_assert_cmpstr (json_object_get_string_member (d, "reviewer"), ==, "Rita");
      g_assert_cmpstr (json_object_get_string_member (d, "comment"), ==, "gloss-cli merge --prefer theirs");
      if (g_str_equal (json_object_get_string_member (d, "category"), "boundary-differs"))
        first_boundary = d;
    }
  g_assert_nonnull (first_boundary);
  g_assert_cmpstr (json_object_get_string_member (first_boundary, "action"), ==, "accept-theirs");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first_boundary, "mine"), "id"), ==, "a1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first_boundary, "theirs"), "id"), ==, "b1");

  /* The merged file is valid, and is not silently overwritten */
  g_assert_cmpint (run_cli (validate, &out3, &err3), ==, 0);
  g_assert_cmpint (run_cli (again, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "already exists"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_usage_errors (void)
{
  const char *bad_prefer[] = { "merge", "@a.gloss.json", "@b.gloss.json", "--prefer", "nobody", "-o", "/tmp/x", NULL };
  const char *one_file[] = { "agree", "@a.gloss.json", NULL };
  const char *missing[] = { "compare", "@a.gloss.json", "@does-not-exist.gloss.json", NULL };
  const char *onto_input[] = { "merge", "@a.gloss.json", "@b.gloss.json", "--prefer", "mine", "-o", "@a.gloss.json", NULL };
  g_autofree char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL, *o3 = NULL, *e3 = NULL, *o4 = NULL, *e4 = NULL;

  g_assert_cmpint (run_cli (bad_prefer, &o1, &e1), ==, 2);
  g_assert_nonnull (strstr (e1, "--prefer must be mine, theirs or agreed-only"));
  g_assert_cmpint (run_cli (one_file, &o2, &e2), ==, 2);
  g_assert_cmpint (run_cli (missing, &o3, &e3), ==, 1);
  g_assert_nonnull (strstr (e3, "does-not-exist.gloss.json: "));
  g_assert_cmpint (run_cli (onto_input, &o4, &e4), ==, 2);
  g_assert_nonnull (strstr (e4, "refusing to overwrite an input file"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/cli/review/compare-table", test_compare_table);
  g_test_add_func ("/gloss/cli/review/compare-json", test_compare_json);
  g_test_add_func ("/gloss/cli/review/compare-edited-text", test_compare_edited_text);
  g_test_add_func ("/gloss/cli/review/orphan", test_orphan);
  g_test_add_func ("/gloss/cli/review/agree-pair", test_agree_pair);
  g_test_add_func ("/gloss/cli/review/agree-matrix", test_agree_matrix);
  g_test_add_func ("/gloss/cli/review/merge", test_merge);
  g_test_add_func ("/gloss/cli/review/usage-errors", test_usage_errors);

  return g_test_run ();
}
