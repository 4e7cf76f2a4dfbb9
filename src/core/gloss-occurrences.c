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

static gboolean
is_latin_or_greek (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_GREEK;
}

/* Lower-case Latin or Greek letter → the precomposed letters that are it
 * with accents, in either case ("e" → "éèêëÉÈÊË…"). */
static GHashTable *
accented_letters (void)
{
  static GHashTable *table;
  static const gunichar ranges[][2] = {
    { 0x00C0, 0x024F },  /* Latin-1 Supplement, Latin Extended-A and -B */
    { 0x0370, 0x03FF },  /* Greek */
    { 0x1E00, 0x1FFF },  /* Latin Extended Additional, Greek Extended */
  };

  if (g_once_init_enter (&table))
    {
      /* Kept for the life of the process. */
      GHashTable *letters = g_hash_table_new (NULL, NULL);

      for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
        for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
          {
            gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
            gsize n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
            gboolean marks_only = n > 1 && is_latin_or_greek (parts[0]);
            gpointer base;
            GString *variants;

            for (gsize k = 1; k < n && marks_only; k++)
              marks_only = g_unichar_type (parts[k]) == G_UNICODE_NON_SPACING_MARK;
            if (!marks_only)
              continue;

            base = GUINT_TO_POINTER (g_unichar_tolower (parts[0]));
            if ((variants = g_hash_table_lookup (letters, base)) == NULL)
              g_hash_table_insert (letters, base, variants = g_string_new (NULL));
            g_string_append_unichar (variants, c);
          }
      g_once_init_leave (&table, letters);
    }

  return table;
}

/* A Latin or Greek letter, with or without accents: its base letter,
 * or 0 for any other character. */
static gunichar
latin_or_greek_base (gunichar c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));

  if (!g_unichar_isalpha (parts[0]) || !is_latin_or_greek (parts[0]))
    return 0;
  for (gsize k = 1; k < n; k++)
    if (g_unichar_type (parts[k]) != G_UNICODE_NON_SPACING_MARK)
      return 0;

  return parts[0];
}

static gboolean
is_sharp_s (gunichar c)
{
  return c == 0x00DF || c == 0x1E9E;  /* ß, ẞ */
}

/* A class of lower-case @base and its accented forms, in either case,
 * then any combining marks. */
static void
append_letter_class (GString    *pattern,
                     GHashTable *letters,
                     gunichar    base)
{
  GString *variants = g_hash_table_lookup (letters, GUINT_TO_POINTER (base));

  g_string_append_c (pattern, '[');
  g_string_append_unichar (pattern, base);
  g_string_append_unichar (pattern, g_unichar_toupper (base));
  if (variants != NULL)
    g_string_append_len (pattern, variants->str, variants->len);
  g_string_append (pattern, "]\\p{Mn}*");
}

/* ß, ẞ or "ss" (with accents, as any letter class). */
static void
append_sharp_s (GString    *pattern,
                GHashTable *letters)
{
  g_string_append (pattern, "(?:ß|ẞ|");
  append_letter_class (pattern, letters, 's');
  append_letter_class (pattern, letters, 's');
  g_string_append_c (pattern, ')');
}

/* A pattern that finds @needle whatever the accents on its Latin and
 * Greek letters: each becomes a class of its base letter and that
 * letter's accented forms, in either case, then any combining marks
 * (text in decomposed form); ß and "ss" each find both. Every other
 * character stays as typed, composed: й is not и, and Korean syllables
 * must match whole. */
static char *
accent_pattern (const char *needle)
{
  g_autofree char *composed = g_utf8_normalize (needle, -1, G_NORMALIZE_NFC);
  GHashTable *letters = accented_letters ();
  GString *pattern = g_string_new (NULL);
  gboolean after_letter = FALSE;

  if (composed == NULL)
    composed = g_strdup (needle);

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar base;
      const char *next;
      char buf[8];
      int len;

      /* A mark the needle puts on a letter: the class matches any. */
      if (after_letter && g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      base = latin_or_greek_base (c);
      after_letter = base != 0;
      if (!after_letter)
        {
          g_autofree char *escaped = NULL;

          len = g_unichar_to_utf8 (c, buf);
          escaped = g_regex_escape_string (buf, len);
          g_string_append (pattern, escaped);
          continue;
        }

      /* ß is "ss" (the sidebar's search folds it so): each finds both. */
      if (is_sharp_s (c))
        {
          append_sharp_s (pattern, letters);
          after_letter = FALSE;
          continue;
        }
      base = g_unichar_tolower (base);
      next = g_utf8_next_char (p);
      if (base == 's' && *next != '\0' && g_unichar_tolower (latin_or_greek_base (g_utf8_get_char (next))) == 's')
        {
          append_sharp_s (pattern, letters);
          p = next;
          continue;
        }
      append_letter_class (pattern, letters, base);
    }

  return g_string_free (pattern, FALSE);
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

  if (flags & GLOSS_SEARCH_REGEX)
    pattern = g_strdup (needle);
  else if ((flags & GLOSS_SEARCH_IGNORE_ACCENTS) && !(flags & GLOSS_SEARCH_MATCH_CASE))
    pattern = accent_pattern (needle);
  else
    pattern = g_regex_escape_string (needle, -1);
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
