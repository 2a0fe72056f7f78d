/* test-search.c
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

#include "rapport-member.h"
#include "rapport-note.h"
#include "rapport-store.h"
#include "rapport-util.h"

typedef struct
{
  char         *dir;
  RapportStore *store;
  gint64        amara, soren, jose, mei;
} Fixture;

static gint64
add (Fixture    *f,
     const char *name,
     const char *email,
     const char *organization)
{
  g_autoptr(RapportMember) m = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (m, name);
  rapport_member_set_email (m, email);
  rapport_member_set_organization (m, organization);
  rapport_store_insert_member (f->store, m, &error);
  g_assert_no_error (error);
  return rapport_member_get_id (m);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rapport-search-XXXXXX", &error);
  path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  f->amara = add (f, "Amara Okafor", "amara@lumen.example", "Lumen Labs");
  f->soren = add (f, "Søren Kierkegård", "soren@example.org", NULL);
  f->jose = add (f, "José Ñúñez", "jose.nunez@example.net", "Universidad de Ñuñoa");
  f->mei = add (f, "Mei Chen", "mei@example.com", "Lumen Labs");
  rapport_store_add_identity (f->store, f->soren, "discourse", "kierke_dk", NULL, NULL, &error);
  g_assert_no_error (error);
  rapport_store_add_member_tag (f->store, f->mei, "maintainer", &error);
  g_assert_no_error (error);
  rapport_store_add_note (f->store, f->jose, "Organises the Valparaíso meetup", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (rapport_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_finalize_object (f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids rapport_store_search() finds for @text, sorted, as "1,3". */
static char *
hits (Fixture    *f,
      const char *text)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *out = g_string_new (NULL);

  members = rapport_store_search (f->store, text, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      gint64 id = rapport_member_get_id (g_ptr_array_index (members, i));
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));

  return g_string_free (out, FALSE);
}

#define assert_hits(f, text, expected) \
  G_STMT_START { \
    g_autofree char *got_ = hits (f, text); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_query_builder (void)
{
  g_autofree char *a = rapport_fts_query_from_text ("ana gon");
  g_autofree char *b = rapport_fts_query_from_text ("ana@exa");
  g_autofree char *c = rapport_fts_query_from_text ("\"); DROP TABLE members; --");
  g_autofree char *d = rapport_fts_query_from_text (" -*\" ");
  g_autofree char *e = rapport_fts_query_from_text ("NEAR(a b) OR c");
  g_autofree char *f = rapport_fts_query_from_text ("k");
  g_autofree char *g = rapport_fts_query_from_text ("olga.k");
  g_autofree char *h = rapport_fts_query_from_text ("李 小龙");

  g_assert_cmpstr (a, ==, "\"ana\"* \"gon\"*");
  g_assert_cmpstr (b, ==, "\"ana\"* \"exa\"*");
  g_assert_cmpstr (c, ==, "\"DROP\"* \"TABLE\"* \"members\"*");
  g_assert_null (d);
  /* Operators are words like any other. */
  g_assert_cmpstr (e, ==, "\"NEAR\"* \"OR\"*");
  /* A lone letter stays when it is all there is, and so does one CJK character. */
  g_assert_cmpstr (f, ==, "\"k\"*");
  g_assert_cmpstr (g, ==, "\"olga\"*");
  g_assert_cmpstr (h, ==, "\"李\"* \"小龙\"*");
}

static void
test_prefixes (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *amara = g_strdup_printf ("%" G_GINT64_FORMAT, f->amara);
  g_autofree char *both = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, f->amara, f->mei);
  g_autofree char *soren = g_strdup_printf ("%" G_GINT64_FORMAT, f->soren);
  g_autofree char *jose = g_strdup_printf ("%" G_GINT64_FORMAT, f->jose);
  g_autofree char *mei = g_strdup_printf ("%" G_GINT64_FORMAT, f->mei);

  assert_hits (f, "am", amara);
  assert_hits (f, "Amara Ok", amara);
  assert_hits (f, "okafor amara", amara);
  /* Accents and case do not matter, either way round. */
  assert_hits (f, "soren", soren);
  assert_hits (f, "SØREN kierkegard", soren);
  assert_hits (f, "nunez", jose);
  assert_hits (f, "Ñúñ", jose);
  /* Emails, handles, organizations, tags and notes are found too. */
  assert_hits (f, "amara@lumen", amara);
  assert_hits (f, "jose.nunez@example", jose);
  assert_hits (f, "kierke_dk", soren);
  assert_hits (f, "lumen", both);
  assert_hits (f, "maint", mei);
  assert_hits (f, "valparai", jose);
  /* Every word must match. */
  assert_hits (f, "lumen mei", mei);
  assert_hits (f, "amara chen", "");
  assert_hits (f, "zzz", "");
  assert_hits (f, "\" * -", "");
}

static void
test_triggers_follow_changes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RapportMember) m = rapport_store_get_member (f->store, f->amara, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *amara = g_strdup_printf ("%" G_GINT64_FORMAT, f->amara);
  g_autofree char *jose = g_strdup_printf ("%" G_GINT64_FORMAT, f->jose);
  gint64 journal_id = 0;

  /* Renaming a member. */
  rapport_member_set_name (m, "Amara Nwosu");
  rapport_store_update_member (f->store, m, &error);
  g_assert_no_error (error);
  assert_hits (f, "okafor", "");
  assert_hits (f, "nwosu", amara);

  /* Adding and removing a handle, an email and a tag. */
  rapport_store_add_identity (f->store, f->amara, "github", "anwosu", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_hits (f, "anwo", amara);
  rapport_store_add_email (f->store, f->amara, "hello@nwosu-studio.example", &error);
  g_assert_no_error (error);
  assert_hits (f, "nwosu-studio", amara);
  rapport_store_remove_email (f->store, f->amara, "hello@nwosu-studio.example", &error);
  g_assert_no_error (error);
  assert_hits (f, "studio", "");
  rapport_store_add_member_tag (f->store, f->amara, "ambassador", &error);
  assert_hits (f, "ambass", amara);
  rapport_store_remove_member_tag (f->store, f->amara, "ambassador", &error);
  g_assert_no_error (error);
  assert_hits (f, "ambass", "");

  /* Notes, edited and deleted. */
  notes = rapport_store_list_notes (f->store, f->jose);
  rapport_store_update_note (f->store, rapport_note_get_id (g_ptr_array_index (notes, 0)),
                             "Runs the Concepción meetup", &error);
  g_assert_no_error (error);
  assert_hits (f, "valparai", "");
  assert_hits (f, "concepcion", jose);
  rapport_store_delete_note (f->store, rapport_note_get_id (g_ptr_array_index (notes, 0)), &journal_id, &error);
  g_assert_no_error (error);
  assert_hits (f, "concepcion", "");
  rapport_store_undo (f->store, journal_id, &error);
  g_assert_no_error (error);
  assert_hits (f, "concepcion", jose);

  /* Deleting the member takes them out; Undo puts them back. */
  rapport_store_delete_member (f->store, f->jose, &journal_id, &error);
  g_assert_no_error (error);
  assert_hits (f, "jose", "");
  rapport_store_undo (f->store, journal_id, &error);
  g_assert_no_error (error);
  assert_hits (f, "jose concepcion", jose);
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lumen_person;

  /* A name match outranks an organization match. */
  lumen_person = add (f, "Lumen Ortega", NULL, NULL);
  members = rapport_store_search (f->store, "lumen", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpint (rapport_member_get_id (g_ptr_array_index (members, 0)), ==, lumen_person);

  g_clear_pointer (&members, g_ptr_array_unref);
  members = rapport_store_search (f->store, "lumen", 2, &error);
  g_assert_cmpuint (members->len, ==, 2);
}

static void
test_query_ids_with_text (Fixture       *f,
                          gconstpointer  data)
{
  RapportMemberQuery query = { .text = "lumen", .sort = RAPPORT_MEMBER_SORT_NAME };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rapport_store_query_member_ids (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  /* Amara before Mei, by name. */
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->amara);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, f->mei);

  g_clear_pointer (&ids, g_array_unref);
  query.descending = TRUE;
  ids = rapport_store_query_member_ids (f->store, &query, &error);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->mei);

  g_clear_pointer (&ids, g_array_unref);
  query.text = NULL;
  query.tag = "maintainer";
  ids = rapport_store_query_member_ids (f->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->mei);

  g_clear_pointer (&ids, g_array_unref);
  query.tag = NULL;
  query.organization = "LUMEN LABS";
  query.descending = FALSE;
  ids = rapport_store_query_member_ids (f->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 2);
}

static void
test_broad_query (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  /* More matches than are worth ranking: 1,200 people with a "Lu…" word. */
  rapport_store_begin (f->store, &error);
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s Lund %04u", i % 2 ? "Per" : "Lucas", i);
      add (f, name, NULL, NULL);
    }
  rapport_store_commit (f->store, &error);
  g_assert_no_error (error);

  /* Names that begin with the text come first, alphabetically. */
  members = rapport_store_search (f->store, "luc", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 5);
  g_assert_cmpstr (rapport_member_get_name (g_ptr_array_index (members, 0)), ==, "Lucas Lund 0000");
  g_assert_cmpstr (rapport_member_get_name (g_ptr_array_index (members, 4)), ==, "Lucas Lund 0008");
  g_clear_pointer (&members, g_ptr_array_unref);

  /* Then people with a word of the name beginning with it. */
  members = rapport_store_search (f->store, "lun", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  for (guint i = 0; i < members->len; i++)
    g_assert_nonnull (strstr (rapport_member_get_name (g_ptr_array_index (members, i)), "Lund"));
  g_clear_pointer (&members, g_ptr_array_unref);

  /* A specific query is still ranked. */
  members = rapport_store_search (f->store, "lumen", 10, &error);
  g_assert_cmpuint (members->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/search/query-builder", test_query_builder);
  g_test_add ("/rapport/search/prefixes", Fixture, NULL, fixture_set_up, test_prefixes, fixture_tear_down);
  g_test_add ("/rapport/search/triggers", Fixture, NULL, fixture_set_up, test_triggers_follow_changes, fixture_tear_down);
  g_test_add ("/rapport/search/ranking", Fixture, NULL, fixture_set_up, test_ranking, fixture_tear_down);
  g_test_add ("/rapport/search/broad", Fixture, NULL, fixture_set_up, test_broad_query, fixture_tear_down);
  g_test_add ("/rapport/search/query-ids", Fixture, NULL, fixture_set_up, test_query_ids_with_text, fixture_tear_down);

  return g_test_run ();
}
