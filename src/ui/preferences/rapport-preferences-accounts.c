/* rapport-preferences-accounts.c
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

#define G_LOG_DOMAIN "rapport-preferences-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-account-dialog.h"
#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-preferences-accounts.h"
#include "rapport-store.h"
#include "rapport-sync-button.h"
#include "rapport-sync-engine.h"

/* Preferences → Accounts: one row per account with its status and last
 * sync, and a menu to test the connection, replace the token or remove
 * the account; Add Account…; how often to sync in the background. The
 * keyring blocks on D-Bus, so removing runs in a worker thread. */

typedef struct
{
  gboolean  running;
  gboolean  ok;
  char     *message;
} TestResult;

struct _RapportPreferencesAccounts
{
  AdwPreferencesPage  parent_instance;

  RapportStore       *store;
  GSettings          *settings;
  GListStore         *accounts;
  /* Tests run on an engine of their own, so they never wait for a sync. */
  RapportSyncEngine  *test_engine;
  GCancellable       *cancellable;
  GHashTable         *results;
  guint               reload_source;
  guint               n_removing;

  GtkListBox         *accounts_list;
  AdwComboRow        *interval_row;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesAccounts, rapport_preferences_accounts, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The interval row's positions, in minutes. */
static const guint intervals[] = { 0, 15, 30, 60, 240 };

static void
test_result_free (TestResult *result)
{
  g_free (result->message);
  g_free (result);
}

static gboolean
interval_to_position (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);
  guint best = 0;

  /* A value set elsewhere shows as the nearest choice. */
  for (guint i = 1; i < G_N_ELEMENTS (intervals); i++)
    if ((minutes > intervals[i] ? minutes - intervals[i] : intervals[i] - minutes) <
        (minutes > intervals[best] ? minutes - intervals[best] : intervals[best] - minutes))
      best = i;
  if (minutes > 0 && best == 0)
    best = 1;

  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
position_to_interval (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (intervals))
    return NULL;

  return g_variant_new_uint32 (intervals[position]);
}

static gboolean
get_busy (RapportPreferencesAccounts *self)
{
  return rapport_sync_engine_get_running (self->test_engine) || self->n_removing > 0;
}

static void
notify_busy (RapportPreferencesAccounts *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.test",
                                 !rapport_sync_engine_get_running (self->test_engine));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static RapportAccount *
find_account (RapportPreferencesAccounts *self,
              gint64                      account_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (rapport_account_get_id (account) == account_id)
        return account;
    }

  return NULL;
}

/* Rows */

static GtkWidget *
create_menu_button (RapportAccount *account)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) test = g_menu_item_new (_("_Test Connection"), NULL);
  g_autoptr(GMenuItem) replace = g_menu_item_new (_("_Replace Token…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("Re_move…"), NULL);
  g_autoptr(GMenu) section = g_menu_new ();
  gint64 id = rapport_account_get_id (account);
  GtkWidget *button;

  g_menu_item_set_action_and_target (test, "accounts.test", "x", id);
  g_menu_item_set_action_and_target (replace, "accounts.replace-token", "x", id);
  g_menu_item_set_action_and_target (remove, "accounts.remove", "x", id);
  g_menu_append_item (menu, test);
  g_menu_append_item (menu, replace);
  g_menu_append_item (section, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Account Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Account Menu"),
                                  -1);

  return button;
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  RapportPreferencesAccounts *self = user_data;
  RapportAccount *account = item;
  g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (rapport_account_get_connector (account));
  g_autofree char *subtitle = rapport_sync_describe_last_sync (account);
  g_autofree char *problem = rapport_sync_describe_account (account);
  TestResult *result = g_hash_table_lookup (self->results, &(gint64) { rapport_account_get_id (account) });
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  icon = gtk_image_new_from_icon_name (connector != NULL ? rapport_connector_get_icon_name (connector)
                                                         : "network-server-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (result != NULL && result->running)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_tooltip_text (spinner, _("Testing the connection…"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);
    }
  else if (result != NULL)
    {
      GtkWidget *status = gtk_image_new_from_icon_name (result->ok ? "emblem-ok-symbolic"
                                                                   : "dialog-warning-symbolic");

      gtk_widget_add_css_class (status, result->ok ? "success" : "warning");
      gtk_widget_set_tooltip_text (status, result->message);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      /* The result under the name, where it is read with the row. */
      if (!result->ok || problem == NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s\n%s", subtitle, result->message);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
        }
    }
  else if (problem != NULL)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_tooltip_text (warning, problem);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_menu_button (account));

  return row;
}

static void
reload (RapportPreferencesAccounts *self)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_handle_id (&self->reload_source, g_source_remove);

  accounts = rapport_account_load_all (self->store, &error);
  if (accounts == NULL)
    g_warning ("Could not read the sync accounts: %s", error->message);

  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    g_ptr_array_add (items, g_list_model_get_item (accounts, i));

  g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       items->pdata, items->len);
}

static gboolean
reload_idle_cb (gpointer data)
{
  RapportPreferencesAccounts *self = data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
queue_reload (RapportPreferencesAccounts *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

static void
on_store_changed_cb (RapportStore               *store,
                     const char                 *table,
                     gint64                      row_id,
                     RapportChangeKind           kind,
                     RapportPreferencesAccounts *self)
{
  if (g_strcmp0 (table, "accounts") == 0 || g_strcmp0 (table, "sync_log") == 0)
    queue_reload (self);
}

static void
show_toast (RapportPreferencesAccounts *self,
            const char                 *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
}

/* Test Connection */

static void
on_test_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportPreferencesAccounts) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 account_id = rapport_sync_engine_get_account_id (RAPPORT_SYNC_ENGINE (object));
  RapportAccount *account;
  TestResult *test;

  rapport_sync_engine_test_finish (RAPPORT_SYNC_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->results == NULL)
    return;

  account = find_account (self, account_id);
  test = g_new0 (TestResult, 1);
  test->ok = error == NULL;
  if (error == NULL)
    test->message = g_strdup (_("The connection works"));
  else
    test->message = rapport_sync_describe_error (account != NULL ? rapport_account_get_connector (account) : "",
                                                 error);
  g_hash_table_insert (self->results, g_memdup2 (&account_id, sizeof account_id), test);

  notify_busy (self);
  reload (self);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportPreferencesAccounts *self = RAPPORT_PREFERENCES_ACCOUNTS (widget);
  gint64 account_id = g_variant_get_int64 (parameter);
  TestResult *test;

  if (rapport_sync_engine_get_running (self->test_engine) || find_account (self, account_id) == NULL)
    return;

  test = g_new0 (TestResult, 1);
  test->running = TRUE;
  g_hash_table_insert (self->results, g_memdup2 (&account_id, sizeof account_id), test);

  rapport_sync_engine_test_async (self->test_engine, account_id, self->cancellable,
                                  on_test_done_cb, g_object_ref (self));
  notify_busy (self);
  reload (self);
}

/* Replace Token… and Add Account… */

static void
on_dialog_done_cb (RapportPreferencesAccounts *self,
                   gint64                      account_id)
{
  /* A new token makes the old test result stale. */
  g_hash_table_remove (self->results, &account_id);
  queue_reload (self);
}

static void
present_dialog (RapportPreferencesAccounts *self,
                RapportAccount             *account)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = rapport_account_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, account);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_dialog_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_dialog (RAPPORT_PREFERENCES_ACCOUNTS (widget), NULL);
}

static void
replace_token_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportPreferencesAccounts *self = RAPPORT_PREFERENCES_ACCOUNTS (widget);
  RapportAccount *account = find_account (self, g_variant_get_int64 (parameter));

  if (account != NULL)
    present_dialog (self, account);
}

/* Remove… */

typedef struct
{
  char   *db_path;
  gint64  account_id;
  char   *name;
} RemoveJob;

static void
remove_job_free (RemoveJob *job)
{
  g_free (job->db_path);
  g_free (job->name);
  g_free (job);
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RemoveJob *job = task_data;
  g_autoptr(RapportStore) store = NULL;
  GError *error = NULL;

  store = rapport_store_new_worker (job->db_path, &error);
  if (store == NULL || !rapport_account_remove (store, job->account_id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_remove_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportPreferencesAccounts *self = RAPPORT_PREFERENCES_ACCOUNTS (object);
  RemoveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->n_removing--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: the first %s is an account, the second why it could not be removed */
      title = g_strdup_printf (_("Could not remove “%s”: %s"), job->name, error->message);
      show_toast (self, title);
      notify_busy (self);
      return;
    }

  g_hash_table_remove (self->results, &job->account_id);
  /* The worker's connection told nobody: tell the window's store. */
  rapport_store_emit_changed (self->store, "accounts", job->account_id, RAPPORT_CHANGE_DELETED);
  /* Translators: %s is an account's name */
  title = g_strdup_printf (_("Removed “%s”"), job->name);
  show_toast (self, title);
  notify_busy (self);
}

static void
on_remove_response_cb (AdwMessageDialog           *dialog,
                       const char                 *response,
                       RapportPreferencesAccounts *self)
{
  gint64 account_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "rapport-account-id")) ;
  RapportAccount *account = find_account (self, account_id);
  g_autoptr(GTask) task = NULL;
  RemoveJob *job;

  if (!g_str_equal (response, "remove") || account == NULL)
    return;

  job = g_new0 (RemoveJob, 1);
  job->db_path = g_strdup (rapport_store_get_path (self->store));
  job->account_id = account_id;
  job->name = g_strdup (rapport_account_get_name (account));

  self->n_removing++;
  task = g_task_new (self, NULL, on_remove_done_cb, NULL);
  g_task_set_source_tag (task, on_remove_response_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) remove_job_free);
  g_task_run_in_thread (task, remove_thread);
  notify_busy (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportPreferencesAccounts *self = RAPPORT_PREFERENCES_ACCOUNTS (widget);
  gint64 account_id = g_variant_get_int64 (parameter);
  RapportAccount *account = find_account (self, account_id);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (account == NULL)
    return;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Remove “%s”?"), rapport_account_get_name (account));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Rapport stops syncing with this account and deletes its token "
                                     "from your keyring. Members it brought in stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "rapport-account-id", GSIZE_TO_POINTER ((gsize) account_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
rapport_preferences_accounts_constructed (GObject *object)
{
  RapportPreferencesAccounts *self = (RapportPreferencesAccounts *)object;

  G_OBJECT_CLASS (rapport_preferences_accounts_parent_class)->constructed (object);

  g_return_if_fail (RAPPORT_IS_STORE (self->store));

  self->test_engine = rapport_sync_engine_new (self->store);
  g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
rapport_preferences_accounts_dispose (GObject *object)
{
  RapportPreferencesAccounts *self = (RapportPreferencesAccounts *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PREFERENCES_ACCOUNTS);

  g_clear_object (&self->test_engine);
  g_clear_object (&self->settings);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);
  g_clear_pointer (&self->results, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_preferences_accounts_parent_class)->dispose (object);
}

static void
rapport_preferences_accounts_finalize (GObject *object)
{
  RapportPreferencesAccounts *self = (RapportPreferencesAccounts *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rapport_preferences_accounts_parent_class)->finalize (object);
}

static void
rapport_preferences_accounts_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  RapportPreferencesAccounts *self = RAPPORT_PREFERENCES_ACCOUNTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_accounts_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  RapportPreferencesAccounts *self = RAPPORT_PREFERENCES_ACCOUNTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_accounts_class_init (RapportPreferencesAccountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_accounts_constructed;
  object_class->dispose = rapport_preferences_accounts_dispose;
  object_class->finalize = rapport_preferences_accounts_finalize;
  object_class->get_property = rapport_preferences_accounts_get_property;
  object_class->set_property = rapport_preferences_accounts_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A connection test or a removal is under way. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-preferences-accounts.ui");

  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesAccounts, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesAccounts, interval_row);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.test", "x", test_action);
  gtk_widget_class_install_action (widget_class, "accounts.replace-token", "x", replace_token_action);
  gtk_widget_class_install_action (widget_class, "accounts.remove", "x", remove_action);
}

static void
rapport_preferences_accounts_init (RapportPreferencesAccounts *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->accounts = g_list_store_new (RAPPORT_TYPE_ACCOUNT);
  self->cancellable = g_cancellable_new ();
  self->results = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) test_result_free);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "sync-interval",
                                self->interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                interval_to_position,
                                position_to_interval,
                                NULL, NULL);

  placeholder = gtk_label_new (_("No accounts yet. Add one to sync members with HubSpot."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->accounts_list, placeholder);

  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts),
                           create_account_row, self, NULL);
}

/**
 * rapport_preferences_accounts_new:
 * @store: the community whose accounts to show
 *
 * Returns: (transfer floating): the Accounts page
 */
GtkWidget *
rapport_preferences_accounts_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_ACCOUNTS, "store", store, NULL);
}

RapportStore *
rapport_preferences_accounts_get_store (RapportPreferencesAccounts *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_ACCOUNTS (self), NULL);

  return self->store;
}

/**
 * rapport_preferences_accounts_get_accounts:
 *
 * Returns: (transfer none): the accounts the page lists
 */
GListModel *
rapport_preferences_accounts_get_accounts (RapportPreferencesAccounts *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_ACCOUNTS (self), NULL);

  return G_LIST_MODEL (self->accounts);
}

/**
 * rapport_preferences_accounts_get_result:
 *
 * Returns: (nullable): the result of the last connection test of the
 *   account, in plain words, or %NULL if none finished
 */
const char *
rapport_preferences_accounts_get_result (RapportPreferencesAccounts *self,
                                         gint64                      account_id)
{
  TestResult *result;

  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_ACCOUNTS (self), NULL);

  result = g_hash_table_lookup (self->results, &account_id);
  return result != NULL && !result->running ? result->message : NULL;
}

gboolean
rapport_preferences_accounts_get_busy (RapportPreferencesAccounts *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_ACCOUNTS (self), FALSE);

  return get_busy (self);
}
