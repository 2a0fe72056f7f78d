/* rapport-clock.c
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

#define G_LOG_DOMAIN "rapport-clock"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "rapport-clock.h"

/* The one source of "now" for every rule: decay, cooling-off, due dates,
 * "last 30 days", month views, relative times. It follows the system clock
 * unless a test (or RAPPORT_NOW in the environment, for the CLI and the app
 * started by a test) fixes it to a moment, where it stays until moved.
 * Worker threads read it too, so the fixed moment is an atomic. */

struct _RapportClock
{
  GObject parent_instance;

  gint64  fixed;     /* Unix time while fixed, G_MININT64 while following the system */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RapportClock, rapport_clock, G_TYPE_OBJECT)

static void
rapport_clock_class_init (RapportClockClass *klass)
{
  /**
   * RapportClock::changed:
   *
   * Emitted when the clock is fixed, moved or set back to the system's, so
   * views that show "today" can follow.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
rapport_clock_init (RapportClock *self)
{
  self->fixed = G_MININT64;
}

RapportClock *
rapport_clock_new (void)
{
  return g_object_new (RAPPORT_TYPE_CLOCK, NULL);
}

static gboolean
parse_moment (const char  *text,
              gint64      *unix_time,
              GError     **error)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) local = NULL;
  char *end = NULL;
  gint64 value;

  g_assert (text != NULL);

  value = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0')
    {
      *unix_time = value;
      return TRUE;
    }

  /* A moment without an offset is local time, as a person writes it. */
  local = g_time_zone_new_local ();
  when = g_date_time_new_from_iso8601 (text, local);
  if (when == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a moment: write it as 2026-12-07T10:00:00Z or as Unix time"),
                   text);
      return FALSE;
    }

  *unix_time = g_date_time_to_unix (when);
  return TRUE;
}

/**
 * rapport_clock_get_default:
 *
 * The process's clock. When the environment has `RAPPORT_NOW` (ISO 8601, or
 * Unix time) it starts fixed at that moment, so a test can run the CLI or the
 * application on the day it means.
 *
 * Returns: (transfer none): the clock
 */
RapportClock *
rapport_clock_get_default (void)
{
  static RapportClock *clock;

  if (g_once_init_enter (&clock))
    {
      RapportClock *made = rapport_clock_new ();
      const char *env = g_getenv ("RAPPORT_NOW");

      if (env != NULL && *env != '\0')
        {
          g_autoptr(GError) error = NULL;

          if (!rapport_clock_set_fixed_iso8601 (made, env, &error))
            g_warning ("RAPPORT_NOW: %s", error->message);
        }

      g_once_init_leave (&clock, made);
    }

  return clock;
}

static gint64
load_fixed (RapportClock *self)
{
  return __atomic_load_n (&self->fixed, __ATOMIC_ACQUIRE);
}

static void
store_fixed (RapportClock *self,
             gint64        value)
{
  __atomic_store_n (&self->fixed, value, __ATOMIC_RELEASE);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * rapport_clock_get_unix:
 *
 * Returns: now, as Unix time (UTC), in seconds
 */
gint64
rapport_clock_get_unix (RapportClock *self)
{
  gint64 fixed;

  g_return_val_if_fail (RAPPORT_IS_CLOCK (self), 0);

  fixed = load_fixed (self);
  if (fixed != G_MININT64)
    return fixed;

  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * rapport_clock_dup_local:
 *
 * Returns: (transfer full): now, in the local time zone
 */
GDateTime *
rapport_clock_dup_local (RapportClock *self)
{
  g_return_val_if_fail (RAPPORT_IS_CLOCK (self), NULL);

  return g_date_time_new_from_unix_local (rapport_clock_get_unix (self));
}

/**
 * rapport_clock_dup_utc:
 *
 * Returns: (transfer full): now, in UTC
 */
GDateTime *
rapport_clock_dup_utc (RapportClock *self)
{
  g_return_val_if_fail (RAPPORT_IS_CLOCK (self), NULL);

  return g_date_time_new_from_unix_utc (rapport_clock_get_unix (self));
}

gboolean
rapport_clock_is_fixed (RapportClock *self)
{
  g_return_val_if_fail (RAPPORT_IS_CLOCK (self), FALSE);

  return load_fixed (self) != G_MININT64;
}

/**
 * rapport_clock_set_fixed:
 * @unix_time: the moment, as Unix time (UTC)
 *
 * Stops the clock at @unix_time until it is moved or set back to the
 * system's time.
 */
void
rapport_clock_set_fixed (RapportClock *self,
                         gint64        unix_time)
{
  g_return_if_fail (RAPPORT_IS_CLOCK (self));
  g_return_if_fail (unix_time != G_MININT64);

  store_fixed (self, unix_time);
}

/**
 * rapport_clock_set_fixed_iso8601:
 * @text: an ISO 8601 moment ("2026-12-07T10:00:00Z"; local time without an
 *   offset) or Unix time in seconds
 *
 * Returns: %TRUE when @text was a moment and the clock stopped there
 */
gboolean
rapport_clock_set_fixed_iso8601 (RapportClock  *self,
                                 const char    *text,
                                 GError       **error)
{
  gint64 unix_time;

  g_return_val_if_fail (RAPPORT_IS_CLOCK (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!parse_moment (text, &unix_time, error))
    return FALSE;

  store_fixed (self, unix_time);
  return TRUE;
}

/**
 * rapport_clock_advance:
 * @seconds: how far to move a fixed clock (negative moves it back)
 *
 * Moves a fixed clock; a clock that follows the system is fixed at now plus
 * @seconds.
 */
void
rapport_clock_advance (RapportClock *self,
                       gint64        seconds)
{
  g_return_if_fail (RAPPORT_IS_CLOCK (self));

  store_fixed (self, rapport_clock_get_unix (self) + seconds);
}

/**
 * rapport_clock_follow_system:
 *
 * Lets the clock follow the system's time again.
 */
void
rapport_clock_follow_system (RapportClock *self)
{
  g_return_if_fail (RAPPORT_IS_CLOCK (self));

  if (load_fixed (self) == G_MININT64)
    return;

  store_fixed (self, G_MININT64);
}

/* Shorthands for the rules, which all read the process's clock. */

gint64
rapport_now_unix (void)
{
  return rapport_clock_get_unix (rapport_clock_get_default ());
}

GDateTime *
rapport_now_local (void)
{
  return rapport_clock_dup_local (rapport_clock_get_default ());
}

GDateTime *
rapport_now_utc (void)
{
  return rapport_clock_dup_utc (rapport_clock_get_default ());
}
