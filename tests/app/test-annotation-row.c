/* test-annotation-row.c
 * Copyright 2026 The Gloss authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-annotation-row.h"
#include "gloss-claim.h"
#include "gloss-test-utils.h"

#define LONG_QUOTE \
  "The council voted on Friday to build a movable sea barrier across the mouth of the estuary, " \
  "twelve days after the worst storm surge the harbour has recorded since measurements began."

static GlossAnnotation *
make_annotation (const char *label,
                 const char *quote,
                 const char *note)
{
  GlossAnnotation *a = gloss_annotation_new (label, 0, g_utf8_strlen (quote, -1));

  gloss_annotation_set_quote (a, quote);

  gloss_annotation_set_author (a, "Ada");
  if (note != NULL)
    gloss_annotation_set_note (a, note);

  return a;
}

typedef struct
{
  GtkWidget          *window;
  GlossAnnotationRow *row;
  GlossLabel         *person;  /* the label most tests show */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->row = GLOSS_ANNOTATION_ROW (gloss_annotation_row_new ());
  fixture->person = gloss_label_new ("PERSON", GLOSS_LABEL_KIND_ENTITY, "#3584e4", NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 320, -1);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->row));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->person);
}

/* Shows the window and waits until the row has been laid out. */
static void
show (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (fixture->window));
  while (gtk_widget_get_width (GTK_WIDGET (fixture->row)) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->row)), >, 0);
}

static int
height_for (Fixture *fixture,
            int      width)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (fixture->row), GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

/* What the row shows: the identifier as Wikidata's short form, the
 * quote and note shortened, the byline, a claim's verdict; and what a
 * screen reader hears. */
static void
test_texts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GlossAnnotation) person = make_annotation ("PERSON", "Ana Ruiz", "Mayor since 2019.");
  g_autoptr(GlossAnnotation) claim = make_annotation ("Claim", LONG_QUOTE LONG_QUOTE, NULL);
  GlossLabel *label = fixture->person;
  const char *quote;

  gloss_annotation_set_attribute (person, GLOSS_ATTR_KB_ID, g_variant_new_string ("http://www.wikidata.org/entity/Q42"));
  gloss_annotation_row_set_annotation (fixture->row, person, label);
  g_assert_cmpstr (gloss_annotation_row_get_text (fixture->row, "label"), ==, "PERSON");
  g_assert_cmpstr (gloss_annotation_row_get_text (fixture->row, "id"), ==, "Q42");
  g_assert_cmpstr (gloss_annotation_row_get_text (fixture->row, "quote"), ==, "Ana Ruiz");
  g_assert_cmpstr (gloss_annotation_row_get_text (fixture->row, "note"), ==, "Mayor since 2019.");
  g_assert_true (g_str_has_prefix (gloss_annotation_row_get_text (fixture->row, "meta"), "Ada · "));
  /* The drawn texts are the row's name and description. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ana Ruiz. Mayor since 2019.");
  {
    g_autofree char *description = g_strconcat ("PERSON · Q42 · ", gloss_annotation_row_get_text (fixture->row, "meta"), NULL);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         description);
  }

  gloss_annotation_set_attribute (claim, GLOSS_ATTR_VERDICT, g_variant_new_string ("mostly-false"));
  gloss_annotation_row_set_annotation (fixture->row, claim, label);
  g_assert_null (gloss_annotation_row_get_text (fixture->row, "id"));
  g_assert_null (gloss_annotation_row_get_text (fixture->row, "note"));
  quote = gloss_annotation_row_get_text (fixture->row, "quote");
  g_assert_nonnull (strstr (quote, "…"));  /* its beginning and its end */
  g_assert_cmpuint (g_utf8_strlen (quote, -1), <=, 121);
  {
    GtkWidget *badge = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->row)); child; child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_has_css_class (child, "verdict-badge"))
        badge = child;
    g_assert_nonnull (badge);
    g_assert_true (gtk_widget_get_visible (badge));
    g_assert_true (gtk_widget_has_css_class (badge, "verdict-mostly-false"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Mostly false");
  }
}

/* The quote wraps to three lines at most and the note to two; each
 * takes room only when there is one. */
static void
test_height (Fixture       *fixture,
             gconstpointer  data)
{
  GlossLabel *label = fixture->person;
  g_autoptr(GlossAnnotation) short_quote = make_annotation ("PERSON", "Ana Ruiz", NULL);
  g_autoptr(GlossAnnotation) long_quote = make_annotation ("PERSON", LONG_QUOTE, NULL);
  g_autoptr(GlossAnnotation) longer_quote = make_annotation ("PERSON", LONG_QUOTE LONG_QUOTE, NULL);
  g_autoptr(GlossAnnotation) with_note = make_annotation ("PERSON", "Ana Ruiz", "A note");
  g_autoptr(GlossAnnotation) long_note = make_annotation ("PERSON", "Ana Ruiz", LONG_QUOTE);
  int one_line, wide, three_lines, with_one_note, with_long_note;

  show (fixture);

  gloss_annotation_row_set_annotation (fixture->row, short_quote, label);
  one_line = height_for (fixture, 300);
  gloss_annotation_row_set_annotation (fixture->row, long_quote, label);
  wide = height_for (fixture, 2000);
  three_lines = height_for (fixture, 150);
  g_assert_cmpint (wide, ==, one_line);
  g_assert_cmpint (three_lines, >, one_line);
  /* Ellipsized at the third line, however long. */
  gloss_annotation_row_set_annotation (fixture->row, longer_quote, label);
  g_assert_cmpint (height_for (fixture, 150), ==, three_lines);
  g_assert_cmpint (height_for (fixture, 100), ==, three_lines);

  gloss_annotation_row_set_annotation (fixture->row, with_note, label);
  with_one_note = height_for (fixture, 300);
  g_assert_cmpint (with_one_note, >, one_line);
  gloss_annotation_row_set_annotation (fixture->row, long_note, label);
  with_long_note = height_for (fixture, 150);
  g_assert_cmpint (with_long_note, >, with_one_note);
  g_assert_cmpint (with_long_note - with_one_note, <, three_lines - one_line);  /* two lines, not three */

  gloss_annotation_row_set_annotation (fixture->row, short_quote, label);
  g_assert_cmpint (height_for (fixture, 300), ==, one_line);

  /* Asked with no width (as GtkScrolledWindow asks the list first), a
   * row measures at the width rows were last given, not at another one
   * that would lay its quote out twice. */
  gloss_annotation_row_set_annotation (fixture->row, long_quote, label);
  gtk_widget_measure (GTK_WIDGET (fixture->row), GTK_ORIENTATION_VERTICAL, 2000, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (fixture->row), &(GtkAllocation) { 0, 0, 2000, wide }, -1);
  g_assert_cmpint (height_for (fixture, -1), ==, wide);
  gtk_widget_measure (GTK_WIDGET (fixture->row), GTK_ORIENTATION_VERTICAL, 150, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (fixture->row), &(GtkAllocation) { 0, 0, 150, three_lines }, -1);
  gtk_widget_queue_resize (GTK_WIDGET (fixture->row));
  g_assert_cmpint (height_for (fixture, -1), ==, three_lines);
}

static void
count_text_nodes (GskRenderNode *node,
                  guint         *count)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      (*count)++;
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_text_nodes (gsk_container_node_get_child (node, i), count);
      break;
    case GSK_TRANSFORM_NODE:
      count_text_nodes (gsk_transform_node_get_child (node), count);
      break;
    case GSK_DEBUG_NODE:
      count_text_nodes (gsk_debug_node_get_child (node), count);
      break;
    case GSK_CLIP_NODE:
      count_text_nodes (gsk_clip_node_get_child (node), count);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_text_nodes (gsk_rounded_clip_node_get_child (node), count);
      break;
    case GSK_OPACITY_NODE:
      count_text_nodes (gsk_opacity_node_get_child (node), count);
      break;
    default:
      break;
    }
}

/* Each text is drawn, where its part of the row is: the chip at the
 * start of the first line (the right end, right to left). */
static void
test_draws (Fixture       *fixture,
            gconstpointer  data)
{
  GlossLabel *label = fixture->person;
  g_autoptr(GlossAnnotation) person = make_annotation ("PERSON", "Ana Ruiz", "Mayor since 2019.");
  graphene_rect_t bounds, text;

  gloss_annotation_set_attribute (person, GLOSS_ATTR_KB_ID, g_variant_new_string ("Q42"));
  gloss_annotation_row_set_annotation (fixture->row, person, label);
  show (fixture);

  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    guint count = 0;

    GTK_WIDGET_GET_CLASS (fixture->row)->snapshot (GTK_WIDGET (fixture->row), snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
    count_text_nodes (node, &count);
    g_assert_cmpuint (count, ==, 5);  /* chip, identifier, byline, quote, note */
    /* The chip in the label's colour, a fifth of it. */
    g_assert_true (gloss_test_node_has_color (node, &(GdkRGBA) { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 0.2 }));
  }

  /* The chip starts the first line, its name inside it. */
  g_assert_true (gloss_annotation_row_get_part_bounds (fixture->row, "label", &bounds));
  g_assert_cmpfloat (bounds.origin.x, <, gtk_widget_get_width (GTK_WIDGET (fixture->row)) / 2);
  g_assert_true (gloss_annotation_row_get_part_bounds (fixture->row, "id", &text));
  g_assert_cmpfloat (text.origin.x, >=, bounds.origin.x + bounds.size.width);

  gtk_widget_set_direction (GTK_WIDGET (fixture->row), GTK_TEXT_DIR_RTL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_widget_measure (GTK_WIDGET (fixture->row), GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (fixture->row),
                            &(GtkAllocation) { 0, 0, gtk_widget_get_width (GTK_WIDGET (fixture->row)),
                                               gtk_widget_get_height (GTK_WIDGET (fixture->row)) }, -1);
  g_assert_true (gloss_annotation_row_get_part_bounds (fixture->row, "label", &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >, gtk_widget_get_width (GTK_WIDGET (fixture->row)) / 2);
  g_assert_true (gloss_annotation_row_get_part_bounds (fixture->row, "id", &text));
  g_assert_cmpfloat (text.origin.x + text.size.width, <=, bounds.origin.x);
}

/* A narrow row shortens the chip and the byline before the verdict,
 * which is never cut: the first line is shared as in a box. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("Organisation-Longer-Name", GLOSS_LABEL_KIND_CLAIM, "#3584e4", NULL);
  g_autoptr(GlossAnnotation) claim = make_annotation ("Organisation-Longer-Name", "Ana Ruiz", NULL);
  GtkWidget *badge = gtk_widget_get_first_child (GTK_WIDGET (fixture->row));
  graphene_rect_t chip;
  int badge_natural, chip_natural;

  gloss_annotation_set_attribute (claim, GLOSS_ATTR_VERDICT, g_variant_new_string ("mostly-false"));
  gloss_annotation_row_set_annotation (fixture->row, claim, label);
  show (fixture);
  gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &badge_natural, NULL, NULL);
  /* Wide, the chip shows the name up to 16 characters. */
  gtk_widget_measure (GTK_WIDGET (fixture->row), GTK_ORIENTATION_VERTICAL, 1000, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (fixture->row), &(GtkAllocation) { 0, 0, 1000, 60 }, -1);
  g_assert_true (gloss_annotation_row_get_part_bounds (fixture->row, "label", &chip));
  chip_natural = chip.size.width;
  g_assert_cmpint (chip_natural, <, 300);

  gtk_widget_measure (GTK_WIDGET (fixture->row), GTK_ORIENTATION_VERTICAL, 160, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (fixture->row), &(GtkAllocation) { 0, 0, 160, 60 }, -1);
  g_assert_cmpint (gtk_widget_get_width (badge), ==, badge_natural);
  g_assert_true (gloss_annotation_row_get_part_bounds (fixture->row, "label", &chip));
  g_assert_cmpint (chip.size.width, <, chip_natural);
  g_assert_cmpint (chip.size.width + 8 + gtk_widget_get_width (badge), <=, 160);
}


static int
height_measured (Fixture  *fixture,
                 int       width,
                 gboolean  exactly)
{
  _gloss_annotation_row_set_measure_exactly (exactly);
  gtk_widget_queue_resize (GTK_WIDGET (fixture->row));
  return height_for (fixture, width);
}

/* Rows measure most texts from their fonts' metrics, and chips and
 * badges from earlier ones with the same text, without laying them out:
 * the height must be the one Pango gives, in every script, for emoji and
 * CJK set in other fonts, for texts on the edge of wrapping, and for the
 * identifier and byline in their own fonts. */
static void
test_estimates (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *texts[] = {
    "", "Ana Ruiz", "x", "  ", "The council voted on Friday",
    "Zürich, São Paulo and Kraków", "Ελένη Παπαδοπούλου", "Владимир Путин",
    "東京都の小池百合子知事", "Flag 🇪🇸 and face 😀", "محمد بن سلمان",
    "e\xcc\x81 combining acute", "tab\there", "line\nbreak", "“Quoted” — dash… ellipsis",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
    "AVAVAVAVAVAVAV To Ty Yo fi fl ffi", LONG_QUOTE,
    "The barrier, designed by the Rotterdam engineering firm, will cost €48.2 million !",
    "« Nous avons voté » , dit-elle — « et nous construirons » .",
    "Дума приняла закон о бюджете на следующий год после долгих споров",
    "supercalifragilisticexpialidocious-antidisestablishmentarianism and more",
    "Η βουλή ψήφισε τον προϋπολογισμό μετά από μακρά συζήτηση στην ολομέλεια",
    "internationalisation responsibilities notwithstanding counterrevolutionaries electroencephalographically",
    "Straßenbahnhaltestelle Donaudampfschifffahrt Rindfleischetikettierung Kraftfahrzeughaftpflicht",
    "Abcdefghijklmnopqrst Uvwxyzabcdefghijklm Nopqrstuvwxyzabcdefg",  /* each word on a line of its own */
    /* Lines of different heights: CJK and emoji from other fonts. */
    "the minister said Ναυσικά council harbour bridge 東京 funding report million residents according to data 📈 from agency",
    "東京 the council voted on Friday to build a movable sea barrier across the mouth of the estuary",
    "The council voted on Friday to build a movable sea barrier across the mouth of the estuary 東京",
    "budget claimed that was not true 📈 crédit naïve schools hospital of and a spokesperson announced Tuesday and more",
  };
  static const int widths[] = { -1, 40, 90, 120, 150, 180, 210, 240, 260, 280, 300, 320, 340, 360, 390, 427, 460, 1000 };
  GlossLabel *label = fixture->person;
  guint estimated = 0;

  show (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (texts); j += 3)
      {
        static const char *labels[] = { "PERSON", "ORG", "人物", "Claim 📈" };
        g_autoptr(GlossAnnotation) a = make_annotation (labels[(i + j) % G_N_ELEMENTS (labels)], texts[i],
                                                        texts[(i + j) % G_N_ELEMENTS (texts)]);

        if (texts[(i + j + 1) % G_N_ELEMENTS (texts)][0] != '\0')
          gloss_annotation_set_attribute (a, GLOSS_ATTR_KB_ID, g_variant_new_string (texts[(i + j + 1) % G_N_ELEMENTS (texts)]));
        gloss_annotation_set_author (a, texts[(i + j + 2) % G_N_ELEMENTS (texts)]);
        if (j % 2 == 1)
          gloss_annotation_set_attribute (a, GLOSS_ATTR_VERDICT, g_variant_new_string ((i % 2) ? "mostly-false" : "true"));
        gloss_annotation_row_set_annotation (fixture->row, a, label);

        for (guint k = 0; k < G_N_ELEMENTS (widths); k++)
          {
            int exact = height_measured (fixture, widths[k], TRUE);
            int estimate = height_measured (fixture, widths[k], FALSE);

            if (exact != estimate)
              g_error ("quote “%s”, note “%s”, %d px wide: %d px estimated, %d px laid out",
                       texts[i], texts[(i + j) % G_N_ELEMENTS (texts)], widths[k], estimate, exact);
            estimated++;
          }
      }
  g_assert_cmpuint (estimated, >, 0);
  _gloss_annotation_row_set_measure_exactly (FALSE);
}

/* Should an estimate come out short (fonts it misjudges), the row, once
 * laid out, is measured from layouts from then on. */
static void
test_wrong_estimate (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossLabel *label = fixture->person;
  g_autoptr(GlossAnnotation) person = make_annotation ("PERSON", "Ana Ruiz", "Mayor since 2019.");
  int exact, estimated;

  show (fixture);
  gloss_annotation_row_set_annotation (fixture->row, person, label);
  exact = height_measured (fixture, 300, TRUE);
  _gloss_annotation_row_set_estimate_error (-3);
  estimated = height_measured (fixture, 300, FALSE);
  g_assert_cmpint (estimated, <, exact);

  gtk_widget_size_allocate (GTK_WIDGET (fixture->row), &(GtkAllocation) { 0, 0, 300, estimated }, -1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (height_for (fixture, 300), ==, exact);
  _gloss_annotation_row_set_estimate_error (0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/annotation-row/texts", Fixture, NULL, fixture_set_up, test_texts, fixture_tear_down);
  g_test_add ("/annotation-row/height", Fixture, NULL, fixture_set_up, test_height, fixture_tear_down);
  g_test_add ("/annotation-row/draws", Fixture, NULL, fixture_set_up, test_draws, fixture_tear_down);
  g_test_add ("/annotation-row/estimates", Fixture, NULL, fixture_set_up, test_estimates, fixture_tear_down);
  g_test_add ("/annotation-row/wrong-estimate", Fixture, NULL, fixture_set_up, test_wrong_estimate, fixture_tear_down);
  g_test_add ("/annotation-row/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
