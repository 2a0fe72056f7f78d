/* rapport-events-view.c
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

#define G_LOG_DOMAIN "rapport-events-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context.h"
#include "rapport-event-editor.h"
#include "rapport-event-list.h"
#include "rapport-event-page.h"
#include "rapport-event-row.h"
#include "rapport-events-view.h"
#include "rapport-store.h"

/* The Events view: upcoming and past events on the left, the chosen
 * event's page on the right; folded, the list fills the view and the page
 * slides in with a back button. */

struct _RapportEventsView
{
  GtkWidget         parent_instance;

  RapportContext   *context;
  RapportStore     *store;
  RapportEventList *upcoming;
  RapportEventList *past;
  gint64            event_id;

  GtkStack         *main_stack;
  AdwLeaflet       *leaflet;
  GtkListBox       *upcoming_list;
  GtkListBox       *past_list;
  GtkRevealer      *back_revealer;
  GtkStack         *content_stack;
  RapportEventPage *event_page;

  guint             built : 1;
};

G_DEFINE_FINAL_TYPE (RapportEventsView, rapport_events_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void ensure_built (RapportEventsView *self);

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/events.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  RapportEventsView *self = user_data;

  return rapport_event_row_new (self->store, RAPPORT_EVENT (item));
}

static void
update_back (RapportEventsView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_revealer_set_reveal_child (self->back_revealer, folded);
  rapport_event_page_set_narrow (self->event_page, folded);
}

static void
on_leaflet_folded_changed_cb (RapportEventsView *self,
                              GParamSpec        *pspec,
                              AdwLeaflet        *leaflet)
{
  update_back (self);
}

/* Keeps the selected event's row selected across list reloads, in
 * whichever section it now is. */
static void
sync_selection (RapportEventsView *self)
{
  GtkListBox *lists[] = { self->upcoming_list, self->past_list };
  RapportEventList *models[] = { self->upcoming, self->past };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      guint position;

      if (self->event_id != 0 && models[i] != NULL &&
          rapport_event_list_find (models[i], self->event_id, &position))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (lists[i], position);

          if (row != gtk_list_box_get_selected_row (lists[i]))
            gtk_list_box_select_row (lists[i], row);
        }
      else if (gtk_list_box_get_selected_row (lists[i]) != NULL)
        gtk_list_box_unselect_all (lists[i]);
    }
}

static void
update_empty (RapportEventsView *self)
{
  guint n = 0;

  if (self->upcoming != NULL)
    n += g_list_model_get_n_items (G_LIST_MODEL (self->upcoming));
  if (self->past != NULL)
    n += g_list_model_get_n_items (G_LIST_MODEL (self->past));

  gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "events" : "empty");
}

static void
on_events_changed_cb (RapportEventsView *self,
                      guint              position,
                      guint              removed,
                      guint              added,
                      GListModel        *model)
{
  gboolean found = self->event_id == 0;
  guint pos;

  if (self->event_id != 0)
    found = rapport_event_list_find (self->upcoming, self->event_id, &pos) ||
            rapport_event_list_find (self->past, self->event_id, &pos);

  /* A deleted event takes its page with it. */
  if (!found)
    rapport_events_view_select_event (self, 0);

  update_empty (self);
  sync_selection (self);
}

static void
show_event (RapportEventsView *self,
            gint64             event_id,
            gboolean           navigate)
{
  if (self->event_id != event_id)
    {
      self->event_id = event_id;
      rapport_event_page_set_event_id (self->event_page, event_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_ID]);
    }

  gtk_stack_set_visible_child_name (self->content_stack, event_id != 0 ? "event" : "none");
  sync_selection (self);

  if (navigate && event_id != 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "event");
}

static void
on_list_row_selected_cb (RapportEventsView *self,
                         GtkListBoxRow     *row,
                         GtkListBox        *list)
{
  if (row == NULL)
    return;

  show_event (self, rapport_event_get_id (rapport_event_row_get_event (RAPPORT_EVENT_ROW (row))), FALSE);
}

static void
on_list_row_activated_cb (RapportEventsView *self,
                          GtkListBoxRow     *row,
                          GtkListBox        *list)
{
  show_event (self, rapport_event_get_id (rapport_event_row_get_event (RAPPORT_EVENT_ROW (row))), TRUE);
}

static void
on_editor_saved_cb (RapportEventsView  *self,
                    gint64              event_id,
                    RapportEventEditor *editor)
{
  show_event (self, event_id, TRUE);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rapport_events_view_new_event (RAPPORT_EVENTS_VIEW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rapport_events_view_show_list (RAPPORT_EVENTS_VIEW (widget));
}

static void
rapport_events_view_dispose (GObject *object)
{
  RapportEventsView *self = RAPPORT_EVENTS_VIEW (object);

  if (self->upcoming != NULL)
    g_signal_handlers_disconnect_by_data (self->upcoming, self);
  if (self->past != NULL)
    g_signal_handlers_disconnect_by_data (self->past, self);

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_EVENTS_VIEW);

  g_clear_object (&self->upcoming);
  g_clear_object (&self->past);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_events_view_parent_class)->dispose (object);
}

static void
rapport_events_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportEventsView *self = RAPPORT_EVENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_events_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportEventsView *self = RAPPORT_EVENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_events_view_set_context (self, g_value_get_object (value));
      break;

    case PROP_EVENT_ID:
      rapport_events_view_select_event (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_events_view_map (GtkWidget *widget)
{
  ensure_built (RAPPORT_EVENTS_VIEW (widget));

  GTK_WIDGET_CLASS (rapport_events_view_parent_class)->map (widget);
}

static void
rapport_events_view_class_init (RapportEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_events_view_dispose;
  object_class->get_property = rapport_events_view_get_property;
  object_class->set_property = rapport_events_view_set_property;

  widget_class->map = rapport_events_view_map;

  /* The open community, whose events the view shows. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_EVENT_PAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-events-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportEventsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEventsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportEventsView, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, RapportEventsView, past_list);
  gtk_widget_class_bind_template_child (widget_class, RapportEventsView, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportEventsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEventsView, event_page);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "events.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "events.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "events.back", NULL);
}

static void
rapport_events_view_init (RapportEventsView *self)
{
  ensure_style ();
}

/* The events of the store, upcoming and past. */
static void
load_store (RapportEventsView *self)
{
  rapport_event_page_set_context (self->event_page, self->context);

  if (self->store != NULL)
    {
      self->upcoming = rapport_event_list_new (self->store, RAPPORT_EVENT_RANGE_UPCOMING);
      self->past = rapport_event_list_new (self->store, RAPPORT_EVENT_RANGE_PAST);
      g_signal_connect_object (self->upcoming, "items-changed",
                               G_CALLBACK (on_events_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->past, "items-changed",
                               G_CALLBACK (on_events_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming), create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->past_list, G_LIST_MODEL (self->past), create_row_cb, self, NULL);
  update_empty (self);
}

/* The page is built, and reads the store, the first time it shows (or is
 * asked for something only the built page has): a window opens on its
 * Members page. */
static void
ensure_built (RapportEventsView *self)
{
  if (self->built)
    return;

  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_back (self);
  load_store (self);
}

/**
 * rapport_events_view_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_events_view_get_context (RapportEventsView *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENTS_VIEW (self), NULL);

  return self->context;
}

/**
 * rapport_events_view_set_context:
 * @context: (nullable): the open community
 *
 * Shows the events of @context's store.
 */
void
rapport_events_view_set_context (RapportEventsView *self,
                                 RapportContext    *context)
{
  g_return_if_fail (RAPPORT_IS_EVENTS_VIEW (self));
  g_return_if_fail (!context || RAPPORT_IS_CONTEXT (context));

  if (self->context == context)
    return;

  /* Unbuilt, the page reads the store when it first shows. */
  if (!self->built)
    {
      g_set_object (&self->context, context);
      g_set_object (&self->store, (context != NULL ? rapport_context_get_store (context) : NULL));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
      return;
    }

  rapport_events_view_select_event (self, 0);
  if (self->upcoming != NULL)
    g_signal_handlers_disconnect_by_data (self->upcoming, self);
  if (self->past != NULL)
    g_signal_handlers_disconnect_by_data (self->past, self);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->past);
  g_set_object (&self->context, context);
  g_set_object (&self->store, (context != NULL ? rapport_context_get_store (context) : NULL));
  load_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

gint64
rapport_events_view_get_event_id (RapportEventsView *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENTS_VIEW (self), 0);

  return self->event_id;
}

/**
 * rapport_events_view_select_event:
 * @event_id: an event, or 0 for none
 *
 * Shows an event's page (sliding to it when folded).
 *
 * Returns: whether the event is in the list
 */
gboolean
rapport_events_view_select_event (RapportEventsView *self,
                                  gint64             event_id)
{
  guint position;

  g_return_val_if_fail (RAPPORT_IS_EVENTS_VIEW (self), FALSE);

  ensure_built (self);

  if (event_id != 0 &&
      !(self->upcoming != NULL && rapport_event_list_find (self->upcoming, event_id, &position)) &&
      !(self->past != NULL && rapport_event_list_find (self->past, event_id, &position)))
    return FALSE;

  show_event (self, event_id, event_id != 0);
  return TRUE;
}

void
rapport_events_view_show_list (RapportEventsView *self)
{
  g_return_if_fail (RAPPORT_IS_EVENTS_VIEW (self));

  ensure_built (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

RapportEventPage *
rapport_events_view_get_page (RapportEventsView *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENTS_VIEW (self), NULL);

  ensure_built (self);
  return self->event_page;
}

/**
 * rapport_events_view_get_list:
 * @range: %RAPPORT_EVENT_RANGE_UPCOMING or %RAPPORT_EVENT_RANGE_PAST
 *
 * Returns: (transfer none): the list box of that section
 */
GtkListBox *
rapport_events_view_get_list (RapportEventsView *self,
                              RapportEventRange  range)
{
  g_return_val_if_fail (RAPPORT_IS_EVENTS_VIEW (self), NULL);

  ensure_built (self);
  return range == RAPPORT_EVENT_RANGE_PAST ? self->past_list : self->upcoming_list;
}

/**
 * rapport_events_view_new_event:
 *
 * Opens the editor for a new event; saving it shows its page.
 *
 * Returns: (transfer none): the editor window
 */
GtkWindow *
rapport_events_view_new_event (RapportEventsView *self)
{
  GtkWidget *editor;

  g_return_val_if_fail (RAPPORT_IS_EVENTS_VIEW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  ensure_built (self);
  editor = rapport_event_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}
