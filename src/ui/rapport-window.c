/* rapport-window.c
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

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-advocates-view.h"
#include "rapport-content-view.h"
#include "rapport-context.h"
#include "rapport-duplicates-view.h"
#include "rapport-events-view.h"
#include "rapport-members-view.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-store.h"
#include "rapport-sync-button.h"
#include "rapport-toast.h"
#include "rapport-window-private.h"

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  PROP_HAS_MEMBERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_switcher (RapportWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  gboolean several = g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1;

  /* A switcher with a single view would be one lone button: show the
   * title until there are views to switch between. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, several);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    several && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
on_switcher_title_visible_changed_cb (RapportWindow        *self,
                                      GParamSpec           *pspec,
                                      AdwViewSwitcherTitle *title)
{
  update_switcher (self);
}

static gboolean
showing_members (RapportWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "members") == 0;
}

/* The header's start buttons belong to the Members page; folded on a
 * member's page, Back takes their room. */
static void
update_header (RapportWindow *self)
{
  gboolean members = showing_members (self);
  gboolean showing_member = rapport_members_view_get_showing_member (self->members_view);

  gtk_widget_set_visible (self->back_button, members && showing_member);
  /* The Events view has its own New Event button. */
  gtk_widget_set_visible (self->new_button, !(members && showing_member) &&
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "events") != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), members && !showing_member);
  /* The Content view has its own New Content Item button. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "content") == 0)
    gtk_widget_set_visible (self->new_button, FALSE);
}

static void
on_header_state_changed_cb (RapportWindow *self,
                            GParamSpec    *pspec,
                            GObject       *object)
{
  update_header (self);
}

/* The board reads the pipeline's stages when it first shows: a window
 * opens on its Members page. */
static void
ensure_advocates_view (RapportWindow *self)
{
  if (self->pipeline != NULL)
    return;

  self->pipeline = rapport_context_get_pipeline (self->context);
  if (self->pipeline == NULL)
    return;

  g_object_ref (self->pipeline);
  rapport_advocates_view_set_scoring (self->advocates_view, rapport_window_get_scoring (self));
  rapport_advocates_view_set_pipeline (self->advocates_view, self->pipeline);
}

/* The main menu is made when it first opens. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  RapportWindow *self = user_data;
  GObject *menu = gtk_widget_get_template_child (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW, "primary_menu");

  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
on_visible_view_changed_cb (RapportWindow *self,
                            GParamSpec    *pspec,
                            AdwViewStack  *view_stack)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (view_stack), "advocates") == 0)
    ensure_advocates_view (self);
}

static void
on_members_view_count_changed_cb (RapportWindow      *self,
                                  GParamSpec         *pspec,
                                  RapportMembersView *view)
{
  gboolean loaded = rapport_members_view_get_loaded (view);
  gboolean has_members = rapport_window_get_has_members (self);
  const char *page;

  if (!loaded)
    page = "loading";
  else if (has_members)
    page = "members";
  else
    page = "empty";

  /* No fade for the first rows: they should simply be there. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->members_stack), "loading") != 0)
    gtk_stack_set_transition_type (self->members_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_visible_child_name (self->members_stack, page);

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), has_members);
  if (!has_members)
    rapport_members_view_set_search_mode (view, FALSE);

  _rapport_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_MEMBERS]);
}

static void
on_back_button_clicked_cb (RapportWindow *self,
                           GtkButton     *button)
{
  rapport_members_view_show_list (self->members_view);
}

static void
on_progress_cancel_clicked_cb (RapportWindow *self,
                               GtkButton     *button)
{
  rapport_window_cancel (self);
}

/* Duplicates: the merge queue, in a window of its own beside this one.
 * "Merge by Hand" there starts with the member selected here. */
static void
show_duplicates_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RapportWindow *self = user_data;
  RapportDuplicatesView *view = rapport_duplicates_view_present (GTK_WINDOW (self), self->context);

  rapport_duplicates_view_set_start_member (view,
                                            rapport_members_view_get_selected_id (self->members_view));
}

static void
merge_member_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RapportWindow *self = user_data;
  RapportDuplicatesView *view = rapport_duplicates_view_present (GTK_WINDOW (self), self->context);

  rapport_duplicates_view_merge_by_hand (view, g_variant_get_int64 (parameter), 0);
}

static const GActionEntry duplicates_actions[] = {
  { "show-duplicates", show_duplicates_action },
  { "merge-member", merge_member_action, "x" },
};

static gboolean
rapport_window_close_request (GtkWindow *window)
{
  RapportWindow *self = RAPPORT_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  /* An unfinished import writes nothing; do not leave it running. */
  rapport_window_cancel (self);

  return GTK_WINDOW_CLASS (rapport_window_parent_class)->close_request (window);
}

static void
rapport_window_constructed (GObject *object)
{
  RapportWindow *self = (RapportWindow *)object;

  G_OBJECT_CLASS (rapport_window_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  self->store = g_object_ref (rapport_context_get_store (self->context));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_object_bind_property (self->members_view, "search-mode",
                          self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Folded on a member's page: Back, and room for the title. */
  g_signal_connect_object (self->members_view, "notify::showing-member",
                           G_CALLBACK (on_header_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_header_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  update_header (self);

  _rapport_window_install_actions (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), duplicates_actions,
                                   G_N_ELEMENTS (duplicates_actions), self);
  rapport_members_view_set_context (self->members_view, self->context);
  rapport_content_view_set_context (RAPPORT_CONTENT_VIEW (adw_view_stack_get_child_by_name (self->view_stack, "content")),
                                    self->context);
  rapport_events_view_set_context (RAPPORT_EVENTS_VIEW (adw_view_stack_get_child_by_name (self->view_stack, "events")),
                                   self->context);
  /* The context's scheduler syncs in the background every "sync-interval"
   * minutes from now on; the button shows it. */
  rapport_sync_button_set_context (self->sync_button, self->context);

  update_switcher (self);
  on_members_view_count_changed_cb (self, NULL, self->members_view);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = (RapportWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->rescore_cancellable != NULL)
    g_cancellable_cancel (self->rescore_cancellable);
  g_clear_object (&self->rescore_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);

  g_clear_pointer (&self->deleted_members, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rapport_window_get_busy (self));
      break;

    case PROP_HAS_MEMBERS:
      g_value_set_boolean (value, rapport_window_get_has_members (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rapport_window_constructed;
  object_class->dispose = rapport_window_dispose;
  object_class->get_property = rapport_window_get_property;
  object_class->set_property = rapport_window_set_property;

  window_class->close_request = rapport_window_close_request;

  /* What the window shows; its views get it too. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_MEMBERS] =
    g_param_spec_boolean ("has-members", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_MEMBERS_VIEW);
  g_type_ensure (RAPPORT_TYPE_ADVOCATES_VIEW);
  g_type_ensure (RAPPORT_TYPE_CONTENT_VIEW);
  g_type_ensure (RAPPORT_TYPE_EVENTS_VIEW);
  g_type_ensure (RAPPORT_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-window.ui");

  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, members_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, members_view);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, advocates_view);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, sync_button);
  /* Looked up, not kept: the main menu is only made when it opens. */
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu", FALSE, 0);

  gtk_widget_class_bind_template_callback (widget_class, on_switcher_title_visible_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_members_view_count_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_cancel_clicked_cb);

  /* Ctrl+1, Ctrl+2…: the views in switcher order. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "members");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "advocates");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "content");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "events");
}

static void
rapport_window_init (RapportWindow *self)
{
  GObject *menu_button;

  gtk_widget_init_template (GTK_WIDGET (self));

  menu_button = gtk_widget_get_template_child (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW, "menu_button");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), create_primary_menu_cb, self, NULL);

  self->settings = g_settings_new (APP_ID);
  self->deleted_members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * rapport_window_new_for_context:
 * @context: the open community
 *
 * Returns: (transfer full): a new main window
 */
RapportWindow *
rapport_window_new_for_context (RapportApplication *application,
                                RapportContext     *context)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * rapport_window_get_context:
 *
 * Returns: (transfer none): what the window shows
 */
RapportContext *
rapport_window_get_context (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->context;
}

RapportMembersView *
rapport_window_get_members_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->members_view;
}

/**
 * rapport_window_get_advocates_view:
 *
 * Returns: (transfer none): the Advocates page, given its pipeline even
 *   before it first shows
 */
RapportAdvocatesView *
rapport_window_get_advocates_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  ensure_advocates_view (self);
  return self->advocates_view;
}

/**
 * rapport_window_get_scoring:
 *
 * Returns: (transfer none): the scoring of the window's store, shared by
 *   everything that shows it
 */
RapportScoring *
rapport_window_get_scoring (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return rapport_context_get_scoring (self->context);
}

/**
 * rapport_window_get_busy:
 *
 * Returns: whether an import, export or sample community is under way
 */
gboolean
rapport_window_get_busy (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
rapport_window_get_has_members (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  return rapport_members_view_get_loaded (self->members_view) &&
         rapport_members_view_get_n_total (self->members_view) > 0;
}

void
rapport_window_add_toast (RapportWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), toast);
}

/**
 * rapport_window_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the latest toast while it shows
 */
AdwToast *
rapport_window_get_last_toast (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return rapport_toast_overlay_get_last (self->toast_overlay);
}

static gboolean
pulse_cb (gpointer user_data)
{
  RapportWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

void
_rapport_window_begin_task (RapportWindow *self,
                            const char    *label)
{
  g_assert (RAPPORT_IS_WINDOW (self));
  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();

  gtk_label_set_label (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  /* Pulse until the work knows how much there is. */
  self->pulse_source = g_timeout_add (100, pulse_cb, self);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  _rapport_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

void
_rapport_window_end_task (RapportWindow *self)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  _rapport_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* Shows the progress of the task under way; the core calls it on the main
 * thread. */
void
_rapport_window_progress_cb (guint64  done,
                             guint64  total,
                             gpointer user_data)
{
  RapportWindow *self = user_data;

  if (self->cancellable == NULL || total == 0)
    return;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / (double) total));
}

/**
 * rapport_window_cancel:
 *
 * Stops the import, export or sample community under way, if any.
 */
void
rapport_window_cancel (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
_rapport_window_show_error (RapportWindow *self,
                            const char    *heading,
                            const char    *body)
{
  GtkWidget *dialog;

  g_assert (RAPPORT_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rapport_window_get_sync_button:
 *
 * Returns: (transfer none): the header bar's sync button
 */
RapportSyncButton *
rapport_window_get_sync_button (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->sync_button;
}

/**
 * rapport_window_sync:
 *
 * Syncs every account now ("Sync Now", Ctrl+R), unless a sync is running;
 * without accounts, opens the sync popover, which offers to connect one.
 */
void
rapport_window_sync (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  rapport_sync_button_sync (self->sync_button, FALSE);
}
