/* format-samples.c: writes every kind of file Gloss writes into a
 * directory, for the schema test (test-format-schema.py)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: format-samples OUTDIR FIXTUREDIR */

#include "config.h"

#include "gloss-format.h"

#include "format-samples.h"

static void
save (GlossDocument *doc,
      const char    *dir,
      const char    *name)
{
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s: %s", path, error->message);
}

static GlossDocument *
read_fixture (const char *fixtures,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixtures, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *doc;

  doc = gloss_format_read_file (file, GLOSS_LOAD_ACCEPT_RECOVERABLE, NULL, NULL, NULL, &error);
  if (doc == NULL)
    g_error ("%s: %s", path, error->message);

  return doc;
}

int
main (int   argc,
      char *argv[])
{
  static const char *fixtures[] = {
    "good/example.gloss.json", "good/bom.gloss.json", "good/empty-lists.gloss.json",
    "good/extra-keys.gloss.json", "broken/quote-mismatch.json", "broken/unknown-label.json",
    "good/label-scheme.gloss.json",
  };
  g_autoptr(GlossDocument) rocket = sample_rocket_document ();
  g_autoptr(GlossDocument) combining = sample_combining_document ();
  g_autoptr(GlossDocument) empty = sample_empty_document ();
  g_autoptr(GlossDocument) defaults = gloss_document_new ("Default labels, annotated \xf0\x9f\x9a\x80.", -1);
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotated;

  if (argc != 3)
    {
      g_printerr ("Usage: format-samples OUTDIR FIXTUREDIR\n");
      return 2;
    }

  save (rocket, argv[1], "rocket.gloss.json");
  save (combining, argv[1], "combining.gloss.json");
  save (empty, argv[1], "empty.gloss.json");

  /* Headings, as a web page gives them. */
  {
    static const GlossHeading headings[] = { { 0, 12, 2 }, { 41, 50, 3 } };
    g_autoptr(GlossDocument) headed = gloss_document_new ("Storm season\n\nThe barrier closed twice.\n\nWhat\u00a0next\n\nMore storms.", -1);

    if (!gloss_document_set_headings (headed, headings, G_N_ELEMENTS (headings), &error))
      g_error ("%s", error->message);
    save (headed, argv[1], "headings.gloss.json");
  }

  /* A new document with the default labels, edited through the API. */
  annotated = gloss_document_annotate (defaults, gloss_label_get_name (gloss_label_set_get_label (gloss_document_get_labels (defaults), 0)),
                                       0, 7, &error);
  g_assert_no_error (error);
  annotated = gloss_document_set_note (defaults, annotated, "a note");
  gloss_document_set_attribute (defaults, annotated, "score", g_variant_new_double (-0.0));
  gloss_document_set_title (defaults, "Defaults");
  save (defaults, argv[1], "defaults.gloss.json");

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GlossDocument) doc = read_fixture (argv[2], fixtures[i]);
      g_autofree char *base = g_path_get_basename (fixtures[i]);
      g_autofree char *name = g_strconcat ("resaved-", base, NULL);

      save (doc, argv[1], name);
    }

  return 0;
}
