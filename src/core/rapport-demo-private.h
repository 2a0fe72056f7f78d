/* rapport-demo-private.h
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

/* What the sample community generator (rapport-demo.c) shares with the
 * part that makes second records of people (rapport-demo-twins.c): the
 * generator's state, the people it makes, the random stream and the
 * helpers both call. */

#pragma once

#include <glib.h>

#include "rapport-demo-data.h"
#include "rapport-store-private.h"

G_BEGIN_DECLS

/* Joins are spread over the last three years. */
#define JOIN_SPAN (3 * 365 * G_GINT64_CONSTANT (86400))

#define BUFFER_SIZE 256

/* The mailbox provider of kind A duplicates. Sample addresses stay under
 * reserved names (RFC 2606), never at a real provider whose users would be
 * written to; so the duplicate differs by a "+tag", which every provider
 * of note ignores, not by the dots only Gmail ignores. */
#define PROVIDER_DOMAIN "mail.test"

/* roles[]: the twin is in the low bits, plus one; this bit marks the
 * second record. */
#define ROLE_DUPLICATE 0x80000000u

typedef enum
{
  PLATFORM_GITHUB,
  PLATFORM_DISCOURSE,
  PLATFORM_SLACK,
  PLATFORM_DISCORD,
  PLATFORM_MASTODON,
  PLATFORM_MEETUP,
  N_PLATFORMS
} Platform;

typedef struct
{
  const char *name;
  double      share;            /* of members with an account there */
  guint       activity_weight;  /* how much of a member's activity happens there */
  char        separator;        /* between the parts of a handle */
  const char *profile_prefix;   /* followed by the handle, or NULL */
} PlatformInfo;

/* In rapport-demo.c. */
extern const PlatformInfo _rapport_demo_platforms[N_PLATFORMS];

typedef enum
{
  TAG_SPEAKER,
  TAG_MAINTAINER,
  TAG_BETA_TESTER,
  TAG_AMBASSADOR,
  TAG_TRANSLATOR,
  TAG_MENTOR,
  N_TAGS
} Tag;

/* xoshiro256**, seeded through splitmix64: fast, and the same sequence on
 * every platform, unlike rand(). */
typedef struct
{
  guint64 s[4];
} Rng;

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xd1342543de82ef95));

  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* Uniform in [0, n). */
static inline guint32
rng_below (Rng    *rng,
           guint32 n)
{
  return (guint32) (((rng_next (rng) >> 32) * n) >> 32);
}

/* Uniform in [0, 1). */
static inline double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static inline gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

/* A person with two member records (the kinds are in rapport-demo.h).
 * What the second record needs is written down while the first is made. */
typedef struct
{
  guint                     original;      /* member index */
  guint                     duplicate;     /* member index, after original */
  char                      kind;
  Platform                  platform;      /* of the duplicate's account */
  Platform                  shared;        /* D: the original's account with the same handle */
  const RapportDemoCulture *culture;
  gint64                    organization_id;
  const char               *title;
  const char               *location;
  const char               *timezone;
  gint                      offset;
  char                      city[64];
  char                      name[BUFFER_SIZE];
  char                      handle[80];
  char                      address[BUFFER_SIZE];   /* empty for B and D */
} Twin;

typedef struct
{
  RapportStore     *store;
  guint             n_members;
  guint             n_activities;
  guint64           seed;
  gint64            now;
  gint64            first_id;
  double            scale;            /* activities per member, over ten */
  guint32          *counts;           /* activities of each member */
  guint             culture_weights;
  gint64           *organization_ids; /* 0 until first used */
  gint64            tag_ids[N_TAGS];
  GHashTable       *handles[N_PLATFORMS];
  GHashTable       *emails;
  GHashTable       *taken;            /* handles and addresses already stored, or kept
                                       * for a duplicate; NULL while there are none */
  GHashTable       *offsets;          /* time zone → seconds east of UTC */
  guint32          *roles;            /* of each member, in twins; see ROLE_DUPLICATE */
  Twin             *twins;
  guint             n_twins;
  RapportStatement *insert_members;   /* MEMBER_BATCH at once */
  RapportStatement *insert_email;
  RapportStatement *insert_identity;
  RapportStatement *insert_tag;
  RapportStatement *insert_activity;
} Demo;

typedef struct
{
  Rng                       rng;
  const RapportDemoCulture *culture;
  gint64                    id;
  char                      name[BUFFER_SIZE];
  char                     *sort_key;
  char                      given[64];      /* in ASCII, for handles */
  char                      family[64];
  char                      city[64];
  const char               *location;
  const char               *timezone;
  gint                      offset;
  gint64                    organization_id;
  guint                     organization;   /* index, when organization_id > 0 */
  const char               *title;
  const char               *bio;
  gint64                    joined_at;
  gint64                    last_active_at;
  guint                     count;
  int                       stage;
  gboolean                  on[N_PLATFORMS];
  char                      handles[N_PLATFORMS][80];
  guint                     platform_weight;
  Twin                     *twin;           /* when this is an original */
} Person;

/* rapport-demo.c */
const char *_rapport_demo_ascii_letter     (gunichar     c);
void        _rapport_demo_make_unique      (Demo        *demo,
                                            GHashTable  *bases,
                                            const char  *prefix,
                                            char        *text,
                                            gsize        size,
                                            const char  *suffix);
void        _rapport_demo_handle_base      (Person      *person,
                                            Platform     platform,
                                            char        *out,
                                            gsize        size);
void        _rapport_demo_email_local_part (Person      *person,
                                            char        *out,
                                            gsize        size);
gboolean    _rapport_demo_insert_email     (Demo        *demo,
                                            Person      *person,
                                            const char  *address,
                                            gboolean     primary,
                                            GError     **error);
gboolean    _rapport_demo_insert_identity  (Demo        *demo,
                                            Person      *person,
                                            Platform     platform,
                                            GError     **error);

/* rapport-demo-twins.c */
gboolean    _rapport_demo_is_free            (Demo        *demo,
                                              GHashTable  *bases,
                                              const char  *prefix,
                                              const char  *text,
                                              const char  *suffix);
void        _rapport_demo_plan_twins         (Demo        *demo);
void        _rapport_demo_name_twin          (Person      *person,
                                              const char  *given,
                                              const char  *family,
                                              const char  *second);
void        _rapport_demo_plan_twin_accounts (Person      *person);
void        _rapport_demo_address_twin_a     (Demo        *demo,
                                              Person      *person,
                                              const char  *local);
void        _rapport_demo_address_twin_c     (Demo        *demo,
                                              Person      *person,
                                              const char  *local,
                                              const char  *domain_suffix);
void        _rapport_demo_handle_twin        (Demo        *demo,
                                              Person      *person);
void        _rapport_demo_keep_for_twin      (Twin        *twin,
                                              Person      *person);
gboolean    _rapport_demo_generate_duplicate (Demo        *demo,
                                              Twin        *twin,
                                              Person      *person,
                                              GError     **error);
GArray     *_rapport_demo_truth              (Demo        *demo);

G_END_DECLS
