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

#include "rapport-caldav.h"
#include "rapport-clock.h"
#include "rapport-content-store.h"
#include "rapport-content-util.h"
#include "rapport-content-view-private.h"
#include "rapport-context.h"
#include "rapport-toast.h"

/* The Content page: a toolbar (Today, ‹ ›, the period, Month / Week /
 * Agenda, filters, Backlog, menu), the calendar views and the backlog of
 * ideas in an AdwFlap. One RapportContentRange follows the visible
 * period; a filter on top of it feeds whichever view shows, so each view
 * receives a model already cut to its dates. Reschedules by drag and drop
 * end in a toast with Undo; the team calendar syncs over CalDAV in a
 * worker thread. */

#define AGENDA_DAYS 28

G_DEFINE_FINAL_TYPE (RapportContentView, rapport_content_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
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
static void ensure_built  (RapportContentView *self);

/* Built: its template is there. */
static inline gboolean
is_built (RapportContentView *self)
{
  return self->views_stack != NULL;
}

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

GtkWindow *
_rapport_content_view_get_window (RapportContentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_rapport_content_view_show_toast (RapportContentView *self,
                                  AdwToast           *toast)
{
  rapport_widget_add_toast (GTK_WIDGET (self), toast);
}

AdwMessageDialog *
_rapport_content_view_show_error (RapportContentView *self,
                                  const char         *heading,
                                  const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (_rapport_content_view_get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Filters */

gboolean
_rapport_content_view_filter_func (gpointer object,
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

gboolean
_rapport_content_view_filters_active (RapportContentView *self)
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
  gboolean active = _rapport_content_view_filters_active (self);

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

  ensure_built (self);

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

static void
on_backlog_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     RapportContentView       *self)
{
  GtkWidget *box, *title, *details, *dot, *texts;

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

  _rapport_content_view_add_backlog_drag_source (box, list_item);

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

void
_rapport_content_view_update_actions (RapportContentView *self)
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
  _rapport_content_view_update_actions (self);
  return G_SOURCE_REMOVE;
}

/* The range reloads itself; the backlog and the filter menu follow once a
 * burst of changes (an import, a sync) is over. */
static void
queue_reload (RapportContentView *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static void
on_content_changed_cb (RapportStore       *store,
                       const char         *table,
                       gint64              row_id,
                       RapportChangeKind   kind,
                       RapportContentView *self)
{
  queue_reload (self);
}

/* Items name their owners: members who come, go or are renamed. */
static void
on_members_changed_cb (RapportStore       *store,
                       const char         *table,
                       gint64              row_id,
                       RapportChangeKind   kind,
                       RapportContentView *self)
{
  if (kind != RAPPORT_CHANGE_UPDATED)
    queue_reload (self);
}

static void
on_member_changed_cb (RapportStore         *store,
                      gint64                member_id,
                      RapportMemberChanges  changes,
                      RapportContentView   *self)
{
  if (changes & RAPPORT_MEMBER_CHANGED_NAME)
    queue_reload (self);
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

  ensure_built (self);

  g_clear_pointer (&self->anchor, g_date_time_unref);
  self->anchor = g_date_time_to_local (date);
  update_period (self);
}

void
_rapport_content_view_move_anchor (RapportContentView *self,
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

static gboolean
on_drop_on_day_cb (GtkWidget          *view,
                   GObject            *object,
                   GDateTime          *day,
                   RapportContentView *self)
{
  return rapport_content_view_drop (self, object, day);
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
    g_signal_handlers_disconnect_by_data (self->store, self);

  if (is_built (self))
    gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTENT_VIEW);
  /* The template's outer box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->range);
  g_clear_object (&self->backlog);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      rapport_content_view_set_context (self, g_value_get_object (value));
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
rapport_content_view_map (GtkWidget *widget)
{
  ensure_built (RAPPORT_CONTENT_VIEW (widget));

  GTK_WIDGET_CLASS (rapport_content_view_parent_class)->map (widget);
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

  widget_class->map = rapport_content_view_map;

  /* The open community, whose content calendar the page shows. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RAPPORT_TYPE_CONTEXT,
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

  _rapport_content_view_class_init_actions (klass);
}

static void
rapport_content_view_init (RapportContentView *self)
{
  ensure_style ();

  self->mode = g_strdup ("month");
  self->anchor = rapport_now_local ();
  self->backlog = g_list_store_new (RAPPORT_TYPE_CONTENT_ITEM);
  self->filter = gtk_custom_filter_new (_rapport_content_view_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));

  _rapport_content_view_update_actions (self);
}

/* What the store holds: the period's items, the backlog, the filter menu. */
static void
load_store (RapportContentView *self)
{
  if (self->store != NULL)
    {
      g_autoptr(GDateTime) start = rapport_now_local ();

      g_signal_connect (self->store, "changed::content_items", G_CALLBACK (on_content_changed_cb), self);
      g_signal_connect (self->store, "changed::members", G_CALLBACK (on_members_changed_cb), self);
      g_signal_connect (self->store, "member-changed", G_CALLBACK (on_member_changed_cb), self);
      /* update_period() gives the range its real bounds. */
      self->range = rapport_content_range_new (self->store, start, start);
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->range));
    }

  update_period (self);
  reload_backlog (self);
  rebuild_filter_menu (self);
  _rapport_content_view_update_actions (self);
}

/* The page is built, and reads the store, the first time it shows (or is
 * asked for something only the built page has): a window opens on its
 * Members page. */
static void
ensure_built (RapportContentView *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (is_built (self))
    return;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_backlog_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_backlog_bind_cb), self);
  gtk_list_view_set_factory (self->backlog_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->backlog)));
  gtk_list_view_set_model (self->backlog_view, GTK_SELECTION_MODEL (selection));

  g_object_bind_property (self, "show-backlog", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  gtk_stack_set_visible_child_name (self->backlog_stack, "empty");
  load_store (self);
}

GtkWidget *
rapport_content_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTENT_VIEW, NULL);
}

/**
 * rapport_content_view_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_content_view_get_context (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  return self->context;
}

/**
 * rapport_content_view_set_context:
 * @context: (nullable): the open community
 *
 * Shows the content calendar of @context's store.
 */
void
rapport_content_view_set_context (RapportContentView *self,
                                  RapportContext     *context)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_VIEW (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->range);
  g_set_object (&self->context, context);
  g_set_object (&self->store, (context != NULL ? rapport_context_get_store (context) : NULL));

  /* Unbuilt, the page reads the store when it first shows. */
  if (is_built (self))
    load_store (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
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

  ensure_built (self);

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

  ensure_built (self);

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

  ensure_built (self);

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

  ensure_built (self);

  return G_LIST_MODEL (self->backlog);
}

RapportMonthView *
rapport_content_view_get_month_view (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  ensure_built (self);

  return self->month_view;
}

RapportWeekView *
rapport_content_view_get_week_view (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  ensure_built (self);

  return self->week_view;
}

RapportAgendaView *
rapport_content_view_get_agenda_view (RapportContentView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), NULL);

  ensure_built (self);

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
