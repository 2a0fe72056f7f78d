/* rapport-event-io.c
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

#define G_LOG_DOMAIN "rapport-event-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "rapport-csv.h"
#include "rapport-event-io.h"
#include "rapport-events-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

/* RSVP files in and out: the attendee exports of Eventbrite, Meetup and
 * Zoom (found by their header) or any CSV with a mapping, ICS invitations
 * with ATTENDEE lines; out: a CSV of attendees, an .ics invitation and a
 * printable door sheet. An import reads and checks the whole file first,
 * then writes it in one transaction: a file with a bad line writes nothing. */

#define MAX_REPORTED_ERRORS 20

static const RapportEventMapping known_layouts[] = {
  /* Eventbrite's Attendee Summary report: one row per ticket. */
  { "eventbrite", {
      [RAPPORT_EVENT_FIELD_FIRST_NAME] = "First Name",
      [RAPPORT_EVENT_FIELD_LAST_NAME] = "Last Name",
      [RAPPORT_EVENT_FIELD_EMAIL] = "Email",
      [RAPPORT_EVENT_FIELD_EXTERNAL_ID] = "Order #",
      [RAPPORT_EVENT_FIELD_STATUS] = "Attendee Status",
      [RAPPORT_EVENT_FIELD_PARTY_SIZE] = "Quantity",
      [RAPPORT_EVENT_FIELD_ORGANIZATION] = "Company",
      [RAPPORT_EVENT_FIELD_RESPONDED_AT] = "Order Date",
    } },
  /* Meetup's RSVP download. */
  { "meetup", {
      [RAPPORT_EVENT_FIELD_NAME] = "Name",
      [RAPPORT_EVENT_FIELD_EXTERNAL_ID] = "User ID",
      [RAPPORT_EVENT_FIELD_STATUS] = "RSVP",
      [RAPPORT_EVENT_FIELD_GUESTS] = "Guests",
      [RAPPORT_EVENT_FIELD_RESPONDED_AT] = "RSVPed on",
    } },
  /* Zoom's attendee report (registrants who joined). */
  { "zoom", {
      [RAPPORT_EVENT_FIELD_FIRST_NAME] = "First Name",
      [RAPPORT_EVENT_FIELD_LAST_NAME] = "Last Name",
      [RAPPORT_EVENT_FIELD_EMAIL] = "Email",
      [RAPPORT_EVENT_FIELD_STATUS] = "Approval Status",
      [RAPPORT_EVENT_FIELD_ORGANIZATION] = "Organization",
      [RAPPORT_EVENT_FIELD_RESPONDED_AT] = "Registration Time",
      [RAPPORT_EVENT_FIELD_CHECKED_IN_AT] = "Join Time",
    } },
  /* Zoom's registration report. */
  { "zoom", {
      [RAPPORT_EVENT_FIELD_FIRST_NAME] = "First Name",
      [RAPPORT_EVENT_FIELD_LAST_NAME] = "Last Name",
      [RAPPORT_EVENT_FIELD_EMAIL] = "Email",
      [RAPPORT_EVENT_FIELD_STATUS] = "Approval Status",
      [RAPPORT_EVENT_FIELD_ORGANIZATION] = "Organization",
      [RAPPORT_EVENT_FIELD_RESPONDED_AT] = "Registration Time",
    } },
};

/* The columns a layout must have for the header to be that layout. */
static const char * const layout_signatures[][4] = {
  { "Order #", "Attendee Status", "Email", NULL },
  { "User ID", "RSVP", "Name", NULL },
  { "Approval Status", "Join Time", "Email", NULL },
  { "Approval Status", "Registration Time", "Email", NULL },
};

void
rapport_event_import_result_clear (RapportEventImportResult *result)
{
  if (result != NULL)
    g_clear_pointer (&result->source, g_free);
}

const char *
rapport_event_field_get_label (RapportEventField field)
{
  switch (field)
    {
    case RAPPORT_EVENT_FIELD_NAME: return _("Name");
    case RAPPORT_EVENT_FIELD_FIRST_NAME: return _("First name");
    case RAPPORT_EVENT_FIELD_LAST_NAME: return _("Last name");
    case RAPPORT_EVENT_FIELD_EMAIL: return _("Email");
    case RAPPORT_EVENT_FIELD_EXTERNAL_ID: return _("Order or attendee id");
    case RAPPORT_EVENT_FIELD_STATUS: return _("RSVP status");
    case RAPPORT_EVENT_FIELD_PARTY_SIZE: return _("Tickets");
    case RAPPORT_EVENT_FIELD_GUESTS: return _("Guests");
    case RAPPORT_EVENT_FIELD_ORGANIZATION: return _("Organization");
    case RAPPORT_EVENT_FIELD_RESPONDED_AT: return _("RSVP time");
    case RAPPORT_EVENT_FIELD_CHECKED_IN_AT: return _("Check-in time");
    case RAPPORT_EVENT_N_FIELDS:
    default:
      return NULL;
    }
}

static int
find_column (const char * const *header,
             guint               n_columns,
             const char         *name)
{
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (header[i]));

      if (g_ascii_strcasecmp (trimmed, name) == 0)
        return i;
    }

  return -1;
}

/**
 * rapport_event_mapping_detect:
 *
 * Returns: (nullable): the known layout @header is, or %NULL
 */
const RapportEventMapping *
rapport_event_mapping_detect (const char * const *header,
                              guint               n_columns)
{
  for (guint l = 0; l < G_N_ELEMENTS (known_layouts); l++)
    {
      gboolean all = TRUE;

      for (guint c = 0; layout_signatures[l][c] != NULL && all; c++)
        all = find_column (header, n_columns, layout_signatures[l][c]) >= 0;

      if (all)
        return &known_layouts[l];
    }

  return NULL;
}

/* The answers of every platform, to ours. NULL means "not an RSVP". */
static const char *
map_status (const char *value)
{
  static const struct {
    const char *value;
    const char *status;
  } statuses[] = {
    { "", RAPPORT_RSVP_GOING },
    { "going", RAPPORT_RSVP_GOING }, { "yes", RAPPORT_RSVP_GOING },
    { "attending", RAPPORT_RSVP_GOING }, { "checked in", RAPPORT_RSVP_GOING },
    { "approved", RAPPORT_RSVP_GOING }, { "accepted", RAPPORT_RSVP_GOING },
    { "registered", RAPPORT_RSVP_GOING },
    { "maybe", RAPPORT_RSVP_MAYBE }, { "tentative", RAPPORT_RSVP_MAYBE },
    { "no", RAPPORT_RSVP_DECLINED }, { "declined", RAPPORT_RSVP_DECLINED },
    { "not attending", RAPPORT_RSVP_DECLINED }, { "denied", RAPPORT_RSVP_DECLINED },
    { "rejected", RAPPORT_RSVP_DECLINED },
    { "waitlist", RAPPORT_RSVP_WAITLISTED }, { "waitlisted", RAPPORT_RSVP_WAITLISTED },
    { "waiting", RAPPORT_RSVP_WAITLISTED }, { "pending", RAPPORT_RSVP_WAITLISTED },
    { "pending approval", RAPPORT_RSVP_WAITLISTED },
    { "cancelled", RAPPORT_RSVP_CANCELLED }, { "canceled", RAPPORT_RSVP_CANCELLED },
    { "refunded", RAPPORT_RSVP_CANCELLED }, { "deleted", RAPPORT_RSVP_CANCELLED },
    { "transferred", RAPPORT_RSVP_CANCELLED },
  };
  g_autofree char *key = g_ascii_strdown (value, -1);

  g_strstrip (key);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (key, statuses[i].value))
      return statuses[i].status;

  return NULL;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == 'T')
    p++;
  return p;
}

/* The date formats these exports use ("2024-03-05 18:30:00",
 * "03/05/2024 06:30:00 PM", "Mar 5, 2024 18:30"), read as UTC. */
static gboolean
parse_time (const char *value,
            gint64     *out)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  g_autofree char *text = g_strstrip (g_strdup (value));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char name[4] = "";
  const char *p;
  int n = 0;

  *out = 0;
  if (text[0] == '\0')
    return TRUE;

  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL && strlen (text) > 10 && text[10] == ' ')
    {
      text[10] = 'T';
      dt = g_date_time_new_from_iso8601 (text, utc);
      text[10] = ' ';
    }
  if (dt != NULL)
    {
      *out = g_date_time_to_unix (dt);
      return TRUE;
    }

  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &n) == 3)
    p = text + n;
  else if (sscanf (text, "%2d/%2d/%4d%n", &month, &day, &year, &n) == 3)
    p = text + n;
  else if (sscanf (text, "%3[A-Za-z] %2d, %4d%n", name, &day, &year, &n) == 3)
    {
      p = text + n;
      for (guint i = 0; i < G_N_ELEMENTS (months); i++)
        if (g_ascii_strcasecmp (name, months[i]) == 0)
          month = i + 1;
    }
  else
    return FALSE;

  p = skip_spaces (p);
  if (*p != '\0')
    {
      if (sscanf (p, "%2d:%2d%n", &hour, &minute, &n) != 2)
        return FALSE;
      p += n;
      if (*p == ':' && sscanf (p, ":%2d%n", &second, &n) == 1)
        p += n;
      p = skip_spaces (p);
      if (g_ascii_strcasecmp (p, "PM") == 0 && hour >= 1 && hour < 12)
        hour += 12;
      else if (g_ascii_strcasecmp (p, "AM") == 0 && hour == 12)
        hour = 0;
      else if (*p != '\0' && g_ascii_strcasecmp (p, "AM") != 0 && g_ascii_strcasecmp (p, "PM") != 0)
        return FALSE;
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  dt = g_date_time_new (utc, year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;

  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* One person as the file has them, after rows of the same person merged. */
typedef struct
{
  guint64  line;
  char    *name;
  char    *email;
  char    *organization;
  char    *external_id;
  char    *status;
  int      party_size;
  gint64   responded_at;
  gint64   checked_in_at;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->email);
  g_free (entry->organization);
  g_free (entry->external_id);
  g_free (entry->status);
  g_free (entry);
}

typedef struct
{
  GPtrArray  *entries;   /* in file order */
  GHashTable *by_key;    /* email or external id → Entry */
  GString    *errors;
  guint       n_errors;
} Batch;

static void
batch_init (Batch *batch)
{
  batch->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  batch->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  batch->errors = g_string_new (NULL);
  batch->n_errors = 0;
}

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->entries, g_ptr_array_unref);
  g_clear_pointer (&batch->by_key, g_hash_table_unref);
  if (batch->errors != NULL)
    g_string_free (batch->errors, TRUE);
  batch->errors = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

static void
batch_error (Batch      *batch,
             const char *where,
             const char *message)
{
  batch->n_errors++;
  if (batch->n_errors <= MAX_REPORTED_ERRORS)
    g_string_append_printf (batch->errors, "\n%s: %s", where, message);
}

/* Adds a person; a second row of the same person adds tickets (Eventbrite
 * lists one row per ticket) or keeps the larger party and earliest times. */
static void
batch_add (Batch    *batch,
           Entry    *entry,
           gboolean  sum_parties)
{
  g_autofree char *key = NULL;
  Entry *seen;

  if (entry->email != NULL)
    key = g_strconcat ("e:", entry->email, NULL);
  else
    key = g_strconcat ("x:", entry->external_id, NULL);

  seen = g_hash_table_lookup (batch->by_key, key);
  if (seen == NULL)
    {
      g_hash_table_insert (batch->by_key, g_steal_pointer (&key), entry);
      g_ptr_array_add (batch->entries, entry);
      return;
    }

  if (sum_parties && g_str_equal (seen->status, entry->status))
    seen->party_size += entry->party_size;
  else if (!sum_parties)
    seen->party_size = MAX (seen->party_size, entry->party_size);

  /* Going wins over anything else the same person has in the file. */
  if (g_str_equal (entry->status, RAPPORT_RSVP_GOING) && !g_str_equal (seen->status, RAPPORT_RSVP_GOING))
    {
      g_free (seen->status);
      seen->status = g_strdup (entry->status);
      seen->party_size = entry->party_size;
    }

  if (entry->checked_in_at > 0 && (seen->checked_in_at == 0 || entry->checked_in_at < seen->checked_in_at))
    seen->checked_in_at = entry->checked_in_at;
  if (entry->responded_at > 0 && (seen->responded_at == 0 || entry->responded_at < seen->responded_at))
    seen->responded_at = entry->responded_at;

  entry_free (entry);
}

/* One person of the file, counted in @result once written. */
static gboolean
write_entry (RapportStore              *store,
             gint64                     event_id,
             const char                *source,
             const Entry               *entry,
             RapportEventImportResult  *result,
             GError                   **error)
{
  gint64 member_id;
  gint64 rsvp_before;
  gboolean changed = FALSE;

  member_id = _rapport_events_ensure_member (store, entry->name, entry->email, entry->organization,
                                             source, entry->external_id, error);
  if (member_id == 0)
    return FALSE;

  rsvp_before = rapport_events_find_rsvp (store, event_id, member_id);
  if (!_rapport_events_import_rsvp (store, event_id, member_id, entry->status, entry->party_size,
                                    source, entry->external_id, NULL, entry->responded_at,
                                    entry->checked_in_at, &changed, error))
    return FALSE;

  if (rsvp_before == 0)
    result->added++;
  else if (changed)
    result->updated++;
  else
    result->unchanged++;
  return TRUE;
}

static gboolean
batch_write (RapportStore              *store,
             gint64                     event_id,
             const char                *source,
             Batch                     *batch,
             RapportEventImportResult  *result,
             GError                   **error)
{
  g_autoptr(RapportTransaction) tx = NULL;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  for (guint i = 0; i < batch->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (batch->entries, i);
      g_autoptr(GError) local_error = NULL;

      if (!write_entry (store, event_id, source, entry, result, &local_error))
        {
          g_autofree char *where = g_strdup_printf (_("Line %" G_GUINT64_FORMAT), entry->line);

          g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE,
                       _("Nothing was imported. %s: %s"), where, local_error->message);
          return FALSE;
        }
    }

  return _rapport_transaction_commit (tx, error);
}

static gboolean
set_batch_error (Batch   *batch,
                 GError **error)
{
  if (batch->n_errors > MAX_REPORTED_ERRORS)
    g_string_append_printf (batch->errors, "\n%s",
                            _("… and more; fix these first."));

  g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE,
               g_dngettext (GETTEXT_PACKAGE,
                            "Nothing was imported: %u line has errors:%s",
                            "Nothing was imported: %u lines have errors:%s",
                            batch->n_errors),
               batch->n_errors, batch->errors->str);
  return FALSE;
}

static gint64
count_members (RapportStore *store)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, "SELECT count(*) FROM members", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

/**
 * rapport_event_read_csv_header:
 *
 * The column names of a CSV file, for the column-mapping dialog.
 *
 * Returns: (transfer full): the header
 */
GStrv
rapport_event_read_csv_header (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *header;
  guint n = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  reader = rapport_csv_reader_new (G_INPUT_STREAM (stream));
  if (!rapport_csv_reader_read_header (reader, cancellable, error))
    return NULL;

  header = rapport_csv_reader_get_header (reader, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, header[i]);

  return g_strv_builder_end (builder);
}

static const char *
field (char     **row,
       guint      n_cells,
       const int *columns,
       RapportEventField f)
{
  if (columns[f] < 0 || (guint) columns[f] >= n_cells)
    return NULL;

  return row[columns[f]];
}

/**
 * rapport_event_import_csv:
 * @mapping: (nullable): which column means what, or %NULL to recognise an
 *   Eventbrite, Meetup or Zoom export by its header
 *
 * Imports RSVPs from a CSV file into @event_id, all or nothing. Without a
 * mapping, a header Rapport does not know fails with
 * %RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT listing the file's columns.
 * Importing the same file again changes nothing.
 */
gboolean
rapport_event_import_csv (RapportStore              *store,
                          gint64                     event_id,
                          GFile                     *file,
                          const RapportEventMapping *mapping,
                          RapportEventImportResult  *result,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(RapportEvent) event = NULL;
  g_auto(Batch) batch = { 0 };
  const char * const *header;
  int columns[RAPPORT_EVENT_N_FIELDS];
  const char *source;
  gboolean sum_parties;
  gint64 members_before;
  guint n_columns = 0;
  char **row;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);

  event = rapport_events_get (store, event_id, error);
  if (event == NULL)
    return FALSE;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  reader = rapport_csv_reader_new (G_INPUT_STREAM (stream));
  if (!rapport_csv_reader_read_header (reader, cancellable, error))
    return FALSE;
  header = rapport_csv_reader_get_header (reader, &n_columns);

  if (mapping == NULL)
    mapping = rapport_event_mapping_detect (header, n_columns);
  if (mapping == NULL)
    {
      g_autofree char *names = g_strjoinv ("”, “", (char **) header);

      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT,
                   _("The columns of this file are not an Eventbrite, Meetup or Zoom export; "
                     "choose what each column means. Its columns: “%s”"), names);
      return FALSE;
    }

  for (guint f = 0; f < RAPPORT_EVENT_N_FIELDS; f++)
    {
      columns[f] = -1;
      if (mapping->columns[f] == NULL)
        continue;
      columns[f] = find_column (header, n_columns, mapping->columns[f]);
      if (columns[f] < 0 && mapping != rapport_event_mapping_detect (header, n_columns))
        {
          g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                       _("The file has no column “%s” (for %s)"),
                       mapping->columns[f], rapport_event_field_get_label (f));
          return FALSE;
        }
    }

  if (columns[RAPPORT_EVENT_FIELD_EMAIL] < 0 && columns[RAPPORT_EVENT_FIELD_EXTERNAL_ID] < 0)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("Choose an email or an id column: without one, people cannot be told apart"));
      return FALSE;
    }

  source = mapping->source != NULL ? mapping->source : "manual";
  sum_parties = columns[RAPPORT_EVENT_FIELD_PARTY_SIZE] >= 0;
  batch_init (&batch);

  while ((row = rapport_csv_reader_read_row (reader, cancellable, error)) != NULL)
    {
      char **cells = row;
      guint n_cells = g_strv_length (cells);
      guint64 line = rapport_csv_reader_get_line (reader);
      const char *value;
      Entry *entry;
      gboolean bad = FALSE;

      result->rows++;
      entry = g_new0 (Entry, 1);
      entry->line = line;
      entry->party_size = 1;

#define LINE_ERROR(f, ...) \
      G_STMT_START { \
        g_autofree char *where_ = rapport_csv_reader_dup_location (reader, line, columns[f] + 1); \
        g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
        batch_error (&batch, where_, what_); \
        bad = TRUE; \
      } G_STMT_END

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_NAME);
      if (value != NULL && value[0] != '\0')
        entry->name = g_strstrip (g_strdup (value));
      else
        {
          const char *first = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_FIRST_NAME);
          const char *last = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_LAST_NAME);
          g_autofree char *joined = g_strjoin (" ", first ? first : "", last ? last : "", NULL);

          entry->name = g_strstrip (g_steal_pointer (&joined));
        }

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_EMAIL);
      if (value != NULL && value[0] != '\0')
        {
          if (!rapport_email_is_valid (value))
            LINE_ERROR (RAPPORT_EVENT_FIELD_EMAIL, _("“%s” is not an email address"), value);
          else
            entry->email = rapport_normalize_email (value);
        }

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_EXTERNAL_ID);
      if (value != NULL && value[0] != '\0')
        entry->external_id = g_strstrip (g_strdup (value));

      if (entry->email == NULL && entry->external_id == NULL && !bad)
        LINE_ERROR (columns[RAPPORT_EVENT_FIELD_EMAIL] >= 0 ? RAPPORT_EVENT_FIELD_EMAIL
                                                           : RAPPORT_EVENT_FIELD_EXTERNAL_ID,
                    "%s", _("the row has neither an email address nor an id"));

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_STATUS);
      entry->status = g_strdup (map_status (value != NULL ? value : ""));
      if (entry->status == NULL)
        LINE_ERROR (RAPPORT_EVENT_FIELD_STATUS, _("“%s” is not an RSVP answer Rapport knows"), value);

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_PARTY_SIZE);
      if (value != NULL && value[0] != '\0')
        {
          guint64 n;

          if (!g_ascii_string_to_unsigned (value, 10, 1, 1000, &n, NULL))
            LINE_ERROR (RAPPORT_EVENT_FIELD_PARTY_SIZE, _("“%s” is not a number of tickets (1 to 1000)"), value);
          else
            entry->party_size = n;
        }

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_GUESTS);
      if (value != NULL && value[0] != '\0')
        {
          guint64 n;

          if (!g_ascii_string_to_unsigned (value, 10, 0, 999, &n, NULL))
            LINE_ERROR (RAPPORT_EVENT_FIELD_GUESTS, _("“%s” is not a number of guests (0 to 999)"), value);
          else
            entry->party_size = 1 + n;
        }

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_ORGANIZATION);
      if (value != NULL && value[0] != '\0')
        entry->organization = g_strstrip (g_strdup (value));

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_RESPONDED_AT);
      if (value != NULL && !parse_time (value, &entry->responded_at))
        LINE_ERROR (RAPPORT_EVENT_FIELD_RESPONDED_AT, _("“%s” is not a date and time"), value);

      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_CHECKED_IN_AT);
      if (value != NULL && !parse_time (value, &entry->checked_in_at))
        LINE_ERROR (RAPPORT_EVENT_FIELD_CHECKED_IN_AT, _("“%s” is not a date and time"), value);

#undef LINE_ERROR

      /* Eventbrite's status "Checked In" is a check-in without a time. */
      value = field (cells, n_cells, columns, RAPPORT_EVENT_FIELD_STATUS);
      if (value != NULL && g_ascii_strcasecmp (value, "Checked In") == 0 && entry->checked_in_at == 0)
        entry->checked_in_at = rapport_event_get_starts_at (event);

      if (bad)
        entry_free (entry);
      else
        batch_add (&batch, entry, sum_parties);
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  if (batch.n_errors > 0)
    return set_batch_error (&batch, error);

  members_before = count_members (store);
  if (!batch_write (store, event_id, source, &batch, result, error))
    return FALSE;

  result->members_added = count_members (store) - members_before;
  result->source = g_strdup (source);
  return TRUE;
}

/**
 * rapport_event_import_ics:
 *
 * Imports the ATTENDEE lines of an iCalendar file: PARTSTAT ACCEPTED is
 * going, TENTATIVE maybe, DECLINED declined; attendees who have not
 * answered (NEEDS-ACTION) are left out.
 */
gboolean
rapport_event_import_ics (RapportStore              *store,
                          gint64                     event_id,
                          GFile                     *file,
                          RapportEventImportResult  *result,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(RapportEvent) event = NULL;
  g_autofree char *contents = NULL;
  g_auto(Batch) batch = { 0 };
  icalcomponent *calendar;
  gint64 members_before;
  gboolean found_event = FALSE;
  guint64 n = 0;
  gsize length;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);

  event = rapport_events_get (store, event_id, error);
  if (event == NULL)
    return FALSE;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE,
                           _("The calendar file is not UTF-8 text"));
      return FALSE;
    }

  calendar = icalparser_parse_string (contents);
  if (calendar == NULL ||
      (icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT &&
       icalcomponent_isa (calendar) != ICAL_VEVENT_COMPONENT))
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE,
                           _("The file is not an iCalendar file: it has no VCALENDAR"));
      return FALSE;
    }

  batch_init (&batch);

  for (icalcomponent *vevent = icalcomponent_isa (calendar) == ICAL_VEVENT_COMPONENT
                               ? calendar
                               : icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = vevent == calendar ? NULL : icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      found_event = TRUE;

      for (icalproperty *prop = icalcomponent_get_first_property (vevent, ICAL_ATTENDEE_PROPERTY);
           prop != NULL;
           prop = icalcomponent_get_next_property (vevent, ICAL_ATTENDEE_PROPERTY))
        {
          const char *value = icalproperty_get_attendee (prop);
          icalparameter *param;
          icalparameter_partstat partstat = ICAL_PARTSTAT_NEEDSACTION;
          g_autofree char *where = NULL;
          const char *address;
          const char *status;
          Entry *entry;

          n++;
          where = g_strdup_printf (_("Attendee %" G_GUINT64_FORMAT " (“%s”)"), n, value ? value : "");

          param = icalproperty_get_first_parameter (prop, ICAL_PARTSTAT_PARAMETER);
          if (param != NULL)
            partstat = icalparameter_get_partstat (param);

          if (partstat == ICAL_PARTSTAT_ACCEPTED)
            status = RAPPORT_RSVP_GOING;
          else if (partstat == ICAL_PARTSTAT_TENTATIVE)
            status = RAPPORT_RSVP_MAYBE;
          else if (partstat == ICAL_PARTSTAT_DECLINED)
            status = RAPPORT_RSVP_DECLINED;
          else
            continue;

          address = value;
          if (address != NULL && g_ascii_strncasecmp (address, "mailto:", 7) == 0)
            address += 7;
          if (address == NULL || !rapport_email_is_valid (address))
            {
              batch_error (&batch, where, _("the attendee has no email address (mailto:)"));
              continue;
            }

          entry = g_new0 (Entry, 1);
          entry->line = n;
          entry->email = rapport_normalize_email (address);
          entry->external_id = g_strdup (entry->email);
          entry->status = g_strdup (status);
          entry->party_size = 1;
          param = icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER);
          if (param != NULL && icalparameter_get_cn (param) != NULL)
            entry->name = g_strdup (icalparameter_get_cn (param));
          result->rows++;
          batch_add (&batch, entry, FALSE);
        }
    }

  icalcomponent_free (calendar);

  if (!found_event)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE,
                           _("The calendar file has no VEVENT"));
      return FALSE;
    }

  if (batch.n_errors > 0)
    return set_batch_error (&batch, error);

  members_before = count_members (store);
  if (!batch_write (store, event_id, "ics", &batch, result, error))
    return FALSE;

  result->members_added = count_members (store) - members_before;
  result->source = g_strdup ("ics");
  return TRUE;
}

/**
 * rapport_event_import_file:
 *
 * Imports an .ics file, or a CSV export whose layout is recognised.
 */
gboolean
rapport_event_import_file (RapportStore              *store,
                           gint64                     event_id,
                           GFile                     *file,
                           RapportEventImportResult  *result,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL && (g_str_has_suffix (basename, ".ics") || g_str_has_suffix (basename, ".ICS")))
    return rapport_event_import_ics (store, event_id, file, result, cancellable, error);

  return rapport_event_import_csv (store, event_id, file, NULL, result, cancellable, error);
}

/* Export */

static char *
format_utc (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t <= 0)
    return g_strdup ("");

  dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
rapport_event_export_csv (RapportStore  *store,
                          gint64         event_id,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  static const char * const header[] = {
    "Name", "Email", "Organization", "Status", "Party size", "Checked in",
    "No-show", "Source", "External id", "RSVP time", "Waitlist position",
  };
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(RapportCsvWriter) writer = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  rsvps = rapport_events_list_rsvps (store, event_id, NULL, error);
  if (rsvps == NULL)
    return FALSE;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  writer = rapport_csv_writer_new (G_OUTPUT_STREAM (stream));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    rapport_csv_writer_add_field (writer, header[i]);
  if (!rapport_csv_writer_end_row (writer, cancellable, error))
    return FALSE;

  for (guint i = 0; i < rsvps->len; i++)
    {
      RapportRsvp *rsvp = g_ptr_array_index (rsvps, i);
      g_autofree char *party = g_strdup_printf ("%d", rapport_rsvp_get_party_size (rsvp));
      g_autofree char *checked_in = format_utc (rapport_rsvp_get_checked_in_at (rsvp));
      g_autofree char *created = format_utc (rapport_rsvp_get_created_at (rsvp));
      g_autofree char *position = rapport_rsvp_get_waitlist_position (rsvp) > 0
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT, rapport_rsvp_get_waitlist_position (rsvp))
                                  : g_strdup ("");

      rapport_csv_writer_add_field (writer, rapport_rsvp_get_name (rsvp));
      rapport_csv_writer_add_field (writer, rapport_rsvp_get_email (rsvp));
      rapport_csv_writer_add_field (writer, rapport_rsvp_get_organization (rsvp));
      rapport_csv_writer_add_field (writer, rapport_rsvp_get_status (rsvp));
      rapport_csv_writer_add_field (writer, party);
      rapport_csv_writer_add_field (writer, checked_in);
      rapport_csv_writer_add_field (writer, rapport_rsvp_get_no_show (rsvp) ? "yes" : "");
      rapport_csv_writer_add_field (writer, rapport_rsvp_get_source (rsvp));
      rapport_csv_writer_add_field (writer, rapport_rsvp_get_external_id (rsvp));
      rapport_csv_writer_add_field (writer, created);
      rapport_csv_writer_add_field (writer, position);
      if (!rapport_csv_writer_end_row (writer, cancellable, error))
        return FALSE;
    }

  if (!rapport_csv_writer_flush (writer, cancellable, error))
    return FALSE;

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/* A time as the event's zone sees it, with TZID; UTC without a zone. */
static icalproperty *
time_property (icalproperty *(*make) (struct icaltimetype),
               gint64        t,
               const char   *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;
  struct icaltimetype it;
  icalproperty *prop;

  if (tzid != NULL && tzid[0] != '\0')
    tz = g_time_zone_new_identifier (tzid);

  if (tz == NULL)
    {
      it = icaltime_from_timet_with_zone (t, FALSE, icaltimezone_get_utc_timezone ());
      return make (it);
    }

  local = g_date_time_to_timezone (utc, tz);
  it = icaltime_null_time ();
  it.year = g_date_time_get_year (local);
  it.month = g_date_time_get_month (local);
  it.day = g_date_time_get_day_of_month (local);
  it.hour = g_date_time_get_hour (local);
  it.minute = g_date_time_get_minute (local);
  it.second = g_date_time_get_second (local);
  it.is_date = 0;
  prop = make (it);
  icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
  return prop;
}

static icalproperty *
make_dtstart (struct icaltimetype t)
{
  return icalproperty_new_dtstart (t);
}

static icalproperty *
make_dtend (struct icaltimetype t)
{
  return icalproperty_new_dtend (t);
}

/**
 * rapport_event_to_ics:
 *
 * The event as an iCalendar invitation: one VEVENT with the going, maybe
 * and waitlisted people as ATTENDEEs, and the VTIMEZONE its TZID names.
 *
 * Returns: (transfer full): the text
 */
char *
rapport_event_to_ics (RapportStore  *store,
                      gint64         event_id,
                      GError       **error)
{
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(GPtrArray) rsvps = NULL;
  icalcomponent *calendar;
  icalcomponent *vevent;
  const char *tzid;
  char *text;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  event = rapport_events_get (store, event_id, error);
  if (event == NULL)
    return NULL;
  rsvps = rapport_events_list_rsvps (store, event_id, NULL, error);
  if (rsvps == NULL)
    return NULL;

  tzid = rapport_event_get_tzid (event);
  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Rapport//Events//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_REQUEST));

  if (tzid != NULL && tzid[0] != '\0')
    {
      icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);

      if (zone != NULL && icaltimezone_get_component (zone) != NULL)
        {
          icalcomponent *vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
          icalproperty *id = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

          /* libical names its zones with a prefix; the TZID must match ours. */
          if (id != NULL)
            icalproperty_set_tzid (id, tzid);
          /* Only the rules around the event, not the zone's whole history. */
          icaltimezone_truncate_vtimezone (vtimezone,
                                           icaltime_from_timet_with_zone (rapport_event_get_starts_at (event), FALSE,
                                                                          icaltimezone_get_utc_timezone ()),
                                           icaltime_null_time (), 0);
          icalcomponent_add_component (calendar, vtimezone);
        }
    }

  vevent = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property (vevent, icalproperty_new_uid (rapport_event_get_uid (event)));
  icalcomponent_add_property (vevent,
                              icalproperty_new_dtstamp (icaltime_from_timet_with_zone (rapport_events_now (store), FALSE,
                                                                                      icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (vevent, time_property (make_dtstart, rapport_event_get_starts_at (event), tzid));
  if (rapport_event_get_ends_at (event) > 0)
    icalcomponent_add_property (vevent, time_property (make_dtend, rapport_event_get_ends_at (event), tzid));
  icalcomponent_add_property (vevent, icalproperty_new_summary (rapport_event_get_title (event)));
  if (rapport_event_get_venue (event) != NULL)
    icalcomponent_add_property (vevent, icalproperty_new_location (rapport_event_get_venue (event)));
  else if (rapport_event_get_online_url (event) != NULL)
    icalcomponent_add_property (vevent, icalproperty_new_location (rapport_event_get_online_url (event)));
  if (rapport_event_get_online_url (event) != NULL)
    icalcomponent_add_property (vevent, icalproperty_new_url (rapport_event_get_online_url (event)));
  if (rapport_event_get_description (event) != NULL)
    icalcomponent_add_property (vevent, icalproperty_new_description (rapport_event_get_description (event)));
  icalcomponent_add_property (vevent,
                              icalproperty_new_status (g_str_equal (rapport_event_get_status (event), RAPPORT_EVENT_CANCELLED)
                                                       ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));

  for (guint i = 0; i < rsvps->len; i++)
    {
      RapportRsvp *rsvp = g_ptr_array_index (rsvps, i);
      const char *status = rapport_rsvp_get_status (rsvp);
      g_autofree char *mailto = NULL;
      icalparameter_partstat partstat;
      icalproperty *attendee;

      if (rapport_rsvp_get_email (rsvp) == NULL)
        continue;

      if (g_str_equal (status, RAPPORT_RSVP_GOING))
        partstat = ICAL_PARTSTAT_ACCEPTED;
      else if (g_str_equal (status, RAPPORT_RSVP_MAYBE) || g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
        partstat = ICAL_PARTSTAT_TENTATIVE;
      else if (g_str_equal (status, RAPPORT_RSVP_DECLINED))
        partstat = ICAL_PARTSTAT_DECLINED;
      else
        continue;

      mailto = g_strconcat ("mailto:", rapport_rsvp_get_email (rsvp), NULL);
      attendee = icalproperty_new_attendee (mailto);
      if (rapport_rsvp_get_name (rsvp) != NULL)
        icalproperty_add_parameter (attendee, icalparameter_new_cn (rapport_rsvp_get_name (rsvp)));
      icalproperty_add_parameter (attendee, icalparameter_new_partstat (partstat));
      icalproperty_add_parameter (attendee, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalcomponent_add_property (vevent, attendee);
    }

  icalcomponent_add_component (calendar, vevent);
  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);

  return text;
}

gboolean
rapport_event_export_ics (RapportStore  *store,
                          gint64         event_id,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *text = rapport_event_to_ics (store, event_id, error);

  if (text == NULL)
    return FALSE;

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

/* The door sheet */

#define PAGE_WIDTH   595.0   /* A4, points */
#define PAGE_HEIGHT  842.0
#define MARGIN       48.0
#define ROW_HEIGHT   22.0
#define BOX_SIZE     11.0

typedef struct
{
  char        *key;
  RapportRsvp *rsvp;   /* owned by the list of RSVPs */
} SheetRow;

static void
sheet_row_clear (gpointer data)
{
  SheetRow *row = data;

  g_clear_pointer (&row->key, g_free);
}

static int
compare_sheet_rows (gconstpointer a,
                    gconstpointer b)
{
  const SheetRow *ra = a;
  const SheetRow *rb = b;

  return strcmp (ra->key, rb->key);
}

static cairo_status_t
write_to_stream_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Draws @text at (x, y) cut with an ellipsis to @width. */
static void
show_fitted (cairo_t    *cr,
             const char *text,
             double      x,
             double      y,
             double      width)
{
  cairo_text_extents_t extents;
  g_autoptr(GString) cut = NULL;

  if (text == NULL)
    return;

  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, x, y);
  if (extents.x_advance <= width)
    {
      cairo_show_text (cr, text);
      return;
    }

  cut = g_string_new (text);
  while (cut->len > 0)
    {
      const char *prev = g_utf8_find_prev_char (cut->str, cut->str + cut->len);

      g_string_truncate (cut, prev != NULL ? (gsize) (prev - cut->str) : 0);
      g_string_append (cut, "…");
      cairo_text_extents (cr, cut->str, &extents);
      if (extents.x_advance <= width)
        break;
      g_string_truncate (cut, cut->len - strlen ("…"));
    }
  cairo_show_text (cr, cut->str);
}

static char *
format_event_date (RapportEvent *event)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start_utc = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *tzid = rapport_event_get_tzid (event);

  if (tzid != NULL)
    tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  start_utc = g_date_time_new_from_unix_utc (rapport_event_get_starts_at (event));
  start = g_date_time_to_timezone (start_utc, tz);
  day = g_date_time_format (start, "%A %e %B %Y");
  from = g_date_time_format (start, "%H:%M");
  if (rapport_event_get_ends_at (event) > 0)
    {
      g_autoptr(GDateTime) end_utc = g_date_time_new_from_unix_utc (rapport_event_get_ends_at (event));

      end = g_date_time_to_timezone (end_utc, tz);
      to = g_date_time_format (end, "%H:%M");
    }

  if (to != NULL)
    /* Translators: the date of an event, its start and end times, its time zone */
    return g_strdup_printf (_("%s, %s–%s (%s)"), g_strstrip (day), from, to, tzid ? tzid : "UTC");

  /* Translators: the date of an event, its start time, its time zone */
  return g_strdup_printf (_("%s, %s (%s)"), g_strstrip (day), from, tzid ? tzid : "UTC");
}

/**
 * rapport_event_export_pdf:
 *
 * Writes the door sheet: the title and date, then every going party sorted
 * by last name with its organization, party size and a box to tick; A4
 * pages numbered "Page n of m".
 */
gboolean
rapport_event_export_pdf (RapportStore  *store,
                          gint64         event_id,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double first_top;
  double top;
  guint per_first_page;
  guint per_page;
  guint n_pages;
  guint page = 0;
  guint index = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  event = rapport_events_get (store, event_id, error);
  if (event == NULL)
    return FALSE;
  rsvps = rapport_events_list_rsvps (store, event_id, RAPPORT_RSVP_GOING, error);
  if (rsvps == NULL)
    return FALSE;

  rows = g_array_sized_new (FALSE, FALSE, sizeof (SheetRow), rsvps->len);
  g_array_set_clear_func (rows, sheet_row_clear);
  for (guint i = 0; i < rsvps->len; i++)
    {
      SheetRow row;

      row.rsvp = g_ptr_array_index (rsvps, i);
      row.key = _rapport_events_last_name_key (rapport_rsvp_get_name (row.rsvp));
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_sheet_rows);

  /* The first page carries the title block; the others only the columns. */
  first_top = MARGIN + 108.0;
  top = MARGIN + 36.0;
  per_first_page = (guint) ((PAGE_HEIGHT - MARGIN - 24.0 - first_top) / ROW_HEIGHT);
  per_page = (guint) ((PAGE_HEIGHT - MARGIN - 24.0 - top) / ROW_HEIGHT);
  n_pages = rows->len <= per_first_page ? 1 : 1 + (rows->len - per_first_page + per_page - 1) / per_page;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  date = format_event_date (event);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream_cb, stream, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, rapport_event_get_title (event));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rapport");
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);

  do
    {
      double y = page == 0 ? first_top : top;
      guint count = page == 0 ? per_first_page : per_page;
      g_autofree char *footer = NULL;
      cairo_text_extents_t extents;

      cairo_set_source_rgb (cr, 0, 0, 0);
      if (page == 0)
        {
          g_autofree char *summary = NULL;

          cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
          cairo_set_font_size (cr, 20);
          show_fitted (cr, rapport_event_get_title (event), MARGIN, MARGIN + 20, PAGE_WIDTH - 2 * MARGIN);
          cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
          cairo_set_font_size (cr, 11);
          show_fitted (cr, date, MARGIN, MARGIN + 40, PAGE_WIDTH - 2 * MARGIN);
          show_fitted (cr, rapport_event_get_venue (event) ? rapport_event_get_venue (event)
                                                           : rapport_event_get_online_url (event),
                       MARGIN, MARGIN + 56, PAGE_WIDTH - 2 * MARGIN);
          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u party going", "%u parties going", rows->len),
                                     rows->len);
          show_fitted (cr, summary, MARGIN, MARGIN + 72, PAGE_WIDTH - 2 * MARGIN);
        }

      /* Column headings and a rule under them. */
      cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 9.5);
      show_fitted (cr, _("Name"), MARGIN + 24, y - 8, 200);
      show_fitted (cr, _("Organization"), MARGIN + 250, y - 8, 180);
      show_fitted (cr, _("Party"), PAGE_WIDTH - MARGIN - 40, y - 8, 40);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, MARGIN, y - 3);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, y - 3);
      cairo_stroke (cr);

      cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 10.5);
      for (guint i = 0; i < count && index < rows->len; i++, index++)
        {
          SheetRow *row = &g_array_index (rows, SheetRow, index);
          double baseline = y + (i + 1) * ROW_HEIGHT - 7;
          g_autofree char *party = g_strdup_printf ("%d", rapport_rsvp_get_party_size (row->rsvp));

          if (i % 2 == 1)
            {
              cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
              cairo_rectangle (cr, MARGIN, y + i * ROW_HEIGHT, PAGE_WIDTH - 2 * MARGIN, ROW_HEIGHT);
              cairo_fill (cr);
              cairo_set_source_rgb (cr, 0, 0, 0);
            }

          cairo_set_line_width (cr, 0.9);
          cairo_rectangle (cr, MARGIN + 4, baseline - BOX_SIZE + 1.5, BOX_SIZE, BOX_SIZE);
          cairo_stroke (cr);
          show_fitted (cr, rapport_rsvp_get_name (row->rsvp), MARGIN + 24, baseline, 220);
          show_fitted (cr, rapport_rsvp_get_organization (row->rsvp), MARGIN + 250, baseline, 190);
          show_fitted (cr, party, PAGE_WIDTH - MARGIN - 40, baseline, 40);
        }

      cairo_set_font_size (cr, 9);
      footer = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
      cairo_text_extents (cr, footer, &extents);
      cairo_move_to (cr, (PAGE_WIDTH - extents.x_advance) / 2, PAGE_HEIGHT - MARGIN + 12);
      cairo_show_text (cr, footer);
      cairo_show_page (cr);
      page++;
    }
  while (index < rows->len);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the attendee sheet: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
