/* rapport-event-editor.c
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

#define G_LOG_DOMAIN "rapport-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clock.h"
#include "rapport-event-editor.h"
#include "rapport-event-util.h"
#include "rapport-events.h"
#include "rapport-store.h"

/* Creates or edits an event. Dates and times are typed as the event's own
 * clock reads them, in the event's time zone, and stored in UTC. */

typedef struct
{
  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
} DateTimeField;

struct _RapportEventEditor
{
  AdwWindow      parent_instance;

  RapportStore  *store;
  RapportEvent  *event;

  DateTimeField  starts;
  DateTimeField  ends;
  DateTimeField  deadline;

  GtkWidget     *save_button;
  AdwEntryRow   *title_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *status_row;
  AdwActionRow  *starts_row;
  AdwActionRow  *ends_row;
  AdwEntryRow   *tz_row;
  AdwEntryRow   *venue_row;
  AdwEntryRow   *url_row;
  GtkSpinButton *capacity_spin;
  GtkSwitch     *over_switch;
  AdwExpanderRow *deadline_row;
  AdwActionRow  *deadline_time_row;
  GtkTextView   *description_view;
};

G_DEFINE_FINAL_TYPE (RapportEventEditor, rapport_event_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GTimeZone *
dup_zone (RapportEventEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tz_row))));

  if (text[0] == '\0')
    return g_time_zone_new_local ();

  return g_time_zone_new_identifier (text);
}

static void
update_date_label (DateTimeField *field)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (field->calendar);
  /* Translators: a date on a button, see the strftime manual; e.g. "14 May 2026" */
  g_autofree char *label = g_date_time_format (date, _("%-d %b %Y"));

  gtk_menu_button_set_label (field->date_button, label);
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    gpointer     user_data)
{
  DateTimeField *field = user_data;

  update_date_label (field);
  gtk_menu_button_popdown (field->date_button);
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
make_spin (int         upper,
           int         step,
           const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, step);

  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);

  return GTK_SPIN_BUTTON (spin);
}

static void
build_field (DateTimeField *field,
             AdwActionRow  *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *colon = gtk_label_new (":");

  field->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (field->calendar));
  g_signal_connect (field->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), field);

  field->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (field->date_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (field->date_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (field->date_button), _("Choose the date"));

  field->hour = make_spin (23, 1, _("Hour"));
  field->minute = make_spin (59, 5, _("Minute"));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->date_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->hour));
  gtk_box_append (GTK_BOX (box), colon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->minute));
  adw_action_row_add_suffix (row, box);
}

static void
field_set (DateTimeField *field,
           gint64         t,
           GTimeZone     *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, zone);
  g_autoptr(GDateTime) day = NULL;

  /* The calendar works in local dates; give it the event's wall date. */
  day = g_date_time_new_local (g_date_time_get_year (there), g_date_time_get_month (there),
                               g_date_time_get_day_of_month (there), 12, 0, 0);
  gtk_calendar_select_day (field->calendar, day);
  gtk_spin_button_set_value (field->hour, g_date_time_get_hour (there));
  gtk_spin_button_set_value (field->minute, g_date_time_get_minute (there));
  update_date_label (field);
}

static gint64
field_get (DateTimeField *field,
           GTimeZone     *zone)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (field->calendar);
  g_autoptr(GDateTime) there = NULL;

  there = g_date_time_new (zone,
                           g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day),
                           gtk_spin_button_get_value_as_int (field->hour),
                           gtk_spin_button_get_value_as_int (field->minute), 0);

  return g_date_time_to_unix (there);
}

static void
on_field_changed_cb (RapportEventEditor *self,
                     GtkEditable        *editable)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  if (zone == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->tz_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->tz_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", zone != NULL && title[0] != '\0');
}

static guint
index_of (const char * const *ids,
          const char         *id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;

  return 0;
}

static GListModel *
labels_model (const char * const *ids,
              const char *      (*label) (const char *id))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (list, label (ids[i]));

  return G_LIST_MODEL (list);
}

static void
load (RapportEventEditor *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  RapportEvent *event = self->event;
  const char *tzid = rapport_event_get_tzid (event);
  gint64 deadline = rapport_event_get_rsvp_deadline (event);

  if (tzid == NULL || tzid[0] == '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      tzid = g_time_zone_get_identifier (local);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rapport_event_get_title (event) ? rapport_event_get_title (event) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->tz_row), tzid);
  gtk_editable_set_text (GTK_EDITABLE (self->venue_row), rapport_event_get_venue (event) ? rapport_event_get_venue (event) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), rapport_event_get_online_url (event) ? rapport_event_get_online_url (event) : "");
  adw_combo_row_set_selected (self->kind_row, index_of (rapport_event_kinds (), rapport_event_get_kind (event)));
  adw_combo_row_set_selected (self->status_row, index_of (rapport_event_statuses (), rapport_event_get_status (event)));
  gtk_spin_button_set_value (self->capacity_spin, MAX (0, rapport_event_get_capacity (event)));
  gtk_switch_set_active (self->over_switch, rapport_event_get_allow_over_capacity (event));
  gtk_text_buffer_set_text (buffer, rapport_event_get_description (event) ? rapport_event_get_description (event) : "", -1);

  zone = dup_zone (self);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  field_set (&self->starts, rapport_event_get_starts_at (event), zone);
  field_set (&self->ends, MAX (rapport_event_get_ends_at (event), rapport_event_get_starts_at (event)), zone);
  adw_expander_row_set_enable_expansion (self->deadline_row, deadline > 0);
  field_set (&self->deadline, deadline > 0 ? deadline : rapport_event_get_starts_at (event), zone);

  on_field_changed_cb (self, NULL);
}

static char *
dup_entry (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/**
 * rapport_event_editor_save:
 *
 * Writes the form to the store and closes the editor.
 *
 * Returns: the event's id, or 0 with @error set
 */
gint64
rapport_event_editor_save (RapportEventEditor  *self,
                           GError             **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(RapportEvent) event = NULL;
  g_autofree char *title = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *url = NULL;
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 starts_at, ends_at;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_EVENT_EDITOR (self), 0);

  zone = dup_zone (self);
  if (zone == NULL)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                   _("“%s” is not a time zone; use a name like Europe/Berlin"),
                   gtk_editable_get_text (GTK_EDITABLE (self->tz_row)));
      return 0;
    }

  title = dup_entry (self->title_row);
  if (title == NULL)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("An event needs a title"));
      return 0;
    }

  starts_at = field_get (&self->starts, zone);
  ends_at = field_get (&self->ends, zone);
  if (ends_at < starts_at)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("The event ends before it starts: check the end date and time"));
      return 0;
    }

  venue = dup_entry (self->venue_row);
  url = dup_entry (self->url_row);
  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  /* Edit a copy, so a refused change leaves the shown event as it was. */
  if (rapport_event_get_id (self->event) != 0)
    {
      event = rapport_events_get (self->store, rapport_event_get_id (self->event), error);
      if (event == NULL)
        return 0;
    }
  else
    event = rapport_event_new ();

  rapport_event_set_title (event, title);
  rapport_event_set_kind (event, rapport_event_kinds ()[adw_combo_row_get_selected (self->kind_row)]);
  rapport_event_set_status (event, rapport_event_statuses ()[adw_combo_row_get_selected (self->status_row)]);
  rapport_event_set_starts_at (event, starts_at);
  rapport_event_set_ends_at (event, ends_at);
  rapport_event_set_tzid (event, g_time_zone_get_identifier (zone));
  rapport_event_set_venue (event, venue);
  rapport_event_set_online_url (event, url);
  rapport_event_set_capacity (event, gtk_spin_button_get_value_as_int (self->capacity_spin) > 0
                                     ? gtk_spin_button_get_value_as_int (self->capacity_spin) : -1);
  rapport_event_set_allow_over_capacity (event, gtk_switch_get_active (self->over_switch));
  rapport_event_set_rsvp_deadline (event, adw_expander_row_get_enable_expansion (self->deadline_row)
                                          ? field_get (&self->deadline, zone) : 0);
  rapport_event_set_description (event, description[0] != '\0' ? description : NULL);

  if (rapport_event_get_id (event) != 0)
    ok = rapport_events_update (self->store, event, error);
  else
    ok = rapport_events_insert (self->store, event, error);
  if (!ok)
    return 0;

  g_signal_emit (self, signals [SAVED], 0, rapport_event_get_id (event));
  gtk_window_close (GTK_WINDOW (self));

  return rapport_event_get_id (event);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportEventEditor *self = RAPPORT_EVENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (rapport_event_editor_save (self, &error) == 0)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Event"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
rapport_event_editor_dispose (GObject *object)
{
  RapportEventEditor *self = RAPPORT_EVENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_EVENT_EDITOR);

  g_clear_object (&self->event);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_event_editor_parent_class)->dispose (object);
}

static void
rapport_event_editor_class_init (RapportEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_event_editor_dispose;

  /**
   * RapportEventEditor::saved:
   * @event_id: the event written
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, tz_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, over_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, deadline_time_row);
  gtk_widget_class_bind_template_child (widget_class, RapportEventEditor, description_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rapport_event_editor_init (RapportEventEditor *self)
{
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GListModel) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  kinds = labels_model (rapport_event_kinds (), rapport_event_kind_get_label);
  statuses = labels_model (rapport_event_statuses (), rapport_event_status_get_label);
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->status_row, statuses);

  build_field (&self->starts, self->starts_row);
  build_field (&self->ends, self->ends_row);
  build_field (&self->deadline, self->deadline_time_row);
}

/**
 * rapport_event_editor_new:
 * @event: (nullable): the event to edit, or %NULL for a new one
 *
 * Returns: (transfer full): a modal editor over @parent
 */
GtkWidget *
rapport_event_editor_new (GtkWindow    *parent,
                          RapportStore *store,
                          RapportEvent *event)
{
  RapportEventEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (!event || RAPPORT_IS_EVENT (event), NULL);

  self = g_object_new (RAPPORT_TYPE_EVENT_EDITOR,
                       "transient-for", parent,
                       "title", event != NULL ? _("Edit Event") : _("New Event"),
                       NULL);
  self->store = g_object_ref (store);

  if (event != NULL)
    self->event = g_object_ref (event);
  else
    {
      g_autoptr(GDateTime) now = rapport_now_local ();
      g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);
      g_autoptr(GDateTime) evening = g_date_time_new_local (g_date_time_get_year (week),
                                                            g_date_time_get_month (week),
                                                            g_date_time_get_day_of_month (week),
                                                            18, 0, 0);

      /* A week from now at six: a fair guess for a meetup. */
      self->event = rapport_event_new ();
      rapport_event_set_starts_at (self->event, g_date_time_to_unix (evening));
      rapport_event_set_ends_at (self->event, g_date_time_to_unix (evening) + 2 * 3600);
      rapport_event_set_status (self->event, RAPPORT_EVENT_ANNOUNCED);
    }

  load (self);

  return GTK_WIDGET (self);
}
