/* gloss-label-set.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-label-set"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-label-set.h"

struct _GlossLabelSet
{
  GObject    parent_instance;
  GPtrArray *labels;
  GPtrArray *relation_types;  /* user-defined GlossRelationType */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossLabelSet, gloss_label_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RELATION_TYPES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MAX_RELATION_TYPES 1000

/* The default palette: distinguishable hues (after Okabe–Ito and Paul Tol's
 * qualitative schemes) that keep their identity in light and dark style. */
static const struct {
  const char     *name;
  GlossLabelKind  kind;
  const char     *color;
  const char     *key;
} default_labels[] = {
  { "PERSON",    GLOSS_LABEL_KIND_ENTITY,    "#0072b2", "p" },
  { "ORG",       GLOSS_LABEL_KIND_ENTITY,    "#e69f00", "o" },
  { "GPE",       GLOSS_LABEL_KIND_ENTITY,    "#009e73", "g" },
  { "LOC",       GLOSS_LABEL_KIND_ENTITY,    "#56b4e9", "l" },
  { "DATE",      GLOSS_LABEL_KIND_ENTITY,    "#cc79a7", "d" },
  { "EVENT",     GLOSS_LABEL_KIND_ENTITY,    "#d55e00", "e" },
  { "PRODUCT",   GLOSS_LABEL_KIND_ENTITY,    "#a6761d", "r" },
  { "MONEY",     GLOSS_LABEL_KIND_ENTITY,    "#999933", "m" },
  { "QUANTITY",  GLOSS_LABEL_KIND_ENTITY,    "#882255", "q" },
  { "MISC",      GLOSS_LABEL_KIND_ENTITY,    "#888888", "x" },
  { "Claim",     GLOSS_LABEL_KIND_CLAIM,     "#7b3fbf", "c" },
  { "Yellow",    GLOSS_LABEL_KIND_HIGHLIGHT, "#f5c211", "y" },
  { "Green",     GLOSS_LABEL_KIND_HIGHLIGHT, "#8ff0a4", "n" },
  { "Pink",      GLOSS_LABEL_KIND_HIGHLIGHT, "#f66151", "k" },
};

static GType
gloss_label_set_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_LABEL;
}

static guint
gloss_label_set_get_n_items (GListModel *model)
{
  return GLOSS_LABEL_SET (model)->labels->len;
}

static gpointer
gloss_label_set_get_item (GListModel *model,
                          guint       position)
{
  GlossLabelSet *self = GLOSS_LABEL_SET (model);

  if (position >= self->labels->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->labels, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_label_set_get_item_type;
  iface->get_n_items = gloss_label_set_get_n_items;
  iface->get_item = gloss_label_set_get_item;
}

static void
gloss_label_set_finalize (GObject *object)
{
  GlossLabelSet *self = (GlossLabelSet *)object;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->relation_types, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_label_set_parent_class)->finalize (object);
}

static void
gloss_label_set_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossLabelSet *self = GLOSS_LABEL_SET (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->labels->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_set_class_init (GlossLabelSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_label_set_finalize;
  object_class->get_property = gloss_label_set_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossLabelSet::relation-types-changed:
   *
   * A user-defined relation type was added, changed or removed.
   */
  signals[RELATION_TYPES_CHANGED] =
    g_signal_new ("relation-types-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_label_set_init (GlossLabelSet *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->relation_types = g_ptr_array_new_with_free_func (g_object_unref);
}

GlossLabelSet *
gloss_label_set_new (void)
{
  return g_object_new (GLOSS_TYPE_LABEL_SET, NULL);
}

GlossLabelSet *
gloss_label_set_new_default (void)
{
  GlossLabelSet *self = gloss_label_set_new ();

  for (guint i = 0; i < G_N_ELEMENTS (default_labels); i++)
    g_ptr_array_add (self->labels,
                     gloss_label_new (default_labels[i].name,
                                      default_labels[i].kind,
                                      default_labels[i].color,
                                      default_labels[i].key));

  return self;
}

GlossLabelSet *
gloss_label_set_copy (GlossLabelSet *self)
{
  GlossLabelSet *copy;

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  copy = gloss_label_set_new ();
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (copy->labels, gloss_label_copy (g_ptr_array_index (self->labels, i)));
  for (guint i = 0; i < self->relation_types->len; i++)
    g_ptr_array_add (copy->relation_types,
                     gloss_relation_type_copy (g_ptr_array_index (self->relation_types, i)));

  return copy;
}

guint
gloss_label_set_get_n_labels (GlossLabelSet *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), 0);

  return self->labels->len;
}

/**
 * gloss_label_set_get_label:
 *
 * Returns: (transfer none) (nullable): the label at @position
 */
GlossLabel *
gloss_label_set_get_label (GlossLabelSet *self,
                           guint          position)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  if (position >= self->labels->len)
    return NULL;

  return g_ptr_array_index (self->labels, position);
}

int
gloss_label_set_index_of (GlossLabelSet *self,
                          const char    *name)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), -1);

  if (name == NULL)
    return -1;

  for (guint i = 0; i < self->labels->len; i++)
    if (g_strcmp0 (gloss_label_get_name (g_ptr_array_index (self->labels, i)), name) == 0)
      return i;

  return -1;
}

/**
 * gloss_label_set_lookup:
 *
 * Returns: (transfer none) (nullable): the label called @name
 */
GlossLabel *
gloss_label_set_lookup (GlossLabelSet *self,
                        const char    *name)
{
  int i = gloss_label_set_index_of (self, name);

  return i < 0 ? NULL : g_ptr_array_index (self->labels, i);
}

/**
 * gloss_label_set_lookup_key:
 *
 * Returns: (transfer none) (nullable): the label whose key is @key
 */
GlossLabel *
gloss_label_set_lookup_key (GlossLabelSet *self,
                            const char    *key)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  if (key == NULL || *key == '\0')
    return NULL;

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (gloss_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}

static gboolean
check_label (GlossLabelSet *self,
             GlossLabel    *label,
             int            ignore,
             GError       **error)
{
  const char *name = gloss_label_get_name (label);
  const char *key = gloss_label_get_key (label);

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A label needs a name"));
      return FALSE;
    }

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *other = g_ptr_array_index (self->labels, i);

      if ((int) i == ignore)
        continue;

      if (g_strcmp0 (gloss_label_get_name (other), name) == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("There is already a label called “%s”"), name);
          return FALSE;
        }

      if (key != NULL && *key != '\0' && g_strcmp0 (gloss_label_get_key (other), key) == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("The key “%s” is already used by the label “%s”"),
                       key, gloss_label_get_name (other));
          return FALSE;
        }
    }

  return gloss_label_check_attribute_defs (label, error);
}

gboolean
gloss_label_set_insert (GlossLabelSet *self,
                        guint          position,
                        GlossLabel    *label,
                        GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, -1, error))
    return FALSE;

  position = MIN (position, self->labels->len);
  g_ptr_array_insert (self->labels, position, g_object_ref (label));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

gboolean
gloss_label_set_append (GlossLabelSet *self,
                        GlossLabel    *label,
                        GError       **error)
{
  return gloss_label_set_insert (self, G_MAXUINT, label, error);
}

void
gloss_label_set_remove (GlossLabelSet *self,
                        guint          position)
{
  g_return_if_fail (GLOSS_IS_LABEL_SET (self));
  g_return_if_fail (position < self->labels->len);

  g_ptr_array_remove_index (self->labels, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

gboolean
gloss_label_set_replace (GlossLabelSet *self,
                         guint          position,
                         GlossLabel    *label,
                         GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (position < self->labels->len, FALSE);

  if (!check_label (self, label, position, error))
    return FALSE;

  g_object_ref (label);
  g_object_unref (g_ptr_array_index (self->labels, position));
  g_ptr_array_index (self->labels, position) = label;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);

  return TRUE;
}

/**
 * gloss_label_set_suggest_key:
 *
 * Proposes an unused key for a new label: a letter of its name if one is
 * free, else any free letter or digit, else %NULL.
 */
char *
gloss_label_set_suggest_key (GlossLabelSet *self,
                             const char    *name)
{
  static const char fallback[] = "abcdefghijklmnopqrstuvwxyz0123456789";

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      char buf[8] = { 0 };

      if (!g_unichar_isalnum (c))
        continue;
      g_unichar_to_utf8 (c, buf);
      if (gloss_label_set_lookup_key (self, buf) == NULL)
        return g_strdup (buf);
    }

  for (guint i = 0; fallback[i] != '\0'; i++)
    {
      char buf[2] = { fallback[i], 0 };

      if (gloss_label_set_lookup_key (self, buf) == NULL)
        return g_strdup (buf);
    }

  return NULL;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * gloss_label_set_new_from_json:
 *
 * Reads a label-set file ({"format": "gloss-labels", "version": 1,
 * "labels": [{"name", "kind", "color", "key"}, …]}), as a team shares a
 * scheme. The "labels" array of a .gloss.json file is accepted as well.
 *
 * Returns: (transfer full) (nullable): the label set
 */
GlossLabelSet *
gloss_label_set_new_from_json (const char  *data,
                               gsize        len,
                               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GlossLabelSet) set = NULL;
  JsonObject *object;
  JsonNode *labels;
  JsonArray *array;
  const char *format;

  root = gloss_json_parse_strict (data, len, 4 * 1024 * 1024, 16, error);
  if (root == NULL)
    return NULL;

  object = json_node_get_object (root);
  format = get_string_member (object, "format");
  if (g_strcmp0 (format, "gloss-labels") != 0 && g_strcmp0 (format, "gloss") != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("This is not a Gloss label set (\"format\" must be \"gloss-labels\")"));
      return NULL;
    }

  labels = json_object_get_member (object, "labels");
  if (labels == NULL || !JSON_NODE_HOLDS_ARRAY (labels))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("\"labels\" must be an array"));
      return NULL;
    }

  set = gloss_label_set_new ();
  array = json_node_get_array (labels);
  if (json_array_get_length (array) > 1000)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The label set has %u labels; at most 1000 are supported"),
                   json_array_get_length (array));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GlossLabel) label = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *name, *kind_name, *color, *key;
      GlossLabelKind kind;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("labels[%u] is not an object"), i);
          return NULL;
        }

      name = get_string_member (json_node_get_object (node), "name");
      kind_name = get_string_member (json_node_get_object (node), "kind");
      color = get_string_member (json_node_get_object (node), "color");
      key = get_string_member (json_node_get_object (node), "key");

      if (name == NULL || *name == '\0')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("labels[%u] has no name"), i);
          return NULL;
        }
      if (!gloss_label_kind_from_string (kind_name, &kind))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("labels[%u] (%s): the kind must be highlight, entity or claim"), i, name);
          return NULL;
        }
      if (!gloss_color_is_valid (color))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("labels[%u] (%s): the colour must look like #1a2b3c"), i, name);
          return NULL;
        }
      if (key != NULL && *key != '\0' && !gloss_label_key_is_valid (key))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("labels[%u] (%s): the key must be a single character"), i, name);
          return NULL;
        }

      label = gloss_label_new (name, kind, color, key);
      if (!gloss_label_read_attribute_defs (label, json_object_get_member (json_node_get_object (node), "attributes"),
                                            &local_error))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       "labels[%u] (%s): %s", i, name, local_error->message);
          return NULL;
        }
      if (!gloss_label_set_append (set, label, &local_error))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       "labels[%u]: %s", i, local_error->message);
          return NULL;
        }
    }

  if (!gloss_label_set_read_relation_types (set, json_object_get_member (object, "relation_types"), error))
    return NULL;

  return g_steal_pointer (&set);
}

/**
 * gloss_label_set_to_json:
 *
 * Returns: (transfer full): the label set as a label-set file, one label
 *   per line
 */
char *
gloss_label_set_to_json (GlossLabelSet *self)
{
  GString *out = g_string_new ("{\n  \"format\": \"gloss-labels\",\n  \"version\": 1,\n  \"labels\": [");

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (self->labels, i);
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, gloss_label_get_name (label));
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, gloss_label_kind_to_string (gloss_label_get_kind (label)));
      json_builder_set_member_name (b, "color");
      json_builder_add_string_value (b, gloss_label_get_color (label));
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, gloss_label_get_key (label));
      if (gloss_label_get_n_attributes (label) > 0)
        {
          json_builder_set_member_name (b, "attributes");
          json_builder_add_value (b, gloss_label_attribute_defs_to_json (label));
        }
      json_builder_end_object (b);

      node = json_builder_get_root (b);
      json_generator_set_root (gen, node);
      line = json_generator_to_data (gen, NULL);
      g_string_append_printf (out, "%s\n    %s", i ? "," : "", line);
    }
  g_string_append (out, self->labels->len ? "\n  ]" : "]");

  if (self->relation_types->len > 0)
    {
      g_string_append (out, ",\n  \"relation_types\": [");
      for (guint i = 0; i < self->relation_types->len; i++)
        {
          g_autoptr(JsonNode) node = gloss_relation_type_to_json (g_ptr_array_index (self->relation_types, i));
          g_autofree char *line = json_to_string (node, FALSE);

          g_string_append_printf (out, "%s\n    %s", i ? "," : "", line);
        }
      g_string_append (out, "\n  ]");
    }
  g_string_append (out, "\n}\n");

  return g_string_free (out, FALSE);
}

/* Relation types ----------------------------------------------------------- */

guint
gloss_label_set_get_n_relation_types (GlossLabelSet *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), 0);

  return self->relation_types->len;
}

/**
 * gloss_label_set_get_relation_type:
 *
 * Returns: (transfer none) (nullable): the user-defined type at @position
 */
GlossRelationType *
gloss_label_set_get_relation_type (GlossLabelSet *self,
                                   guint          position)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  if (position >= self->relation_types->len)
    return NULL;

  return g_ptr_array_index (self->relation_types, position);
}

int
gloss_label_set_relation_type_index (GlossLabelSet *self,
                                     const char    *name)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), -1);

  for (guint i = 0; name != NULL && i < self->relation_types->len; i++)
    if (g_strcmp0 (gloss_relation_type_get_name (g_ptr_array_index (self->relation_types, i)), name) == 0)
      return i;

  return -1;
}

/**
 * gloss_label_set_lookup_relation_type:
 *
 * Returns: (transfer none) (nullable): the user-defined type called @name
 */
GlossRelationType *
gloss_label_set_lookup_relation_type (GlossLabelSet *self,
                                      const char    *name)
{
  int i = gloss_label_set_relation_type_index (self, name);

  return i < 0 ? NULL : g_ptr_array_index (self->relation_types, i);
}

/**
 * gloss_label_set_find_relation_type:
 *
 * Returns: (transfer none) (nullable): the built-in or user-defined type
 *   called @name
 */
GlossRelationType *
gloss_label_set_find_relation_type (GlossLabelSet *self,
                                    const char    *name)
{
  GlossRelationType *type = gloss_relation_type_lookup_builtin (name);

  return type != NULL ? type : gloss_label_set_lookup_relation_type (self, name);
}

/**
 * gloss_label_set_list_relation_types:
 *
 * Returns: (transfer container) (element-type GlossRelationType): the
 *   built-in types followed by the user-defined ones
 */
GPtrArray *
gloss_label_set_list_relation_types (GlossLabelSet *self)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), all);

  for (guint i = 0; i < gloss_relation_type_get_n_builtins (); i++)
    g_ptr_array_add (all, g_object_ref (gloss_relation_type_get_builtin (i)));
  for (guint i = 0; i < self->relation_types->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (self->relation_types, i)));

  return all;
}

static gboolean
check_relation_type (GlossLabelSet      *self,
                     GlossRelationType  *type,
                     int                 ignore,
                     GError            **error)
{
  int other;

  if (!gloss_relation_type_validate (type, error))
    return FALSE;

  other = gloss_label_set_relation_type_index (self, gloss_relation_type_get_name (type));
  if (other >= 0 && other != ignore)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("There is already a relation type called “%s”"), gloss_relation_type_get_name (type));
      return FALSE;
    }

  return TRUE;
}

gboolean
gloss_label_set_insert_relation_type (GlossLabelSet      *self,
                                      guint               position,
                                      GlossRelationType  *type,
                                      GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (type), FALSE);

  if (!check_relation_type (self, type, -1, error))
    return FALSE;

  if (self->relation_types->len >= MAX_RELATION_TYPES)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("At most %u relation types are supported"), MAX_RELATION_TYPES);
      return FALSE;
    }

  position = MIN (position, self->relation_types->len);
  g_ptr_array_insert (self->relation_types, position, g_object_ref (type));
  g_signal_emit (self, signals[RELATION_TYPES_CHANGED], 0);

  return TRUE;
}

gboolean
gloss_label_set_replace_relation_type (GlossLabelSet      *self,
                                       guint               position,
                                       GlossRelationType  *type,
                                       GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (position < self->relation_types->len, FALSE);

  if (!check_relation_type (self, type, position, error))
    return FALSE;

  g_object_ref (type);
  g_object_unref (g_ptr_array_index (self->relation_types, position));
  g_ptr_array_index (self->relation_types, position) = type;
  g_signal_emit (self, signals[RELATION_TYPES_CHANGED], 0);

  return TRUE;
}

void
gloss_label_set_remove_relation_type (GlossLabelSet *self,
                                      guint          position)
{
  g_return_if_fail (GLOSS_IS_LABEL_SET (self));
  g_return_if_fail (position < self->relation_types->len);

  g_ptr_array_remove_index (self->relation_types, position);
  g_signal_emit (self, signals[RELATION_TYPES_CHANGED], 0);
}

/**
 * gloss_label_set_read_relation_types:
 * @array: (nullable): the "relation_types" member; %NULL for none
 *
 * Appends the types in @array, as read from a label-set or native file.
 * On error nothing is added and the message names the entry
 * ("relation_types[2]: …").
 */
gboolean
gloss_label_set_read_relation_types (GlossLabelSet  *self,
                                     JsonNode       *array,
                                     GError        **error)
{
  g_autoptr(GlossLabelSet) probe = NULL;
  JsonArray *items;

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);

  if (array == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (array))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“relation_types” must be an array"));
      return FALSE;
    }

  items = json_node_get_array (array);
  probe = gloss_label_set_new ();
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GlossRelationType) type = NULL;
      g_autoptr(GError) local_error = NULL;

      type = gloss_relation_type_new_from_json (json_array_get_element (items, i), &local_error);
      if (type == NULL ||
          !gloss_label_set_insert_relation_type (probe, G_MAXUINT, type, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "relation_types[%u]: %s", i, local_error->message);
          return FALSE;
        }
    }

  for (guint i = 0; i < probe->relation_types->len; i++)
    if (!gloss_label_set_insert_relation_type (self, G_MAXUINT, probe->relation_types->pdata[i], error))
      return FALSE;

  return TRUE;
}

/**
 * gloss_label_set_relation_types_to_json:
 *
 * Returns: (transfer full): the user-defined types as a JSON array
 */
JsonNode *
gloss_label_set_relation_types_to_json (GlossLabelSet *self)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < self->relation_types->len; i++)
    json_array_add_element (array, gloss_relation_type_to_json (self->relation_types->pdata[i]));

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);

  return node;
}

/**
 * gloss_label_read_attribute_defs:
 * @array: (nullable): a label's "attributes" member; %NULL for none
 *
 * Sets the attribute definitions of @label from @array, checked.
 */
gboolean
gloss_label_read_attribute_defs (GlossLabel  *label,
                                 JsonNode    *array,
                                 GError     **error)
{
  g_autoptr(GPtrArray) defs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossLabel) probe = NULL;
  JsonArray *items;

  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (array == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (array))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“attributes” must be an array of attribute definitions"));
      return FALSE;
    }

  items = json_node_get_array (array);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) local_error = NULL;
      GlossAttributeDef *def = gloss_attribute_def_new_from_json (json_array_get_element (items, i), &local_error);

      if (def == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "attributes[%u]: %s", i, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (defs, def);
    }

  probe = gloss_label_copy (label);
  gloss_label_set_attributes (probe, defs);
  if (!gloss_label_check_attribute_defs (probe, error))
    return FALSE;

  gloss_label_set_attributes (label, defs);

  return TRUE;
}

/**
 * gloss_label_attribute_defs_to_json:
 *
 * Returns: (transfer full): the label's definitions as a JSON array
 */
JsonNode *
gloss_label_attribute_defs_to_json (GlossLabel *label)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < gloss_label_get_n_attributes (label); i++)
    json_array_add_element (array, gloss_attribute_def_to_json (gloss_label_get_attribute (label, i)));

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);

  return node;
}
