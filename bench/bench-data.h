/* bench-data.h: generated articles and annotation sets for the benchmarks
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

char          *bench_make_text     (guint   n_chars,
                                    guint32 seed);
GlossDocument *bench_make_document (guint   n_chars,
                                    guint   n_annotations,
                                    guint32 seed);
double         bench_now           (void);
int            bench_compare_double (gconstpointer a,
                                     gconstpointer b);

G_END_DECLS
