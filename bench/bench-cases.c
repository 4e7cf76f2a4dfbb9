/* bench-cases.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bench-cases.h"
#include "bench-data.h"
#include "gloss-statistics.h"

static void
emit_one (GString    *json,
          const char *name,
          double      seconds)
{
  g_string_append_printf (json, "\"%s\":{\"median_ms\":%.3f,\"worst_ms\":%.3f,\"n\":1},",
                          name, seconds * 1e3, seconds * 1e3);
}

void
bench_cases_run (GlossDocument *document,
                 GString       *json)
{
  double t0 = bench_now ();
  g_autoptr(GlossStatistics) stats = gloss_statistics_compute (document);

  emit_one (json, "statistics", bench_now () - t0);
  (void) stats;  /* computed for its time only; clang -Werror wants a use */
}
