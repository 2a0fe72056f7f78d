/* rapport-duplicates.c
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

#define G_LOG_DOMAIN "rapport-duplicates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "rapport-duplicates.h"
#include "rapport-duplicates-private.h"
#include "rapport-person-keys-private.h"

/* Duplicates: pairs of members who may be one person, each with a
 * confidence from 0 to 1 and its reasons in words. Every member has keys
 * (rapport-person-keys.c); two members who share a telling key are a pair
 * worth a look, and the kinds of all the keys they share make the
 * confidence. The engine runs for the members an ingest touched
 * (_rapport_duplicates_update()) and over everyone on demand
 * (rapport_store_rescan_duplicates()). A pair the user said are different
 * people stays rejected until they share a key they did not share then. */

/* A key more members share than this tells nothing about any two of them. */
#define MAX_BLOCK 50
/* A batch this big gets a bigger page cache. */
#define BIG_BATCH 1000
/* Members whose keys are written by one statement. */
#define KEY_BATCH 2000
/* Below this size name frequencies are guesses. */
#define MIN_COMMUNITY 1000
/* A whole name only this many members have is worth a look on its own. */
#define RARE_NAME 3

/* The keys of one member, as text. */

typedef struct
{
  gint64  hash;
  char   *text;   /* NULL when only the hash is known */
} Key;

/* The domains of the organizations: the workplaces an address can be at. */
static GHashTable *
load_work_domains (RapportStore *store)
{
  g_autoptr(RapportStatement) stmt = NULL;
  GHashTable *domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT DISTINCT lower (domain) FROM organizations WHERE domain IS NOT NULL AND domain <> ''",
                                 NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (domains, g_strdup (_rapport_column_text (stmt, 0)));

  return domains;
}

#define FACTS_SQL(condition) \
  "SELECT id, sort_name, organization_id, " \
  "  (SELECT group_concat (a, char (31)) FROM " \
  "     (SELECT address AS a FROM emails WHERE member_id = m.id " \
  "      UNION SELECT email FROM identities WHERE member_id = m.id AND email IS NOT NULL)), " \
  "  (SELECT group_concat (handle, char (31)) FROM identities " \
  "    WHERE member_id = m.id AND handle IS NOT NULL) " \
  "FROM members m WHERE " condition

/* The keys of the member a FACTS_SQL row is about. The lists are joined by
 * a unit separator, which no address or handle holds. */
static void
keys_from_facts_row (RapportStatement *row,
                     GHashTable       *work_domains,
                     GPtrArray        *texts)
{
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) handles = NULL;
  RapportPersonFacts facts = { 0 };

  emails = g_strsplit (sqlite3_column_type (row, 3) != SQLITE_NULL ? _rapport_column_text (row, 3) : "", "\x1f", -1);
  handles = g_strsplit (sqlite3_column_type (row, 4) != SQLITE_NULL ? _rapport_column_text (row, 4) : "", "\x1f", -1);

  facts.sort_name = _rapport_column_text (row, 1);
  facts.organization_id = sqlite3_column_int64 (row, 2);
  facts.emails = emails[0] != NULL && emails[0][0] != '\0' ? (const char **) emails : NULL;
  facts.handles = handles[0] != NULL && handles[0][0] != '\0' ? (const char **) handles : NULL;
  facts.work_domains = work_domains;
  _rapport_person_keys_add (&facts, texts);
}

static void
load_facts_keys (RapportStore  *store,
                 gint64         member_id,
                 GHashTable    *work_domains,
                 GPtrArray     *texts,
                 GError       **error)
{
  g_autoptr(RapportStatement) member = NULL;

  member = _rapport_store_prepare (store, FACTS_SQL ("id = ?1"), error);
  if (member == NULL)
    return;
  sqlite3_bind_int64 (member, 1, member_id);
  if (sqlite3_step (member) == SQLITE_ROW)
    keys_from_facts_row (member, work_domains, texts);
}

static gint64
count_block (RapportStore *store,
             gint64        key)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "SELECT count(*) FROM (SELECT 1 FROM member_keys WHERE key = ? LIMIT "
                                 G_STRINGIFY (MAX_BLOCK) " + 1)",
                                 NULL);
  if (stmt == NULL)
    return G_MAXINT64;
  sqlite3_bind_int64 (stmt, 1, key);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : G_MAXINT64;
}

/* Scoring: what the kinds two members share say. */

static int
compare_doubles_down (gconstpointer a,
                      gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x < y) - (x > y);
}

typedef struct
{
  char        kind;
  gint64      hash;
  const char *text;     /* the key's text, or NULL */
  gint64      block;    /* how many members have it ('n' and 'h') */
  double      chance;   /* 'n': how many members would have the name by chance */
} Shared;

static const char *
key_value (const Shared *shared)
{
  return shared->text != NULL ? shared->text + 2 : NULL;
}

/* The confidence of a pair from the keys it shares; fills @reasons (in
 * words) when it is not NULL.
 *
 * Each rule is a kind of evidence with the names that go with it; the
 * strongest rule gives the confidence and every other one that holds closes
 * half of the remaining gap. Handles and work domains are shared by
 * different people all the time ("jsmith", "J. Smith at Acme"): they count
 * only with a name. A name alone counts when almost nobody else has it. */
static double
score_shared (GArray    *shared,
              GPtrArray *reasons)
{
  const Shared *by_kind[128] = { NULL };
  const Shared *name, *variant, *initial, *handle;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean rare = FALSE;
  double miss;

  for (guint i = 0; i < shared->len; i++)
    {
      const Shared *s = &g_array_index (shared, Shared, i);

      if (by_kind[(guchar) s->kind & 0x7f] == NULL)
        by_kind[(guchar) s->kind & 0x7f] = s;
    }
  name = by_kind['n'];
  variant = name == NULL ? by_kind['v'] : NULL;
  initial = name == NULL && variant == NULL ? by_kind['l'] : NULL;
  /* A name two members would share by chance says little: "Maria Garcia"
   * turns up again in any large community, "Iñaki Lefèvre" does not. */
  if (name != NULL)
    rare = name->chance < 0.25;

#define RULE(confidence, ...) \
  G_STMT_START { \
    double c_ = (confidence); \
    g_array_append_val (found, c_); \
    if (reasons != NULL) \
      g_ptr_array_add (reasons, g_strdup_printf (__VA_ARGS__)); \
  } G_STMT_END

  if (by_kind['e'] != NULL)
    {
      const char *value = key_value (by_kind['e']);

      RULE (0.97, _("Their email addresses are the same once dots and +tags are set aside (%s)"),
            value != NULL ? value : "…");
    }

  if (by_kind['o'] != NULL && (name != NULL || variant != NULL))
    RULE (name == NULL ? 0.45 : rare ? 0.95 : 0.85, "%s",
          name != NULL ? _("The same name at the same organization")
                       : _("The same given name and a family name, at the same organization"));

  if (by_kind['d'] != NULL && (name != NULL || variant != NULL || initial != NULL))
    {
      g_autofree char *domain = g_strdup (key_value (by_kind['d']) != NULL ? key_value (by_kind['d']) : "…");
      char *bar = strchr (domain, '|');

      if (bar != NULL)
        *bar = '\0';
      if (name != NULL)
        RULE (rare ? 0.92 : 0.8, _("The same name, and addresses at the same workplace (%s)"), domain);
      else if (variant != NULL)
        RULE (0.7, _("The same given name and a family name, and addresses at the same workplace (%s)"), domain);
      else
        RULE (0.65, _("The same initial and family name, and addresses at the same workplace (%s)"), domain);
    }

  /* A handle of one's own ("stardust42") on two platforms is telling with
   * a name; one made of the name ("anasilva") is what any Ana Silva picks. */
  handle = by_kind['h'] != NULL && by_kind['h']->block <= RARE_NAME ? by_kind['h'] : NULL;
  if (handle != NULL && (name != NULL || variant != NULL || initial != NULL))
    {
      const char *value = key_value (handle) != NULL ? key_value (handle) : "…";

      if (name != NULL)
        RULE (0.92, _("The same name, and the same handle on two platforms (%s)"), value);
      else if (variant != NULL)
        RULE (0.8, _("The same given name and a family name, and the same handle on two platforms (%s)"), value);
      else
        RULE (0.65, _("The same initial and family name, and the same handle on two platforms (%s)"), value);
    }
  else if (by_kind['j'] != NULL && by_kind['j']->block <= RARE_NAME && name != NULL)
    {
      const char *value = key_value (by_kind['j']) != NULL ? key_value (by_kind['j']) : "…";

      RULE (rare ? 0.7 : 0.5, _("The same name, and the same handle made of it on two platforms (%s)"), value);
    }

  /* Alone, only a name that should not turn up twice by chance. */
  if (name != NULL && name->chance < 0.05 && name->block <= 2)
    RULE (0.55, "%s", _("The same uncommon name, which nobody else in the community has"));

#undef RULE

  if (found->len == 0)
    return 0;

  g_array_sort (found, compare_doubles_down);
  miss = 1.0 - g_array_index (found, double, 0);
  for (guint i = 1; i < found->len; i++)
    miss *= 1.0 - g_array_index (found, double, i) / 2;

  return MIN (1.0 - miss, 0.99);
}

/* Whether a key shared with others makes the pair worth scoring: the
 * weaker kinds only add to a stronger one. */
static gboolean
is_telling (char   kind,
            gint64 block)
{
  switch (kind)
    {
    case 'e':
    case 'o':
    case 'd':
      return TRUE;
    case 'h':
    case 'j':
    case 'n':
      return block <= RARE_NAME;
    default:
      return FALSE;
    }
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64
count_key (RapportStore *store,
           gint64        key)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store, "SELECT count(*) FROM member_keys WHERE key = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, key);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* How many others would have a member's name by chance: the others with
 * its given name times the share of the others with its family name (the
 * member itself does not count, nor the one it shares the name with). */
static double
name_chance (gint64 given,
             gint64 family,
             gint64 n_members)
{
  /* A handful of members say nothing about how common a name is: they
   * count as a community of a thousand. */
  return (double) MAX (given - 1, 0) * (double) MAX (family - 1, 0) / (double) MAX (n_members, MIN_COMMUNITY);
}

/* What the keys of @a (texts, with hashes) and @b (sorted hashes) share. */
static GArray *
intersect (RapportStore *store,
           GArray       *a_keys,
           GArray       *b_hashes,
           gint64        n_members)
{
  GArray *shared = g_array_new (FALSE, FALSE, sizeof (Shared));
  gint64 given = 0, family = 0;

  for (guint i = 0; i < a_keys->len; i++)
    {
      const Key *key = &g_array_index (a_keys, Key, i);
      Shared s = { 0 };

      s.kind = _rapport_person_key_kind (key->hash);
      if (s.kind == 'g' || s.kind == 'f')
        {
          if (s.kind == 'g')
            given = key->hash;
          else
            family = key->hash;
          continue;
        }
      if (bsearch (&key->hash, b_hashes->data, b_hashes->len, sizeof (gint64), compare_int64) == NULL)
        continue;

      s.hash = key->hash;
      s.text = key->text;
      s.block = s.kind == 'n' || s.kind == 'h' || s.kind == 'j' ? count_block (store, key->hash) : 2;
      g_array_append_val (shared, s);
    }

  for (guint i = 0; i < shared->len; i++)
    if (g_array_index (shared, Shared, i).kind == 'n')
      g_array_index (shared, Shared, i).chance =
        name_chance (given ? count_key (store, given) : n_members, family ? count_key (store, family) : n_members,
                     n_members);

  return shared;
}

static void
key_clear (Key *key)
{
  g_free (key->text);
}

static GArray *
keys_from_texts (GPtrArray *texts)
{
  GArray *keys = g_array_sized_new (FALSE, FALSE, sizeof (Key), texts->len);

  g_array_set_clear_func (keys, (GDestroyNotify) key_clear);
  for (guint i = 0; i < texts->len; i++)
    {
      Key key = { _rapport_person_key_hash (g_ptr_array_index (texts, i)), g_strdup (g_ptr_array_index (texts, i)) };

      g_array_append_val (keys, key);
    }

  return keys;
}

static gboolean
step_done (RapportStore      *store,
           RapportStatement  *stmt,
           GError           **error)
{
  return sqlite3_step (stmt) == SQLITE_DONE || _rapport_store_set_error (store, error);
}

/* The hashes of @shared, sorted: what a rejection remembers. */
static void
append_evidence (GString *evidence,
                 GArray  *shared)
{
  g_autofree gint64 *hashes = g_new (gint64, MAX (shared->len, 1));

  for (guint i = 0; i < shared->len; i++)
    hashes[i] = g_array_index (shared, Shared, i).hash;
  qsort (hashes, shared->len, sizeof (gint64), compare_int64);
  for (guint i = 0; i < shared->len; i++)
    g_string_append_printf (evidence, "%s%" G_GINT64_FORMAT, i ? "," : "", hashes[i]);
}

/* Whether @evidence holds a hash @old does not. */
static gboolean
has_new_evidence (const char *old,
                  const char *evidence)
{
  g_auto(GStrv) before = g_strsplit (old != NULL ? old : "", ",", -1);
  g_auto(GStrv) now = g_strsplit (evidence, ",", -1);

  for (guint i = 0; now[i] != NULL; i++)
    if (now[i][0] != '\0' && !g_strv_contains ((const char * const *) before, now[i]))
      return TRUE;

  return FALSE;
}

/* Writes what is known now about the pair @a < @b: a suggestion when the
 * confidence reaches the threshold, none otherwise (but a rejection is
 * kept: it is the user's word). */
static gboolean
write_pair (RapportStore  *store,
            gint64         a,
            gint64         b,
            GArray        *shared,
            GError       **error)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) evidence = g_string_new (NULL);
  g_autoptr(RapportStatement) find = NULL;
  g_autoptr(RapportStatement) write = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *reasons_json = NULL;
  g_autofree char *old_evidence = NULL;
  gboolean exists = FALSE;
  gboolean rejected = FALSE;
  double confidence;
  gint64 id = 0;

  g_assert (a < b);

  confidence = score_shared (shared, reasons);
  append_evidence (evidence, shared);

  find = _rapport_store_prepare (store,
                                 "SELECT id, status, evidence FROM merge_suggestions WHERE member_a = ? AND member_b = ?",
                                 error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, a);
  sqlite3_bind_int64 (find, 2, b);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      exists = TRUE;
      id = sqlite3_column_int64 (find, 0);
      rejected = g_strcmp0 (_rapport_column_text (find, 1), "rejected") == 0;
      old_evidence = g_strdup (_rapport_column_text (find, 2));
    }
  g_clear_pointer (&find, _rapport_statement_release);

  if (confidence < RAPPORT_DUPLICATE_MIN_CONFIDENCE)
    {
      if (!exists || rejected)
        return TRUE;
      write = _rapport_store_prepare (store, "DELETE FROM merge_suggestions WHERE id = ?", error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, 1, id);
      return step_done (store, write, error);
    }

  /* Rejected stays rejected, unless they share something new. */
  if (rejected && !has_new_evidence (old_evidence, evidence->str))
    return TRUE;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < reasons->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (reasons, i));
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  reasons_json = json_to_string (node, FALSE);

  write = _rapport_store_prepare (store,
                                  "INSERT INTO merge_suggestions (member_a, member_b, confidence, reasons, evidence) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) "
                                  "ON CONFLICT (member_a, member_b) DO UPDATE SET "
                                  "  confidence = excluded.confidence, reasons = excluded.reasons, "
                                  "  evidence = excluded.evidence, status = 'open', decided_at = NULL "
                                  "WHERE confidence IS NOT excluded.confidence OR reasons IS NOT excluded.reasons "
                                  "   OR evidence IS NOT excluded.evidence OR status IS NOT 'open'",
                                  error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, a);
  sqlite3_bind_int64 (write, 2, b);
  sqlite3_bind_double (write, 3, MIN (confidence, 1.0));
  _rapport_bind_text (write, 4, reasons_json);
  _rapport_bind_text (write, 5, evidence->str);
  return step_done (store, write, error);
}

/* Incremental: the members an ingest touched. */

/* Whether member_keys keeps keys of @kind: those the engine looks members
 * up by, and those it counts. Variants and initials only ever add to a
 * pair found otherwise; they are computed when a pair is scored. */
static gboolean
is_stored_kind (char kind)
{
  return kind != RAPPORT_PERSON_KEY_VARIANT && kind != RAPPORT_PERSON_KEY_INITIAL;
}


/* The keys of each of @member_ids (one array of Key each, empty for a
 * member that is gone) into @all_keys, a statement for many members. */
static gboolean
batch_member_keys (RapportStore  *store,
                   const gint64  *member_ids,
                   guint          n_members,
                   GHashTable    *work_domains,
                   GPtrArray     *all_keys,
                   GError       **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_members; i++)
    {
      GArray *keys = g_array_new (FALSE, FALSE, sizeof (Key));

      g_array_set_clear_func (keys, (GDestroyNotify) key_clear);
      g_ptr_array_add (all_keys, keys);
      g_hash_table_insert (index, (gpointer) &member_ids[i], keys);
    }

  for (guint from = 0; from < n_members; from += KEY_BATCH)
    {
      g_autoptr(RapportStatement) rows = NULL;
      g_autoptr(GString) ids = g_string_new ("[");
      int rc;

      for (guint i = from; i < MIN (from + KEY_BATCH, n_members); i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > from ? "," : "", member_ids[i]);
      g_string_append_c (ids, ']');

      rows = _rapport_store_prepare (store, FACTS_SQL ("id IN (SELECT value FROM json_each (?1))"), error);
      if (rows == NULL)
        return FALSE;
      sqlite3_bind_text (rows, 1, ids->str, ids->len, SQLITE_STATIC);
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (rows, 0);
          GArray *keys = g_hash_table_lookup (index, &id);

          g_ptr_array_set_size (texts, 0);
          keys_from_facts_row (rows, work_domains, texts);
          for (guint t = 0; keys != NULL && t < texts->len; t++)
            {
              Key key = { _rapport_person_key_hash (g_ptr_array_index (texts, t)),
                          g_strdup (g_ptr_array_index (texts, t)) };

              g_array_append_val (keys, key);
            }
        }
      if (rc != SQLITE_DONE)
        return _rapport_store_set_error (store, error);
    }

  return TRUE;
}

/* Replaces the stored keys of @member_ids with @all_keys (one array of Key
 * each), a few statements for the whole batch; @had says which members had
 * keys before. */
static gboolean
write_batch_keys (RapportStore  *store,
                  const gint64  *member_ids,
                  guint          n_members,
                  GPtrArray     *all_keys,
                  gboolean      *had,
                  GError       **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_members; i++)
    g_hash_table_insert (index, (gpointer) &member_ids[i], GUINT_TO_POINTER (i + 1));

  for (guint from = 0; from < n_members; from += KEY_BATCH)
    {
      g_autoptr(RapportStatement) clear = NULL;
      g_autoptr(RapportStatement) insert = NULL;
      g_autoptr(GString) ids = g_string_new ("[");
      g_autoptr(GString) rows = g_string_new ("[");
      guint to = MIN (from + KEY_BATCH, n_members);
      int rc;

      for (guint i = from; i < to; i++)
        {
          GArray *keys = g_ptr_array_index (all_keys, i);

          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > from ? "," : "", member_ids[i]);
          for (guint k = 0; k < keys->len; k++)
            if (is_stored_kind (_rapport_person_key_kind (g_array_index (keys, Key, k).hash)))
              g_string_append_printf (rows, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]", rows->len > 1 ? "," : "",
                                      g_array_index (keys, Key, k).hash, member_ids[i]);
        }
      g_string_append_c (ids, ']');
      g_string_append_c (rows, ']');

      clear = _rapport_store_prepare (store,
                                      "DELETE FROM member_keys WHERE member_id IN (SELECT value FROM json_each (?1)) "
                                      "RETURNING member_id",
                                      error);
      if (clear == NULL)
        return FALSE;
      sqlite3_bind_text (clear, 1, ids->str, ids->len, SQLITE_STATIC);
      while ((rc = sqlite3_step (clear)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (clear, 0);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));

          if (position > 0)
            had[position - 1] = TRUE;
        }
      if (rc != SQLITE_DONE)
        return _rapport_store_set_error (store, error);
      g_clear_pointer (&clear, _rapport_statement_release);

      insert = _rapport_store_prepare (store,
                                       "INSERT OR IGNORE INTO member_keys (key, member_id) "
                                       "SELECT value ->> 0, value ->> 1 FROM json_each (?1)",
                                       error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_text (insert, 1, rows->str, rows->len, SQLITE_STATIC);
      if (!step_done (store, insert, error))
        return FALSE;
    }

  return TRUE;
}

static GArray *
member_keys (RapportStore  *store,
             gint64         member_id,
             GHashTable    *work_domains,
             GError       **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  load_facts_keys (store, member_id, work_domains, texts, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return keys_from_texts (texts);
}

/* The hashes of every key of @member_id, sorted, from what the store holds
 * about them now (member_keys keeps only some kinds). */
static GArray *
member_hashes (RapportStore  *store,
               gint64         member_id,
               GHashTable    *work_domains,
               GError       **error)
{
  g_autoptr(GArray) keys = member_keys (store, member_id, work_domains, error);
  GArray *hashes;

  if (keys == NULL)
    return NULL;

  hashes = g_array_sized_new (FALSE, FALSE, sizeof (gint64), keys->len);
  for (guint i = 0; i < keys->len; i++)
    g_array_append_val (hashes, g_array_index (keys, Key, i).hash);
  g_array_sort (hashes, compare_int64);

  return hashes;
}

/* The members who share a telling key with @member_id, and those it has
 * a suggestion with already (which may have to go). */
static gboolean
collect_candidates (RapportStore  *store,
                    gint64         member_id,
                    GArray        *keys,
                    gboolean       had_keys,
                    GHashTable    *candidates,
                    GError       **error)
{
  g_autoptr(RapportStatement) blocks = NULL;
  g_autoptr(RapportStatement) pairs = NULL;
  g_autoptr(GString) list = g_string_new ("[");

  for (guint i = 0; i < keys->len; i++)
    if (is_telling (_rapport_person_key_kind (g_array_index (keys, Key, i).hash), 0))
      g_string_append_printf (list, "%s%" G_GINT64_FORMAT, list->len > 1 ? "," : "", g_array_index (keys, Key, i).hash);
  g_string_append_c (list, ']');

  /* Every telling key's members in one statement, at most one more than a
   * block may hold. */
  blocks = _rapport_store_prepare (store,
                                   "SELECT j.value, (SELECT group_concat (member_id) FROM "
                                   "  (SELECT member_id FROM member_keys WHERE key = j.value LIMIT "
                                   G_STRINGIFY (MAX_BLOCK) " + 1)) "
                                   "FROM json_each (?1) j",
                                   error);
  if (blocks == NULL)
    return FALSE;
  sqlite3_bind_text (blocks, 1, list->str, list->len, SQLITE_STATIC);
  while (sqlite3_step (blocks) == SQLITE_ROW)
    {
      char kind = _rapport_person_key_kind (sqlite3_column_int64 (blocks, 0));
      g_auto(GStrv) others = NULL;
      guint n;

      if (sqlite3_column_type (blocks, 1) == SQLITE_NULL)
        continue;
      others = g_strsplit (_rapport_column_text (blocks, 1), ",", -1);
      n = g_strv_length (others);
      if (n > MAX_BLOCK || !is_telling (kind, n))
        continue;
      for (guint j = 0; j < n; j++)
        {
          gint64 other = g_ascii_strtoll (others[j], NULL, 10);

          if (other != member_id)
            g_hash_table_add (candidates, g_memdup2 (&other, sizeof other));
        }
    }
  g_clear_pointer (&blocks, _rapport_statement_release);

  /* A member new to the keys has no suggestion to take back. */
  if (!had_keys)
    return TRUE;

  pairs = _rapport_store_prepare (store,
                                  "SELECT member_b FROM merge_suggestions WHERE member_a = ?1 "
                                  "UNION ALL SELECT member_a FROM merge_suggestions WHERE member_b = ?1",
                                  error);
  if (pairs == NULL)
    return FALSE;
  sqlite3_bind_int64 (pairs, 1, member_id);
  while (sqlite3_step (pairs) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (pairs, 0);

      g_hash_table_add (candidates, g_memdup2 (&other, sizeof other));
    }

  return TRUE;
}

/* A database upgraded to schema 11 has members and no keys yet. */
static gboolean
keys_missing (RapportStore *store)
{
  return _rapport_store_query_int64 (store,
                                     "SELECT NOT EXISTS (SELECT 1 FROM member_keys) "
                                     "   AND EXISTS (SELECT 1 FROM members) AND ?1 = 0",
                                     0) == 1;
}

/**
 * _rapport_duplicates_update:
 * @member_ids: the members an ingest created or changed (or deleted)
 *
 * Brings the keys of @member_ids up to date and the suggestions they are
 * part of, inside the caller's transaction (or one of its own). On a
 * database whose keys were never built (one upgraded to schema 11), builds
 * them all first: a full pass.
 */
gboolean
_rapport_duplicates_update (RapportStore  *store,
                            const gint64  *member_ids,
                            guint          n_members,
                            GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(GPtrArray) all_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) work_domains = NULL;
  g_autofree gboolean *had = NULL;
  gint64 t0 = g_get_monotonic_time ();
  gint64 community;

  g_assert (RAPPORT_IS_STORE (store));

  if (n_members == 0)
    return TRUE;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  /* When a batch is a good part of the community (an import into a new
   * database, say), one pass over everyone costs less than looking at
   * each of its members in turn. */
  community = _rapport_store_query_int64 (store, "SELECT count(*) FROM members WHERE ?1 = 0", 0);
  if (keys_missing (store) || (n_members >= BIG_BATCH && (gint64) n_members * 4 >= community))
    return _rapport_duplicates_rebuild (store, NULL, error) && _rapport_transaction_commit (tx, error);

  work_domains = load_work_domains (store);
  had = g_new0 (gboolean, n_members);


  /* A big batch reads keys all over a table of some 150 MB at a million
   * members: more than the connection's usual cache holds. */
  if (n_members >= BIG_BATCH)
    _rapport_store_exec (store, "PRAGMA cache_size = -262144", NULL);

  /* Every member's keys first, so that two of the batch find each other. */
  if (!batch_member_keys (store, member_ids, n_members, work_domains, all_keys, error) ||
      !write_batch_keys (store, member_ids, n_members, all_keys, had, error))
    return FALSE;

  g_debug ("update: keys of %u members in %.3f s", n_members, (g_get_monotonic_time () - t0) / 1e6);

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      GArray *keys = g_ptr_array_index (all_keys, i);
      GHashTableIter iter;
      gpointer other;

      if (!collect_candidates (store, member_ids[i], keys, had[i], candidates, error))
        return FALSE;

      g_hash_table_iter_init (&iter, candidates);
      while (g_hash_table_iter_next (&iter, &other, NULL))
        {
          gint64 b = *(gint64 *) other;
          g_autoptr(GArray) b_hashes = member_hashes (store, b, work_domains, error);
          g_autoptr(GArray) shared = NULL;

          if (b_hashes == NULL)
            return FALSE;
          shared = intersect (store, keys, b_hashes, community);
          if (!write_pair (store, MIN (member_ids[i], b), MAX (member_ids[i], b), shared, error))
            return FALSE;
        }
    }

  g_debug ("update: pairs of %u members in %.3f s", n_members, (g_get_monotonic_time () - t0) / 1e6);
  if (n_members >= BIG_BATCH)
    _rapport_store_exec (store, "PRAGMA cache_size = -8000", NULL);

  return _rapport_transaction_commit (tx, error);
}

/* The full pass. */

typedef struct
{
  gint64 hash;
  gint64 member_id;
} Entry;

static int
compare_by_hash (const void *a,
                 const void *b)
{
  const Entry *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return (x->member_id > y->member_id) - (x->member_id < y->member_id);
}

static int
compare_by_member (const void *a,
                   const void *b)
{
  const Entry *x = a, *y = b;

  if (x->member_id != y->member_id)
    return x->member_id < y->member_id ? -1 : 1;
  return (x->hash > y->hash) - (x->hash < y->hash);
}

typedef struct
{
  gint64 a;
  gint64 b;
} Pair;

static int
compare_pairs (const void *p,
               const void *q)
{
  const Pair *x = p, *y = q;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

/* Reads every member with their addresses and handles, in id order, and
 * adds their keys to @entries. */
static gboolean
compute_all_keys (RapportStore  *store,
                  GHashTable    *work_domains,
                  GArray        *entries,
                  GError       **error)
{
  g_autoptr(RapportStatement) members = NULL;
  g_autoptr(RapportStatement) emails = NULL;
  g_autoptr(RapportStatement) identities = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) email_list = g_ptr_array_new ();
  g_autoptr(GPtrArray) handle_list = g_ptr_array_new ();
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (4096);
  gboolean more_emails, more_identities;

  members = _rapport_store_prepare (store, "SELECT id, sort_name, organization_id FROM members ORDER BY id", error);
  emails = members ? _rapport_store_prepare (store, "SELECT member_id, address FROM emails ORDER BY member_id", error) : NULL;
  identities = emails ? _rapport_store_prepare (store,
                                                "SELECT member_id, handle, email FROM identities "
                                                " WHERE handle IS NOT NULL OR email IS NOT NULL ORDER BY member_id",
                                                error) : NULL;
  if (identities == NULL)
    return FALSE;

  more_emails = sqlite3_step (emails) == SQLITE_ROW;
  more_identities = sqlite3_step (identities) == SQLITE_ROW;

  while (sqlite3_step (members) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (members, 0);
      RapportPersonFacts facts = {
        .sort_name = _rapport_column_text (members, 1),
        .organization_id = sqlite3_column_int64 (members, 2),
        .work_domains = work_domains,
      };

      g_ptr_array_set_size (email_list, 0);
      g_ptr_array_set_size (handle_list, 0);
      g_ptr_array_set_size (texts, 0);
      g_string_chunk_clear (chunk);

      while (more_emails && sqlite3_column_int64 (emails, 0) < id)
        more_emails = sqlite3_step (emails) == SQLITE_ROW;
      while (more_emails && sqlite3_column_int64 (emails, 0) == id)
        {
          g_ptr_array_add (email_list, g_string_chunk_insert (chunk, _rapport_column_text (emails, 1)));
          more_emails = sqlite3_step (emails) == SQLITE_ROW;
        }
      while (more_identities && sqlite3_column_int64 (identities, 0) < id)
        more_identities = sqlite3_step (identities) == SQLITE_ROW;
      while (more_identities && sqlite3_column_int64 (identities, 0) == id)
        {
          if (sqlite3_column_type (identities, 1) != SQLITE_NULL)
            g_ptr_array_add (handle_list, g_string_chunk_insert (chunk, _rapport_column_text (identities, 1)));
          if (sqlite3_column_type (identities, 2) != SQLITE_NULL)
            g_ptr_array_add (email_list, g_string_chunk_insert (chunk, _rapport_column_text (identities, 2)));
          more_identities = sqlite3_step (identities) == SQLITE_ROW;
        }
      g_ptr_array_add (email_list, NULL);
      g_ptr_array_add (handle_list, NULL);
      facts.emails = (const char **) email_list->pdata;
      facts.handles = (const char **) handle_list->pdata;

      _rapport_person_keys_add (&facts, texts);
      for (guint i = 0; i < texts->len; i++)
        {
          Entry entry = { _rapport_person_key_hash (g_ptr_array_index (texts, i)), id };

          g_array_append_val (entries, entry);
        }
    }

  return TRUE;
}

static gint64
block_size (GArray *by_hash,
            gint64  hash)
{
  Entry probe = { hash, G_MININT64 };
  guint lo = 0, hi = by_hash->len, start;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_by_hash (&g_array_index (by_hash, Entry, mid), &probe) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  start = lo;
  while (lo < by_hash->len && g_array_index (by_hash, Entry, lo).hash == hash)
    lo++;

  return lo - start;
}

/* The range of @member_id's entries in @by_member. */
static const Entry *
member_range (GArray *by_member,
              gint64  member_id,
              guint  *n)
{
  Entry probe = { G_MININT64, member_id };
  guint lo = 0, hi = by_member->len, end;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_by_member (&g_array_index (by_member, Entry, mid), &probe) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  end = lo;
  while (end < by_member->len && g_array_index (by_member, Entry, end).member_id == member_id)
    end++;

  *n = end - lo;
  return &g_array_index (by_member, Entry, MIN (lo, by_member->len ? by_member->len - 1 : 0));
}

static gboolean
write_key (RapportStore      *store,
           RapportStatement  *stmt,
           const Entry       *entry,
           GError           **error)
{
  sqlite3_bind_int64 (stmt, 1, entry->hash);
  sqlite3_bind_int64 (stmt, 2, entry->member_id);
  if (!step_done (store, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Makes member_keys hold @by_hash (sorted by key, then member) and no
 * more. A rescan finds most keys as they were and writes only what
 * changed; the first build (or one after most keys changed) writes the
 * table without its second index and builds that in one sort at the end,
 * four times quicker than row by row. */
static gboolean
store_keys (RapportStore  *store,
            GArray        *by_hash,
            GError       **error)
{
  g_autoptr(RapportStatement) stored = NULL;
  g_autoptr(RapportStatement) insert = NULL;
  g_autoptr(RapportStatement) delete = NULL;
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (Entry));
  gboolean more;
  guint i = 0;
  guint n_stored = 0;

  /* Both sides in the table's own order: one merge of two sorted lists. */
  stored = _rapport_store_prepare (store, "SELECT key, member_id FROM member_keys ORDER BY key, member_id", error);
  if (stored == NULL)
    return FALSE;
  more = sqlite3_step (stored) == SQLITE_ROW;
  while (more || i < by_hash->len)
    {
      const Entry *want = NULL;
      Entry have = { 0 };
      int order;

      while (i < by_hash->len && !is_stored_kind (_rapport_person_key_kind (g_array_index (by_hash, Entry, i).hash)))
        i++;
      want = i < by_hash->len ? &g_array_index (by_hash, Entry, i) : NULL;
      if (more)
        {
          have.hash = sqlite3_column_int64 (stored, 0);
          have.member_id = sqlite3_column_int64 (stored, 1);
        }
      if (want == NULL && !more)
        break;

      order = want == NULL ? 1 : !more ? -1 : compare_by_hash (want, &have);
      if (order < 0)
        {
          g_array_append_val (added, *want);
          i++;
        }
      else if (order > 0)
        {
          g_array_append_val (gone, have);
          n_stored++;
          more = sqlite3_step (stored) == SQLITE_ROW;
        }
      else
        {
          i++;
          n_stored++;
          more = sqlite3_step (stored) == SQLITE_ROW;
        }
    }
  g_clear_pointer (&stored, _rapport_statement_release);

  if (added->len > 0 && added->len >= n_stored)
    {
      insert = _rapport_store_prepare (store, "INSERT INTO member_keys (key, member_id) VALUES (?, ?)", error);
      if (insert == NULL ||
          !_rapport_store_exec (store, "DROP INDEX IF EXISTS member_keys_member; DELETE FROM member_keys", error))
        return FALSE;
      for (guint k = 0; k < by_hash->len; k++)
        if (is_stored_kind (_rapport_person_key_kind (g_array_index (by_hash, Entry, k).hash)) &&
            !write_key (store, insert, &g_array_index (by_hash, Entry, k), error))
          return FALSE;
      g_clear_pointer (&insert, _rapport_statement_release);
      return _rapport_store_exec (store, "CREATE INDEX member_keys_member ON member_keys (member_id)", error);
    }

  delete = _rapport_store_prepare (store, "DELETE FROM member_keys WHERE key = ? AND member_id = ?", error);
  if (delete == NULL)
    return FALSE;
  for (guint k = 0; k < gone->len; k++)
    if (!write_key (store, delete, &g_array_index (gone, Entry, k), error))
      return FALSE;
  g_clear_pointer (&delete, _rapport_statement_release);

  insert = _rapport_store_prepare (store, "INSERT OR IGNORE INTO member_keys (key, member_id) VALUES (?, ?)", error);
  if (insert == NULL)
    return FALSE;
  for (guint k = 0; k < added->len; k++)
    if (!write_key (store, insert, &g_array_index (added, Entry, k), error))
      return FALSE;

  return TRUE;
}

static gboolean
rebuild (RapportStore  *store,
         guint         *n_open,
         GError       **error)
{
  g_autoptr(GArray) by_hash = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) by_member = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(RapportStatement) seen = NULL;
  g_autoptr(GHashTable) work_domains = load_work_domains (store);
  gint64 t0 = g_get_monotonic_time ();
  gint64 n_members;

  if (!_rapport_store_exec (store,
                            "CREATE TEMP TABLE IF NOT EXISTS rapport_seen_pairs "
                            "  (a INTEGER, b INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID;"
                            "DELETE FROM temp.rapport_seen_pairs;",
                            error) ||
      !compute_all_keys (store, work_domains, by_hash, error))
    return FALSE;
  g_debug ("keys computed: %u in %.2f s", by_hash->len, (g_get_monotonic_time () - t0) / 1e6);

  qsort (by_hash->data, by_hash->len, sizeof (Entry), compare_by_hash);
  if (!store_keys (store, by_hash, error))
    return FALSE;
  g_debug ("keys: %u in %.2f s", by_hash->len, (g_get_monotonic_time () - t0) / 1e6);

  /* The pairs in every block of a telling key. */
  for (guint i = 0; i < by_hash->len;)
    {
      guint j = i;
      gint64 hash = g_array_index (by_hash, Entry, i).hash;

      while (j < by_hash->len && g_array_index (by_hash, Entry, j).hash == hash)
        j++;
      if (j - i >= 2 && j - i <= MAX_BLOCK && is_telling (_rapport_person_key_kind (hash), j - i))
        for (guint p = i; p < j; p++)
          for (guint q = p + 1; q < j; q++)
            {
              Pair pair = { g_array_index (by_hash, Entry, p).member_id, g_array_index (by_hash, Entry, q).member_id };

              g_array_append_val (pairs, pair);
            }
      i = j;
    }
  qsort (pairs->data, pairs->len, sizeof (Pair), compare_pairs);
  g_debug ("pairs: %u in %.2f s", pairs->len, (g_get_monotonic_time () - t0) / 1e6);
  n_members = _rapport_store_query_int64 (store, "SELECT count(*) FROM members WHERE ?1 = 0", 0);

  by_member = g_array_copy (by_hash);
  qsort (by_member->data, by_member->len, sizeof (Entry), compare_by_member);

  seen = _rapport_store_prepare (store, "INSERT OR IGNORE INTO temp.rapport_seen_pairs (a, b) VALUES (?, ?)", error);
  if (seen == NULL)
    return FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);
      g_autoptr(GArray) shared = g_array_new (FALSE, FALSE, sizeof (Shared));
      const Entry *a, *b;
      guint n_a, n_b, x = 0, y = 0;
      gint64 given, family;

      if (i > 0 && compare_pairs (pair, &g_array_index (pairs, Pair, i - 1)) == 0)
        continue;

      a = member_range (by_member, pair->a, &n_a);
      b = member_range (by_member, pair->b, &n_b);
      given = family = 0;
      for (guint k = 0; k < n_a; k++)
        {
          if (_rapport_person_key_kind (a[k].hash) == 'g')
            given = a[k].hash;
          else if (_rapport_person_key_kind (a[k].hash) == 'f')
            family = a[k].hash;
        }
      while (x < n_a && y < n_b)
        {
          if (a[x].hash < b[y].hash)
            x++;
          else if (a[x].hash > b[y].hash)
            y++;
          else
            {
              Shared s = { _rapport_person_key_kind (a[x].hash), a[x].hash, NULL, 2, 0 };

              if (s.kind == 'n' || s.kind == 'h' || s.kind == 'j')
                s.block = block_size (by_hash, s.hash);
              if (s.kind == 'n')
                s.chance = name_chance (given ? block_size (by_hash, given) : n_members,
                                        family ? block_size (by_hash, family) : n_members, n_members);
              if (s.kind != 'g' && s.kind != 'f')
                g_array_append_val (shared, s);
              x++;
              y++;
            }
        }

      sqlite3_bind_int64 (seen, 1, pair->a);
      sqlite3_bind_int64 (seen, 2, pair->b);
      if (!step_done (store, seen, error))
        return FALSE;
      sqlite3_reset (seen);

      /* The words name what they share: the keys' text, from @a. */
      if (score_shared (shared, NULL) >= RAPPORT_DUPLICATE_MIN_CONFIDENCE)
        {
          g_autoptr(GArray) keys = member_keys (store, pair->a, work_domains, error);

          if (keys == NULL)
            return FALSE;
          for (guint k = 0; k < shared->len; k++)
            for (guint t = 0; t < keys->len; t++)
              if (g_array_index (keys, Key, t).hash == g_array_index (shared, Shared, k).hash)
                g_array_index (shared, Shared, k).text = g_array_index (keys, Key, t).text;
          if (!write_pair (store, pair->a, pair->b, shared, error))
            return FALSE;
        }
      else if (!write_pair (store, pair->a, pair->b, shared, error))
        return FALSE;
    }
  g_clear_pointer (&seen, _rapport_statement_release);

  if (!_rapport_store_exec (store,
                            "DELETE FROM merge_suggestions WHERE status = 'open' AND NOT EXISTS "
                            "  (SELECT 1 FROM temp.rapport_seen_pairs s WHERE s.a = member_a AND s.b = member_b);"
                            "DELETE FROM temp.rapport_seen_pairs;",
                            error))
    return FALSE;

  g_debug ("full pass: %u keys, %u candidate pairs in %.2f s", by_hash->len, pairs->len,
           (g_get_monotonic_time () - t0) / 1e6);

  if (n_open != NULL)
    *n_open = (guint) rapport_store_count_duplicates (store, 0);

  return TRUE;
}

/**
 * _rapport_duplicates_rebuild:
 * @n_open: (out) (optional): how many suggestions are open afterwards
 *
 * The full pass: every member's keys computed again, every pair that
 * shares a telling key scored, suggestions whose evidence is gone removed.
 * Rejections stay unless the pair shares something new.
 */
gboolean
_rapport_duplicates_rebuild (RapportStore  *store,
                             guint         *n_open,
                             GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  gboolean ok;

  g_assert (RAPPORT_IS_STORE (store));

  /* The keys of a million members are some 100 MB of B-tree: with the
   * connection's usual 8 MB of cache, writing them would read and write
   * the same pages over and over. */
  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL ||
      !_rapport_store_exec (store, "PRAGMA cache_size = -262144", error))
    return FALSE;
  ok = rebuild (store, n_open, error);
  _rapport_store_exec (store, "PRAGMA cache_size = -8000", NULL);
  if (!ok)
    return FALSE;

  return _rapport_transaction_commit (tx, error);
}

/* Public */

/**
 * rapport_store_rescan_duplicates:
 * @n_open: (out) (optional): how many pairs wait for a decision afterwards
 *
 * The full pass over every member, in one transaction.
 */
gboolean
rapport_store_rescan_duplicates (RapportStore  *store,
                                 guint         *n_open,
                                 GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!_rapport_duplicates_rebuild (store, n_open, error))
    return FALSE;

  rapport_store_emit_changed (store, "merge_suggestions", 0, RAPPORT_CHANGE_RELOAD);
  return TRUE;
}

static gpointer
rescan_worker (RapportStore  *worker,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  guint n_open = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_rapport_duplicates_rebuild (worker, &n_open, error))
    return NULL;

  return GUINT_TO_POINTER (n_open + 1);
}

static void
on_rescan_done (GTask    *task,
                gpointer  result,
                gpointer  data)
{
  rapport_store_emit_changed (g_task_get_source_object (task), "merge_suggestions", 0, RAPPORT_CHANGE_RELOAD);
  g_task_return_int (task, GPOINTER_TO_UINT (result) - 1);
}

/**
 * rapport_store_rescan_duplicates_async:
 *
 * rapport_store_rescan_duplicates() in a worker thread: seconds on a big
 * community, without holding up the caller.
 */
void
rapport_store_rescan_duplicates_async (RapportStore        *store,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_store_rescan_duplicates_async);
  g_task_set_name (task, "duplicates rescan");
  _rapport_store_run_worker (store, task, rescan_worker, NULL, NULL, on_rescan_done, NULL);
}

/**
 * rapport_store_rescan_duplicates_finish:
 * @n_open: (out) (optional): how many pairs wait for a decision afterwards
 */
gboolean
rapport_store_rescan_duplicates_finish (RapportStore  *store,
                                        GAsyncResult  *result,
                                        guint         *n_open,
                                        GError       **error)
{
  gssize n;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_store_rescan_duplicates_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_open != NULL)
    *n_open = (guint) n;
  return TRUE;
}
