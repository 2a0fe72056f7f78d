/* test-member-page.c
 *
 * Copyright 2026 The Rapport authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-identity.h"
#include "rapport-member-notes.h"
#include "rapport-member-page.h"
#include "rapport-member-tags.h"
#include "rapport-member-timeline.h"
#include "rapport-member-util.h"
#include "rapport-member.h"
#include "rapport-note.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"

#define N_ACTIVITIES 50

typedef struct
{
  char              *path;
  RapportStore      *store;
  gint64             member_id;
  gint64             other_id;
  GtkWidget         *window;
  RapportMemberPage *page;
  gint64             deleted_id;
} Fixture;

/* A plausible community: the member under test and a colleague whose email
 * and handle she must not be able to take. */
static const struct {
  const char *platform;
  const char *kind;
  const char *channel;
  const char *title;
} activities[] = {
  { "discourse", "reply", "#help", "Re: How do I rotate API keys without downtime?" },
  { "github", "pull_request", "lumenlabs/sdk-python", "Retry webhooks with exponential backoff" },
  { "slack", "message", "#devrel", "Drafted the agenda for the Lagos meetup, feedback welcome" },
  { "github", "issue", "lumenlabs/docs", "Quickstart skips the step that creates a project token" },
  { "discourse", "post", "#announcements", "Lagos Developers meetup: call for speakers" },
  { "github", "review", "lumenlabs/sdk-js", "Review: add pagination helpers to the search client" },
  { "discourse", "reaction", "#show-and-tell", "Mapping clinic wait times with the Lumen API" },
  { "meetup", "event_attended", "Lagos Developers", "Building your first Lumen integration (workshop)" },
  { "slack", "message", "#community", "Welcome Tunde and Ife, both from the Ibadan study group" },
  { "github", "pull_request", "lumenlabs/docs", "Add a Nigerian Pidgin translation of the quickstart" },
};

static void
seed (Fixture *fixture)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(RapportMember) other = rapport_member_new ();
  g_autoptr(GError) error = NULL;
  static const char *tags[] = { "speaker", "docs", "mentor", "Lagos meetup" };
  gint64 now;

  /* The timeline's "Today" and "Yesterday" need an afternoon: the newest
   * activity is three hours old. */
  {
    g_autoptr(GDateTime) today = rapport_now_local ();
    g_autoptr(GDateTime) afternoon = g_date_time_new_local (g_date_time_get_year (today),
                                                            g_date_time_get_month (today),
                                                            g_date_time_get_day_of_month (today),
                                                            15, 0, 0);

    rapport_clock_set_fixed (rapport_clock_get_default (), g_date_time_to_unix (afternoon));
    now = rapport_now_unix ();
  }

  rapport_member_set_name (member, "Amara Okafor");
  rapport_member_set_email (member, "amara@lumenlabs.io");
  rapport_member_set_organization (member, "Lumen Labs");
  rapport_member_set_title (member, "Developer Advocate");
  rapport_member_set_location (member, "Lagos, Nigeria");
  rapport_member_set_phone (member, "+234 803 555 0142");
  rapport_member_set_timezone (member, "Africa/Lagos");
  rapport_member_set_source (member, "Discourse import");
  rapport_member_set_stage_id (member, 4);
  rapport_member_set_joined_at (member, now - 86400 * 400);
  rapport_member_set_custom (member, "Pronouns", "she/her");
  rapport_member_set_custom (member, "T-shirt size", "M");
  g_assert_true (rapport_store_insert_member (fixture->store, member, &error));
  g_assert_no_error (error);
  fixture->member_id = rapport_member_get_id (member);

  rapport_member_set_name (other, "Jonas Lindqvist");
  rapport_member_set_email (other, "jonas@fernwood.dev");
  rapport_member_set_organization (other, "Fernwood");
  g_assert_true (rapport_store_insert_member (fixture->store, other, &error));
  g_assert_no_error (error);
  fixture->other_id = rapport_member_get_id (other);
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->other_id, "github",
                                               "jlindqvist", NULL, NULL, &error), >, 0);

  g_assert_true (rapport_store_add_email (fixture->store, fixture->member_id,
                                          "amara.okafor@gmail.com", &error));
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->member_id, "github",
                                               "amaraokafor", NULL, NULL, &error), >, 0);
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->member_id, "discourse",
                                               "amara", "https://forum.lumenlabs.io/u/amara",
                                               NULL, &error), >, 0);
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->member_id, "slack",
                                               "Amara O.", NULL, NULL, &error), >, 0);
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->member_id, "mastodon",
                                               "@amara@fosstodon.org", NULL, NULL, &error), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    g_assert_true (rapport_store_add_member_tag (fixture->store, fixture->member_id, tags[i], &error));

  g_assert_cmpint (rapport_store_add_note (fixture->store, fixture->member_id,
                                           "Asked for early access to the plugin SDK; sent the beta "
                                           "invite and a link to the migration guide.",
                                           "Priya Raman", &error), >, 0);
  g_assert_cmpint (rapport_store_add_note (fixture->store, fixture->member_id,
                                           "Met at FOSDEM. Keen to co-host a Lagos meetup in spring "
                                           "— follow up with venue options and a date.",
                                           "Priya Raman", &error), >, 0);

  /* Fifty activities over about two weeks, newest a few hours ago. */
  g_assert_true (rapport_store_begin (fixture->store, &error));
  for (guint i = 0; i < N_ACTIVITIES; i++)
    {
      guint k = i % G_N_ELEMENTS (activities);
      gint64 when = now - 3 * 3600 - (gint64) i * 6 * 3600 - (gint64) (i * 7 % 5) * 600;
      g_autofree char *url = g_strdup_printf ("https://forum.lumenlabs.io/t/%u", 4200 + i);

      g_assert_cmpint (rapport_store_add_activity (fixture->store, fixture->member_id,
                                                   activities[k].platform, activities[k].kind, when,
                                                   activities[k].title, url, activities[k].channel,
                                                   &error), >, 0);
    }
  g_assert_true (rapport_store_commit (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RapportContext) context = NULL;
  g_autoptr(GError) error = NULL;

  fixture->path = rapport_ui_test_make_db ();
  fixture->store = rapport_store_new (fixture->path, &error);
  g_assert_no_error (error);
  seed (fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
  context = rapport_context_new (fixture->store);
  fixture->page = RAPPORT_MEMBER_PAGE (rapport_member_page_new (context));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  g_object_set (fixture->page,
                "member-id", fixture->member_id,
                NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  rapport_ui_test_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rapport_ui_test_spin (20);
  g_clear_object (&fixture->store);

  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  g_free (fixture->path);
}

/* Finding widgets the way a user sees them: by kind, text and action. */

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);

  return n;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
button_label_is (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
row_title_is (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
action_is (GtkWidget     *widget,
           gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

typedef struct
{
  const char *action;
  GVariant   *target;
} ActionTarget;

static gboolean
action_target_is (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ActionTarget *at = data;
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

  return action_is (widget, at->action) && target != NULL && g_variant_equal (target, at->target);
}

static GtkWidget *
find_button_for (GtkWidget  *root,
                 const char *action,
                 GVariant   *target)
{
  ActionTarget at = { action, g_variant_ref_sink (target) };
  GtkWidget *found = rapport_ui_test_find_widget (root, GTK_TYPE_BUTTON, action_target_is, &at);

  g_variant_unref (at.target);
  return found;
}

static GtkWidget *
find_row (Fixture    *fixture,
          GType       type,
          const char *title)
{
  GtkWidget *row = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), type, row_title_is, title);

  g_assert_nonnull (row);
  return row;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* What a click does; gtk_widget_activate() would only start the press
   * animation and click a quarter of a second later. */
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static const char *
shown_name (Fixture *fixture)
{
  /* The status page has a title-1 label too; the name is beside the avatar. */
  GtkWidget *avatar = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_AVATAR, NULL, NULL);
  GtkWidget *label = rapport_ui_test_find_widget (gtk_widget_get_parent (avatar), GTK_TYPE_LABEL, has_class, "title-1");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, NULL, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

typedef struct
{
  Fixture    *fixture;
  const char *expected;
} NameWait;

static gboolean
name_shown_cb (gpointer data)
{
  NameWait *wait = data;

  return g_strcmp0 (shown_name (wait->fixture), wait->expected) == 0;
}

static gboolean
label_shown_cb (gpointer data)
{
  NameWait *wait = data;

  return rapport_ui_test_find_widget (GTK_WIDGET (wait->fixture->page), GTK_TYPE_LABEL, label_is, wait->expected) != NULL;
}

static gboolean
page_shown_cb (gpointer data)
{
  NameWait *wait = data;

  return g_strcmp0 (visible_page (wait->fixture), wait->expected) == 0;
}

static RapportMember *
stored_member (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RapportMember *member = rapport_store_get_member (fixture->store, fixture->member_id, &error);

  g_assert_no_error (error);
  return member;
}

static void
start_editing (Fixture *fixture)
{
  GtkWidget *edit = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_TOGGLE_BUTTON, NULL, NULL);

  g_assert_nonnull (edit);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (edit), TRUE);
}

static void
apply_text (GtkWidget  *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  g_assert_cmpstr (visible_page (fixture), ==, "member");
  g_assert_cmpstr (shown_name (fixture), ==, "Amara Okafor");
  g_assert_nonnull (rapport_ui_test_find_widget (page, GTK_TYPE_LABEL, label_is, "Developer Advocate at Lumen Labs"));
  g_assert_nonnull (rapport_ui_test_find_widget (page, GTK_TYPE_LABEL, label_is, "Lagos, Nigeria"));
  g_assert_nonnull (rapport_ui_test_find_widget (page, GTK_TYPE_LABEL, label_is, "Advocate"));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (rapport_ui_test_find_widget (page, ADW_TYPE_AVATAR, NULL, NULL))),
                   ==, "Amara Okafor");

  /* Read-only details, custom fields and identities with derived links. */
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "amara.okafor@gmail.com"));
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "she/her"));
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "Discourse import"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_row (fixture, ADW_TYPE_ACTION_ROW, "amaraokafor")),
                   ==, "https://github.com/amaraokafor");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_row (fixture, ADW_TYPE_ACTION_ROW, "@amara@fosstodon.org")),
                   ==, "https://fosstodon.org/@amara");
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (find_row (fixture, ADW_TYPE_ACTION_ROW, "Amara O."))));
}

static void
test_edit_title (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RapportMember) member = NULL;
  GtkWidget *row;
  NameWait wait = { fixture, "Head of Developer Relations at Lumen Labs" };

  start_editing (fixture);
  row = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Developer Advocate");

  apply_text (row, "Head of Developer Relations");
  member = stored_member (fixture);
  g_assert_cmpstr (rapport_member_get_title (member), ==, "Head of Developer Relations");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* The header follows the store. */
  g_assert_true (rapport_ui_test_wait_for (label_shown_cb, &wait, 2000));

  /* Clearing a field stores no value. */
  apply_text (find_row (fixture, ADW_TYPE_ENTRY_ROW, "Phone"), "  ");
  g_clear_object (&member);
  member = stored_member (fixture);
  g_assert_null (rapport_member_get_phone (member));
}

static void
test_invalid_values (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RapportMember) member = NULL;
  GtkWidget *email;
  GtkWidget *name;
  GtkWidget *zone_row;
  GtkWidget *error_label;

  start_editing (fixture);
  email = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Email");

  apply_text (email, "amara-at-lumenlabs");
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  error_label = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, label_is,
                             "“amara-at-lumenlabs” is not an email address");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (email), ==, "“amara-at-lumenlabs” is not an email address");
  member = stored_member (fixture);
  g_assert_cmpstr (rapport_member_get_email (member), ==, "amara@lumenlabs.io");

  /* Someone else's address. */
  apply_text (email, "jonas@fernwood.dev");
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  g_clear_object (&member);
  member = stored_member (fixture);
  g_assert_cmpstr (rapport_member_get_email (member), ==, "amara@lumenlabs.io");
  g_assert_cmpint (rapport_store_find_member_by_email (fixture->store, "jonas@fernwood.dev"), ==, fixture->other_id);

  /* A refresh from the store keeps what the user typed. */
  rapport_ui_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "jonas@fernwood.dev");

  /* Typing again clears the error. */
  gtk_editable_set_text (GTK_EDITABLE (email), "amara@lumenlabs.io");
  g_assert_false (gtk_widget_has_css_class (email, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));

  name = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Name");
  apply_text (name, "   ");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_clear_object (&member);
  member = stored_member (fixture);
  g_assert_cmpstr (rapport_member_get_name (member), ==, "Amara Okafor");

  zone_row = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Time Zone");
  apply_text (zone_row, "Lagos time");
  g_assert_true (gtk_widget_has_css_class (zone_row, "error"));
  g_clear_object (&member);
  member = stored_member (fixture);
  g_assert_cmpstr (rapport_member_get_timezone (member), ==, "Africa/Lagos");

  /* Leaving edit mode, with the Done beside the rows, throws the refused
   * text away. */
  click (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, button_label_is, "_Done"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page),
                                                                                GTK_TYPE_TOGGLE_BUTTON, NULL, NULL))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Amara Okafor");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
}

static void
test_extra_emails (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) emails = NULL;
  GtkWidget *row;

  start_editing (fixture);
  row = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Add Email Address");

  apply_text (row, "amara@okafor.ng");
  emails = rapport_store_list_emails (fixture->store, fixture->member_id);
  g_assert_true (g_strv_contains ((const char * const *) emails, "amara@okafor.ng"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  apply_text (row, "jonas@fernwood.dev");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  click (find_button_for (GTK_WIDGET (fixture->page), "page.remove-email",
                          g_variant_new_string ("amara.okafor@gmail.com")));
  g_clear_pointer (&emails, g_strfreev);
  emails = rapport_store_list_emails (fixture->store, fixture->member_id);
  g_assert_false (g_strv_contains ((const char * const *) emails, "amara.okafor@gmail.com"));
  g_assert_cmpstr (emails[0], ==, "amara@lumenlabs.io");
}

static gboolean
store_has_tag (Fixture    *fixture,
               const char *tag)
{
  g_auto(GStrv) tags = rapport_store_list_member_tags (fixture->store, fixture->member_id);

  return g_strv_contains ((const char * const *) tags, tag);
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *tags = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), RAPPORT_TYPE_MEMBER_TAGS, NULL, NULL);
  GtkWidget *row = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Add Tag");

  g_assert_nonnull (rapport_ui_test_find_widget (tags, GTK_TYPE_LABEL, label_is, "speaker"));

  apply_text (row, "Conference 2026");
  g_assert_true (store_has_tag (fixture, "Conference 2026"));
  g_assert_nonnull (rapport_ui_test_find_widget (tags, GTK_TYPE_LABEL, label_is, "Conference 2026"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  apply_text (row, "   ");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  click (find_button_for (tags, "tags.remove", g_variant_new_string ("speaker")));
  g_assert_false (store_has_tag (fixture, "speaker"));
  g_assert_null (rapport_ui_test_find_widget (tags, GTK_TYPE_LABEL, label_is, "speaker"));
  g_assert_true (store_has_tag (fixture, "mentor"));
}

static GtkWidget *
find_text_view_in_row (GtkWidget *notes,
                       gint64     note_id)
{
  GtkWidget *button = find_button_for (notes, "notes.edit", g_variant_new_int64 (note_id));
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);

  return rapport_ui_test_find_widget (row, GTK_TYPE_TEXT_VIEW, NULL, NULL);
}

static RapportNote *
find_note (Fixture    *fixture,
           const char *body)
{
  g_autoptr(GPtrArray) notes = rapport_store_list_notes (fixture->store, fixture->member_id);

  for (guint i = 0; i < notes->len; i++)
    {
      RapportNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (rapport_note_get_body (note), body) == 0)
        return g_object_ref (note);
    }

  return NULL;
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  const char *body = "Called about the spring meetup: the Yaba hub can host 80 people on 12 April.";
  const char *edited = "Called about the spring meetup: the Yaba hub can host 120 people on 12 April.";
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *notes = rapport_ui_test_find_widget (page, RAPPORT_TYPE_MEMBER_NOTES, NULL, NULL);
  g_autoptr(RapportNote) note = NULL;
  g_autoptr(RapportNote) restored = NULL;
  g_autofree char *author = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  GtkTextView *composer;
  GtkTextView *view;
  gint64 id;

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_settings_set_string (settings, "author-name", "Priya Raman");
    }
  author = rapport_member_dup_author_name ();
  if (schema != NULL)
    g_assert_cmpstr (author, ==, "Priya Raman");

  /* Add Note in the row of buttons opens the composer. */
  click (rapport_ui_test_find_widget (page, GTK_TYPE_BUTTON, action_is, "page.add-note"));
  composer = GTK_TEXT_VIEW (rapport_ui_test_find_widget (notes, GTK_TYPE_TEXT_VIEW, NULL, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (composer),
                                                                                        GTK_TYPE_REVEALER))));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer), body, -1);
  click (rapport_ui_test_find_widget (notes, GTK_TYPE_BUTTON, action_is, "notes.save-new"));

  note = find_note (fixture, body);
  g_assert_nonnull (note);
  g_assert_cmpstr (rapport_note_get_author (note), ==, author);
  id = rapport_note_get_id (note);
  g_assert_nonnull (rapport_ui_test_find_widget (notes, GTK_TYPE_LABEL, label_is, body));

  /* An empty note is refused inline. */
  click (rapport_ui_test_find_widget (page, GTK_TYPE_BUTTON, action_is, "page.add-note"));
  click (rapport_ui_test_find_widget (notes, GTK_TYPE_BUTTON, action_is, "notes.save-new"));
  g_assert_nonnull (rapport_ui_test_find_widget (notes, GTK_TYPE_LABEL, label_is, "A note cannot be empty"));
  click (rapport_ui_test_find_widget (notes, GTK_TYPE_BUTTON, action_is, "notes.cancel-new"));

  /* Edit in place. */
  click (find_button_for (notes, "notes.edit", g_variant_new_int64 (id)));
  view = GTK_TEXT_VIEW (find_text_view_in_row (notes, id));
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), edited, -1);

  /* A change from elsewhere while editing does not throw the edit away. */
  g_assert_cmpint (rapport_store_add_note (fixture->store, fixture->member_id,
                                           "Sent the venue checklist.", "Priya Raman", NULL), >, 0);
  rapport_ui_test_spin (50);
  view = GTK_TEXT_VIEW (find_text_view_in_row (notes, id));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
    text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
    g_assert_cmpstr (text, ==, edited);
  }

  click (rapport_ui_test_find_widget (notes, GTK_TYPE_BUTTON, action_is, "notes.save"));
  g_clear_object (&note);
  note = find_note (fixture, edited);
  g_assert_nonnull (note);
  g_assert_cmpint (rapport_note_get_id (note), ==, id);
  rapport_ui_test_spin (50);
  g_assert_nonnull (rapport_ui_test_find_widget (notes, GTK_TYPE_LABEL, label_is, edited));
  g_assert_nonnull (rapport_ui_test_find_widget (notes, GTK_TYPE_LABEL, label_is, "Sent the venue checklist."));

  /* Delete, then Undo. */
  click (find_button_for (notes, "notes.delete", g_variant_new_int64 (id)));
  g_clear_object (&note);
  g_assert_null (find_note (fixture, edited));
  rapport_ui_test_spin (50);
  g_assert_null (rapport_ui_test_find_widget (notes, GTK_TYPE_LABEL, label_is, edited));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (rapport_ui_test_find_widget (notes, GTK_TYPE_BUTTON, action_is, "notes.undo"),
                                                                                        GTK_TYPE_REVEALER))));

  click (rapport_ui_test_find_widget (notes, GTK_TYPE_BUTTON, action_is, "notes.undo"));
  restored = find_note (fixture, edited);
  g_assert_nonnull (restored);
  g_assert_cmpint (rapport_note_get_id (restored), ==, id);
  g_assert_cmpstr (rapport_note_get_author (restored), ==, author);
  rapport_ui_test_spin (50);
  g_assert_nonnull (rapport_ui_test_find_widget (notes, GTK_TYPE_LABEL, label_is, edited));
  g_assert_false (gtk_widget_is_sensitive (rapport_ui_test_find_widget (notes, GTK_TYPE_BUTTON, action_is, "notes.undo")));
}

static void
test_identities (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) identities = NULL;
  GtkWidget *combo = find_row (fixture, ADW_TYPE_COMBO_ROW, "Platform");
  GtkWidget *handle = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Handle");
  const char * const *platforms = rapport_member_platform_list_known ();
  guint github = 0, gitlab = 0;
  gint64 added = 0;

  for (guint i = 0; platforms[i] != NULL; i++)
    {
      if (g_str_equal (platforms[i], "github"))
        github = i;
      if (g_str_equal (platforms[i], "gitlab"))
        gitlab = i;
    }

  /* Jonas's handle stays his. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), github);
  apply_text (handle, "jlindqvist");
  g_assert_true (gtk_widget_has_css_class (handle, "error"));
  g_assert_nonnull (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, label_is,
                                 "“jlindqvist” on github already belongs to another member"));
  g_assert_cmpint (rapport_store_find_member_by_identity (fixture->store, "github", "jlindqvist"),
                   ==, fixture->other_id);

  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), gitlab);
  apply_text (handle, "amara-codes");
  g_assert_false (gtk_widget_has_css_class (handle, "error"));
  g_assert_cmpint (rapport_store_find_member_by_identity (fixture->store, "gitlab", "amara-codes"),
                   ==, fixture->member_id);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_row (fixture, ADW_TYPE_ACTION_ROW, "amara-codes")),
                   ==, "https://gitlab.com/amara-codes");

  identities = rapport_store_list_identities (fixture->store, fixture->member_id);
  for (guint i = 0; i < identities->len; i++)
    {
      RapportIdentity *identity = g_ptr_array_index (identities, i);

      if (g_strcmp0 (rapport_identity_get_handle (identity), "amara-codes") == 0)
        added = rapport_identity_get_id (identity);
    }
  g_assert_cmpint (added, >, 0);

  click (find_button_for (GTK_WIDGET (fixture->page), "identities.remove", g_variant_new_int64 (added)));
  g_assert_cmpint (rapport_store_find_member_by_identity (fixture->store, "gitlab", "amara-codes"), ==, 0);
  g_assert_null (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, row_title_is, "amara-codes"));
}

static gboolean
timeline_has_cb (gpointer data)
{
  return count_widgets (data, ADW_TYPE_ACTION_ROW) > N_ACTIVITIES;
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *timeline = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), RAPPORT_TYPE_MEMBER_TIMELINE, NULL, NULL);
  GtkWidget *more = rapport_ui_test_find_widget (timeline, GTK_TYPE_BUTTON, action_is, "timeline.load-more");
  g_autoptr(GError) error = NULL;
  gint64 now = rapport_now_unix ();

  g_assert_cmpuint (count_widgets (timeline, ADW_TYPE_ACTION_ROW), ==, 30);
  g_assert_true (gtk_widget_get_visible (more));
  /* Grouped by day, newest first. */
  g_assert_nonnull (rapport_ui_test_find_widget (timeline, GTK_TYPE_LABEL, label_is, "Today"));
  g_assert_nonnull (rapport_ui_test_find_widget (timeline, GTK_TYPE_LABEL, label_is, "Yesterday"));

  click (more);
  g_assert_cmpuint (count_widgets (timeline, ADW_TYPE_ACTION_ROW), ==, N_ACTIVITIES);
  g_assert_false (gtk_widget_get_visible (more));

  /* A new activity shows at the top and keeps the opened pages. */
  g_assert_cmpint (rapport_store_add_activity (fixture->store, fixture->member_id, "discourse", "post",
                                               now - 60, "Slides from the Lagos workshop",
                                               NULL, "#show-and-tell", &error), >, 0);
  g_assert_true (rapport_ui_test_wait_for (timeline_has_cb, timeline, 5000));
  g_assert_cmpuint (count_widgets (timeline, ADW_TYPE_ACTION_ROW), ==, N_ACTIVITIES + 1);
  g_assert_nonnull (rapport_ui_test_find_widget (timeline, ADW_TYPE_ACTION_ROW, row_title_is, "Slides from the Lagos workshop"));
}

static void
test_empty_timeline (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *timeline = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), RAPPORT_TYPE_MEMBER_TIMELINE, NULL, NULL);
  GtkWidget *empty;

  g_object_set (fixture->page, "member-id", fixture->other_id, NULL);
  g_assert_cmpstr (shown_name (fixture), ==, "Jonas Lindqvist");
  g_assert_cmpuint (count_widgets (timeline, ADW_TYPE_ACTION_ROW), ==, 0);
  empty = rapport_ui_test_find_widget (timeline, GTK_TYPE_LABEL, label_is, "No activity yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_is_visible (gtk_widget_get_parent (empty)));
  g_assert_false (gtk_widget_get_visible (rapport_ui_test_find_widget (timeline, GTK_TYPE_BUTTON, action_is, "timeline.load-more")));
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RapportMember) member = stored_member (fixture);
  g_autoptr(RapportMember) copy = rapport_member_copy (member);
  g_autoptr(GError) error = NULL;
  GtkWidget *location;
  GtkWidget *organization;

  /* The user is half-way through editing the location. */
  start_editing (fixture);
  location = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Location");
  organization = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Organization");
  gtk_editable_set_text (GTK_EDITABLE (location), "Abuja, Nigeria");

  rapport_member_set_name (copy, "Amara Okafor-Bello");
  rapport_member_set_organization (copy, "Lumen Labs Africa");
  rapport_member_set_location (copy, "Accra, Ghana");
  g_assert_true (rapport_store_update_member (fixture->store, copy, &error));
  g_assert_no_error (error);

  g_assert_true (rapport_ui_test_wait_for (name_shown_cb, &(NameWait) { fixture, "Amara Okafor-Bello" }, 2000));
  g_assert_nonnull (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, label_is,
                                 "Developer Advocate at Lumen Labs Africa"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organization)), ==, "Lumen Labs Africa");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (location)), ==, "Abuja, Nigeria");
}

static void
test_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 journal_id = 0;

  g_assert_true (rapport_store_delete_member (fixture->store, fixture->member_id, &journal_id, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_ui_test_wait_for (page_shown_cb, &(NameWait) { fixture, "empty" }, 2000));
  g_assert_nonnull (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, label_is, "No Member Selected"));

  g_assert_true (rapport_store_undo (fixture->store, journal_id, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_ui_test_wait_for (page_shown_cb, &(NameWait) { fixture, "member" }, 2000));
  g_assert_cmpstr (shown_name (fixture), ==, "Amara Okafor");
  g_assert_cmpuint (count_widgets (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), RAPPORT_TYPE_MEMBER_TIMELINE, NULL, NULL),
                                   ADW_TYPE_ACTION_ROW), ==, 30);

  g_object_set (fixture->page, "member-id", (gint64) 0, NULL);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
}

static void
on_delete_member_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->deleted_id = g_variant_get_int64 (parameter);
}

static void
test_delete_action (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("delete-member", G_VARIANT_TYPE_INT64);

  g_signal_connect (action, "activate", G_CALLBACK (on_delete_member_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));

  click (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, action_is, "page.delete"));
  g_assert_cmpint (fixture->deleted_id, ==, fixture->member_id);
}

static void
check_icon_buttons (GtkWidget *widget,
                    guint     *n_checked)
{
  if (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      /* Icon-only: it must say what it does. */
      g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      g_assert_true (gtk_widget_get_focusable (widget));
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_icon_buttons (child, n_checked);
}

static void
test_icon_buttons (Fixture       *fixture,
                   gconstpointer  data)
{
  guint n_checked = 0;

  start_editing (fixture);
  check_icon_buttons (GTK_WIDGET (fixture->page), &n_checked);
  /* Identities, tags, notes, the note header and the extra email at least. */
  g_assert_cmpuint (n_checked, >=, 4 + 4 + 2 * 2 + 1 + 1);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = fixture->window;
  GtkWidget *avatar = rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_AVATAR, NULL, NULL);
  GtkWidget *scroller = gtk_widget_get_ancestor (avatar, GTK_TYPE_SCROLLED_WINDOW);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  rapport_ui_test_spin (100);
  rapport_ui_test_screenshot (window, "member-page-wide");

  /* Everything fits 360 px: nothing pushes the window wider. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  rapport_ui_test_spin (200);
  g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
  rapport_ui_test_screenshot (window, "member-page-narrow");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 3000);
  rapport_ui_test_spin (200);
  rapport_ui_test_screenshot (window, "member-page-narrow-full");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  rapport_ui_test_spin (200);

  start_editing (fixture);
  rapport_ui_test_spin (100);
  rapport_ui_test_screenshot (window, "member-page-narrow-edit");
  apply_text (find_row (fixture, ADW_TYPE_ENTRY_ROW, "Email"), "amara-at-lumenlabs");
  rapport_ui_test_spin (100);
  rapport_ui_test_screenshot (window, "member-page-narrow-edit-error");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page),
                                                                GTK_TYPE_TOGGLE_BUTTON, NULL, NULL)),
                                FALSE);

  /* Back to the top, where Edit scrolled away from. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  rapport_ui_test_spin (200);
  rapport_ui_test_screenshot (window, "member-page-dark");

  /* The whole page at once, to look over every section, with a note being
   * written. */
  click (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, action_is, "page.add-note"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (rapport_ui_test_find_widget (GTK_WIDGET (fixture->page),
                                                                                  GTK_TYPE_TEXT_VIEW, NULL, NULL))),
                            "Offered a slot at the June webinar on the plugin SDK.", -1);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 3000);
  rapport_ui_test_spin (200);
  rapport_ui_test_screenshot (window, "member-page-full-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  rapport_ui_test_spin (100);
  rapport_ui_test_screenshot (window, "member-page-full");

  g_object_set (fixture->page, "member-id", (gint64) 0, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  rapport_ui_test_spin (200);
  rapport_ui_test_screenshot (window, "member-page-empty");
}

/* Times of day follow the desktop's clock format (the memory GSettings
 * backend stands in for the user's settings). */
static void
test_clock_format (void)
{
  g_autoptr(GSettings) interface = g_settings_new ("org.gnome.desktop.interface");
  g_autoptr(GDateTime) afternoon = g_date_time_new_local (2026, 11, 27, 14, 30, 0);
  g_autofree char *twelve = NULL;
  g_autofree char *twenty_four = NULL;

  g_settings_set_string (interface, "clock-format", "12h");
  twelve = rapport_format_clock (afternoon);
  g_settings_set_string (interface, "clock-format", "24h");
  twenty_four = rapport_format_clock (afternoon);
  g_settings_reset (interface, "clock-format");

  g_assert_cmpstr (twelve, ==, "2:30 PM");
  g_assert_cmpstr (twenty_four, ==, "14:30");
}

int
main (int   argc,
      char *argv[])
{
  rapport_ui_test_init (&argc, &argv);

  g_test_add ("/rapport/ui/member-page/header", Fixture, NULL,
              fixture_set_up, test_header, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/edit-title", Fixture, NULL,
              fixture_set_up, test_edit_title, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/invalid-values", Fixture, NULL,
              fixture_set_up, test_invalid_values, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/extra-emails", Fixture, NULL,
              fixture_set_up, test_extra_emails, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/tags", Fixture, NULL,
              fixture_set_up, test_tags, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/notes", Fixture, NULL,
              fixture_set_up, test_notes, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/identities", Fixture, NULL,
              fixture_set_up, test_identities, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/timeline", Fixture, NULL,
              fixture_set_up, test_timeline, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/empty-timeline", Fixture, NULL,
              fixture_set_up, test_empty_timeline, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/external-change", Fixture, NULL,
              fixture_set_up, test_external_change, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/deleted", Fixture, NULL,
              fixture_set_up, test_deleted, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/delete-action", Fixture, NULL,
              fixture_set_up, test_delete_action, fixture_tear_down);
  g_test_add ("/rapport/ui/member-page/icon-buttons", Fixture, NULL,
              fixture_set_up, test_icon_buttons, fixture_tear_down);
  g_test_add_func ("/rapport/ui/member-page/clock-format", test_clock_format);
  g_test_add ("/rapport/ui/member-page/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
