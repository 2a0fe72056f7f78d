/* rapport-demo-twins.c
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

/* The people who come twice: which members are a second record of an
 * earlier one (kinds A to D, see RapportDemoDuplicate), what the first
 * record keeps for the second (name variant, account, address, handle),
 * the second record itself, and the known truth for tests. */

#define G_LOG_DOMAIN "rapport-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rapport-demo-private.h"
#include "rapport-demo.h"
#include "rapport-util.h"

/* Members who are a second record of someone else in the community, the
 * way a person who joined from two places looks before anyone merges
 * them; see _rapport_demo_plan_twins(). */
#define TWIN_SHARE 0.02

/* The random stream of _rapport_demo_plan_twins(): members use 1 + their
 * index. */
#define TWIN_STREAM G_GUINT64_CONSTANT (0x7477696e73000000)

/* A name as a source without accents writes it ("José Núñez" → "Jose
 * Nunez"), or with German umlauts spelled out ("Jürgen Müller" → "Juergen
 * Mueller"). Spaces, hyphens and letters of other scripts stay. */
static void
transliterate (const char *text,
               gboolean    spell_umlauts,
               char       *out,
               gsize       size)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) result = g_string_new (NULL);
  gunichar previous = 0;

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *ascii = _rapport_demo_ascii_letter (c);

      if (c == 0x0308 && spell_umlauts && previous != 0 && strchr ("AOUaou", (int) previous) != NULL)
        g_string_append_c (result, 'e');
      else if (ascii != NULL)
        g_string_append (result, ascii);
      else if (!g_unichar_ismark (c))
        g_string_append_unichar (result, c);
      previous = c < 128 ? c : 0;
    }

  g_strlcpy (out, result->str, size);
}

/* Whether @text (as in _rapport_demo_make_unique()) is neither stored nor
 * kept, nor one that _rapport_demo_make_unique() gave out or passed over
 * already: those are the base and its numbers up to the count in @bases. */
gboolean
_rapport_demo_is_free (Demo       *demo,
                       GHashTable *bases,
                       const char *prefix,
                       const char *text,
                       const char *suffix)
{
  char key[BUFFER_SIZE];
  char candidate[BUFFER_SIZE];
  gsize len = strlen (text);
  guint number = 1;

  g_snprintf (candidate, sizeof candidate, "%s%s%s", prefix, text, suffix);
  for (char *p = candidate; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  if (demo->taken != NULL && g_hash_table_contains (demo->taken, candidate))
    return FALSE;

  while (len > 0 && g_ascii_isdigit (text[len - 1]))
    len--;
  if (text[len] != '\0')
    number = (guint) g_ascii_strtoull (text + len, NULL, 10);

  g_snprintf (key, sizeof key, "%.*s%s", (int) len, text, suffix);
  for (char *p = key; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);

  return GPOINTER_TO_UINT (g_hash_table_lookup (bases, key)) < number;
}

/* Keeps @text for a duplicate made later: _rapport_demo_make_unique()
 * passes over it. */
static void
claim (Demo       *demo,
       const char *prefix,
       const char *text,
       const char *suffix)
{
  char *candidate = g_strconcat (prefix, text, suffix, NULL);

  for (char *p = candidate; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  if (demo->taken == NULL)
    demo->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (demo->taken, candidate);
}

/* Which members are a second record of an earlier one: about one in every
 * 1 / TWIN_SHARE members, of the four kinds in turn. A duplicate keeps a
 * few activities of its own and hands the rest of what it was planned to
 * do to its original, so the activities still add up. */
void
_rapport_demo_plan_twins (Demo *demo)
{
  guint n = demo->n_members;
  guint wanted = (guint) (n * TWIN_SHARE + 0.5);
  Rng rng;

  demo->roles = g_new0 (guint32, MAX (n, 1));
  demo->twins = g_new0 (Twin, MAX (wanted, 1));
  if (n < 2)
    return;

  rng_init (&rng, demo->seed, TWIN_STREAM);
  for (guint k = 0; k < wanted; k++)
    {
      guint lo = (guint) ((guint64) n * k / wanted);
      guint hi = (guint) ((guint64) n * (k + 1) / wanted);
      guint j = MAX (1, lo + rng_below (&rng, hi - lo));
      guint i = rng_below (&rng, j);
      guint own = 1 + rng_below (&rng, 4);
      Twin *twin;

      for (guint attempt = 0; demo->roles[i] != 0 && attempt < 8; attempt++)
        i = rng_below (&rng, j);
      if (demo->roles[i] != 0 || demo->roles[j] != 0)
        continue;

      twin = &demo->twins[demo->n_twins++];
      twin->original = i;
      twin->duplicate = j;
      twin->kind = 'A' + k % 4;
      demo->roles[i] = demo->n_twins;
      demo->roles[j] = demo->n_twins | ROLE_DUPLICATE;

      if (demo->counts[j] > own)
        {
          demo->counts[i] += demo->counts[j] - own;
          demo->counts[j] = own;
        }
      else if (demo->counts[i] >= 2 * own)
        {
          demo->counts[i] -= own - demo->counts[j];
          demo->counts[j] = own;
        }
    }
}

/* The name on the duplicate: the same, or (kind C, half of kind A) the
 * way another source wrote it down: without accents, without the second
 * family name, or with the given name as an initial. */
void
_rapport_demo_name_twin (Person     *person,
                         const char *given,
                         const char *family,
                         const char *second)
{
  Twin *twin = person->twin;
  Rng *rng = &person->rng;
  char variants[3][BUFFER_SIZE];
  char initial[8] = { 0 };
  guint n = 0;

  if (twin->kind == 'B' || twin->kind == 'D' || (twin->kind == 'A' && rng_chance (rng, 0.5)))
    {
      g_strlcpy (twin->name, person->name, sizeof twin->name);
      return;
    }

  transliterate (person->name, rng_chance (rng, 0.5), variants[n], sizeof variants[0]);
  if (!g_str_equal (variants[n], person->name))
    n++;

  if (second[0] != '\0')
    g_snprintf (variants[n++], sizeof variants[0], "%s %s", given, family);

  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (given)), initial);
  if (rng_chance (rng, 0.5))
    g_snprintf (variants[n], sizeof variants[0], "%s. %s", initial, family);
  else
    g_snprintf (variants[n], sizeof variants[0], "%s %s", initial, family);
  if (second[0] != '\0' && rng_chance (rng, 0.5))
    {
      g_strlcat (variants[n], " ", sizeof variants[0]);
      g_strlcat (variants[n], second, sizeof variants[0]);
    }
  n++;

  g_strlcpy (twin->name, variants[rng_below (rng, n)], sizeof twin->name);
}

/* The duplicate has its account where the original has none. For kind D
 * the original needs an account whose handle the duplicate's repeats. */
void
_rapport_demo_plan_twin_accounts (Person *person)
{
  Twin *twin = person->twin;
  Platform elsewhere[N_PLATFORMS];
  Platform own[N_PLATFORMS];
  guint n_elsewhere = 0;
  guint n_own = 0;

  if (twin->kind == 'D')
    {
      gboolean any = FALSE;

      for (guint p = 0; p < N_PLATFORMS; p++)
        any |= person->on[p];
      if (!any)
        person->on[PLATFORM_GITHUB] = TRUE;
    }

  for (guint p = 0; p < N_PLATFORMS; p++)
    if (!person->on[p])
      elsewhere[n_elsewhere++] = p;
  if (n_elsewhere == 0)
    {
      person->on[PLATFORM_MEETUP] = FALSE;
      elsewhere[n_elsewhere++] = PLATFORM_MEETUP;
    }
  twin->platform = elsewhere[rng_below (&person->rng, n_elsewhere)];

  for (guint p = 0; p < N_PLATFORMS; p++)
    if (person->on[p])
      own[n_own++] = p;
  twin->shared = n_own > 0 ? own[rng_below (&person->rng, n_own)] : PLATFORM_GITHUB;
}

/* Kind A: the same mailbox written another way, "ana.silva+meetup" for
 * "ana.silva". */
void
_rapport_demo_address_twin_a (Demo       *demo,
                              Person     *person,
                              const char *local)
{
  Twin *twin = person->twin;
  char other[BUFFER_SIZE];

  for (guint n = 1;; n++)
    {
      if (n == 1)
        g_snprintf (other, sizeof other, "%s+%s", local,
                    _rapport_demo_platforms[twin->platform].name);
      else
        g_snprintf (other, sizeof other, "%s+%s%u", local,
                    _rapport_demo_platforms[twin->platform].name, n);
      if (_rapport_demo_is_free (demo, demo->emails, "", other, "@" PROVIDER_DOMAIN))
        break;
    }

  claim (demo, "", other, "@" PROVIDER_DOMAIN);
  g_snprintf (twin->address, sizeof twin->address, "%s@%s", other, PROVIDER_DOMAIN);
}

/* Kind C: another address at the same workplace, "jnunez" beside
 * "jose.nunez". */
void
_rapport_demo_address_twin_c (Demo       *demo,
                              Person     *person,
                              const char *local,
                              const char *domain_suffix)
{
  Twin *twin = person->twin;
  char other[BUFFER_SIZE];

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      _rapport_demo_email_local_part (person, other, sizeof other);
      if (!g_str_equal (other, local))
        break;
    }

  _rapport_demo_make_unique (demo, demo->emails, "", other, sizeof other, domain_suffix);
  g_snprintf (twin->address, sizeof twin->address, "%s%s", other, domain_suffix);
}

static gboolean
shares_handle (Person     *person,
               const char *handle)
{
  for (guint p = 0; p < N_PLATFORMS; p++)
    if (person->on[p] && g_ascii_strcasecmp (person->handles[p], handle) == 0)
      return TRUE;

  return FALSE;
}

/* The handle of the duplicate's account, kept for it. Kind D repeats the
 * original's (free there: see insert_identities() in rapport-demo.c); the
 * others have one of their own. */
void
_rapport_demo_handle_twin (Demo   *demo,
                           Person *person)
{
  Twin *twin = person->twin;
  Platform platform = twin->platform;
  char base[sizeof twin->handle];
  char prefix[32];

  g_snprintf (prefix, sizeof prefix, "%s:", _rapport_demo_platforms[platform].name);
  if (twin->kind == 'D')
    {
      g_strlcpy (twin->handle, person->handles[twin->shared], sizeof twin->handle);
      claim (demo, prefix, twin->handle, "");
      return;
    }

  _rapport_demo_handle_base (person, platform, base, sizeof base);
  do
    {
      g_strlcpy (twin->handle, base, sizeof twin->handle);
      _rapport_demo_make_unique (demo, demo->handles[platform], prefix, twin->handle,
                                 sizeof twin->handle, "");
    }
  while (shares_handle (person, twin->handle));
}

/* What the second record needs of the first, once the first is made. */
void
_rapport_demo_keep_for_twin (Twin   *twin,
                             Person *person)
{
  twin->culture = person->culture;
  twin->organization_id = person->organization_id;
  twin->title = person->title;
  twin->location = person->location;
  twin->timezone = person->timezone;
  twin->offset = person->offset;
  g_strlcpy (twin->city, person->city, sizeof twin->city);
}

/* The second record of a person made earlier: what another source knows
 * of them, a single account there and a few activities of its own. */
gboolean
_rapport_demo_generate_duplicate (Demo     *demo,
                                  Twin     *twin,
                                  Person   *person,
                                  GError  **error)
{
  Rng *rng = &person->rng;
  double x;

  g_strlcpy (person->name, twin->name, sizeof person->name);
  person->sort_key = rapport_sort_key (person->name);
  person->culture = twin->culture;
  person->offset = twin->offset;
  if (twin->kind == 'B')
    {
      person->organization_id = twin->organization_id;
      person->title = twin->title;
    }
  if (rng_chance (rng, 0.5))
    {
      person->location = twin->location;
      person->timezone = twin->timezone;
      g_strlcpy (person->city, twin->city, sizeof person->city);
    }

  x = sqrt (rng_double (rng));
  person->joined_at = demo->now - (gint64) ((1.0 - x) * JOIN_SPAN);
  person->stage = person->count >= 3 * demo->scale ? 2 : 1;
  person->on[twin->platform] = TRUE;
  person->platform_weight = _rapport_demo_platforms[twin->platform].activity_weight;
  g_strlcpy (person->handles[twin->platform], twin->handle, sizeof person->handles[0]);

  if (twin->address[0] != '\0' &&
      !_rapport_demo_insert_email (demo, person, twin->address, TRUE, error))
    return FALSE;
  return _rapport_demo_insert_identity (demo, person, twin->platform, error);
}

/* Every pair planned, for _rapport_demo_generate_with_truth(). */
GArray *
_rapport_demo_truth (Demo *demo)
{
  GArray *duplicates = g_array_sized_new (FALSE, FALSE, sizeof (RapportDemoDuplicate),
                                          demo->n_twins);

  for (guint k = 0; k < demo->n_twins; k++)
    {
      RapportDemoDuplicate pair = {
        .original_id = demo->first_id + demo->twins[k].original,
        .duplicate_id = demo->first_id + demo->twins[k].duplicate,
        .kind = demo->twins[k].kind,
      };

      g_array_append_val (duplicates, pair);
    }

  return duplicates;
}
