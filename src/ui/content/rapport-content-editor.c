/* rapport-content-editor.c
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

#define G_LOG_DOMAIN "rapport-content-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-content-editor.h"
#include "rapport-content-store.h"
#include "rapport-content-util.h"
#include "rapport-event.h"
#include "rapport-events.h"
#include "rapport-member-util.h"
#include "rapport-member.h"

/* Creates or edits one content item. The status is a row of steps with
 * the next transition as the suggested button; a transition first saves
 * what the form says (a date typed a moment ago counts), then asks the
 * core, whose refusal ("… has no publish date") shows inline. The date and
 * time are those of the item's time zone, the local one by default. */

typedef enum
{
  REPEAT_NONE,
  REPEAT_WEEKLY,
  REPEAT_MONTHLY,
  REPEAT_CUSTOM,
} Repeat;

struct _RapportContentEditor
{
  AdwWindow           parent_instance;

  RapportStore       *store;
  RapportContentItem *item;
  gint64              recurrence_id;
  GArray             *featured;
  GArray             *event_ids;
  GPtrArray          *kinds;
  GPtrArray          *results;
  char               *error;

  GtkBox             *steps_box;
  GtkButton          *back_button;
  GtkButton          *next_button;
  GtkButton          *cancel_item_button;
  GtkLabel           *error_label;
  GtkWidget          *series_box;
  GtkLabel           *series_label;
  AdwEntryRow        *title_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *channels_row;
  AdwEntryRow        *owner_row;
  AdwExpanderRow     *date_expander;
  GtkMenuButton      *date_button;
  GtkCalendar        *calendar;
  AdwActionRow       *time_row;
  GtkSpinButton      *hour_spin;
  GtkSpinButton      *minute_spin;
  AdwEntryRow        *tz_row;
  AdwComboRow        *repeat_row;
  AdwEntryRow        *rrule_row;
  GtkListBox         *featured_list;
  AdwEntryRow        *search_row;
  GtkListBox         *results_list;
  AdwComboRow        *event_row;
  AdwEntryRow        *url_row;
  GtkTextView        *notes_view;
};

G_DEFINE_FINAL_TYPE (RapportContentEditor, rapport_content_editor, ADW_TYPE_WINDOW)

static const RapportContentStatus steps[] = {
  RAPPORT_CONTENT_STATUS_IDEA,
  RAPPORT_CONTENT_STATUS_DRAFT,
  RAPPORT_CONTENT_STATUS_IN_REVIEW,
  RAPPORT_CONTENT_STATUS_SCHEDULED,
  RAPPORT_CONTENT_STATUS_PUBLISHED,
};

static void
set_error (RapportContentEditor *self,
           const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Status */

static const char *
transition_label (RapportContentStatus to)
{
  switch (to)
    {
    case RAPPORT_CONTENT_STATUS_IDEA:
      return _("Back to Idea");
    case RAPPORT_CONTENT_STATUS_DRAFT:
      return _("Start Draft");
    case RAPPORT_CONTENT_STATUS_IN_REVIEW:
      return _("Send to Review");
    case RAPPORT_CONTENT_STATUS_SCHEDULED:
      return _("Schedule");
    case RAPPORT_CONTENT_STATUS_PUBLISHED:
      return _("Mark as Published");
    case RAPPORT_CONTENT_STATUS_CANCELLED:
    default:
      return _("Mark as Cancelled");
    }
}

/**
 * rapport_content_editor_get_next_status:
 *
 * Returns: the transition the suggested button offers, or
 *   %RAPPORT_CONTENT_STATUS_PUBLISHED's own value when there is none
 */
RapportContentStatus
rapport_content_editor_get_next_status (RapportContentEditor *self)
{
  RapportContentStatus status;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_EDITOR (self), RAPPORT_CONTENT_STATUS_IDEA);

  status = rapport_content_item_get_status (self->item);
  if (status == RAPPORT_CONTENT_STATUS_CANCELLED)
    return RAPPORT_CONTENT_STATUS_IDEA;
  if (status == RAPPORT_CONTENT_STATUS_PUBLISHED)
    return RAPPORT_CONTENT_STATUS_PUBLISHED;
  return status + 1;
}

static void
update_status (RapportContentEditor *self)
{
  RapportContentStatus status = rapport_content_item_get_status (self->item);
  RapportContentStatus next = rapport_content_editor_get_next_status (self);
  gboolean cancelled = status == RAPPORT_CONTENT_STATUS_CANCELLED;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box))) != NULL)
    gtk_box_remove (self->steps_box, child);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *step = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *mark = gtk_image_new_from_icon_name (rapport_content_status_icon_name (steps[i]));
      GtkWidget *label = gtk_label_new (rapport_content_status_get_label (steps[i]));

      gtk_widget_add_css_class (step, "status-step");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (step), mark);
      gtk_box_append (GTK_BOX (step), label);
      if (!cancelled && steps[i] == status)
        gtk_widget_add_css_class (step, "current");
      else if (!cancelled && steps[i] < status)
        gtk_widget_add_css_class (step, "done");
      else
        gtk_widget_add_css_class (step, "dim-label");
      gtk_box_append (self->steps_box, step);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), status != RAPPORT_CONTENT_STATUS_PUBLISHED);
  gtk_button_set_label (self->next_button, transition_label (next));

  /* One step back for rework, from Draft to Scheduled. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          status > RAPPORT_CONTENT_STATUS_IDEA && status < RAPPORT_CONTENT_STATUS_PUBLISHED);
  if (status > RAPPORT_CONTENT_STATUS_IDEA && status < RAPPORT_CONTENT_STATUS_PUBLISHED)
    {
      g_autofree char *label = g_strdup_printf (_("Back to %s"), rapport_content_status_get_label (status - 1));

      gtk_button_set_label (self->back_button, label);
    }

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->next_button)),
                          gtk_widget_get_visible (GTK_WIDGET (self->next_button))
                          || gtk_widget_get_visible (GTK_WIDGET (self->back_button)));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_item_button),
                          status != RAPPORT_CONTENT_STATUS_PUBLISHED && !cancelled);
  if (cancelled)
    gtk_widget_add_css_class (GTK_WIDGET (self->steps_box), "cancelled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->steps_box), "cancelled");
}

/* Date and time */

static void
update_date_label (RapportContentEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, _("%a, %-d %b %Y"));

  gtk_menu_button_set_label (self->date_button, g_strstrip (text));
}

static GTimeZone *
chosen_zone (RapportContentEditor *self,
             char                **tzid)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tz_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    {
      *tzid = rapport_content_local_tzid ();
      return g_time_zone_new_local ();
    }

  *tzid = g_strdup (trimmed);
  return g_time_zone_new_identifier (trimmed);
}

/* The time as the user lives it, when the item's zone is another one. */
static void
on_time_changed_cb (RapportContentEditor *self)
{
  g_autofree char *tzid = NULL;
  g_autoptr(GTimeZone) zone = chosen_zone (self, &tzid);
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *subtitle = NULL;

  if (zone == NULL)
    {
      adw_action_row_set_subtitle (self->time_row, _("Unknown time zone"));
      return;
    }

  when = g_date_time_new (zone, g_date_time_get_year (date), g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  local = g_date_time_to_local (when);
  if (local == NULL || g_date_time_get_utc_offset (local) == g_date_time_get_utc_offset (when))
    {
      adw_action_row_set_subtitle (self->time_row, NULL);
      return;
    }

  local_text = rapport_format_clock (local);
  if (rapport_content_days_between (when, local) != 0)
    {
      g_autofree char *day = g_date_time_format (local, "%a");

      /* Translators: the item's time in the user's zone: "Your time: Tue 01:00" */
      subtitle = g_strdup_printf (_("Your time: %s %s"), day, local_text);
    }
  else
    subtitle = g_strdup_printf (_("Your time: %s"), local_text);
  adw_action_row_set_subtitle (self->time_row, subtitle);
}

static void
on_calendar_day_selected_cb (RapportContentEditor *self)
{
  update_date_label (self);
  on_time_changed_cb (self);
}

static gboolean
on_minute_output_cb (GtkSpinButton *spin,
                     gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_repeat_changed_cb (RapportContentEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->rrule_row),
                          adw_combo_row_get_selected (self->repeat_row) == REPEAT_CUSTOM);
}

/* Featured members */

static void rebuild_featured (RapportContentEditor *self);

static void
on_remove_featured_clicked_cb (GtkButton            *button,
                               RapportContentEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "member-id");

  for (guint i = 0; i < self->featured->len; i++)
    {
      if (g_array_index (self->featured, gint64, i) == id)
        {
          g_array_remove_index (self->featured, i);
          break;
        }
    }
  rebuild_featured (self);
}

static void
rebuild_featured (RapportContentEditor *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->featured_list));

  /* Everything but the search row, which stays last. */
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != GTK_WIDGET (self->search_row))
        gtk_list_box_remove (self->featured_list, child);
      child = next;
    }

  for (guint i = 0; i < self->featured->len; i++)
    {
      gint64 id = g_array_index (self->featured, gint64, i);
      g_autoptr(RapportMember) member = rapport_store_get_member (self->store, id, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gint64 *stored = g_new (gint64, 1);

      *stored = id;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     member != NULL ? rapport_member_get_name (member) : _("Removed member"));
      if (member != NULL && rapport_member_get_organization (member) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_member_get_organization (member));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      g_object_set_data_full (G_OBJECT (button), "member-id", stored, g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_featured_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_insert (self->featured_list, row, (int) i);
    }
}

static void
on_search_changed_cb (RapportContentEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_row))));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  if (text[0] != '\0')
    self->results = rapport_store_search (self->store, text, 6, NULL);

  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      RapportMember *member = g_ptr_array_index (self->results, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_member_get_name (member));
      if (rapport_member_get_organization (member) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_member_get_organization (member));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->results_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), self->results != NULL && self->results->len > 0);
}

static void
on_result_activated_cb (RapportContentEditor *self,
                        GtkListBoxRow        *row)
{
  int index = gtk_list_box_row_get_index (row);
  gint64 id;

  if (self->results == NULL || index < 0 || (guint) index >= self->results->len)
    return;

  id = rapport_member_get_id (g_ptr_array_index (self->results, index));
  for (guint i = 0; i < self->featured->len; i++)
    {
      if (g_array_index (self->featured, gint64, i) == id)
        id = 0;
    }
  if (id > 0)
    g_array_append_val (self->featured, id);

  gtk_editable_set_text (GTK_EDITABLE (self->search_row), "");
  rebuild_featured (self);
}

/* Loading and saving */

static void
load_events (RapportContentEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) events = rapport_events_list (self->store, RAPPORT_EVENT_RANGE_ALL, NULL);
  gint64 linked = rapport_content_item_get_event_id (self->item);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->event_ids, 0);
  g_array_append_val (self->event_ids, none);
  gtk_string_list_append (model, _("None"));

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      RapportEvent *event = g_ptr_array_index (events, i);
      gint64 id = rapport_event_get_id (event);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (rapport_event_get_starts_at (event));
      g_autofree char *date = g_date_time_format (when, _("%-d %b %Y"));
      g_autofree char *label = g_strdup_printf ("%s (%s)", rapport_event_get_title (event), g_strstrip (date));

      if (id == linked)
        selected = self->event_ids->len;
      g_array_append_val (self->event_ids, id);
      gtk_string_list_append (model, label);
    }

  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->event_row, selected);
}

static void
load_item (RapportContentEditor *self)
{
  RapportContentItem *item = self->item;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) repeats = gtk_string_list_new (NULL);
  const char * const *known = rapport_content_get_kinds ();
  const char * const *channels = rapport_content_item_get_channels (item);
  const GArray *featured = rapport_content_item_get_featured_ids (item);
  const char *kind = rapport_content_item_get_kind (item);
  const char *rrule = rapport_content_item_get_rrule (item);
  g_autoptr(GDateTime) when = rapport_content_item_dup_publish_time (item);
  g_autofree char *joined = NULL;
  guint kind_index = 0;
  gboolean exception = rapport_content_item_get_series_id (item) > 0;

  gtk_window_set_title (GTK_WINDOW (self), rapport_content_item_get_id (item) > 0 ? _("Edit Content Item")
                                                                                 : _("New Content Item"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rapport_content_item_get_title (item) != NULL
                                                         ? rapport_content_item_get_title (item) : "");

  g_ptr_array_set_size (self->kinds, 0);
  for (guint i = 0; known[i] != NULL; i++)
    {
      if (g_strcmp0 (known[i], kind) == 0)
        kind_index = i;
      g_ptr_array_add (self->kinds, g_strdup (known[i]));
      gtk_string_list_append (kinds, rapport_content_kind_get_label (known[i]));
    }
  /* A kind from an imported file keeps its place. */
  if (kind != NULL && !g_strv_contains (known, kind))
    {
      kind_index = self->kinds->len;
      g_ptr_array_add (self->kinds, g_strdup (kind));
      gtk_string_list_append (kinds, kind);
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, kind_index);

  joined = channels != NULL ? g_strjoinv (", ", (char **) channels) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->channels_row), joined);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), rapport_content_item_get_owner (item) != NULL
                                                         ? rapport_content_item_get_owner (item) : "");

  g_array_set_size (self->featured, 0);
  if (featured != NULL && featured->len > 0)
    g_array_append_vals (self->featured, featured->data, featured->len);
  rebuild_featured (self);

  adw_expander_row_set_enable_expansion (self->date_expander, when != NULL);
  if (when == NULL)
    {
      g_autoptr(GDateTime) now = rapport_now_local ();

      when = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 10, 0, 0);
    }
  gtk_calendar_select_day (self->calendar, when);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (when));
  {
    g_autofree char *local = rapport_content_local_tzid ();
    const char *tzid = rapport_content_item_get_tzid (item);

    gtk_editable_set_text (GTK_EDITABLE (self->tz_row), tzid != NULL ? tzid : (local != NULL ? local : ""));
  }
  update_date_label (self);

  gtk_string_list_append (repeats, _("Does Not Repeat"));
  gtk_string_list_append (repeats, _("Every Week"));
  gtk_string_list_append (repeats, _("Every Month"));
  gtk_string_list_append (repeats, _("Custom Rule"));
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (repeats));
  if (rrule == NULL)
    adw_combo_row_set_selected (self->repeat_row, REPEAT_NONE);
  else if (g_str_equal (rrule, "FREQ=WEEKLY"))
    adw_combo_row_set_selected (self->repeat_row, REPEAT_WEEKLY);
  else if (g_str_equal (rrule, "FREQ=MONTHLY"))
    adw_combo_row_set_selected (self->repeat_row, REPEAT_MONTHLY);
  else
    adw_combo_row_set_selected (self->repeat_row, REPEAT_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (self->rrule_row), rrule != NULL ? rrule : "");
  /* One occurrence of a series cannot repeat by itself. */
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), !exception);
  on_repeat_changed_cb (self);
  if (exception)
    gtk_widget_set_visible (GTK_WIDGET (self->rrule_row), FALSE);

  load_events (self);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), rapport_content_item_get_url (item) != NULL
                                                       ? rapport_content_item_get_url (item) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            rapport_content_item_get_notes (item) != NULL ? rapport_content_item_get_notes (item) : "",
                            -1);

  gtk_widget_set_visible (self->series_box, self->recurrence_id != 0 && rrule != NULL);
  if (self->recurrence_id != 0 && rrule != NULL)
    {
      g_autoptr(GDateTime) occurrence = g_date_time_new_from_unix_local (self->recurrence_id);
      g_autofree char *date = g_date_time_format (occurrence, _("%A, %-d %B"));
      g_autofree char *text = g_strdup_printf (_("This item repeats: changes here apply to every occurrence. Opened from %s."),
                                               g_strstrip (date));

      gtk_label_set_label (self->series_label, text);
    }

  on_time_changed_cb (self);
  update_status (self);
  set_error (self, NULL);
}

static char *
nonempty (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  return trimmed[0] != '\0' ? g_steal_pointer (&trimmed) : NULL;
}

/* Writes the form into the item; only the time zone can be wrong here,
 * the rest is the core's to judge. */
static gboolean
apply_fields (RapportContentEditor  *self,
              GError               **error)
{
  RapportContentItem *item = self->item;
  g_autofree char *title = nonempty (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autofree char *owner = nonempty (gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  g_autofree char *url = nonempty (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->channels_row)), ",", -1);
  g_autoptr(GStrvBuilder) channels = g_strv_builder_new ();
  g_auto(GStrv) channel_list = NULL;
  guint kind_index = adw_combo_row_get_selected (self->kind_row);
  guint event_index = adw_combo_row_get_selected (self->event_row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes_text = NULL;
  g_autofree char *notes = NULL;

  rapport_content_item_set_title (item, title);
  if (kind_index < self->kinds->len)
    rapport_content_item_set_kind (item, g_ptr_array_index (self->kinds, kind_index));
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *channel = nonempty (parts[i]);

      if (channel != NULL)
        g_strv_builder_add (channels, channel);
    }
  channel_list = g_strv_builder_end (channels);
  rapport_content_item_set_channels (item, (const char * const *) channel_list);
  rapport_content_item_set_owner (item, owner);
  rapport_content_item_set_featured_ids (item, (const gint64 *) (gpointer) self->featured->data, self->featured->len);

  if (adw_expander_row_get_enable_expansion (self->date_expander))
    {
      g_autofree char *tzid = NULL;
      g_autoptr(GTimeZone) zone = chosen_zone (self, &tzid);
      g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
      g_autoptr(GDateTime) when = NULL;

      if (zone == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a known time zone (use a name like “Europe/Berlin”)"), tzid);
          return FALSE;
        }
      when = g_date_time_new (zone, g_date_time_get_year (date), g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date),
                              gtk_spin_button_get_value_as_int (self->hour_spin),
                              gtk_spin_button_get_value_as_int (self->minute_spin), 0);
      rapport_content_item_set_all_day (item, FALSE);
      rapport_content_item_set_publish_at (item, g_date_time_to_unix (when), tzid);
    }
  else
    rapport_content_item_clear_publish_at (item);

  if (rapport_content_item_get_series_id (item) == 0)
    {
      switch ((Repeat) adw_combo_row_get_selected (self->repeat_row))
        {
        case REPEAT_WEEKLY:
          rapport_content_item_set_rrule (item, "FREQ=WEEKLY");
          break;
        case REPEAT_MONTHLY:
          rapport_content_item_set_rrule (item, "FREQ=MONTHLY");
          break;
        case REPEAT_CUSTOM:
          {
            g_autofree char *rule = nonempty (gtk_editable_get_text (GTK_EDITABLE (self->rrule_row)));

            if (rule != NULL && g_str_has_prefix (rule, "RRULE:"))
              rapport_content_item_set_rrule (item, rule + strlen ("RRULE:"));
            else
              rapport_content_item_set_rrule (item, rule);
          }
          break;
        case REPEAT_NONE:
        default:
          rapport_content_item_set_rrule (item, NULL);
          break;
        }
    }

  rapport_content_item_set_event_id (item, event_index < self->event_ids->len
                                           ? g_array_index (self->event_ids, gint64, event_index) : 0);
  rapport_content_item_set_url (item, url);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  notes = nonempty (notes_text);
  rapport_content_item_set_notes (item, notes);

  return TRUE;
}

/**
 * rapport_content_editor_save:
 *
 * Stores what the form says: a new item is added, a stored one updated.
 */
gboolean
rapport_content_editor_save (RapportContentEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_EDITOR (self), FALSE);

  if (!apply_fields (self, error))
    return FALSE;

  if (rapport_content_item_get_id (self->item) > 0)
    return rapport_content_update (self->store, self->item, error);
  return rapport_content_add (self->store, self->item, error);
}

/**
 * rapport_content_editor_move_status:
 *
 * Saves the form, then moves the item to @status. A refusal (a Scheduled
 * item without a date) shows under the steps and leaves the item as it
 * was.
 *
 * Returns: whether the item moved
 */
gboolean
rapport_content_editor_move_status (RapportContentEditor *self,
                                    RapportContentStatus  status)
{
  g_autoptr(GError) error = NULL;
  gboolean is_new;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_EDITOR (self), FALSE);

  is_new = rapport_content_item_get_id (self->item) == 0;
  if (!rapport_content_editor_save (self, &error)
      || !rapport_content_set_status (self->store, self->item, status, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }

  set_error (self, NULL);
  if (is_new)
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Content Item"));
  update_status (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContentEditor *self = RAPPORT_CONTENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!rapport_content_editor_save (self, &error))
    {
      set_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContentEditor *self = RAPPORT_CONTENT_EDITOR (widget);

  rapport_content_editor_move_status (self, rapport_content_editor_get_next_status (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContentEditor *self = RAPPORT_CONTENT_EDITOR (widget);
  RapportContentStatus status = rapport_content_item_get_status (self->item);

  if (status > RAPPORT_CONTENT_STATUS_IDEA && status < RAPPORT_CONTENT_STATUS_PUBLISHED)
    rapport_content_editor_move_status (self, status - 1);
}

static void
cancel_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rapport_content_editor_move_status (RAPPORT_CONTENT_EDITOR (widget), RAPPORT_CONTENT_STATUS_CANCELLED);
}

static void
edit_occurrence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RapportContentEditor *self = RAPPORT_CONTENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  RapportContentItem *exception;

  exception = rapport_content_edit_occurrence (self->store, rapport_content_item_get_id (self->item),
                                               self->recurrence_id, &error);
  if (exception == NULL)
    {
      set_error (self, error->message);
      return;
    }

  g_set_object (&self->item, exception);
  g_object_unref (exception);
  self->recurrence_id = 0;
  load_item (self);
}

static void
rapport_content_editor_dispose (GObject *object)
{
  RapportContentEditor *self = (RapportContentEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTENT_EDITOR);

  g_clear_object (&self->item);
  g_clear_object (&self->store);
  g_clear_pointer (&self->featured, g_array_unref);
  g_clear_pointer (&self->event_ids, g_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rapport_content_editor_parent_class)->dispose (object);
}

static void
rapport_content_editor_class_init (RapportContentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_content_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-content-editor.ui");

  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, steps_box);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, next_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, cancel_item_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, series_box);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, series_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, channels_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, date_expander);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, tz_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, rrule_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, featured_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, search_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, results_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, event_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContentEditor, notes_view);

  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_minute_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-item", NULL, cancel_item_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-occurrence", NULL, edit_occurrence_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_content_editor_init (RapportContentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->featured = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->kinds = g_ptr_array_new_with_free_func (g_free);
}

/**
 * rapport_content_editor_new:
 * @item: (nullable): the item to edit (the editor works on a copy), or
 *   %NULL for a new one
 * @recurrence_id: for an occurrence of a series opened from the calendar,
 *   its recurrence id (the editor offers to edit only that one), else 0
 * @day: (nullable): for a new item, the day it is planned on; %NULL makes
 *   an idea without a date
 *
 * Returns: (transfer floating): the editor, not yet shown
 */
RapportContentEditor *
rapport_content_editor_new (RapportStore       *store,
                            RapportContentItem *item,
                            gint64              recurrence_id,
                            GDateTime          *day)
{
  RapportContentEditor *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (item == NULL || RAPPORT_IS_CONTENT_ITEM (item), NULL);

  self = g_object_new (RAPPORT_TYPE_CONTENT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->recurrence_id = recurrence_id;

  if (item != NULL)
    self->item = rapport_content_item_copy (item);
  else
    {
      self->item = rapport_content_item_new ("", "blog-post");
      if (day != NULL)
        {
          g_autofree char *tzid = rapport_content_local_tzid ();
          g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                             g_date_time_get_day_of_month (day), 10, 0, 0);

          rapport_content_item_set_publish_at (self->item, g_date_time_to_unix (when), tzid);
        }
    }

  load_item (self);
  return self;
}

/**
 * rapport_content_editor_get_item:
 *
 * Returns: (transfer none): the item as last saved or loaded
 */
RapportContentItem *
rapport_content_editor_get_item (RapportContentEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_EDITOR (self), NULL);

  return self->item;
}

GtkButton *
rapport_content_editor_get_next_button (RapportContentEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_EDITOR (self), NULL);

  return self->next_button;
}

/**
 * rapport_content_editor_get_error:
 *
 * Returns: (nullable): the message shown under the status, if any
 */
const char *
rapport_content_editor_get_error (RapportContentEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_EDITOR (self), NULL);

  return self->error;
}

void
rapport_content_editor_set_title_text (RapportContentEditor *self,
                                       const char           *title)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

/* Turns the Publish Date switch on or off, as a person would. */
void
rapport_content_editor_set_has_date (RapportContentEditor *self,
                                     gboolean              has_date)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_EDITOR (self));

  adw_expander_row_set_enable_expansion (self->date_expander, has_date);
}
