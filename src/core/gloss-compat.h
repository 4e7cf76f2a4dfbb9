/* gloss-compat.h: helpers newer GLib has, for GLib 2.74 (Debian 12)
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/* Like g_set_str() (GLib 2.76): replaces *@str_pointer with a copy of
 * @new_str, returning %TRUE if the value changed. */
static inline gboolean
gloss_set_str (char       **str_pointer,
               const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

static inline int
gloss_compare_strv_items (gconstpointer a,
                          gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sorts a GPtrArray of strings (like g_ptr_array_sort_values, GLib 2.76). */
static inline void
gloss_ptr_array_sort_strings (GPtrArray *array)
{
  g_ptr_array_sort (array, gloss_compare_strv_items);
}

G_END_DECLS
