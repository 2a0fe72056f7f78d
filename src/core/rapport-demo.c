/* rapport-demo.c
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

/* The sample community generator: members, organisations, addresses,
 * handles, tags and activities, and the public and async entry points.
 * The people who come twice are in rapport-demo-twins.c. */

#define G_LOG_DOMAIN "rapport-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-demo-data.h"
#include "rapport-demo-private.h"
#include "rapport-demo.h"
#include "rapport-duplicates-private.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* Progress at most twenty times a second. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 20)

/* Members who never did anything visible. */
#define LURKER_SHARE 0.12

/* Pareto shape of the activity weights: the top fifth of members does
 * about four fifths of the work. The cap keeps the busiest at a few
 * thousand activities for the default ratio of ten per member. */
#define PARETO_ALPHA 1.2
#define PARETO_CAP 2000.0

/* Members per INSERT statement; see insert_members(). */
#define MEMBER_BATCH 256

const PlatformInfo _rapport_demo_platforms[N_PLATFORMS] = {
  { "github", 0.55, 30, '-', "https://git.example.org/" },
  { "discourse", 0.50, 30, '_', "https://forum.example.org/u/" },
  { "slack", 0.35, 40, '.', NULL },
  { "discord", 0.30, 40, '_', NULL },
  { "mastodon", 0.12, 8, '_', "https://social.example.org/@" },
  { "meetup", 0.15, 2, '-', NULL },
};

static const char * const tag_names[N_TAGS] = {
  "speaker", "maintainer", "beta tester", "ambassador", "translator", "mentor",
};

/* How likely an activity is at each local hour, busiest = 1. */
static const double hour_weights[24] = {
  0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.10, 0.25, 0.55, 0.85, 1.00, 1.00,
  0.80, 0.90, 1.00, 1.00, 0.95, 0.75, 0.50, 0.45, 0.45, 0.40, 0.25, 0.12,
};

/* Saturday and Sunday, against a weekday. */
#define WEEKEND_FACTOR 0.35

/* An index in [0, n) where the first ones come up far more often. */
static guint
rng_skewed (Rng    *rng,
            guint   n,
            double  power)
{
  guint index = (guint) (n * pow (rng_double (rng), power));

  return MIN (n - 1, index);
}

static const char *
rng_pick (Rng                   *rng,
          const RapportDemoList *list)
{
  return list->items[rng_below (rng, list->n_items)];
}

/* Letters with no decomposition into an ASCII letter and a mark. */
const char *
_rapport_demo_ascii_letter (gunichar c)
{
  switch (c)
    {
    case 0x00D8: return "O";   /* Ø */
    case 0x00F8: return "o";   /* ø */
    case 0x0141: return "L";   /* Ł */
    case 0x0142: return "l";   /* ł */
    case 0x0110: return "D";   /* Đ */
    case 0x0111: return "d";   /* đ */
    case 0x00D0: return "D";   /* Ð */
    case 0x00F0: return "d";   /* ð */
    case 0x00DE: return "Th";  /* Þ */
    case 0x00FE: return "th";  /* þ */
    case 0x00DF: return "ss";  /* ß */
    case 0x00C6: return "Ae";  /* Æ */
    case 0x00E6: return "ae";  /* æ */
    case 0x0152: return "Oe";  /* Œ */
    case 0x0153: return "oe";  /* œ */
    case 0x0131: return "i";   /* dotless ı */
    default: return NULL;
    }
}

/* Letters and digits of @text in ASCII, accents dropped ("Đorđević" →
 * "Dordevic"), for handles and email addresses. Returns the length. */
static gsize
fold_ascii (const char *text,
            char       *out,
            gsize       size)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  gsize len = 0;

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *ascii = NULL;
      char one[2] = { 0, 0 };

      if (c < 128)
        {
          if (!g_ascii_isalnum (c))
            continue;
          one[0] = (char) c;
          ascii = one;
        }
      else
        ascii = _rapport_demo_ascii_letter (c);

      for (; ascii != NULL && *ascii != '\0' && len + 1 < size; ascii++)
        out[len++] = *ascii;
    }

  out[len] = '\0';
  return len;
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->counts, g_free);
  g_clear_pointer (&demo->organization_ids, g_free);
  g_clear_pointer (&demo->roles, g_free);
  g_clear_pointer (&demo->twins, g_free);
  for (guint i = 0; i < N_PLATFORMS; i++)
    g_clear_pointer (&demo->handles[i], g_hash_table_unref);
  g_clear_pointer (&demo->emails, g_hash_table_unref);
  g_clear_pointer (&demo->taken, g_hash_table_unref);
  g_clear_pointer (&demo->offsets, g_hash_table_unref);
  g_clear_pointer (&demo->insert_members, _rapport_statement_release);
  g_clear_pointer (&demo->insert_email, _rapport_statement_release);
  g_clear_pointer (&demo->insert_identity, _rapport_statement_release);
  g_clear_pointer (&demo->insert_tag, _rapport_statement_release);
  g_clear_pointer (&demo->insert_activity, _rapport_statement_release);
}

static gint64
query_int64 (Demo        *demo,
             const char  *sql,
             GError     **error)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (demo->store, sql, error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rapport_store_set_error (demo->store, error) ? 0 : -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* Handles and addresses already in the database, so a second sample
 * community added to the first does not collide with it. */
static gboolean
load_taken (Demo    *demo,
            GError **error)
{
  g_autoptr(RapportStatement) handles = NULL;
  g_autoptr(RapportStatement) emails = NULL;
  int rc;

  demo->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  handles = _rapport_store_prepare (demo->store,
                                    "SELECT platform || ':' || lower (handle) FROM identities "
                                    "WHERE handle IS NOT NULL",
                                    error);
  if (handles == NULL)
    return FALSE;
  while ((rc = sqlite3_step (handles)) == SQLITE_ROW)
    g_hash_table_add (demo->taken, g_strdup (_rapport_column_text (handles, 0)));
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (demo->store, error);

  emails = _rapport_store_prepare (demo->store, "SELECT lower (address) FROM emails", error);
  if (emails == NULL)
    return FALSE;
  while ((rc = sqlite3_step (emails)) == SQLITE_ROW)
    g_hash_table_add (demo->taken, g_strdup (_rapport_column_text (emails, 0)));
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (demo->store, error);

  return TRUE;
}

/* Makes @text (a handle, or the part of an address before the "@") unique
 * in @bases by appending a number: "ana_silva", "ana_silva2", … Bases never
 * end in a digit, so two bases can never produce the same string. */
void
_rapport_demo_make_unique (Demo       *demo,
                           GHashTable *bases,
                           const char *prefix,
                           char       *text,
                           gsize       size,
                           const char *suffix)
{
  char key[BUFFER_SIZE];
  char candidate[BUFFER_SIZE];
  gsize len = strlen (text);
  gpointer stored_key = NULL;
  gpointer value = NULL;
  guint count;

  g_snprintf (key, sizeof key, "%s%s", text, suffix);
  for (char *p = key; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);

  /* The stored key is reused rather than copied again: most lookups hit. */
  if (g_hash_table_lookup_extended (bases, key, &stored_key, &value))
    g_hash_table_steal (bases, key);
  else
    stored_key = g_strdup (key);
  count = GPOINTER_TO_UINT (value);

  for (;;)
    {
      count++;
      if (count == 1)
        g_snprintf (candidate, sizeof candidate, "%s%s", prefix, key);
      else
        g_snprintf (candidate, sizeof candidate, "%s%.*s%u%s", prefix,
                    (int) len, key, count, key + len);

      if (demo->taken == NULL || !g_hash_table_contains (demo->taken, candidate))
        break;
    }

  g_hash_table_insert (bases, stored_key, GUINT_TO_POINTER (count));

  if (count > 1)
    g_snprintf (text + len, size - len, "%u", count);
}

static gint
timezone_offset (Demo       *demo,
                 const char *identifier)
{
  gpointer value;
  g_autoptr(GTimeZone) tz = NULL;
  gint offset = 0;

  if (g_hash_table_lookup_extended (demo->offsets, identifier, NULL, &value))
    return GPOINTER_TO_INT (value);

  tz = g_time_zone_new_identifier (identifier);
  if (tz != NULL)
    offset = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL,
                                                                     demo->now));
  g_hash_table_insert (demo->offsets, (gpointer) identifier, GINT_TO_POINTER (offset));
  return offset;
}

static gint64
organization_id (Demo     *demo,
                 guint     index,
                 GError  **error)
{
  const RapportDemoOrganization *org = &rapport_demo_organizations[index];
  g_autoptr(RapportStatement) insert = NULL;
  gint64 id;

  if (demo->organization_ids[index] != 0)
    return demo->organization_ids[index];

  id = _rapport_store_ensure_organization (demo->store, org->name, error);
  if (id < 0)
    return -1;

  insert = _rapport_store_prepare (demo->store,
                                   "UPDATE organizations SET domain = ?2 "
                                   "WHERE id = ?1 AND domain IS NULL",
                                   error);
  if (insert == NULL)
    return -1;
  sqlite3_bind_int64 (insert, 1, id);
  sqlite3_bind_text (insert, 2, org->domain, -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return _rapport_store_set_error (demo->store, error) ? 0 : -1;

  demo->organization_ids[index] = id;
  return id;
}
/* How many activities each member gets: Pareto weights, a share of members
 * with none, scaled so the counts add up to exactly what was asked. */
static void
plan_activities (Demo *demo)
{
  g_autofree double *weights = g_new0 (double, MAX (demo->n_members, 1));
  double total = 0;
  guint64 assigned = 0;
  Rng rng;

  demo->counts = g_new0 (guint32, MAX (demo->n_members, 1));
  if (demo->n_members == 0 || demo->n_activities == 0)
    return;

  rng_init (&rng, demo->seed, 0);
  for (guint i = 0; i < demo->n_members; i++)
    {
      double pareto;

      if (rng_chance (&rng, LURKER_SHARE))
        continue;
      pareto = pow (1.0 - rng_double (&rng), -1.0 / PARETO_ALPHA);
      weights[i] = MIN (PARETO_CAP, pareto);
      total += weights[i];
    }

  if (total == 0)
    {
      weights[0] = 1;
      total = 1;
    }

  for (guint i = 0; i < demo->n_members; i++)
    {
      demo->counts[i] = (guint32) floor (demo->n_activities * (weights[i] / total));
      assigned += demo->counts[i];
    }

  /* What rounding down left over goes to active members at random. */
  while (assigned < demo->n_activities)
    {
      guint i = rng_below (&rng, demo->n_members);

      if (weights[i] > 0)
        {
          demo->counts[i]++;
          assigned++;
        }
    }
}

static const char *
pick_culture_name (Person      *person,
                   gboolean     female,
                   char        *family,
                   gsize        size)
{
  const RapportDemoCulture *c = person->culture;
  const char *entry = c->family[rng_below (&person->rng, c->n_family)];
  const char *bar = strchr (entry, '|');
  const char *given = female ? c->female[rng_below (&person->rng, c->n_female)]
                             : c->male[rng_below (&person->rng, c->n_male)];

  if (bar == NULL)
    g_strlcpy (family, entry, size);
  else if (female)
    g_strlcpy (family, bar + 1, size);
  else
    g_snprintf (family, size, "%.*s", (int) (bar - entry), entry);

  return given;
}

static void
pick_name (Demo   *demo,
           Person *person)
{
  Rng *rng = &person->rng;
  guint pick = rng_below (rng, demo->culture_weights);
  gboolean female = rng_chance (rng, 0.5);
  char family[64];
  char second[64];
  const char *given;

  for (guint i = 0; i < rapport_demo_n_cultures; i++)
    {
      person->culture = &rapport_demo_cultures[i];
      if (pick < person->culture->weight)
        break;
      pick -= person->culture->weight;
    }

  given = pick_culture_name (person, female, family, sizeof family);
  second[0] = '\0';
  if (rng_below (rng, 100) < person->culture->two_family_names_percent)
    {
      pick_culture_name (person, female, second, sizeof second);
      if (g_str_equal (second, family))
        second[0] = '\0';
    }

  if (second[0] != '\0')
    g_snprintf (person->name, sizeof person->name, "%s %s %s", given, family, second);
  else
    g_snprintf (person->name, sizeof person->name, "%s %s", given, family);

  if (fold_ascii (given, person->given, sizeof person->given) == 0)
    g_strlcpy (person->given, "member", sizeof person->given);
  if (fold_ascii (family, person->family, sizeof person->family) == 0)
    g_strlcpy (person->family, "member", sizeof person->family);

  if (person->twin != NULL)
    _rapport_demo_name_twin (person, given, family, second);
}

/* A handle as people pick them: "ana-silva", "anasilva", "asilva", "ana",
 * "silva_ana", "anas", and on GitHub sometimes "AnaSilva". */
void
_rapport_demo_handle_base (Person   *person,
                           Platform  platform,
                           char     *out,
                           gsize     size)
{
  char sep = _rapport_demo_platforms[platform].separator;
  guint style = rng_below (&person->rng, 10);
  const char *g = person->given;
  const char *f = person->family;

  switch (style)
    {
    case 3:
    case 4:
      g_snprintf (out, size, "%s%s", g, f);
      break;
    case 5:
      g_snprintf (out, size, "%c%s", g[0], f);
      break;
    case 6:
      g_snprintf (out, size, "%s", g);
      break;
    case 7:
      g_snprintf (out, size, "%s%c%s", f, sep, g);
      break;
    case 8:
      g_snprintf (out, size, "%s%c", g, f[0]);
      break;
    case 9:
      if (platform == PLATFORM_GITHUB)
        {
          g_snprintf (out, size, "%c%s%c%s", g_ascii_toupper (g[0]), g + 1,
                      g_ascii_toupper (f[0]), f + 1);
          return;
        }
      g_snprintf (out, size, "%s%c%s", g, sep, f);
      break;
    default:
      g_snprintf (out, size, "%s%c%s", g, sep, f);
      break;
    }

  for (char *p = out; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
}

/* The part of an address before the "@". */
void
_rapport_demo_email_local_part (Person *person,
                                char   *out,
                                gsize   size)
{
  const char *g = person->given;
  const char *f = person->family;

  switch (rng_below (&person->rng, 10))
    {
    case 4:
      g_snprintf (out, size, "%s%s", g, f);
      break;
    case 5:
      g_snprintf (out, size, "%c%s", g[0], f);
      break;
    case 6:
      g_snprintf (out, size, "%s", g);
      break;
    case 7:
      g_snprintf (out, size, "%s.%s", f, g);
      break;
    case 8:
      g_snprintf (out, size, "%s_%s", g, f);
      break;
    case 9:
      g_snprintf (out, size, "%s.%c", g, f[0]);
      break;
    default:
      g_snprintf (out, size, "%s.%s", g, f);
      break;
    }

  for (char *p = out; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
}

static gboolean
pick_details (Demo     *demo,
              Person   *person,
              GError  **error)
{
  Rng *rng = &person->rng;
  const RapportDemoCulture *home = person->culture;
  const RapportDemoPlace *place;
  double s = demo->scale;
  double x;
  guint n_accounts = 0;

  /* Most members work somewhere; a few organisations employ many of them. */
  if (rng_chance (rng, 0.6))
    {
      person->organization = rng_chance (rng, 0.01)
        ? 0 : 1 + rng_skewed (rng, rapport_demo_n_organizations - 1, 1.6);
      person->organization_id = organization_id (demo, person->organization, error);
      if (person->organization_id < 0)
        return FALSE;
    }

  /* Both records of kinds B and C point to a workplace. */
  if (person->twin != NULL && (person->twin->kind == 'B' || person->twin->kind == 'C') &&
      person->organization_id == 0)
    {
      person->organization = 1 + rng_skewed (rng, rapport_demo_n_organizations - 1, 1.6);
      person->organization_id = organization_id (demo, person->organization, error);
      if (person->organization_id < 0)
        return FALSE;
    }

  if (rng_chance (rng, person->organization_id > 0 ? 0.85 : 0.45))
    person->title = rng_pick (rng, &rapport_demo_job_titles);
  if (rng_chance (rng, 0.06))
    person->bio = rng_pick (rng, &rapport_demo_bios);

  /* Some live far from where their name comes from. */
  if (rng_chance (rng, 0.12))
    home = &rapport_demo_cultures[rng_below (rng, rapport_demo_n_cultures)];
  place = &home->places[rng_below (rng, home->n_places)];
  person->offset = timezone_offset (demo, place->timezone);
  if (rng_chance (rng, 0.8))
    {
      const char *comma = strchr (place->city, ',');

      person->location = place->city;
      person->timezone = place->timezone;
      g_snprintf (person->city, sizeof person->city, "%.*s",
                  (int) (comma ? comma - place->city : (gssize) strlen (place->city)),
                  place->city);
    }

  /* The community grew: more joined recently. The busiest members have
   * been around longer. */
  x = sqrt (rng_double (rng));
  if (person->count >= 50 * s)
    x *= 0.6;
  person->joined_at = demo->now - (gint64) ((1.0 - x) * JOIN_SPAN);

  for (guint p = 0; p < N_PLATFORMS; p++)
    {
      person->on[p] = rng_chance (rng, _rapport_demo_platforms[p].share);
      if (person->on[p] && p != PLATFORM_MEETUP)
        n_accounts++;
    }
  if (person->count >= 30 * s && rng_chance (rng, 0.8))
    person->on[PLATFORM_GITHUB] = TRUE;
  if (person->count > 0 && n_accounts == 0 && !person->on[PLATFORM_GITHUB])
    person->on[rng_chance (rng, 0.5) ? PLATFORM_DISCOURSE : PLATFORM_SLACK] = TRUE;
  if (person->twin != NULL)
    _rapport_demo_plan_twin_accounts (person);

  for (guint p = 0; p < N_PLATFORMS; p++)
    if (person->on[p])
      person->platform_weight += _rapport_demo_platforms[p].activity_weight;

  /* The stage follows what the member did, with some left a step behind. */
  if (person->count >= 600 * s)
    person->stage = 5;
  else if (person->count >= 150 * s)
    person->stage = 4;
  else if (person->count >= 30 * s)
    person->stage = 3;
  else if (person->count >= 3 * s)
    person->stage = 2;
  else
    person->stage = 1;
  if (person->stage >= 4 && rng_chance (rng, 0.2))
    person->stage--;

  return TRUE;
}

static gboolean
step_done (Demo              *demo,
           RapportStatement  *stmt,
           GError           **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE || _rapport_store_set_error (demo->store, error);

  sqlite3_reset (stmt);
  return ok;
}

gboolean
_rapport_demo_insert_email (Demo        *demo,
                            Person      *person,
                            const char  *address,
                            gboolean     primary,
                            GError     **error)
{
  sqlite3_bind_int64 (demo->insert_email, 1, person->id);
  sqlite3_bind_text (demo->insert_email, 2, address, -1, SQLITE_STATIC);
  sqlite3_bind_int (demo->insert_email, 3, primary);
  return step_done (demo, demo->insert_email, error);
}

static gboolean
insert_emails (Demo     *demo,
               Person   *person,
               GError  **error)
{
  Rng *rng = &person->rng;
  char twin_kind = person->twin != NULL ? person->twin->kind : 0;
  guint n = 0;

  if (rng_chance (rng, 0.88))
    n = rng_chance (rng, 0.08) ? 2 : 1;
  if (twin_kind == 'A' || twin_kind == 'C')
    n = MAX (n, 1);

  for (guint i = 0; i < n; i++)
    {
      char local[BUFFER_SIZE];
      char base[BUFFER_SIZE];
      char domain_suffix[BUFFER_SIZE];
      char address[BUFFER_SIZE];
      const char *domain;

      /* A work address first when there is a workplace, then a personal one;
       * the provider's address first for the original of kind A. */
      if (i == 0 && twin_kind == 'A')
        domain = PROVIDER_DOMAIN;
      else if (i == 0 && person->organization_id > 0 && (twin_kind == 'C' || rng_chance (rng, 0.6)))
        domain = rapport_demo_organizations[person->organization].domain;
      else
        domain = rapport_demo_personal_domains.items[rng_skewed (rng,
                                                                 rapport_demo_personal_domains.n_items,
                                                                 1.5)];

      /* "given.family" at the provider. */
      if (i == 0 && twin_kind == 'A')
        {
          g_snprintf (local, sizeof local, "%s.%s", person->given, person->family);
          for (char *p = local; *p != '\0'; p++)
            *p = g_ascii_tolower (*p);
        }
      else
        _rapport_demo_email_local_part (person, local, sizeof local);
      g_strlcpy (base, local, sizeof base);
      g_snprintf (domain_suffix, sizeof domain_suffix, "@%s", domain);
      _rapport_demo_make_unique (demo, demo->emails, "", local, sizeof local, domain_suffix);
      g_snprintf (address, sizeof address, "%s@%s", local, domain);

      if (!_rapport_demo_insert_email (demo, person, address, i == 0, error))
        return FALSE;

      if (i == 0 && twin_kind == 'A')
        _rapport_demo_address_twin_a (demo, person, local);
      else if (i == 0 && twin_kind == 'C')
        _rapport_demo_address_twin_c (demo, person, base, domain_suffix);
    }

  return TRUE;
}

/* The account on @platform, with the handle in person->handles. */
gboolean
_rapport_demo_insert_identity (Demo      *demo,
                               Person    *person,
                               Platform   platform,
                               GError   **error)
{
  const char *handle = person->handles[platform];
  char url[BUFFER_SIZE];
  gint64 created;

  sqlite3_bind_int64 (demo->insert_identity, 1, person->id);
  sqlite3_bind_text (demo->insert_identity, 2, _rapport_demo_platforms[platform].name, -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (demo->insert_identity, 3, handle, -1, SQLITE_STATIC);
  if (_rapport_demo_platforms[platform].profile_prefix != NULL)
    {
      g_snprintf (url, sizeof url, "%s%s", _rapport_demo_platforms[platform].profile_prefix,
                  handle);
      sqlite3_bind_text (demo->insert_identity, 4, url, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_null (demo->insert_identity, 4);
  /* Accounts were linked in the weeks after joining, never later than now. */
  created = person->joined_at + rng_below (&person->rng, 86400 * 30);
  sqlite3_bind_int64 (demo->insert_identity, 5, MIN (created, demo->now));
  return step_done (demo, demo->insert_identity, error);
}

static gboolean
insert_identities (Demo     *demo,
                   Person   *person,
                   GError  **error)
{
  Twin *twin = person->twin;

  for (guint p = 0; p < N_PLATFORMS; p++)
    {
      char *handle = person->handles[p];
      char base[sizeof person->handles[p]];
      char prefix[32];
      char twin_prefix[32];

      if (!person->on[p])
        continue;

      _rapport_demo_handle_base (person, p, handle, sizeof person->handles[p]);
      g_snprintf (prefix, sizeof prefix, "%s:", _rapport_demo_platforms[p].name);
      if (twin == NULL || twin->kind != 'D' || p != twin->shared)
        _rapport_demo_make_unique (demo, demo->handles[p], prefix, handle,
                                   sizeof person->handles[p], "");
      else
        {
          /* The duplicate's account elsewhere has the same handle. */
          g_strlcpy (base, handle, sizeof base);
          g_snprintf (twin_prefix, sizeof twin_prefix, "%s:",
                      _rapport_demo_platforms[twin->platform].name);
          do
            {
              g_strlcpy (handle, base, sizeof person->handles[p]);
              _rapport_demo_make_unique (demo, demo->handles[p], prefix, handle,
                                         sizeof person->handles[p], "");
            }
          while (!_rapport_demo_is_free (demo, demo->handles[twin->platform], twin_prefix,
                                         handle, ""));
        }

      if (!_rapport_demo_insert_identity (demo, person, p, error))
        return FALSE;
    }

  if (twin != NULL)
    _rapport_demo_handle_twin (demo, person);

  return TRUE;
}

static gboolean
insert_tag (Demo     *demo,
            Person   *person,
            Tag       tag,
            GError  **error)
{
  if (demo->tag_ids[tag] == 0)
    {
      demo->tag_ids[tag] = _rapport_store_ensure_tag (demo->store, tag_names[tag], error);
      if (demo->tag_ids[tag] <= 0)
        {
          demo->tag_ids[tag] = 0;
          return FALSE;
        }
    }

  sqlite3_bind_int64 (demo->insert_tag, 1, person->id);
  sqlite3_bind_int64 (demo->insert_tag, 2, demo->tag_ids[tag]);
  return step_done (demo, demo->insert_tag, error);
}

static gboolean
insert_tags (Demo     *demo,
             Person   *person,
             GError  **error)
{
  Rng *rng = &person->rng;
  gboolean active = person->count > 0;
  gboolean want[N_TAGS];

  want[TAG_MAINTAINER] = person->on[PLATFORM_GITHUB] && person->count >= 100 * demo->scale &&
                         rng_chance (rng, 0.6);
  want[TAG_SPEAKER] = rng_chance (rng, person->stage >= 4 ? 0.35 : person->stage == 3 ? 0.05 : 0.003);
  want[TAG_AMBASSADOR] = rng_chance (rng, person->stage >= 4 ? 0.25 : 0.001);
  want[TAG_MENTOR] = person->stage >= 3 && rng_chance (rng, 0.15);
  want[TAG_TRANSLATOR] = active && rng_chance (rng, 0.02);
  want[TAG_BETA_TESTER] = active && rng_chance (rng, 0.04);

  for (guint t = 0; t < N_TAGS; t++)
    if (want[t] && !insert_tag (demo, person, t, error))
      return FALSE;

  return TRUE;
}

/* A moment between joining and now, more often on weekdays and in working
 * hours where the member lives. */
static gint64
activity_time (Demo   *demo,
               Person *person)
{
  Rng *rng = &person->rng;
  gint64 span = demo->now - person->joined_at;
  gint64 t = demo->now;

  for (guint attempt = 0; attempt < 32; attempt++)
    {
      gint64 local;
      guint hour;
      guint weekday;
      double p;

      t = person->joined_at + (gint64) (rng_double (rng) * (double) (span + 1));
      local = t + person->offset;
      hour = (guint) ((local % 86400) / 3600);
      weekday = (guint) ((local / 86400 + 4) % 7);   /* 1970-01-01 was a Thursday */
      p = hour_weights[hour] * (weekday == 0 || weekday == 6 ? WEEKEND_FACTOR : 1.0);
      if (rng_double (rng) < p)
        break;
    }

  return CLAMP (t, person->joined_at, demo->now);
}

static Platform
activity_platform (Person *person)
{
  guint pick = rng_below (&person->rng, person->platform_weight);

  for (guint p = 0; p < N_PLATFORMS; p++)
    {
      if (!person->on[p])
        continue;
      if (pick < _rapport_demo_platforms[p].activity_weight)
        return p;
      pick -= _rapport_demo_platforms[p].activity_weight;
    }

  g_assert_not_reached ();
  return PLATFORM_DISCOURSE;
}

static gboolean
insert_activity (Demo     *demo,
                 Person   *person,
                 GError  **error)
{
  Rng *rng = &person->rng;
  RapportStatement *stmt = demo->insert_activity;
  Platform platform = activity_platform (person);
  guint roll = rng_below (rng, 100);
  const char *kind = "reaction";
  const char *title = NULL;
  const char *channel = NULL;
  char title_buf[BUFFER_SIZE];
  char url[BUFFER_SIZE];
  gint64 t = activity_time (demo, person);

  url[0] = '\0';

  switch (platform)
    {
    case PLATFORM_GITHUB:
      {
        gboolean pull = rng_chance (rng, 0.55);
        const char *subject = rng_pick (rng, pull ? &rapport_demo_pull_requests : &rapport_demo_issues);

        channel = rapport_demo_repositories.items[rng_skewed (rng, rapport_demo_repositories.n_items, 2.0)];
        g_snprintf (url, sizeof url, "https://git.example.org/%s/%s/%u", channel,
                    pull ? "pull" : "issues", 1 + rng_below (rng, 4000));
        title = subject;
        if (roll < 30)
          kind = pull ? "pull-request" : "issue";
        else if (roll < 85)
          {
            kind = "reply";
            g_snprintf (title_buf, sizeof title_buf, "Re: %s", subject);
            title = title_buf;
          }
      }
      break;

    case PLATFORM_DISCOURSE:
      {
        guint topic = rng_skewed (rng, rapport_demo_topics.n_items, 1.5);

        title = rapport_demo_topics.items[topic];
        channel = rapport_demo_forum_categories.items[topic % rapport_demo_forum_categories.n_items];
        if (roll < 20)
          {
            kind = "post";
            g_snprintf (url, sizeof url, "https://forum.example.org/t/%u", 1000 + topic);
          }
        else
          {
            g_snprintf (url, sizeof url, "https://forum.example.org/t/%u/%u", 1000 + topic,
                        2 + rng_below (rng, 120));
            if (roll < 75)
              {
                kind = "reply";
                g_snprintf (title_buf, sizeof title_buf, "Re: %s", title);
                title = title_buf;
              }
          }
      }
      break;

    case PLATFORM_SLACK:
    case PLATFORM_DISCORD:
      {
        const RapportDemoList *channels = platform == PLATFORM_SLACK
          ? &rapport_demo_slack_channels : &rapport_demo_discord_channels;

        kind = roll < 85 ? "message" : "reaction";
        title = rng_pick (rng, &rapport_demo_chat_messages);
        channel = channels->items[rng_skewed (rng, channels->n_items, 2.0)];
      }
      break;

    case PLATFORM_MASTODON:
      title = rng_pick (rng, &rapport_demo_toots);
      if (roll < 60)
        kind = "post";
      else if (roll < 90)
        {
          kind = "reply";
          g_snprintf (title_buf, sizeof title_buf, "Re: %s", title);
          title = title_buf;
        }
      g_snprintf (url, sizeof url, "https://social.example.org/@%s/%" G_GINT64_FORMAT,
                  person->handles[PLATFORM_MASTODON], t * 1000 + rng_below (rng, 1000));
      break;

    case PLATFORM_MEETUP:
      kind = "event-attended";
      title = rng_pick (rng, &rapport_demo_events);
      channel = person->city[0] != '\0' && rng_chance (rng, 0.6) ? person->city : "Online";
      if (g_str_equal (title, "Local Meetup") && person->city[0] != '\0')
        {
          g_snprintf (title_buf, sizeof title_buf, "Fernwood Meetup %s", person->city);
          title = title_buf;
          channel = person->city;
        }
      break;

    case N_PLATFORMS:
    default:
      g_assert_not_reached ();
    }

  sqlite3_bind_int64 (stmt, 1, person->id);
  sqlite3_bind_text (stmt, 2, _rapport_demo_platforms[platform].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, t);
  if (url[0] != '\0')
    sqlite3_bind_text (stmt, 5, url, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, channel, -1, SQLITE_STATIC);
  if (g_str_equal (kind, "reaction") || platform == PLATFORM_MEETUP)
    sqlite3_bind_null (stmt, 8);
  else
    {
      /* Mostly friendly, now and then frustrated. */
      double sentiment = 0.3 + 0.7 * (rng_double (rng) + rng_double (rng) - 1.0);

      sqlite3_bind_double (stmt, 8, round (CLAMP (sentiment, -1.0, 1.0) * 100) / 100);
    }

  person->last_active_at = MAX (person->last_active_at, t);
  return step_done (demo, stmt, error);
}

#define MEMBER_COLUMNS 16

/* The statement for @n members at once. */
static RapportStatement *
prepare_member_insert (Demo     *demo,
                       guint     n,
                       GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO members (id, name, sort_name, organization_id, "
                                         "title, location, timezone, bio, stage_id, score, level, "
                                         "joined_at, last_active_at, activity_count, created_at, "
                                         "updated_at, source) VALUES ");

  for (guint i = 0; i < n; i++)
    g_string_append (sql, i == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'sample')"
                                 : ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'sample')");

  return _rapport_store_prepare (demo->store, sql->str, error);
}

/* Members go in a batch per statement: FTS5 writes what it has gathered
 * to disk at the start of every statement, and one small segment per
 * member would cost more than everything else together. */
static gboolean
insert_members (Demo     *demo,
                Person   *people,
                guint     n,
                GError  **error)
{
  RapportStatement *stmt = n == MEMBER_BATCH ? demo->insert_members : NULL;
  gboolean ok;

  if (stmt == NULL)
    {
      stmt = prepare_member_insert (demo, n, error);
      if (stmt == NULL)
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      Person *person = &people[i];
      int col = i * MEMBER_COLUMNS;

      sqlite3_bind_int64 (stmt, col + 1, person->id);
      sqlite3_bind_text (stmt, col + 2, person->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, col + 3, person->sort_key, -1, SQLITE_STATIC);
      if (person->organization_id > 0)
        sqlite3_bind_int64 (stmt, col + 4, person->organization_id);
      sqlite3_bind_text (stmt, col + 5, person->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, col + 6, person->location, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, col + 7, person->timezone, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, col + 8, person->bio, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, col + 9, person->stage);
      sqlite3_bind_double (stmt, col + 10, 0.0);
      sqlite3_bind_int (stmt, col + 11, 4);
      sqlite3_bind_int64 (stmt, col + 12, person->joined_at);
      if (person->count > 0)
        sqlite3_bind_int64 (stmt, col + 13, person->last_active_at);
      sqlite3_bind_int64 (stmt, col + 14, person->count);
      sqlite3_bind_int64 (stmt, col + 15, demo->now);
      sqlite3_bind_int64 (stmt, col + 16, demo->now);
    }

  ok = step_done (demo, stmt, error);
  sqlite3_clear_bindings (stmt);
  if (stmt != demo->insert_members)
    _rapport_statement_release (stmt);

  return ok;
}

/* A member of their own, or the first record of a twin: then what the
 * second record needs goes into the twin. */
static gboolean
generate_person (Demo     *demo,
                 Person   *person,
                 GError  **error)
{
  Twin *twin = person->twin;

  pick_name (demo, person);
  person->sort_key = rapport_sort_key (person->name);
  if (!pick_details (demo, person, error) ||
      !insert_emails (demo, person, error) ||
      !insert_identities (demo, person, error))
    return FALSE;

  if (twin != NULL)
    _rapport_demo_keep_for_twin (twin, person);

  return TRUE;
}

/* One member and everything that points at them. Those rows go in first,
 * while the member does not exist yet: their search triggers skip a
 * missing member and the activity trigger updates nothing, so the
 * member's own insert (insert_members()) indexes everything once, with
 * the final activity count. Foreign keys are checked at commit. */
static gboolean
generate_member (Demo     *demo,
                 guint     index,
                 Person   *person,
                 GError  **error)
{
  guint32 role = demo->roles[index];

  memset (person, 0, sizeof *person);
  rng_init (&person->rng, demo->seed, (guint64) index + 1);
  person->id = demo->first_id + index;
  person->count = demo->counts[index];

  if (role & ROLE_DUPLICATE)
    {
      Twin *twin = &demo->twins[(role & ~ROLE_DUPLICATE) - 1];

      if (!_rapport_demo_generate_duplicate (demo, twin, person, error))
        return FALSE;
    }
  else
    {
      person->twin = role != 0 ? &demo->twins[role - 1] : NULL;
      if (!generate_person (demo, person, error))
        return FALSE;
    }

  if (!insert_tags (demo, person, error))
    return FALSE;

  for (guint i = 0; i < person->count; i++)
    if (!insert_activity (demo, person, error))
      return FALSE;

  return TRUE;
}

static gboolean
prepare_statements (Demo     *demo,
                    GError  **error)
{
  demo->insert_members = prepare_member_insert (demo, MEMBER_BATCH, error);
  if (demo->insert_members == NULL)
    return FALSE;

  demo->insert_email = _rapport_store_prepare (demo->store,
    "INSERT INTO emails (member_id, address, is_primary) VALUES (?1, ?2, ?3)",
    error);
  if (demo->insert_email == NULL)
    return FALSE;

  demo->insert_identity = _rapport_store_prepare (demo->store,
    "INSERT INTO identities (member_id, platform, handle, url, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
    error);
  if (demo->insert_identity == NULL)
    return FALSE;

  demo->insert_tag = _rapport_store_prepare (demo->store,
    "INSERT OR IGNORE INTO member_tags (member_id, tag_id) VALUES (?1, ?2)",
    error);
  if (demo->insert_tag == NULL)
    return FALSE;

  demo->insert_activity = _rapport_store_prepare (demo->store,
    "INSERT INTO activities (member_id, platform, kind, occurred_at, url, title, channel, "
    "sentiment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);
  return demo->insert_activity != NULL;
}

static gboolean
check_options (const RapportDemoOptions  *options,
               GError                   **error)
{
  if (options->members == 0 && options->activities > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u activities need at least one member to belong to"),
                   options->activities);
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate (Demo                *demo,
          RapportProgressFunc  progress,
          gpointer             progress_data,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autofree Person *people = NULL;
  gint64 last_progress = 0;
  gint64 max_id;
  gint64 existing;

  for (guint i = 0; i < rapport_demo_n_cultures; i++)
    demo->culture_weights += rapport_demo_cultures[i].weight;
  demo->organization_ids = g_new0 (gint64, rapport_demo_n_organizations);
  demo->offsets = g_hash_table_new (g_str_hash, g_str_equal);
  demo->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint p = 0; p < N_PLATFORMS; p++)
    demo->handles[p] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!_rapport_store_exec (demo->store, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  max_id = query_int64 (demo, "SELECT coalesce (max (id), 0) FROM members", error);
  existing = query_int64 (demo, "SELECT EXISTS (SELECT 1 FROM identities) OR "
                                "EXISTS (SELECT 1 FROM emails)", error);
  if (max_id < 0 || existing < 0)
    return FALSE;
  demo->first_id = max_id + 1;
  if (existing && !load_taken (demo, error))
    return FALSE;

  plan_activities (demo);
  _rapport_demo_plan_twins (demo);
  if (!prepare_statements (demo, error))
    return FALSE;

  people = g_new0 (Person, MEMBER_BATCH);
  for (guint start = 0; start < demo->n_members; start += MEMBER_BATCH)
    {
      guint n = MIN (MEMBER_BATCH, demo->n_members - start);
      gboolean ok = TRUE;
      guint made = 0;
      gint64 now_us;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (; ok && made < n; made++)
        ok = generate_member (demo, start + made, &people[made], error);
      if (ok)
        ok = insert_members (demo, people, n, error);

      for (guint i = 0; i < made; i++)
        g_clear_pointer (&people[i].sort_key, g_free);
      if (!ok)
        return FALSE;

      now_us = g_get_monotonic_time ();
      if (progress != NULL && now_us - last_progress >= PROGRESS_INTERVAL_US)
        {
          progress (start + n, demo->n_members, progress_data);
          last_progress = now_us;
        }
    }

  if (progress != NULL)
    progress (demo->n_members, demo->n_members, progress_data);

  rapport_store_emit_changed (demo->store, "members", 0, RAPPORT_CHANGE_RELOAD);
  return TRUE;
}

static gboolean
generate_all (RapportStore              *store,
              const RapportDemoOptions  *options,
              RapportProgressFunc        progress,
              gpointer                   progress_data,
              GCancellable              *cancellable,
              GArray                   **duplicates,
              GError                   **error)
{
  g_autoptr(GArray) pairs = NULL;
  Demo demo = { 0 };
  gboolean ok;

  if (!check_options (options, error))
    return FALSE;

  demo.store = store;
  demo.n_members = options->members;
  demo.n_activities = options->activities;
  demo.seed = options->seed;
  demo.now = rapport_now_unix ();
  demo.scale = MAX (1.0, (double) options->activities / MAX (options->members, 1) / 10.0);

  if (!rapport_store_begin (store, error))
    return FALSE;

  ok = generate (&demo, progress, progress_data, cancellable, error);
  if (ok && duplicates != NULL)
    pairs = _rapport_demo_truth (&demo);
  demo_clear (&demo);

  /* Scores and levels come from the real formula, not from the generator. */
  if (ok)
    {
      g_autoptr(RapportScoring) scoring = rapport_scoring_new (store);

      ok = rapport_scoring_rescore_all (scoring, NULL, cancellable, error);
    }

  /* The duplicates queue has work: every member's keys, and the pairs. */
  if (ok)
    ok = _rapport_duplicates_rebuild (store, NULL, error);

  if (!ok)
    {
      rapport_store_rollback (store);
      return FALSE;
    }

  if (!rapport_store_commit (store, error))
    return FALSE;

  if (duplicates != NULL)
    *duplicates = g_steal_pointer (&pairs);
  return TRUE;
}

/**
 * rapport_demo_generate:
 * @options: how many members and activities, and the seed
 * @progress: (nullable): called with the members done so far
 *
 * Adds a sample community: members from many naming traditions, their
 * organisations, addresses under reserved domains only (RFC 2606), handles
 * on several platforms, tags, pipeline stages and a heavy-tailed history
 * of activities with a daily and weekly rhythm. Some people come twice, as
 * a second member seen on another platform (see RapportDemoDuplicate), and
 * some different people share a name; the duplicates queue holds what the
 * duplicates engine makes of them. The same seed gives the same people.
 * Everything goes in one transaction; a cancelled or failed run leaves the
 * database as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
rapport_demo_generate (RapportStore              *store,
                       const RapportDemoOptions  *options,
                       RapportProgressFunc        progress,
                       gpointer                   progress_data,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return generate_all (store, options, progress, progress_data, cancellable, NULL, error);
}

/**
 * _rapport_demo_generate_with_truth:
 * @duplicates: (out) (transfer full) (element-type RapportDemoDuplicate):
 *   every pair of records of one person the community has
 *
 * Like rapport_demo_generate(), for tests of duplicate detection.
 *
 * Returns: %TRUE on success
 */
gboolean
_rapport_demo_generate_with_truth (RapportStore              *store,
                                   const RapportDemoOptions  *options,
                                   GArray                   **duplicates,
                                   GError                   **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (duplicates != NULL, FALSE);

  *duplicates = NULL;
  return generate_all (store, options, NULL, NULL, NULL, duplicates, error);
}

typedef struct
{
  RapportDemoOptions   options;
  RapportProgressFunc  progress;
  gpointer             progress_data;
  GMainContext        *context;
} GenerateData;

typedef struct
{
  RapportProgressFunc progress;
  gpointer            progress_data;
  guint64             done;
  guint64             total;
} ProgressUpdate;

static void
generate_data_free (GenerateData *data)
{
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->progress (update->done, update->total, update->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker thread: hand the numbers to the caller's main context, at
 * the priority the result comes at so they arrive before it. */
static void
on_worker_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  GenerateData *data = user_data;
  ProgressUpdate *update = g_new (ProgressUpdate, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  update->progress = data->progress;
  update->progress_data = data->progress_data;
  update->done = done;
  update->total = total;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress_cb, update, g_free);
  g_source_set_static_name (source, "[rapport] demo progress");
  g_source_attach (source, data->context);
}

static gpointer
generate_worker (RapportStore  *worker,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GenerateData *data = user_data;

  if (!rapport_demo_generate (worker, &data->options,
                              data->progress != NULL ? on_worker_progress_cb : NULL, data,
                              cancellable, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

/* Back on the caller's thread: tell the caller's store, then the caller. */
static void
on_generate_done (GTask    *task,
                  gpointer  result,
                  gpointer  data)
{
  rapport_store_emit_changed (g_task_get_source_object (task), "members", 0,
                              RAPPORT_CHANGE_RELOAD);
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_demo_generate_async:
 *
 * Like rapport_demo_generate(), in a worker thread on its own connection.
 * @progress is called on the thread-default main context of the caller.
 */
void
rapport_demo_generate_async (RapportStore              *store,
                             const RapportDemoOptions  *options,
                             RapportProgressFunc        progress,
                             gpointer                   progress_data,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  GenerateData *data;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_demo_generate_async);

  data = g_new0 (GenerateData, 1);
  data->options = *options;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  _rapport_store_run_worker (store, task, generate_worker, data, (GDestroyNotify) generate_data_free,
                             on_generate_done, NULL);
}

gboolean
rapport_demo_generate_finish (RapportStore  *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
