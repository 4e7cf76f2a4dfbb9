/* gloss-export-dialog.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, AdwWindow)

/* A modal dialog exporting @document: a format from the registry
 * (gloss-export.h), its options, what the format keeps and loses in
 * general and what it loses from this document (a dry run of the export),
 * then a file chooser; the export and the atomic writes run in a worker
 * thread. Emits ::exported (GStrv of the written paths) and closes; a
 * failure is shown and the dialog stays open.
 *
 * @base_name (nullable) is the file name suggested without extension,
 * @folder (nullable) where the chooser starts, @settings (nullable) the
 * application settings (the ClaimReview reviewer defaults to
 * "reviewer-organization"). */
GlossExportDialog *gloss_export_dialog_new            (GtkWindow         *parent,
                                                       GlossDocument     *document,
                                                       const char        *base_name,
                                                       GFile             *folder,
                                                       GSettings         *settings);
gboolean           gloss_export_dialog_set_format     (GlossExportDialog *self,
                                                       const char        *format_id);
const char        *gloss_export_dialog_get_format     (GlossExportDialog *self);
/* Sets an option of the current format (and its widget). */
void               gloss_export_dialog_set_option     (GlossExportDialog *self,
                                                       const char        *key,
                                                       const char        *value);
/* What the current format loses from this document: %NULL while the
 * preview is computed or after it failed (see get_error). */
GPtrArray         *gloss_export_dialog_get_losses     (GlossExportDialog *self);
const char        *gloss_export_dialog_get_error      (GlossExportDialog *self);
/* Whether a preview or an export is running. */
gboolean           gloss_export_dialog_get_busy       (GlossExportDialog *self);
/* Exports to @file (what the chooser's answer starts): the main file;
 * formats with several files write them beside it (same base name). */
void               gloss_export_dialog_export_to_file (GlossExportDialog *self,
                                                       GFile             *file);

G_END_DECLS
