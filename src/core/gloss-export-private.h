/* gloss-export-private.h: helpers shared by the format implementations
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-export.h"

G_BEGIN_DECLS

#define GLOSS_CONTEXT_CHARS 32

extern const GlossFormatInfo gloss_format_w3c;
extern const GlossFormatInfo gloss_format_brat;
extern const GlossFormatInfo gloss_format_conll;
extern const GlossFormatInfo gloss_format_doccano;
extern const GlossFormatInfo gloss_format_label_studio;
extern const GlossFormatInfo gloss_format_spacy;
extern const GlossFormatInfo gloss_format_csv;
extern const GlossFormatInfo gloss_format_claimreview;
extern const GlossFormatInfo gloss_format_html;
extern const GlossFormatInfo gloss_format_markdown;

/* Export helpers */
char          *gloss_export_generated_time  (GHashTable      *options);
GPtrArray     *gloss_export_annotations     (GlossDocument   *document);
GPtrArray     *gloss_export_relations       (GlossDocument   *document);
GHashTable    *gloss_export_relations_by_source (GPtrArray  *relations);
GlossLabelKind gloss_export_label_kind      (GlossDocument   *document,
                                             const char      *label);
char          *gloss_export_value_string    (GVariant        *value);
char          *gloss_export_annotation_iri  (const char      *id);
char          *gloss_export_kb_iri          (const char      *kb_id);
char          *gloss_export_kb_from_iri     (const char      *iri);
char          *gloss_export_source_iri      (GlossDocument   *document);
GBytes        *gloss_export_json_bytes      (JsonNode        *root,
                                             gboolean         pretty);
/* JsonBuilder's calls written straight to text (see gloss-export.c) */
typedef struct _GlossJsonWriter GlossJsonWriter;
GlossJsonWriter *gloss_json_writer_new             (gboolean         pretty);
void           gloss_json_writer_begin_object      (GlossJsonWriter *writer);
void           gloss_json_writer_end_object        (GlossJsonWriter *writer);
void           gloss_json_writer_begin_array       (GlossJsonWriter *writer);
void           gloss_json_writer_end_array         (GlossJsonWriter *writer);
void           gloss_json_writer_set_member_name   (GlossJsonWriter *writer,
                                                    const char      *name);
void           gloss_json_writer_add_string_value  (GlossJsonWriter *writer,
                                                    const char      *value);
void           gloss_json_writer_add_int_value     (GlossJsonWriter *writer,
                                                    gint64           value);
void           gloss_json_writer_add_boolean_value (GlossJsonWriter *writer,
                                                    gboolean         value);
GBytes        *gloss_json_writer_finish            (GlossJsonWriter *writer);
gboolean       gloss_export_option_true     (const GlossFormatInfo *format,
                                             GHashTable      *options,
                                             const char      *key);
void           gloss_export_note_common_losses (GlossDocument     *document,
                                                GlossExportResult *result,
                                                gboolean           ids,
                                                gboolean           authors,
                                                gboolean           colors);
void           gloss_export_metadata_losses (GlossDocument     *document,
                                             GlossExportResult *result,
                                             const char        *kept);

/* Import helpers */
JsonNode      *gloss_import_parse_json      (const char      *data,
                                             gsize            len,
                                             GError         **error);
/* Checks and normalises raw text (BOM, CRLF) and returns a new document;
 * *map (when not NULL on return) maps raw code point offsets to the
 * normalised offsets, with *raw_length + 1 entries. */
GlossDocument *gloss_import_new_document    (const char      *raw,
                                             gsize            len,
                                             guint          **map,
                                             guint           *raw_length,
                                             GError         **error);
gboolean       gloss_import_ensure_label    (GlossDocument   *document,
                                             const char      *name,
                                             GlossLabelKind   kind);
void           gloss_import_report          (GPtrArray       *reports,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (2, 3);
/* Validates and loads @annotations (GlossAnnotation, quotes are filled in)
 * and @relations into @document. */
gboolean       gloss_import_finish          (GlossDocument   *document,
                                             GPtrArray       *annotations,
                                             GPtrArray       *relations,
                                             GError         **error);
const char    *gloss_json_string_member     (JsonObject      *object,
                                             const char      *key);
gboolean       gloss_json_uint_member       (JsonObject      *object,
                                             const char      *key,
                                             const char      *where,
                                             guint           *out,
                                             GError         **error);
gboolean       gloss_json_node_uint         (JsonNode        *node,
                                             const char      *where,
                                             guint           *out,
                                             GError         **error);
GVariant      *gloss_import_attribute_value (const char      *key,
                                             const char      *value);

G_END_DECLS
