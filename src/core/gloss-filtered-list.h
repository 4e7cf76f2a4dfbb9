/* gloss-filtered-list.h
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation-list.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_FILTERED_LIST (gloss_filtered_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossFilteredList, gloss_filtered_list, GLOSS, FILTERED_LIST, GObject)

/* Whether @annotation is shown. */
typedef gboolean (*GlossMatchFunc) (GlossAnnotation *annotation,
                                    gpointer         user_data);

/* How the match function changed since the list last asked it: a stricter
 * one is only asked about what it showed, a looser one only about what it
 * hid. */
typedef enum
{
  GLOSS_MATCH_DIFFERENT,
  GLOSS_MATCH_STRICTER,
  GLOSS_MATCH_LOOSER,
} GlossMatchChange;

/* The items of a GlossAnnotationList that a match function accepts, in
 * the same order: a search or a label filter over the sidebar's list.
 * Items are reached by index in constant time (GtkFilterListModel 4.8
 * takes time linear in the list for each one, and GTK asks for every
 * item in a changed range), the match function sees the annotations
 * without making an item for each, and a change is announced as the one
 * range between the first and the last item that differ. */
GlossFilteredList *gloss_filtered_list_new            (GlossAnnotationList *list);
GlossAnnotationList *gloss_filtered_list_get_list     (GlossFilteredList   *self);
void               gloss_filtered_list_set_match_func (GlossFilteredList   *self,
                                                       GlossMatchFunc       func,
                                                       gpointer             user_data,
                                                       GDestroyNotify       destroy);
gboolean           gloss_filtered_list_get_filtering  (GlossFilteredList   *self);
void               gloss_filtered_list_refilter       (GlossFilteredList   *self,
                                                       GlossMatchChange     change);
guint              gloss_filtered_list_find           (GlossFilteredList   *self,
                                                       guint                list_position);

G_END_DECLS
