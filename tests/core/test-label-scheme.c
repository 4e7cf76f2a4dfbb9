/* test-label-scheme.c: attribute definitions and relation types
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "gloss-attribute-def.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-format.h"
#include "gloss-relation-type.h"
#include "gloss-scheme.h"

static const char *text = "Jane Doe said the bridge cost 4 million. Acme Corp denied it.";

/* A label set with a PERSON label carrying one definition of each type and
 * a user relation type "works-for" (PERSON → ORG). */
static void
add_scheme (GlossDocument *doc)
{
  GlossLabel *person = gloss_label_set_lookup (gloss_document_get_labels (doc), "PERSON");
  g_autoptr(GlossLabel) copy = gloss_label_copy (person);
  g_autoptr(GPtrArray) defs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossRelationType) type = gloss_relation_type_new ("works-for");
  const char *roles[] = { "source", "subject", "bystander", NULL };
  const char *from[] = { "PERSON", NULL };
  const char *to[] = { "ORG", NULL };
  GlossAttributeDef *def;
  g_autoptr(GError) error = NULL;

  def = gloss_attribute_def_new ("role", GLOSS_ATTRIBUTE_CHOICE);
  gloss_attribute_def_set_values (def, roles);
  gloss_attribute_def_set_required (def, TRUE);
  gloss_attribute_def_set_default (def, g_variant_new_string ("subject"));
  g_ptr_array_add (defs, def);
  g_ptr_array_add (defs, gloss_attribute_def_new ("quoted", GLOSS_ATTRIBUTE_BOOLEAN));
  g_ptr_array_add (defs, gloss_attribute_def_new ("age", GLOSS_ATTRIBUTE_NUMBER));
  g_ptr_array_add (defs, gloss_attribute_def_new ("born", GLOSS_ATTRIBUTE_DATE));
  g_ptr_array_add (defs, gloss_attribute_def_new ("profile", GLOSS_ATTRIBUTE_URL));
  def = gloss_attribute_def_new ("title", GLOSS_ATTRIBUTE_TEXT);
  gloss_attribute_def_set_required (def, TRUE);
  g_ptr_array_add (defs, def);
  gloss_label_set_attributes (copy, defs);

  g_assert_true (gloss_document_replace_label (doc, "PERSON", copy, &error));
  g_assert_no_error (error);

  gloss_relation_type_set_title (type, "Works For");
  gloss_relation_type_set_description (type, "Employment");
  gloss_relation_type_set_from (type, from);
  gloss_relation_type_set_to (type, to);
  g_assert_true (gloss_document_add_relation_type (doc, type, &error));
  g_assert_no_error (error);
}

static void
assert_same_scheme (GlossLabelSet *a,
                    GlossLabelSet *b)
{
  g_assert_cmpuint (gloss_label_set_get_n_labels (a), ==, gloss_label_set_get_n_labels (b));
  for (guint i = 0; i < gloss_label_set_get_n_labels (a); i++)
    g_assert_true (gloss_label_equal (gloss_label_set_get_label (a, i), gloss_label_set_get_label (b, i)));

  g_assert_cmpuint (gloss_label_set_get_n_relation_types (a), ==, gloss_label_set_get_n_relation_types (b));
  for (guint i = 0; i < gloss_label_set_get_n_relation_types (a); i++)
    g_assert_true (gloss_relation_type_equal (gloss_label_set_get_relation_type (a, i),
                                              gloss_label_set_get_relation_type (b, i)));
}

static void
test_label_set_json_round_trip (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GlossLabelSet) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  GlossAttributeDef *role;

  add_scheme (doc);
  json = gloss_label_set_to_json (gloss_document_get_labels (doc));
  g_assert_nonnull (strstr (json, "\"relation_types\""));
  g_assert_nonnull (strstr (json, "\"values\":[\"source\",\"subject\",\"bystander\"]"));

  back = gloss_label_set_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  assert_same_scheme (gloss_document_get_labels (doc), back);

  role = gloss_label_lookup_attribute (gloss_label_set_lookup (back, "PERSON"), "role");
  g_assert_nonnull (role);
  g_assert_cmpint (gloss_attribute_def_get_value_type (role), ==, GLOSS_ATTRIBUTE_CHOICE);
  g_assert_true (gloss_attribute_def_get_required (role));
  g_assert_cmpstr (g_variant_get_string (gloss_attribute_def_get_default (role), NULL), ==, "subject");
  g_assert_cmpstr (gloss_relation_type_get_title (gloss_label_set_lookup_relation_type (back, "works-for")), ==,
                   "Works For");

  /* Stable: writing what was read gives the same text. */
  again = gloss_label_set_to_json (back);
  g_assert_cmpstr (json, ==, again);

  /* A set without the new keys stays as it was. */
  {
    g_autoptr(GlossLabelSet) plain = gloss_label_set_new_default ();
    g_autofree char *plain_json = gloss_label_set_to_json (plain);

    g_assert_null (strstr (plain_json, "relation_types"));
    g_assert_null (strstr (plain_json, "attributes"));
  }
}

static void
expect_label_set_error (const char *json,
                        const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_from_json (json, strlen (json), &error);

  g_assert_null (set);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_label_set_json_errors (void)
{
#define HEAD "{\"format\": \"gloss-labels\", \"version\": 1, \"labels\": [{\"name\": \"P\", \"kind\": \"entity\", \"color\": \"#112233\", \"key\": \"p\""
  expect_label_set_error (HEAD ", \"attributes\": [{\"name\": \"x\", \"type\": \"colour\"}]}]}", "unknown type");
  expect_label_set_error (HEAD ", \"attributes\": [{\"name\": \"x\", \"type\": \"choice\"}]}]}", "at least one value");
  expect_label_set_error (HEAD ", \"attributes\": [{\"name\": \"x\", \"type\": \"text\"}, {\"name\": \"x\", \"type\": \"url\"}]}]}",
                          "twice");
  expect_label_set_error (HEAD ", \"attributes\": [{\"name\": \"1x\", \"type\": \"text\"}]}]}", "not a valid attribute name");
  expect_label_set_error (HEAD ", \"attributes\": [{\"name\": \"n\", \"type\": \"number\", \"default\": \"many\"}]}]}",
                          "default");
  expect_label_set_error (HEAD ", \"attributes\": {}}]}", "array");
  expect_label_set_error (HEAD "}], \"relation_types\": [{\"name\": \"same-as\"}]}", "built-in");
  expect_label_set_error (HEAD "}], \"relation_types\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}", "already");
  expect_label_set_error (HEAD "}], \"relation_types\": [{\"name\": \"has space\"}]}", "relation_types[0]");
  expect_label_set_error (HEAD "}], \"relation_types\": [{\"name\": \"a\", \"from\": \"P\"}]}", "array");
#undef HEAD
}

static void
test_native_round_trip (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GlossAnnotation *jane, *acme;
  const char *json;

  add_scheme (doc);
  jane = gloss_document_annotate (doc, "PERSON", 0, 8, &error);
  g_assert_no_error (error);
  acme = gloss_document_annotate (doc, "ORG", 41, 50, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_document_relate (doc, "works-for", jane, acme, &error));

  bytes = gloss_format_write (doc);
  json = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (json, "\n  \"relation_types\": [\n    {\"name\": \"works-for\", \"title\": \"Works For\", "
                                  "\"description\": \"Employment\", \"from\": [\"PERSON\"], \"to\": [\"ORG\"]}\n  ],\n"));
  g_assert_nonnull (strstr (json, "\"attributes\": [{\"name\": \"role\", \"type\": \"choice\", "
                                  "\"values\": [\"source\", \"subject\", \"bystander\"], \"required\": true, "
                                  "\"default\": \"subject\"}, {\"name\": \"quoted\", \"type\": \"boolean\"}"));

  back = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  assert_same_scheme (gloss_document_get_labels (doc), gloss_document_get_labels (back));

  again = gloss_format_write (back);
  g_assert_true (g_bytes_equal (bytes, again));

  /* The default was applied when Jane was tagged. */
  g_assert_cmpstr (gloss_annotation_get_attribute_string (jane, "role"), ==, "subject");
}

static void
expect_format_problem (const char *labels_extra,
                       const char *top_extra,
                       const char *where,
                       const char *fragment)
{
  g_autoptr(GlossDocument) doc = gloss_document_new ("abc", -1);
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autofree char *json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GString) edited = g_string_new (json);
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) back = NULL;
  gboolean found = FALSE;

  if (labels_extra != NULL)
    g_string_replace (edited, "\"key\": \"p\"}", labels_extra, 1);
  if (top_extra != NULL)
    g_string_replace (edited, "\n  \"annotations\"", top_extra, 1);
  edited_bytes = g_bytes_new (edited->str, edited->len);

  back = gloss_format_read (edited_bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
  g_assert_null (back);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *p = problems->pdata[i];

      if (g_strcmp0 (p->where, where) == 0 && strstr (p->message, fragment) != NULL)
        found = TRUE;
    }
  if (!found)
    g_error ("no problem at %s mentioning “%s”: %s", where, fragment, error->message);
}

static void
test_native_errors (void)
{
  expect_format_problem ("\"key\": \"p\", \"attributes\": [{\"name\": \"x\", \"type\": \"when\"}]}", NULL,
                         "labels[0] (PERSON).attributes[0]", "unknown type");
  expect_format_problem ("\"key\": \"p\", \"attributes\": 3}", NULL,
                         "labels[0] (PERSON)", "must be an array");
  expect_format_problem (NULL, "\n  \"relation_types\": [{\"name\": \"claimant\"}],\n  \"annotations\"",
                         "relation_types[0] (claimant)", "built-in");
  expect_format_problem (NULL, "\n  \"relation_types\": {},\n  \"annotations\"",
                         "relation_types", "must be an array");
}

static void
test_validation (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *a;
  GlossLabel *person;
  struct {
    const char *key;
    GVariant *value;
    GlossAttributeProblemKind kind;
  } cases[] = {
    { "role", g_variant_new_string ("villain"), GLOSS_ATTRIBUTE_PROBLEM_NOT_A_CHOICE },
    { "quoted", g_variant_new_string ("yes"), GLOSS_ATTRIBUTE_PROBLEM_NOT_A_BOOLEAN },
    { "age", g_variant_new_string ("forty"), GLOSS_ATTRIBUTE_PROBLEM_NOT_A_NUMBER },
    { "born", g_variant_new_string ("1980-02-30"), GLOSS_ATTRIBUTE_PROBLEM_BAD_DATE },
    { "profile", g_variant_new_string ("example.org/jane"), GLOSS_ATTRIBUTE_PROBLEM_BAD_URL },
    { "title", g_variant_new_int64 (3), GLOSS_ATTRIBUTE_PROBLEM_NOT_TEXT },
  };

  add_scheme (doc);
  person = gloss_label_set_lookup (gloss_document_get_labels (doc), "PERSON");
  a = gloss_document_annotate (doc, "PERSON", 0, 8, &error);
  g_assert_no_error (error);

  /* Only "title" (required, no default) is missing. */
  problems = gloss_scheme_check_annotation (person, a);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((GlossAttributeProblem *) problems->pdata[0])->kind, ==, GLOSS_ATTRIBUTE_PROBLEM_MISSING);
  g_assert_cmpstr (((GlossAttributeProblem *) problems->pdata[0])->attribute, ==, "title");
  g_clear_pointer (&problems, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GlossAnnotation *bad = gloss_document_set_attribute (doc, a, cases[i].key, cases[i].value);
      gboolean seen = FALSE;

      problems = gloss_scheme_check_annotation (person, bad);
      for (guint j = 0; j < problems->len; j++)
        {
          GlossAttributeProblem *p = problems->pdata[j];

          if (g_str_equal (p->attribute, cases[i].key))
            {
              g_assert_cmpint (p->kind, ==, cases[i].kind);
              g_assert_nonnull (strstr (p->message, cases[i].key));
              seen = TRUE;
            }
        }
      g_assert_true (seen);
      g_clear_pointer (&problems, g_ptr_array_unref);
      g_assert_true (gloss_document_undo (doc));
      a = gloss_annotation_store_get (gloss_document_get_annotations (doc), 0);
    }

  /* Good values of every type pass. */
  gloss_document_begin_edit (doc, "good");
  a = gloss_document_set_attribute (doc, a, "title", g_variant_new_string ("Minister"));
  a = gloss_document_set_attribute (doc, a, "quoted", g_variant_new_boolean (TRUE));
  a = gloss_document_set_attribute (doc, a, "age", g_variant_new_double (41.5));
  a = gloss_document_set_attribute (doc, a, "born", g_variant_new_string ("1980-02-29"));
  a = gloss_document_set_attribute (doc, a, "profile", g_variant_new_string ("https://example.org/jane"));
  gloss_document_end_edit (doc);
  problems = gloss_scheme_check_annotation (person, a);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Parsing what the user typed. */
  {
    GlossAttributeDef *age = gloss_label_lookup_attribute (person, "age");
    g_autoptr(GVariant) v = gloss_attribute_def_parse_value (age, " 42 ", &error);

    g_assert_no_error (error);
    g_assert_true (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64));
    g_assert_cmpint (g_variant_get_int64 (v), ==, 42);
    g_assert_null (gloss_attribute_def_parse_value (age, "4x", &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (gloss_attribute_def_parse_value (age, "   ", &error));
    g_assert_no_error (error);
    g_assert_null (gloss_attribute_def_parse_value (gloss_label_lookup_attribute (person, "quoted"), "yes", &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&v, g_variant_unref);
    v = gloss_attribute_def_parse_value (gloss_label_lookup_attribute (person, "born"), "2026-02-30", &error);
    g_assert_null (v);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_document_warnings (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelationType) odd = gloss_relation_type_new ("cites");
  const char *to[] = { "SOURCE", NULL };
  GlossAnnotation *jane, *acme;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n_attr = 0, n_link = 0, n_name = 0;

  add_scheme (doc);
  gloss_relation_type_set_to (odd, to);
  g_assert_true (gloss_document_add_relation_type (doc, odd, &error));
  jane = gloss_document_annotate (doc, "PERSON", 0, 8, &error);
  acme = gloss_document_annotate (doc, "ORG", 41, 50, &error);
  g_assert_no_error (error);
  /* Backwards: ORG → PERSON breaks works-for's constraint. */
  g_assert_nonnull (gloss_document_relate (doc, "works-for", acme, jane, &error));

  /* The file still loads; the problems are warnings. */
  bytes = gloss_format_write (doc);
  back = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);

  warnings = gloss_scheme_check_document (back);
  for (guint i = 0; i < warnings->len; i++)
    {
      GlossProblem *p = warnings->pdata[i];

      g_assert_true (p->recoverable);
      if (g_str_has_prefix (p->where, "annotation ") && strstr (p->message, "title"))
        n_attr++;
      else if (g_str_has_prefix (p->where, "relations[0]") && strstr (p->message, "must start at PERSON"))
        n_link++;
      else if (g_str_equal (p->where, "relation_types[1] (cites)") && strstr (p->message, "SOURCE"))
        n_name++;
      else
        g_error ("unexpected warning %s: %s", p->where, p->message);
    }
  g_assert_cmpuint (n_attr, ==, 1);
  g_assert_cmpuint (n_link, ==, 1);
  g_assert_cmpuint (n_name, ==, 1);

  /* The right way round is fine. */
  {
    GlossRelationType *type = gloss_label_set_find_relation_type (gloss_document_get_labels (doc), "works-for");
    GlossLabelSet *labels = gloss_document_get_labels (doc);

    g_assert_true (gloss_scheme_check_link (type, gloss_label_set_lookup (labels, "PERSON"),
                                            gloss_label_set_lookup (labels, "ORG"), NULL));
    g_assert_false (gloss_scheme_check_link (type, gloss_label_set_lookup (labels, "PERSON"),
                                             gloss_label_set_lookup (labels, "GPE"), NULL));
    /* Built-in claimant: claim → entity (kinds). */
    type = gloss_label_set_find_relation_type (labels, "claimant");
    g_assert_true (gloss_relation_type_is_builtin (type));
    g_assert_true (gloss_scheme_check_link (type, gloss_label_set_lookup (labels, "Claim"),
                                            gloss_label_set_lookup (labels, "ORG"), NULL));
    g_assert_false (gloss_scheme_check_link (type, gloss_label_set_lookup (labels, "ORG"),
                                             gloss_label_set_lookup (labels, "Claim"), NULL));
  }
}

static void
test_relation_type_undo (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  GlossLabelSet *labels = gloss_document_get_labels (doc);
  g_autoptr(GlossRelationType) renamed = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *jane, *acme;
  GlossRelation *link;
  g_autoptr(GlossLabel) org = NULL;

  add_scheme (doc);
  g_assert_nonnull (gloss_label_set_lookup_relation_type (labels, "works-for"));
  g_assert_cmpstr (gloss_history_get_undo_description (gloss_document_get_history (doc)), ==, "Add Relation Type");

  /* Undo and redo the addition. */
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_label_set_get_n_relation_types (labels), ==, 0);
  g_assert_true (gloss_document_redo (doc));
  g_assert_nonnull (gloss_label_set_lookup_relation_type (labels, "works-for"));

  /* A duplicate or a built-in name is refused. */
  {
    g_autoptr(GlossRelationType) dup = gloss_relation_type_new ("works-for");
    g_autoptr(GlossRelationType) builtin = gloss_relation_type_new ("supports");

    g_assert_false (gloss_document_add_relation_type (doc, dup, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (gloss_document_add_relation_type (doc, builtin, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_clear_error (&error);
  }

  jane = gloss_document_annotate (doc, "PERSON", 0, 8, &error);
  acme = gloss_document_annotate (doc, "ORG", 41, 50, &error);
  link = gloss_document_relate (doc, "works-for", jane, acme, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);

  /* Renaming carries over to the link, in one undo step. */
  renamed = gloss_relation_type_copy (gloss_label_set_lookup_relation_type (labels, "works-for"));
  gloss_relation_type_set_name (renamed, "employed-by");
  g_assert_true (gloss_document_replace_relation_type (doc, "works-for", renamed, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_label_set_lookup_relation_type (labels, "works-for"));
  g_assert_cmpuint (gloss_document_count_relations_of_type (doc, "employed-by"), ==, 1);
  g_assert_true (gloss_document_undo (doc));
  g_assert_nonnull (gloss_label_set_lookup_relation_type (labels, "works-for"));
  g_assert_cmpuint (gloss_document_count_relations_of_type (doc, "works-for"), ==, 1);
  g_assert_cmpuint (gloss_document_count_relations_of_type (doc, "employed-by"), ==, 0);

  /* Renaming a label follows into the constraints; undo restores them. */
  org = gloss_label_copy (gloss_label_set_lookup (labels, "ORG"));
  gloss_label_set_name (org, "COMPANY");
  g_assert_true (gloss_document_replace_label (doc, "ORG", org, &error));
  g_assert_cmpstr (gloss_relation_type_get_to (gloss_label_set_lookup_relation_type (labels, "works-for"))[0], ==,
                   "COMPANY");
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpstr (gloss_relation_type_get_to (gloss_label_set_lookup_relation_type (labels, "works-for"))[0], ==,
                   "ORG");

  /* Renamed to a name already listed (here a kind): no duplicate entry. */
  {
    g_autoptr(GlossRelationType) both = gloss_relation_type_new ("near");
    g_autoptr(GlossLabel) gpe = gloss_label_copy (gloss_label_set_lookup (labels, "GPE"));
    const char *list[] = { "GPE", "entity", NULL };

    gloss_relation_type_set_to (both, list);
    g_assert_true (gloss_document_add_relation_type (doc, both, &error));
    gloss_label_set_name (gpe, "entity");
    g_assert_true (gloss_document_replace_label (doc, "GPE", gpe, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length ((char **) gloss_relation_type_get_to (gloss_label_set_lookup_relation_type (labels, "near"))), ==, 1);
    g_assert_true (gloss_document_undo (doc));
    g_assert_true (gloss_document_undo (doc));
    g_assert_null (gloss_label_set_lookup_relation_type (labels, "near"));
  }

  /* A type in use is only removed with its links. */
  g_assert_false (gloss_document_remove_relation_type (doc, "works-for", FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gloss_document_remove_relation_type (doc, "works-for", TRUE, &error));
  g_assert_null (gloss_label_set_lookup_relation_type (labels, "works-for"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (doc)), ==, 0);
  g_assert_true (gloss_document_undo (doc));
  g_assert_nonnull (gloss_label_set_lookup_relation_type (labels, "works-for"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (doc)), ==, 1);

  /* Attribute definitions ride on the label edit: undo removes them. */
  g_assert_cmpuint (gloss_label_get_n_attributes (gloss_label_set_lookup (labels, "PERSON")), ==, 6);
  while (gloss_document_undo (doc))
    ;
  g_assert_cmpuint (gloss_label_get_n_attributes (gloss_label_set_lookup (labels, "PERSON")), ==, 0);
  g_assert_cmpuint (gloss_label_set_get_n_relation_types (labels), ==, 0);
}

static void
test_brat_conf (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (text, -1);
  g_autoptr(GlossRelationType) plain = gloss_relation_type_new ("mentions");
  g_autoptr(GlossExportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;

  add_scheme (doc);
  g_assert_true (gloss_document_add_relation_type (doc, plain, &error));

  result = gloss_export_document (gloss_formats_lookup ("brat"), doc, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < gloss_export_result_get_n_files (result); i++)
    if (g_str_equal (gloss_export_result_get_name (result, i), "annotation.conf"))
      {
        GBytes *bytes = gloss_export_result_get_bytes (result, i);
        conf = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      }
  g_assert_nonnull (conf);
  /* Unused user types are listed, with their constraints as brat types. */
  g_assert_nonnull (strstr (conf, "\nworks-for\tArg1:PERSON, Arg2:ORG\n"));
  g_assert_nonnull (strstr (conf, "\nmentions\tArg1:<ENTITY>, Arg2:<ENTITY>\n"));
  g_assert_nonnull (strstr (conf, "\nclaimant\tArg1:<ENTITY>, Arg2:<ENTITY>\n"));
  /* Defined choices and yes/no attributes are declared, unused or not. */
  g_assert_nonnull (strstr (conf, "\nrole\tArg:<ENTITY>, Value:bystander|source|subject\n"));
  g_assert_nonnull (strstr (conf, "\nquoted\tArg:<ENTITY>\n"));
  g_assert_null (strstr (conf, "\nage\t"));
}

static void
test_identifiers (void)
{
  g_assert_true (gloss_identifier_is_valid ("same-as"));
  g_assert_true (gloss_identifier_is_valid ("kb_id"));
  g_assert_false (gloss_identifier_is_valid (""));
  g_assert_false (gloss_identifier_is_valid ("-x"));
  g_assert_false (gloss_identifier_is_valid ("a b"));
  g_assert_false (gloss_identifier_is_valid ("straße"));
  g_assert_true (gloss_url_is_valid ("https://example.org/a?b=c"));
  g_assert_false (gloss_url_is_valid ("ftp://example.org"));
  g_assert_false (gloss_url_is_valid ("https://"));
  g_assert_false (gloss_url_is_valid ("http://exa mple.org"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/label-scheme/identifiers", test_identifiers);
  g_test_add_func ("/gloss/label-scheme/label-set-json", test_label_set_json_round_trip);
  g_test_add_func ("/gloss/label-scheme/label-set-json-errors", test_label_set_json_errors);
  g_test_add_func ("/gloss/label-scheme/native-round-trip", test_native_round_trip);
  g_test_add_func ("/gloss/label-scheme/native-errors", test_native_errors);
  g_test_add_func ("/gloss/label-scheme/validation", test_validation);
  g_test_add_func ("/gloss/label-scheme/document-warnings", test_document_warnings);
  g_test_add_func ("/gloss/label-scheme/relation-type-undo", test_relation_type_undo);
  g_test_add_func ("/gloss/label-scheme/brat-conf", test_brat_conf);

  return g_test_run ();
}
