/* gloss-statistics.h: counts by kind, label and verdict
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

typedef struct
{
  char  *name;    /* a label name, a kind name or a verdict id */
  char  *color;   /* "#rrggbb", or NULL */
  guint  count;
} GlossCount;

typedef struct
{
  guint   total;
  guint   by_kind[GLOSS_N_LABEL_KINDS];
  GArray *by_label;     /* GlossCount, in label-set order (unused labels included) */
  GArray *by_verdict;   /* GlossCount, in scale order (claims without a verdict
                         * count as "not-checked"), then "other" */
  guint   n_relations;
} GlossStatistics;

GlossStatistics *gloss_statistics_compute (GlossDocument   *document);
void             gloss_statistics_free    (GlossStatistics *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossStatistics, gloss_statistics_free)

G_END_DECLS
