/* fuzz-rsvp-ics.c
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
#include "rapport-fuzz.h"

/* RSVP import from an iCalendar invitation's ATTENDEE lines, into an event
 * the process makes once. Each input is imported twice in the input's
 * transaction; the second time every attendee is already there. Then it is
 * all rolled back. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportStore *store = rapport_fuzz_get_store ();
  gint64 event_id = rapport_fuzz_get_event_id ();
  g_autoptr(GFile) file = rapport_fuzz_write_file ("rsvps.ics", data, size);

  rapport_fuzz_begin (store);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      RapportEventImportResult result = { 0 };
      gboolean ok;

      ok = rapport_event_import_ics (store, event_id, file, &result, NULL, &error);
      g_assert_true (ok == (error == NULL));
      if (ok)
        {
          g_assert_cmpuint (result.added + result.updated + result.unchanged, <=, result.rows);
          if (i == 1)
            g_assert_cmpuint (result.members_added, ==, 0);
        }
      rapport_event_import_result_clear (&result);
      if (!ok)
        {
          g_debug ("%s", error->message);
          break;
        }
    }

  rapport_fuzz_rollback (store);
  return 0;
}
