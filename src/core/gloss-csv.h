/* gloss-csv.h: writing CSV fields (RFC 4180)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     gloss_csv_append_field      (GString    *out,
                                     const char *value);
gboolean gloss_csv_is_formula        (const char *value);
void     gloss_csv_append_text_field (GString    *out,
                                     const char *value);

G_END_DECLS
