/* gloss-export-report.c: a self-contained HTML report and a Markdown summary
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTML page loads nothing (no scripts, fonts, images or links to
 * stylesheets): inline CSS, an inline SVG chart. Overlapping annotations are
 * drawn by cutting the text at every span boundary and nesting, in each
 * piece, one <mark> per covering annotation (outermost first). */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export-private.h"

static const char *verdict_names[][2] = {
  { "true", N_("True") }, { "mostly-true", N_("Mostly true") }, { "mixed", N_("Mixed") },
  { "mostly-false", N_("Mostly false") }, { "false", N_("False") },
  { "unverifiable", N_("Unverifiable") }, { "not-checked", N_("Not checked") },
};

static const char *
verdict_name (const char *verdict)
{
  for (guint i = 0; verdict && i < G_N_ELEMENTS (verdict_names); i++)
    if (g_str_equal (verdict, verdict_names[i][0]))
      return _(verdict_names[i][1]);
  return verdict;
}

static void
esc (GString    *out,
     const char *s)
{
  g_autofree char *e = g_markup_escape_text (s ? s : "", -1);
  g_string_append (out, e);
}

/* Label name → 1 + its position in the label set (the first, as
 * gloss_label_set_index_of), looked up per mark instead of a scan. */
static GHashTable *
label_positions (GlossLabelSet *labels)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      const char *name = gloss_label_get_name (gloss_label_set_get_label (labels, i));

      if (!g_hash_table_contains (positions, name))
        g_hash_table_insert (positions, (gpointer) name, GUINT_TO_POINTER (i + 1));
    }

  return positions;
}

static int
label_position (GHashTable *positions,
                const char *label)
{
  return label ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (positions, label)) - 1 : -1;
}

static int
outer_first (gconstpointer pa,
             gconstpointer pb)
{
  GlossAnnotation *a = *(GlossAnnotation **) pa;
  GlossAnnotation *b = *(GlossAnnotation **) pb;

  if (gloss_annotation_get_start (a) != gloss_annotation_get_start (b))
    return gloss_annotation_get_start (a) < gloss_annotation_get_start (b) ? -1 : 1;
  if (gloss_annotation_get_end (a) != gloss_annotation_get_end (b))
    return gloss_annotation_get_end (a) > gloss_annotation_get_end (b) ? -1 : 1;
  return gloss_annotation_compare (a, b);
}

static int
cmp_uint (gconstpointer a,
          gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

static GPtrArray *
claims_of (GlossDocument *document,
           GPtrArray     *annotations)
{
  GPtrArray *claims = g_ptr_array_new ();

  for (guint i = 0; i < annotations->len; i++)
    if (gloss_export_label_kind (document, gloss_annotation_get_label (annotations->pdata[i])) == GLOSS_LABEL_KIND_CLAIM)
      g_ptr_array_add (claims, annotations->pdata[i]);
  return claims;
}

static char *
claimant_of (GlossDocument   *document,
             GHashTable      *outgoing,
             GlossAnnotation *claim)
{
  GPtrArray *rels = g_hash_table_lookup (outgoing, gloss_annotation_get_id (claim));
  const char *text;

  for (guint i = 0; rels != NULL && i < rels->len; i++)
    {
      GlossRelation *r = rels->pdata[i];
      GlossAnnotation *e;

      if (!g_str_equal (gloss_relation_get_kind (r), "claimant"))
        continue;
      e = gloss_annotation_store_lookup (gloss_document_get_annotations (document), gloss_relation_get_to (r));
      if (e != NULL)
        {
          const char *canonical = gloss_annotation_get_attribute_string (e, "canonical_name");
          return g_strdup (canonical ? canonical : gloss_annotation_get_quote (e));
        }
    }
  text = gloss_annotation_get_attribute_string (claim, "claimant");
  return g_strdup (text);
}

static const char *
quote_of (GlossDocument *document,
          const char    *id)
{
  GlossAnnotation *a = gloss_annotation_store_lookup (gloss_document_get_annotations (document), id);
  return a ? gloss_annotation_get_quote (a) : id;
}

static gboolean
html_export (GlossDocument      *document,
             GHashTable         *options,
             GlossExportResult  *result,
             GError            **error)
{
  GlossTextIndex *index = gloss_document_get_index (document);
  GlossLabelSet *labels = gloss_document_get_labels (document);
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) relations = gloss_export_relations (document);
  g_autoptr(GHashTable) outgoing = gloss_export_relations_by_source (relations);
  g_autoptr(GPtrArray) claims = claims_of (document, annotations);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *generated = gloss_export_generated_time (options);
  const char *title = gloss_document_get_title (document);
  const char *lang = gloss_document_get_language (document);
  guint length = gloss_document_get_length (document);
  guint n_labels = gloss_label_set_get_n_labels (labels);
  g_autofree guint *counts = g_new0 (guint, n_labels + 1);
  g_autoptr(GHashTable) positions = label_positions (labels);
  guint next = 0, max_count = 1, shown = 0;

  if (title == NULL || *title == '\0')
    title = _("Annotated article");

  for (guint i = 0; i < annotations->len; i++)
    {
      int li = label_position (positions, gloss_annotation_get_label (annotations->pdata[i]));
      counts[li < 0 ? n_labels : (guint) li]++;
    }
  for (guint i = 0; i <= n_labels; i++)
    max_count = MAX (max_count, counts[i]);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  esc (out, lang && *lang ? lang : "und");
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"generator\" content=\"Gloss " PACKAGE_VERSION "\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>");
  esc (out, title);
  g_string_append (out, "</title>\n<style>\n"
                        "body{font-family:serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222;background:#fff;line-height:1.6}\n"
                        "h1,h2{font-family:sans-serif}\n.meta{color:#555;font-size:.9em}\n"
                        ".text{white-space:pre-wrap;font-size:1.05em}\n"
                        "mark{color:inherit;padding:.1em 0;border-bottom:2px solid;}\n"
                        "mark mark{padding:.25em 0}\nmark mark mark{padding:.4em 0}\n"
                        "sup a{text-decoration:none}\n"
                        ".legend ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5em 1.2em}\n"
                        ".swatch{display:inline-block;width:1em;height:1em;vertical-align:middle;margin-right:.3em;border:1px solid #0003}\n"
                        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}\n"
                        ".verdict{font-weight:bold}\n");
  for (guint i = 0; i < n_labels; i++)
    {
      GlossLabel *l = gloss_label_set_get_label (labels, i);
      double r = 0.5, g = 0.5, b = 0.5;

      gloss_label_get_rgb (l, &r, &g, &b);
      g_string_append_printf (out, ".l%u{background:rgba(%d,%d,%d,.22);border-color:rgb(%d,%d,%d)}\n", i,
                              (int) (r * 255), (int) (g * 255), (int) (b * 255),
                              (int) (r * 255), (int) (g * 255), (int) (b * 255));
    }
  g_string_append (out, ".lx{background:rgba(128,128,128,.22);border-color:#888}\n"
                        "@media print{body{max-width:none;margin:0;font-size:11pt}"
                        "mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
                        "section{break-inside:avoid-page}a{color:inherit}}\n"
                        "</style>\n</head>\n<body>\n<header>\n<h1>");
  esc (out, title);
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  if (gloss_document_get_byline (document))
    {
      esc (out, gloss_document_get_byline (document));
      g_string_append (out, " · ");
    }
  if (gloss_document_get_published (document))
    {
      esc (out, gloss_document_get_published (document));
      g_string_append (out, " · ");
    }
  if (gloss_document_get_source (document))
    {
      const char *source = gloss_document_get_source (document);

      /* Only web links are clickable (no javascript: or file: URLs). */
      if (g_str_has_prefix (source, "https://") || g_str_has_prefix (source, "http://"))
        {
          g_string_append (out, "<a href=\"");
          esc (out, source);
          g_string_append (out, "\">");
          esc (out, source);
          g_string_append (out, "</a> · ");
        }
      else
        {
          esc (out, source);
          g_string_append (out, " · ");
        }
    }
  g_string_append_printf (out, "%s ", _("Report generated"));
  esc (out, generated);
  g_string_append (out, "</p>\n</header>\n");

  /* Legend and chart */
  g_string_append_printf (out, "<section class=\"legend\">\n<h2>%s</h2>\n<ul>\n", _("Labels"));
  for (guint i = 0; i < n_labels; i++)
    {
      GlossLabel *l = gloss_label_set_get_label (labels, i);

      if (counts[i] == 0)
        continue;
      g_string_append_printf (out, "<li><span class=\"swatch l%u\"></span>", i);
      esc (out, gloss_label_get_name (l));
      g_string_append_printf (out, " (%u)</li>\n", counts[i]);
      shown++;
    }
  g_string_append (out, "</ul>\n");
  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s\" width=\"420\" height=\"%u\" viewBox=\"0 0 420 %u\">\n",
                          _("Annotations by label"), shown * 22 + 4, shown * 22 + 4);
  shown = 0;
  for (guint i = 0; i < n_labels; i++)
    {
      GlossLabel *l = gloss_label_set_get_label (labels, i);
      g_autofree char *color = g_strdup (gloss_color_is_valid (gloss_label_get_color (l)) ? gloss_label_get_color (l) : "#888888");
      guint width = counts[i] * 260 / max_count;

      if (counts[i] == 0)
        continue;
      g_string_append_printf (out, "<text x=\"0\" y=\"%u\" font-family=\"sans-serif\" font-size=\"12\">", shown * 22 + 16);
      esc (out, gloss_label_get_name (l));
      g_string_append_printf (out, "</text><rect x=\"120\" y=\"%u\" width=\"%u\" height=\"16\" fill=\"%s\"/>"
                                   "<text x=\"%u\" y=\"%u\" font-family=\"sans-serif\" font-size=\"12\">%u</text>\n",
                              shown * 22 + 4, MAX (width, 1u), color, 126 + width, shown * 22 + 16, counts[i]);
      shown++;
    }
  g_string_append (out, "</svg>\n</section>\n");

  /* The article */
  for (guint i = 0; i < annotations->len; i++)
    {
      guint s = gloss_annotation_get_start (annotations->pdata[i]);
      guint e = gloss_annotation_get_end (annotations->pdata[i]);
      g_array_append_val (bounds, s);
      g_array_append_val (bounds, e);
    }
  g_array_append_val (bounds, length);
  g_array_sort (bounds, cmp_uint);

  g_string_append_printf (out, "<h2>%s</h2>\n<article class=\"text\">", _("Article"));
  {
    guint pos = 0;
    const char *cursor = gloss_text_index_get_text (index);

    for (guint bi = 0; bi < bounds->len; bi++)
      {
        guint b = g_array_index (bounds, guint, bi);

        if (b <= pos)
          continue;
        /* active = annotations covering [pos, b) */
        while (next < annotations->len && gloss_annotation_get_start (annotations->pdata[next]) <= pos)
          g_ptr_array_add (active, annotations->pdata[next++]);
        for (guint k = active->len; k > 0; k--)
          if (gloss_annotation_get_end (active->pdata[k - 1]) <= pos)
            g_ptr_array_remove_index (active, k - 1);
        g_ptr_array_sort (active, outer_first);

        for (guint k = 0; k < active->len; k++)
          {
            GlossAnnotation *a = active->pdata[k];
            int li = label_position (positions, gloss_annotation_get_label (a));

            if (li >= 0)
              g_string_append_printf (out, "<mark class=\"l%d\" title=\"", li);
            else
              g_string_append (out, "<mark class=\"lx\" title=\"");
            esc (out, gloss_annotation_get_label (a));
            g_string_append (out, "\">");
          }
        {
          /* The text from @pos to @b, walking on from the last piece */
          const char *to = g_utf8_offset_to_pointer (cursor, b - pos);
          g_autofree char *e = g_markup_escape_text (cursor, to - cursor);

          g_string_append (out, e);
          cursor = to;
        }
        for (guint k = active->len; k > 0; k--)
          {
            GlossAnnotation *a = active->pdata[k - 1];

            g_string_append (out, "</mark>");
            if (gloss_annotation_get_end (a) == b && gloss_annotation_get_note (a) != NULL)
              {
                g_ptr_array_add (notes, a);
                g_string_append_printf (out, "<sup id=\"ref-%u\"><a href=\"#note-%u\">%u</a></sup>",
                                        notes->len, notes->len, notes->len);
              }
          }
        pos = b;
      }
  }
  g_string_append (out, "</article>\n");

  if (claims->len > 0)
    {
      g_string_append_printf (out, "<section class=\"claims\">\n<h2>%s</h2>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                              _("Claims"), _("Claim"), _("Verdict"), _("Claimant"), _("Evidence"));
      for (guint i = 0; i < claims->len; i++)
        {
          GlossAnnotation *c = claims->pdata[i];
          g_autofree char *claimant = claimant_of (document, outgoing, c);
          const char *verdict = gloss_annotation_get_attribute_string (c, "verdict");
          const char *evidence = gloss_annotation_get_attribute_string (c, "evidence");

          g_string_append (out, "<tr><td>“");
          esc (out, gloss_annotation_get_quote (c));
          g_string_append (out, "”</td><td class=\"verdict\">");
          esc (out, verdict ? verdict_name (verdict) : _("Not checked"));
          g_string_append (out, "</td><td>");
          esc (out, claimant);
          g_string_append (out, "</td><td style=\"white-space:pre-wrap\">");
          esc (out, evidence);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</table>\n</section>\n");
    }

  if (relations->len > 0)
    {
      g_string_append_printf (out, "<section class=\"relations\">\n<h2>%s</h2>\n<ul>\n", _("Relations"));
      for (guint i = 0; i < relations->len; i++)
        {
          GlossRelation *r = relations->pdata[i];

          g_string_append (out, "<li>“");
          esc (out, quote_of (document, gloss_relation_get_from (r)));
          g_string_append (out, "” <em>");
          esc (out, gloss_relation_get_kind (r));
          g_string_append (out, "</em> “");
          esc (out, quote_of (document, gloss_relation_get_to (r)));
          g_string_append (out, "”");
          if (gloss_relation_get_note (r))
            {
              g_string_append (out, " — ");
              esc (out, gloss_relation_get_note (r));
            }
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n</section>\n");
    }

  if (notes->len > 0)
    {
      g_string_append_printf (out, "<section class=\"notes\">\n<h2>%s</h2>\n<ol>\n", _("Notes"));
      for (guint i = 0; i < notes->len; i++)
        {
          GlossAnnotation *a = notes->pdata[i];

          g_string_append_printf (out, "<li id=\"note-%u\"><q>", i + 1);
          esc (out, gloss_annotation_get_quote (a));
          g_string_append (out, "</q> ");
          esc (out, gloss_annotation_get_note (a));
          g_string_append_printf (out, " <a href=\"#ref-%u\">↩</a></li>\n", i + 1);
        }
      g_string_append (out, "</ol>\n</section>\n");
    }

  g_string_append (out, "</body>\n</html>\n");
  gloss_export_result_add_loss (result, _("A report for reading: it cannot be imported again."));
  bytes = g_bytes_new (out->str, out->len);
  gloss_export_result_add_file (result, ".html", bytes);
  return TRUE;
}

static void
md (GString    *out,
    const char *s)
{
  for (const char *p = s ? s : ""; *p; p++)
    {
      if (strchr ("\\`*_[]<>|#", *p) != NULL)
        g_string_append_c (out, '\\');
      if (*p == '\n' || *p == '\t' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static gboolean
markdown_export (GlossDocument      *document,
                 GHashTable         *options,
                 GlossExportResult  *result,
                 GError            **error)
{
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossAnnotationStore *store = gloss_document_get_annotations (document);
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) relations = gloss_export_relations (document);
  g_autoptr(GHashTable) outgoing = gloss_export_relations_by_source (relations);
  g_autoptr(GPtrArray) claims = claims_of (document, annotations);
  g_autoptr(GString) out = g_string_new ("# ");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *generated = gloss_export_generated_time (options);
  const char *title = gloss_document_get_title (document);
  guint n_notes = 0, n_entities = 0;

  md (out, title && *title ? title : _("Annotated article"));
  g_string_append (out, "\n\n");
  if (gloss_document_get_source (document))
    {
      const char *source = gloss_document_get_source (document);

      g_string_append_printf (out, "%s: ", _("Source"));
      if ((g_str_has_prefix (source, "https://") || g_str_has_prefix (source, "http://")) &&
          strpbrk (source, " <>\n\t") == NULL)
        g_string_append_printf (out, "<%s>", source);
      else
        md (out, source);
      g_string_append (out, "  \n");
    }
  if (gloss_document_get_published (document))
    {
      g_string_append_printf (out, "%s: ", _("Published"));
      md (out, gloss_document_get_published (document));
      g_string_append (out, "  \n");
    }
  g_string_append_printf (out, "%s %s, %u %s.\n\n", _("Summary generated"), generated,
                          gloss_annotation_store_get_n_items (store), _("annotations"));

  g_string_append_printf (out, "## %s\n\n| %s | %s | %s |\n|---|---|---:|\n", _("Annotations by label"),
                          _("Label"), _("Kind"), _("Count"));
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *l = gloss_label_set_get_label (labels, i);
      guint n = gloss_annotation_store_count_label (store, gloss_label_get_name (l));

      if (n == 0)
        continue;
      g_string_append (out, "| ");
      md (out, gloss_label_get_name (l));
      g_string_append_printf (out, " | %s | %u |\n", gloss_label_kind_to_string (gloss_label_get_kind (l)), n);
    }

  if (claims->len > 0)
    {
      g_string_append_printf (out, "\n## %s\n\n", _("Claims"));
      for (guint i = 0; i < claims->len; i++)
        {
          GlossAnnotation *c = claims->pdata[i];
          const char *verdict = gloss_annotation_get_attribute_string (c, "verdict");
          const char *evidence = gloss_annotation_get_attribute_string (c, "evidence");
          GVariant *worth = gloss_annotation_get_attribute (c, "check_worthiness");
          g_autofree char *claimant = claimant_of (document, outgoing, c);

          g_string_append (out, "- “");
          md (out, gloss_annotation_get_quote (c));
          g_string_append_printf (out, "” — **%s**", verdict ? verdict_name (verdict) : _("Not checked"));
          if (claimant)
            {
              g_string_append_printf (out, "; %s: ", _("claimant"));
              md (out, claimant);
            }
          if (worth && g_variant_is_of_type (worth, G_VARIANT_TYPE_INT64))
            g_string_append_printf (out, "; %s %" G_GINT64_FORMAT "/5", _("check-worthiness"), g_variant_get_int64 (worth));
          g_string_append_c (out, '\n');
          if (evidence)
            {
              g_auto(GStrv) lines = g_strsplit (evidence, "\n", -1);
              for (guint k = 0; lines[k]; k++)
                if (*g_strstrip (lines[k]))
                  {
                    g_string_append (out, "  - ");
                    md (out, lines[k]);
                    g_string_append_c (out, '\n');
                  }
            }
        }
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      const char *kb = gloss_annotation_get_attribute_string (a, "kb_id");
      g_autofree char *iri = kb ? gloss_export_kb_iri (kb) : NULL;

      if (gloss_export_label_kind (document, gloss_annotation_get_label (a)) != GLOSS_LABEL_KIND_ENTITY)
        continue;
      if (n_entities++ == 0)
        g_string_append_printf (out, "\n## %s\n\n", _("Entities"));
      g_string_append (out, "- ");
      md (out, gloss_annotation_get_quote (a));
      g_string_append (out, " (");
      md (out, gloss_annotation_get_label (a));
      g_string_append (out, ")");
      if (kb)
        {
          g_string_append (out, " — ");
          if (iri && strpbrk (iri, " <>\n\t") == NULL)
            {
              g_string_append (out, "<");
              g_string_append (out, iri);
              g_string_append (out, ">");
            }
          else
            md (out, kb);
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];

      if (gloss_annotation_get_note (a) == NULL)
        continue;
      if (n_notes++ == 0)
        g_string_append_printf (out, "\n## %s\n\n", _("Notes"));
      g_string_append_printf (out, "%u. “", n_notes);
      md (out, gloss_annotation_get_quote (a));
      g_string_append (out, "”: ");
      md (out, gloss_annotation_get_note (a));
      g_string_append_c (out, '\n');
    }

  if (relations->len > 0)
    {
      g_string_append_printf (out, "\n## %s\n\n", _("Relations"));
      for (guint i = 0; i < relations->len; i++)
        {
          GlossRelation *r = relations->pdata[i];

          g_string_append (out, "- “");
          md (out, quote_of (document, gloss_relation_get_from (r)));
          g_string_append (out, "” → *");
          md (out, gloss_relation_get_kind (r));
          g_string_append (out, "* → “");
          md (out, quote_of (document, gloss_relation_get_to (r)));
          g_string_append (out, "”\n");
        }
    }

  gloss_export_result_add_loss (result, _("A summary for reading: offsets and the full text are not included."));
  bytes = g_bytes_new (out->str, out->len);
  gloss_export_result_add_file (result, ".md", bytes);
  return TRUE;
}

const GlossFormatInfo gloss_format_html = {
  .id = "html",
  .name = N_("HTML report"),
  .description = N_("One self-contained page: the article with coloured highlights, legend, chart, claims, relations and notes; prints well"),
  .extension = "html",
  .media_type = "text/html",
  .offset_unit = N_("none"),
  .keeps = N_("the text, highlights, labels and colours, notes, claims with verdicts, relations"),
  .loses = N_("ids, offsets, attributes other than claim fields; it cannot be imported"),
  .options = (const GlossFormatOption[]) { { NULL } },
  .export_func = html_export,
};

const GlossFormatInfo gloss_format_markdown = {
  .id = "markdown",
  .name = N_("Markdown summary"),
  .description = N_("Counts, claims with verdicts, entities, notes and relations, for pasting into a document"),
  .extension = "md",
  .media_type = "text/markdown",
  .offset_unit = N_("none"),
  .keeps = N_("counts by label, claims, entities with knowledge-base ids, notes, relations"),
  .loses = N_("the text, offsets, highlights; it cannot be imported"),
  .options = (const GlossFormatOption[]) { { NULL } },
  .export_func = markdown_export,
};
