/* rapport-merge.c
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

/* Merging duplicate members into one, and unmerging them again.
 *
 * A merge moves every row of the others to the survivor: rows with an id
 * of their own by setting their member, rows keyed by their member (tags,
 * event roles, HubSpot fields, …) by copying them to the survivor and
 * deleting the originals. Where the survivor has such a row already, its
 * own stays and the other's goes; for an RSVP to an event both answered,
 * the better answer stays. Everything is in the undo journal, so an
 * unmerge (_rapport_people_undo_merge()) puts each row back by its key,
 * even after later changes to the survivor, which stay with the
 * survivor.
 *
 * HubSpot: every HubSpot identity is kept, so a member who was two
 * contacts holds two live HubSpot identities until HubSpot merges the
 * contacts. The push upserts by the primary email, which follows the
 * HubSpot contact whose fields the survivor keeps: the survivor updates
 * that contact and never creates another. */

#define G_LOG_DOMAIN "rapport-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-journal-private.h"
#include "rapport-merge.h"
#include "rapport-duplicates-private.h"
#include "rapport-merge-private.h"
#include "rapport-operation.h"
#include "rapport-scoring.h"


static const char * const field_names[RAPPORT_MERGE_N_FIELDS] = {
  "name", "organization", "title", "location", "timezone", "phone", "bio", "email", "stage",
};

/* What a merge saves of each member before it changes anything, in the
 * order an unmerge puts deleted rows back (parents first). @survivor: the
 * survivor's rows of the table can change too. */
static const struct {
  const char *table;
  const char *where;
  gboolean    survivor;
} member_rows[] = {
  { "members", "id = ?1", TRUE },
  { "emails", "member_id = ?1", TRUE },
  { "identities", "member_id = ?1", FALSE },
  { "member_tags", "member_id = ?1", TRUE },
  { "notes", "member_id = ?1", FALSE },
  { "interactions", "member_id = ?1", FALSE },
  { "tasks", "member_id = ?1", FALSE },
  { "activities", "member_id = ?1", FALSE },
  { "stage_history", "member_id = ?1", FALSE },
  { "recognitions", "member_id = ?1", FALSE },
  { "merge_suggestions", "member_a = ?1 OR member_b = ?1", FALSE },
  { "event_people", "member_id = ?1", TRUE },
  { "rsvps", "member_id = ?1", TRUE },
  { "rsvp_history", "rsvp_id IN (SELECT id FROM rsvps WHERE member_id = ?1)", TRUE },
  { "content_item_members", "member_id = ?1", TRUE },
  { "coc_reports", "reporter_member_id = ?1 OR subject_member_id = ?1", FALSE },
  { "suggestion_decisions", "member_id = ?1", TRUE },
  { "member_remote_fields", "member_id = ?1", TRUE },
  { "sync_push_state", "member_id = ?1", TRUE },
  { "member_keys", "member_id = ?1", TRUE },
};

/* Rows with an id of their own: they move by changing their member. */
static const char * const move_statements[] = {
  "UPDATE emails SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE identities SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE notes SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE interactions SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE tasks SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE activities SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE stage_history SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE recognitions SET member_id = ?2 WHERE member_id = ?1",
  "UPDATE coc_reports SET reporter_member_id = ?2 WHERE reporter_member_id = ?1",
  "UPDATE coc_reports SET subject_member_id = ?2 WHERE subject_member_id = ?1",
  /* An RSVP to an event both answered: the better answer stays (checked
   * in, then going, waitlisted, maybe, declined, cancelled); on a tie the
   * survivor's. */
  "DELETE FROM rsvps AS s WHERE s.member_id = ?2 AND EXISTS ("
  "  SELECT 1 FROM rsvps o WHERE o.member_id = ?1 AND o.event_id = s.event_id"
  "     AND (o.checked_in_at IS NOT NULL) * 10 + CASE o.status WHEN 'going' THEN 4 "
  "         WHEN 'waitlisted' THEN 3 WHEN 'maybe' THEN 2 WHEN 'declined' THEN 1 ELSE 0 END"
  "       > (s.checked_in_at IS NOT NULL) * 10 + CASE s.status WHEN 'going' THEN 4 "
  "         WHEN 'waitlisted' THEN 3 WHEN 'maybe' THEN 2 WHEN 'declined' THEN 1 ELSE 0 END)",
  "DELETE FROM rsvps WHERE member_id = ?1 "
  "   AND event_id IN (SELECT event_id FROM rsvps WHERE member_id = ?2)",
  "UPDATE rsvps SET member_id = ?2 WHERE member_id = ?1",
  /* Suggestions: the pair itself goes; one with a third member moves to
   * the survivor unless the survivor has one with them already. */
  "DELETE FROM merge_suggestions WHERE (member_a = ?1 AND member_b = ?2) OR (member_a = ?2 AND member_b = ?1)",
  "DELETE FROM merge_suggestions AS s WHERE (s.member_a = ?1 OR s.member_b = ?1) AND EXISTS ("
  "  SELECT 1 FROM merge_suggestions o"
  "   WHERE o.member_a = min (?2, CASE WHEN s.member_a = ?1 THEN s.member_b ELSE s.member_a END)"
  "     AND o.member_b = max (?2, CASE WHEN s.member_a = ?1 THEN s.member_b ELSE s.member_a END))",
  "UPDATE merge_suggestions "
  "   SET member_a = min (?2, CASE WHEN member_a = ?1 THEN member_b ELSE member_a END), "
  "       member_b = max (?2, CASE WHEN member_a = ?1 THEN member_b ELSE member_a END) "
  " WHERE member_a = ?1 OR member_b = ?1",
  /* Rows keyed by their member: copied unless the survivor has the key. */
  "INSERT OR IGNORE INTO member_tags (member_id, tag_id) "
  "SELECT ?2, tag_id FROM member_tags WHERE member_id = ?1",
  "DELETE FROM member_tags WHERE member_id = ?1",
  "INSERT OR IGNORE INTO event_people (event_id, member_id, role) "
  "SELECT event_id, ?2, role FROM event_people WHERE member_id = ?1",
  "DELETE FROM event_people WHERE member_id = ?1",
  "INSERT OR IGNORE INTO content_item_members (item_id, member_id, role) "
  "SELECT item_id, ?2, role FROM content_item_members WHERE member_id = ?1",
  "DELETE FROM content_item_members WHERE member_id = ?1",
  "INSERT OR IGNORE INTO suggestion_decisions (member_id, kind, fingerprint, decision, decided_at) "
  "SELECT ?2, kind, fingerprint, decision, decided_at FROM suggestion_decisions WHERE member_id = ?1",
  "DELETE FROM suggestion_decisions WHERE member_id = ?1",
  "INSERT OR IGNORE INTO member_remote_fields (member_id, platform, fields) "
  "SELECT ?2, platform, fields FROM member_remote_fields WHERE member_id = ?1",
  "DELETE FROM member_remote_fields WHERE member_id = ?1",
  "INSERT OR IGNORE INTO sync_push_state (account_id, member_id, pushed_values, pushed_at, error) "
  "SELECT account_id, ?2, pushed_values, pushed_at, error FROM sync_push_state WHERE member_id = ?1",
  "DELETE FROM sync_push_state WHERE member_id = ?1",
  "INSERT OR IGNORE INTO member_keys (key, member_id) "
  "SELECT key, ?2 FROM member_keys WHERE member_id = ?1",
  "DELETE FROM member_keys WHERE member_id = ?1",
  "DELETE FROM members WHERE id = ?1",
};

/* The tables whose rows move by copying: the survivor's new rows are noted
 * as created, for an unmerge to delete. */
static const char * const keyed_tables[] = {
  "member_tags", "event_people", "content_item_members", "suggestion_decisions",
  "member_remote_fields", "sync_push_state", "member_keys",
};

static const char select_member[] =
  "SELECT name, sort_name, organization_id, title, location, timezone, phone, bio, stage_id, "
  "       joined_at, source, custom_fields, last_active_at "
  "  FROM members WHERE id = ?";
static const char select_primary_email[] =
  "SELECT id FROM emails WHERE member_id = ? ORDER BY is_primary DESC, id LIMIT 1";
static const char select_hubspot_fields[] =
  "SELECT fields FROM member_remote_fields WHERE member_id = ? AND platform = 'hubspot'";
static const char select_email_owner[] =
  "SELECT id, member_id FROM emails WHERE address = ?";
static const char select_contact_email[] =
  "SELECT e.id FROM identities i JOIN emails e ON e.address = i.email "
  " WHERE i.member_id = ? AND i.platform = 'hubspot' AND i.archived_at IS NULL "
  " ORDER BY i.id LIMIT 1";
static const char merge_custom_fields[] =
  "SELECT CASE WHEN json_valid (?1) AND json_valid (?2) THEN "
  "         CASE WHEN json_type (?1) = 'object' AND json_type (?2) = 'object' "
  "              THEN json_patch (?1, ?2) ELSE ?2 END "
  "       ELSE ?2 END";
static const char update_survivor[] =
  "UPDATE members SET name = ?2, sort_name = ?3, organization_id = ?4, title = ?5, location = ?6, "
  "       timezone = ?7, phone = ?8, bio = ?9, stage_id = ?10, joined_at = ?11, source = ?12, "
  "       custom_fields = ?13, updated_at = unixepoch () "
  " WHERE id = ?1";
static const char update_primary_email[] =
  "UPDATE emails SET is_primary = (id = ?2) WHERE member_id = ?1 AND is_primary IS NOT (id = ?2)";
/* Moving activities fires no counting trigger: count afresh. A member's
 * last activity can be known without its rows (an import), so the latest
 * of what the members knew stays. */
static const char recount_survivor[] =
  "UPDATE members SET activity_count = (SELECT count(*) FROM activities WHERE member_id = ?1), "
  "       last_active_at = (SELECT max (v) FROM (SELECT max (occurred_at) AS v FROM activities "
  "                                               WHERE member_id = ?1 UNION ALL SELECT ?2)) "
  " WHERE id = ?1";
/* Moved rows change no search trigger's column: index the member again. */
static const char unindex_member[] =
  "DELETE FROM member_search WHERE rowid = ?1";
static const char index_member[] =
  "INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes) "
  "SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source "
  " WHERE member_id = ?1";

/**
 * rapport_merge_choices_init:
 *
 * Every field takes the default: the survivor's value where it has one.
 */
void
rapport_merge_choices_init (RapportMergeChoices *choices)
{
  g_return_if_fail (choices != NULL);

  memset (choices, 0, sizeof *choices);
}

/**
 * rapport_merge_choices_set:
 * @member_id: the member whose value @field keeps, or 0 for the default
 */
void
rapport_merge_choices_set (RapportMergeChoices *choices,
                           RapportMergeField    field,
                           gint64               member_id)
{
  g_return_if_fail (choices != NULL);
  g_return_if_fail (field < RAPPORT_MERGE_N_FIELDS);

  choices->from[field] = member_id;
}

/**
 * rapport_merge_field_to_string:
 *
 * Returns: the field's name ("name", "organization", …, "email", "stage")
 */
const char *
rapport_merge_field_to_string (RapportMergeField field)
{
  g_return_val_if_fail (field < RAPPORT_MERGE_N_FIELDS, NULL);

  return field_names[field];
}

gboolean
rapport_merge_field_from_string (const char        *name,
                                 RapportMergeField *field)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < RAPPORT_MERGE_N_FIELDS; i++)
    {
      if (g_ascii_strcasecmp (name, field_names[i]) == 0)
        {
          if (field != NULL)
            *field = (RapportMergeField) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Merging */

/* One member as the merge found it. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *sort_name;
  gint64  organization_id;
  char   *text[5];          /* title, location, timezone, phone, bio */
  gint64  stage_id;
  gint64  joined_at;
  char   *source;
  char   *custom_fields;
  gint64  last_active_at;
  gint64  primary_email_id;
  char   *hubspot_fields;
} MergeMember;

static void
merge_member_clear (gpointer data)
{
  MergeMember *member = data;

  g_free (member->name);
  g_free (member->sort_name);
  for (guint i = 0; i < G_N_ELEMENTS (member->text); i++)
    g_free (member->text[i]);
  g_free (member->source);
  g_free (member->custom_fields);
  g_free (member->hubspot_fields);
}

static char *
dup_column (RapportStatement *stmt,
            int               column)
{
  return g_strdup (_rapport_column_text (stmt, column));
}

static gboolean
load_member (RapportStore  *store,
             gint64         member_id,
             MergeMember   *member,
             GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportStatement) email = NULL;
  g_autoptr(RapportStatement) fields = NULL;

  member->id = member_id;

  stmt = _rapport_store_prepare (store, select_member, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No member with id %lld"), (long long) member_id);
      return FALSE;
    }
  member->name = dup_column (stmt, 0);
  member->sort_name = dup_column (stmt, 1);
  member->organization_id = sqlite3_column_int64 (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (member->text); i++)
    member->text[i] = dup_column (stmt, 3 + i);
  member->stage_id = sqlite3_column_int64 (stmt, 8);
  member->joined_at = sqlite3_column_int64 (stmt, 9);
  member->source = dup_column (stmt, 10);
  member->custom_fields = dup_column (stmt, 11);
  member->last_active_at = sqlite3_column_int64 (stmt, 12);

  email = _rapport_store_prepare (store, select_primary_email, error);
  if (email == NULL)
    return FALSE;
  sqlite3_bind_int64 (email, 1, member_id);
  if (sqlite3_step (email) == SQLITE_ROW)
    member->primary_email_id = sqlite3_column_int64 (email, 0);

  fields = _rapport_store_prepare (store, select_hubspot_fields, error);
  if (fields == NULL)
    return FALSE;
  sqlite3_bind_int64 (fields, 1, member_id);
  if (sqlite3_step (fields) == SQLITE_ROW)
    member->hubspot_fields = dup_column (fields, 0);

  return TRUE;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static gboolean
has_value (const MergeMember *member,
           RapportMergeField  field)
{
  switch (field)
    {
    case RAPPORT_MERGE_FIELD_NAME:
      return has_text (member->name);
    case RAPPORT_MERGE_FIELD_ORGANIZATION:
      return member->organization_id != 0;
    case RAPPORT_MERGE_FIELD_TITLE:
    case RAPPORT_MERGE_FIELD_LOCATION:
    case RAPPORT_MERGE_FIELD_TIMEZONE:
    case RAPPORT_MERGE_FIELD_PHONE:
    case RAPPORT_MERGE_FIELD_BIO:
      return has_text (member->text[field - RAPPORT_MERGE_FIELD_TITLE]);
    case RAPPORT_MERGE_FIELD_EMAIL:
      return member->primary_email_id != 0;
    case RAPPORT_MERGE_FIELD_STAGE:
      return member->stage_id != 0;
    case RAPPORT_MERGE_N_FIELDS:
    default:
      return FALSE;
    }
}

static guint
find_member (GArray *members,
             gint64  member_id)
{
  for (guint i = 0; i < members->len; i++)
    {
      if (g_array_index (members, MergeMember, i).id == member_id)
        return i;
    }

  return G_MAXUINT;
}

/* The address of a HubSpot contact among @member's, or 0. */
static gint64
contact_email (RapportStore  *store,
               gint64         member_id,
               GError       **error)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, select_contact_email, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, member_id);

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* HubSpot owns the fields its last pull recorded for the contact whose
 * fields the survivor keeps: the survivor's own, else the first other's
 * (the copy keeps the survivor's row, then the first one copied). Those
 * follow that member. The primary email is that contact's address, else
 * the address of another HubSpot contact of theirs: the push upserts by
 * the primary email, and any other address would make a new contact. */
static gboolean
apply_hubspot (RapportStore  *store,
               GArray        *members,
               guint         *winner,
               gint64        *primary_email_id,
               GError       **error)
{
  static const struct {
    const char        *name;
    RapportMergeField  field;
  } owned[] = {
    { "name", RAPPORT_MERGE_FIELD_NAME },
    { "organization", RAPPORT_MERGE_FIELD_ORGANIZATION },
    { "title", RAPPORT_MERGE_FIELD_TITLE },
    { "phone", RAPPORT_MERGE_FIELD_PHONE },
    { "email", RAPPORT_MERGE_FIELD_EMAIL },
  };
  g_autoptr(JsonNode) root = NULL;
  guint owner = G_MAXUINT;

  *primary_email_id = 0;
  for (guint i = 0; i < members->len && owner == G_MAXUINT; i++)
    {
      if (g_array_index (members, MergeMember, i).hubspot_fields != NULL)
        owner = i;
    }

  /* Fields that do not read are none HubSpot owns. */
  if (owner != G_MAXUINT)
    root = json_from_string (g_array_index (members, MergeMember, owner).hubspot_fields, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *fields = json_node_get_object (root);
      JsonNode *email = json_object_get_member (fields, "email");

      for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
        {
          if (json_object_has_member (fields, owned[i].name))
            winner[owned[i].field] = owner;
        }

      if (email != NULL && JSON_NODE_HOLDS_VALUE (email) && json_node_get_value_type (email) == G_TYPE_STRING)
        {
          g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, select_email_owner, error);

          if (stmt == NULL)
            return FALSE;
          _rapport_bind_text (stmt, 1, json_node_get_string (email));
          if (sqlite3_step (stmt) == SQLITE_ROW &&
              find_member (members, sqlite3_column_int64 (stmt, 1)) != G_MAXUINT)
            *primary_email_id = sqlite3_column_int64 (stmt, 0);
        }
    }

  /* The chosen member's contact first, then in order. */
  for (guint i = 0; i <= members->len && *primary_email_id == 0; i++)
    {
      guint index = i == 0 ? winner[RAPPORT_MERGE_FIELD_EMAIL] : i - 1;
      gint64 id = contact_email (store, g_array_index (members, MergeMember, index).id, error);

      if (id < 0)
        return FALSE;
      *primary_email_id = id;
    }

  return TRUE;
}

gboolean
_rapport_merge_run_statement (RapportStore  *store,
                              const char    *sql,
                              gint64         first,
                              gint64         second,
                              GError       **error)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, second);

  return sqlite3_step (stmt) == SQLITE_DONE || _rapport_store_set_error (store, error);
}

gboolean
_rapport_merge_reindex_member (RapportStore  *store,
                               gint64         member_id,
                               GError       **error)
{
  return _rapport_merge_run_statement (store, unindex_member, member_id, 0, error) &&
         _rapport_merge_run_statement (store, index_member, member_id, 0, error);
}

static char *
merge_custom (RapportStore  *store,
              const char    *into,
              const char    *from,
              GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  if (from == NULL)
    return g_strdup (into);
  if (into == NULL)
    return g_strdup (from);

  stmt = _rapport_store_prepare (store, merge_custom_fields, error);
  if (stmt == NULL)
    return NULL;
  _rapport_bind_text (stmt, 1, from);
  _rapport_bind_text (stmt, 2, into);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return dup_column (stmt, 0);
}

/* The survivor's fields after the merge, as @winner chose them. */
static gboolean
write_survivor (RapportStore  *store,
                GArray        *members,
                const guint   *winner,
                gint64         primary_email_id,
                GError       **error)
{
  MergeMember *survivor = &g_array_index (members, MergeMember, 0);
  const MergeMember *name = &g_array_index (members, MergeMember, winner[RAPPORT_MERGE_FIELD_NAME]);
  const MergeMember *organization = &g_array_index (members, MergeMember, winner[RAPPORT_MERGE_FIELD_ORGANIZATION]);
  const MergeMember *stage = &g_array_index (members, MergeMember, winner[RAPPORT_MERGE_FIELD_STAGE]);
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *custom = g_strdup (survivor->custom_fields);
  const char *source = survivor->source;
  gint64 joined_at = 0;
  gint64 last_active_at = 0;

  for (guint i = 0; i < members->len; i++)
    {
      const MergeMember *member = &g_array_index (members, MergeMember, i);

      /* The earliest a member joined is when the person did. */
      if (member->joined_at != 0 && (joined_at == 0 || member->joined_at < joined_at))
        joined_at = member->joined_at;
      last_active_at = MAX (last_active_at, member->last_active_at);
      if (!has_text (source))
        source = member->source;
      if (i > 0)
        {
          char *merged = merge_custom (store, custom, member->custom_fields, error);

          if (merged == NULL && error != NULL && *error != NULL)
            return FALSE;
          g_free (custom);
          custom = merged;
        }
    }

  stmt = _rapport_store_prepare (store, update_survivor, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survivor->id);
  _rapport_bind_text (stmt, 2, name->name);
  _rapport_bind_text (stmt, 3, name->sort_name);
  if (organization->organization_id != 0)
    sqlite3_bind_int64 (stmt, 4, organization->organization_id);
  for (guint i = 0; i < G_N_ELEMENTS (survivor->text); i++)
    {
      const MergeMember *member = &g_array_index (members, MergeMember, winner[RAPPORT_MERGE_FIELD_TITLE + i]);

      _rapport_bind_text (stmt, 5 + i, member->text[i]);
    }
  sqlite3_bind_int64 (stmt, 10, stage->stage_id);
  if (joined_at != 0)
    sqlite3_bind_int64 (stmt, 11, joined_at);
  _rapport_bind_text (stmt, 12, source);
  _rapport_bind_text (stmt, 13, custom);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);
  g_clear_pointer (&stmt, _rapport_statement_release);

  if (primary_email_id != 0 &&
      !_rapport_merge_run_statement (store, update_primary_email, survivor->id, primary_email_id, error))
    return FALSE;

  stmt = _rapport_store_prepare (store, recount_survivor, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survivor->id);
  if (last_active_at != 0)
    sqlite3_bind_int64 (stmt, 2, last_active_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

gboolean
_rapport_merge_rescore (RapportStore  *store,
                        gint64         member_id,
                        GError       **error)
{
  g_autoptr(RapportScoring) scoring = rapport_scoring_dup_for_store (store);

  return rapport_scoring_update_member (scoring, member_id, error);
}

gint64
_rapport_merge_image_int (JsonObject *image,
                          const char *column)
{
  JsonNode *node = image != NULL ? json_object_get_member (image, column) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

/* The notices of what a merge (or its undo) changed: each row of the few
 * tables views follow row by row, every member involved, and one reload
 * for the activities (there can be thousands). */
void
_rapport_merge_announce_rows (RapportStore *store,
                              GPtrArray    *rows,
                              gboolean      undone)
{
  gboolean activities = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      RapportJournalRow *row = g_ptr_array_index (rows, i);
      JsonObject *image = row->before != NULL ? row->before : row->after;
      RapportChangeKind kind;
      gint64 id = 0;

      if (g_str_equal (row->table, "activities"))
        {
          activities = TRUE;
          continue;
        }

      if (row->before == NULL)
        kind = undone ? RAPPORT_CHANGE_DELETED : RAPPORT_CHANGE_INSERTED;
      else if (row->after == NULL)
        kind = undone ? RAPPORT_CHANGE_INSERTED : RAPPORT_CHANGE_DELETED;
      else
        kind = RAPPORT_CHANGE_UPDATED;

      if (row->columns[0] != NULL && row->columns[1] == NULL)
        id = _rapport_merge_image_int (row->key, row->columns[0]);
      rapport_store_emit_changed (store, row->table, id, kind);

      /* An event's page lists its RSVPs. */
      if (g_str_equal (row->table, "rsvps") && _rapport_merge_image_int (image, "event_id") != 0)
        rapport_store_emit_changed (store, "events", _rapport_merge_image_int (image, "event_id"), RAPPORT_CHANGE_UPDATED);
    }

  if (activities)
    rapport_store_emit_changed (store, "activities", 0, RAPPORT_CHANGE_RELOAD);
}

static gboolean
announce_operation (RapportStore  *store,
                    gint64         journal_id,
                    gboolean       undone,
                    GError       **error)
{
  g_autoptr(GPtrArray) rows = _rapport_journal_load (store, journal_id, error);

  if (rows == NULL)
    return FALSE;

  _rapport_merge_announce_rows (store, rows, undone);
  return TRUE;
}

static char *
describe_merge (GArray            *members,
                const MergeMember *name)
{
  g_autoptr(GString) others = g_string_new (NULL);

  for (guint i = 1; i < members->len; i++)
    {
      if (i > 1)
        g_string_append (others, ", ");
      g_string_append (others, g_array_index (members, MergeMember, i).name);
    }

  /* TRANSLATORS: an operation in the undo list: "Merged Ana Silva into
   * Ana Silva Costa"; the first %s can list several names */
  return g_strdup_printf (_("Merged %s into %s"), others->str, name->name);
}

/**
 * rapport_store_merge_members:
 * @survivor_id: the member who stays
 * @other_ids: (array length=n_others): the members merged into them
 * @choices: (nullable): which member's value each field keeps; %NULL for
 *   the survivor's where it has one, else the first other's
 * @journal_id: (out) (optional): the operation, for rapport_store_unmerge()
 *
 * Merges @other_ids into @survivor_id in one durable transaction,
 * journaled for unmerge: every identity, email, activity, note,
 * interaction, follow-up, tag, stage history, RSVP, recognition, event
 * role, content credit and HubSpot link of the others moves to the
 * survivor. A row the survivor has already (a tag both have, an RSVP of
 * both to one event: the better answer stays) is kept once. The others'
 * member rows go; the survivor's activity count, last activity and score
 * are computed again.
 */
gboolean
rapport_store_merge_members (RapportStore               *store,
                             gint64                      survivor_id,
                             const gint64               *other_ids,
                             guint                       n_others,
                             const RapportMergeChoices  *choices,
                             gint64                     *journal_id,
                             GError                    **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportJournal) journal = NULL;
  g_autoptr(GArray) members = NULL;
  g_autofree char *label = NULL;
  guint winner[RAPPORT_MERGE_N_FIELDS];
  gint64 primary_email_id;
  gint64 entry;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (other_ids != NULL || n_others == 0, FALSE);

  if (n_others == 0)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("There is nothing to merge: name at least one other member"));
      return FALSE;
    }
  for (guint i = 0; i < n_others; i++)
    {
      gboolean twice = other_ids[i] == survivor_id;

      for (guint k = 0; k < i && !twice; k++)
        twice = other_ids[k] == other_ids[i];
      if (twice)
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("Member %lld cannot be merged with itself"), (long long) other_ids[i]);
          return FALSE;
        }
    }

  tx = _rapport_transaction_begin (store, TRUE, error);
  if (tx == NULL)
    return FALSE;

  members = g_array_sized_new (FALSE, TRUE, sizeof (MergeMember), n_others + 1);
  g_array_set_clear_func (members, merge_member_clear);
  for (guint i = 0; i <= n_others; i++)
    {
      MergeMember member = { 0 };

      g_array_append_val (members, member);
      if (!load_member (store, i == 0 ? survivor_id : other_ids[i - 1],
                        &g_array_index (members, MergeMember, i), error))
        return FALSE;
    }

  /* Who wins each field: the choice, else the first who has a value. */
  for (guint f = 0; f < RAPPORT_MERGE_N_FIELDS; f++)
    {
      gint64 chosen = choices != NULL ? choices->from[f] : 0;

      winner[f] = 0;
      if (chosen != 0)
        {
          winner[f] = find_member (members, chosen);
          if (winner[f] == G_MAXUINT)
            {
              g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("Member %lld is not one of the members being merged, so the %s "
                             "cannot come from them"),
                           (long long) chosen, field_names[f]);
              return FALSE;
            }
          continue;
        }
      for (guint i = 0; i < members->len; i++)
        {
          if (has_value (&g_array_index (members, MergeMember, i), f))
            {
              winner[f] = i;
              break;
            }
        }
    }
  if (!apply_hubspot (store, members, winner, &primary_email_id, error))
    return FALSE;
  if (primary_email_id == 0)
    primary_email_id = g_array_index (members, MergeMember, winner[RAPPORT_MERGE_FIELD_EMAIL]).primary_email_id;
  if (primary_email_id == 0)
    {
      /* The chosen member has no address: the survivor's, else any. */
      for (guint i = 0; i < members->len && primary_email_id == 0; i++)
        primary_email_id = g_array_index (members, MergeMember, i).primary_email_id;
    }

  label = describe_merge (members, &g_array_index (members, MergeMember, winner[RAPPORT_MERGE_FIELD_NAME]));
  journal = _rapport_journal_new (store, RAPPORT_MERGE_OPERATION, label, "members", survivor_id);

  /* Every row that can change, before anything does. */
  for (guint t = 0; t < G_N_ELEMENTS (member_rows); t++)
    {
      for (guint i = 0; i < members->len; i++)
        {
          if (i == 0 && !member_rows[t].survivor)
            continue;
          if (!_rapport_journal_save (journal, member_rows[t].table, member_rows[t].where,
                                      g_array_index (members, MergeMember, i).id, error))
            return FALSE;
        }
    }

  for (guint i = 1; i < members->len; i++)
    {
      gint64 other_id = g_array_index (members, MergeMember, i).id;

      for (guint s = 0; s < G_N_ELEMENTS (move_statements); s++)
        {
          if (!_rapport_merge_run_statement (store, move_statements[s], other_id, survivor_id, error))
            return FALSE;
        }
    }

  if (!write_survivor (store, members, winner, primary_email_id, error) ||
      !_rapport_merge_reindex_member (store, survivor_id, error) ||
      !_rapport_merge_rescore (store, survivor_id, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (keyed_tables); t++)
    {
      if (!_rapport_journal_created (journal, keyed_tables[t], "member_id = ?1", survivor_id, error))
        return FALSE;
    }

  entry = _rapport_journal_write (journal, error);
  if (entry == 0 || !announce_operation (store, entry, FALSE, error))
    return FALSE;

  /* The survivor's keys now hold the others'; its pairs change. Derived
   * rows, outside the journal: an unmerge computes them again. */
  if (!_rapport_duplicates_update (store, &survivor_id, 1, error))
    return FALSE;
  rapport_store_emit_member_changed (store, survivor_id, RAPPORT_MEMBER_CHANGED_ALL);

  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  if (journal_id != NULL)
    *journal_id = entry;
  return TRUE;
}

/**
 * rapport_store_get_merge:
 * @survivor_id: (out) (optional): the member the others were merged into
 * @other_ids: (out) (optional) (transfer full) (element-type gint64): the
 *   members merged into them
 *
 * Who a merge in the undo journal merged.
 */
gboolean
rapport_store_get_merge (RapportStore  *store,
                         gint64         journal_id,
                         gint64        *survivor_id,
                         GArray       **other_ids,
                         GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 survivor;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = _rapport_store_prepare (store, "SELECT operation, row_id FROM change_journal WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, journal_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no operation %lld"), (long long) journal_id);
      return FALSE;
    }
  if (g_strcmp0 (_rapport_column_text (stmt, 0), RAPPORT_MERGE_OPERATION) != 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("Operation %lld is not a merge"), (long long) journal_id);
      return FALSE;
    }
  survivor = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, _rapport_statement_release);

  stmt = _rapport_store_prepare (store,
                                 "SELECT json_extract (row_key, '$.id') FROM change_journal_rows "
                                 " WHERE journal_id = ? AND table_name = 'members' AND after IS NULL "
                                 " ORDER BY seq",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, journal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (others, id);
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  if (survivor_id != NULL)
    *survivor_id = survivor;
  if (other_ids != NULL)
    *other_ids = g_steal_pointer (&others);
  return TRUE;
}

/**
 * rapport_store_list_merges:
 * @member_id: the member
 *
 * The merges into @member_id that can still be unmerged, newest first:
 * the member's history of merges.
 *
 * Returns: (transfer full) (element-type RapportOperation): the merges, or
 *   %NULL with @error set
 */
GPtrArray *
rapport_store_list_merges (RapportStore  *store,
                           gint64         member_id,
                           GError       **error)
{
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_operation_free);
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT id, created_at, operation, label FROM change_journal "
                                 " WHERE operation = '" RAPPORT_MERGE_OPERATION "' AND table_name = 'members' "
                                 "   AND row_id = ? AND undone_at IS NULL "
                                 " ORDER BY id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (merges,
                     rapport_operation_new (sqlite3_column_int64 (stmt, 0),
                                            sqlite3_column_int64 (stmt, 1),
                                            _rapport_column_text (stmt, 2),
                                            _rapport_column_text (stmt, 3)));
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&merges);
}
