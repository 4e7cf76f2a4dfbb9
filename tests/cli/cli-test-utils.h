/* cli-test-utils.h: running the built gloss-cli in tests
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cli_test_run (const char         *cwd,
                  const char         *area,
                  const char * const *args,
                  char              **out,
                  char              **err);

G_END_DECLS
