/* gloss-file-policy.c: what saving does with links and read-only files
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-file-policy.h"

GFile *
gloss_file_policy_resolve (GFile             *file,
                           GFileCreateFlags  *flags,
                           guint32           *mode,
                           GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(GFile) target = NULL;
  GStatBuf st;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (flags != NULL && mode != NULL, NULL);

  *flags = G_FILE_CREATE_NONE;
  *mode = 0;

  path = g_file_get_path (file);
  if (path == NULL)
    return g_object_ref (file);  /* not local: GIO's backend decides */

  resolved = realpath (path, NULL);
  if (resolved == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
        {
          g_autofree char *link_target = g_file_read_link (path, NULL);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("“%s” is a link to “%s”, which does not exist"),
                       path, link_target ? link_target : "?");
          return NULL;
        }

      /* A new file, or an error g_file_replace() reports better. */
      return g_object_ref (file);
    }

  target = g_strcmp0 (resolved, path) == 0 ? g_object_ref (file)
                                            : g_file_new_for_path (resolved);

  if (g_stat (resolved, &st) != 0 || !S_ISREG (st.st_mode))
    return g_steal_pointer (&target);

  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("“%s” is read-only"), path);
      return NULL;
    }

  /* Without a writable folder GIO cannot make a temporary file and falls
   * back to rewriting the file in place: refuse rather than risk it. */
  {
    g_autofree char *dir = g_path_get_dirname (resolved);

    if (access (dir, W_OK) != 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Cannot save safely in the folder “%s”: it is not writable"), dir);
        return NULL;
      }
  }

  if (st.st_nlink > 1 || (geteuid () != 0 && st.st_uid != geteuid ()))
    {
      *flags = G_FILE_CREATE_REPLACE_DESTINATION;
      *mode = st.st_mode & 07777;
    }

  return g_steal_pointer (&target);
}
