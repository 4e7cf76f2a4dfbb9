/* gloss-annotation-fields.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation-fields"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation-fields.h"
#include "gloss-claim.h"
#include "gloss-scheme.h"

struct _GlossAnnotationFields
{
  GtkWidget            parent_instance;

  GlossDocument       *document;
  char                *annotation_id;
  GlossGazetteer      *gazetteer;
  gulong               changed_id;
  gboolean             updating;

  GtkWidget           *box;
  AdwPreferencesGroup *claim_group;
  AdwComboRow         *verdict_row;
  GtkStringList       *verdicts;      /* the verdict row's choices, and a claim's own if off the scale */
  AdwActionRow        *linked_claimant_row;
  AdwEntryRow         *claimant_row;
  AdwComboRow         *worthiness_row;
  AdwEntryRow         *reviewed_row;
  GtkWidget           *evidence_box;
  GtkTextView         *evidence_view;
  AdwPreferencesGroup *entity_group;
  AdwActionRow        *suggestion_row;
  AdwEntryRow         *kb_id_row;
  AdwEntryRow         *canonical_row;
  AdwPreferencesGroup *links_group;
  GtkListBox          *links_list;
  GtkMenuButton       *link_menu_button;

  /* Rows for the label's attribute definitions (issue 3): rebuilt when
   * the label (a value, replaced on every edit) changes. */
  AdwPreferencesGroup *attributes_group;
  GPtrArray           *attribute_rows;
  GlossLabel          *attributes_label;
  char                *link_menu_key;
  GMenuModel          *link_menu;        /* what the link button offers */
  char                *links_key;     /* what the links list shows */
  GlossAnnotation     *shown;         /* what the fields were last filled from */
  GlossLabel          *shown_label;
  gboolean             attributes_reset;  /* another annotation: show its values even in a focused entry */

  /* Keeping the keyboard focus on a row after a choice (see
   * restore_focus_after_choice()). */
  GtkWidget           *refocus_row;
  GtkRoot             *refocus_root;
  gulong               refocus_handler;
  gint64               refocus_until;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationFields, gloss_annotation_fields, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_ANNOTATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define UNCHECKED "not-checked"

/* The verdict row's choices: "Not yet checked", then the rest of the
 * default scale in its order. */
static guint
n_verdict_choices (void)
{
  guint n;

  /* As many as the scale has: "not-checked" moves to the front. */
  gloss_verdicts_get_default (&n);
  return n;
}

/* The choice for @verdict (not unchecked), or G_MAXUINT if off the scale. */
static guint
verdict_position (const char *verdict)
{
  const GlossVerdict *v;
  guint n, position = 1;

  v = gloss_verdicts_get_default (&n);
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (v[i].id, UNCHECKED) == 0)
        continue;
      if (g_strcmp0 (v[i].id, verdict) == 0)
        return position;
      position++;
    }

  return G_MAXUINT;
}

/* The verdict of choice @position (1 or more, below n_verdict_choices ()). */
static const char *
verdict_at (guint position)
{
  const GlossVerdict *v;
  guint n;

  v = gloss_verdicts_get_default (&n);
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (v[i].id, UNCHECKED) == 0)
        continue;
      if (--position == 0)
        return v[i].id;
    }

  g_return_val_if_reached (NULL);
}

static GlossAnnotation *
current (GlossAnnotationFields *self)
{
  if (self->document == NULL || self->annotation_id == NULL)
    return NULL;

  return gloss_annotation_store_lookup (gloss_document_get_annotations (self->document),
                                        self->annotation_id);
}

static GlossLabelKind
current_kind (GlossAnnotationFields *self,
              GlossAnnotation       *annotation)
{
  GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (self->document),
                                              gloss_annotation_get_label (annotation));

  return label ? gloss_label_get_kind (label) : GLOSS_LABEL_KIND_HIGHLIGHT;
}

static void
set_attribute (GlossAnnotationFields *self,
               const char            *key,
               GVariant              *value)
{
  GlossAnnotation *annotation = current (self);

  if (annotation == NULL || self->updating)
    {
      if (value != NULL)
        g_variant_unref (g_variant_ref_sink (value));
      return;
    }

  gloss_document_set_attribute (self->document, annotation, key, value);
}

static void
set_string_attribute (GlossAnnotationFields *self,
                      const char            *key,
                      const char            *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  set_attribute (self, key, *stripped ? g_variant_new_string (stripped) : NULL);
}

/* Shows a stored value in @row without its apply button, which would
 * suggest that the value still has to be confirmed. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gboolean show_apply = adw_entry_row_get_show_apply_button (row);

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, show_apply);
}

/* Shows @text in @row, unless the user is typing there; a newly shown
 * annotation's values are shown even in the focused entry. */
static void
set_entry (GlossAnnotationFields *self,
           AdwEntryRow           *row,
           const char            *text)
{
  if (!self->attributes_reset &&
      (gtk_widget_has_focus (GTK_WIDGET (row)) ||
       gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL))
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    set_entry_text (row, text);
}

/* Whether the focus has left @row for nowhere: hidden in its closed list,
 * or moved up to a container. */
static gboolean
focus_was_lost (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return root != NULL &&
         (focus == NULL ||
          gtk_widget_is_ancestor (row, focus) ||
          (gtk_widget_is_ancestor (focus, row) && !gtk_widget_get_mapped (focus)));
}

static void
stop_refocus (GlossAnnotationFields *self)
{
  if (self->refocus_root != NULL)
    g_clear_signal_handler (&self->refocus_handler, self->refocus_root);
  g_clear_weak_pointer (&self->refocus_root);
  g_clear_weak_pointer (&self->refocus_row);
}

static void
refocus (GlossAnnotationFields *self)
{
  if (self->refocus_row == NULL || g_get_monotonic_time () > self->refocus_until)
    {
      stop_refocus (self);
      return;
    }

  if (focus_was_lost (self->refocus_row))
    gtk_widget_grab_focus (self->refocus_row);
}

static gboolean
refocus_idle_cb (gpointer data)
{
  refocus (data);
  return G_SOURCE_REMOVE;
}

/* A value picked from a combo row's list closes the list, or one confirmed
 * in an entry replaces the annotation and the sidebar shows it anew (on a
 * later frame, as its list settles), and the focus does not come back to
 * the row: it is lost to the sidebar's scroller, and Tab starts over
 * elsewhere (typing there may then press label keys). For a moment, give
 * it back to the row whenever it is lost, so the keyboard goes on from
 * there. */
static void
restore_focus_after_choice (GlossAnnotationFields *self,
                            GtkWidget             *row)
{
  GtkRoot *root = gtk_widget_get_root (row);

  if (root == NULL)
    return;

  stop_refocus (self);
  g_set_weak_pointer (&self->refocus_row, row);
  g_set_weak_pointer (&self->refocus_root, root);
  self->refocus_until = g_get_monotonic_time () + G_USEC_PER_SEC;
  self->refocus_handler = g_signal_connect_object (root, "notify::focus-widget",
                                                   G_CALLBACK (refocus), self, G_CONNECT_SWAPPED);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refocus_idle_cb, g_object_ref (self), g_object_unref);
}

static void
goto_clicked_cb (GtkButton             *button,
                 GlossAnnotationFields *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "annotation-id");
  GlossAnnotation *target;

  if (self->document == NULL)
    return;

  target = gloss_annotation_store_lookup (gloss_document_get_annotations (self->document), id);
  if (target != NULL)
    g_signal_emit (self, signals[ACTIVATE_ANNOTATION], 0, target);
}

static void
remove_link_clicked_cb (GtkButton             *button,
                        GlossAnnotationFields *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "relation-id");
  GlossRelation *relation;

  if (self->document == NULL)
    return;

  relation = gloss_document_lookup_relation (self->document, id);
  if (relation != NULL)
    gloss_document_remove_relation (self->document, relation);
}

static char *
describe_annotation (GlossAnnotation *a)
{
  g_autofree char *quote = gloss_text_ellipsize (gloss_annotation_get_quote (a), 40);

  return g_strdup_printf ("%s · “%s”", gloss_annotation_get_label (a), quote);
}

/* Everything the links list (and the linked claimant row) shows of
 * @annotation's links: their ids, ends, types, notes and the other ends'
 * labels and spans. */
static char *
links_key (GlossAnnotationFields *self,
           GlossAnnotation       *annotation)
{
  g_autoptr(GPtrArray) relations = gloss_document_relations_of (self->document, gloss_annotation_get_id (annotation));
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  GString *key = g_string_new ("links");

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];
      const char *other_id = g_strcmp0 (gloss_relation_get_from (r), gloss_annotation_get_id (annotation)) == 0
        ? gloss_relation_get_to (r) : gloss_relation_get_from (r);
      GlossAnnotation *other = gloss_annotation_store_lookup (gloss_document_get_annotations (self->document), other_id);
      GlossRelationType *type = gloss_label_set_find_relation_type (labels, gloss_relation_get_kind (r));
      g_autofree char *type_name = type ? gloss_relation_type_dup_display_name (type) : NULL;

      g_string_append_printf (key, "\x1e%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                              gloss_relation_get_id (r), gloss_relation_get_from (r),
                              gloss_relation_get_to (r), type_name ? type_name : gloss_relation_get_kind (r),
                              gloss_relation_get_note (r) ? gloss_relation_get_note (r) : "",
                              other ? gloss_annotation_get_label (other) : "");
      if (other != NULL)
        g_string_append_printf (key, "\x1f%u:%u", gloss_annotation_get_start (other), gloss_annotation_get_end (other));
    }

  return g_string_free (key, FALSE);
}

static void
rebuild_links (GlossAnnotationFields *self,
               GlossAnnotation       *annotation)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *key = links_key (self, annotation);
  GtkListBoxRow *old_row;

  /* The list is rebuilt only when what it shows changes: the document
   * changes at every edit anywhere, and new rows cost a relayout of the
   * whole pane (more than the rest of an edit's frame). */
  if (self->links_key != NULL && g_str_equal (self->links_key, key))
    return;
  g_free (self->links_key);
  self->links_key = g_steal_pointer (&key);

  relations = gloss_document_relations_of (self->document, gloss_annotation_get_id (annotation));

  /* The rows only: the first child may be the placeholder. */
  while ((old_row = gtk_list_box_get_row_at_index (self->links_list, 0)) != NULL)
    gtk_list_box_remove (self->links_list, GTK_WIDGET (old_row));

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];
      gboolean outgoing = g_strcmp0 (gloss_relation_get_from (r), gloss_annotation_get_id (annotation)) == 0;
      const char *other_id = outgoing ? gloss_relation_get_to (r) : gloss_relation_get_from (r);
      GlossAnnotation *other = gloss_annotation_store_lookup (gloss_document_get_annotations (self->document), other_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *go = gtk_button_new_from_icon_name ("find-location-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      g_autofree char *title = NULL;
      g_autofree char *subtitle = other ? describe_annotation (other) : g_strdup (other_id);

      GlossRelationType *type = gloss_label_set_find_relation_type (gloss_document_get_labels (self->document),
                                                                     gloss_relation_get_kind (r));
      g_autofree char *type_name = type ? gloss_relation_type_dup_display_name (type)
                                        : g_strdup (gloss_relation_get_kind (r));

      /* Translators: "claimant →" for a link from this annotation, "← claimant" for one to it */
      title = outgoing ? g_strdup_printf (_("%s →"), type_name)
                       : g_strdup_printf (_("← %s"), type_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Type names and quotes are text, not markup ("Smith & Sons"). */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (gloss_relation_get_note (r) != NULL)
        gtk_widget_set_tooltip_text (row, gloss_relation_get_note (r));

      g_object_set_data_full (G_OBJECT (go), "annotation-id", g_strdup (other_id), g_free);
      gtk_widget_set_tooltip_text (go, _("Go to Linked Annotation"));
      gtk_widget_set_valign (go, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (go, "flat");
      g_signal_connect (go, "clicked", G_CALLBACK (goto_clicked_cb), self);

      g_object_set_data_full (G_OBJECT (remove), "relation-id", g_strdup (gloss_relation_get_id (r)), g_free);
      gtk_widget_set_tooltip_text (remove, _("Remove Link"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_link_clicked_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->links_list, row);
    }
}

/* Attribute definitions ---------------------------------------------------- */

/* Attributes that have their own fields for claims and entities. */
static gboolean
is_builtin_field (GlossLabelKind  kind,
                  const char     *name)
{
  static const char * const claim_fields[] = {
    GLOSS_ATTR_VERDICT, GLOSS_ATTR_CLAIMANT, GLOSS_ATTR_CHECK_WORTHINESS, GLOSS_ATTR_EVIDENCE,
    GLOSS_ATTR_REVIEWED_ON, NULL
  };
  static const char * const entity_fields[] = { GLOSS_ATTR_KB_ID, GLOSS_ATTR_CANONICAL_NAME, NULL };

  if (kind == GLOSS_LABEL_KIND_CLAIM)
    return g_strv_contains (claim_fields, name);
  if (kind == GLOSS_LABEL_KIND_ENTITY)
    return g_strv_contains (entity_fields, name);

  return FALSE;
}

static GlossAttributeDef *
row_def (GlossAnnotationFields *self,
         GtkWidget             *row)
{
  GlossAnnotation *annotation = current (self);
  GlossLabel *label;

  if (annotation == NULL)
    return NULL;

  label = gloss_label_set_lookup (gloss_document_get_labels (self->document),
                                  gloss_annotation_get_label (annotation));
  if (label == NULL)
    return NULL;

  return gloss_label_lookup_attribute (label, g_object_get_data (G_OBJECT (row), "attribute-name"));
}

static void
attribute_entry_changed_cb (AdwEntryRow           *row,
                            GlossAnnotationFields *self)
{
  GlossAttributeDef *def = row_def (self, GTK_WIDGET (row));
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  if (def == NULL || self->updating)
    return;

  value = gloss_attribute_def_parse_value (def, gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
attribute_entry_apply_cb (AdwEntryRow           *row,
                          GlossAnnotationFields *self)
{
  GlossAttributeDef *def = row_def (self, GTK_WIDGET (row));
  GVariant *value;
  g_autoptr(GError) error = NULL;

  if (def == NULL)
    return;

  value = gloss_attribute_def_parse_value (def, gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  set_attribute (self, gloss_attribute_def_get_name (def), value);
}

static void
attribute_choice_cb (AdwComboRow           *row,
                     GParamSpec            *pspec,
                     GlossAnnotationFields *self)
{
  GlossAttributeDef *def = row_def (self, GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);
  const char * const *values;

  if (def == NULL || self->updating)
    return;

  restore_focus_after_choice (self, GTK_WIDGET (row));
  values = gloss_attribute_def_get_values (def);
  if (selected == 0 || selected > g_strv_length ((char **) values))
    set_attribute (self, gloss_attribute_def_get_name (def), NULL);
  else
    set_attribute (self, gloss_attribute_def_get_name (def), g_variant_new_string (values[selected - 1]));
}

static void
attribute_switch_cb (GtkSwitch             *sw,
                     GParamSpec            *pspec,
                     GlossAnnotationFields *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (sw), "row");
  GlossAttributeDef *def = row_def (self, row);

  if (def == NULL || self->updating)
    return;

  set_attribute (self, gloss_attribute_def_get_name (def), g_variant_new_boolean (gtk_switch_get_active (sw)));
}

static char *
attribute_title (GlossAttributeDef *def)
{
  g_autofree char *required = NULL;
  const char *name = gloss_attribute_def_get_name (def);

  /* Translators: an attribute that every annotation should have */
  if (gloss_attribute_def_get_required (def))
    name = required = g_strdup_printf (_("%s (required)"), name);

  switch (gloss_attribute_def_get_value_type (def))
    {
    case GLOSS_ATTRIBUTE_DATE:
      /* Translators: an attribute name and the date format */
      return g_strdup_printf (_("%s (YYYY-MM-DD)"), name);
    case GLOSS_ATTRIBUTE_URL:
      /* Translators: an attribute name and what it holds */
      return g_strdup_printf (_("%s (web address)"), name);
    case GLOSS_ATTRIBUTE_NUMBER:
      return g_strdup_printf (_("%s (number)"), name);
    default:
      return g_strdup (name);
    }
}

static GtkWidget *
make_attribute_row (GlossAnnotationFields *self,
                    GlossAttributeDef     *def)
{
  const char *name = gloss_attribute_def_get_name (def);
  g_autofree char *title = attribute_title (def);
  GtkWidget *row;

  switch (gloss_attribute_def_get_value_type (def))
    {
    case GLOSS_ATTRIBUTE_CHOICE:
      {
        g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
        const char * const *values = gloss_attribute_def_get_values (def);

        gtk_string_list_append (choices, _("Not set"));
        for (guint i = 0; values[i] != NULL; i++)
          gtk_string_list_append (choices, values[i]);
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
        g_signal_connect (row, "notify::selected", G_CALLBACK (attribute_choice_cb), self);
      }
      break;

    case GLOSS_ATTRIBUTE_BOOLEAN:
      {
        GtkWidget *sw = gtk_switch_new ();

        row = adw_action_row_new ();
        gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
        g_object_set_data (G_OBJECT (sw), "row", row);
        g_signal_connect (sw, "notify::active", G_CALLBACK (attribute_switch_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
        g_object_set_data (G_OBJECT (row), "switch", sw);
      }
      break;

    default:
      row = adw_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (attribute_entry_apply_cb), self);
      g_signal_connect (row, "changed", G_CALLBACK (attribute_entry_changed_cb), self);
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "attribute-name", g_strdup (name), g_free);

  return row;
}

static void
rebuild_attribute_rows (GlossAnnotationFields *self,
                        GlossLabel            *label)
{
  for (guint i = 0; i < self->attribute_rows->len; i++)
    adw_preferences_group_remove (self->attributes_group, self->attribute_rows->pdata[i]);
  g_ptr_array_set_size (self->attribute_rows, 0);
  g_set_object (&self->attributes_label, label);

  for (guint i = 0; label != NULL && i < gloss_label_get_n_attributes (label); i++)
    {
      GlossAttributeDef *def = gloss_label_get_attribute (label, i);
      GtkWidget *row;

      if (is_builtin_field (gloss_label_get_kind (label), gloss_attribute_def_get_name (def)))
        continue;

      row = make_attribute_row (self, def);
      adw_preferences_group_add (self->attributes_group, row);
      g_ptr_array_add (self->attribute_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attributes_group), self->attribute_rows->len > 0);
}

static char *
value_to_text (GVariant *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup (g_variant_get_string (value, NULL));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_variant_get_double (value)));
    }

  return g_variant_print (value, FALSE);
}

static void
update_attribute_rows (GlossAnnotationFields *self,
                       GlossAnnotation       *annotation)
{
  GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (self->document),
                                              gloss_annotation_get_label (annotation));

  if (label != self->attributes_label)
    rebuild_attribute_rows (self, label);

  for (guint i = 0; i < self->attribute_rows->len; i++)
    {
      GtkWidget *row = self->attribute_rows->pdata[i];
      GlossAttributeDef *def = gloss_label_lookup_attribute (label, g_object_get_data (G_OBJECT (row), "attribute-name"));
      const char *name = gloss_attribute_def_get_name (def);
      GVariant *value = gloss_annotation_get_attribute (annotation, name);
      g_autofree char *message = NULL;
      gboolean ok = gloss_attribute_def_check_value (def, value, NULL, &message);

      if (ADW_IS_COMBO_ROW (row))
        {
          const char * const *values = gloss_attribute_def_get_values (def);
          guint selected = 0;

          for (guint j = 0; value != NULL && values[j] != NULL; j++)
            if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                g_str_equal (values[j], g_variant_get_string (value, NULL)))
              selected = j + 1;
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
        }
      else if (ADW_IS_ENTRY_ROW (row))
        {
          g_autofree char *text = value_to_text (value);

          if (self->attributes_reset)
            set_entry_text (ADW_ENTRY_ROW (row), text);
          else
            set_entry (self, ADW_ENTRY_ROW (row), text);
        }
      else
        {
          GtkSwitch *sw = g_object_get_data (G_OBJECT (row), "switch");

          gtk_switch_set_active (sw, value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
                                     g_variant_get_boolean (value));
        }

      /* A value that does not fit (a colleague's file, an older scheme)
       * or a missing required one is marked, with the reason. */
      if (!ok && value != NULL)
        gtk_widget_add_css_class (row, "error");
      else if (!(ADW_IS_ENTRY_ROW (row) && gtk_widget_get_focus_child (row) != NULL))
        gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, ok ? NULL : message);
    }

  self->attributes_reset = FALSE;
}

/* The "+" menu of the links group: the built-in types and the label set's
 * own, those whose "from" end fits @annotation (a claimant link can also
 * be started from the entity: it is turned around). */
static void
update_link_menu (GlossAnnotationFields *self,
                  GlossAnnotation       *annotation)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  GlossLabel *label = gloss_label_set_lookup (labels, gloss_annotation_get_label (annotation));
  g_autoptr(GPtrArray) types = gloss_label_set_list_relation_types (labels);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) builtin = g_menu_new ();
  g_autoptr(GMenu) own = g_menu_new ();
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < types->len; i++)
    {
      GlossRelationType *type = types->pdata[i];
      const char *name = gloss_relation_type_get_name (type);
      g_autofree char *title = NULL;
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!gloss_relation_type_allows_from (type, label) &&
          !(g_str_equal (name, GLOSS_RELATION_CLAIMANT) && gloss_relation_type_allows_to (type, label)))
        continue;

      title = gloss_relation_type_dup_display_name (type);
      /* Translators: a menu item that starts a link of this type */
      item_label = g_strdup_printf (_("%s…"), title);
      item = g_menu_item_new (item_label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.start-link", g_variant_new_string (name));
      g_menu_append_item (gloss_relation_type_is_builtin (type) ? builtin : own, item);
      g_string_append_printf (key, "%s\x1f%s\x1e", name, item_label);
    }

  if (self->link_menu_key != NULL && g_str_equal (self->link_menu_key, key->str))
    return;
  g_free (self->link_menu_key);
  self->link_menu_key = g_strdup (key->str);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (builtin));
  if (g_menu_model_get_n_items (G_MENU_MODEL (own)) > 0)
    g_menu_append_section (menu, _("This Label Set"), G_MENU_MODEL (own));
  g_set_object (&self->link_menu, G_MENU_MODEL (menu));

  /* The popover is made when the button opens it (link_popup_cb), not
   * at every selection of an annotation with other link types: making
   * one took over a millisecond of the frame. An open one follows. */
  {
    GtkPopover *popover = gtk_menu_button_get_popover (self->link_menu_button);

    if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
      gtk_menu_button_set_menu_model (self->link_menu_button, self->link_menu);
  }
}

static void
link_popup_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  GlossAnnotationFields *self = user_data;

  if (gtk_menu_button_get_menu_model (button) != self->link_menu)
    gtk_menu_button_set_menu_model (button, self->link_menu);
}

/**
 * gloss_annotation_fields_get_link_menu:
 *
 * Returns: (transfer none) (nullable): the menu of link types offered for
 *   the shown annotation
 */
GMenuModel *
gloss_annotation_fields_get_link_menu (GlossAnnotationFields *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FIELDS (self), NULL);

  return self->link_menu;
}

static void
refresh (GlossAnnotationFields *self)
{
  GlossAnnotation *annotation = current (self);
  GlossLabelKind kind;
  const char *verdict;
  GVariant *worth;
  GlossAnnotation *claimant;

  gtk_widget_set_visible (self->box, annotation != NULL);
  if (annotation == NULL)
    return;

  /* The document changes at every edit, anywhere in it; the pane shows
   * the same again unless this annotation (a value, replaced on every
   * change), its label or its links changed. The references keep the
   * comparison of addresses honest. */
  {
    GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (self->document),
                                                gloss_annotation_get_label (annotation));
    g_autofree char *key = links_key (self, annotation);

    if (!self->attributes_reset && annotation == self->shown && label == self->shown_label &&
        g_strcmp0 (key, self->links_key) == 0)
      {
        update_link_menu (self, annotation);
        return;
      }
    g_set_object (&self->shown, annotation);
    g_set_object (&self->shown_label, label);
  }

  self->updating = TRUE;
  kind = current_kind (self, annotation);

  gtk_widget_set_visible (GTK_WIDGET (self->claim_group), kind == GLOSS_LABEL_KIND_CLAIM);
  gtk_widget_set_visible (self->evidence_box, kind == GLOSS_LABEL_KIND_CLAIM);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_group), kind == GLOSS_LABEL_KIND_ENTITY);

  if (kind == GLOSS_LABEL_KIND_CLAIM)
    {
      guint selected, n_choices = n_verdict_choices ();
      const char *evidence;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->evidence_view);

      /* A verdict off the scale (from another tool) is shown as it is,
       * as one more choice, until another is chosen. */
      verdict = gloss_claim_get_verdict (annotation);
      selected = gloss_claim_is_unchecked (annotation) ? 0 : verdict_position (verdict);
      if (selected == G_MAXUINT)
        {
          const char *other[] = { verdict, NULL };

          gtk_string_list_splice (self->verdicts, n_choices,
                                  g_list_model_get_n_items (G_LIST_MODEL (self->verdicts)) - n_choices, other);
          selected = n_choices;
        }
      else if (g_list_model_get_n_items (G_LIST_MODEL (self->verdicts)) > n_choices)
        gtk_string_list_splice (self->verdicts, n_choices, 1, NULL);
      adw_combo_row_set_selected (self->verdict_row, selected);

      worth = gloss_annotation_get_attribute (annotation, GLOSS_ATTR_CHECK_WORTHINESS);
      if (worth != NULL && g_variant_is_of_type (worth, G_VARIANT_TYPE_INT64))
        adw_combo_row_set_selected (self->worthiness_row, CLAMP (g_variant_get_int64 (worth), 0, 5));
      else if (worth != NULL && g_variant_is_of_type (worth, G_VARIANT_TYPE_DOUBLE))
        adw_combo_row_set_selected (self->worthiness_row, CLAMP ((int) g_variant_get_double (worth), 0, 5));
      else
        adw_combo_row_set_selected (self->worthiness_row, 0);

      claimant = gloss_claim_get_claimant (self->document, annotation);
      gtk_widget_set_visible (GTK_WIDGET (self->linked_claimant_row), claimant != NULL);
      if (claimant != NULL)
        {
          g_autofree char *desc = describe_annotation (claimant);
          adw_action_row_set_subtitle (self->linked_claimant_row, desc);
        }
      set_entry (self, self->claimant_row, gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_CLAIMANT));
      set_entry (self, self->reviewed_row, gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_REVIEWED_ON));

      evidence = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_EVIDENCE);
      if (self->attributes_reset || !gtk_widget_has_focus (GTK_WIDGET (self->evidence_view)))
        {
          g_autofree char *shown = NULL;
          GtkTextIter a, b;

          gtk_text_buffer_get_bounds (buffer, &a, &b);
          shown = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
          if (g_strcmp0 (shown, evidence ? evidence : "") != 0)
            gtk_text_buffer_set_text (buffer, evidence ? evidence : "", -1);
        }
    }

  if (kind == GLOSS_LABEL_KIND_ENTITY)
    {
      const char *kb_id = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_KB_ID);
      const GlossGazetteerEntry *entry = NULL;

      set_entry (self, self->kb_id_row, kb_id);
      set_entry (self, self->canonical_row, gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_CANONICAL_NAME));

      if (self->gazetteer != NULL && (kb_id == NULL || *kb_id == '\0'))
        entry = gloss_gazetteer_lookup (self->gazetteer, gloss_annotation_get_quote (annotation),
                                        gloss_annotation_get_label (annotation));
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_row), entry != NULL);
      if (entry != NULL)
        {
          g_autofree char *subtitle = entry->canonical_name
            ? g_strdup_printf ("%s (%s)", entry->kb_id, entry->canonical_name)
            : g_strdup (entry->kb_id);
          adw_action_row_set_subtitle (self->suggestion_row, subtitle);
        }
    }

  update_attribute_rows (self, annotation);
  update_link_menu (self, annotation);
  rebuild_links (self, annotation);
  self->updating = FALSE;
}

static void
verdict_changed_cb (GlossAnnotationFields *self)
{
  guint selected = adw_combo_row_get_selected (self->verdict_row);
  GlossAnnotation *annotation = current (self);

  if (self->updating || annotation == NULL)
    return;

  restore_focus_after_choice (self, GTK_WIDGET (self->verdict_row));
  if (selected >= n_verdict_choices ())
    return;  /* the claim's own verdict, off the scale: as it is */
  if (selected == 0)
    {
      /* "Not yet checked" is also how a claim without a verdict reads. */
      if (!gloss_claim_is_unchecked (annotation))
        set_attribute (self, GLOSS_ATTR_VERDICT, NULL);
    }
  else
    set_attribute (self, GLOSS_ATTR_VERDICT, g_variant_new_string (verdict_at (selected)));
}

static void
worthiness_changed_cb (GlossAnnotationFields *self)
{
  guint selected = adw_combo_row_get_selected (self->worthiness_row);

  if (self->updating)
    return;

  restore_focus_after_choice (self, GTK_WIDGET (self->worthiness_row));
  set_attribute (self, GLOSS_ATTR_CHECK_WORTHINESS,
                 selected == 0 || selected > 5 ? NULL : g_variant_new_int64 (selected));
}

static void
claimant_apply_cb (GlossAnnotationFields *self)
{
  restore_focus_after_choice (self, GTK_WIDGET (self->claimant_row));
  set_string_attribute (self, GLOSS_ATTR_CLAIMANT, gtk_editable_get_text (GTK_EDITABLE (self->claimant_row)));
}

static void
unlink_claimant_cb (GlossAnnotationFields *self)
{
  GlossAnnotation *annotation = current (self);
  g_autoptr(GPtrArray) relations = NULL;

  if (annotation == NULL)
    return;

  relations = gloss_document_relations_of (self->document, gloss_annotation_get_id (annotation));
  gloss_document_begin_edit (self->document, _("Unlink Claimant"));
  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *r = relations->pdata[i];

      if (g_strcmp0 (gloss_relation_get_kind (r), GLOSS_RELATION_CLAIMANT) == 0 &&
          g_strcmp0 (gloss_relation_get_from (r), self->annotation_id) == 0)
        gloss_document_remove_relation (self->document, r);
    }
  gloss_document_end_edit (self->document);
}

static void
reviewed_changed_cb (GlossAnnotationFields *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reviewed_row));

  if (*text == '\0' || gloss_date_is_valid (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->reviewed_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->reviewed_row), "error");
}

static void
reviewed_apply_cb (GlossAnnotationFields *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reviewed_row));

  if (*text != '\0' && !gloss_date_is_valid (text))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  restore_focus_after_choice (self, GTK_WIDGET (self->reviewed_row));
  set_string_attribute (self, GLOSS_ATTR_REVIEWED_ON, text);
}

static void
reviewed_today_cb (GlossAnnotationFields *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->reviewed_row), today);
  set_string_attribute (self, GLOSS_ATTR_REVIEWED_ON, today);
}

static void
kb_id_changed_cb (GlossAnnotationFields *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->kb_id_row));

  /* Say what is expected, not only that something is wrong. */
  if (*text == '\0' || gloss_kb_id_is_valid (text))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->kb_id_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->kb_id_row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->kb_id_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->kb_id_row),
                                   _("Not an identifier: type a Wikidata ID such as Q7747, or a URI such as https://example.org/id/42"));
    }
}

static void
remember (GlossAnnotationFields *self)
{
  GlossAnnotation *annotation = current (self);
  const char *kb_id;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (annotation == NULL || self->gazetteer == NULL)
    return;

  kb_id = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_KB_ID);
  if (!gloss_kb_id_is_valid (kb_id))
    return;

  gloss_gazetteer_remember (self->gazetteer,
                            gloss_annotation_get_quote (annotation),
                            gloss_annotation_get_label (annotation),
                            kb_id,
                            gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_CANONICAL_NAME));
  file = gloss_gazetteer_get_default_file ();
  if (!gloss_gazetteer_save (self->gazetteer, file, &error))
    g_warning ("Could not save the gazetteer: %s", error->message);
}

static void
kb_id_apply_cb (GlossAnnotationFields *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->kb_id_row));

  if (*text != '\0' && !gloss_kb_id_is_valid (text))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  restore_focus_after_choice (self, GTK_WIDGET (self->kb_id_row));
  set_string_attribute (self, GLOSS_ATTR_KB_ID, text);
  remember (self);
}

static void
canonical_apply_cb (GlossAnnotationFields *self)
{
  restore_focus_after_choice (self, GTK_WIDGET (self->canonical_row));
  set_string_attribute (self, GLOSS_ATTR_CANONICAL_NAME,
                        gtk_editable_get_text (GTK_EDITABLE (self->canonical_row)));
  remember (self);
}

static void
use_suggestion_cb (GlossAnnotationFields *self)
{
  GlossAnnotation *annotation = current (self);
  const GlossGazetteerEntry *entry;

  if (annotation == NULL || self->gazetteer == NULL)
    return;

  entry = gloss_gazetteer_lookup (self->gazetteer, gloss_annotation_get_quote (annotation),
                                  gloss_annotation_get_label (annotation));
  if (entry == NULL)
    return;

  gloss_document_begin_edit (self->document, _("Set Identifier"));
  annotation = gloss_document_set_attribute (self->document, annotation, GLOSS_ATTR_KB_ID,
                                             g_variant_new_string (entry->kb_id));
  if (entry->canonical_name != NULL)
    gloss_document_set_attribute (self->document, annotation, GLOSS_ATTR_CANONICAL_NAME,
                                  g_variant_new_string (entry->canonical_name));
  gloss_document_end_edit (self->document);
}

/**
 * gloss_annotation_fields_commit:
 *
 * Saves edits still pending in the evidence text (done automatically when
 * it loses focus or another annotation is shown).
 */
void
gloss_annotation_fields_commit (GlossAnnotationFields *self)
{
  GlossAnnotation *annotation;
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  g_autofree char *text = NULL;
  const char *old;

  g_return_if_fail (GLOSS_IS_ANNOTATION_FIELDS (self));

  annotation = current (self);
  if (annotation == NULL || current_kind (self, annotation) != GLOSS_LABEL_KIND_CLAIM)
    return;

  buffer = gtk_text_view_get_buffer (self->evidence_view);
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  old = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_EVIDENCE);
  g_strchomp (text);

  if (g_strcmp0 (text, old ? old : "") != 0)
    set_attribute (self, GLOSS_ATTR_EVIDENCE, *text ? g_variant_new_string (text) : NULL);
}

static void
evidence_focus_leave_cb (GlossAnnotationFields *self)
{
  gloss_annotation_fields_commit (self);
}

static void
gloss_annotation_fields_dispose (GObject *object)
{
  GlossAnnotationFields *self = (GlossAnnotationFields *)object;

  stop_refocus (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->gazetteer);
  g_clear_object (&self->verdicts);
  g_clear_object (&self->attributes_label);
  g_clear_object (&self->shown);
  g_clear_object (&self->shown_label);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_FIELDS);

  G_OBJECT_CLASS (gloss_annotation_fields_parent_class)->dispose (object);
}

static void
gloss_annotation_fields_finalize (GObject *object)
{
  GlossAnnotationFields *self = (GlossAnnotationFields *)object;

  g_clear_pointer (&self->annotation_id, g_free);
  g_clear_pointer (&self->attribute_rows, g_ptr_array_unref);
  g_clear_pointer (&self->link_menu_key, g_free);
  g_clear_object (&self->link_menu);
  g_clear_pointer (&self->links_key, g_free);

  G_OBJECT_CLASS (gloss_annotation_fields_parent_class)->finalize (object);
}

static void
gloss_annotation_fields_class_init (GlossAnnotationFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_fields_dispose;
  object_class->finalize = gloss_annotation_fields_finalize;

  /**
   * GlossAnnotationFields::activate-annotation:
   *
   * The user asked to go to a linked annotation.
   */
  signals[ACTIVATE_ANNOTATION] =
    g_signal_new ("activate-annotation",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gloss-annotation-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, box);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, claim_group);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, linked_claimant_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, claimant_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, worthiness_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, reviewed_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, entity_group);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, suggestion_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, kb_id_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, canonical_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, links_group);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, links_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, link_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationFields, attributes_group);
  gtk_widget_class_bind_template_callback (widget_class, verdict_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, worthiness_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, claimant_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlink_claimant_cb);
  gtk_widget_class_bind_template_callback (widget_class, reviewed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reviewed_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, reviewed_today_cb);
  gtk_widget_class_bind_template_callback (widget_class, kb_id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kb_id_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, canonical_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_suggestion_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_annotation_fields_init (GlossAnnotationFields *self)
{
  g_autoptr(GtkStringList) worthiness = gtk_string_list_new (NULL);
  const GlossVerdict *v;
  GtkEventController *focus;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->attribute_rows = g_ptr_array_new ();
  gtk_menu_button_set_create_popup_func (self->link_menu_button, link_popup_cb, self, NULL);

  /* No verdict yet and "not-checked" read the same (as statistics
   * count them): one choice, first. */
  self->verdicts = gtk_string_list_new (NULL);
  gtk_string_list_append (self->verdicts, _(gloss_verdict_lookup (UNCHECKED)->name));
  v = gloss_verdicts_get_default (&n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (v[i].id, UNCHECKED) != 0)
      gtk_string_list_append (self->verdicts, _(v[i].name));
  adw_combo_row_set_model (self->verdict_row, G_LIST_MODEL (self->verdicts));

  gtk_string_list_append (worthiness, _("Not rated"));
  gtk_string_list_append (worthiness, _("1 — Not worth checking"));
  gtk_string_list_append (worthiness, _("2 — Low"));
  gtk_string_list_append (worthiness, _("3 — Medium"));
  gtk_string_list_append (worthiness, _("4 — High"));
  gtk_string_list_append (worthiness, _("5 — Must check"));
  adw_combo_row_set_model (self->worthiness_row, G_LIST_MODEL (worthiness));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (evidence_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->evidence_view), focus);

  gtk_widget_set_visible (self->box, FALSE);
}

GtkWidget *
gloss_annotation_fields_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_FIELDS, NULL);
}

void
gloss_annotation_fields_set_gazetteer (GlossAnnotationFields *self,
                                       GlossGazetteer        *gazetteer)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_FIELDS (self));

  g_set_object (&self->gazetteer, gazetteer);
  refresh (self);
}

/**
 * gloss_annotation_fields_set_annotation:
 * @annotation: (nullable): the annotation to show
 *
 * Shows @annotation of @document. The widget follows the annotation by id,
 * so it stays current across edits, undo and redo.
 */
void
gloss_annotation_fields_set_annotation (GlossAnnotationFields *self,
                                        GlossDocument         *document,
                                        GlossAnnotation       *annotation)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_FIELDS (self));

  /* The same annotation (perhaps an edited copy): only refresh, keeping
   * what the user is typing. */
  if (self->document == document && annotation != NULL &&
      g_strcmp0 (self->annotation_id, gloss_annotation_get_id (annotation)) == 0)
    {
      refresh (self);
      return;
    }

  gloss_annotation_fields_commit (self);

  if (self->document != document)
    {
      if (self->document != NULL)
        g_clear_signal_handler (&self->changed_id, self->document);
      g_set_object (&self->document, document);
      if (document != NULL)
        self->changed_id = g_signal_connect_object (document, "changed",
                                                    G_CALLBACK (refresh), self,
                                                    G_CONNECT_SWAPPED);
    }

  g_free (self->annotation_id);
  self->annotation_id = annotation ? g_strdup (gloss_annotation_get_id (annotation)) : NULL;

  /* A new annotation: show its values even in the focused entry. */
  self->updating = TRUE;
  set_entry_text (self->claimant_row, "");
  set_entry_text (self->reviewed_row, "");
  set_entry_text (self->kb_id_row, "");
  set_entry_text (self->canonical_row, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->evidence_view), "", -1);
  self->attributes_reset = TRUE;
  self->updating = FALSE;

  refresh (self);
}
