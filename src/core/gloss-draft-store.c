/* gloss-draft-store.c: recovery drafts of unsaved documents
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-draft-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-draft-store.h"
#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-format.h"

#define INDEX_NAME     "index.json"
#define DRAFT_SUFFIX   ".gloss.json"
#define INDEX_FORMAT   "gloss-drafts"
#define INDEX_VERSION  1
#define INDEX_MAX_DEPTH 8
#define INDEX_MAX_DRAFTS 10000

/* GlossDraftInfo ---------------------------------------------------------- */

struct _GlossDraftInfo
{
  grefcount  ref;
  char      *id;
  char      *path;
  char      *etag;
  char      *title;
  guint      n_annotations;
  gint64     changed;
};

G_DEFINE_BOXED_TYPE (GlossDraftInfo, gloss_draft_info,
                     gloss_draft_info_ref, gloss_draft_info_unref)

static GlossDraftInfo *
draft_info_new (const char *id)
{
  GlossDraftInfo *info = g_new0 (GlossDraftInfo, 1);

  g_ref_count_init (&info->ref);
  info->id = g_strdup (id);

  return info;
}

GlossDraftInfo *
gloss_draft_info_ref (GlossDraftInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  g_ref_count_inc (&info->ref);
  return info;
}

void
gloss_draft_info_unref (GlossDraftInfo *info)
{
  g_return_if_fail (info != NULL);

  if (g_ref_count_dec (&info->ref))
    {
      g_free (info->id);
      g_free (info->path);
      g_free (info->etag);
      g_free (info->title);
      g_free (info);
    }
}

const char *
gloss_draft_info_get_id (GlossDraftInfo *info)
{
  return info->id;
}

const char *
gloss_draft_info_get_path (GlossDraftInfo *info)
{
  return info->path;
}

const char *
gloss_draft_info_get_etag (GlossDraftInfo *info)
{
  return info->etag;
}

const char *
gloss_draft_info_get_title (GlossDraftInfo *info)
{
  return info->title;
}

guint
gloss_draft_info_get_n_annotations (GlossDraftInfo *info)
{
  return info->n_annotations;
}

gint64
gloss_draft_info_get_changed (GlossDraftInfo *info)
{
  return info->changed;
}

/* The index file ---------------------------------------------------------- */

/* json-glib 1.6 recurses without a limit: refuse deep input before parsing. */
static gboolean
check_depth (const char *data,
             gsize       len,
             guint       max_depth,
             GError    **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP,
                           "The draft index is nested more than %u levels deep", max_depth);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

static const char *
member_string (JsonObject  *object,
               const char  *name,
               gboolean     required,
               guint        index,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                     "drafts[%u]: “%s” is missing", index, name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   "drafts[%u]: “%s” is not a string", index, name);
      return NULL;
    }

  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject  *object,
            const char  *name,
            gint64       max,
            guint        index,
            gint64      *value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = 0;
  if (node == NULL)
    return TRUE;

  /* Doubles are refused (json_node_get_int would cast them unchecked);
   * overflowing integers wrap in json-glib 1.6, so check the range. */
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   "drafts[%u]: “%s” is not an integer", index, name);
      return FALSE;
    }

  *value = json_node_get_int (node);
  if (*value < 0 || *value > max)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   "drafts[%u]: “%s” is out of range", index, name);
      return FALSE;
    }

  return TRUE;
}

static GlossDraftInfo *
parse_entry (JsonNode  *node,
             guint      index,
             GError   **error)
{
  g_autoptr(GlossDraftInfo) info = NULL;
  JsonObject *object;
  const char *id;
  const char *path;
  const char *etag;
  const char *title;
  gint64 n;
  gint64 changed;
  GError *local_error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   "drafts[%u] is not an object", index);
      return NULL;
    }
  object = json_node_get_object (node);

  if (!(id = member_string (object, "id", TRUE, index, error)))
    return NULL;
  /* The id names a file: only a UUID is acceptable. */
  if (!g_uuid_string_is_valid (id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   "drafts[%u]: “id” is not a UUID", index);
      return NULL;
    }

  path = member_string (object, "path", FALSE, index, &local_error);
  if (local_error == NULL)
    etag = member_string (object, "etag", FALSE, index, &local_error);
  if (local_error == NULL)
    title = member_string (object, "title", FALSE, index, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (path != NULL && !g_path_is_absolute (path))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   "drafts[%u]: “path” is not an absolute path", index);
      return NULL;
    }

  if (!member_int (object, "annotations", G_MAXUINT, index, &n, error) ||
      !member_int (object, "changed", G_MAXINT64, index, &changed, error))
    return NULL;

  info = draft_info_new (id);
  info->path = g_strdup (path);
  info->etag = g_strdup (etag);
  info->title = g_strdup (title);
  info->n_annotations = (guint) n;
  info->changed = changed;

  return g_steal_pointer (&info);
}

gboolean
gloss_draft_index_parse (GBytes     *bytes,
                         gboolean   *clean_shutdown,
                         GPtrArray **drafts,
                         GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;
  const char *format;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, "The draft index is empty");
      return FALSE;
    }
  if (len > GLOSS_DRAFT_INDEX_MAX_BYTES)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   "The draft index is larger than %d bytes", GLOSS_DRAFT_INDEX_MAX_BYTES);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8,
                           "The draft index is not valid UTF-8");
      return FALSE;
    }
  if (!check_depth (data, len, INDEX_MAX_DEPTH, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   "The draft index is not valid JSON: %s", local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           "The draft index is not a JSON object");
      return FALSE;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  format = (node && JSON_NODE_HOLDS_VALUE (node) &&
            json_node_get_value_type (node) == G_TYPE_STRING) ? json_node_get_string (node) : NULL;
  if (g_strcmp0 (format, INDEX_FORMAT) != 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           "The file is not a Gloss draft index");
      return FALSE;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           "The draft index has no version");
      return FALSE;
    }
  if (json_node_get_int (node) != INDEX_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED_VERSION,
                   "The draft index has version %" G_GINT64_FORMAT ", this Gloss reads version %d",
                   json_node_get_int (node), INDEX_VERSION);
      return FALSE;
    }

  node = json_object_get_member (object, "clean_shutdown");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           "The draft index has no “clean_shutdown” flag");
      return FALSE;
    }
  if (clean_shutdown != NULL)
    *clean_shutdown = json_node_get_boolean (node);

  node = json_object_get_member (object, "drafts");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           "The draft index has no “drafts” list");
      return FALSE;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > INDEX_MAX_DRAFTS)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   "The draft index lists more than %d drafts", INDEX_MAX_DRAFTS);
      return FALSE;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_draft_info_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      GlossDraftInfo *info = parse_entry (json_array_get_element (array, i), i, error);

      if (info == NULL)
        return FALSE;

      if (g_hash_table_contains (seen, info->id))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       "drafts[%u]: the id %s is listed twice", i, info->id);
          gloss_draft_info_unref (info);
          return FALSE;
        }
      g_hash_table_add (seen, info->id);
      g_ptr_array_add (result, info);
    }

  if (drafts != NULL)
    *drafts = g_steal_pointer (&result);

  return TRUE;
}

static void
build_info (JsonBuilder    *builder,
            GlossDraftInfo *info)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, info->id);
  json_builder_set_member_name (builder, "path");
  if (info->path != NULL)
    json_builder_add_string_value (builder, info->path);
  else
    json_builder_add_null_value (builder);
  if (info->etag != NULL)
    {
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, info->etag);
    }
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, info->title ? info->title : "");
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_int_value (builder, info->n_annotations);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_int_value (builder, info->changed);
  json_builder_end_object (builder);
}

/* GlossDraftStore --------------------------------------------------------- */

typedef struct
{
  grefcount         ref;
  GlossDraftStore  *store;          /* unowned; entries never outlive it */
  GlossDocument    *document;
  GlossDraftInfo   *info;           /* id, path, etag, title, … of the last draft */
  gulong            changed_id;
  guint             timeout_id;
  gboolean          attached;
  gboolean          pending;        /* changes not yet in a draft write */
  gboolean          writing;        /* an async write is in flight */
  gboolean          has_draft;      /* a draft file exists on disk */
  gboolean          discard_after;  /* discarded while writing */
} Entry;

struct _GlossDraftStore
{
  GObject      parent_instance;

  GFile       *directory;
  guint        delay;
  gboolean     crashed;
  gboolean     clean;            /* value of clean_shutdown to write */
  gboolean     dir_ready;

  GPtrArray   *entries;          /* Entry, attached or with a write in flight */
  GHashTable  *orphans;          /* id -> GlossDraftInfo, drafts of earlier runs */

  gboolean     index_writing;
  gboolean     index_dirty;
};

G_DEFINE_FINAL_TYPE (GlossDraftStore, gloss_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_DELAY,
  N_PROPS
};

enum {
  DRAFT_WRITTEN,
  DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void entry_write_async (Entry *entry);
static void index_write_async (GlossDraftStore *self);

static Entry *
entry_ref (Entry *entry)
{
  g_ref_count_inc (&entry->ref);
  return entry;
}

static void
entry_unref (Entry *entry)
{
  if (g_ref_count_dec (&entry->ref))
    {
      g_clear_handle_id (&entry->timeout_id, g_source_remove);
      g_clear_signal_handler (&entry->changed_id, entry->document);
      g_clear_object (&entry->document);
      g_clear_pointer (&entry->info, gloss_draft_info_unref);
      g_free (entry);
    }
}

static GFile *
draft_file (GlossDraftStore *self,
            const char      *id)
{
  g_autofree char *name = g_strconcat (id, DRAFT_SUFFIX, NULL);

  return g_file_get_child (self->directory, name);
}

static GFile *
index_file (GlossDraftStore *self)
{
  return g_file_get_child (self->directory, INDEX_NAME);
}

static gboolean
ensure_directory (GlossDraftStore  *self,
                  GError          **error)
{
  g_autofree char *path = NULL;

  if (self->dir_ready)
    return TRUE;

  path = g_file_get_path (self->directory);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The draft folder must be a local folder"));
      return FALSE;
    }

  /* Drafts may hold private annotations: the folder is for our eyes only. */
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the draft folder %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  self->dir_ready = TRUE;
  return TRUE;
}

/* Creates @file empty with mode 0600 if it does not exist, so that the
 * atomic replace, which keeps the mode of the file it replaces, keeps the
 * draft private too. */
static gboolean
ensure_private_file (GFile   *file,
                     GError **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;

  out = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (out == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

static gboolean
delete_if_exists (GFile   *file,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static GBytes *
serialize_index (GlossDraftStore *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  char *data;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, INDEX_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, INDEX_VERSION);
  json_builder_set_member_name (builder, "clean_shutdown");
  json_builder_add_boolean_value (builder, self->clean);
  json_builder_set_member_name (builder, "drafts");
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->has_draft && !entry->discard_after)
        build_info (builder, entry->info);
    }

  orphans = gloss_draft_store_list (self, NULL);
  for (guint i = 0; i < orphans->len; i++)
    build_info (builder, orphans->pdata[i]);

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &len);

  return g_bytes_new_take (data, len);
}

static gboolean
index_write_sync (GlossDraftStore  *self,
                  GError          **error)
{
  g_autoptr(GFile) file = index_file (self);
  g_autoptr(GBytes) bytes = NULL;

  if (!ensure_directory (self, error) || !ensure_private_file (file, error))
    return FALSE;

  self->index_dirty = FALSE;
  bytes = serialize_index (self);

  return gloss_file_replace (file, bytes, NULL, NULL, NULL, error);
}

static void
index_write_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossDraftStore) self = user_data;
  g_autoptr(GError) error = NULL;

  self->index_writing = FALSE;

  if (!gloss_file_replace_finish (G_FILE (object), result, NULL, &error))
    g_warning ("Could not write the draft index: %s", error->message);

  if (self->index_dirty)
    index_write_async (self);
}

static void
index_write_async (GlossDraftStore *self)
{
  g_autoptr(GFile) file = index_file (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  self->index_dirty = TRUE;
  if (self->index_writing)
    return;

  if (!ensure_directory (self, &error) || !ensure_private_file (file, &error))
    {
      g_warning ("Could not write the draft index: %s", error->message);
      return;
    }

  self->index_dirty = FALSE;
  self->index_writing = TRUE;
  bytes = serialize_index (self);
  gloss_file_replace_async (file, bytes, NULL, NULL, index_write_cb, g_object_ref (self));
}

static void
entry_update_info (Entry *entry)
{
  GlossDraftInfo *info = entry->info;

  g_free (info->title);
  info->title = g_strdup (gloss_document_get_title (entry->document));
  info->n_annotations =
    g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (entry->document)));
}

static gboolean
entry_needs_draft (Entry *entry)
{
  /* A document with a file of its own needs a draft only while it differs
   * from that file; a document never saved always does. */
  return entry->info->path == NULL || gloss_document_get_modified (entry->document);
}

static void
entry_remove (Entry *entry)
{
  GlossDraftStore *self = entry->store;

  g_ptr_array_remove (self->entries, entry);
}

/* Drops a detached entry; its draft, if any, is left for the next run. */
static void
entry_forget (Entry *entry)
{
  GlossDraftStore *self = entry->store;

  if (entry->has_draft)
    g_hash_table_insert (self->orphans, entry->info->id, gloss_draft_info_ref (entry->info));
  entry_remove (entry);
}

static void
entry_delete_draft (Entry *entry)
{
  GlossDraftStore *self = entry->store;
  g_autoptr(GFile) file = draft_file (self, entry->info->id);
  g_autoptr(GError) error = NULL;

  if (!delete_if_exists (file, &error))
    g_warning ("Could not delete the draft %s: %s", entry->info->id, error->message);
  entry->has_draft = FALSE;
}

static void
entry_write_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Entry *entry = user_data;
  GlossDraftStore *self = entry->store;  /* the write holds a reference */
  g_autoptr(GError) error = NULL;

  entry->writing = FALSE;

  if (!gloss_file_replace_finish (G_FILE (object), result, NULL, &error))
    {
      g_warning ("Could not write the draft %s: %s", entry->info->id, error->message);
      g_signal_emit (self, signals[DRAFT_FAILED], 0, entry->info->id, error);
      /* Try again at the next change, or now if changes are waiting. */
      entry->pending = TRUE;
    }
  else if (entry->discard_after)
    {
      entry->discard_after = FALSE;
      entry->pending = FALSE;
      entry_delete_draft (entry);
      index_write_async (self);
    }
  else
    {
      entry->has_draft = TRUE;
      index_write_async (self);
      g_signal_emit (self, signals[DRAFT_WRITTEN], 0, entry->info->id);
    }

  if (entry->pending && entry->timeout_id == 0 && error == NULL)
    entry_write_async (entry);
  else if (!entry->attached && !entry->writing)
    entry_forget (entry);

  entry_unref (entry);
  g_object_unref (self);
}

/* Returns the bytes to write, or %NULL if the draft should not exist. */
static GBytes *
entry_serialize (Entry *entry)
{
  entry->pending = FALSE;

  if (!entry_needs_draft (entry))
    return NULL;

  entry_update_info (entry);
  return gloss_format_write (entry->document);
}

static void
serialized_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Entry *entry = user_data;  /* the write holds a reference to it and the store */
  g_autoptr(GBytes) bytes = gloss_format_write_finish (result, NULL);
  g_autoptr(GFile) file = draft_file (entry->store, entry->info->id);

  gloss_file_replace_async (file, bytes, NULL, NULL, entry_write_cb, entry);
}

/* Writes the draft: the document is captured here (references to its
 * values), serialized in a worker thread (100-200 ms for a million
 * characters, which would stall the window) and written atomically. */
static void
entry_write_async (Entry *entry)
{
  GlossDraftStore *self = entry->store;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (entry->writing)
    {
      entry->pending = TRUE;
      return;
    }

  entry->pending = FALSE;
  if (!entry_needs_draft (entry))
    {
      if (entry->has_draft)
        {
          entry_delete_draft (entry);
          index_write_async (self);
        }
      return;
    }

  file = draft_file (self, entry->info->id);
  if (!ensure_directory (self, &error) || !ensure_private_file (file, &error))
    {
      g_warning ("Could not write the draft %s: %s", entry->info->id, error->message);
      g_signal_emit (self, signals[DRAFT_FAILED], 0, entry->info->id, error);
      entry->pending = TRUE;
      return;
    }

  entry_update_info (entry);

  /* From now on the session is running: a crash leaves clean_shutdown false. */
  self->clean = FALSE;
  entry->writing = TRUE;
  g_object_ref (self);
  gloss_format_write_async (entry->document, NULL, serialized_cb, entry_ref (entry));
}

static gboolean
entry_timeout_cb (gpointer user_data)
{
  Entry *entry = user_data;

  entry->timeout_id = 0;
  entry_write_async (entry);

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (GlossDocument *document,
                     Entry         *entry)
{
  entry->info->changed = g_get_real_time () / G_USEC_PER_SEC;
  entry->pending = TRUE;

  /* Not a pure debounce: the first unwritten change starts the clock, so
   * continuous editing still reaches the disk every @delay seconds. */
  if (entry->timeout_id == 0)
    entry->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                            entry->store->delay * 1000,
                                            entry_timeout_cb, entry, NULL);
}

static Entry *
find_entry (GlossDraftStore *self,
            GlossDocument   *document)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->attached && entry->document == document)
        return entry;
    }

  return NULL;
}

static void
add_orphan_from_file (GlossDraftStore *self,
                      GFileInfo       *file_info)
{
  const char *name = g_file_info_get_name (file_info);
  g_autofree char *id = NULL;
  GlossDraftInfo *info;

  if (!g_str_has_suffix (name, DRAFT_SUFFIX))
    return;

  id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
  if (!g_uuid_string_is_valid (id) || g_hash_table_contains (self->orphans, id) ||
      g_file_info_get_size (file_info) == 0)
    return;

  /* A draft the index does not know (the index write was lost): keep it,
   * with what the file system tells. */
  info = draft_info_new (id);
  info->changed = g_file_info_get_attribute_uint64 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  g_hash_table_insert (self->orphans, info->id, info);
}

static void
load_previous_run (GlossDraftStore *self)
{
  g_autoptr(GFile) file = index_file (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  gboolean clean = TRUE;

  bytes = gloss_file_load (file, GLOSS_DRAFT_INDEX_MAX_BYTES, NULL, NULL, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_warning ("Could not read the draft index: %s", error->message);
          self->crashed = TRUE;
        }
    }
  else if (g_bytes_get_size (bytes) == 0)
    self->crashed = TRUE;  /* created, never written: killed in between */
  else if (!gloss_draft_index_parse (bytes, &clean, &drafts, &error))
    {
      g_warning ("The draft index is damaged, recovering drafts from the folder: %s",
                 error->message);
      self->crashed = TRUE;
    }
  else
    {
      self->crashed = !clean;
      for (guint i = 0; i < drafts->len; i++)
        {
          GlossDraftInfo *info = drafts->pdata[i];
          g_autoptr(GFile) draft = draft_file (self, info->id);

          if (g_file_query_exists (draft, NULL))
            g_hash_table_insert (self->orphans, info->id, gloss_draft_info_ref (info));
        }
    }

  g_clear_error (&error);
  enumerator = g_file_enumerate_children (self->directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (enumerator == NULL)
    return;

  for (;;)
    {
      GFileInfo *file_info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &file_info, NULL, NULL, NULL) || file_info == NULL)
        break;
      if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
        continue;

      /* A temporary file of an atomic replace cut short by the crash. */
      if (g_str_has_prefix (g_file_info_get_name (file_info), ".goutputstream-"))
        {
          g_autoptr(GFile) temp = g_file_get_child (self->directory,
                                                    g_file_info_get_name (file_info));

          g_file_delete (temp, NULL, NULL);
          continue;
        }

      add_orphan_from_file (self, file_info);
    }
}

static void
gloss_draft_store_constructed (GObject *object)
{
  GlossDraftStore *self = (GlossDraftStore *)object;

  G_OBJECT_CLASS (gloss_draft_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_file_new_build_filename (g_get_user_data_dir (), "gloss", "drafts", NULL);

  load_previous_run (self);
}

static void
gloss_draft_store_dispose (GObject *object)
{
  GlossDraftStore *self = (GlossDraftStore *)object;

  /* Attached entries hold a reference on their document, not on us; the
   * async writes hold a reference on us, so nothing is in flight here. */
  if (self->entries != NULL)
    {
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = self->entries->pdata[i];

          entry->attached = FALSE;
          g_clear_handle_id (&entry->timeout_id, g_source_remove);
          g_clear_signal_handler (&entry->changed_id, entry->document);
        }
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_draft_store_parent_class)->dispose (object);
}

static void
gloss_draft_store_finalize (GObject *object)
{
  GlossDraftStore *self = (GlossDraftStore *)object;

  g_clear_object (&self->directory);
  g_clear_pointer (&self->orphans, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_draft_store_parent_class)->finalize (object);
}

static void
gloss_draft_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossDraftStore *self = GLOSS_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_draft_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossDraftStore *self = GLOSS_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_object (value);
      break;

    case PROP_DELAY:
      gloss_draft_store_set_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_draft_store_class_init (GlossDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gloss_draft_store_constructed;
  object_class->dispose = gloss_draft_store_dispose;
  object_class->finalize = gloss_draft_store_finalize;
  object_class->get_property = gloss_draft_store_get_property;
  object_class->set_property = gloss_draft_store_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 1, GLOSS_DRAFT_MAX_DELAY, GLOSS_DRAFT_DEFAULT_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DRAFT_WRITTEN] =
    g_signal_new ("draft-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DRAFT_FAILED] =
    g_signal_new ("draft-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
gloss_draft_store_init (GlossDraftStore *self)
{
  self->delay = GLOSS_DRAFT_DEFAULT_DELAY;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_unref);
  self->orphans = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) gloss_draft_info_unref);
}

GlossDraftStore *
gloss_draft_store_new (GFile *directory)
{
  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);

  return g_object_new (GLOSS_TYPE_DRAFT_STORE, "directory", directory, NULL);
}

GFile *
gloss_draft_store_get_directory (GlossDraftStore *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

guint
gloss_draft_store_get_delay (GlossDraftStore *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), 0);

  return self->delay;
}

void
gloss_draft_store_set_delay (GlossDraftStore *self,
                             guint            seconds)
{
  g_return_if_fail (GLOSS_IS_DRAFT_STORE (self));

  seconds = CLAMP (seconds, 1, GLOSS_DRAFT_MAX_DELAY);
  if (self->delay == seconds)
    return;

  self->delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
gloss_draft_store_get_crashed (GlossDraftStore *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);

  return self->crashed;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const GlossDraftInfo *ia = *(GlossDraftInfo * const *) a;
  const GlossDraftInfo *ib = *(GlossDraftInfo * const *) b;

  if (ia->changed != ib->changed)
    return ia->changed < ib->changed ? 1 : -1;
  return g_strcmp0 (ia->id, ib->id);
}

GPtrArray *
gloss_draft_store_list (GlossDraftStore  *self,
                        GError          **error)
{
  GPtrArray *result;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_draft_info_unref);
  g_hash_table_iter_init (&iter, self->orphans);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (result, gloss_draft_info_ref (value));
  g_ptr_array_sort (result, compare_newest_first);

  return result;
}

const char *
gloss_draft_store_attach (GlossDraftStore *self,
                          GlossDocument   *document,
                          GFile           *file,
                          const char      *etag,
                          const char      *draft_id)
{
  Entry *entry;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (draft_id == NULL || g_uuid_string_is_valid (draft_id), NULL);

  if ((entry = find_entry (self, document)) != NULL)
    return entry->info->id;

  if (draft_id == NULL)
    draft_id = new_id = g_uuid_string_random ();

  entry = g_new0 (Entry, 1);
  g_ref_count_init (&entry->ref);
  entry->store = self;
  entry->document = g_object_ref (document);
  entry->info = draft_info_new (draft_id);
  entry->info->path = file ? g_file_get_path (file) : NULL;
  entry->info->etag = g_strdup (etag);
  entry->info->changed = g_get_real_time () / G_USEC_PER_SEC;
  entry->attached = TRUE;
  entry_update_info (entry);

  /* Reattaching a draft of an earlier run (restore) takes it over. */
  if (g_hash_table_contains (self->orphans, draft_id))
    {
      GlossDraftInfo *orphan = g_hash_table_lookup (self->orphans, draft_id);

      entry->info->changed = orphan->changed;
      entry->has_draft = TRUE;
      g_hash_table_remove (self->orphans, draft_id);
    }

  entry->changed_id = g_signal_connect (document, "changed",
                                        G_CALLBACK (document_changed_cb), entry);
  g_ptr_array_add (self->entries, entry);

  return entry->info->id;
}

void
gloss_draft_store_set_file (GlossDraftStore *self,
                            GlossDocument   *document,
                            GFile           *file,
                            const char      *etag)
{
  Entry *entry;

  g_return_if_fail (GLOSS_IS_DRAFT_STORE (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  if ((entry = find_entry (self, document)) == NULL)
    return;

  g_free (entry->info->path);
  entry->info->path = file ? g_file_get_path (file) : NULL;
  g_free (entry->info->etag);
  entry->info->etag = g_strdup (etag);
  if (entry->has_draft)
    index_write_async (self);
}

const char *
gloss_draft_store_get_draft_id (GlossDraftStore *self,
                                GlossDocument   *document)
{
  Entry *entry;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);

  entry = find_entry (self, document);
  return entry ? entry->info->id : NULL;
}

void
gloss_draft_store_detach (GlossDraftStore *self,
                          GlossDocument   *document)
{
  Entry *entry;
  gboolean had_timeout;

  g_return_if_fail (GLOSS_IS_DRAFT_STORE (self));

  if ((entry = find_entry (self, document)) == NULL)
    return;

  had_timeout = entry->timeout_id != 0;
  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  g_clear_signal_handler (&entry->changed_id, entry->document);
  entry->attached = FALSE;

  /* Keep the work: write what is pending, then forget the document. The
   * draft stays listed for the next run. */
  if (entry->pending || had_timeout)
    {
      entry_ref (entry);
      entry_write_async (entry);
      if (!entry->writing)
        entry_forget (entry);
      entry_unref (entry);
      return;
    }

  if (entry->writing)
    return;  /* entry_write_cb forgets it */

  entry_forget (entry);
}

gboolean
gloss_draft_store_discard (GlossDraftStore  *self,
                           GlossDocument    *document,
                           GError          **error)
{
  Entry *entry;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);

  if ((entry = find_entry (self, document)) == NULL)
    return TRUE;

  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  entry->pending = FALSE;

  if (entry->writing)
    {
      entry->discard_after = TRUE;
      return TRUE;
    }

  file = draft_file (self, entry->info->id);
  if (!delete_if_exists (file, error))
    return FALSE;

  if (entry->has_draft)
    {
      entry->has_draft = FALSE;
      index_write_async (self);
    }

  return TRUE;
}

gboolean
gloss_draft_store_discard_id (GlossDraftStore  *self,
                              const char       *draft_id,
                              GError          **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->attached && g_str_equal (entry->info->id, draft_id))
        return gloss_draft_store_discard (self, entry->document, error);
    }

  if (!g_uuid_string_is_valid (draft_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("No draft has the id %s"), draft_id);
      return FALSE;
    }

  file = draft_file (self, draft_id);
  if (!delete_if_exists (file, error))
    return FALSE;

  if (g_hash_table_remove (self->orphans, draft_id))
    index_write_async (self);

  return TRUE;
}

static gboolean
any_writing (GlossDraftStore *self)
{
  if (self->index_writing)
    return TRUE;

  for (guint i = 0; i < self->entries->len; i++)
    if (((Entry *) self->entries->pdata[i])->writing)
      return TRUE;

  return FALSE;
}

gboolean
gloss_draft_store_flush (GlossDraftStore  *self,
                         GError          **error)
{
  GMainContext *context = g_main_context_ref_thread_default ();
  g_autoptr(GError) first_error = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);

  g_object_ref (self);

  /* Writes in flight carry older data; let them land first. */
  while (any_writing (self))
    g_main_context_iteration (context, TRUE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean had_timeout = entry->timeout_id != 0;

      g_clear_handle_id (&entry->timeout_id, g_source_remove);
      if (!entry->pending && !had_timeout)
        continue;

      file = draft_file (self, entry->info->id);
      bytes = entry_serialize (entry);
      if (bytes == NULL)
        {
          if (entry->has_draft && delete_if_exists (file, &local_error))
            entry->has_draft = FALSE;
        }
      else if (ensure_directory (self, &local_error) &&
               ensure_private_file (file, &local_error) &&
               gloss_file_replace (file, bytes, NULL, NULL, NULL, &local_error))
        {
          entry->has_draft = TRUE;
          g_signal_emit (self, signals[DRAFT_WRITTEN], 0, entry->info->id);
        }

      if (local_error != NULL)
        {
          entry->pending = TRUE;
          g_signal_emit (self, signals[DRAFT_FAILED], 0, entry->info->id, local_error);
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
        }
    }

  /* Detached entries whose last write is done are no longer needed. */
  for (guint i = self->entries->len; i > 0; i--)
    {
      Entry *entry = self->entries->pdata[i - 1];

      if (!entry->attached && !entry->writing)
        entry_forget (entry);
    }

  if (first_error == NULL)
    index_write_sync (self, &first_error);
  else
    index_write_sync (self, NULL);

  g_object_unref (self);
  g_main_context_unref (context);

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

GlossDocument *
gloss_draft_store_restore (GlossDraftStore  *self,
                           const char       *draft_id,
                           GFile           **file,
                           char            **etag,
                           GError          **error)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDraftInfo) info = NULL;
  g_autoptr(GFile) original = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  info = g_hash_table_lookup (self->orphans, draft_id);
  if (info == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("No draft left by an earlier session has the id %s"), draft_id);
      return NULL;
    }
  gloss_draft_info_ref (info);

  draft = draft_file (self, draft_id);
  bytes = gloss_file_load (draft, GLOSS_FORMAT_MAX_BYTES, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  document = gloss_format_read (bytes, GLOSS_LOAD_ACCEPT_RECOVERABLE, NULL, error);
  if (document == NULL)
    {
      g_prefix_error (error, _("The draft of “%s” cannot be read: "),
                      info->title && *info->title ? info->title : draft_id);
      return NULL;
    }

  /* The draft holds changes that were never saved to the original file. */
  gloss_document_set_unsaved (document);

  if (info->path != NULL)
    original = g_file_new_for_path (info->path);

  gloss_draft_store_attach (self, document, original, info->etag, draft_id);

  if (file != NULL)
    *file = g_steal_pointer (&original);
  if (etag != NULL)
    *etag = g_strdup (info->etag);

  return g_steal_pointer (&document);
}

gboolean
gloss_draft_store_shutdown (GlossDraftStore  *self,
                            GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);

  /* Flush with clean_shutdown false, then say it: if we die in between,
   * the next run still offers the drafts. */
  if (!gloss_draft_store_flush (self, error))
    return FALSE;

  self->clean = TRUE;
  return index_write_sync (self, error);
}
