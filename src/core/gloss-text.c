/* gloss-text.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-text.h"

#define CHECKPOINT_SHIFT 8
#define CHECKPOINT_SPAN  (1u << CHECKPOINT_SHIFT)

struct _GlossTextIndex
{
  gatomicrefcount  ref_count;
  char            *text;
  gsize            n_bytes;
  guint            length;
  guint            n_checkpoints;
  /* Byte offset and number of astral (non-BMP) characters before the
   * code point checkpoint * CHECKPOINT_SPAN. */
  gsize           *byte_at;
  guint           *astral_before;
};

G_DEFINE_BOXED_TYPE (GlossTextIndex, gloss_text_index,
                     gloss_text_index_ref, gloss_text_index_unref)

/**
 * gloss_text_index_new:
 * @text: valid UTF-8
 * @len: length in bytes, or -1 if nul-terminated
 *
 * Copies @text and builds the offset index in one pass.
 */
GlossTextIndex *
gloss_text_index_new (const char *text,
                      gssize      len)
{
  GlossTextIndex *self;
  const char *p;
  const char *end;
  guint offset = 0;
  guint astral = 0;
  guint alloc;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  self = g_new0 (GlossTextIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strndup (text, len);
  self->n_bytes = len;

  alloc = 16;
  self->byte_at = g_new (gsize, alloc);
  self->astral_before = g_new (guint, alloc);

  p = self->text;
  end = self->text + len;
  while (TRUE)
    {
      if ((offset & (CHECKPOINT_SPAN - 1)) == 0)
        {
          if (self->n_checkpoints == alloc)
            {
              alloc *= 2;
              self->byte_at = g_renew (gsize, self->byte_at, alloc);
              self->astral_before = g_renew (guint, self->astral_before, alloc);
            }
          self->byte_at[self->n_checkpoints] = p - self->text;
          self->astral_before[self->n_checkpoints] = astral;
          self->n_checkpoints++;
        }

      if (p >= end)
        break;

      if ((guchar) *p >= 0xF0)
        astral++;
      p = g_utf8_next_char (p);
      offset++;
    }

  self->length = offset;

  return self;
}

GlossTextIndex *
gloss_text_index_ref (GlossTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gloss_text_index_unref (GlossTextIndex *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_free (self->byte_at);
      g_free (self->astral_before);
      g_free (self);
    }
}

const char *
gloss_text_index_get_text (const GlossTextIndex *self)
{
  return self->text;
}

gsize
gloss_text_index_get_n_bytes (const GlossTextIndex *self)
{
  return self->n_bytes;
}

guint
gloss_text_index_get_length (const GlossTextIndex *self)
{
  return self->length;
}

gsize
gloss_text_index_offset_to_byte (const GlossTextIndex *self,
                                 guint                 offset)
{
  const char *p;
  guint n;

  if (offset >= self->length)
    return self->n_bytes;

  p = self->text + self->byte_at[offset >> CHECKPOINT_SHIFT];
  for (n = offset & (CHECKPOINT_SPAN - 1); n > 0; n--)
    p = g_utf8_next_char (p);

  return p - self->text;
}

guint
gloss_text_index_byte_to_offset (const GlossTextIndex *self,
                                 gsize                 byte)
{
  guint lo = 0;
  guint hi;
  guint offset;
  const char *p;
  const char *target;

  if (byte >= self->n_bytes)
    return self->length;

  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->byte_at[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }

  offset = lo << CHECKPOINT_SHIFT;
  p = self->text + self->byte_at[lo];
  target = self->text + byte;
  while (p < target)
    {
      const char *next = g_utf8_next_char (p);

      if (next > target)
        break;
      p = next;
      offset++;
    }

  return offset;
}

guint
gloss_text_index_offset_to_utf16 (const GlossTextIndex *self,
                                  guint                 offset)
{
  guint cp;
  guint units;
  const char *p;
  guint n;

  if (offset > self->length)
    offset = self->length;

  cp = offset >> CHECKPOINT_SHIFT;
  if (cp >= self->n_checkpoints)
    cp = self->n_checkpoints - 1;

  units = (cp << CHECKPOINT_SHIFT) + self->astral_before[cp];
  p = self->text + self->byte_at[cp];
  for (n = offset - (cp << CHECKPOINT_SHIFT); n > 0; n--)
    {
      units += ((guchar) *p >= 0xF0) ? 2 : 1;
      p = g_utf8_next_char (p);
    }

  return units;
}

/**
 * gloss_text_index_utf16_to_offset:
 *
 * Returns: %FALSE if @utf16 is past the end or falls between the two
 *   halves of a surrogate pair.
 */
gboolean
gloss_text_index_utf16_to_offset (const GlossTextIndex *self,
                                  guint                 utf16,
                                  guint                *offset)
{
  guint lo = 0;
  guint hi = self->n_checkpoints;
  guint units;
  guint cp_offset;
  const char *p;
  const char *end = self->text + self->n_bytes;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if ((mid << CHECKPOINT_SHIFT) + self->astral_before[mid] <= utf16)
        lo = mid;
      else
        hi = mid;
    }

  cp_offset = lo << CHECKPOINT_SHIFT;
  units = cp_offset + self->astral_before[lo];
  p = self->text + self->byte_at[lo];

  while (units < utf16 && p < end)
    {
      units += ((guchar) *p >= 0xF0) ? 2 : 1;
      p = g_utf8_next_char (p);
      cp_offset++;
    }

  if (units != utf16)
    return FALSE;

  if (offset != NULL)
    *offset = cp_offset;

  return TRUE;
}

char *
gloss_text_index_slice (const GlossTextIndex *self,
                        guint                 start,
                        guint                 end)
{
  gsize b0;
  gsize b1;

  if (end > self->length)
    end = self->length;
  if (start > end)
    start = end;

  b0 = gloss_text_index_offset_to_byte (self, start);
  b1 = gloss_text_index_offset_to_byte (self, end);

  return g_strndup (self->text + b0, b1 - b0);
}

gboolean
gloss_text_index_slice_equals (const GlossTextIndex *self,
                               guint                 start,
                               guint                 end,
                               const char           *quote)
{
  gsize b0;
  gsize b1;

  if (start > end || end > self->length || quote == NULL)
    return FALSE;

  b0 = gloss_text_index_offset_to_byte (self, start);
  b1 = gloss_text_index_offset_to_byte (self, end);

  return strlen (quote) == b1 - b0 &&
         memcmp (self->text + b0, quote, b1 - b0) == 0;
}

gunichar
gloss_text_index_get_char (const GlossTextIndex *self,
                           guint                 offset)
{
  if (offset >= self->length)
    return 0;

  return g_utf8_get_char (self->text + gloss_text_index_offset_to_byte (self, offset));
}

static gboolean
is_suspicious_control (guchar c)
{
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b;
}

/**
 * gloss_text_check_bytes:
 *
 * Checks that @data is usable as article text: not empty, not binary and
 * valid UTF-8. The error names the problem and where it is.
 */
gboolean
gloss_text_check_bytes (const char  *data,
                        gsize        len,
                        GError     **error)
{
  const char *invalid = NULL;
  gsize sample;
  gsize controls = 0;
  gsize i;
  gboolean blank = TRUE;

  if (data == NULL || len == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY,
                   _("The file is empty"));
      return FALSE;
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                   _("This is a binary file, not text (it contains NUL bytes)"));
      return FALSE;
    }

  sample = MIN (len, 8192);
  for (i = 0; i < sample; i++)
    if (is_suspicious_control ((guchar) data[i]))
      controls++;
  if (controls * 20 > sample)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                   _("This looks like a binary file, not text (%lu control bytes in the first %lu)"),
                   (gulong) controls, (gulong) sample);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &invalid))
    {
      gsize pos = invalid - data;
      guint line = 1;

      for (i = 0; i < pos; i++)
        if (data[i] == '\n')
          line++;

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8,
                   _("The text is not valid UTF-8: byte 0x%02X at position %lu (line %u) is not part of a UTF-8 character. Convert the file to UTF-8 and open it again."),
                   (guchar) *invalid, (gulong) pos, line);
      return FALSE;
    }

  for (i = 0; i < len && blank; i++)
    if (!g_ascii_isspace (data[i]) && !((guchar) data[i] == 0xEF && i == 0))
      blank = FALSE;
  if (blank || (len == 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY,
                   _("The file contains only white space"));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_text_normalize:
 *
 * Removes a UTF-8 byte order mark and turns CRLF and lone CR line endings
 * into LF. @data must already be valid UTF-8.
 */
char *
gloss_text_normalize (const char *data,
                      gsize       len,
                      gsize      *out_len)
{
  GString *out;
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  out = g_string_sized_new (len - i + 1);
  for (; i < len; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, data[i]);
    }

  if (out_len != NULL)
    *out_len = out->len;

  return g_string_free (out, FALSE);
}

char *
gloss_text_sha256 (const char *text,
                   gssize      len)
{
  if (len < 0)
    len = strlen (text);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, len);
}

/* Appends [@begin, @end) with each run of white space as one space;
 * with @trim, none at the ends of @out. */
static void
append_collapsed (GString    *out,
                  const char *begin,
                  const char *end,
                  gboolean    trim)
{
  gboolean space = FALSE;

  for (const char *p = begin; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && (out->len > 0 || !trim))
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (space && !trim)
    g_string_append_c (out, ' ');
}

/**
 * gloss_text_collapse_space:
 *
 * @text on one line: each run of white space (line breaks included)
 * becomes one space, at the ends too, so that pieces joined stay apart.
 */
char *
gloss_text_collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text != NULL)
    append_collapsed (out, text, text + strlen (text), FALSE);

  return g_string_free (out, FALSE);
}

/**
 * gloss_text_ellipsize:
 *
 * Collapses white space (line breaks included) and shortens @text to about
 * @max_chars characters, keeping its beginning and its end.
 */
char *
gloss_text_ellipsize (const char *text,
                      guint       max_chars)
{
  GString *out = g_string_new (NULL);
  glong len;

  if (text == NULL)
    return g_string_free (out, FALSE);

  len = g_utf8_strlen (text, -1);
  if (len <= (glong) max_chars || max_chars < 8)
    append_collapsed (out, text, text + strlen (text), TRUE);
  else
    {
      guint head = max_chars * 2 / 3;
      guint tail = max_chars - head - 1;
      const char *head_end = g_utf8_offset_to_pointer (text, head);
      const char *tail_begin = g_utf8_offset_to_pointer (text, len - tail);

      append_collapsed (out, text, head_end, TRUE);
      g_string_append (out, "…");
      append_collapsed (out, tail_begin, text + strlen (text), TRUE);
    }

  return g_string_free (out, FALSE);
}

/**
 * gloss_text_fold_for_search:
 * @text: valid UTF-8
 * @len: its length in bytes, or -1 if nul-terminated
 *
 * Folds @text for a search that ignores case and, in Latin and Greek
 * script, accents: "Tomás", "TOMAS" and "tomas" all fold to "tomas",
 * "Ελένη" and "ΕΛΕΝΗ" alike. Marks of other scripts are kept (й is not
 * и, が is not か). Fold the text searched and the text typed the same
 * way and compare with strstr (); the result is for matching only.
 *
 * Returns: (transfer full): the folded text
 */
char *
gloss_text_fold_for_search (const char *text,
                            gssize      len)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GUnicodeScript base = G_UNICODE_SCRIPT_COMMON;
  GString *out;
  gboolean ascii = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);
  for (gssize i = 0; i < len && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  /* Most quotes are plain ASCII, and there lower case is all. */
  if (ascii)
    return g_ascii_strdown (text, len);

  folded = g_utf8_casefold (text, len);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        {
          if (base == G_UNICODE_SCRIPT_LATIN || base == G_UNICODE_SCRIPT_GREEK)
            continue;
        }
      else
        base = g_unichar_get_script (c);
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
