/* gloss-agreement-view.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-agreement-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-agreement-view.h"
#include "gloss-annotation-row.h"
#include "gloss-file.h"

struct _GlossAgreementView
{
  GtkWidget       parent_instance;

  GlossDocument  *original;
  GlossDocument  *merged;
  GlossDocument  *theirs;
  char           *mine_name;
  char           *theirs_name;
  GlossAgreement *agreement;
  gboolean        show_merged;
  gboolean        dirty;
  guint           idle;

  GtkWidget      *merged_toggle;
  GtkWidget      *original_toggle;
  GtkWidget      *caption;
  GtkWidget      *grid;
  GtkWidget      *footnote;
  GtkWidget      *export_box;
};

G_DEFINE_FINAL_TYPE (GlossAgreementView, gloss_agreement_view, GTK_TYPE_WIDGET)

static const char *
explain (GlossAgreementMeasure measure)
{
  switch (measure)
    {
    case GLOSS_AGREEMENT_F1_STRICT:
      return _("Exact F1: spans with the same start, end and label count as matches; P = matches among theirs, R = matches among yours");
    case GLOSS_AGREEMENT_F1_LENIENT:
      return _("Lenient F1: overlapping spans with the same label also count as matches");
    case GLOSS_AGREEMENT_KAPPA:
      return _("Cohen’s κ over tokens: how often both gave a word the same label (outside = “O” included), corrected for chance");
    case GLOSS_AGREEMENT_ALPHA_U:
      return _("Krippendorff’s αu (unitizing): agreement on which characters each label covers, 1 − observed/expected disagreement");
    default:
      return NULL;
    }
}

static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup (_("undefined"));

  return g_strdup_printf ("%.3f", value);
}

static GtkWidget *
value_label (double      value,
             const char *tooltip)
{
  g_autofree char *text = format_value (value);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (isnan (value))
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "undefined");
      gtk_widget_set_tooltip_text (label, _("Undefined: there is nothing to compare (a division by zero), so no number is given"));
    }
  else if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);

  return label;
}

static void
clear_grid (GlossAgreementView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
}

static void
add_row (GlossAgreementView *self,
         int                 row,
         const char         *label)
{
  GtkGrid *grid = GTK_GRID (self->grid);
  GlossAgreementMeasure columns[] = {
    GLOSS_AGREEMENT_F1_STRICT, GLOSS_AGREEMENT_F1_LENIENT,
    GLOSS_AGREEMENT_KAPPA, GLOSS_AGREEMENT_ALPHA_U,
  };
  GtkWidget *name, *detail;
  g_autofree char *ps = NULL, *rs = NULL, *pl = NULL, *rl = NULL, *text = NULL;
  guint c = 0, pa = 0, m = 0, s = 0;

  if (label == NULL)
    {
      name = gtk_label_new (_("Overall"));
      gtk_widget_add_css_class (name, "heading");
    }
  else
    {
      GlossLabel *def = NULL;

      name = gtk_label_new (label);
      if (self->theirs != NULL)
        def = gloss_label_set_lookup (gloss_document_get_labels (self->theirs), label);
      if (def == NULL && self->original != NULL)
        def = gloss_label_set_lookup (gloss_document_get_labels (self->original), label);
      gtk_widget_add_css_class (name, "label-chip");
      gtk_widget_add_css_class (name, gloss_label_css_class (def));
    }
  gtk_widget_set_halign (name, GTK_ALIGN_START);
  gtk_widget_set_valign (name, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, name, 0, row, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    gtk_grid_attach (grid,
                     value_label (gloss_agreement_get (self->agreement, label, columns[i]), explain (columns[i])),
                     i + 1, row, 1, 1);

  gloss_agreement_get_counts (self->agreement, label, &c, &pa, &m, &s);
  ps = format_value (gloss_agreement_get (self->agreement, label, GLOSS_AGREEMENT_PRECISION_STRICT));
  rs = format_value (gloss_agreement_get (self->agreement, label, GLOSS_AGREEMENT_RECALL_STRICT));
  pl = format_value (gloss_agreement_get (self->agreement, label, GLOSS_AGREEMENT_PRECISION_LENIENT));
  rl = format_value (gloss_agreement_get (self->agreement, label, GLOSS_AGREEMENT_RECALL_LENIENT));
  /* Translators: precision and recall, exact then lenient, under a row of the agreement table */
  text = g_strdup_printf (_("exact P %s R %s · lenient P %s R %s"), ps, rs, pl, rl);
  detail = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 36);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  {
    g_autofree char *tip = g_strdup_printf (_("Same span and label: %u · overlapping, same label: %u · only yours (or not matched): %u · only theirs: %u"),
                                            c, pa, m, s);
    gtk_widget_set_tooltip_text (detail, tip);
  }
  gtk_grid_attach (grid, detail, 0, row + 1, 5, 1);
}

static void
rebuild (GlossAgreementView *self)
{
  GtkGrid *grid = GTK_GRID (self->grid);
  const char *headers[] = { NULL, _("F1 exact"), _("F1 lenient"), "κ", "αu" };
  GlossAgreementMeasure measures[] = { 0, GLOSS_AGREEMENT_F1_STRICT, GLOSS_AGREEMENT_F1_LENIENT,
                                       GLOSS_AGREEMENT_KAPPA, GLOSS_AGREEMENT_ALPHA_U };
  const char * const *labels;
  double observed = 0, expected = 0;
  guint n_tokens = 0;
  g_autofree char *footnote = NULL;
  int row = 1;

  clear_grid (self);
  if (self->agreement == NULL)
    return;

  for (guint i = 1; i < G_N_ELEMENTS (headers); i++)
    {
      GtkWidget *label = gtk_label_new (headers[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_tooltip_text (label, explain (measures[i]));
      gtk_grid_attach (grid, label, i, 0, 1, 1);
    }

  add_row (self, row, NULL);
  row += 2;

  labels = gloss_agreement_get_labels (self->agreement);
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++, row += 2)
    add_row (self, row, labels[i]);

  gloss_agreement_get_kappa_terms (self->agreement, &observed, &expected, &n_tokens);
  footnote = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "κ is computed over %u token (words and signs; “outside” counts as a class). A label only one side used has undefined F1.",
                                           "κ is computed over %u tokens (words and signs; “outside” counts as a class). A label only one side used has undefined F1.",
                                           n_tokens),
                              n_tokens);
  gtk_label_set_text (GTK_LABEL (self->footnote), footnote);
}

static void
recompute (GlossAgreementView *self)
{
  GlossDocument *mine = self->show_merged ? self->merged : self->original;

  g_clear_handle_id (&self->idle, g_source_remove);
  self->dirty = FALSE;
  g_clear_object (&self->agreement);

  if (mine != NULL && self->theirs != NULL)
    {
      self->agreement = gloss_agreement_new (mine, self->theirs);
      gloss_agreement_set_names (self->agreement,
                                 self->show_merged ? _("merged") : self->mine_name,
                                 self->theirs_name);
    }

  gtk_label_set_text (GTK_LABEL (self->caption),
                      self->show_merged
                      ? _("Theirs against the merged result so far: these figures change with every decision.")
                      : _("Theirs against your file as you opened it: the inter-annotator agreement to report."));
  rebuild (self);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  GlossAgreementView *self = user_data;

  self->idle = 0;
  recompute (self);

  return G_SOURCE_REMOVE;
}

static void
merged_changed_cb (GlossAgreementView *self)
{
  if (!self->show_merged)
    return;

  /* Recomputed when shown: on a long article it takes a moment, and
   * triage should not wait for figures nobody is looking at. */
  self->dirty = TRUE;
  if (self->idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->idle = g_timeout_add (120, recompute_idle_cb, self);
}

static void
gloss_agreement_view_map (GtkWidget *widget)
{
  GlossAgreementView *self = GLOSS_AGREEMENT_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_agreement_view_parent_class)->map (widget);

  if (self->dirty)
    recompute (self);
}

static void
toggle_cb (GtkToggleButton    *button,
           GlossAgreementView *self)
{
  if (gtk_toggle_button_get_active (button))
    gloss_agreement_view_set_show_merged (self, GTK_WIDGET (button) == self->merged_toggle);
}

/* Export ------------------------------------------------------------------- */

gboolean
gloss_agreement_view_export (GlossAgreementView *self,
                             GFile              *file,
                             gboolean            json,
                             GError            **error)
{
  GlossAgreement *agreement = gloss_agreement_view_get_agreement (self);
  g_autoptr(GBytes) bytes = NULL;

  if (agreement == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is nothing to export"));
      return FALSE;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = gloss_agreement_to_json (agreement);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      char *data;
      gsize len;

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      data = json_generator_to_data (generator, &len);
      bytes = g_bytes_new_take (data, len);
    }
  else
    {
      char *data = gloss_agreement_to_csv (agreement);

      bytes = g_bytes_new_take (data, strlen (data));
    }

  return gloss_file_replace (file, bytes, NULL, NULL, NULL, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  GlossAgreementView *self = user_data;
  gboolean json = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "json"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !gloss_agreement_view_export (self, file, json, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Could Not Export the Agreement"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_clicked (GlossAgreementView *self,
                gboolean            json)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (json ? _("Export Agreement as JSON") : _("Export Agreement as CSV"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("agreement.%s", json ? "json" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "json", GINT_TO_POINTER (json));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_csv_cb (GlossAgreementView *self)
{
  export_clicked (self, FALSE);
}

static void
export_json_cb (GlossAgreementView *self)
{
  export_clicked (self, TRUE);
}

/* GObject ------------------------------------------------------------------ */

static void
gloss_agreement_view_dispose (GObject *object)
{
  GlossAgreementView *self = GLOSS_AGREEMENT_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->merged != NULL)
    g_signal_handlers_disconnect_by_data (self->merged, self);
  g_clear_object (&self->original);
  g_clear_object (&self->merged);
  g_clear_object (&self->theirs);
  g_clear_object (&self->agreement);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_agreement_view_parent_class)->dispose (object);
}

static void
gloss_agreement_view_finalize (GObject *object)
{
  GlossAgreementView *self = GLOSS_AGREEMENT_VIEW (object);

  g_free (self->mine_name);
  g_free (self->theirs_name);

  G_OBJECT_CLASS (gloss_agreement_view_parent_class)->finalize (object);
}

static void
gloss_agreement_view_class_init (GlossAgreementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_agreement_view_dispose;
  object_class->finalize = gloss_agreement_view_finalize;
  widget_class->map = gloss_agreement_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agreementview");
}

static void
gloss_agreement_view_init (GlossAgreementView *self)
{
  GtkWidget *switcher, *button;

  self->show_merged = TRUE;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 10);

  switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  self->merged_toggle = gtk_toggle_button_new_with_label (_("Merged So Far"));
  self->original_toggle = gtk_toggle_button_new_with_label (_("Your Original"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->original_toggle), GTK_TOGGLE_BUTTON (self->merged_toggle));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->merged_toggle), TRUE);
  g_signal_connect (self->merged_toggle, "toggled", G_CALLBACK (toggle_cb), self);
  g_signal_connect (self->original_toggle, "toggled", G_CALLBACK (toggle_cb), self);
  gtk_box_append (GTK_BOX (switcher), self->merged_toggle);
  gtk_box_append (GTK_BOX (switcher), self->original_toggle);
  gtk_widget_set_parent (switcher, GTK_WIDGET (self));

  self->caption = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->caption), 36);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 10);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 3);
  gtk_widget_add_css_class (self->grid, "agreement-grid");
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  self->footnote = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->footnote), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->footnote), 36);
  gtk_label_set_xalign (GTK_LABEL (self->footnote), 0);
  gtk_widget_add_css_class (self->footnote, "dim-label");
  gtk_widget_add_css_class (self->footnote, "caption");
  gtk_widget_set_parent (self->footnote, GTK_WIDGET (self));

  self->export_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->export_box, GTK_ALIGN_END);
  button = gtk_button_new_with_label (_("Export CSV…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (export_csv_cb), self);
  gtk_box_append (GTK_BOX (self->export_box), button);
  button = gtk_button_new_with_label (_("Export JSON…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (export_json_cb), self);
  gtk_box_append (GTK_BOX (self->export_box), button);
  gtk_widget_set_parent (self->export_box, GTK_WIDGET (self));
}

GtkWidget *
gloss_agreement_view_new (void)
{
  return g_object_new (GLOSS_TYPE_AGREEMENT_VIEW, NULL);
}

/**
 * gloss_agreement_view_set_documents:
 * @original: (nullable): my file as opened
 * @merged: (nullable): the merged result, followed as it changes
 * @theirs: (nullable): their file on my text
 */
void
gloss_agreement_view_set_documents (GlossAgreementView *self,
                                    GlossDocument      *original,
                                    GlossDocument      *merged,
                                    GlossDocument      *theirs,
                                    const char         *mine_name,
                                    const char         *theirs_name)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));

  if (self->merged != NULL)
    g_signal_handlers_disconnect_by_data (self->merged, self);

  g_set_object (&self->original, original);
  g_set_object (&self->merged, merged);
  g_set_object (&self->theirs, theirs);
  g_free (self->mine_name);
  self->mine_name = g_strdup (mine_name != NULL ? mine_name : "mine");
  g_free (self->theirs_name);
  self->theirs_name = g_strdup (theirs_name != NULL ? theirs_name : "theirs");

  if (merged != NULL)
    g_signal_connect_swapped (merged, "changed", G_CALLBACK (merged_changed_cb), self);

  g_clear_object (&self->agreement);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || (original == NULL && merged == NULL))
    recompute (self);
}

gboolean
gloss_agreement_view_get_show_merged (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), FALSE);

  return self->show_merged;
}

void
gloss_agreement_view_set_show_merged (GlossAgreementView *self,
                                      gboolean            show_merged)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));

  show_merged = !!show_merged;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show_merged ? self->merged_toggle : self->original_toggle), TRUE);
  if (self->show_merged == show_merged)
    return;

  self->show_merged = show_merged;
  recompute (self);
}

/**
 * gloss_agreement_view_get_agreement:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
GlossAgreement *
gloss_agreement_view_get_agreement (GlossAgreementView *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), NULL);

  if (self->dirty)
    recompute (self);

  return self->agreement;
}
