/* test-platforms.c
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

#include "rapport-connector.h"
#include "rapport-platform.h"

static void
test_lookup (void)
{
  const RapportPlatform * const *all = rapport_platforms_get_all ();
  const RapportPlatform *github = rapport_platform_lookup ("github");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (github);
  g_assert_cmpstr (rapport_platform_get_id (github), ==, "github");
  g_assert_cmpstr (rapport_platform_get_display_name (github), ==, "GitHub");
  g_assert_cmpstr (rapport_platform_get_icon_name (github), ==, "utilities-terminal-symbolic");
  g_assert_cmpstr (rapport_platform_get_profile_pattern (github), ==, "https://github.com/%s");
  g_assert_false (rapport_platform_has_connector (github));
  g_assert_cmpuint (rapport_platform_get_rate_limit (github), ==, 0);

  /* Ids are stored lower-case; older rows may not be. */
  g_assert_true (rapport_platform_lookup ("GitHub") == github);
  g_assert_null (rapport_platform_lookup ("myspace"));
  g_assert_null (rapport_platform_lookup (""));
  g_assert_null (rapport_platform_lookup (NULL));

  g_assert_cmpstr (rapport_platform_get_display_name (rapport_platform_lookup ("stackoverflow")), ==,
                   "Stack Overflow");
  g_assert_cmpstr (rapport_platform_get_display_name (rapport_platform_lookup ("website")), ==,
                   "Website");
  g_assert_null (rapport_platform_get_profile_pattern (rapport_platform_lookup ("discord")));

  /* Every id once, every platform complete, every pattern with one hole. */
  for (guint i = 0; all[i] != NULL; i++)
    {
      const char *id = rapport_platform_get_id (all[i]);
      const char *pattern = rapport_platform_get_profile_pattern (all[i]);

      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_true (rapport_platform_lookup (id) == all[i]);
      g_assert_nonnull (rapport_platform_get_display_name (all[i]));
      g_assert_true (g_str_has_suffix (rapport_platform_get_icon_name (all[i]), "-symbolic"));
      if (pattern != NULL)
        {
          const char *hole = strstr (pattern, "%s");

          g_assert_nonnull (hole);
          g_assert_null (strchr (hole + 2, '%'));
        }
    }
  g_assert_cmpuint (g_hash_table_size (ids), >=, 18);
}

static void
test_lookup_by_name (void)
{
  const RapportPlatform *stackoverflow = rapport_platform_lookup ("stackoverflow");
  const RapportPlatform *x = rapport_platform_lookup ("x");
  /* The platforms whose handles a CSV column can hold, as files name them. */
  static const char * const csv_columns[] = {
    "Bluesky", "Discord", "Discourse", "GitHub", "GitLab", "HubSpot", "LinkedIn", "Mastodon",
    "Matrix", "Meetup", "Reddit", "Slack", "Stack Overflow", "Telegram", "Twitter", "X",
    "YouTube",
  };
  guint n_csv = 0;

  g_assert_true (rapport_platform_lookup_by_name ("Stack Overflow") == stackoverflow);
  g_assert_true (rapport_platform_lookup_by_name ("stack_overflow") == stackoverflow);
  g_assert_true (rapport_platform_lookup_by_name ("STACK-OVERFLOW") == stackoverflow);
  g_assert_true (rapport_platform_lookup_by_name ("stackoverflow") == stackoverflow);
  g_assert_true (rapport_platform_lookup_by_name (" Git Hub ") == rapport_platform_lookup ("github"));
  g_assert_true (rapport_platform_lookup_by_name ("DEV") == rapport_platform_lookup ("devto"));
  g_assert_true (rapport_platform_lookup_by_name ("x") == x);
  g_assert_true (rapport_platform_lookup_by_name ("X") == x);
  g_assert_null (rapport_platform_lookup_by_name ("Stack"));
  g_assert_null (rapport_platform_lookup_by_name ("GitHub handle"));
  g_assert_null (rapport_platform_lookup_by_name ("Gïthub"));
  g_assert_null (rapport_platform_lookup_by_name ("--"));
  g_assert_null (rapport_platform_lookup_by_name (""));
  g_assert_null (rapport_platform_lookup_by_name (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    {
      const RapportPlatform *platform = rapport_platform_lookup_by_name (csv_columns[i]);

      g_assert_nonnull (platform);
      g_assert_true (rapport_platform_is_csv_column (platform));
    }

  for (const RapportPlatform * const *all = rapport_platforms_get_all (); *all != NULL; all++)
    n_csv += rapport_platform_is_csv_column (*all);
  g_assert_cmpuint (n_csv, ==, G_N_ELEMENTS (csv_columns));

  /* Offered when adding an identity, but not a column of their own. */
  g_assert_false (rapport_platform_is_csv_column (rapport_platform_lookup ("website")));
  g_assert_false (rapport_platform_is_csv_column (rapport_platform_lookup ("codeberg")));
  g_assert_true (rapport_platform_is_offered (rapport_platform_lookup ("codeberg")));
  g_assert_false (rapport_platform_is_offered (x));
}

static void
assert_profile_url (const char *id,
                    const char *handle,
                    const char *expected)
{
  g_autofree char *url = rapport_platform_dup_profile_url (rapport_platform_lookup (id), handle);

  g_assert_cmpstr (url, ==, expected);
}

static void
test_profile_url (void)
{
  assert_profile_url ("github", "ada", "https://github.com/ada");
  assert_profile_url ("github", "@ada", "https://github.com/ada");
  assert_profile_url ("github", "a b/c?d#e%f", "https://github.com/a%20b%2Fc%3Fd%23e%25f");
  assert_profile_url ("github", "@", NULL);
  assert_profile_url ("github", "", NULL);
  assert_profile_url ("github", NULL, NULL);
  assert_profile_url ("gitlab", "grace", "https://gitlab.com/grace");
  assert_profile_url ("youtube", "@chan nel", "https://www.youtube.com/@chan%20nel");
  assert_profile_url ("bluesky", "ada.bsky.social", "https://bsky.app/profile/ada.bsky.social");
  assert_profile_url ("linkedin", "ada-lovelace", "https://www.linkedin.com/in/ada-lovelace");
  assert_profile_url ("reddit", "u/spez", "https://www.reddit.com/user/spez");
  assert_profile_url ("reddit", "@spez", "https://www.reddit.com/user/spez");
  assert_profile_url ("devto", "ben", "https://dev.to/ben");
  assert_profile_url ("codeberg", "ü", "https://codeberg.org/%C3%BC");

  /* Matrix ids keep their sigil and server. */
  assert_profile_url ("matrix", "@ada:matrix.org", "https://matrix.to/#/@ada:matrix.org");
  assert_profile_url ("matrix", "@a/b:x.org", "https://matrix.to/#/@a%2Fb:x.org");

  /* Mastodon handles name their server, which must be only a host. */
  assert_profile_url ("mastodon", "@ada@example.social", "https://example.social/@ada");
  assert_profile_url ("mastodon", "ada b@example.social", "https://example.social/@ada%20b");
  assert_profile_url ("mastodon", "@ada", NULL);
  assert_profile_url ("mastodon", "@ada@evil.example/phish", NULL);
  assert_profile_url ("mastodon", "@ada@host:8080", NULL);
  assert_profile_url ("mastodon", "@@example.social", NULL);

  /* A website's handle is its address, and nothing else is. */
  assert_profile_url ("website", "https://example.org/~ada", "https://example.org/~ada");
  assert_profile_url ("website", "http://example.org", "http://example.org");
  assert_profile_url ("website", "javascript:alert(1)", NULL);
  assert_profile_url ("website", "example.org", NULL);

  /* No well-known profile address. */
  assert_profile_url ("discord", "ada", NULL);
  assert_profile_url ("slack", "ada", NULL);
  assert_profile_url ("hubspot", "123", NULL);
  assert_profile_url ("x", "ada", NULL);
}

static void
test_connectors (void)
{
  const char * const *ids = rapport_connector_list_ids ();
  guint n_connectors = 0;

  g_assert_nonnull (ids);
  g_assert_cmpstr (ids[0], ==, "hubspot");
  g_assert_null (ids[1]);

  for (const RapportPlatform * const *all = rapport_platforms_get_all (); *all != NULL; all++)
    {
      const char *id = rapport_platform_get_id (*all);
      g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (id);

      g_assert_cmpint (rapport_platform_has_connector (*all), ==,
                       g_strv_contains (ids, id));
      g_assert_cmpint (rapport_platform_has_connector (*all), ==, connector != NULL);
      if (connector == NULL)
        {
          g_assert_cmpuint (rapport_platform_get_rate_limit (*all), ==, 0);
          continue;
        }

      /* The registry's rate limit is the connector's, per minute. */
      n_connectors++;
      g_assert_cmpstr (rapport_connector_get_id (connector), ==, id);
      g_assert_cmpuint (rapport_connector_get_rate_window (connector), >, 0);
      g_assert_cmpuint (rapport_platform_get_rate_limit (*all), ==,
                        rapport_connector_get_default_rate_limit (connector) * 60 /
                        rapport_connector_get_rate_window (connector));
    }
  g_assert_cmpuint (n_connectors, ==, g_strv_length ((GStrv) ids));
  g_assert_cmpuint (rapport_platform_get_rate_limit (rapport_platform_lookup ("hubspot")), ==, 600);
}

static void
test_boxed (void)
{
  const RapportPlatform *github = rapport_platform_lookup ("github");
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, RAPPORT_TYPE_PLATFORM);
  g_value_set_static_boxed (&value, github);
  g_assert_true (g_value_get_boxed (&value) == github);
  g_assert_true (g_boxed_copy (RAPPORT_TYPE_PLATFORM, github) == github);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/platforms/lookup", test_lookup);
  g_test_add_func ("/rapport/platforms/lookup-by-name", test_lookup_by_name);
  g_test_add_func ("/rapport/platforms/profile-url", test_profile_url);
  g_test_add_func ("/rapport/platforms/connectors", test_connectors);
  g_test_add_func ("/rapport/platforms/boxed", test_boxed);

  return g_test_run ();
}
