/* gloss-json.h: parsing untrusted JSON safely with json-glib 1.6
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *gloss_json_parse_strict (const char  *data,
                                   gsize        len,
                                   gsize        max_bytes,
                                   guint        max_depth,
                                   GError     **error);

G_END_DECLS
