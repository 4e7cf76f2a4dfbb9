/* fuzz-import-label-studio.c: the label-studio importer (see fuzz-import.h)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#define FUZZ_IMPORT_FORMAT "label-studio"

#include "fuzz-import.h"
