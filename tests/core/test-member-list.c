/* test-member-list.c
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

#include "rapport-member.h"
#include "rapport-member-list.h"
#include "rapport-store.h"

typedef struct
{
  char              *dir;
  RapportStore      *store;
  RapportMemberList *list;
  GString           *log;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  g_string_append_printf (f->log, "%s%u-%u+%u", f->log->len ? " " : "", position, removed, added);
}

static gint64
add (Fixture    *f,
     const char *name)
{
  g_autoptr(RapportMember) m = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (m, name);
  rapport_store_insert_member (f->store, m, &error);
  g_assert_no_error (error);
  return rapport_member_get_id (m);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *names[] = { "Bruno Alves", "Dilnoza Karimova", "Fatima Zahra", "Hiroshi Tanaka", "Kwame Mensah" };

  f->dir = g_dir_make_tmp ("rapport-list-XXXXXX", &error);
  path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add (f, names[i]);

  f->list = rapport_member_list_new (f->store);
  f->log = g_string_new (NULL);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_assert_true (rapport_member_list_reload_sync (f->list, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->log->str, ==, "0-0+5");
  g_string_truncate (f->log, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (rapport_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  /* A finished reload's worker thread may still hold its task for a moment. */
  while (G_OBJECT (f->list)->ref_count > 1)
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (f->list);
  g_assert_finalize_object (f->store);
  g_string_free (f->log, TRUE);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static const char *
name_at (Fixture *f,
         guint    position)
{
  g_autoptr(RapportMember) m = g_list_model_get_item (G_LIST_MODEL (f->list), position);
  static char buffer[128];

  g_assert_nonnull (m);
  g_strlcpy (buffer, rapport_member_get_name (m), sizeof buffer);
  return buffer;
}

static gboolean
settled (gpointer data)
{
  Fixture *f = data;

  return f->log->len > 0 && !rapport_member_list_get_loading (f->list);
}

static void
wait_for_change (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!settled (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RapportMember) a = NULL;
  g_autoptr(RapportMember) b = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == RAPPORT_TYPE_MEMBER);
  g_assert_cmpstr (name_at (f, 0), ==, "Bruno Alves");
  g_assert_cmpstr (name_at (f, 4), ==, "Kwame Mensah");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 5));

  /* Asking twice gives the same object while it is cached. */
  a = g_list_model_get_item (G_LIST_MODEL (f->list), 2);
  b = g_list_model_get_item (G_LIST_MODEL (f->list), 2);
  g_assert_true (a == b);
}

static void
test_insert_is_precise (Fixture       *f,
                        gconstpointer  data)
{
  add (f, "Esperanza Ruiz");
  wait_for_change (f);
  /* Between Dilnoza (1) and Fatima (2): one row added at 2. */
  g_assert_cmpstr (f->log->str, ==, "2-0+1");
  g_assert_cmpstr (name_at (f, 2), ==, "Esperanza Ruiz");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 6);
}

static void
test_delete_is_precise (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint position = 0;
  gint64 id;

  id = rapport_member_list_get_id (f->list, 3);
  g_assert_true (rapport_member_list_find (f->list, id, &position));
  g_assert_cmpuint (position, ==, 3);

  rapport_store_delete_member (f->store, id, NULL, &error);
  g_assert_no_error (error);
  /* Removed at once, no query needed. */
  g_assert_cmpstr (f->log->str, ==, "3-1+0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 4);
  g_assert_false (rapport_member_list_find (f->list, id, NULL));
}

static void
test_update_moves_row (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportMember) m = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_autoptr(RapportMember) copy = rapport_member_copy (m);
  g_autoptr(GError) error = NULL;

  /* Bruno becomes Zeynep: the row changes in place, then moves to the end. */
  rapport_member_set_name (copy, "Zeynep Yılmaz");
  rapport_store_update_member (f->store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->log->str, ==, "0-1+1");
  g_string_truncate (f->log, 0);

  wait_for_change (f);
  g_assert_cmpstr (f->log->str, ==, "0-5+5");
  g_assert_cmpstr (name_at (f, 0), ==, "Dilnoza Karimova");
  g_assert_cmpstr (name_at (f, 4), ==, "Zeynep Yılmaz");
}

static void
test_search_and_sort (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rapport_member_list_set_search_text (f->list, "ka");
  wait_for_change (f);
  /* Words match by prefix: "ka" finds Karimova, not Tanaka. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
  g_assert_cmpstr (name_at (f, 0), ==, "Dilnoza Karimova");

  g_string_truncate (f->log, 0);
  rapport_member_list_set_search_text (f->list, NULL);
  rapport_member_list_set_sort (f->list, RAPPORT_MEMBER_SORT_NAME, TRUE);
  g_assert_true (rapport_member_list_reload_sync (f->list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 5);
  g_assert_cmpstr (name_at (f, 0), ==, "Kwame Mensah");
}

static void
test_reload_signal_from_bulk (Fixture       *f,
                              gconstpointer  data)
{
  RapportStore *worker;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMember) m = rapport_member_new ();

  /* Another connection writes (as an import does), then the main store
   * announces a reload. */
  worker = rapport_store_new_for_thread (f->store, &error);
  g_assert_no_error (error);
  rapport_member_set_name (m, "Aiyana Redcloud");
  rapport_store_insert_member (worker, m, &error);
  g_assert_no_error (error);
  g_object_unref (worker);

  g_assert_cmpstr (f->log->str, ==, "");
  rapport_store_emit_changed (f->store, "members", 0, RAPPORT_CHANGE_RELOAD);
  wait_for_change (f);
  g_assert_cmpstr (f->log->str, ==, "0-0+1");
  g_assert_cmpstr (name_at (f, 0), ==, "Aiyana Redcloud");
}

static void
test_many_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-list-many-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = rapport_store_new (path, &error);
  g_autoptr(RapportMemberList) list = NULL;
  g_autoptr(RapportMember) last = NULL;

  g_assert_no_error (error);
  rapport_store_begin (store, &error);
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(RapportMember) m = rapport_member_new ();
      g_autofree char *name = g_strdup_printf ("Member %05u", i);

      rapport_member_set_name (m, name);
      rapport_store_insert_member (store, m, &error);
      g_assert_no_error (error);
    }
  rapport_store_commit (store, &error);
  g_assert_no_error (error);

  list = rapport_member_list_new (store);
  rapport_member_list_reload_sync (list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20000);
  last = g_list_model_get_item (G_LIST_MODEL (list), 19999);
  g_assert_cmpstr (rapport_member_get_name (last), ==, "Member 19999");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/member-list/items", test_items);
  ADD ("/rapport/member-list/insert", test_insert_is_precise);
  ADD ("/rapport/member-list/delete", test_delete_is_precise);
  ADD ("/rapport/member-list/update", test_update_moves_row);
  ADD ("/rapport/member-list/search-sort", test_search_and_sort);
  ADD ("/rapport/member-list/bulk-reload", test_reload_signal_from_bulk);
  g_test_add_func ("/rapport/member-list/many", test_many_members);

#undef ADD

  return g_test_run ();
}
