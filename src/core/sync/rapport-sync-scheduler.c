/* rapport-sync-scheduler.c
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

#define G_LOG_DOMAIN "rapport-sync-scheduler"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-store.h"
#include "rapport-sync-engine.h"
#include "rapport-sync-scheduler.h"

/* When the accounts of a store sync: on request (Sync Now) and every
 * "interval" seconds in the background. One run at a time, and a run syncs
 * the accounts one after another, pulling then pushing, on one engine. It
 * keeps the run's totals for whoever shows them, and the error of each
 * account's last run when the account's own state does not record it (a
 * missing token, an unreachable server). Everything happens on the main
 * context the scheduler was made on; the engine does the work in its
 * worker thread. */

struct _RapportSyncScheduler
{
  GObject            parent_instance;

  RapportStore      *store;
  RapportSyncEngine *engine;
  GListStore        *accounts;
  GMainContext      *context;
  GSource           *reload_source;
  GSource           *timer_source;
  guint              interval;

  /* The run under way: the accounts still to sync and what it did so far.
   * The totals and names stay after it, until the next one starts. */
  GCancellable      *cancellable;
  GArray            *queue;
  gboolean           background;
  gint64             account_id;
  RapportSyncTotals  totals;
  GPtrArray         *synced_names;
  char              *failed_name;

  /* Account id → the GError of its last run. */
  GHashTable        *errors;
};

G_DEFINE_FINAL_TYPE (RapportSyncScheduler, rapport_sync_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENGINE,
  PROP_ACCOUNTS,
  PROP_INTERVAL,
  PROP_RUNNING,
  PROP_BACKGROUND,
  PROP_ACCOUNT_ID,
  N_PROPS
};

enum {
  PROGRESS,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void run_next (RapportSyncScheduler *self);

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

/* The accounts */

static void
reload_accounts (RapportSyncScheduler *self)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gint64 *id;

  clear_source (&self->reload_source);

  accounts = rapport_account_load_all (self->store, &error);
  if (accounts == NULL)
    g_warning ("Could not read the sync accounts: %s", error->message);

  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    g_ptr_array_add (items, g_list_model_get_item (accounts, i));

  g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       items->pdata, items->len);

  /* The error of an account that is gone goes with it. */
  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (rapport_sync_scheduler_find_account (self, *id) == NULL)
      g_hash_table_iter_remove (&iter);
}

static gboolean
reload_idle_cb (gpointer data)
{
  RapportSyncScheduler *self = data;

  g_clear_pointer (&self->reload_source, g_source_unref);
  reload_accounts (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RapportStore         *store,
                     const char           *table,
                     gint64                row_id,
                     RapportChangeKind     kind,
                     RapportSyncScheduler *self)
{
  g_autoptr(GSource) source = NULL;

  /* Connected for accounts and sync_log. */
  /* A sync announces several tables at once: read the accounts once. */
  if (self->reload_source != NULL)
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_HIGH_IDLE);
  g_source_set_callback (source, reload_idle_cb, self, NULL);
  g_source_set_static_name (source, "[rapport] sync accounts reload");
  g_source_attach (source, self->context);
  self->reload_source = g_steal_pointer (&source);
}

/* The run */

static void
set_account_id (RapportSyncScheduler *self,
                gint64                account_id)
{
  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_ID]);
}

static void
add_synced_name (RapportSyncScheduler *self,
                 const char           *name)
{
  for (guint i = 0; i < self->synced_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->synced_names, i), name) == 0)
      return;

  g_ptr_array_add (self->synced_names, g_strdup (name));
}

static void
on_engine_progress_cb (RapportSyncScheduler *self,
                       RapportSyncEngine    *engine)
{
  if (self->cancellable != NULL)
    g_signal_emit (self, signals [PROGRESS], 0);
}

static void
finish_run (RapportSyncScheduler *self)
{
  if (g_cancellable_is_cancelled (self->cancellable))
    self->totals.cancelled = TRUE;
  g_clear_object (&self->cancellable);
  g_array_set_size (self->queue, 0);

  /* The accounts' states and last syncs as the run left them, before
   * anyone hears that it is over. */
  reload_accounts (self);

  g_object_freeze_notify (G_OBJECT (self));
  set_account_id (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals [FINISHED], 0);
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportSyncScheduler) self = user_data;
  RapportSyncEngine *engine = RAPPORT_SYNC_ENGINE (object);
  g_autoptr(GError) error = NULL;
  gint64 account_id = rapport_sync_engine_get_account_id (engine);
  RapportAccount *account = rapport_sync_scheduler_find_account (self, account_id);

  self->totals.created += rapport_sync_engine_get_created (engine);
  self->totals.updated += rapport_sync_engine_get_updated (engine);
  self->totals.archived += rapport_sync_engine_get_archived (engine);
  self->totals.pushed += rapport_sync_engine_get_pushed (engine);
  self->totals.failed += rapport_sync_engine_get_failed (engine);

  /* Disposed while the engine ran. */
  if (self->cancellable == NULL)
    return;

  if (rapport_sync_engine_run_finish (engine, result, &error))
    {
      self->totals.n_synced++;
      g_hash_table_remove (self->errors, &account_id);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->totals.cancelled = TRUE;
    }
  else
    {
      self->totals.n_failed++;
      g_free (self->failed_name);
      self->failed_name = g_strdup (account != NULL ? rapport_account_get_name (account) : "");

      /* The log says why. Keep the error only if the account's state
       * will not: a refused token is its needs-token state. */
      g_debug ("Sync of account %" G_GINT64_FORMAT " failed: %s", account_id, error->message);
      if (g_error_matches (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_UNAUTHORIZED))
        g_hash_table_remove (self->errors, &account_id);
      else
        g_hash_table_insert (self->errors, g_memdup2 (&account_id, sizeof account_id),
                             g_steal_pointer (&error));
    }

  if (self->totals.cancelled)
    finish_run (self);
  else
    run_next (self);
}

static void
run_next (RapportSyncScheduler *self)
{
  RapportAccount *account = NULL;
  gint64 account_id = 0;

  /* An account removed since the run started is left out. */
  while (account == NULL && self->queue->len > 0)
    {
      account_id = g_array_index (self->queue, gint64, 0);
      g_array_remove_index (self->queue, 0);
      account = rapport_sync_scheduler_find_account (self, account_id);
    }

  if (account == NULL)
    {
      finish_run (self);
      return;
    }

  add_synced_name (self, rapport_account_get_name (account));
  rapport_sync_engine_run_async (self->engine, account_id, RAPPORT_SYNC_BOTH, self->cancellable,
                                 on_run_done_cb, g_object_ref (self));
  set_account_id (self, account_id);
}

/* The background timer */

static gboolean
on_timer_cb (gpointer data)
{
  RapportSyncScheduler *self = data;

  rapport_sync_scheduler_sync (self, TRUE);

  return G_SOURCE_CONTINUE;
}

static void
update_timer (RapportSyncScheduler *self)
{
  g_autoptr(GSource) source = NULL;

  clear_source (&self->timer_source);
  if (self->interval == 0)
    return;

  source = g_timeout_source_new_seconds (self->interval);
  g_source_set_priority (source, G_PRIORITY_LOW);
  g_source_set_callback (source, on_timer_cb, self, NULL);
  g_source_set_static_name (source, "[rapport] background sync");
  g_source_attach (source, self->context);
  self->timer_source = g_steal_pointer (&source);
}

/* GObject */

static void
rapport_sync_scheduler_constructed (GObject *object)
{
  RapportSyncScheduler *self = (RapportSyncScheduler *)object;

  G_OBJECT_CLASS (rapport_sync_scheduler_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  self->engine = rapport_sync_engine_new (self->store);
  g_signal_connect_object (self->engine, "progress",
                           G_CALLBACK (on_engine_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->store, "changed::accounts", G_CALLBACK (on_store_changed_cb), self);
  g_signal_connect (self->store, "changed::sync_log", G_CALLBACK (on_store_changed_cb), self);

  reload_accounts (self);
}

static void
rapport_sync_scheduler_dispose (GObject *object)
{
  RapportSyncScheduler *self = (RapportSyncScheduler *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_source (&self->reload_source);
  clear_source (&self->timer_source);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_clear_object (&self->engine);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_sync_scheduler_parent_class)->dispose (object);
}

static void
rapport_sync_scheduler_finalize (GObject *object)
{
  RapportSyncScheduler *self = (RapportSyncScheduler *)object;

  g_clear_pointer (&self->queue, g_array_unref);
  g_clear_pointer (&self->synced_names, g_ptr_array_unref);
  g_clear_pointer (&self->failed_name, g_free);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (rapport_sync_scheduler_parent_class)->finalize (object);
}

static void
rapport_sync_scheduler_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportSyncScheduler *self = RAPPORT_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;

    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, rapport_sync_scheduler_get_running (self));
      break;

    case PROP_BACKGROUND:
      g_value_set_boolean (value, self->background);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_sync_scheduler_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportSyncScheduler *self = RAPPORT_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_INTERVAL:
      rapport_sync_scheduler_set_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_sync_scheduler_class_init (RapportSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_sync_scheduler_constructed;
  object_class->dispose = rapport_sync_scheduler_dispose;
  object_class->finalize = rapport_sync_scheduler_finalize;
  object_class->get_property = rapport_sync_scheduler_get_property;
  object_class->set_property = rapport_sync_scheduler_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         RAPPORT_TYPE_SYNC_ENGINE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* The store's accounts, oldest first, each with its last sync. */
  properties [PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Seconds between background syncs; 0 for none. */
  properties [PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the timer started the run under way, or the last one. */
  properties [PROP_BACKGROUND] =
    g_param_spec_boolean ("background", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The account syncing now, 0 when none is. */
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportSyncScheduler::progress:
   *
   * The engine fetched or applied a page of the account syncing now.
   */
  signals [PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RapportSyncScheduler::finished:
   *
   * A run is over: every account had its turn, or it was cancelled. The
   * totals, the names and the accounts tell how it went.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rapport_sync_scheduler_init (RapportSyncScheduler *self)
{
  self->accounts = g_list_store_new (RAPPORT_TYPE_ACCOUNT);
  self->context = g_main_context_ref_thread_default ();
  self->queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->synced_names = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->errors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_error_free);
}

/**
 * rapport_sync_scheduler_new:
 * @store: the community whose accounts to sync
 *
 * Runs on the thread-default main context of the caller. Background syncs
 * are off until rapport_sync_scheduler_set_interval() turns them on.
 *
 * Returns: (transfer full): a new scheduler
 */
RapportSyncScheduler *
rapport_sync_scheduler_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_SYNC_SCHEDULER, "store", store, NULL);
}

static void
on_shared_scheduler_finalized_cb (gpointer  data,
                                  GObject  *where_the_object_was)
{
  g_object_set_data (G_OBJECT (data), "rapport-sync-scheduler", NULL);
}

/**
 * rapport_sync_scheduler_dup_for_store:
 *
 * The scheduler shared by everything that syncs or shows the accounts of
 * @store, so one sync runs at a time however many parts ask. The store's
 * #RapportContext holds it; it lives as long as someone does.
 *
 * Returns: (transfer full): the shared scheduler
 */
RapportSyncScheduler *
rapport_sync_scheduler_dup_for_store (RapportStore *store)
{
  RapportSyncScheduler *scheduler;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  scheduler = g_object_get_data (G_OBJECT (store), "rapport-sync-scheduler");
  if (scheduler != NULL)
    return g_object_ref (scheduler);

  /* The scheduler holds the store, so the store outlives the weak ref. */
  scheduler = rapport_sync_scheduler_new (store);
  g_object_set_data (G_OBJECT (store), "rapport-sync-scheduler", scheduler);
  g_object_weak_ref (G_OBJECT (scheduler), on_shared_scheduler_finalized_cb, store);

  return scheduler;
}

/**
 * rapport_sync_scheduler_get_store:
 *
 * Returns: (transfer none): the store
 */
RapportStore *
rapport_sync_scheduler_get_store (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), NULL);

  return self->store;
}

/**
 * rapport_sync_scheduler_get_engine:
 *
 * Returns: (transfer none): the engine that runs the syncs, whose
 *   properties tell the progress of the account syncing now
 */
RapportSyncEngine *
rapport_sync_scheduler_get_engine (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), NULL);

  return self->engine;
}

/**
 * rapport_sync_scheduler_get_accounts:
 *
 * The store's accounts, kept in step with it: read again when the store
 * announces a change of an account or of the sync log, and when a run is
 * over.
 *
 * Returns: (transfer none): a #GListModel of #RapportAccount
 */
GListModel *
rapport_sync_scheduler_get_accounts (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), NULL);

  return G_LIST_MODEL (self->accounts);
}

/**
 * rapport_sync_scheduler_find_account:
 *
 * Returns: (transfer none) (nullable): the account with @account_id in
 *   rapport_sync_scheduler_get_accounts(), or %NULL
 */
RapportAccount *
rapport_sync_scheduler_find_account (RapportSyncScheduler *self,
                                     gint64                account_id)
{
  GListModel *accounts;

  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), NULL);

  accounts = G_LIST_MODEL (self->accounts);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (accounts, i);

      /* The list keeps its own reference. */
      if (rapport_account_get_id (account) == account_id)
        return account;
    }

  return NULL;
}

/**
 * rapport_sync_scheduler_get_interval:
 *
 * Returns: the seconds between background syncs, or 0 for none
 */
guint
rapport_sync_scheduler_get_interval (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), 0);

  return self->interval;
}

/**
 * rapport_sync_scheduler_set_interval:
 * @seconds: the seconds between background syncs, or 0 for none
 *
 * Syncs every account in the background every @seconds from now on,
 * leaving out those that need a new token. A background sync that comes
 * while another runs is skipped.
 */
void
rapport_sync_scheduler_set_interval (RapportSyncScheduler *self,
                                     guint                 seconds)
{
  g_return_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self));

  if (self->interval == seconds)
    return;

  self->interval = seconds;
  update_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTERVAL]);
}

/**
 * rapport_sync_scheduler_get_running:
 *
 * Returns: whether a run is under way
 */
gboolean
rapport_sync_scheduler_get_running (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * rapport_sync_scheduler_get_background:
 *
 * Returns: whether the timer started the run under way, or the last one
 */
gboolean
rapport_sync_scheduler_get_background (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), FALSE);

  return self->background;
}

/**
 * rapport_sync_scheduler_get_account_id:
 *
 * Returns: the account syncing now, or 0 when none is
 */
gint64
rapport_sync_scheduler_get_account_id (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), 0);

  return self->account_id;
}

/**
 * rapport_sync_scheduler_get_n_queued:
 *
 * Returns: how many accounts of the run under way wait for their turn
 */
guint
rapport_sync_scheduler_get_n_queued (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), 0);

  return self->queue->len;
}

/**
 * rapport_sync_scheduler_get_totals:
 *
 * Returns: (transfer none): what the run under way did so far, or what the
 *   last one did
 */
const RapportSyncTotals *
rapport_sync_scheduler_get_totals (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), NULL);

  return &self->totals;
}

/**
 * rapport_sync_scheduler_get_synced_names:
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   accounts the run under way, or the last one, started to sync, each
 *   once, in order
 */
const char * const *
rapport_sync_scheduler_get_synced_names (RapportSyncScheduler *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), none);

  /* An empty array may not have allocated its terminator yet. */
  if (self->synced_names->pdata == NULL)
    return none;

  return (const char * const *) self->synced_names->pdata;
}

/**
 * rapport_sync_scheduler_get_failed_name:
 *
 * Returns: (nullable): the name of the last account whose sync failed in
 *   the run under way, or the last one
 */
const char *
rapport_sync_scheduler_get_failed_name (RapportSyncScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), NULL);

  return self->failed_name;
}

/**
 * rapport_sync_scheduler_get_error:
 *
 * Why the account's last sync failed, when its state does not say so
 * itself (a refused token is its needs-token state, and is not kept). A
 * sync that works clears it.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 */
const GError *
rapport_sync_scheduler_get_error (RapportSyncScheduler *self,
                                  gint64                account_id)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), NULL);

  return g_hash_table_lookup (self->errors, &account_id);
}

/**
 * rapport_sync_scheduler_sync:
 * @background: whether the timer asks: accounts that need a new token are
 *   left out
 *
 * Syncs every account, one after another, pulling then pushing. Does
 * nothing while a run is under way, or when there is no account to sync.
 *
 * Returns: whether a run started
 */
gboolean
rapport_sync_scheduler_sync (RapportSyncScheduler *self,
                             gboolean              background)
{
  GListModel *accounts;

  g_return_val_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self), FALSE);

  if (self->cancellable != NULL || rapport_sync_engine_get_running (self->engine))
    return FALSE;

  accounts = G_LIST_MODEL (self->accounts);
  g_array_set_size (self->queue, 0);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = rapport_account_get_id (account);

      if (background && g_strcmp0 (rapport_account_get_state (account), RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN) == 0)
        continue;
      g_array_append_val (self->queue, id);
    }
  if (self->queue->len == 0)
    return FALSE;

  self->totals = (RapportSyncTotals) { 0 };
  g_ptr_array_set_size (self->synced_names, 0);
  g_clear_pointer (&self->failed_name, g_free);
  self->cancellable = g_cancellable_new ();

  g_object_freeze_notify (G_OBJECT (self));
  if (self->background != background)
    {
      self->background = background;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BACKGROUND]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
  run_next (self);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * rapport_sync_scheduler_cancel:
 *
 * Stops the run under way: the accounts still waiting are left out, and
 * the one syncing stops; the pages it committed stay, and its next sync
 * resumes after them. ::finished follows.
 */
void
rapport_sync_scheduler_cancel (RapportSyncScheduler *self)
{
  g_return_if_fail (RAPPORT_IS_SYNC_SCHEDULER (self));

  if (self->cancellable == NULL)
    return;

  g_array_set_size (self->queue, 0);
  g_cancellable_cancel (self->cancellable);
}
