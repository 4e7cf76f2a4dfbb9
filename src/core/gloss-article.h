/* gloss-article.h: articles from plain text
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* Checks (empty, binary, UTF-8) and normalises (BOM, CRLF) @data, then
 * recognises a plain-text article header — a title line, a byline ("By
 * Jane Doe", "Author: Reuters"), a date or timestamp near the top — moves
 * it into the document metadata (title, byline, published) and keeps the
 * rest as the document text. @source is recorded as metadata. */
GlossDocument *gloss_article_new_from_text (const char  *data,
                                            gsize        len,
                                            const char  *source,
                                            GError     **error);

G_END_DECLS
