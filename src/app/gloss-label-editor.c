/* gloss-label-editor.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-label-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
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
};

G_DEFINE_FINAL_TYPE (GlossLabelEditor, gloss_label_editor, ADW_TYPE_WINDOW)

static const char * const kind_names[] = { N_("Highlight"), N_("Entity"), N_("Claim") };

/* Colours for new labels, continuing the default palette. */
static const char * const new_colors[] = {
  "#44aa99", "#117733", "#dd7788", "#aa4499", "#332288", "#ddcc77", "#6699cc", "#cc6677",
};

static void toast (GlossLabelEditor *self, const char *message);

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

static void
delete_clicked_cb (GtkButton        *button,
                   GlossLabelEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "label-name");
  guint used = gloss_annotation_store_count_label (gloss_document_get_annotations (self->document), name);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (used == 0)
    {
      if (!gloss_document_remove_label (self->document, name, FALSE, &error))
        toast (self, error->message);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u annotation uses this label and will be deleted with it. You can undo this.",
                                       "%u annotations use this label and will be deleted with it. You can undo this.",
                                       used),
                          used);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Label and Annotations"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "label-name", g_strdup (name), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
rebuild (GlossLabelEditor *self)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  guint n = gloss_label_set_get_n_labels (labels);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_list))) != NULL)
    gtk_list_box_remove (self->labels_list, child);

  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->labels_list, make_label_row (self, gloss_label_set_get_label (labels, i), i, n));
}

static void
toast (GlossLabelEditor *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
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

  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
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
    g_clear_signal_handler (&self->items_changed_id, gloss_document_get_labels (self->document));
  g_clear_object (&self->document);
  g_clear_object (&self->kinds);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LABEL_EDITOR);

  G_OBJECT_CLASS (gloss_label_editor_parent_class)->dispose (object);
}

static void
gloss_label_editor_class_init (GlossLabelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_label_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gloss-label-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, new_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, labels_list);
  gtk_widget_class_bind_template_callback (widget_class, add_label_cb);

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
  rebuild (self);

  return self;
}
