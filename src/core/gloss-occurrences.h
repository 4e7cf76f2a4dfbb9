/* gloss-occurrences.h: find every occurrence of a string, and tag them all
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_SEARCH_FLAGS_NONE  = 0,
  GLOSS_SEARCH_MATCH_CASE  = 1 << 0,
  GLOSS_SEARCH_WHOLE_WORD  = 1 << 1,
  GLOSS_SEARCH_REGEX       = 1 << 2,
  /* Latin and Greek letters match with or without accents ("Zurich"
   * finds "Zürich", precomposed or not); other scripts match as typed.
   * Not with MATCH_CASE or REGEX, which it leaves as they are. */
  GLOSS_SEARCH_IGNORE_ACCENTS = 1 << 3,
} GlossSearchFlags;

/* One match, in code points. @covered is set when an annotation with the
 * label asked about already covers exactly this span. */
typedef struct
{
  guint    start;
  guint    end;
  gboolean covered;
  gboolean selected;
} GlossOccurrence;

GArray   *gloss_find_occurrences    (GlossDocument    *document,
                                     const char       *needle,
                                     GlossSearchFlags  flags,
                                     const char       *label,
                                     guint             max_matches,
                                     GError          **error);
guint     gloss_annotate_occurrences (GlossDocument   *document,
                                      GArray          *occurrences,
                                      GlossAnnotation *model,
                                      guint           *n_skipped,
                                      GError         **error);

G_END_DECLS
