/* gloss-test-utils.h: driving GlossWindow in UI tests
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"

G_BEGIN_DECLS

GlossApplication *gloss_test_app_new          (int          *argc,
                                               char       ***argv);
const char       *gloss_test_get_tmpdir       (void);
void              gloss_test_iterate          (void);
void              gloss_test_wait_ms          (guint         ms);
void              gloss_test_wait_idle        (GlossWindow  *window);
GlossWindow      *gloss_test_new_window       (GlossApplication *app);
GlossWindow      *gloss_test_new_window_sized (GlossApplication *app,
                                               int           width,
                                               int           height);
void              gloss_test_destroy_window   (GlossWindow  *window);
GFile            *gloss_test_write_temp       (const char   *name,
                                               const char   *contents,
                                               gssize        len);
GlossWindow      *gloss_test_open_text        (GlossApplication *app,
                                               const char   *name,
                                               const char   *text);
guint             gloss_test_offset_of        (GlossDocument *document,
                                               const char    *needle);
void              gloss_test_select_text      (GlossWindow  *window,
                                               const char   *needle);
GlossAnnotation  *gloss_test_tag              (GlossWindow  *window,
                                               const char   *text,
                                               const char   *label);
typedef gboolean (*GlossTestMatch) (GtkWidget *widget, gconstpointer data);

GtkWidget        *gloss_test_find_widget      (GtkWidget    *widget,
                                               GlossTestMatch match,
                                               gconstpointer data);
GtkWidget        *gloss_test_find_row         (GtkWidget    *widget,
                                               GType         type,
                                               const char   *title);
GlossAnnotation  *gloss_test_current          (GlossWindow  *window,
                                               GlossAnnotation *annotation);
GtkWidget        *gloss_test_find_descendant  (GtkWidget    *widget,
                                               GType         type);
gboolean          gloss_test_node_has_color   (GskRenderNode *node,
                                               const GdkRGBA *color);
void              gloss_test_save_screenshot  (GtkWidget    *widget,
                                               const char   *name);
AdwMessageDialog *gloss_test_find_message_dialog (GlossWindow *window);
void              gloss_test_respond          (GlossWindow  *window,
                                               const char   *response);
gboolean          gloss_test_press_key        (GtkWindow       *window,
                                               guint            keyval,
                                               GdkModifierType  mods);
void              gloss_test_type_text        (GtkWidget    *widget,
                                               const char   *text);
GtkWindow        *gloss_test_find_toplevel    (GtkWindow    *transient_for,
                                               GType         type);
void              gloss_test_choose_file      (GtkWindow    *window,
                                               GFile        *file);

G_END_DECLS
