/* bench-cases.h: the measured operations beyond load, edit and save
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* Names of the columns bench_cases_run() adds, for the table. */
#define BENCH_CASE_COLUMNS "statistics"

void bench_cases_run (GlossDocument *document,
                      GString       *json);

G_END_DECLS
