/* fuzz-member-csv.c
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

#include "rapport-fuzz.h"
#include "rapport-member-io.h"

/* Member CSV import. Each input is imported twice in the input's
 * transaction: the second time every row matches a member the first one
 * made, which is the update path. Then it is all rolled back. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportStore *store = rapport_fuzz_get_store ();
  g_autoptr(GFile) file = rapport_fuzz_write_file ("members.csv", data, size);

  rapport_fuzz_begin (store);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      RapportImportResult result = { 0 };

      if (!rapport_member_import_csv (store, file, &result, NULL, NULL, NULL, &error))
        {
          g_assert_nonnull (error);
          g_debug ("%s", error->message);
          break;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (result.added + result.updated, ==, result.rows);
    }

  rapport_fuzz_rollback (store);
  return 0;
}
