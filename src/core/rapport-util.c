/* rapport-util.c
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

#define G_LOG_DOMAIN "rapport-util"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <locale.h>

#include "rapport-util.h"

/**
 * rapport_sort_key:
 * @name: a display name
 *
 * A key that sorts names the way people expect regardless of case and
 * accents ("Élodie" next to "Elodie"). It is stored, so it must not depend on
 * the locale.
 *
 * Returns: (transfer full): the key
 */
char *
rapport_sort_key (const char *name)
{
  g_autofree char *decomposed = NULL;
  GString *key;

  if (name == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  key = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          if (key->len > 0 && key->str[key->len - 1] != ' ')
            g_string_append_c (key, ' ');
          continue;
        }
      g_string_append_unichar (key, g_unichar_tolower (c));
    }

  if (key->len > 0 && key->str[key->len - 1] == ' ')
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

/**
 * rapport_fts_query_from_text:
 * @text: what a person typed into a search box
 *
 * Turns free text into an FTS5 query where every word is a prefix that must
 * match: "ana gon" finds "Ana González". Punctuation separates words, as the
 * index's tokenizer does, so "ana@exa" finds "ana@example.org". A single
 * Latin letter next to longer words is left out. Nothing the person types
 * can reach FTS5's query syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @text has no words
 */
char *
rapport_fts_query_from_text (const char *text)
{
  g_autoptr(GPtrArray) words = NULL;
  GString *query;
  GString *word;
  gboolean has_long_word = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  words = g_ptr_array_new_with_free_func (g_free);
  word = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (word->len > 1)
            has_long_word = TRUE;
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);

  query = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      /* A lone Latin letter beside longer words ("olga.k", "Daan O’") adds
       * little and costs a walk over every indexed word with that initial.
       * A single CJK character is a whole word and stays. */
      if (has_long_word && w[1] == '\0' && g_ascii_isalnum (w[0]))
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", w);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/**
 * rapport_format_relative_time:
 * @then: a Unix time (UTC), or 0 for never
 * @now: the current Unix time
 *
 * Returns: (transfer full): "Just now", "3 hours ago", "Yesterday", "5 days
 *   ago", or a date in the locale's format for anything older than a month
 */
char *
rapport_format_relative_time (gint64 then,
                              gint64 now)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 delta;

  if (then <= 0)
    return g_strdup (_("Never"));

  delta = now - then;
  if (delta < 0)
    delta = 0;

  if (delta < 60)
    return g_strdup (_("Just now"));
  if (delta < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", delta / 60),
                            (int) (delta / 60));
  if (delta < 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", delta / 3600),
                            (int) (delta / 3600));
  if (delta < 2 * 86400)
    return g_strdup (_("Yesterday"));
  if (delta < 31 * 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", delta / 86400),
                            (int) (delta / 86400));

  dt = g_date_time_new_from_unix_local (then);
  if (dt == NULL)
    return g_strdup (_("Unknown"));

  /* Translators: a date in the past, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/**
 * rapport_normalize_email:
 *
 * Returns: (transfer full) (nullable): @address trimmed and with its domain
 *   lowercased, or %NULL when it is empty
 */
char *
rapport_normalize_email (const char *address)
{
  g_autofree char *trimmed = NULL;
  char *at;

  if (address == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (address));
  if (trimmed[0] == '\0')
    return NULL;

  at = strrchr (trimmed, '@');
  if (at != NULL)
    {
      g_autofree char *domain = g_utf8_strdown (at + 1, -1);
      *at = '\0';
      return g_strconcat (trimmed, "@", domain, NULL);
    }

  return g_steal_pointer (&trimmed);
}

/**
 * rapport_email_is_valid:
 *
 * A deliberately loose check: one "@" with something on both sides, a dot in
 * the domain and no spaces. Mail servers decide the rest.
 */
gboolean
rapport_email_is_valid (const char *address)
{
  const char *at;

  if (address == NULL || strchr (address, ' ') != NULL)
    return FALSE;

  at = strchr (address, '@');
  if (at == NULL || at == address || strchr (at + 1, '@') != NULL)
    return FALSE;

  return strchr (at + 1, '.') != NULL && at[1] != '.' && address[strlen (address) - 1] != '.';
}

/**
 * rapport_format_count:
 *
 * Returns: (transfer full): @n grouped by thousands with the locale's
 *   separator, or "," where the locale has none ("1,204")
 */
char *
rapport_format_count (guint64 n)
{
  const struct lconv *conv = localeconv ();
  const char *separator = conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0'
                          ? conv->thousands_sep : ",";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  gsize length = strlen (digits);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}
