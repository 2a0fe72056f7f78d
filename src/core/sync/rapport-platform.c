/* rapport-platform.c
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

/* The platform registry: every platform Rapport knows by name, with its
 * icon, its profile addresses and its rate limit. Identities, CSV columns
 * and connectors all read it, so a platform is added in one place. */

#define G_LOG_DOMAIN "rapport-platform"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-platform.h"

/* How a handle becomes the part of a profile address that replaces "%s". */
typedef enum
{
  HANDLE_PLAIN,    /* "@name" or "name", escaped */
  HANDLE_REDDIT,   /* as plain, and "u/name" too */
  HANDLE_MATRIX,   /* "@name:server", kept whole */
  HANDLE_MASTODON, /* "@name@server", which names the server */
  HANDLE_URL,      /* the handle is the address */
} HandleStyle;

typedef enum
{
  OFFERED    = 1 << 0,
  CSV_COLUMN = 1 << 1,
  CONNECTOR  = 1 << 2,
} Flags;

/**
 * RapportPlatform:
 *
 * A platform Rapport knows. The registry's platforms are static and live as
 * long as the program; the boxed type copies and frees nothing.
 */
struct _RapportPlatform
{
  const char  *id;
  const char  *name;
  const char  *icon_name;
  const char  *profile_pattern;
  HandleStyle  handle_style;
  Flags        flags;
  guint        rate_limit;
};

/* In the order people are offered them when adding an identity. Rate limits
 * are requests per minute, 0 where Rapport has no connector to pace. HubSpot's
 * is its connector's default: 100 requests every 10 seconds (the Starter
 * tier), see RAPPORT_HUBSPOT_RATE_LIMIT_STARTER. */
static const RapportPlatform platforms[] = {
  /* Translators: platform names; brand names usually stay as they are */
  { "github", N_("GitHub"), "utilities-terminal-symbolic", "https://github.com/%s",
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "gitlab", N_("GitLab"), "utilities-terminal-symbolic", "https://gitlab.com/%s",
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "codeberg", N_("Codeberg"), "utilities-terminal-symbolic", "https://codeberg.org/%s",
    HANDLE_PLAIN, OFFERED, 0 },
  { "discourse", N_("Discourse"), "user-available-symbolic", NULL,
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "slack", N_("Slack"), "user-available-symbolic", NULL,
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "discord", N_("Discord"), "user-available-symbolic", NULL,
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "matrix", N_("Matrix"), "user-available-symbolic", "https://matrix.to/#/%s",
    HANDLE_MATRIX, OFFERED | CSV_COLUMN, 0 },
  { "mastodon", N_("Mastodon"), "emblem-shared-symbolic", "https://%s",
    HANDLE_MASTODON, OFFERED | CSV_COLUMN, 0 },
  { "bluesky", N_("Bluesky"), "emblem-shared-symbolic", "https://bsky.app/profile/%s",
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "twitter", N_("Twitter"), "emblem-shared-symbolic", "https://twitter.com/%s",
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "linkedin", N_("LinkedIn"), "x-office-address-book-symbolic", "https://www.linkedin.com/in/%s",
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "youtube", N_("YouTube"), "camera-video-symbolic", "https://www.youtube.com/@%s",
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "reddit", N_("Reddit"), "user-available-symbolic", "https://www.reddit.com/user/%s",
    HANDLE_REDDIT, OFFERED | CSV_COLUMN, 0 },
  { "stackoverflow", N_("Stack Overflow"), "help-faq-symbolic", NULL,
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "devto", N_("DEV"), "text-editor-symbolic", "https://dev.to/%s",
    HANDLE_PLAIN, OFFERED, 0 },
  { "meetup", N_("Meetup"), "x-office-calendar-symbolic", NULL,
    HANDLE_PLAIN, OFFERED | CSV_COLUMN, 0 },
  { "hubspot", N_("HubSpot"), "x-office-address-book-symbolic", NULL,
    HANDLE_PLAIN, OFFERED | CSV_COLUMN | CONNECTOR, 600 },
  { "website", N_("Website"), "web-browser-symbolic", "%s",
    HANDLE_URL, OFFERED, 0 },
  /* Recognised in CSV files, not offered when adding an identity. */
  { "telegram", N_("Telegram"), "user-available-symbolic", NULL,
    HANDLE_PLAIN, CSV_COLUMN, 0 },
  { "x", N_("X"), "emblem-shared-symbolic", NULL,
    HANDLE_PLAIN, CSV_COLUMN, 0 },
};

static gpointer
rapport_platform_copy (gpointer platform)
{
  return platform;
}

static void
rapport_platform_free (gpointer platform)
{
}

G_DEFINE_BOXED_TYPE (RapportPlatform, rapport_platform, rapport_platform_copy, rapport_platform_free)

/**
 * rapport_platforms_get_all:
 *
 * Returns: (transfer none) (array zero-terminated=1): every platform, in
 *   the order people are offered them
 */
const RapportPlatform * const *
rapport_platforms_get_all (void)
{
  static const RapportPlatform *all[G_N_ELEMENTS (platforms) + 1];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
        all[i] = &platforms[i];
      g_once_init_leave (&initialized, 1);
    }

  return all;
}

/**
 * rapport_platform_lookup:
 * @id: (nullable): a platform id ("github"), in any case
 *
 * Returns: (transfer none) (nullable): the platform, or %NULL when Rapport
 *   does not know it
 */
const RapportPlatform *
rapport_platform_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      if (g_ascii_strcasecmp (platforms[i].id, id) == 0)
        return &platforms[i];
    }

  return NULL;
}

/* Whether @key (case-folded, letters and digits only) is @name with its case
 * and punctuation ignored. Registry names and ids are ASCII. */
static gboolean
key_matches (const char *key,
             const char *name)
{
  for (; *name != '\0'; name++)
    {
      if (!g_ascii_isalnum (*name))
        continue;
      if (*key != g_ascii_tolower (*name))
        return FALSE;
      key++;
    }

  return *key == '\0';
}

/**
 * rapport_platform_lookup_by_name:
 * @name: (nullable): how a person or a file names a platform: "Stack
 *   Overflow", "stack_overflow", "GitHub"
 *
 * Matches the id or the English name, ignoring case, spaces and
 * punctuation, the way CSV headers are read. Translated names do not
 * match, so a file reads the same in every language.
 *
 * Returns: (transfer none) (nullable): the platform, or %NULL
 */
const RapportPlatform *
rapport_platform_lookup_by_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) key = NULL;

  if (name == NULL)
    return NULL;

  folded = g_utf8_casefold (name, -1);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  if (key->len == 0)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      if (key_matches (key->str, platforms[i].id) || key_matches (key->str, platforms[i].name))
        return &platforms[i];
    }

  return NULL;
}

/**
 * rapport_platform_get_id:
 *
 * Returns: the id identities and accounts store ("github")
 */
const char *
rapport_platform_get_id (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/**
 * rapport_platform_get_display_name:
 *
 * Returns: the platform's name for people ("GitHub"), translated
 */
const char *
rapport_platform_get_display_name (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _(self->name);
}

/**
 * rapport_platform_get_icon_name:
 *
 * Returns: a symbolic icon for the platform's identities
 */
const char *
rapport_platform_get_icon_name (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->icon_name;
}

/**
 * rapport_platform_get_profile_pattern:
 *
 * Returns: (nullable): the public profile's address with "%s" where the
 *   handle goes ("https://github.com/%s"), or %NULL when the platform has
 *   no address built from a handle. Use rapport_platform_dup_profile_url(),
 *   which knows how each platform writes its handles.
 */
const char *
rapport_platform_get_profile_pattern (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->profile_pattern;
}

/**
 * rapport_platform_has_connector:
 *
 * Returns: whether Rapport can sync with the platform
 *   (rapport_connector_new_for_id() makes its connector)
 */
gboolean
rapport_platform_has_connector (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->flags & CONNECTOR) != 0;
}

/**
 * rapport_platform_is_offered:
 *
 * Returns: whether the platform is offered when a person adds an identity
 */
gboolean
rapport_platform_is_offered (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->flags & OFFERED) != 0;
}

/**
 * rapport_platform_is_csv_column:
 *
 * Returns: whether a CSV column named after the platform ("GitHub",
 *   "GitHub handle", "github_username") holds handles on it
 */
gboolean
rapport_platform_is_csv_column (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->flags & CSV_COLUMN) != 0;
}

/**
 * rapport_platform_get_rate_limit:
 *
 * Returns: the requests per minute the platform allows by default, or 0
 *   when Rapport does not talk to it or does not know
 */
guint
rapport_platform_get_rate_limit (const RapportPlatform *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rate_limit;
}

/* The part of the address that stands for @handle, escaped; %NULL when
 * @handle is not one the platform's addresses can hold. */
static char *
dup_handle_part (const RapportPlatform *self,
                 const char            *handle)
{
  const char *bare = handle[0] == '@' ? handle + 1 : handle;

  switch (self->handle_style)
    {
    case HANDLE_URL:
      if (g_str_has_prefix (handle, "https://") || g_str_has_prefix (handle, "http://"))
        return g_strdup (handle);
      return NULL;

    case HANDLE_MASTODON:
      {
        /* @name@server → server/@name */
        g_auto(GStrv) parts = g_strsplit (bare, "@", 2);
        g_autofree char *user = NULL;

        if (g_strv_length (parts) != 2 || parts[0][0] == '\0' || parts[1][0] == '\0' ||
            strpbrk (parts[1], "/?#@: ") != NULL)
          return NULL;
        user = g_uri_escape_string (parts[0], NULL, FALSE);
        return g_strconcat (parts[1], "/@", user, NULL);
      }

    case HANDLE_MATRIX:
      return g_uri_escape_string (handle, "@:", FALSE);

    case HANDLE_REDDIT:
      if (g_str_has_prefix (bare, "u/"))
        bare += 2;
      return g_uri_escape_string (bare, NULL, FALSE);

    case HANDLE_PLAIN:
    default:
      return g_uri_escape_string (bare, NULL, FALSE);
    }
}

/**
 * rapport_platform_dup_profile_url:
 * @handle: (nullable): a handle on the platform ("@ada", "ada@example.social")
 *
 * Returns: (transfer full) (nullable): the public profile of @handle, or
 *   %NULL when the platform's profile addresses are not well known or
 *   @handle cannot be one
 */
char *
rapport_platform_dup_profile_url (const RapportPlatform *self,
                                  const char            *handle)
{
  g_autofree char *part = NULL;
  const char *hole;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->profile_pattern == NULL || handle == NULL || handle[0] == '\0')
    return NULL;

  part = dup_handle_part (self, handle);
  if (part == NULL || part[0] == '\0')
    return NULL;

  /* Filled by hand: a pattern that is not a literal is no printf format. */
  hole = strstr (self->profile_pattern, "%s");
  g_assert (hole != NULL);

  return g_strdup_printf ("%.*s%s%s", (int) (hole - self->profile_pattern), self->profile_pattern,
                          part, hole + 2);
}
