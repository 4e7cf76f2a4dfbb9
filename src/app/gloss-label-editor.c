/* gloss-label-editor.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-label-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-file-chooser.h"
#include "gloss-label-editor.h"

struct _GlossLabelEditor
{
  AdwWindow            parent_instance;

  GlossDocument       *document;
  gulong               items_changed_id;
  GtkStringList       *kinds;

  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *new_name_row;
  GtkDropDown         *new_kind_dropdown;
  GtkListBox          *labels_list;
  AdwEntryRow         *new_relation_type_row;
  GtkListBox          *relation_types_list;
  gulong               relation_types_changed_id;
};

G_DEFINE_FINAL_TYPE (GlossLabelEditor, gloss_label_editor, ADW_TYPE_WINDOW)

static const char * const kind_names[] = { N_("Highlight"), N_("Entity"), N_("Claim") };

/* Colours for new labels, continuing the default palette. */
static const char * const new_colors[] = {
  "#44aa99", "#117733", "#dd7788", "#aa4499", "#332288", "#ddcc77", "#6699cc", "#cc6677",
};

static void toast (GlossLabelEditor *self, const char *message);
static void open_attribute_dialog (GlossLabelEditor *self, const char *label_name, const char *attr_name);
static char *relation_type_subtitle (GlossLabelEditor *self, GlossRelationType *type);

static GlossLabel *
label_by_name (GlossLabelEditor *self,
               const char       *name)
{
  return gloss_label_set_lookup (gloss_document_get_labels (self->document), name);
}

static void
replace_with (GlossLabelEditor *self,
              const char       *name,
              GlossLabel       *replacement)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_document_replace_label (self->document, name, replacement, &error))
    toast (self, error->message);
}

static void
color_set_cb (GtkColorButton   *button,
              GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "label-name");
  GlossLabel *label = label_by_name (self, name);
  g_autoptr(GlossLabel) copy = NULL;
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  if (label == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x",
                         (int) (rgba.red * 255 + 0.5),
                         (int) (rgba.green * 255 + 0.5),
                         (int) (rgba.blue * 255 + 0.5));
  copy = gloss_label_copy (label);
  gloss_label_set_color (copy, hex);
  replace_with (self, name, copy);
}

static void
name_apply_cb (AdwEntryRow      *row,
               GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "label-name");
  GlossLabel *label = label_by_name (self, name);
  g_autofree char *new_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GlossLabel) copy = NULL;

  if (label == NULL || *new_name == '\0')
    return;

  copy = gloss_label_copy (label);
  gloss_label_set_name (copy, new_name);
  replace_with (self, name, copy);
}

static void
key_apply_cb (AdwEntryRow      *row,
              GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "label-name");
  GlossLabel *label = label_by_name (self, name);
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GlossLabel) copy = NULL;

  if (label == NULL)
    return;

  if (*key != '\0' && !gloss_label_key_is_valid (key))
    {
      toast (self, _("A key is a single character"));
      return;
    }

  copy = gloss_label_copy (label);
  gloss_label_set_key (copy, key);
  replace_with (self, name, copy);
}

static void
kind_selected_cb (AdwComboRow      *row,
                  GParamSpec       *pspec,
                  GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "label-name");
  GlossLabel *label = label_by_name (self, name);
  g_autoptr(GlossLabel) copy = NULL;
  guint kind = adw_combo_row_get_selected (row);

  if (label == NULL || kind >= GLOSS_N_LABEL_KINDS || kind == gloss_label_get_kind (label))
    return;

  copy = gloss_label_copy (label);
  gloss_label_set_kind (copy, kind);
  replace_with (self, name, copy);
}

static void
move_clicked_cb (GtkButton        *button,
                 GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "label-name");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int pos = gloss_label_set_index_of (gloss_document_get_labels (self->document), name);
  g_autoptr(GError) error = NULL;

  if (pos < 0 || pos + delta < 0)
    return;

  if (!gloss_document_move_label (self->document, name, pos + delta, &error))
    toast (self, error->message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "label-name");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!gloss_document_remove_label (self->document, name, TRUE, &error))
    toast (self, error->message);
}

/* Asks before deleting @name and what uses it; @key names the data the
 * response handler reads the name from. */
static void
confirm_delete (GlossLabelEditor *self,
                const char       *name,
                const char       *body,
                const char       *delete_label,
                const char       *key,
                GCallback         response_cb)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", delete_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), key, g_strdup (name), g_free);
  g_signal_connect (dialog, "response", response_cb, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_clicked_cb (GtkButton        *button,
                   GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "label-name");
  guint used = gloss_annotation_store_count_label (gloss_document_get_annotations (self->document), name);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (used == 0)
    {
      if (!gloss_document_remove_label (self->document, name, FALSE, &error))
        toast (self, error->message);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u annotation uses this label and will be deleted with it. You can undo this.",
                                       "%u annotations use this label and will be deleted with it. You can undo this.",
                                       used),
                          used);
  confirm_delete (self, name, body, _("_Delete Label and Annotations"),
                  "label-name", G_CALLBACK (delete_response_cb));
}

static GtkWidget *
make_button (const char       *icon,
             const char       *tooltip,
             const char       *name,
             GCallback         callback,
             GlossLabelEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "label-name", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

/* Attribute definitions ---------------------------------------------------- */

static char *
describe_attribute (GlossAttributeDef *def)
{
  GString *text = g_string_new (gloss_attribute_type_get_display_name (gloss_attribute_def_get_value_type (def)));
  const char * const *values = gloss_attribute_def_get_values (def);
  GVariant *value = gloss_attribute_def_get_default (def);

  if (values[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) values);

      g_string_append_printf (text, ": %s", list);
    }
  if (gloss_attribute_def_get_required (def))
    g_string_append_printf (text, " · %s", _("required"));
  if (value != NULL)
    {
      g_autofree char *shown = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
        ? g_strdup (g_variant_get_string (value, NULL)) : g_variant_print (value, FALSE);

      /* Translators: the default value of an attribute */
      g_string_append_printf (text, " · %s", shown);
      g_string_append_printf (text, " (%s)", _("default"));
    }

  return g_string_free (text, FALSE);
}

/* A copy of @label's definitions. */
static GPtrArray *
copy_defs (GlossLabel *label)
{
  GPtrArray *defs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < gloss_label_get_n_attributes (label); i++)
    g_ptr_array_add (defs, g_object_ref (gloss_label_get_attribute (label, i)));

  return defs;
}

static int
def_index (GPtrArray  *defs,
           const char *name)
{
  for (guint i = 0; i < defs->len; i++)
    if (g_strcmp0 (gloss_attribute_def_get_name (defs->pdata[i]), name) == 0)
      return i;

  return -1;
}

static gboolean
set_label_attributes (GlossLabelEditor  *self,
                      const char        *label_name,
                      GPtrArray         *defs,
                      GError           **error)
{
  GlossLabel *label = label_by_name (self, label_name);
  g_autoptr(GlossLabel) copy = NULL;

  if (label == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no label called “%s”"), label_name);
      return FALSE;
    }

  copy = gloss_label_copy (label);
  gloss_label_set_attributes (copy, defs);

  return gloss_document_replace_label (self->document, label_name, copy, error);
}

/**
 * gloss_label_editor_save_attribute:
 * @old_name: (nullable): the definition @def replaces, or %NULL to add it
 *   at the end
 *
 * Adds or changes an attribute definition of the label @label_name, as
 * one undoable edit (what the attribute dialog does).
 */
gboolean
gloss_label_editor_save_attribute (GlossLabelEditor   *self,
                                   const char         *label_name,
                                   const char         *old_name,
                                   GlossAttributeDef  *def,
                                   GError            **error)
{
  GlossLabel *label;
  g_autoptr(GPtrArray) defs = NULL;

  g_return_val_if_fail (GLOSS_IS_LABEL_EDITOR (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (def), FALSE);

  if ((label = label_by_name (self, label_name)) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no label called “%s”"), label_name);
      return FALSE;
    }

  defs = copy_defs (label);
  if (old_name != NULL)
    {
      int i = def_index (defs, old_name);

      if (i < 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("The label “%s” has no attribute “%s”"), label_name, old_name);
          return FALSE;
        }
      g_object_unref (defs->pdata[i]);
      defs->pdata[i] = g_object_ref (def);
    }
  else
    g_ptr_array_add (defs, g_object_ref (def));

  return set_label_attributes (self, label_name, defs, error);
}

static void
attribute_move_cb (GtkButton        *button,
                   GlossLabelEditor *self)
{
  const char *label_name = g_object_get_data (G_OBJECT (button), "label-name");
  const char *attr_name = g_object_get_data (G_OBJECT (button), "attribute-name");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GlossLabel *label = label_by_name (self, label_name);
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(GError) error = NULL;
  gpointer moved;
  int i;

  if (label == NULL)
    return;

  defs = copy_defs (label);
  i = def_index (defs, attr_name);
  if (i < 0 || i + delta < 0 || i + delta >= (int) defs->len)
    return;

  moved = defs->pdata[i];
  defs->pdata[i] = defs->pdata[i + delta];
  defs->pdata[i + delta] = moved;

  if (!set_label_attributes (self, label_name, defs, &error))
    toast (self, error->message);
}

static void
attribute_delete_cb (GtkButton        *button,
                     GlossLabelEditor *self)
{
  const char *label_name = g_object_get_data (G_OBJECT (button), "label-name");
  const char *attr_name = g_object_get_data (G_OBJECT (button), "attribute-name");
  GlossLabel *label = label_by_name (self, label_name);
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(GError) error = NULL;
  int i;

  if (label == NULL)
    return;

  /* The annotations keep their values: only the definition goes. */
  defs = copy_defs (label);
  if ((i = def_index (defs, attr_name)) < 0)
    return;
  g_ptr_array_remove_index (defs, i);

  if (!set_label_attributes (self, label_name, defs, &error))
    toast (self, error->message);
}

static void
attribute_row_activated_cb (AdwActionRow     *row,
                            GlossLabelEditor *self)
{
  open_attribute_dialog (self,
                         g_object_get_data (G_OBJECT (row), "label-name"),
                         g_object_get_data (G_OBJECT (row), "attribute-name"));
}

static GtkWidget *
make_attribute_button (const char       *icon,
                       const char       *tooltip,
                       const char       *label_name,
                       const char       *attr_name,
                       GCallback         callback,
                       GlossLabelEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "label-name", g_strdup (label_name), g_free);
  g_object_set_data_full (G_OBJECT (button), "attribute-name", g_strdup (attr_name), g_free);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static void
add_attribute_rows (GlossLabelEditor *self,
                    AdwExpanderRow   *expander,
                    GlossLabel       *label)
{
  const char *label_name = gloss_label_get_name (label);
  guint n = gloss_label_get_n_attributes (label);
  GtkWidget *add_row, *add_button;

  for (guint i = 0; i < n; i++)
    {
      GlossAttributeDef *def = gloss_label_get_attribute (label, i);
      const char *name = gloss_attribute_def_get_name (def);
      g_autofree char *subtitle = describe_attribute (def);
      g_autofree char *title = g_strdup_printf (_("Attribute “%s”"), name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up, *down, *del;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, _("Edit Attribute"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "label-name", g_strdup (label_name), g_free);
      g_object_set_data_full (G_OBJECT (row), "attribute-name", g_strdup (name), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (attribute_row_activated_cb), self);

      up = make_attribute_button ("go-up-symbolic", _("Move Attribute Up"), label_name, name,
                                  G_CALLBACK (attribute_move_cb), self);
      g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
      gtk_widget_set_sensitive (up, i > 0);
      down = make_attribute_button ("go-down-symbolic", _("Move Attribute Down"), label_name, name,
                                    G_CALLBACK (attribute_move_cb), self);
      g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
      gtk_widget_set_sensitive (down, i + 1 < n);
      del = make_attribute_button ("edit-delete-symbolic", _("Remove Attribute"), label_name, name,
                                   G_CALLBACK (attribute_delete_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
      adw_expander_row_add_row (expander, row);
    }

  add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add Attribute…"));
  if (n == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (add_row),
                                 _("Fields every annotation with this label can fill in"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add_row), TRUE);
  g_object_set_data_full (G_OBJECT (add_row), "label-name", g_strdup (label_name), g_free);
  g_signal_connect (add_row, "activated", G_CALLBACK (attribute_row_activated_cb), self);
  add_button = gtk_image_new_from_icon_name ("list-add-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add_button);
  adw_expander_row_add_row (expander, add_row);
}

/* The attribute dialog: one definition, saved as one undoable edit. */

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static void
attribute_dialog_type_cb (AdwComboRow *type_row,
                          GParamSpec  *pspec,
                          GtkWidget   *values_row)
{
  gtk_widget_set_visible (values_row, adw_combo_row_get_selected (type_row) == GLOSS_ATTRIBUTE_CHOICE);
}

static void
attribute_dialog_save_cb (GtkButton *button,
                          GtkWindow *dialog)
{
  GlossLabelEditor *self = g_object_get_data (G_OBJECT (dialog), "editor");
  const char *label_name = g_object_get_data (G_OBJECT (dialog), "label-name");
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "attribute-name");
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "name-row");
  AdwComboRow *type_row = g_object_get_data (G_OBJECT (dialog), "type-row");
  GtkEditable *values_row = g_object_get_data (G_OBJECT (dialog), "values-row");
  GtkSwitch *required = g_object_get_data (G_OBJECT (dialog), "required-switch");
  GtkEditable *default_row = g_object_get_data (G_OBJECT (dialog), "default-row");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "error-label");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (name_row)));
  guint type = adw_combo_row_get_selected (type_row);
  g_autoptr(GlossAttributeDef) def = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  def = gloss_attribute_def_new (name, MIN (type, GLOSS_N_ATTRIBUTE_TYPES - 1));
  if (type == GLOSS_ATTRIBUTE_CHOICE)
    {
      g_auto(GStrv) values = split_list (gtk_editable_get_text (values_row));

      gloss_attribute_def_set_values (def, (const char * const *) values);
    }
  gloss_attribute_def_set_required (def, gtk_switch_get_active (required));

  if (gloss_attribute_def_validate (def, &error))
    {
      value = gloss_attribute_def_parse_value (def, gtk_editable_get_text (default_row), &error);
      if (error == NULL)
        gloss_attribute_def_set_default (def, value);
    }

  if (error == NULL)
    gloss_label_editor_save_attribute (self, label_name, old_name, def, &error);

  if (error != NULL)
    {
      gtk_label_set_text (error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
      gtk_widget_error_bell (GTK_WIDGET (dialog));
      return;
    }

  gtk_window_destroy (dialog);
}

static void
attribute_dialog_entry_activated_cb (AdwEntryRow *row,
                                     GtkWindow   *dialog)
{
  attribute_dialog_save_cb (NULL, dialog);
}

static void
open_attribute_dialog (GlossLabelEditor *self,
                       const char       *label_name,
                       const char       *attr_name)
{
  GlossLabel *label = label_by_name (self, label_name);
  GlossAttributeDef *def = label && attr_name ? gloss_label_lookup_attribute (label, attr_name) : NULL;
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkWidget *dialog, *box, *header, *cancel, *save, *page, *group;
  GtkWidget *name_row, *type_row, *values_row, *required_row, *required, *default_row, *error_label;
  g_autofree char *title = NULL;
  GtkEventController *keys;

  if (label == NULL)
    return;

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), def ? _("Edit Attribute") : _("New Attribute"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 460, 560);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (attribute_dialog_save_cb), dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  /* Translators: %s is a label name such as PERSON */
  title = g_strdup_printf (_("An Attribute of “%s”"), label_name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Annotations with this label show a field for it. Its name is the key saved in files and exports."));

  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name (letters, digits, - and _)"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), def ? gloss_attribute_def_get_name (def) : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name_row);

  for (guint i = 0; i < GLOSS_N_ATTRIBUTE_TYPES; i++)
    gtk_string_list_append (types, gloss_attribute_type_get_display_name (i));
  type_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (type_row), _("_Type"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (type_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (type_row), G_LIST_MODEL (types));
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), def ? gloss_attribute_def_get_value_type (def) : GLOSS_ATTRIBUTE_TEXT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), type_row);

  values_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (values_row), _("Choices, separated by commas"));
  if (def != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) gloss_attribute_def_get_values (def));
      gtk_editable_set_text (GTK_EDITABLE (values_row), list);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), values_row);
  g_signal_connect_object (type_row, "notify::selected", G_CALLBACK (attribute_dialog_type_cb), values_row, 0);
  attribute_dialog_type_cb (ADW_COMBO_ROW (type_row), NULL, values_row);

  required_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (required_row), _("_Required"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (required_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (required_row), _("Every annotation with this label should have a value"));
  required = gtk_switch_new ();
  gtk_widget_set_valign (required, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (required), def ? gloss_attribute_def_get_required (def) : FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (required_row), required);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (required_row), required);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), required_row);

  default_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (default_row), _("Default for new annotations (optional)"));
  if (def != NULL && gloss_attribute_def_get_default (def) != NULL)
    {
      GVariant *value = gloss_attribute_def_get_default (def);
      g_autofree char *shown = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
        ? g_strdup (g_variant_get_string (value, NULL)) : g_variant_print (value, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (default_row), shown);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), default_row);

  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_set_margin_top (error_label, 12);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error_label);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "editor", self);
  g_object_set_data_full (G_OBJECT (dialog), "label-name", g_strdup (label_name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "attribute-name", g_strdup (attr_name), g_free);
  g_object_set_data (G_OBJECT (dialog), "name-row", name_row);
  g_object_set_data (G_OBJECT (dialog), "type-row", type_row);
  g_object_set_data (G_OBJECT (dialog), "values-row", values_row);
  g_object_set_data (G_OBJECT (dialog), "required-switch", required);
  g_object_set_data (G_OBJECT (dialog), "default-row", default_row);
  g_object_set_data (G_OBJECT (dialog), "error-label", error_label);

  /* Enter in any field saves, Escape cancels. */
  g_signal_connect (name_row, "entry-activated", G_CALLBACK (attribute_dialog_entry_activated_cb), dialog);
  g_signal_connect (values_row, "entry-activated", G_CALLBACK (attribute_dialog_entry_activated_cb), dialog);
  g_signal_connect (default_row, "entry-activated", G_CALLBACK (attribute_dialog_entry_activated_cb), dialog);
  keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, keys);

  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_label_row (GlossLabelEditor *self,
                GlossLabel       *label,
                guint             position,
                guint             n_labels)
{
  const char *name = gloss_label_get_name (label);
  const char *key = gloss_label_get_key (label);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *key_row = adw_entry_row_new ();
  GtkWidget *kind_row = adw_combo_row_new ();
  GtkWidget *up, *down, *del, *order_row, *delete_row;
  g_autofree char *subtitle = NULL;
  GdkRGBA rgba;

  if (position < 9)
    subtitle = (key && *key)
      ? g_strdup_printf (_("%s · keys %s and %u"), _(kind_names[gloss_label_get_kind (label)]), key, position + 1)
      : g_strdup_printf (_("%s · key %u"), _(kind_names[gloss_label_get_kind (label)]), position + 1);
  else
    subtitle = (key && *key)
      ? g_strdup_printf (_("%s · key %s"), _(kind_names[gloss_label_get_kind (label)]), key)
      : g_strdup_printf (_("%s · no key"), _(kind_names[gloss_label_get_kind (label)]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "label-name", g_strdup (name), g_free);

  gdk_rgba_parse (&rgba, gloss_label_get_color (label));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (color), TRUE);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, _("Colour"));
  g_object_set_data_full (G_OBJECT (color), "label-name", g_strdup (name), g_free);
  g_signal_connect (color, "color-set", G_CALLBACK (color_set_cb), self);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), color);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  g_object_set_data_full (G_OBJECT (name_row), "label-name", g_strdup (name), g_free);
  g_signal_connect (name_row, "apply", G_CALLBACK (name_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (key_row), _("Key"));
  gtk_editable_set_text (GTK_EDITABLE (key_row), key ? key : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (key_row), TRUE);
  g_object_set_data_full (G_OBJECT (key_row), "label-name", g_strdup (name), g_free);
  g_signal_connect (key_row, "apply", G_CALLBACK (key_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), key_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (self->kinds));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), gloss_label_get_kind (label));
  g_object_set_data_full (G_OBJECT (kind_row), "label-name", g_strdup (name), g_free);
  g_signal_connect (kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind_row);

  add_attribute_rows (self, ADW_EXPANDER_ROW (row), label);

  order_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order_row), _("Position"));
  up = make_button ("go-up-symbolic", _("Move Up"), name, G_CALLBACK (move_clicked_cb), self);
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  gtk_widget_set_sensitive (up, position > 0);
  down = make_button ("go-down-symbolic", _("Move Down"), name, G_CALLBACK (move_clicked_cb), self);
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (down, position + 1 < n_labels);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), down);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), order_row);

  delete_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row), _("Delete this label"));
  del = make_button ("user-trash-symbolic", _("Delete Label"), name, G_CALLBACK (delete_clicked_cb), self);
  gtk_widget_remove_css_class (del, "flat");
  gtk_widget_add_css_class (del, "destructive-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), del);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);

  return row;
}

/* The names (data "key") of the expanded rows of @list, so that a rebuild
 * after an edit keeps them open. */
static GPtrArray *
expanded_rows (GtkListBox *list,
               const char *key)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_EXPANDER_ROW (child) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_ptr_array_add (names, g_strdup (g_object_get_data (G_OBJECT (child), key)));

  return names;
}

static void
restore_expanded (GtkWidget  *row,
                  const char *key,
                  GPtrArray  *names)
{
  const char *name = g_object_get_data (G_OBJECT (row), key);

  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (names->pdata[i], name) == 0)
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static void
rebuild (GlossLabelEditor *self)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  guint n = gloss_label_set_get_n_labels (labels);
  g_autoptr(GPtrArray) expanded = expanded_rows (self->labels_list, "label-name");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_list))) != NULL)
    gtk_list_box_remove (self->labels_list, child);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = make_label_row (self, gloss_label_set_get_label (labels, i), i, n);

      restore_expanded (row, "label-name", expanded);
      gtk_list_box_append (self->labels_list, row);
    }
}

/* Relation types ----------------------------------------------------------- */

/* "Works For" → "works-for": what a typed title becomes as an identifier. */
static char *
slugify (const char *text)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if ((*p == ' ' || *p == '-' || *p == '_') && slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, *p == '_' ? '_' : '-');
      else if ((guchar) *p >= 0x80 || !g_ascii_isspace (*p))
        {
          /* Not ASCII: keep it, so that validation names the problem. */
          if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != ' ')
            g_string_append_c (slug, *p);
        }
    }
  while (slug->len > 0 && (slug->str[slug->len - 1] == '-' || slug->str[slug->len - 1] == '_'))
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

/**
 * gloss_label_editor_add_relation_type:
 * @text: a name ("works-for") or a title ("Works For"), which is turned
 *   into the name and kept as the title
 *
 * What the "New relation type" row does.
 */
gboolean
gloss_label_editor_add_relation_type (GlossLabelEditor  *self,
                                      const char        *text,
                                      GError           **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *name = NULL;
  g_autoptr(GlossRelationType) type = NULL;

  g_return_val_if_fail (GLOSS_IS_LABEL_EDITOR (self), FALSE);

  name = gloss_identifier_is_valid (stripped) ? g_strdup (stripped) : slugify (stripped);
  type = gloss_relation_type_new (name);
  if (!g_str_equal (name, stripped))
    gloss_relation_type_set_title (type, stripped);

  return gloss_document_add_relation_type (self->document, type, error);
}

/* Empties an "add" row for the next name. libadwaita 1.2 takes the
 * clearing for an edit and would show the apply button again. */
static void
clear_new_row (AdwEntryRow *row)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
add_relation_type_cb (GlossLabelEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_relation_type_row));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return;

  if (!gloss_label_editor_add_relation_type (self, text, &error))
    {
      toast (self, error->message);
      return;
    }

  clear_new_row (self->new_relation_type_row);
}

static gboolean
check_constraint (GlossLabelEditor  *self,
                  char             **list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (!gloss_label_kind_from_string (list[i], NULL) && label_by_name (self, list[i]) == NULL)
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is neither a label nor a kind (highlight, entity, claim)"),
                                                    list[i]);
        toast (self, message);
        return FALSE;
      }

  return TRUE;
}

static void
relation_field_apply_cb (AdwEntryRow      *row,
                         GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "type-name");
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  GlossRelationType *type = gloss_label_set_lookup_relation_type (gloss_document_get_labels (self->document), name);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GlossRelationType) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (type == NULL)
    return;

  copy = gloss_relation_type_copy (type);
  if (g_str_equal (field, "name"))
    {
      if (*text == '\0')
        return;
      gloss_relation_type_set_name (copy, text);
    }
  else if (g_str_equal (field, "title"))
    gloss_relation_type_set_title (copy, text);
  else if (g_str_equal (field, "description"))
    gloss_relation_type_set_description (copy, text);
  else
    {
      g_auto(GStrv) list = split_list (text);

      if (!check_constraint (self, list))
        return;
      if (g_str_equal (field, "from"))
        gloss_relation_type_set_from (copy, (const char * const *) list);
      else
        gloss_relation_type_set_to (copy, (const char * const *) list);
    }

  if (!gloss_document_replace_relation_type (self->document, name, copy, &error))
    toast (self, error->message);
}

static void
relation_delete_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "type-name");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!gloss_document_remove_relation_type (self->document, name, TRUE, &error))
    toast (self, error->message);
}

static void
relation_delete_clicked_cb (GtkButton        *button,
                            GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "type-name");
  guint used = gloss_document_count_relations_of_type (self->document, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (used == 0)
    {
      if (!gloss_document_remove_relation_type (self->document, name, FALSE, &error))
        toast (self, error->message);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u link has this type and will be deleted with it. You can undo this.",
                                       "%u links have this type and will be deleted with it. You can undo this.",
                                       used),
                          used);
  confirm_delete (self, name, body, _("_Delete Type and Links"),
                  "type-name", G_CALLBACK (relation_delete_response_cb));
}

static GtkWidget *
make_relation_field (GlossLabelEditor *self,
                     const char       *type_name,
                     const char       *field,
                     const char       *title,
                     const char       *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "type-name", g_strdup (type_name), g_free);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect (row, "apply", G_CALLBACK (relation_field_apply_cb), self);

  return row;
}

static GtkWidget *
make_relation_type_row (GlossLabelEditor  *self,
                        GlossRelationType *type)
{
  const char *name = gloss_relation_type_get_name (type);
  g_autofree char *title = gloss_relation_type_dup_display_name (type);
  g_autofree char *from = g_strjoinv (", ", (char **) gloss_relation_type_get_from (type));
  g_autofree char *to = g_strjoinv (", ", (char **) gloss_relation_type_get_to (type));
  g_autofree char *subtitle = relation_type_subtitle (self, type);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *delete_row, *del;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "type-name", g_strdup (name), g_free);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_relation_field (self, name, "name", _("Name (saved in files)"), name));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_relation_field (self, name, "title", _("Title (shown in menus)"),
                                                 gloss_relation_type_get_title (type)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_relation_field (self, name, "description", _("Description"),
                                                 gloss_relation_type_get_description (type)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_relation_field (self, name, "from",
                                                 _("From: labels or kinds, separated by commas (empty: any)"), from));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_relation_field (self, name, "to",
                                                 _("To: labels or kinds, separated by commas (empty: any)"), to));

  delete_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row), _("Delete this relation type"));
  del = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (del, _("Delete Relation Type"));
  gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (del, "destructive-action");
  g_object_set_data_full (G_OBJECT (del), "type-name", g_strdup (name), g_free);
  g_signal_connect (del, "clicked", G_CALLBACK (relation_delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), del);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);

  return row;
}

static char *
relation_type_subtitle (GlossLabelEditor  *self,
                        GlossRelationType *type)
{
  const char *name = gloss_relation_type_get_name (type);
  g_autofree char *constraints = gloss_relation_type_describe_constraints (type);
  guint used = gloss_document_count_relations_of_type (self->document, name);
  g_autofree char *uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", used), used);

  return constraints ? g_strdup_printf ("%s · %s · %s", name, constraints, uses)
                     : g_strdup_printf ("%s · %s", name, uses);
}

/* Links come and go in the document: keep the counts current. */
static void
document_changed_cb (GlossLabelEditor *self)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->relation_types_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossRelationType *type = gloss_label_set_lookup_relation_type (labels, g_object_get_data (G_OBJECT (child), "type-name"));
      g_autofree char *subtitle = NULL;

      if (type == NULL)
        continue;
      subtitle = relation_type_subtitle (self, type);
      if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (child)), subtitle) != 0)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (child), subtitle);
    }
}

static void
rebuild_relation_types (GlossLabelEditor *self)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  guint n = gloss_label_set_get_n_relation_types (labels);
  g_autoptr(GPtrArray) expanded = expanded_rows (self->relation_types_list, "type-name");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relation_types_list))) != NULL)
    gtk_list_box_remove (self->relation_types_list, child);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = make_relation_type_row (self, gloss_label_set_get_relation_type (labels, i));

      restore_expanded (row, "type-name", expanded);
      gtk_list_box_append (self->relation_types_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->relation_types_list), n > 0);
}

static void
toast (GlossLabelEditor *self,
       const char       *message)
{
  /* AdwToast reads markup; error messages quote what was typed. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
add_label_cb (GlossLabelEditor *self)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));
  g_autofree char *key = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (self->new_kind_dropdown);
  guint n = gloss_label_set_get_n_labels (labels);

  if (*name == '\0')
    return;

  key = gloss_label_set_suggest_key (labels, name);
  label = gloss_label_new (name, MIN (kind, GLOSS_N_LABEL_KINDS - 1),
                           new_colors[n % G_N_ELEMENTS (new_colors)], key);

  if (!gloss_document_add_label (self->document, label, &error))
    {
      toast (self, error->message);
      return;
    }

  clear_new_row (self->new_name_row);
}

/**
 * gloss_label_editor_import_file:
 *
 * Merges a label-set file into the document in one undoable step: labels
 * with a known name take the file's colour, kind and key (unless the key
 * is taken), new labels are added.
 */
gboolean
gloss_label_editor_import_file (GlossLabelEditor  *self,
                                GFile             *file,
                                GError           **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GlossLabelSet) imported = NULL;
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  g_autofree char *message = NULL;
  guint added = 0, updated = 0;
  gsize len;

  if (!g_file_load_contents (file, NULL, &data, &len, NULL, error))
    return FALSE;

  if ((imported = gloss_label_set_new_from_json (data, len, error)) == NULL)
    return FALSE;

  gloss_document_begin_edit (self->document, _("Import Labels"));
  for (guint i = 0; i < gloss_label_set_get_n_labels (imported); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (imported, i);
      const char *name = gloss_label_get_name (label);

      if (gloss_label_set_lookup (labels, name) != NULL)
        {
          g_autoptr(GlossLabel) copy = gloss_label_copy (label);

          if (!gloss_document_replace_label (self->document, name, copy, NULL))
            {
              /* Key already used by another label: keep the old key. */
              gloss_label_set_key (copy, gloss_label_get_key (gloss_label_set_lookup (labels, name)));
              if (!gloss_document_replace_label (self->document, name, copy, NULL))
                continue;
            }
          updated++;
        }
      else
        {
          g_autoptr(GlossLabel) copy = gloss_label_copy (label);

          if (gloss_label_set_lookup_key (labels, gloss_label_get_key (copy)) != NULL)
            {
              g_autofree char *key = gloss_label_set_suggest_key (labels, name);
              gloss_label_set_key (copy, key);
            }
          if (gloss_document_add_label (self->document, copy, NULL))
            added++;
        }
    }

  /* The file's relation types: new ones are added, known ones take the
   * file's title, description and constraints. */
  for (guint i = 0; i < gloss_label_set_get_n_relation_types (imported); i++)
    {
      GlossRelationType *type = gloss_label_set_get_relation_type (imported, i);
      const char *name = gloss_relation_type_get_name (type);

      if (gloss_label_set_lookup_relation_type (labels, name) != NULL)
        {
          if (gloss_document_replace_relation_type (self->document, name, type, NULL))
            updated++;
        }
      else if (gloss_document_add_relation_type (self->document, type, NULL))
        added++;
    }
  gloss_document_end_edit (self->document);

  message = g_strdup_printf (_("Imported labels: %u added, %u updated"), added, updated);
  toast (self, message);

  return TRUE;
}

static void
import_chosen_cb (GtkWidget *widget,
                  GFile     *file)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (file != NULL && !gloss_label_editor_import_file (self, file, &error))
    toast (self, error->message);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooser *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gloss_file_chooser_new (widget, _("Import Label Set"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                    _("_Import"), NULL, NULL, import_chosen_cb);
  gtk_file_filter_set_name (filter, _("Label sets (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (chooser, filter);
  gloss_file_chooser_show (chooser);
}

static gboolean
write_label_set (GlossLabelEditor  *self,
                 GFile             *file,
                 GError           **error)
{
  char *json = gloss_label_set_to_json (gloss_document_get_labels (self->document));
  g_autoptr(GBytes) bytes = g_bytes_new_take (json, strlen (json));
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent != NULL)
    g_file_make_directory_with_parents (parent, NULL, NULL);

  /* Atomic, and the old file survives a full disk (see gloss-file.h). */
  return gloss_file_replace (file, bytes, NULL, NULL, NULL, error);
}

static void
export_chosen_cb (GtkWidget *widget,
                  GFile     *file)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;

  if (!write_label_set (self, file, &error))
    toast (self, error->message);
  else
    toast (self, _("Label set exported"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gloss_file_chooser_show (gloss_file_chooser_new (widget, _("Export Label Set"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Export"), NULL, "labels.json", export_chosen_cb));
}

/**
 * gloss_label_editor_get_default_file:
 *
 * Returns: (transfer full): where "Use as Default" keeps the label set
 */
GFile *
gloss_label_editor_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "gloss", "default-labels.json", NULL);

  return g_file_new_for_path (path);
}

static void
make_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  g_autoptr(GFile) file = gloss_label_editor_get_default_file ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  if (!write_label_set (self, file, &error))
    {
      toast (self, error->message);
      return;
    }

  g_settings_set_string (settings, "default-label-set", g_file_peek_path (file));
  toast (self, _("New documents will start with these labels"));
}

static void
reset_default_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "default-label-set", "");
  toast (self, _("New documents will start with the built-in labels"));
}

/* The gazetteer of entity identifiers travels the same way as label sets. */
static GlossGazetteer *
app_gazetteer (void)
{
  GApplication *app = g_application_get_default ();

  return GLOSS_IS_APPLICATION (app) ? gloss_application_get_gazetteer (GLOSS_APPLICATION (app)) : NULL;
}

/**
 * gloss_label_editor_import_identifiers:
 *
 * Adds a colleague's identifiers (a gazetteer file) to the user's own,
 * all or nothing, and saves it.
 *
 * Returns: how many entries were read, or 0 with @error set
 */
guint
gloss_label_editor_import_identifiers (GlossLabelEditor  *self,
                                       GFile             *file,
                                       GError           **error)
{
  GlossGazetteer *gazetteer = app_gazetteer ();
  g_autoptr(GFile) own = gloss_gazetteer_get_default_file ();
  guint n;

  g_return_val_if_fail (GLOSS_IS_LABEL_EDITOR (self), 0);

  if (gazetteer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("No gazetteer"));
      return 0;
    }

  n = gloss_gazetteer_import (gazetteer, file, error);
  if (n == 0 && error != NULL && *error != NULL)
    return 0;

  if (!gloss_gazetteer_save (gazetteer, own, error))
    return 0;

  return n;
}

static void
import_gazetteer_chosen_cb (GtkWidget *widget,
                            GFile     *file)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  guint n;

  if (file == NULL)
    return;

  n = gloss_label_editor_import_identifiers (self, file, &error);
  if (error != NULL)
    toast (self, error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Imported %u identifier",
                                                               "Imported %u identifiers", n), n);
      toast (self, message);
    }
}

static void
import_gazetteer_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gloss_file_chooser_show (gloss_file_chooser_new (widget, _("Import Identifiers"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                   _("_Import"), NULL, NULL, import_gazetteer_chosen_cb));
}

static void
export_gazetteer_chosen_cb (GtkWidget *widget,
                            GFile     *file)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  GlossGazetteer *gazetteer = app_gazetteer ();
  g_autoptr(GError) error = NULL;

  if (file == NULL || gazetteer == NULL)
    return;

  if (!gloss_gazetteer_save (gazetteer, file, &error))
    toast (self, error->message);
  else
    toast (self, _("Identifiers exported"));
}

static void
export_gazetteer_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gloss_file_chooser_show (gloss_file_chooser_new (widget, _("Export Identifiers"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Export"), NULL, "identifiers.json",
                                                   export_gazetteer_chosen_cb));
}

static void
gloss_label_editor_dispose (GObject *object)
{
  GlossLabelEditor *self = (GlossLabelEditor *)object;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, gloss_document_get_labels (self->document));
      g_clear_signal_handler (&self->relation_types_changed_id, gloss_document_get_labels (self->document));
    }
  g_clear_object (&self->document);
  g_clear_object (&self->kinds);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LABEL_EDITOR);

  G_OBJECT_CLASS (gloss_label_editor_parent_class)->dispose (object);
}

/* Typing a name is the first thing the window is for: the new label's
 * name has the keyboard (the menu button had it, so typing went nowhere
 * and Enter opened the menu). */
static void
gloss_label_editor_map (GtkWidget *widget)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);

  GTK_WIDGET_CLASS (gloss_label_editor_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->new_name_row));
}

static void
gloss_label_editor_class_init (GlossLabelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_label_editor_dispose;
  widget_class->map = gloss_label_editor_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gloss-label-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, new_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, labels_list);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, new_relation_type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, relation_types_list);
  gtk_widget_class_bind_template_callback (widget_class, add_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_relation_type_cb);

  gtk_widget_class_install_action (widget_class, "labels.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "labels.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "labels.make-default", NULL, make_default_action);
  gtk_widget_class_install_action (widget_class, "labels.reset-default", NULL, reset_default_action);
  gtk_widget_class_install_action (widget_class, "labels.import-gazetteer", NULL, import_gazetteer_action);
  gtk_widget_class_install_action (widget_class, "labels.export-gazetteer", NULL, export_gazetteer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_label_editor_init (GlossLabelEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    gtk_string_list_append (self->kinds, _(kind_names[i]));
  gtk_drop_down_set_model (self->new_kind_dropdown, G_LIST_MODEL (self->kinds));
  gtk_drop_down_set_selected (self->new_kind_dropdown, GLOSS_LABEL_KIND_ENTITY);
}

GlossLabelEditor *
gloss_label_editor_new (GtkWindow     *parent,
                        GlossDocument *document)
{
  GlossLabelEditor *self;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_LABEL_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->items_changed_id = g_signal_connect_object (gloss_document_get_labels (document), "items-changed",
                                                    G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  self->relation_types_changed_id = g_signal_connect_object (gloss_document_get_labels (document), "relation-types-changed",
                                                             G_CALLBACK (rebuild_relation_types), self,
                                                             G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
  rebuild_relation_types (self);

  return self;
}
