/* gloss-file.c: reading with limits, and saving that never destroys a file
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving follows reliability.md §1.3: g_file_replace() with the etag of the
 * last load or save, our own write loop, and on a write error the stream is
 * closed with an already-cancelled GCancellable, so GIO unlinks the temp
 * file instead of renaming a half-written file over the original (GLib
 * 2.74's g_file_replace_contents() does the latter on a full disk). */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-file.h"
#include "gloss-file-policy.h"

#define READ_CHUNK  (64 * 1024)
#define WRITE_CHUNK (1024 * 1024)

static GError *
too_large_error (guint64 size,
                 gsize   max_bytes)
{
  g_autofree char *size_str = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit_str = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

  /* Just over the limit: show the exact byte counts. */
  if (g_str_equal (size_str, limit_str))
    {
      g_free (size_str);
      g_free (limit_str);
      size_str = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
      limit_str = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
    }

  return g_error_new (GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                      _("The file is too large (%s; the limit is %s)"), size_str, limit_str);
}

/**
 * gloss_file_load:
 * @etag: (out) (optional): the etag of the file that was read
 *
 * Checks the size first, then reads with a cap (the file may grow while it
 * is read).
 *
 * Returns: (transfer full): the contents
 */
GBytes *
gloss_file_load (GFile         *file,
                 gsize          max_bytes,
                 char         **etag,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  goffset size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (etag != NULL)
    *etag = NULL;

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  /* Asking the open stream (fstat) describes exactly the file being read. */
  info = g_file_input_stream_query_info (in,
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_ETAG_VALUE,
                                         cancellable, NULL);
  if (info == NULL)
    info = g_file_query_info (file,
                              G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                              G_FILE_ATTRIBUTE_ETAG_VALUE,
                              G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      size = g_file_info_get_size (info);
      if (size > 0 && (guint64) size > max_bytes)
        {
          g_propagate_error (error, too_large_error ((guint64) size, max_bytes));
          return NULL;
        }
    }

  buffer = g_byte_array_sized_new ((guint) MIN ((gsize) MAX (size, 0) + 1, max_bytes + 1));

  while (TRUE)
    {
      guint8 chunk[READ_CHUNK];
      gssize n;

      n = g_input_stream_read (G_INPUT_STREAM (in), chunk, sizeof chunk, cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      if (buffer->len + (gsize) n > max_bytes)
        {
          g_propagate_error (error, too_large_error (buffer->len + (gsize) n, max_bytes));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }

  if (!g_input_stream_close (G_INPUT_STREAM (in), cancellable, error))
    return NULL;

  if (etag != NULL)
    *etag = g_strdup (g_file_info_get_etag (info));

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static guint64
stream_inode (GFileOutputStream *out)
{
  g_autoptr(GFileInfo) info =
    g_file_output_stream_query_info (out, G_FILE_ATTRIBUTE_UNIX_INODE, NULL, NULL);

  return info ? g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE) : 0;
}

/* Deletes @target if it is still the file of inode @inode we created. */
static void
remove_if_ours (GFile   *target,
                guint64  inode)
{
  g_autoptr(GFileInfo) info = NULL;

  if (inode == 0)
    return;
  info = g_file_query_info (target, G_FILE_ATTRIBUTE_UNIX_INODE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (info != NULL &&
      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE) == inode)
    g_file_delete (target, NULL, NULL);
}

/**
 * gloss_file_replace:
 * @etag: (nullable): the etag from the last load or save, or %NULL to
 *   overwrite whatever is there (Save As, after the user confirmed)
 * @new_etag: (out) (optional): the etag to use at the next save
 */
gboolean
gloss_file_replace (GFile         *file,
                    GBytes        *bytes,
                    const char    *etag,
                    char         **new_etag,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) target = NULL;
  GFileCreateFlags flags;
  guint32 mode;
  gboolean existed;
  guint64 written_inode;
  const guint8 *data;
  gsize len;
  gsize written = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  /* Links, read-only files, foreign owners: see gloss-file-policy.h. */
  target = gloss_file_policy_resolve (file, &flags, &mode, error);
  if (target == NULL)
    return FALSE;

  existed = g_file_query_exists (target, NULL);
  out = g_file_replace (target, etag, FALSE, flags, cancellable, error);
  if (out == NULL)
    return FALSE; /* G_IO_ERROR_WRONG_ETAG, PERMISSION_DENIED, READ_ONLY, … */

  data = g_bytes_get_data (bytes, &len);
  while (written < len)
    {
      GError *write_error = NULL;
      gssize n;

      n = g_output_stream_write (G_OUTPUT_STREAM (out), data + written,
                                 MIN (len - written, (gsize) WRITE_CHUNK),
                                 cancellable, &write_error);
      if (n <= 0)
        {
          g_autoptr(GCancellable) abort_close = g_cancellable_new ();

          /* Closing with a cancelled cancellable makes GIO drop the temp
           * file instead of renaming it over the original. */
          g_cancellable_cancel (abort_close);
          written_inode = stream_inode (out);
          g_output_stream_close (G_OUTPUT_STREAM (out), abort_close, NULL);
          /* A new file is written directly, not through a temp file: do
           * not leave a truncated file under the name the user chose. */
          if (!existed)
            remove_if_ours (target, written_inode);

          if (write_error == NULL)
            write_error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                       _("Could not write the file"));
          g_propagate_error (error, write_error);
          return FALSE;
        }
      written += (gsize) n;
    }

  written_inode = stream_inode (out);
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    {
      if (!existed)
        remove_if_ours (target, written_inode);
      return FALSE; /* fsync or rename failed; the temp file is removed */
    }

  /* A replace through a rename creates a new file: give it the old mode. */
  if (mode != 0)
    g_file_set_attribute_uint32 (target, G_FILE_ATTRIBUTE_UNIX_MODE, mode,
                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (out);

  return TRUE;
}

typedef struct
{
  GBytes *bytes;
  char   *etag;
  char   *new_etag;
} ReplaceData;

static void
replace_data_free (ReplaceData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->etag);
  g_free (data->new_etag);
  g_free (data);
}

static void
replace_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReplaceData *data = task_data;
  GError *error = NULL;

  if (gloss_file_replace (G_FILE (source_object), data->bytes, data->etag,
                          &data->new_etag, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gloss_file_replace_async (GFile               *file,
                          GBytes              *bytes,
                          const char          *etag,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReplaceData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (ReplaceData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->etag = g_strdup (etag);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_file_replace_async);
  g_task_set_task_data (task, data, (GDestroyNotify) replace_data_free);
  g_task_run_in_thread (task, replace_thread);
}

gboolean
gloss_file_replace_finish (GFile         *file,
                           GAsyncResult  *result,
                           char         **new_etag,
                           GError       **error)
{
  ReplaceData *data;

  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_file_replace_async, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (new_etag != NULL)
    *new_etag = g_steal_pointer (&data->new_etag);

  return TRUE;
}
