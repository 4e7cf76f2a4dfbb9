/* gloss-export.h: the registry of interchange formats (export and import)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-document.h"

G_BEGIN_DECLS

/* Hard limits for every import: bigger inputs fail with GLOSS_ERROR_TOO_LARGE,
 * deeper JSON with GLOSS_ERROR_TOO_DEEP (json-glib 1.6 has no depth limit). */
#define GLOSS_IMPORT_MAX_BYTES (64 * 1024 * 1024)
#define GLOSS_IMPORT_MAX_DEPTH 64

typedef enum
{
  GLOSS_FORMAT_OPTION_BOOLEAN,  /* "true" / "false" */
  GLOSS_FORMAT_OPTION_STRING,
  GLOSS_FORMAT_OPTION_CHOICE,   /* one of @choices, separated by '|' */
} GlossFormatOptionType;

/* One option a format understands. Options are passed to export and import
 * as a GHashTable of string keys and string values; a missing key means
 * @default_value. @label is untranslated: show it with _(). */
typedef struct
{
  const char            *key;
  GlossFormatOptionType  type;
  const char            *label;
  const char            *default_value;
  const char            *choices;
} GlossFormatOption;

typedef struct _GlossExportResult GlossExportResult;

typedef gboolean       (*GlossExportFunc) (GlossDocument      *document,
                                           GHashTable         *options,
                                           GlossExportResult  *result,
                                           GError            **error);
/* @text is the companion plain text for formats that do not carry the
 * text (brat .txt, W3C); @reports receives one string per decision or
 * problem the import made visible (never silent). */
typedef GlossDocument *(*GlossImportFunc) (GBytes             *data,
                                           GBytes             *text,
                                           GHashTable         *options,
                                           GPtrArray          *reports,
                                           GError            **error);

/* A format, as the export dialog and `gloss-cli formats` show it. All
 * strings are untranslated (mark-up with N_()); show them with _(). */
typedef struct
{
  const char              *id;           /* "w3c", "brat", … (CLI --format) */
  const char              *name;
  const char              *description;
  const char              *extension;    /* of the main output file, without dot */
  const char              *media_type;
  const char              *offset_unit;
  const char              *keeps;
  const char              *loses;
  const GlossFormatOption *options;      /* terminated by { NULL } */
  GlossExportFunc          export_func;  /* NULL: import only */
  GlossImportFunc          import_func;  /* NULL: export only */
  gboolean                 needs_text;   /* import needs the companion text */
} GlossFormatInfo;

const GlossFormatInfo * const *gloss_formats_get_all   (guint                  *n_formats);
const GlossFormatInfo         *gloss_formats_lookup    (const char             *id);
const GlossFormatInfo         *gloss_formats_detect    (const char             *filename,
                                                        GBytes                 *data);
const char                    *gloss_format_option_get (const GlossFormatInfo  *format,
                                                        GHashTable             *options,
                                                        const char             *key);

/* Export ---------------------------------------------------------------- */

/* Exports @document. The result holds one or more files: a name starting
 * with "." is a suffix for the output base name ("doc" + ".ann"), any other
 * name is a sibling file ("annotation.conf"). Losses are what the format
 * could not carry for this document (also the dialog's preview). */
GlossExportResult *gloss_export_document           (const GlossFormatInfo *format,
                                                    GlossDocument         *document,
                                                    GHashTable            *options,
                                                    GError               **error);
guint              gloss_export_result_get_n_files (GlossExportResult     *result);
const char        *gloss_export_result_get_name    (GlossExportResult     *result,
                                                    guint                  i);
GBytes            *gloss_export_result_get_bytes   (GlossExportResult     *result,
                                                    guint                  i);
GPtrArray         *gloss_export_result_get_losses  (GlossExportResult     *result);
void               gloss_export_result_free        (GlossExportResult     *result);
/* Writes every file atomically: "." names as @base + name, others next to
 * @base (same directory); @main_path, if not NULL, replaces the first
 * file's path. Returns the written paths (transfer full) or NULL. */
GStrv              gloss_export_result_write       (GlossExportResult     *result,
                                                    const char            *base,
                                                    const char            *main_path,
                                                    GError               **error);

/* For format implementations. */
void               gloss_export_result_add_file    (GlossExportResult     *result,
                                                    const char            *name,
                                                    GBytes                *bytes);
void               gloss_export_result_add_loss    (GlossExportResult     *result,
                                                    const char            *format,
                                                    ...) G_GNUC_PRINTF (2, 3);

/* Import ---------------------------------------------------------------- */

GlossDocument     *gloss_import_bytes              (const GlossFormatInfo *format,
                                                    GBytes                *data,
                                                    GBytes                *text,
                                                    GHashTable            *options,
                                                    GPtrArray            **reports,
                                                    GError               **error);
/* Reads @file (and, for formats that need it, @text_file or the .txt next
 * to @file) with size caps; @format NULL detects it. */
GlossDocument     *gloss_import_file               (const GlossFormatInfo *format,
                                                    GFile                 *file,
                                                    GFile                 *text_file,
                                                    GHashTable            *options,
                                                    GPtrArray            **reports,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExportResult, gloss_export_result_free)

G_END_DECLS
