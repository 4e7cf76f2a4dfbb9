/* test-gazetteer.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-gazetteer.h"

static GFile *
temp_file (const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return g_file_new_for_path (path);
}

static void
test_kb_ids (void)
{
  g_assert_true (gloss_kb_id_is_valid ("Q7747"));
  g_assert_true (gloss_kb_id_is_valid ("https://www.wikidata.org/wiki/Q7747"));
  g_assert_true (gloss_kb_id_is_valid ("urn:isni:0000000121032683"));
  g_assert_false (gloss_kb_id_is_valid ("Q"));
  g_assert_false (gloss_kb_id_is_valid ("Q07"));
  g_assert_false (gloss_kb_id_is_valid ("Vladimir Putin"));
  g_assert_false (gloss_kb_id_is_valid (""));
}

static void
test_persistence (void)
{
  g_autoptr(GlossGazetteer) gaz = gloss_gazetteer_new ();
  g_autoptr(GlossGazetteer) again = gloss_gazetteer_new ();
  g_autoptr(GFile) file = gloss_gazetteer_get_default_file ();
  g_autoptr(GError) error = NULL;
  const GlossGazetteerEntry *e;

  /* A missing file is an empty gazetteer. */
  g_assert_true (gloss_gazetteer_load (gaz, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_gazetteer_get_n_entries (gaz), ==, 0);

  gloss_gazetteer_remember (gaz, "Acme Corp", "ORG", "Q4674448", "Acme Corporation");
  gloss_gazetteer_remember (gaz, "東京", "GPE", "Q1490", "Tokyo");
  g_assert_true (gloss_gazetteer_save (gaz, file, &error));
  g_assert_no_error (error);

  g_assert_true (gloss_gazetteer_load (again, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_gazetteer_get_n_entries (again), ==, 2);

  /* Case and white space do not matter; the label does. */
  e = gloss_gazetteer_lookup (again, "ACME  corp", "ORG");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->kb_id, ==, "Q4674448");
  g_assert_cmpstr (e->canonical_name, ==, "Acme Corporation");
  g_assert_null (gloss_gazetteer_lookup (again, "Acme Corp", "PERSON"));
  g_assert_nonnull (gloss_gazetteer_lookup (again, "Acme Corp", NULL));
  e = gloss_gazetteer_lookup (again, "東京", "GPE");
  g_assert_cmpstr (e->kb_id, ==, "Q1490");

  g_assert_true (gloss_gazetteer_forget (again, "acme corp", "ORG"));
  g_assert_cmpuint (gloss_gazetteer_get_n_entries (again), ==, 1);
}

static void
test_import_and_hostile (void)
{
  g_autoptr(GlossGazetteer) gaz = gloss_gazetteer_new ();
  g_autoptr(GFile) good = temp_file ("team.json",
    "{\"format\":\"gloss-gazetteer\",\"version\":1,\"entries\":["
    "{\"surface\":\"WHO\",\"label\":\"ORG\",\"kb_id\":\"Q7817\"}]}");
  g_autoptr(GFile) bad_id = temp_file ("bad-id.json",
    "{\"format\":\"gloss-gazetteer\",\"version\":1,\"entries\":["
    "{\"surface\":\"A\",\"label\":\"ORG\",\"kb_id\":\"Q1\"},"
    "{\"surface\":\"B\",\"label\":\"ORG\",\"kb_id\":\"not an id\"}]}");
  g_autoptr(GFile) deep = NULL;
  g_autoptr(GFile) wrong = temp_file ("wrong.json", "{\"format\":\"gloss\"}");
  g_autoptr(GError) error = NULL;
  GString *nested = g_string_new ("{\"format\":\"gloss-gazetteer\",\"entries\":");

  g_assert_cmpuint (gloss_gazetteer_import (gaz, good, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_gazetteer_lookup (gaz, "who", "ORG"));

  /* All or nothing: a bad entry leaves the gazetteer untouched. */
  g_assert_cmpuint (gloss_gazetteer_import (gaz, bad_id, &error), ==, 0);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "entries[1]"));
  g_clear_error (&error);
  g_assert_null (gloss_gazetteer_lookup (gaz, "A", "ORG"));

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  deep = temp_file ("deep.json", nested->str);
  g_string_free (nested, TRUE);
  g_assert_false (gloss_gazetteer_load (gaz, deep, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_clear_error (&error);
  g_assert_cmpuint (gloss_gazetteer_get_n_entries (gaz), ==, 1);

  g_assert_false (gloss_gazetteer_load (gaz, wrong, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("gloss-gazetteer-XXXXXX", NULL);

  /* A private data dir without G_TEST_OPTION_ISOLATE_DIRS, whose
   * g_set_user_dirs() leaks on GLib 2.74 (tests/lsan.supp). */
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/gazetteer/kb-ids", test_kb_ids);
  g_test_add_func ("/gloss/gazetteer/persistence", test_persistence);
  g_test_add_func ("/gloss/gazetteer/import-hostile", test_import_and_hostile);

  return g_test_run ();
}
