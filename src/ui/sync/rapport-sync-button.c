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
#include "rapport-preferences-window.h"
#include "rapport-store.h"
#include "rapport-sync-button.h"
#include "rapport-sync-engine.h"
#include "rapport-toast.h"
#include "rapport-util.h"

/* The header bar's sync button: its icon says whether all is well, a sync
 * is running or an account needs attention; its popover lists the
 * accounts, the running sync with Cancel, the last problem in plain words,
 * and Sync Now. It also runs the background sync every "sync-interval"
 * minutes. One sync runs at a time: accounts are synced one after another. */

struct _RapportSyncButton
{
  GtkWidget          parent_instance;

  RapportStore      *store;
  RapportSyncEngine *engine;
  GSettings         *settings;
  GListStore        *accounts;
  guint              reload_source;
  guint              timer_source;

  /* The run under way: the accounts still to sync and the totals so far. */
  GCancellable      *cancellable;
  GArray            *queue;
  gboolean           background;
  gboolean           cancelled;
  guint              n_synced;
  guint              n_failed;
  guint64            created;
  guint64            updated;
  guint64            archived;
  guint64            pushed;
  guint64            failed;
  char              *synced_with;
  char              *failed_with;
  /* Account id → the plain-words problem of its last run, for failures
   * the account's own state does not record (a missing token). */
  GHashTable        *run_problems;

  RapportSyncStatus  status;
  char              *problem;

  GtkMenuButton     *menu_button;
  GtkStack          *icon_stack;
  GtkSpinner        *button_spinner;
  GtkPopover        *popover;
  GtkWidget         *empty_box;
  GtkWidget         *accounts_box;
  GtkListBox        *accounts_list;
  GtkWidget         *progress_box;
  GtkLabel          *progress_title;
  GtkLabel          *progress_detail;
  GtkProgressBar    *progress_bar;
  GtkWidget         *problem_box;
  GtkLabel          *problem_title;
  GtkLabel          *problem_label;
  GtkWidget         *sync_now_button;
};

G_DEFINE_FINAL_TYPE (RapportSyncButton, rapport_sync_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void run_next (RapportSyncButton *self);

/* Plain words */

static char *
dup_display_name (const char *connector_id)
{
  g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (connector_id);

  return g_strdup (connector != NULL ? rapport_connector_get_display_name (connector) : connector_id);
}

/**
 * rapport_sync_describe_error:
 * @connector_id: the platform the error came from ("hubspot")
 *
 * Returns: (transfer full): what went wrong and what to do, for people
 */
char *
rapport_sync_describe_error (const char   *connector_id,
                             const GError *error)
{
  g_autofree char *service = dup_display_name (connector_id);

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == RAPPORT_SYNC_ERROR)
    {
      switch ((RapportSyncError) error->code)
        {
        case RAPPORT_SYNC_ERROR_UNAUTHORIZED:
          /* Translators: %s is a service, "HubSpot" */
          return g_strdup_printf (_("%s refused the token. Check that you copied all of it and "
                                    "that the private app may read and write contacts and companies."),
                                  service);
        case RAPPORT_SYNC_ERROR_NETWORK:
          /* Translators: the first %s is the error, "Could not reach HubSpot at …: …" */
          return g_strdup_printf (_("%s. Check your internet connection and the API address, then try again."),
                                  error->message);
        case RAPPORT_SYNC_ERROR_NO_TOKEN:
          return g_strdup (_("Your keyring holds no token for this account. Open Preferences → "
                             "Accounts and choose Replace Token."));
        case RAPPORT_SYNC_ERROR_SECRETS:
          /* Translators: %s is the keyring's error */
          return g_strdup_printf (_("Rapport could not use your keyring: %s. Unlock it and try again."),
                                  error->message);
        case RAPPORT_SYNC_ERROR_BAD_RESPONSE:
          /* Translators: the first %s is a service, the second what was wrong with its answer */
          return g_strdup_printf (_("%s sent an answer Rapport did not expect (%s). Try again later."),
                                  service, error->message);
        case RAPPORT_SYNC_ERROR_HTTP:
        case RAPPORT_SYNC_ERROR_NO_ACCOUNT:
        case RAPPORT_SYNC_ERROR_INVALID:
        default:
          break;
        }
    }

  return g_strdup (error->message);
}

/**
 * rapport_sync_describe_account:
 *
 * Returns: (transfer full) (nullable): why @account needs attention and
 *   what to do, or %NULL when it does not
 */
char *
rapport_sync_describe_account (RapportAccount *account)
{
  g_autofree char *service = NULL;
  const char *state;
  const char *last_error;

  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (account), NULL);

  state = rapport_account_get_state (account);
  last_error = rapport_account_get_last_error (account);
  service = dup_display_name (rapport_account_get_connector (account));

  if (g_strcmp0 (state, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN) == 0)
    /* Translators: %s is a service, "HubSpot" */
    return g_strdup_printf (_("%s refused the token. Open Preferences → Accounts and paste a new "
                              "private-app token."), service);

  if (g_strcmp0 (state, RAPPORT_ACCOUNT_STATE_ERROR) == 0 ||
      g_strcmp0 (rapport_account_get_last_status (account), "failed") == 0)
    {
      if (last_error != NULL && last_error[0] != '\0')
        /* Translators: %s is the error of the last sync */
        return g_strdup_printf (_("The last sync failed: %s Sync again; if it keeps failing, "
                                  "check the account in Preferences → Accounts."), last_error);
      return g_strdup (_("The last sync failed. Sync again; if it keeps failing, check the "
                         "account in Preferences → Accounts."));
    }

  if (g_strcmp0 (rapport_account_get_last_status (account), "partial") == 0 &&
      last_error != NULL && last_error[0] != '\0')
    {
      /* Translators: %s is a service, then the records it refused and why */
      return g_strdup_printf (_("%s refused some members: %s They are sent again at the next sync."),
                              service, last_error);
    }

  return NULL;
}

/**
 * rapport_sync_describe_last_sync:
 *
 * Returns: (transfer full): the service and when the account last synced,
 *   "HubSpot · Last sync: 3 minutes ago"
 */
char *
rapport_sync_describe_last_sync (RapportAccount *account)
{
  g_autofree char *service = NULL;
  g_autofree char *when = NULL;
  const char *status;
  gint64 then;

  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (account), NULL);

  service = dup_display_name (rapport_account_get_connector (account));
  status = rapport_account_get_last_status (account);
  then = rapport_account_get_last_sync_at (account);

  if (g_strcmp0 (rapport_account_get_state (account), RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN) == 0)
    /* Translators: "HubSpot · Needs a new token" */
    return g_strdup_printf (_("%s · Needs a new token"), service);
  if (status == NULL || then <= 0)
    /* Translators: "HubSpot · Never synced" */
    return g_strdup_printf (_("%s · Never synced"), service);

  when = rapport_format_relative_time (then, rapport_now_unix ());
  if (g_str_equal (status, "running"))
    /* Translators: "HubSpot · Syncing" */
    return g_strdup_printf (_("%s · Syncing"), service);
  if (g_str_equal (status, "failed"))
    /* Translators: "HubSpot · Last sync failed: 3 minutes ago" */
    return g_strdup_printf (_("%s · Last sync failed: %s"), service, when);
  if (g_str_equal (status, "cancelled") || g_str_equal (status, "interrupted"))
    /* Translators: "HubSpot · Last sync stopped: 3 minutes ago" */
    return g_strdup_printf (_("%s · Last sync stopped: %s"), service, when);

  /* Translators: "HubSpot · Last sync: 3 minutes ago" */
  return g_strdup_printf (_("%s · Last sync: %s"), service, when);
}

/* Counts, "120 updated, 3 new", or NULL when nothing changed. */
static char *
describe_counts (RapportSyncButton *self)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  const guint64 n[] = { self->updated, self->created, self->archived, self->pushed, self->failed };

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

static RapportAccount *
find_account (RapportSyncButton *self,
              gint64             account_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (rapport_account_get_id (account) == account_id)
        return account;
    }

  return NULL;
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
  guint n_accounts = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  gboolean syncing = self->cancellable != NULL;
  g_autofree char *problem = NULL;
  g_autofree char *problem_name = NULL;

  for (guint i = 0; problem == NULL && i < n_accounts; i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      const char *run_problem = g_hash_table_lookup (self->run_problems,
                                                     &(gint64) { rapport_account_get_id (account) });

      problem = run_problem != NULL ? g_strdup (run_problem) : rapport_sync_describe_account (account);
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
  gboolean running = self->cancellable != NULL &&
                     rapport_sync_engine_get_running (self->engine) &&
                     rapport_sync_engine_get_account_id (self->engine) == rapport_account_get_id (account);
  g_autofree char *problem = rapport_sync_describe_account (account);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), running ? NULL : subtitle);
  if (running)
    {
      g_autofree char *service = dup_display_name (rapport_account_get_connector (account));
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
reload_accounts (RapportSyncButton *self)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store != NULL)
    {
      accounts = rapport_account_load_all (self->store, &error);
      if (accounts == NULL)
        g_warning ("Could not read the sync accounts: %s", error->message);
    }

  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    g_ptr_array_add (items, g_list_model_get_item (accounts, i));

  g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       items->pdata, items->len);

  /* A problem of an account that is gone goes with it. */
  {
    GHashTableIter iter;
    gint64 *id;

    g_hash_table_iter_init (&iter, self->run_problems);
    while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
      if (find_account (self, *id) == NULL)
        g_hash_table_iter_remove (&iter);
  }

  update_state (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  RapportSyncButton *self = data;

  self->reload_source = 0;
  reload_accounts (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportSyncButton *self)
{
  if (g_strcmp0 (table, "accounts") != 0 && g_strcmp0 (table, "sync_log") != 0)
    return;

  /* A sync announces several tables at once: read the accounts once. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

/* The run */

static void
update_progress (RapportSyncButton *self)
{
  RapportSyncEngine *engine = self->engine;
  RapportAccount *account = find_account (self, rapport_sync_engine_get_account_id (engine));
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
on_engine_progress_cb (RapportSyncButton *self,
                       RapportSyncEngine *engine)
{
  if (self->cancellable == NULL)
    return;

  update_progress (self);
  gtk_progress_bar_pulse (self->progress_bar);
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
finish_run (RapportSyncButton *self)
{
  g_autofree char *counts = describe_counts (self);
  g_autofree char *title = NULL;
  g_clear_object (&self->cancellable);
  g_array_set_size (self->queue, 0);

  if (self->cancelled)
    title = g_strdup (_("Sync cancelled"));
  else if (self->n_failed > 0)
    /* Translators: %s is an account, "HubSpot" */
    title = g_strdup_printf (_("Could not sync with %s"), self->failed_with);
  else if (counts != NULL)
    /* Translators: "Synced with HubSpot: 120 updated, 3 new" */
    title = g_strdup_printf (_("Synced with %s: %s"), self->synced_with, counts);
  else if (!self->background)
    /* Translators: %s is an account, "HubSpot" */
    title = g_strdup_printf (_("Synced with %s: no changes"), self->synced_with);

  /* A background sync speaks up only when it changed something or failed. */
  if (title != NULL)
    show_toast (self, title);

  reload_accounts (self);
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportSyncButton) self = user_data;
  RapportSyncEngine *engine = RAPPORT_SYNC_ENGINE (object);
  g_autoptr(GError) error = NULL;
  gint64 account_id = rapport_sync_engine_get_account_id (engine);
  RapportAccount *account = find_account (self, account_id);

  self->created += rapport_sync_engine_get_created (engine);
  self->updated += rapport_sync_engine_get_updated (engine);
  self->archived += rapport_sync_engine_get_archived (engine);
  self->pushed += rapport_sync_engine_get_pushed (engine);
  self->failed += rapport_sync_engine_get_failed (engine);

  if (self->cancellable == NULL)
    return;

  if (rapport_sync_engine_run_finish (engine, result, &error))
    {
      self->n_synced++;
      g_hash_table_remove (self->run_problems, &account_id);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->cancelled = TRUE;
    }
  else
    {
      const char *connector_id = account != NULL ? rapport_account_get_connector (account) : "";
      char *problem = rapport_sync_describe_error (connector_id, error);

      self->n_failed++;
      g_free (self->failed_with);
      self->failed_with = g_strdup (account != NULL ? rapport_account_get_name (account) : connector_id);

      /* The log says why; keep a message only if the account's state will
       * not, to name the trouble in plain words either way. */
      g_debug ("Sync of account %" G_GINT64_FORMAT " failed: %s", account_id, error->message);
      if (g_error_matches (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_UNAUTHORIZED))
        {
          g_hash_table_remove (self->run_problems, &account_id);
          g_free (problem);
        }
      else
        {
          g_hash_table_insert (self->run_problems, g_memdup2 (&account_id, sizeof account_id), problem);
        }
    }

  if (self->cancelled)
    finish_run (self);
  else
    run_next (self);
}

static void
run_next (RapportSyncButton *self)
{
  gint64 account_id;
  RapportAccount *account;

  if (self->queue->len == 0)
    {
      finish_run (self);
      return;
    }

  account_id = g_array_index (self->queue, gint64, 0);
  g_array_remove_index (self->queue, 0);
  account = find_account (self, account_id);
  if (account == NULL)
    {
      run_next (self);
      return;
    }

  if (self->synced_with == NULL)
    self->synced_with = g_strdup (rapport_account_get_name (account));
  else if (!g_str_equal (self->synced_with, rapport_account_get_name (account)))
    {
      g_free (self->synced_with);
      /* Translators: the accounts of a sync, when it synced several */
      self->synced_with = g_strdup (_("your accounts"));
    }

  rapport_sync_engine_run_async (self->engine, account_id, RAPPORT_SYNC_BOTH, self->cancellable,
                                 on_run_done_cb, g_object_ref (self));
  update_progress (self);
  update_state (self);
  /* The running account's row says so. */
  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts),
                           create_account_row, self, NULL);
}

/**
 * rapport_sync_button_sync:
 * @background: whether the timer started it: accounts that need a new
 *   token are left alone, and a sync that changed nothing stays quiet
 *
 * Syncs every account, one after another, pulling then pushing. Does
 * nothing while a sync runs. Without accounts, and not in the background,
 * opens the popover, which offers to connect one.
 */
void
rapport_sync_button_sync (RapportSyncButton *self,
                          gboolean           background)
{
  guint n_accounts;

  g_return_if_fail (RAPPORT_IS_SYNC_BUTTON (self));

  if (self->store == NULL || self->cancellable != NULL || rapport_sync_engine_get_running (self->engine))
    return;

  n_accounts = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  if (n_accounts == 0)
    {
      if (!background)
        gtk_menu_button_popup (self->menu_button);
      return;
    }

  g_array_set_size (self->queue, 0);
  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      gint64 id = rapport_account_get_id (account);

      if (background && g_strcmp0 (rapport_account_get_state (account), RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN) == 0)
        continue;
      g_array_append_val (self->queue, id);
    }
  if (self->queue->len == 0)
    return;

  self->background = background;
  self->cancelled = FALSE;
  self->n_synced = 0;
  self->n_failed = 0;
  g_clear_pointer (&self->failed_with, g_free);
  self->created = self->updated = self->archived = self->pushed = self->failed = 0;
  g_clear_pointer (&self->synced_with, g_free);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  run_next (self);
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

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The background timer */

static gboolean
on_timer_cb (gpointer data)
{
  RapportSyncButton *self = data;

  rapport_sync_button_sync (self, TRUE);

  return G_SOURCE_CONTINUE;
}

static void
update_timer (RapportSyncButton *self)
{
  guint minutes = g_settings_get_uint (self->settings, "sync-interval");

  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (minutes > 0 && self->store != NULL)
    self->timer_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, minutes * 60,
                                                     on_timer_cb, self, NULL);
}

static void
on_sync_interval_changed_cb (RapportSyncButton *self)
{
  update_timer (self);
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

  if (self->store == NULL)
    return;

  gtk_popover_popdown (self->popover);
  dialog = rapport_account_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, NULL);
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

  if (self->store == NULL)
    return;

  gtk_popover_popdown (self->popover);
  /* The accounts page edits the store this button syncs. */
  preferences = g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW,
                              "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              "modal", GTK_IS_WINDOW (root),
                              "database-path", rapport_store_get_path (self->store),
                              "store", self->store,
                              NULL);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "accounts");
  gtk_window_present (GTK_WINDOW (preferences));
}

/* GObject */

static void
rapport_sync_button_dispose (GObject *object)
{
  RapportSyncButton *self = (RapportSyncButton *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SYNC_BUTTON);

  g_clear_object (&self->settings);
  g_clear_object (&self->engine);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_sync_button_parent_class)->dispose (object);
}

static void
rapport_sync_button_finalize (GObject *object)
{
  RapportSyncButton *self = (RapportSyncButton *)object;

  g_clear_pointer (&self->queue, g_array_unref);
  g_clear_pointer (&self->run_problems, g_hash_table_unref);
  g_clear_pointer (&self->synced_with, g_free);
  g_clear_pointer (&self->failed_with, g_free);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
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
    case PROP_STORE:
      rapport_sync_button_set_store (self, g_value_get_object (value));
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

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
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

  self->accounts = g_list_store_new (RAPPORT_TYPE_ACCOUNT);
  self->queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->run_problems = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::sync-interval",
                           G_CALLBACK (on_sync_interval_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts),
                           create_account_row, self, NULL);
  update_state (self);
}

GtkWidget *
rapport_sync_button_new (void)
{
  return g_object_new (RAPPORT_TYPE_SYNC_BUTTON, NULL);
}

RapportStore *
rapport_sync_button_get_store (RapportSyncButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_BUTTON (self), NULL);

  return self->store;
}

/**
 * rapport_sync_button_set_store:
 * @store: (nullable): the community to sync
 */
void
rapport_sync_button_set_store (RapportSyncButton *self,
                               RapportStore      *store)
{
  g_return_if_fail (RAPPORT_IS_SYNC_BUTTON (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->store == store)
    return;

  rapport_sync_button_cancel (self);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_func (self->engine, on_engine_progress_cb, self);
  g_clear_object (&self->engine);

  g_set_object (&self->store, store);

  if (self->store != NULL)
    {
      self->engine = rapport_sync_engine_new (self->store);
      g_signal_connect_object (self->engine, "progress",
                               G_CALLBACK (on_engine_progress_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
    }

  g_hash_table_remove_all (self->run_problems);
  reload_accounts (self);
  update_timer (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
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

  return self->engine;
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

  return G_LIST_MODEL (self->accounts);
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
