/* test-cli-format.c: gloss-cli validate and info
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib.h>

#include "cli-test-utils.h"

/* "@NAME" names a fixture in tests/data/format. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  return cli_test_run (NULL, "format", args, out, err);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "format", name, NULL);
}

static void
test_validate_good (void)
{
  const char *args[] = { "validate", "-v", "@good/example.gloss.json", "@good/bom.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *example = fixture ("good/example.gloss.json");
  g_autofree char *bom = fixture ("good/bom.gloss.json");
  g_autofree char *expected = g_strdup_printf ("%s: ok\n%s: ok\n", example, bom);

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
}

/* An uninstalled build speaks the user's language when GLOSS_LOCALEDIR
 * points at its compiled catalogs (./run does), and English without. */
static void
test_translated (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *english = NULL, *english_err = NULL;

  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_cmpint (run_cli (args, &english, &english_err), ==, 0);
  g_assert_nonnull (strstr (english, "Usage: gloss-cli"));

  g_setenv ("GLOSS_LOCALEDIR", g_getenv ("GLOSS_TEST_LOCALEDIR"), TRUE);
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_unsetenv ("GLOSS_LOCALEDIR");
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (strstr (out, "Aufruf: gloss-cli BEFEHL"));
}

static void
test_validate_quiet (void)
{
  const char *args[] = { "validate", "@good/example.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

/* Values and links that do not fit the label set's definitions are
 * warnings: the file stays valid (issue 3). */
static void
test_validate_scheme_warnings (void)
{
  const char *args[] = { "validate", "@good/stale-scheme.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = fixture ("good/stale-scheme.gloss.json");
  g_autofree char *role = g_strdup_printf ("%s: warning: annotation a3: “role” is “villain”, which is not one of: source, subject\n", path);
  g_autofree char *age = g_strdup_printf ("%s: warning: annotation a3: “age” must be a number\n", path);
  g_autofree char *link = g_strdup_printf ("%s: warning: relations[2] (id r3): A “disputes” link must start at PERSON, not at CLAIM (claim)\n", path);

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, role));
  g_assert_nonnull (strstr (out, age));
  g_assert_nonnull (strstr (out, link));
}

static void
test_validate_broken (void)
{
  const char *args[] = { "validate", "-v", "@good/example.gloss.json", "@broken/many-problems.json",
                         "@broken/deep-nesting.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *example = fixture ("good/example.gloss.json");
  g_autofree char *many = fixture ("broken/many-problems.json");
  g_autofree char *deep = fixture ("broken/deep-nesting.json");
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("%s: ok\n"
                              "%s: annotations[0] (id a1): start -1 is negative\n"
                              "%s: annotations[1] (id a2): “created” is not an ISO 8601 UTC time like 2026-01-31T12:00:00Z: “2026”\n"
                              "%s: annotations[2] (id a3): end 500 is past the end of the text (70 characters)\n"
                              "%s: 1:65: nesting is deeper than 64 levels\n",
                              example, many, many, many, deep);

  g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_validate_recoverable (void)
{
  const char *strict[] = { "validate", "@broken/unknown-label.json", NULL };
  const char *accept[] = { "validate", "--accept-recoverable", "@broken/unknown-label.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *path = fixture ("broken/unknown-label.json");
  g_autofree char *line = g_strdup_printf ("%s: annotations[2] (id a3): label “PLACE” is not among the labels; it will be added", path);
  g_autofree char *strict_out = g_strdup_printf ("%s\n", line);
  g_autofree char *accept_out = g_strdup_printf ("%s (repaired)\n", line);

  g_assert_cmpint (run_cli (strict, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, strict_out);
  g_assert_cmpint (run_cli (accept, &out2, &err2), ==, 0);
  g_assert_cmpstr (out2, ==, accept_out);
}

static void
test_validate_usage (void)
{
  const char *none[] = { "validate", NULL };
  const char *bad[] = { "validate", "--no-such-option", "x", NULL };
  const char *missing[] = { "validate", "/nonexistent/file.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_cli (none, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "no FILE"));
  g_assert_cmpint (run_cli (bad, &out2, &err2), ==, 2);
  g_assert_cmpint (run_cli (missing, &out3, &err3), ==, 1);
  g_assert_true (g_str_has_prefix (out3, "/nonexistent/file.gloss.json: "));
}

static void
test_info_text (void)
{
  const char *args[] = { "info", "@good/example.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Title: Sales\n"
                   "Byline:\n"
                   "Published:\n"
                   "Source:\n"
                   "Language: en\n"
                   "Length: 70\n"
                   "SHA-256: 2a481d5683bf4f4033ba60132c9b7fc0b18468dfa962e94490bff5d9f1a23a31\n"
                   "Annotations: 4\n"
                   "By label:\n"
                   "  ORG: 2\n"
                   "  PERSON: 1\n"
                   "  CLAIM: 1\n"
                   "By kind:\n"
                   "  highlight: 0\n"
                   "  entity: 3\n"
                   "  claim: 1\n"
                   "Relations: 1\n"
                   "Headings: 0\n");
}

/* The bundled sample lists the article's three section headings. */
static void
test_info_headings (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "sample-article.gloss.json", NULL);
  const char *text[] = { "info", sample, NULL };
  const char *json[] = { "info", "--json", sample, NULL };
  g_autofree char *out = NULL, *err = NULL, *out_json = NULL, *err_json = NULL;

  g_assert_cmpint (run_cli (text, &out, &err), ==, 0);
  g_assert_true (g_str_has_suffix (out, "\nHeadings: 3\n"));
  g_assert_cmpint (run_cli (json, &out_json, &err_json), ==, 0);
  g_assert_nonnull (strstr (out_json, "\"headings\" : 3\n}"));
}

static void
test_info_json (void)
{
  const char *args[] = { "info", "--json", "@good/example.gloss.json", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"title\" : \"Sales\""));
  g_assert_nonnull (strstr (out, "\"byline\" : null"));
  g_assert_nonnull (strstr (out, "\"length\" : 70"));
  g_assert_nonnull (strstr (out, "\"annotations\" : 4"));
  g_assert_nonnull (strstr (out, "\"by_label\" : {\n    \"ORG\" : 2,\n    \"PERSON\" : 1,\n    \"CLAIM\" : 1\n  }"));
  g_assert_nonnull (strstr (out, "\"entity\" : 3"));
  g_assert_nonnull (strstr (out, "\"relations\" : 1"));
  g_assert_nonnull (strstr (out, "\"headings\" : 0"));
}

static void
test_info_errors (void)
{
  const char *broken[] = { "info", "@broken/version-2.json", NULL };
  const char *two[] = { "info", "a", "b", NULL };
  const char *repaired[] = { "info", "@broken/unknown-label.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_cli (broken, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "format version 2"));
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (run_cli (two, &out2, &err2), ==, 2);
  g_assert_cmpint (run_cli (repaired, &out3, &err3), ==, 0);
  g_assert_nonnull (strstr (err3, "(repaired)"));
  g_assert_nonnull (strstr (out3, "  PLACE: 1\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/cli/validate/good", test_validate_good);
  g_test_add_func ("/gloss/cli/validate/quiet", test_validate_quiet);
  g_test_add_func ("/gloss/cli/translated", test_translated);
  g_test_add_func ("/gloss/cli/validate/broken", test_validate_broken);
  g_test_add_func ("/gloss/cli/validate/recoverable", test_validate_recoverable);
  g_test_add_func ("/gloss/cli/validate/scheme-warnings", test_validate_scheme_warnings);
  g_test_add_func ("/gloss/cli/validate/usage", test_validate_usage);
  g_test_add_func ("/gloss/cli/info/text", test_info_text);
  g_test_add_func ("/gloss/cli/info/json", test_info_json);
  g_test_add_func ("/gloss/cli/info/headings", test_info_headings);
  g_test_add_func ("/gloss/cli/info/errors", test_info_errors);

  return g_test_run ();
}
