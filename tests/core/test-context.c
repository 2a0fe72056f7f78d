/* test-context.c
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

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-context-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportContext *context;
  RapportStore *store;
  RapportClock *clock;
  RapportScoring *scoring;
  RapportPipeline *pipeline;

  context = rapport_context_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (RAPPORT_IS_CONTEXT (context));

  store = rapport_context_get_store (context);
  g_assert_true (RAPPORT_IS_STORE (store));
  g_assert_cmpstr (rapport_store_get_path (store), ==, f->path);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

  clock = rapport_context_get_clock (context);
  g_assert_true (clock == rapport_clock_get_default ());

  scoring = rapport_context_get_scoring (context);
  g_assert_true (RAPPORT_IS_SCORING (scoring));
  g_assert_true (rapport_scoring_get_store (scoring) == store);

  pipeline = rapport_context_get_pipeline (context);
  g_assert_true (RAPPORT_IS_PIPELINE (pipeline));
  g_assert_true (rapport_pipeline_get_store (pipeline) == store);

  /* The same parts every time. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RapportStore) prop_store = NULL;
      g_autoptr(RapportClock) prop_clock = NULL;
      g_autoptr(RapportScoring) prop_scoring = NULL;
      g_autoptr(RapportPipeline) prop_pipeline = NULL;

      g_assert_true (rapport_context_get_store (context) == store);
      g_assert_true (rapport_context_get_clock (context) == clock);
      g_assert_true (rapport_context_get_scoring (context) == scoring);
      g_assert_true (rapport_context_get_pipeline (context) == pipeline);

      g_object_get (context,
                    "store", &prop_store,
                    "clock", &prop_clock,
                    "scoring", &prop_scoring,
                    "pipeline", &prop_pipeline,
                    NULL);
      g_assert_true (prop_store == store);
      g_assert_true (prop_clock == clock);
      g_assert_true (prop_scoring == scoring);
      g_assert_true (prop_pipeline == pipeline);
    }

  /* One scoring per store: others showing it share the context's. */
  {
    g_autoptr(RapportScoring) shared = rapport_scoring_dup_for_store (store);

    g_assert_true (shared == scoring);
  }

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (context);
}

static void
test_open_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "file", NULL);
  g_autofree char *path = g_build_filename (file, "rapport.db", NULL);
  RapportContext *context;

  /* A file where the folder should be. */
  g_file_set_contents (file, "x", 1, &error);
  g_assert_no_error (error);
  context = rapport_context_open (path, &error);
  g_assert_null (context);
  g_assert_nonnull (error);
}

static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store;
  RapportContext *context;

  store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);

  context = rapport_context_new (store);
  g_assert_true (rapport_context_get_store (context) == store);
  g_assert_true (rapport_context_get_pipeline (context) == rapport_context_get_pipeline (context));

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (context);
  /* The context let go of everything it held. */
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/context/open", test_open);
  ADD ("/rapport/context/open-error", test_open_error);
  ADD ("/rapport/context/new", test_new);

  return g_test_run ();
}
