/* gloss-attribute-def.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-attribute-def"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "gloss-attribute-def.h"
#include "gloss-claim.h"
#include "gloss-error.h"

#define MAX_IDENTIFIER_CHARS 64
#define MAX_CHOICES          200
#define MAX_SAFE_INTEGER     9007199254740992.0 /* 2^53 */

struct _GlossAttributeDef
{
  GObject             parent_instance;
  char               *name;
  GStrv               values;
  GVariant           *default_value;
  GlossAttributeType  type;
  gboolean            required;
};

G_DEFINE_FINAL_TYPE (GlossAttributeDef, gloss_attribute_def, G_TYPE_OBJECT)

static const char * const type_names[] = { "text", "choice", "boolean", "number", "date", "url" };

void
gloss_attribute_problem_free (GlossAttributeProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->attribute);
  g_free (problem->message);
  g_free (problem);
}

const char *
gloss_attribute_type_to_string (GlossAttributeType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (type_names), NULL);

  return type_names[type];
}

gboolean
gloss_attribute_type_from_string (const char         *str,
                                  GlossAttributeType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_strcmp0 (str, type_names[i]) == 0)
      {
        if (type != NULL)
          *type = i;
        return TRUE;
      }

  return FALSE;
}

const char *
gloss_attribute_type_get_display_name (GlossAttributeType type)
{
  switch (type)
    {
    case GLOSS_ATTRIBUTE_TEXT:
      return _("Text");
    case GLOSS_ATTRIBUTE_CHOICE:
      return _("Choice");
    case GLOSS_ATTRIBUTE_BOOLEAN:
      return _("Yes/No");
    case GLOSS_ATTRIBUTE_NUMBER:
      return _("Number");
    case GLOSS_ATTRIBUTE_DATE:
      return _("Date");
    case GLOSS_ATTRIBUTE_URL:
      return _("Link (URL)");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gloss_identifier_is_valid:
 *
 * An identifier (an attribute name, a relation type) is 1 to 64 ASCII
 * letters, digits, "-" and "_", starting with a letter, so that it can be
 * written unchanged to brat, CSV headers and JSON-LD.
 */
gboolean
gloss_identifier_is_valid (const char *name)
{
  gsize len;

  if (name == NULL || !g_ascii_isalpha (name[0]))
    return FALSE;

  len = strlen (name);
  if (len > MAX_IDENTIFIER_CHARS)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-' && name[i] != '_')
      return FALSE;

  return TRUE;
}

/**
 * gloss_url_is_valid:
 *
 * Returns: %TRUE for an absolute http or https URL with a host
 */
gboolean
gloss_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || *url == '\0')
    return FALSE;

  for (const char *p = url; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  return g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static void
gloss_attribute_def_finalize (GObject *object)
{
  GlossAttributeDef *self = (GlossAttributeDef *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->default_value, g_variant_unref);

  G_OBJECT_CLASS (gloss_attribute_def_parent_class)->finalize (object);
}

static void
gloss_attribute_def_class_init (GlossAttributeDefClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_attribute_def_finalize;
}

static void
gloss_attribute_def_init (GlossAttributeDef *self)
{
  self->name = g_strdup ("");
  self->values = g_new0 (char *, 1);
}

GlossAttributeDef *
gloss_attribute_def_new (const char         *name,
                         GlossAttributeType  type)
{
  GlossAttributeDef *self = g_object_new (GLOSS_TYPE_ATTRIBUTE_DEF, NULL);

  gloss_attribute_def_set_name (self, name);
  gloss_attribute_def_set_value_type (self, type);

  return self;
}

GlossAttributeDef *
gloss_attribute_def_copy (GlossAttributeDef *self)
{
  GlossAttributeDef *copy;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  copy = gloss_attribute_def_new (self->name, self->type);
  gloss_attribute_def_set_values (copy, (const char * const *) self->values);
  copy->required = self->required;
  gloss_attribute_def_set_default (copy, self->default_value);

  return copy;
}

gboolean
gloss_attribute_def_equal (GlossAttributeDef *a,
                           GlossAttributeDef *b)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (a), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (b), FALSE);

  if (g_strcmp0 (a->name, b->name) != 0 || a->type != b->type || a->required != b->required)
    return FALSE;
  if (!g_strv_equal ((const char * const *) a->values, (const char * const *) b->values))
    return FALSE;
  if ((a->default_value == NULL) != (b->default_value == NULL))
    return FALSE;

  return a->default_value == NULL || g_variant_equal (a->default_value, b->default_value);
}

const char *
gloss_attribute_def_get_name (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  return self->name;
}

void
gloss_attribute_def_set_name (GlossAttributeDef *self,
                              const char        *name)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  gloss_set_str (&self->name, name ? name : "");
}

GlossAttributeType
gloss_attribute_def_get_value_type (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), GLOSS_ATTRIBUTE_TEXT);

  return self->type;
}

void
gloss_attribute_def_set_value_type (GlossAttributeDef  *self,
                                    GlossAttributeType  type)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));
  g_return_if_fail (type < GLOSS_N_ATTRIBUTE_TYPES);

  self->type = type;
}

/**
 * gloss_attribute_def_get_values:
 *
 * Returns: (transfer none): the values of a choice, in order (empty for
 *   other types)
 */
const char * const *
gloss_attribute_def_get_values (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  return (const char * const *) self->values;
}

void
gloss_attribute_def_set_values (GlossAttributeDef  *self,
                                const char * const *values)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  g_strfreev (self->values);
  self->values = values ? g_strdupv ((char **) values) : g_new0 (char *, 1);
}

gboolean
gloss_attribute_def_get_required (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);

  return self->required;
}

void
gloss_attribute_def_set_required (GlossAttributeDef *self,
                                  gboolean           required)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  self->required = !!required;
}

/**
 * gloss_attribute_def_get_default:
 *
 * Returns: (transfer none) (nullable): the value new annotations start with
 */
GVariant *
gloss_attribute_def_get_default (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  return self->default_value;
}

/* Sinks a floating @value. */
void
gloss_attribute_def_set_default (GlossAttributeDef *self,
                                 GVariant          *value)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  if (value != NULL)
    g_variant_ref_sink (value);
  g_clear_pointer (&self->default_value, g_variant_unref);
  self->default_value = value;
}

static gboolean
is_number (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64) ||
      g_variant_is_of_type (value, G_VARIANT_TYPE_INT32) ||
      g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return TRUE;

  return g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE) &&
         isfinite (g_variant_get_double (value));
}

/**
 * gloss_attribute_def_check_value:
 * @value: (nullable): the annotation's value, %NULL when it has none
 * @kind: (out) (optional): what is wrong
 * @message: (out) (optional) (transfer full): a translated explanation
 *
 * Returns: %TRUE if @value is acceptable for the definition
 */
gboolean
gloss_attribute_def_check_value (GlossAttributeDef         *self,
                                 GVariant                  *value,
                                 GlossAttributeProblemKind *kind,
                                 char                     **message)
{
  GlossAttributeProblemKind k;
  const char *s = NULL;
  char *m = NULL;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);

  if (value == NULL)
    {
      if (!self->required)
        return TRUE;
      k = GLOSS_ATTRIBUTE_PROBLEM_MISSING;
      m = g_strdup_printf (_("“%s” is required"), self->name);
      goto problem;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    s = g_variant_get_string (value, NULL);

  switch (self->type)
    {
    case GLOSS_ATTRIBUTE_TEXT:
      if (s != NULL)
        return TRUE;
      k = GLOSS_ATTRIBUTE_PROBLEM_NOT_TEXT;
      m = g_strdup_printf (_("“%s” must be text"), self->name);
      break;

    case GLOSS_ATTRIBUTE_CHOICE:
      if (s != NULL && g_strv_contains ((const char * const *) self->values, s))
        return TRUE;
      {
        g_autofree char *list = g_strjoinv (", ", self->values);
        g_autofree char *shown = s ? g_strdup (s) : g_variant_print (value, FALSE);

        k = GLOSS_ATTRIBUTE_PROBLEM_NOT_A_CHOICE;
        m = g_strdup_printf (_("“%s” is “%s”, which is not one of: %s"), self->name, shown, list);
      }
      break;

    case GLOSS_ATTRIBUTE_BOOLEAN:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        return TRUE;
      k = GLOSS_ATTRIBUTE_PROBLEM_NOT_A_BOOLEAN;
      m = g_strdup_printf (_("“%s” must be true or false"), self->name);
      break;

    case GLOSS_ATTRIBUTE_NUMBER:
      if (is_number (value))
        return TRUE;
      k = GLOSS_ATTRIBUTE_PROBLEM_NOT_A_NUMBER;
      m = g_strdup_printf (_("“%s” must be a number"), self->name);
      break;

    case GLOSS_ATTRIBUTE_DATE:
      if (s != NULL && gloss_date_is_valid (s))
        return TRUE;
      k = GLOSS_ATTRIBUTE_PROBLEM_BAD_DATE;
      m = g_strdup_printf (_("“%s” must be a date written YYYY-MM-DD"), self->name);
      break;

    case GLOSS_ATTRIBUTE_URL:
      if (s != NULL && gloss_url_is_valid (s))
        return TRUE;
      k = GLOSS_ATTRIBUTE_PROBLEM_BAD_URL;
      m = g_strdup_printf (_("“%s” must be a web address starting with http:// or https://"), self->name);
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

problem:
  if (kind != NULL)
    *kind = k;
  if (message != NULL)
    *message = m;
  else
    g_free (m);

  return FALSE;
}

/**
 * gloss_attribute_def_parse_value:
 * @text: what the user typed
 *
 * Turns @text into a value of the definition's type: a number for
 * numbers, a boolean for "true"/"false", a string otherwise.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error
 *   unset for empty text (no value), or %NULL with @error set
 */
GVariant *
gloss_attribute_def_parse_value (GlossAttributeDef  *self,
                                 const char         *text,
                                 GError            **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (*stripped == '\0')
    return NULL;

  switch (self->type)
    {
    case GLOSS_ATTRIBUTE_NUMBER:
      {
        char *end = NULL;
        double d;

        errno = 0;
        d = g_ascii_strtod (stripped, &end);
        if (end == stripped || *end != '\0' || errno == ERANGE || !isfinite (d))
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("“%s” must be a number"), self->name);
            return NULL;
          }
        if (d == floor (d) && fabs (d) <= MAX_SAFE_INTEGER)
          value = g_variant_ref_sink (g_variant_new_int64 ((gint64) d));
        else
          value = g_variant_ref_sink (g_variant_new_double (d));
      }
      break;

    case GLOSS_ATTRIBUTE_BOOLEAN:
      if (g_ascii_strcasecmp (stripped, "true") == 0)
        value = g_variant_ref_sink (g_variant_new_boolean (TRUE));
      else if (g_ascii_strcasecmp (stripped, "false") == 0)
        value = g_variant_ref_sink (g_variant_new_boolean (FALSE));
      else
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("“%s” must be true or false"), self->name);
          return NULL;
        }
      break;

    default:
      value = g_variant_ref_sink (g_variant_new_string (stripped));
      break;
    }

  if (!gloss_attribute_def_check_value (self, value, NULL, &message))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, message);
      return NULL;
    }

  return g_steal_pointer (&value);
}

/**
 * gloss_attribute_def_validate:
 *
 * Checks the definition itself: a valid name, at least one distinct,
 * non-empty value for a choice, and a default that fits the type.
 */
gboolean
gloss_attribute_def_validate (GlossAttributeDef  *self,
                              GError            **error)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);

  if (!gloss_identifier_is_valid (self->name))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” is not a valid attribute name (use letters, digits, - and _, starting with a letter)"),
                   self->name);
      return FALSE;
    }

  n = g_strv_length (self->values);
  if (self->type == GLOSS_ATTRIBUTE_CHOICE && n == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("The choice “%s” needs at least one value"), self->name);
      return FALSE;
    }
  if (self->type != GLOSS_ATTRIBUTE_CHOICE && n > 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("Only a choice has values, but “%s” is of type %s"),
                   self->name, gloss_attribute_type_to_string (self->type));
      return FALSE;
    }
  if (n > MAX_CHOICES)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The choice “%s” has %u values; at most %u are supported"),
                   self->name, n, MAX_CHOICES);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (*self->values[i] == '\0')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("The choice “%s” has an empty value"), self->name);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (self->values[i], self->values[j]))
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("The choice “%s” lists “%s” twice"), self->name, self->values[i]);
            return FALSE;
          }
    }

  if (self->default_value != NULL)
    {
      g_autofree char *message = NULL;

      if (!gloss_attribute_def_check_value (self, self->default_value, NULL, &message))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("The default does not fit: %s"), message);
          return FALSE;
        }
    }

  return TRUE;
}

static GVariant *
json_to_variant (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_variant_new_string (json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_variant_new_boolean (json_node_get_boolean (node));
    case G_TYPE_INT64:
      return g_variant_new_int64 (json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_variant_new_double (json_node_get_double (node));
    default:
      return NULL;
    }
}

static JsonNode *
variant_to_json (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return json_node_init_string (json_node_alloc (), g_variant_get_string (value, NULL));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return json_node_init_boolean (json_node_alloc (), g_variant_get_boolean (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return json_node_init_int (json_node_alloc (), g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return json_node_init_double (json_node_alloc (), g_variant_get_double (value));

  return json_node_init_null (json_node_alloc ());
}

static gboolean
get_optional_string (JsonObject  *object,
                     const char  *key,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s” must be a string"), key);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

/**
 * gloss_attribute_def_new_from_json:
 *
 * Reads {"name", "type", "values"?, "required"?, "default"?}. Unknown
 * members are ignored, as everywhere in the Gloss formats.
 *
 * Returns: (transfer full) (nullable): the definition, valid
 */
GlossAttributeDef *
gloss_attribute_def_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(GlossAttributeDef) def = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *name, *type_name;
  GlossAttributeType type;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("an attribute definition must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_optional_string (object, "name", &name, error) ||
      !get_optional_string (object, "type", &type_name, error))
    return NULL;
  if (name == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“name” is missing"));
      return NULL;
    }
  if (type_name == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s”: “type” is missing"), name);
      return NULL;
    }
  if (!gloss_attribute_type_from_string (type_name, &type))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: unknown type “%s” (expected text, choice, boolean, number, date or url)"),
                   name, type_name);
      return NULL;
    }

  def = gloss_attribute_def_new (name, type);

  member = json_object_get_member (object, "values");
  if (member != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) values = NULL;
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s”: “values” must be an array of strings"), name);
          return NULL;
        }
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *v = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_STRING)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s”: “values” must be an array of strings"), name);
              return NULL;
            }
          g_strv_builder_add (builder, json_node_get_string (v));
        }
      values = g_strv_builder_end (builder);
      gloss_attribute_def_set_values (def, (const char * const *) values);
    }

  member = json_object_get_member (object, "required");
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s”: “required” must be true or false"), name);
          return NULL;
        }
      def->required = json_node_get_boolean (member);
    }

  member = json_object_get_member (object, "default");
  if (member != NULL)
    {
      GVariant *value = json_to_variant (member);

      if (value == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("“%s”: “default” must be a string, number or boolean"), name);
          return NULL;
        }
      gloss_attribute_def_set_default (def, value);
    }

  if (!gloss_attribute_def_validate (def, error))
    return NULL;

  return g_steal_pointer (&def);
}

/**
 * gloss_attribute_def_to_json:
 *
 * Returns: (transfer full): {"name", "type", "values"?, "required"?,
 *   "default"?}, optional members only when set
 */
JsonNode *
gloss_attribute_def_to_json (GlossAttributeDef *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  json_object_set_string_member (object, "name", self->name);
  json_object_set_string_member (object, "type", gloss_attribute_type_to_string (self->type));
  if (self->values[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; self->values[i] != NULL; i++)
        json_array_add_string_element (array, self->values[i]);
      json_object_set_array_member (object, "values", array);
    }
  if (self->required)
    json_object_set_boolean_member (object, "required", TRUE);
  if (self->default_value != NULL)
    json_object_set_member (object, "default", variant_to_json (self->default_value));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}
