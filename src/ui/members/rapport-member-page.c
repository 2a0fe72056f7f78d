/* rapport-member-page.c
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

#define G_LOG_DOMAIN "rapport-member-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clock.h"
#include "rapport-connector.h"
#include "rapport-context.h"
#include "rapport-member-engagement.h"
#include "rapport-member-identities.h"
#include "rapport-member-notes.h"
#include "rapport-member-page.h"
#include "rapport-member-tags.h"
#include "rapport-member-timeline.h"
#include "rapport-member-util.h"
#include "rapport-member.h"
#include "rapport-remote-fields.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* The fields the Details group edits, in the order of its rows. */
typedef enum
{
  FIELD_NAME,
  FIELD_EMAIL,
  FIELD_ORGANIZATION,
  FIELD_TITLE,
  FIELD_LOCATION,
  FIELD_PHONE,
  FIELD_TIMEZONE,
  N_FIELDS
} Field;

struct _RapportMemberPage
{
  GtkWidget                parent_instance;

  RapportContext          *context;
  RapportStore            *store;
  gint64                   member_id;
  /* The member as last read, to tell what a change touched. */
  RapportMember           *member;
  guint                    refresh_source;

  GtkStack                *stack;
  GtkScrolledWindow       *scroller;
  AdwAvatar               *avatar;
  GtkLabel                *name_label;
  GtkLabel                *role_label;
  GtkLabel                *location_label;
  GtkLabel                *stage_label;
  GtkLabel                *stats_label;
  GtkToggleButton         *edit_button;
  GtkWidget               *details_group;
  GtkWidget               *details_done_button;
  AdwButtonContent        *edit_content;
  GtkStack                *details_stack;
  GtkListBox              *view_list;
  GtkListBox              *emails_list;
  AdwEntryRow             *add_email_row;
  GtkLabel                *fields_error;
  GtkLabel                *emails_error;
  AdwEntryRow             *name_row;
  AdwEntryRow             *email_row;
  AdwEntryRow             *organization_row;
  AdwEntryRow             *title_row;
  AdwEntryRow             *location_row;
  AdwEntryRow             *phone_row;
  AdwEntryRow             *timezone_row;
  AdwEntryRow             *field_rows[N_FIELDS];
  /* Field → the name of the platform that owns it ("HubSpot"), from the
   * last sync; such fields are marked, since the next sync overwrites them. */
  GHashTable              *remote_fields;
  GHashTable              *remote_values;
  GtkWidget               *remote_marks[N_FIELDS];
  RapportMemberEngagement *engagement;
  RapportMemberIdentities *identities;
  RapportMemberTags       *tags;
  RapportMemberNotes      *notes;
  RapportMemberTimeline   *timeline;
};

G_DEFINE_FINAL_TYPE (RapportMemberPage, rapport_member_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MEMBER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
get_field (RapportMember *member,
           Field          field)
{
  switch (field)
    {
    case FIELD_NAME:
      return rapport_member_get_name (member);
    case FIELD_EMAIL:
      return rapport_member_get_email (member);
    case FIELD_ORGANIZATION:
      return rapport_member_get_organization (member);
    case FIELD_TITLE:
      return rapport_member_get_title (member);
    case FIELD_LOCATION:
      return rapport_member_get_location (member);
    case FIELD_PHONE:
      return rapport_member_get_phone (member);
    case FIELD_TIMEZONE:
      return rapport_member_get_timezone (member);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_field (RapportMember *member,
           Field          field,
           const char    *value)
{
  switch (field)
    {
    case FIELD_NAME:
      rapport_member_set_name (member, value);
      break;
    case FIELD_EMAIL:
      rapport_member_set_email (member, value);
      break;
    case FIELD_ORGANIZATION:
      rapport_member_set_organization (member, value);
      break;
    case FIELD_TITLE:
      rapport_member_set_title (member, value);
      break;
    case FIELD_LOCATION:
      rapport_member_set_location (member, value);
      break;
    case FIELD_PHONE:
      rapport_member_set_phone (member, value);
      break;
    case FIELD_TIMEZONE:
      rapport_member_set_timezone (member, value);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

/* Header */

static void
update_header (RapportMemberPage *self)
{
  RapportMember *member = self->member;
  const char *title = rapport_member_get_title (member);
  const char *organization = rapport_member_get_organization (member);
  const char *location = rapport_member_get_location (member);
  const char *stage = rapport_member_get_stage (member);
  gint64 count = rapport_member_get_activity_count (member);
  gint64 last_active = rapport_member_get_last_active_at (member);
  double score = rapport_member_get_score (member);
  gint64 now = rapport_now_unix ();
  g_autoptr(GStrvBuilder) stats = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *role = NULL;
  g_autofree char *stats_text = NULL;

  gtk_label_set_text (self->name_label, rapport_member_get_name (member));
  adw_avatar_set_text (self->avatar, rapport_member_get_name (member));

  if (has_text (title) && has_text (organization))
    /* Translators: a member's job, "Developer Advocate at Lumen Labs" */
    role = g_strdup_printf (_("%s at %s"), title, organization);
  else if (has_text (title))
    role = g_strdup (title);
  else if (has_text (organization))
    role = g_strdup (organization);
  gtk_label_set_text (self->role_label, role ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL);

  gtk_label_set_text (self->location_label, has_text (location) ? location : "");
  gtk_widget_set_visible (GTK_WIDGET (self->location_label), has_text (location));

  gtk_label_set_text (self->stage_label, has_text (stage) ? stage : "");
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), has_text (stage));

  if (score > 0)
    {
      /* Translators: the member's engagement score */
      g_autofree char *text = g_strdup_printf (_("Score %.0f"), score);
      g_strv_builder_add (stats, text);
    }

  if (count > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%'" G_GINT64_FORMAT " activity",
                                                            "%'" G_GINT64_FORMAT " activities",
                                                            count),
                                               count);
      g_strv_builder_add (stats, text);
    }

  if (last_active > 0)
    {
      g_autofree char *when = rapport_format_relative_time (last_active, now);
      /* Translators: "Last active: 3 days ago"; the time comes from rapport_format_relative_time() */
      g_autofree char *text = g_strdup_printf (_("Last active: %s"), when);
      g_strv_builder_add (stats, text);
    }
  else
    {
      g_strv_builder_add (stats, _("No activity yet"));
    }

  parts = g_strv_builder_end (stats);
  stats_text = g_strjoinv (" · ", parts);
  gtk_label_set_text (self->stats_label, stats_text);
}

/* Details, read-only */

static GtkWidget *
create_detail_row (const char *icon_name,
                   const char *value,
                   const char *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();

  /* Values are the user's data: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
  rapport_member_set_icon (GTK_IMAGE (icon), icon_name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static GtkWidget *
add_detail_row (RapportMemberPage *self,
                const char        *icon_name,
                const char        *value,
                const char        *label)
{
  GtkWidget *row;

  if (!has_text (value))
    return NULL;

  row = create_detail_row (icon_name, value, label);
  gtk_list_box_append (self->view_list, row);
  return row;
}

/* Synced fields */

/* The member table's names of the Details rows' fields, as platforms
 * record them in member_remote_fields; NULL for fields no platform owns. */
static const char *
get_remote_key (Field field)
{
  switch (field)
    {
    case FIELD_NAME:
      return "name";
    case FIELD_EMAIL:
      return "email";
    case FIELD_ORGANIZATION:
      return "organization";
    case FIELD_TITLE:
      return "title";
    case FIELD_PHONE:
      return "phone";
    case FIELD_LOCATION:
    case FIELD_TIMEZONE:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static GtkWidget *
create_remote_mark (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, FALSE);

  return label;
}

static void
set_remote_mark (GtkWidget  *mark,
                 const char *service)
{
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (mark, service != NULL);
  if (service == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (mark), service);
  /* Translators: %s is a service, "Synced from HubSpot" */
  tooltip = g_strdup_printf (_("Synced from %s"), service);
  gtk_widget_set_tooltip_text (mark, tooltip);
}

static void
mark_remote_row (RapportMemberPage *self,
                 GtkWidget         *row,
                 const char        *key)
{
  const char *service;
  GtkWidget *mark;

  if (row == NULL || (service = g_hash_table_lookup (self->remote_fields, key)) == NULL)
    return;

  mark = create_remote_mark ();
  set_remote_mark (mark, service);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
}

/* Reads which fields each platform owns; a platform's own values of
 * fields without a member column (HubSpot's lifecycle stage) too. */
static void
load_remote_fields (RapportMemberPage *self)
{
  const char * const *ids = rapport_connector_list_ids ();

  g_hash_table_remove_all (self->remote_fields);
  g_hash_table_remove_all (self->remote_values);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GHashTable) fields = NULL;
      g_autoptr(RapportConnector) connector = NULL;
      g_autoptr(GError) error = NULL;
      GHashTableIter iter;
      gpointer key, value;

      fields = rapport_remote_fields_load (self->store, self->member_id, ids[i], &error);
      if (fields == NULL)
        {
          g_warning ("Could not read member %" G_GINT64_FORMAT "’s synced fields: %s",
                     self->member_id, error->message);
          continue;
        }
      if (g_hash_table_size (fields) == 0)
        continue;

      connector = rapport_connector_new_for_id (ids[i]);
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_hash_table_insert (self->remote_fields, g_strdup (key),
                               g_strdup (rapport_connector_get_display_name (connector)));
          g_hash_table_insert (self->remote_values, g_strdup (key), g_strdup (value));
        }
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      const char *key = get_remote_key (f);

      if (self->remote_marks[f] != NULL)
        set_remote_mark (self->remote_marks[f],
                         key != NULL ? g_hash_table_lookup (self->remote_fields, key) : NULL);
    }
}

/* The fields in the header (name, organization, title) cannot carry a
 * mark: one row says which fields a platform owns, and where to edit them. */
static void
add_remote_summary_row (RapportMemberPage *self)
{
  static const struct {
    const char *key;
    const char *label;
  } names[] = {
    { "name", N_("name") },
    { "email", N_("email") },
    { "organization", N_("organization") },
    { "title", N_("title") },
    { "phone", N_("phone") },
    { "lifecycle_stage", N_("lifecycle stage") },
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) owned = NULL;
  g_autofree char *list = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *service = NULL;
  const char *lifecycle;
  GtkWidget *row;
  GtkWidget *icon;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *owner = g_hash_table_lookup (self->remote_fields, names[i].key);

      if (owner == NULL)
        continue;
      service = owner;
      g_strv_builder_add (builder, _(names[i].label));
    }
  if (service == NULL)
    return;

  owned = g_strv_builder_end (builder);
  /* Translators: the separator in a list of fields, "name, email, phone" */
  list = g_strjoinv (_(", "), owned);

  lifecycle = g_hash_table_lookup (self->remote_values, "lifecycle_stage");
  if (has_text (lifecycle))
    {
      row = create_detail_row ("emblem-synchronizing-symbolic", lifecycle, _("Lifecycle Stage"));
      mark_remote_row (self, row, "lifecycle_stage");
      gtk_list_box_append (self->view_list, row);
    }

  /* Translators: %s is a service, "Synced from HubSpot" */
  title = g_strdup_printf (_("Synced from %s"), service);
  /* Translators: the first %s lists fields, "name, email, phone"; the second is a service */
  subtitle = g_strdup_printf (_("Fields: %s. Change them in %s; the next sync replaces edits made here."),
                              list, service);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  icon = gtk_image_new_from_icon_name ("emblem-synchronizing-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->view_list, row);
}

static void
update_view_list (RapportMemberPage *self)
{
  RapportMember *member = self->member;
  g_auto(GStrv) emails = rapport_store_list_emails (self->store, self->member_id);
  g_auto(GStrv) custom_keys = rapport_member_dup_custom_keys (member);

  rapport_list_box_remove_rows (self->view_list);

  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    {
      GtkWidget *row = create_detail_row ("mail-unread-symbolic", emails[i],
                                          i == 0 ? _("Email") : _("Other Email"));
      g_autofree char *uri = g_strconcat ("mailto:", emails[i], NULL);
      const char *remote_email = g_hash_table_lookup (self->remote_values, "email");

      if (remote_email != NULL && g_ascii_strcasecmp (remote_email, emails[i]) == 0)
        mark_remote_row (self, row, "email");

      gtk_widget_set_tooltip_text (row, _("Write an email"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "rapport-url", g_steal_pointer (&uri), g_free);
      gtk_list_box_append (self->view_list, row);
    }

  mark_remote_row (self, add_detail_row (self, "call-start-symbolic", rapport_member_get_phone (member),
                                        _("Phone")),
                   "phone");
  /* The location is in the header already. */
  add_detail_row (self, "preferences-system-time-symbolic", rapport_member_get_timezone (member),
                  _("Time Zone"));

  if (rapport_member_get_joined_at (member) > 0)
    {
      g_autofree char *joined = rapport_member_format_date (rapport_member_get_joined_at (member));
      add_detail_row (self, "x-office-calendar-symbolic", joined, _("Joined"));
    }

  add_detail_row (self, "document-open-recent-symbolic", rapport_member_get_source (member), _("Source"));

  for (guint i = 0; custom_keys != NULL && custom_keys[i] != NULL; i++)
    add_detail_row (self, "view-list-bullet-symbolic",
                    rapport_member_get_custom (member, custom_keys[i]), custom_keys[i]);

  add_remote_summary_row (self);
}

static void
on_view_list_row_activated_cb (RapportMemberPage *self,
                               GtkListBoxRow     *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "rapport-url");

  if (uri != NULL)
    rapport_member_open_uri (GTK_WIDGET (self), uri);
}

/* Details, editable */

static gboolean
is_editing (GtkWidget *row)
{
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static gboolean
is_dirty (AdwEntryRow *row)
{
  const char *loaded = g_object_get_data (G_OBJECT (row), "rapport-loaded");

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), loaded ? loaded : "") != 0;
}

static void
set_loaded (AdwEntryRow *row,
            const char  *value)
{
  g_object_set_data_full (G_OBJECT (row), "rapport-loaded", g_strdup (value ? value : ""), g_free);
}

/* Hides the error under the fields once no field is in error. */
static void
update_fields_error (RapportMemberPage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (self->field_rows[i]), "error"))
        return;
    }

  rapport_member_clear_error (self->fields_error, NULL);
}

/* Fills the entry rows from the member. Unless @force, a row the user is
 * in, or has typed into without applying, keeps its text. */
static void
load_field_rows (RapportMemberPage *self,
                 gboolean           force)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      AdwEntryRow *row = self->field_rows[i];
      const char *value = self->member ? get_field (self->member, i) : NULL;

      if (!force && (is_editing (GTK_WIDGET (row)) || is_dirty (row)))
        continue;

      set_loaded (row, value);
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      rapport_member_clear_error (NULL, GTK_WIDGET (row));
    }

  update_fields_error (self);
}

static GtkWidget *
create_email_row (const char *address)
{
  /* Translators: the accessible name of a remove button */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), address);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), address);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.remove-email");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", address);
  gtk_widget_set_tooltip_text (button, _("Remove Email Address"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_emails_list (RapportMemberPage *self)
{
  g_auto(GStrv) emails = rapport_store_list_emails (self->store, self->member_id);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->emails_list))) != GTK_WIDGET (self->add_email_row))
    gtk_list_box_remove (self->emails_list, child);

  /* The first address is the primary one, edited in the Email row. */
  for (guint i = 1; emails != NULL && emails[i] != NULL; i++)
    gtk_list_box_insert (self->emails_list, create_email_row (emails[i]), i - 1);
}

static Field
find_field (RapportMemberPage *self,
            AdwEntryRow       *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->field_rows[i] == row)
        return i;
    }

  return N_FIELDS;
}

static void
on_field_row_apply_cb (RapportMemberPage *self,
                       AdwEntryRow       *row)
{
  Field field = find_field (self, row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (field < N_FIELDS);

  if (self->store == NULL || self->member_id <= 0)
    return;

  /* Read the member afresh so the update carries everyone else's latest
   * changes, not the values this page last saw. */
  member = rapport_store_get_member (self->store, self->member_id, &error);
  if (member == NULL)
    {
      rapport_member_show_error (self->fields_error, GTK_WIDGET (row), error);
      return;
    }

  set_field (member, field, has_text (text) ? text : NULL);
  if (!rapport_store_update_member (self->store, member, &error))
    {
      rapport_member_show_error (self->fields_error, GTK_WIDGET (row), error);
      return;
    }

  set_loaded (row, gtk_editable_get_text (GTK_EDITABLE (row)));
  rapport_member_clear_error (NULL, GTK_WIDGET (row));
  update_fields_error (self);
}

static void
on_field_row_changed_cb (RapportMemberPage *self,
                         GtkEditable       *editable)
{
  rapport_member_clear_error (NULL, GTK_WIDGET (editable));
  update_fields_error (self);
}

static void
on_add_email_row_apply_cb (RapportMemberPage *self,
                           AdwEntryRow       *row)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->member_id <= 0)
    return;

  if (!rapport_store_add_email (self->store, self->member_id,
                                gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      rapport_member_show_error (self->emails_error, GTK_WIDGET (row), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  rapport_member_clear_error (self->emails_error, GTK_WIDGET (row));
  update_emails_list (self);
}

static void
on_add_email_row_changed_cb (RapportMemberPage *self,
                             GtkEditable       *editable)
{
  rapport_member_clear_error (self->emails_error, GTK_WIDGET (editable));
}

static void
remove_email_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->member_id <= 0)
    return;

  if (!rapport_store_remove_email (self->store, self->member_id,
                                   g_variant_get_string (parameter, NULL), &error))
    {
      rapport_member_show_error (self->emails_error, NULL, error);
      return;
    }

  rapport_member_clear_error (self->emails_error, NULL);
  update_emails_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_email_row));
}

/* Edit is at the top; on a small screen the rows it opens are below the
 * fold, so bring them up. */
static void
scroll_to_details (RapportMemberPage *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;
  double value = gtk_adjustment_get_value (vadjustment);
  double page_size = gtk_adjustment_get_page_size (vadjustment);

  if (!gtk_widget_compute_point (self->details_group, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  if (point.y < value || point.y > value + page_size / 2)
    gtk_adjustment_set_value (vadjustment, MAX (point.y - 12, 0));
}

static void
on_edit_button_toggled_cb (RapportMemberPage *self,
                           GtkToggleButton   *button)
{
  gboolean editing = gtk_toggle_button_get_active (button);

  /* Leaving edit mode drops what was typed and not applied. */
  load_field_rows (self, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->add_email_row), "");
  rapport_member_clear_error (self->emails_error, GTK_WIDGET (self->add_email_row));

  gtk_stack_set_visible_child_name (self->details_stack, editing ? "edit" : "view");
  /* A second way out, next to the rows, when Edit has scrolled away. */
  gtk_widget_set_visible (self->details_done_button, editing);
  adw_button_content_set_label (self->edit_content, editing ? _("_Done") : _("_Edit"));
  adw_button_content_set_icon_name (self->edit_content,
                                    editing ? "object-select-symbolic" : "document-edit-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               editing ? _("Stop editing the details") : _("Edit the details"));

  if (editing)
    scroll_to_details (self);
}

static void
on_details_done_button_clicked_cb (RapportMemberPage *self,
                                   GtkButton         *button)
{
  gtk_toggle_button_set_active (self->edit_button, FALSE);
}

/* Refreshing */

static void
show_empty (RapportMemberPage *self)
{
  g_clear_object (&self->member);
  gtk_toggle_button_set_active (self->edit_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-note", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.merge", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", FALSE);
}

/* Reads the member and shows it. With @children, the sections that read
 * their own rows (identities, tags, notes, timeline) read them again too. */
static void
refresh (RapportMemberPage *self,
         gboolean           children)
{
  g_autoptr(RapportMember) member = NULL;
  gboolean timeline_changed;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->store == NULL || self->member_id <= 0)
    {
      show_empty (self);
      return;
    }

  member = rapport_store_get_member (self->store, self->member_id, NULL);
  if (member == NULL)
    {
      /* Deleted: an Undo brings it back through the same path. */
      show_empty (self);
      return;
    }

  timeline_changed = self->member == NULL ||
                     rapport_member_get_activity_count (self->member) != rapport_member_get_activity_count (member) ||
                     rapport_member_get_last_active_at (self->member) != rapport_member_get_last_active_at (member);
  g_set_object (&self->member, member);

  update_header (self);
  load_remote_fields (self);
  update_view_list (self);
  update_emails_list (self);
  load_field_rows (self, FALSE);

  if (children)
    {
      rapport_member_identities_refresh (self->identities);
      rapport_member_tags_refresh (self->tags);
      rapport_member_notes_refresh (self->notes);
      if (timeline_changed)
        rapport_member_timeline_refresh (self->timeline);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-note", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.merge", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "member");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RapportMemberPage *self = data;

  self->refresh_source = 0;
  refresh (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportMemberPage *self)
{
  if (self->member_id <= 0)
    return;

  /* Connected for members: every change to a member's emails, identities,
   * tags, notes or activities also announces the member, so this is the
   * one to watch. One operation announces several rows: refresh once, when
   * idle. */
  if (kind == RAPPORT_CHANGE_RELOAD || row_id == self->member_id)
    {
      if (self->refresh_source == 0)
        self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
    }
}

/* Actions */

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (widget);

  rapport_member_notes_start_new_note (self->notes);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (widget);

  /* The window opens the Duplicates window, merging by hand from here. */
  if (self->member_id > 0)
    gtk_widget_activate_action (widget, "win.merge-member", "x", self->member_id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (widget);

  /* The window owns deletion, so it can offer Undo in a toast. */
  if (self->member_id > 0)
    gtk_widget_activate_action (widget, "win.delete-member", "x", self->member_id);
}

/* GObject */

static void
rapport_member_page_constructed (GObject *object)
{
  RapportMemberPage *self = (RapportMemberPage *)object;

  G_OBJECT_CLASS (rapport_member_page_parent_class)->constructed (object);

  if (self->context != NULL)
    {
      self->store = g_object_ref (rapport_context_get_store (self->context));
      g_signal_connect_object (self->store, "changed::members",
                               G_CALLBACK (on_store_changed_cb), self, 0);
    }

  /* The sections show the same community. */
  rapport_member_engagement_set_context (self->engagement, self->context);
  rapport_member_identities_set_context (self->identities, self->context);
  rapport_member_tags_set_context (self->tags, self->context);
  rapport_member_notes_set_context (self->notes, self->context);
  rapport_member_timeline_set_context (self->timeline, self->context);

  refresh (self, FALSE);
}

static void
rapport_member_page_dispose (GObject *object)
{
  RapportMemberPage *self = (RapportMemberPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEMBER_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->member);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->remote_fields, g_hash_table_unref);
  g_clear_pointer (&self->remote_values, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_member_page_parent_class)->dispose (object);
}

static void
rapport_member_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_MEMBER_ID:
      rapport_member_page_set_member_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_page_class_init (RapportMemberPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_member_page_constructed;
  object_class->dispose = rapport_member_page_dispose;
  object_class->get_property = rapport_member_page_get_property;
  object_class->set_property = rapport_member_page_set_property;

  /* The open community, given when the page is made. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "page.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.remove-email", "s", remove_email_action);

  g_type_ensure (RAPPORT_TYPE_MEMBER_ENGAGEMENT);
  g_type_ensure (RAPPORT_TYPE_MEMBER_IDENTITIES);
  g_type_ensure (RAPPORT_TYPE_MEMBER_NOTES);
  g_type_ensure (RAPPORT_TYPE_MEMBER_TAGS);
  g_type_ensure (RAPPORT_TYPE_MEMBER_TIMELINE);

  rapport_member_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-member-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, location_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, stats_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, edit_content);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, details_done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, view_list);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, emails_list);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, add_email_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, fields_error);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, emails_error);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, engagement);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, identities);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, tags);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, notes);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberPage, timeline);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_details_done_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_email_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_email_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_member_page_init (RapportMemberPage *self)
{
  rapport_member_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows[FIELD_NAME] = self->name_row;
  self->field_rows[FIELD_EMAIL] = self->email_row;
  self->field_rows[FIELD_ORGANIZATION] = self->organization_row;
  self->field_rows[FIELD_TITLE] = self->title_row;
  self->field_rows[FIELD_LOCATION] = self->location_row;
  self->field_rows[FIELD_PHONE] = self->phone_row;
  self->field_rows[FIELD_TIMEZONE] = self->timezone_row;

  self->remote_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->remote_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      if (get_remote_key (f) == NULL)
        continue;
      self->remote_marks[f] = create_remote_mark ();
      adw_entry_row_add_suffix (self->field_rows[f], self->remote_marks[f]);
    }

  show_empty (self);
}

/**
 * rapport_member_page_new:
 * @context: the open community
 *
 * Returns: (transfer floating): a page for the members of @context
 */
GtkWidget *
rapport_member_page_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_MEMBER_PAGE,
                       "context", context,
                       NULL);
}

/**
 * rapport_member_page_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_member_page_get_context (RapportMemberPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_PAGE (self), NULL);

  return self->context;
}

gint64
rapport_member_page_get_member_id (RapportMemberPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_PAGE (self), 0);

  return self->member_id;
}

/**
 * rapport_member_page_set_member_id:
 * @member_id: the member to show, or 0 for none
 */
void
rapport_member_page_set_member_id (RapportMemberPage *self,
                                   gint64             member_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_PAGE (self));

  if (self->member_id == member_id)
    return;

  self->member_id = member_id;

  g_clear_object (&self->member);
  gtk_toggle_button_set_active (self->edit_button, FALSE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  rapport_member_engagement_set_member_id (self->engagement, member_id);
  rapport_member_identities_set_member_id (self->identities, member_id);
  rapport_member_tags_set_member_id (self->tags, member_id);
  rapport_member_notes_set_member_id (self->notes, member_id);
  rapport_member_timeline_set_member_id (self->timeline, member_id);

  refresh (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}
