/* rapport-content-view.c
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

#define G_LOG_DOMAIN "rapport-content-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rapport-caldav.h"
#include "rapport-clock.h"
#include "rapport-content-ical.h"
#include "rapport-content-store.h"
#include "rapport-content-util.h"
#include "rapport-content-view.h"
#include "rapport-window.h"

/* The Content page: a toolbar (Today, ‹ ›, the period, Month / Week /
 * Agenda, filters, Backlog, menu), the calendar views and the backlog of
 * ideas in an AdwFlap. One RapportContentRange follows the visible
 * period; a filter on top of it feeds whichever view shows, so each view
 * receives a model already cut to its dates. Reschedules by drag and drop
 * end in a toast with Undo; the team calendar syncs over CalDAV in a
 * worker thread. */

#define AGENDA_DAYS 28

struct _RapportContentView
{
  GtkWidget             parent_instance;

  RapportStore         *store;
  RapportContentRange  *range;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GListStore           *backlog;
  GDateTime            *anchor;
  char                 *mode;
  char                 *period_title;
  char                 *filter_channel;
  char                 *filter_status;
  char                 *filter_owner;
  gboolean              show_backlog;
  gulong                changed_id;
  guint                 reload_source;
  GCancellable         *sync_cancellable;
  guint                 pulse_source;
  gboolean              first_sync;
  RapportContentEditor *editor;
  GtkNativeDialog      *file_chooser;

  AdwSqueezer          *toolbar_squeezer;
  GtkLabel             *wide_title;
  GtkLabel             *narrow_title;
  GtkMenuButton        *wide_filter_button;
  GtkLabel             *wide_filter_label;
  GtkMenuButton        *narrow_menu_button;
  GMenuModel           *content_menu;
  GtkRevealer          *sync_revealer;
  GtkProgressBar       *sync_progress;
  AdwFlap              *flap;
  GtkStack             *views_stack;
  RapportMonthView     *month_view;
  RapportWeekView      *week_view;
  RapportAgendaView    *agenda_view;
  GtkLabel             *backlog_count;
  GtkStack             *backlog_stack;
  GtkListView          *backlog_view;
};

G_DEFINE_FINAL_TYPE (RapportContentView, rapport_content_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODE,
  PROP_SHOW_BACKLOG,
  PROP_FILTER_CHANNEL,
  PROP_FILTER_STATUS,
  PROP_FILTER_OWNER,
  PROP_PERIOD_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update_period (RapportContentView *self);

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/content.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GtkWindow *
get_window (RapportContentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (RapportContentView *self,
            AdwToast           *toast)
{
  GtkWindow *window = get_window (self);

  if (RAPPORT_IS_WINDOW (window))
    rapport_window_add_toast (RAPPORT_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static AdwMessageDialog *
show_error (RapportContentView *self,
            const char         *heading,
            const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Filters */

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  RapportContentView *self = user_data;
  RapportContentItem *item = rapport_content_occurrence_get_item (object);

  if (self->filter_status != NULL && self->filter_status[0] != '\0'
      && g_strcmp0 (rapport_content_status_to_string (rapport_content_item_get_status (item)), self->filter_status) != 0)
    return FALSE;

  if (self->filter_owner != NULL && self->filter_owner[0] != '\0'
      && g_strcmp0 (rapport_content_item_get_owner (item), self->filter_owner) != 0)
    return FALSE;

  if (self->filter_channel != NULL && self->filter_channel[0] != '\0')
    {
      const char * const *channels = rapport_content_item_get_channels (item);
      g_autofree char *wanted = g_utf8_casefold (self->filter_channel, -1);
      gboolean found = FALSE;

      /* The core spells channels its own way ("YouTube"); match any case. */
      for (guint i = 0; channels != NULL && channels[i] != NULL && !found; i++)
        {
          g_autofree char *folded = g_utf8_casefold (channels[i], -1);

          found = g_str_equal (folded, wanted);
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static gboolean
filters_active (RapportContentView *self)
{
  return (self->filter_channel != NULL && self->filter_channel[0] != '\0')
         || (self->filter_status != NULL && self->filter_status[0] != '\0')
         || (self->filter_owner != NULL && self->filter_owner[0] != '\0');
}

static void
add_radio (GMenu      *section,
           const char *label,
           const char *action,
           const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", target);
  g_menu_append_item (section, item);
}

/* The filter menu lists the channels and owners there are, so it is
 * rebuilt when the content changes. */
static void
rebuild_filter_menu (RapportContentView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) channels = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) owners = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean active = filters_active (self);

  add_radio (channels, _("All Channels"), "content.filter-channel", "");
  names = self->store != NULL ? rapport_content_list_channels (self->store) : NULL;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    add_radio (channels, names[i], "content.filter-channel", names[i]);
  g_menu_append_section (menu, _("Channel"), G_MENU_MODEL (channels));

  add_radio (statuses, _("Any Status"), "content.filter-status", "");
  for (RapportContentStatus status = RAPPORT_CONTENT_STATUS_IDEA; status <= RAPPORT_CONTENT_STATUS_CANCELLED; status++)
    add_radio (statuses, rapport_content_status_get_label (status), "content.filter-status",
               rapport_content_status_to_string (status));
  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (statuses));

  add_radio (owners, _("Anyone"), "content.filter-owner", "");
  items = self->store != NULL ? rapport_content_list_items (self->store, NULL) : NULL;
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *owner = rapport_content_item_get_owner (g_ptr_array_index (items, i));

      if (owner != NULL && owner[0] != '\0' && !g_hash_table_contains (seen, owner))
        g_hash_table_add (seen, g_strdup (owner));
    }
  {
    g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (seen), (GCompareFunc) g_utf8_collate);

    for (GList *l = keys; l != NULL; l = l->next)
      add_radio (owners, l->data, "content.filter-owner", l->data);
  }
  g_menu_append_section (menu, _("Owner"), G_MENU_MODEL (owners));

  gtk_menu_button_set_menu_model (self->wide_filter_button, G_MENU_MODEL (menu));

  /* Narrow, there is no room for a filter button: the filters are a
   * submenu of the page's menu. */
  {
    g_autoptr(GMenu) narrow = g_menu_new ();
    g_autoptr(GMenu) filter_section = g_menu_new ();

    g_menu_append_submenu (filter_section, active ? _("_Filter (On)") : _("_Filter"), G_MENU_MODEL (menu));
    g_menu_append_section (narrow, NULL, G_MENU_MODEL (filter_section));
    for (int i = 0; i < g_menu_model_get_n_items (self->content_menu); i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new_from_model (self->content_menu, i);

        g_menu_append_item (narrow, item);
      }
    gtk_menu_button_set_menu_model (self->narrow_menu_button, G_MENU_MODEL (narrow));
  }

  gtk_label_set_label (self->wide_filter_label, active ? _("Filtered") : _("Filter"));
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->wide_filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->wide_filter_button), "accent");
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
rapport_content_view_set_filters (RapportContentView *self,
                                  const char         *channel,
                                  const char         *status,
                                  const char         *owner)
{
  gboolean changed = FALSE;

  g_return_if_fail (RAPPORT_IS_CONTENT_VIEW (self));

  if (replace_string (&self->filter_channel, channel))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER_CHANNEL]);
    }
  if (replace_string (&self->filter_status, status))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER_STATUS]);
    }
  if (replace_string (&self->filter_owner, owner))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER_OWNER]);
    }

  if (!changed)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  rebuild_filter_menu (self);
}

/* Backlog */

static void
reload_backlog (RapportContentView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  if (self->store == NULL)
    return;

  items = rapport_content_list_unscheduled (self->store, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the backlog: %s", error->message);
      return;
    }

  g_list_store_splice (self->backlog, 0, g_list_model_get_n_items (G_LIST_MODEL (self->backlog)),
                       items->pdata, items->len);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item without a date", "%u items without a date", items->len),
                           items->len);
  gtk_label_set_label (self->backlog_count, count);
  gtk_stack_set_visible_child_name (self->backlog_stack, items->len > 0 ? "list" : "empty");
}

static GdkContentProvider *
on_backlog_drag_prepare_cb (GtkDragSource *source,
                            double         x,
                            double         y,
                            GtkListItem   *list_item)
{
  RapportContentItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return NULL;
  return gdk_content_provider_new_typed (RAPPORT_TYPE_CONTENT_ITEM, item);
}

static void
on_backlog_drag_begin_cb (GtkDragSource *source,
                          GdkDrag       *drag,
                          GtkListItem   *list_item)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (gtk_list_item_get_child (list_item));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
on_backlog_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     RapportContentView       *self)
{
  GtkWidget *box, *title, *details, *dot, *texts;
  GtkDragSource *drag;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (box, "backlog-row");
  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), dot);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), title);
  details = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (texts), details);
  gtk_box_append (GTK_BOX (box), texts);

  g_object_set_data (G_OBJECT (list_item), "dot", dot);
  g_object_set_data (G_OBJECT (list_item), "title", title);
  g_object_set_data (G_OBJECT (list_item), "details", details);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_backlog_drag_prepare_cb), list_item);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_backlog_drag_begin_cb), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (list_item, box);
}

static void
on_backlog_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    RapportContentView       *self)
{
  RapportContentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *dot = g_object_get_data (G_OBJECT (list_item), "dot");
  const char * const *channels = rapport_content_item_get_channels (item);
  g_autofree char *details = NULL;
  g_autofree char *color_class = NULL;
  const char *classes[] = { "content-dot", NULL, NULL };

  gtk_label_set_label (g_object_get_data (G_OBJECT (list_item), "title"), rapport_content_item_get_title (item));
  /* Translators: a backlog row's second line: kind · status */
  details = g_strdup_printf (_("%s · %s"), rapport_content_kind_get_label (rapport_content_item_get_kind (item)),
                             rapport_content_status_get_label (rapport_content_item_get_status (item)));
  gtk_label_set_label (g_object_get_data (G_OBJECT (list_item), "details"), details);

  color_class = g_strconcat ("channel-", rapport_content_channel_color (channels != NULL ? channels[0] : NULL), NULL);
  classes[1] = color_class;
  gtk_widget_set_css_classes (dot, classes);
}

static void
on_backlog_activate_cb (GtkListView        *list_view,
                        guint               position,
                        RapportContentView *self)
{
  g_autoptr(RapportContentItem) item = g_list_model_get_item (G_LIST_MODEL (self->backlog), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "content.open", "(xx)",
                                rapport_content_item_get_id (item), (gint64) 0);
}

/* Store changes */

static void
update_actions (RapportContentView *self)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean connected, syncing = self->sync_cancellable != NULL;

  connected = self->store != NULL && rapport_caldav_get_account (self->store, &url, &user);
  conflicts = connected ? rapport_caldav_list_conflicts (self->store, NULL) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.sync", connected && !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.cancel-sync", syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.share", self->store != NULL && !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.conflicts", conflicts != NULL && conflicts->len > 0);
}

static gboolean
reload_cb (gpointer user_data)
{
  RapportContentView *self = user_data;

  self->reload_source = 0;
  reload_backlog (self);
  rebuild_filter_menu (self);
  update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RapportStore       *store,
                     const char         *table,
                     gint64              row_id,
                     RapportChangeKind   kind,
                     RapportContentView *self)
{
  if (!g_str_equal (table, "content_items") && !g_str_equal (table, "members"))
    return;

  /* The range reloads itself; the backlog and the filter menu follow
   * once a burst of changes (an import, a sync) is over. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

/* Periods */

static GDateTime *
start_of_week (GDateTime *day)
{
  int weekday = g_date_time_get_day_of_week (day) % 7;
  int back = (weekday - rapport_content_first_weekday () + 7) % 7;
  g_autoptr(GDateTime) shifted = g_date_time_add_days (day, -back);

  return rapport_content_local_day (g_date_time_get_year (shifted), g_date_time_get_month (shifted),
                                    g_date_time_get_day_of_month (shifted));
}

static void
set_period_title (RapportContentView *self,
                  const char         *title)
{
  if (!replace_string (&self->period_title, title))
    return;

  gtk_label_set_label (self->wide_title, title);
  gtk_label_set_label (self->narrow_title, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD_TITLE]);
}

static char *
format_span (GDateTime *first,
             GDateTime *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    {
      from = g_date_time_format (first, _("%-d %b %Y"));
      to = g_date_time_format (last, _("%-d %b %Y"));
    }
  else if (g_date_time_get_month (first) != g_date_time_get_month (last))
    {
      from = g_date_time_format (first, _("%-d %b"));
      to = g_date_time_format (last, _("%-d %b %Y"));
    }
  else
    {
      from = g_date_time_format (first, "%-d");
      to = g_date_time_format (last, _("%-d %B %Y"));
    }

  /* Translators: a period of days, "14 – 20 December 2026" */
  return g_strdup_printf (_("%s – %s"), g_strstrip (from), g_strstrip (to));
}

static void
update_period (RapportContentView *self)
{
  GDateTime *start = NULL, *end = NULL;
  g_autoptr(GDateTime) agenda_start = NULL;
  g_autoptr(GDateTime) agenda_end = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (self->mode, "week") == 0)
    {
      g_autoptr(GDateTime) first = start_of_week (self->anchor);
      g_autoptr(GDateTime) last = g_date_time_add_days (first, 6);

      rapport_week_view_set_first_day (self->week_view, first);
      start = rapport_week_view_get_range_start (self->week_view);
      end = rapport_week_view_get_range_end (self->week_view);
      title = format_span (first, last);
    }
  else if (g_strcmp0 (self->mode, "agenda") == 0)
    {
      g_autoptr(GDateTime) after = NULL;
      g_autoptr(GDateTime) last = NULL;

      agenda_start = rapport_content_local_day (g_date_time_get_year (self->anchor),
                                                g_date_time_get_month (self->anchor),
                                                g_date_time_get_day_of_month (self->anchor));
      after = g_date_time_add_days (agenda_start, AGENDA_DAYS);
      agenda_end = rapport_content_local_day (g_date_time_get_year (after), g_date_time_get_month (after),
                                              g_date_time_get_day_of_month (after));
      last = g_date_time_add_days (agenda_start, AGENDA_DAYS - 1);
      start = agenda_start;
      end = agenda_end;
      title = format_span (agenda_start, last);
    }
  else
    {
      rapport_month_view_set_month (self->month_view, g_date_time_get_year (self->anchor),
                                    g_date_time_get_month (self->anchor));
      start = rapport_month_view_get_range_start (self->month_view);
      end = rapport_month_view_get_range_end (self->month_view);
      /* Translators: the month view's title; %OB is the month's name on its own */
      title = g_date_time_format (self->anchor, _("%OB %Y"));
    }

  set_period_title (self, title);

  if (self->range != NULL)
    rapport_content_range_set_range (self->range, start, end);

  /* Only the view that shows follows the model. */
  rapport_month_view_set_model (self->month_view, g_strcmp0 (self->mode, "month") == 0 ? G_LIST_MODEL (self->filtered) : NULL);
  rapport_week_view_set_model (self->week_view, g_strcmp0 (self->mode, "week") == 0 ? G_LIST_MODEL (self->filtered) : NULL);
  rapport_agenda_view_set_model (self->agenda_view, g_strcmp0 (self->mode, "agenda") == 0 ? G_LIST_MODEL (self->filtered) : NULL);
}

void
rapport_content_view_set_date (RapportContentView *self,
                               GDateTime          *date)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_VIEW (self));
  g_return_if_fail (date != NULL);

  g_clear_pointer (&self->anchor, g_date_time_unref);
  self->anchor = g_date_time_to_local (date);
  update_period (self);
}

static void
move_anchor (RapportContentView *self,
             int                 direction)
{
  g_autoptr(GDateTime) moved = NULL;

  if (g_strcmp0 (self->mode, "week") == 0)
    moved = g_date_time_add_days (self->anchor, 7 * direction);
  else if (g_strcmp0 (self->mode, "agenda") == 0)
    moved = g_date_time_add_days (self->anchor, AGENDA_DAYS * direction);
  else
    {
      g_autoptr(GDateTime) first = rapport_content_local_day (g_date_time_get_year (self->anchor),
                                                              g_date_time_get_month (self->anchor), 1);

      moved = g_date_time_add_months (first, direction);
    }

  rapport_content_view_set_date (self, moved);
}

static void
on_month_leave_grid_cb (RapportMonthView   *view,
                        GDateTime          *day,
                        RapportContentView *self)
{
  rapport_content_view_set_date (self, day);
  rapport_month_view_focus_day (self->month_view, g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day));
}

/* Reschedule by drag and drop */

static void
on_undo_clicked_cb (AdwToast           *toast,
                    RapportContentView *self)
{
  RapportContentUndo *undo = g_object_get_data (G_OBJECT (toast), "undo");
  g_autoptr(GError) error = NULL;

  if (undo == NULL || self->store == NULL)
    return;
  if (!rapport_content_undo_apply (undo, self->store, &error))
    show_error (self, _("Could Not Undo"), error->message);
}

static void
toast_moved (RapportContentView *self,
             const char         *title,
             GDateTime          *day,
             RapportContentUndo *undo)
{
  g_autofree char *date = g_date_time_format (day, _("%A, %-d %B"));
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: after a drag and drop: "“Spring newsletter” moved to Tuesday, 14 April" */
  text = g_strdup_printf (_("“%s” moved to %s"), title, g_strstrip (date));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "undo", undo, (GDestroyNotify) rapport_content_undo_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  show_toast (self, toast);
}

static void
move_occurrence (RapportContentView       *self,
                 RapportContentOccurrence *occurrence,
                 GDateTime                *day,
                 gboolean                  whole_series)
{
  RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);
  g_autoptr(GError) error = NULL;
  RapportContentUndo *undo = NULL;

  if (!rapport_content_move_occurrence (self->store, occurrence, day, whole_series, &undo, &error))
    {
      show_error (self, _("Could Not Reschedule"), error->message);
      return;
    }
  if (undo != NULL)
    toast_moved (self, rapport_content_item_get_title (item), day, undo);
}

typedef struct
{
  RapportContentView       *self;
  RapportContentOccurrence *occurrence;
  GDateTime                *day;
} MoveRequest;

static void
move_request_free (MoveRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->occurrence);
  g_date_time_unref (request->day);
  g_free (request);
}

static void
on_series_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MoveRequest      *request)
{
  if (g_str_equal (response, "occurrence"))
    move_occurrence (request->self, request->occurrence, request->day, FALSE);
  else if (g_str_equal (response, "series"))
    move_occurrence (request->self, request->occurrence, request->day, TRUE);
}

/**
 * rapport_content_view_drop:
 * @object: a #RapportContentOccurrence from the calendar or a
 *   #RapportContentItem from the backlog
 * @day: the local midnight of the day it was dropped on
 *
 * What a drop on a day does: an idea gets that date (10:00) and becomes
 * Scheduled; an item moves there keeping its time of day; an occurrence
 * of a series asks whether to move it alone or the whole series.
 *
 * Returns: whether the drop was taken
 */
gboolean
rapport_content_view_drop (RapportContentView *self,
                           GObject            *object,
                           GDateTime          *day)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  if (RAPPORT_IS_CONTENT_ITEM (object))
    {
      RapportContentUndo *undo = NULL;

      if (!rapport_content_schedule_on_day (self->store, RAPPORT_CONTENT_ITEM (object), day, &undo, &error))
        {
          show_error (self, _("Could Not Schedule"), error->message);
          return FALSE;
        }
      toast_moved (self, rapport_content_item_get_title (RAPPORT_CONTENT_ITEM (object)), day, undo);
      return TRUE;
    }

  if (RAPPORT_IS_CONTENT_OCCURRENCE (object))
    {
      RapportContentOccurrence *occurrence = RAPPORT_CONTENT_OCCURRENCE (object);
      RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);
      g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (occurrence);

      if (rapport_content_days_between (start, day) == 0)
        return FALSE;

      if (rapport_content_item_get_rrule (item) != NULL)
        {
          GtkWidget *dialog;
          MoveRequest *request = g_new0 (MoveRequest, 1);
          g_autofree char *heading = g_strdup_printf (_("Move “%s”?"), rapport_content_item_get_title (item));

          request->self = g_object_ref (self);
          request->occurrence = g_object_ref (occurrence);
          request->day = g_date_time_ref (day);

          dialog = adw_message_dialog_new (get_window (self), heading,
                                           _("This item repeats. Move only this occurrence, or every occurrence of the series by the same number of days?"));
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "series", _("_All Occurrences"),
                                            "occurrence", _("_This Occurrence"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "occurrence",
                                                      ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "occurrence");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_signal_connect_data (dialog, "response", G_CALLBACK (on_series_response_cb), request,
                                 (GClosureNotify) (void (*) (void)) move_request_free, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return TRUE;
        }

      move_occurrence (self, occurrence, day, FALSE);
      return TRUE;
    }

  return FALSE;
}

static gboolean
on_drop_on_day_cb (GtkWidget          *view,
                   GObject            *object,
                   GDateTime          *day,
                   RapportContentView *self)
{
  return rapport_content_view_drop (self, object, day);
}

/* The editor */

static void
on_editor_destroy_cb (RapportContentView   *self,
                      RapportContentEditor *editor)
{
  if (self->editor == editor)
    self->editor = NULL;
}

static void
present_editor (RapportContentView   *self,
                RapportContentEditor *editor)
{
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  self->editor = editor;
  g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), get_window (self));
  gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_item (RapportContentView *self,
          GDateTime          *day)
{
  if (self->store == NULL)
    return;

  present_editor (self, rapport_content_editor_new (self->store, NULL, 0, day));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autoptr(GDateTime) now = rapport_now_local ();
  g_autoptr(GDateTime) day = NULL;

  /* In the month shown: today if it is there, else its first day. */
  if (g_date_time_get_year (now) == g_date_time_get_year (self->anchor)
      && g_date_time_get_month (now) == g_date_time_get_month (self->anchor))
    day = g_date_time_ref (now);
  else
    day = g_date_time_ref (self->anchor);

  new_item (self, day);
}

static void
new_idea_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  new_item (RAPPORT_CONTENT_VIEW (widget), NULL);
}

static void
new_on_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  int year, month, day;
  g_autoptr(GDateTime) when = NULL;

  if (sscanf (g_variant_get_string (parameter, NULL), "%d-%d-%d", &year, &month, &day) != 3)
    return;
  when = rapport_content_local_day (year, month, day);
  if (when != NULL)
    new_item (self, when);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autoptr(RapportContentItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item_id, recurrence_id;

  g_variant_get (parameter, "(xx)", &item_id, &recurrence_id);
  if (self->store == NULL)
    return;

  item = rapport_content_get (self->store, item_id, &error);
  if (item == NULL)
    {
      show_error (self, _("Could Not Open the Item"), error->message);
      return;
    }

  present_editor (self, rapport_content_editor_new (self->store, item,
                                                    rapport_content_item_get_rrule (item) != NULL ? recurrence_id : 0,
                                                    NULL));
}

/* Navigation */

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autoptr(GDateTime) now = rapport_now_local ();

  rapport_content_view_set_date (self, now);
  if (g_strcmp0 (self->mode, "month") == 0)
    rapport_month_view_focus_day (self->month_view, g_date_time_get_year (now), g_date_time_get_month (now),
                                  g_date_time_get_day_of_month (now));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_anchor (RAPPORT_CONTENT_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_anchor (RAPPORT_CONTENT_VIEW (widget), 1);
}

/* ICS files */

static GPtrArray *
items_to_export (RapportContentView  *self,
                 GError             **error)
{
  g_autoptr(GPtrArray) all = rapport_content_list_items (self->store, error);
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) masters = NULL;

  if (all == NULL || !filters_active (self))
    return g_steal_pointer (&all);

  /* The filter picks series as a whole; their edited occurrences follow
   * (masters come first in the list). */
  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  masters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (all, i);
      gint64 series_id = rapport_content_item_get_series_id (item);
      g_autoptr(RapportContentOccurrence) probe = rapport_content_occurrence_new (item, rapport_content_item_get_publish_at (item), 0);

      if (series_id > 0 ? g_hash_table_contains (masters, &series_id) : filter_func (probe, self))
        {
          g_ptr_array_add (chosen, g_object_ref (item));
          if (rapport_content_item_get_rrule (item) != NULL)
            {
              gint64 *id = g_new (gint64, 1);

              *id = rapport_content_item_get_id (item);
              g_hash_table_add (masters, id);
            }
        }
    }

  return g_steal_pointer (&chosen);
}

/**
 * rapport_content_view_export_ics:
 * @file: where to write
 *
 * Writes the items the filters show (all of them without filters) to
 * @file as iCalendar, and says how it went in a toast or an error dialog:
 * what the Export file chooser does with the file picked.
 *
 * Returns: whether the file was written
 */
gboolean
rapport_content_view_export_ics (RapportContentView *self,
                                 GFile              *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      /* Translators: %s is the address of a file that is not on this computer */
      text = g_strdup_printf (_("%s is not a local file."), uri);
      show_error (self, _("Could Not Export the Calendar"), text);
      return FALSE;
    }

  items = items_to_export (self, &error);
  if (items == NULL || !rapport_content_export_file (self->store, items, path, &error))
    {
      show_error (self, _("Could Not Export the Calendar"), error->message);
      return FALSE;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u item to %s",
                                       "Exported %u items to %s", items->len),
                          items->len, name);
  show_toast (self, adw_toast_new (text));
  return TRUE;
}

/**
 * rapport_content_view_import_ics:
 * @file: an iCalendar file
 *
 * Adds the events of @file to the content calendar (an event already
 * there by UID is updated), and says how it went in a toast or an error
 * dialog: what the Import file chooser does with the file picked.
 *
 * Returns: whether the file was imported
 */
gboolean
rapport_content_view_import_ics (RapportContentView *self,
                                 GFile              *file)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = 0;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      text = g_strdup_printf (_("%s is not a local file."), uri);
      show_error (self, _("Could Not Import the Calendar"), text);
      return FALSE;
    }

  if (!rapport_content_import_file (self->store, path, &n_items, &error))
    {
      show_error (self, _("Could Not Import the Calendar"), error->message);
      return FALSE;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u item", "Imported %u items", n_items), n_items);
  rapport_store_emit_changed (self->store, "content_items", 0, RAPPORT_CHANGE_RELOAD);
  show_toast (self, adw_toast_new (text));
  return TRUE;
}

static void
on_file_chooser_response_cb (GtkNativeDialog    *dialog,
                             int                 response,
                             RapportContentView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    {
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        rapport_content_view_export_ics (self, file);
      else
        rapport_content_view_import_ics (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

static void
run_file_chooser (RapportContentView   *self,
                  GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = ics_filter ();

  if (self->file_chooser != NULL || self->store == NULL)
    return;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      chooser = gtk_file_chooser_native_new (_("Export Content Calendar"), get_window (self), action,
                                             _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("content-calendar.ics"));
      g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
    }
  else
    {
      chooser = gtk_file_chooser_native_new (_("Import Content Calendar"), get_window (self), action,
                                             _("_Import"), _("_Cancel"));
      g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
    }

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_file_chooser (RAPPORT_CONTENT_VIEW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_file_chooser (RAPPORT_CONTENT_VIEW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

/* The team calendar (CalDAV) */

static void start_sync (RapportContentView *self);

typedef struct
{
  char     *path;
  char     *url;
  char     *user;
  char     *password;
  gboolean  create;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_free (data->path);
  g_free (data->url);
  g_free (data->user);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectData *data = task_data;
  g_autoptr(RapportStore) worker = NULL;
  GError *error = NULL;

  worker = rapport_store_new_worker (data->path, &error);
  if (worker == NULL ||
      (data->create &&
       /* Translators: the name of a calendar Rapport creates on the team's server */
       !rapport_caldav_create_calendar (data->url, data->user, data->password, _("Community Content"),
                                        cancellable, &error)) ||
      !rapport_caldav_connect (worker, data->url, data->user, data->password, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void on_share_failed_response_cb (AdwMessageDialog   *dialog,
                                         const char         *response,
                                         RapportContentView *self);
static void connect_done_cb             (GObject            *object,
                                         GAsyncResult       *result,
                                         gpointer            user_data);

/* Takes @data. */
static void
start_connect (RapportContentView *self,
               ConnectData        *data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, NULL, connect_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_connect);
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.share", FALSE);
  g_task_run_in_thread (task, connect_thread);
}

static ConnectData *
connect_data_new (RapportContentView *self,
                  const char         *url,
                  const char         *user,
                  const char         *password)
{
  ConnectData *data = g_new0 (ConnectData, 1);

  data->path = g_strdup (rapport_store_get_path (self->store));
  data->url = g_strstrip (g_strdup (url));
  data->user = g_strstrip (g_strdup (user));
  data->password = g_strdup (password);

  return data;
}

static void
on_create_calendar_response_cb (AdwMessageDialog   *dialog,
                                const char         *response,
                                RapportContentView *self)
{
  ConnectData *data = g_object_get_data (G_OBJECT (dialog), "connect-data");

  if (self->store == NULL)
    return;
  if (!g_str_equal (response, "create"))
    {
      on_share_failed_response_cb (dialog, response, self);
      return;
    }

  data = connect_data_new (self, data->url, data->user, data->password);
  data->create = TRUE;
  start_connect (self, data);
}

/* Nothing at the address: the team may have no calendar yet. Creating one
 * is offered, not done, since a mistyped address would make a stray one. */
static void
offer_to_create (RapportContentView *self,
                 ConnectData        *data)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("There is no calendar at %s yet. Rapport can create one there, named “%s”, for the whole team to connect to."),
                          data->url, _("Community Content"));
  dialog = adw_message_dialog_new (get_window (self), _("Create a Team Calendar?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "back", _("_Back"),
                                    "create", _("C_reate Calendar"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "back");
  g_object_set_data_full (G_OBJECT (dialog), "url", g_strdup (data->url), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "user", g_strdup (data->user), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "connect-data",
                          connect_data_new (self, data->url, data->user, data->password),
                          (GDestroyNotify) connect_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_create_calendar_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportContentView) self = user_data;
  ConnectData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *body = NULL;
      AdwMessageDialog *dialog;

      if (!data->create && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && self->store != NULL)
        {
          offer_to_create (self, data);
          update_actions (self);
          return;
        }

      /* Translators: what went wrong, then the calendar's address */
      body = g_strdup_printf (_("%s\n\nCalendar address: %s"), error->message, data->url);
      dialog = show_error (self, _("Could Not Share the Calendar"), body);
      /* Closing the message brings the form back as it was typed, so a
       * mistyped password is one field to fix. */
      g_object_set_data_full (G_OBJECT (dialog), "url", g_strdup (data->url), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "user", g_strdup (data->user), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_share_failed_response_cb), self, 0);
      update_actions (self);
      return;
    }

  /* The first sync's toast says that it is connected. */
  self->first_sync = TRUE;
  update_actions (self);
  start_sync (self);
}

static void
on_share_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      RapportContentView *self)
{
  GtkEditable *url = g_object_get_data (G_OBJECT (dialog), "url");
  GtkEditable *user = g_object_get_data (G_OBJECT (dialog), "user");
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");

  if (!g_str_equal (response, "connect") || self->store == NULL)
    return;

  start_connect (self, connect_data_new (self, gtk_editable_get_text (url), gtk_editable_get_text (user),
                                         gtk_editable_get_text (password)));
}

static void
on_share_fields_changed_cb (GtkEditable      *editable,
                            AdwMessageDialog *dialog)
{
  const char *url = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "url"));
  const char *user = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "user"));
  const char *password = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "password"));

  adw_message_dialog_set_response_enabled (dialog, "connect",
                                           (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))
                                           && user[0] != '\0' && password[0] != '\0');
}

static void
present_share_dialog (RapportContentView *self,
                      const char         *old_url,
                      const char         *old_user)
{
  GtkWidget *dialog, *list, *url, *user, *password;

  dialog = adw_message_dialog_new (get_window (self), _("Share with Team"),
                                   _("Connect the content calendar to a CalDAV calendar (Nextcloud, Radicale, any CalDAV server). Everyone connected to it sees the same plan. The password stays in your keyring."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  url = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (url), _("Calendar Address"));
  gtk_editable_set_text (GTK_EDITABLE (url), old_url != NULL ? old_url : "");
  gtk_list_box_append (GTK_LIST_BOX (list), url);
  user = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (user), _("User Name"));
  gtk_editable_set_text (GTK_EDITABLE (user), old_user != NULL ? old_user : "");
  gtk_list_box_append (GTK_LIST_BOX (list), user);
  password = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password), _("Password"));
  gtk_list_box_append (GTK_LIST_BOX (list), password);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), "url", url);
  g_object_set_data (G_OBJECT (dialog), "user", user);
  g_object_set_data (G_OBJECT (dialog), "password", password);
  g_signal_connect (url, "changed", G_CALLBACK (on_share_fields_changed_cb), dialog);
  g_signal_connect (user, "changed", G_CALLBACK (on_share_fields_changed_cb), dialog);
  g_signal_connect (password, "changed", G_CALLBACK (on_share_fields_changed_cb), dialog);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_share_fields_changed_cb (NULL, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_share_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Address and user known: what is left to type is the password. */
  if (old_url != NULL && old_url[0] != '\0' && old_user != NULL && old_user[0] != '\0')
    gtk_widget_grab_focus (password);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  if (self->store == NULL)
    return;
  rapport_caldav_get_account (self->store, &url, &user);
  present_share_dialog (self, url, user);
}

static void
on_share_failed_response_cb (AdwMessageDialog   *dialog,
                             const char         *response,
                             RapportContentView *self)
{
  if (self->store != NULL && self->sync_cancellable == NULL)
    present_share_dialog (self, g_object_get_data (G_OBJECT (dialog), "url"),
                          g_object_get_data (G_OBJECT (dialog), "user"));
}

static gboolean
sync_pulse_cb (gpointer user_data)
{
  RapportContentView *self = user_data;

  gtk_progress_bar_pulse (self->sync_progress);
  return G_SOURCE_CONTINUE;
}

static void
sync_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  RapportContentView *self = user_data;

  if (total == 0)
    return;
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->sync_progress, MIN (1.0, (double) done / (double) total));
}

static void show_conflicts (RapportContentView *self);

static void
on_resolve_toast_clicked_cb (AdwToast           *toast,
                             RapportContentView *self)
{
  show_conflicts (self);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportContentView) self = user_data;
  RapportCaldavStats stats = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean ok, first;

  ok = rapport_caldav_sync_finish (RAPPORT_STORE (object), result, &stats, &error);
  first = self->first_sync;
  self->first_sync = FALSE;

  g_clear_object (&self->sync_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->sync_revealer, FALSE);
  update_actions (self);

  rapport_store_emit_changed (RAPPORT_STORE (object), "content_items", 0, RAPPORT_CHANGE_RELOAD);

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Sync the Team Calendar"), error->message);
      return;
    }

  if (stats.conflicts > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u item was changed here and on the server",
                                                            "%u items were changed here and on the server",
                                                            stats.conflicts),
                                               stats.conflicts);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Resolve…"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_resolve_toast_clicked_cb), self, 0);
      show_toast (self, toast);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: after a sync: items sent to and received from the server */
      text = g_strdup_printf (first ? _("Connected to the team calendar · %u sent · %u received")
                                    : _("Team calendar synced · %u sent · %u received"),
                              stats.pushed + stats.deleted_remote, stats.pulled + stats.deleted_local);
      show_toast (self, adw_toast_new (text));
    }
}

static void
start_sync (RapportContentView *self)
{
  if (self->store == NULL || self->sync_cancellable != NULL)
    return;

  self->sync_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->sync_progress, 0);
  self->pulse_source = g_timeout_add (100, sync_pulse_cb, self);
  gtk_revealer_set_reveal_child (self->sync_revealer, TRUE);
  update_actions (self);

  rapport_caldav_sync_async (self->store, self->sync_cancellable, sync_progress_cb,
                             g_object_ref (self), g_object_unref, sync_done_cb, g_object_ref (self));
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  start_sync (RAPPORT_CONTENT_VIEW (widget));
}

static void
cancel_sync_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);

  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
}

static void
on_resolve_clicked_cb (GtkButton          *button,
                       RapportContentView *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  const char *uid = g_object_get_data (G_OBJECT (row), "uid");
  RapportCaldavResolution resolution = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "resolution"));
  GtkWidget *group = g_object_get_data (G_OBJECT (row), "group");
  g_autoptr(GError) error = NULL;

  if (!rapport_caldav_resolve_conflict (self->store, uid, resolution, &error))
    {
      show_error (self, _("Could Not Resolve the Conflict"), error->message);
      return;
    }

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
  rapport_store_emit_changed (self->store, "content_items", 0, RAPPORT_CHANGE_RELOAD);
  update_actions (self);

  {
    g_autoptr(GPtrArray) left = rapport_caldav_list_conflicts (self->store, NULL);

    /* All settled: the choices go to the team at once. */
    if (left == NULL || left->len == 0)
      {
        gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (group)));
        if (self->sync_cancellable == NULL)
          start_sync (self);
      }
  }
}

static GtkWidget *
resolve_button (GtkWidget               *row,
                const char              *label,
                RapportCaldavResolution  resolution,
                RapportContentView      *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (button), "resolution", GINT_TO_POINTER (resolution));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_resolve_clicked_cb), self, 0);
  return button;
}

/* One side of a conflict: "Here" or "On the server", and that side's
 * title, or that it was deleted there (@title %NULL). */
static void
add_version (GtkGrid    *grid,
             int         row,
             const char *side,
             const char *title)
{
  GtkWidget *label = gtk_label_new (side);
  GtkWidget *value = gtk_label_new (title != NULL ? title : _("Deleted"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_grid_attach (grid, label, 0, row, 1, 1);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_set_valign (value, GTK_ALIGN_BASELINE);
  if (title == NULL)
    gtk_widget_add_css_class (value, "dim-label");
  else
    gtk_widget_add_css_class (value, "heading");
  gtk_grid_attach (grid, value, 1, row, 1, 1);
}

static void
show_conflicts (RapportContentView *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *box, *header, *page, *group;

  if (self->store == NULL)
    return;

  conflicts = rapport_caldav_list_conflicts (self->store, &error);
  if (conflicts == NULL)
    {
      show_error (self, _("Could Not Read the Conflicts"), error->message);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Resolve Conflicts"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 420);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), get_window (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("These items were changed here and by someone else since the last sync. Choose which version to keep; when all are settled, Rapport syncs and everyone gets your choices."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  for (guint i = 0; i < conflicts->len; i++)
    {
      RapportCaldavConflict *conflict = g_ptr_array_index (conflicts, i);
      const char *local = rapport_caldav_conflict_get_local_title (conflict);
      const char *remote = rapport_caldav_conflict_get_remote_title (conflict);
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *content, *versions, *buttons;

      /* Both versions one above the other and the choices under them, so
       * the titles keep their width in a narrow window. */
      content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_widget_set_margin_top (content, 12);
      gtk_widget_set_margin_bottom (content, 12);
      gtk_widget_set_margin_start (content, 12);
      gtk_widget_set_margin_end (content, 12);
      versions = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (versions), 12);
      gtk_grid_set_row_spacing (GTK_GRID (versions), 6);
      add_version (GTK_GRID (versions), 0, _("Here"),
                   rapport_caldav_conflict_get_local_deleted (conflict) ? NULL : local);
      add_version (GTK_GRID (versions), 1, _("On the server"),
                   rapport_caldav_conflict_get_remote_deleted (conflict) ? NULL : remote);
      gtk_box_append (GTK_BOX (content), versions);

      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (buttons), resolve_button (row, _("Keep _Mine"), RAPPORT_CALDAV_KEEP_MINE, self));
      gtk_box_append (GTK_BOX (buttons), resolve_button (row, _("Take _Theirs"), RAPPORT_CALDAV_TAKE_THEIRS, self));
      gtk_box_append (GTK_BOX (content), buttons);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), local != NULL ? local : remote);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
      g_object_set_data_full (G_OBJECT (row), "uid", g_strdup (rapport_caldav_conflict_get_uid (conflict)), g_free);
      g_object_set_data (G_OBJECT (row), "group", group);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
conflicts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_conflicts (RAPPORT_CONTENT_VIEW (widget));
}

/* The widget */

static void
rapport_content_view_dispose (GObject *object)
{
  RapportContentView *self = (RapportContentView *) object;
  GtkWidget *child;

  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  self->editor = NULL;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTENT_VIEW);
  /* The template's outer box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->range);
  g_clear_object (&self->backlog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_content_view_parent_class)->dispose (object);
}

static void
rapport_content_view_finalize (GObject *object)
{
  RapportContentView *self = (RapportContentView *) object;

  g_clear_pointer (&self->anchor, g_date_time_unref);
  g_free (self->mode);
  g_free (self->period_title);
  g_free (self->filter_channel);
  g_free (self->filter_status);
  g_free (self->filter_owner);

  G_OBJECT_CLASS (rapport_content_view_parent_class)->finalize (object);
}

static void
rapport_content_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    case PROP_SHOW_BACKLOG:
      g_value_set_boolean (value, self->show_backlog);
      break;
    case PROP_FILTER_CHANNEL:
      g_value_set_string (value, self->filter_channel != NULL ? self->filter_channel : "");
      break;
    case PROP_FILTER_STATUS:
      g_value_set_string (value, self->filter_status != NULL ? self->filter_status : "");
      break;
    case PROP_FILTER_OWNER:
      g_value_set_string (value, self->filter_owner != NULL ? self->filter_owner : "");
      break;
    case PROP_PERIOD_TITLE:
      g_value_set_string (value, self->period_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_content_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rapport_content_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      rapport_content_view_set_mode (self, g_value_get_string (value));
      break;
    case PROP_SHOW_BACKLOG:
      if (self->show_backlog != g_value_get_boolean (value))
        {
          self->show_backlog = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FILTER_CHANNEL:
      rapport_content_view_set_filters (self, g_value_get_string (value), self->filter_status, self->filter_owner);
      break;
    case PROP_FILTER_STATUS:
      rapport_content_view_set_filters (self, self->filter_channel, g_value_get_string (value), self->filter_owner);
      break;
    case PROP_FILTER_OWNER:
      rapport_content_view_set_filters (self, self->filter_channel, self->filter_status, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_content_view_class_init (RapportContentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_content_view_dispose;
  object_class->finalize = rapport_content_view_finalize;
  object_class->get_property = rapport_content_view_get_property;
  object_class->set_property = rapport_content_view_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_BACKLOG] =
    g_param_spec_boolean ("show-backlog", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILTER_CHANNEL] =
    g_param_spec_string ("filter-channel", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILTER_STATUS] =
    g_param_spec_string ("filter-status", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILTER_OWNER] =
    g_param_spec_string ("filter-owner", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PERIOD_TITLE] =
    g_param_spec_string ("period-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_MONTH_VIEW);
  g_type_ensure (RAPPORT_TYPE_WEEK_VIEW);
  g_type_ensure (RAPPORT_TYPE_AGENDA_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-content-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contentview");

  gtk_widget_class_bind_template_child (widget_class, RapportContentView, toolbar_squeezer);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, wide_title);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, wide_filter_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, wide_filter_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, narrow_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, content_menu);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, sync_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, flap);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, views_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, month_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, week_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, backlog_count);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, backlog_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContentView, backlog_view);

  gtk_widget_class_bind_template_callback (widget_class, on_drop_on_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_leave_grid_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backlog_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "content.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "content.show-backlog", "show-backlog");
  gtk_widget_class_install_property_action (widget_class, "content.filter-channel", "filter-channel");
  gtk_widget_class_install_property_action (widget_class, "content.filter-status", "filter-status");
  gtk_widget_class_install_property_action (widget_class, "content.filter-owner", "filter-owner");
  gtk_widget_class_install_action (widget_class, "content.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "content.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "content.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "content.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "content.new-idea", NULL, new_idea_action);
  gtk_widget_class_install_action (widget_class, "content.new-on-day", "s", new_on_day_action);
  gtk_widget_class_install_action (widget_class, "content.open", "(xx)", open_action);
  gtk_widget_class_install_action (widget_class, "content.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "content.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "content.cancel-sync", NULL, cancel_sync_action);
  gtk_widget_class_install_action (widget_class, "content.conflicts", NULL, conflicts_action);
  gtk_widget_class_install_action (widget_class, "content.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "content.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "content.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "content.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "content.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "content.next", NULL);
}

static void
rapport_content_view_init (RapportContentView *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) selection = NULL;

  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->mode = g_strdup ("month");
  self->anchor = rapport_now_local ();
  self->backlog = g_list_store_new (RAPPORT_TYPE_CONTENT_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_backlog_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_backlog_bind_cb), self);
  gtk_list_view_set_factory (self->backlog_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->backlog)));
  gtk_list_view_set_model (self->backlog_view, GTK_SELECTION_MODEL (selection));

  g_object_bind_property (self, "show-backlog", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_period (self);
  rebuild_filter_menu (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->backlog_stack, "empty");
}

GtkWidget *
rapport_content_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTENT_VIEW, NULL);
}

RapportStore *
rapport_content_view_get_store (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->store;
}

void
rapport_content_view_set_store (RapportContentView *self,
                                RapportStore       *store)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->range);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_autoptr(GDateTime) start = rapport_now_local ();

      self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
      /* update_period() gives the range its real bounds. */
      self->range = rapport_content_range_new (store, start, start);
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->range));
    }

  update_period (self);
  reload_backlog (self);
  rebuild_filter_menu (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

const char *
rapport_content_view_get_mode (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->mode;
}

/**
 * rapport_content_view_set_mode:
 * @mode: "month", "week" or "agenda"
 */
void
rapport_content_view_set_mode (RapportContentView *self,
                               const char         *mode)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_VIEW (self));

  if (g_strcmp0 (mode, "month") != 0 && g_strcmp0 (mode, "week") != 0 && g_strcmp0 (mode, "agenda") != 0)
    mode = "month";
  if (!replace_string (&self->mode, mode))
    return;

  gtk_stack_set_visible_child_name (self->views_stack, mode);
  update_period (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODE]);
}

const char *
rapport_content_view_get_period_title (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->period_title;
}

/**
 * rapport_content_view_get_range:
 *
 * Returns: (transfer none) (nullable): the occurrences of the period shown,
 *   before the filters
 */
RapportContentRange *
rapport_content_view_get_range (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->range;
}

/**
 * rapport_content_view_get_backlog:
 *
 * Returns: (transfer none): the items without a date
 */
GListModel *
rapport_content_view_get_backlog (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return G_LIST_MODEL (self->backlog);
}

RapportMonthView *
rapport_content_view_get_month_view (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->month_view;
}

RapportWeekView *
rapport_content_view_get_week_view (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->week_view;
}

RapportAgendaView *
rapport_content_view_get_agenda_view (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->agenda_view;
}

/**
 * rapport_content_view_get_editor:
 *
 * Returns: (transfer none) (nullable): the open editor
 */
RapportContentEditor *
rapport_content_view_get_editor (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->editor;
}
