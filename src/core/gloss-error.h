/* gloss-error.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_ERROR (gloss_error_quark ())

/**
 * GlossError:
 * @GLOSS_ERROR_EMPTY: the input has no content
 * @GLOSS_ERROR_BINARY: the input looks like a binary file
 * @GLOSS_ERROR_INVALID_UTF8: the input is not valid UTF-8
 * @GLOSS_ERROR_TOO_LARGE: the input exceeds a size limit
 * @GLOSS_ERROR_TOO_DEEP: JSON nesting is deeper than allowed
 * @GLOSS_ERROR_PARSE: the input is not well-formed (JSON syntax, …)
 * @GLOSS_ERROR_INVALID: well-formed, but violates the format's rules
 * @GLOSS_ERROR_UNSUPPORTED_VERSION: written by a newer Gloss
 * @GLOSS_ERROR_RECOVERABLE: problems that the user may choose to accept
 * @GLOSS_ERROR_OUT_OF_RANGE: an offset or number is outside the allowed range
 * @GLOSS_ERROR_NOT_FOUND: a referenced object does not exist
 * @GLOSS_ERROR_CONFLICT: the file changed on disk since it was read
 * @GLOSS_ERROR_NETWORK: a fetch failed
 * @GLOSS_ERROR_NOT_ARTICLE: the page holds no readable article
 * @GLOSS_ERROR_UNSUPPORTED: an unsupported format or operation
 */
typedef enum
{
  GLOSS_ERROR_EMPTY,
  GLOSS_ERROR_BINARY,
  GLOSS_ERROR_INVALID_UTF8,
  GLOSS_ERROR_TOO_LARGE,
  GLOSS_ERROR_TOO_DEEP,
  GLOSS_ERROR_PARSE,
  GLOSS_ERROR_INVALID,
  GLOSS_ERROR_UNSUPPORTED_VERSION,
  GLOSS_ERROR_RECOVERABLE,
  GLOSS_ERROR_OUT_OF_RANGE,
  GLOSS_ERROR_NOT_FOUND,
  GLOSS_ERROR_CONFLICT,
  GLOSS_ERROR_NETWORK,
  GLOSS_ERROR_NOT_ARTICLE,
  GLOSS_ERROR_UNSUPPORTED,
} GlossError;

GQuark gloss_error_quark (void);

G_END_DECLS
