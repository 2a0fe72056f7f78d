/* rapport-member-util.c
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

#define G_LOG_DOMAIN "rapport-member-util"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-member-util.h"
#include "rapport-platform.h"
#include "rapport-resources.h"

typedef struct
{
  const char *match;
  const char *icon_name;
  const char *label;
} ActivityKind;

/* Matched as substrings, first match wins: "pull-request-review" is a
 * review and "issue-comment" a comment, so the specific ones come first. */
static const ActivityKind kinds[] = {
  { "review", "document-edit-symbolic", N_("Review") },
  { "comment", "mail-reply-sender-symbolic", N_("Comment") },
  { "reply", "mail-reply-sender-symbolic", N_("Reply") },
  { "answer", "mail-reply-sender-symbolic", N_("Answer") },
  { "pull-request", "document-send-symbolic", N_("Pull request") },
  { "merge-request", "document-send-symbolic", N_("Merge request") },
  { "commit", "emblem-documents-symbolic", N_("Commit") },
  { "push", "emblem-documents-symbolic", N_("Push") },
  { "issue", "emblem-important-symbolic", N_("Issue") },
  { "release", "software-update-available-symbolic", N_("Release") },
  { "question", "help-faq-symbolic", N_("Question") },
  { "post", "mail-send-symbolic", N_("Post") },
  { "topic", "mail-send-symbolic", N_("Topic") },
  { "message", "user-available-symbolic", N_("Message") },
  { "reaction", "emblem-favorite-symbolic", N_("Reaction") },
  { "like", "emblem-favorite-symbolic", N_("Like") },
  { "star", "starred-symbolic", N_("Star") },
  { "talk", "x-office-presentation-symbolic", N_("Talk") },
  { "webinar", "x-office-presentation-symbolic", N_("Webinar") },
  { "attend", "x-office-calendar-symbolic", N_("Attended an event") },
  { "rsvp", "x-office-calendar-symbolic", N_("RSVP") },
  { "event", "x-office-calendar-symbolic", N_("Event") },
  { "join", "contact-new-symbolic", N_("Joined") },
  { "signup", "contact-new-symbolic", N_("Signed up") },
  { "blog", "text-editor-symbolic", N_("Blog post") },
  { "article", "text-editor-symbolic", N_("Article") },
  { "video", "camera-video-symbolic", N_("Video") },
};

/**
 * rapport_member_platform_list_known:
 *
 * Returns: (transfer none): the platform keys offered when adding an identity
 */
const char * const *
rapport_member_platform_list_known (void)
{
  static const char **keys;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      const RapportPlatform * const *all = rapport_platforms_get_all ();
      GPtrArray *offered = g_ptr_array_new ();

      for (guint i = 0; all[i] != NULL; i++)
        {
          if (rapport_platform_is_offered (all[i]))
            g_ptr_array_add (offered, (gpointer) rapport_platform_get_id (all[i]));
        }
      g_ptr_array_add (offered, NULL);
      keys = (const char **) g_ptr_array_free (offered, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return (const char * const *) keys;
}

/**
 * rapport_member_platform_get_name:
 *
 * Returns: the platform's display name ("GitHub"); an unknown key is shown
 *   as it is stored
 */
const char *
rapport_member_platform_get_name (const char *platform)
{
  const RapportPlatform *p = rapport_platform_lookup (platform);

  if (p == NULL)
    return platform ? platform : "";
  return rapport_platform_get_display_name (p);
}

const char *
rapport_member_platform_get_icon_name (const char *platform)
{
  const RapportPlatform *p = rapport_platform_lookup (platform);

  return p ? rapport_platform_get_icon_name (p) : "avatar-default-symbolic";
}

/**
 * rapport_member_platform_dup_profile_url:
 * @url: (nullable): the URL the store knows, if any
 *
 * Returns: (transfer full) (nullable): @url, or the public profile of
 *   @handle on a platform whose profile addresses are well known
 */
char *
rapport_member_platform_dup_profile_url (const char *platform,
                                         const char *handle,
                                         const char *url)
{
  const RapportPlatform *p;

  if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return g_strdup (url);

  p = rapport_platform_lookup (platform);
  if (p == NULL)
    return NULL;

  return rapport_platform_dup_profile_url (p, handle);
}

static char *
normalize_kind (const char *kind)
{
  char *key = g_ascii_strdown (kind ? kind : "", -1);

  g_strdelimit (key, "_ ", '-');
  return key;
}

static const ActivityKind *
find_kind (const char *kind)
{
  g_autofree char *key = normalize_kind (kind);

  if (g_str_equal (key, "pr") || g_str_equal (key, "mr"))
    return find_kind ("pull-request");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (strstr (key, kinds[i].match) != NULL)
        return &kinds[i];
    }

  return NULL;
}

const char *
rapport_member_activity_get_icon_name (const char *kind)
{
  const ActivityKind *k = find_kind (kind);

  return k ? k->icon_name : "media-record-symbolic";
}

/**
 * rapport_member_activity_dup_kind_label:
 *
 * Returns: (transfer full): "Pull request" for "pull_request"; an unknown
 *   kind with its dashes turned into spaces
 */
char *
rapport_member_activity_dup_kind_label (const char *kind)
{
  const ActivityKind *k = find_kind (kind);
  g_autofree char *key = NULL;
  g_autofree char *first = NULL;

  if (k != NULL)
    return g_strdup (_(k->label));

  key = normalize_kind (kind);
  if (key[0] == '\0')
    return g_strdup (_("Activity"));

  g_strdelimit (key, "-", ' ');
  first = g_utf8_strup (key, g_utf8_next_char (key) - key);
  return g_strconcat (first, g_utf8_next_char (key), NULL);
}

/**
 * rapport_member_format_day:
 *
 * Returns: (transfer full): a day heading: "Today", "Yesterday", "Monday 23
 *   November", or with the year when it is not this year's
 */
char *
rapport_member_format_day (gint64 time,
                           gint64 now)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  GDate day, this_day;
  int delta;

  if (dt == NULL || today == NULL)
    return g_strdup (_("Unknown date"));

  g_date_clear (&day, 1);
  g_date_clear (&this_day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  g_date_set_dmy (&this_day, g_date_time_get_day_of_month (today), g_date_time_get_month (today),
                  g_date_time_get_year (today));
  delta = g_date_days_between (&day, &this_day);

  if (delta == 0)
    return g_strdup (_("Today"));
  if (delta == 1)
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (dt) == g_date_time_get_year (today))
    /* Translators: a day heading in the activity timeline, see g_date_time_format() */
    return g_date_time_format (dt, _("%A %-e %B"));

  /* Translators: a day heading for a day in another year, see g_date_time_format() */
  return g_date_time_format (dt, _("%A %-e %B %Y"));
}

char *
rapport_member_format_date (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  if (dt == NULL)
    return g_strdup (_("Unknown date"));

  /* Translators: a full date, see g_date_time_format() */
  return g_date_time_format (dt, _("%-e %B %Y"));
}

/* The desktop's clock format ("12h" or "24h") through the Settings portal,
 * which is how a sandboxed app reads it; %NULL without a portal. */
static char *
dup_portal_clock_format (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  if (bus == NULL)
    return NULL;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                                       "org.freedesktop.portal.Settings", "Read",
                                       g_variant_new ("(ss)", "org.gnome.desktop.interface", "clock-format"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (reply == NULL)
    return NULL;

  /* Older portals wrap the value in a second variant. */
  g_variant_get (reply, "(v)", &value);
  while (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *inner = g_variant_get_variant (value);

      g_variant_unref (value);
      value = inner;
    }

  return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ? g_variant_dup_string (value, NULL) : NULL;
}

/* GNOME's clock format, as the top bar shows it: from the Settings portal
 * in the Flatpak (read once), from GSettings outside it (read each time,
 * so a change shows in what is drawn next); where neither knows, the
 * locale decides. */
static gboolean
use_12_hour_clock (void)
{
  static GSettings *interface;
  static char *portal_format;
  static gsize initialized;
  g_autofree char *format = NULL;

  if (g_once_init_enter (&initialized))
    {
      if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
        portal_format = dup_portal_clock_format ();
      else
        {
          GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
          g_autoptr(GSettingsSchema) schema = NULL;

          if (source != NULL)
            schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
          if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
            interface = g_settings_new_full (schema, NULL, NULL);
        }
      g_once_init_leave (&initialized, 1);
    }

  if (portal_format != NULL)
    return g_str_equal (portal_format, "12h");
  if (interface != NULL)
    {
      format = g_settings_get_string (interface, "clock-format");
      return g_str_equal (format, "12h");
    }

  {
    g_autoptr(GDateTime) noon = g_date_time_new_local (2000, 1, 1, 12, 0, 0);
    g_autofree char *am_pm = g_date_time_format (noon, "%p");

    return am_pm != NULL && am_pm[0] != '\0';
  }
}

/**
 * rapport_format_clock:
 *
 * Returns: (transfer full): the time of day of @dt, "14:30" or "2:30 PM"
 *   as the desktop's clock shows it
 */
char *
rapport_format_clock (GDateTime *dt)
{
  if (use_12_hour_clock ())
    /* Translators: a time of day on a 12-hour clock, see the strftime manual; e.g. "2:30 PM" */
    return g_date_time_format (dt, _("%-l:%M %p"));

  /* Translators: a time of day on a 24-hour clock, see the strftime manual; e.g. "14:30" */
  return g_date_time_format (dt, _("%H:%M"));
}

char *
rapport_member_format_time_of_day (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  if (dt == NULL)
    return g_strdup ("");

  return rapport_format_clock (dt);
}

/**
 * rapport_member_dup_author_name:
 *
 * Returns: (transfer full): the name written on new notes: the author-name
 *   setting, or the account's real name when it is empty
 */
char *
rapport_member_dup_author_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *real_name;

  /* Look the schema up first: g_settings_new() aborts when it is missing,
   * and a missing schema must not cost the user their note. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *name = g_settings_get_string (settings, "author-name");

      g_strstrip (name);
      if (name[0] != '\0')
        return g_steal_pointer (&name);
    }

  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && !g_str_equal (real_name, "Unknown"))
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

/**
 * rapport_member_ensure_resources:
 *
 * Makes sure the UI resources are registered before a template is read
 * from them. They live in a static library, and register themselves only
 * if something references them; the application does, but a page shown
 * without it (in a test) must too.
 */
void
rapport_member_ensure_resources (void)
{
  g_assert (rapport_get_resource () != NULL);
}

/**
 * rapport_member_ensure_style:
 *
 * Loads the member page's few style rules once. They use libadwaita's named
 * colours, so dark mode follows.
 */
void
rapport_member_ensure_style (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/member-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * rapport_member_set_icon:
 *
 * Shows @icon_name, or a generic icon when the icon theme lacks it (newer
 * Adwaita themes dropped some legacy names).
 */
void
rapport_member_set_icon (GtkImage   *image,
                         const char *icon_name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (image)));

  if (icon_name == NULL || !gtk_icon_theme_has_icon (theme, icon_name))
    icon_name = "media-record-symbolic";

  gtk_image_set_from_icon_name (image, icon_name);
}

/**
 * rapport_member_label_button:
 *
 * Gives an icon-only button its tooltip and accessible name.
 */
void
rapport_member_label_button (GtkWidget  *button,
                             const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * rapport_member_show_error:
 * @label: the error label under a group
 * @field: (nullable): the row whose value was refused
 *
 * Shows why a change was refused, next to where it was made.
 */
void
rapport_member_show_error (GtkLabel     *label,
                           GtkWidget    *field,
                           const GError *error)
{
  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);

  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, error->message);
    }
}

void
rapport_member_clear_error (GtkLabel  *label,
                            GtkWidget *field)
{
  if (label != NULL)
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
    }

  if (field != NULL && gtk_widget_has_css_class (field, "error"))
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, NULL);
    }
}

void
rapport_member_open_uri (GtkWidget  *widget,
                         const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  g_return_if_fail (uri != NULL);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/**
 * rapport_list_box_remove_rows:
 *
 * Removes every row of @list and keeps its placeholder, which removing
 * every child would take away with them (GTK 4.8 has no
 * gtk_list_box_remove_all()).
 */
void
rapport_list_box_remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
