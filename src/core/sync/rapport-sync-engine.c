/* rapport-sync-engine.c
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

#define G_LOG_DOMAIN "rapport-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-secrets.h"
#include "rapport-store-private.h"
#include "rapport-sync-engine.h"

/* The most one run may take. A run stopped at it lost nothing: the next one
 * goes on after the last page committed. */
#define DEFAULT_TIMEOUT_SECONDS (2 * 3600)
#define MAX_TIMEOUT_SECONDS (7 * 24 * 3600)

struct _RapportSyncEngine
{
  GObject        parent_instance;

  RapportStore  *store;
  guint          serial;
  gboolean       running;
  gint64         account_id;
  char          *stream;
  guint64        records;
  guint64        pages;
  guint64        created;
  guint64        updated;
  guint64        archived;
  guint64        pushed;
  guint64        failed;
  guint64        requests;
  GStrv          failures;
  guint          timeout;
  guint          request_timeout;
};

G_DEFINE_FINAL_TYPE (RapportSyncEngine, rapport_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RUNNING,
  PROP_ACCOUNT_ID,
  PROP_STREAM,
  PROP_RECORDS,
  PROP_PAGES,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_ARCHIVED,
  PROP_PUSHED,
  PROP_FAILED,
  PROP_TIMEOUT,
  PROP_REQUEST_TIMEOUT,
  N_PROPS
};

enum {
  PROGRESS,
  WAITING,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* What the worker thread owns. It holds the database path, never the main
 * thread's store. */
typedef struct
{
  char                 *db_path;
  gint64                account_id;
  RapportSyncDirection  direction;
  gboolean              test_only;
  GMainContext         *context;
  RapportSyncEngine    *engine;
  guint                 serial;

  /* The run's cancellable: the caller's cancel and the run's deadline
   * both cancel it. */
  GCancellable         *cancellable;
  GCancellable         *caller_cancellable;
  gulong                caller_cancelled_id;
  GSource              *deadline;
  guint                 timeout;
  guint                 request_timeout;
  gint                  timed_out;

  char                 *stream;
  guint64               records;
  guint64               pages;
  RapportSyncRun        run;
  guint64               requests;
} SyncJob;

/* A snapshot of a job's counters, taken to the caller's main context. */
typedef struct
{
  RapportSyncEngine *engine;
  guint              serial;
  char              *stream;
  guint64            records;
  guint64            pages;
  guint64            created;
  guint64            updated;
  guint64            archived;
  guint64            pushed;
  guint64            failed;
} Progress;

/* A wait of the HTTP session, taken to the caller's main context. */
typedef struct
{
  RapportSyncEngine *engine;
  guint              serial;
  char              *host;
  guint              seconds;
  char              *reason;
} Waiting;

static void
sync_job_free (SyncJob *job)
{
  if (job->caller_cancelled_id != 0)
    g_cancellable_disconnect (job->caller_cancellable, job->caller_cancelled_id);
  g_clear_object (&job->caller_cancellable);
  g_clear_object (&job->cancellable);
  if (job->deadline != NULL)
    g_source_destroy (job->deadline);
  g_clear_pointer (&job->deadline, g_source_unref);
  g_clear_pointer (&job->db_path, g_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->engine);
  g_clear_pointer (&job->stream, g_free);
  g_clear_pointer (&job->run.failures, g_ptr_array_unref);
  g_free (job);
}

static void
progress_free (Progress *progress)
{
  g_clear_object (&progress->engine);
  g_clear_pointer (&progress->stream, g_free);
  g_free (progress);
}

static void
waiting_free (Waiting *waiting)
{
  g_clear_object (&waiting->engine);
  g_clear_pointer (&waiting->host, g_free);
  g_clear_pointer (&waiting->reason, g_free);
  g_free (waiting);
}

static void
rapport_sync_engine_dispose (GObject *object)
{
  RapportSyncEngine *self = (RapportSyncEngine *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_sync_engine_parent_class)->dispose (object);
}

static void
rapport_sync_engine_finalize (GObject *object)
{
  RapportSyncEngine *self = (RapportSyncEngine *)object;

  g_clear_pointer (&self->stream, g_free);
  g_clear_pointer (&self->failures, g_strfreev);

  G_OBJECT_CLASS (rapport_sync_engine_parent_class)->finalize (object);
}

static void
rapport_sync_engine_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportSyncEngine *self = RAPPORT_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_STREAM:
      g_value_set_string (value, self->stream);
      break;
    case PROP_RECORDS:
      g_value_set_uint64 (value, self->records);
      break;
    case PROP_PAGES:
      g_value_set_uint64 (value, self->pages);
      break;
    case PROP_CREATED:
      g_value_set_uint64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_uint64 (value, self->updated);
      break;
    case PROP_ARCHIVED:
      g_value_set_uint64 (value, self->archived);
      break;
    case PROP_PUSHED:
      g_value_set_uint64 (value, self->pushed);
      break;
    case PROP_FAILED:
      g_value_set_uint64 (value, self->failed);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_sync_engine_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportSyncEngine *self = RAPPORT_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TIMEOUT:
      rapport_sync_engine_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_REQUEST_TIMEOUT:
      rapport_sync_engine_set_request_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_sync_engine_class_init (RapportSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rapport_sync_engine_dispose;
  object_class->finalize = rapport_sync_engine_finalize;
  object_class->get_property = rapport_sync_engine_get_property;
  object_class->set_property = rapport_sync_engine_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_STREAM] =
    g_param_spec_string ("stream", NULL, NULL, NULL, flags);
  properties [PROP_RECORDS] =
    g_param_spec_uint64 ("records", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties [PROP_PAGES] =
    g_param_spec_uint64 ("pages", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties [PROP_CREATED] =
    g_param_spec_uint64 ("created", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties [PROP_UPDATED] =
    g_param_spec_uint64 ("updated", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties [PROP_ARCHIVED] =
    g_param_spec_uint64 ("archived", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties [PROP_PUSHED] =
    g_param_spec_uint64 ("pushed", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties [PROP_FAILED] =
    g_param_spec_uint64 ("failed", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  /**
   * RapportSyncEngine:timeout:
   *
   * The most one run may take, in seconds, 0 for no limit. A run started
   * later keeps to it. Tests shorten it, or set RAPPORT_SYNC_TIMEOUT for a
   * program they start.
   */
  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, MAX_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportSyncEngine:request-timeout:
   *
   * The most one HTTP request of a run may take, retries included, in
   * seconds; 0 leaves #RapportHttp:timeout as it is.
   */
  properties [PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL, 0, 24 * 3600, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportSyncEngine::progress:
   *
   * A page was committed; the counters and #RapportSyncEngine:stream are
   * up to date. Emitted on the main context of the caller of
   * rapport_sync_engine_run_async().
   */
  signals [PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RapportSyncEngine::waiting:
   * @host: whom the run waits for ("api.hubapi.com")
   * @seconds: how long, rounded up
   * @reason: why, for a progress line ("rate limit", "retry 1 of 5: …")
   *
   * The run waits before a request goes (again). Emitted on the main
   * context of the caller of rapport_sync_engine_run_async().
   */
  signals [WAITING] =
    g_signal_new ("waiting",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING);
}

static void
rapport_sync_engine_init (RapportSyncEngine *self)
{
  const char *timeout = g_getenv ("RAPPORT_SYNC_TIMEOUT");
  guint64 seconds;

  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  /* For tests that start a program. */
  if (timeout != NULL && g_ascii_string_to_unsigned (timeout, 10, 0, MAX_TIMEOUT_SECONDS, &seconds, NULL))
    self->timeout = seconds;
}

/**
 * rapport_sync_engine_new:
 * @store: the main thread's store; workers open their own connection to
 *   its file
 *
 * Returns: (transfer full): a new engine
 */
RapportSyncEngine *
rapport_sync_engine_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_SYNC_ENGINE, "store", store, NULL);
}

RapportStore *
rapport_sync_engine_get_store (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), NULL);
  return self->store;
}

gboolean
rapport_sync_engine_get_running (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), FALSE);
  return self->running;
}

gint64
rapport_sync_engine_get_account_id (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->account_id;
}

/**
 * rapport_sync_engine_get_stream:
 *
 * Returns: (nullable): the stream being synced ("contacts", "companies",
 *   "contacts-push", …)
 */
const char *
rapport_sync_engine_get_stream (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), NULL);
  return self->stream;
}

guint64
rapport_sync_engine_get_records (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->records;
}

guint64
rapport_sync_engine_get_pages (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->pages;
}

guint64
rapport_sync_engine_get_created (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->created;
}

guint64
rapport_sync_engine_get_updated (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->updated;
}

guint64
rapport_sync_engine_get_archived (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->archived;
}

guint64
rapport_sync_engine_get_pushed (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->pushed;
}

guint64
rapport_sync_engine_get_failed (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->failed;
}

/**
 * rapport_sync_engine_get_requests:
 *
 * Returns: HTTP requests the last run sent, retries included
 */
guint64
rapport_sync_engine_get_requests (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->requests;
}

/**
 * rapport_sync_engine_get_failures:
 *
 * Returns: (transfer none) (nullable): "who: why" for each record the
 *   platform refused in the last run (the first hundred)
 */
const char * const *
rapport_sync_engine_get_failures (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), NULL);
  return (const char * const *) self->failures;
}

guint
rapport_sync_engine_get_timeout (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->timeout;
}

/**
 * rapport_sync_engine_set_timeout:
 * @seconds: the most one run may take, or 0 for no limit
 */
void
rapport_sync_engine_set_timeout (RapportSyncEngine *self,
                                 guint              seconds)
{
  g_return_if_fail (RAPPORT_IS_SYNC_ENGINE (self));

  seconds = MIN (seconds, MAX_TIMEOUT_SECONDS);
  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
}

guint
rapport_sync_engine_get_request_timeout (RapportSyncEngine *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), 0);
  return self->request_timeout;
}

/**
 * rapport_sync_engine_set_request_timeout:
 * @seconds: the most one HTTP request may take, or 0 for the default
 */
void
rapport_sync_engine_set_request_timeout (RapportSyncEngine *self,
                                         guint              seconds)
{
  g_return_if_fail (RAPPORT_IS_SYNC_ENGINE (self));

  seconds = MIN (seconds, 24 * 3600);
  if (self->request_timeout == seconds)
    return;

  self->request_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUEST_TIMEOUT]);
}

static void
apply_counts (RapportSyncEngine *self,
              const char        *stream,
              guint64            records,
              guint64            pages,
              guint64            created,
              guint64            updated,
              guint64            archived,
              guint64            pushed,
              guint64            failed)
{
  g_object_freeze_notify (G_OBJECT (self));

#define SET_COUNT(field, prop) \
  if (self->field != field) \
    { \
      self->field = field; \
      g_object_notify_by_pspec (G_OBJECT (self), properties [prop]); \
    }

  SET_COUNT (records, PROP_RECORDS)
  SET_COUNT (pages, PROP_PAGES)
  SET_COUNT (created, PROP_CREATED)
  SET_COUNT (updated, PROP_UPDATED)
  SET_COUNT (archived, PROP_ARCHIVED)
  SET_COUNT (pushed, PROP_PUSHED)
  SET_COUNT (failed, PROP_FAILED)

#undef SET_COUNT

  if (g_strcmp0 (self->stream, stream) != 0)
    {
      g_free (self->stream);
      self->stream = g_strdup (stream);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STREAM]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  RapportSyncEngine *self = progress->engine;

  /* A snapshot that arrives after its run finished is stale. */
  if (!self->running || self->serial != progress->serial)
    return G_SOURCE_REMOVE;

  apply_counts (self, progress->stream, progress->records, progress->pages,
                progress->created, progress->updated, progress->archived,
                progress->pushed, progress->failed);
  g_signal_emit (self, signals [PROGRESS], 0);

  return G_SOURCE_REMOVE;
}

/* Called in the worker: hands a snapshot to the caller's main context. */
static void
post_progress (SyncJob *job)
{
  Progress *progress = g_new0 (Progress, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  progress->engine = g_object_ref (job->engine);
  progress->serial = job->serial;
  progress->stream = g_strdup (job->stream);
  progress->records = job->records;
  progress->pages = job->pages;
  progress->created = job->run.created;
  progress->updated = job->run.updated;
  progress->archived = job->run.archived;
  progress->pushed = job->run.pushed;
  progress->failed = job->run.failed;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_cb, progress, (GDestroyNotify) progress_free);
  g_source_set_static_name (source, "[rapport] sync progress");
  g_source_attach (source, job->context);
}

static gboolean
waiting_cb (gpointer user_data)
{
  Waiting *waiting = user_data;
  RapportSyncEngine *self = waiting->engine;

  if (!self->running || self->serial != waiting->serial)
    return G_SOURCE_REMOVE;

  g_signal_emit (self, signals [WAITING], 0, waiting->host, waiting->seconds, waiting->reason);
  return G_SOURCE_REMOVE;
}

/* In the worker, while a request waits: tell the caller's main context. */
static void
on_http_waiting_cb (RapportHttp *http,
                    guint        seconds,
                    const char  *reason,
                    gpointer     user_data)
{
  SyncJob *job = user_data;
  Waiting *waiting = g_new0 (Waiting, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  waiting->engine = g_object_ref (job->engine);
  waiting->serial = job->serial;
  waiting->host = g_strdup (rapport_http_get_host (http));
  waiting->seconds = seconds;
  waiting->reason = g_strdup (reason);

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, waiting_cb, waiting, (GDestroyNotify) waiting_free);
  g_source_set_static_name (source, "[rapport] sync waiting");
  g_source_attach (source, job->context);
}

/* On the caller's main context, when the run's time is up. */
static gboolean
on_run_deadline_cb (gpointer user_data)
{
  SyncJob *job = user_data;

  g_atomic_int_set (&job->timed_out, TRUE);
  g_cancellable_cancel (job->cancellable);
  g_clear_pointer (&job->deadline, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled_cb (GCancellable *cancellable,
                        GCancellable *run_cancellable)
{
  g_cancellable_cancel (run_cancellable);
}

/* A run stopped by its deadline says so, rather than that it was cancelled. */
static void
note_timeout (SyncJob  *job,
              GError  **error)
{
  if (!g_atomic_int_get (&job->timed_out) ||
      !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (job->caller_cancellable != NULL && g_cancellable_is_cancelled (job->caller_cancellable)))
    return;

  g_clear_error (error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               g_dngettext (GETTEXT_PACKAGE,
                            "The sync did not finish in %u second; the next one goes on where it stopped",
                            "The sync did not finish in %u seconds; the next one goes on where it stopped",
                            job->timeout),
               job->timeout);
}

static gboolean
update_log (SyncJob       *job,
            gint64         log_id,
            const char    *status,
            const char    *message,
            GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (job->run.store,
                                 "UPDATE sync_log SET records = ?2, pages = ?3, created = ?4, "
                                 "       updated = ?5, failed = ?6, status = ?7, error = ?8, "
                                 "       finished_at = CASE WHEN ?7 = 'running' THEN NULL "
                                 "                          ELSE unixepoch () END "
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, log_id);
  sqlite3_bind_int64 (stmt, 2, job->records);
  sqlite3_bind_int64 (stmt, 3, job->pages);
  sqlite3_bind_int64 (stmt, 4, job->run.created);
  sqlite3_bind_int64 (stmt, 5, job->run.updated);
  sqlite3_bind_int64 (stmt, 6, job->run.failed);
  _rapport_bind_text (stmt, 7, status);
  _rapport_bind_text (stmt, 8, message);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (job->run.store, error);

  return TRUE;
}

/* One stream, page by page. Each page and the cursor after it commit
 * together, so a run killed at any moment resumes at the first page not
 * committed and applies nothing twice. "<stream>.started" remembers when an
 * unfinished pass began; "<stream>.since" when the last complete one did,
 * which incremental pulls start from. */
static gboolean
run_stream (SyncJob           *job,
            RapportConnector  *connector,
            gint64             log_id,
            const char        *stream,
            GError           **error)
{
  RapportStore *store = job->run.store;
  g_autofree char *started_key = g_strconcat (stream, ".started", NULL);
  g_autofree char *since_key = g_strconcat (stream, ".since", NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *started = NULL;
  g_autofree char *since_text = NULL;
  gint64 since = 0;

  cursor = rapport_sync_run_get_state (&job->run, stream, error);
  started = rapport_sync_run_get_state (&job->run, started_key, error);
  since_text = rapport_sync_run_get_state (&job->run, since_key, error);
  if (since_text != NULL)
    since = g_ascii_strtoll (since_text, NULL, 10);
  if (cursor == NULL || started == NULL)
    {
      g_clear_pointer (&cursor, g_free);
      g_free (started);
      /* The next pass asks the server for what changed since this moment,
       * which it compares with its own clock: the wall clock's time, not
       * RapportClock's, which a test may have set to another day. */
      started = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);
    }

  g_free (job->stream);
  job->stream = g_strdup (stream);
  post_progress (job);

  for (;;)
    {
      g_autoptr(RapportSyncPage) page = NULL;

      if (g_cancellable_set_error_if_cancelled (job->run.cancellable, error))
        return FALSE;

      page = rapport_connector_fetch_page (connector, &job->run, stream, cursor, since, error);
      if (page == NULL)
        return FALSE;

      if (!rapport_store_begin (store, error))
        return FALSE;

      job->records += page->n_records;
      job->pages++;

      if (!rapport_connector_apply_page (connector, &job->run, stream, page, error) ||
          !rapport_sync_run_set_state (&job->run, stream, page->next_cursor, error) ||
          !rapport_sync_run_set_state (&job->run, started_key,
                      page->next_cursor != NULL ? started : NULL, error) ||
          (page->next_cursor == NULL &&
           !rapport_sync_run_set_state (&job->run, since_key, started, error)) ||
          !update_log (job, log_id, "running", NULL, error) ||
          !rapport_store_commit (store, error))
        {
          rapport_store_rollback (store);
          return FALSE;
        }

      post_progress (job);

      if (page->next_cursor == NULL)
        return TRUE;

      g_free (cursor);
      cursor = g_steal_pointer (&page->next_cursor);
    }
}

static gint64
start_log (SyncJob  *job,
           GError  **error)
{
  g_autoptr(RapportStatement) stale = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  const char *direction = job->direction == RAPPORT_SYNC_BOTH ? "both"
                        : job->direction == RAPPORT_SYNC_PUSH ? "push" : "pull";

  /* A run still "running" in the log was killed; its pages are committed. */
  stale = _rapport_store_prepare (job->run.store,
                                  "UPDATE sync_log SET status = 'interrupted' "
                                  " WHERE account_id = ? AND status = 'running'",
                                  error);
  if (stale == NULL)
    return 0;
  sqlite3_bind_int64 (stale, 1, job->account_id);
  if (sqlite3_step (stale) != SQLITE_DONE)
    return _rapport_store_set_error (job->run.store, error);

  stmt = _rapport_store_prepare (job->run.store,
                                 "INSERT INTO sync_log (account_id, started_at, status, direction) "
                                 "VALUES (?, unixepoch (), 'running', ?)",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, job->account_id);
  _rapport_bind_text (stmt, 2, direction);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (job->run.store, error);

  return sqlite3_last_insert_rowid (_rapport_store_get_db (job->run.store));
}

/* "a@example.org: invalid email; b@…: …; and 12 more" */
static char *
describe_failures (SyncJob *job)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (job->run.failures->len, 10);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, g_ptr_array_index (job->run.failures, i));
    }
  if (job->run.failed > shown)
    g_string_append_printf (text, _("; and %" G_GUINT64_FORMAT " more"), job->run.failed - shown);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
run_job (SyncJob       *job,
         GError       **error)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(RapportConnector) connector = NULL;
  g_autoptr(RapportHttp) http = NULL;
  g_autoptr(GError) local_error = NULL;
  const RapportSyncDirection order[] = { RAPPORT_SYNC_PULL, RAPPORT_SYNC_PUSH };
  gint64 log_id = 0;
  char *token;
  gboolean ok = TRUE;

  store = rapport_store_new_worker (job->db_path, error);
  if (store == NULL)
    return FALSE;
  job->run.store = store;

  account = rapport_account_load (store, job->account_id, error);
  if (account == NULL)
    return FALSE;
  connector = rapport_connector_new_for_id (rapport_account_get_connector (account));
  if (connector == NULL)
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_ACCOUNT,
                   _("Rapport cannot sync with “%s”"), rapport_account_get_connector (account));
      return FALSE;
    }

  token = rapport_secrets_lookup_token (store, job->account_id, rapport_account_get_connector (account),
                                        job->run.cancellable, error);
  if (token == NULL)
    return FALSE;
  http = rapport_http_new (rapport_connector_get_display_name (connector),
                           rapport_account_get_base_url (account),
                           token,
                           rapport_account_get_rate_limit (account),
                           rapport_connector_get_rate_window (connector));
  rapport_secrets_free_token (token);
  if (job->request_timeout > 0)
    rapport_http_set_timeout (http, job->request_timeout);
  g_signal_connect (http, "waiting", G_CALLBACK (on_http_waiting_cb), job);
  job->run.http = http;
  g_debug ("Syncing account %" G_GINT64_FORMAT " (%s at %s)", job->account_id,
           rapport_account_get_connector (account), rapport_account_get_base_url (account));

  if (job->test_only)
    {
      ok = rapport_connector_test (connector, &job->run, &local_error);
    }
  else
    {
      log_id = start_log (job, error);
      if (log_id == 0)
        return FALSE;

      for (guint d = 0; ok && d < G_N_ELEMENTS (order); d++)
        {
          const char * const *streams;

          if ((job->direction & order[d]) == 0)
            continue;

          ok = rapport_connector_prepare (connector, &job->run, order[d], &local_error);
          streams = rapport_connector_get_streams (connector, order[d]);
          for (guint i = 0; ok && streams != NULL && streams[i] != NULL; i++)
            ok = run_stream (job, connector, log_id, streams[i], &local_error);
        }
    }

  job->requests = rapport_http_get_request_count (http);

  if (!ok)
    {
      gboolean cancelled;
      gboolean unauthorized;

      note_timeout (job, &local_error);
      cancelled = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      unauthorized = g_error_matches (local_error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_UNAUTHORIZED);

      if (log_id != 0)
        update_log (job, log_id, cancelled ? "cancelled" : "failed",
                    cancelled ? NULL : local_error->message, NULL);
      if (unauthorized)
        rapport_account_set_state (store, job->account_id, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN, NULL);
      else if (!cancelled && !job->test_only)
        rapport_account_set_state (store, job->account_id, RAPPORT_ACCOUNT_STATE_ERROR, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (log_id != 0)
    {
      g_autofree char *failures = job->run.failed > 0 ? describe_failures (job) : NULL;

      if (!update_log (job, log_id, job->run.failed > 0 ? "partial" : "ok", failures, error))
        return FALSE;
    }

  return rapport_account_set_state (store, job->account_id, RAPPORT_ACCOUNT_STATE_OK, error);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncJob *job = task_data;
  GError *error = NULL;

  job->run.cancellable = job->cancellable;
  if (run_job (job, &error))
    g_task_return_boolean (task, TRUE);
  else
    {
      note_timeout (job, &error);
      g_task_return_error (task, error);
    }
  job->run.store = NULL;
  job->run.http = NULL;
}

/* Back on the caller's main context: publish the final counts, tell the
 * main store, then hand the result to the caller. */
static void
on_worker_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportSyncEngine *self = RAPPORT_SYNC_ENGINE (object);
  g_autoptr(GTask) outer = user_data;
  SyncJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* The deadline's source runs on this context too: no race. */
  if (job->deadline != NULL)
    g_source_destroy (job->deadline);
  g_clear_pointer (&job->deadline, g_source_unref);

  apply_counts (self, job->stream, job->records, job->pages, job->run.created,
                job->run.updated, job->run.archived, job->run.pushed, job->run.failed);
  self->requests = job->requests;
  g_clear_pointer (&self->failures, g_strfreev);
  if (job->run.failures != NULL && job->run.failures->len > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < job->run.failures->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (job->run.failures, i));
      self->failures = g_strv_builder_end (builder);
    }

  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);

  if (!job->test_only && (job->run.created > 0 || job->run.updated > 0 || job->run.archived > 0 ||
                          job->run.pushed > 0))
    rapport_store_emit_changed (self->store, "members", 0, RAPPORT_CHANGE_RELOAD);
  rapport_store_emit_changed (self->store, "sync_log", 0, RAPPORT_CHANGE_RELOAD);
  rapport_store_emit_changed (self->store, "accounts", job->account_id, RAPPORT_CHANGE_UPDATED);

  if (ok)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

static void
start_job (RapportSyncEngine     *self,
           gint64                 account_id,
           RapportSyncDirection   direction,
           gboolean               test_only,
           GCancellable          *cancellable,
           GTask                 *outer)
{
  g_autoptr(GTask) inner = NULL;
  SyncJob *job;

  if (self->running)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("A sync is already running"));
      g_object_unref (outer);
      return;
    }

  job = g_new0 (SyncJob, 1);
  job->db_path = g_strdup (rapport_store_get_path (self->store));
  job->account_id = account_id;
  job->direction = direction;
  job->test_only = test_only;
  job->context = g_main_context_ref_thread_default ();
  job->engine = g_object_ref (self);
  job->serial = ++self->serial;
  job->run.account_id = account_id;
  job->run.failures = g_ptr_array_new_with_free_func (g_free);
  job->timeout = self->timeout;
  job->request_timeout = self->request_timeout;
  job->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      job->caller_cancellable = g_object_ref (cancellable);
      job->caller_cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled_cb),
                                                        job->cancellable, NULL);
    }
  if (job->timeout > 0)
    {
      job->deadline = g_timeout_source_new (job->timeout * 1000);
      g_source_set_callback (job->deadline, on_run_deadline_cb, job, NULL);
      g_source_set_static_name (job->deadline, "[rapport] sync deadline");
      g_source_attach (job->deadline, job->context);
    }

  self->running = TRUE;
  self->account_id = account_id;
  g_object_freeze_notify (G_OBJECT (self));
  apply_counts (self, NULL, 0, 0, 0, 0, 0, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_ID]);
  g_object_thaw_notify (G_OBJECT (self));

  inner = g_task_new (self, cancellable, on_worker_done_cb, outer);
  g_task_set_source_tag (inner, start_job);
  g_task_set_task_data (inner, job, (GDestroyNotify) sync_job_free);
  g_task_run_in_thread (inner, sync_thread);
}

/**
 * rapport_sync_engine_run_async:
 * @account_id: the account to sync
 * @direction: pull, push or both (pull first)
 *
 * Syncs an account in a worker thread with its own database connection.
 * Progress arrives as property notifications and ::progress on the
 * calling thread's main context; the run is recorded in the sync log.
 */
void
rapport_sync_engine_run_async (RapportSyncEngine     *self,
                               gint64                 account_id,
                               RapportSyncDirection   direction,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  GTask *outer;

  g_return_if_fail (RAPPORT_IS_SYNC_ENGINE (self));
  g_return_if_fail ((direction & RAPPORT_SYNC_BOTH) != 0);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, rapport_sync_engine_run_async);
  start_job (self, account_id, direction, FALSE, cancellable, outer);
}

gboolean
rapport_sync_engine_run_finish (RapportSyncEngine  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rapport_sync_engine_test_async:
 *
 * Checks an account's address and token with one cheap request ("Test
 * connection"). A refused token puts the account into the needs-token state.
 */
void
rapport_sync_engine_test_async (RapportSyncEngine   *self,
                                gint64               account_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *outer;

  g_return_if_fail (RAPPORT_IS_SYNC_ENGINE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, rapport_sync_engine_test_async);
  start_job (self, account_id, 0, TRUE, cancellable, outer);
}

gboolean
rapport_sync_engine_test_finish (RapportSyncEngine  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
