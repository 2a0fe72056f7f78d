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
#include "rapport-context.h"
#include "rapport-preferences-accounts.h"
#include "rapport-store.h"
#include "rapport-sync-engine.h"
#include "rapport-sync-scheduler.h"
#include "rapport-sync-text.h"

/* Preferences → Accounts: one row per account with its status and last
 * sync, and a menu to test the connection, replace the token or remove
 * the account; Add Account…; how often to sync in the background. The
 * accounts are the ones the context's sync scheduler keeps; testing and
 * removing are core calls that do their work off the main thread, where
 * the network and the keyring may block. */

typedef struct
{
  gboolean  running;
  gboolean  ok;
  char     *message;
} TestResult;

struct _RapportPreferencesAccounts
{
  AdwPreferencesPage    parent_instance;

  RapportContext       *context;
  RapportStore         *store;
  GSettings            *settings;
  RapportSyncScheduler *scheduler;
  /* Tests run on an engine of their own, so they never wait for a sync. */
  RapportSyncEngine    *test_engine;
  GCancellable         *cancellable;
  GHashTable           *results;
  guint                 n_removing;

  GtkListBox           *accounts_list;
  AdwComboRow          *interval_row;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesAccounts, rapport_preferences_accounts, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
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
  return rapport_sync_scheduler_find_account (self->scheduler, account_id);
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

/* The rows again, with the test results as they are now. The scheduler
 * reads the accounts again whenever the store announces a change. */
static void
refresh_rows (RapportPreferencesAccounts *self)
{
  gtk_list_box_bind_model (self->accounts_list, rapport_sync_scheduler_get_accounts (self->scheduler),
                           create_account_row, self, NULL);
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
  refresh_rows (self);
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
  refresh_rows (self);
}

/* Replace Token… and Add Account… */

static void
on_dialog_done_cb (RapportPreferencesAccounts *self,
                   gint64                      account_id)
{
  /* A new token makes the old test result stale. */
  g_hash_table_remove (self->results, &account_id);
  refresh_rows (self);
}

static void
present_dialog (RapportPreferencesAccounts *self,
                RapportAccount             *account)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = rapport_account_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->context, account);
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
  RapportPreferencesAccounts *self;
  gint64                      account_id;
  char                       *name;
} Removal;

static void
removal_free (Removal *removal)
{
  g_clear_object (&removal->self);
  g_free (removal->name);
  g_free (removal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Removal, removal_free)

static void
on_remove_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Removal) removal = user_data;
  RapportPreferencesAccounts *self = removal->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->n_removing--;

  if (!rapport_account_remove_finish (RAPPORT_STORE (object), result, &error))
    {
      /* Translators: the first %s is an account, the second why it could not be removed */
      title = g_strdup_printf (_("Could not remove “%s”: %s"), removal->name, error->message);
      show_toast (self, title);
      notify_busy (self);
      return;
    }

  if (self->results != NULL)
    g_hash_table_remove (self->results, &removal->account_id);
  /* Translators: %s is an account's name */
  title = g_strdup_printf (_("Removed “%s”"), removal->name);
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
  Removal *removal;

  if (!g_str_equal (response, "remove") || account == NULL)
    return;

  removal = g_new0 (Removal, 1);
  removal->self = g_object_ref (self);
  removal->account_id = account_id;
  removal->name = g_strdup (rapport_account_get_name (account));

  self->n_removing++;
  rapport_account_remove_async (self->store, account_id, NULL, on_remove_done_cb, removal);
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

  g_return_if_fail (RAPPORT_IS_CONTEXT (self->context));

  self->store = g_object_ref (rapport_context_get_store (self->context));
  self->test_engine = rapport_sync_engine_new (self->store);
  self->scheduler = g_object_ref (rapport_context_get_sync_scheduler (self->context));
  refresh_rows (self);
}

static void
rapport_preferences_accounts_dispose (GObject *object)
{
  RapportPreferencesAccounts *self = (RapportPreferencesAccounts *)object;

  g_cancellable_cancel (self->cancellable);
  /* The scheduler's accounts outlive the page. */
  if (self->accounts_list != NULL)
    gtk_list_box_bind_model (self->accounts_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PREFERENCES_ACCOUNTS);

  g_clear_object (&self->test_engine);
  g_clear_object (&self->settings);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
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

  /* The open community, whose accounts the page lists. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
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
}

/**
 * rapport_preferences_accounts_new:
 * @context: the open community, whose accounts to show
 *
 * Returns: (transfer floating): the Accounts page
 */
GtkWidget *
rapport_preferences_accounts_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_ACCOUNTS, "context", context, NULL);
}

/**
 * rapport_preferences_accounts_get_context:
 *
 * Returns: (transfer none): the open community
 */
RapportContext *
rapport_preferences_accounts_get_context (RapportPreferencesAccounts *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_ACCOUNTS (self), NULL);

  return self->context;
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

  return rapport_sync_scheduler_get_accounts (self->scheduler);
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
