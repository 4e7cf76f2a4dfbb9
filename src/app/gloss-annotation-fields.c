/* gloss-annotation-fields.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-annotation-fields"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation-fields.h"
#include "gloss-claim.h"

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
};

G_DEFINE_FINAL_TYPE (GlossAnnotationFields, gloss_annotation_fields, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_ANNOTATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (gtk_widget_has_focus (GTK_WIDGET (row)) ||
      gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL)
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
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

static void
rebuild_links (GlossAnnotationFields *self,
               GlossAnnotation       *annotation)
{
  g_autoptr(GPtrArray) relations = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);

  relations = gloss_document_relations_of (self->document, gloss_annotation_get_id (annotation));
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

      /* Translators: "claimant →" for a link from this annotation, "← claimant" for one to it */
      title = outgoing ? g_strdup_printf (_("%s →"), gloss_relation_get_kind (r))
                       : g_strdup_printf (_("← %s"), gloss_relation_get_kind (r));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
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

  if (relations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No links"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Press L to link this annotation to another"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->links_list, row);
    }
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

  self->updating = TRUE;
  kind = current_kind (self, annotation);

  gtk_widget_set_visible (GTK_WIDGET (self->claim_group), kind == GLOSS_LABEL_KIND_CLAIM);
  gtk_widget_set_visible (self->evidence_box, kind == GLOSS_LABEL_KIND_CLAIM);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_group), kind == GLOSS_LABEL_KIND_ENTITY);

  if (kind == GLOSS_LABEL_KIND_CLAIM)
    {
      const GlossVerdict *verdicts;
      guint n_verdicts;
      guint selected = 0;
      const char *evidence;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->evidence_view);

      verdict = gloss_claim_get_verdict (annotation);
      verdicts = gloss_verdicts_get_default (&n_verdicts);
      for (guint i = 0; i < n_verdicts; i++)
        if (g_strcmp0 (verdicts[i].id, verdict) == 0)
          selected = i + 1;
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
      set_entry (self->claimant_row, gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_CLAIMANT));
      set_entry (self->reviewed_row, gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_REVIEWED_ON));

      evidence = gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_EVIDENCE);
      if (!gtk_widget_has_focus (GTK_WIDGET (self->evidence_view)))
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

      set_entry (self->kb_id_row, kb_id);
      set_entry (self->canonical_row, gloss_annotation_get_attribute_string (annotation, GLOSS_ATTR_CANONICAL_NAME));

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

  rebuild_links (self, annotation);
  self->updating = FALSE;
}

static void
verdict_changed_cb (GlossAnnotationFields *self)
{
  guint selected = adw_combo_row_get_selected (self->verdict_row);
  const GlossVerdict *verdicts;
  guint n;

  if (self->updating)
    return;

  verdicts = gloss_verdicts_get_default (&n);
  if (selected == 0 || selected > n)
    set_attribute (self, GLOSS_ATTR_VERDICT, NULL);
  else
    set_attribute (self, GLOSS_ATTR_VERDICT, g_variant_new_string (verdicts[selected - 1].id));
}

static void
worthiness_changed_cb (GlossAnnotationFields *self)
{
  guint selected = adw_combo_row_get_selected (self->worthiness_row);

  if (self->updating)
    return;

  set_attribute (self, GLOSS_ATTR_CHECK_WORTHINESS,
                 selected == 0 || selected > 5 ? NULL : g_variant_new_int64 (selected));
}

static void
claimant_apply_cb (GlossAnnotationFields *self)
{
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

  if (*text == '\0' || gloss_kb_id_is_valid (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->kb_id_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->kb_id_row), "error");
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

  set_string_attribute (self, GLOSS_ATTR_KB_ID, text);
  remember (self);
}

static void
canonical_apply_cb (GlossAnnotationFields *self)
{
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

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->gazetteer);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_FIELDS);

  G_OBJECT_CLASS (gloss_annotation_fields_parent_class)->dispose (object);
}

static void
gloss_annotation_fields_finalize (GObject *object)
{
  GlossAnnotationFields *self = (GlossAnnotationFields *)object;

  g_clear_pointer (&self->annotation_id, g_free);

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
  g_autoptr(GtkStringList) verdicts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) worthiness = gtk_string_list_new (NULL);
  const GlossVerdict *v;
  GtkEventController *focus;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (verdicts, _("No verdict"));
  v = gloss_verdicts_get_default (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (verdicts, _(v[i].name));
  adw_combo_row_set_model (self->verdict_row, G_LIST_MODEL (verdicts));

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
  gtk_editable_set_text (GTK_EDITABLE (self->claimant_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reviewed_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->kb_id_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->canonical_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->evidence_view), "", -1);
  self->updating = FALSE;

  refresh (self);
}
