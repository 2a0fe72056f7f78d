/* test-sync-ui.c
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

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-account-dialog.h"
#include "rapport-account.h"
#include "rapport-application.h"
#include "rapport-connector.h"
#include "rapport-context.h"
#include "rapport-member-page.h"
#include "rapport-mock-hubspot.h"
#include "rapport-preferences-accounts.h"
#include "rapport-preferences-window.h"
#include "rapport-remote-fields.h"
#include "rapport-secrets.h"
#include "rapport-store.h"
#include "rapport-sync-button.h"
#include "rapport-ui-test.h"
#include "rapport-window.h"

#define TOKEN "pat-na1-5e2a90c4-rapport-ui-test-token-18b3"
#define N_CONTACTS 25

static RapportApplication *app;

typedef struct
{
  char               *path;
  RapportStore       *store;
  RapportMockHubspot *mock;
  RapportWindow      *window;
  RapportSyncButton  *button;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "sync-interval");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  f->path = rapport_ui_test_make_db ();
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  f->mock = rapport_mock_hubspot_new (TOKEN, N_CONTACTS, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GListModel) accounts = rapport_account_load_all (f->store, NULL);
  GList *toplevels;

  /* Never leave a token behind in the test keyring. */
  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (accounts, i);

      rapport_account_remove (f->store, rapport_account_get_id (account), NULL);
    }

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  rapport_ui_test_spin (50);

  g_clear_pointer (&f->mock, rapport_mock_hubspot_free);
  g_clear_object (&f->store);
  rapport_ui_test_remove_tree (dir);
  g_free (f->path);
}

/* Widgets */

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_visible_label_with (GtkWidget     *widget,
                       gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_remote_mark (GtkWidget     *widget,
                gconstpointer  service)
{
  g_autofree char *tooltip = g_strdup_printf ("Synced from %s", (const char *) service);

  return is_visible_label (widget, service) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = rapport_ui_test_find_widget (root, GTK_TYPE_WIDGET, is_row_titled, title);

  g_assert_nonnull (row);
  return row;
}

/* Waiting */

static gboolean
window_ready_cb (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->window));
}

static void
open_window (Fixture *f)
{
  g_autoptr(RapportContext) context = rapport_context_new (f->store);

  f->window = rapport_window_new_for_context (app, context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (rapport_ui_test_wait_for (window_ready_cb, f, 10000));
  f->button = rapport_window_get_sync_button (f->window);
  g_assert_nonnull (f->button);
  rapport_ui_test_spin (100);
}

static gboolean
pointer_cleared_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
not_syncing_cb (gpointer data)
{
  Fixture *f = data;

  return rapport_sync_button_get_status (f->button) != RAPPORT_SYNC_STATUS_SYNCING;
}

static gboolean
records_arrived_cb (gpointer data)
{
  Fixture *f = data;

  return rapport_sync_engine_get_records (rapport_sync_button_get_engine (f->button)) > 0;
}

static gboolean
no_accounts_cb (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (rapport_sync_button_get_accounts (f->button)) == 0;
}

typedef struct
{
  RapportPreferencesAccounts *page;
  gint64                      account_id;
} TestWait;

static gboolean
test_result_cb (gpointer data)
{
  TestWait *wait = data;

  return rapport_preferences_accounts_get_result (wait->page, wait->account_id) != NULL;
}

static gint64
count_members (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts = { 0 };

  g_assert_true (rapport_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  return counts.members;
}

/* Screenshots */

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* Wide and narrow (360 px), light and dark; the window comes back wide and light. */
static void
shoot_window (GtkWindow  *window,
              int         wide_width,
              int         height,
              const char *name)
{
  const struct { int width; const char *size; } sizes[] = { { wide_width, "wide" }, { 360, "narrow" } };

  if (g_getenv ("RAPPORT_SCREENSHOT_DIR") == NULL)
    return;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autofree char *file = g_strdup_printf ("%s-%s-%s", name, sizes[s].size, dark ? "dark" : "light");

        set_dark (dark);
        gtk_window_set_default_size (window, sizes[s].width, height);
        rapport_ui_test_spin (300);
        rapport_ui_test_screenshot (GTK_WIDGET (window), file);
      }

  set_dark (FALSE);
  gtk_window_set_default_size (window, wide_width, height);
  rapport_ui_test_spin (200);
}

static void
shoot_popover (Fixture    *f,
               const char *name)
{
  GtkPopover *popover = rapport_sync_button_get_popover (f->button);

  if (g_getenv ("RAPPORT_SCREENSHOT_DIR") == NULL)
    return;

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s", name, dark ? "dark" : "light");

      set_dark (dark);
      gtk_popover_popup (popover);
      rapport_ui_test_spin (300);
      rapport_ui_test_screenshot (GTK_WIDGET (popover), file);
    }

  set_dark (FALSE);
  gtk_popover_popdown (popover);
  rapport_ui_test_spin (100);
}

/* Steps */

static RapportPreferencesAccounts *
open_accounts_page (Fixture *f)
{
  GtkWidget *preferences;
  AdwPreferencesPage *page;

  preferences = rapport_preferences_window_new (GTK_WINDOW (f->window),
                                                rapport_window_get_context (f->window),
                                                f->path);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "accounts");
  gtk_window_present (GTK_WINDOW (preferences));
  rapport_ui_test_spin (200);

  page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences));
  g_assert_true (RAPPORT_IS_PREFERENCES_ACCOUNTS (page));

  return RAPPORT_PREFERENCES_ACCOUNTS (page);
}

static gint64
add_account_through_dialog (Fixture                    *f,
                            RapportPreferencesAccounts *page)
{
  GtkWindow *dialog;
  GtkWidget *advanced;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add", NULL));
  rapport_ui_test_spin (200);
  dialog = rapport_ui_test_find_toplevel (RAPPORT_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);

  /* Nothing to test without a token. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL) &&
                  rapport_account_dialog_get_busy (RAPPORT_ACCOUNT_DIALOG (dialog)));

  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Account Name")), "Community HubSpot");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Private App Token")), TOKEN);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "HubSpot Plan")), 1);
  advanced = find_row (GTK_WIDGET (dialog), "Advanced");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (advanced), TRUE);

  /* A bad address is refused before anything is sent. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "API Address")), "ftp:/nowhere");
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (dialog), "API Address"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "API Address")),
                         rapport_mock_hubspot_get_url (f->mock));
  g_assert_false (gtk_widget_has_css_class (find_row (GTK_WIDGET (dialog), "API Address"), "error"));

  gtk_window_set_default_size (dialog, 480, 640);
  shoot_window (dialog, 480, 640, "account-dialog");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (rapport_ui_test_wait_for (pointer_cleared_cb, &dialog, 20000));

  accounts = rapport_account_load_all (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  account = g_list_model_get_item (accounts, 0);
  g_assert_cmpstr (rapport_account_get_name (account), ==, "Community HubSpot");
  g_assert_cmpstr (rapport_account_get_connector (account), ==, "hubspot");
  g_assert_cmpstr (rapport_account_get_base_url (account), ==, rapport_mock_hubspot_get_url (f->mock));
  g_assert_cmpuint (rapport_account_get_rate_limit (account), ==, 190);

  token = rapport_secrets_lookup_token (f->store, rapport_account_get_id (account), "hubspot", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);

  /* The window's store heard about it: the button and the page list it. */
  rapport_ui_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_sync_button_get_accounts (f->button)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_preferences_accounts_get_accounts (page)), ==, 1);

  return rapport_account_get_id (account);
}

static void
test_refused_token_in_dialog (Fixture       *f,
                              gconstpointer  data)
{
  RapportPreferencesAccounts *page;
  GtkWindow *dialog;
  g_autoptr(GListModel) accounts = NULL;

  open_window (f);
  page = open_accounts_page (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add", NULL));
  rapport_ui_test_spin (200);
  dialog = rapport_ui_test_find_toplevel (RAPPORT_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);

  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Private App Token")),
                         "pat-na1-not-the-right-token");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "API Address")),
                         rapport_mock_hubspot_get_url (f->mock));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (rapport_account_dialog_get_busy (RAPPORT_ACCOUNT_DIALOG (dialog)));
  while (rapport_account_dialog_get_busy (RAPPORT_ACCOUNT_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);

  /* The dialog stays, says why in plain words, and nothing was added. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (rapport_account_dialog_get_message (RAPPORT_ACCOUNT_DIALOG (dialog)),
                            "HubSpot refused the token"));
  g_assert_null (strstr (rapport_account_dialog_get_message (RAPPORT_ACCOUNT_DIALOG (dialog)), "pat-na1"));
  accounts = rapport_account_load_all (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);

  shoot_window (dialog, 480, 640, "account-dialog-refused");
}

typedef struct
{
  Fixture    *f;
  const char *text;
} Shown;

/* A popover maps on the next frames, later on a busy machine. */
static gboolean
popover_shows_cb (gpointer data)
{
  Shown *shown = data;

  return rapport_ui_test_find_widget (GTK_WIDGET (rapport_sync_button_get_popover (shown->f->button)),
                                      GTK_TYPE_LABEL, is_visible_label, shown->text) != NULL;
}

static void
test_sync_flow (Fixture       *f,
                gconstpointer  data)
{
  RapportPreferencesAccounts *page;
  GtkWindow *preferences;
  GtkWindow *confirm;
  AdwToast *toast;
  TestWait wait;
  gint64 account_id;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  const char *problem;
  Shown shown;

  open_window (f);

  /* No accounts: the popover offers to connect one. */
  g_assert_cmpint (rapport_sync_button_get_status (f->button), ==, RAPPORT_SYNC_STATUS_IDLE);
  shoot_popover (f, "sync-popover-empty");

  page = open_accounts_page (f);
  preferences = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)));
  account_id = add_account_through_dialog (f, page);

  /* Test Connection answers inline, on the row. */
  wait.page = page;
  wait.account_id = account_id;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.test", "x", account_id));
  g_assert_true (rapport_ui_test_wait_for (test_result_cb, &wait, 20000));
  g_assert_cmpstr (rapport_preferences_accounts_get_result (page, account_id), ==, "The connection works");
  rapport_ui_test_spin (100);
  g_assert_nonnull (rapport_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, is_visible_label_with,
                                                 "The connection works"));
  shoot_window (preferences, 640, 560, "preferences-accounts");
  gtk_window_destroy (preferences);
  rapport_ui_test_spin (100);

  /* Sync Now (app.sync, Ctrl+R), slowed down to see it run. */
  rapport_mock_hubspot_set_delay (f->mock, 150);
  g_action_group_activate_action (G_ACTION_GROUP (app), "sync", NULL);
  g_assert_cmpint (rapport_sync_button_get_status (f->button), ==, RAPPORT_SYNC_STATUS_SYNCING);
  /* One run at a time: a second Sync Now while it runs does nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sync", NULL);
  g_assert_true (rapport_ui_test_wait_for (records_arrived_cb, f, 20000));
  shoot_popover (f, "sync-popover-syncing");
  rapport_mock_hubspot_set_delay (f->mock, 0);
  g_assert_true (rapport_ui_test_wait_for (not_syncing_cb, f, 60000));

  g_assert_cmpint (rapport_sync_button_get_status (f->button), ==, RAPPORT_SYNC_STATUS_IDLE);
  g_assert_null (rapport_sync_button_get_problem (f->button));
  g_assert_cmpint (count_members (f), ==, N_CONTACTS);
  toast = rapport_window_get_last_toast (f->window);
  g_assert_nonnull (toast);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (toast), "Synced with Community HubSpot: "));
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "25 new"));
  rapport_ui_test_spin (100);
  shoot_popover (f, "sync-popover-idle");

  /* HubSpot refuses the token: the warning icon and plain words. */
  rapport_mock_hubspot_fail_next (f->mock, 401, 5);
  rapport_window_sync (f->window);
  g_assert_true (rapport_ui_test_wait_for (not_syncing_cb, f, 60000));
  rapport_ui_test_spin (100);
  g_assert_cmpint (rapport_sync_button_get_status (f->button), ==, RAPPORT_SYNC_STATUS_ATTENTION);
  problem = rapport_sync_button_get_problem (f->button);
  g_assert_cmpstr (problem, ==, "HubSpot refused the token. Open Preferences → Accounts and paste a "
                                "new private-app token.");
  toast = rapport_window_get_last_toast (f->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Could not sync with Community HubSpot");
  /* Other tests' windows share the display and may take the focus, which
   * closes an autohiding popover; this one must stay up to be read. */
  gtk_popover_set_autohide (rapport_sync_button_get_popover (f->button), FALSE);
  gtk_popover_popup (rapport_sync_button_get_popover (f->button));
  shown.f = f;
  shown.text = problem;
  g_assert_true (rapport_ui_test_wait_for (popover_shows_cb, &shown, 5000));
  gtk_popover_popdown (rapport_sync_button_get_popover (f->button));
  gtk_popover_set_autohide (rapport_sync_button_get_popover (f->button), TRUE);
  shoot_popover (f, "sync-popover-error");

  /* Remove, confirmed: the account and its secret go. */
  page = open_accounts_page (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.remove", "x", account_id));
  rapport_ui_test_spin (200);
  confirm = rapport_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "remove");
  g_assert_true (rapport_ui_test_wait_for (no_accounts_cb, f, 20000));
  while (rapport_preferences_accounts_get_busy (page))
    g_main_context_iteration (NULL, TRUE);

  token = rapport_secrets_lookup_token (f->store, account_id, "hubspot", NULL, &error);
  g_assert_null (token);
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_TOKEN);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_preferences_accounts_get_accounts (page)), ==, 0);
  g_assert_cmpint (rapport_sync_button_get_status (f->button), ==, RAPPORT_SYNC_STATUS_IDLE);
  /* The members it brought in stay. */
  g_assert_cmpint (count_members (f), ==, N_CONTACTS);
}

static void
on_pull_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  rapport_sync_engine_run_finish (RAPPORT_SYNC_ENGINE (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_member_page_marks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(RapportSyncEngine) engine = NULL;
  g_autoptr(RapportContext) context = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *lifecycle = NULL;
  RapportMemberQuery query = { 0 };
  gboolean done = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *mark;
  gint64 member_id;

  account = rapport_account_add (f->store, "hubspot", NULL, rapport_mock_hubspot_get_url (f->mock),
                                 0, TOKEN, &error);
  g_assert_no_error (error);
  engine = rapport_sync_engine_new (f->store);
  rapport_sync_engine_run_async (engine, rapport_account_get_id (account), RAPPORT_SYNC_PULL, NULL,
                                 on_pull_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count_members (f), ==, N_CONTACTS);

  ids = rapport_store_query_member_ids (f->store, &query, &error);
  g_assert_no_error (error);
  member_id = g_array_index (ids, gint64, 0);

  fields = rapport_remote_fields_load (f->store, member_id, "hubspot", &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (fields, "name"));
  g_assert_true (g_hash_table_contains (fields, "email"));
  lifecycle = g_strdup (g_hash_table_lookup (fields, "lifecycle_stage"));
  g_assert_nonnull (lifecycle);
  g_clear_pointer (&fields, g_hash_table_unref);
  /* A member HubSpot never synced owns no fields; an unknown platform none either. */
  fields = rapport_remote_fields_load (f->store, member_id, "discourse", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (fields), ==, 0);

  window = gtk_window_new ();
  context = rapport_context_new (f->store);
  page = rapport_member_page_new (context);
  gtk_window_set_child (GTK_WINDOW (window), page);
  rapport_member_page_set_member_id (RAPPORT_MEMBER_PAGE (page), member_id);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 1000);
  gtk_window_present (GTK_WINDOW (window));
  rapport_ui_test_spin (300);

  /* The email row carries the mark, and one row names what HubSpot owns. */
  mark = rapport_ui_test_find_widget (page, GTK_TYPE_WIDGET, is_remote_mark, "HubSpot");
  g_assert_nonnull (mark);
  g_assert_true (ADW_IS_ACTION_ROW (gtk_widget_get_ancestor (mark, ADW_TYPE_ACTION_ROW)));
  g_assert_nonnull (rapport_ui_test_find_widget (page, GTK_TYPE_WIDGET, is_row_titled, "Synced from HubSpot"));
  g_assert_nonnull (rapport_ui_test_find_widget (page, GTK_TYPE_WIDGET, is_row_titled, lifecycle));

  shoot_window (GTK_WINDOW (window), 800, 1500, "member-page-hubspot");

  rapport_account_remove (f->store, rapport_account_get_id (account), &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  rapport_ui_test_init (&argc, &argv);

  app = rapport_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/ui/sync/add-sync-401-remove", test_sync_flow);
  ADD ("/rapport/ui/sync/refused-token-in-dialog", test_refused_token_in_dialog);
  ADD ("/rapport/ui/sync/member-page-marks", test_member_page_marks);

#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
