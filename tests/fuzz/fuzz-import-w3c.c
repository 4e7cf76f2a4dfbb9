/* fuzz-import-w3c.c: the w3c importer (see fuzz-import.h)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#define FUZZ_IMPORT_FORMAT "w3c"

#include "fuzz-import.h"
