/* gloss-export-conll.c: CoNLL-2003 (IOB2 or BIOES) and spaCy-style JSON
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules: formats.md §4.
 *
 * Tokenizer (documented in docs/formats.md): the text is cut at Unicode
 * white space; from each piece, the punctuation characters at its start
 * and end ( . , ; : ! ? … quotes, brackets and every Unicode open/close/
 * initial/final punctuation) are split off one by one as their own tokens;
 * what is left in the middle is one token ("12%", "U.S", "café", "🚀").
 * Every newline ends a sentence (a blank line in the output).
 *
 * Overlap policy: one tag column holds one layer. Candidates are taken
 * longest first (then leftmost); one that overlaps an already taken span
 * is dropped and reported. A span whose ends are not token boundaries is
 * dropped and reported, never shifted. A span crossing a sentence break
 * gets a new B- in each sentence, and that is reported. */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-export-private.h"

typedef struct
{
  guint start;
  guint end;
  guint sentence;
} Token;

static gboolean
is_edge_punct (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
      return TRUE;
    default:
      break;
    }
  if (c > 0 && c < 128)
    return strchr (".,;:!?\"'", (int) c) != NULL;
  return c == 0x2026;
}

static GArray *
tokenize (const char *text,
          guint       length)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, NULL);
  guint sentence = 0;
  gboolean sentence_has_tokens = FALSE;
  guint i = 0;

  while (i < length)
    {
      guint rs, re, l, r;

      if (chars[i] == '\n')
        {
          if (sentence_has_tokens)
            sentence++;
          sentence_has_tokens = FALSE;
          i++;
          continue;
        }
      if (g_unichar_isspace (chars[i]))
        {
          i++;
          continue;
        }
      rs = i;
      while (i < length && !g_unichar_isspace (chars[i]))
        i++;
      re = i;
      l = rs;
      while (l < re && is_edge_punct (chars[l]))
        {
          Token t = { l, l + 1, sentence };
          g_array_append_val (tokens, t);
          l++;
        }
      r = re;
      while (r > l && is_edge_punct (chars[r - 1]))
        r--;
      if (l < r)
        {
          Token t = { l, r, sentence };
          g_array_append_val (tokens, t);
        }
      for (guint k = r; k < re; k++)
        {
          Token t = { k, k + 1, sentence };
          g_array_append_val (tokens, t);
        }
      sentence_has_tokens = TRUE;
    }

  return tokens;
}

static gboolean
in_layer (GlossDocument   *document,
          GlossAnnotation *a,
          const char      *layer)
{
  GlossLabelKind kind = gloss_export_label_kind (document, gloss_annotation_get_label (a));

  if (g_str_equal (layer, "all"))
    return TRUE;
  if (g_str_equal (layer, "entities"))
    return kind == GLOSS_LABEL_KIND_ENTITY;
  if (g_str_equal (layer, "claims"))
    return kind == GLOSS_LABEL_KIND_CLAIM;
  return kind == GLOSS_LABEL_KIND_HIGHLIGHT;
}

static int
longest_first (gconstpointer pa,
               gconstpointer pb)
{
  GlossAnnotation *a = *(GlossAnnotation **) pa;
  GlossAnnotation *b = *(GlossAnnotation **) pb;
  guint la = gloss_annotation_get_end (a) - gloss_annotation_get_start (a);
  guint lb = gloss_annotation_get_end (b) - gloss_annotation_get_start (b);

  if (la != lb)
    return la > lb ? -1 : 1;
  return gloss_annotation_compare (a, b);
}

/* Picks the non-overlapping annotations of @layer, longest first, and
 * (if @tokens) only those on token boundaries. Returns them in text order. */
static GPtrArray *
select_layer (GlossDocument     *document,
              const char        *layer,
              GArray            *tokens,
              GlossExportResult *result)
{
  g_autoptr(GPtrArray) all = gloss_export_annotations (document);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);
  guint length = gloss_document_get_length (document);
  g_autofree guint8 *taken = g_new0 (guint8, length + 1);
  g_autofree guint8 *starts = NULL;
  g_autofree guint8 *ends = NULL;
  guint other = 0;

  if (tokens != NULL)
    {
      starts = g_new0 (guint8, length + 1);
      ends = g_new0 (guint8, length + 1);
      for (guint i = 0; i < tokens->len; i++)
        {
          starts[g_array_index (tokens, Token, i).start] = 1;
          ends[g_array_index (tokens, Token, i).end] = 1;
        }
    }

  for (guint i = 0; i < all->len; i++)
    if (in_layer (document, all->pdata[i], layer))
      g_ptr_array_add (candidates, g_object_ref (all->pdata[i]));
    else
      other++;
  if (other > 0)
    gloss_export_result_add_loss (result, g_dngettext (GETTEXT_PACKAGE,
                                  "%u annotation is not in the exported layer (%s).",
                                  "%u annotations are not in the exported layer (%s).", other),
                                  other, layer);

  g_ptr_array_sort (candidates, longest_first);
  for (guint i = 0; i < candidates->len; i++)
    {
      GlossAnnotation *a = candidates->pdata[i];
      guint s = gloss_annotation_get_start (a), e = gloss_annotation_get_end (a);
      gboolean clash = FALSE;

      if (tokens != NULL && (!starts[s] || !ends[e]))
        {
          gloss_export_result_add_loss (result, _("%s “%s” (%u–%u) does not start and end on token boundaries; dropped, not shifted."),
                                        gloss_annotation_get_label (a), gloss_annotation_get_quote (a), s, e);
          continue;
        }
      for (guint k = s; k < e && !clash; k++)
        clash = taken[k];
      if (clash)
        {
          gloss_export_result_add_loss (result, _("%s “%s” (%u–%u) overlaps a longer span; dropped (the outermost is kept)."),
                                        gloss_annotation_get_label (a), gloss_annotation_get_quote (a), s, e);
          continue;
        }
      memset (taken + s, 1, e - s);
      g_ptr_array_add (chosen, g_object_ref (a));
    }

  return chosen;
}

static int
text_order (gconstpointer pa,
            gconstpointer pb)
{
  return gloss_annotation_compare (*(GlossAnnotation **) pa, *(GlossAnnotation **) pb);
}

static char *
tag_label (const char        *label,
           GlossExportResult *result,
           GHashTable        *reported)
{
  char *copy = g_strdup (label);

  g_strdelimit (copy, " \t\n", '_');
  if (!g_str_equal (copy, label) && g_hash_table_add (reported, g_strdup (label)))
    gloss_export_result_add_loss (result, _("Label “%s” is written as “%s” (tags cannot hold spaces)."), label, copy);
  return copy;
}

static gboolean
conll_export (GlossDocument      *document,
              GHashTable         *options,
              GlossExportResult  *result,
              GError            **error)
{
  const char *text = gloss_document_get_text (document);
  guint length = gloss_document_get_length (document);
  const char *layer = gloss_format_option_get (&gloss_format_conll, options, "layer");
  gboolean bioes = g_str_equal (gloss_format_option_get (&gloss_format_conll, options, "scheme"), "bioes");
  g_autoptr(GArray) tokens = tokenize (text, length);
  g_autoptr(GPtrArray) chosen = select_layer (document, layer, tokens, result);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_full (tokens->len, g_free);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *token_at = g_new (guint, length + 1);
  g_autoptr(GString) out = g_string_new ("-DOCSTART- -X- -X- O\n");
  g_autoptr(GBytes) bytes = NULL;
  GlossTextIndex *index = gloss_document_get_index (document);
  const char *cursor = text;

  g_ptr_array_sort (chosen, text_order);
  for (guint i = 0; i <= length; i++)
    token_at[i] = G_MAXUINT;
  for (guint i = 0; i < tokens->len; i++)
    {
      token_at[g_array_index (tokens, Token, i).start] = i;
      g_ptr_array_add (tags, NULL);
    }

  for (guint c = 0; c < chosen->len; c++)
    {
      GlossAnnotation *a = chosen->pdata[c];
      guint first = token_at[gloss_annotation_get_start (a)];
      g_autofree char *label = tag_label (gloss_annotation_get_label (a), result, reported);
      guint last = first;

      while (last + 1 < tokens->len &&
             g_array_index (tokens, Token, last + 1).end <= gloss_annotation_get_end (a))
        last++;

      if (g_array_index (tokens, Token, first).sentence != g_array_index (tokens, Token, last).sentence)
        gloss_export_result_add_loss (result, _("%s “%s” crosses a sentence break; it is written as one run per sentence."),
                                      gloss_annotation_get_label (a), gloss_annotation_get_quote (a));

      for (guint t = first; t <= last; t++)
        {
          gboolean begins = t == first || g_array_index (tokens, Token, t - 1).sentence != g_array_index (tokens, Token, t).sentence;
          gboolean ends = t == last || g_array_index (tokens, Token, t + 1).sentence != g_array_index (tokens, Token, t).sentence;
          const char *prefix;

          if (!bioes)
            prefix = begins ? "B" : "I";
          else if (begins && ends)
            prefix = "S";
          else if (begins)
            prefix = "B";
          else if (ends)
            prefix = "E";
          else
            prefix = "I";
          g_free (tags->pdata[t]);
          tags->pdata[t] = g_strdup_printf ("%s-%s", prefix, label);
        }
    }

  /* Tokens are in text order: walk on from the previous one */
  for (guint t = 0, cursor_offset = 0; t < tokens->len; t++)
    {
      Token *tok = &g_array_index (tokens, Token, t);
      const char *from, *to;

      if (tok->start < cursor_offset)
        {
          cursor = text + gloss_text_index_offset_to_byte (index, tok->start);
          cursor_offset = tok->start;
        }
      from = g_utf8_offset_to_pointer (cursor, tok->start - cursor_offset);
      to = g_utf8_offset_to_pointer (from, tok->end - tok->start);
      cursor = to;
      cursor_offset = tok->end;

      if (t == 0 || g_array_index (tokens, Token, t - 1).sentence != tok->sentence)
        g_string_append_c (out, '\n');
      g_string_append_len (out, from, to - from);
      g_string_append (out, " _ _ ");
      g_string_append (out, tags->pdata[t] ? (char *) tags->pdata[t] : "O");
      g_string_append_c (out, '\n');
    }

  gloss_export_result_add_loss (result, _("Notes, attributes, relations, ids, authors and times are not kept (CoNLL holds tokens and tags only)."));
  gloss_export_metadata_losses (document, result, NULL);
  bytes = g_bytes_new (out->str, out->len);
  gloss_export_result_add_file (result, ".conll", bytes);
  return TRUE;
}

static gboolean
spacy_export (GlossDocument      *document,
              GHashTable         *options,
              GlossExportResult  *result,
              GError            **error)
{
  g_autoptr(GPtrArray) ents = select_layer (document, "entities", NULL, result);
  g_autoptr(GPtrArray) all = gloss_export_annotations (document);
  GlossJsonWriter *b = gloss_json_writer_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_sort (ents, text_order);
  gloss_json_writer_begin_object (b);
  gloss_json_writer_set_member_name (b, "text");
  gloss_json_writer_add_string_value (b, gloss_document_get_text (document));
  gloss_json_writer_set_member_name (b, "ents");
  gloss_json_writer_begin_array (b);
  for (guint i = 0; i < ents->len; i++)
    {
      gloss_json_writer_begin_object (b);
      gloss_json_writer_set_member_name (b, "start");
      gloss_json_writer_add_int_value (b, gloss_annotation_get_start (ents->pdata[i]));
      gloss_json_writer_set_member_name (b, "end");
      gloss_json_writer_add_int_value (b, gloss_annotation_get_end (ents->pdata[i]));
      gloss_json_writer_set_member_name (b, "label");
      gloss_json_writer_add_string_value (b, gloss_annotation_get_label (ents->pdata[i]));
      gloss_json_writer_end_object (b);
    }
  gloss_json_writer_end_array (b);
  gloss_json_writer_set_member_name (b, "spans");
  gloss_json_writer_begin_object (b);
  gloss_json_writer_set_member_name (b, "sc");
  gloss_json_writer_begin_array (b);
  for (guint i = 0; i < all->len; i++)
    {
      gloss_json_writer_begin_object (b);
      gloss_json_writer_set_member_name (b, "start");
      gloss_json_writer_add_int_value (b, gloss_annotation_get_start (all->pdata[i]));
      gloss_json_writer_set_member_name (b, "end");
      gloss_json_writer_add_int_value (b, gloss_annotation_get_end (all->pdata[i]));
      gloss_json_writer_set_member_name (b, "label");
      gloss_json_writer_add_string_value (b, gloss_annotation_get_label (all->pdata[i]));
      gloss_json_writer_end_object (b);
    }
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_object (b);

  gloss_export_result_add_loss (result, _("\"ents\" holds only non-overlapping entities; every annotation is in \"spans\".\"sc\"."));
  gloss_export_result_add_loss (result, _("Notes, attributes, relations, ids, authors and times are not kept."));
  gloss_export_metadata_losses (document, result, NULL);
  bytes = gloss_json_writer_finish (b);
  gloss_export_result_add_file (result, ".spacy.json", bytes);
  return TRUE;
}

const GlossFormatInfo gloss_format_conll = {
  .id = "conll",
  .name = N_("CoNLL-2003 (IOB2/BIOES)"),
  .description = N_("One token per line with its tag, for training sequence taggers"),
  .extension = "conll",
  .media_type = "text/plain",
  .offset_unit = N_("tokens (no offsets)"),
  .keeps = N_("tokens and the labels of one layer of non-overlapping spans on token boundaries"),
  .loses = N_("overlapping and nested spans (the longest is kept), spans not on token boundaries, other layers, notes, attributes, relations"),
  .options = (const GlossFormatOption[]) {
    { "scheme", GLOSS_FORMAT_OPTION_CHOICE, N_("Tagging scheme"), "iob2", "iob2|bioes" },
    { "layer", GLOSS_FORMAT_OPTION_CHOICE, N_("Annotations to tag"), "entities", "entities|claims|highlights|all" },
    { NULL }
  },
  .export_func = conll_export,
};

const GlossFormatInfo gloss_format_spacy = {
  .id = "spacy",
  .name = N_("spaCy JSON"),
  .description = N_("The text with character spans (\"ents\" and \"spans\"), as spaCy's Doc.char_span takes them"),
  .extension = "json",
  .media_type = "application/json",
  .offset_unit = N_("code points (Python str indices)"),
  .keeps = N_("text, spans and labels"),
  .loses = N_("overlapping entities in \"ents\" (all are in \"spans\"), notes, attributes, relations, metadata"),
  .options = (const GlossFormatOption[]) { { NULL } },
  .export_func = spacy_export,
};
