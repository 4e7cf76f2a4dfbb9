/* gloss-gazetteer.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-gazetteer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-gazetteer.h"
#include "gloss-json.h"

struct _GlossGazetteer
{
  GObject     parent_instance;
  GHashTable *entries;  /* normalised "surface\x1flabel" → GlossGazetteerEntry */
};

G_DEFINE_FINAL_TYPE (GlossGazetteer, gloss_gazetteer, G_TYPE_OBJECT)

static void
entry_free (GlossGazetteerEntry *entry)
{
  g_free (entry->surface);
  g_free (entry->label);
  g_free (entry->kb_id);
  g_free (entry->canonical_name);
  g_free (entry);
}

/* Case-folded, NFC, white space collapsed: "Acme  corp" finds "ACME Corp". */
static char *
make_key (const char *surface,
          const char *label)
{
  g_autofree char *nfc = g_utf8_normalize (surface, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (nfc ? nfc : "", -1);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }

  g_string_append_c (key, '\x1f');
  g_string_append (key, label ? label : "");

  return g_string_free (key, FALSE);
}

/* A Wikidata item (Q7747), property (P31) or lexeme id, or an absolute URI. */
gboolean
gloss_kb_id_is_valid (const char *kb_id)
{
  g_autofree char *scheme = NULL;

  if (kb_id == NULL || *kb_id == '\0' || strlen (kb_id) > 2048)
    return FALSE;

  if ((kb_id[0] == 'Q' || kb_id[0] == 'P' || kb_id[0] == 'L') && kb_id[1] != '\0')
    {
      const char *p;

      for (p = kb_id + 1; g_ascii_isdigit (*p); p++)
        ;
      if (*p == '\0' && kb_id[1] != '0')
        return TRUE;
    }

  scheme = g_uri_parse_scheme (kb_id);

  return scheme != NULL && g_uri_is_valid (kb_id, G_URI_FLAGS_NONE, NULL);
}

static void
gloss_gazetteer_finalize (GObject *object)
{
  GlossGazetteer *self = (GlossGazetteer *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_gazetteer_parent_class)->finalize (object);
}

static void
gloss_gazetteer_class_init (GlossGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_gazetteer_finalize;
}

static void
gloss_gazetteer_init (GlossGazetteer *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) entry_free);
}

GlossGazetteer *
gloss_gazetteer_new (void)
{
  return g_object_new (GLOSS_TYPE_GAZETTEER, NULL);
}

/**
 * gloss_gazetteer_get_default_file:
 *
 * Returns: (transfer full): the gazetteer in the user data dir
 */
GFile *
gloss_gazetteer_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "gloss", "gazetteer.json", NULL);

  return g_file_new_for_path (path);
}

guint
gloss_gazetteer_get_n_entries (GlossGazetteer *self)
{
  g_return_val_if_fail (GLOSS_IS_GAZETTEER (self), 0);

  return g_hash_table_size (self->entries);
}

/**
 * gloss_gazetteer_lookup:
 * @label: (nullable): the entity label, or %NULL for any label
 *
 * Returns: (nullable) (transfer none): the remembered identifier
 */
const GlossGazetteerEntry *
gloss_gazetteer_lookup (GlossGazetteer *self,
                        const char     *surface,
                        const char     *label)
{
  g_return_val_if_fail (GLOSS_IS_GAZETTEER (self), NULL);

  if (surface == NULL)
    return NULL;

  if (label != NULL)
    {
      g_autofree char *key = make_key (surface, label);

      return g_hash_table_lookup (self->entries, key);
    }
  else
    {
      g_autofree char *prefix = make_key (surface, "");
      GHashTableIter iter;
      gpointer key, value;
      const GlossGazetteerEntry *best = NULL;

      /* Any label: prefer the alphabetically first label for stability. */
      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const GlossGazetteerEntry *entry = value;

          if (g_str_has_prefix (key, prefix) &&
              (best == NULL || g_strcmp0 (entry->label, best->label) < 0))
            best = entry;
        }

      return best;
    }
}

void
gloss_gazetteer_remember (GlossGazetteer *self,
                          const char     *surface,
                          const char     *label,
                          const char     *kb_id,
                          const char     *canonical_name)
{
  GlossGazetteerEntry *entry;

  g_return_if_fail (GLOSS_IS_GAZETTEER (self));
  g_return_if_fail (surface != NULL && label != NULL);
  g_return_if_fail (gloss_kb_id_is_valid (kb_id));

  entry = g_new0 (GlossGazetteerEntry, 1);
  entry->surface = g_strdup (surface);
  entry->label = g_strdup (label);
  entry->kb_id = g_strdup (kb_id);
  entry->canonical_name = (canonical_name && *canonical_name) ? g_strdup (canonical_name) : NULL;

  g_hash_table_insert (self->entries, make_key (surface, label), entry);
}

gboolean
gloss_gazetteer_forget (GlossGazetteer *self,
                        const char     *surface,
                        const char     *label)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (GLOSS_IS_GAZETTEER (self), FALSE);

  key = make_key (surface, label);

  return g_hash_table_remove (self->entries, key);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Reads entries from @file into @self; returns how many, or -1 on error. */
static int
read_entries (GlossGazetteer  *self,
              GFile           *file,
              GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  GError *local_error = NULL;
  JsonObject *object;
  JsonNode *entries;
  JsonArray *array;
  gsize len;

  if (!g_file_load_contents (file, NULL, &data, &len, NULL, error))
    return -1;

  root = gloss_json_parse_strict (data, len, GLOSS_GAZETTEER_MAX_BYTES, 16, &local_error);
  if (root == NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", name);
      return -1;
    }

  object = json_node_get_object (root);
  if (g_strcmp0 (member_string (object, "format"), "gloss-gazetteer") != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s: not a Gloss gazetteer (\"format\" must be \"gloss-gazetteer\")"), name);
      return -1;
    }

  entries = json_object_get_member (object, "entries");
  if (entries == NULL || !JSON_NODE_HOLDS_ARRAY (entries))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s: \"entries\" must be an array"), name);
      return -1;
    }

  array = json_node_get_array (entries);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *e;
      GlossGazetteerEntry *entry;
      const char *surface, *label, *kb_id, *canonical;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("%s: entries[%u] is not an object"), name, i);
          return -1;
        }

      e = json_node_get_object (node);
      surface = member_string (e, "surface");
      label = member_string (e, "label");
      kb_id = member_string (e, "kb_id");
      canonical = member_string (e, "canonical_name");

      if (surface == NULL || *surface == '\0' || label == NULL || *label == '\0')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("%s: entries[%u] needs a \"surface\" and a \"label\""), name, i);
          return -1;
        }
      if (!gloss_kb_id_is_valid (kb_id))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("%s: entries[%u] has no valid \"kb_id\" (a Wikidata id such as Q7747, or a URI)"),
                       name, i);
          return -1;
        }

      entry = g_new0 (GlossGazetteerEntry, 1);
      entry->surface = g_strdup (surface);
      entry->label = g_strdup (label);
      entry->kb_id = g_strdup (kb_id);
      entry->canonical_name = (canonical && *canonical) ? g_strdup (canonical) : NULL;
      g_ptr_array_add (parsed, entry);
    }

  /* All or nothing: only now touch the gazetteer. */
  for (guint i = 0; i < parsed->len; i++)
    {
      GlossGazetteerEntry *entry = parsed->pdata[i];

      gloss_gazetteer_remember (self, entry->surface, entry->label, entry->kb_id, entry->canonical_name);
    }

  return parsed->len;
}

/**
 * gloss_gazetteer_load:
 *
 * Replaces the content with @file's. A missing file is an empty gazetteer.
 */
gboolean
gloss_gazetteer_load (GlossGazetteer  *self,
                      GFile           *file,
                      GError         **error)
{
  g_autoptr(GlossGazetteer) fresh = gloss_gazetteer_new ();
  GError *local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_GAZETTEER (self), FALSE);

  if (read_entries (fresh, file, &local_error) < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_error_free (local_error);
          g_hash_table_remove_all (self->entries);
          return TRUE;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }

  {
    GHashTable *old = self->entries;

    self->entries = fresh->entries;
    fresh->entries = old;
  }

  return TRUE;
}

/**
 * gloss_gazetteer_import:
 *
 * Adds the entries of @file (a gazetteer exported by someone else);
 * entries for the same surface and label are replaced.
 *
 * Returns: the number of entries read, or 0 with @error set
 */
guint
gloss_gazetteer_import (GlossGazetteer  *self,
                        GFile           *file,
                        GError         **error)
{
  int n;

  g_return_val_if_fail (GLOSS_IS_GAZETTEER (self), 0);

  n = read_entries (self, file, error);

  return n < 0 ? 0 : n;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const GlossGazetteerEntry *ea = *(GlossGazetteerEntry **) a;
  const GlossGazetteerEntry *eb = *(GlossGazetteerEntry **) b;
  int r = g_utf8_collate (ea->surface, eb->surface);

  return r != 0 ? r : g_strcmp0 (ea->label, eb->label);
}

/**
 * gloss_gazetteer_save:
 *
 * Writes the gazetteer (sorted, one entry per line) atomically.
 */
gboolean
gloss_gazetteer_save (GlossGazetteer  *self,
                      GFile           *file,
                      GError         **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;
  GString *out;
  GHashTableIter iter;
  gpointer value;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_GAZETTEER (self), FALSE);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_entries);

  out = g_string_new ("{\n  \"format\": \"gloss-gazetteer\",\n  \"version\": 1,\n  \"entries\": [");
  for (guint i = 0; i < sorted->len; i++)
    {
      GlossGazetteerEntry *e = sorted->pdata[i];
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "surface");
      json_builder_add_string_value (b, e->surface);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, e->label);
      json_builder_set_member_name (b, "kb_id");
      json_builder_add_string_value (b, e->kb_id);
      if (e->canonical_name != NULL)
        {
          json_builder_set_member_name (b, "canonical_name");
          json_builder_add_string_value (b, e->canonical_name);
        }
      json_builder_end_object (b);

      node = json_builder_get_root (b);
      json_generator_set_root (gen, node);
      line = json_generator_to_data (gen, NULL);
      g_string_append_printf (out, "%s\n    %s", i ? "," : "", line);
    }
  g_string_append (out, sorted->len ? "\n  ]\n}\n" : "]\n}\n");

  parent = g_file_get_parent (file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, NULL, NULL) &&
      !g_file_query_exists (parent, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not create the folder for %s"), g_file_peek_path (file));
      g_string_free (out, TRUE);
      return FALSE;
    }

  path = g_file_get_path (file);
  ok = g_file_set_contents_full (path, out->str, out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error);
  g_string_free (out, TRUE);

  return ok;
}
