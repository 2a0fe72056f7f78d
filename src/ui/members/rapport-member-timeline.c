/* rapport-member-timeline.c
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

#define G_LOG_DOMAIN "rapport-member-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-activity.h"
#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-member-timeline.h"
#include "rapport-member-util.h"
#include "rapport-store.h"

/* How many activities one page of the timeline shows. */
#define PAGE_SIZE 30

struct _RapportMemberTimeline
{
  GtkWidget     parent_instance;

  RapportContext *context;
  RapportStore *store;
  gint64        member_id;

  GtkBox       *days_box;
  GtkWidget    *empty_list;
  GtkLabel     *error_label;
  GtkWidget    *more_button;

  /* Where the next page continues: the last day's list and the time and id
   * of the last activity shown. */
  GtkListBox   *day_list;
  int           day_key;
  gint64        last_time;
  gint64        last_id;
  guint         n_shown;
  gboolean      has_more;
};

G_DEFINE_FINAL_TYPE (RapportMemberTimeline, rapport_member_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MEMBER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static int
day_key_for_time (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  if (dt == NULL)
    return 0;

  return g_date_time_get_year (dt) * 10000 + g_date_time_get_month (dt) * 100 +
         g_date_time_get_day_of_month (dt);
}

static void
on_row_activated_cb (AdwActionRow          *row,
                     RapportMemberTimeline *self)
{
  const char *url = g_object_get_data (G_OBJECT (row), "rapport-url");

  if (url != NULL)
    rapport_member_open_uri (GTK_WIDGET (self), url);
}

static GtkWidget *
create_row (RapportMemberTimeline *self,
            RapportActivity       *activity)
{
  const char *title = rapport_activity_get_title (activity);
  const char *channel = rapport_activity_get_channel (activity);
  const char *url = rapport_activity_get_url (activity);
  const char *platform = rapport_activity_get_platform (activity);
  g_autofree char *kind = rapport_member_activity_dup_kind_label (rapport_activity_get_kind (activity));
  g_autofree char *time = rapport_member_format_time_of_day (rapport_activity_get_occurred_at (activity));
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *subtitle = NULL;
  gboolean has_title = title != NULL && title[0] != '\0';
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *label;

  if (has_title)
    g_strv_builder_add (parts, kind);
  if (channel != NULL && channel[0] != '\0')
    g_strv_builder_add (parts, channel);
  g_strv_builder_add (parts, rapport_member_platform_get_name (platform));
  strv = g_strv_builder_end (parts);
  subtitle = g_strjoinv (" · ", strv);

  row = adw_action_row_new ();
  /* Titles come from other people's posts: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), has_title ? title : kind);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  if (has_title)
    gtk_widget_set_tooltip_text (row, title);

  icon = gtk_image_new ();
  rapport_member_set_icon (GTK_IMAGE (icon), rapport_member_activity_get_icon_name (rapport_activity_get_kind (activity)));
  gtk_widget_set_tooltip_text (icon, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  label = gtk_label_new (time);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  if (url != NULL && url[0] != '\0')
    {
      g_object_set_data_full (G_OBJECT (row), "rapport-url", g_strdup (url), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
    }

  return row;
}

static void
append_activity (RapportMemberTimeline *self,
                 RapportActivity       *activity,
                 gint64                 now)
{
  gint64 time = rapport_activity_get_occurred_at (activity);
  int key = day_key_for_time (time);

  if (self->day_list == NULL || key != self->day_key)
    {
      g_autofree char *day = rapport_member_format_day (time, now);
      GtkWidget *heading = gtk_label_new (day);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_widget_set_margin_start (heading, 6);
      if (self->day_list != NULL)
        gtk_widget_set_margin_top (heading, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 3,
                                      -1);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                      -1);

      gtk_box_append (self->days_box, heading);
      gtk_box_append (self->days_box, list);
      self->day_list = GTK_LIST_BOX (list);
      self->day_key = key;
    }

  gtk_list_box_append (self->day_list, create_row (self, activity));
  self->last_time = time;
  self->last_id = rapport_activity_get_id (activity);
  self->n_shown++;
}

static void
load_page (RapportMemberTimeline *self,
           guint                  limit)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = rapport_now_unix ();
  guint n;

  /* One more than asked tells whether a further page exists. */
  activities = rapport_store_list_activities (self->store, self->member_id,
                                              self->last_time, self->last_id,
                                              limit + 1, &error);
  if (activities == NULL)
    {
      rapport_member_show_error (self->error_label, NULL, error);
      self->has_more = FALSE;
    }
  else
    {
      rapport_member_clear_error (self->error_label, NULL);
      n = MIN (activities->len, limit);
      for (guint i = 0; i < n; i++)
        append_activity (self, g_ptr_array_index (activities, i), now);
      self->has_more = activities->len > limit;
    }

  gtk_widget_set_visible (self->more_button, self->has_more);
  gtk_widget_set_visible (self->empty_list, self->n_shown == 0 && activities != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.load-more", self->has_more);
}

static void
clear (RapportMemberTimeline *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))))
    gtk_box_remove (self->days_box, child);

  self->day_list = NULL;
  self->day_key = 0;
  self->last_time = 0;
  self->last_id = 0;
  self->n_shown = 0;
  self->has_more = FALSE;
  gtk_widget_set_visible (self->more_button, FALSE);
  gtk_widget_set_visible (self->empty_list, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.load-more", FALSE);
}

static void
reload (RapportMemberTimeline *self,
        gboolean               keep_shown)
{
  gint64 old_time = self->last_time;
  gint64 old_id = self->last_id;
  guint old_shown = self->n_shown;

  clear (self);

  if (self->store == NULL || self->member_id <= 0)
    return;

  if (!keep_shown || old_shown == 0)
    {
      load_page (self, PAGE_SIZE);
      return;
    }

  /* Reach down to the oldest activity shown before, so new ones at the top
   * do not push the pages the user opened out of sight. */
  load_page (self, MAX (old_shown, PAGE_SIZE));
  while (self->has_more &&
         (self->last_time > old_time || (self->last_time == old_time && self->last_id > old_id)))
    load_page (self, PAGE_SIZE);
}

/**
 * rapport_member_timeline_refresh:
 *
 * Reads the timeline again, keeping the pages the user opened.
 */
void
rapport_member_timeline_refresh (RapportMemberTimeline *self)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_TIMELINE (self));

  reload (self, TRUE);
}

/**
 * rapport_member_timeline_load_more:
 *
 * Shows the next page of older activities.
 */
void
rapport_member_timeline_load_more (RapportMemberTimeline *self)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_TIMELINE (self));

  if (self->store == NULL || self->member_id <= 0 || !self->has_more)
    return;

  load_page (self, PAGE_SIZE);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rapport_member_timeline_load_more (RAPPORT_MEMBER_TIMELINE (widget));
}

static void
rapport_member_timeline_dispose (GObject *object)
{
  RapportMemberTimeline *self = (RapportMemberTimeline *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEMBER_TIMELINE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->day_list = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_member_timeline_parent_class)->dispose (object);
}

static void
rapport_member_timeline_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportMemberTimeline *self = RAPPORT_MEMBER_TIMELINE (object);

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
rapport_member_timeline_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RapportMemberTimeline *self = RAPPORT_MEMBER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_member_timeline_set_context (self, g_value_get_object (value));
      break;

    case PROP_MEMBER_ID:
      rapport_member_timeline_set_member_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_timeline_class_init (RapportMemberTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_member_timeline_dispose;
  object_class->get_property = rapport_member_timeline_get_property;
  object_class->set_property = rapport_member_timeline_set_property;

  /* The open community; its store is the one shown. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.load-more", NULL, load_more_action);

  rapport_member_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-member-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTimeline, days_box);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTimeline, empty_list);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTimeline, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTimeline, more_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_member_timeline_init (RapportMemberTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.load-more", FALSE);
}

/**
 * rapport_member_timeline_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_member_timeline_get_context (RapportMemberTimeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_TIMELINE (self), NULL);

  return self->context;
}

/**
 * rapport_member_timeline_set_context:
 * @context: (nullable): the open community
 */
void
rapport_member_timeline_set_context (RapportMemberTimeline *self,
                                     RapportContext        *context)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_TIMELINE (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_set_object (&self->store, (context != NULL ? rapport_context_get_store (context) : NULL));

  reload (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

gint64
rapport_member_timeline_get_member_id (RapportMemberTimeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_TIMELINE (self), 0);

  return self->member_id;
}

void
rapport_member_timeline_set_member_id (RapportMemberTimeline *self,
                                       gint64                 member_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_TIMELINE (self));

  if (self->member_id == member_id)
    return;

  self->member_id = member_id;
  reload (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}
