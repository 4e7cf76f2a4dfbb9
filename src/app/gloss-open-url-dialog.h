/* gloss-open-url-dialog.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_OPEN_URL_DIALOG (gloss_open_url_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossOpenUrlDialog, gloss_open_url_dialog, GLOSS, OPEN_URL_DIALOG, AdwWindow)

/* Asks for a web address, fetches it (GlossFetcher) showing the progress
 * with a Cancel button, and emits ::fetched (GlossDocument *) with the
 * extracted article; a failure is shown in the dialog, which stays open
 * so the address can be corrected. Cancel stops the fetch and closes. */
GlossOpenUrlDialog *gloss_open_url_dialog_new           (GtkWindow          *parent);
void                gloss_open_url_dialog_set_url       (GlossOpenUrlDialog *self,
                                                         const char         *url);
const char         *gloss_open_url_dialog_get_url       (GlossOpenUrlDialog *self);
/* Starts fetching the address typed (as the Open button does). */
void                gloss_open_url_dialog_start         (GlossOpenUrlDialog *self);
/* Stops a fetch in progress and closes (as the Cancel button does). */
void                gloss_open_url_dialog_cancel        (GlossOpenUrlDialog *self);
gboolean            gloss_open_url_dialog_get_fetching  (GlossOpenUrlDialog *self);
/* The message of the last failure shown, or %NULL. */
const char         *gloss_open_url_dialog_get_error     (GlossOpenUrlDialog *self);
/* Whether @text is an http(s) address with a host (what Open accepts). */
gboolean            gloss_open_url_is_valid             (const char         *text);

G_END_DECLS
