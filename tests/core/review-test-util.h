/* review-test-util.h: helpers shared by the review tests
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

#define ROCKET_TEXT "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure."

static inline void
ensure_label (GlossDocument *doc,
              const char    *label)
{
  GlossLabelSet *labels = gloss_document_get_labels (doc);

  if (gloss_label_set_lookup (labels, label) == NULL)
    {
      g_autoptr(GlossLabelSet) copy = gloss_label_set_copy (labels);
      g_autoptr(GlossLabel) l = gloss_label_new (label,
                                                 g_str_equal (label, "CLAIM") || g_str_equal (label, "Claim")
                                                 ? GLOSS_LABEL_KIND_CLAIM : GLOSS_LABEL_KIND_ENTITY,
                                                 "#808080", NULL);

      gloss_label_set_append (copy, l, NULL);
      gloss_document_set_labels (doc, copy);
    }
}

static inline GlossAnnotation *
add (GlossDocument *doc,
     const char    *label,
     guint          start,
     guint          end)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *a;

  ensure_label (doc, label);
  a = gloss_document_annotate (doc, label, start, end, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);

  return a;
}
