/* rapport-account-dialog.c
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

#define G_LOG_DOMAIN "rapport-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-account-dialog.h"
#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-context.h"
#include "rapport-hubspot.h"
#include "rapport-secrets.h"
#include "rapport-store.h"
#include "rapport-sync-text.h"

/* Adds an account, or replaces the token of @account. Either way the
 * connection is tested first, so a mistyped token never becomes an
 * account; core does both in its worker threads, where the network and
 * the keyring's D-Bus calls may block. The token leaves the entry only for
 * those calls. */

struct _RapportAccountDialog
{
  AdwWindow            parent_instance;

  RapportContext      *context;
  RapportStore        *store;
  RapportAccount      *account;
  GCancellable        *cancellable;
  char                *message;

  AdwWindowTitle      *window_title;
  GtkStack            *submit_stack;
  GtkLabel            *submit_label;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *token_group;
  AdwComboRow         *connector_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *token_row;
  AdwComboRow         *plan_row;
  GtkWidget           *advanced_group;
  AdwExpanderRow      *advanced_row;
  AdwEntryRow         *base_url_row;
  GtkLabel            *message_label;
};

G_DEFINE_FINAL_TYPE (RapportAccountDialog, rapport_account_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACCOUNT,
  PROP_BUSY,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The plan row's positions. */
static const guint plan_rate_limits[] = {
  RAPPORT_HUBSPOT_RATE_LIMIT_STARTER,
  RAPPORT_HUBSPOT_RATE_LIMIT_PRO,
};

static const char *
get_connector_id (RapportAccountDialog *self)
{
  const char * const *ids = rapport_connector_list_ids ();
  guint selected = adw_combo_row_get_selected (self->connector_row);

  if (self->account != NULL)
    return rapport_account_get_connector (self->account);
  if (selected < g_strv_length ((GStrv) ids))
    return ids[selected];

  return ids[0];
}

static guint
get_rate_limit (RapportAccountDialog *self)
{
  guint plan = adw_combo_row_get_selected (self->plan_row);

  return plan < G_N_ELEMENTS (plan_rate_limits) ? plan_rate_limits[plan] : RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT;
}

static gboolean
get_busy (RapportAccountDialog *self)
{
  return self->cancellable != NULL;
}

static void
set_message (RapportAccountDialog *self,
             const char           *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static gboolean
base_url_is_valid (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (text[0] == '\0')
    return TRUE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ||
          g_strcmp0 (g_uri_get_scheme (uri), "http") == 0);
}

static void
update_submit (RapportAccountDialog *self)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  const char *base_url = gtk_editable_get_text (GTK_EDITABLE (self->base_url_row));
  gboolean url_ok = base_url_is_valid (base_url);

  if (url_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->base_url_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->base_url_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.submit",
                                 !get_busy (self) && token[0] != '\0' && url_ok);
}

static void
set_busy (RapportAccountDialog *self,
          gboolean              busy)
{
  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);

  /* An entry that turns insensitive while focused never hears it lost
   * the focus; take it away first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->submit_stack, busy ? "busy" : "label");
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_group), !busy);
  gtk_widget_set_sensitive (self->advanced_group, !busy);
  update_submit (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
on_field_changed_cb (RapportAccountDialog *self)
{
  update_submit (self);
}

static void
on_token_row_activated_cb (RapportAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.submit", NULL);
}

/* Pasted tokens often carry a newline or spaces around them. */
static char *
dup_token (RapportAccountDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
}

/* The dialog was closed while core worked. */
static gboolean
is_closed (RapportAccountDialog *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

static void
show_error (RapportAccountDialog *self,
            const GError         *error)
{
  g_autofree char *message = rapport_sync_describe_error (get_connector_id (self), error);

  set_busy (self, FALSE);
  set_message (self, message);
  gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

static void
finish (RapportAccountDialog *self,
        gint64                account_id)
{
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  g_signal_emit (self, signals [DONE], 0, account_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_replace_token_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(RapportAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_account_replace_token_finish (RAPPORT_STORE (object), result, &error))
    {
      if (!is_closed (self))
        show_error (self, error);
      return;
    }

  if (!is_closed (self))
    finish (self, rapport_account_get_id (self->account));
}

static void
on_add_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportAccountDialog) self = user_data;
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = rapport_account_add_finish (RAPPORT_STORE (object), result, &error);
  if (account == NULL)
    {
      if (!is_closed (self))
        show_error (self, error);
      return;
    }

  if (!is_closed (self))
    finish (self, rapport_account_get_id (account));
}

static void
on_test_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  if (!rapport_account_test_finish (RAPPORT_STORE (object), result, &error))
    {
      if (!is_closed (self))
        show_error (self, error);
      return;
    }
  if (is_closed (self))
    return;

  /* The token works: save it. The entry stayed insensitive meanwhile. */
  token = dup_token (self);
  if (self->account != NULL)
    {
      rapport_account_replace_token_async (self->store, rapport_account_get_id (self->account), token,
                                           self->cancellable, on_replace_token_done_cb, g_object_ref (self));
    }
  else
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
      g_autofree char *base_url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->base_url_row))));

      rapport_account_add_async (self->store, get_connector_id (self), name, base_url, get_rate_limit (self),
                                 token, self->cancellable, on_add_done_cb, g_object_ref (self));
    }
  rapport_secrets_free_token (token);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportAccountDialog *self = RAPPORT_ACCOUNT_DIALOG (widget);
  g_autofree char *base_url = NULL;
  char *token;

  if (get_busy (self))
    return;

  set_message (self, NULL);
  set_busy (self, TRUE);

  token = dup_token (self);
  if (self->account != NULL)
    {
      rapport_account_test_async (self->store, rapport_account_get_connector (self->account),
                                  rapport_account_get_base_url (self->account),
                                  rapport_account_get_rate_limit (self->account),
                                  token, self->cancellable, on_test_done_cb, g_object_ref (self));
    }
  else
    {
      base_url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->base_url_row))));
      rapport_account_test_async (self->store, get_connector_id (self), base_url, get_rate_limit (self),
                                  token, self->cancellable, on_test_done_cb, g_object_ref (self));
    }
  rapport_secrets_free_token (token);
}

static void
rapport_account_dialog_constructed (GObject *object)
{
  RapportAccountDialog *self = (RapportAccountDialog *)object;
  g_autoptr(GtkStringList) services = gtk_string_list_new (NULL);
  const char * const *ids = rapport_connector_list_ids ();

  G_OBJECT_CLASS (rapport_account_dialog_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  self->store = g_object_ref (rapport_context_get_store (self->context));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (ids[i]);

      gtk_string_list_append (services, rapport_connector_get_display_name (connector));
    }
  adw_combo_row_set_model (self->connector_row, G_LIST_MODEL (services));

  if (self->account == NULL)
    {
      g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (ids[0]);

      adw_window_title_set_title (self->window_title, _("Add Account"));
      gtk_label_set_label (self->submit_label, _("_Test & Add"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), rapport_connector_get_display_name (connector));
      adw_preferences_group_set_description (self->token_group,
                                             _("In HubSpot, create a private app under Settings → "
                                               "Integrations → Private Apps with the contacts and "
                                               "companies scopes, and paste its access token here. "
                                               "The token is kept in your keyring."));
      /* Entry rows have no placeholder: say which address an empty row means. */
      adw_expander_row_set_subtitle (self->advanced_row,
                                     rapport_connector_get_default_base_url (connector));
    }
  else
    {
      g_autofree char *description = NULL;

      adw_window_title_set_title (self->window_title, _("Replace Token"));
      adw_window_title_set_subtitle (self->window_title, rapport_account_get_name (self->account));
      gtk_label_set_label (self->submit_label, _("_Test & Save"));
      gtk_widget_set_visible (GTK_WIDGET (self->connector_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->name_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_row), FALSE);
      gtk_widget_set_visible (self->advanced_group, FALSE);
      /* Translators: %s is the account's name */
      description = g_strdup_printf (_("Paste a new private-app token for “%s”. The old one is "
                                       "replaced in your keyring."),
                                     rapport_account_get_name (self->account));
      adw_preferences_group_set_description (self->token_group, description);
    }

  update_submit (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

static void
rapport_account_dialog_dispose (GObject *object)
{
  RapportAccountDialog *self = (RapportAccountDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_ACCOUNT_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (rapport_account_dialog_parent_class)->dispose (object);
}

static void
rapport_account_dialog_finalize (GObject *object)
{
  RapportAccountDialog *self = (RapportAccountDialog *)object;

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rapport_account_dialog_parent_class)->finalize (object);
}

static void
rapport_account_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportAccountDialog *self = RAPPORT_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_account_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportAccountDialog *self = RAPPORT_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_account_dialog_class_init (RapportAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_account_dialog_constructed;
  object_class->dispose = rapport_account_dialog_dispose;
  object_class->finalize = rapport_account_dialog_finalize;
  object_class->get_property = rapport_account_dialog_get_property;
  object_class->set_property = rapport_account_dialog_set_property;

  /* The open community, whose store the account syncs into. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Set: replace this account's token; unset: add an account. */
  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         RAPPORT_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportAccountDialog::done:
   * @account_id: the account added, or whose token was replaced
   *
   * The connection worked and the account is saved; the dialog closes.
   */
  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-account-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, submit_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, submit_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, token_group);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, connector_row);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, advanced_group);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountDialog, message_label);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_token_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.submit", NULL, submit_action);
}

static void
rapport_account_dialog_init (RapportAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rapport_account_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the open community, whose store the account syncs into
 * @account: (nullable): an account whose token to replace, or %NULL to add
 *
 * Returns: (transfer none): the dialog, owned by GTK until closed
 */
GtkWidget *
rapport_account_dialog_new (GtkWindow      *parent,
                            RapportContext *context,
                            RapportAccount *account)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (account == NULL || RAPPORT_IS_ACCOUNT (account), NULL);

  return g_object_new (RAPPORT_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "context", context,
                       "account", account,
                       NULL);
}

/**
 * rapport_account_dialog_get_context:
 *
 * Returns: (transfer none): the open community
 */
RapportContext *
rapport_account_dialog_get_context (RapportAccountDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_DIALOG (self), NULL);

  return self->context;
}

/**
 * rapport_account_dialog_get_account:
 *
 * Returns: (transfer none) (nullable): the account whose token is replaced
 */
RapportAccount *
rapport_account_dialog_get_account (RapportAccountDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_DIALOG (self), NULL);

  return self->account;
}

/**
 * rapport_account_dialog_get_busy:
 *
 * Returns: whether the connection is being tested
 */
gboolean
rapport_account_dialog_get_busy (RapportAccountDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_DIALOG (self), FALSE);

  return get_busy (self);
}

/**
 * rapport_account_dialog_get_message:
 *
 * Returns: (nullable): why the last attempt failed, in plain words
 */
const char *
rapport_account_dialog_get_message (RapportAccountDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_DIALOG (self), NULL);

  return self->message;
}
