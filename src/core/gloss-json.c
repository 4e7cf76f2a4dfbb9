/* gloss-json.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-json"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-json.h"

/**
 * gloss_json_parse_strict:
 *
 * Parses untrusted @data as JSON: checks its size and UTF-8, then runs the
 * strict pre-scan (gloss_format_check_json: depth, numbers, duplicate keys,
 * non-standard syntax) before json-glib 1.6 sees it; the root must be an
 * object.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
gloss_json_parse_strict (const char  *data,
                         gsize        len,
                         gsize        max_bytes,
                         guint        max_depth,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  GError *local_error = NULL;
  JsonNode *root;

  if (len > max_bytes)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The file is too large (%lu bytes; the limit is %lu)"),
                   (gulong) len, (gulong) max_bytes);
      return NULL;
    }

  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8, _("The file is not valid UTF-8"));
      return NULL;
    }

  if (!gloss_format_check_json (data, len, max_depth, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   _("The file is not valid JSON: %s"), local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("The file does not contain a JSON object"));
      return NULL;
    }

  return json_node_ref (root);
}
