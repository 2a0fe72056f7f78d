/* fuzz-content-ics.c
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

#include "rapport-content-ical.h"
#include "rapport-fuzz.h"

/* Content calendar import (.ics text). Each input is imported twice in the
 * input's transaction, the second time onto the items the first one made;
 * then the items are exported, and the export must import too. Then it is
 * all rolled back. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportStore *store = rapport_fuzz_get_store ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  guint n_first = 0;

  rapport_fuzz_begin (store);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      guint n_items = 0;

      if (!rapport_content_import_ics (store, text, &n_items, &error))
        {
          g_assert_nonnull (error);
          g_debug ("%s", error->message);
          /* What imported once imports again. */
          if (i == 1)
            g_error ("The second import failed, the first did not: %s", error->message);
          break;
        }
      if (i == 0)
        n_first = n_items;
      else
        g_assert_cmpuint (n_items, ==, n_first);
    }

  /* What Rapport writes, it reads. */
  if (n_first > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *exported = rapport_content_export_ics (store, NULL, &error);

      g_assert_no_error (error);
      if (!rapport_content_import_ics (store, exported, NULL, &error))
        g_error ("The export of an import does not import: %s\n%s", error->message, exported);
    }

  rapport_fuzz_rollback (store);
  return 0;
}
