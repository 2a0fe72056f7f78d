/* test-duplicates.c
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

/* Keys, the duplicates engine and the resolver (issue: one way in for
 * every person). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-clock.h"
#include "rapport-demo.h"
#include "rapport-duplicates.h"
#include "rapport-duplicates-private.h"
#include "rapport-member-io.h"
#include "rapport-member.h"
#include "rapport-person-keys-private.h"
#include "rapport-resolver-private.h"
#include "rapport-store.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_clock_set_fixed_iso8601 (rapport_clock_get_default (), "2026-03-29T01:30:00Z", NULL));
  f->dir = g_dir_make_tmp ("rapport-duplicates-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->store);
  g_remove (f->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  rapport_clock_follow_system (rapport_clock_get_default ());
}

static gint64
add_member (Fixture    *f,
            const char *name,
            const char *email,
            const char *organization)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (member, name);
  rapport_member_set_email (member, email);
  rapport_member_set_organization (member, organization);
  g_assert_true (rapport_store_insert_member (f->store, member, &error));
  g_assert_no_error (error);
  return rapport_member_get_id (member);
}

static void
add_handle (Fixture    *f,
            gint64      member_id,
            const char *platform,
            const char *handle)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rapport_store_add_identity (f->store, member_id, platform, handle, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* The open suggestion for the pair, or NULL. */
static RapportDuplicate *
find_pair (Fixture *f,
           gint64   a,
           gint64   b)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  pairs = rapport_store_list_duplicates (f->store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pairs->len; i++)
    {
      RapportDuplicate *pair = g_ptr_array_index (pairs, i);

      if (rapport_duplicate_get_member_a (pair) == MIN (a, b) &&
          rapport_duplicate_get_member_b (pair) == MAX (a, b))
        return rapport_duplicate_copy (pair);
    }

  return NULL;
}

static gboolean
has_reason (RapportDuplicate *pair,
            const char       *words)
{
  const char * const *reasons = rapport_duplicate_get_reasons (pair);

  for (guint i = 0; reasons[i] != NULL; i++)
    if (strstr (reasons[i], words) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
has_key (GPtrArray  *keys,
         const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return TRUE;

  return FALSE;
}

static void
test_keys (void)
{
  const char *emails[] = { "Jose.Nunez+lists@Acme.example", "jn@gmail.com", NULL };
  const char *handles[] = { "J-Nunez", "jn", NULL };
  RapportPersonFacts facts = { "jose nunez garcia", 12, emails, handles, NULL };
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *gmail = _rapport_person_canonical_email ("Ana.Silva+forum@GoogleMail.com");
  g_autofree char *work = _rapport_person_canonical_email ("a.silva+x@acme.example");

  g_assert_cmpstr (gmail, ==, "anasilva@gmail.com");
  g_assert_cmpstr (work, ==, "a.silva@acme.example");
  g_assert_null (_rapport_person_canonical_email ("no-at-sign"));

  _rapport_person_keys_add (&facts, keys);
  g_assert_true (has_key (keys, "n:jose nunez garcia"));
  g_assert_true (has_key (keys, "v:jose nunez"));
  g_assert_true (has_key (keys, "v:jose garcia"));
  g_assert_true (has_key (keys, "l:j nunez"));
  g_assert_true (has_key (keys, "o:12|jose nunez"));
  g_assert_true (has_key (keys, "e:jose.nunez@acme.example"));
  g_assert_true (has_key (keys, "e:jn@gmail.com"));
  g_assert_true (has_key (keys, "d:acme.example|garcia|j"));
  g_assert_true (has_key (keys, "j:jnunez"));
  /* A free-mail domain and a two-letter handle say nothing. */
  g_assert_false (has_key (keys, "d:gmail.com|nunez|j"));
  g_assert_false (has_key (keys, "h:jn"));

  /* An initial is no given name to match whole. */
  g_ptr_array_set_size (keys, 0);
  facts = (RapportPersonFacts) { "a. silva", 0, NULL, NULL, NULL };
  _rapport_person_keys_add (&facts, keys);
  g_assert_true (has_key (keys, "l:a silva"));
  g_assert_false (has_key (keys, "n:a silva"));

  /* The kind rides in the hash. */
  g_assert_cmpint (_rapport_person_key_kind (_rapport_person_key_hash ("e:jn@gmail.com")), ==, 'e');
  g_assert_cmpint (_rapport_person_key_hash ("e:jn@gmail.com"), !=, _rapport_person_key_hash ("e:jn@gmail.co"));
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Each kind of evidence, found as the members are added (incremental),
 * and again by a full pass. */
static void
test_suggestions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportDuplicate *pair;
  gint64 ana, ana2, jose, jose2, kim, kim2, maria, maria2, lone;
  guint n_open = 0;

  /* A workplace is an organization's domain. */
  g_assert_true (_rapport_store_exec (f->store, "INSERT INTO organizations (name, domain) VALUES ('Acme', 'acme.example')",
                                      &error));
  g_assert_no_error (error);

  ana = add_member (f, "Ana Silva", "ana.silva@gmail.com", NULL);
  ana2 = add_member (f, "Ana Silva", "anasilva+meetup@gmail.com", NULL);
  jose = add_member (f, "José Núñez", "jose.nunez@acme.example", "Acme");
  jose2 = add_member (f, "Jose Nunez", "jnunez@acme.example", NULL);
  kim = add_member (f, "Kim Lee", NULL, NULL);
  add_handle (f, kim, "github", "stardust42");
  kim2 = add_member (f, "Kim Lee", NULL, NULL);
  add_handle (f, kim2, "slack", "StarDust42");
  maria = add_member (f, "Maria Garcia", "maria@one.example", "One");
  maria2 = add_member (f, "Maria Garcia", "mgarcia@two.example", "Two");
  lone = add_member (f, "Somebody Else", "else@three.example", NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      pair = find_pair (f, ana, ana2);
      g_assert_nonnull (pair);
      g_assert_cmpfloat (rapport_duplicate_get_confidence (pair), >=, 0.97);
      g_assert_true (has_reason (pair, "anasilva@gmail.com"));
      g_assert_cmpstr (rapport_duplicate_get_name_a (pair), ==, "Ana Silva");
      rapport_duplicate_free (pair);

      pair = find_pair (f, jose, jose2);
      g_assert_nonnull (pair);
      g_assert_cmpfloat (rapport_duplicate_get_confidence (pair), >=, 0.9);
      g_assert_true (has_reason (pair, "acme.example"));
      rapport_duplicate_free (pair);

      pair = find_pair (f, kim, kim2);
      g_assert_nonnull (pair);
      g_assert_cmpfloat (rapport_duplicate_get_confidence (pair), >=, 0.9);
      g_assert_true (has_reason (pair, "stardust42"));
      rapport_duplicate_free (pair);

      /* The same rare name and nothing else: worth a look, no more. */
      pair = find_pair (f, maria, maria2);
      g_assert_nonnull (pair);
      g_assert_cmpfloat (rapport_duplicate_get_confidence (pair), <, 0.9);
      g_assert_cmpfloat (rapport_duplicate_get_confidence (pair), >=, RAPPORT_DUPLICATE_MIN_CONFIDENCE);
      rapport_duplicate_free (pair);

      g_assert_null (find_pair (f, ana, lone));
      g_assert_null (find_pair (f, jose, kim));
      g_assert_cmpint (rapport_store_count_duplicates (f->store, 0), ==, 4);
      g_assert_cmpint (rapport_store_count_duplicates (f->store, 0.9), ==, 3);

      g_assert_true (rapport_store_rescan_duplicates (f->store, &n_open, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_open, ==, 4);
    }

  /* The same pass in the core's worker. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    n_open = 0;
    rapport_store_rescan_duplicates_async (f->store, NULL, on_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (rapport_store_rescan_duplicates_finish (f->store, result, &n_open, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_open, ==, 4);
    g_assert_cmpint (rapport_store_count_duplicates (f->store, 0.9), ==, 3);
  }

  /* Evidence that goes takes its suggestion with it. */
  g_assert_true (rapport_store_remove_email (f->store, jose2, "jnunez@acme.example", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_rescan_duplicates (f->store, NULL, &error));
  pair = find_pair (f, jose, jose2);
  /* Still the same (folded) rare name: a weak suggestion stays. */
  g_assert_nonnull (pair);
  g_assert_cmpfloat (rapport_duplicate_get_confidence (pair), <, 0.9);
  rapport_duplicate_free (pair);
}

/* "Not the same person" sticks, until they come to share something new. */
static void
test_reject_sticks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportDuplicate) pair = NULL;
  g_autoptr(RapportDuplicate) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kim, kim2;

  kim = add_member (f, "Kim Lee", NULL, NULL);
  add_handle (f, kim, "github", "kimlee42");
  kim2 = add_member (f, "Kim Lee", NULL, NULL);
  add_handle (f, kim2, "slack", "kimlee42");

  pair = find_pair (f, kim, kim2);
  g_assert_nonnull (pair);
  g_assert_true (rapport_store_reject_duplicate (f->store, rapport_duplicate_get_id (pair), &error));
  g_assert_no_error (error);
  g_assert_null (find_pair (f, kim, kim2));

  /* Neither a full pass nor an edit with the same evidence brings it back. */
  g_assert_true (rapport_store_rescan_duplicates (f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (find_pair (f, kim, kim2));
  add_handle (f, kim2, "discourse", "kim");
  g_assert_true (rapport_store_rescan_duplicates (f->store, NULL, &error));
  g_assert_null (find_pair (f, kim, kim2));
  g_assert_cmpint (rapport_store_count_duplicates (f->store, 0), ==, 0);

  /* New evidence: one address, as Gmail reads it. */
  g_assert_true (rapport_store_add_email (f->store, kim, "kim.lee@gmail.com", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_add_email (f->store, kim2, "kimlee@gmail.com", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_rescan_duplicates (f->store, NULL, &error));
  again = find_pair (f, kim, kim2);
  g_assert_nonnull (again);
  g_assert_cmpint (rapport_duplicate_get_id (again), ==, rapport_duplicate_get_id (pair));
  g_assert_cmpfloat (rapport_duplicate_get_confidence (again), >=, 0.97);

  g_assert_false (rapport_store_reject_duplicate (f->store, 999999, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

/* The resolver's rules, one by one. */
static void
test_resolver (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportResolver) resolver = _rapport_resolver_new (f->store);
  g_autoptr(GError) error = NULL;
  RapportResolution r;
  gint64 ana, bo, cy;
  const char *ana_email[] = { "ana@example.org", NULL };
  const char *bo_email[] = { "bo@example.org", NULL };
  RapportPersonIdentity by_id[] = { { "discourse", "1001", "someone" } };
  RapportPersonIdentity by_handle[] = { { "github", NULL, "CyCode" } };
  RapportPersonIdentity other_platform[] = { { "slack", NULL, "cycode" } };
  RapportPersonRecord record;

  ana = add_member (f, "Ana", "ana@example.org", NULL);
  bo = add_member (f, "Bo", "bo@example.org", NULL);
  cy = add_member (f, "Cy", NULL, NULL);
  add_handle (f, cy, "github", "cycode");
  g_assert_true (_rapport_store_exec (f->store,
                                      "INSERT INTO identities (member_id, platform, external_id) "
                                      "VALUES (1, 'discourse', '1001')",
                                      &error));
  g_assert_no_error (error);

  /* 1. The platform's id decides before an address of someone else. */
  record = (RapportPersonRecord) { .name = "Ana S.", .emails = bo_email, .identities = by_id, .n_identities = 1 };
  g_assert_true (_rapport_resolver_resolve (resolver, &record, &r, &error));
  g_assert_cmpint (r.member_id, ==, ana);
  g_assert_cmpint (r.by, ==, RAPPORT_RESOLVED_BY_ID);
  g_assert_cmpint (r.other_id, ==, bo);
  g_assert_cmpint (r.other_by, ==, RAPPORT_RESOLVED_BY_EMAIL);

  /* 2. An address, in any case. */
  record = (RapportPersonRecord) { .name = "Bo", .emails = (const char *[]) { "BO@example.org", NULL } };
  g_assert_true (_rapport_resolver_resolve (resolver, &record, &r, &error));
  g_assert_cmpint (r.member_id, ==, bo);
  g_assert_cmpint (r.by, ==, RAPPORT_RESOLVED_BY_EMAIL);
  g_assert_cmpint (r.other_id, ==, 0);

  /* An address the source does not vouch for matches nobody. */
  record.emails_unverified = TRUE;
  g_assert_true (_rapport_resolver_resolve (resolver, &record, &r, &error));
  g_assert_cmpint (r.member_id, ==, 0);
  g_assert_cmpint (r.other_id, ==, bo);

  /* 3. The same handle on the same platform; on another it is only a hint
   * for the duplicates engine. */
  record = (RapportPersonRecord) { .name = "Cy", .identities = by_handle, .n_identities = 1 };
  g_assert_true (_rapport_resolver_resolve (resolver, &record, &r, &error));
  g_assert_cmpint (r.member_id, ==, cy);
  g_assert_cmpint (r.by, ==, RAPPORT_RESOLVED_BY_HANDLE);
  record.identities = other_platform;
  g_assert_true (_rapport_resolver_resolve (resolver, &record, &r, &error));
  g_assert_cmpint (r.member_id, ==, 0);

  /* Claimed values of a member not written yet are found. */
  record = (RapportPersonRecord) { .name = "Dee", .emails = (const char *[]) { "dee@example.org", NULL } };
  _rapport_resolver_claim (resolver, &record, 4242);
  g_assert_true (_rapport_resolver_resolve (resolver, &record, &r, &error));
  g_assert_cmpint (r.member_id, ==, 4242);
  _rapport_resolver_forget_pending (resolver);
  g_assert_true (_rapport_resolver_resolve (resolver, &record, &r, &error));
  g_assert_cmpint (r.member_id, ==, 0);
  (void) ana_email;
}

/* A CSV import goes through the resolver and leaves suggestions for what
 * it could not decide. */
static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(RapportDuplicate) pair = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportResult result = { 0 };
  gint64 ana;

  ana = add_member (f, "Ana Silva", "ana.silva@gmail.com", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "name,email,github\n"
                                      "Ana Silva,ana.silva@gmail.com,anas\n"
                                      "Ana Silva,anasilva+csv@gmail.com,\n"
                                      "Ben Ode,ben@example.org,benode\n",
                                      -1, &error));
  g_assert_true (rapport_member_import_csv (f->store, file, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.added, ==, 2);

  pair = find_pair (f, ana, rapport_store_find_member_by_email (f->store, "anasilva+csv@gmail.com"));
  g_assert_nonnull (pair);
  g_assert_cmpfloat (rapport_duplicate_get_confidence (pair), >=, 0.97);
  g_assert_cmpint (rapport_store_count_duplicates (f->store, 0), ==, 1);
}


static guint64
pair_key (gint64 a,
          gint64 b)
{
  return ((guint64) MIN (a, b) << 32) | (guint64) MAX (a, b);
}

/* On the demo's known duplicates: precision of the sure suggestions
 * (confidence >= 0.9) and recall of all of them, measured, not printed
 * only. */
static void
test_demo_truth (Fixture       *f,
                 gconstpointer  data)
{
  RapportDemoOptions options = { 5000, 25000, 12 };
  g_autoptr(GHashTable) truth = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) duplicates = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  guint sure = 0, sure_right = 0, found = 0, by_kind[4] = { 0 }, of_kind[4] = { 0 };
  double precision, recall;

  g_assert_true (_rapport_demo_generate_with_truth (f->store, &options, &duplicates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (duplicates->len, >, 50);

  g_array_set_size (keys, duplicates->len);
  for (guint i = 0; i < duplicates->len; i++)
    {
      const RapportDemoDuplicate *d = &g_array_index (duplicates, RapportDemoDuplicate, i);

      g_array_index (keys, guint64, i) = pair_key (d->original_id, d->duplicate_id);
      g_hash_table_insert (truth, &g_array_index (keys, guint64, i), GINT_TO_POINTER (d->kind));
      of_kind[d->kind - 'A']++;
    }

  /* The demo ran the full pass; the queue holds its pairs. */
  pairs = rapport_store_list_duplicates (f->store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pairs->len; i++)
    {
      const RapportDuplicate *pair = g_ptr_array_index (pairs, i);
      guint64 key = pair_key (rapport_duplicate_get_member_a (pair), rapport_duplicate_get_member_b (pair));
      gpointer kind = g_hash_table_lookup (truth, &key);

      if (kind != NULL)
        {
          found++;
          by_kind[GPOINTER_TO_INT (kind) - 'A']++;
        }
      if (rapport_duplicate_get_confidence (pair) >= 0.9)
        {
          sure++;
          sure_right += kind != NULL;
          if (kind == NULL && g_test_verbose ())
            {
              g_autofree char *why = g_strjoinv ("; ", (char **) rapport_duplicate_get_reasons (pair));
              /* The sure suggestions that are wrong, to look at. */
              g_test_message ("wrong at %.2f: %lld %s and %lld %s: %s", rapport_duplicate_get_confidence (pair),
                              (long long) rapport_duplicate_get_member_a (pair), rapport_duplicate_get_name_a (pair),
                              (long long) rapport_duplicate_get_member_b (pair), rapport_duplicate_get_name_b (pair), why);
            }
        }
    }

  precision = sure > 0 ? (double) sure_right / sure : 0;
  recall = (double) found / duplicates->len;
  g_test_message ("%u known pairs; %u suggestions; %u at >= 0.9 of which %u right: precision %.3f; recall %.3f "
                  "(A %u/%u, B %u/%u, C %u/%u, D %u/%u)",
                  duplicates->len, pairs->len, sure, sure_right, precision, recall,
                  by_kind[0], of_kind[0], by_kind[1], of_kind[1], by_kind[2], of_kind[2], by_kind[3], of_kind[3]);
  g_assert_cmpuint (sure, >, 0);
  g_assert_cmpfloat (precision, >=, 0.95);
  g_assert_cmpfloat (recall, >=, 0.9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/rapport/duplicates/keys", test_keys);
  ADD ("/rapport/duplicates/suggestions", test_suggestions);
  ADD ("/rapport/duplicates/reject-sticks", test_reject_sticks);
  ADD ("/rapport/duplicates/resolver", test_resolver);
  ADD ("/rapport/duplicates/csv-import", test_csv_import);
  ADD ("/rapport/duplicates/demo-truth", test_demo_truth);

  return g_test_run ();
}
