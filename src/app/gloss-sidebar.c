/* gloss-sidebar.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-annotation-list.h"
#include "gloss-annotation-row.h"
#include "gloss-filtered-list.h"
#include "gloss-label-palette.h"
#include "gloss-list-scroller.h"
#include "gloss-annotation-fields.h"
#include "gloss-sidebar.h"
#include "gloss-text.h"

/* The fixed entries of the filter dropdown; label names follow. */
enum {
  FILTER_ALL,
  FILTER_HIGHLIGHTS,
  FILTER_ENTITIES,
  FILTER_CLAIMS,
  N_FIXED_FILTERS
};

struct _GlossSidebar
{
  GtkWidget           parent_instance;

  GlossDocument      *document;
  GlossLabelSet      *labels;

  GlossAnnotationList *annotation_list;
  GlossAnnotationItem *watched_item;  /* the selected one: its edits are shown */
  GlossFilteredList  *filter_model;
  GtkSingleSelection *selection;
  GtkStringList      *filter_names;
  char               *search_casefold;
  char               *selected_id;
  GlossAnnotation    *detail_annotation;
  GHashTable         *bound_items;  /* GtkListItem of the rows shown */
  guint               syncing;

  /* The list scrolls to a newly selected row after the frame that shows
   * the edit: a distant row rebinds up to 200 rows (GtkListView keeps that
   * many), ~80 ms on a long article. */
  GdkFrameClock      *scroll_clock;
  gulong              scroll_handler;
  guint               scroll_idle;
  guint               deselect_idle;  /* a selection lost, unless it comes back */
  guint               fold_idle;      /* folds search texts ahead of a search */
  guint               fold_position;
  gboolean            scroll_on_map;

  /* Template children */
  GtkExpander        *labels_expander;
  GtkFlowBox         *label_box;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  GtkRevealer        *detail_revealer;
  GtkDropDown        *label_dropdown;
  GtkTextView        *note_view;
  GtkLabel           *note_placeholder;
  GlossAnnotationFields *fields;
};

G_DEFINE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ANNOTATION,
  PROP_LABELS_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GlossSidebar *sidebar;
  char         *annotation_id;
  char         *note;
} PendingNote;

static void
pending_note_free (PendingNote *pending)
{
  g_object_unref (pending->sidebar);
  g_free (pending->annotation_id);
  g_free (pending->note);
  g_free (pending);
}

static GlossLabel *
lookup_label (GlossSidebar *self,
              const char   *name)
{
  if (self->labels == NULL || name == NULL)
    return NULL;

  return gloss_label_set_lookup (self->labels, name);
}

static gboolean
annotation_matches (GlossAnnotation *annotation,
                    gpointer         user_data)
{
  GlossSidebar *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected != FILTER_ALL)
    {
      const char *label_name = gloss_annotation_get_label (annotation);

      if (selected < N_FIXED_FILTERS)
        {
          GlossLabel *label = lookup_label (self, label_name);
          GlossLabelKind wanted = selected == FILTER_HIGHLIGHTS ? GLOSS_LABEL_KIND_HIGHLIGHT :
                                  selected == FILTER_ENTITIES ? GLOSS_LABEL_KIND_ENTITY :
                                  GLOSS_LABEL_KIND_CLAIM;

          if (label == NULL || gloss_label_get_kind (label) != wanted)
            return FALSE;
        }
      else
        {
          const char *wanted = gtk_string_list_get_string (self->filter_names, selected);

          if (g_strcmp0 (wanted, label_name) != 0)
            return FALSE;
        }
    }

  if (self->search_casefold != NULL && self->search_casefold[0] != '\0')
    {
      return strstr (gloss_annotation_get_search_text (annotation), self->search_casefold) != NULL;
    }

  return TRUE;
}

static void
cancel_scroll (GlossSidebar *self)
{
  /* The clock drops its handlers when its surface goes away. */
  if (self->scroll_handler != 0 &&
      g_signal_handler_is_connected (self->scroll_clock, self->scroll_handler))
    g_signal_handler_disconnect (self->scroll_clock, self->scroll_handler);
  self->scroll_handler = 0;
  g_clear_object (&self->scroll_clock);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
}

/* With the keyboard in the list, it follows a selection made from
 * elsewhere (Alt+Down, the next claim without a verdict): arrows then
 * go on from the selected row, and the focus ring is on it. GTK 4.8 has
 * no call to focus a row by position, so the bound row is looked up. */
static void
focus_selected_row (GlossSidebar *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GHashTableIter iter;
  gpointer key;

  if (position == GTK_INVALID_LIST_POSITION || focus == NULL ||
      (focus != GTK_WIDGET (self->list_view) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view))))
    return;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkWidget *row = gtk_list_item_get_child (key);
      GtkWidget *list_row = row != NULL ? gtk_widget_get_parent (row) : NULL;

      if (gtk_list_item_get_position (key) != position || list_row == NULL)
        continue;
      if (focus != list_row && !gtk_widget_is_ancestor (focus, list_row))
        gtk_widget_grab_focus (list_row);
      return;
    }
}

static void
scroll_to_selected (GlossSidebar *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      focus_selected_row (self);
    }
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  GlossSidebar *self = user_data;

  self->scroll_idle = 0;
  scroll_to_selected (self);

  return G_SOURCE_REMOVE;
}

static void
scroll_after_paint_cb (GdkFrameClock *clock,
                       GlossSidebar  *self)
{
  cancel_scroll (self);
  self->scroll_idle = g_idle_add (scroll_idle_cb, self);
}

static void
list_mapped_cb (GlossSidebar *self)
{
  if (self->scroll_on_map)
    {
      self->scroll_on_map = FALSE;
      scroll_to_selected (self);
    }
}

static void
scroll_to_selected_later (GlossSidebar *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));

  cancel_scroll (self);

  /* A hidden list scrolls when it is shown again (list_mapped_cb). */
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      self->scroll_on_map = TRUE;
      return;
    }

  self->scroll_clock = g_object_ref (clock);
  self->scroll_handler = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (scroll_after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static GlossAnnotation *
selected_annotation (GlossSidebar *self)
{
  GlossAnnotationItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? gloss_annotation_item_get_annotation (item) : NULL;
}

static guint
find_in_filter (GlossSidebar    *self,
                GlossAnnotation *annotation)
{
  GlossAnnotationStore *store = gloss_annotation_list_get_store (self->annotation_list);
  guint position, shown;

  if (store == NULL || !gloss_annotation_store_find (store, annotation, &position))
    return GTK_INVALID_LIST_POSITION;

  shown = gloss_filtered_list_find (self->filter_model, position);
  return shown == G_MAXUINT ? GTK_INVALID_LIST_POSITION : shown;
}

static void
update_list_page (GlossSidebar *self)
{
  guint total = 0, shown;
  g_autofree char *count = NULL;

  if (self->document != NULL)
    total = g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_annotations (self->document)));
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", total), total);
  else
    /* Translators: "3 of 120" annotations shown by the filter */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), total > 0);
}

static char *get_note_text (GlossSidebar *self);

static void
update_detail (GlossSidebar *self)
{
  GlossAnnotation *annotation = selected_annotation (self);
  gboolean same_annotation, typing;

  gtk_revealer_set_reveal_child (self->detail_revealer, annotation != NULL);

  gloss_annotation_fields_set_annotation (self->fields, self->document, annotation);

  if (annotation == NULL)
    {
      g_clear_object (&self->detail_annotation);
      return;
    }

  same_annotation = self->detail_annotation != NULL &&
                    g_strcmp0 (gloss_annotation_get_id (self->detail_annotation),
                               gloss_annotation_get_id (annotation)) == 0;
  {
    g_autofree char *text = g_strstrip (get_note_text (self));
    const char *old_note = self->detail_annotation != NULL ?
                           gloss_annotation_get_note (self->detail_annotation) : NULL;

    typing = same_annotation && g_strcmp0 (text, old_note != NULL ? old_note : "") != 0;
  }
  g_set_object (&self->detail_annotation, annotation);

  self->syncing++;

  if (self->labels != NULL)
    {
      int index = gloss_label_set_index_of (self->labels, gloss_annotation_get_label (annotation));

      gtk_drop_down_set_selected (self->label_dropdown,
                                  index < 0 ? GTK_INVALID_LIST_POSITION : (guint) index);
    }

  /* Keep what the user is typing if only something else changed. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

    if (!typing)
      {
        const char *note = gloss_annotation_get_note (annotation);

        gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
        gtk_text_buffer_set_modified (buffer, FALSE);
      }
  }

  self->syncing--;
}

static gboolean
commit_note_for (GlossSidebar *self,
                 const char   *annotation_id,
                 const char   *text)
{
  GlossAnnotation *annotation;
  g_autofree char *note = NULL;

  if (self->document == NULL || annotation_id == NULL)
    return FALSE;

  annotation = gloss_annotation_store_lookup (gloss_document_get_annotations (self->document),
                                              annotation_id);
  if (annotation == NULL)
    return FALSE;

  note = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (g_strcmp0 (note[0] != '\0' ? note : NULL, gloss_annotation_get_note (annotation)) == 0)
    return FALSE;

  gloss_document_set_note (self->document, annotation, note[0] != '\0' ? note : NULL);

  return TRUE;
}

static char *
get_note_text (GlossSidebar *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether the note editor holds something else than the note of the
 * annotation it shows (a user typing; GtkTextBuffer's modified flag does
 * not track programmatic changes reliably). */
static gboolean
note_dirty (GlossSidebar *self)
{
  g_autofree char *text = NULL;
  const char *note;

  if (self->detail_annotation == NULL)
    return FALSE;

  text = g_strstrip (get_note_text (self));
  note = gloss_annotation_get_note (self->detail_annotation);

  return g_strcmp0 (text, note != NULL ? note : "") != 0;
}

static gboolean
commit_pending_note_cb (gpointer user_data)
{
  PendingNote *pending = user_data;

  commit_note_for (pending->sidebar, pending->annotation_id, pending->note);

  return G_SOURCE_REMOVE;
}

static void selection_changed (GlossSidebar *self);

static gboolean
deselect_idle_cb (gpointer user_data)
{
  GlossSidebar *self = user_data;

  self->deselect_idle = 0;
  if (selected_annotation (self) == NULL)
    {
      /* Gone for good (not moved by an edit): nothing to follow. */
      if (self->selected_id != NULL &&
          (self->document == NULL ||
           gloss_annotation_store_lookup (gloss_document_get_annotations (self->document), self->selected_id) == NULL))
        g_clear_pointer (&self->selected_id, g_free);
      selection_changed (self);
    }

  return G_SOURCE_REMOVE;
}

/* An edit replaces the selected annotation with a copy of the same id:
 * the selection model drops it, and filter_items_changed_cb selects the
 * copy right after (one change if the copy stays in place, a removal and
 * then an insertion if it sorts elsewhere, as a relabelled twin of
 * another annotation over the same words does). Showing nothing in between rebuilt the whole detail
 * pane twice per edit (and started its revealer closing), so a lost
 * selection only counts once the main loop is idle and it did not come
 * back. Deselecting on purpose clears selected_id first and is shown at
 * once. */
static void
selected_item_edited_cb (GlossSidebar *self)
{
  selection_changed (self);
}

/* An edit in place of the selected annotation keeps its list item (see
 * GlossAnnotationList) and so the selection: the item tells instead. */
static void
watch_selected_item (GlossSidebar *self)
{
  GlossAnnotationItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == self->watched_item)
    return;

  if (self->watched_item != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_item, selected_item_edited_cb, self);
  g_set_object (&self->watched_item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify::annotation",
                             G_CALLBACK (selected_item_edited_cb), self, G_CONNECT_SWAPPED);
}

static void
selection_changed_cb (GlossSidebar *self)
{
  watch_selected_item (self);

  if (selected_annotation (self) == NULL && self->selected_id != NULL)
    {
      if (self->deselect_idle == 0)
        self->deselect_idle = g_idle_add_full (G_PRIORITY_HIGH, deselect_idle_cb, self, NULL);
      return;
    }

  g_clear_handle_id (&self->deselect_idle, g_source_remove);
  selection_changed (self);
}

static void
selection_changed (GlossSidebar *self)
{
  GlossAnnotation *annotation = selected_annotation (self);

  /* A note typed for another annotation is committed, after the
   * selection model has settled. */
  if (note_dirty (self) &&
      (annotation == NULL ||
       g_strcmp0 (gloss_annotation_get_id (annotation),
                  gloss_annotation_get_id (self->detail_annotation)) != 0))
    {
      PendingNote *pending = g_new0 (PendingNote, 1);

      pending->sidebar = g_object_ref (self);
      pending->annotation_id = g_strdup (gloss_annotation_get_id (self->detail_annotation));
      pending->note = get_note_text (self);
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_pending_note_cb, pending,
                       (GDestroyNotify) pending_note_free);
    }

  if (annotation != NULL)
    gloss_set_str (&self->selected_id, gloss_annotation_get_id (annotation));

  update_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

static void
filter_items_changed_cb (GlossSidebar *self)
{
  GlossAnnotation *current = selected_annotation (self);

  /* An edit replaces the annotation with a copy of the same id: follow it.
   * Between the removal of a copy that moves and its insertion, the id is
   * in no annotation: deselect_idle_cb forgets it if it stays so. */
  if (self->selected_id != NULL && self->document != NULL &&
      (current == NULL || g_strcmp0 (gloss_annotation_get_id (current), self->selected_id) != 0))
    {
      GlossAnnotation *annotation;

      annotation = gloss_annotation_store_lookup (gloss_document_get_annotations (self->document),
                                                  self->selected_id);
      if (annotation != NULL)
        {
          guint position = find_in_filter (self, annotation);

          if (position != GTK_INVALID_LIST_POSITION)
            gtk_single_selection_set_selected (self->selection, position);
        }
    }

  update_list_page (self);
}

/* Whether the search or the filter hides anything. */
static gboolean
filter_active (GlossSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  return (selected != GTK_INVALID_LIST_POSITION && selected != FILTER_ALL) ||
         (self->search_casefold != NULL && self->search_casefold[0] != '\0');
}

#define FOLD_AHEAD_CHUNK 2000  /* ~5 ms */

static gboolean
fold_ahead_cb (gpointer data)
{
  GlossSidebar *self = data;
  GlossAnnotationStore *store = gloss_document_get_annotations (self->document);
  guint n = gloss_annotation_store_get_n_items (store);
  guint end = MIN (self->fold_position + FOLD_AHEAD_CHUNK, n);

  for (; self->fold_position < end; self->fold_position++)
    gloss_annotation_get_search_text (gloss_annotation_store_get (store, self->fold_position));

  if (self->fold_position < n)
    return G_SOURCE_CONTINUE;

  self->fold_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Once the search entry has the focus, the annotations' texts are folded
 * in the background, a chunk per idle, so that the first keystroke does
 * not wait for 100,000 of them (~300 ms on a long article). */
static void
search_focus_enter_cb (GlossSidebar *self)
{
  if (self->fold_idle != 0 || self->document == NULL)
    return;

  self->fold_position = 0;
  self->fold_idle = g_idle_add_full (G_PRIORITY_LOW, fold_ahead_cb, self, NULL);
}

/* With nothing to hide the list model has no filter at all: it passes the
 * store's changes through as they come instead of testing every
 * annotation (100,000 on a long article) on each change.
 *
 * @change: how the filter changed, if it was already in use: a stricter
 * one only tests the annotations shown, a looser one only the others. */
static void
refilter_change (GlossSidebar     *self,
                 GlossMatchChange  change)
{
  gboolean wanted = filter_active (self);

  /* A filter must see edits in place: a relabel can hide a row. */
  gloss_annotation_list_set_announce_edits (self->annotation_list, wanted);
  if (gloss_filtered_list_get_filtering (self->filter_model) != wanted)
    gloss_filtered_list_set_match_func (self->filter_model, wanted ? annotation_matches : NULL, self, NULL);
  else if (wanted)
    gloss_filtered_list_refilter (self->filter_model, change);
}

static void
refilter (GlossSidebar *self)
{
  refilter_change (self, GLOSS_MATCH_DIFFERENT);
}

static void
search_changed_cb (GlossSidebar   *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *old = g_steal_pointer (&self->search_casefold);
  GlossMatchChange change = GLOSS_MATCH_DIFFERENT;

  self->search_casefold = gloss_text_fold_for_search (text, -1);
  if (g_strcmp0 (old, self->search_casefold) == 0)
    return;

  /* Typing on narrows the search, deleting widens it. */
  if (old != NULL && old[0] != '\0' && strstr (self->search_casefold, old) != NULL)
    change = GLOSS_MATCH_STRICTER;
  else if (old != NULL && self->search_casefold[0] != '\0' && strstr (old, self->search_casefold) != NULL)
    change = GLOSS_MATCH_LOOSER;
  refilter_change (self, change);
}

static void
search_stop_cb (GlossSidebar   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
filter_selected_cb (GlossSidebar *self)
{
  refilter (self);
}

static void
label_selected_cb (GlossSidebar *self)
{
  GlossLabel *label;
  guint position;
  g_autoptr(GError) error = NULL;

  if (self->syncing > 0 || self->detail_annotation == NULL || self->document == NULL ||
      gloss_annotation_store_lookup (gloss_document_get_annotations (self->document),
                                     gloss_annotation_get_id (self->detail_annotation)) != self->detail_annotation)
    return;

  position = gtk_drop_down_get_selected (self->label_dropdown);
  if (position == GTK_INVALID_LIST_POSITION || self->labels == NULL)
    return;

  label = gloss_label_set_get_label (self->labels, position);
  if (label == NULL ||
      g_strcmp0 (gloss_label_get_name (label), gloss_annotation_get_label (self->detail_annotation)) == 0)
    return;

  if (gloss_document_relabel (self->document, self->detail_annotation,
                              gloss_label_get_name (label), &error) == NULL)
    g_warning ("Could not relabel: %s", error->message);
}

static void
note_changed_cb (GlossSidebar  *self,
                 GtkTextBuffer *buffer)
{
  gtk_widget_set_visible (GTK_WIDGET (self->note_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
note_focus_leave_cb (GlossSidebar *self)
{
  gloss_sidebar_commit_note (self);
}

static gboolean
note_commit_shortcut_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  GlossSidebar *self = user_data;

  gloss_sidebar_commit_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return TRUE;
}

/* In the list, a label key relabels the selected annotation. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GlossSidebar *self = user_data;
  GlossAnnotation *selected = selected_annotation (self);
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GError) error = NULL;

  if (selected == NULL || self->document == NULL || self->labels == NULL)
    return FALSE;

  label = gloss_label_for_key (G_LIST_MODEL (self->labels), keyval, state);
  if (label == NULL)
    return FALSE;

  if (g_strcmp0 (gloss_label_get_name (label), gloss_annotation_get_label (selected)) != 0 &&
      gloss_document_relabel (self->document, selected, gloss_label_get_name (label), &error) == NULL)
    g_warning ("Could not relabel: %s", error->message);

  return TRUE;
}

/* Enter on a row reached with the keyboard (from the search, say) selects
 * it, and confirms it as the target of a link being made. */
static void
list_activate_cb (GtkListView  *list_view,
                  guint         position,
                  GlossSidebar *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.finish-link", NULL);
}

static void
label_activated_cb (GtkFlowBox      *box,
                    GtkFlowBoxChild *child)
{
  GtkWidget *button = gtk_flow_box_child_get_child (child);

  /* The button's action at once (a keyboard-activated button would only
   * click after its press animation). */
  if (GTK_IS_ACTIONABLE (button) && gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) != NULL)
    gtk_widget_activate_action_variant (button,
                                        gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                                        gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));
}

/* GtkFlowBox moves Tab from child to child; the legend is one Tab stop
 * (arrows move in it): Tab goes on to the search, Shift+Tab leaves from
 * its first label. */
static gboolean
legend_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GlossSidebar          *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->label_box));
  gboolean tab = keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab;
  gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

  if (!tab || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (!backward)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  if (first != NULL)
    gtk_widget_grab_focus (first);

  return GDK_EVENT_PROPAGATE;
}

static GtkWidget *
create_label_button (GlossLabel *label)
{
  GtkWidget *button, *box, *dot, *name, *key;
  g_autofree char *tooltip = NULL;
  const char *key_str = gloss_label_get_key (label);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dot, "label-dot");
  gtk_widget_add_css_class (dot, gloss_label_css_class (label));
  gtk_box_append (GTK_BOX (box), dot);

  name = gtk_label_new (gloss_label_get_name (label));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  if (key_str != NULL && key_str[0] != '\0')
    {
      key = gtk_label_new (key_str);
      gtk_widget_add_css_class (key, "key");
      gtk_widget_add_css_class (key, "dim-label");
      gtk_box_append (GTK_BOX (box), key);
      /* Translators: tooltip of a label button, e.g. "Tag the selection as PERSON (p)" */
      tooltip = g_strdup_printf (_("Tag the selection as %s (%s)"), gloss_label_get_name (label), key_str);
    }
  else
    tooltip = g_strdup_printf (_("Tag the selection as %s"), gloss_label_get_name (label));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "label-button");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", gloss_label_get_name (label));
  gtk_widget_set_focus_on_click (button, FALSE);
  /* The legend is one Tab stop: its flow box children take the focus
   * (arrows move between them, Enter tags, label_activated_cb), not the
   * buttons too. */
  gtk_widget_set_focusable (button, FALSE);

  return button;
}

static void
show_row_item (GlossSidebar *self,
               GtkListItem  *item)
{
  GlossAnnotation *annotation = gloss_annotation_item_get_annotation (gtk_list_item_get_item (item));

  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                                       annotation,
                                       lookup_label (self, gloss_annotation_get_label (annotation)));
}

static void
rebuild_labels (GlossSidebar *self)
{
  GtkWidget *child;
  guint n = self->labels != NULL ? gloss_label_set_get_n_labels (self->labels) : 0;
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  g_autofree char *selected_label = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->label_box))) != NULL)
    gtk_flow_box_remove (self->label_box, child);

  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);

      gtk_flow_box_append (self->label_box, create_label_button (label));
    }

  /* The filter dropdown: fixed entries, then one per label. */
  if (selected != GTK_INVALID_LIST_POSITION && selected >= N_FIXED_FILTERS)
    selected_label = g_strdup (gtk_string_list_get_string (self->filter_names, selected));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (char *) gloss_label_get_name (gloss_label_set_get_label (self->labels, i)));
  g_ptr_array_add (names, NULL);

  self->syncing++;
  gtk_string_list_splice (self->filter_names, N_FIXED_FILTERS,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)) - N_FIXED_FILTERS,
                          (const char * const *) names->pdata);
  if (selected_label != NULL)
    {
      int index = gloss_label_set_index_of (self->labels, selected_label);

      gtk_drop_down_set_selected (self->filter_dropdown,
                                  index < 0 ? FILTER_ALL : N_FIXED_FILTERS + (guint) index);
    }
  else if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->filter_dropdown, selected);
  self->syncing--;

  /* Rows show their label's colour. */
  {
    GHashTableIter iter;
    gpointer item;

    g_hash_table_iter_init (&iter, self->bound_items);
    while (g_hash_table_iter_next (&iter, &item, NULL))
      show_row_item (self, item);
  }

  refilter (self);
  update_detail (self);
}

static void
set_labels (GlossSidebar  *self,
            GlossLabelSet *labels)
{
  if (self->labels == labels)
    return;

  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);

  g_set_object (&self->labels, labels);

  if (labels != NULL)
    g_signal_connect_object (labels, "items-changed",
                             G_CALLBACK (rebuild_labels), self, G_CONNECT_SWAPPED);

  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (labels));
  rebuild_labels (self);
}

static void
document_labels_changed_cb (GlossSidebar *self)
{
  set_labels (self, gloss_document_get_labels (self->document));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, gloss_annotation_row_new ());
}

/* An edit in place: the row shows the new version, nothing else moves. */
static void
row_item_edited_cb (GlossAnnotationItem *annotation_item,
                    GParamSpec          *pspec,
                    GtkListItem         *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GlossSidebar *self = GLOSS_SIDEBAR (gtk_widget_get_ancestor (row, GLOSS_TYPE_SIDEBAR));

  if (self != NULL)
    show_row_item (self, item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GlossSidebar *self = user_data;
  GlossAnnotationItem *annotation_item = gtk_list_item_get_item (item);

  show_row_item (self, item);
  g_hash_table_add (self->bound_items, item);
  g_signal_connect_object (annotation_item, "notify::annotation",
                           G_CALLBACK (row_item_edited_cb), item, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GlossSidebar *self = user_data;

  /* The row keeps showing its annotation: GTK binds it again at once
   * when only its position or selection changed. */
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_item_edited_cb, item);
  g_hash_table_remove (self->bound_items, item);
}

static void
setup_label_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dot, "label-dot");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), name);
  gtk_list_item_set_child (item, box);
}

static void
bind_label_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GlossLabel *label = gtk_list_item_get_item (item);
  GtkWidget *dot = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *name = gtk_widget_get_next_sibling (dot);
  const char *color_class = gloss_label_css_class (label);
  const char *old_class = g_object_get_data (G_OBJECT (dot), "color-class");

  if (old_class != NULL)
    gtk_widget_remove_css_class (dot, old_class);
  gtk_widget_add_css_class (dot, color_class);
  g_object_set_data (G_OBJECT (dot), "color-class", (gpointer) color_class);
  gtk_label_set_text (GTK_LABEL (name), gloss_label_get_name (label));
}

static char *
label_name_cb (GlossLabel *label)
{
  return g_strdup (label != NULL ? gloss_label_get_name (label) : NULL);
}

/* The list keeps this much of the room below the search bar while the
 * detail pane is open, up to LIST_KEEP_MAX pixels (about four rows on a
 * laptop screen, where a detail pane at its natural height left two), or
 * less if its rows need less. */
#define LIST_KEEP_SHARE 0.45
#define LIST_KEEP_MAX   280

static GtkSizeRequestMode
gloss_sidebar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gloss_sidebar_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

/* A column, like a vertical box, except for the share of the list and the
 * detail pane: a box gives the detail pane its natural height, which on a
 * short window leaves the list two rows. */
static void
gloss_sidebar_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GlossSidebar *self = GLOSS_SIDEBAR (widget);
  GtkWidget *list = GTK_WIDGET (self->list_stack);
  GtkWidget *detail = GTK_WIDGET (self->detail_revealer);
  GtkWidget *pane = gtk_revealer_get_child (self->detail_revealer);
  int list_min, detail_min = 0, detail_nat = 0, pane_min = 0, pane_nat = 0;
  int rest, keep, pane_height, detail_height, y = 0;
  double shown = 0;

  gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, width, &list_min, NULL, NULL, NULL);
  /* While the revealer slides, it asks for the pane's height times how
   * far it has come: the share is worked out on the pane's full height,
   * then scaled, so that the pane slides in at the height it will have. */
  if (gtk_widget_should_layout (detail) && gtk_widget_should_layout (pane))
    {
      gtk_widget_measure (detail, GTK_ORIENTATION_VERTICAL, width, &detail_min, &detail_nat, NULL, NULL);
      gtk_widget_measure (pane, GTK_ORIENTATION_VERTICAL, width, &pane_min, &pane_nat, NULL, NULL);
      shown = pane_nat > 0 ? MIN (1.0, (double) detail_nat / pane_nat) : 0;
    }

  /* The rows above the list: their natural height, as long as the list
   * and the detail pane keep their minimum. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, child_height;

      if (child == list || child == detail || !gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      child_height = CLAMP (height - y - list_min - detail_min, child_min, child_nat);
      gtk_widget_allocate (child, width, child_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_height;
    }

  rest = MAX (height - y, 0);
  keep = MIN ((int) (rest * LIST_KEEP_SHARE), LIST_KEEP_MAX);
  /* A short list keeps only what its rows need. */
  if (shown > 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0)
    {
      int rows;

      gtk_widget_measure (GTK_WIDGET (self->list_view), GTK_ORIENTATION_VERTICAL, width,
                          NULL, &rows, NULL, NULL);
      keep = MIN (keep, rows);
    }
  pane_height = MIN (pane_nat, MAX (pane_min, rest - MAX (keep, list_min)));
  pane_height = MIN (pane_height, MAX (rest - list_min, pane_min));
  detail_height = MIN (detail_nat, (int) ceil (pane_height * shown));

  gtk_widget_allocate (list, width, MAX (rest - detail_height, list_min), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
  if (gtk_widget_should_layout (detail))
    gtk_widget_allocate (detail, width, detail_height, -1,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, height - detail_height)));
}

static void
gloss_sidebar_dispose (GObject *object)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);
  GtkWidget *child;

  cancel_scroll (self);
  g_clear_handle_id (&self->deselect_idle, g_source_remove);
  gloss_sidebar_set_document (self, NULL);
  g_clear_object (&self->detail_annotation);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->watched_item != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_item, selected_item_edited_cb, self);
  g_clear_object (&self->watched_item);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->annotation_list);

  G_OBJECT_CLASS (gloss_sidebar_parent_class)->dispose (object);
}

static void
gloss_sidebar_finalize (GObject *object)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  g_free (self->search_casefold);
  g_free (self->selected_id);
  g_hash_table_unref (self->bound_items);

  G_OBJECT_CLASS (gloss_sidebar_parent_class)->finalize (object);
}

static void
gloss_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, gloss_sidebar_get_selected_annotation (self));
      break;

    case PROP_LABELS_EXPANDED:
      g_value_set_boolean (value, gtk_expander_get_expanded (self->labels_expander));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gloss_sidebar_set_document (self, g_value_get_object (value));
      break;

    case PROP_LABELS_EXPANDED:
      gtk_expander_set_expanded (self->labels_expander, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fields_activate_annotation_cb (GlossSidebar    *self,
                               GlossAnnotation *annotation)
{
  gloss_sidebar_select_annotation (self, annotation);
}

static void
labels_expanded_cb (GlossSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS_EXPANDED]);
}

static void
gloss_sidebar_class_init (GlossSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_sidebar_dispose;
  object_class->finalize = gloss_sidebar_finalize;
  object_class->get_property = gloss_sidebar_get_property;
  object_class->set_property = gloss_sidebar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Whether the label legend is unfolded (kept in the settings). */
  properties[PROP_LABELS_EXPANDED] =
    g_param_spec_boolean ("labels-expanded", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_ANNOTATION_FIELDS);
  g_type_ensure (GLOSS_TYPE_LIST_SCROLLER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, labels_expander);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, label_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, detail_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, note_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, note_placeholder);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, fields);
  gtk_widget_class_bind_template_callback (widget_class, fields_activate_annotation_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_selected_cb);

  widget_class->get_request_mode = gloss_sidebar_get_request_mode;
  widget_class->measure = gloss_sidebar_measure;
  widget_class->size_allocate = gloss_sidebar_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "glosssidebar");
}

static void
gloss_sidebar_init (GlossSidebar *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;
  GtkShortcut *shortcut;
  GtkExpression *expression;

  self->bound_items = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->labels_expander, "notify::expanded",
                           G_CALLBACK (labels_expanded_cb), self, G_CONNECT_SWAPPED);

  self->filter_names = GTK_STRING_LIST (gtk_drop_down_get_model (self->filter_dropdown));
  g_signal_connect (self->label_box, "child-activated", G_CALLBACK (label_activated_cb), NULL);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (legend_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->label_box), controller);

  self->annotation_list = gloss_annotation_list_new (NULL);
  self->filter_model = gloss_filtered_list_new (self->annotation_list);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* Connected after the selection model's own handler. */
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (list_mapped_cb),
                           self, G_CONNECT_SWAPPED);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (label_name_cb), NULL, NULL);
  gtk_drop_down_set_expression (self->label_dropdown, expression);
  gtk_expression_unref (expression);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_item_cb), self);
  gtk_drop_down_set_factory (self->label_dropdown, factory);
  g_object_unref (factory);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (note_focus_leave_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);

  controller = gtk_shortcut_controller_new ();
  /* Enter confirms the note (Ctrl+Enter too); Shift+Enter starts a new line. */
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                            gtk_shortcut_trigger_parse_string ("<Control>KP_Enter")),
                               gtk_callback_action_new (note_commit_shortcut_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("Return"),
                                                            gtk_shortcut_trigger_parse_string ("KP_Enter")),
                               gtk_callback_action_new (note_commit_shortcut_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (search_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  update_list_page (self);
}

GtkWidget *
gloss_sidebar_new (void)
{
  return g_object_new (GLOSS_TYPE_SIDEBAR, NULL);
}

GlossDocument *
gloss_sidebar_get_document (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return self->document;
}

void
gloss_sidebar_set_document (GlossSidebar  *self,
                            GlossDocument *document)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_handle_id (&self->fold_idle, g_source_remove);
  if (self->document != NULL)
    {
      gloss_sidebar_commit_note (self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }

  /* Nothing of the old document may be edited through the new one. */
  self->syncing++;
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_object (&self->detail_annotation);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "notify::labels",
                             G_CALLBACK (document_labels_changed_cb), self, G_CONNECT_SWAPPED);

  set_labels (self, document != NULL ? gloss_document_get_labels (document) : NULL);
  gloss_annotation_list_set_store (self->annotation_list,
                                   document != NULL ? gloss_document_get_annotations (document) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing--;
  update_list_page (self);
  update_detail (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GlossAnnotation *
gloss_sidebar_get_selected_annotation (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return selected_annotation (self);
}

/**
 * gloss_sidebar_select_annotation:
 * @annotation: (nullable): an annotation of the document, or %NULL to
 *   unselect
 *
 * Selects the row of @annotation, clearing the search and filter if they
 * hide it, and scrolls the list to it.
 *
 * Returns: whether @annotation is now selected
 */
gboolean
gloss_sidebar_select_annotation (GlossSidebar    *self,
                                 GlossAnnotation *annotation)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), FALSE);

  if (annotation == NULL)
    {
      g_clear_pointer (&self->selected_id, g_free);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }

  if (self->document == NULL ||
      !gloss_annotation_store_find (gloss_document_get_annotations (self->document), annotation, NULL))
    return FALSE;

  position = find_in_filter (self, annotation);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search_casefold, g_free);
      gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
      refilter (self);
      position = find_in_filter (self, annotation);
      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_selected_later (self);

  return TRUE;
}

/**
 * gloss_sidebar_select_relative:
 * @delta: how many rows to move, negative for backwards
 *
 * Moves the selection through the (filtered) list; with nothing selected,
 * selects the first or the last row.
 *
 * Returns: whether the selection moved
 */
gboolean
gloss_sidebar_select_relative (GlossSidebar *self,
                               int           delta)
{
  guint n, position, target;

  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n == 0 || delta == 0)
    return FALSE;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    target = delta > 0 ? 0 : n - 1;
  else if (delta < 0)
    target = (guint) -delta > position ? 0 : position - (guint) -delta;
  else
    target = MIN ((gint64) position + delta, (gint64) n - 1);

  if (target == position)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, target);
  scroll_to_selected (self);

  return TRUE;
}

/**
 * gloss_sidebar_get_model:
 *
 * Returns: (transfer none): the list shown: a #GlossAnnotationItem for
 *   each of the document's annotations that the search and filter let
 *   through
 */
GListModel *
gloss_sidebar_get_model (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
gloss_sidebar_set_search_text (GlossSidebar *self,
                               const char   *text)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  /* Replacing the text empties the entry first, which would show the
   * whole list for a moment: one search, for the new text. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_changed_cb (self, self->search_entry);
}

void
gloss_sidebar_focus_search (GlossSidebar *self)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * gloss_sidebar_edit_note:
 *
 * Moves the focus to the note editor of the selected annotation.
 */
void
gloss_sidebar_edit_note (GlossSidebar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  if (self->detail_annotation == NULL)
    return;

  gtk_revealer_set_reveal_child (self->detail_revealer, TRUE);
  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

/**
 * gloss_sidebar_commit_note:
 *
 * Records the note being edited, if it changed, as one undoable edit;
 * and the evidence being typed in the fields, so that saving or closing
 * sees it.
 *
 * Returns: whether the note changed the document
 */
gboolean
gloss_sidebar_commit_note (GlossSidebar *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), FALSE);

  gloss_annotation_fields_commit (self->fields);

  if (!note_dirty (self))
    return FALSE;

  text = get_note_text (self);

  return commit_note_for (self, gloss_annotation_get_id (self->detail_annotation), text);
}

/**
 * gloss_sidebar_set_gazetteer:
 *
 * The gazetteer that entity fields suggest identifiers from and remember
 * them in.
 */
void
gloss_sidebar_set_gazetteer (GlossSidebar   *self,
                             GlossGazetteer *gazetteer)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  gloss_annotation_fields_set_gazetteer (self->fields, gazetteer);
}

/**
 * gloss_sidebar_get_fields:
 *
 * Returns: (transfer none): the structured fields of the selected annotation
 */
GtkWidget *
gloss_sidebar_get_fields (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->fields);
}
