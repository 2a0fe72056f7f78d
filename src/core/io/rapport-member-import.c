/* rapport-member-import.c
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

/* Member import from CSV: matching header names to fields, matching rows to
 * members by email or handle, and writing new members in batches through
 * temporary tables, all in one transaction. */

#define G_LOG_DOMAIN "rapport-member-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-csv.h"
#include "rapport-member-io-private.h"
#include "rapport-member-io.h"
#include "rapport-platform.h"
#include "rapport-resolver-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

/* New members wait in a temporary table and move into "members" this many
 * at a time (see flush_pending()); it bounds the memory the import holds. */
#define PENDING_BATCH 50000

typedef enum
{
  COLUMN_IGNORE,
  COLUMN_CUSTOM,
  COLUMN_NAME,
  COLUMN_FIRST_NAME,
  COLUMN_LAST_NAME,
  COLUMN_EMAIL,
  COLUMN_OTHER_EMAILS,
  COLUMN_ORGANIZATION,
  COLUMN_TITLE,
  COLUMN_LOCATION,
  COLUMN_PHONE,
  COLUMN_TAGS,
  COLUMN_STAGE,
  COLUMN_HANDLE,
} ColumnKind;

/* Header names as normalize_header() leaves them: case-folded, without
 * spaces or punctuation, so "First Name", "first_name" and "FIRST-NAME" are
 * one name. */
static const struct {
  const char *name;
  ColumnKind  kind;
} field_names[] = {
  { "name", COLUMN_NAME },
  { "fullname", COLUMN_NAME },
  { "displayname", COLUMN_NAME },
  { "firstname", COLUMN_FIRST_NAME },
  { "givenname", COLUMN_FIRST_NAME },
  { "lastname", COLUMN_LAST_NAME },
  { "surname", COLUMN_LAST_NAME },
  { "familyname", COLUMN_LAST_NAME },
  { "email", COLUMN_EMAIL },
  { "emailaddress", COLUMN_EMAIL },
  { "mail", COLUMN_EMAIL },
  { "otheremails", COLUMN_OTHER_EMAILS },
  { "otheremail", COLUMN_OTHER_EMAILS },
  { "additionalemails", COLUMN_OTHER_EMAILS },
  { "organization", COLUMN_ORGANIZATION },
  { "organisation", COLUMN_ORGANIZATION },
  { "company", COLUMN_ORGANIZATION },
  { "companyname", COLUMN_ORGANIZATION },
  { "org", COLUMN_ORGANIZATION },
  { "title", COLUMN_TITLE },
  { "jobtitle", COLUMN_TITLE },
  { "location", COLUMN_LOCATION },
  { "city", COLUMN_LOCATION },
  { "phone", COLUMN_PHONE },
  { "phonenumber", COLUMN_PHONE },
  { "telephone", COLUMN_PHONE },
  { "tags", COLUMN_TAGS },
  { "tag", COLUMN_TAGS },
  { "stage", COLUMN_STAGE },
  { "pipelinestage", COLUMN_STAGE },
};

typedef struct
{
  ColumnKind  kind;
  const char *platform;
} Column;

typedef struct
{
  char   *key;
  GArray *columns;
} CustomKey;

/* A value from a row: an email (normalized, owned) or a handle (in the
 * row), with the key that finds it among the values of pending members. */
typedef struct
{
  const char *text;
  char       *owned;
  char       *key;
  const char *platform;
  guint       column;
} Value;

typedef struct
{
  RapportStore        *store;
  RapportCsvReader    *reader;

  guint                n_columns;
  Column              *columns;
  GPtrArray           *custom_keys;
  guint                name_column;

  GHashTable          *stages;
  GString             *stage_names;
  GHashTable          *organizations;
  GHashTable          *tags;
  gint64               next_id;
  gint64               pending_from;
  guint                n_pending;
  GHashTable          *pending_emails;
  GHashTable          *pending_handles;
  RapportResolver     *resolver;
  GPtrArray           *record_emails;
  GArray              *record_identities;

  GString             *name;
  GString             *custom;
  GArray              *emails;
  GArray              *handles;
  GPtrArray           *tag_names;

  RapportImportResult  result;
} Import;

static void
custom_key_free (gpointer data)
{
  CustomKey *key = data;

  g_free (key->key);
  g_array_unref (key->columns);
  g_free (key);
}

static int
compare_custom_keys (gconstpointer a,
                     gconstpointer b)
{
  const CustomKey *ka = *(const CustomKey * const *) a;
  const CustomKey *kb = *(const CustomKey * const *) b;

  return strcmp (ka->key, kb->key);
}

static void
value_clear (gpointer data)
{
  Value *value = data;

  g_clear_pointer (&value->owned, g_free);
  g_clear_pointer (&value->key, g_free);
}

static char *
normalize_header (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* A column holds handles when its header names a platform of the registry's
 * CSV columns, maybe followed by "handle" or "username"; the identity's
 * platform is the platform's id. */
static const char *
platform_for_header (const char *key)
{
  static const char * const suffixes[] = { "", "handle", "username" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      const RapportPlatform *platform;
      g_autofree char *stem = NULL;

      if (!g_str_has_suffix (key, suffixes[i]))
        continue;

      stem = g_strndup (key, strlen (key) - strlen (suffixes[i]));
      platform = rapport_platform_lookup_by_name (stem);
      if (platform != NULL && rapport_platform_is_csv_column (platform))
        return rapport_platform_get_id (platform);
    }

  return NULL;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->columns, g_free);
  g_clear_pointer (&import->custom_keys, g_ptr_array_unref);
  g_clear_pointer (&import->stages, g_hash_table_unref);
  g_clear_pointer (&import->organizations, g_hash_table_unref);
  g_clear_pointer (&import->tags, g_hash_table_unref);
  g_clear_pointer (&import->pending_emails, g_hash_table_unref);
  g_clear_pointer (&import->pending_handles, g_hash_table_unref);
  g_clear_pointer (&import->resolver, _rapport_resolver_free);
  g_clear_pointer (&import->record_emails, g_ptr_array_unref);
  g_clear_pointer (&import->record_identities, g_array_unref);
  if (import->stage_names != NULL)
    g_string_free (g_steal_pointer (&import->stage_names), TRUE);
  if (import->name != NULL)
    g_string_free (g_steal_pointer (&import->name), TRUE);
  if (import->custom != NULL)
    g_string_free (g_steal_pointer (&import->custom), TRUE);
  g_clear_pointer (&import->emails, g_array_unref);
  g_clear_pointer (&import->handles, g_array_unref);
  g_clear_pointer (&import->tag_names, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Maps each header name to what its column holds. */
static gboolean
import_map_header (Import  *import,
                   GError **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *header;
  guint name_column = 0;
  guint first_column = 0;
  guint last_column = 0;

  header = rapport_csv_reader_get_header (import->reader, &import->n_columns);
  import->columns = g_new0 (Column, import->n_columns);
  import->custom_keys = g_ptr_array_new_with_free_func (custom_key_free);

  for (guint i = 0; i < import->n_columns; i++)
    {
      g_autofree char *key = NULL;
      Column *column = &import->columns[i];
      CustomKey *custom_key;

      /* A column without a name holds nothing anyone could name later. */
      column->kind = COLUMN_IGNORE;
      if (header[i][0] == '\0')
        continue;

      key = normalize_header (header[i]);
      column->kind = COLUMN_CUSTOM;
      for (guint k = 0; k < G_N_ELEMENTS (field_names); k++)
        {
          if (g_str_equal (key, field_names[k].name))
            {
              column->kind = field_names[k].kind;
              break;
            }
        }

      if (column->kind == COLUMN_CUSTOM && (column->platform = platform_for_header (key)) != NULL)
        column->kind = COLUMN_HANDLE;

      if (column->kind == COLUMN_NAME && name_column == 0)
        name_column = i + 1;
      else if (column->kind == COLUMN_FIRST_NAME && first_column == 0)
        first_column = i + 1;
      else if (column->kind == COLUMN_LAST_NAME && last_column == 0)
        last_column = i + 1;

      if (column->kind != COLUMN_CUSTOM)
        continue;

      custom_key = g_hash_table_lookup (custom, header[i]);
      if (custom_key == NULL)
        {
          custom_key = g_new0 (CustomKey, 1);
          custom_key->key = g_strdup (header[i]);
          custom_key->columns = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (custom, custom_key->key, custom_key);
          g_ptr_array_add (import->custom_keys, custom_key);
        }
      g_array_append_val (custom_key->columns, i);
    }

  g_ptr_array_sort (import->custom_keys, compare_custom_keys);

  import->name_column = name_column ? name_column : first_column ? first_column : last_column;
  if (import->name_column == 0)
    {
      g_autofree char *names = g_strjoinv ("”, “", (char **) header);

      g_set_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_NO_HEADER,
                   _("Line %" G_GUINT64_FORMAT ": the header has no “Name” column (nor “First "
                     "name” or “Last name”), so the file cannot be imported; its columns are “%s”"),
                   rapport_csv_reader_get_line (import->reader), names);
      return FALSE;
    }

  return TRUE;
}

static gboolean
step_done (RapportStore      *store,
           RapportStatement  *stmt,
           GError           **error)
{
  return sqlite3_step (stmt) == SQLITE_DONE || _rapport_store_set_error (store, error);
}

static gboolean
load_stages (Import  *import,
             GError **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (import->store,
                                 "SELECT id, name FROM pipeline_stages ORDER BY position",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = _rapport_column_text (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (import->stages, g_utf8_casefold (name, -1), g_memdup2 (&id, sizeof id));
      if (import->stage_names->len > 0)
        g_string_append (import->stage_names, ", ");
      g_string_append (import->stage_names, name);
    }

  return rc == SQLITE_DONE || _rapport_store_set_error (import->store, error);
}

static gboolean
load_next_id (Import  *import,
              GError **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (import->store,
                                 "SELECT coalesce (max (id), 0) + 1 FROM members",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rapport_store_set_error (import->store, error);

  import->next_id = sqlite3_column_int64 (stmt, 0);
  import->pending_from = import->next_id;
  return TRUE;
}

/* SQLite 3.40's FTS5 writes its pending terms out as a new index segment at
 * every statement savepoint, that is at every INSERT inside a transaction
 * into a table whose triggers feed it: row by row, the search index would
 * grow one segment per member and the import would spend its time merging
 * them. So new members and what they own wait in temporary tables and move
 * with one statement per table and batch. Emails, identities and tags go
 * first: their search triggers skip a member that does not exist yet (the
 * foreign keys are deferred to the commit for this), and the members' insert
 * trigger then indexes each member once, the batch in one segment. */
static gboolean
create_pending_tables (Import  *import,
                       GError **error)
{
  return _rapport_store_exec (import->store,
                              "CREATE TEMP TABLE IF NOT EXISTS rapport_import_members ("
                              "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, sort_name TEXT NOT "
                              "NULL, "
                              "  organization_id INTEGER, title TEXT, location TEXT, phone TEXT, "
                              "  stage_id INTEGER NOT NULL, custom_fields TEXT);"
                              "CREATE TEMP TABLE IF NOT EXISTS rapport_import_emails ("
                              "  member_id INTEGER NOT NULL, address TEXT NOT NULL, "
                              "  is_primary INTEGER NOT NULL);"
                              "CREATE INDEX IF NOT EXISTS temp.rapport_import_emails_member "
                              "  ON rapport_import_emails (member_id);"
                              "CREATE TEMP TABLE IF NOT EXISTS rapport_import_identities ("
                              "  member_id INTEGER NOT NULL, platform TEXT NOT NULL, handle TEXT "
                              "NOT NULL);"
                              "CREATE TEMP TABLE IF NOT EXISTS rapport_import_tags ("
                              "  member_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, "
                              "  PRIMARY KEY (member_id, tag_id)) WITHOUT ROWID;"
                              "DELETE FROM temp.rapport_import_members;"
                              "DELETE FROM temp.rapport_import_emails;"
                              "DELETE FROM temp.rapport_import_identities;"
                              "DELETE FROM temp.rapport_import_tags;",
                              error);
}

static gboolean
flush_pending (Import  *import,
               GError **error)
{
  if (import->n_pending == 0)
    return TRUE;

  if (!_rapport_store_exec (import->store,
                            "INSERT INTO emails (member_id, address, is_primary) "
                            "  SELECT member_id, address, is_primary FROM "
                            "temp.rapport_import_emails "
                            "  ORDER BY rowid;"
                            "INSERT INTO identities (member_id, platform, handle) "
                            "  SELECT member_id, platform, handle FROM "
                            "temp.rapport_import_identities "
                            "  ORDER BY rowid;"
                            "INSERT INTO member_tags (member_id, tag_id) "
                            "  SELECT member_id, tag_id FROM temp.rapport_import_tags;"
                            "INSERT INTO members (id, name, sort_name, organization_id, title, "
                            "location, "
                            "    phone, stage_id, custom_fields, source, joined_at) "
                            "  SELECT id, name, sort_name, organization_id, title, location, "
                            "phone, "
                            "    stage_id, custom_fields, 'csv', unixepoch () "
                            "  FROM temp.rapport_import_members ORDER BY id;"
                            "DELETE FROM temp.rapport_import_members;"
                            "DELETE FROM temp.rapport_import_emails;"
                            "DELETE FROM temp.rapport_import_identities;"
                            "DELETE FROM temp.rapport_import_tags;",
                            error))
    return FALSE;

  /* From now on the store's own lookups find them. */
  g_hash_table_remove_all (import->pending_emails);
  g_hash_table_remove_all (import->pending_handles);
  _rapport_resolver_forget_pending (import->resolver);
  import->n_pending = 0;
  import->pending_from = import->next_id;
  return TRUE;
}

/* Binds without copying: every value outlives the statement's use, and the
 * cached statement drops its bindings when released. */
static void
bind_static (RapportStatement *stmt,
             int               index,
             const char       *value)
{
  if (value == NULL || value[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

/* Organizations and tags are looked up once per name per import. Their
 * names compare with SQLite's NOCASE, which folds ASCII only. */
static gint64
ensure_named_row (Import      *import,
                  GHashTable  *cache,
                  const char  *select_sql,
                  const char  *insert_sql,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  g_autoptr(RapportStatement) select = NULL;
  g_autoptr(RapportStatement) insert = NULL;
  gint64 *cached;
  gint64 id;

  cached = g_hash_table_lookup (cache, key);
  if (cached != NULL)
    return *cached;

  select = _rapport_store_prepare (import->store, select_sql, error);
  if (select == NULL)
    return 0;
  bind_static (select, 1, name);
  if (sqlite3_step (select) == SQLITE_ROW)
    id = sqlite3_column_int64 (select, 0);
  else
    {
      insert = _rapport_store_prepare (import->store, insert_sql, error);
      if (insert == NULL)
        return 0;
      bind_static (insert, 1, name);
      if (!step_done (import->store, insert, error))
        return 0;
      id = sqlite3_last_insert_rowid (_rapport_store_get_db (import->store));
    }

  g_hash_table_insert (cache, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
set_value_error (Import      *import,
                 GError     **error,
                 guint        column,
                 const char  *format,
                 ...) G_GNUC_PRINTF (4, 5);

static gboolean
set_value_error (Import      *import,
                 GError     **error,
                 guint        column,
                 const char  *format,
                 ...)
{
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  where = rapport_csv_reader_dup_location (import->reader,
                                           rapport_csv_reader_get_line (import->reader),
                                           column + 1);
  g_set_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

/* Emails and handles compare like their columns, with SQLite's NOCASE,
 * which folds ASCII only. */
static gboolean
add_email (Import      *import,
           const char  *text,
           guint        column,
           GError     **error)
{
  Value value = { NULL, NULL, NULL, NULL, column };

  value.owned = rapport_normalize_email (text);
  if (!rapport_email_is_valid (value.owned))
    {
      g_free (value.owned);
      return set_value_error (import, error, column, _("“%s” is not an email address"), text);
    }

  value.text = value.owned;
  value.key = g_ascii_strdown (value.owned, -1);
  g_array_append_val (import->emails, value);
  return TRUE;
}

/* Splits @text in place on any of @separators, trimming each part. */
static void
split_values (char        *text,
              const char  *separators,
              GFunc        func,
              gpointer     data)
{
  char *part = text;

  for (;;)
    {
      char *end = strpbrk (part, separators);

      if (end != NULL)
        *end = '\0';
      g_strstrip (part);
      if (part[0] != '\0')
        func (part, data);
      if (end == NULL)
        break;
      part = end + 1;
    }
}

static void
add_tag_cb (gpointer data,
            gpointer user_data)
{
  g_ptr_array_add (user_data, data);
}

typedef struct
{
  Import     *import;
  guint       column;
  GError    **error;
  gboolean    failed;
} SplitEmails;

static void
add_email_cb (gpointer data,
              gpointer user_data)
{
  SplitEmails *split = user_data;

  if (!split->failed && !add_email (split->import, data, split->column, split->error))
    split->failed = TRUE;
}

typedef struct
{
  Import     *import;
  guint       column;
} SplitHandles;

static void
add_handle_cb (gpointer data,
               gpointer user_data)
{
  SplitHandles *split = user_data;
  const char *platform = split->import->columns[split->column].platform;
  g_autofree char *folded = g_ascii_strdown (data, -1);
  Value value = { data, NULL, NULL, platform, split->column };

  value.key = g_strconcat (platform, "\n", folded, NULL);
  g_array_append_val (split->import->handles, value);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The custom fields as a JSON object with sorted keys, like
 * rapport_member_dup_custom_json(); the last non-empty column of a name wins. */
static const char *
build_custom (Import  *import,
              char   **fields)
{
  g_string_truncate (import->custom, 0);

  for (guint i = 0; i < import->custom_keys->len; i++)
    {
      CustomKey *key = g_ptr_array_index (import->custom_keys, i);
      const char *value = NULL;

      for (guint k = 0; k < key->columns->len; k++)
        {
          const char *field = fields[g_array_index (key->columns, guint, k)];

          if (field[0] != '\0')
            value = field;
        }

      if (value == NULL)
        continue;

      g_string_append_c (import->custom, import->custom->len == 0 ? '{' : ',');
      append_json_string (import->custom, key->key);
      g_string_append_c (import->custom, ':');
      append_json_string (import->custom, value);
    }

  if (import->custom->len == 0)
    return NULL;

  g_string_append_c (import->custom, '}');
  return import->custom->str;
}

static char *
dup_member_name (Import *import,
                 gint64  member_id)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (import->store,
                                 "SELECT name FROM members WHERE id = ?1 "
                                 "UNION ALL SELECT name FROM temp.rapport_import_members WHERE id "
                                 "= ?1",
                                 NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, member_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (_rapport_column_text (stmt, 0));
    }

  return g_strdup_printf (_("member %lld"), (long long) member_id);
}

/* The row as the resolver reads a person: its addresses and handles. */
static RapportPersonRecord
row_record (Import *import)
{
  g_ptr_array_set_size (import->record_emails, 0);
  for (guint i = 0; i < import->emails->len; i++)
    g_ptr_array_add (import->record_emails, (gpointer) g_array_index (import->emails, Value, i).text);
  g_ptr_array_add (import->record_emails, NULL);

  g_array_set_size (import->record_identities, 0);
  for (guint i = 0; i < import->handles->len; i++)
    {
      const Value *value = &g_array_index (import->handles, Value, i);
      RapportPersonIdentity identity = { value->platform, NULL, value->text };

      g_array_append_val (import->record_identities, identity);
    }

  return (RapportPersonRecord) {
    .emails = (const char * const *) import->record_emails->pdata,
    .identities = (const RapportPersonIdentity *) (gpointer) import->record_identities->data,
    .n_identities = import->record_identities->len,
    .source = "csv",
  };
}

static const Value *
find_value (Import     *import,
            const char *text)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *values = pass == 0 ? import->emails : import->handles;

      for (guint i = 0; i < values->len; i++)
        if (g_array_index (values, Value, i).text == text)
          return &g_array_index (values, Value, i);
    }

  g_assert_not_reached ();
}

/* Finds the member a row is about, as the resolver does for every source.
 * Two values that point at two different members make the row ambiguous:
 * guessing would merge or split people, so the file is refused. */
static gboolean
match_row (Import   *import,
           gint64   *member_id,
           GError  **error)
{
  RapportPersonRecord record = row_record (import);
  RapportResolution resolution;
  g_autofree char *owner_name = NULL;
  g_autofree char *matched_name = NULL;
  const Value *matched;
  const Value *other;

  *member_id = 0;
  if (!_rapport_resolver_resolve (import->resolver, &record, &resolution, error))
    return FALSE;

  if (resolution.other_id == 0)
    {
      *member_id = resolution.member_id;
      return TRUE;
    }

  matched = find_value (import, resolution.value);
  other = find_value (import, resolution.other_value);
  owner_name = dup_member_name (import, resolution.other_id);
  matched_name = dup_member_name (import, resolution.member_id);
  return set_value_error (import, error, other->column,
                          _("“%s” belongs to %s, but “%s” (column %u) belongs to %s; merge "
                            "the two members first or split the row"),
                          other->text, owner_name, matched->text, matched->column + 1,
                          matched_name);
}

static gboolean
run_insert (Import      *import,
            const char  *sql,
            gint64       member_id,
            const char  *text1,
            const char  *text2,
            GError     **error)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (import->store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_static (stmt, 2, text1);
  bind_static (stmt, 3, text2);
  return step_done (import->store, stmt, error);
}

/* Adds the row's emails, identities and tags to @member_id: to the
 * temporary tables for a member that waits there, else to the store. A new
 * member's first address is their primary one; an existing member keeps
 * theirs and gains the others. */
static gboolean
add_children (Import   *import,
              gint64    member_id,
              GError  **error)
{
  gboolean pending = member_id >= import->pending_from;
  RapportPersonRecord record = row_record (import);

  _rapport_resolver_claim (import->resolver, &record, member_id);

  for (guint i = 0; i < import->emails->len; i++)
    {
      Value *value = &g_array_index (import->emails, Value, i);

      if (!pending)
        {
          if (!run_insert (import,
                           "INSERT INTO emails (member_id, address, is_primary) VALUES (?1, ?2, "
                           "NOT EXISTS (SELECT 1 FROM emails WHERE member_id = ?1 AND is_primary)) "
                           "ON CONFLICT (address) DO NOTHING",
                           member_id, value->text, NULL, error))
            return FALSE;
          continue;
        }

      if (g_hash_table_contains (import->pending_emails, value->key))
        continue;
      if (!run_insert (import,
                       "INSERT INTO temp.rapport_import_emails (member_id, address, is_primary) "
                       "VALUES (?1, ?2, NOT EXISTS (SELECT 1 FROM temp.rapport_import_emails "
                       "WHERE member_id = ?1 AND is_primary))",
                       member_id, value->text, NULL, error))
        return FALSE;
      g_hash_table_insert (import->pending_emails, g_steal_pointer (&value->key),
                           GSIZE_TO_POINTER ((gsize) member_id));
    }

  for (guint i = 0; i < import->handles->len; i++)
    {
      Value *value = &g_array_index (import->handles, Value, i);

      if (!pending)
        {
          if (!run_insert (import,
                           "INSERT INTO identities (member_id, platform, handle) VALUES (?1, ?2, "
                           "?3) "
                           "ON CONFLICT (platform, handle) DO NOTHING",
                           member_id, value->platform, value->text, error))
            return FALSE;
          continue;
        }

      if (g_hash_table_contains (import->pending_handles, value->key))
        continue;
      if (!run_insert (import,
                       "INSERT INTO temp.rapport_import_identities (member_id, platform, handle) "
                       "VALUES (?1, ?2, ?3)",
                       member_id, value->platform, value->text, error))
        return FALSE;
      g_hash_table_insert (import->pending_handles, g_steal_pointer (&value->key),
                           GSIZE_TO_POINTER ((gsize) member_id));
    }

  for (guint i = 0; i < import->tag_names->len; i++)
    {
      g_autoptr(RapportStatement) stmt = NULL;
      gint64 tag_id;

      tag_id = ensure_named_row (import, import->tags,
                                 "SELECT id FROM tags WHERE name = ?",
                                 "INSERT INTO tags (name) VALUES (?)",
                                 g_ptr_array_index (import->tag_names, i), error);
      if (tag_id == 0)
        return FALSE;

      stmt = _rapport_store_prepare (import->store,
                                     pending
                                     ? "INSERT OR IGNORE INTO temp.rapport_import_tags (member_id, "
                                       "tag_id) "
                                       "VALUES (?, ?)"
                                     : "INSERT OR IGNORE INTO member_tags (member_id, tag_id) "
                                       "VALUES (?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      if (!step_done (import->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *name;
  const char *organization;
  const char *title;
  const char *location;
  const char *phone;
  const char *custom;
  gint64      stage_id;
} Fields;

static gboolean
insert_member (Import        *import,
               const Fields  *fields,
               GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *sort_key = rapport_sort_key (fields->name);
  gint64 member_id = import->next_id;
  gint64 organization_id = 0;

  if (!add_children (import, member_id, error))
    return FALSE;

  if (fields->organization != NULL)
    {
      organization_id = ensure_named_row (import, import->organizations,
                                          "SELECT id FROM organizations WHERE name = ?",
                                          "INSERT INTO organizations (name) VALUES (?)",
                                          fields->organization, error);
      if (organization_id == 0)
        return FALSE;
    }

  stmt = _rapport_store_prepare (import->store,
                                 "INSERT INTO temp.rapport_import_members (id, name, sort_name, "
                                 "organization_id, "
                                 "title, location, phone, stage_id, custom_fields) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce (?8, 1), ?9)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_static (stmt, 2, fields->name);
  bind_static (stmt, 3, sort_key);
  if (organization_id > 0)
    sqlite3_bind_int64 (stmt, 4, organization_id);
  bind_static (stmt, 5, fields->title);
  bind_static (stmt, 6, fields->location);
  bind_static (stmt, 7, fields->phone);
  if (fields->stage_id > 0)
    sqlite3_bind_int64 (stmt, 8, fields->stage_id);
  bind_static (stmt, 9, fields->custom);
  if (!step_done (import->store, stmt, error))
    return FALSE;

  import->next_id++;
  import->n_pending++;
  import->result.added++;

  if (import->n_pending >= PENDING_BATCH)
    return flush_pending (import, error);

  return TRUE;
}

/* A member created earlier in this file and still waiting in the
 * temporary table. */
static gboolean
update_pending_member (Import        *import,
                       gint64         member_id,
                       const Fields  *fields,
                       gint64         organization_id,
                       const char    *sort_key,
                       GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (import->store,
                                 "UPDATE temp.rapport_import_members SET name = ?2, sort_name = "
                                 "?3, "
                                 "organization_id = coalesce (?4, organization_id), "
                                 "title = coalesce (?5, title), location = coalesce (?6, "
                                 "location), "
                                 "phone = coalesce (?7, phone), stage_id = coalesce (?8, "
                                 "stage_id), "
                                 "custom_fields = CASE WHEN ?9 IS NULL THEN custom_fields "
                                 "ELSE json_patch (coalesce (custom_fields, '{}'), ?9) END "
                                 "WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_static (stmt, 2, fields->name);
  bind_static (stmt, 3, sort_key);
  if (organization_id > 0)
    sqlite3_bind_int64 (stmt, 4, organization_id);
  bind_static (stmt, 5, fields->title);
  bind_static (stmt, 6, fields->location);
  bind_static (stmt, 7, fields->phone);
  if (fields->stage_id > 0)
    sqlite3_bind_int64 (stmt, 8, fields->stage_id);
  bind_static (stmt, 9, fields->custom);

  return step_done (import->store, stmt, error);
}

static gboolean
update_stored_member (Import        *import,
                      gint64         member_id,
                      const Fields  *fields,
                      gint64         organization_id,
                      const char    *sort_key,
                      GError       **error)
{
  g_autoptr(RapportStatement) history = NULL;
  g_autoptr(RapportStatement) indexed = NULL;
  g_autoptr(RapportStatement) stmt = NULL;

  if (fields->stage_id > 0)
    {
      history = _rapport_store_prepare (import->store,
                                        "INSERT INTO stage_history (member_id, from_stage, "
                                        "to_stage, reason) "
                                        "SELECT id, stage_id, ?2, 'import' FROM members "
                                        "WHERE id = ?1 AND stage_id <> ?2",
                                        error);
      if (history == NULL)
        return FALSE;
      sqlite3_bind_int64 (history, 1, member_id);
      sqlite3_bind_int64 (history, 2, fields->stage_id);
      if (!step_done (import->store, history, error))
        return FALSE;
    }

  /* The name and organization feed the search index: they are written only
   * when they change, so re-importing a file does not re-index everyone. */
  indexed = _rapport_store_prepare (import->store,
                                    "UPDATE members SET name = ?2, sort_name = ?3, "
                                    "organization_id = coalesce (?4, organization_id) "
                                    "WHERE id = ?1 AND (name IS NOT ?2 OR sort_name IS NOT ?3 "
                                    "OR organization_id IS NOT coalesce (?4, organization_id))",
                                    error);
  if (indexed == NULL)
    return FALSE;
  sqlite3_bind_int64 (indexed, 1, member_id);
  bind_static (indexed, 2, fields->name);
  bind_static (indexed, 3, sort_key);
  if (organization_id > 0)
    sqlite3_bind_int64 (indexed, 4, organization_id);
  if (!step_done (import->store, indexed, error))
    return FALSE;

  /* What the row leaves empty keeps its value; custom fields merge. */
  stmt = _rapport_store_prepare (import->store,
                                 "UPDATE members SET title = coalesce (?2, title), "
                                 "location = coalesce (?3, location), phone = coalesce (?4, "
                                 "phone), "
                                 "stage_id = coalesce (?5, stage_id), "
                                 "custom_fields = CASE WHEN ?6 IS NULL THEN custom_fields "
                                 "ELSE json_patch (coalesce (custom_fields, '{}'), ?6) END, "
                                 "updated_at = unixepoch () WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_static (stmt, 2, fields->title);
  bind_static (stmt, 3, fields->location);
  bind_static (stmt, 4, fields->phone);
  if (fields->stage_id > 0)
    sqlite3_bind_int64 (stmt, 5, fields->stage_id);
  bind_static (stmt, 6, fields->custom);

  return step_done (import->store, stmt, error);
}

static gboolean
update_member (Import        *import,
               gint64         member_id,
               const Fields  *fields,
               GError       **error)
{
  g_autofree char *sort_key = rapport_sort_key (fields->name);
  gint64 organization_id = 0;
  gboolean ok;

  if (fields->organization != NULL)
    {
      organization_id = ensure_named_row (import, import->organizations,
                                          "SELECT id FROM organizations WHERE name = ?",
                                          "INSERT INTO organizations (name) VALUES (?)",
                                          fields->organization, error);
      if (organization_id == 0)
        return FALSE;
    }

  if (member_id >= import->pending_from)
    ok = update_pending_member (import, member_id, fields, organization_id, sort_key, error);
  else
    ok = update_stored_member (import, member_id, fields, organization_id, sort_key, error);

  if (!ok || !add_children (import, member_id, error))
    return FALSE;

  import->result.updated++;
  return TRUE;
}

static gboolean
import_row (Import   *import,
            char    **row,
            GError  **error)
{
  Fields fields = { NULL, };
  const char *name = NULL;
  const char *first_name = NULL;
  const char *last_name = NULL;
  gboolean blank = TRUE;
  gint64 member_id;

  g_array_set_size (import->emails, 0);
  g_array_set_size (import->handles, 0);
  g_ptr_array_set_size (import->tag_names, 0);

  for (guint i = 0; i < import->n_columns; i++)
    {
      char *value = g_strstrip (row[i]);

      if (value[0] == '\0')
        continue;
      blank = FALSE;

      switch (import->columns[i].kind)
        {
        case COLUMN_NAME:
          name = value;
          break;

        case COLUMN_FIRST_NAME:
          first_name = value;
          break;

        case COLUMN_LAST_NAME:
          last_name = value;
          break;

        case COLUMN_EMAIL:
          if (!add_email (import, value, i, error))
            return FALSE;
          break;

        case COLUMN_OTHER_EMAILS:
          {
            SplitEmails split = { import, i, error, FALSE };

            split_values (value, ",; \t\r\n", add_email_cb, &split);
            if (split.failed)
              return FALSE;
          }
          break;

        case COLUMN_ORGANIZATION:
          fields.organization = value;
          break;

        case COLUMN_TITLE:
          fields.title = value;
          break;

        case COLUMN_LOCATION:
          fields.location = value;
          break;

        case COLUMN_PHONE:
          fields.phone = value;
          break;

        case COLUMN_TAGS:
          split_values (value, ",;|", add_tag_cb, import->tag_names);
          break;

        case COLUMN_STAGE:
          {
            g_autofree char *key = g_utf8_casefold (value, -1);
            gint64 *stage_id = g_hash_table_lookup (import->stages, key);

            if (stage_id == NULL)
              return set_value_error (import, error, i,
                                      _("“%s” is not a pipeline stage (the stages are %s)"),
                                      value, import->stage_names->str);
            fields.stage_id = *stage_id;
          }
          break;

        case COLUMN_HANDLE:
          {
            SplitHandles split = { import, i };

            split_values (value, ";", add_handle_cb, &split);
          }
          break;

        case COLUMN_CUSTOM:
        case COLUMN_IGNORE:
        default:
          break;
        }
    }

  /* Spreadsheets leave rows of empty cells behind: they are no one. */
  if (blank)
    return TRUE;

  import->result.rows++;

  if (name == NULL && (first_name != NULL || last_name != NULL))
    {
      g_string_truncate (import->name, 0);
      if (first_name != NULL)
        g_string_append (import->name, first_name);
      if (first_name != NULL && last_name != NULL)
        g_string_append_c (import->name, ' ');
      if (last_name != NULL)
        g_string_append (import->name, last_name);
      name = import->name->str;
    }

  if (name == NULL)
    return set_value_error (import, error, import->name_column - 1,
                            _("the name is empty; every member needs a name"));

  fields.name = name;
  fields.custom = build_custom (import, row);

  if (!match_row (import, &member_id, error))
    return FALSE;

  if (member_id == 0)
    return insert_member (import, &fields, error);

  return update_member (import, member_id, &fields, error);
}

static gboolean
import_csv (RapportStore             *store,
            GFile                    *file,
            RapportImportResult      *result,
            RapportMemberIoProgress  *progress,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(Import) import = { NULL, };
  /* Declared after import, so a rollback comes before import_clear (). */
  g_autoptr(RapportTransaction) tx = NULL;
  guint64 size = 0;
  char **row;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE);

  reader = rapport_csv_reader_new (G_INPUT_STREAM (stream));
  import.store = store;
  import.reader = reader;

  if (!rapport_csv_reader_read_header (reader, cancellable, error) ||
      !import_map_header (&import, error))
    return FALSE;

  import.stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.stage_names = g_string_new (NULL);
  import.organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.name = g_string_new (NULL);
  import.custom = g_string_new (NULL);
  import.emails = g_array_new (FALSE, FALSE, sizeof (Value));
  g_array_set_clear_func (import.emails, value_clear);
  import.handles = g_array_new (FALSE, FALSE, sizeof (Value));
  g_array_set_clear_func (import.handles, value_clear);
  import.pending_emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.pending_handles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.tag_names = g_ptr_array_new ();
  import.resolver = _rapport_resolver_new (store);
  import.record_emails = g_ptr_array_new ();
  import.record_identities = g_array_new (FALSE, FALSE, sizeof (RapportPersonIdentity));

  _rapport_member_io_progress_report (progress, 0, size, TRUE);

  /* One transaction: an error or a cancellation leaves nothing behind. */
  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL ||
      !_rapport_store_exec (store, "PRAGMA defer_foreign_keys = ON", error) ||
      !create_pending_tables (&import, error) ||
      !load_stages (&import, error) ||
      !load_next_id (&import, error))
    return FALSE;

  while ((row = rapport_csv_reader_read_row (reader, cancellable, &local_error)) != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !import_row (&import, row, error))
        return FALSE;

      _rapport_member_io_progress_report (progress, rapport_csv_reader_get_bytes_read (reader), size,
                                          FALSE);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !flush_pending (&import, error) ||
      !_rapport_transaction_commit (tx, error))
    return FALSE;

  /* The duplicates engine looks at who the file brought, in a transaction
   * of its own: inside the import's, whose foreign keys wait for its
   * commit, SQLite takes five times as long over every key. What it
   * writes is derived from the members; should it fail, a rescan makes it
   * again, and the import stands. */
  if (!_rapport_resolver_finish (import.resolver, &local_error))
    {
      g_warning ("Could not look for duplicates among the imported members: %s", local_error->message);
      g_clear_error (&local_error);
    }

  size = MAX (size, rapport_csv_reader_get_bytes_read (reader));
  _rapport_member_io_progress_report (progress, size, size, TRUE);

  if (result != NULL)
    *result = import.result;
  return TRUE;
}

/**
 * rapport_member_import_csv:
 * @file: a CSV file, comma- or semicolon-separated, in UTF-8
 * @result: (out) (optional): what the import did
 * @progress: (nullable): called with bytes read and the file's size
 *
 * Adds the members a CSV file lists, or updates the members it matches by
 * email or handle. Runs in one transaction on @store's connection; on any
 * error, or when @cancellable is cancelled, nothing is written. Announces
 * %RAPPORT_CHANGE_RELOAD for "members" on @store when it succeeds.
 */
gboolean
rapport_member_import_csv (RapportStore         *store,
                           GFile                *file,
                           RapportImportResult  *result,
                           RapportProgressFunc   progress,
                           gpointer              progress_data,
                           GCancellable         *cancellable,
                           GError              **error)
{
  RapportMemberIoProgress report = { progress, progress_data, 0 };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  if (result != NULL)
    memset (result, 0, sizeof *result);

  if (!import_csv (store, file, result, &report, cancellable, error))
    return FALSE;

  rapport_store_emit_changed (store, "members", 0, RAPPORT_CHANGE_RELOAD);
  return TRUE;
}

static gpointer
import_worker (RapportStore  *worker,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  RapportMemberIoAsyncData *async = data;
  RapportMemberIoProgress report = { NULL, &async->progress, 0 };

  if (async->progress.func != NULL)
    report.func = _rapport_member_io_send_progress_cb;
  if (!import_csv (worker, async->file, &async->result, &report, cancellable, error))
    return NULL;

  return g_memdup2 (&async->result, sizeof async->result);
}

static void
on_import_done (GTask    *task,
                gpointer  result,
                gpointer  data)
{
  /* On the caller's thread, before its callback runs: lists reload once. */
  rapport_store_emit_changed (g_task_get_source_object (task), "members", 0, RAPPORT_CHANGE_RELOAD);
  g_task_set_task_data (task, result, g_free);
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_member_import_csv_async:
 *
 * Like rapport_member_import_csv(), in a thread with its own connection.
 * @progress is called on the thread-default main context of the caller;
 * on success %RAPPORT_CHANGE_RELOAD for "members" is announced on @store
 * there, before @callback runs.
 */
void
rapport_member_import_csv_async (RapportStore        *store,
                                 GFile               *file,
                                 RapportProgressFunc  progress,
                                 gpointer             progress_data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _rapport_member_io_run_csv_task (store, file, progress, progress_data, cancellable, callback,
                                   user_data, rapport_member_import_csv_async, import_worker,
                                   on_import_done);
}

gboolean
rapport_member_import_csv_finish (RapportStore         *store,
                                  GAsyncResult         *result,
                                  RapportImportResult  *out_result,
                                  GError              **error)
{
  RapportImportResult *done;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_member_import_csv_async,
                        FALSE);

  done = g_task_get_task_data (G_TASK (result));
  if (out_result != NULL)
    {
      if (done != NULL)
        *out_result = *done;
      else
        memset (out_result, 0, sizeof *out_result);
    }

  return g_task_propagate_boolean (G_TASK (result), error);
}
