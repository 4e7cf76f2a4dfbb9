/* test-export.c: golden files, round trips, offset oracles and hostile
 * inputs for every export/import format (formats.md §0, §8)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLOSS_UPDATE_GOLDEN=1 rewrites tests/data/export/golden/ from the code;
 * review the diff before committing it. */

#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-format.h"

#define GENERATED "2026-11-29T12:00:00Z"
#define TEXT "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure.\n\n" \
             "Cafe\xCC\x81 owner Jose\xCC\x81 said \"it was\tfine\" in Z\xC3\xBCrich."
#define ROCKET_TEXT "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure."

/* Code point offset of the @nth occurrence of @needle. */
static guint
find (const char *text,
      const char *needle,
      guint       nth)
{
  const char *p = text;

  for (guint i = 0; i <= nth; i++)
    {
      p = strstr (i ? p + 1 : p, needle);
      g_assert_nonnull (p);
    }
  return g_utf8_pointer_to_offset (text, p);
}

static GlossAnnotation *
add (GlossDocument *doc,
     const char    *id,
     const char    *label,
     const char    *needle,
     guint          nth)
{
  g_autoptr(GlossAnnotation) a = NULL;
  const char *text = gloss_document_get_text (doc);
  guint start = find (text, needle, nth);

  a = gloss_annotation_new (label, start, start + g_utf8_strlen (needle, -1));
  gloss_annotation_set_id (a, id);
  gloss_annotation_set_author (a, "Ana Editor");
  gloss_annotation_set_created (a, "2026-11-01T10:00:00Z");
  gloss_annotation_set_modified (a, "2026-11-02T09:30:00Z");
  return g_steal_pointer (&a);
}

static void
commit (GlossDocument   *doc,
        GlossAnnotation *a)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_add_annotation (doc, a, &error));
  g_assert_no_error (error);
  g_object_unref (a);
}

#define ID(n) "00000000-0000-4000-8000-0000000000" #n

/* The fixture: emoji, a combining mark, a span crossing a paragraph,
 * overlapping and nested spans, an empty note, a quote with a TAB and
 * double quotes, claims with verdicts and a claimant relation, entities
 * with knowledge-base ids, a label with a space. */
static GlossDocument *
make_fixture (void)
{
  GlossDocument *doc = gloss_document_new (TEXT, -1);
  g_autoptr(GlossLabel) key_fact = gloss_label_new ("Key fact", GLOSS_LABEL_KIND_HIGHLIGHT, "#33aa55", NULL);
  g_autoptr(GlossRelation) r1 = NULL, r2 = NULL;
  GlossAnnotation *a;

  gloss_document_set_title (doc, "Acme sales dispute");
  gloss_document_set_source (doc, "https://news.example.org/acme-sales");
  gloss_document_set_published (doc, "2026-10-30");
  gloss_document_set_language (doc, "en");
  g_assert_true (gloss_document_add_label (doc, key_fact, NULL));

  a = add (doc, ID(01), "ORG", "Acme Corp", 0);
  gloss_annotation_set_attribute (a, "kb_id", g_variant_new_string ("https://example.org/kb/acme"));
  commit (doc, a);

  a = add (doc, ID(02), "Claim", "sales rose 12% in 2023", 0);
  gloss_annotation_set_attribute (a, "verdict", g_variant_new_string ("mostly-false"));
  gloss_annotation_set_attribute (a, "check_worthiness", g_variant_new_int64 (4));
  gloss_annotation_set_attribute (a, "evidence", g_variant_new_string ("https://example.org/filing\nAnnual report, p. 3"));
  gloss_annotation_set_attribute (a, "reviewed_on", g_variant_new_string ("2026-11-20"));
  gloss_annotation_set_note (a, "Checked against the filing.");
  commit (doc, a);

  commit (doc, add (doc, ID(03), "DATE", "2023", 0));
  commit (doc, add (doc, ID(04), "Yellow", "2023.\nJane", 0));

  a = add (doc, ID(05), "PERSON", "Jane Doe", 0);
  gloss_annotation_set_attribute (a, "kb_id", g_variant_new_string ("Q7747"));
  gloss_annotation_set_attribute (a, "canonical_name", g_variant_new_string ("Jane Q. Doe"));
  commit (doc, a);

  a = add (doc, ID(06), "Yellow", "\xF0\x9F\x9A\x80", 0);
  gloss_annotation_set_note (a, "");
  commit (doc, a);

  a = add (doc, ID(07), "Key fact", "disputed the figure", 0);
  gloss_annotation_set_note (a, "Who disputes it?\nAsk the desk.");
  commit (doc, a);

  commit (doc, add (doc, ID(08), "PERSON", "Jose\xCC\x81", 0));

  a = add (doc, ID(09), "Claim", "\"it was\tfine\"", 0);
  gloss_annotation_set_attribute (a, "verdict", g_variant_new_string ("unverifiable"));
  gloss_annotation_set_attribute (a, "claimant", g_variant_new_string ("Jos\xC3\xA9"));
  commit (doc, a);

  r1 = gloss_relation_new ("claimant", ID(02), ID(01));
  gloss_relation_set_id (r1, "00000000-0000-4000-8000-0000000000r1");
  gloss_relation_set_id (r1, ID(90));
  gloss_relation_set_note (r1, "Company statement");
  g_assert_true (gloss_document_add_relation (doc, r1, NULL));
  r2 = gloss_relation_new ("same-as", ID(08), ID(05));
  gloss_relation_set_id (r2, ID(91));
  g_assert_true (gloss_document_add_relation (doc, r2, NULL));

  return doc;
}

/* GBytes are not NUL-terminated: copy before using string functions. */
static char *
result_text (GlossExportResult *result,
             guint              i)
{
  GBytes *bytes = gloss_export_result_get_bytes (result, i);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GHashTable *
options_new (void)
{
  GHashTable *options = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (options, "generated", GENERATED);
  return options;
}

static GBytes *
read_golden (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static void
check_golden (const char *name,
              GBytes     *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", "golden", name, NULL);
  g_autoptr(GBytes) expected = NULL;

  if (g_getenv ("GLOSS_UPDATE_GOLDEN") != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_file_set_contents (path, g_bytes_get_data (actual, NULL), g_bytes_get_size (actual), &error);
      g_assert_no_error (error);
      return;
    }
  expected = read_golden (path);
  if (expected == NULL)
    g_error ("missing golden file %s (run with GLOSS_UPDATE_GOLDEN=1)", path);
  if (!g_bytes_equal (expected, actual))
    {
      g_autofree char *a = g_strndup (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual));
      g_test_message ("%s differs; actual output:\n%s", name, a);
      g_test_fail ();
    }
}

static GlossExportResult *
export_fixture (const char *format_id,
                GHashTable *extra)
{
  g_autoptr(GlossDocument) doc = make_fixture ();
  g_autoptr(GHashTable) options = options_new ();
  g_autoptr(GError) error = NULL;
  const GlossFormatInfo *format = gloss_formats_lookup (format_id);
  GlossExportResult *result;

  g_assert_nonnull (format);
  if (extra != NULL)
    {
      GHashTableIter iter;
      gpointer k, v;
      g_hash_table_iter_init (&iter, extra);
      while (g_hash_table_iter_next (&iter, &k, &v))
        g_hash_table_insert (options, k, v);
    }
  result = gloss_export_document (format, doc, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_golden (gconstpointer data)
{
  const char *variant = data;
  g_auto(GStrv) parts = g_strsplit (variant, ":", 2);
  g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GlossExportResult) result = NULL;
  g_autoptr(GString) losses = g_string_new (NULL);
  g_auto(GStrv) kv = NULL;
  GPtrArray *loss_list;

  if (parts[1] != NULL)
    {
      kv = g_strsplit (parts[1], "=", 2);
      g_hash_table_insert (extra, kv[0], kv[1]);
    }
  if (g_str_equal (parts[0], "claimreview"))
    {
      g_hash_table_insert (extra, "reviewer", "Example Fact Desk");
      g_hash_table_insert (extra, "reviewer-url", "https://factcheck.example.org/");
      g_hash_table_insert (extra, "review-url", "https://factcheck.example.org/checks/acme-sales");
    }

  result = export_fixture (parts[0], extra);
  for (guint i = 0; i < gloss_export_result_get_n_files (result); i++)
    {
      const char *name = gloss_export_result_get_name (result, i);
      g_autofree char *file = NULL;

      if (name[0] == '.')
        file = g_strdup_printf ("fixture%s%s%s", parts[1] ? "-" : "", parts[1] ? parts[1] : "", name);
      else
        file = g_strdup_printf ("%s%s", parts[1] ? parts[1] : "", name);
      g_strdelimit (file, "=", '-');
      check_golden (file, gloss_export_result_get_bytes (result, i));
    }

  loss_list = gloss_export_result_get_losses (result);
  for (guint i = 0; i < loss_list->len; i++)
    g_string_append_printf (losses, "%s\n", (char *) loss_list->pdata[i]);
  {
    g_autofree char *name = g_strdup_printf ("%s%s%s.losses.txt", parts[0], parts[1] ? "-" : "", parts[1] ? parts[1] : "");
    g_autoptr(GBytes) bytes = g_bytes_new (losses->str, losses->len);
    g_strdelimit (name, "=", '-');
    check_golden (name, bytes);
  }
}

static void
test_native_fixture (void)
{
  g_autoptr(GlossDocument) doc = make_fixture ();
  g_autoptr(GBytes) bytes = gloss_format_write (doc);

  check_golden ("fixture.gloss.json", bytes);
}

/* A description of what a round trip must keep, per format. */
enum
{
  KEEP_NOTES = 1 << 0,
  KEEP_ATTRIBUTES = 1 << 1,
  KEEP_IDS = 1 << 2,
  KEEP_AUTHORS = 1 << 3,
  KEEP_RELATION_NOTES = 1 << 4,
  LABEL_UNDERSCORE = 1 << 5,
};

static char *
summarize (GlossDocument *doc,
           guint          keep)
{
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  GListModel *relations = gloss_document_get_relations (doc);
  GString *s = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      g_autofree char *label = g_strdup (gloss_annotation_get_label (a));
      GString *line = g_string_new (NULL);

      if (keep & LABEL_UNDERSCORE)
        g_strdelimit (label, " ", '_');
      g_string_append_printf (line, "%u-%u %s", gloss_annotation_get_start (a), gloss_annotation_get_end (a), label);
      if (keep & KEEP_IDS)
        g_string_append_printf (line, " id=%s", gloss_annotation_get_id (a));
      if (keep & KEEP_AUTHORS)
        g_string_append_printf (line, " by=%s %s %s", gloss_annotation_get_author (a),
                                gloss_annotation_get_created (a), gloss_annotation_get_modified (a));
      if ((keep & KEEP_NOTES) && gloss_annotation_get_note (a))
        g_string_append_printf (line, " note=[%s]", gloss_annotation_get_note (a));
      if (keep & KEEP_ATTRIBUTES)
        {
          g_auto(GStrv) keys = gloss_annotation_list_attributes (a);
          for (guint k = 0; keys && keys[k]; k++)
            {
              g_autofree char *v = g_variant_print (gloss_annotation_get_attribute (a, keys[k]), TRUE);
              g_string_append_printf (line, " %s=%s", keys[k], v);
            }
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (relations, i);
      GlossAnnotation *from = gloss_annotation_store_lookup (store, gloss_relation_get_from (r));
      GlossAnnotation *to = gloss_annotation_store_lookup (store, gloss_relation_get_to (r));

      g_ptr_array_add (lines, g_strdup_printf ("rel %s %u-%u → %u-%u%s%s", gloss_relation_get_kind (r),
                                               gloss_annotation_get_start (from), gloss_annotation_get_end (from),
                                               gloss_annotation_get_start (to), gloss_annotation_get_end (to),
                                               (keep & KEEP_RELATION_NOTES) && gloss_relation_get_note (r) ? " note=" : "",
                                               (keep & KEEP_RELATION_NOTES) && gloss_relation_get_note (r) ? gloss_relation_get_note (r) : ""));
    }
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *format;
  guint keep;
} RoundTrip;

static const RoundTrip round_trips[] = {
  { "w3c", KEEP_NOTES | KEEP_ATTRIBUTES | KEEP_IDS | KEEP_AUTHORS | KEEP_RELATION_NOTES },
  { "brat", KEEP_NOTES | KEEP_ATTRIBUTES | KEEP_RELATION_NOTES | LABEL_UNDERSCORE },
  { "doccano", 0 },
  { "label-studio", KEEP_NOTES | KEEP_ATTRIBUTES | KEEP_IDS },
};

static void
test_round_trip (gconstpointer data)
{
  const RoundTrip *rt = data;
  g_autoptr(GlossDocument) doc = make_fixture ();
  g_autoptr(GlossExportResult) result = export_fixture (rt->format, NULL);
  g_autoptr(GlossDocument) back = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static (TEXT, strlen (TEXT));
  g_autofree char *before = NULL, *after = NULL;
  const GlossFormatInfo *format = gloss_formats_lookup (rt->format);

  back = gloss_import_bytes (format, gloss_export_result_get_bytes (result, 0),
                             format->needs_text ? text : NULL, NULL, &reports, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (gloss_document_get_text (back), ==, TEXT);

  before = summarize (doc, rt->keep);
  after = summarize (back, rt->keep);
  g_assert_cmpstr (after, ==, before);

  /* What an import produces is a valid native file. */
  {
    g_autoptr(GBytes) native = gloss_format_write (back);
    g_autoptr(GlossDocument) reread = gloss_format_read (native, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = summarize (reread, rt->keep);
    g_assert_cmpstr (again, ==, before);
  }

  /* Every label kept the kind it had, where the format carries it. */
  if (g_str_equal (rt->format, "w3c"))
    g_assert_cmpint (gloss_label_get_kind (gloss_label_set_lookup (gloss_document_get_labels (back), "Key fact")),
                     ==, GLOSS_LABEL_KIND_HIGHLIGHT);
}

/* formats.md §0 and §8: the same spans in code points and UTF-16 units. */
static void
test_offset_oracles (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (ROCKET_TEXT, -1);
  GlossTextIndex *index = gloss_document_get_index (doc);
  g_autoptr(GHashTable) options = options_new ();
  g_autoptr(GlossExportResult) doccano = NULL, brat = NULL, w3c = NULL, ls = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *quote; guint cp_start, cp_end, u16_start, u16_end; const char *label; } spans[] = {
    { "Acme Corp", 0, 9, 0, 9, "ORG" },
    { "sales rose 12% in 2023", 15, 37, 15, 37, "Claim" },
    { "Jane Doe", 39, 47, 39, 47, "PERSON" },
    { "\xF0\x9F\x9A\x80", 48, 49, 48, 50, "Yellow" },
    { "disputed", 50, 58, 51, 59, "Yellow" },
    { "figure", 63, 69, 64, 70, "Yellow" },
    { "2023.\nJane", 33, 43, 33, 43, "Yellow" },
  };
  g_autofree char *ann = NULL, *jsonl = NULL;

  g_assert_cmpuint (gloss_document_get_length (doc), ==, 70);
  g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, 70), ==, 71);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(GlossAnnotation) a = gloss_annotation_new (spans[i].label, spans[i].cp_start, spans[i].cp_end);
      guint back;

      g_assert_true (gloss_text_index_slice_equals (index, spans[i].cp_start, spans[i].cp_end, spans[i].quote));
      g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, spans[i].cp_start), ==, spans[i].u16_start);
      g_assert_cmpuint (gloss_text_index_offset_to_utf16 (index, spans[i].cp_end), ==, spans[i].u16_end);
      g_assert_true (gloss_text_index_utf16_to_offset (index, spans[i].u16_end, &back));
      g_assert_cmpuint (back, ==, spans[i].cp_end);
      g_assert_true (gloss_document_add_annotation (doc, a, &error));
      g_assert_no_error (error);
    }
  /* The middle of the surrogate pair is no code point. */
  {
    guint back;
    g_assert_false (gloss_text_index_utf16_to_offset (index, 49, &back));
  }

  doccano = gloss_export_document (gloss_formats_lookup ("doccano"), doc, options, &error);
  g_assert_no_error (error);
  jsonl = result_text (doccano, 0);
  g_assert_nonnull (strstr (jsonl, "[64,70,\"Yellow\"]"));
  g_assert_nonnull (strstr (jsonl, "[51,59,\"Yellow\"]"));
  g_assert_nonnull (strstr (jsonl, "[48,50,\"Yellow\"]"));

  brat = gloss_export_document (gloss_formats_lookup ("brat"), doc, options, &error);
  g_assert_no_error (error);
  ann = result_text (brat, 0);
  g_assert_nonnull (strstr (ann, "\tYellow 63 69\tfigure\n"));
  g_assert_nonnull (strstr (ann, "\tYellow 50 58\tdisputed\n"));
  /* §3.3: the newline splits the span into fragments joined by a space. */
  g_assert_nonnull (strstr (ann, "\tYellow 33 38;39 43\t2023. Jane\n"));
  g_assert_null (strstr (ann, "\n\n"));

  w3c = gloss_export_document (gloss_formats_lookup ("w3c"), doc, options, &error);
  g_assert_no_error (error);
  {
    g_autofree char *json = result_text (w3c, 0);
    /* §1.7: 32 code points of context. */
    g_assert_nonnull (strstr (json, "\"prefix\" : \"es rose 12% in 2023.\\nJane Doe \xF0\x9F\x9A\x80 \""));
    g_assert_nonnull (strstr (json, "\"start\" : 50"));
  }

  ls = gloss_export_document (gloss_formats_lookup ("label-studio"), doc, options, &error);
  g_assert_no_error (error);
  {
    g_autofree char *json = result_text (ls, 0);
    g_assert_nonnull (strstr (json, "\"start\" : 64,\n"));
  }
}

static void
test_conll_oracle (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new (ROCKET_TEXT, -1);
  g_autoptr(GHashTable) options = options_new ();
  g_autoptr(GlossExportResult) iob = NULL, bioes = NULL;
  g_autoptr(GError) error = NULL;
  const guint spans[][2] = { { 0, 9 }, { 39, 47 }, { 33, 37 }, { 0, 8 } };
  const char *labels[] = { "ORG", "PERSON", "DATE", "ORG" };
  char *out;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(GlossAnnotation) a = gloss_annotation_new (labels[i], spans[i][0], spans[i][1]);
      g_assert_true (gloss_document_add_annotation (doc, a, NULL));
    }
  iob = gloss_export_document (gloss_formats_lookup ("conll"), doc, options, &error);
  g_assert_no_error (error);
  out = result_text (iob, 0);
  g_assert_true (g_str_has_prefix (out, "-DOCSTART- -X- -X- O\n\nAcme _ _ B-ORG\nCorp _ _ I-ORG\nsaid _ _ O\n"));
  g_assert_nonnull (strstr (out, "12% _ _ O\nin _ _ O\n2023 _ _ B-DATE\n. _ _ O\n\nJane _ _ B-PERSON\nDoe _ _ I-PERSON\n\xF0\x9F\x9A\x80 _ _ O\n"));
  g_assert_true (g_str_has_suffix (out, "figure _ _ O\n. _ _ O\n"));
  /* "Acme Cor" is not on token boundaries: reported, not shifted. */
  {
    GPtrArray *losses = gloss_export_result_get_losses (iob);
    gboolean found = FALSE;
    for (guint i = 0; i < losses->len; i++)
      found |= strstr (losses->pdata[i], "0–8") != NULL && strstr (losses->pdata[i], "token boundaries") != NULL;
    g_assert_true (found);
  }

  g_free (out);
  g_hash_table_insert (options, "scheme", "bioes");
  bioes = gloss_export_document (gloss_formats_lookup ("conll"), doc, options, &error);
  g_assert_no_error (error);
  out = result_text (bioes, 0);
  g_assert_nonnull (strstr (out, "Acme _ _ B-ORG\nCorp _ _ E-ORG\n"));
  g_assert_nonnull (strstr (out, "2023 _ _ S-DATE\n"));
  g_free (out);
}

static void
test_w3c_empty (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new ("Nothing here.", -1);
  g_autoptr(GHashTable) options = options_new ();
  g_autoptr(GlossExportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  result = gloss_export_document (gloss_formats_lookup ("w3c"), doc, options, &error);
  g_assert_no_error (error);
  json = result_text (result, 0);
  check_golden ("empty.jsonld", gloss_export_result_get_bytes (result, 0));
  g_assert_nonnull (strstr (json, "\"total\" : 0"));
  g_assert_null (strstr (json, "\"first\""));
  g_assert_null (strstr (json, "\"items\""));
}

/* Imports: strict, specific errors ----------------------------------------- */

static GlossDocument *
import_str (const char  *format,
            const char  *data,
            const char  *text,
            GHashTable  *options,
            GPtrArray  **reports,
            GError     **error)
{
  g_autoptr(GBytes) d = g_bytes_new (data, strlen (data));
  g_autoptr(GBytes) t = text ? g_bytes_new (text, strlen (text)) : NULL;

  return gloss_import_bytes (gloss_formats_lookup (format), d, t, options, reports, error);
}

static void
expect_error (const char *format,
              const char *data,
              const char *text,
              int         code,
              const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = import_str (format, data, text, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, GLOSS_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("error “%s” does not mention “%s”", error->message, fragment);
}

static void
test_import_errors (void)
{
  g_autofree char *deep = NULL;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  deep = g_string_free (s, FALSE);

  /* Label Studio: 🚀 is units 48–49; 49 falls inside the pair. */
  expect_error ("label-studio",
                "[{\"data\":{\"text\":\"Jane Doe \xF0\x9F\x9A\x80 disputed\"},\"annotations\":[{\"result\":["
                "{\"id\":\"a\",\"type\":\"labels\",\"from_name\":\"label\",\"to_name\":\"text\","
                "\"value\":{\"start\":10,\"end\":20,\"labels\":[\"X\"]}}]}]}]",
                NULL, GLOSS_ERROR_INVALID, "surrogate");
  expect_error ("label-studio",
                "[{\"data\":{\"text\":\"abc\"},\"annotations\":[{\"result\":["
                "{\"id\":\"a\",\"type\":\"labels\",\"value\":{\"start\":0,\"end\":9,\"labels\":[\"X\"]}}]}]}]",
                NULL, GLOSS_ERROR_OUT_OF_RANGE, "past the end");
  expect_error ("label-studio",
                "[{\"data\":{\"text\":\"abc\"},\"annotations\":[{\"result\":["
                "{\"id\":\"a\",\"type\":\"labels\",\"value\":{\"start\":\"0\",\"end\":2,\"labels\":[\"X\"]}}]}]}]",
                NULL, GLOSS_ERROR_INVALID, "whole number");
  expect_error ("label-studio",
                "[{\"data\":{\"text\":\"abc\"},\"annotations\":[{\"result\":["
                "{\"id\":\"a\",\"type\":\"labels\",\"value\":{\"start\":0,\"end\":2,\"text\":\"bc\",\"labels\":[\"X\"]}}]}]}]",
                NULL, GLOSS_ERROR_INVALID, "does not match");
  expect_error ("label-studio", deep, NULL, GLOSS_ERROR_TOO_DEEP, NULL);
  expect_error ("label-studio", "[{\"data\":{\"text\":\"a\"},\"id\":99999999999999999999}]", NULL, GLOSS_ERROR_OUT_OF_RANGE, NULL);
  expect_error ("doccano", "{\"text\":\"abc\",\"label\":[[0,2]]}\n", NULL, GLOSS_ERROR_INVALID, "label[0]");
  expect_error ("doccano", "{\"text\":\"abc\",\"label\":[[2,1,\"X\"]]}\n", NULL, GLOSS_ERROR_OUT_OF_RANGE, NULL);
  expect_error ("doccano", "{\"text\":\"abc\",\"text\":\"abd\",\"label\":[]}\n", NULL, GLOSS_ERROR_PARSE, NULL);
  expect_error ("doccano", "{\"text\":\"a\\u0000bc\",\"label\":[]}\n", NULL, GLOSS_ERROR_PARSE, "NUL");
  /* Array-rooted files get the same strict scan as objects: a duplicate
   * key (json-glib would silently keep the last one) is refused. */
  expect_error ("label-studio", "[{\"data\":{\"text\":\"a\",\"text\":\"b\"},\"id\":1}]", NULL, GLOSS_ERROR_PARSE, "text");
  expect_error ("doccano", "{\"text\":\"abc\",\"label\":[]}\n{\"text\":\"x\"", NULL, GLOSS_ERROR_PARSE, "Record 2");
  expect_error ("brat", "T1\tX 0 3\tabd\n", "abc", GLOSS_ERROR_INVALID, "does not match");
  expect_error ("brat", "T1\tX 0 9\tabc\n", "abc", GLOSS_ERROR_OUT_OF_RANGE, "Line 1");
  expect_error ("brat", "T1\tX 0 x\tabc\n", "abc", GLOSS_ERROR_PARSE, NULL);
  expect_error ("brat", "T1\tX 0 3\tabc\nR1\tr Arg1:T1 Arg2:T9\n", "abc", GLOSS_ERROR_NOT_FOUND, "Line 2");
  expect_error ("brat", "T1\tX 0 1;0 2\ta ab\n", "abc", GLOSS_ERROR_INVALID, "overlap");
  expect_error ("brat", "T1\tX 0 1\ta\nT1\tX 1 2\tb\n", "abc", GLOSS_ERROR_INVALID, "twice");
  expect_error ("w3c", "{\"type\":\"Annotation\",\"target\":{\"source\":\"x\",\"selector\":"
                "{\"type\":\"TextQuoteSelector\",\"exact\":\"zzz\"}}}", "abc", GLOSS_ERROR_INVALID, "not in the text");
  expect_error ("w3c", "{\"type\":\"Annotation\",\"target\":{\"source\":\"x\",\"selector\":"
                "{\"type\":\"TextPositionSelector\",\"start\":1,\"end\":7}}}", "abc", GLOSS_ERROR_OUT_OF_RANGE, NULL);
  expect_error ("w3c", "{\"type\":\"Annotation\",\"target\":{\"source\":\"x\",\"selector\":"
                "{\"type\":\"TextPositionSelector\",\"start\":-1,\"end\":2}}}", "abc", GLOSS_ERROR_OUT_OF_RANGE, NULL);
  expect_error ("w3c", "{\"type\":\"Nope\"}", "abc", GLOSS_ERROR_INVALID, NULL);
  expect_error ("w3c", deep, "abc", GLOSS_ERROR_TOO_DEEP, NULL);
}

static void
test_import_w3c_anchoring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  GlossAnnotation *a;

  /* Wrong position, right quote with context: anchored by the quote at the
   * second "the" (the prefix decides). */
  doc = import_str ("w3c",
                    "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\","
                    "\"body\":{\"type\":\"TextualBody\",\"value\":\"note\",\"purpose\":\"commenting\"},"
                    "\"target\":{\"source\":\"x\",\"selector\":[{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":3},"
                    "{\"type\":\"TextQuoteSelector\",\"exact\":\"the\",\"prefix\":\"disputed \",\"suffix\":\" figure\"}]}}",
                    ROCKET_TEXT, NULL, &reports, &error);
  g_assert_no_error (error);
  a = gloss_annotation_store_get (gloss_document_get_annotations (doc), 0);
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 59);
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "note");
  g_assert_cmpstr (gloss_annotation_get_label (a), ==, "Highlight");
  g_assert_cmpuint (reports->len, >=, 1);
  g_clear_object (&doc);
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* Hypothesis writes UTF-16 positions: "disputed" at 51–59. */
  doc = import_str ("w3c",
                    "[{\"type\":\"Annotation\",\"target\":[{\"source\":\"x\",\"selector\":[{\"type\":\"TextPositionSelector\",\"start\":51,\"end\":59},"
                    "{\"type\":\"TextQuoteSelector\",\"exact\":\"disputed\"}]}]}]",
                    ROCKET_TEXT, NULL, &reports, &error);
  g_assert_no_error (error);
  a = gloss_annotation_store_get (gloss_document_get_annotations (doc), 0);
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 50);
  g_assert_cmpuint (gloss_annotation_get_end (a), ==, 58);
}

static void
test_import_brat_details (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  GlossAnnotation *a;
  gboolean reported = FALSE;

  /* formats.md §3.5, with a CRLF text: brat counts the CR, Gloss maps it. */
  doc = import_str ("brat",
                    "T1\tOrganization 0 9\tAcme Corp\n"
                    "T6\tSpan 33 38;40 44\t2023. Jane\n"
                    "N1\tReference T1 Wikidata:Q0\t\tAcme Corp\n"
                    "#1\tAnnotatorNotes T1\tSource?\n",
                    "Acme Corp said sales rose 12% in 2023.\r\nJane Doe \xF0\x9F\x9A\x80 disputed the figure.",
                    NULL, &reports, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (doc)), ==, 2);
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (doc), "T6");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 33);
  g_assert_cmpuint (gloss_annotation_get_end (a), ==, 43);
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (doc), "T1");
  g_assert_cmpstr (gloss_annotation_get_attribute_string (a, "kb_id"), ==, "Q0");
  g_assert_null (gloss_annotation_get_attribute_string (a, "canonical_name"));
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "Source?");
  for (guint i = 0; i < reports->len; i++)
    reported |= strstr (reports->pdata[i], "covering span") != NULL;
  g_assert_true (reported);
}

/* Every prefix and a few byte flips of every importable export: an import
 * either succeeds or fails with a GLOSS_ERROR, never crashes. */
static void
test_import_hostile (void)
{
  const char *formats[] = { "w3c", "brat", "doccano", "label-studio" };
  g_autoptr(GBytes) text = g_bytes_new_static (TEXT, strlen (TEXT));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GlossExportResult) result = export_fixture (formats[f], NULL);
      const GlossFormatInfo *format = gloss_formats_lookup (formats[f]);
      GBytes *bytes = gloss_export_result_get_bytes (result, 0);
      gsize len = g_bytes_get_size (bytes);
      const guint8 *data = g_bytes_get_data (bytes, NULL);
      guint32 seed = 42;

      for (gsize cut = 0; cut < len; cut += 1 + cut / 16)
        {
          g_autoptr(GBytes) prefix = g_bytes_new (data, cut);
          g_autoptr(GError) error = NULL;
          g_autoptr(GlossDocument) doc = gloss_import_bytes (format, prefix, text, NULL, NULL, &error);

          g_assert_true ((doc != NULL) != (error != NULL));
          if (error != NULL)
            g_assert_true (error->domain == GLOSS_ERROR);
        }
      for (guint round = 0; round < 300; round++)
        {
          g_autofree guint8 *copy = g_memdup2 (data, len);
          g_autoptr(GBytes) mutated = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GlossDocument) doc = NULL;

          for (guint k = 0; k < 3; k++)
            {
              seed = seed * 1103515245 + 12345;
              static const char alphabet[] = "0123456789[]{}\":,;\t\n Tx-";

              copy[(seed >> 8) % len] = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
            }
          mutated = g_bytes_new (copy, len);
          doc = gloss_import_bytes (format, mutated, text, NULL, NULL, &error);
          g_assert_true ((doc != NULL) != (error != NULL));
          if (doc != NULL)
            {
              GlossAnnotationStore *store = gloss_document_get_annotations (doc);
              for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
                {
                  GlossAnnotation *a = gloss_annotation_store_get (store, i);
                  g_assert_cmpuint (gloss_annotation_get_end (a), <=, gloss_document_get_length (doc));
                  g_assert_cmpuint (gloss_annotation_get_start (a), <, gloss_annotation_get_end (a));
                }
            }
        }
    }
}

/* The report loads nothing from the network and escapes the text. */
static void
test_html_self_contained (void)
{
  g_autoptr(GlossExportResult) result = export_fixture ("html", NULL);
  g_autofree char *html = result_text (result, 0);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "url("));
  g_assert_null (strstr (html, "@import"));
  g_assert_nonnull (strstr (html, "&quot;it was\tfine&quot;"));
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_nonnull (strstr (html, "<svg"));
}

/* RFC 4180: parse the CSV back, field by field. */
static void
test_csv_rfc4180 (void)
{
  g_autoptr(GlossExportResult) result = export_fixture ("csv", NULL);
  g_autofree char *csv = result_text (result, 0);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = csv;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_true (*p != '\n' && *p != '\r');
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);

  g_assert_cmpuint (records->len, ==, 10);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) records->pdata[i])->len, ==, 14);
  record = records->pdata[3];
  g_assert_cmpstr (record->pdata[7], ==, "2023.\nJane");
  record = records->pdata[9];
  g_assert_cmpstr (record->pdata[7], ==, "\"it was\tfine\"");
  g_assert_cmpstr (record->pdata[5], ==, "96");
}

/* A long article with thousands of overlapping annotations goes through
 * every format and back (this is about complexity, not exact output). */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) options = options_new ();
  guint n_formats = 0;
  const GlossFormatInfo * const *formats = gloss_formats_get_all (&n_formats);
  gint64 t0 = g_get_monotonic_time ();

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "w%u%s%s", i, i % 7 == 0 ? " \xF0\x9F\x9A\x80" : "", i % 50 == 49 ? ".\n" : " ");
  doc = gloss_document_new (text->str, text->len);
  for (guint i = 0; i < 4000; i++)
    {
      guint start = (i * 37) % (gloss_document_get_length (doc) - 40);
      GlossAnnotation *a = gloss_annotation_new (i % 3 == 0 ? "PERSON" : i % 3 == 1 ? "Claim" : "Yellow", start, start + 1 + i % 30);
      g_autofree char *id = g_strdup_printf ("%08u-0000-4000-8000-000000000000", i);

      gloss_annotation_set_id (a, id);
      if (i % 5 == 0)
        gloss_annotation_set_note (a, "a note");
      if (i % 3 == 1)
        gloss_annotation_set_attribute (a, "verdict", g_variant_new_string ("false"));
      g_ptr_array_add (annotations, a);
    }
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      g_autofree char *q = gloss_document_slice (doc, gloss_annotation_get_start (a), gloss_annotation_get_end (a));
      gloss_annotation_set_quote (a, q);
    }
  gloss_document_load_content (doc, annotations, NULL);

  for (guint f = 0; f < n_formats; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossExportResult) result = gloss_export_document (formats[f], doc, options, &error);

      g_assert_no_error (error);
      if (formats[f]->import_func != NULL)
        {
          g_autoptr(GBytes) t = g_bytes_new (text->str, text->len);
          g_autoptr(GlossDocument) back = gloss_import_bytes (formats[f], gloss_export_result_get_bytes (result, 0),
                                                              t, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (gloss_annotation_store_get_n_items (gloss_document_get_annotations (back)), >, 3000);
        }
    }
  g_test_message ("large document through every format: %.2f s", (g_get_monotonic_time () - t0) / 1e6);
}

static GlossDocument *
import_ref (const char  *format,
            const char  *file,
            GPtrArray  **reports)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", "ref", file, NULL);
  g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "data", "export", "ref", "doc42.txt", NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GError) error = NULL;
  GlossDocument *doc;

  doc = gloss_import_file (format ? gloss_formats_lookup (format) : NULL, gfile, text, NULL, reports, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (doc), ==, ROCKET_TEXT);
  {
    g_autoptr(GBytes) native = gloss_format_write (doc);
    g_autoptr(GlossDocument) reread = gloss_format_read (native, GLOSS_LOAD_FLAGS_NONE, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reread);
  }
  return doc;
}

static char *
spans_of (GlossDocument *doc)
{
  g_autoptr(GString) s = g_string_new (NULL);
  GlossAnnotationStore *store = gloss_document_get_annotations (doc);
  GListModel *relations = gloss_document_get_relations (doc);

  for (guint i = 0; i < gloss_annotation_store_get_n_items (store); i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);
      g_string_append_printf (s, "%s %u-%u %s|", gloss_annotation_get_label (a), gloss_annotation_get_start (a),
                              gloss_annotation_get_end (a), gloss_annotation_get_quote (a));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (relations, i);
      g_string_append_printf (s, "%s %s>%s|", gloss_relation_get_kind (r),
                              gloss_annotation_get_quote (gloss_annotation_store_lookup (store, gloss_relation_get_from (r))),
                              gloss_annotation_get_quote (gloss_annotation_store_lookup (store, gloss_relation_get_to (r))));
    }
  return g_strdup (s->str);
}

/* The worked examples of formats.md import onto exactly the right characters. */
static void
test_reference_examples (void)
{
  g_autoptr(GlossDocument) brat = import_ref (NULL, "doc42.ann", NULL);
  g_autoptr(GlossDocument) w3c = import_ref (NULL, "w3c-example.jsonld", NULL);
  g_autoptr(GlossDocument) ls = import_ref (NULL, "label-studio-example.json", NULL);
  g_autoptr(GlossDocument) dc = import_ref ("doccano", "doccano-example.jsonl", NULL);
  g_autoptr(GlossDocument) dcr = import_ref ("doccano", "doccano-relations-example.jsonl", NULL);
  g_autofree char *s = NULL;
  GlossAnnotation *a;

  s = spans_of (brat);
  g_assert_cmpstr (s, ==, "Organization 0-9 Acme Corp|Claim 15-37 sales rose 12% in 2023|Span 33-43 2023.\nJane|"
                          "Person 39-47 Jane Doe|Note 50-58 disputed|Highlight 63-69 figure|Disputes Jane Doe>sales rose 12% in 2023|");
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (brat), "T2");
  g_assert_true (g_variant_get_boolean (gloss_annotation_get_attribute (a, "CheckWorthy")));
  g_assert_cmpstr (gloss_annotation_get_attribute_string (a, "Verdict"), ==, "False");
  g_assert_cmpint (gloss_label_get_kind (gloss_label_set_lookup (gloss_document_get_labels (brat), "Claim")), ==,
                   GLOSS_LABEL_KIND_CLAIM);
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (brat), "T5");
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "Source for the dispute?");
  g_clear_pointer (&s, g_free);

  s = spans_of (w3c);
  g_assert_cmpstr (s, ==, "ORG 0-9 Acme Corp|CLAIM 15-37 sales rose 12% in 2023|PER 39-47 Jane Doe|"
                          "Highlight 50-58 disputed|Highlight 63-69 figure|related Jane Doe>sales rose 12% in 2023|");
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (w3c), "https://example.org/anno/ent1");
  g_assert_cmpstr (gloss_annotation_get_attribute_string (a, "kb_id"), ==, "Q0");
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (w3c), "https://example.org/anno/claim1");
  g_assert_cmpstr (gloss_annotation_get_attribute_string (a, "tags"), ==, "check-worthy");
  a = gloss_annotation_store_lookup (gloss_document_get_annotations (w3c), "https://example.org/anno/note1");
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "Source for the dispute?");
  g_assert_cmpstr (gloss_document_get_source (w3c), ==, "https://example.org/articles/42");
  g_assert_cmpstr (gloss_document_get_title (w3c), ==, "Annotations on article 42");
  g_clear_pointer (&s, g_free);

  /* Label Studio and doccano count UTF-16 units: "figure" is 64–70 there. */
  s = spans_of (ls);
  g_assert_cmpstr (s, ==, "ORG 0-9 Acme Corp|CLAIM 15-37 sales rose 12% in 2023|PER 39-47 Jane Doe|"
                          "HIGHLIGHT 63-69 figure|disputes Jane Doe>sales rose 12% in 2023|");
  g_clear_pointer (&s, g_free);
  s = spans_of (dc);
  g_assert_cmpstr (s, ==, "ORG 0-9 Acme Corp|CLAIM 15-37 sales rose 12% in 2023|PER 39-47 Jane Doe|HIGHLIGHT 63-69 figure|");
  g_clear_pointer (&s, g_free);
  s = spans_of (dcr);
  g_assert_cmpstr (s, ==, "CLAIM 15-37 sales rose 12% in 2023|PER 39-47 Jane Doe|disputes Jane Doe>sales rose 12% in 2023|");
}

/* Hostile article text: formulas in CSV, script URLs in the report. */
static void
test_export_hostile_text (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new ("=HYPERLINK(\"http://x\") and <script>alert(1)</script>", -1);
  g_autoptr(GHashTable) options = options_new ();
  g_autoptr(GlossExportResult) csv = NULL, html = NULL, md = NULL;
  g_autoptr(GlossAnnotation) a = gloss_annotation_new ("Yellow", 0, 20);
  g_autoptr(GlossAnnotation) b = gloss_annotation_new ("PERSON", 26, 34);
  g_autofree char *csv_text = NULL, *html_text = NULL, *md_text = NULL;

  gloss_document_set_source (doc, "javascript:alert(1)");
  gloss_annotation_set_note (b, "</mark><script>x</script>");
  g_assert_true (gloss_document_add_annotation (doc, a, NULL));
  g_assert_true (gloss_document_add_annotation (doc, b, NULL));

  csv = gloss_export_document (gloss_formats_lookup ("csv"), doc, options, NULL);
  csv_text = result_text (csv, 0);
  g_assert_nonnull (strstr (csv_text, ",\"'=HYPERLINK(\"\"http://x\","));
  g_assert_cmpuint (gloss_export_result_get_losses (csv)->len, ==, 2);

  html = gloss_export_document (gloss_formats_lookup ("html"), doc, options, NULL);
  html_text = result_text (html, 0);
  g_assert_null (strstr (html_text, "<script"));
  g_assert_null (strstr (html_text, "href=\"javascript"));
  g_assert_nonnull (strstr (html_text, "&lt;/mark&gt;&lt;script&gt;"));

  md = gloss_export_document (gloss_formats_lookup ("markdown"), doc, options, NULL);
  md_text = result_text (md, 0);
  g_assert_null (strstr (md_text, "<javascript"));
  /* Markdown shows "\<" as a literal "<": only escaped tags may appear. */
  for (const char *p = strstr (md_text, "<script"); p != NULL; p = strstr (p + 1, "<script"))
    g_assert_true (p > md_text && p[-1] == '\\');
}

static void
test_detect (void)
{
  struct { const char *name; const char *data; const char *expected; } cases[] = {
    { "doc.ann", "T1\tX 0 1\ta\n", "brat" },
    { "doc.jsonl", "{\"text\":\"a\",\"label\":[]}\n", "doccano" },
    { "x.json", "{\"text\":\"a\",\"label\":[[0,1,\"X\"]]}", "doccano" },
    { "x.json", "[{\"data\":{\"text\":\"a\"},\"annotations\":[]}]", "label-studio" },
    { "x.jsonld", "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\"}", "w3c" },
    { "x.json", "[{\"type\":\"Annotation\",\"target\":{\"selector\":{\"type\":\"TextQuoteSelector\"}}}]", "w3c" },
    { "x.txt", "just text", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, strlen (cases[i].data));
      const GlossFormatInfo *f = gloss_formats_detect (cases[i].name, bytes);

      g_assert_cmpstr (f ? f->id : NULL, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *golden[] = {
    "w3c", "brat", "conll", "conll:scheme=bioes", "conll:layer=all", "doccano", "doccano:unit=codepoints",
    "label-studio", "spacy", "csv", "claimreview", "html", "markdown",
  };
  guint n = 0;
  const GlossFormatInfo * const *formats = gloss_formats_get_all (&n);

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; formats[i] != NULL; i++)
    g_assert_nonnull (formats[i]->export_func);

  for (guint i = 0; i < G_N_ELEMENTS (golden); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/export/golden/%s", golden[i]);
      g_strdelimit (path, ":=", '-');
      g_test_add_data_func (path, golden[i], test_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/export/round-trip/%s", round_trips[i].format);
      g_test_add_data_func (path, &round_trips[i], test_round_trip);
    }
  g_test_add_func ("/gloss/export/native-fixture", test_native_fixture);
  g_test_add_func ("/gloss/export/offset-oracles", test_offset_oracles);
  g_test_add_func ("/gloss/export/conll-oracle", test_conll_oracle);
  g_test_add_func ("/gloss/export/w3c-empty", test_w3c_empty);
  g_test_add_func ("/gloss/import/errors", test_import_errors);
  g_test_add_func ("/gloss/import/w3c-anchoring", test_import_w3c_anchoring);
  g_test_add_func ("/gloss/import/brat-details", test_import_brat_details);
  g_test_add_func ("/gloss/import/hostile", test_import_hostile);
  g_test_add_func ("/gloss/import/reference-examples", test_reference_examples);
  g_test_add_func ("/gloss/export/large", test_large);
  g_test_add_func ("/gloss/import/detect", test_detect);
  g_test_add_func ("/gloss/export/hostile-text", test_export_hostile_text);
  g_test_add_func ("/gloss/export/html-self-contained", test_html_self_contained);
  g_test_add_func ("/gloss/export/csv-rfc4180", test_csv_rfc4180);

  return g_test_run ();
}
