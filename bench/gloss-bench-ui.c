/* gloss-bench-ui.c: how the app feels at scale, in frames
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each article size the launcher generates a .gloss.json file, then
 * runs itself again (`--child FILE`) once per GSK renderer asked for
 * ("auto": the one Gloss picks, gloss-renderer.c): the child
 * opens the file in a real GlossWindow and measures, in frames of the
 * window's GdkFrameClock,
 *   - open: from gloss_window_open_file () to the end of the first frame
 *     that shows the document page with the text laid out for the
 *     viewport; "laid out" when GtkTextView has finished laying out the
 *     rest in the background (the main loop is idle again); "stall" is the
 *     longest the main loop did not answer in between (responsiveness);
 *   - create, relabel, delete, undo: from the action (win.tag,
 *     win.delete-annotation, win.undo) to the end of the next frame;
 *     and ("after") the busiest of the frames the edit causes after that
 *     one, until the window is idle: the sidebar list scrolling to a new
 *     row, the detail pane sliding in or out, a toast;
 *   - scroll: top to bottom a viewport at a time, from setting the
 *     adjustment to the end of the frame;
 *   each as the time the process was busy (the wall-clock time less the
 *   main loop's sleeps, such as the wait for the frame clock's next slot),
 *   its CPU time and its latency (all the wall-clock time), with the count
 *   of those over 16 ms;
 * and the launcher reads the child's peak resident memory (getrusage).
 *
 * Run under a display, e.g.
 *   xvfb-run -a -s "-screen 0 1600x1000x24" build/bench/gloss-bench-ui [--quick] [--json FILE]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-data.h"
#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-file.h"
#include "gloss-format.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"

#define N_EDITS 50
#define SETTLE_MS 40
#define FRAME_BUDGET_MS 16.0

typedef struct
{
  guint n_chars;
  guint n_annotations;
} Size;

static const Size full_sizes[] = {
  { 10000, 1000 }, { 100000, 10000 }, { 1000000, 100000 },
};

static const Size quick_sizes[] = {
  { 10000, 1000 }, { 100000, 10000 },
};

/* Child: the measurements --------------------------------------------------- */

/* A series of timed actions, each from the action to the end of the frame
 * that shows it: how long the process was busy (wall-clock time less the
 * time its main loop slept in poll(), e.g. waiting for the frame clock's
 * next slot), the CPU time, and the latency (all the wall-clock time);
 * and for edits, the busiest of the frames that follow until the window
 * is idle again (the list scrolling to a new row, the detail pane
 * sliding, a toast). */
typedef struct
{
  GArray *wall;
  GArray *cpu;
  GArray *latency;
  GArray *after;
  guint   missed;
} Series;

/* When an action starts: wall-clock, CPU and asleep-in-poll times. */
typedef struct
{
  double t;
  double cpu;
  double asleep;
} Mark;

static void
series_init (Series *series)
{
  series->wall = g_array_new (FALSE, FALSE, sizeof (double));
  series->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  series->latency = g_array_new (FALSE, FALSE, sizeof (double));
  series->after = g_array_new (FALSE, FALSE, sizeof (double));
  series->missed = 0;
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->wall, g_array_unref);
  g_clear_pointer (&series->cpu, g_array_unref);
  g_clear_pointer (&series->latency, g_array_unref);
  g_clear_pointer (&series->after, g_array_unref);
}

typedef struct
{
  GlossWindow   *window;
  GdkFrameClock *clock;
  double         t_paint;     /* end of the last frame */
  double         cpu_paint;   /* process CPU time then */
  double         asleep_paint; /* time asleep in poll() until then */
  double         t_before;    /* start of the last frame */
  double         t_layout;    /* its layout phase */
  double         t_draw;      /* its paint phase */
  guint          n_paints;
  gboolean       verbose_frames;
  double         t_tick;      /* last time the stall probe ran */
  double         max_stall;
} Probe;

static Probe probe;

/* CPU time of the whole process (the GL renderer's threads included):
 * what a frame cost, whatever else the machine was doing. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Time the main loop has spent asleep in poll(). */
static GPollFunc real_poll;
static double asleep;

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  double t = bench_now ();
  gint result = real_poll (fds, n_fds, timeout);

  asleep += bench_now () - t;
  return result;
}

static void
mark_now (Mark *mark)
{
  mark->t = bench_now ();
  mark->cpu = cpu_now ();
  mark->asleep = asleep;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  probe.t_paint = bench_now ();
  probe.cpu_paint = cpu_now ();
  probe.asleep_paint = asleep;
  probe.n_paints++;

  if (probe.verbose_frames && probe.t_paint - probe.t_before > 0.030)
    g_printerr ("slow frame: before→layout %.1f, layout→paint %.1f, paint→end %.1f ms\n",
                (probe.t_layout - probe.t_before) * 1e3, (probe.t_draw - probe.t_layout) * 1e3,
                (probe.t_paint - probe.t_draw) * 1e3);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  probe.t_before = bench_now ();
}

static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  probe.t_layout = bench_now ();
}

static void
paint_cb (GdkFrameClock *clock,
          gpointer       user_data)
{
  probe.t_draw = bench_now ();
}

static gboolean
stall_probe_cb (gpointer user_data)
{
  double now = bench_now ();

  if (probe.verbose_frames && probe.t_tick > 0 && now - probe.t_tick > 0.050)
    g_printerr ("main loop stalled %.1f ms\n", (now - probe.t_tick) * 1e3);
  if (probe.t_tick > 0)
    probe.max_stall = MAX (probe.max_stall, now - probe.t_tick);
  probe.t_tick = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until a frame ends after @since; returns its end, or
 * -1 if no frame came within @timeout_ms (nothing asked for a redraw). */
static double
wait_frame_after (double since,
                  guint  timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, flag_cb, &timed_out);

  while (probe.t_paint < since && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return probe.t_paint >= since ? probe.t_paint : -1;
}

/* Until the main loop has nothing left to do (GtkTextView lays out the
 * rest of the text in idle callbacks). */
static void
wait_quiet (void)
{
  for (guint quiet = 0; quiet < 3;)
    {
      if (g_main_context_iteration (NULL, FALSE))
        quiet = 0;
      else
        {
          quiet++;
          g_usleep (1000);
        }
    }
}

static void
upper_changed_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    data)
{
  *(double *) data = bench_now ();
}

static void
settle (void)
{
  wait_quiet ();
  wait_ms (g_getenv ("BENCH_SETTLE_MS") ? atoi (g_getenv ("BENCH_SETTLE_MS")) : SETTLE_MS);
  wait_quiet ();
}

/* Until the window has drawn no frame for 100 ms (animations ended). */
static void
settle_still (void)
{
  settle ();
  for (double t = probe.t_paint; wait_frame_after (t + 1e-9, 100) >= 0; t = probe.t_paint)
    ;
}

/* Median, worst and count over the frame budget of @samples (sorted). */
static void
summarise (GArray *samples,
           double *median,
           double *worst,
           guint  *over)
{
  g_array_sort (samples, bench_compare_double);
  *median = samples->len > 0 ? g_array_index (samples, double, samples->len / 2) : 0;
  *worst = samples->len > 0 ? g_array_index (samples, double, samples->len - 1) : 0;
  *over = 0;
  for (guint i = 0; i < samples->len; i++)
    if (g_array_index (samples, double, i) * 1e3 > FRAME_BUDGET_MS)
      (*over)++;
}

static void
emit (GString    *json,
      const char *name,
      Series     *series)
{
  double median, worst, cpu_median, cpu_worst, latency_median, latency_worst, after_median, after_worst;
  guint over, cpu_over, latency_over, after_over;

  if (series->after->len > 0)
    {
      summarise (series->after, &after_median, &after_worst, &after_over);
      g_string_append_printf (json, "\"%s\":{\"after_median_ms\":%.3f,\"after_worst_ms\":%.3f,\"after_over_16ms\":%u,",
                              name, after_median * 1e3, after_worst * 1e3, after_over);
    }
  else
    g_string_append_printf (json, "\"%s\":{", name);
  summarise (series->wall, &median, &worst, &over);
  summarise (series->cpu, &cpu_median, &cpu_worst, &cpu_over);
  summarise (series->latency, &latency_median, &latency_worst, &latency_over);

  g_string_append_printf (json, "\"median_ms\":%.3f,\"worst_ms\":%.3f,\"n\":%u,\"over_16ms\":%u,\"no_frame\":%u,"
                          "\"cpu_median_ms\":%.3f,\"cpu_worst_ms\":%.3f,"
                          "\"latency_median_ms\":%.3f,\"latency_worst_ms\":%.3f,\"latency_over_16ms\":%u},",
                          median * 1e3, worst * 1e3, series->wall->len, over, series->missed,
                          cpu_median * 1e3, cpu_worst * 1e3,
                          latency_median * 1e3, latency_worst * 1e3, latency_over);
}

/* With BENCH_PERF_CTL=FIFO, `perf record --control fifo:FIFO,FIFO.ack -D -1`
 * records the timed edits only (BENCH_PERF_ACTION=win.undo: one action; =scroll: the scroll
 * frames; =jump: the jumps; =search: the search keystrokes; =open: opening
 * the file until it is laid out). */
static void
perf_control (const char *command)
{
  static FILE *fifo, *ack;
  const char *path = g_getenv ("BENCH_PERF_CTL");
  const char *log = g_getenv ("BENCH_PERF_LOG");
  char line[16];

  /* Or, with BENCH_PERF_LOG=FILE, the CLOCK_MONOTONIC times at which the
   * recording would start and stop, to pick the samples of a whole-run
   * `perf record` (whose timestamps are that clock on Linux). */
  if (log != NULL)
    {
      static FILE *out;
      struct timespec ts;

      if (out == NULL && (out = fopen (log, "w")) == NULL)
        g_error ("BENCH_PERF_LOG: cannot open %s", log);
      clock_gettime (CLOCK_MONOTONIC, &ts);
      fprintf (out, "%s %ld.%09ld\n", command, (long) ts.tv_sec, ts.tv_nsec);
      fflush (out);
      return;
    }
  if (path == NULL)
    return;
  if (fifo == NULL)
    {
      g_autofree char *ack_path = g_strconcat (path, ".ack", NULL);

      if ((fifo = fopen (path, "w")) == NULL || (ack = fopen (ack_path, "r")) == NULL)
        g_error ("BENCH_PERF_CTL: cannot open %s and %s", path, ack_path);
    }
  fprintf (fifo, "%s\n", command);
  fflush (fifo);
  if (fgets (line, sizeof line, ack) == NULL)
    g_error ("BENCH_PERF_CTL: perf did not answer");
}

/* perf_control () for the part named @what (open, jump, search, scroll),
 * when BENCH_PERF_ACTION names it. */
static void
perf_control_for (const char *what,
                  const char *command)
{
  if (g_strcmp0 (g_getenv ("BENCH_PERF_ACTION"), what) == 0)
    perf_control (command);
}

/* Records an action started at @mark and shown by the frame that ended at
 * @t_end, or -1 if none came. */
static void
series_add (Series     *series,
            const Mark *mark,
            double      t_end)
{
  if (t_end < 0)
    series->missed++;
  else
    {
      g_array_append_val (series->wall, (double) { t_end - mark->t - (probe.asleep_paint - mark->asleep) });
      g_array_append_val (series->cpu, (double) { probe.cpu_paint - mark->cpu });
      g_array_append_val (series->latency, (double) { t_end - mark->t });
    }
}

typedef struct {
  const char *action;
  const char *format;
  const char *value;
} ActionCall;

static void
activate_action (gpointer data,
                 gpointer user_data)
{
  const ActionCall *call = data;

  if (call->format != NULL)
    gtk_widget_activate_action (GTK_WIDGET (probe.window), call->action, call->format, call->value);
  else
    gtk_widget_activate_action (GTK_WIDGET (probe.window), call->action, NULL);
}

/* Times @run (@name for BENCH_PERF_ACTION and BENCH_VERBOSE, with
 * @value) from its call to the end of the frame that follows; the
 * frames after that, until none comes for 100 ms, are its `after`. */
static void
time_call (Series     *series,
           const char *name,
           const char *value,
           GFunc       run,
           gpointer    data)
{
  Mark mark;
  double t0, t1, t_sync;

  /* Without BENCH_PERF_ACTION, the edits (the window's actions). */
  gboolean profiled = (g_getenv ("BENCH_PERF_ACTION") == NULL && g_str_has_prefix (name, "win.")) ||
                      g_strcmp0 (g_getenv ("BENCH_PERF_ACTION"), name) == 0;

  if (profiled)
    perf_control ("enable");
  mark_now (&mark);
  t0 = mark.t;

  run (data, NULL);

  t_sync = bench_now ();
  t1 = wait_frame_after (t0, 1000);
  if (profiled)
    perf_control ("disable");
  series_add (series, &mark, t1);
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    g_printerr ("%s %s: sync %.1f, wait %.1f, before→layout %.1f, layout→paint %.1f, paint→end %.1f, frames after:",
                name, value ? value : "", (t_sync - t0) * 1e3, (probe.t_before - t_sync) * 1e3,
                (probe.t_layout - probe.t_before) * 1e3, (probe.t_draw - probe.t_layout) * 1e3,
                (probe.t_paint - probe.t_draw) * 1e3);

  /* The frames the edit causes after its first, until none comes for
   * 100 ms: each one's busy time since the frame before. */
  if (t1 >= 0)
    {
      double t_prev = t1, asleep_prev = probe.asleep_paint, worst = 0;
      gboolean next = profiled && g_getenv ("BENCH_PERF_NEXT") != NULL;
      gboolean all = next && g_str_equal (g_getenv ("BENCH_PERF_NEXT"), "all");

      /* BENCH_PERF_NEXT: the first of them as a window of its own;
       * =all: all of them, as one. */
      if (next)
        perf_control ("enable");
      for (double t2; (t2 = wait_frame_after (t_prev + 1e-9, 100)) >= 0;)
        {
          double busy = t2 - t_prev - (probe.asleep_paint - asleep_prev);

          if (next && !all)
            {
              perf_control ("disable");
              next = FALSE;
            }
          if (g_getenv ("BENCH_VERBOSE") != NULL)
            g_printerr (" %.1f", busy * 1e3);
          worst = MAX (worst, busy);
          t_prev = t2;
          asleep_prev = probe.asleep_paint;
        }
      if (next)
        perf_control ("disable");
      g_array_append_val (series->after, worst);
    }
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    g_printerr ("\n");
}

/* Times @action (with @value, of the GVariant @format) like time_call (). */
static void
time_action (Series     *series,
             const char *action,
             const char *format,
             const char *value)
{
  ActionCall call = { action, format, value };

  time_call (series, action, value, (GFunc) activate_action, &call);
}

static void
select_annotation (gpointer data,
                   gpointer user_data)
{
  GlossAnnotation *annotation = data;

  gloss_sidebar_select_annotation (GLOSS_SIDEBAR (gloss_window_get_sidebar (probe.window)), annotation);
}

static int
child_main (const char *path)
{
  g_autoptr(GlossApplication) app = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-bench-ui-XXXXXX", NULL);
  Series create, relabel, delete, undo, jump, search, save, scroll;
  Mark mark;
  GListModel *store;
  GString *json = g_string_new ("{");
  GlossArticleView *view;
  GlossSidebar *sidebar;
  GlossDocument *document;
  GtkAdjustment *vadj;
  GRand *rand = g_rand_new_with_seed (11);
  double t0, c0, c1, t_end, t_first = -1, t_full, t_upper, stall;
  guint length, stall_id, n_edits;

  series_init (&create);
  series_init (&relabel);
  series_init (&delete);
  series_init (&undo);
  series_init (&jump);
  series_init (&search);
  series_init (&save);
  series_init (&scroll);

  /* Keep the recent-files list and settings out of the user's. */
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, FALSE);

  gtk_init ();
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Bench");
  /* Autosaved drafts are serialized in a worker thread whose CPU time
   * would land on whichever frame is being timed; their cost to the
   * window is measured by gloss-bench (draft_capture). */
  g_settings_set_uint (gloss_application_get_settings (app), "autosave-delay", 300);

  probe.window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (probe.window), 1400, 900);
  gtk_window_present (GTK_WINDOW (probe.window));
  settle ();

  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (probe.window));
  sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (probe.window));
  probe.clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe.window));
  g_signal_connect (probe.clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (probe.clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (probe.clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (probe.clock, "paint", G_CALLBACK (paint_cb), NULL);

  /* Open. */
  stall_id = g_timeout_add_full (G_PRIORITY_HIGH, 2, stall_probe_cb, NULL, NULL);
  probe.t_tick = 0;
  probe.verbose_frames = g_getenv ("BENCH_VERBOSE") != NULL;
  perf_control_for ("open", "enable");
  t0 = bench_now ();
  gloss_window_open_file (probe.window, file);
  for (;;)
    {
      double t = wait_frame_after (probe.t_paint + 1e-9, 60000);

      if (t < 0)
        g_error ("No frame within a minute of opening");
      if (gloss_window_has_document (probe.window) &&
          gtk_widget_get_mapped (GTK_WIDGET (view)) &&
          gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))) > 0)
        {
          t_first = t - t0;
          break;
        }
    }
  /* The rest is laid out when the height stops changing for a while. */
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_signal_connect (vadj, "notify::upper", G_CALLBACK (upper_changed_cb), &t_upper);
  t_upper = bench_now ();
  while (bench_now () - t_upper < 1.0)
    {
      guint id = g_timeout_add (100, flag_cb, &(gboolean) { FALSE });

      g_main_context_iteration (NULL, TRUE);
      g_source_remove (id);
    }
  g_signal_handlers_disconnect_by_func (vadj, upper_changed_cb, &t_upper);
  perf_control_for ("open", "disable");
  t_full = MAX (t_upper, t0 + t_first) - t0;
  stall = probe.max_stall;
  g_source_remove (stall_id);
  probe.verbose_frames = FALSE;

  document = gloss_window_get_document (probe.window);
  length = gloss_document_get_length (document);
  /* The renderer the window draws with: "auto" leaves the choice to Gloss. */
  {
    g_autofree char *used = g_ascii_strdown (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (probe.window))), -1);
    char *end = g_str_has_suffix (used, "renderer") ? used + strlen (used) - strlen ("renderer") : NULL;

    if (end != NULL)
      *end = '\0';
    g_string_append_printf (json, "\"renderer_used\":\"%s\",", g_str_has_prefix (used, "gsk") ? used + 3 : used);
  }
  g_string_append_printf (json, "\"open\":{\"first_frame_ms\":%.3f,\"laid_out_ms\":%.3f,\"max_stall_ms\":%.3f,\"height_px\":%.0f},",
                          t_first * 1e3, t_full * 1e3, stall * 1e3, gtk_adjustment_get_upper (vadj));
  settle ();

  /* Single edits where the user is looking. */
  n_edits = g_getenv ("BENCH_EDITS") != NULL ? (guint) atoi (g_getenv ("BENCH_EDITS")) : N_EDITS;
  for (guint i = 0; i < n_edits; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 40);
      g_autofree char *id = NULL;
      GlossAnnotation *selected;

      /* The reader scrolls there first (the text sits a third down) and
       * selects the words once it stands still: the scroll animates for
       * 200 ms, and a drag takes longer. */
      gloss_article_view_scroll_to_range (view, start);
      settle_still ();
      gloss_article_view_select_range (view, start, start + 12);
      settle_still ();
      time_action (&create, "win.tag", "s", "PERSON");
      settle ();

      selected = gloss_sidebar_get_selected_annotation (sidebar);
      /* Tagging trims white space at the ends of the selection. */
      if (selected == NULL ||
          gloss_annotation_get_start (selected) < start ||
          gloss_annotation_get_end (selected) > start + 12)
        g_error ("The new annotation is not selected");

      id = g_strdup (gloss_annotation_get_id (selected));

      /* Each edit must have done its work, or its time means nothing. */
      time_action (&relabel, "win.tag", "s", "ORG");
      settle ();
      selected = gloss_sidebar_get_selected_annotation (sidebar);
      if (selected == NULL || g_strcmp0 (gloss_annotation_get_id (selected), id) != 0 ||
          g_strcmp0 (gloss_annotation_get_label (selected), "ORG") != 0)
        g_error ("The relabelled annotation is not selected");
      time_action (&delete, "win.delete-annotation", NULL, NULL);
      settle ();
      if (gloss_annotation_store_lookup (gloss_document_get_annotations (document), id) != NULL)
        g_error ("The annotation was not deleted");
      time_action (&undo, "win.undo", NULL, NULL);
      settle ();
      if (gloss_annotation_store_lookup (gloss_document_get_annotations (document), id) == NULL)
        g_error ("Undo did not bring the annotation back");
    }

  /* Selecting a distant annotation (a click in the text, a search hit):
   * the text scrolls to it in the first frame, and the list follows in
   * the frames after. */
  store = G_LIST_MODEL (gloss_document_get_annotations (document));
  for (guint i = 0; i < n_edits && g_getenv ("BENCH_NO_JUMP") == NULL && g_list_model_get_n_items (store) > 0; i++)
    {
      g_autoptr(GlossAnnotation) target = g_list_model_get_item (store, g_rand_int_range (rand, 0, g_list_model_get_n_items (store)));

      time_call (&jump, "jump", NULL, select_annotation, target);
      settle ();
    }

  /* Typing in the sidebar's search (each keystroke refilters 100,000
   * annotations on a long article), timed to the end of the frame that
   * shows the result; the search entry's own typing delay is left out.
   * The user clicks into the entry first, and types a second later. */
  gloss_sidebar_focus_search (sidebar);
  settle ();
  wait_ms (1000);
  for (guint i = 0; i < MAX (n_edits / 10, 1); i++)
    {
      const char *typed[] = { "t", "th", "the", "th", "t", "", "a", "an", "and", "", "zq", "" };

      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        {
          perf_control_for ("search", "enable");
          mark_now (&mark);
          gloss_sidebar_set_search_text (sidebar, typed[k]);
          t_end = wait_frame_after (mark.t, 5000);
          perf_control_for ("search", "disable");
          series_add (&search, &mark, t_end);
          settle ();
        }
    }

  /* Saving (Ctrl+S): how long the window cannot draw a frame, from the
   * key press until the file is written; the CPU figure is the part
   * spent before the action returns. */
  for (guint i = 0; i < MAX (n_edits / 10, 1); i++)
    {
      double t_sync;

      stall_id = g_timeout_add_full (G_PRIORITY_HIGH, 2, stall_probe_cb, NULL, NULL);
      probe.max_stall = 0;
      t0 = probe.t_tick = bench_now ();
      c0 = cpu_now ();
      gtk_widget_activate_action (GTK_WIDGET (probe.window), "win.save", NULL);
      t_sync = bench_now ();
      probe.max_stall = MAX (probe.max_stall, t_sync - probe.t_tick);
      c1 = cpu_now ();
      while (gloss_window_get_busy (probe.window) && bench_now () - t0 < 30)
        g_main_context_iteration (NULL, TRUE);
      t_end = bench_now ();
      g_source_remove (stall_id);
      if (gloss_window_get_busy (probe.window) || gloss_document_get_modified (document))
        save.missed++;
      else
        {
          g_array_append_val (save.wall, probe.max_stall);
          g_array_append_val (save.cpu, (double) { c1 - c0 });
          g_array_append_val (save.latency, (double) { t_end - t0 });
        }
      settle ();
    }

  /* Scrolling, a viewport per frame, once everything is laid out. */
  gtk_adjustment_set_value (vadj, 0);
  settle ();
  for (; g_getenv ("BENCH_NO_SCROLL") == NULL;)
    {
      double value = gtk_adjustment_get_value (vadj);
      double page = gtk_adjustment_get_page_size (vadj);
      double upper = gtk_adjustment_get_upper (vadj);
      double t;

      if (value + page >= upper)
        break;

      perf_control_for ("scroll", "enable");
      mark_now (&mark);
      gtk_adjustment_set_value (vadj, MIN (value + page, upper - page));
      t = wait_frame_after (mark.t, 1000);
      perf_control_for ("scroll", "disable");
      series_add (&scroll, &mark, t);
      if (g_getenv ("BENCH_VERBOSE") != NULL && t >= 0)
        g_printerr ("scroll %.0f: %.1f (CPU %.1f): wait %.1f, before→layout %.1f, layout→paint %.1f, paint→end %.1f\n",
                    value, (t - mark.t) * 1e3, (probe.cpu_paint - mark.cpu) * 1e3, (probe.t_before - mark.t) * 1e3,
                    (probe.t_layout - probe.t_before) * 1e3, (probe.t_draw - probe.t_layout) * 1e3,
                    (probe.t_paint - probe.t_draw) * 1e3);
      wait_quiet ();
      wait_ms (20);
    }

  emit (json, "create", &create);
  series_clear (&create);
  emit (json, "relabel", &relabel);
  series_clear (&relabel);
  emit (json, "delete", &delete);
  series_clear (&delete);
  emit (json, "undo", &undo);
  series_clear (&undo);
  emit (json, "jump", &jump);
  series_clear (&jump);
  emit (json, "search", &search);
  series_clear (&search);
  emit (json, "save", &save);
  series_clear (&save);
  emit (json, "scroll", &scroll);
  series_clear (&scroll);


  g_string_truncate (json, json->len - 1);
  g_string_append (json, "}");
  fwrite (json->str, 1, json->len, stdout);
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (probe.window));
  g_string_free (json, TRUE);
  g_rand_free (rand);

  return 0;
}

/* Launcher ------------------------------------------------------------------ */

static void
generate (const char *path,
          const Size *size,
          gsize      *file_bytes)
{
  g_autoptr(GlossDocument) doc = bench_make_document (size->n_chars, size->n_annotations, 42);
  g_autoptr(GBytes) bytes = gloss_format_write (doc);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!gloss_file_replace (file, bytes, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  *file_bytes = g_bytes_get_size (bytes);
}

/* Runs `self --child PATH` with GSK_RENDERER=@renderer; returns its JSON. */
static char *
run_child (const char *self_exe,
           const char *path,
           const char *renderer,
           long       *peak_kb)
{
  GString *result = g_string_new (NULL);
  struct rusage usage;
  int status = 0;
  int fds[2];
  pid_t pid;
  char buf[4096];
  ssize_t n;

  if (pipe (fds) != 0)
    g_error ("pipe failed");

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[1]);
      if (g_strcmp0 (renderer, "auto") == 0)
        g_unsetenv ("GSK_RENDERER");
      else
        g_setenv ("GSK_RENDERER", renderer, TRUE);
      execl (self_exe, self_exe, "--child", path, NULL);
      _exit (127);
    }

  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (result, buf, n);
  close (fds[0]);

  wait4 (pid, &status, 0, &usage);
  *peak_kb = usage.ru_maxrss;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_string_free (result, TRUE);
      return NULL;
    }

  return g_string_free (result, FALSE);
}

static double
field (JsonObject *object,
       const char *name,
       const char *key)
{
  JsonObject *o = json_object_has_member (object, name) ? json_object_get_object_member (object, name) : NULL;

  return o != NULL && json_object_has_member (o, key) ? json_object_get_double_member (o, key) : -1;
}

/* One line of the table: each column's @prefix figures (wall-clock with
 * "", "cpu_", "latency_" or "after_") as median/worst, with the count
 * over 16 ms where there is one (CPU time has none); empty where the
 * column has none. */
static void
print_cells (JsonObject         *object,
             const char * const *columns,
             guint               n_columns,
             const char         *prefix)
{
  g_autofree char *median = g_strconcat (prefix, "median_ms", NULL);
  g_autofree char *worst = g_strconcat (prefix, "worst_ms", NULL);
  g_autofree char *over = g_strconcat (prefix, "over_16ms", NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      double n_over = field (object, columns[c], over);
      char cell[40];

      if (field (object, columns[c], median) < 0)
        cell[0] = '\0';
      else if (n_over >= 0)
        g_snprintf (cell, sizeof cell, "%.1f/%.1f (%.0f)", field (object, columns[c], median),
                    field (object, columns[c], worst), n_over);
      else
        g_snprintf (cell, sizeof cell, "%.1f/%.1f", field (object, columns[c], median),
                    field (object, columns[c], worst));
      printf (" %20s", cell);
    }
}

static gboolean
parse_size (const char *arg,
            Size       *size)
{
  char *end = NULL;
  guint64 chars = g_ascii_strtoull (arg, &end, 10);
  guint64 annots;

  if (end == arg || *end != ':')
    return FALSE;
  arg = end + 1;
  annots = g_ascii_strtoull (arg, &end, 10);
  if (end == arg || *end != '\0' || chars < 1000 || chars > 10000000 || annots > 1000000)
    return FALSE;

  size->n_chars = chars;
  size->n_annotations = annots;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = FALSE;
  g_autofree char *json_path = NULL;
  g_autofree char *child_path = NULL;
  g_autofree char *renderers_arg = NULL;
  g_autofree char *size_arg = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self_exe = NULL;
  g_auto(GStrv) renderers = NULL;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Only the small sizes", NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures as JSON to FILE", "FILE" },
    { "renderers", 0, 0, G_OPTION_ARG_STRING, &renderers_arg, "GSK renderers to run, comma-separated: auto (the one Gloss picks), cairo, gl (default: auto)", "LIST" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_arg, "Only this size, e.g. 1000000:100000", "CHARS:ANNOTATIONS" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_path, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure the Gloss window");
  g_autoptr(GError) error = NULL;
  const Size *sizes;
  Size one_size;
  guint n_sizes;
  GString *all;
  const char *columns[] = { "create", "relabel", "delete", "undo", "jump", "search", "save", "scroll" };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (child_path != NULL)
    return child_main (child_path);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run it under xvfb-run -a -s \"-screen 0 1600x1000x24\"\n");
      return 2;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);

  renderers = g_strsplit (renderers_arg != NULL ? renderers_arg : "auto", ",", -1);
  if (size_arg != NULL)
    {
      if (!parse_size (size_arg, &one_size))
        {
          g_printerr ("--size wants CHARS:ANNOTATIONS, e.g. 1000000:100000\n");
          return 2;
        }
      sizes = &one_size;
      n_sizes = 1;
    }
  else
    {
      sizes = quick ? quick_sizes : full_sizes;
      n_sizes = quick ? G_N_ELEMENTS (quick_sizes) : G_N_ELEMENTS (full_sizes);
    }
  dir = g_dir_make_tmp ("gloss-bench-ui-XXXXXX", NULL);
  all = g_string_new ("{\"generator\":\"gloss-bench-ui " PACKAGE_VERSION "\",\"cases\":[");

  printf ("Gloss UI benchmark (%s): times in ms; edits and scroll as median/worst (frames over 16 ms)\n\n",
          PACKAGE_VERSION);
  printf ("%-8s %-8s %-10s %8s %8s %8s", "chars", "annots", "render", "open", "laidout", "stall");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    printf (" %20s", columns[c]);
  printf (" %8s\n", "peak MB");

  for (guint i = 0; i < n_sizes; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/bench-%u-%u.gloss.json", dir,
                                               sizes[i].n_chars, sizes[i].n_annotations);
      g_autofree char *run_path = g_strdup_printf ("%s/run-%u-%u.gloss.json", dir,
                                                   sizes[i].n_chars, sizes[i].n_annotations);
      gsize file_bytes = 0;

      generate (path, &sizes[i], &file_bytes);

      for (guint r = 0; renderers[r] != NULL; r++)
        {
          long peak_kb = 0;
          g_autofree char *render = NULL;
          g_autofree char *contents = NULL;
          gsize length = 0;
          g_autofree char *result = NULL;
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *object;

          /* Each child saves the file it edits: the next one gets the
           * generated file as it was. */
          if (!g_file_get_contents (path, &contents, &length, &error) ||
              !g_file_set_contents (run_path, contents, length, &error))
            g_error ("%s", error->message);
          g_clear_pointer (&contents, g_free);
          result = run_child (self_exe, run_path, renderers[r], &peak_kb);
          g_unlink (run_path);

          if (result == NULL || !json_parser_load_from_data (parser, result, -1, NULL))
            {
              g_printerr ("case %u/%u (%s) failed\n", sizes[i].n_chars, sizes[i].n_annotations, renderers[r]);
              continue;
            }
          object = json_node_get_object (json_parser_get_root (parser));

          render = g_strcmp0 (renderers[r], "auto") == 0 ?
                   g_strdup_printf ("auto:%s", json_object_get_string_member_with_default (object, "renderer_used", "?")) :
                   g_strdup (renderers[r]);
          printf ("%-8u %-8u %-10s %8.0f %8.0f %8.0f", sizes[i].n_chars, sizes[i].n_annotations, render,
                  field (object, "open", "first_frame_ms"), field (object, "open", "laid_out_ms"),
                  field (object, "open", "max_stall_ms"));
          print_cells (object, columns, G_N_ELEMENTS (columns), "");
          printf (" %8.0f\n", peak_kb / 1024.0);
          /* The same frames in CPU time, which a busy machine does not inflate. */
          printf ("%-8s %-8s %-10s %8s %8s %8s", "", "", "  cpu", "", "", "");
          print_cells (object, columns, G_N_ELEMENTS (columns), "cpu_");
          printf ("\n");
          /* The same frames from the action to the frame's end, sleeps
           * included: the wait for the frame clock's next slot is up to a
           * refresh interval (a screen's vertical sync gives the same). */
          printf ("%-8s %-8s %-10s %8s %8s %8s", "", "", "latency", "", "", "");
          print_cells (object, columns, G_N_ELEMENTS (columns), "latency_");
          printf ("\n");
          /* An edit's later frames: the busiest of each, busy time. */
          printf ("%-8s %-8s %-10s %8s %8s %8s", "", "", "  after", "", "", "");
          print_cells (object, columns, G_N_ELEMENTS (columns), "after_");
          printf ("\n");
          fflush (stdout);

          g_string_append_printf (all, "%s{\"chars\":%u,\"annotations\":%u,\"renderer\":\"%s\",\"file_bytes\":%" G_GSIZE_FORMAT ",\"peak_rss_kb\":%ld,\"figures\":%s}",
                                  all->str[all->len - 1] == '[' ? "" : ",",
                                  sizes[i].n_chars, sizes[i].n_annotations, renderers[r],
                                  file_bytes, peak_kb, result);
        }
      g_unlink (path);
    }

  g_string_append (all, "]}\n");
  if (json_path != NULL && !g_file_set_contents (json_path, all->str, all->len, &error))
    g_printerr ("%s\n", error->message);

  g_rmdir (dir);
  g_string_free (all, TRUE);

  return 0;
}
