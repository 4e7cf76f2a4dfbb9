/* gloss-html-extractor.c: the article inside an HTML page, as plain text
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A readability-style heuristic, written for Gloss:
 *
 *  1. Decode the bytes to UTF-8 (gloss_html_decode) and refuse HTML bombs
 *     (too many tags, a giant tag) before libxml2 sees them.
 *  2. Parse with libxml2's HTML parser (recovering, no network, no
 *     HTML_PARSE_HUGE, so nesting stops at 256; deeper is refused).
 *  3. One iterative pass over the tree collects the metadata (JSON-LD,
 *     meta tags, <title>, <h1>, byline, <time>, canonical link, lang) and
 *     removes what a reader never sees or does not want: scripts, styles,
 *     navigation, asides, footers, forms, frames, hidden elements, and
 *     (first attempt) containers whose class/id/role say cookie banner,
 *     share buttons, related links, comments, menus, ads.
 *  4. Paragraph-like elements (p, pre, td, h2–h6 and divs holding only
 *     inline content) of at least 25 characters score 1 + commas +
 *     min(length / 100, 3); the score goes to five ancestors (full, half,
 *     then a third of the level). Ancestors start with a tag bonus and a
 *     class/id weight (+25 article-ish names, −25 boilerplate names). The
 *     best candidate is score × (1 − link density); siblings scoring at
 *     least a fifth of it, or holding a long low-link paragraph, join it.
 *  5. The chosen containers are written out as paragraphs: every block
 *     element (p, h1–h6, li, blockquote, pre, dd, figcaption, …) becomes
 *     one paragraph, separated by a blank line; whitespace collapses as a
 *     browser renders it, <br> is a line break (two make a new paragraph),
 *     <pre> keeps its whitespace. Lists, tables and divs that are mostly
 *     links are left out. A heading (h1–h6) written out as one paragraph
 *     is recorded, with its level, as a GlossHeading of the text.
 *  6. Duplication rule: the title and byline are metadata. A heading whose
 *     text equals the title, elements whose class/id/rel/itemprop mark a
 *     byline, author or dateline (under 100 characters), a <time> standing
 *     on its own, and a paragraph that is just the byline ("By …") are not
 *     written into the body text.
 *  7. Less than GLOSS_HTML_MIN_ARTICLE_CHARS characters, or text that is
 *     mostly links, means the page is not an article.
 *
 * If the first attempt yields too little text, it is repeated without
 * removing elements by their class/id names (some sites name their article
 * container "post-header-content"), and the longer result is kept. */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-html-extractor.h"

#define META_SCAN_BYTES     4096
#define MAX_JSONLD_BYTES    (1024 * 1024)
#define MAX_JSONLD_DEPTH    64
#define MAX_BYLINE_CHARS    100
#define MIN_PARAGRAPH_CHARS 25

void
gloss_html_article_free (GlossHtmlArticle *article)
{
  if (article == NULL)
    return;

  g_free (article->text);
  g_free (article->title);
  g_free (article->byline);
  g_free (article->published);
  g_free (article->modified);
  g_free (article->language);
  g_free (article->site_name);
  g_free (article->publisher);
  g_free (article->canonical_url);
  g_free (article->charset);
  g_clear_pointer (&article->headings, g_array_unref);
  g_free (article);
}

char *
gloss_html_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ------------------------------------------------------------------ */
/* Charsets                                                            */

typedef struct
{
  const char *label;
  const char *iconv_name;
} CharsetAlias;

/* Labels as browsers treat them (WHATWG Encoding), for the charsets Gloss
 * promises; other labels are tried with iconv as they are. */
static const CharsetAlias charset_aliases[] = {
  { "utf-8", "UTF-8" },
  { "utf8", "UTF-8" },
  { "unicode-1-1-utf-8", "UTF-8" },
  { "x-unicode20utf8", "UTF-8" },
  { "windows-1252", "WINDOWS-1252" },
  { "iso-8859-1", "WINDOWS-1252" },
  { "iso8859-1", "WINDOWS-1252" },
  { "iso_8859-1", "WINDOWS-1252" },
  { "iso88591", "WINDOWS-1252" },
  { "latin1", "WINDOWS-1252" },
  { "l1", "WINDOWS-1252" },
  { "cp1252", "WINDOWS-1252" },
  { "x-cp1252", "WINDOWS-1252" },
  { "cp819", "WINDOWS-1252" },
  { "ibm819", "WINDOWS-1252" },
  { "csisolatin1", "WINDOWS-1252" },
  { "iso-ir-100", "WINDOWS-1252" },
  { "us-ascii", "WINDOWS-1252" },
  { "ascii", "WINDOWS-1252" },
  { "ansi_x3.4-1968", "WINDOWS-1252" },
  { "windows-1251", "WINDOWS-1251" },
  { "cp1251", "WINDOWS-1251" },
  { "x-cp1251", "WINDOWS-1251" },
  { "shift_jis", "CP932" },
  { "shift-jis", "CP932" },
  { "sjis", "CP932" },
  { "x-sjis", "CP932" },
  { "ms_kanji", "CP932" },
  { "ms932", "CP932" },
  { "csshiftjis", "CP932" },
  { "windows-31j", "CP932" },
  { "cp932", "CP932" },
  { "gb18030", "GB18030" },
  { "gbk", "GB18030" },
  { "gb2312", "GB18030" },
  { "x-gbk", "GB18030" },
  { "cp936", "GB18030" },
  { "chinese", "GB18030" },
  { "csgb2312", "GB18030" },
  { "gb_2312-80", "GB18030" },
  { "iso-ir-58", "GB18030" },
};

/* Returns the iconv name for @label, or %NULL (and an error) if @label is
 * not a charset iconv knows. */
static char *
charset_resolve (const char  *label,
                 GError     **error)
{
  g_autofree char *clean = NULL;
  GIConv cd;

  clean = g_strstrip (g_ascii_strdown (label, -1));
  /* Quotes around the value are common in hand-written headers. */
  if (clean[0] == '"' || clean[0] == '\'')
    {
      memmove (clean, clean + 1, strlen (clean));
      g_strdelimit (clean, "\"'", ' ');
      g_strstrip (clean);
    }

  for (guint i = 0; i < G_N_ELEMENTS (charset_aliases); i++)
    if (g_str_equal (clean, charset_aliases[i].label))
      return g_strdup (charset_aliases[i].iconv_name);

  if (clean[0] == '\0' || strlen (clean) > 40 ||
      strspn (clean, "abcdefghijklmnopqrstuvwxyz0123456789-_.:") != strlen (clean))
    goto unknown;

  cd = g_iconv_open ("UTF-8", clean);
  if (cd != (GIConv) -1)
    {
      g_iconv_close (cd);
      return g_ascii_strup (clean, -1);
    }

unknown:
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
               _("The page uses the character set “%s”, which Gloss cannot read"), label);
  return NULL;
}

/* Finds the charset named by a <meta> in the first bytes, or %NULL. */
static char *
sniff_meta_charset (const char *data,
                    gsize       len)
{
  gsize n = MIN (len, META_SCAN_BYTES);
  gsize i = 0;

  while (i + 5 < n)
    {
      const char *end;
      g_autofree char *tag = NULL;
      const char *p;

      if (data[i] != '<')
        {
          i++;
          continue;
        }

      if (i + 4 <= n && memcmp (data + i, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (data + i + 4, n - i - 4, "-->");

          if (close == NULL)
            return NULL;
          i = close - data + 3;
          continue;
        }

      if (g_ascii_strncasecmp (data + i + 1, "meta", 4) != 0 ||
          !(g_ascii_isspace (data[i + 5]) || data[i + 5] == '/'))
        {
          i++;
          continue;
        }

      end = memchr (data + i, '>', n - i);
      if (end == NULL)
        return NULL;

      tag = g_ascii_strdown (data + i, end - (data + i));
      p = tag;
      while ((p = strstr (p, "charset")) != NULL)
        {
          const char *v = p + strlen ("charset");
          gsize vlen;

          while (g_ascii_isspace (*v))
            v++;
          if (*v != '=')
            {
              p = v;
              continue;
            }
          v++;
          while (g_ascii_isspace (*v) || *v == '"' || *v == '\'')
            v++;
          vlen = strspn (v, "abcdefghijklmnopqrstuvwxyz0123456789-_.:");
          if (vlen > 0)
            return g_strndup (v, vlen);
          p = v;
        }

      i = end - data + 1;
    }

  return NULL;
}

static void
append_replacement (GString *out)
{
  g_string_append (out, "\xEF\xBF\xBD");
}

/* Converts with iconv; an undecodable byte becomes U+FFFD. */
static char *
convert_lossy (const char  *data,
               gsize        len,
               const char  *charset,
               GError     **error)
{
  GIConv cd;
  GString *out;
  char *in = (char *) data;
  gsize in_left = len;
  char buf[8192];

  cd = g_iconv_open ("UTF-8", charset);
  if (cd == (GIConv) -1)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("The page uses the character set “%s”, which Gloss cannot read"), charset);
      return NULL;
    }

  out = g_string_sized_new (len + len / 2 + 16);
  while (in_left > 0)
    {
      char *outp = buf;
      gsize out_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &outp, &out_left);

      g_string_append_len (out, buf, outp - buf);
      if (r != (gsize) -1)
        continue;

      if (errno == E2BIG)
        continue;

      /* EILSEQ or EINVAL (truncated at the end): skip one byte. */
      append_replacement (out);
      in++;
      in_left--;
      g_iconv (cd, NULL, NULL, NULL, NULL);
    }

  {
    char *outp = buf;
    gsize out_left = sizeof buf;

    g_iconv (cd, NULL, NULL, &outp, &out_left);
    g_string_append_len (out, buf, outp - buf);
  }
  g_iconv_close (cd);

  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      return valid;
    }

  return g_string_free (out, FALSE);
}

char *
gloss_html_decode (const char  *data,
                   gsize        len,
                   const char  *http_charset,
                   char       **charset_used,
                   GError     **error)
{
  g_autofree char *charset = NULL;
  g_autofree char *meta = NULL;
  char *result;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      charset = g_strdup ("UTF-8");
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    charset = g_strdup ("UTF-16LE");
  else if (len >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    charset = g_strdup ("UTF-16BE");
  else if (http_charset != NULL && *http_charset != '\0')
    {
      charset = charset_resolve (http_charset, error);
      if (charset == NULL)
        return NULL;
    }
  else if ((meta = sniff_meta_charset (data, len)) != NULL)
    {
      /* A meta tag read as ASCII cannot truthfully say UTF-16. */
      if (g_str_has_prefix (meta, "utf-16"))
        charset = g_strdup ("UTF-8");
      else
        {
          charset = charset_resolve (meta, error);
          if (charset == NULL)
            return NULL;
        }
    }
  else if (g_utf8_validate (data, len, NULL))
    charset = g_strdup ("UTF-8");
  else
    charset = g_strdup ("WINDOWS-1252");

  if (g_str_equal (charset, "UTF-16LE") || g_str_equal (charset, "UTF-16BE"))
    {
      data += 2;
      len -= 2;
    }

  if (g_str_equal (charset, "UTF-8"))
    result = g_utf8_make_valid (data, len);
  else
    {
      result = convert_lossy (data, len, charset, error);
      if (result == NULL)
        return NULL;
    }

  if (charset_used != NULL)
    *charset_used = g_steal_pointer (&charset);

  return result;
}

/* ------------------------------------------------------------------ */
/* Patterns                                                            */

typedef struct
{
  GRegex *unlikely;
  GRegex *maybe;
  GRegex *negative;
  GRegex *positive;
  GRegex *byline;
  GRegex *dateline;
  GRegex *unlikely_role;
} Patterns;

static const Patterns *
patterns_get (void)
{
  static Patterns patterns;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GRegexCompileFlags flags = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;

      patterns.unlikely = g_regex_new ("-ad-|\\bads?\\b|advert|banner|breadcrumb|combx|comment|"
                                       "community|consent|cookie|disqus|footer|gdpr|header|"
                                       "menu|modal|newsletter|outbrain|pager|pagination|"
                                       "paywall|popup|promo|related|recommend|remark|replies|"
                                       "share|sharing|shoutbox|sidebar|signup|skyscraper|"
                                       "social|sponsor|subscribe|taboola|toolbar|trending|"
                                       "most-read|more-stories|\\bnav|widget",
                                       flags, 0, NULL);
      patterns.maybe = g_regex_new ("article|body|column|content|main|story|entry|prose",
                                    flags, 0, NULL);
      patterns.negative = g_regex_new ("-ad-|hidden|\\bhid\\b|banner|combx|comment|com-|contact|"
                                       "footer|gdpr|masthead|media|meta|outbrain|promo|related|"
                                       "scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
                                       "shopping|tags|widget|\\bnav",
                                       flags, 0, NULL);
      patterns.positive = g_regex_new ("article|body|content|entry|hentry|h-entry|main|page|"
                                       "post|text|blog|story",
                                       flags, 0, NULL);
      patterns.byline = g_regex_new ("byline|author|dateline|writtenby|p-author",
                                     flags, 0, NULL);
      patterns.dateline = g_regex_new ("\\bmeta\\b|-meta\\b|\\bmeta-|posted-on|post-date|entry-date|"
                                       "timestamp|published|updated|\\bdate\\b",
                                       flags, 0, NULL);
      patterns.unlikely_role = g_regex_new ("^(navigation|banner|complementary|contentinfo|"
                                            "search|dialog|alertdialog|menu|menubar|toolbar|"
                                            "tablist)$",
                                            flags, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  return &patterns;
}

void
gloss_html_extractor_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* ------------------------------------------------------------------ */
/* Tree helpers                                                        */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The value of an attribute, without copying, or %NULL. */
static const char *
attr (xmlNode    *node,
      const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      {
        if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
            a->children->next == NULL)
          return (const char *) a->children->content;
        return "";
      }
  return NULL;
}

static gboolean
has_attr (xmlNode    *node,
          const char *name)
{
  return attr (node, name) != NULL;
}

static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "caption", "center", "dd", "details",
  "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
  "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
  "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "tr", "ul", "body", "html", "listing", "xmp", "plaintext",
  NULL
};

static const char * const dropped_tags[] = {
  "script", "style", "noscript", "nav", "aside", "footer", "form", "iframe", "frame",
  "frameset", "object", "embed", "applet", "svg", "canvas", "button", "input", "select",
  "textarea", "option", "template", "dialog", "map", "audio", "video", "picture",
  "img", "link", "meta", "base", "title", "head", "menu", "label", "math", "source",
  "track", "param",
  NULL
};

static gboolean
is_block (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && name_in ((const char *) node->name, block_tags);
}

/* Iterative pre-order walk. @enter returns whether to descend into the
 * node; @leave (nullable) runs after the children of a descended node. */
typedef gboolean (*EnterFunc) (xmlNode *node, gpointer data);
typedef void     (*LeaveFunc) (xmlNode *node, gpointer data);

static void
walk (xmlNode   *root,
      EnterFunc  enter,
      LeaveFunc  leave,
      gpointer   data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = enter (node, data);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      /* Only nodes whose enter said TRUE get @leave. */
      if (descend && leave != NULL)
        leave (node, data);

      for (;;)
        {
          if (node == root)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (leave != NULL)
            leave (node, data);
          if (node == root)
            return;
        }
    }
}

/* Whitespace as a browser collapses it, plus NBSP (a reader sees a space). */
static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 ||
         c == 0x2028 || c == 0x2029 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F;
}

/* Characters a reader does not see. */
static gboolean
is_invisible_char (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x200B ||
         c == 0xFEFF || c == 0x2060;
}

typedef struct
{
  GString  *out;
  gboolean  space;     /* a space is pending */
} Sink;

/* Entities browsers decode even without the semicolon, which libxml2
 * leaves as text ("fish &amp chips"). */
static const struct
{
  const char *name;
  gunichar    c;
} legacy_entities[] = {
  { "&amp", '&' }, { "&lt", '<' }, { "&gt", '>' }, { "&quot", '"' }, { "&nbsp", 0xA0 },
  { "&copy", 0xA9 }, { "&reg", 0xAE },
};

static gunichar
legacy_entity (const char  *p,
               const char **end)
{
  for (guint i = 0; i < G_N_ELEMENTS (legacy_entities); i++)
    {
      gsize n = strlen (legacy_entities[i].name);

      if (strncmp (p, legacy_entities[i].name, n) == 0 &&
          !g_ascii_isalnum (p[n]) && p[n] != ';')
        {
          *end = p + n;
          return legacy_entities[i].c;
        }
    }
  return 0;
}

static void
sink_text (Sink       *sink,
           const char *text)
{
  const char *next;

  for (const char *p = text; *p != '\0'; p = next)
    {
      gunichar c = g_utf8_get_char (p);

      next = g_utf8_next_char (p);
      if (c == '&')
        {
          gunichar e = legacy_entity (p, &next);

          if (e != 0)
            c = e;
          else
            next = p + 1;
        }

      if (is_space_char (c))
        sink->space = TRUE;
      else if (is_invisible_char (c))
        continue;
      else
        {
          if (sink->space && sink->out->len > 0 &&
              sink->out->str[sink->out->len - 1] != '\n')
            g_string_append_c (sink->out, ' ');
          sink->space = FALSE;
          g_string_append_unichar (sink->out, c);
        }
    }
}

/* Normalised text of a subtree (blocks separated by a space), with the
 * number of characters inside links. */
typedef struct
{
  Sink     sink;
  xmlNode *link;
  glong    link_chars;
  gsize    link_start;
  gboolean br_newline;  /* <br> as a newline instead of a space */
} TextWalk;

static gboolean
text_enter (xmlNode  *node,
            gpointer  data)
{
  TextWalk *tw = data;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        sink_text (&tw->sink, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (is_element (node, "br") && tw->br_newline && tw->sink.out->len > 0)
    {
      g_string_append_c (tw->sink.out, '\n');
      tw->sink.space = FALSE;
    }
  else if (is_element (node, "br") || is_block (node))
    tw->sink.space = TRUE;

  if (tw->link == NULL && is_element (node, "a"))
    {
      tw->link = node;
      tw->link_start = tw->sink.out->len;
    }

  return TRUE;
}

static void
text_leave (xmlNode  *node,
            gpointer  data)
{
  TextWalk *tw = data;

  if (node == tw->link)
    {
      const char *start = tw->sink.out->str + tw->link_start;
      glong chars = g_utf8_strlen (start, tw->sink.out->str + tw->sink.out->len - start);
      const char *href = attr (node, "href");

      /* In-page anchors count less, as footnote links are part of text. */
      if (href != NULL && href[0] == '#')
        chars = (glong) (chars * 0.3);
      tw->link_chars += chars;
      tw->link = NULL;
    }
  if (is_block (node))
    tw->sink.space = TRUE;
}

static char *
node_text (xmlNode *node,
           glong   *n_chars,
           glong   *link_chars)
{
  TextWalk tw = { { g_string_new (NULL), FALSE }, NULL, 0, 0, FALSE };

  walk (node, text_enter, text_leave, &tw);

  if (n_chars != NULL)
    *n_chars = g_utf8_strlen (tw.sink.out->str, tw.sink.out->len);
  if (link_chars != NULL)
    *link_chars = tw.link_chars;

  return g_string_free (tw.sink.out, FALSE);
}

/* Text sizes of every element, computed once per extraction in one pass
 * (recomputing them per candidate is quadratic on deep pages). Lengths
 * count whitespace runs as one character, like the collapsed text. */
typedef struct
{
  glong chars;
  glong links;   /* characters inside links (in-page anchors count 0.3) */
  guint commas;
} Counts;

static Counts *
counts_get (GHashTable *table,
            xmlNode    *node)
{
  Counts *counts = g_hash_table_lookup (table, node);

  if (counts == NULL)
    {
      counts = g_new0 (Counts, 1);
      g_hash_table_insert (table, node, counts);
    }

  return counts;
}

static gboolean
is_comma (gunichar c)
{
  return c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x060C || c == 0xFE50 ||
         c == 0xFE51 || c == 0x2E41 || c == 0x2E34 || c == 0x2E32 || c == 0xFF64;
}

static gboolean
count_enter (xmlNode  *node,
             gpointer  data)
{
  GHashTable *table = data;

  if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
      node->content != NULL && node->parent != NULL)
    {
      Counts *counts = counts_get (table, node->parent);
      gboolean in_space = FALSE;

      for (const char *p = (const char *) node->content; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (is_space_char (c))
            {
              if (!in_space)
                counts->chars++;
              in_space = TRUE;
            }
          else if (!is_invisible_char (c))
            {
              counts->chars++;
              in_space = FALSE;
              if (is_comma (c))
                counts->commas++;
            }
        }
      return FALSE;
    }

  return node->type == XML_ELEMENT_NODE;
}

static void
count_leave (xmlNode  *node,
             gpointer  data)
{
  GHashTable *table = data;
  Counts *counts = g_hash_table_lookup (table, node);
  Counts *parent;

  if (counts == NULL || node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
    return;

  if (is_element (node, "a"))
    {
      const char *href = attr (node, "href");

      counts->links = href != NULL && href[0] == '#' ? (glong) (counts->chars * 0.3)
                                                     : counts->chars;
    }

  parent = counts_get (table, node->parent);
  parent->chars += counts->chars;
  parent->links += counts->links;
  parent->commas += counts->commas;
}

static GHashTable *
count_text (xmlNode *root)
{
  GHashTable *table = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  walk (root, count_enter, count_leave, table);

  return table;
}

static const Counts *
counts_of (GHashTable *table,
           xmlNode    *node)
{
  static const Counts none = { 0, 0, 0 };
  const Counts *counts = g_hash_table_lookup (table, node);

  return counts != NULL ? counts : &none;
}

static double
link_density (GHashTable *table,
              xmlNode    *node)
{
  const Counts *counts = counts_of (table, node);

  if (counts->chars == 0)
    return 0.0;

  return MIN (1.0, (double) counts->links / (double) counts->chars);
}

/* Replaces the few entities that survive in JSON-LD and meta values. */
static char *
unescape_entities (const char *text)
{
  GString *out;

  if (strchr (text, '&') == NULL)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0';)
    {
      if (*p == '&')
        {
          static const struct { const char *name; const char *value; } named[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
            { "&apos;", "'" }, { "&nbsp;", " " },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (named) && !done; i++)
            if (g_str_has_prefix (p, named[i].name))
              {
                g_string_append (out, named[i].value);
                p += strlen (named[i].name);
                done = TRUE;
              }

          if (!done && p[1] == '#')
            {
              char *end = NULL;
              guint64 code;

              if (p[2] == 'x' || p[2] == 'X')
                code = g_ascii_strtoull (p + 3, &end, 16);
              else
                code = g_ascii_strtoull (p + 2, &end, 10);

              if (end != NULL && *end == ';' && end > p + 2 && code > 0 && code <= 0x10FFFF &&
                  g_unichar_validate ((gunichar) code))
                {
                  g_string_append_unichar (out, (gunichar) code);
                  p = end + 1;
                  done = TRUE;
                }
            }

          if (done)
            continue;
        }
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

/* Unescaped, whitespace-collapsed, or %NULL if empty. */
static char *
clean_value (const char *value)
{
  g_autofree char *unescaped = NULL;
  Sink sink = { NULL, FALSE };

  if (value == NULL)
    return NULL;

  unescaped = unescape_entities (value);
  sink.out = g_string_new (NULL);
  sink_text (&sink, unescaped);
  if (sink.out->len == 0)
    {
      g_string_free (sink.out, TRUE);
      return NULL;
    }

  return g_string_free (sink.out, FALSE);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

/* ------------------------------------------------------------------ */
/* JSON-LD                                                             */

typedef struct
{
  char *headline;
  char *author;
  char *published;
  char *modified;
  char *publisher;
  char *language;
} JsonLd;

static void
json_ld_clear (JsonLd *ld)
{
  g_free (ld->headline);
  g_free (ld->author);
  g_free (ld->published);
  g_free (ld->modified);
  g_free (ld->publisher);
  g_free (ld->language);
}

/* json-glib 1.6 has no depth limit (a deep array crashes it): check first. */
static gboolean
json_depth_ok (const char *text,
               gsize       len)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSONLD_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static const char *
json_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static const char *
json_name_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_string_member (json_node_get_object (node), "name");
  return NULL;
}

static gboolean
is_article_type (JsonObject *object)
{
  static const char * const types[] = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "ScholarlyArticle", "TechArticle", "Report", "LiveBlogPosting", "SocialMediaPosting",
    NULL
  };
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return name_in (json_node_get_string (type), types);

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
              name_in (json_node_get_string (item), types))
            return TRUE;
        }
    }

  return FALSE;
}

static void
json_ld_take_article (JsonLd     *ld,
                      JsonObject *object)
{
  JsonNode *author;
  const char *s;

  if (ld->headline == NULL)
    {
      s = json_string_member (object, "headline");
      if (s == NULL)
        s = json_string_member (object, "name");
      ld->headline = clean_value (s);
    }

  author = json_object_get_member (object, "author");
  if (ld->author == NULL && author != NULL)
    {
      if (JSON_NODE_HOLDS_ARRAY (author))
        {
          JsonArray *array = json_node_get_array (author);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
            {
              char *name = clean_value (json_name_of (json_array_get_element (array, i)));

              if (name != NULL)
                g_ptr_array_add (names, name);
            }
          if (names->len > 0)
            {
              g_ptr_array_add (names, NULL);
              ld->author = g_strjoinv (", ", (char **) names->pdata);
            }
        }
      else
        ld->author = clean_value (json_name_of (author));
    }

  if (ld->published == NULL)
    ld->published = clean_value (json_string_member (object, "datePublished"));
  if (ld->modified == NULL)
    ld->modified = clean_value (json_string_member (object, "dateModified"));
  if (ld->publisher == NULL)
    ld->publisher = clean_value (json_name_of (json_object_get_member (object, "publisher")));
  if (ld->language == NULL)
    {
      JsonNode *lang = json_object_get_member (object, "inLanguage");

      if (lang != NULL && JSON_NODE_HOLDS_OBJECT (lang))
        ld->language = clean_value (json_string_member (json_node_get_object (lang),
                                                        "alternateName"));
      if (ld->language == NULL)
        ld->language = clean_value (json_name_of (lang));
    }
}

static void
json_ld_scan_node (JsonLd   *ld,
                   JsonNode *node,
                   guint     level)
{
  if (node == NULL || level > 2)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_ld_scan_node (ld, json_array_get_element (array, i), level + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (is_article_type (object))
        json_ld_take_article (ld, object);
      if (json_object_has_member (object, "@graph"))
        json_ld_scan_node (ld, json_object_get_member (object, "@graph"), level + 1);
      /* The article may be the mainEntity of a WebPage. */
      if (json_object_has_member (object, "mainEntity"))
        json_ld_scan_node (ld, json_object_get_member (object, "mainEntity"), level + 1);
    }
}

static void
json_ld_parse (JsonLd     *ld,
               const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *stripped = NULL;
  gsize len = strlen (text);

  if (len == 0 || len > MAX_JSONLD_BYTES || !json_depth_ok (text, len))
    return;

  stripped = g_strdup (text);
  g_strstrip (stripped);
  if (g_str_has_prefix (stripped, "<![CDATA["))
    {
      gsize slen = strlen (stripped);

      if (slen >= 12 && g_str_has_suffix (stripped, "]]>"))
        {
          stripped[slen - 3] = '\0';
          memmove (stripped, stripped + 9, slen - 9 - 3 + 1);
        }
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, stripped, -1, NULL))
    return;

  json_ld_scan_node (ld, json_parser_get_root (parser), 0);
}

/* ------------------------------------------------------------------ */
/* Scan: metadata, removal                                             */

typedef struct
{
  gboolean    strip_unlikely;
  const Patterns *patterns;

  xmlNode    *body;
  GPtrArray  *remove;       /* xmlNode*, unlinked after the walk */
  guint       depth;
  guint       max_depth;

  char       *html_lang;
  char       *title_tag;
  char       *first_h1;
  char       *byline_text;
  char       *time_datetime;
  char       *canonical;
  GHashTable *meta;         /* lowercase name/property → content */
  JsonLd      ld;
  guint       article_depth; /* >0 inside <article> or <main> */
  guint       byline_tries;  /* bounded: each try walks a subtree */
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->remove, g_ptr_array_unref);
  g_clear_pointer (&scan->meta, g_hash_table_unref);
  g_free (scan->html_lang);
  g_free (scan->title_tag);
  g_free (scan->first_h1);
  g_free (scan->byline_text);
  g_free (scan->time_datetime);
  g_free (scan->canonical);
  json_ld_clear (&scan->ld);
}

static gboolean
is_hidden (xmlNode *node)
{
  const char *style = attr (node, "style");
  const char *aria = attr (node, "aria-hidden");

  if (has_attr (node, "hidden"))
    return TRUE;
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  if (style != NULL)
    {
      g_autofree char *squeezed = g_ascii_strdown (style, -1);
      char *w = squeezed;

      for (const char *r = squeezed; *r != '\0'; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';

      if (strstr (squeezed, "display:none") != NULL ||
          strstr (squeezed, "visibility:hidden") != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
class_and_id (xmlNode *node)
{
  const char *klass = attr (node, "class");
  const char *id = attr (node, "id");

  return g_strdup_printf ("%s %s", klass != NULL ? klass : "", id != NULL ? id : "");
}

static gboolean
is_unlikely (Scan    *scan,
             xmlNode *node)
{
  const char *role = attr (node, "role");
  g_autofree char *names = NULL;

  if (is_element (node, "body") || is_element (node, "html") || is_element (node, "article") ||
      is_element (node, "main") || is_element (node, "a"))
    return FALSE;

  if (role != NULL && g_regex_match (scan->patterns->unlikely_role, role, 0, NULL))
    return TRUE;

  names = class_and_id (node);
  if (names[0] == ' ' && names[1] == '\0')
    return FALSE;

  return g_regex_match (scan->patterns->unlikely, names, 0, NULL) &&
         !g_regex_match (scan->patterns->maybe, names, 0, NULL);
}

/* A byline element: rel=author, itemprop~=author, or a byline-ish class. */
static gboolean
is_byline_node (const Patterns *patterns,
                xmlNode        *node)
{
  const char *rel = attr (node, "rel");
  const char *itemprop = attr (node, "itemprop");
  g_autofree char *names = NULL;

  if (rel != NULL && g_ascii_strcasecmp (rel, "author") == 0)
    return TRUE;
  if (itemprop != NULL && strstr (itemprop, "author") != NULL)
    return TRUE;

  names = class_and_id (node);

  return g_regex_match (patterns->byline, names, 0, NULL);
}

static gboolean
is_dateline_node (const Patterns *patterns,
                  xmlNode        *node)
{
  g_autofree char *names = class_and_id (node);

  return g_regex_match (patterns->dateline, names, 0, NULL);
}

static gboolean
scan_enter (xmlNode  *node,
            gpointer  data)
{
  Scan *scan = data;
  const char *name;

  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
    {
      g_ptr_array_add (scan->remove, node);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  name = (const char *) node->name;

  if (g_str_equal (name, "html"))
    {
      const char *lang = attr (node, "lang");

      if (lang == NULL)
        lang = attr (node, "xml:lang");
      if (scan->html_lang == NULL)
        scan->html_lang = clean_value (lang);
    }
  else if (g_str_equal (name, "body") && scan->body == NULL)
    scan->body = node;
  else if (g_str_equal (name, "title"))
    {
      if (scan->title_tag == NULL)
        scan->title_tag = node_text (node, NULL, NULL);
      return FALSE;
    }
  else if (g_str_equal (name, "meta"))
    {
      const char *key = attr (node, "property");
      const char *content = attr (node, "content");

      if (key == NULL)
        key = attr (node, "name");
      if (key == NULL)
        key = attr (node, "http-equiv");
      if (key != NULL && content != NULL)
        {
          char *lower = g_ascii_strdown (key, -1);
          char *value = clean_value (content);

          if (value != NULL && !g_hash_table_contains (scan->meta, lower))
            g_hash_table_insert (scan->meta, lower, value);
          else
            {
              g_free (lower);
              g_free (value);
            }
        }
      return FALSE;
    }
  else if (g_str_equal (name, "link"))
    {
      const char *rel = attr (node, "rel");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0 && scan->canonical == NULL)
        scan->canonical = clean_value (attr (node, "href"));
      return FALSE;
    }
  else if (g_str_equal (name, "script"))
    {
      const char *type = attr (node, "type");

      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        {
          g_autoptr(GString) json = g_string_new (NULL);

          for (xmlNode *c = node->children; c != NULL; c = c->next)
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
                c->content != NULL)
              g_string_append (json, (const char *) c->content);
          json_ld_parse (&scan->ld, json->str);
        }
      g_ptr_array_add (scan->remove, node);
      return FALSE;
    }

  /* Headers of the article itself hold the title and byline: keep them
   * for the metadata (the duplication rule keeps them out of the text). */
  if (g_str_equal (name, "header") && scan->article_depth == 0)
    {
      g_ptr_array_add (scan->remove, node);
      return FALSE;
    }

  if (name_in (name, dropped_tags) || is_hidden (node) ||
      (scan->strip_unlikely && is_unlikely (scan, node)))
    {
      if (!g_str_equal (name, "head"))
        {
          g_ptr_array_add (scan->remove, node);
          return FALSE;
        }
    }

  if (g_str_equal (name, "h1") && scan->first_h1 == NULL)
    scan->first_h1 = node_text (node, NULL, NULL);

  if (g_str_equal (name, "time") && scan->time_datetime == NULL)
    scan->time_datetime = clean_value (attr (node, "datetime"));

  if (scan->byline_text == NULL && scan->byline_tries < 50 &&
      is_byline_node (scan->patterns, node))
    {
      TextWalk tw = { { g_string_new (NULL), FALSE }, NULL, 0, 0, TRUE };
      g_autofree char *text = NULL;
      char *newline;
      glong n;

      scan->byline_tries++;
      walk (node, text_enter, text_leave, &tw);
      text = g_string_free (tw.sink.out, FALSE);
      /* "By Sam Jones<br>Political correspondent": the first line. */
      newline = strchr (text, '\n');
      if (newline != NULL)
        *newline = '\0';
      n = g_utf8_strlen (text, -1);
      if (n > 0 && n < MAX_BYLINE_CHARS)
        scan->byline_text = g_steal_pointer (&text);
    }

  if (g_str_equal (name, "article") || g_str_equal (name, "main"))
    scan->article_depth++;

  scan->depth++;
  scan->max_depth = MAX (scan->max_depth, scan->depth);

  return TRUE;
}

static void
scan_leave (xmlNode  *node,
            gpointer  data)
{
  Scan *scan = data;

  if (is_element (node, "article") || is_element (node, "main"))
    scan->article_depth--;
  scan->depth--;
}

/* ------------------------------------------------------------------ */
/* Scoring                                                             */

typedef struct
{
  const Patterns *patterns;
  gboolean        weight_classes;
  GHashTable     *scores;  /* xmlNode* → double* */
  GPtrArray      *order;   /* the candidates, in a stable order (ties) */
  GHashTable     *counts;  /* xmlNode* → Counts* */
} Scoring;

static double
class_weight (Scoring *scoring,
              xmlNode *node)
{
  const char *values[2] = { attr (node, "class"), attr (node, "id") };
  double weight = 0;

  if (!scoring->weight_classes)
    return 0;

  for (guint i = 0; i < 2; i++)
    {
      if (values[i] == NULL || values[i][0] == '\0')
        continue;
      if (g_regex_match (scoring->patterns->negative, values[i], 0, NULL))
        weight -= 25;
      if (g_regex_match (scoring->patterns->positive, values[i], 0, NULL))
        weight += 25;
    }

  return weight;
}

static double *
candidate (Scoring *scoring,
           xmlNode *node)
{
  double *score = g_hash_table_lookup (scoring->scores, node);
  const char *name = (const char *) node->name;

  if (score != NULL)
    return score;

  score = g_new0 (double, 1);
  if (g_str_equal (name, "div") || g_str_equal (name, "article") ||
      g_str_equal (name, "main"))
    *score = 5;
  else if (g_str_equal (name, "pre") || g_str_equal (name, "td") ||
           g_str_equal (name, "blockquote") || g_str_equal (name, "section"))
    *score = 3;
  else if (name_in (name, (const char * const[]) { "address", "ol", "ul", "dl", "dd", "dt",
                                                    "li", "form", NULL }))
    *score = -3;
  else if (name_in (name, (const char * const[]) { "h1", "h2", "h3", "h4", "h5", "h6",
                                                    "th", NULL }))
    *score = -5;
  *score += class_weight (scoring, node);
  g_hash_table_insert (scoring->scores, node, score);
  g_ptr_array_add (scoring->order, node);

  return score;
}

static gboolean
has_block_child (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_block (c))
      return TRUE;
  return FALSE;
}

static gboolean
is_scored_paragraph (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (name_in (name, (const char * const[]) { "p", "pre", "td", "h2", "h3", "h4", "h5", "h6",
                                              NULL }))
    return TRUE;

  return (g_str_equal (name, "div") || g_str_equal (name, "section")) && !has_block_child (node);
}

static gboolean
score_enter (xmlNode  *node,
             gpointer  data)
{
  Scoring *scoring = data;
  const Counts *counts;
  double score;
  xmlNode *ancestor;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (!is_scored_paragraph (node))
    return TRUE;

  counts = counts_of (scoring->counts, node);
  if (counts->chars < MIN_PARAGRAPH_CHARS)
    return !is_element (node, "p") && !is_element (node, "pre");

  score = 1 + counts->commas + MIN (counts->chars / 100, 3);

  ancestor = node->parent;
  for (guint level = 0; level < 5 && ancestor != NULL && ancestor->type == XML_ELEMENT_NODE;
       level++, ancestor = ancestor->parent)
    {
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

      if (is_element (ancestor, "html"))
        break;
      *candidate (scoring, ancestor) += score / divider;
    }

  /* Paragraphs hold no further paragraphs; a td or div might. */
  return !is_element (node, "p") && !is_element (node, "pre");
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

typedef struct
{
  const Patterns *patterns;
  GHashTable     *counts;
  const char     *title;
  GPtrArray      *paragraphs;
  GByteArray     *levels;         /* per paragraph: its heading level, or 0 */
  Sink            sink;
  guint           pre_depth;
  guint           heading_level;  /* of the heading being written, or 0 */
  guint           heading_first;  /* the paragraph it started at */
} Emitter;

/* 1–6 for h1–h6, else 0. */
static guint
heading_level (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (node->type != XML_ELEMENT_NODE || (name[0] != 'h' && name[0] != 'H') ||
      name[1] < '1' || name[1] > '6' || name[2] != '\0')
    return 0;
  return (guint) (name[1] - '0');
}

static void
emit_flush (Emitter *em)
{
  GString *out = em->sink.out;

  while (out->len > 0 && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);

  if (out->len > 0)
    {
      g_ptr_array_add (em->paragraphs, g_strndup (out->str, out->len));
      g_byte_array_append (em->levels, (guint8[]) { 0 }, 1);
    }

  g_string_truncate (out, 0);
  em->sink.space = FALSE;
}

static void
emit_pre_text (Emitter    *em,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (em->sink.out, '\n');
        }
      else if (c == '\n' || c == '\t')
        {
          /* A newline right after <pre> is not part of the content. */
          if (c == '\n' && em->sink.out->len == 0)
            continue;
          g_string_append_c (em->sink.out, (char) c);
        }
      else if (!is_invisible_char (c))
        g_string_append_unichar (em->sink.out, c == 0xA0 ? ' ' : c);
    }
}

static const char * const text_blocks[] = {
  "p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5",
  "h6", "pre", "caption", "summary", NULL
};

/* An inline element whose nearest block is a paragraph-like one. */
static gboolean
in_text_block (xmlNode *node)
{
  if (is_block (node))
    return FALSE;

  for (xmlNode *n = node->parent; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (is_block (n))
      return name_in ((const char *) n->name, text_blocks);

  return FALSE;
}

static gboolean
emit_skips (Emitter *em,
            xmlNode *node)
{
  const char *name = (const char *) node->name;

  /* Byline, author, dateline and "posted on" elements are metadata, but
   * not an author link inside a sentence. */
  if (!is_element (node, "body") && !is_element (node, "article") &&
      (is_byline_node (em->patterns, node) || is_dateline_node (em->patterns, node)) &&
      counts_of (em->counts, node)->chars < MAX_BYLINE_CHARS &&
      !in_text_block (node))
    return TRUE;

  /* The title as a heading. */
  if (name_in (name, (const char * const[]) { "h1", "h2", "h3", NULL }) &&
      em->title != NULL && counts_of (em->counts, node)->chars <= 2 * (glong) strlen (em->title))
    {
      g_autofree char *text = node_text (node, NULL, NULL);

      if (same_text (text, em->title))
        return TRUE;
    }

  /* A date standing on its own between blocks. */
  if (g_str_equal (name, "time") && !in_text_block (node))
    return TRUE;

  /* Containers that are mostly links: menus, tag lists, "read more". */
  if (name_in (name, (const char * const[]) { "ul", "ol", "dl", "div", "section", "table",
                                              "menu", NULL }) &&
      link_density (em->counts, node) > 0.5)
    return TRUE;

  return FALSE;
}

static gboolean
emit_enter (xmlNode  *node,
            gpointer  data)
{
  Emitter *em = data;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content == NULL)
        return FALSE;
      if (em->pre_depth > 0)
        emit_pre_text (em, (const char *) node->content);
      else
        sink_text (&em->sink, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (is_element (node, "br"))
    {
      GString *out = em->sink.out;

      em->sink.space = FALSE;
      if (out->len > 0 && out->str[out->len - 1] == '\n')
        emit_flush (em);   /* two line breaks start a new paragraph */
      else if (out->len > 0)
        g_string_append_c (out, '\n');
      return FALSE;
    }

  if (name_in ((const char *) node->name,
               (const char * const[]) { "head", "title", "script", "style", NULL }) ||
      emit_skips (em, node))
    return FALSE;

  if (is_block (node) || is_element (node, "hr"))
    emit_flush (em);
  /* The innermost heading, should one hold another. */
  if (heading_level (node) > 0)
    {
      em->heading_level = heading_level (node);
      em->heading_first = em->paragraphs->len;
    }
  if (is_element (node, "pre") || is_element (node, "listing") || is_element (node, "xmp"))
    em->pre_depth++;

  return TRUE;
}

static void
emit_leave (xmlNode  *node,
            gpointer  data)
{
  Emitter *em = data;

  if (is_element (node, "pre") || is_element (node, "listing") || is_element (node, "xmp"))
    em->pre_depth--;
  if (is_block (node))
    emit_flush (em);
  /* A heading that became exactly one paragraph (not one holding blocks). */
  if (heading_level (node) > 0 && em->heading_level > 0)
    {
      if (em->paragraphs->len == em->heading_first + 1)
        em->levels->data[em->heading_first] = (guint8) em->heading_level;
      em->heading_level = 0;
    }
}

/* ------------------------------------------------------------------ */
/* Extraction                                                          */

static gboolean
check_bomb (const char  *data,
            gsize        len,
            GError     **error)
{
  guint n_tags = 0;
  gssize tag_start = -1;

  if (len > GLOSS_HTML_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *max = g_format_size (GLOSS_HTML_MAX_BYTES);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The page is too large (%s; at most %s can be read)"), size, max);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '<' && i + 1 < len && (g_ascii_isalpha (data[i + 1])))
        {
          if (++n_tags > GLOSS_HTML_MAX_ELEMENTS)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                           _("The page has too many elements (more than %u)"),
                           (guint) GLOSS_HTML_MAX_ELEMENTS);
              return FALSE;
            }
          if (tag_start < 0)
            tag_start = i;
        }
      else if (c == '>')
        tag_start = -1;
      else if (tag_start >= 0 && i - (gsize) tag_start > GLOSS_HTML_MAX_TAG_BYTES)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                       _("The page has a tag longer than %u bytes (a huge attribute?)"),
                       (guint) GLOSS_HTML_MAX_TAG_BYTES);
          return FALSE;
        }
    }

  return TRUE;
}

/* The text, and in @headings the spans of the paragraphs @levels marks. */
static char *
join_paragraphs (GPtrArray  *paragraphs,
                 GByteArray *levels,
                 GArray     *headings)
{
  GString *text = g_string_new (NULL);
  guint offset = 0;  /* in code points */

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (paragraphs, i);
      guint n_chars = (guint) g_utf8_strlen (paragraph, -1);

      if (i > 0)
        {
          g_string_append (text, "\n\n");
          offset += 2;
        }
      g_string_append (text, paragraph);
      if (levels->data[i] > 0)
        g_array_append_val (headings, ((GlossHeading) { offset, offset + n_chars, levels->data[i] }));
      offset += n_chars;
    }

  return g_string_free (text, FALSE);
}

static gboolean
is_sentence_end (const char *text)
{
  gsize len = strlen (text);

  return len > 0 && strchr (".!?\xE3\x80\x82", text[len - 1]) != NULL;
}

static gboolean
is_ancestor (xmlNode *ancestor,
             xmlNode *node)
{
  for (xmlNode *n = node->parent; n != NULL; n = n->parent)
    if (n == ancestor)
      return TRUE;
  return FALSE;
}

static int
compare_scores_desc (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  GHashTable *scores = data;
  double sa = *(double *) g_hash_table_lookup (scores, *(xmlNode **) a);
  double sb = *(double *) g_hash_table_lookup (scores, *(xmlNode **) b);

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

/* Sites wrap every paragraph in its own container ("text-block" divs), so
 * the best single container may hold one paragraph. Move up:
 *  - to the closest ancestor holding at least three of the other top five
 *    candidates;
 *  - through ancestors whose score does not fall below a third of the
 *    top's, taking one that scores higher;
 *  - through parents of which the candidate is the only element child. */
static xmlNode *
refine_top (Scoring *scoring,
            xmlNode *body,
            xmlNode *top)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_copy (scoring->order, NULL, NULL);
  double last_score, threshold;
  xmlNode *parent;
  guint n_top;

  /* GLib's sort is a stable merge sort: ties keep the candidate order. */
  g_ptr_array_sort_with_data (ranked, compare_scores_desc, scoring->scores);
  n_top = MIN (ranked->len, 5);

  if (n_top >= 4)
    {
      for (parent = top->parent; parent != NULL && parent != body->parent; parent = parent->parent)
        {
          guint n_inside = 0;

          for (guint i = 0; i < n_top; i++)
            {
              xmlNode *other = g_ptr_array_index (ranked, i);

              if (other != top && *candidate (scoring, other) >= 0.75 * *candidate (scoring, top) &&
                  is_ancestor (parent, other))
                n_inside++;
            }
          if (n_inside >= 3)
            {
              top = parent;
              break;
            }
        }
    }

  last_score = *candidate (scoring, top);
  threshold = last_score / 3;
  for (parent = top->parent; parent != NULL && parent != body && parent != body->parent;
       parent = parent->parent)
    {
      double *score = g_hash_table_lookup (scoring->scores, parent);

      if (score == NULL)
        continue;
      if (*score < threshold)
        break;
      if (*score > last_score)
        {
          top = parent;
          break;
        }
      last_score = *score;
    }

  while (top != body && top->parent != NULL && top->parent != body &&
         top->parent->type == XML_ELEMENT_NODE)
    {
      guint n_elements = 0;

      for (xmlNode *c = top->parent->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
          n_elements++;
      if (n_elements != 1)
        break;
      top = top->parent;
    }

  return top;
}

/* The containers to write out: the top candidate and its good siblings. */
static GPtrArray *
choose_content (Scoring *scoring,
                xmlNode *body)
{
  GPtrArray *chosen = g_ptr_array_new ();
  xmlNode *top = NULL;
  double top_score = 0;
  double threshold;

  /* In a fixed order, so equal scores always pick the same node and a
   * re-extraction gives the same text. */
  for (guint i = 0; i < scoring->order->len; i++)
    {
      xmlNode *node = g_ptr_array_index (scoring->order, i);
      double *score = g_hash_table_lookup (scoring->scores, node);

      *score *= 1.0 - link_density (scoring->counts, node);
      if (top == NULL || *score > top_score)
        {
          top = node;
          top_score = *score;
        }
    }

  if (top == NULL || top == body || top_score <= 0)
    {
      g_ptr_array_add (chosen, body);
      return chosen;
    }

  top = refine_top (scoring, body, top);
  if (top == body)
    {
      g_ptr_array_add (chosen, body);
      return chosen;
    }
  top_score = *candidate (scoring, top);

  threshold = MAX (10, top_score * 0.2);
  for (xmlNode *sibling = top->parent->children; sibling != NULL; sibling = sibling->next)
    {
      double *score;

      if (sibling->type != XML_ELEMENT_NODE)
        continue;
      if (sibling == top)
        {
          g_ptr_array_add (chosen, sibling);
          continue;
        }

      score = g_hash_table_lookup (scoring->scores, sibling);
      if (score != NULL && *score >= threshold)
        g_ptr_array_add (chosen, sibling);
      else if (is_element (sibling, "p") ||
               ((is_element (sibling, "div") || is_element (sibling, "section")) &&
                !has_block_child (sibling)))
        {
          const Counts *counts = counts_of (scoring->counts, sibling);
          glong n = counts->chars;
          double density = link_density (scoring->counts, sibling);

          if (n > 80 && density < 0.25)
            g_ptr_array_add (chosen, sibling);
          else if (n > 0 && n <= 80 && counts->links == 0)
            {
              g_autofree char *text = node_text (sibling, NULL, NULL);

              if (is_sentence_end (text))
                g_ptr_array_add (chosen, sibling);
            }
        }
    }

  return chosen;
}

static const char * const title_separators[] = {
  " | ", " - ", " – ", " — ", " · ", " » ", " :: ", " / ", NULL
};

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strv_length (words);
}

/* "Headline | Site" → "Headline", "Site | A headline" → "A headline";
 * too short either way → the whole title. */
static char *
clean_title (const char *t)
{
  const char * const *separators = title_separators;
  const char *cut = NULL;

  if (t == NULL || *t == '\0')
    return NULL;

  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *p = t, *found = NULL;

      while ((p = strstr (p, separators[i])) != NULL)
        {
          found = p;
          p += strlen (separators[i]);
        }
      if (found != NULL && (cut == NULL || found > cut))
        cut = found;
    }

  if (cut != NULL)
    {
      g_autofree char *before = g_strndup (t, cut - t);

      if (count_words (before) >= 3)
        return g_steal_pointer (&before);

      /* "Site | A headline": keep what follows the first separator. */
      {
        const char *first = NULL;
        gsize first_len = 0;

        for (guint i = 0; separators[i] != NULL; i++)
          {
            const char *f = strstr (t, separators[i]);

            if (f != NULL && (first == NULL || f < first))
              {
                first = f;
                first_len = strlen (separators[i]);
              }
          }
        if (count_words (first + first_len) >= 3)
          return g_strdup (first + first_len);
      }
    }

  return g_strdup (t);
}

/* A title from meta tags often carries the site name ("Headline | Site"):
 * when the page's <h1> is that title without the suffix, prefer it. */
static char *
title_without_site (const char *title,
                    const char *h1)
{
  gsize n;

  if (title == NULL || h1 == NULL || *h1 == '\0')
    return g_strdup (title);

  n = strlen (h1);
  if (strncmp (title, h1, n) == 0)
    for (guint i = 0; title_separators[i] != NULL; i++)
      if (g_str_has_prefix (title + n, title_separators[i]))
        return g_strdup (h1);

  return g_strdup (title);
}

static const char *
meta_get (Scan       *scan,
          const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (scan->meta, keys[i]);

      if (value != NULL)
        return value;
    }
  return NULL;
}

static gboolean
looks_like_url (const char *s)
{
  return s != NULL && (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"));
}

static char *
strip_by (const char *byline)
{
  static const char * const prefixes[] = { "by ", "by: ", "written by ", "von ", "par ", "por ", NULL };

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (byline, prefixes[i], strlen (prefixes[i])) == 0)
      return g_strdup (byline + strlen (prefixes[i]));

  return g_strdup (byline);
}

static void
fill_metadata (GlossHtmlArticle *article,
               Scan             *scan,
               const char       *base_url)
{
  const char *s;

  /* Title: JSON-LD headline, og/dc/twitter title, <title>, the only <h1>. */
  article->title = g_strdup (scan->ld.headline);
  if (article->title == NULL)
    article->title = title_without_site (meta_get (scan, (const char * const[]) {
      "og:title", "dc.title", "dc:title", "dcterms.title", "twitter:title", NULL }),
      scan->first_h1);
  if (article->title == NULL)
    article->title = clean_title (scan->title_tag);
  if (article->title == NULL && scan->first_h1 != NULL && *scan->first_h1 != '\0')
    article->title = g_strdup (scan->first_h1);

  /* Byline: JSON-LD authors, author meta tags, a byline element. */
  article->byline = g_strdup (scan->ld.author);
  if (article->byline == NULL)
    article->byline = g_strdup (meta_get (scan, (const char * const[]) {
      "author", "dc.creator", "dc:creator", "dcterms.creator", "parsely-author",
      "sailthru.author", NULL }));
  if (article->byline == NULL)
    {
      s = meta_get (scan, (const char * const[]) { "article:author", NULL });
      if (s != NULL && !looks_like_url (s))
        article->byline = g_strdup (s);
    }
  if (article->byline == NULL && scan->byline_text != NULL)
    article->byline = strip_by (scan->byline_text);

  /* Dates. */
  article->published = g_strdup (scan->ld.published);
  if (article->published == NULL)
    article->published = g_strdup (meta_get (scan, (const char * const[]) {
      "article:published_time", "og:published_time", "datepublished", "parsely-pub-date",
      "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created",
      "sailthru.date", NULL }));
  if (article->published == NULL)
    article->published = g_strdup (scan->time_datetime);

  article->modified = g_strdup (scan->ld.modified);
  if (article->modified == NULL)
    article->modified = g_strdup (meta_get (scan, (const char * const[]) {
      "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", NULL }));

  /* Language: JSON-LD, <html lang>, Content-Language, og:locale. */
  article->language = g_strdup (scan->ld.language);
  if (article->language == NULL)
    article->language = g_strdup (scan->html_lang);
  if (article->language == NULL)
    article->language = g_strdup (meta_get (scan, (const char * const[]) {
      "content-language", "dc.language", "language", NULL }));
  if (article->language == NULL)
    {
      s = meta_get (scan, (const char * const[]) { "og:locale", NULL });
      if (s != NULL)
        article->language = g_strdelimit (g_strdup (s), "_", '-');
    }

  article->publisher = g_strdup (scan->ld.publisher);
  article->site_name = g_strdup (meta_get (scan, (const char * const[]) {
    "og:site_name", "application-name", NULL }));
  if (article->site_name == NULL)
    article->site_name = g_strdup (scan->ld.publisher);

  /* Canonical link, else og:url; relative ones only with a base URL. */
  {
    const char *urls[2] = { scan->canonical,
                            meta_get (scan, (const char * const[]) { "og:url", NULL }) };

    for (guint i = 0; i < 2 && article->canonical_url == NULL; i++)
      {
        char *resolved = NULL;

        if (urls[i] == NULL)
          continue;
        if (base_url != NULL)
          resolved = g_uri_resolve_relative (base_url, urls[i], G_URI_FLAGS_NONE, NULL);
        else if (looks_like_url (urls[i]))
          resolved = g_strdup (urls[i]);
        if (resolved != NULL && looks_like_url (resolved))
          article->canonical_url = resolved;
        else
          g_free (resolved);
      }
  }
}

/* One attempt; returns the article (maybe with too little text). */
static GlossHtmlArticle *
extract_once (const char  *utf8,
              gsize        len,
              const char  *base_url,
              gboolean     strip_unlikely,
              GError     **error)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GByteArray) levels = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) scores = NULL;
  g_autoptr(GHashTable) counts = NULL;
  GlossHtmlArticle *article;
  Scan scan = { 0, };
  Scoring scoring = { 0, };
  Emitter em = { 0, };
  htmlDocPtr doc;
  xmlNode *root;

  doc = htmlReadMemory (utf8, (int) len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_ARTICLE,
                   _("The page has no content"));
      return NULL;
    }

  scan.strip_unlikely = strip_unlikely;
  scan.patterns = patterns_get ();
  scan.remove = g_ptr_array_new ();
  scan.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk (root, scan_enter, scan_leave, &scan);

  /* Without HTML_PARSE_HUGE libxml2 stops at 256 levels; refuse the
   * truncated tree rather than show half a page. */
  if (scan.max_depth > GLOSS_HTML_MAX_DEPTH)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP,
                   _("The page nests elements more than %u levels deep"),
                   (guint) GLOSS_HTML_MAX_DEPTH);
      scan_clear (&scan);
      xmlFreeDoc (doc);
      return NULL;
    }

  for (guint i = 0; i < scan.remove->len; i++)
    {
      xmlNode *node = g_ptr_array_index (scan.remove, i);

      xmlUnlinkNode (node);
      xmlFreeNode (node);
    }

  article = g_new0 (GlossHtmlArticle, 1);
  fill_metadata (article, &scan, base_url);

  if (scan.body == NULL)
    scan.body = root;

  counts = count_text (scan.body);
  scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  scoring.counts = counts;
  scoring.patterns = scan.patterns;
  scoring.weight_classes = TRUE;
  scoring.scores = scores;
  scoring.order = g_ptr_array_new ();
  walk (scan.body, score_enter, NULL, &scoring);
  chosen = choose_content (&scoring, scan.body);
  g_ptr_array_unref (scoring.order);

  paragraphs = g_ptr_array_new_with_free_func (g_free);
  levels = g_byte_array_new ();
  em.levels = levels;
  em.patterns = scan.patterns;
  em.counts = counts;
  em.title = article->title;
  em.paragraphs = paragraphs;
  em.sink.out = g_string_new (NULL);
  for (guint i = 0; i < chosen->len; i++)
    {
      walk (g_ptr_array_index (chosen, i), emit_enter, emit_leave, &em);
      emit_flush (&em);
    }
  g_string_free (em.sink.out, TRUE);

  /* A paragraph that is only the byline or the title is metadata. */
  for (guint i = 0; i < paragraphs->len;)
    {
      const char *p = g_ptr_array_index (paragraphs, i);
      g_autofree char *without_by = strip_by (p);

      if ((article->byline != NULL && (same_text (p, article->byline) ||
                                       same_text (without_by, article->byline))) ||
          same_text (p, article->title))
        {
          g_ptr_array_remove_index (paragraphs, i);
          g_byte_array_remove_index (levels, i);
        }
      else
        i++;
    }

  article->headings = g_array_new (FALSE, FALSE, sizeof (GlossHeading));
  article->text = join_paragraphs (paragraphs, levels, article->headings);

  scan_clear (&scan);
  xmlFreeDoc (doc);

  return article;
}

/* The size of a text for the "is it an article" test: a wide (CJK)
 * character carries about as much as two Latin ones. */
static glong
weighted_length (const char *text)
{
  glong n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return n;
}

GlossHtmlArticle *
gloss_html_extract (const char  *data,
                    gsize        len,
                    const char  *http_charset,
                    const char  *base_url,
                    GError     **error)
{
  g_autoptr(GlossHtmlArticle) article = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *utf8 = NULL;
  glong n_chars;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  gloss_html_extractor_init ();

  if (!check_bomb (data, len, error))
    return NULL;

  utf8 = gloss_html_decode (data, len, http_charset, &charset, error);
  if (utf8 == NULL)
    return NULL;

  {
    const char *p = utf8;

    while (*p != '\0' && g_ascii_isspace (*p))
      p++;
    if (*p == '\0')
      {
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, _("The page is empty"));
        return NULL;
      }
  }

  article = extract_once (utf8, strlen (utf8), base_url, TRUE, error);
  if (article == NULL)
    return NULL;

  n_chars = weighted_length (article->text);
  if (n_chars < GLOSS_HTML_MIN_ARTICLE_CHARS)
    {
      g_autoptr(GlossHtmlArticle) retry = extract_once (utf8, strlen (utf8), base_url, FALSE, NULL);

      if (retry != NULL && weighted_length (retry->text) > n_chars)
        {
          gloss_html_article_free (article);
          article = g_steal_pointer (&retry);
          n_chars = weighted_length (article->text);
        }
    }

  if (n_chars < GLOSS_HTML_MIN_ARTICLE_CHARS)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_ARTICLE,
                   _("The page holds no article: only %ld characters of text were found "
                     "outside menus and link lists (at least %d are needed)"),
                   n_chars, GLOSS_HTML_MIN_ARTICLE_CHARS);
      return NULL;
    }

  article->charset = g_steal_pointer (&charset);

  return g_steal_pointer (&article);
}

GlossDocument *
gloss_html_document_new (const char  *data,
                         gsize        len,
                         const char  *http_charset,
                         const char  *source,
                         const char  *retrieved,
                         GError     **error)
{
  g_autoptr(GlossHtmlArticle) article = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;
  const char *base_url = NULL;

  if (source != NULL && looks_like_url (source))
    base_url = source;

  article = gloss_html_extract (data, len, http_charset, base_url, error);
  if (article == NULL)
    return NULL;

  document = gloss_document_new (article->text, -1);
  /* Made with the text, so always valid. */
  if (!gloss_document_set_headings (document, (const GlossHeading *) (gpointer) article->headings->data,
                                    article->headings->len, &local_error))
    g_critical ("%s", local_error->message);
  gloss_document_set_metadata (document, "title", article->title);
  gloss_document_set_metadata (document, "byline", article->byline);
  gloss_document_set_metadata (document, "published", article->published);
  gloss_document_set_metadata (document, "modified", article->modified);
  gloss_document_set_metadata (document, "language", article->language);
  gloss_document_set_metadata (document, "site_name", article->site_name);
  gloss_document_set_metadata (document, "publisher", article->publisher);
  gloss_document_set_metadata (document, "canonical_url", article->canonical_url);
  gloss_document_set_metadata (document, "source", source);
  gloss_document_set_metadata (document, "retrieved", retrieved);
  gloss_document_set_metadata (document, "extractor", GLOSS_HTML_EXTRACTOR);

  return document;
}

GlossDocument *
gloss_html_document_load (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *source = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = gloss_file_load (file, GLOSS_HTML_MAX_BYTES, NULL, cancellable, error);
  if (bytes == NULL)
    return NULL;

  source = g_file_get_path (file);
  if (source == NULL)
    source = g_file_get_uri (file);
  data = g_bytes_get_data (bytes, &len);

  return gloss_html_document_new (data != NULL ? data : "", len, NULL, source, NULL, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GlossDocument *document = gloss_html_document_load (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
gloss_html_document_load_async (GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  gloss_html_extractor_init ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_html_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

GlossDocument *
gloss_html_document_load_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
