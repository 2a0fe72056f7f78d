/* fuzz-rsvp-csv.c
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

#include "rapport-event-io.h"
#include "rapport-events.h"
#include "rapport-fuzz.h"

/* RSVP import from CSV, into an event the process makes once. A file of a
 * layout Rapport does not know gets the mapping the column-mapping dialog
 * would hand back when each column is taken for the next field in turn.
 * Each input is imported twice in the input's transaction, the second time
 * onto the RSVPs the first made; then it is all rolled back. */

static const RapportEventField field_order[] = {
  RAPPORT_EVENT_FIELD_NAME,
  RAPPORT_EVENT_FIELD_EMAIL,
  RAPPORT_EVENT_FIELD_STATUS,
  RAPPORT_EVENT_FIELD_PARTY_SIZE,
  RAPPORT_EVENT_FIELD_RESPONDED_AT,
  RAPPORT_EVENT_FIELD_EXTERNAL_ID,
  RAPPORT_EVENT_FIELD_ORGANIZATION,
  RAPPORT_EVENT_FIELD_CHECKED_IN_AT,
  RAPPORT_EVENT_FIELD_FIRST_NAME,
  RAPPORT_EVENT_FIELD_LAST_NAME,
  RAPPORT_EVENT_FIELD_GUESTS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_order) == RAPPORT_EVENT_N_FIELDS);

/* Rows of one person add up to one RSVP. */
static void
check_result (gboolean                  ok,
              RapportEventImportResult *result)
{
  if (ok)
    g_assert_cmpuint (result->added + result->updated + result->unchanged, <=, result->rows);
  rapport_event_import_result_clear (result);
}

static gboolean
import_once (RapportStore *store,
             gint64        event_id,
             GFile        *file,
             GError      **error)
{
  g_auto(GStrv) header = NULL;
  RapportEventImportResult result = { 0 };
  RapportEventMapping mapping = { "manual", { NULL } };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = rapport_event_import_csv (store, event_id, file, NULL, &result, NULL, &local_error);
  g_assert_true (ok == (local_error == NULL));
  check_result (ok, &result);
  if (ok || !g_error_matches (local_error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return ok;
    }

  header = rapport_event_read_csv_header (file, NULL, error);
  g_assert_nonnull (header);
  for (guint i = 0; header[i] != NULL && i < G_N_ELEMENTS (field_order); i++)
    mapping.columns[field_order[i]] = header[i];

  ok = rapport_event_import_csv (store, event_id, file, &mapping, &result, NULL, error);
  check_result (ok, &result);

  return ok;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportStore *store = rapport_fuzz_get_store ();
  gint64 event_id = rapport_fuzz_get_event_id ();
  g_autoptr(GFile) file = rapport_fuzz_write_file ("rsvps.csv", data, size);

  rapport_fuzz_begin (store);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!import_once (store, event_id, file, &error))
        {
          g_assert_nonnull (error);
          g_debug ("%s", error->message);
          break;
        }
    }

  rapport_fuzz_rollback (store);
  return 0;
}
