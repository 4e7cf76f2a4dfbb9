/* format-samples.h: documents exercising every part of the native format,
 * shared by test-format.c and format-samples.c (schema test)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-document.h"

/* The 🚀 document of formats.md §0 (70 code points). */
#define SAMPLE_ROCKET_TEXT "Acme Corp said sales rose 12% in 2023.\nJane Doe \xF0\x9F\x9A\x80 disputed the figure."

static inline GlossAnnotation *
sample_annotation (const char *id,
                   const char *label,
                   guint       start,
                   guint       end)
{
  GlossAnnotation *a = gloss_annotation_new (label, start, end);

  gloss_annotation_set_id (a, id);
  gloss_annotation_set_author (a, "ana");
  gloss_annotation_set_created (a, "2026-01-02T03:04:05Z");
  gloss_annotation_set_modified (a, "2026-01-02T03:04:05.250Z");

  return a;
}

static inline GlossRelation *
sample_relation (const char *id,
                 const char *type,
                 const char *from,
                 const char *to,
                 const char *note)
{
  GlossRelation *r = gloss_relation_new (type, from, to);

  gloss_relation_set_id (r, id);
  gloss_relation_set_note (r, note);

  return r;
}

static inline GlossLabelSet *
sample_labels (void)
{
  GlossLabelSet *labels = gloss_label_set_new ();
  g_autoptr(GlossLabel) org = gloss_label_new ("ORG", GLOSS_LABEL_KIND_ENTITY, "#3584e4", "o");
  g_autoptr(GlossLabel) person = gloss_label_new ("PERSON", GLOSS_LABEL_KIND_ENTITY, "#e66100", "p");
  g_autoptr(GlossLabel) claim = gloss_label_new ("CLAIM", GLOSS_LABEL_KIND_CLAIM, "#f6d32d", "c");
  g_autoptr(GlossLabel) mark = gloss_label_new ("Wichtig \"!\"", GLOSS_LABEL_KIND_HIGHLIGHT, "#33d17a", "");

  g_assert_true (gloss_label_set_append (labels, org, NULL));
  g_assert_true (gloss_label_set_append (labels, person, NULL));
  g_assert_true (gloss_label_set_append (labels, claim, NULL));
  g_assert_true (gloss_label_set_append (labels, mark, NULL));

  return labels;
}

/* The rocket document with overlapping and nested spans, a span crossing
 * the line break, attributes of every type and relations. */
static inline GlossDocument *
sample_rocket_document (void)
{
  GlossDocument *doc = gloss_document_new (SAMPLE_ROCKET_TEXT, -1);
  g_autoptr(GlossLabelSet) labels = sample_labels ();
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  GlossAnnotation *a;

  gloss_document_set_title (doc, "Sales \"up\"\tagain");
  gloss_document_set_byline (doc, "Jane Doe");
  gloss_document_set_published (doc, "2026-01-01");
  gloss_document_set_source (doc, "https://example.org/a?b=1&c=2");
  gloss_document_set_language (doc, "en");
  gloss_document_set_metadata (doc, "site_name", "Example \xe2\x80\x94 News");
  gloss_document_set_labels (doc, labels);

  g_ptr_array_add (annotations, sample_annotation ("a1", "ORG", 0, 9));
  a = sample_annotation ("a2", "CLAIM", 15, 37);
  gloss_annotation_set_note (a, "check the \"annual\" report\nline two \\ \x01 end");
  gloss_annotation_set_attribute (a, "verdict", g_variant_new_string ("false"));
  gloss_annotation_set_attribute (a, "confidence", g_variant_new_double (0.1));
  gloss_annotation_set_attribute (a, "whole", g_variant_new_double (3.0));
  gloss_annotation_set_attribute (a, "tiny", g_variant_new_double (1e-300));
  gloss_annotation_set_attribute (a, "checked", g_variant_new_boolean (TRUE));
  gloss_annotation_set_attribute (a, "retracted", g_variant_new_boolean (FALSE));
  gloss_annotation_set_attribute (a, "sources", g_variant_new_int64 (-2));
  gloss_annotation_set_attribute (a, "max", g_variant_new_int64 (G_GINT64_CONSTANT (9007199254740992)));
  gloss_annotation_set_attribute (a, "claimant", g_variant_new_string ("Acme \xf0\x9f\x9a\x80 \xe2\x80\xa8"));
  g_ptr_array_add (annotations, a);
  g_ptr_array_add (annotations, sample_annotation ("a3", "CLAIM", 26, 37));  /* nested */
  g_ptr_array_add (annotations, sample_annotation ("a4", "Wichtig \"!\"", 33, 43));  /* crosses \n */
  g_ptr_array_add (annotations, sample_annotation ("a5", "PERSON", 39, 47));
  g_ptr_array_add (annotations, sample_annotation ("a6", "ORG", 48, 49));  /* 🚀 */
  g_ptr_array_add (annotations, sample_annotation ("a7", "CLAIM", 44, 58));  /* overlaps a5 */
  g_ptr_array_add (annotations, sample_annotation ("a8", "ORG", 0, 9));  /* same span as a1 */
  gloss_annotation_set_author (annotations->pdata[7], "bo\xc3\xab");

  g_ptr_array_add (relations, sample_relation ("r1", "claimant", "a2", "a1", "said by"));
  g_ptr_array_add (relations, sample_relation ("r2", "evidence", "a7", "a6", NULL));
  gloss_document_load_content (doc, annotations, relations);

  return doc;
}

/* Combining marks, several paragraphs, non-Latin scripts. */
static inline GlossDocument *
sample_combining_document (void)
{
  static const char text[] =
    "Cafe\xcc\x81 cre\xcc\x80me bru\xcc\x82le\xcc\x81" "e.\n\n"
    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xe6\x9d\xb1\xe4\xba\xac \xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9\n\n"
    "\xf0\x9f\x91\xa8\xf0\x9f\x8f\xbb\xe2\x80\x8d\xf0\x9f\x9a\x92 firemen drive firetrucks";
  GlossDocument *doc = gloss_document_new (text, -1);
  g_autoptr(GlossLabelSet) labels = sample_labels ();
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);

  gloss_document_set_labels (doc, labels);
  g_ptr_array_add (annotations, sample_annotation ("c1", "ORG", 0, 5));       /* Café (e + U+0301) */
  g_ptr_array_add (annotations, sample_annotation ("c2", "PERSON", 3, 4));    /* just the e */
  g_ptr_array_add (annotations, sample_annotation ("c3", "CLAIM", 10, 30));   /* crosses the paragraph break */
  g_ptr_array_add (annotations, sample_annotation ("c4", "ORG", 43, 47));     /* the firefighter emoji sequence */
  gloss_document_load_content (doc, annotations, NULL);

  return doc;
}

static inline GlossDocument *
sample_empty_document (void)
{
  GlossDocument *doc = gloss_document_new ("", 0);
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();

  gloss_document_set_labels (doc, labels);

  return doc;
}
