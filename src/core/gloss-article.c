/* gloss-article.c: articles from plain text
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-article"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-article.h"
#include "gloss-error.h"

/* How far down the header may reach, in non-empty lines. */
#define HEADER_MAX_LINES   10
#define TITLE_MAX_CHARS    200
#define TITLE_MAX_WORDS    30
#define BYLINE_MAX_CHARS   120
#define BYLINE_MAX_WORDS   14

typedef enum
{
  LINE_BLANK,
  LINE_BODY,
  LINE_RULE,        /* "=====" or "-----" under a title */
  LINE_BYLINE,      /* "By Jane Doe", "Author: Reuters", "Jane Doe, Reuters" */
  LINE_BARE_NAME,   /* "Jane Doe": a byline only next to a date */
  LINE_DATE,        /* "29 November 2026", "Updated: …" */
  LINE_BYLINE_DATE, /* "By Jane Doe | 29 Nov 2026" */
} LineKind;

typedef struct
{
  const char *start;   /* into the normalised text, not NUL-terminated */
  gsize       len;
  LineKind    kind;
  char       *byline;
  char       *date;    /* as written, without "Published:" */
  char       *date_iso;
  gboolean    updated; /* "Updated …": not the publication date */
  gboolean    bare;    /* a byline without "By": "Jane Doe, Reuters" */
} Line;

static void
line_clear (Line *line)
{
  g_clear_pointer (&line->byline, g_free);
  g_clear_pointer (&line->date, g_free);
  g_clear_pointer (&line->date_iso, g_free);
}

/* ---- dates ------------------------------------------------------------ */

#define RE_WEEKDAY \
  "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|" \
  "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\\.?,?\\s+)?"

#define RE_MONTH \
  "(?:january|february|march|april|may|june|july|august|september|october|" \
  "november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"

#define RE_ORDINAL "(?:st|nd|rd|th)?"

#define RE_DATE \
  RE_WEEKDAY \
  "(?:(?<d1>\\d{1,2})" RE_ORDINAL "\\.?\\s+(?:of\\s+)?(?<m1>" RE_MONTH ")\\.?,?\\s+(?<y1>\\d{4})" \
  "|(?<m2>" RE_MONTH ")\\.?\\s+(?<d2>\\d{1,2})" RE_ORDINAL ",?\\s+(?<y2>\\d{4})" \
  "|(?<y3>\\d{4})-(?<mo3>\\d{1,2})-(?<d3>\\d{1,2})" \
  "|(?<d4>\\d{1,2})\\.(?<mo4>\\d{1,2})\\.(?<y4>\\d{4})" \
  "|(?<a5>\\d{1,2})/(?<b5>\\d{1,2})/(?<y5>\\d{4}))"

#define RE_ZONE \
  "(?:z|utc|gmt|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|bst|cet|cest|eet|eest|" \
  "wet|west|ist|jst|kst|aest|aedt|msk|hkt|sgt|wat|eat|cat|" \
  "(?:utc|gmt)?[+-]\\d{1,2}(?::?\\d{2})?)"

#define RE_TIME \
  "(?:(?:t|\\s*,?\\s*(?:at\\s+)?|\\s*[|·•]\\s*|\\s+[-–—]\\s+)" \
  "\\d{1,2}[:.]\\d{2}(?::\\d{2}(?:\\.\\d+)?)?" \
  "(?:\\s*[ap]\\.?\\s?m\\.?)?" \
  "(?:\\s*\\(?" RE_ZONE "\\)?)?)?"

#define RE_DATE_KEY \
  "(?:(?<key>published|posted|dated|date|last\\s+updated|updated|last\\s+modified|" \
  "modified|first\\s+published|released|filed)(?:\\s+on)?\\s*:?\\s*)?"

static GRegex *
date_line_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *re = g_regex_new ("^" RE_DATE_KEY "(?<date>" RE_DATE RE_TIME ")\\s*$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (re != NULL);
      g_once_init_leave (&regex, re);
    }

  return regex;
}

/* A byline and a date on one line, the date last and not set apart by a
 * separator: "By Jane Doe, 29 Nov 2026", "By Jane Doe on Nov. 29, 2026". */
static GRegex *
trailing_date_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *re = g_regex_new ("(?:,|;|\\s+on|\\s+(?<key>published|updated))\\s*:?\\s*"
                                "(?<date>" RE_DATE RE_TIME ")\\s*$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (re != NULL);
      g_once_init_leave (&regex, re);
    }

  return regex;
}

/* A date, then the byline: "Posted on November 29, 2026 by Jane Doe". */
static GRegex *
leading_date_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *re = g_regex_new ("^" RE_DATE_KEY "(?<date>" RE_DATE RE_TIME ")"
                                "\\s*[,|·•–—-]?\\s*(?<by>by\\s.+)$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (re != NULL);
      g_once_init_leave (&regex, re);
    }

  return regex;
}

static int
month_number (const char *name)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;

  return 0;
}

static char *
fetch (GMatchInfo *info,
       const char *name)
{
  char *value = g_match_info_fetch_named (info, name);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/* The ISO 8601 date (YYYY-MM-DD) of a matched RE_DATE, or NULL when the
 * date does not exist or is ambiguous (03/04/2026). */
static char *
iso_from_match (GMatchInfo *info)
{
  g_autofree char *d = NULL;
  g_autofree char *m = NULL;
  g_autofree char *y = NULL;
  int day = 0, month = 0, year = 0;

  if ((d = fetch (info, "d1")) != NULL)
    {
      m = fetch (info, "m1");
      y = fetch (info, "y1");
      month = month_number (m);
    }
  else if ((d = fetch (info, "d2")) != NULL)
    {
      m = fetch (info, "m2");
      y = fetch (info, "y2");
      month = month_number (m);
    }
  else if ((d = fetch (info, "d3")) != NULL)
    {
      m = fetch (info, "mo3");
      y = fetch (info, "y3");
      month = atoi (m);
    }
  else if ((d = fetch (info, "d4")) != NULL)
    {
      m = fetch (info, "mo4");
      y = fetch (info, "y4");
      month = atoi (m);
    }
  else if ((d = fetch (info, "a5")) != NULL)
    {
      int a, b;

      m = fetch (info, "b5");
      y = fetch (info, "y5");
      a = atoi (d);
      b = atoi (m);
      /* Only when the order is certain: one of them cannot be a month. */
      if (a > 12 && b <= 12)
        month = b;
      else if (b > 12 && a <= 12)
        {
          month = a;
          g_free (d);
          d = g_strdup (m);
        }
      else if (a == b)
        month = a;
      else
        return NULL;
    }
  else
    return NULL;

  day = atoi (d);
  year = atoi (y);

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
is_updated_key (const char *key)
{
  return key != NULL &&
         (g_ascii_strncasecmp (key, "updated", 7) == 0 ||
          g_ascii_strncasecmp (key, "last", 4) == 0 ||
          g_ascii_strncasecmp (key, "modified", 8) == 0);
}

/* Whether the whole of @text is a date or timestamp, with an optional
 * "Published:"/"Updated:"/"Date:" key and weekday. */
static gboolean
parse_date (const char  *text,
            char       **out_date,
            char       **out_iso,
            gboolean    *out_updated)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *key = NULL;

  if (!g_regex_match (date_line_regex (), text, 0, &info))
    return FALSE;

  key = fetch (info, "key");
  *out_date = g_strstrip (g_match_info_fetch_named (info, "date"));
  *out_iso = iso_from_match (info);
  *out_updated = is_updated_key (key);

  return TRUE;
}

/* ---- bylines ---------------------------------------------------------- */

static gboolean
is_connector (const char *word)
{
  static const char * const connectors[] = {
    "and", "&", "und", "et", "y", "e", "with", "de", "da", "das", "do", "dos",
    "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "ter",
    "bin", "ibn", "al", "el", "of", "the", "for", "in", "at", "staff",
    "reporter", "correspondent", "writer", "editor", "reporters",
  };

  for (guint i = 0; i < G_N_ELEMENTS (connectors); i++)
    if (g_ascii_strcasecmp (word, connectors[i]) == 0)
      return TRUE;

  return FALSE;
}

/* A word of a name: starts with a capital letter (or a letter of a
 * script without case, like 山田 or محمد), or is a particle like "van". */
static gboolean
is_name_word (const char *word,
              gboolean    allow_connector)
{
  gunichar c = g_utf8_get_char (word);

  if (allow_connector && is_connector (word))
    return TRUE;

  if (g_str_has_prefix (word, "al-") || g_str_has_prefix (word, "el-") ||
      g_str_has_prefix (word, "d'") || g_str_has_prefix (word, "O'"))
    return TRUE;

  if (!g_unichar_isalpha (c) || g_unichar_islower (c))
    return FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (g_unichar_isdigit (u))
        return FALSE;
    }

  return TRUE;
}

/* Whether @names ("Jane Doe and John Roe", "JANE DOE", "Reuters",
 * "Jane Doe, Staff Reporter") reads as the names in a byline. */
static gboolean
is_name_list (const char *names,
              guint       min_words,
              guint       max_words)
{
  g_auto(GStrv) words = NULL;
  guint n = 0;
  gsize len = strlen (names);
  gunichar last;

  if (len == 0 || g_utf8_strlen (names, -1) > BYLINE_MAX_CHARS)
    return FALSE;

  last = g_utf8_get_char (g_utf8_find_prev_char (names, names + len));
  if (last == '.' && len >= 2 && !g_unichar_isupper (g_utf8_get_char (g_utf8_find_prev_char (names, names + len - 1))))
    return FALSE;  /* a sentence, not "Jane Doe Jr." */
  if (last == ',' || last == ';' || last == ':' || last == '!' || last == '?')
    return FALSE;

  words = g_regex_split_simple ("[\\s,;/]+", names, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      /* The first word must be a name, not "the" or "and". */
      if (!is_name_word (words[i], n > 0))
        return FALSE;
      n++;
    }

  return n >= min_words && n <= max_words;
}

static const char * const byline_keys[] = {
  "written by", "words by", "reporting by", "reported by", "story by",
  "text by", "author", "authors", "byline", "by", "von", "par", "por",
};

/* The explicit bylines: "By Jane Doe", "BY JANE DOE AND JOHN ROE",
 * "Author: Reuters", "Written by …", "— Staff reporter". */
static char *
parse_explicit_byline (const char *text)
{
  const char *p = text;
  gunichar c = g_utf8_get_char (p);

  if (c == 0x2014 || c == 0x2013 || (c == '-' && p[1] == ' '))
    {
      p = g_utf8_next_char (p);
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0' && is_name_list (p, 1, 6))
        return g_strdup (p);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (byline_keys); i++)
    {
      gsize klen = strlen (byline_keys[i]);

      if (g_ascii_strncasecmp (p, byline_keys[i], klen) != 0)
        continue;

      p += klen;
      if (*p == ':')
        p++;
      else if (!g_ascii_isspace (*p))
        {
          p = text;
          continue;
        }
      /* "Author" and friends need a colon; "By" and "Written by" don't. */
      else if (g_ascii_strcasecmp (byline_keys[i], "author") == 0 ||
               g_ascii_strcasecmp (byline_keys[i], "authors") == 0 ||
               g_ascii_strcasecmp (byline_keys[i], "byline") == 0)
        return NULL;

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0' && is_name_list (p, 1, BYLINE_MAX_WORDS))
        return g_strdup (p);
      return NULL;
    }

  return NULL;
}

/* A name without a key: "Jane Doe, Reuters" (kind LINE_BYLINE) or
 * "Jane Doe" (LINE_BARE_NAME, trusted only next to a date). */
static LineKind
parse_bare_byline (const char *text)
{
  const char *comma = strchr (text, ',');

  if (comma != NULL)
    {
      g_autofree char *name = g_strndup (text, comma - text);
      const char *org = comma + 1;

      if (strchr (org, ',') != NULL)
        return LINE_BODY;
      while (g_ascii_isspace (*org))
        org++;
      if (is_name_list (name, 2, 4) && is_name_list (org, 1, 4))
        return LINE_BYLINE;
      return LINE_BODY;
    }

  if (is_name_list (text, 2, 4))
    return LINE_BARE_NAME;

  return LINE_BODY;
}

/* ---- lines ------------------------------------------------------------ */

static gboolean
is_rule (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    if (*p != '=' && *p != '-' && *p != '_' && *p != '*')
      return FALSE;

  return n >= 3;
}

/* Classifies one stripped line as a part of a header (byline, date, or
 * both), without knowing where it is. */
static void
classify_part (const char *text,
               Line       *line)
{
  char *date = NULL, *iso = NULL;
  gboolean updated = FALSE;
  char *byline;

  if (parse_date (text, &date, &iso, &updated))
    {
      line->kind = LINE_DATE;
      line->date = date;
      line->date_iso = iso;
      line->updated = updated;
      return;
    }

  if ((byline = parse_explicit_byline (text)) != NULL)
    {
      line->kind = LINE_BYLINE;
      line->byline = byline;
      return;
    }

  line->kind = parse_bare_byline (text);
  if (line->kind != LINE_BODY)
    {
      line->byline = g_strdup (text);
      line->bare = TRUE;
    }
}

/* Adds @part (a byline or a date) to @line, TRUE if it fits. */
static gboolean
merge_part (Line *line,
            Line *part)
{
  switch (part->kind)
    {
    case LINE_DATE:
      if (line->date != NULL)
        return FALSE;
      line->date = g_steal_pointer (&part->date);
      line->date_iso = g_steal_pointer (&part->date_iso);
      line->updated = part->updated;
      return TRUE;

    case LINE_BYLINE:
    case LINE_BARE_NAME:
      if (line->byline != NULL)
        return FALSE;
      line->byline = g_steal_pointer (&part->byline);
      return TRUE;

    case LINE_BLANK:
    case LINE_BODY:
    case LINE_RULE:
    case LINE_BYLINE_DATE:
    default:
      return FALSE;
    }
}

/* "By Jane Doe | 29 Nov 2026", "29 Nov 2026 · Jane Doe, Reuters",
 * "By Jane Doe, 29 November 2026". */
static gboolean
classify_combined (const char *text,
                   Line       *line)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  guint n_parts = 0;

  parts = g_regex_split_simple ("\\s+[|·•]\\s+|\\s+[-–—]\\s+|\\s*[|·•]\\s*", text, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      n_parts++;

  if (n_parts >= 2)
    {
      gboolean ok = TRUE;

      for (guint i = 0; ok && parts[i] != NULL; i++)
        {
          Line part = { 0 };

          if (*parts[i] == '\0')
            continue;
          classify_part (parts[i], &part);
          ok = merge_part (line, &part);
          line_clear (&part);
        }

      if (ok && line->date != NULL && line->byline != NULL)
        {
          line->kind = LINE_BYLINE_DATE;
          return TRUE;
        }
      line_clear (line);
    }

  if (g_regex_match (leading_date_regex (), text, 0, &info))
    {
      g_autofree char *key = fetch (info, "key");
      g_autofree char *by = fetch (info, "by");
      char *byline = by != NULL ? parse_explicit_byline (by) : NULL;

      if (byline != NULL)
        {
          line->kind = LINE_BYLINE_DATE;
          line->byline = byline;
          line->date = g_strstrip (g_match_info_fetch_named (info, "date"));
          line->date_iso = iso_from_match (info);
          line->updated = is_updated_key (key);
          return TRUE;
        }
    }
  g_clear_pointer (&info, g_match_info_unref);

  if (g_regex_match (trailing_date_regex (), text, 0, &info))
    {
      int start = 0;
      g_autofree char *head = NULL;
      g_autofree char *byline = NULL;
      g_autofree char *key = NULL;

      g_match_info_fetch_pos (info, 0, &start, NULL);
      head = g_strstrip (g_strndup (text, start));
      byline = parse_explicit_byline (head);
      if (byline == NULL)
        return FALSE;

      key = fetch (info, "key");
      line->kind = LINE_BYLINE_DATE;
      line->byline = g_steal_pointer (&byline);
      line->date = g_strstrip (g_match_info_fetch_named (info, "date"));
      line->date_iso = iso_from_match (info);
      line->updated = is_updated_key (key);
      return TRUE;
    }

  return FALSE;
}

static void
classify_line (Line *line)
{
  g_autofree char *text = g_strstrip (g_strndup (line->start, line->len));

  if (*text == '\0')
    {
      line->kind = LINE_BLANK;
      return;
    }

  if (is_rule (text))
    {
      line->kind = LINE_RULE;
      return;
    }

  classify_part (text, line);
  if (line->kind != LINE_BODY)
    return;

  if (!classify_combined (text, line))
    line->kind = LINE_BODY;
}

static gboolean
is_header_kind (LineKind kind)
{
  return kind == LINE_BYLINE || kind == LINE_BARE_NAME ||
         kind == LINE_DATE || kind == LINE_BYLINE_DATE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* Whether @text can be a title: short, not starting in lower case, not
 * ending like a sentence in a paragraph ("…, and." or "…:"). */
static gboolean
is_title_text (const char *text,
               guint       max_words)
{
  gsize len = strlen (text);
  gunichar first, last;
  const char *prev;

  if (len == 0 || g_utf8_strlen (text, -1) > TITLE_MAX_CHARS ||
      count_words (text) > max_words)
    return FALSE;

  first = g_utf8_get_char (text);
  if (g_unichar_islower (first))
    return FALSE;

  prev = g_utf8_find_prev_char (text, text + len);
  last = g_utf8_get_char (prev);
  if (last == ',' || last == ';' || last == ':' || last == '-')
    return FALSE;
  if (last == '.')
    {
      /* "…" spelled with dots is fine; a full stop is not. */
      if (!(len >= 3 && g_str_has_suffix (text, "...")))
        return FALSE;
    }

  return TRUE;
}

/* ---- the reader --------------------------------------------------------- */

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

/* Finds the header. Returns the index of the first body line, or 0 if
 * there is no header; fills the metadata found. */
static guint
find_header (GArray  *lines,
             char   **title,
             char   **byline,
             char   **published,
             char   **published_iso,
             char   **updated,
             char   **updated_iso)
{
  guint i = 0;
  guint n_nonempty = 0;
  guint first;
  guint last_header = G_MAXUINT;   /* the last line of the header */
  guint first_bare = G_MAXUINT;    /* the first LINE_BARE_NAME line */
  guint last_before_bare = G_MAXUINT;
  gboolean has_title = FALSE;
  gboolean has_date = FALSE;
  gboolean has_byline = FALSE;
  Line *l;

  while (i < lines->len && g_array_index (lines, Line, i).kind == LINE_BLANK)
    i++;
  if (i >= lines->len)
    return 0;

  first = i;
  l = &g_array_index (lines, Line, first);
  if (is_header_kind (l->kind) && l->kind != LINE_BARE_NAME && !l->bare)
    {
      last_header = first;
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strndup (l->start, l->len));
      Line *next = first + 1 < lines->len ? &g_array_index (lines, Line, first + 1) : NULL;

      /* A title is followed by a blank line, a rule or a header line,
       * never by the rest of its paragraph. */
      if (next == NULL || !is_title_text (text, TITLE_MAX_WORDS) ||
          !(next->kind == LINE_BLANK || next->kind == LINE_RULE || is_header_kind (next->kind)))
        return 0;

      has_title = TRUE;
      last_header = first;
      if (next->kind == LINE_RULE)
        last_header = ++i;
    }
  n_nonempty = 1;

  for (i = last_header + 1; i < lines->len && n_nonempty < HEADER_MAX_LINES; i++)
    {
      l = &g_array_index (lines, Line, i);

      if (l->kind == LINE_BLANK)
        continue;
      n_nonempty++;

      if (!is_header_kind (l->kind))
        break;

      if (l->kind == LINE_BARE_NAME)
        {
          if (has_byline)
            break;
          if (first_bare == G_MAXUINT)
            {
              first_bare = i;
              last_before_bare = last_header;
            }
        }
      else if (l->bare && !has_title)
        break;

      if (l->byline != NULL)
        {
          if (has_byline)
            break;
          has_byline = TRUE;
        }
      if (l->date != NULL)
        {
          if (has_date && !l->updated)
            break;
          if (!l->updated)
            has_date = TRUE;
        }

      last_header = i;
    }

  /* A bare name ("Jane Doe") is a byline only when a date confirms the
   * header; without one the header ends before it. */
  if (first_bare != G_MAXUINT && !has_date)
    {
      last_header = last_before_bare;
      has_byline = FALSE;
      for (guint j = first; j <= last_header; j++)
        if (g_array_index (lines, Line, j).byline != NULL)
          has_byline = TRUE;
    }

  if (has_title && last_header == first)
    {
      g_autofree char *text = NULL;

      /* A title alone, without byline or date: only if it is clearly a
       * heading above a body. */
      l = &g_array_index (lines, Line, first);
      text = g_strstrip (g_strndup (l->start, l->len));
      if (!is_title_text (text, 20) || g_unichar_isdigit (g_utf8_get_char (text)) ||
          first + 1 >= lines->len ||
          (g_array_index (lines, Line, first + 1).kind != LINE_BLANK &&
           g_array_index (lines, Line, first + 1).kind != LINE_RULE))
        return 0;
    }

  /* Skip the blank lines after the header; a header needs a body. */
  for (i = last_header + 1; i < lines->len; i++)
    if (g_array_index (lines, Line, i).kind != LINE_BLANK)
      break;
  if (i >= lines->len)
    return 0;

  for (guint j = first; j <= last_header; j++)
    {
      l = &g_array_index (lines, Line, j);

      if (j == first && has_title)
        {
          *title = g_strstrip (g_strndup (l->start, l->len));
          continue;
        }
      if (l->byline != NULL && *byline == NULL)
        *byline = g_strdup (l->byline);
      if (l->date != NULL && l->updated && *updated == NULL)
        {
          *updated = g_strdup (l->date);
          *updated_iso = g_strdup (l->date_iso);
        }
      else if (l->date != NULL && !l->updated && *published == NULL)
        {
          *published = g_strdup (l->date);
          *published_iso = g_strdup (l->date_iso);
        }
    }

  return i;
}

/**
 * gloss_article_new_from_text:
 * @data: the bytes of a plain-text article
 * @len: the length of @data in bytes
 * @source: (nullable): where the text came from (a path or URI)
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 * (%GLOSS_ERROR_EMPTY, %GLOSS_ERROR_BINARY, %GLOSS_ERROR_INVALID_UTF8)
 */
GlossDocument *
gloss_article_new_from_text (const char  *data,
                             gsize        len,
                             const char  *source,
                             GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *published = NULL;
  g_autofree char *published_iso = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *updated_iso = NULL;
  g_autoptr(GArray) lines = NULL;
  GlossDocument *doc;
  gsize text_len = 0;
  gsize body_start = 0;
  guint n_nonempty = 0;
  guint body_line;
  const char *p;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gloss_text_check_bytes (data, len, error))
    return NULL;

  text = gloss_text_normalize (data, len, &text_len);
  if (is_blank (text, text_len))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY,
                   _("The file contains only white space"));
      return NULL;
    }

  /* Only the top of the text can hold a header. */
  lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);
  p = text;
  while (p < text + text_len && n_nonempty <= HEADER_MAX_LINES)
    {
      const char *end = memchr (p, '\n', text + text_len - p);
      Line line = { 0 };

      if (end == NULL)
        end = text + text_len;
      line.start = p;
      line.len = end - p;
      if (!is_blank (line.start, line.len))
        n_nonempty++;
      /* Long lines are body: skip the regular expressions on them. */
      if (line.len > 4 * TITLE_MAX_CHARS)
        line.kind = is_blank (line.start, line.len) ? LINE_BLANK : LINE_BODY;
      else
        classify_line (&line);
      g_array_append_val (lines, line);
      p = end + 1;
    }

  body_line = find_header (lines, &title, &byline, &published, &published_iso,
                           &updated, &updated_iso);
  if (body_line > 0)
    body_start = g_array_index (lines, Line, body_line).start - text;

  doc = gloss_document_new (text + body_start, text_len - body_start);
  gloss_document_set_title (doc, title);
  gloss_document_set_byline (doc, byline);
  gloss_document_set_published (doc, published);
  gloss_document_set_metadata (doc, "published_iso", published_iso);
  gloss_document_set_metadata (doc, "updated", updated);
  gloss_document_set_metadata (doc, "updated_iso", updated_iso);
  gloss_document_set_source (doc, source);

  return doc;
}
