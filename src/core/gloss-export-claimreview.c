/* gloss-export-claimreview.c: schema.org ClaimReview JSON-LD
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules: formats.md §5. One ClaimReview per claim that has a "verdict"
 * (other than "not-checked"). Rating scale 1 (false) … 5 (true);
 * "unverifiable" has no place on that scale and gets only alternateName. */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-export-private.h"

static const struct
{
  const char *verdict;
  const char *name;
  int         value;
} ratings[] = {
  { "true",         N_("True"),         5 },
  { "mostly-true",  N_("Mostly true"),  4 },
  { "mixed",        N_("Mixed"),        3 },
  { "mostly-false", N_("Mostly false"), 2 },
  { "false",        N_("False"),        1 },
  { "unverifiable", N_("Unverifiable"), 0 },
};

static void
member (JsonBuilder *b,
        const char  *name,
        const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static char *
collapse_space (const char *s)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The claimant: a "claimant" relation from the claim to an entity wins over
 * the free-text "claimant" attribute. */
static void
add_claimant (JsonBuilder     *b,
              GlossDocument   *document,
              GlossAnnotation *claim)
{
  g_autoptr(GPtrArray) rels = gloss_document_relations_of (document, gloss_annotation_get_id (claim));
  GlossAnnotation *entity = NULL;
  const char *text;

  for (guint i = 0; rels != NULL && i < rels->len && entity == NULL; i++)
    {
      GlossRelation *r = rels->pdata[i];

      if (g_str_equal (gloss_relation_get_kind (r), "claimant") &&
          g_str_equal (gloss_relation_get_from (r), gloss_annotation_get_id (claim)))
        entity = gloss_annotation_store_lookup (gloss_document_get_annotations (document),
                                                gloss_relation_get_to (r));
    }

  if (entity != NULL)
    {
      const char *label = gloss_annotation_get_label (entity);
      const char *canonical = gloss_annotation_get_attribute_string (entity, "canonical_name");
      const char *kb = gloss_annotation_get_attribute_string (entity, "kb_id");
      g_autofree char *name = collapse_space (canonical ? canonical : gloss_annotation_get_quote (entity));
      g_autofree char *iri = kb ? gloss_export_kb_iri (kb) : NULL;
      gboolean org = g_ascii_strcasecmp (label, "ORG") == 0 || g_ascii_strcasecmp (label, "Organization") == 0 ||
                     g_ascii_strcasecmp (label, "GPE") == 0;

      json_builder_set_member_name (b, "author");
      json_builder_begin_object (b);
      member (b, "@type", org ? "Organization" : "Person");
      member (b, "name", name);
      member (b, "sameAs", iri);
      json_builder_end_object (b);
      return;
    }

  text = gloss_annotation_get_attribute_string (claim, "claimant");
  if (text != NULL && *text)
    {
      json_builder_set_member_name (b, "author");
      json_builder_begin_object (b);
      member (b, "@type", "Person");
      member (b, "name", text);
      json_builder_end_object (b);
    }
}

static void
add_review (JsonBuilder       *b,
            GlossDocument     *document,
            GlossAnnotation   *claim,
            int                rating,
            GHashTable        *options,
            const char        *date,
            gboolean           with_context,
            GlossExportResult *result)
{
  const char *reviewer = gloss_format_option_get (&gloss_format_claimreview, options, "reviewer");
  const char *reviewer_url = gloss_format_option_get (&gloss_format_claimreview, options, "reviewer-url");
  const char *url = gloss_format_option_get (&gloss_format_claimreview, options, "review-url");
  const char *reviewed_on = gloss_annotation_get_attribute_string (claim, "reviewed_on");
  const char *evidence = gloss_annotation_get_attribute_string (claim, "evidence");
  g_autofree char *claim_text = collapse_space (gloss_annotation_get_quote (claim));
  g_autofree char *short_text = NULL;

  json_builder_begin_object (b);
  if (with_context)
    member (b, "@context", "https://schema.org");
  member (b, "@type", "ClaimReview");
  member (b, "url", url);
  member (b, "claimReviewed", claim_text);
  member (b, "datePublished", reviewed_on ? reviewed_on : date);
  if (reviewer != NULL && *reviewer)
    {
      json_builder_set_member_name (b, "author");
      json_builder_begin_object (b);
      member (b, "@type", "Organization");
      member (b, "name", reviewer);
      member (b, "url", reviewer_url);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "itemReviewed");
  json_builder_begin_object (b);
  member (b, "@type", "Claim");
  add_claimant (b, document, claim);
  member (b, "datePublished", gloss_document_get_published (document));
  if (gloss_document_get_source (document) != NULL)
    {
      json_builder_set_member_name (b, "appearance");
      json_builder_begin_object (b);
      member (b, "@type", "CreativeWork");
      member (b, "url", gloss_document_get_source (document));
      member (b, "headline", gloss_document_get_title (document));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "reviewRating");
  json_builder_begin_object (b);
  member (b, "@type", "Rating");
  if (ratings[rating].value > 0)
    {
      json_builder_set_member_name (b, "ratingValue");
      json_builder_add_int_value (b, ratings[rating].value);
      json_builder_set_member_name (b, "bestRating");
      json_builder_add_int_value (b, 5);
      json_builder_set_member_name (b, "worstRating");
      json_builder_add_int_value (b, 1);
    }
  member (b, "alternateName", ratings[rating].name);
  json_builder_end_object (b);

  if (evidence != NULL && *evidence)
    {
      g_auto(GStrv) lines = g_strsplit (evidence, "\n", -1);

      json_builder_set_member_name (b, "citation");
      json_builder_begin_array (b);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (*lines[i])
            json_builder_add_string_value (b, lines[i]);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  short_text = gloss_text_ellipsize (claim_text, 40);
  if (g_utf8_strlen (claim_text, -1) > 75)
    gloss_export_result_add_loss (result, _("claimReviewed “%s” is longer than the 75 characters Google recommends."), short_text);
  if (gloss_annotation_get_attribute (claim, "check_worthiness") != NULL)
    gloss_export_result_add_loss (result, _("Check-worthiness of “%s” is not part of ClaimReview."), short_text);
}

static gboolean
claimreview_export (GlossDocument      *document,
                    GHashTable         *options,
                    GlossExportResult  *result,
                    GError            **error)
{
  g_autoptr(GPtrArray) annotations = gloss_export_annotations (document);
  g_autoptr(GPtrArray) reviewed = g_ptr_array_new ();
  g_autoptr(GArray) which = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *generated = gloss_export_generated_time (options);
  g_autofree char *date = g_strndup (generated, 10);
  guint others = 0;

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = annotations->pdata[i];
      const char *verdict = gloss_annotation_get_attribute_string (a, "verdict");
      int found = -1;

      if (gloss_export_label_kind (document, gloss_annotation_get_label (a)) != GLOSS_LABEL_KIND_CLAIM)
        {
          others++;
          continue;
        }
      for (guint r = 0; verdict != NULL && r < G_N_ELEMENTS (ratings); r++)
        if (g_str_equal (verdict, ratings[r].verdict))
          found = r;
      if (found < 0)
        {
          gloss_export_result_add_loss (result, _("Claim “%s” has no verdict (%s); no ClaimReview is written for it."),
                                        gloss_annotation_get_quote (a), verdict ? verdict : _("none"));
          continue;
        }
      g_ptr_array_add (reviewed, a);
      g_array_append_val (which, found);
    }

  if (reviewed->len == 1)
    add_review (b, document, reviewed->pdata[0], g_array_index (which, int, 0), options, date, TRUE, result);
  else
    {
      json_builder_begin_object (b);
      member (b, "@context", "https://schema.org");
      json_builder_set_member_name (b, "@graph");
      json_builder_begin_array (b);
      for (guint i = 0; i < reviewed->len; i++)
        add_review (b, document, reviewed->pdata[i], g_array_index (which, int, i), options, date, FALSE, result);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }

  if (others > 0)
    gloss_export_result_add_loss (result, _("%u annotations that are not claims are not part of ClaimReview."), others);
  if (gloss_format_option_get (&gloss_format_claimreview, options, "review-url") == NULL)
    gloss_export_result_add_loss (result, _("No review URL was given; Google requires “url” (the fact-check page)."));
  if (gloss_format_option_get (&gloss_format_claimreview, options, "reviewer") == NULL)
    gloss_export_result_add_loss (result, _("No reviewer organisation was given (author of the fact check)."));
  if (reviewed->len > 1)
    gloss_export_result_add_loss (result, _("Google shows a single fact-check rich result only for pages with one ClaimReview."));

  root = json_builder_get_root (b);
  bytes = gloss_export_json_bytes (root, TRUE);
  gloss_export_result_add_file (result, ".claimreview.jsonld", bytes);
  return TRUE;
}

const GlossFormatInfo gloss_format_claimreview = {
  .id = "claimreview",
  .name = N_("ClaimReview"),
  .description = N_("schema.org fact-check markup (JSON-LD) for the claims that have a verdict"),
  .extension = "jsonld",
  .media_type = "application/ld+json",
  .offset_unit = N_("none (quotes only)"),
  .keeps = N_("claim text, verdict (1–5 scale and name), claimant, article URL and date, review date, evidence as citations, reviewer"),
  .loses = N_("everything that is not a claim with a verdict, offsets, notes, check-worthiness"),
  .options = (const GlossFormatOption[]) {
    { "reviewer", GLOSS_FORMAT_OPTION_STRING, N_("Reviewer organisation"), NULL, NULL },
    { "reviewer-url", GLOSS_FORMAT_OPTION_STRING, N_("Reviewer web site"), NULL, NULL },
    { "review-url", GLOSS_FORMAT_OPTION_STRING, N_("URL of the fact-check page"), NULL, NULL },
    { NULL }
  },
  .export_func = claimreview_export,
};
