/* rapport-text.c
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

#define G_LOG_DOMAIN "rapport-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-text-private.h"

/**
 * _rapport_text_validate:
 * @text: a whole file's contents
 * @length: the length of @text in bytes, as it was read
 *
 * Checks that a file read whole is UTF-8 text. A NUL byte is refused
 * rather than taken for the end: a parser given @text as a C string would
 * silently read only what comes before it.
 *
 * Returns: %TRUE if @text is UTF-8 without NUL bytes; otherwise %FALSE with
 *   a %G_IO_ERROR_INVALID_DATA error naming the line and the byte offset
 */
gboolean
_rapport_text_validate (const char  *text,
                        gsize        length,
                        GError     **error)
{
  const char *bad = NULL;
  gsize offset;
  guint line = 1;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  /* With a length, validation stops at a NUL byte as at any invalid one. */
  if (g_utf8_validate_len (text, length, &bad))
    return TRUE;

  offset = (gsize) (bad - text);
  for (const char *p = text; p < bad; p++)
    {
      if (*p == '\n')
        line++;
    }

  if (*bad == '\0')
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: the byte offset counts from 0, as hex editors do */
                 _("Line %u: a NUL byte at byte offset %" G_GSIZE_FORMAT "; a text file never "
                   "holds one, so the file is damaged or is not text"),
                 line, offset);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: the byte offset counts from 0, as hex editors do */
                 _("Line %u: the text is not UTF-8 (byte 0x%02X at byte offset %" G_GSIZE_FORMAT
                   "); save the file as UTF-8 and try again"),
                 line, (guint8) *bad, offset);
  return FALSE;
}
