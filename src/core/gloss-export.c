/* gloss-export.c: the format registry and the helpers every format shares
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-export-private.h"
#include "gloss-file.h"
#include "gloss-format.h"

struct _GlossExportResult
{
  GPtrArray *names;
  GPtrArray *bytes;
  GPtrArray *losses;
};

static const GlossFormatInfo * const all_formats[] = {
  &gloss_format_w3c,
  &gloss_format_brat,
  &gloss_format_conll,
  &gloss_format_doccano,
  &gloss_format_label_studio,
  &gloss_format_spacy,
  &gloss_format_csv,
  &gloss_format_claimreview,
  &gloss_format_html,
  &gloss_format_markdown,
  NULL
};

const GlossFormatInfo * const *
gloss_formats_get_all (guint *n_formats)
{
  if (n_formats != NULL)
    *n_formats = G_N_ELEMENTS (all_formats) - 1;
  return all_formats;
}

const GlossFormatInfo *
gloss_formats_lookup (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; all_formats[i] != NULL; i++)
    if (g_ascii_strcasecmp (all_formats[i]->id, id) == 0)
      return all_formats[i];
  return NULL;
}

/**
 * gloss_formats_detect:
 * @filename: (nullable): the file name, for its extension
 * @data: (nullable): the first bytes (or all) of the file
 *
 * Guesses the importable format of a file: .ann → brat, .jsonl → doccano,
 * JSON whose first value is an array of tasks with "data" → Label Studio,
 * JSON mentioning "anno.jsonld" or "Annotation" → W3C.
 */
const GlossFormatInfo *
gloss_formats_detect (const char *filename,
                      GBytes     *data)
{
  const char *p = NULL;
  gsize len = 0;
  g_autofree char *head = NULL;

  if (filename != NULL)
    {
      if (g_str_has_suffix (filename, ".ann"))
        return &gloss_format_brat;
      if (g_str_has_suffix (filename, ".jsonl"))
        return &gloss_format_doccano;
    }

  if (data == NULL)
    return NULL;

  p = g_bytes_get_data (data, &len);
  head = g_strndup (p, MIN (len, 65536));

  if (strstr (head, "anno.jsonld") != NULL ||
      strstr (head, "\"AnnotationCollection\"") != NULL ||
      strstr (head, "\"TextQuoteSelector\"") != NULL)
    return &gloss_format_w3c;
  if (strstr (head, "\"from_name\"") != NULL || strstr (head, "\"annotations\"") != NULL)
    return &gloss_format_label_studio;
  if (strstr (head, "\"text\"") != NULL &&
      (strstr (head, "\"label\"") != NULL || strstr (head, "\"entities\"") != NULL))
    return &gloss_format_doccano;

  return NULL;
}

const char *
gloss_format_option_get (const GlossFormatInfo *format,
                         GHashTable            *options,
                         const char            *key)
{
  const char *value = options ? g_hash_table_lookup (options, key) : NULL;

  if (value != NULL)
    return value;
  if (format->options != NULL)
    for (guint i = 0; format->options[i].key != NULL; i++)
      if (g_str_equal (format->options[i].key, key))
        return format->options[i].default_value;
  return NULL;
}

gboolean
gloss_export_option_true (const GlossFormatInfo *format,
                          GHashTable            *options,
                          const char            *key)
{
  const char *value = gloss_format_option_get (format, options, key);

  return value != NULL && (g_ascii_strcasecmp (value, "true") == 0 ||
                           g_ascii_strcasecmp (value, "yes") == 0 ||
                           g_str_equal (value, "1"));
}

static gboolean
check_options (const GlossFormatInfo *format,
               GHashTable            *options,
               GError               **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (options == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, options);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const GlossFormatOption *option = NULL;

      for (guint i = 0; format->options != NULL && format->options[i].key != NULL; i++)
        if (g_str_equal (format->options[i].key, key))
          option = &format->options[i];

      if (option == NULL)
        {
          /* "generated" is understood by every format. */
          if (g_str_equal (key, "generated"))
            continue;
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                       _("The format “%s” has no option “%s”"), format->id, (char *) key);
          return FALSE;
        }

      if (option->type == GLOSS_FORMAT_OPTION_CHOICE)
        {
          g_auto(GStrv) choices = g_strsplit (option->choices, "|", -1);

          if (!g_strv_contains ((const char * const *) choices, value))
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           _("The option “%s” must be one of %s, not “%s”"),
                           (char *) key, option->choices, (char *) value);
              return FALSE;
            }
        }
      else if (option->type == GLOSS_FORMAT_OPTION_BOOLEAN)
        {
          const char *v = value;

          if (!g_str_equal (v, "true") && !g_str_equal (v, "false"))
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           _("The option “%s” must be true or false, not “%s”"),
                           (char *) key, v);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Results ---------------------------------------------------------------- */

GlossExportResult *
gloss_export_document (const GlossFormatInfo *format,
                       GlossDocument         *document,
                       GHashTable            *options,
                       GError               **error)
{
  g_autoptr(GlossExportResult) result = NULL;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  if (format->export_func == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("Gloss cannot export to %s"), format->name);
      return NULL;
    }

  if (!check_options (format, options, error))
    return NULL;

  result = g_new0 (GlossExportResult, 1);
  result->names = g_ptr_array_new_with_free_func (g_free);
  result->bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  result->losses = g_ptr_array_new_with_free_func (g_free);

  if (!format->export_func (document, options, result, error))
    return NULL;

  return g_steal_pointer (&result);
}

guint
gloss_export_result_get_n_files (GlossExportResult *result)
{
  return result->names->len;
}

const char *
gloss_export_result_get_name (GlossExportResult *result,
                              guint              i)
{
  g_return_val_if_fail (i < result->names->len, NULL);
  return result->names->pdata[i];
}

GBytes *
gloss_export_result_get_bytes (GlossExportResult *result,
                               guint              i)
{
  g_return_val_if_fail (i < result->bytes->len, NULL);
  return result->bytes->pdata[i];
}

/**
 * gloss_export_result_get_losses:
 *
 * Returns: (transfer none) (element-type utf8): one translated sentence per
 *   thing the format could not carry, in the order found.
 */
GPtrArray *
gloss_export_result_get_losses (GlossExportResult *result)
{
  return result->losses;
}

void
gloss_export_result_free (GlossExportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->names);
  g_ptr_array_unref (result->bytes);
  g_ptr_array_unref (result->losses);
  g_free (result);
}

GStrv
gloss_export_result_write (GlossExportResult  *result,
                           const char         *base,
                           const char         *main_path,
                           GError            **error)
{
  g_autoptr(GStrvBuilder) written = g_strv_builder_new ();
  g_autofree char *dir = g_path_get_dirname (base);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return NULL;
    }

  for (guint i = 0; i < result->names->len; i++)
    {
      const char *name = result->names->pdata[i];
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      if (i == 0 && main_path != NULL)
        path = g_strdup (main_path);
      else if (name[0] == '.')
        path = g_strconcat (base, name, NULL);
      else
        path = g_build_filename (dir, name, NULL);
      file = g_file_new_for_path (path);
      if (!gloss_file_replace (file, result->bytes->pdata[i], NULL, NULL, NULL, error))
        {
          g_prefix_error (error, _("Writing %s: "), path);
          return NULL;
        }
      g_strv_builder_add (written, path);
    }

  return g_strv_builder_end (written);
}

void
gloss_export_result_add_file (GlossExportResult *result,
                              const char        *name,
                              GBytes            *bytes)
{
  g_ptr_array_add (result->names, g_strdup (name));
  g_ptr_array_add (result->bytes, g_bytes_ref (bytes));
}

void
gloss_export_result_add_loss (GlossExportResult *result,
                              const char        *format,
                              ...)
{
  va_list args;

  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line per loss, whatever the quotes inside hold. */
  g_strdelimit (message, "\n\r\t", ' ');
  g_ptr_array_add (result->losses, message);
}

/* Export helpers ---------------------------------------------------------- */

char *
gloss_export_generated_time (GHashTable *options)
{
  const char *fixed = options ? g_hash_table_lookup (options, "generated") : NULL;

  if (fixed == NULL)
    fixed = g_getenv ("GLOSS_EXPORT_GENERATED");
  if (fixed != NULL && gloss_timestamp_is_valid (fixed))
    return g_strdup (fixed);
  return gloss_timestamp_now ();
}

GPtrArray *
gloss_export_annotations (GlossDocument *document)
{
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  guint n = gloss_annotation_store_get_n_items (store);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_object_ref (gloss_annotation_store_get (store, i)));
  return array;
}

GPtrArray *
gloss_export_relations (GlossDocument *document)
{
  GListModel *model = gloss_document_get_relations (document);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/* Relations by the id of the annotation they go from: id → GPtrArray of
 * borrowed GlossRelation, in the order of @relations. Built once, instead
 * of gloss_document_relations_of (a scan of all relations) per annotation. */
GHashTable *
gloss_export_relations_by_source (GPtrArray *relations)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];
      const char *from = gloss_relation_get_from (r);
      GPtrArray *list;

      if (from == NULL)
        continue;
      list = g_hash_table_lookup (index, from);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index, (gpointer) from, list);
        }
      g_ptr_array_add (list, r);
    }

  return index;
}

GlossLabelKind
gloss_export_label_kind (GlossDocument *document,
                         const char    *label)
{
  GlossLabel *l = gloss_label_set_lookup (gloss_document_get_labels (document), label);

  return l ? gloss_label_get_kind (l) : GLOSS_LABEL_KIND_HIGHLIGHT;
}

char *
gloss_export_value_string (GVariant *value)
{
  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_variant_get_double (value)));
    }
  return g_variant_print (value, FALSE);
}

char *
gloss_export_annotation_iri (const char *id)
{
  g_autofree char *escaped = NULL;

  if (g_uuid_string_is_valid (id))
    return g_strconcat ("urn:uuid:", id, NULL);
  if (g_str_has_prefix (id, "urn:") || g_str_has_prefix (id, "http://") ||
      g_str_has_prefix (id, "https://"))
    return g_strdup (id);
  escaped = g_uri_escape_string (id, NULL, TRUE);
  return g_strconcat ("urn:gloss:annotation:", escaped, NULL);
}

static gboolean
is_qid (const char *s)
{
  if (s == NULL || s[0] != 'Q' || s[1] == '\0')
    return FALSE;
  for (const char *p = s + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* "Q7747" → the Wikidata entity IRI; an absolute URI is kept; else NULL. */
char *
gloss_export_kb_iri (const char *kb_id)
{
  g_autofree char *scheme = NULL;

  if (kb_id == NULL)
    return NULL;
  if (is_qid (kb_id))
    return g_strconcat ("http://www.wikidata.org/entity/", kb_id, NULL);
  scheme = g_uri_parse_scheme (kb_id);
  if (scheme != NULL && strpbrk (kb_id, " \t\n\"<>") == NULL)
    return g_strdup (kb_id);
  return NULL;
}

char *
gloss_export_kb_from_iri (const char *iri)
{
  const char *prefixes[] = {
    "http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/",
    "https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (iri, prefixes[i]) && is_qid (iri + strlen (prefixes[i])))
      return g_strdup (iri + strlen (prefixes[i]));
  return g_strdup (iri);
}

char *
gloss_export_source_iri (GlossDocument *document)
{
  const char *source = gloss_document_get_source (document);
  g_autofree char *scheme = source ? g_uri_parse_scheme (source) : NULL;

  if (scheme != NULL && strpbrk (source, " \t\n\"<>") == NULL)
    return g_strdup (source);
  return g_strconcat ("urn:gloss:text:sha256:", gloss_document_get_sha256 (document), NULL);
}

GBytes *
gloss_export_json_bytes (JsonNode *root,
                         gboolean  pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  gsize len = 0;
  char *data;
  GString *s;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 2);
  data = json_generator_to_data (gen, &len);
  s = g_string_new_len (data, len);
  g_free (data);
  g_string_append_c (s, '\n');
  return g_string_free_to_bytes (s);
}

/* Writing JSON without a tree ------------------------------------------------
 *
 * The calls of JsonBuilder, written straight to text, byte for byte as
 * json-glib 1.6's generator writes the tree (indent 2 when pretty): for
 * 100k annotations the tree takes gigabytes and most of the time. */

struct _GlossJsonWriter
{
  GString  *out;
  GArray   *counts;       /* guint per open container: elements so far */
  gboolean  pretty;
  gboolean  after_name;   /* a member name is written, its value is next */
};

GlossJsonWriter *
gloss_json_writer_new (gboolean pretty)
{
  GlossJsonWriter *self = g_new0 (GlossJsonWriter, 1);

  self->out = g_string_sized_new (64 * 1024);
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pretty = pretty;

  return self;
}

/* As json-glib's generator: \" \\ \b \f \n \r \t, other bytes 0x01–0x1e
 * and 0x7f as \u00xx, everything else (0x1f and UTF-8 included) as is. */
static void
append_escaped (GString    *out,
                const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p != '\0'; p++)
    {
      char c = *p;
      const char *escape;
      char buffer[8];

      if (c == '"')
        escape = "\\\"";
      else if (c == '\\')
        escape = "\\\\";
      else if ((c > 0 && c < 0x1f) || c == 0x7f)
        {
          switch (c)
            {
            case '\b': escape = "\\b"; break;
            case '\f': escape = "\\f"; break;
            case '\n': escape = "\\n"; break;
            case '\r': escape = "\\r"; break;
            case '\t': escape = "\\t"; break;
            default:
              g_snprintf (buffer, sizeof buffer, "\\u00%.2x", (guint) c);
              escape = buffer;
            }
        }
      else
        continue;

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Two spaces per open container */
static void
append_indent (GlossJsonWriter *self)
{
  static const char spaces[] = "                                ";
  gsize n = 2 * (gsize) self->counts->len;

  while (n > 0)
    {
      gsize k = MIN (n, sizeof spaces - 1);

      g_string_append_len (self->out, spaces, k);
      n -= k;
    }
}

/* Separator and indentation before the next element of the open container */
static void
begin_element (GlossJsonWriter *self)
{
  guint *count;

  if (self->after_name)
    {
      self->after_name = FALSE;
      return;
    }
  if (self->counts->len == 0)
    return;

  count = &g_array_index (self->counts, guint, self->counts->len - 1);
  if ((*count)++ > 0)
    g_string_append_c (self->out, ',');
  if (self->pretty)
    {
      g_string_append_c (self->out, '\n');
      append_indent (self);
    }
}

static void
begin_container (GlossJsonWriter *self,
                 char             open)
{
  guint zero = 0;

  begin_element (self);
  g_string_append_c (self->out, open);
  g_array_append_val (self->counts, zero);
}

static void
end_container (GlossJsonWriter *self,
               char             close)
{
  guint count;

  g_return_if_fail (self->counts->len > 0);

  count = g_array_index (self->counts, guint, self->counts->len - 1);
  g_array_set_size (self->counts, self->counts->len - 1);
  /* json-glib writes an empty object in pretty mode as "{" and the
   * indentation of its "}", an empty array as "[]" */
  if (self->pretty && (count > 0 || close == '}'))
    {
      if (count > 0)
        g_string_append_c (self->out, '\n');
      append_indent (self);
    }
  g_string_append_c (self->out, close);
}

void
gloss_json_writer_begin_object (GlossJsonWriter *self)
{
  begin_container (self, '{');
}

void
gloss_json_writer_end_object (GlossJsonWriter *self)
{
  end_container (self, '}');
}

void
gloss_json_writer_begin_array (GlossJsonWriter *self)
{
  begin_container (self, '[');
}

void
gloss_json_writer_end_array (GlossJsonWriter *self)
{
  end_container (self, ']');
}

void
gloss_json_writer_set_member_name (GlossJsonWriter *self,
                                   const char      *name)
{
  begin_element (self);
  append_escaped (self->out, name);
  g_string_append (self->out, self->pretty ? " : " : ":");
  self->after_name = TRUE;
}

void
gloss_json_writer_add_string_value (GlossJsonWriter *self,
                                    const char      *value)
{
  begin_element (self);
  append_escaped (self->out, value ? value : "");
}

void
gloss_json_writer_add_int_value (GlossJsonWriter *self,
                                 gint64           value)
{
  char buffer[24];
  int len = g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);

  begin_element (self);
  g_string_append_len (self->out, buffer, len);
}

void
gloss_json_writer_add_boolean_value (GlossJsonWriter *self,
                                     gboolean         value)
{
  begin_element (self);
  g_string_append (self->out, value ? "true" : "false");
}

/* Returns the text (with a final newline, as gloss_export_json_bytes())
 * and frees @self. */
GBytes *
gloss_json_writer_finish (GlossJsonWriter *self)
{
  GString *out = self->out;

  g_warn_if_fail (self->counts->len == 0);
  g_array_unref (self->counts);
  g_free (self);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

void
gloss_export_note_common_losses (GlossDocument     *document,
                                 GlossExportResult *result,
                                 gboolean           ids,
                                 gboolean           authors,
                                 gboolean           colors)
{
  if (ids)
    gloss_export_result_add_loss (result, _("Annotation and relation ids are not kept (they are renumbered)."));
  if (authors)
    gloss_export_result_add_loss (result, _("Authors and created/modified times of annotations are not kept."));
  if (colors)
    gloss_export_result_add_loss (result, _("Label colours, shortcut keys and kinds are not kept."));
}

/* Reports the document metadata (title, byline, published, source,
 * language, custom keys) that is set and not in @kept (comma-separated). */
void
gloss_export_metadata_losses (GlossDocument     *document,
                              GlossExportResult *result,
                              const char        *kept)
{
  const struct { const char *key; const char *value; } fields[] = {
    { "title", gloss_document_get_title (document) },
    { "byline", gloss_document_get_byline (document) },
    { "published", gloss_document_get_published (document) },
    { "source", gloss_document_get_source (document) },
    { "language", gloss_document_get_language (document) },
  };
  g_auto(GStrv) keep = g_strsplit (kept ? kept : "", ",", -1);
  g_auto(GStrv) custom = gloss_document_list_metadata (document);
  g_autoptr(GString) lost = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL && *fields[i].value &&
        !g_strv_contains ((const char * const *) keep, fields[i].key))
      g_string_append_printf (lost, "%s%s", lost->len ? ", " : "", fields[i].key);
  for (guint i = 0; custom != NULL && custom[i] != NULL; i++)
    {
      gboolean standard = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        standard |= g_str_equal (custom[i], fields[k].key);
      if (!standard && !g_strv_contains ((const char * const *) keep, custom[i]))
        g_string_append_printf (lost, "%s%s", lost->len ? ", " : "", custom[i]);
    }
  if (lost->len > 0)
    gloss_export_result_add_loss (result, _("Document metadata not kept: %s."), lost->str);
}

/* Import helpers ---------------------------------------------------------- */

void
gloss_import_report (GPtrArray  *reports,
                     const char *format,
                     ...)
{
  va_list args;

  if (reports == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (reports, g_strdup_vprintf (format, args));
  va_end (args);
}

JsonNode *
gloss_import_parse_json (const char *data,
                         gsize       len,
                         GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || len == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }
  if (len > GLOSS_IMPORT_MAX_BYTES)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB"), GLOSS_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8, _("The file is not valid UTF-8"));
      return NULL;
    }
  /* The native reader's strict scan (depth, numbers json-glib would wrap,
   * "\u0000", duplicate keys, lone surrogates, comments, …) before
   * json-glib 1.6 sees the data; arrays are allowed at the top here. */
  if (!gloss_format_check_json_value (data, len, GLOSS_IMPORT_MAX_DEPTH, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

GlossDocument *
gloss_import_new_document (const char *raw,
                           gsize       len,
                           guint     **map,
                           guint      *raw_length,
                           GError    **error)
{
  g_autofree char *text = NULL;
  gsize text_len = 0;
  GlossDocument *document;
  glong n;

  *map = NULL;
  if (len > GLOSS_IMPORT_MAX_BYTES)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The text is larger than %u MB"), GLOSS_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!gloss_text_check_bytes (raw, len, error))
    return NULL;

  n = g_utf8_strlen (raw, len);
  *raw_length = n;
  text = gloss_text_normalize (raw, len, &text_len);

  if (text_len != len || memcmp (text, raw, len) != 0)
    {
      guint *m = g_new (guint, n + 1);
      const char *p = raw;
      guint out = 0;

      for (glong i = 0; i < n; i++)
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          m[i] = out;
          if (i == 0 && c == 0xFEFF)
            ;
          else if (c == '\r' && next < raw + len && *next == '\n')
            ;
          else
            out++;
          p = next;
        }
      m[n] = out;
      *map = m;
    }

  document = gloss_document_new (text, text_len);
  return document;
}

static const char *palette[] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#f0e442", "#888888",
};

gboolean
gloss_import_ensure_label (GlossDocument  *document,
                           const char     *name,
                           GlossLabelKind  kind)
{
  GlossLabelSet *labels = gloss_document_get_labels (document);
  g_autoptr(GlossLabelSet) copy = NULL;
  g_autoptr(GlossLabel) label = NULL;
  guint n;

  if (gloss_label_set_lookup (labels, name) != NULL)
    return FALSE;

  n = gloss_label_set_get_n_labels (labels);
  label = gloss_label_new (name, kind, palette[n % G_N_ELEMENTS (palette)], NULL);
  copy = gloss_label_set_copy (labels);
  if (!gloss_label_set_append (copy, label, NULL))
    return FALSE;
  gloss_document_set_labels (document, copy);
  return TRUE;
}

/* As the native format (gloss-format.c) allows. */
#define IMPORT_MAX_ID_CHARS 128

static gboolean
import_id_is_valid (const char *id)
{
  return id != NULL && id[0] != '\0' && g_utf8_strlen (id, -1) <= IMPORT_MAX_ID_CHARS;
}

gboolean
gloss_import_finish (GlossDocument *document,
                     GPtrArray     *annotations,
                     GPtrArray     *relations,
                     GError       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rel_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint length = gloss_document_get_length (document);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      g_autofree char *quote = NULL;
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      if (start >= end || end > length)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                       _("Annotation %s: the span %u–%u is outside the text (length %u) or empty"),
                       gloss_annotation_get_id (a), start, end, length);
          return FALSE;
        }
      /* What the native reader would refuse must not get in: the saved
       * file would not open again (found by the fuzz-import-* targets). */
      if (!import_id_is_valid (gloss_annotation_get_id (a)))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("An annotation id is empty or longer than %u characters"), IMPORT_MAX_ID_CHARS);
          return FALSE;
        }
      if (!g_hash_table_add (ids, (gpointer) gloss_annotation_get_id (a)))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("The id %s is used by two annotations"), gloss_annotation_get_id (a));
          return FALSE;
        }
      if (gloss_label_set_lookup (gloss_document_get_labels (document),
                                  gloss_annotation_get_label (a)) == NULL)
        gloss_import_ensure_label (document, gloss_annotation_get_label (a),
                                   GLOSS_LABEL_KIND_ENTITY);
      if (gloss_label_set_lookup (gloss_document_get_labels (document),
                                  gloss_annotation_get_label (a)) == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Annotation %s: “%s” cannot be a label name"),
                       gloss_annotation_get_id (a), gloss_annotation_get_label (a));
          return FALSE;
        }
      quote = gloss_document_slice (document, start, end);
      gloss_annotation_set_quote (a, quote);
    }

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];

      if (!g_hash_table_contains (ids, gloss_relation_get_from (r)) ||
          !g_hash_table_contains (ids, gloss_relation_get_to (r)))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("Relation %s links an annotation that does not exist"),
                       gloss_relation_get_id (r));
          return FALSE;
        }
      if (!import_id_is_valid (gloss_relation_get_id (r)))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("A relation id is empty or longer than %u characters"), IMPORT_MAX_ID_CHARS);
          return FALSE;
        }
      if (gloss_relation_get_kind (r) == NULL || gloss_relation_get_kind (r)[0] == '\0')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Relation %s has no type"), gloss_relation_get_id (r));
          return FALSE;
        }
      if (g_strcmp0 (gloss_relation_get_from (r), gloss_relation_get_to (r)) == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Relation %s links annotation %s to itself"),
                       gloss_relation_get_id (r), gloss_relation_get_from (r));
          return FALSE;
        }
      if (!g_hash_table_add (rel_ids, (gpointer) gloss_relation_get_id (r)))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("The id %s is used by two relations"), gloss_relation_get_id (r));
          return FALSE;
        }
    }

  gloss_document_load_content (document, annotations, relations);
  return TRUE;
}

const char *
gloss_json_string_member (JsonObject *object,
                          const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
gloss_json_node_uint (JsonNode    *node,
                      const char  *where,
                      guint       *out,
                      GError     **error)
{
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s must be a whole number"), where);
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXINT32)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   _("%s is out of range (%lld)"), where, (long long) v);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

gboolean
gloss_json_uint_member (JsonObject  *object,
                        const char  *key,
                        const char  *where,
                        guint       *out,
                        GError     **error)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", where, key);

  return gloss_json_node_uint (json_object_get_member (object, key), full, out, error);
}

/* Attribute values come back as strings from text formats; the claim and
 * entity attributes Gloss knows get their proper type. */
GVariant *
gloss_import_attribute_value (const char *key,
                              const char *value)
{
  if (g_str_equal (key, "check_worthiness"))
    {
      guint64 n;

      if (g_ascii_string_to_unsigned (value, 10, 0, 100, &n, NULL))
        return g_variant_new_int64 ((gint64) n);
    }
  return g_variant_new_string (value);
}

/* Import of files ---------------------------------------------------------- */

GlossDocument *
gloss_import_bytes (const GlossFormatInfo *format,
                    GBytes                *data,
                    GBytes                *text,
                    GHashTable            *options,
                    GPtrArray            **reports,
                    GError               **error)
{
  g_autoptr(GPtrArray) local_reports = g_ptr_array_new_with_free_func (g_free);
  GlossDocument *document;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (format->import_func == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("Gloss cannot import %s"), format->name);
      return NULL;
    }
  if (!check_options (format, options, error))
    return NULL;
  if (g_bytes_get_size (data) > GLOSS_IMPORT_MAX_BYTES ||
      (text != NULL && g_bytes_get_size (text) > GLOSS_IMPORT_MAX_BYTES))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB"), GLOSS_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (format->needs_text && text == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("%s does not contain the text; give the plain-text file too"), format->name);
      return NULL;
    }

  document = format->import_func (data, text, options, local_reports, error);
  if (document != NULL && reports != NULL)
    *reports = g_steal_pointer (&local_reports);
  return document;
}

static GBytes *
read_capped (GFile   *file,
             GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize len = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("Not a regular file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > GLOSS_IMPORT_MAX_BYTES)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB"), GLOSS_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, error))
    return NULL;
  return g_bytes_new_take (contents, len);
}

GlossDocument *
gloss_import_file (const GlossFormatInfo *format,
                   GFile                 *file,
                   GFile                 *text_file,
                   GHashTable            *options,
                   GPtrArray            **reports,
                   GError               **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  data = read_capped (file, error);
  if (data == NULL)
    return NULL;

  if (format == NULL && gloss_format_sniff (data))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("This is already a Gloss file; open it directly"));
      return NULL;
    }
  if (format == NULL)
    format = gloss_formats_detect (basename, data);
  if (format == NULL || format->import_func == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("Cannot tell which format this file is in; choose one"));
      return NULL;
    }

  if (format->needs_text)
    {
      g_autoptr(GFile) guessed = NULL;

      if (text_file == NULL)
        {
          g_autofree char *path = g_file_get_path (file);
          g_autofree char *txt = NULL;
          const char *dot = path ? strrchr (path, '.') : NULL;
          const char *slash = path ? strrchr (path, '/') : NULL;

          if (path == NULL)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                           _("%s does not contain the text; give the plain-text file too"),
                           format->name);
              return NULL;
            }
          if (dot != NULL && (slash == NULL || dot > slash))
            {
              g_autofree char *stem = g_strndup (path, dot - path);
              txt = g_strconcat (stem, ".txt", NULL);
            }
          else
            txt = g_strconcat (path, ".txt", NULL);
          guessed = g_file_new_for_path (txt);
          text_file = guessed;
        }
      text = read_capped (text_file, error);
      if (text == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (text_file);

          g_prefix_error (error, _("%s does not hold the text; reading the text file %s failed: "),
                          _(format->name), name);
          return NULL;
        }
    }

  return gloss_import_bytes (format, data, text, options, reports, error);
}
