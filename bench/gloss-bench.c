/* gloss-bench.c: how the core scales, in figures anyone can reproduce
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each article size and annotation count, a fresh process generates
 * the file, and another one loads it and measures; peak memory is that
 * second process's maximum resident set. Prints a table and writes JSON.
 * Run: build/bench/gloss-bench [--quick] [--json FILE]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-data.h"
#include "bench-cases.h"
#include "gloss-file.h"
#include "gloss-format.h"
#include "gloss-occurrences.h"

typedef struct
{
  guint n_chars;
  guint n_annotations;
} Size;

static const Size full_sizes[] = {
  { 10000, 1000 }, { 100000, 1000 }, { 100000, 10000 },
  { 1000000, 10000 }, { 1000000, 100000 },
};

static const Size quick_sizes[] = {
  { 10000, 1000 }, { 100000, 10000 },
};

static void
stats (GArray *samples,
       double *median,
       double *worst)
{
  g_array_sort (samples, bench_compare_double);
  *median = samples->len ? g_array_index (samples, double, samples->len / 2) : 0;
  *worst = samples->len ? g_array_index (samples, double, samples->len - 1) : 0;
}

static void
emit (GString    *json,
      const char *name,
      GArray     *samples_s)
{
  double median, worst;

  stats (samples_s, &median, &worst);
  g_string_append_printf (json, "\"%s\":{\"median_ms\":%.3f,\"worst_ms\":%.3f,\"n\":%u},",
                          name, median * 1e3, worst * 1e3, samples_s->len);
}

static GArray *
new_samples (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
sample (GArray *samples,
        double  t0)
{
  double dt = bench_now () - t0;

  g_array_append_val (samples, dt);
}

/* Runs in a child process; writes one JSON object to @fd. */
static void
measure (const char *path,
         const Size *size,
         int         fd)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GString *json = g_string_new ("{");
  GRand *rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) load = new_samples ();
  g_autoptr(GArray) save = new_samples ();
  g_autoptr(GArray) draft_capture = new_samples ();
  g_autoptr(GArray) create = new_samples ();
  g_autoptr(GArray) relabel = new_samples ();
  g_autoptr(GArray) delete = new_samples ();
  g_autoptr(GArray) undo = new_samples ();
  g_autoptr(GArray) query = new_samples ();
  g_autoptr(GArray) annotate_all = new_samples ();
  GlossAnnotationStore *store;
  double t0;

  bytes = gloss_file_load (file, GLOSS_FORMAT_MAX_BYTES, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Core load: pre-scan, parse, validate, build and index. */
  t0 = bench_now ();
  doc = gloss_format_read (bytes, GLOSS_LOAD_FLAGS_NONE, NULL, &error);
  sample (load, t0);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  store = gloss_document_get_annotations (doc);

  /* Single edits, each one undoable step. */
  for (guint i = 0; i < 200; i++)
    {
      guint start = g_rand_int_range (rand, 0, size->n_chars - 20);
      GlossAnnotation *a;

      t0 = bench_now ();
      a = gloss_document_annotate (doc, "PERSON", start, start + 12, NULL);
      sample (create, t0);

      t0 = bench_now ();
      a = gloss_document_relabel (doc, a, "ORG", NULL);
      sample (relabel, t0);

      t0 = bench_now ();
      gloss_document_remove_annotation (doc, a);
      sample (delete, t0);

      t0 = bench_now ();
      gloss_document_undo (doc);
      sample (undo, t0);
    }

  /* What one frame of the article view asks: a screenful of text. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) hits = g_ptr_array_new ();
      guint start = g_rand_int_range (rand, 0, size->n_chars - 3000);

      t0 = bench_now ();
      gloss_annotation_store_query (store, start, start + 3000, hits);
      sample (query, t0);
    }

  /* Annotate all occurrences of a frequent word, then undo. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GArray) occ = NULL;
      g_autoptr(GlossAnnotation) model = gloss_annotation_new ("PERSON", 0, 1);

      t0 = bench_now ();
      occ = gloss_find_occurrences (doc, "minister", GLOSS_SEARCH_WHOLE_WORD, "PERSON", 0, NULL);
      gloss_annotate_occurrences (doc, occ, model, NULL, NULL);
      sample (annotate_all, t0);
      gloss_document_undo (doc);
    }

  /* Save: serialise and atomically replace. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) out = NULL;
      g_autofree char *tmp = g_strconcat (path, ".saved", NULL);
      g_autoptr(GFile) tmp_file = g_file_new_for_path (tmp);

      t0 = bench_now ();
      out = gloss_format_write (doc);
      g_assert_true (gloss_file_replace (tmp_file, out, NULL, NULL, NULL, &error));
      sample (save, t0);
      g_unlink (tmp);
    }

  /* What an autosaved draft costs the window: the capture on its thread
   * (the writing runs in a worker thread). */
  for (guint i = 0; i < 5; i++)
    {
      GlossFormatSnapshot *snapshot;

      t0 = bench_now ();
      snapshot = gloss_format_snapshot_new (doc);
      sample (draft_capture, t0);
      gloss_format_snapshot_free (snapshot);
    }

  emit (json, "load", load);
  emit (json, "save", save);
  emit (json, "draft_capture", draft_capture);
  emit (json, "create", create);
  emit (json, "relabel", relabel);
  emit (json, "delete", delete);
  emit (json, "undo", undo);
  emit (json, "visible_query", query);
  emit (json, "annotate_all", annotate_all);
  bench_cases_run (doc, json);

  g_string_truncate (json, json->len - 1);
  g_string_append (json, "}");
  if (write (fd, json->str, json->len) < 0)
    g_printerr ("write failed\n");

  g_string_free (json, TRUE);
  g_rand_free (rand);
}

static void
generate (const char *path,
          const Size *size)
{
  g_autoptr(GlossDocument) doc = bench_make_document (size->n_chars, size->n_annotations, 42);
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!gloss_file_replace (file, bytes, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

static char *
run_case (const char *dir,
          const Size *size,
          long       *peak_kb,
          gsize      *file_bytes)
{
  g_autofree char *path = g_strdup_printf ("%s/bench-%u-%u.gloss.json", dir, size->n_chars, size->n_annotations);
  GString *result = g_string_new (NULL);
  struct rusage usage;
  int status;
  int fds[2];
  pid_t pid;
  char buf[4096];
  ssize_t n;
  GStatBuf st;

  pid = fork ();
  if (pid == 0)
    {
      generate (path, size);
      _exit (0);
    }
  waitpid (pid, &status, 0);
  if (g_stat (path, &st) == 0)
    *file_bytes = st.st_size;

  if (pipe (fds) != 0)
    g_error ("pipe failed");

  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      measure (path, size, fds[1]);
      close (fds[1]);
      _exit (0);
    }

  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (result, buf, n);
  close (fds[0]);

  wait4 (pid, &status, 0, &usage);
  *peak_kb = usage.ru_maxrss;
  g_unlink (path);

  return g_string_free (result, FALSE);
}

static double
field (JsonObject *object,
       const char *name,
       const char *key)
{
  JsonObject *o = json_object_has_member (object, name) ? json_object_get_object_member (object, name) : NULL;

  return o ? json_object_get_double_member (o, key) : -1;
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = FALSE;
  g_autofree char *json_path = NULL;
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Only the small sizes", NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures as JSON to FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure the Gloss core");
  g_autoptr(GError) error = NULL;
  const Size *sizes = quick ? quick_sizes : full_sizes;
  guint n_sizes;
  GString *all = g_string_new ("{\"generator\":\"gloss-bench " PACKAGE_VERSION "\",\"cases\":[");
  const char *columns[] = { "load", "save", "draft_capture", "create", "relabel", "delete", "undo", "visible_query",
                            "annotate_all", BENCH_CASE_COLUMNS };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  sizes = quick ? quick_sizes : full_sizes;
  n_sizes = quick ? G_N_ELEMENTS (quick_sizes) : G_N_ELEMENTS (full_sizes);
  dir = g_dir_make_tmp ("gloss-bench-XXXXXX", NULL);

  printf ("Gloss core benchmark (%s): times in ms as median/worst, memory = peak RSS of the measuring process\n\n",
          PACKAGE_VERSION);
  printf ("%-9s %-8s %8s", "chars", "annots", "file MB");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    printf (" %17s", columns[c]);
  printf (" %8s\n", "peak MB");

  for (guint i = 0; i < n_sizes; i++)
    {
      long peak_kb = 0;
      gsize file_bytes = 0;
      g_autofree char *result = run_case (dir, &sizes[i], &peak_kb, &file_bytes);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      if (!json_parser_load_from_data (parser, result, -1, NULL))
        {
          g_printerr ("case %u/%u failed\n", sizes[i].n_chars, sizes[i].n_annotations);
          continue;
        }
      object = json_node_get_object (json_parser_get_root (parser));

      printf ("%-9u %-8u %8.1f", sizes[i].n_chars, sizes[i].n_annotations, file_bytes / 1e6);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          char cell[32];

          g_snprintf (cell, sizeof cell, "%.2f/%.2f",
                      field (object, columns[c], "median_ms"), field (object, columns[c], "worst_ms"));
          printf (" %17s", cell);
        }
      printf (" %8.0f\n", peak_kb / 1024.0);
      fflush (stdout);

      g_string_append_printf (all, "%s{\"chars\":%u,\"annotations\":%u,\"file_bytes\":%" G_GSIZE_FORMAT ",\"peak_rss_kb\":%ld,\"figures\":%s}",
                              i ? "," : "", sizes[i].n_chars, sizes[i].n_annotations, file_bytes, peak_kb, result);
    }

  g_string_append (all, "]}\n");
  if (json_path != NULL && !g_file_set_contents (json_path, all->str, all->len, &error))
    g_printerr ("%s\n", error->message);

  g_rmdir (dir);
  g_string_free (all, TRUE);

  return 0;
}
