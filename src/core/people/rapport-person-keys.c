/* rapport-person-keys.c
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

#define G_LOG_DOMAIN "rapport-person-keys"

#include "config.h"

#include <string.h>

#include "rapport-person-keys-private.h"

/* Keys: the strings two records of one person are likely to share, each a
 * letter for its kind, ":", then the value. The duplicates engine
 * (rapport-duplicates.c) keeps them in member_keys and looks at the
 * members that share one; which kinds a pair shares says how sure it is.
 *
 *   n:ana silva             the whole name, folded (case, accents, dots)
 *   v:ana silva             the given name with one family name: "Ana
 *                           Silva Costa" has "ana silva" and "ana costa"
 *   l:a silva               an initial and a family name ("A. Silva")
 *   o:12|ana silva          a name at an organization
 *   e:anasilva@gmail.com    an address as its provider reads it: +tags
 *                           set aside, and the dots Gmail ignores
 *   d:acme.example|silva|a  a workplace's domain (an organization's), a family
 *                           name and an initial
 *   h:stardust42            a handle on any platform, letters and digits
 *   j:anasilva              a handle made of the name ("anasilva", "asilva",
 *                           "silvaana"): two Ana Silvas pick it alike, so it
 *                           says less than one of their own
 *   g:ana, f:silva          the given and the family name, counted to tell
 *                           how often a name turns up by chance
 *
 * Names of one word, handles under four characters and free-mail domains
 * say too little to be keys. */

#define MIN_HANDLE_LENGTH 4

/* Domains anyone can have an address at: sharing one says nothing. */
static const char * const free_mail_domains[] = {
  "163.com", "aol.com", "fastmail.com", "gmail.com", "gmx.com", "gmx.de",
  "gmx.net", "googlemail.com", "hey.com", "hotmail.com", "hotmail.co.uk",
  "hotmail.fr", "icloud.com", "live.com", "mail.com", "mail.ru", "me.com",
  "msn.com", "outlook.com", "pm.me", "proton.me", "protonmail.com", "qq.com",
  "web.de", "yahoo.co.jp", "yahoo.co.uk", "yahoo.com", "yahoo.fr", "yandex.ru",
  "zoho.com",
};

gboolean
_rapport_person_is_free_mail (const char *domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (free_mail_domains); i++)
    if (g_ascii_strcasecmp (domain, free_mail_domains[i]) == 0)
      return TRUE;

  return FALSE;
}

/* "Ana.Silva+forum@GoogleMail.com" → "anasilva@gmail.com". Every provider
 * of note delivers "+tag" to the address without it; Gmail also ignores
 * dots. */
char *
_rapport_person_canonical_email (const char *address)
{
  g_autofree char *lower = NULL;
  const char *at;
  const char *domain;
  GString *local;

  if (address == NULL || (at = strrchr (address, '@')) == NULL || at == address)
    return NULL;

  lower = g_utf8_strdown (address, -1);
  at = strrchr (lower, '@');
  domain = at + 1;
  if (g_str_equal (domain, "googlemail.com"))
    domain = "gmail.com";

  local = g_string_sized_new (at - lower);
  for (const char *p = lower; p < at; p++)
    {
      if (*p == '+' && local->len > 0)
        break;
      if (*p == '.' && g_str_equal (domain, "gmail.com"))
        continue;
      g_string_append_c (local, *p);
    }

  g_string_append_c (local, '@');
  g_string_append (local, domain);
  return g_string_free (local, FALSE);
}

/* The words of a folded name, without dots, commas or quotes:
 * "a. silva-costa" → "a", "silva-costa". */
static char **
split_name (const char *sort_name)
{
  g_autofree char *clean = g_strdup (sort_name != NULL ? sort_name : "");

  for (char *p = clean; *p != '\0'; p++)
    if (*p == '.' || *p == ',' || *p == '"' || *p == '\'' || *p == '(' || *p == ')')
      *p = ' ';

  return g_strsplit_set (g_strstrip (clean), " ", -1);
}

/* The letters and digits of a word, as handles spell them: "đặng" is
 * "dang". */
static char *
alnum (const char *word)
{
  /* Letters no Unicode decomposition takes apart, spelled as in handles. */
  static const struct {
    const char *letter;
    const char *ascii;
  } spelled[] = {
    { "đ", "d" }, { "ð", "d" }, { "ł", "l" }, { "ø", "o" }, { "ß", "ss" }, { "æ", "ae" },
    { "œ", "oe" }, { "þ", "th" }, { "ı", "i" }, { "ħ", "h" }, { "ŧ", "t" },
  };
  g_autoptr(GString) plain = NULL;
  g_autofree char *ascii = NULL;
  GString *out = g_string_new (NULL);

  if (g_str_is_ascii (word))
    ascii = g_strdup (word);
  else
    {
      plain = g_string_new (word);
      for (guint i = 0; i < G_N_ELEMENTS (spelled); i++)
        g_string_replace (plain, spelled[i].letter, spelled[i].ascii, 0);
      ascii = g_str_to_ascii (plain->str, "C");
    }

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

/* Whether @handle is one of the forms people make of their name:
 * "anasilva", "asilva", "ana", "silva", "silvaana", "anas" (@words: the
 * name's words, NULL-terminated as a GPtrArray's pdata). */
static gboolean
is_form_of (const char *handle,
            const char *given,
            const char *family)
{
  char *forms[5];
  gboolean made = g_str_equal (handle, family);

  if (given[0] == '\0' || family[0] == '\0')
    return FALSE;

  forms[0] = g_strconcat (given, family, NULL);
  forms[1] = g_strdup_printf ("%c%s", given[0], family);
  forms[2] = g_strconcat (family, given, NULL);
  forms[3] = g_strdup_printf ("%s%c", given, family[0]);
  forms[4] = g_strdup_printf ("%s%c", family, given[0]);
  /* With a number after it, as sites hand out taken names: "anasilva2". */
  for (guint f = 0; f < G_N_ELEMENTS (forms) && !made; f++)
    made = g_str_has_prefix (handle, forms[f]) &&
           strspn (handle + strlen (forms[f]), "0123456789") == strlen (handle + strlen (forms[f]));
  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    g_free (forms[f]);

  return made;
}

/* Whether @handle is one of the forms people make of their name:
 * "anasilva", "asilva", "ana", "silva", "silvaana", "anas", and with a
 * family name of several words "devriesfelix" for Felix de Vries
 * (@words: the name's words, NULL-terminated as a GPtrArray's pdata). */
static gboolean
is_made_of_name (const char *handle,
                 GPtrArray  *words)
{
  g_autofree char *given = NULL;
  guint n = words->len - 1;

  if (n < 1)
    return FALSE;

  given = alnum (g_ptr_array_index (words, 0));
  if (g_str_equal (handle, given))
    return TRUE;

  /* Every run of the words after the given name: "de", "vries", "devries". */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GString) family = g_string_new (NULL);

      for (guint j = i; j < n; j++)
        {
          g_autofree char *word = alnum (g_ptr_array_index (words, j));

          g_string_append (family, word);
          if (is_form_of (handle, given, family->str))
            return TRUE;
        }
    }

  return FALSE;
}

static void
add_key (GPtrArray  *keys,
         char        kind,
         const char *value)
{
  char *key = g_strdup_printf ("%c:%s", kind, value);

  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      {
        g_free (key);
        return;
      }

  g_ptr_array_add (keys, key);
}

/* member_keys keeps a key as a 64-bit number: FNV-1a of the text, with the
 * kind in the low byte. Six million keys collide with a chance of about
 * one in a million, and a collision only makes a pair worth a look. */
gint64
_rapport_person_key_hash (const char *key)
{
  guint64 hash = 0xcbf29ce484222325;

  for (const char *p = key; *p != '\0'; p++)
    {
      hash ^= (guchar) *p;
      hash *= 0x100000001b3;
    }

  return (gint64) ((hash & ~(guint64) 0xff) | (guchar) key[0]);
}

/* Adds the keys of @facts to @keys (strings, freed by the array). */
void
_rapport_person_keys_add (const RapportPersonFacts *facts,
                          GPtrArray                *keys)
{
  g_auto(GStrv) raw = split_name (facts->sort_name);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *name = NULL;
  const char *given;

  for (guint i = 0; raw[i] != NULL; i++)
    if (raw[i][0] != '\0')
      g_ptr_array_add (words, raw[i]);
  g_ptr_array_add (words, NULL);

  if (words->len >= 3)
    {
      given = g_ptr_array_index (words, 0);
      name = g_strjoinv (" ", (char **) words->pdata);
      /* A given name of one letter is an initial: "A. Silva" is no name
       * to match whole. */
      if (strlen (given) > 1)
        add_key (keys, RAPPORT_PERSON_KEY_NAME, name);

      for (guint i = 1; i + 1 < words->len; i++)
        {
          const char *family = g_ptr_array_index (words, i);
          g_autofree char *variant = NULL;
          g_autofree char *initial = NULL;

          if (strlen (family) < 2)
            continue;

          initial = g_strdup_printf ("%c %s", given[0], family);
          add_key (keys, RAPPORT_PERSON_KEY_INITIAL, initial);
          if (strlen (given) < 2)
            continue;

          /* For a name of two words, the name itself. */
          variant = g_strdup_printf ("%s %s", given, family);
          add_key (keys, RAPPORT_PERSON_KEY_VARIANT, variant);
          if (facts->organization_id > 0)
            {
              g_autofree char *at = g_strdup_printf ("%" G_GINT64_MODIFIER "d|%s",
                                                     facts->organization_id, variant);
              add_key (keys, RAPPORT_PERSON_KEY_ORG_NAME, at);
            }
        }
    }

  for (guint e = 0; facts->emails != NULL && facts->emails[e] != NULL; e++)
    {
      g_autofree char *canonical = _rapport_person_canonical_email (facts->emails[e]);
      const char *domain;

      if (canonical == NULL)
        continue;
      add_key (keys, RAPPORT_PERSON_KEY_EMAIL, canonical);

      /* A workplace's domain: one of an organization's, when the caller
       * knows them, else any that is not a mail provider's. */
      domain = strrchr (canonical, '@') + 1;
      if (words->len < 3 ||
          (facts->work_domains != NULL ? !g_hash_table_contains (facts->work_domains, domain)
                                       : _rapport_person_is_free_mail (domain)))
        continue;

      given = g_ptr_array_index (words, 0);
      for (guint i = 1; i + 1 < words->len; i++)
        {
          const char *family = g_ptr_array_index (words, i);
          g_autofree char *work = NULL;

          if (strlen (family) < 2)
            continue;
          work = g_strdup_printf ("%s|%s|%c", domain, family, given[0]);
          add_key (keys, RAPPORT_PERSON_KEY_DOMAIN, work);
        }
    }

  /* Counted, not matched: how common each part of the name is. */
  if (words->len >= 3 && strlen (g_ptr_array_index (words, 0)) > 1)
    {
      add_key (keys, RAPPORT_PERSON_KEY_GIVEN, g_ptr_array_index (words, 0));
      add_key (keys, RAPPORT_PERSON_KEY_FAMILY, g_ptr_array_index (words, words->len - 2));
    }

  for (guint h = 0; facts->handles != NULL && facts->handles[h] != NULL; h++)
    {
      g_autoptr(GString) handle = g_string_new (NULL);

      for (const char *p = facts->handles[h]; *p != '\0'; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (handle, g_ascii_tolower (*p));

      if (handle->len >= MIN_HANDLE_LENGTH)
        add_key (keys, is_made_of_name (handle->str, words) ? RAPPORT_PERSON_KEY_NAME_HANDLE : RAPPORT_PERSON_KEY_HANDLE,
                 handle->str);
    }
}
