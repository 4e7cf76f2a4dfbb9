/* gloss-occurrences.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-occurrences"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-occurrences.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' ||
         g_unichar_type (c) == G_UNICODE_SPACING_MARK ||
         g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

static gboolean
at_word_boundaries (GlossTextIndex *index,
                    guint           start,
                    guint           end)
{
  if (start > 0 && is_word_char (gloss_text_index_get_char (index, start - 1)) &&
      is_word_char (gloss_text_index_get_char (index, start)))
    return FALSE;

  if (end < gloss_text_index_get_length (index) &&
      is_word_char (gloss_text_index_get_char (index, end - 1)) &&
      is_word_char (gloss_text_index_get_char (index, end)))
    return FALSE;

  return TRUE;
}

#define SPAN_KEY(start, end) (((guint64) (start) << 32) | (end))

/* Every span already tagged with @label, in one pass over the store. */
static GHashTable *
covered_spans (GlossDocument *document,
               const char    *label)
{
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  GHashTable *spans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = gloss_annotation_store_get_n_items (store);

  if (label == NULL)
    return spans;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_store_get (store, i);

      if (g_strcmp0 (gloss_annotation_get_label (a), label) == 0)
        {
          gint64 *key = g_new (gint64, 1);

          *key = SPAN_KEY (gloss_annotation_get_start (a), gloss_annotation_get_end (a));
          g_hash_table_add (spans, key);
        }
    }

  return spans;
}

static gboolean
is_covered (GHashTable *spans,
            guint       start,
            guint       end)
{
  gint64 key = SPAN_KEY (start, end);

  return g_hash_table_contains (spans, &key);
}

/**
 * gloss_find_occurrences:
 * @needle: the text (or, with %GLOSS_SEARCH_REGEX, a PCRE pattern)
 * @label: (nullable): mark matches already tagged with this label as covered
 * @max_matches: stop after this many matches (0: no limit)
 *
 * Finds non-overlapping matches in document order. Without
 * %GLOSS_SEARCH_MATCH_CASE, matching is case-insensitive for every script.
 * Empty matches are skipped. Every match starts out selected unless covered.
 *
 * Returns: (transfer full) (element-type GlossOccurrence): the matches
 */
GArray *
gloss_find_occurrences (GlossDocument     *document,
                        const char        *needle,
                        GlossSearchFlags   flags,
                        const char        *label,
                        guint              max_matches,
                        GError           **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (GlossOccurrence));
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) covered = NULL;
  g_autofree char *pattern = NULL;
  GlossTextIndex *index;
  const char *text;
  GRegexCompileFlags compile = G_REGEX_OPTIMIZE | G_REGEX_MULTILINE;
  GError *local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  if (needle == NULL || *needle == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("Nothing to search for"));
      return NULL;
    }

  if (!(flags & GLOSS_SEARCH_MATCH_CASE))
    compile |= G_REGEX_CASELESS;

  pattern = (flags & GLOSS_SEARCH_REGEX) ? g_strdup (needle) : g_regex_escape_string (needle, -1);
  regex = g_regex_new (pattern, compile, 0, &local_error);
  if (regex == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("The regular expression is not valid: %s"), local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  index = gloss_document_get_index (document);
  text = gloss_text_index_get_text (index);
  covered = covered_spans (document, label);

  g_regex_match_full (regex, text, gloss_text_index_get_n_bytes (index), 0, 0, &match, &local_error);
  while (local_error == NULL && g_match_info_matches (match))
    {
      int b0, b1;

      if (g_match_info_fetch_pos (match, 0, &b0, &b1) && b1 > b0)
        {
          GlossOccurrence occ;

          occ.start = gloss_text_index_byte_to_offset (index, b0);
          occ.end = gloss_text_index_byte_to_offset (index, b1);

          if (occ.end > occ.start &&
              (!(flags & GLOSS_SEARCH_WHOLE_WORD) || at_word_boundaries (index, occ.start, occ.end)))
            {
              occ.covered = is_covered (covered, occ.start, occ.end);
              occ.selected = !occ.covered;
              g_array_append_val (found, occ);

              if (max_matches > 0 && found->len >= max_matches)
                break;
            }
        }

      g_match_info_next (match, &local_error);
    }

  if (local_error != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("The search failed: %s"), local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  return g_steal_pointer (&found);
}

/**
 * gloss_annotate_occurrences:
 * @occurrences: (element-type GlossOccurrence): matches; only the selected
 *   ones are tagged
 * @model: an annotation whose label, note and attributes every new
 *   annotation copies (its span and id are ignored)
 * @n_skipped: (out) (optional): selected matches skipped because an
 *   annotation with the same label already covers them
 *
 * Tags every selected occurrence in one undoable step.
 *
 * Returns: the number of annotations added
 */
guint
gloss_annotate_occurrences (GlossDocument    *document,
                            GArray           *occurrences,
                            GlossAnnotation  *model,
                            guint            *n_skipped,
                            GError          **error)
{
  g_autoptr(GHashTable) covered = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autofree char *description = NULL;
  g_autofree char *now = NULL;
  const char *label;
  guint skipped = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (model), 0);

  label = gloss_annotation_get_label (model);
  if (gloss_label_set_lookup (gloss_document_get_labels (document), label) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no label called “%s”"), label ? label : "");
      return 0;
    }

  covered = covered_spans (document, label);
  batch = g_ptr_array_new_with_free_func (g_object_unref);
  now = gloss_timestamp_now ();

  for (guint i = 0; i < occurrences->len; i++)
    {
      GlossOccurrence *occ = &g_array_index (occurrences, GlossOccurrence, i);
      GlossAnnotation *a;
      g_autofree char *id = NULL;

      if (!occ->selected)
        continue;

      if (is_covered (covered, occ->start, occ->end))
        {
          skipped++;
          continue;
        }

      a = gloss_annotation_copy (model);
      id = gloss_uuid_new ();
      gloss_annotation_set_id (a, id);
      gloss_annotation_set_span (a, occ->start, occ->end);
      gloss_annotation_set_author (a, gloss_document_get_author (document));
      gloss_annotation_set_created (a, now);
      gloss_annotation_set_modified (a, now);
      gloss_document_apply_attribute_defaults (document, a);
      g_ptr_array_add (batch, a);
    }

  if (n_skipped != NULL)
    *n_skipped = skipped;

  if (batch->len == 0)
    return 0;

  /* Translators: %s is a label name */
  description = g_strdup_printf (_("Tag All as %s"), label);
  gloss_document_begin_edit (document, description);
  if (!gloss_document_add_annotations (document, batch, error))
    {
      gloss_document_end_edit (document);
      return 0;
    }
  gloss_document_end_edit (document);

  return batch->len;
}
