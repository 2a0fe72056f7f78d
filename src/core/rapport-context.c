/* rapport-context.c
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

#define G_LOG_DOMAIN "rapport-context"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-store.h"
#include "rapport-sync-scheduler.h"

/* What the application keeps open for one community, handed to every widget
 * and command that needs it: the store, the clock every rule reads "now"
 * from, the scoring that keeps scores up to date as activities arrive, the
 * advocate pipeline, and the scheduler that syncs the accounts. One place
 * owns them, so each exists once. */

struct _RapportContext
{
  GObject               parent_instance;

  RapportStore         *store;
  RapportClock         *clock;
  RapportScoring       *scoring;
  RapportSyncScheduler *sync_scheduler;
  /* Read from the store on first use. */
  RapportPipeline      *pipeline;
};

G_DEFINE_FINAL_TYPE (RapportContext, rapport_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_SCORING,
  PROP_PIPELINE,
  PROP_SYNC_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_context_constructed (GObject *object)
{
  RapportContext *self = (RapportContext *)object;

  G_OBJECT_CLASS (rapport_context_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  self->clock = g_object_ref (rapport_clock_get_default ());
  /* Shared with anything else that shows the store, so each new activity is
   * scored once. */
  self->scoring = rapport_scoring_dup_for_store (self->store);
  /* Shared too, so one sync runs at a time however many parts ask. */
  self->sync_scheduler = rapport_sync_scheduler_dup_for_store (self->store);
}

static void
rapport_context_dispose (GObject *object)
{
  RapportContext *self = (RapportContext *)object;

  /* The community closes: so does its sync. */
  if (self->sync_scheduler != NULL)
    rapport_sync_scheduler_cancel (self->sync_scheduler);
  g_clear_object (&self->sync_scheduler);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->scoring);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_context_parent_class)->dispose (object);
}

static void
rapport_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_SCORING:
      g_value_set_object (value, self->scoring);
      break;

    case PROP_PIPELINE:
      g_value_set_object (value, rapport_context_get_pipeline (self));
      break;

    case PROP_SYNC_SCHEDULER:
      g_value_set_object (value, rapport_context_get_sync_scheduler (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

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
rapport_context_class_init (RapportContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_context_constructed;
  object_class->dispose = rapport_context_dispose;
  object_class->get_property = rapport_context_get_property;
  object_class->set_property = rapport_context_set_property;

  /* Given once, when the context is made; read-only after. */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         RAPPORT_TYPE_CLOCK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCORING] =
    g_param_spec_object ("scoring", NULL, NULL,
                         RAPPORT_TYPE_SCORING,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL,
                         RAPPORT_TYPE_PIPELINE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SYNC_SCHEDULER] =
    g_param_spec_object ("sync-scheduler", NULL, NULL,
                         RAPPORT_TYPE_SYNC_SCHEDULER,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_context_init (RapportContext *self)
{
}

/**
 * rapport_context_new:
 * @store: the open community
 *
 * Returns: (transfer full): a context for @store
 */
RapportContext *
rapport_context_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_CONTEXT,
                       "store", store,
                       NULL);
}

/**
 * rapport_context_open:
 * @path: the community database to open
 *
 * Opens the store at @path and makes a context for it.
 *
 * Returns: (transfer full) (nullable): the context, or %NULL with @error set
 */
RapportContext *
rapport_context_open (const char  *path,
                      GError     **error)
{
  g_autoptr(RapportStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = rapport_store_new (path, error);
  if (store == NULL)
    return NULL;

  return rapport_context_new (store);
}

/**
 * rapport_context_get_store:
 *
 * Returns: (transfer none): the store
 */
RapportStore *
rapport_context_get_store (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * rapport_context_get_clock:
 *
 * Returns: (transfer none): the clock every rule reads "now" from
 */
RapportClock *
rapport_context_get_clock (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->clock;
}

/**
 * rapport_context_get_scoring:
 *
 * Returns: (transfer none): the scoring of the store, which keeps scores up
 *   to date as activities arrive
 */
RapportScoring *
rapport_context_get_scoring (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->scoring;
}

/**
 * rapport_context_get_pipeline:
 *
 * The pipeline's stages are read from the store the first time they are
 * asked for.
 *
 * Returns: (transfer none) (nullable): the advocate pipeline, or %NULL if
 *   its stages could not be read
 */
RapportPipeline *
rapport_context_get_pipeline (RapportContext *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  if (self->pipeline == NULL)
    {
      self->pipeline = rapport_pipeline_new (self->store, &error);
      if (self->pipeline == NULL)
        g_warning ("Could not read the pipeline's stages: %s", error->message);
    }

  return self->pipeline;
}

/**
 * rapport_context_get_sync_scheduler:
 *
 * The scheduler is the one rapport_sync_scheduler_dup_for_store() gives for
 * the store, made on the main context of the thread that made the context.
 * Its background syncs are off until its interval is set; when the context
 * goes, the sync under way stops.
 *
 * Returns: (transfer none): the scheduler that syncs the store's accounts
 */
RapportSyncScheduler *
rapport_context_get_sync_scheduler (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->sync_scheduler;
}
