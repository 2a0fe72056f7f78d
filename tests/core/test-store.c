/* test-store.c
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
#include <sqlite3.h>

#include "rapport-activity.h"
#include "rapport-identity.h"
#include "rapport-member.h"
#include "rapport-note.h"
#include "rapport-store.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  GPtrArray    *changes;
} Fixture;

static void
on_changed_cb (RapportStore      *store,
               const char        *table,
               gint64             row_id,
               RapportChangeKind  kind,
               Fixture           *f)
{
  g_ptr_array_add (f->changes, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d", table, row_id, kind));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  f->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_ptr_array_unref (f->changes);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static RapportMember *
make_member (const char *name,
             const char *email,
             const char *organization)
{
  RapportMember *m = rapport_member_new ();

  rapport_member_set_name (m, name);
  rapport_member_set_email (m, email);
  rapport_member_set_organization (m, organization);
  return m;
}

static gint64
add_member (Fixture    *f,
            const char *name,
            const char *email,
            const char *organization)
{
  g_autoptr(RapportMember) m = make_member (name, email, organization);
  g_autoptr(GError) error = NULL;

  rapport_store_insert_member (f->store, m, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_member_get_id (m), >, 0);
  return rapport_member_get_id (m);
}

static void
test_open_creates_schema (Fixture       *f,
                          gconstpointer  data)
{
  RapportStoreCounts counts;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rapport_store_get_version (f->store), ==, rapport_store_get_latest_version ());
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (rapport_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.members, ==, 0);
}

static void
test_member_insert_get (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportMember) m = make_member ("  Amara Okafor ", "Amara@Lumen.EXAMPLE", "Lumen Labs");
  g_autoptr(RapportMember) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *initials = NULL;
  g_auto(GStrv) organizations = NULL;

  rapport_member_set_title (m, "Developer Advocate");
  rapport_member_set_custom (m, "T-shirt", "M");
  g_assert_true (rapport_store_insert_member (f->store, m, &error));
  g_assert_no_error (error);

  got = rapport_store_get_member (f->store, rapport_member_get_id (m), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (got), ==, "Amara Okafor");
  g_assert_cmpstr (rapport_member_get_email (got), ==, "Amara@lumen.example");
  g_assert_cmpstr (rapport_member_get_organization (got), ==, "Lumen Labs");
  g_assert_cmpstr (rapport_member_get_title (got), ==, "Developer Advocate");
  g_assert_cmpstr (rapport_member_get_stage (got), ==, "Newcomer");
  g_assert_cmpstr (rapport_member_get_custom (got, "T-shirt"), ==, "M");
  g_assert_cmpint (rapport_member_get_joined_at (got), >, 0);
  initials = rapport_member_dup_initials (got);
  g_assert_cmpstr (initials, ==, "AO");

  g_assert_cmpuint (f->changes->len, >=, 1);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "members:1:0", g_str_equal, NULL));

  /* The same organization is reused, whatever its case. */
  add_member (f, "Bo Li", NULL, "lumen labs");
  organizations = rapport_store_list_organizations (f->store);
  g_assert_cmpstrv (organizations, ((const char * const[]) { "Lumen Labs", NULL }));
}

static void
test_member_validation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportMember) nameless = make_member ("   ", NULL, NULL);
  g_autoptr(RapportMember) bad_email = make_member ("Ana", "ana@", NULL);
  g_autoptr(RapportMember) duplicate = make_member ("Ana Two", "ana@example.org", NULL);
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;

  g_assert_false (rapport_store_insert_member (f->store, nameless, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rapport_store_insert_member (f->store, bad_email, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ana@"));
  g_clear_error (&error);

  /* A time zone is a name the system knows (or an offset), else refused. */
  {
    g_autoptr(RapportMember) martian = make_member ("Marvin", NULL, NULL);

    rapport_member_set_timezone (martian, "Mars/Olympus_Mons");
    g_assert_false (rapport_store_insert_member (f->store, martian, &error));
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
    g_clear_error (&error);
    rapport_member_set_timezone (martian, "Europe/Berlin");
    g_assert_true (rapport_store_insert_member (f->store, martian, &error));
    g_assert_no_error (error);
    g_assert_true (rapport_store_delete_member (f->store, rapport_member_get_id (martian), NULL, &error));
  }

  add_member (f, "Ana", "ana@example.org", "Org That Must Not Stay");
  g_assert_false (rapport_store_insert_member (f->store, duplicate, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);

  /* The failed insert left nothing behind, not even its organization row. */
  rapport_store_get_counts (f->store, &counts, NULL);
  g_assert_cmpint (counts.members, ==, 1);
  g_assert_cmpint (counts.emails, ==, 1);
  g_assert_cmpint (counts.organizations, ==, 1);
}

static void
test_member_update (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_member (f, "Søren Kierkegård", "soren@example.org", NULL);
  g_autoptr(RapportMember) m = rapport_store_get_member (f->store, id, NULL);
  g_autoptr(RapportMember) got = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) emails = NULL;

  g_assert_true (rapport_store_add_email (f->store, id, "s.k@example.net", &error));
  g_assert_no_error (error);

  rapport_member_set_email (m, "soren.k@example.org");
  rapport_member_set_location (m, "Aarhus");
  rapport_member_set_organization (m, "Aarhus Universitet");
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (rapport_store_update_member (f->store, m, &error));
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "members:1:1", g_str_equal, NULL));

  got = rapport_store_get_member (f->store, id, NULL);
  g_assert_cmpstr (rapport_member_get_email (got), ==, "soren.k@example.org");
  g_assert_cmpstr (rapport_member_get_location (got), ==, "Aarhus");
  g_assert_cmpstr (rapport_member_get_organization (got), ==, "Aarhus Universitet");

  /* The old primary address was replaced; the other one stays. */
  emails = rapport_store_list_emails (f->store, id);
  g_assert_cmpuint (g_strv_length (emails), ==, 2);
  g_assert_cmpstr (emails[0], ==, "soren.k@example.org");
  g_assert_cmpstr (emails[1], ==, "s.k@example.net");
  g_assert_cmpint (rapport_store_find_member_by_email (f->store, "soren@example.org"), ==, 0);
  /* Addresses match whatever their case. */
  g_assert_cmpint (rapport_store_find_member_by_email (f->store, "S.K@EXAMPLE.NET"), ==, id);
  g_assert_cmpint (rapport_store_find_member_by_email (f->store, "s.k@EXAMPLE.NET"), ==, id);
}

static void
test_member_delete_undo (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = add_member (f, "José Ñúñez", "jose@example.org", "Universidad de Ñuñoa");
  gint64 other = add_member (f, "Bo Li", "bo@example.org", NULL);
  g_autoptr(RapportMember) back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) identities = NULL;
  RapportStoreCounts before, after;
  gint64 journal_id = 0;

  rapport_store_add_identity (f->store, id, "github", "jnunez", NULL, "4242", &error);
  g_assert_no_error (error);
  rapport_store_add_member_tag (f->store, id, "translator", &error);
  g_assert_no_error (error);
  rapport_store_add_note (f->store, id, "Wants to run a meetup in Santiago", "Kim", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    rapport_store_add_activity (f->store, id, "discourse", "post", 1700000000 + i * 3600,
                                "Hello", NULL, "general", &error);
  g_assert_no_error (error);
  rapport_store_add_activity (f->store, other, "github", "issue", 1700000000, "Crash", NULL, NULL, &error);

  rapport_store_get_counts (f->store, &before, NULL);

  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (rapport_store_delete_member (f->store, id, &journal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (journal_id, >, 0);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "members:1:2", g_str_equal, NULL));
  g_assert_null (rapport_store_get_member (f->store, id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rapport_store_get_counts (f->store, &after, NULL);
  g_assert_cmpint (after.members, ==, 1);
  g_assert_cmpint (after.activities, ==, 1);
  g_assert_cmpint (after.identities, ==, 0);

  g_assert_true (rapport_store_undo (f->store, journal_id, &error));
  g_assert_no_error (error);

  back = rapport_store_get_member (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (back), ==, "José Ñúñez");
  g_assert_cmpstr (rapport_member_get_email (back), ==, "jose@example.org");
  g_assert_cmpstr (rapport_member_get_organization (back), ==, "Universidad de Ñuñoa");
  g_assert_cmpint (rapport_member_get_activity_count (back), ==, 5);
  g_assert_cmpint (rapport_member_get_last_active_at (back), ==, 1700000000 + 4 * 3600);

  tags = rapport_store_list_member_tags (f->store, id);
  g_assert_cmpstrv (tags, ((const char * const[]) { "translator", NULL }));
  notes = rapport_store_list_notes (f->store, id);
  g_assert_cmpuint (notes->len, ==, 1);
  identities = rapport_store_list_identities (f->store, id);
  g_assert_cmpuint (identities->len, ==, 1);
  g_assert_cmpstr (rapport_identity_get_external_id (g_ptr_array_index (identities, 0)), ==, "4242");

  rapport_store_get_counts (f->store, &after, NULL);
  g_assert_cmpint (after.members, ==, before.members);
  g_assert_cmpint (after.activities, ==, before.activities);
  g_assert_cmpint (after.emails, ==, before.emails);

  /* An Undo happens once. */
  g_assert_false (rapport_store_undo (f->store, journal_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_identities (Fixture       *f,
                 gconstpointer  data)
{
  gint64 a = add_member (f, "Amara Okafor", NULL, NULL);
  gint64 b = add_member (f, "Bo Li", NULL, NULL);
  g_autoptr(GPtrArray) identities = NULL;
  g_autoptr(GError) error = NULL;
  gint64 identity;

  identity = rapport_store_add_identity (f->store, a, "GitHub", "amarao", "https://github.com/amarao", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (identity, >, 0);
  g_assert_cmpint (rapport_store_find_member_by_identity (f->store, "github", "AmaraO"), ==, a);

  /* Someone else's handle is refused, naming it. */
  g_assert_cmpint (rapport_store_add_identity (f->store, b, "github", "AMARAO", NULL, NULL, &error), ==, 0);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "AMARAO"));
  g_clear_error (&error);

  /* The same handle on another platform is someone else's business. */
  g_assert_cmpint (rapport_store_add_identity (f->store, b, "discourse", "amarao", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  identities = rapport_store_list_identities (f->store, a);
  g_assert_cmpuint (identities->len, ==, 1);
  g_assert_cmpstr (rapport_identity_get_platform (g_ptr_array_index (identities, 0)), ==, "github");
  g_assert_cmpstr (rapport_identity_get_url (g_ptr_array_index (identities, 0)), ==, "https://github.com/amarao");

  g_assert_true (rapport_store_remove_identity (f->store, identity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_find_member_by_identity (f->store, "github", "amarao"), ==, 0);
}

static void
test_tags_and_notes (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_member (f, "Mei Chen", NULL, NULL);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) all = NULL;
  gint64 note, journal_id = 0;

  g_assert_true (rapport_store_add_member_tag (f->store, id, "speaker", &error));
  g_assert_true (rapport_store_add_member_tag (f->store, id, " Maintainer ", &error));
  g_assert_true (rapport_store_add_member_tag (f->store, id, "SPEAKER", &error));
  g_assert_no_error (error);
  tags = rapport_store_list_member_tags (f->store, id);
  g_assert_cmpstrv (tags, ((const char * const[]) { "Maintainer", "speaker", NULL }));
  g_assert_true (rapport_store_remove_member_tag (f->store, id, "maintainer", &error));
  all = rapport_store_list_tags (f->store);
  g_assert_cmpstrv (all, ((const char * const[]) { "speaker", NULL }));

  g_assert_false (rapport_store_add_member_tag (f->store, id, "  ", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  note = rapport_store_add_note (f->store, id, "First chat at the Berlin meetup", "Kim", &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_update_note (f->store, note, "First chat at the Berlin meetup, 2024", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_add_note (f->store, id, "\n ", NULL, &error), ==, 0);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  notes = rapport_store_list_notes (f->store, id);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (rapport_note_get_body (g_ptr_array_index (notes, 0)), ==, "First chat at the Berlin meetup, 2024");
  g_assert_cmpstr (rapport_note_get_author (g_ptr_array_index (notes, 0)), ==, "Kim");
  g_clear_pointer (&notes, g_ptr_array_unref);

  g_assert_true (rapport_store_delete_note (f->store, note, &journal_id, &error));
  g_assert_no_error (error);
  notes = rapport_store_list_notes (f->store, id);
  g_assert_cmpuint (notes->len, ==, 0);
  g_clear_pointer (&notes, g_ptr_array_unref);

  g_assert_true (rapport_store_undo (f->store, journal_id, &error));
  g_assert_no_error (error);
  notes = rapport_store_list_notes (f->store, id);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (rapport_note_get_id (g_ptr_array_index (notes, 0)), ==, note);
}

static void
test_activities_paging (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_member (f, "Lucía Fernández", NULL, NULL);
  g_autoptr(RapportMember) m = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before_time = 0, before_id = 0;
  guint seen = 0;

  /* Pairs share a timestamp, so paging must break ties by id. */
  for (int i = 0; i < 25; i++)
    rapport_store_add_activity (f->store, id, "slack", "message", 1700000000 + (i / 2) * 60,
                                "Message", NULL, "#general", &error);
  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(GPtrArray) page = rapport_store_list_activities (f->store, id, before_time, before_id, 10, &error);
      RapportActivity *last;

      g_assert_no_error (error);
      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        {
          RapportActivity *a = g_ptr_array_index (page, i);

          if (before_time != 0)
            g_assert_true (rapport_activity_get_occurred_at (a) < before_time ||
                           (rapport_activity_get_occurred_at (a) == before_time &&
                            rapport_activity_get_id (a) < before_id));
        }

      last = g_ptr_array_index (page, page->len - 1);
      before_time = rapport_activity_get_occurred_at (last);
      before_id = rapport_activity_get_id (last);
      seen += page->len;
    }

  g_assert_cmpuint (seen, ==, 25);
  m = rapport_store_get_member (f->store, id, NULL);
  g_assert_cmpint (rapport_member_get_activity_count (m), ==, 25);
  g_assert_cmpint (rapport_member_get_last_active_at (m), ==, 1700000000 + 12 * 60);
}

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;

  g_assert_true (rapport_store_begin (f->store, &error));
  add_member (f, "Temporary Person", NULL, NULL);
  g_assert_cmpuint (f->changes->len, ==, 0);
  rapport_store_rollback (f->store);

  rapport_store_get_counts (f->store, &counts, NULL);
  g_assert_cmpint (counts.members, ==, 0);
  g_assert_cmpuint (f->changes->len, ==, 0);

  g_assert_true (rapport_store_begin (f->store, &error));
  add_member (f, "Kept Person", NULL, NULL);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_true (rapport_store_commit (f->store, &error));
  g_assert_cmpuint (f->changes->len, >, 0);
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-newer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  gsize before_len, after_len;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  g_assert_null (rapport_store_new (path, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Rapport"));
  g_assert_nonnull (strstr (error->message, "999"));

  /* Untouched: same bytes, no WAL, no backup. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-notdb-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (path, "name,email\nAna,ana@example.org\n", -1, NULL));
  g_assert_null (rapport_store_new (path, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (rapport_store_new (other, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "another program"));

  g_unlink (path);
  g_unlink (other);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/store/open", test_open_creates_schema);
  ADD ("/rapport/store/members/insert", test_member_insert_get);
  ADD ("/rapport/store/members/validation", test_member_validation);
  ADD ("/rapport/store/members/update", test_member_update);
  ADD ("/rapport/store/members/delete-undo", test_member_delete_undo);
  ADD ("/rapport/store/identities", test_identities);
  ADD ("/rapport/store/tags-notes", test_tags_and_notes);
  ADD ("/rapport/store/activities/paging", test_activities_paging);
  ADD ("/rapport/store/transactions", test_transaction_rollback);
  g_test_add_func ("/rapport/store/newer-schema", test_newer_schema_refused);
  g_test_add_func ("/rapport/store/not-a-database", test_not_a_database);

#undef ADD

  return g_test_run ();
}
