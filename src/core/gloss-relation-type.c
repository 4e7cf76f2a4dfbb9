/* gloss-relation-type.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-relation-type"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute-def.h"
#include "gloss-error.h"
#include "gloss-label.h"
#include "gloss-relation-type.h"

#define MAX_CONSTRAINTS 1000

struct _GlossRelationType
{
  GObject   parent_instance;
  char     *name;
  char     *title;
  char     *description;
  GStrv     from;
  GStrv     to;
  gboolean  builtin;
};

G_DEFINE_FINAL_TYPE (GlossRelationType, gloss_relation_type, G_TYPE_OBJECT)

static const struct {
  const char *name;
  const char *title;
  const char *description;
  const char *from;
  const char *to;
} builtins[] = {
  { "claimant", N_("Claimant"), N_("Who makes a claim: from the claim to the entity"), "claim", "entity" },
  { "same-as", N_("Same As"), N_("Two mentions of the same thing"), NULL, NULL },
  { "related-to", N_("Related To"), N_("Any other connection"), NULL, NULL },
  { "supports", N_("Supports"), N_("Backs up the other annotation"), NULL, NULL },
  { "contradicts", N_("Contradicts"), N_("Disputes the other annotation"), NULL, NULL },
};

static void
gloss_relation_type_finalize (GObject *object)
{
  GlossRelationType *self = (GlossRelationType *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->from, g_strfreev);
  g_clear_pointer (&self->to, g_strfreev);

  G_OBJECT_CLASS (gloss_relation_type_parent_class)->finalize (object);
}

static void
gloss_relation_type_class_init (GlossRelationTypeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_relation_type_finalize;
}

static void
gloss_relation_type_init (GlossRelationType *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->from = g_new0 (char *, 1);
  self->to = g_new0 (char *, 1);
}

GlossRelationType *
gloss_relation_type_new (const char *name)
{
  GlossRelationType *self = g_object_new (GLOSS_TYPE_RELATION_TYPE, NULL);

  gloss_relation_type_set_name (self, name);

  return self;
}

static GPtrArray *
get_builtins (void)
{
  static GPtrArray *types;

  if (g_once_init_enter (&types))
    {
      GPtrArray *array = g_ptr_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
        {
          GlossRelationType *type = gloss_relation_type_new (builtins[i].name);
          const char *from[] = { builtins[i].from, NULL };
          const char *to[] = { builtins[i].to, NULL };

          gloss_relation_type_set_title (type, builtins[i].title);
          gloss_relation_type_set_description (type, builtins[i].description);
          gloss_relation_type_set_from (type, from);
          gloss_relation_type_set_to (type, to);
          type->builtin = TRUE;
          g_ptr_array_add (array, type);
        }
      g_once_init_leave (&types, array);
    }

  return types;
}

guint
gloss_relation_type_get_n_builtins (void)
{
  return G_N_ELEMENTS (builtins);
}

/**
 * gloss_relation_type_get_builtin:
 *
 * Returns: (transfer none): the @i-th built-in type
 */
GlossRelationType *
gloss_relation_type_get_builtin (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (builtins), NULL);

  return g_ptr_array_index (get_builtins (), i);
}

/**
 * gloss_relation_type_lookup_builtin:
 *
 * Returns: (transfer none) (nullable): the built-in type called @name
 */
GlossRelationType *
gloss_relation_type_lookup_builtin (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_strcmp0 (builtins[i].name, name) == 0)
      return gloss_relation_type_get_builtin (i);

  return NULL;
}

GlossRelationType *
gloss_relation_type_copy (GlossRelationType *self)
{
  GlossRelationType *copy;

  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  copy = gloss_relation_type_new (self->name);
  gloss_relation_type_set_title (copy, self->title);
  gloss_relation_type_set_description (copy, self->description);
  gloss_relation_type_set_from (copy, (const char * const *) self->from);
  gloss_relation_type_set_to (copy, (const char * const *) self->to);
  copy->builtin = self->builtin;

  return copy;
}

gboolean
gloss_relation_type_equal (GlossRelationType *a,
                           GlossRelationType *b)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (a), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (b), FALSE);

  return g_str_equal (a->name, b->name) &&
         g_str_equal (a->title, b->title) &&
         g_str_equal (a->description, b->description) &&
         g_strv_equal ((const char * const *) a->from, (const char * const *) b->from) &&
         g_strv_equal ((const char * const *) a->to, (const char * const *) b->to);
}

const char *
gloss_relation_type_get_name (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  return self->name;
}

void
gloss_relation_type_set_name (GlossRelationType *self,
                              const char        *name)
{
  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));

  gloss_set_str (&self->name, name ? name : "");
}

const char *
gloss_relation_type_get_title (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  return self->title;
}

void
gloss_relation_type_set_title (GlossRelationType *self,
                               const char        *title)
{
  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));

  gloss_set_str (&self->title, title ? title : "");
}

const char *
gloss_relation_type_get_description (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  return self->description;
}

void
gloss_relation_type_set_description (GlossRelationType *self,
                                     const char        *description)
{
  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));

  gloss_set_str (&self->description, description ? description : "");
}

/**
 * gloss_relation_type_get_from:
 *
 * Returns: (transfer none): the kinds and label names allowed at the
 *   "from" end; empty for any
 */
const char * const *
gloss_relation_type_get_from (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  return (const char * const *) self->from;
}

void
gloss_relation_type_set_from (GlossRelationType  *self,
                              const char * const *from)
{
  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));

  g_strfreev (self->from);
  self->from = from ? g_strdupv ((char **) from) : g_new0 (char *, 1);
}

const char * const *
gloss_relation_type_get_to (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  return (const char * const *) self->to;
}

void
gloss_relation_type_set_to (GlossRelationType  *self,
                            const char * const *to)
{
  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));

  g_strfreev (self->to);
  self->to = to ? g_strdupv ((char **) to) : g_new0 (char *, 1);
}

gboolean
gloss_relation_type_is_builtin (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), FALSE);

  return self->builtin;
}

/**
 * gloss_relation_type_dup_display_name:
 *
 * Returns: (transfer full): the title (translated for built-in types), or
 *   the name when there is no title
 */
char *
gloss_relation_type_dup_display_name (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  if (*self->title == '\0')
    return g_strdup (self->name);

  return g_strdup (self->builtin ? _(self->title) : self->title);
}

static char *
describe_end (char **list)
{
  if (list[0] == NULL)
    return g_strdup (_("anything"));

  return g_strjoinv (_(" or "), list);
}

/**
 * gloss_relation_type_describe_constraints:
 *
 * Returns: (transfer full) (nullable): "claim → entity", or %NULL when
 *   both ends allow anything
 */
char *
gloss_relation_type_describe_constraints (GlossRelationType *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  if (self->from[0] == NULL && self->to[0] == NULL)
    return NULL;

  from = describe_end (self->from);
  to = describe_end (self->to);

  /* Translators: the annotations a link type may go from and to, e.g. "claim → entity" */
  return g_strdup_printf (_("%s → %s"), from, to);
}

static gboolean
allows (char       **list,
        GlossLabel  *label)
{
  const char *kind;

  if (list[0] == NULL)
    return TRUE;
  if (label == NULL)
    return FALSE;

  kind = gloss_label_kind_to_string (gloss_label_get_kind (label));

  return g_strv_contains ((const char * const *) list, gloss_label_get_name (label)) ||
         g_strv_contains ((const char * const *) list, kind);
}

/**
 * gloss_relation_type_allows_from:
 * @label: (nullable): the label of the annotation at the "from" end
 *
 * Returns: %TRUE if an annotation with @label may be the "from" end
 */
gboolean
gloss_relation_type_allows_from (GlossRelationType *self,
                                 GlossLabel        *label)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), FALSE);

  return allows (self->from, label);
}

gboolean
gloss_relation_type_allows_to (GlossRelationType *self,
                               GlossLabel        *label)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), FALSE);

  return allows (self->to, label);
}

static gboolean
rename_in (char       **list,
           const char  *old_name,
           const char  *new_name)
{
  gboolean present = g_strv_contains ((const char * const *) list, new_name);
  gboolean changed = FALSE;
  guint j = 0;

  /* Entries stay distinct: if @new_name is listed already (a kind of the
   * same name), @old_name just goes. */
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (g_str_equal (list[i], old_name))
        {
          changed = TRUE;
          if (present)
            {
              g_free (list[i]);
              continue;
            }
          g_free (list[i]);
          list[i] = g_strdup (new_name);
        }
      list[j++] = list[i];
    }
  list[j] = NULL;

  return changed;
}

/**
 * gloss_relation_type_rename_label:
 *
 * Replaces the label name @old_name by @new_name in the constraints.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
gloss_relation_type_rename_label (GlossRelationType *self,
                                  const char        *old_name,
                                  const char        *new_name)
{
  gboolean a, b;

  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), FALSE);

  a = rename_in (self->from, old_name, new_name);
  b = rename_in (self->to, old_name, new_name);

  return a || b;
}

static gboolean
check_list (char       **list,
            const char  *end,
            const char  *name,
            GError     **error)
{
  guint n = g_strv_length (list);

  if (n > MAX_CONSTRAINTS)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The relation type “%s” lists %u labels in “%s”; at most %u are supported"),
                   name, n, end, MAX_CONSTRAINTS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (*list[i] == '\0')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("The relation type “%s” has an empty entry in “%s”"), name, end);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (list[i], list[j]))
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("The relation type “%s” lists “%s” twice in “%s”"), name, list[i], end);
            return FALSE;
          }
    }

  return TRUE;
}

/**
 * gloss_relation_type_validate:
 *
 * Checks the type on its own: a valid identifier that is not a built-in
 * type's, and constraint lists without empty or repeated entries. Whether
 * the listed labels exist is the label set's concern (an unknown name is
 * only a warning, see gloss_scheme_check_document()).
 */
gboolean
gloss_relation_type_validate (GlossRelationType  *self,
                              GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), FALSE);

  if (!gloss_identifier_is_valid (self->name))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” is not a valid relation type name (use letters, digits, - and _, starting with a letter)"),
                   self->name);
      return FALSE;
    }

  if (!self->builtin && gloss_relation_type_lookup_builtin (self->name) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” is a built-in relation type"), self->name);
      return FALSE;
    }

  return check_list (self->from, "from", self->name, error) &&
         check_list (self->to, "to", self->name, error);
}

static gboolean
read_list (JsonObject  *object,
           const char  *key,
           const char  *name,
           GStrv       *out,
           GError     **error)
{
  JsonNode *member = json_object_get_member (object, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (member == NULL)
    {
      *out = g_new0 (char *, 1);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: “%s” must be an array of label kinds and names"), name, key);
      return FALSE;
    }

  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *v = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_STRING)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("“%s”: “%s” must be an array of label kinds and names"), name, key);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (v));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *key,
             const char **out,
             GError     **error)
{
  JsonNode *member = json_object_get_member (object, key);

  *out = NULL;
  if (member == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s” must be a string"), key);
      return FALSE;
    }

  *out = json_node_get_string (member);
  return TRUE;
}

/**
 * gloss_relation_type_new_from_json:
 *
 * Reads {"name", "title"?, "description"?, "from"?, "to"?}. Unknown
 * members are ignored.
 *
 * Returns: (transfer full) (nullable): the type, valid
 */
GlossRelationType *
gloss_relation_type_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(GlossRelationType) type = NULL;
  JsonObject *object;
  const char *name, *title, *description;
  g_auto(GStrv) from = NULL;
  g_auto(GStrv) to = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("a relation type must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (object, "name", &name, error))
    return NULL;
  if (name == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“name” is missing"));
      return NULL;
    }
  if (!read_string (object, "title", &title, error) ||
      !read_string (object, "description", &description, error) ||
      !read_list (object, "from", name, &from, error) ||
      !read_list (object, "to", name, &to, error))
    return NULL;

  type = gloss_relation_type_new (name);
  gloss_relation_type_set_title (type, title);
  gloss_relation_type_set_description (type, description);
  gloss_relation_type_set_from (type, (const char * const *) from);
  gloss_relation_type_set_to (type, (const char * const *) to);

  if (!gloss_relation_type_validate (type, error))
    return NULL;

  return g_steal_pointer (&type);
}

static JsonArray *
list_to_array (char **list)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; list[i] != NULL; i++)
    json_array_add_string_element (array, list[i]);

  return array;
}

/**
 * gloss_relation_type_to_json:
 *
 * Returns: (transfer full): {"name", "title"?, "description"?, "from"?,
 *   "to"?}, optional members only when not empty
 */
JsonNode *
gloss_relation_type_to_json (GlossRelationType *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  json_object_set_string_member (object, "name", self->name);
  if (*self->title != '\0')
    json_object_set_string_member (object, "title", self->title);
  if (*self->description != '\0')
    json_object_set_string_member (object, "description", self->description);
  if (self->from[0] != NULL)
    json_object_set_array_member (object, "from", list_to_array (self->from));
  if (self->to[0] != NULL)
    json_object_set_array_member (object, "to", list_to_array (self->to));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}
