/* test-manifest.c
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

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define MANIFEST_NAME APP_ID ".json"

/* Flathub treats these as errors (finish-args-*), and Rapport needs none of
 * them: files come through the file chooser portal and secrets through the
 * Secret portal. */
static const char * const forbidden_args[] = {
  "--filesystem=home",
  "--filesystem=home:ro",
  "--filesystem=home:rw",
  "--filesystem=host",
  "--filesystem=host:ro",
  "--filesystem=host:rw",
  "--filesystem=host-os",
  "--filesystem=host-etc",
  "--socket=session-bus",
  "--socket=system-bus",
  "--socket=x11",
  "--talk-name=org.freedesktop.secrets",
  "--talk-name=ca.desrt.dconf",
};

static const char * const required_args[] = {
  "--socket=wayland",
  "--socket=fallback-x11",
  "--share=ipc",
  "--device=dri",
};

/* Records one problem and keeps checking, so one run lists them all. */
G_GNUC_PRINTF (1, 2)
static void
fail_printf (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("%s", message);
  g_test_fail_printf ("%s", message);
}

static char *
manifest_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "flatpak", MANIFEST_NAME, NULL);
}

static JsonParser *
load_manifest (void)
{
  g_autofree char *path = manifest_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return g_steal_pointer (&parser);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("The manifest has no “%s”", name);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("“%s” in the manifest is not a string", name);

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("The manifest has no “%s”", name);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    g_error ("“%s” in the manifest is not an array", name);

  return json_node_get_array (node);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
find_module (JsonArray  *modules,
             const char *name,
             guint      *position)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      JsonObject *module;

      /* A module may also be a path to a separate JSON file. */
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      module = json_node_get_object (node);
      if (g_strcmp0 (get_string (module, "name"), name) == 0)
        {
          if (position != NULL)
            *position = i;
          return module;
        }
    }

  return NULL;
}

/* Flathub's JSON style: 4-space indentation, LF line endings, a trailing
 * newline and no trailing commas (JSON parsers disagree about those). */
static void
test_manifest_format (void)
{
  g_autofree char *path = manifest_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_null (strchr (contents, '\r'));
  g_assert_null (strchr (contents, '\t'));
  g_assert_cmpint (contents[length - 1], ==, '\n');

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize indent = strspn (line, " ");
      gsize len = strlen (line);

      if (indent % 4 != 0)
        fail_printf ("%s:%u: indented by %" G_GSIZE_FORMAT " spaces, not a multiple of 4",
                     MANIFEST_NAME, i + 1, indent);
      if (len > 0 && line[len - 1] == ' ')
        fail_printf ("%s:%u: trailing space", MANIFEST_NAME, i + 1);

      /* A line ending in a comma must not be followed by a closing bracket. */
      if (len > 0 && line[len - 1] == ',' && lines[i + 1] != NULL)
        {
          const char *next = lines[i + 1] + strspn (lines[i + 1], " ");

          if (next[0] == '}' || next[0] == ']')
            fail_printf ("%s:%u: trailing comma", MANIFEST_NAME, i + 1);
        }
    }
}

static void
test_manifest_app (void)
{
  g_autoptr(JsonParser) parser = load_manifest ();
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  const char *runtime_version;
  guint64 version = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (get_string (root, "id"), ==, "io.github.rapport_crm.Rapport");
  g_assert_cmpstr (get_string (root, "id"), ==, APP_ID);
  g_assert_cmpstr (get_string (root, "command"), ==, "rapport");
  g_assert_cmpstr (get_string (root, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (get_string (root, "sdk"), ==, "org.gnome.Sdk");

  /* Older branches are end-of-life, which Flathub refuses. */
  runtime_version = get_string (root, "runtime-version");
  g_ascii_string_to_unsigned (runtime_version, 10, 0, G_MAXUINT, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (version, >=, 47);

  /* Flathub sets the branch itself. */
  g_assert_false (json_object_has_member (root, "branch"));
}

static void
test_manifest_finish_args (void)
{
  g_autoptr(JsonParser) parser = load_manifest ();
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *args = get_array (root, "finish-args");

  for (guint i = 0; i < G_N_ELEMENTS (required_args); i++)
    {
      if (!array_has_string (args, required_args[i]))
        fail_printf ("finish-args lacks %s", required_args[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (forbidden_args); i++)
    {
      if (array_has_string (args, forbidden_args[i]))
        fail_printf ("finish-args must not contain %s", forbidden_args[i]);
    }

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      g_assert_nonnull (arg);
      if (g_str_has_prefix (arg, "--talk-name=org.freedesktop.portal.") ||
          g_str_has_prefix (arg, "--own-name=" APP_ID))
        fail_printf ("finish-args must not contain %s", arg);
    }
}

static void
test_manifest_modules (void)
{
  g_autoptr(JsonParser) parser = load_manifest ();
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *modules = get_array (root, "modules");
  JsonObject *libical;
  JsonObject *rapport;
  JsonArray *sources;
  JsonObject *source;
  guint libical_pos = 0;
  guint rapport_pos = 0;
  guint n_modules = json_array_get_length (modules);

  g_assert_cmpuint (n_modules, >=, 2);

  /* The GNOME runtime does not ship libical. */
  libical = find_module (modules, "libical", &libical_pos);
  g_assert_nonnull (libical);
  g_assert_cmpstr (get_string (libical, "buildsystem"), ==, "cmake-ninja");

  sources = get_array (libical, "sources");
  g_assert_cmpuint (json_array_get_length (sources), >=, 1);
  source = json_array_get_object_element (sources, 0);
  g_assert_nonnull (source);
  g_assert_cmpstr (get_string (source, "type"), ==, "archive");
  g_assert_true (g_str_has_prefix (get_string (source, "url"), "https://"));
  g_assert_cmpuint (strlen (get_string (source, "sha256")), ==, 64);
  g_assert_cmpuint (strspn (get_string (source, "sha256"), "0123456789abcdef"), ==, 64);

  rapport = find_module (modules, "rapport", &rapport_pos);
  g_assert_nonnull (rapport);
  g_assert_cmpuint (rapport_pos, ==, n_modules - 1);
  g_assert_cmpuint (libical_pos, <, rapport_pos);
  g_assert_cmpstr (get_string (rapport, "buildsystem"), ==, "meson");
  g_assert_cmpuint (json_array_get_length (get_array (rapport, "sources")), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/data/manifest/format", test_manifest_format);
  g_test_add_func ("/rapport/data/manifest/app", test_manifest_app);
  g_test_add_func ("/rapport/data/manifest/finish-args", test_manifest_finish_args);
  g_test_add_func ("/rapport/data/manifest/modules", test_manifest_modules);

  return g_test_run ();
}
