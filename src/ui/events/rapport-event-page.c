/* rapport-event-page.c
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

#define G_LOG_DOMAIN "rapport-event-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-checkin-window.h"
#include "rapport-context.h"
#include "rapport-event-page-private.h"
#include "rapport-event-util.h"
#include "rapport-events.h"
#include "rapport-rsvp-list.h"
#include "rapport-rsvp.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* One event: when and where, how full it is, what to do with it, and its
 * RSVPs. Imports and exports run in a worker thread on their own
 * connection; the page follows the store for everything else. */

G_DEFINE_FINAL_TYPE (RapportEventPage, rapport_event_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_EVENT_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The status filter's choices, in dropdown order; NULL is every status. */
static const char *filter_statuses[] = {
  NULL,
  RAPPORT_RSVP_GOING,
  RAPPORT_RSVP_MAYBE,
  RAPPORT_RSVP_WAITLISTED,
  RAPPORT_RSVP_DECLINED,
  RAPPORT_RSVP_CANCELLED,
};

void
_rapport_event_page_add_toast (RapportEventPage *self,
                               AdwToast         *toast)
{
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_rapport_event_page_show_toast (RapportEventPage *self,
                                const char       *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  _rapport_event_page_add_toast (self, adw_toast_new (escaped));
}

void
_rapport_event_page_show_error (RapportEventPage *self,
                                const char       *heading,
                                const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_rapport_event_page_notify_busy (RapportEventPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* Header and counters */

static void
update_counts (RapportEventPage *self)
{
  RapportEventCounts *c = &self->counts;
  g_autofree char *going = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *maybe = NULL;
  g_autofree char *declined = NULL;
  gboolean done;

  memset (c, 0, sizeof *c);
  if (self->event_id == 0 || !rapport_events_get_counts (self->store, self->event_id, c, NULL))
    return;

  going = rapport_format_count (c->going);
  if (c->capacity >= 0)
    {
      g_autofree char *capacity = rapport_format_count (c->capacity);
      g_autofree char *text = NULL;

      /* Translators: people going out of the places, e.g. "42 of 60 going" */
      text = g_strdup_printf (_("%s of %s going"), going, capacity);
      gtk_label_set_label (self->going_label, text);
      gtk_level_bar_set_value (self->level_bar, c->capacity > 0 ? MIN (1.0, (double) c->going / c->capacity) : 1.0);
      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), TRUE);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: people going to an event without a capacity, e.g. "42 going · no limit" */
      text = g_strdup_printf (_("%s going · no limit"), going);
      gtk_label_set_label (self->going_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), FALSE);
    }

  if (c->waitlisted > 0)
    {
      g_autofree char *waiting = rapport_format_count (c->waitlisted);
      g_autofree char *text = g_strdup_printf (_("%s waitlisted"), waiting);

      gtk_label_set_label (self->waitlist_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->waitlist_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->waitlist_label), FALSE);

  checked = rapport_format_count (c->checked_in);
  maybe = rapport_format_count (c->maybe);
  declined = rapport_format_count (c->declined);
  /* Translators: an event's other counters, e.g. "12 checked in · 3 maybe · 2 declined" */
  stats = g_strdup_printf (_("%s checked in · %s maybe · %s declined"), checked, maybe, declined);
  gtk_label_set_label (self->stats_label, stats);

  /* Attendance is recorded once the doors have opened, not before. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.mark-done",
                                 self->event != NULL &&
                                 rapport_event_get_starts_at (self->event) <= rapport_events_now (self->store));

  done = self->event != NULL && rapport_event_get_attendance_recorded_at (self->event) != 0;
  gtk_widget_set_visible (GTK_WIDGET (self->show_up_label), done);
  gtk_widget_set_visible (self->done_button, !done);
  if (done)
    {
      g_autofree char *no_shows = rapport_format_count (c->no_shows);
      g_autofree char *text = NULL;

      /* Translators: after an event, e.g. "Show-up rate 78% · 9 no-shows" */
      text = g_strdup_printf (_("Show-up rate %.0f%% · %s no-shows"),
                              100.0 * rapport_event_counts_get_show_up_rate (c), no_shows);
      gtk_label_set_label (self->show_up_label, text);
    }
}

static void
update_header (RapportEventPage *self)
{
  RapportEvent *event = self->event;
  g_autofree char *kind = NULL;
  g_autofree char *when = NULL;
  g_autofree char *zone = NULL;
  const char *venue;
  const char *url;

  if (event == NULL)
    return;

  /* Translators: an event's kind and status, e.g. "Meetup · Announced" */
  kind = g_strdup_printf (_("%s · %s"), rapport_event_kind_get_label (rapport_event_get_kind (event)),
                          rapport_event_status_get_label (rapport_event_get_status (event)));
  gtk_label_set_label (self->kind_label, kind);
  gtk_label_set_label (self->title_label, rapport_event_get_title (event));

  when = rapport_event_format_when (event);
  gtk_label_set_label (self->when_label, when);
  zone = rapport_event_format_event_zone (event);
  gtk_label_set_label (self->zone_label, zone ? zone : "");
  gtk_widget_set_visible (GTK_WIDGET (self->zone_label), zone != NULL);

  venue = rapport_event_get_venue (event);
  gtk_label_set_label (self->venue_label, venue ? venue : "");
  gtk_widget_set_visible (self->venue_box, venue != NULL && venue[0] != '\0');

  url = rapport_event_get_online_url (event);
  gtk_widget_set_visible (self->url_box, url != NULL && url[0] != '\0');
  if (url != NULL && url[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (url, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped, escaped);

      gtk_label_set_markup (self->url_label, markup);
    }

  update_counts (self);
}

static void
reload_event (RapportEventPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->event);
  if (self->event_id == 0 || self->store == NULL)
    return;

  self->event = rapport_events_get (self->store, self->event_id, &error);
  /* A deleted event: the view takes the page away. */
  if (self->event == NULL && !g_error_matches (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND))
    g_warning ("Could not read event %" G_GINT64_FORMAT ": %s", self->event_id, error->message);
  update_header (self);
}

static void
update_rsvp_stack (RapportEventPage *self)
{
  guint n = self->rsvps ? g_list_model_get_n_items (G_LIST_MODEL (self->rsvps)) : 0;
  guint n_waiting = self->waitlist ? g_list_model_get_n_items (G_LIST_MODEL (self->waitlist)) : 0;
  const char *filter = self->rsvps ? rapport_rsvp_list_get_status_filter (self->rsvps) : NULL;

  if (filter == NULL)
    gtk_label_set_label (self->empty_label,
                         _("No RSVPs yet. Import them from Eventbrite, Meetup or Zoom, or add one by hand."));
  else
    gtk_label_set_label (self->empty_label, _("No RSVPs with this status."));

  gtk_stack_set_visible_child_name (self->rsvp_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->waitlist_box, n_waiting > 0);
}

static void
on_rsvps_changed_cb (RapportEventPage *self,
                     guint             position,
                     guint             removed,
                     guint             added,
                     GListModel       *model)
{
  update_rsvp_stack (self);
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportEventPage  *self)
{
  if (self->event_id == 0)
    return;

  /* Connected for events. */
  if (kind == RAPPORT_CHANGE_RELOAD || row_id == self->event_id)
    reload_event (self);
}

static void
on_status_dropdown_selected_cb (RapportEventPage *self,
                                GParamSpec       *pspec,
                                GtkDropDown      *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->rsvps != NULL && selected < G_N_ELEMENTS (filter_statuses))
    rapport_rsvp_list_set_status_filter (self->rsvps, filter_statuses[selected]);
  update_rsvp_stack (self);
}

/* GObject */

static void
rapport_event_page_dispose (GObject *object)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_weak_pointer (&self->mapping_dialog);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_pointer (&self->removals, g_hash_table_unref);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_EVENT_PAGE);

  g_clear_object (&self->rsvps);
  g_clear_object (&self->waitlist);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_event_page_parent_class)->dispose (object);
}

static void
rapport_event_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rapport_event_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_event_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_event_page_set_context (self, g_value_get_object (value));
      break;

    case PROP_EVENT_ID:
      rapport_event_page_set_event_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_event_page_class_init (RapportEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_event_page_dispose;
  object_class->get_property = rapport_event_page_get_property;
  object_class->set_property = rapport_event_page_set_property;

  /* The open community, whose events the page shows. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, job_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, job_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, job_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, zone_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, venue_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, venue_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, url_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, url_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, going_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, waitlist_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, level_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, stats_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, show_up_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, rsvp_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, waitlist_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, waitlist_list);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);

  _rapport_event_page_class_init_actions (klass);
}

static void
rapport_event_page_init (RapportEventPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *child;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->removals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          g_object_unref);

  /* Buttons in the flow box, not the boxes around them, take focus. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  gtk_string_list_append (statuses, _("All"));
  for (guint i = 1; i < G_N_ELEMENTS (filter_statuses); i++)
    gtk_string_list_append (statuses, rapport_rsvp_status_get_label (filter_statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  _rapport_event_page_init_rsvps (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.cancel-job", TRUE);
}

/* Public */

/**
 * rapport_event_page_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_event_page_get_context (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return self->context;
}

/**
 * rapport_event_page_set_context:
 * @context: (nullable): the open community
 *
 * Shows events of @context's store; the page shows none until one is set
 * with rapport_event_page_set_event_id().
 */
void
rapport_event_page_set_context (RapportEventPage *self,
                                RapportContext   *context)
{
  RapportStore *store;

  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));
  g_return_if_fail (!context || RAPPORT_IS_CONTEXT (context));

  if (self->context == context)
    return;

  rapport_event_page_set_event_id (self, 0);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  store = context != NULL ? rapport_context_get_store (context) : NULL;
  g_set_object (&self->context, context);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed::events", G_CALLBACK (on_store_changed_cb), self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

gint64
rapport_event_page_get_event_id (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), 0);

  return self->event_id;
}

void
rapport_event_page_set_event_id (RapportEventPage *self,
                                 gint64            event_id)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkSelectionModel *selection;
  guint selected;

  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));

  if (self->event_id == event_id)
    return;

  self->event_id = event_id;

  if (self->rsvps != NULL)
    g_signal_handlers_disconnect_by_data (self->rsvps, self);
  if (self->waitlist != NULL)
    g_signal_handlers_disconnect_by_data (self->waitlist, self);
  g_clear_object (&self->rsvps);
  g_clear_object (&self->waitlist);

  if (event_id != 0 && self->store != NULL)
    {
      self->rsvps = rapport_rsvp_list_new (self->store, event_id);
      self->waitlist = rapport_rsvp_list_new (self->store, event_id);
      rapport_rsvp_list_set_status_filter (self->waitlist, RAPPORT_RSVP_WAITLISTED);

      selected = gtk_drop_down_get_selected (self->status_dropdown);
      if (selected < G_N_ELEMENTS (filter_statuses))
        rapport_rsvp_list_set_status_filter (self->rsvps, filter_statuses[selected]);

      g_signal_connect_object (self->rsvps, "items-changed", G_CALLBACK (on_rsvps_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->waitlist, "items-changed", G_CALLBACK (on_rsvps_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  sorted = gtk_sort_list_model_new (self->rsvps ? g_object_ref (G_LIST_MODEL (self->rsvps)) : NULL,
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);

  gtk_list_box_bind_model (self->waitlist_list, G_LIST_MODEL (self->waitlist),
                           _rapport_event_page_create_waitlist_row_cb, self, NULL);

  reload_event (self);
  update_rsvp_stack (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_ID]);
}

/**
 * rapport_event_page_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown
 */
RapportEvent *
rapport_event_page_get_event (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return self->event;
}

/**
 * rapport_event_page_set_narrow:
 *
 * On a narrow window the table keeps the columns that matter at the door:
 * name, status and party.
 */
void
rapport_event_page_set_narrow (RapportEventPage *self,
                               gboolean          narrow)
{
  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));

  gtk_column_view_column_set_visible (self->columns[COLUMN_CHECKED_IN], !narrow);
  gtk_column_view_column_set_visible (self->columns[COLUMN_SOURCE], !narrow);
  gtk_column_view_column_set_visible (self->columns[COLUMN_CREATED], !narrow);

  if (narrow)
    gtk_widget_add_css_class (self->content_box, "narrow");
  else
    gtk_widget_remove_css_class (self->content_box, "narrow");
}

/**
 * rapport_event_page_get_rsvps:
 *
 * Returns: (transfer none) (nullable): the RSVPs the table shows, before
 *   sorting
 */
GListModel *
rapport_event_page_get_rsvps (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return G_LIST_MODEL (self->rsvps);
}

/**
 * rapport_event_page_set_status_filter:
 * @status: (nullable): an RSVP status, or %NULL for all
 *
 * Chooses the status filter as the dropdown does.
 */
void
rapport_event_page_set_status_filter (RapportEventPage *self,
                                      const char       *status)
{
  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    {
      if (g_strcmp0 (filter_statuses[i], status) == 0)
        {
          gtk_drop_down_set_selected (self->status_dropdown, i);
          return;
        }
    }

  g_warning ("“%s” is not an RSVP status", status);
}

gboolean
rapport_event_page_get_busy (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * rapport_event_page_mark_done:
 *
 * Records attendance once (doing it again changes nothing) and shows the
 * show-up rate.
 */
gboolean
rapport_event_page_mark_done (RapportEventPage  *self,
                              GError           **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->event_id != 0, FALSE);

  if (!rapport_events_mark_done (self->store, self->event_id, error))
    return FALSE;

  reload_event (self);
  /* Translators: a toast after marking an event done, e.g. "Attendance recorded · show-up rate 78%" */
  title = g_strdup_printf (_("Attendance recorded · show-up rate %.0f%%"),
                           100.0 * rapport_event_counts_get_show_up_rate (&self->counts));
  _rapport_event_page_show_toast (self, title);

  return TRUE;
}

/**
 * rapport_event_page_open_checkin:
 *
 * Returns: (transfer none): the check-in window, shown
 */
GtkWindow *
rapport_event_page_open_checkin (RapportEventPage *self)
{
  GtkRoot *root;
  GtkWidget *window;

  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);
  g_return_val_if_fail (self->event_id != 0, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = rapport_checkin_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, self->event_id);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

/**
 * rapport_event_page_get_mapping_dialog:
 *
 * Returns: (transfer none) (nullable): the column-mapping dialog, while open
 */
GtkWindow *
rapport_event_page_get_mapping_dialog (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return self->mapping_dialog;
}

/**
 * rapport_event_page_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the last toast, while shown
 */
AdwToast *
rapport_event_page_get_last_toast (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return self->last_toast;
}

const char *
rapport_event_page_get_going_text (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return gtk_label_get_label (self->going_label);
}
