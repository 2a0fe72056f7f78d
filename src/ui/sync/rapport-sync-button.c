/* rapport-sync-button.c
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

#define G_LOG_DOMAIN "rapport-sync-button"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-account-dialog.h"
#include "rapport-account.h"
#include "rapport-clock.h"
#include "rapport-connector.h"
#include "rapport-context.h"
#include "rapport-preferences-window.h"
#include "rapport-store.h"
#include "rapport-sync-button.h"
#include "rapport-sync-engine.h"
#include "rapport-sync-scheduler.h"
#include "rapport-sync-text.h"
#include "rapport-toast.h"
#include "rapport-util.h"

/* The header bar's sync button: its icon says whether all is well, a sync
 * is running or an account needs attention; its popover lists the
 * accounts, the running sync with Cancel, the last problem in plain words,
 * and Sync Now. The context's RapportSyncScheduler runs the syncs, one
 * account after another, and the background sync every "sync-interval"
 * minutes; the button only shows what it does and asks it to start or
 * stop. */

struct _RapportSyncButton
{
  GtkWidget             parent_instance;

  RapportContext       *context;
  RapportSyncScheduler *scheduler;
  GSettings            *settings;
  /* Shown without a scheduler. */
  GListModel           *no_accounts;

  RapportSyncStatus     status;
  char                 *problem;

  GtkMenuButton        *menu_button;
  GtkStack             *icon_stack;
  GtkSpinner           *button_spinner;
  GtkPopover           *popover;
  GtkWidget            *empty_box;
  GtkWidget            *accounts_box;
  GtkListBox           *accounts_list;
  GtkWidget            *progress_box;
  GtkLabel             *progress_title;
  GtkLabel             *progress_detail;
  GtkProgressBar       *progress_bar;
  GtkWidget            *problem_box;
  GtkLabel             *problem_title;
  GtkLabel             *problem_label;
  GtkWidget            *sync_now_button;
};

G_DEFINE_FINAL_TYPE (RapportSyncButton, rapport_sync_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Plain words */

static char *
describe_counts (const RapportSyncTotals *totals)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  const guint64 n[] = { totals->updated, totals->created, totals->archived, totals->pushed, totals->failed };

  for (guint i = 0; i < G_N_ELEMENTS (n); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *text = NULL;

      if (n[i] == 0)
        continue;

      number = rapport_format_count (n[i]);
      switch (i)
        {
        case 0:
          /* Translators: %s is a number of members, "120 updated" */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s updated", "%s updated", n[i]), number);
          break;
        case 1:
          /* Translators: %s is a number of members, "3 new" */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new", "%s new", n[i]), number);
          break;
        case 2:
          /* Translators: %s is a number of contacts archived in HubSpot */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s archived", "%s archived", n[i]), number);
          break;
        case 3:
          /* Translators: %s is a number of members sent to HubSpot */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s sent", "%s sent", n[i]), number);
          break;
        default:
          /* Translators: %s is a number of members HubSpot refused */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s refused", "%s refused", n[i]), number);
          break;
        }
      g_strv_builder_add (parts, text);
    }

  strv = g_strv_builder_end (parts);
  if (strv[0] == NULL)
    return NULL;

  /* Translators: the separator between counts, "120 updated, 3 new" */
  return g_strjoinv (_(", "), strv);
}

/* State */

static GListModel *
get_accounts (RapportSyncButton *self)
{
  if (self->scheduler == NULL)
    return self->no_accounts;

  return rapport_sync_scheduler_get_accounts (self->scheduler);
}

static RapportAccount *
find_account (RapportSyncButton *self,
              gint64             account_id)
{
  if (self->scheduler == NULL)
    return NULL;

  return rapport_sync_scheduler_find_account (self->scheduler, account_id);
}

static gboolean
get_syncing (RapportSyncButton *self)
{
  return self->scheduler != NULL && rapport_sync_scheduler_get_running (self->scheduler);
}

/* The account's problem in plain words: why its last sync here failed,
 * or else what its state says. */
static char *
describe_problem (RapportSyncButton *self,
                  RapportAccount    *account)
{
  const GError *error = NULL;

  if (self->scheduler != NULL)
    error = rapport_sync_scheduler_get_error (self->scheduler, rapport_account_get_id (account));
  if (error != NULL)
    return rapport_sync_describe_error (rapport_account_get_connector (account), error);

  return rapport_sync_describe_account (account);
}

static void
set_status (RapportSyncButton *self,
            RapportSyncStatus  status)
{
  static const char *pages[] = { "idle", "syncing", "attention" };
  static const char *tooltips[] = { N_("Sync"), N_("Syncing…"), N_("Sync Needs Attention") };

  gtk_stack_set_visible_child_name (self->icon_stack, pages[status]);
  gtk_spinner_set_spinning (self->button_spinner, status == RAPPORT_SYNC_STATUS_SYNCING);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _(tooltips[status]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(tooltips[status]),
                                  -1);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

static void
update_state (RapportSyncButton *self)
{
  GListModel *accounts = get_accounts (self);
  guint n_accounts = g_list_model_get_n_items (accounts);
  gboolean syncing = get_syncing (self);
  g_autofree char *problem = NULL;
  g_autofree char *problem_name = NULL;

  for (guint i = 0; problem == NULL && i < n_accounts; i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (accounts, i);

      problem = describe_problem (self, account);
      if (problem != NULL)
        problem_name = g_strdup (rapport_account_get_name (account));
    }

  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_title, problem_name != NULL ? problem_name : "");
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (self->problem_box, problem != NULL && !syncing);
  gtk_widget_set_visible (self->progress_box, syncing);
  gtk_widget_set_visible (self->sync_now_button, !syncing);
  gtk_widget_set_visible (self->empty_box, n_accounts == 0);
  gtk_widget_set_visible (self->accounts_box, n_accounts > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.sync-now", !syncing && n_accounts > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.cancel", syncing);

  if (syncing)
    set_status (self, RAPPORT_SYNC_STATUS_SYNCING);
  else if (problem != NULL)
    set_status (self, RAPPORT_SYNC_STATUS_ATTENTION);
  else
    set_status (self, RAPPORT_SYNC_STATUS_IDLE);
}

/* The account rows */

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  RapportSyncButton *self = user_data;
  RapportAccount *account = item;
  g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (rapport_account_get_connector (account));
  g_autofree char *subtitle = rapport_sync_describe_last_sync (account);
  gboolean running = get_syncing (self) &&
                     rapport_sync_scheduler_get_account_id (self->scheduler) == rapport_account_get_id (account);
  g_autofree char *problem = rapport_sync_describe_account (account);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), running ? NULL : subtitle);
  if (running)
    {
      g_autofree char *service = rapport_sync_dup_service_name (rapport_account_get_connector (account));
      /* Translators: "HubSpot · Syncing…" */
      g_autofree char *text = g_strdup_printf (_("%s · Syncing…"), service);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
    }

  icon = gtk_image_new_from_icon_name (connector != NULL ? rapport_connector_get_icon_name (connector)
                                                         : "network-server-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (!running && problem != NULL)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_tooltip_text (warning, problem);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
bind_rows (RapportSyncButton *self)
{
  gtk_list_box_bind_model (self->accounts_list, get_accounts (self), create_account_row, self, NULL);
}

static void
on_accounts_changed_cb (RapportSyncButton *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *accounts)
{
  update_state (self);
}

/* The run */

static void
update_progress (RapportSyncButton *self)
{
  RapportSyncEngine *engine = rapport_sync_scheduler_get_engine (self->scheduler);
  RapportAccount *account = find_account (self, rapport_sync_scheduler_get_account_id (self->scheduler));
  g_autofree char *title = NULL;
  g_autofree char *records = rapport_format_count (rapport_sync_engine_get_records (engine));
  g_autofree char *pages = rapport_format_count (rapport_sync_engine_get_pages (engine));
  g_autofree char *counts = NULL;
  g_autofree char *detail = NULL;
  const char *stream = rapport_sync_engine_get_stream (engine);

  /* Translators: %s is the account's name, "Syncing HubSpot…" */
  title = g_strdup_printf (_("Syncing %s…"), account != NULL ? rapport_account_get_name (account) : "");
  gtk_label_set_text (self->progress_title, title);

  /* Translators: records and pages of a sync so far, "1,200 records · 12 pages" */
  counts = g_strdup_printf (_("%s records · %s pages"), records, pages);
  if (stream != NULL && account != NULL)
    {
      g_autoptr(RapportConnector) connector = NULL;

      connector = rapport_connector_new_for_id (rapport_account_get_connector (account));
      detail = g_strdup_printf ("%s · %s", connector != NULL ? rapport_connector_describe_stream (connector, stream)
                                                             : stream, counts);
    }
  else
    detail = g_strdup (_("Connecting…"));
  gtk_label_set_text (self->progress_detail, detail);
}

static void
on_scheduler_progress_cb (RapportSyncButton    *self,
                          RapportSyncScheduler *scheduler)
{
  update_progress (self);
  gtk_progress_bar_pulse (self->progress_bar);
}

/* A run went on to the next account, or ended. */
static void
on_scheduler_account_id_changed_cb (RapportSyncButton    *self,
                                    GParamSpec           *pspec,
                                    RapportSyncScheduler *scheduler)
{
  if (rapport_sync_scheduler_get_running (scheduler))
    update_progress (self);

  update_state (self);
  /* The running account's row says so. */
  bind_rows (self);
}

/* A run started or ended. */
static void
on_scheduler_running_changed_cb (RapportSyncButton    *self,
                                 GParamSpec           *pspec,
                                 RapportSyncScheduler *scheduler)
{
  if (rapport_sync_scheduler_get_running (scheduler))
    gtk_progress_bar_set_fraction (self->progress_bar, 0);

  on_scheduler_account_id_changed_cb (self, pspec, scheduler);
}

static void
show_toast (RapportSyncButton *self,
            const char        *title)
{
  AdwToast *toast;

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  rapport_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
on_scheduler_finished_cb (RapportSyncButton    *self,
                          RapportSyncScheduler *scheduler)
{
  const RapportSyncTotals *totals = rapport_sync_scheduler_get_totals (scheduler);
  const char * const *names = rapport_sync_scheduler_get_synced_names (scheduler);
  g_autofree char *counts = describe_counts (totals);
  g_autofree char *title = NULL;
  const char *synced_with;

  if (names[0] != NULL && names[1] != NULL)
    /* Translators: the accounts of a sync, when it synced several */
    synced_with = _("your accounts");
  else
    synced_with = names[0] != NULL ? names[0] : "";

  if (totals->cancelled)
    title = g_strdup (_("Sync cancelled"));
  else if (totals->n_failed > 0)
    /* Translators: %s is an account, "HubSpot" */
    title = g_strdup_printf (_("Could not sync with %s"), rapport_sync_scheduler_get_failed_name (scheduler));
  else if (counts != NULL)
    /* Translators: "Synced with HubSpot: 120 updated, 3 new" */
    title = g_strdup_printf (_("Synced with %s: %s"), synced_with, counts);
  else if (!rapport_sync_scheduler_get_background (scheduler))
    /* Translators: %s is an account, "HubSpot" */
    title = g_strdup_printf (_("Synced with %s: no changes"), synced_with);

  /* A background sync speaks up only when it changed something or failed. */
  if (title != NULL)
    show_toast (self, title);

  update_state (self);
}

/**
 * rapport_sync_button_sync:
 * @background: whether the timer started it: accounts that need a new
 *   token are left alone, and a sync that changed nothing stays quiet
 *
 * Asks the scheduler to sync every account, one after another, pulling
 * then pushing. Does nothing while a sync runs. Without accounts, and not
 * in the background, opens the popover, which offers to connect one.
 */
void
rapport_sync_button_sync (RapportSyncButton *self,
                          gboolean           background)
{
  g_return_if_fail (RAPPORT_IS_SYNC_BUTTON (self));

  if (self->scheduler == NULL || get_syncing (self))
    return;

  if (g_list_model_get_n_items (get_accounts (self)) == 0)
    {
      if (!background)
        gtk_menu_button_popup (self->menu_button);
      return;
    }

  rapport_sync_scheduler_sync (self->scheduler, background);
}

/**
 * rapport_sync_button_cancel:
 *
 * Stops the sync under way; the pages it committed stay, and the next sync
 * resumes after them.
 */
void
rapport_sync_button_cancel (RapportSyncButton *self)
{
  g_return_if_fail (RAPPORT_IS_SYNC_BUTTON (self));

  if (self->scheduler != NULL)
    rapport_sync_scheduler_cancel (self->scheduler);
}

/* The scheduler */

static gboolean
minutes_to_seconds (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);

  g_value_set_uint (value, MIN (minutes, G_MAXUINT / 60) * 60);
  return TRUE;
}

static void
set_scheduler (RapportSyncButton    *self,
               RapportSyncScheduler *scheduler)
{
  if (self->scheduler == scheduler)
    return;

  if (self->scheduler != NULL)
    {
      g_signal_handlers_disconnect_by_data (rapport_sync_scheduler_get_accounts (self->scheduler), self);
      g_signal_handlers_disconnect_by_data (self->scheduler, self);
    }

  g_set_object (&self->scheduler, scheduler);

  if (self->scheduler != NULL)
    {
      g_signal_connect_object (self->scheduler, "notify::running",
                               G_CALLBACK (on_scheduler_running_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->scheduler, "notify::account-id",
                               G_CALLBACK (on_scheduler_account_id_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->scheduler, "progress",
                               G_CALLBACK (on_scheduler_progress_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->scheduler, "finished",
                               G_CALLBACK (on_scheduler_finished_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rapport_sync_scheduler_get_accounts (self->scheduler), "items-changed",
                               G_CALLBACK (on_accounts_changed_cb), self, G_CONNECT_SWAPPED);

      /* It syncs in the background as often as the preference says, from
       * now on. */
      g_settings_bind_with_mapping (self->settings, "sync-interval",
                                    self->scheduler, "interval",
                                    G_SETTINGS_BIND_GET,
                                    minutes_to_seconds, NULL,
                                    NULL, NULL);
    }

  bind_rows (self);
  update_state (self);
}

/* Actions */

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rapport_sync_button_sync (RAPPORT_SYNC_BUTTON (widget), FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rapport_sync_button_cancel (RAPPORT_SYNC_BUTTON (widget));
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportSyncButton *self = RAPPORT_SYNC_BUTTON (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  gtk_popover_popdown (self->popover);
  dialog = rapport_account_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_accounts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportSyncButton *self = RAPPORT_SYNC_BUTTON (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *preferences;

  if (self->context == NULL)
    return;

  gtk_popover_popdown (self->popover);
  /* The accounts page edits the store this button syncs. */
  preferences = g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW,
                              "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              "modal", GTK_IS_WINDOW (root),
                              "database-path", rapport_store_get_path (rapport_context_get_store (self->context)),
                              "context", self->context,
                              NULL);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "accounts");
  gtk_window_present (GTK_WINDOW (preferences));
}

/* GObject */

static void
rapport_sync_button_dispose (GObject *object)
{
  RapportSyncButton *self = (RapportSyncButton *)object;

  set_scheduler (self, NULL);
  /* The scheduler's accounts outlive the button. */
  if (self->accounts_list != NULL)
    gtk_list_box_bind_model (self->accounts_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SYNC_BUTTON);

  g_clear_object (&self->settings);
  g_clear_object (&self->no_accounts);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_sync_button_parent_class)->dispose (object);
}

static void
rapport_sync_button_finalize (GObject *object)
{
  RapportSyncButton *self = (RapportSyncButton *)object;

  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (rapport_sync_button_parent_class)->finalize (object);
}

static void
rapport_sync_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportSyncButton *self = RAPPORT_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_sync_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportSyncButton *self = RAPPORT_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_sync_button_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_sync_button_class_init (RapportSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_sync_button_dispose;
  object_class->finalize = rapport_sync_button_finalize;
  object_class->get_property = rapport_sync_button_get_property;
  object_class->set_property = rapport_sync_button_set_property;

  /* The open community: its scheduler is the one the button shows. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A RapportSyncStatus. */
  properties [PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      RAPPORT_SYNC_STATUS_IDLE, RAPPORT_SYNC_STATUS_ATTENTION, RAPPORT_SYNC_STATUS_IDLE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-sync-button.ui");

  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, button_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, popover);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, empty_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, accounts_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, progress_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, progress_title);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, progress_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, problem_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, problem_title);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RapportSyncButton, sync_now_button);

  gtk_widget_class_install_action (widget_class, "sync.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "sync.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sync.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "sync.open-accounts", NULL, open_accounts_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_sync_button_init (RapportSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->no_accounts = G_LIST_MODEL (g_list_store_new (RAPPORT_TYPE_ACCOUNT));
  self->settings = g_settings_new (APP_ID);

  bind_rows (self);
  update_state (self);
}

GtkWidget *
rapport_sync_button_new (void)
{
  return g_object_new (RAPPORT_TYPE_SYNC_BUTTON, NULL);
}

/**
 * rapport_sync_button_get_context:
 *
 * Returns: (transfer none) (nullable): the open community, if it was set
 */
RapportContext *
rapport_sync_button_get_context (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), NULL);

  return self->context;
}

/**
 * rapport_sync_button_set_context:
 * @context: (nullable): the open community
 *
 * Shows the sync of @context's store, which its scheduler runs.
 */
void
rapport_sync_button_set_context (RapportSyncButton *self,
                                 RapportContext    *context)
{
  g_return_if_fail (RAPPORT_IS_SYNC_BUTTON (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  set_scheduler (self, context != NULL ? rapport_context_get_sync_scheduler (context) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

/**
 * rapport_sync_button_get_scheduler:
 *
 * Returns: (transfer none) (nullable): the scheduler whose syncs the
 *   button shows
 */
RapportSyncScheduler *
rapport_sync_button_get_scheduler (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), NULL);

  return self->scheduler;
}

/**
 * rapport_sync_button_get_engine:
 *
 * Returns: (transfer none) (nullable): the engine that runs the syncs
 */
RapportSyncEngine *
rapport_sync_button_get_engine (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), NULL);

  return self->scheduler != NULL ? rapport_sync_scheduler_get_engine (self->scheduler) : NULL;
}

/**
 * rapport_sync_button_get_accounts:
 *
 * Returns: (transfer none): the accounts the popover lists
 */
GListModel *
rapport_sync_button_get_accounts (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), NULL);

  return get_accounts (self);
}

RapportSyncStatus
rapport_sync_button_get_status (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), RAPPORT_SYNC_STATUS_IDLE);

  return self->status;
}

/**
 * rapport_sync_button_get_problem:
 *
 * Returns: (nullable): the problem the popover shows, in plain words
 */
const char *
rapport_sync_button_get_problem (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), NULL);

  return self->problem;
}

/**
 * rapport_sync_button_get_popover:
 *
 * Returns: (transfer none): the popover with the accounts and Sync Now
 */
GtkPopover *
rapport_sync_button_get_popover (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), NULL);

  return self->popover;
}
