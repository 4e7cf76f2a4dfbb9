/* bench-cases.h: the measured operations beyond load, edit and save
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* Names of the columns bench_cases_run() adds to the table; every export
 * format is in the JSON, the table shows the slowest. */
#define BENCH_CASE_COLUMNS "statistics", "compare", "agreement", "export_slowest"

void bench_cases_run (GlossDocument *document,
                      GString       *json);

G_END_DECLS
