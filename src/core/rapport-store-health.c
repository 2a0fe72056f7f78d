/* rapport-store-health.c
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

/* The health of a database file: the PRAGMA quick_check that runs in a thread
 * when a store opens it, marking it damaged, the full integrity_check, and
 * the backups beside it, found and restored. */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rapport-store-private.h"

/* What the check at open found; one per database path in this process,
 * shared by the store that opened it and its workers' connections. */
typedef enum
{
  HEALTH_CHECKING,
  HEALTH_SOUND,
  HEALTH_DAMAGED,
  HEALTH_UNKNOWN,
} HealthState;

struct _RapportStoreHealth
{
  gatomicrefcount  ref;
  GMutex           mutex;
  GCond            cond;
  HealthState      state;
  char            *problem;
  char            *uri;
  sqlite3         *check_db;
  gboolean         stop;
  /* RAPPORT_STORE_OPEN_CHECK_LATER: the check waits to be let go. */
  gboolean         held;
};

typedef RapportStoreHealth Health;

/* Health: what PRAGMA quick_check said about a path when a store opened it.
 * The check runs in a thread of its own (on a 150 MB file it takes about a
 * second); writes wait for it, reads do not. */

G_LOCK_DEFINE_STATIC (healths);
static GHashTable *healths;

static Health *
health_new (const char *uri)
{
  Health *health = g_new0 (Health, 1);

  g_atomic_ref_count_init (&health->ref);
  g_mutex_init (&health->mutex);
  g_cond_init (&health->cond);
  health->state = HEALTH_CHECKING;
  health->uri = g_strdup (uri);
  return health;
}

static Health *
health_ref (Health *health)
{
  g_atomic_ref_count_inc (&health->ref);
  return health;
}

static void
health_unref (Health *health)
{
  if (!g_atomic_ref_count_dec (&health->ref))
    return;

  g_mutex_clear (&health->mutex);
  g_cond_clear (&health->cond);
  g_free (health->problem);
  g_free (health->uri);
  g_free (health);
}

static void
health_settle (Health      *health,
               HealthState  state,
               const char  *problem)
{
  g_mutex_lock (&health->mutex);
  /* Nothing makes a damaged file sound again. */
  if (health->state != HEALTH_DAMAGED)
    {
      health->state = state;
      g_free (health->problem);
      health->problem = g_strdup (problem);
    }
  g_cond_broadcast (&health->cond);
  g_mutex_unlock (&health->mutex);
}

static void
health_let_go (Health *health)
{
  g_mutex_lock (&health->mutex);
  health->held = FALSE;
  g_cond_broadcast (&health->cond);
  g_mutex_unlock (&health->mutex);
}

static HealthState
health_wait (Health  *health,
             char   **problem)
{
  HealthState state;

  /* Whoever needs the answer cannot wait for a check that is held. */
  health_let_go (health);
  g_mutex_lock (&health->mutex);
  while (health->state == HEALTH_CHECKING)
    g_cond_wait (&health->cond, &health->mutex);
  state = health->state;
  *problem = g_strdup (health->problem);
  g_mutex_unlock (&health->mutex);

  return state;
}

static void
healths_publish (const char *path,
                 Health     *health)
{
  G_LOCK (healths);
  if (healths == NULL)
    healths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) health_unref);
  g_hash_table_replace (healths, g_strdup (path), health_ref (health));
  G_UNLOCK (healths);
}

static Health *
healths_lookup (const char *path)
{
  Health *health = NULL;

  G_LOCK (healths);
  if (healths != NULL && (health = g_hash_table_lookup (healths, path)) != NULL)
    health_ref (health);
  G_UNLOCK (healths);

  return health;
}

static void
healths_withdraw (const char *path,
                  Health     *health)
{
  G_LOCK (healths);
  if (healths != NULL && g_hash_table_lookup (healths, path) == health)
    g_hash_table_remove (healths, path);
  G_UNLOCK (healths);
}

/* "rapport.db.v8.bak" → 8, or 0 when @name is not a backup of @base. */
static int
backup_version (const char *base,
                const char *name)
{
  const char *rest;
  guint64 version;
  g_autofree char *digits = NULL;

  if (!g_str_has_prefix (name, base) || !g_str_has_suffix (name, ".bak"))
    return 0;

  rest = name + strlen (base);
  if (!g_str_has_prefix (rest, ".v"))
    return 0;
  rest += 2;
  digits = g_strndup (rest, strlen (rest) - strlen (".bak"));
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT, &version, NULL))
    return 0;

  return (int) version;
}

/**
 * rapport_store_find_latest_backup:
 * @path: a database file
 *
 * Finds the newest of the copies the store makes before each upgrade,
 * `PATH.vN.bak` beside @path.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL when there is none
 */
char *
rapport_store_find_latest_backup (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *best = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  int best_version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      int version = backup_version (base, name);

      if (version > best_version)
        {
          best_version = version;
          g_free (best);
          best = g_strdup (name);
        }
    }

  return best != NULL ? g_build_filename (dir, best, NULL) : NULL;
}

/* What to tell someone whose database is damaged about getting it back. */
static char *
describe_backup_offer (const char *path)
{
  g_autofree char *backup = rapport_store_find_latest_backup (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  g_autofree char *quoted_path = NULL;
  g_autofree char *quoted_backup = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) time = NULL;
  GStatBuf st;

  if (backup == NULL)
    return g_strdup (_("There is no backup beside it: export what is still readable first "
                       "(rapport-cli export members FILE.csv)."));

  name = g_path_get_basename (backup);
  if (g_stat (backup, &st) == 0 && (time = g_date_time_new_from_unix_local (st.st_mtime)) != NULL)
    when = g_date_time_format (time, "%Y-%m-%d %H:%M");
  quoted_path = g_shell_quote (path);
  quoted_backup = g_shell_quote (backup);

  /* Translators: the first %s is a file, then when it was made, its schema
   * version and the command that restores it */
  return g_strdup_printf (_("The latest backup is “%s” (made %s, schema %d). To put it back, close "
                            "Rapport and run: rapport-cli --db %s restore %s"),
                          backup, when ? when : "?", backup_version (base, name),
                          quoted_path, quoted_backup);
}

char *
_rapport_store_describe_damage (const char *path,
                                const char *problem)
{
  g_autofree char *offer = describe_backup_offer (path);
  g_autofree char *what = g_strdup (problem);
  gsize len = strlen (what);

  while (len > 0 && (what[len - 1] == '.' || g_ascii_isspace (what[len - 1])))
    what[--len] = '\0';

  return g_strdup_printf (_("“%s” is damaged: %s. Rapport saves no changes to it so that the damage "
                            "does not spread; what is still readable can be read and exported. %s"),
                          path, what, offer);
}

/* From now on every write fails in SQLite itself, whichever way it comes. */
void
_rapport_store_mark_damaged (RapportStore *self,
                             const char   *problem)
{
  if (self->damage != NULL)
    return;

  self->damage = _rapport_store_describe_damage (self->path, problem);
  sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (self->health != NULL)
    health_settle (self->health, HEALTH_DAMAGED, problem);

  _rapport_store_emit_damaged (self, self->damage);
}

/* Applies the check at open to this connection, waiting for it if it still
 * runs. Only writes come here. */
void
_rapport_store_settle_health (RapportStore *self)
{
  g_autofree char *problem = NULL;

  if (self->health_settled)
    return;

  self->health_settled = TRUE;
  if (self->health != NULL && health_wait (self->health, &problem) == HEALTH_DAMAGED)
    _rapport_store_mark_damaged (self, problem);
}

/* Runs PRAGMA quick_check or integrity_check on @db and adds every problem
 * it reports to @problems, a line each. Returns: SQLITE_DONE when the check
 * ran to the end, SQLITE_INTERRUPT when it was stopped, or another SQLite
 * error. */
static int
run_check (sqlite3    *db,
           const char *pragma,
           GPtrArray  *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);
          g_auto(GStrv) lines = NULL;

          if (text == NULL || g_str_equal (text, "ok"))
            continue;

          /* One row can hold several lines under a "*** in database main ***". */
          lines = g_strsplit (text, "\n", -1);
          for (guint i = 0; lines[i] != NULL; i++)
            {
              if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "*** "))
                g_ptr_array_add (problems, g_strdup (lines[i]));
            }
        }
    }
  sqlite3_finalize (stmt);

  /* A file too damaged to check at all is damaged, too. */
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_IOERR)
    {
      g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (db)));
      rc = SQLITE_DONE;
    }

  return rc;
}

/* The first page number a problem names: "Page 112: …", "Tree 5 page 112 …". */
static gint64
problem_page (GRegex     *page_regex,
              const char *problem)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *digits = NULL;

  if (!g_regex_match (page_regex, problem, 0, &match))
    return 0;

  digits = g_match_info_fetch (match, 1);
  return g_ascii_strtoll (digits, NULL, 10);
}

/* Says after each problem which table or index its page belongs to ("… (in
 * the index “activities_time”)"), with the dbstat table where SQLite has
 * it; returns those tables and indexes, or %NULL. */
static char *
locate_problems (sqlite3   *db,
                 GPtrArray *problems)
{
  g_autoptr(GRegex) page_regex = g_regex_new ("[Pp]age (\\d+)", 0, 0, NULL);
  g_autoptr(GHashTable) trees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GString) sql = g_string_new ("SELECT d.pageno, d.name, s.type FROM dbstat d "
                                         "LEFT JOIN sqlite_schema s ON s.name = d.name WHERE d.pageno IN (");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < problems->len && pages->len < 20; i++)
    {
      gint64 page = problem_page (page_regex, g_ptr_array_index (problems, i));

      if (page > 0)
        g_array_append_val (pages, page);
    }
  if (pages->len == 0)
    return NULL;

  /* One pass over the file for all of them; only the placeholders are
   * built, the page numbers are bound. */
  for (guint i = 0; i < pages->len; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  for (guint i = 0; i < pages->len; i++)
    sqlite3_bind_int64 (stmt, i + 1, g_array_index (pages, gint64, i));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *page = g_new (gint64, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *type = (const char *) sqlite3_column_text (stmt, 2);
      char *tree;

      if (g_strcmp0 (type, "index") == 0)
        tree = g_strdup_printf (_("the index “%s”"), name);
      else if (g_strcmp0 (type, "table") == 0)
        tree = g_strdup_printf (_("the table “%s”"), name);
      else
        tree = g_strdup_printf ("“%s”", name);

      *page = sqlite3_column_int64 (stmt, 0);
      g_hash_table_replace (trees, page, tree);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < problems->len; i++)
    {
      char *problem = g_ptr_array_index (problems, i);
      gint64 page = problem_page (page_regex, problem);
      const char *tree = g_hash_table_lookup (trees, &page);

      if (tree == NULL)
        continue;

      /* Translators: a problem SQLite found, and the table or index it is in */
      g_ptr_array_index (problems, i) = g_strdup_printf (_("%s (in %s)"), problem, tree);
      g_free (problem);
      if (!g_ptr_array_find_with_equal_func (names, tree, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) tree);
    }

  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* How many problems, where, and the first of them. */
static char *
summarize_problems (sqlite3   *db,
                    GPtrArray *problems)
{
  g_autofree char *first = NULL;
  g_autofree char *where = NULL;
  guint n = problems->len;

  g_assert (n > 0);

  first = g_strdup (g_ptr_array_index (problems, 0));
  where = locate_problems (db, problems);
  if (where != NULL)
    /* Translators: how many problems, the tables and indexes they are in,
     * and the first of them as SQLite says it */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "SQLite’s check found %u problem in %s (%s)",
                                         "SQLite’s check found %u problems in %s (the first: %s)", n),
                            n, where, first);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "SQLite’s check found %u problem (%s)",
                                       "SQLite’s check found %u problems (the first: %s)", n),
                          n, first);
}

typedef struct
{
  Health       *health;
  GMainContext *context;
  GWeakRef      store;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  health_unref (job->health);
  g_main_context_unref (job->context);
  g_weak_ref_clear (&job->store);
  g_free (job);
}

/* On the thread that opened the store. */
static gboolean
on_check_damaged_cb (gpointer data)
{
  CheckJob *job = data;
  g_autoptr(RapportStore) self = g_weak_ref_get (&job->store);

  if (self != NULL)
    {
      self->health_settled = FALSE;
      _rapport_store_settle_health (self);
    }

  return G_SOURCE_REMOVE;
}

static gpointer
check_thread_cb (gpointer data)
{
  CheckJob *job = data;
  Health *health = job->health;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *problem = NULL;
  sqlite3 *db = NULL;
  gboolean stop;
  gint64 start;
  int rc;

  g_mutex_lock (&health->mutex);
  while (health->held && !health->stop)
    g_cond_wait (&health->cond, &health->mutex);
  stop = health->stop;
  g_mutex_unlock (&health->mutex);

  start = g_get_monotonic_time ();
  rc = stop ? SQLITE_INTERRUPT
            : sqlite3_open_v2 (health->uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, 5000);
      /* The check reads each page once: a big page cache would only keep
       * memory while the window opens. */
      sqlite3_exec (db, "PRAGMA cache_size = -256", NULL, NULL, NULL);
      g_mutex_lock (&health->mutex);
      health->check_db = db;
      stop = health->stop;
      g_mutex_unlock (&health->mutex);

      /* quick_check walks every page but skips comparing indexes with their
       * tables: about a second for 150 MB. Twenty problems are enough to say. */
      rc = stop ? SQLITE_INTERRUPT : run_check (db, "PRAGMA quick_check(20)", problems);
      if (problems->len > 0)
        problem = summarize_problems (db, problems);
      g_debug ("quick_check of %s: %s in %.2f s", health->uri,
               rc != SQLITE_DONE ? "stopped" : problem ? problem : "ok",
               (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

      g_mutex_lock (&health->mutex);
      health->check_db = NULL;
      g_mutex_unlock (&health->mutex);
    }
  sqlite3_close (db);

  if (problem != NULL)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* Never g_main_context_invoke(): with nobody iterating the context it
       * would run the callback here, on the wrong thread. */
      health_settle (health, HEALTH_DAMAGED, problem);
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, on_check_damaged_cb, job, check_job_free);
      g_source_attach (source, job->context);
      return NULL;
    }

  health_settle (health, rc == SQLITE_DONE ? HEALTH_SOUND : HEALTH_UNKNOWN, NULL);
  check_job_free (job);
  return NULL;
}

/* Starts the check at open, or records that a full check just passed. */
void
_rapport_store_start_check (RapportStore *self,
                            gboolean      checked,
                            gboolean      held)
{
  g_autofree char *absolute = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  CheckJob *job;

  if (self->uri != NULL)
    uri = g_strdup (self->uri);
  else
    {
      absolute = g_canonicalize_filename (self->path, NULL);
      file_uri = g_filename_to_uri (absolute, NULL, NULL);
      if (file_uri == NULL)
        return;
      uri = g_strconcat (file_uri, "?mode=ro", NULL);
    }

  self->health = health_new (uri);
  self->health_settled = FALSE;
  self->health_owner = TRUE;
  healths_publish (self->path, self->health);

  if (checked)
    {
      health_settle (self->health, HEALTH_SOUND, NULL);
      return;
    }

  self->health->held = held;
  job = g_new0 (CheckJob, 1);
  job->health = health_ref (self->health);
  job->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&job->store, self);
  self->check_thread = g_thread_new ("rapport-check", check_thread_cb, job);
}

/* Before an upgrade, which rewrites tables: a damaged file is neither
 * upgraded nor backed up over an older, sound backup. */
gboolean
_rapport_store_check_before_upgrade (RapportStore  *self,
                                     GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *problem = NULL;
  g_autofree char *offer = NULL;
  int rc;

  rc = run_check (self->db, "PRAGMA integrity_check(20)", problems);
  if (problems->len == 0 && rc == SQLITE_DONE)
    return TRUE;

  if (problems->len == 0)
    return _rapport_store_set_sqlite_error (self, rc, sqlite3_errmsg (self->db), error);

  problem = summarize_problems (self->db, problems);
  offer = describe_backup_offer (self->path);
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED,
               _("“%s” is damaged, so it was not upgraded from schema %d (nothing was changed): "
                 "%s. %s"),
               self->path, self->version, problem, offer);
  return FALSE;
}

/* Stops the check at open and lets go of its result; when the store is finalized. */
void
_rapport_store_release_health (RapportStore *self)
{
  /* A check that has not finished says nothing; stop it. */
  if (self->check_thread != NULL)
    {
      g_mutex_lock (&self->health->mutex);
      self->health->stop = TRUE;
      g_cond_broadcast (&self->health->cond);
      if (self->health->check_db != NULL)
        sqlite3_interrupt (self->health->check_db);
      g_mutex_unlock (&self->health->mutex);
      g_thread_join (g_steal_pointer (&self->check_thread));
    }
  if (self->health_owner)
    healths_withdraw (self->path, self->health);
  g_clear_pointer (&self->health, health_unref);
}

/* For a worker's connection: the check that the store which opened the
 * file runs. */
void
_rapport_store_join_health (RapportStore *self)
{
  self->health = healths_lookup (self->path);
  self->health_settled = self->health == NULL;
}

/**
 * rapport_store_start_check:
 *
 * Lets the quick check of a store opened with
 * %RAPPORT_STORE_OPEN_CHECK_LATER start. Nothing for any other store, or
 * after the first write, which starts it too.
 */
void
rapport_store_start_check (RapportStore *self)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  if (self->health != NULL && self->health_owner)
    health_let_go (self->health);
}

/**
 * rapport_store_is_damaged:
 *
 * Whether SQLite found the file damaged: the quick check at open (waited
 * for if it still runs), a full check, or a statement. A damaged store
 * refuses every change with %RAPPORT_STORE_ERROR_DAMAGED; reads go on as
 * far as the damage lets them.
 */
gboolean
rapport_store_is_damaged (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  _rapport_store_settle_health (self);
  return self->damage != NULL;
}

/**
 * rapport_store_get_damage:
 *
 * Returns: (nullable): what is damaged and how to restore the latest
 *   backup, or %NULL when the file is sound
 */
const char *
rapport_store_get_damage (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  _rapport_store_settle_health (self);
  return self->damage;
}

/**
 * rapport_store_check_integrity:
 * @problems: (out) (transfer full) (optional): what is wrong, or %NULL when
 *   nothing is
 *
 * Runs SQLite's full PRAGMA integrity_check, which also compares every
 * index with its table: several seconds on a large file. When it finds
 * problems the store counts as damaged from then on.
 *
 * Returns: %TRUE when the check ran (whatever it found), %FALSE with
 *   @error set when it could not
 */
gboolean
rapport_store_check_integrity (RapportStore  *self,
                               GStrv         *problems,
                               GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  rc = run_check (self->db, "PRAGMA integrity_check(100)", found);
  if (rc != SQLITE_DONE && found->len == 0)
    return _rapport_store_set_sqlite_error (self, rc, sqlite3_errmsg (self->db), error);

  if (found->len > 0)
    {
      g_autofree char *problem = summarize_problems (self->db, found);

      _rapport_store_mark_damaged (self, problem);
    }

  if (problems != NULL)
    {
      if (found->len > 0)
        {
          g_ptr_array_add (found, NULL);
          *problems = (GStrv) g_ptr_array_steal (found, NULL);
        }
      else
        *problems = NULL;
    }

  return TRUE;
}

/* The restore reads the backup through a connection of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

/* Copies @from's main database over @to's, page by page, under @to's locks. */
static int
copy_database (sqlite3 *from,
               sqlite3 *to)
{
  sqlite3_backup *b;
  int rc;

  b = sqlite3_backup_init (to, "main", from, "main");
  if (b == NULL)
    return sqlite3_extended_errcode (to);

  rc = sqlite3_backup_step (b, -1);
  sqlite3_backup_finish (b);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A copy of the damaged file, kept in case it holds something the backup
 * does not. */
static gboolean
keep_damaged_copy (const char  *path,
                   char       **copy_path,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy = g_strdup_printf ("%s.damaged-%s", path, stamp);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_copy = g_strconcat (copy, "-wal", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Could not keep a copy of the damaged file: "));
      return FALSE;
    }

  /* Its -wal holds its last commits; SQLite pairs it with the copy by name. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) wal_source = g_file_new_for_path (wal);
      g_autoptr(GFile) wal_target = g_file_new_for_path (wal_copy);

      g_file_copy (wal_source, wal_target, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
    }

  *copy_path = g_steal_pointer (&copy);
  return TRUE;
}

/**
 * rapport_store_restore_backup:
 * @path: the database to put back, usually a damaged one; no store may
 *   have it open
 * @backup_path: a backup, such as rapport_store_find_latest_backup() gives
 * @damaged_copy: (out) (optional) (transfer full): where the file that was
 *   replaced was kept, or %NULL if there was none
 *
 * Checks the backup with PRAGMA integrity_check, keeps a copy of @path
 * beside it, and copies the backup over @path with SQLite's backup API. An
 * older schema is upgraded the next time a store opens the file.
 */
gboolean
rapport_store_restore_backup (const char  *path,
                              const char  *backup_path,
                              char       **damaged_copy,
                              GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(sqlite3) from = NULL;
  sqlite3 *to = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (damaged_copy != NULL)
    *damaged_copy = NULL;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no backup “%s”"), backup_path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (backup_path, &from, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = run_check (from, "PRAGMA integrity_check(20)", problems);
  if (rc == SQLITE_DONE && problems->len == 0 &&
      sqlite3_prepare_v2 (from, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (problems->len > 0)
    {
      g_autofree char *problem = summarize_problems (from, problems);

      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED,
                   _("The backup “%s” is damaged too (%s); nothing was changed"), backup_path, problem);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_DATABASE,
                   _("Could not read the backup “%s”: %s"), backup_path, sqlite3_errmsg (from));
      return FALSE;
    }
  if (version == 0 || version > rapport_store_get_latest_version ())
    {
      g_set_error (error, RAPPORT_STORE_ERROR,
                   version == 0 ? RAPPORT_STORE_ERROR_NOT_A_DATABASE : RAPPORT_STORE_ERROR_NEWER_SCHEMA,
                   version == 0 ? _("“%s” is not a backup of a Rapport database; nothing was changed")
                                : _("“%s” was written by a newer version of Rapport; nothing was changed"),
                   backup_path);
      return FALSE;
    }

  if (!keep_damaged_copy (path, &copy, error))
    return FALSE;

  /* Over the file itself, under its own locks, so a -wal beside it cannot
   * pair with the wrong pages. */
  rc = sqlite3_open_v2 (path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (to, 5000);
      rc = copy_database (from, to);
    }
  sqlite3_close (to);
  to = NULL;

  /* A header too damaged for SQLite to lock the file: write the backup
   * beside it and move it over the file and its -wal and -shm. */
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_READONLY)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      temp = g_strconcat (path, ".restoring", NULL);
      g_unlink (temp);
      rc = sqlite3_open_v2 (temp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
      if (rc == SQLITE_OK)
        rc = copy_database (from, to);
      sqlite3_close (to);
      to = NULL;

      if (rc == SQLITE_OK)
        {
          g_unlink (wal);
          g_unlink (shm);
          if (g_rename (temp, path) != 0)
            rc = SQLITE_IOERR;
        }
      g_unlink (temp);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQLITE,
                   _("Could not copy the backup “%s” over “%s”: %s"),
                   backup_path, path, sqlite3_errstr (rc));
      return FALSE;
    }

  if (damaged_copy != NULL)
    *damaged_copy = g_steal_pointer (&copy);
  return TRUE;
}
